/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-store"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-store.h"

/* Observations are kept compact: one Cell per value, in a per-(indicator,
 * entity) array sorted by year. Source and note strings are interned once in
 * a string chunk and referenced through a small table. */
typedef struct
{
  double  value;
  gint32  year;
  guint16 qualifier;
  guint16 reserved;
  guint32 meta;
} Cell;

typedef struct
{
  const char *source;
  const char *note;
} Meta;

typedef struct
{
  DsrIndicator *indicator;
  GHashTable   *series;      /* entity id (borrowed from DsrEntity) -> GArray of Cell */
  GArray       *years;       /* sorted distinct years; NULL when stale */
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
  DsrGrouping  *bri_grouping;

  GStringChunk *strings;
  GArray       *metas;          /* of Meta */
  GHashTable   *meta_index;     /* "source\x1fnote" -> index + 1 */
  guint         n_observations;
};

G_DEFINE_FINAL_TYPE (DsrStore, dsr_store, G_TYPE_OBJECT)

static void
indicator_data_free (gpointer data)
{
  IndicatorData *d = data;

  g_clear_object (&d->indicator);
  g_hash_table_unref (d->series);
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
  self->strings = g_string_chunk_new (4096);
  self->metas = g_array_new (FALSE, FALSE, sizeof (Meta));
  self->meta_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DsrStore *
dsr_store_new (void)
{
  return g_object_new (DSR_TYPE_STORE, NULL);
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

  d = g_new0 (IndicatorData, 1);
  d->indicator = g_object_ref (indicator);
  d->series = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                     (GDestroyNotify) g_array_unref);
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

  if (id == NULL)
    return NULL;
  d = g_hash_table_lookup (self->indicator_data, id);
  return d ? d->indicator : NULL;
}

GListModel *
dsr_store_get_indicators (DsrStore *self)
{
  g_return_val_if_fail (DSR_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->indicators);
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
  g_autofree char *key = g_strconcat (source, "\x1f", note, NULL);
  gpointer found = g_hash_table_lookup (self->meta_index, key);
  Meta meta;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  meta.source = g_string_chunk_insert_const (self->strings, source);
  meta.note = g_string_chunk_insert_const (self->strings, note);
  g_array_append_val (self->metas, meta);
  g_hash_table_insert (self->meta_index, g_steal_pointer (&key), GUINT_TO_POINTER (self->metas->len));

  return self->metas->len - 1;
}

/* Binary search for @year in a year-sorted array; returns the index where it
 * is or would be inserted. */
static guint
find_year (GArray *cells,
           int     year,
           gboolean *found)
{
  guint lo = 0, hi = cells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int y = g_array_index (cells, Cell, mid).year;

      if (y < year)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = lo < cells->len && g_array_index (cells, Cell, lo).year == year;
  return lo;
}

#define DSR_YEAR_MIN 1800
#define DSR_YEAR_MAX 2100

gboolean
dsr_store_check_observation (DsrStore   *self,
                             const char *indicator_id,
                             const char *entity_id,
                             int         year,
                             double      value,
                             GError    **error)
{
  IndicatorData *d;
  GArray *cells;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);

  d = indicator_id ? g_hash_table_lookup (self->indicator_data, indicator_id) : NULL;
  if (d == NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID, _("unknown indicator “%s”"),
                   indicator_id ? indicator_id : "");
      return FALSE;
    }
  if (dsr_store_get_entity (self, entity_id) == NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID, _("unknown economy or region “%s”"),
                   entity_id ? entity_id : "");
      return FALSE;
    }
  if (year < DSR_YEAR_MIN || year > DSR_YEAR_MAX)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("year %d is outside %d–%d"), year, DSR_YEAR_MIN, DSR_YEAR_MAX);
      return FALSE;
    }
  if (!isfinite (value))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("the value is not a finite number"));
      return FALSE;
    }

  cells = g_hash_table_lookup (d->series, entity_id);
  if (cells != NULL)
    {
      gboolean found;

      find_year (cells, year, &found);
      if (found)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                       _("a value for %s, %s, %d is already loaded"),
                       indicator_id, entity_id, year);
          return FALSE;
        }
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
  DsrEntity *entity;
  GArray *cells;
  gboolean found;
  Cell cell = { 0 };
  guint pos;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);

  if (!dsr_store_check_observation (self, indicator_id, entity_id, year, value, error))
    return FALSE;

  d = g_hash_table_lookup (self->indicator_data, indicator_id);
  entity = dsr_store_get_entity (self, entity_id);
  cells = g_hash_table_lookup (d->series, entity_id);
  if (cells == NULL)
    {
      cells = g_array_new (FALSE, FALSE, sizeof (Cell));
      g_hash_table_insert (d->series, (gpointer) dsr_entity_get_id (entity), cells);
    }

  cell.value = value;
  cell.year = year;
  cell.qualifier = qualifier;
  cell.meta = intern_meta (self, source ? source : "", note ? note : "");

  pos = find_year (cells, year, &found);
  g_array_insert_val (cells, pos, cell);
  g_clear_pointer (&d->years, g_array_unref);
  self->n_observations++;

  return TRUE;
}

