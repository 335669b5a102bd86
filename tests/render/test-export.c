/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-figure.h"
#include "dsr-test-utils.h"
#include "render-test-utils.h"

static DsrStore *bundled;

static DsrView *
figure4 (int width,
         int height)
{
  DsrView *view = render_test_view (DSR_VIEW_BARS, "DSR.GCI.SCORE", "bri-continent");

  view->width = width;
  view->height = height;
  return view;
}

/* Like strstr, for binary contents (a PDF has NUL bytes). */
static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
png_size (const char *path,
          int        *width,
          int        *height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (png);
  *height = cairo_image_surface_get_height (png);
  cairo_surface_destroy (png);
}

static void
test_png (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
    for (DsrViewKind kind = DSR_VIEW_BARS; kind <= DSR_VIEW_TABLE; kind++)
      {
        g_autoptr(DsrView) view = figure4 (render_test_sizes[i].width, render_test_sizes[i].height);
        g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
        g_autoptr(GError) error = NULL;
        int w, h;

        view->kind = kind;
        g_assert_true (dsr_figure_export (bundled, view, path, NULL, &error));
        g_assert_no_error (error);
        png_size (path, &w, &h);
        g_assert_cmpint (w, ==, render_test_sizes[i].width);
        g_assert_cmpint (h, ==, render_test_sizes[i].height);
      }

  /* Scale 2: twice the pixels, and the file says 192 dpi. */
  {
    g_autoptr(DsrView) view = figure4 (800, 500);
    g_autofree char *path = g_build_filename (dir, "scaled.PNG", NULL);
    DsrExportOptions options = { .scale = 2 };
    g_autofree char *contents = NULL;
    gsize len;
    int w, h;

    g_assert_true (dsr_figure_export (bundled, view, path, &options, NULL));
    png_size (path, &w, &h);
    g_assert_cmpint (w, ==, 1600);
    g_assert_cmpint (h, ==, 1000);
    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
    g_assert_cmpmem (contents + 37, 4, "pHYs", 4);
  }
  /* 300 dpi */
  {
    g_autoptr(DsrView) view = figure4 (480, 320);
    DsrExportOptions options = { .format = DSR_EXPORT_PNG, .dpi = 300 };
    g_autoptr(GBytes) bytes = dsr_export_render (bundled, view, DSR_EXPORT_PNG, &options, NULL);

    g_assert_nonnull (bytes);
    g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  }
  dsr_test_rm_rf (dir);
}

/* A transparent style: an RGBA image, clear where nothing is drawn. */
static void
test_png_transparent (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "clear.png", NULL);
  g_autoptr(DsrRenderStyle) style = dsr_render_style_new (DSR_SCHEME_DARK);
  g_autoptr(DsrView) view = figure4 (640, 400);
  DsrExportOptions options = { .style = style };
  cairo_surface_t *png;
  DsrRgba pixel;

  style->transparent = TRUE;
  g_assert_true (dsr_figure_export (bundled, view, path, &options, NULL));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_ARGB32);
  render_test_pixel (png, 2, 2, &pixel);
  g_assert_cmpfloat (pixel.alpha, ==, 0);
  cairo_surface_destroy (png);
  dsr_test_rm_rf (dir);
}

/* Another renderer (the map) exports through the same path. */
static void
draw_other (cairo_t              *cr,
            DsrStore             *store,
            const DsrView        *view,
            const DsrRenderStyle *style,
            double                width,
            double                height,
            DsrTextFunc           text_func,
            gpointer              text_data,
            gpointer              user_data)
{
  DsrTextItem item = { .text = user_data, .x = 10, .y = 20, .font_size = 12, .color = { 0, 0, 0, 1 },
                       .font_family = DSR_RENDER_FONT_FAMILY };

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  if (text_func != NULL)
    text_func (&item, text_data);
}

static void
test_draw_func (void)
{
  g_autoptr(DsrView) view = figure4 (320, 200);
  DsrExportOptions options = { .draw_func = draw_other, .draw_data = (gpointer) "A map" };
  g_autoptr(GBytes) svg = dsr_export_render (bundled, view, DSR_EXPORT_SVG, &options, NULL);
  g_autoptr(GPtrArray) texts = NULL;
  gsize len;
  const char *data = g_bytes_get_data (svg, &len);

  texts = render_test_svg_texts (data, len, NULL, NULL);
  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "A map");
}

