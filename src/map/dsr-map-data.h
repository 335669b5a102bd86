/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-geometry.h"

G_BEGIN_DECLS

/* The borders of the map, decoded once: each country's rings in longitude
 * and latitude and in Equal Earth coordinates, with boxes for culling and
 * hit-testing. Immutable once made, so one instance serves every window and
 * render (and threads). GLib only: TopoJSON comes in through
 * dsr-topojson.h, the bundled borders through dsr-map-borders.h. */

/* ISO 3166 numeric code of Antarctica, left off the map by default. */
#define DSR_MAP_ID_ANTARCTICA 10

#define DSR_TYPE_MAP_DATA (dsr_map_data_get_type ())
G_DECLARE_FINAL_TYPE (DsrMapData, dsr_map_data, DSR, MAP_DATA, GObject)

DsrMapData        *dsr_map_data_new                (DsrGeometry  *geometry);
DsrMapData        *dsr_map_data_new_from_serialized (GBytes      *bytes,
                                                    const char   *source_name,
                                                    GError      **error);
GBytes            *dsr_map_data_serialize          (DsrMapData   *self);

const DsrGeometry *dsr_map_data_get_geometry       (DsrMapData   *self);
const DsrGeometry *dsr_map_data_get_projected      (DsrMapData   *self);
guint              dsr_map_data_get_n_features     (DsrMapData   *self);
const DsrFeature  *dsr_map_data_get_feature        (DsrMapData   *self,
                                                    guint         index);
void               dsr_map_data_get_anchor         (DsrMapData   *self,
                                                    guint         index,
                                                    DsrPoint     *out);
void               dsr_map_data_get_extent         (DsrMapData   *self,
                                                    gboolean      with_antarctica,
                                                    DsrBBox      *out);
int                dsr_map_data_find_feature       (DsrMapData   *self,
                                                    double        lon,
                                                    double        lat);
int                dsr_map_data_find_projected     (DsrMapData   *self,
                                                    double        x,
                                                    double        y,
                                                    gboolean      with_antarctica);

G_END_DECLS
