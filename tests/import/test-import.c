/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "dsr-error.h"
#include "dsr-import-private.h"
#include "dsr-import-test-utils.h"

/* Every format of the importers, on the hand-made files of
 * tests/import/data/ (README.md there says what each one tests; their
 * numbers are made up), and the malformed ones. */

static void
test_detect (void)
{
  struct { const char *file; DsrImportFormat format; const char *first; } cases[] = {
    { "wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", DSR_IMPORT_FORMAT_WORLD_BANK, "Country Name" },
    { "wb/Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", DSR_IMPORT_FORMAT_WB_COUNTRY_META, "Country Code" },
    { "wb/Metadata_Indicator_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", DSR_IMPORT_FORMAT_WB_INDICATOR_META, "INDICATOR_CODE" },
    { "wb-bare/API_IT.NET.BBND.P2_DS2_en_csv_v2_5.csv", DSR_IMPORT_FORMAT_WORLD_BANK, "Country Name" },
    { "wb-es/API_IT.NET.USER.ZS_DS2_es_csv_v2_3.csv", DSR_IMPORT_FORMAT_WORLD_BANK, "Nombre del país" },
    { "wdi/WDICSV.csv", DSR_IMPORT_FORMAT_WORLD_BANK, "Country Name" },
    { "wdi/WDICountry.csv", DSR_IMPORT_FORMAT_WB_COUNTRY_META, "Country Code" },
    { "wdi/WDISeries.csv", DSR_IMPORT_FORMAT_WB_INDICATOR_META, "Series Code" },
    { "owid/internet-and-broadband.csv", DSR_IMPORT_FORMAT_OWID, "Entity" },
    { "tidy/tidy-codes.csv", DSR_IMPORT_FORMAT_TIDY, "iso3c" },
    { "tidy/mapped.csv", DSR_IMPORT_FORMAT_TIDY, "land" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = dsr_import_test_file (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) header = NULL;
      DsrImportFormat format;

      g_assert_true (dsr_import_detect (file, NULL, &format, &header, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (dsr_import_format_to_string (format), ==, dsr_import_format_to_string (cases[i].format));
      g_assert_cmpstr (header[0], ==, cases[i].first);
    }
}

static void
test_numbers (void)
{
  struct { const char *text; double value; } ok[] = {
    { "12.5", 12.5 }, { " -3 ", -3 }, { "4.37E-06", 4.37e-06 }, { "+1e2", 100 }, { "0.000123", 0.000123 },
    { ".5", 0.5 }, { "5.", 5 }, { "1234567890123456789012", 1234567890123456789012.0 },
    { "16.8654561405163", 16.8654561405163 }, { "2.2250738585072014e-308", 2.2250738585072014e-308 },
  };
  const char *bad[] = { "", "abc", "1,5", "1.2.3", "e5", "1e", "nan", "inf", "0x10", "1e999", "--1", NULL };
  const char *missing[] = { "", "  ", "..", "NA", "N/A", "#N/A", "-", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  int year;

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      double value;

      g_assert_true (dsr_import_parse_number (ok[i].text, &value));
      g_assert_cmpfloat (value, ==, ok[i].value);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      double value;

      g_assert_false (dsr_import_parse_number (bad[i], &value));
    }
  for (guint i = 0; missing[i] != NULL; i++)
    g_assert_true (dsr_import_is_missing (missing[i]));
  g_assert_false (dsr_import_is_missing ("0"));

  /* The fast path agrees with strtod to the last bit. */
  for (guint i = 0; i < 200000; i++)
    {
      char text[64];
      double ours, theirs;

      switch (i % 4)
        {
        case 0:
          g_snprintf (text, sizeof text, "%.15g", g_rand_double (rand) * pow (10, g_rand_int_range (rand, -8, 12)));
          break;
        case 1:
          g_snprintf (text, sizeof text, "%.17g", g_rand_double_range (rand, -1e6, 1e6));
          break;
        case 2:
          g_snprintf (text, sizeof text, "%.2E", g_rand_double (rand) * 1e-5);
          break;
        default:
          g_snprintf (text, sizeof text, "%" G_GINT32_FORMAT ".%" G_GINT32_FORMAT,
                      g_rand_int_range (rand, 0, 100000), g_rand_int_range (rand, 0, 1000000));
          break;
        }
      g_assert_true (dsr_import_parse_number (text, &ours));
      theirs = g_ascii_strtod (text, NULL);
      if (memcmp (&ours, &theirs, sizeof ours) != 0)
        g_error ("“%s”: %.17g, strtod %.17g", text, ours, theirs);
    }

  g_assert_true (dsr_import_parse_year ("2019", &year) && year == 2019);
  g_assert_true (dsr_import_parse_year (" 2019-06-30", &year) && year == 2019);
  g_assert_true (dsr_import_parse_year ("2019.0", &year) && year == 2019);
  g_assert_false (dsr_import_parse_year ("19", &year));
  g_assert_false (dsr_import_parse_year ("2019a", &year));
  g_assert_cmpint (dsr_import_parse_header_year ("1960"), ==, 1960);
  g_assert_cmpint (dsr_import_parse_header_year ("2015 [YR2015]"), ==, 2015);
  g_assert_cmpint (dsr_import_parse_header_year ("Country"), ==, -1);
}

static void
test_mapping_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrColumnMapping) mapping = dsr_column_mapping_parse ("country=land, year=2,value=wert,id=X.Y", &error);
  g_autoptr(DsrColumnMapping) copy = NULL;
  g_autoptr(DsrColumnMapping) bad = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (mapping->country, ==, "land");
  g_assert_cmpstr (mapping->year, ==, "2");
  g_assert_cmpstr (mapping->indicator_id, ==, "X.Y");
  g_assert_null (mapping->indicator);
  copy = dsr_column_mapping_copy (mapping);
  text = dsr_column_mapping_to_string (copy);
  g_assert_cmpstr (text, ==, "country=land,year=2,value=wert,id=X.Y");

  bad = dsr_column_mapping_parse ("country=a,year=b", &error);
  g_assert_null (bad);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  bad = dsr_column_mapping_parse ("country=a,year=b,value=c,colour=d", &error);
  g_assert_null (bad);
  g_assert_true (strstr (error->message, "colour") != NULL);
}

/* World Bank ---------------------------------------------------------------- */

static void
test_world_bank_with_metadata (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb/API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  const DsrImportStats *stats;
  DsrStore *staging;
  DsrIndicator *indicator;
  DsrGrouping *regions, *incomes;
  const DsrImportProblem *problem;
  DsrObservation obs;
  DsrAggregate agg;

  g_assert_no_error (error);
  stats = dsr_import_result_get_stats (result);
  g_assert_cmpuint (stats->n_files, ==, 3); /* both metadata files found beside */
  g_assert_cmpuint (stats->n_rejected, ==, 0);
  g_assert_cmpuint (stats->n_rows, ==, 12);
  g_assert_cmpuint (stats->n_rows_skipped, ==, 1);
  g_assert_cmpuint (stats->n_values, ==, 29);
  g_assert_cmpuint (dsr_import_result_get_files (result)->len, ==, 3);
  g_assert_cmpstr (dsr_import_result_get_summary (result), ==,
                   "12 rows, 1 skipped: 1 with an unknown economy; 29 values of 1 indicator");

  /* The unknown code is listed with its file and line. */
  problem = dsr_import_test_problem (result, "“ATL” (Atlantis)");
  g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_ROWS_SKIPPED);
  g_assert_cmpuint (problem->line, ==, 16);
  g_assert_true (strstr (problem->error->message, "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv:16:") != NULL);
  /* The Channel Islands are an economy the metadata declares. */
  problem = dsr_import_test_problem (result, "“CHI” (Channel Islands) is not an ISO 3166");
  g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_NOTE);

  /* The indicator carries the metadata's name, unit and source. */
  staging = dsr_import_result_get_staging (result);
  indicator = dsr_store_get_indicator (staging, "IT.NET.USER.ZS");
  g_assert_nonnull (indicator);
  g_assert_cmpstr (dsr_indicator_get_name (indicator), ==, "Individuals using the Internet");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "% of population");
  g_assert_cmpint (dsr_indicator_get_theme (indicator), ==, DSR_THEME_INFRASTRUCTURE);
  g_assert_true (g_str_has_prefix (dsr_indicator_get_source (indicator), "International Telecommunication Union"));
  g_assert_true (g_str_has_prefix (dsr_indicator_get_description (indicator), "Internet users are"));

  /* Regions and income groups become groupings, with the aggregates'
   * reported values on their regions. */
  regions = dsr_store_get_grouping (staging, "wb-region");
  incomes = dsr_store_get_grouping (staging, "wb-income");
  g_assert_nonnull (regions);
  g_assert_nonnull (incomes);
  g_assert_cmpuint (dsr_grouping_get_n_regions (regions), ==, 2);
  g_assert_cmpstr (dsr_region_get_name (dsr_grouping_find_region (regions, "eas")), ==, "East Asia & Pacific");
  g_assert_cmpuint (dsr_region_get_n_members (dsr_grouping_find_region (regions, "ecs")), ==, 4);
  g_assert_true (dsr_grouping_region_of (incomes, "XKX") == dsr_grouping_find_region (incomes, "umc"));
  g_assert_true (dsr_grouping_region_of (incomes, "DEU") == dsr_grouping_find_region (incomes, "hic"));

  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_no_error (error);

  dsr_import_test_value (store, "IT.NET.USER.ZS", "CHN", 2020, 20.25);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "DEU", 2022, 90);
  dsr_import_test_no_value (store, "IT.NET.USER.ZS", "CHN", 2022); /* empty is missing, not zero */
  dsr_import_test_no_value (store, "IT.NET.USER.ZS", "KAZ", 2020);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "XKX", 2020, 12.5);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "wb-region:eas", 2021, 13);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "wb-income:hic", 2019, 31);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "ARB", 2021, 7);

  /* WLD is the world, a reported value; the bundled paper figure stays. */
  g_assert_true (dsr_store_lookup (store, "IT.NET.USER.ZS", "WLD", 2021, &obs));
  g_assert_cmpfloat (obs.value, ==, 60.5);
  g_assert_cmpint (obs.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpstr (obs.source, ==, "World Bank, World Development Indicators "
                   "(API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv, last updated 2024-06-28)");
  dsr_import_test_value (store, "DSR.PAPER.NET.USER", "BRI", 2021, 59.86);
  g_assert_true (dsr_store_lookup (store, "IT.NET.USER.ZS", "CHN", 2021, &obs));
  g_assert_cmpint (obs.basis, ==, DSR_BASIS_OBSERVED);

  /* Entities: Kosovo and the Channel Islands are countries, "Arab World" a
   * reported aggregate, the regions regions. */
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (store, "XKX")), ==, DSR_ENTITY_COUNTRY);
  g_assert_cmpstr (dsr_entity_get_name (dsr_store_get_entity (store, "XKX")), ==, "Kosovo");
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (store, "CHI")), ==, DSR_ENTITY_COUNTRY);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (store, "ARB")), ==, DSR_ENTITY_AGGREGATE);
  g_assert_cmpstr (dsr_entity_get_name (dsr_store_get_entity (store, "ARB")), ==, "Arab World");
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (store, "wb-region:ecs")), ==, DSR_ENTITY_REGION);
  g_assert_null (dsr_store_get_entity (store, "ATL"));
  g_assert_null (dsr_store_get_entity (store, "EAS"));

  /* The regional comparison follows at once: 2021 in Europe & Central
   * Asia: CHI 1.5, DEU 80, KAZ 50.5, XKX none -> 44 over 3 of 4. */
  regions = dsr_store_get_grouping (store, "wb-region");
  g_assert_true (dsr_store_is_imported_grouping (store, "wb-region"));
  dsr_store_compute_region (store, "IT.NET.USER.ZS", dsr_grouping_find_region (regions, "ecs"), 2021,
                            NULL, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 44.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 3);
  g_assert_cmpuint (agg.total, ==, 4);
}

