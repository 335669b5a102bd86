/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-figure-view.h"
#include "dsr-map-render.h"

G_BEGIN_DECLS

#define DSR_TYPE_MAP_VIEW (dsr_map_view_get_type ())
G_DECLARE_FINAL_TYPE (DsrMapView, dsr_map_view, DSR, MAP_VIEW, DsrFigureView)

/* The choropleth of a DsrView: tooltips, click to select an economy (or, in
 * region mode, its region), scroll, drag and pinch to zoom and pan. The
 * store, the view, the selection and the font scale are DsrFigureView's. */
GtkWidget          *dsr_map_view_new             (void);
void                dsr_map_view_zoom_at         (DsrMapView     *self,
                                                  double          factor,
                                                  double          x,
                                                  double          y);
void                dsr_map_view_reset_zoom      (DsrMapView     *self);
double              dsr_map_view_get_zoom        (DsrMapView     *self);
const DsrMapLayout *dsr_map_view_get_layout      (DsrMapView     *self);
GError             *dsr_map_view_get_error       (DsrMapView     *self);

G_END_DECLS
