/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-geometry"

#include "config.h"

#include <math.h>
#include <sys/mman.h>
#include <glib/gi18n.h>

#include "dsr-error.h"

#include "dsr-geometry.h"

/* Boxes ------------------------------------------------------------------------ */

void
dsr_bbox_init_empty (DsrBBox *bbox)
{
  bbox->x0 = bbox->y0 = INFINITY;
  bbox->x1 = bbox->y1 = -INFINITY;
}

gboolean
dsr_bbox_is_empty (const DsrBBox *bbox)
{
  return !(bbox->x0 <= bbox->x1 && bbox->y0 <= bbox->y1);
}

void
dsr_bbox_add_point (DsrBBox *bbox,
                    double   x,
                    double   y)
{
  bbox->x0 = MIN (bbox->x0, x);
  bbox->y0 = MIN (bbox->y0, y);
  bbox->x1 = MAX (bbox->x1, x);
  bbox->y1 = MAX (bbox->y1, y);
}

void
dsr_bbox_union (DsrBBox       *bbox,
                const DsrBBox *other)
{
  if (dsr_bbox_is_empty (other))
    return;
  dsr_bbox_add_point (bbox, other->x0, other->y0);
  dsr_bbox_add_point (bbox, other->x1, other->y1);
}

gboolean
dsr_bbox_contains (const DsrBBox *bbox,
                   double         x,
                   double         y)
{
  return x >= bbox->x0 && x <= bbox->x1 && y >= bbox->y0 && y <= bbox->y1;
}

