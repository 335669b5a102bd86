/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-canvas.h"
#include "dsr-chart-data.h"
#include "dsr-scale.h"

G_BEGIN_DECLS

/* Shared by the chart renderers (bars, trend, table). */

void   _dsr_chart_add_hit      (DsrCanvas           *c,
                                DsrHitKind           kind,
                                const DsrRect       *rect,
                                const DsrChartValue *value,
                                double               shown);
char  *_dsr_chart_format_tick  (DsrChartData        *data,
                                const DsrTicks      *ticks,
                                double               value,
                                gboolean             signed_);
char  *_dsr_chart_format_value (DsrChartData        *data,
                                double               value,
                                DsrQualifier         qualifier,
                                gboolean             signed_);

void   _dsr_chart_bars_draw    (DsrCanvas           *c,
                                DsrChartData        *data);
void   _dsr_chart_trend_draw   (DsrCanvas           *c,
                                DsrChartData        *data);
void   _dsr_chart_table_draw   (DsrCanvas           *c,
                                DsrChartData        *data);
void   _dsr_chart_scatter_draw (DsrCanvas           *c,
                                DsrChartData        *from,
                                DsrChartData        *data,
                                double               t,
                                const char          *selected);

DsrRenderLayout *_dsr_render_layout_new (double      width,
                                         double      height);

G_END_DECLS
