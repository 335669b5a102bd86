/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: saved views (.dsrview, dsr_view_file_load_from_data).
 * A file that loads is written again, and what is written loads again to the
 * same text (unknown fields kept, known ones as read). */
#define G_LOG_DOMAIN "dsr-fuzz"
#include "config.h"

#include "dsr-fuzz.h"
#include "dsr-view-file.h"

void
dsr_fuzz_viewfile_one (const guint8 *data,
                       gsize         size)
{
  g_autoptr(DsrViewFile) file = NULL;
  GError *error = NULL;

  file = dsr_view_file_load_from_data ((const char *) data, size, "fuzz.dsrview", &error);
  if (file == NULL)
    {
      g_assert_nonnull (error);
      g_clear_error (&error);
      return;
    }
  g_assert_no_error (error);
  {
    gsize length;
    g_autofree char *text = dsr_view_file_to_data (file, &length);
    g_autoptr(DsrViewFile) again = dsr_view_file_load_from_data (text, length, "again.dsrview", &error);
    g_autofree char *text_again = NULL;

    /* What we write, we read: a view read is a valid view. */
    g_assert_no_error (error);
    g_assert_nonnull (again);
    text_again = dsr_view_file_to_data (again, NULL);
    g_assert_cmpstr (text, ==, text_again);
  }
}

DSR_FUZZ_MAIN (dsr_fuzz_viewfile_one)
