/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <math.h>
#include <string.h>

#include "dsr-application.h"
#include "dsr-chart-view.h"
#include "dsr-map-view.h"
#include "dsr-scatter-view.h"
#include "dsr-summary.h"
#include "dsr-table-item.h"
#include "dsr-test-utils.h"
#include "dsr-window.h"
#include "dsr-window-private.h"
#include "dsr-import-library.h"
#include "dsr-wb-update.h"

#include <libsoup/soup.h>

/* Drives the main window through its actions under Xvfb and checks the
 * shared state and what each view shows. */

static DsrApplication *app;
static int status;

static DsrWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DSR_IS_WINDOW (window));
  return DSR_WINDOW (window);
}

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
act (const char *action,
     GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (get_window ()), action, parameter);
  iterate ();
}

static DsrTableItem *
find_item (const char *entity_id,
           const char *basis)
{
  GListModel *rows = dsr_window_get_rows (get_window ());

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(DsrTableItem) item = g_list_model_get_item (rows, i);

      if (g_str_equal (dsr_table_item_get_entity_id (item), entity_id)
          && (basis == NULL || g_str_equal (dsr_table_item_get_basis (item), basis)))
        return item; /* the model keeps it alive */
    }
  return NULL;
}

static const DsrHitRegion *
find_bar (DsrChartView *chart,
          const char   *entity_id)
{
  const DsrRenderLayout *layout = dsr_chart_view_get_layout (chart);

  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrHitRegion *hit = &g_array_index (layout->hits, DsrHitRegion, i);

      if (hit->kind == DSR_HIT_BAR && g_strcmp0 (hit->entity_id, entity_id) == 0)
        return hit;
    }
  return NULL;
}

static void
test_opens_on_figure4 (void)
{
  DsrWindow *window = get_window ();
  DsrChartView *bars = DSR_CHART_VIEW (dsr_window_get_chart (window, DSR_VIEW_BARS));
  const DsrHitRegion *europe, *oceania;
  DsrTableItem *item;
  g_autofree char *description = NULL;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* A fresh start: the map of internet use, economy by economy. */
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "IT.NET.USER.ZS");
  g_assert_cmpstr (dsr_window_get_page (window), ==, "map");

  /* The paper's Figure 4, one click away. */
  act ("view", g_variant_new_string ("bars"));
  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.GCI.SCORE");
  g_assert_cmpint (dsr_window_get_year (window), ==, 2021);
  g_assert_cmpstr (dsr_window_get_page (window), ==, "bars");
  /* Figure 4 is by continent: the window follows the data to that grouping. */
  g_assert_cmpstr (dsr_window_get_view (window)->grouping_id, ==, "bri-continent");

  /* The bars: Europe's is the longest, Oceania's the shortest. */
  europe = find_bar (bars, "bri-continent:europe");
  oceania = find_bar (bars, "bri-continent:oceania");
  g_assert_nonnull (europe);
  g_assert_nonnull (oceania);
  g_assert_cmpfloat (europe->rect.width, >, oceania->rect.width);
  g_assert_cmpfloat_with_epsilon (europe->raw_value, 82.44, 1e-9);

  /* The same numbers in the table: the world and the six continents. */
  item = find_item ("WLD", "Reported");
  g_assert_nonnull (item);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "51.71");
  item = find_item ("bri-continent:europe", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "82.44");
  g_assert_cmpuint (g_list_model_get_n_items (dsr_window_get_rows (window)), ==, 7);

  /* Screen readers get the written summary, with the values. */
  description = dsr_figure_view_describe (DSR_FIGURE_VIEW (bars));
  g_assert_true (strstr (description, "Global Cybersecurity Index") != NULL);
  g_assert_true (strstr (description, "82.44") != NULL);
}

static void
test_indicator_and_year (void)
{
  DsrWindow *window = get_window ();

  act ("indicator", g_variant_new_string ("DSR.DDS.EXP"));
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.DDS.EXP");
  g_assert_cmpint (dsr_window_get_year (window), ==, 2021); /* 2021 is in its range */
  g_assert_cmpstr (dsr_table_item_get_value (find_item ("WLD", NULL)), ==, "38.1");

  act ("year", g_variant_new_int32 (2018));
  g_assert_cmpint (dsr_window_get_year (window), ==, 2018);
  g_assert_cmpstr (dsr_table_item_get_value (find_item ("WLD", NULL)), ==, "31.4");
  g_assert_cmpstr (dsr_table_item_get_value (find_item ("CHN", NULL)), ==, "1.3");
  g_assert_cmpstr (dsr_table_item_get_basis (find_item ("CHN", NULL)), ==, "Observed");

  /* Another indicator with 2018 keeps the year. */
  act ("indicator", g_variant_new_string ("DSR.DDS.SHARE"));
  g_assert_cmpint (dsr_window_get_year (window), ==, 2018);
  g_assert_cmpstr (dsr_table_item_get_value (find_item ("WLD", NULL)), ==, "51.4");

  /* A qualified value says so. */
  act ("indicator", g_variant_new_string ("DSR.CYB.NO.INDUSTRY"));
  g_assert_cmpint (dsr_window_get_year (window), ==, 2021);
  g_assert_cmpstr (dsr_table_item_get_value (find_item ("BRI", NULL)), ==, "more than 66.7");
}

static void
test_trend_view (void)
{
  DsrWindow *window = get_window ();
  DsrChartView *trend = DSR_CHART_VIEW (dsr_window_get_chart (window, DSR_VIEW_TREND));
  const DsrRenderLayout *layout;
  guint world_points = 0;

  act ("indicator", g_variant_new_string ("DSR.DDS.EXP"));
  act ("view", g_variant_new_string ("trend"));
  g_assert_cmpstr (dsr_window_get_page (window), ==, "trend");
  layout = dsr_chart_view_get_layout (trend);
  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrHitRegion *hit = &g_array_index (layout->hits, DsrHitRegion, i);

      if (hit->kind == DSR_HIT_POINT && g_strcmp0 (hit->entity_id, "WLD") == 0)
        world_points++;
    }
  /* Table 1: the world's ten years. */
  g_assert_cmpuint (world_points, ==, 10);
}

static void
test_empty_year_and_nearest (void)
{
  DsrWindow *window = get_window ();

  /* Services share of trade: 2012 and 2021 only. */
  act ("view", g_variant_new_string ("table"));
  act ("indicator", g_variant_new_string ("DSR.SVC.SHARE"));
  act ("year", g_variant_new_int32 (2015));
  g_assert_cmpstr (dsr_window_get_page (window), ==, "empty");
  act ("nearest-year", NULL);
  g_assert_cmpint (dsr_window_get_year (window), ==, 2012);
  g_assert_cmpstr (dsr_window_get_page (window), ==, "table");

  /* An indicator without any data. */
  act ("indicator", g_variant_new_string ("DSR.POSTAL.RELIABILITY"));
  g_assert_cmpstr (dsr_window_get_page (window), ==, "empty");
  g_assert_cmpint (dsr_window_get_year (window), ==, 0);
  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  g_assert_cmpstr (dsr_window_get_page (window), ==, "table");
}

