/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-store.h"

G_BEGIN_DECLS

#define DSR_PACK_RESOURCE_URI "resource:///io/github/dsratlas/Atlas/data/"

GFile    *dsr_pack_get_bundled    (void);
gboolean  dsr_pack_load           (DsrStore   *store,
                                   GFile      *dir,
                                   GPtrArray  *problems);
DsrStore *dsr_pack_load_store     (GFile      *dir,
                                   GPtrArray  *problems);

G_END_DECLS
