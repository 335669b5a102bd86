/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dsr-error.h"
#include "dsr-import-private.h"
#include "dsr-import-test-utils.h"
#include "dsr-indicator.h"

/* The World Bank's own groups in any language and without metadata, the
 * names of economies, file-order independence, the aggregation rule and
 * vintage an import gives its indicators, and the sources of imported
 * values (issue 12, items 1, 8 and 9). Fixtures in tests/import/data/ (see
 * README.md there); the real downloads of ../shared/data/ when present. */

/* Helpers --------------------------------------------------------------------- */

/* A file of the real downloads: in $DSR_SHARED_DATA, or in shared/data
 * beside the project (or beside the folder of its worktrees). */
static char *
shared_data (const char *relative)
{
  g_autofree char *root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  const char *env = g_getenv ("DSR_SHARED_DATA");
  g_autofree char *beside = g_build_filename (root, "..", "shared", "data", NULL);
  g_autofree char *above = g_build_filename (root, "..", "..", "shared", "data", NULL);
  const char *dir = env != NULL && *env != '\0' ? env
                    : g_file_test (beside, G_FILE_TEST_IS_DIR) ? beside : above;

  return g_build_filename (dir, relative, NULL);
}

/* The real downloads, or NULL (the test is then skipped). */
static GPtrArray *
shared_files (const char * const *relative)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; relative[i] != NULL; i++)
    {
      g_autofree char *path = shared_data (relative[i]);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_ptr_array_unref (files);
          g_test_skip ("../shared/data is not there");
          return NULL;
        }
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  return files;
}

static DsrImportResult *
run_files (DsrStore  *store,
           GPtrArray *files)
{
  g_autoptr(GError) error = NULL;
  DsrImportResult *result = dsr_importer_run_sync (store, (GFile **) files->pdata, files->len, NULL, NULL,
                                                   NULL, NULL, &error);

  g_assert_no_error (error);
  g_test_message ("%s", dsr_import_result_get_summary (result));
  return result;
}

/* dsr_test_digest() and what it leaves out: the names of entities, regions
 * and groupings, and each indicator's name, unit, source, aggregation and
 * vintage. */
static char *
full_digest (DsrStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *digest = dsr_test_digest (store);
  GListModel *entities = dsr_store_get_entities (store);
  GListModel *groupings = dsr_store_get_groupings (store);
  GListModel *indicators = dsr_store_get_indicators (store);

  g_string_append (text, digest);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);

      g_string_append_printf (text, "|%s=%s/%d", dsr_entity_get_id (entity), dsr_entity_get_name (entity),
                              dsr_entity_get_kind (entity));
    }
  for (guint g = 0; g < g_list_model_get_n_items (groupings); g++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (groupings, g);

      g_string_append_printf (text, "|%s:%s", dsr_grouping_get_id (grouping), dsr_grouping_get_name (grouping));
      for (guint r = 0; r < dsr_grouping_get_n_regions (grouping); r++)
        {
          DsrRegion *region = dsr_grouping_get_region (grouping, r);

          g_string_append_printf (text, "|%s=%s", dsr_region_get_id (region), dsr_region_get_name (region));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);

      g_string_append_printf (text, "|%s=%s/%s/%s/%s/%s", dsr_indicator_get_id (indicator),
                              dsr_indicator_get_name (indicator), dsr_indicator_get_unit (indicator),
                              dsr_indicator_get_source (indicator),
                              dsr_aggregation_to_string (dsr_indicator_get_aggregation (indicator)),
                              dsr_indicator_get_vintage (indicator));
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);
}

/* Entities of @store named @name. */
static guint
count_named (DsrStore   *store,
             const char *name)
{
  GListModel *entities = dsr_store_get_entities (store);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);

      n += g_strcmp0 (dsr_entity_get_name (entity), name) == 0;
    }
  return n;
}

