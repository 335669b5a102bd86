/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The malformed-input corpus (suite 'malformed'). Every file of files/ (made
 * by make-files.py) and a few made here (a 1 MB field, 100,000 columns, a
 * directory, a FIFO) is
 *   1. imported through dsr_importer_run_sync into a store holding the
 *      bundled pack: it either imports, or fails with a message naming the
 *      file (and "file:LINE:" where the problem is on a line), and then the
 *      store's digest is exactly what it was before;
 *   2. given to the built command line (--data FILE --list-indicators):
 *      status 0 when it imports, 1 and a message naming the file when not.
 * The pack's own files are also loaded as a pack, in place of the real one,
 * and the TopoJSON files go through the map's decoder. The table below is
 * the expected behaviour: a change in it fails the test. */
#define G_LOG_DOMAIN "dsr-test"
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <glib/gstdio.h>

#include "dsr-error.h"
#include "dsr-importer.h"
#include "dsr-pack.h"
#include "dsr-test-utils.h"
#include "dsr-topojson.h"
#include "dsr-view-file.h"

typedef enum
{
  REJECTED,
  IMPORTED,
} Outcome;

typedef struct
{
  const char *name;
  Outcome     outcome;
  const char *fragment; /* after the file's name, in the error (REJECTED) or in a problem
                         * (IMPORTED): ":7:" is "NAME:7:"; NULL: no check */
} Case;

