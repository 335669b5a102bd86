/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's two speed targets (issue 6), measured under a display:
 *   - first frame: from process start (the kernel's start time of this
 *     process) to the first frame the window paints, bundled data only;
 *   - a year step on the map while playing at 1920x1080: from the "year"
 *     action to the end of the frame that shows it.
 * Run it under xvfb-run (bench/window/run-window-bench.sh does, many times). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "dsr-application.h"
#include "dsr-pack.h"
#include "dsr-window.h"

static gint64 step_started;
static double step_cpu_started;
static GArray *step_times;   /* of double, ms */
static GArray *step_cpu;     /* of double, ms: this thread's CPU time, less disturbed by other programs */
static gboolean first_frame_seen;
static int year;
static DsrWindow *window;

/* Seconds since boot at which this process started (/proc/self/stat field 22),
 * on the same clock as g_get_monotonic_time (CLOCK_MONOTONIC, which on Linux
 * counts from boot too, less suspended time). */
static double
process_start_seconds (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long ticks = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || (p = strrchr (stat, ')')) == NULL)
    return NAN;
  /* After the ")", fields 3.. follow; starttime is field 22. */
  for (int field = 3; field <= 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &ticks) != 1)
    return NAN;
  return (double) ticks / sysconf (_SC_CLK_TCK);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* An indicator with a value for every Belt and Road economy, 2012-2021, so
 * that the map has something to change at every step. The values are a
 * deterministic function of the code and year: a benchmark, not data. */
static void
add_synthetic_indicator (DsrStore *store)
{
  g_autoptr(DsrIndicator) indicator = dsr_indicator_new ("BENCH.SYNTHETIC", "Synthetic benchmark series",
                                                         "%", DSR_THEME_INFRASTRUCTURE, "bench", 1,
                                                         TRUE, "");
  g_autoptr(GPtrArray) members = dsr_grouping_members_as_of (dsr_store_get_bri_grouping (store),
                                                             DSR_AS_OF_CURRENT);

  dsr_store_add_indicator (store, indicator, NULL);
  for (int y = 2012; y <= 2021; y++)
    for (guint i = 0; i < members->len; i++)
      {
        const char *id = g_ptr_array_index (members, i);
        double value = (g_str_hash (id) % 100) * 0.5 + (y - 2012) * 3.0;

        dsr_store_add_observation (store, "BENCH.SYNTHETIC", id, y, value, DSR_QUALIFIER_EXACT,
                                   "bench", "", NULL);
      }
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (!first_frame_seen)
    {
      double start = process_start_seconds ();
      double now = g_get_monotonic_time () / 1e6;

      first_frame_seen = TRUE;
      g_print ("first-frame-ms %.1f\n", (now - start) * 1000.0);
      if (g_getenv ("BENCH_FIRST_FRAME_ONLY"))
        g_application_quit (g_application_get_default ());
      return;
    }
  if (step_started != 0)
    {
      double ms = (g_get_monotonic_time () - step_started) / 1000.0;
      double cpu = thread_cpu_ms () - step_cpu_started;

      g_array_append_val (step_times, ms);
      g_array_append_val (step_cpu, cpu);
      step_started = 0;
    }
}

static gboolean
step_cb (gpointer user_data)
{
  if (step_times->len >= 60)
    {
      double sum = 0;

      g_array_sort (step_times, compare_double);
      for (guint i = 0; i < step_times->len; i++)
        sum += g_array_index (step_times, double, i);
      g_print ("map-year-step-ms median %.2f mean %.2f max %.2f (n=%u, 1920x1080)\n",
               g_array_index (step_times, double, step_times->len / 2), sum / step_times->len,
               g_array_index (step_times, double, step_times->len - 1), step_times->len);
      g_array_sort (step_cpu, compare_double);
      g_print ("map-year-step-cpu-ms median %.2f max %.2f (the main thread's CPU time)\n",
               g_array_index (step_cpu, double, step_cpu->len / 2),
               g_array_index (step_cpu, double, step_cpu->len - 1));
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  if (step_started != 0)
    return G_SOURCE_CONTINUE; /* the last step has not been painted yet */
  year = year >= 2021 ? 2012 : year + 1;
  step_started = g_get_monotonic_time ();
  step_cpu_started = thread_cpu_ms ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "year", g_variant_new_int32 (year));
  return G_SOURCE_CONTINUE;
}

static gboolean
start_steps_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "indicator",
                                  g_variant_new_string ("BENCH.SYNTHETIC"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("map"));
  year = 2012;
  g_timeout_add (50, step_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app)
{
  GdkFrameClock *clock;

  window = DSR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_maximize (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  if (!g_getenv ("BENCH_FIRST_FRAME_ONLY"))
    g_timeout_add (500, start_steps_cb, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrApplication) app = NULL;
  char *app_argv[] = { argv[0], NULL };

  /* An instance of its own, whatever else runs in the session. */
  g_setenv ("DSR_ATLAS_NON_UNIQUE", "1", TRUE);
  step_times = g_array_new (FALSE, FALSE, sizeof (double));
  step_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  store = dsr_pack_load_store (NULL, problems);
  if (!g_getenv ("BENCH_FIRST_FRAME_ONLY"))
    add_synthetic_indicator (store);
  app = dsr_application_new (store, problems);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
