/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-projection"

#include "config.h"

#include <math.h>

#include "dsr-projection.h"

/* The polynomial coefficients of the paper (equations 1 and 2). */
#define A1 1.340264
#define A2 (-0.081106)
#define A3 0.000893
#define A4 0.003796
#define M  (0.8660254037844386) /* sqrt(3) / 2 */

#define DEG (G_PI / 180.0)

/* y(θ) = A1 θ + A2 θ³ + A3 θ⁷ + A4 θ⁹ and its derivative y'(θ), which is
 * also the denominator of x (over 3). */
static inline double
poly_y (double t)
{
  double t2 = t * t, t6 = t2 * t2 * t2;

  return t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

static inline double
poly_dy (double t)
{
  double t2 = t * t, t6 = t2 * t2 * t2;

  return A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
}

/**
 * dsr_equal_earth_forward:
 * @lon: longitude in degrees, -180 to 180
 * @lat: latitude in degrees, -90 to 90
 *
 * sin θ = (√3 / 2) sin φ; x = 2√3 λ cos θ / (3 (9 A4 θ⁸ + 7 A3 θ⁶ + 3 A2 θ² + A1));
 * y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ.
 */
void
dsr_equal_earth_forward (double  lon,
                         double  lat,
                         double *x,
                         double *y)
{
  double st = M * sin (CLAMP (lat, -90.0, 90.0) * DEG);
  double t = asin (st);

  /* cos θ = √(1 − sin² θ): one trigonometric call less for each point. */
  *x = 2 * sqrt (3.0) * lon * DEG * sqrt (1 - st * st) / (3 * poly_dy (t));
  *y = poly_y (t);
}

void
dsr_equal_earth_point (double   lon,
                       double   lat,
                       double  *x,
                       double  *y,
                       gpointer user_data)
{
  dsr_equal_earth_forward (lon, lat, x, y);
}

/**
 * dsr_equal_earth_inverse:
 *
 * θ from y by Newton's method (the paper's section 2.2: a few iterations
 * from θ = y reach 1e-9), then φ = asin (sin θ / (√3 / 2)) and
 * λ = 3 x y'(θ) / (2√3 cos θ). Returns %FALSE for a point outside the map.
 */
gboolean
dsr_equal_earth_inverse (double  x,
                         double  y,
                         double *lon,
                         double *lat)
{
  double t = y, s, l;

  if (fabs (y) > DSR_EQUAL_EARTH_MAX_Y + 1e-12)
    return FALSE;

  for (int i = 0; i < 20; i++)
    {
      double step = (poly_y (t) - y) / poly_dy (t);

      t -= step;
      if (fabs (step) < 1e-12)
        break;
    }

  s = CLAMP (sin (t) / M, -1.0, 1.0);
  l = 3 * x * poly_dy (t) / (2 * sqrt (3.0) * cos (t));
  if (fabs (l) > G_PI + 1e-9)
    return FALSE;

  *lat = asin (s) / DEG;
  *lon = l / DEG;
  return TRUE;
}

/* Fitting ---------------------------------------------------------------------- */

/**
 * dsr_map_fit_init:
 * @extent: the projected box to show
 *
 * The largest scale at which @extent fits the rectangle (@x, @y, @width,
 * @height) with its aspect kept, centred in it.
 */
void
dsr_map_fit_init (DsrMapFit     *fit,
                  const DsrBBox *extent,
                  double         x,
                  double         y,
                  double         width,
                  double         height)
{
  double ew = MAX (extent->x1 - extent->x0, 1e-9);
  double eh = MAX (extent->y1 - extent->y0, 1e-9);

  fit->scale = MIN (MAX (width, 0.0) / ew, MAX (height, 0.0) / eh);
  /* Centre: the middle of the extent goes to the middle of the rectangle. */
  fit->x = x + width / 2 - fit->scale * (extent->x0 + extent->x1) / 2;
  fit->y = y + height / 2 + fit->scale * (extent->y0 + extent->y1) / 2;
}

void
dsr_map_fit_apply (const DsrMapFit *fit,
                   double           px,
                   double           py,
                   double          *sx,
                   double          *sy)
{
  *sx = fit->x + fit->scale * px;
  *sy = fit->y - fit->scale * py;
}

void
dsr_map_fit_invert (const DsrMapFit *fit,
                    double           sx,
                    double           sy,
                    double          *px,
                    double          *py)
{
  *px = (sx - fit->x) / fit->scale;
  *py = (fit->y - sy) / fit->scale;
}

/* The fit followed by the user's zoom and pan, as one fit. */
void
dsr_map_fit_transform (const DsrMapFit       *fit,
                       const DsrMapTransform *transform,
                       DsrMapFit             *out)
{
  DsrMapFit f = *fit;

  if (transform != NULL)
    {
      f.scale = fit->scale * transform->zoom;
      f.x = fit->x * transform->zoom + transform->dx;
      f.y = fit->y * transform->zoom + transform->dy;
    }
  *out = f;
}

/* Zoom and pan ------------------------------------------------------------------ */

void
dsr_map_transform_init (DsrMapTransform *transform)
{
  *transform = (DsrMapTransform) { 1.0, 0.0, 0.0 };
}

gboolean
dsr_map_transform_is_identity (const DsrMapTransform *transform)
{
  return transform == NULL
         || (transform->zoom == 1.0 && transform->dx == 0.0 && transform->dy == 0.0);
}

/**
 * dsr_map_transform_zoom_at:
 * @factor: how much to zoom in (> 1) or out (< 1)
 * @cx: the canvas point that stays where it is (the pointer)
 *
 * The zoom stays between %DSR_MAP_ZOOM_MIN and %DSR_MAP_ZOOM_MAX.
 */
void
dsr_map_transform_zoom_at (DsrMapTransform *transform,
                           double           factor,
                           double           cx,
                           double           cy)
{
  double zoom, f;

  g_return_if_fail (transform != NULL);

  if (!(factor > 0) || !isfinite (factor))
    return;
  zoom = CLAMP (transform->zoom * factor, DSR_MAP_ZOOM_MIN, DSR_MAP_ZOOM_MAX);
  f = zoom / transform->zoom;
  transform->dx = cx - f * (cx - transform->dx);
  transform->dy = cy - f * (cy - transform->dy);
  transform->zoom = zoom;
}

void
dsr_map_transform_pan (DsrMapTransform *transform,
                       double           dx,
                       double           dy)
{
  g_return_if_fail (transform != NULL);

  transform->dx += dx;
  transform->dy += dy;
}

/**
 * dsr_map_transform_clamp:
 * @x: the map area (DsrMapLayout.map_area), in canvas pixels
 *
 * Keeps the zoom in range and the zoomed map covering the map area, so that
 * panning cannot lose the map. At zoom 1 this is the identity.
 */
void
dsr_map_transform_clamp (DsrMapTransform *transform,
                         double           x,
                         double           y,
                         double           width,
                         double           height)
{
  double z;

  g_return_if_fail (transform != NULL);

  if (!(transform->zoom >= DSR_MAP_ZOOM_MIN))
    transform->zoom = DSR_MAP_ZOOM_MIN;
  transform->zoom = MIN (transform->zoom, DSR_MAP_ZOOM_MAX);
  z = transform->zoom;
  /* The area's left edge, zoomed, must stay left of the area's left edge,
   * and its right edge right of the right edge; the same vertically. */
  transform->dx = CLAMP (transform->dx, x + width - z * (x + width), x - z * x);
  transform->dy = CLAMP (transform->dy, y + height - z * (y + height), y - z * y);
}
