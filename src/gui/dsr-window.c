/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-about-page.h"
#include "dsr-format.h"
#include "dsr-map-view.h"
#include "dsr-table-item.h"
#include "dsr-table-page.h"
#include "dsr-window-private.h"

/* A fresh start: the map of internet use by economy (the bundled country data). */
#define DSR_WINDOW_DEFAULT_INDICATOR "IT.NET.USER.ZS"

G_DEFINE_FINAL_TYPE (DsrWindow, dsr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_FONT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ------------------------------------------------------------------- */

static DsrIndicator *
current_indicator (DsrWindow *self)
{
  return dsr_store_get_indicator (self->store, self->view->indicator_id);
}

static gboolean
has_year (GArray *years,
          int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return TRUE;
  return FALSE;
}

DsrViewKind
_dsr_window_get_visible_kind (DsrWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  DsrViewKind kind = DSR_VIEW_BARS;

  if (name != NULL && !dsr_view_kind_from_string (name, &kind))
    kind = DSR_VIEW_TABLE; /* the "about" page shows the table's year */
  return kind;
}

/* The indicator list: the sidebar's ---------------------------------------------- */

static void
sidebar_indicator_cb (DsrWindow *self)
{
  const char *id = dsr_sidebar_get_indicator (self->sidebar);

  if (self->updating || id == NULL || g_strcmp0 (id, self->view->indicator_id) == 0)
    return;
  g_action_group_activate_action (G_ACTION_GROUP (self), "indicator", g_variant_new_string (id));
}

/* The year ----------------------------------------------------------------------- */

/* The years the view can show as a whole: the world and most regions meet
 * the coverage rule (all the years with data when none does). The slider
 * marks them and Play steps through them. */
GArray *
_dsr_window_get_play_years (DsrWindow *self)
{
  if (self->play_years == NULL)
    {
      g_autoptr(DsrFigures) figures = dsr_figures_new (self->store, self->view);

      self->play_years = dsr_figures_good_years (figures, dsr_store_get_grouping (self->store,
                                                                                  self->view->grouping_id));
      if (self->play_years->len == 0)
        {
          g_array_unref (self->play_years);
          self->play_years = dsr_store_get_years (self->store, self->view->indicator_id);
        }
    }
  return self->play_years;
}

/* The timeline under the figure: its slider from the first to the last year
 * with data, its ticks and Play at the years the view can show as a whole. */
static void
refresh_year_scale (DsrWindow *self)
{
  g_autoptr(GArray) all = dsr_store_get_years (self->store, self->view->indicator_id);
  GArray *years;

  g_clear_pointer (&self->play_years, g_array_unref);
  years = _dsr_window_get_play_years (self);

  self->updating = TRUE;
  if (all->len == 0)
    dsr_timeline_set_years (self->timeline, NULL, 0, 0);
  else
    dsr_timeline_set_years (self->timeline, years, g_array_index (all, int, 0),
                            g_array_index (all, int, all->len - 1));
  dsr_timeline_set_year (self->timeline, self->view->year);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), all->len > 0);
  gtk_widget_set_visible (self->timeline_separator, all->len > 0);
  self->updating = FALSE;
}

static void
timeline_year_cb (DsrWindow *self)
{
  int year;

  if (self->updating)
    return;
  year = dsr_timeline_get_year (self->timeline);
  if (year != self->view->year)
    g_action_group_activate_action (G_ACTION_GROUP (self), "year", g_variant_new_int32 (year));
}

/* The grouping and its regions --------------------------------------------------- */

static DsrGrouping *
current_grouping (DsrWindow *self)
{
  DsrGrouping *grouping = dsr_store_get_grouping (self->store, self->view->grouping_id);

  if (grouping == NULL && g_list_model_get_n_items (dsr_store_get_groupings (self->store)) > 0)
    {
      g_autoptr(DsrGrouping) first = g_list_model_get_item (dsr_store_get_groupings (self->store), 0);

      grouping = first;
    }
  return grouping;
}

/* The grouping shown when it has values, else the first grouping whose regions
 * have a value (reported or computed) for the indicator and year: the paper's
 * Figure 4 is by continent, Table 1 by region. (A grouping the user chose
 * stays after an import.) */
