/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-update"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dsr-error.h"
#include "dsr-http.h"
#include "dsr-wb-update.h"

/* The World Bank's answers, as its API v2 serves them (format=json):
 *
 *   data      [{"page":1,"pages":2,"per_page":20000,"total":26000,
 *               "sourceid":"2","lastupdated":"2025-07-01"},
 *              [{"indicator":{"id":"IT.NET.USER.ZS","value":"…"},
 *                "country":{"id":"CN","value":"China"},"countryiso3code":"CHN",
 *                "date":"2023","value":90.6,"unit":"","obs_status":"","decimal":1}, …]]
 *   indicator [{"page":1,…},[{"id":"…","name":"…","unit":"","source":{"id":"2","value":"…"},
 *               "sourceNote":"…","sourceOrganization":"…","topics":[{"id":"19","value":"…"}]}]]
 *   metadata  {"source":[{"concept":[{"variable":[{"metatype":
 *               [{"id":"Aggregationmethod","value":"Weighted average"}, …]}]}]}]}
 *   error     [{"message":[{"id":"120","key":"Invalid value","value":"The provided
 *               parameter value is not valid"}]}]
 */

#define FIRST_YEAR 1990
#define PER_PAGE   20000
/* Far more pages than any WDI indicator has at PER_PAGE: a server that keeps
 * promising pages is not followed for ever. */
#define MAX_PAGES  1000

static const char * const default_codes[] = {
  "IT.NET.USER.ZS", "IT.NET.BBND.P2", "IT.CEL.SETS.P2", "SP.POP.TOTL", "BX.GSR.CCIS.CD", NULL
};

typedef struct
{
  const char *iso3;   /* in the fetch's string chunk */
  const char *name;
  int         year;
  double      value;
} Obs;

/* One indicator as fetched. */
typedef struct
{
  char    *code;
  char    *known_vintage;  /* the store's, "" when none or not there */
  char    *lastupdated;
  char    *name;           /* "Individuals using the Internet (% of population)" */
  char    *unit;
  char    *note;
  char    *organisation;
  char    *topic;
  char    *method;         /* aggregation method, NULL when not known */
  gboolean current;        /* not newer than known_vintage: not fetched further */
  GArray  *obs;            /* of Obs */
  char    *path;           /* the written data file */
} Fetched;

static void
fetched_free (gpointer data)
{
  Fetched *f = data;

  g_free (f->code);
  g_free (f->known_vintage);
  g_free (f->lastupdated);
  g_free (f->name);
  g_free (f->unit);
  g_free (f->note);
  g_free (f->organisation);
  g_free (f->topic);
  g_free (f->method);
  g_clear_pointer (&f->obs, g_array_unref);
  g_free (f->path);
  g_free (f);
}

/* An HTTP status of success (2xx). */
#define STATUS_IS_SUCCESSFUL(status) ((status) >= 200 && (status) < 300)

/* What the worker thread works with; the main thread does not touch it
 * while the worker runs. */
typedef struct
{
  DsrWbUpdate       *self;        /* a reference */
  DsrStore          *store;       /* a reference, used on the main thread only */
  char              *base;
  guint              timeout;
  GPtrArray         *fetched;     /* of Fetched, one per code */
  GStringChunk      *strings;
  char              *dir;         /* where the files are written */
  DsrHttp           *http;        /* the worker's */
  GMainContext      *context;     /* the caller's, for progress */
  DsrWbProgressFunc  progress;
  gpointer           progress_data;
  DsrImportResult   *result;
} Fetch;

static void
fetch_free (gpointer data)
{
  Fetch *f = data;

  g_clear_object (&f->self);
  g_clear_object (&f->store);
  g_free (f->base);
  g_clear_pointer (&f->fetched, g_ptr_array_unref);
  g_clear_pointer (&f->strings, g_string_chunk_free);
  g_free (f->dir);
  g_clear_pointer (&f->http, dsr_http_free);
  g_clear_pointer (&f->context, g_main_context_unref);
  g_clear_object (&f->result);
  g_free (f);
}

struct _DsrWbUpdate
{
  GObject parent_instance;

  char           **codes;
  char            *base;
  guint            timeout;
  gboolean         running;

  GPtrArray       *fetched;   /* of Fetched, after a fetch */
  char            *dir;       /* the written files, removed with the object */
  DsrImportResult *result;
  GPtrArray       *current;   /* codes, NULL-terminated */
  GPtrArray       *updated;
};

