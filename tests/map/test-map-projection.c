/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "dsr-projection.h"
#include "dsr-test-utils.h"

/* Expected values from the paper's formulas (Šavrič et al. 2019, eq. 1-2),
 * evaluated independently in Python with double precision. */
static const struct
{
  double lon, lat, x, y;
} known[] = {
  { 0, 0, 0.0, 0.0 },
  { 180, 0, 2.706629983696074, 0.0 },
  { 0, 90, 0.0, 1.317362759157413 },
  { 180, 90, 1.603588648284051, 1.317362759157413 },
  { -180, -90, -1.603588648284051, -1.317362759157413 },
  { 90, 45, 1.159854499102984, 0.860231085522010 },
  { 116.4, 39.9, 1.552260873795748, 0.772869534159464 },  /* Beijing */
  { -74, 40.7, -0.981862090157624, 0.786841444197299 },   /* New York */
};

static void
test_forward (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      double x, y;

      dsr_equal_earth_forward (known[i].lon, known[i].lat, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, known[i].x, 1e-12);
      g_assert_cmpfloat_with_epsilon (y, known[i].y, 1e-12);
    }
  g_assert_cmpfloat_with_epsilon (known[1].x, DSR_EQUAL_EARTH_MAX_X, 1e-15);
  g_assert_cmpfloat_with_epsilon (known[2].y, DSR_EQUAL_EARTH_MAX_Y, 1e-15);
}

static void
test_inverse_round_trip (void)
{
  double worst = 0;

  for (double lat = -90; lat <= 90; lat += 2.5)
    for (double lon = -180; lon <= 180; lon += 5)
      {
        double x, y, lon2, lat2;

        dsr_equal_earth_forward (lon, lat, &x, &y);
        g_assert_true (dsr_equal_earth_inverse (x, y, &lon2, &lat2));
        worst = MAX (worst, fabs (lat2 - lat));
        if (fabs (lat) < 90)
          worst = MAX (worst, fabs (lon2 - lon));
      }
  g_test_message ("worst round-trip error: %g degrees", worst);
  g_assert_cmpfloat (worst, <, 1e-9);
}

static void
test_inverse_outside (void)
{
  double lon, lat;

  /* Right of the map at the equator, and beyond the poles. */
  g_assert_false (dsr_equal_earth_inverse (2.8, 0, &lon, &lat));
  g_assert_false (dsr_equal_earth_inverse (0, 1.4, &lon, &lat));
  /* At 80°N the map is narrower than at the equator. */
  g_assert_false (dsr_equal_earth_inverse (2.5, 1.25, &lon, &lat));
}

/* Projected area of a lon/lat cell, by the shoelace formula on its edges. */
static double
cell_area (double lon,
           double lat,
           double size)
{
  const int steps = 50;
  double sum = 0, px = 0, py = 0, fx = 0, fy = 0;
  int n = 0;

  for (int side = 0; side < 4; side++)
    for (int i = 0; i < steps; i++)
      {
        double t = (double) i / steps, a, b, x, y;

        switch (side)
          {
          case 0: a = lon + t * size; b = lat; break;
          case 1: a = lon + size; b = lat + t * size; break;
          case 2: a = lon + size - t * size; b = lat + size; break;
          default: a = lon; b = lat + size - t * size; break;
          }
        dsr_equal_earth_forward (a, b, &x, &y);
        if (n++ == 0)
          {
            fx = x;
            fy = y;
          }
        else
          sum += px * y - x * py;
        px = x;
        py = y;
      }
  sum += px * fy - fx * py;
  return fabs (sum) / 2;
}

/* Equal area: cells of the sphere keep their ratio of areas. */
static void
test_equal_area (void)
{
  double deg = G_PI / 180;
  double a0 = cell_area (10, 0, 5), a60 = cell_area (10, 60, 5), a80 = cell_area (-120, 80, 5);
  double s0 = sin (5 * deg) - sin (0), s60 = sin (65 * deg) - sin (60 * deg);
  double s80 = sin (85 * deg) - sin (80 * deg);

  g_assert_cmpfloat_with_epsilon (a60 / a0, s60 / s0, 1e-4);
  g_assert_cmpfloat_with_epsilon (a80 / a0, s80 / s0, 1e-4);
  /* And the whole map has the sphere's area, 4π. */
  g_assert_cmpfloat_with_epsilon (a0 / (5 * deg * s0), 1.0, 1e-3);
}

