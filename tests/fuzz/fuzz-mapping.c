/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the column mapping of --columns and the import dialog
 * (dsr_column_mapping_parse), and the round trip through its string. */
#define G_LOG_DOMAIN "dsr-fuzz"
#include "config.h"

#include "dsr-fuzz.h"
#include "dsr-importer.h"

void
dsr_fuzz_mapping_one (const guint8 *data,
                      gsize         size)
{
  g_autofree char *spec = g_strndup ((const char *) data, size);
  g_autoptr(DsrColumnMapping) mapping = NULL;
  GError *error = NULL;

  mapping = dsr_column_mapping_parse (spec, &error);
  g_clear_error (&error);
  if (mapping != NULL)
    {
      g_autofree char *again = dsr_column_mapping_to_string (mapping);
      g_autoptr(DsrColumnMapping) copy = dsr_column_mapping_copy (mapping);
      g_autofree char *copied = dsr_column_mapping_to_string (copy);
      g_autoptr(DsrColumnMapping) reparsed = dsr_column_mapping_parse (again, &error);

      /* A copy reads the same, and what to_string writes parse reads back. */
      g_assert_cmpstr (copied, ==, again);
      g_assert_no_error (error);
      g_assert_nonnull (reparsed);
    }
}

DSR_FUZZ_MAIN (dsr_fuzz_mapping_one)
