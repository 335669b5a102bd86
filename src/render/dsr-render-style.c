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
 * dark on a dark background.
 *
 * The twelve series colours were picked from common categorical palettes
 * (Okabe and Ito's, ColorBrewer's, Tableau's, Paul Tol's) so that every
 * pair of them, the world's, the Belt and Road's and the muted grey differ
 * by a CIEDE2000 distance of at least 16 on either background, each at least
 * 2.2:1 against white; the dark scheme mixes the darker ones with white (the
 * same hue) until they reach 3.6:1 against its background. The first ones
 * are the most distinct: few series get the clearest colours. */
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
  .series = { RGB (0x0072b2), RGB (0xe69f00), RGB (0x882255), RGB (0x17becf), RGB (0x66a61e),
              RGB (0xf781bf), RGB (0x332288), RGB (0x7f7f00), RGB (0x8c564b), RGB (0xb39ddb),
              RGB (0x01665e), RGB (0xe41a1c) },
  .muted = RGB (0xb4b9bf),
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
  .series = { RGB (0x147db8), RGB (0xe69f00), RGB (0xa96085), RGB (0x17becf), RGB (0x66a61e),
              RGB (0xf781bf), RGB (0x786db0), RGB (0x7f7f00), RGB (0x9a6a61), RGB (0xb39ddb),
              RGB (0x2f827b), RGB (0xe52325) },
  .muted = RGB (0x5f6368),
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
  copy->selected = g_strdup (style->selected);
  return copy;
}

void
dsr_render_style_free (DsrRenderStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->font_family);
  g_free (style->selected);
  g_free (style);
}

/* Body text grows with the canvas so that a figure can be read from the
 * back of a room: the small text (axes, legends, notes; 0.85 of the body)
 * is at least 1/50 of the height, 25.7 px body text at 1920x1080, 51 px at
 * 3840x2160, about 13 px at 900x600 (never under 11 px). A wide and short
 * canvas goes by its area, so that its labels still fit across. */
double
dsr_render_style_get_font_size (const DsrRenderStyle *style,
                                double                width,
                                double                height)
{
  g_return_val_if_fail (style != NULL, 11.0);

  if (style->font_size > 0)
    return style->font_size;
  return MAX (11.0, MIN (MAX (height, 1.0) / 42.0, sqrt (MAX (width, 1.0) * MAX (height, 1.0)) / 56.0));
}

const DsrRgba *
dsr_render_style_get_series (const DsrRenderStyle *style,
                             guint                 index)
{
  g_return_val_if_fail (style != NULL, NULL);
  return &style->series[index % DSR_RENDER_N_SERIES];
}

void
dsr_render_style_set_selected (DsrRenderStyle *style,
                               const char     *entity_id)
{
  g_return_if_fail (style != NULL);

  if (g_strcmp0 (style->selected, entity_id) == 0)
    return;
  g_free (style->selected);
  style->selected = g_strdup (entity_id);
}

gboolean
dsr_render_style_is_selected (const DsrRenderStyle *style,
                              const char           *entity_id)
{
  return style != NULL && style->selected != NULL && entity_id != NULL
         && g_str_equal (style->selected, entity_id);
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
