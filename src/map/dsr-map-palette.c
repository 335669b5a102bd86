/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-palette"

#include "config.h"

#include <math.h>

#include "dsr-map-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* viridis at t = 0, 1/16, …, 1 (matplotlib 3.6.3, colormaps["viridis"]);
 * between them, linear in sRGB, which stays within one unit of 255 of the
 * full 256-entry table. */
static const DsrRgba viridis[17] = {
  RGB (0x440154), RGB (0x48186a), RGB (0x472d7b), RGB (0x424086), RGB (0x3b528b),
  RGB (0x33638d), RGB (0x2c728e), RGB (0x26828e), RGB (0x21918c), RGB (0x1fa088),
  RGB (0x28ae80), RGB (0x3fbc73), RGB (0x5ec962), RGB (0x84d44b), RGB (0xaddc30),
  RGB (0xd8e219), RGB (0xfde725),
};

/* The ends of the ramp, the same on both backgrounds so that a region has
 * one colour in the light and the dark theme: from a dark purple (not the
 * darker ones, which are lost on a dark background) for the lowest class to the
 * brightest yellow for the highest: more is brighter. */
#define RAMP_LOW  0.18
#define RAMP_HIGH 1.0

typedef struct
{
  DsrRgba neutral;
  DsrRgba no_data;
  DsrRgba hatch;
  DsrRgba middle;   /* zero, in a diverging palette */
} Greys;

static const Greys light_greys = {
  RGB (0xd9dadc), RGB (0xf4f4f5), RGB (0x8c9196), RGB (0xebe9e4),
};
static const Greys dark_greys = {
  RGB (0x48494b), RGB (0x2a2b2d), RGB (0x8a8f95), RGB (0x5a5855),
};

void
dsr_rgba_mix (const DsrRgba *a,
              const DsrRgba *b,
              double         t,
              DsrRgba       *out)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
  out->alpha = a->alpha + (b->alpha - a->alpha) * t;
}

static void
viridis_at (double   t,
            DsrRgba *out)
{
  double x = CLAMP (t, 0.0, 1.0) * 16;
  guint i = MIN ((guint) floor (x), 15);

  dsr_rgba_mix (&viridis[i], &viridis[i + 1], x - i, out);
}

static void
palette_init (DsrMapPalette        *palette,
              const DsrRenderStyle *style)
{
  const Greys *greys = style->scheme == DSR_SCHEME_DARK ? &dark_greys : &light_greys;

  *palette = (DsrMapPalette) { 0 };
  palette->neutral = greys->neutral;
  palette->no_data = greys->no_data;
  palette->hatch = greys->hatch;
  palette->border = style->background;
  palette->border.alpha = 1.0;
  palette->fade = 0.35;
}

/* @n_classes colours from the lowest class to the highest. */
void
dsr_map_palette_init_sequential (DsrMapPalette        *palette,
                                 const DsrRenderStyle *style,
                                 guint                 n_classes)
{
  double lo = RAMP_LOW, hi = RAMP_HIGH;

  g_return_if_fail (n_classes <= DSR_BINS_MAX_CLASSES + 1);

  palette_init (palette, style);
  palette->n_classes = n_classes;
  for (guint i = 0; i < n_classes; i++)
    viridis_at (n_classes > 1 ? lo + (hi - lo) * i / (n_classes - 1) : (lo + hi) / 2,
                &palette->classes[i]);
}

/* One side of a diverging palette at strength @t (0 to 1): from the neutral
 * middle to the side's colour, then on to a darker shade of it on a light
 * background (a lighter one on a dark background), so that the strongest
 * classes stand out from the rest. */
static void
diverging_color (const DsrRenderStyle *style,
                 const DsrRgba        *middle,
                 const DsrRgba        *color,
                 double                t,
                 DsrRgba              *out)
{
  const DsrRgba black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  gboolean dark = style->scheme == DSR_SCHEME_DARK;
  DsrRgba end;

  if (t <= 0.6)
    {
      dsr_rgba_mix (middle, color, t / 0.6, out);
      return;
    }
  dsr_rgba_mix (color, dark ? &white : &black, dark ? 0.55 : 0.5, &end);
  dsr_rgba_mix (color, &end, (t - 0.6) / 0.4, out);
}

/* A class is on the negative side when its values are all below zero, on
 * the positive side when all above (the values split the class at zero:
 * dsr_bins_split_at(); a class of one value by its sign), and neutral when it holds only zero. Its strength
 * is its rank away from zero on its side, over the larger side's number of
 * classes, so that equal ranks look alike on both sides. */
void
dsr_map_palette_init_diverging (DsrMapPalette        *palette,
                                const DsrRenderStyle *style,
                                const DsrBins        *bins)
{
  const Greys *greys = style->scheme == DSR_SCHEME_DARK ? &dark_greys : &light_greys;
  int side[DSR_BINS_MAX_CLASSES + 1];
  guint n_neg = 0, n_pos = 0, m;

  palette_init (palette, style);
  palette->n_classes = bins->n_classes;

  for (guint i = 0; i < bins->n_classes; i++)
    {
      double lo = bins->breaks[i], hi = bins->breaks[i + 1];

      /* A class of one value is on that value's side. */
      if (bins->by_value)
        lo = hi;
      side[i] = hi <= 0 && lo < 0 ? -1 : lo >= 0 && hi > 0 ? 1 : 0;
      n_neg += side[i] < 0;
      n_pos += side[i] > 0;
    }
  m = MAX (MAX (n_neg, n_pos), 1);

  for (guint i = 0; i < bins->n_classes; i++)
    {
      guint rank = 0;

      if (side[i] < 0)
        for (guint j = i; j < bins->n_classes; j++)
          rank += side[j] < 0;
      else if (side[i] > 0)
        for (guint j = 0; j <= i; j++)
          rank += side[j] > 0;

      if (side[i] == 0)
        palette->classes[i] = greys->middle;
      else
        diverging_color (style, &greys->middle, side[i] < 0 ? &style->negative : &style->positive,
                         (double) rank / m, &palette->classes[i]);
    }
}