static void
test_fit (void)
{
  DsrBBox extent = { 0, 0, 10, 5 };
  DsrMapFit fit;
  double sx, sy, px, py;

  /* A wide extent in a square: width-limited, centred vertically. */
  dsr_map_fit_init (&fit, &extent, 100, 50, 400, 400);
  g_assert_cmpfloat_with_epsilon (fit.scale, 40, 1e-12);
  dsr_map_fit_apply (&fit, 0, 0, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 350, 1e-9);
  dsr_map_fit_apply (&fit, 10, 5, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 150, 1e-9);

  /* A tall rectangle: height-limited, centred horizontally; no distortion. */
  dsr_map_fit_init (&fit, &extent, 0, 0, 1000, 100);
  g_assert_cmpfloat_with_epsilon (fit.scale, 20, 1e-12);
  dsr_map_fit_apply (&fit, 0, 5, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 0, 1e-9);

  dsr_map_fit_invert (&fit, 123, 45, &px, &py);
  dsr_map_fit_apply (&fit, px, py, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 123, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 45, 1e-9);
}

static void
test_zoom_pan (void)
{
  DsrBBox extent = { -1, -1, 1, 1 };
  DsrMapTransform t;
  DsrMapFit base, fit;
  double x0, y0, x1, y1, px, py;

  dsr_map_fit_init (&base, &extent, 0, 0, 200, 200);
  dsr_map_transform_init (&t);
  g_assert_true (dsr_map_transform_is_identity (&t));

  /* Zooming about a point keeps that point where it is. */
  dsr_map_fit_invert (&base, 150, 60, &px, &py);
  dsr_map_transform_zoom_at (&t, 3, 150, 60);
  g_assert_cmpfloat (t.zoom, ==, 3);
  dsr_map_fit_transform (&base, &t, &fit);
  dsr_map_fit_apply (&fit, px, py, &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0, 60, 1e-9);

  /* Panning moves everything by the drag. */
  dsr_map_fit_apply (&fit, 0.2, 0.3, &x0, &y0);
  dsr_map_transform_pan (&t, 10, -20);
  dsr_map_fit_transform (&base, &t, &fit);
  dsr_map_fit_apply (&fit, 0.2, 0.3, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1 - x0, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (y1 - y0, -20, 1e-9);

  /* The zoom stays in range; clamping keeps the map covering the area. */
  dsr_map_transform_zoom_at (&t, 1000, 0, 0);
  g_assert_cmpfloat (t.zoom, ==, DSR_MAP_ZOOM_MAX);
  dsr_map_transform_zoom_at (&t, 1e-6, 0, 0);
  g_assert_cmpfloat (t.zoom, ==, DSR_MAP_ZOOM_MIN);
  dsr_map_transform_pan (&t, 500, 500);
  dsr_map_transform_clamp (&t, 0, 0, 200, 200);
  g_assert_true (dsr_map_transform_is_identity (&t));

  dsr_map_transform_zoom_at (&t, 2, 100, 100);
  dsr_map_transform_pan (&t, -1000, 0);
  dsr_map_transform_clamp (&t, 0, 0, 200, 200);
  g_assert_cmpfloat (t.dx, ==, -200);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/map/projection/forward", test_forward);
  g_test_add_func ("/map/projection/inverse-round-trip", test_inverse_round_trip);
  g_test_add_func ("/map/projection/inverse-outside", test_inverse_outside);
  g_test_add_func ("/map/projection/equal-area", test_equal_area);
  g_test_add_func ("/map/projection/fit", test_fit);
  g_test_add_func ("/map/projection/zoom-pan", test_zoom_pan);

  return g_test_run ();
}