G_DEFINE_FINAL_TYPE (DsrWbUpdate, dsr_wb_update, G_TYPE_OBJECT)

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL || (d = g_dir_open (dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
dsr_wb_update_finalize (GObject *object)
{
  DsrWbUpdate *self = DSR_WB_UPDATE (object);

  remove_dir (self->dir);
  g_free (self->dir);
  g_strfreev (self->codes);
  g_free (self->base);
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
  g_clear_object (&self->result);
  g_clear_pointer (&self->current, g_ptr_array_unref);
  g_clear_pointer (&self->updated, g_ptr_array_unref);
  G_OBJECT_CLASS (dsr_wb_update_parent_class)->finalize (object);
}

static void
dsr_wb_update_class_init (DsrWbUpdateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dsr_wb_update_finalize;
}

static void
dsr_wb_update_init (DsrWbUpdate *self)
{
}

const char * const *
dsr_wb_update_default_codes (void)
{
  return default_codes;
}

/* A WDI code: letters, digits, dots and underscores (it goes into the
 * address as it is). */
gboolean
dsr_wb_update_check_code (const char  *code,
                          GError     **error)
{
  gsize len = code ? strlen (code) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (code[i]) && code[i] != '.' && code[i] != '_')
      {
        len = 0;
        break;
      }
  if (len == 0 || len > 64)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("“%s” is not a World Bank indicator code (letters, digits, dots and "
                     "underscores, such as IT.NET.USER.ZS)"), code ? code : "");
      return FALSE;
    }
  return TRUE;
}

DsrWbUpdate *
dsr_wb_update_new (const char * const *codes)
{
  DsrWbUpdate *self = g_object_new (DSR_TYPE_WB_UPDATE, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (codes == NULL || codes[0] == NULL)
    codes = default_codes;
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *up = g_ascii_strup (codes[i], -1);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_ascii_strcasecmp (codes[i], codes[j]) == 0;
      if (!seen)
        g_strv_builder_add (builder, up);
    }
  self->codes = g_strv_builder_end (builder);
  dsr_wb_update_set_base (self, NULL);
  return self;
}

void
dsr_wb_update_set_base (DsrWbUpdate *self,
                        const char  *base)
{
  g_return_if_fail (DSR_IS_WB_UPDATE (self));

  if (base == NULL || *base == '\0')
    base = g_getenv (DSR_WB_API_BASE_ENV);
  if (base == NULL || *base == '\0')
    base = DSR_WB_API_DEFAULT_BASE;
  g_free (self->base);
  self->base = g_strdup (base);
  /* "https://host/" and "https://host" are the same base. */
  while (g_str_has_suffix (self->base, "/"))
    self->base[strlen (self->base) - 1] = '\0';
}

const char *
dsr_wb_update_get_base (DsrWbUpdate *self)
{
  g_return_val_if_fail (DSR_IS_WB_UPDATE (self), NULL);
  return self->base;
}

void
dsr_wb_update_set_timeout (DsrWbUpdate *self,
                           guint        seconds)
{
  g_return_if_fail (DSR_IS_WB_UPDATE (self));
  self->timeout = seconds;
}

static guint
effective_timeout (DsrWbUpdate *self)
{
  const char *env = g_getenv (DSR_WB_API_TIMEOUT_ENV);
  guint64 n;

  if (self->timeout > 0)
    return self->timeout;
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 3600, &n, NULL))
    return (guint) n;
  return DSR_WB_API_DEFAULT_TIMEOUT;
}

/* Progress ----------------------------------------------------------------- */

typedef struct
{
  DsrWbProgressFunc func;
  gpointer          data;
  char             *code;
  DsrWbProgress     progress;
} ProgressCall;

