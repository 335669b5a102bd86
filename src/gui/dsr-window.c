/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-window"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-table-item.h"
#include "dsr-window.h"

struct _DsrWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkDropDown *indicator_dropdown;
  GtkDropDown *year_dropdown;
  AdwToastOverlay *toast_overlay;
  GtkStack *content_stack;
  GtkColumnView *table_view;
  GtkLabel *footer_label;
  AdwStatusPage *empty_page;

  /* Owned references */
  DsrStore *store;
  GListStore *rows;          /* of DsrTableItem */
  GtkStringList *years;      /* the years of the current indicator, as text */
  GPtrArray *problems;       /* borrowed from the application */

  int year;
  gboolean updating;         /* TRUE while the window itself changes the choosers */
};

G_DEFINE_FINAL_TYPE (DsrWindow, dsr_window, ADW_TYPE_APPLICATION_WINDOW)

static DsrIndicator *
current_indicator (DsrWindow *self)
{
  return gtk_drop_down_get_selected_item (self->indicator_dropdown);
}

static void
refresh_table (DsrWindow *self)
{
  DsrIndicator *indicator = current_indicator (self);
  g_autoptr(GArray) rows = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_computed = 0;

  if (indicator == NULL)
    {
      g_list_store_remove_all (self->rows);
      adw_status_page_set_title (self->empty_page, _("No Data Loaded"));
      adw_status_page_set_description (self->empty_page,
                                       _("The data pack could not be read. Start the app from a "
                                         "terminal to see why."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  rows = dsr_store_collect_rows (self->store, dsr_indicator_get_id (indicator), self->year, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const DsrRow *row = &g_array_index (rows, DsrRow, i);

      if (row->basis == DSR_BASIS_COMPUTED)
        n_computed++;
      g_ptr_array_add (items, dsr_table_item_new (row, indicator, self->store));
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  adw_window_title_set_title (self->window_title, dsr_indicator_get_name (indicator));
  if (self->year != 0)
    /* Translators: window subtitle, "<unit> · <year>" */
    subtitle = g_strdup_printf (_("%s · %d"), dsr_indicator_get_unit (indicator), self->year);
  else
    subtitle = g_strdup (dsr_indicator_get_unit (indicator));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (rows->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Data for This Indicator"));
      adw_status_page_set_description (self->empty_page,
                                       _("The bundled data pack holds the figures of the seed "
                                         "paper; this indicator has none. Import a World Bank "
                                         "or Our World in Data file to see country values."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  footer = g_strdup_printf ("%s %s — %s",
                            dsr_indicator_get_description (indicator),
                            n_computed > 0
                              ? _("Computed values are unweighted means of the members with data.")
                              : _("Every value is as reported by its source."),
                            dsr_indicator_get_source (indicator));
  gtk_label_set_text (self->footer_label, footer);
  gtk_stack_set_visible_child_name (self->content_stack, "table");
}

/* Fills the year chooser with the indicator's years, keeping the chosen year
 * when the indicator has it and taking the latest year otherwise. */
static void
refresh_years (DsrWindow *self)
{
  DsrIndicator *indicator = current_indicator (self);
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = GTK_INVALID_LIST_POSITION;

  years = dsr_store_get_years (self->store, indicator ? dsr_indicator_get_id (indicator) : NULL);
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);

      g_ptr_array_add (labels, g_strdup_printf ("%d", year));
      if (year == self->year)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  if (selected == GTK_INVALID_LIST_POSITION && years->len > 0)
    {
      selected = years->len - 1;
      self->year = g_array_index (years, int, selected);
    }
  else if (years->len == 0)
    self->year = 0;

  self->updating = TRUE;
  gtk_string_list_splice (self->years, 0, g_list_model_get_n_items (G_LIST_MODEL (self->years)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_dropdown), years->len > 0);
  self->updating = FALSE;
}

static void
indicator_selected_cb (DsrWindow *self)
{
  DsrIndicator *indicator = current_indicator (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "indicator");

  if (indicator != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_string (dsr_indicator_get_id (indicator)));
  refresh_years (self);
  refresh_table (self);
}

static void
year_selected_cb (DsrWindow *self)
{
  GtkStringObject *item;
  GAction *action;

  if (self->updating)
    return;
  item = gtk_drop_down_get_selected_item (self->year_dropdown);
  if (item == NULL)
    return;

  self->year = atoi (gtk_string_object_get_string (item));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "year");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_int32 (self->year));
  refresh_table (self);
}

/* Actions ------------------------------------------------------------------- */

static void
indicator_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DsrWindow *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *model = dsr_store_get_indicators (self->store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (model, i);

      if (g_str_equal (dsr_indicator_get_id (indicator), id))
        {
          gtk_drop_down_set_selected (self->indicator_dropdown, i);
          return;
        }
    }
  g_warning ("No indicator “%s”", id);
}

static void
year_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  DsrWindow *self = user_data;
  int year = g_variant_get_int32 (parameter);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->years));

  for (guint i = 0; i < n; i++)
    if (atoi (gtk_string_list_get_string (self->years, i)) == year)
      {
        gtk_drop_down_set_selected (self->year_dropdown, i);
        return;
      }
  g_warning ("The indicator has no data for %d", year);
}

