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

/* Text layouts --------------------------------------------------------------
 *
 * Shaping text is most of what a chart's or a map's furniture costs: the
 * title, the note wrapped word by word, the legend. A render of the next
 * year while playing lays out the same texts again, so each thread keeps
 * the layouts it made, by text, font and size, in one Pango context with
 * the charts' font options; a cairo context with another transform or
 * font options changes that context, and Pango lays the kept layouts out
 * again when they are next used. */

/* Layouts are kept in two generations: a lookup finds them in either and
 * moves an old one to the new; when the new holds TEXT_CACHE_MAX layouts,
 * the old ones (unused since) go. The texts of every frame stay laid out:
 * emptying the whole cache at once laid all of them out again in one frame
 * (a tail while playing, where each year brings new texts). */
#define TEXT_CACHE_MAX 1024

typedef struct
{
  PangoContext         *context;
  GHashTable           *layouts;   /* "size|bold italic|family|text" -> PangoLayout */
  GHashTable           *old;       /* the generation before, likewise */
  cairo_matrix_t        matrix;    /* of the cairo context the layouts are for */
  cairo_font_options_t *options;   /* of its surface; NULL: none yet */
} TextCache;

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_hash_table_unref (cache->layouts);
  g_hash_table_unref (cache->old);
  g_object_unref (cache->context);
  g_clear_pointer (&cache->options, cairo_font_options_destroy);
  g_free (cache);
}

static GPrivate text_cache_key = G_PRIVATE_INIT (text_cache_free);

