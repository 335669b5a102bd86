/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-render-style"

#include "config.h"

#include <math.h>

#include "dsr-render-style.h"

G_DEFINE_BOXED_TYPE (DsrRenderStyle, dsr_render_style, dsr_render_style_copy, dsr_render_style_free)

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Okabe and Ito, "Color Universal Design" (2008): blue 0072B2, orange E69F00,
 * vermillion D55E00, bluish green 009E73, reddish purple CC79A7, sky blue
 * 56B4E9, yellow F0E442. The dark scheme lightens the ones that would be too
 * dark on a dark background. */
static const DsrRenderStyle light_style = {
  .scheme = DSR_SCHEME_LIGHT,
  .background = RGB (0xffffff),
  .foreground = RGB (0x1f2328),
  .secondary = RGB (0x5c636b),
  .grid = RGB (0xe3e6ea),
  .axis = RGB (0x8c959f),
  .bar = RGB (0x0072b2),
  .positive = RGB (0x0072b2),
  .negative = RGB (0xe69f00),
  .world = RGB (0xd55e00),
  .bri = RGB (0x009e73),
  .series = { RGB (0x0072b2), RGB (0xe69f00), RGB (0xcc79a7), RGB (0x56b4e9),
              RGB (0x4d4d4d), RGB (0xb59a00) },
};

static const DsrRenderStyle dark_style = {
  .scheme = DSR_SCHEME_DARK,
  .background = RGB (0x1e1e1e),
  .foreground = RGB (0xeeeeee),
  .secondary = RGB (0xa8adb3),
  .grid = RGB (0x37393c),
  .axis = RGB (0x80868c),
  .bar = RGB (0x56b4e9),
  .positive = RGB (0x56b4e9),
  .negative = RGB (0xe69f00),
  .world = RGB (0xff7a3d),
  .bri = RGB (0x2fc495),
  .series = { RGB (0x56b4e9), RGB (0xe69f00), RGB (0xcc79a7), RGB (0xf0e442),
              RGB (0xd0d0d0), RGB (0x3d8fd1) },
};

DsrRenderStyle *
dsr_render_style_new (DsrScheme scheme)
{
  DsrRenderStyle *style = g_memdup2 (scheme == DSR_SCHEME_DARK ? &dark_style : &light_style,
                                     sizeof (DsrRenderStyle));

  style->font_family = g_strdup (DSR_RENDER_FONT_FAMILY);
  return style;
}

DsrRenderStyle *
dsr_render_style_copy (const DsrRenderStyle *style)
{
  DsrRenderStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_memdup2 (style, sizeof *style);
  copy->font_family = g_strdup (style->font_family);
  return copy;
}

void
dsr_render_style_free (DsrRenderStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->font_family);
  g_free (style);
}

/* Body text grows with the canvas: 11 px up to about 900x600, 18 px at
 * 1920x1080 and 36 px at 3840x2160, so a chart keeps its proportions. */
double
dsr_render_style_get_font_size (const DsrRenderStyle *style,
                                double                width,
                                double                height)
{
  g_return_val_if_fail (style != NULL, 11.0);

  if (style->font_size > 0)
    return style->font_size;
  return MAX (11.0, sqrt (MAX (width, 1.0) * MAX (height, 1.0)) / 80.0);
}

const DsrRgba *
dsr_render_style_get_series (const DsrRenderStyle *style,
                             guint                 index)
{
  g_return_val_if_fail (style != NULL, NULL);
  return &style->series[index % DSR_RENDER_N_SERIES];
}

char *
dsr_rgba_to_hex (const DsrRgba *rgba)
{
  g_return_val_if_fail (rgba != NULL, NULL);
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) lround (CLAMP (rgba->red, 0.0, 1.0) * 255),
                          (guint) lround (CLAMP (rgba->green, 0.0, 1.0) * 255),
                          (guint) lround (CLAMP (rgba->blue, 0.0, 1.0) * 255));
}