static void
fill_observation (DsrStore       *self,
                  DsrEntity      *entity,
                  const Cell     *cell,
                  DsrObservation *out)
{
  const Meta *meta = &g_array_index (self->metas, Meta, cell->meta);

  out->value = cell->value;
  out->year = cell->year;
  out->basis = dsr_entity_is_aggregate (entity) ? DSR_BASIS_REPORTED : DSR_BASIS_OBSERVED;
  out->qualifier = cell->qualifier;
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
  GArray *cells;
  gboolean found;
  guint pos;

  g_return_val_if_fail (DSR_IS_STORE (self), FALSE);

  d = indicator_id ? g_hash_table_lookup (self->indicator_data, indicator_id) : NULL;
  if (d == NULL || entity_id == NULL)
    return FALSE;
  cells = g_hash_table_lookup (d->series, entity_id);
  if (cells == NULL)
    return FALSE;

  pos = find_year (cells, year, &found);
  if (!found)
    return FALSE;
  if (out != NULL)
    fill_observation (self, dsr_store_get_entity (self, entity_id),
                      &g_array_index (cells, Cell, pos), out);
  return TRUE;
}

guint
dsr_store_get_n_observations (DsrStore *self)
{
  g_return_val_if_fail (DSR_IS_STORE (self), 0);
  return self->n_observations;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

/* Returns the sorted years that have at least one value for the indicator
 * (a new reference; empty for an unknown indicator). */
GArray *
dsr_store_get_years (DsrStore   *self,
                     const char *indicator_id)
{
  IndicatorData *d;
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  d = indicator_id ? g_hash_table_lookup (self->indicator_data, indicator_id) : NULL;
  if (d == NULL)
    return g_array_new (FALSE, FALSE, sizeof (int));
  if (d->years != NULL)
    return g_array_ref (d->years);

  seen = g_hash_table_new (NULL, NULL);
  d->years = g_array_new (FALSE, FALSE, sizeof (int));
  g_hash_table_iter_init (&iter, d->series);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *cells = value;

      for (guint i = 0; i < cells->len; i++)
        {
          int year = g_array_index (cells, Cell, i).year;

          if (g_hash_table_add (seen, GINT_TO_POINTER (year)))
            g_array_append_val (d->years, year);
        }
    }
  g_array_sort (d->years, compare_int);

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

/* The member's value in @year, or, within the tolerance, in the nearest year
 * (the earlier one on a tie). */
static const Cell *
member_cell (GArray *cells,
             int     year,
             int     tolerance)
{
  gboolean found;
  guint pos;
  const Cell *best = NULL;

  if (cells == NULL || cells->len == 0)
    return NULL;

  pos = find_year (cells, year, &found);
  if (found)
    return &g_array_index (cells, Cell, pos);
  if (tolerance <= 0)
    return NULL;

  /* Neighbours of the insertion point are the nearest earlier and later years. */
  if (pos > 0)
    {
      const Cell *before = &g_array_index (cells, Cell, pos - 1);

      if (year - before->year <= tolerance)
        best = before;
    }
  if (pos < cells->len)
    {
      const Cell *after = &g_array_index (cells, Cell, pos);

      if (after->year - year <= tolerance && (best == NULL || after->year - year < year - best->year))
        best = after;
    }
  return best;
}

void
dsr_store_compute_mean (DsrStore                  *self,
                        const char                *indicator_id,
                        GPtrArray                 *country_ids,
                        int                        year,
                        const DsrAggregateOptions *options,
                        DsrAggregate              *out)
{
  IndicatorData *d;
  int tolerance = options ? MAX (options->tolerance, 0) : 0;
  double sum = 0.0;

  g_return_if_fail (DSR_IS_STORE (self));
  g_return_if_fail (country_ids != NULL);
  g_return_if_fail (out != NULL);

  out->value = NAN;
  out->n = 0;
  out->total = country_ids->len;
  out->year_min = 0;
  out->year_max = 0;

  d = indicator_id ? g_hash_table_lookup (self->indicator_data, indicator_id) : NULL;
  if (d == NULL)
    return;

  for (guint i = 0; i < country_ids->len; i++)
    {
      GArray *cells = g_hash_table_lookup (d->series, g_ptr_array_index (country_ids, i));
      const Cell *cell = member_cell (cells, year, tolerance);

      if (cell == NULL)
        continue;

      sum += cell->value;
      if (out->n == 0 || cell->year < out->year_min)
        out->year_min = cell->year;
      if (out->n == 0 || cell->year > out->year_max)
        out->year_max = cell->year;
      out->n++;
    }

  if (out->n > 0)
    out->value = sum / out->n;
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

static GPtrArray *
all_countries (DsrStore *self)
{
  GPtrArray *out = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->entities), i);

      if (dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY)
        g_ptr_array_add (out, (gpointer) dsr_entity_get_id (entity));
    }
  return out;
}

