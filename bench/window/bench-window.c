/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's two speed targets (issue 6), measured under a display:
 *   - first frame: from process start (the kernel's start time of this
 *     process) to the first frame the window paints, bundled data only;
 *   - a year step on the map while playing at 1920x1080: from the timeline's
 *     change of year (what Play does) to the end of the frame that shows it,
 *     over every year Play visits of every indicator with two years or more
 *     (several hundred steps, so that the 99th percentile means something),
 *     with the median, the 99th percentile and the slowest; and the parts:
 *     the window's refresh, the frame (its layout, its paint), the idle work after it.
 * Run it under xvfb-run (bench/window/run-window-bench.sh does, many times).
 * BENCH_PASSES=N: N times over every indicator (2); BENCH_INDICATOR=ID: that
 * one only; BENCH_VERBOSE=1: every step on stderr; BENCH_PACK=DIR: the launch
 * with the pack in DIR (see main ()). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bench-process.h"
#include "dsr-application.h"
#include "dsr-pack.h"
#include "dsr-timeline.h"
#include "dsr-window.h"

static gboolean first_frame_seen;
static DsrWindow *window;
static DsrTimeline *timeline;

/* The year steps: every indicator's play years, in turn, BENCH_PASSES times
 * over (default 2), as Play steps them (dsr_timeline_set_year ()). */
static GPtrArray *indicators;   /* of char *: those with two play years or more */
static guint indicator_index;
static guint year_index;
static guint pass;
static guint n_passes = 2;
static gboolean first_step;     /* of an indicator: just selected */

static gint64 step_started;     /* 0: no step waits for its frame */
static double step_cpu_started;
static gint64 action_ended;
static gint64 frame_started;    /* the frame clock's before-paint of this step's frame */
static gint64 frame_ended;
static gint64 layout_started;   /* this frame's layout phase (the frame clock's "layout") */
static gint64 layout_ended;     /* and its end: the paint (snapshot and render) follows */
static GArray *step_times;      /* of double, ms: from the year's change to the end of its frame */
static GArray *step_cpu;        /* of double, ms: this thread's CPU time over the same span */
static GArray *action_times;    /* of double, ms: the year's change itself (the window's refresh) */
static GArray *frame_times;     /* of double, ms: the frame's layout and paint */
static GArray *settle_times;    /* of double, ms: from the frame's end until the main loop is idle
                                 * (summary, accessible descriptions, at low priority) */
static GArray *layout_times;    /* of double, ms: the step frame's layout phase (measure, allocate) */
static GArray *paint_times;     /* of double, ms: its paint phase (snapshot, render, the X server) */
static GArray *first_times;     /* of double, ms: the first step of each indicator */
static GArray *all_frames;      /* of double, ms: every frame while stepping, the step's own and
                                 * any other (a resize the summary's new text asks for) */
static gboolean stepping;       /* between the first and the last step of an indicator */
static gint64 any_frame_started;
static gint64 summary_changed;
static gint64 last_step_started;  /* when the summary's label last changed */

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

/* Nearest rank: the smallest value that @p of the values are at or below. */
static double
percentile (GArray *sorted,
            double  p)
{
  guint rank = (guint) ceil (p * sorted->len);

  return g_array_index (sorted, double, CLAMP (rank, 1, sorted->len) - 1);
}

static void
report (const char *name,
        GArray     *values,
        const char *what)
{
  double sum = 0;

  if (values->len == 0)
    return;
  g_array_sort (values, compare_double);
  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  g_print ("%s median %.2f mean %.2f p90 %.2f p99 %.2f max %.2f (n=%u, 1920x1080) %s\n", name,
           percentile (values, 0.5), sum / values->len, percentile (values, 0.9), percentile (values, 0.99),
           g_array_index (values, double, values->len - 1), values->len, what);
}

static void
finish (void)
{
  report ("map-year-step-ms", step_times, "from the year's change to the end of its frame");
  report ("map-year-step-cpu-ms", step_cpu, "the main thread's CPU time over the same span");
  report ("map-year-step-action-ms", action_times, "the window's refresh for the year");
  report ("map-year-step-frame-ms", frame_times, "the frame's layout and paint");
  report ("map-year-step-layout-ms", layout_times, "the step frame's layout (size requests, allocation)");
  report ("map-year-step-paint-ms", paint_times, "the step frame's paint (snapshot, render)");
  report ("map-play-every-frame-ms", all_frames, "every frame while stepping, its layout and paint");
  report ("map-year-step-settle-ms", settle_times, "after the frame, until the main loop is idle");
  report ("map-year-step-first-ms", first_times, "the first step after an indicator is chosen");
  g_application_quit (g_application_get_default ());
}