static const Case csv_cases[] = {
  /* World Bank per-indicator download */
  { "wb-valid.csv", IMPORTED, NULL },
  { "wb-truncated-mid-row.csv", REJECTED, ":7:" },
  { "wb-truncated-mid-quote.csv", REJECTED, ":7:" },
  { "wb-truncated-mid-utf8.csv", REJECTED, ":8:" },
  { "wb-utf16le-bom.csv", REJECTED, ":1:" },
  { "wb-utf16be-bom.csv", REJECTED, ":1:" },
  { "wb-utf16le.csv", REJECTED, ":1:" },
  { "wb-utf16be.csv", REJECTED, ":1:" },
  { "wb-latin1.csv", IMPORTED, ": the file is not UTF-8" },
  { "wb-nul-bytes.csv", REJECTED, ":7:" },
  { "wb-duplicate-rows.csv", IMPORTED, ":9:" },
  { "wb-duplicate-year-columns.csv", REJECTED, ":5:" },
  { "wb-year-99999.csv", REJECTED, ":5: column 7 of the header, “99999”, is not a year" },
  { "wb-year-negative.csv", REJECTED, ":5: column 7" },
  { "wb-year-1e3.csv", REJECTED, ":5: column 7" },
  { "wb-nan-inf.csv", REJECTED, ": nothing to import: none of its 2 rows gave a value (first, line 6:" },
  { "wb-header-only.csv", REJECTED, ": nothing to import: the file has a header but no rows" },
  { "wb-preamble-only.csv", REJECTED, ":1:" },
  { "wb-cr-only.csv", IMPORTED, NULL },
  { "wb-lf-only.csv", IMPORTED, NULL },
  { "wb-no-year-columns.csv", REJECTED, ":5: the header has no year columns" },
  { "wb-ragged.csv", IMPORTED, ":7:" },
  /* World Bank bulk download */
  { "wdi-valid.csv", IMPORTED, NULL },
  { "wdi-truncated-mid-row.csv", REJECTED, ":2:" },
  { "wdi-header-only.csv", REJECTED, ": nothing to import" },
  { "wdi-nul-bytes.csv", REJECTED, ":3:" },
  { "wdi-duplicate-rows.csv", IMPORTED, ":4:" },
  { "wdi-nan-inf.csv", REJECTED, ": nothing to import: its 1 row gave no value (line 2:" },
  { "wdi-latin1.csv", IMPORTED, ": the file is not UTF-8" },
  { "wdi-crlf.csv", IMPORTED, NULL },
  /* Our World in Data */
  { "owid-valid.csv", IMPORTED, NULL },
  { "owid-truncated-mid-row.csv", IMPORTED, ":3:" },
  { "owid-truncated-mid-quote.csv", REJECTED, ":3:" },
  { "owid-truncated-mid-utf8.csv", IMPORTED, ":4:" },
  { "owid-year-99999.csv", REJECTED, ": nothing to import: its 1 row gave no value (line 2: “99999” is not a year)" },
  { "owid-year-negative.csv", REJECTED, ": nothing to import" },
  { "owid-year-1e3.csv", REJECTED, ": nothing to import" },
  { "owid-nan-inf.csv", REJECTED, ": nothing to import" },
  { "owid-duplicate-keys.csv", IMPORTED, ":3:" },
  { "owid-duplicate-columns.csv", IMPORTED, NULL },
  { "owid-header-only.csv", REJECTED, ": nothing to import" },
  { "owid-utf16le-bom.csv", REJECTED, ":1:" },
  { "owid-cr-only.csv", IMPORTED, NULL },
  { "owid-crlf.csv", IMPORTED, NULL },
  { "owid-cr-only-bad-year.csv", IMPORTED, ":3:" },
  /* tidy */
  { "tidy-valid.csv", IMPORTED, NULL },
  { "tidy-truncated-mid-quote.csv", REJECTED, ":3:" },
  { "tidy-nul-bytes.csv", REJECTED, ":3:" },
  { "tidy-year-99999.csv", REJECTED, ": nothing to import" },
  { "tidy-year-1e3.csv", REJECTED, ": nothing to import" },
  { "tidy-nan-inf.csv", REJECTED, ": nothing to import" },
  { "tidy-duplicate-keys.csv", IMPORTED, ":3:" },
  { "tidy-header-only.csv", REJECTED, ": nothing to import: the file has a header but no rows" },
  { "tidy-latin1.csv", IMPORTED, ": the file is not UTF-8" },
  { "tidy-utf16be.csv", REJECTED, ":1:" },
  /* the pack's own files */
  { "pack-observations-valid.csv", IMPORTED, NULL },      /* its entity column holds codes: read as codes */
  { "pack-observations-truncated.csv", REJECTED, ":2:" },
  { "pack-observations-duplicate-keys.csv", IMPORTED, ":4:" },
  { "pack-observations-year-negative.csv", REJECTED, ": nothing to import" },
  { "pack-indicators-header-only.csv", REJECTED, ":1:" },
  /* any format */
  { "empty.csv", REJECTED, ": the file is empty" },
  { "only-bom.csv", REJECTED, ": the file has no data" },
  { "blank-lines.csv", REJECTED, ": the file has no data" },
  { "garbage.bin", REJECTED, ":1:" },
  { "garbage.csv", REJECTED, ":1:" },
  /* given as data by mistake, other encodings */
  { "json-object.csv", REJECTED, ": the file is JSON, not CSV" },
  { "json-array.json", REJECTED, ": the file is JSON, not CSV" },
  { "wb-utf32le-bom.csv", REJECTED, ":1: the file is UTF-32 text" },
  { "wb-utf32be-bom.csv", REJECTED, ":1: the file is UTF-32 text" },
  /* ids that are not ids, control characters */
  { "tidy-bad-id-dotdot.csv", REJECTED, ": “../../x” is not a valid indicator id" },
  { "tidy-bad-id-path.csv", REJECTED, ": “/etc/passwd” is not a valid indicator id" },
  { "tidy-bad-id-dots.csv", REJECTED, ": “..” is not a valid indicator id" },
  { "tidy-bad-id-tab.csv", REJECTED, ": “A\\tB” is not a valid indicator id" },
  { "wb-bad-indicator-code.csv", REJECTED, ":6: “../../x” is not a valid indicator id" },
  { "tidy-control-chars.csv", IMPORTED, ":2: unknown economy code “\\x1b[31mRED\\tX”" },
  /* made by the test (make_generated) */
  { "generated-1mb-field.csv", REJECTED, ":2: a field of the record that starts on this line is longer than 64 KiB" },
  { "generated-100000-columns.csv", REJECTED, ":1: the record that starts on this line has more than 16384 fields" },
  { "generated-60k-field.csv", IMPORTED, ":2: unknown economy code “xxxxxxxxxx" },
  { "generated-20mb-commas.csv", REJECTED, ":3: the record that starts on this line has more than 16384 fields" },
  { "generated-5mb-line.csv", REJECTED, ":3: the record that starts on this line is longer than 4 MiB" },
  { "generated-latin1-late.csv", IMPORTED, ": the file is not UTF-8 text: it was read as WINDOWS-1252" },
  { "generated-directory.csv", REJECTED, ": it is a folder" },
  { "generated-fifo.csv", REJECTED, ": it is not a regular file" },
};

