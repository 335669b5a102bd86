/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DSR_TYPE_REGION_ITEM (dsr_region_item_get_type ())
G_DECLARE_FINAL_TYPE (DsrRegionItem, dsr_region_item, DSR, REGION_ITEM, GObject)

/* A region of the sidebar's list: its id, name and number of members, and
 * whether the figures show it ("shown", which the row's check box is bound to). */
DsrRegionItem *dsr_region_item_new           (const char    *id,
                                              const char    *name,
                                              guint          n_members,
                                              gboolean       shown);
const char    *dsr_region_item_get_id        (DsrRegionItem *self);
const char    *dsr_region_item_get_name      (DsrRegionItem *self);
guint          dsr_region_item_get_n_members (DsrRegionItem *self);
gboolean       dsr_region_item_get_shown     (DsrRegionItem *self);
void           dsr_region_item_set_shown     (DsrRegionItem *self,
                                              gboolean       shown);

G_END_DECLS
