/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-import-private.h"

/* World Bank files: the wide data files (API_*.csv, WDICSV.csv) and their
 * metadata. A data row is an (economy, indicator) pair with one value a
 * year; it becomes one series of the staging store in one call, and its
 * numbers are parsed in place: no allocation per value. */

/* Metadata ------------------------------------------------------------------------ */

/* The columns of a metadata file, by header name or else by position. */
static int
meta_column (char               **normalized,
             const char * const  *names,
             int                  position)
{
  int i = dsr_import_find_column (normalized, names);

  if (i < 0 && position >= 0 && position < (int) g_strv_length (normalized))
    i = position;
  return i;
}

static char **
normalize_fields (char **fields)
{
  char **out = g_new0 (char *, g_strv_length (fields) + 1);

  for (guint i = 0; fields[i] != NULL; i++)
    out[i] = dsr_import_normalize_header (fields[i]);
  return out;
}

static const char *
field_or_empty (const DsrCsvRow *row,
                int              i)
{
  return i >= 0 && (guint) i < row->n_fields ? g_strstrip (row->fields[i]) : "";
}

enum { META_CODE, META_A, META_B, META_C, META_D, META_E, META_F, META_N };

typedef struct _MetaLoad MetaLoad;

struct _MetaLoad
{
  DsrImportContext      *ctx;
  const DsrImportSource *source;
  int                    column[META_N];
  GHashTable            *rows;   /* code -> DsrWbEconomy or DsrWbSeries */
  void                 (*take) (MetaLoad        *load,
                                const DsrCsvRow *row,
                                const char      *code);
};

static void
economy_free (gpointer data)
{
  DsrWbEconomy *e = data;

  g_free (e->code);
  g_free (e->name);
  g_free (e->region);
  g_free (e->income);
  g_free (e);
}

static void
series_free (gpointer data)
{
  DsrWbSeries *s = data;

  g_free (s->name);
  g_free (s->unit);
  g_free (s->description);
  g_free (s->source);
  g_free (s->topic);
  g_free (s->method);
  g_free (s);
}

/* The tables of World Bank metadata of an import: code -> DsrWbEconomy,
 * code -> DsrWbSeries. */
void
dsr_import_init_metadata (DsrImportContext *ctx)
{
  ctx->economies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, economy_free);
  ctx->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, series_free);
}

/* A row of a metadata file: the first one for a code counts. */
static gboolean
meta_row (const DsrCsvRow *row,
          gpointer         user_data,
          GError         **error)
{
  MetaLoad *load = user_data;
  const char *code;

  if (row->line <= load->source->header_line)
    return TRUE;
  if (!dsr_import_tick (load->ctx, error))
    return FALSE;

  code = field_or_empty (row, load->column[META_CODE]);
  if (*code != '\0' && !g_hash_table_contains (load->rows, code))
    load->take (load, row, code);
  return TRUE;
}

static void take_series (MetaLoad        *load,
                         const DsrCsvRow *row,
                         const char      *code);
static int  method_column (char **header);

/* Reads a metadata file into @rows, then adds what it gave to @into (what
 * an earlier file gave for a code stays): a file that fails gives nothing. */
static gboolean
read_meta (DsrImportContext           *ctx,
           const DsrImportSource      *source,
           const char * const * const  names[META_N],
           const int                   positions[META_N],
           GHashTable                 *rows,
           GHashTable                 *into,
           void                      (*take) (MetaLoad *, const DsrCsvRow *, const char *),
           GError                    **error)
{
  g_auto(GStrv) normalized = normalize_fields (source->header);
  MetaLoad load = { ctx, source, { 0 }, rows, take };
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < META_N; i++)
    load.column[i] = names[i] ? meta_column (normalized, names[i], positions[i]) : -1;
  if (take == take_series)
    load.column[META_F] = method_column (source->header);
  if (!dsr_import_read_csv (ctx, source, meta_row, &load, error))
    return FALSE;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (into, key))
      {
        g_hash_table_iter_steal (&iter);
        g_hash_table_insert (into, key, value);
      }
  return TRUE;
}

/* An economy the World Bank lists without a region (some vintages' high
 * income economies) that ISO 3166 does not: imported, and said so, as
 * take_economy() says it of those with a region. */
static void
note_economy_without_region (MetaLoad           *load,
                             const DsrWbEconomy *e,
                             guint               line)
{
  if (*e->region != '\0' || e->aggregate || g_str_equal (e->code, "XKX")
      || dsr_import_is_known_code (load->ctx, e->code))
    return;
  dsr_import_problem (load->ctx, DSR_IMPORT_PROBLEM_NOTE, line,
                      _("“%s” (%s) is not an ISO 3166 country code; it is imported as an economy "
                        "of the World Bank’s income group “%s”"), e->code, e->name, e->income);
}

