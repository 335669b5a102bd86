/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dsr-import-test-utils.h"

/* A fixture of tests/import/data/. */
GFile *
dsr_import_test_file (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", "data", relative, NULL);

  return g_file_new_for_path (path);
}

/* Imports the fixtures named (relative to tests/import/data/, NULL-ended)
 * with @store's codes; the result, or NULL with @error. */
DsrImportResult *
dsr_import_test_run (DsrStore               *store,
                     const DsrColumnMapping *mapping,
                     GError                **error,
                     const char             *first,
                     ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  DsrImportResult *result;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (files, dsr_import_test_file (name));
  va_end (args);

  result = dsr_importer_run_sync (store, (GFile **) files->pdata, files->len, mapping, NULL, NULL, NULL,
                                  error);
  if (result != NULL)
    {
      GPtrArray *problems = dsr_import_result_get_problems (result);

      g_test_message ("%s", dsr_import_result_get_summary (result));
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("problem: %s",
                        ((DsrImportProblem *) g_ptr_array_index (problems, i))->error->message);
    }
  return result;
}

void
dsr_import_test_value (DsrStore   *store,
                       const char *indicator,
                       const char *entity,
                       int         year,
                       double      expected)
{
  DsrObservation obs;

  if (!dsr_store_lookup (store, indicator, entity, year, &obs))
    g_error ("no value for %s, %s, %d", indicator, entity, year);
  g_assert_cmpfloat (obs.value, ==, expected);
}

void
dsr_import_test_no_value (DsrStore   *store,
                          const char *indicator,
                          const char *entity,
                          int         year)
{
  if (dsr_store_lookup (store, indicator, entity, year, NULL))
    g_error ("unexpected value for %s, %s, %d", indicator, entity, year);
}

/* The problem whose message contains @text; the test fails without one. */
const DsrImportProblem *
dsr_import_test_problem (DsrImportResult *result,
                         const char      *text)
{
  GPtrArray *problems = dsr_import_result_get_problems (result);

  for (guint i = 0; i < problems->len; i++)
    {
      const DsrImportProblem *problem = g_ptr_array_index (problems, i);

      if (strstr (problem->error->message, text) != NULL)
        return problem;
    }
  g_error ("no problem mentions “%s”", text);
  return NULL;
}

/* A World Bank bulk-shaped file of @n_rows rows (economies x indicators of
 * real ISO codes) in @dir; its path. */
char *
dsr_import_test_write_wide (const char *dir,
                            guint       n_rows)
{
  static const char *codes[] = { "CHN", "KAZ", "DEU", "IND", "PAK", "EGY", "BRA", "KEN", "IDN", "TUR" };
  g_autoptr(GString) text = g_string_new ("Country Name,Country Code,Indicator Name,Indicator Code");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "WDICSV.csv", NULL);

  for (int y = 1960; y < 2024; y++)
    g_string_append_printf (text, ",%d", y);
  g_string_append (text, "\r\n");
  for (guint r = 0; r < n_rows; r++)
    {
      const char *code = codes[r % G_N_ELEMENTS (codes)];

      guint indicator = r / (guint) G_N_ELEMENTS (codes);

      g_string_append_printf (text, "Economy %s,%s,Generated %u (%% of test),DSR.GEN.%u", code, code,
                              indicator, indicator);
      for (int y = 1960; y < 2024; y++)
        g_string_append_printf (text, ",%u.%02d", r % 97, y % 100);
      g_string_append (text, "\r\n");
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}
