/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-store.h"

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

  GListStore   *indicators;   /* of DsrIndicator, in load order */
  GHashTable   *indicator_data; /* id -> IndicatorData */
  GListStore   *entities;
  GHashTable   *entity_by_id;   /* id -> DsrEntity (borrowed) */
  GHashTable   *country_by_numeric;
  GListStore   *groupings;
  GHashTable   *imported_groupings; /* id -> origin, for the groupings an import added */
  DsrGrouping  *bri_grouping;

  GStringChunk *strings;
  GArray       *metas;          /* of Meta */
  GHashTable   *meta_index;     /* "source\x1fnote" -> index + 1 */
  guint         last_meta;      /* the Meta interned last, checked first */
  guint         n_observations;
};

G_DEFINE_FINAL_TYPE (DsrStore, dsr_store, G_TYPE_OBJECT)

/* Series --------------------------------------------------------------------- */

static Series *
series_alloc (int   first,
              guint len)
{
  Series *s = g_malloc (sizeof (Series) + len * sizeof (double));

  s->first = first;
  s->len = len;
  s->n = 0;
  s->reserved = 0;
  s->meta = 0;
  s->metas = NULL;
  s->qualifiers = NULL;
  for (guint i = 0; i < len; i++)
    s->values[i] = NAN;
  return s;
}

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->metas);
  g_free (s->qualifiers);
  g_free (s);
}

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

/* A copy of @s that also covers @year. */
static Series *
series_widen (const Series *s,
              int           year)
{
  int first = MIN (s->first, year);
  int last = MAX (s->first + s->len - 1, year);
  Series *t = series_alloc (first, last - first + 1);
  guint shift = s->first - first;

  memcpy (t->values + shift, s->values, s->len * sizeof (double));
  t->n = s->n;
  t->meta = s->meta;
  if (s->metas != NULL)
    {
      t->metas = g_new0 (guint32, t->len);
      memcpy (t->metas + shift, s->metas, s->len * sizeof (guint32));
    }
  if (s->qualifiers != NULL)
    {
      t->qualifiers = g_new0 (guint8, t->len);
      memcpy (t->qualifiers + shift, s->qualifiers, s->len);
    }
  return t;
}

static void
series_set (Series       *s,
            guint         slot,
            double        value,
            DsrQualifier  qualifier,
            guint32       meta)
{
  if (s->metas == NULL && meta != s->meta)
    {
      if (s->n == 0)
        s->meta = meta;
      else
        {
          s->metas = g_new (guint32, s->len);
          for (guint i = 0; i < s->len; i++)
            s->metas[i] = s->meta;
        }
    }
  if (s->metas != NULL)
    s->metas[slot] = meta;
  if (qualifier != DSR_QUALIFIER_EXACT && s->qualifiers == NULL)
    s->qualifiers = g_new0 (guint8, s->len);
  if (s->qualifiers != NULL)
    s->qualifiers[slot] = qualifier;
  if (isnan (s->values[slot]))
    s->n++;
  s->values[slot] = value;
}

static guint
layer_count (GHashTable *layer)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, layer);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Series *) value)->n;
  return n;
}

/* The store ------------------------------------------------------------------ */

static IndicatorData *
indicator_data_new (DsrIndicator *indicator,
                    gboolean      imported)
{
  IndicatorData *d = g_new0 (IndicatorData, 1);

  d->indicator = g_object_ref (indicator);
  d->imported = imported;
  for (guint l = 0; l < N_LAYERS; l++)
    d->layers[l] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, series_free);
  return d;
}

static void
indicator_data_free (gpointer data)
{
  IndicatorData *d = data;

  g_clear_object (&d->indicator);
  for (guint l = 0; l < N_LAYERS; l++)
    g_hash_table_unref (d->layers[l]);
  g_free (d->origin);
  g_clear_pointer (&d->superseded, g_array_unref);
  g_free (d->superseded_vintage);
  g_clear_pointer (&d->years, g_array_unref);
  g_free (d);
}

static void
dsr_store_finalize (GObject *object)
{
  DsrStore *self = DSR_STORE (object);

  g_hash_table_unref (self->indicator_data);
  g_object_unref (self->indicators);
  g_hash_table_unref (self->entity_by_id);
  g_hash_table_unref (self->country_by_numeric);
  g_object_unref (self->entities);
  g_object_unref (self->groupings);
  g_hash_table_unref (self->imported_groupings);
  g_clear_object (&self->bri_grouping);
  g_hash_table_unref (self->meta_index);
  g_array_unref (self->metas);
  g_string_chunk_free (self->strings);

  G_OBJECT_CLASS (dsr_store_parent_class)->finalize (object);
}

static void
dsr_store_class_init (DsrStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dsr_store_finalize;
}

static void
dsr_store_init (DsrStore *self)
{
  self->indicators = g_list_store_new (DSR_TYPE_INDICATOR);
  self->indicator_data = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, indicator_data_free);
  self->entities = g_list_store_new (DSR_TYPE_ENTITY);
  self->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->country_by_numeric = g_hash_table_new (NULL, NULL);
  self->groupings = g_list_store_new (DSR_TYPE_GROUPING);
  self->imported_groupings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->strings = g_string_chunk_new (4096);
  self->metas = g_array_new (FALSE, FALSE, sizeof (Meta));
  self->meta_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DsrStore *
dsr_store_new (void)
{
  return g_object_new (DSR_TYPE_STORE, NULL);
}

static IndicatorData *
lookup_data (DsrStore   *self,
             const char *indicator_id)
{
  return indicator_id ? g_hash_table_lookup (self->indicator_data, indicator_id) : NULL;
}

/* Indicators ---------------------------------------------------------------- */

gboolean
dsr_store_add_indicator (DsrStore      *self,
                         DsrIndicator  *indicator,
                         GError       **error)
{
  IndicatorData *d;
  const char *id;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);
  g_return_val_if_fail (DSR_IS_INDICATOR (indicator), FALSE);

  id = dsr_indicator_get_id (indicator);
  if (g_hash_table_contains (self->indicator_data, id))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                   _("Indicator “%s” is defined twice"), id);
      return FALSE;
    }

  d = indicator_data_new (indicator, FALSE);
  g_hash_table_insert (self->indicator_data, (gpointer) dsr_indicator_get_id (d->indicator), d);
  g_list_store_append (self->indicators, indicator);

  return TRUE;
}

DsrIndicator *
dsr_store_get_indicator (DsrStore   *self,
                         const char *id)
{
  IndicatorData *d;

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  d = lookup_data (self, id);
  return d ? d->indicator : NULL;
}

