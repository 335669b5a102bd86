/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-export-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-export-dialog.h"
#include "dsr-figure.h"
#include "dsr-render.h"

/* The export dialog: format, size preset, theme and a live preview of exactly
 * what will be written; the file is written by the render layer's export, the
 * same code as the command line's. */

#define PREVIEW_WIDTH 520
#define PREVIEW_HEIGHT 340
#define A4_LANDSCAPE_WIDTH 1123  /* 297 mm at 96 px/inch */
#define A4_LANDSCAPE_HEIGHT 794  /* 210 mm */
#define REPORT_DPI 300.0

struct _DsrExportDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
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

  DsrStore *store;
  DsrView *view;            /* the export's view: size and scheme set by the dialog */
  GSettings *settings;      /* nullable */
  GtkFileChooserNative *chooser;
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
  DsrExportSize size = adw_combo_row_get_selected (self->size_row);

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), NULL);

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

static void
update_preview (DsrExportDialog *self)
{
  DsrExportOptions options;
  const DsrView *view = dsr_export_dialog_get_view (self, &options);
  DsrExportFormat format = current_format (self);
  gboolean custom = adw_combo_row_get_selected (self->size_row) == DSR_EXPORT_SIZE_CUSTOM;
  g_autofree char *size_text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->width_row), custom && format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), custom && format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->size_row), format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row), format != DSR_EXPORT_CSV);
  gtk_widget_set_visible (GTK_WIDGET (self->text_row), format == DSR_EXPORT_SVG);

  if (format == DSR_EXPORT_CSV)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = dsr_figure_render (self->store, view, DSR_EXPORT_CSV, &options, &error);
      g_autofree char *text = NULL;

      if (bytes != NULL)
        text = g_strndup (g_bytes_get_data (bytes, NULL), MIN (g_bytes_get_size (bytes), 4000));
      gtk_label_set_text (self->preview_text, text ? text : error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
      gtk_label_set_text (self->size_label, _("The numbers shown, one row each"));
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

  if (format == DSR_EXPORT_PNG)
    /* Translators: the pixel size of an exported image, e.g. "3508 × 2481 pixels" */
    size_text = g_strdup_printf (_("%d × %d pixels"), (int) (view->width * view->scale + 0.5),
                                 (int) (view->height * view->scale + 0.5));
  else
    /* Translators: the size of a vector figure in points, e.g. "1920 × 1080 pt" */
    size_text = g_strdup_printf (_("%d × %d pt"), view->width, view->height);
  gtk_label_set_text (self->size_label, size_text);
}

char *
dsr_export_dialog_suggest_name (DsrExportDialog *self)
{
  const char *extension = dsr_export_format_to_string (current_format (self));
  g_autofree char *base = NULL;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), NULL);

  if (self->view->kind == DSR_VIEW_TREND)
    base = g_strdup_printf ("%s-%s", self->view->indicator_id, dsr_view_kind_to_string (self->view->kind));
  else
    base = g_strdup_printf ("%s-%s-%d", self->view->indicator_id,
                            dsr_view_kind_to_string (self->view->kind), self->view->year);
  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s.%s", base, extension);
}

/* Writes the export to @file (atomically: the render layer writes a temporary
 * file and renames it). This is what the file chooser's answer calls. */
gboolean
dsr_export_dialog_export_to (DsrExportDialog  *self,
                             GFile            *file,
                             GError          **error)
{
  DsrExportOptions options;
  const DsrView *view;
  g_autofree char *path = NULL;

  g_return_val_if_fail (DSR_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write to “%s”: only local files can be exported"), uri);
      return FALSE;
    }

  view = dsr_export_dialog_get_view (self, &options);
  options.format = DSR_EXPORT_AUTO; /* the extension the user typed decides */
  if (!dsr_figure_export (self->store, view, path, &options, error))
    return FALSE;

  if (self->settings != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;

      if (folder != NULL)
        g_settings_set_string (self->settings, "export-folder", folder);
    }
  g_signal_emit (self, signals[EXPORTED], 0, file);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     DsrExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (dsr_export_dialog_export_to (self, file, &error))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), error->message);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
