/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dsr-error.h"
#include "dsr-import-library.h"
#include "dsr-import-test-utils.h"

/* Committing an import into the store (all or nothing, the rule for what is
 * already loaded), cancelling one, removing one, and the library of
 * remembered imports. */

#define WB_FIXTURE "wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv"

static DsrImportResult *
import_path (DsrStore               *store,
             const char             *path,
             const DsrColumnMapping *mapping)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DsrImportResult *result = dsr_importer_run_sync (store, &file, 1, mapping, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return result;
}

/* Merging ----------------------------------------------------------------------- */

static void
test_commit_is_atomic (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(DsrStore) other = dsr_test_load_bundled ();
  g_autoptr(DsrEntity) clash = dsr_entity_new ("ARB", DSR_ENTITY_COUNTRY, "Not the Arab World", 0);
  g_autoptr(DsrGrouping) bundled = dsr_grouping_new ("wb-income", "Bundled", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint staged;

  /* An entity the store has as another kind (added while the import ran):
   * the commit fails, nothing changes. */
  result = dsr_import_test_run (store, NULL, &error, WB_FIXTURE, NULL);
  g_assert_no_error (error);
  g_assert_true (dsr_store_add_entity (store, clash, NULL));
  before = dsr_test_digest (store);
  staged = dsr_store_get_n_observations (dsr_import_result_get_staging (result));
  g_assert_cmpuint (staged, ==, 29);
  g_assert_false (dsr_import_result_commit (result, store, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_assert_true (strstr (error->message, "“ARB”") != NULL);
  g_clear_error (&error);
  after = dsr_test_digest (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (dsr_store_get_grouping (store, "wb-region"));
  g_assert_null (dsr_store_get_entity (store, "XKX"));

  /* The staging is untouched too: the same result commits elsewhere. */
  g_assert_cmpuint (dsr_store_get_n_observations (dsr_import_result_get_staging (result)), ==, staged);
  g_assert_true (dsr_import_result_commit (result, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_store_get_n_observations (dsr_import_result_get_staging (result)), ==, 0);
  dsr_import_test_value (other, "IT.NET.USER.ZS", "DEU", 2019, 60);
  /* Once. */
  g_assert_false (dsr_import_result_commit (result, other, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);

  /* A grouping of the store's own data cannot be replaced by an import. */
  g_clear_object (&result);
  g_clear_object (&store);
  store = dsr_test_load_bundled ();
  g_assert_true (dsr_store_add_grouping (store, bundled, NULL));
  g_free (before);
  before = dsr_test_digest (store);
  result = dsr_import_test_run (store, NULL, &error, WB_FIXTURE, NULL);
  g_assert_false (dsr_import_result_commit (result, store, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_free (after);
  after = dsr_test_digest (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_reimport_replaces (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) first = dsr_import_test_run (store, NULL, &error, WB_FIXTURE, NULL);
  g_autoptr(DsrImportResult) second = NULL;
  g_autoptr(DsrImportResult) tidy = NULL;
  guint n_bundled = dsr_store_get_n_observations (store);

  g_assert_true (dsr_import_result_commit (first, store, &error));
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, n_bundled + 29);
  g_assert_cmpstr (dsr_store_get_indicator_origin (store, "IT.NET.USER.ZS"), ==,
                   dsr_import_result_get_origin (first));

  /* A newer download of the same indicator: its values replace the whole
   * earlier import of it; the paper's figure stays. */
  path = dsr_test_write_tmp (dir, "API_IT.NET.USER.ZS_DS2_en_csv_v2_10.csv",
                             "Country Name,Country Code,Indicator Name,Indicator Code,2019,2020\n"
                             "China,CHN,Individuals using the Internet (% of population),IT.NET.USER.ZS,1,2\n");
  second = import_path (store, path, NULL);
  g_assert_true (dsr_import_result_commit (second, store, &error));
  g_assert_no_error (error);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "CHN", 2019, 1);
  dsr_import_test_no_value (store, "IT.NET.USER.ZS", "CHN", 2021);
  dsr_import_test_no_value (store, "IT.NET.USER.ZS", "DEU", 2019);
  dsr_import_test_no_value (store, "IT.NET.USER.ZS", "WLD", 2021);
  dsr_import_test_value (store, "DSR.PAPER.NET.USER", "BRI", 2021, 59.86);
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, n_bundled + 2);
  g_assert_true (strstr (dsr_import_result_get_summary (second), "replaces 29 values of an earlier import") != NULL);
  g_assert_cmpstr (dsr_store_get_indicator_origin (store, "IT.NET.USER.ZS"), ==,
                   dsr_import_result_get_origin (second));
  /* The first import's groupings are still there (the second had none). */
  g_assert_nonnull (dsr_store_get_grouping (store, "wb-region"));

  /* An indicator that came from an import takes the newer import's metadata. */
  tidy = dsr_import_test_run (store, NULL, &error, "tidy/tidy-codes.csv", NULL);
  g_assert_true (dsr_import_result_commit (tidy, store, &error));
  g_assert_cmpstr (dsr_indicator_get_unit (dsr_store_get_indicator (store, "DSR.TEST.A")), ==, "% of GDP");
  g_clear_object (&tidy);
  g_free (path);
  path = dsr_test_write_tmp (dir, "again.csv", "iso3,indicator,year,value,unit\nCHN,DSR.TEST.A,2022,9,%\n");
  tidy = import_path (store, path, NULL);
  g_assert_true (dsr_import_result_commit (tidy, store, &error));
  g_assert_cmpstr (dsr_indicator_get_unit (dsr_store_get_indicator (store, "DSR.TEST.A")), ==, "%");
  dsr_import_test_no_value (store, "DSR.TEST.A", "KAZ", 2020);
  dsr_import_test_value (store, "DSR.TEST.A", "CHN", 2022, 9);
  /* The paper's 17, IT.NET.USER.ZS (in the country pack, not the paper's) and DSR.TEST.A. */
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), ==, 19);

  dsr_test_rm_rf (dir);
}

static void
test_bundled_wins (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "bri.csv",
                                              "iso3,indicator,year,value\n"
                                              "BRI,DSR.PAPER.NET.USER,2021,1\n"
                                              "CHN,IT.NET.USER.ZS,2021,2\n");
  g_autoptr(DsrImportResult) result = import_path (store, path, NULL);
  g_autoptr(GError) error = NULL;
  const DsrImportProblem *problem;

  g_assert_true (dsr_import_result_commit (result, store, &error));
  dsr_import_test_value (store, "DSR.PAPER.NET.USER", "BRI", 2021, 59.86);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "CHN", 2021, 2);
  problem = dsr_import_test_problem (result, "the bundled data has its own value for DSR.PAPER.NET.USER, BRI, 2021");
  g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_VALUE_SKIPPED);
  g_assert_true (g_str_has_suffix (dsr_import_result_get_summary (result), "; 1 value kept from the bundled data"));
  dsr_test_rm_rf (dir);
}

static void
test_remove_import (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = dsr_import_test_run (store, NULL, &error, WB_FIXTURE, "tidy/tidy-codes.csv", NULL);
  guint n_bundled = dsr_store_get_n_observations (store);
  guint n_indicators = g_list_model_get_n_items (dsr_store_get_indicators (store));
  guint n_groupings = g_list_model_get_n_items (dsr_store_get_groupings (store));

  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, n_bundled + 33);
  g_assert_cmpuint (dsr_store_remove_import (store, "someone else"), ==, 0);
  g_assert_cmpuint (dsr_store_remove_import (store, dsr_import_result_get_origin (result)), ==, 33);
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, n_bundled);
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), ==, n_indicators);
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_groupings (store)), ==, n_groupings);
  g_assert_null (dsr_store_get_indicator (store, "DSR.TEST.A"));
  /* IT.NET.USER.ZS came with the import (the paper's pack has only DSR.PAPER.NET.USER). */
  g_assert_null (dsr_store_get_indicator (store, "IT.NET.USER.ZS"));
  dsr_import_test_value (store, "DSR.PAPER.NET.USER", "BRI", 2021, 59.86);
}

