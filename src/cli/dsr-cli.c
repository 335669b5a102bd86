/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-cli.h"
#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-summary.h"
#include "dsr-figure.h"
#include "dsr-format.h"
#include "dsr-handout.h"
#include "dsr-importer.h"
#include "dsr-wb-update.h"
#include "dsr-pack.h"
#include "dsr-prefetch.h"
#include "dsr-store.h"
#include "dsr-view-file.h"
#include "dsr-import-library.h"

/* The command line runs without a display and never initialises GTK: it
 * loads the data, answers, and exits. */

/* The indicator --export draws when none is given: the paper's Figure 4. */
#define DEFAULT_INDICATOR "DSR.GCI.SCORE"

/* Prints a message on stderr with its control characters escaped (its
 * line ends aside): nothing a file or an option holds reaches the terminal
 * as a control sequence. */
static void
print_error (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autoptr(GString) out = g_string_new ("dsr-atlas: ");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *safe = dsr_format_escape (lines[i]);

      g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "", safe);
    }
  g_printerr ("%s\n", out->str);
}

void
dsr_cli_options_clear (DsrCliOptions *options)
{
  char **strings[] = {
    &options->pack_dir, &options->export_path, &options->view, &options->indicator, &options->y_indicator, &options->year,
    &options->years, &options->grouping, &options->regions, &options->compare, &options->width,
    &options->height, &options->scale, &options->theme, &options->columns, &options->aggregate,
    &options->min_coverage, &options->tolerance, &options->membership, &options->map_mode,
    &options->handout_path, &options->handout_pages, &options->view_file, &options->save_view,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&options->data_files, g_strfreev);
  g_clear_pointer (&options->update_codes, g_strfreev);
}