GListModel *
dsr_store_get_indicators (DsrStore *self)
{
  g_return_val_if_fail (DSR_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

/* The import whose values the indicator shows (the origin given to
 * dsr_store_merge()), or NULL when it has no imported values. */
const char *
dsr_store_get_indicator_origin (DsrStore   *self,
                                const char *indicator_id)
{
  IndicatorData *d;

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  d = lookup_data (self, indicator_id);
  return d ? d->origin : NULL;
}
/* Entities ------------------------------------------------------------------ */

gboolean
dsr_store_add_entity (DsrStore   *self,
                      DsrEntity  *entity,
                      GError    **error)
{
  const char *id;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);
  g_return_val_if_fail (DSR_IS_ENTITY (entity), FALSE);

  id = dsr_entity_get_id (entity);
  if (g_hash_table_contains (self->entity_by_id, id))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE, _("Entity “%s” is defined twice"), id);
      return FALSE;
    }

  g_list_store_append (self->entities, entity);
  g_hash_table_insert (self->entity_by_id, (gpointer) id, entity);
  if (dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY && dsr_entity_get_numeric (entity) > 0)
    g_hash_table_insert (self->country_by_numeric,
                         GINT_TO_POINTER (dsr_entity_get_numeric (entity)), entity);
  return TRUE;
}

DsrEntity *
dsr_store_get_entity (DsrStore   *self,
                      const char *id)
{
  g_return_val_if_fail (DSR_IS_STORE (self), NULL);
  return id ? g_hash_table_lookup (self->entity_by_id, id) : NULL;
}

DsrEntity *
dsr_store_find_country_by_numeric (DsrStore *self,
                                   int       numeric)
{
  g_return_val_if_fail (DSR_IS_STORE (self), NULL);
  return g_hash_table_lookup (self->country_by_numeric, GINT_TO_POINTER (numeric));
}

GListModel *
dsr_store_get_entities (DsrStore *self)
{
  g_return_val_if_fail (DSR_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->entities);
}

/* Groupings ----------------------------------------------------------------- */

/* Adding a grouping also adds one aggregate entity per region, so that a
 * reported regional value (a figure printed in a source) has an entity to
 * belong to. Every member must be a known country. */
gboolean
dsr_store_check_grouping (DsrStore     *self,
                          DsrGrouping  *grouping,
                          GError      **error)
{
  guint n_regions;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);
  g_return_val_if_fail (DSR_IS_GROUPING (grouping), FALSE);

  if (dsr_store_get_grouping (self, dsr_grouping_get_id (grouping)) != NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE, _("Grouping “%s” is defined twice"),
                   dsr_grouping_get_id (grouping));
      return FALSE;
    }

  n_regions = dsr_grouping_get_n_regions (grouping);
  for (guint i = 0; i < n_regions; i++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, i);
      guint n_members = dsr_region_get_n_members (region);

      if (g_hash_table_contains (self->entity_by_id, dsr_region_get_entity_id (region)))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE, _("Entity “%s” is defined twice"),
                       dsr_region_get_entity_id (region));
          return FALSE;
        }
      for (guint j = 0; j < n_members; j++)
        {
          const char *member = dsr_region_get_member (region, j, NULL, NULL);
          DsrEntity *entity = dsr_store_get_entity (self, member);

          if (entity == NULL || dsr_entity_get_kind (entity) != DSR_ENTITY_COUNTRY)
            {
              g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                           _("Region “%s” lists “%s”, which is not a known country code"),
                           dsr_region_get_entity_id (region), member);
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
dsr_store_add_grouping (DsrStore     *self,
                        DsrGrouping  *grouping,
                        GError      **error)
{
  guint n_regions;

  if (!dsr_store_check_grouping (self, grouping, error))
    return FALSE;

  n_regions = dsr_grouping_get_n_regions (grouping);
  for (guint i = 0; i < n_regions; i++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, i);
      g_autoptr(DsrEntity) entity = dsr_entity_new (dsr_region_get_entity_id (region),
                                                    DSR_ENTITY_REGION,
                                                    dsr_region_get_name (region), 0);

      dsr_store_add_entity (self, entity, NULL);
    }
  g_list_store_append (self->groupings, grouping);

  return TRUE;
}

DsrGrouping *
dsr_store_get_grouping (DsrStore   *self,
                        const char *id)
{
  guint n;

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->groupings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (G_LIST_MODEL (self->groupings), i);

      if (g_strcmp0 (dsr_grouping_get_id (grouping), id) == 0)
        return grouping;
    }
  return NULL;
}

GListModel *
dsr_store_get_groupings (DsrStore *self)
{
  g_return_val_if_fail (DSR_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->groupings);
}

/* The grouping whose members are the Belt and Road economies: the computed
 * Belt and Road average is the mean over its members. */
void
dsr_store_set_bri_grouping (DsrStore    *self,
                            DsrGrouping *grouping)
{
  g_return_if_fail (DSR_IS_STORE (self));
  g_return_if_fail (grouping == NULL || DSR_IS_GROUPING (grouping));

  g_set_object (&self->bri_grouping, grouping);
}

DsrGrouping *
dsr_store_get_bri_grouping (DsrStore *self)
{
  g_return_val_if_fail (DSR_IS_STORE (self), NULL);
  return self->bri_grouping;
}

/* Observations -------------------------------------------------------------- */

static guint32
intern_meta (DsrStore   *self,
             const char *source,
             const char *note)
{
  g_autofree char *key = NULL;
  gpointer found;
  Meta meta;

  /* Imports add whole files of values with one source: check the last first. */
  if (self->metas->len > 0)
    {
      const Meta *last = &g_array_index (self->metas, Meta, self->last_meta);

      if (strcmp (last->source, source) == 0 && strcmp (last->note, note) == 0)
        return self->last_meta;
    }

  key = g_strconcat (source, "\x1f", note, NULL);
  found = g_hash_table_lookup (self->meta_index, key);
  if (found != NULL)
    return self->last_meta = GPOINTER_TO_UINT (found) - 1;

  meta.source = g_string_chunk_insert_const (self->strings, source);
  meta.note = g_string_chunk_insert_const (self->strings, note);
  g_array_append_val (self->metas, meta);
  g_hash_table_insert (self->meta_index, g_steal_pointer (&key), GUINT_TO_POINTER (self->metas->len));

  return self->last_meta = self->metas->len - 1;
}

/* The series holding the value of (@entity_id, @year), in either layer. */
static Series *
find_value (IndicatorData *d,
            const char    *entity_id,
            int            year,
            guint         *slot)
{
  for (guint l = 0; l < N_LAYERS; l++)
    {
      Series *s = g_hash_table_lookup (d->layers[l], entity_id);

      if (series_get (s, year, slot))
        return s;
    }
  return NULL;
}

