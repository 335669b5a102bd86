/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-http"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "dsr-http.h"
#include "dsr-paths.h"

struct _DsrHttp
{
  const DsrHttpModule *module;
  gpointer             session;
};

#define MODULE_FILE "libdsr-http.so"

typedef struct
{
  const DsrHttpModule *module;
  char                *tried;    /* none found: where it was looked for */
  char                *broken;   /* one found that cannot be used: which, and why */
} Loaded;

static gpointer
load_module (gpointer data)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GPtrArray) paths = dsr_paths_installed_file (DSR_HTTP_MODULE_ENV, "update/" MODULE_FILE,
                                                         PKGLIBDIR_FROM_PREFIX "/" MODULE_FILE,
                                                         PKGLIBDIR "/" MODULE_FILE);
  g_autoptr(GString) tried = g_string_new (NULL);

  for (guint i = 0; i < paths->len && loaded->module == NULL; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GModule *module;
      gpointer symbol = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_string_append_printf (tried, "%s%s", tried->len ? ", " : "", path);
          continue;
        }
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          loaded->broken = g_strdup_printf ("%s: %s", path, g_module_error ());
          return loaded;
        }
      if (!g_module_symbol (module, "dsr_http_module_get", &symbol) || symbol == NULL
          || ((DsrHttpModuleGetFunc) symbol) ()->version != DSR_HTTP_MODULE_VERSION)
        {
          loaded->broken = g_strdup_printf ("%s: a module of another version", path);
          g_module_close (module);
          return loaded;
        }
      /* Kept for the life of the program. */
      g_module_make_resident (module);
      loaded->module = ((DsrHttpModuleGetFunc) symbol) ();
    }
  if (loaded->module == NULL)
    loaded->tried = g_string_free (g_steal_pointer (&tried), FALSE);
  return loaded;
}

/**
 * dsr_http_new:
 * @timeout: seconds without an answer before a GET fails
 *
 * A session, on the first call after loading the module (on any thread).
 *
 * Returns: (transfer full) (nullable): a session, or %NULL with an error
 *   when the module cannot be loaded (the installation is incomplete)
 */
DsrHttp *
dsr_http_new (guint        timeout,
              const char  *user_agent,
              GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  const Loaded *loaded = g_once (&once, load_module, NULL);
  DsrHttp *http;

  if (loaded->broken != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The World Bank update cannot start: its network module cannot be loaded (%s). "
                     "Reinstall dsr-atlas."), loaded->broken);
      return NULL;
    }
  if (loaded->module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The World Bank update cannot start: its network module is missing "
                     "(looked for %s). Reinstall dsr-atlas."), loaded->tried);
      return NULL;
    }
  http = g_new0 (DsrHttp, 1);
  http->module = loaded->module;
  http->session = http->module->session_new (timeout, user_agent);
  return http;
}

/**
 * dsr_http_get:
 * @accept: (nullable): the Accept header
 * @status: (out): the answer's status
 * @reason: (out): its reason phrase
 *
 * GETs @uri. See DsrHttpModule.get for the errors.
 *
 * Returns: (transfer full) (nullable): the body
 */
GBytes *
dsr_http_get (DsrHttp       *http,
              const char    *uri,
              const char    *accept,
              GCancellable  *cancellable,
              guint         *status,
              char         **reason,
              GError       **error)
{
  g_return_val_if_fail (http != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (status != NULL && reason != NULL, NULL);

  *status = 0;
  *reason = NULL;
  return http->module->get (http->session, uri, accept, cancellable, status, reason, error);
}

void
dsr_http_free (DsrHttp *http)
{
  if (http == NULL)
    return;
  http->module->session_free (http->session);
  g_free (http);
}
