/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-table-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-format.h"
#include "dsr-table-item.h"
#include "dsr-table-page.h"

/* The Table page (ui/dsr-table-page.ui): the figures of the view, the same
 * as the Table view and its CSV, as rows: the world, the Belt and Road, the
 * regions, then the economies. The groups a source reports besides (the
 * World Bank's IDA, HIPC, income groups, "Late-demographic dividend"...) are
 * collapsed under one row that opens; a figure that is both computed here
 * and reported by a source gets two rows told apart by their names. The
 * selected region or economy (shared with the other views) is the selected
 * row; choosing a row emits "entity-activated". */

struct _DsrTablePage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkColumnView *column_view;
  GtkLabel *footer;
  AdwStatusPage *empty_page;

  DsrStore *store;
  DsrView *view;
  char *selected;
  GListStore *top;          /* of DsrTableItem: the rows, the group row among them */
  GListStore *rows;         /* of DsrTableItem: every row with a value, flat */
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (DsrTablePage, dsr_table_page, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef const char *(*CellText) (DsrTableItem *item);

static DsrTableItem *
row_item (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL; /* a reference */
}

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
  g_autoptr(DsrTableItem) item = row_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *note;
  const char *shown;

  if (item == NULL)
    return;
  note = dsr_table_item_get_note (item);
  shown = text (item);
  gtk_label_set_text (GTK_LABEL (label), shown);
  /* Cut text is whole in the tooltip (the sources are long). */
  if (note != NULL && *note != '\0')
    gtk_widget_set_tooltip_text (label, note);
  else if (text == dsr_table_item_get_source || text == dsr_table_item_get_name)
    gtk_widget_set_tooltip_text (label, *shown != '\0' ? shown : NULL);
  else
    gtk_widget_set_tooltip_text (label, NULL);
}

/* The name column: an expander for the group row. */
static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(DsrTableItem) item = row_item (list_item);
  gboolean group;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (item == NULL)
    return;
  group = dsr_table_item_get_children (item) != NULL;
  gtk_label_set_text (GTK_LABEL (label), dsr_table_item_get_name (item));
  gtk_widget_set_tooltip_text (label, group ? _("Groups of economies a source reports besides the regions; "
                                                "click to show them")
                                            : dsr_table_item_get_name (item));
  if (group)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
unbind_name_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
add_column (DsrTablePage *self,
            const char   *title,
            CellText      text,
            gboolean      numeric,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  if (text == dsr_table_item_get_name)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_name_cb), NULL);
    }
  else
    {
      g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), text);
    }
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = dsr_table_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

/* Rows ------------------------------------------------------------------------------- */

/* Whether @entity_id is one of the view's regions (or the world, or the
 * Belt and Road): those are never collapsed. */
static gboolean
is_view_region (DsrChartData *data,
                const char   *entity_id)
{
  if (g_strcmp0 (entity_id, DSR_ENTITY_ID_WORLD) == 0 || g_strcmp0 (entity_id, DSR_ENTITY_ID_BRI) == 0)
    return TRUE;
  if (data->grouping == NULL)
    return FALSE;
  for (guint r = 0; r < dsr_grouping_get_n_regions (data->grouping); r++)
    if (g_strcmp0 (dsr_region_get_entity_id (dsr_grouping_get_region (data->grouping, r)), entity_id) == 0)
      return TRUE;
  return FALSE;
}

/* The name of a row whose entity has another row (computed here, and as a
 * source reports it): in the words of the charts. */
static char *
twin_name (const DsrChartValue *value)
{
  gboolean computed = value->basis == DSR_BASIS_COMPUTED;

  if (value->kind == DSR_ENTITY_WORLD && computed)
    /* Translators: the table's row of the world mean computed here (its coverage is in the next columns) */
    return g_strdup (_("World mean, computed here"));
  if (value->kind == DSR_ENTITY_WORLD)
    /* Translators: the table's row of the world figure a source reports (the World Bank's "World") */
    return g_strdup (_("World average, as reported"));
  if (computed)
    /* Translators: a region's row computed here, beside the row of what a source reports; %s the region */
    return g_strdup_printf (_("%s (computed)"), value->name);
  /* Translators: a region's row as a source reports it, beside the row computed here; %s the region */
  return g_strdup_printf (_("%s, as reported"), value->name);
}

