/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The country pack (data/sources/ imported at build time by dsr-make-pack):
 * every bundled indicator is there with its rule, vintage and source; the
 * values are the publishers' (spot checks written here, read by hand from
 * the raw files in data/sources/); a regional mean equals one computed here;
 * the paper's figures are series of their own. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dsr-iso-codes.h"
#include "dsr-pack.h"
#include "dsr-test-utils.h"

static DsrStore *store;

static void
check_value (const char *indicator,
             const char *entity,
             int         year,
             double      expected)
{
  DsrObservation obs;

  if (!dsr_store_lookup (store, indicator, entity, year, &obs))
    g_error ("no value for %s, %s, %d", indicator, entity, year);
  g_assert_cmpfloat_with_epsilon (obs.value, expected, fabs (expected) * 1e-12 + 1e-12);
}

static void
check_no_value (const char *indicator,
                const char *entity,
                int         year)
{
  DsrObservation obs;

  g_assert_false (dsr_store_lookup (store, indicator, entity, year, &obs));
}

static const struct
{
  const char *id;
  DsrAggregation aggregation;
  const char *vintage;
  const char *source_prefix;
} bundled[] = {
  { "IT.NET.USER.ZS", DSR_AGGREGATION_MEAN, "", "World Bank WDI" },
  { "IT.NET.BBND.P2", DSR_AGGREGATION_MEAN, "2025-01-28", "World Bank WDI (ITU), updated 2025-01-28" },
  { "IT.CEL.SETS.P2", DSR_AGGREGATION_MEAN, "2025-01-28", "World Bank WDI (ITU), updated 2025-01-28" },
  { "SP.POP.TOTL", DSR_AGGREGATION_SUM, "2026-04-08", "World Bank WDI, updated 2026-04-08" },
  { "BX.GSR.CCIS.CD", DSR_AGGREGATION_SUM, "2026-02-24", "World Bank WDI" },
  { "DSR.ICT.SVC.EXP.PCAP", DSR_AGGREGATION_MEAN, "2026-04-08", "Computed from World Bank WDI" },
  { "DSR.ICT.SVC.EXP.WSHARE", DSR_AGGREGATION_SUM, "2026-02-24", "Computed from World Bank WDI" },
  { "ITU.GCI.2020", DSR_AGGREGATION_MEAN, "", "ITU Global Cybersecurity Index 2020" },
  { "ITU.GCI.2020.LEGAL", DSR_AGGREGATION_MEAN, "", "ITU Global Cybersecurity Index 2020" },
  { "ITU.GCI.2020.TECHNICAL", DSR_AGGREGATION_MEAN, "", "ITU Global Cybersecurity Index 2020" },
  { "ITU.GCI.2020.ORGANIZATIONAL", DSR_AGGREGATION_MEAN, "", "ITU Global Cybersecurity Index 2020" },
  { "ITU.GCI.2020.CAPACITY", DSR_AGGREGATION_MEAN, "", "ITU Global Cybersecurity Index 2020" },
  { "ITU.GCI.2020.COOPERATION", DSR_AGGREGATION_MEAN, "", "ITU Global Cybersecurity Index 2020" },
  { "UNCTAD.ICTG.EXP.SHARE", DSR_AGGREGATION_MEAN, "", "UNCTADstat" },
};

/* Every bundled indicator loaded (the build already failed on any row the
 * importers left out beyond the listed ones), with its rule and vintage. */
static void
test_indicators (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    {
      DsrIndicator *indicator = dsr_store_get_indicator (store, bundled[i].id);

      g_test_message ("%s", bundled[i].id);
      g_assert_nonnull (indicator);
      g_assert_cmpuint (dsr_store_count_values (store, bundled[i].id), >, 150);
      g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, bundled[i].aggregation);
      g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, bundled[i].vintage);
      g_assert_true (g_str_has_prefix (dsr_indicator_get_source (indicator), bundled[i].source_prefix));
      g_assert_cmpstr (dsr_indicator_get_description (indicator), !=, "");
    }
  g_assert_true (strstr (dsr_indicator_get_source (dsr_store_get_indicator (store, "BX.GSR.CCIS.CD")),
                         "updated 2026-02-24") != NULL);
}

