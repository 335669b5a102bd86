/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-atlas"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "dsr-cli.h"

/* dsr-atlas: the command line, which never loads GTK (an export starts and
 * ends in a few tens of milliseconds), and without a headless option, the
 * window: dsr-atlas-window, which this program becomes with the same
 * arguments. */

/* The window program: beside this one when running from the build tree,
 * else in the installed libexec directory. */
static char *
find_window_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *env = g_getenv ("DSR_ATLAS_WINDOW");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "dsr-atlas-window", NULL);
      g_autofree char *relocated = g_build_filename (dir, "..", "libexec", "dsr-atlas-window", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
      /* An installation moved as a whole (a DESTDIR, a bundle). */
      if (g_file_test (relocated, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&relocated);
    }
  return g_build_filename (LIBEXECDIR, "dsr-atlas-window", NULL);
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
