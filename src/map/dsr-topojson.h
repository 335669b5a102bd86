/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-geometry.h"
#include "dsr-map-data.h"

G_BEGIN_DECLS

DsrGeometry *dsr_topojson_decode             (const char  *data,
                                              gssize       length,
                                              const char  *object_name,
                                              const char  *source_name,
                                              GError     **error);
DsrMapData  *dsr_map_data_new_from_topojson  (const char  *data,
                                              gssize       length,
                                              const char  *source_name,
                                              GError     **error);
DsrMapData  *dsr_map_data_new_from_file      (GFile       *file,
                                              GError     **error);

G_END_DECLS
