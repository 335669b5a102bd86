/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-chart-data.h"
#include "dsr-render.h"

G_BEGIN_DECLS

/* The scatter view: two indicators for one year, one dot per economy that
 * has both values (each value as the figures give it: its own year, or its
 * nearest within the view's tolerance, as on the map). Members of the
 * view's grouping (as of the year) are coloured by their region, other
 * economies grey. */
typedef struct
{
  DsrChartValue x;           /* the horizontal indicator's figure (view->indicator_id) */
  DsrChartValue y;           /* the vertical one's (view->y_indicator_id) */
  double        population;  /* SP.POP.TOTL of the year (within the tolerance); NAN: unknown */
  DsrChartValue pop;         /* its figure, for the CSV (status NO_DATA when unknown) */
  int           region;      /* index of the region in the grouping; -1: not a member */
  const char   *region_name; /* NULL for a non-member */
} DsrScatterPoint;

/* The least-squares line y = intercept + slope * x through @n points and
 * Pearson's r. FALSE (and NANs) with fewer than three points or when either
 * variable does not vary. */
gboolean          dsr_scatter_fit            (const double         *x,
                                              const double         *y,
                                              guint                 n,
                                              double               *slope,
                                              double               *intercept,
                                              double               *r);

/* Whether values that are all positive span orders of magnitude, so that a
 * logarithmic axis shows them better (ICT service exports in US$). */
gboolean          dsr_scatter_wants_log      (const double         *values,
                                              guint                 n);

/* Powers of ten from the one at or below @lo to the one at or above @hi;
 * every @step-th decade when there are more than @max_ticks. */
void              dsr_scatter_log_ticks      (double                lo,
                                              double                hi,
                                              guint                 max_ticks,
                                              double               *first,
                                              double               *last,
                                              int                  *step);

/**
 * dsr_render_scatter_frame:
 * @from: (nullable): the previous year's data, for a frame between two years
 * @to: the data shown
 * @t: 0..1: how far from @from to @to (1: @to alone)
 * @selected: (nullable): the selected economy, ringed and labelled
 *
 * Draws a scatter: dots present in both move, dots only in @from fade out,
 * dots only in @to fade in. The layout's hits and text are @to's.
 */
DsrRenderLayout  *dsr_render_scatter_frame   (cairo_t              *cr,
                                              DsrChartData         *from,
                                              DsrChartData         *to,
                                              double                t,
                                              const char           *selected,
                                              const DsrRenderStyle *style,
                                              double                width,
                                              double                height,
                                              DsrTextFunc           text_func,
                                              gpointer              user_data);

/* The point of @entity_id in @data, or NULL. */
const DsrScatterPoint *dsr_chart_data_find_point (DsrChartData     *data,
                                                  const char       *entity_id);

/* Within the render layer. */
gboolean  _dsr_scatter_fill_view  (DsrStore      *store,
                                   DsrView       *view,
                                   GError       **error);
void      _dsr_scatter_gather     (DsrChartData  *data);
void      _dsr_scatter_write_csv  (DsrChartData  *data,
                                   GString       *csv);
void      _dsr_chart_value_from_figure (DsrChartValue   *value,
                                        DsrEntity       *entity,
                                        const DsrFigure *figure);

G_END_DECLS
