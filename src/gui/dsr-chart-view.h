/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-render.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

#define DSR_TYPE_CHART_VIEW (dsr_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (DsrChartView, dsr_chart_view, DSR, CHART_VIEW, GtkWidget)

/* Shows one chart (bars, trend or table) of a DsrView, drawn by the render
 * layer; tooltips and clicks come from the layout the render returns. */
GtkWidget             *dsr_chart_view_new          (DsrViewKind   kind);
void                   dsr_chart_view_set_store    (DsrChartView *self,
                                                    DsrStore     *store);
void                   dsr_chart_view_set_view     (DsrChartView *self,
                                                    const DsrView *view);
const DsrView         *dsr_chart_view_get_view     (DsrChartView *self);
void                   dsr_chart_view_set_selected (DsrChartView *self,
                                                    const char   *entity_id);
const char            *dsr_chart_view_get_selected (DsrChartView *self);
void                   dsr_chart_view_set_font_scale (DsrChartView *self,
                                                    double        scale);
const DsrRenderLayout *dsr_chart_view_get_layout   (DsrChartView *self);
char                  *dsr_chart_view_describe     (DsrChartView *self);

G_END_DECLS
