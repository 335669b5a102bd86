/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-scatter"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "dsr-chart-scatter.h"
#include "dsr-pack.h"
#include "dsr-render.h"

/* Times a scatter at 1920x1080 with 200 economies: two made-up indicators
 * (bench data only, never in data/) on the bundled store's first 200
 * economies, with the best-fit line and dots sized by population. Three
 * figures, median and 90th percentile of many runs:
 *   frame: the drawing alone, from the numbers gathered once (what the
 *          window draws at each step of Play's animation);
 *   moving frame: the same between two years (dots moving and fading);
 *   view: dsr_render_view(), gathering the numbers and drawing (an export).
 * Target: a frame under 5 ms. Wall time and this thread's CPU time. */

#define WIDTH 1920
#define HEIGHT 1080
#define N_ECONOMIES 200

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct
{
  DsrStore     *store;
  DsrView      *view;
  DsrChartData *from;
  DsrChartData *to;
  double        t;
} Case;

static void
draw (const Case      *k,
      cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);

  if (k->to != NULL)
    dsr_render_layout_free (dsr_render_scatter_frame (cr, k->from, k->to, k->t, "CHN", NULL, WIDTH, HEIGHT,
                                                      NULL, NULL));
  else
    dsr_render_layout_free (dsr_render_view (cr, k->store, k->view, NULL, WIDTH, HEIGHT));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static void
bench (const char *label,
       const Case *k,
       guint       runs)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
  g_autoptr(GArray) cpu = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);

  for (guint i = 0; i < 5; i++)
    draw (k, surface);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double c0 = cpu_ms (), ms, cms;

      draw (k, surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cms = cpu_ms () - c0;
      g_array_append_val (times, ms);
      g_array_append_val (cpu, cms);
    }
  g_array_sort (times, compare_double);
  g_array_sort (cpu, compare_double);
  /* The CPU time of this thread as well: on a shared machine the wall
   * clock also counts the time others held the processor. */
  g_print ("%-44s median %6.2f ms   p90 %6.2f ms   CPU median %6.2f ms   (%u runs, %dx%d)\n", label,
           g_array_index (times, double, runs / 2), g_array_index (times, double, runs * 9 / 10),
           g_array_index (cpu, double, runs / 2), runs, WIDTH, HEIGHT);
  if (g_getenv ("DSR_BENCH_OUTPUT") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("scatter-%s.png", k->to ? (k->from ? "moving" : "frame") : "view");
      g_autofree char *path = g_build_filename (g_getenv ("DSR_BENCH_OUTPUT"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  cairo_surface_destroy (surface);
}

/* Two made-up indicators for the first N_ECONOMIES economies, 2020 and
 * 2021; a few economies lack a value in 2020 (they fade in). */
static void
add_synthetic (DsrStore *store)
{
  const char *ids[] = { "BENCH.X", "BENCH.Y" };
  GListModel *entities = dsr_store_get_entities (store);
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autoptr(DsrIndicator) indicator = dsr_indicator_new (ids[k], k ? "Synthetic y" : "Synthetic x", "%",
                                                             DSR_THEME_INFRASTRUCTURE, "Benchmark", 1, TRUE, "");

      dsr_store_add_indicator (store, indicator, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (entities) && n < N_ECONOMIES; i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);

      if (dsr_entity_get_kind (entity) != DSR_ENTITY_COUNTRY)
        continue;
      for (int year = 2020; year <= 2021; year++)
        {
          double x = 5 + fmod (n * 7.3 + (year - 2020) * 3.1, 90);

          if (year == 2020 && n % 23 == 0)
            continue;
          dsr_store_add_observation (store, "BENCH.X", dsr_entity_get_id (entity), year, x, DSR_QUALIFIER_EXACT,
                                     "Benchmark", "", NULL);
          dsr_store_add_observation (store, "BENCH.Y", dsr_entity_get_id (entity), year,
                                     0.5 * x + fmod (n * 13.7, 40), DSR_QUALIFIER_EXACT, "Benchmark", "", NULL);
        }
      n++;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autoptr(DsrView) before = NULL;
  g_autoptr(DsrChartData) data = NULL;
  g_autoptr(DsrChartData) old = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 200;
  Case frame = { 0 }, moving = { 0 }, whole = { 0 };

  setlocale (LC_ALL, "");
  store = dsr_pack_load_store (NULL, problems);
  add_synthetic (store);
  runs = MAX (runs, 10);

  view->kind = DSR_VIEW_SCATTER;
  view->indicator_id = g_strdup ("BENCH.X");
  view->y_indicator_id = g_strdup ("BENCH.Y");
  view->grouping_id = g_strdup ("bri-region");
  view->year = 2021;
  view->show_fit = TRUE;
  view->size_by_population = TRUE;
  view->width = WIDTH;
  view->height = HEIGHT;
  before = dsr_view_copy (view);
  before->year = 2020;
  data = dsr_chart_data_new (store, view);
  old = dsr_chart_data_new (store, before);
  g_print ("%u economies with both values (%u in the year before)\n", data->points->len, old->points->len);

  frame = (Case) { .store = store, .view = view, .to = data, .t = 1.0 };
  bench ("scatter frame: 200 economies, fit, sizes", &frame, runs);
  moving = (Case) { .store = store, .view = view, .from = old, .to = data, .t = 0.5 };
  bench ("scatter frame between two years", &moving, runs);
  whole = (Case) { .store = store, .view = view };
  bench ("scatter view: numbers gathered and drawn", &whole, runs);
  return 0;
}