static void
test_world_bank_bare (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb-bare/API_IT.NET.BBND.P2_DS2_en_csv_v2_5.csv", NULL);
  DsrStore *staging;

  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 10);
  staging = dsr_import_result_get_staging (result);
  /* Without metadata: the aggregates from the built-in list, the regions
   * and income groups as groupings without members. */
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_groupings (staging)), ==, 2);
  g_assert_cmpuint (dsr_region_get_n_members (dsr_grouping_find_region (dsr_store_get_grouping (staging, "wb-region"),
                                                                         "sas")), ==, 0);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "wb-region:sas")), ==, DSR_ENTITY_REGION);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "ARB")), ==, DSR_ENTITY_AGGREGATE);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (staging, "WLD")), ==, DSR_ENTITY_WORLD);

  g_assert_true (dsr_import_result_commit (result, store, &error));
  dsr_import_test_value (store, "IT.NET.BBND.P2", "CHN", 2018, 4.37e-06);
  dsr_import_test_value (store, "IT.NET.BBND.P2", "CHN", 2019, 12.5);     /* quoted */
  dsr_import_test_no_value (store, "IT.NET.BBND.P2", "CHN", 2020);         /* empty last field */
  dsr_import_test_value (store, "IT.NET.BBND.P2", "KOR", 2019, 100);
  dsr_import_test_value (store, "IT.NET.BBND.P2", "KOR", 2020, -0.25);
  dsr_import_test_value (store, "IT.NET.BBND.P2", "WLD", 2020, 2.5);
  dsr_import_test_value (store, "IT.NET.BBND.P2", "wb-region:sas", 2019, 0.75);
  /* Not in the paper's pack (the country pack has it): the file's source. */
  g_assert_cmpstr (dsr_indicator_get_source (dsr_store_get_indicator (store, "IT.NET.BBND.P2")), ==,
                   "World Bank, World Development Indicators");
}

