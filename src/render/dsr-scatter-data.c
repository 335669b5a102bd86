/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-scatter-data"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-scatter.h"
#include "dsr-error.h"
#include "dsr-export.h"

/* The numbers of a scatter, from the same figures as every other view: an
 * economy's value of each indicator is dsr_figures_get()'s (its own year,
 * or its nearest within the view's tolerance, as on the map), the world
 * values dsr_figures_world()'s (computed, or as reported). */

/* Statistics ------------------------------------------------------------------ */

gboolean
dsr_scatter_fit (const double *x,
                 const double *y,
                 guint         n,
                 double       *slope,
                 double       *intercept,
                 double       *r)
{
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;

  *slope = *intercept = *r = NAN;
  if (n < 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  /* Centred sums: no cancellation for values far from zero (US$). */
  for (guint i = 0; i < n; i++)
    {
      double dx = x[i] - mx, dy = y[i] - my;

      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
  if (!(sxx > 0) || !(syy > 0))
    return FALSE;
  *slope = sxy / sxx;
  *intercept = my - *slope * mx;
  *r = CLAMP (sxy / sqrt (sxx * syy), -1.0, 1.0);
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* All positive, three orders of magnitude or more between the least and the
 * most, and the most far above the middle: a linear axis would crowd nearly
 * every dot into its first tenth. */
gboolean
dsr_scatter_wants_log (const double *values,
                       guint         n)
{
  g_autofree double *sorted = NULL;
  double median;

  if (n < 2)
    return FALSE;
  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), compare_doubles);
  if (!(sorted[0] > 0) || !isfinite (sorted[n - 1]))
    return FALSE;
  median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return sorted[n - 1] / sorted[0] >= 1e3 && sorted[n - 1] / median >= 20;
}

void
dsr_scatter_log_ticks (double  lo,
                       double  hi,
                       guint   max_ticks,
                       double *first,
                       double *last,
                       int    *step)
{
  int a = (int) floor (log10 (lo) + 1e-9), b = (int) ceil (log10 (hi) - 1e-9);

  if (b <= a)
    b = a + 1;
  *step = 1;
  while ((guint) ((b - a) / *step + 1) > MAX (max_ticks, 2u))
    (*step)++;
  /* The ends on the step's decades. */
  a = (int) floor ((double) a / *step) * *step;
  b = (int) ceil ((double) b / *step) * *step;
  *first = a;
  *last = b;
}

/* The view's year ---------------------------------------------------------------- */

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

static DsrFigures *
figures_of (DsrStore      *store,
            const DsrView *view,
            const char    *indicator_id)
{
  g_autoptr(DsrView) copy = dsr_view_copy (view);

  g_free (copy->indicator_id);
  copy->indicator_id = g_strdup (indicator_id);
  return dsr_figures_new (store, copy);
}

/* The economies with both values in @year. */
static guint
count_both (DsrStore   *store,
            GPtrArray  *countries,
            DsrFigures *fx,
            DsrFigures *fy,
            int         year)
{
  guint n = 0;
  DsrFigure a, b;

  for (guint i = 0; i < countries->len; i++)
    if (dsr_figures_get (fx, g_ptr_array_index (countries, i), year, year, &a)
        && dsr_figures_get (fy, g_ptr_array_index (countries, i), year, year, &b))
      n++;
  return n;
}

static void
add_years (GArray *out,
           GArray *years)
{
  for (guint i = 0; i < years->len; i++)
    {
      int y = g_array_index (years, int, i);
      gboolean known = FALSE;

      for (guint k = 0; k < out->len && !known; k++)
        known = g_array_index (out, int, k) == y;
      if (!known)
        g_array_append_val (out, y);
    }
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* A scatter's year: the one given, when some economy has both values in it;
 * else the latest year in which at least two thirds as many economies have
 * both values as in the best year. */
gboolean
_dsr_scatter_fill_view (DsrStore  *store,
                        DsrView   *view,
                        GError   **error)
{
  g_autoptr(GPtrArray) countries = store_countries (store);
  g_autoptr(DsrFigures) fx = figures_of (store, view, view->indicator_id);
  g_autoptr(DsrFigures) fy = figures_of (store, view, view->y_indicator_id);
  g_autoptr(GArray) xyears = dsr_store_get_years (store, view->indicator_id);
  g_autoptr(GArray) yyears = dsr_store_get_years (store, view->y_indicator_id);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) with_both = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *range = NULL;
  guint best = 0;

  if (view->year != 0 && count_both (store, countries, fx, fy, view->year) > 0)
    return TRUE;

  add_years (years, xyears);
  add_years (years, yyears);
  g_array_sort (years, compare_ints);
  for (guint i = 0; i < years->len; i++)
    {
      guint n = count_both (store, countries, fx, fy, g_array_index (years, int, i));

      g_array_append_val (counts, n);
      best = MAX (best, n);
      if (n > 0)
        g_array_append_val (with_both, g_array_index (years, int, i));
    }
  if (best == 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                   _("%s and %s have no year in which an economy has both values"),
                   view->indicator_id, view->y_indicator_id);
      return FALSE;
    }
  range = dsr_chart_format_years (with_both);
  if (view->year != 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                   _("No economy has values of both %s and %s in %d. Years with both: %s"),
                   view->indicator_id, view->y_indicator_id, view->year, range);
      return FALSE;
    }
  for (guint i = years->len; i > 0; i--)
    if (3 * g_array_index (counts, guint, i - 1) >= 2 * best)
      {
        view->year = g_array_index (years, int, i - 1);
        break;
      }
  return TRUE;
}

