/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-store.h"

G_BEGIN_DECLS

#define DSR_TYPE_IMPORTS_WINDOW (dsr_imports_window_get_type ())
G_DECLARE_FINAL_TYPE (DsrImportsWindow, dsr_imports_window, DSR, IMPORTS_WINDOW, AdwPreferencesWindow)

DsrImportsWindow *dsr_imports_window_new         (GtkWindow        *parent,
                                                  DsrStore         *store);
void              dsr_imports_window_refresh     (DsrImportsWindow *self);
gboolean          dsr_imports_window_remove      (DsrImportsWindow *self,
                                                  const char       *id,
                                                  GError          **error);
char             *dsr_imports_window_format_date (GDateTime        *added,
                                                  GDateTime        *now);

G_END_DECLS
