/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-import-private.h"

/* Format detection: the first 64 KiB of a file are parsed and its first
 * records looked at. A World Bank file is recognised by its shape, whatever
 * the language of the export: four id columns (economy name and code,
 * indicator name and code) then one column a year, possibly after a short
 * preamble ("Data Source", "Last Updated Date") and with a trailing empty
 * column. The others are recognised by their header names. */

#define SNIFF_SIZE (64 * 1024)
#define SNIFF_RECORDS 16

const char *
dsr_import_format_to_string (DsrImportFormat format)
{
  switch (format)
    {
    case DSR_IMPORT_FORMAT_WORLD_BANK: return "world-bank";
    case DSR_IMPORT_FORMAT_WB_COUNTRY_META: return "world-bank-countries";
    case DSR_IMPORT_FORMAT_WB_INDICATOR_META: return "world-bank-indicators";
    case DSR_IMPORT_FORMAT_OWID: return "owid";
    case DSR_IMPORT_FORMAT_TIDY: return "tidy";
    case DSR_IMPORT_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
dsr_import_format_to_label (DsrImportFormat format)
{
  switch (format)
    {
    case DSR_IMPORT_FORMAT_WORLD_BANK: return _("World Bank indicator data");
    case DSR_IMPORT_FORMAT_WB_COUNTRY_META: return _("World Bank country metadata");
    case DSR_IMPORT_FORMAT_WB_INDICATOR_META: return _("World Bank indicator metadata");
    case DSR_IMPORT_FORMAT_OWID: return _("Our World in Data chart data");
    case DSR_IMPORT_FORMAT_TIDY: return _("Table of observations");
    case DSR_IMPORT_FORMAT_UNKNOWN:
    default:
      return _("Unrecognised columns");
    }
}

/* A header name made comparable: ASCII lower case, runs of anything but
 * letters and digits as one '_', none at either end ("Country Code" and
 * "country-code" are both "country_code"). */
char *
dsr_import_normalize_header (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        g_string_append_c (out, '_');
    }
  if (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* The first column of @header (already normalised) named one of @names, or -1. */
int
dsr_import_find_column (char               **header,
                        const char * const  *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; header[i] != NULL; i++)
      if (g_str_equal (header[i], names[n]))
        return (int) i;
  return -1;
}

/* A year column of a wide file: "1960", or "1960 [YR1960]" as the World
 * Bank's DataBank writes it; -1 otherwise. */
int
dsr_import_parse_header_year (const char *text)
{
  int year = 0, n = 0;
  const char *p = text;

  while (*p == ' ')
    p++;
  for (; g_ascii_isdigit (*p) && n < 5; p++, n++)
    year = year * 10 + (*p - '0');
  if (n != 4 || year < DSR_STORE_YEAR_MIN || year > DSR_STORE_YEAR_MAX)
    return -1;
  while (*p == ' ')
    p++;
  if (*p == '[')
    {
      const char *close = strchr (p, ']');

      if (close == NULL)
        return -1;
      for (p = close + 1; *p == ' '; p++)
        ;
    }
  return *p == '\0' ? year : -1;
}

/* Whether every field from @first on is a year (empty fields at the end,
 * such as the World Bank's trailing comma, aside), with at least one year. */
gboolean
dsr_import_header_is_years (char  **fields,
                            guint   n_fields,
                            guint   first)
{
  guint last = n_fields;

  while (last > first && *fields[last - 1] == '\0')
    last--;
  if (last <= first)
    return FALSE;
  for (guint i = first; i < last; i++)
    if (dsr_import_parse_header_year (fields[i]) < 0)
      return FALSE;
  return TRUE;
}

/* Sniffing --------------------------------------------------------------------- */

typedef struct
{
  guint  line;
  char **fields;
} SniffRecord;

static void
sniff_record_clear (gpointer data)
{
  SniffRecord *r = data;

  g_strfreev (r->fields);
}

static gboolean
sniff_row (const DsrCsvRow *row,
           gpointer         user_data,
           GError         **error)
{
  GArray *records = user_data;
  SniffRecord r;

  r.line = row->line;
  r.fields = g_strdupv (row->fields);
  g_array_append_val (records, r);
  if (records->len >= SNIFF_RECORDS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "enough");
      return FALSE;
    }
  return TRUE;
}

static guint
count_filled (char **fields)
{
  guint n = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    n += *g_strstrip (fields[i]) != '\0';
  return n;
}

static const char * const country_meta_code[] = { "country_code", NULL };
static const char * const country_meta_region[] = { "region", NULL };
static const char * const country_meta_income[] = { "incomegroup", "income_group", NULL };
static const char * const indicator_meta_code[] = { "indicator_code", "series_code", NULL };
static const char * const indicator_meta_name[] = { "indicator_name", NULL };

/* Whether the first four fields are the World Bank's id columns: economy
 * name and code, indicator (or series) name and code, either pair first. */
static gboolean
is_wide_id_header (char **fields)
{
  static const char * const economy[] = { "country_name", "country_code" };
  static const char * const indicator[][2] = { { "indicator_name", "indicator_code" },
                                               { "series_name", "series_code" } };
  char *n[4];
  gboolean found = FALSE;

  for (guint i = 0; i < 4; i++)
    n[i] = dsr_import_normalize_header (fields[i]);
  for (guint k = 0; k < G_N_ELEMENTS (indicator) && !found; k++)
    found = (g_str_equal (n[0], economy[0]) && g_str_equal (n[1], economy[1])
             && g_str_equal (n[2], indicator[k][0]) && g_str_equal (n[3], indicator[k][1]))
            || (g_str_equal (n[0], indicator[k][0]) && g_str_equal (n[1], indicator[k][1])
                && g_str_equal (n[2], economy[0]) && g_str_equal (n[3], economy[1]));
  for (guint i = 0; i < 4; i++)
    g_free (n[i]);
  return found;
}

static DsrImportFormat
classify_header (const DsrImportSource *source,
                 char                 **normalized)
{
  guint n = g_strv_length (normalized);

  if (dsr_import_find_column (normalized, country_meta_code) >= 0
      && dsr_import_find_column (normalized, country_meta_region) >= 0
      && dsr_import_find_column (normalized, country_meta_income) >= 0)
    return DSR_IMPORT_FORMAT_WB_COUNTRY_META;
  if (dsr_import_find_column (normalized, indicator_meta_code) >= 0
      && dsr_import_find_column (normalized, indicator_meta_name) >= 0)
    return DSR_IMPORT_FORMAT_WB_INDICATOR_META;
  /* Other languages: the metadata files keep their names. */
  if (g_str_has_prefix (source->basename, "Metadata_Country_") && n >= 3)
    return DSR_IMPORT_FORMAT_WB_COUNTRY_META;
  if (g_str_has_prefix (source->basename, "Metadata_Indicator_") && n >= 2)
    return DSR_IMPORT_FORMAT_WB_INDICATOR_META;
  if (n >= 4 && g_str_equal (normalized[0], "entity") && g_str_equal (normalized[1], "code")
      && g_str_equal (normalized[2], "year"))
    return DSR_IMPORT_FORMAT_OWID;
  return DSR_IMPORT_FORMAT_TIDY; /* checked against the synonyms when read */
}

static void
classify (DsrImportSource *source,
          GArray          *records)
{
  const SniffRecord *header = NULL;
  g_auto(GStrv) normalized = NULL;
  guint i;

  for (i = 0; i < records->len; i++)
    {
      const SniffRecord *r = &g_array_index (records, SniffRecord, i);
      guint n = g_strv_length (r->fields);

      if (n >= 5 && count_filled (r->fields) >= 5 && dsr_import_header_is_years (r->fields, n, 4))
        {
          header = r;
          source->format = DSR_IMPORT_FORMAT_WORLD_BANK;
          break;
        }
    }

  /* The World Bank's id columns with something other than years after them
   * (a year column "99999", "1e3"): the header all the same, so that the
   * reader names its line and the column that is wrong. */
  if (header == NULL)
    for (i = 0; i < records->len; i++)
      {
        const SniffRecord *r = &g_array_index (records, SniffRecord, i);

        if (g_strv_length (r->fields) >= 5 && is_wide_id_header (r->fields))
          {
            header = r;
            source->format = DSR_IMPORT_FORMAT_WORLD_BANK;
            break;
          }
      }

  if (header != NULL)
    {
      /* The preamble: short "name","value" records before the header. */
      for (guint p = 0; p < i; p++)
        {
          char **fields = g_array_index (records, SniffRecord, p).fields;

          if (g_strv_length (fields) < 2 || count_filled (fields) > 3)
            continue;
          if (source->data_source == NULL)
            source->data_source = g_strdup (fields[1]);
          else if (source->updated == NULL)
            source->updated = g_strdup (fields[1]);
        }
    }
  else
    {
      header = &g_array_index (records, SniffRecord, 0);
      normalized = g_new0 (char *, g_strv_length (header->fields) + 1);
      for (guint f = 0; header->fields[f] != NULL; f++)
        normalized[f] = dsr_import_normalize_header (header->fields[f]);
      source->format = classify_header (source, normalized);
    }

  source->header_line = header->line;
  source->header = g_strdupv (header->fields);
}

/* Reads the start of @data (converted from Windows-1252 when it is not
 * UTF-8) into @records. */
static gboolean
sniff_records (DsrImportSource  *source,
               const char       *data,
               gsize             len,
               gboolean          whole,
               GArray           *records,
               GError          **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize cut = len;

  /* Up to the last line end, unless the file is all there. */
  if (!whole)
    {
      while (cut > 0 && data[cut - 1] != '\n')
        cut--;
      if (cut == 0)
        cut = len;
    }

  if (memchr (data, '\0', cut) == NULL && !g_utf8_validate_len (data, cut, NULL)
      && !(cut >= 2 && (guchar) data[0] >= 0xFE))
    {
      /* Windows-1252 and Latin-1 files (spreadsheets save them) are read
       * through a converter. */
      const char *encoding = "WINDOWS-1252";
      gsize converted_len = 0;

      converted = g_convert (data, cut, "UTF-8", encoding, NULL, &converted_len, NULL);
      if (converted == NULL)
        {
          encoding = "ISO-8859-1";
          converted = g_convert (data, cut, "UTF-8", encoding, NULL, &converted_len, NULL);
        }
      if (converted != NULL)
        {
          source->encoding = g_strdup (encoding);
          data = converted;
          cut = converted_len;
        }
    }

  /* A broken record after the first ones is reported when the file is
   * read, with its line; here only a file broken from the start fails. */
  if (!dsr_csv_parse_data (data, cut, source->name, sniff_row, records, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && records->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (records->len == 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: the file has no data, only empty lines"),
                   source->name);
      return FALSE;
    }
  return TRUE;
}

/* Whether @data starts as JSON does: an object, or an array of values
 * (after a byte order mark and blanks). No CSV header starts so. */
static gboolean
looks_like_json (const char *data,
                 gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i < len && data[i] == '{')
    return TRUE;
  if (i < len && data[i] == '[')
    {
      for (i++; i < len && g_ascii_isspace (data[i]); i++)
        ;
      return i < len && strchr ("{[\"]-0123456789", data[i]) != NULL;
    }
  return FALSE;
}

DsrImportSource *
dsr_import_source_new (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (SniffRecord));
  g_autofree char *data = g_malloc (SNIFF_SIZE);
  DsrImportSource *source = g_new0 (DsrImportSource, 1);
  GError *local_error = NULL;
  gsize len = 0;

  g_array_set_clear_func (records, sniff_record_clear);
  source->file = g_object_ref (file);
  source->name = dsr_csv_display_name (file);
  source->basename = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    g_set_error (&local_error, DSR_ERROR, DSR_ERROR_INVALID,
                 _("it is a folder: choose the CSV files in it"));
  /* A FIFO would block the read until something writes to it, a device
   * never ends: only plain files are read. */
  else if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    g_set_error (&local_error, DSR_ERROR, DSR_ERROR_INVALID,
                 _("it is not a regular file (a pipe, a socket or a device)"));
  if (info != NULL && local_error == NULL)
    stream = g_file_read (file, cancellable, &local_error);
  if (stream != NULL)
    g_input_stream_read_all (G_INPUT_STREAM (stream), data, SNIFF_SIZE, &len, cancellable, &local_error);
  if (local_error != NULL)
    {
      /* GIO's messages quote the path as it is: escaped here. */
      g_autofree char *safe = dsr_format_escape (local_error->message);

      g_free (local_error->message);
      local_error->message = g_strdup_printf ("%s: %s", source->name, safe);
      g_propagate_error (error, local_error);
      dsr_import_source_free (source);
      return NULL;
    }
  source->size = g_file_info_get_size (info);

  if (len == 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: the file is empty"), source->name);
      dsr_import_source_free (source);
      return NULL;
    }
  if (looks_like_json (data, len))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("%s: the file is JSON, not CSV: export the data as CSV"), source->name);
      dsr_import_source_free (source);
      return NULL;
    }
  if (!sniff_records (source, data, len, len < SNIFF_SIZE, records, error))
    {
      dsr_import_source_free (source);
      return NULL;
    }

  classify (source, records);
  return source;
}

