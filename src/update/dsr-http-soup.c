/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-http"

#include "config.h"

#include <gmodule.h>
#include <libsoup/soup.h>

#include "dsr-http.h"

/* The update's GET by libsoup 3, in the module libdsr-http.so (see dsr-http.h). */

static gpointer
session_new (guint       timeout,
             const char *user_agent)
{
  return soup_session_new_with_options ("timeout", timeout, "idle-timeout", timeout, "user-agent", user_agent,
                                        NULL);
}

static void
session_free (gpointer session)
{
  g_object_unref (session);
}

static GBytes *
get (gpointer       session,
     const char    *uri,
     const char    *accept,
     GCancellable  *cancellable,
     guint         *status,
     char         **reason,
     GError       **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, uri);
  GBytes *body;

  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not a valid address: %s", uri);
      return NULL;
    }
  if (accept != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", accept);
  body = soup_session_send_and_read (session, msg, cancellable, error);
  if (body == NULL)
    return NULL;
  *status = soup_message_get_status (msg);
  *reason = g_strdup (soup_message_get_reason_phrase (msg));
  return body;
}

G_MODULE_EXPORT const DsrHttpModule *dsr_http_module_get (void);

const DsrHttpModule *
dsr_http_module_get (void)
{
  static const DsrHttpModule module = { DSR_HTTP_MODULE_VERSION, session_new, session_free, get };

  return &module;
}
