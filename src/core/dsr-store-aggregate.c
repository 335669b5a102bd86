/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-store-private.h"

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

  d = _dsr_store_lookup_data (self, indicator_id);
  if (d == NULL)
    return;
  if (weighted)
    weights = _dsr_store_lookup_data (self, options && options->weight_indicator ? options->weight_indicator
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

  d = _dsr_store_lookup_data (self, indicator_id);
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

  d = _dsr_store_lookup_data (self, indicator_id);
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
  if (_dsr_store_lookup_data (self, indicator_id) == NULL)
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
  d = _dsr_store_lookup_data (self, indicator_id);
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
