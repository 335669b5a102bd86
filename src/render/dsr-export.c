/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dsr-chart-data.h"
#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-render.h"

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

  cairo_scale (cr, scale, scale);
  if (options->draw_func != NULL)
    options->draw_func (cr, store, view, options->style, view->width, view->height, text_func, text_data,
                        options->draw_data);
  else
    dsr_render_layout_free (dsr_render_view_full (cr, store, view, options->style, view->width,
                                                  view->height, text_func, text_data));
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

static gboolean
encode_png (cairo_surface_t  *surface,
            double            dpi,
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
  append_png_chunk (out, "IDAT", idat->data, idat->len);
  append_png_chunk (out, "IEND", NULL, 0);
  return TRUE;
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
  int pw, ph;
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
  surface = cairo_image_surface_create (transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, pw, ph);
  ok = draw_on (surface, scale, store, view, options, NULL, NULL, error)
       && encode_png (surface, options->dpi > 0 || fabs (scale - 1.0) > 1e-9 ? 96.0 * scale : 0, out, error);
  cairo_surface_destroy (surface);
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
  ok = draw_on (surface, pt, store, view, options, NULL, NULL, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* CSV ------------------------------------------------------------------------ */

void
dsr_export_csv_append_field (GString    *out,
                             const char *field)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") != NULL || (*field != '\0' && (g_ascii_isspace (field[0])
                                                                || g_ascii_isspace (field[strlen (field) - 1]))))
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);
}

/* The shortest '.'-decimal form that reads back as the same number. */
char *
dsr_export_csv_number (double value)
{
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
  const char *fields[] = {
    v->entity_id, v->name, dsr_entity_kind_to_string (v->kind), indicator_id, year, value,
    insufficient ? "insufficient-data" : measure, dsr_basis_to_string (v->basis),
    computed ? dsr_aggregation_to_string (v->rule) : NULL, n, total, members, v->source,
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      if (f > 0)
        g_string_append_c (csv, ',');
      dsr_export_csv_append_field (csv, fields[f]);
    }
  g_string_append_c (csv, '\n');
}

static void
render_csv (DsrStore      *store,
            const DsrView *view,
            GByteArray    *out)
{
  g_autoptr(DsrChartData) data = dsr_chart_data_new (store, view);
  g_autoptr(GPtrArray) values = dsr_chart_data_get_all_values (data);
  g_autoptr(GString) csv = g_string_new (DSR_EXPORT_CSV_HEADER "\n");
  const char *measure = dsr_chart_data_get_measure (data);

  for (guint i = 0; i < values->len; i++)
    dsr_export_csv_append_value (csv, g_ptr_array_index (values, i), data->view->indicator_id, measure);
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
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (options == NULL)
    options = &defaults;
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
      render_csv (store, view, out);
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

/**
 * dsr_export_write_file:
 *
 * Writes @contents to @path atomically: into a temporary file in the same
 * directory, flushed to disk, then renamed over @path. On any failure the
 * temporary file is removed, @path is left as it was, and @error names @path.
 */
gboolean
dsr_export_write_file (const char  *path,
                       GBytes      *contents,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const guint8 *data;
  gsize len, done = 0;
  int fd, saved;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);

  fd = g_mkstemp_full (tmp, O_WRONLY, 0666);
  if (fd < 0)
    return write_error (path, errno, error);

  data = g_bytes_get_data (contents, &len);
  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved = n < 0 ? errno : ENOSPC;
          close (fd);
          g_unlink (tmp);
          return write_error (path, saved, error);
        }
      done += n;
    }
  if ((fsync (fd) != 0 && errno != EINVAL && errno != EROFS) || close (fd) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return write_error (path, saved, error);
    }
  if (g_rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return write_error (path, saved, error);
    }
  return TRUE;
}

/**
 * dsr_export_view:
 * @options: (nullable): the format (default: from @path's extension) and options
 *
 * Draws @view into the file at @path, written atomically.
 */
gboolean
dsr_export_view (DsrStore               *store,
                 const DsrView          *view,
                 const char             *path,
                 const DsrExportOptions *options,
                 GError                **error)
{
  DsrExportFormat format = options ? options->format : DSR_EXPORT_AUTO;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == DSR_EXPORT_AUTO && !dsr_export_format_from_path (path, &format, error))
    return FALSE;
  bytes = dsr_export_render (store, view, format, options, error);
  if (bytes == NULL)
    return FALSE;
  return dsr_export_write_file (path, bytes, error);
}
