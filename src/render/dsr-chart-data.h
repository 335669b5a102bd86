/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* A computed world or Belt and Road average is only shown when at least
 * this share of the members has data: a "world" mean of three economies
 * would mislead. Regions are always shown, with their coverage. */
#define DSR_CHART_MIN_REFERENCE_COVERAGE 0.5

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
  double         value;      /* NAN: no data */
  DsrBasis       basis;
  DsrQualifier   qualifier;
  guint          n;          /* coverage of a computed value, else 0 */
  guint          total;
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
  int            decimals;

  /* bars */
  GArray        *bars;       /* of DsrChartValue, largest value first */
  GPtrArray     *no_data;    /* names of the regions without a value */
  DsrChartValue  world;      /* value NAN when unknown */
  DsrChartValue  bri;

  /* trend */
  GPtrArray     *series;     /* of DsrChartSeries */

  /* table */
  GArray        *rows;       /* of DsrChartValue */
} DsrChartData;

DsrView      *dsr_chart_resolve_view    (DsrStore      *store,
                                         const DsrView *view,
                                         GError       **error);

DsrChartData *dsr_chart_data_new        (DsrStore      *store,
                                         const DsrView *view);
void          dsr_chart_data_free       (DsrChartData  *data);
GPtrArray    *dsr_chart_data_get_values (DsrChartData  *data);
char         *dsr_chart_data_get_sources (DsrChartData *data);
gboolean      dsr_chart_data_is_empty   (DsrChartData  *data);

char         *dsr_chart_format_years    (GArray        *years);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrChartData, dsr_chart_data_free)

G_END_DECLS
