/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "dsr-figures.h"
#include "dsr-render-style.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} DsrRect;

/* What lies under a point of the chart, for tooltips and clicks. */
typedef enum
{
  DSR_HIT_BAR,        /* a region's bar (value NAN: a "no data" row) */
  DSR_HIT_POINT,      /* an observed point of a trend line */
  DSR_HIT_REFERENCE,  /* the world or Belt and Road reference line */
  DSR_HIT_LABEL,      /* a trend's line-end label or legend entry */
  DSR_HIT_ROW,        /* a row of the table */
} DsrHitKind;

typedef struct
{
  DsrHitKind    kind;
  DsrRect       rect;       /* in the chart's logical pixels */
  const char   *entity_id;  /* interned */
  const char   *name;       /* owned by the layout */
  int           year;
  double        value;      /* as shown (a difference in difference mode); NAN: no data */
  double        raw_value;  /* the value itself */
  DsrBasis      basis;
  DsrQualifier  qualifier;
  guint         n;          /* coverage of a computed value, else 0 of 0 */
  guint         total;
  DsrFigureStatus status;   /* DSR_FIGURE_INSUFFICIENT: a region below the coverage rule */
} DsrHitRegion;

/* Every piece of text a render drew, with its box: tests check that none
 * overlap and none leave the canvas. */
typedef enum
{
  DSR_TEXT_TITLE,
  DSR_TEXT_SUBTITLE,
  DSR_TEXT_AXIS,        /* tick labels and axis titles */
  DSR_TEXT_CATEGORY,    /* a bar's region name */
  DSR_TEXT_VALUE,       /* a value printed at a bar */
  DSR_TEXT_REFERENCE,   /* the label of a reference line */
  DSR_TEXT_SERIES,      /* a line-end label or legend entry */
  DSR_TEXT_NOTE,
  DSR_TEXT_SOURCE,
  DSR_TEXT_TABLE,
  DSR_TEXT_MESSAGE,     /* "no data" and the like */
} DsrTextRole;

typedef struct
{
  const char  *text;       /* owned by the layout */
  DsrTextRole  role;
  DsrRect      rect;       /* the logical box of the line of text */
  const char  *entity_id;  /* interned; NULL when the text is about no entity */
} DsrTextBox;

/* One segment of a trend line, between two consecutive observed years. */
typedef struct
{
  const char *entity_id;   /* interned */
  int         year_from;
  int         year_to;
  double      x0, y0, x1, y1;
} DsrSegment;

typedef struct
{
  double        width;
  double        height;
  DsrRect       plot;      /* the data area */
  gboolean      legend;    /* a trend fell back to a legend */
  GArray       *hits;      /* of DsrHitRegion, in drawing order */
  GArray       *texts;     /* of DsrTextBox */
  GArray       *segments;  /* of DsrSegment */
  GStringChunk *strings;
} DsrRenderLayout;

/* Text as the renderer hands it to a DsrTextFunc instead of drawing it. */
typedef enum
{
  DSR_TEXT_ANCHOR_START,
  DSR_TEXT_ANCHOR_MIDDLE,
  DSR_TEXT_ANCHOR_END,
} DsrTextAnchor;

typedef struct
{
  const char    *text;
  double         x;            /* the anchor point, on the baseline */
  double         y;
  DsrTextAnchor  anchor;
  double         font_size;    /* px */
  gboolean       bold;
  gboolean       italic;
  DsrRgba        color;
  const char    *font_family;  /* a comma-separated list */
  DsrTextRole    role;
} DsrTextItem;

typedef void (*DsrTextFunc) (const DsrTextItem *item,
                             gpointer           user_data);

#define DSR_TYPE_RENDER_LAYOUT (dsr_render_layout_get_type ())

GType                dsr_render_layout_get_type  (void) G_GNUC_CONST;
DsrRenderLayout     *dsr_render_layout_copy      (const DsrRenderLayout *layout);
void                 dsr_render_layout_free      (DsrRenderLayout       *layout);
const DsrHitRegion  *dsr_render_layout_hit_test  (const DsrRenderLayout *layout,
                                                  double                 x,
                                                  double                 y);
char                *dsr_render_hit_describe     (const DsrHitRegion    *hit,
                                                  DsrIndicator          *indicator);
const DsrTextBox    *dsr_render_layout_find_text (const DsrRenderLayout *layout,
                                                  const char            *text);

DsrRenderLayout     *dsr_render_view             (cairo_t               *cr,
                                                  DsrStore              *store,
                                                  const DsrView         *view,
                                                  const DsrRenderStyle  *style,
                                                  double                 width,
                                                  double                 height);
DsrRenderLayout     *dsr_render_view_full        (cairo_t               *cr,
                                                  DsrStore              *store,
                                                  const DsrView         *view,
                                                  const DsrRenderStyle  *style,
                                                  double                 width,
                                                  double                 height,
                                                  DsrTextFunc            text_func,
                                                  gpointer               user_data);

const DsrTextBox    *dsr_text_boxes_find         (GArray                *texts,
                                                  const char            *text);
gboolean             dsr_rect_intersects         (const DsrRect         *a,
                                                  const DsrRect         *b);
gboolean             dsr_rect_contains           (const DsrRect         *rect,
                                                  double                 x,
                                                  double                 y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrRenderLayout, dsr_render_layout_free)

G_END_DECLS
