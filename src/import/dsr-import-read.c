/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-import-private.h"

/* Reading the files of an import: the CSV pipeline, the checks for Cancel,
 * progress, and the problems met on the way. */

#define TICK_ROWS           256  /* rows between checks for Cancel */
#define REPORT_INTERVAL_US  50000

/* Problems ---------------------------------------------------------------------- */

static void
add_file_problem (DsrImportContext     *ctx,
                  DsrImportProblemKind  kind,
                  guint                 line,
                  char                 *text)
{
  const DsrImportSource *source = ctx->source;
  GError *error;

  if (source == NULL)
    error = g_error_new_literal (DSR_ERROR, DSR_ERROR_PARSE, text);
  else if (line > 0)
    error = g_error_new (DSR_ERROR, DSR_ERROR_PARSE, "%s:%u: %s", source->name, line, text);
  else
    error = g_error_new (DSR_ERROR, DSR_ERROR_PARSE, "%s: %s", source->name, text);
  dsr_import_add_problem (ctx->problems, kind, source ? source->file : NULL, error);
  g_free (text);
}

void
dsr_import_problem (DsrImportContext     *ctx,
                    DsrImportProblemKind  kind,
                    guint                 line,
                    const char           *format,
                    ...)
{
  va_list args;

  if (++ctx->file_problems > DSR_IMPORT_MAX_LISTED)
    return;
  va_start (args, format);
  add_file_problem (ctx, kind, line, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Counts a row (@row) or a value left out, and lists why. */
void
dsr_import_skip (DsrImportContext *ctx,
                 DsrSkipReason     reason,
                 gboolean          row,
                 guint             line,
                 const char       *format,
                 ...)
{
  va_list args;

  if (row)
    ctx->file_counts.rows_skipped[reason]++;
  else
    ctx->file_counts.values_skipped[reason]++;
  if (++ctx->file_problems > DSR_IMPORT_MAX_LISTED)
    return;
  va_start (args, format);
  add_file_problem (ctx, row ? DSR_IMPORT_PROBLEM_ROWS_SKIPPED : DSR_IMPORT_PROBLEM_VALUE_SKIPPED,
                    line, g_strdup_vprintf (format, args));
  va_end (args);
}

void
dsr_import_skip_ragged (DsrImportContext *ctx,
                        const DsrCsvRow  *row,
                        guint             expected)
{
  dsr_import_skip (ctx, DSR_SKIP_RAGGED, TRUE, row->line,
                   g_dngettext (GETTEXT_PACKAGE, "expected %u field as in the header, found %u",
                                "expected %u fields as in the header, found %u", expected),
                   expected, row->n_fields);
}

/* Reading --------------------------------------------------------------------- */

/* Reports progress: at the start of a file, then when 50 ms have passed or
 * 1% of the bytes have been read since the last report. */
void
dsr_import_report_progress (DsrImportContext *ctx,
                            gboolean          force)
{
  DsrImportProgress progress = { 0 };
  gint64 now = g_get_monotonic_time ();

  if (ctx->progress_func == NULL)
    return;
  progress.bytes_done = MIN (ctx->bytes_before + ctx->position, ctx->bytes_total);
  if (!force && now - ctx->last_report < REPORT_INTERVAL_US
      && (progress.bytes_done - ctx->last_bytes) * 100 < ctx->bytes_total)
    return;
  ctx->last_report = now;
  ctx->last_bytes = progress.bytes_done;

  progress.file = ctx->source ? ctx->source->file : NULL;
  progress.file_index = ctx->source_index;
  progress.n_files = ctx->sources->len;
  progress.bytes_total = ctx->bytes_total;
  progress.n_rows = ctx->counts.rows + ctx->file_counts.rows;
  progress.fraction = ctx->bytes_total > 0 ? (double) progress.bytes_done / ctx->bytes_total : 0.0;
  ctx->progress_func (&progress, ctx->progress_data);
}

/* Called for every row: every TICK_ROWS rows, stops on Cancel (a few
 * milliseconds of reading at most) and reports progress. */
gboolean
dsr_import_tick (DsrImportContext  *ctx,
                 GError           **error)
{
  if ((++ctx->tick % TICK_ROWS) != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  dsr_import_report_progress (ctx, FALSE);
  return TRUE;
}

/* Reading is a pipeline of two threads: one parses the CSV (dsr-csv on
 * libcsv) and copies the records into batches, the other (the caller's)
 * hands them to the format's reader in order. Parsing takes about as long as
 * converting and storing, so on two cores this halves the time of a large
 * file. BATCHES batches go round between the two, which bounds the memory. */

#define BATCHES         4
#define BATCH_ROWS      2048
#define BATCH_BYTES     (1024 * 1024)

typedef struct
{
  guint line;
  guint n_fields;
  guint first;       /* its first field in offsets */
} BatchRow;

typedef struct
{
  GString *text;     /* the fields, each NUL-terminated */
  GArray  *offsets;  /* of guint: where each field starts */
  GArray  *rows;     /* of BatchRow */
  guint64  position; /* bytes of the file read when the batch was full */
  gboolean end;      /* the last message: no rows, the parse's error (or none) */
  GError  *error;
} Batch;

typedef struct
{
  GAsyncQueue  *full;
  GAsyncQueue  *free;
  Batch        *current;   /* the parser's */
  GInputStream *in;
  GSeekable    *seekable;
  const char   *name;
  GCancellable *cancellable;
  int           stop;      /* atomic: the reader failed, stop parsing */
} Pipe;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->text = g_string_sized_new (BATCH_BYTES + 64 * 1024);
  batch->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  batch->rows = g_array_new (FALSE, FALSE, sizeof (BatchRow));
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_free (batch->text, TRUE);
  g_array_unref (batch->offsets);
  g_array_unref (batch->rows);
  g_clear_error (&batch->error);
  g_free (batch);
}

static void
pipe_send (Pipe *pipe)
{
  if (pipe->current == NULL)
    return;
  if (pipe->seekable != NULL)
    pipe->current->position = MAX (g_seekable_tell (pipe->seekable), 0);
  g_async_queue_push (pipe->full, pipe->current);
  pipe->current = NULL;
}

static gboolean
pipe_row (const DsrCsvRow *row,
          gpointer         user_data,
          GError         **error)
{
  Pipe *pipe = user_data;
  Batch *batch = pipe->current;
  gboolean contiguous = TRUE;
  gsize length = 0, base;
  guint *offsets;

  /* The last line of the atlas's own CSV export is its written summary
   * (DSR_EXPORT_CSV_SUMMARY in src/render/dsr-export.h), not data. */
  if (row->n_fields > 0 && strcmp (row->fields[0], "#summary") == 0)
    return TRUE;
  BatchRow r;

  if (g_atomic_int_get (&pipe->stop))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  if (batch == NULL)
    {
      batch = pipe->current = g_async_queue_pop (pipe->free);
      g_string_truncate (batch->text, 0);
      g_array_set_size (batch->offsets, 0);
      g_array_set_size (batch->rows, 0);
    }

  r.line = row->line;
  r.n_fields = row->n_fields;
  r.first = batch->offsets->len;
  g_array_set_size (batch->offsets, r.first + row->n_fields);
  offsets = &g_array_index (batch->offsets, guint, r.first);
  base = batch->text->len;
  for (guint i = 0; i < row->n_fields; i++)
    {
      contiguous &= (guintptr) row->fields[i] == (guintptr) row->fields[0] + length;
      offsets[i] = base + length;
      length += strlen (row->fields[i]) + 1;
    }
  /* dsr-csv keeps a record's fields one after the other: one copy. */
  if (contiguous)
    g_string_append_len (batch->text, row->fields[0], length);
  else
    for (guint i = 0; i < row->n_fields; i++)
      g_string_append_len (batch->text, row->fields[i], strlen (row->fields[i]) + 1);
  g_array_append_val (batch->rows, r);

  if (batch->rows->len >= BATCH_ROWS || batch->text->len >= BATCH_BYTES)
    pipe_send (pipe);
  return TRUE;
}

static gpointer
pipe_parse (gpointer data)
{
  Pipe *pipe = data;
  Batch *end = g_new0 (Batch, 1);

  dsr_csv_parse_stream (pipe->in, pipe->name, pipe_row, pipe, pipe->cancellable, &end->error);
  pipe_send (pipe);
  end->end = TRUE;
  g_async_queue_push (pipe->full, end);
  return NULL;
}

/* Hands the batches to @func in order; after a failure, only returns them. */
static gboolean
pipe_read (Pipe              *pipe,
           DsrImportContext  *ctx,
           DsrCsvRowFunc      func,
           gpointer           data,
           GError           **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GError *failure = NULL;
  GError *parse_error = NULL;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (pipe->full);

      if (batch->end)
        {
          parse_error = batch->error;
          g_free (batch);
          break;
        }
      for (guint r = 0; failure == NULL && r < batch->rows->len; r++)
        {
          const BatchRow *br = &g_array_index (batch->rows, BatchRow, r);
          DsrCsvRow row;

          const guint *offsets = &g_array_index (batch->offsets, guint, br->first);

          if (fields->len < br->n_fields + 1)
            g_ptr_array_set_size (fields, br->n_fields + 1);
          for (guint f = 0; f < br->n_fields; f++)
            fields->pdata[f] = batch->text->str + offsets[f];
          fields->pdata[br->n_fields] = NULL;
          row.line = br->line;
          row.n_fields = br->n_fields;
          row.fields = (char **) fields->pdata;

          /* As dsr-csv does for its own callback: the error names file and line. */
          if (!func (&row, data, &failure))
            {
              if (failure == NULL)
                g_set_error_literal (&failure, DSR_ERROR, DSR_ERROR_PARSE, _("stopped"));
              g_prefix_error (&failure, "%s:%u: ", pipe->name, row.line);
              g_atomic_int_set (&pipe->stop, 1);
            }
        }
      ctx->position = batch->position;
      g_async_queue_push (pipe->free, batch);
    }

  if (failure != NULL)
    {
      g_clear_error (&parse_error);
      g_propagate_error (error, failure);
      return FALSE;
    }
  if (parse_error != NULL)
    {
      g_propagate_error (error, parse_error);
      return FALSE;
    }
  return TRUE;
}

/* Parses @source with dsr-csv (through a converter when it is not UTF-8),
 * handing its records to @func on this thread, in order. */
gboolean
dsr_import_read_csv (DsrImportContext       *ctx,
                     const DsrImportSource  *source,
                     DsrCsvRowFunc           func,
                     gpointer                data,
                     GError                **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GInputStream) converted = NULL;
  GError *local_error = NULL;
  GThread *parser;
  Pipe pipe = { 0 };
  gboolean ok;

  stream = g_file_read (source->file, ctx->cancellable, &local_error);
  if (stream == NULL)
    {
      g_prefix_error (&local_error, "%s: ", source->name);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  pipe.in = G_INPUT_STREAM (stream);
  if (source->encoding != NULL)
    {
      g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", source->encoding, NULL);

      if (converter != NULL)
        {
          g_charset_converter_set_use_fallback (converter, TRUE);
          pipe.in = converted = g_converter_input_stream_new (pipe.in, G_CONVERTER (converter));
        }
    }
  pipe.seekable = G_IS_SEEKABLE (stream) ? G_SEEKABLE (stream) : NULL;
  pipe.name = source->name;
  pipe.cancellable = ctx->cancellable;
  pipe.full = g_async_queue_new ();
  pipe.free = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < BATCHES; i++)
    g_async_queue_push (pipe.free, batch_new ());

  ctx->position = 0;
  parser = g_thread_new ("dsr-import-csv", pipe_parse, &pipe);
  ok = pipe_read (&pipe, ctx, func, data, error);
  g_thread_join (parser);

  g_async_queue_unref (pipe.full);
  g_async_queue_unref (pipe.free);
  return ok;
}

