/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-render-style.h"

G_BEGIN_DECLS

DsrRenderStyle *dsr_widget_style_new         (GtkWidget *widget,
                                              double     font_scale,
                                              int        width,
                                              int        height);

G_END_DECLS
