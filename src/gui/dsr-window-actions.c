/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-export-dialog.h"
#include "dsr-store-guard.h"
#include "dsr-figure.h"
#include "dsr-render.h"
#include "dsr-wb-update.h"
#include "dsr-window-private.h"

/* The window's actions: every control goes through one, so the keyboard,
 * the menus and the tests drive the window the same way. */

static void
indicator_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DsrWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (dsr_store_get_indicator (self->store, id) == NULL)
    {
      g_warning ("No indicator “%s”", id);
      return;
    }
  g_simple_action_set_state (action, parameter);
  _dsr_window_set_indicator (self, id);
}

static void
year_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DsrWindow *self = user_data;

  g_simple_action_set_state (action, parameter);
  _dsr_window_set_year (self, g_variant_get_int32 (parameter));
}

static void
view_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DsrWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No view “%s”", name);
      return;
    }
  g_simple_action_set_state (action, parameter);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
grouping_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  DsrWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  if (dsr_store_get_grouping (self->store, id) == NULL)
    {
      g_warning ("No grouping “%s”", id);
      return;
    }
  g_simple_action_set_state (action, parameter);
  _dsr_window_set_grouping (self, id);
}

static void
compare_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DsrWindow *self = user_data;
  DsrCompare compare;

  if (!dsr_compare_from_string (g_variant_get_string (parameter, NULL), &compare))
    return;
  g_simple_action_set_state (action, parameter);
  self->view->compare = compare;
  _dsr_window_refresh (self);
}

/* The regional rules (issue 12): how economies combine, the coverage rule,
 * the year tolerance, a trend's membership and the map's mode. */
static void
aggregate_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DsrWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);
  DsrAggregation rule;

  if (g_str_equal (name, "indicator"))
    self->view->aggregation = -1;
  else if (dsr_aggregation_from_string (name, &rule))
    self->view->aggregation = rule;
  else
    return;
  g_simple_action_set_state (action, parameter);
  _dsr_window_rules_changed (self);
}

static void
min_coverage_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DsrWindow *self = user_data;
  int percent = g_variant_get_int32 (parameter);

  if (percent < 0 || percent > 100)
    return;
  g_simple_action_set_state (action, parameter);
  /* 67 stands for the World Bank's two thirds. */
  self->view->min_coverage = percent == 67 ? DSR_DEFAULT_MIN_COVERAGE : percent / 100.0;
  _dsr_window_rules_changed (self);
}

static void
tolerance_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DsrWindow *self = user_data;
  int years = g_variant_get_int32 (parameter);

  if (years < 0 || years > DSR_MAX_TOLERANCE)
    return;
  g_simple_action_set_state (action, parameter);
  self->view->tolerance = years;
  _dsr_window_rules_changed (self);
}

static void
membership_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  DsrWindow *self = user_data;
  DsrMembership membership;

  if (!dsr_membership_from_string (g_variant_get_string (parameter, NULL), &membership))
    return;
  g_simple_action_set_state (action, parameter);
  self->view->membership = membership;
  _dsr_window_refresh (self);
}

static void
map_regions_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DsrWindow *self = user_data;
  gboolean on = !g_variant_get_boolean (g_action_get_state (G_ACTION (action)));

  g_simple_action_set_state (action, g_variant_new_boolean (on));
  self->view->map_regions = on;
  _dsr_window_refresh (self);
}

static void
select_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  DsrWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);

  _dsr_window_set_selected (self, id);
}

static void
select_all_regions_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  _dsr_window_set_regions (user_data, TRUE);
}

static void
select_no_regions_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  _dsr_window_set_regions (user_data, FALSE);
}

static void
nearest_year_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DsrWindow *self = user_data;

  if (self->nearest_year != 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "year",
                                    g_variant_new_int32 (self->nearest_year));
}

/* Playing through the years ------------------------------------------------------ */

/* The timeline plays (its Play button, its speed); win.play (Ctrl+Space)
 * starts and stops it and shows its state. */
void
_dsr_window_stop_playing (DsrWindow *self)
{
  if (self->timeline != NULL)
    dsr_timeline_set_playing (self->timeline, FALSE);
}