static void
test_world_bank_other_language (void)
{
  g_autoptr(DsrStore) store = dsr_test_store_with_countries ((const char *[]) { "CHN", NULL });
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb-es/API_IT.NET.USER.ZS_DS2_es_csv_v2_3.csv", NULL);
  DsrIndicator *indicator;
  DsrObservation obs;

  g_assert_no_error (error);
  indicator = dsr_store_get_indicator (dsr_import_result_get_staging (result), "IT.NET.USER.ZS");
  g_assert_cmpstr (dsr_indicator_get_name (indicator), ==, "Personas que usan Internet");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "% de la población");
  g_assert_true (dsr_import_result_commit (result, store, &error));
  dsr_import_test_value (store, "IT.NET.USER.ZS", "CHN", 2021, 30);
  g_assert_true (dsr_store_lookup (store, "IT.NET.USER.ZS", "WLD", 2020, &obs));
  g_assert_cmpfloat (obs.value, ==, 55);
  g_assert_true (strstr (obs.source, "Indicadores del desarrollo mundial") != NULL);
}

static void
test_world_bank_bulk (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = dsr_import_test_run (store, NULL, &error, "wdi/WDICSV.csv", NULL);
  DsrStore *staging;
  DsrIndicator *indicator;
  DsrGrouping *incomes;

  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_files, ==, 3);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows, ==, 21);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 37);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_indicators, ==, 3);

  staging = dsr_import_result_get_staging (result);
  indicator = dsr_store_get_indicator (staging, "FX.OWN.TOTL.ZS");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "% of population ages 15+");
  g_assert_cmpint (dsr_indicator_get_theme (indicator), ==, DSR_THEME_PAYMENT);
  g_assert_true (g_str_has_prefix (dsr_indicator_get_source (indicator), "Global Findex database"));
  indicator = dsr_store_get_indicator (staging, "SP.POP.TOTL");
  g_assert_cmpstr (dsr_indicator_get_name (indicator), ==, "Population, total");
  g_assert_cmpint (dsr_indicator_get_decimals (indicator), ==, 0);
  /* WDISeries' "Aggregation method". */
  g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, DSR_AGGREGATION_SUM);
  g_assert_cmpint (dsr_indicator_get_aggregation (dsr_store_get_indicator (staging, "IT.NET.USER.ZS")), ==,
                   DSR_AGGREGATION_MEAN);
  incomes = dsr_store_get_grouping (staging, "wb-income");
  g_assert_nonnull (incomes);
  g_assert_cmpstr (dsr_region_get_id (dsr_grouping_region_of (incomes, "IND")), ==, "lmc");

  g_assert_true (dsr_import_result_commit (result, store, &error));
  dsr_import_test_value (store, "SP.POP.TOTL", "IND", 2020, 300);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "wb-income:lmc", 2021, 41);
  dsr_import_test_value (store, "IT.NET.USER.ZS", "wb-region:sas", 2020, 35);
  dsr_import_test_value (store, "FX.OWN.TOTL.ZS", "DEU", 2021, 99);
  dsr_import_test_value (store, "DSR.PAPER.ACCOUNT", "BRI", 2020, 56.73); /* the paper's, a series of its own */
}