/* Cancel ---------------------------------------------------------------------- */

typedef struct
{
  GCancellable *cancellable;
  GMutex        lock;
  gint64        cancelled_at;
  guint64       rows_at_cancel;
  guint         n_reports;
  double        last_fraction;
  gint64        finished_at;
  GError       *error;
  DsrImportResult *result;
  gboolean      done;
} CancelData;

static void
cancel_on_progress (const DsrImportProgress *progress,
                    gpointer                 user_data)
{
  CancelData *data = user_data;

  g_mutex_lock (&data->lock);
  data->n_reports++;
  g_assert_cmpfloat (progress->fraction, >=, data->last_fraction);
  g_assert_cmpfloat (progress->fraction, <=, 1.0);
  data->last_fraction = progress->fraction;
  if (progress->n_rows > 0 && data->cancelled_at == 0)
    {
      data->rows_at_cancel = progress->n_rows;
      data->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (data->cancellable);
    }
  g_mutex_unlock (&data->lock);
}

#define BIG_ROWS 20000

static void
import_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  CancelData *data = user_data;

  data->result = dsr_importer_run_finish (res, &data->error);
  data->finished_at = g_get_monotonic_time ();
  data->done = TRUE;
}

/* Cancel from the progress callback, in the middle of a large file: the
 * import fails with G_IO_ERROR_CANCELLED, soon, and the store is as it was.
 * @async: on a worker thread with the main loop running, else on this one. */
