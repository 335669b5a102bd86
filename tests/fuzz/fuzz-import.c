/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: format detection and the importers. The input is
 * written to a file named data.csv and imported into a store holding the
 * iso-codes countries (loaded once, copied for each input); what imports is
 * committed. With a form feed in the input, what comes before it is a
 * column mapping (as --columns takes it) and the file what comes after. */
#define G_LOG_DOMAIN "dsr-fuzz"
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dsr-fuzz.h"
#include "dsr-importer.h"

static char *dir;
static char *path;

void
dsr_fuzz_import_init (void)
{
  dir = g_dir_make_tmp ("dsr-fuzz-import-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "data.csv", NULL);
}

void
dsr_fuzz_import_one (const guint8 *data,
                     gsize         size)
{
  const char *p = (const char *) data;
  const char *ff = memchr (p, '\f', size);
  g_autoptr(DsrColumnMapping) mapping = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  g_auto(GStrv) header = NULL;
  DsrImportFormat format;
  GError *error = NULL;

  if (ff != NULL)
    {
      g_autofree char *spec = g_strndup (p, ff - p);

      mapping = dsr_column_mapping_parse (spec, NULL);
      size -= ff + 1 - p;
      p = ff + 1;
    }
  /* Without the fsync() of g_file_set_contents(): it only costs time here. */
  if (!g_file_set_contents_full (path, p, size, G_FILE_SET_CONTENTS_NONE, 0644, NULL))
    return;
  store = dsr_fuzz_store_with_countries ();

  dsr_import_detect (file, NULL, &format, &header, &error);
  g_clear_error (&error);

  result = dsr_importer_run_sync (store, &file, 1, mapping, NULL, NULL, NULL, &error);
  g_clear_error (&error);
  if (result != NULL)
    {
      dsr_import_result_commit (result, store, &error);
      g_clear_error (&error);
    }
}

DSR_FUZZ_MAIN_WITH_INIT (dsr_fuzz_import_init, dsr_fuzz_import_one)
