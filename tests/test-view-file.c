/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saved views (.dsrview): the round trip, forward compatibility, versions,
 * the data a view needs and the messages for bad files. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dsr-chart-data.h"
#include "dsr-error.h"
#include "dsr-figure.h"
#include "dsr-test-utils.h"
#include "dsr-view-file.h"

#define HASH_A "0000000000000000000000000000000000000000000000000000000000000000"

static DsrStore *bundled;

/* A view with every field away from its default. */
static DsrView *
make_view (void)
{
  DsrView *view = dsr_view_new ();
  const char *regions[] = { "bri-continent:europe", "bri-continent:asia", NULL };

  view->kind = DSR_VIEW_TABLE;
  view->indicator_id = g_strdup ("ITU.GCI.2020");
  view->y_indicator_id = g_strdup ("IT.NET.USER.ZS");
  view->year = 2020;
  view->year_from = 2012;
  view->year_to = 2021;
  view->grouping_id = g_strdup ("bri-continent");
  view->regions = g_strdupv ((char **) regions);
  view->compare = DSR_COMPARE_WORLD_DIFF;
  view->aggregation = DSR_AGGREGATION_MEAN;
  view->min_coverage = 0.5;
  view->tolerance = 2;
  view->membership = DSR_MEMBERSHIP_AS_OF_YEAR;
  view->map_regions = TRUE;
  view->width = 900;
  view->height = 600;
  view->scale = 2;
  view->scheme = DSR_SCHEME_DARK;
  view->show_fit = TRUE;
  view->size_by_population = TRUE;
  return view;
}

static void
assert_views_equal (const DsrView *a,
                    const DsrView *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpstr (a->indicator_id, ==, b->indicator_id);
  g_assert_cmpstr (a->y_indicator_id, ==, b->y_indicator_id);
  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpint (a->year_from, ==, b->year_from);
  g_assert_cmpint (a->year_to, ==, b->year_to);
  g_assert_cmpstr (a->grouping_id, ==, b->grouping_id);
  g_assert_true (a->regions == b->regions || g_strv_equal ((const char * const *) a->regions,
                                                           (const char * const *) b->regions));
  g_assert_cmpint (a->compare, ==, b->compare);
  g_assert_cmpint (a->aggregation, ==, b->aggregation);
  g_assert_cmpfloat (a->min_coverage, ==, b->min_coverage);
  g_assert_cmpint (a->tolerance, ==, b->tolerance);
  g_assert_cmpint (a->membership, ==, b->membership);
  g_assert_cmpint (a->map_regions, ==, b->map_regions);
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  g_assert_cmpfloat (a->scale, ==, b->scale);
  g_assert_cmpint (a->scheme, ==, b->scheme);
  g_assert_cmpint (a->show_fit, ==, b->show_fit);
  g_assert_cmpint (a->size_by_population, ==, b->size_by_population);
}