static gboolean
progress_call (gpointer data)
{
  ProgressCall *call = data;

  call->progress.code = call->code;
  call->func (&call->progress, call->data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_free (call->code);
  g_free (call);
}

static void
report (Fetch        *f,
        GCancellable *cancellable,
        guint         index,
        guint         page,
        guint         n_pages)
{
  ProgressCall *call;
  double part = n_pages > 0 ? (double) page / (n_pages + 1) : 0.0;

  if (f->progress == NULL || g_cancellable_is_cancelled (cancellable))
    return;
  call = g_new0 (ProgressCall, 1);
  call->func = f->progress;
  call->data = f->progress_data;
  call->code = g_strdup (((Fetched *) g_ptr_array_index (f->fetched, index))->code);
  call->progress.index = index;
  call->progress.n_indicators = f->fetched->len;
  call->progress.page = page;
  call->progress.n_pages = n_pages;
  call->progress.fraction = CLAMP ((index + part) / f->fetched->len, 0.0, 1.0);
  g_main_context_invoke_full (f->context, G_PRIORITY_DEFAULT, progress_call, call, progress_call_free);
}

/* Requests ----------------------------------------------------------------- */

/* The text of an error answer [{"message":[{"id","key","value"}]}], or NULL
 * when @root is not one. */
static char *
error_message (JsonNode *root)
{
  JsonArray *array;
  JsonObject *first;
  JsonNode *message;
  g_autoptr(GString) text = g_string_new (NULL);

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0 || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
    return NULL;
  first = json_array_get_object_element (array, 0);
  if ((message = json_object_get_member (first, "message")) == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (message))
    {
      JsonArray *items = json_node_get_array (message);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *item = json_array_get_element (items, i);
          JsonObject *o;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          o = json_node_get_object (item);
          if (text->len > 0)
            g_string_append (text, "; ");
          g_string_append (text, json_object_get_string_member_with_default (o, "value", ""));
          if (json_object_has_member (o, "key") || json_object_has_member (o, "id"))
            g_string_append_printf (text, " (%s %s)",
                                    json_object_get_string_member_with_default (o, "key", ""),
                                    json_object_get_string_member_with_default (o, "id", ""));
        }
    }
  if (text->len == 0)
    g_string_append (text, _("an error without a message"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* GETs @path from the API and parses the answer as JSON. */
static JsonParser *
get_json (Fetch         *f,
          const char    *path,
          GCancellable  *cancellable,
          char         **uri_out,
          GError       **error)
{
  g_autofree char *uri = g_strconcat (f->base, path, NULL);
  g_autofree char *reason = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  guint status;
  gsize size;
  const char *data;

  *uri_out = g_strdup (uri);
  body = dsr_http_get (f->http, uri, "application/json", cancellable, &status, &reason, &local);
  if (body == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                     _("%s: not a valid address (check %s)"), uri, DSR_WB_API_BASE_ENV);
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (cancellable))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The update was cancelled"));
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                     g_dngettext (GETTEXT_PACKAGE, "%s: no answer within %u second",
                                  "%s: no answer within %u seconds", f->timeout),
                     uri, f->timeout);
      else
        g_set_error (error, local->domain, local->code,
                     _("%s: could not reach the World Bank: %s"), uri, local->message);
      return NULL;
    }

  data = g_bytes_get_data (body, &size);
  /* The API's answers may start with a UTF-8 byte order mark. */
  if (data != NULL && size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (!json_parser_load_from_data (parser, data ? data : "", (gssize) size, &local))
    {
      if (!STATUS_IS_SUCCESSFUL (status))
        g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: the server answered %u %s"),
                     uri, status, reason);
      else
        g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                     _("%s: the answer is not valid JSON (truncated?): %s"), uri, local->message);
      return NULL;
    }
  if (!STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *message = error_message (json_parser_get_root (parser));

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: the server answered %u %s"),
                   uri, status, message ? message : reason);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

static char *
string_member (JsonObject *o,
               const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return g_strdup ("");
}

static gboolean
int_member (JsonObject *o,
            const char *name,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (o, name);
  const char *s;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return *out >= 0 && *out <= G_MAXINT;
    }
  /* per_page sometimes comes as a string */
  if (json_node_get_value_type (node) == G_TYPE_STRING && (s = json_node_get_string (node)) != NULL)
    return g_ascii_string_to_signed (s, 10, 0, G_MAXINT, out, NULL);
  return FALSE;
}

/* The answer's list: [header, list]. An error answer is an error. */
static gboolean
split_answer (JsonParser  *parser,
              const char  *uri,
              const char  *code,
              JsonObject **header,
              JsonArray  **list,
              GError     **error)
{
  JsonNode *root = json_parser_get_root (parser);
  g_autofree char *message = error_message (root);
  JsonArray *array;
  JsonNode *second;

  if (message != NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                   _("%s: the World Bank answered for %s: %s"), uri, code, message);
      return FALSE;
    }
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root)
      || json_array_get_length (array = json_node_get_array (root)) == 0
      || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("%s: not an answer of the World Bank API (expected [{page…}, […]])"), uri);
      return FALSE;
    }
  *header = json_array_get_object_element (array, 0);
  second = json_array_get_length (array) > 1 ? json_array_get_element (array, 1) : NULL;
  *list = second != NULL && JSON_NODE_HOLDS_ARRAY (second) ? json_node_get_array (second) : NULL;
  return TRUE;
}