gboolean
dsr_cli_parse (int            *argc,
               char         ***argv,
               DsrCliOptions  *options,
               GError        **error)
{
  const GOptionEntry entries[] = {
    { "version", 'v', 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { "list-indicators", 0, 0, G_OPTION_ARG_NONE, &options->list_indicators,
      N_("List the indicators: id, name, unit and the years with data"), NULL },
    { "list-groupings", 0, 0, G_OPTION_ARG_NONE, &options->list_groupings,
      N_("List the groupings, their regions and each region’s member economies with the years they "
         "joined (and left); with --year, the members as of that year"), NULL },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &options->pack_dir,
      N_("Load the data pack from DIR instead of the bundled one"), N_("DIR") },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &options->data_files,
      N_("Import FILE first (World Bank, Our World in Data or tidy CSV; repeat for more files)"),
      N_("FILE") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &options->columns,
      N_("For --data files whose columns are not recognised: which is which, "
         "e.g. country=iso3,year=Year,value=3 (names or column numbers)"), N_("SPEC") },
    { "export", 'o', 0, G_OPTION_ARG_FILENAME, &options->export_path,
      N_("Draw a view into FILE without opening a window; the format follows the extension "
         "(.png, .svg, .pdf, .csv)"), N_("FILE") },
    { "handout", 0, 0, G_OPTION_ARG_FILENAME, &options->handout_path,
      N_("Make a class handout: a PDF with one page per year of the view (or per view, see "
         "--handout-pages), each with its figure, written summary and sources; --years limits the years"),
      N_("FILE.pdf") },
    { "handout-pages", 0, 0, G_OPTION_ARG_STRING, &options->handout_pages,
      N_("The handout’s pages: years (one per year with values under the view’s rules; the default) or "
         "views (map, regions, trend and table of the indicator; the default for --view trend)"),
      N_("PAGES") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &options->view,
      N_("What to draw: bars (default), trend, table, map or scatter"), N_("VIEW") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &options->indicator,
      N_("The indicator (default DSR.GCI.SCORE; see --list-indicators)"), N_("ID") },
    { "y-indicator", 0, 0, G_OPTION_ARG_STRING, &options->y_indicator,
      N_("Scatter: the indicator on the vertical axis (--indicator is on the horizontal one)"), N_("ID") },
    { "fit", 0, 0, G_OPTION_ARG_NONE, &options->fit,
      N_("Scatter: draw the least-squares line and its correlation r"), NULL },
    { "size-by-population", 0, 0, G_OPTION_ARG_NONE, &options->size_by_population,
      N_("Scatter: dot area by population (SP.POP.TOTL)"), NULL },
    { "year", 0, 0, G_OPTION_ARG_STRING, &options->year,
      N_("The year of bars and tables (default: the indicator’s latest)"), N_("YEAR") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &options->years,
      N_("The years of a trend (default: all the indicator’s years)"), N_("FROM-TO") },
    { "grouping", 0, 0, G_OPTION_ARG_STRING, &options->grouping,
      N_("The grouping of the regions (default: the first with values; see --list-groupings)"),
      N_("ID") },
    { "regions", 0, 0, G_OPTION_ARG_STRING, &options->regions,
      N_("Only these regions of the grouping (or economies’ ISO 3166 codes), comma-separated"),
      N_("ID,…") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &options->compare,
      N_("absolute (default) or world-diff: bars as the difference from the world average"),
      N_("MODE") },
    { "aggregate", 0, 0, G_OPTION_ARG_STRING, &options->aggregate,
      N_("How regional values are computed from the economies: mean (unweighted), weighted-mean "
         "(by population), sum, or none (default: the indicator’s own rule)"), N_("RULE") },
    { "min-coverage", 0, 0, G_OPTION_ARG_STRING, &options->min_coverage,
      N_("Show a computed regional value only when its members with data are at least this share "
         "of the region, from 0 to 1 (default 0.67, the World Bank’s rule)"), N_("SHARE") },
    { "tolerance", 0, 0, G_OPTION_ARG_STRING, &options->tolerance,
      N_("Use an economy’s nearest year within N years when the year itself has no value "
         "(0 to 5, default 0)"), N_("N") },
    { "membership", 0, 0, G_OPTION_ARG_STRING, &options->membership,
      N_("Trends: fixed (default: the members as of --year for every year) or as-of-year"), N_("RULE") },
    { "map-mode", 0, 0, G_OPTION_ARG_STRING, &options->map_mode,
      N_("Map: country (each economy’s own value, the default when there are any) or region "
         "(each member in its region’s value)"), N_("MODE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &options->width,
      N_("Width in pixels (default 1600)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &options->height,
      N_("Height in pixels (default 1000)"), N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &options->scale,
      N_("PNG pixels per pixel, e.g. 2 for a sharper image (default 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &options->theme,
      N_("light (default) or dark"), N_("THEME") },
    { "svg-text-as-paths", 0, 0, G_OPTION_ARG_NONE, &options->svg_text_as_paths,
      N_("Draw SVG text as shapes (the exact look) instead of editable text"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &options->summary,
      N_("Print the view’s written summary (with --export too: the summary of the figure written)"), NULL },
    { "caption", 0, 0, G_OPTION_ARG_NONE, &options->caption,
      N_("Draw the written summary as a caption under the exported figure"), NULL },
    { "presentation", 0, 0, G_OPTION_ARG_NONE, &options->presentation,
      N_("Open the window in presentation mode: the figure alone, full screen (F11 in the window)"), NULL },
    { "view-file", 0, 0, G_OPTION_ARG_FILENAME, &options->view_file,
      N_("Start from the saved view in FILE (.dsrview); the other options override its settings. "
         "A FILE.dsrview given alone opens in the window"), N_("FILE") },
    { "save-view", 0, 0, G_OPTION_ARG_FILENAME, &options->save_view,
      N_("Write the view the other options describe into FILE (.dsrview), with the data it needs"),
      N_("FILE") },
    { "update", 0, 0, G_OPTION_ARG_NONE, &options->update,
      N_("Fetch the bundled World Bank indicators, or the CODEs given, from the World Bank’s API "
         "(or $DSR_WB_API_BASE) and keep them when they are newer"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->update_codes,
      NULL, N_("[CODE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Digital Silk Road Atlas: digital trade along the Belt and Road "
                                  "compared with the world.\n"
                                  "Without options, opens the application window."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  dsr-atlas --export fig4.png --indicator DSR.GCI.SCORE "
                                      "--grouping bri-continent\n"
                                      "      the paper’s Figure 4: network security by continent "
                                      "against the world average\n"
                                      "  dsr-atlas --export table1.svg --view trend --indicator DSR.DDS.EXP\n"
                                      "      the paper’s Table 1 series as a trend chart\n"
                                      "  dsr-atlas --export fig4.csv\n"
                                      "      the numbers the chart shows"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, error))
    {
      /* GOption's messages quote the argument whole and raw. */
      g_autofree char *safe = dsr_format_escape ((*error)->message);

      g_free ((*error)->message);
      if (g_utf8_strlen (safe, -1) > 4 * DSR_FORMAT_QUOTE_MAX)
        {
          g_autofree char *cut = g_utf8_substring (safe, 0, 4 * DSR_FORMAT_QUOTE_MAX);

          (*error)->message = g_strconcat (cut, "…", NULL);
        }
      else
        (*error)->message = g_steal_pointer (&safe);
      return FALSE;
    }
  if (*argc > 1)
    {
      g_autofree char *quoted = dsr_format_quote ((*argv)[1]);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("unexpected argument “%s”"), quoted);
      return FALSE;
    }
  /* dsr-atlas FILE.dsrview (a double click in the file manager): the saved view. */
  if (!options->update && options->view_file == NULL && options->update_codes != NULL
      && options->update_codes[0] != NULL && options->update_codes[1] == NULL
      && g_str_has_suffix (options->update_codes[0], DSR_VIEW_FILE_EXTENSION))
    {
      options->view_file = g_strdup (options->update_codes[0]);
      g_clear_pointer (&options->update_codes, g_strfreev);
    }
  /* `dsr-atlas FILE…` (a file manager, a second start): files to import, as --data. */
  if (!options->update && options->update_codes != NULL)
    {
      g_autoptr(GStrvBuilder) files = g_strv_builder_new ();

      for (guint i = 0; options->update_codes[i] != NULL; i++)
        if (!g_file_test (options->update_codes[i], G_FILE_TEST_IS_REGULAR))
          return TRUE; /* not files: dsr_cli_run () says so */
      if (options->data_files != NULL)
        g_strv_builder_addv (files, (const char **) options->data_files);
      g_strv_builder_addv (files, (const char **) options->update_codes);
      g_strfreev (options->data_files);
      options->data_files = g_strv_builder_end (files);
      g_clear_pointer (&options->update_codes, g_strfreev);
    }
  return TRUE;
}

gboolean
dsr_cli_is_headless (const DsrCliOptions *options)
{
  return options->version || options->list_indicators || options->list_groupings
         || options->export_path != NULL || options->summary || options->caption || options->handout_path != NULL
         || options->update || options->update_codes != NULL || options->save_view != NULL;
}

/* Imports @paths into @store: every file must load (a file the importer
 * rejects is an error naming it); skipped rows are reported. */
static gboolean
import_paths (DsrStore                *store,
              const char * const      *paths,
              const DsrColumnMapping  *mapping,
              GPtrArray               *read,
              GError                 **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DsrImportResult) result = NULL;
  const DsrImportStats *stats;
  GPtrArray *problems;

  if (paths == NULL || paths[0] == NULL)
    return TRUE;
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  result = dsr_importer_run_sync (store, (GFile **) files->pdata, files->len, mapping, NULL, NULL, NULL,
                                  error);
  if (result == NULL)
    return FALSE;

  stats = dsr_import_result_get_stats (result);
  problems = dsr_import_result_get_problems (result);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const DsrImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == DSR_IMPORT_PROBLEM_FILE_REJECTED)
        {
          g_set_error_literal (error, problem->error->domain, problem->error->code,
                               problem->error->message);
          return FALSE;
        }
      print_error (problem->error->message);
    }
  if (stats->n_rejected > 0)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_PARSE, dsr_import_result_get_summary (result));
      return FALSE;
    }
  if (!dsr_import_result_commit (result, store, error))
    return FALSE;
  /* What was read: the metadata found beside a data file included. */
  for (guint i = 0; read != NULL && i < dsr_import_result_get_files (result)->len; i++)
    {
      GFile *file = g_ptr_array_index (dsr_import_result_get_files (result), i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (read, path);
    }
  return TRUE;
}

