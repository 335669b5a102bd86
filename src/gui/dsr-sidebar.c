/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dsr-region-item.h"
#include "dsr-sidebar.h"

struct _DsrSidebar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry *indicator_search;
  GtkListBox *indicator_list;
  GtkDropDown *grouping_dropdown;
  GtkListBox *region_list;

  DsrStore *store;
  GListStore *indicators;       /* of DsrIndicator: by theme, those without values last */
  GtkStringFilter *filter;      /* the search, on the name, id and unit */
  GtkFilterListModel *filtered; /* what the list shows */
  GHashTable *without_data;     /* the ids of the indicators without values */
  char *indicator;              /* the selected indicator's id */
  GListStore *regions;          /* of DsrRegionItem: the grouping's regions, bound to region_list */
  gboolean updating;            /* TRUE while the sidebar sets its own list */
};

G_DEFINE_FINAL_TYPE (DsrSidebar, dsr_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INDICATOR,
  PROP_REGIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "2012–2021", "2012, 2021", or "" */
char *
dsr_years_summary (GArray *years)
{
  if (years->len == 0)
    return g_strdup ("");
  if (years->len == 1)
    return g_strdup_printf ("%d", g_array_index (years, int, 0));
  if (g_array_index (years, int, years->len - 1) - g_array_index (years, int, 0) == (int) years->len - 1)
    return g_strdup_printf ("%d–%d", g_array_index (years, int, 0),
                            g_array_index (years, int, years->len - 1));
  /* Translators: the first and last of years with gaps between them, e.g. "2012 … 2021" */
  return g_strdup_printf (_("%d … %d"), g_array_index (years, int, 0),
                          g_array_index (years, int, years->len - 1));
}

/* The indicator list ---------------------------------------------------------- */

static GtkWidget *
indicator_row_new (gpointer item,
                   gpointer user_data)
{
  DsrSidebar *self = user_data;
  DsrIndicator *indicator = item;
  g_autoptr(GArray) years = dsr_store_get_years (self->store, dsr_indicator_get_id (indicator));
  g_autofree char *range = dsr_years_summary (years);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  guint n_economies = years->len > 0 ? dsr_store_count_countries (self->store, dsr_indicator_get_id (indicator)) : 0;

  if (years->len > 0 && n_economies > 0)
    {
      g_autofree char *economies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u economy", "%u economies",
                                                                 n_economies), n_economies);

      /* Translators: an indicator's unit, the years it has data for and how many economies,
       * e.g. "% of population · 1990–2023 · 217 economies" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), dsr_indicator_get_unit (indicator), range, economies);
    }
  else if (years->len > 0)
    /* Translators: an indicator's unit and the years it has data for, e.g. "% of population · 2012–2021" */
    subtitle = g_strdup_printf (_("%s · %s"), dsr_indicator_get_unit (indicator), range);
  else
    /* Translators: an indicator's unit, and that it has no data yet */
    subtitle = g_strdup_printf (_("%s · no data yet"), dsr_indicator_get_unit (indicator));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dsr_indicator_get_name (indicator));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, years->len > 0 ? dsr_indicator_get_name (indicator)
                                                   : dsr_indicator_get_description (indicator));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (years->len == 0)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* The header of the indicators without values: "Needs data", and the
 * button of the window's import action. */