static void
take_economy (MetaLoad        *load,
              const DsrCsvRow *row,
              const char      *code)
{
  DsrWbEconomy *e;

  /* The code may become an economy's id: the same rule as an indicator's. */
  if (!dsr_import_id_is_valid (code))
    {
      g_autofree char *quoted = dsr_format_quote (code);

      dsr_import_problem (load->ctx, DSR_IMPORT_PROBLEM_ROWS_SKIPPED, row->line,
                          _("“%s” is not a valid economy code: a code has only letters, digits, "
                            "“.”, “_”, “-” and “:”, at most %d bytes: the row is not used"), quoted,
                          DSR_IMPORT_ID_MAX);
      return;
    }
  e = g_new0 (DsrWbEconomy, 1);
  {
    g_autofree char *upper = g_ascii_strup (code, -1);

    e->code = g_strdup (dsr_import_canonical_code (upper));
  }
  e->region = g_strdup (field_or_empty (row, load->column[META_A]));
  e->income = g_strdup (field_or_empty (row, load->column[META_B]));
  e->name = g_strdup (field_or_empty (row, load->column[META_C]));
  e->aggregate = dsr_import_wb_is_aggregate (e->code, e->region, e->income);
  e->line = row->line;
  /* The key is the value's own code: replace, so that a second row for the
   * same economy does not leave the key of the row it frees. */
  g_hash_table_replace (load->rows, e->code, e);

  /* An economy the World Bank lists that ISO 3166 does not (the Channel
   * Islands): imported as a country, and said so. */
  if (*e->region != '\0' && !g_str_equal (e->code, "XKX")
      && !dsr_import_is_known_code (load->ctx, e->code))
    {
      g_autofree char *name = dsr_format_quote (e->name);
      g_autofree char *region = dsr_format_quote (e->region);

      dsr_import_problem (load->ctx, DSR_IMPORT_PROBLEM_NOTE, row->line,
                          _("“%s” (%s) is not an ISO 3166 country code; it is imported as an economy "
                            "of the World Bank’s “%s” region"), e->code, name, region);
    }
  note_economy_without_region (load, e, row->line);
}

/* Metadata_Country_*.csv: Country Code, Region, IncomeGroup, SpecialNotes,
 * TableName; in Spanish: Country Name, Country Code, Region, Income_Group.
 * WDICountry.csv: Country Code, Short Name, Table Name, ..., Region, Income
 * Group. Which rows are aggregates: dsr_import_wb_is_aggregate(). */
gboolean
dsr_import_read_wb_countries (DsrImportContext       *ctx,
                              const DsrImportSource  *source,
                              GError                **error)
{
  static const char * const code[] = { "country_code", NULL };
  static const char * const region[] = { "region", NULL };
  static const char * const income[] = { "incomegroup", "income_group", NULL };
  static const char * const name[] = { "tablename", "table_name", "short_name", "country_name", NULL };
  const char * const * const names[META_N] = { code, region, income, name, NULL, NULL, NULL };
  const int positions[META_N] = { 0, 1, 2, 4, -1, -1, -1 };
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, economy_free);

  return read_meta (ctx, source, names, positions, rows, ctx->economies, take_economy, error);
}

/* The aggregation method in the English words dsr_aggregation_guess()
 * reads: the Spanish, French and Chinese metadata's "Promedio ponderado",
 * "Moyenne pondérée", "加权平均", "Suma", "Somme", "总和", "Mediana"... */
static char *
english_method (const char *method)
{
  static const struct { const char *word; const char *english; } words[] = {
    { "ponderad", "Weighted average" }, { "pondere", "Weighted average" }, { "加权", "Weighted average" },
    { "promedio", "Average" }, { "moyenne", "Average" }, { "平均", "Average" },
    { "mediana", "Median" }, { "mediane", "Median" }, { "中位数", "Median" },
    { "suma", "Sum" }, { "somme", "Sum" }, { "总和", "Sum" }, { "合计", "Sum" }, { "求和", "Sum" },
    { "总计", "Sum" }, { "加总", "Sum" },
  };
  g_autofree char *ascii = g_str_to_ascii (method, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i].word) != NULL || strstr (method, words[i].word) != NULL)
      return g_strdup (words[i].english);
  return g_strdup (method);
}