/* Gathering ------------------------------------------------------------------------- */

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (((const DsrScatterPoint *) a)->x.name, ((const DsrScatterPoint *) b)->x.name);
}

/* Millions, billions or trillions, as the other views print large amounts;
 * on a log axis the scale that keeps the least tick at 0.01 or more. */
static double
axis_scale (const double *values,
            guint         n,
            gboolean      log_axis)
{
  const double scales[] = { 1e12, 1e9, 1e6 };
  double lo = INFINITY, hi = 0;

  for (guint i = 0; i < n; i++)
    {
      lo = MIN (lo, fabs (values[i]));
      hi = MAX (hi, fabs (values[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      if (hi < scales[i])
        continue;
      if (log_axis && pow (10, floor (log10 (lo))) / scales[i] < 0.01)
        continue;
      return scales[i];
    }
  return 1.0;
}

static void
world_of (DsrChartData  *data,
          DsrFigures    *figures,
          DsrChartValue *out)
{
  DsrEntity *world = dsr_store_get_entity (data->store, DSR_ENTITY_ID_WORLD);
  DsrFigure figure;

  out->value = out->raw = NAN;
  if (world == NULL)
    return;
  dsr_figures_world (figures, data->view->year, data->view->year, &figure);
  _dsr_chart_value_from_figure (out, world, &figure);
}

void
_dsr_scatter_gather (DsrChartData *data)
{
  DsrView *view = data->view;
  g_autoptr(GPtrArray) countries = store_countries (data->store);
  g_autoptr(DsrFigures) population = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  int year = view->year;

  data->diff = FALSE; /* a scatter shows the values themselves */
  data->decimals = dsr_indicator_get_decimals (data->indicator);
  data->y_indicator = view->y_indicator_id ? dsr_store_get_indicator (data->store, view->y_indicator_id) : NULL;
  if (data->y_indicator == NULL || year == 0)
    return;
  data->y_figures = figures_of (data->store, view, view->y_indicator_id);
  data->y_rule = dsr_figures_get_rule (data->y_figures);
  data->y_decimals = dsr_indicator_get_decimals (data->y_indicator);
  if (dsr_store_get_indicator (data->store, DSR_INDICATOR_ID_POPULATION) != NULL)
    population = figures_of (data->store, view, DSR_INDICATOR_ID_POPULATION);

  /* The regions that are coloured: the grouping's, or those the view lists. */
  for (guint r = 0; data->grouping != NULL && r < dsr_grouping_get_n_regions (data->grouping); r++)
    {
      DsrRegion *region = dsr_grouping_get_region (data->grouping, r);
      gboolean shown = view->regions == NULL;

      for (guint i = 0; !shown && view->regions[i] != NULL; i++)
        shown = g_strcmp0 (view->regions[i], dsr_region_get_id (region)) == 0
                || g_strcmp0 (view->regions[i], dsr_region_get_entity_id (region)) == 0;
      if (shown)
        g_hash_table_insert (regions, region, GINT_TO_POINTER (r + 1));
    }

  for (guint i = 0; i < countries->len; i++)
    {
      DsrEntity *entity = g_ptr_array_index (countries, i);
      const char *id = dsr_entity_get_id (entity);
      DsrScatterPoint p = { .population = NAN, .region = -1 };
      DsrFigure fx, fy, fp;
      DsrRegion *region;

      gboolean has_x = dsr_figures_get (data->figures, entity, year, year, &fx);
      gboolean has_y = dsr_figures_get (data->y_figures, entity, year, year, &fy);

      if (has_x || has_y)
        data->n_countries++;
      if (!has_x || !has_y)
        continue;
      _dsr_chart_value_from_figure (&p.x, entity, &fx);
      _dsr_chart_value_from_figure (&p.y, entity, &fy);
      p.pop.status = DSR_FIGURE_NO_DATA;
      p.pop.value = p.pop.raw = NAN;
      if (population != NULL && dsr_figures_get (population, entity, year, year, &fp) && fp.value > 0)
        {
          _dsr_chart_value_from_figure (&p.pop, entity, &fp);
          p.population = fp.value;
        }
      region = data->grouping ? dsr_grouping_region_of (data->grouping, id) : NULL;
      if (region != NULL && dsr_region_has_member_as_of (region, id, year)
          && g_hash_table_contains (regions, region))
        {
          p.region = GPOINTER_TO_INT (g_hash_table_lookup (regions, region)) - 1;
          p.region_name = dsr_region_get_name (region);
          {
            DsrEntity *region_entity = dsr_store_get_entity (data->store, dsr_region_get_entity_id (region));

            if (region_entity != NULL)
              p.region_name = dsr_entity_get_name (region_entity);
          }
        }
      if (fx.year_min != year || fx.year_max != year || fy.year_min != year || fy.year_max != year)
        data->n_nearest++;
      g_array_append_val (data->points, p);
      g_array_append_val (xs, fx.value);
      g_array_append_val (ys, fy.value);
    }
  g_array_sort (data->points, compare_points);

  world_of (data, data->figures, &data->world);
  world_of (data, data->y_figures, &data->y_world);

  data->log_x = dsr_scatter_wants_log ((double *) xs->data, xs->len);
  data->log_y = dsr_scatter_wants_log ((double *) ys->data, ys->len);
  data->scale = axis_scale ((double *) xs->data, xs->len, data->log_x);
  data->y_scale = axis_scale ((double *) ys->data, ys->len, data->log_y);

  if (view->show_fit)
    {
      for (guint i = 0; i < xs->len; i++)
        {
          if (data->log_x)
            g_array_index (xs, double, i) = log10 (g_array_index (xs, double, i));
          if (data->log_y)
            g_array_index (ys, double, i) = log10 (g_array_index (ys, double, i));
        }
      data->has_fit = dsr_scatter_fit ((double *) xs->data, (double *) ys->data, xs->len, &data->fit_slope,
                                       &data->fit_intercept, &data->fit_r);
    }
}

const DsrScatterPoint *
dsr_chart_data_find_point (DsrChartData *data,
                           const char   *entity_id)
{
  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; entity_id != NULL && i < data->points->len; i++)
    {
      const DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);

      if (g_strcmp0 (p->x.entity_id, entity_id) == 0)
        return p;
    }
  return NULL;
}

/* The CSV of a scatter: the header's 13 columns, one row per economy and
 * indicator (its horizontal value, then its vertical one, then its
 * population when the dots are sized by it), then the world's values of
 * both indicators. */
void
_dsr_scatter_write_csv (DsrChartData *data,
                        GString      *csv)
{
  const char *x_id = data->view->indicator_id, *y_id = data->view->y_indicator_id;

  for (guint i = 0; i < data->points->len; i++)
    {
      const DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);

      dsr_export_csv_append_value (csv, &p->x, x_id, "value");
      dsr_export_csv_append_value (csv, &p->y, y_id, "value");
      if (data->view->size_by_population && p->pop.status == DSR_FIGURE_VALUE)
        dsr_export_csv_append_value (csv, &p->pop, DSR_INDICATOR_ID_POPULATION, "value");
    }
  if (data->world.status == DSR_FIGURE_VALUE || data->world.status == DSR_FIGURE_INSUFFICIENT)
    dsr_export_csv_append_value (csv, &data->world, x_id, "value");
  if (data->y_world.status == DSR_FIGURE_VALUE || data->y_world.status == DSR_FIGURE_INSUFFICIENT)
    dsr_export_csv_append_value (csv, &data->y_world, y_id, "value");
}
