/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-column-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-column-mapping-dialog.h"

/* When detection did not recognise a file (ui/dsr-column-mapping-dialog.ui):
 * which column holds the economy, the year and the value, and optionally the
 * indicator, the unit and the source. The columns' names come bounded from
 * the caller (a header may hold megabytes). */

#define N_FIELDS 6  /* economy, year, value; indicator, unit, source (optional) */

struct _DsrColumnMappingDialog
{
  AdwMessageDialog parent_instance;

  GtkGrid *grid;
  GtkDropDown *drops[N_FIELDS];
  guint n_columns;
};

G_DEFINE_FINAL_TYPE (DsrColumnMappingDialog, dsr_column_mapping_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
dsr_column_mapping_dialog_class_init (DsrColumnMappingDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-column-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrColumnMappingDialog, grid);
}

static void
dsr_column_mapping_dialog_init (DsrColumnMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @columns: the names of the file's columns, in order. */
DsrColumnMappingDialog *
dsr_column_mapping_dialog_new (GtkWindow          *parent,
                               const char         *file_name,
                               const char * const *columns)
{
  const char *labels[N_FIELDS] = { _("Economy (ISO3 code or name)"), _("Year"), _("Value"),
                                   _("Indicator (optional)"), _("Unit (optional)"), _("Source (optional)") };
  DsrColumnMappingDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (columns != NULL, NULL);

  self = g_object_new (DSR_TYPE_COLUMN_MAPPING_DIALOG, "transient-for", parent, NULL);
  self->n_columns = g_strv_length ((char **) columns);
  /* Translators: %s is a file name */
  body = g_strdup_printf (_("The columns of “%s” were not recognised. Choose which column holds "
                            "what; every other column is left out."), file_name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      GtkWidget *label = gtk_label_new (labels[i]);

      if (i >= 3)
        g_ptr_array_add (items, (gpointer) _("None"));
      for (guint c = 0; columns[c] != NULL; c++)
        g_ptr_array_add (items, (gpointer) columns[c]);
      g_ptr_array_add (items, NULL);
      self->drops[i] = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) items->pdata));
      if (i < 3 && i < self->n_columns)
        gtk_drop_down_set_selected (self->drops[i], i);
      gtk_widget_set_hexpand (GTK_WIDGET (self->drops[i]), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->drops[i]));
      gtk_grid_attach (self->grid, label, 0, i, 1, 1);
      gtk_grid_attach (self->grid, GTK_WIDGET (self->drops[i]), 1, i, 1, 1);
    }
  return self;
}

/* The columns chosen (numbered from 1, as the importers take them). */
DsrColumnMapping *
dsr_column_mapping_dialog_get_mapping (DsrColumnMappingDialog *self)
{
  DsrColumnMapping *mapping;
  char **fields[N_FIELDS];

  g_return_val_if_fail (DSR_IS_COLUMN_MAPPING_DIALOG (self), NULL);

  mapping = dsr_column_mapping_new ();
  fields[0] = &mapping->country;
  fields[1] = &mapping->year;
  fields[2] = &mapping->value;
  fields[3] = &mapping->indicator;
  fields[4] = &mapping->unit;
  fields[5] = &mapping->source;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      guint selected = gtk_drop_down_get_selected (self->drops[i]);

      /* The optional ones start with "None". */
      if (i >= 3)
        {
          if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
            continue;
          selected--;
        }
      if (selected < self->n_columns)
        *fields[i] = g_strdup_printf ("%u", selected + 1);
    }
  return mapping;
}