static gboolean
import_options (DsrStore             *store,
                const DsrCliOptions  *options,
                GPtrArray            *read,
                GError              **error)
{
  g_autoptr(DsrColumnMapping) mapping = NULL;

  if (options->data_files == NULL || options->data_files[0] == NULL)
    return TRUE;
  if (options->columns != NULL && (mapping = dsr_column_mapping_parse (options->columns, error)) == NULL)
    {
      g_prefix_error (error, "--columns: ");
      return FALSE;
    }
  return import_paths (store, (const char * const *) options->data_files, mapping, read, error);
}

/* Imports the --data files into @store. */
gboolean
dsr_cli_import (DsrStore            *store,
                const DsrCliOptions *options,
                GError             **error)
{
  return import_options (store, options, NULL, error);
}

/* The imported files a saved view needs, found and imported: among the
 * files already read (--data, with the metadata beside them), beside the
 * view file, or among the remembered imports (with their column mapping).
 * A missing file or one whose SHA-256 differs is an error naming the view
 * file and the field. Adds the files read to @read. */
static gboolean
import_view_data (DsrStore            *store,
                  const DsrCliOptions *options,
                  DsrViewFile         *file,
                  GPtrArray           *read,
                  GError             **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DsrColumnMapping) mapping = NULL;
  const DsrColumnMapping *use;

  if (dsr_view_file_get_n_imports (file) == 0)
    return TRUE;
  if (options->columns != NULL)
    mapping = dsr_column_mapping_parse (options->columns, NULL);
  use = mapping;
  for (guint i = 0; i < read->len; i++)
    g_ptr_array_add (given, g_strdup (g_ptr_array_index (read, i)));
  g_ptr_array_add (given, NULL);
  g_ptr_array_add (dirs, g_path_get_dirname (dsr_view_file_get_path (file)));
  entries = dsr_import_library_list (NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_ptr_array_add (dirs, g_strdup (((DsrImportEntry *) g_ptr_array_index (entries, i))->dir));
  g_ptr_array_add (dirs, NULL);

  for (guint i = 0; i < dsr_view_file_get_n_imports (file); i++)
    {
      g_autofree char *path = dsr_view_file_locate_import (file, i, (const char * const *) given->pdata,
                                                           (const char * const *) dirs->pdata, error);
      g_autofree char *dir = NULL;

      if (path == NULL)
        return FALSE;
      if (g_strv_contains ((const char * const *) given->pdata, path))
        continue;
      dir = g_path_get_dirname (path);
      for (guint j = 0; entries != NULL && j < entries->len; j++)
        {
          DsrImportEntry *entry = g_ptr_array_index (entries, j);

          if (g_strcmp0 (entry->dir, dir) == 0 && entry->mapping != NULL)
            use = entry->mapping;
        }
      g_ptr_array_add (wanted, g_steal_pointer (&path));
    }
  if (wanted->len == 0)
    return TRUE;
  g_ptr_array_add (wanted, NULL);
  return import_paths (store, (const char * const *) wanted->pdata, use, read, error);
}

