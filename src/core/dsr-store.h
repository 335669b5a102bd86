/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-entity.h"
#include "dsr-grouping.h"
#include "dsr-indicator.h"
#include "dsr-types.h"

G_BEGIN_DECLS

#define DSR_TYPE_STORE (dsr_store_get_type ())
G_DECLARE_FINAL_TYPE (DsrStore, dsr_store, DSR, STORE, GObject)

/* One value as stored. Strings are owned by the store. */
typedef struct
{
  double        value;
  int           year;
  DsrBasis      basis;
  DsrQualifier  qualifier;
  const char   *source;
  const char   *note;
} DsrObservation;

/* How the members' values are combined into a region's value. */
typedef enum
{
  DSR_WEIGHTING_NONE,       /* the unweighted mean of the members: the paper's method */
  DSR_WEIGHTING_POPULATION, /* weighted by each member's population (see weight_indicator) */
} DsrWeighting;

/* The years a value may have. */
#define DSR_STORE_YEAR_MIN 1800
#define DSR_STORE_YEAR_MAX 2100

/* The World Bank's total population, the weight of population-weighted means. */
#define DSR_INDICATOR_ID_POPULATION "SP.POP.TOTL"

typedef struct
{
  int as_of;      /* membership as of this year; DSR_AS_OF_CURRENT for today's members */
  int tolerance;  /* use a member's nearest year within +-tolerance when the year itself is missing */
  DsrWeighting weighting;       /* DSR_WEIGHTING_NONE unless set */
  const char  *weight_indicator;/* population indicator; NULL for DSR_INDICATOR_ID_POPULATION */
  DsrAggregation rule;          /* DSR_AGGREGATION_MEAN (0) unless set; WEIGHTED_MEAN is the
                                 * same as weighting = DSR_WEIGHTING_POPULATION */
} DsrAggregateOptions;

/* A mean or a sum computed from members: value is NAN when no member has
 * data (or the sum would overflow). Population-weighted: a member counts
 * only when it has both a value and a population (of the year of its value,
 * or the nearest within the tolerance); n counts those, and n_no_weight the
 * members left out because their population is missing.
 *
 * coverage is the share of the members the value stands for, which the
 * World Bank's rules test against two thirds: n / total for a mean or a sum;
 * for a population-weighted mean, the population of the members counted over
 * the population of all the members (the year's population, or the nearest
 * within the tolerance; a member with no population at all counts as
 * missing). */
typedef struct
{
  double value;
  guint  n;        /* members with data (weighted: with data and population) */
  guint  total;    /* members */
  int    year_min; /* the years of member data actually used (differ from the */
  int    year_max; /* requested year only with a tolerance) */
  DsrWeighting weighting;  /* how value was computed */
  guint  n_no_weight;      /* weighted: members with a value but no population */
  DsrAggregation rule;     /* MEAN, WEIGHTED_MEAN or SUM: how value was computed */
  double coverage;         /* 0..1, see above */
} DsrAggregate;

/* A row of the table for one indicator and year. */
typedef struct
{
  DsrEntity    *entity;   /* borrowed */
  double        value;
  int           year;
  DsrBasis      basis;
  DsrQualifier  qualifier;
  guint         n;        /* coverage, for computed rows; 0 and 0 otherwise */
  guint         total;
  const char   *source;   /* borrowed */
  const char   *note;     /* borrowed, "" when none */
  DsrWeighting  weighting;   /* computed rows: how the members were combined */
  guint         n_no_weight; /* computed, weighted rows: members left out for want of population */
} DsrRow;

/* What dsr_store_merge() did. */
typedef struct
{
  guint n_indicators;     /* indicators that received values */
  guint n_new_indicators; /* of which new to the store */
  guint n_values;         /* values added */
  guint n_replaced;       /* values of earlier imports of the same indicators, dropped */
  guint n_kept;           /* imported values not added because the store's own (bundled)
                           * data has a value for that indicator, entity and year */
  guint n_superseded;     /* bundled values replaced by a newer vintage of their indicator */
  guint n_entities;       /* economies and aggregates new to the store */
  guint n_groupings;      /* groupings added or replaced */
} DsrMergeStats;

DsrStore     *dsr_store_new                 (void);

gboolean      dsr_store_has_country_values  (DsrStore      *self,
                                             const char    *indicator_id);
guint         dsr_store_count_countries     (DsrStore      *self,
                                             const char    *indicator_id);

