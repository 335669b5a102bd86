/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "dsr-error.h"
#include "dsr-import-library.h"
#include "dsr-test-utils.h"
#include "dsr-wb-update.h"

/* The update from the World Bank's API against a local SoupServer on
 * 127.0.0.1 (port 0) in this process, answering in the API's recorded
 * shapes: several pages, an error message, truncated and non-JSON answers,
 * pages and totals that do not hold, a slow server. No test touches the
 * internet. The values served are made up for the test, not the World
 * Bank's. */

#define CODE "IT.NET.USER.ZS"
#define NAME "Individuals using the Internet (% of population)"
#define OLD_VINTAGE "2024-12-16"
#define NEW_VINTAGE "2026-07-01"

typedef enum
{
  MODE_OK,
  MODE_ERROR_MESSAGE,   /* the data answer is an error message */
  MODE_TRUNCATED,       /* page 2 stops in the middle */
  MODE_NOT_JSON,        /* an HTML page */
  MODE_EMPTY_PAGE,      /* pages says 3, page 2 is empty */
  MODE_PAGES_GROW,      /* pages says 3, page 3 says 4 */
  MODE_TOTAL_LIES,      /* total says 12, 9 come */
  MODE_NOT_NUMBER,      /* a value "n/a" */
  MODE_SLOW,            /* page 1 never answers */
  MODE_HTTP_500,
} Mode;

/* Three economies (one an aggregate) by three years, three rows a page. */
static const char * const iso3[] = { "CHN", "DEU", "WLD" };
static const char * const iso2[] = { "CN", "DE", "1W" };
static const char * const names[] = { "China", "Germany", "World" };

static double
served_value (guint country,
              int   year)
{
  return 10.0 * (country + 1) + (year - 2020) + 0.25;
}

typedef struct
{
  SoupServer   *server;
  char         *base;
  Mode          mode;
  const char   *lastupdated;
  guint         n_data_requests;
  GCancellable *cancel_on_slow;   /* cancelled when the slow request arrives */
  DsrStore     *store;
  guint         n_progress;
  double        last_fraction;
} Fixture;