static void
list_indicators (DsrStore *store)
{
  GListModel *indicators = dsr_store_get_indicators (store);
  guint n = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GArray) years = dsr_store_get_years (store, dsr_indicator_get_id (indicator));
      g_autofree char *range = dsr_chart_format_years (years);

      /* One line an indicator, tab-separated; what a file gave is escaped. */
      g_autofree char *id = dsr_format_escape (dsr_indicator_get_id (indicator));
      g_autofree char *name = dsr_format_escape (dsr_indicator_get_name (indicator));
      g_autofree char *unit = dsr_format_escape (dsr_indicator_get_unit (indicator));

      g_print ("%s\t%s\t%s\t%s\n", id, name, unit, years->len > 0 ? range : _("no data (import a file)"));
    }
}

/* Each region's members with the years they joined and left; with @year,
 * only the members as of that year (the ones a figure of that year counts). */
static void
list_groupings (DsrStore *store,
                int       year)
{
  GListModel *groupings = dsr_store_get_groupings (store);
  guint n = g_list_model_get_n_items (groupings);

  for (guint g = 0; g < n; g++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (groupings, g);
      guint n_regions = dsr_grouping_get_n_regions (grouping);

      g_print ("%s\t%s\n", dsr_grouping_get_id (grouping), dsr_grouping_get_name (grouping));
      for (guint r = 0; r < n_regions; r++)
        {
          DsrRegion *region = dsr_grouping_get_region (grouping, r);
          guint n_members = dsr_region_get_n_members (region);
          g_autoptr(GString) current = g_string_new (NULL);
          g_autoptr(GString) former = g_string_new (NULL);
          guint n_current = 0;

          for (guint m = 0; m < n_members; m++)
            {
              int since, until;
              const char *iso3 = dsr_region_get_member (region, m, &since, &until);

              if (year != 0)
                {
                  if (dsr_region_has_member_as_of (region, iso3, year))
                    {
                      g_string_append_printf (current, "%s%s", current->len ? " " : "", iso3);
                      n_current++;
                    }
                }
              else if (until == 0)
                {
                  g_string_append_printf (current, "%s%s", current->len ? " " : "", iso3);
                  if (since != 0)
                    g_string_append_printf (current, " (%d)", since);
                  n_current++;
                }
              else
                g_string_append_printf (former, "%s%s (%d–%d)", former->len ? ", " : "", iso3,
                                        since, until);
            }

          g_print ("  %s\t%s\t", dsr_region_get_entity_id (region), dsr_region_get_name (region));
          g_print (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_current), n_current);
          g_print ("\t%s\n", current->str);
          if (former->len > 0)
            /* Translators: economies that were members of the region's group and left it */
            g_print ("  %s\t%s\t%s\n", dsr_region_get_entity_id (region), _("former members"),
                     former->str);
        }
    }
}

static DsrStore *
load_store (const DsrCliOptions *options,
            gboolean            *ok)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GFile) dir = options->pack_dir ? g_file_new_for_commandline_arg (options->pack_dir) : NULL;
  DsrStore *store = dsr_pack_load_store (dir, problems);

  for (guint i = 0; i < problems->len; i++)
    print_error (((GError *) g_ptr_array_index (problems, i))->message);
  *ok = problems->len == 0;
  return store;
}

/* Command-line values ----------------------------------------------------------- */

static gboolean
parse_int (const char  *option,
           const char  *text,
           int          min,
           int          max,
           int         *out,
           GError     **error)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      g_autofree char *quoted = dsr_format_quote (text);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("%s: “%s” is not a whole number from %d to %d"), option, quoted, min, max);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

static gboolean
parse_years (const char  *text,
             int         *from,
             int         *to,
             GError     **error)
{
  /* FROM-TO, or FROM:TO */
  g_auto(GStrv) parts = g_strsplit_set (text, "-:", 2);

  if (parts[0] == NULL || parts[1] == NULL)
    {
      /* One year: a range of one. */
      if (!parse_int ("--years", text, 1800, 2100, from, error))
        return FALSE;
      *to = *from;
      return TRUE;
    }
  if (!parse_int ("--years", g_strstrip (parts[0]), 1800, 2100, from, error)
      || !parse_int ("--years", g_strstrip (parts[1]), 1800, 2100, to, error))
    return FALSE;
  if (*from > *to)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("--years: %d is after %d; give FROM-TO, e.g. 2012-2021"), *from, *to);
      return FALSE;
    }
  return TRUE;
}

