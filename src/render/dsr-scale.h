/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DSR_SCALE_MAX_TICKS 24

/* Axis ticks at "nice" steps: 1, 2 or 5 times a power of ten. */
typedef struct
{
  double min;       /* the first tick: the axis starts here */
  double max;       /* the last tick */
  double step;
  guint  n_ticks;
  int    decimals;  /* decimals that show every tick exactly */
} DsrTicks;

double   dsr_scale_nice_step   (double    raw_step);
void     dsr_scale_nice_ticks  (double    lo,
                                double    hi,
                                guint     max_ticks,
                                DsrTicks *out);
double   dsr_ticks_get         (const DsrTicks *ticks,
                                guint           index);
void     dsr_scale_year_ticks  (int       first,
                                int       last,
                                guint     max_ticks,
                                DsrTicks *out);

G_END_DECLS