/* Our World in Data and tidy tables ------------------------------------------ */

static void
test_owid (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "owid/internet-and-broadband.csv", NULL);
  const char *internet = "owid:individuals-using-the-internet-of-population";
  const char *broadband = "owid:fixed-broadband-subscriptions-per-100-people";
  DsrIndicator *indicator;
  DsrObservation obs;

  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows, ==, 7);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 11);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_indicators, ==, 2);
  indicator = dsr_store_get_indicator (dsr_import_result_get_staging (result), broadband);
  g_assert_cmpstr (dsr_indicator_get_name (indicator), ==, "Fixed broadband subscriptions");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "per 100 people");
  g_assert_cmpstr (dsr_indicator_get_source (indicator), ==, "Our World in Data");

  g_assert_true (dsr_import_result_commit (result, store, &error));
  dsr_import_test_value (store, internet, "CHN", 2020, 70.5);
  dsr_import_test_value (store, broadband, "CHN", 2020, 33.25);
  dsr_import_test_no_value (store, broadband, "CHN", 2021);
  dsr_import_test_value (store, internet, "XKX", 2021, 96.5);        /* OWID_KOS */
  dsr_import_test_value (store, internet, "FRO", 2021, 97.5);        /* by name */
  dsr_import_test_value (store, broadband, "KOR", 2021, 45);
  g_assert_true (dsr_store_lookup (store, internet, "WLD", 2021, &obs)); /* OWID_WRL */
  g_assert_cmpint (obs.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpstr (obs.source, ==, "Our World in Data (internet-and-broadband.csv)");
  g_assert_true (dsr_store_lookup (store, internet, "owid:high-income-countries", 2021, &obs));
  g_assert_cmpfloat (obs.value, ==, 91.5);
  g_assert_cmpint (obs.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (store, "owid:high-income-countries")), ==,
                   DSR_ENTITY_AGGREGATE);
}

static void
test_tidy_synonyms (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "tidy/tidy-codes.csv", "tidy/tidy-names.csv", NULL);
  DsrIndicator *indicator;
  DsrObservation obs;

  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 8);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows_skipped, ==, 0);
  indicator = dsr_store_get_indicator (dsr_import_result_get_staging (result), "DSR.TEST.A");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "% of GDP");
  g_assert_true (dsr_import_result_commit (result, store, &error));

  dsr_import_test_value (store, "DSR.TEST.A", "KAZ", 2020, 2.5);
  g_assert_true (dsr_store_lookup (store, "DSR.TEST.A", "DEU", 2021, &obs));
  g_assert_cmpfloat (obs.value, ==, 3.5);
  g_assert_cmpstr (obs.source, ==, "Test source B");
  /* Names: accents, the World Bank's and OWID's spellings. */
  dsr_import_test_value (store, "mobile-money-accounts", "CIV", 2021, 25);
  dsr_import_test_value (store, "mobile-money-accounts", "KOR", 2021, 35);
  dsr_import_test_value (store, "mobile-money-accounts", "RUS", 2021, 45);
  dsr_import_test_value (store, "mobile-money-accounts", "TUR", 2021, 55);
  g_assert_cmpstr (dsr_indicator_get_name (dsr_store_get_indicator (store, "mobile-money-accounts")), ==,
                   "Mobile money accounts");
  g_assert_cmpint (dsr_indicator_get_theme (dsr_store_get_indicator (store, "mobile-money-accounts")), ==,
                   DSR_THEME_PAYMENT);
}

