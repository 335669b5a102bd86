/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One record of a CSV file: fields are NUL-terminated, valid UTF-8, and
 * borrowed for the duration of the callback. @line is the physical line on
 * which the record starts (1-based). */
typedef struct
{
  guint   line;
  guint   n_fields;
  char  **fields;
} DsrCsvRow;

/* The reader's limits, so that a broken or hostile file is an error naming
 * its line, read in bounded memory: a field of at most 64 KiB (the World
 * Bank's longest notes are a few KiB), a record of at most 4 MiB and of at
 * most 16,384 fields (a spreadsheet's widest sheet). */
#define DSR_CSV_MAX_FIELD_BYTES  (64 * 1024)
#define DSR_CSV_MAX_RECORD_BYTES (4 * 1024 * 1024)
#define DSR_CSV_MAX_FIELDS       16384

typedef gboolean (*DsrCsvRowFunc) (const DsrCsvRow *row,
                                   gpointer         user_data,
                                   GError         **error);

gboolean dsr_csv_parse_stream (GInputStream  *stream,
                               const char    *display_name,
                               DsrCsvRowFunc  func,
                               gpointer       user_data,
                               GCancellable  *cancellable,
                               GError       **error);
gboolean dsr_csv_parse_file   (GFile         *file,
                               DsrCsvRowFunc  func,
                               gpointer       user_data,
                               GCancellable  *cancellable,
                               GError       **error);
gboolean dsr_csv_parse_data   (const char    *data,
                               gsize          length,
                               const char    *display_name,
                               DsrCsvRowFunc  func,
                               gpointer       user_data,
                               GError       **error);

int      dsr_csv_row_find     (const DsrCsvRow *header,
                               const char      *name);
char    *dsr_csv_display_name (GFile         *file);

G_END_DECLS

G_BEGIN_DECLS

/* Column lookup for files with a fixed set of named columns. */
typedef struct
{
  const char * const *names;   /* NULL-terminated: the columns a file must have */
  const char * const *optional;/* NULL-terminated or NULL: columns it may have */
  int                *index;   /* out: one index per name, then one per optional (-1 if absent) */
  guint               n_fields;/* the header's width; every row must match it */
  gboolean            seen_header;
} DsrCsvColumns;

gboolean dsr_csv_columns_take_row (DsrCsvColumns   *columns,
                                   const DsrCsvRow *row,
                                   gboolean        *is_header,
                                   GError         **error);
gboolean dsr_csv_parse_double     (const char      *text,
                                   double          *out,
                                   GError         **error);
gboolean dsr_csv_parse_int        (const char      *text,
                                   int              min,
                                   int              max,
                                   int             *out,
                                   GError         **error);

G_END_DECLS