gboolean
dsr_bbox_intersects (const DsrBBox *a,
                     const DsrBBox *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

/* Building --------------------------------------------------------------------- */

DsrGeometry *
dsr_geometry_new (void)
{
  DsrGeometry *geometry = g_new0 (DsrGeometry, 1);

  geometry->points = g_array_new (FALSE, FALSE, sizeof (DsrPoint));
  geometry->weights = g_array_new (FALSE, FALSE, sizeof (double));
  geometry->rings = g_array_new (FALSE, FALSE, sizeof (DsrRing));
  geometry->features = g_array_new (FALSE, FALSE, sizeof (DsrFeature));
  geometry->lines = g_array_new (FALSE, FALSE, sizeof (DsrRing));
  return geometry;
}

void
dsr_geometry_free (DsrGeometry *geometry)
{
  if (geometry == NULL)
    return;
  for (guint i = 0; i < geometry->features->len; i++)
    g_free (g_array_index (geometry->features, DsrFeature, i).name);
  g_array_unref (geometry->points);
  g_array_unref (geometry->weights);
  g_array_unref (geometry->rings);
  g_array_unref (geometry->features);
  g_array_unref (geometry->lines);
  g_free (geometry);
}

/* A point that is always drawn. */
void
dsr_geometry_add_point (DsrGeometry *geometry,
                        double       x,
                        double       y)
{
  dsr_geometry_add_weighted_point (geometry, x, y, INFINITY);
}

/* A point that a map at a small scale may leave out when @weight (see
 * dsr_visvalingam()) is small. */
void
dsr_geometry_add_weighted_point (DsrGeometry *geometry,
                                 double       x,
                                 double       y,
                                 double       weight)
{
  DsrPoint p = { x, y };

  g_array_append_val (geometry->points, p);
  g_array_append_val (geometry->weights, weight);
}

/* Drops the points from @first on. */
static void
truncate_points (DsrGeometry *geometry,
                 guint        first)
{
  g_array_set_size (geometry->points, first);
  g_array_set_size (geometry->weights, first);
}

/* Appends @n points of another geometry with their weights. */
static void
append_points (DsrGeometry    *geometry,
               const DsrPoint *points,
               const double   *weights,
               guint           n)
{
  g_array_append_vals (geometry->points, points, n);
  g_array_append_vals (geometry->weights, weights, n);
}

static void
ring_measure (const DsrPoint *p,
              DsrRing        *ring)
{
  double twice_area = 0.0;

  dsr_bbox_init_empty (&ring->bbox);
  for (guint i = 0; i < ring->n_points; i++)
    {
      const DsrPoint *a = &p[i], *b = &p[(i + 1) % ring->n_points];

      dsr_bbox_add_point (&ring->bbox, a->x, a->y);
      twice_area += a->x * b->y - b->x * a->y;
    }
  ring->area = twice_area / 2;
}

/**
 * dsr_geometry_close_ring:
 * @first_point: the index of the ring's first point, added since with
 *   dsr_geometry_add_point()
 *
 * Makes the points from @first_point on a ring, repeating the first point at
 * the end if the ring does not already. A ring of fewer than three distinct
 * points encloses nothing: its points are dropped and %FALSE returned.
 */
gboolean
dsr_geometry_close_ring (DsrGeometry *geometry,
                         guint        first_point)
{
  DsrRing ring = { 0 };
  const DsrPoint *p;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (first_point <= geometry->points->len, FALSE);

  ring.first = first_point;
  ring.n_points = geometry->points->len - first_point;
  if (ring.n_points == 0)
    return FALSE;
  p = &g_array_index (geometry->points, DsrPoint, first_point);
  if (p[0].x != p[ring.n_points - 1].x || p[0].y != p[ring.n_points - 1].y)
    {
      DsrPoint first = p[0];

      dsr_geometry_add_point (geometry, first.x, first.y);
      ring.n_points++;
      p = &g_array_index (geometry->points, DsrPoint, first_point);
    }
  if (ring.n_points < 4)
    {
      truncate_points (geometry, first_point);
      return FALSE;
    }

  ring_measure (p, &ring);
  g_array_append_val (geometry->rings, ring);
  return TRUE;
}

static void
feature_measure (DsrGeometry *geometry,
                 DsrFeature  *feature)
{
  double largest = -1.0;

  dsr_bbox_init_empty (&feature->bbox);
  feature->largest_ring = feature->first_ring;
  for (guint r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
    {
      const DsrRing *ring = &g_array_index (geometry->rings, DsrRing, r);

      dsr_bbox_union (&feature->bbox, &ring->bbox);
      if (fabs (ring->area) > largest)
        {
          largest = fabs (ring->area);
          feature->largest_ring = r;
        }
    }
}

/**
 * dsr_geometry_add_feature:
 * @id: the ISO 3166 numeric code, or 0
 * @name: (nullable): its name
 * @first_ring: the index of its first ring; every ring closed since belongs to it
 */
void
dsr_geometry_add_feature (DsrGeometry *geometry,
                          int          id,
                          const char  *name,
                          guint        first_ring)
{
  DsrFeature feature = { 0 };

  g_return_if_fail (geometry != NULL);
  g_return_if_fail (first_ring <= geometry->rings->len);

  feature.id = id;
  feature.name = g_strdup (name ? name : "");
  feature.first_ring = first_ring;
  feature.n_rings = geometry->rings->len - first_ring;
  feature_measure (geometry, &feature);
  g_array_append_val (geometry->features, feature);
}

/**
 * dsr_geometry_add_line:
 * @first_point: the index of the line's first point, added since
 *
 * Makes the points from @first_point on a border line. A line of fewer
 * than two points is dropped, and %FALSE returned.
 */
gboolean
dsr_geometry_add_line (DsrGeometry *geometry,
                       guint        first_point)
{
  DsrRing line = { 0 };

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (first_point <= geometry->points->len, FALSE);

  line.first = first_point;
  line.n_points = geometry->points->len - first_point;
  if (line.n_points < 2)
    {
      truncate_points (geometry, first_point);
      return FALSE;
    }
  dsr_bbox_init_empty (&line.bbox);
  for (guint i = first_point; i < geometry->points->len; i++)
    dsr_bbox_add_point (&line.bbox, g_array_index (geometry->points, DsrPoint, i).x,
                        g_array_index (geometry->points, DsrPoint, i).y);
  g_array_append_val (geometry->lines, line);
  return TRUE;
}

/* Reading ---------------------------------------------------------------------- */

guint
dsr_geometry_get_n_features (const DsrGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, 0);
  return geometry->features->len;
}

const DsrFeature *
dsr_geometry_get_feature (const DsrGeometry *geometry,
                          guint              index)
{
  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (index < geometry->features->len, NULL);
  return &g_array_index (geometry->features, DsrFeature, index);
}

const DsrRing *
dsr_geometry_get_ring (const DsrGeometry *geometry,
                       guint              index)
{
  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (index < geometry->rings->len, NULL);
  return &g_array_index (geometry->rings, DsrRing, index);
}

const DsrPoint *
dsr_geometry_get_ring_points (const DsrGeometry *geometry,
                              const DsrRing     *ring)
{
  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (ring != NULL, NULL);
  return &g_array_index (geometry->points, DsrPoint, ring->first);
}

/* The index of the first feature with @id, or -1. */
int
dsr_geometry_find_id (const DsrGeometry *geometry,
                      int                id)
{
  g_return_val_if_fail (geometry != NULL, -1);

  for (guint i = 0; i < geometry->features->len; i++)
    if (g_array_index (geometry->features, DsrFeature, i).id == id)
      return (int) i;
  return -1;
}

/* Whether (@x, @y) is inside @ring: the crossing-number test. */
gboolean
dsr_geometry_ring_contains (const DsrGeometry *geometry,
                            const DsrRing     *ring,
                            double             x,
                            double             y)
{
  const DsrPoint *p;
  gboolean inside = FALSE;

  if (!dsr_bbox_contains (&ring->bbox, x, y))
    return FALSE;

  p = dsr_geometry_get_ring_points (geometry, ring);
  for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
    if ((p[i].y > y) != (p[j].y > y)
        && x < (p[j].x - p[i].x) * (y - p[i].y) / (p[j].y - p[i].y) + p[i].x)
      inside = !inside;
  return inside;
}

/* Whether (@x, @y) is inside the feature: inside an odd number of its rings,
 * so a hole (a lake, an enclave) is outside. */
gboolean
dsr_geometry_feature_contains (const DsrGeometry *geometry,
                               guint              index,
                               double             x,
                               double             y)
{
  const DsrFeature *feature = dsr_geometry_get_feature (geometry, index);
  gboolean inside = FALSE;

  if (feature == NULL || !dsr_bbox_contains (&feature->bbox, x, y))
    return FALSE;
  for (guint r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
    if (dsr_geometry_ring_contains (geometry, &g_array_index (geometry->rings, DsrRing, r), x, y))
      inside = !inside;
  return inside;
}

/* The index of the feature that contains (@x, @y), or -1 (the sea). */
int
dsr_geometry_find_feature (const DsrGeometry *geometry,
                           double             x,
                           double             y)
{
  g_return_val_if_fail (geometry != NULL, -1);

  for (guint i = 0; i < geometry->features->len; i++)
    if (dsr_geometry_feature_contains (geometry, i, x, y))
      return (int) i;
  return -1;
}

/* The centre of mass of the area @ring encloses (the middle of its box when
 * it encloses none). */
void
dsr_geometry_ring_centroid (const DsrGeometry *geometry,
                            const DsrRing     *ring,
                            DsrPoint          *out)
{
  const DsrPoint *p = dsr_geometry_get_ring_points (geometry, ring);
  double cx = 0.0, cy = 0.0;

  if (fabs (ring->area) < 1e-12)
    {
      out->x = (ring->bbox.x0 + ring->bbox.x1) / 2;
      out->y = (ring->bbox.y0 + ring->bbox.y1) / 2;
      return;
    }
  /* Relative to the first point, which keeps the sums small and exact. */
  for (guint i = 0; i + 1 < ring->n_points; i++)
    {
      double ax = p[i].x - p[0].x, ay = p[i].y - p[0].y;
      double bx = p[i + 1].x - p[0].x, by = p[i + 1].y - p[0].y;
      double cross = ax * by - bx * ay;

      cx += (ax + bx) * cross;
      cy += (ay + by) * cross;
    }
  out->x = p[0].x + cx / (6 * ring->area);
  out->y = p[0].y + cy / (6 * ring->area);
}

/* A copy of @geometry's structure on other @points (one for each of its
 * points), with boxes, areas and largest rings measured anew. */
static DsrGeometry *
geometry_on_points (const DsrGeometry *geometry,
                    GArray            *points)
{
  DsrGeometry *out = dsr_geometry_new ();

  g_array_unref (out->points);
  out->points = g_array_ref (points);
  g_array_append_vals (out->weights, geometry->weights->data, geometry->weights->len);

  g_array_append_vals (out->rings, geometry->rings->data, geometry->rings->len);
  for (guint r = 0; r < out->rings->len; r++)
    {
      DsrRing *ring = &g_array_index (out->rings, DsrRing, r);

      ring_measure (&g_array_index (out->points, DsrPoint, ring->first), ring);
    }

  g_array_append_vals (out->features, geometry->features->data, geometry->features->len);
  for (guint i = 0; i < out->features->len; i++)
    {
      DsrFeature *feature = &g_array_index (out->features, DsrFeature, i);

      feature->name = g_strdup (feature->name);
      feature_measure (out, feature);
    }

  g_array_append_vals (out->lines, geometry->lines->data, geometry->lines->len);
  for (guint l = 0; l < out->lines->len; l++)
    {
      DsrRing *line = &g_array_index (out->lines, DsrRing, l);

      ring_measure (&g_array_index (out->points, DsrPoint, line->first), line);
      line->area = 0;
    }
  return out;
}

/**
 * dsr_geometry_transform:
 * @func: maps each point
 *
 * Returns a copy of @geometry with every point mapped through @func (a
 * projection), and boxes, areas and largest rings measured anew.
 */
DsrGeometry *
dsr_geometry_transform (const DsrGeometry *geometry,
                        DsrPointFunc       func,
                        gpointer           user_data)
{
  g_autoptr(GArray) points = NULL;

  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  points = g_array_sized_new (FALSE, FALSE, sizeof (DsrPoint), geometry->points->len);
  g_array_set_size (points, geometry->points->len);
  for (guint i = 0; i < geometry->points->len; i++)
    {
      const DsrPoint *p = &g_array_index (geometry->points, DsrPoint, i);
      DsrPoint *q = &g_array_index (points, DsrPoint, i);

      func (p->x, p->y, &q->x, &q->y, user_data);
    }
  return geometry_on_points (geometry, points);
}

/**
 * dsr_geometry_with_points:
 * @points: one point for each of @geometry's points, e.g. projected when
 *   the program was built
 *
 * Returns: (transfer full): a copy of @geometry with @points in place of its
 *   own, as dsr_geometry_transform() would make it; %NULL when the count
 *   differs
 */
DsrGeometry *
dsr_geometry_with_points (const DsrGeometry *geometry,
                          const DsrPoint    *points,
                          gsize              n_points)
{
  g_autoptr(GArray) copy = NULL;

  g_return_val_if_fail (geometry != NULL, NULL);
  if (n_points != geometry->points->len)
    return NULL;
  copy = g_array_sized_new (FALSE, FALSE, sizeof (DsrPoint), n_points);
  g_array_append_vals (copy, points, n_points);
  return geometry_on_points (geometry, copy);
}

/* Simplification ------------------------------------------------------------------ */

typedef struct
{
  guint  *heap;   /* indices of points, smallest area first */
  guint  *pos;    /* where each point is in the heap */
  double *area;
  guint   len;
} Heap;

static gboolean
heap_less (Heap *h,
           guint a,
           guint b)
{
  return h->area[h->heap[a]] < h->area[h->heap[b]];
}

static void
heap_swap (Heap *h,
           guint a,
           guint b)
{
  guint t = h->heap[a];

  h->heap[a] = h->heap[b];
  h->heap[b] = t;
  h->pos[h->heap[a]] = a;
  h->pos[h->heap[b]] = b;
}

static void
heap_up (Heap *h,
         guint i)
{
  while (i > 0 && heap_less (h, i, (i - 1) / 2))
    {
      heap_swap (h, i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
}

static void
heap_down (Heap *h,
           guint i)
{
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;

      if (l < h->len && heap_less (h, l, m))
        m = l;
      if (r < h->len && heap_less (h, r, m))
        m = r;
      if (m == i)
        return;
      heap_swap (h, i, m);
      i = m;
    }
}

/* The area of the triangle a, b, c on the sinusoidal projection (x = λ cos φ,
 * y = φ, in radians), which is equal-area: the area on the unit sphere. */
static double
triangle_area (const DsrPoint *a,
               const DsrPoint *b,
               const DsrPoint *c)
{
  const double d = G_PI / 180;
  double ax = a->x * d * cos (a->y * d), ay = a->y * d;
  double bx = b->x * d * cos (b->y * d), by = b->y * d;
  double cx = c->x * d * cos (c->y * d), cy = c->y * d;

  return fabs ((ax - bx) * (cy - by) - (cx - bx) * (ay - by)) / 2;
}

/**
 * dsr_visvalingam:
 * @points: a line in longitude and latitude (degrees)
 * @weights: (out caller-allocates): one for each point
 *
 * Visvalingam and Whyatt's (1993) effective areas: each point's weight is
 * the area (on the unit sphere, in radians²) of the triangle it makes with
 * its neighbours when it is removed, removing the smallest first, never
 * less than the weight of a point removed before it. A map at a given scale
 * draws the points whose weight is larger than a fraction of a pixel's area;
 * the ends are always drawn (INFINITY), so that neighbours sharing a line
 * (a border) simplify it alike and no gap opens between them.
 */
void
dsr_visvalingam (const DsrPoint *points,
                 guint           n_points,
                 double         *weights)
{
  g_autofree guint *prev = NULL;
  g_autofree guint *next = NULL;
  Heap h = { 0 };
  double last = 0;

  g_return_if_fail (points != NULL || n_points == 0);

  if (n_points == 0)
    return;
  weights[0] = weights[n_points - 1] = INFINITY;
  if (n_points < 3)
    return;

  prev = g_new (guint, n_points);
  next = g_new (guint, n_points);
  h.heap = g_new (guint, n_points);
  h.pos = g_new (guint, n_points);
  h.area = g_new (double, n_points);
  for (guint i = 1; i + 1 < n_points; i++)
    {
      prev[i] = i - 1;
      next[i] = i + 1;
      h.area[i] = triangle_area (&points[i - 1], &points[i], &points[i + 1]);
      h.heap[h.len] = i;
      h.pos[i] = h.len++;
    }
  for (guint i = h.len / 2 + 1; i-- > 0;)
    heap_down (&h, i);

  while (h.len > 0)
    {
      guint i = h.heap[0];
      guint neighbours[2];

      heap_swap (&h, 0, --h.len);
      heap_down (&h, 0);

      last = MAX (last, h.area[i]);
      weights[i] = last;
      next[prev[i]] = next[i];
      prev[next[i]] = prev[i];

      neighbours[0] = prev[i];
      neighbours[1] = next[i];
      for (guint k = 0; k < 2; k++)
        {
          guint j = neighbours[k];

          if (j == 0 || j == n_points - 1)
            continue;
          h.area[j] = triangle_area (&points[prev[j]], &points[j], &points[next[j]]);
          heap_up (&h, h.pos[j]);
          heap_down (&h, h.pos[j]);
        }
    }

  g_free (h.heap);
  g_free (h.pos);
  g_free (h.area);
}

/* The antimeridian ---------------------------------------------------------------- */

/* Natural Earth's rings may step across the antimeridian (Chukotka, Fiji,
 * Antarctica): from 179.9° to -180°, which on a flat map is a line across
 * the whole world. */
static gboolean
crosses (const DsrPoint *a,
         const DsrPoint *b)
{
  return fabs (b->x - a->x) > 180.0;
}

static double
side_of (const DsrPoint *p)
{
  return p->x < 0 ? -180.0 : 180.0;
}

/* The latitude at which the step from @a to @b (the short way round) meets
 * the antimeridian. */
static double
crossing_lat (const DsrPoint *a,
              const DsrPoint *b)
{
  double bx = a->x > 0 ? b->x + 360.0 : b->x - 360.0;
  double edge = a->x > 0 ? 180.0 : -180.0;
  double t = bx != a->x ? (edge - a->x) / (bx - a->x) : 0.5;

  return a->y + CLAMP (t, 0.0, 1.0) * (b->y - a->y);
}

/* Points along a meridian between two latitudes (both excluded), a degree
 * apart, so that the edge follows the meridian's curve once projected. */
static void
add_meridian (DsrGeometry *geometry,
              double       lon,
              double       from,
              double       to)
{
  int n = (int) ceil (fabs (to - from));

  for (int i = 1; i < n; i++)
    dsr_geometry_add_point (geometry, lon, from + (to - from) * i / n);
}

/* A ring around a pole crosses the antimeridian an odd number of times:
 * at each crossing it goes down the meridian to the pole, along it to the
 * other side and back up. */
static void
cut_polar_ring (DsrGeometry    *out,
                const DsrPoint *p,
                const double   *w,
                guint           n)
{
  guint first = out->points->len;

  for (guint j = 0; j + 1 < n; j++)
    {
      dsr_geometry_add_weighted_point (out, p[j].x, p[j].y, w[j]);
      if (crosses (&p[j], &p[j + 1]))
        {
          double lat = crossing_lat (&p[j], &p[j + 1]);
          double pole = p[j].y + p[j + 1].y < 0 ? -90.0 : 90.0;
          double s1 = side_of (&p[j]), s2 = side_of (&p[j + 1]);

          dsr_geometry_add_point (out, s1, lat);
          add_meridian (out, s1, lat, pole);
          /* Along the pole in quarter turns: no step of the result crosses. */
          for (int q = 0; q <= 4; q++)
            dsr_geometry_add_point (out, s1 + (s2 - s1) * q / 4, pole);
          add_meridian (out, s2, pole, lat);
          dsr_geometry_add_point (out, s2, lat);
        }
    }
  dsr_geometry_close_ring (out, first);
}

/* A ring that crosses an even number of times is cut into pieces, one on
 * each side per crossing pair, each closed along the antimeridian. */
static void
cut_ring (DsrGeometry    *out,
          const DsrPoint *p,
          const double   *w,
          guint           n)
{
  guint m = n - 1, start = 0, first;
  double entry = 0;

  /* Start just after a crossing. */
  for (guint i = 0; i < m; i++)
    if (crosses (&p[i], &p[(i + 1) % m]))
      {
        start = (i + 1) % m;
        entry = crossing_lat (&p[i], &p[start]);
        break;
      }

  first = out->points->len;
  dsr_geometry_add_point (out, side_of (&p[start]), entry);
  for (guint k = 0; k < m; k++)
    {
      guint i = (start + k) % m, next = (i + 1) % m;

      dsr_geometry_add_weighted_point (out, p[i].x, p[i].y, w[i]);
      if (crosses (&p[i], &p[next]))
        {
          double lat = crossing_lat (&p[i], &p[next]);

          dsr_geometry_add_point (out, side_of (&p[i]), lat);
          add_meridian (out, side_of (&p[i]), lat, entry);
          dsr_geometry_close_ring (out, first);

          first = out->points->len;
          entry = lat;
          dsr_geometry_add_point (out, side_of (&p[next]), lat);
        }
    }
  /* The last crossing closed the last piece; drop the start of another. */
  truncate_points (out, first);
}

static gboolean
run_crosses (const DsrGeometry *geometry,
             const DsrRing     *run)
{
  const DsrPoint *p = &g_array_index (geometry->points, DsrPoint, run->first);

  for (guint j = 0; j + 1 < run->n_points; j++)
    if (crosses (&p[j], &p[j + 1]))
      return TRUE;
  return FALSE;
}

/* Whether some ring or line of @geometry steps across the antimeridian
 * (never so after dsr_geometry_cut_antimeridian()). */
gboolean
dsr_geometry_crosses_antimeridian (const DsrGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, FALSE);

  for (guint r = 0; r < geometry->rings->len; r++)
    if (run_crosses (geometry, &g_array_index (geometry->rings, DsrRing, r)))
      return TRUE;
  for (guint l = 0; l < geometry->lines->len; l++)
    if (run_crosses (geometry, &g_array_index (geometry->lines, DsrRing, l)))
      return TRUE;
  return FALSE;
}

/**
 * dsr_geometry_cut_antimeridian:
 *
 * Returns a copy of @geometry (longitude and latitude) in which no ring
 * steps across the antimeridian: such rings are cut into pieces closed
 * along it, and a ring around a pole goes round it along the map's edge.
 */
DsrGeometry *
dsr_geometry_cut_antimeridian (const DsrGeometry *geometry)
{
  DsrGeometry *out;

  g_return_val_if_fail (geometry != NULL, NULL);

  out = dsr_geometry_new ();
  for (guint f = 0; f < geometry->features->len; f++)
    {
      const DsrFeature *feature = &g_array_index (geometry->features, DsrFeature, f);
      guint first_ring = out->rings->len;

      for (guint r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
        {
          const DsrRing *ring = &g_array_index (geometry->rings, DsrRing, r);
          const DsrPoint *p = &g_array_index (geometry->points, DsrPoint, ring->first);
          const double *w = &g_array_index (geometry->weights, double, ring->first);
          guint n_crossings = 0;

          for (guint j = 0; j + 1 < ring->n_points; j++)
            n_crossings += crosses (&p[j], &p[j + 1]);

          if (n_crossings == 0)
            {
              guint first = out->points->len;

              append_points (out, p, w, ring->n_points);
              dsr_geometry_close_ring (out, first);
            }
          else if (n_crossings % 2 == 1)
            cut_polar_ring (out, p, w, ring->n_points);
          else
            cut_ring (out, p, w, ring->n_points);
        }
      dsr_geometry_add_feature (out, feature->id, feature->name, first_ring);
    }

  /* Border lines are split where they step across. */
  for (guint l = 0; l < geometry->lines->len; l++)
    {
      const DsrRing *line = &g_array_index (geometry->lines, DsrRing, l);
      const DsrPoint *p = &g_array_index (geometry->points, DsrPoint, line->first);
      const double *w = &g_array_index (geometry->weights, double, line->first);
      guint first = out->points->len;

      for (guint j = 0; j < line->n_points; j++)
        {
          if (j > 0 && crosses (&p[j - 1], &p[j]))
            {
              double lat = crossing_lat (&p[j - 1], &p[j]);

              dsr_geometry_add_point (out, side_of (&p[j - 1]), lat);
              dsr_geometry_add_line (out, first);
              first = out->points->len;
              dsr_geometry_add_point (out, side_of (&p[j]), lat);
            }
          dsr_geometry_add_weighted_point (out, p[j].x, p[j].y, w[j]);
        }
      dsr_geometry_add_line (out, first);
    }
  return out;
}

/* Serialised ------------------------------------------------------------------------ */

/* The bundled borders are decoded from TopoJSON when the program is built
 * (dsr-map-compile) and stored as a GVariant that loads in milliseconds:
 * json-glib takes about 90 ms for countries-50m.json, which would dominate
 * a command-line export. The variant holds exactly what the decoder made:
 * (format, [(id, name, n_rings)], [n_points of each ring], [n_points of
 * each border line], [(x, y)], [weight]): the rings' points, then the
 * lines', and a weight for each point. */
#define SERIAL_FORMAT "dsr-map-borders-3"
#define SERIAL_TYPE   "(sa(isu)auaua(dd)ad)"

/**
 * dsr_geometry_serialize:
 *
 * Returns: (transfer full): @geometry in the form
 *   dsr_geometry_new_from_serialized() reads
 */
GBytes *
dsr_geometry_serialize (const DsrGeometry *geometry)
{
  g_auto(GVariantBuilder) features = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(isu)"));
  g_autoptr(GArray) ring_counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) line_counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (DsrPoint), geometry->points->len);
  g_autoptr(GArray) weights = g_array_sized_new (FALSE, FALSE, sizeof (double), geometry->points->len);
  g_autoptr(GVariant) variant = NULL;
  GArray *runs[2] = { geometry->rings, geometry->lines };
  GArray *counts[2] = { ring_counts, line_counts };

  g_return_val_if_fail (geometry != NULL, NULL);

  for (guint i = 0; i < geometry->features->len; i++)
    {
      const DsrFeature *feature = &g_array_index (geometry->features, DsrFeature, i);

      g_variant_builder_add (&features, "(isu)", feature->id, feature->name, feature->n_rings);
    }
  for (guint k = 0; k < 2; k++)
    for (guint r = 0; r < runs[k]->len; r++)
      {
        const DsrRing *run = &g_array_index (runs[k], DsrRing, r);
        guint32 n = run->n_points;

        g_array_append_val (counts[k], n);
        g_array_append_vals (points, &g_array_index (geometry->points, DsrPoint, run->first), n);
        g_array_append_vals (weights, &g_array_index (geometry->weights, double, run->first), n);
      }

  /* DsrPoint is two doubles, the layout of a GVariant "(dd)". */
  G_STATIC_ASSERT (sizeof (DsrPoint) == 2 * sizeof (double));
  variant = g_variant_ref_sink (
    g_variant_new ("(s@a(isu)@au@au@a(dd)@ad)", SERIAL_FORMAT, g_variant_builder_end (&features),
                   g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, ring_counts->data, ring_counts->len,
                                              sizeof (guint32)),
                   g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, line_counts->data, line_counts->len,
                                              sizeof (guint32)),
                   g_variant_new_fixed_array (G_VARIANT_TYPE ("(dd)"), points->data, points->len,
                                              sizeof (DsrPoint)),
                   g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, weights->data, weights->len,
                                              sizeof (double))));
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

