/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-bench-import"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "dsr-importer.h"
#include "dsr-pack.h"

/* Times the import of one file as the application does it: into a store
 * with iso-codes' countries and the bundled pack, read on this thread, then
 * committed. Prints the figures, and a last line for scripts:
 *
 *   RESULT seconds=S peak_kb=K bytes=B rows=R values=V
 *
 * Usage: dsr-bench-import FILE */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const DsrImportStats *stats;
  struct rusage usage;
  double read_s, commit_s, total_s;
  gint64 start, committed;
  guint64 bytes;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }

  store = dsr_pack_load_store (NULL, problems);
  file = g_file_new_for_commandline_arg (argv[1]);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  bytes = g_file_info_get_size (info);

  start = g_get_monotonic_time ();
  result = dsr_importer_run_sync (store, &file, 1, NULL, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  read_s = seconds_since (start);
  committed = g_get_monotonic_time ();
  if (!dsr_import_result_commit (result, store, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  commit_s = seconds_since (committed);
  total_s = seconds_since (start);
  getrusage (RUSAGE_SELF, &usage);
  stats = dsr_import_result_get_stats (result);

  printf ("file        %s (%.1f MB)\n", argv[1], bytes / 1e6);
  printf ("summary     %s\n", dsr_import_result_get_summary (result));
  printf ("read        %.2f s\n", read_s);
  printf ("commit      %.2f s\n", commit_s);
  printf ("total       %.2f s, %.0f MB/s\n", total_s, bytes / 1e6 / total_s);
  printf ("peak RSS    %.0f MB\n", usage.ru_maxrss / 1024.0);
  printf ("store       %u values\n", dsr_store_get_n_observations (store));
  printf ("RESULT seconds=%.3f peak_kb=%ld bytes=%" G_GUINT64_FORMAT " rows=%" G_GUINT64_FORMAT
          " values=%" G_GUINT64_FORMAT "\n",
          total_s, usage.ru_maxrss, bytes, stats->n_rows, stats->n_values);
  return 0;
}