static const char *
grouping_with_values (DsrWindow *self)
{
  GListModel *groupings = dsr_store_get_groupings (self->store);
  guint n = g_list_model_get_n_items (groupings);

  for (guint g = 0; g <= n; g++)
    {
      g_autoptr(DsrGrouping) grouping = g == 0 ? (current_grouping (self) ? g_object_ref (current_grouping (self)) : NULL)
                                               : g_list_model_get_item (groupings, g - 1);

      if (grouping == NULL)
        continue;

      g_autoptr(DsrFigures) figures = dsr_figures_new (self->store, self->view);

      for (guint r = 0; r < dsr_grouping_get_n_regions (grouping); r++)
        {
          DsrRegion *region = dsr_grouping_get_region (grouping, r);
          DsrEntity *entity = dsr_store_get_entity (self->store, dsr_region_get_entity_id (region));
          DsrFigure figure;

          if (entity != NULL
              && dsr_figures_get (figures, entity, self->view->year, self->view->year, &figure))
            return dsr_grouping_get_id (grouping);
        }
    }
  return NULL;
}

/* The user checked or unchecked a region in the sidebar. */
static void
sidebar_regions_cb (DsrWindow *self)
{
  if (self->updating)
    return;
  g_strfreev (self->view->regions);
  self->view->regions = dsr_sidebar_dup_regions (self->sidebar);
  _dsr_window_refresh (self);
}

/* The sidebar lists the grouping's regions, those of the view checked. */
static void
rebuild_region_list (DsrWindow *self)
{
  dsr_sidebar_set_regions (self->sidebar, current_grouping (self), (const char * const *) self->view->regions);
}

static void
grouping_selected_cb (DsrWindow *self)
{
  DsrGrouping *grouping;

  if (self->updating)
    return;
  grouping = gtk_drop_down_get_selected_item (self->grouping_dropdown);
  if (grouping != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "grouping",
                                    g_variant_new_string (dsr_grouping_get_id (grouping)));
}

static void
select_grouping_in_dropdown (DsrWindow *self)
{
  GListModel *groupings = dsr_store_get_groupings (self->store);
  DsrGrouping *grouping = current_grouping (self);

  self->updating = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (groupings); i++)
    {
      g_autoptr(DsrGrouping) item = g_list_model_get_item (groupings, i);

      if (item == grouping)
        gtk_drop_down_set_selected (self->grouping_dropdown, i);
    }
  self->updating = FALSE;
}

/* The table and the about page ------------------------------------------------------ */

/* The table page lists the same figures as the Table view and its CSV. */
static void
refresh_table (DsrWindow *self)
{
  dsr_table_page_set_selected (self->table_page, self->selected);
  dsr_table_page_set_view (self->table_page, self->view);
}

/* The empty state ------------------------------------------------------------------- */

static void
refresh_empty_state (DsrWindow *self)
{
  DsrIndicator *indicator = current_indicator (self);
  g_autoptr(GArray) years = dsr_store_get_years (self->store, self->view->indicator_id);
  DsrViewKind kind = _dsr_window_get_visible_kind (self);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean empty = FALSE;

  self->nearest_year = 0;
  if (indicator == NULL || years->len == 0)
    {
      adw_status_page_set_title (self->empty_page,
                                 indicator ? _("No Data for This Indicator") : _("No Data Loaded"));
      adw_status_page_set_description (self->empty_page,
                                       _("The bundled data holds the figures of the seed paper; "
                                         "this indicator has none. Import a World Bank or Our "
                                         "World in Data file to see its values."));
      empty = TRUE;
    }
  else if (kind != DSR_VIEW_TREND && g_strcmp0 (name, "about") != 0
           && !has_year (years, self->view->year))
    {
      g_autofree char *title = g_strdup_printf (_("No Data for %d"), self->view->year);
      g_autofree char *description = NULL;
      g_autofree char *label = NULL;

      self->nearest_year = dsr_store_nearest_year (self->store, self->view->indicator_id, self->view->year);
      description = g_strdup_printf (_("Nearest year with data: %d"), self->nearest_year);
      /* Translators: a button that moves to the given year */
      label = g_strdup_printf (_("Show %d"), self->nearest_year);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, description);
      gtk_button_set_label (self->nearest_year_button, label);
      empty = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->nearest_year_button), self->nearest_year != 0);
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "views");
}

/* Everything follows the shared view ------------------------------------------------- */

