/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-import-library.h"
#include "dsr-view-file.h"
#include "dsr-region-item.h"
#include "dsr-window-private.h"

/* Saved views (.dsrview) in the window: Save View (Ctrl+S), Open View
 * (Ctrl+Shift+O), Recent Views, and the file given on the command line.
 *
 * Recent views are GTK's recently used files (GtkRecentManager), with the
 * view's media type: the desktop's own list, which the file chooser and the
 * file manager show too, kept across sessions without a settings key of our
 * own; an entry whose file is gone is left out of the menu.
 *
 * Opening a view applies it only when everything it needs is there: its
 * imported files (found in the remembered imports or beside the view file,
 * with the SHA-256 saved), its indicator and grouping. A file beside the view
 * that is not imported yet is imported first, and the view applied when the
 * data changes. Otherwise a dialog names the file, the field and the
 * problem, and the window is left as it was. */

#define MAX_RECENT 10

/* The folders where a view's imported files may be: the remembered imports
 * (loaded at start-up) and, last, the view file's folder. */
static GPtrArray *
data_dirs (DsrViewFile *file,
           GPtrArray   *entries)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_ptr_array_add (dirs, g_strdup (((DsrImportEntry *) g_ptr_array_index (entries, i))->dir));
  if (dsr_view_file_get_path (file) != NULL)
    g_ptr_array_add (dirs, g_path_get_dirname (dsr_view_file_get_path (file)));
  g_ptr_array_add (dirs, NULL);
  return dirs;
}

static gboolean
in_library (GPtrArray  *entries,
            const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_strcmp0 (((DsrImportEntry *) g_ptr_array_index (entries, i))->dir, dir) == 0)
      return TRUE;
  return FALSE;
}

static void
show_error (DsrWindow    *self,
            const char   *heading,
            const GError *error)
{
  _dsr_window_show_details (self, heading, error->message, NULL);
}

static void
add_recent (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.display_name = NULL;
  data.mime_type = (char *) DSR_VIEW_FILE_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "dsr-atlas %f";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Activates @name with @value when its state differs (a toggle's state is
 * flipped by activating it without a value). */
static void
activate_string (DsrWindow  *self,
                 const char *name,
                 const char *value)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);
  g_autoptr(GVariant) state = action ? g_action_get_state (action) : NULL;

  if (state == NULL || g_strcmp0 (g_variant_get_string (state, NULL), value) != 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), name, g_variant_new_string (value));
}

static void
activate_int (DsrWindow  *self,
              const char *name,
              int         value)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);
  g_autoptr(GVariant) state = action ? g_action_get_state (action) : NULL;

  if (state == NULL || g_variant_get_int32 (state) != value)
    g_action_group_activate_action (G_ACTION_GROUP (self), name, g_variant_new_int32 (value));
}

/* Shows the saved regions only. Items that are not regions of the grouping
 * (economies' codes, which the command line takes) are left out. */
static void
apply_regions (DsrWindow          *self,
               const char * const *regions)
{
  GListModel *model = dsr_sidebar_get_region_model (self->sidebar);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;

  if (regions == NULL)
    {
      if (self->view->regions != NULL)
        _dsr_window_set_regions (self, TRUE);
      return;
    }
  for (guint r = 0; r < g_list_model_get_n_items (model); r++)
    {
      g_autoptr(DsrRegionItem) item = g_list_model_get_item (model, r);
      const char *id = dsr_region_item_get_id (item);
      g_autofree char *suffix = g_strconcat (":", id, NULL);

      for (guint i = 0; regions[i] != NULL; i++)
        /* A region by its id, or by its entity id ("bri-continent:europe"). */
        if (g_strcmp0 (regions[i], id) == 0 || g_str_has_suffix (regions[i], suffix))
          {
            g_strv_builder_add (builder, id);
            break;
          }
    }
  wanted = g_strv_builder_end (builder);
  _dsr_window_show_regions (self, (const char * const *) wanted);
}

/* Puts the saved view on screen, through the window's actions (so every
 * control follows): the indicator first (it may pick its grouping), then
 * the grouping, the regions, the rules, the year and the page. */
