/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The written summary of a view (issue 14, item 1): the exact sentences,
 * in English and Chinese, for a fixture whose numbers are worked out by
 * hand below; plurals, too little coverage, no data, an unknown view kind;
 * and the summary in every export format. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-figure.h"
#include "dsr-summary.h"
#include "dsr-test-utils.h"

static const char *countries[] = { "AAA", "BBB", "CCC", "DDD", "EEE", "FFF", NULL };

/* Grouping "g" (the Belt and Road grouping):
 *   north = AAA (joined 2015), BBB, CCC      south = DDD, EEE
 * FFF is in no region.
 *
 * Indicator R (a rate, %, one decimal), S (a total, US$):
 *              R 2014  R 2015   S 2015
 *   AAA        10      20       100
 *   BBB        —       40       300
 *   CCC        —       —        —
 *   DDD        50      60       1000
 *   EEE        70      80       2000
 *   FFF        90      100      5000
 * Paper (reference of R): north 33 in 2015.
 *
 * By hand, 2015, members as of 2015, coverage rule two thirds:
 *   world R: mean of the 5 economies with a value = 60.0 (5 of the 6 economies)
 *   north R: mean of 20, 40 = 30.0 (2 of 3); south R: 70.0 (2 of 2)
 *   Belt and Road R: mean of 20, 40, 60, 80 = 50.0 (4 of 5)
 *   world S: 8,400 (5 of 6); north S: 400 (4.8% of it); south S: 3,000 (35.7%) */
static DsrStore *
make_store (void)
{
  DsrStore *store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) r = dsr_indicator_new ("R", "Rate", "%", DSR_THEME_TRADE, "Test source R", 1, TRUE, "");
  g_autoptr(DsrIndicator) s = dsr_indicator_new ("S", "Total", "US$", DSR_THEME_TRADE, "Test source S", 0, TRUE, "");
  g_autoptr(DsrIndicator) paper = dsr_indicator_new ("PAPER.R", "Rate, as printed", "%", DSR_THEME_TRADE,
                                                     "A paper", 1, TRUE, "");
  g_autoptr(DsrGrouping) grouping = dsr_grouping_new ("g", "G", "");
  g_autoptr(DsrEntity) bri = dsr_entity_new (DSR_ENTITY_ID_BRI, DSR_ENTITY_BRI, "Belt and Road", 0);
  struct { const char *i, *e; int y; double v; } obs[] = {
    { "R", "AAA", 2014, 10 }, { "R", "AAA", 2015, 20 }, { "R", "BBB", 2015, 40 },
    { "R", "DDD", 2014, 50 }, { "R", "DDD", 2015, 60 }, { "R", "EEE", 2014, 70 }, { "R", "EEE", 2015, 80 },
    { "R", "FFF", 2014, 90 }, { "R", "FFF", 2015, 100 },
    { "S", "AAA", 2015, 100 }, { "S", "BBB", 2015, 300 }, { "S", "DDD", 2015, 1000 },
    { "S", "EEE", 2015, 2000 }, { "S", "FFF", 2015, 5000 },
    { "PAPER.R", "g:north", 2015, 33 },
  };

  dsr_indicator_set_aggregation (s, DSR_AGGREGATION_SUM);
  dsr_indicator_set_reference_id (r, "PAPER.R");
  g_assert_true (dsr_store_add_indicator (store, r, NULL));
  g_assert_true (dsr_store_add_indicator (store, s, NULL));
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

static DsrView *
make_view (DsrViewKind  kind,
           const char  *indicator,
           int          year)
{
  DsrView *view = dsr_view_new ();

  view->kind = kind;
  view->indicator_id = g_strdup (indicator);
  view->grouping_id = g_strdup ("g");
  view->year = year;
  view->width = 800;
  view->height = 500;
  return view;
}

