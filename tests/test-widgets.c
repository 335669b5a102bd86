/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dsr-about-page.h"
#include "dsr-chart-view.h"
#include "dsr-map-summary.h"
#include "dsr-map-view.h"
#include "dsr-region-item.h"
#include "dsr-scatter-view.h"
#include "dsr-sidebar.h"
#include "dsr-summary.h"
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

/* The first widget of @type under @widget (itself included), depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The timeline's Play button: its template's first button. */
#define find_play_button(widget) GTK_BUTTON (find_descendant ((widget), GTK_TYPE_BUTTON))

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

/* The first check button inside @widget. */
#define find_check_button(widget) GTK_CHECK_BUTTON (find_descendant ((widget), GTK_TYPE_CHECK_BUTTON))

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The region list is bound to a model of DsrRegionItem: each row's check box
 * and its item agree both ways, and "regions" follows the user's clicks. */
static void
test_sidebar_regions (void)
{
  DsrSidebar *sidebar = g_object_ref_sink (DSR_SIDEBAR (dsr_sidebar_new ()));
  g_autoptr(DsrGrouping) grouping = dsr_grouping_new ("g", "Test grouping", "");
  GListModel *model = dsr_sidebar_get_region_model (sidebar);
  GtkListBox *list = NULL;
  const char * const shown[] = { "a", "c", NULL };
  g_autoptr(DsrRegionItem) first = NULL;
  g_autoptr(DsrRegionItem) second = NULL;
  GtkCheckButton *first_check, *second_check;
  guint notified = 0;
  g_auto(GStrv) regions = NULL;

  g_assert_nonnull (dsr_grouping_add_region (grouping, "a", "Alpha & Beta", NULL));
  g_assert_nonnull (dsr_grouping_add_region (grouping, "b", "Bravo", NULL));
  g_assert_nonnull (dsr_grouping_add_region (grouping, "c", "Charlie", NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "a", "CHN", 0, 0, NULL));
  g_assert_true (dsr_grouping_add_member (grouping, "a", "IND", 0, 0, NULL));
  g_signal_connect (sidebar, "notify::regions", G_CALLBACK (count_notify_cb), &notified);

  dsr_sidebar_set_regions (sidebar, grouping, shown);
  g_assert_cmpuint (notified, ==, 0); /* set by the caller: not news to it */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (dsr_region_item_get_name (first), ==, "Alpha & Beta");
  g_assert_cmpuint (dsr_region_item_get_n_members (first), ==, 2);
  g_assert_true (dsr_region_item_get_shown (first));
  g_assert_false (dsr_region_item_get_shown (second));

  /* The rows are the model's: one per item, their check boxes bound. */
  g_object_get (sidebar, "regions", &regions, NULL);
  g_assert_cmpstrv (regions, shown);
  g_clear_pointer (&regions, g_strfreev);
  /* The list box holding the rows: the first check box's (the sidebar has no other). */
  list = GTK_LIST_BOX (gtk_widget_get_ancestor (GTK_WIDGET (find_check_button (GTK_WIDGET (sidebar))),
                                                GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  first_check = find_check_button (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  second_check = find_check_button (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_true (gtk_check_button_get_active (first_check));
  g_assert_false (gtk_check_button_get_active (second_check));

  /* A click: the item follows, "regions" is notified once, all are shown. */
  gtk_check_button_set_active (second_check, TRUE);
  g_assert_true (dsr_region_item_get_shown (second));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (dsr_sidebar_dup_regions (sidebar));

  /* The item changed: the check box follows. */
  dsr_region_item_set_shown (first, FALSE);
  g_assert_false (gtk_check_button_get_active (first_check));
  g_assert_cmpuint (notified, ==, 2);
  regions = dsr_sidebar_dup_regions (sidebar);
  g_assert_cmpstrv (regions, ((const char * const[]) { "b", "c", NULL }));

  /* No grouping: no rows. */
  dsr_sidebar_set_regions (sidebar, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpuint (notified, ==, 2);

  g_signal_handlers_disconnect_by_func (sidebar, count_notify_cb, &notified);
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

/* The figures: DsrFigureView's properties, and what each subclass adds. */

static const char *const figure_properties[] = { "store", "view", "selected", "font-scale" };

/* Counts the notifications of each of figure_properties. */
static void
figure_notified_cb (GObject    *object,
                    GParamSpec *pspec,
                    guint      *counts)
{
  for (guint i = 0; i < G_N_ELEMENTS (figure_properties); i++)
    if (g_str_equal (pspec->name, figure_properties[i]))
      counts[i]++;
}

static void
assert_counts (const guint *counts,
               guint        store,
               guint        view,
               guint        selected,
               guint        font_scale)
{
  g_assert_cmpuint (counts[0], ==, store);
  g_assert_cmpuint (counts[1], ==, view);
  g_assert_cmpuint (counts[2], ==, selected);
  g_assert_cmpuint (counts[3], ==, font_scale);
}

static void
entity_activated_cb (DsrFigureView *figure,
                     const char    *entity_id,
                     char         **out)
{
  g_free (*out);
  *out = g_strdup (entity_id ? entity_id : "(none)");
}

/* A point over an entity of the last frame (the center of a bar, a dot or Kazakhstan). */
static void
find_entity_point (DsrFigureView *figure,
                   double        *x,
                   double        *y)
{
  GArray *hits = NULL;

  if (DSR_IS_MAP_VIEW (figure))
    {
      const DsrMapHit *hit = dsr_map_layout_find (dsr_map_view_get_layout (DSR_MAP_VIEW (figure)), 398);

      g_assert_nonnull (hit);
      *x = hit->box.x + hit->box.width / 2;
      *y = hit->box.y + hit->box.height / 2;
      return;
    }
  if (DSR_IS_CHART_VIEW (figure))
    hits = dsr_chart_view_get_layout (DSR_CHART_VIEW (figure))->hits;
  else
    hits = dsr_scatter_view_get_layout (DSR_SCATTER_VIEW (figure))->hits;
  for (guint i = 0; i < hits->len; i++)
    {
      const DsrHitRegion *hit = &g_array_index (hits, DsrHitRegion, i);

      if (hit->entity_id != NULL && hit->name != NULL && hit->rect.width >= 2 && hit->rect.height >= 2)
        {
          *x = hit->rect.x + hit->rect.width / 2;
          *y = hit->rect.y + hit->rect.height / 2;
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_figure_view (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(DsrStore) store = dsr_test_load_bundled ();
  DsrFigureView *figure = g_object_ref_sink (g_object_new (type, NULL));
  GtkWidget *window;
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autoptr(DsrView) same = NULL;
  g_autoptr(DsrView) read_view = NULL;
  g_autoptr(DsrStore) read_store = NULL;
  g_autofree char *read_selected = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *activated = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *mismatch = NULL;
  double read_scale = 0;
  DsrViewKind kind = type == DSR_TYPE_MAP_VIEW ? DSR_VIEW_MAP
                     : type == DSR_TYPE_SCATTER_VIEW ? DSR_VIEW_SCATTER : DSR_VIEW_BARS;
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC; /* against a hang only */
  guint counts[G_N_ELEMENTS (figure_properties)] = { 0 };
  double x = 0, y = 0;

  g_signal_connect (figure, "notify", G_CALLBACK (figure_notified_cb), counts);
  gtk_test_accessible_assert_role (figure, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (figure)));
  g_assert_cmpfloat (dsr_figure_view_get_font_scale (figure), ==, 1.0);

  /* Set all four: each notified once; the view is a copy of the figure's kind. */
  view->kind = DSR_VIEW_TABLE;
  view->compare = type == DSR_TYPE_SCATTER_VIEW ? DSR_COMPARE_WORLD_DIFF : DSR_COMPARE_ABSOLUTE;
  view->indicator_id = g_strdup ("IT.NET.USER.ZS");
  view->y_indicator_id = g_strdup ("IT.NET.BBND.P2");
  view->year = 2021;
  g_object_set (figure, "store", store, "view", view, "selected", "CHN", "font-scale", 1.5, NULL);
  assert_counts (counts, 1, 1, 1, 1);
  g_object_get (figure, "store", &read_store, "view", &read_view, "selected", &read_selected,
                "font-scale", &read_scale, NULL);
  g_assert_true (read_store == store);
  g_assert_true (read_view != view);
  g_assert_cmpint (read_view->kind, ==, kind);
  g_assert_cmpint (read_view->compare, ==, DSR_COMPARE_ABSOLUTE);
  g_assert_cmpstr (read_view->indicator_id, ==, "IT.NET.USER.ZS");
  g_assert_cmpint (read_view->year, ==, 2021);
  g_assert_cmpstr (read_selected, ==, "CHN");
  g_assert_cmpfloat (read_scale, ==, 1.5);
  g_assert_true (dsr_figure_view_get_store (figure) == store);
  g_assert_cmpstr (dsr_figure_view_get_selected (figure), ==, "CHN");

  /* The same values again (the view a copy, of another kind): no notification. */
  same = dsr_view_copy (view);
  same->kind = DSR_VIEW_TREND;
  g_object_set (figure, "store", store, "view", same, "selected", "CHN", "font-scale", 1.5, NULL);
  dsr_figure_view_set_view (figure, read_view);
  assert_counts (counts, 1, 1, 1, 1);

  /* A real change of each: one notification each. */
  view->year = 2020;
  g_object_set (figure, "view", view, "selected", NULL, "font-scale", 1.0, NULL);
  assert_counts (counts, 1, 2, 2, 2);
  g_assert_cmpint (dsr_figure_view_get_view (figure)->year, ==, 2020);
  g_assert_null (dsr_figure_view_get_selected (figure));
  g_object_set (figure, "store", NULL, NULL);
  g_assert_null (dsr_figure_view_get_store (figure));
  dsr_figure_view_set_store (figure, store);
  assert_counts (counts, 3, 2, 2, 2);
  /* Beyond the range: clamped, and notified once. */
  dsr_figure_view_set_font_scale (figure, 10.0);
  dsr_figure_view_set_font_scale (figure, 20.0);
  g_assert_cmpfloat (dsr_figure_view_get_font_scale (figure), ==, 3.0);
  assert_counts (counts, 3, 2, 2, 3);
  dsr_figure_view_set_font_scale (figure, 1.0);
  view->year = 2021;
  dsr_figure_view_set_view (figure, view);
  /* The store's numbers changing in place notifies nothing. */
  dsr_figure_view_data_changed (figure);
  assert_counts (counts, 3, 3, 2, 4);

  /* On screen: the accessible description is the subclass's, after a frame. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (figure));
  gtk_window_present (GTK_WINDOW (window));
  do
    {
      g_main_context_iteration (NULL, TRUE);
      g_clear_pointer (&expected, g_free);
      g_clear_pointer (&mismatch, g_free);
      expected = dsr_figure_view_describe (figure);
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     expected);
    }
  while (mismatch != NULL && g_get_monotonic_time () < deadline);
  g_assert_null (mismatch);
  if (type == DSR_TYPE_MAP_VIEW)
    {
      /* The map's: the summary of what its last frame painted. */
      g_autofree char *painted = dsr_map_summary_text (dsr_map_view_get_layout (DSR_MAP_VIEW (figure))->values);

      g_assert_cmpstr (expected, ==, painted);
    }
  else
    {
      /* The charts' and the scatter's: the written summary of their view. */
      g_autofree char *summary = dsr_summary_text (store, dsr_figure_view_get_view (figure), NULL);

      g_assert_cmpstr (expected, ==, summary);
    }
  g_assert_nonnull (strstr (expected, "2021"));
  while (type == DSR_TYPE_SCATTER_VIEW && dsr_scatter_view_get_layout (DSR_SCATTER_VIEW (figure)) == NULL
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  /* The tooltip and the click: the subclass's hit test. */
  find_entity_point (figure, &x, &y);
  g_signal_connect (figure, "entity-activated", G_CALLBACK (entity_activated_cb), &activated);
  entity = dsr_figure_view_activate_at (figure, x, y);
  g_assert_nonnull (entity);
  g_assert_cmpstr (activated, ==, entity);
  tooltip = dsr_figure_view_tooltip_at (figure, x, y);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "<b>"));
  if (type == DSR_TYPE_SCATTER_VIEW)
    {
      g_autofree char *text = dsr_scatter_view_tooltip_text (DSR_SCATTER_VIEW (figure), entity);

      g_assert_cmpstr (tooltip, ==, text);
    }
  else if (type == DSR_TYPE_MAP_VIEW)
    g_assert_cmpstr (entity, ==, "KAZ");
  else
    g_assert_nonnull (strstr (tooltip, "2021"));
  g_assert_null (dsr_figure_view_tooltip_at (figure, -50, -50));
  g_clear_pointer (&entity, g_free);
  entity = dsr_figure_view_activate_at (figure, -50, -50);
  g_assert_null (entity);
  g_assert_cmpstr (activated, ==, "(none)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (figure);
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
  /* GTK's in-process accessibility backend (not none, not AT-SPI): the
   * figures' accessible descriptions can be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_init ();
  adw_init ();
  /* The templates (referred to, so that the linker keeps the resource). */
  g_assert_nonnull (dsr_ui_get_resource ());

  g_test_add_func ("/timeline/years", test_timeline_years);
  g_test_add_func ("/timeline/play-pause", test_timeline_play_pause);
  g_test_add_func ("/sidebar/search", test_sidebar_search);
  g_test_add_func ("/sidebar/width", test_sidebar_width);
  g_test_add_func ("/sidebar/regions", test_sidebar_regions);
  g_test_add_func ("/about-page/rows", test_about_page);
  g_test_add_data_func ("/figure-view/chart", GSIZE_TO_POINTER (DSR_TYPE_CHART_VIEW), test_figure_view);
  g_test_add_data_func ("/figure-view/map", GSIZE_TO_POINTER (DSR_TYPE_MAP_VIEW), test_figure_view);
  g_test_add_data_func ("/figure-view/scatter", GSIZE_TO_POINTER (DSR_TYPE_SCATTER_VIEW), test_figure_view);
  g_test_add_func ("/summary-bar/measure", test_summary_bar_measure);
  return g_test_run ();
}