static void
test_tidy_mapping (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) failed = dsr_import_test_run (store, NULL, &error, "tidy/mapped.csv", NULL);
  g_autoptr(DsrColumnMapping) by_name =
    dsr_column_mapping_parse ("country=land,year=jahr,indicator=kennzahl,value=wert", NULL);
  g_autoptr(DsrColumnMapping) by_number = dsr_column_mapping_parse ("country=1,year=2,value=4,id=DSR.TEST.N", NULL);
  g_autoptr(DsrColumnMapping) wrong = dsr_column_mapping_parse ("country=land,year=jahr,value=betrag", NULL);
  g_autoptr(DsrImportResult) mapped = NULL;

  /* Without a mapping: rejected, the dialog should ask for one. */
  g_assert_null (failed);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN);
  g_assert_true (strstr (error->message, "mapped.csv:1: the columns are not recognised") != NULL);
  g_clear_error (&error);

  mapped = dsr_import_test_run (store, wrong, &error, "tidy/mapped.csv", NULL);
  g_assert_null (mapped);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN);
  g_assert_true (strstr (error->message, "“betrag”") != NULL);
  g_clear_error (&error);

  mapped = dsr_import_test_run (store, by_name, &error, "tidy/mapped.csv", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (dsr_import_result_get_mapping (mapped));
  g_assert_true (dsr_import_result_commit (mapped, store, &error));
  dsr_import_test_value (store, "DSR.TEST.MAPPED", "KAZ", 2020, 8.5);
  g_clear_object (&mapped);

  mapped = dsr_import_test_run (store, by_number, &error, "tidy/mapped.csv", NULL);
  g_assert_no_error (error);
  g_assert_true (dsr_import_result_commit (mapped, store, &error));
  dsr_import_test_value (store, "DSR.TEST.N", "CHN", 2020, 7.5);
}

/* Malformed files -------------------------------------------------------------- */

typedef struct
{
  const char *file;
  const char *message;     /* in the rejection, or in a problem when imported */
  guint       line;        /* of that problem */
  guint64     values;      /* imported (when it is) */
  guint64     rows_skipped;
  guint64     values_skipped;
  const char *check_entity;/* a value to check */
  const char *check_indicator;
  int         check_year;
  double      check_value;
} Malformed;

static const Malformed malformed[] = {
  { "malformed/ragged.csv", "ragged.csv:3: expected 4 fields as in the header, found 5", 3, 2, 1, 0,
    "DEU", "DSR.TEST.R", 2020, 4 },
  { "malformed/text-in-number.csv", "text-in-number.csv:2: column “2020”: “abc” is not a number", 2, 3, 0, 1,
    "CHN", "DSR.TEST.T", 2019, 1.5 },
  { "malformed/duplicates.csv", "duplicates.csv:3: a second value for DSR.TEST.D, CHN, 2020", 3, 2, 1, 0,
    "CHN", "DSR.TEST.D", 2020, 1 },
  { "malformed/duplicate-rows-wide.csv", "duplicate-rows-wide.csv:3: a second row for CHN, DSR.TEST.W", 3, 4,
    1, 0, "CHN", "DSR.TEST.W", 2019, 1 },
  { "malformed/unknown-codes.csv", "unknown-codes.csv:3: unknown economy code “ZZZ”: 2 rows skipped", 3, 1,
    3, 0, "CHN", "DSR.TEST.U", 2020, 1 },
  { "malformed/latin1.csv", "latin1.csv: the file is not UTF-8 text", 0, 2, 0, 0,
    "CIV", "DSR.TEST.L", 2020, 5.5 },
  { "malformed/empty.csv", "empty.csv: the file is empty", 0, 0, 0, 0, NULL, NULL, 0, 0 },
  { "malformed/garbage.bin", "garbage.bin:1: ", 1, 0, 0, 0, NULL, NULL, 0, 0 },
  { "malformed/truncated.csv", "truncated.csv:3: the file ends inside a quoted field", 3, 0, 0, 0, NULL, NULL, 0, 0 },
  { "malformed/unrecognised.csv", "unrecognised.csv:1: the columns are not recognised", 1, 0, 0, 0,
    NULL, NULL, 0, 0 },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *before = dsr_test_digest (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = dsr_import_test_run (store, NULL, &error, m->file, NULL);
  const DsrImportProblem *problem;
  const DsrImportStats *stats;

  if (m->check_entity == NULL)
    {
      /* Rejected: the error names the file (and the line), nothing changes. */
      g_autofree char *after = dsr_test_digest (store);

      g_assert_null (result);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (strstr (error->message, m->message) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, m->message);
      g_assert_cmpstr (before, ==, after);
      return;
    }

  g_assert_no_error (error);
  stats = dsr_import_result_get_stats (result);
  g_assert_cmpuint (stats->n_values, ==, m->values);
  g_assert_cmpuint (stats->n_rows_skipped, ==, m->rows_skipped);
  g_assert_cmpuint (stats->n_values_skipped, ==, m->values_skipped);
  problem = dsr_import_test_problem (result, m->message);
  g_assert_cmpuint (problem->line, ==, m->line);
  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_no_error (error);
  dsr_import_test_value (store, m->check_indicator, m->check_entity, m->check_year, m->check_value);
}

static void
test_empty_metadata (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "wb-empty-meta/API_DSR.TEST.Z_DS2_en_csv_v2_1.csv", NULL);
  const DsrImportProblem *problem;

  /* A 0-byte metadata file beside the data: noted, the data imported. */
  g_assert_no_error (error);
  problem = dsr_import_test_problem (result, "Metadata_Country_API_DSR.TEST.Z_DS2_en_csv_v2_1.csv: the file is empty");
  g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_NOTE);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rejected, ==, 0);
  g_assert_true (dsr_import_result_commit (result, store, &error));
  dsr_import_test_value (store, "DSR.TEST.Z", "CHN", 2021, 2);

  /* Given explicitly, it is a rejected file, and the rest still imports. */
  g_clear_object (&result);
  result = dsr_import_test_run (store, NULL, &error, "wb-empty-meta/Metadata_Country_API_DSR.TEST.Z_DS2_en_csv_v2_1.csv",
                                "tidy/tidy-codes.csv", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rejected, ==, 1);
  problem = dsr_import_test_problem (result, "Metadata_Country_API_DSR.TEST.Z_DS2_en_csv_v2_1.csv: the file is empty");
  g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_FILE_REJECTED);
  g_assert_true (g_str_has_suffix (dsr_import_result_get_summary (result), "; 1 file rejected"));
}

