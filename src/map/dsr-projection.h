/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dsr-geometry.h"

G_BEGIN_DECLS

/* The Equal Earth projection (Šavrič, Patterson and Jenny, "The Equal Earth
 * map projection", International Journal of Geographical Information Science
 * 33 (3), 2019, pp. 454–465), on the unit sphere: x in about ±2.7066, y in
 * about ±1.3174, north up (y grows northwards). */

#define DSR_EQUAL_EARTH_MAX_X 2.706629983696074
#define DSR_EQUAL_EARTH_MAX_Y 1.317362759157413

void      dsr_equal_earth_forward  (double  lon,
                                    double  lat,
                                    double *x,
                                    double *y);
gboolean  dsr_equal_earth_inverse  (double  x,
                                    double  y,
                                    double *lon,
                                    double *lat);
void      dsr_equal_earth_point    (double   lon,
                                    double   lat,
                                    double  *x,
                                    double  *y,
                                    gpointer user_data);

/* Where projected coordinates land on a canvas: screen x = x + scale * px,
 * screen y = y - scale * py (screens grow downwards). */
typedef struct
{
  double scale;
  double x;
  double y;
} DsrMapFit;

/* The zoom and pan the user applied on top of the fit, in canvas pixels:
 * a point the fit puts at (sx, sy) is drawn at (zoom * sx + dx, zoom * sy + dy). */
typedef struct
{
  double zoom;
  double dx;
  double dy;
} DsrMapTransform;

#define DSR_MAP_ZOOM_MIN 1.0
#define DSR_MAP_ZOOM_MAX 64.0

void      dsr_map_fit_init          (DsrMapFit             *fit,
                                     const DsrBBox         *extent,
                                     double                 x,
                                     double                 y,
                                     double                 width,
                                     double                 height);
void      dsr_map_fit_apply         (const DsrMapFit       *fit,
                                     double                 px,
                                     double                 py,
                                     double                *sx,
                                     double                *sy);
void      dsr_map_fit_invert        (const DsrMapFit       *fit,
                                     double                 sx,
                                     double                 sy,
                                     double                *px,
                                     double                *py);
void      dsr_map_fit_transform     (const DsrMapFit       *fit,
                                     const DsrMapTransform *transform,
                                     DsrMapFit             *out);

void      dsr_map_transform_init    (DsrMapTransform       *transform);
gboolean  dsr_map_transform_is_identity (const DsrMapTransform *transform);
void      dsr_map_transform_zoom_at (DsrMapTransform       *transform,
                                     double                 factor,
                                     double                 cx,
                                     double                 cy);
void      dsr_map_transform_pan     (DsrMapTransform       *transform,
                                     double                 dx,
                                     double                 dy);
void      dsr_map_transform_clamp   (DsrMapTransform       *transform,
                                     double                 x,
                                     double                 y,
                                     double                 width,
                                     double                 height);

G_END_DECLS