static char *
data_page (Fixture *fx,
           guint    page)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint pages = fx->mode == MODE_PAGES_GROW && page == 3 ? 4 : 3;
  guint total = fx->mode == MODE_TOTAL_LIES ? 12 : 9;
  int year = 2025 - (int) page;  /* page 1: 2024, page 2: 2023, page 3: 2022 */

  /* with the byte order mark the API may send */
  g_string_printf (out, "\xEF\xBB\xBF[{\"page\":%u,\"pages\":%u,\"per_page\":3,\"total\":%u,\"sourceid\":\"2\","
                        "\"lastupdated\":\"%s\"},[",
                   page, pages, total, fx->lastupdated);
  if (fx->mode == MODE_EMPTY_PAGE && page == 2)
    {
      g_string_append (out, "]]");
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  for (guint c = 0; c < G_N_ELEMENTS (iso3) && page <= 3; c++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      if (c == 1 && year == 2024)
        strcpy (value, "null");  /* Germany has no 2024 value yet */
      else if (fx->mode == MODE_NOT_NUMBER && c == 0 && year == 2023)
        strcpy (value, "\"n/a\"");
      else
        g_ascii_dtostr (value, sizeof value, served_value (c, year));
      g_string_append_printf (out, "%s{\"indicator\":{\"id\":\"" CODE "\",\"value\":\"%s\"},"
                                   "\"country\":{\"id\":\"%s\",\"value\":\"%s\"},\"countryiso3code\":\"%s\","
                                   "\"date\":\"%d\",\"value\":%s,\"unit\":\"\",\"obs_status\":\"\",\"decimal\":1}",
                              c > 0 ? "," : "", NAME, iso2[c], names[c], iso3[c], year, value);
    }
  g_string_append (out, "]]");
  if (fx->mode == MODE_TRUNCATED && page == 2)
    g_string_truncate (out, out->len / 2);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char error_answer[] =
  "[{\"message\":[{\"id\":\"120\",\"key\":\"Invalid value\",\"value\":\"The provided parameter value is not valid\"}]}]";

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *fx = user_data;
  g_autofree char *body = NULL;
  const char *type = "application/json;charset=utf-8";

  if (g_str_has_prefix (path, "/v2/indicator/"))
    {
      const char *code = path + strlen ("/v2/indicator/");

      if (strcmp (code, CODE) == 0)
        body = g_strdup ("[{\"page\":1,\"pages\":1,\"per_page\":\"50\",\"total\":1},[{\"id\":\"" CODE "\","
                         "\"name\":\"" NAME "\",\"unit\":\"\",\"source\":{\"id\":\"2\",\"value\":\"World "
                         "Development Indicators\"},\"sourceNote\":\"Internet users are individuals who "
                         "have used the Internet.\",\"sourceOrganization\":\"International "
                         "Telecommunication Union (ITU)\",\"topics\":[{\"id\":\"19\",\"value\":"
                         "\"Infrastructure \"}]}]]");
      else
        body = g_strdup (error_answer);
    }
  else if (g_str_has_prefix (path, "/v2/sources/2/series/"))
    body = g_strdup ("{\"page\":1,\"pages\":1,\"per_page\":\"50\",\"total\":1,\"source\":[{\"id\":\"2\","
                     "\"concept\":[{\"id\":\"Series\",\"variable\":[{\"id\":\"" CODE "\",\"metatype\":["
                     "{\"id\":\"IndicatorName\",\"value\":\"" NAME "\"},"
                     "{\"id\":\"Aggregationmethod\",\"value\":\"Weighted average\"}]}]}]}]}");
  else if (g_str_has_prefix (path, "/v2/country/all/indicator/"))
    {
      const char *page_text = query ? g_hash_table_lookup (query, "page") : NULL;
      guint page = page_text ? (guint) g_ascii_strtoull (page_text, NULL, 10) : 1;

      g_assert_cmpstr (g_hash_table_lookup (query, "format"), ==, "json");
      g_assert_cmpstr (g_hash_table_lookup (query, "per_page"), ==, "20000");
      g_assert_true (g_str_has_prefix (g_hash_table_lookup (query, "date"), "1990:"));
      fx->n_data_requests++;
      switch (fx->mode)
        {
        case MODE_ERROR_MESSAGE:
          body = g_strdup (error_answer);
          break;
        case MODE_NOT_JSON:
          type = "text/html";
          body = g_strdup ("<html><body>Service Unavailable</body></html>");
          break;
        case MODE_HTTP_500:
          soup_server_message_set_status (msg, 500, NULL);
          soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "oops", 4);
          return;
        case MODE_SLOW:
          soup_server_message_pause (msg);
          if (fx->cancel_on_slow != NULL)
            g_cancellable_cancel (fx->cancel_on_slow);
          return;
        case MODE_OK:
        case MODE_TRUNCATED:
        case MODE_EMPTY_PAGE:
        case MODE_PAGES_GROW:
        case MODE_TOTAL_LIES:
        case MODE_NOT_NUMBER:
        default:
          body = data_page (fx, page);
          break;
        }
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static DsrStore *
store_with_bundled_series (void)
{
  static const char * const countries[] = { "CHN", "DEU", "USA", NULL };
  DsrStore *store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) indicator = dsr_indicator_new (CODE, "Internet use", "% of population",
                                                         DSR_THEME_INFRASTRUCTURE, "bundled", 1, TRUE, "");
  g_autoptr(GError) error = NULL;

  dsr_indicator_set_vintage (indicator, OLD_VINTAGE);
  g_assert_true (dsr_store_add_indicator (store, indicator, &error));
  /* "bundled" values: China 2022 and 2023 (replaced), the USA 2021 (kept) */
  g_assert_true (dsr_store_add_observation (store, CODE, "CHN", 2022, 1.0, DSR_QUALIFIER_EXACT, "bundled", "", &error));
  g_assert_true (dsr_store_add_observation (store, CODE, "CHN", 2023, 2.0, DSR_QUALIFIER_EXACT, "bundled", "", &error));
  g_assert_true (dsr_store_add_observation (store, CODE, "USA", 2021, 3.0, DSR_QUALIFIER_EXACT, "bundled", "", &error));
  g_assert_no_error (error);
  return store;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  fx->server = soup_server_new ("server-header", "dsr-test ", NULL);
  soup_server_add_handler (fx->server, NULL, handler, fx, NULL);
  g_assert_true (soup_server_listen_local (fx->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fx->server);
  g_assert_nonnull (uris);
  fx->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  fx->lastupdated = NEW_VINTAGE;
  fx->store = store_with_bundled_series ();
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  soup_server_disconnect (fx->server);
  g_clear_object (&fx->server);
  g_clear_object (&fx->store);
  g_clear_object (&fx->cancel_on_slow);
  g_free (fx->base);
  /* Let the closed connections' sources go. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_progress (const DsrWbProgress *progress,
             gpointer             user_data)
{
  Fixture *fx = user_data;

  g_assert_nonnull (progress->code);
  g_assert_cmpfloat (progress->fraction, >=, fx->last_fraction);
  fx->last_fraction = progress->fraction;
  fx->n_progress++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Fetches @codes from the test server with the main loop (and so the
 * server) running, and commits on success. */
static gboolean
run_update (Fixture      *fx,
            DsrWbUpdate  *update,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dsr_wb_update_set_base (update, fx->base);
  dsr_wb_update_fetch_async (update, fx->store, cancellable, on_progress, fx, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!dsr_wb_update_fetch_finish (update, result, error))
    return FALSE;
  return dsr_wb_update_commit (update, fx->store, error);
}

static guint
count_update_dirs (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "dsr-atlas-wb-"))
      n++;
  return n;
}

