/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the data pack loader. The input is split at the first
 * two form feeds into indicators.csv, bri-economies.csv and
 * observations.csv (the groupings and regions are the real ones). */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dsr-pack.h"
#include "dsr-fuzz.h"

static char *dir;

static void
write_file (const char *name,
            const char *data,
            gsize       size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  /* Without the fsync() of g_file_set_contents(): it only costs time here. */
  g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_NONE, 0644, NULL);
}

static void
copy_real (const char *name)
{
  g_autofree char *from = g_build_filename (g_getenv ("DSR_SOURCE_DATA") ? g_getenv ("DSR_SOURCE_DATA")
                                                                         : SOURCE_DATA_DIR, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (g_file_get_contents (from, &contents, &length, NULL))
    write_file (name, contents, length);
}

void
dsr_fuzz_pack_init (void)
{
  dir = g_dir_make_tmp ("dsr-fuzz-pack-XXXXXX", NULL);
  copy_real ("groupings.csv");
  copy_real ("regions.csv");
}

void
dsr_fuzz_pack_one (const guint8 *data,
                   gsize         size)
{
  const char *p = (const char *) data;
  const char *end = p + size;
  const char *parts[3] = { p, p, p };
  gsize lengths[3] = { size, 0, 0 };
  const char *names[3] = { "indicators.csv", "bri-economies.csv", "observations.csv" };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GFile) gdir = g_file_new_for_path (dir);
  g_autoptr(DsrStore) store = dsr_fuzz_store_with_countries ();

  for (int i = 1; i < 3; i++)
    {
      const char *ff = memchr (parts[i - 1], '\f', end - parts[i - 1]);

      if (ff == NULL)
        {
          parts[i] = end;
          lengths[i] = 0;
          continue;
        }
      lengths[i - 1] = ff - parts[i - 1];
      parts[i] = ff + 1;
      lengths[i] = end - parts[i];
    }
  for (int i = 0; i < 3; i++)
    write_file (names[i], parts[i], lengths[i]);

  dsr_pack_load (store, gdir, problems);
}

DSR_FUZZ_MAIN_WITH_INIT (dsr_fuzz_pack_init, dsr_fuzz_pack_one)
