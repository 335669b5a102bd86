/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-export.h"
#include "dsr-map-render.h"

G_BEGIN_DECLS

/* Any view as a file: the charts through the render layer's export, the map
 * through the same export with the map's drawing (and its own CSV: the
 * values the map shows). The window's export, its copy-figure and the
 * command line all go through here, so they write the same files. */

gboolean  dsr_figure_check    (DsrStore               *store,
                               const DsrView          *view,
                               GError                **error);
GBytes   *dsr_figure_render   (DsrStore               *store,
                               const DsrView          *view,
                               DsrExportFormat         format,
                               const DsrExportOptions *options,
                               GError                **error);
gboolean  dsr_figure_export   (DsrStore               *store,
                               const DsrView          *view,
                               const char             *path,
                               const DsrExportOptions *options,
                               GError                **error);
void      dsr_figure_draw     (cairo_t                *cr,
                               DsrStore               *store,
                               const DsrView          *view,
                               const DsrRenderStyle   *style,
                               double                  width,
                               double                  height);

G_END_DECLS
