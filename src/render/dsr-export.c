/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sys/stat.h>
#include <zlib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dsr-chart-data.h"
#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-chart-scatter.h"
#include "dsr-canvas.h"
#include "dsr-render.h"
#include "dsr-summary.h"

/* Export: the same renderers draw into a PNG, SVG or PDF surface, and the
 * CSV holds exactly the values the chart shows. Every file is written to a
 * temporary file beside it and renamed into place, so a failure never
 * leaves a partial file behind and never harms the file that was there. */

static const struct
{
  const char      *extension;
  DsrExportFormat  format;
} extensions[] = {
  { ".png", DSR_EXPORT_PNG },
  { ".svg", DSR_EXPORT_SVG },
  { ".pdf", DSR_EXPORT_PDF },
  { ".csv", DSR_EXPORT_CSV },
};

gboolean
dsr_export_format_from_path (const char       *path,
                             DsrExportFormat  *format,
                             GError          **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].extension))
      {
        *format = extensions[i].format;
        return TRUE;
      }
  g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
               _("Cannot tell the format of “%s” from its extension. "
                 "The formats are: .png, .svg, .pdf, .csv"), path);
  return FALSE;
}

const char *
dsr_export_format_to_string (DsrExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (extensions[i].format == format)
      return extensions[i].extension + 1;
  return "auto";
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("Could not draw the chart: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/* @text in lines of at most @max_width in @font, broken where Pango's rules
 * allow (between words, and between Chinese characters), measured by the
 * canvas that draws them. */
static GPtrArray *
wrap_text (DsrCanvas     *c,
           const char    *text,
           const DsrFont *font,
           double         max_width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  glong n = g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n + 1);
  glong start = 0;

  pango_get_log_attrs (text, -1, -1, pango_language_get_default (), attrs, n + 1);
  while (start < n)
    {
      const char *from = g_utf8_offset_to_pointer (text, start);
      glong fit = -1;

      for (glong i = start + 1; i <= n; i++)
        {
          g_autofree char *line = NULL;

          if (i < n && !attrs[i].is_line_break)
            continue;
          line = g_strndup (from, g_utf8_offset_to_pointer (text, i) - from);
          g_strchomp (line);
          if (fit >= 0 && dsr_canvas_text_width (c, line, font) > max_width)
            break;
          fit = i;
          if (dsr_canvas_text_width (c, line, font) > max_width)
            break; /* a word longer than the line: on a line of its own */
        }
      {
        char *line = g_strndup (from, g_utf8_offset_to_pointer (text, fit) - from);

        g_ptr_array_add (lines, g_strchomp (line));
      }
      start = fit;
      while (start < n && g_unichar_isspace (g_utf8_get_char (g_utf8_offset_to_pointer (text, start))))
        start++;
    }
  return lines;
}

/* The caption: the written summary under the figure, in the notes' type,
 * at most a third of the height. The figure is drawn in the rest. Returns
 * the caption's height. */
static double
draw_caption (cairo_t                *cr,
              const DsrView          *view,
              const DsrExportOptions *options,
              DsrTextFunc             text_func,
              gpointer                text_data)
{
  g_autoptr(DsrRenderStyle) own_style = NULL;
  const DsrRenderStyle *style = options->style;
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (DsrTextBox));
  GStringChunk *strings = g_string_chunk_new (256);
  g_autoptr(GPtrArray) lines = NULL;
  DsrCanvas c;
  double line_h, top, caption_h, max_width;
  guint n_lines, max_lines;

  if (style == NULL)
    style = own_style = dsr_render_style_new (view->scheme);
  dsr_canvas_init (&c, cr, style, view->width, view->height, texts, strings, text_func, text_data);
  line_h = dsr_canvas_line_height (&c, &dsr_font_small);
  max_lines = (guint) MAX (1, floor (view->height / 3.0 / line_h));
  max_width = view->width - 2 * c.pad;
  lines = wrap_text (&c, options->summary, &dsr_font_small, max_width);
  n_lines = MIN (lines->len, max_lines);

  caption_h = n_lines * line_h + c.pad * 0.75;
  top = view->height - caption_h;
  if (!style->transparent)
    {
      dsr_canvas_set_color (&c, &style->background, 1.0);
      cairo_rectangle (cr, 0, top, view->width, caption_h);
      cairo_fill (cr);
    }
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *text = NULL;

      if (i + 1 == n_lines && n_lines < lines->len)
        {
          g_autofree char *more = g_strconcat (g_ptr_array_index (lines, i), " …", NULL);

          text = dsr_canvas_ellipsize (&c, more, &dsr_font_small, max_width);
        }
      else
        text = g_strdup (g_ptr_array_index (lines, i));
      dsr_canvas_text (&c, text, &dsr_font_small, &style->secondary, c.pad, top + i * line_h,
                       DSR_TEXT_ANCHOR_START, DSR_TEXT_NOTE, NULL, NULL);
    }
  dsr_canvas_clear (&c);
  g_string_chunk_free (strings);
  return caption_h;
}

/* Draws @view on @surface (user space scaled by @scale), finishes the
 * surface, and reports what went wrong. Takes @surface. */