/* Saved views (.dsrview): NULL when it opens, else a fragment of the
 * message after the file's name. */
static const struct { const char *name; const char *fragment; gboolean cli; } view_cases[] = {
  { "view-valid.dsrview", NULL, TRUE },
  { "view-empty.dsrview", ": not a saved view: the file is empty" },
  { "view-truncated.dsrview", ":1:59: Parse error" },
  { "view-not-json.dsrview", ":1:4: Parse error", TRUE },
  { "view-array.dsrview", ": $: expected an object, found a list" },
  { "view-csv.dsrview", ":1:14: Parse error" },
  { "view-utf16le-bom.dsrview", ": not a saved view: the file is not UTF-8 text" },
  { "view-latin1.dsrview", ": not a saved view: the file is not UTF-8 text" },
  { "view-nul-bytes.dsrview", ": not a saved view: the file is not UTF-8 text" },
  { "view-no-format.dsrview", ": $.format: missing" },
  { "view-other-format.dsrview", ": $.format: “vega-lite” is not a saved view of the atlas" },
  { "view-version-2.dsrview", ": $.version: the file is of version 2.0, made by a newer atlas", TRUE },
  { "view-version-number.dsrview", ": $.version: expected a string, found a number" },
  { "view-year-string.dsrview", ": $.year: expected a whole number, found a string", TRUE },
  { "view-year-huge.dsrview", ": $.year: " },
  { "view-kind-unknown.dsrview", ": $.view: unknown value “pie”" },
  { "view-regions-object.dsrview", ": $.regions: expected a list of names, found an object" },
  { "view-size-negative.dsrview", ": $.size.width: -1600 is not from 100 to 10000" },
  { "view-coverage-nan.dsrview", ":1:66: Parse error" },
  { "view-unknown-indicator.dsrview", ": $.indicator: unknown indicator “NO.SUCH.INDICATOR”" },
  { "view-unknown-grouping.dsrview", ": $.grouping: unknown grouping “planets”" },
  { "view-control-chars.dsrview", ": $.indicator: unknown indicator “\\x1b[31mRED\\tX”", TRUE },
  { "view-import-path.dsrview", ": $.data.imports[0].name: “../../etc/passwd” is not a file name" },
  { "view-import-missing.dsrview", ": $.data.imports[0]: the data file “API_FX.OWN.TOTL.ZS_DS2_en_csv_v2_1.csv” is missing", TRUE },
  { "view-deep-nesting.dsrview", ":1: not a saved view: lists and objects nested more than 64 deep" },
};

/* The pack's own files loaded as a pack, in place of the real file of that
 * name: NULL when it loads, else a fragment of its problem. */
static const struct
{
  const char *name;
  const char *replaces;
  const char *fragment;
} pack_cases[] = {
  { "pack-observations-valid.csv", "observations.csv", NULL },
  { "pack-observations-truncated.csv", "observations.csv", "observations.csv:2:" },
  { "pack-observations-duplicate-keys.csv", "observations.csv", "observations.csv:4:" },
  { "pack-observations-year-negative.csv", "observations.csv", "observations.csv:2:" },
  { "pack-indicators-header-only.csv", "indicators.csv", "observations.csv:2:" },
};

static const struct
{
  const char *name;
  const char *fragment; /* after the name in the error; NULL: decodes */
} topojson_cases[] = {
  { "topo-valid.json", NULL },
  { "topo-truncated.json", "" },
  { "topo-empty.json", "" },
  { "topo-not-topology.json", "" },
  { "topo-utf16le-bom.json", "" },
  { "topo-nul-bytes.json", "" },
  { "topo-arc-out-of-range.json", "" },
  { "topo-position-out-of-range.json", "" },
  { "topo-nan-text.json", "" },
  { "topo-garbage.json", "" },
  { "topo-no-countries.json", "" },
};

static char *tmp_dir;
static DsrStore *pristine;
static char *pristine_digest;

static char *
case_path (const char *name)
{
  if (g_str_has_prefix (name, "generated-"))
    return g_build_filename (tmp_dir, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "malformed", "files", name, NULL);
}

