/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dsr-chart-data.h"
#include "dsr-store.h"

G_BEGIN_DECLS

#define DSR_TYPE_TABLE_ITEM (dsr_table_item_get_type ())
G_DECLARE_FINAL_TYPE (DsrTableItem, dsr_table_item, DSR, TABLE_ITEM, GObject)

/* One row of the window's table, with its cells formatted for display. */
DsrTableItem *dsr_table_item_new          (const DsrChartValue *value,
                                            DsrChartData        *data);
const char   *dsr_table_item_get_entity_id (DsrTableItem *self);
const char   *dsr_table_item_get_name      (DsrTableItem *self);
const char   *dsr_table_item_get_group     (DsrTableItem *self);
const char   *dsr_table_item_get_value     (DsrTableItem *self);
const char   *dsr_table_item_get_basis     (DsrTableItem *self);
const char   *dsr_table_item_get_coverage  (DsrTableItem *self);
const char   *dsr_table_item_get_source    (DsrTableItem *self);
const char   *dsr_table_item_get_note      (DsrTableItem *self);
double        dsr_table_item_get_number    (DsrTableItem *self);
DsrBasis      dsr_table_item_get_basis_kind (DsrTableItem *self);
DsrEntityKind dsr_table_item_get_kind      (DsrTableItem *self);
void          dsr_table_item_set_name      (DsrTableItem *self,
                                            const char   *name);
DsrTableItem *dsr_table_item_new_group     (const char   *name,
                                            const char   *group,
                                            GListModel   *children);
GListModel   *dsr_table_item_get_children  (DsrTableItem *self);

G_END_DECLS
