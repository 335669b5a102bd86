/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-figure"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-figure.h"
#include "dsr-map-borders.h"

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

/* The CSV of a map: the numbers it colours the economies with (each region's
 * value in region mode, each economy's in country mode) and the world average. */
static GBytes *
map_csv (DsrStore       *store,
         const DsrView  *view,
         GError        **error)
{
  DsrMapOptions options;
  g_autoptr(DsrMapValues) values = NULL;
  g_autoptr(GString) csv = g_string_new (DSR_EXPORT_CSV_HEADER "\n");

  dsr_map_options_init (&options);
  values = dsr_map_values_new (store, view, options.binning, options.n_classes, error);
  if (values == NULL)
    return NULL;

#define ROW(id, name, kind, value, basis, n, total, source)                                      \
  G_STMT_START {                                                                                \
    g_autofree char *year_ = g_strdup_printf ("%d", values->year);                            \
    g_autofree char *value_ = dsr_export_csv_number (value);                                    \
    g_autofree char *n_ = (basis) == DSR_BASIS_COMPUTED ? g_strdup_printf ("%u", n) : NULL;     \
    g_autofree char *total_ = (basis) == DSR_BASIS_COMPUTED ? g_strdup_printf ("%u", total) : NULL; \
    const char *fields_[DSR_EXPORT_CSV_N_COLUMNS] = { id, name, kind, values->view->indicator_id, \
                                                      year_, value_, "value",                      \
                                                      dsr_basis_to_string (basis), NULL, n_, total_, \
                                                      NULL, source };                             \
    dsr_export_csv_append_row (csv, fields_);                                                   \
  } G_STMT_END

  if (!isnan (values->world.value))
    ROW (DSR_ENTITY_ID_WORLD, values->world.name ? values->world.name : _("World"), "world",
         values->world.value, values->world.basis, values->world.n, values->world.total,
         values->world.source);

  if (values->mode == DSR_MAP_MODE_REGION && values->regions != NULL)
    for (guint i = 0; i < values->regions->len; i++)
      {
        const DsrMapRegionValue *r = &g_array_index (values->regions, DsrMapRegionValue, i);

        if (!isnan (r->value))
          ROW (r->entity_id, r->name, "region", r->value, r->basis, r->n, r->total, r->source);
      }
  else
    for (guint i = 0; i < values->values->len; i++)
      {
        const DsrMapValue *v = &g_array_index (values->values, DsrMapValue, i);

        if (!isnan (v->value))
          ROW (v->entity_id, v->name, "country", v->value, v->basis, v->n, v->total, v->source);
      }
#undef ROW

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
  DsrMapOptions map_options;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (view->kind != DSR_VIEW_MAP)
    return dsr_export_render (store, view, format, options, error);

  dsr_map_options_init (&map_options);
  if (!dsr_map_check_view (store, view, &map_options, error))
    return NULL;
  if (format == DSR_EXPORT_CSV)
    return map_csv (store, view, error);

  if (options != NULL)
    with_map = *options;
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
