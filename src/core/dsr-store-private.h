/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the store's three files share: dsr-store.c (the object, its series
 * and lookups), dsr-store-aggregate.c (regional and world values) and
 * dsr-store-merge.c (imports merged in and taken out). Not installed; no
 * other file includes it. */

#include <math.h>

#include "dsr-object-list.h"
#include "dsr-store.h"

G_BEGIN_DECLS

#define DSR_YEAR_MIN DSR_STORE_YEAR_MIN
#define DSR_YEAR_MAX DSR_STORE_YEAR_MAX
#define N_YEARS (DSR_YEAR_MAX - DSR_YEAR_MIN + 1)

/* Observations are stored densely: one Series per (indicator, entity), an
 * array of doubles over a run of consecutive years, NAN where a year has no
 * value (a stored value is always finite). Country series are a few decades
 * of mostly complete data, so this costs about 8 bytes a value and one
 * allocation a series, which is what lets a 250 MB World Bank bulk file fit
 * in a few hundred megabytes. Sources and notes are interned once (Meta) and
 * referenced by index: one for the whole series, or one per year when they
 * differ; qualifiers likewise are kept only when one is not exact. */
typedef struct
{
  gint16   first;      /* the year of values[0] */
  guint16  len;        /* years covered */
  guint16  n;          /* years with a value */
  guint16  reserved;
  guint32  meta;       /* the Meta of every value, unless metas */
  guint32 *metas;      /* per year, or NULL */
  guint8  *qualifiers; /* per year, or NULL when every value is exact */
  double   values[];
} Series;

typedef struct
{
  const char *source;
  const char *note;
} Meta;

/* Each indicator keeps two layers of series: the store's own values (the
 * bundled pack, dsr_store_add_observation()) and the values merged from an
 * import (dsr_store_merge()). A key (entity, year) has a value in at most
 * one of them. A re-import of the indicator replaces the imported layer as a
 * whole; the own layer is never touched by an import. */
enum { LAYER_OWN, LAYER_IMPORTED, N_LAYERS };

/* A bundled value set aside while an import of a newer vintage shows. */
typedef struct
{
  const char  *key;       /* entity id, borrowed from the DsrEntity */
  int          year;
  double       value;
  guint32      meta;
  DsrQualifier qualifier;
} Superseded;

typedef struct
{
  DsrIndicator *indicator;
  GHashTable   *layers[N_LAYERS]; /* entity id (borrowed from DsrEntity) -> Series */
  char         *origin;    /* the import the imported layer came from, or NULL */
  GArray       *superseded; /* of Superseded: bundled values a newer vintage replaced, kept
                             * to be put back when that import is removed; NULL when none */
  char         *superseded_vintage; /* the bundled vintage, likewise */
  gboolean      imported;  /* the indicator itself came from an import */
  GArray       *years;     /* sorted distinct years; NULL when stale */
} IndicatorData;

struct _DsrStore
{
  GObject parent_instance;

  DsrObjectList *indicators;   /* of DsrIndicator, in load order */
  GHashTable   *indicator_data; /* id -> IndicatorData */
  DsrObjectList *entities;
  GHashTable   *entity_by_id;   /* id -> DsrEntity (borrowed) */
  GHashTable   *country_by_numeric;
  DsrObjectList *groupings;
  GHashTable   *imported_groupings; /* id -> origin, for the groupings an import added */
  DsrGrouping  *bri_grouping;

  GStringChunk *strings;
  GArray       *metas;          /* of Meta */
  GHashTable   *meta_index;     /* "source\x1fnote" -> index + 1 */
  guint         last_meta;      /* the Meta interned last, checked first */
  guint         n_observations;
};

/* The slot of @year in @s when it holds a value. */
static inline gboolean
series_get (const Series *s,
            int           year,
            guint        *slot)
{
  int i;

  if (s == NULL)
    return FALSE;
  i = year - s->first;
  if (i < 0 || i >= s->len || isnan (s->values[i]))
    return FALSE;
  *slot = i;
  return TRUE;
}

static inline guint32
series_meta (const Series *s,
             guint         slot)
{
  return s->metas ? s->metas[slot] : s->meta;
}

static inline DsrQualifier
series_qualifier (const Series *s,
                  guint         slot)
{
  return s->qualifiers ? (DsrQualifier) s->qualifiers[slot] : DSR_QUALIFIER_EXACT;
}

G_GNUC_INTERNAL
Series * _dsr_series_alloc (int first,
                            guint len);

G_GNUC_INTERNAL
void _dsr_series_free (gpointer data);

G_GNUC_INTERNAL
Series * _dsr_series_widen (const Series *s,
                            int year);

G_GNUC_INTERNAL
void _dsr_series_set (Series *s,
                      guint slot,
                      double value,
                      DsrQualifier qualifier,
                      guint32 meta);

G_GNUC_INTERNAL
guint _dsr_layer_count (GHashTable *layer);

G_GNUC_INTERNAL
IndicatorData * _dsr_indicator_data_new (DsrIndicator *indicator,
                                         gboolean imported);

G_GNUC_INTERNAL
IndicatorData * _dsr_store_lookup_data (DsrStore *self,
                                        const char *indicator_id);

G_GNUC_INTERNAL
guint32 _dsr_store_intern_meta (DsrStore *self,
                                const char *source,
                                const char *note);

G_END_DECLS