void
_dsr_window_playing_changed (DsrWindow *self)
{
  gboolean playing = dsr_timeline_get_playing (self->timeline);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "play");

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (playing));
  /* The trend shows every year at once: play on the regions' bars. */
  if (playing && _dsr_window_get_visible_kind (self) == DSR_VIEW_TREND)
    adw_view_stack_set_visible_child_name (self->view_stack, "bars");
  /* Play does not write the year at every step: where it stopped is kept now. */
  if (!playing && self->settings != NULL && self->view != NULL)
    _dsr_window_save_int (self, "year", self->view->year);
}

static void
play_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DsrWindow *self = user_data;

  dsr_timeline_set_playing (self->timeline, !dsr_timeline_get_playing (self->timeline));
}

/* The sidebar (F9) and its search (Ctrl+F) ---------------------------------------- */

static void
search_indicators_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  DsrWindow *self = user_data;

  if (gtk_widget_has_css_class (GTK_WIDGET (self), "presentation"))
    return;
  adw_flap_set_reveal_flap (self->flap, TRUE);
  dsr_sidebar_focus_search (self->sidebar);
}

/* Presentation mode ------------------------------------------------------------- */

/* The figure alone: no header bar, no sidebar; the timeline and a hint to
 * leave come over it when the mouse moves, and go after two seconds. */

#define PRESENTATION_CONTROLS_MS 2000

static gboolean
hide_presentation_controls_cb (gpointer user_data)
{
  DsrWindow *self = user_data;
  GtkWidget *box = GTK_WIDGET (self->presentation_box);
  double x, y;

  /* Not from under the pointer (the slider being dragged, Pause about to be clicked). */
  if (gtk_widget_get_mapped (box) && self->pointer_x >= 0
      && gtk_widget_translate_coordinates (GTK_WIDGET (self), box, self->pointer_x, self->pointer_y, &x, &y)
      && gtk_widget_contains (box, x, y))
    return G_SOURCE_CONTINUE;
  self->presentation_hide_source = 0;
  gtk_revealer_set_reveal_child (self->presentation_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->hint_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
show_presentation_controls (DsrWindow *self)
{
  gtk_revealer_set_reveal_child (self->presentation_revealer, TRUE);
  gtk_revealer_set_reveal_child (self->hint_revealer, TRUE);
  g_clear_handle_id (&self->presentation_hide_source, g_source_remove);
  self->presentation_hide_source = g_timeout_add (PRESENTATION_CONTROLS_MS, hide_presentation_controls_cb, self);
}

static void
pointer_motion_cb (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   DsrWindow                *self)
{
  /* A widget appearing under a still pointer sends a motion too: only a move counts. */
  if (x == self->pointer_x && y == self->pointer_y)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  if (gtk_widget_has_css_class (GTK_WIDGET (self), "presentation"))
    show_presentation_controls (self);
}

/* The timeline under the figure, or over it in presentation mode. */
static void
move_timeline (DsrWindow *self,
               gboolean   over)
{
  GtkWidget *timeline = GTK_WIDGET (self->timeline);
  GtkWidget *parent = gtk_widget_get_parent (timeline);

  g_object_ref (timeline);
  gtk_box_remove (GTK_BOX (parent), timeline);
  if (over)
    gtk_box_append (self->presentation_box, timeline);
  else
    gtk_box_insert_child_after (self->figure_box, timeline, self->timeline_separator);
  g_object_unref (timeline);
  gtk_widget_set_hexpand (timeline, TRUE);
  gtk_widget_set_visible (self->timeline_separator, !over && gtk_widget_get_visible (timeline));
}

static void
set_presentation (DsrWindow *self,
                  gboolean   on)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "presentation");

  if (on == gtk_widget_has_css_class (GTK_WIDGET (self), "presentation"))
    return;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (on));
  if (on)
    {
      self->sidebar_before_presentation = adw_flap_get_reveal_flap (self->flap);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
    }
  move_timeline (self, on);
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !on);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !on);
  adw_flap_set_reveal_flap (self->flap, on ? FALSE : self->sidebar_before_presentation);
  if (on)
    show_presentation_controls (self);
  else
    {
      g_clear_handle_id (&self->presentation_hide_source, g_source_remove);
      gtk_revealer_set_reveal_child (self->presentation_revealer, FALSE);
      gtk_revealer_set_reveal_child (self->hint_revealer, FALSE);
    }
  _dsr_window_set_font_scale (self, on ? 1.5 : 1.0);
}