static DsrAggregation
aggregation_of (DsrStore   *store,
                const char *id)
{
  DsrIndicator *indicator = dsr_store_get_indicator (store, id);

  if (indicator == NULL)
    g_error ("no indicator %s", id);
  return dsr_indicator_get_aggregation (indicator);
}

/* The World Bank's aggregates without metadata ----------------------------------- */

static void
test_aggregates_without_metadata (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb-bare/API_IT.NET.BBND.P2_DS2_en_csv_v2_5.csv", NULL);
  DsrStore *staging;
  DsrGrouping *regions, *incomes;
  DsrRegion *sas;

  g_assert_no_error (error);
  staging = dsr_import_result_get_staging (result);

  /* Offered as reported groups: the World Bank's seven regions and four
   * income groups, without members (no metadata says which). */
  regions = dsr_store_get_grouping (staging, "wb-region");
  incomes = dsr_store_get_grouping (staging, "wb-income");
  g_assert_nonnull (regions);
  g_assert_nonnull (incomes);
  g_assert_cmpuint (dsr_grouping_get_n_regions (regions), ==, 7);
  g_assert_cmpuint (dsr_grouping_get_n_regions (incomes), ==, 4);
  sas = dsr_grouping_find_region (regions, "sas");
  g_assert_nonnull (sas);
  g_assert_cmpstr (dsr_region_get_name (sas), ==, "South Asia");
  g_assert_cmpstr (dsr_region_get_entity_id (sas), ==, "wb-region:sas");
  g_assert_cmpuint (dsr_region_get_n_members (sas), ==, 0);
  g_assert_cmpstr (dsr_region_get_name (dsr_grouping_find_region (incomes, "hic")), ==, "High income");
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "ARB")), ==, DSR_ENTITY_AGGREGATE);
  g_assert_cmpstr (dsr_entity_get_name (dsr_store_get_entity (staging, "ARB")), ==, "Arab World");

  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_no_error (error);
  dsr_import_test_value (store, "IT.NET.BBND.P2", "wb-region:sas", 2019, 0.75);
  g_assert_true (dsr_store_is_imported_grouping (store, "wb-region"));
  g_clear_object (&result);

  /* A store that has the groupings from an import with metadata keeps them:
   * a file without metadata does not replace them with empty ones. */
  result = dsr_import_test_run (store, NULL, &error, "wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  g_assert_no_error (error);
  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_cmpuint (dsr_region_get_n_members (dsr_grouping_find_region (dsr_store_get_grouping (store, "wb-region"),
                                                                         "ecs")), ==, 4);
  g_clear_object (&result);
  result = dsr_import_test_run (store, NULL, &error, "wb-bare/API_IT.NET.BBND.P2_DS2_en_csv_v2_5.csv", NULL);
  g_assert_no_error (error);
  g_assert_null (dsr_store_get_grouping (dsr_import_result_get_staging (result), "wb-region"));
  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_cmpuint (dsr_region_get_n_members (dsr_grouping_find_region (dsr_store_get_grouping (store, "wb-region"),
                                                                         "ecs")), ==, 4);
}

/* Every aggregate of the real files is known by code without their
 * metadata: the population file has none beside it. */
