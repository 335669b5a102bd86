/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-binning.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* The numbers behind one map, gathered once: the renderer draws them, the
 * widget's tooltips show them and the CSV export can write exactly them. */

typedef enum
{
  DSR_MAP_MODE_COUNTRY,  /* economies have values of their own: each shows its own */
  DSR_MAP_MODE_REGION,   /* only regions have values: each member shows its region's */
} DsrMapMode;

/* A region's value (region mode). Strings are borrowed from the store. */
typedef struct
{
  const DsrRegion *region;
  const char      *entity_id;  /* "grouping:region" */
  const char      *name;
  double           value;      /* the region's value; NAN: no data */
  double           shown;      /* as the map shows it: value - world in difference mode */
  DsrBasis         basis;      /* reported by the source, or computed from members */
  DsrQualifier     qualifier;
  guint            n;          /* coverage of a computed value, else 0 of 0 */
  guint            total;
  const char      *source;
  int              klass;      /* -1: no data */
} DsrMapRegionValue;

/* An economy: a member of the Belt and Road, or one with a value. */
typedef struct
{
  DsrEntity               *entity;     /* borrowed */
  const char              *entity_id;  /* ISO 3166 alpha-3 */
  const char              *name;
  int                      numeric;    /* ISO 3166 numeric: its shape on the map */
  gboolean                 member;     /* of the view's grouping (region mode) or of the
                                        * Belt and Road (country mode), as of the year */
  const DsrMapRegionValue *region;     /* its region, when it is a member; else NULL */
  double                   value;      /* its own value, or its region's; NAN: no data */
  double                   shown;      /* value - world in difference mode, else value */
  DsrBasis                 basis;
  DsrQualifier             qualifier;
  guint                    n;          /* coverage of a computed regional value */
  guint                    total;
  const char              *source;
  int                      klass;      /* -1: no data */
} DsrMapValue;

typedef struct
{
  DsrStore      *store;       /* a reference */
  DsrView       *view;        /* the view with its defaults filled in */
  DsrIndicator  *indicator;   /* borrowed */
  DsrGrouping   *grouping;    /* borrowed; NULL when the store has none */
  DsrMapMode     mode;
  int            year;
  int            decimals;
  gboolean       diverging;   /* difference from the world average */
  DsrMapValue    world;       /* the world average: entity NULL, value NAN when unknown */
  DsrBins        bins;        /* of the shown values; n_classes 0 when there are none */
  GArray        *regions;     /* of DsrMapRegionValue, region mode only, in the grouping's order */
  GArray        *values;      /* of DsrMapValue, by name */
  GHashTable    *by_numeric;  /* ISO numeric -> index in values + 1 */
  char          *sources;     /* the distinct sources of the values shown, "; "-separated */
} DsrMapValues;

DsrMapValues       *dsr_map_values_new         (DsrStore           *store,
                                                const DsrView      *view,
                                                DsrBinning          binning,
                                                guint               n_classes,
                                                GError            **error);
void                dsr_map_values_free        (DsrMapValues       *values);
const DsrMapValue  *dsr_map_values_lookup      (const DsrMapValues *values,
                                                int                 numeric);
char               *dsr_map_values_format      (const DsrMapValues *values,
                                                double              value,
                                                DsrQualifier        qualifier,
                                                gboolean            signed_);

const char         *dsr_map_mode_to_string     (DsrMapMode          mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrMapValues, dsr_map_values_free)

G_END_DECLS