static void
test_pages (Fixture       *fx,
            gconstpointer  data)
{
  const char * const codes[] = { CODE, NULL };
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (codes);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  DsrIndicator *indicator;
  DsrObservation obs;

  g_assert_true (run_update (fx, update, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->n_data_requests, ==, 3);
  g_assert_cmpuint (fx->n_progress, >=, 4);
  g_assert_cmpstrv (dsr_wb_update_get_updated (update), codes);
  g_assert_cmpstr (dsr_wb_update_get_lastupdated (update, CODE), ==, NEW_VINTAGE);

  /* The newer vintage replaced the bundled values; the bundled indicator
   * takes the vintage; values the update lacks stay. */
  indicator = dsr_store_get_indicator (fx->store, CODE);
  g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, NEW_VINTAGE);
  for (guint c = 0; c < G_N_ELEMENTS (iso3); c++)
    for (int year = 2022; year <= 2024; year++)
      {
        if (c == 1 && year == 2024)
          {
            g_assert_false (dsr_store_lookup (fx->store, CODE, iso3[c], year, NULL));
            continue;
          }
        g_assert_true (dsr_store_lookup (fx->store, CODE, iso3[c], year, &obs));
        g_assert_cmpfloat (obs.value, ==, served_value (c, year));
        g_assert_nonnull (strstr (obs.source, NEW_VINTAGE));
      }
  g_assert_true (dsr_store_lookup (fx->store, CODE, "USA", 2021, &obs));
  g_assert_cmpfloat (obs.value, ==, 3.0);
  /* The world stays a reported aggregate. */
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (fx->store, "WLD")), ==, DSR_ENTITY_WORLD);

  summary = dsr_wb_update_describe (update, fx->store);
  g_assert_cmpstr (summary, ==, "Updated 1 indicator; Internet use now to 2024 (World Bank, updated "
                                NEW_VINTAGE ")");
  g_assert_cmpuint (count_update_dirs (), ==, 1);
  g_clear_object (&update);
  g_assert_cmpuint (count_update_dirs (), ==, 0);
}

/* A code new to the store: its name, unit, source note and aggregation
 * come from the API's metadata. */