static char *
summary_of (DsrStore      *store,
            const DsrView *view)
{
  g_autoptr(GError) error = NULL;
  char *text = dsr_summary_text (store, view, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  /* Never a number that is not one. */
  g_assert_null (strstr (text, "nan"));
  g_assert_null (strstr (text, "NaN"));
  g_assert_null (strstr (text, "inf"));
  return text;
}

#define RULES "Regions: unweighted mean of the member economies with data, shown when they are at least 67% " \
              "of the members."

/* Bars: the regions against the world mean, the extremes with their
 * coverage, the Belt and Road's line, the paper's value. */
static void
test_bars (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_BARS, "R", 2015);
  g_autofree char *text = summary_of (store, view);

  g_assert_cmpstr (text, ==,
                   "In 2015, 1 of 2 regions was above the world mean for Rate, 60.0 (%). "
                   "North was lowest at 30.0 (30.0 below the world; unweighted mean of 2 of 3 economies); "
                   "South highest at 70.0 (unweighted mean of 2 of 2 economies). "
                   "The Belt and Road mean was 50.0 (unweighted mean of 4 of 5 economies). "
                   "As printed in test: North 33.0. "
                   RULES " World: unweighted mean of 5 of 6 economies.");
}

/* One region and two: the plural of "region" follows the count. */
static void
test_plurals (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) one = make_view (DSR_VIEW_BARS, "R", 2015);
  g_autofree char *text = NULL;

  one->regions = g_strsplit ("south", ",", -1);
  text = summary_of (store, one);
  g_assert_true (g_str_has_prefix (text, "In 2015, 1 of 1 region was above the world mean for Rate, 60.0 (%). "
                                         "South is the only region with a value: 70.0 (unweighted mean of 2 of 2 "
                                         "economies)."));
  g_clear_pointer (&text, g_free);

  g_strfreev (one->regions);
  one->regions = g_strsplit ("north,south", ",", -1);
  text = summary_of (store, one);
  g_assert_true (g_str_has_prefix (text, "In 2015, 1 of 2 regions was above the world mean"));
  g_clear_pointer (&text, g_free);

  /* "were" when the number above is not one. */
  g_strfreev (one->regions);
  one->regions = g_strsplit ("north", ",", -1);
  text = summary_of (store, one);
  g_assert_true (g_str_has_prefix (text, "In 2015, 0 of 1 region were above the world mean"));
}

/* A region below the coverage rule is named with its coverage, never given
 * a value. */
static void
test_insufficient (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_BARS, "R", 2015);
  g_autofree char *text = NULL;

  /* North: 2 of 3 (67%) are below 80%; the world's 5 of 6 (83%) are not. */
  view->min_coverage = 0.8;
  text = summary_of (store, view);
  g_assert_cmpstr (text, ==,
                   "In 2015, 1 of 1 region was above the world mean for Rate, 60.0 (%). "
                   "South is the only region with a value: 70.0 (unweighted mean of 2 of 2 economies). "
                   "The Belt and Road mean was 50.0 (unweighted mean of 4 of 5 economies). "
                   "Too little data for a regional value in 1 region: North (2 of 3 economies with data). "
                   "Regions: unweighted mean of the member economies with data, shown when they are at least 80% "
                   "of the members. World: unweighted mean of 5 of 6 economies.");
  g_clear_pointer (&text, g_free);

  /* At 90%, the world too has too little data: no comparison. */
  view->min_coverage = 0.9;
  text = summary_of (store, view);
  g_assert_cmpstr (text, ==,
                   "In 2015, 1 region has a value for Rate; the world has too little data for a figure (5 of 6 "
                   "economies). South is the only region with a value: 70.0 (unweighted mean of 2 of 2 economies). "
                   "Too little data for a regional value in 1 region: North (2 of 3 economies with data). "
                   "Regions: unweighted mean of the member economies with data, shown when they are at least 90% "
                   "of the members. World: insufficient data (5 of 6 economies).");
}

/* A year without data, an unknown indicator: a sentence, no "NaN". An
 * unknown kind of view (a scatter, later): an error. */
