/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-summary"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dsr-pack.h"
#include "dsr-summary.h"

/* Times one written summary on the bundled data: internet use in 2022 as
 * bars, table, map and trend, the paper's Figure 4, and ICT service
 * exports (a sum). For each, the whole dsr_summary_text() (the view's
 * numbers gathered, as a render gathers them, then the sentences) and,
 * for the charts, the sentences alone from numbers already gathered
 * (dsr_summary_chart_text(): what a summary adds to a render that has its
 * DsrChartData). Prints the median and 90th percentile of many runs.
 * Target: a summary under 1 ms. */

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
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
  gsize length = 0;

  for (guint i = 0; i < 3; i++)
    g_free (dsr_summary_text (store, view, NULL));
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *text = dsr_summary_text (store, view, NULL);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert (text != NULL);
      length = strlen (text);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_double);
  g_print ("%-40s whole     median %6.3f ms   p90 %6.3f ms   (%u runs, %zu bytes)\n", label,
           g_array_index (times, double, runs / 2), g_array_index (times, double, runs * 9 / 10), runs, length);
  if (view->kind == DSR_VIEW_MAP)
    return;

  /* The sentences alone. */
  {
    g_autoptr(DsrChartData) data = dsr_chart_data_new (store, view);

    g_array_set_size (times, 0);
    for (guint i = 0; i < runs; i++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autofree char *text = dsr_summary_chart_text (data, NULL);
        double ms = (g_get_monotonic_time () - start) / 1000.0;

        g_assert (text != NULL);
        g_array_append_val (times, ms);
      }
    g_array_sort (times, compare_double);
    g_print ("%-40s sentences median %6.3f ms   p90 %6.3f ms\n", "",
             g_array_index (times, double, runs / 2), g_array_index (times, double, runs * 9 / 10));
  }
}

static DsrView *
make_view (DsrViewKind  kind,
           const char  *indicator,
           const char  *grouping,
           int          year)
{
  DsrView *view = dsr_view_new ();

  view->kind = kind;
  view->indicator_id = g_strdup (indicator);
  view->grouping_id = g_strdup (grouping);
  view->year = year;
  return view;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 200;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  struct { const char *label; DsrViewKind kind; const char *indicator, *grouping; int year; } cases[] = {
    { "bars: internet use 2022, by region", DSR_VIEW_BARS, "IT.NET.USER.ZS", "bri-region", 2022 },
    { "table: internet use 2022", DSR_VIEW_TABLE, "IT.NET.USER.ZS", "bri-region", 2022 },
    { "map: internet use 2022, by economy", DSR_VIEW_MAP, "IT.NET.USER.ZS", "bri-region", 2022 },
    { "trend: internet use, 1990-2022", DSR_VIEW_TREND, "IT.NET.USER.ZS", "bri-region", 2022 },
    { "bars: Figure 4 (GCI 2020), by continent", DSR_VIEW_BARS, "ITU.GCI.2020", "bri-continent", 2020 },
    { "bars: ICT service exports 2022 (sum)", DSR_VIEW_BARS, "BX.GSR.CCIS.CD", "bri-region", 2022 },
  };

  setlocale (LC_ALL, "");
  if (runs < 10)
    runs = 10;
  store = dsr_pack_load_store (NULL, problems);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DsrView) view = make_view (cases[i].kind, cases[i].indicator, cases[i].grouping, cases[i].year);

      bench (cases[i].label, store, view, runs);
    }
  return 0;
}
