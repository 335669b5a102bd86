/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-table-item"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-table-item.h"

struct _DsrTableItem
{
  GObject parent_instance;

  char *entity_id;
  char *name;
  char *group;
  char *value;
  char *basis;
  char *coverage;
  char *source;
  char *note;
  double number;
  DsrBasis basis_kind;
  DsrEntityKind kind;
  GListModel *children;  /* a group row's rows; NULL for the others */
};

G_DEFINE_FINAL_TYPE (DsrTableItem, dsr_table_item, G_TYPE_OBJECT)

static void
dsr_table_item_finalize (GObject *object)
{
  DsrTableItem *self = DSR_TABLE_ITEM (object);

  g_free (self->entity_id);
  g_free (self->name);
  g_free (self->group);
  g_free (self->value);
  g_free (self->basis);
  g_free (self->coverage);
  g_free (self->source);
  g_free (self->note);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (dsr_table_item_parent_class)->finalize (object);
}

static void
dsr_table_item_class_init (DsrTableItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dsr_table_item_finalize;
}

static void
dsr_table_item_init (DsrTableItem *self)
{
}

/* What kind of entity a row is about, for the table's "Group" column. */
static char *
group_label (DsrEntity *entity,
             DsrStore  *store)
{
  const char *id = dsr_entity_get_id (entity);
  const char *colon;

  switch (dsr_entity_get_kind (entity))
    {
    case DSR_ENTITY_WORLD:
      return g_strdup (_("World"));
    case DSR_ENTITY_BRI:
      return g_strdup (_("Belt and Road"));
    case DSR_ENTITY_REGION:
      colon = strchr (id, ':');
      if (colon != NULL)
        {
          g_autofree char *grouping_id = g_strndup (id, colon - id);
          DsrGrouping *grouping = dsr_store_get_grouping (store, grouping_id);

          if (grouping != NULL)
            return g_strdup (dsr_grouping_get_name (grouping));
        }
      return g_strdup (_("Region"));
    case DSR_ENTITY_AGGREGATE:
      /* Translators: a group of economies as a source reports it, e.g. the World Bank's "Arab World" */
      return g_strdup (_("Reported aggregate"));
    case DSR_ENTITY_COUNTRY:
    default:
      return g_strdup (_("Economy"));
    }
}

/**
 * dsr_table_item_new:
 * @value: a row of @data's table
 *
 * A row of the window's table, from the same figure the Table view and the
 * CSV export show.
 */
DsrTableItem *
dsr_table_item_new (const DsrChartValue *value,
                    DsrChartData        *data)
{
  DsrTableItem *self;
  DsrEntity *entity;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (data != NULL && data->indicator != NULL, NULL);

  entity = dsr_store_get_entity (data->store, value->entity_id);
  self = g_object_new (DSR_TYPE_TABLE_ITEM, NULL);
  self->entity_id = g_strdup (value->entity_id);
  self->name = g_strdup (value->name);
  self->group = entity ? group_label (entity, data->store) : g_strdup ("");
  self->value = dsr_chart_data_format_value (data, value);
  self->basis = g_strdup (dsr_basis_to_label (value->basis));
  self->coverage = value->basis == DSR_BASIS_COMPUTED ? dsr_format_coverage (value->n, value->total)
                                                      : g_strdup ("");
  self->source = g_strdup (value->source);
  self->note = g_strdup ("");
  self->number = value->value;
  self->basis_kind = value->basis;
  self->kind = value->kind;
  return self;
}

/* A row that holds other rows (the reported groups, collapsed). */
DsrTableItem *
dsr_table_item_new_group (const char *name,
                          const char *group,
                          GListModel *children)
{
  DsrTableItem *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (children), NULL);

  self = g_object_new (DSR_TYPE_TABLE_ITEM, NULL);
  self->entity_id = g_strdup ("");
  self->name = g_strdup (name);
  self->group = g_strdup (group ? group : "");
  self->value = g_strdup ("");
  self->basis = g_strdup ("");
  self->coverage = g_strdup ("");
  self->source = g_strdup ("");
  self->note = g_strdup ("");
  self->number = NAN;
  self->basis_kind = DSR_BASIS_OBSERVED;
  self->kind = DSR_ENTITY_AGGREGATE;
  self->children = g_object_ref (children);
  return self;
}

/* A group row's rows, or NULL. */
GListModel *
dsr_table_item_get_children (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->children;
}

DsrEntityKind
dsr_table_item_get_kind (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), DSR_ENTITY_COUNTRY);
  return self->kind;
}

/* The row's name, when two rows would have the same (the world computed
 * here and the world as a source reports it). */
void
dsr_table_item_set_name (DsrTableItem *self,
                         const char   *name)
{
  g_return_if_fail (DSR_IS_TABLE_ITEM (self));
  g_free (self->name);
  self->name = g_strdup (name);
}

const char *
dsr_table_item_get_entity_id (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->entity_id;
}

const char *
dsr_table_item_get_name (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->name;
}

const char *
dsr_table_item_get_group (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->group;
}

const char *
dsr_table_item_get_value (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->value;
}

const char *
dsr_table_item_get_basis (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->basis;
}

const char *
dsr_table_item_get_coverage (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->coverage;
}

const char *
dsr_table_item_get_source (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->source;
}

const char *
dsr_table_item_get_note (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), NULL);
  return self->note;
}

double
dsr_table_item_get_number (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), 0.0);
  return self->number;
}

DsrBasis
dsr_table_item_get_basis_kind (DsrTableItem *self)
{
  g_return_val_if_fail (DSR_IS_TABLE_ITEM (self), DSR_BASIS_OBSERVED);
  return self->basis_kind;
}
