/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-export-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-export-dialog.h"
#include "dsr-figure.h"
#include "dsr-render.h"
#include "dsr-store-guard.h"

/* The export dialog (ui/dsr-export-dialog.ui): format, size preset, theme and
 * a live preview of exactly what will be written. Export… (the default
 * widget: Enter) asks for a file, then a task renders and writes it on a
 * worker thread (the render layer's export, the same as the command line's:
 * plain cairo, atomic write and disk sync), while the dialog shows a spinner
 * and stays responsive.
 *
 * What the worker reads: its own copy of the view and a reference to the
 * store. The store is not copied, so it must not change meanwhile: the
 * export holds the store's guard (dsr-store-guard.h), and every change the
 * main thread makes to the store (an import's commit, a removal, an update)
 * waits for the guard to be free. */

#define PREVIEW_WIDTH 520
#define PREVIEW_HEIGHT 340
#define A4_LANDSCAPE_WIDTH 1123  /* 297 mm at 96 px/inch */
#define A4_LANDSCAPE_HEIGHT 794  /* 210 mm */
#define REPORT_DPI 300.0
#define PT_PER_PX (72.0 / 96.0)  /* the PDF's page is in points */
#define NAME_MAX_CHARS 60        /* of the indicator's name in a file name */

struct _DsrExportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkButton *cancel_button;
  GtkButton *export_button;
  GtkSpinner *spinner;
  GtkWidget *body;
  AdwPreferencesGroup *options_group;
  AdwComboRow *format_row;
  AdwComboRow *size_row;
  AdwComboRow *theme_row;
  AdwActionRow *width_row;
  AdwActionRow *height_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwActionRow *text_row;
  GtkSwitch *text_switch;
  GtkStack *preview_stack;
  GtkPicture *preview_picture;
  GtkLabel *preview_text;
  GtkLabel *size_label;
  GtkRevealer *progress_revealer;

  DsrStore *store;
  DsrView *view;            /* the export's view: size and scheme set by the dialog */
  GSettings *settings;      /* nullable */
  GtkFileChooserNative *chooser;
  GFile *file;              /* nullable: export there without asking */
  GCancellable *cancellable; /* while an export runs */
  gboolean close_when_done;
};

G_DEFINE_FINAL_TYPE (DsrExportDialog, dsr_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const DsrExportFormat formats[] = { DSR_EXPORT_PNG, DSR_EXPORT_SVG, DSR_EXPORT_PDF, DSR_EXPORT_CSV };

static DsrExportFormat
current_format (DsrExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return formats[MIN (i, G_N_ELEMENTS (formats) - 1)];
}

/* Fills the export's view and options from the controls. */
const DsrView *
dsr_export_dialog_get_view (DsrExportDialog  *self,
                            DsrExportOptions *options)
{
  DsrExportSize size;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), NULL);

  size = adw_combo_row_get_selected (self->size_row);
  self->view->scale = 1.0;
  switch (size)
    {
    case DSR_EXPORT_SIZE_SLIDE:
      self->view->width = 1920;
      self->view->height = 1080;
      break;
    case DSR_EXPORT_SIZE_REPORT:
      self->view->width = A4_LANDSCAPE_WIDTH;
      self->view->height = A4_LANDSCAPE_HEIGHT;
      self->view->scale = REPORT_DPI / 96.0;
      break;
    case DSR_EXPORT_SIZE_SQUARE:
      self->view->width = 1080;
      self->view->height = 1080;
      break;
    case DSR_EXPORT_SIZE_CUSTOM:
    default:
      self->view->width = gtk_spin_button_get_value_as_int (self->width_spin);
      self->view->height = gtk_spin_button_get_value_as_int (self->height_spin);
      break;
    }
  self->view->scheme = adw_combo_row_get_selected (self->theme_row) == 1 ? DSR_SCHEME_DARK
                                                                          : DSR_SCHEME_LIGHT;
  if (options != NULL)
    {
      memset (options, 0, sizeof *options);
      options->format = current_format (self);
      options->svg_text_as_paths = gtk_switch_get_active (self->text_switch);
      options->scale = self->view->scale;
      if (size == DSR_EXPORT_SIZE_REPORT)
        options->dpi = REPORT_DPI;
    }
  return self->view;
}

/* What the file will measure, in the unit the file uses: pixels for PNG,
 * CSS pixels (the SVG's user unit, 96 a inch) for SVG, points for PDF. */
