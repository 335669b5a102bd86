/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "dsr-pack.h"
#include "dsr-test-utils.h"

void
dsr_test_init (int    *argc,
               char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* Window tests keep the system's data directories: GTK needs its schemas and themes. */
void
dsr_test_init_gui (int    *argc,
                   char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  /* Several test programs run in one D-Bus session: each its own instance. */
  g_setenv ("DSR_ATLAS_NON_UNIQUE", "1", TRUE);
  g_test_init (argc, argv, NULL);
}

/* The bundled pack with the iso-codes countries; the test fails on any problem. */
DsrStore *
dsr_test_load_bundled (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  DsrStore *store = dsr_pack_load_store (NULL, problems);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  return store;
}

/* A store with the world and a few countries, for hand-made tests. */
DsrStore *
dsr_test_store_with_countries (const char * const *iso3)
{
  DsrStore *store = dsr_store_new ();
  g_autoptr(DsrEntity) world = dsr_entity_new (DSR_ENTITY_ID_WORLD, DSR_ENTITY_WORLD, "World", 0);

  g_assert_true (dsr_store_add_entity (store, world, NULL));
  for (guint i = 0; iso3[i] != NULL; i++)
    {
      g_autoptr(DsrEntity) country = dsr_entity_new (iso3[i], DSR_ENTITY_COUNTRY, iso3[i], (int) i + 1);

      g_assert_true (dsr_store_add_entity (store, country, NULL));
    }
  return store;
}

char *
dsr_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dsr-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
dsr_test_write_tmp (const char *dir,
                    const char *name,
                    const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Copies the source tree's data pack CSV files into @dir. */
void
dsr_test_copy_pack (const char *dir)
{
  const char *files[] = { "indicators.csv", "groupings.csv", "regions.csv", "bri-economies.csv",
                          "observations.csv" };
  const char *src = g_getenv ("DSR_SOURCE_DATA");

  g_assert_nonnull (src);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (src, files[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *to = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (from, &contents, NULL, &error);
      g_assert_no_error (error);
      to = dsr_test_write_tmp (dir, files[i], contents);
    }
}

void
dsr_test_rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          dsr_test_rm_rf (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* How many files and folders @dir holds (to see that nothing was left). */
guint
dsr_test_count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A digest of everything in the store: indicators, entities, groupings and
 * every observation, to check that a failed load changed nothing. */
char *
dsr_test_digest (DsrStore *store)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GListModel *indicators = dsr_store_get_indicators (store);
  GListModel *entities = dsr_store_get_entities (store);
  GListModel *groupings = dsr_store_get_groupings (store);
  guint n_ind = g_list_model_get_n_items (indicators);
  guint n_ent = g_list_model_get_n_items (entities);

  for (guint e = 0; e < n_ent; e++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, e);

      g_checksum_update (sum, (const guchar *) dsr_entity_get_id (entity), -1);
    }
  for (guint g = 0; g < g_list_model_get_n_items (groupings); g++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (groupings, g);

      g_checksum_update (sum, (const guchar *) dsr_grouping_get_id (grouping), -1);
      for (guint r = 0; r < dsr_grouping_get_n_regions (grouping); r++)
        {
          DsrRegion *region = dsr_grouping_get_region (grouping, r);

          for (guint m = 0; m < dsr_region_get_n_members (region); m++)
            g_checksum_update (sum, (const guchar *) dsr_region_get_member (region, m, NULL, NULL), -1);
        }
    }
  for (guint i = 0; i < n_ind; i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GArray) years = dsr_store_get_years (store, dsr_indicator_get_id (indicator));

      g_checksum_update (sum, (const guchar *) dsr_indicator_get_id (indicator), -1);
      for (guint y = 0; y < years->len; y++)
        for (guint e = 0; e < n_ent; e++)
          {
            g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, e);
            DsrObservation obs;

            if (dsr_store_lookup (store, dsr_indicator_get_id (indicator), dsr_entity_get_id (entity),
                                  g_array_index (years, int, y), &obs))
              {
                g_autofree char *line = g_strdup_printf ("%s|%d|%.17g|%s|%s",
                                                         dsr_entity_get_id (entity), obs.year,
                                                         obs.value, obs.source, obs.note);

                g_checksum_update (sum, (const guchar *) line, -1);
              }
          }
    }
  g_checksum_update (sum, (const guchar *) &n_ent, sizeof n_ent);
  return g_strdup (g_checksum_get_string (sum));
}

/* Runs this test's subprocess (g_test_trap_subprocess ()), which drops root
 * for "nobody" when run as root. LeakSanitizer reads its suppressions file
 * only at exit, as that user, who may not reach the source tree (a checkout
 * under /root, or in a private temporary folder): the file named in
 * LSAN_OPTIONS is copied to a folder "nobody" can read for the subprocess,
 * and LSAN_OPTIONS is put back afterwards. */
void
dsr_test_trap_subprocess_as_nobody (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LSAN_OPTIONS"));
  const char *start, *end;
  g_autofree char *original = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  gsize length;

  if (geteuid () == 0 && saved != NULL && (start = strstr (saved, "suppressions=")) != NULL)
    {
      start += strlen ("suppressions=");
      end = strchr (start, ':');
      original = end != NULL ? g_strndup (start, end - start) : g_strdup (start);
      if (g_file_get_contents (original, &contents, &length, NULL))
        {
          g_autofree char *copy = NULL;
          g_autofree char *rewritten = NULL;

          dir = dsr_test_make_tmp_dir ();
          copy = g_build_filename (dir, "lsan.supp", NULL);
          g_assert_true (g_file_set_contents (copy, contents, length, NULL));
          g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
          g_assert_cmpint (g_chmod (copy, 0644), ==, 0);
          rewritten = g_strdup_printf ("%.*s%s%s", (int) (start - saved), saved, copy, end != NULL ? end : "");
          g_setenv ("LSAN_OPTIONS", rewritten, TRUE);
        }
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (dir != NULL)
    {
      g_setenv ("LSAN_OPTIONS", saved, TRUE);
      dsr_test_rm_rf (dir);
    }
}
