/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-map-data.h"

G_BEGIN_DECLS

/* The borders compiled into the program: Natural Earth admin-0 countries at
 * 1:50m (public domain), from world-atlas 2.0.2's countries-50m.json (ISC,
 * Mike Bostock), decoded when the program is built. */

#define DSR_MAP_BORDERS_RESOURCE "/io/github/dsratlas/Atlas/map/countries-50m.gvariant"
#define DSR_MAP_BORDERS_SOURCE   "countries-50m.json"
#define DSR_MAP_BORDERS_CREDIT   "Natural Earth; world-atlas 2.0.2"

DsrMapData *dsr_map_data_load_bundled (GError **error);

G_END_DECLS
