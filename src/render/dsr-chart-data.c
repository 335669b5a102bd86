/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-data"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-error.h"
#include "dsr-format.h"

/* A trend shows economies that have data for the indicator by themselves
 * only when there are few of them (Table 1: China); with a whole World Bank
 * download loaded, pick them with DsrView.regions instead. */
#define MAX_AUTO_COUNTRIES 8

typedef struct
{
  DsrStore     *store;
  const char   *indicator_id;
  const char   *computed_source;
  GPtrArray    *countries;     /* ids of every country in the store */
} Context;

/* "2012–2021", "2016, 2021", "2012–2014, 2016" */
char *
dsr_chart_format_years (GArray *years)
{
  GString *out = g_string_new (NULL);
  guint i = 0;

  while (i < years->len)
    {
      guint j = i;

      while (j + 1 < years->len
             && g_array_index (years, int, j + 1) == g_array_index (years, int, j) + 1)
        j++;
      if (out->len > 0)
        g_string_append (out, ", ");
      if (j > i)
        g_string_append_printf (out, "%d–%d", g_array_index (years, int, i),
                                g_array_index (years, int, j));
      else
        g_string_append_printf (out, "%d", g_array_index (years, int, i));
      i = j + 1;
    }
  return g_string_free (out, FALSE);
}

/* Values ---------------------------------------------------------------------- */

static void
value_init (DsrChartValue *value,
            DsrEntity     *entity,
            int            year)
{
  *value = (DsrChartValue) { 0 };
  value->entity_id = dsr_entity_get_id (entity);
  value->name = dsr_entity_get_name (entity);
  value->kind = dsr_entity_get_kind (entity);
  value->year = year;
  value->value = NAN;
  value->basis = dsr_entity_is_aggregate (entity) ? DSR_BASIS_REPORTED : DSR_BASIS_OBSERVED;
  value->source = "";
}

static gboolean
value_from_aggregate (DsrChartValue      *out,
                      const Context      *ctx,
                      const DsrAggregate *agg,
                      double              min_coverage)
{
  if (agg->n == 0 || agg->n < min_coverage * agg->total)
    return FALSE;
  out->value = agg->value;
  out->basis = DSR_BASIS_COMPUTED;
  out->qualifier = DSR_QUALIFIER_EXACT;
  out->n = agg->n;
  out->total = agg->total;
  out->source = ctx->computed_source;
  return TRUE;
}

static const DsrRegion *
region_of_entity (DsrStore   *store,
                  const char *entity_id)
{
  g_auto(GStrv) parts = g_strsplit (entity_id, ":", 2);
  DsrGrouping *grouping;

  if (parts[0] == NULL || parts[1] == NULL)
    return NULL;
  grouping = dsr_store_get_grouping (store, parts[0]);
  return grouping ? dsr_grouping_find_region (grouping, parts[1]) : NULL;
}

/* The value of an entity in a year: the reported (or observed) one when
 * there is one, else the mean of its members, with its coverage. */
static gboolean
entity_value (const Context *ctx,
              DsrEntity     *entity,
              int            year,
              DsrChartValue *out)
{
  DsrAggregateOptions options = { .as_of = year, .tolerance = 0 };
  DsrObservation obs;
  DsrAggregate agg;

  value_init (out, entity, year);
  if (dsr_store_lookup (ctx->store, ctx->indicator_id, out->entity_id, year, &obs))
    {
      out->value = obs.value;
      out->basis = obs.basis;
      out->qualifier = obs.qualifier;
      out->source = obs.source;
      return TRUE;
    }

  switch (out->kind)
    {
    case DSR_ENTITY_REGION:
      {
        const DsrRegion *region = region_of_entity (ctx->store, out->entity_id);

        if (region == NULL)
          return FALSE;
        dsr_store_compute_region (ctx->store, ctx->indicator_id, region, year, &options, &agg);
        return value_from_aggregate (out, ctx, &agg, 0.0);
      }
    case DSR_ENTITY_WORLD:
      dsr_store_compute_mean (ctx->store, ctx->indicator_id, ctx->countries, year, &options, &agg);
      return value_from_aggregate (out, ctx, &agg, DSR_CHART_MIN_REFERENCE_COVERAGE);
    case DSR_ENTITY_BRI:
      {
        DsrGrouping *bri = dsr_store_get_bri_grouping (ctx->store);
        g_autoptr(GPtrArray) members = NULL;

        if (bri == NULL)
          return FALSE;
        members = dsr_grouping_members_as_of (bri, year);
        dsr_store_compute_mean (ctx->store, ctx->indicator_id, members, year, &options, &agg);
        return value_from_aggregate (out, ctx, &agg, DSR_CHART_MIN_REFERENCE_COVERAGE);
      }
    case DSR_ENTITY_COUNTRY:
    default:
      return FALSE;
    }
}

