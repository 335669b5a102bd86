/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-import-private.h"

/* Long files, one (economy, year) a row: Our World in Data's grapher CSV
 * (Entity, Code, Year, then one column an indicator) and tidy tables (one
 * observation a row, the indicator in a column), read by header synonyms or
 * by an explicit column mapping. */

/* Header spellings of a tidy table, normalised (see dsr_import_normalize_header()). */
static const char * const code_columns[] = {
  "iso3", "iso3c", "iso_3", "iso_code", "iso", "country_code", "countrycode", "country_iso3",
  "countryiso3code", "economy_code", "code", "ref_area", "geo", NULL
};
static const char * const name_columns[] = {
  "country", "country_name", "countryname", "economy", "entity", "location", "area", NULL
};
static const char * const indicator_columns[] = {
  "indicator", "indicator_code", "indicator_id", "indicatorcode", "variable", "series",
  "series_code", "seriescode", "measure", "indicator_name", "series_name", NULL
};
static const char * const year_columns[] = {
  "year", "ref_year", "date", "time", "time_period", "period", NULL
};
static const char * const value_columns[] = { "value", "obs_value", "val", "observation", NULL };
static const char * const unit_columns[] = { "unit", "units", "unit_measure", "unit_of_measure", NULL };
static const char * const source_columns[] = { "source", "source_name", NULL };

typedef struct
{
  int         column;
  const char *indicator; /* OWID: the column's indicator */
} ValueColumn;

/* One condition of a mapping's row filter: COLUMN=TEXT, COLUMN!=TEXT, or
 * COLUMN<NUMBER, COLUMN>NUMBER (the field read as a number). */
typedef enum { FILTER_EQUAL, FILTER_NOT_EQUAL, FILTER_LESS, FILTER_GREATER } FilterOp;

typedef struct
{
  int         column;
  FilterOp    op;
  const char *value;   /* owned by LongLoad.filter_specs */
  double      number;  /* FILTER_LESS, FILTER_GREATER */
} RowFilter;

typedef struct
{
  DsrImportContext      *ctx;
  const DsrImportSource *source;
  const DsrColumnMapping *mapping;
  gboolean               owid;
  gboolean               header_seen;
  guint                  n_fields;
  int                    code, name, country, indicator, year, unit, origin;
  GArray                *values;         /* of ValueColumn */
  char                  *fixed_id;       /* the indicator of a file without indicator column */
  char                  *value_source;
  GHashTable            *indicators;     /* tidy: the indicator column's text -> id */
  GHashTable            *units;          /* tidy: indicator id -> its first unit */
  GHashTable            *text_values;    /* indicator id -> values that were text */
  GArray                *filters;        /* of RowFilter: the mapping's row filter */
  char                 **filter_specs;   /* "COLUMN=VALUE" of the filter */
} LongLoad;

static int
mapped_column (const DsrImportSource  *source,
               const char             *spec,
               const char             *role,
               GError                **error)
{
  guint n = g_strv_length (source->header);
  guint64 number;

  if (spec == NULL || *spec == '\0')
    return -1;
  if (g_ascii_string_to_unsigned (spec, 10, 1, n, &number, NULL))
    return (int) number - 1;
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (g_strstrip (source->header[i]), spec) == 0)
      return (int) i;

  g_autofree char *quoted = dsr_format_quote (spec);

  g_set_error (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN,
               _("the column mapping gives “%s” as the %s column, but the header has no such column "
                 "(and it is not a column number from 1 to %u)"), quoted, role, n);
  return -2;
}

/* The mapping's row filter, "COLUMN=VALUE;COLUMN<NUMBER": each column must
 * exist in the header (see DsrColumnMapping.filter). */