char *
dsr_export_dialog_describe_size (DsrExportDialog *self)
{
  DsrExportOptions options;
  const DsrView *view;
  g_autofree char *size = NULL;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), NULL);

  view = dsr_export_dialog_get_view (self, &options);
  switch (options.format)
    {
    case DSR_EXPORT_CSV:
      return g_strdup (_("The numbers shown, one row each"));
    case DSR_EXPORT_PNG:
      /* Translators: the pixel size of an exported image, e.g. "3508 × 2481 pixels" */
      return g_strdup_printf (_("%d × %d pixels"), (int) (view->width * view->scale + 0.5),
                              (int) (view->height * view->scale + 0.5));
    case DSR_EXPORT_SVG:
      /* Translators: the size of an SVG drawing in CSS pixels (96 an inch), e.g. "1123 × 794 px" */
      size = g_strdup_printf (_("%d × %d px"), view->width, view->height);
      break;
    case DSR_EXPORT_PDF:
    default:
      /* Translators: the size of a PDF page in points (72 an inch), e.g. "842 × 595 pt" */
      size = g_strdup_printf (_("%d × %d pt"), (int) (view->width * PT_PER_PX + 0.5),
                              (int) (view->height * PT_PER_PX + 0.5));
      break;
    }
  if (adw_combo_row_get_selected (self->size_row) == DSR_EXPORT_SIZE_REPORT)
    /* Translators: a vector figure's size and its paper, e.g. "842 × 595 pt · A4 landscape, 297 × 210 mm" */
    return g_strdup_printf (_("%s · A4 landscape, 297 × 210 mm"), size);
  return g_steal_pointer (&size);
}

static void
update_preview (DsrExportDialog *self)
{
  DsrExportOptions options;
  const DsrView *view;
  DsrExportFormat format;
  gboolean custom;
  g_autofree char *size_text = NULL;

  if (self->store == NULL)
    return; /* not set up yet, or gone */

  view = dsr_export_dialog_get_view (self, &options);
  format = current_format (self);
  custom = adw_combo_row_get_selected (self->size_row) == DSR_EXPORT_SIZE_CUSTOM;
  gtk_widget_set_visible (GTK_WIDGET (self->width_row), custom && format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), custom && format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->size_row), format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row), format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->text_row), format == DSR_EXPORT_SVG);

  size_text = dsr_export_dialog_describe_size (self);
  gtk_label_set_text (self->size_label, size_text);

  if (format == DSR_EXPORT_CSV)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = dsr_figure_render (self->store, view, DSR_EXPORT_CSV, &options, &error);
      g_autofree char *text = NULL;

      if (bytes != NULL)
        text = g_strndup (g_bytes_get_data (bytes, NULL), MIN (g_bytes_get_size (bytes), 4000));
      gtk_label_set_text (self->preview_text, text ? text : error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
      return;
    }

  /* The figure itself, scaled down to fit the preview. */
  {
    double fit = MIN ((double) PREVIEW_WIDTH / view->width, (double) PREVIEW_HEIGHT / view->height);
    int w = MAX (1, (int) (view->width * fit));
    int h = MAX (1, (int) (view->height * fit));
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create (surface);
    g_autoptr(DsrRenderStyle) style = dsr_render_style_new (view->scheme);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GdkTexture) texture = NULL;

    cairo_scale (cr, fit, fit);
    dsr_figure_draw (cr, self->store, view, style, view->width, view->height);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                         cairo_image_surface_get_stride (surface) * h);
    texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                      cairo_image_surface_get_stride (surface));
    cairo_surface_destroy (surface);
    gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
    gtk_stack_set_visible_child_name (self->preview_stack, "picture");
  }
}

/* A file name --------------------------------------------------------------------- */

/* @text safe as a file name on the usual file systems (ext4, NTFS, FAT, APFS):
 * no separators, no characters Windows refuses, no control characters, no
 * leading or trailing dots and spaces. */
static void
make_file_name_safe (GString *text)
{
  GString *out = g_string_sized_new (text->len);

  for (const char *p = text->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, c == ':' ? ' ' : '-');
          continue;
        }
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'
                          || out->str[out->len - 1] == '-'))
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && (out->str[0] == ' ' || out->str[0] == '.'))
    g_string_erase (out, 0, 1);
  g_string_assign (text, out->str);
  g_string_free (out, TRUE);
}