static gboolean
check_year (int      year,
            GError **error)
{
  if (year < DSR_YEAR_MIN || year > DSR_YEAR_MAX)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("year %d is outside %d–%d"), year, DSR_YEAR_MIN, DSR_YEAR_MAX);
      return FALSE;
    }
  return TRUE;
}

/* The indicator and entity of a new value, or an error naming the unknown one. */
static IndicatorData *
check_keys (DsrStore    *self,
            const char  *indicator_id,
            const char  *entity_id,
            DsrEntity  **entity,
            GError     **error)
{
  IndicatorData *d = lookup_data (self, indicator_id);

  if (d == NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID, _("unknown indicator “%s”"),
                   indicator_id ? indicator_id : "");
      return NULL;
    }
  *entity = dsr_store_get_entity (self, entity_id);
  if (*entity == NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID, _("unknown economy or region “%s”"),
                   entity_id ? entity_id : "");
      return NULL;
    }
  return d;
}

static void
set_duplicate_error (GError     **error,
                     const char  *indicator_id,
                     const char  *entity_id,
                     int          year)
{
  g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
               _("a value for %s, %s, %d is already loaded"), indicator_id, entity_id, year);
}

gboolean
dsr_store_check_observation (DsrStore   *self,
                             const char *indicator_id,
                             const char *entity_id,
                             int         year,
                             double      value,
                             GError    **error)
{
  IndicatorData *d;
  DsrEntity *entity;
  guint slot;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);

  d = check_keys (self, indicator_id, entity_id, &entity, error);
  if (d == NULL || !check_year (year, error))
    return FALSE;
  if (!isfinite (value))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("the value is not a finite number"));
      return FALSE;
    }
  if (find_value (d, entity_id, year, &slot) != NULL)
    {
      set_duplicate_error (error, indicator_id, entity_id, year);
      return FALSE;
    }
  return TRUE;
}

gboolean
dsr_store_add_observation (DsrStore     *self,
                           const char   *indicator_id,
                           const char   *entity_id,
                           int           year,
                           double        value,
                           DsrQualifier  qualifier,
                           const char   *source,
                           const char   *note,
                           GError      **error)
{
  IndicatorData *d;
  GHashTable *layer;
  const char *key;
  Series *s;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);

  if (!dsr_store_check_observation (self, indicator_id, entity_id, year, value, error))
    return FALSE;

  d = lookup_data (self, indicator_id);
  layer = d->layers[LAYER_OWN];
  key = dsr_entity_get_id (dsr_store_get_entity (self, entity_id));
  s = g_hash_table_lookup (layer, key);
  if (s == NULL)
    {
      s = series_alloc (year, 1);
      g_hash_table_insert (layer, (gpointer) key, s);
    }
  else if (year < s->first || year >= s->first + s->len)
    {
      s = series_widen (s, year);
      g_hash_table_insert (layer, (gpointer) key, s); /* frees the narrower one */
    }

  series_set (s, year - s->first, value, qualifier,
              intern_meta (self, source ? source : "", note ? note : ""));
  g_clear_pointer (&d->years, g_array_unref);
  self->n_observations++;

  return TRUE;
}

/* Adds the values of consecutive years from @first_year at once: NAN in
 * @values is a year without a value. The fast way to load a wide file; fails,
 * adding nothing, on an unknown key, a value that is not finite, a year with
 * a value outside the store's range, or a year that already has a value. */
gboolean
dsr_store_add_series (DsrStore      *self,
                      const char    *indicator_id,
                      const char    *entity_id,
                      int            first_year,
                      const double  *values,
                      guint          n_values,
                      const char    *source,
                      const char    *note,
                      GError       **error)
{
  IndicatorData *d;
  DsrEntity *entity;
  GHashTable *layer;
  const char *key;
  const Series *own, *imported;
  Series *s;
  guint first = G_MAXUINT, last = 0, n = 0;
  guint32 meta;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);

  d = check_keys (self, indicator_id, entity_id, &entity, error);
  if (d == NULL)
    return FALSE;

  own = g_hash_table_lookup (d->layers[LAYER_OWN], entity_id);
  imported = g_hash_table_lookup (d->layers[LAYER_IMPORTED], entity_id);
  for (guint i = 0; i < n_values; i++)
    {
      int year = first_year + (int) i;
      guint slot;

      if (isnan (values[i]))
        continue;
      if (!isfinite (values[i]))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("the value for %d is not a finite number"), year);
          return FALSE;
        }
      if (!check_year (year, error))
        return FALSE;
      if (series_get (own, year, &slot) || series_get (imported, year, &slot))
        {
          set_duplicate_error (error, indicator_id, entity_id, year);
          return FALSE;
        }
      first = MIN (first, i);
      last = i;
      n++;
    }
  if (n == 0)
    return TRUE;

  meta = intern_meta (self, source ? source : "", note ? note : "");
  layer = d->layers[LAYER_OWN];
  key = dsr_entity_get_id (entity);
  s = (Series *) own;
  if (s == NULL)
    {
      s = series_alloc (first_year + (int) first, last - first + 1);
      memcpy (s->values, values + first, (last - first + 1) * sizeof (double));
      s->n = n;
      s->meta = meta;
      g_hash_table_insert (layer, (gpointer) key, s);
    }
  else
    for (guint i = first; i <= last; i++)
      {
        int year = first_year + (int) i;

        if (isnan (values[i]))
          continue;
        if (year < s->first || year >= s->first + s->len)
          {
            s = series_widen (s, year);
            g_hash_table_insert (layer, (gpointer) key, s);
          }
        series_set (s, year - s->first, values[i], DSR_QUALIFIER_EXACT, meta);
      }

  g_clear_pointer (&d->years, g_array_unref);
  self->n_observations += n;
  return TRUE;
}

static void
fill_observation (DsrStore       *self,
                  DsrEntity      *entity,
                  const Series   *s,
                  guint           slot,
                  DsrObservation *out)
{
  const Meta *meta = &g_array_index (self->metas, Meta, series_meta (s, slot));

  out->value = s->values[slot];
  out->year = s->first + (int) slot;
  out->basis = dsr_entity_is_aggregate (entity) ? DSR_BASIS_REPORTED : DSR_BASIS_OBSERVED;
  out->qualifier = series_qualifier (s, slot);
  out->source = meta->source;
  out->note = meta->note;
}

gboolean
dsr_store_lookup (DsrStore       *self,
                  const char     *indicator_id,
                  const char     *entity_id,
                  int             year,
                  DsrObservation *out)
{
  IndicatorData *d;
  Series *s;
  guint slot;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);

  d = lookup_data (self, indicator_id);
  if (d == NULL || entity_id == NULL)
    return FALSE;
  s = find_value (d, entity_id, year, &slot);
  if (s == NULL)
    return FALSE;
  if (out != NULL)
    fill_observation (self, dsr_store_get_entity (self, entity_id), s, slot, out);
  return TRUE;
}

