/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-store.h"

G_BEGIN_DECLS

char     *dsr_iso_codes_default_path (void);
gboolean  dsr_iso_codes_load         (DsrStore    *store,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