static void
presentation_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  set_presentation (user_data, !g_variant_get_boolean (g_action_get_state (G_ACTION (action))));
}

static void
leave_presentation_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  DsrWindow *self = user_data;
  GAction *presentation = g_action_map_lookup_action (G_ACTION_MAP (self), "presentation");

  if (g_variant_get_boolean (g_action_get_state (presentation)))
    set_presentation (self, FALSE);
}

void
_dsr_window_presentation_dispose (DsrWindow *self)
{
  g_clear_handle_id (&self->presentation_hide_source, g_source_remove);
}

/* Copying the figure ---------------------------------------------------------------- */

/* The visible chart as an image on the clipboard, at twice the widget's size
 * so it stays sharp when pasted into slides. */
static void
copy_figure_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DsrWindow *self = user_data;
  GtkWidget *chart = dsr_window_get_chart (self, _dsr_window_get_visible_kind (self));
  g_autoptr(DsrView) view = NULL;
  g_autoptr(DsrRenderStyle) style = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;
  const double scale = 2.0;

  if (chart == NULL)
    chart = GTK_WIDGET (self->bars_view);
  width = MAX (gtk_widget_get_width (chart), 640);
  height = MAX (gtk_widget_get_height (chart), 400);
  view = dsr_view_copy (self->view);
  view->kind = DSR_IS_MAP_VIEW (chart) ? DSR_VIEW_MAP
              : DSR_IS_SCATTER_VIEW (chart) ? DSR_VIEW_SCATTER
              : (chart == GTK_WIDGET (self->trend_view) ? DSR_VIEW_TREND : DSR_VIEW_BARS);
  view->width = width;
  view->height = height;
  style = dsr_render_style_new (adw_style_manager_get_dark (adw_style_manager_get_default ())
                                  ? DSR_SCHEME_DARK : DSR_SCHEME_LIGHT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  dsr_figure_draw (cr, self->store, view, style, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Figure copied")));
}

/* Export ----------------------------------------------------------------------------- */

/* One toast per export, with Show in Folder. */
static void
exported_cb (DsrExportDialog *dialog,
             GFile           *file,
             DsrWindow       *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, dsr_export_toast_new (GTK_WIDGET (self), file));
}

/* The view to export: the visible page's (the table's for the about page). */
static DsrView *
export_view (DsrWindow *self)
{
  DsrView *view = dsr_view_copy (self->view);

  view->kind = _dsr_window_get_visible_kind (self);
  return view;
}

DsrExportDialog *
_dsr_window_open_export (DsrWindow *self)
{
  g_autoptr(DsrView) view = export_view (self);
  DsrExportDialog *dialog = dsr_export_dialog_new (GTK_WINDOW (self), self->store, view, self->settings);

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  _dsr_window_open_export (user_data);
}

/* Update Data from the World Bank ------------------------------------------------ */

/* It shows its progress in the import bar, whose Cancel (win.cancel-import)
 * cancels it; a file import and an update do not run together. */

static void
update_busy (DsrWindow *self,
             gboolean   busy)
{
  const char * const names[] = { "import", "update-world-bank" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), names[i])),
                                 !busy);
  gtk_revealer_set_reveal_child (self->import_revealer, busy);
  if (!busy)
    g_clear_object (&self->import_cancellable);
}

/* On the main loop (the update reports there). */
static void
update_progress_cb (const DsrWbProgress *progress,
                    gpointer             user_data)
{
  DsrWindow *self = user_data;
  g_autofree char *text = NULL;

  if (self->import_cancellable == NULL)
    return;
  if (progress->n_pages > 1)
    /* Translators: an indicator code, the page being fetched and the number of pages */
    text = g_strdup_printf (_("Fetching %s from the World Bank: page %u of %u"),
                            progress->code, progress->page, progress->n_pages);
  else
    /* Translators: an indicator code */
    text = g_strdup_printf (_("Fetching %s from the World Bank…"), progress->code);
  gtk_label_set_text (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress, progress->fraction);
}