/* The CSV of the numbers the view shows. */
static char *
render_csv (const DsrView *view)
{
  g_autoptr(DsrView) resolved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DsrExportOptions options = { .format = DSR_EXPORT_CSV };

  resolved = dsr_chart_resolve_view (bundled, view, &error);
  g_assert_no_error (error);
  bytes = dsr_figure_render (bundled, resolved, DSR_EXPORT_CSV, &options, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_round_trip (void)
{
  g_autoptr(DsrView) view = make_view ();
  g_autoptr(DsrViewFile) file = dsr_view_file_new (view);
  g_autoptr(DsrViewFile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *data = dsr_test_write_tmp (dir, "my data.csv", "iso3,year,value\nCHN,2020,1\n");
  g_autofree char *path = g_build_filename (dir, "a.dsrview", NULL);
  g_autofree char *text = NULL, *text_again = NULL, *csv = NULL, *csv_again = NULL;
  const char *bundled_ids[] = { "ITU.GCI.2020", NULL };
  const char *indicators[] = { "DSR.TEST", NULL };
  const DsrViewData *entry;

  dsr_view_file_set_bundled (file, bundled_ids);
  dsr_view_file_set_language (file, "zh_CN");
  g_assert_true (dsr_view_file_add_import (file, data, indicators, &error));
  g_assert_no_error (error);
  g_assert_true (dsr_view_file_save (file, path, &error));
  g_assert_no_error (error);

  again = dsr_view_file_load (path, &error);
  g_assert_no_error (error);
  assert_views_equal (dsr_view_file_get_view (again), view);
  g_assert_cmpstr (dsr_view_file_get_language (again), ==, "zh_CN");
  g_assert_true (g_strv_equal (dsr_view_file_get_bundled (again), bundled_ids));
  g_assert_cmpuint (dsr_view_file_get_n_imports (again), ==, 1);
  entry = dsr_view_file_get_import (again, 0);
  g_assert_cmpstr (entry->name, ==, "my data.csv");
  {
    g_autofree char *hash = dsr_view_file_sha256 (data, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (entry->sha256, ==, hash);
  }
  g_assert_true (g_strv_equal ((const char * const *) entry->indicators, indicators));

  /* Written again, the same bytes. */
  text = dsr_view_file_to_data (file, NULL);
  text_again = dsr_view_file_to_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);

  /* The same numbers: the CSV of the view as saved and as opened. */
  {
    g_autoptr(DsrView) chart = make_view ();
    g_autoptr(DsrViewFile) bars = NULL;
    g_autoptr(DsrViewFile) reread = NULL;
    g_autofree char *bars_text = NULL;

    chart->kind = DSR_VIEW_BARS;
    g_clear_pointer (&chart->y_indicator_id, g_free);
    bars = dsr_view_file_new (chart);
    bars_text = dsr_view_file_to_data (bars, NULL);
    reread = dsr_view_file_load_from_data (bars_text, strlen (bars_text), "bars.dsrview", &error);
    g_assert_no_error (error);
    csv = render_csv (chart);
    csv_again = render_csv (dsr_view_file_get_view (reread));
    g_assert_cmpstr (csv, ==, csv_again);
    g_assert_nonnull (strstr (csv, "bri-continent:europe"));
  }
  dsr_test_rm_rf (dir);
}

/* The SHA-256 is the file's (sha256sum of "abc" is well known). */
static void
test_sha256 (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "abc.txt", "abc");
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = dsr_view_file_sha256 (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  dsr_test_rm_rf (dir);
}

static const char *future =
  "{\"format\": \"dsr-atlas-view\", \"version\": \"1.9\", \"view\": \"bars\",\n"
  " \"indicator\": \"ITU.GCI.2020\", \"grouping\": \"bri-continent\", \"year\": 2020,\n"
  " \"annotations\": [{\"text\": \"see note\", \"at\": [1, 2]}],\n"
  " \"size\": {\"width\": 900, \"height\": 600, \"dpi\": 300},\n"
  " \"data\": {\"bundled\": [\"ITU.GCI.2020\"], \"checksum_kind\": \"sha256\"}}\n";

/* A newer minor version: unknown fields are ignored, and kept when saved again. */
static void
test_unknown_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrViewFile) file = dsr_view_file_load_from_data (future, strlen (future), "future.dsrview", &error);
  g_autoptr(DsrViewFile) again = NULL;
  g_autofree char *text = NULL, *csv = NULL, *csv_plain = NULL;
  g_autoptr(DsrView) plain = dsr_view_new ();
  g_autoptr(DsrView) changed = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (dsr_view_file_get_view (file)->width, ==, 900);
  g_assert_cmpint (dsr_view_file_get_view (file)->year, ==, 2020);

  /* Ignored: the figure is the one without them. */
  plain->indicator_id = g_strdup ("ITU.GCI.2020");
  plain->grouping_id = g_strdup ("bri-continent");
  plain->year = 2020;
  plain->width = 900;
  plain->height = 600;
  csv = render_csv (dsr_view_file_get_view (file));
  csv_plain = render_csv (plain);
  g_assert_cmpstr (csv, ==, csv_plain);

  /* Kept, even after the view changed, inside the objects too; the version is ours. */
  changed = dsr_view_copy (dsr_view_file_get_view (file));
  changed->year = 2019;
  dsr_view_file_set_view (file, changed);
  text = dsr_view_file_to_data (file, NULL);
  g_assert_nonnull (strstr (text, "\"annotations\""));
  g_assert_nonnull (strstr (text, "\"see note\""));
  g_assert_nonnull (strstr (text, "\"dpi\" : 300"));
  g_assert_nonnull (strstr (text, "\"checksum_kind\" : \"sha256\""));
  g_assert_nonnull (strstr (text, "\"version\" : \"1.0\""));
  again = dsr_view_file_load_from_data (text, strlen (text), "again.dsrview", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dsr_view_file_get_view (again)->year, ==, 2019);
}

static void
test_newer_major (void)
{
  const char *text = "{\"format\": \"dsr-atlas-view\", \"version\": \"2.0\", \"view\": \"bars\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrViewFile) file = dsr_view_file_load_from_data (text, strlen (text), "next.dsrview", &error);

  g_assert_null (file);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "next.dsrview: $.version: the file is of version 2.0, made by a newer atlas; this "
                   "one reads versions up to 1.x: update the atlas to open it");
}

