/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include <cairo.h>

#include "dsr-map-borders.h"
#include "dsr-map-render.h"
#include "dsr-pack.h"
#include "dsr-topojson.h"

/* Timings of the map, each the median of many runs after a warm-up:
 *   decode   the borders: json-glib from countries-50m.json (what the build
 *            does once) and from the bundled, pre-decoded form (each start)
 *   render   the whole map at 1920x1080 on an image surface (target < 8 ms)
 *   hit      one hit test at a random point of the map (target < 0.1 ms)
 * Usage: map-bench [--runs N] [--cpu] [--json SOURCE_DIR/data/map/countries-50m.json] */

#define RENDER_TARGET_MS 8.0
#define HIT_TARGET_MS    0.1

typedef struct
{
  double median;
  double min;
  double p90;
  double max;
} Stats;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
stats_of (GArray *ms,
          Stats  *out)
{
  g_array_sort (ms, compare_double);
  out->min = g_array_index (ms, double, 0);
  out->max = g_array_index (ms, double, ms->len - 1);
  out->median = ms->len % 2 ? g_array_index (ms, double, ms->len / 2)
                            : (g_array_index (ms, double, ms->len / 2 - 1)
                               + g_array_index (ms, double, ms->len / 2)) / 2;
  out->p90 = g_array_index (ms, double, MIN (ms->len - 1, (guint) ceil (0.9 * ms->len) - 1));
}

static void
report (const char *what,
        guint       runs,
        GArray     *ms,
        double      target)
{
  Stats s;

  stats_of (ms, &s);
  g_print ("%-44s %5u runs  median %9.4f ms  min %9.4f  p90 %9.4f  max %9.4f",
           what, runs, s.median, s.min, s.p90, s.max);
  if (target > 0)
    g_print ("  target < %g ms: %s", target, s.median < target ? "PASS" : "FAIL");
  g_print ("\n");
}

/* Wall-clock time, or with --cpu the thread's CPU time, which other
 * programs running on a busy machine disturb less. */
static gboolean use_cpu_time;

static double
now_ms (void)
{
  struct timespec ts;

  if (!use_cpu_time)
    return g_get_monotonic_time () / 1000.0;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
bench_render (const char          *what,
              DsrStore            *store,
              DsrMapData          *borders,
              const DsrView       *view,
              const DsrMapOptions *options,
              guint                runs,
              DsrMapLayout       **out_layout)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);

  for (guint i = 0; i < runs + 3; i++)
    {
      g_autoptr(DsrMapLayout) layout = NULL;
      g_autoptr(GError) error = NULL;
      cairo_t *cr = cairo_create (surface);
      double t0 = now_ms (), t;

      if (!dsr_map_render (cr, store, borders, view, options, &layout, &error))
        g_error ("%s", error->message);
      cairo_surface_flush (surface);
      t = now_ms () - t0;
      cairo_destroy (cr);
      if (i >= 3)  /* warm-up: fonts, caches */
        g_array_append_val (ms, t);
      if (out_layout != NULL && i == runs + 2)
        *out_layout = g_steal_pointer (&layout);
    }
  cairo_surface_destroy (surface);
  report (what, runs, ms, RENDER_TARGET_MS);
}

/* The widget's way: GTK records the map (gtk_snapshot_append_cairo) and its
 * renderer replays the recording onto the window's surface; the replay
 * rasterizes. Both timed, onto an image the map widget's size in a window
 * at 1920x1080 with the sidebar open. */
static void
bench_recorded (const char          *what,
                DsrStore            *store,
                DsrMapData          *borders,
                const DsrView       *view,
                const DsrMapOptions *options,
                guint                runs)
{
  g_autoptr(GArray) record_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) replay_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *record_what = g_strdup_printf ("%s: record", what);
  g_autofree char *replay_what = g_strdup_printf ("%s: replay", what);

  for (guint i = 0; i < runs + 3; i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_rectangle_t extents = { 0, 0, view->width, view->height };
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
      cairo_t *cr = cairo_create (recording);
      double t0 = now_ms (), t1, t2;

      if (!dsr_map_render (cr, store, borders, view, options, NULL, &error))
        g_error ("%s", error->message);
      cairo_destroy (cr);
      t1 = now_ms ();
      cr = cairo_create (target);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (target);
      t2 = now_ms ();
      cairo_surface_destroy (recording);
      cairo_surface_destroy (target);
      if (i >= 3)
        {
          double record = t1 - t0, replay = t2 - t1;

          g_array_append_val (record_ms, record);
          g_array_append_val (replay_ms, replay);
        }
    }
  report (record_what, runs, record_ms, 0);
  report (replay_what, runs, replay_ms, 0);
}

