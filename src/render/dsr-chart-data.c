/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-data"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-summary.h"
#include "dsr-chart-scatter.h"
#include "dsr-error.h"
#include "dsr-format.h"

/* A trend shows economies that have data for the indicator by themselves
 * only when there are few of them (Table 1: China); with a whole World Bank
 * download loaded, pick them with DsrView.regions instead. */
#define MAX_AUTO_COUNTRIES 8

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
value_from_figure (DsrChartValue   *value,
                   DsrEntity       *entity,
                   const DsrFigure *figure)
{
  *value = (DsrChartValue) { 0 };
  value->entity_id = dsr_entity_get_id (entity);
  value->name = dsr_entity_get_name (entity);
  value->kind = dsr_entity_get_kind (entity);
  value->year = figure->year;
  value->value = figure->value;
  value->raw = figure->value;
  value->status = figure->status;
  value->basis = figure->status == DSR_FIGURE_NO_DATA && figure->basis == DSR_BASIS_OBSERVED
                   ? (dsr_entity_is_aggregate (entity) ? DSR_BASIS_REPORTED : DSR_BASIS_OBSERVED)
                   : figure->basis;
  value->qualifier = figure->qualifier;
  value->rule = figure->rule;
  value->n = figure->n;
  value->total = figure->total;
  value->coverage = figure->coverage;
  value->members_year = figure->members_year;
  value->data_year_min = figure->year_min;
  value->data_year_max = figure->year_max;
  value->reference = NAN;
  value->reference_source = "";
  value->source = figure->source ? figure->source : "";
}

void
_dsr_chart_value_from_figure (DsrChartValue   *value,
                              DsrEntity       *entity,
                              const DsrFigure *figure)
{
  value_from_figure (value, entity, figure);
}

/* The figure of @entity in @year with the members as of @members_year,
 * compared with @world when the view compares. TRUE when it has a value. */
static gboolean
entity_value (DsrChartData    *data,
              DsrEntity       *entity,
              int              year,
              int              members_year,
              const DsrFigure *world,
              DsrChartValue   *out)
{
  DsrFigure figure;

  dsr_figures_get (data->figures, entity, year, members_year, &figure);
  value_from_figure (out, entity, &figure);
  if (figure.status != DSR_FIGURE_VALUE)
    return FALSE;
  if (data->diff)
    {
      out->value = world ? dsr_figures_compare (data->figures, &figure, world) : NAN;
      if (!isfinite (out->value))
        return FALSE;
    }
  return TRUE;
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
        g_ptr_array_add (out, entity);
    }
  return out;
}

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

/* Whether some region of @grouping has a value in some year. */
static gboolean
grouping_has_values (DsrStore      *store,
                     const DsrView *view,
                     DsrGrouping   *grouping,
                     GArray        *years)
{
  g_autoptr(DsrFigures) figures = dsr_figures_new (store, view);
  guint n_regions = dsr_grouping_get_n_regions (grouping);

  for (guint r = 0; r < n_regions; r++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, r);
      DsrEntity *entity = dsr_store_get_entity (store, dsr_region_get_entity_id (region));
      DsrFigure figure;

      for (guint y = years->len; entity != NULL && y > 0; y--)
        {
          int year = g_array_index (years, int, y - 1);

          if (dsr_figures_get (figures, entity, year, year, &figure))
            return TRUE;
        }
    }
  return FALSE;
}

/* The first (or last) of @years in which the world, the Belt and Road or a
 * region of @grouping has a figure to show, with the members as of the
 * view's year: a trend's axis starts where its lines do. */
