/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dsr-chart-scatter.h"
#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-format.h"
#include "dsr-render.h"
#include "dsr-test-utils.h"
#include "render-test-utils.h"

static DsrStore *bundled;

/* The test store (render_test_store_new()) with two more indicators for
 * 2020: TST.X and TST.Y (@log_y: y = 10^(x/25), else y = 0.4 x), AAA..EEE
 * on a line, FFF with an x value only; and TST.Y in 2019 for FFF, which a
 * tolerance of a year brings in. */
static DsrStore *
scatter_store_new (gboolean log_y)
{
  DsrStore *store = render_test_store_new ();
  const struct { const char *id; double x; } points[] = {
    { "AAA", 0 }, { "BBB", 100 }, { "CCC", 50 }, { "DDD", 25 }, { "EEE", 75 },
  };
  g_autoptr(DsrIndicator) x = dsr_indicator_new ("TST.X", "Test x", "x units", DSR_THEME_INFRASTRUCTURE,
                                                 "Test x source", 1, TRUE, "");
  g_autoptr(DsrIndicator) y = dsr_indicator_new ("TST.Y", "Test y", "y units", DSR_THEME_TRADE,
                                                 "Test y source", 1, TRUE, "");
  g_autoptr(GError) error = NULL;

  g_assert_true (dsr_store_add_indicator (store, x, NULL));
  g_assert_true (dsr_store_add_indicator (store, y, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double yv = log_y ? pow (10, points[i].x / 25) : 0.4 * points[i].x;

      dsr_store_add_observation (store, "TST.X", points[i].id, 2020, points[i].x, DSR_QUALIFIER_EXACT,
                                 "Test x source", "", &error);
      g_assert_no_error (error);
      dsr_store_add_observation (store, "TST.Y", points[i].id, 2020, yv, DSR_QUALIFIER_EXACT,
                                 "Test y source", "", &error);
      g_assert_no_error (error);
    }
  dsr_store_add_observation (store, "TST.X", "FFF", 2020, 60, DSR_QUALIFIER_EXACT, "Test x source", "", &error);
  g_assert_no_error (error);
  dsr_store_add_observation (store, "TST.Y", "FFF", 2019, log_y ? 1000 : 20, DSR_QUALIFIER_EXACT,
                             "Test y source", "", &error);
  g_assert_no_error (error);
  return store;
}

static DsrView *
scatter_view (const char *x,
              const char *y,
              const char *grouping,
              int         year)
{
  DsrView *view = render_test_view (DSR_VIEW_SCATTER, x, grouping);

  view->y_indicator_id = g_strdup (y);
  view->year = year;
  return view;
}

/* Statistics ----------------------------------------------------------------------- */

static void
test_fit_known (void)
{
  const double x1[] = { 1, 2, 3, 4, 5 }, y1[] = { 3, 5, 7, 9, 11 };
  const double y2[] = { 2, 4, 5, 4, 5 };
  const double same[] = { 2, 2, 2, 2, 2 };
  double slope, intercept, r;

  g_assert_true (dsr_scatter_fit (x1, y1, 5, &slope, &intercept, &r));
  g_assert_cmpfloat_with_epsilon (slope, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (intercept, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (r, 1.0, 1e-12);

  /* Sxx = 10, Sxy = 6, Syy = 6: b = 0.6, a = 4 - 0.6 * 3, r = 6 / sqrt (60). */
  g_assert_true (dsr_scatter_fit (x1, y2, 5, &slope, &intercept, &r));
  g_assert_cmpfloat_with_epsilon (slope, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (intercept, 2.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (r, 6 / sqrt (60), 1e-12);

  /* Too few points, or one variable that does not vary: no line. */
  g_assert_false (dsr_scatter_fit (x1, y1, 2, &slope, &intercept, &r));
  g_assert_true (isnan (r));
  g_assert_false (dsr_scatter_fit (same, y1, 5, &slope, &intercept, &r));
  g_assert_false (dsr_scatter_fit (x1, same, 5, &slope, &intercept, &r));
}

static void
test_log_choice (void)
{
  const double dollars[] = { 2e5, 3e6, 5e7, 8e7, 1e8, 4e8, 9e8, 2e9, 6e10, 2e11 };
  const double percent[] = { 1, 20, 50, 70, 90, 100 };
  const double with_zero[] = { 0, 1e3, 1e6, 1e9 };
  double first, last;
  int step;

  g_assert_true (dsr_scatter_wants_log (dollars, G_N_ELEMENTS (dollars)));
  g_assert_false (dsr_scatter_wants_log (percent, G_N_ELEMENTS (percent)));
  g_assert_false (dsr_scatter_wants_log (with_zero, G_N_ELEMENTS (with_zero)));

  /* Decades around the values; fewer ticks: every second or third decade. */
  dsr_scatter_log_ticks (0.07, 2.1e5, 12, &first, &last, &step);
  g_assert_cmpfloat (first, ==, -2);
  g_assert_cmpfloat (last, ==, 6);
  g_assert_cmpint (step, ==, 1);
  dsr_scatter_log_ticks (0.07, 2.1e5, 4, &first, &last, &step);
  g_assert_cmpint (step, ==, 3);
  g_assert_cmpfloat (first, ==, -3);
  g_assert_cmpfloat (last, ==, 6);
  dsr_scatter_log_ticks (1, 1000, 12, &first, &last, &step);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpfloat (last, ==, 3);
}

/* Resolving ---------------------------------------------------------------------- */

static void
test_resolve_errors (void)
{
  g_autoptr(DsrStore) store = scatter_store_new (FALSE);
  g_autoptr(DsrView) no_y = scatter_view ("TST.X", NULL, "test", 0);
  g_autoptr(DsrView) unknown = scatter_view ("TST.X", "NOPE", "test", 0);
  g_autoptr(DsrView) no_both = scatter_view ("TST.X", "TST.IND", "test", 0);
  g_autoptr(DsrView) bad_year = scatter_view ("TST.X", "TST.Y", "test", 2012);
  g_autoptr(DsrView) good = scatter_view ("TST.X", "TST.Y", "test", 0);
  g_autoptr(DsrView) resolved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (dsr_chart_resolve_view (store, no_y, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dsr_chart_resolve_view (store, unknown, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_clear_error (&error);
  /* TST.IND has 2010–2015, TST.X 2020: no year with both. */
  g_assert_null (dsr_chart_resolve_view (store, no_both, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_null (dsr_chart_resolve_view (store, bad_year, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "Years with both: 2020"));
  g_clear_error (&error);

  /* The default year: the one with both. */
  resolved = dsr_chart_resolve_view (store, good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (resolved->year, ==, 2020);
}

/* Positions ----------------------------------------------------------------------- */

/* Known values at known places: x from 0 to 100 and y from 0 to 40 fill
 * the plot (linear ticks from 0 to 100 and 0 to 40 at every size), and
 * with a log axis y = 10^(x/25) from 1 to 10,000 spans four decades. */
static void
check_positions (gboolean log_y)
{
  g_autoptr(DsrStore) store = scatter_store_new (log_y);
  g_autoptr(DsrView) view = scatter_view ("TST.X", "TST.Y", "test", 2020);
  const struct { const char *id; double x; } points[] = {
    { "AAA", 0 }, { "BBB", 100 }, { "CCC", 50 }, { "DDD", 25 }, { "EEE", 75 },
  };

  view->show_fit = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes) - 1; i++)
    {
      g_autoptr(DsrRenderLayout) layout = NULL;
      g_autoptr(DsrChartData) data = dsr_chart_data_new (store, view);
      g_autoptr(DsrRenderStyle) style = dsr_render_style_new (DSR_SCHEME_LIGHT);
      cairo_surface_t *surface = NULL;
      int w = render_test_sizes[i].width, h = render_test_sizes[i].height;
      DsrRect plot;
      DsrRgba pixel;

      g_assert_cmpint (data->log_x, ==, FALSE);
      g_assert_cmpint (data->log_y, ==, log_y);
      g_assert_cmpuint (data->points->len, ==, 5);
      g_assert_cmpuint (data->n_countries, ==, 6);
      g_assert_true (data->has_fit);
      g_assert_cmpfloat_with_epsilon (data->fit_r, 1.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (data->fit_slope, log_y ? 1 / 25.0 : 0.4, 1e-9);
      g_assert_cmpfloat_with_epsilon (data->fit_intercept, 0, 1e-9);

      layout = render_test_draw (store, view, w, h, &surface);
      render_test_check_layout (layout);
      plot = layout->plot;
      g_assert_cmpfloat (plot.width, >, 0);
      for (guint p = 0; p < G_N_ELEMENTS (points); p++)
        {
          const DsrHitRegion *hit = render_test_find_hit (layout, DSR_HIT_POINT, points[p].id, 2020);
          double ex = plot.x + points[p].x / 100 * plot.width;
          double ey = plot.y + plot.height - (log_y ? points[p].x / 25 / 4 : 0.4 * points[p].x / 40) * plot.height;

          g_assert_nonnull (hit);
          g_assert_cmpfloat_with_epsilon (hit->rect.x + hit->rect.width / 2, ex, 1e-6);
          g_assert_cmpfloat_with_epsilon (hit->rect.y + hit->rect.height / 2, ey, 1e-6);
          g_assert_true (dsr_render_layout_hit_test (layout, ex, ey) == hit);
        }
      /* FFF has no 2020 value of TST.Y: no dot. */
      g_assert_null (render_test_find_hit (layout, DSR_HIT_POINT, "FFF", 2020));
      /* CCC is in the first region: painted, not the background. */
      render_test_pixel (surface, plot.x + plot.width / 2, plot.y + plot.height / 2, &pixel);
      g_assert_false (render_test_color_near (&pixel, &style->background));
      g_assert_nonnull (dsr_render_layout_find_text (layout, "Best fit, r = 1.00"));
      if (log_y)
        {
          const char *ticks[] = { "1", "10", "100" };
          g_autofree char *thousand = dsr_format_number (1000, 0);
          g_autofree char *ten_thousand = dsr_format_number (10000, 0);

          for (guint t = 0; t < G_N_ELEMENTS (ticks); t++)
            g_assert_nonnull (dsr_render_layout_find_text (layout, ticks[t]));
          g_assert_nonnull (dsr_render_layout_find_text (layout, thousand));
          g_assert_nonnull (dsr_render_layout_find_text (layout, ten_thousand));
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_positions_linear (void)
{
  check_positions (FALSE);
}

static void
test_positions_log (void)
{
  check_positions (TRUE);
}

/* A tolerance brings in a value of a nearby year, and the note says so. */
static void
test_tolerance (void)
{
  g_autoptr(DsrStore) store = scatter_store_new (FALSE);
  g_autoptr(DsrView) view = scatter_view ("TST.X", "TST.Y", "test", 2020);
  g_autoptr(DsrChartData) exact = dsr_chart_data_new (store, view);
  g_autoptr(DsrChartData) near = NULL;
  const DsrScatterPoint *fff;

  g_assert_cmpuint (exact->points->len, ==, 5);
  g_assert_cmpuint (exact->n_nearest, ==, 0);
  view->tolerance = 1;
  near = dsr_chart_data_new (store, view);
  g_assert_cmpuint (near->points->len, ==, 6);
  g_assert_cmpuint (near->n_nearest, ==, 1);
  fff = dsr_chart_data_find_point (near, "FFF");
  g_assert_nonnull (fff);
  g_assert_cmpint (fff->y.data_year_min, ==, 2019);
  g_assert_cmpfloat (fff->y.value, ==, 20);
  /* Members by region, the others grey. */
  g_assert_cmpint (fff->region, ==, 2);
  g_assert_cmpstr (fff->region_name, ==, "East");
}

/* The CSV: every economy's two values and the world's, in the 13 columns. */
static void
test_csv (void)
{
  g_autoptr(DsrStore) store = scatter_store_new (FALSE);
  g_autoptr(DsrView) view = scatter_view ("TST.X", "TST.Y", "test", 2020);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  bytes = dsr_export_render (store, view, DSR_EXPORT_CSV, NULL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, DSR_EXPORT_CSV_HEADER);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = NULL;

      /* The last line is the written summary (quoted, with commas in it). */
      if (g_str_has_prefix (lines[i], "#summary,"))
        {
          g_assert_null (lines[i + 1] == NULL ? NULL : (*lines[i + 1] != '\0' ? lines[i + 1] : NULL));
          g_assert_nonnull (strstr (lines[i], "economies with data had values of both"));
          continue;
        }
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, DSR_EXPORT_CSV_N_COLUMNS);
      n++;
    }
  /* Five economies with both values, two rows each; the world of TST.Y
   * (computed from the economies; TST.X's too). */
  g_assert_nonnull (strstr (text, "\nCCC,Country CCC,country,TST.X,2020,50,value,observed,"));
  g_assert_nonnull (strstr (text, "\nCCC,Country CCC,country,TST.Y,2020,20,value,observed,"));
  g_assert_null (strstr (text, "\nFFF,"));
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (n, <=, 12);
}

/* Labels ------------------------------------------------------------------------ */

/* The bundled data at the four sizes the brief names, light and dark, with
 * the fit, the dot sizes and a log axis: no two texts overlap, none leaves
 * the canvas, and the extremes are named where there is room. */
static void
test_labels_fit (void)
{
  const RenderSize sizes[] = { { 900, 600 }, { 1280, 800 }, { 1600, 1000 }, { 1920, 1080 } };
  const struct { const char *x, *y; int year; gboolean fit, size; } cases[] = {
    { "IT.NET.USER.ZS", "IT.NET.BBND.P2", 2022, TRUE, FALSE },
    { "IT.NET.USER.ZS", "BX.GSR.CCIS.CD", 2021, TRUE, TRUE },
    { "BX.GSR.CCIS.CD", "IT.CEL.SETS.P2", 2020, FALSE, TRUE },
    { "ITU.GCI.2020", "IT.NET.USER.ZS", 2020, TRUE, FALSE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autoptr(DsrView) view = scatter_view (cases[k].x, cases[k].y, "bri-region", cases[k].year);
        g_autoptr(DsrRenderLayout) layout = NULL;
        g_autoptr(DsrChartData) data = NULL;
        const DsrScatterPoint *top = NULL;
        guint n_labels = 0;

        view->show_fit = cases[k].fit;
        view->size_by_population = cases[k].size;
        view->scheme = i % 2 ? DSR_SCHEME_DARK : DSR_SCHEME_LIGHT;
        data = dsr_chart_data_new (bundled, view);
        g_assert_cmpuint (data->points->len, >, 100);
        layout = render_test_draw (bundled, view, sizes[i].width, sizes[i].height, NULL);
        render_test_check_layout (layout);
        for (guint t = 0; t < layout->texts->len; t++)
          if (g_array_index (layout->texts, DsrTextBox, t).role == DSR_TEXT_SERIES
              && g_array_index (layout->texts, DsrTextBox, t).entity_id != NULL)
            n_labels++;
        g_assert_cmpuint (n_labels, >=, 2);
        for (guint p = 0; p < data->points->len; p++)
          if (top == NULL || g_array_index (data->points, DsrScatterPoint, p).y.value > top->y.value)
            top = &g_array_index (data->points, DsrScatterPoint, p);
        if (sizes[i].width >= 1600)
          g_assert_nonnull (dsr_render_layout_find_text (layout, top->x.name));
        /* Economies' dots are hits, one each. */
        g_assert_cmpuint (layout->hits->len, >=, data->points->len);
      }
}

/* ICT service exports span seven orders of magnitude: a log axis with its
 * ticks at powers of ten, in millions of US$ as the other views say it. */
static void
test_log_bundled (void)
{
  g_autoptr(DsrView) view = scatter_view ("IT.NET.USER.ZS", "BX.GSR.CCIS.CD", "bri-region", 2021);
  g_autoptr(DsrChartData) data = dsr_chart_data_new (bundled, view);
  g_autoptr(DsrRenderLayout) layout = render_test_draw (bundled, view, 1600, 1000, NULL);
  g_autofree char *thousand = dsr_format_number (1000, 0);
  gboolean log_title = FALSE;

  g_assert_false (data->log_x);
  g_assert_true (data->log_y);
  g_assert_cmpfloat (data->y_scale, ==, 1e6);
  g_assert_nonnull (dsr_render_layout_find_text (layout, "1"));
  g_assert_nonnull (dsr_render_layout_find_text (layout, "10"));
  g_assert_nonnull (dsr_render_layout_find_text (layout, "100"));
  g_assert_nonnull (dsr_render_layout_find_text (layout, thousand));
  g_assert_nonnull (dsr_render_layout_find_text (layout, "0.1"));
  g_assert_null (dsr_render_layout_find_text (layout, "5"));
  for (guint t = 0; t < layout->texts->len; t++)
    log_title |= strstr (g_array_index (layout->texts, DsrTextBox, t).text, "millions; logarithmic scale") != NULL;
  g_assert_true (log_title);
}

/* A frame between two years: dots of both, the layout of the later one. */
static void
test_frame_between_years (void)
{
  g_autoptr(DsrView) before = scatter_view ("IT.NET.USER.ZS", "IT.NET.BBND.P2", "bri-region", 2021);
  g_autoptr(DsrView) after = scatter_view ("IT.NET.USER.ZS", "IT.NET.BBND.P2", "bri-region", 2022);
  g_autoptr(DsrChartData) from = dsr_chart_data_new (bundled, before);
  g_autoptr(DsrChartData) to = dsr_chart_data_new (bundled, after);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  cairo_t *cr = cairo_create (surface);

  for (double t = 0; t <= 1.0; t += 0.25)
    {
      g_autoptr(DsrRenderLayout) layout = dsr_render_scatter_frame (cr, from, to, t, "CHN", NULL, 1280, 800,
                                                                    NULL, NULL);
      guint points = 0;

      render_test_check_layout (layout);
      for (guint h = 0; h < layout->hits->len; h++)
        points += g_array_index (layout->hits, DsrHitRegion, h).kind == DSR_HIT_POINT;
      g_assert_cmpuint (points, ==, to->points->len);
      /* The selected economy is named once the dots rest. */
      if (t >= 1.0)
        g_assert_nonnull (dsr_render_layout_find_text (layout, dsr_chart_data_find_point (to, "CHN")->x.name));
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  dsr_test_init (&argc, &argv);
  bundled = dsr_test_load_bundled ();

  g_test_add_func ("/render/scatter/fit", test_fit_known);
  g_test_add_func ("/render/scatter/log-choice", test_log_choice);
  g_test_add_func ("/render/scatter/resolve-errors", test_resolve_errors);
  g_test_add_func ("/render/scatter/positions", test_positions_linear);
  g_test_add_func ("/render/scatter/positions-log", test_positions_log);
  g_test_add_func ("/render/scatter/tolerance", test_tolerance);
  g_test_add_func ("/render/scatter/csv", test_csv);
  g_test_add_func ("/render/scatter/labels", test_labels_fit);
  g_test_add_func ("/render/scatter/log-bundled", test_log_bundled);
  g_test_add_func ("/render/scatter/frame", test_frame_between_years);

  ret = g_test_run ();
  g_clear_object (&bundled);
  return ret;
}
