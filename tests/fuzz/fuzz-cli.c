/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the command-line option parser. The input is split at
 * NUL bytes into arguments. */
#include "config.h"

#include <string.h>

#include "dsr-cli.h"
#include "dsr-fuzz.h"

void
dsr_fuzz_cli_one (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(DsrCliOptions) options = { 0 };
  const char *p = (const char *) data;
  const char *end = p + size;
  char **argv;
  int argc;

  g_ptr_array_add (args, g_strdup ("dsr-atlas"));
  while (p < end && args->len < 64)
    {
      const char *nul = memchr (p, '\0', end - p);
      gsize len = nul ? (gsize) (nul - p) : (gsize) (end - p);

      g_ptr_array_add (args, g_strndup (p, len));
      p += len + 1;
    }
  /* GOption prints the help and exits on --help, -h and -? (also inside a
   * group of short options such as -v?): such inputs are left out. */
  for (guint i = 1; i < args->len; i++)
    {
      const char *arg = g_ptr_array_index (args, i);

      if (strstr (arg, "--help") != NULL)
        return;
      if (arg[0] == '-' && arg[1] != '-' && (strchr (arg, 'h') != NULL || strchr (arg, '?') != NULL))
        return;
    }
  g_ptr_array_add (args, NULL);

  argc = args->len - 1;
  argv = g_memdup2 (args->pdata, sizeof (char *) * args->len);
  {
    GError *error = NULL;
    char **argv_copy = argv;

    dsr_cli_parse (&argc, &argv_copy, &options, &error);
    g_clear_error (&error);
  }
  g_free (argv);
}

DSR_FUZZ_MAIN (dsr_fuzz_cli_one)
