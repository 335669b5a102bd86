/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dsr-types.h"

G_BEGIN_DECLS

#define DSR_TYPE_INDICATOR (dsr_indicator_get_type ())
G_DECLARE_FINAL_TYPE (DsrIndicator, dsr_indicator, DSR, INDICATOR, GObject)

DsrIndicator *dsr_indicator_new                 (const char   *id,
                                                 const char   *name,
                                                 const char   *unit,
                                                 DsrTheme      theme,
                                                 const char   *source,
                                                 int           decimals,
                                                 gboolean      higher_is_better,
                                                 const char   *description);
const char   *dsr_indicator_get_id              (DsrIndicator *self);
const char   *dsr_indicator_get_name            (DsrIndicator *self);
const char   *dsr_indicator_get_unit            (DsrIndicator *self);
DsrTheme      dsr_indicator_get_theme           (DsrIndicator *self);
const char   *dsr_indicator_get_source          (DsrIndicator *self);
int           dsr_indicator_get_decimals        (DsrIndicator *self);
gboolean      dsr_indicator_get_higher_is_better (DsrIndicator *self);
const char   *dsr_indicator_get_description     (DsrIndicator *self);

/* How the indicator's country values combine into a region's (see
 * DsrAggregation); DSR_AGGREGATION_MEAN unless set. */
DsrAggregation dsr_indicator_get_aggregation    (DsrIndicator *self);
void          dsr_indicator_set_aggregation     (DsrIndicator *self,
                                                 DsrAggregation aggregation);
/* The publisher's "Last Updated" date of the values, "YYYY-MM-DD"; "" when
 * not known. */
const char   *dsr_indicator_get_vintage         (DsrIndicator *self);
void          dsr_indicator_set_vintage         (DsrIndicator *self,
                                                 const char   *vintage);
/* The id of an indicator that holds what a publication printed for the
 * same measure (the paper's regional averages), shown as marks beside the
 * values computed from country data; "" when none. */
const char   *dsr_indicator_get_reference_id    (DsrIndicator *self);
void          dsr_indicator_set_reference_id    (DsrIndicator *self,
                                                 const char   *reference_id);

G_END_DECLS