static TextCache *
text_cache_get (void)
{
  TextCache *cache = g_private_get (&text_cache_key);
  cairo_font_options_t *options;

  if (cache != NULL)
    return cache;

  cache = g_new0 (TextCache, 1);
  /* The same metrics on every surface: the PNG, the SVG and the PDF lay
   * text out alike. The default font map is this thread's. */
  cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (cache->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (cache->context, FALSE);
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  cache->old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_private_set (&text_cache_key, cache);
  return cache;
}

/* Makes the layouts fit @cr. Pango lays every layout out again after any
 * update of its context, so the context is updated only when @cr's
 * transform or its surface's font options differ from the last ones. */
static void
text_cache_update (TextCache *cache,
                   cairo_t   *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  if (cache->options != NULL && cairo_font_options_equal (options, cache->options)
      && memcmp (&matrix, &cache->matrix, sizeof matrix) == 0)
    {
      cairo_font_options_destroy (options);
      return;
    }
  g_clear_pointer (&cache->options, cairo_font_options_destroy);
  cache->options = options;
  cache->matrix = matrix;
  pango_cairo_update_context (cr, cache->context);
}

/* @text in @font, laid out once for this thread (borrowed); wrapped at
 * @wrap_width px when it is positive. */
static PangoLayout *
text_layout_wrapped (DsrCanvas     *c,
                     const char    *text,
                     const DsrFont *font,
                     double         wrap_width)
{
  TextCache *cache = c->cache;
  double size = dsr_canvas_font_size (c, font);
  g_autofree char *key = g_strdup_printf ("%.3f|%d%d|%.1f|%s|%s", size, font->bold, font->italic,
                                          MAX (wrap_width, 0.0), c->style->font_family, text);
  PangoFontDescription *desc;
  PangoLayout *layout = g_hash_table_lookup (cache->layouts, key);
  gpointer old_key, old_layout;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (cache->layouts) >= TEXT_CACHE_MAX)
    {
      GHashTable *emptied = cache->old;

      g_hash_table_remove_all (emptied);
      cache->old = cache->layouts;
      cache->layouts = emptied;
    }
  if (g_hash_table_steal_extended (cache->old, key, &old_key, &old_layout))
    {
      g_hash_table_insert (cache->layouts, old_key, old_layout);
      return old_layout;
    }
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, c->style->font_family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, font->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, font->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  layout = pango_layout_new (cache->context);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static PangoLayout *
text_layout (DsrCanvas     *c,
             const char    *text,
             const DsrFont *font)
{
  return text_layout_wrapped (c, text, font, 0);
}

/* Height and ascent of a line in @font, from a Latin probe; cached by size. */
static void
line_metrics (DsrCanvas     *c,
              const DsrFont *font,
              double        *height,
              double        *ascent)
{
  PangoRectangle logical;
  PangoLayout *layout;
  guint slot;

  /* By size: a bold or italic line is as tall as a regular one, so rows align. */
  for (slot = 0; slot < G_N_ELEMENTS (c->cached_scale); slot++)
    if (c->cached_scale[slot] == font->scale)
      {
        *height = c->cached_height[slot];
        *ascent = c->cached_ascent[slot];
        return;
      }

  layout = text_layout (c, c->probe, font);
  pango_layout_get_extents (layout, NULL, &logical);
  *height = (double) logical.height / PANGO_SCALE;
  *ascent = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;

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

  pango_layout_get_extents (text_layout (c, text, font), NULL, &logical);
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
  PangoLayout *layout;
  double height, ascent, width, left;
  DsrTextBox box;

  if (text == NULL || *text == '\0')
    return;

  line_metrics (c, font, &height, &ascent);
  layout = text_layout (c, text, font);
  pango_layout_get_extents (layout, NULL, &logical);
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
  cairo_move_to (c->cr, left, top + ascent - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (c->cr, layout);
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

/* @text broken into lines no wider than @max_width where the script allows
 * (by Pango: at spaces, and between the characters of Chinese); the last of
 * @max_lines is shortened with "…" if the text does not fit. */
GPtrArray *
dsr_canvas_wrap (DsrCanvas     *c,
                 const char    *text,
                 const DsrFont *font,
                 double         max_width,
                 guint          max_lines)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  PangoLayout *layout;
  int n;

  if (text == NULL || *text == '\0' || max_lines == 0)
    return lines;
  layout = text_layout_wrapped (c, text, font, MAX (max_width, 1.0));
  n = pango_layout_get_line_count (layout);
  for (int i = 0; i < n && (guint) i < max_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      gboolean last = (guint) i + 1 == max_lines && i + 1 < n;
      g_autofree char *part = last ? g_strdup (text + line->start_index)
                                   : g_strndup (text + line->start_index, line->length);

      g_strstrip (part);
      if (*part == '\0')
        continue;
      g_ptr_array_add (lines, last ? dsr_canvas_ellipsize (c, part, font, max_width) : g_steal_pointer (&part));
    }
  return lines;
}

/* Chinese text with the full-width punctuation its sentences take: ". "
 * after a Chinese character becomes "。", and no space follows a
 * full-width mark ("。 " from sentences joined with a space); in a
 * Chinese text, "; " between sources becomes "；". */
char *
dsr_canvas_cjk_punctuation (const char *text)
{
  GString *out;
  gunichar prev = 0;
  gboolean han = FALSE;

  if (text == NULL)
    return NULL;

  for (const char *p = text; *p != '\0' && !han; p = g_utf8_next_char (p))
    han = g_utf8_get_char (p) >= 0x4e00 && g_utf8_get_char (p) <= 0x9fff;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gboolean prev_han = prev >= 0x4e00 && prev <= 0x9fff;
      gboolean prev_mark = (prev >= 0x3000 && prev <= 0x303f) || (prev >= 0xff00 && prev <= 0xffef);
      const char *next = g_utf8_next_char (p);

      if (ch == ' ' && prev_mark)
        continue;
      if ((*next == ' ' || *next == '\0')
          && (((ch == '.' || ch == ',') && (prev_han || prev == 0x201d)) || (ch == ';' && han)))
        ch = ch == '.' ? 0x3002 : ch == ';' ? 0xff1b : 0xff0c;
      g_string_append_unichar (out, ch);
      prev = ch;
    }
  return g_string_free (out, FALSE);
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
  g_autofree char *note_text = dsr_canvas_cjk_punctuation (note);

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
      g_autofree char *raw = g_strdup_printf (strchr (sources, ';') ? _("Sources: %s") : _("Source: %s"),
                                              sources);
      g_autofree char *line = dsr_canvas_cjk_punctuation (raw);

      source_lines = dsr_canvas_wrap (c, line, &dsr_font_small, max_width, max_lines);
      bottom -= small_h * source_lines->len;
      for (guint i = 0; i < source_lines->len; i++)
        dsr_canvas_text (c, g_ptr_array_index (source_lines, i), &dsr_font_small, &c->style->secondary,
                         c->pad, bottom + i * small_h, DSR_TEXT_ANCHOR_START, DSR_TEXT_SOURCE, NULL,
                         NULL);
    }
  if (note_text != NULL && *note_text != '\0')
    {
      note_lines = dsr_canvas_wrap (c, note_text, &dsr_font_small, max_width, max_lines);
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
  c->cache = text_cache_get ();
  text_cache_update (c->cache, cr);
  g_strlcpy (c->probe, "Ag", sizeof c->probe);
}

void
dsr_canvas_clear (DsrCanvas *c)
{
  c->cache = NULL;
}