static const GActionEntry win_actions[] = {
  { "indicator", indicator_action, "s", "''" },
  { "year", year_action, "i", "0" },
};

/* Table columns --------------------------------------------------------------- */

typedef const char *(*CellText) (DsrTableItem *item);

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CellText text = user_data;
  DsrTableItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *note = dsr_table_item_get_note (item);

  gtk_label_set_text (GTK_LABEL (label), text (item));
  gtk_widget_set_tooltip_text (label, note && *note ? note : NULL);
}

static void
add_column (DsrWindow  *self,
            const char *title,
            CellText    text,
            gboolean    numeric,
            gboolean    expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), text);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->table_view, column);
  g_object_unref (column);
}

/* ---------------------------------------------------------------------------- */

static void
show_problems_cb (DsrWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < self->problems->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n\n" : "",
                            ((GError *) g_ptr_array_index (self->problems, i))->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Data Could Not Be Loaded"), text->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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

  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_object (&self->years);

  G_OBJECT_CLASS (dsr_window_parent_class)->dispose (object);
}

static void
dsr_window_class_init (DsrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, footer_label);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DsrWindow, year_dropdown);
}

static void
dsr_window_init (DsrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (DSR_TYPE_TABLE_ITEM);
  self->years = gtk_string_list_new (NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);

  gtk_column_view_set_model (self->table_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (
                               g_object_ref (G_LIST_MODEL (self->rows)))));
  add_column (self, _("Economy or Region"), dsr_table_item_get_name, FALSE, TRUE);
  add_column (self, _("Group"), dsr_table_item_get_group, FALSE, TRUE);
  add_column (self, _("Value"), dsr_table_item_get_value, TRUE, FALSE);
  add_column (self, _("Basis"), dsr_table_item_get_basis, FALSE, FALSE);
  add_column (self, _("Coverage"), dsr_table_item_get_coverage, FALSE, FALSE);
  add_column (self, _("Source"), dsr_table_item_get_source, FALSE, TRUE);

  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (self->years));
  g_signal_connect_swapped (self->year_dropdown, "notify::selected",
                            G_CALLBACK (year_selected_cb), self);
}

DsrWindow *
dsr_window_new (DsrApplication *application)
{
  DsrWindow *self;
  GtkExpression *expression;

  g_return_val_if_fail (DSR_IS_APPLICATION (application), NULL);

  self = g_object_new (DSR_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (dsr_application_get_store (application));
  self->problems = dsr_application_get_problems (application);

  expression = gtk_property_expression_new (DSR_TYPE_INDICATOR, NULL, "name");
  gtk_drop_down_set_expression (self->indicator_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->indicator_dropdown, dsr_store_get_indicators (self->store));
  g_signal_connect_swapped (self->indicator_dropdown, "notify::selected",
                            G_CALLBACK (indicator_selected_cb), self);

  /* Open on the paper's Figure 4 when the pack has it: network security by
   * continent against the world average. */
  if (dsr_store_get_indicator (self->store, "DSR.GCI.SCORE") != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "indicator",
                                    g_variant_new_string ("DSR.GCI.SCORE"));
  indicator_selected_cb (self);
  report_problems (self);

  return self;
}

const char *
dsr_window_get_indicator (DsrWindow *self)
{
  DsrIndicator *indicator;

  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);
  indicator = current_indicator (self);
  return indicator ? dsr_indicator_get_id (indicator) : NULL;
}

int
dsr_window_get_year (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), 0);
  return self->year;
}

GListModel *
dsr_window_get_rows (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

const char *
dsr_window_get_page (DsrWindow *self)
{
  g_return_val_if_fail (DSR_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}