/* One entry point for every view: a map given to the charts' export is an
 * error (it used to come out as bars); dsr_figure_export () draws it. */
static void
test_map_entry_point (void)
{
  g_autoptr(DsrView) view = figure4 (640, 400);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dsr-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *contents = NULL;

  view->kind = DSR_VIEW_MAP;
  g_assert_null (dsr_export_render (bundled, view, DSR_EXPORT_SVG, NULL, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);

  g_assert_true (dsr_figure_export (bundled, view, path, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* The map's own legend, not a bar chart's axis. */
  g_assert_nonnull (strstr (contents, "Not a Belt and Road economy"));
  g_remove (path);
  g_rmdir (dir);
}

/* SVG text stays text: every label a <text> element that editors can
 * search, with the font list; the size is right. */
static void
test_svg_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
    {
      g_autoptr(DsrView) bars = figure4 (render_test_sizes[i].width, render_test_sizes[i].height);
      g_autoptr(DsrView) trend = render_test_view (DSR_VIEW_TREND, "DSR.DDS.EXP", NULL);
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GPtrArray) texts = NULL;
      const char *data;
      gsize len;
      int w, h;

      svg = dsr_export_render (bundled, bars, DSR_EXPORT_SVG, NULL, NULL);
      data = g_bytes_get_data (svg, &len);
      texts = render_test_svg_texts (data, len, &w, &h);
      g_assert_cmpint (w, ==, render_test_sizes[i].width);
      g_assert_cmpint (h, ==, render_test_sizes[i].height);
      for (guint k = 0; k < 6; k++)
        {
          const char *names[] = { "Europe", "Asia", "Africa", "Oceania", "South America", "North America" };

          g_assert_true (render_test_strv_has (texts, names[k]));
        }
      g_assert_true (render_test_strv_has (texts, "World average 51.71, as reported"));
      g_assert_true (render_test_strv_has (texts, "82.44"));
      g_assert_true (render_test_strv_has (texts, "24.84"));
      g_assert_true (render_test_strv_has (texts, "Global Cybersecurity Index"));
      /* No glyph outlines and no web fonts. */
      g_assert_null (g_strstr_len (data, len, "<symbol"));
      g_assert_null (g_strstr_len (data, len, "@import"));
      g_assert_null (g_strstr_len (data, len, "@font-face"));
      g_clear_pointer (&texts, g_ptr_array_unref);
      g_clear_pointer (&svg, g_bytes_unref);

      trend->width = render_test_sizes[i].width;
      trend->height = render_test_sizes[i].height;
      svg = dsr_export_render (bundled, trend, DSR_EXPORT_SVG, NULL, NULL);
      data = g_bytes_get_data (svg, &len);
      texts = render_test_svg_texts (data, len, NULL, NULL);
      g_assert_true (render_test_strv_has (texts, "World"));
      g_assert_true (render_test_strv_has (texts, "China"));
      g_assert_true (render_test_strv_has (texts, "Digitally deliverable services exports"));
    }
}

static void
test_svg_escaping (void)
{
  g_autoptr(DsrStore) store = render_test_store_new ();
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "TST.ESC", "test");
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  gsize len;
  const char *data;

  render_test_add_indicator (store, "TST.ESC", "Trade <goods> & “services”", "%", "A & B", "AAA", 3.5);
  svg = dsr_export_render (store, view, DSR_EXPORT_SVG, NULL, NULL);
  data = g_bytes_get_data (svg, &len);
  texts = render_test_svg_texts (data, len, NULL, NULL);
  g_assert_true (render_test_strv_has (texts, "Trade <goods> & “services”"));
}

static void
test_svg_paths (void)
{
  g_autoptr(DsrView) view = figure4 (800, 500);
  DsrExportOptions options = { .svg_text_as_paths = TRUE };
  g_autoptr(GBytes) svg = dsr_export_render (bundled, view, DSR_EXPORT_SVG, &options, NULL);
  g_autoptr(GPtrArray) texts = NULL;
  gsize len;
  const char *data = g_bytes_get_data (svg, &len);

  texts = render_test_svg_texts (data, len, NULL, NULL);
  g_assert_cmpuint (texts->len, ==, 0);
  g_assert_nonnull (g_strstr_len (data, len, "glyph"));
}

