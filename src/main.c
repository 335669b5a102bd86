/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-atlas"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "dsr-cli.h"
#include "dsr-paths.h"

/* dsr-atlas: the command line, which never loads GTK (an export starts and
 * ends in a few tens of milliseconds), and without a headless option, the
 * window: dsr-atlas-window, which this program becomes with the same
 * arguments. */

/* The window program: beside this one when running from the build tree,
 * else in the installed libexec directory (DSR_ATLAS_WINDOW overrides). */
static char *
find_window_program (void)
{
  g_autoptr(GPtrArray) paths = dsr_paths_installed_file ("DSR_ATLAS_WINDOW", "dsr-atlas-window",
                                                         "libexec/dsr-atlas-window",
                                                         LIBEXECDIR "/dsr-atlas-window");

  /* The last, the installed one (or the variable's), whether it is there or not. */
  for (guint i = 0; i + 1 < paths->len; i++)
    if (g_file_test (g_ptr_array_index (paths, i), G_FILE_TEST_IS_EXECUTABLE))
      return g_strdup (g_ptr_array_index (paths, i));
  return g_strdup (g_ptr_array_index (paths, paths->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_auto(DsrCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) original = g_strdupv (argv);
  g_autofree char *window = NULL;

  setlocale (LC_ALL, "");
  /* DSR_LOCALEDIR: the build tree's catalogues, for running and testing uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DSR_LOCALEDIR") ? g_getenv ("DSR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!dsr_cli_parse (&argc, &argv, &options, &error))
    {
      g_printerr ("dsr-atlas: %s\n", error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), "dsr-atlas");
      return DSR_EXIT_USAGE;
    }
  if (argc > 1)
    {
      g_printerr (_("dsr-atlas: unexpected argument “%s”\n"), argv[1]);
      return DSR_EXIT_USAGE;
    }

  /* Everything but opening the window runs headless: no GTK, no display. */
  if (dsr_cli_is_headless (&options))
    return dsr_cli_run (&options);

  window = find_window_program ();
  execv (window, original);
  g_printerr (_("dsr-atlas: cannot start the window program “%s”: %s\n"), window, g_strerror (errno));
  return DSR_EXIT_DATA;
}