static gboolean
draw_on (cairo_surface_t        *surface,
         double                  scale,
         DsrStore               *store,
         const DsrView          *view,
         const DsrExportOptions *options,
         DsrTextFunc             text_func,
         gpointer                text_data,
         GError                **error)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  double height = view->height;

  cairo_scale (cr, scale, scale);
  if (options->caption && options->summary != NULL && *options->summary != '\0')
    height -= draw_caption (cr, view, options, text_func, text_data);
  if (options->draw_func != NULL)
    options->draw_func (cr, store, view, options->style, view->width, height, text_func, text_data,
                        options->draw_data);
  else
    dsr_render_layout_free (dsr_render_view_full (cr, store, view, options->style, view->width,
                                                  height, text_func, text_data));
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  return check_cairo (status, error);
}

/* PNG ------------------------------------------------------------------------ */

/* A PNG written here rather than by cairo_surface_write_to_png (), whose
 * libpng settings compress hard and slowly: a chart is mostly flat colour,
 * its rows mostly repeat the one above, so the "Up" filter turns them into
 * zeros that zlib's fastest level packs quickly. Large images are deflated
 * in slices on several threads (as pigz does) and the slices joined into
 * one zlib stream. */

typedef struct
{
  const guint8 *data;     /* the surface */
  int           stride;
  int           width;
  gboolean      alpha;
  int           first;    /* rows first .. last - 1 */
  int           last;
  gboolean      final;    /* the last slice ends the stream */
  GByteArray   *out;      /* raw deflate */
  uLong         adler;    /* of the filtered rows */
  gsize         length;
  gboolean      ok;
} PngSlice;