static void
test_pdf (void)
{
  g_autoptr(DsrView) view = figure4 (1600, 1000);
  g_autoptr(GBytes) pdf = dsr_export_render (bundled, view, DSR_EXPORT_PDF, NULL, NULL);
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);

  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  /* Text stays text: the fonts are embedded, with a ToUnicode map to select and copy. */
  g_assert_true (contains (data, len, "/ToUnicode"));
  /* 1600 px at 96 dpi is 1200 pt. */
  g_assert_true (contains (data, len, "/MediaBox [ 0 0 1200 750 ]"));
}

static GPtrArray *
csv_lines (DsrStore      *store,
           const DsrView *view)
{
  g_autoptr(GBytes) csv = dsr_export_render (store, view, DSR_EXPORT_CSV, NULL, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length (lines);

  /* The rows of values; the last line is the figure's summary (tests/test-summary.c). */
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_assert_true (g_str_has_prefix (lines[n - 2], "#summary,\""));
  for (guint i = 0; i + 2 < n; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (out, g_strdup (lines[i]));
  return out;
}

static void
test_csv (void)
{
  g_autoptr(DsrView) view = figure4 (800, 500);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(DsrStore) store = render_test_store_new ();
  g_autoptr(DsrView) computed = render_test_view (DSR_VIEW_BARS, "TST.IND", "test");
  g_autoptr(DsrView) trend = render_test_view (DSR_VIEW_TREND, "DSR.DDS.EXP", NULL);

  lines = csv_lines (bundled, view);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "entity_id,entity_name,kind,indicator_id,year,value,measure,basis,rule,coverage_n,"
                   "coverage_total,members_as_of,source");
  /* Six continents, largest first, then the world. */
  g_assert_cmpuint (lines->len, ==, 1 + 6 + 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==,
                   "bri-continent:europe,Europe,region,DSR.GCI.SCORE,2021,82.44,value,reported,,,,,"
                   "\"Academic Journal of Business & Management 5(12), 2023, section 3.3 and Figure 4\"");
  g_assert_cmpstr (g_ptr_array_index (lines, 7), ==,
                   "WLD,World,world,DSR.GCI.SCORE,2021,51.71,value,reported,,,,,"
                   "\"Academic Journal of Business & Management 5(12), 2023, section 3.3 and Figure 4\"");
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* Computed values carry their coverage; regions without data have no row. */
  computed->year = 2012;
  lines = csv_lines (store, computed);
  g_assert_true (render_test_strv_has (lines, "test:north,North,region,TST.IND,2012,26,value,computed,mean,2,3,"
                                              "2012,\"unweighted mean of 2 of 3 economies, members as of "
                                              "2012; Test source, table 9\""));
  /* The world like for like: the mean of the economies, not the reported 37. */
  g_assert_true (render_test_strv_has (lines, "WLD,World,world,TST.IND,2012,23.2,value,computed,mean,5,6,,"
                                              "\"unweighted mean of 5 of 6 economies; Test source, table 9\""));
  for (guint i = 0; i < lines->len; i++)
    g_assert_null (strstr (g_ptr_array_index (lines, i), "test:west"));
  g_assert_true (render_test_strv_has (lines, "BRI,Belt and Road,bri,TST.IND,2012,23.2,value,computed,mean,5,6,"
                                              "2012,\"unweighted mean of 5 of 6 economies, members as of "
                                              "2012; Test source, table 9\""));
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* A trend: every point drawn, 10 years each for the world and China. */
  lines = csv_lines (bundled, trend);
  g_assert_cmpuint (lines->len, ==, 1 + 20);
  g_assert_true (render_test_strv_has (lines, "CHN,China,country,DSR.DDS.EXP,2019,1.4,value,observed,,,,,"
                                              "\"Academic Journal of Business & Management 5(12), 2023, Table 1, column 3\""));
}

/* Text that a spreadsheet would run as a formula is written with a quote
 * before it (OWASP); numbers, negative ones too, stay numbers. */
static void
test_csv_formulas (void)
{
  g_autoptr(DsrStore) store = render_test_store_new ();
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "TST.EVIL", "test");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) row = g_string_new (NULL);
  const char *fields[DSR_EXPORT_CSV_N_COLUMNS] = {
    "-id", "@SUM(A1)", "+kind", "=ind", "-2021", "-1.5", "=measure", "\tbasis", "+rule", "-1", "+2", "-3",
    "\rsource",
  };

  render_test_add_indicator (store, "TST.EVIL", "Evil", "%", "=HYPERLINK(\"http://x\",\"y\")",
                             DSR_ENTITY_ID_WORLD, -3.5);
  view->year = 2021;
  lines = csv_lines (store, view);
  for (guint i = 0; i < lines->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (lines, i));
  g_assert_true (render_test_strv_has (lines, "WLD,World,world,TST.EVIL,2021,-3.5,value,reported,,,,,"
                                              "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""));

  dsr_export_csv_append_row (row, fields);
  g_assert_cmpstr (row->str, ==, "\"'-id\",\"'@SUM(A1)\",\"'+kind\",\"'=ind\",-2021,-1.5,\"'=measure\","
                                 "\"'\tbasis\",\"'+rule\",-1,+2,-3,\"'\rsource\"\n");
  g_string_truncate (row, 0);
  dsr_export_csv_append_text (row, "a=b, -c");
  g_assert_cmpstr (row->str, ==, "\"a=b, -c\"");
}

/* A value that is not a finite number is an empty cell, never "inf". */
static void
test_csv_not_finite (void)
{
  const double values[] = { INFINITY, -INFINITY, NAN };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = dsr_export_csv_number (values[i]);

      g_assert_cmpstr (text, ==, "");
    }
  {
    g_autofree char *text = dsr_export_csv_number (-1e308);

    g_assert_cmpstr (text, ==, "-1e+308");
  }
}

