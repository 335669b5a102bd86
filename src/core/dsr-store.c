/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-store-private.h"

G_DEFINE_FINAL_TYPE (DsrStore, dsr_store, G_TYPE_OBJECT)

/* Series --------------------------------------------------------------------- */

Series *
_dsr_series_alloc (int   first,
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

void
_dsr_series_free (gpointer data)
{
  Series *s = data;

  g_free (s->metas);
  g_free (s->qualifiers);
  g_free (s);
}




/* A copy of @s that also covers @year. */
Series *
_dsr_series_widen (const Series *s,
              int           year)
{
  int first = MIN (s->first, year);
  int last = MAX (s->first + s->len - 1, year);
  Series *t = _dsr_series_alloc (first, last - first + 1);
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

void
_dsr_series_set (Series       *s,
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

guint
_dsr_layer_count (GHashTable *layer)
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

IndicatorData *
_dsr_indicator_data_new (DsrIndicator *indicator,
                    gboolean      imported)
{
  IndicatorData *d = g_new0 (IndicatorData, 1);

  d->indicator = g_object_ref (indicator);
  d->imported = imported;
  for (guint l = 0; l < N_LAYERS; l++)
    d->layers[l] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _dsr_series_free);
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
  self->indicators = dsr_object_list_new (DSR_TYPE_INDICATOR);
  self->indicator_data = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, indicator_data_free);
  self->entities = dsr_object_list_new (DSR_TYPE_ENTITY);
  self->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->country_by_numeric = g_hash_table_new (NULL, NULL);
  self->groupings = dsr_object_list_new (DSR_TYPE_GROUPING);
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

IndicatorData *
_dsr_store_lookup_data (DsrStore   *self,
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

  d = _dsr_indicator_data_new (indicator, FALSE);
  g_hash_table_insert (self->indicator_data, (gpointer) dsr_indicator_get_id (d->indicator), d);
  dsr_object_list_append (self->indicators, indicator);

  return TRUE;
}

DsrIndicator *
dsr_store_get_indicator (DsrStore   *self,
                         const char *id)
{
  IndicatorData *d;

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  d = _dsr_store_lookup_data (self, id);
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

  d = _dsr_store_lookup_data (self, indicator_id);
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

  dsr_object_list_append (self->entities, entity);
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
  dsr_object_list_append (self->groupings, grouping);

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

guint32
_dsr_store_intern_meta (DsrStore   *self,
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
  IndicatorData *d = _dsr_store_lookup_data (self, indicator_id);

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

  d = _dsr_store_lookup_data (self, indicator_id);
  layer = d->layers[LAYER_OWN];
  key = dsr_entity_get_id (dsr_store_get_entity (self, entity_id));
  s = g_hash_table_lookup (layer, key);
  if (s == NULL)
    {
      s = _dsr_series_alloc (year, 1);
      g_hash_table_insert (layer, (gpointer) key, s);
    }
  else if (year < s->first || year >= s->first + s->len)
    {
      s = _dsr_series_widen (s, year);
      g_hash_table_insert (layer, (gpointer) key, s); /* frees the narrower one */
    }

  _dsr_series_set (s, year - s->first, value, qualifier,
              _dsr_store_intern_meta (self, source ? source : "", note ? note : ""));
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

  meta = _dsr_store_intern_meta (self, source ? source : "", note ? note : "");
  layer = d->layers[LAYER_OWN];
  key = dsr_entity_get_id (entity);
  s = (Series *) own;
  if (s == NULL)
    {
      s = _dsr_series_alloc (first_year + (int) first, last - first + 1);
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
            s = _dsr_series_widen (s, year);
            g_hash_table_insert (layer, (gpointer) key, s);
          }
        _dsr_series_set (s, year - s->first, values[i], DSR_QUALIFIER_EXACT, meta);
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

  d = _dsr_store_lookup_data (self, indicator_id);
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

  d = _dsr_store_lookup_data (self, indicator_id);
  return d ? _dsr_layer_count (d->layers[LAYER_OWN]) + _dsr_layer_count (d->layers[LAYER_IMPORTED]) : 0;
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

  d = _dsr_store_lookup_data (self, indicator_id);
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
