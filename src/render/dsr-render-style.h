/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dsr-view.h"

G_BEGIN_DECLS

/* The font list every chart asks for; Pango (and an SVG viewer) takes the
 * first one that has the glyphs, so Chinese falls back to Noto Sans CJK. */
#define DSR_RENDER_FONT_FAMILY "Cantarell, Noto Sans, Noto Sans CJK SC, sans-serif"

/* Colours for the series of a trend (regions, economies), no two alike; the
 * world and the Belt and Road average have their own. A trend with more
 * series than this draws the selected one in colour and the rest in grey. */
#define DSR_RENDER_N_SERIES 12

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} DsrRgba;

/* How a chart looks, as plain data: the command line and the tests take the
 * defaults of a scheme, the window may copy its theme's colours in. The
 * palette is Okabe and Ito's, which colour-blind readers can tell apart. */
typedef struct
{
  DsrScheme  scheme;
  DsrRgba    background;
  DsrRgba    foreground;   /* title, labels, values */
  DsrRgba    secondary;    /* subtitle, ticks, notes, source */
  DsrRgba    grid;
  DsrRgba    axis;
  DsrRgba    bar;          /* bars of reported and observed values */
  DsrRgba    positive;     /* difference mode: above the world average */
  DsrRgba    negative;     /* difference mode: below it */
  DsrRgba    world;        /* the world average: reference line and trend */
  DsrRgba    bri;          /* the Belt and Road average */
  DsrRgba    series[DSR_RENDER_N_SERIES];
  DsrRgba    muted;        /* series that are not the selected one, when colours run out */
  char      *font_family;
  double     font_size;    /* body text in px; 0 = from the canvas size */
  gboolean   transparent;  /* leave the background unpainted (the window) */
  char      *selected;     /* the selected entity's id (a region, an economy), drawn so that it
                            * stands out in every view; NULL: none */
} DsrRenderStyle;

#define DSR_TYPE_RENDER_STYLE (dsr_render_style_get_type ())

GType           dsr_render_style_get_type      (void) G_GNUC_CONST;
DsrRenderStyle *dsr_render_style_new           (DsrScheme             scheme);
DsrRenderStyle *dsr_render_style_copy          (const DsrRenderStyle *style);
void            dsr_render_style_free          (DsrRenderStyle       *style);
double          dsr_render_style_get_font_size (const DsrRenderStyle *style,
                                                double                width,
                                                double                height);
const DsrRgba  *dsr_render_style_get_series    (const DsrRenderStyle *style,
                                                guint                 index);

void            dsr_render_style_set_selected  (DsrRenderStyle       *style,
                                                const char           *entity_id);
gboolean        dsr_render_style_is_selected   (const DsrRenderStyle *style,
                                                const char           *entity_id);

char           *dsr_rgba_to_hex                (const DsrRgba        *rgba);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrRenderStyle, dsr_render_style_free)

G_END_DECLS
