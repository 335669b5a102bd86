/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dsr-about-page.h"
#include "dsr-sidebar.h"
#include "dsr-summary-bar.h"
#include "dsr-test-utils.h"
#include "dsr-timeline.h"

/* The window's widgets, each alone under Xvfb (the libadwaita tests' way):
 * built, driven through their properties and actions, and finalized. */

GResource *dsr_ui_get_resource (void);

static GArray *
years_of (const int *values,
          guint      n)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_append_vals (years, values, n);
  return years;
}

static void
year_notified_cb (DsrTimeline *timeline,
                  GParamSpec  *pspec,
                  GArray      *seen)
{
  int year = dsr_timeline_get_year (timeline);

  g_array_append_val (seen, year);
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The timeline's Play button: its template's first button. */
static GtkButton *
find_play_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_play_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_timeline_years (void)
{
  DsrTimeline *timeline = g_object_ref_sink (DSR_TIMELINE (dsr_timeline_new ()));
  const int values[] = { 2012, 2015, 2018 };
  g_autoptr(GArray) years = years_of (values, G_N_ELEMENTS (values));
  g_autoptr(GArray) read = NULL;

  /* The years with data are kept (marked) and the slider spans the range given. */
  dsr_timeline_set_years (timeline, years, 2010, 2020);
  g_object_get (timeline, "years", &read, NULL);
  g_assert_cmpuint (read->len, ==, 3);
  for (guint i = 0; i < read->len; i++)
    g_assert_cmpint (g_array_index (read, int, i), ==, values[i]);
  g_assert_cmpint (dsr_timeline_get_first (timeline), ==, 2010);
  g_assert_cmpint (dsr_timeline_get_last (timeline), ==, 2020);

  /* Without a range: the years' own ends. */
  g_object_set (timeline, "years", years, NULL);
  g_assert_cmpint (dsr_timeline_get_first (timeline), ==, 2012);
  g_assert_cmpint (dsr_timeline_get_last (timeline), ==, 2018);

  g_object_set (timeline, "year", 2015, NULL);
  g_assert_cmpint (dsr_timeline_get_year (timeline), ==, 2015);

  /* One year: nothing to play. */
  g_array_set_size (years, 1);
  dsr_timeline_set_years (timeline, years, 0, 0);
  dsr_timeline_set_playing (timeline, TRUE);
  g_assert_false (dsr_timeline_get_playing (timeline));

  g_assert_finalize_object (timeline);
}

static void
test_timeline_play_pause (void)
{
  DsrTimeline *timeline = g_object_ref_sink (DSR_TIMELINE (dsr_timeline_new ()));
  const int values[] = { 2012, 2015, 2018 };
  g_autoptr(GArray) years = years_of (values, G_N_ELEMENTS (values));
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (int));
  GtkButton *play = find_play_button (GTK_WIDGET (timeline));
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC; /* against a hang only */
  gulong handler;
  int stopped_at;

  g_assert_nonnull (play);
  dsr_timeline_set_years (timeline, years, 2010, 2020);
  dsr_timeline_set_year (timeline, 2012);
  g_object_set (timeline, "speed", 50, NULL);
  g_assert_cmpint (dsr_timeline_get_speed (timeline), ==, 50);
  g_assert_cmpstr (gtk_button_get_icon_name (play), ==, "media-playback-start-symbolic");

  /* Play (its button's action): a pause state, and only the years with data, round again. */
  handler = g_signal_connect (timeline, "notify::year", G_CALLBACK (year_notified_cb), seen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.play", NULL));
  g_assert_true (dsr_timeline_get_playing (timeline));
  g_assert_cmpstr (gtk_button_get_icon_name (play), ==, "media-playback-pause-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (play)), ==, "Pause");
  while (seen->len < 4 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (seen->len, >=, 4);
  g_assert_cmpint (g_array_index (seen, int, 0), ==, 2015);
  g_assert_cmpint (g_array_index (seen, int, 1), ==, 2018);
  g_assert_cmpint (g_array_index (seen, int, 2), ==, 2012);
  g_assert_cmpint (g_array_index (seen, int, 3), ==, 2015);

  /* Pause: it stays where it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.play", NULL));
  g_assert_false (dsr_timeline_get_playing (timeline));
  g_assert_cmpstr (gtk_button_get_icon_name (play), ==, "media-playback-start-symbolic");
  stopped_at = dsr_timeline_get_year (timeline);
  g_array_set_size (seen, 0);
  run_for (300);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_cmpint (dsr_timeline_get_year (timeline), ==, stopped_at);

  /* From a year without data: on to the next year with data. */
  dsr_timeline_set_year (timeline, 2016);
  g_array_set_size (seen, 0);
  dsr_timeline_set_playing (timeline, TRUE);
  while (seen->len < 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_array_index (seen, int, 0), ==, 2018);
  g_signal_handler_disconnect (timeline, handler);

  /* Disposed while playing: its timer goes with it. */
  g_assert_finalize_object (timeline);
  run_for (100);
}

static void
test_sidebar_search (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  DsrSidebar *sidebar = g_object_ref_sink (DSR_SIDEBAR (dsr_sidebar_new ()));
  GListModel *model = dsr_sidebar_get_indicator_model (sidebar);
  GtkListBox *list = dsr_sidebar_get_indicator_list (sidebar);
  guint n_all = g_list_model_get_n_items (dsr_store_get_indicators (store));
  guint n_found;
  GtkListBoxRow *row;
  g_autoptr(DsrIndicator) second = NULL;
  gboolean seen_needs_data = FALSE;

  g_object_set (sidebar, "store", store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, (int) n_all - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) n_all));

  /* The indicators with data first, those without under "Needs data" last. */
  for (guint i = 0; i < n_all; i++)
    {
      gboolean needs_data = dsr_sidebar_row_needs_data (sidebar, i);

      g_assert_false (seen_needs_data && !needs_data);
      seen_needs_data |= needs_data;
    }
  g_assert_true (seen_needs_data);

  /* The selected indicator's row is selected. */
  dsr_sidebar_set_indicator (sidebar, "IT.NET.USER.ZS");
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);
  {
    g_autoptr(DsrIndicator) selected = g_list_model_get_item (model, (guint) gtk_list_box_row_get_index (row));

    g_assert_cmpstr (dsr_indicator_get_id (selected), ==, "IT.NET.USER.ZS");
  }

  /* The search: name, id or unit, any case. */
  dsr_sidebar_set_search (sidebar, "INTERNET");
  n_found = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, <, n_all);
  for (guint i = 0; i < n_found; i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (model, i);
      g_autofree char *text = g_strjoin (" ", dsr_indicator_get_name (indicator), dsr_indicator_get_id (indicator),
                                         dsr_indicator_get_unit (indicator), NULL);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      g_assert_nonnull (strstr (folded, "internet"));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) n_found));
  dsr_sidebar_set_search (sidebar, "IT.NET.BBND");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  dsr_sidebar_set_search (sidebar, "no indicator is called this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  dsr_sidebar_set_search (sidebar, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
  /* The selection comes back with the row. */
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);

  /* A click on a row picks its indicator. */
  second = g_list_model_get_item (model, 1);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (dsr_sidebar_get_indicator (sidebar), ==, dsr_indicator_get_id (second));

  g_assert_finalize_object (sidebar);
}