static GtkWidget *
needs_data_header_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Needs data"));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Import…"));

  gtk_widget_set_name (box, "needs-data");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.import");
  gtk_widget_set_tooltip_text (button, _("Import a file with values for these indicators"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

/* Whether the indicator the list shows at @position has no values. */
gboolean
dsr_sidebar_row_needs_data (DsrSidebar *self,
                            guint       position)
{
  g_autoptr(DsrIndicator) indicator = NULL;

  g_return_val_if_fail (DSR_IS_SIDEBAR (self), FALSE);
  indicator = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  return indicator != NULL && g_hash_table_contains (self->without_data, dsr_indicator_get_id (indicator));
}

static void
indicator_header_func (GtkListBoxRow *row,
                       GtkListBoxRow *before,
                       gpointer       user_data)
{
  DsrSidebar *self = user_data;
  int position = gtk_list_box_row_get_index (row);
  g_autoptr(DsrIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_autoptr(DsrIndicator) previous = NULL;
  gboolean needs_data, previous_needs_data = FALSE;
  GtkWidget *header;

  if (indicator == NULL)
    return;
  if (before != NULL)
    {
      previous = g_list_model_get_item (G_LIST_MODEL (self->filtered), gtk_list_box_row_get_index (before));
      previous_needs_data = dsr_sidebar_row_needs_data (self, gtk_list_box_row_get_index (before));
    }
  needs_data = dsr_sidebar_row_needs_data (self, position);
  if (needs_data)
    {
      gtk_list_box_row_set_header (row, previous_needs_data ? NULL : needs_data_header_new ());
      return;
    }
  if (previous != NULL && dsr_indicator_get_theme (previous) == dsr_indicator_get_theme (indicator))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (dsr_theme_to_label (dsr_indicator_get_theme (indicator)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

/* What the search matches: the name, the id and the unit. */
static char *
search_text (DsrIndicator *indicator)
{
  if (indicator == NULL)
    return NULL;
  return g_strjoin ("\n", dsr_indicator_get_name (indicator), dsr_indicator_get_id (indicator),
                    dsr_indicator_get_unit (indicator), NULL);
}

typedef struct
{
  DsrIndicator *indicator;
  gboolean      has_data;
} SortedIndicator;

/* By theme; the indicators without values last, under "Needs data". */
static int
compare_indicators (gconstpointer a,
                    gconstpointer b)
{
  const SortedIndicator *x = a, *y = b;

  if (x->has_data != y->has_data)
    return x->has_data ? -1 : 1;
  if (dsr_indicator_get_theme (x->indicator) != dsr_indicator_get_theme (y->indicator))
    return (int) dsr_indicator_get_theme (x->indicator) - (int) dsr_indicator_get_theme (y->indicator);
  return 0; /* keep the pack's order within a theme */
}

static void
select_indicator_row (DsrSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  self->updating = TRUE;
  gtk_list_box_unselect_all (self->indicator_list);
  for (guint i = 0; self->indicator != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (model, i);

      if (g_strcmp0 (dsr_indicator_get_id (indicator), self->indicator) == 0)
        {
          gtk_list_box_select_row (self->indicator_list, gtk_list_box_get_row_at_index (self->indicator_list, (int) i));
          break;
        }
    }
  self->updating = FALSE;
}

/* After an import or a removal: the list follows the store. */
void
dsr_sidebar_refresh_indicators (DsrSidebar *self)
{
  GListModel *model;
  guint n;
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (DSR_IS_SIDEBAR (self));

  g_hash_table_remove_all (self->without_data);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->indicators);
      return;
    }
  model = dsr_store_get_indicators (self->store);
  n = g_list_model_get_n_items (model);
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedIndicator), n);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      SortedIndicator item;

      item.indicator = g_list_model_get_item (model, i);
      item.has_data = dsr_store_count_values (self->store, dsr_indicator_get_id (item.indicator)) > 0;
      if (!item.has_data)
        g_hash_table_add (self->without_data, g_strdup (dsr_indicator_get_id (item.indicator)));
      g_array_append_val (sorted, item);
    }
  /* A stable sort: g_array_sort is a merge sort in GLib. */
  g_array_sort (sorted, compare_indicators);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (items, g_array_index (sorted, SortedIndicator, i).indicator);
  self->updating = TRUE;
  g_list_store_splice (self->indicators, 0, g_list_model_get_n_items (G_LIST_MODEL (self->indicators)),
                       items->pdata, items->len);
  self->updating = FALSE;
  select_indicator_row (self);
}

static void
indicator_row_selected_cb (DsrSidebar    *self,
                           GtkListBoxRow *row)
{
  g_autoptr(DsrIndicator) indicator = NULL;

  if (self->updating || row == NULL)
    return;
  indicator = g_list_model_get_item (G_LIST_MODEL (self->filtered), gtk_list_box_row_get_index (row));
  if (indicator != NULL)
    dsr_sidebar_set_indicator (self, dsr_indicator_get_id (indicator));
}

/* The bound list rebuilds its rows when the search changes: select the
 * indicator's row again. */
static void
filtered_changed_cb (DsrSidebar *self)
{
  if (!self->updating)
    select_indicator_row (self);
}

/* The grouping menu: the button's label is cut short (a long name imported
 * later does not widen the sidebar); the list shows names whole. */
static void
grouping_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
grouping_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  g_autofree char *name = NULL;

  g_object_get (gtk_list_item_get_item (list_item), "name", &name, NULL);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), name);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), name);
}

