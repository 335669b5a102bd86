/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-store.h"

G_BEGIN_DECLS

/* Importers of the files analysts already have (see DESIGN.md, "Import
 * formats users already have"). An import reads one or more files on a
 * worker thread into a staging store, then dsr_import_result_commit() merges
 * it into the application's store on the main thread, all or nothing.
 *
 *   World Bank   API_<code>_DS2_<lang>_csv_v2_<n>.csv (any language; with or
 *                without its preamble), the bulk WDICSV.csv / WDIData.csv,
 *                and beside them Metadata_Country_*.csv, Metadata_Indicator_*.csv,
 *                WDICountry.csv, WDISeries.csv (found automatically)
 *   OWID         Entity,Code,Year,<one or more value columns>
 *   tidy         one observation a row: country (ISO3 or name), indicator,
 *                year, value, optional unit and source, under the usual
 *                header spellings; or any CSV with a DsrColumnMapping
 *
 * Zip archives are not read: GLib and the rest of the stack have no zip
 * reader; unpack the World Bank download first. */

typedef enum
{
  DSR_IMPORT_FORMAT_UNKNOWN,
  DSR_IMPORT_FORMAT_WORLD_BANK,          /* id columns then one column a year */
  DSR_IMPORT_FORMAT_WB_COUNTRY_META,     /* Metadata_Country_*.csv, WDICountry.csv */
  DSR_IMPORT_FORMAT_WB_INDICATOR_META,   /* Metadata_Indicator_*.csv, WDISeries.csv */
  DSR_IMPORT_FORMAT_OWID,
  DSR_IMPORT_FORMAT_TIDY,
} DsrImportFormat;

const char      *dsr_import_format_to_string   (DsrImportFormat format);
const char      *dsr_import_format_to_label    (DsrImportFormat format);

gboolean         dsr_import_detect             (GFile            *file,
                                                GCancellable     *cancellable,
                                                DsrImportFormat  *format,
                                                char           ***header,
                                                GError          **error);

/* Which column holds what, for a file detection does not recognise (the
 * import dialog's column mapping, the command line's --columns). Each is a
 * header name (ASCII case-insensitive) or a 1-based column number; NULL when
 * absent. country, year and value are required; without an indicator
 * column every row belongs to indicator_id (NULL: made from the file name).
 * The country column may hold ISO3 codes, names, or numeric ISO 3166 / UN M49
 * codes (UNCTADstat's "Economy": 156 for China, 0 for the World). */
typedef struct
{
  char *country;
  char *indicator;
  char *year;
  char *value;
  char *unit;
  char *source;
  char *indicator_id;
  char *filter;   /* "COLUMN=VALUE[;COLUMN=VALUE...]": only the rows whose columns hold
                   * these values are read (e.g. "Flow=2" for the exports of a file
                   * that has imports and exports); NULL: every row */
} DsrColumnMapping;

#define DSR_TYPE_COLUMN_MAPPING (dsr_column_mapping_get_type ())

GType             dsr_column_mapping_get_type  (void) G_GNUC_CONST;
DsrColumnMapping *dsr_column_mapping_new       (void);
DsrColumnMapping *dsr_column_mapping_copy      (const DsrColumnMapping *mapping);
void              dsr_column_mapping_free      (DsrColumnMapping       *mapping);
DsrColumnMapping *dsr_column_mapping_parse     (const char             *spec,
                                                GError                **error);
char             *dsr_column_mapping_to_string (const DsrColumnMapping *mapping);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrColumnMapping, dsr_column_mapping_free)

/* Reported while an import runs, FROM THE WORKER THREAD: a GUI must not
 * touch widgets in the callback but pass the figures to the main loop (e.g.
 * copy them and g_main_context_invoke() or g_idle_add()). */
typedef struct
{
  GFile   *file;        /* the file being read */
  guint    file_index;  /* its index among n_files (metadata files included) */
  guint    n_files;
  guint64  bytes_done;  /* over all files */
  guint64  bytes_total;
  guint64  n_rows;      /* data rows read so far */
  double   fraction;    /* 0 to 1 */
} DsrImportProgress;

typedef void (*DsrImportProgressFunc) (const DsrImportProgress *progress,
                                       gpointer                 user_data);

typedef enum
{
  DSR_IMPORT_PROBLEM_NOTE,           /* imported, but worth knowing */
  DSR_IMPORT_PROBLEM_VALUE_SKIPPED,  /* one value left out */
  DSR_IMPORT_PROBLEM_ROWS_SKIPPED,   /* one or more rows left out */
  DSR_IMPORT_PROBLEM_FILE_REJECTED,  /* nothing of the file was imported */
} DsrImportProblemKind;

/* One problem: error->message reads "FILE:LINE: reason" (or "FILE: reason"),
 * translated; error->domain/code tell what it is (DSR_ERROR_MISSING_COLUMN
 * on a rejected file: its columns need a mapping). */
typedef struct
{
  DsrImportProblemKind  kind;
  GFile                *file;  /* NULL when about no file */
  guint                 line;  /* 0 when about no line */
  GError               *error;
} DsrImportProblem;

typedef struct
{
  guint   n_files;          /* files read (data and metadata) */
  guint   n_rejected;       /* files of which nothing was imported */
  guint64 n_rows;           /* data rows read (headers and preambles not counted) */
  guint64 n_rows_skipped;
  guint64 n_values;         /* values staged */
  guint64 n_values_skipped;
  guint   n_indicators;     /* indicators with at least one value */
} DsrImportStats;

#define DSR_TYPE_IMPORT_RESULT (dsr_import_result_get_type ())
G_DECLARE_FINAL_TYPE (DsrImportResult, dsr_import_result, DSR, IMPORT_RESULT, GObject)

DsrStore             *dsr_import_result_get_staging  (DsrImportResult *self);
GPtrArray            *dsr_import_result_get_problems (DsrImportResult *self);
const char           *dsr_import_result_get_summary  (DsrImportResult *self);
const DsrImportStats *dsr_import_result_get_stats    (DsrImportResult *self);
GPtrArray            *dsr_import_result_get_files    (DsrImportResult *self);
const char * const   *dsr_import_result_get_indicator_ids (DsrImportResult *self);
const DsrColumnMapping *dsr_import_result_get_mapping (DsrImportResult *self);
const char           *dsr_import_result_get_origin   (DsrImportResult *self);
void                  dsr_import_result_set_origin   (DsrImportResult *self,
                                                      const char      *origin);
gboolean              dsr_import_result_commit       (DsrImportResult *self,
                                                      DsrStore        *store,
                                                      GError         **error);

void             dsr_importer_run_async  (DsrStore               *store,
                                          GFile                 **files,
                                          guint                   n_files,
                                          const DsrColumnMapping *mapping,
                                          GCancellable           *cancellable,
                                          DsrImportProgressFunc   progress,
                                          gpointer                progress_data,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
DsrImportResult *dsr_importer_run_finish (GAsyncResult           *result,
                                          GError                **error);
DsrImportResult *dsr_importer_run_sync   (DsrStore               *store,
                                          GFile                 **files,
                                          guint                   n_files,
                                          const DsrColumnMapping *mapping,
                                          GCancellable           *cancellable,
                                          DsrImportProgressFunc   progress,
                                          gpointer                progress_data,
                                          GError                **error);

G_END_DECLS