/* The summary under the figure: of the visible view (none on About Data). */
static void
refresh_summary (DsrWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  g_autoptr(DsrView) view = dsr_view_copy (self->view);

  if (name == NULL || !dsr_view_kind_from_string (name, &view->kind))
    g_clear_pointer (&view, dsr_view_free);
  dsr_summary_bar_set_view (self->summary_bar, self->store, view);
}

static void
refresh_visible_page (DsrWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  refresh_summary (self);

  if (self->table_stale && g_strcmp0 (name, "table") == 0)
    {
      refresh_table (self);
      self->table_stale = FALSE;
    }
  if (self->about_stale && g_strcmp0 (name, "about") == 0)
    {
      dsr_about_page_refresh (self->about_page, self->store, self->view);
      self->about_stale = FALSE;
    }
}

/* Settings are written when they change, not at every refresh: a write is a
 * dconf round trip. */
static void
set_string_if_changed (GSettings  *settings,
                       const char *key,
                       const char *value)
{
  g_autofree char *old = g_settings_get_string (settings, key);

  if (g_strcmp0 (old, value) != 0)
    g_settings_set_string (settings, key, value);
}

static void
save_state (DsrWindow *self)
{
  if (self->settings == NULL)
    return;
  set_string_if_changed (self->settings, "indicator", self->view->indicator_id ? self->view->indicator_id : "");
  /* Play steps the year every second: the year is written when Play stops. */
  if (!dsr_timeline_get_playing (self->timeline))
    _dsr_window_save_int (self, "year", self->view->year);
  set_string_if_changed (self->settings, "grouping", self->view->grouping_id ? self->view->grouping_id : "");
  set_string_if_changed (self->settings, "compare", dsr_compare_to_string (self->view->compare));
}

void
_dsr_window_refresh (DsrWindow *self)
{
  DsrIndicator *indicator = current_indicator (self);

  if (indicator != NULL)
    adw_view_switcher_title_set_subtitle (self->switcher_title, dsr_indicator_get_name (indicator));

  _dsr_window_scatter_refresh (self); /* may pick the scatter's vertical indicator */
  /* The view is a struct the window edits in place (a field at a time), not
   * a value it replaces, so it is handed to the figures here rather than
   * bound: each keeps a copy, and notifies and redraws only when it differs.
   * The selection and the font scale are bound (_dsr_window_add_figure()). */
  for (guint i = 0; self->figures != NULL && i < self->figures->len; i++)
    dsr_figure_view_set_view (g_ptr_array_index (self->figures, i), self->view);
  /* The table and the about page cost more: refreshed when shown (a year
   * step while playing the map must fit in a frame). */
  self->table_stale = TRUE;
  self->about_stale = TRUE;
  refresh_visible_page (self);
  refresh_empty_state (self);
  save_state (self);
}

/* Called by the "indicator" action. */
void
_dsr_window_set_indicator (DsrWindow  *self,
                           const char *indicator_id)
{
  g_autoptr(GArray) years = NULL;
  const char *grouping;

  g_free (self->view->indicator_id);
  self->view->indicator_id = g_strdup (indicator_id);

  /* Keep the year when it is in the indicator's range; else the nearest end. */
  years = dsr_store_get_years (self->store, indicator_id);
  if (years->len == 0)
    {
      _dsr_window_stop_playing (self);
      self->view->year = 0;
    }
  else if (self->view->year == 0 || self->view->year < g_array_index (years, int, 0)
           || self->view->year > g_array_index (years, int, years->len - 1))
    self->view->year = dsr_store_nearest_year (self->store, indicator_id,
                                               self->view->year ? self->view->year : 9999);

  /* Follow the data to the grouping that has it (Figure 4 is by continent). */
  grouping = grouping_with_values (self);
  if (grouping != NULL && g_strcmp0 (grouping, self->view->grouping_id) != 0)
    {
      g_free (self->view->grouping_id);
      self->view->grouping_id = g_strdup (grouping);
      g_clear_pointer (&self->view->regions, g_strfreev);
      select_grouping_in_dropdown (self);
      rebuild_region_list (self);
    }

  /* Keep the year when the view can show it as a whole; else the latest
   * year in which the world and most regions meet the coverage rule. */
  g_clear_pointer (&self->play_years, g_array_unref);
  if (years->len > 0 && !has_year (_dsr_window_get_play_years (self), self->view->year))
    {
      g_autoptr(DsrFigures) figures = dsr_figures_new (self->store, self->view);

      self->view->year = dsr_figures_default_year (figures, current_grouping (self));
    }

  self->updating = TRUE;
  dsr_sidebar_set_indicator (self->sidebar, indicator_id);
  self->updating = FALSE;
  refresh_year_scale (self);
  _dsr_window_refresh (self);
}

