/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-values"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-map-values.h"

const char *
dsr_map_mode_to_string (DsrMapMode mode)
{
  return mode == DSR_MAP_MODE_REGION ? "region" : "country";
}

void
dsr_map_values_free (DsrMapValues *values)
{
  if (values == NULL)
    return;
  g_clear_object (&values->store);
  g_clear_pointer (&values->view, dsr_view_free);
  g_clear_pointer (&values->regions, g_array_unref);
  g_clear_pointer (&values->values, g_array_unref);
  g_clear_pointer (&values->by_numeric, g_hash_table_unref);
  g_free (values->sources);
  g_free (values);
}

static GPtrArray *
store_countries (DsrStore *store)
{
  GListModel *entities = dsr_store_get_entities (store);
  guint n = g_list_model_get_n_items (entities);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      DsrEntity *entity = g_list_model_get_item (entities, i);

      if (dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY)
        g_ptr_array_add (out, entity);
      else
        g_object_unref (entity);
    }
  return out;
}

/* The world average: as reported (WLD), else the mean of every economy with
 * data when at least half of them have some, as the charts do. */
static void
world_value (DsrMapValues *self,
             GPtrArray    *countries)
{
  DsrMapValue *w = &self->world;
  const char *id = dsr_indicator_get_id (self->indicator);
  DsrObservation obs;

  *w = (DsrMapValue) { .value = NAN, .shown = NAN, .klass = -1 };
  w->entity = dsr_store_get_entity (self->store, DSR_ENTITY_ID_WORLD);
  w->entity_id = DSR_ENTITY_ID_WORLD;
  w->name = w->entity ? dsr_entity_get_name (w->entity) : _("World");

  if (dsr_store_lookup (self->store, id, DSR_ENTITY_ID_WORLD, self->year, &obs))
    {
      w->value = obs.value;
      w->basis = obs.basis;
      w->qualifier = obs.qualifier;
      w->source = obs.source;
    }
  else
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      DsrAggregateOptions options = { .as_of = self->year };
      DsrAggregate agg;

      for (guint i = 0; i < countries->len; i++)
        g_ptr_array_add (ids, (gpointer) dsr_entity_get_id (g_ptr_array_index (countries, i)));
      dsr_store_compute_mean (self->store, id, ids, self->year, &options, &agg);
      if (agg.n > 0 && agg.n >= DSR_CHART_MIN_REFERENCE_COVERAGE * agg.total)
        {
          w->value = agg.value;
          w->basis = DSR_BASIS_COMPUTED;
          w->n = agg.n;
          w->total = agg.total;
          w->source = dsr_indicator_get_source (self->indicator);
        }
    }
}

/* Every region of the grouping with its value: reported when the source
 * gives one, else the mean of its members with data (with its coverage). */
static void
region_values (DsrMapValues *self)
{
  const char *id = dsr_indicator_get_id (self->indicator);
  DsrAggregateOptions options = { .as_of = self->year };
  guint n = self->grouping ? dsr_grouping_get_n_regions (self->grouping) : 0;

  for (guint r = 0; r < n; r++)
    {
      DsrRegion *region = dsr_grouping_get_region (self->grouping, r);
      DsrMapRegionValue rv = { 0 };
      DsrEntity *entity;
      DsrObservation obs;
      DsrAggregate agg;

      rv.region = region;
      rv.entity_id = dsr_region_get_entity_id (region);
      entity = dsr_store_get_entity (self->store, rv.entity_id);
      rv.name = entity ? dsr_entity_get_name (entity) : dsr_region_get_name (region);
      rv.value = NAN;
      rv.klass = -1;
      if (dsr_store_lookup (self->store, id, rv.entity_id, self->year, &obs))
        {
          rv.value = obs.value;
          rv.basis = obs.basis;
          rv.qualifier = obs.qualifier;
          rv.source = obs.source;
        }
      else
        {
          dsr_store_compute_region (self->store, id, region, self->year, &options, &agg);
          if (agg.n > 0)
            {
              rv.value = agg.value;
              rv.basis = DSR_BASIS_COMPUTED;
              rv.n = agg.n;
              rv.total = agg.total;
              rv.source = dsr_indicator_get_source (self->indicator);
            }
        }
      g_array_append_val (self->regions, rv);
    }
}

static const DsrMapRegionValue *
find_region (DsrMapValues    *self,
             const DsrRegion *region)
{
  for (guint r = 0; r < self->regions->len; r++)
    if (g_array_index (self->regions, DsrMapRegionValue, r).region == region)
      return &g_array_index (self->regions, DsrMapRegionValue, r);
  return NULL;
}

typedef struct
{
  char        *key;  /* g_utf8_collate_key() of the name: collating once is much faster */
  DsrMapValue  value;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const Sortable *) a)->key, ((const Sortable *) b)->key);
}

