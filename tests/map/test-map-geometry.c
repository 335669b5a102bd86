/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "dsr-geometry.h"
#include "dsr-test-utils.h"

static void
add_ring (DsrGeometry  *geometry,
          const double *xy,
          guint         n)
{
  guint first = geometry->points->len;

  for (guint i = 0; i < n; i++)
    dsr_geometry_add_point (geometry, xy[2 * i], xy[2 * i + 1]);
  g_assert_true (dsr_geometry_close_ring (geometry, first));
}

/* A square of 10 with a square hole of 2 in the middle, and an island
 * in the hole: even-odd makes the hole outside and the island inside. */
static void
test_holes (void)
{
  g_autoptr(DsrGeometry) g = dsr_geometry_new ();
  const double outer[] = { 0, 0, 10, 0, 10, 10, 0, 10 };
  const double hole[] = { 4, 4, 4, 6, 6, 6, 6, 4 };
  const double island[] = { 4.5, 4.5, 5.5, 4.5, 5.5, 5.5, 4.5, 5.5 };
  const DsrFeature *f;
  const DsrRing *ring;

  add_ring (g, outer, 4);
  add_ring (g, hole, 4);
  add_ring (g, island, 4);
  dsr_geometry_add_feature (g, 156, "Holey", 0);

  f = dsr_geometry_get_feature (g, 0);
  g_assert_cmpint (f->id, ==, 156);
  g_assert_cmpstr (f->name, ==, "Holey");
  g_assert_cmpuint (f->n_rings, ==, 3);
  g_assert_cmpuint (f->largest_ring, ==, 0);
  g_assert_cmpfloat (f->bbox.x0, ==, 0);
  g_assert_cmpfloat (f->bbox.y1, ==, 10);

  /* The ring was closed: the first point repeated. */
  ring = dsr_geometry_get_ring (g, 0);
  g_assert_cmpuint (ring->n_points, ==, 5);
  g_assert_cmpfloat (ring->area, ==, 100);
  g_assert_cmpfloat (dsr_geometry_get_ring (g, 1)->area, ==, -4);

  g_assert_true (dsr_geometry_feature_contains (g, 0, 1, 1));
  g_assert_true (dsr_geometry_feature_contains (g, 0, 9.5, 5));
  g_assert_false (dsr_geometry_feature_contains (g, 0, 4.2, 4.2));  /* in the hole */
  g_assert_true (dsr_geometry_feature_contains (g, 0, 5, 5));       /* on the island */
  g_assert_false (dsr_geometry_feature_contains (g, 0, 11, 5));
  g_assert_false (dsr_geometry_feature_contains (g, 0, -1, -1));
  g_assert_cmpint (dsr_geometry_find_feature (g, 1, 1), ==, 0);
  g_assert_cmpint (dsr_geometry_find_feature (g, 4.2, 4.2), ==, -1);
  g_assert_cmpint (dsr_geometry_find_id (g, 156), ==, 0);
  g_assert_cmpint (dsr_geometry_find_id (g, 4), ==, -1);
}

static void
test_degenerate (void)
{
  g_autoptr(DsrGeometry) g = dsr_geometry_new ();
  const double line[] = { 0, 0, 1, 1 };
  guint first = g->points->len;

  /* Two points enclose nothing: dropped. */
  for (guint i = 0; i < 2; i++)
    dsr_geometry_add_point (g, line[2 * i], line[2 * i + 1]);
  g_assert_false (dsr_geometry_close_ring (g, first));
  g_assert_cmpuint (g->points->len, ==, 0);

  /* A feature without rings (a null geometry) has an empty box and contains nothing. */
  dsr_geometry_add_feature (g, 0, NULL, 0);
  g_assert_cmpuint (dsr_geometry_get_feature (g, 0)->n_rings, ==, 0);
  g_assert_cmpstr (dsr_geometry_get_feature (g, 0)->name, ==, "");
  g_assert_true (dsr_bbox_is_empty (&dsr_geometry_get_feature (g, 0)->bbox));
  g_assert_false (dsr_geometry_feature_contains (g, 0, 0, 0));
}