static void
test_grouping_regions_compare (void)
{
  DsrWindow *window = get_window ();
  DsrChartView *bars = DSR_CHART_VIEW (dsr_window_get_chart (window, DSR_VIEW_BARS));
  const DsrHitRegion *europe;

  act ("view", g_variant_new_string ("bars"));
  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));

  /* Difference from the world: Europe is 82.44 - 51.71 above it. */
  act ("compare", g_variant_new_string ("world-diff"));
  g_assert_cmpint (dsr_window_get_view (window)->compare, ==, DSR_COMPARE_WORLD_DIFF);
  europe = find_bar (bars, "bri-continent:europe");
  g_assert_nonnull (europe);
  g_assert_cmpfloat_with_epsilon (europe->value, 82.44 - 51.71, 1e-9);
  act ("compare", g_variant_new_string ("absolute"));

  /* No region selected: no region in the table, the world still there. */
  act ("select-no-regions", NULL);
  g_assert_null (find_item ("bri-continent:europe", NULL));
  g_assert_nonnull (find_item ("WLD", NULL));
  g_assert_null (find_bar (bars, "bri-continent:europe"));
  act ("select-all-regions", NULL);
  g_assert_nonnull (find_item ("bri-continent:europe", NULL));

  /* The other grouping: the paper's ten regions (no values there for Figure 4). */
  act ("grouping", g_variant_new_string ("bri-region"));
  g_assert_cmpstr (dsr_window_get_view (window)->grouping_id, ==, "bri-region");
  g_assert_null (find_item ("bri-continent:europe", NULL));
  act ("grouping", g_variant_new_string ("bri-continent"));
}

static void
test_shared_selection (void)
{
  DsrWindow *window = get_window ();
  DsrChartView *bars = DSR_CHART_VIEW (dsr_window_get_chart (window, DSR_VIEW_BARS));
  DsrChartView *trend = DSR_CHART_VIEW (dsr_window_get_chart (window, DSR_VIEW_TREND));

  const DsrViewKind kinds[] = { DSR_VIEW_MAP, DSR_VIEW_BARS, DSR_VIEW_TREND, DSR_VIEW_SCATTER };

  act ("select", g_variant_new_string ("bri-continent:asia"));
  g_assert_cmpstr (dsr_window_get_selected (window), ==, "bri-continent:asia");
  g_assert_cmpstr (dsr_figure_view_get_selected (DSR_FIGURE_VIEW (bars)), ==, "bri-continent:asia");
  g_assert_cmpstr (dsr_figure_view_get_selected (DSR_FIGURE_VIEW (trend)), ==, "bri-continent:asia");
  act ("select", g_variant_new_string (""));
  g_assert_null (dsr_window_get_selected (window));
  /* Every figure's "selected" is bound to the window's. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_null (dsr_figure_view_get_selected (DSR_FIGURE_VIEW (dsr_window_get_chart (window, kinds[i]))));
  act ("select", g_variant_new_string ("CHN"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *selected = NULL;

      g_object_get (dsr_window_get_chart (window, kinds[i]), "selected", &selected, NULL);
      g_assert_cmpstr (selected, ==, "CHN");
    }
  act ("select", g_variant_new_string (""));
}

/* The Scatter page: two indicators, the shared selection, the fit toggle,
 * and a year step that moves the dots (then rests). */
static void
test_scatter_view (void)
{
  DsrWindow *window = get_window ();
  DsrScatterView *scatter = DSR_SCATTER_VIEW (dsr_window_get_chart (window, DSR_VIEW_SCATTER));
  GMainContext *context = g_main_context_default ();
  g_autofree char *tooltip = NULL;
  DsrChartData *data;
  gint64 deadline;
  guint n_moves;

  g_assert_nonnull (scatter);
  act ("indicator", g_variant_new_string ("IT.NET.USER.ZS"));
  act ("year", g_variant_new_int32 (2021));
  act ("view", g_variant_new_string ("scatter"));
  g_assert_cmpstr (dsr_window_get_page (window), ==, "scatter");
  g_assert_cmpint (_dsr_window_get_visible_kind (window), ==, DSR_VIEW_SCATTER);
  /* Broadband on the vertical axis at first. */
  g_assert_cmpstr (dsr_window_get_view (window)->y_indicator_id, ==, "IT.NET.BBND.P2");
  data = dsr_scatter_view_get_data (scatter);
  g_assert_cmpint (data->view->kind, ==, DSR_VIEW_SCATTER);
  g_assert_cmpint (data->view->year, ==, 2021);
  g_assert_cmpuint (data->points->len, >, 100);

  /* A frame, with its hits. */
  deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  while (dsr_scatter_view_get_layout (scatter) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_nonnull (dsr_scatter_view_get_layout (scatter));

  /* The selection is the window's, and the tooltip gives both values. */
  act ("select", g_variant_new_string ("CHN"));
  tooltip = dsr_scatter_view_tooltip_text (scatter, "CHN");
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Individuals using the Internet"));
  g_assert_nonnull (strstr (tooltip, "Fixed broadband subscriptions"));
  act ("select", g_variant_new_string (""));

  /* The toggle sets the shared view; the data follow. */
  gtk_toggle_button_set_active (window->scatter_fit_button, TRUE);
  iterate ();
  g_assert_true (dsr_window_get_view (window)->show_fit);
  g_assert_true (dsr_scatter_view_get_data (scatter)->has_fit);

  /* A year step moves the dots, then they rest on the new year. */
  n_moves = dsr_scatter_view_get_n_moves (scatter);
  act ("year", g_variant_new_int32 (2022));
  /* (On a slow machine the move may be over already: act () runs the loop.) */
  g_assert_cmpuint (dsr_scatter_view_get_n_moves (scatter), ==, n_moves + 1);
  deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  while (dsr_scatter_view_is_animating (scatter) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_false (dsr_scatter_view_is_animating (scatter));
  g_assert_cmpint (dsr_scatter_view_get_data (scatter)->view->year, ==, 2022);

  gtk_toggle_button_set_active (window->scatter_fit_button, FALSE);
  act ("view", g_variant_new_string ("bars"));
}

static void
count_change_cb (GSettings  *settings,
                 const char *key,
                 guint      *n_changes)
{
  (*n_changes)++;
}

static void
test_play (void)
{
  DsrWindow *window = get_window ();
  GMainContext *context = g_main_context_default ();
  guint n_year_writes = 0;
  gulong handler;
  gint64 deadline;

  g_assert_nonnull (window->settings);
  act ("indicator", g_variant_new_string ("DSR.DDS.EXP"));
  act ("year", g_variant_new_int32 (2020));
  g_assert_cmpint (g_settings_get_int (window->settings, "year"), ==, 2020);

  /* The timeline's speed is "play-interval", both ways; Play reads it (here: Fast). */
  dsr_timeline_set_speed (window->timeline, 500);
  g_assert_cmpint (g_settings_get_int (window->settings, "play-interval"), ==, 500);
  g_settings_set_int (window->settings, "play-interval", 700);
  g_assert_cmpint (dsr_timeline_get_speed (window->timeline), ==, 700);
  g_settings_set_int (window->settings, "play-interval", 500);

  handler = g_signal_connect (window->settings, "changed::year", G_CALLBACK (count_change_cb), &n_year_writes);
  act ("play", NULL);
  g_assert_true (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window), "play")));
  g_assert_true (dsr_timeline_get_playing (window->timeline));
  /* Wait for 2021, then the wrap to 2012. */
  deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  while (dsr_window_get_year (window) != 2012 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpint (dsr_window_get_year (window), ==, 2012);
  /* No settings write at each step: the year is written once Play stops. */
  g_assert_cmpuint (n_year_writes, ==, 0);
  act ("play", NULL);
  g_assert_false (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window), "play")));
  g_assert_cmpint (g_settings_get_int (window->settings, "year"), ==, 2012);
  g_signal_handler_disconnect (window->settings, handler);

  g_assert_false (dsr_timeline_get_playing (window->timeline));
  dsr_timeline_set_speed (window->timeline, 1000);
  g_assert_cmpint (g_settings_get_int (window->settings, "play-interval"), ==, 1000);
}