/* Numbers in files use '.', whatever the locale. */
static void
test_csv_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "ru_RU.UTF-8" };
  g_autoptr(DsrView) view = figure4 (800, 500);
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_ALL, locales[i]) != NULL)
      found = locales[i];
  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }
  {
    g_autoptr(GPtrArray) lines = csv_lines (bundled, view);

    g_assert_nonnull (strstr (g_ptr_array_index (lines, 1), ",82.44,"));
  }
  setlocale (LC_ALL, "C.UTF-8");
}

/* Atomic writes ----------------------------------------------------------------------- */

static void
test_write_missing_dir (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "no", "such", "dir", "fig.png", NULL);
  g_autoptr(DsrView) view = figure4 (480, 320);
  g_autoptr(GError) error = NULL;

  g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 0);
  dsr_test_rm_rf (dir);
}

static void
test_write_onto_directory (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "fig.svg", NULL);
  g_autoptr(DsrView) view = figure4 (480, 320);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
  dsr_test_rm_rf (dir);
}

static void
test_write_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DsrView) view = figure4 (480, 320);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only directories");
      return;
    }
  dir = dsr_test_make_tmp_dir ();
  path = g_build_filename (dir, "fig.pdf", NULL);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 0);
  g_chmod (dir, 0755);
  dsr_test_rm_rf (dir);
}

/* A write that fails halfway (the disk is full: here, a file size limit)
 * leaves the old file as it was and no temporary file. */
static void
test_write_fails_halfway (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("DSR_TEST_DIR");
      g_autofree char *path = g_build_filename (dir, "fig.png", NULL);
      g_autoptr(DsrView) view = figure4 (1280, 800);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 1024, 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_FILE_ERROR);
      g_assert_nonnull (strstr (error->message, path));
      return;
    }
  {
    g_autofree char *dir = dsr_test_make_tmp_dir ();
    g_autofree char *path = dsr_test_write_tmp (dir, "fig.png", "the old figure");
    g_autofree char *contents = NULL;

    g_setenv ("DSR_TEST_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "the old figure");
    g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
    dsr_test_rm_rf (dir);
  }
}

