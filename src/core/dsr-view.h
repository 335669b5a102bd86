/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DSR_VIEW_MAP,
  DSR_VIEW_BARS,
  DSR_VIEW_TREND,
  DSR_VIEW_TABLE,
  DSR_VIEW_SCATTER,  /* two indicators for one year, one dot per economy */
} DsrViewKind;

typedef enum
{
  DSR_COMPARE_ABSOLUTE,
  DSR_COMPARE_WORLD_DIFF,
} DsrCompare;

typedef enum
{
  DSR_SCHEME_LIGHT,
  DSR_SCHEME_DARK,
} DsrScheme;

/* Which economies a region counts along a trend: the members as of the
 * view's year, for every year (the default: a line shows how those
 * economies changed, not who joined), or the members as of each year. */
typedef enum
{
  DSR_MEMBERSHIP_FIXED,
  DSR_MEMBERSHIP_AS_OF_YEAR,
} DsrMembership;

/* The World Bank's coverage rule: a computed regional value stands for at
 * least two thirds of the region. */
#define DSR_DEFAULT_MIN_COVERAGE (2.0 / 3.0)
#define DSR_MAX_TOLERANCE 5

/* What is on screen, as plain data: the window edits one, the command line
 * builds one from its flags, and the renderers draw one. */
typedef struct
{
  DsrViewKind  kind;
  char        *indicator_id;
  char        *y_indicator_id; /* scatter: the indicator on the vertical axis */
  int          year;         /* bars, map, table */
  int          year_from;    /* trend; 0 = the indicator's first year */
  int          year_to;      /* trend; 0 = the indicator's last year */
  char        *grouping_id;  /* NULL = the first grouping */
  char       **regions;      /* region ids of the grouping; NULL = all */
  DsrCompare   compare;
  int          aggregation;  /* a DsrAggregation; -1 = the indicator's own rule */
  double       min_coverage; /* 0..1: a computed value below it is "insufficient data" */
  int          tolerance;    /* 0..DSR_MAX_TOLERANCE: a member's nearest year within it counts */
  DsrMembership membership;  /* trends; bars, map and table use the members as of the year */
  gboolean     map_regions;  /* map: paint each member with its region's value, even when
                              * economies have values of their own */
  int          width;        /* logical pixels */
  int          height;
  double       scale;        /* device pixels per logical pixel (PNG) */
  DsrScheme    scheme;
  gboolean     show_fit;           /* scatter: the least-squares line and its r */
  gboolean     size_by_population; /* scatter: dot area by population */
} DsrView;

#define DSR_TYPE_VIEW (dsr_view_get_type ())

GType        dsr_view_get_type            (void) G_GNUC_CONST;
DsrView     *dsr_view_new                 (void);
DsrView     *dsr_view_copy                (const DsrView *view);
void         dsr_view_free                (DsrView       *view);

const char  *dsr_view_kind_to_string      (DsrViewKind    kind);
gboolean     dsr_view_kind_from_string    (const char    *str,
                                           DsrViewKind   *out);
const char  *dsr_compare_to_string       (DsrCompare     compare);
gboolean     dsr_compare_from_string     (const char    *str,
                                          DsrCompare    *out);
const char  *dsr_membership_to_string    (DsrMembership  membership);
gboolean     dsr_membership_from_string  (const char    *str,
                                          DsrMembership *out);
const char  *dsr_scheme_to_string        (DsrScheme      scheme);
gboolean     dsr_scheme_from_string      (const char    *str,
                                          DsrScheme     *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrView, dsr_view_free)

G_END_DECLS