/* Values read by hand from the files in data/sources/. */
static void
test_spot_values (void)
{
  /* API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv */
  check_value ("IT.NET.USER.ZS", "CHN", 2000, 1.77591);
  check_value ("IT.NET.USER.ZS", "CHN", 2022, 75.6113);
  check_value ("IT.NET.USER.ZS", "KAZ", 2021, 90.924);
  check_value ("IT.NET.USER.ZS", "DEU", 2000, 30.2163);
  check_value ("IT.NET.USER.ZS", "WLD", 2021, 62.2);
  /* Broadband: the 2025-01-28 vintage (14223), not the 2019 one (43250). */
  check_value ("IT.NET.BBND.P2", "CHN", 2018, 28.7089);
  check_value ("IT.NET.BBND.P2", "CHN", 2022, 41.3736);
  check_value ("IT.NET.BBND.P2", "PAK", 2018, 0.952871);
  /* API_IT.CEL.SETS.P2_DS2_en_csv_v2_7691.csv */
  check_value ("IT.CEL.SETS.P2", "IND", 2010, 60.63048058);
  check_value ("IT.CEL.SETS.P2", "NGA", 2021, 91.43723303);
  /* API_SP.POP.TOTL_DS2_en_csv_v2_282912.csv (its 2025 column is empty) */
  check_value ("SP.POP.TOTL", "CHN", 2024, 1408975000);
  check_value ("SP.POP.TOTL", "IRL", 2020, 5039747);
  check_no_value ("SP.POP.TOTL", "CHN", 2025);
  /* API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv */
  check_value ("BX.GSR.CCIS.CD", "IRL", 2024, 301732326532.076);
  check_value ("BX.GSR.CCIS.CD", "IND", 2020, 99471420011.215);
  check_value ("BX.GSR.CCIS.CD", "WLD", 2024, 1263239610725.34);
  /* Derived: per capita and share of the World total, by the stated rule. */
  check_value ("DSR.ICT.SVC.EXP.PCAP", "IRL", 2024, 301732326532.076 / 5395790);
  check_value ("DSR.ICT.SVC.EXP.PCAP", "CHN", 2020, 38983783526.85 / 1411100000);
  check_value ("DSR.ICT.SVC.EXP.WSHARE", "IND", 2024, 100 * 177745449130.557 / 1263239610725.34);
  check_value ("DSR.ICT.SVC.EXP.WSHARE", "IRL", 2020, 100 * 168381643104.149 / 785475621345.736);
  check_no_value ("DSR.ICT.SVC.EXP.WSHARE", "WLD", 2020);
  /* gci_2020.csv: the overall score and the pillars */
  check_value ("ITU.GCI.2020", "EGY", 2020, 95.48);
  check_value ("ITU.GCI.2020", "KAZ", 2020, 93.15);
  check_value ("ITU.GCI.2020.TECHNICAL", "EGY", 2020, 17.45);
  check_value ("ITU.GCI.2020.CAPACITY", "KAZ", 2020, 15.15);
  check_value ("ITU.GCI.2020.COOPERATION", "EGY", 2020, 18.91);
  /* UNCTAD: exports (Flow 2) only; economy codes 0 = World, 842 = USA */
  check_value ("UNCTAD.ICTG.EXP.SHARE", "CHN", 2010, 29.12491);
  check_value ("UNCTAD.ICTG.EXP.SHARE", "MYS", 2019, 32.50135);
  check_value ("UNCTAD.ICTG.EXP.SHARE", "USA", 2019, 8.74211);
  check_value ("UNCTAD.ICTG.EXP.SHARE", "WLD", 2010, 11.62516);
}

/* A regional mean from the pack equals one computed here over the same
 * members: the GCI 2020 of the Belt and Road economies of Africa. */
static void
test_regional_mean (void)
{
  DsrGrouping *continents = dsr_store_get_grouping (store, "bri-continent");
  const DsrRegion *africa = dsr_grouping_find_region (continents, "africa");
  g_autoptr(GPtrArray) members = dsr_region_members_as_of (africa, 2020);
  DsrAggregateOptions options = { .as_of = 2020 };
  DsrAggregate agg;
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < members->len; i++)
    {
      DsrObservation obs;

      if (dsr_store_lookup (store, "ITU.GCI.2020", g_ptr_array_index (members, i), 2020, &obs))
        {
          sum += obs.value;
          n++;
        }
    }
  g_assert_cmpuint (n, >, 30);
  dsr_store_compute_region (store, "ITU.GCI.2020", africa, 2020, &options, &agg);
  g_assert_cmpuint (agg.n, ==, n);
  g_assert_cmpuint (agg.total, ==, members->len);
  g_assert_cmpfloat_with_epsilon (agg.value, sum / n, 1e-9);
}

/* The paper's printed averages are their own series, referenced by the
 * country indicators; no country series holds a paper figure. */