guint
dsr_store_get_n_observations (DsrStore *self)
{
  g_return_val_if_fail (DSR_IS_STORE (self), 0);
  return self->n_observations;
}

/* The number of values the indicator has (0 for an unknown one). */
guint
dsr_store_count_values (DsrStore   *self,
                        const char *indicator_id)
{
  IndicatorData *d;

  g_return_val_if_fail (DSR_IS_STORE (self), 0);

  d = lookup_data (self, indicator_id);
  return d ? layer_count (d->layers[LAYER_OWN]) + layer_count (d->layers[LAYER_IMPORTED]) : 0;
}

/* Returns the sorted years that have at least one value for the indicator
 * (a new reference; empty for an unknown indicator). */
GArray *
dsr_store_get_years (DsrStore   *self,
                     const char *indicator_id)
{
  IndicatorData *d;
  guint8 seen[N_YEARS] = { 0 };

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  d = lookup_data (self, indicator_id);
  if (d == NULL)
    return g_array_new (FALSE, FALSE, sizeof (int));
  if (d->years != NULL)
    return g_array_ref (d->years);

  for (guint l = 0; l < N_LAYERS; l++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, d->layers[l]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const Series *s = value;

          for (guint i = 0; i < s->len; i++)
            if (!isnan (s->values[i]))
              seen[s->first + (int) i - DSR_YEAR_MIN] = 1;
        }
    }

  d->years = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < N_YEARS; i++)
    if (seen[i])
      {
        int year = DSR_YEAR_MIN + i;

        g_array_append_val (d->years, year);
      }

  return g_array_ref (d->years);
}

/* The year with data closest to @year (the earlier one on a tie), or 0. */
int
dsr_store_nearest_year (DsrStore   *self,
                        const char *indicator_id,
                        int         year)
{
  g_autoptr(GArray) years = dsr_store_get_years (self, indicator_id);
  int best = 0;

  for (guint i = 0; i < years->len; i++)
    {
      int y = g_array_index (years, int, i);

      if (best == 0 || ABS (y - year) < ABS (best - year))
        best = y;
    }
  return best;
}

/* Aggregation --------------------------------------------------------------- */

/* One member's series in both layers. */
typedef struct
{
  const Series *own;
  const Series *imported;
} MemberSeries;

static void
member_series (IndicatorData *d,
               const char    *entity_id,
               MemberSeries  *out)
{
  out->own = d ? g_hash_table_lookup (d->layers[LAYER_OWN], entity_id) : NULL;
  out->imported = d ? g_hash_table_lookup (d->layers[LAYER_IMPORTED], entity_id) : NULL;
}

static gboolean
member_value_at (const MemberSeries *m,
                 int                 year,
                 double             *value)
{
  guint slot;

  if (series_get (m->own, year, &slot))
    *value = m->own->values[slot];
  else if (series_get (m->imported, year, &slot))
    *value = m->imported->values[slot];
  else
    return FALSE;
  return TRUE;
}

/* The member's value in @year, or, within the tolerance, in the nearest year
 * (the earlier one on a tie). */
static gboolean
member_value (const MemberSeries *m,
              int                 year,
              int                 tolerance,
              double             *value,
              int                *used_year)
{
  if (m->own == NULL && m->imported == NULL)
    return FALSE;

  for (int d = 0; d <= tolerance; d++)
    {
      if (member_value_at (m, year - d, value))
        {
          *used_year = year - d;
          return TRUE;
        }
      if (d > 0 && member_value_at (m, year + d, value))
        {
          *used_year = year + d;
          return TRUE;
        }
    }
  return FALSE;
}

/* The population of member @id for the year @year (or the nearest within
 * the tolerance); FALSE when unknown or not positive. */
static gboolean
member_weight (IndicatorData *weights,
               const char    *id,
               int            year,
               int            tolerance,
               double        *weight)
{
  MemberSeries w;
  int weight_year;

  member_series (weights, id, &w);
  return member_value (&w, year, tolerance, weight, &weight_year) && *weight > 0;
}

void
dsr_store_compute_mean (DsrStore                  *self,
                        const char                *indicator_id,
                        GPtrArray                 *country_ids,
                        int                        year,
                        const DsrAggregateOptions *options,
                        DsrAggregate              *out)
{
  IndicatorData *d, *weights = NULL;
  int tolerance = options ? MAX (options->tolerance, 0) : 0;
  DsrAggregation rule = options ? options->rule : DSR_AGGREGATION_MEAN;
  gboolean weighted;
  /* Long doubles: a sum of many large totals stays finite and exact enough. */
  long double sum = 0.0L, weight_sum = 0.0L, population_all = 0.0L;

  g_return_if_fail (DSR_IS_STORE (self));
  g_return_if_fail (country_ids != NULL);
  g_return_if_fail (out != NULL);

  if (options && options->weighting == DSR_WEIGHTING_POPULATION)
    rule = DSR_AGGREGATION_WEIGHTED_MEAN;
  if (rule == DSR_AGGREGATION_NONE)
    rule = DSR_AGGREGATION_MEAN;
  weighted = rule == DSR_AGGREGATION_WEIGHTED_MEAN;

  out->value = NAN;
  out->n = 0;
  out->total = country_ids->len;
  out->year_min = 0;
  out->year_max = 0;
  out->weighting = weighted ? DSR_WEIGHTING_POPULATION : DSR_WEIGHTING_NONE;
  out->n_no_weight = 0;
  out->rule = rule;
  out->coverage = 0.0;

  d = lookup_data (self, indicator_id);
  if (d == NULL)
    return;
  if (weighted)
    weights = lookup_data (self, options && options->weight_indicator ? options->weight_indicator
                                                                      : DSR_INDICATOR_ID_POPULATION);

  for (guint i = 0; i < country_ids->len; i++)
    {
      const char *id = g_ptr_array_index (country_ids, i);
      MemberSeries m;
      double value, weight = 1.0, population;
      int used;

      if (weighted && member_weight (weights, id, year, tolerance, &population))
        population_all += population;

      member_series (d, id, &m);
      if (!member_value (&m, year, tolerance, &value, &used))
        continue;

      /* The population of the year of the value (or the nearest). */
      if (weighted && !member_weight (weights, id, used, tolerance, &weight))
        {
          out->n_no_weight++;
          continue;
        }

      sum += (long double) value * weight;
      weight_sum += weight;
      if (out->n == 0 || used < out->year_min)
        out->year_min = used;
      if (out->n == 0 || used > out->year_max)
        out->year_max = used;
      out->n++;
    }

  if (out->n == 0)
    return;
  if (rule == DSR_AGGREGATION_SUM)
    out->value = (double) sum;
  else
    out->value = (double) (sum / weight_sum);
  if (!isfinite (out->value))
    {
      /* Beyond what a double holds: no value, rather than "inf". */
      out->value = NAN;
      out->n = 0;
      return;
    }
  if (weighted)
    out->coverage = population_all > 0 ? (double) MIN (weight_sum / population_all, 1.0L) : 0.0;
  else
    out->coverage = out->total > 0 ? (double) out->n / out->total : 0.0;
}