static void
test_cancel (gconstpointer async)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *before = dsr_test_digest (store);
  g_autofree char *after = NULL;
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_import_test_write_wide (dir, BIG_ROWS);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelData data = { 0 };
  double latency_ms;

  data.cancellable = cancellable;
  g_mutex_init (&data.lock);
  if (async != NULL)
    {
      dsr_importer_run_async (store, &file, 1, NULL, cancellable, cancel_on_progress, &data, import_done, &data);
      while (!data.done)
        g_main_context_iteration (NULL, TRUE);
    }
  else
    {
      data.result = dsr_importer_run_sync (store, &file, 1, NULL, cancellable, cancel_on_progress, &data,
                                           &data.error);
      data.finished_at = g_get_monotonic_time ();
    }

  g_assert_null (data.result);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (data.rows_at_cancel, >, 0);
  g_assert_cmpuint (data.rows_at_cancel, <, BIG_ROWS);
  latency_ms = (data.finished_at - data.cancelled_at) / 1000.0;
  g_test_message ("cancelled after %" G_GUINT64_FORMAT " rows; the import ended %.1f ms later",
                  data.rows_at_cancel, latency_ms);
  after = dsr_test_digest (store);
  g_assert_cmpstr (before, ==, after);

  g_clear_error (&data.error);
  g_mutex_clear (&data.lock);
  dsr_test_rm_rf (dir);
}

static void
test_async_import (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GFile) file = dsr_import_test_file (WB_FIXTURE);
  CancelData data = { 0 };
  g_autoptr(GError) error = NULL;

  dsr_importer_run_async (store, &file, 1, NULL, NULL, NULL, NULL, import_done, &data);
  while (!data.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (data.error);
  g_assert_true (dsr_import_result_commit (data.result, store, &error));
  dsr_import_test_value (store, "IT.NET.USER.ZS", "KAZ", 2021, 50.5);
  g_clear_object (&data.result);
}

/* The library ------------------------------------------------------------------ */

static void
load_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (res);
}

