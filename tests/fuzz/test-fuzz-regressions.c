/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays every input kept in tests/fuzz/regressions/<target>/ (each once
 * a crash, a sanitizer report, a timeout or an out-of-memory) and the seeds
 * of tests/fuzz/corpus/<target>/ through the fuzz targets' own entry points,
 * without libFuzzer: a bug fixed stays fixed in the normal and the
 * sanitizer builds. */
#define G_LOG_DOMAIN "dsr-test"
#include "config.h"

#include <locale.h>
#include <string.h>

#include "dsr-fuzz.h"

typedef struct
{
  const char *name;
  void      (*init) (void);
  void      (*one) (const guint8 *data, gsize size);
} Target;

static const Target targets[] = {
  { "fuzz-csv", NULL, dsr_fuzz_csv_one },
  { "fuzz-pack", dsr_fuzz_pack_init, dsr_fuzz_pack_one },
  { "fuzz-cli", NULL, dsr_fuzz_cli_one },
  { "fuzz-topojson", NULL, dsr_fuzz_topojson_one },
  { "fuzz-import", dsr_fuzz_import_init, dsr_fuzz_import_one },
  { "fuzz-mapping", NULL, dsr_fuzz_mapping_one },
  { "fuzz-viewfile", NULL, dsr_fuzz_viewfile_one },
};

static const char *
fuzz_dir (void)
{
  const char *dir = g_getenv ("DSR_FUZZ_DIR");

  return dir != NULL ? dir : g_test_get_dir (G_TEST_DIST);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Runs every file of @kind/<target>/ (regressions or corpus); returns how
 * many. */
static guint
replay (const Target *target,
        const char   *kind)
{
  g_autofree char *path = g_build_filename (fuzz_dir (), kind, target->name, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        continue;
      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", target->name, file);
      target->one ((const guint8 *) contents, length);
    }
  return names->len;
}

static void
test_target (gconstpointer data)
{
  const Target *target = data;
  guint n;

  if (target->init != NULL)
    target->init ();
  n = replay (target, "regressions");
  n += replay (target, "corpus");
  g_test_message ("%s: %u inputs", target->name, n);
  g_assert_cmpuint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fuzz-regressions/%s", targets[i].name);

      g_test_add_data_func (path, &targets[i], test_target);
    }
  return g_test_run ();
}
