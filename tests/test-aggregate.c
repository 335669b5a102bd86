/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "dsr-store.h"
#include "dsr-test-utils.h"

static const char *countries[] = { "AAA", "BBB", "CCC", "DDD", "EEE", NULL };

/* Grouping "g": north = AAA, BBB (left 2019), CCC; south = DDD. EEE is in no region.
 * Indicator X:   2012       2013      2015
 *   AAA          10         20        —
 *   BBB          30         —         50
 *   CCC          —          —         —
 *   DDD          5          —         —
 *   EEE          100        —         —
 *   g:north      —          99 (reported)
 *   WLD          —          42 (reported) */
static DsrStore *
make_store (void)
{
  DsrStore *store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) ind = dsr_indicator_new ("X", "X", "%", DSR_THEME_TRADE, "", 1, TRUE, "");
  g_autoptr(DsrGrouping) grouping = dsr_grouping_new ("g", "G", "");
  g_autoptr(DsrEntity) bri = dsr_entity_new (DSR_ENTITY_ID_BRI, DSR_ENTITY_BRI, "BRI", 0);
  struct { const char *e; int y; double v; } obs[] = {
    { "AAA", 2012, 10 }, { "AAA", 2013, 20 }, { "BBB", 2012, 30 }, { "BBB", 2015, 50 },
    { "DDD", 2012, 5 }, { "EEE", 2012, 100 }, { "g:north", 2013, 99 }, { "WLD", 2013, 42 },
  };

  g_assert_true (dsr_store_add_indicator (store, ind, NULL));
  g_assert_true (dsr_store_add_entity (store, bri, NULL));
  dsr_grouping_add_region (grouping, "north", "North", NULL);
  dsr_grouping_add_region (grouping, "south", "South", NULL);
  g_assert_true (dsr_grouping_add_member (grouping, "north", "AAA", 2013, 0, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "north", "BBB", 0, 2019, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "north", "CCC", 0, 0, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "south", "DDD", 0, 0, NULL));
  g_assert_true (dsr_store_add_grouping (store, grouping, NULL));
  dsr_store_set_bri_grouping (store, grouping);

  for (guint i = 0; i < G_N_ELEMENTS (obs); i++)
    g_assert_true (dsr_store_add_observation (store, "X", obs[i].e, obs[i].y, obs[i].v,
                                              DSR_QUALIFIER_EXACT, "test", "", NULL));
  return store;
}

static void
test_mean_and_coverage (void)
{
  g_autoptr(DsrStore) store = make_store ();
  DsrGrouping *g = dsr_store_get_grouping (store, "g");
  DsrRegion *north = dsr_grouping_find_region (g, "north");
  DsrAggregateOptions as_of_2012 = { .as_of = 2012 };
  DsrAggregate agg;

  /* Today's members of north: AAA, CCC (BBB left). 2012: AAA 10, CCC missing. */
  dsr_store_compute_region (store, "X", north, 2012, NULL, &agg);
  g_assert_cmpuint (agg.total, ==, 2);
  g_assert_cmpuint (agg.n, ==, 1);
  g_assert_cmpfloat_with_epsilon (agg.value, 10.0, 1e-12);
  g_assert_cmpint (agg.year_min, ==, 2012);

  /* Members as of 2012: BBB and CCC (AAA joined 2013): mean of 30 = 30. */
  dsr_store_compute_region (store, "X", north, 2012, &as_of_2012, &agg);
  g_assert_cmpuint (agg.total, ==, 2);
  g_assert_cmpuint (agg.n, ==, 1);
  g_assert_cmpfloat_with_epsilon (agg.value, 30.0, 1e-12);

  /* No member has data: NAN, n = 0, coverage still known. */
  dsr_store_compute_region (store, "X", north, 2014, NULL, &agg);
  g_assert_true (isnan (agg.value));
  g_assert_cmpuint (agg.n, ==, 0);
  g_assert_cmpuint (agg.total, ==, 2);

  /* Unknown indicator: NAN. */
  dsr_store_compute_region (store, "nope", north, 2012, NULL, &agg);
  g_assert_true (isnan (agg.value));
}