static void
test_aggregates_without_metadata_real (void)
{
  static const char * const data[] = { "wdi/API_SP.POP.TOTL_DS2_en_csv_v2_282912.csv", NULL };
  static const char * const metadata[] = {
    "wdi/Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv",
    "wdi/Metadata_Country_API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv",
    NULL,
  };
  g_autoptr(GPtrArray) files = shared_files (data);
  g_autofree char *bbnd = shared_data ("wdi/API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv");
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  DsrStore *staging;
  guint n_aggregates = 0;

  if (files == NULL)
    return;
  store = dsr_test_load_bundled ();
  result = run_files (store, files);
  staging = dsr_import_result_get_staging (result);

  /* Only the Channel Islands (an economy, not an aggregate) are unknown. */
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows_skipped, ==, 1);
  dsr_import_test_problem (result, "unknown economy code “CHI” (Channel Islands)");

  /* The aggregates the metadata files list (with an empty Region) are all
   * there, as regions of the groupings or as reported aggregates. */
  for (guint m = 0; metadata[m] != NULL; m++)
    {
      g_autofree char *path = shared_data (metadata[m]);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], ",", 3);
          g_autofree char *code = NULL;
          g_autofree char *lower = NULL;
          g_autofree char *region_id = NULL;
          g_autofree char *income_id = NULL;

          if (g_strv_length (fields) < 3)
            continue;
          /* One file quotes every field, the other none. */
          g_strdelimit (fields[0], "\"", ' ');
          g_strdelimit (fields[1], "\"", ' ');
          code = g_strdup (g_strstrip (fields[0]));
          if (*g_strstrip (fields[1]) != '\0' || g_str_equal (code, "WLD"))
            continue;
          lower = g_ascii_strdown (code, -1);
          region_id = g_strconcat ("wb-region:", lower, NULL);
          income_id = g_strconcat ("wb-income:", lower, NULL);
          if (dsr_store_get_entity (staging, code) != NULL)
            g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, code)), ==, DSR_ENTITY_AGGREGATE);
          else if (dsr_store_get_entity (staging, region_id) == NULL
                   && dsr_store_get_entity (staging, income_id) == NULL)
            g_error ("the aggregate %s was not imported", code);
          n_aggregates++;
        }
    }
  g_assert_cmpuint (n_aggregates, ==, 2 * 47);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "INX")), ==, DSR_ENTITY_AGGREGATE);
  g_assert_cmpstr (dsr_entity_get_name (dsr_store_get_entity (staging, "EUU")), ==, "European Union");
  g_assert_cmpuint (dsr_region_get_n_members (dsr_grouping_find_region (dsr_store_get_grouping (staging, "wb-income"),
                                                                         "lmc")), ==, 0);
  g_assert_cmpuint (dsr_store_count_values (staging, "SP.POP.TOTL"), >, 0);
  /* The population file is of 2026: MEA has its new name. */
  g_assert_cmpstr (dsr_entity_get_name (dsr_store_get_entity (staging, "wb-region:mea")), ==,
                   "Middle East, North Africa, Afghanistan & Pakistan");

  /* The broadband file of 2019 has the old one. */
  g_clear_object (&result);
  g_ptr_array_set_size (files, 0);
  g_ptr_array_add (files, g_file_new_for_path (bbnd));
  result = run_files (store, files);
  g_assert_cmpstr (dsr_entity_get_name (dsr_store_get_entity (dsr_import_result_get_staging (result),
                                                              "wb-region:mea")), ==,
                   "Middle East & North Africa");
}

/* Spanish metadata ----------------------------------------------------------------- */