void
dsr_import_source_free (DsrImportSource *source)
{
  if (source == NULL)
    return;
  g_clear_object (&source->file);
  g_free (source->name);
  g_free (source->basename);
  g_strfreev (source->header);
  g_free (source->encoding);
  g_free (source->data_source);
  g_free (source->updated);
  g_free (source);
}

/* Sniffs @file: its format and header (the fields of the header record).
 * For the import dialog's column mapping. */
gboolean
dsr_import_detect (GFile            *file,
                   GCancellable     *cancellable,
                   DsrImportFormat  *format,
                   char           ***header,
                   GError          **error)
{
  DsrImportSource *source;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  source = dsr_import_source_new (file, cancellable, error);
  if (source == NULL)
    return FALSE;
  if (format != NULL)
    *format = source->format;
  if (header != NULL)
    *header = g_steal_pointer (&source->header);
  dsr_import_source_free (source);
  return TRUE;
}

/* Column mappings ------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (DsrColumnMapping, dsr_column_mapping, dsr_column_mapping_copy,
                     dsr_column_mapping_free)

DsrColumnMapping *
dsr_column_mapping_new (void)
{
  return g_new0 (DsrColumnMapping, 1);
}

DsrColumnMapping *
dsr_column_mapping_copy (const DsrColumnMapping *mapping)
{
  DsrColumnMapping *copy;

  if (mapping == NULL)
    return NULL;
  copy = dsr_column_mapping_new ();
  copy->country = g_strdup (mapping->country);
  copy->indicator = g_strdup (mapping->indicator);
  copy->year = g_strdup (mapping->year);
  copy->value = g_strdup (mapping->value);
  copy->unit = g_strdup (mapping->unit);
  copy->source = g_strdup (mapping->source);
  copy->indicator_id = g_strdup (mapping->indicator_id);
  copy->filter = g_strdup (mapping->filter);
  return copy;
}

void
dsr_column_mapping_free (DsrColumnMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->country);
  g_free (mapping->indicator);
  g_free (mapping->year);
  g_free (mapping->value);
  g_free (mapping->unit);
  g_free (mapping->source);
  g_free (mapping->indicator_id);
  g_free (mapping->filter);
  g_free (mapping);
}

/* The fields of a mapping in the order of its text form. */
static char **
mapping_field (DsrColumnMapping *mapping,
               guint             i)
{
  char **fields[] = { &mapping->country, &mapping->indicator, &mapping->year, &mapping->value,
                      &mapping->unit, &mapping->source, &mapping->indicator_id, &mapping->filter };

  return i < G_N_ELEMENTS (fields) ? fields[i] : NULL;
}