static void
append_reported (DsrStore   *self,
                 GArray     *rows,
                 const char *indicator_id,
                 DsrEntity  *entity,
                 int         year)
{
  DsrObservation obs;
  DsrRow row = { 0 };

  if (!dsr_store_lookup (self, indicator_id, dsr_entity_get_id (entity), year, &obs))
    return;

  row.entity = entity;
  row.value = obs.value;
  row.year = obs.year;
  row.basis = obs.basis;
  row.qualifier = obs.qualifier;
  row.source = obs.source;
  row.note = obs.note;
  g_array_append_val (rows, row);
}

static void
append_computed (GArray             *rows,
                 DsrEntity          *entity,
                 int                 year,
                 const DsrAggregate *agg)
{
  DsrRow row = { 0 };

  if (agg->n == 0)
    return;

  row.entity = entity;
  row.value = agg->value;
  row.year = year;
  row.basis = DSR_BASIS_COMPUTED;
  row.qualifier = DSR_QUALIFIER_EXACT;
  row.n = agg->n;
  row.total = agg->total;
  /* Translators: the source of a value the app computed itself */
  row.source = _("Computed: unweighted mean of members");
  row.note = "";
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
 * the Belt and Road average, each grouping's regions, then the countries by
 * name. Reported and computed values of one entity are separate rows. */
GArray *
dsr_store_collect_rows (DsrStore                  *self,
                        const char                *indicator_id,
                        int                        year,
                        const DsrAggregateOptions *options)
{
  GArray *rows;
  g_autoptr(GArray) countries = NULL;
  g_autoptr(GPtrArray) all = NULL;
  DsrAggregate agg;
  DsrEntity *entity;
  guint n_groupings;
  IndicatorData *d;

  g_return_val_if_fail (DSR_IS_STORE (self), NULL);

  rows = g_array_new (FALSE, FALSE, sizeof (DsrRow));
  d = indicator_id ? g_hash_table_lookup (self->indicator_data, indicator_id) : NULL;
  if (d == NULL)
    return rows;

  all = all_countries (self);

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
          append_reported (self, rows, indicator_id, entity, year);
          dsr_store_compute_region (self, indicator_id, region, year, options, &agg);
          append_computed (rows, entity, year, &agg);
        }
    }

  countries = g_array_new (FALSE, FALSE, sizeof (DsrRow));
  for (guint i = 0; i < all->len; i++)
    append_reported (self, countries, indicator_id,
                     dsr_store_get_entity (self, g_ptr_array_index (all, i)), year);
  g_array_sort (countries, compare_country_rows);
  g_array_append_vals (rows, countries->data, countries->len);

  return rows;
}