static GPtrArray *
collect_countries (DsrStore *store)
{
  GListModel *entities = dsr_store_get_entities (store);
  guint n = g_list_model_get_n_items (entities);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);

      if (dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY)
        g_ptr_array_add (out, (gpointer) dsr_entity_get_id (entity));
    }
  return out;
}

static void
context_init (Context      *ctx,
              DsrStore     *store,
              DsrIndicator *indicator)
{
  ctx->store = store;
  ctx->indicator_id = indicator ? dsr_indicator_get_id (indicator) : NULL;
  ctx->computed_source = indicator ? dsr_indicator_get_source (indicator) : "";
  ctx->countries = collect_countries (store);
}

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->countries, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

/* The years of a view: the bars' year, or the trend's range. */
static GArray *
view_years (DsrStore      *store,
            const DsrView *view)
{
  g_autoptr(GArray) all = dsr_store_get_years (store, view->indicator_id);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < all->len; i++)
    {
      int y = g_array_index (all, int, i);

      if (view->kind == DSR_VIEW_TREND ? (y >= view->year_from && y <= view->year_to)
                                       : y == view->year)
        g_array_append_val (out, y);
    }
  return out;
}

static gboolean
grouping_has_values (const Context *ctx,
                     DsrGrouping   *grouping,
                     GArray        *years)
{
  guint n_regions = dsr_grouping_get_n_regions (grouping);

  for (guint r = 0; r < n_regions; r++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, r);
      DsrEntity *entity = dsr_store_get_entity (ctx->store, dsr_region_get_entity_id (region));
      DsrChartValue v;

      for (guint y = 0; entity != NULL && y < years->len; y++)
        if (entity_value (ctx, entity, g_array_index (years, int, y), &v))
          return TRUE;
    }
  return FALSE;
}

/* Resolving a view ------------------------------------------------------------- */

static char *
list_indicators (DsrStore *store,
                 gboolean  with_data_only)
{
  GListModel *indicators = dsr_store_get_indicators (store);
  guint n = g_list_model_get_n_items (indicators);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GArray) years = dsr_store_get_years (store, dsr_indicator_get_id (indicator));
      g_autofree char *range = dsr_chart_format_years (years);

      if (with_data_only && years->len == 0)
        continue;
      g_string_append_printf (out, "\n  %-24s %s (%s)", dsr_indicator_get_id (indicator),
                              dsr_indicator_get_name (indicator),
                              years->len > 0 ? range : _("no data"));
    }
  return g_string_free (out, FALSE);
}

static char *
list_groupings (DsrStore *store)
{
  GListModel *groupings = dsr_store_get_groupings (store);
  guint n = g_list_model_get_n_items (groupings);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (groupings, i);

      g_string_append_printf (out, "\n  %-24s %s", dsr_grouping_get_id (grouping),
                              dsr_grouping_get_name (grouping));
    }
  return g_string_free (out, FALSE);
}

static char *
list_regions (DsrGrouping *grouping)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; grouping != NULL && r < dsr_grouping_get_n_regions (grouping); r++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, r);

      g_string_append_printf (out, "%s%s", out->len ? ", " : "", dsr_region_get_id (region));
    }
  return g_string_free (out, FALSE);
}

/* The entity a --regions item names: a region of the grouping (by its id or
 * its entity id), or any entity (an economy, the world, the Belt and Road). */
