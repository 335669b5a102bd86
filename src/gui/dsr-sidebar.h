/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-store.h"

G_BEGIN_DECLS

#define DSR_TYPE_SIDEBAR (dsr_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (DsrSidebar, dsr_sidebar, DSR, SIDEBAR, GtkWidget)

/* The window's sidebar: the indicator picker at the top (searchable, by
 * theme, the indicators without values last under "Needs data" with an
 * Import button), then the grouping and its regions, then Compare. Its width
 * is fixed. "indicator" is the id of the selected indicator: a click sets it. */
GtkWidget   *dsr_sidebar_new                   (void);
void         dsr_sidebar_set_store             (DsrSidebar *self,
                                                DsrStore   *store);
DsrStore    *dsr_sidebar_get_store             (DsrSidebar *self);
void         dsr_sidebar_refresh_indicators    (DsrSidebar *self);
void         dsr_sidebar_set_indicator         (DsrSidebar *self,
                                                const char *indicator_id);
const char  *dsr_sidebar_get_indicator         (DsrSidebar *self);
void         dsr_sidebar_focus_search          (DsrSidebar *self);
void         dsr_sidebar_set_search            (DsrSidebar *self,
                                                const char *text);
GListModel  *dsr_sidebar_get_indicator_model   (DsrSidebar *self);
GtkListBox  *dsr_sidebar_get_indicator_list    (DsrSidebar *self);
gboolean     dsr_sidebar_row_needs_data        (DsrSidebar *self,
                                                guint       position);
GtkDropDown *dsr_sidebar_get_grouping_dropdown (DsrSidebar *self);
void         dsr_sidebar_set_regions           (DsrSidebar         *self,
                                                DsrGrouping        *grouping,
                                                const char * const *shown);
char       **dsr_sidebar_dup_regions           (DsrSidebar *self);
GListModel  *dsr_sidebar_get_region_model      (DsrSidebar *self);

char        *dsr_years_summary                 (GArray     *years);

G_END_DECLS
