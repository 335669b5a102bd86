/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-summary-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-summary.h"
#include "dsr-summary-bar.h"

struct _DsrSummaryBar
{
  AdwBin      parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *copy_button;

  DsrStore    *store;
  DsrView     *view;     /* NULL: nothing to summarize (the About page) */
  char        *text;     /* the summary of view, once made */
  gboolean     stale;    /* text is not that of view */
  guint        idle_source;
};

enum
{
  PROP_0,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DsrSummaryBar, dsr_summary_bar, ADW_TYPE_BIN)

/* Makes the text of the view now, if it is not made yet. */
static void
update_text (DsrSummaryBar *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (!self->stale)
    return;
  self->stale = FALSE;
  g_clear_pointer (&self->text, g_free);
  if (self->store != NULL && self->view != NULL)
    {
      self->text = dsr_summary_text (self->store, self->view, &error);
      if (self->text == NULL)
        self->text = g_strdup (error->message);
    }
  gtk_label_set_text (self->label, self->text ? self->text : "");
  gtk_widget_set_visible (GTK_WIDGET (self), self->text != NULL && *self->text != '\0');
}

static gboolean
update_idle_cb (gpointer data)
{
  DsrSummaryBar *self = data;

  self->idle_source = 0;
  update_text (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (DsrSummaryBar *self)
{
  if (self->stale && self->idle_source == 0 && gtk_revealer_get_reveal_child (self->revealer))
    self->idle_source = g_idle_add_full (G_PRIORITY_LOW, update_idle_cb, self, NULL);
}

/* Takes a copy of @view (its kind is what is summarized); %NULL for a page
 * that shows no figure. */
void
dsr_summary_bar_set_view (DsrSummaryBar *self,
                          DsrStore      *store,
                          const DsrView *view)
{
  g_return_if_fail (DSR_IS_SUMMARY_BAR (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->view, dsr_view_free);
  self->view = view ? dsr_view_copy (view) : NULL;
  self->stale = TRUE;
  if (self->view == NULL)
    update_text (self);
  else
    schedule_update (self);
}

/* The summary shown (made now if the view changed since). */
const char *
dsr_summary_bar_get_text (DsrSummaryBar *self)
{
  g_return_val_if_fail (DSR_IS_SUMMARY_BAR (self), NULL);

  update_text (self);
  return self->text ? self->text : "";
}

gboolean
dsr_summary_bar_get_revealed (DsrSummaryBar *self)
{
  g_return_val_if_fail (DSR_IS_SUMMARY_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

void
dsr_summary_bar_set_revealed (DsrSummaryBar *self,
                              gboolean       revealed)
{
  g_return_if_fail (DSR_IS_SUMMARY_BAR (self));

  revealed = !!revealed;
  if (revealed == gtk_revealer_get_reveal_child (self->revealer))
    return;
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  schedule_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/* The "show-summary" toggle in @map, kept in @settings' "show-summary"
 * when there are settings. */
void
dsr_summary_bar_add_action (DsrSummaryBar *self,
                            GActionMap    *map,
                            GSettings     *settings)
{
  g_autoptr(GAction) action = NULL;

  g_return_if_fail (DSR_IS_SUMMARY_BAR (self));

  /* With settings, the toggle is the setting's own action and the bar follows
   * the setting; without (a schema not installed), it is the bar's property. */
  if (settings != NULL)
    {
      g_settings_bind (settings, "show-summary", self, "revealed", G_SETTINGS_BIND_GET);
      action = g_settings_create_action (settings, "show-summary");
    }
  else
    action = G_ACTION (g_property_action_new ("show-summary", self, "revealed"));
  g_action_map_add_action (map, action);
}

static void
copy_clicked_cb (DsrSummaryBar *self)
{
  const char *text = dsr_summary_bar_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
dsr_summary_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DsrSummaryBar *self = DSR_SUMMARY_BAR (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      g_value_set_boolean (value, dsr_summary_bar_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_summary_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DsrSummaryBar *self = DSR_SUMMARY_BAR (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      dsr_summary_bar_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_summary_bar_dispose (GObject *object)
{
  DsrSummaryBar *self = DSR_SUMMARY_BAR (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->view, dsr_view_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (dsr_summary_bar_parent_class)->dispose (object);
}

/* The summary's width does not depend on the height it is given. Asked for
 * a width at a height, a wrapping label bisects over widths, laying its
 * text out at each, and so does the revealer around it (over its child's
 * heights for widths); both happen at every allocation after a change of
 * the text, which while playing is at every year: 500 to 1,200 layouts of
 * the summary, 0.3 to 0.9 s of one frame (issue 15). So the bar and the
 * label are asked for their widths without a height, and for their heights
 * at a width as before. */
static GtkSizeRequestMode
height_for_width_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measure_child (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
allocate_child (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
dsr_summary_bar_class_init (DsrSummaryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dsr_summary_bar_get_property;
  object_class->set_property = dsr_summary_bar_set_property;
  object_class->dispose = dsr_summary_bar_dispose;

  /**
   * DsrSummaryBar:revealed:
   *
   * Whether the summary is shown.
   */
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "summarybar");
}

static void
dsr_summary_bar_init (DsrSummaryBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  /* Translators: the accessible name of the summary under the figure */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Summary of the figure"), -1);

  self->copy_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-copy-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->copy_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->copy_button), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), _("Copy Summary"));
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_box_append (GTK_BOX (label_box), GTK_WIDGET (self->label));
  gtk_widget_set_layout_manager (label_box, gtk_custom_layout_new (height_for_width_mode, measure_child,
                                                                   allocate_child));
  gtk_box_append (GTK_BOX (row), label_box);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->copy_button));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), row);
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (height_for_width_mode, measure_child,
                                                                           allocate_child));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
dsr_summary_bar_new (void)
{
  return g_object_new (DSR_TYPE_SUMMARY_BAR, NULL);
}