static DsrEntity *
filter_entity (DsrStore    *store,
               DsrGrouping *grouping,
               const char  *name)
{
  DsrRegion *region = grouping ? dsr_grouping_find_region (grouping, name) : NULL;

  if (region != NULL)
    return dsr_store_get_entity (store, dsr_region_get_entity_id (region));
  return dsr_store_get_entity (store, name);
}

static gboolean
check_size (const char  *what,
            int          value,
            GError     **error)
{
  if (value >= DSR_VIEW_MIN_SIZE && value <= DSR_VIEW_MAX_SIZE)
    return TRUE;
  /* Translators: the first %s is "width" or "height" */
  g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
               _("The %s must be between %d and %d pixels, not %d"),
               what, DSR_VIEW_MIN_SIZE, DSR_VIEW_MAX_SIZE, value);
  return FALSE;
}

/* Fills in the defaults of @view: the indicator's latest year (or its whole
 * range for a trend) and the first grouping with values. Stops at the first
 * choice that is not valid, with an error that lists the valid ones. */
static gboolean
fill_view (DsrStore  *store,
           DsrView   *view,
           GError   **error)
{
  DsrIndicator *indicator;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autofree char *range = NULL;
  g_auto(Context) ctx = { 0 };
  DsrGrouping *grouping = NULL;

  if (view->indicator_id == NULL)
    {
      GListModel *indicators = dsr_store_get_indicators (store);

      /* No indicator chosen: the first one with data. */
      for (guint i = 0; i < g_list_model_get_n_items (indicators) && view->indicator_id == NULL; i++)
        {
          g_autoptr(DsrIndicator) ind = g_list_model_get_item (indicators, i);
          g_autoptr(GArray) y = dsr_store_get_years (store, dsr_indicator_get_id (ind));

          if (y->len > 0)
            view->indicator_id = g_strdup (dsr_indicator_get_id (ind));
        }
    }

  indicator = dsr_store_get_indicator (store, view->indicator_id);
  if (indicator == NULL)
    {
      g_autofree char *list = list_indicators (store, FALSE);
      g_autofree char *quoted = dsr_format_quote (view->indicator_id);

      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                   _("Unknown indicator “%s”. The indicators are:%s"), quoted, list);
      return FALSE;
    }

  years = dsr_store_get_years (store, view->indicator_id);
  range = dsr_chart_format_years (years);
  if (years->len == 0)
    {
      g_autofree char *list = list_indicators (store, TRUE);

      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                   _("There is no data for %s (import a file). Indicators with data:%s"),
                   view->indicator_id, list);
      return FALSE;
    }

  if (view->kind == DSR_VIEW_TREND)
    {
      int first = g_array_index (years, int, 0);
      int last = g_array_index (years, int, years->len - 1);

      if (view->year_from == 0)
        view->year_from = first;
      if (view->year_to == 0)
        view->year_to = last;
      if (view->year_from > view->year_to)
        {
          int t = view->year_from;
          view->year_from = view->year_to;
          view->year_to = t;
        }
    }
  else if (view->year == 0)
    view->year = g_array_index (years, int, years->len - 1);

  shown = view_years (store, view);
  if (shown->len == 0)
    {
      if (view->kind == DSR_VIEW_TREND)
        g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                     _("%s has no data in %d–%d. Years with data: %s"),
                     view->indicator_id, view->year_from, view->year_to, range);
      else
        g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                     _("%s has no data for %d. Years with data: %s"),
                     view->indicator_id, view->year, range);
      return FALSE;
    }

  if (view->grouping_id != NULL)
    {
      grouping = dsr_store_get_grouping (store, view->grouping_id);
      if (grouping == NULL)
        {
          g_autofree char *list = list_groupings (store);
          g_autofree char *quoted = dsr_format_quote (view->grouping_id);

          g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                       _("Unknown grouping “%s”. The groupings are:%s"), quoted, list);
          return FALSE;
        }
    }
  else
    {
      GListModel *groupings = dsr_store_get_groupings (store);
      guint n = g_list_model_get_n_items (groupings);

      context_init (&ctx, store, indicator);
      for (guint i = 0; i < n && grouping == NULL; i++)
        {
          g_autoptr(DsrGrouping) g = g_list_model_get_item (groupings, i);

          if (grouping_has_values (&ctx, g, shown))
            grouping = g;
        }
      if (grouping == NULL && n > 0)
        {
          g_autoptr(DsrGrouping) g = g_list_model_get_item (groupings, 0);

          grouping = g;
        }
      if (grouping != NULL)
        view->grouping_id = g_strdup (dsr_grouping_get_id (grouping));
    }

  for (guint i = 0; view->regions != NULL && view->regions[i] != NULL; i++)
    if (filter_entity (store, grouping, view->regions[i]) == NULL)
      {
        g_autofree char *list = list_regions (grouping);
        g_autofree char *quoted = dsr_format_quote (view->regions[i]);

        g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                     _("Unknown region “%s”. The regions of %s are: %s "
                       "(or give an economy’s ISO 3166 code, WLD or BRI)"),
                     quoted, view->grouping_id ? view->grouping_id : "", list);
        return FALSE;
      }

  return TRUE;
}