/* A long grouping name imported later does not widen the sidebar. */
static void
test_sidebar_width (void)
{
  DsrSidebar *sidebar = g_object_ref_sink (DSR_SIDEBAR (dsr_sidebar_new ()));
  GtkDropDown *dropdown = dsr_sidebar_get_grouping_dropdown (sidebar);
  g_autoptr(GListStore) groupings = g_list_store_new (DSR_TYPE_GROUPING);
  g_autoptr(DsrGrouping) short_name = dsr_grouping_new ("short", "By continent", "");
  g_autoptr(GString) name = g_string_new ("Heavily indebted poor countries");
  g_autoptr(DsrGrouping) long_name = NULL;
  int min_before, nat_before, min_after, nat_after;

  for (int i = 0; i < 8; i++)
    g_string_append (name, " and other groups of the World Bank");
  long_name = dsr_grouping_new ("long", name->str, "");
  g_list_store_append (groupings, short_name);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (groupings));
  gtk_widget_measure (GTK_WIDGET (sidebar), GTK_ORIENTATION_HORIZONTAL, -1, &min_before, &nat_before, NULL, NULL);
  g_assert_cmpint (min_before, <=, 340);

  g_list_store_append (groupings, long_name);
  gtk_drop_down_set_selected (dropdown, 1);
  gtk_widget_measure (GTK_WIDGET (sidebar), GTK_ORIENTATION_HORIZONTAL, -1, &min_after, &nat_after, NULL, NULL);
  g_assert_cmpint (min_after, ==, min_before);
  g_assert_cmpint (nat_after, ==, nat_before);

  g_assert_finalize_object (sidebar);
}

