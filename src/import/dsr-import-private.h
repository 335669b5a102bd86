/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-csv.h"
#include "dsr-format.h"
#include "dsr-importer.h"

G_BEGIN_DECLS

/* Shared by the importers of one run; everything here runs on the worker
 * thread except dsr_import_names_new(). */

/* The longest id of an imported indicator or economy, in bytes. */
#define DSR_IMPORT_ID_MAX 64

/* Problems listed a file; the rest are only counted. */
#define DSR_IMPORT_MAX_LISTED 100

/* Why a row or a value was left out (the summary counts each). */
typedef enum
{
  DSR_SKIP_UNKNOWN_CODE,
  DSR_SKIP_NO_ECONOMY,
  DSR_SKIP_RAGGED,
  DSR_SKIP_DUPLICATE,
  DSR_SKIP_BAD_YEAR,
  DSR_SKIP_BAD_VALUE,
  DSR_SKIP_NO_INDICATOR,
  DSR_SKIP_N
} DsrSkipReason;

typedef struct
{
  guint64 rows;
  guint64 rows_skipped[DSR_SKIP_N];
  guint64 values;
  guint64 values_skipped[DSR_SKIP_N];
} DsrImportCounts;

/* One file of the import, as sniffed. */
typedef struct
{
  GFile           *file;
  char            *name;        /* for messages: the path */
  char            *basename;
  DsrImportFormat  format;
  guint            header_line; /* the line of the header record */
  char           **header;
  char            *encoding;    /* NULL for UTF-8, else read through a converter */
  char            *data_source; /* World Bank preamble: "Data Source" */
  char            *updated;     /* World Bank preamble: "Last Updated Date" */
  guint64          size;
  gboolean         found;       /* found beside a data file, not given */
  gboolean         rejected;    /* read, and nothing of it kept */
} DsrImportSource;

/* What the World Bank metadata says about an economy or aggregate. */
typedef struct
{
  char  *code;
  char  *name;
  char  *region;  /* "" for an aggregate, and for some economies */
  char  *income;
  guint  line;
  gboolean aggregate; /* see dsr_import_wb_is_aggregate() */
} DsrWbEconomy;

typedef struct
{
  char *name;
  char *unit;
  char *description;
  char *source;
  char *topic;
  char *method;  /* "Aggregation method": "Weighted average", "Sum"...; "" when not given */
} DsrWbSeries;

typedef struct _DsrImportNames DsrImportNames;

typedef struct
{
  /* Given by the caller, read-only in the worker. */
  DsrImportNames        *names;
  GPtrArray             *given;        /* of GFile */
  DsrColumnMapping      *mapping;
  GCancellable          *cancellable;
  DsrImportProgressFunc  progress_func;
  gpointer               progress_data;

  /* The worker's. */
  GPtrArray       *sources;       /* of DsrImportSource */
  DsrStore        *staging;       /* the import so far */
  DsrStore        *part;          /* the file being read; absorbed when it succeeds */
  GPtrArray       *problems;      /* of DsrImportProblem */
  guint            file_problems; /* problems listed for the current file */
  DsrImportStats   stats;
  DsrImportCounts  counts;        /* of the files that succeeded */
  DsrImportCounts  file_counts;   /* of the current file */
  GHashTable      *economies;     /* code -> DsrWbEconomy */
  GHashTable      *series;        /* code -> DsrWbSeries */
  GHashTable      *aggregates;    /* WB aggregate code -> entity id ("wb-region:eas") */
  GHashTable      *resolved;      /* per file: code -> entity id in part, "" when unknown */
  GHashTable      *resolved_names;/* per file: name -> entity id in part, "" when unknown */
  GHashTable      *unknown;       /* per file: code or name -> DsrUnknown */

  /* Progress. */
  const DsrImportSource *source;  /* being read */
  guint64          position;      /* bytes of it read (and handed to the reader) */
  guint            source_index;
  guint64          bytes_total;
  guint64          bytes_before;  /* in the sources read before */
  gint64           last_report;   /* monotonic time */
  guint64          last_bytes;    /* bytes_done then */
  guint            tick;
} DsrImportContext;