static void
bench_hit (DsrMapLayout *layout,
           guint         runs)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  GRand *rand = g_rand_new_with_seed (4);
  const DsrRect *a = &layout->map_area;
  const guint batch = 1000;
  guint land = 0;

  /* Each sample: the mean of a batch of random points (the clock is too
   * coarse for one); the worst single point is measured apart below. */
  for (guint i = 0; i < runs; i++)
    {
      double t0 = now_ms (), t;

      for (guint j = 0; j < batch; j++)
        land += dsr_map_layout_hit_test (layout, a->x + g_rand_double (rand) * a->width,
                                         a->y + g_rand_double (rand) * a->height) != NULL;
      t = (now_ms () - t0) / batch;
      g_array_append_val (ms, t);
    }
  report ("hit test, random point (mean of 1000)", runs, ms, HIT_TARGET_MS);
  g_print ("%-44s %5.1f%% of random points on land\n", "", 100.0 * land / (runs * batch));

  /* The slowest places: inside Russia and Canada (the longest rings). */
  {
    static const double places[][2] = { { 100, 62 }, { -100, 60 }, { 116.4, 39.9 }, { -30, 20 } };
    g_autoptr(GArray) worst = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < runs; i++)
      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        {
          double px, py, x, y, t0, t;

          dsr_equal_earth_forward (places[p][0], places[p][1], &px, &py);
          dsr_map_fit_apply (&layout->fit, px, py, &x, &y);
          t0 = now_ms ();
          for (guint j = 0; j < 100; j++)
            dsr_map_layout_hit_test (layout, x, y);
          t = (now_ms () - t0) / 100;
          g_array_append_val (worst, t);
        }
    report ("hit test, Russia/Canada/Beijing/Atlantic", runs * 4, worst, HIT_TARGET_MS);
  }
  g_rand_free (rand);
}

static void
bench_decode (const char *json_path,
              guint       runs)
{
  g_autoptr(GArray) json_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bundled_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  bytes = g_resources_lookup_data (DSR_MAP_BORDERS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs; i++)
    {
      double t0 = now_ms (), t;
      g_autoptr(DsrMapData) data = dsr_map_data_new_from_serialized (bytes, "bundled", &error);

      t = now_ms () - t0;
      g_assert_nonnull (data);
      g_array_append_val (bundled_ms, t);
    }
  report ("borders: bundled (decode + cut + project)", runs, bundled_ms, 0);

  if (json_path == NULL || !g_file_get_contents (json_path, &contents, &length, NULL))
    {
      g_print ("%-44s (skipped: pass --json PATH to countries-50m.json)\n",
               "borders: TopoJSON with json-glib");
      return;
    }
  for (guint i = 0; i < MIN (runs, 20); i++)
    {
      double t0 = now_ms (), t;
      g_autoptr(DsrMapData) data = dsr_map_data_new_from_topojson (contents, length, json_path, &error);

      t = now_ms () - t0;
      g_assert_nonnull (data);
      g_array_append_val (json_ms, t);
    }
  report ("borders: TopoJSON with json-glib (build time)", MIN (runs, 20), json_ms, 0);
}

/* Values for every fifth-but-one economy, to time country mode. */
static void
add_country_values (DsrStore *store)
{
  GListModel *entities = dsr_store_get_entities (store);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);

      if (dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY && i % 5 != 0)
        dsr_store_add_observation (store, "IT.NET.USER.ZS", dsr_entity_get_id (entity), 2021,
                                   20 + fmod (dsr_entity_get_numeric (entity) * 7.31, 80),
                                   DSR_QUALIFIER_EXACT, "bench", "", NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *json_path = NULL;
  int runs = 100;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measurement (at least 50)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "countries-50m.json, to time json-glib", "PATH" },
    { "cpu", 0, 0, G_OPTION_ARG_NONE, &use_cpu_time,
      "Time with the thread's CPU time, not the wall clock", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrMapData) borders = NULL;
  g_autoptr(DsrMapLayout) layout = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  DsrMapOptions options;
  double t0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 50);

  t0 = now_ms ();
  store = dsr_pack_load_store (NULL, problems);
  g_print ("%-44s %9.2f ms (once)\n", "data pack and iso-codes", now_ms () - t0);
  t0 = now_ms ();
  borders = dsr_map_data_load_bundled (&error);
  g_assert_no_error (error);
  g_print ("%-44s %9.2f ms (once, %u countries, %u points)\n", "borders: first load in the process",
           now_ms () - t0, dsr_map_data_get_n_features (borders),
           dsr_map_data_get_projected (borders)->points->len);

  bench_decode (json_path, runs);

  view->kind = DSR_VIEW_MAP;
  view->indicator_id = g_strdup ("DSR.GCI.SCORE");
  view->year = 2021;
  view->width = 1920;
  view->height = 1080;
  dsr_map_options_init (&options);

  bench_render ("render 1920x1080, Figure 4 (region mode)", store, borders, view, &options, runs, &layout);
  view->scheme = DSR_SCHEME_DARK;
  view->compare = DSR_COMPARE_WORLD_DIFF;
  bench_render ("render 1920x1080, difference, dark", store, borders, view, &options, runs, NULL);
  view->scheme = DSR_SCHEME_LIGHT;
  view->compare = DSR_COMPARE_ABSOLUTE;
  dsr_map_transform_zoom_at (&options.transform, 4, 1100, 300);
  bench_render ("render 1920x1080, zoomed 4x on Asia", store, borders, view, &options, runs, NULL);
  dsr_map_transform_init (&options.transform);

  add_country_values (store);
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("IT.NET.USER.ZS");
  bench_render ("render 1920x1080, country mode (199 values)", store, borders, view, &options, runs, NULL);
  view->width = 1594;
  view->height = 820;
  bench_recorded ("widget 1594x820, country mode", store, borders, view, &options, runs);
  view->width = 1920;
  view->height = 1080;

  bench_hit (layout, runs);
  return 0;
}
