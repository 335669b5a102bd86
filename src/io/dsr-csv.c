/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-csv"

#include "config.h"

#include <csv.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-csv.h"
#include "dsr-error.h"
#include "dsr-format.h"

/* A streaming reader on libcsv. The input is fed to the parser one physical
 * line at a time, so that every record knows the line it starts on even when
 * a quoted field spans several lines. Fields are copied into one growing
 * buffer per record: no allocation per field. */

#define CHUNK_SIZE (256 * 1024)
#define ROW_NOT_BEGUN 0 /* libcsv's parser states: between records, */
#define FIELD_BEGUN 2   /* and inside a field */

typedef struct
{
  struct csv_parser parser;
  const char *name;
  DsrCsvRowFunc func;
  gpointer user_data;

  GString *buffer;     /* the record's fields, each NUL-terminated */
  GArray *offsets;     /* of gsize: where each field starts in buffer */
  GPtrArray *pointers; /* the char * handed to the callback */

  guint line;          /* the physical line being fed */
  guint record_line;   /* the line the current record started on */
  gsize record_bytes;  /* bytes of the current record fed so far */
  gboolean after_cr;   /* the bytes fed last ended with a CR */
  GError *error;       /* the first error; once set, callbacks do nothing */
  guchar carry[4];     /* an incomplete UTF-8 sequence at the end of a read */
  guint n_carry;
} Reader;

static void
reader_fail_code (Reader     *reader,
                  int         code,
                  guint       line,
                  const char *message)
{
  if (reader->error == NULL)
    g_set_error (&reader->error, DSR_ERROR, code, "%s:%u: %s", reader->name, line, message);
}

static void
reader_fail (Reader     *reader,
             guint       line,
             const char *message)
{
  reader_fail_code (reader, DSR_ERROR_PARSE, line, message);
}

static void
fail_field_too_long (Reader *reader)
{
  g_autofree char *message =
    g_strdup_printf (_("a field of the record that starts on this line is longer than %u KiB, "
                       "the limit of a field: is this a CSV file?"),
                     DSR_CSV_MAX_FIELD_BYTES / 1024);

  reader_fail_code (reader, DSR_ERROR_TOO_LARGE, reader->record_line, message);
}

static void
field_cb (void   *s,
          size_t  len,
          void   *data)
{
  Reader *reader = data;
  const char *text = s ? s : "";
  gsize offset;

  if (reader->error != NULL)
    return;
  if (len > DSR_CSV_MAX_FIELD_BYTES)
    {
      fail_field_too_long (reader);
      return;
    }
  if (reader->offsets->len >= DSR_CSV_MAX_FIELDS)
    {
      g_autofree char *message =
        g_strdup_printf (_("the record that starts on this line has more than %u fields, "
                           "the limit of a record"), DSR_CSV_MAX_FIELDS);

      reader_fail_code (reader, DSR_ERROR_TOO_LARGE, reader->record_line, message);
      return;
    }

  /* The text was checked (UTF-8, no NUL) a line at a time by check_text ().
   * This runs for every field of a file: copy by hand, without the
   * bookkeeping of g_string_append_len () and g_array_append_val (). */
  offset = reader->buffer->len;
  if (offset + len + 1 >= reader->buffer->allocated_len)
    {
      g_string_set_size (reader->buffer, offset + len + 1);
      reader->buffer->len = offset;
    }
  memcpy (reader->buffer->str + offset, text, len);
  reader->buffer->str[offset + len] = '\0';
  reader->buffer->len = offset + len + 1;
  g_array_append_val (reader->offsets, offset);
}

static void
row_cb (int   c,
        void *data)
{
  Reader *reader = data;
  DsrCsvRow row;
  GError *local_error = NULL;

  if (reader->error != NULL)
    return;

  g_ptr_array_set_size (reader->pointers, 0);
  for (guint i = 0; i < reader->offsets->len; i++)
    g_ptr_array_add (reader->pointers,
                     reader->buffer->str + g_array_index (reader->offsets, gsize, i));
  g_ptr_array_add (reader->pointers, NULL);

  row.line = reader->record_line;
  row.n_fields = reader->offsets->len;
  row.fields = (char **) reader->pointers->pdata;

  if (!reader->func (&row, reader->user_data, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, DSR_ERROR, DSR_ERROR_PARSE, _("stopped"));
      g_prefix_error (&local_error, "%s:%u: ", reader->name, row.line);
      reader->error = local_error;
    }

  g_string_truncate (reader->buffer, 0);
  g_array_set_size (reader->offsets, 0);
}