/* The big and the special cases, made here rather than kept in git. */
static void
make_generated (void)
{
  g_autofree char *field = g_malloc (1024 * 1024 + 1);
  g_autoptr(GString) text = g_string_new ("iso3c,Series,ref_year,OBS_VALUE\n");
  g_autofree char *dir = g_build_filename (tmp_dir, "generated-directory.csv", NULL);
  g_autofree char *fifo = g_build_filename (tmp_dir, "generated-fifo.csv", NULL);
  g_autofree char *path = NULL;

  /* One field of 1 MB (a country nobody knows), then a good row. */
  memset (field, 'x', 1024 * 1024);
  field[1024 * 1024] = '\0';
  g_string_append_printf (text, "\"%s\",DSR.TEST.BIG,2020,1\nCHN,DSR.TEST.BIG,2020,2\n", field);
  path = dsr_test_write_tmp (tmp_dir, "generated-1mb-field.csv", text->str);
  g_clear_pointer (&path, g_free);

  /* A World Bank header 100,000 columns wide, none of them a year. */
  g_string_assign (text, "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\"");
  for (guint i = 4; i < 100000; i++)
    g_string_append_printf (text, ",c%u", i);
  g_string_append (text, "\n\"China\",\"CHN\",\"x\",\"IT.NET.USER.ZS\"\n");
  path = dsr_test_write_tmp (tmp_dir, "generated-100000-columns.csv", text->str);

  g_clear_pointer (&path, g_free);

  /* A field of 60,000 bytes, under the limit: an economy code nobody knows,
   * which the problem quotes (60 characters of it). */
  g_string_assign (text, "iso3c,Series,ref_year,OBS_VALUE\n");
  g_string_append_printf (text, "%.*s,DSR.TEST.BIG,2020,1\nCHN,DSR.TEST.BIG,2020,2\n", 60000, field);
  path = dsr_test_write_tmp (tmp_dir, "generated-60k-field.csv", text->str);
  g_clear_pointer (&path, g_free);

  /* A line of 20 million commas, and a line of 5 MB (5,000 fields of
   * 1,000 bytes), after good rows. */
  g_string_assign (text, "iso3c,Series,ref_year,OBS_VALUE\nCHN,DSR.TEST.BIG,2020,2\n");
  g_string_set_size (text, text->len + 20000000);
  memset (text->str + text->len - 20000000, ',', 20000000);
  g_string_append_c (text, '\n');
  path = dsr_test_write_tmp (tmp_dir, "generated-20mb-commas.csv", text->str);
  g_clear_pointer (&path, g_free);
  g_string_assign (text, "iso3c,Series,ref_year,OBS_VALUE\nCHN,DSR.TEST.BIG,2020,2\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%.*s,", 1000, field);
  g_string_append_c (text, '\n');
  path = dsr_test_write_tmp (tmp_dir, "generated-5mb-line.csv", text->str);
  g_clear_pointer (&path, g_free);

  /* UTF-8 (ASCII) beyond the first 64 KiB, then one Windows-1252 byte: the
   * same outcome as tidy-latin1.csv, whose first line has one. */
  g_string_assign (text, "iso3c,Series,ref_year,OBS_VALUE,unit,source\n");
  for (int year = 1800; year <= 2100; year++)
    g_string_append_printf (text, "CHN,DSR.TEST.L,%d,1,%%,%.*s\n", year, 300, field);
  g_assert_cmpuint (text->len, >, 64 * 1024);
  g_string_append (text, "KAZ,DSR.TEST.L,2020,1,%,Donn\xe9" "es\n");
  path = dsr_test_write_tmp (tmp_dir, "generated-latin1-late.csv", text->str);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
}

/* Whether @message has @name followed by @fragment (TRUE without one). */
static gboolean
message_has (const char *message,
             const char *fragment,
             const char *name)
{
  g_autofree char *expected = NULL;

  if (fragment == NULL)
    return TRUE;
  expected = g_strconcat (name, fragment, NULL);
  return strstr (message, expected) != NULL;
}

/* Imports @path as the command line does (dsr_cli_import): the import fails
 * when the importer fails, when a file is rejected, or when the commit
 * fails. Returns the error message, or NULL when it imported; @problems
 * gets every problem's message. */
