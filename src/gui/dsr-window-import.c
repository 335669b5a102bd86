/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dsr-column-mapping-dialog.h"
#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-import-library.h"
#include "dsr-imports-window.h"
#include "dsr-store-guard.h"
#include "dsr-window-private.h"

/* Importing data into the window: Import… (Ctrl+O), drag and drop, the
 * remembered imports at start-up, and their removal. The import reads on a
 * worker thread; the window shows its progress with a Cancel button, and
 * only a finished import changes the store (all or nothing). */

typedef struct
{
  DsrWindow *window;  /* a reference */
  double fraction;
  guint64 n_rows;
  char *file_name;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->window);
  g_free (progress->file_name);
  g_free (progress);
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  DsrWindow *self = progress->window;
  g_autofree char *text = NULL;
  g_autofree char *rows = NULL;

  if (self->import_cancellable == NULL)
    return G_SOURCE_REMOVE;
  rows = dsr_format_number ((double) progress->n_rows, 0);
  /* Translators: import progress: a file name and the number of rows read so far */
  text = g_strdup_printf (_("Importing %s: %s rows"), progress->file_name, rows);
  gtk_label_set_text (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* Runs on the worker thread: copy the figures and hand them to the main loop. */
static void
progress_cb (const DsrImportProgress *p,
             gpointer                 user_data)
{
  DsrWindow *self = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->window = g_object_ref (self);
  progress->fraction = p->fraction;
  progress->n_rows = p->n_rows;
  progress->file_name = p->file ? g_file_get_basename (p->file) : g_strdup ("");
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, progress, progress_free);
}

static void
begin_import (DsrWindow  *self,
              const char *what)
{
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->import_label, what);
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "import")), FALSE);
}

static void
end_import (DsrWindow *self)
{
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "import")), TRUE);
}

/* What a dialog shows is bounded, whatever the messages hold: a message may
 * quote a whole field of a file (megabytes), and laying that out in Pango
 * would freeze the main thread for minutes. */
#define MESSAGE_MAX_CHARS   600  /* of a message shown on its own */
#define PROBLEM_MAX_CHARS   300  /* of each problem in a list */
#define PROBLEMS_MAX_LISTED 20   /* problems listed, then "and N more" */
#define NAMES_MAX_LISTED    10   /* file names listed in a message */
#define MAPPING_MAX_COLUMNS 500  /* columns offered in the column mapping */

/* Appends at most @max_chars characters of @text (valid UTF-8 whatever
 * @text holds, line breaks and other control characters as spaces), and
 * "…" when it was cut. Reads at most about 4 × @max_chars bytes. */
static void
append_bounded (GString    *out,
                const char *text,
                glong       max_chars)
{
  gsize length = strnlen (text, (gsize) max_chars * 4 + 1);
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) length);
  gsize start = out->len;

  if (text[length] != '\0' || g_utf8_strlen (valid, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (valid, 0, max_chars);

      g_string_append (out, cut);
      g_string_append (out, "…");
    }
  else
    g_string_append (out, valid);
  for (gsize i = start; i < out->len; i++)
    if ((guchar) out->str[i] < 0x20 || out->str[i] == 0x7f)
      out->str[i] = ' ';
}

static char *
bounded_text (const char *text,
              glong       max_chars)
{
  GString *out = g_string_new (NULL);

  append_bounded (out, text, max_chars);
  return g_string_free (out, FALSE);
}

/* The problems' messages (@errors: of GError), one a line: at most
 * PROBLEMS_MAX_LISTED of them, each at most PROBLEM_MAX_CHARS long. */
char *
_dsr_window_problems_text (GPtrArray *errors)
{
  GString *text = g_string_new (NULL);
  guint n = errors != NULL ? errors->len : 0;

  for (guint i = 0; i < n && i < PROBLEMS_MAX_LISTED; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      append_bounded (text, ((GError *) g_ptr_array_index (errors, i))->message, PROBLEM_MAX_CHARS);
    }
  if (n > PROBLEMS_MAX_LISTED)
    {
      guint more = n - PROBLEMS_MAX_LISTED;

      g_string_append_c (text, '\n');
      /* Translators: after a list of import problems cut short */
      g_string_append_printf (text, ngettext ("and %u more", "and %u more", more), more);
    }
  return g_string_free (text, FALSE);
}

/* A dialog with @body (at most MESSAGE_MAX_CHARS of it) and, when given,
 * @details in a scrolled, selectable label (make it with
 * _dsr_window_problems_text(): bounded). */
