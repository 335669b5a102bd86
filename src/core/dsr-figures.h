/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* The one place where the numbers a view shows are decided: every view (map,
 * bars, trend, table, About Data), every export and the command line take
 * their values from here, so they agree for the same state.
 *
 * The rules, after the World Bank's aggregates and Our World in Data:
 * - an economy shows its own value (observed), or, within the view's
 *   tolerance, the value of its nearest year;
 * - when the indicator has country values, every region, the Belt and Road
 *   and the world are computed from them by one rule (the indicator's
 *   aggregation, or the view's): a mean is compared with a mean, a sum with
 *   a sum. A computed value is shown only when its members with data cover
 *   at least the view's minimum share of the region (of its population for a
 *   weighted mean); below it the figure is "insufficient data (n of N)". The
 *   world stands for the economies the source covers (those with a value in
 *   any year);
 * - when the indicator has no country values (the paper's printed figures),
 *   regions and the world show what the source reported;
 * - reported and computed values are never mixed in one figure. */

typedef enum
{
  DSR_FIGURE_NO_DATA,      /* nothing to show */
  DSR_FIGURE_VALUE,        /* value is the figure */
  DSR_FIGURE_INSUFFICIENT, /* computed, but below the coverage rule: n, total, coverage say how far */
} DsrFigureStatus;

typedef struct
{
  DsrFigureStatus status;
  double          value;        /* NAN unless status is DSR_FIGURE_VALUE */
  DsrBasis        basis;
  DsrQualifier    qualifier;
  DsrAggregation  rule;         /* computed: how; else the indicator's rule */
  guint           n;            /* computed: members with data */
  guint           total;        /* computed: members */
  double          coverage;     /* computed: 0..1 (population share for a weighted mean) */
  int             year;         /* the year asked for */
  int             year_min;     /* the years of the data used: differ from year only */
  int             year_max;     /* with a tolerance */
  int             members_year; /* computed: the membership is as of this year */
  const char     *source;       /* borrowed or interned: never freed by the caller */
  const char     *note;         /* "" when none */
} DsrFigure;

typedef struct _DsrFigures DsrFigures;

DsrFigures     *dsr_figures_new             (DsrStore          *store,
                                             const DsrView     *view);
void            dsr_figures_free            (DsrFigures        *self);

DsrIndicator   *dsr_figures_get_indicator   (DsrFigures        *self);
DsrAggregation  dsr_figures_get_rule        (DsrFigures        *self);
gboolean        dsr_figures_has_country_values (DsrFigures     *self);

gboolean        dsr_figures_get             (DsrFigures        *self,
                                             DsrEntity         *entity,
                                             int                year,
                                             int                members_year,
                                             DsrFigure         *out);
gboolean        dsr_figures_world           (DsrFigures        *self,
                                             int                year,
                                             int                members_year,
                                             DsrFigure         *out);
double          dsr_figures_compare         (DsrFigures        *self,
                                             const DsrFigure   *figure,
                                             const DsrFigure   *world);
gboolean        dsr_figures_reference       (DsrFigures        *self,
                                             DsrEntity         *entity,
                                             int                year,
                                             DsrFigure         *out);

GArray         *dsr_figures_good_years      (DsrFigures        *self,
                                             DsrGrouping       *grouping);
int             dsr_figures_default_year    (DsrFigures        *self,
                                             DsrGrouping       *grouping);

const char     *dsr_aggregation_to_label    (DsrAggregation     rule);
const char     *dsr_compare_to_unit_label   (DsrAggregation     rule);
char           *dsr_figure_describe         (const DsrFigure   *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrFigures, dsr_figures_free)

G_END_DECLS
