/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

#define DSR_TYPE_TABLE_PAGE (dsr_table_page_get_type ())
G_DECLARE_FINAL_TYPE (DsrTablePage, dsr_table_page, DSR, TABLE_PAGE, GtkWidget)

GtkWidget  *dsr_table_page_new          (void);
void        dsr_table_page_set_store    (DsrTablePage  *self,
                                         DsrStore      *store);
void        dsr_table_page_set_view     (DsrTablePage  *self,
                                         const DsrView *view);
void        dsr_table_page_set_selected (DsrTablePage  *self,
                                         const char    *entity_id);
const char *dsr_table_page_get_selected (DsrTablePage  *self);
GListModel *dsr_table_page_get_rows     (DsrTablePage  *self);
GListModel *dsr_table_page_get_top_rows (DsrTablePage  *self);
GtkSelectionModel *dsr_table_page_get_selection (DsrTablePage *self);

G_END_DECLS