/* The view the export options describe, checked before any data is read
 * (a bad option costs no import). Its indicator, grouping and regions are
 * checked against the data later, by dsr_chart_resolve_view (). */
static gboolean
build_view (const DsrCliOptions  *options,
            DsrView              *view,
            GError              **error)
{
  if (options->view != NULL && !dsr_view_kind_from_string (options->view, &view->kind))
    {
      g_autofree char *quoted = dsr_format_quote (options->view);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("Unknown view “%s”. The views are: map, bars, trend, table, scatter"), quoted);
      return FALSE;
    }
  if (options->indicator != NULL)
    {
      g_free (view->indicator_id);
      view->indicator_id = g_strdup (options->indicator);
    }
  if (options->y_indicator != NULL)
    {
      g_free (view->y_indicator_id);
      view->y_indicator_id = g_strdup (options->y_indicator);
    }
  if (options->fit)
    view->show_fit = TRUE;
  if (options->size_by_population)
    view->size_by_population = TRUE;
  if (view->kind == DSR_VIEW_SCATTER && (view->y_indicator_id == NULL || *view->y_indicator_id == '\0'))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("--view scatter needs --y-indicator ID, the indicator on the vertical axis "
                     "(see --list-indicators)"));
      return FALSE;
    }

  if (options->year != NULL && !parse_int ("--year", options->year, 1800, 2100, &view->year, error))
    return FALSE;
  if (options->years != NULL
      && !parse_years (options->years, &view->year_from, &view->year_to, error))
    return FALSE;
  /* A trend of one year, or bars for the last year of a range, if that is what was given. */
  if (view->kind == DSR_VIEW_TREND && options->years == NULL && options->year != NULL)
    view->year_from = view->year_to = view->year;
  if (view->kind != DSR_VIEW_TREND && options->year == NULL && options->years != NULL)
    view->year = view->year_to;

  if (options->grouping != NULL)
    {
      g_free (view->grouping_id);
      view->grouping_id = g_strdup (options->grouping);
    }
  if (options->regions != NULL)
    {
      g_clear_pointer (&view->regions, g_strfreev);
      g_auto(GStrv) items = g_strsplit (options->regions, ",", -1);
      g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; items[i] != NULL; i++)
        if (*g_strstrip (items[i]) != '\0')
          g_ptr_array_add (regions, g_strdup (items[i]));
      g_ptr_array_add (regions, NULL);
      view->regions = (char **) g_ptr_array_free (g_steal_pointer (&regions), FALSE);
    }

  if (options->compare != NULL && !dsr_compare_from_string (options->compare, &view->compare))
    {
      g_autofree char *quoted = dsr_format_quote (options->compare);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("Unknown comparison “%s”. The comparisons are: absolute, world-diff"), quoted);
      return FALSE;
    }
  if ((options->width != NULL
       && !parse_int ("--width", options->width, DSR_VIEW_MIN_SIZE, DSR_VIEW_MAX_SIZE, &view->width,
                      error))
      || (options->height != NULL
          && !parse_int ("--height", options->height, DSR_VIEW_MIN_SIZE, DSR_VIEW_MAX_SIZE,
                         &view->height, error)))
    return FALSE;
  if (options->scale != NULL)
    {
      char *end = NULL;

      view->scale = g_ascii_strtod (options->scale, &end);
      if (end == options->scale || *end != '\0' || !(view->scale >= DSR_VIEW_MIN_SCALE)
          || !(view->scale <= DSR_VIEW_MAX_SCALE))
        {
          g_autofree char *quoted = dsr_format_quote (options->scale);

          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("--scale: “%s” is not a number from %g to %g, e.g. 2"), quoted,
                       DSR_VIEW_MIN_SCALE, DSR_VIEW_MAX_SCALE);
          return FALSE;
        }
    }
  if (options->theme != NULL && !dsr_scheme_from_string (options->theme, &view->scheme))
    {
      g_autofree char *quoted = dsr_format_quote (options->theme);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("Unknown theme “%s”. The themes are: light, dark"), quoted);
      return FALSE;
    }
  if (options->aggregate != NULL)
    {
      DsrAggregation rule;

      if (!dsr_aggregation_from_string (options->aggregate, &rule))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("Unknown aggregation “%s”. The aggregations are: mean, weighted-mean, sum, none"),
                       options->aggregate);
          return FALSE;
        }
      view->aggregation = rule;
    }
  if (options->min_coverage != NULL)
    {
      char *end = NULL;

      view->min_coverage = g_ascii_strtod (options->min_coverage, &end);
      if (end == options->min_coverage || *end != '\0' || !(view->min_coverage >= 0 && view->min_coverage <= 1))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("--min-coverage: “%s” is not a share from 0 to 1, e.g. 0.67"), options->min_coverage);
          return FALSE;
        }
    }
  if (options->tolerance != NULL
      && !parse_int ("--tolerance", options->tolerance, 0, DSR_MAX_TOLERANCE, &view->tolerance, error))
    return FALSE;
  if (options->membership != NULL && !dsr_membership_from_string (options->membership, &view->membership))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("Unknown membership “%s”. The memberships are: fixed, as-of-year"), options->membership);
      return FALSE;
    }
  if (options->map_mode != NULL)
    {
      if (g_strcmp0 (options->map_mode, "region") == 0)
        view->map_regions = TRUE;
      else if (g_strcmp0 (options->map_mode, "country") != 0)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("Unknown map mode “%s”. The map modes are: country, region"), options->map_mode);
          return FALSE;
        }
    }
  return TRUE;
}