/* Row @y of the surface as PNG pixels: R, G, B (and A, not premultiplied). */
static void
png_pixels (const PngSlice *slice,
            int             y,
            guint8         *dst)
{
  const guint32 *src = (const guint32 *) (slice->data + (gsize) y * slice->stride);

  for (int x = 0; x < slice->width; x++)
    {
      guint32 p = src[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (slice->alpha && a != 0 && a != 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *dst++ = r;
      *dst++ = g;
      *dst++ = b;
      if (slice->alpha)
        *dst++ = a;
    }
}

static gpointer
png_deflate_slice (gpointer user_data)
{
  PngSlice *slice = user_data;
  gsize row_len = (gsize) slice->width * (slice->alpha ? 4 : 3);
  g_autofree guint8 *prev = g_malloc0 (row_len);
  g_autofree guint8 *cur = g_malloc (row_len);
  g_autofree guint8 *filtered = g_malloc (row_len + 1);
  z_stream zs = { 0 };
  int status = Z_OK;

  slice->adler = adler32 (0, NULL, 0);
  if (deflateInit2 (&zs, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return NULL;
  if (slice->alpha && slice->first > 0)
    png_pixels (slice, slice->first - 1, prev);
  g_byte_array_set_size (slice->out, deflateBound (&zs, (row_len + 1) * (slice->last - slice->first)) + 64);

  for (int y = slice->first; y < slice->last && status == Z_OK; y++)
    {
      const guint32 *src = (const guint32 *) (slice->data + (gsize) y * slice->stride);
      const guint32 *above = (const guint32 *) (slice->data + (gsize) (y - 1) * slice->stride);

      filtered[0] = 2; /* Up: each byte minus the one above */
      if (!slice->alpha && y > 0 && memcmp (src, above, (gsize) slice->width * 4) == 0)
        {
          /* The same as the row above, as most rows of a chart are: zeros,
           * whose checksum needs no pass over them. */
          memset (filtered + 1, 0, row_len);
          slice->adler = adler32 (slice->adler, filtered, 1);
          slice->adler = adler32_combine (slice->adler, ((row_len % 65521) << 16) | 1, row_len);
        }
      else
        {
          guint8 *swap;

          if (!slice->alpha)
            {
              /* Opaque: straight from the surface (the fourth byte is unused). */
              guint8 *dst = filtered + 1;

              for (int x = 0; x < slice->width; x++)
                {
                  guint32 p = src[x], q = y > 0 ? above[x] : 0;

                  *dst++ = ((p >> 16) & 0xff) - ((q >> 16) & 0xff);
                  *dst++ = ((p >> 8) & 0xff) - ((q >> 8) & 0xff);
                  *dst++ = (p & 0xff) - (q & 0xff);
                }
            }
          else
            {
              png_pixels (slice, y, cur);
              for (gsize i = 0; i < row_len; i++)
                filtered[i + 1] = cur[i] - prev[i];
              swap = prev;
              prev = cur;
              cur = swap;
            }
          slice->adler = adler32 (slice->adler, filtered, row_len + 1);
        }
      zs.next_in = filtered;
      zs.avail_in = row_len + 1;
      zs.next_out = slice->out->data + zs.total_out;
      zs.avail_out = slice->out->len - zs.total_out;
      status = deflate (&zs, y + 1 < slice->last ? Z_NO_FLUSH : slice->final ? Z_FINISH : Z_SYNC_FLUSH);
      if (status == Z_STREAM_END)
        status = Z_OK;
    }
  slice->ok = status == Z_OK && zs.avail_in == 0;
  slice->length = (row_len + 1) * (slice->last - slice->first);
  g_byte_array_set_size (slice->out, zs.total_out);
  deflateEnd (&zs);
  return NULL;
}

static void
append_be32 (GByteArray *out,
             guint32     v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (out, b, 4);
}

static void
append_png_chunk (GByteArray   *out,
                  const char   *type,
                  const guint8 *data,
                  gsize         len)
{
  uLong crc = crc32 (0, (const Bytef *) type, 4);

  /* (zlib's crc32 () restarts on a NULL buffer) */
  if (len > 0)
    crc = crc32 (crc, data, len);
  append_be32 (out, len);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (out, data, len);
  append_be32 (out, crc);
}

/* The summary as a PNG text chunk "Description": tEXt when the text is
 * Latin-1 (as tEXt must be), else iTXt, whose text is UTF-8 (Chinese, or
 * English with a typographic apostrophe). Neither is compressed. */
static void
append_png_description (GByteArray *out,
                        const char *text)
{
  static const char keyword[] = "Description";
  g_autoptr(GByteArray) chunk = g_byte_array_new ();
  g_autofree char *latin1 = g_convert (text, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);

  g_byte_array_append (chunk, (const guint8 *) keyword, sizeof keyword); /* with its NUL */
  if (latin1 != NULL)
    {
      g_byte_array_append (chunk, (const guint8 *) latin1, strlen (latin1));
      append_png_chunk (out, "tEXt", chunk->data, chunk->len);
      return;
    }
  /* compression flag, method, an empty language tag and translated keyword */
  g_byte_array_append (chunk, (const guint8 *) "\0\0\0\0", 4);
  g_byte_array_append (chunk, (const guint8 *) text, strlen (text));
  append_png_chunk (out, "iTXt", chunk->data, chunk->len);
}

static gboolean
encode_png (cairo_surface_t  *surface,
            double            dpi,
            const char       *description,
            GByteArray       *out,
            GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  /* A slice per processor for large images, at least 256 rows each. */
  guint n_slices = (guint) CLAMP (MIN ((int) g_get_num_processors (), height / 256), 1, 8);
  g_autofree PngSlice *slices = g_new0 (PngSlice, n_slices);
  g_autoptr(GByteArray) idat = g_byte_array_sized_new (64);
  GThread *threads[8] = { NULL };
  guint8 ihdr[13];
  uLong adler;
  gboolean ok = TRUE;

  cairo_surface_flush (surface);
  for (guint i = 0; i < n_slices; i++)
    {
      slices[i].data = cairo_image_surface_get_data (surface);
      slices[i].stride = cairo_image_surface_get_stride (surface);
      slices[i].width = width;
      slices[i].alpha = alpha;
      slices[i].first = (int) ((gint64) height * i / n_slices);
      slices[i].last = (int) ((gint64) height * (i + 1) / n_slices);
      slices[i].final = i + 1 == n_slices;
      slices[i].out = g_byte_array_new ();
    }
  for (guint i = 1; i < n_slices; i++)
    threads[i] = g_thread_new ("dsr-png", png_deflate_slice, &slices[i]);
  png_deflate_slice (&slices[0]);
  for (guint i = 1; i < n_slices; i++)
    g_thread_join (threads[i]);

  /* One zlib stream: header, the slices, the Adler-32 of all the data. */
  g_byte_array_append (idat, (const guint8 *) "\x78\x01", 2);
  adler = slices[0].adler;
  for (guint i = 0; i < n_slices; i++)
    {
      ok &= slices[i].ok;
      g_byte_array_append (idat, slices[i].out->data, slices[i].out->len);
      if (i > 0)
        adler = adler32_combine (adler, slices[i].adler, slices[i].length);
      g_byte_array_unref (slices[i].out);
    }
  append_be32 (idat, adler);
  if (!ok)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("Could not encode the PNG image"));
      return FALSE;
    }

  g_byte_array_append (out, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  ihdr[0] = width >> 24, ihdr[1] = width >> 16, ihdr[2] = width >> 8, ihdr[3] = width;
  ihdr[4] = height >> 24, ihdr[5] = height >> 16, ihdr[6] = height >> 8, ihdr[7] = height;
  ihdr[8] = 8;                /* bits per channel */
  ihdr[9] = alpha ? 6 : 2;    /* RGBA or RGB */
  ihdr[10] = ihdr[11] = ihdr[12] = 0;
  append_png_chunk (out, "IHDR", ihdr, sizeof ihdr);
  if (dpi > 0)
    {
      /* The resolution, so that a 300 dpi export says so. */
      guint32 ppm = (guint32) lround (dpi / 0.0254);
      guint8 phys[9] = { ppm >> 24, ppm >> 16, ppm >> 8, ppm, ppm >> 24, ppm >> 16, ppm >> 8, ppm, 1 };

      append_png_chunk (out, "pHYs", phys, sizeof phys);
    }
  /* The summary, before the image data (where readers that stop early find it). */
  if (description != NULL && *description != '\0')
    append_png_description (out, description);
  append_png_chunk (out, "IDAT", idat->data, idat->len);
  append_png_chunk (out, "IEND", NULL, 0);
  return TRUE;
}

/* Zeroed memory for an image of @size bytes (free() it). A PNG of a
 * 1600x900 figure is 5.8 MB of pixels that the drawing touches page by
 * page; on a virtual machine each first touch of a 4 KiB page costs about
 * 10 us (15 ms an export). Aligned to and advised as 2 MiB pages, the same
 * memory takes three faults; where the kernel declines, nothing is lost. */
static unsigned char *
pixels_new (gsize size)
{
  const gsize huge = 2 * 1024 * 1024;
  gsize rounded = (size + huge - 1) / huge * huge;
  void *pixels = NULL;

  if (size < huge || posix_memalign (&pixels, huge, rounded) != 0)
    return calloc (1, MAX (size, 1));
  (void) madvise (pixels, rounded, MADV_HUGEPAGE);
  memset (pixels, 0, size);
  return pixels;
}

static gboolean
render_png (DsrStore               *store,
            const DsrView          *view,
            const DsrExportOptions *options,
            GByteArray             *out,
            GError                **error)
{
  double scale = options->dpi > 0 ? options->dpi / 96.0 : options->scale > 0 ? options->scale : view->scale;
  gboolean transparent = options->style != NULL && options->style->transparent;
  int pw, ph, stride;
  cairo_format_t format;
  unsigned char *pixels;
  cairo_surface_t *surface;
  gboolean ok;

  if (!(scale > 0))
    scale = 1.0;
  pw = (int) ceil (view->width * scale);
  ph = (int) ceil (view->height * scale);
  if (pw > 32767 || ph > 32767)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("The image would be %d×%d pixels; the most is 32767 each way. "
                     "Choose a smaller size or scale."), pw, ph);
      return FALSE;
    }

  /* An opaque chart needs no alpha channel: less to write. */
  format = transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
  stride = cairo_format_stride_for_width (format, pw);
  pixels = pixels_new ((gsize) stride * ph);
  surface = cairo_image_surface_create_for_data (pixels, format, pw, ph, stride);
  ok = draw_on (surface, scale, store, view, options, NULL, NULL, error)
       && encode_png (surface, options->dpi > 0 || fabs (scale - 1.0) > 1e-9 ? 96.0 * scale : 0,
                      options->summary, out, error);
  cairo_surface_destroy (surface);
  free (pixels);
  return ok;
}

/* SVG ------------------------------------------------------------------------ */

/* "Cantarell, Noto Sans, sans-serif" as CSS: names with spaces quoted. */
static char *
css_font_family (const char *family)
{
  g_auto(GStrv) names = g_strsplit (family, ",", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);

      /* A family name with markup characters in it is no family we know. */
      if (*name == '\0' || strpbrk (name, "&<>\"'") != NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      if (strchr (name, ' ') != NULL)
        g_string_append_printf (out, "'%s'", name);
      else
        g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=\"%s\"", name, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

/* Each piece of text becomes a <text> element that editors can change and
 * search: position, size, weight, colour, anchor and the font list. */
static void
svg_text (const DsrTextItem *item,
          gpointer           user_data)
{
  static const char *anchors[] = { "start", "middle", "end" };
  GString *out = user_data;
  g_autofree char *text = g_markup_escape_text (item->text, -1);
  g_autofree char *fill = dsr_rgba_to_hex (&item->color);
  g_autofree char *family = css_font_family (item->font_family);

  g_string_append (out, "<text");
  append_number (out, "x", item->x);
  append_number (out, "y", item->y);
  g_string_append_printf (out, " font-family=\"%s\"", family);
  append_number (out, "font-size", item->font_size);
  g_string_append_printf (out, " font-weight=\"%s\"", item->bold ? "bold" : "normal");
  if (item->italic)
    g_string_append (out, " font-style=\"italic\"");
  g_string_append_printf (out, " fill=\"%s\"", fill);
  if (item->color.alpha < 1.0)
    append_number (out, "fill-opacity", item->color.alpha);
  g_string_append_printf (out, " text-anchor=\"%s\">%s</text>\n", anchors[item->anchor], text);
}

/* <title> (the figure's title: the indicator) and <desc> (the summary)
 * as the first children of <svg>, where screen readers and search look. */
static gboolean
svg_add_description (DsrStore      *store,
                     const DsrView *view,
                     const char    *summary,
                     GByteArray    *out)
{
  DsrIndicator *indicator = view->indicator_id ? dsr_store_get_indicator (store, view->indicator_id) : NULL;
  g_autoptr(GString) head = g_string_new ("\n");
  gsize pos = 0;

  /* After the end of the opening <svg …> tag. */
  while (pos + 4 < out->len && memcmp (out->data + pos, "<svg", 4) != 0)
    pos++;
  while (pos < out->len && out->data[pos] != '>')
    pos++;
  if (pos >= out->len)
    return FALSE;
  pos++;
  if (indicator != NULL)
    {
      g_autofree char *title = g_markup_escape_text (dsr_indicator_get_name (indicator), -1);

      g_string_append_printf (head, "<title>%s</title>\n", title);
    }
  if (summary != NULL && *summary != '\0')
    {
      g_autofree char *desc = g_markup_escape_text (summary, -1);

      g_string_append_printf (head, "<desc>%s</desc>\n", desc);
    }
  if (head->len == 1)
    return TRUE;
  g_byte_array_set_size (out, out->len + head->len);
  memmove (out->data + pos + head->len, out->data + pos, out->len - head->len - pos);
  memcpy (out->data + pos, head->str, head->len);
  return TRUE;
}

static gboolean
render_svg (DsrStore               *store,
            const DsrView          *view,
            const DsrExportOptions *options,
            GByteArray             *out,
            GError                **error)
{
  g_autoptr(GString) texts = g_string_new ("<g id=\"text\">\n");
  cairo_surface_t *surface;
  gboolean ok;

  surface = cairo_svg_surface_create_for_stream (append_bytes, out, view->width, view->height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  ok = draw_on (surface, 1.0, store, view, options, options->svg_text_as_paths ? NULL : svg_text, texts,
                error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  if (!svg_add_description (store, view, options->summary, out))
    return check_cairo (CAIRO_STATUS_WRITE_ERROR, error);
  if (!options->svg_text_as_paths)
    {
      const char *end_tag = "</svg>";
      gsize n = strlen (end_tag);
      gsize pos = out->len;

      /* The text goes last, over everything Cairo drew. */
      while (pos >= n && memcmp (out->data + pos - n, end_tag, n) != 0)
        pos--;
      if (pos < n)
        return check_cairo (CAIRO_STATUS_WRITE_ERROR, error);
      g_string_append (texts, "</g>\n");
      {
        g_autoptr(GByteArray) tail = g_byte_array_new ();

        g_byte_array_append (tail, out->data + pos - n, out->len - (pos - n));
        g_byte_array_set_size (out, pos - n);
        g_byte_array_append (out, (const guint8 *) texts->str, texts->len);
        g_byte_array_append (out, tail->data, tail->len);
      }
    }
  return TRUE;
}

/* PDF ------------------------------------------------------------------------ */

static gboolean
render_pdf (DsrStore               *store,
            const DsrView          *view,
            const DsrExportOptions *options,
            GByteArray             *out,
            GError                **error)
{
  /* A logical pixel is 1/96 inch, a PDF point 1/72. */
  const double pt = 72.0 / 96.0;
  DsrIndicator *indicator = dsr_store_get_indicator (store, view->indicator_id);
  cairo_surface_t *surface;
  gboolean ok;

  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, view->width * pt, view->height * pt);
  if (indicator != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, dsr_indicator_get_name (indicator));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Digital Silk Road Atlas " PACKAGE_VERSION);
  if (options->summary != NULL && *options->summary != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, options->summary);
  ok = draw_on (surface, pt, store, view, options, NULL, NULL, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* CSV ------------------------------------------------------------------------ */

static void
append_quoted (GString    *out,
               const char *prefix,
               const char *field)
{
  g_string_append_c (out, '"');
  g_string_append (out, prefix);
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
dsr_export_csv_append_field (GString    *out,
                             const char *field)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") != NULL || (*field != '\0' && (g_ascii_isspace (field[0])
                                                                || g_ascii_isspace (field[strlen (field) - 1]))))
    append_quoted (out, "", field);
  else
    g_string_append (out, field);
}

/* A text cell that a spreadsheet would read as a formula (it starts with
 * '=', '+', '-', '@', a tab or a carriage return) is written as OWASP
 * advises: a single quote before it, and the cell quoted. */
void
dsr_export_csv_append_text (GString    *out,
                            const char *field)
{
  if (field != NULL && *field != '\0' && strchr ("=+-@\t\r", *field) != NULL)
    append_quoted (out, "'", field);
  else
    dsr_export_csv_append_field (out, field);
}

/* One row under DSR_EXPORT_CSV_HEADER: its text columns (ids, names,
 * kind, basis, source) safe from formulas, the numbers as they are. */
void
dsr_export_csv_append_row (GString           *out,
                           const char * const fields[DSR_EXPORT_CSV_N_COLUMNS])
{
  /* year, value, coverage_n, coverage_total, members_as_of */
  static const gboolean numeric[DSR_EXPORT_CSV_N_COLUMNS] = {
    FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, FALSE, FALSE, TRUE, TRUE, TRUE, FALSE,
  };

  for (guint f = 0; f < DSR_EXPORT_CSV_N_COLUMNS; f++)
    {
      if (f > 0)
        g_string_append_c (out, ',');
      if (numeric[f])
        dsr_export_csv_append_field (out, fields[f]);
      else
        dsr_export_csv_append_text (out, fields[f]);
    }
  g_string_append_c (out, '\n');
}

/* The shortest '.'-decimal form that reads back as the same number; an
 * infinite or NaN value (no number a reader knows) is an empty cell. */
char *
dsr_export_csv_number (double value)
{
  if (!isfinite (value))
    return g_strdup ("");
  for (int digits = 15; digits <= 17; digits++)
    {
      g_autofree char *fmt = g_strdup_printf ("%%.%dg", digits);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buf, sizeof buf, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value || digits == 17)
        return g_strdup (buf);
    }
  g_assert_not_reached ();
}

/**
 * dsr_export_csv_append_value:
 * @measure: what the chart's values are (dsr_chart_data_get_measure())
 *
 * One row of the CSV export (see DSR_EXPORT_CSV_HEADER) for a value a chart
 * or the map shows.
 */
void
dsr_export_csv_append_value (GString             *csv,
                             const DsrChartValue *v,
                             const char          *indicator_id,
                             const char          *measure)
{
  gboolean computed = v->basis == DSR_BASIS_COMPUTED;
  gboolean insufficient = v->status == DSR_FIGURE_INSUFFICIENT;
  g_autofree char *year = g_strdup_printf ("%d", v->year);
  g_autofree char *value = isfinite (v->value) && !insufficient ? dsr_export_csv_number (v->value) : NULL;
  g_autofree char *n = computed ? g_strdup_printf ("%u", v->n) : NULL;
  g_autofree char *total = computed ? g_strdup_printf ("%u", v->total) : NULL;
  g_autofree char *members = computed && v->members_year > 0 ? g_strdup_printf ("%d", v->members_year) : NULL;
  const char *fields[DSR_EXPORT_CSV_N_COLUMNS] = {
    v->entity_id, v->name, dsr_entity_kind_to_string (v->kind), indicator_id, year, value,
    insufficient ? "insufficient-data" : measure, dsr_basis_to_string (v->basis),
    computed ? dsr_aggregation_to_string (v->rule) : NULL, n, total, members, v->source,
  };

  dsr_export_csv_append_row (csv, fields);
}

/**
 * dsr_export_csv_append_summary:
 *
 * The written summary as the CSV's last line: "#summary" in the first
 * column, the text (quoted) in the second, the other columns empty. A
 * reader that skips '#' comments (pandas' comment='#', R's comment.char)
 * skips it, one that does not sees a row of the header's width whose
 * entity_id is "#summary", and the atlas's own import skips it.
 */
void
dsr_export_csv_append_summary (GString    *csv,
                               const char *summary)
{
  if (summary == NULL || *summary == '\0')
    return;
  g_string_append (csv, DSR_EXPORT_CSV_SUMMARY ",");
  dsr_export_csv_append_text (csv, summary);
  /* As wide as the header: readers that want every row alike take it. */
  for (guint i = 2; i < DSR_EXPORT_CSV_N_COLUMNS; i++)
    g_string_append_c (csv, ',');
  g_string_append_c (csv, '\n');
}

static void
render_csv (DsrStore      *store,
            const DsrView *view,
            const char    *summary,
            GByteArray    *out)
{
  g_autoptr(DsrChartData) data = dsr_chart_data_new (store, view);
  g_autoptr(GPtrArray) values = dsr_chart_data_get_all_values (data);
  g_autoptr(GString) csv = g_string_new (DSR_EXPORT_CSV_HEADER "\n");
  const char *measure = dsr_chart_data_get_measure (data);

  /* A scatter: one row per economy and indicator (see _dsr_scatter_write_csv()). */
  if (data->view->kind == DSR_VIEW_SCATTER)
    _dsr_scatter_write_csv (data, csv);
  else
    for (guint i = 0; i < values->len; i++)
      dsr_export_csv_append_value (csv, g_ptr_array_index (values, i), data->view->indicator_id, measure);
  dsr_export_csv_append_summary (csv, summary);
  g_byte_array_append (out, (const guint8 *) csv->str, csv->len);
}

/**
 * dsr_export_render:
 *
 * Draws @view into a file's contents in @format (not %DSR_EXPORT_AUTO).
 */
GBytes *
dsr_export_render (DsrStore               *store,
                   const DsrView          *view,
                   DsrExportFormat         format,
                   const DsrExportOptions *options,
                   GError                **error)
{
  const DsrExportOptions defaults = { 0 };
  DsrExportOptions with_summary;
  g_autofree char *summary = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  /* The charts are drawn here; a map needs the map's drawing, which
   * dsr_figure_render () (the one entry point for every view) passes in. */
  if (view->kind == DSR_VIEW_MAP && options->draw_func == NULL)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID,
                           "a map is exported by dsr_figure_render () or dsr_figure_export (), not as a chart");
      return NULL;
    }
  /* A chart's summary, unless the caller has one (the map's). */
  if (options->summary == NULL && options->draw_func == NULL)
    {
      g_autoptr(DsrChartData) data = dsr_chart_data_new (store, view);

      with_summary = *options;
      with_summary.summary = summary = dsr_summary_chart_text (data, NULL);
      options = &with_summary;
    }
  if (view->width <= 0 || view->height <= 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("The chart has no size (%d×%d)"),
                   view->width, view->height);
      return NULL;
    }

  switch (format)
    {
    case DSR_EXPORT_PNG:
      ok = render_png (store, view, options, out, error);
      break;
    case DSR_EXPORT_SVG:
      ok = render_svg (store, view, options, out, error);
      break;
    case DSR_EXPORT_PDF:
      ok = render_pdf (store, view, options, out, error);
      break;
    case DSR_EXPORT_CSV:
      render_csv (store, view, options->summary, out);
      break;
    case DSR_EXPORT_AUTO:
    default:
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("No export format given"));
      return NULL;
    }
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Writing the file ----------------------------------------------------------- */