static int
first_year_shown (DsrStore      *store,
                  const DsrView *view,
                  DsrGrouping   *grouping,
                  GArray        *years,
                  gboolean       ascending)
{
  g_autoptr(DsrFigures) figures = dsr_figures_new (store, view);
  g_autoptr(GPtrArray) entities = g_ptr_array_new ();
  DsrEntity *entity;

  if ((entity = dsr_store_get_entity (store, DSR_ENTITY_ID_BRI)) != NULL)
    g_ptr_array_add (entities, entity);
  for (guint r = 0; grouping != NULL && r < dsr_grouping_get_n_regions (grouping); r++)
    if ((entity = dsr_store_get_entity (store, dsr_region_get_entity_id (dsr_grouping_get_region (grouping, r))))
        != NULL)
      g_ptr_array_add (entities, entity);

  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, ascending ? i : years->len - 1 - i);
      int members = view->membership == DSR_MEMBERSHIP_FIXED ? view->year : year;
      DsrFigure figure;

      if (dsr_figures_world (figures, year, members, &figure))
        return year;
      for (guint e = 0; e < entities->len; e++)
        if (dsr_figures_get (figures, g_ptr_array_index (entities, e), year, members, &figure))
          return year;
    }
  return g_array_index (years, int, ascending ? 0 : years->len - 1);
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

/* Fills in the defaults of @view: the first grouping with values, the year
 * (the latest in which the world and most regions meet the coverage rule)
 * and a trend's range (the indicator's years). Stops at the first
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

      /* The first grouping with values (the paper's continents for Figure 4). */
      for (guint i = 0; i < n && grouping == NULL; i++)
        {
          g_autoptr(DsrGrouping) g = g_list_model_get_item (groupings, i);

          if (grouping_has_values (store, view, g, years))
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

  /* A scatter: its second indicator, and a year in which economies have both. */
  if (view->kind == DSR_VIEW_SCATTER)
    {
      if (view->y_indicator_id == NULL || *view->y_indicator_id == '\0')
        {
          g_autofree char *list = list_indicators (store, TRUE);

          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("A scatter needs a second indicator for its vertical axis (--y-indicator). "
                         "Indicators with data:%s"), list);
          return FALSE;
        }
      if (dsr_store_get_indicator (store, view->y_indicator_id) == NULL)
        {
          g_autofree char *list = list_indicators (store, FALSE);
          g_autofree char *quoted = dsr_format_quote (view->y_indicator_id);

          g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                       _("Unknown indicator “%s”. The indicators are:%s"), quoted, list);
          return FALSE;
        }
      if (!_dsr_scatter_fill_view (store, view, error))
        return FALSE;
    }

  /* The year (a trend's membership year): the latest in which the world and
   * most regions meet the coverage rule. */
  if (view->year == 0)
    {
      g_autoptr(DsrFigures) figures = dsr_figures_new (store, view);

      view->year = dsr_figures_default_year (figures, grouping);
    }

  if (view->kind == DSR_VIEW_TREND)
    {
      int first = first_year_shown (store, view, grouping, years, TRUE);
      int last = first_year_shown (store, view, grouping, years, FALSE);

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

  shown = view_years (store, view);
  if (shown->len == 0 && view->kind != DSR_VIEW_SCATTER)
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

  if (!(view->min_coverage >= 0.0 && view->min_coverage <= 1.0))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("The minimum coverage must be between 0 and 1 (e.g. 0.67), not %g"), view->min_coverage);
      return NULL;
    }
  if (view->tolerance < 0 || view->tolerance > DSR_MAX_TOLERANCE)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("The year tolerance must be between 0 and %d years, not %d"), DSR_MAX_TOLERANCE,
                   view->tolerance);
      return NULL;
    }
  if (view->aggregation < -1 || view->aggregation > DSR_AGGREGATION_NONE)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("Unknown aggregation %d"), view->aggregation);
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

/* The world figure of @year (members as of @members_year for a Belt and
 * Road comparison), into data->world when @keep. */
static void
world_figure (DsrChartData *data,
              int           year,
              DsrFigure    *out)
{
  dsr_figures_world (data->figures, year, year, out);
}

