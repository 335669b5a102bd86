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
 * arguments) when no headless option is given. One instance: a second start
 * hands its --data files to the first one's window and ends, without
 * loading any data of its own. */
/* --presentation: the first window goes straight into presentation mode. */
static void
present_cb (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_signal_handlers_disconnect_by_func (app, present_cb, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(DsrCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) pack = NULL;
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
  if (options.columns != NULL)
    {
      g_autoptr(DsrColumnMapping) mapping = dsr_column_mapping_parse (options.columns, &error);

      if (mapping == NULL)
        {
          g_printerr ("dsr-atlas: --columns: %s\n", error->message);
          return DSR_EXIT_USAGE;
        }
    }

  /* The data is loaded at the start-up of the first instance only. */
  app = dsr_application_new (NULL, NULL);
  if (options.pack_dir != NULL)
    pack = g_file_new_for_commandline_arg (options.pack_dir);
  dsr_application_set_pack (app, pack);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("dsr-atlas: %s\n", error->message);
      return DSR_EXIT_DATA;
    }

  /* --data with the window: the window imports the files, with its progress
   * bar; the running one's when there is one. */
  if (options.data_files != NULL && options.data_files[0] != NULL)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; options.data_files[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (options.data_files[i]));
      g_application_open (G_APPLICATION (app), (GFile **) files->pdata, (int) files->len,
                          options.columns ? options.columns : "");
    }
  if (options.presentation && !g_application_get_is_remote (G_APPLICATION (app)))
    g_signal_connect_after (app, "activate", G_CALLBACK (present_cb), NULL);
  /* dsr-atlas FILE.dsrview (or --view-file FILE): the window opens the saved view. */
  if (options.view_file != NULL)
    dsr_application_set_pending_view (app, options.view_file);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