/* @values by name, in the locale's order. */
static void
sort_by_name (GArray *values)
{
  g_autofree Sortable *items = g_new (Sortable, MAX (values->len, 1));

  for (guint i = 0; i < values->len; i++)
    {
      items[i].value = g_array_index (values, DsrMapValue, i);
      items[i].key = g_utf8_collate_key (items[i].value.name, -1);
    }
  qsort (items, values->len, sizeof (Sortable), compare_sortable);
  for (guint i = 0; i < values->len; i++)
    {
      g_array_index (values, DsrMapValue, i) = items[i].value;
      g_free (items[i].key);
    }
}

static void
economy_values (DsrMapValues *self,
                GPtrArray    *countries)
{
  const char *id = dsr_indicator_get_id (self->indicator);
  DsrGrouping *membership = self->grouping;

  /* In country mode, "member" means a Belt and Road economy. */
  if (self->mode == DSR_MAP_MODE_COUNTRY && dsr_store_get_bri_grouping (self->store) != NULL)
    membership = dsr_store_get_bri_grouping (self->store);

  for (guint i = 0; i < countries->len; i++)
    {
      DsrEntity *entity = g_ptr_array_index (countries, i);
      DsrMapValue v = { 0 };
      DsrRegion *region;
      DsrObservation obs;

      v.entity = entity;
      v.entity_id = dsr_entity_get_id (entity);
      v.name = dsr_entity_get_name (entity);
      v.numeric = dsr_entity_get_numeric (entity);
      v.value = NAN;
      v.klass = -1;

      region = membership ? dsr_grouping_region_of (membership, v.entity_id) : NULL;
      v.member = region != NULL && dsr_region_has_member_as_of (region, v.entity_id, self->year);
      if (v.member && self->grouping != NULL)
        {
          DsrRegion *own = dsr_grouping_region_of (self->grouping, v.entity_id);

          v.region = own && dsr_region_has_member_as_of (own, v.entity_id, self->year)
                     ? find_region (self, own) : NULL;
        }

      if (self->mode == DSR_MAP_MODE_COUNTRY)
        {
          if (dsr_store_lookup (self->store, id, v.entity_id, self->year, &obs))
            {
              v.value = obs.value;
              v.basis = obs.basis;
              v.qualifier = obs.qualifier;
              v.source = obs.source;
            }
        }
      else if (v.region != NULL && isfinite (v.region->value))
        {
          v.value = v.region->value;
          v.basis = v.region->basis;
          v.qualifier = v.region->qualifier;
          v.n = v.region->n;
          v.total = v.region->total;
          v.source = v.region->source;
        }

      if (v.member || isfinite (v.value))
        g_array_append_val (self->values, v);
    }
  sort_by_name (self->values);
}

static gboolean
any_country_value (DsrMapValues *self,
                   GPtrArray    *countries)
{
  const char *id = dsr_indicator_get_id (self->indicator);
  DsrObservation obs;

  for (guint i = 0; i < countries->len; i++)
    if (dsr_store_lookup (self->store, id, dsr_entity_get_id (g_ptr_array_index (countries, i)),
                          self->year, &obs))
      return TRUE;
  return FALSE;
}

static void
add_source (GPtrArray  *seen,
            const char *source)
{
  if (source != NULL && *source != '\0'
      && !g_ptr_array_find_with_equal_func (seen, source, g_str_equal, NULL))
    g_ptr_array_add (seen, (gpointer) source);
}

/* Shown values, classes and sources. */
static gboolean
classify (DsrMapValues  *self,
          DsrBinning     binning,
          guint          n_classes,
          GError       **error)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  double offset = self->diverging ? self->world.value : 0.0;

  self->world.shown = self->world.value - offset;
  for (guint r = 0; r < self->regions->len; r++)
    {
      DsrMapRegionValue *rv = &g_array_index (self->regions, DsrMapRegionValue, r);

      rv->shown = rv->value - offset;
      if (self->mode == DSR_MAP_MODE_REGION && isfinite (rv->shown))
        g_array_append_val (shown, rv->shown);
    }
  for (guint i = 0; i < self->values->len; i++)
    {
      DsrMapValue *v = &g_array_index (self->values, DsrMapValue, i);

      v->shown = v->value - offset;
      if (self->mode == DSR_MAP_MODE_COUNTRY && isfinite (v->shown))
        {
          g_array_append_val (shown, v->shown);
          add_source (seen, v->source);
        }
    }

  /* A region's value counts once, however many members it has. */
  if (shown->len > 0
      && !dsr_bins_compute (&self->bins, (const double *) shown->data, shown->len, binning, n_classes,
                            error))
    return FALSE;
  self->bins.method = binning;
  /* Differences: no class holds values both above and below the world average. */
  if (self->diverging)
    dsr_bins_split_at (&self->bins, 0.0);

  for (guint r = 0; r < self->regions->len; r++)
    {
      DsrMapRegionValue *rv = &g_array_index (self->regions, DsrMapRegionValue, r);

      rv->klass = dsr_bins_classify (&self->bins, rv->shown);
      if (self->mode == DSR_MAP_MODE_REGION && isfinite (rv->shown))
        add_source (seen, rv->source);
    }
  for (guint i = 0; i < self->values->len; i++)
    {
      DsrMapValue *v = &g_array_index (self->values, DsrMapValue, i);

      v->klass = dsr_bins_classify (&self->bins, v->shown);
      if (v->numeric > 0)
        g_hash_table_insert (self->by_numeric, GINT_TO_POINTER (v->numeric), GUINT_TO_POINTER (i + 1));
    }
  /* The world average is on the legend. */
  if (isfinite (self->world.value))
    add_source (seen, self->world.source);

  g_ptr_array_add (seen, NULL);
  self->sources = g_strjoinv ("; ", (char **) seen->pdata);
  return TRUE;
}

