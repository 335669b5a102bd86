/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-import-library.h"
#include "dsr-importer.h"
#include "dsr-store.h"

G_BEGIN_DECLS

/* Bringing World Development Indicators up to date from the World Bank's
 * public API v2 (only when the user asks: nothing else in the app touches
 * the network).
 *
 * For each indicator: its description (/v2/indicator/CODE), its aggregation
 * method (/v2/sources/2/series/CODE/metadata), then every page of its values
 * (/v2/country/all/indicator/CODE?format=json&per_page=20000&date=1990:YEAR).
 * The values are written as the World Bank's own CSV files (API_CODE_….csv
 * with its "Last Updated Date", and Metadata_Indicator_API_CODE_….csv) and
 * read by the app's World Bank importer, so that what is fetched is imported,
 * merged and remembered exactly like a downloaded file.
 *
 * All or nothing: an answer that is not JSON, truncated, an error message,
 * an empty or missing page, a page count or total that does not hold, a
 * value that is not a number, a timeout or Cancel fails the whole update,
 * and the store is not touched. An indicator whose fetched "lastupdated"
 * is not newer than the store's vintage is left as it is. */

/* The environment variable with the API's base address (a mirror, or the
 * tests' local server). */
#define DSR_WB_API_BASE_ENV     "DSR_WB_API_BASE"
#define DSR_WB_API_DEFAULT_BASE "https://api.worldbank.org"
/* Seconds an answer may keep the update waiting (the environment variable
 * DSR_WB_API_TIMEOUT overrides it). */
#define DSR_WB_API_TIMEOUT_ENV  "DSR_WB_API_TIMEOUT"
#define DSR_WB_API_DEFAULT_TIMEOUT 60

/* Reported on the main context of the thread that started the update. */
typedef struct
{
  const char *code;         /* the indicator being fetched */
  guint       index;        /* its index among n_indicators */
  guint       n_indicators;
  guint       page;         /* the page being fetched, 0 for the description */
  guint       n_pages;      /* 0 until the first page came */
  double      fraction;     /* 0 to 1 */
} DsrWbProgress;

typedef void (*DsrWbProgressFunc) (const DsrWbProgress *progress,
                                   gpointer             user_data);

#define DSR_TYPE_WB_UPDATE (dsr_wb_update_get_type ())
G_DECLARE_FINAL_TYPE (DsrWbUpdate, dsr_wb_update, DSR, WB_UPDATE, GObject)

const char * const *dsr_wb_update_default_codes (void);
gboolean         dsr_wb_update_check_code      (const char         *code,
                                                GError            **error);

/* @codes: WDI codes, or NULL for dsr_wb_update_default_codes(). */
DsrWbUpdate     *dsr_wb_update_new             (const char * const *codes);
/* NULL: $DSR_WB_API_BASE, else DSR_WB_API_DEFAULT_BASE. */
void             dsr_wb_update_set_base        (DsrWbUpdate        *self,
                                                const char         *base);
const char      *dsr_wb_update_get_base        (DsrWbUpdate        *self);
/* 0: $DSR_WB_API_TIMEOUT, else DSR_WB_API_DEFAULT_TIMEOUT. */
void             dsr_wb_update_set_timeout     (DsrWbUpdate        *self,
                                                guint               seconds);

/* Fetches (on a worker thread) and imports into a staging store; @store is
 * only read (its indicators' vintages, its economies), on the main thread. */
void             dsr_wb_update_fetch_async     (DsrWbUpdate        *self,
                                                DsrStore           *store,
                                                GCancellable       *cancellable,
                                                DsrWbProgressFunc   progress,
                                                gpointer            progress_data,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean         dsr_wb_update_fetch_finish    (DsrWbUpdate        *self,
                                                GAsyncResult       *result,
                                                GError            **error);
/* The same, waiting (progress is reported from within). */
gboolean         dsr_wb_update_fetch_sync      (DsrWbUpdate        *self,
                                                DsrStore           *store,
                                                GCancellable       *cancellable,
                                                DsrWbProgressFunc   progress,
                                                gpointer            progress_data,
                                                GError            **error);

/* After a successful fetch: the import (NULL when every indicator was
 * already up to date), the codes already up to date, and the World Bank's
 * "lastupdated" of @code ("" when not fetched). */
DsrImportResult *dsr_wb_update_get_result      (DsrWbUpdate        *self);
const char * const *dsr_wb_update_get_current  (DsrWbUpdate        *self);
const char * const *dsr_wb_update_get_updated  (DsrWbUpdate        *self);
const char      *dsr_wb_update_get_lastupdated (DsrWbUpdate        *self,
                                                const char         *code);

/* Merges the fetched values into @store (newer vintages replace the bundled
 * values of their indicators); all or nothing. */
gboolean         dsr_wb_update_commit          (DsrWbUpdate        *self,
                                                DsrStore           *store,
                                                GError            **error);
/* One sentence for people: "Updated 5 indicators; Individuals using the
 * Internet now to 2024 (World Bank, updated 2025-07-01)". Call after
 * dsr_wb_update_commit(). */
char            *dsr_wb_update_describe        (DsrWbUpdate        *self,
                                                DsrStore           *store);

G_END_DECLS