static void
test_spanish_metadata (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb-es-meta/API_IT.NET.USER.ZS_DS2_es_csv_v2_7.csv", NULL);
  DsrStore *staging;
  DsrGrouping *regions, *incomes;
  DsrRegion *hic, *sas;

  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_files, ==, 3);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows_skipped, ==, 0);
  staging = dsr_import_result_get_staging (result);
  regions = dsr_store_get_grouping (staging, "wb-region");
  incomes = dsr_store_get_grouping (staging, "wb-income");
  g_assert_nonnull (regions);
  g_assert_nonnull (incomes);

  /* "Asia meridional" is the region of SAS, named as the metadata names it,
   * with its members; there is no second one. */
  sas = dsr_grouping_find_region (regions, "sas");
  g_assert_nonnull (sas);
  g_assert_cmpstr (dsr_region_get_name (sas), ==, "Asia meridional");
  g_assert_cmpuint (dsr_region_get_n_members (sas), ==, 2);
  g_assert_true (dsr_grouping_region_of (regions, "IND") == sas);
  g_assert_null (dsr_grouping_find_region (regions, "asia-meridional"));
  g_assert_cmpuint (dsr_grouping_get_n_regions (regions), ==, 3);
  g_assert_null (dsr_store_get_entity (staging, "SAS"));
  g_assert_cmpuint (count_named (staging, "Asia meridional"), ==, 1);
  g_assert_cmpuint (count_named (staging, "Asia oriental y el Pacífico"), ==, 1);

  /* "Ingreso alto" is kept, with the high-income economies that have no
   * Region in this vintage; "Agregados" is no income group. */
  hic = dsr_grouping_find_region (incomes, "hic");
  g_assert_nonnull (hic);
  g_assert_cmpstr (dsr_region_get_name (hic), ==, "Ingreso alto");
  g_assert_cmpuint (dsr_region_get_n_members (hic), ==, 3);
  g_assert_true (dsr_grouping_region_of (incomes, "DEU") == hic);
  g_assert_true (dsr_grouping_region_of (incomes, "JPN") == hic);
  /* An economy outside ISO 3166 without a region: imported, and said so. */
  g_assert_true (dsr_grouping_region_of (incomes, "CHI") == hic);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "CHI")), ==, DSR_ENTITY_COUNTRY);
  dsr_import_test_problem (result, "“CHI” (Islas del Canal) is not an ISO 3166 country code; it is imported "
                           "as an economy of the World Bank’s income group “Ingreso alto”");
  g_assert_null (dsr_grouping_region_of (regions, "DEU"));
  g_assert_cmpuint (dsr_grouping_get_n_regions (incomes), ==, 4);
  for (guint i = 0; i < dsr_grouping_get_n_regions (incomes); i++)
    g_assert_cmpstr (dsr_region_get_name (dsr_grouping_get_region (incomes, i)), !=, "Agregados");
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "ARB")), ==, DSR_ENTITY_AGGREGATE);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "DEU")), ==, DSR_ENTITY_COUNTRY);

  /* KSV is Kosovo. */
  g_assert_null (dsr_store_get_entity (staging, "KSV"));
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "XKX")), ==, DSR_ENTITY_COUNTRY);
  g_assert_cmpstr (dsr_region_get_id (dsr_grouping_region_of (regions, "XKX")), ==, "ecs");

  /* The Spanish metadata's "Método de agregación", and the preamble's date. */
  g_assert_cmpint (aggregation_of (staging, "IT.NET.USER.ZS"), ==, DSR_AGGREGATION_MEAN);
  g_assert_cmpstr (dsr_indicator_get_vintage (dsr_store_get_indicator (staging, "IT.NET.USER.ZS")), ==,
                   "2024-12-16");

  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_no_error (error);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "wb-region:sas", 2021, 16.5);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "wb-income:hic", 2020, 81.25);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "XKX", 2020, 40.5);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "DEU", 2021, 81.5);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "CHI", 2020, 84.5);
}

/* File order ------------------------------------------------------------------------- */

static char *
digest_of_import (GPtrArray *files,
                  gboolean   reverse)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(DsrImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (files, reverse ? files->len - 1 - i : i));
  result = run_files (store, order);
  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_no_error (error);
  return full_digest (store);
}

static void
test_file_order (void)
{
  static const char * const names[] = {
    "wb-es-meta/API_IT.NET.USER.ZS_DS2_es_csv_v2_7.csv",
    "wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv",
    "wb-bare/API_IT.NET.BBND.P2_DS2_en_csv_v2_5.csv",
    "wb-es/API_IT.NET.USER.ZS_DS2_es_csv_v2_3.csv",
    "tidy/tidy-codes.csv",
    NULL,
  };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *forward = NULL;
  g_autofree char *backward = NULL;

  /* The English and the Spanish metadata disagree (Germany's region), the
   * two internet files on names and values: the same result either way. */
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, dsr_import_test_file (names[i]));
  forward = digest_of_import (files, FALSE);
  backward = digest_of_import (files, TRUE);
  g_assert_cmpstr (forward, ==, backward);
}