static void
take_series (MetaLoad        *load,
             const DsrCsvRow *row,
             const char      *code)
{
  DsrWbSeries *s = g_new0 (DsrWbSeries, 1);

  s->name = g_strdup (field_or_empty (row, load->column[META_A]));
  s->description = g_strdup (field_or_empty (row, load->column[META_B]));
  s->source = g_strdup (field_or_empty (row, load->column[META_C]));
  s->unit = g_strdup (field_or_empty (row, load->column[META_D]));
  s->topic = g_strdup (field_or_empty (row, load->column[META_E]));
  s->method = english_method (field_or_empty (row, load->column[META_F]));
  g_hash_table_insert (load->rows, g_strdup (code), s);
}

/* The "Aggregation method" column of indicator metadata (WDISeries.csv, the
 * API's metadata), under the names it has in the World Bank's languages:
 * "Aggregation method", "Método de agregación", "Méthode d'agrégation",
 * "Método de agregação", "汇总方法"/"聚合方法"; -1 when there is none. */
static int
method_column (char **header)
{
  static const char * const words[] = { "aggregation", "agregacion", "agregation", "agregacao", NULL };
  static const char * const chinese[] = { "汇总方法", "聚合方法", "加总方法", NULL };

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *ascii = g_str_to_ascii (header[i], "C");
      g_autofree char *lower = g_ascii_strdown (ascii, -1);

      for (guint w = 0; words[w] != NULL; w++)
        if (strstr (lower, words[w]) != NULL)
          return (int) i;
      for (guint w = 0; chinese[w] != NULL; w++)
        if (strstr (header[i], chinese[w]) != NULL)
          return (int) i;
    }
  return -1;
}

/* Metadata_Indicator_*.csv: INDICATOR_CODE, INDICATOR_NAME, SOURCE_NOTE,
 * SOURCE_ORGANIZATION. WDISeries.csv: Series Code, Topic, Indicator Name,
 * Short definition, Long definition, Unit of measure, ..., Aggregation
 * method, ..., Source. */
gboolean
dsr_import_read_wb_series (DsrImportContext       *ctx,
                           const DsrImportSource  *source,
                           GError                **error)
{
  static const char * const code[] = { "indicator_code", "series_code", NULL };
  static const char * const name[] = { "indicator_name", NULL };
  static const char * const note[] = { "source_note", "long_definition", "short_definition", NULL };
  static const char * const organisation[] = { "source_organization", "source", NULL };
  static const char * const unit[] = { "unit_of_measure", NULL };
  static const char * const topic[] = { "topic", NULL };
  const char * const * const names[META_N] = { code, name, note, organisation, unit, topic, NULL };
  const int positions[META_N] = { 0, 1, 2, 3, -1, -1, -1 };
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, series_free);

  return read_meta (ctx, source, names, positions, rows, ctx->series, take_series, error);
}

/* Data --------------------------------------------------------------------------- */

typedef struct
{
  DsrImportContext      *ctx;
  const DsrImportSource *source;
  guint                  n_fields;   /* of the header */
  gboolean               trailing;   /* the header ends with an empty column */
  int                    country_name, country_code, indicator_name, indicator_code;
  int                   *year_of;    /* per column: its year, or 0 */
  int                    first_year;
  guint                  n_years;
  double                *values;     /* one a year from first_year */
  char                  *value_source;
  char                  *indicator_source;
  GString               *last_code;  /* the indicator of the row before */
  const char            *last_id;
  GHashTable            *text_values; /* indicator id -> values that were text */
} WideLoad;

static gboolean
wide_header (WideLoad        *load,
             const DsrCsvRow *row,
             GError         **error)
{
  g_autofree char *first = dsr_import_normalize_header (row->fields[0]);
  int last_year = 0;

  load->n_fields = row->n_fields;
  load->trailing = *row->fields[row->n_fields - 1] == '\0';
  load->year_of = g_new0 (int, row->n_fields);
  load->first_year = G_MAXINT;

  /* Economy name and code, then indicator name and code; DataBank can put
   * the indicator first. */
  if (strstr (first, "series") != NULL || strstr (first, "indicator") != NULL)
    {
      load->indicator_name = 0;
      load->indicator_code = 1;
      load->country_name = 2;
      load->country_code = 3;
    }
  else
    {
      load->country_name = 0;
      load->country_code = 1;
      load->indicator_name = 2;
      load->indicator_code = 3;
    }

  for (guint i = 4; i < row->n_fields; i++)
    {
      int year = dsr_import_parse_header_year (row->fields[i]);

      /* After the id columns, only years (and the trailing empty column). */
      if (year < 0 && *g_strstrip (row->fields[i]) == '\0')
        continue;
      if (year < 0)
        {
          g_autofree char *quoted = dsr_format_quote (row->fields[i]);

          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       _("column %u of the header, “%s”, is not a year from %d to %d "
                         "(after the economy and indicator columns, every column is a year)"),
                       i + 1, quoted, DSR_STORE_YEAR_MIN, DSR_STORE_YEAR_MAX);
          return FALSE;
        }
      load->year_of[i] = year;
      load->first_year = MIN (load->first_year, year);
      last_year = MAX (last_year, year);
      for (guint j = 4; j < i; j++)
        if (load->year_of[j] == year)
          {
            g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                         _("the year %d has two columns in the header"), year);
            return FALSE;
          }
    }
  /* Without a year column there is nothing to read (and no year range). */
  if (load->first_year == G_MAXINT)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_PARSE, _("the header has no year columns"));
      return FALSE;
    }
  load->n_years = last_year - load->first_year + 1;
  load->values = g_new (double, load->n_years);
  return TRUE;
}