gboolean      dsr_store_add_indicator       (DsrStore      *self,
                                             DsrIndicator  *indicator,
                                             GError       **error);
DsrIndicator *dsr_store_get_indicator       (DsrStore      *self,
                                             const char    *id);
GListModel   *dsr_store_get_indicators      (DsrStore      *self);

gboolean      dsr_store_add_entity          (DsrStore      *self,
                                             DsrEntity     *entity,
                                             GError       **error);
DsrEntity    *dsr_store_get_entity          (DsrStore      *self,
                                             const char    *id);
DsrEntity    *dsr_store_find_country_by_numeric (DsrStore  *self,
                                             int            numeric);
GListModel   *dsr_store_get_entities        (DsrStore      *self);
GPtrArray    *dsr_store_list_countries      (DsrStore      *self);

gboolean      dsr_store_check_grouping      (DsrStore      *self,
                                             DsrGrouping   *grouping,
                                             GError       **error);
gboolean      dsr_store_add_grouping        (DsrStore      *self,
                                             DsrGrouping   *grouping,
                                             GError       **error);
DsrGrouping  *dsr_store_get_grouping        (DsrStore      *self,
                                             const char    *id);
GListModel   *dsr_store_get_groupings       (DsrStore      *self);
void          dsr_store_set_bri_grouping    (DsrStore      *self,
                                             DsrGrouping   *grouping);
DsrGrouping  *dsr_store_get_bri_grouping    (DsrStore      *self);

gboolean      dsr_store_check_observation   (DsrStore      *self,
                                             const char    *indicator_id,
                                             const char    *entity_id,
                                             int            year,
                                             double         value,
                                             GError       **error);
gboolean      dsr_store_add_observation     (DsrStore      *self,
                                             const char    *indicator_id,
                                             const char    *entity_id,
                                             int            year,
                                             double         value,
                                             DsrQualifier   qualifier,
                                             const char    *source,
                                             const char    *note,
                                             GError       **error);
gboolean      dsr_store_lookup              (DsrStore      *self,
                                             const char    *indicator_id,
                                             const char    *entity_id,
                                             int            year,
                                             DsrObservation *out);
guint         dsr_store_get_n_observations  (DsrStore      *self);
guint         dsr_store_count_values        (DsrStore      *self,
                                             const char    *indicator_id);
GArray       *dsr_store_get_years           (DsrStore      *self,
                                             const char    *indicator_id);
int           dsr_store_nearest_year        (DsrStore      *self,
                                             const char    *indicator_id,
                                             int            year);

void          dsr_store_compute_mean        (DsrStore      *self,
                                             const char    *indicator_id,
                                             GPtrArray     *country_ids,
                                             int            year,
                                             const DsrAggregateOptions *options,
                                             DsrAggregate  *out);
void          dsr_store_compute_region      (DsrStore      *self,
                                             const char    *indicator_id,
                                             const DsrRegion *region,
                                             int            year,
                                             const DsrAggregateOptions *options,
                                             DsrAggregate  *out);

GArray       *dsr_store_collect_rows        (DsrStore      *self,
                                             const char    *indicator_id,
                                             int            year,
                                             const DsrAggregateOptions *options);
gboolean      dsr_store_world_average       (DsrStore      *self,
                                             const char    *indicator_id,
                                             int            year,
                                             const DsrAggregateOptions *options,
                                             DsrRow        *out);

gboolean      dsr_store_add_series          (DsrStore      *self,
                                             const char    *indicator_id,
                                             const char    *entity_id,
                                             int            first_year,
                                             const double  *values,
                                             guint          n_values,
                                             const char    *source,
                                             const char    *note,
                                             GError       **error);

gboolean      dsr_store_absorb              (DsrStore      *self,
                                             DsrStore      *part,
                                             DsrMergeStats *stats,
                                             GPtrArray     *kept,
                                             GError       **error);
gboolean      dsr_store_merge               (DsrStore      *self,
                                             DsrStore      *staging,
                                             const char    *origin,
                                             DsrMergeStats *stats,
                                             GPtrArray     *kept,
                                             GError       **error);
const char   *dsr_store_get_indicator_origin (DsrStore     *self,
                                             const char    *indicator_id);
gboolean      dsr_store_is_imported_grouping (DsrStore     *self,
                                             const char    *grouping_id);
guint         dsr_store_remove_import       (DsrStore      *self,
                                             const char    *origin);

G_END_DECLS