/* After a change of the regional rules: the years that meet them change too. */
void
_dsr_window_rules_changed (DsrWindow *self)
{
  refresh_year_scale (self);
  _dsr_window_refresh (self);
}

/* Called by the "year" action. */
void
_dsr_window_set_year (DsrWindow *self,
                      int        year)
{
  self->view->year = year;
  self->updating = TRUE;
  dsr_timeline_set_year (self->timeline, year);
  self->updating = FALSE;
  _dsr_window_refresh (self);
}

void
_dsr_window_set_grouping (DsrWindow  *self,
                          const char *grouping_id)
{
  g_free (self->view->grouping_id);
  self->view->grouping_id = g_strdup (grouping_id);
  g_clear_pointer (&self->view->regions, g_strfreev);
  select_grouping_in_dropdown (self);
  rebuild_region_list (self);
  refresh_year_scale (self);
  _dsr_window_refresh (self);
}

static void
entity_activated_cb (GtkWidget    *widget,
                     const char   *entity_id,
                     DsrWindow    *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "select",
                                  g_variant_new_string (entity_id ? entity_id : ""));
}

static void
visible_page_changed_cb (DsrWindow *self)
{
  if (self->settings != NULL && adw_view_stack_get_visible_child_name (self->view_stack) != NULL)
    {
      const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
      DsrViewKind kind;

      if (dsr_view_kind_from_string (name, &kind))
        set_string_if_changed (self->settings, "view", name);
    }
  refresh_visible_page (self);
  refresh_empty_state (self);
}

/* Pages ------------------------------------------------------------------------------ */

static void
citation_copied_cb (DsrWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Citation copied")));
}

/* A figure of the window's store that follows its selection and font scale,
 * and selects what is clicked in it everywhere. */
void
_dsr_window_add_figure (DsrWindow     *self,
                        DsrFigureView *figure)
{
  g_object_set (figure, "store", self->store, NULL);
  g_object_bind_property (self, "selected", figure, "selected", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "font-scale", figure, "font-scale", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (figure, "entity-activated", G_CALLBACK (entity_activated_cb), self, 0);
  g_ptr_array_add (self->figures, g_object_ref (figure));
}

static DsrChartView *
add_chart_page (DsrWindow   *self,
                DsrViewKind  kind,
                const char  *title,
                const char  *icon)
{
  DsrChartView *chart = DSR_CHART_VIEW (dsr_chart_view_new (kind));

  _dsr_window_add_figure (self, DSR_FIGURE_VIEW (chart));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (chart),
                                       dsr_view_kind_to_string (kind), title, icon);
  return chart;
}

static void
build_pages (DsrWindow *self)
{
  GtkWidget *table = dsr_table_page_new ();

  self->table_page = DSR_TABLE_PAGE (table);
  dsr_table_page_set_store (self->table_page, self->store);
  g_signal_connect (table, "entity-activated", G_CALLBACK (entity_activated_cb), self);
  self->map_view = DSR_MAP_VIEW (dsr_map_view_new ());
  _dsr_window_add_figure (self, DSR_FIGURE_VIEW (self->map_view));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->map_view), "map", _("Map"),
                                       "mark-location-symbolic");
  self->bars_view = add_chart_page (self, DSR_VIEW_BARS, _("Regions"), "view-list-symbolic");
  self->trend_view = add_chart_page (self, DSR_VIEW_TREND, _("Trend"), "find-location-symbolic");
  _dsr_window_scatter_init (self);
  adw_view_stack_add_titled_with_icon (self->view_stack, table, "table", _("Table"),
                                       "x-office-spreadsheet-symbolic");
  self->about_page = DSR_ABOUT_PAGE (dsr_about_page_new ());
  g_signal_connect_swapped (self->about_page, "citation-copied", G_CALLBACK (citation_copied_cb), self);
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->about_page), "about",
                                       _("About Data"), "help-about-symbolic");
}