/* A new file is written under a short temporary name in its folder
 * (".dsr-XXXXXX", so that any valid name works) and renamed into place: a
 * failure leaves nothing behind. An existing file is the user's: a symbolic
 * link is followed to the file it names (the link stays), anything but a
 * regular file (a folder, a FIFO, a device) and a read-only file are refused
 * without being opened, and the new file keeps the old one's owner and mode.
 * A file with other hard links, or one whose owner cannot be kept, is
 * written in place instead, so that every name of it sees the new contents:
 * only once the whole export is ready in memory and its room on the disk is
 * reserved, so only a crash or a power cut during that last copy can leave
 * it partial (SIGINT and SIGTERM wait for the copy to end).
 *
 * SIGINT, SIGTERM and SIGHUP during the write remove the temporary file
 * before the signal takes its course: the handlers are installed only
 * around the write, unlink a name computed beforehand, then put the
 * previous handler back and raise the signal again. */

#define TMP_PREFIX ".dsr-"

static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP };

/* One write at a time holds the handlers. */
static GMutex write_lock;
static struct sigaction saved_actions[G_N_ELEMENTS (caught_signals)];
static gboolean handler_installed[G_N_ELEMENTS (caught_signals)];
static int signal_dir_fd = -1;
static char signal_tmp_name[32];
static volatile sig_atomic_t signal_armed;   /* signal_tmp_name exists */
static volatile sig_atomic_t signal_defer;   /* writing in place: finish first */
static volatile sig_atomic_t signal_pending;