static gboolean
long_filters_mapped (LongLoad  *load,
                     GError   **error)
{
  const char *spec = load->mapping->filter;

  if (spec == NULL || *spec == '\0')
    return TRUE;
  load->filter_specs = g_strsplit (spec, ";", -1);
  for (guint i = 0; load->filter_specs[i] != NULL; i++)
    {
      char *condition = g_strstrip (load->filter_specs[i]);
      char *op = strpbrk (condition, "=<>!");
      RowFilter filter = { 0 };
      gsize op_len = 1;

      if (*condition == '\0')
        continue;
      if (op != NULL && op[0] == '!' && op[1] == '=')
        {
          filter.op = FILTER_NOT_EQUAL;
          op_len = 2;
        }
      else if (op != NULL && op[0] == '<')
        filter.op = FILTER_LESS;
      else if (op != NULL && op[0] == '>')
        filter.op = FILTER_GREATER;
      else if (op != NULL && op[0] == '=')
        filter.op = FILTER_EQUAL;
      else
        op = NULL;
      if (op == NULL || op == condition)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("the column mapping's filter “%s” is not COLUMN=VALUE, COLUMN!=VALUE, "
                         "COLUMN<NUMBER or COLUMN>NUMBER"), condition);
          return FALSE;
        }
      filter.value = g_strstrip (op + op_len);
      if ((filter.op == FILTER_LESS || filter.op == FILTER_GREATER)
          && !dsr_import_parse_number (filter.value, &filter.number))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("the column mapping's filter “%s”: “%s” is not a number"), condition, filter.value);
          return FALSE;
        }
      *op = '\0';
      g_strstrip (condition);
      filter.column = mapped_column (load->source, condition, _("filter"), error);
      if (filter.column == -2)
        return FALSE;
      g_array_append_val (load->filters, filter);
    }
  return TRUE;
}

/* Whether a row passes the mapping's filter (every condition holds; a
 * field that is no number fails a < or > condition). */
static gboolean
long_row_selected (LongLoad        *load,
                   const DsrCsvRow *row)
{
  for (guint i = 0; i < load->filters->len; i++)
    {
      const RowFilter *filter = &g_array_index (load->filters, RowFilter, i);
      const char *text = (guint) filter->column < row->n_fields ? row->fields[filter->column] : "";
      g_autofree char *clean = g_strstrip (g_strdup (text));
      double number;

      switch (filter->op)
        {
        case FILTER_EQUAL:
          if (!g_str_equal (clean, filter->value))
            return FALSE;
          break;
        case FILTER_NOT_EQUAL:
          if (g_str_equal (clean, filter->value))
            return FALSE;
          break;
        case FILTER_LESS:
        case FILTER_GREATER:
          if (!dsr_import_parse_number (clean, &number)
              || (filter->op == FILTER_LESS ? !(number < filter->number) : !(number > filter->number)))
            return FALSE;
          break;
        }
    }
  return TRUE;
}

/* A numeric country code: ISO 3166-1 numeric / UN M49 ("156", "004"). */
static gboolean
is_numeric_code (const char *text)
{
  gsize n = 0;

  for (; text[n] != '\0'; n++)
    if (!g_ascii_isdigit (text[n]))
      return FALSE;
  return n > 0 && n <= 4;
}

static gboolean
long_columns_mapped (LongLoad  *load,
                     GError   **error)
{
  const DsrColumnMapping *m = load->mapping;
  ValueColumn value = { 0 };

  if ((load->country = mapped_column (load->source, m->country, _("country"), error)) == -2
      || (load->indicator = mapped_column (load->source, m->indicator, _("indicator"), error)) == -2
      || (load->year = mapped_column (load->source, m->year, _("year"), error)) == -2
      || (value.column = mapped_column (load->source, m->value, _("value"), error)) == -2
      || (load->unit = mapped_column (load->source, m->unit, _("unit"), error)) == -2
      || (load->origin = mapped_column (load->source, m->source, _("source"), error)) == -2)
    return FALSE;
  if (load->country < 0 || load->year < 0 || value.column < 0)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN,
                           _("the column mapping must give the country, year and value columns"));
      return FALSE;
    }
  g_array_append_val (load->values, value);
  return long_filters_mapped (load, error);
}

