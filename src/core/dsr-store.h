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

typedef struct
{
  int as_of;      /* membership as of this year; DSR_AS_OF_CURRENT for today's members */
  int tolerance;  /* use a member's nearest year within +-tolerance when the year itself is missing */
} DsrAggregateOptions;

/* A mean computed from members: value is NAN when no member has data. */
typedef struct
{
  double value;
  guint  n;        /* members with data */
  guint  total;    /* members */
  int    year_min; /* the years of member data actually used (differ from the */
  int    year_max; /* requested year only with a tolerance) */
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
} DsrRow;

DsrStore     *dsr_store_new                 (void);

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

G_END_DECLS
