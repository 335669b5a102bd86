/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-export-bench"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <cairo.h>
#include <png.h>
#include <glib/gi18n.h>

#include "dsr-map-borders.h"
#include "dsr-map-render.h"
#include "dsr-pack.h"

/* What the command line's map export does, from process start to exit:
 * load the data pack and the borders, render the view, write a PNG. The
 * benchmark script times it against a matplotlib script drawing the same
 * map; it is also how the map PNGs in the README are made.
 *
 * The PNG is written the way the export does it today (cairo's writer:
 * libpng's default compression, every filter tried), or with --fast-png at
 * zlib level 1 without filtering: a third of the time for a map, and a
 * smaller file (its large flat areas compress well without filters).
 *
 * Usage: map-export-bench [--indicator ID] [--year Y] [--grouping ID]
 *          [--compare absolute|world-diff] [--scheme light|dark]
 *          [--width W] [--height H] [--classes N] [--binning METHOD]
 *          [--fast-png] [--timings] OUT.png */

/* An opaque ARGB32 surface as an RGB PNG, fast. */
static gboolean
write_png_fast (cairo_surface_t *surface,
                const char      *path,
                GError         **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  g_autofree guint8 *row = g_malloc ((gsize) width * 3);
  png_structp png;
  png_infop info;
  FILE *file = fopen (path, "wb");

  if (file == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png_create_info_struct (png);
  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      fclose (file);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: cannot write the PNG", path);
      return FALSE;
    }
  png_init_io (png, file);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, 1);
  png_set_filter (png, 0, PNG_FILTER_NONE);
  png_write_info (png, info);
  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *px = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          row[3 * x] = px[x] >> 16;
          row[3 * x + 1] = px[x] >> 8;
          row[3 * x + 2] = px[x];
        }
      png_write_row (png, row);
    }
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  if (fclose (file) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
int
main (int   argc,
      char *argv[])
{
  g_autofree char *indicator = g_strdup ("DSR.GCI.SCORE");
  g_autofree char *grouping = NULL;
  g_autofree char *compare = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *binning = NULL;
  int year = 2021, width = 1600, height = 900, classes = 0;
  gboolean timings = FALSE, fast_png = FALSE;
  gint64 t_start = g_get_monotonic_time (), t_pack, t_borders, t_render;
  const GOptionEntry entries[] = {
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator, "Indicator id", "ID" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "Year", "Y" },
    { "grouping", 0, 0, G_OPTION_ARG_STRING, &grouping, "Grouping id", "ID" },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &compare, "absolute or world-diff", "MODE" },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme, "light or dark", "SCHEME" },
    { "binning", 0, 0, G_OPTION_ARG_STRING, &binning, "equal-interval, quantile or natural-breaks",
      "METHOD" },
    { "classes", 0, 0, G_OPTION_ARG_INT, &classes, "Number of classes (3 to 9)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width in pixels", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height in pixels", "H" },
    { "timings", 0, 0, G_OPTION_ARG_NONE, &timings, "Print how long each step took", NULL },
    { "fast-png", 0, 0, G_OPTION_ARG_NONE, &fast_png, "Write the PNG at zlib level 1, unfiltered", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.png");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrMapData) borders = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  DsrMapOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: map-export-bench [OPTION…] OUT.png");
      return 2;
    }

  view->kind = DSR_VIEW_MAP;
  view->indicator_id = g_strdup (indicator);
  view->year = year;
  view->grouping_id = g_strdup (grouping);
  view->width = width;
  view->height = height;
  if ((compare && !dsr_compare_from_string (compare, &view->compare))
      || (scheme && !dsr_scheme_from_string (scheme, &view->scheme)))
    {
      g_printerr ("Unknown --compare or --scheme\n");
      return 2;
    }
  dsr_map_options_init (&options);
  options.n_classes = classes;
  if (binning && !dsr_binning_from_string (binning, &options.binning))
    {
      g_printerr ("Unknown --binning %s\n", binning);
      return 2;
    }

  store = dsr_pack_load_store (NULL, problems);
  t_pack = g_get_monotonic_time ();
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", ((GError *) g_ptr_array_index (problems, i))->message);
  borders = dsr_map_data_load_bundled (&error);
  if (borders == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t_borders = g_get_monotonic_time ();

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  ok = dsr_map_render (cr, store, borders, view, &options, NULL, &error);
  cairo_destroy (cr);
  t_render = g_get_monotonic_time ();
  status = CAIRO_STATUS_SUCCESS;
  if (ok && fast_png)
    ok = write_png_fast (surface, argv[1], &error);
  else if (ok)
    status = cairo_surface_write_to_png (surface, argv[1]);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("%s: %s\n", argv[1], cairo_status_to_string (status));
      return 1;
    }
  if (timings)
    g_printerr ("pack %.1f ms, borders %.1f ms, render %.1f ms (first: fonts), PNG %.1f ms\n",
                (t_pack - t_start) / 1e3, (t_borders - t_pack) / 1e3, (t_render - t_borders) / 1e3,
                (g_get_monotonic_time () - t_render) / 1e3);
  return 0;
}
