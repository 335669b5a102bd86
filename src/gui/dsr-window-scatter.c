/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dsr-window-private.h"

/* The Scatter page: the vertical axis' indicator (the sidebar's indicator is
 * the horizontal one), the best-fit line and dot size, over the scatter. The
 * choices live in the window's shared view, so an export of this page draws
 * the same. */

/* The vertical axis at first: broadband against the sidebar's indicator. */
#define DEFAULT_Y_INDICATOR "IT.NET.BBND.P2"

/* The ids behind the drop-down's names, in its order. */
static GPtrArray *
y_ids (DsrWindow *self)
{
  return g_object_get_data (G_OBJECT (self->scatter_y_dropdown), "ids");
}

/* The indicators with economies' values: those a scatter can show. */
static void
rebuild_y_list (DsrWindow *self)
{
  GListModel *indicators = dsr_store_get_indicators (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);

      if (!dsr_store_has_country_values (self->store, dsr_indicator_get_id (indicator)))
        continue;
      gtk_string_list_append (names, dsr_indicator_get_name (indicator));
      g_ptr_array_add (ids, g_strdup (dsr_indicator_get_id (indicator)));
    }
  g_object_set_data_full (G_OBJECT (self->scatter_y_dropdown), "ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (self->scatter_y_dropdown), "n-indicators",
                     GUINT_TO_POINTER (g_list_model_get_n_items (indicators)));
  gtk_drop_down_set_model (self->scatter_y_dropdown, G_LIST_MODEL (names));
}

/* A vertical axis when none is chosen: broadband, or the first other
 * indicator with economies' values. */
static void
choose_default_y (DsrWindow *self)
{
  GPtrArray *ids = y_ids (self);

  if (self->view->y_indicator_id != NULL && dsr_store_get_indicator (self->store, self->view->y_indicator_id) != NULL)
    return;
  g_clear_pointer (&self->view->y_indicator_id, g_free);
  if (dsr_store_has_country_values (self->store, DEFAULT_Y_INDICATOR)
      && g_strcmp0 (self->view->indicator_id, DEFAULT_Y_INDICATOR) != 0)
    self->view->y_indicator_id = g_strdup (DEFAULT_Y_INDICATOR);
  for (guint i = 0; self->view->y_indicator_id == NULL && i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), self->view->indicator_id) != 0)
      self->view->y_indicator_id = g_strdup (g_ptr_array_index (ids, i));
}

static void
y_selected_cb (GtkDropDown *dropdown,
               GParamSpec  *pspec,
               DsrWindow   *self)
{
  GPtrArray *ids = y_ids (self);
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->updating || ids == NULL || i >= ids->len
      || g_strcmp0 (self->view->y_indicator_id, g_ptr_array_index (ids, i)) == 0)
    return;
  g_free (self->view->y_indicator_id);
  self->view->y_indicator_id = g_strdup (g_ptr_array_index (ids, i));
  _dsr_window_refresh (self);
}

static void
fit_toggled_cb (GtkToggleButton *button,
                DsrWindow       *self)
{
  if (self->updating)
    return;
  self->view->show_fit = gtk_toggle_button_get_active (button);
  _dsr_window_refresh (self);
}

static void
size_toggled_cb (GtkToggleButton *button,
                 DsrWindow       *self)
{
  if (self->updating)
    return;
  self->view->size_by_population = gtk_toggle_button_get_active (button);
  _dsr_window_refresh (self);
}

/* Builds the page and adds it to the view stack as "scatter". */
void
_dsr_window_scatter_init (DsrWindow *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Vertical Axis"));
  GtkWidget *fit = gtk_toggle_button_new_with_mnemonic (_("_Best-Fit Line"));
  GtkWidget *size = gtk_toggle_button_new_with_mnemonic (_("_Size by Population"));

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_add_css_class (label, "dim-label");
  self->scatter_y_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->scatter_y_dropdown), "scatter-y-indicator");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->scatter_y_dropdown));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scatter_y_dropdown),
                               _("The indicator on the vertical axis; the sidebar’s is on the horizontal one"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->scatter_y_dropdown), FALSE);
  gtk_widget_set_name (fit, "scatter-fit");
  gtk_widget_set_tooltip_text (fit, _("Draw the least-squares line and its correlation r"));
  gtk_widget_set_name (size, "scatter-size");
  gtk_widget_set_tooltip_text (size, _("Make each dot’s area proportional to the economy’s population"));
  gtk_widget_set_halign (fit, GTK_ALIGN_END);
  gtk_widget_set_hexpand (fit, TRUE);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->scatter_y_dropdown));
  gtk_box_append (GTK_BOX (bar), fit);
  gtk_box_append (GTK_BOX (bar), size);
  self->scatter_fit_button = GTK_TOGGLE_BUTTON (fit);
  self->scatter_size_button = GTK_TOGGLE_BUTTON (size);

  self->scatter_view = DSR_SCATTER_VIEW (dsr_scatter_view_new ());
  _dsr_window_add_figure (self, DSR_FIGURE_VIEW (self->scatter_view));

  gtk_box_append (GTK_BOX (page), bar);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->scatter_view));
  rebuild_y_list (self);
  g_signal_connect (self->scatter_y_dropdown, "notify::selected", G_CALLBACK (y_selected_cb), self);
  g_signal_connect (fit, "toggled", G_CALLBACK (fit_toggled_cb), self);
  g_signal_connect (size, "toggled", G_CALLBACK (size_toggled_cb), self);
  adw_view_stack_add_titled_with_icon (self->view_stack, page, dsr_view_kind_to_string (DSR_VIEW_SCATTER),
                                       _("Scatter"), "view-grid-symbolic");
}

/* The page follows the shared view (from _dsr_window_refresh()). */
void
_dsr_window_scatter_refresh (DsrWindow *self)
{
  GPtrArray *ids;
  gboolean was_updating = self->updating;

  if (self->scatter_view == NULL)
    return;
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->scatter_y_dropdown), "n-indicators"))
      != g_list_model_get_n_items (dsr_store_get_indicators (self->store)))
    {
      self->updating = TRUE;
      rebuild_y_list (self);
      self->updating = was_updating;
    }
  choose_default_y (self);
  ids = y_ids (self);
  self->updating = TRUE;
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), self->view->y_indicator_id) == 0)
      gtk_drop_down_set_selected (self->scatter_y_dropdown, i);
  gtk_toggle_button_set_active (self->scatter_fit_button, self->view->show_fit);
  gtk_toggle_button_set_active (self->scatter_size_button, self->view->size_by_population);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scatter_size_button),
                            dsr_store_has_country_values (self->store, DSR_INDICATOR_ID_POPULATION));
  self->updating = was_updating;
}