static void
test_rejected_file_adds_nothing (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result =
    dsr_import_test_run (store, NULL, &error, "malformed/truncated.csv", "tidy/tidy-codes.csv", NULL);
  DsrStore *staging;
  const DsrImportProblem *problem;

  /* truncated.csv fails at its end, after a good row: nothing of it stays,
   * neither values nor its indicator; the other file imports. */
  g_assert_no_error (error);
  staging = dsr_import_result_get_staging (result);
  g_assert_null (dsr_store_get_indicator (staging, "DSR.TEST.X"));
  g_assert_nonnull (dsr_store_get_indicator (staging, "DSR.TEST.A"));
  problem = dsr_import_test_problem (result, "truncated.csv:3:");
  g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_FILE_REJECTED);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows, ==, 4);
}

static void
test_summary_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_import_test_write_wide (dir, 1200);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = NULL;

  /* Counts are written the way the locale writes numbers. */
  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("en_US.UTF-8 locale not available");
      dsr_test_rm_rf (dir);
      return;
    }
  result = dsr_importer_run_sync (store, &file, 1, NULL, NULL, NULL, NULL, &error);
  setlocale (LC_NUMERIC, saved);
  g_assert_no_error (error);
  g_assert_cmpstr (dsr_import_result_get_summary (result), ==, "1,200 rows; 76,800 values of 120 indicators");
  dsr_test_rm_rf (dir);
}

/* The real downloads beside the project ---------------------------------------- */

static char *
shared_data (const char *relative)
{
  g_autofree char *root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));

  return g_build_filename (root, "..", "shared", "data", relative, NULL);
}

/* The value of @code in @year as the file itself has it (a second, naive
 * reading: the last "-separated field of the line). */
static double
read_wide_value (const char *path,
                 const char *code,
                 guint       column)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *key = g_strdup_printf (",%s,", code);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], key) != NULL)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

        return g_ascii_strtod (fields[column], NULL);
      }
  g_assert_not_reached ();
  return NAN;
}

static void
test_real_downloads (void)
{
  g_autofree char *wdi = shared_data ("wdi/API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv");
  g_autofree char *bbnd = shared_data ("wdi/API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv");
  g_autofree char *owid = shared_data ("owid/share-of-individuals-using-the-internet.csv");
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  GFile *files[3];
  DsrGrouping *regions;

  if (!g_file_test (wdi, G_FILE_TEST_EXISTS) || !g_file_test (owid, G_FILE_TEST_EXISTS)
      || !g_file_test (bbnd, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data is not there");
      return;
    }
  store = dsr_test_load_bundled ();
  files[0] = g_file_new_for_path (wdi);
  files[1] = g_file_new_for_path (bbnd);
  files[2] = g_file_new_for_path (owid);
  result = dsr_importer_run_sync (store, files, 3, NULL, NULL, NULL, NULL, &error);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  g_assert_no_error (error);
  g_test_message ("%s", dsr_import_result_get_summary (result));
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rejected, ==, 0);
  /* The internet file's metadata declares the Channel Islands an economy,
   * for the broadband file (which has none beside it) too. */
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows_skipped, ==, 0);
  g_assert_true (dsr_import_result_commit (result, store, &error));
  g_assert_no_error (error);

  /* Values as the files have them: the 2021 column of the per-indicator
   * file is its 66th (1960 is the 5th), every field unquoted. */
  dsr_import_test_value (store, "IT.NET.USER.ZS", "KAZ", 2021, read_wide_value (wdi, "KAZ", 4 + 2021 - 1960));
  dsr_import_test_value (store, "IT.NET.USER.ZS", "WLD", 2021, read_wide_value (wdi, "WLD", 4 + 2021 - 1960));
  dsr_import_test_value (store, "IT.NET.USER.ZS", "XKX", 2018, read_wide_value (wdi, "XKX", 4 + 2018 - 1960));
  dsr_import_test_value (store, "owid:individuals-using-the-internet-of-population", "AFG", 2005, 1.22415);
  regions = dsr_store_get_grouping (store, "wb-region");
  g_assert_nonnull (regions);
  g_assert_cmpuint (dsr_grouping_get_n_regions (regions), ==, 7);
  g_assert_cmpstr (dsr_region_get_id (dsr_grouping_region_of (regions, "KAZ")), ==, "ecs");
  g_assert_nonnull (dsr_store_get_grouping (store, "wb-income"));

  /* Alone, the broadband file does not know them: listed with file and line. */
  g_clear_object (&result);
  g_clear_object (&store);
  store = dsr_test_load_bundled ();
  files[0] = g_file_new_for_path (bbnd);
  result = dsr_importer_run_sync (store, files, 1, NULL, NULL, NULL, NULL, &error);
  g_object_unref (files[0]);
  g_assert_no_error (error);
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows_skipped, ==, 1);
  dsr_import_test_problem (result, "API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv:42: unknown economy code “CHI” "
                           "(Channel Islands): 1 row skipped");
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==,
                    dsr_store_get_n_observations (dsr_import_result_get_staging (result)));
}