static void
test_empty (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_BARS, "R", 2010);
  g_autoptr(DsrView) unknown = make_view (DSR_VIEW_BARS, "NOPE", 2015);
  g_autoptr(DsrView) unknown_kind = make_view (DSR_VIEW_SCATTER + 1, "R", 2015);
  g_autoptr(DsrStore) empty = dsr_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = summary_of (store, view);
  g_autofree char *none = NULL;
  g_autofree char *nothing = NULL;

  /* As the bars say: the regions' members as of 2010 (AAA joined in 2015) have no value. */
  g_assert_cmpstr (text, ==, "There is no data to show for Rate in 2010. Too little data for a regional value in 2 "
                             "regions: North (0 of 2 economies with data), South (0 of 2 economies with data).");
  none = summary_of (store, unknown);
  g_assert_cmpstr (none, ==, "There is no indicator to show, so there is nothing to summarize.");
  nothing = summary_of (empty, view);
  g_assert_cmpstr (nothing, ==, "There is no indicator to show, so there is nothing to summarize.");

  g_assert_null (dsr_summary_text (store, unknown_kind, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  for (DsrViewKind kind = DSR_VIEW_MAP; kind <= DSR_VIEW_SCATTER; kind++)
    {
      g_autofree char *t = NULL;

      view->kind = kind;
      view->year_from = view->year_to = 2010;
      g_free (view->y_indicator_id);
      view->y_indicator_id = g_strdup ("S");
      t = summary_of (store, view);
      g_test_message ("%s: %s", dsr_view_kind_to_string (kind), t);
      g_assert_true (g_str_has_prefix (t, "There is no data to show for Rate"));
    }
}

/* Totals: the world total and the regions' shares of it. */
static void
test_sum (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_BARS, "S", 2015);
  g_autofree char *text = summary_of (store, view);

  g_assert_cmpstr (text, ==,
                   "In 2015, the world total of Total was 8400 (US$), the sum of 5 of 6 economies. "
                   "Of 2 regions, South had the largest total, 3000 (US$; 35.7% of the world total), and North "
                   "the smallest, 400 (US$; 4.8%). "
                   "Regions: sum of the member economies with data, shown when they are at least 67% of the "
                   "members. World: sum of 5 of 6 economies.");
}

/* A trend: the world's change, the line that rose most, crossings. */
static void
test_trend (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_TREND, "R", 2015);
  g_autofree char *text = NULL;

  view->year_from = 2014;
  view->year_to = 2015;
  text = summary_of (store, view);
  /* World 2014: mean of AAA 10, DDD 50, EEE 70, FFF 90 = 55.0 (4 of 5).
   * Lines with two years: South 60 → 70, and the economies AAA, DDD, EEE,
   * FFF (+10 each): South, first, rose most. DDD goes from 5 below the
   * world to level with it, which is no crossing. */
  g_assert_cmpstr (text, ==,
                   "From 2014 to 2015, the world mean went from 55.0 to 60.0 (%). "
                   "Of 5 lines besides the world, South rose most, by 10.0: from 60.0 in 2014 to 70.0 in 2015. "
                   "No line crossed the world’s. " RULES " Members as of 2015 for every year.");
}

/* A trend of one year: the world's value, no change, no crossing. */
static void
test_trend_one_year (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_TREND, "R", 2015);
  g_autofree char *text = NULL;

  view->year_from = view->year_to = 2015;
  text = summary_of (store, view);
  g_assert_cmpstr (text, ==, "In 2015, the world mean was 60.0 (%). " RULES " Members as of 2015 for every year.");
}

/* Crossings: CCC gets values (20 in 2014, 95 in 2015): it rises above the
 * world, and DDD, level with it before, now falls below it.
 *   world 2014: mean of 10, 20, 50, 70, 90 = 48.0; 2015: 395 / 6 = 65.8
 *   CCC 20 < 48 → 95 > 65.8: above in 2015; DDD 50 > 48 → 60 < 65.8: below
 *   North 15.0 → 51.7, South 60 → 70, Belt and Road 37.5 → 59.0: no crossing */
