/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dsr-application.h"
#include "dsr-chart-view.h"
#include "dsr-map-view.h"
#include "dsr-table-item.h"
#include "dsr-test-utils.h"
#include "dsr-window.h"
#include "dsr-window-private.h"
#include "dsr-import-library.h"

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

  /* Screen readers get the values. */
  description = dsr_chart_view_describe (bars);
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

  act ("select", g_variant_new_string ("bri-continent:asia"));
  g_assert_cmpstr (dsr_window_get_selected (window), ==, "bri-continent:asia");
  g_assert_cmpstr (dsr_chart_view_get_selected (bars), ==, "bri-continent:asia");
  g_assert_cmpstr (dsr_chart_view_get_selected (trend), ==, "bri-continent:asia");
  act ("select", g_variant_new_string (""));
  g_assert_null (dsr_window_get_selected (window));
}

static void
test_play (void)
{
  DsrWindow *window = get_window ();
  GMainContext *context = g_main_context_default ();
  gint64 deadline;

  act ("indicator", g_variant_new_string ("DSR.DDS.EXP"));
  act ("year", g_variant_new_int32 (2020));
  act ("play", NULL);
  g_assert_true (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window), "play")));
  /* Normal speed: one year a second. Wait for 2021, then the wrap to 2012. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (dsr_window_get_year (window) != 2012 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpint (dsr_window_get_year (window), ==, 2012);
  act ("play", NULL);
  g_assert_false (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window), "play")));
}

static void
test_presentation (void)
{
  DsrWindow *window = get_window ();

  act ("presentation", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_true (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                          "presentation")));
  act ("leave-presentation", NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_false (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                           "presentation")));
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

static void
test_map_view (void)
{
  DsrWindow *window = get_window ();
  DsrMapView *map = DSR_MAP_VIEW (dsr_window_get_chart (window, DSR_VIEW_MAP));
  const DsrMapLayout *layout;
  const DsrMapHit *kazakhstan;
  const char *id;
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
  id = dsr_map_view_activate_at (map, x, y);
  g_assert_cmpstr (id, ==, "bri-continent:asia");
  iterate ();
  g_assert_cmpstr (dsr_window_get_selected (window), ==, "bri-continent:asia");
  g_assert_cmpstr (dsr_map_view_get_selected (map), ==, "bri-continent:asia");

  /* Zoom in, then back to the whole world. */
  dsr_map_view_zoom_at (map, 4.0, x, y);
  g_assert_cmpfloat (dsr_map_view_get_zoom (map), >, 3.9);
  dsr_map_view_reset_zoom (map);
  g_assert_cmpfloat (dsr_map_view_get_zoom (map), ==, 1.0);

  description = dsr_map_view_describe (map);
  g_assert_true (strstr (description, "Europe: 82.44") != NULL);
  act ("select", g_variant_new_string (""));
  act ("view", g_variant_new_string ("bars"));
}

static void
wait_for_import (DsrWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import") == FALSE
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
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
  /* The bundled World Bank value is kept (the import does not write over
   * it); the paper's average is a series of its own (DSR.PAPER.NET.USER). */
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "73.05");
  g_assert_null (find_item ("BRI", "Reported"));

  /* It is remembered, and can be removed. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

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
  g_assert_cmpstr (name, ==, "DSR.GCI.SCORE-bars-2021.png");

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
  g_assert_true (g_str_has_prefix (contents, "entity_id,entity_name,kind,indicator_id,year,value,basis"));
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
activate_cb (GApplication *application)
{
  iterate ();
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (get_window ()));
  g_application_quit (application);
}

/* The sidebar lists what has data, with its years and economies; the
 * indicators without values come last, under "Needs data" with Import. */
static void
test_sidebar_needs_data (void)
{
  DsrWindow *window = get_window ();
  gboolean seen_needs_data = FALSE, seen_internet = FALSE, seen_account = FALSE;
  GtkWidget *header_of_account = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->indicator_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      DsrIndicator *indicator = g_object_get_data (G_OBJECT (row), "indicator");
      const char *id, *subtitle;
      gboolean has_data;

      if (indicator == NULL)  /* the list's placeholder */
        continue;
      id = dsr_indicator_get_id (indicator);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      has_data = dsr_store_count_values (window->store, id) > 0;

      /* Every row with data comes before every row without. */
      g_assert_false (has_data && seen_needs_data);
      if (!has_data && !seen_needs_data)
        {
          GtkWidget *header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));
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
          header_of_account = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));
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
  /* Remembered imports go to a directory of this test's own. */
  data_home = dsr_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  store = dsr_test_load_bundled ();

  g_test_add_func ("/window/opens-on-figure4", test_opens_on_figure4);
  g_test_add_func ("/window/indicator-and-year", test_indicator_and_year);
  g_test_add_func ("/window/trend", test_trend_view);
  g_test_add_func ("/window/empty-year-and-nearest", test_empty_year_and_nearest);
  g_test_add_func ("/window/grouping-regions-compare", test_grouping_regions_compare);
  g_test_add_func ("/window/shared-selection", test_shared_selection);
  g_test_add_func ("/window/play", test_play);
  g_test_add_func ("/window/presentation", test_presentation);
  g_test_add_func ("/window/settings-round-trip", test_settings_round_trip);
  g_test_add_func ("/window/map", test_map_view);
  g_test_add_func ("/window/export-dialog", test_export_dialog);
  g_test_add_func ("/window/import", test_import);
  g_test_add_func ("/window/sidebar-needs-data", test_sidebar_needs_data);
  g_test_add_func ("/window/about-data-sources", test_about_data_sources);

  app = dsr_application_new (store, NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  dsr_test_rm_rf (data_home);

  return status;
}
