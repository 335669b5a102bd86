/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dsr-csv.h"
#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-test-utils.h"

typedef struct
{
  GPtrArray *rows;   /* of char*: "line|f1|f2|..." */
  guint stop_at;     /* fail on this record index (1-based), 0 = never */
} Collect;

static gboolean
collect_row (const DsrCsvRow *row,
             gpointer         user_data,
             GError         **error)
{
  Collect *c = user_data;
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%u", row->line);
  for (guint i = 0; i < row->n_fields; i++)
    g_string_append_printf (s, "|%s", row->fields[i]);
  g_assert_null (row->fields[row->n_fields]);
  g_ptr_array_add (c->rows, g_string_free (s, FALSE));

  if (c->stop_at != 0 && c->rows->len == c->stop_at)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, "bad row");
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
parse (const char  *data,
       gssize       len,
       guint        stop_at,
       GError     **error)
{
  Collect c = { g_ptr_array_new_with_free_func (g_free), stop_at };

  if (len < 0)
    len = strlen (data);
  dsr_csv_parse_data (data, len, "t.csv", collect_row, &c, error);
  return c.rows;
}

static void
assert_rows (GPtrArray          *rows,
             const char * const *expected)
{
  for (guint i = 0; expected[i]; i++)
    {
      g_assert_cmpuint (i, <, rows->len);
      g_assert_cmpstr (g_ptr_array_index (rows, i), ==, expected[i]);
    }
  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) expected));
}

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("a,b,c\n1,2,3\n", -1, 0, &error);
  const char *expected[] = { "1|a|b|c", "2|1|2|3", NULL };

  g_assert_no_error (error);
  assert_rows (rows, expected);
}

static void
test_bom_crlf_quotes (void)
{
  g_autoptr(GError) error = NULL;
  /* BOM, CRLF, quoted fields with commas, doubled quotes, a newline inside
   * quotes (the next record starts two lines later), empty cells, no final newline. */
  const char *data = "\xEF\xBB\xBF\"Country Name\",\"Code\",\"2020\",\r\n"
                     "\"Korea, Rep.\",\"KOR\",\"96.5\",\r\n"
                     "\"Note \"\"x\"\"\nsecond line\",\"\",,\r\n"
                     "last,row,1";
  g_autoptr(GPtrArray) rows = parse (data, -1, 0, &error);
  const char *expected[] = {
    "1|Country Name|Code|2020|",
    "2|Korea, Rep.|KOR|96.5|",
    "3|Note \"x\"\nsecond line|||",
    "5|last|row|1",
    NULL
  };

  g_assert_no_error (error);
  assert_rows (rows, expected);
}

static void
test_blank_lines_keep_line_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("h\n\n\nx\n\ny\n", -1, 0, &error);
  const char *expected[] = { "1|h", "4|x", "6|y", NULL };

  g_assert_no_error (error);
  assert_rows (rows, expected);
}

static void
test_errors_name_file_and_line (void)
{
  struct { const char *data; gssize len; const char *needle; } cases[] = {
    { "a,b\n1,2\n3,\"4\n", -1, "t.csv:3:" },          /* ends inside a quote opened on line 3 */
    { "a,b\n1,\xff\xfe\n", -1, "t.csv:2: the text is not valid UTF-8" },
    { "a,b\n1,x\0y\n", 11, "t.csv:2: the file contains a NUL byte" },
    { "\xff\xfe" "a\0,\0b\0", 8, "t.csv:1: the file is UTF-16" },
    { "a,b\n1,\xe4\xb8\n", -1, "not valid UTF-8" },   /* truncated mid-UTF-8 sequence */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = parse (cases[i].data, cases[i].len, 0, &error);

      /* Text that is not UTF-8 has its own code: the importer reads it again. */
      g_assert_true (g_error_matches (error, DSR_ERROR, DSR_ERROR_PARSE)
                     || g_error_matches (error, DSR_ERROR, DSR_ERROR_ENCODING));
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].needle);
    }
}