void
_dsr_window_show_details (DsrWindow  *self,
                          const char *heading,
                          const char *body,
                          const char *details)
{
  g_autofree char *short_body = body != NULL ? bounded_text (body, MESSAGE_MAX_CHARS) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, short_body);

  if (details != NULL && *details != '\0')
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_name (label, "details");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A display name of @file, bounded. */
static char *
file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = path != NULL ? g_filename_display_basename (path) : g_file_get_basename (file);

  return bounded_text (name != NULL ? name : "", 80);
}

static void
show_message (DsrWindow  *self,
              const char *heading,
              const char *body)
{
  _dsr_window_show_details (self, heading, body, NULL);
}

/* The problems of an import, as GErrors (borrowed). */
static GPtrArray *
problem_errors (GPtrArray *problems)
{
  GPtrArray *errors = g_ptr_array_new ();

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_ptr_array_add (errors, ((DsrImportProblem *) g_ptr_array_index (problems, i))->error);
  return errors;
}

static void
details_cb (AdwToast  *toast,
            DsrWindow *self)
{
  _dsr_window_show_details (self, g_object_get_data (G_OBJECT (toast), "heading"), NULL,
                            g_object_get_data (G_OBJECT (toast), "details"));
}

/* A toast with a Details button that shows @errors (of GError), bounded. */
static AdwToast *
toast_with_details (DsrWindow  *self,
                    const char *title,
                    const char *heading,
                    GPtrArray  *errors)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup); /* the title is markup */

  g_object_set_data_full (G_OBJECT (toast), "heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (toast), "details", _dsr_window_problems_text (errors), g_free);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 0);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (details_cb), self);
  if (self->details_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->details_toast), (gpointer *) &self->details_toast);
  self->details_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->details_toast);
  return toast;
}

/* The column mapping ------------------------------------------------------------- */

static void
mapping_response_cb (DsrColumnMappingDialog *dialog,
                     const char             *response,
                     DsrWindow              *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "files");
  g_autoptr(DsrColumnMapping) mapping = NULL;

  if (!g_str_equal (response, "import") || self->store == NULL)
    return;
  mapping = dsr_column_mapping_dialog_get_mapping (dialog);
  _dsr_window_import_files (self, (GFile **) files->pdata, files->len, mapping);
}

/* Detection did not recognise the file: ask which column is which. */
static void
ask_for_columns (DsrWindow *self,
                 GPtrArray *files,
                 GError    *why)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  DsrImportFormat format;
  DsrColumnMappingDialog *dialog;
  g_autofree char *name = file_display_name (g_ptr_array_index (files, 0));

  if (!dsr_import_detect (g_ptr_array_index (files, 0), NULL, &format, &header, &error)
      || header == NULL || header[0] == NULL)
    {
      show_message (self, _("Import Failed"), why->message);
      return;
    }

  /* The columns' names, bounded: a header may hold megabytes or 100,000
   * columns. The first ones keep their numbers. */
  columns = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; header[c] != NULL && c < MAPPING_MAX_COLUMNS; c++)
    g_ptr_array_add (columns, bounded_text (header[c], 80));
  g_ptr_array_add (columns, NULL);

  dialog = dsr_column_mapping_dialog_new (GTK_WINDOW (self), name, (const char * const *) columns->pdata);
  g_object_set_data_full (G_OBJECT (dialog), "files", g_ptr_array_ref (files),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (mapping_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Running an import -------------------------------------------------------------- */

typedef struct
{
  DsrWindow *window;
  GPtrArray *files;
  DsrColumnMapping *mapping;  /* NULL: detect the columns */
} ImportCall;

static ImportCall *
import_call_new (DsrWindow               *self,
                 GFile                  **files,
                 guint                    n_files,
                 const DsrColumnMapping  *mapping)
{
  ImportCall *call = g_new0 (ImportCall, 1);

  call->window = g_object_ref (self);
  call->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (call->files, g_object_ref (files[i]));
  call->mapping = mapping != NULL ? dsr_column_mapping_copy (mapping) : NULL;
  return call;
}

static void
import_call_free (gpointer data)
{
  ImportCall *call = data;

  g_object_unref (call->window);
  g_ptr_array_unref (call->files);
  g_clear_pointer (&call->mapping, dsr_column_mapping_free);
  g_free (call);
}

/* The window was closed while the work ran: its widgets are gone. */
static gboolean
window_disposed (DsrWindow *self)
{
  return self->store == NULL;
}

static void start_import (DsrWindow *self, ImportCall *call);

/* Starts the next import that waited for the start-up reload (the files
 * given on the command line), if any. */
static void
run_queued_import (DsrWindow *self)
{
  if (self->queued_imports == NULL || self->queued_imports->len == 0
      || self->import_cancellable != NULL || window_disposed (self))
    return;
  start_import (self, g_ptr_array_steal_index (self->queued_imports, 0));
}

static void
remembered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DsrWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  DsrImportEntry *entry = dsr_import_library_remember_finish (result, &error);

  if (entry == NULL && !window_disposed (self))
    {
      g_autofree char *why = bounded_text (error->message, 200);
      g_autofree char *text = g_strdup_printf (_("The import will not be remembered: %s"), why);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
  g_clear_pointer (&entry, dsr_import_entry_free);
  g_object_unref (self);
}

/* An import is all or nothing, as on the command line: when any file is
 * rejected, nothing is committed and the message names the rejected files
 * (the Details list why). Returns FALSE when it showed that message. */
static gboolean
check_nothing_rejected (DsrWindow       *self,
                        DsrImportResult *imported)
{
  GPtrArray *problems = dsr_import_result_get_problems (imported);
  g_autoptr(GPtrArray) errors = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *details = NULL;
  g_autofree char *body = NULL;
  guint n_rejected = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const DsrImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind != DSR_IMPORT_PROBLEM_FILE_REJECTED)
        continue;
      g_ptr_array_add (errors, problem->error);
      if (n_rejected < NAMES_MAX_LISTED && problem->file != NULL)
        {
          g_autofree char *name = file_display_name (problem->file);

          if (names->len > 0)
            /* Translators: between the names of the files in a list (Chinese: 、) */
            g_string_append (names, _(", "));
          g_string_append_printf (names, "“%s”", name);
        }
      n_rejected++;
    }
  if (n_rejected > NAMES_MAX_LISTED)
    {
      guint more = n_rejected - NAMES_MAX_LISTED;

      g_string_append_c (names, ' ');
      g_string_append_printf (names, ngettext ("and %u more", "and %u more", more), more);
    }
  if (n_rejected == 0 && dsr_import_result_get_stats (imported)->n_rejected == 0)
    return TRUE;

  body = g_strdup_printf (ngettext ("Nothing was imported: an import is all or nothing, and this file "
                                    "could not be read: %s.",
                                    "Nothing was imported: an import is all or nothing, and these files "
                                    "could not be read: %s.", MAX (n_rejected, 1)),
                          names->str);
  details = _dsr_window_problems_text (errors);
  _dsr_window_show_details (self, _("Import Failed"), body, details);
  return FALSE;
}