static void
gather_bars (DsrChartData *data)
{
  g_autoptr(GPtrArray) entities = data->view->regions ? filter_entities (data) : grouping_entities (data);
  DsrEntity *entity;
  int year = data->view->year;
  DsrFigure world;

  world_figure (data, year, &world);
  for (guint i = 0; i < entities->len; i++)
    {
      DsrChartValue v;
      DsrFigure reference;

      entity = g_ptr_array_index (entities, i);
      /* The world and the Belt and Road are reference lines, not bars. */
      if (dsr_entity_get_kind (entity) == DSR_ENTITY_WORLD
          || dsr_entity_get_kind (entity) == DSR_ENTITY_BRI)
        continue;
      if (!entity_value (data, entity, year, year, &world, &v))
        {
          g_array_append_val (data->no_data, v);
          continue;
        }
      /* What the paper printed for the same region, beside it. */
      if (!data->diff && dsr_figures_reference (data->figures, entity, year, &reference))
        {
          v.reference = reference.value;
          v.reference_source = reference.source;
          data->any_reference = TRUE;
        }
      g_array_append_val (data->bars, v);
    }
  g_array_sort (data->bars, compare_bars);

  if ((entity = dsr_store_get_entity (data->store, DSR_ENTITY_ID_WORLD)) != NULL)
    {
      value_from_figure (&data->world, entity, &world);
      if (data->diff)
        data->world.value = dsr_figures_compare (data->figures, &world, &world);
    }
  if ((entity = dsr_store_get_entity (data->store, DSR_ENTITY_ID_BRI)) != NULL)
    entity_value (data, entity, year, year, &world, &data->bri);
}

static void
series_free (gpointer p)
{
  DsrChartSeries *series = p;

  g_array_unref (series->points);
  g_free (series);
}