static void
test_callback_error_stops (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("a\nb\nc\nd\n", -1, 2, &error);

  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "t.csv:2: bad row");
  g_assert_cmpuint (rows->len, ==, 2); /* nothing after the failing row */
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("", 0, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_file_and_stream (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GError) error = NULL;
  Collect c = { g_ptr_array_new_with_free_func (g_free), 0 };
  GString *big = g_string_new ("id,value\n");

  /* Larger than one read chunk, so records straddle chunk boundaries. */
  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (big, "\"row %u\",%u.5\n", i, i);
  path = dsr_test_write_tmp (dir, "big.csv", big->str);
  g_string_free (big, TRUE);

  file = g_file_new_for_path (path);
  g_assert_true (dsr_csv_parse_file (file, collect_row, &c, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.rows->len, ==, 50001);
  g_assert_cmpstr (g_ptr_array_index (c.rows, 50000), ==, "50001|row 49999|49999.5");
  g_ptr_array_unref (c.rows);

  missing = g_file_new_for_path ("/nonexistent/dir/x.csv");
  g_assert_false (dsr_csv_parse_file (missing, collect_row, &c, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (strstr (error->message, "/nonexistent/dir/x.csv") != NULL);
  g_clear_error (&error);

  /* A directory instead of a file. */
  {
    g_autoptr(GFile) d = g_file_new_for_path (dir);
    Collect c2 = { g_ptr_array_new_with_free_func (g_free), 0 };

    g_assert_false (dsr_csv_parse_file (d, collect_row, &c2, NULL, &error));
    g_assert_nonnull (error);
    g_assert_true (strstr (error->message, dir) != NULL);
    g_ptr_array_unref (c2.rows);
  }
  dsr_test_rm_rf (dir);
}

/* A UTF-8 sequence cut by the reader's 256 KiB reads is still one
 * character; a file that ends inside one was cut short. */
static void
test_utf8_across_reads (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  const gsize chunk = 256 * 1024;
  g_autoptr(GString) text = g_string_new ("name\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cut = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) cut_file = NULL;

  for (guint shift = 0; shift < 4; shift++)
    {
      Collect c = { g_ptr_array_new_with_free_func (g_free), 0 };

      g_string_assign (text, "name\n");
      /* Short fields: a field is at most 64 KiB. */
      while (text->len < chunk - 1 - shift)
        g_string_append_c (text, text->len % 100 == 0 ? ',' : 'a');
      g_string_append (text, "\xe4\xb8\xad\xf0\x9f\x8c\x8f,x\n"); /* 中 and a 4-byte globe across the boundary */
      g_free (path);
      path = dsr_test_write_tmp (dir, "utf8.csv", text->str);
      g_clear_object (&file);
      file = g_file_new_for_path (path);
      g_assert_true (dsr_csv_parse_file (file, collect_row, &c, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (c.rows->len, ==, 2);
      g_assert_true (g_str_has_suffix (g_ptr_array_index (c.rows, 1), "\xe4\xb8\xad\xf0\x9f\x8c\x8f|x"));
      g_ptr_array_unref (c.rows);
    }

  /* The last line stops inside a character. */
  {
    Collect c = { g_ptr_array_new_with_free_func (g_free), 0 };

    cut = dsr_test_write_tmp (dir, "cut.csv", "name\nab\xe4\xb8");
    cut_file = g_file_new_for_path (cut);
    g_assert_false (dsr_csv_parse_file (cut_file, collect_row, &c, NULL, &error));
    g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
    g_assert_true (strstr (error->message, "cut.csv:2: the file ends inside a character") != NULL);
    g_ptr_array_unref (c.rows);
  }
  dsr_test_rm_rf (dir);
}

static void
test_numbers (void)
{
  g_autoptr(GError) error = NULL;
  double d;
  int i;

  g_assert_true (dsr_csv_parse_double (" 4.37E-06 ", &d, &error));
  g_assert_cmpfloat_with_epsilon (d, 4.37e-6, 1e-15);
  g_assert_true (dsr_csv_parse_double ("-12", &d, &error));
  g_assert_cmpfloat (d, ==, -12);
  g_assert_false (dsr_csv_parse_double ("51,4", &d, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_assert_true (strstr (error->message, "51,4") != NULL);
  g_clear_error (&error);
  g_assert_false (dsr_csv_parse_double ("", &d, &error));
  g_clear_error (&error);
  g_assert_false (dsr_csv_parse_double ("NaN", &d, &error));
  g_clear_error (&error);
  g_assert_false (dsr_csv_parse_double ("inf", &d, &error));
  g_clear_error (&error);
  g_assert_false (dsr_csv_parse_double ("12abc", &d, &error));
  g_clear_error (&error);

  g_assert_true (dsr_csv_parse_int ("2021", 1900, 2100, &i, &error));
  g_assert_cmpint (i, ==, 2021);
  g_assert_false (dsr_csv_parse_int ("99999", 1900, 2100, &i, &error));
  g_clear_error (&error);
  g_assert_false (dsr_csv_parse_int ("20.5", 0, 9999, &i, &error));
  g_clear_error (&error);
}

static void
test_columns (void)
{
  const char *names[] = { "id", "value", NULL };
  const char *optional[] = { "note", NULL };
  int index[3];
  DsrCsvColumns columns = { names, optional, index, 0, FALSE };
  char *header_fields[] = { "Value ", "ID", "extra", NULL };
  char *row_fields[] = { "1", "a", "x", NULL };
  char *short_fields[] = { "1", NULL };
  DsrCsvRow header = { 1, 3, header_fields };
  DsrCsvRow row = { 2, 3, row_fields };
  DsrCsvRow short_row = { 3, 1, short_fields };
  g_autoptr(GError) error = NULL;
  gboolean is_header;

  g_assert_true (dsr_csv_columns_take_row (&columns, &header, &is_header, &error));
  g_assert_true (is_header);
  g_assert_cmpint (index[0], ==, 1);
  g_assert_cmpint (index[1], ==, 0);
  g_assert_cmpint (index[2], ==, -1);
  g_assert_true (dsr_csv_columns_take_row (&columns, &row, &is_header, &error));
  g_assert_false (is_header);
  g_assert_false (dsr_csv_columns_take_row (&columns, &short_row, &is_header, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "expected 3 fields as in the header, found 1");
  g_clear_error (&error);

  {
    DsrCsvColumns missing = { names, NULL, index, 0, FALSE };
    char *f[] = { "id", "amount", NULL };
    DsrCsvRow h = { 1, 2, f };

    g_assert_false (dsr_csv_columns_take_row (&missing, &h, &is_header, &error));
    g_assert_error (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN);
    g_assert_true (strstr (error->message, "“value”") != NULL);
  }
}

/* The reader's limits: a field over 64 KiB, a record over 4 MiB or over
 * 16,384 fields is an error naming the file, the line and the limit; the
 * stream reader stops there (bounded memory; the figures are in the report
 * of issue 11: 20 MB of commas took 440 MB before). */
static void
test_limits (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  Collect c = { g_ptr_array_new_with_free_func (g_free), 0 };

  /* A field of exactly 64 KiB is read; one byte more is not. */
  g_string_set_size (text, 4 + DSR_CSV_MAX_FIELD_BYTES);
  memset (text->str + 4, 'x', DSR_CSV_MAX_FIELD_BYTES);
  g_string_append (text, ",y\n");
  rows = parse (text->str, text->len, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_string_insert_c (text, 4, 'x');
  rows = parse (text->str, text->len, 0, &error);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "t.csv:2: a field of the record that starts on this line is "
                                       "longer than 64 KiB, the limit of a field: is this a CSV file?");
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_error (&error);

  /* 16,384 fields are read; 16,385 are not. */
  g_string_assign (text, "a\n");
  for (guint i = 1; i < DSR_CSV_MAX_FIELDS; i++)
    g_string_append_c (text, ',');
  g_string_append_c (text, '\n');
  rows = parse (text->str, text->len, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_string_insert_c (text, 2, ',');
  rows = parse (text->str, text->len, 0, &error);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "t.csv:2: the record that starts on this line has more than "
                                       "16384 fields, the limit of a record");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_error (&error);

  /* A record of 5 MB over several lines (80 quoted fields of 64,000 bytes
   * with line ends in them), from a stream. */
  g_string_assign (text, "a\n");
  for (guint i = 0; i < 80; i++)
    {
      g_string_append (text, i > 0 ? ",\"" : "\"");
      for (guint k = 0; k < 1000; k++)
        g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n");
      g_string_append_c (text, '"');
    }
  g_string_append_c (text, '\n');
  g_assert_cmpuint (text->len, >, DSR_CSV_MAX_RECORD_BYTES);
  stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  g_assert_false (dsr_csv_parse_stream (stream, "s.csv", collect_row, &c, NULL, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "s.csv:2: the record that starts on this line is longer than "
                                       "4 MiB, the limit of a record: is this a CSV file?");
  g_assert_cmpuint (c.rows->len, ==, 1);
  g_ptr_array_unref (c.rows);
}

/* UTF-32 is named as such, not as UTF-16; bytes that are not UTF-8 are
 * DSR_ERROR_ENCODING (the importer then reads the file as Windows-1252). */
static void
test_encodings (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = parse ("\xff\xfe\x00\x00" "a\x00\x00\x00", 8, 0, &error);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "t.csv:1: the file is UTF-32 text: save it as UTF-8 CSV");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_error (&error);
  rows = parse ("\x00\x00\xfe\xff" "\x00\x00\x00" "a", 8, 0, &error);
  g_assert_cmpstr (error->message, ==, "t.csv:1: the file is UTF-32 text: save it as UTF-8 CSV");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_error (&error);
  rows = parse ("\xff\xfe" "a\x00", 4, 0, &error);
  g_assert_cmpstr (error->message, ==, "t.csv:1: the file is UTF-16 text: save it as UTF-8 CSV");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_error (&error);

  rows = parse ("a,b\nc,d\xe9\n", -1, 0, &error);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "t.csv:2: "));
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_error (&error);
  /* Cut inside a character: the file is truncated, not in another encoding. */
  rows = parse ("a,b\nc,d\xc3", -1, 0, &error);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "t.csv:2: the file ends inside a character (is the file truncated?)");
}

/* The one helper for user text in messages. */
static void
test_quote (void)
{
  g_autofree char *big = g_strnfill (1024 * 1024, 'x');
  g_autofree char *han = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  char *q;

  q = dsr_format_quote ("plain text");
  g_assert_cmpstr (q, ==, "plain text");
  g_free (q);
  q = dsr_format_quote ("a\tb\nc\rd\x1b[31m\x7f\xc2\x9f\xe2\x80\xae" "e");
  g_assert_cmpstr (q, ==, "a\\tb\\nc\\rd\\x1b[31m\\x7f\\u009F\\u202Ee");
  g_free (q);
  /* Not UTF-8: the bytes in hex, the rest as it is. */
  q = dsr_format_quote ("Donn\xe9" "es \xc3");
  g_assert_cmpstr (q, ==, "Donn\\xe9es \\xc3");
  g_free (q);
  /* 60 characters, then "…", whatever the length. */
  q = dsr_format_quote (big);
  g_assert_cmpuint (g_utf8_strlen (q, -1), ==, DSR_FORMAT_QUOTE_MAX + 1);
  g_assert_true (g_str_has_suffix (q, "x…"));
  g_free (q);
  q = dsr_format_quote_len (big, DSR_FORMAT_QUOTE_MAX);
  g_assert_cmpuint (strlen (q), ==, DSR_FORMAT_QUOTE_MAX);
  g_free (q);
  /* Cut at a character, not inside one. */
  for (guint i = 0; i < 100; i++)
    g_string_append (many, "汉");
  han = g_string_free (g_steal_pointer (&many), FALSE);
  q = dsr_format_quote (han);
  g_assert_true (g_utf8_validate (q, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (q, -1), ==, DSR_FORMAT_QUOTE_MAX + 1);
  g_free (q);
  q = dsr_format_quote (NULL);
  g_assert_cmpstr (q, ==, "");
  g_free (q);

  /* Paths: escaped, their middle left out past 120 characters. */
  q = dsr_format_path ("/tmp/a\nb\x1b.csv");
  g_assert_cmpstr (q, ==, "/tmp/a\\nb\\x1b.csv");
  g_free (q);
  {
    g_autofree char *dirs = g_strnfill (500, 'd');
    g_autofree char *path = g_strconcat ("/home/", dirs, "/API_IT.NET.USER.ZS.csv", NULL);

    q = dsr_format_path (path);
    g_assert_cmpuint (g_utf8_strlen (q, -1), ==, DSR_FORMAT_PATH_MAX);
    g_assert_true (g_str_has_prefix (q, "/home/ddd"));
    g_assert_true (g_str_has_suffix (q, "dd/API_IT.NET.USER.ZS.csv"));
    g_assert_nonnull (strstr (q, "d…d"));
    g_free (q);
  }

  /* Messages from elsewhere: escaped, not cut. */
  q = dsr_format_escape ("Error opening file “/x\ny”: No such file");
  g_assert_cmpstr (q, ==, "Error opening file “/x\\ny”: No such file");
  g_free (q);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/csv/plain", test_plain);
  g_test_add_func ("/csv/bom-crlf-quotes", test_bom_crlf_quotes);
  g_test_add_func ("/csv/blank-lines", test_blank_lines_keep_line_numbers);
  g_test_add_func ("/csv/errors", test_errors_name_file_and_line);
  g_test_add_func ("/csv/callback-error", test_callback_error_stops);
  g_test_add_func ("/csv/empty", test_empty);
  g_test_add_func ("/csv/file-and-stream", test_file_and_stream);
  g_test_add_func ("/csv/utf8-across-reads", test_utf8_across_reads);
  g_test_add_func ("/csv/numbers", test_numbers);
  g_test_add_func ("/csv/columns", test_columns);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/quote", test_quote);

  return g_test_run ();
}