static void
test_new_indicator (Fixture       *fx,
                    gconstpointer  data)
{
  static const char * const countries[] = { "CHN", "DEU", NULL };
  const char * const codes[] = { CODE, NULL };
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (codes);
  g_autoptr(GError) error = NULL;
  DsrIndicator *indicator;

  g_set_object (&fx->store, NULL);
  fx->store = dsr_test_store_with_countries (countries);
  g_assert_true (run_update (fx, update, NULL, &error));
  g_assert_no_error (error);
  indicator = dsr_store_get_indicator (fx->store, CODE);
  g_assert_nonnull (indicator);
  g_assert_cmpstr (dsr_indicator_get_name (indicator), ==, "Individuals using the Internet");
  g_assert_cmpstr (dsr_indicator_get_unit (indicator), ==, "% of population");
  g_assert_cmpstr (dsr_indicator_get_vintage (indicator), ==, NEW_VINTAGE);
  g_assert_cmpint (dsr_indicator_get_aggregation (indicator), ==, DSR_AGGREGATION_MEAN);
  g_assert_nonnull (strstr (dsr_indicator_get_description (indicator), "used the Internet"));
  g_assert_cmpuint (dsr_store_count_values (fx->store, CODE), ==, 8);
}

/* The same "lastupdated" as the store's: nothing more is fetched, nothing
 * changes. */