static void
on_signal (int sig)
{
  int saved_errno = errno;

  if (signal_defer)
    {
      signal_pending = sig;
      errno = saved_errno;
      return;
    }
  if (signal_armed)
    unlinkat (signal_dir_fd, signal_tmp_name, 0);
  for (guint i = 0; i < G_N_ELEMENTS (caught_signals); i++)
    if (caught_signals[i] == sig)
      sigaction (sig, &saved_actions[i], NULL);
  raise (sig);
  errno = saved_errno;
}

static void
install_handlers (void)
{
  struct sigaction action;

  memset (&action, 0, sizeof action);
  action.sa_handler = on_signal;
  action.sa_flags = SA_RESTART;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (caught_signals); i++)
    sigaddset (&action.sa_mask, caught_signals[i]);
  signal_pending = 0;
  for (guint i = 0; i < G_N_ELEMENTS (caught_signals); i++)
    {
      struct sigaction old;

      handler_installed[i] = FALSE;
      /* A signal the process ignores (nohup) stays ignored. */
      if (sigaction (caught_signals[i], NULL, &old) != 0
          || (!(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN))
        continue;
      handler_installed[i] = sigaction (caught_signals[i], &action, &saved_actions[i]) == 0;
    }
}

/* Puts the previous handlers back and raises a signal that came while
 * writing in place. */