/* The indicator's name, unit, note and source: /v2/indicator/CODE. */
static gboolean
fetch_description (Fetch         *f,
                   Fetched       *ind,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *path = g_strdup_printf ("/v2/indicator/%s?format=json", ind->code);
  g_autofree char *uri = NULL;
  g_autoptr(JsonParser) parser = get_json (f, path, cancellable, &uri, error);
  JsonObject *header, *o;
  JsonArray *list;
  JsonNode *node;

  if (parser == NULL || !split_answer (parser, uri, ind->code, &header, &list, error))
    return FALSE;
  if (list == NULL || json_array_get_length (list) == 0
      || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, 0)))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                   _("%s: the World Bank has no indicator %s"), uri, ind->code);
      return FALSE;
    }
  o = json_array_get_object_element (list, 0);
  ind->name = string_member (o, "name");
  ind->unit = string_member (o, "unit");
  ind->note = string_member (o, "sourceNote");
  ind->organisation = string_member (o, "sourceOrganization");
  node = json_object_get_member (o, "topics");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0
      && JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), 0)))
    ind->topic = string_member (json_array_get_object_element (json_node_get_array (node), 0), "value");
  else
    ind->topic = g_strdup ("");
  return TRUE;
}

/* The first {"id": @id, "value": "…"} anywhere under @node. */
static const char *
find_metatype (JsonNode   *node,
               const char *id)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          const char *found = find_metatype (json_array_get_element (a, i), id);

          if (found != NULL)
            return found;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = NULL;
      JsonNode *value = json_object_get_member (o, "value");

      if (g_strcmp0 (json_object_get_string_member_with_default (o, "id", NULL), id) == 0
          && value != NULL && JSON_NODE_HOLDS_VALUE (value)
          && json_node_get_value_type (value) == G_TYPE_STRING)
        return json_node_get_string (value);
      members = json_object_get_values (o);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *found = find_metatype (l->data, id);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

/* The aggregation method: /v2/sources/2/series/CODE/metadata. Optional: an
 * indicator without it gets the rule its unit suggests; only Cancel and a
 * timeout stop the update here. */
static gboolean
fetch_method (Fetch         *f,
              Fetched       *ind,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *path = g_strdup_printf ("/v2/sources/2/series/%s/metadata?format=json", ind->code);
  g_autofree char *uri = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonParser) parser = get_json (f, path, cancellable, &uri, &local);
  const char *method;

  if (parser == NULL)
    {
      if (local->domain == G_IO_ERROR
          && (local->code == G_IO_ERROR_CANCELLED || local->code == G_IO_ERROR_TIMED_OUT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_debug ("%s: no aggregation method: %s", ind->code, local->message);
      return TRUE;
    }
  method = find_metatype (json_parser_get_root (parser), "Aggregationmethod");
  if (method != NULL && *method != '\0')
    ind->method = g_strdup (method);
  return TRUE;
}

/* One row of a data page. */
static gboolean
take_row (Fetch        *f,
          Fetched      *ind,
          const char   *uri,
          guint         page,
          guint         position,
          JsonNode     *node,
          GError      **error)
{
  JsonObject *o, *indicator, *country;
  JsonNode *value;
  g_autofree char *iso3 = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  guint64 year;
  Obs obs;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: value %u of page %u is not an object"),
                   uri, position + 1, page);
      return FALSE;
    }
  o = json_node_get_object (node);
  indicator = json_object_get_member (o, "indicator") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "indicator"))
                ? json_object_get_object_member (o, "indicator") : NULL;
  country = json_object_get_member (o, "country") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "country"))
              ? json_object_get_object_member (o, "country") : NULL;
  if (indicator != NULL)
    {
      g_autofree char *id = string_member (indicator, "id");

      if (g_ascii_strcasecmp (id, ind->code) != 0)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       _("%s: value %u of page %u is of indicator “%s”, not %s"),
                       uri, position + 1, page, id, ind->code);
          return FALSE;
        }
    }
  iso3 = string_member (o, "countryiso3code");
  date = string_member (o, "date");
  name = string_member (country, "value");
  value = json_object_get_member (o, "value");

  /* A few aggregates come without an ISO3 code; they are left out. */
  if (*g_strstrip (iso3) == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (date, 10, DSR_STORE_YEAR_MIN, DSR_STORE_YEAR_MAX, &year, NULL))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("%s: value %u of page %u (%s): “%s” is not a year"),
                   uri, position + 1, page, iso3, date);
      return FALSE;
    }
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (value)
      && (json_node_get_value_type (value) == G_TYPE_DOUBLE || json_node_get_value_type (value) == G_TYPE_INT64))
    obs.value = json_node_get_double (value);
  else
    {
      const char *text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                           ? json_node_get_string (value) : NULL;
      char *end = NULL;

      obs.value = text != NULL && *text != '\0' ? g_ascii_strtod (text, &end) : NAN;
      if (text == NULL || end == text || *end != '\0' || !isfinite (obs.value))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       _("%s: value %u of page %u (%s, %s): “%s” is not a number"),
                       uri, position + 1, page, iso3, date,
                       text != NULL ? text : json_node_type_name (value));
          return FALSE;
        }
    }
  obs.iso3 = g_string_chunk_insert_const (f->strings, iso3);
  obs.name = g_string_chunk_insert_const (f->strings, name);
  obs.year = (int) year;
  g_array_append_val (ind->obs, obs);
  return TRUE;
}