static gboolean step_cb (gpointer user_data);

/* The main loop has nothing left to do: the summary and the descriptions of
 * this step are made. Then the next step, after a pause: Play steps once a
 * second (five times at most), long after the last few frames of a step
 * (the summary's, at the frame clock's ticks): the next step's frame starts
 * at once, not at the next tick (a wait of up to 16.7 ms that is no work). */
static gboolean
settled_cb (gpointer user_data)
{
  double settle = (g_get_monotonic_time () - frame_ended) / 1000.0;

  g_array_append_val (settle_times, settle);
  g_timeout_add (150, step_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  any_frame_started = g_get_monotonic_time ();
  layout_started = layout_ended = 0;
  if (step_started != 0 && frame_started == 0)
    frame_started = any_frame_started;
}

/* Connected after GTK's own handlers of the phase: "update" ends as the
 * layout begins, "layout" ends as the paint begins. */
static void
update_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  layout_started = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  layout_ended = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (!first_frame_seen)
    {
      double start = bench_process_start_seconds ();
      double now = g_get_monotonic_time () / 1e6;

      first_frame_seen = TRUE;
      g_print ("first-frame-ms %.1f\n", (now - start) * 1000.0);
      if (g_getenv ("BENCH_FIRST_FRAME_ONLY"))
        g_application_quit (g_application_get_default ());
      return;
    }
  if (stepping && any_frame_started != 0)
    {
      double ms = (g_get_monotonic_time () - any_frame_started) / 1000.0;

      if (g_getenv ("BENCH_VERBOSE"))
        g_printerr ("  frame at %.1f ms after the step: %.2f ms\n",
                    (any_frame_started - last_step_started) / 1000.0, ms);
      g_array_append_val (all_frames, ms);
    }
  any_frame_started = 0;
  if (step_started != 0 && frame_started != 0)
    {
      double ms, cpu, action, frame;

      frame_ended = g_get_monotonic_time ();
      ms = (frame_ended - step_started) / 1000.0;
      cpu = thread_cpu_ms () - step_cpu_started;
      action = (action_ended - step_started) / 1000.0;
      frame = (frame_ended - frame_started) / 1000.0;
      g_array_append_val (step_times, ms);
      g_array_append_val (step_cpu, cpu);
      g_array_append_val (action_times, action);
      g_array_append_val (frame_times, frame);
      if (layout_started != 0 && layout_ended != 0)
        {
          double layout = (layout_ended - layout_started) / 1000.0;
          double paint = (frame_ended - layout_ended) / 1000.0;

          g_array_append_val (layout_times, layout);
          g_array_append_val (paint_times, paint);
        }
      if (first_step)
        g_array_append_val (first_times, ms);
      if (g_getenv ("BENCH_VERBOSE"))
        g_printerr ("%s %d: %.2f ms (cpu %.2f, action %.2f, frame %.2f)%s at %.6f s\n",
                    dsr_window_get_indicator (window), dsr_window_get_year (window), ms, cpu, action,
                    frame, summary_changed > step_started ? " summary before the frame" : "",
                    step_started / 1e6);
      step_started = 0;
      first_step = FALSE;
      g_idle_add_full (G_PRIORITY_LOW + 100, settled_cb, NULL, NULL);
    }
}

