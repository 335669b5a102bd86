/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-canvas"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-canvas.h"

/* The canvas the renderers draw on: the charts' type scale, text measured
 * and drawn through one function (which records each text box, and hands
 * the text to a DsrTextFunc instead of drawing it when the SVG export asks),
 * ellipsis and wrapping, and the furniture around a chart. */

const DsrFont dsr_font_title = { 1.45, TRUE, FALSE };
const DsrFont dsr_font_body = { 1.0, FALSE, FALSE };
const DsrFont dsr_font_bold = { 1.0, TRUE, FALSE };
const DsrFont dsr_font_small = { 0.85, FALSE, FALSE };
const DsrFont dsr_font_small_bold = { 0.85, TRUE, FALSE };
const DsrFont dsr_font_small_italic = { 0.85, FALSE, TRUE };

/* Text ---------------------------------------------------------------------- */

double
dsr_canvas_font_size (DsrCanvas     *c,
                      const DsrFont *font)
{
  return c->unit * font->scale;
}

static void
set_font (DsrCanvas     *c,
          const DsrFont *font)
{
  pango_font_description_set_absolute_size (c->font, dsr_canvas_font_size (c, font) * PANGO_SCALE);
  pango_font_description_set_weight (c->font, font->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (c->font, font->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (c->pango, c->font);
}

/* Height and ascent of a line in @font, from a Latin probe; cached by size. */
static void
line_metrics (DsrCanvas     *c,
              const DsrFont *font,
              double        *height,
              double        *ascent)
{
  PangoRectangle logical;
  guint slot;

  /* By size: a bold or italic line is as tall as a regular one, so rows align. */
  for (slot = 0; slot < G_N_ELEMENTS (c->cached_scale); slot++)
    if (c->cached_scale[slot] == font->scale)
      {
        *height = c->cached_height[slot];
        *ascent = c->cached_ascent[slot];
        return;
      }

  set_font (c, font);
  pango_layout_set_text (c->pango, c->probe, -1);
  pango_layout_get_extents (c->pango, NULL, &logical);
  *height = (double) logical.height / PANGO_SCALE;
  *ascent = (double) pango_layout_get_baseline (c->pango) / PANGO_SCALE;

  for (slot = 0; slot < G_N_ELEMENTS (c->cached_scale); slot++)
    if (c->cached_scale[slot] == 0)
      {
        c->cached_scale[slot] = font->scale;
        c->cached_height[slot] = *height;
        c->cached_ascent[slot] = *ascent;
        break;
      }
}

double
dsr_canvas_line_height (DsrCanvas     *c,
                        const DsrFont *font)
{
  double height, ascent;

  line_metrics (c, font, &height, &ascent);
  return height;
}

double
dsr_canvas_text_width (DsrCanvas     *c,
                       const char    *text,
                       const DsrFont *font)
{
  PangoRectangle logical;

  set_font (c, font);
  pango_layout_set_text (c->pango, text, -1);
  pango_layout_get_extents (c->pango, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static double
anchored_x (double        x,
            double        width,
            DsrTextAnchor anchor)
{
  switch (anchor)
    {
    case DSR_TEXT_ANCHOR_MIDDLE: return x - width / 2;
    case DSR_TEXT_ANCHOR_END: return x - width;
    case DSR_TEXT_ANCHOR_START:
    default:
      return x;
    }
}

void
dsr_canvas_text_rect (DsrCanvas     *c,
                      const char    *text,
                      const DsrFont *font,
                      double         x,
                      double         top,
                      DsrTextAnchor  anchor,
                      DsrRect       *rect)
{
  double width = dsr_canvas_text_width (c, text, font);

  rect->x = anchored_x (x, width, anchor);
  rect->y = top;
  rect->width = width;
  rect->height = dsr_canvas_line_height (c, font);
}

/* The one place where the charts draw text: one line, its top at @top,
 * anchored at @x. The box goes into the layout; the glyphs go to the cairo
 * context, or the text to the canvas' text function. */
void
dsr_canvas_text (DsrCanvas     *c,
                 const char    *text,
                 const DsrFont *font,
                 const DsrRgba *color,
                 double         x,
                 double         top,
                 DsrTextAnchor  anchor,
                 DsrTextRole    role,
                 const char    *entity_id,
                 DsrRect       *rect)
{
  PangoRectangle logical;
  double height, ascent, width, left;
  DsrTextBox box;

  if (text == NULL || *text == '\0')
    return;

  line_metrics (c, font, &height, &ascent);
  set_font (c, font);
  pango_layout_set_text (c->pango, text, -1);
  pango_layout_get_extents (c->pango, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  left = anchored_x (x, width, anchor);

  box.text = g_string_chunk_insert (c->strings, text);
  box.role = role;
  box.rect = (DsrRect) { left, top, width, MAX (height, (double) logical.height / PANGO_SCALE) };
  box.entity_id = entity_id ? g_intern_string (entity_id) : NULL;
  g_array_append_val (c->texts, box);
  if (rect != NULL)
    *rect = box.rect;

  if (c->text_func != NULL)
    {
      DsrTextItem item = {
        .text = text,
        .x = x,
        .y = top + ascent,
        .anchor = anchor,
        .font_size = dsr_canvas_font_size (c, font),
        .bold = font->bold,
        .italic = font->italic,
        .color = *color,
        .font_family = c->style->font_family,
        .role = role,
      };

      c->text_func (&item, c->text_data);
      return;
    }

  /* Align the first baseline with the probe's, whatever font Pango fell back to. */
  cairo_set_source_rgba (c->cr, color->red, color->green, color->blue, color->alpha);
  cairo_move_to (c->cr, left, top + ascent - (double) pango_layout_get_baseline (c->pango) / PANGO_SCALE);
  pango_cairo_show_layout (c->cr, c->pango);
}

/* @text shortened with "…" to fit @max_width (a new string). */
char *
dsr_canvas_ellipsize (DsrCanvas     *c,
                      const char    *text,
                      const DsrFont *font,
                      double         max_width)
{
  glong n_chars, lo, hi;

  if (dsr_canvas_text_width (c, text, font) <= max_width)
    return g_strdup (text);

  /* The longest prefix that fits with the ellipsis: binary search on characters. */
  n_chars = g_utf8_strlen (text, -1);
  lo = 0;
  hi = n_chars;
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *prefix = g_utf8_substring (text, 0, mid);
      g_autofree char *candidate = g_strconcat (g_strchomp (prefix), "…", NULL);

      if (dsr_canvas_text_width (c, candidate, font) <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }
  if (lo == 0)
    return g_strdup ("…");
  {
    g_autofree char *prefix = g_utf8_substring (text, 0, lo);

    return g_strconcat (g_strchomp (prefix), "…", NULL);
  }
}

/* @text broken at spaces into lines no wider than @max_width; the last of
 * @max_lines is shortened with "…" if the text does not fit. */
static char *
join_words (GPtrArray *words,
            guint      from,
            guint      to)
{
  GString *out = g_string_new (NULL);

  for (guint k = from; k < to; k++)
    {
      if (k > from)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (words, k));
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
dsr_canvas_wrap (DsrCanvas     *c,
                 const char    *text,
                 const DsrFont *font,
                 double         max_width,
                 guint          max_lines)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) split = g_strsplit (text, " ", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  guint i = 0;

  for (guint k = 0; split[k] != NULL; k++)
    if (*split[k] != '\0')
      g_ptr_array_add (words, split[k]);

  /* Each line takes as many words as fit (at least one), found by halving
   * (widths grow with the words): a few measurements a line rather than one
   * a word. The last line takes the rest, shortened. */
  while (i < words->len)
    {
      guint lo = i + 1, hi = words->len;
      g_autofree char *line = NULL;

      if (lines->len + 1 >= max_lines)
        lo = words->len;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo + 1) / 2;
          g_autofree char *candidate = join_words (words, i, mid);

          if (dsr_canvas_text_width (c, candidate, font) > max_width)
            hi = mid - 1;
          else
            lo = mid;
        }
      line = join_words (words, i, lo);
      g_ptr_array_add (lines, dsr_canvas_ellipsize (c, line, font, max_width));
      i = lo;
    }
  return lines;
}

/* Shapes ------------------------------------------------------------- */

void
dsr_canvas_set_color (DsrCanvas     *c,
                      const DsrRgba *color,
                      double         alpha)
{
  cairo_set_source_rgba (c->cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A patch of background behind a label, so that lines under it do not cross it. */
void
dsr_canvas_halo (DsrCanvas     *c,
                 const DsrRect *rect)
{
  double m = c->unit * 0.15;

  dsr_canvas_set_color (c, &c->style->background, c->style->transparent ? 0.85 : 1.0);
  cairo_rectangle (c->cr, rect->x - m, rect->y, rect->width + 2 * m, rect->height);
  cairo_fill (c->cr);
}

/* A sentence in the middle of @body, for a chart with nothing to show. */
void
dsr_canvas_message (DsrCanvas     *c,
                    const DsrRect *body,
                    const char    *message)
{
  g_autoptr(GPtrArray) lines = dsr_canvas_wrap (c, message, &dsr_font_body, body->width, 4);
  double h = dsr_canvas_line_height (c, &dsr_font_body);
  double top = body->y + (body->height - h * lines->len) / 2;

  for (guint i = 0; i < lines->len; i++)
    dsr_canvas_text (c, g_ptr_array_index (lines, i), &dsr_font_body, &c->style->secondary,
                     body->x + body->width / 2, top + i * h, DSR_TEXT_ANCHOR_MIDDLE,
                     DSR_TEXT_MESSAGE, NULL, NULL);
}

/* Title and subtitle at the top, the note and the sources at the bottom;
 * @body gets the space between them. */
void
dsr_canvas_furniture (DsrCanvas  *c,
                      const char *title,
                      const char *subtitle,
                      const char *note,
                      const char *sources,
                      DsrRect    *body)
{
  double max_width = c->width - 2 * c->pad;
  double y = c->pad, bottom = c->height - c->pad;
  double small_h = dsr_canvas_line_height (c, &dsr_font_small);
  guint max_lines = c->height < 500 ? 1 : 2;
  g_autoptr(GPtrArray) title_lines = dsr_canvas_wrap (c, title, &dsr_font_title, max_width, 2);
  g_autoptr(GPtrArray) subtitle_lines = dsr_canvas_wrap (c, subtitle ? subtitle : "", &dsr_font_body,
                                                         max_width, max_lines);
  g_autoptr(GPtrArray) note_lines = NULL;
  g_autoptr(GPtrArray) source_lines = NULL;

  for (guint i = 0; i < title_lines->len; i++)
    {
      dsr_canvas_text (c, g_ptr_array_index (title_lines, i), &dsr_font_title, &c->style->foreground,
                       c->pad, y, DSR_TEXT_ANCHOR_START, DSR_TEXT_TITLE, NULL, NULL);
      y += dsr_canvas_line_height (c, &dsr_font_title);
    }
  y += c->unit * 0.15;
  for (guint i = 0; i < subtitle_lines->len; i++)
    {
      dsr_canvas_text (c, g_ptr_array_index (subtitle_lines, i), &dsr_font_body,
                       &c->style->secondary, c->pad, y, DSR_TEXT_ANCHOR_START, DSR_TEXT_SUBTITLE,
                       NULL, NULL);
      y += dsr_canvas_line_height (c, &dsr_font_body);
    }
  y += c->unit * 0.9;

  if (sources != NULL && *sources != '\0')
    {
      g_autofree char *line = g_strdup_printf (strchr (sources, ';') ? _("Sources: %s") : _("Source: %s"),
                                               sources);

      source_lines = dsr_canvas_wrap (c, line, &dsr_font_small, max_width, max_lines);
      bottom -= small_h * source_lines->len;
      for (guint i = 0; i < source_lines->len; i++)
        dsr_canvas_text (c, g_ptr_array_index (source_lines, i), &dsr_font_small, &c->style->secondary,
                         c->pad, bottom + i * small_h, DSR_TEXT_ANCHOR_START, DSR_TEXT_SOURCE, NULL,
                         NULL);
    }
  if (note != NULL && *note != '\0')
    {
      note_lines = dsr_canvas_wrap (c, note, &dsr_font_small, max_width, max_lines);
      bottom -= small_h * note_lines->len;
      for (guint i = 0; i < note_lines->len; i++)
        dsr_canvas_text (c, g_ptr_array_index (note_lines, i), &dsr_font_small, &c->style->secondary,
                         c->pad, bottom + i * small_h, DSR_TEXT_ANCHOR_START, DSR_TEXT_NOTE, NULL, NULL);
    }
  bottom -= c->unit * 0.6;

  body->x = c->pad;
  body->y = y;
  body->width = max_width;
  body->height = MAX (bottom - y, 1.0);
}

/* Set-up ------------------------------------------------------------------------------- */

/* The first character of a script whose fallback font has taller lines than
 * Latin (Chinese: Noto Sans CJK), or 0. */
static gunichar
tall_char (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0x0590 && !(ch >= 0x2000 && ch <= 0x206f) && ch != 0x2212 && ch != 0x2026)
        return ch;
    }
  return 0;
}

/**
 * dsr_canvas_add_script:
 *
 * Lines are measured on "Ag", plus a character of any taller script among
 * @text (Chinese: Noto Sans CJK), so that such text gets its own line height
 * while a Latin chart does not pay for loading the CJK font. Call it with
 * every text the drawing will show before measuring anything.
 */
void
dsr_canvas_add_script (DsrCanvas  *c,
                       const char *text)
{
  gunichar ch;

  if (c->probe[2] != '\0' || (ch = tall_char (text)) == 0)
    return;
  g_unichar_to_utf8 (ch, c->probe + 2);
  memset (c->cached_scale, 0, sizeof c->cached_scale);
}

/**
 * dsr_canvas_init:
 * @texts: (element-type DsrTextBox): where every text box drawn goes
 * @strings: owns the texts of those boxes
 * @text_func: (nullable): takes the text instead of drawing its glyphs
 *
 * Prepares @c to draw on @cr at @width x @height logical pixels with
 * @style; call dsr_canvas_clear() when done.
 */
void
dsr_canvas_init (DsrCanvas            *c,
                 cairo_t              *cr,
                 const DsrRenderStyle *style,
                 double                width,
                 double                height,
                 GArray               *texts,
                 GStringChunk         *strings,
                 DsrTextFunc           text_func,
                 gpointer              text_data)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  *c = (DsrCanvas) { 0 };
  c->cr = cr;
  c->style = style;
  c->texts = texts;
  c->strings = strings;
  c->text_func = text_func;
  c->text_data = text_data;
  c->width = width;
  c->height = height;
  c->unit = dsr_render_style_get_font_size (style, width, height);
  c->pad = MAX (8.0, c->unit * 1.1);
  c->line = MAX (1.0, c->unit / 14.0);

  /* The same metrics on every surface: the PNG, the SVG and the PDF lay
   * text out alike. */
  c->pango = pango_cairo_create_layout (cr);
  context = pango_layout_get_context (c->pango);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (c->pango);
  cairo_font_options_destroy (options);

  c->font = pango_font_description_from_string ("sans");
  pango_font_description_set_family (c->font, style->font_family);
  g_strlcpy (c->probe, "Ag", sizeof c->probe);
}

void
dsr_canvas_clear (DsrCanvas *c)
{
  g_clear_object (&c->pango);
  g_clear_pointer (&c->font, pango_font_description_free);
}