/* The subtitle of the row with @title, under @widget; NULL when none. */
static const char *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_about_page (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  DsrAboutPage *page = g_object_ref_sink (DSR_ABOUT_PAGE (dsr_about_page_new ()));
  g_autoptr(DsrView) view = dsr_view_new ();

  view->indicator_id = g_strdup ("IT.NET.BBND.P2");
  view->year = 2021;
  dsr_about_page_refresh (page, store, view);
  g_assert_cmpstr (find_row (GTK_WIDGET (page), "Vintage"), ==, "2025-01-28");
  g_assert_cmpstr (find_row (GTK_WIDGET (page), "Identifier"), ==, "IT.NET.BBND.P2");
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Citation"));

  /* Another indicator replaces the rows; an unknown one leaves the page empty. */
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("FX.OWN.TOTL.ZS");
  dsr_about_page_refresh (page, store, view);
  g_assert_cmpstr (find_row (GTK_WIDGET (page), "Years with data"), ==, "None yet: import a file");
  g_assert_null (find_row (GTK_WIDGET (page), "Vintage"));
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("NO.SUCH.INDICATOR");
  dsr_about_page_refresh (page, store, view);
  g_assert_null (find_row (GTK_WIDGET (page), "Identifier"));

  g_assert_finalize_object (page);
}

/* The summary's width does not depend on the height it is given: a
 * wrapping label asked for its width at a height bisects over widths,
 * laying its text out at each (hundreds of layouts in a frame of Play,
 * issue 15), so the bar asks its label for widths without a height. Its
 * height for a width wraps the text as before. */
static void
test_summary_bar_measure (void)
{
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  DsrSummaryBar *bar = g_object_ref_sink (DSR_SUMMARY_BAR (dsr_summary_bar_new ()));
  g_autoptr(DsrView) view = dsr_view_new ();
  int min_free, nat_free, min_at, nat_at, narrow, wide;

  view->kind = DSR_VIEW_MAP;
  view->indicator_id = g_strdup ("IT.NET.USER.ZS");
  view->year = 2021;
  dsr_summary_bar_set_view (bar, store, view);
  g_assert_cmpuint (strlen (dsr_summary_bar_get_text (bar)), >, 150);

  gtk_widget_measure (GTK_WIDGET (bar), GTK_ORIENTATION_HORIZONTAL, -1, &min_free, &nat_free, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (bar), GTK_ORIENTATION_HORIZONTAL, 60, &min_at, &nat_at, NULL, NULL);
  g_assert_cmpint (min_at, ==, min_free);
  g_assert_cmpint (nat_at, ==, nat_free);
  g_assert_cmpint (min_free, <, nat_free);
  g_assert_cmpint (gtk_widget_get_request_mode (GTK_WIDGET (bar)), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (GTK_WIDGET (bar), GTK_ORIENTATION_VERTICAL, 300, &narrow, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (bar), GTK_ORIENTATION_VERTICAL, 3000, &wide, NULL, NULL, NULL);
  g_assert_cmpint (narrow, >, wide);

  g_assert_finalize_object (bar);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init_gui (&argc, &argv);
  gtk_init ();
  adw_init ();
  /* The templates (referred to, so that the linker keeps the resource). */
  g_assert_nonnull (dsr_ui_get_resource ());

  g_test_add_func ("/timeline/years", test_timeline_years);
  g_test_add_func ("/timeline/play-pause", test_timeline_play_pause);
  g_test_add_func ("/sidebar/search", test_sidebar_search);
  g_test_add_func ("/sidebar/width", test_sidebar_width);
  g_test_add_func ("/about-page/rows", test_about_page);
  g_test_add_func ("/summary-bar/measure", test_summary_bar_measure);
  return g_test_run ();
}
