/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The library of remembered imports trusts nothing in its own folder: an
 * entry folder that is a symbolic link is skipped and nothing is deleted
 * through it, entry.ini names only plain files of its folder, an
 * interrupted remember's leftovers are swept at load, and an import that
 * added no values is not remembered. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "dsr-error.h"
#include "dsr-import-library.h"
#include "dsr-import-private.h"
#include "dsr-import-test-utils.h"

#define WB_FIXTURE "wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv"

static char *
library_root (void)
{
  char *root = dsr_import_library_get_dir ();

  /* The test's own data directory (G_TEST_OPTION_ISOLATE_DIRS). */
  g_assert_true (g_str_has_prefix (root, g_get_user_data_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (root, 0700), ==, 0);
  return root;
}

/* A folder outside the library that looks like an entry of it: entry.ini
 * bringing IT.NET.USER.ZS, and files the user cares about. */
static char *
make_victim (void)
{
  char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);

  g_free (dsr_test_write_tmp (dir, "entry.ini",
                              "[Import]\nLabel=precious\nFiles=precious.txt;\nIndicators=IT.NET.USER.ZS;\n"));
  g_free (dsr_test_write_tmp (dir, "precious.txt", "the user's file"));
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_free (dsr_test_write_tmp (sub, "also.txt", "another"));
  return dir;
}

