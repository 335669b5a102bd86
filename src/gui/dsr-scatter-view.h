/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-chart-data.h"
#include "dsr-figure-view.h"
#include "dsr-render.h"

G_BEGIN_DECLS

#define DSR_TYPE_SCATTER_VIEW (dsr_scatter_view_get_type ())
G_DECLARE_FINAL_TYPE (DsrScatterView, dsr_scatter_view, DSR, SCATTER_VIEW, DsrFigureView)

/* The scatter of a DsrView, drawn by the render layer (dsr-chart-scatter.c).
 * When only the year changes (Play), the dots move to their new places and
 * those that lack a value fade, over a short animation. The store, the
 * view, the selection and the font scale are DsrFigureView's. */
GtkWidget             *dsr_scatter_view_new          (void);
DsrChartData          *dsr_scatter_view_get_data     (DsrScatterView *self);
const DsrRenderLayout *dsr_scatter_view_get_layout   (DsrScatterView *self);
char                  *dsr_scatter_view_tooltip_text (DsrScatterView *self,
                                                      const char     *entity_id);
gboolean               dsr_scatter_view_is_animating (DsrScatterView *self);
guint                  dsr_scatter_view_get_n_moves  (DsrScatterView *self);

G_END_DECLS
