/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled pack: its size in the program and the time to load it (the
 * iso-codes countries, the paper's CSV files and the country pack), median
 * of RUNS; and the paper's pack alone (DSR_ATLAS_PACK=paper) for comparison.
 *   build/bench/bench-pack [RUNS] */
#include "config.h"

#include <stdlib.h>

#include "dsr-pack.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_load_ms (int       runs,
                guint    *n_observations)
{
  g_autofree double *times = g_new (double, runs);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(DsrStore) store = dsr_pack_load_store (NULL, problems);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      *n_observations = dsr_store_get_n_observations (store);
      if (problems->len > 0)
        g_error ("%s", ((GError *) g_ptr_array_index (problems, 0))->message);
    }
  qsort (times, (size_t) runs, sizeof (double), compare_doubles);
  return times[runs / 2];
}

int
main (int    argc,
      char **argv)
{
  int runs = argc > 1 ? atoi (argv[1]) : 21;
  gsize size = 0;
  guint n_all = 0, n_paper = 0;
  double all, paper;

  if (runs < 1)
    runs = 1;
  g_resources_get_info (DSR_PACK_RESOURCE_URI_PATH DSR_COUNTRY_PACK_FILE, 0, &size, NULL, NULL);
  all = median_load_ms (runs, &n_all);
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);
  paper = median_load_ms (runs, &n_paper);
  g_print ("country pack: %" G_GSIZE_FORMAT " bytes in the resource\n", size);
  g_print ("load, with the country pack: median %.1f ms (%u values, n=%d)\n", all, n_all, runs);
  g_print ("load, the paper's pack alone: median %.1f ms (%u values, n=%d)\n", paper, n_paper, runs);
  return 0;
}