static void
refresh (DsrTablePage *self)
{
  DsrIndicator *indicator = self->store && self->view ? dsr_store_get_indicator (self->store,
                                                                                 self->view->indicator_id)
                                                      : NULL;
  g_autoptr(DsrView) view = NULL;
  g_autoptr(DsrChartData) data = NULL;
  g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) flat = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) groups = g_list_store_new (DSR_TYPE_TABLE_ITEM);
  g_autoptr(GHashTable) count = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *rules = NULL;
  g_autofree char *footer = NULL;
  gboolean all_world_bank = TRUE;

  self->updating = TRUE;
  if (indicator == NULL)
    {
      g_list_store_remove_all (self->top);
      g_list_store_remove_all (self->rows);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->updating = FALSE;
      return;
    }

  view = dsr_view_copy (self->view);
  view->kind = DSR_VIEW_TABLE;
  data = dsr_chart_data_new (self->store, view);

  /* The entities with two rows. */
  for (guint i = 0; i < data->rows->len; i++)
    {
      const DsrChartValue *value = &g_array_index (data->rows, DsrChartValue, i);

      g_hash_table_insert (count, (gpointer) value->entity_id,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, value->entity_id)) + 1));
    }

  for (guint i = 0; i < data->rows->len; i++)
    {
      const DsrChartValue *value = &g_array_index (data->rows, DsrChartValue, i);
      DsrTableItem *item = dsr_table_item_new (value, data);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (count, value->entity_id)) > 1)
        {
          g_autofree char *name = twin_name (value);

          dsr_table_item_set_name (item, name);
        }
      g_ptr_array_add (flat, g_object_ref (item));
      if (value->kind == DSR_ENTITY_AGGREGATE && !is_view_region (data, value->entity_id))
        {
          if (value->source == NULL || strstr (value->source, "World Bank") == NULL)
            all_world_bank = FALSE;
          g_list_store_append (groups, item);
          g_object_unref (item);
        }
      else
        g_ptr_array_add (top, item);
    }

  /* The reported groups, as one row after the regions (before the economies). */
  if (g_list_model_get_n_items (G_LIST_MODEL (groups)) > 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (groups));
      g_autofree char *name = all_world_bank
        /* Translators: the table's row that opens to the groups the World Bank reports (IDA, income groups...) */
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "World Bank group (%u)", "World Bank groups (%u)", n), n)
        /* Translators: the table's row that opens to the groups of economies a source reports */
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reported group (%u)", "Reported groups (%u)", n), n);
      DsrTableItem *group = dsr_table_item_new_group (name, _("Reported aggregate"), G_LIST_MODEL (groups));
      guint at = 0;

      /* After the world, the Belt and Road and the regions. */
      while (at < top->len && dsr_table_item_get_kind (g_ptr_array_index (top, at)) != DSR_ENTITY_COUNTRY)
        at++;
      g_ptr_array_insert (top, at, group);
    }

  g_list_store_splice (self->top, 0, g_list_model_get_n_items (G_LIST_MODEL (self->top)), top->pdata, top->len);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), flat->pdata, flat->len);

  rules = dsr_chart_data_describe_rules (data);
  footer = g_strdup_printf ("%s %s", dsr_indicator_get_description (indicator), rules);
  gtk_label_set_text (self->footer, footer);
  gtk_stack_set_visible_child_name (self->stack, flat->len > 0 ? "table" : "empty");
  self->updating = FALSE;
  dsr_table_page_set_selected (self, self->selected);
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      DsrTablePage      *self)
{
  GtkTreeListRow *row;
  g_autoptr(DsrTableItem) item = NULL;

  if (self->updating)
    return;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (dsr_table_item_get_children (item) != NULL)
    {
      /* The group row opens and closes. */
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }
  g_free (self->selected);
  self->selected = g_strdup (dsr_table_item_get_entity_id (item));
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, self->selected);
}

/* The class ------------------------------------------------------------------------------ */

static void
dsr_table_page_dispose (GObject *object)
{
  DsrTablePage *self = DSR_TABLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_TABLE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->top);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  g_clear_pointer (&self->view, dsr_view_free);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (dsr_table_page_parent_class)->dispose (object);
}

