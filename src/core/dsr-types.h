/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DsrIndicator DsrIndicator;
typedef struct _DsrEntity    DsrEntity;
typedef struct _DsrGrouping  DsrGrouping;
typedef struct _DsrRegion    DsrRegion;
typedef struct _DsrStore     DsrStore;

/* What a value is: measured for a country, printed by a source for an
 * aggregate, or computed by us from members. Never mixed silently. */
typedef enum
{
  DSR_BASIS_OBSERVED,
  DSR_BASIS_REPORTED,
  DSR_BASIS_COMPUTED,
} DsrBasis;

/* How exact the source is about a value ("about 40%", "more than 2/3"). */
typedef enum
{
  DSR_QUALIFIER_EXACT,
  DSR_QUALIFIER_ABOUT,
  DSR_QUALIFIER_MORE_THAN,
  DSR_QUALIFIER_LESS_THAN,
} DsrQualifier;

typedef enum
{
  DSR_ENTITY_COUNTRY,
  DSR_ENTITY_REGION,
  DSR_ENTITY_BRI,
  DSR_ENTITY_WORLD,
  DSR_ENTITY_AGGREGATE, /* a group a source reports on, outside our groupings
                         * (the World Bank's "Arab World", OWID's "High-income countries") */
} DsrEntityKind;

typedef enum
{
  DSR_THEME_INFRASTRUCTURE,
  DSR_THEME_LOGISTICS,
  DSR_THEME_PAYMENT,
  DSR_THEME_SECURITY,
  DSR_THEME_TRADE,
} DsrTheme;

/* How an indicator's country values combine into a region's value: a mean
 * for rates, shares, per-capita values and indexes (unweighted by default,
 * as the paper computes; weighted by population on request), a sum for
 * totals and counts (US$, subscriptions, people), or none (text, mixed
 * units: charted by country only). */
typedef enum
{
  DSR_AGGREGATION_MEAN,
  DSR_AGGREGATION_WEIGHTED_MEAN,
  DSR_AGGREGATION_SUM,
  DSR_AGGREGATION_NONE,
} DsrAggregation;

/* Well-known aggregate entity ids. */
#define DSR_ENTITY_ID_WORLD "WLD"
#define DSR_ENTITY_ID_BRI   "BRI"

const char  *dsr_basis_to_string        (DsrBasis      basis);
const char  *dsr_basis_to_label         (DsrBasis      basis);
gboolean     dsr_qualifier_from_string  (const char   *str,
                                         DsrQualifier *out);
const char  *dsr_qualifier_to_string    (DsrQualifier  qualifier);
const char  *dsr_entity_kind_to_string  (DsrEntityKind kind);
gboolean     dsr_theme_from_string      (const char   *str,
                                         DsrTheme     *out);
const char  *dsr_theme_to_string        (DsrTheme      theme);
const char  *dsr_theme_to_label         (DsrTheme      theme);
const char  *dsr_aggregation_to_string  (DsrAggregation aggregation);
gboolean     dsr_aggregation_from_string (const char    *str,
                                          DsrAggregation *out);
DsrAggregation dsr_aggregation_guess    (const char    *name,
                                         const char    *unit,
                                         const char    *method);

G_END_DECLS