static void
test_write_replaces (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "fig.csv", "old");
  g_autoptr(DsrView) view = figure4 (480, 320);
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_true (dsr_figure_export (bundled, view, path, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "entity_id,"));
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
  /* The usual permissions, not the temporary file's 0600. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0044, ==, 0044);
  dsr_test_rm_rf (dir);
}

/* An existing file is the user's ------------------------------------------------------- */

static GBytes *
new_contents (void)
{
  return g_bytes_new_static ("the new figure\n", strlen ("the new figure\n"));
}

static void
assert_file (const char *path,
             const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* No ".dsr-XXXXXX" (nor any other hidden file) left in @dir. */
static void
assert_no_temp (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (name[0] == '.');
}

static void
test_write_keeps_mode (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "private.csv", "old");
  g_autoptr(GBytes) contents = new_contents ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (dsr_export_write_file (path, contents, &error));
  g_assert_no_error (error);
  assert_file (path, "the new figure\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* And 0640 stays 0640, not 0644. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (dsr_export_write_file (path, contents, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* A new file gets the usual 0666 less the umask (022 here). */
  {
    g_autofree char *fresh = g_build_filename (dir, "new.csv", NULL);

    g_assert_true (dsr_export_write_file (fresh, contents, &error));
    g_assert_cmpint (g_stat (fresh, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  }
  assert_no_temp (dir);
  dsr_test_rm_rf (dir);
}

/* Another user's file that root exports over keeps its owner. */
static void
test_write_keeps_owner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) contents = new_contents ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (geteuid () != 0)
    {
      g_test_skip ("only root can give a file to another user");
      return;
    }
  dir = dsr_test_make_tmp_dir ();
  path = dsr_test_write_tmp (dir, "theirs.png", "old");
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_true (dsr_export_write_file (path, contents, &error));
  g_assert_no_error (error);
  assert_file (path, "the new figure\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 65534);
  g_assert_cmpint (st.st_gid, ==, 65534);
  assert_no_temp (dir);
  dsr_test_rm_rf (dir);
}

/* A symbolic link: the file it names is written, the link stays (also a
 * relative link through a second link, into another folder). */
static void
test_write_symlink (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *sub = g_build_filename (dir, "real", NULL);
  g_autofree char *target = NULL;
  g_autofree char *link = g_build_filename (dir, "fig.csv", NULL);
  g_autofree char *link2 = g_build_filename (dir, "fig2.csv", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.csv", NULL);
  g_autofree char *created = g_build_filename (sub, "created.csv", NULL);
  g_autoptr(GBytes) contents = new_contents ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  target = dsr_test_write_tmp (sub, "target.csv", "old");
  g_assert_cmpint (symlink ("real/target.csv", link), ==, 0);
  g_assert_cmpint (symlink ("fig.csv", link2), ==, 0);
  g_assert_true (dsr_export_write_file (link2, contents, &error));
  g_assert_no_error (error);
  assert_file (target, "the new figure\n");
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (link2, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpuint (dsr_test_count_entries (sub), ==, 1);

  /* A link to a file not there yet: the file is made, the link stays. */
  g_assert_cmpint (symlink ("real/created.csv", dangling), ==, 0);
  g_assert_true (dsr_export_write_file (dangling, contents, &error));
  g_assert_no_error (error);
  assert_file (created, "the new figure\n");
  g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_no_temp (dir);
  assert_no_temp (sub);
  dsr_test_rm_rf (dir);
}

/* A file with two names: both see the new contents, still one file. */
static void
test_write_hard_link (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "fig.csv", "the old figure, which was longer\n");
  g_autofree char *other = g_build_filename (dir, "same.csv", NULL);
  g_autoptr(GBytes) contents = new_contents ();
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (dsr_export_write_file (path, contents, &error));
  g_assert_no_error (error);
  assert_file (path, "the new figure\n");
  assert_file (other, "the new figure\n");
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpuint (after.st_nlink, ==, 2);
  g_assert_cmpint (after.st_mode & 07777, ==, 0600);
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 2);
  dsr_test_rm_rf (dir);
}

/* A FIFO named *.csv, and a device (/dev/null, directly and through a
 * link): refused with a message that says what it is, never opened (a FIFO
 * without a reader would block), and left there. */
static void
test_write_not_regular (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *dev = g_build_filename (dir, "null.csv", NULL);
  g_autoptr(GBytes) contents = new_contents ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (dsr_export_write_file (fifo, contents, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, fifo));
  g_assert_nonnull (strstr (error->message, "FIFO"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_clear_error (&error);

  g_assert_cmpint (symlink ("/dev/null", dev), ==, 0);
  g_assert_false (dsr_export_write_file (dev, contents, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "/dev/null"));
  g_assert_nonnull (strstr (error->message, "device"));
  g_assert_cmpint (g_lstat (dev, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_clear_error (&error);

  if (geteuid () != 0)
    {
      /* (Only root could replace /dev/null itself.) */
      g_assert_false (dsr_export_write_file ("/dev/null", contents, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
      g_clear_error (&error);
    }
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 2);
  dsr_test_rm_rf (dir);
}

/* A read-only file (no write permission) is refused and left as it was,
 * even for root. */
static void
test_write_read_only_file (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "fig.svg", "the old figure");
  g_autoptr(GBytes) contents = new_contents ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_false (dsr_export_write_file (path, contents, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "read-only"));
  assert_file (path, "the old figure");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
  dsr_test_rm_rf (dir);
}

/* The longest name a folder takes (255 bytes) less one: the temporary
 * name must not be longer than the file's. */
static void
test_write_long_name (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *stem = g_strnfill (250, 'x');
  g_autofree char *name = g_strconcat (stem, ".csv", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) contents = new_contents ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (name), ==, 254);
  g_assert_true (dsr_export_write_file (path, contents, &error));
  g_assert_no_error (error);
  assert_file (path, "the new figure\n");
  /* Again, over the file that is there now. */
  g_assert_true (dsr_export_write_file (path, contents, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
  dsr_test_rm_rf (dir);
}

/* A writable file in a folder that is not: the message names the folder.
 * Root writes anywhere, so as root the writer runs as "nobody". */
static void
test_write_unwritable_folder (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("DSR_TEST_PATH");
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *quoted = g_strconcat ("“", dir, "”", NULL);
      g_autoptr(GBytes) contents = new_contents ();
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        {
          g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);
          /* (Changing the user made the process undumpable, which would
           * keep LeakSanitizer from inspecting it.) */
          prctl (PR_SET_DUMPABLE, 1);
        }
      g_assert_false (dsr_export_write_file (path, contents, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "folder"));
      g_assert_nonnull (strstr (error->message, quoted));
      return;
    }
  {
    g_autofree char *dir = dsr_test_make_tmp_dir ();
    g_autofree char *path = dsr_test_write_tmp (dir, "fig.png", "the old figure");

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
    assert_file (path, "the old figure");
    g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
    g_chmod (dir, 0755);
    dsr_test_rm_rf (dir);
  }
}

/* Has the write to @path begun (and stopped at the test hook)? */
typedef gboolean (*BegunFunc) (const char *path);

/* A temporary file is there. */
static gboolean
temp_file_begun (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".dsr-"))
      return TRUE;
  return FALSE;
}

/* Writing in place: the file no longer starts with its old "old". */
static gboolean
in_place_begun (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  return g_file_get_contents (path, &contents, &len, NULL) && len >= 3 && memcmp (contents, "old", 3) != 0;
}

/* A child exporting @path is stopped halfway through the write (the
 * writer's test hook) and sent @sig: it must die of that signal. */
static void
kill_halfway (const char *path,
              GBytes     *contents,
              int         sig,
              BegunFunc   begun)
{
  pid_t pid;
  int status = 0;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      signal (sig, SIG_DFL);
      g_setenv ("DSR_TEST_EXPORT_PAUSE", "1", TRUE);
      dsr_export_write_file (path, contents, NULL);
      _exit (0);
    }

  /* Wait (no time bound: the test's timeout is the bound) until the write
   * has begun, or the child ended on its own, as it did before the hook
   * and the handlers. */
  for (;;)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        break;
      if (begun (path))
        {
          g_assert_cmpint (kill (pid, sig), ==, 0);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          break;
        }
      g_usleep (10 * 1000);
    }
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, sig);
}

