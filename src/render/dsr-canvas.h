/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "dsr-render.h"

G_BEGIN_DECLS

/* The canvas every renderer draws on (the charts here, the map in src/map):
 * one type scale, text measured and drawn through one function that
 * records each text box and can hand the text to a DsrTextFunc (the SVG
 * export's <text> elements) instead of drawing its glyphs. */

typedef struct
{
  double   scale;   /* times the canvas' body size */
  gboolean bold;
  gboolean italic;
} DsrFont;

extern const DsrFont dsr_font_title;
extern const DsrFont dsr_font_body;
extern const DsrFont dsr_font_bold;
extern const DsrFont dsr_font_small;
extern const DsrFont dsr_font_small_bold;
extern const DsrFont dsr_font_small_italic;

typedef struct
{
  cairo_t              *cr;
  const DsrRenderStyle *style;
  double                width;
  double                height;
  double                unit;     /* body text size, px */
  double                pad;      /* outer margin */
  double                line;     /* width of thin lines (grid, axis) */
  DsrRenderLayout      *layout;   /* the charts' hit regions; NULL for other renderers */

  /*< private >*/
  GArray               *texts;
  GStringChunk         *strings;
  DsrTextFunc           text_func;
  gpointer              text_data;
  gpointer              cache;    /* this thread's text layouts, kept between renders */
  char                  probe[16];
  double                cached_scale[4];
  double                cached_height[4];
  double                cached_ascent[4];
} DsrCanvas;

void       dsr_canvas_init        (DsrCanvas            *c,
                                   cairo_t              *cr,
                                   const DsrRenderStyle *style,
                                   double                width,
                                   double                height,
                                   GArray               *texts,
                                   GStringChunk         *strings,
                                   DsrTextFunc           text_func,
                                   gpointer              text_data);
void       dsr_canvas_clear       (DsrCanvas            *c);
void       dsr_canvas_add_script  (DsrCanvas            *c,
                                   const char           *text);

double     dsr_canvas_font_size   (DsrCanvas            *c,
                                   const DsrFont        *font);
double     dsr_canvas_line_height (DsrCanvas            *c,
                                   const DsrFont        *font);
double     dsr_canvas_text_width  (DsrCanvas            *c,
                                   const char           *text,
                                   const DsrFont        *font);
void       dsr_canvas_text_rect   (DsrCanvas            *c,
                                   const char           *text,
                                   const DsrFont        *font,
                                   double                x,
                                   double                top,
                                   DsrTextAnchor         anchor,
                                   DsrRect              *rect);
void       dsr_canvas_text        (DsrCanvas            *c,
                                   const char           *text,
                                   const DsrFont        *font,
                                   const DsrRgba        *color,
                                   double                x,
                                   double                top,
                                   DsrTextAnchor         anchor,
                                   DsrTextRole           role,
                                   const char           *entity_id,
                                   DsrRect              *rect);
char      *dsr_canvas_ellipsize   (DsrCanvas            *c,
                                   const char           *text,
                                   const DsrFont        *font,
                                   double                max_width);
GPtrArray *dsr_canvas_wrap        (DsrCanvas            *c,
                                   const char           *text,
                                   const DsrFont        *font,
                                   double                max_width,
                                   guint                 max_lines);
char      *dsr_canvas_cjk_punctuation (const char       *text);

void       dsr_canvas_set_color   (DsrCanvas            *c,
                                   const DsrRgba        *color,
                                   double                alpha);
void       dsr_canvas_halo        (DsrCanvas            *c,
                                   const DsrRect        *rect);
void       dsr_canvas_message     (DsrCanvas            *c,
                                   const DsrRect        *body,
                                   const char           *message);
void       dsr_canvas_furniture   (DsrCanvas            *c,
                                   const char           *title,
                                   const char           *subtitle,
                                   const char           *note,
                                   const char           *sources,
                                   DsrRect              *body);

G_END_DECLS