static void
assert_victim_intact (const char *dir)
{
  g_autofree char *precious = g_build_filename (dir, "precious.txt", NULL);
  g_autofree char *also = g_build_filename (dir, "sub", "also.txt", NULL);
  g_autofree char *entry = g_build_filename (dir, "entry.ini", NULL);

  g_assert_true (g_file_test (precious, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (also, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (entry, G_FILE_TEST_IS_REGULAR));
}

static gboolean
problems_mention (GPtrArray  *problems,
                  const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (((GError *) g_ptr_array_index (problems, i))->message, text) != NULL)
      return TRUE;
  return FALSE;
}

/* An entry folder that is a symbolic link: skipped with a problem, never
 * deleted through (not when a newer import of its indicator is remembered,
 * not when one of its id is, not when it is removed). */
static void
test_symlinked_entry (void)
{
  g_autofree char *root = library_root ();
  g_autofree char *victim = make_victim ();
  g_autofree char *victim2 = make_victim ();
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(DsrStore) later = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) wb = dsr_import_test_run (store, NULL, &error, WB_FIXTURE, NULL);
  g_autoptr(DsrImportEntry) entry = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *linked = g_build_filename (root, "linked", NULL);
  g_autofree char *same_id = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  same_id = g_build_filename (root, dsr_import_result_get_origin (wb), NULL);
  g_assert_cmpint (symlink (victim, linked), ==, 0);
  g_assert_cmpint (symlink (victim2, same_id), ==, 0);

  /* Not an entry; a problem at load. */
  entries = dsr_import_library_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_true (dsr_import_library_load_sync (later, NULL, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (problems_mention (problems, "symbolic link"));
  g_assert_true (problems_mention (problems, linked));

  /* A newer import of its indicator, and of its very id. */
  g_assert_true (dsr_import_result_commit (wb, store, &error));
  entry = dsr_import_library_remember (wb, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  assert_victim_intact (victim);
  assert_victim_intact (victim2);
  g_assert_cmpint (g_lstat (same_id, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (g_lstat (linked, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* "Remove" removes the link, not what it points to. */
  g_assert_true (dsr_import_library_remove ("linked", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (linked, &st), ==, -1);
  assert_victim_intact (victim);

  dsr_test_rm_rf (victim);
  dsr_test_rm_rf (victim2);
}

/* Files= names a file outside the entry's folder (up, absolute, in a
 * subfolder) or a link: the entry is skipped with a problem, the file is
 * not read. */
static void
test_files_outside (void)
{
  static const char * const bad[] = { "../../outside.csv", "/OUTSIDE", "sub/outside.csv", "..", "linked.csv" };
  g_autofree char *root = library_root ();
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "import", "data", WB_FIXTURE, NULL);
  g_autofree char *data = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *entry_dir = g_build_filename (root, "evil", NULL);
  g_autofree char *sub = g_build_filename (entry_dir, "sub", NULL);
  g_autofree char *link = g_build_filename (entry_dir, "linked.csv", NULL);
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &data, &len, NULL));
  /* imports/evil/../../outside.csv */
  outside = g_build_filename (root, "..", "outside.csv", NULL);
  g_assert_true (g_file_set_contents (outside, data, len, NULL));
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_free (dsr_test_write_tmp (sub, "outside.csv", data));
  g_assert_cmpint (symlink (outside, link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *name = g_str_equal (bad[i], "/OUTSIDE") ? outside : bad[i];
      g_autofree char *ini = g_strdup_printf ("[Import]\nLabel=evil\nFiles=%s;\nIndicators=IT.NET.USER.ZS;\n", name);
      g_autoptr(DsrStore) later = dsr_test_load_bundled ();
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("Files=%s", name);
      g_free (dsr_test_write_tmp (entry_dir, "entry.ini", ini));
      entries = dsr_import_library_list (&error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 0);
      g_assert_true (dsr_import_library_load_sync (later, NULL, problems, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 1);
      g_test_message ("%s", ((GError *) g_ptr_array_index (problems, 0))->message);
      g_assert_true (problems_mention (problems, "entry.ini") || problems_mention (problems, "linked.csv"));
      dsr_import_test_no_value (later, "IT.NET.USER.ZS", "CHN", 2020);
    }

  /* The same entry naming its own plain file is fine. */
  {
    g_autoptr(DsrStore) later = dsr_test_load_bundled ();
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
    g_autoptr(GError) error = NULL;

    g_free (dsr_test_write_tmp (entry_dir, "own.csv", data));
    g_free (dsr_test_write_tmp (entry_dir, "entry.ini",
                                "[Import]\nLabel=own\nFiles=own.csv;\nIndicators=IT.NET.USER.ZS;\n"));
    g_assert_true (dsr_import_library_load_sync (later, NULL, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
    dsr_import_test_value (later, "IT.NET.USER.ZS", "CHN", 2020, 20.25);
  }
  dsr_test_rm_rf (entry_dir);
  g_unlink (outside);
}

/* A kill during "remember" leaves a .new-XXXXXX folder: the next load
 * sweeps it (a leftover that is a link goes as a link). */
static void
test_leftovers_swept (void)
{
  g_autofree char *root = library_root ();
  g_autofree char *victim = make_victim ();
  g_autofree char *left = g_build_filename (root, ".new-Ab12Cd", NULL);
  g_autofree char *left_link = g_build_filename (root, ".new-Ef34Gh", NULL);
  g_autoptr(DsrStore) later = dsr_test_load_bundled ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (left, 0700), ==, 0);
  g_free (dsr_test_write_tmp (left, "API_big.csv", "half a copy"));
  g_assert_cmpint (symlink (victim, left_link), ==, 0);

  g_assert_true (dsr_import_library_load_sync (later, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (g_lstat (left, &st), ==, -1);
  g_assert_cmpint (g_lstat (left_link, &st), ==, -1);
  assert_victim_intact (victim);
  g_assert_cmpuint (dsr_test_count_entries (root), ==, 0);
  dsr_test_rm_rf (victim);
}

/* An import that added no values is not copied into the library. */
static void
test_empty_not_remembered (void)
{
  g_autofree char *root = library_root ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "empty.csv", "country,indicator,year,value\n");
  DsrImportStats stats = { 0 };
  DsrImportCounts counts = { 0 };
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DsrImportResult) empty = NULL;
  g_autoptr(DsrImportEntry) entry = NULL;
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (files, g_file_new_for_path (path));
  stats.n_files = 1;
  empty = dsr_import_result_new (dsr_store_new (), g_ptr_array_new (), files, NULL, &stats, &counts,
                                 g_new0 (char *, 1));
  entry = dsr_import_library_remember (empty, NULL, &error);
  g_assert_null (entry);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (dsr_test_count_entries (root), ==, 0);

  /* The same through the importer, should it accept a header-only file. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(DsrImportResult) result = dsr_importer_run_sync (store, &file, 1, NULL, NULL, NULL, NULL, &error);

    if (result != NULL)
      {
        g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 0);
        g_clear_pointer (&entry, dsr_import_entry_free);
        entry = dsr_import_library_remember (result, NULL, &error);
        g_assert_null (entry);
        g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
      }
    g_assert_cmpuint (dsr_test_count_entries (root), ==, 0);
  }
  dsr_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);
  /* The paper's figures only: the fixtures hold made-up values of indicators
   * the country pack has. */
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);

  g_test_add_func ("/import/library/symlinked-entry", test_symlinked_entry);
  g_test_add_func ("/import/library/files-outside", test_files_outside);
  g_test_add_func ("/import/library/leftovers-swept", test_leftovers_swept);
  g_test_add_func ("/import/library/empty-not-remembered", test_empty_not_remembered);
  return g_test_run ();
}
