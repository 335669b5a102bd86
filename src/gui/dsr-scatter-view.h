/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-chart-data.h"
#include "dsr-render.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

#define DSR_TYPE_SCATTER_VIEW (dsr_scatter_view_get_type ())
G_DECLARE_FINAL_TYPE (DsrScatterView, dsr_scatter_view, DSR, SCATTER_VIEW, GtkWidget)

/* The scatter of a DsrView, drawn by the render layer (dsr-chart-scatter.c).
 * When only the year changes (Play), the dots move to their new places and
 * those that lack a value fade, over a short animation. Emits
 * "entity-activated" like DsrChartView. */
GtkWidget             *dsr_scatter_view_new          (void);
void                   dsr_scatter_view_set_store    (DsrScatterView *self,
                                                      DsrStore       *store);
void                   dsr_scatter_view_set_view     (DsrScatterView *self,
                                                      const DsrView  *view);
const DsrView         *dsr_scatter_view_get_view     (DsrScatterView *self);
void                   dsr_scatter_view_set_selected (DsrScatterView *self,
                                                      const char     *entity_id);
DsrChartData          *dsr_scatter_view_get_data     (DsrScatterView *self);
const DsrRenderLayout *dsr_scatter_view_get_layout   (DsrScatterView *self);
char                  *dsr_scatter_view_tooltip_text (DsrScatterView *self,
                                                      const char     *entity_id);
gboolean               dsr_scatter_view_is_animating (DsrScatterView *self);
guint                  dsr_scatter_view_get_n_moves  (DsrScatterView *self);
void                   dsr_scatter_view_set_font_scale (DsrScatterView *self,
                                                        double          scale);

G_END_DECLS
