/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-about-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-about-page.h"
#include "dsr-chart-data.h"
#include "dsr-pack.h"
#include "dsr-sidebar.h"

struct _DsrAboutPage
{
  AdwBin parent_instance;

  AdwPreferencesPage *page;
  GPtrArray *groups;  /* the groups on the page now */
  char *citation;     /* the one the Copy button copies */
};

G_DEFINE_FINAL_TYPE (DsrAboutPage, dsr_about_page, ADW_TYPE_BIN)

enum {
  CITATION_COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_about_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
copy_citation_cb (DsrAboutPage *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->citation);
  g_signal_emit (self, signals[CITATION_COPIED], 0);
}

static AdwPreferencesGroup *
new_about_group (DsrAboutPage *self,
                 const char   *title,
                 const char   *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* "About this data", in plain words a class can follow. */
void
dsr_about_page_refresh (DsrAboutPage  *self,
                        DsrStore      *store,
                        const DsrView *view)
{
  DsrIndicator *indicator;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) how = g_string_new (NULL);
  g_autofree char *range = NULL;
  g_autofree char *citation = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *copy;

  g_return_if_fail (DSR_IS_ABOUT_PAGE (self));
  g_return_if_fail (DSR_IS_STORE (store));
  g_return_if_fail (view != NULL);

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_clear_pointer (&self->citation, g_free);
  indicator = dsr_store_get_indicator (store, view->indicator_id);
  if (indicator == NULL)
    return;

  years = dsr_store_get_years (store, dsr_indicator_get_id (indicator));
  range = dsr_years_summary (years);

  group = new_about_group (self, dsr_indicator_get_name (indicator),
                           dsr_indicator_get_description (indicator));
  add_about_row (group, _("Unit"), dsr_indicator_get_unit (indicator));
  add_about_row (group, _("Source"), dsr_indicator_get_source (indicator));
  add_about_row (group, _("Years with data"), years->len > 0 ? range : _("None yet: import a file"));
  if (*dsr_indicator_get_vintage (indicator) != '\0')
    /* Translators: the publisher's "Last Updated" date of the values */
    add_about_row (group, _("Vintage"), dsr_indicator_get_vintage (indicator));
  if (dsr_pack_get_licence (dsr_indicator_get_id (indicator)) != NULL)
    add_about_row (group, _("Licence"), dsr_pack_get_licence (dsr_indicator_get_id (indicator)));
  if (*dsr_indicator_get_reference_id (indicator) != '\0'
      && dsr_store_get_indicator (store, dsr_indicator_get_reference_id (indicator)) != NULL)
    add_about_row (group, _("As printed in the paper"),
                   dsr_indicator_get_name (dsr_store_get_indicator (store,
                                                                   dsr_indicator_get_reference_id (indicator))));
  add_about_row (group, _("Identifier"), dsr_indicator_get_id (indicator));

  /* The same figures and words as the charts. */
  {
    g_autoptr(DsrView) bars = dsr_view_copy (view);
    g_autoptr(DsrChartData) data = NULL;
    g_autofree char *rules = NULL;

    bars->kind = DSR_VIEW_BARS;
    data = dsr_chart_data_new (store, bars);
    rules = dsr_chart_data_describe_rules (data);
    g_string_append (how, rules);
    if (how->len == 0)
      g_string_append (how, _("No regional values for this year."));
  }

  group = new_about_group (self, _("How Regional Values Are Obtained"), NULL);
  add_about_row (group, _("Method"), how->str);

  /* The notes of the values (e.g. the repairs of the paper's Table 1), each once. */
  group = NULL;
  for (guint y = 0; y < years->len; y++)
    {
      g_autoptr(GArray) year_rows = dsr_store_collect_rows (store, dsr_indicator_get_id (indicator),
                                                            g_array_index (years, int, y), NULL);

      for (guint i = 0; i < year_rows->len; i++)
        {
          const DsrRow *row = &g_array_index (year_rows, DsrRow, i);
          g_autofree char *title = NULL;

          if (row->note == NULL || *row->note == '\0' || !g_hash_table_add (notes, (gpointer) row->note))
            continue;
          if (group == NULL)
            group = new_about_group (self, _("Notes"), NULL);
          title = g_strdup_printf ("%s, %d", dsr_entity_get_name (row->entity), row->year);
          add_about_row (group, title, row->note);
        }
    }

  /* Translators: a citation; the placeholders are the indicator, its source and the years */
  citation = g_strdup_printf (_("%s (%s), %s. Digital Silk Road Atlas %s."),
                              dsr_indicator_get_name (indicator), dsr_indicator_get_source (indicator),
                              years->len > 0 ? range : "", PACKAGE_VERSION);
  group = new_about_group (self, _("Cite"), NULL);
  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_tooltip_text (copy, _("Copy Citation"));
  gtk_widget_add_css_class (copy, "flat");
  self->citation = g_strdup (citation);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_citation_cb), self);
  adw_preferences_group_set_header_suffix (group, copy);
  add_about_row (group, _("Citation"), citation);
}


static void
dsr_about_page_dispose (GObject *object)
{
  DsrAboutPage *self = DSR_ABOUT_PAGE (object);

  /* The bin lets its child go first: the template's page is that child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_ABOUT_PAGE);
  G_OBJECT_CLASS (dsr_about_page_parent_class)->dispose (object);
}

static void
dsr_about_page_finalize (GObject *object)
{
  DsrAboutPage *self = DSR_ABOUT_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->citation, g_free);
  G_OBJECT_CLASS (dsr_about_page_parent_class)->finalize (object);
}

static void
dsr_about_page_class_init (DsrAboutPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_about_page_dispose;
  object_class->finalize = dsr_about_page_finalize;

  /* The citation is on the clipboard. */
  signals[CITATION_COPIED] = g_signal_new ("citation-copied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-about-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrAboutPage, page);
}

static void
dsr_about_page_init (DsrAboutPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

GtkWidget *
dsr_about_page_new (void)
{
  return g_object_new (DSR_TYPE_ABOUT_PAGE, NULL);
}
