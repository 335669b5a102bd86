/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-figure"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-figure.h"
#include "dsr-map-borders.h"
#include "dsr-map-summary.h"
#include "dsr-summary.h"

/* Checks @view against the data (an unknown indicator, a year without data…)
 * so that a bad choice fails before anything is drawn or written. */
gboolean
dsr_figure_check (DsrStore       *store,
                  const DsrView  *view,
                  GError        **error)
{
  g_autoptr(DsrView) resolved = NULL;
  DsrMapOptions map_options;

  if (view->kind == DSR_VIEW_MAP)
    {
      dsr_map_options_init (&map_options);
      return dsr_map_check_view (store, view, &map_options, error);
    }
  resolved = dsr_chart_resolve_view (store, view, error);
  return resolved != NULL;
}

/* The CSV of a map: exactly the numbers it shows (dsr_map_values_write_csv()). */
static GBytes *
map_csv (const DsrMapValues *values,
         const char         *summary)
{
  g_autoptr(GString) csv = g_string_new (DSR_MAP_CSV_HEADER "\n");

  dsr_map_values_write_csv (values, csv);
  dsr_export_csv_append_summary (csv, summary);
  return g_bytes_new (csv->str, csv->len);
}

/* The contents of the file @view exports to in @format. */
GBytes *
dsr_figure_render (DsrStore               *store,
                   const DsrView          *view,
                   DsrExportFormat         format,
                   const DsrExportOptions *options,
                   GError                **error)
{
  DsrExportOptions with_map = { 0 };
  g_autofree char *summary = NULL;
  g_autoptr(DsrMapValues) values = NULL;
  DsrMapOptions map_options;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (view->kind != DSR_VIEW_MAP)
    return dsr_export_render (store, view, format, options, error);

  /* The map's values, made once by the check: the file's description and
   * the drawing (or the CSV) read these. */
  dsr_map_options_init (&map_options);
  values = dsr_map_check_view_values (store, view, &map_options, error);
  if (values == NULL)
    return NULL;
  map_options.values = values;
  if (options != NULL)
    with_map = *options;
  /* The map's summary, for the file's description (the charts make their own). */
  if (with_map.summary == NULL)
    with_map.summary = summary = dsr_map_summary_text (values);
  if (format == DSR_EXPORT_CSV)
    return map_csv (values, with_map.summary);

  with_map.draw_func = dsr_map_export_draw;
  with_map.draw_data = &map_options;
  return dsr_export_render (store, view, format, &with_map, error);
}

/* Writes @view to @path, atomically, in the format of its extension. */
gboolean
dsr_figure_export (DsrStore               *store,
                   const DsrView          *view,
                   const char             *path,
                   const DsrExportOptions *options,
                   GError                **error)
{
  DsrExportFormat format = options ? options->format : DSR_EXPORT_AUTO;
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (format == DSR_EXPORT_AUTO && !dsr_export_format_from_path (path, &format, error))
    return FALSE;
  contents = dsr_figure_render (store, view, format, options, error);
  if (contents == NULL)
    return FALSE;
  return dsr_export_write_file (path, contents, error);
}

/* Draws @view on @cr (the window's copy-figure and the export preview). */
void
dsr_figure_draw (cairo_t              *cr,
                 DsrStore             *store,
                 const DsrView        *view,
                 const DsrRenderStyle *style,
                 double                width,
                 double                height)
{
  if (view->kind == DSR_VIEW_MAP)
    {
      g_autoptr(DsrView) sized = dsr_view_copy (view);
      DsrMapOptions options;

      dsr_map_options_init (&options);
      options.style = style;
      sized->width = (int) width;
      sized->height = (int) height;
      dsr_map_export_draw (cr, store, sized, style, width, height, NULL, NULL, &options);
      return;
    }
  {
    g_autoptr(DsrRenderLayout) layout = dsr_render_view (cr, store, view, style, width, height);
  }
}
