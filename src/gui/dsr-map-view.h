/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-map-render.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

#define DSR_TYPE_MAP_VIEW (dsr_map_view_get_type ())
G_DECLARE_FINAL_TYPE (DsrMapView, dsr_map_view, DSR, MAP_VIEW, GtkWidget)

/* The choropleth of a DsrView: tooltips, click to select an economy (or, in
 * region mode, its region), scroll, drag and pinch to zoom and pan. */
GtkWidget          *dsr_map_view_new             (void);
void                dsr_map_view_set_store       (DsrMapView     *self,
                                                  DsrStore       *store);
void                dsr_map_view_set_view        (DsrMapView     *self,
                                                  const DsrView  *view);
void                dsr_map_view_set_selected    (DsrMapView     *self,
                                                  const char     *entity_id);
const char         *dsr_map_view_get_selected    (DsrMapView     *self);
void                dsr_map_view_set_font_scale  (DsrMapView     *self,
                                                  double          scale);
void                dsr_map_view_zoom_at         (DsrMapView     *self,
                                                  double          factor,
                                                  double          x,
                                                  double          y);
void                dsr_map_view_reset_zoom      (DsrMapView     *self);
double              dsr_map_view_get_zoom        (DsrMapView     *self);
const DsrMapLayout *dsr_map_view_get_layout      (DsrMapView     *self);
const char         *dsr_map_view_activate_at     (DsrMapView     *self,
                                                  double          x,
                                                  double          y);
char               *dsr_map_view_describe        (DsrMapView     *self);
GError             *dsr_map_view_get_error       (DsrMapView     *self);

G_END_DECLS
