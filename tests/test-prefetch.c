/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "dsr-map-borders.h"
#include "dsr-pack.h"
#include "dsr-prefetch.h"
#include "dsr-test-utils.h"

/* The start-up's second thread: what it loads is what the first thread
 * would have loaded, problems included, and it is always waited for. */

static void
test_pack_equals_direct_load (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) direct_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) direct = dsr_pack_load_store (NULL, direct_problems);
  g_autoptr(DsrStore) store = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *direct_digest = NULL;

  store = dsr_prefetch_finish (dsr_prefetch_start (DSR_PREFETCH_PACK | DSR_PREFETCH_BORDERS, NULL), problems);
  g_assert_nonnull (store);
  g_assert_cmpuint (problems->len, ==, direct_problems->len);
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), >, 0);
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, dsr_store_get_n_observations (direct));
  digest = dsr_test_digest (store);
  direct_digest = dsr_test_digest (direct);
  g_assert_cmpstr (digest, ==, direct_digest);
}

/* A broken pack: the problems reach the caller, named as a direct load names them. */
static void
test_pack_problems_handed_over (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "observations.csv", NULL);
  g_autoptr(GFile) gdir = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) direct_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrStore) direct = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *broken = NULL;
  GError *first = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "already there");

  dsr_test_copy_pack (dir);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  broken = g_strconcat (contents, "DSR.NOPE,WLD,2018,1,,,\n", NULL);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));

  /* Appended after what the list held. */
  g_ptr_array_add (problems, first);
  store = dsr_prefetch_finish (dsr_prefetch_start (DSR_PREFETCH_PACK, gdir), problems);
  direct = dsr_pack_load_store (gdir, direct_problems);
  g_assert_nonnull (store);
  g_assert_cmpuint (direct_problems->len, >=, 1);
  g_assert_cmpuint (problems->len, ==, direct_problems->len + 1);
  g_assert_true (g_ptr_array_index (problems, 0) == first);
  for (guint i = 0; i < direct_problems->len; i++)
    {
      const GError *e = g_ptr_array_index (problems, i + 1);
      const GError *d = g_ptr_array_index (direct_problems, i);

      g_assert_cmpstr (e->message, ==, d->message);
      g_assert_true (e->domain == d->domain && e->code == d->code);
    }
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (problems, 1))->message, "DSR.NOPE"));
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, dsr_store_get_n_observations (direct));
  dsr_test_rm_rf (dir);
}

/* Borders only: no store, and the borders are the program's one instance. */
static void
test_borders_shared (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrMapData) borders = NULL;
  g_autoptr(DsrMapData) again = NULL;
  g_autoptr(GError) error = NULL;

  store = dsr_prefetch_finish (dsr_prefetch_start (DSR_PREFETCH_BORDERS, NULL), problems);
  g_assert_null (store);
  g_assert_cmpuint (problems->len, ==, 0);
  borders = dsr_map_data_load_bundled (&error);
  g_assert_no_error (error);
  again = dsr_map_data_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_true (borders == again);
  g_assert_cmpuint (dsr_map_data_get_n_features (borders), >, 200);
}

/* Dropped unfinished (an early error exit): the thread is waited for and
 * what it loaded is freed (the sanitizer build checks for leaks). */
static void
test_free_unfinished (void)
{
  g_autoptr(DsrPrefetch) prefetch = dsr_prefetch_start (DSR_PREFETCH_PACK | DSR_PREFETCH_BORDERS, NULL);

  g_assert_nonnull (prefetch);
  g_clear_pointer (&prefetch, dsr_prefetch_free);
  g_assert_null (prefetch);
  dsr_prefetch_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/prefetch/pack", test_pack_equals_direct_load);
  g_test_add_func ("/prefetch/pack-problems", test_pack_problems_handed_over);
  g_test_add_func ("/prefetch/borders", test_borders_shared);
  g_test_add_func ("/prefetch/free-unfinished", test_free_unfinished);
  return g_test_run ();
}