static void
add_series (DsrChartData *data,
            DsrEntity    *entity,
            GArray       *years,
            GArray       *worlds,
            guint        *n_colors)
{
  DsrChartSeries *series;

  for (guint i = 0; i < data->series->len; i++)
    if (g_str_equal (((DsrChartSeries *) g_ptr_array_index (data->series, i))->entity_id,
                     dsr_entity_get_id (entity)))
      return;
  /* A share of the world total: the world is 100% every year, not a line. */
  if (data->diff && data->rule == DSR_AGGREGATION_SUM && dsr_entity_get_kind (entity) == DSR_ENTITY_WORLD)
    return;

  series = g_new0 (DsrChartSeries, 1);
  series->entity_id = dsr_entity_get_id (entity);
  series->name = dsr_entity_get_name (entity);
  series->kind = dsr_entity_get_kind (entity);
  series->points = g_array_new (FALSE, FALSE, sizeof (DsrChartValue));
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      /* Fixed membership: the members as of the view's year, every year. */
      int members = data->view->membership == DSR_MEMBERSHIP_FIXED ? data->view->year : year;
      DsrChartValue v;

      if (entity_value (data, entity, year, members, &g_array_index (worlds, DsrFigure, y), &v))
        g_array_append_val (series->points, v);
    }
  /* One basis per line: where a source reported values for some years and
   * others are computed (the world), the computed ones are the line. */
  for (guint p = 1; p < series->points->len; p++)
    if (g_array_index (series->points, DsrChartValue, p).basis
        != g_array_index (series->points, DsrChartValue, 0).basis)
      {
        for (guint q = series->points->len; q > 0; q--)
          if (g_array_index (series->points, DsrChartValue, q - 1).basis != DSR_BASIS_COMPUTED)
            g_array_remove_index (series->points, q - 1);
        break;
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
gather_trend (DsrChartData *data,
              GArray       *years)
{
  const char *fixed[] = { DSR_ENTITY_ID_WORLD, DSR_ENTITY_ID_BRI };
  g_autoptr(GPtrArray) entities = data->view->regions ? filter_entities (data) : grouping_entities (data);
  g_autoptr(GArray) worlds = g_array_sized_new (FALSE, FALSE, sizeof (DsrFigure), years->len);
  guint n_colors = 0;

  for (guint y = 0; y < years->len; y++)
    {
      DsrFigure world;

      world_figure (data, g_array_index (years, int, y), &world);
      g_array_append_val (worlds, world);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      DsrEntity *entity = dsr_store_get_entity (data->store, fixed[i]);

      if (entity != NULL)
        add_series (data, entity, years, worlds, &n_colors);
    }
  for (guint i = 0; i < entities->len; i++)
    add_series (data, g_ptr_array_index (entities, i), years, worlds, &n_colors);

  if (data->view->regions == NULL)
    {
      /* Economies with data for the indicator (Table 1: China), when few. */
      g_autoptr(GPtrArray) countries = collect_countries (data->store);
      g_autoptr(GPtrArray) with_data = g_ptr_array_new ();
      const char *id = data->view->indicator_id;

      for (guint c = 0; c < countries->len && with_data->len <= MAX_AUTO_COUNTRIES; c++)
        for (guint y = 0; y < years->len; y++)
          if (dsr_store_lookup (data->store, id, dsr_entity_get_id (g_ptr_array_index (countries, c)),
                                g_array_index (years, int, y), NULL))
            {
              g_ptr_array_add (with_data, g_ptr_array_index (countries, c));
              break;
            }
      if (with_data->len <= MAX_AUTO_COUNTRIES)
        for (guint i = 0; i < with_data->len; i++)
          add_series (data, g_ptr_array_index (with_data, i), years, worlds, &n_colors);
    }
}

static void
append_row (DsrChartData    *data,
            DsrEntity       *entity,
            const DsrFigure *world,
            gboolean         keep_empty)
{
  DsrChartValue v;
  int year = data->view->year;
  DsrObservation obs;

  if (entity_value (data, entity, year, year, world, &v) || (keep_empty && v.status == DSR_FIGURE_INSUFFICIENT))
    g_array_append_val (data->rows, v);
  /* What a source reported for a region the table computes (the World
   * Bank's own regional aggregates): a row of its own, never mixed in. */
  if (v.basis == DSR_BASIS_COMPUTED && !data->diff
      && dsr_store_lookup (data->store, data->view->indicator_id, v.entity_id, year, &obs))
    {
      DsrFigure reported = { .status = DSR_FIGURE_VALUE, .value = obs.value, .basis = obs.basis,
                             .qualifier = obs.qualifier, .rule = data->rule, .year = year,
                             .year_min = year, .year_max = year, .source = obs.source, .note = "" };

      value_from_figure (&v, entity, &reported);
      g_array_append_val (data->rows, v);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (dsr_entity_get_name (*(DsrEntity **) a), dsr_entity_get_name (*(DsrEntity **) b));
}

/* The table: the world, the Belt and Road, the grouping's regions (those
 * with too little data too, saying so), the aggregates a source reports
 * (the World Bank's "Arab World"), then the economies by name: the same
 * figures as the bars and the map. */
static void
gather_table (DsrChartData *data)
{
  g_autoptr(GPtrArray) filter = data->view->regions ? filter_entities (data) : NULL;
  g_autoptr(GPtrArray) regions = grouping_entities (data);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GPtrArray) countries = collect_countries (data->store);
  GListModel *entities = dsr_store_get_entities (data->store);
  DsrEntity *entity;
  DsrFigure world;

  world_figure (data, data->view->year, &world);
  if ((entity = dsr_store_get_entity (data->store, DSR_ENTITY_ID_WORLD)) != NULL)
    {
      DsrChartValue v;

      value_from_figure (&v, entity, &world);
      if (world.status == DSR_FIGURE_VALUE)
        {
          if (data->diff)
            v.value = dsr_figures_compare (data->figures, &world, &world);
          g_array_append_val (data->rows, v);
        }
      else if (world.status == DSR_FIGURE_INSUFFICIENT)
        g_array_append_val (data->rows, v);
      if (world.basis == DSR_BASIS_COMPUTED && !data->diff)
        {
          DsrObservation obs;

          if (dsr_store_lookup (data->store, data->view->indicator_id, DSR_ENTITY_ID_WORLD, data->view->year, &obs))
            {
              DsrFigure reported = { .status = DSR_FIGURE_VALUE, .value = obs.value, .basis = obs.basis,
                                     .qualifier = obs.qualifier, .rule = data->rule, .year = data->view->year,
                                     .source = obs.source, .note = "" };

              value_from_figure (&v, entity, &reported);
              g_array_append_val (data->rows, v);
            }
        }
    }
  if ((entity = dsr_store_get_entity (data->store, DSR_ENTITY_ID_BRI)) != NULL)
    append_row (data, entity, &world, TRUE);
  for (guint i = 0; i < regions->len; i++)
    if (filter == NULL || g_ptr_array_find (filter, g_ptr_array_index (regions, i), NULL))
      append_row (data, g_ptr_array_index (regions, i), &world, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) other = g_list_model_get_item (entities, i);

      if (dsr_entity_get_kind (other) == DSR_ENTITY_AGGREGATE)
        g_ptr_array_add (others, other);
    }
  g_ptr_array_sort (others, compare_names);
  for (guint i = 0; filter == NULL && i < others->len; i++)
    append_row (data, g_ptr_array_index (others, i), &world, FALSE);

  g_ptr_array_sort (countries, compare_names);
  for (guint i = 0; i < countries->len; i++)
    if (filter == NULL || g_ptr_array_find (filter, g_ptr_array_index (countries, i), NULL))
      append_row (data, g_ptr_array_index (countries, i), &world, FALSE);
}