/* Every page of the indicator's values; stops after the first when the
 * store's vintage is as new. */
static gboolean
fetch_values (Fetch         *f,
              guint          index,
              GCancellable  *cancellable,
              GError       **error)
{
  Fetched *ind = g_ptr_array_index (f->fetched, index);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 n_pages = 1, total = 0;
  guint64 n_rows = 0;

  ind->obs = g_array_new (FALSE, FALSE, sizeof (Obs));
  for (gint64 page = 1; page <= n_pages; page++)
    {
      g_autofree char *path = g_strdup_printf ("/v2/country/all/indicator/%s?format=json&per_page=%d"
                                               "&date=%d:%d&page=%" G_GINT64_FORMAT,
                                               ind->code, PER_PAGE, FIRST_YEAR,
                                               g_date_time_get_year (now), page);
      g_autofree char *uri = NULL;
      g_autoptr(JsonParser) parser = NULL;
      g_autofree char *lastupdated = NULL;
      JsonObject *header;
      JsonArray *list;
      gint64 got_page, got_pages, got_total;

      report (f, cancellable, index, (guint) page, (guint) (page == 1 ? 0 : n_pages));
      if ((parser = get_json (f, path, cancellable, &uri, error)) == NULL
          || !split_answer (parser, uri, ind->code, &header, &list, error))
        return FALSE;
      if (!int_member (header, "page", &got_page) || !int_member (header, "pages", &got_pages)
          || !int_member (header, "total", &got_total))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       _("%s: the answer has no page, pages and total"), uri);
          return FALSE;
        }
      lastupdated = string_member (header, "lastupdated");
      if (page == 1)
        {
          if (got_total == 0 || got_pages == 0)
            {
              g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                           _("%s: the World Bank has no values of %s since %d"), uri, ind->code, FIRST_YEAR);
              return FALSE;
            }
          if (got_pages > MAX_PAGES)
            {
              g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                           _("%s: %u pages is more than an indicator has"), uri, (guint) got_pages);
              return FALSE;
            }
          n_pages = got_pages;
          total = got_total;
          ind->lastupdated = g_strdup (lastupdated);
          if (*ind->known_vintage != '\0' && strcmp (ind->lastupdated, ind->known_vintage) <= 0)
            {
              ind->current = TRUE;
              return TRUE;
            }
        }
      if (got_page != page || got_pages != n_pages || got_total != total)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       _("%s: page %u says it is page %u of %u with %u values; page 1 said %u pages "
                         "with %u values"),
                       uri, (guint) page, (guint) got_page, (guint) got_pages, (guint) got_total,
                       (guint) n_pages, (guint) total);
          return FALSE;
        }
      if (strcmp (lastupdated, ind->lastupdated) != 0)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       _("%s: the data changed while it was fetched (last updated %s, then %s); try again"),
                       uri, ind->lastupdated, lastupdated);
          return FALSE;
        }
      if (list == NULL || json_array_get_length (list) == 0)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       _("%s: page %u of %u is empty"), uri, (guint) page, (guint) n_pages);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (list); i++)
        if (!take_row (f, ind, uri, (guint) page, i, json_array_get_element (list, i), error))
          return FALSE;
      n_rows += json_array_get_length (list);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (n_rows != (guint64) total)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("%s: %u values came for %s in %u pages; the World Bank said %u"),
                   f->base, (guint) n_rows, ind->code, (guint) n_pages, (guint) total);
      return FALSE;
    }
  return TRUE;
}

/* Files ---------------------------------------------------------------------- */

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      /* one record a line: the World Bank's notes have line breaks */
      if (*p == '"')
        g_string_append (out, "\"\"");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