static gboolean
long_columns_owid (LongLoad  *load,
                   char     **normalized)
{
  load->name = 0;
  load->code = 1;
  load->year = 2;
  for (guint i = 3; normalized[i] != NULL; i++)
    {
      g_autofree char *slug = NULL;
      char *id;
      ValueColumn value;

      /* OWID adds annotation columns to some charts. */
      if (*normalized[i] == '\0' || g_str_has_suffix (normalized[i], "annotations"))
        continue;
      slug = dsr_import_slug (load->source->header[i]);
      id = g_strconcat ("owid:", slug, NULL);
      value.column = (int) i;
      value.indicator = id;
      g_hash_table_insert (load->indicators, g_strdup (load->source->header[i]), id);
      dsr_import_ensure_indicator (load->ctx, id, load->source->header[i], NULL, _("Our World in Data"));
      g_array_append_val (load->values, value);
    }
  return load->values->len > 0;
}

static gboolean
long_columns_tidy (LongLoad  *load,
                   char     **normalized)
{
  ValueColumn value = { 0 };

  load->code = dsr_import_find_column (normalized, code_columns);
  load->name = dsr_import_find_column (normalized, name_columns);
  load->indicator = dsr_import_find_column (normalized, indicator_columns);
  load->year = dsr_import_find_column (normalized, year_columns);
  load->unit = dsr_import_find_column (normalized, unit_columns);
  load->origin = dsr_import_find_column (normalized, source_columns);
  value.column = dsr_import_find_column (normalized, value_columns);
  if ((load->code < 0 && load->name < 0) || load->year < 0 || value.column < 0)
    return FALSE;
  g_array_append_val (load->values, value);
  return TRUE;
}

static gboolean
long_header (LongLoad         *load,
             const DsrCsvRow  *row,
             GError          **error)
{
  g_auto(GStrv) normalized = g_new0 (char *, row->n_fields + 1);
  gboolean ok;

  load->header_seen = TRUE;
  load->n_fields = row->n_fields;
  load->code = load->name = load->country = load->indicator = -1;
  load->year = load->unit = load->origin = -1;
  for (guint i = 0; i < row->n_fields; i++)
    normalized[i] = dsr_import_normalize_header (row->fields[i]);

  if (load->mapping != NULL)
    return long_columns_mapped (load, error);
  ok = load->owid ? long_columns_owid (load, normalized) : long_columns_tidy (load, normalized);
  if (!ok)
    {
      g_autofree char *all = g_strjoinv (", ", row->fields);
      g_autofree char *found = dsr_format_quote (all);

      g_set_error (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN,
                   _("the columns are not recognised (%s): a table of observations needs an economy "
                     "column (iso3, country…), a year column and a value column; map the columns "
                     "to import it"), found);
      return FALSE;
    }
  return TRUE;
}

static const char *
field (const DsrCsvRow *row,
       int              column)
{
  return column >= 0 && (guint) column < row->n_fields ? g_strstrip (row->fields[column]) : "";
}

/* The entity of a row: by code when there is one, else by name. */
static const char *
long_entity (LongLoad        *load,
             const DsrCsvRow *row)
{
  const char *code = field (row, load->code);
  const char *name = field (row, load->name);
  const char *country = field (row, load->country);

  if (*country != '\0' && is_numeric_code (country))
    return dsr_import_resolve_numeric (load->ctx, country, row->line);
  if (*country != '\0')
    return dsr_import_resolve_country (load->ctx, country, row->line);
  if (*code != '\0')
    return dsr_import_resolve_code (load->ctx, code, name, row->line);
  /* A tidy table's "country" column may hold ISO3 codes. */
  if (*name != '\0' && !load->owid)
    return dsr_import_resolve_country (load->ctx, name, row->line);
  if (*name != '\0')
    return dsr_import_resolve_name (load->ctx, name, load->owid, row->line);

  dsr_import_skip (load->ctx, DSR_SKIP_NO_ECONOMY, TRUE, row->line, _("the economy is empty"));
  return NULL;
}

/* The indicator of a tidy row: its indicator column (a code is kept as the
 * id, a name gets a slug), else the file's. */