/* Large amounts (US$, people) are printed in millions, billions or
 * trillions: "111.0" on an axis of "current US$, billions" rather than
 * "111005684136". */
static void
choose_scale (DsrChartData *data)
{
  g_autoptr(GPtrArray) values = dsr_chart_data_get_values (data);
  double most = 0;

  data->scale = 1.0;
  if (data->diff && data->rule == DSR_AGGREGATION_SUM)
    return; /* shares of the world total */
  for (guint i = 0; i < values->len; i++)
    {
      const DsrChartValue *v = g_ptr_array_index (values, i);

      if (isfinite (v->value))
        most = MAX (most, fabs (v->value));
    }
  if (most >= 1e12)
    data->scale = 1e12;
  else if (most >= 1e9)
    data->scale = 1e9;
  else if (most >= 1e6)
    data->scale = 1e6;
}

/* The unit as an axis says it: with the scale of the printed values. */
char *
dsr_chart_data_scaled_unit (DsrChartData *data,
                            const char   *unit)
{
  const char *scale = data->scale >= 1e12 ? _("trillions")
                      : data->scale >= 1e9 ? _("billions")
                      : data->scale >= 1e6 ? _("millions") : NULL;

  if (scale == NULL)
    return g_strdup (unit);
  if (unit == NULL || *unit == '\0')
    return g_strdup (scale);
  /* Translators: a unit and the scale of the printed values, e.g. "current US$, billions" */
  return g_strdup_printf (_("%s, %s"), unit, scale);
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
  g_autoptr(GArray) years = NULL;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  data = g_new0 (DsrChartData, 1);
  data->store = g_object_ref (store);
  data->view = dsr_view_copy (view);
  data->bars = g_array_new (FALSE, FALSE, sizeof (DsrChartValue));
  data->no_data = g_array_new (FALSE, FALSE, sizeof (DsrChartValue));
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->rows = g_array_new (FALSE, FALSE, sizeof (DsrChartValue));
  data->world.value = NAN;
  data->world.raw = NAN;
  data->scale = 1.0;
  data->bri.value = NAN;
  data->bri.raw = NAN;
  data->points = g_array_new (FALSE, FALSE, sizeof (DsrScatterPoint));
  data->y_world.value = NAN;
  data->y_world.raw = NAN;
  data->y_scale = 1.0;

  fill_view (store, data->view, NULL);
  data->indicator = dsr_store_get_indicator (store, data->view->indicator_id);
  data->grouping = dsr_store_get_grouping (store, data->view->grouping_id);
  data->figures = dsr_figures_new (store, data->view);
  data->rule = dsr_figures_get_rule (data->figures);
  data->diff = data->view->compare == DSR_COMPARE_WORLD_DIFF;
  if (data->indicator == NULL)
    return data;
  data->decimals = dsr_indicator_get_decimals (data->indicator);
  /* Shares of the world total: percentages with a decimal. */
  if (data->diff && data->rule == DSR_AGGREGATION_SUM)
    data->decimals = 1;

  switch (data->view->kind)
    {
    case DSR_VIEW_TREND:
      years = view_years (store, data->view);
      gather_trend (data, years);
      break;
    case DSR_VIEW_TABLE:
      gather_table (data);
      break;
    case DSR_VIEW_SCATTER:
      _dsr_scatter_gather (data); /* with its axes' scales */
      break;
    case DSR_VIEW_BARS:
    case DSR_VIEW_MAP:
    default:
      gather_bars (data);
      break;
    }
  if (data->view->kind != DSR_VIEW_TABLE && data->view->kind != DSR_VIEW_SCATTER)
    choose_scale (data);
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
  g_array_unref (data->no_data);
  dsr_figures_free (data->figures);
  g_ptr_array_unref (data->series);
  g_array_unref (data->rows);
  g_array_unref (data->points);
  g_clear_pointer (&data->y_figures, dsr_figures_free);
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
    case DSR_VIEW_SCATTER:
      /* Each economy's two values; the CSV adds the world's (_dsr_scatter_write_csv). */
      for (guint i = 0; i < data->points->len; i++)
        {
          DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);

          g_ptr_array_add (out, &p->x);
          g_ptr_array_add (out, &p->y);
        }
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

