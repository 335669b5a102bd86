/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "dsr-test-utils.h"

/* The built dsr-atlas, run headless: exit statuses and messages of --export. */

static char *tmp_dir;

static int
run (const char  *first,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *atlas = g_getenv ("DSR_ATLAS");
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;
  va_list args;

  g_assert_nonnull (atlas);
  g_ptr_array_add (argv, (gpointer) atlas);
  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, err);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* What a run before left there (a test may reuse @out and @err). */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  /* No display: the export must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL)
    g_test_message ("stderr: %s", *err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
test_png_figure4 (void)
{
  g_autofree char *path = tmp_path ("fig4.png");
  g_autofree char *out = NULL, *err = NULL;
  cairo_surface_t *png;

  g_assert_cmpint (run ("--export", &out, &err, path, "--indicator", "DSR.GCI.SCORE", "--grouping",
                        "bri-continent", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1000);
  cairo_surface_destroy (png);
}

static void
test_sizes_and_formats (void)
{
  const char *names[] = { "a.png", "a.svg", "a.pdf", "a.csv" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF", "entity_id," };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = tmp_path (names[i]);
      g_autofree char *contents = NULL;
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run ("--export", &out, &err, path, "--view", "trend", "--indicator", "DSR.DDS.EXP",
                            "--width", "480", "--height", "320", "--theme", "dark", "--scale", "2", NULL), ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
    }
  {
    g_autofree char *path = tmp_path ("a.svg");
    g_autofree char *contents = NULL;
    g_autofree char *out = NULL, *err = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, ">World</text>"));
    g_assert_nonnull (strstr (contents, "width=\"480px\""));

    g_assert_cmpint (run ("--export", &out, &err, path, "--svg-text-as-paths", "--compare", "world-diff",
                          "--regions", "europe,asia", NULL), ==, 0);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_null (strstr (contents, "<text"));
  }
  {
    g_autofree char *path = tmp_path ("table.csv");
    g_autofree char *contents = NULL;
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run ("--export", &out, &err, path, "--view", "table", "--year", "2021", NULL), ==, 0);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "bri-continent:oceania,Oceania,region,DSR.GCI.SCORE,2021,24.84,value,reported"));
  }
}

typedef struct
{
  const char *args[6];
  const char *expect[3];  /* in the message */
} BadCase;

static void
test_usage_errors (void)
{
  const BadCase cases[] = {
    { { "--indicator", "NO.SUCH" }, { "NO.SUCH", "DSR.GCI.SCORE", "IT.NET.USER.ZS" } },
    { { "--indicator", "DSR.POSTAL.RELIABILITY" }, { "DSR.POSTAL.RELIABILITY", "DSR.GCI.SCORE" } },
    { { "--year", "2015" }, { "2015", "2021" } },
    { { "--year", "soon" }, { "soon" } },
    { { "--view", "trend", "--indicator", "DSR.DDS.EXP", "--years", "1990-1995" }, { "2012–2021" } },
    { { "--years", "2021-2012" }, { "2021" } },
    { { "--width", "50" }, { "100", "10000" } },
    { { "--height", "20000" }, { "100", "10000" } },
    { { "--width", "wide" }, { "wide" } },
    { { "--scale", "0" }, { "scale" } },
    { { "--grouping", "continents" }, { "continents", "bri-region", "bri-continent" } },
    { { "--regions", "europe,atlantis" }, { "atlantis", "europe", "oceania" } },
    { { "--view", "pie" }, { "pie", "bars", "trend" } },
    { { "--compare", "ratio" }, { "ratio", "world-diff" } },
    { { "--theme", "blue" }, { "blue", "dark" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tmp_path ("bad.png");
      g_autofree char *out = NULL, *err = NULL;
      const char * const *a = cases[i].args;

      g_assert_cmpint (run ("--export", &out, &err, path, a[0], a[1], a[2], a[3], a[4], a[5], NULL), ==, 2);
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].expect) && cases[i].expect[k] != NULL; k++)
        if (strstr (err, cases[i].expect[k]) == NULL)
          g_error ("%s %s: “%s” is not in the message: %s", a[0], a[1], cases[i].expect[k], err);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  /* Unknown extension */
  {
    g_autofree char *path = tmp_path ("chart.bmp");
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run ("--export", &out, &err, path, NULL), ==, 2);
    g_assert_nonnull (strstr (err, ".png"));
    g_assert_nonnull (strstr (err, ".svg"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
test_write_error (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "missing", "fig.png", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run ("--export", &out, &err, path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Onto a directory */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--export", &out, &err, tmp_dir, NULL), ==, 2);
  {
    g_autofree char *dir_png = tmp_path ("dir.png");

    g_assert_cmpint (g_mkdir (dir_png, 0755), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run ("--export", &out, &err, dir_png, NULL), ==, 1);
    g_assert_nonnull (strstr (err, dir_png));
    g_assert_true (g_file_test (dir_png, G_FILE_TEST_IS_DIR));
  }
}

static void
test_lists_still_work (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run ("--list-indicators", &out, &err, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "DSR.DDS.EXP"));
  g_assert_nonnull (strstr (out, "2012–2021"));
}

/* The regional rules on the command line (issue 12): bad values are usage
 * errors that list the choices; the membership of a year can be listed. */
static void
test_rules_options (void)
{
  g_autofree char *path = tmp_path ("rules.csv");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (run ("--export", &out, &err, path, "--aggregate", "median", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "mean, weighted-mean, sum, none"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--export", &out, &err, path, "--min-coverage", "1.5", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "0 to 1"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--export", &out, &err, path, "--min-coverage", "x", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--export", &out, &err, path, "--tolerance", "9", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "0 to 5"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--export", &out, &err, path, "--membership", "sometimes", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "fixed, as-of-year"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--export", &out, &err, path, "--map-mode", "both", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "country, region"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  /* Valid: the file is written, and its header names what the values are. */
  g_assert_cmpint (run ("--export", &out, &err, path, "--indicator", "DSR.GCI.SCORE", "--aggregate", "mean",
                        "--min-coverage", "0.5", "--tolerance", "1", NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "entity_id,entity_name,kind,indicator_id,year,value,measure,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A tolerance is said on the figure, with its number of years. */
  {
    g_autofree char *svg = tmp_path ("tolerance.svg");
    g_autofree char *text = NULL;

    g_assert_cmpint (run ("--export", &out, &err, svg, "--indicator", "ITU.GCI.2020", "--tolerance", "2",
                          "--grouping", "bri-continent", NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "within 2 years counts"));
    g_assert_null (strstr (text, "%d"));
  }

  /* Members with the year they signed; with --year, those as of that year. */
  g_assert_cmpint (run ("--list-groupings", &out, &err, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "PAK (2013)"));
  g_assert_nonnull (strstr (out, "KOR (2015)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--list-groupings", &out, &err, "--year", "2014", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "PAK"));
  g_assert_null (strstr (out, "KOR"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--list-groupings", &out, &err, "--year", "soon", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  dsr_test_init (&argc, &argv);
  tmp_dir = dsr_test_make_tmp_dir ();

  g_test_add_func ("/cli/export/figure4", test_png_figure4);
  g_test_add_func ("/cli/export/formats", test_sizes_and_formats);
  g_test_add_func ("/cli/export/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export/write-error", test_write_error);
  g_test_add_func ("/cli/export/lists", test_lists_still_work);
  g_test_add_func ("/cli/export/rules", test_rules_options);

  ret = g_test_run ();
  dsr_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