static void
test_missing_is_not_zero (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  DsrAggregate agg;

  g_ptr_array_add (ids, "AAA");
  g_ptr_array_add (ids, "BBB");
  g_ptr_array_add (ids, "CCC");
  g_ptr_array_add (ids, "DDD");
  /* 2012: 10, 30, —, 5 -> 15 over 3 of 4. */
  dsr_store_compute_mean (store, "X", ids, 2012, NULL, &agg);
  g_assert_cmpuint (agg.n, ==, 3);
  g_assert_cmpuint (agg.total, ==, 4);
  g_assert_cmpfloat_with_epsilon (agg.value, 15.0, 1e-12);
}

static void
test_tolerance (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  DsrAggregateOptions one = { .tolerance = 1 };
  DsrAggregateOptions two = { .tolerance = 2 };
  DsrAggregate agg;

  g_ptr_array_add (ids, "AAA");
  g_ptr_array_add (ids, "BBB");

  /* 2014 with +-1: AAA 2013 (20), BBB 2015 (50) -> 35, years 2013..2015. */
  dsr_store_compute_mean (store, "X", ids, 2014, &one, &agg);
  g_assert_cmpuint (agg.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (agg.value, 35.0, 1e-12);
  g_assert_cmpint (agg.year_min, ==, 2013);
  g_assert_cmpint (agg.year_max, ==, 2015);

  /* 2014 exact: nothing. */
  dsr_store_compute_mean (store, "X", ids, 2014, NULL, &agg);
  g_assert_cmpuint (agg.n, ==, 0);

  /* 2013 with +-2 for BBB: 2012 and 2015 are 1 and 2 away: the nearer (2012, 30) wins. */
  dsr_store_compute_mean (store, "X", ids, 2013, &two, &agg);
  g_assert_cmpuint (agg.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (agg.value, (20.0 + 30.0) / 2, 1e-12);

  /* A tie (2012 and 2014 both 1 away from 2013 for a member with both) takes the earlier. */
  g_assert_true (dsr_store_add_observation (store, "X", "CCC", 2012, 1, 0, "", "", NULL));
  g_assert_true (dsr_store_add_observation (store, "X", "CCC", 2014, 3, 0, "", "", NULL));
  g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, "CCC");
  dsr_store_compute_mean (store, "X", ids, 2013, &one, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 1.0, 1e-12);
}

static const DsrRow *
find_row (GArray     *rows,
          const char *entity,
          DsrBasis    basis)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const DsrRow *row = &g_array_index (rows, DsrRow, i);

      if (g_str_equal (dsr_entity_get_id (row->entity), entity) && row->basis == basis)
        return row;
    }
  return NULL;
}

static void
test_rows_keep_reported_and_computed_apart (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(GArray) rows = dsr_store_collect_rows (store, "X", 2013, NULL);
  const DsrRow *row;

  /* 2013: WLD reported 42 and computed over all 5 countries (only AAA: 20). */
  row = find_row (rows, "WLD", DSR_BASIS_REPORTED);
  g_assert_nonnull (row);
  g_assert_cmpfloat (row->value, ==, 42);
  row = find_row (rows, "WLD", DSR_BASIS_COMPUTED);
  g_assert_nonnull (row);
  g_assert_cmpfloat (row->value, ==, 20);
  g_assert_cmpuint (row->n, ==, 1);
  g_assert_cmpuint (row->total, ==, 5);

  /* g:north reported 99, computed 20 from AAA (1 of 2). */
  row = find_row (rows, "g:north", DSR_BASIS_REPORTED);
  g_assert_nonnull (row);
  g_assert_cmpfloat (row->value, ==, 99);
  row = find_row (rows, "g:north", DSR_BASIS_COMPUTED);
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n, ==, 1);
  g_assert_cmpuint (row->total, ==, 2);

  /* No data in the south for 2013: no row at all (never a zero). */
  g_assert_null (find_row (rows, "g:south", DSR_BASIS_COMPUTED));
  g_assert_null (find_row (rows, "g:south", DSR_BASIS_REPORTED));

  /* The world comes first, then BRI, then regions, then countries. */
  g_assert_cmpstr (dsr_entity_get_id (g_array_index (rows, DsrRow, 0).entity), ==, "WLD");
  g_assert_cmpstr (dsr_entity_get_id (g_array_index (rows, DsrRow, rows->len - 1).entity), ==, "AAA");
}