static void
test_presentation (void)
{
  DsrWindow *window = get_window ();
  const DsrViewKind kinds[] = { DSR_VIEW_MAP, DSR_VIEW_BARS, DSR_VIEW_TREND, DSR_VIEW_SCATTER };
  double scale;

  act ("indicator", g_variant_new_string ("DSR.DDS.EXP"));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (window->timeline)) == GTK_WIDGET (window->figure_box));
  /* (Checked before the main loop runs: the controls go after two seconds.) */
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (window->presentation_revealer));
  g_assert_true (gtk_revealer_get_reveal_child (window->hint_revealer));
  iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_true (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                          "presentation")));
  /* The figure alone; the timeline and the hint over it, for a while. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->header_bar)));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (window->timeline)) == GTK_WIDGET (window->presentation_box));
  /* Ctrl+F does not bring the sidebar back over the figure. */
  act ("search-indicators", NULL);
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  /* Larger type in every figure: their "font-scale" is bound to the window's. */
  g_object_get (window, "font-scale", &scale, NULL);
  g_assert_cmpfloat (scale, ==, 1.5);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpfloat (dsr_figure_view_get_font_scale (DSR_FIGURE_VIEW (dsr_window_get_chart (window, kinds[i]))),
                       ==, 1.5);

  act ("leave-presentation", NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_false (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                           "presentation")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->header_bar)));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (window->timeline)) == GTK_WIDGET (window->figure_box));
  g_assert_false (gtk_revealer_get_reveal_child (window->presentation_revealer));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpfloat (dsr_figure_view_get_font_scale (DSR_FIGURE_VIEW (dsr_window_get_chart (window, kinds[i]))),
                       ==, 1.0);
}

/* Waits until @window is about @width wide (the X server's configure; the
 * default size counts the frame, which the widget's width does not). */
static void
resize_window (DsrWindow *window,
               int        width,
               int        height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (int i = 0; i < 200 && ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 20; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  iterate ();
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 20);
}

/* A figure needs 600 px to be read: the figure asks for that much itself,
 * not by the widths of its labels (shorter in Chinese, where a 900 px
 * window kept the sidebar and left the trend 575 px), so in a 900 px window
 * the sidebar folds away (over the figure when shown) in every language,
 * and in a 1280 px one it stays beside the figure. */
static void
test_sidebar_folds (void)
{
  DsrWindow *window = get_window ();
  GtkWidget *figure = adw_flap_get_content (window->flap);
  int requested = 0;

  gtk_widget_get_size_request (figure, &requested, NULL);
  g_assert_cmpint (requested, >=, 600);
  resize_window (window, 900, 600);
  g_assert_true (adw_flap_get_folded (window->flap));
  resize_window (window, 1280, 800);
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_cmpint (gtk_widget_get_width (figure), >=, 600);
  g_assert_cmpint (gtk_widget_get_width (figure), <, gtk_widget_get_width (GTK_WIDGET (window->flap)));
}

/* F9 hides and shows the sidebar; Ctrl+F shows it; the timeline follows the indicator. */
static void
test_sidebar_and_timeline (void)
{
  DsrWindow *window = get_window ();
  GArray *years;

  act ("sidebar", NULL);
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  act ("search-indicators", NULL);
  g_assert_true (adw_flap_get_reveal_flap (window->flap));

  /* A pick in the sidebar is the indicator action. */
  dsr_sidebar_set_indicator (window->sidebar, "DSR.DDS.SHARE");
  iterate ();
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.DDS.SHARE");
  act ("indicator", g_variant_new_string ("DSR.SVC.SHARE"));
  g_assert_cmpstr (dsr_sidebar_get_indicator (window->sidebar), ==, "DSR.SVC.SHARE");

  /* Services share: 2012 and 2021 only; the timeline marks those and plays them. */
  years = dsr_timeline_get_years (window->timeline);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2012);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2021);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->timeline)));
  g_assert_cmpint (dsr_timeline_get_year (window->timeline), ==, dsr_window_get_year (window));
  /* Moving the slider is the year action. */
  dsr_timeline_set_year (window->timeline, 2012);
  iterate ();
  g_assert_cmpint (dsr_window_get_year (window), ==, 2012);

  /* No data: no timeline. */
  act ("indicator", g_variant_new_string ("DSR.POSTAL.RELIABILITY"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->timeline)));
}

static void
test_settings_round_trip (void)
{
  DsrWindow *window = get_window ();
  DsrWindow *second;

  act ("indicator", g_variant_new_string ("DSR.DDS.SHARE"));
  act ("year", g_variant_new_int32 (2016));
  act ("view", g_variant_new_string ("trend"));
  act ("compare", g_variant_new_string ("world-diff"));

  /* A new window opens where the last one was. */
  second = dsr_window_new (app);
  g_assert_cmpstr (dsr_window_get_indicator (second), ==, "DSR.DDS.SHARE");
  g_assert_cmpint (dsr_window_get_year (second), ==, 2016);
  g_assert_cmpstr (dsr_window_get_page (second), ==, "trend");
  g_assert_cmpint (dsr_window_get_view (second)->compare, ==, DSR_COMPARE_WORLD_DIFF);
  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_present (GTK_WINDOW (window));
  act ("compare", g_variant_new_string ("absolute"));
  act ("view", g_variant_new_string ("bars"));
}

/* The written summary under the figure: the visible view's, selectable,
 * the charts' and the map's accessible description; the toggle is
 * remembered; the About page has none. */
static void
test_summary_bar (void)
{
  DsrWindow *window = get_window ();
  DsrChartView *bars = DSR_CHART_VIEW (dsr_window_get_chart (window, DSR_VIEW_BARS));
  DsrMapView *map = DSR_MAP_VIEW (dsr_window_get_chart (window, DSR_VIEW_MAP));
  g_autoptr(DsrView) view = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *map_expected = NULL;
  g_autofree char *description = NULL;
  g_autofree char *map_description = NULL;
  GtkWidget *label;

  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  act ("view", g_variant_new_string ("bars"));
  g_assert_true (g_settings_get_boolean (window->settings, "show-summary"));
  g_assert_true (dsr_summary_bar_get_revealed (window->summary_bar));

  view = dsr_view_copy (dsr_window_get_view (window));
  view->kind = DSR_VIEW_BARS;
  expected = dsr_summary_text (window->store, view, NULL);
  g_assert_nonnull (expected);
  g_assert_true (g_str_has_prefix (expected, "In 2021, 2 of 6 regions were above the world average"));
  iterate ();
  g_assert_cmpstr (dsr_summary_bar_get_text (window->summary_bar), ==, expected);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->summary_bar)));
  /* The label shows it, and can be selected and copied. */
  label = gtk_widget_get_first_child (GTK_WIDGET (window->summary_bar));
  while (label != NULL && !GTK_IS_LABEL (label))
    label = gtk_widget_get_first_child (label) ? gtk_widget_get_first_child (label) : gtk_widget_get_next_sibling (label);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  /* The chart's accessible description is the same summary. */
  description = dsr_figure_view_describe (DSR_FIGURE_VIEW (bars));
  g_assert_cmpstr (description, ==, expected);

  /* The map's, of the map. */
  act ("view", g_variant_new_string ("map"));
  view->kind = DSR_VIEW_MAP;
  map_expected = dsr_summary_text (window->store, view, NULL);
  g_assert_cmpstr (dsr_summary_bar_get_text (window->summary_bar), ==, map_expected);
  map_description = dsr_figure_view_describe (DSR_FIGURE_VIEW (map));
  g_assert_cmpstr (map_description, ==, map_expected);

  /* The toggle hides it, and is remembered. */
  act ("show-summary", NULL);
  g_assert_false (dsr_summary_bar_get_revealed (window->summary_bar));
  g_assert_false (g_settings_get_boolean (window->settings, "show-summary"));
  act ("show-summary", NULL);
  g_assert_true (dsr_summary_bar_get_revealed (window->summary_bar));
  g_assert_true (g_settings_get_boolean (window->settings, "show-summary"));
  /* The toggle is the setting's own action: a change of the setting from
   * elsewhere (another window, dconf) moves the check mark and the bar. */
  {
    g_autoptr(GVariant) state = NULL;

    g_settings_set_boolean (window->settings, "show-summary", FALSE);
    state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-summary");
    g_assert_false (g_variant_get_boolean (state));
    g_assert_false (dsr_summary_bar_get_revealed (window->summary_bar));
    g_settings_set_boolean (window->settings, "show-summary", TRUE);
    g_clear_pointer (&state, g_variant_unref);
    state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-summary");
    g_assert_true (g_variant_get_boolean (state));
    g_assert_true (dsr_summary_bar_get_revealed (window->summary_bar));
  }

  /* About Data shows no figure: no summary. */
  act ("view", g_variant_new_string ("about"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->summary_bar)));
  act ("view", g_variant_new_string ("bars"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->summary_bar)));
}