static void
restore_handlers (void)
{
  int pending;

  for (guint i = 0; i < G_N_ELEMENTS (caught_signals); i++)
    if (handler_installed[i])
      sigaction (caught_signals[i], &saved_actions[i], NULL);
  signal_armed = 0;
  signal_defer = 0;
  pending = signal_pending;
  signal_pending = 0;
  if (pending != 0)
    raise (pending);
}

static gboolean
write_error (const char  *path,
             int          saved_errno,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* No file can be made in @dir: the message says it is the folder. */
static gboolean
folder_error (const char  *path,
              const char  *dir,
              int          saved_errno,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir_display = g_filename_display_name (dir);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write “%s”: cannot create a file in the folder “%s”: %s"),
               display, dir_display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
not_regular_error (const char  *path,
                   const char  *target,
                   mode_t       mode,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *target_display = g_filename_display_name (target);
  const char *what;

  if (S_ISDIR (mode))
    what = _("a folder");
  else if (S_ISFIFO (mode))
    what = _("a named pipe (FIFO)");
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    what = _("a device");
  else if (S_ISSOCK (mode))
    what = _("a socket");
  else
    what = _("something else");
  g_set_error (error, G_FILE_ERROR, S_ISDIR (mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
               _("Could not write “%s”: “%s” is %s, not a regular file; it was left as it was. "
                 "Choose another file name."), display, target_display, what);
  return FALSE;
}

/* @path with its symbolic links followed (the file they name may not exist
 * yet: then it is created). */
static char *
follow_links (const char  *path,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0;; hops++)
    {
      struct stat st;
      g_autofree char *link = NULL;
      g_autoptr(GError) local_error = NULL;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if (hops == 40)
        {
          write_error (path, ELOOP, error);
          return NULL;
        }
      link = g_file_read_link (current, &local_error);
      if (link == NULL)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, local_error->code, _("Could not write “%s”: %s"), display,
                       local_error->message);
          return NULL;
        }
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }
}