/* Start-up and settings --------------------------------------------------------------- */

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: choices will not be remembered", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

/* The settings' integers within their ranges: the schema's <range> when it
 * has one (GSettings then clamps what it reads), else ours; a value outside
 * them (an older schema, a hand-edited dconf) gives the key's default. */
static const struct { const char *key; int min, max; } int_ranges[] = {
  { "year", 0, 9999 },
  { "window-width", 360, 16384 },
  { "window-height", 300, 16384 },
  { "play-interval", 200, 5000 },
};

static gboolean
int_in_range (const char *key,
              int         value)
{
  for (guint i = 0; i < G_N_ELEMENTS (int_ranges); i++)
    if (g_str_equal (int_ranges[i].key, key))
      return value >= int_ranges[i].min && value <= int_ranges[i].max;
  return TRUE;
}

/* Whether the settings are there and their schema has @key (an installed
 * schema may be older than the app). */
gboolean
_dsr_window_has_setting (DsrWindow  *self,
                         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return FALSE;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

int
_dsr_window_get_int (DsrWindow  *self,
                     const char *key)
{
  int value;
  g_autoptr(GVariant) fallback = NULL;

  if (!_dsr_window_has_setting (self, key))
    return 0;
  value = g_settings_get_int (self->settings, key);
  if (int_in_range (key, value))
    return value;
  fallback = g_settings_get_default_value (self->settings, key);
  value = fallback != NULL ? g_variant_get_int32 (fallback) : 0;
  return int_in_range (key, value) ? value : 0;
}

/* Writes @value when it is in range and not already there. */
void
_dsr_window_save_int (DsrWindow  *self,
                      const char *key,
                      int         value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) variant = NULL;

  if (!_dsr_window_has_setting (self, key) || !int_in_range (key, value)
      || g_settings_get_int (self->settings, key) == value)
    return;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  variant = g_variant_ref_sink (g_variant_new_int32 (value));
  if (g_settings_schema_key_range_check (schema_key, variant))
    g_settings_set_value (self->settings, key, variant);
}

static gboolean
close_request_cb (DsrWindow *self)
{
  _dsr_window_stop_playing (self);
  if (self->settings != NULL && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      _dsr_window_save_int (self, "window-width", width);
      _dsr_window_save_int (self, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
    }
  return FALSE;
}

static void
show_problems_cb (DsrWindow *self)
{
  g_autofree char *text = _dsr_window_problems_text (self->problems);

  _dsr_window_show_details (self, _("Some Data Could Not Be Loaded"), NULL, text);
}

static void
report_problems (DsrWindow *self)
{
  AdwToast *toast;

  if (self->problems == NULL || self->problems->len == 0)
    return;

  toast = adw_toast_new (_("Some data could not be loaded"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_swapped (toast, "button-clicked", G_CALLBACK (show_problems_cb), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
dsr_window_dispose (GObject *object)
{
  DsrWindow *self = DSR_WINDOW (object);

  _dsr_window_stop_playing (self);
  /* The setting's action (g_settings_create_action) can outlive the window's
   * action group until the main loop runs again, and the group does not
   * disconnect from its actions when it goes: a change of the setting in
   * between reached the freed group. Taken out of the group here, it cannot
   * (test /window/setting-after-close). */
  g_action_map_remove_action (G_ACTION_MAP (self), "show-summary");
  _dsr_window_presentation_dispose (self);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  _dsr_window_import_dispose (self);
  _dsr_window_views_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->view, dsr_view_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->play_years, g_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);

  G_OBJECT_CLASS (dsr_window_parent_class)->dispose (object);
}

static void
dsr_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DsrWindow *self = DSR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;
    case PROP_FONT_SCALE:
      g_value_set_double (value, self->font_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_window_class_init (DsrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_window_dispose;
  object_class->get_property = dsr_window_get_property;

  /* The selected entity (a region, an economy), or NULL: every figure shows it. */
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The figures' type size: larger in presentation mode. */
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL, 0.5, 3.0, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DSR_TYPE_SIDEBAR);
  g_type_ensure (DSR_TYPE_SUMMARY_BAR);
  g_type_ensure (DSR_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, figure_box);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, nearest_year_button);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, presentation_box);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, presentation_revealer);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, recent_views_menu);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, summary_bar);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, timeline_separator);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, view_stack);
}

