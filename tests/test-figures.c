/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules of the figures every view shows (issue 12), on a fixture whose
 * answers are worked out by hand below. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dsr-figures.h"
#include "dsr-test-utils.h"

static const char *countries[] = { "AAA", "BBB", "CCC", "DDD", "EEE", "FFF", NULL };

/* Grouping "g" (the Belt and Road grouping):
 *   north = AAA (joined 2015), BBB, CCC      south = DDD, EEE
 * FFF is in no region.
 *
 * Indicator R (a rate, %), S (a total, US$), P (population, SP.POP.TOTL):
 *              R 2014  R 2015   S 2015    P 2015
 *   AAA        10      20       100       1
 *   BBB        —       40       300       3
 *   CCC        —       —        —         6
 *   DDD        50      60       1000      2
 *   EEE        70      80       2000      2
 *   FFF        90      100      5000      10
 *   WLD (reported)     55       9999
 * Paper (reference of R): north 33 in 2015 (reported). */
static DsrStore *
make_store (void)
{
  DsrStore *store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) r = dsr_indicator_new ("R", "Rate", "%", DSR_THEME_TRADE, "Test source R", 1, TRUE, "");
  g_autoptr(DsrIndicator) s = dsr_indicator_new ("S", "Total", "current US$", DSR_THEME_TRADE, "Test source S",
                                                 0, TRUE, "");
  g_autoptr(DsrIndicator) p = dsr_indicator_new ("SP.POP.TOTL", "Population", "", DSR_THEME_TRADE, "", 0, TRUE, "");
  g_autoptr(DsrIndicator) paper = dsr_indicator_new ("PAPER.R", "Rate, as printed", "%", DSR_THEME_TRADE,
                                                     "A paper", 1, TRUE, "");
  g_autoptr(DsrGrouping) grouping = dsr_grouping_new ("g", "G", "");
  g_autoptr(DsrEntity) bri = dsr_entity_new (DSR_ENTITY_ID_BRI, DSR_ENTITY_BRI, "BRI", 0);
  struct { const char *i, *e; int y; double v; } obs[] = {
    { "R", "AAA", 2014, 10 }, { "R", "AAA", 2015, 20 }, { "R", "BBB", 2015, 40 },
    { "R", "DDD", 2014, 50 }, { "R", "DDD", 2015, 60 }, { "R", "EEE", 2014, 70 }, { "R", "EEE", 2015, 80 },
    { "R", "FFF", 2014, 90 }, { "R", "FFF", 2015, 100 }, { "R", "WLD", 2015, 55 },
    { "S", "AAA", 2015, 100 }, { "S", "BBB", 2015, 300 }, { "S", "DDD", 2015, 1000 },
    { "S", "EEE", 2015, 2000 }, { "S", "FFF", 2015, 5000 }, { "S", "WLD", 2015, 9999 },
    { "SP.POP.TOTL", "AAA", 2015, 1 }, { "SP.POP.TOTL", "BBB", 2015, 3 }, { "SP.POP.TOTL", "CCC", 2015, 6 },
    { "SP.POP.TOTL", "DDD", 2015, 2 }, { "SP.POP.TOTL", "EEE", 2015, 2 }, { "SP.POP.TOTL", "FFF", 2015, 10 },
    { "PAPER.R", "g:north", 2015, 33 },
  };

  dsr_indicator_set_aggregation (s, DSR_AGGREGATION_SUM);
  dsr_indicator_set_aggregation (p, DSR_AGGREGATION_SUM);
  dsr_indicator_set_reference_id (r, "PAPER.R");
  g_assert_true (dsr_store_add_indicator (store, r, NULL));
  g_assert_true (dsr_store_add_indicator (store, s, NULL));
  g_assert_true (dsr_store_add_indicator (store, p, NULL));
  g_assert_true (dsr_store_add_indicator (store, paper, NULL));
  g_assert_true (dsr_store_add_entity (store, bri, NULL));
  dsr_grouping_add_region (grouping, "north", "North", NULL);
  dsr_grouping_add_region (grouping, "south", "South", NULL);
  g_assert_true (dsr_grouping_add_member (grouping, "north", "AAA", 2015, 0, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "north", "BBB", 0, 0, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "north", "CCC", 0, 0, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "south", "DDD", 0, 0, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "south", "EEE", 0, 0, NULL));
  g_assert_true (dsr_store_add_grouping (store, grouping, NULL));
  dsr_store_set_bri_grouping (store, grouping);

  for (guint i = 0; i < G_N_ELEMENTS (obs); i++)
    g_assert_true (dsr_store_add_observation (store, obs[i].i, obs[i].e, obs[i].y, obs[i].v,
                                              DSR_QUALIFIER_EXACT, "test", "", NULL));
  return store;
}

static DsrFigures *
figures_for (DsrStore   *store,
             const char *indicator,
             int         aggregation,
             double      min_coverage)
{
  g_autoptr(DsrView) view = dsr_view_new ();

  view->indicator_id = g_strdup (indicator);
  view->aggregation = aggregation;
  view->min_coverage = min_coverage;
  return dsr_figures_new (store, view);
}

