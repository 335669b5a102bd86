/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-render"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "dsr-pack.h"
#include "dsr-render.h"

/* Times one render of a view into a 1920x1080 image surface: the paper's
 * Figure 4 (bars), the Table 1 trend, and the same views on a synthetic
 * indicator with values for every Belt and Road economy (regional means
 * computed at draw time). Prints the median and 90th percentile of many
 * runs. Target: a render under 5 ms. */

#define WIDTH 1920
#define HEIGHT 1080

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench (const char    *label,
       DsrStore      *store,
       const DsrView *view,
       guint          runs)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);

  /* Warm up: fonts and glyph caches. */
  for (guint i = 0; i < 5; i++)
    {
      cairo_t *cr = cairo_create (surface);

      dsr_render_layout_free (dsr_render_view (cr, store, view, NULL, WIDTH, HEIGHT));
      cairo_destroy (cr);
    }
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);
      double ms;

      dsr_render_layout_free (dsr_render_view (cr, store, view, NULL, WIDTH, HEIGHT));
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_double);
  g_print ("%-44s median %6.2f ms   p90 %6.2f ms   (%u runs, %dx%d)\n", label,
           g_array_index (times, double, runs / 2), g_array_index (times, double, runs * 9 / 10),
           runs, WIDTH, HEIGHT);
  /* DSR_BENCH_OUTPUT=DIR keeps a picture of each, to look at. */
  if (g_getenv ("DSR_BENCH_OUTPUT") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", dsr_view_kind_to_string (view->kind),
                                               view->indicator_id);
      g_autofree char *path = g_build_filename (g_getenv ("DSR_BENCH_OUTPUT"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  cairo_surface_destroy (surface);
}

/* A made-up indicator with a value for every Belt and Road economy, 2012–2021. */
static void
add_synthetic (DsrStore *store)
{
  g_autoptr(DsrIndicator) indicator = dsr_indicator_new ("BENCH.SYN", "Synthetic indicator", "%",
                                                         DSR_THEME_INFRASTRUCTURE, "Benchmark", 1, TRUE, "");
  g_autoptr(GPtrArray) members = dsr_grouping_members_as_of (dsr_store_get_bri_grouping (store),
                                                             DSR_AS_OF_CURRENT);

  dsr_store_add_indicator (store, indicator, NULL);
  for (guint i = 0; i < members->len; i++)
    for (int year = 2012; year <= 2021; year++)
      dsr_store_add_observation (store, "BENCH.SYN", g_ptr_array_index (members, i), year,
                                 20 + fmod (i * 7.3 + (year - 2012) * 3.1, 70), DSR_QUALIFIER_EXACT,
                                 "Benchmark", "", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrView) bars = dsr_view_new ();
  g_autoptr(DsrView) trend = dsr_view_new ();
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 200;

  setlocale (LC_ALL, "");
  store = dsr_pack_load_store (NULL, problems);
  add_synthetic (store);
  runs = MAX (runs, 10);

  bars->kind = DSR_VIEW_BARS;
  bars->indicator_id = g_strdup ("DSR.GCI.SCORE");
  bars->grouping_id = g_strdup ("bri-continent");
  bench ("bars: Figure 4 (6 reported continents)", store, bars, runs);

  trend->kind = DSR_VIEW_TREND;
  trend->indicator_id = g_strdup ("DSR.DDS.EXP");
  bench ("trend: Table 1 (world and China)", store, trend, runs);

  g_free (bars->indicator_id);
  bars->indicator_id = g_strdup ("BENCH.SYN");
  g_free (bars->grouping_id);
  bars->grouping_id = g_strdup ("bri-region");
  bench ("bars: 10 regions computed from 151 economies", store, bars, runs);

  g_free (trend->indicator_id);
  trend->indicator_id = g_strdup ("BENCH.SYN");
  trend->grouping_id = g_strdup ("bri-region");
  bench ("trend: 10 computed regions + world, 10 years", store, trend, runs);
  return 0;
}