static void
test_paper_separate (void)
{
  DsrObservation obs;

  g_assert_cmpstr (dsr_indicator_get_reference_id (dsr_store_get_indicator (store, "IT.NET.USER.ZS")), ==,
                   "DSR.PAPER.NET.USER");
  g_assert_cmpstr (dsr_indicator_get_reference_id (dsr_store_get_indicator (store, "ITU.GCI.2020")), ==,
                   "DSR.GCI.SCORE");
  g_assert_cmpstr (dsr_indicator_get_reference_id (dsr_store_get_indicator (store, "FX.OWN.TOTL.ZS")), ==,
                   "DSR.PAPER.ACCOUNT");
  check_value ("DSR.PAPER.NET.USER", "BRI", 2021, 59.86);
  check_value ("DSR.PAPER.ACCOUNT", "BRI", 2020, 56.73);
  g_assert_true (dsr_store_lookup (store, "DSR.PAPER.NET.USER", "BRI", 2021, &obs));
  g_assert_cmpstr (obs.source, ==, "Academic Journal of Business & Management 5(12), 2023, section 2.2");
  check_no_value ("IT.NET.USER.ZS", "BRI", 2021);
  check_no_value ("FX.OWN.TOTL.ZS", "BRI", 2020);
  /* No country data can be shipped for account ownership: it says so. */
  g_assert_cmpuint (dsr_store_count_values (store, "FX.OWN.TOTL.ZS"), ==, 0);
  g_assert_true (strstr (dsr_indicator_get_description (dsr_store_get_indicator (store, "FX.OWN.TOTL.ZS")),
                         "import") != NULL);
  g_assert_cmpuint (dsr_store_count_values (store, "DSR.POSTAL.RELIABILITY"), ==, 0);
}

/* The pack as a file: a broken one is refused with the file named, and the
 * rest of the pack still loads. */
static void
test_broken_country_pack (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, DSR_COUNTRY_PACK_FILE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) broken = dsr_store_new ();
  const char *names[] = { "indicators.csv", "groupings.csv", "regions.csv", "bri-economies.csv",
                          "observations.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (g_getenv ("DSR_SOURCE_DATA"), names[i], NULL);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
    }
  g_assert_true (g_file_set_contents (path, "not a pack at all", -1, NULL));
  {
    g_autofree char *iso_path = dsr_iso_codes_default_path ();

    g_assert_true (dsr_iso_codes_load (broken, iso_path, NULL));
  }
  g_assert_false (dsr_pack_load (broken, file, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (strstr (((GError *) g_ptr_array_index (problems, 0))->message, DSR_COUNTRY_PACK_FILE) != NULL);
  g_assert_nonnull (dsr_store_get_indicator (broken, "DSR.GCI.SCORE"));
  g_assert_null (dsr_store_get_indicator (broken, "IT.NET.USER.ZS"));
  dsr_test_rm_rf (dir);
}

/* A bundled file with a row the importer leaves out fails the build:
 * dsr-make-pack exits non-zero naming the file and the line. */
static void
test_make_pack_fails (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *sources = g_build_filename (g_getenv ("DSR_SOURCE_DATA"), "sources", NULL);
  g_autofree char *recipe = g_build_filename (g_getenv ("DSR_SOURCE_DATA"), "country-indicators.csv", NULL);
  g_autofree char *out_path = g_build_filename (dir, "pack.gvariant", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  GDir *listing = g_dir_open (sources, 0, NULL);
  const char *name;
  int status;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *from = g_build_filename (sources, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      if (g_str_equal (name, "gci_2020.csv"))
        {
          /* An economy no one knows, on line 1144 (after the 1143 lines). */
          g_autofree char *broken = g_strconcat (contents, "\"ZZZ\",2020,\"gci_overall\",1\n", NULL);

          g_assert_true (g_file_set_contents (to, broken, -1, NULL));
        }
      else
        g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
    }
  g_dir_close (listing);

  {
    const char *argv[] = { g_getenv ("DSR_MAKE_PACK"), dir, recipe, out_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                                 &error));
  }
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (strstr (err, "gci_2020.csv:1144: unknown economy code “ZZZ”") != NULL);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  dsr_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dsr_test_init (&argc, &argv);
  store = dsr_test_load_bundled ();
  g_test_add_func ("/country-pack/indicators", test_indicators);
  g_test_add_func ("/country-pack/spot-values", test_spot_values);
  g_test_add_func ("/country-pack/regional-mean", test_regional_mean);
  g_test_add_func ("/country-pack/paper-separate", test_paper_separate);
  g_test_add_func ("/country-pack/broken", test_broken_country_pack);
  g_test_add_func ("/country-pack/make-pack-fails", test_make_pack_fails);
  status = g_test_run ();
  g_object_unref (store);
  return status;
}