/**
 * dsr_map_values_new:
 * @view: what to show: DsrView.indicator_id and year (0: the latest),
 *   grouping_id (%NULL: the first grouping with values) and compare
 * @binning: how to make the classes
 * @n_classes: from %DSR_BINS_MIN_CLASSES to %DSR_BINS_MAX_CLASSES; 0 for
 *   %DSR_BINS_DEFAULT_CLASSES
 *
 * Gathers the values of a map. Country mode when some economy has a value
 * of its own for the indicator and year; else region mode, where every
 * member economy of the grouping shows its region's value.
 *
 * Returns: (transfer full): the values, or %NULL with an error in
 *   %DSR_ERROR that names the choice that is not valid (as the charts do)
 */
DsrMapValues *
dsr_map_values_new (DsrStore       *store,
                    const DsrView  *view,
                    DsrBinning      binning,
                    guint           n_classes,
                    GError        **error)
{
  g_autoptr(DsrMapValues) self = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(DsrView) resolved = NULL;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (n_classes == 0)
    n_classes = DSR_BINS_DEFAULT_CLASSES;
  if (!dsr_bins_check_classes (n_classes, error))
    return NULL;

  resolved = dsr_chart_resolve_view (store, view, error);
  if (resolved == NULL)
    return NULL;
  resolved->kind = DSR_VIEW_MAP;

  self = g_new0 (DsrMapValues, 1);
  self->store = g_object_ref (store);
  self->view = g_steal_pointer (&resolved);
  self->indicator = dsr_store_get_indicator (store, self->view->indicator_id);
  self->grouping = self->view->grouping_id ? dsr_store_get_grouping (store, self->view->grouping_id) : NULL;
  self->year = self->view->year;
  self->decimals = dsr_indicator_get_decimals (self->indicator);
  self->diverging = self->view->compare == DSR_COMPARE_WORLD_DIFF;
  self->regions = g_array_new (FALSE, FALSE, sizeof (DsrMapRegionValue));
  self->values = g_array_new (FALSE, FALSE, sizeof (DsrMapValue));
  self->by_numeric = g_hash_table_new (NULL, NULL);

  countries = store_countries (store);
  self->mode = any_country_value (self, countries) ? DSR_MAP_MODE_COUNTRY : DSR_MAP_MODE_REGION;
  world_value (self, countries);
  if (self->diverging && !isfinite (self->world.value))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                   _("There is no world average of %s for %d, so there is no difference to show"),
                   self->view->indicator_id, self->year);
      return NULL;
    }
  region_values (self);
  economy_values (self, countries);
  if (!classify (self, binning, n_classes, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The economy with ISO 3166 numeric code @numeric, if it is a member or has a value. */
const DsrMapValue *
dsr_map_values_lookup (const DsrMapValues *values,
                       int                 numeric)
{
  guint index;

  g_return_val_if_fail (values != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (values->by_numeric, GINT_TO_POINTER (numeric)));
  return index > 0 ? &g_array_index (values->values, DsrMapValue, index - 1) : NULL;
}

/* A value as the map prints it: the indicator's decimals, "about" and the
 * like, and with @signed_ a "+" on positive differences. */
char *
dsr_map_values_format (const DsrMapValues *values,
                       double              value,
                       DsrQualifier        qualifier,
                       gboolean            signed_)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (values != NULL, NULL);

  if (!signed_)
    return dsr_format_value (value, values->decimals, qualifier);
  number = dsr_format_number (value, values->decimals);
  if (value >= 0.5 * pow (10, -CLAMP (values->decimals, 0, 6)))
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
}