/* How many countries (not aggregates) have a value of the indicator, in any
 * year: the number of its series, not of its values. */
guint
dsr_store_count_countries (DsrStore   *self,
                           const char *indicator_id)
{
  IndicatorData *d;
  g_autoptr(GHashTable) seen = NULL;
  guint n = 0;

  g_return_val_if_fail (DSR_IS_STORE (self), 0);

  d = lookup_data (self, indicator_id);
  if (d == NULL)
    return 0;
  /* An economy may have series in both layers: count it once. */
  if (g_hash_table_size (d->layers[LAYER_OWN]) > 0 && g_hash_table_size (d->layers[LAYER_IMPORTED]) > 0)
    seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint l = 0; l < N_LAYERS; l++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, d->layers[l]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          DsrEntity *entity = g_hash_table_lookup (self->entity_by_id, key);

          if (entity == NULL || dsr_entity_get_kind (entity) != DSR_ENTITY_COUNTRY || ((Series *) value)->n == 0)
            continue;
          if (seen != NULL && !g_hash_table_add (seen, key))
            continue;
          n++;
        }
    }
  return n;
}

/* Whether any country (not an aggregate) has a value of the indicator. */
gboolean
dsr_store_has_country_values (DsrStore   *self,
                              const char *indicator_id)
{
  IndicatorData *d;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);

  d = lookup_data (self, indicator_id);
  for (guint l = 0; d != NULL && l < N_LAYERS; l++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, d->layers[l]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          DsrEntity *entity = g_hash_table_lookup (self->entity_by_id, key);

          if (entity != NULL && dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY)
            return TRUE;
        }
    }
  return FALSE;
}

void
dsr_store_compute_region (DsrStore                  *self,
                          const char                *indicator_id,
                          const DsrRegion           *region,
                          int                        year,
                          const DsrAggregateOptions *options,
                          DsrAggregate              *out)
{
  g_autoptr(GPtrArray) members = NULL;

  g_return_if_fail (region != NULL);

  members = dsr_region_members_as_of (region, options ? options->as_of : DSR_AS_OF_CURRENT);
  dsr_store_compute_mean (self, indicator_id, members, year, options, out);
}

/* The ids of every country (not aggregate) the store knows, in its order:
 * a new array of ids borrowed from the store. */
GPtrArray *
dsr_store_list_countries (DsrStore *self)
{
  GPtrArray *out = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (DSR_IS_STORE (self), out);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->entities), i);

      if (dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY)
        g_ptr_array_add (out, (gpointer) dsr_entity_get_id (entity));
    }
  return out;
}

static gboolean
reported_row (DsrStore   *self,
              const char *indicator_id,
              DsrEntity  *entity,
              int         year,
              DsrRow     *row)
{
  DsrObservation obs;

  if (!dsr_store_lookup (self, indicator_id, dsr_entity_get_id (entity), year, &obs))
    return FALSE;

  memset (row, 0, sizeof *row);
  row->entity = entity;
  row->value = obs.value;
  row->year = obs.year;
  row->basis = obs.basis;
  row->qualifier = obs.qualifier;
  row->source = obs.source;
  row->note = obs.note;
  return TRUE;
}

static void
append_reported (DsrStore   *self,
                 GArray     *rows,
                 const char *indicator_id,
                 DsrEntity  *entity,
                 int         year)
{
  DsrRow row;

  if (reported_row (self, indicator_id, entity, year, &row))
    g_array_append_val (rows, row);
}

static void
computed_row (DsrEntity          *entity,
              int                 year,
              const DsrAggregate *agg,
              DsrRow             *row)
{
  memset (row, 0, sizeof *row);
  row->entity = entity;
  row->value = agg->value;
  row->year = year;
  row->basis = DSR_BASIS_COMPUTED;
  row->qualifier = DSR_QUALIFIER_EXACT;
  row->n = agg->n;
  row->total = agg->total;
  row->weighting = agg->weighting;
  row->n_no_weight = agg->n_no_weight;
  if (agg->rule == DSR_AGGREGATION_SUM)
    /* Translators: the source of a value the app computed itself */
    row->source = _("Computed: sum of members");
  else if (agg->weighting == DSR_WEIGHTING_POPULATION)
    /* Translators: the source of a value the app computed itself */
    row->source = _("Computed: population-weighted mean of members");
  else
    /* Translators: the source of a value the app computed itself */
    row->source = _("Computed: unweighted mean of members");
  row->note = "";
}

static void
append_computed (GArray             *rows,
                 DsrEntity          *entity,
                 int                 year,
                 const DsrAggregate *agg)
{
  DsrRow row;

  if (agg->n == 0)
    return;
  computed_row (entity, year, agg, &row);
  g_array_append_val (rows, row);
}

static int
compare_country_rows (gconstpointer a,
                      gconstpointer b)
{
  const DsrRow *x = a, *y = b;

  return g_utf8_collate (dsr_entity_get_name (x->entity), dsr_entity_get_name (y->entity));
}

/* Every value there is for the indicator and year, in this order: the world,
 * the Belt and Road average, each grouping's regions, the aggregates a
 * source reports outside the groupings (the World Bank's "Arab World"), then
 * the countries by name. Reported and computed values of one entity are
 * separate rows. */
