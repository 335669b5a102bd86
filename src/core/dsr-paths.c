/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-paths"

#include "config.h"

#include "dsr-paths.h"

/**
 * dsr_paths_installed_file:
 * @env: an environment variable that names the file, and overrides the rest
 * @beside: the file's path from the running program's folder (the build tree)
 * @from_prefix: its path from the prefix, found from the program's place:
 *   bin/ and libexec/ are both one level under the prefix (an installation
 *   moved as a whole, a DESTDIR, a bundle)
 * @installed: its installed path, where the build put it
 *
 * Where a file of the installation may be (the window program, the update's
 * module), in the order to try: @env's value alone when it is set, else the
 * other three. Which of them will do is the caller's to test.
 *
 * Returns: (transfer full) (element-type filename): one path or more
 */
GPtrArray *
dsr_paths_installed_file (const char *env,
                          const char *beside,
                          const char *from_prefix,
                          const char *installed)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *value = g_getenv (env);
  g_autofree char *self = NULL;

  if (value != NULL && *value != '\0')
    {
      g_ptr_array_add (paths, g_strdup (value));
      return paths;
    }
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);

      g_ptr_array_add (paths, g_build_filename (dir, beside, NULL));
      g_ptr_array_add (paths, g_build_filename (dir, "..", from_prefix, NULL));
    }
  g_ptr_array_add (paths, g_strdup (installed));
  return paths;
}
