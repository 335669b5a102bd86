/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "dsr-import-test-utils.h"

/* Regional aggregation over any grouping: the unweighted mean (the paper's
 * method), the population-weighted mean, coverage, tolerance years, and the
 * world average as reported or computed. Every expected number is worked
 * out by hand in the comments. */

static const char *countries[] = { "AAA", "BBB", "CCC", "DDD", "EEE", NULL };

/* Grouping "g": north = AAA, BBB, CCC; south = DDD, EEE.
 *            X: 2010   2011   2012    population: 2010  2011  2012
 *   AAA         10     —      30                   1     —     3
 *   BBB         20     25     —                    3     3     —
 *   CCC         —      —      —                    5     —     —
 *   DDD         40     —      —                    —     —     —
 *   EEE         —      50     60                   —     2     2
 *   WLD         —      99 (reported)
 *   ARB         —      77 (a reported aggregate outside the groupings) */
static DsrStore *
make_store (void)
{
  DsrStore *store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) x = dsr_indicator_new ("X", "X", "%", DSR_THEME_TRADE, "", 1, TRUE, "");
  g_autoptr(DsrIndicator) pop = dsr_indicator_new (DSR_INDICATOR_ID_POPULATION, "Population", "",
                                                   DSR_THEME_TRADE, "", 0, TRUE, "");
  g_autoptr(DsrGrouping) grouping = dsr_grouping_new ("g", "G", "");
  g_autoptr(DsrEntity) arb = dsr_entity_new ("ARB", DSR_ENTITY_AGGREGATE, "Arab World", 0);
  struct { const char *ind, *e; int y; double v; } obs[] = {
    { "X", "AAA", 2010, 10 }, { "X", "AAA", 2012, 30 }, { "X", "BBB", 2010, 20 }, { "X", "BBB", 2011, 25 },
    { "X", "DDD", 2010, 40 }, { "X", "EEE", 2011, 50 }, { "X", "EEE", 2012, 60 }, { "X", "WLD", 2011, 99 },
    { "X", "ARB", 2011, 77 },
    { DSR_INDICATOR_ID_POPULATION, "AAA", 2010, 1 }, { DSR_INDICATOR_ID_POPULATION, "AAA", 2012, 3 },
    { DSR_INDICATOR_ID_POPULATION, "BBB", 2010, 3 }, { DSR_INDICATOR_ID_POPULATION, "BBB", 2011, 3 },
    { DSR_INDICATOR_ID_POPULATION, "CCC", 2010, 5 }, { DSR_INDICATOR_ID_POPULATION, "EEE", 2011, 2 },
    { DSR_INDICATOR_ID_POPULATION, "EEE", 2012, 2 },
  };

  g_assert_true (dsr_store_add_indicator (store, x, NULL));
  g_assert_true (dsr_store_add_indicator (store, pop, NULL));
  g_assert_true (dsr_store_add_entity (store, arb, NULL));
  dsr_grouping_add_region (grouping, "north", "North", NULL);
  dsr_grouping_add_region (grouping, "south", "South", NULL);
  for (guint i = 0; i < 3; i++)
    g_assert_true (dsr_grouping_add_member (grouping, "north", countries[i], 0, 0, NULL));
  for (guint i = 3; i < 5; i++)
    g_assert_true (dsr_grouping_add_member (grouping, "south", countries[i], 0, 0, NULL));
  g_assert_true (dsr_store_add_grouping (store, grouping, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (obs); i++)
    g_assert_true (dsr_store_add_observation (store, obs[i].ind, obs[i].e, obs[i].y, obs[i].v,
                                              DSR_QUALIFIER_EXACT, "test", "", NULL));
  return store;
}

static DsrRegion *
region (DsrStore   *store,
        const char *id)
{
  return dsr_grouping_find_region (dsr_store_get_grouping (store, "g"), id);
}

static void
test_unweighted (void)
{
  g_autoptr(DsrStore) store = make_store ();
  DsrAggregate agg;

  /* North 2010: AAA 10, BBB 20, CCC none -> 15 over 2 of 3. */
  dsr_store_compute_region (store, "X", region (store, "north"), 2010, NULL, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 15.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 2);
  g_assert_cmpuint (agg.total, ==, 3);
  g_assert_cmpint (agg.weighting, ==, DSR_WEIGHTING_NONE);
  g_assert_cmpuint (agg.n_no_weight, ==, 0);

  /* South 2012: EEE 60 -> 60 over 1 of 2. */
  dsr_store_compute_region (store, "X", region (store, "south"), 2012, NULL, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 60.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 1);
  g_assert_cmpuint (agg.total, ==, 2);
}