static void
test_centroid (void)
{
  g_autoptr(DsrGeometry) g = dsr_geometry_new ();
  const double l_shape[] = { 0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2 };
  DsrPoint c;

  add_ring (g, l_shape, 6);
  dsr_geometry_ring_centroid (g, dsr_geometry_get_ring (g, 0), &c);
  /* An L of three unit squares: (0.5,0.5), (1.5,0.5), (0.5,1.5) averaged. */
  g_assert_cmpfloat_with_epsilon (c.x, 2.5 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.y, 2.5 / 3, 1e-12);
}

static void
double_it (double   x,
           double   y,
           double  *out_x,
           double  *out_y,
           gpointer user_data)
{
  *out_x = 2 * x;
  *out_y = 2 * y + GPOINTER_TO_INT (user_data);
}

static void
test_transform (void)
{
  g_autoptr(DsrGeometry) g = dsr_geometry_new ();
  g_autoptr(DsrGeometry) t = NULL;
  const double square[] = { 0, 0, 1, 0, 1, 1, 0, 1 };

  add_ring (g, square, 4);
  dsr_geometry_add_feature (g, 4, "Square", 0);
  t = dsr_geometry_transform (g, double_it, GINT_TO_POINTER (10));
  g_assert_cmpfloat (dsr_geometry_get_ring (t, 0)->area, ==, 4);
  g_assert_cmpfloat (dsr_geometry_get_feature (t, 0)->bbox.y1, ==, 12);
  g_assert_cmpstr (dsr_geometry_get_feature (t, 0)->name, ==, "Square");
  g_assert_true (dsr_geometry_feature_contains (t, 0, 1, 11));
}

/* A square from 170°E to 170°W steps across the antimeridian twice: cut
 * into a piece on each side, each closed along it. */
static void
test_antimeridian (void)
{
  g_autoptr(DsrGeometry) g = dsr_geometry_new ();
  g_autoptr(DsrGeometry) cut = NULL;
  const double across[] = { 170, -10, -170, -10, -170, 10, 170, 10 };
  const double plain[] = { 0, 0, 10, 0, 10, 10 };
  /* Around the south pole, as Natural Earth draws Antarctica. */
  const double polar[] = { -180, -80, -90, -70, 0, -75, 90, -70, 180, -80, 180, -89.999, -180, -89.999 };
  const double polar_open[] = { -170, -80, -90, -70, 0, -75, 90, -70, 170, -80 };
  const DsrFeature *f;

  add_ring (g, across, 4);
  dsr_geometry_add_feature (g, 242, "Fiji-like", 0);
  add_ring (g, plain, 3);
  dsr_geometry_add_feature (g, 1, "Plain", 1);
  add_ring (g, polar_open, 5);
  dsr_geometry_add_feature (g, 10, "Pole", 2);
  add_ring (g, polar, 7);
  dsr_geometry_add_feature (g, 11, "Pole, closed along the edge", 3);

  g_assert_true (dsr_geometry_crosses_antimeridian (g));
  cut = dsr_geometry_cut_antimeridian (g);
  /* Once cut, nothing crosses: cutting again changes nothing. */
  g_assert_false (dsr_geometry_crosses_antimeridian (cut));
  f = dsr_geometry_get_feature (cut, 0);
  g_assert_cmpuint (f->n_rings, ==, 2);
  for (guint r = f->first_ring; r < f->first_ring + f->n_rings; r++)
    {
      const DsrRing *ring = dsr_geometry_get_ring (cut, r);

      /* Each piece is 10° wide, on one side. */
      g_assert_cmpfloat_with_epsilon (ring->bbox.x1 - ring->bbox.x0, 10, 1e-9);
      g_assert_cmpfloat_with_epsilon (fabs (ring->area), 200, 1e-9);
    }
  g_assert_true (dsr_geometry_feature_contains (cut, 0, 175, 0));
  g_assert_true (dsr_geometry_feature_contains (cut, 0, -175, 0));
  g_assert_false (dsr_geometry_feature_contains (cut, 0, 0, 0));

  /* Rings that do not cross are kept as they are. */
  f = dsr_geometry_get_feature (cut, 1);
  g_assert_cmpuint (f->n_rings, ==, 1);
  g_assert_cmpuint (dsr_geometry_get_ring (cut, f->first_ring)->n_points, ==, 4);

  /* Rings around a pole go round it along the map's edge. */
  for (guint i = 2; i < 4; i++)
    {
      f = dsr_geometry_get_feature (cut, i);
      g_assert_cmpuint (f->n_rings, ==, 1);
      g_assert_cmpfloat (f->bbox.y0, <=, -89.999);
      g_assert_true (dsr_geometry_feature_contains (cut, i, 0, -85));
      g_assert_true (dsr_geometry_feature_contains (cut, i, 179, -85));
      g_assert_false (dsr_geometry_feature_contains (cut, i, 0, -60));
    }
}

