/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A list of objects as a GListModel, like GListStore, but whose reads
 * (get_item, get_n_items) change nothing: GListStore remembers the last
 * position read, so two threads reading it at once can each get the other's
 * item. The store's lists are read by an export on a worker thread while the
 * window draws; changes happen on the main thread only, while no export
 * holds the store (see src/gui/dsr-store-guard.h). */

#define DSR_TYPE_OBJECT_LIST (dsr_object_list_get_type ())
G_DECLARE_FINAL_TYPE (DsrObjectList, dsr_object_list, DSR, OBJECT_LIST, GObject)

DsrObjectList *dsr_object_list_new     (GType          item_type);
void           dsr_object_list_append  (DsrObjectList *self,
                                        gpointer       item);
void           dsr_object_list_remove  (DsrObjectList *self,
                                        guint          position);
void           dsr_object_list_replace (DsrObjectList *self,
                                        guint          position,
                                        gpointer       item);
gboolean       dsr_object_list_find    (DsrObjectList *self,
                                        gpointer       item,
                                        guint         *position);

G_END_DECLS