/* Rows one field short or long of the header are fine when the difference
 * is the trailing empty column. */
static gboolean
wide_width_ok (const WideLoad  *load,
               const DsrCsvRow *row)
{
  if (row->n_fields == load->n_fields)
    return TRUE;
  if (row->n_fields + 1 == load->n_fields)
    return load->trailing;
  if (row->n_fields == load->n_fields + 1)
    return *row->fields[row->n_fields - 1] == '\0';
  return FALSE;
}

static const char *
wide_indicator (WideLoad        *load,
                const DsrCsvRow *row,
                const char      *code)
{
  if (load->last_id == NULL || strcmp (load->last_code->str, code) != 0)
    {
      DsrIndicator *indicator;

      if (!dsr_import_id_is_valid (code))
        return NULL;
      indicator =
        dsr_import_ensure_indicator (load->ctx, code, field_or_empty (row, load->indicator_name), NULL,
                                     load->indicator_source);
      const char *updated = load->source->updated;

      /* The preamble's "Last Updated Date" is the values' vintage. */
      if (updated != NULL && strlen (updated) == 10 && g_ascii_isdigit (updated[0])
          && updated[4] == '-' && updated[7] == '-'
          && strcmp (updated, dsr_indicator_get_vintage (indicator)) > 0)
        dsr_indicator_set_vintage (indicator, updated);

      g_string_assign (load->last_code, code);
      load->last_id = dsr_indicator_get_id (indicator);
    }
  return load->last_id;
}

/* Text where numbers should be, per indicator (see
 * dsr_import_check_text_values()). */
static void
wide_count_text (WideLoad   *load,
                 const char *indicator,
                 guint64     n_text)
{
  guint before;

  if (n_text == 0)
    return;
  before = GPOINTER_TO_UINT (g_hash_table_lookup (load->text_values, indicator));

  g_hash_table_insert (load->text_values, (gpointer) indicator, GUINT_TO_POINTER (before + (guint) n_text));
}