static void
test_file_order_real (void)
{
  static const char * const names[] = {
    "wdi/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv",
    "wdi/API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv",
    "wdi/API_IT.NET.BBND.P2_DS2_en_csv_v2_14223.csv",
    "wdi/API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv",
    NULL,
  };
  g_autoptr(GPtrArray) files = shared_files (names);
  g_autofree char *forward = NULL;
  g_autofree char *backward = NULL;

  if (files == NULL)
    return;
  forward = digest_of_import (files, FALSE);
  backward = digest_of_import (files, TRUE);
  g_assert_cmpstr (forward, ==, backward);
}

/* Codes and names ---------------------------------------------------------------------- */

static void
test_tidy_country_codes (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "tidy/tidy-country-codes.csv", NULL);

  /* country,indicator,year,value with ISO3 codes: read as codes. */
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 4);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows_skipped, ==, 2);
  dsr_import_test_problem (result, "tidy-country-codes.csv:6: unknown economy code “ZZZ”: 2 rows skipped");
  g_assert_true (dsr_import_result_commit (result, store, &error));
  dsr_import_test_value (store, "DSR.TEST.C", "CHN", 2020, 1.5);
  dsr_import_test_value (store, "DSR.TEST.C", "IND", 2020, 2.5);
  dsr_import_test_value (store, "DSR.TEST.C", "CHN", 2021, 3.5); /* by name */
  dsr_import_test_value (store, "DSR.TEST.C", "XKX", 2021, 4.5); /* KSV */
}

static const struct
{
  const char *name;
  const char *code;
} name_variants[] = {
  { "Korea (the Republic of)", "KOR" },
  { "Republic of Korea", "KOR" },
  { "Korea, Rep.", "KOR" },
  { "South Korea", "KOR" },
  { "Democratic People's Republic of Korea", "PRK" },
  { "Korea (the Democratic People’s Republic of)", "PRK" },
  { "State of Palestine", "PSE" },
  { "Palestine, State of", "PSE" },
  { "Micronesia (Federated States of)", "FSM" },
  { "Federated States of Micronesia", "FSM" },
  { "Lao People's Democratic Republic", "LAO" },
  { "Lao People’s Democratic Republic (the)", "LAO" },
  { "Türkiye", "TUR" },
  { "Turkiye", "TUR" },
  { "Republic of Türkiye", "TUR" },
  { "Côte d'Ivoire", "CIV" },
  { "Cote d’Ivoire", "CIV" },
  { "COTE D IVOIRE", "CIV" },
  { "Côte d´Ivoire", "CIV" },
  { "Congo (the Democratic Republic of the)", "COD" },
  { "Democratic Republic of the Congo", "COD" },
  { "Congo", "COG" },
  { "Bolivia (Plurinational State of)", "BOL" },
  { "Iran (Islamic Republic of)", "IRN" },
  { "Venezuela (Bolivarian Republic of)", "VEN" },
  { "United Republic of Tanzania", "TZA" },
  { "Moldova (the Republic of)", "MDA" },
  { "Netherlands (the)", "NLD" },
  { "United Kingdom of Great Britain and Northern Ireland (the)", "GBR" },
  { "St. Lucia", "LCA" },
  { "St Vincent and the Grenadines", "VCT" },
  { "Viet Nam", "VNM" },
  { "Holy See", "VAT" },
  { "China, Hong Kong SAR", "HKG" },
  { "Hong Kong SAR, China", "HKG" },
  { "Virgin Islands (British)", "VGB" },
  { "British Virgin Islands", "VGB" },
  { "Czechia", "CZE" },
  { "Kyrgyz Republic", "KGZ" },
};

/* Each variant in a tidy file of its own indicator: the value lands on the
 * right economy. */