static void
fail_not_utf8 (Reader *reader)
{
  reader_fail_code (reader, DSR_ERROR_ENCODING, reader->line,
                    _("the text is not valid UTF-8: save the file as UTF-8 CSV"));
}

/* Most files are ASCII: checked eight bytes at a time, far faster than
 * UTF-8 validation byte by byte. */
static gboolean
is_ascii (const guchar *p,
          gsize         len)
{
  guint64 bits = 0;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, p + i, 8);
      bits |= word;
    }
  for (; i < len; i++)
    bits |= p[i];
  return (bits & G_GUINT64_CONSTANT (0x8080808080808080)) == 0;
}

/* The length of the UTF-8 sequence that @lead starts; 1 for a byte that
 * starts none (validation then fails on it). */
static guint
utf8_sequence_length (guchar lead)
{
  if (lead >= 0xF0 && lead <= 0xF7)
    return 4;
  if (lead >= 0xE0)
    return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC0)
    return 2;
  return 1;
}

/* Checks a segment of the file before libcsv sees it: no NUL byte, valid
 * UTF-8. This runs a line at a time, not a field at a time (the importers
 * read millions of fields). A segment that ends a read but not a line may
 * end inside a UTF-8 sequence: its last bytes wait in reader->carry for the
 * next read. */
static gboolean
check_text (Reader     *reader,
            const char *data,
            gsize       len,
            gboolean    line_end)
{
  const guchar *p = (const guchar *) data;
  gsize start = 0, end = len;

  if (memchr (data, '\0', len) != NULL)
    {
      reader_fail (reader, reader->line,
                   _("the file contains a NUL byte: it is not a text CSV file "
                     "(is it UTF-16 or a spreadsheet?)"));
      return FALSE;
    }

  if (reader->n_carry > 0)
    {
      guint need = utf8_sequence_length (reader->carry[0]);

      while (reader->n_carry < need && start < len)
        reader->carry[reader->n_carry++] = p[start++];
      if (reader->n_carry < need)
        {
          if (line_end)
            {
              fail_not_utf8 (reader);
              return FALSE;
            }
          return TRUE; /* still incomplete: wait for more */
        }
      if (!g_utf8_validate_len ((const char *) reader->carry, need, NULL))
        {
          fail_not_utf8 (reader);
          return FALSE;
        }
      reader->n_carry = 0;
    }

  if (!line_end && end > start)
    {
      gsize k = end;

      /* Back over continuation bytes to the sequence's first byte. */
      while (k > start && end - k < 3 && (p[k - 1] & 0xC0) == 0x80)
        k--;
      if (k > start && p[k - 1] >= 0xC0 && end - (k - 1) < utf8_sequence_length (p[k - 1]))
        {
          end = k - 1;
          reader->n_carry = len - end;
          memcpy (reader->carry, p + end, reader->n_carry);
        }
    }

  if (!is_ascii (p + start, end - start) && !g_utf8_validate_len (data + start, end - start, NULL))
    {
      fail_not_utf8 (reader);
      return FALSE;
    }
  return TRUE;
}

static void
reader_init (Reader        *reader,
             const char    *name,
             DsrCsvRowFunc  func,
             gpointer       user_data)
{
  memset (reader, 0, sizeof *reader);
  csv_init (&reader->parser, CSV_APPEND_NULL | CSV_STRICT_FINI);
  /* libcsv grows its field buffer by this much at a time (128 bytes by
   * default): a long field would be copied over and over. */
  csv_set_blk_size (&reader->parser, 16 * 1024);
  reader->name = name;
  reader->func = func;
  reader->user_data = user_data;
  reader->buffer = g_string_sized_new (1024);
  reader->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->pointers = g_ptr_array_new ();
  reader->line = 1;
  reader->record_line = 1;
}

static void
reader_clear (Reader *reader)
{
  csv_free (&reader->parser);
  g_string_free (reader->buffer, TRUE);
  g_array_unref (reader->offsets);
  g_ptr_array_unref (reader->pointers);
  g_clear_error (&reader->error);
}

/* Feeds @len bytes, split at line ends: LF, CRLF, and a lone CR (old Mac
 * files, which libcsv reads as line ends too). */