static const char *
long_indicator (LongLoad        *load,
                const DsrCsvRow *row)
{
  const char *text = field (row, load->indicator);
  const char *id;
  char *made;

  if (load->indicator < 0)
    text = load->fixed_id;
  if (*text == '\0')
    {
      dsr_import_skip (load->ctx, DSR_SKIP_NO_INDICATOR, TRUE, row->line, _("the indicator is empty"));
      return NULL;
    }
  id = g_hash_table_lookup (load->indicators, text);
  if (id != NULL)
    return id;

  made = strchr (text, ' ') != NULL ? dsr_import_slug (text) : g_strdup (text);
  dsr_import_ensure_indicator (load->ctx, made, text, field (row, load->unit),
                               *field (row, load->origin) ? field (row, load->origin) : load->value_source);
  g_hash_table_insert (load->indicators, g_strdup (text), made);
  return made;
}

/* A text value: counted for its indicator (when it has one yet), see
 * dsr_import_check_text_values(). */
static void
long_count_text (LongLoad          *load,
                 const DsrCsvRow   *row,
                 const ValueColumn *column)
{
  const char *text = load->indicator >= 0 ? field (row, load->indicator) : load->fixed_id;
  const char *indicator = column->indicator ? column->indicator : g_hash_table_lookup (load->indicators, text);
  guint before;

  if (indicator == NULL)
    {
      if (*text == '\0')
        return;
      /* The indicator's first values are text: it is made now, so that its
       * numbers, if any, are counted against them. */
      indicator = long_indicator (load, row);
      if (indicator == NULL)
        return;
    }
  before = GPOINTER_TO_UINT (g_hash_table_lookup (load->text_values, indicator));
  g_hash_table_insert (load->text_values, (gpointer) indicator, GUINT_TO_POINTER (before + 1));
}

/* The unit column: an indicator whose values come in more than one unit
 * ("%" here, "US$" there) cannot be aggregated. */
static void
long_check_unit (LongLoad        *load,
                 const DsrCsvRow *row,
                 const char      *indicator)
{
  const char *unit = field (row, load->unit);
  const char *first;
  g_autofree char *message = NULL;

  if (*unit == '\0')
    return;
  first = g_hash_table_lookup (load->units, indicator);
  if (first == NULL)
    {
      g_hash_table_insert (load->units, (gpointer) indicator, g_strdup (unit));
      return;
    }
  if (*first == '\0' || g_str_equal (first, unit))
    return;
  message = g_strdup_printf (_("indicator “%s” has values in more than one unit (“%s” and “%s”); it is "
                               "shown by economy only, not aggregated into regions"),
                             indicator, first, unit);
  dsr_import_set_no_aggregation (load->ctx, indicator, row->line, message);
  /* Said once. */
  g_hash_table_insert (load->units, (gpointer) indicator, g_strdup (""));
}