static void
test_name_variants (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autoptr(GString) text = g_string_new ("country,indicator,year,value\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (name_variants); i++)
    g_string_append_printf (text, "\"%s\",DSR.TEST.NAME%u,2020,%u\n", name_variants[i].name, i, i + 1);
  /* "Korea" alone names no one economy; "Atlantis" none at all. */
  g_string_append (text, "Korea,DSR.TEST.NAMEX,2020,1\nAtlantis,DSR.TEST.NAMEX,2020,2\n");
  path = dsr_test_write_tmp (dir, "names.csv", text->str);
  file = g_file_new_for_path (path);
  result = dsr_importer_run_sync (store, &file, 1, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dsr_import_result_commit (result, store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (name_variants); i++)
    {
      g_autofree char *indicator = g_strdup_printf ("DSR.TEST.NAME%u", i);
      DsrObservation obs;

      if (!dsr_store_lookup (store, indicator, name_variants[i].code, 2020, &obs))
        g_error ("“%s” is not %s", name_variants[i].name, name_variants[i].code);
      g_assert_cmpfloat (obs.value, ==, i + 1);
    }
  dsr_import_test_problem (result, "unknown economy “Korea”");
  dsr_import_test_problem (result, "unknown economy “Atlantis”");
  dsr_test_rm_rf (dir);
}

/* Aggregation and vintage ------------------------------------------------------------------ */

static void
test_aggregation_method (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb-method/API_DSR.TEST.M_DS2_en_csv_v2_1.csv",
                         "wb-method-es/API_DSR.TEST.N_DS2_es_csv_v2_1.csv", NULL);
  DsrStore *staging;

  g_assert_no_error (error);
  staging = dsr_import_result_get_staging (result);
  /* "Aggregation method": Sum, where the name alone would give a mean. */
  g_assert_cmpint (aggregation_of (staging, "DSR.TEST.M1"), ==, DSR_AGGREGATION_SUM);
  g_assert_cmpint (dsr_aggregation_guess ("Test quantity", "", NULL), ==, DSR_AGGREGATION_MEAN);
  /* No method given: from the unit (here none: a mean). */
  g_assert_cmpint (aggregation_of (staging, "DSR.TEST.M2"), ==, DSR_AGGREGATION_MEAN);
  /* Mostly text: none, with a note. */
  g_assert_cmpint (aggregation_of (staging, "DSR.TEST.M3"), ==, DSR_AGGREGATION_NONE);
  dsr_import_test_problem (result, "indicator “DSR.TEST.M3”: most of its values are text (5 text, 1 numbers)");
  /* "Método de agregación": "Suma". */
  g_assert_cmpint (aggregation_of (staging, "DSR.TEST.N1"), ==, DSR_AGGREGATION_SUM);
  /* No preamble, no vintage. */
  g_assert_cmpstr (dsr_indicator_get_vintage (dsr_store_get_indicator (staging, "DSR.TEST.M1")), ==, "");
}

static void
test_mixed_units (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = dsr_import_test_run (store, NULL, &error, "tidy/tidy-mixed-units.csv", NULL);
  DsrStore *staging;
  const DsrImportProblem *problem;

  g_assert_no_error (error);
  staging = dsr_import_result_get_staging (result);
  g_assert_cmpint (aggregation_of (staging, "DSR.TEST.U1"), ==, DSR_AGGREGATION_MEAN);
  g_assert_cmpint (aggregation_of (staging, "DSR.TEST.U2"), ==, DSR_AGGREGATION_NONE);
  problem = dsr_import_test_problem (result, "indicator “DSR.TEST.U2” has values in more than one unit "
                                     "(“% of GDP” and “current US$”)");
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_NOTE);
  /* The values are all kept, to be shown by economy. */
  g_assert_cmpuint (dsr_store_count_values (staging, "DSR.TEST.U2"), ==, 3);
}