static void
test_trend_crossing (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_TREND, "R", 2015);
  g_autofree char *text = NULL;

  g_assert_true (dsr_store_add_observation (store, "R", "CCC", 2014, 20, DSR_QUALIFIER_EXACT, "test", "", NULL));
  g_assert_true (dsr_store_add_observation (store, "R", "CCC", 2015, 95, DSR_QUALIFIER_EXACT, "test", "", NULL));
  view->year_from = 2014;
  view->year_to = 2015;
  text = summary_of (store, view);
  g_assert_true (g_str_has_prefix (text,
                                   "From 2014 to 2015, the world mean went from 48.0 to 65.8 (%). "
                                   "Of 8 lines besides the world, CCC rose most, by 75.0: from 20.0 in 2014 to 95.0 "
                                   "in 2015. The world’s line was crossed 2 times: CCC rose above it in 2015, DDD "
                                   "fell below it in 2015. "));
}

/* The table: the regional sentences, and how many economies it lists. */
static void
test_table (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_TABLE, "R", 2015);
  g_autofree char *text = summary_of (store, view);

  g_assert_true (g_str_has_prefix (text, "In 2015, 1 of 2 regions was above the world mean for Rate, 60.0 (%). "
                                         "North was lowest at 30.0 (30.0 below the world; unweighted mean of 2 of "
                                         "3 economies); South highest at 70.0"));
  g_assert_true (g_str_has_suffix (text, " The table lists 5 economies with a value for 2015."));
}

/* The map: its highest and lowest economies, those without a value, the
 * world on its legend. */
static void
test_map (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_MAP, "R", 2015);
  g_autofree char *text = summary_of (store, view);

  g_assert_cmpstr (text, ==,
                   "In 2015, the map shows Rate for 4 of 5 Belt and Road economies. "
                   "EEE was highest at 80.0 and AAA lowest at 20.0. "
                   "1 member economy has no value for 2015. "
                   "The world mean was 60.0 (unweighted mean of 5 of 6 economies).");
  g_clear_pointer (&text, g_free);

  /* Gap to World: the differences the map paints, said to be differences. */
  view->compare = DSR_COMPARE_WORLD_DIFF;
  text = summary_of (store, view);
  g_assert_nonnull (strstr (text, "Compared with the world mean, EEE was highest at +20.0 and AAA lowest at −40.0."));
  g_clear_pointer (&text, g_free);

  /* A total: the shares of the world total; the world total in its scale. */
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("S");
  text = summary_of (store, view);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "EEE had the largest share of the world total, 23.81%, and AAA the smallest, 1.19%."));
  g_assert_true (g_str_has_suffix (text, "The world total was 8400 (US$; sum of 5 of 6 economies)."));
  g_clear_pointer (&text, g_free);

  /* Ties: the first by name is named, the others with the same value too. */
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("R");
  view->compare = DSR_COMPARE_ABSOLUTE;
  g_assert_true (dsr_store_add_observation (store, "R", "CCC", 2015, 80, DSR_QUALIFIER_EXACT, "test", "", NULL));
  text = summary_of (store, view);
  g_assert_nonnull (strstr (text, "CCC was highest at 80.0 and AAA lowest at 20.0. EEE also had 80.0. "
                                  "The world mean"));
}

/* The paper's figures as printed: reported, never "mean". */
static void
test_paper (void)
{
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autofree char *text = NULL;

  g_setenv ("DSR_ATLAS_PACK", "paper", TRUE);
  store = dsr_test_load_bundled ();
  g_unsetenv ("DSR_ATLAS_PACK");
  view->indicator_id = g_strdup ("DSR.GCI.SCORE");
  text = summary_of (store, view);
  g_assert_cmpstr (text, ==,
                   "In 2021, 2 of 6 regions were above the world average for Global Cybersecurity Index as "
                   "reported, 51.71 (0–100 score). Oceania was lowest at 24.84 (26.87 below the world; as "
                   "reported); Europe highest at 82.44 (as reported).");
}

/* In Chinese: the same numbers, in Chinese word order and punctuation. */
/* A scatter of R against S in 2015: the five economies with both values
 * (FFF is in no region), the extremes of each, and the fit: by hand,
 * Pearson's r of (20, 40, 60, 80, 100) and (100, 300, 1000, 2000, 5000)
 * is 0.909... */