/* SIGTERM or SIGINT during the write: no temporary file left, the old file
 * as it was. */
static void
test_write_signal (void)
{
  static const int sigs[] = { SIGTERM, SIGINT };
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "fig.png", "the old figure");
  g_autofree char *fresh = g_build_filename (dir, "new.png", NULL);
  gsize len = 4 << 20;
  g_autoptr(GBytes) contents = g_bytes_new_take (g_malloc0 (len), len);

  for (guint i = 0; i < G_N_ELEMENTS (sigs); i++)
    {
      kill_halfway (path, contents, sigs[i], temp_file_begun);
      assert_file (path, "the old figure");
      kill_halfway (fresh, contents, sigs[i], temp_file_begun);
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
    }
  dsr_test_rm_rf (dir);
}

/* Writing in place (a hard link): the signal waits for the copy to end,
 * so the file is whole, and then ends the process. */
static void
test_write_signal_in_place (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "fig.csv", "old");
  g_autofree char *other = g_build_filename (dir, "same.csv", NULL);
  gsize len = 1 << 20;
  g_autoptr(GBytes) contents = g_bytes_new_take (g_malloc0 (len), len);
  g_autofree char *read = NULL;
  gsize read_len;

  g_assert_cmpint (link (path, other), ==, 0);
  kill_halfway (path, contents, SIGTERM, in_place_begun);
  g_assert_true (g_file_get_contents (other, &read, &read_len, NULL));
  g_assert_cmpuint (read_len, ==, len);
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 2);
  dsr_test_rm_rf (dir);
}