static void
test_map_view (void)
{
  DsrWindow *window = get_window ();
  DsrMapView *map = DSR_MAP_VIEW (dsr_window_get_chart (window, DSR_VIEW_MAP));
  const DsrMapLayout *layout;
  const DsrMapHit *kazakhstan;
  g_autofree char *id = NULL;
  double x, y;
  g_autofree char *description = NULL;

  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  act ("view", g_variant_new_string ("map"));
  g_assert_cmpstr (dsr_window_get_page (window), ==, "map");
  layout = dsr_map_view_get_layout (map);
  g_assert_nonnull (layout);
  g_assert_cmpint (layout->values->mode, ==, DSR_MAP_MODE_REGION);

  /* A click on Kazakhstan selects its continent everywhere. */
  kazakhstan = dsr_map_layout_find (layout, 398);
  g_assert_nonnull (kazakhstan);
  x = kazakhstan->box.x + kazakhstan->box.width / 2;
  y = kazakhstan->box.y + kazakhstan->box.height / 2;
  id = dsr_figure_view_activate_at (DSR_FIGURE_VIEW (map), x, y);
  g_assert_cmpstr (id, ==, "bri-continent:asia");
  iterate ();
  g_assert_cmpstr (dsr_window_get_selected (window), ==, "bri-continent:asia");
  g_assert_cmpstr (dsr_figure_view_get_selected (DSR_FIGURE_VIEW (map)), ==, "bri-continent:asia");

  /* Zoom in, then back to the whole world. */
  dsr_map_view_zoom_at (map, 4.0, x, y);
  g_assert_cmpfloat (dsr_map_view_get_zoom (map), >, 3.9);
  dsr_map_view_reset_zoom (map);
  g_assert_cmpfloat (dsr_map_view_get_zoom (map), ==, 1.0);

  /* Screen readers get the written summary of what it painted. */
  description = dsr_figure_view_describe (DSR_FIGURE_VIEW (map));
  g_assert_true (strstr (description, "Europe was highest at 82.44") != NULL);
  act ("select", g_variant_new_string (""));
  act ("view", g_variant_new_string ("bars"));
}

/* Class Handout…: the visible view's handout, drawn page by page on the main
 * loop and written on a worker thread; the window keeps working meanwhile,
 * and a second one waits for the first. The file chooser itself is the
 * platform's (GtkFileChooserNative): the tests start after it. */
static void
test_handout (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "handout"));
  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  act ("view", g_variant_new_string ("bars"));
  g_assert_true (_dsr_window_make_handout (window, file, DSR_HANDOUT_PAGES_VIEWS));
  /* One at a time. */
  g_assert_false (_dsr_window_make_handout (window, file, DSR_HANDOUT_PAGES_VIEWS));
  /* (the window's mark of a running handout, see dsr-window-handout.c) */
  while (g_object_get_data (G_OBJECT (window), "dsr-handout-job") != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (g_object_get_data (G_OBJECT (window), "dsr-handout-job"));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (len > 1000 && memcmp (contents, "%PDF-", 5) == 0);
  /* Done: another may start; a view without pages says why in a toast and
   * leaves the file as it was. */
  act ("view", g_variant_new_string ("trend"));
  g_assert_false (_dsr_window_make_handout (window, file, DSR_HANDOUT_PAGES_YEARS));
  iterate ();
  {
    g_autofree char *again = NULL;
    gsize again_len;

    g_assert_true (g_file_get_contents (path, &again, &again_len, NULL));
    g_assert_cmpmem (again, again_len, contents, len);
  }
  act ("view", g_variant_new_string ("bars"));
  dsr_test_rm_rf (dir);
}

/* Waits for the running import to end (the deadline only guards against a
 * hang: the sanitizer builds on a busy machine are slow). */
static void
wait_for_import (DsrWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;

  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import") == FALSE
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import"));
  iterate ();
}