/* Whether the import's problems are all notes (imported, but worth knowing). */
static gboolean
only_notes (GPtrArray *problems)
{
  if (problems == NULL || problems->len == 0)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    if (((DsrImportProblem *) g_ptr_array_index (problems, i))->kind != DSR_IMPORT_PROBLEM_NOTE)
      return FALSE;
  return TRUE;
}

/* The summary and the first note, bounded, as toast markup. */
static char *
notes_text (const char *summary,
            GPtrArray  *problems)
{
  g_autofree char *note = bounded_text (((DsrImportProblem *) g_ptr_array_index (problems, 0))->error->message, 160);
  g_autofree char *text = NULL;

  if (problems->len > 1)
    {
      guint more = problems->len - 1;
      g_autofree char *tail = g_strdup_printf (ngettext ("and %u more", "and %u more", more), more);

      text = g_strdup_printf ("%s %s %s", summary, note, tail);
    }
  else
    text = g_strdup_printf ("%s %s", summary, note);
  return g_markup_escape_text (text, -1);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportCall *call = user_data;
  DsrWindow *self = call->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportResult) imported = dsr_importer_run_finish (result, &error);
  GPtrArray *problems;
  const char * const *indicators;
  AdwToast *toast;

  if (window_disposed (self))
    {
      import_call_free (call);
      return;
    }
  end_import (self);
  if (imported == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Import cancelled: nothing was changed")));
      else if (g_error_matches (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN))
        ask_for_columns (self, call->files, error);
      else
        show_message (self, _("Import Failed"), error->message);
    }
  else if (!check_nothing_rejected (self, imported))
    ;
  else if (!dsr_import_result_commit (imported, self->store, &error))
    show_message (self, _("Import Failed"), error->message);
  else
    {
      dsr_import_library_remember_async (imported, NULL, remembered_cb, g_object_ref (self));
      indicators = dsr_import_result_get_indicator_ids (imported);
      _dsr_window_data_changed (self, indicators && indicators[0] ? indicators[0] : NULL);

      problems = dsr_import_result_get_problems (imported);
      if (only_notes (problems))
        {
          /* Worth knowing, nothing wrong: the summary and the notes in a toast. */
          g_autofree char *text = notes_text (dsr_import_result_get_summary (imported), problems);

          toast = adw_toast_new (text);
          adw_toast_set_timeout (toast, 10);
        }
      else if (problems != NULL && problems->len > 0)
        {
          g_autoptr(GPtrArray) errors = problem_errors (problems);

          toast = toast_with_details (self, dsr_import_result_get_summary (imported),
                                      _("Import Problems"), errors);
        }
      else
        {
          g_autofree char *summary = g_markup_escape_text (dsr_import_result_get_summary (imported), -1);

          toast = adw_toast_new (summary);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  import_call_free (call);
  run_queued_import (self);
}

/* The commit changes the store: it waits for the exports that read it. */
static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ImportCall *call = user_data;

  dsr_store_guard_finish (call->window->store, import_done, source, result, user_data);
}

