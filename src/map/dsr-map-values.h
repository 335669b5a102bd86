/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-binning.h"
#include "dsr-export.h"
#include "dsr-figures.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* The numbers behind one map, gathered once from one DsrFigures (the
 * figures every view shows, members as of the view's year): the renderer
 * draws them, the widget's tooltips show them and the CSV export writes
 * exactly them. */

typedef enum
{
  DSR_MAP_MODE_COUNTRY,  /* each economy its own value */
  DSR_MAP_MODE_REGION,   /* each member its region's value (DsrView.map_regions, or no country values) */
} DsrMapMode;

/* The economy the map names as the Belt and Road's initiator: China is not
 * a signatory (not in data/bri-economies.csv), so it is in no region, but a
 * country map shows its own value and says why it stands apart. */
#define DSR_MAP_INITIATOR_ID "CHN"

/* A region's figure (region mode). Strings are borrowed from the store. */
typedef struct
{
  const DsrRegion *region;
  const char      *entity_id;  /* "grouping:region" */
  const char      *name;
  DsrFigure        figure;     /* dsr_figures_get() of the region, members as of the year */
  DsrFigureStatus  status;     /* figure.status */
  double           value;      /* the region's value; NAN unless status is DSR_FIGURE_VALUE */
  double           shown;      /* as the map shows it: compared with the world in compare mode */
  DsrBasis         basis;      /* reported by the source, or computed from members */
  DsrQualifier     qualifier;
  guint            n;          /* coverage of a computed value (also when insufficient) */
  guint            total;
  const char      *source;
  int              klass;      /* -1: no value */
} DsrMapRegionValue;

/* An economy: a member (of the Belt and Road in country mode, of the view's
 * grouping in region mode), or one with a value of its own. */
typedef struct
{
  DsrEntity               *entity;     /* borrowed */
  const char              *entity_id;  /* ISO 3166 alpha-3 */
  const char              *name;
  int                      numeric;    /* ISO 3166 numeric: its shape on the map */
  gboolean                 member;     /* as of the year */
  gboolean                 initiator;  /* China: shown with its own value in country mode */
  const DsrMapRegionValue *region;     /* its region, when it is a member; else NULL */
  DsrFigure                figure;     /* what it is painted with: its own figure (country
                                        * mode) or its region's (region mode) */
  DsrFigureStatus          status;     /* figure.status: insufficient is drawn apart from no data */
  double                   value;      /* figure.value: its own, or its region's; NAN: none */
  double                   shown;      /* compared with the world in compare mode, else value */
  DsrBasis                 basis;
  DsrQualifier             qualifier;
  guint                    n;          /* coverage of a computed regional value */
  guint                    total;
  const char              *source;
  int                      data_year;  /* its own value's year (a tolerance may take another) */
  gboolean                 painted;    /* drawn in a class colour (a member's, or China's) */
  int                      klass;      /* -1: not in a class colour */
} DsrMapValue;

typedef struct
{
  DsrStore      *store;       /* a reference */
  DsrView       *view;        /* the view with its defaults filled in */
  DsrIndicator  *indicator;   /* borrowed */
  DsrGrouping   *grouping;    /* borrowed; NULL when the store has none */
  DsrGrouping   *membership;  /* borrowed: whose members are painted (the Belt and Road's in
                               * country mode, the view's grouping in region mode); may be NULL */
  gboolean       membership_is_bri;
  DsrFigures    *figures;     /* the rules every number here follows */
  DsrAggregation rule;        /* the indicator's rule, or the view's */
  double         min_coverage;
  DsrMapMode     mode;
  int            year;
  int            decimals;    /* of the shown values */
  gboolean       compared;    /* compare mode: shown = dsr_figures_compare (value, world) */
  gboolean       diverging;   /* a difference from the world (a mean): diverging classes; a
                               * sum's share of the world total is not */
  DsrMapValue    world;       /* the world figure, like for like: value NAN when unknown */
  DsrBins        bins;        /* of the shown values; n_classes 0 when there are none */
  GArray        *regions;     /* of DsrMapRegionValue, in the grouping's order (both modes) */
  GArray        *values;      /* of DsrMapValue, by name */
  GHashTable    *by_numeric;  /* ISO numeric -> index in values + 1 */
  char          *sources;     /* the distinct sources of the values shown, "; "-separated */
} DsrMapValues;

/* The map's CSV: the same columns as the charts' (DSR_EXPORT_CSV_HEADER
 * on main since the figures came in): value is what the map shows (empty
 * for an insufficient region), measure says what it is ("value",
 * "difference-from-world-mean", "percent-of-world-total", or
 * "insufficient-data"), rule, coverage and members_as_of how a computed
 * figure was made. */
#define DSR_MAP_CSV_HEADER DSR_EXPORT_CSV_HEADER

DsrMapValues       *dsr_map_values_new         (DsrStore           *store,
                                                const DsrView      *view,
                                                DsrBinning          binning,
                                                guint               n_classes,
                                                GError            **error);
DsrMapValues       *dsr_map_values_ref         (DsrMapValues       *values);
void                dsr_map_values_free        (DsrMapValues       *values);
const DsrMapValue  *dsr_map_values_lookup      (const DsrMapValues *values,
                                                int                 numeric);
char               *dsr_map_values_format      (const DsrMapValues *values,
                                                double              value,
                                                DsrQualifier        qualifier,
                                                gboolean            signed_);
char               *dsr_map_values_format_shown (const DsrMapValues *values,
                                                 double              shown,
                                                 DsrQualifier        qualifier);
char               *dsr_map_values_format_break (const DsrMapValues *values,
                                                 double              shown,
                                                 int                 extra_decimals);
char               *dsr_map_values_describe    (const DsrMapValues *values,
                                                const DsrMapValue  *value);
char               *dsr_map_values_describe_world (const DsrMapValues *values);
const char         *dsr_map_values_get_measure (const DsrMapValues *values);
const char         *dsr_map_values_non_member_label (const DsrMapValues *values);
void                dsr_map_values_write_csv   (const DsrMapValues *values,
                                                GString            *csv);

const char         *dsr_map_mode_to_string     (DsrMapMode          mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrMapValues, dsr_map_values_free)

G_END_DECLS