static void
test_import (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "import", "data", "wb", NULL);
  g_autofree char *data_path = g_build_filename (dir, "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  g_autofree char *meta_path = g_build_filename (dir, "Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  g_autoptr(GFile) data = g_file_new_for_path (data_path);
  g_autoptr(GFile) meta = g_file_new_for_path (meta_path);
  GFile *files[] = { data, meta };
  DsrStore *store = dsr_application_get_store (app);
  g_autofree char *before = dsr_test_digest (store);
  g_autofree char *after_cancel = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  DsrTableItem *item;

  /* Cancel at once: nothing changes. */
  _dsr_window_import_files (window, files, G_N_ELEMENTS (files), NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-import", NULL);
  wait_for_import (window);
  after_cancel = dsr_test_digest (store);
  g_assert_cmpstr (before, ==, after_cancel);

  /* Import: the indicator is shown, with China's observed value. */
  _dsr_window_import_files (window, files, G_N_ELEMENTS (files), NULL);
  wait_for_import (window);
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "IT.NET.USER.ZS");
  act ("view", g_variant_new_string ("table"));
  act ("year", g_variant_new_int32 (2021));
  item = find_item ("CHN", NULL);
  g_assert_nonnull (item);
  /* The file states its vintage ("Last Updated Date") and the bundled series
   * does not (its file's preamble was removed): the dated import supersedes
   * it, with its own source; the paper's average is a series of its own
   * (DSR.PAPER.NET.USER). */
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "30.00");
  g_assert_nonnull (strstr (dsr_table_item_get_source (item), "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv"));
  g_assert_null (find_item ("BRI", "Reported"));

  /* It is remembered, and can be removed. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;

    do
      {
        g_clear_pointer (&entries, g_ptr_array_unref);
        g_main_context_iteration (NULL, FALSE);
        entries = dsr_import_library_list (NULL);
      }
    while ((entries == NULL || entries->len == 0) && g_get_monotonic_time () < deadline);
  }
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (dsr_import_library_remove (((DsrImportEntry *) g_ptr_array_index (entries, 0))->id, NULL));
  dsr_store_remove_import (store, ((DsrImportEntry *) g_ptr_array_index (entries, 0))->id);
  _dsr_window_data_changed (window, "IT.NET.USER.ZS");
  iterate ();
  item = find_item ("CHN", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "73.05");
  act ("view", g_variant_new_string ("bars"));
}

static void
test_export_dialog (void)
{
  DsrWindow *window = get_window ();
  DsrExportDialog *dialog;
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *svg_path = g_build_filename (dir, "figure4.svg", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "figure4.csv", NULL);
  g_autofree char *png_path = g_build_filename (dir, "figure4.png", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "figure4.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  DsrExportOptions options;
  const DsrView *view;
  gsize length;

  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  act ("view", g_variant_new_string ("bars"));
  dialog = _dsr_window_open_export (window);
  iterate ();

  name = dsr_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "Global Cybersecurity Index 2021 (regions).png");

  /* The A4 report preset: 300 dpi. */
  dsr_export_dialog_set_size (dialog, DSR_EXPORT_SIZE_REPORT);
  view = dsr_export_dialog_get_view (dialog, &options);
  g_assert_cmpfloat (options.dpi, ==, 300.0);
  g_assert_cmpint ((int) (view->width * view->scale + 0.5), ==, 3509);

  /* SVG: real text elements. */
  dsr_export_dialog_set_custom_size (dialog, 800, 500);
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_SVG);
  g_assert_true (dsr_export_dialog_export_to (dialog, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_true (strstr (contents, "<svg") != NULL);
  g_assert_true (strstr (contents, ">Europe</text>") != NULL);
  g_clear_pointer (&contents, g_free);

  /* PNG at the custom size. */
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_PNG);
  g_assert_true (dsr_export_dialog_export_to (dialog, png, &error));
  g_assert_true (g_file_get_contents (png_path, &contents, &length, NULL));
  g_assert_true (length > 8 && memcmp (contents, "\x89PNG", 4) == 0);
  g_clear_pointer (&contents, g_free);

  /* CSV: the numbers shown. */
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_CSV);
  g_assert_true (dsr_export_dialog_export_to (dialog, csv, &error));
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "entity_id,entity_name,kind,indicator_id,year,value,measure,basis"));
  g_assert_true (strstr (contents, "bri-continent:europe") != NULL);

  /* The map exports too, through the same dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  act ("view", g_variant_new_string ("map"));
  dialog = _dsr_window_open_export (window);
  dsr_export_dialog_set_custom_size (dialog, 800, 450);
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_SVG);
  g_assert_true (dsr_export_dialog_export_to (dialog, svg, &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
  g_assert_true (strstr (contents, "World average") != NULL);
  act ("view", g_variant_new_string ("bars"));

  /* A folder that does not exist: an error, and nothing written. */
  g_assert_false (dsr_export_dialog_export_to (dialog, bad, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  dsr_test_rm_rf (dir);
}

static void
count_cb (GObject *object,
          GFile   *file,
          guint   *count)
{
  (*count)++;
}

/* Enter exports (the focus is not on Cancel), the file is written by a task
 * while the main loop runs, and the window shows one toast. */
static void
test_export_enter_one_toast (void)
{
  DsrWindow *window = get_window ();
  DsrExportDialog *dialog;
  GtkWidget *focus;
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "figure.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AdwToast) toast = NULL;
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  guint ticks = 0, n_exported = 0;

  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  act ("view", g_variant_new_string ("bars"));

  dialog = g_object_ref (_dsr_window_open_export (window));
  g_signal_connect (dialog, "exported", G_CALLBACK (count_cb), &n_exported);
  iterate ();
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_PNG);
  dsr_export_dialog_set_size (dialog, DSR_EXPORT_SIZE_REPORT); /* a large PNG: 3509 × 2482 */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_false (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "_Cancel") == 0);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) != NULL);

  /* The suggested place: a readable name, in Pictures or the last folder. */
  {
    g_autofree char *name = dsr_export_dialog_suggest_name (dialog);
    g_autoptr(GFile) suggested = dsr_export_dialog_suggest_folder (dialog);

    g_assert_cmpstr (name, ==, "Global Cybersecurity Index 2021 (regions).png");
    g_assert_true (g_file_query_exists (suggested, NULL));
  }
  /* The file chooser is not driven here: Export… writes this file. */
  dsr_export_dialog_set_file (dialog, file);

  /* Enter: the window's activate-default, as the key binding does. */
  g_signal_emit_by_name (dialog, "activate-default");
  /* (A button activated by the keyboard clicks a moment later.) */
  while (!dsr_export_dialog_get_busy (dialog) && n_exported == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  /* The export runs in a task: the main loop keeps running meanwhile. */
  while (n_exported == 0 && g_get_monotonic_time () < deadline)
    {
      gboolean busy = dsr_export_dialog_get_busy (dialog);

      g_main_context_iteration (NULL, !busy);
      if (busy)
        ticks++;
    }
  g_test_message ("%u main loop iterations while exporting", ticks);
  g_assert_false (dsr_export_dialog_get_busy (dialog));
  g_assert_cmpuint (ticks, >, 0);
  g_assert_cmpuint (n_exported, ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  iterate ();

  /* One toast, with the file's name and Show in Folder (no second toast for
   * the folder): what the window's handler of "exported" adds. (libadwaita
   * 1.2 does not show a test the overlay's queue.) */
  toast = dsr_export_toast_new (GTK_WIDGET (window), file);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported “figure.png”");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Show in Folder");

  g_assert_finalize_object (dialog);
  dsr_test_rm_rf (dir);
}

/* The message dialogs open now (on top of the window). */
static GPtrArray *
find_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */
  GPtrArray *dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        g_ptr_array_add (dialogs, g_object_ref (toplevel));
    }
  return dialogs;
}

static void
close_dialogs (void)
{
  g_autoptr(GPtrArray) dialogs = find_dialogs ();

  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (g_ptr_array_index (dialogs, i));
  iterate ();
}

/* All the text a message dialog shows: its body and the details label. */
static char *
dialog_text (AdwMessageDialog *dialog)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  GString *text = g_string_new (adw_message_dialog_get_body (dialog));

  if (GTK_IS_SCROLLED_WINDOW (extra))
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra));

      if (GTK_IS_VIEWPORT (child))
        child = gtk_viewport_get_child (GTK_VIEWPORT (child));
      g_assert_true (GTK_IS_LABEL (child));
      g_string_append_c (text, '\n');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (child)));
    }
  return g_string_free (text, FALSE);
}

/* Takes every remembered import out of the library and the store. */
static void
forget_imports (void)
{
  g_autoptr(GPtrArray) entries = dsr_import_library_list (NULL);
  DsrStore *store = dsr_application_get_store (app);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const DsrImportEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (dsr_import_library_remove (entry->id, NULL));
      dsr_store_remove_import (store, entry->id);
    }
  _dsr_window_data_changed (get_window (), NULL);
  iterate ();
}

/* Waits for the remembering of the last import (it runs on a thread). */
static GPtrArray *
wait_for_entries (guint n)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  GPtrArray *entries = NULL;

  if (n == 0)
    return dsr_import_library_list (NULL);
  do
    {
      g_clear_pointer (&entries, g_ptr_array_unref);
      g_main_context_iteration (NULL, FALSE);
      entries = dsr_import_library_list (NULL);
    }
  while ((entries == NULL || entries->len < n) && g_get_monotonic_time () < deadline);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, n);
  return entries;
}

/* However long the problems' messages and however many, the details text is
 * bounded. */
static void
test_problems_text_bounded (void)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *huge = g_malloc (4 * 1024 * 1024 + 1);
  g_autofree char *text = NULL;

  memset (huge, 'x', 4 * 1024 * 1024);
  huge[4 * 1024 * 1024] = '\0';
  for (guint i = 0; i < 50; i++)
    g_ptr_array_add (errors, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "huge.csv:%u: “%s” is not a year",
                                          i + 2, i % 2 ? huge : "x\ny"));
  /* Invalid UTF-8 and a cut inside a character stay valid text. */
  g_ptr_array_add (errors, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "bad \xff byte"));

  text = _dsr_window_problems_text (errors);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), <, 20 * 1024);
  g_assert_true (g_str_has_suffix (text, "and 31 more"));
  g_assert_true (strstr (text, "huge.csv:21:") != NULL);
  g_assert_true (strstr (text, "huge.csv:22:") == NULL);
  /* One problem a line: line breaks inside a message are spaces. */
  g_assert_true (strstr (text, "“x y”") != NULL);
  g_clear_pointer (&text, g_free);

  g_ptr_array_set_size (errors, 0);
  g_ptr_array_add (errors, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "bad \xff byte"));
  text = _dsr_window_problems_text (errors);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "bad "));
}

