/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-binning.h"
#include "dsr-render-style.h"

G_BEGIN_DECLS

/* The colours of a choropleth. Sequential classes follow viridis (van der
 * Walt and Smith, 2015; as matplotlib 3.6 has it), which is perceptually
 * uniform and readable with every common colour-vision deficiency, from
 * dark purple to yellow on either background (one colour per value in both
 * themes).
 * Diverging classes go from the style's "negative" colour through a neutral
 * one at zero to its "positive" colour (Okabe and Ito's orange and blue, as
 * the charts' difference bars). */
typedef struct
{
  DsrRgba classes[DSR_BINS_MAX_CLASSES + 1];
  guint   n_classes;
  DsrRgba neutral;        /* land of economies outside the view: not members, no data */
  DsrRgba no_data;        /* under the "no data" hatching */
  DsrRgba hatch;          /* the hatching's lines */
  DsrRgba border;         /* lines between countries */
  double  fade;           /* opacity of a faded (non-member) economy's colour */
} DsrMapPalette;

void  dsr_map_palette_init_sequential  (DsrMapPalette        *palette,
                                        const DsrRenderStyle *style,
                                        guint                 n_classes);
void  dsr_map_palette_init_diverging   (DsrMapPalette        *palette,
                                        const DsrRenderStyle *style,
                                        const DsrBins        *bins);
void  dsr_rgba_mix                     (const DsrRgba        *a,
                                        const DsrRgba        *b,
                                        double                t,
                                        DsrRgba              *out);

G_END_DECLS