/**
 * dsr_chart_resolve_view:
 *
 * Checks every choice of @view against @store and returns a copy with the
 * defaults filled in, or %NULL and an error (in %DSR_ERROR) that names the
 * choice and lists the valid ones.
 */
DsrView *
dsr_chart_resolve_view (DsrStore      *store,
                        const DsrView *view,
                        GError       **error)
{
  g_autoptr(DsrView) copy = NULL;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (!check_size (_("width"), view->width, error) || !check_size (_("height"), view->height, error))
    return NULL;
  if (!(view->scale >= DSR_VIEW_MIN_SCALE && view->scale <= DSR_VIEW_MAX_SCALE))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("The scale must be between %g and %g, not %g"),
                   DSR_VIEW_MIN_SCALE, DSR_VIEW_MAX_SCALE, view->scale);
      return NULL;
    }

  copy = dsr_view_copy (view);
  if (!fill_view (store, copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* Gathering the numbers -------------------------------------------------------- */

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const DsrChartValue *x = a, *y = b;

  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

/* The entities the view lists in DsrView.regions, without duplicates. */
static GPtrArray *
filter_entities (DsrChartData *data)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; data->view->regions != NULL && data->view->regions[i] != NULL; i++)
    {
      DsrEntity *entity = filter_entity (data->store, data->grouping, data->view->regions[i]);

      if (entity != NULL && !g_ptr_array_find (out, entity, NULL))
        g_ptr_array_add (out, entity);
    }
  return out;
}

static GPtrArray *
grouping_entities (DsrChartData *data)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint r = 0; data->grouping != NULL && r < dsr_grouping_get_n_regions (data->grouping); r++)
    {
      DsrRegion *region = dsr_grouping_get_region (data->grouping, r);
      DsrEntity *entity = dsr_store_get_entity (data->store, dsr_region_get_entity_id (region));

      if (entity != NULL)
        g_ptr_array_add (out, entity);
    }
  return out;
}

static void
gather_bars (DsrChartData  *data,
             const Context *ctx)
{
  g_autoptr(GPtrArray) entities = data->view->regions ? filter_entities (data) : grouping_entities (data);
  DsrEntity *entity;
  int year = data->view->year;

  for (guint i = 0; i < entities->len; i++)
    {
      DsrChartValue v;

      entity = g_ptr_array_index (entities, i);
      /* The world and the Belt and Road are reference lines, not bars. */
      if (dsr_entity_get_kind (entity) == DSR_ENTITY_WORLD
          || dsr_entity_get_kind (entity) == DSR_ENTITY_BRI)
        continue;
      if (entity_value (ctx, entity, year, &v))
        g_array_append_val (data->bars, v);
      else
        g_ptr_array_add (data->no_data, (gpointer) dsr_entity_get_name (entity));
    }
  g_array_sort (data->bars, compare_bars);

  if ((entity = dsr_store_get_entity (data->store, DSR_ENTITY_ID_WORLD)) != NULL)
    entity_value (ctx, entity, year, &data->world);
  if ((entity = dsr_store_get_entity (data->store, DSR_ENTITY_ID_BRI)) != NULL)
    entity_value (ctx, entity, year, &data->bri);
}