GArray *
dsr_store_collect_rows (DsrStore                  *self,
                        const char                *indicator_id,
                        int                        year,
                        const DsrAggregateOptions *options)
{
  GArray *rows;
  g_autoptr(GArray) countries = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) shown = NULL;
  DsrAggregate agg;
  DsrEntity *entity;
  guint n_groupings, n_entities;

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  rows = g_array_new (FALSE, FALSE, sizeof (DsrRow));
  if (lookup_data (self, indicator_id) == NULL)
    return rows;

  all = dsr_store_list_countries (self);
  shown = g_hash_table_new (g_str_hash, g_str_equal);

  if ((entity = dsr_store_get_entity (self, DSR_ENTITY_ID_WORLD)) != NULL)
    {
      append_reported (self, rows, indicator_id, entity, year);
      dsr_store_compute_mean (self, indicator_id, all, year, options, &agg);
      append_computed (rows, entity, year, &agg);
    }

  if ((entity = dsr_store_get_entity (self, DSR_ENTITY_ID_BRI)) != NULL)
    {
      append_reported (self, rows, indicator_id, entity, year);
      if (self->bri_grouping != NULL)
        {
          g_autoptr(GPtrArray) members =
            dsr_grouping_members_as_of (self->bri_grouping,
                                        options ? options->as_of : DSR_AS_OF_CURRENT);

          dsr_store_compute_mean (self, indicator_id, members, year, options, &agg);
          append_computed (rows, entity, year, &agg);
        }
    }

  n_groupings = g_list_model_get_n_items (G_LIST_MODEL (self->groupings));
  for (guint g = 0; g < n_groupings; g++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (G_LIST_MODEL (self->groupings), g);
      guint n_regions = dsr_grouping_get_n_regions (grouping);

      for (guint r = 0; r < n_regions; r++)
        {
          DsrRegion *region = dsr_grouping_get_region (grouping, r);

          entity = dsr_store_get_entity (self, dsr_region_get_entity_id (region));
          g_hash_table_add (shown, (gpointer) dsr_entity_get_id (entity));
          append_reported (self, rows, indicator_id, entity, year);
          dsr_store_compute_region (self, indicator_id, region, year, options, &agg);
          append_computed (rows, entity, year, &agg);
        }
    }

  /* Aggregates outside the groupings have reported values only. */
  n_entities = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(DsrEntity) other = g_list_model_get_item (G_LIST_MODEL (self->entities), i);
      DsrEntityKind kind = dsr_entity_get_kind (other);

      if ((kind == DSR_ENTITY_AGGREGATE || kind == DSR_ENTITY_REGION)
          && !g_hash_table_contains (shown, dsr_entity_get_id (other)))
        append_reported (self, rows, indicator_id, other, year);
    }

  countries = g_array_new (FALSE, FALSE, sizeof (DsrRow));
  for (guint i = 0; i < all->len; i++)
    append_reported (self, countries, indicator_id,
                     dsr_store_get_entity (self, g_ptr_array_index (all, i)), year);
  g_array_sort (countries, compare_country_rows);
  g_array_append_vals (rows, countries->data, countries->len);

  return rows;
}

/* The world average for the indicator and year: the reported world value
 * ("WLD", e.g. the World Bank's own) when there is one, else the mean over
 * every country computed with @options; @out->basis says which. With a
 * tolerance, a reported value of the nearest year within it also counts
 * (@out->year says which year). FALSE when there is neither. */
gboolean
dsr_store_world_average (DsrStore                  *self,
                         const char                *indicator_id,
                         int                        year,
                         const DsrAggregateOptions *options,
                         DsrRow                    *out)
{
  DsrEntity *world;
  IndicatorData *d;
  MemberSeries m;
  DsrAggregate agg;
  double value;
  int used;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  world = dsr_store_get_entity (self, DSR_ENTITY_ID_WORLD);
  d = lookup_data (self, indicator_id);
  if (world == NULL || d == NULL)
    return FALSE;

  member_series (d, DSR_ENTITY_ID_WORLD, &m);
  if (member_value (&m, year, options ? MAX (options->tolerance, 0) : 0, &value, &used))
    return reported_row (self, indicator_id, world, used, out);

  all = dsr_store_list_countries (self);
  dsr_store_compute_mean (self, indicator_id, all, year, options, &agg);
  if (agg.n == 0)
    return FALSE;
  computed_row (world, year, &agg, out);
  return TRUE;
}

/* Imports -------------------------------------------------------------------- */

gboolean
dsr_store_is_imported_grouping (DsrStore   *self,
                                const char *grouping_id)
{
  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);
  return grouping_id != NULL && g_hash_table_contains (self->imported_groupings, grouping_id);
}

/* How a store's contents join another's: an import replaces what an earlier
 * import of the same indicators gave, into the imported layer; absorbing
 * adds to the own layer (how an import gathers its files). */
typedef enum
{
  MERGE_IMPORT,
  MERGE_ABSORB,
} MergeMode;

/* Everything that could make a merge fail, checked before anything changes. */
static gboolean
check_merge (DsrStore   *self,
             DsrStore   *staging,
             MergeMode   mode,
             GError    **error)
{
  GListModel *entities = G_LIST_MODEL (staging->entities);
  GListModel *groupings = G_LIST_MODEL (staging->groupings);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);
      DsrEntity *have = dsr_store_get_entity (self, dsr_entity_get_id (entity));

      if (have != NULL && dsr_entity_get_kind (have) != dsr_entity_get_kind (entity))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                       _("“%s” is already loaded as a %s; the import has it as a %s"),
                       dsr_entity_get_id (entity), dsr_entity_kind_to_string (dsr_entity_get_kind (have)),
                       dsr_entity_kind_to_string (dsr_entity_get_kind (entity)));
          return FALSE;
        }
    }

  for (guint i = 0; mode == MERGE_IMPORT && i < g_list_model_get_n_items (groupings); i++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (groupings, i);
      const char *id = dsr_grouping_get_id (grouping);

      if (dsr_store_get_grouping (self, id) != NULL && !dsr_store_is_imported_grouping (self, id))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                       _("Grouping “%s” is part of the bundled data; an import cannot replace it"), id);
          return FALSE;
        }
    }
  return TRUE;
}

static void
merge_groupings (DsrStore      *self,
                 DsrStore      *staging,
                 MergeMode      mode,
                 const char    *origin,
                 DsrMergeStats *stats)
{
  GListModel *groupings = G_LIST_MODEL (staging->groupings);

  for (guint i = 0; i < g_list_model_get_n_items (groupings); i++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (groupings, i);
      DsrGrouping *old = dsr_store_get_grouping (self, dsr_grouping_get_id (grouping));
      guint position;

      if (old != NULL && mode == MERGE_ABSORB)
        continue;
      /* A newer import's grouping replaces an older import's, in place. */
      if (old != NULL && g_list_store_find (self->groupings, old, &position))
        g_list_store_splice (self->groupings, position, 1, (gpointer *) &grouping, 1);
      else
        g_list_store_append (self->groupings, grouping);
      if (mode == MERGE_IMPORT)
        g_hash_table_insert (self->imported_groupings, g_strdup (dsr_grouping_get_id (grouping)),
                             g_strdup (origin));
      stats->n_groupings++;
    }
}

/* The store's data for an indicator of the import: a new one, or the one
 * already there. On an import, its earlier imported values are dropped, and
 * an indicator that came from an earlier import takes the new one's name,
 * unit and source (a bundled one keeps its own). */
