/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dsr-csv.h"
#include "dsr-error.h"
#include "dsr-iso-codes.h"
#include "dsr-pack.h"
#include "dsr-test-utils.h"

/* The paper's pack alone (DSR_ATLAS_PACK=paper): the CSV files of data/. */
static DsrStore *
load_paper_pack (void)
{
  DsrStore *store;

  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);
  store = dsr_test_load_bundled ();
  g_unsetenv ("DSR_ATLAS_PACK");
  return store;
}

static void
test_bundled_loads_every_row (void)
{
  g_autoptr(DsrStore) store = load_paper_pack ();
  g_autofree char *obs_path = g_build_filename (g_getenv ("DSR_SOURCE_DATA"), "observations.csv", NULL);
  g_autofree char *ind_path = g_build_filename (g_getenv ("DSR_SOURCE_DATA"), "indicators.csv", NULL);
  g_autofree char *obs = NULL;
  g_autofree char *ind = NULL;
  g_auto(GStrv) obs_lines = NULL;
  g_auto(GStrv) ind_lines = NULL;

  /* Every data line of the source files is in the store (the pack has no
   * quoted newlines, so lines are records). */
  g_assert_true (g_file_get_contents (obs_path, &obs, NULL, NULL));
  g_assert_true (g_file_get_contents (ind_path, &ind, NULL, NULL));
  obs_lines = g_strsplit (g_strstrip (obs), "\n", -1);
  ind_lines = g_strsplit (g_strstrip (ind), "\n", -1);
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, g_strv_length (obs_lines) - 1);
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), ==,
                    g_strv_length (ind_lines) - 1);

  /* Countries come from iso-codes, with their numeric codes. */
  g_assert_nonnull (dsr_store_get_entity (store, "CHN"));
  g_assert_cmpint (dsr_entity_get_numeric (dsr_store_get_entity (store, "CHN")), ==, 156);
  g_assert_true (dsr_store_find_country_by_numeric (store, 398) == dsr_store_get_entity (store, "KAZ"));
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_entities (store)), >, 249);

  /* Every source is cited. */
  {
    GListModel *indicators = dsr_store_get_indicators (store);

    for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
      {
        g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);

        g_assert_cmpstr (dsr_indicator_get_source (indicator), !=, "");
        g_assert_cmpstr (dsr_indicator_get_unit (indicator), !=, "");
      }
  }
}

static void
test_source_dir_equals_bundled (void)
{
  /* data/ has no country pack: it is made when building. */
  g_autoptr(DsrStore) bundled = load_paper_pack ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GFile) dir = g_file_new_for_path (g_getenv ("DSR_SOURCE_DATA"));
  g_autoptr(DsrStore) from_dir = dsr_pack_load_store (dir, problems);
  g_autofree char *a = dsr_test_digest (bundled);
  g_autofree char *b = dsr_test_digest (from_dir);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (a, ==, b);
}

typedef struct
{
  const char *header;   /* h: po/pack-strings.h */
  const char * const *columns;
  int index[4];
  DsrCsvColumns csv;
  guint checked;
} StringsCheck;

static gboolean
check_strings_row (const DsrCsvRow *row,
                   gpointer         user_data,
                   GError         **error)
{
  StringsCheck *check = user_data;
  gboolean is_header;

  if (!dsr_csv_columns_take_row (&check->csv, row, &is_header, error))
    return FALSE;
  if (is_header)
    return TRUE;
  for (guint i = 0; check->columns[i]; i++)
    {
      const char *text = row->fields[check->index[i]];
      g_autoptr(GString) wanted = g_string_new ("N_(\"");

      if (*text == '\0')
        continue;
      for (const char *p = text; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (wanted, '\\');
          g_string_append_c (wanted, *p);
        }
      g_string_append (wanted, "\");");
      if (strstr (check->header, wanted->str) == NULL)
        g_error ("po/pack-strings.h lacks %s: run tools/extract-pack-strings.py", wanted->str);
      check->checked++;
    }
  return TRUE;
}

/* Every text of the pack that people read is in po/pack-strings.h, for the translators. */
static void
test_pack_strings_in_sync (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "pack-strings.h", NULL);
  g_autofree char *header = NULL;
  const char *indicator_columns[] = { "name", "unit", "description", "source", NULL };
  const char *observation_columns[] = { "source", "note", NULL };
  const char *grouping_columns[] = { "name", "description", NULL };
  const char *region_columns[] = { "name", NULL };
  struct { const char *file; const char * const *columns; } files[] = {
    { "indicators.csv", indicator_columns },
    { "observations.csv", observation_columns },
    { "groupings.csv", grouping_columns },
    { "regions.csv", region_columns },
  };
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &header, NULL, NULL));
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *csv_path = g_build_filename (g_getenv ("DSR_SOURCE_DATA"), files[f].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (csv_path);
      g_autoptr(GError) error = NULL;
      StringsCheck check = { header, files[f].columns };

      check.csv.names = files[f].columns;
      check.csv.index = check.index;
      g_assert_true (dsr_csv_parse_file (file, check_strings_row, &check, NULL, &error));
      g_assert_no_error (error);
      checked += check.checked;
    }
  g_assert_cmpuint (checked, >, 50);
}

typedef struct
{
  const char *file;
  const char *find;      /* a line to replace (or NULL to append) */
  const char *replace;   /* its replacement, or NULL to delete the file */
  const char *message;   /* expected in the error */
} Breakage;

