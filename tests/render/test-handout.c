/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "dsr-error.h"
#include "dsr-handout.h"
#include "dsr-summary.h"
#include "dsr-test-utils.h"

/* The class handout, read back with poppler's pdftotext and pdfinfo
 * (poppler-utils, which tools/deps.sh installs for the tests). */

static DsrStore *bundled;

/* pdftotext and pdfinfo are there; when not, the test is skipped, except
 * in CI, which installs them (a skipped test there would hide a failure). */
static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text != NULL && info != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("pdftotext and pdfinfo (poppler-utils) are missing: tools/deps.sh test installs them");
  g_test_skip ("pdftotext or pdfinfo missing: install poppler-utils (tools/deps.sh test)");
  return FALSE;
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The text of page @page (from 1), without any white space: pdftotext
 * breaks the lines where the PDF does, so text is compared without. */
static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-q", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = run_tool (argv);

  return squeeze (text);
}

/* A field of pdfinfo's answer ("Pages", "Title", …). */
static char *
pdf_info (const char *path,
          const char *field)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *info = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (g_strstrip (lines[i] + strlen (prefix)));
  return NULL;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (haystack, squeezed) == NULL)
    g_error ("“%s” is not on the page:\n%s", needle, haystack);
}

/* The page has the written summary of exactly its figure. */
static void
assert_summary (const char    *text,
                const DsrView *view)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = dsr_summary_text (bundled, view, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (summary), >, 40);
  assert_contains (text, summary);
}

static DsrView *
internet_view (DsrViewKind kind)
{
  DsrView *view = dsr_view_new ();

  view->kind = kind;
  view->indicator_id = g_strdup ("IT.NET.USER.ZS");
  return view;
}