static void
dsr_table_page_class_init (DsrTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_table_page_dispose;

  /* A row was chosen: its entity's id. */
  signals[ENTITY_ACTIVATED] = g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-table-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrTablePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, DsrTablePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DsrTablePage, footer);
  gtk_widget_class_bind_template_child (widget_class, DsrTablePage, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dsr_table_page_init (DsrTablePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->top = g_list_store_new (DSR_TYPE_TABLE_ITEM);
  self->rows = g_list_store_new (DSR_TYPE_TABLE_ITEM);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->top)), FALSE, FALSE,
                                        create_children_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _("Economy or Region"), dsr_table_item_get_name, FALSE, TRUE);
  add_column (self, _("Group"), dsr_table_item_get_group, FALSE, TRUE);
  add_column (self, _("Value"), dsr_table_item_get_value, TRUE, FALSE);
  add_column (self, _("Basis"), dsr_table_item_get_basis, FALSE, FALSE);
  add_column (self, _("Coverage"), dsr_table_item_get_coverage, FALSE, FALSE);
  add_column (self, _("Source"), dsr_table_item_get_source, FALSE, TRUE);
}

GtkWidget *
dsr_table_page_new (void)
{
  return g_object_new (DSR_TYPE_TABLE_PAGE, NULL);
}

void
dsr_table_page_set_store (DsrTablePage *self,
                          DsrStore     *store)
{
  g_return_if_fail (DSR_IS_TABLE_PAGE (self));
  g_return_if_fail (store == NULL || DSR_IS_STORE (store));
  g_set_object (&self->store, store);
}

/* Shows @view's figures (copied) as rows. */
void
dsr_table_page_set_view (DsrTablePage  *self,
                         const DsrView *view)
{
  g_return_if_fail (DSR_IS_TABLE_PAGE (self));

  g_clear_pointer (&self->view, dsr_view_free);
  self->view = view != NULL ? dsr_view_copy (view) : NULL;
  refresh (self);
}

/* GTK 4.8's column view has no scroll_to (4.12): its inner list view has the
 * "list.scroll-to-item" action, which brings a row into view with the least
 * scrolling. */
static void
scroll_to_row (DsrTablePage *self,
               guint         position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

/* Selects the row of @entity_id (nullable: none), opening the group row
 * when it is inside. */
void
dsr_table_page_set_selected (DsrTablePage *self,
                             const char   *entity_id)
{
  guint n;

  g_return_if_fail (DSR_IS_TABLE_PAGE (self));

  if (entity_id != self->selected)
    {
      g_free (self->selected);
      self->selected = entity_id != NULL && *entity_id != '\0' ? g_strdup (entity_id) : NULL;
    }
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  n = self->selected != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(DsrTableItem) item = gtk_tree_list_row_get_item (row);
      GListModel *children = dsr_table_item_get_children (item);

      if (g_str_equal (dsr_table_item_get_entity_id (item), self->selected))
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to_row (self, i);
          break;
        }
      if (children != NULL && !gtk_tree_list_row_get_expanded (row))
        for (guint c = 0; c < g_list_model_get_n_items (children); c++)
          {
            g_autoptr(DsrTableItem) child = g_list_model_get_item (children, c);

            if (g_str_equal (dsr_table_item_get_entity_id (child), self->selected))
              {
                gtk_tree_list_row_set_expanded (row, TRUE);
                n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
                break;
              }
          }
    }
  self->updating = FALSE;
}

const char *
dsr_table_page_get_selected (DsrTablePage *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_PAGE (self), NULL);
  return self->selected;
}

/* Every row with a value, the collapsed ones too, in order (of DsrTableItem). */
GListModel *
dsr_table_page_get_rows (DsrTablePage *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* The rows as shown, the group row holding the reported groups (of DsrTableItem). */
GListModel *
dsr_table_page_get_top_rows (DsrTablePage *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_PAGE (self), NULL);
  return G_LIST_MODEL (self->top);
}

/* The rows on screen (of GtkTreeListRow) and the selected one. */
GtkSelectionModel *
dsr_table_page_get_selection (DsrTablePage *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}