static void
apply_view (DsrWindow     *self,
            const DsrView *view)
{
  const char *aggregation = view->aggregation >= 0 ? dsr_aggregation_to_string (view->aggregation)
                                                   : "indicator";
  int coverage = (int) (view->min_coverage * 100 + 0.5);

  _dsr_window_stop_playing (self);
  if (view->indicator_id != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "indicator",
                                    g_variant_new_string (view->indicator_id));
  if (view->grouping_id != NULL && g_strcmp0 (view->grouping_id, self->view->grouping_id) != 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "grouping",
                                    g_variant_new_string (view->grouping_id));
  apply_regions (self, (const char * const *) view->regions);
  activate_string (self, "compare", dsr_compare_to_string (view->compare));
  activate_string (self, "aggregate", aggregation);
  activate_int (self, "min-coverage", coverage);
  /* The action knows 67 as two thirds; any other share is kept exactly. */
  self->view->min_coverage = view->min_coverage;
  activate_int (self, "tolerance", view->tolerance);
  activate_string (self, "membership", dsr_membership_to_string (view->membership));
  if (view->map_regions != self->view->map_regions)
    g_action_group_activate_action (G_ACTION_GROUP (self), "map-regions", NULL);
  self->view->year_from = view->year_from;
  self->view->year_to = view->year_to;
  self->view->show_fit = view->show_fit;
  self->view->size_by_population = view->size_by_population;
  self->view->width = view->width;
  self->view->height = view->height;
  self->view->scale = view->scale;
  self->view->scheme = view->scheme; /* the window follows the desktop; kept for saving again */
  g_free (self->view->y_indicator_id);
  self->view->y_indicator_id = g_strdup (view->y_indicator_id);
  if (view->year != 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "year", g_variant_new_int32 (view->year));
  g_action_group_activate_action (G_ACTION_GROUP (self), "view",
                                  g_variant_new_string (dsr_view_kind_to_string (view->kind)));
  _dsr_window_rules_changed (self);
}

/* Tries to open the pending view: applies it, waits for data being
 * imported, or reports what is missing. */
static void
try_pending_view (DsrWindow *self)
{
  g_autoptr(DsrViewFile) file = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) dirs = NULL;
  g_autoptr(GPtrArray) to_import = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->pending_view == NULL)
    return;
  /* The start-up reload of the remembered imports, or an import, first. */
  if (self->import_cancellable != NULL)
    return;
  path = g_steal_pointer (&self->pending_view);

  file = dsr_view_file_load (path, &error);
  if (file == NULL)
    {
      show_error (self, _("The View Could Not Be Opened"), error);
      return;
    }
  entries = dsr_import_library_list (NULL);
  dirs = data_dirs (file, entries);
  for (guint i = 0; i < dsr_view_file_get_n_imports (file); i++)
    {
      g_autofree char *found = dsr_view_file_locate_import (file, i, NULL, (const char * const *) dirs->pdata,
                                                            &error);

      if (found == NULL)
        {
          show_error (self, _("The View’s Data Is Missing or Has Changed"), error);
          return;
        }
      if (!in_library (entries, found))
        g_ptr_array_add (to_import, g_file_new_for_path (found));
    }
  /* Files beside the view are imported first (once: the import remembers
   * them, and the view is tried again when the data changed). */
  if (to_import->len > 0 && !self->pending_view_imported)
    {
      self->pending_view = g_steal_pointer (&path);
      self->pending_view_imported = TRUE;
      _dsr_window_import_files (self, (GFile **) to_import->pdata, to_import->len, NULL);
      return;
    }
  self->pending_view_imported = FALSE;
  if (!dsr_view_file_check (file, self->store, &error))
    {
      show_error (self, _("The View Could Not Be Opened"), error);
      return;
    }
  /* An indicator the view took from imported data must come from an import
   * now too (an import that failed must not leave the bundled values in its
   * place). */
  if (dsr_view_file_get_n_imports (file) > 0)
    {
      const DsrView *view = dsr_view_file_get_view (file);
      const char *ids[] = { view->indicator_id, view->y_indicator_id };

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        if (ids[i] != NULL && !g_strv_contains (dsr_view_file_get_bundled (file), ids[i])
            && dsr_store_get_indicator_origin (self->store, ids[i]) == NULL)
          {
            g_autofree char *quoted = dsr_format_quote (ids[i]);
            g_autofree char *message = g_strdup_printf (
              _("%s: the values of “%s” come from the view’s data files, which could not be imported"),
              dsr_view_file_get_display_name (file), quoted);

            _dsr_window_show_details (self, _("The View’s Data Is Missing or Has Changed"), message, NULL);
            return;
          }
    }

  apply_view (self, dsr_view_file_get_view (file));
  g_set_object (&self->view_file, file);
  add_recent (path);
  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *quoted = dsr_format_quote (base);
    g_autofree char *title = g_strdup_printf (_("Opened “%s”"), quoted);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  }
}

/* Opens the saved view at @path: applied at once when its data is there,
 * after the data it needs is imported, or a dialog says what is wrong. */
void
dsr_window_open_view_file (DsrWindow  *self,
                           const char *path)
{
  g_return_if_fail (DSR_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->pending_view);
  self->pending_view = g_strdup (path);
  self->pending_view_imported = FALSE;
  try_pending_view (self);
}

/* Writes the view on screen into @path: the view, the page shown, the
 * language, and the data it needs (the bundled indicators, and the files of
 * the remembered imports that bring its indicators, with their SHA-256). */