static void
test_unknown_extension (void)
{
  g_autoptr(DsrView) view = figure4 (480, 320);
  g_autoptr(GError) error = NULL;
  DsrExportFormat format;

  g_assert_false (dsr_figure_export (bundled, view, "/tmp/figure.bmp", NULL, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".png"));
  g_assert_nonnull (strstr (error->message, ".csv"));
  g_assert_true (dsr_export_format_from_path ("a/b/Figure.SVG", &format, NULL));
  g_assert_cmpint (format, ==, DSR_EXPORT_SVG);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  umask (022);
  dsr_test_init (&argc, &argv);
  bundled = dsr_test_load_bundled ();

  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/png/transparent", test_png_transparent);
  g_test_add_func ("/export/draw-func", test_draw_func);
  g_test_add_func ("/export/map-entry-point", test_map_entry_point);
  g_test_add_func ("/export/svg/text", test_svg_text);
  g_test_add_func ("/export/svg/escaping", test_svg_escaping);
  g_test_add_func ("/export/svg/paths", test_svg_paths);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/csv/locale", test_csv_locale);
  g_test_add_func ("/export/csv/formulas", test_csv_formulas);
  g_test_add_func ("/export/csv/not-finite", test_csv_not_finite);
  g_test_add_func ("/export/write/missing-dir", test_write_missing_dir);
  g_test_add_func ("/export/write/onto-directory", test_write_onto_directory);
  g_test_add_func ("/export/write/read-only", test_write_read_only);
  g_test_add_func ("/export/write/fails-halfway", test_write_fails_halfway);
  g_test_add_func ("/export/write/replaces", test_write_replaces);
  g_test_add_func ("/export/write/keeps-mode", test_write_keeps_mode);
  g_test_add_func ("/export/write/keeps-owner", test_write_keeps_owner);
  g_test_add_func ("/export/write/symlink", test_write_symlink);
  g_test_add_func ("/export/write/hard-link", test_write_hard_link);
  g_test_add_func ("/export/write/not-regular", test_write_not_regular);
  g_test_add_func ("/export/write/read-only-file", test_write_read_only_file);
  g_test_add_func ("/export/write/long-name", test_write_long_name);
  g_test_add_func ("/export/write/unwritable-folder", test_write_unwritable_folder);
  g_test_add_func ("/export/write/signal", test_write_signal);
  g_test_add_func ("/export/write/signal-in-place", test_write_signal_in_place);
  g_test_add_func ("/export/unknown-extension", test_unknown_extension);

  ret = g_test_run ();
  g_object_unref (bundled);
  return ret;
}
