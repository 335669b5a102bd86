/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-export-bench"

#include "config.h"

#include <locale.h>

#include "dsr-export.h"
#include "dsr-map-borders.h"
#include "dsr-map-render.h"
#include "dsr-pack.h"

/* What the command line's map export does, from process start to exit:
 * load the data pack and the borders, check the view, and draw it through
 * the export (dsr_export_render() with dsr_map_export_draw(), as
 * dsr_figure_export() does, but with the classes and binning given here:
 * its PNG writer and atomic write). The benchmark script times it against a
 * matplotlib script drawing the same map; it also makes the map PNGs for
 * looking at.
 *
 * Usage: map-export-bench [--indicator ID] [--year Y] [--grouping ID]
 *          [--compare absolute|world-diff] [--scheme light|dark]
 *          [--width W] [--height H] [--classes N] [--binning METHOD]
 *          [--timings] OUT.png|OUT.svg|OUT.pdf */
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
  gboolean timings = FALSE;
  gint64 t_start = g_get_monotonic_time (), t_pack, t_borders;
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
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.png");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrMapData) borders = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  DsrExportOptions export = { 0 };
  DsrMapOptions options;
  g_autoptr(GBytes) png = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: map-export-bench [OPTION…] OUT.png|svg|pdf");
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

  if (!dsr_map_check_view (store, view, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  export.draw_func = dsr_map_export_draw;
  export.draw_data = &options;
  export.format = DSR_EXPORT_PNG;
  if (!g_str_has_suffix (argv[1], ".png"))
    {
      g_printerr ("%s: the benchmark writes PNG\n", argv[1]);
      return 1;
    }
  if ((png = dsr_export_render (store, view, DSR_EXPORT_PNG, &export, &error)) == NULL
      || !dsr_export_write_file (argv[1], png, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (timings)
    g_printerr ("pack %.1f ms, borders %.1f ms, render and write (first render: fonts) %.1f ms\n",
                (t_pack - t_start) / 1e3, (t_borders - t_pack) / 1e3,
                (g_get_monotonic_time () - t_borders) / 1e3);
  return 0;
}