/* A data file with a field of 256 KiB, then Details: the dialog shows a
 * bounded text (laying out a 10 MB field froze the window for minutes). */
static void
test_import_details_bounded (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autoptr(GString) contents = g_string_new ("iso3c,Series,ref_year,OBS_VALUE,unit,source\n"
                                              "CHN,DSR.TEST.HUGE,2020,1.5,%,Test\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  gsize total = 0;

  g_string_append (contents, "KAZ,DSR.TEST.HUGE,");
  for (guint i = 0; i < 256 * 1024; i++)
    g_string_append_c (contents, 'x');
  g_string_append (contents, ",2.5,%,Test\n");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (contents, "DEU,DSR.TEST.HUGE,year%u,3.5,%%,Test\n", i);
  path = dsr_test_write_tmp (dir, "huge.csv", contents->str);
  file = g_file_new_for_path (path);

  _dsr_window_import_files (window, &file, 1, NULL);
  wait_for_import (window);
  /* An import with problems: its toast's Details (a failed import: its message). */
  if (window->details_toast != NULL)
    g_signal_emit_by_name (window->details_toast, "button-clicked");
  dialogs = find_dialogs ();
  g_assert_cmpuint (dialogs->len, >, 0);
  for (guint i = 0; i < dialogs->len; i++)
    {
      g_autofree char *text = dialog_text (g_ptr_array_index (dialogs, i));

      total += strlen (text);
    }
  g_test_message ("%s: %u dialog(s), %" G_GSIZE_FORMAT " bytes of text",
                  window->details_toast != NULL ? "Details" : "failed import", dialogs->len, total);
  g_assert_cmpuint (total, <, 20 * 1024);
  iterate (); /* lays the dialogs out: bounded, so it ends */
  close_dialogs ();
  if (window->details_toast != NULL)
    adw_toast_dismiss (window->details_toast);

  g_clear_pointer (&dialogs, g_ptr_array_unref);
  dialogs = wait_for_entries (dsr_store_count_values (dsr_application_get_store (app), "DSR.TEST.HUGE") > 0);
  forget_imports ();
  dsr_test_rm_rf (dir);
}

/* A header the detection does not recognise, with a column name of
 * 100 KiB: the column mapping offers it cut short. */
static void
test_mapping_columns_bounded (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autoptr(GString) contents = g_string_new ("alpha,");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid;
  guint n_drops = 0;

  for (guint i = 0; i < 100 * 1024; i++)
    g_string_append_c (contents, 'b');
  g_string_append (contents, ",gamma\n1,2,3\n");
  path = dsr_test_write_tmp (dir, "columns.csv", contents->str);
  file = g_file_new_for_path (path);

  _dsr_window_import_files (window, &file, 1, NULL);
  wait_for_import (window);
  dialogs = find_dialogs ();
  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  grid = adw_message_dialog_get_extra_child (dialog);
  if (grid == NULL)
    {
      /* A header this long may also be refused outright: then the message is bounded. */
      g_autofree char *text = dialog_text (dialog);

      g_assert_cmpuint (strlen (text), <, 20 * 1024);
    }
  else
    for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        GListModel *model;

        if (!GTK_IS_DROP_DOWN (child))
          continue;
        n_drops++;
        model = gtk_drop_down_get_model (GTK_DROP_DOWN (child));
        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          g_assert_cmpuint (strlen (gtk_string_list_get_string (GTK_STRING_LIST (model), i)), <, 1024);
      }
  g_test_message ("%u drop-downs", n_drops);
  iterate ();
  close_dialogs ();
  dsr_test_rm_rf (dir);
}

/* One file of several rejected: nothing is imported, as on the command line,
 * and the message names the file. */
static void
test_import_all_or_nothing (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "import", "data", "tidy", "tidy-codes.csv", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "import", "data", "malformed",
                                                     "unrecognised.csv", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GFile *files[] = { good, bad };
  DsrStore *store = dsr_application_get_store (app);
  g_autofree char *before = dsr_test_digest (store);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  _dsr_window_import_files (window, files, G_N_ELEMENTS (files), NULL);
  wait_for_import (window);
  after = dsr_test_digest (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (dsr_store_count_values (store, "DSR.TEST.A"), ==, 0);

  dialogs = find_dialogs ();
  g_assert_cmpuint (dialogs->len, ==, 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (g_ptr_array_index (dialogs, 0)), ==, "Import Failed");
  text = dialog_text (g_ptr_array_index (dialogs, 0));
  g_assert_true (strstr (text, "“unrecognised.csv”") != NULL);
  g_assert_true (strstr (text, "tidy-codes.csv") == NULL);
  close_dialogs ();

  /* Nothing remembered either. */
  entries = dsr_import_library_list (NULL);
  g_assert_true (entries == NULL || entries->len == 0);
}

/* The grouping the user chose stays after an import (it has values for the
 * imported indicator too). */
static void
test_import_keeps_grouping (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", "data", "tidy", "tidy-codes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;

  act ("indicator", g_variant_new_string ("IT.NET.USER.ZS"));
  act ("grouping", g_variant_new_string ("bri-continent"));
  g_assert_cmpstr (dsr_window_get_view (window)->grouping_id, ==, "bri-continent");
  _dsr_window_import_files (window, &file, 1, NULL);
  wait_for_import (window);
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.TEST.A");
  g_assert_cmpstr (dsr_window_get_view (window)->grouping_id, ==, "bri-continent");

  entries = wait_for_entries (1);
  forget_imports ();
  act ("grouping", g_variant_new_string ("bri-region"));
}

/* An import with a note only (an empty metadata file beside the data): a
 * toast says it; no problems dialog, no Details. */
static void
test_import_note_is_a_toast (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", "data", "wb-empty-meta",
                                                 "API_DSR.TEST.Z_DS2_en_csv_v2_1.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;

  _dsr_window_import_files (window, &file, 1, NULL);
  wait_for_import (window);
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.TEST.Z");
  dialogs = find_dialogs ();
  g_assert_cmpuint (dialogs->len, ==, 0);
  g_assert_null (window->details_toast);

  entries = wait_for_entries (1);
  forget_imports ();
}

/* dsr-atlas --data FILE with a remembered import: FILE waits for the
 * start-up reload, then both are in the store. */
static void
test_startup_file_waits_for_library (void)
{
  DsrWindow *window = get_window ();
  DsrWindow *second;
  g_autofree char *tidy_path = g_test_build_filename (G_TEST_DIST, "import", "data", "tidy", "tidy-codes.csv", NULL);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "import", "data", "wb", NULL);
  g_autofree char *data_path = g_build_filename (dir, "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  g_autofree char *meta_path = g_build_filename (dir, "Metadata_Country_API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv", NULL);
  g_autoptr(GFile) tidy = g_file_new_for_path (tidy_path);
  g_autoptr(GFile) data = g_file_new_for_path (data_path);
  g_autoptr(GFile) meta = g_file_new_for_path (meta_path);
  GFile *files[] = { data, meta };
  DsrStore *store = dsr_application_get_store (app);
  g_autoptr(GPtrArray) entries = NULL;
  guint bundled = dsr_store_count_values (store, "IT.NET.USER.ZS"); /* the paper's average */

  /* An import remembered by an earlier session: in the library, not yet in the store. */
  _dsr_window_import_files (window, &tidy, 1, NULL);
  wait_for_import (window);
  entries = wait_for_entries (1);
  dsr_store_remove_import (store, ((DsrImportEntry *) g_ptr_array_index (entries, 0))->id);
  _dsr_window_data_changed (window, NULL);
  g_assert_cmpuint (dsr_store_count_values (store, "DSR.TEST.A"), ==, 0);
  g_assert_cmpuint (dsr_store_count_values (store, "IT.NET.USER.ZS"), ==, bundled);

  /* A new window reloads the library; the start-up file is given at once. */
  second = dsr_window_new (app);
  g_assert_true (second->loading_library);
  dsr_window_import_files (second, files, G_N_ELEMENTS (files), NULL);
  wait_for_import (second);
  g_assert_cmpuint (dsr_store_count_values (store, "DSR.TEST.A"), >, 0);
  g_assert_cmpuint (dsr_store_count_values (store, "IT.NET.USER.ZS"), >, bundled);
  g_assert_cmpstr (dsr_window_get_indicator (second), ==, "IT.NET.USER.ZS");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = wait_for_entries (2);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  forget_imports ();
  g_assert_cmpuint (dsr_store_count_values (store, "DSR.TEST.A"), ==, 0);
}

/* Writes @value under @key, as dconf would, bypassing the schema's checks. */
static void
write_raw_setting (const char *key,
                   int         value)
{
  GSettingsBackend *backend = g_settings_backend_get_default ();
  g_autofree char *path = g_strconcat ("/io/github/dsratlas/Atlas/", key, NULL);
  g_autoptr(GVariant) variant = g_variant_ref_sink (g_variant_new_int32 (value));

  g_assert_true (G_SETTINGS_BACKEND_GET_CLASS (backend)->write (backend, path, variant, NULL));
  g_object_unref (backend);
}

/* Out-of-range settings (window-height=-5): no Gtk-CRITICAL (the tests make
 * criticals fatal), a window of a sane size. */
static void
test_settings_out_of_range (void)
{
  DsrWindow *window = get_window ();
  const char *keys[] = { "window-width", "window-height", "year", "play-interval" };
  DsrWindow *second;
  int width, height;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    write_raw_setting (keys[i], -5);
  iterate ();
  second = dsr_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, >=, 360);
  g_assert_cmpint (height, >=, 300);
  g_assert_cmpint (dsr_window_get_year (second), >, 1900);
  g_assert_cmpint (_dsr_window_get_int (second, "play-interval"), >=, 200);
  g_action_group_activate_action (G_ACTION_GROUP (second), "play", NULL);
  iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (second), "play", NULL);
  gtk_window_destroy (GTK_WINDOW (second));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    write_raw_setting (keys[i], 100000);
  second = dsr_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, <=, 16384);
  g_assert_cmpint (height, <=, 16384);
  gtk_window_destroy (GTK_WINDOW (second));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (window->settings, keys[i]);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
}

