/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one thing of the network the World Bank update needs: a GET. libsoup
 * does it, in a module of its own (dsr-http-soup.c, libdsr-http.so) that is
 * loaded at the first update: the command line and the window load no
 * network library (libsoup and the fifteen it brings, some 5 ms of every
 * start) until the user asks for an update.
 *
 * The module is looked for in DSR_HTTP_MODULE (a file), then beside the
 * program (update/ in the build tree), then in the installed PKGLIBDIR,
 * found from the program's place first (an installation moved as a whole). */

#define DSR_HTTP_MODULE_ENV "DSR_HTTP_MODULE"

typedef struct _DsrHttp DsrHttp;

DsrHttp *dsr_http_new  (guint          timeout,
                        const char    *user_agent,
                        GError       **error);
GBytes  *dsr_http_get  (DsrHttp       *http,
                        const char    *uri,
                        const char    *accept,
                        GCancellable  *cancellable,
                        guint         *status,
                        char         **reason,
                        GError       **error);
void     dsr_http_free (DsrHttp       *http);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrHttp, dsr_http_free)

/* What the module hands over (dsr_http_module_get ()): the version of this
 * table first, so that a module of another build is refused, not called. */
#define DSR_HTTP_MODULE_VERSION 1

typedef struct
{
  guint    version;
  gpointer (*session_new)  (guint          timeout,
                            const char    *user_agent);
  void     (*session_free) (gpointer       session);
  /* NULL with an error for no answer (G_IO_ERROR_INVALID_ARGUMENT: @uri is
   * no address; else the transport's, cancelled and timed out included);
   * else the body, with the status and its reason phrase. */
  GBytes * (*get)          (gpointer       session,
                            const char    *uri,
                            const char    *accept,
                            GCancellable  *cancellable,
                            guint         *status,
                            char         **reason,
                            GError       **error);
} DsrHttpModule;

typedef const DsrHttpModule *(*DsrHttpModuleGetFunc) (void);

G_END_DECLS
