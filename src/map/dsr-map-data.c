/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-data"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-map-data.h"
#include "dsr-projection.h"

struct _DsrMapData
{
  GObject      parent_instance;

  DsrGeometry *geometry;   /* longitude, latitude; made on first use when loaded
                            * from the serialized form (see geometry_points) */
  GVariant    *geometry_points; /* until then: its points, a "a(dd)" */
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
  g_clear_pointer (&self->geometry_points, g_variant_unref);
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

/* Anchors and extents, from the projected geometry. */
static void
measure (DsrMapData *self)
{
  guint n = dsr_geometry_get_n_features (self->projected);

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
  measure (self);
  return self;
}

/* The bundled borders as the build stores them: the cut geometry projected
 * by the same dsr_equal_earth_point() when the program was built (in
 * dsr_geometry_serialize()'s form, as bytes), and the longitudes and
 * latitudes of its points. A start reads only the projected geometry: the
 * renderer needs nothing else, and the hit test's longitude-latitude
 * geometry is made from the points on first use. Projecting 120,000 points
 * and copying a second geometry was most of a start's loading. */
#define SERIAL_FORMAT "dsr-map-data-2"
#define SERIAL_TYPE   "(sa(dd)ay)"

/**
 * dsr_map_data_serialize:
 *
 * Returns: (transfer full): @self in the form
 *   dsr_map_data_new_from_serialized() reads
 */
GBytes *
dsr_map_data_serialize (DsrMapData *self)
{
  g_autoptr(GBytes) projected = NULL;
  g_autoptr(GVariant) variant = NULL;
  const GArray *points;

  g_return_val_if_fail (DSR_IS_MAP_DATA (self), NULL);

  projected = dsr_geometry_serialize (self->projected);
  points = dsr_map_data_get_geometry (self)->points;
  G_STATIC_ASSERT (sizeof (DsrPoint) == 2 * sizeof (double));
  variant = g_variant_ref_sink (
    g_variant_new ("(s@a(dd)@ay)", SERIAL_FORMAT,
                   g_variant_new_fixed_array (G_VARIANT_TYPE ("(dd)"), points->data, points->len,
                                              sizeof (DsrPoint)),
                   g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, projected, TRUE)));
  return g_variant_get_data_as_bytes (variant);
}

static gboolean
serial_error (GError     **error,
              const char  *source_name,
              const char  *problem)
{
  g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: not a borders file of this version: %s"),
               source_name, problem);
  return FALSE;
}

/**
 * dsr_map_data_new_from_serialized:
 * @bytes: borders as dsr_map_data_serialize() writes them
 * @source_name: names the data in error messages
 */
DsrMapData *
dsr_map_data_new_from_serialized (GBytes      *bytes,
                                  const char  *source_name,
                                  GError     **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) points_v = NULL;
  g_autoptr(GVariant) projected_v = NULL;
  g_autoptr(GBytes) projected_bytes = NULL;
  g_autoptr(DsrMapData) self = NULL;
  const char *format = NULL;
  gsize n_points;

  g_return_val_if_fail (bytes != NULL, NULL);

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SERIAL_TYPE), bytes, FALSE));
  g_variant_get (variant, "(&s@a(dd)@ay)", &format, &points_v, &projected_v);
  if (g_strcmp0 (format, SERIAL_FORMAT) != 0)
    {
      serial_error (error, source_name, _("unknown format"));
      return NULL;
    }
  projected_bytes = g_variant_get_data_as_bytes (projected_v);
  self = g_object_new (DSR_TYPE_MAP_DATA, NULL);
  self->projected = dsr_geometry_new_from_serialized (projected_bytes, source_name, error);
  if (self->projected == NULL)
    return NULL;
  g_variant_get_fixed_array (points_v, &n_points, sizeof (DsrPoint));
  if (n_points != self->projected->points->len)
    {
      serial_error (error, source_name, _("the counts of rings and points do not match"));
      return NULL;
    }
  self->geometry_points = g_steal_pointer (&points_v);
  measure (self);
  return g_steal_pointer (&self);
}

const DsrGeometry *
dsr_map_data_get_geometry (DsrMapData *self)
{
  static GMutex lock;

  g_return_val_if_fail (DSR_IS_MAP_DATA (self), NULL);

  /* Shared by every window, render and thread: made once, under a lock. */
  if (g_atomic_pointer_get (&self->geometry) == NULL)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

      if (self->geometry == NULL)
        {
          gsize n_points;
          const DsrPoint *points = g_variant_get_fixed_array (self->geometry_points, &n_points,
                                                              sizeof (DsrPoint));
          /* The counts were checked when loading. */
          DsrGeometry *geometry = dsr_geometry_with_points (self->projected, points, n_points);

          g_atomic_pointer_set (&self->geometry, geometry);
        }
    }
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
  return dsr_geometry_find_feature (dsr_map_data_get_geometry (self), lon, lat);
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