/* The indicator's name, short: up to its first comma or parenthesis, and at
 * most NAME_MAX_CHARS characters, cut at a space. */
static char *
short_indicator_name (const char *name)
{
  g_autofree char *cut = NULL;
  const char *end = name + strcspn (name, ",(;");
  glong n;

  while (end > name && end[-1] == ' ')
    end--;
  cut = g_strndup (name, end - name);
  if (*cut == '\0')
    {
      g_free (cut);
      cut = g_strdup (name);
    }
  n = g_utf8_strlen (cut, -1);
  if (n > NAME_MAX_CHARS)
    {
      char *last = g_utf8_offset_to_pointer (cut, NAME_MAX_CHARS);
      char *space;

      *last = '\0';
      space = strrchr (cut, ' ');
      if (space != NULL && space > cut + NAME_MAX_CHARS / 2)
        *space = '\0';
    }
  return g_steal_pointer (&cut);
}

static const char *
view_kind_word (DsrViewKind kind)
{
  switch (kind)
    {
    /* Translators: the view in an exported file's suggested name, e.g. "Internet users 2022 (map).png" */
    case DSR_VIEW_MAP: return C_("file name", "map");
    case DSR_VIEW_BARS: return C_("file name", "regions");
    case DSR_VIEW_TREND: return C_("file name", "trend");
    case DSR_VIEW_TABLE:
    default:
      return C_("file name", "table");
    }
}

/* A readable name: "Individuals using the Internet 2022 (map).png". */
char *
dsr_export_dialog_suggest_name (DsrExportDialog *self)
{
  const char *extension;
  DsrIndicator *indicator;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) base = NULL;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), NULL);

  extension = dsr_export_format_to_string (current_format (self));
  indicator = dsr_store_get_indicator (self->store, self->view->indicator_id);
  name = short_indicator_name (indicator != NULL ? dsr_indicator_get_name (indicator)
                                                 : (self->view->indicator_id ? self->view->indicator_id : ""));
  if (self->view->kind == DSR_VIEW_TREND || self->view->year == 0)
    /* Translators: an exported file's suggested name: the indicator and the view, e.g. "Internet users (trend)" */
    text = g_strdup_printf (_("%s (%s)"), name, view_kind_word (self->view->kind));
  else
    /* Translators: an exported file's suggested name: the indicator, the year and the view,
     * e.g. "Internet users 2022 (map)" */
    text = g_strdup_printf (_("%s %d (%s)"), name, self->view->year, view_kind_word (self->view->kind));
  base = g_string_new (text);
  make_file_name_safe (base);
  if (base->len == 0)
    g_string_assign (base, "figure");
  return g_strdup_printf ("%s.%s", base->str, extension);
}

/* The folder the file chooser opens in: the last one used (remembered in
 * the settings), else Pictures for images and Documents for PDF and CSV,
 * else the home folder. */
GFile *
dsr_export_dialog_suggest_folder (DsrExportDialog *self)
{
  g_autofree char *folder = NULL;
  DsrExportFormat format;
  const char *special;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), NULL);

  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "export-folder");
  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);

  format = current_format (self);
  special = g_get_user_special_dir (format == DSR_EXPORT_PDF || format == DSR_EXPORT_CSV
                                      ? G_USER_DIRECTORY_DOCUMENTS : G_USER_DIRECTORY_PICTURES);
  if (special != NULL && g_file_test (special, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (special);
  return g_file_new_for_path (g_get_home_dir ());
}

/* The export, on a worker thread ------------------------------------------------------- */

typedef struct
{
  DsrStore *store;          /* a reference; its guard is held until the worker is done */
  DsrView *view;            /* a copy */
  DsrExportOptions options;
  char *path;
  GFile *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_object_unref (job->store);
  dsr_view_free (job->view);
  g_free (job->path);
  g_object_unref (job->file);
  g_free (job);
}

static gboolean
release_guard_cb (gpointer data)
{
  dsr_store_guard_release (data);
  return G_SOURCE_REMOVE;
}

/* Renders and writes; FALSE with @error when it did not. */
static gboolean
export_work (ExportJob     *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  DsrExportFormat format = DSR_EXPORT_AUTO;

  /* The extension the user typed decides the format. */
  if (!dsr_export_format_from_path (job->path, &format, error))
    return FALSE;
  job->options.format = format;
  contents = dsr_figure_render (job->store, job->view, format, &job->options, error);
  if (contents == NULL)
    return FALSE;
  /* Cancelled while drawing: nothing is written. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return dsr_export_write_file (job->path, contents, error);
}

/* On the worker: the export; then the store's guard is released on the main
 * thread, before the task's callback runs there (it is queued first). */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean done = export_work (job, cancellable, &error);

  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, release_guard_cb,
                              g_object_ref (job->store), g_object_unref);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static GTask *
export_task_new (DsrExportDialog     *self,
                 GFile               *file,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  /* No source object: the worker may drop the task's last reference, and a
   * window must not be finalized off the main thread. The caller keeps the
   * dialog alive (the callback's data holds it). */
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *path = g_file_get_path (file);
  ExportJob *job;
  DsrExportOptions options;

  g_task_set_source_tag (task, dsr_export_dialog_export_async);
  g_task_set_name (task, "[dsr-atlas] export");
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot write to “%s”: only local files can be exported"), uri);
      return task;
    }

  job = g_new0 (ExportJob, 1);
  job->store = g_object_ref (self->store);
  job->view = dsr_view_copy (dsr_export_dialog_get_view (self, &options));
  job->options = options;
  job->path = g_steal_pointer (&path);
  job->file = g_object_ref (file);
  /* No change to the store until the worker is done. */
  dsr_store_guard_hold (job->store);
  g_task_set_task_data (task, job, export_job_free);
  return task;
}

