/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-figures.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* Sizes a view may have (logical pixels) and scales for PNG export. */
#define DSR_VIEW_MIN_SIZE   100
#define DSR_VIEW_MAX_SIZE   10000
#define DSR_VIEW_MIN_SCALE  0.25
#define DSR_VIEW_MAX_SCALE  8.0

/* One value a chart shows: what it is, where it comes from. Strings are
 * borrowed from the store (or the indicator). */
typedef struct
{
  const char    *entity_id;
  const char    *name;
  DsrEntityKind  kind;
  int            year;
  double         value;      /* as shown: compared with the world in "Gap to World"; NAN: none */
  double         raw;        /* the figure itself; NAN: none */
  DsrFigureStatus status;    /* DSR_FIGURE_INSUFFICIENT: too few members with data */
  DsrBasis       basis;
  DsrQualifier   qualifier;
  DsrAggregation rule;       /* computed values: how */
  guint          n;          /* coverage of a computed value, else 0 */
  guint          total;
  double         coverage;   /* computed: share of the members (or their population) */
  int            members_year; /* computed: members as of this year */
  int            data_year_min; /* the years of the data used (a tolerance may widen them) */
  int            data_year_max;
  double         reference;  /* what the indicator's reference publication printed; NAN: none */
  const char    *reference_source;
  const char    *source;
} DsrChartValue;

typedef struct
{
  const char    *entity_id;
  const char    *name;
  DsrEntityKind  kind;
  guint          color;      /* index into the style's series colours */
  GArray        *points;     /* of DsrChartValue, by year */
} DsrChartSeries;

/* The numbers behind one view, gathered once: the renderers draw them and
 * the CSV export writes exactly them. */
typedef struct
{
  DsrStore      *store;
  DsrView       *view;       /* the view with its defaults filled in */
  DsrIndicator  *indicator;  /* NULL: unknown indicator */
  DsrGrouping   *grouping;   /* NULL: the store has none */
  DsrFigures    *figures;    /* the rules every number here follows */
  DsrAggregation rule;       /* the indicator's rule, or the view's */
  gboolean       diff;       /* values are compared with the world (see dsr_figures_compare) */
  int            decimals;

  /* bars (and the world figure of every view) */
  GArray        *bars;       /* of DsrChartValue, largest value first */
  GArray        *no_data;    /* of DsrChartValue: the regions without a value to show
                              * (status: no data, or insufficient data) */
  DsrChartValue  world;      /* the world figure, like for like; value NAN when unknown */
  DsrChartValue  bri;
  gboolean       any_reference; /* some bar has a reference value */
  double         scale;      /* charts print values divided by this (1, or 1e6, 1e9, 1e12 for
                              * large amounts, said on the axis); files keep every digit */

  /* trend */
  GPtrArray     *series;     /* of DsrChartSeries */

  /* table */
  GArray        *rows;       /* of DsrChartValue */

  /* scatter (dsr-chart-scatter.h): x is the indicator above (its world in
   * world, its print scale in scale), y the view's y_indicator_id */
  DsrIndicator  *y_indicator;
  DsrFigures    *y_figures;
  DsrAggregation y_rule;
  int            y_decimals;
  double         y_scale;
  DsrChartValue  y_world;
  GArray        *points;     /* of DsrScatterPoint, by name */
  guint          n_countries; /* the economies with a value of either indicator */
  guint          n_nearest;  /* points with a value of another year (the tolerance) */
  gboolean       log_x;      /* the axis is logarithmic */
  gboolean       log_y;
  gboolean       has_fit;    /* view->show_fit and enough points: y = a + b x (log10 where an axis is log) */
  double         fit_slope;
  double         fit_intercept;
  double         fit_r;
} DsrChartData;

DsrView      *dsr_chart_resolve_view    (DsrStore      *store,
                                         const DsrView *view,
                                         GError       **error);

DsrChartData *dsr_chart_data_new        (DsrStore      *store,
                                         const DsrView *view);
void          dsr_chart_data_free       (DsrChartData  *data);
GPtrArray    *dsr_chart_data_get_values (DsrChartData  *data);
GPtrArray    *dsr_chart_data_get_all_values (DsrChartData *data);
const char   *dsr_chart_data_get_measure (DsrChartData *data);
char         *dsr_chart_data_describe_rules (DsrChartData *data);
char         *dsr_chart_data_format_value (DsrChartData *data,
                                           const DsrChartValue *value);
char         *dsr_chart_data_scaled_unit (DsrChartData *data,
                                          const char   *unit);
char         *dsr_chart_data_get_sources (DsrChartData *data);
gboolean      dsr_chart_data_is_empty   (DsrChartData  *data);

char         *dsr_chart_format_years    (GArray        *years);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrChartData, dsr_chart_data_free)

G_END_DECLS