/* Update Data from the World Bank, against a SoupServer on 127.0.0.1 in this
 * process answering for any code: one page, China and Germany in 2023 (test
 * values, not the World Bank's). */

typedef struct
{
  gboolean slow;        /* keep the data requests waiting */
  guint    n_waiting;
} UpdateServer;

static void
update_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  UpdateServer *us = user_data;
  g_autofree char *body = NULL;

  if (g_str_has_prefix (path, "/v2/indicator/"))
    body = g_strdup_printf ("[{\"page\":1,\"pages\":1,\"per_page\":\"50\",\"total\":1},[{\"id\":\"%s\","
                            "\"name\":\"Test series %s (%% of population)\",\"unit\":\"\",\"sourceNote\":\"\","
                            "\"sourceOrganization\":\"Test\",\"topics\":[]}]]",
                            path + strlen ("/v2/indicator/"), path + strlen ("/v2/indicator/"));
  else if (g_str_has_prefix (path, "/v2/country/all/indicator/"))
    {
      const char *code = path + strlen ("/v2/country/all/indicator/");

      if (us->slow)
        {
          soup_server_message_pause (msg);
          us->n_waiting++;
          return;
        }
      body = g_strdup_printf ("[{\"page\":1,\"pages\":1,\"per_page\":20000,\"total\":2,\"sourceid\":\"2\","
                              "\"lastupdated\":\"2026-07-01\"},["
                              "{\"indicator\":{\"id\":\"%s\",\"value\":\"x\"},\"country\":{\"id\":\"CN\","
                              "\"value\":\"China\"},\"countryiso3code\":\"CHN\",\"date\":\"2023\",\"value\":41.5},"
                              "{\"indicator\":{\"id\":\"%s\",\"value\":\"x\"},\"country\":{\"id\":\"DE\","
                              "\"value\":\"Germany\"},\"countryiso3code\":\"DEU\",\"date\":\"2023\",\"value\":42.5}]]",
                              code, code);
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
test_update_world_bank (void)
{
  DsrWindow *window = get_window ();
  DsrStore *store = dsr_application_get_store (app);
  UpdateServer us = { 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *base = NULL;
  g_autofree char *before = dsr_test_digest (store);
  g_autofree char *after_cancel = NULL;
  GSList *uris;
  DsrObservation obs;

  soup_server_add_handler (server, NULL, update_handler, &us, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_setenv (DSR_WB_API_BASE_ENV, base, TRUE);

  /* Cancel while the server keeps it waiting: nothing changes. */
  us.slow = TRUE;
  act ("update-world-bank", NULL);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "update-world-bank"));
  while (us.n_waiting == 0)
    g_main_context_iteration (NULL, TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "cancel-import", NULL);
  wait_for_import (window);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "update-world-bank"));
  after_cancel = dsr_test_digest (store);
  g_assert_cmpstr (before, ==, after_cancel);

  /* The update: the five bundled WDI indicators, with the new vintage;
   * the window shows the first. */
  us.slow = FALSE;
  act ("update-world-bank", NULL);
  wait_for_import (window);
  for (const char * const *code = dsr_wb_update_default_codes (); *code != NULL; code++)
    {
      g_assert_cmpstr (dsr_indicator_get_vintage (dsr_store_get_indicator (store, *code)), ==, "2026-07-01");
      g_assert_true (dsr_store_lookup (store, *code, "CHN", 2023, &obs));
      g_assert_cmpfloat (obs.value, ==, 41.5);
    }
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "IT.NET.USER.ZS");

  /* Remembered for the next start; then removed again. */
  {
    gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;

    do
      {
        g_clear_pointer (&entries, g_ptr_array_unref);
        g_main_context_iteration (NULL, FALSE);
        entries = dsr_import_library_list (NULL);
      }
    while ((entries == NULL || entries->len == 0) && g_get_monotonic_time () < deadline);
  }
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (g_strv_length (((DsrImportEntry *) g_ptr_array_index (entries, 0))->indicators), ==, 5);
  g_assert_true (dsr_import_library_remove (((DsrImportEntry *) g_ptr_array_index (entries, 0))->id, NULL));
  dsr_store_remove_import (store, ((DsrImportEntry *) g_ptr_array_index (entries, 0))->id);
  _dsr_window_data_changed (window, NULL);
  iterate ();
  g_unsetenv (DSR_WB_API_BASE_ENV);
  soup_server_disconnect (server);
  iterate ();
}

static void
activate_cb (GApplication *application)
{
  g_application_hold (application);
  iterate ();
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (get_window ()));
  g_application_release (application);
  g_application_quit (application);
}

/* A window closed, then the summary's setting changed (by another window,
 * or dconf): nothing of the closed window hears of it. Once, the setting's
 * action outlived the window's action group and the change reached the
 * freed group (a critical, then a crash). */
