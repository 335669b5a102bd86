/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-application.h"
#include "dsr-importer.h"
#include "dsr-view.h"

G_BEGIN_DECLS

#define DSR_TYPE_WINDOW (dsr_window_get_type ())
G_DECLARE_FINAL_TYPE (DsrWindow, dsr_window, DSR, WINDOW, AdwApplicationWindow)

DsrWindow     *dsr_window_new            (DsrApplication *application);
const char    *dsr_window_get_indicator  (DsrWindow      *self);
int            dsr_window_get_year       (DsrWindow      *self);
GListModel    *dsr_window_get_rows       (DsrWindow      *self);
const char    *dsr_window_get_page       (DsrWindow      *self);
const DsrView *dsr_window_get_view       (DsrWindow      *self);
const char    *dsr_window_get_selected   (DsrWindow      *self);
GtkWidget     *dsr_window_get_chart      (DsrWindow      *self,
                                          DsrViewKind     kind);
void           dsr_window_import_files   (DsrWindow      *self,
                                          GFile         **files,
                                          guint           n_files,
                                          const DsrColumnMapping *mapping);
void           dsr_window_open_view_file (DsrWindow      *self,
                                          const char     *path);
gboolean       dsr_window_save_view_file (DsrWindow      *self,
                                          const char     *path,
                                          GError        **error);

G_END_DECLS