/* --update ------------------------------------------------------------------------ */

static void
update_progress (const DsrWbProgress *progress,
                 gpointer             user_data)
{
  if (progress->page == 0)
    g_printerr (_("Fetching %s from the World Bank (%u of %u)…\n"),
                progress->code, progress->index + 1, progress->n_indicators);
  else if (progress->n_pages > 1)
    g_printerr (_("  page %u of %u\n"), progress->page, progress->n_pages);
}

/* Fetches from the World Bank's API, merges what is newer and remembers it
 * (as a remembered import, loaded again by the window at start-up). The
 * remembered imports are loaded first, so that an earlier update counts. */
static int
update_from_world_bank (DsrStore            *store,
                        const DsrCliOptions *options)
{
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new ((const char * const *) options->update_codes);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  DsrImportResult *result;

  if (!dsr_import_library_load_sync (store, NULL, problems, &error))
    {
      g_printerr ("dsr-atlas: %s\n", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("dsr-atlas: %s\n", ((GError *) g_ptr_array_index (problems, i))->message);

  if (!dsr_wb_update_fetch_sync (update, store, NULL, update_progress, NULL, &error))
    {
      g_printerr (_("dsr-atlas: the update from the World Bank failed, nothing was changed: %s\n"),
                  error->message);
      return DSR_EXIT_DATA;
    }
  result = dsr_wb_update_get_result (update);
  if (result != NULL)
    {
      g_autoptr(DsrImportEntry) entry = NULL;

      if (!dsr_wb_update_commit (update, store, &error))
        {
          g_printerr (_("dsr-atlas: the update from the World Bank failed, nothing was changed: %s\n"),
                      error->message);
          return DSR_EXIT_DATA;
        }
      entry = dsr_import_library_remember (result, NULL, &error);
      if (entry == NULL)
        {
          g_printerr (_("dsr-atlas: the update could not be kept for the next start: %s\n"),
                      error->message);
          return DSR_EXIT_DATA;
        }
    }
  summary = dsr_wb_update_describe (update, store);
  g_print ("%s\n", summary);
  return DSR_EXIT_OK;
}

/* --handout ---------------------------------------------------------------------- */

/* The handout's options, checked before the data is read (@view: the one
 * build_view () made). */
static gboolean
check_handout (const DsrCliOptions  *options,
               const DsrView        *view,
               DsrHandoutOptions    *out,
               GError              **error)
{
  DsrHandoutOptions handout = { DSR_HANDOUT_PAGES_AUTO, 0, 0 };

  if (options->handout_path == NULL)
    {
      if (options->handout_pages != NULL)
        {
          g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID,
                               _("--handout-pages: make a handout with --handout FILE.pdf"));
          return FALSE;
        }
      return TRUE;
    }
  if (*options->handout_path == '\0')
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID, _("--handout: the file name is empty"));
      return FALSE;
    }
  if (!g_str_has_suffix (options->handout_path, ".pdf") && !g_str_has_suffix (options->handout_path, ".PDF"))
    {
      g_autofree char *quoted = dsr_format_quote (options->handout_path);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("--handout: a handout is a PDF file: “%s” does not end in .pdf"), quoted);
      return FALSE;
    }
  if (options->handout_pages != NULL
      && (!dsr_handout_pages_from_string (options->handout_pages, &handout.pages)
          || handout.pages == DSR_HANDOUT_PAGES_AUTO))
    {
      g_autofree char *quoted = dsr_format_quote (options->handout_pages);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("--handout-pages: unknown pages “%s”. The choices are: years, views"), quoted);
      return FALSE;
    }
  if (handout.pages == DSR_HANDOUT_PAGES_YEARS && view->kind == DSR_VIEW_TREND)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID,
                           _("--handout-pages years: a trend already shows every year in one figure; "
                             "give --view map, bars or table, or --handout-pages views"));
      return FALSE;
    }
  /* --years: the years of the pages (the trend's span on a page per view). */
  if (options->years != NULL)
    {
      handout.year_from = view->year_from;
      handout.year_to = view->year_to;
    }
  if (out != NULL)
    *out = handout;
  return TRUE;
}

