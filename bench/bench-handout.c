/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-handout"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "dsr-export.h"
#include "dsr-handout.h"
#include "dsr-pack.h"

/* Times writing a class handout (planning, drawing every page, the PDF, and
 * the atomic write of dsr_export_write_file ()).
 *
 * With the bundled data, internet use has 8 years with values under the
 * default rules (2015–2022: the Belt and Road's members as of each year
 * cover too few regions before): its 8 yearly map pages, the same as bars
 * and tables, and the four views of the indicator. Then a made-up
 * indicator with a value for every economy in 44 years (2025–2068, years
 * to come, so that every current member counts): 11 and 44 yearly map pages,
 * which shows the cost per page stays the same as a handout grows. Prints
 * the median and the 90th percentile of RUNS runs, and the median per page. */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench (const char              *label,
       DsrStore                *store,
       const DsrView           *view,
       const DsrHandoutOptions *options,
       const char              *path,
       guint                    runs)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
  guint pages = 0;
  gsize size = 0;
  double median;

  for (guint i = 0; i < runs + 1; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(DsrHandout) handout = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      double ms;

      handout = dsr_handout_new (store, view, options, &error);
      if (handout == NULL || (pdf = dsr_handout_finish (handout, &error)) == NULL
          || !dsr_export_write_file (path, pdf, &error))
        g_error ("%s: %s", label, error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      pages = dsr_handout_get_n_pages (handout);
      size = g_bytes_get_size (pdf);
      if (i > 0)  /* the first run warms the fonts and the map's borders */
        g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_double);
  median = g_array_index (times, double, runs / 2);
  g_print ("%-36s %2u pages  median %7.1f ms  p90 %7.1f ms  %5.1f ms/page  %5zu kB  (%u runs)\n", label, pages,
           median, g_array_index (times, double, runs * 9 / 10), median / pages, size / 1024, runs);
}

/* A made-up indicator: a value for every economy in each year from 2025 to
 * 2068. */
static void
add_synthetic (DsrStore *store)
{
  g_autoptr(DsrIndicator) indicator = dsr_indicator_new ("BENCH.SYN", "Synthetic indicator", "%",
                                                         DSR_THEME_INFRASTRUCTURE, "Benchmark", 1, TRUE, "");
  g_autoptr(GPtrArray) countries = dsr_store_list_countries (store);

  dsr_store_add_indicator (store, indicator, NULL);
  for (guint i = 0; i < countries->len; i++)
    for (int year = 2025; year <= 2068; year++)
      dsr_store_add_observation (store, "BENCH.SYN", g_ptr_array_index (countries, i), year,
                                 20 + fmod (i * 7.3 + (year - 2025) * 3.1, 70), DSR_QUALIFIER_EXACT,
                                 "Benchmark", "", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autofree char *dir = g_dir_make_tmp ("dsr-bench-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  DsrHandoutOptions all = { DSR_HANDOUT_PAGES_YEARS, 0, 0 };
  DsrHandoutOptions views = { DSR_HANDOUT_PAGES_VIEWS, 2012, 2022 };
  DsrHandoutOptions eleven = { DSR_HANDOUT_PAGES_YEARS, 2025, 2035 };
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 10;

  setlocale (LC_ALL, "");
  store = dsr_pack_load_store (NULL, problems);
  runs = MAX (runs, 3);

  add_synthetic (store);

  view->indicator_id = g_strdup ("IT.NET.USER.ZS");
  view->kind = DSR_VIEW_MAP;
  bench ("internet use: map, a page a year", store, view, &all, path, runs);
  view->kind = DSR_VIEW_BARS;
  bench ("internet use: bars, a page a year", store, view, &all, path, runs);
  view->kind = DSR_VIEW_TABLE;
  bench ("internet use: table, a page a year", store, view, &all, path, runs);
  view->year = 2022;
  bench ("internet use: a page per view", store, view, &views, path, runs);

  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("BENCH.SYN");
  view->kind = DSR_VIEW_MAP;
  view->year = 0;
  bench ("made-up: map, 2025–2035", store, view, &eleven, path, runs);
  bench ("made-up: map, 2025–2068", store, view, &all, path, MAX (runs / 2, 3));

  g_remove (path);
  g_rmdir (dir);
  return 0;
}