/* Every value of dsr_chart_data_get_values(), then the regions shown as
 * "insufficient data" (value NAN), which an export lists too. */
GPtrArray *
dsr_chart_data_get_all_values (DsrChartData *data)
{
  GPtrArray *out = dsr_chart_data_get_values (data);

  for (guint i = 0; i < data->no_data->len; i++)
    if (g_array_index (data->no_data, DsrChartValue, i).status == DSR_FIGURE_INSUFFICIENT)
      g_ptr_array_add (out, &g_array_index (data->no_data, DsrChartValue, i));
  if (data->view->kind != DSR_VIEW_TREND && data->view->kind != DSR_VIEW_TABLE
      && data->view->kind != DSR_VIEW_SCATTER && data->world.status == DSR_FIGURE_INSUFFICIENT)
    g_ptr_array_add (out, &data->world);
  return out;
}

/* What the values are, for the CSV's "measure" column: the figures
 * themselves, or their comparison with the world. */
const char *
dsr_chart_data_get_measure (DsrChartData *data)
{
  if (!data->diff)
    return "value";
  return data->rule == DSR_AGGREGATION_SUM ? "percent-of-world-total" : "difference-from-world-mean";
}

/* One sentence on how the regional values were obtained, for a chart's
 * note: the rule, the coverage threshold, the membership and the world
 * figure's basis. */
