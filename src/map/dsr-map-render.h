/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "dsr-binning.h"
#include "dsr-map-data.h"
#include "dsr-map-palette.h"
#include "dsr-map-values.h"
#include "dsr-projection.h"
#include "dsr-render.h"

G_BEGIN_DECLS

/* The choropleth: a DsrView of kind map drawn on a plain cairo_t, with the
 * charts' title, subtitle, legend and source line, and the layout the
 * widget needs for tooltips, clicks, zoom and pan. */

typedef struct
{
  DsrBinning            binning;           /* how to make the classes; natural breaks */
  guint                 n_classes;         /* 3 to 9; 0 for 5 */
  gboolean              fade_non_members;  /* country mode: economies outside the Belt and Road in
                                            * faded class colours; off by default: they are one
                                            * neutral colour */
  gboolean              show_antarctica;   /* off by default */
  DsrMapTransform       transform;         /* the user's zoom and pan; identity by default */
  const DsrRenderStyle *style;             /* NULL: the defaults of the view's scheme */
  DsrTextFunc           text_func;         /* NULL: text drawn by PangoCairo; else handed to it */
  gpointer              text_data;
  DsrMapValues         *values;            /* NULL: computed from the store; else the values
                                            * already made for this store, view, binning and
                                            * classes (an export's check, summary and drawing
                                            * share them) */
} DsrMapOptions;

/* How a country is painted. */
typedef enum
{
  DSR_MAP_SHADE_CLASS,    /* its class colour */
  DSR_MAP_SHADE_FADED,    /* its class colour, faded: not a Belt and Road economy (country mode) */
  DSR_MAP_SHADE_NO_DATA,  /* hatched: a member without a value */
  DSR_MAP_SHADE_NEUTRAL,  /* grey: not a member (or not painted) */
  DSR_MAP_SHADE_INSUFFICIENT, /* cross-hatched: a member of a region whose figure is below the
                               * coverage rule (region mode) */
} DsrMapShade;

/* A country as drawn. */
typedef struct
{
  guint              feature;   /* index in the DsrMapData */
  int                numeric;   /* ISO 3166 numeric code; 0 for a shape without one */
  const char        *entity_id; /* NULL when the store has no economy for the shape */
  const char        *name;      /* the economy's name, or the shape's */
  const DsrMapValue *value;     /* NULL: not listed (not a member, no value of its own);
                                 * value->region in region mode */
  DsrMapShade        shade;
  DsrRect            box;       /* on the canvas, clipped to nothing: may leave it */
  gboolean           marker;    /* too small to see: drawn as a dot as well */
  double             marker_x;
  double             marker_y;
  double             marker_r;
} DsrMapHit;

typedef struct
{
  double         width;
  double         height;
  DsrRect        map_area;    /* where the map is drawn (and clipped) */
  DsrRect        legend;
  DsrMapFit      base_fit;    /* projected coordinates to canvas, before zoom and pan */
  DsrMapFit      fit;         /* the same with the zoom and pan applied */
  DsrMapValues  *values;      /* what the map shows: mode, bins, world average, every value */
  DsrMapPalette  palette;     /* the class colours */
  GArray        *hits;        /* of DsrMapHit: every country drawn, in drawing order */
  GArray        *texts;       /* of DsrTextBox */
  GStringChunk  *strings;
  DsrMapData    *borders;     /* a reference */
} DsrMapLayout;

#define DSR_TYPE_MAP_LAYOUT (dsr_map_layout_get_type ())

GType             dsr_map_layout_get_type       (void) G_GNUC_CONST;
DsrMapLayout     *dsr_map_layout_ref            (DsrMapLayout       *layout);
void              dsr_map_layout_unref          (DsrMapLayout       *layout);
const DsrMapHit  *dsr_map_layout_hit_test       (const DsrMapLayout *layout,
                                                 double              x,
                                                 double              y);
const DsrMapHit  *dsr_map_layout_find           (const DsrMapLayout *layout,
                                                 int                 numeric);
void              dsr_map_layout_trace          (const DsrMapLayout *layout,
                                                 cairo_t            *cr,
                                                 const DsrMapHit    *hit);
const DsrTextBox *dsr_map_layout_find_text      (const DsrMapLayout *layout,
                                                 const char         *text);

void              dsr_map_options_init          (DsrMapOptions      *options);

gboolean          dsr_map_render                (cairo_t            *cr,
                                                 DsrStore           *store,
                                                 DsrMapData         *borders,
                                                 const DsrView      *view,
                                                 const DsrMapOptions *options,
                                                 DsrMapLayout      **out_layout,
                                                 GError            **error);

gboolean          dsr_map_check_view            (DsrStore           *store,
                                                 const DsrView      *view,
                                                 const DsrMapOptions *options,
                                                 GError            **error);
DsrMapValues     *dsr_map_check_view_values     (DsrStore           *store,
                                                 const DsrView      *view,
                                                 const DsrMapOptions *options,
                                                 GError            **error);
void              dsr_map_export_draw           (cairo_t            *cr,
                                                 DsrStore           *store,
                                                 const DsrView      *view,
                                                 const DsrRenderStyle *style,
                                                 double              width,
                                                 double              height,
                                                 DsrTextFunc         text_func,
                                                 gpointer            text_data,
                                                 gpointer            user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrMapLayout, dsr_map_layout_unref)

G_END_DECLS
