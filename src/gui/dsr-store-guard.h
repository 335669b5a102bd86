/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-store.h"

G_BEGIN_DECLS

/* Work that reads a store off the main thread (an export) holds the store's
 * guard; the changes the main thread makes to the store (an import's
 * commit, a removal, an update) wait until no such reader is left. Only the
 * main thread calls these. */

typedef void (*DsrStoreGuardFunc) (gpointer data);

void     dsr_store_guard_hold      (DsrStore          *store);
void     dsr_store_guard_release   (DsrStore          *store);
gboolean dsr_store_guard_is_held   (DsrStore          *store);
void     dsr_store_guard_run       (DsrStore          *store,
                                    DsrStoreGuardFunc  func,
                                    gpointer           data,
                                    GDestroyNotify     destroy);
void     dsr_store_guard_finish    (DsrStore          *store,
                                    GAsyncReadyCallback callback,
                                    GObject           *source,
                                    GAsyncResult      *result,
                                    gpointer           user_data);
void     dsr_store_guard_warm      (DsrStore          *store);

G_END_DECLS