static void
reader_feed (Reader     *reader,
             const char *data,
             gsize       len)
{
  while (len > 0 && reader->error == NULL)
    {
      const char *nl = memchr (data, '\n', len);
      const char *cr = memchr (data, '\r', nl ? (gsize) (nl - data) : len);
      const char *end = cr != NULL && cr + 1 != nl ? cr : nl;
      gboolean line_end = end != NULL;
      gsize seg = end ? (gsize) (end - data) + 1 : len;

      /* The LF of a CRLF that the reads split: its line was counted. */
      if (reader->after_cr && *data == '\n')
        {
          seg = 1;
          line_end = FALSE;
        }

      if (reader->parser.pstate == ROW_NOT_BEGUN)
        {
          reader->record_line = reader->line;
          reader->record_bytes = 0;
        }
      /* libcsv keeps the open field in memory: a record over the limit
       * stops here, before it is fed. */
      reader->record_bytes += seg;
      if (reader->record_bytes > DSR_CSV_MAX_RECORD_BYTES)
        {
          g_autofree char *message =
            g_strdup_printf (_("the record that starts on this line is longer than %u MiB, "
                               "the limit of a record: is this a CSV file?"),
                             DSR_CSV_MAX_RECORD_BYTES / (1024 * 1024));

          reader_fail_code (reader, DSR_ERROR_TOO_LARGE, reader->record_line, message);
          return;
        }

      if (!check_text (reader, data, seg, end != NULL))
        return;
      if (csv_parse (&reader->parser, data, seg, field_cb, row_cb, reader) != seg)
        {
          reader_fail (reader, reader->line, csv_strerror (csv_error (&reader->parser)));
          return;
        }
      /* The open field (libcsv's buffer) is over the limit already: stop
       * before it grows further. */
      if (reader->error == NULL && reader->parser.entry_pos > DSR_CSV_MAX_FIELD_BYTES)
        {
          fail_field_too_long (reader);
          return;
        }
      if (line_end)
        reader->line++;
      reader->after_cr = data[seg - 1] == '\r';
      data += seg;
      len -= seg;
    }
}

static gboolean
reader_finish (Reader  *reader,
               GError **error)
{
  /* The file ends inside a UTF-8 sequence: it was cut short. */
  if (reader->error == NULL && reader->n_carry > 0)
    reader_fail (reader, reader->line,
                 _("the file ends inside a character (is the file truncated?)"));
  if (reader->error == NULL)
    {
      /* libcsv would hand over the open field as if it were complete. */
      if (reader->parser.pstate == FIELD_BEGUN && reader->parser.quoted)
        reader_fail (reader, reader->record_line,
                     _("the file ends inside a quoted field of the record that starts on this "
                       "line (is the file truncated?)"));
      else
        csv_fini (&reader->parser, field_cb, row_cb, reader);
    }

  if (reader->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->error));
      return FALSE;
    }
  return TRUE;
}

/* Looks at the first bytes of a file: skips a UTF-8 byte order mark and
 * refuses UTF-32 and UTF-16, which would otherwise fail later with a less
 * clear message. */
static gboolean
check_start (Reader      *reader,
             const char **data,
             gsize       *len)
{
  const guchar *p = (const guchar *) *data;

  if (*len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      *data += 3;
      *len -= 3;
    }
  else if (*len >= 4 && ((p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0)
                         || (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF)))
    {
      reader_fail (reader, 1, _("the file is UTF-32 text: save it as UTF-8 CSV"));
      return FALSE;
    }
  else if (*len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
    {
      reader_fail (reader, 1, _("the file is UTF-16 text: save it as UTF-8 CSV"));
      return FALSE;
    }
  return TRUE;
}

gboolean
dsr_csv_parse_stream (GInputStream  *stream,
                      const char    *display_name,
                      DsrCsvRowFunc  func,
                      gpointer       user_data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  Reader reader;
  g_autofree char *chunk = g_malloc (CHUNK_SIZE);
  gboolean first = TRUE;
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  reader_init (&reader, display_name ? display_name : "CSV", func, user_data);

  while (reader.error == NULL)
    {
      GError *local_error = NULL;
      gssize n;
      const char *data = chunk;
      gsize len;

      /* Read a full first chunk so that the byte order mark is seen whole. */
      if (first)
        {
          gsize got = 0;

          if (!g_input_stream_read_all (stream, chunk, CHUNK_SIZE, &got, cancellable, &local_error))
            n = -1;
          else
            n = got;
        }
      else
        n = g_input_stream_read (stream, chunk, CHUNK_SIZE, cancellable, &local_error);

      if (n < 0)
        {
          g_autofree char *safe = dsr_format_escape (local_error->message);

          g_free (local_error->message);
          local_error->message = g_strdup_printf ("%s: %s", reader.name, safe);
          reader.error = local_error;
          break;
        }
      if (n == 0)
        break;

      len = n;
      if (first && !check_start (&reader, &data, &len))
        break;
      first = FALSE;
      reader_feed (&reader, data, len);
    }

  ok = reader_finish (&reader, error);
  reader_clear (&reader);
  return ok;
}

/* The name of @file in messages: its path, escaped (dsr_format_path ()). */
char *
dsr_csv_display_name (GFile *file)
{
  g_autofree char *name = NULL;

  if (g_file_has_uri_scheme (file, "resource"))
    name = g_file_get_basename (file);
  else
    name = g_file_get_parse_name (file);
  return dsr_format_path (name);
}

gboolean
dsr_csv_parse_file (GFile         *file,
                    DsrCsvRowFunc  func,
                    gpointer       user_data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = dsr_csv_display_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_autofree char *safe = dsr_format_escape (local_error->message);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, safe);
      g_error_free (local_error);
      return FALSE;
    }
  return dsr_csv_parse_stream (G_INPUT_STREAM (stream), name, func, user_data, cancellable, error);
}

