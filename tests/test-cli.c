/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "dsr-test-utils.h"

/* Runs the built dsr-atlas with @args and returns its exit status. */
static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("DSR_ATLAS");
  int status = -1;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* What a run before left there (the tests reuse @out and @err). */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) && !WIFEXITED (status))
    g_error ("dsr-atlas did not exit normally");
  return WEXITSTATUS (status);
}

static void
test_version (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "dsr-atlas " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--help", NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_true (strstr (out, "--list-indicators") != NULL);
  g_assert_true (strstr (out, "--list-groupings") != NULL);
}

static void
test_bad_option (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--no-such-option", NULL };
  const char *args2[] = { "stray", "--version", NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 2);
  g_assert_true (strstr (err, "--no-such-option") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (args2, &out, &err), ==, 2);
  g_assert_true (strstr (err, "stray") != NULL);
}

static void
test_list_indicators (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--list-indicators", NULL };
  g_auto(GStrv) lines = NULL;
  gboolean found_table1 = FALSE, found_gci = FALSE;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 15);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      /* id, name, unit, years */
      g_assert_cmpuint (g_strv_length (cols), ==, 4);
      if (g_str_equal (cols[0], "DSR.DDS.EXP"))
        {
          found_table1 = TRUE;
          g_assert_cmpstr (cols[2], ==, "hundred billion US$");
          g_assert_cmpstr (cols[3], ==, "2012–2021");
        }
      if (g_str_equal (cols[0], "DSR.GCI.SCORE"))
        {
          found_gci = TRUE;
          g_assert_cmpstr (cols[3], ==, "2021");
        }
    }
  g_assert_true (found_table1);
  g_assert_true (found_gci);
}

static void
test_list_groupings (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--list-groupings", NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "bri-region\t"));
  g_assert_true (strstr (out, "\n  bri-region:central-asia\tCentral Asia\t5 members\tKAZ (2014) KGZ (2015) TJK (2014) TKM (2023) UZB (2015)\n") != NULL);
  g_assert_true (strstr (out, "\nbri-continent\t") != NULL);
  g_assert_true (strstr (out, "ITA (2019–2023)") != NULL);
}

static void
test_broken_pack_exits_1 (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--pack", dir, "--list-indicators", NULL };

  dsr_test_copy_pack (dir);
  path = dsr_test_write_tmp (dir, "observations.csv",
                             "indicator,entity,year,value,qualifier,source,note\n"
                             "DSR.GCI.SCORE,WLD,2021,fifty,,s,\n");
  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_true (strstr (err, "observations.csv:2: column “value”: “fifty” is not a number") != NULL);
  dsr_test_rm_rf (dir);
}

static void
test_missing_pack_exits_1 (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--pack", "/nonexistent-pack", "--list-groupings", NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_true (strstr (err, "/nonexistent-pack/indicators.csv") != NULL);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "data", name, NULL);
}