static void
test_chinese_units (void)
{
  static const struct { const char *label, *name, *unit; } cases[] = {
    { "ICT服务出口（国际收支，现价美元）", "ICT服务出口", "国际收支，现价美元" },
    { "个人使用互联网（占人口的百分比）", "个人使用互联网", "占人口的百分比" },
    { "国内生产总值（现价美元）", "国内生产总值", "现价美元" },
    { "Individuals using the Internet (% of population)", "Individuals using the Internet", "% of population" },
    { "GDP per capita (current US$) ", "GDP per capita", "current US$" },
    { "Access (%) to things (per 100 people)", "Access (%) to things", "per 100 people" },
    { "人口，总数", "人口，总数", "" },
    { "（只有单位）", "（只有单位）", "" },
  };
  g_autoptr(DsrStore) store = dsr_test_store_with_countries ((const char *[]) { "CHN", "IND", NULL });
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  DsrStore *staging;
  DsrIndicator *indicator;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *unit = NULL;

      dsr_import_split_unit (cases[i].label, &name, &unit);
      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_cmpstr (unit, ==, cases[i].unit);
    }

  /* A Chinese download: the unit splits off; a total in US dollars is
   * summed, a share averaged; the preamble's date is the vintage. */
  result = dsr_import_test_run (store, NULL, &error, "wb-zh/API_BX.GSR.CCIS.CD_DS2_zh_csv_v2_1.csv", NULL);
  g_assert_no_error (error);
  staging = dsr_import_result_get_staging (result);
  indicator = dsr_store_get_indicator (staging, "BX.GSR.CCIS.CD");
  g_assert_cmpstr (dsr_indicator_get_name (indicator), ==, "ICT服务出口");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "国际收支，现价美元");
  g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, DSR_AGGREGATION_SUM);
  g_assert_cmpint (dsr_indicator_get_decimals (indicator), ==, 0);
  g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, "2026-02-24");
  g_assert_cmpint (aggregation_of (staging, "IT.NET.USER.ZS"), ==, DSR_AGGREGATION_MEAN);
  g_assert_cmpstr (dsr_indicator_get_unit (dsr_store_get_indicator (staging, "IT.NET.USER.ZS")), ==,
                   "占人口的百分比");
  /* South Asia without metadata: the region, named in the user's language. */
  g_assert_cmpstr (dsr_entity_get_name (dsr_store_get_entity (staging, "wb-region:sas")), ==, "South Asia");
}

/* The real metadata files have no "Aggregation method" column: the rule
 * comes from the unit. */
static void
test_aggregation_real (void)
{
  static const char * const names[] = {
    "wdi/API_IT.NET.BBND.P2_DS2_en_csv_v2_14223.csv",
    "wdi/API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv",
    "wdi/API_SP.POP.TOTL_DS2_en_csv_v2_282912.csv",
    "wdi/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv",
    NULL,
  };
  g_autoptr(GPtrArray) files = shared_files (names);
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  g_autofree char *metadata = NULL;
  g_autofree char *header = NULL;
  DsrStore *staging;
  DsrIndicator *indicator;

  if (files == NULL)
    return;
  metadata = shared_data ("wdi/Metadata_Indicator_API_IT.NET.BBND.P2_DS2_en_csv_v2_14223.csv");
  g_assert_true (g_file_get_contents (metadata, &header, NULL, NULL));
  *strchr (header, '\n') = '\0';
  g_test_message ("broadband's Metadata_Indicator: %s", header);
  g_assert_null (strstr (header, "ggregation"));

  store = dsr_test_store_with_countries ((const char *[]) { "CHN", "IND", NULL });
  result = run_files (store, files);
  staging = dsr_import_result_get_staging (result);
  indicator = dsr_store_get_indicator (staging, "IT.NET.BBND.P2");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "per 100 people");
  g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, DSR_AGGREGATION_MEAN);
  g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, "2025-01-28");
  indicator = dsr_store_get_indicator (staging, "BX.GSR.CCIS.CD");
  g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, DSR_AGGREGATION_SUM);
  g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, "2026-02-24");
  indicator = dsr_store_get_indicator (staging, "SP.POP.TOTL");
  g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, DSR_AGGREGATION_SUM);
  g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, "2026-04-08");
  /* Its preamble was removed: no vintage. */
  indicator = dsr_store_get_indicator (staging, "IT.NET.USER.ZS");
  g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, DSR_AGGREGATION_MEAN);
  g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, "");
}