static void
test_weighted (void)
{
  g_autoptr(DsrStore) store = make_store ();
  DsrAggregateOptions weighted = { .weighting = DSR_WEIGHTING_POPULATION };
  DsrAggregateOptions weighted_1 = { .weighting = DSR_WEIGHTING_POPULATION, .tolerance = 1 };
  DsrAggregateOptions no_weights = { .weighting = DSR_WEIGHTING_POPULATION, .weight_indicator = "NOPE" };
  DsrAggregate agg;

  /* North 2010: (10 x 1 + 20 x 3) / (1 + 3) = 17.5 over 2 of 3. */
  dsr_store_compute_region (store, "X", region (store, "north"), 2010, &weighted, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 17.5, 1e-12);
  g_assert_cmpuint (agg.n, ==, 2);
  g_assert_cmpuint (agg.total, ==, 3);
  g_assert_cmpint (agg.weighting, ==, DSR_WEIGHTING_POPULATION);
  g_assert_cmpuint (agg.n_no_weight, ==, 0);

  /* South 2010: DDD has a value but no population: left out, and said so. */
  dsr_store_compute_region (store, "X", region (store, "south"), 2010, &weighted, &agg);
  g_assert_true (isnan (agg.value));
  g_assert_cmpuint (agg.n, ==, 0);
  g_assert_cmpuint (agg.n_no_weight, ==, 1);
  g_assert_cmpuint (agg.total, ==, 2);

  /* South 2011 +-1: DDD 40 (2010) without population; EEE 50 x 2 -> 50, 1 of 2. */
  dsr_store_compute_region (store, "X", region (store, "south"), 2011, &weighted_1, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 50.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 1);
  g_assert_cmpuint (agg.n_no_weight, ==, 1);

  /* North 2012 +-1: AAA 30 x 3 (2012); BBB 25 (2011) x 3 (2011): 165 / 6 = 27.5. */
  dsr_store_compute_region (store, "X", region (store, "north"), 2012, &weighted_1, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 27.5, 1e-12);
  g_assert_cmpuint (agg.n, ==, 2);
  g_assert_cmpint (agg.year_min, ==, 2011);
  g_assert_cmpint (agg.year_max, ==, 2012);

  /* No population loaded: no weighted mean, every member with a value counted as such. */
  dsr_store_compute_region (store, "X", region (store, "north"), 2010, &no_weights, &agg);
  g_assert_true (isnan (agg.value));
  g_assert_cmpuint (agg.n, ==, 0);
  g_assert_cmpuint (agg.n_no_weight, ==, 2);
}

static void
test_tolerance (void)
{
  g_autoptr(DsrStore) store = make_store ();
  DsrAggregateOptions one = { .tolerance = 1 };
  DsrAggregate agg;

  /* North 2011 exact: BBB 25 only. */
  dsr_store_compute_region (store, "X", region (store, "north"), 2011, NULL, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 25.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 1);

  /* +-1: AAA has 2010 and 2012, equally near: the earlier (10); BBB 25 -> 17.5, 2 of 3,
   * the years used 2010 to 2011 (the table says "nearest year"). */
  dsr_store_compute_region (store, "X", region (store, "north"), 2011, &one, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 17.5, 1e-12);
  g_assert_cmpuint (agg.n, ==, 2);
  g_assert_cmpuint (agg.total, ==, 3);
  g_assert_cmpint (agg.year_min, ==, 2010);
  g_assert_cmpint (agg.year_max, ==, 2011);
}