static void
test_library (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(DsrStore) later = dsr_test_load_bundled ();
  g_autoptr(DsrStore) later_async = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) wb = dsr_import_test_run (store, NULL, &error, WB_FIXTURE, NULL);
  g_autoptr(DsrColumnMapping) mapping =
    dsr_column_mapping_parse ("country=land,year=jahr,indicator=kennzahl,value=wert", NULL);
  g_autoptr(DsrImportResult) mapped = dsr_import_test_run (store, mapping, &error, "tidy/mapped.csv", NULL);
  g_autoptr(DsrImportResult) wb_again = NULL;
  g_autoptr(DsrImportEntry) first = NULL;
  g_autoptr(DsrImportEntry) second = NULL;
  g_autoptr(DsrImportEntry) third = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autofree char *root = dsr_import_library_get_dir ();

  /* The test's own data directory (G_TEST_OPTION_ISOLATE_DIRS). */
  g_assert_true (g_str_has_prefix (root, g_get_user_data_dir ()));
  entries = dsr_import_library_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_true (dsr_import_result_commit (wb, store, &error));
  first = dsr_import_library_remember (wb, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->id, ==, dsr_import_result_get_origin (wb));
  g_assert_cmpstr (first->label, ==, "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv");
  g_assert_cmpuint (g_strv_length (first->files), ==, 3);
  for (guint i = 0; first->files[i] != NULL; i++)
    {
      g_assert_true (g_str_has_prefix (first->files[i], root));
      g_assert_true (g_file_test (first->files[i], G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpstrv (first->indicators, ((const char *[]) { "IT.NET.USER.ZS", NULL }));

  g_assert_true (dsr_import_result_commit (mapped, store, &error));
  second = dsr_import_library_remember (mapped, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second->mapping);
  g_assert_cmpstr (second->mapping->value, ==, "wert");

  entries = dsr_import_library_list (&error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((DsrImportEntry *) g_ptr_array_index (entries, 0))->id, ==, first->id);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* At the next start: everything back, with the same origins. */
  g_assert_true (dsr_import_library_load_sync (later, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  dsr_import_test_value (later, "IT.NET.USER.ZS", "CHN", 2020, 20.25);
  dsr_import_test_value (later, "DSR.TEST.MAPPED", "KAZ", 2020, 8.5);
  g_assert_nonnull (dsr_store_get_grouping (later, "wb-region"));
  g_assert_cmpstr (dsr_store_get_indicator_origin (later, "IT.NET.USER.ZS"), ==, first->id);

  dsr_import_library_load_async (later_async, NULL, NULL, NULL, load_done, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dsr_import_library_load_finish (later_async, async_result, problems, &error));
  g_assert_no_error (error);
  dsr_import_test_value (later_async, "DSR.TEST.MAPPED", "CHN", 2020, 7.5);
  {
    g_autofree char *a = dsr_test_digest (later);
    g_autofree char *b = dsr_test_digest (later_async);

    g_assert_cmpstr (a, ==, b);
  }

  /* The same indicator imported again supersedes the first entry. */
  wb_again = dsr_import_test_run (store, NULL, &error, WB_FIXTURE, NULL);
  g_assert_true (dsr_import_result_commit (wb_again, store, &error));
  third = dsr_import_library_remember (wb_again, NULL, &error);
  g_assert_no_error (error);
  entries = dsr_import_library_list (&error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_false (g_file_test (first->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Removing one. */
  g_assert_true (dsr_import_library_remove (second->id, &error));
  g_assert_false (dsr_import_library_remove (second->id, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (dsr_import_library_remove ("../x", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  entries = dsr_import_library_list (&error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((DsrImportEntry *) g_ptr_array_index (entries, 0))->id, ==, third->id);

  /* An entry whose files went missing is a problem at start-up, not a failure. */
  g_assert_cmpint (g_unlink (third->files[0]), ==, 0);
  {
    g_autoptr(DsrStore) again = dsr_test_load_bundled ();

    g_ptr_array_set_size (problems, 0);
    g_assert_true (dsr_import_library_load_sync (again, NULL, problems, &error));
    g_assert_cmpuint (problems->len, ==, 1);
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, 0))->message);
    g_assert_true (strstr (((GError *) g_ptr_array_index (problems, 0))->message, "Remembered import") != NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);
  /* The importers against the paper's pack alone: the fixtures hold made-up
   * values for indicators the country pack has (IT.NET.USER.ZS). */
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);

  g_test_add_func ("/import/commit/atomic", test_commit_is_atomic);
  g_test_add_func ("/import/commit/reimport-replaces", test_reimport_replaces);
  g_test_add_func ("/import/commit/bundled-wins", test_bundled_wins);
  g_test_add_func ("/import/commit/remove", test_remove_import);
  g_test_add_data_func ("/import/cancel/sync", NULL, test_cancel);
  g_test_add_data_func ("/import/cancel/async", "async", test_cancel);
  g_test_add_func ("/import/async", test_async_import);
  g_test_add_func ("/import/library", test_library);

  return g_test_run ();
}