/* @user_data: the update, kept until its files are copied. */
static void
update_remembered_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DsrWbUpdate) update = user_data;
  DsrWindow *self = g_object_get_data (G_OBJECT (update), "window");
  g_autoptr(GError) error = NULL;
  DsrImportEntry *entry = dsr_import_library_remember_finish (result, &error);

  if (entry == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The update will not be kept for the next start: %s"),
                                               error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
  g_clear_pointer (&entry, dsr_import_entry_free);
}

static void
update_failed (DsrWindow  *self,
               GError     *error)
{
  GtkWidget *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Update cancelled: nothing was changed")));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Update Failed"), NULL);
  /* Translators: %s is what went wrong */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Nothing was changed. %s"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_fetched (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DsrWindow) self = user_data;
  DsrWbUpdate *update = DSR_WB_UPDATE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char * const *updated;

  update_busy (self, FALSE);
  if (!dsr_wb_update_fetch_finish (update, result, &error)
      || !dsr_wb_update_commit (update, self->store, &error))
    {
      update_failed (self, error);
      return;
    }
  updated = dsr_wb_update_get_updated (update);
  if (dsr_wb_update_get_result (update) != NULL)
    {
      g_object_set_data_full (G_OBJECT (update), "window", g_object_ref (self), g_object_unref);
      dsr_import_library_remember_async (dsr_wb_update_get_result (update), NULL, update_remembered_cb,
                                         g_object_ref (update));
      _dsr_window_data_changed (self, updated[0]);
    }
  summary = dsr_wb_update_describe (update, self->store);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (summary));
}

/* The commit changes the store: it waits for the exports that read it. */
static void
update_fetched_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  dsr_store_guard_finish (DSR_WINDOW (user_data)->store, update_fetched, source, result, user_data);
}

static void
update_world_bank_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  DsrWindow *self = user_data;
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (NULL);

  if (self->import_cancellable != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("An import is running: wait for it or cancel it")));
      return;
    }
  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->import_label, _("Connecting to the World Bank…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  update_busy (self, TRUE);
  dsr_wb_update_fetch_async (update, self->store, self->import_cancellable, update_progress_cb, self,
                             update_fetched_cb, g_object_ref (self));
}

static const GActionEntry win_actions[] = {
  { "export", export_action },
  { "indicator", indicator_action, "s", "''" },
  { "year", year_action, "i", "0" },
  { "view", view_action, "s", "'bars'" },
  { "grouping", grouping_action, "s", "''" },
  { "compare", compare_action, "s", "'absolute'" },
  { "aggregate", aggregate_action, "s", "'indicator'" },
  { "min-coverage", min_coverage_action, "i", "67" },
  { "tolerance", tolerance_action, "i", "0" },
  { "membership", membership_action, "s", "'fixed'" },
  { "map-regions", map_regions_action, NULL, "false" },
  { "select", select_action, "s" },
  { "select-all-regions", select_all_regions_action },
  { "select-no-regions", select_no_regions_action },
  { "nearest-year", nearest_year_action },
  { "play", play_action, NULL, "false" },
  { "presentation", presentation_action, NULL, "false" },
  { "leave-presentation", leave_presentation_action },
  { "search-indicators", search_indicators_action },
  { "copy-figure", copy_figure_action },
  { "update-world-bank", update_world_bank_action },
};

static void
visible_child_changed_cb (DsrWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");

  if (name != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
}

void
_dsr_window_actions_init (DsrWindow *self)
{
  g_autoptr(GPropertyAction) sidebar = g_property_action_new ("sidebar", self->flap, "reveal-flap");
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sidebar));
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (visible_child_changed_cb), self);
  _dsr_window_handout_init (self);
  /* The speed of Play is remembered; Play reads it. */
  if (_dsr_window_has_setting (self, "play-interval"))
    g_settings_bind (self->settings, "play-interval", self->timeline, "speed", G_SETTINGS_BIND_DEFAULT);

  self->pointer_x = self->pointer_y = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