static void
test_world_average (void)
{
  g_autoptr(DsrStore) store = make_store ();
  DsrAggregateOptions one = { .tolerance = 1 };
  DsrAggregateOptions weighted = { .weighting = DSR_WEIGHTING_POPULATION };
  DsrRow row;

  /* 2011: the reported world value. */
  g_assert_true (dsr_store_world_average (store, "X", 2011, NULL, &row));
  g_assert_cmpint (row.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpfloat (row.value, ==, 99);
  g_assert_cmpstr (dsr_entity_get_id (row.entity), ==, "WLD");

  /* 2010: none reported: the mean of all countries, 10, 20, 40 -> 23.33, 3 of 5. */
  g_assert_true (dsr_store_world_average (store, "X", 2010, NULL, &row));
  g_assert_cmpint (row.basis, ==, DSR_BASIS_COMPUTED);
  g_assert_cmpfloat_with_epsilon (row.value, 70.0 / 3, 1e-12);
  g_assert_cmpuint (row.n, ==, 3);
  g_assert_cmpuint (row.total, ==, 5);

  /* 2012 +-1: the reported value of 2011 is near enough, and its year says so. */
  g_assert_true (dsr_store_world_average (store, "X", 2012, &one, &row));
  g_assert_cmpint (row.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpint (row.year, ==, 2011);

  /* Weighted 2010: (10 x 1 + 20 x 3) / 4 = 17.5; DDD left out for want of population. */
  g_assert_true (dsr_store_world_average (store, "X", 2010, &weighted, &row));
  g_assert_cmpint (row.basis, ==, DSR_BASIS_COMPUTED);
  g_assert_cmpfloat_with_epsilon (row.value, 17.5, 1e-12);
  g_assert_cmpint (row.weighting, ==, DSR_WEIGHTING_POPULATION);
  g_assert_cmpuint (row.n, ==, 2);
  g_assert_cmpuint (row.n_no_weight, ==, 1);

  /* Nothing at all in 2015. */
  g_assert_false (dsr_store_world_average (store, "X", 2015, NULL, &row));
  g_assert_false (dsr_store_world_average (store, "nope", 2011, NULL, &row));
}

static void
test_rows (void)
{
  g_autoptr(DsrStore) store = make_store ();
  DsrAggregateOptions weighted = { .weighting = DSR_WEIGHTING_POPULATION };
  g_autoptr(GArray) rows = dsr_store_collect_rows (store, "X", 2011, &weighted);
  gboolean seen_arb = FALSE, seen_north = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const DsrRow *row = &g_array_index (rows, DsrRow, i);
      const char *id = dsr_entity_get_id (row->entity);

      if (g_str_equal (id, "ARB"))
        {
          /* A reported aggregate outside the groupings is listed as reported. */
          g_assert_cmpint (row->basis, ==, DSR_BASIS_REPORTED);
          g_assert_cmpfloat (row->value, ==, 77);
          seen_arb = TRUE;
        }
      if (g_str_equal (id, "g:north") && row->basis == DSR_BASIS_COMPUTED)
        {
          /* North 2011 weighted: BBB 25 x 3 -> 25, 1 of 3. */
          g_assert_cmpfloat_with_epsilon (row->value, 25.0, 1e-12);
          g_assert_cmpint (row->weighting, ==, DSR_WEIGHTING_POPULATION);
          g_assert_cmpuint (row->n, ==, 1);
          g_assert_cmpuint (row->total, ==, 3);
          g_assert_true (g_str_has_prefix (row->source, "Computed: population-weighted"));
          seen_north = TRUE;
        }
    }
  g_assert_true (seen_arb);
  g_assert_true (seen_north);
  /* The countries still come last. */
  g_assert_cmpint (dsr_entity_get_kind (g_array_index (rows, DsrRow, rows->len - 1).entity), ==,
                   DSR_ENTITY_COUNTRY);
}

/* The same on imported World Bank data and its own groupings: the WDI
 * fixture (tests/import/data/wdi), 2021:
 *   IT.NET.USER.ZS  CHN 30, IND 50, KAZ 90, DEU —      SP.POP.TOTL  CHN 100, IND — (300 in 2020), KAZ —, DEU 50
 *   upper middle income = CHN, KAZ. */
static void
test_imported_groupings (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) result = dsr_import_test_run (store, NULL, &error, "wdi/WDICSV.csv", NULL);
  DsrAggregateOptions weighted = { .weighting = DSR_WEIGHTING_POPULATION };
  DsrAggregateOptions weighted_1 = { .weighting = DSR_WEIGHTING_POPULATION, .tolerance = 1 };
  DsrGrouping *incomes, *regions;
  DsrAggregate agg;
  DsrRow row;

  g_assert_no_error (error);
  g_assert_true (dsr_import_result_commit (result, store, &error));
  incomes = dsr_store_get_grouping (store, "wb-income");
  regions = dsr_store_get_grouping (store, "wb-region");

  /* Unweighted: (30 + 90) / 2 = 60, 2 of 2. */
  dsr_store_compute_region (store, "IT.NET.USER.ZS", dsr_grouping_find_region (incomes, "umc"), 2021, NULL, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 60.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 2);
  g_assert_cmpuint (agg.total, ==, 2);
  /* Weighted: KAZ has no population: 30, 1 of 2, 1 left out. */
  dsr_store_compute_region (store, "IT.NET.USER.ZS", dsr_grouping_find_region (incomes, "umc"), 2021,
                            &weighted, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 30.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 1);
  g_assert_cmpuint (agg.n_no_weight, ==, 1);

  /* South Asia (IND) weighted +-1: the population of 2020 serves: 50. */
  dsr_store_compute_region (store, "IT.NET.USER.ZS", dsr_grouping_find_region (regions, "sas"), 2021,
                            &weighted_1, &agg);
  g_assert_cmpfloat_with_epsilon (agg.value, 50.0, 1e-12);
  g_assert_cmpuint (agg.n, ==, 1);

  /* The world: reported by the World Bank (55), not computed. */
  g_assert_true (dsr_store_world_average (store, "IT.NET.USER.ZS", 2021, NULL, &row));
  g_assert_cmpint (row.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpfloat (row.value, ==, 55);
  /* Account ownership has no WLD value in 2020 (the bundled paper gives
   * only BRI): computed over the countries: none in 2020. */
  g_assert_false (dsr_store_world_average (store, "FX.OWN.TOTL.ZS", 2020, NULL, &row));
  /* 2021: reported 76. */
  g_assert_true (dsr_store_world_average (store, "FX.OWN.TOTL.ZS", 2021, NULL, &row));
  g_assert_cmpfloat (row.value, ==, 76);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);
  /* The importers against the paper's pack alone: the fixtures hold made-up
   * values for indicators the country pack has (IT.NET.USER.ZS). */
  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);

  g_test_add_func ("/import/aggregate/unweighted", test_unweighted);
  g_test_add_func ("/import/aggregate/weighted", test_weighted);
  g_test_add_func ("/import/aggregate/tolerance", test_tolerance);
  g_test_add_func ("/import/aggregate/world-average", test_world_average);
  g_test_add_func ("/import/aggregate/rows", test_rows);
  g_test_add_func ("/import/aggregate/imported-groupings", test_imported_groupings);

  return g_test_run ();
}