static void
series_free (gpointer p)
{
  DsrChartSeries *series = p;

  g_array_unref (series->points);
  g_free (series);
}

static void
add_series (DsrChartData  *data,
            const Context *ctx,
            DsrEntity     *entity,
            GArray        *years,
            guint         *n_colors)
{
  DsrChartSeries *series;

  for (guint i = 0; i < data->series->len; i++)
    if (g_str_equal (((DsrChartSeries *) g_ptr_array_index (data->series, i))->entity_id,
                     dsr_entity_get_id (entity)))
      return;

  series = g_new0 (DsrChartSeries, 1);
  series->entity_id = dsr_entity_get_id (entity);
  series->name = dsr_entity_get_name (entity);
  series->kind = dsr_entity_get_kind (entity);
  series->points = g_array_new (FALSE, FALSE, sizeof (DsrChartValue));
  for (guint y = 0; y < years->len; y++)
    {
      DsrChartValue v;

      if (entity_value (ctx, entity, g_array_index (years, int, y), &v))
        g_array_append_val (series->points, v);
    }
  if (series->points->len == 0)
    {
      series_free (series);
      return;
    }
  if (series->kind != DSR_ENTITY_WORLD && series->kind != DSR_ENTITY_BRI)
    series->color = (*n_colors)++;
  g_ptr_array_add (data->series, series);
}

static void
gather_trend (DsrChartData  *data,
              const Context *ctx,
              GArray        *years)
{
  const char *fixed[] = { DSR_ENTITY_ID_WORLD, DSR_ENTITY_ID_BRI };
  g_autoptr(GPtrArray) entities = data->view->regions ? filter_entities (data) : grouping_entities (data);
  guint n_colors = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      DsrEntity *entity = dsr_store_get_entity (data->store, fixed[i]);

      if (entity != NULL)
        add_series (data, ctx, entity, years, &n_colors);
    }
  for (guint i = 0; i < entities->len; i++)
    add_series (data, ctx, g_ptr_array_index (entities, i), years, &n_colors);

  if (data->view->regions == NULL)
    {
      /* Economies with data for the indicator (Table 1: China), when few. */
      g_autoptr(GPtrArray) with_data = g_ptr_array_new ();

      for (guint c = 0; c < ctx->countries->len && with_data->len <= MAX_AUTO_COUNTRIES; c++)
        for (guint y = 0; y < years->len; y++)
          if (dsr_store_lookup (data->store, ctx->indicator_id, g_ptr_array_index (ctx->countries, c),
                                g_array_index (years, int, y), NULL))
            {
              g_ptr_array_add (with_data, dsr_store_get_entity (data->store,
                                                               g_ptr_array_index (ctx->countries, c)));
              break;
            }
      if (with_data->len <= MAX_AUTO_COUNTRIES)
        for (guint i = 0; i < with_data->len; i++)
          add_series (data, ctx, g_ptr_array_index (with_data, i), years, &n_colors);
    }
}

static void
gather_table (DsrChartData  *data,
              const Context *ctx)
{
  DsrAggregateOptions options = { .as_of = data->view->year, .tolerance = 0 };
  g_autoptr(GArray) rows = dsr_store_collect_rows (data->store, data->view->indicator_id,
                                                   data->view->year, &options);
  g_autoptr(GPtrArray) filter = data->view->regions ? filter_entities (data) : NULL;
  g_autofree char *prefix = data->grouping ? g_strconcat (dsr_grouping_get_id (data->grouping), ":", NULL)
                                           : NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const DsrRow *row = &g_array_index (rows, DsrRow, i);
      DsrEntityKind kind = dsr_entity_get_kind (row->entity);
      DsrChartValue v;

      if (kind == DSR_ENTITY_REGION
          && (prefix == NULL || !g_str_has_prefix (dsr_entity_get_id (row->entity), prefix)))
        continue;
      if (filter != NULL && (kind == DSR_ENTITY_REGION || kind == DSR_ENTITY_COUNTRY)
          && !g_ptr_array_find (filter, row->entity, NULL))
        continue;

      value_init (&v, row->entity, row->year);
      v.value = row->value;
      v.basis = row->basis;
      v.qualifier = row->qualifier;
      v.n = row->n;
      v.total = row->total;
      v.source = row->basis == DSR_BASIS_COMPUTED ? ctx->computed_source : row->source;
      g_array_append_val (data->rows, v);
    }
}