char *
dsr_chart_data_describe_rules (DsrChartData *data)
{
  GString *out = g_string_new (NULL);
  int percent = (int) round (data->view->min_coverage * 100);
  const DsrChartValue *world = &data->world;

  if (data->indicator == NULL)
    return g_string_free (out, FALSE);
  if (!dsr_figures_has_country_values (data->figures))
    {
      /* Translators: the figures of an indicator that has no country values */
      g_string_append (out, _("Regional and world values as the source reports them."));
      return g_string_free (out, FALSE);
    }
  if (data->rule == DSR_AGGREGATION_NONE)
    {
      g_string_append (out, _("This indicator’s values cannot be combined into regional values: "
                              "shown by economy only."));
      return g_string_free (out, FALSE);
    }
  /* Translators: e.g. "Regions: unweighted mean of the member economies with data, shown when
   * they are at least 67% of the members." */
  if (data->rule == DSR_AGGREGATION_WEIGHTED_MEAN)
    g_string_append_printf (out, _("Regions: %s of the member economies with data, shown when they hold "
                                   "at least %d%% of the members’ population."),
                            dsr_aggregation_to_label (data->rule), percent);
  else
    g_string_append_printf (out, _("Regions: %s of the member economies with data, shown when they are "
                                   "at least %d%% of the members."),
                            dsr_aggregation_to_label (data->rule), percent);
  if (data->view->tolerance > 0)
    {
      dsr_summary_take_sentence (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "A member’s nearest year within %d year counts.",
                                                                     "A member’s nearest year within %d years counts.",
                                                                     data->view->tolerance),
                                                         data->view->tolerance));
    }
  if (data->view->kind == DSR_VIEW_TREND && data->view->membership == DSR_MEMBERSHIP_FIXED)
    {
      dsr_summary_take_sentence (out, g_strdup_printf (_("Members as of %d for every year."), data->view->year));
    }
  else if (data->view->kind == DSR_VIEW_TREND)
    {
      dsr_summary_take_sentence (out, g_strdup (_("Members as of each year.")));
    }
  if (world->basis == DSR_BASIS_COMPUTED && world->total > 0 && data->view->kind != DSR_VIEW_TREND)
    {
      g_autofree char *how = NULL;
      DsrFigure f = { .basis = DSR_BASIS_COMPUTED, .rule = world->rule, .n = world->n, .total = world->total,
                      .year = world->year, .year_min = world->data_year_min, .year_max = world->data_year_max,
                      .members_year = DSR_AS_OF_CURRENT };

      how = dsr_figure_describe (&f);
      if (world->status == DSR_FIGURE_VALUE)
        /* Translators: e.g. "World: unweighted mean of 190 of 217 economies." */
        dsr_summary_take_sentence (out, g_strdup_printf (_("World: %s."), how));
      else
        /* Translators: e.g. "World: insufficient data (40 of 217 economies)." */
        dsr_summary_take_sentence (out, g_strdup_printf (_("World: insufficient data (%u of %u economies)."),
                                                         world->n, world->total));
    }
  return g_string_free (out, FALSE);
}

/* A value as the views print it: the locale's digits and the indicator's
 * decimals, a sign where it is compared with the world, "insufficient
 * data" for a region below the coverage rule. */
char *
dsr_chart_data_format_value (DsrChartData        *data,
                             const DsrChartValue *v)
{
  g_autofree char *number = NULL;

  if (v->status == DSR_FIGURE_INSUFFICIENT)
    return g_strdup (_("insufficient data"));
  if (!isfinite (v->value))
    return g_strdup (_("no data"));
  if (!data->diff || v->kind == DSR_ENTITY_WORLD || data->rule == DSR_AGGREGATION_SUM)
    return dsr_format_value (v->value, data->decimals, v->qualifier);
  number = dsr_format_number (v->value, data->decimals);
  /* No "+0.00" for a value that rounds to zero. */
  if (v->value >= 0.5 * pow (10, -CLAMP (data->decimals, 0, 6)))
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
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
      /* A computed value's data come from the indicator's source; how it
       * was computed is the chart's note. */
      const char *source = v->basis == DSR_BASIS_COMPUTED && data->indicator != NULL
                             ? dsr_indicator_get_source (data->indicator) : v->source;

      gboolean known = FALSE;

      if (source == NULL || *source == '\0')
        continue;
      /* "World Bank WDI" and "World Bank WDI (file, last updated …)" are one source: the longer says more. */
      for (guint k = 0; k < seen->len && !known; k++)
        {
          const char *other = g_ptr_array_index (seen, k);

          if (g_str_has_prefix (other, source))
            known = TRUE;
          else if (g_str_has_prefix (source, other))
            {
              seen->pdata[k] = (gpointer) source;
              known = TRUE;
            }
        }
      if (!known)
        g_ptr_array_add (seen, (gpointer) source);
    }
  for (guint k = 0; k < seen->len; k++)
    g_string_append_printf (out, "%s%s", k ? "; " : "", (const char *) g_ptr_array_index (seen, k));
  return g_string_free (out, FALSE);
}

gboolean
dsr_chart_data_is_empty (DsrChartData *data)
{
  g_autoptr(GPtrArray) values = dsr_chart_data_get_values (data);

  return values->len == 0;
}