static DsrEntity *
entity (DsrStore   *store,
        const char *id)
{
  DsrEntity *e = dsr_store_get_entity (store, id);

  g_assert_nonnull (e);
  return e;
}

/* Means, weighted means and sums of one region, by hand. */
static void
test_rules (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrFigures) mean = figures_for (store, "R", -1, 0.0);
  g_autoptr(DsrFigures) weighted = figures_for (store, "R", DSR_AGGREGATION_WEIGHTED_MEAN, 0.0);
  g_autoptr(DsrFigures) sum = figures_for (store, "S", -1, 0.0);
  DsrFigure f, w;

  /* North 2015, members AAA, BBB, CCC: mean of 20 and 40 = 30, 2 of 3. */
  g_assert_true (dsr_figures_get (mean, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_cmpfloat_with_epsilon (f.value, 30.0, 1e-9);
  g_assert_cmpuint (f.n, ==, 2);
  g_assert_cmpuint (f.total, ==, 3);
  g_assert_cmpint (f.basis, ==, DSR_BASIS_COMPUTED);
  g_assert_cmpint (f.rule, ==, DSR_AGGREGATION_MEAN);
  g_assert_nonnull (strstr (f.source, "Test source R"));
  g_assert_nonnull (strstr (f.source, "2 of 3"));

  /* Weighted by population: (20*1 + 40*3) / 4 = 35; coverage 4 of 10 people. */
  g_assert_true (dsr_figures_get (weighted, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_cmpfloat_with_epsilon (f.value, 35.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f.coverage, 0.4, 1e-9);

  /* A sum: 100 + 300 = 400. */
  g_assert_true (dsr_figures_get (sum, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_cmpfloat_with_epsilon (f.value, 400.0, 1e-9);
  g_assert_cmpint (f.rule, ==, DSR_AGGREGATION_SUM);

  /* The world, like for like: the sum over the six economies (5 with data)
   * = 8400, not the reported 9999; the mean of R = (20+40+60+80+100)/5 = 60,
   * not the reported 55. */
  g_assert_true (dsr_figures_world (sum, 2015, 2015, &w));
  g_assert_cmpfloat_with_epsilon (w.value, 8400.0, 1e-9);
  g_assert_cmpint (w.basis, ==, DSR_BASIS_COMPUTED);
  g_assert_cmpuint (w.n, ==, 5);
  g_assert_cmpuint (w.total, ==, 6);
  /* A region's total is compared as its share of the world's: 400 / 8400. */
  g_assert_cmpfloat_with_epsilon (dsr_figures_compare (sum, &f, &w), 400.0 / 8400.0 * 100.0, 1e-9);

  g_assert_true (dsr_figures_world (mean, 2015, 2015, &w));
  g_assert_cmpfloat_with_epsilon (w.value, 60.0, 1e-9);
  g_assert_true (dsr_figures_get (mean, entity (store, "g:north"), 2015, 2015, &f));
  /* A mean is compared as a difference: 30 - 60. */
  g_assert_cmpfloat_with_epsilon (dsr_figures_compare (mean, &f, &w), -30.0, 1e-9);

  /* An economy shows its own value. */
  g_assert_true (dsr_figures_get (mean, entity (store, "DDD"), 2015, 2015, &f));
  g_assert_cmpfloat (f.value, ==, 60.0);
  g_assert_cmpint (f.basis, ==, DSR_BASIS_OBSERVED);

  /* The paper's printed value for the same region, beside the computed one. */
  g_assert_true (dsr_figures_reference (mean, entity (store, "g:north"), 2015, &f));
  g_assert_cmpfloat (f.value, ==, 33.0);
  g_assert_cmpint (f.basis, ==, DSR_BASIS_REPORTED);
  g_assert_false (dsr_figures_reference (sum, entity (store, "g:north"), 2015, &f));
}

/* The coverage threshold: 2 of 3 members is 66.7%: shown at two thirds and
 * at 65%, not at 67%. For a weighted mean, the population's share counts. */
static void
test_threshold (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrFigures) at_65 = figures_for (store, "R", -1, 0.65);
  g_autoptr(DsrFigures) at_two_thirds = figures_for (store, "R", -1, DSR_DEFAULT_MIN_COVERAGE);
  g_autoptr(DsrFigures) at_67 = figures_for (store, "R", -1, 0.67);
  g_autoptr(DsrFigures) weighted = figures_for (store, "R", DSR_AGGREGATION_WEIGHTED_MEAN,
                                                DSR_DEFAULT_MIN_COVERAGE);
  DsrFigure f;

  g_assert_true (dsr_figures_get (at_65, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_true (dsr_figures_get (at_two_thirds, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_false (dsr_figures_get (at_67, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_cmpint (f.status, ==, DSR_FIGURE_INSUFFICIENT);
  g_assert_cmpuint (f.n, ==, 2);
  g_assert_cmpuint (f.total, ==, 3);
  g_assert_true (isnan (f.value));
  /* 4 of 10 people: insufficient by population though 2 of 3 economies. */
  g_assert_false (dsr_figures_get (weighted, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_cmpint (f.status, ==, DSR_FIGURE_INSUFFICIENT);
  /* 1 of 2 members (2014, AAA not yet a member): 50% < two thirds. */
  g_assert_false (dsr_figures_get (at_two_thirds, entity (store, "g:north"), 2014, 2014, &f));
  g_assert_cmpint (f.status, ==, DSR_FIGURE_INSUFFICIENT);
  g_assert_cmpuint (f.total, ==, 2);
}

/* Membership as of a year: AAA joined in 2015. */
static void
test_membership (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrFigures) mean = figures_for (store, "R", -1, 0.0);
  DsrFigure f;

  /* 2014 with the members as of 2014 (BBB, CCC): no data. */
  g_assert_false (dsr_figures_get (mean, entity (store, "g:north"), 2014, 2014, &f));
  g_assert_cmpint (f.status, ==, DSR_FIGURE_INSUFFICIENT);
  g_assert_cmpuint (f.n, ==, 0);
  /* 2014 with the members as of 2015 (AAA, BBB, CCC): AAA's 10. */
  g_assert_true (dsr_figures_get (mean, entity (store, "g:north"), 2014, 2015, &f));
  g_assert_cmpfloat (f.value, ==, 10.0);
  g_assert_cmpint (f.members_year, ==, 2015);
}

/* The default year is the latest in which the world and most regions meet
 * the rule; the good years are those. */
static void
test_default_year (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrFigures) mean = figures_for (store, "R", -1, DSR_DEFAULT_MIN_COVERAGE);
  DsrGrouping *g = dsr_store_get_grouping (store, "g");
  g_autoptr(GArray) good = dsr_figures_good_years (mean, g);

  /* 2015: world 5 of 6, north 2 of 3, south 2 of 2; 2014: world 4 of 6
   * (two thirds), north 0 of 2, south 2 of 2: one region of two is half:
   * good too. */
  g_assert_cmpuint (good->len, ==, 2);
  g_assert_cmpint (dsr_figures_default_year (mean, g), ==, 2015);
}

/* A world computed from too few economies gives way to the reported one,
 * which says so. */
static void
test_world_fallback (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrFigures) strict = figures_for (store, "R", -1, 0.9);
  DsrFigure w;

  /* 2015: 5 of 6 economies (83%) is below 90%: the reported 55. */
  g_assert_true (dsr_figures_world (strict, 2015, 2015, &w));
  g_assert_cmpint (w.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpfloat (w.value, ==, 55.0);
  /* 2014: nothing reported either. */
  g_assert_false (dsr_figures_world (strict, 2014, 2014, &w));
  g_assert_cmpint (w.status, ==, DSR_FIGURE_INSUFFICIENT);
}

/* An indicator with no country values shows what was reported, and its
 * world is the reported one. */
static void
test_reported_only (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrFigures) paper = figures_for (store, "PAPER.R", -1, DSR_DEFAULT_MIN_COVERAGE);
  DsrFigure f;

  g_assert_false (dsr_figures_has_country_values (paper));
  /* Countries with a value in any year: R's five economies, not the world. */
  g_assert_cmpuint (dsr_store_count_countries (store, "R"), ==, 5);
  g_assert_cmpuint (dsr_store_count_countries (store, "PAPER.R"), ==, 0);
  g_assert_cmpuint (dsr_store_count_countries (store, "NOPE"), ==, 0);
  g_assert_true (dsr_figures_get (paper, entity (store, "g:north"), 2015, 2015, &f));
  g_assert_cmpint (f.basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpfloat (f.value, ==, 33.0);
  g_assert_false (dsr_figures_get (paper, entity (store, "g:south"), 2015, 2015, &f));
  g_assert_cmpint (f.status, ==, DSR_FIGURE_NO_DATA);
}

/* A sum beyond a double's range is no value, never "inf". */
static void
test_overflow (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrIndicator) big = dsr_indicator_new ("BIG", "Big", "US$", DSR_THEME_TRADE, "", 0, TRUE, "");
  g_autoptr(DsrFigures) figures = NULL;
  DsrFigure f;

  dsr_indicator_set_aggregation (big, DSR_AGGREGATION_SUM);
  g_assert_true (dsr_store_add_indicator (store, big, NULL));
  for (guint i = 0; countries[i] != NULL; i++)
    g_assert_true (dsr_store_add_observation (store, "BIG", countries[i], 2015, 1.7e308, DSR_QUALIFIER_EXACT,
                                              "", "", NULL));
  figures = figures_for (store, "BIG", -1, 0.0);
  g_assert_false (dsr_figures_world (figures, 2015, 2015, &f));
  g_assert_true (isnan (f.value));
  g_assert_false (dsr_figures_get (figures, entity (store, "g:south"), 2015, 2015, &f));
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/figures/rules", test_rules);
  g_test_add_func ("/figures/threshold", test_threshold);
  g_test_add_func ("/figures/membership", test_membership);
  g_test_add_func ("/figures/default-year", test_default_year);
  g_test_add_func ("/figures/world-fallback", test_world_fallback);
  g_test_add_func ("/figures/reported-only", test_reported_only);
  g_test_add_func ("/figures/overflow", test_overflow);
  return g_test_run ();
}