gboolean
dsr_window_save_view_file (DsrWindow   *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(DsrView) view = NULL;
  g_autoptr(DsrViewFile) file = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *language = dsr_view_file_current_language ();
  const char *ids[2];

  g_return_val_if_fail (DSR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  view = dsr_view_copy (self->view);
  view->kind = _dsr_window_get_visible_kind (self);
  ids[0] = view->indicator_id;
  ids[1] = view->y_indicator_id;
  /* Re-saving an opened view keeps what a newer version wrote in it. */
  file = self->view_file ? g_object_ref (self->view_file) : dsr_view_file_new (view);
  dsr_view_file_set_view (file, view);
  dsr_view_file_set_language (file, language);
  dsr_view_file_describe_data (file, self->store);
  dsr_view_file_clear_imports (file);
  entries = dsr_import_library_list (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *origin = ids[i] ? dsr_store_get_indicator_origin (self->store, ids[i]) : NULL;

      for (guint e = 0; origin != NULL && entries != NULL && e < entries->len; e++)
        {
          DsrImportEntry *entry = g_ptr_array_index (entries, e);

          if (g_strcmp0 (entry->id, origin) != 0)
            continue;
          for (guint f = 0; entry->files != NULL && entry->files[f] != NULL; f++)
            if (!dsr_view_file_add_import (file, entry->files[f], (const char * const *) entry->indicators,
                                           error))
              return FALSE;
        }
    }
  if (!dsr_view_file_save (file, path, error))
    return FALSE;
  g_set_object (&self->view_file, file);
  add_recent (path);
  return TRUE;
}

/* Actions ---------------------------------------------------------------------- */

static GtkFileFilter *
view_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Saved views"));
  gtk_file_filter_add_mime_type (filter, DSR_VIEW_FILE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "dsrview");
  return filter;
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(DsrWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, DSR_VIEW_FILE_EXTENSION))
        {
          char *with = g_strconcat (path, DSR_VIEW_FILE_EXTENSION, NULL);

          g_free (path);
          path = with;
        }
      if (path != NULL && !dsr_window_save_view_file (self, path, &error))
        show_error (self, _("The View Could Not Be Saved"), error);
      else if (path != NULL)
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *quoted = dsr_format_quote (base);
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), quoted);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
    }
  g_object_unref (chooser);
}

static void
save_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DsrWindow *self = user_data;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = view_filter ();
  g_autofree char *name = g_strdup_printf ("%s-%d%s", self->view->indicator_id ? self->view->indicator_id : "view",
                                           self->view->year, DSR_VIEW_FILE_EXTENSION);

  chooser = gtk_file_chooser_native_new (_("Save View"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(DsrWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        dsr_window_open_view_file (self, path);
    }
  g_object_unref (chooser);
}

static void
open_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DsrWindow *self = user_data;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = view_filter ();

  chooser = gtk_file_chooser_native_new (_("Open View"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_view_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    dsr_window_open_view_file (user_data, path);
}

/* Recent Views ----------------------------------------------------------------- */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo **) a, *y = *(GtkRecentInfo **) b;
  GDateTime *tx = gtk_recent_info_get_modified (x), *ty = gtk_recent_info_get_modified (y);

  return g_date_time_compare (ty, tx);
}

static void
rebuild_recent_menu (DsrWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  if (self->recent_views_menu == NULL)
    {
      g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
      return;
    }
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if ((g_strcmp0 (gtk_recent_info_get_mime_type (info), DSR_VIEW_FILE_MIME_TYPE) == 0
           || g_str_has_suffix (uri, DSR_VIEW_FILE_EXTENSION))
          && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (views, info);
    }
  g_ptr_array_sort (views, compare_recent);

  g_menu_remove_all (self->recent_views_menu);
  for (guint i = 0; i < views->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (views, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = g_strdup (gtk_recent_info_get_display_name (info));

      /* Underscores in a file name are not mnemonics. */
      g_strdelimit (label, "_", ' ');
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent-view",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_views_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static const GActionEntry view_actions[] = {
  { "save-view", save_view_action },
  { "open-view", open_view_action },
  { "open-recent-view", open_recent_view_action, "s" },
};

void
_dsr_window_views_init (DsrWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), view_actions, G_N_ELEMENTS (view_actions), self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (rebuild_recent_menu),
                           self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
}

/* The data changed (an import, the start-up reload ended): a view that
 * waited for it is opened now. */
void
_dsr_window_views_data_changed (DsrWindow *self)
{
  if (self->pending_view != NULL)
    try_pending_view (self);
}

void
_dsr_window_views_dispose (DsrWindow *self)
{
  g_clear_pointer (&self->pending_view, g_free);
  g_clear_object (&self->view_file);
}