static void
test_rows_bri_average (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(GArray) rows = dsr_store_collect_rows (store, "X", 2012, NULL);
  const DsrRow *row;

  /* BRI = today's members of g: AAA, CCC, DDD -> 2012: 10, —, 5 -> 7.5 over 2 of 3. */
  row = find_row (rows, "BRI", DSR_BASIS_COMPUTED);
  g_assert_nonnull (row);
  g_assert_cmpfloat_with_epsilon (row->value, 7.5, 1e-12);
  g_assert_cmpuint (row->n, ==, 2);
  g_assert_cmpuint (row->total, ==, 3);

  /* The country rows are sorted by name and carry their basis. */
  row = find_row (rows, "EEE", DSR_BASIS_OBSERVED);
  g_assert_nonnull (row);
  g_assert_cmpfloat (row->value, ==, 100);
}

static void
test_paper_figures (void)
{
  /* The bundled pack: Figure 4's reported values and Table 1's repairs. */
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  struct { const char *ind, *entity; int year; double value; } expected[] = {
    { "DSR.GCI.SCORE", "bri-continent:europe", 2021, 82.44 },
    { "DSR.GCI.SCORE", "bri-continent:asia", 2021, 62.73 },
    { "DSR.GCI.SCORE", "bri-continent:south-america", 2021, 41.06 },
    { "DSR.GCI.SCORE", "bri-continent:africa", 2021, 38.71 },
    { "DSR.GCI.SCORE", "bri-continent:north-america", 2021, 25.33 },
    { "DSR.GCI.SCORE", "bri-continent:oceania", 2021, 24.84 },
    { "DSR.GCI.SCORE", "WLD", 2021, 51.71 },
    { "DSR.PAPER.NET.USER", "BRI", 2021, 59.86 },
    { "DSR.PAPER.ACCOUNT", "BRI", 2020, 56.73 },
    /* Table 1 cells repaired from the OCR (lost decimal points). */
    { "DSR.DDS.EXP", "WLD", 2018, 31.4 },
    { "DSR.DDS.EXP", "WLD", 2020, 33.4 },
    { "DSR.DDS.SHARE", "WLD", 2016, 51.4 },
    { "DSR.DDS.SHARE", "WLD", 2018, 51.4 },
    { "DSR.DDS.SHARE", "WLD", 2019, 52.3 },
    { "DSR.DDS.EXP", "CHN", 2019, 1.4 },
    { "DSR.DDS.WORLD.SHARE", "CHN", 2012, 3.3 },
    /* and a few untouched ones */
    { "DSR.DDS.EXP", "WLD", 2021, 38.1 },
    { "DSR.DDS.SHARE", "WLD", 2020, 64.5 },
    { "DSR.DDS.SHARE", "CHN", 2021, 49.7 },
    { "DSR.DST.TRADE", "CHN", 2021, 359.69 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DsrObservation obs;

      g_assert_true (dsr_store_lookup (store, expected[i].ind, expected[i].entity, expected[i].year, &obs));
      g_assert_cmpfloat_with_epsilon (obs.value, expected[i].value, 1e-9);
      g_assert_cmpint (obs.basis, ==,
                       g_str_equal (expected[i].entity, "CHN") ? DSR_BASIS_OBSERVED : DSR_BASIS_REPORTED);
      g_assert_true (g_str_has_prefix (obs.source, "Academic Journal of Business & Management 5(12), 2023"));
    }

  /* Every Table 1 series has the ten years 2012-2021; every repaired cell says so. */
  {
    const char *series[][2] = { { "DSR.DDS.EXP", "WLD" }, { "DSR.DDS.SHARE", "WLD" },
                                { "DSR.DDS.EXP", "CHN" }, { "DSR.DDS.WORLD.SHARE", "CHN" },
                                { "DSR.DDS.SHARE", "CHN" } };
    guint repaired = 0;

    for (guint s = 0; s < G_N_ELEMENTS (series); s++)
      for (int year = 2012; year <= 2021; year++)
        {
          DsrObservation obs;

          g_assert_true (dsr_store_lookup (store, series[s][0], series[s][1], year, &obs));
          /* No cell keeps an OCR value: the columns are all below 100. */
          g_assert_cmpfloat (obs.value, <, 100);
          if (g_str_has_prefix (obs.note, "Repaired"))
            repaired++;
        }
    g_assert_cmpuint (repaired, ==, 7);
  }
}

static void
test_paper_regions (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  DsrGrouping *regions = dsr_store_get_grouping (store, "bri-region");
  DsrGrouping *continents = dsr_store_get_grouping (store, "bri-continent");
  g_autoptr(GPtrArray) by_region = NULL;
  g_autoptr(GPtrArray) by_continent = NULL;
  const char *expected_regions[] = { "east-asia", "southeast-asia", "south-asia", "central-asia",
                                     "west-asia", "europe", "africa", "north-america",
                                     "south-america", "oceania" };

  g_assert_nonnull (regions);
  g_assert_nonnull (continents);
  g_assert_cmpuint (dsr_grouping_get_n_regions (regions), ==, G_N_ELEMENTS (expected_regions));
  for (guint i = 0; i < G_N_ELEMENTS (expected_regions); i++)
    g_assert_nonnull (dsr_grouping_find_region (regions, expected_regions[i]));
  g_assert_cmpuint (dsr_grouping_get_n_regions (continents), ==, 6);

  /* Both groupings partition the same economies. */
  by_region = dsr_grouping_members_as_of (regions, DSR_AS_OF_CURRENT);
  by_continent = dsr_grouping_members_as_of (continents, DSR_AS_OF_CURRENT);
  g_assert_cmpuint (by_region->len, ==, by_continent->len);
  g_assert_cmpuint (by_region->len, >, 140);

  /* A few plain facts: Kazakhstan in Central Asia, Italy left in 2023, China is not a member. */
  g_assert_cmpstr (dsr_region_get_id (dsr_grouping_region_of (regions, "KAZ")), ==, "central-asia");
  g_assert_cmpstr (dsr_region_get_id (dsr_grouping_region_of (continents, "RUS")), ==, "europe");
  g_assert_null (dsr_grouping_region_of (regions, "CHN"));
  g_assert_true (dsr_region_has_member_as_of (dsr_grouping_region_of (regions, "ITA"), "ITA", 2020));
  g_assert_false (dsr_region_has_member_as_of (dsr_grouping_region_of (regions, "ITA"), "ITA", 2023));
  g_assert_true (dsr_store_get_bri_grouping (store) == regions);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/aggregate/mean-and-coverage", test_mean_and_coverage);
  g_test_add_func ("/aggregate/missing-is-not-zero", test_missing_is_not_zero);
  g_test_add_func ("/aggregate/tolerance", test_tolerance);
  g_test_add_func ("/aggregate/rows/reported-and-computed", test_rows_keep_reported_and_computed_apart);
  g_test_add_func ("/aggregate/rows/bri", test_rows_bri_average);
  g_test_add_func ("/aggregate/paper/figures", test_paper_figures);
  g_test_add_func ("/aggregate/paper/regions", test_paper_regions);

  return g_test_run ();
}
