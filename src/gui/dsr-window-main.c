/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-atlas"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "dsr-application.h"
#include "dsr-cli.h"
#include "dsr-importer.h"
#include "dsr-pack.h"

/* dsr-atlas-window: the application's window. dsr-atlas runs it (with its own
 * arguments) when no headless option is given. */
int
main (int   argc,
      char *argv[])
{
  g_auto(DsrCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) pack = NULL;
  g_autoptr(DsrStore) store = NULL;
  g_autoptr(DsrApplication) app = NULL;
  char *app_argv[] = { argv[0], NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DSR_LOCALEDIR") ? g_getenv ("DSR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!dsr_cli_parse (&argc, &argv, &options, &error))
    {
      g_printerr ("dsr-atlas: %s\n", error->message);
      return DSR_EXIT_USAGE;
    }

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  if (options.pack_dir != NULL)
    pack = g_file_new_for_commandline_arg (options.pack_dir);
  store = dsr_pack_load_store (pack, problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("dsr-atlas: %s\n", ((GError *) g_ptr_array_index (problems, i))->message);

  app = dsr_application_new (store, problems);
  /* --data with the window: the window imports the files, with its progress bar. */
  if (options.data_files != NULL)
    {
      g_autoptr(DsrColumnMapping) mapping = NULL;

      if (options.columns != NULL && (mapping = dsr_column_mapping_parse (options.columns, &error)) == NULL)
        {
          g_printerr ("dsr-atlas: --columns: %s\n", error->message);
          return DSR_EXIT_USAGE;
        }
      dsr_application_set_pending_import (app, (const char * const *) options.data_files, mapping);
    }
  /* dsr-atlas FILE.dsrview (or --view-file FILE): the window opens the saved view. */
  if (options.view_file != NULL)
    dsr_application_set_pending_view (app, options.view_file);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