static char *
import (DsrStore    *store,
        const char  *path,
        GString     *problems)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DsrImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  result = dsr_importer_run_sync (store, &file, 1, NULL, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      g_assert_nonnull (error);
      return g_strdup (error->message);
    }
  list = dsr_import_result_get_problems (result);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const DsrImportProblem *problem = g_ptr_array_index (list, i);

      g_string_append_printf (problems, "%s\n", problem->error->message);
      if (problem->kind == DSR_IMPORT_PROBLEM_FILE_REJECTED)
        return g_strdup (problem->error->message);
    }
  if (dsr_import_result_get_stats (result)->n_rejected > 0)
    return g_strdup (dsr_import_result_get_summary (result));
  if (!dsr_import_result_commit (result, store, &error))
    return g_strdup (error->message);
  return NULL;
}

/* A message names the file (a path under 120 characters here) and quotes at
 * most 60 characters of what the file holds; no control character. */
static void
assert_message_short (const char *message)
{
  g_assert_cmpuint (strlen (message), <, 1024);
  for (const char *p = message; *p; p++)
    g_assert_false ((guchar) *p < 0x20 || *p == 0x7f);
}

static void
test_import (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = case_path (c->name);
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *before = dsr_test_digest (store);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *message = NULL;

  g_assert_cmpstr (before, ==, pristine_digest);
  message = import (store, path, problems);
  if (g_getenv ("DSR_MALFORMED_PRINT") != NULL)
    {
      /* To write the table: what each file gives, unchecked. */
      g_printerr ("%s: %s\n  error: %s\n  problems: %s\n", c->name, message ? "REJECTED" : "IMPORTED",
                  message, problems->str);
      return;
    }
  g_test_message ("%s: %s; problems: %s", c->name, message ? message : "imported", problems->str);

  /* Whatever the file holds, a message quotes little of it, escaped. */
  if (message != NULL)
    assert_message_short (message);
  {
    g_auto(GStrv) lines = g_strsplit (problems->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      assert_message_short (lines[i]);
  }

  if (c->outcome == REJECTED)
    {
      g_autofree char *after = dsr_test_digest (store);

      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, c->name));
      g_assert_true (message_has (message, c->fragment, c->name));
      g_assert_cmpstr (after, ==, before);
    }
  else
    {
      g_assert_null (message);
      g_assert_true (message_has (problems->str, c->fragment, c->name));
    }
}

static void
test_cli (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = case_path (c->name);
  const char *atlas = g_getenv ("DSR_ATLAS");
  const char *argv[] = { atlas, "--data", path, "--list-indicators", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (atlas);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s: status %d, stderr: %.4000s", c->name, status, err);
  g_assert_true (WIFEXITED (status));
  /* Nothing of the file reaches the terminal raw, nor in bulk. */
  g_assert_cmpuint (strlen (err), <, 64 * 1024);
  for (const char *p = err; *p; p++)
    g_assert_false (((guchar) *p < 0x20 && *p != '\n') || *p == 0x7f);
  if (c->outcome == REJECTED)
    {
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, c->name));
      g_assert_true (message_has (err, c->fragment, c->name));
    }
  else
    {
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_nonnull (strstr (out, "DSR.GCI.SCORE"));
    }
}

/* The pack's files in place of the real ones: the file with the problem
 * adds nothing, the problem names it and its line. */
static void
test_pack (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "malformed", "files", pack_cases[i].name, NULL);
  g_autofree char *to = g_build_filename (dir, pack_cases[i].replaces, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GFile) gdir = g_file_new_for_path (dir);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  dsr_test_copy_pack (dir);
  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);

  store = dsr_pack_load_store (gdir, problems);
  for (guint p = 0; p < problems->len; p++)
    g_test_message ("problem: %s", ((GError *) g_ptr_array_index (problems, p))->message);
  if (pack_cases[i].fragment == NULL)
    g_assert_cmpuint (problems->len, ==, 0);
  else
    {
      g_assert_cmpuint (problems->len, >, 0);
      g_assert_nonnull (strstr (((GError *) g_ptr_array_index (problems, 0))->message,
                                pack_cases[i].fragment));
    }
  dsr_test_rm_rf (dir);
}