static gboolean
wide_row (const DsrCsvRow *row,
          gpointer         user_data,
          GError         **error)
{
  WideLoad *load = user_data;
  DsrImportContext *ctx = load->ctx;
  const char *code, *entity, *indicator_code, *indicator;
  GError *local_error = NULL;
  guint n_values = 0, last;
  guint64 bad_before;

  if (row->line < load->source->header_line)
    return TRUE;
  if (load->year_of == NULL)
    return wide_header (load, row, error);
  if (!dsr_import_tick (ctx, error))
    return FALSE;

  ctx->file_counts.rows++;
  if (!wide_width_ok (load, row))
    {
      dsr_import_skip_ragged (ctx, row, load->n_fields);
      return TRUE;
    }

  code = g_strstrip (row->fields[load->country_code]);
  indicator_code = g_strstrip (row->fields[load->indicator_code]);
  if (*code == '\0')
    {
      dsr_import_skip (ctx, DSR_SKIP_NO_ECONOMY, TRUE, row->line, _("the economy code is empty"));
      return TRUE;
    }
  if (*indicator_code == '\0')
    {
      dsr_import_skip (ctx, DSR_SKIP_NO_INDICATOR, TRUE, row->line, _("the indicator code is empty"));
      return TRUE;
    }
  entity = dsr_import_resolve_code (ctx, code, row->fields[load->country_name], row->line);
  if (entity == NULL)
    return TRUE;
  indicator = wide_indicator (load, row, indicator_code);
  if (indicator == NULL)
    {
      /* The file is rejected: it names an indicator it cannot have. */
      dsr_import_set_bad_id_error (error, indicator_code);
      return FALSE;
    }

  for (guint i = 0; i < load->n_years; i++)
    load->values[i] = NAN;
  bad_before = ctx->file_counts.values_skipped[DSR_SKIP_BAD_VALUE];
  last = MIN (row->n_fields, load->n_fields);
  for (guint i = 4; i < last; i++)
    {
      const char *text = row->fields[i];
      double value;

      if (*text == '\0' || load->year_of[i] == 0)
        continue;
      if (dsr_import_parse_number (text, &value))
        {
          load->values[load->year_of[i] - load->first_year] = value;
          n_values++;
        }
      else if (!dsr_import_is_missing (text))
        {
          g_autofree char *column = dsr_format_quote (load->source->header[i]);
          g_autofree char *quoted = dsr_format_quote (text);

          dsr_import_skip (ctx, DSR_SKIP_BAD_VALUE, FALSE, row->line,
                           _("column “%s”: “%s” is not a number"), column, quoted);
        }
    }
  wide_count_text (load, indicator, ctx->file_counts.values_skipped[DSR_SKIP_BAD_VALUE] - bad_before);

  if (!dsr_store_add_series (ctx->part, indicator, entity, load->first_year, load->values,
                             load->n_years, load->value_source, "", &local_error))
    {
      if (g_error_matches (local_error, DSR_ERROR, DSR_ERROR_DUPLICATE))
        {
          g_autofree char *quoted = dsr_format_quote (code);

          dsr_import_skip (ctx, DSR_SKIP_DUPLICATE, TRUE, row->line,
                           _("a second row for %s, %s: skipped (the first one is kept)"), quoted,
                           indicator_code);
        }
      else
        dsr_import_skip (ctx, DSR_SKIP_BAD_VALUE, TRUE, row->line, "%s", local_error->message);
      g_error_free (local_error);
      return TRUE;
    }
  ctx->file_counts.values += n_values;
  return TRUE;
}

/* The source of every value: the data source the preamble names (or the
 * World Development Indicators), the file and its date. */
static char *
wide_value_source (const DsrImportSource *source)
{
  const char *data_source = source->data_source && *source->data_source
                              ? source->data_source : _("World Development Indicators");

  if (source->updated != NULL && *source->updated != '\0')
    /* Translators: the source of imported values: data source (file name, last updated DATE) */
    return g_strdup_printf (_("World Bank, %s (%s, last updated %s)"), data_source, source->basename,
                            source->updated);
  /* Translators: the source of imported values: data source (file name) */
  return g_strdup_printf (_("World Bank, %s (%s)"), data_source, source->basename);
}

gboolean
dsr_import_read_world_bank (DsrImportContext       *ctx,
                            const DsrImportSource  *source,
                            GError                **error)
{
  WideLoad load = { 0 };
  gboolean ok;

  load.ctx = ctx;
  load.source = source;
  load.value_source = wide_value_source (source);
  load.last_code = g_string_new (NULL);
  load.indicator_source = g_strdup_printf (_("World Bank, %s"),
                                           source->data_source && *source->data_source
                                             ? source->data_source
                                             : _("World Development Indicators"));

  load.text_values = g_hash_table_new (g_str_hash, g_str_equal);

  ok = dsr_import_read_csv (ctx, source, wide_row, &load, error);
  if (ok)
    dsr_import_check_text_values (ctx, load.text_values);

  g_hash_table_unref (load.text_values);
  g_free (load.year_of);
  g_free (load.values);
  g_free (load.value_source);
  g_free (load.indicator_source);
  g_string_free (load.last_code, TRUE);
  return ok;
}

/* The order of the files of an import ----------------------------------------- */

static const char *
updated_key (const DsrImportSource *source)
{
  return source->updated != NULL ? source->updated : "";
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const DsrImportSource *x = *(DsrImportSource * const *) a, *y = *(DsrImportSource * const *) b;
  int c;

  /* The newer vintage first ("Last Updated Date", "YYYY-MM-DD"), so that
   * where two files give a value for the same economy and year, the newer
   * one's is kept; then by file name, then by path. */
  if ((c = strcmp (updated_key (y), updated_key (x))) != 0)
    return c;
  if ((c = strcmp (x->basename, y->basename)) != 0)
    return c;
  return strcmp (x->name, y->name);
}

/* Puts the files of an import in an order of their own, so that the result
 * never depends on the order they were given in: which file's name of an
 * economy or an indicator, which metadata row and which value is kept where
 * two files disagree. */
void
dsr_import_sort_sources (GPtrArray *sources)
{
  g_ptr_array_sort (sources, compare_sources);
}