static int
make_handout (DsrStore            *store,
              const DsrCliOptions *options,
              DsrViewFile         *file)
{
  g_autoptr(DsrView) view = file ? dsr_view_copy (dsr_view_file_get_view (file)) : dsr_view_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrHandout) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  DsrHandoutOptions handout;

  /* Checked by check_options () before the import. */
  if (!build_view (options, view, &error) || !check_handout (options, view, &handout, &error))
    {
      print_error (error->message);
      return DSR_EXIT_USAGE;
    }
  if (view->indicator_id == NULL && dsr_store_get_indicator (store, DEFAULT_INDICATOR) != NULL)
    view->indicator_id = g_strdup (DEFAULT_INDICATOR);
  /* A choice the data cannot show (an unknown indicator, no year with
   * values) is a usage error, as for --export; drawing and writing are not. */
  pages = dsr_handout_new (store, view, &handout, &error);
  if (pages == NULL)
    {
      print_error (error->message);
      return DSR_EXIT_USAGE;
    }
  pdf = dsr_handout_finish (pages, &error);
  if (pdf == NULL || !dsr_export_write_file (options->handout_path, pdf, &error))
    {
      print_error (error->message);
      return DSR_EXIT_DATA;
    }
  return DSR_EXIT_OK;
}

/* Every option that does not depend on the data, checked before the data
 * is read: a mistake exits with DSR_EXIT_USAGE at once. */
static gboolean
check_options (const DsrCliOptions  *options,
               GError              **error)
{
  g_autoptr(DsrView) view = dsr_view_new ();
  DsrExportFormat format;

  for (guint i = 0; options->data_files != NULL && options->data_files[i] != NULL; i++)
    if (*options->data_files[i] == '\0')
      {
        g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID,
                             _("--data: the file name is empty"));
        return FALSE;
      }
  if (options->pack_dir != NULL && *options->pack_dir == '\0')
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID, _("--pack: the folder name is empty"));
      return FALSE;
    }
  if ((options->view_file != NULL && *options->view_file == '\0')
      || (options->save_view != NULL && *options->save_view == '\0'))
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID, _("--view-file, --save-view: the file name is empty"));
      return FALSE;
    }
  if (options->export_path != NULL && *options->export_path == '\0')
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID, _("--export: the file name is empty"));
      return FALSE;
    }
  if (options->columns != NULL)
    {
      g_autoptr(DsrColumnMapping) mapping = dsr_column_mapping_parse (options->columns, error);

      if (mapping == NULL)
        {
          g_prefix_error (error, "--columns: ");
          return FALSE;
        }
    }
  if (options->export_path != NULL && !dsr_export_format_from_path (options->export_path, &format, error))
    return FALSE;
  if (options->caption && options->export_path == NULL)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID,
                           _("--caption draws the summary under an exported figure: give --export FILE too"));
      return FALSE;
    }
  if (!build_view (options, view, error))
    return FALSE;
  return check_handout (options, view, NULL, error);
}

/* Writes @view into options->save_view, listing its data: the bundled
 * indicators it shows and every file imported for it (--data and the files
 * the view file named), each with its SHA-256. Keeps what @file had that this
 * version does not know. */
static gboolean
save_view (DsrStore            *store,
           const DsrCliOptions *options,
           DsrViewFile         *file,
           const DsrView       *view,
           GPtrArray           *imported,
           GError             **error)
{
  g_autoptr(DsrViewFile) out = file ? g_object_ref (file) : dsr_view_file_new (view);

  dsr_view_file_set_view (out, view);
  dsr_view_file_describe_data (out, store);
  dsr_view_file_clear_imports (out);
  for (guint i = 0; i < imported->len; i++)
    if (!dsr_view_file_add_import (out, g_ptr_array_index (imported, i), NULL, error))
      return FALSE;
  if (file == NULL || dsr_view_file_get_language (file) == NULL)
    {
      g_autofree char *language = file ? NULL : dsr_view_file_current_language ();

      dsr_view_file_set_language (out, language);
    }
  return dsr_view_file_save (out, options->save_view, error);
}

/* --export and --save-view: the view the options describe, starting from
 * @file's when there is one. */