static gboolean
long_row (const DsrCsvRow *row,
          gpointer         user_data,
          GError         **error)
{
  LongLoad *load = user_data;
  DsrImportContext *ctx = load->ctx;
  const char *entity, *text, *source;
  int year;

  if (row->line < load->source->header_line)
    return TRUE;
  if (!load->header_seen)
    return long_header (load, row, error);
  if (!dsr_import_tick (ctx, error))
    return FALSE;

  ctx->file_counts.rows++;
  if (row->n_fields != load->n_fields
      && !(row->n_fields == load->n_fields + 1 && *row->fields[row->n_fields - 1] == '\0'))
    {
      dsr_import_skip_ragged (ctx, row, load->n_fields);
      return TRUE;
    }
  if (load->filters->len > 0 && !long_row_selected (load, row))
    return TRUE;

  entity = long_entity (load, row);
  if (entity == NULL)
    return TRUE;
  text = field (row, load->year);
  if (!dsr_import_parse_year (text, &year))
    {
      g_autofree char *quoted = dsr_format_quote (text);

      dsr_import_skip (ctx, DSR_SKIP_BAD_YEAR, TRUE, row->line, _("“%s” is not a year"), quoted);
      return TRUE;
    }
  if (year < DSR_STORE_YEAR_MIN || year > DSR_STORE_YEAR_MAX)
    {
      dsr_import_skip (ctx, DSR_SKIP_BAD_YEAR, TRUE, row->line, _("year %d is outside %d–%d"),
                       year, DSR_STORE_YEAR_MIN, DSR_STORE_YEAR_MAX);
      return TRUE;
    }
  source = *field (row, load->origin) ? field (row, load->origin) : load->value_source;

  for (guint i = 0; i < load->values->len; i++)
    {
      const ValueColumn *column = &g_array_index (load->values, ValueColumn, i);
      const char *indicator;
      GError *local_error = NULL;
      double value;

      text = field (row, column->column);
      if (!dsr_import_parse_number (text, &value))
        {
          if (dsr_import_is_missing (text))
            continue;
          g_autofree char *name = dsr_format_quote (load->source->header[column->column]);
          g_autofree char *quoted = dsr_format_quote (text);

          dsr_import_skip (ctx, DSR_SKIP_BAD_VALUE, load->owid ? FALSE : TRUE, row->line,
                           _("column “%s”: “%s” is not a number"), name, quoted);
          long_count_text (load, row, column);
          continue;
        }
      indicator = column->indicator ? column->indicator : long_indicator (load, row);
      if (indicator == NULL)
        return TRUE;
      if (load->unit >= 0)
        long_check_unit (load, row, indicator);
      if (!dsr_store_add_observation (ctx->part, indicator, entity, year, value, DSR_QUALIFIER_EXACT,
                                      source, "", &local_error))
        {
          g_autofree char *quoted = dsr_format_quote (indicator);

          if (g_error_matches (local_error, DSR_ERROR, DSR_ERROR_DUPLICATE))
            dsr_import_skip (ctx, DSR_SKIP_DUPLICATE, load->values->len == 1, row->line,
                             _("a second value for %s, %s, %d: skipped (the first one is kept)"),
                             quoted, entity, year);
          else
            dsr_import_skip (ctx, DSR_SKIP_BAD_VALUE, load->values->len == 1, row->line, "%s",
                             local_error->message);
          g_error_free (local_error);
          continue;
        }
      ctx->file_counts.values++;
    }
  return TRUE;
}

static gboolean
read_long (DsrImportContext        *ctx,
           const DsrImportSource   *source,
           const DsrColumnMapping  *mapping,
           gboolean                 owid,
           GError                 **error)
{
  g_autofree char *stem = NULL;
  LongLoad load = { 0 };
  gboolean ok;
  char *dot;

  load.ctx = ctx;
  load.source = source;
  load.mapping = mapping;
  load.owid = owid;
  load.values = g_array_new (FALSE, FALSE, sizeof (ValueColumn));
  load.indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load.units = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  load.text_values = g_hash_table_new (g_str_hash, g_str_equal);
  load.filters = g_array_new (FALSE, FALSE, sizeof (RowFilter));

  stem = g_strdup (source->basename);
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  load.fixed_id = mapping && mapping->indicator_id ? g_strdup (mapping->indicator_id) : g_strdup (stem);
  if (owid)
    /* Translators: the source of imported values (file name) */
    load.value_source = g_strdup_printf (_("Our World in Data (%s)"), source->basename);
  else
    load.value_source = g_strdup (source->basename);

  ok = dsr_import_read_csv (ctx, source, long_row, &load, error);
  if (ok)
    dsr_import_check_text_values (ctx, load.text_values);

  g_array_unref (load.values);
  g_hash_table_unref (load.units);
  g_hash_table_unref (load.text_values);
  g_array_unref (load.filters);
  g_strfreev (load.filter_specs);
  g_hash_table_unref (load.indicators);
  g_free (load.fixed_id);
  g_free (load.value_source);
  return ok;
}

gboolean
dsr_import_read_owid (DsrImportContext       *ctx,
                      const DsrImportSource  *source,
                      GError                **error)
{
  return read_long (ctx, source, NULL, TRUE, error);
}

gboolean
dsr_import_read_tidy (DsrImportContext        *ctx,
                      const DsrImportSource   *source,
                      const DsrColumnMapping  *mapping,
                      GError                 **error)
{
  return read_long (ctx, source, mapping, FALSE, error);
}
