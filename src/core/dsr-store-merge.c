/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-store-private.h"

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
      if (old != NULL && dsr_object_list_find (self->groupings, old, &position))
        dsr_object_list_replace (self->groupings, position, grouping);
      else
        dsr_object_list_append (self->groupings, grouping);
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
          s = _dsr_series_alloc (v->year, 1);
          g_hash_table_insert (d->layers[LAYER_OWN], (gpointer) v->key, s);
        }
      else if (v->year < s->first || v->year >= s->first + s->len)
        {
          s = _dsr_series_widen (s, v->year);
          g_hash_table_insert (d->layers[LAYER_OWN], (gpointer) v->key, s);
        }
      _dsr_series_set (s, v->year - s->first, v->value, v->qualifier, v->meta);
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
  IndicatorData *d = _dsr_store_lookup_data (self, id);
  guint position;

  if (d == NULL)
    {
      d = _dsr_indicator_data_new (indicator, mode == MERGE_IMPORT);
      g_hash_table_insert (self->indicator_data, (gpointer) dsr_indicator_get_id (d->indicator), d);
      dsr_object_list_append (self->indicators, indicator);
      stats->n_new_indicators++;
      return d;
    }
  if (mode == MERGE_ABSORB)
    return d;

  if (d->imported && d->indicator != indicator
      && dsr_object_list_find (self->indicators, d->indicator, &position))
    {
      g_hash_table_steal (self->indicator_data, id);
      dsr_object_list_replace (self->indicators, position, indicator);
      g_set_object (&d->indicator, indicator);
      g_hash_table_insert (self->indicator_data, (gpointer) dsr_indicator_get_id (d->indicator), d);
    }

  stats->n_replaced += _dsr_layer_count (d->layers[LAYER_IMPORTED]);
  self->n_observations -= _dsr_layer_count (d->layers[LAYER_IMPORTED]);
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
          into = _dsr_series_widen (into, year);
          g_hash_table_insert (d->layers[layer], (gpointer) key, into);
        }
      _dsr_series_set (into, year - into->first, s->values[i], series_qualifier (s, i), series_meta (s, i));
    }
  _dsr_series_free (s);
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

      meta_map[i] = _dsr_store_intern_meta (self, meta->source, meta->note);
    }

  indicators = G_LIST_MODEL (staging->indicators);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);
      IndicatorData *sd = _dsr_store_lookup_data (staging, dsr_indicator_get_id (indicator));
      IndicatorData *d;
      DsrIndicator *existing;
      gboolean supersede;

      if (_dsr_layer_count (sd->layers[LAYER_OWN]) + _dsr_layer_count (sd->layers[LAYER_IMPORTED]) == 0)
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

          staging->n_observations -= _dsr_layer_count (sd->layers[l]);
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
      n = _dsr_layer_count (d->layers[LAYER_IMPORTED]);
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

      if (dsr_object_list_find (self->indicators, indicator, &position))
        dsr_object_list_remove (self->indicators, position);
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
      if (grouping != NULL && dsr_object_list_find (self->groupings, grouping, &position))
        dsr_object_list_remove (self->groupings, position);
      g_hash_table_iter_remove (&iter);
    }

  return removed;
}