static void
dsr_window_init (DsrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->grouping_dropdown = dsr_sidebar_get_grouping_dropdown (self->sidebar);

  self->view = dsr_view_new ();
  self->font_scale = 1.0;
  self->figures = g_ptr_array_new_with_free_func (g_object_unref);
}

DsrWindow *
dsr_window_new (DsrApplication *application)
{
  DsrWindow *self;
  GtkExpression *expression;
  g_autofree char *indicator = NULL;
  g_autofree char *view_name = NULL;
  g_autofree char *compare = NULL;
  g_autofree char *grouping = NULL;
  int year = 0;

  g_return_val_if_fail (DSR_IS_APPLICATION (application), NULL);

  self = g_object_new (DSR_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (dsr_application_get_store (application));
  self->problems = dsr_application_get_problems (application);
  self->settings = settings_new_if_installed ();

  build_pages (self);
  _dsr_window_actions_init (self);
  dsr_summary_bar_add_action (self->summary_bar, G_ACTION_MAP (self), self->settings);
  _dsr_window_import_init (self);
  _dsr_window_views_init (self);

  dsr_sidebar_set_store (self->sidebar, self->store);
  g_signal_connect_swapped (self->sidebar, "notify::indicator", G_CALLBACK (sidebar_indicator_cb), self);
  g_signal_connect_swapped (self->sidebar, "notify::regions", G_CALLBACK (sidebar_regions_cb), self);
  g_signal_connect_swapped (self->timeline, "notify::year", G_CALLBACK (timeline_year_cb), self);
  g_signal_connect_swapped (self->timeline, "notify::playing", G_CALLBACK (_dsr_window_playing_changed), self);

  expression = gtk_property_expression_new (DSR_TYPE_GROUPING, NULL, "name");
  gtk_drop_down_set_expression (self->grouping_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->grouping_dropdown, dsr_store_get_groupings (self->store));
  g_signal_connect_swapped (self->grouping_dropdown, "notify::selected",
                            G_CALLBACK (grouping_selected_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (visible_page_changed_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  /* What was shown last time, or a map of internet use by economy. */
  if (self->settings != NULL)
    {
      indicator = g_settings_get_string (self->settings, "indicator");
      year = _dsr_window_get_int (self, "year");
      view_name = g_settings_get_string (self->settings, "view");
      compare = g_settings_get_string (self->settings, "compare");
      grouping = g_settings_get_string (self->settings, "grouping");
      gtk_window_set_default_size (GTK_WINDOW (self), _dsr_window_get_int (self, "window-width"),
                                   _dsr_window_get_int (self, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  if (indicator == NULL || dsr_store_get_indicator (self->store, indicator) == NULL)
    {
      g_free (indicator);
      indicator = g_strdup (DSR_WINDOW_DEFAULT_INDICATOR);
    }
  if (dsr_store_get_indicator (self->store, indicator) == NULL
      && g_list_model_get_n_items (dsr_store_get_indicators (self->store)) > 0)
    {
      g_autoptr(DsrIndicator) first = g_list_model_get_item (dsr_store_get_indicators (self->store), 0);

      g_free (indicator);
      indicator = g_strdup (dsr_indicator_get_id (first));
    }

  self->view->year = year;
  if (compare != NULL)
    dsr_compare_from_string (compare, &self->view->compare);
  if (grouping != NULL && *grouping != '\0' && dsr_store_get_grouping (self->store, grouping) != NULL)
    self->view->grouping_id = g_strdup (grouping);
  select_grouping_in_dropdown (self);
  rebuild_region_list (self);
  adw_view_stack_set_visible_child_name (self->view_stack,
                                         view_name && adw_view_stack_get_child_by_name (self->view_stack, view_name)
                                           ? view_name : "map");
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "compare")),
                             g_variant_new_string (dsr_compare_to_string (self->view->compare)));
  if (indicator != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "indicator", g_variant_new_string (indicator));
  else
    _dsr_window_refresh (self);

  report_problems (self);
  _dsr_window_load_library (self);
  return self;
}

const char *
dsr_window_get_indicator (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);
  return self->view->indicator_id;
}

int
dsr_window_get_year (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), 0);
  return self->view->year;
}

/* The table's rows, brought up to date first when the table is not shown. */
GListModel *
dsr_window_get_rows (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);

  if (self->table_stale)
    {
      refresh_table (self);
      self->table_stale = FALSE;
    }
  return dsr_table_page_get_rows (self->table_page);
}