write_file (const char  *path,
            GString     *contents,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents (path, contents->str, (gssize) contents->len, &local))
    {
      g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* API_CODE_DS2_en_csv_v2_wbapi.csv and its Metadata_Indicator_ file, in
 * the World Bank's own layout. */
static gboolean
write_files (Fetch    *f,
             Fetched  *ind,
             GError  **error)
{
  g_autofree char *base = g_strdup_printf ("API_%s_DS2_en_csv_v2_wbapi.csv", ind->code);
  g_autofree char *meta_name = g_strconcat ("Metadata_Indicator_", base, NULL);
  g_autofree char *meta_path = g_build_filename (f->dir, meta_name, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) row_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();  /* of Obs*, the first of each economy */
  g_autofree double *grid = NULL;
  int first = G_MAXINT, last = G_MININT;
  guint n_years;

  for (guint i = 0; i < ind->obs->len; i++)
    {
      Obs *o = &g_array_index (ind->obs, Obs, i);

      first = MIN (first, o->year);
      last = MAX (last, o->year);
      if (!g_hash_table_contains (row_of, o->iso3))
        {
          g_hash_table_insert (row_of, (gpointer) o->iso3, GUINT_TO_POINTER (rows->len));
          g_ptr_array_add (rows, o);
        }
    }
  if (rows->len == 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                   _("%s: the World Bank sent no values of %s, only empty ones"), f->base, ind->code);
      return FALSE;
    }
  n_years = (guint) (last - first + 1);
  grid = g_new (double, (gsize) rows->len * n_years);
  for (gsize i = 0; i < (gsize) rows->len * n_years; i++)
    grid[i] = NAN;
  for (guint i = 0; i < ind->obs->len; i++)
    {
      Obs *o = &g_array_index (ind->obs, Obs, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, o->iso3));
      double *cell = &grid[(gsize) row * n_years + (guint) (o->year - first)];

      if (!isnan (*cell))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                       _("%s: %s has two values for %s in %d"), f->base, ind->code, o->iso3, o->year);
          return FALSE;
        }
      *cell = o->value;
    }

  g_string_append (out, "\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",");
  append_quoted (out, ind->lastupdated);
  g_string_append (out, ",\n\n\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\"");
  for (int y = first; y <= last; y++)
    g_string_append_printf (out, ",\"%d\"", y);
  g_string_append_c (out, '\n');
  for (guint r = 0; r < rows->len; r++)
    {
      Obs *o = g_ptr_array_index (rows, r);

      append_quoted (out, o->name);
      g_string_append_c (out, ',');
      append_quoted (out, o->iso3);
      g_string_append_c (out, ',');
      append_quoted (out, ind->name);
      g_string_append_c (out, ',');
      append_quoted (out, ind->code);
      for (guint y = 0; y < n_years; y++)
        {
          double v = grid[(gsize) r * n_years + y];
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_c (out, ',');
          if (!isnan (v))
            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, v));
        }
      g_string_append_c (out, '\n');
    }
  ind->path = g_build_filename (f->dir, base, NULL);
  if (!write_file (ind->path, out, error))
    return FALSE;

  g_string_assign (out, "\"INDICATOR_CODE\",\"INDICATOR_NAME\",\"SOURCE_NOTE\",\"SOURCE_ORGANIZATION\","
                        "\"UNIT_OF_MEASURE\",\"TOPIC\"\n");
  append_quoted (out, ind->code);
  g_string_append_c (out, ',');
  append_quoted (out, ind->name);
  g_string_append_c (out, ',');
  append_quoted (out, ind->note);
  g_string_append_c (out, ',');
  append_quoted (out, ind->organisation);
  g_string_append_c (out, ',');
  append_quoted (out, ind->unit);
  g_string_append_c (out, ',');
  append_quoted (out, ind->topic);
  g_string_append_c (out, '\n');
  return write_file (meta_path, out, error);
}

/* The worker --------------------------------------------------------------- */