static gboolean
write_range (int           fd,
             const guint8 *data,
             gsize         from,
             gsize         to)
{
  while (from < to)
    {
      gssize n = pwrite (fd, data + from, MIN (to - from, (gsize) 1 << 20), (off_t) from);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      from += n;
    }
  return TRUE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  if (g_getenv ("DSR_TEST_EXPORT_PAUSE") != NULL)
    {
      /* The tests' way to stop a write halfway: wait there for a signal
       * (which may reach another thread: hence no pause ()). */
      if (!write_range (fd, data, 0, len / 2))
        return FALSE;
      while (signal_pending == 0)
        g_usleep (10 * 1000);
      return write_range (fd, data, len / 2, len);
    }
  return write_range (fd, data, 0, len);
}

/* The file with other names: written into. @st is what lstat () said. */
static gboolean
write_in_place (const char         *path,
                const char         *target,
                const struct stat  *st,
                const guint8       *data,
                gsize               len,
                GError            **error)
{
  struct stat now;
  int fd, status;
  gboolean ok;

  /* Non-blocking: should it have become a FIFO meanwhile, no wait. */
  fd = open (target, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return write_error (path, errno, error);
  if (fstat (fd, &now) != 0 || !S_ISREG (now.st_mode) || now.st_dev != st->st_dev || now.st_ino != st->st_ino)
    {
      close (fd);
      return not_regular_error (path, target, S_ISREG (now.st_mode) ? 0 : now.st_mode, error);
    }
  /* Reserve the room first: a full disk fails here, with the file as it was. */
  status = len > 0 ? posix_fallocate (fd, 0, (off_t) len) : 0;
  if (status != 0 && status != EOPNOTSUPP && status != EINVAL && status != ENOSYS)
    {
      close (fd);
      return write_error (path, status, error);
    }

  signal_defer = 1;
  install_handlers ();
  ok = write_all (fd, data, len) && ftruncate (fd, (off_t) len) == 0
       && (fsync (fd) == 0 || errno == EINVAL || errno == EROFS);
  status = errno;
  if (close (fd) != 0 && ok)
    {
      ok = FALSE;
      status = errno;
    }
  restore_handlers ();
  if (!ok)
    return write_error (path, status, error);
  return TRUE;
}

typedef enum
{
  WRITE_DONE,
  WRITE_FAILED,
  WRITE_IN_PLACE,  /* the owner cannot be kept */
} WriteOutcome;

/* A new file, or one that replaces @existing (NULL for none). */
static WriteOutcome
write_replacing (const char         *path,
                 const char         *dir,
                 int                 dir_fd,
                 const char         *base,
                 const struct stat  *existing,
                 const guint8       *data,
                 gsize               len,
                 GError            **error)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  int fd = -1, saved = 0;

  /* The handlers go in before the temporary file is made, and know its
   * name before it exists: a signal at any moment removes it. */
  signal_dir_fd = dir_fd;
  install_handlers ();
  for (guint attempt = 0; attempt < 100 && fd < 0; attempt++)
    {
      char name[sizeof signal_tmp_name];
      gsize n = strlen (TMP_PREFIX);

      memcpy (name, TMP_PREFIX, n);
      for (guint i = 0; i < 6; i++)
        name[n++] = letters[g_random_int_range (0, sizeof letters - 1)];
      name[n] = '\0';
      memcpy (signal_tmp_name, name, sizeof name);
      signal_armed = 1;
      /* A new file gets the usual permissions (0666 less the umask); one
       * that replaces a file gets that file's, below. */
      fd = openat (dir_fd, signal_tmp_name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                   existing != NULL ? 0600 : 0666);
      if (fd < 0)
        {
          saved = errno;
          signal_armed = 0;
          if (saved != EEXIST)
            break;
        }
    }
  if (fd < 0)
    {
      restore_handlers ();
      folder_error (path, dir, saved, error);
      return WRITE_FAILED;
    }

  if (existing != NULL)
    {
      struct stat st;

      if (fstat (fd, &st) != 0
          || ((st.st_uid != existing->st_uid || st.st_gid != existing->st_gid)
              && fchown (fd, existing->st_uid, existing->st_gid) != 0))
        {
          close (fd);
          unlinkat (dir_fd, signal_tmp_name, 0);
          restore_handlers ();
          return WRITE_IN_PLACE;
        }
      if (fchmod (fd, existing->st_mode & 07777) != 0)
        {
          saved = errno;
          close (fd);
          goto failed;
        }
    }

  if (!write_all (fd, data, len)
      || (fsync (fd) != 0 && errno != EINVAL && errno != EROFS))
    {
      saved = errno;
      close (fd);
      goto failed;
    }
  if (close (fd) != 0 || renameat (dir_fd, signal_tmp_name, dir_fd, base) != 0)
    {
      saved = errno;
      goto failed;
    }
  signal_armed = 0;
  restore_handlers ();
  return WRITE_DONE;

failed:
  unlinkat (dir_fd, signal_tmp_name, 0);
  restore_handlers ();
  write_error (path, saved, error);
  return WRITE_FAILED;
}