/* "empty" when the status page shows, else the name of the visible view. */
const char *
dsr_window_get_page (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return "empty";
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

const DsrView *
dsr_window_get_view (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);
  return self->view;
}

const char *
dsr_window_get_selected (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);
  return self->selected;
}

/* Selects @entity_id (NULL or "" for none) in every figure, through "selected". */
void
_dsr_window_set_selected (DsrWindow  *self,
                          const char *entity_id)
{
  if (entity_id != NULL && *entity_id == '\0')
    entity_id = NULL;
  if (g_strcmp0 (self->selected, entity_id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (entity_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
_dsr_window_set_font_scale (DsrWindow *self,
                            double     scale)
{
  if (self->font_scale == scale)
    return;
  self->font_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

GtkWidget *
dsr_window_get_chart (DsrWindow   *self,
                      DsrViewKind  kind)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);

  switch (kind)
    {
    case DSR_VIEW_BARS: return GTK_WIDGET (self->bars_view);
    case DSR_VIEW_TREND: return GTK_WIDGET (self->trend_view);
    case DSR_VIEW_MAP: return GTK_WIDGET (self->map_view);
    case DSR_VIEW_SCATTER: return GTK_WIDGET (self->scatter_view);
    case DSR_VIEW_TABLE:
    default:
      return NULL;
    }
}

/* After an import or a removal: the indicator list, the groupings and every
 * page follow the store; @indicator_id (nullable) is shown. */
void
_dsr_window_data_changed (DsrWindow  *self,
                          const char *indicator_id)
{
  g_autofree char *keep = g_strdup (self->view->indicator_id);

  /* The same store and maybe the same view, but other numbers. */
  for (guint i = 0; self->figures != NULL && i < self->figures->len; i++)
    dsr_figure_view_data_changed (g_ptr_array_index (self->figures, i));
  self->updating = TRUE;
  dsr_sidebar_refresh_indicators (self->sidebar);
  self->updating = FALSE;
  if (indicator_id == NULL || dsr_store_get_indicator (self->store, indicator_id) == NULL)
    indicator_id = keep;
  if (indicator_id == NULL || dsr_store_get_indicator (self->store, indicator_id) == NULL)
    indicator_id = DSR_WINDOW_DEFAULT_INDICATOR;
  if (dsr_store_get_grouping (self->store, self->view->grouping_id) == NULL)
    g_clear_pointer (&self->view->grouping_id, g_free);
  select_grouping_in_dropdown (self);
  rebuild_region_list (self);
  if (dsr_store_get_indicator (self->store, indicator_id) != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "indicator", g_variant_new_string (indicator_id));
  _dsr_window_views_data_changed (self);
}

/* Shows the regions of the grouping whose ids are in @ids (every one when
 * @ids is NULL). */
void
_dsr_window_show_regions (DsrWindow          *self,
                          const char * const *ids)
{
  DsrGrouping *grouping = current_grouping (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint r = 0; grouping != NULL && r < dsr_grouping_get_n_regions (grouping); r++)
    {
      const char *id = dsr_region_get_id (dsr_grouping_get_region (grouping, r));

      if (ids == NULL || g_strv_contains (ids, id))
        g_strv_builder_add (builder, id);
      else
        all = FALSE;
    }
  g_strfreev (self->view->regions);
  self->view->regions = all ? NULL : g_strv_builder_end (builder);
  rebuild_region_list (self);
  _dsr_window_refresh (self);
}

/* Checks or unchecks every region of the grouping. */
void
_dsr_window_set_regions (DsrWindow *self,
                         gboolean   all)
{
  const char * const none[] = { NULL };

  _dsr_window_show_regions (self, all ? NULL : none);
}

void
dsr_window_import_files (DsrWindow               *self,
                         GFile                  **files,
                         guint                    n_files,
                         const DsrColumnMapping  *mapping)
{
  g_return_if_fail (DSR_IS_WINDOW (self));
  _dsr_window_import_files (self, files, n_files, mapping);
}
