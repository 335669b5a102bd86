/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "dsr-cli.h"
#include "dsr-pack.h"
#include "dsr-store.h"

/* The command line runs without a display and never initialises GTK: it
 * loads the data, answers, and exits. */

void
dsr_cli_options_clear (DsrCliOptions *options)
{
  g_clear_pointer (&options->pack_dir, g_free);
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
      N_("List the groupings, their regions and each region’s member economies"), NULL },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &options->pack_dir,
      N_("Load the data pack from DIR instead of the bundled one"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Digital Silk Road Atlas: digital trade along the Belt and Road "
                                  "compared with the world.\n"
                                  "Without options, opens the application window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return g_option_context_parse (context, argc, argv, error);
}

gboolean
dsr_cli_is_headless (const DsrCliOptions *options)
{
  return options->version || options->list_indicators || options->list_groupings;
}

/* "2012–2021", "2016, 2021", "2012–2014, 2016" */
static char *
format_years (GArray *years)
{
  GString *out = g_string_new (NULL);
  guint i = 0;

  if (years->len == 0)
    return g_string_free (out, FALSE);

  while (i < years->len)
    {
      guint j = i;

      while (j + 1 < years->len && g_array_index (years, int, j + 1) == g_array_index (years, int, j) + 1)
        j++;
      if (out->len > 0)
        g_string_append (out, ", ");
      if (j > i)
        g_string_append_printf (out, "%d–%d", g_array_index (years, int, i),
                                g_array_index (years, int, j));
      else
        g_string_append_printf (out, "%d", g_array_index (years, int, i));
      i = j + 1;
    }
  return g_string_free (out, FALSE);
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
      g_autofree char *range = format_years (years);

      g_print ("%s\t%s\t%s\t%s\n", dsr_indicator_get_id (indicator),
               dsr_indicator_get_name (indicator), dsr_indicator_get_unit (indicator),
               years->len > 0 ? range : _("no data (import a file)"));
    }
}

static void
list_groupings (DsrStore *store)
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

              if (until == 0)
                {
                  g_string_append_printf (current, "%s%s", current->len ? " " : "", iso3);
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
    g_printerr ("dsr-atlas: %s\n", ((GError *) g_ptr_array_index (problems, i))->message);
  *ok = problems->len == 0;
  return store;
}

int
dsr_cli_run (const DsrCliOptions *options)
{
  g_autoptr(DsrStore) store = NULL;
  gboolean ok;

  if (options->version)
    {
      g_print ("dsr-atlas %s\n", PACKAGE_VERSION);
      return DSR_EXIT_OK;
    }

  store = load_store (options, &ok);
  if (!ok)
    return DSR_EXIT_DATA;

  if (options->list_indicators)
    list_indicators (store);
  if (options->list_groupings)
    list_groupings (store);

  return DSR_EXIT_OK;
}