/**
 * dsr_export_write_file:
 *
 * Writes @contents to @path: a new file atomically (into a temporary file
 * in the same folder, flushed to disk, then renamed over @path); an
 * existing one keeping its owner, mode, links and hard links (see above).
 * On any failure nothing is left behind, @path is left as it was, and
 * @error names @path (and the folder when that is the reason).
 */
gboolean
dsr_export_write_file (const char  *path,
                       GBytes      *contents,
                       GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  const guint8 *data;
  struct stat st;
  gboolean exists;
  gsize len;
  int dir_fd, flags = O_DIRECTORY | O_CLOEXEC;
  WriteOutcome outcome;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  target = follow_links (path, error);
  if (target == NULL)
    return FALSE;
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  if (lstat (target, &st) == 0)
    exists = TRUE;
  else if (errno == ENOENT)
    exists = FALSE;
  else
    return folder_error (path, dir, errno, error);
  if (exists && !S_ISREG (st.st_mode))
    return not_regular_error (path, target, st.st_mode, error);
  if (exists && ((st.st_mode & 0222) == 0 || faccessat (AT_FDCWD, target, W_OK, AT_EACCESS) != 0))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *target_display = g_filename_display_name (target);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                   _("Could not write “%s”: “%s” is read-only; it was left as it was. "
                     "Make it writable or choose another file name."), display, target_display);
      return FALSE;
    }

#ifdef O_PATH
  flags |= O_PATH;
#else
  flags |= O_RDONLY;
#endif
  dir_fd = open (dir, flags);
  if (dir_fd < 0)
    return folder_error (path, dir, errno, error);

  data = g_bytes_get_data (contents, &len);
  g_mutex_lock (&write_lock);
  if (exists && st.st_nlink > 1)
    outcome = WRITE_IN_PLACE;
  else
    outcome = write_replacing (path, dir, dir_fd, base, exists ? &st : NULL, data, len, error);
  if (outcome == WRITE_IN_PLACE)
    outcome = write_in_place (path, target, &st, data, len, error) ? WRITE_DONE : WRITE_FAILED;
  g_mutex_unlock (&write_lock);
  close (dir_fd);
  return outcome == WRITE_DONE;
}
