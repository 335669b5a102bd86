/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain polygon geometry, GLib only: features (countries) made of rings,
 * rings made of points. The same model holds longitude/latitude in degrees
 * (as decoded) and projected coordinates (see dsr-projection.h). Polygons and
 * their holes are not told apart: a point is inside a feature when it lies
 * inside an odd number of its rings (the even-odd rule), which is what a
 * polygon with holes means and what cairo fills with CAIRO_FILL_RULE_EVEN_ODD. */

typedef struct
{
  double x;
  double y;
} DsrPoint;

/* An axis-aligned box; empty when x0 > x1. */
typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} DsrBBox;

typedef struct
{
  guint   first;     /* index of its first point in DsrGeometry.points */
  guint   n_points;  /* the last point repeats the first */
  DsrBBox bbox;
  double  area;      /* signed (shoelace); its sign gives the winding */
} DsrRing;

typedef struct
{
  int      id;            /* ISO 3166 numeric code; 0 when the feature has none */
  char    *name;          /* never NULL */
  guint    first_ring;    /* index into DsrGeometry.rings */
  guint    n_rings;       /* 0 for a null geometry */
  guint    largest_ring;  /* the ring with the largest area (meaningless when n_rings is 0) */
  DsrBBox  bbox;          /* of all its rings; empty for a null geometry */
} DsrFeature;

/* Borders between features are kept apart as lines (from a topology's
 * shared arcs), so that a map strokes each border once and no coastline:
 * the lines use DsrRing too, not closed, with an area of 0. */
typedef struct
{
  GArray *points;    /* of DsrPoint */
  GArray *weights;   /* of double, one per point: how much it matters to the
                      * shape (see dsr_visvalingam()); INFINITY: always kept */
  GArray *rings;     /* of DsrRing */
  GArray *features;  /* of DsrFeature */
  GArray *lines;     /* of DsrRing: the borders between features; may be empty */
} DsrGeometry;

typedef void (*DsrPointFunc) (double   x,
                              double   y,
                              double  *out_x,
                              double  *out_y,
                              gpointer user_data);

void               dsr_bbox_init_empty          (DsrBBox           *bbox);
gboolean           dsr_bbox_is_empty            (const DsrBBox     *bbox);
void               dsr_bbox_add_point           (DsrBBox           *bbox,
                                                 double             x,
                                                 double             y);
void               dsr_bbox_union               (DsrBBox           *bbox,
                                                 const DsrBBox     *other);
gboolean           dsr_bbox_contains            (const DsrBBox     *bbox,
                                                 double             x,
                                                 double             y);
gboolean           dsr_bbox_intersects          (const DsrBBox     *a,
                                                 const DsrBBox     *b);

DsrGeometry       *dsr_geometry_new             (void);
void               dsr_geometry_free            (DsrGeometry       *geometry);

void               dsr_geometry_add_point       (DsrGeometry       *geometry,
                                                 double             x,
                                                 double             y);
void               dsr_geometry_add_weighted_point (DsrGeometry    *geometry,
                                                 double             x,
                                                 double             y,
                                                 double             weight);
gboolean           dsr_geometry_close_ring      (DsrGeometry       *geometry,
                                                 guint              first_point);
void               dsr_geometry_add_feature     (DsrGeometry       *geometry,
                                                 int                id,
                                                 const char        *name,
                                                 guint              first_ring);
gboolean           dsr_geometry_add_line        (DsrGeometry       *geometry,
                                                 guint              first_point);

guint              dsr_geometry_get_n_features  (const DsrGeometry *geometry);
const DsrFeature  *dsr_geometry_get_feature     (const DsrGeometry *geometry,
                                                 guint              index);
const DsrRing     *dsr_geometry_get_ring        (const DsrGeometry *geometry,
                                                 guint              index);
const DsrPoint    *dsr_geometry_get_ring_points (const DsrGeometry *geometry,
                                                 const DsrRing     *ring);
int                dsr_geometry_find_id         (const DsrGeometry *geometry,
                                                 int                id);

gboolean           dsr_geometry_ring_contains   (const DsrGeometry *geometry,
                                                 const DsrRing     *ring,
                                                 double             x,
                                                 double             y);
gboolean           dsr_geometry_feature_contains (const DsrGeometry *geometry,
                                                 guint              index,
                                                 double             x,
                                                 double             y);
int                dsr_geometry_find_feature    (const DsrGeometry *geometry,
                                                 double             x,
                                                 double             y);
void               dsr_geometry_ring_centroid   (const DsrGeometry *geometry,
                                                 const DsrRing     *ring,
                                                 DsrPoint          *out);

DsrGeometry       *dsr_geometry_transform       (const DsrGeometry *geometry,
                                                 DsrPointFunc       func,
                                                 gpointer           user_data);
DsrGeometry       *dsr_geometry_with_points     (const DsrGeometry *geometry,
                                                 const DsrPoint    *points,
                                                 gsize              n_points);
DsrGeometry       *dsr_geometry_cut_antimeridian (const DsrGeometry *geometry);
gboolean           dsr_geometry_crosses_antimeridian (const DsrGeometry *geometry);

void               dsr_visvalingam              (const DsrPoint    *points,
                                                 guint              n_points,
                                                 double            *weights);

GBytes            *dsr_geometry_serialize       (const DsrGeometry *geometry);
DsrGeometry       *dsr_geometry_new_from_serialized (GBytes        *bytes,
                                                 const char        *source_name,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrGeometry, dsr_geometry_free)

G_END_DECLS
