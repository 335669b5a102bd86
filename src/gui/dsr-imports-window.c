/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-imports-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-import-library.h"
#include "dsr-imports-window.h"
#include "dsr-store-guard.h"

/* The remembered imports (ui/dsr-imports-window.ui): each with its
 * indicators, the day it was imported and a Remove button that asks first.
 * Removing takes the values out of the store (when no export reads it) and
 * emits "removed"; the window then follows the store. */

struct _DsrImportsWindow
{
  AdwPreferencesWindow parent_instance;

  GtkListBox *list;
  DsrStore *store;
};

G_DEFINE_FINAL_TYPE (DsrImportsWindow, dsr_imports_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Today at 06:12", "Yesterday at 18:40", "30 November 2026 at 06:12",
 * in the local time zone. */
char *
dsr_imports_window_format_date (GDateTime *added,
                                GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  const char *format;
  char *text;

  g_return_val_if_fail (added != NULL, NULL);

  local = g_date_time_to_local (added);
  local_now = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  yesterday = g_date_time_add_days (local_now, -1);
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: when a file was imported, today (a g_date_time_format() format) */
    format = _("Today at %H:%M");
  else if (g_date_time_get_year (local) == g_date_time_get_year (yesterday)
           && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (yesterday))
    /* Translators: when a file was imported, yesterday (a g_date_time_format() format) */
    format = _("Yesterday at %H:%M");
  else
    /* Translators: when a file was imported (a g_date_time_format() format), e.g. "30 November 2026 at 06:12" */
    format = _("%-d %B %Y at %H:%M");
  text = g_date_time_format (local, format);
  if (text == NULL)
    return g_strdup ("");
  return text;
}

/* Removes the import @id: from the library (its copied files) and from the
 * store. */
gboolean
dsr_imports_window_remove (DsrImportsWindow  *self,
                           const char        *id,
                           GError           **error)
{
  g_return_val_if_fail (DSR_IS_IMPORTS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* The store changes: not while an export reads it. */
  if (dsr_store_guard_is_held (self->store))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("An export is running: remove the import when it is done"));
      return FALSE;
    }
  if (!dsr_import_library_remove (id, error))
    return FALSE;
  dsr_store_remove_import (self->store, id);
  g_signal_emit (self, signals[REMOVED], 0, id);
  dsr_imports_window_refresh (self);
  return TRUE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DsrImportsWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "id");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;
  if (!dsr_imports_window_remove (self, id, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
remove_clicked_cb (GtkButton        *button,
                   DsrImportsWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "id");
  const char *label = g_object_get_data (G_OBJECT (button), "label");
  GtkWidget *dialog;

  /* Translators: the heading of a confirmation; %s is a file name */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), label);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Its values leave the app. The original file is not touched: "
                                 "you can import it again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
entry_row_new (DsrImportsWindow     *self,
               const DsrImportEntry *entry,
               GDateTime            *now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *indicators = NULL;
  g_autofree char *added = entry->added ? dsr_imports_window_format_date (entry->added, now) : g_strdup ("");
  g_autofree char *subtitle = NULL;

  if (entry->indicators != NULL && entry->indicators[0] != NULL)
    /* Translators: between the indicators of an import in a list */
    indicators = g_strjoinv (_(", "), entry->indicators);
  else
    indicators = g_strdup ("");
  /* Translators: an imported file's indicators and when it was imported */
  subtitle = g_strdup_printf (_("%s · imported %s"), indicators, added);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this import"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this import"), -1);
  g_object_set_data_full (G_OBJECT (remove), "id", g_strdup (entry->id), g_free);
  g_object_set_data_full (G_OBJECT (remove), "label", g_strdup (entry->label), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* Lists the remembered imports again. */
void
dsr_imports_window_refresh (DsrImportsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *child;

  g_return_if_fail (DSR_IS_IMPORTS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  entries = dsr_import_library_list (&error);
  if (entries == NULL || entries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? error->message : _("Nothing imported yet"));
      if (error == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Import a World Bank or Our World in Data file with Import… "
                                       "(Ctrl+O) in the main menu, or drop it on the window."));
      gtk_list_box_append (self->list, row);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, entry_row_new (self, g_ptr_array_index (entries, i), now));
}

static void
dsr_imports_window_dispose (GObject *object)
{
  DsrImportsWindow *self = DSR_IMPORTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_IMPORTS_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dsr_imports_window_parent_class)->dispose (object);
}

static void
dsr_imports_window_class_init (DsrImportsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_imports_window_dispose;

  /* An import was removed from the library and the store (its id). */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-imports-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrImportsWindow, list);
}

static void
dsr_imports_window_init (DsrImportsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DsrImportsWindow *
dsr_imports_window_new (GtkWindow *parent,
                        DsrStore  *store)
{
  DsrImportsWindow *self;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);

  self = g_object_new (DSR_TYPE_IMPORTS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  dsr_imports_window_refresh (self);
  return self;
}