static gboolean
fetch_all (Fetch         *f,
           GCancellable  *cancellable,
           GError       **error)
{
  for (guint i = 0; i < f->fetched->len; i++)
    {
      Fetched *ind = g_ptr_array_index (f->fetched, i);

      report (f, cancellable, i, 0, 0);
      if (!fetch_description (f, ind, cancellable, error)
          || !fetch_method (f, ind, cancellable, error)
          || !fetch_values (f, i, cancellable, error))
        return FALSE;
    }
  for (guint i = 0; i < f->fetched->len; i++)
    {
      Fetched *ind = g_ptr_array_index (f->fetched, i);

      if (ind->current)
        continue;
      if (f->dir == NULL && (f->dir = g_dir_make_tmp ("dsr-atlas-wb-XXXXXX", error)) == NULL)
        return FALSE;
      if (!write_files (f, ind, error))
        return FALSE;
      g_clear_pointer (&ind->obs, g_array_unref);
    }
  return TRUE;
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Fetch *f = task_data;
  GError *error = NULL;
  gboolean ok;

  /* The session lives and dies on this thread. */
  f->http = dsr_http_new (f->timeout, "dsr-atlas/" PACKAGE_VERSION " ", &error);
  f->strings = g_string_chunk_new (4096);
  ok = f->http != NULL && fetch_all (f, cancellable, &error);
  g_clear_pointer (&f->http, dsr_http_free);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The fetched files, through the World Bank importer (main thread). */
static void
import_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(DsrImportResult) result = NULL;
  GError *error = NULL;
  GPtrArray *problems;
  DsrStore *staging;

  result = dsr_importer_run_finish (res, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  problems = dsr_import_result_get_problems (result);
  for (guint i = 0; i < problems->len; i++)
    {
      const DsrImportProblem *p = g_ptr_array_index (problems, i);

      if (p->kind == DSR_IMPORT_PROBLEM_FILE_REJECTED)
        {
          g_task_return_error (task, g_error_copy (p->error));
          return;
        }
    }

  staging = dsr_import_result_get_staging (result);
  for (guint i = 0; i < f->fetched->len; i++)
    {
      Fetched *ind = g_ptr_array_index (f->fetched, i);
      DsrIndicator *indicator;

      if (ind->current)
        continue;
      indicator = dsr_store_get_indicator (staging, ind->code);
      if (indicator == NULL || dsr_store_count_values (staging, ind->code) == 0)
        {
          g_task_return_new_error (task, DSR_ERROR, DSR_ERROR_NO_DATA,
                                   _("%s: none of the World Bank's values of %s could be imported"),
                                   ind->path, ind->code);
          return;
        }
      dsr_indicator_set_vintage (indicator, ind->lastupdated);
      dsr_indicator_set_aggregation (indicator,
                                     dsr_aggregation_guess (dsr_indicator_get_name (indicator),
                                                            dsr_indicator_get_unit (indicator), ind->method));
    }
  f->result = g_steal_pointer (&result);
  g_task_return_boolean (task, TRUE);
}

static void
fetch_done (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < f->fetched->len; i++)
    {
      Fetched *ind = g_ptr_array_index (f->fetched, i);

      if (ind->path != NULL)
        g_ptr_array_add (files, g_file_new_for_path (ind->path));
    }
  if (files->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  dsr_importer_run_async (f->store, (GFile **) files->pdata, files->len, NULL,
                          g_task_get_cancellable (task), NULL, NULL, import_done, g_object_ref (task));
}

void
dsr_wb_update_fetch_async (DsrWbUpdate        *self,
                           DsrStore           *store,
                           GCancellable       *cancellable,
                           DsrWbProgressFunc   progress,
                           gpointer            progress_data,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Fetch *f;

  g_return_if_fail (DSR_IS_WB_UPDATE (self));
  g_return_if_fail (DSR_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dsr_wb_update_fetch_async);
  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("An update is already running"));
      return;
    }
  for (guint i = 0; self->codes[i] != NULL; i++)
    {
      GError *error = NULL;

      if (!dsr_wb_update_check_code (self->codes[i], &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  f = g_new0 (Fetch, 1);
  f->self = g_object_ref (self);
  f->store = g_object_ref (store);
  f->base = g_strdup (self->base);
  f->timeout = effective_timeout (self);
  f->context = g_main_context_ref_thread_default ();
  f->progress = progress;
  f->progress_data = progress_data;
  f->fetched = g_ptr_array_new_with_free_func (fetched_free);
  for (guint i = 0; self->codes[i] != NULL; i++)
    {
      Fetched *ind = g_new0 (Fetched, 1);
      DsrIndicator *known = dsr_store_get_indicator (store, self->codes[i]);

      ind->code = g_strdup (self->codes[i]);
      ind->known_vintage = g_strdup (known != NULL && dsr_store_count_values (store, ind->code) > 0
                                     ? dsr_indicator_get_vintage (known) : "");
      g_ptr_array_add (f->fetched, ind);
    }
  g_task_set_task_data (task, f, fetch_free);
  self->running = TRUE;

  worker = g_task_new (self, cancellable, fetch_done, g_object_ref (task));
  g_task_set_source_tag (worker, fetch_thread);
  g_task_set_task_data (worker, f, NULL);
  g_task_set_return_on_cancel (worker, FALSE);
  g_task_run_in_thread (worker, fetch_thread);
}

gboolean
dsr_wb_update_fetch_finish (DsrWbUpdate   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  GTask *task = G_TASK (result);
  Fetch *f;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  f = g_task_get_task_data (task);
  if (f == NULL)  /* refused before it started */
    return g_task_propagate_boolean (task, error);
  self->running = FALSE;

  /* Whatever came before goes: a failed update leaves nothing behind. */
  remove_dir (self->dir);
  g_clear_pointer (&self->dir, g_free);
  g_clear_object (&self->result);
  g_clear_pointer (&self->fetched, g_ptr_array_unref);
  g_clear_pointer (&self->current, g_ptr_array_unref);
  g_clear_pointer (&self->updated, g_ptr_array_unref);

  if (!g_task_propagate_boolean (task, &local))
    {
      remove_dir (f->dir);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  self->dir = g_steal_pointer (&f->dir);
  self->result = g_steal_pointer (&f->result);
  self->fetched = g_steal_pointer (&f->fetched);
  self->current = g_ptr_array_new ();
  self->updated = g_ptr_array_new ();
  for (guint i = 0; i < self->fetched->len; i++)
    {
      Fetched *ind = g_ptr_array_index (self->fetched, i);

      g_ptr_array_add (ind->current ? self->current : self->updated, ind->code);
    }
  g_ptr_array_add (self->current, NULL);
  g_ptr_array_add (self->updated, NULL);
  return TRUE;
}

static void
sync_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (res);
}

gboolean
dsr_wb_update_fetch_sync (DsrWbUpdate   *self,
                          DsrStore      *store,
                          GCancellable  *cancellable,
                          DsrWbProgressFunc progress,
                          gpointer       progress_data,
                          GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  dsr_wb_update_fetch_async (self, store, cancellable, progress, progress_data, sync_done, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  return dsr_wb_update_fetch_finish (self, result, error);
}

DsrImportResult *
dsr_wb_update_get_result (DsrWbUpdate *self)
{
  g_return_val_if_fail (DSR_IS_WB_UPDATE (self), NULL);
  return self->result;
}

static const char * const empty[] = { NULL };

const char * const *
dsr_wb_update_get_current (DsrWbUpdate *self)
{
  g_return_val_if_fail (DSR_IS_WB_UPDATE (self), NULL);
  return self->current ? (const char * const *) self->current->pdata : empty;
}

const char * const *
dsr_wb_update_get_updated (DsrWbUpdate *self)
{
  g_return_val_if_fail (DSR_IS_WB_UPDATE (self), NULL);
  return self->updated ? (const char * const *) self->updated->pdata : empty;
}

const char *
dsr_wb_update_get_lastupdated (DsrWbUpdate *self,
                               const char  *code)
{
  g_return_val_if_fail (DSR_IS_WB_UPDATE (self), "");
  for (guint i = 0; self->fetched != NULL && i < self->fetched->len; i++)
    {
      Fetched *ind = g_ptr_array_index (self->fetched, i);

      if (g_ascii_strcasecmp (ind->code, code) == 0)
        return ind->lastupdated ? ind->lastupdated : "";
    }
  return "";
}

gboolean
dsr_wb_update_commit (DsrWbUpdate  *self,
                      DsrStore     *store,
                      GError      **error)
{
  g_return_val_if_fail (DSR_IS_WB_UPDATE (self), FALSE);
  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);

  if (self->result == NULL)
    return TRUE;
  return dsr_import_result_commit (self->result, store, error);
}

char *
dsr_wb_update_describe (DsrWbUpdate *self,
                        DsrStore    *store)
{
  const char * const *updated = dsr_wb_update_get_updated (self);
  const char * const *current = dsr_wb_update_get_current (self);
  guint n = g_strv_length ((char **) updated);
  g_autoptr(GString) text = g_string_new (NULL);

  if (n == 0)
    {
      const char *date = current[0] ? dsr_wb_update_get_lastupdated (self, current[0]) : "";

      /* Translators: %s is a date, YYYY-MM-DD */
      return g_strdup_printf (_("Already up to date: the World Bank's data (updated %s) is not newer "
                                "than the atlas's"), date);
    }
  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Updated %u indicator", "Updated %u indicators", n), n);
  {
    DsrIndicator *indicator = dsr_store_get_indicator (store, updated[0]);
    g_autoptr(GArray) years = dsr_store_get_years (store, updated[0]);

    if (indicator != NULL && years != NULL && years->len > 0)
      {
        g_string_append (text, _("; "));
        /* Translators: INDICATOR now to YEAR (World Bank, updated DATE) */
        g_string_append_printf (text, _("%s now to %d (World Bank, updated %s)"),
                                dsr_indicator_get_name (indicator),
                                g_array_index (years, int, years->len - 1),
                                dsr_wb_update_get_lastupdated (self, updated[0]));
      }
  }
  if (current[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) current);

      g_string_append (text, _("; "));
      /* Translators: %s lists indicator codes */
      g_string_append_printf (text, _("already up to date: %s"), list);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