export_clicked_cb (DsrExportDialog *self)
{
  g_autofree char *name = dsr_export_dialog_suggest_name (self);
  g_autofree char *folder = self->settings ? g_settings_get_string (self->settings, "export-folder") : NULL;
  g_autoptr(GFile) folder_file = NULL;

  if (folder == NULL || *folder == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_free (folder);
      folder = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));
    }

  self->chooser = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      folder_file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder_file, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GtkWidget *
combo_row_new (const char          *title,
               const char * const  *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return row;
}

static GtkWidget *
spin_row_new (const char     *title,
              GtkSpinButton **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (100, 10000, 10);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  *spin_out = GTK_SPIN_BUTTON (spin);
  return row;
}

static void
dsr_export_dialog_dispose (GObject *object)
{
  DsrExportDialog *self = DSR_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dsr_export_dialog_init (DsrExportDialog *self)
{
  const char *format_items[] = { _("PNG image"), _("SVG drawing"), _("PDF document"),
                                 _("CSV table of the numbers"), NULL };
  const char *size_items[] = { _("Slide 16:9 (1920 × 1080)"), _("Report: A4 at 300 dpi"),
                               _("Square (1080 × 1080)"), _("Custom"), NULL };
  const char *theme_items[] = { _("Light"), _("Dark"), NULL };
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *text_scroll = gtk_scrolled_window_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *switch_row = adw_action_row_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Export Figure"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 520);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (export, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  /* The preview. */
  self->preview_stack = GTK_STACK (gtk_stack_new ());
  self->preview_picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->preview_picture, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->preview_picture), PREVIEW_WIDTH, PREVIEW_HEIGHT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the exported figure"), -1);
  gtk_stack_add_named (self->preview_stack, GTK_WIDGET (self->preview_picture), "picture");
  self->preview_text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->preview_text, 0);
  gtk_label_set_yalign (self->preview_text, 0);
  gtk_label_set_selectable (self->preview_text, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_text), "monospace");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroll), GTK_WIDGET (self->preview_text));
  gtk_widget_set_size_request (text_scroll, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  gtk_stack_add_named (self->preview_stack, text_scroll, "text");
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->preview_stack));
  gtk_box_append (GTK_BOX (preview_box), frame);
  self->size_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->size_label), "dim-label");
  gtk_box_append (GTK_BOX (preview_box), GTK_WIDGET (self->size_label));
  gtk_box_append (GTK_BOX (body), preview_box);

  /* The options. */
  self->format_row = ADW_COMBO_ROW (combo_row_new (_("Format"), format_items));
  self->size_row = ADW_COMBO_ROW (combo_row_new (_("Size"), size_items));
  self->width_row = ADW_ACTION_ROW (spin_row_new (_("Width (px)"), &self->width_spin));
  self->height_row = ADW_ACTION_ROW (spin_row_new (_("Height (px)"), &self->height_spin));
  self->theme_row = ADW_COMBO_ROW (combo_row_new (_("Theme"), theme_items));
  gtk_spin_button_set_value (self->width_spin, 1600);
  gtk_spin_button_set_value (self->height_spin, 1000);
  self->text_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->text_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (switch_row), _("Text as Outlines"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (switch_row),
                               _("The exact look everywhere, but the text can no longer be edited or searched"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (switch_row), GTK_WIDGET (self->text_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (switch_row), GTK_WIDGET (self->text_switch));
  self->text_row = ADW_ACTION_ROW (switch_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->size_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->width_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->height_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->theme_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), switch_row);
  gtk_widget_set_hexpand (group, TRUE);
  gtk_box_append (GTK_BOX (body), group);

  gtk_widget_set_margin_start (body, 24);
  gtk_widget_set_margin_end (body, 24);
  gtk_widget_set_margin_top (body, 24);
  gtk_widget_set_margin_bottom (body, 24);
  gtk_box_append (GTK_BOX (box), body);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (update_preview), self);
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
  self->store = g_object_ref (store);
  self->view = dsr_view_copy (view);
  self->settings = settings ? g_object_ref (settings) : NULL;
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    adw_combo_row_set_selected (self->theme_row, 1);
  update_preview (self);
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