static void
start_import (DsrWindow  *self,
              ImportCall *call)
{
  g_autofree char *name = file_display_name (g_ptr_array_index (call->files, 0));
  g_autofree char *what = NULL;

  /* Translators: %s is a file name */
  what = g_strdup_printf (_("Importing %s…"), name);
  begin_import (self, what);
  dsr_importer_run_async (self->store, (GFile **) call->files->pdata, call->files->len, call->mapping,
                          self->import_cancellable, progress_cb, self, import_finished_cb, call);
}

/* Imports @files (the data files and their metadata files, together).
 * While the remembered imports are being loaded at start-up, the files
 * wait for that to end (the command line's --data). */
void
_dsr_window_import_files (DsrWindow               *self,
                          GFile                  **files,
                          guint                    n_files,
                          const DsrColumnMapping  *mapping)
{
  g_return_if_fail (n_files > 0);

  if (self->import_cancellable != NULL && self->loading_library)
    {
      if (self->queued_imports == NULL)
        self->queued_imports = g_ptr_array_new_with_free_func (import_call_free);
      g_ptr_array_add (self->queued_imports, import_call_new (self, files, n_files, mapping));
      return;
    }
  if (self->import_cancellable != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("An import is running: wait for it or cancel it")));
      return;
    }
  start_import (self, import_call_new (self, files, n_files, mapping));
}

/* Drops what waits, when the window goes. */
void
_dsr_window_import_dispose (DsrWindow *self)
{
  g_clear_pointer (&self->queued_imports, g_ptr_array_unref);
  if (self->details_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->details_toast), (gpointer *) &self->details_toast);
  self->details_toast = NULL;
}

/* The remembered imports, at start-up ----------------------------------------------- */

static void
library_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DsrWindow *self = user_data;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;

  self->loading_library = FALSE;
  if (window_disposed (self))
    {
      g_object_unref (self);
      return;
    }
  end_import (self);
  if (!dsr_import_library_load_finish (self->store, result, problems, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Imported Data Could Not Be Loaded"), error->message);
    }
  else
    _dsr_window_data_changed (self, NULL);

  if (problems->len > 0)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 toast_with_details (self, _("Some imported data could not be loaded"),
                                                     _("Imported Data Could Not Be Loaded"), problems));
  /* The files given at start-up waited for this. */
  run_queued_import (self);
  g_object_unref (self);
}

/* Loading commits to the store: it waits for the exports that read it. */
static void
library_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DsrWindow *self = user_data;

  dsr_store_guard_finish (self->store, library_loaded, source, result, user_data);
}

/* Imports again what earlier sessions imported, off the main thread. */
void
_dsr_window_load_library (DsrWindow *self)
{
  g_autoptr(GPtrArray) entries = dsr_import_library_list (NULL);

  if (entries == NULL || entries->len == 0)
    return;
  self->loading_library = TRUE;
  begin_import (self, _("Loading imported data…"));
  dsr_import_library_load_async (self->store, self->import_cancellable, progress_cb, self,
                                 library_loaded_cb, g_object_ref (self));
}

/* Actions -------------------------------------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     DsrWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        _dsr_window_import_files (self, (GFile **) array->pdata, array->len, NULL);
    }
  g_object_unref (chooser);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  DsrWindow *self = user_data;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Data"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files (World Bank, Our World in Data, tidy)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_unref (filter);
  g_object_unref (all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  DsrWindow *self = user_data;

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
import_removed_cb (DsrImportsWindow *imports,
                   const char       *id,
                   DsrWindow        *self)
{
  if (!window_disposed (self))
    _dsr_window_data_changed (self, NULL);
}

/* The remembered imports, each with a Remove button. */
static void
manage_imports_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DsrWindow *self = user_data;
  DsrImportsWindow *imports = dsr_imports_window_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (imports, "removed", G_CALLBACK (import_removed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (imports));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DsrWindow     *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  _dsr_window_import_files (self, (GFile **) files->pdata, files->len, NULL);
  return TRUE;
}

static const GActionEntry import_actions[] = {
  { "import", import_action },
  { "cancel-import", cancel_import_action },
  { "manage-imports", manage_imports_action },
};

void
_dsr_window_import_init (DsrWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_action_map_add_action_entries (G_ACTION_MAP (self), import_actions, G_N_ELEMENTS (import_actions), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