static void
set_grouping_factories (DsrSidebar *self)
{
  for (int ellipsize = 0; ellipsize <= 1; ellipsize++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (grouping_setup_cb), GINT_TO_POINTER (ellipsize));
      g_signal_connect (factory, "bind", G_CALLBACK (grouping_bind_cb), NULL);
      if (ellipsize)
        gtk_drop_down_set_factory (self->grouping_dropdown, factory);
      else
        gtk_drop_down_set_list_factory (self->grouping_dropdown, factory);
    }
}

/* GObject ----------------------------------------------------------------------- */

/* The region list ------------------------------------------------------------ */

static GtkWidget *
region_row_new (gpointer item,
                gpointer user_data)
{
  DsrRegionItem *region = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  guint n = dsr_region_item_get_n_members (region);
  g_autofree char *members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u economy", "%u economies", n), n);

  /* Names such as "Europe & Central Asia" are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dsr_region_item_get_name (region));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), members);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* The check box and the item agree both ways; the row goes with the item. */
  g_object_bind_property (region, "shown", check, "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
region_shown_cb (DsrSidebar *self)
{
  if (!self->updating)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

static void
dsr_sidebar_dispose (GObject *object)
{
  DsrSidebar *self = DSR_SIDEBAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_SIDEBAR);
  /* The template's root, which no field holds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->indicators);
  g_clear_object (&self->regions);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (dsr_sidebar_parent_class)->dispose (object);
}

static void
dsr_sidebar_finalize (GObject *object)
{
  DsrSidebar *self = DSR_SIDEBAR (object);

  g_clear_pointer (&self->without_data, g_hash_table_unref);
  g_clear_pointer (&self->indicator, g_free);
  G_OBJECT_CLASS (dsr_sidebar_parent_class)->finalize (object);
}

static void
dsr_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DsrSidebar *self = DSR_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;
    case PROP_REGIONS:
      g_value_take_boxed (value, dsr_sidebar_dup_regions (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DsrSidebar *self = DSR_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dsr_sidebar_set_store (self, g_value_get_object (value));
      break;
    case PROP_INDICATOR:
      dsr_sidebar_set_indicator (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_sidebar_class_init (DsrSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_sidebar_dispose;
  object_class->finalize = dsr_sidebar_finalize;
  object_class->get_property = dsr_sidebar_get_property;
  object_class->set_property = dsr_sidebar_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, DSR_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                    | G_PARAM_STATIC_STRINGS);
  /* The ids of the regions shown, NULL when every one is: what the check
   * boxes say. Notified when the user checks or unchecks one. */
  properties[PROP_REGIONS] = g_param_spec_boxed ("regions", NULL, NULL, G_TYPE_STRV,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrSidebar, grouping_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DsrSidebar, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, DsrSidebar, indicator_search);
  gtk_widget_class_bind_template_child (widget_class, DsrSidebar, region_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
dsr_sidebar_init (DsrSidebar *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_grouping_factories (self);

  self->without_data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->indicators = g_list_store_new (DSR_TYPE_INDICATOR);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->indicators)),
                                              GTK_FILTER (self->filter));
  /* At once, as the text changes: the list is short. */
  g_object_bind_property (self->indicator_search, "text", self->filter, "search", G_BINDING_SYNC_CREATE);

  gtk_list_box_bind_model (self->indicator_list, G_LIST_MODEL (self->filtered), indicator_row_new, self, NULL);
  gtk_list_box_set_header_func (self->indicator_list, indicator_header_func, self, NULL);
  self->regions = g_list_store_new (DSR_TYPE_REGION_ITEM);
  gtk_list_box_bind_model (self->region_list, G_LIST_MODEL (self->regions), region_row_new, self, NULL);
  g_signal_connect_swapped (self->indicator_list, "row-selected", G_CALLBACK (indicator_row_selected_cb), self);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (filtered_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

GtkWidget *
dsr_sidebar_new (void)
{
  return g_object_new (DSR_TYPE_SIDEBAR, NULL);
}

/* Public ------------------------------------------------------------------------- */

void
dsr_sidebar_set_store (DsrSidebar *self,
                       DsrStore   *store)
{
  g_return_if_fail (DSR_IS_SIDEBAR (self));
  g_return_if_fail (store == NULL || DSR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  dsr_sidebar_refresh_indicators (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

DsrStore *
dsr_sidebar_get_store (DsrSidebar *self)
{
  g_return_val_if_fail (DSR_IS_SIDEBAR (self), NULL);
  return self->store;
}

void
dsr_sidebar_set_indicator (DsrSidebar *self,
                           const char *indicator_id)
{
  g_return_if_fail (DSR_IS_SIDEBAR (self));

  if (g_strcmp0 (self->indicator, indicator_id) == 0)
    return;
  g_free (self->indicator);
  self->indicator = g_strdup (indicator_id);
  select_indicator_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
}

const char *
dsr_sidebar_get_indicator (DsrSidebar *self)
{
  g_return_val_if_fail (DSR_IS_SIDEBAR (self), NULL);
  return self->indicator;
}

void
dsr_sidebar_focus_search (DsrSidebar *self)
{
  g_return_if_fail (DSR_IS_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->indicator_search));
}

void
dsr_sidebar_set_search (DsrSidebar *self,
                        const char *text)
{
  g_return_if_fail (DSR_IS_SIDEBAR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->indicator_search), text ? text : "");
}

/* Returns: (transfer none): the indicators the list shows (after the search) */
GListModel *
dsr_sidebar_get_indicator_model (DsrSidebar *self)
{
  g_return_val_if_fail (DSR_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

GtkListBox *
dsr_sidebar_get_indicator_list (DsrSidebar *self)
{
  g_return_val_if_fail (DSR_IS_SIDEBAR (self), NULL);
  return self->indicator_list;
}

GtkDropDown *
dsr_sidebar_get_grouping_dropdown (DsrSidebar *self)
{
  g_return_val_if_fail (DSR_IS_SIDEBAR (self), NULL);
  return self->grouping_dropdown;
}

/* Lists @grouping's regions (none when NULL), those in @shown checked (all
 * when @shown is NULL). Does not notify "regions": the caller set them. */
void
dsr_sidebar_set_regions (DsrSidebar         *self,
                         DsrGrouping        *grouping,
                         const char * const *shown)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (DSR_IS_SIDEBAR (self));
  g_return_if_fail (grouping == NULL || DSR_IS_GROUPING (grouping));

  for (guint r = 0; grouping != NULL && r < dsr_grouping_get_n_regions (grouping); r++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, r);
      const char *id = dsr_region_get_id (region);
      DsrRegionItem *item = dsr_region_item_new (id, dsr_region_get_name (region), dsr_region_get_n_members (region),
                                                 shown == NULL || g_strv_contains (shown, id));

      g_signal_connect_object (item, "notify::shown", G_CALLBACK (region_shown_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (items, item);
    }
  self->updating = TRUE;
  g_list_store_splice (self->regions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->regions)),
                       items->pdata, items->len);
  self->updating = FALSE;
}

/* The ids of the regions checked, or NULL when every one is. */
char **
dsr_sidebar_dup_regions (DsrSidebar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;
  gboolean all = TRUE;

  g_return_val_if_fail (DSR_IS_SIDEBAR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrRegionItem) item = g_list_model_get_item (G_LIST_MODEL (self->regions), i);

      if (dsr_region_item_get_shown (item))
        g_strv_builder_add (builder, dsr_region_item_get_id (item));
      else
        all = FALSE;
    }
  return all ? NULL : g_strv_builder_end (builder);
}

/* The regions listed, of DsrRegionItem. */
GListModel *
dsr_sidebar_get_region_model (DsrSidebar *self)
{
  g_return_val_if_fail (DSR_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->regions);
}
