/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the TopoJSON decoder, on the input bytes as they are
 * (json-glib's parser, then the topology, arcs, transform and objects). */
#define G_LOG_DOMAIN "dsr-fuzz"
#include "config.h"

#include "dsr-fuzz.h"
#include "dsr-topojson.h"

void
dsr_fuzz_topojson_one (const guint8 *data,
                       gsize         size)
{
  g_autoptr(DsrMapData) map = NULL;
  GError *error = NULL;

  map = dsr_map_data_new_from_topojson ((const char *) data, size, "fuzz.json", &error);
  g_clear_error (&error);
  if (map != NULL)
    {
      DsrBBox extent;

      /* What the map view does next: the projection and the extent. */
      dsr_map_data_get_projected (map);
      dsr_map_data_get_extent (map, FALSE, &extent);
      dsr_map_data_find_feature (map, 0, 0);
    }
}

DSR_FUZZ_MAIN (dsr_fuzz_topojson_one)