static void
test_setting_after_close (void)
{
  DsrWindow *second = dsr_window_new (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gboolean shown = g_settings_get_boolean (settings, "show-summary");

  gtk_window_present (GTK_WINDOW (second));
  iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (second), "show-summary", NULL);
  g_assert_cmpint (g_settings_get_boolean (settings, "show-summary"), ==, !shown);
  /* At once, before the main loop runs again (as the next window's set-up does). */
  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_set_boolean (settings, "show-summary", shown);
  g_settings_set_boolean (settings, "show-summary", !shown);
  iterate ();
  /* The window still open follows the setting. */
  g_assert_cmpint (dsr_summary_bar_get_revealed (get_window ()->summary_bar), ==, !shown);
  g_settings_set_boolean (settings, "show-summary", shown);
}

/* Each test on a window of its own, opened as at a first start: the tests
 * do not depend on each other's order. */
static void
fresh_window_setup (gpointer      fixture,
                    gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GtkWindow *old;
  DsrWindow *window;

  while ((old = gtk_application_get_active_window (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (old);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  window = dsr_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_true (get_window () == window);
}

static void
run_window_test (gpointer      fixture,
                 gconstpointer data)
{
  ((GTestFunc) data) ();
}

static void
add_window_test (const char *path,
                 GTestFunc   func)
{
  g_test_add_vtable (path, 0, func, fresh_window_setup, run_window_test, NULL);
}

/* The sidebar lists what has data, with its years and economies; the
 * indicators without values come last, under "Needs data" with Import. */
static void
test_sidebar_needs_data (void)
{
  DsrWindow *window = get_window ();
  gboolean seen_needs_data = FALSE, seen_internet = FALSE, seen_account = FALSE;
  GtkWidget *header_of_account = NULL;

  GListModel *model = dsr_sidebar_get_indicator_model (window->sidebar);
  GtkListBox *list = dsr_sidebar_get_indicator_list (window->sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (model, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);
      const char *id, *subtitle;
      gboolean has_data;

      g_assert_nonnull (row);
      id = dsr_indicator_get_id (indicator);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      has_data = dsr_store_count_values (window->store, id) > 0;
      g_assert_true (dsr_sidebar_row_needs_data (window->sidebar, i) == !has_data);

      /* Every row with data comes before every row without. */
      g_assert_false (has_data && seen_needs_data);
      if (!has_data && !seen_needs_data)
        {
          GtkWidget *header = gtk_list_box_row_get_header (row);
          GtkWidget *button;

          seen_needs_data = TRUE;
          g_assert_nonnull (header);
          g_assert_cmpstr (gtk_widget_get_name (header), ==, "needs-data");
          button = gtk_widget_get_last_child (header);
          g_assert_true (GTK_IS_BUTTON (button));
          g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import");
        }
      if (g_str_equal (id, "IT.NET.USER.ZS"))
        {
          seen_internet = TRUE;
          /* Its real range and how many economies have values. */
          g_assert_cmpstr (subtitle, ==, "% of population · 1960 … 2023 · 213 economies");
        }
      if (g_str_equal (id, "FX.OWN.TOTL.ZS"))
        {
          seen_account = TRUE;
          header_of_account = gtk_list_box_row_get_header (row);
          g_assert_false (has_data);
          g_assert_true (strstr (subtitle, "no data yet") != NULL);
        }
    }
  g_assert_true (seen_internet);
  g_assert_true (seen_account);
  g_assert_true (seen_needs_data);
  (void) header_of_account;
}

/* The subtitle of the About Data row with @title, under @widget; NULL when none. */
static const char *
find_about_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_about_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* About Data names each bundled series' source, vintage and licence, and
 * the paper's figure beside it. */
static void
test_about_data_sources (void)
{
  DsrWindow *window = get_window ();
  GtkWidget *page = GTK_WIDGET (window->about_page);

  act ("view", g_variant_new_string ("about"));
  act ("indicator", g_variant_new_string ("IT.NET.BBND.P2"));
  g_assert_cmpstr (find_about_row (page, "Vintage"), ==, "2025-01-28");
  g_assert_cmpstr (find_about_row (page, "Licence"), ==, "World Bank WDI: CC BY 4.0");
  g_assert_cmpstr (find_about_row (page, "Source"), ==, "World Bank WDI (ITU), updated 2025-01-28");

  act ("indicator", g_variant_new_string ("ITU.GCI.2020"));
  g_assert_cmpstr (find_about_row (page, "Licence"), ==,
                   "ITU: non-commercial use with credit (CC BY-NC-SA 3.0 IGO)");
  g_assert_cmpstr (find_about_row (page, "As printed in the paper"), ==, "Global Cybersecurity Index");

  /* No country data to ship: it says so. */
  act ("indicator", g_variant_new_string ("FX.OWN.TOTL.ZS"));
  g_assert_cmpstr (find_about_row (page, "Years with data"), ==, "None yet: import a file");
  g_assert_null (find_about_row (page, "Vintage"));
  act ("view", g_variant_new_string ("bars"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DsrStore) store = NULL;
  char *app_argv[] = { argv[0], NULL };
  g_autofree char *data_home = NULL;

  dsr_test_init_gui (&argc, &argv);
  /* The update test's server is on 127.0.0.1: no system proxy settings. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* Remembered imports go to a directory of this test's own. */
  data_home = dsr_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  store = dsr_test_load_bundled ();

  add_window_test ("/window/opens-on-figure4", test_opens_on_figure4);
  add_window_test ("/window/indicator-and-year", test_indicator_and_year);
  add_window_test ("/window/trend", test_trend_view);
  add_window_test ("/window/empty-year-and-nearest", test_empty_year_and_nearest);
  add_window_test ("/window/grouping-regions-compare", test_grouping_regions_compare);
  add_window_test ("/window/shared-selection", test_shared_selection);
  add_window_test ("/window/play", test_play);
  add_window_test ("/window/scatter", test_scatter_view);
  add_window_test ("/window/handout", test_handout);
  add_window_test ("/window/presentation", test_presentation);
  add_window_test ("/window/sidebar-and-timeline", test_sidebar_and_timeline);
  add_window_test ("/window/sidebar-folds", test_sidebar_folds);
  add_window_test ("/window/settings-round-trip", test_settings_round_trip);
  add_window_test ("/window/map", test_map_view);
  add_window_test ("/window/summary-bar", test_summary_bar);
  add_window_test ("/window/setting-after-close", test_setting_after_close);
  add_window_test ("/window/export-dialog", test_export_dialog);
  add_window_test ("/window/export-enter-one-toast", test_export_enter_one_toast);
  add_window_test ("/window/import", test_import);
  add_window_test ("/window/problems-text-bounded", test_problems_text_bounded);
  add_window_test ("/window/import-details-bounded", test_import_details_bounded);
  add_window_test ("/window/mapping-columns-bounded", test_mapping_columns_bounded);
  add_window_test ("/window/import-all-or-nothing", test_import_all_or_nothing);
  add_window_test ("/window/import-keeps-grouping", test_import_keeps_grouping);
  add_window_test ("/window/import-note-is-a-toast", test_import_note_is_a_toast);
  add_window_test ("/window/startup-file-waits-for-library", test_startup_file_waits_for_library);
  add_window_test ("/window/settings-out-of-range", test_settings_out_of_range);
  add_window_test ("/window/update-world-bank", test_update_world_bank);
  add_window_test ("/window/sidebar-needs-data", test_sidebar_needs_data);
  add_window_test ("/window/about-data-sources", test_about_data_sources);

  app = dsr_application_new (store, NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  dsr_test_rm_rf (data_home);

  return status;
}