/* Breaks one pack file, loads, and checks that the error names the file and
 * line, that the broken file added nothing, and that the other files loaded. */
static void
test_broken_file (gconstpointer data)
{
  const Breakage *b = data;
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, b->file, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GFile) gdir = g_file_new_for_path (dir);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrStore) good = load_paper_pack ();
  const GError *error;

  dsr_test_copy_pack (dir);
  if (b->replace == NULL)
    g_assert_cmpint (g_unlink (path), ==, 0);
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *changed = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (b->find == NULL)
        changed = g_strconcat (contents, b->replace, NULL);
      else
        {
          char *at = strstr (contents, b->find);

          g_assert_nonnull (at);
          changed = g_strdup_printf ("%.*s%s%s", (int) (at - contents), contents, b->replace,
                                     at + strlen (b->find));
        }
      g_assert_true (g_file_set_contents (path, changed, -1, NULL));
    }

  store = dsr_pack_load_store (gdir, problems);
  g_assert_cmpuint (problems->len, >=, 1);
  error = g_ptr_array_index (problems, 0);
  g_test_message ("%s", error->message);
  if (strstr (error->message, b->message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, b->message);
  g_assert_true (strstr (error->message, b->file) != NULL);

  /* The broken file added nothing. */
  if (g_str_equal (b->file, "observations.csv"))
    {
      g_assert_cmpuint (dsr_store_get_n_observations (store), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), ==,
                        g_list_model_get_n_items (dsr_store_get_indicators (good)));
      g_assert_nonnull (dsr_store_get_grouping (store, "bri-region"));
    }
  else if (g_str_equal (b->file, "indicators.csv"))
    g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), ==, 0);
  else
    {
      g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_groupings (store)), ==, 0);
      g_assert_null (dsr_store_get_entity (store, "bri-region:africa"));
      g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), ==,
                        g_list_model_get_n_items (dsr_store_get_indicators (good)));
    }

  dsr_test_rm_rf (dir);
}

static const Breakage breakages[] = {
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,", "DSR.DDS.EXP,WLD,2018,31,4,",
    "observations.csv:8: expected 7 fields as in the header, found 8" },
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,", "DSR.DDS.EXP,WLD,2018,3l.4,",
    "observations.csv:8: column “value”: “3l.4” is not a number" },
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,", "DSR.NOPE,WLD,2018,31.4,",
    "observations.csv:8: unknown indicator “DSR.NOPE”" },
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,", "DSR.DDS.EXP,XXX,2018,31.4,",
    "observations.csv:8: unknown economy or region “XXX”" },
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,", "DSR.DDS.EXP,WLD,2017,31.4,",
    "observations.csv:8: a second value for DSR.DDS.EXP, WLD, 2017" },
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,", "DSR.DDS.EXP,WLD,99999,31.4,",
    "observations.csv:8: year 99999 is outside" },
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,", "DSR.DDS.EXP,WLD,2018,NaN,",
    "observations.csv:8: column “value”: “NaN” is not a number" },
  { "observations.csv", "DSR.DDS.EXP,WLD,2018,31.4,,", "DSR.DDS.EXP,WLD,2018,31.4,roughly,",
    "observations.csv:8: unknown qualifier “roughly”" },
  { "observations.csv", "indicator,entity,year,value", "indicator,economy,year,value",
    "observations.csv:1: the header has no column “entity”" },
  { "observations.csv", NULL, "DSR.DDS.EXP,WLD,2030,\"1\n", "ends inside a quoted field" },
  { "observations.csv", NULL, NULL, "observations.csv" },
  { "indicators.csv", ",trade,1,yes,\"Academic Journal of Business & Management 5(12), 2023, Table 1\",Exports", ",commerce,1,yes,\"Academic Journal of Business & Management 5(12), 2023, Table 1\",Exports",
    "unknown theme “commerce”" },
  { "indicators.csv", ",trade,1,yes,\"Academic Journal of Business & Management 5(12), 2023, Table 1\",Exports", ",trade,one,yes,\"Academic Journal of Business & Management 5(12), 2023, Table 1\",Exports",
    "column “decimals”" },
  { "indicators.csv", NULL, "DSR.GCI.SCORE,Twice,x,security,1,yes,s,d,,,\n", "defined twice" },
  { "indicators.csv", NULL, "DSR.X,X,%,security,1,yes,s,d,average,,\n", "column “aggregation”: unknown rule “average”" },
  { "bri-economies.csv", "KAZ,central-asia", "KZX,central-asia", "“KZX”, which is not a known country code" },
  { "bri-economies.csv", "KAZ,central-asia", "KAZ,middle-asia", "Grouping “bri-region” has no region “middle-asia”" },
  { "bri-economies.csv", NULL, "KAZ,central-asia,asia,2013,,again\n", "already a member" },
  { "regions.csv", "bri-continent,asia,Asia", "bri-continents,asia,Asia", "regions.csv:12: unknown grouping" },
  { "groupings.csv", ",region,", ",area,", "the header has no column “area”" },
};

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/pack/bundled", test_bundled_loads_every_row);
  g_test_add_func ("/pack/source-dir", test_source_dir_equals_bundled);
  g_test_add_func ("/pack/strings-in-sync", test_pack_strings_in_sync);
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *name = g_strdup_printf ("/pack/broken/%u-%s", i, breakages[i].file);

      g_test_add_data_func (name, &breakages[i], test_broken_file);
    }

  return g_test_run ();
}