static void
test_scatter (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_SCATTER, "R", 2015);
  g_autoptr(DsrView) empty = make_view (DSR_VIEW_SCATTER, "R", 2014);
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;

  view->y_indicator_id = g_strdup ("S");
  view->show_fit = TRUE;
  text = summary_of (store, view);
  g_assert_cmpstr (text, ==,
                   "In 2015, 5 of 5 economies with data had values of both Rate and Total. "
                   "4 of them are members of the grouping's regions. "
                   "For Rate, FFF was highest at 100.0 (%) and AAA lowest at 20.0 (%). "
                   "For Total, FFF was highest at 5000 (US$) and AAA lowest at 100 (US$). "
                   "Across them the two tend to rise together: a least-squares line gives r = 0.91.");

  /* No economy has S in 2014: a sentence, not an empty figure. */
  empty->y_indicator_id = g_strdup ("S");
  none = summary_of (store, empty);
  g_assert_cmpstr (none, ==, "There is no data to show for Rate in 2014.");
}

static void
test_chinese (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_BARS, "R", 2015);
  g_autoptr(DsrView) one = make_view (DSR_VIEW_BARS, "R", 2015);
  g_autoptr(DsrView) scatter = make_view (DSR_VIEW_SCATTER, "R", 2015);
  g_autofree char *text = NULL;
  g_autofree char *insufficient = NULL;
  g_autofree char *scatter_text = NULL;

  if (g_getenv ("DSR_BUILD_LOCALEDIR") == NULL)
    {
      g_test_skip ("DSR_BUILD_LOCALEDIR is not set (run under meson test)");
      return;
    }
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DSR_BUILD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  text = summary_of (store, view);
  one->min_coverage = 0.8;
  insufficient = summary_of (store, one);
  scatter->y_indicator_id = g_strdup ("S");
  scatter->show_fit = TRUE;
  scatter_text = summary_of (store, scatter);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (text, ==,
                   "2015年，2 个地区中有 1 个高于Rate的世界平均值 60.0（%）。"
                   "North最低，为 30.0（比世界低 30.0；3 个经济体中 2 个的未加权平均值）；"
                   "South最高，为 70.0（2 个经济体中 2 个的未加权平均值）。"
                   "“一带一路”平均值为 50.0（5 个经济体中 4 个的未加权平均值）。"
                   "test刊载的数值：North 33.0。"
                   "区域：有数据的成员经济体的未加权平均值，仅当其占成员至少 67% 时显示。"
                   "世界：6 个经济体中 5 个的未加权平均值。");
  g_assert_cmpstr (insufficient, ==,
                   "2015年，1 个地区中有 1 个高于Rate的世界平均值 60.0（%）。"
                   "South是唯一有数值的地区：70.0（2 个经济体中 2 个的未加权平均值）。"
                   "“一带一路”平均值为 50.0（5 个经济体中 4 个的未加权平均值）。"
                   "1 个地区的数据不足以得出区域数值：North（3 个经济体中 2 个有数据）。"
                   "区域：有数据的成员经济体的未加权平均值，仅当其占成员至少 80% 时显示。"
                   "世界：6 个经济体中 5 个的未加权平均值。");
  g_assert_cmpstr (scatter_text, ==,
                   "2015年，在有数据的 5 个经济体中，有 5 个同时具有Rate和Total的数值。"
                   "其中 4 个属于该分组的地区。"
                   "Rate方面，FFF最高，为 100.0（%）；AAA最低，为 20.0（%）。"
                   "Total方面，FFF最高，为 5,000（US$）；AAA最低，为 100（US$）。"
                   "总体上两者往往同时上升：最小二乘拟合线的 r = 0.91。");
}

/* Exports ------------------------------------------------------------------------ */

