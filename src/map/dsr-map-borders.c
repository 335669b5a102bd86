/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-borders"

#include "config.h"

#include "dsr-map-borders.h"
#include "dsr-map-resources.h"

/**
 * dsr_map_data_load_bundled:
 *
 * The borders compiled into the program, loaded on the first call only.
 *
 * Returns: (transfer full): a new reference to the one shared instance, or
 *   %NULL with an error if the program's resources are damaged
 */
DsrMapData *
dsr_map_data_load_bundled (GError **error)
{
  static GMutex lock;
  static DsrMapData *cached;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (cached == NULL)
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (dsr_map_get_resource (), DSR_MAP_BORDERS_RESOURCE,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (bytes == NULL)
        return NULL;
      cached = dsr_map_data_new_from_serialized (bytes, DSR_MAP_BORDERS_RESOURCE, error);
      if (cached == NULL)
        return NULL;
    }
  return g_object_ref (cached);
}