/* Effective areas: the ends always stay; each point weighs the triangle it
 * makes when removed, smallest first, never less than one removed before. */
static void
test_visvalingam (void)
{
  const DsrPoint line[] = { { 0, 0 }, { 1, 0 }, { 2, 1 }, { 3, 0 }, { 4, 0 } };
  const double d2 = (G_PI / 180) * (G_PI / 180);  /* a square degree at the equator, in rad² */
  double w[5];

  dsr_visvalingam (line, 5, w);
  g_assert_true (isinf (w[0]) && isinf (w[4]));
  /* (0,0) (1,0) (2,1) and (2,1) (3,0) (4,0): half a square degree each. */
  g_assert_cmpfloat_with_epsilon (w[1] / d2, 0.5, 1e-3);
  g_assert_cmpfloat_with_epsilon (w[3] / d2, 0.5, 1e-3);
  /* Then (0,0) (2,1) (4,0): two square degrees. */
  g_assert_cmpfloat_with_epsilon (w[2] / d2, 2.0, 1e-3);

  /* A straight line: the middle points weigh nothing, the ends everything. */
  {
    const DsrPoint straight[] = { { 10, 5 }, { 11, 5 }, { 12, 5 } };
    double ws[3];

    dsr_visvalingam (straight, 3, ws);
    g_assert_cmpfloat (ws[1], ==, 0);
    g_assert_true (isinf (ws[0]) && isinf (ws[2]));
  }
}

/* What the build writes and the program reads back: features, rings,
 * border lines and weights. */
static void
test_serialize (void)
{
  g_autoptr(DsrGeometry) g = dsr_geometry_new ();
  g_autoptr(DsrGeometry) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const double square[] = { 0, 0, 1, 0, 1, 1, 0, 1 };
  guint first;

  add_ring (g, square, 4);
  g_array_index (g->weights, double, 1) = 0.25;
  dsr_geometry_add_feature (g, 4, "Square", 0);
  dsr_geometry_add_feature (g, 10, "Nothing", 1);
  first = g->points->len;
  dsr_geometry_add_weighted_point (g, 1, 0, INFINITY);
  dsr_geometry_add_weighted_point (g, 1, 0.5, 0.125);
  dsr_geometry_add_weighted_point (g, 1, 1, INFINITY);
  g_assert_true (dsr_geometry_add_line (g, first));

  bytes = dsr_geometry_serialize (g);
  back = dsr_geometry_new_from_serialized (bytes, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->features->len, ==, 2);
  g_assert_cmpstr (dsr_geometry_get_feature (back, 0)->name, ==, "Square");
  g_assert_cmpuint (dsr_geometry_get_feature (back, 1)->n_rings, ==, 0);
  g_assert_cmpuint (back->rings->len, ==, 1);
  g_assert_cmpuint (back->lines->len, ==, 1);
  g_assert_cmpuint (back->points->len, ==, 8);
  g_assert_cmpfloat (g_array_index (back->weights, double, 1), ==, 0.25);
  g_assert_cmpfloat (g_array_index (back->weights, double, 6), ==, 0.125);
  g_assert_cmpfloat (g_array_index (back->points, DsrPoint, 6).y, ==, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/map/geometry/holes", test_holes);
  g_test_add_func ("/map/geometry/degenerate", test_degenerate);
  g_test_add_func ("/map/geometry/centroid", test_centroid);
  g_test_add_func ("/map/geometry/transform", test_transform);
  g_test_add_func ("/map/geometry/antimeridian", test_antimeridian);
  g_test_add_func ("/map/geometry/visvalingam", test_visvalingam);
  g_test_add_func ("/map/geometry/serialize", test_serialize);

  return g_test_run ();
}