gboolean
dsr_csv_parse_data (const char    *data,
                    gsize          length,
                    const char    *display_name,
                    DsrCsvRowFunc  func,
                    gpointer       user_data,
                    GError       **error)
{
  Reader reader;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  reader_init (&reader, display_name ? display_name : "CSV", func, user_data);
  if (check_start (&reader, &data, &length))
    reader_feed (&reader, data, length);
  ok = reader_finish (&reader, error);
  reader_clear (&reader);
  return ok;
}

/* The index of the column named @name (ASCII case-insensitive, surrounding
 * spaces ignored), or -1. */
int
dsr_csv_row_find (const DsrCsvRow *header,
                  const char      *name)
{
  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (header->fields[i]));

      if (g_ascii_strcasecmp (field, name) == 0)
        return (int) i;
    }
  return -1;
}

/* Feed every row here first: the header row fills in the indices (and is
 * reported through @is_header); other rows are checked for width. */
gboolean
dsr_csv_columns_take_row (DsrCsvColumns   *columns,
                          const DsrCsvRow *row,
                          gboolean        *is_header,
                          GError         **error)
{
  guint n_names = g_strv_length ((char **) columns->names);

  if (columns->seen_header)
    {
      *is_header = FALSE;
      if (row->n_fields != columns->n_fields)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "expected %u field as in the header, found %u",
                                    "expected %u fields as in the header, found %u",
                                    columns->n_fields),
                       columns->n_fields, row->n_fields);
          return FALSE;
        }
      return TRUE;
    }

  *is_header = TRUE;
  for (guint i = 0; i < n_names; i++)
    {
      columns->index[i] = dsr_csv_row_find (row, columns->names[i]);
      if (columns->index[i] < 0)
        {
          g_autofree char *all = g_strjoinv (", ", (char **) columns->names);

          g_set_error (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN,
                       _("the header has no column “%s” (it needs: %s)"), columns->names[i], all);
          return FALSE;
        }
    }
  if (columns->optional != NULL)
    for (guint i = 0; columns->optional[i] != NULL; i++)
      columns->index[n_names + i] = dsr_csv_row_find (row, columns->optional[i]);

  columns->n_fields = row->n_fields;
  columns->seen_header = TRUE;
  return TRUE;
}

gboolean
dsr_csv_parse_double (const char  *text,
                      double      *out,
                      GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (*copy == '\0')
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_PARSE, _("the value is empty"));
      return FALSE;
    }
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (value))
    {
      g_autofree char *quoted = dsr_format_quote (copy);

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("“%s” is not a number"), quoted);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
dsr_csv_parse_int (const char  *text,
                   int          min,
                   int          max,
                   int         *out,
                   GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gint64 value;
  GError *local_error = NULL;

  if (!g_ascii_string_to_signed (copy, 10, min, max, &value, &local_error))
    {
      g_autofree char *quoted = dsr_format_quote (copy);

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("“%s” is not a whole number from %d to %d"),
                   quoted, min, max);
      g_error_free (local_error);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}