static DsrViewFile *
view_with_import (const char *dir,
                  const char *data_path)
{
  g_autoptr(DsrViewFile) file = dsr_view_file_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "v.dsrview", NULL);

  g_assert_true (dsr_view_file_add_import (file, data_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dsr_view_file_save (file, path, &error));
  g_assert_no_error (error);
  return dsr_view_file_load (path, &error);
}

static void
test_missing_and_changed_data (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *other = g_build_filename (dir, "other", NULL);
  g_autofree char *data = dsr_test_write_tmp (dir, "values.csv", "iso3,year,value\nCHN,2020,1\n");
  g_autoptr(DsrViewFile) file = view_with_import (dir, data);
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *changed = NULL;
  const char *dirs[] = { dir, NULL };
  const char *other_dirs[] = { other, NULL };
  const char *candidates[] = { NULL, NULL };

  g_assert_nonnull (file);
  /* Beside the view file: found. */
  found = dsr_view_file_locate_import (file, 0, NULL, dirs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, data);

  /* Missing: named, with the field. */
  g_assert_null (dsr_view_file_locate_import (file, 0, NULL, other_dirs, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_assert_nonnull (strstr (error->message, "v.dsrview: $.data.imports[0]: the data file “values.csv” is missing"));
  g_clear_error (&error);

  /* Given by path under another folder (--data): matched by its name. */
  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  moved = dsr_test_write_tmp (other, "values.csv", "iso3,year,value\nCHN,2020,1\n");
  candidates[0] = moved;
  g_free (found);
  found = dsr_view_file_locate_import (file, 0, candidates, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, moved);

  /* Changed: one byte differs; never used in its place. */
  changed = dsr_test_write_tmp (other, "values.csv", "iso3,year,value\nCHN,2020,2\n");
  g_assert_null (dsr_view_file_locate_import (file, 0, candidates, other_dirs, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "v.dsrview: $.data.imports[0]: the data file “values.csv” has changed"));
  g_clear_error (&error);
  /* Given by the user and changed: an error, even with the right one elsewhere. */
  g_assert_null (dsr_view_file_locate_import (file, 0, candidates, dirs, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  /* Found in the folders: a changed one in the first, the right one in the next. */
  {
    const char *both[] = { other, dir, NULL };

    g_free (found);
    found = dsr_view_file_locate_import (file, 0, NULL, both, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (found, ==, data);
  }
  dsr_test_rm_rf (dir);
}

typedef struct
{
  const char *json;
  const char *message; /* a part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "", "bad.dsrview: not a saved view: the file is empty" },
  { " \n", "bad.dsrview: not a saved view: the file is empty" },
  { "nope", "bad.dsrview:1:4: " },
  { "{\"format\": \"dsr-atlas-view\",\n \"version\": \"1.0\"", "bad.dsrview:2:" },
  { "{\"format\": \"dsr-atlas-view\",\n \"version\": \"1.0\"", "(not a saved view: not JSON)" },
  { "[1, 2]", "bad.dsrview: $: expected an object, found a list" },
  { "{}", "bad.dsrview: $.format: missing" },
  { "{\"format\": \"other\", \"version\": \"1.0\"}", "$.format: “other” is not a saved view" },
  { "{\"format\": \"dsr-atlas-view\"}", "$.version: missing" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": 1}", "$.version: expected a string, found a number" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"one\"}", "$.version: “one” is not a version" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"0.9\"}", "$.version: version 0.9 does not exist" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"year\": \"2020\"}",
    "bad.dsrview: $.year: expected a whole number, found a string" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"year\": 20.5}",
    "$.year: expected a whole number, found a number" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"year\": 99999}", "$.year: 99999 is not from 0 to 2100" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"year\": 12}", "$.year: 12 is not a year" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"view\": \"pie\"}",
    "$.view: unknown value “pie”; the values are: map, bars, trend, table" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"indicator\": 7}", "$.indicator: expected a string, found a number" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"indicator\": \"\"}", "$.indicator: expected a name of 1 to 256" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"regions\": \"europe\"}", "$.regions: expected a list of names, found a string" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"regions\": [\"a\", 1]}", "$.regions[1]: expected a string, found a number" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"years\": [2012, 2021]}", "$.years: expected an object, found a list" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"years\": {\"from\": 2021, \"to\": 2012}}", "$.years: 2021 is after 2012" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"compare\": \"ratio\"}", "$.compare: unknown value “ratio”" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"aggregation\": \"median\"}", "$.aggregation: unknown value “median”" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"min_coverage\": 2}", "$.min_coverage: 2 is not from 0 to 1" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"min_coverage\": \"all\"}", "$.min_coverage: expected a number, found a string" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"tolerance\": 9}", "$.tolerance: 9 is not from 0 to 5" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"membership\": true}", "$.membership: expected a string, found true or false" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"map_regions\": \"yes\"}", "$.map_regions: expected true or false, found a string" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"size\": {\"width\": 20}}", "$.size.width: 20 is not from 100 to 10000" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"size\": {\"scale\": 0}}", "$.size.scale: 0 is not from 0.25 to 8" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"size\": 5}", "$.size: expected an object, found a number" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"theme\": \"blue\"}", "$.theme: unknown value “blue”; the values are: light, dark" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"language\": \"zh CN;\"}", "$.language: “zh CN;” is not a language" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": []}", "$.data: expected an object, found a list" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"bundled\": [null]}}", "$.data.bundled[0]: expected a string, found null" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"imports\": {}}}", "$.data.imports: expected a list of files, found an object" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"imports\": [{\"sha256\": \"" HASH_A "\"}]}}",
    "$.data.imports[0].name: missing" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"imports\": [{\"name\": \"../../etc/passwd\", \"sha256\": \"" HASH_A "\"}]}}",
    "$.data.imports[0].name: “../../etc/passwd” is not a file name without a folder" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"imports\": [{\"name\": \"a.csv\", \"sha256\": \"abc\"}]}}",
    "$.data.imports[0].sha256: not a SHA-256" },
  { "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"imports\": [{\"name\": \"a.csv\"}]}}",
    "$.data.imports[0].sha256: missing" },
};

static void
test_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DsrViewFile) file = NULL;

      g_test_message ("case %u: %s", i, bad_cases[i].json);
      file = dsr_view_file_load_from_data (bad_cases[i].json, strlen (bad_cases[i].json), "bad.dsrview", &error);
      g_assert_null (file);
      g_assert_nonnull (error);
      if (strstr (error->message, bad_cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, bad_cases[i].message);
      g_assert_true (g_str_has_prefix (error->message, "bad.dsrview:"));
    }
}

static void
test_bad_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_malloc0 (DSR_VIEW_FILE_MAX_SIZE + 1);
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "none.dsrview", NULL);

  g_assert_null (dsr_view_file_load_from_data ("{\"a\xff\": 1}", 9, "x.dsrview", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_ENCODING);
  g_clear_error (&error);
  /* An octal escape json-glib reads (JSON has none) makes a byte that is not
   * UTF-8, in a field the app keeps but does not know: refused, with its path. */
  {
    const char *octal = "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"view\": \"bars\","
                        " \"indicator\": \"IT.NET.USER.ZS\", \"extra\": {\"list\": [\"ok\", \"a\\222b\"]}}";

    g_assert_null (dsr_view_file_load_from_data (octal, strlen (octal), "octal.dsrview", &error));
    g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==,
                     "octal.dsrview: $.extra.list[1]: the text is not UTF-8 (an escape such as \\222 that JSON does not have)");
    g_clear_error (&error);
  }
  /* A number json-glib would write back as "2e+67.0" (not JSON): refused. */
  {
    const char *large = "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"view\": \"bars\","
                        " \"indicator\": \"IT.NET.USER.ZS\", \"imports\": [{\"name\": \"a.csv\", \"rows\": 2E67}]}";

    g_assert_null (dsr_view_file_load_from_data (large, strlen (large), "large.dsrview", &error));
    g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==,
                     "large.dsrview: $.imports[0].rows: the number is larger than a saved view allows (1e15)");
    g_clear_error (&error);
  }
  memset (big, ' ', DSR_VIEW_FILE_MAX_SIZE + 1);
  g_assert_null (dsr_view_file_load_from_data (big, DSR_VIEW_FILE_MAX_SIZE + 1, "x.dsrview", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_TOO_LARGE);
  g_clear_error (&error);
  /* Nested past the stack of json-glib's recursive parser: refused before parsing. */
  for (gsize i = 0; i < DSR_VIEW_FILE_MAX_SIZE / 2; i++)
    {
      big[i] = '[';
      big[DSR_VIEW_FILE_MAX_SIZE - 1 - i] = ']';
    }
  g_assert_null (dsr_view_file_load_from_data (big, DSR_VIEW_FILE_MAX_SIZE, "deep.dsrview", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "deep.dsrview:1: not a saved view: lists and objects nested more than 64 deep");
  g_clear_error (&error);
  g_assert_null (dsr_view_file_load (missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_null (dsr_view_file_load (dir, &error));
  g_assert_nonnull (strstr (error->message, "a folder, not a saved view"));
  dsr_test_rm_rf (dir);
}

static void
check_fails (const char *json,
             const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrViewFile) file = dsr_view_file_load_from_data (json, strlen (json), "c.dsrview", &error);

  g_assert_no_error (error);
  g_assert_false (dsr_view_file_check (file, bundled, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” lacks “%s”", error->message, message);
}

/* What the data must have: checked against the store. */
static void
test_check (void)
{
  const char *good = "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"indicator\": \"ITU.GCI.2020\","
                     " \"grouping\": \"bri-continent\", \"data\": {\"bundled\": [\"ITU.GCI.2020\"]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrViewFile) file = dsr_view_file_load_from_data (good, strlen (good), "c.dsrview", &error);

  g_assert_no_error (error);
  g_assert_true (dsr_view_file_check (file, bundled, &error));
  g_assert_no_error (error);

  check_fails ("{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"indicator\": \"NO.SUCH\"}",
               "c.dsrview: $.indicator: unknown indicator “NO.SUCH”");
  check_fails ("{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"y_indicator\": \"NO.SUCH\"}",
               "c.dsrview: $.y_indicator: unknown indicator “NO.SUCH”");
  check_fails ("{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"grouping\": \"planets\"}",
               "c.dsrview: $.grouping: unknown grouping “planets”");
  check_fails ("{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": {\"bundled\": [\"ITU.GCI.2020\", \"X.Y\"]}}",
               "c.dsrview: $.data.bundled[1]: unknown indicator “X.Y”");
}

/* The data a view lists: the bundled indicators it shows. */
static void
test_describe_data (void)
{
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autoptr(DsrViewFile) file = NULL;
  const char *expected[] = { "ITU.GCI.2020", NULL };

  view->indicator_id = g_strdup ("ITU.GCI.2020");
  view->y_indicator_id = g_strdup ("ITU.GCI.2020");
  file = dsr_view_file_new (view);
  dsr_view_file_describe_data (file, bundled);
  g_assert_true (g_strv_equal (dsr_view_file_get_bundled (file), expected));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dsr_test_init (&argc, &argv);
  bundled = dsr_test_load_bundled ();

  g_test_add_func ("/view-file/round-trip", test_round_trip);
  g_test_add_func ("/view-file/sha256", test_sha256);
  g_test_add_func ("/view-file/unknown-fields", test_unknown_fields);
  g_test_add_func ("/view-file/newer-major", test_newer_major);
  g_test_add_func ("/view-file/missing-and-changed-data", test_missing_and_changed_data);
  g_test_add_func ("/view-file/bad-files", test_bad_files);
  g_test_add_func ("/view-file/bad-bytes", test_bad_bytes);
  g_test_add_func ("/view-file/check", test_check);
  g_test_add_func ("/view-file/describe-data", test_describe_data);
  status = g_test_run ();
  g_object_unref (bundled);
  return status;
}