/* Maps the pages of a fresh allocation of @size bytes in one call rather
 * than one fault a page as the copy touches them: on a virtual machine a
 * fault costs about 10 us, and the borders are 3 MB (Linux 5.14 or later;
 * elsewhere the copy faults them in as before). */
static void
prefault (gpointer data,
          gsize    size)
{
#ifdef MADV_POPULATE_WRITE
  const gsize page = 4096;
  guintptr first = ((guintptr) data + page - 1) / page * page;
  guintptr end = ((guintptr) data + size) / page * page;

  if (end > first)
    (void) madvise ((gpointer) first, end - first, MADV_POPULATE_WRITE);
#endif
}

/**
 * dsr_geometry_new_from_serialized:
 * @bytes: what dsr_geometry_serialize() made
 * @source_name: names the data in error messages
 *
 * Returns: (transfer full): the geometry, or %NULL with an error in
 *   %DSR_ERROR when @bytes are not what dsr_geometry_serialize() writes
 */
DsrGeometry *
dsr_geometry_new_from_serialized (GBytes      *bytes,
                                  const char  *source_name,
                                  GError     **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) features = NULL;
  g_autoptr(GVariant) ring_counts_v = NULL;
  g_autoptr(GVariant) line_counts_v = NULL;
  g_autoptr(GVariant) points_v = NULL;
  g_autoptr(GVariant) weights_v = NULL;
  g_autoptr(DsrGeometry) geometry = NULL;
  const char *format = NULL;
  const guint32 *ring_counts, *line_counts;
  const DsrPoint *points;
  const double *weights;
  gsize n_rings, n_lines, n_points, n_weights, next_point = 0, next_ring = 0;
  GVariantIter iter;
  const char *name;
  guint32 feature_rings;
  gint32 id;

  g_return_val_if_fail (bytes != NULL, NULL);

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SERIAL_TYPE), bytes, FALSE));
  g_variant_get (variant, "(&s@a(isu)@au@au@a(dd)@ad)", &format, &features, &ring_counts_v, &line_counts_v,
                 &points_v, &weights_v);
  if (g_strcmp0 (format, SERIAL_FORMAT) != 0)
    {
      serial_error (error, source_name, _("unknown format"));
      return NULL;
    }

  ring_counts = g_variant_get_fixed_array (ring_counts_v, &n_rings, sizeof (guint32));
  line_counts = g_variant_get_fixed_array (line_counts_v, &n_lines, sizeof (guint32));
  points = g_variant_get_fixed_array (points_v, &n_points, sizeof (DsrPoint));
  weights = g_variant_get_fixed_array (weights_v, &n_weights, sizeof (double));
  if (n_weights != n_points)
    {
      serial_error (error, source_name, _("the counts of points and weights do not match"));
      return NULL;
    }

  geometry = dsr_geometry_new ();
  /* Room for every point (and a closing point for each ring) and ring at
   * once: growing the arrays ring by ring copied them over and over. */
  g_array_set_size (geometry->points, n_points + n_rings);
  prefault (geometry->points->data, geometry->points->len * sizeof (DsrPoint));
  g_array_set_size (geometry->points, 0);
  g_array_set_size (geometry->weights, n_points + n_rings);
  prefault (geometry->weights->data, geometry->weights->len * sizeof (double));
  g_array_set_size (geometry->weights, 0);
  g_array_set_size (geometry->rings, n_rings);
  g_array_set_size (geometry->rings, 0);
  g_array_set_size (geometry->lines, n_lines);
  g_array_set_size (geometry->lines, 0);
  g_variant_iter_init (&iter, features);
  while (g_variant_iter_next (&iter, "(i&su)", &id, &name, &feature_rings))
    {
      guint first_ring = geometry->rings->len;

      if (feature_rings > n_rings - next_ring)
        {
          serial_error (error, source_name, _("more rings than there are"));
          return NULL;
        }
      for (guint r = 0; r < feature_rings; r++, next_ring++)
        {
          guint first_point = geometry->points->len;

          if (ring_counts[next_ring] < 4 || ring_counts[next_ring] > n_points - next_point)
            {
              serial_error (error, source_name, _("a ring with a wrong number of points"));
              return NULL;
            }
          append_points (geometry, &points[next_point], &weights[next_point], ring_counts[next_ring]);
          next_point += ring_counts[next_ring];
          if (!dsr_geometry_close_ring (geometry, first_point))
            {
              serial_error (error, source_name, _("a ring that encloses nothing"));
              return NULL;
            }
        }
      dsr_geometry_add_feature (geometry, id, name, first_ring);
    }
  for (gsize l = 0; l < n_lines; l++)
    {
      guint first_point = geometry->points->len;

      if (line_counts[l] < 2 || line_counts[l] > n_points - next_point)
        {
          serial_error (error, source_name, _("a line with a wrong number of points"));
          return NULL;
        }
      append_points (geometry, &points[next_point], &weights[next_point], line_counts[l]);
      next_point += line_counts[l];
      dsr_geometry_add_line (geometry, first_point);
    }
  if (next_ring != n_rings || next_point != n_points || geometry->features->len == 0)
    {
      serial_error (error, source_name, _("the counts of rings and points do not match"));
      return NULL;
    }

  return g_steal_pointer (&geometry);
}