/* The bundled values (and vintage) an import of a newer vintage replaced,
 * back in place once that import is gone. */
static void
restore_superseded (DsrStore      *self,
                    IndicatorData *d)
{
  for (guint i = 0; d->superseded != NULL && i < d->superseded->len; i++)
    {
      const Superseded *v = &g_array_index (d->superseded, Superseded, i);
      Series *s = g_hash_table_lookup (d->layers[LAYER_OWN], v->key);

      if (s == NULL)
        {
          s = series_alloc (v->year, 1);
          g_hash_table_insert (d->layers[LAYER_OWN], (gpointer) v->key, s);
        }
      else if (v->year < s->first || v->year >= s->first + s->len)
        {
          s = series_widen (s, v->year);
          g_hash_table_insert (d->layers[LAYER_OWN], (gpointer) v->key, s);
        }
      series_set (s, v->year - s->first, v->value, v->qualifier, v->meta);
      self->n_observations++;
    }
  g_clear_pointer (&d->superseded, g_array_unref);
  if (d->superseded_vintage != NULL)
    {
      dsr_indicator_set_vintage (d->indicator, d->superseded_vintage);
      g_clear_pointer (&d->superseded_vintage, g_free);
    }
}

static IndicatorData *
prepare_indicator (DsrStore      *self,
                   DsrIndicator  *indicator,
                   MergeMode      mode,
                   DsrMergeStats *stats)
{
  const char *id = dsr_indicator_get_id (indicator);
  IndicatorData *d = lookup_data (self, id);
  guint position;

  if (d == NULL)
    {
      d = indicator_data_new (indicator, mode == MERGE_IMPORT);
      g_hash_table_insert (self->indicator_data, (gpointer) dsr_indicator_get_id (d->indicator), d);
      g_list_store_append (self->indicators, indicator);
      stats->n_new_indicators++;
      return d;
    }
  if (mode == MERGE_ABSORB)
    return d;

  if (d->imported && d->indicator != indicator
      && g_list_store_find (self->indicators, d->indicator, &position))
    {
      g_hash_table_steal (self->indicator_data, id);
      g_list_store_splice (self->indicators, position, 1, (gpointer *) &indicator, 1);
      g_set_object (&d->indicator, indicator);
      g_hash_table_insert (self->indicator_data, (gpointer) dsr_indicator_get_id (d->indicator), d);
    }

  stats->n_replaced += layer_count (d->layers[LAYER_IMPORTED]);
  self->n_observations -= layer_count (d->layers[LAYER_IMPORTED]);
  g_hash_table_remove_all (d->layers[LAYER_IMPORTED]);
  /* What an earlier import of a newer vintage set aside comes back first. */
  restore_superseded (self, d);
  return d;
}

/* Moves one staged series into @layer: its values for years the store
 * already has (the bundled value, or the earlier file's) are dropped; with
 * @supersede (the import is a newer vintage of the indicator), a bundled
 * value gives way to the imported one instead. */
static void
move_series (DsrStore      *self,
             IndicatorData *d,
             guint          layer,
             gboolean       supersede,
             const char    *entity_id,
             Series        *s,
             const guint32 *meta_map,
             DsrMergeStats *stats,
             GPtrArray     *kept)
{
  const char *key = dsr_entity_get_id (dsr_store_get_entity (self, entity_id));
  Series *own = g_hash_table_lookup (d->layers[LAYER_OWN], key);
  const Series *imported = g_hash_table_lookup (d->layers[LAYER_IMPORTED], key);
  Series *into;

  s->meta = meta_map[s->meta];
  if (s->metas != NULL)
    for (guint i = 0; i < s->len; i++)
      s->metas[i] = meta_map[s->metas[i]];

  for (guint i = 0; supersede && own != NULL && i < s->len; i++)
    {
      guint slot;

      Superseded set_aside;

      if (isnan (s->values[i]) || !series_get (own, s->first + (int) i, &slot))
        continue;
      set_aside = (Superseded) { key, s->first + (int) i, own->values[slot], series_meta (own, slot),
                                 series_qualifier (own, slot) };
      if (d->superseded == NULL)
        d->superseded = g_array_new (FALSE, FALSE, sizeof (Superseded));
      g_array_append_val (d->superseded, set_aside);
      own->values[slot] = NAN;
      own->n--;
      self->n_observations--;
      stats->n_superseded++;
    }
  if (own != NULL && own->n == 0)
    {
      g_hash_table_remove (d->layers[LAYER_OWN], key);
      own = NULL;
    }

  for (guint i = 0; (own != NULL || imported != NULL) && i < s->len; i++)
    {
      guint slot;

      if (isnan (s->values[i])
          || !(series_get (own, s->first + (int) i, &slot) || series_get (imported, s->first + (int) i, &slot)))
        continue;
      s->values[i] = NAN;
      s->n--;
      stats->n_kept++;
      if (kept != NULL)
        g_ptr_array_add (kept, g_strdup_printf ("%s, %s, %d", dsr_indicator_get_id (d->indicator),
                                                key, s->first + (int) i));
    }

  stats->n_values += s->n;
  self->n_observations += s->n;
  into = g_hash_table_lookup (d->layers[layer], key);
  if (s->n > 0 && into == NULL)
    {
      g_hash_table_insert (d->layers[layer], (gpointer) key, s);
      return;
    }

  for (guint i = 0; i < s->len && s->n > 0; i++)
    {
      int year = s->first + (int) i;

      if (isnan (s->values[i]))
        continue;
      if (year < into->first || year >= into->first + into->len)
        {
          into = series_widen (into, year);
          g_hash_table_insert (d->layers[layer], (gpointer) key, into);
        }
      series_set (into, year - into->first, s->values[i], series_qualifier (s, i), series_meta (s, i));
    }
  series_free (s);
}