static const char * const mapping_keys[] = {
  "country", "indicator", "year", "value", "unit", "source", "id", "filter", NULL
};

/* "country=iso3,year=Year,value=3": KEY=COLUMN pairs, a column by header
 * name or 1-based number; keys country, indicator, year, value, unit,
 * source, id (the indicator id when there is no indicator column), and
 * filter ("filter=Flow=2": only rows whose column Flow holds 2; several
 * conditions joined by ";"). */
DsrColumnMapping *
dsr_column_mapping_parse (const char  *spec,
                          GError     **error)
{
  g_autoptr(DsrColumnMapping) mapping = dsr_column_mapping_new ();
  g_auto(GStrv) pairs = NULL;
  g_autofree char *keys = g_strjoinv (", ", (char **) mapping_keys);

  g_return_val_if_fail (spec != NULL, NULL);

  pairs = g_strsplit (spec, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq;
      guint k;

      if (*g_strstrip (pairs[i]) == '\0')
        continue;
      eq = strchr (pairs[i], '=');
      if (eq == NULL)
        {
          g_autofree char *quoted = dsr_format_quote (pairs[i]);

          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("column mapping: “%s” is not KEY=COLUMN (keys: %s)"), quoted, keys);
          return NULL;
        }
      *eq = '\0';
      g_strstrip (pairs[i]);
      for (k = 0; mapping_keys[k] != NULL; k++)
        if (g_ascii_strcasecmp (pairs[i], mapping_keys[k]) == 0)
          break;
      if (mapping_keys[k] == NULL)
        {
          g_autofree char *quoted = dsr_format_quote (pairs[i]);

          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("column mapping: unknown key “%s” (keys: %s)"), quoted, keys);
          return NULL;
        }
      g_free (*mapping_field (mapping, k));
      *mapping_field (mapping, k) = g_strdup (g_strstrip (eq + 1));
    }

  if (mapping->country == NULL || mapping->year == NULL || mapping->value == NULL)
    {
      g_autofree char *quoted = dsr_format_quote (spec);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("column mapping: “%s” must name at least the country, year and value "
                     "columns (e.g. country=iso3,year=year,value=value)"), quoted);
      return NULL;
    }
  return g_steal_pointer (&mapping);
}

char *
dsr_column_mapping_to_string (const DsrColumnMapping *mapping)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (mapping != NULL, NULL);

  for (guint k = 0; mapping_keys[k] != NULL; k++)
    {
      const char *column = *mapping_field ((DsrColumnMapping *) mapping, k);

      if (column == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "%s=%s", mapping_keys[k], column);
    }
  return g_string_free (out, FALSE);
}