/* Sources ------------------------------------------------------------------------------------ */

/* Imported values for an indicator the bundled data has are labelled with
 * their file's source, never with the paper's. */
static void
test_imported_sources (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  const char *expected = "World Bank, World Development Indicators "
                         "(API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv, last updated 2024-06-28)";
  GListModel *entities;
  DsrObservation obs;
  guint n_imported = 0;

  g_assert_no_error (error);
  /* The paper's Belt and Road average is a series of its own. */
  g_assert_false (dsr_store_lookup (store, "IT.NET.USER.ZS", "BRI", 2021, NULL));
  g_assert_true (dsr_store_lookup (store, "DSR.PAPER.NET.USER", "BRI", 2021, &obs));
  g_assert_nonnull (strstr (obs.source, "Academic Journal of Business & Management"));
  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_no_error (error);

  entities = dsr_store_get_entities (store);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);
      const char *id = dsr_entity_get_id (entity);

      for (int year = 2015; year <= 2024; year++)
        {
          if (!dsr_store_lookup (store, "IT.NET.USER.ZS", id, year, &obs))
            continue;
          if (g_str_equal (id, "BRI"))
            {
              /* The paper's own figure stays the paper's. */
              g_assert_nonnull (strstr (obs.source, "paper"));
              continue;
            }
          g_assert_cmpstr (obs.source, ==, expected);
          g_assert_null (strstr (obs.source, "paper"));
          n_imported++;
        }
    }
  g_assert_cmpuint (n_imported, ==, 29);

  /* A tidy file without a source column: the file's name. */
  g_clear_object (&result);
  {
    g_autofree char *dir = dsr_test_make_tmp_dir ();
    g_autofree char *path = dsr_test_write_tmp (dir, "my-internet.csv",
                                                "iso3,indicator,year,value,source\n"
                                                "KAZ,IT.NET.USER.ZS,2019,12.5,\n");
    g_autoptr(GFile) file = g_file_new_for_path (path);

    result = dsr_importer_run_sync (store, &file, 1, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (dsr_import_result_commit (result, store, &error));
    g_assert_true (dsr_store_lookup (store, "IT.NET.USER.ZS", "KAZ", 2019, &obs));
    g_assert_cmpstr (obs.source, ==, "my-internet.csv");
    dsr_test_rm_rf (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);
  /* The paper's figures only: the fixtures hold made-up values of indicators
   * the country pack has. */
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);

  g_test_add_func ("/import/groups/aggregates-without-metadata", test_aggregates_without_metadata);
  g_test_add_func ("/import/groups/aggregates-without-metadata-real", test_aggregates_without_metadata_real);
  g_test_add_func ("/import/groups/spanish-metadata", test_spanish_metadata);
  g_test_add_func ("/import/groups/file-order", test_file_order);
  g_test_add_func ("/import/groups/file-order-real", test_file_order_real);
  g_test_add_func ("/import/names/tidy-country-codes", test_tidy_country_codes);
  g_test_add_func ("/import/names/variants", test_name_variants);
  g_test_add_func ("/import/aggregation/method", test_aggregation_method);
  g_test_add_func ("/import/aggregation/mixed-units", test_mixed_units);
  g_test_add_func ("/import/aggregation/chinese-units", test_chinese_units);
  g_test_add_func ("/import/aggregation/real", test_aggregation_real);
  g_test_add_func ("/import/sources/imported", test_imported_sources);

  return g_test_run ();
}