/* The text of the PNG chunk "Description" (tEXt, Latin-1; or iTXt, UTF-8). */
static char *
png_description (GBytes *png)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (png, &len);
  gsize p = 8;

  g_assert_cmpmem (d, 8, "\x89PNG\r\n\x1a\n", 8);
  while (p + 12 <= len)
    {
      guint32 n = (guint32) d[p] << 24 | (guint32) d[p + 1] << 16 | (guint32) d[p + 2] << 8 | d[p + 3];
      const char *type = (const char *) d + p + 4;
      const guint8 *body = d + p + 8;
      guint32 crc = (guint32) body[n] << 24 | (guint32) body[n + 1] << 16 | (guint32) body[n + 2] << 8 | body[n + 3];
      /* CRC-32 of the type and the data, as PNG computes it */
      guint32 c = 0xffffffff;

      g_assert_cmpuint (p + 12 + n, <=, len);
      for (gsize i = 0; i < 4 + n; i++)
        {
          c ^= ((const guint8 *) type)[i];
          for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320 & -(c & 1));
        }
      g_assert_cmpuint (c ^ 0xffffffff, ==, crc);
      if (memcmp (type, "tEXt", 4) == 0 && n > 12 && memcmp (body, "Description\0", 12) == 0)
        return g_convert ((const char *) body + 12, n - 12, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (memcmp (type, "iTXt", 4) == 0 && n > 16 && memcmp (body, "Description\0\0\0\0\0", 16) == 0)
        return g_strndup ((const char *) body + 16, n - 16);
      /* The text comes before the image data. */
      if (memcmp (type, "IDAT", 4) == 0)
        break;
      p += 12 + n;
    }
  return NULL;
}

