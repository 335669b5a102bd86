/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-data"

#include "config.h"

#include "dsr-map-data.h"
#include "dsr-projection.h"

struct _DsrMapData
{
  GObject      parent_instance;

  DsrGeometry *geometry;   /* longitude, latitude */
  DsrGeometry *projected;  /* Equal Earth, unit sphere */
  DsrPoint    *anchors;    /* projected: where a country's marker goes */
  DsrBBox      extent;     /* projected, without Antarctica */
  DsrBBox      extent_all;
};

G_DEFINE_FINAL_TYPE (DsrMapData, dsr_map_data, G_TYPE_OBJECT)

static void
dsr_map_data_finalize (GObject *object)
{
  DsrMapData *self = DSR_MAP_DATA (object);

  g_clear_pointer (&self->geometry, dsr_geometry_free);
  g_clear_pointer (&self->projected, dsr_geometry_free);
  g_clear_pointer (&self->anchors, g_free);

  G_OBJECT_CLASS (dsr_map_data_parent_class)->finalize (object);
}

static void
dsr_map_data_class_init (DsrMapDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dsr_map_data_finalize;
}

static void
dsr_map_data_init (DsrMapData *self)
{
}

/**
 * dsr_map_data_new:
 * @geometry: (transfer full): borders in longitude and latitude (degrees)
 *
 * Cuts @geometry's rings that step across the antimeridian, projects it
 * once and measures what the renderer and the hit test need.
 */
DsrMapData *
dsr_map_data_new (DsrGeometry *geometry)
{
  DsrMapData *self;
  guint n;

  g_return_val_if_fail (geometry != NULL, NULL);

  self = g_object_new (DSR_TYPE_MAP_DATA, NULL);
  if (dsr_geometry_crosses_antimeridian (geometry))
    {
      self->geometry = dsr_geometry_cut_antimeridian (geometry);
      dsr_geometry_free (geometry);
    }
  else
    self->geometry = geometry;
  self->projected = dsr_geometry_transform (self->geometry, dsr_equal_earth_point, NULL);

  n = dsr_geometry_get_n_features (self->projected);
  self->anchors = g_new0 (DsrPoint, MAX (n, 1));
  dsr_bbox_init_empty (&self->extent);
  dsr_bbox_init_empty (&self->extent_all);
  for (guint i = 0; i < n; i++)
    {
      const DsrFeature *feature = dsr_geometry_get_feature (self->projected, i);

      /* The middle of its largest piece: for Kiribati or Fiji, spread over
       * both ends of the map, the middle of everything would be at sea. */
      if (feature->n_rings > 0)
        dsr_geometry_ring_centroid (self->projected,
                                    dsr_geometry_get_ring (self->projected, feature->largest_ring),
                                    &self->anchors[i]);
      dsr_bbox_union (&self->extent_all, &feature->bbox);
      if (feature->id != DSR_MAP_ID_ANTARCTICA)
        dsr_bbox_union (&self->extent, &feature->bbox);
    }
  return self;
}

/**
 * dsr_map_data_new_from_serialized:
 * @bytes: borders as dsr_geometry_serialize() writes them
 * @source_name: names the data in error messages
 */
DsrMapData *
dsr_map_data_new_from_serialized (GBytes      *bytes,
                                  const char  *source_name,
                                  GError     **error)
{
  DsrGeometry *geometry = dsr_geometry_new_from_serialized (bytes, source_name, error);

  return geometry ? dsr_map_data_new (geometry) : NULL;
}

const DsrGeometry *
dsr_map_data_get_geometry (DsrMapData *self)
{
  g_return_val_if_fail (DSR_IS_MAP_DATA (self), NULL);
  return self->geometry;
}

const DsrGeometry *
dsr_map_data_get_projected (DsrMapData *self)
{
  g_return_val_if_fail (DSR_IS_MAP_DATA (self), NULL);
  return self->projected;
}

guint
dsr_map_data_get_n_features (DsrMapData *self)
{
  g_return_val_if_fail (DSR_IS_MAP_DATA (self), 0);
  return dsr_geometry_get_n_features (self->projected);
}

/* The feature in projected coordinates (its id and name are the same in both). */
const DsrFeature *
dsr_map_data_get_feature (DsrMapData *self,
                          guint       index)
{
  g_return_val_if_fail (DSR_IS_MAP_DATA (self), NULL);
  return dsr_geometry_get_feature (self->projected, index);
}

/* Where a marker for the feature goes, projected: the centroid of its largest ring. */
void
dsr_map_data_get_anchor (DsrMapData *self,
                         guint       index,
                         DsrPoint   *out)
{
  g_return_if_fail (DSR_IS_MAP_DATA (self));
  g_return_if_fail (index < dsr_geometry_get_n_features (self->projected));
  *out = self->anchors[index];
}

/* The projected box of every country, with or without Antarctica. */
void
dsr_map_data_get_extent (DsrMapData *self,
                         gboolean    with_antarctica,
                         DsrBBox    *out)
{
  g_return_if_fail (DSR_IS_MAP_DATA (self));
  *out = with_antarctica ? self->extent_all : self->extent;
}

/* The feature at a longitude and latitude (degrees), or -1 (the sea). */
int
dsr_map_data_find_feature (DsrMapData *self,
                           double      lon,
                           double      lat)
{
  g_return_val_if_fail (DSR_IS_MAP_DATA (self), -1);
  return dsr_geometry_find_feature (self->geometry, lon, lat);
}

/* The feature at a projected point, or -1. */
int
dsr_map_data_find_projected (DsrMapData *self,
                             double      x,
                             double      y,
                             gboolean    with_antarctica)
{
  guint n;

  g_return_val_if_fail (DSR_IS_MAP_DATA (self), -1);

  n = dsr_geometry_get_n_features (self->projected);
  for (guint i = 0; i < n; i++)
    if ((with_antarctica || dsr_geometry_get_feature (self->projected, i)->id != DSR_MAP_ID_ANTARCTICA)
        && dsr_geometry_feature_contains (self->projected, i, x, y))
      return (int) i;
  return -1;
}