static void
test_topojson (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *name = topojson_cases[i].name;
  g_autofree char *path = case_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DsrMapData) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  map = dsr_map_data_new_from_file (file, &error);
  g_test_message ("%s: %s", name, error ? error->message : "decoded");
  if (topojson_cases[i].fragment == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (map);
    }
  else
    {
      g_assert_null (map);
      g_assert_nonnull (error);
      g_assert_true (message_has (error->message, topojson_cases[i].fragment, name));
    }

  /* From memory, as the bundled borders are: the same verdict. */
  g_clear_error (&error);
  g_clear_object (&map);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  map = dsr_map_data_new_from_topojson (contents, length, name, &error);
  g_assert_true ((map == NULL) == (topojson_cases[i].fragment != NULL));
  g_assert_true ((error == NULL) == (map != NULL));
}

/* A bad view file: the message names the file, the field and what is
 * wrong, nothing of it raw; a few also through the command line (each run
 * loads the pack: slow under the sanitizers), which exits 1 and writes
 * nothing. */
static void
test_view (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  const char *name = view_cases[i].name;
  const char *fragment = view_cases[i].fragment;
  g_autofree char *path = case_path (name);
  g_autoptr(DsrViewFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* In the process: read, then checked against the data and its files found. */
  file = dsr_view_file_load (path, &error);
  ok = file != NULL && dsr_view_file_check (file, pristine, &error);
  for (guint k = 0; ok && k < dsr_view_file_get_n_imports (file); k++)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      const char *dirs[] = { dir, NULL };
      g_autofree char *found = dsr_view_file_locate_import (file, k, NULL, dirs, &error);

      ok = found != NULL;
    }
  g_test_message ("%s: %s", name, error ? error->message : "opens");
  if (fragment == NULL)
    g_assert_true (ok);
  else
    {
      g_assert_false (ok);
      g_assert_nonnull (error);
      g_assert_true (message_has (error->message, fragment, name));
      for (const char *p = error->message; *p; p++)
        g_assert_false (((guchar) *p < 0x20 && *p != '\n') || *p == 0x7f);
    }

  if (view_cases[i].cli)
    {
      g_autofree char *dir = dsr_test_make_tmp_dir ();
      g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
      const char *argv[] = { g_getenv ("DSR_ATLAS"), "--view-file", path, "--export", svg, NULL };
      g_autofree char *out = NULL, *err = NULL;
      g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", dir, TRUE);
      int status;

      g_clear_error (&error);
      g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s: status %d, stderr: %.4000s", name, status, err);
      g_assert_true (WIFEXITED (status));
      for (const char *p = err; *p; p++)
        g_assert_false (((guchar) *p < 0x20 && *p != '\n') || *p == 0x7f);
      g_assert_cmpint (WEXITSTATUS (status), ==, fragment == NULL ? 0 : 1);
      g_assert_true (message_has (err, fragment, name));
      g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS) == (fragment == NULL));
      dsr_test_rm_rf (dir);
    }
}

/* Every file of files/ is in a table. */
static void
test_all_listed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "malformed", "files", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (csv_cases); i++)
        listed |= strcmp (csv_cases[i].name, name) == 0;
      for (gsize i = 0; i < G_N_ELEMENTS (topojson_cases); i++)
        listed |= strcmp (topojson_cases[i].name, name) == 0;
      for (gsize i = 0; i < G_N_ELEMENTS (view_cases); i++)
        listed |= strcmp (view_cases[i].name, name) == 0;
      if (!listed)
        g_error ("%s is in no table of test-malformed.c", name);
      n++;
    }
  g_assert_cmpuint (n + 4, >=, 50);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  setlocale (LC_ALL, "");
  dsr_test_init (&argc, &argv);
  tmp_dir = dsr_test_make_tmp_dir ();
  make_generated ();
  pristine = dsr_test_load_bundled ();
  pristine_digest = dsr_test_digest (pristine);

  g_test_add_func ("/malformed/all-listed", test_all_listed);
  for (gsize i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *import_path = g_strdup_printf ("/malformed/import/%s", csv_cases[i].name);
      g_autofree char *cli_path = g_strdup_printf ("/malformed/cli/%s", csv_cases[i].name);

      g_test_add_data_func (import_path, &csv_cases[i], test_import);
      g_test_add_data_func (cli_path, &csv_cases[i], test_cli);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (pack_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/malformed/pack/%s", pack_cases[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_pack);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (topojson_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/malformed/topojson/%s", topojson_cases[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_topojson);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (view_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/malformed/view/%s", view_cases[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_view);
    }

  ret = g_test_run ();
  dsr_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  g_free (pristine_digest);
  g_object_unref (pristine);
  return ret;
}