/* Imports @text written to a file named @name; NULL with @error when the
 * import fails (then the store is as it was). */
static DsrImportResult *
import_text (DsrStore    *store,
             const char  *dir,
             const char  *name,
             const char  *text,
             GError     **error)
{
  g_autofree char *path = dsr_test_write_tmp (dir, name, text);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dsr_importer_run_sync (store, &file, 1, NULL, NULL, NULL, NULL, error);
}

/* Imported ids keep to letters, digits, '.', '_', '-' and ':', at most 64
 * bytes, not starting with '.': a file with another id is rejected, naming
 * it, and the store is unchanged. */
static void
test_ids (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *before = dsr_test_digest (store);
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *long_id = g_strnfill (65, 'A');
  const char *bad[] = { "../../x", "/etc/passwd", "..", ".hidden", "a\\b", "A\tB", "A;B", "x\x1b[2J",
                        long_id };
  const char *good[] = { "DSR.TEST.OK", "数字贸易", "owid:x_y-1" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("iso3c,Series,ref_year,OBS_VALUE\nCHN,\"%s\",2020,1\n", bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(DsrImportResult) result = import_text (store, dir, "ids.csv", text, &error);
      g_autofree char *after = dsr_test_digest (store);

      g_assert_null (result);
      g_test_message ("%s", error->message);
      g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "ids.csv: “"));
      g_assert_nonnull (strstr (error->message, "” is not a valid indicator id: an id has only letters, "
                                                "digits, “.”, “_”, “-” and “:”, at most 64 bytes"));
      g_assert_cmpstr (after, ==, before);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = g_strdup_printf ("iso3c,Series,ref_year,OBS_VALUE\nCHN,%s,2020,1\n", good[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(DsrImportResult) result = import_text (store, dir, "ids.csv", text, &error);

      g_assert_no_error (error);
      g_assert_nonnull (dsr_store_get_indicator (dsr_import_result_get_staging (result), good[i]));
    }

  /* A World Bank file: rejected at the row that names it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrImportResult) result =
      import_text (store, dir, "wb.csv",
                   "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2020\"\n"
                   "\"China\",\"CHN\",\"x\",\"DSR.OK\",\"1\"\n"
                   "\"China\",\"CHN\",\"x\",\"../etc\",\"1\"\n", &error);

    g_assert_null (result);
    g_assert_nonnull (strstr (error->message, "wb.csv:3: “../etc” is not a valid indicator id"));
  }
  dsr_test_rm_rf (dir);
}

/* Bytes that are not UTF-8, at the start or past the first 64 KiB: one
 * outcome, the whole file read as Windows-1252 with a note. */
static void
test_encoding_anywhere (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *pad = g_strnfill (300, 'p');

  for (guint late = 0; late < 2; late++)
    {
      g_autoptr(GString) text = g_string_new ("iso3c,Series,ref_year,OBS_VALUE,unit,source\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(DsrImportResult) result = NULL;
      const DsrImportProblem *problem;
      DsrIndicator *indicator;

      if (!late)
        g_string_append (text, "CIV,DSR.TEST.E,1799,1,%,Donn\xe9" "es\n"); /* a year out of range */
      for (int year = 1800; year <= 2100; year++)
        g_string_append_printf (text, "CHN,DSR.TEST.E,%d,1,%%,%s\n", year, pad);
      if (late)
        g_string_append (text, "CIV,DSR.TEST.E,1799,1,%,Donn\xe9" "es\n");
      g_string_append (text, "CIV,DSR.TEST.E,2020,5.5,% du PIB,Donn\xe9" "es\n");
      g_assert_cmpuint (text->len, >, 64 * 1024);

      result = import_text (store, dir, "cp1252.csv", text->str, &error);
      g_assert_no_error (error);
      problem = dsr_import_test_problem (result, "cp1252.csv: the file is not UTF-8 text: it was read as WINDOWS-1252");
      g_assert_cmpint (problem->kind, ==, DSR_IMPORT_PROBLEM_NOTE);
      g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 302);
      /* Read as Windows-1252 from its first line on, whatever the line of the byte. */
      indicator = dsr_store_get_indicator (dsr_import_result_get_staging (result), "DSR.TEST.E");
      g_assert_nonnull (indicator);
      dsr_import_test_problem (result, "cp1252.csv:");
      g_assert_cmpuint (dsr_import_result_get_stats (result)->n_rows_skipped, ==, 1);
    }
  dsr_test_rm_rf (dir);
}

/* A data file that adds no value is rejected with the reason; the store is
 * unchanged. */
static void
test_no_values (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *before = dsr_test_digest (store);
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "iso3c,Series,ref_year,OBS_VALUE\n", "none.csv: nothing to import: the file has a header but no rows of data" },
    { "iso3c,Series,ref_year,OBS_VALUE\nCHN,DSR.TEST.N,2020,\nKAZ,DSR.TEST.N,2020,..\n",
      "none.csv: nothing to import: every value of the file is empty" },
    { "iso3c,Series,ref_year,OBS_VALUE\nCHN,DSR.TEST.N,2020,abc\nKAZ,DSR.TEST.N,2020,x\n",
      "none.csv: nothing to import: none of its 2 rows gave a value (first, line 2: column “OBS_VALUE”: "
      "“abc” is not a number)" },
    { "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2020\",\n",
      "none.csv: nothing to import: the file has a header but no rows of data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DsrImportResult) result = import_text (store, dir, "none.csv", cases[i].text, &error);
      g_autofree char *after = dsr_test_digest (store);
      g_autofree char *expected = g_strconcat (dir, "/", cases[i].message, NULL);

      g_assert_null (result);
      g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpstr (after, ==, before);
    }
  dsr_test_rm_rf (dir);
}

/* A tidy mapping with numeric UN M49 codes and a row filter: UNCTADstat's
 * shape (Economy as numbers, groups mixed in, imports and exports in one
 * file), read as a user would with --columns. */
static void
test_mapping_numeric_filter (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "unctad.csv",
    "Year,Economy,Economy Label,Flow,Share,\n"
    "2019,0,World,1,16.5,\n"
    "2019,0,World,2,12.5,\n"
    "2019,156,China,1,30,\n"
    "2019,156,China,2,26.5,\n"
    "2019,842,United States of America,2,8.75,\n"
    "2019,004,Afghanistan,2,0.25,\n"
    "2019,5100,Africa,2,3,\n"
    "2019,736,Sudan (...2011),2,1,\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrColumnMapping) mapping =
    dsr_column_mapping_parse ("country=Economy,year=Year,value=Share,id=T.ICT,filter=Flow=2;Economy<1000", &error);
  g_autoptr(DsrImportResult) result = NULL;
  g_autoptr(DsrColumnMapping) bad = NULL;
  g_autofree char *text = NULL;
  DsrStore *staging;

  g_assert_no_error (error);
  text = dsr_column_mapping_to_string (mapping);
  g_assert_true (strstr (text, "filter=Flow=2;Economy<1000") != NULL);
  result = dsr_importer_run_sync (store, &file, 1, mapping, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  staging = dsr_import_result_get_staging (result);
  dsr_import_test_value (staging, "T.ICT", "WLD", 2019, 12.5);
  dsr_import_test_value (staging, "T.ICT", "CHN", 2019, 26.5);   /* exports, not imports */
  dsr_import_test_value (staging, "T.ICT", "USA", 2019, 8.75);   /* Comtrade's 842 */
  dsr_import_test_value (staging, "T.ICT", "AFG", 2019, 0.25);   /* leading zeros */
  /* The group (5100) is filtered out; the former Sudan is an unknown code. */
  g_assert_nonnull (dsr_import_test_problem (result, "unknown economy code “736”"));
  {
    GPtrArray *problems = dsr_import_result_get_problems (result);

    for (guint i = 0; i < problems->len; i++)
      g_assert_null (strstr (((DsrImportProblem *) g_ptr_array_index (problems, i))->error->message, "5100"));
  }
  g_assert_cmpuint (dsr_import_result_get_stats (result)->n_values, ==, 4);

  /* A filter on a column the file does not have, or not a condition. */
  g_clear_object (&result);
  g_clear_error (&error);
  bad = dsr_column_mapping_parse ("country=Economy,year=Year,value=Share,filter=Direction=2", &error);
  g_assert_no_error (error);
  result = dsr_importer_run_sync (store, &file, 1, bad, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "“Direction”") != NULL);
  g_clear_error (&error);
  g_clear_pointer (&bad, dsr_column_mapping_free);
  bad = dsr_column_mapping_parse ("country=Economy,year=Year,value=Share,filter=Flow", &error);
  g_assert_no_error (error);
  result = dsr_importer_run_sync (store, &file, 1, bad, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "is not COLUMN=VALUE") != NULL);
  dsr_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);
  /* The importers against the paper's pack alone: the fixtures hold made-up
   * values for indicators the country pack has (IT.NET.USER.ZS). */
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);

  g_test_add_func ("/import/detect", test_detect);
  g_test_add_func ("/import/numbers", test_numbers);
  g_test_add_func ("/import/mapping/parse", test_mapping_parse);
  g_test_add_func ("/import/world-bank/preamble-and-metadata", test_world_bank_with_metadata);
  g_test_add_func ("/import/world-bank/bare", test_world_bank_bare);
  g_test_add_func ("/import/world-bank/other-language", test_world_bank_other_language);
  g_test_add_func ("/import/world-bank/bulk", test_world_bank_bulk);
  g_test_add_func ("/import/owid", test_owid);
  g_test_add_func ("/import/tidy/synonyms", test_tidy_synonyms);
  g_test_add_func ("/import/tidy/mapping", test_tidy_mapping);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *base = g_path_get_basename (malformed[i].file);
      g_autofree char *name = g_strdup_printf ("/import/malformed/%s", base);

      g_test_add_data_func (name, &malformed[i], test_malformed);
    }
  g_test_add_func ("/import/malformed/empty-metadata", test_empty_metadata);
  g_test_add_func ("/import/malformed/rejected-file-adds-nothing", test_rejected_file_adds_nothing);
  g_test_add_func ("/import/summary/locale", test_summary_locale);
  g_test_add_func ("/import/ids", test_ids);
  g_test_add_func ("/import/encoding-anywhere", test_encoding_anywhere);
  g_test_add_func ("/import/no-values", test_no_values);
  g_test_add_func ("/import/real-downloads", test_real_downloads);
  g_test_add_func ("/import/mapping/numeric-filter", test_mapping_numeric_filter);

  return g_test_run ();
}