static int
export_view (DsrStore            *store,
             const DsrCliOptions *options,
             DsrViewFile         *file,
             GPtrArray           *imported)
{
  g_autoptr(DsrView) view = file ? dsr_view_copy (dsr_view_file_get_view (file)) : dsr_view_new ();
  g_autoptr(DsrView) resolved = NULL;
  g_autoptr(GError) error = NULL;
  DsrExportOptions export = { 0 };

  /* Checked by check_options () before the import. */
  if ((options->export_path != NULL
       && !dsr_export_format_from_path (options->export_path, &export.format, &error))
      || !build_view (options, view, &error))
    {
      print_error (error->message);
      return DSR_EXIT_USAGE;
    }
  if (view->indicator_id == NULL && dsr_store_get_indicator (store, DEFAULT_INDICATOR) != NULL)
    view->indicator_id = g_strdup (DEFAULT_INDICATOR);
  /* The map fills in its own defaults; the charts' are filled in here. */
  if (view->kind == DSR_VIEW_MAP)
    resolved = dsr_figure_check (store, view, &error) ? dsr_view_copy (view) : NULL;
  else
    resolved = dsr_chart_resolve_view (store, view, &error);
  if (resolved == NULL)
    {
      /* A view file's mistake is the file's: exit 1, naming it. */
      if (file != NULL)
        g_prefix_error (&error, "%s: ", dsr_view_file_get_display_name (file));
      print_error (error->message);
      return file != NULL ? DSR_EXIT_DATA : DSR_EXIT_USAGE;
    }

  if (options->save_view != NULL && !save_view (store, options, file, resolved, imported, &error))
    {
      print_error (error->message);
      return DSR_EXIT_DATA;
    }
  if (options->summary)
    {
      g_autofree char *summary = dsr_summary_text (store, resolved, &error);

      if (summary == NULL)
        {
          print_error (error->message);
          return DSR_EXIT_USAGE;
        }
      g_print ("%s\n", summary);
    }
  if (options->export_path == NULL)
    return DSR_EXIT_OK;

  export.svg_text_as_paths = options->svg_text_as_paths;
  export.caption = options->caption;
  if (!dsr_figure_export (store, resolved, options->export_path, &export, &error))
    {
      print_error (error->message);
      return DSR_EXIT_DATA;
    }
  return DSR_EXIT_OK;
}

int
dsr_cli_run (const DsrCliOptions *options)
{
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrViewFile) view_file = NULL;
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DsrPrefetch) prefetch = NULL;
  gboolean ok;

  /* Arguments after the options are --update's codes, and nothing else. */
  if (options->update_codes != NULL && !options->update)
    {
      g_autofree char *quoted = dsr_format_quote (options->update_codes[0]);
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), quoted);

      print_error (message);
      return DSR_EXIT_USAGE;
    }

  if (options->version)
    {
      g_print ("dsr-atlas %s\n", PACKAGE_VERSION);
      return DSR_EXIT_OK;
    }

  {
    g_autoptr(GError) error = NULL;

    if (!check_options (options, &error))
      {
        print_error (error->message);
        return DSR_EXIT_USAGE;
      }
  }

  /* A bad view file is a bad file: exit 1 with its name and the field. */
  if (options->view_file != NULL)
    {
      g_autoptr(GError) error = NULL;

      view_file = dsr_view_file_load (options->view_file, &error);
      if (view_file == NULL)
        {
          print_error (error->message);
          return DSR_EXIT_DATA;
        }
      /* The file's language, when it names one (LANGUAGE is read at each message). */
      if (dsr_view_file_get_language (view_file) != NULL)
        g_setenv ("LANGUAGE", dsr_view_file_get_language (view_file), TRUE);
    }

  for (guint i = 0; options->update_codes != NULL && options->update_codes[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!dsr_wb_update_check_code (options->update_codes[i], &error))
        {
          g_prefix_error (&error, "--update: ");
          print_error (error->message);
          return DSR_EXIT_USAGE;
        }
    }

  /* A map to draw: its borders load on the second core while this one
   * reads the data. */
  if ((options->export_path != NULL || options->handout_path != NULL)
      && (options->handout_path != NULL
          || (options->view != NULL ? g_strcmp0 (options->view, "map") == 0
                                    : view_file != NULL && dsr_view_file_get_view (view_file)->kind == DSR_VIEW_MAP)))
    prefetch = dsr_prefetch_start (DSR_PREFETCH_BORDERS, NULL);
  store = load_store (options, &ok);
  if (!ok)
    return DSR_EXIT_DATA;
  {
    g_autoptr(GError) error = NULL;

    if (!import_options (store, options, imported, &error)
        || (view_file != NULL
            && (!import_view_data (store, options, view_file, imported, &error)
                || !dsr_view_file_check (view_file, store, &error))))
      {
        print_error (error->message);
        return DSR_EXIT_DATA;
      }
  }

  if (options->update)
    {
      int status = update_from_world_bank (store, options);

      if (status != DSR_EXIT_OK)
        return status;
    }
  if (options->list_indicators)
    list_indicators (store);
  if (options->list_groupings)
    {
      int year = 0;
      g_autoptr(GError) error = NULL;

      if (options->year != NULL && !parse_int ("--year", options->year, 1800, 2100, &year, &error))
        {
          g_printerr ("dsr-atlas: %s\n", error->message);
          return DSR_EXIT_USAGE;
        }
      list_groupings (store, year);
    }
  if (options->export_path != NULL || options->save_view != NULL || options->summary)
    {
      int status = export_view (store, options, view_file, imported);

      if (status != DSR_EXIT_OK)
        return status;
    }
  if (options->handout_path != NULL)
    return make_handout (store, options, view_file);

  return DSR_EXIT_OK;
}