static gboolean
merge_stores (DsrStore       *self,
              DsrStore       *staging,
              MergeMode       mode,
              const char     *origin,
              DsrMergeStats  *stats,
              GPtrArray      *kept,
              GError        **error)
{
  DsrMergeStats local = { 0 };
  g_autofree guint32 *meta_map = NULL;
  GListModel *entities, *indicators;
  guint layer = mode == MERGE_IMPORT ? LAYER_IMPORTED : LAYER_OWN;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);
  g_return_val_if_fail (DSR_IS_STORE (staging), FALSE);
  g_return_val_if_fail (self != staging, FALSE);

  if (!check_merge (self, staging, mode, error))
    return FALSE;

  entities = G_LIST_MODEL (staging->entities);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);

      if (dsr_store_get_entity (self, dsr_entity_get_id (entity)) == NULL)
        {
          dsr_store_add_entity (self, entity, NULL);
          local.n_entities++;
        }
    }
  merge_groupings (self, staging, mode, origin, &local);

  meta_map = g_new0 (guint32, MAX (staging->metas->len, 1));
  for (guint i = 0; i < staging->metas->len; i++)
    {
      const Meta *meta = &g_array_index (staging->metas, Meta, i);

      meta_map[i] = intern_meta (self, meta->source, meta->note);
    }

  indicators = G_LIST_MODEL (staging->indicators);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);
      IndicatorData *sd = lookup_data (staging, dsr_indicator_get_id (indicator));
      IndicatorData *d;
      DsrIndicator *existing;
      gboolean supersede;

      if (layer_count (sd->layers[LAYER_OWN]) + layer_count (sd->layers[LAYER_IMPORTED]) == 0)
        continue;

      /* A newer vintage (the publisher's "Last Updated" date, "YYYY-MM-DD")
       * of an indicator the store has replaces its bundled values. */
      existing = dsr_store_get_indicator (self, dsr_indicator_get_id (indicator));
      d = prepare_indicator (self, indicator, mode, &local);
      supersede = mode == MERGE_IMPORT && existing != NULL && existing != indicator && d->indicator != indicator
                  && *dsr_indicator_get_vintage (indicator) != '\0'
                  && strcmp (dsr_indicator_get_vintage (indicator),
                             dsr_indicator_get_vintage (d->indicator)) > 0;
      if (supersede)
        {
          if (d->superseded_vintage == NULL)
            d->superseded_vintage = g_strdup (dsr_indicator_get_vintage (d->indicator));
          dsr_indicator_set_vintage (d->indicator, dsr_indicator_get_vintage (indicator));
        }
      if (mode == MERGE_IMPORT)
        {
          g_free (d->origin);
          d->origin = g_strdup (origin);
        }
      local.n_indicators++;

      for (guint l = 0; l < N_LAYERS; l++)
        {
          GHashTableIter iter;
          gpointer key, value;

          staging->n_observations -= layer_count (sd->layers[l]);
          g_hash_table_iter_init (&iter, sd->layers[l]);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_hash_table_iter_steal (&iter);
              move_series (self, d, layer, supersede, key, value, meta_map, &local, kept);
            }
        }
      g_clear_pointer (&sd->years, g_array_unref);
      g_clear_pointer (&d->years, g_array_unref);
    }

  if (stats != NULL)
    *stats = local;
  return TRUE;
}

/* Commits a staging store (filled by an importer) into @self, all or
 * nothing: on failure @self is exactly as it was, and so is @staging; on
 * success the staged values have moved into @self (@staging keeps its
 * indicators, entities and groupings, but no values).
 *
 * The rule for what is already loaded:
 *  - entities and groupings new to the store are added; an entity already
 *    there is shared (it must be of the same kind: a country stays a
 *    country), and a grouping an earlier import added is replaced; a bundled
 *    grouping cannot be replaced (an error);
 *  - an indicator that receives values from the import loses the values an
 *    earlier import gave it: a re-import of an indicator replaces the
 *    previous import of it. Staged indicators without a value are ignored;
 *  - the store's own values (the bundled data) are not replaced by an
 *    import: a staged value for the same indicator, entity and year is
 *    dropped, counted in @stats->n_kept and described in @kept (strings
 *    "indicator, entity, year") when given. Except for a newer vintage: when
 *    the staged indicator's vintage is later than the store's indicator's
 *    (or the store's has none), the staged values replace the bundled ones
 *    of that indicator (counted in @stats->n_superseded; the store's
 *    indicator takes the new vintage). Removing the import does not bring
 *    those bundled values back until the pack loads again.
 * @origin names the import (e.g. its library entry), for
 * dsr_store_get_indicator_origin() and dsr_store_remove_import(). */
gboolean
dsr_store_merge (DsrStore       *self,
                 DsrStore       *staging,
                 const char     *origin,
                 DsrMergeStats  *stats,
                 GPtrArray      *kept,
                 GError        **error)
{
  return merge_stores (self, staging, MERGE_IMPORT, origin && *origin ? origin : "import",
                       stats, kept, error);
}

/* Adds the contents of @part to @self as @self's own: how an importer
 * gathers the files of one import. New entities, groupings and indicators
 * are added; a value for a key @self already has is dropped (counted in
 * @stats->n_kept, described in @kept). All or nothing, like
 * dsr_store_merge(); on success @part's values have moved. */
gboolean
dsr_store_absorb (DsrStore       *self,
                  DsrStore       *part,
                  DsrMergeStats  *stats,
                  GPtrArray      *kept,
                  GError        **error)
{
  return merge_stores (self, part, MERGE_ABSORB, NULL, stats, kept, error);
}

/* Removes what the import @origin added: its values, the indicators that
 * came with it (a bundled indicator stays, without the imported values) and
 * its groupings. Economies and aggregates stay (without values). Returns the
 * number of values removed. */
guint
dsr_store_remove_import (DsrStore   *self,
                         const char *origin)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  guint removed = 0;

  g_return_val_if_fail (DSR_IS_STORE (self), 0);
  g_return_val_if_fail (origin != NULL, 0);

  g_hash_table_iter_init (&iter, self->indicator_data);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IndicatorData *d = value;
      guint n;

      if (g_strcmp0 (d->origin, origin) != 0)
        continue;
      n = layer_count (d->layers[LAYER_IMPORTED]);
      removed += n;
      self->n_observations -= n;
      g_hash_table_remove_all (d->layers[LAYER_IMPORTED]);
      restore_superseded (self, d);
      g_clear_pointer (&d->origin, g_free);
      g_clear_pointer (&d->years, g_array_unref);
      if (d->imported && g_hash_table_size (d->layers[LAYER_OWN]) == 0)
        g_ptr_array_add (gone, g_object_ref (d->indicator));
    }
  for (guint i = 0; i < gone->len; i++)
    {
      DsrIndicator *indicator = g_ptr_array_index (gone, i);
      guint position;

      if (g_list_store_find (self->indicators, indicator, &position))
        g_list_store_remove (self->indicators, position);
      g_hash_table_remove (self->indicator_data, dsr_indicator_get_id (indicator));
    }

  g_hash_table_iter_init (&iter, self->imported_groupings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DsrGrouping *grouping;
      guint position;

      if (!g_str_equal (value, origin))
        continue;
      grouping = dsr_store_get_grouping (self, key);
      if (grouping != NULL && g_list_store_find (self->groupings, grouping, &position))
        g_list_store_remove (self->groupings, position);
      g_hash_table_iter_remove (&iter);
    }

  return removed;
}