/* The document's /Subject: a PDF string, literal "(…)" or hex UTF-16 "<FEFF…>". */
static char *
pdf_subject (GBytes *pdf)
{
  gsize len;
  const char *d = g_bytes_get_data (pdf, &len);
  const char *key = "/Subject";
  g_autoptr(GString) out = g_string_new (NULL);
  gsize p = 0;

  while (p + strlen (key) < len && memcmp (d + p, key, strlen (key)) != 0)
    p++;
  g_assert_cmpuint (p + strlen (key), <, len);
  p += strlen (key);
  while (d[p] == ' ')
    p++;
  if (d[p] == '(')
    {
      for (p++; p < len && d[p] != ')'; p++)
        {
          if (d[p] == '\\')
            p++;
          g_string_append_c (out, d[p]);
        }
      return g_strdup (out->str);
    }
  g_assert_cmpint (d[p], ==, '<');
  for (p++; p + 1 < len && d[p] != '>'; p += 2)
    {
      char hex[3] = { d[p], d[p + 1], 0 };

      g_string_append_c (out, (char) strtol (hex, NULL, 16));
    }
  g_assert_cmpmem (out->str, 2, "\xfe\xff", 2);
  return g_convert (out->str + 2, out->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
}

static GBytes *
render (DsrStore        *store,
        const DsrView   *view,
        DsrExportFormat  format,
        gboolean         caption)
{
  g_autoptr(GError) error = NULL;
  DsrExportOptions options = { .format = format, .caption = caption };
  GBytes *bytes = dsr_figure_render (store, view, format, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* Every format carries the summary: SVG <title> and <desc>, the PNG's
 * Description, the PDF's subject, the CSV's last line; for the charts and
 * the map. */
static void
test_exports (void)
{
  g_autoptr(DsrStore) store = make_store ();

  for (DsrViewKind kind = DSR_VIEW_MAP; kind <= DSR_VIEW_TABLE; kind++)
    {
      g_autoptr(DsrView) view = make_view (kind, "R", 2015);
      g_autofree char *summary = summary_of (store, view);
      g_autofree char *escaped = g_markup_escape_text (summary, -1);
      g_autofree char *desc = g_strdup_printf ("<title>Rate</title>\n<desc>%s</desc>\n", escaped);
      g_autofree char *csv_line = g_strdup_printf ("\n#summary,\"%s\",,,,,,,,,,,\n", summary);
      g_autoptr(GBytes) svg = render (store, view, DSR_EXPORT_SVG, FALSE);
      g_autoptr(GBytes) png = render (store, view, DSR_EXPORT_PNG, FALSE);
      g_autoptr(GBytes) pdf = render (store, view, DSR_EXPORT_PDF, FALSE);
      g_autoptr(GBytes) csv = render (store, view, DSR_EXPORT_CSV, FALSE);
      g_autofree char *svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
      g_autofree char *csv_text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
      g_autofree char *png_text = png_description (png);
      g_autofree char *pdf_text = pdf_subject (pdf);

      g_test_message ("%s: %s", dsr_view_kind_to_string (kind), summary);
      g_assert_nonnull (strstr (svg_text, desc));
      /* First inside <svg>. */
      g_assert_true (strstr (svg_text, desc) - strstr (svg_text, "<svg") < 300);
      g_assert_cmpstr (png_text, ==, summary);
      g_assert_cmpstr (pdf_text, ==, summary);
      g_assert_true (g_str_has_suffix (csv_text, csv_line));
    }
}

/* Non-Latin-1 text (Chinese, or a typographic apostrophe) goes into iTXt. */
static void
test_png_utf8 (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_BARS, "R", 2015);
  DsrExportOptions options = { .format = DSR_EXPORT_PNG, .summary = "2015年，North最低。" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = dsr_export_render (store, view, DSR_EXPORT_PNG, &options, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = png_description (png);
  g_assert_cmpstr (text, ==, "2015年，North最低。");
}

/* The <text> elements of an SVG, in order. */
static GPtrArray *
svg_texts (GBytes *svg)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while ((p = strstr (p, "<text")) != NULL)
    {
      const char *start = strchr (p, '>') + 1;
      const char *end = strstr (start, "</text>");

      g_ptr_array_add (out, g_strndup (start, end - start));
      p = end;
    }
  return out;
}

/* The caption: drawn under the figure as text (in the SVG, the first <text>
 * lines, which make up the summary); off by default. */
static void
test_caption (void)
{
  g_autoptr(DsrStore) store = make_store ();
  g_autoptr(DsrView) view = make_view (DSR_VIEW_BARS, "R", 2015);
  g_autofree char *summary = summary_of (store, view);
  g_autofree char *escaped = g_markup_escape_text (summary, -1);
  g_autoptr(GBytes) with = render (store, view, DSR_EXPORT_SVG, TRUE);
  g_autoptr(GBytes) without = render (store, view, DSR_EXPORT_SVG, FALSE);
  g_autoptr(GPtrArray) lines = svg_texts (with);
  g_autoptr(GPtrArray) plain = svg_texts (without);
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n = 0;

  for (; n < lines->len && joined->len < strlen (escaped); n++)
    g_string_append_printf (joined, "%s%s", n > 0 ? " " : "", (const char *) g_ptr_array_index (lines, n));
  g_assert_cmpstr (joined->str, ==, escaped);
  g_assert_cmpuint (n, >, 1);
  /* The figure is there too (its axis may have a tick less), and without
   * --caption none of it is. */
  g_assert_cmpuint (lines->len, >=, plain->len + n - 2);
  g_assert_cmpstr (g_ptr_array_index (plain, 0), !=, g_ptr_array_index (lines, 0));
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/summary/bars", test_bars);
  g_test_add_func ("/summary/plurals", test_plurals);
  g_test_add_func ("/summary/insufficient", test_insufficient);
  g_test_add_func ("/summary/empty", test_empty);
  g_test_add_func ("/summary/sum", test_sum);
  g_test_add_func ("/summary/trend", test_trend);
  g_test_add_func ("/summary/trend-crossing", test_trend_crossing);
  g_test_add_func ("/summary/trend-one-year", test_trend_one_year);
  g_test_add_func ("/summary/table", test_table);
  g_test_add_func ("/summary/map", test_map);
  g_test_add_func ("/summary/paper", test_paper);
  g_test_add_func ("/summary/scatter", test_scatter);
  g_test_add_func ("/summary/chinese", test_chinese);
  g_test_add_func ("/summary/export/formats", test_exports);
  g_test_add_func ("/summary/export/png-utf8", test_png_utf8);
  g_test_add_func ("/summary/export/caption", test_caption);
  return g_test_run ();
}