/* Renders and writes the export to @file on a worker thread (atomically: the
 * render layer writes a temporary file, syncs it and renames it). The
 * callback's source object is NULL: keep @self alive in @user_data. */
void
dsr_export_dialog_export_async (DsrExportDialog     *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DSR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = export_task_new (self, file, cancellable, callback, user_data);
  if (!g_task_had_error (task))
    g_task_run_in_thread (task, export_thread);
}

static void
remember_folder (DsrExportDialog *self,
                 GFile           *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;

  if (self->settings != NULL && folder != NULL)
    g_settings_set_string (self->settings, "export-folder", folder);
}

gboolean
dsr_export_dialog_export_finish (DsrExportDialog  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  ExportJob *job;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dsr_export_dialog_export_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  remember_folder (self, job->file);
  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  return TRUE;
}

/* The same export, waiting for it (the tests). */
gboolean
dsr_export_dialog_export_to (DsrExportDialog  *self,
                             GFile            *file,
                             GError          **error)
{
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  task = export_task_new (self, file, NULL, NULL, NULL);
  if (!g_task_had_error (task))
    g_task_run_in_thread_sync (task, export_thread);
  return dsr_export_dialog_export_finish (self, G_ASYNC_RESULT (task), error);
}

gboolean
dsr_export_dialog_get_busy (DsrExportDialog *self)
{
  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

static void
set_busy (DsrExportDialog *self,
          gboolean         busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  if (!busy)
    g_clear_object (&self->cancellable);
}

static void
show_error (DsrExportDialog *self,
            const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DsrExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->store == NULL)
    return; /* the dialog was destroyed meanwhile */
  done = dsr_export_dialog_export_finish (self, result, &error);
  set_busy (self, FALSE);
  if (done || self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

static void
start_export (DsrExportDialog *self,
              GFile           *file)
{
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  dsr_export_dialog_export_async (self, file, self->cancellable, exported_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     DsrExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    start_export (self, file);
}

static void
export_clicked_cb (DsrExportDialog *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->cancellable != NULL || self->chooser != NULL)
    return;
  if (self->file != NULL)
    {
      start_export (self, self->file);
      return;
    }
  name = dsr_export_dialog_suggest_name (self);
  folder = dsr_export_dialog_suggest_folder (self);
  self->chooser = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Cancel: stops a running export (nothing is written), else closes. */
static void
cancel_clicked_cb (DsrExportDialog *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (DsrExportDialog *self)
{
  if (self->cancellable == NULL)
    return FALSE;
  /* Closed while exporting: stop, and close when the worker is done. */
  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

/* After an export: one toast ------------------------------------------------------------ */

typedef struct
{
  GtkWindow *parent;  /* a reference, nullable */
  GFile *file;
} ShowInFolder;

static void
show_in_folder_free (ShowInFolder *show)
{
  g_clear_object (&show->parent);
  g_clear_object (&show->file);
  g_free (show);
}

/* No file manager answered: open the folder with the default handler. */
static void
open_folder (ShowInFolder *show)
{
  g_autoptr(GFile) parent = g_file_get_parent (show->file);
  g_autofree char *uri = parent != NULL ? g_file_get_uri (parent) : NULL;

  if (uri != NULL)
    gtk_show_uri (show->parent, uri, GDK_CURRENT_TIME);
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowInFolder *show = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply == NULL)
    {
      g_debug ("FileManager1.ShowItems: %s", error->message);
      open_folder (show);
    }
  show_in_folder_free (show);
}

static void
session_bus_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ShowInFolder *show = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (bus == NULL)
    {
      open_folder (show);
      show_in_folder_free (show);
      return;
    }
  uri = g_file_get_uri (show->file);
  uris[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, show_items_cb, show);
}

/* Shows @file in the file manager (the FileManager1 D-Bus interface that
 * Files and most file managers implement), else opens its folder. Nothing
 * waits for the answer on the main thread. */
void
dsr_show_in_folder (GtkWidget *parent,
                    GFile     *file)
{
  ShowInFolder *show;
  GtkRoot *root;

  g_return_if_fail (G_IS_FILE (file));

  show = g_new0 (ShowInFolder, 1);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  show->parent = GTK_IS_WINDOW (root) ? g_object_ref (GTK_WINDOW (root)) : NULL;
  show->file = g_object_ref (file);
  g_bus_get (G_BUS_TYPE_SESSION, NULL, session_bus_cb, show);
}

static void
toast_show_in_folder_cb (AdwToast  *toast,
                         GtkWidget *parent)
{
  dsr_show_in_folder (parent, g_object_get_data (G_OBJECT (toast), "file"));
}

/* The one toast after an export: "Exported “name”", with Show in Folder. */
AdwToast *
dsr_export_toast_new (GtkWidget *parent,
                      GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  /* Translators: a notification after an export, with the file's name */
  title = g_markup_printf_escaped (_("Exported “%s”"), name);
  toast = adw_toast_new (title); /* the title is markup */
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  adw_toast_set_button_label (toast, _("_Show in Folder"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_show_in_folder_cb), parent, 0);
  return toast;
}

/* The class ----------------------------------------------------------------------------- */

static void
dsr_export_dialog_dispose (GObject *object)
{
  DsrExportDialog *self = DSR_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_pointer (&self->view, dsr_view_free);

  G_OBJECT_CLASS (dsr_export_dialog_parent_class)->dispose (object);
}

static void
dsr_export_dialog_class_init (DsrExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_export_dialog_dispose;

  /* A file was written. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, body);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, preview_text);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, text_switch);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, DsrExportDialog, width_spin);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_preview);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dsr_export_dialog_init (DsrExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

DsrExportDialog *
dsr_export_dialog_new (GtkWindow     *parent,
                       DsrStore      *store,
                       const DsrView *view,
                       GSettings     *settings)
{
  DsrExportDialog *self;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  self = g_object_new (DSR_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->view = dsr_view_copy (view);
  self->settings = settings ? g_object_ref (settings) : NULL;
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    adw_combo_row_set_selected (self->theme_row, 1);
  self->store = g_object_ref (store);
  update_preview (self);
  /* Enter exports: the focus starts on Export (the default widget), not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  return self;
}

void
dsr_export_dialog_set_format (DsrExportDialog *self,
                              DsrExportFormat  format)
{
  g_return_if_fail (DSR_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}

void
dsr_export_dialog_set_size (DsrExportDialog *self,
                            DsrExportSize    size)
{
  g_return_if_fail (DSR_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->size_row, size);
}

void
dsr_export_dialog_set_custom_size (DsrExportDialog *self,
                                   int              width,
                                   int              height)
{
  g_return_if_fail (DSR_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->size_row, DSR_EXPORT_SIZE_CUSTOM);
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}

void
dsr_export_dialog_set_scheme (DsrExportDialog *self,
                              DsrScheme        scheme)
{
  g_return_if_fail (DSR_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->theme_row, scheme == DSR_SCHEME_DARK ? 1 : 0);
}

/* Export… then writes @file without asking where (nullable: asks). */
void
dsr_export_dialog_set_file (DsrExportDialog *self,
                            GFile           *file)
{
  g_return_if_fail (DSR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_set_object (&self->file, file);
}