static void
test_data_import (void)
{
  g_autofree char *data = fixture ("wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv");
  g_autofree char *meta = fixture ("wb/Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv");
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *csv = g_build_filename (dir, "internet.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *list[] = { "--data", data, "--data", meta, "--list-indicators", NULL };
  const char *export[] = { "--data", data, "--data", meta, "--export", csv, "--indicator",
                           "IT.NET.USER.ZS", "--year", "2021", "--view", "table", NULL };

  /* On the paper's pack alone (the country pack has IT.NET.USER.ZS). */
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);

  /* The imported indicator is listed with its years; the paper's are still there. */
  g_assert_cmpint (run (list, &out, &err), ==, 0);
  g_assert_true (strstr (out, "IT.NET.USER.ZS\tIndividuals using the Internet\t% of population\t2019–2022\n") != NULL);
  g_assert_true (strstr (out, "DSR.GCI.SCORE\t") != NULL);
  /* Skipped rows are reported with file and line. */
  g_assert_true (strstr (err, "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv:16: unknown economy code “ATL”") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --data combines with --export: China's imported value is in the CSV. */
  g_assert_cmpint (run (export, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (strstr (contents, "\nCHN,China,country,IT.NET.USER.ZS,2021,30,value,observed,") != NULL);
  g_unsetenv ("DSR_ATLAS_PACK");
  dsr_test_rm_rf (dir);
}

static void
test_data_rejected (void)
{
  g_autofree char *garbage = fixture ("malformed/garbage.bin");
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--data", garbage, "--list-indicators", NULL };
  const char *missing[] = { "--data", "/nonexistent/file.csv", "--list-indicators", NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_true (strstr (err, "garbage.bin:1:") != NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (missing, &out, &err), ==, 1);
  g_assert_true (strstr (err, "/nonexistent/file.csv") != NULL);
}

static void
test_data_columns (void)
{
  g_autofree char *mapped = fixture ("tidy/mapped.csv");
  g_autofree char *out = NULL, *err = NULL;
  const char *unmapped[] = { "--data", mapped, "--list-indicators", NULL };
  const char *args[] = { "--data", mapped, "--columns", "country=land,year=jahr,value=wert,indicator=kennzahl",
                         "--list-indicators", NULL };
  const char *bad[] = { "--data", mapped, "--columns", "nonsense", "--list-indicators", NULL };

  /* Unrecognised columns: rejected, naming the file. */
  g_assert_cmpint (run (unmapped, &out, &err), ==, 1);
  g_assert_true (strstr (err, "mapped.csv:1:") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_true (strstr (out, "DSR.TEST.MAPPED\t") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (bad, &out, &err), ==, 2);
  g_assert_true (strstr (err, "--columns") != NULL);
}

/* Whether @text has a control character other than a line end. */
static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p; p++)
    if (((guchar) *p < 0x20 && *p != '\n') || *p == 0x7f)
      return TRUE;
  return FALSE;
}

/* Options are checked before the data is read: a bad one exits 2 at once,
 * with a message about the option (not about the data file, which here
 * would fail the import with status 1). */
static void
test_options_before_import (void)
{
  g_autofree char *garbage = fixture ("malformed/garbage.bin");
  static const struct
  {
    const char *option;
    const char *value;
    const char *message;
  } cases[] = {
    { "--view", "pie", "Unknown view “pie”" },
    { "--width", "0x640", "--width: “0x640” is not a whole number from 100 to 10000" },
    { "--height", "50", "--height: “50” is not a whole number from 100 to 10000" },
    { "--width", "99999999999", "from 100 to 10000" },
    { "--compare", "relative", "Unknown comparison “relative”" },
    { "--year", "1e3", "--year: “1e3” is not a whole number" },
    { "--years", "2021-2012", "--years: 2021 is after 2012" },
    { "--scale", "0", "--scale: “0” is not a number from 0.25 to 8" },
    { "--theme", "blue", "Unknown theme “blue”" },
    { "--export", "figure.txt", "Cannot tell the format" },
    { "--columns", "nonsense", "--columns: column mapping: “nonsense”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char *args[] = { "--data", garbage, "--export", "x.png", cases[i].option, cases[i].value, NULL };

      g_test_message ("%s %s", cases[i].option, cases[i].value);
      g_assert_cmpint (run (args, &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_null (strstr (err, "garbage.bin"));
    }
}

static void
test_data_empty_name (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--data", "", "--list-indicators", NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "dsr-atlas: --data: the file name is empty\n");
  g_assert_cmpstr (out, ==, "");
}

/* A file that adds no value is an import that failed: status 1, naming the
 * file and why; naming its indicator then does not blame the option. */
static void
test_data_no_values (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *header = dsr_test_write_tmp (dir, "header-only.csv", "iso3c,Series,ref_year,OBS_VALUE\n");
  g_autofree char *bad = dsr_test_write_tmp (dir, "bad-years.csv",
                                             "iso3c,Series,ref_year,OBS_VALUE\nCHN,DSR.TEST.NONE,20x1,1\n");
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *list[] = { "--data", header, "--list-indicators", NULL };
  const char *export[] = { "--data", bad, "--export", png, "--indicator", "DSR.TEST.NONE", NULL };

  g_assert_cmpint (run (list, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "header-only.csv: nothing to import: the file has a header but no rows"));
  g_assert_cmpstr (out, ==, "");

  g_assert_cmpint (run (export, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "bad-years.csv: nothing to import: its 1 row gave no value (line 2: “20x1” "
                                 "is not a year)"));
  g_assert_null (strstr (err, "Unknown indicator"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  dsr_test_rm_rf (dir);
}

/* Control characters in a path or an option are escaped on the terminal,
 * and a long value is cut. */
static void
test_escaped_messages (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "a\x1b[31m\tb.csv", NULL);
  g_autofree char *big = g_strnfill (100000, 'v');
  g_autofree char *out = NULL, *err = NULL;
  const char *missing[] = { "--data", path, "--list-indicators", NULL };
  const char *view[] = { "--export", "x.png", "--view", big, NULL };
  const char *indicator[] = { "--export", "x.csv", "--indicator", "X\x1b]0;title\x07", NULL };
  const char *option[] = { "--x\x1b[2J", NULL };
  const char *stray[] = { "stray\x1b", NULL };

  g_assert_cmpint (run (missing, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "a\\x1b[31m\\tb.csv"));
  g_assert_false (has_control (err));

  g_assert_cmpint (run (view, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Unknown view “vvvvvvvvvv"));
  g_assert_nonnull (strstr (err, "v…”"));
  g_assert_cmpuint (strlen (err), <, 200);

  g_assert_cmpint (run (indicator, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Unknown indicator “X\\x1b]0;title\\x07”"));
  g_assert_false (has_control (err));

  /* What GOption reports, and a stray argument. */
  g_assert_cmpint (run (option, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--x\\x1b[2J"));
  g_assert_false (has_control (err));
  g_assert_cmpint (run (stray, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "unexpected argument “stray\\x1b”"));
  g_assert_false (has_control (err));
  dsr_test_rm_rf (dir);
}

static void
test_export_map (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "fig4-map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "fig4-map.svg", NULL);
  g_autofree char *csv = g_build_filename (dir, "fig4-map.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *png_args[] = { "--export", png, "--view", "map", "--width", "800", "--height", "450", NULL };
  const char *svg_args[] = { "--export", svg, "--view", "map", NULL };
  const char *csv_args[] = { "--export", csv, "--view", "map", NULL };
  const char *bad_year[] = { "--export", png, "--view", "map", "--year", "2015", NULL };
  gsize length;

  g_assert_cmpint (run (png_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_true (length > 24 && memcmp (contents, "\x89PNG", 4) == 0);
  /* The width and height in the IHDR chunk. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 450);
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run (svg_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (strstr (contents, "Global Cybersecurity Index</text>") != NULL);
  g_clear_pointer (&contents, g_free);

  /* The map's numbers: the world and each continent's reported value. */
  g_assert_cmpint (run (csv_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "entity_id,entity_name,kind,indicator_id,year,value,measure,basis"));
  g_assert_true (strstr (contents, "\nWLD,World,world,DSR.GCI.SCORE,2021,51.71,value,reported,,,,,") != NULL);
  g_assert_true (strstr (contents, "\nbri-continent:europe,Europe,region,DSR.GCI.SCORE,2021,82.44,value,reported,,,,,") != NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A year without data: the usage status and the years there are. */
  g_assert_cmpint (run (bad_year, &out, &err), ==, 2);
  g_assert_true (strstr (err, "2021") != NULL);
  dsr_test_rm_rf (dir);
}

/* The scatter: two bundled indicators into PNG, SVG, PDF and CSV, and the
 * errors a user can make (no --y-indicator, an unknown one, no year in
 * which an economy has both). */
static void
test_export_scatter (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "scatter.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "scatter.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "scatter.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "scatter.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *png_args[] = { "--export", png, "--view", "scatter", "--indicator", "IT.NET.USER.ZS",
                             "--y-indicator", "BX.GSR.CCIS.CD", "--size-by-population", "--year", "2021",
                             "--width", "900", "--height", "600", NULL };
  const char *svg_args[] = { "--export", svg, "--view", "scatter", "--indicator", "IT.NET.USER.ZS",
                             "--y-indicator", "IT.NET.BBND.P2", "--fit", "--year", "2022", NULL };
  const char *pdf_args[] = { "--export", pdf, "--view", "scatter", "--indicator", "IT.NET.USER.ZS",
                             "--y-indicator", "IT.NET.BBND.P2", NULL };
  const char *csv_args[] = { "--export", csv, "--view", "scatter", "--indicator", "IT.NET.USER.ZS",
                             "--y-indicator", "IT.NET.BBND.P2", "--year", "2022", NULL };
  const char *no_y[] = { "--export", svg, "--view", "scatter", "--indicator", "IT.NET.USER.ZS", NULL };
  const char *unknown_y[] = { "--export", svg, "--view", "scatter", "--indicator", "IT.NET.USER.ZS",
                              "--y-indicator", "NO.SUCH.ID", NULL };
  const char *unknown_x[] = { "--export", svg, "--view", "scatter", "--indicator", "NO.SUCH.ID",
                              "--y-indicator", "IT.NET.USER.ZS", NULL };
  const char *no_year[] = { "--export", svg, "--view", "scatter", "--indicator", "ITU.GCI.2020",
                            "--y-indicator", "IT.NET.USER.ZS", "--year", "2010", NULL };
  g_auto(GStrv) lines = NULL;
  gsize length;

  g_assert_cmpint (run (png_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_true (length > 24 && memcmp (contents, "\x89PNG", 4) == 0);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 900);
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run (svg_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (strstr (contents, "Fixed broadband subscriptions against Individuals using the Internet</text>")
                 != NULL);
  g_assert_true (strstr (contents, "Best fit, r = ") != NULL);
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run (pdf_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);

  /* The CSV: the 13 columns, one row per economy and indicator, then the world's. */
  g_assert_cmpint (run (csv_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "entity_id,entity_name,kind,indicator_id,year,value,measure,basis,"
                                             "rule,coverage_n,coverage_total,members_as_of,source\n"));
  g_assert_true (strstr (contents, "\nALB,Albania,country,IT.NET.USER.ZS,2022,") != NULL);
  g_assert_true (strstr (contents, "\nALB,Albania,country,IT.NET.BBND.P2,2022,") != NULL);
  g_assert_true (strstr (contents, "\nWLD,World,world,IT.NET.USER.ZS,2022,") != NULL);
  g_assert_true (strstr (contents, "\nWLD,World,world,IT.NET.BBND.P2,2022,") != NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    if (strchr (lines[i], '"') == NULL)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 13);
      }
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run (no_y, &out, &err), ==, 2);
  g_assert_true (strstr (err, "--y-indicator") != NULL);
  g_assert_cmpint (run (unknown_y, &out, &err), ==, 2);
  g_assert_true (strstr (err, "Unknown indicator “NO.SUCH.ID”") != NULL);
  g_assert_cmpint (run (unknown_x, &out, &err), ==, 2);
  g_assert_true (strstr (err, "Unknown indicator “NO.SUCH.ID”") != NULL);
  g_assert_cmpint (run (no_year, &out, &err), ==, 2);
  g_assert_true (strstr (err, "No economy has values of both ITU.GCI.2020 and IT.NET.USER.ZS in 2010") != NULL);
  g_assert_true (strstr (err, "Years with both: 2020") != NULL);
  dsr_test_rm_rf (dir);
}

/* In Chinese: the chart's furniture, the indicator, the regions and the
 * source line of an SVG export are translated, and kept as text. */
static void
test_export_chinese (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *svg = g_build_filename (dir, "fig4-zh.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { g_getenv ("DSR_ATLAS"), "--export", svg, "--indicator", "DSR.GCI.SCORE", NULL };
  int status;

  if (!g_file_test ("/usr/lib/locale/zh_CN.utf8", G_FILE_TEST_IS_DIR)
      && !g_file_test ("/usr/lib/locale/C.utf8", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  env = g_environ_setenv (env, "DSR_LOCALEDIR", g_getenv ("DSR_BUILD_LOCALEDIR"), TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  if (strstr (contents, "全球网络安全指数") == NULL)
    {
      /* The locale is not installed (setlocale fell back to C). */
      g_test_skip ("the zh_CN.UTF-8 locale is not usable here");
      dsr_test_rm_rf (dir);
      return;
    }
  g_assert_true (strstr (contents, ">全球网络安全指数</text>") != NULL);
  g_assert_true (strstr (contents, ">欧洲</text>") != NULL);
  g_assert_true (strstr (contents, "世界平均水平") != NULL);
  g_assert_true (strstr (contents, "商业与管理学术期刊") != NULL);
  /* The font list falls back to a CJK font. */
  g_assert_true (strstr (contents, "Noto Sans CJK SC") != NULL);

  /* The map's note: its sentences end and join as Chinese ones do. */
  {
    g_autofree char *map = g_build_filename (dir, "map-zh.svg", NULL);
    const char *map_argv[] = { g_getenv ("DSR_ATLAS"), "--export", map, "--view", "map", "--indicator",
                               "IT.NET.USER.ZS", "--year", "2022", NULL };

    g_clear_pointer (&contents, g_free);
    g_spawn_sync (NULL, (char **) map_argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_get_contents (map, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "个的未加权平均值。中国："));
    g_assert_null (strstr (contents, "。 "));
  }
  dsr_test_rm_rf (dir);
}

/* @text without white space (pdftotext breaks lines where the PDF does). */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* pdfinfo's page count of @path; 0 when pdfinfo is missing (outside CI,
 * which installs poppler-utils). */
static guint
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status;

  if (pdfinfo == NULL)
    {
      g_assert_cmpstr (g_getenv ("CI"), !=, "true");
      return 0;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + strlen ("Pages:"), " "), NULL, 10);
}

/* --handout: a PDF of a page per year (or per view); bad options exit 2
 * before anything is read, a view the data cannot show exits 2, a file
 * that cannot be written exits 1; none leaves a file behind. */
static void
test_handout (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "handout.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "handout.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *contents = NULL;
  /* (Few pages, and few runs: each loads the data, slow under the sanitizers.
   * tests/render/test-handout.c reads every page of larger handouts.) */
  const char *years[] = { "--handout", pdf, "--view", "table", "--indicator", "IT.NET.USER.ZS", "--years", "2020:2021",
                          NULL };
  const char *trend[] = { "--handout", pdf, "--view", "trend", "--indicator", "IT.NET.USER.ZS", "--years",
                          "2019-2021", NULL };
  const char *help[] = { "--help", NULL };
  guint n;

  g_assert_cmpint (run (help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--handout=FILE.pdf"));
  g_assert_nonnull (strstr (out, "--handout-pages=PAGES"));

  g_assert_cmpint (run (years, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  n = pdf_pages (pdf);
  g_assert_true (n == 0 || n == 2);
  /* A trend's handout is one page per view. */
  g_assert_cmpint (run (trend, &out, &err), ==, 0);
  n = pdf_pages (pdf);
  g_assert_true (n == 0 || n == 4);
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
  g_remove (pdf);

  {
    /* Each bad choice: exit 2 and a message naming the option. */
    const struct
    {
      const char *args[9];
      const char *message;
    } bad[] = {
      { { "--handout", pdf, "--handout-pages", "weekly", NULL }, "--handout-pages" },
      { { "--handout", png, NULL }, ".pdf" },
      { { "--handout", "", NULL }, "--handout" },
      { { "--export", png, "--handout-pages", "views", NULL }, "--handout-pages" },
      { { "--handout", pdf, "--view", "trend", "--handout-pages", "years", NULL }, "trend" },
      { { "--handout", pdf, "--years", "2022-2015", NULL }, "--years" },
      { { "--handout", pdf, "--indicator", "IT.NET.USER.ZS", "--years", "1960-1970", NULL }, "1960" },
      { { "--handout", pdf, "--indicator", "NO.SUCH.THING", NULL }, "NO.SUCH.THING" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_cmpint (run (bad[i].args, &out, &err), ==, 2);
        g_assert_nonnull (strstr (err, bad[i].message));
        g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      }
  }
  {
    const char *unwritable[] = { "--handout", missing, "--indicator", "IT.NET.USER.ZS", "--years", "2021", NULL };

    g_assert_cmpint (run (unwritable, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "no-such-folder"));
  }
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 0);
  dsr_test_rm_rf (dir);
}

/* The handout in Chinese: the pages' own text and the figures' text. */
static void
test_handout_chinese (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "handout-zh.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { g_getenv ("DSR_ATLAS"), "--handout", pdf, "--view", "bars", "--indicator",
                         "IT.NET.USER.ZS", "--years", "2020-2021", NULL };
  const char *to_text[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status;

  if (pdftotext == NULL)
    {
      g_assert_cmpstr (g_getenv ("CI"), !=, "true");
      g_test_skip ("pdftotext (poppler-utils) is missing: tools/deps.sh test installs it");
      return;
    }
  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  env = g_environ_setenv (env, "DSR_LOCALEDIR", g_getenv ("DSR_BUILD_LOCALEDIR"), TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_spawn_sync (NULL, (char **) to_text, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (strstr (text, "互联网用户比例") == NULL)
    {
      /* The locale is not installed (setlocale fell back to C). */
      g_test_skip ("the zh_CN.UTF-8 locale is not usable here");
      dsr_test_rm_rf (dir);
      return;
    }
  g_assert_nonnull (strstr (text, "2020年：互联网用户比例"));
  g_assert_nonnull (strstr (text, "2021年：互联网用户比例"));
  g_assert_nonnull (strstr (text, "第 1 页，共 2 页"));
  g_assert_nonnull (strstr (text, "第 2 页，共 2 页"));
  g_assert_nonnull (strstr (text, "来源：世界银行世界发展指标"));
  g_assert_nonnull (strstr (text, "欧洲"));
  /* A page has its figure's written summary, in Chinese: what --summary
   * prints for that view (compared without the line breaks). */
  {
    const char *year_text = "2021";
    const char *summary_argv[] = { g_getenv ("DSR_ATLAS"), "--summary", "--view", "bars", "--indicator",
                                   "IT.NET.USER.ZS", "--year", year_text, NULL };
    g_autofree char *summary = NULL;
    g_autofree char *squeezed_summary = NULL;
    g_autofree char *squeezed_text = NULL;

    g_spawn_sync (NULL, (char **) summary_argv, env, G_SPAWN_DEFAULT, NULL, NULL, &summary, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    squeezed_summary = squeeze (summary);
    squeezed_text = squeeze (text);
    g_assert_true (g_utf8_strlen (squeezed_summary, -1) > 20);
    g_assert_nonnull (strstr (squeezed_summary, year_text));
    g_assert_nonnull (strstr (squeezed_text, squeezed_summary));
  }
  dsr_test_rm_rf (dir);
}

/* --summary prints the view's written summary, alone or with --export
 * (which writes it into the file too); --caption needs --export. */
#define FIG4_SUMMARY "In 2021, 2 of 6 regions were above the world average for Global Cybersecurity Index as " \
                     "reported, 51.71 (0–100 score). Oceania was lowest at 24.84 (26.87 below the world; as " \
                     "reported); Europe highest at 82.44 (as reported)."

static void
test_summary (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *svg = g_build_filename (dir, "fig4.svg", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *alone[] = { "--summary", "--indicator", "DSR.GCI.SCORE", NULL };
  const char *with_export[] = { "--summary", "--export", svg, "--indicator", "DSR.GCI.SCORE", "--caption", NULL };
  const char *caption_alone[] = { "--caption", "--indicator", "DSR.GCI.SCORE", NULL };
  const char *bad_view[] = { "--summary", "--indicator", "NOPE", NULL };

  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);
  g_assert_cmpint (run (alone, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, FIG4_SUMMARY "\n");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run (with_export, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, FIG4_SUMMARY "\n");
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<desc>" FIG4_SUMMARY "</desc>"));
  /* The caption's first line. */
  g_assert_nonnull (strstr (contents, ">In 2021, 2 of 6 regions were above"));

  g_assert_cmpint (run (caption_alone, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--caption"));
  g_assert_cmpint (run (bad_view, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "NOPE"));
  g_assert_cmpstr (out, ==, "");
  g_unsetenv ("DSR_ATLAS_PACK");
  dsr_test_rm_rf (dir);
}

/* In the locale's language. */
static void
test_summary_chinese (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--summary", "--indicator", "DSR.GCI.SCORE", NULL };

  if (!g_file_test ("/usr/lib/locale/zh_CN.utf8", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("DSR_LOCALEDIR", g_getenv ("DSR_BUILD_LOCALEDIR"), TRUE);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_unsetenv ("DSR_LOCALEDIR");
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("DSR_ATLAS_PACK");
  g_assert_cmpstr (out, ==,
                   "2021年，6 个地区中有 2 个高于来源报告的全球网络安全指数世界平均值 51.71（0–100 分）。"
                   "大洋洲最低，为 24.84（比世界低 26.87；据来源报告）；欧洲最高，为 82.44（据来源报告）。\n");
}

/* The CSV export ends with its summary line, which does not keep the atlas
 * from importing the file again (with its columns mapped, as before). */
static void
test_csv_reimport (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *csv = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *export[] = { "--export", csv, "--view", "table", "--indicator", "IT.NET.USER.ZS", "--year", "2022",
                           NULL };
  const char *again[] = { "--data", csv, "--columns", "country=entity_id,year=year,value=value,indicator=indicator_id",
                          "--list-indicators", NULL };
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_cmpint (run (export, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 3);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_assert_true (g_str_has_prefix (lines[n - 2], "#summary,\"In 2022, "));
  g_assert_true (g_str_has_suffix (lines[n - 2], "\",,,,,,,,,,,"));

  g_assert_cmpint (run (again, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "IT.NET.USER.ZS\t"));
  g_assert_null (strstr (err, "#summary"));
  g_assert_null (strstr (err, "fields as in the header"));
}

/* Saved views ------------------------------------------------------------------ */

static char *
read_text (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

/* --save-view, then --view-file: the same CSV as the options themselves;
 * options given with --view-file override the file's. */
static void
test_view_round_trip (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *view = g_build_filename (dir, "fig.dsrview", NULL);
  g_autofree char *direct = g_build_filename (dir, "direct.csv", NULL);
  g_autofree char *opened = g_build_filename (dir, "opened.csv", NULL);
  g_autofree char *bare = g_build_filename (dir, "bare.csv", NULL);
  g_autofree char *year = g_build_filename (dir, "year.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *a = NULL, *b = NULL, *c = NULL, *d = NULL, *text = NULL;
  const char *save[] = { "--save-view", view, "--view", "table", "--indicator", "ITU.GCI.2020",
                         "--grouping", "bri-continent", "--regions", "bri-continent:europe,bri-continent:asia",
                         "--aggregate", "mean", "--min-coverage", "0.5", NULL };
  const char *export[] = { "--export", direct, "--view", "table", "--indicator", "ITU.GCI.2020",
                           "--grouping", "bri-continent", "--regions", "bri-continent:europe,bri-continent:asia",
                           "--aggregate", "mean", "--min-coverage", "0.5", NULL };
  const char *open[] = { "--view-file", view, "--export", opened, NULL };
  const char *open_bare[] = { view, "--export", bare, NULL };
  const char *override[] = { "--view-file", view, "--export", year, "--indicator", "IT.NET.USER.ZS",
                             "--year", "2019", NULL };

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_assert_cmpint (run (save, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = read_text (view);
  g_assert_nonnull (strstr (text, "\"format\" : \"dsr-atlas-view\""));
  g_assert_nonnull (strstr (text, "\"bundled\" : [\n      \"ITU.GCI.2020\"\n    ]"));
  g_assert_cmpint (run (export, &out, &err), ==, 0);
  g_assert_cmpint (run (open, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (run (open_bare, &out, &err), ==, 0);
  a = read_text (direct);
  b = read_text (opened);
  c = read_text (bare);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);

  /* The command line's options override the file's; the rest is the file's. */
  g_assert_cmpint (run (override, &out, &err), ==, 0);
  d = read_text (year);
  g_assert_nonnull (strstr (d, "\nbri-continent:europe,Europe,region,IT.NET.USER.ZS,2019,"));
  g_assert_null (strstr (d, "bri-continent:africa"));
  g_unsetenv ("XDG_DATA_HOME");
  dsr_test_rm_rf (dir);
}

/* The saved view of the paper's Figure 4 (data/views) draws Figure 4. */
static void
test_view_paper_figure_4 (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *view = g_build_filename (g_getenv ("DSR_SOURCE_DATA"), "views", "paper-figure-4.dsrview", NULL);
  g_autofree char *opened = g_build_filename (dir, "fig4-view.csv", NULL);
  g_autofree char *direct = g_build_filename (dir, "fig4.csv", NULL);
  g_autofree char *svg = g_build_filename (dir, "fig4.svg", NULL);
  g_autofree char *out = NULL, *err = NULL, *a = NULL, *b = NULL;
  const char *open[] = { "--view-file", view, "--export", opened, NULL };
  const char *open_svg[] = { "--view-file", view, "--export", svg, NULL };
  const char *export[] = { "--export", direct, "--indicator", "DSR.GCI.SCORE", "--grouping", "bri-continent", NULL };

  g_assert_cmpint (run (open, &out, &err), ==, 0);
  g_assert_cmpint (run (export, &out, &err), ==, 0);
  a = read_text (opened);
  b = read_text (direct);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\nbri-continent:europe,Europe,region,DSR.GCI.SCORE,2021,82.44,value,reported,"));
  g_assert_cmpint (run (open_svg, &out, &err), ==, 0);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  dsr_test_rm_rf (dir);
}

/* A bad view file: exit 1, the file and the field named, nothing written. */
static void
test_view_bad_files (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "not json", "bad.dsrview:1:" },
    { "{\"format\": \"dsr-atlas-view\", \"version\": \"2.1\"}",
      "bad.dsrview: $.version: the file is of version 2.1, made by a newer atlas" },
    { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"year\": \"2020\"}",
      "bad.dsrview: $.year: expected a whole number, found a string" },
    { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"indicator\": \"NO.SUCH\"}",
      "bad.dsrview: $.indicator: unknown indicator “NO.SUCH”" },
    { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"grouping\": \"planets\"}",
      "bad.dsrview: $.grouping: unknown grouping “planets”" },
    { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"indicator\": \"ITU.GCI.2020\", "
      "\"grouping\": \"bri-continent\", \"regions\": [\"mars\"]}",
      "bad.dsrview: Unknown region “mars”" },
    { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"imports\": [{\"name\": "
      "\"gone.csv\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"}]}}",
      "bad.dsrview: $.data.imports[0]: the data file “gone.csv” is missing" },
  };
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "none.dsrview", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *none[] = { "--view-file", missing, "--export", svg, NULL };
  const char *empty[] = { "--view-file", "", "--export", svg, NULL };

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = dsr_test_write_tmp (dir, "bad.dsrview", cases[i].json);
      const char *args[] = { "--view-file", path, "--export", svg, NULL };

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_cmpint (run (args, &out, &err), ==, 1);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, err, cases[i].message);
      g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (run (none, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "none.dsrview"));
  g_assert_cmpint (run (empty, &out, &err), ==, 2);
  g_unsetenv ("XDG_DATA_HOME");
  dsr_test_rm_rf (dir);
}

/* A view made with imported data lists the file with its SHA-256; opened
 * with the file beside it (or given with --data) it draws the same; a
 * missing or changed file is an error, never replaced. */
static void
test_view_imported_data (void)
{
  g_autofree char *data = fixture ("wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv");
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *view = g_build_filename (elsewhere, "net.dsrview", NULL);
  g_autofree char *copy = g_build_filename (elsewhere, "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  g_autofree char *direct = g_build_filename (dir, "direct.csv", NULL);
  g_autofree char *opened = g_build_filename (dir, "opened.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *contents = NULL, *a = NULL, *b = NULL;
  const char *save[] = { "--data", data, "--save-view", view, "--view", "table", "--indicator",
                         "IT.NET.USER.ZS", "--year", "2021", "--export", direct, NULL };
  const char *open[] = { "--view-file", view, "--export", opened, NULL };
  const char *open_data[] = { "--data", data, "--view-file", view, "--export", opened, NULL };
  const char *metadata[] = { "wb/Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv",
                             "wb/Metadata_Indicator_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv" };
  gsize length;

  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  g_assert_cmpint (run (save, &out, &err), ==, 0);
  text = read_text (view);
  g_assert_nonnull (strstr (text, "\"name\" : \"API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv\""));
  g_assert_nonnull (strstr (text, "\"sha256\" : \""));

  /* Missing: not beside the view file, not given. */
  g_assert_cmpint (run (open, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "net.dsrview: $.data.imports[0]: the data file “API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv” is missing"));
  g_assert_false (g_file_test (opened, G_FILE_TEST_EXISTS));

  /* Given with --data: the same numbers. */
  g_assert_cmpint (run (open_data, &out, &err), ==, 0);
  a = read_text (direct);
  b = read_text (opened);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpint (g_unlink (opened), ==, 0);

  /* Beside the view file: found and imported (the metadata read beside it too). */
  g_assert_nonnull (strstr (text, "\"name\" : \"Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv\""));
  for (guint i = 0; i < G_N_ELEMENTS (metadata); i++)
    {
      g_autofree char *from = fixture (metadata[i]);
      g_autofree char *base = g_path_get_basename (from);
      g_autofree char *to = g_build_filename (elsewhere, base, NULL);
      g_autofree char *meta = NULL;

      g_assert_true (g_file_get_contents (from, &meta, &length, NULL));
      g_assert_true (g_file_set_contents (to, meta, length, NULL));
    }
  g_assert_true (g_file_get_contents (data, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpint (run (open, &out, &err), ==, 0);
  g_clear_pointer (&b, g_free);
  b = read_text (opened);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpint (g_unlink (opened), ==, 0);

  /* Changed (one value): refused, nothing written. */
  g_assert_true (g_file_set_contents (copy, contents, length - 2, NULL));
  g_assert_cmpint (run (open, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "net.dsrview: $.data.imports[0]: the data file “API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv” has changed since the view was saved"));
  g_assert_false (g_file_test (opened, G_FILE_TEST_EXISTS));

  g_unsetenv ("DSR_ATLAS_PACK");
  g_unsetenv ("XDG_DATA_HOME");
  dsr_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/bad-option", test_bad_option);
  g_test_add_func ("/cli/list-indicators", test_list_indicators);
  g_test_add_func ("/cli/list-groupings", test_list_groupings);
  g_test_add_func ("/cli/broken-pack", test_broken_pack_exits_1);
  g_test_add_func ("/cli/missing-pack", test_missing_pack_exits_1);
  g_test_add_func ("/cli/data/import", test_data_import);
  g_test_add_func ("/cli/data/rejected", test_data_rejected);
  g_test_add_func ("/cli/data/columns", test_data_columns);
  g_test_add_func ("/cli/options-before-import", test_options_before_import);
  g_test_add_func ("/cli/data/empty-name", test_data_empty_name);
  g_test_add_func ("/cli/data/no-values", test_data_no_values);
  g_test_add_func ("/cli/escaped-messages", test_escaped_messages);
  g_test_add_func ("/cli/export/map", test_export_map);
  g_test_add_func ("/cli/export/scatter", test_export_scatter);
  g_test_add_func ("/cli/export/chinese", test_export_chinese);
  g_test_add_func ("/cli/handout", test_handout);
  g_test_add_func ("/cli/handout/chinese", test_handout_chinese);
  g_test_add_func ("/cli/summary", test_summary);
  g_test_add_func ("/cli/summary/chinese", test_summary_chinese);
  g_test_add_func ("/cli/summary/csv-reimport", test_csv_reimport);
  g_test_add_func ("/cli/view/round-trip", test_view_round_trip);
  g_test_add_func ("/cli/view/paper-figure-4", test_view_paper_figure_4);
  g_test_add_func ("/cli/view/bad-files", test_view_bad_files);
  g_test_add_func ("/cli/view/imported-data", test_view_imported_data);

  return g_test_run ();
}