/* Writes the handout of @view into a new folder; returns the file's path. */
static char *
write_handout (const DsrView           *view,
               const DsrHandoutOptions *options,
               char                   **dir)
{
  g_autoptr(GError) error = NULL;
  char *path;

  *dir = dsr_test_make_tmp_dir ();
  path = g_build_filename (*dir, "handout.pdf", NULL);
  g_assert_true (dsr_handout_write (bundled, view, options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* One page per year of the map: the years with values under the view's
 * rules, within the range; each page names its year, its view's figure
 * and sources, and its number. */
static void
test_years (void)
{
  g_autoptr(DsrView) view = internet_view (DSR_VIEW_MAP);
  DsrHandoutOptions options = { DSR_HANDOUT_PAGES_YEARS, 2018, 2021 };
  g_autoptr(DsrHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *size = NULL;
  guint n;

  handout = dsr_handout_new (bundled, view, &options, &error);
  g_assert_no_error (error);
  n = dsr_handout_get_n_pages (handout);
  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      const DsrView *page = dsr_handout_get_page_view (handout, i);

      g_assert_cmpint (page->kind, ==, DSR_VIEW_MAP);
      g_assert_cmpint (page->year, ==, 2018 + (int) i);
      g_assert_cmpstr (page->indicator_id, ==, "IT.NET.USER.ZS");
    }

  if (!have_poppler ())
    return;
  path = write_handout (view, &options, &dir);
  pages = pdf_info (path, "Pages");
  g_assert_cmpstr (pages, ==, "4");
  size = pdf_info (path, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89"));
  title = pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, "Class handout: Individuals using the Internet");
  subject = pdf_info (path, "Subject");
  g_assert_nonnull (strstr (subject, "2018–2021"));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = page_text (path, i + 1);
      g_autofree char *heading = g_strdup_printf ("%u: Individuals using the Internet", 2018 + i);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n);

      assert_contains (text, "Digital Silk Road Atlas · class handout");
      assert_contains (text, heading);
      assert_contains (text, number);
      assert_contains (text, "Summary");
      assert_summary (text, dsr_handout_get_page_view (handout, i));
      assert_contains (text, "Source: World Bank WDI (ITU)");
      assert_contains (text, "Licence: World Bank WDI: CC BY 4.0");
      assert_contains (text, "Rules: Regions: unweighted mean of the member economies with data");
      /* The map's own legend and source line: the figure is the map. */
      assert_contains (text, "Not a Belt and Road economy");
    }
  dsr_test_rm_rf (dir);
}

/* One page per view of the indicator: map, regions, trend, table. */
static void
test_views (void)
{
  g_autoptr(DsrView) view = internet_view (DSR_VIEW_BARS);
  DsrHandoutOptions options = { DSR_HANDOUT_PAGES_VIEWS, 2010, 2020 };
  g_autoptr(DsrHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pages = NULL;
  const char *titles[] = { "Map:", "Regions:", "Trend:", "Table:" };
  const DsrViewKind kinds[] = { DSR_VIEW_MAP, DSR_VIEW_BARS, DSR_VIEW_TREND, DSR_VIEW_TABLE };

  view->year = 2020;
  handout = dsr_handout_new (bundled, view, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_handout_get_n_pages (handout), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const DsrView *page = dsr_handout_get_page_view (handout, i);

      g_assert_cmpint (page->kind, ==, kinds[i]);
      g_assert_cmpint (page->year, ==, 2020);
      if (page->kind == DSR_VIEW_TREND)
        {
          g_assert_cmpint (page->year_from, ==, 2010);
          g_assert_cmpint (page->year_to, ==, 2020);
        }
    }

  if (!have_poppler ())
    return;
  path = write_handout (view, &options, &dir);
  pages = pdf_info (path, "Pages");
  g_assert_cmpstr (pages, ==, "4");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = page_text (path, i + 1);
      g_autofree char *heading = g_strconcat (titles[i], " Individuals using the Internet", NULL);
      g_autofree char *number = g_strdup_printf ("Page %u of 4", i + 1);

      assert_contains (text, heading);
      assert_contains (text, number);
      assert_summary (text, dsr_handout_get_page_view (handout, i));
      assert_contains (text, "Source: World Bank WDI (ITU)");
    }
  dsr_test_rm_rf (dir);
}

/* A trend has every year in one figure: no page per year of it; AUTO
 * makes one page per view of it. */
static void
test_trend (void)
{
  g_autoptr(DsrView) view = internet_view (DSR_VIEW_TREND);
  DsrHandoutOptions years = { DSR_HANDOUT_PAGES_YEARS, 0, 0 };
  DsrHandoutOptions automatic = { DSR_HANDOUT_PAGES_AUTO, 0, 0 };
  g_autoptr(DsrHandout) handout = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (dsr_handout_new (bundled, view, &years, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "trend"));
  g_clear_error (&error);

  handout = dsr_handout_new (bundled, view, &automatic, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_handout_get_n_pages (handout), ==, 4);
}

/* Nothing to show: a message, and no file is written or harmed. */
static void
test_no_pages (void)
{
  g_autoptr(DsrView) view = internet_view (DSR_VIEW_BARS);
  DsrHandoutOptions before = { DSR_HANDOUT_PAGES_YEARS, 1960, 1970 };
  DsrHandoutOptions reversed = { DSR_HANDOUT_PAGES_YEARS, 2020, 2010 };
  g_autoptr(DsrView) unknown = dsr_view_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "handout.pdf", "the old handout");
  g_autofree char *contents = NULL;

  g_assert_false (dsr_handout_write (bundled, view, &before, path, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "1960"));
  g_assert_nonnull (strstr (error->message, "2015"));  /* the years that have values */
  g_clear_error (&error);

  g_assert_false (dsr_handout_write (bundled, view, &reversed, path, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);

  unknown->indicator_id = g_strdup ("NO.SUCH.INDICATOR");
  g_assert_false (dsr_handout_write (bundled, unknown, NULL, path, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old handout");
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
  dsr_test_rm_rf (dir);
}

/* A handout that cannot be written (its folder is not writable) leaves the
 * file that was there as it was, and nothing beside it. Root writes
 * anywhere, so as root the writer runs as "nobody". */
static void
test_unwritable_folder (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("DSR_TEST_PATH");
      g_autoptr(DsrView) view = internet_view (DSR_VIEW_BARS);
      DsrHandoutOptions options = { DSR_HANDOUT_PAGES_YEARS, 2020, 2021 };
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        {
          g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);
          prctl (PR_SET_DUMPABLE, 1);
        }
      g_assert_false (dsr_handout_write (bundled, view, &options, path, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_nonnull (strstr (error->message, path));
      return;
    }
  {
    g_autofree char *dir = dsr_test_make_tmp_dir ();
    g_autofree char *path = dsr_test_write_tmp (dir, "handout.pdf", "the old handout");
    g_autofree char *contents = NULL;

    if (geteuid () == 0)
      {
        g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
        g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
      }
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    g_setenv ("DSR_TEST_PATH", path, TRUE);
    dsr_test_trap_subprocess_as_nobody ();
    g_test_trap_assert_passed ();
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "the old handout");
    g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
    g_chmod (dir, 0755);
    dsr_test_rm_rf (dir);
  }
}

/* Pages drawn one at a time (as the window does) make the same handout
 * as all at once; a cancelled render stops between pages. */
static void
test_incremental (void)
{
  g_autoptr(DsrView) view = internet_view (DSR_VIEW_TABLE);
  DsrHandoutOptions options = { DSR_HANDOUT_PAGES_YEARS, 2019, 2021 };
  g_autoptr(DsrHandout) handout = dsr_handout_new (bundled, view, &options, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (handout);
  g_assert_cmpuint (dsr_handout_get_n_pages (handout), ==, 3);
  g_assert_true (dsr_handout_draw_next (handout, &error));
  g_assert_cmpuint (dsr_handout_get_n_drawn (handout), ==, 1);
  pdf = dsr_handout_finish (handout, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_handout_get_n_drawn (handout), ==, 3);
  g_assert_true (g_bytes_get_size (pdf) > 1000);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  g_cancellable_cancel (cancellable);
  g_assert_null (dsr_handout_render (bundled, view, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  umask (022);
  dsr_test_init (&argc, &argv);
  bundled = dsr_test_load_bundled ();

  g_test_add_func ("/handout/years", test_years);
  g_test_add_func ("/handout/views", test_views);
  g_test_add_func ("/handout/trend", test_trend);
  g_test_add_func ("/handout/no-pages", test_no_pages);
  g_test_add_func ("/handout/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/handout/incremental", test_incremental);

  ret = g_test_run ();
  g_object_unref (bundled);
  return ret;
}
