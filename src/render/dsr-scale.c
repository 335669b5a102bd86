/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-scale"

#include "config.h"

#include <math.h>

#include "dsr-scale.h"

/* The smallest step of 1, 2 or 5 times a power of ten that is at least @raw_step. */
double
dsr_scale_nice_step (double raw_step)
{
  double magnitude, fraction;

  if (!(raw_step > 0) || !isfinite (raw_step))
    return 1.0;

  magnitude = pow (10, floor (log10 (raw_step)));
  fraction = raw_step / magnitude;
  /* A little slack so that 0.3 / 0.1 (2.9999…) does not become 5. */
  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

static int
decimals_for_step (double step)
{
  int decimals = 0;

  while (decimals < 6 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  return decimals;
}

/* Ticks that cover lo..hi with at most @max_ticks ticks (at least 2). */
void
dsr_scale_nice_ticks (double    lo,
                      double    hi,
                      guint     max_ticks,
                      DsrTicks *out)
{
  double step;

  g_return_if_fail (out != NULL);

  max_ticks = CLAMP (max_ticks, 2, DSR_SCALE_MAX_TICKS);
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-12)
    {
      /* One value: an axis around it (or from zero to it). */
      double pad = fabs (lo) > 1e-12 ? fabs (lo) * 0.1 : 1.0;

      if (lo > 0)
        lo = 0, hi = hi + pad;
      else if (hi < 0)
        hi = 0, lo = lo - pad;
      else
        lo -= pad, hi += pad;
    }

  step = dsr_scale_nice_step ((hi - lo) / (max_ticks - 1));
  for (;;)
    {
      double first = floor (lo / step + 1e-9) * step;
      double last = ceil (hi / step - 1e-9) * step;
      guint n = (guint) llround ((last - first) / step) + 1;

      if (n <= max_ticks)
        {
          out->min = first;
          out->max = last;
          out->step = step;
          out->n_ticks = n;
          out->decimals = decimals_for_step (step);
          return;
        }
      step = dsr_scale_nice_step (step * 1.01);
    }
}

double
dsr_ticks_get (const DsrTicks *ticks,
               guint           index)
{
  double v = ticks->min + index * ticks->step;

  /* No "-0" and no 0.30000000000000004. */
  v = round (v / ticks->step) * ticks->step;
  return fabs (v) < ticks->step * 1e-9 ? 0.0 : v;
}

/* Whole years first..last, every 1, 2, 5, 10… years, on multiples of the step. */
void
dsr_scale_year_ticks (int       first,
                      int       last,
                      guint     max_ticks,
                      DsrTicks *out)
{
  double step;
  double lo, hi;

  g_return_if_fail (out != NULL);

  max_ticks = CLAMP (max_ticks, 1, DSR_SCALE_MAX_TICKS);
  if (last < first)
    {
      int t = first;
      first = last;
      last = t;
    }

  step = MAX (1.0, dsr_scale_nice_step ((double) (last - first) / MAX (1, (int) max_ticks - 1)));
  for (;;)
    {
      lo = ceil (first / step - 1e-9) * step;
      hi = floor (last / step + 1e-9) * step;
      if (hi < lo || (guint) llround ((hi - lo) / step) + 1 <= max_ticks)
        break;
      step = dsr_scale_nice_step (step * 1.01);
    }
  if (hi < lo)
    lo = hi = first;
  out->min = lo;
  out->max = hi;
  out->step = step;
  out->n_ticks = (guint) llround ((hi - lo) / step) + 1;
  out->decimals = 0;
}