/**
 * dsr_chart_data_new:
 *
 * Gathers the numbers @view shows. Choices that are not valid are not an
 * error here: the chart then shows what there is (or says there is nothing).
 */
DsrChartData *
dsr_chart_data_new (DsrStore      *store,
                    const DsrView *view)
{
  DsrChartData *data;
  g_auto(Context) ctx = { 0 };
  g_autoptr(GArray) years = NULL;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  data = g_new0 (DsrChartData, 1);
  data->store = g_object_ref (store);
  data->view = dsr_view_copy (view);
  data->bars = g_array_new (FALSE, FALSE, sizeof (DsrChartValue));
  data->no_data = g_ptr_array_new ();
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->rows = g_array_new (FALSE, FALSE, sizeof (DsrChartValue));
  data->world.value = NAN;
  data->bri.value = NAN;

  fill_view (store, data->view, NULL);
  data->indicator = dsr_store_get_indicator (store, data->view->indicator_id);
  data->grouping = dsr_store_get_grouping (store, data->view->grouping_id);
  if (data->indicator == NULL)
    return data;
  data->decimals = dsr_indicator_get_decimals (data->indicator);

  context_init (&ctx, store, data->indicator);
  switch (data->view->kind)
    {
    case DSR_VIEW_TREND:
      years = view_years (store, data->view);
      gather_trend (data, &ctx, years);
      break;
    case DSR_VIEW_TABLE:
      gather_table (data, &ctx);
      break;
    case DSR_VIEW_BARS:
    case DSR_VIEW_MAP:
    default:
      gather_bars (data, &ctx);
      break;
    }
  return data;
}

void
dsr_chart_data_free (DsrChartData *data)
{
  if (data == NULL)
    return;
  g_object_unref (data->store);
  dsr_view_free (data->view);
  g_array_unref (data->bars);
  g_ptr_array_unref (data->no_data);
  g_ptr_array_unref (data->series);
  g_array_unref (data->rows);
  g_free (data);
}

/* Every value the chart shows, in the order it lists them (borrowed). */
GPtrArray *
dsr_chart_data_get_values (DsrChartData *data)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (data != NULL, out);

  switch (data->view->kind)
    {
    case DSR_VIEW_TREND:
      for (guint s = 0; s < data->series->len; s++)
        {
          DsrChartSeries *series = g_ptr_array_index (data->series, s);

          for (guint p = 0; p < series->points->len; p++)
            g_ptr_array_add (out, &g_array_index (series->points, DsrChartValue, p));
        }
      break;
    case DSR_VIEW_TABLE:
      for (guint i = 0; i < data->rows->len; i++)
        g_ptr_array_add (out, &g_array_index (data->rows, DsrChartValue, i));
      break;
    case DSR_VIEW_BARS:
    case DSR_VIEW_MAP:
    default:
      for (guint i = 0; i < data->bars->len; i++)
        g_ptr_array_add (out, &g_array_index (data->bars, DsrChartValue, i));
      if (isfinite (data->world.value))
        g_ptr_array_add (out, &data->world);
      if (isfinite (data->bri.value))
        g_ptr_array_add (out, &data->bri);
      break;
    }
  return out;
}

/* The distinct sources of the values shown, "; "-separated. */
char *
dsr_chart_data_get_sources (DsrChartData *data)
{
  g_autoptr(GPtrArray) values = dsr_chart_data_get_values (data);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    {
      const DsrChartValue *v = g_ptr_array_index (values, i);

      if (v->source == NULL || *v->source == '\0'
          || g_ptr_array_find_with_equal_func (seen, v->source, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, (gpointer) v->source);
      g_string_append_printf (out, "%s%s", out->len ? "; " : "", v->source);
    }
  return g_string_free (out, FALSE);
}

gboolean
dsr_chart_data_is_empty (DsrChartData *data)
{
  g_autoptr(GPtrArray) values = dsr_chart_data_get_values (data);

  return values->len == 0;
}
