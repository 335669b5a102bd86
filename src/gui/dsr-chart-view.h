/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-figure-view.h"
#include "dsr-render.h"

G_BEGIN_DECLS

#define DSR_TYPE_CHART_VIEW (dsr_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (DsrChartView, dsr_chart_view, DSR, CHART_VIEW, DsrFigureView)

/* Shows one chart (bars, trend or table) of a DsrView, drawn by the render
 * layer; tooltips and clicks come from the layout the render returns. The
 * store, the view, the selection and the font scale are DsrFigureView's. */
GtkWidget             *dsr_chart_view_new          (DsrViewKind   kind);
DsrViewKind            dsr_chart_view_get_kind     (DsrChartView *self);
const DsrRenderLayout *dsr_chart_view_get_layout   (DsrChartView *self);

G_END_DECLS