/* dsr-import-detect.c */
DsrImportSource *dsr_import_source_new          (GFile            *file,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
void             dsr_import_source_free         (DsrImportSource  *source);
gboolean         dsr_import_header_is_years     (char            **fields,
                                                 guint             n_fields,
                                                 guint             first);
int              dsr_import_parse_header_year   (const char       *text);
char            *dsr_import_normalize_header    (const char       *text);
int              dsr_import_find_column         (char            **header,
                                                 const char * const *names);

/* dsr-import-number.c */
gboolean         dsr_import_parse_number        (const char       *text,
                                                 double           *out);
gboolean         dsr_import_is_missing          (const char       *text);
gboolean         dsr_import_parse_year          (const char       *text,
                                                 int              *out);

/* dsr-import-names.c */
DsrImportNames  *dsr_import_names_new           (DsrStore         *store);
void             dsr_import_names_free          (DsrImportNames   *names);
void             dsr_import_names_load_iso_codes (DsrImportNames  *names);
void             dsr_import_names_add           (DsrImportNames   *names,
                                                 const char       *name,
                                                 const char       *id);
char            *dsr_import_slug                (const char       *text);
const char      *dsr_import_resolve_code        (DsrImportContext *ctx,
                                                 const char       *code,
                                                 const char       *name,
                                                 guint             line);
const char      *dsr_import_resolve_name        (DsrImportContext *ctx,
                                                 const char       *name,
                                                 gboolean          owid_region,
                                                 guint             line);
const char      *dsr_import_resolve_numeric     (DsrImportContext *ctx,
                                                 const char       *text,
                                                 guint             line);
const char      *dsr_import_resolve_country     (DsrImportContext *ctx,
                                                 const char       *text,
                                                 guint             line);
gboolean         dsr_import_is_known_code       (DsrImportContext *ctx,
                                                 const char       *code);
void             dsr_import_report_unknown      (DsrImportContext *ctx);
void             dsr_import_init_aggregates     (GHashTable       *aggregates);
const char      *dsr_import_canonical_code      (const char       *code);
gboolean         dsr_import_wb_is_aggregate     (const char       *code,
                                                 const char       *region,
                                                 const char       *income);
gboolean         dsr_import_add_wb_groupings    (DsrImportContext *ctx,
                                                 GError          **error);

/* dsr-import-meta.c */
DsrTheme         dsr_import_guess_theme         (const char       *code,
                                                 const char       *name,
                                                 const char       *topic);
void             dsr_import_split_unit          (const char       *label,
                                                 char            **name,
                                                 char            **unit);
DsrIndicator    *dsr_import_ensure_indicator    (DsrImportContext *ctx,
                                                 const char       *id,
                                                 const char       *label,
                                                 const char       *unit,
                                                 const char       *source);
void             dsr_import_check_text_values   (DsrImportContext *ctx,
                                                 GHashTable       *text_values);
void             dsr_import_set_no_aggregation  (DsrImportContext *ctx,
                                                 const char       *id,
                                                 guint             line,
                                                 const char       *why);

/* dsr-importer.c */
gboolean          dsr_import_id_is_valid        (const char             *id);
void              dsr_import_set_bad_id_error   (GError                **error,
                                                 const char             *id);
DsrImportContext *dsr_importer_prepare          (DsrStore               *store,
                                                 GFile                 **files,
                                                 guint                   n_files,
                                                 const DsrColumnMapping *mapping,
                                                 GCancellable           *cancellable,
                                                 DsrImportProgressFunc   progress,
                                                 gpointer                progress_data);
DsrImportResult *dsr_importer_run_prepared      (DsrImportContext *ctx,
                                                 GError          **error);
void             dsr_importer_prepared_free     (DsrImportContext *ctx);

/* dsr-import-result.c */
DsrImportResult *dsr_import_result_new          (DsrStore               *staging,
                                                 GPtrArray              *problems,
                                                 GPtrArray              *files,
                                                 const DsrColumnMapping *mapping,
                                                 const DsrImportStats   *stats,
                                                 const DsrImportCounts  *counts,
                                                 char                  **indicator_ids);
void             dsr_import_add_problem         (GPtrArray              *problems,
                                                 DsrImportProblemKind    kind,
                                                 GFile                  *file,
                                                 GError                 *error);
void             dsr_import_problem_free        (gpointer                problem);

/* dsr-import-read.c */
void             dsr_import_report_progress     (DsrImportContext *ctx,
                                                 gboolean          force);
gboolean         dsr_import_read_csv            (DsrImportContext *ctx,
                                                 const DsrImportSource *source,
                                                 DsrCsvRowFunc     func,
                                                 gpointer          data,
                                                 GError          **error);
gboolean         dsr_import_tick                (DsrImportContext *ctx,
                                                 GError          **error);
void             dsr_import_problem             (DsrImportContext *ctx,
                                                 DsrImportProblemKind kind,
                                                 guint             line,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (4, 5);
void             dsr_import_skip                (DsrImportContext *ctx,
                                                 DsrSkipReason     reason,
                                                 gboolean          row,
                                                 guint             line,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (5, 6);
void             dsr_import_skip_ragged         (DsrImportContext *ctx,
                                                 const DsrCsvRow  *row,
                                                 guint             expected);

void             dsr_import_init_metadata       (DsrImportContext *ctx);

void             dsr_import_sort_sources        (GPtrArray        *sources);

/* The readers, one per format (dsr-import-wb.c, dsr-import-long.c). */
gboolean         dsr_import_read_wb_countries   (DsrImportContext *ctx,
                                                 const DsrImportSource *source,
                                                 GError          **error);
gboolean         dsr_import_read_wb_series      (DsrImportContext *ctx,
                                                 const DsrImportSource *source,
                                                 GError          **error);
gboolean         dsr_import_read_world_bank     (DsrImportContext *ctx,
                                                 const DsrImportSource *source,
                                                 GError          **error);
gboolean         dsr_import_read_owid           (DsrImportContext *ctx,
                                                 const DsrImportSource *source,
                                                 GError          **error);
gboolean         dsr_import_read_tidy           (DsrImportContext *ctx,
                                                 const DsrImportSource *source,
                                                 const DsrColumnMapping *mapping,
                                                 GError          **error);

G_END_DECLS