static void
test_up_to_date (Fixture       *fx,
                 gconstpointer  data)
{
  const char * const codes[] = { CODE, NULL };
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (codes);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dsr_test_digest (fx->store);
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;

  fx->lastupdated = OLD_VINTAGE;
  g_assert_true (run_update (fx, update, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->n_data_requests, ==, 1);
  g_assert_null (dsr_wb_update_get_result (update));
  g_assert_cmpstrv (dsr_wb_update_get_current (update), codes);
  after = dsr_test_digest (fx->store);
  g_assert_cmpstr (before, ==, after);
  summary = dsr_wb_update_describe (update, fx->store);
  g_assert_nonnull (strstr (summary, "Already up to date"));
}

/* Each bad answer: an error naming it, the store unchanged, no files left. */
typedef struct
{
  Mode        mode;
  const char *code;
  GQuark      domain;
  int         error_code;
  const char *message;
} BadCase;

static void
test_bad (Fixture       *fx,
          gconstpointer  data)
{
  const BadCase *bad = data;
  const char * const codes[] = { bad->code, NULL };
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (codes);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dsr_test_digest (fx->store);
  g_autofree char *after = NULL;

  fx->mode = bad->mode;
  dsr_wb_update_set_timeout (update, 1);
  g_assert_false (run_update (fx, update, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (bad->domain != 0)
    g_assert_error (error, bad->domain, bad->error_code);
  g_assert_nonnull (strstr (error->message, bad->message));
  after = dsr_test_digest (fx->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (dsr_indicator_get_vintage (dsr_store_get_indicator (fx->store, CODE)), ==, OLD_VINTAGE);
  g_assert_null (dsr_wb_update_get_result (update));
  g_assert_cmpuint (count_update_dirs (), ==, 0);
}

static const BadCase bad_cases[] = {
  { MODE_ERROR_MESSAGE, CODE, 0, 0, "The provided parameter value is not valid" },
  { MODE_OK, "NO.SUCH.CODE", 0, 0, "The provided parameter value is not valid" },
  { MODE_TRUNCATED, CODE, 0, 0, "not valid JSON" },
  { MODE_NOT_JSON, CODE, 0, 0, "not valid JSON" },
  { MODE_EMPTY_PAGE, CODE, 0, 0, "page 2 of 3 is empty" },
  { MODE_PAGES_GROW, CODE, 0, 0, "page 3 says it is page 3 of 4" },
  { MODE_TOTAL_LIES, CODE, 0, 0, "the World Bank said 12" },
  { MODE_NOT_NUMBER, CODE, 0, 0, "(CHN, 2023): “n/a” is not a number" },
  { MODE_HTTP_500, CODE, 0, 0, "answered 500" },
  { MODE_SLOW, CODE, 0, 0, "no answer within 1 second" },
};
static const char * const bad_names[] = {
  "error-message", "unknown-indicator", "truncated", "not-json", "empty-page", "pages-grow",
  "total-lies", "not-a-number", "http-500", "timeout",
};
G_STATIC_ASSERT (G_N_ELEMENTS (bad_cases) == G_N_ELEMENTS (bad_names));

/* Cancel while the server keeps the update waiting. */
static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  const char * const codes[] = { CODE, NULL };
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (codes);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dsr_test_digest (fx->store);
  g_autofree char *after = NULL;

  fx->mode = MODE_SLOW;
  fx->cancel_on_slow = g_cancellable_new ();
  /* Longer than any test run: only Cancel ends the wait. */
  dsr_wb_update_set_timeout (update, 3600);
  g_assert_false (run_update (fx, update, fx->cancel_on_slow, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dsr_test_digest (fx->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_update_dirs (), ==, 0);
}

/* Nobody listening: a clear message. */
static void
test_offline (Fixture       *fx,
              gconstpointer  data)
{
  const char * const codes[] = { CODE, NULL };
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (codes);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *before = dsr_test_digest (fx->store);
  g_autofree char *after = NULL;

  /* The port of a server that has just gone. */
  soup_server_disconnect (fx->server);
  dsr_wb_update_set_base (update, fx->base);
  dsr_wb_update_fetch_async (update, fx->store, NULL, NULL, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dsr_wb_update_fetch_finish (update, result, &error));
  g_assert_nonnull (strstr (error->message, "could not reach the World Bank"));
  after = dsr_test_digest (fx->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_code (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dsr_wb_update_check_code ("FX.OWN.TOTL.ZS", NULL));
  g_assert_false (dsr_wb_update_check_code ("IT.NET/../x", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_assert_false (dsr_wb_update_check_code ("", NULL));
  g_assert_cmpstrv (dsr_wb_update_default_codes (),
                    ((const char * const[]) { "IT.NET.USER.ZS", "IT.NET.BBND.P2", "IT.CEL.SETS.P2",
                                              "SP.POP.TOTL", "BX.GSR.CCIS.CD", NULL }));
}

static void
test_base (void)
{
  g_autoptr(DsrWbUpdate) update = NULL;

  g_unsetenv (DSR_WB_API_BASE_ENV);
  update = dsr_wb_update_new (NULL);
  g_assert_cmpstr (dsr_wb_update_get_base (update), ==, "https://api.worldbank.org");
  g_setenv (DSR_WB_API_BASE_ENV, "http://mirror.example/", TRUE);
  dsr_wb_update_set_base (update, NULL);
  g_assert_cmpstr (dsr_wb_update_get_base (update), ==, "http://mirror.example");
  g_unsetenv (DSR_WB_API_BASE_ENV);
}

/* dsr_store_merge: a staged indicator of a newer vintage replaces the
 * bundled values; of the same or an older one, the bundled values win. */
static void
merge_vintage (const char *vintage,
               gboolean    replaces)
{
  g_autoptr(DsrStore) store = store_with_bundled_series ();
  g_autoptr(DsrStore) staging = dsr_store_new ();
  g_autoptr(DsrIndicator) staged = dsr_indicator_new (CODE, "Internet use", "% of population",
                                                      DSR_THEME_INFRASTRUCTURE, "import", 1, TRUE, "");
  g_autoptr(DsrEntity) china = dsr_entity_new ("CHN", DSR_ENTITY_COUNTRY, "China", 156);
  g_autoptr(GError) error = NULL;
  DsrMergeStats stats;
  DsrObservation obs;

  dsr_indicator_set_vintage (staged, vintage);
  g_assert_true (dsr_store_add_entity (staging, china, &error));
  g_assert_true (dsr_store_add_indicator (staging, staged, &error));
  g_assert_true (dsr_store_add_observation (staging, CODE, "CHN", 2022, 50.0, DSR_QUALIFIER_EXACT, "new", "", &error));
  g_assert_true (dsr_store_add_observation (staging, CODE, "CHN", 2024, 52.0, DSR_QUALIFIER_EXACT, "new", "", &error));
  g_assert_true (dsr_store_merge (store, staging, "test", &stats, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (dsr_store_lookup (store, CODE, "CHN", 2022, &obs));
  g_assert_cmpfloat (obs.value, ==, replaces ? 50.0 : 1.0);
  g_assert_true (dsr_store_lookup (store, CODE, "CHN", 2024, &obs));
  g_assert_cmpfloat (obs.value, ==, 52.0);
  g_assert_true (dsr_store_lookup (store, CODE, "CHN", 2023, &obs));
  g_assert_cmpfloat (obs.value, ==, 2.0);
  g_assert_cmpuint (stats.n_superseded, ==, replaces ? 1 : 0);
  g_assert_cmpuint (stats.n_kept, ==, replaces ? 0 : 1);
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, 4);
  g_assert_cmpstr (dsr_indicator_get_vintage (dsr_store_get_indicator (store, CODE)), ==,
                   replaces ? vintage : OLD_VINTAGE);
}

static void
test_merge_vintage (void)
{
  merge_vintage ("2025-07-01", TRUE);
  merge_vintage (OLD_VINTAGE, FALSE);
  merge_vintage ("2023-01-01", FALSE);
  merge_vintage ("", FALSE);
}

/* Remembered in the library: a new start loads it again, with its vintage. */
static void
test_remember (Fixture       *fx,
               gconstpointer  data)
{
  static const char * const countries[] = { "CHN", "DEU", "USA", NULL };
  const char * const codes[] = { CODE, NULL };
  g_autoptr(DsrWbUpdate) update = dsr_wb_update_new (codes);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrImportEntry) entry = NULL;
  g_autoptr(DsrStore) again = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  DsrObservation obs;

  g_assert_true (run_update (fx, update, NULL, &error));
  entry = dsr_import_library_remember (dsr_wb_update_get_result (update), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (entry->indicators, codes);

  again = dsr_test_store_with_countries (countries);
  g_assert_true (dsr_import_library_load_sync (again, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (dsr_indicator_get_vintage (dsr_store_get_indicator (again, CODE)), ==, NEW_VINTAGE);
  g_assert_true (dsr_store_lookup (again, CODE, "CHN", 2023, &obs));
  g_assert_cmpfloat (obs.value, ==, served_value (0, 2023));
}

/* The real program: dsr-atlas --update IT.NET.USER.ZS against the test
 * server (running in this process's main loop). */
static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A launcher for dsr-atlas against the test server, its imports library in
 * the test's data directory; NULL (the test skipped) without DSR_ATLAS. */
static GSubprocessLauncher *
cli_launcher (Fixture *fx)
{
  GSubprocessLauncher *launcher;

  if (g_getenv ("DSR_ATLAS") == NULL)
    {
      g_test_skip ("DSR_ATLAS is not set");
      return NULL;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, DSR_WB_API_BASE_ENV, fx->base, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  return launcher;
}

/* Runs dsr-atlas with @... (NULL-terminated) from @launcher, the main loop
 * (and so the test server) running; returns its exit status. */
G_GNUC_NULL_TERMINATED static int
run_cli (GSubprocessLauncher  *launcher,
         char                **out,
         char                **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DSR_ATLAS"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, on_communicated, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_communicate_utf8_finish (child, result, out, err, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", *out, *err);
  g_assert_true (g_subprocess_get_if_exited (child));
  return g_subprocess_get_exit_status (child);
}

static void
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(DsrStore) store = NULL;
  DsrObservation obs;

  if (launcher == NULL)
    return;
  g_assert_cmpint (run_cli (launcher, &out, &err, "--update", CODE, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Updated 1 indicator;"));
  g_assert_nonnull (strstr (out, NEW_VINTAGE));
  g_assert_cmpuint (fx->n_data_requests, ==, 3);

  /* Remembered: the next start (the bundled pack, then the library) has
   * the new vintage and the served values. */
  entries = dsr_import_library_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  store = dsr_test_load_bundled ();
  g_assert_true (dsr_import_library_load_sync (store, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dsr_indicator_get_vintage (dsr_store_get_indicator (store, CODE)), ==, NEW_VINTAGE);
  g_assert_true (dsr_store_lookup (store, CODE, "CHN", 2023, &obs));
  g_assert_cmpfloat (obs.value, ==, served_value (0, 2023));
}

/* A failing update from the command line: exit status 1 and nothing
 * remembered. */
static void
test_cli_fails (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (launcher == NULL)
    return;
  fx->mode = MODE_EMPTY_PAGE;
  g_assert_cmpint (run_cli (launcher, &out, &err, "--update", CODE, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nothing was changed"));
  g_assert_nonnull (strstr (err, "page 2 of 3 is empty"));
  entries = dsr_import_library_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* Without its network module (an incomplete installation) the update says
 * what is missing and changes nothing; nothing else needs the module. */
static void
test_cli_no_module (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *png = g_build_filename (g_get_tmp_dir (), "no-module.png", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  if (launcher == NULL)
    return;
  g_subprocess_launcher_setenv (launcher, "DSR_HTTP_MODULE", "/nonexistent/libdsr-http.so", TRUE);
  g_assert_cmpint (run_cli (launcher, &out, &err, "--update", CODE, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "network module is missing"));
  g_assert_nonnull (strstr (err, "/nonexistent/libdsr-http.so"));
  g_assert_nonnull (strstr (err, "nothing was changed"));
  g_assert_cmpuint (fx->n_data_requests, ==, 0);
  entries = dsr_import_library_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);

  /* An export needs no network module. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (launcher, &out, &err, "--export", png, "--view", "map", "--indicator", CODE, NULL),
                   ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_unlink (png);
}

/* A code that is not one: a usage error, before anything is fetched. */
static void
test_cli_bad_code (void)
{
  const char *argv[] = { g_getenv ("DSR_ATLAS"), "--update", "IT.NET/../x", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (argv[0] == NULL)
    {
      g_test_skip ("DSR_ATLAS is not set");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_assert_nonnull (strstr (err, "“IT.NET/../x” is not a World Bank indicator code"));
}

int
main (int   argc,
      char *argv[])
{
  /* not g_get_tmp_dir (): it would keep the directory it finds first */
  g_autofree char *tmp = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                                           "dsr-update-test-XXXXXX", NULL);
  int status;

  /* The update's own temporary files go here, to count them. */
  g_assert_nonnull (g_mkdtemp (tmp));
  g_setenv ("TMPDIR", tmp, TRUE);
  /* No system proxy settings (the isolated directories have no GSettings
   * schemas): the server is on 127.0.0.1. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/update/code", test_bad_code);
  g_test_add_func ("/update/base", test_base);
  g_test_add_func ("/update/merge-vintage", test_merge_vintage);
  g_test_add ("/update/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/update/new-indicator", Fixture, NULL, fixture_setup, test_new_indicator, fixture_teardown);
  g_test_add ("/update/up-to-date", Fixture, NULL, fixture_setup, test_up_to_date, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/update/bad/%s", bad_names[i]);

      g_test_add (path, Fixture, &bad_cases[i], fixture_setup, test_bad, fixture_teardown);
    }
  g_test_add ("/update/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/update/offline", Fixture, NULL, fixture_setup, test_offline, fixture_teardown);
  g_test_add ("/update/remember", Fixture, NULL, fixture_setup, test_remember, fixture_teardown);
  g_test_add ("/update/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  g_test_add_func ("/update/cli-bad-code", test_cli_bad_code);
  g_test_add ("/update/cli-fails", Fixture, NULL, fixture_setup, test_cli_fails, fixture_teardown);
  g_test_add ("/update/cli-no-module", Fixture, NULL, fixture_setup, test_cli_no_module, fixture_teardown);

  status = g_test_run ();
  dsr_test_rm_rf (tmp);
  return status;
}