/* The indicator @indicator_index on the map, its play years on the timeline. */
static gboolean
choose_indicator_cb (gpointer user_data)
{
  if (indicator_index >= indicators->len)
    {
      indicator_index = 0;
      if (++pass >= n_passes)
        {
          finish ();
          return G_SOURCE_REMOVE;
        }
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "indicator",
                                  g_variant_new_string (g_ptr_array_index (indicators, indicator_index)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "view", g_variant_new_string ("map"));
  year_index = 0;
  first_step = TRUE;
  /* Its first frame is not a year step: let it paint, and the idle work run. */
  g_timeout_add (300, step_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* One year step, as Play makes it: the timeline's next year with data. */
static gboolean
step_cb (gpointer user_data)
{
  GArray *years = dsr_timeline_get_years (timeline);
  int year;

  if (years->len < 2 || year_index >= years->len)
    {
      stepping = FALSE;
      indicator_index++;
      choose_indicator_cb (NULL);
      return G_SOURCE_REMOVE;
    }
  /* From the year after the one shown, round to the one shown. */
  year = g_array_index (years, int, year_index++);
  if (year == dsr_timeline_get_year (timeline))
    year = g_array_index (years, int, year_index >= years->len ? 0 : year_index++);
  if (year == dsr_timeline_get_year (timeline))
    {
      stepping = FALSE;
      indicator_index++;
      choose_indicator_cb (NULL);
      return G_SOURCE_REMOVE;
    }
  frame_started = 0;
  stepping = TRUE;
  step_started = last_step_started = g_get_monotonic_time ();
  step_cpu_started = thread_cpu_ms ();
  dsr_timeline_set_year (timeline, year);
  action_ended = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

static void
summary_changed_cb (void)
{
  summary_changed = g_get_monotonic_time ();
}

/* The summary's label: the selectable one. */
static GtkWidget *
find_summary_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_summary_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static DsrTimeline *
find_timeline (GtkWidget *widget)
{
  if (DSR_IS_TIMELINE (widget))
    return DSR_TIMELINE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DsrTimeline *found = find_timeline (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
start_steps_cb (gpointer user_data)
{
  DsrStore *store = user_data;
  GListModel *list = dsr_store_get_indicators (store);
  const char *only = g_getenv ("BENCH_INDICATOR");

  timeline = find_timeline (GTK_WIDGET (window));
  g_assert (timeline != NULL);
  if (g_getenv ("BENCH_NO_SUMMARY"))
    g_action_group_activate_action (G_ACTION_GROUP (window), "show-summary", NULL);
  if (find_summary_label (GTK_WIDGET (window)) != NULL)
    g_signal_connect (find_summary_label (GTK_WIDGET (window)), "notify::label", G_CALLBACK (summary_changed_cb),
                      NULL);
  indicators = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (list, i);
      g_autoptr(GArray) years = dsr_store_get_years (store, dsr_indicator_get_id (indicator));

      if (years->len >= 2 && (only == NULL || g_strcmp0 (only, dsr_indicator_get_id (indicator)) == 0))
        g_ptr_array_add (indicators, g_strdup (dsr_indicator_get_id (indicator)));
    }
  choose_indicator_cb (NULL);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app,
             DsrStore     *store)
{
  GdkFrameClock *clock;

  window = DSR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_maximize (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (update_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_cb), NULL);
  if (!g_getenv ("BENCH_FIRST_FRAME_ONLY"))
    g_timeout_add (500, start_steps_cb, store);
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
  action_times = g_array_new (FALSE, FALSE, sizeof (double));
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  layout_times = g_array_new (FALSE, FALSE, sizeof (double));
  paint_times = g_array_new (FALSE, FALSE, sizeof (double));
  settle_times = g_array_new (FALSE, FALSE, sizeof (double));
  first_times = g_array_new (FALSE, FALSE, sizeof (double));
  all_frames = g_array_new (FALSE, FALSE, sizeof (double));
  if (g_getenv ("BENCH_PASSES"))
    n_passes = MAX (1, atoi (g_getenv ("BENCH_PASSES")));
  /* The launch: the data loaded at start-up, as dsr-atlas loads it. The
   * steps: the data with a synthetic indicator added first. */
  if (!g_getenv ("BENCH_FIRST_FRAME_ONLY"))
    {
      store = dsr_pack_load_store (NULL, problems);
      add_synthetic_indicator (store);
    }
  app = dsr_application_new (store, problems);
  /* BENCH_PACK=DIR: the launch with that pack instead of the bundled one
   * (data/: the paper's figures alone, as before the country data). */
  if (store == NULL && g_getenv ("BENCH_PACK") != NULL)
    {
      g_autoptr(GFile) pack = g_file_new_for_path (g_getenv ("BENCH_PACK"));

      dsr_application_set_pack (app, pack);
    }
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), store);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
