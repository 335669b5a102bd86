/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dsr-make-pack: builds the country data pack from the publishers' files in
 * data/sources/, with the app's own importers (the code a user's import
 * runs), and writes it as one serialized GVariant (see src/io/dsr-pack.h,
 * DSR_COUNTRY_PACK_TYPE) that the build compiles into the resource.
 *
 *   dsr-make-pack SOURCES_DIR COUNTRY_INDICATORS_CSV OUTPUT
 *
 * A file that fails to import, or any row or value the importer leaves out
 * beyond the short list below (each with its reason), fails the build with
 * the importer's message, which names the file and the line. */
#define G_LOG_DOMAIN "dsr-make-pack"

#include "config.h"

#include <math.h>
#include <string.h>
#include <locale.h>
#include <glib/gi18n.h>

#include "dsr-csv.h"
#include "dsr-error.h"
#include "dsr-importer.h"
#include "dsr-import-private.h"
#include "dsr-iso-codes.h"
#include "dsr-pack.h"

/* Rows the importer may skip: the code in the message (“CHI”) and why. */
typedef struct
{
  const char *code;
  const char *why;
} Allowed;

static const Allowed wdi_allowed[] = {
  { "CHI", "Channel Islands: the World Bank's code, no ISO 3166 code" },
  { NULL, NULL }
};

/* UNCTADstat's former economies, whose territory differs from today's. Its
 * groups of economies (codes 1000 and above) are left out by the mapping's
 * filter, and its World (0) is read. */
static const Allowed unctad_allowed[] = {
  { "530", "Netherlands Antilles (dissolved 2010)" },
  { "736", "Sudan before 2012 (with South Sudan)" },
  { "891", "Serbia and Montenegro (before 2006)" },
  { "960", "Indonesia before 2003 (with Timor-Leste)" },
  { NULL, NULL }
};

typedef struct
{
  const char    *file;
  const char    *mapping;   /* NULL: detected (World Bank files) */
  const char    *vintage;   /* when the file does not say (SOURCES.md); NULL: read it */
  const Allowed *allowed;
  gboolean       allow_numeric_groups; /* UNCTAD: skip the numeric codes of groups (1000 and above) */
} Input;

static const Input inputs[] = {
  { "API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv", NULL, "", wdi_allowed, FALSE },
  { "API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv", NULL, NULL, wdi_allowed, FALSE },
  { "API_IT.NET.BBND.P2_DS2_en_csv_v2_14223.csv", NULL, NULL, wdi_allowed, FALSE },
  { "API_IT.CEL.SETS.P2_DS2_en_csv_v2_7691.csv", NULL, NULL, wdi_allowed, FALSE },
  { "API_SP.POP.TOTL_DS2_en_csv_v2_282912.csv", NULL, NULL, wdi_allowed, FALSE },
  { "API_BX.GSR.CCIS.CD_DS2_en_csv_v2_920.csv", NULL, NULL, wdi_allowed, FALSE },
  { "gci_2020.csv", "country=cc_iso3c,indicator=variable,year=ref_year,value=value", "", NULL, FALSE },
  { "Share of ICT goods as percentage of total trade, annual.csv",
    "country=Economy,year=Year,value=Percentage of total merchandise trade,id=UNCTAD.ICTG.EXP.SHARE,"
    "filter=Flow=2;IctProductCategory=ICT00;Partner=0;Economy<1000", "", unctad_allowed, FALSE },
};

/* The importer's indicator ids that get the pack's. */
static const char * const renames[][2] = {
  { "gci_overall", "ITU.GCI.2020" },
  { "gci_legal_measures", "ITU.GCI.2020.LEGAL" },
  { "gci_technical_measures", "ITU.GCI.2020.TECHNICAL" },
  { "gci_organisational_measures", "ITU.GCI.2020.ORGANIZATIONAL" },
  { "gci_capacity_development", "ITU.GCI.2020.CAPACITY" },
  { "gci_cooperative_measures", "ITU.GCI.2020.COOPERATION" },
};

#define ID_ICT_EXPORTS "BX.GSR.CCIS.CD"
#define ID_PER_CAPITA  "DSR.ICT.SVC.EXP.PCAP"
#define ID_WORLD_SHARE "DSR.ICT.SVC.EXP.WSHARE"

/* One imported indicator: where its values are. */
typedef struct
{
  DsrStore *staging;
  char     *staging_id;
  char     *vintage;
  char     *file;
} Imported;

static void
imported_free (gpointer data)
{
  Imported *imp = data;

  g_object_unref (imp->staging);
  g_free (imp->staging_id);
  g_free (imp->vintage);
  g_free (imp->file);
  g_free (imp);
}

/* A series of the pack. */
typedef struct
{
  guint   indicator;
  char   *entity;
  int     first_year;
  GArray *values;  /* of double, NAN where missing */
} Series;

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->entity);
  g_array_unref (s->values);
  g_free (s);
}

/* "Last Updated Date","2025-01-28" in a World Bank preamble; "" without. */
static char *
read_vintage (const char  *path,
              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > 1024)
    contents[1024] = '\0';
  regex = g_regex_new ("\"Last Updated Date\",\"([0-9]{4}-[0-9]{2}-[0-9]{2})\"", 0, 0, NULL);
  if (g_regex_match (regex, contents, 0, &match))
    return g_match_info_fetch (match, 1);
  return g_strdup ("");
}

static gboolean
problem_allowed (const Input            *input,
                 const DsrImportProblem *problem)
{
  const char *message = problem->error->message;

  if (problem->kind == DSR_IMPORT_PROBLEM_NOTE)
    return TRUE;
  if (problem->kind != DSR_IMPORT_PROBLEM_ROWS_SKIPPED)
    return FALSE;
  for (const Allowed *a = input->allowed; a != NULL && a->code != NULL; a++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", a->code);

      if (strstr (message, quoted) != NULL)
        return TRUE;
    }
  if (input->allow_numeric_groups)
    {
      /* “5100”: UNCTADstat's code of a group of economies. */
      const char *open = strstr (message, "“");

      if (open != NULL)
        {
          const char *p = open + strlen ("“");
          gsize n = 0;

          while (g_ascii_isdigit (p[n]))
            n++;
          if (n == 4 && *p != '0' && g_str_has_prefix (p + n, "”"))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
import_input (const char   *dir,
              const Input  *input,
              DsrStore     *base,
              GHashTable   *imported,
              GError      **error)
{
  g_autofree char *path = g_build_filename (dir, input->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DsrColumnMapping) mapping = NULL;
  g_autoptr(DsrImportResult) result = NULL;
  g_autofree char *vintage = NULL;
  const char * const *ids;
  GPtrArray *problems;
  guint n_bad = 0, n_allowed = 0;

  if (input->mapping != NULL)
    {
      mapping = dsr_column_mapping_parse (input->mapping, error);
      if (mapping == NULL)
        return FALSE;
    }
  if (input->vintage != NULL)
    vintage = g_strdup (input->vintage);
  else if ((vintage = read_vintage (path, error)) == NULL)
    return FALSE;

  result = dsr_importer_run_sync (base, &file, 1, mapping, NULL, NULL, NULL, error);
  if (result == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  problems = dsr_import_result_get_problems (result);
  for (guint i = 0; i < problems->len; i++)
    {
      const DsrImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem_allowed (input, problem))
        {
          n_allowed++;
          continue;
        }
      g_printerr ("%s\n", problem->error->message);
      n_bad++;
    }
  if (problems->len >= DSR_IMPORT_MAX_LISTED)
    {
      g_printerr ("%s: %u problems or more: the importer lists only the first ones\n", input->file,
                  problems->len);
      n_bad++;
    }
  if (n_bad > 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   "%s: %u problem(s) beyond the listed ones (see above): fix the importer or list them "
                   "in src/import/dsr-make-pack.c with the reason", input->file, n_bad);
      return FALSE;
    }

  ids = dsr_import_result_get_indicator_ids (result);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *id = ids[i];
      Imported *imp, *before;

      for (guint r = 0; r < G_N_ELEMENTS (renames); r++)
        if (g_str_equal (ids[i], renames[r][0]))
          id = renames[r][1];

      before = g_hash_table_lookup (imported, id);
      if (before != NULL && strcmp (before->vintage, vintage) >= 0)
        {
          g_print ("%s: %s is older (%s) than %s (%s): not used\n", input->file, id,
                   *vintage ? vintage : "undated", before->file, before->vintage);
          continue;
        }
      if (before != NULL)
        g_print ("%s: %s (%s) replaces %s (%s)\n", input->file, id, vintage, before->file,
                 *before->vintage ? before->vintage : "undated");

      imp = g_new0 (Imported, 1);
      imp->staging = g_object_ref (dsr_import_result_get_staging (result));
      imp->staging_id = g_strdup (ids[i]);
      imp->vintage = g_strdup (vintage);
      imp->file = g_strdup (input->file);
      g_hash_table_replace (imported, g_strdup (id), imp);
    }
  g_print ("%s: %s; %u listed problem(s) allowed\n", input->file,
           dsr_import_result_get_summary (result), n_allowed);
  return TRUE;
}

/* Indicators of country-indicators.csv ---------------------------------------- */

enum { C_ID, C_NAME, C_UNIT, C_THEME, C_DECIMALS, C_HIGHER, C_SOURCE, C_DESC, C_AGG, C_REF, C_N };

static const char * const recipe_columns[] = {
  "id", "name", "unit", "theme", "decimals", "higher_is_better", "source", "description",
  "aggregation", "reference", NULL
};

typedef struct
{
  DsrCsvColumns columns;
  int index[C_N];
  GPtrArray *rows;  /* of GStrv, in column order */
} RecipeLoad;

static gboolean
recipe_row (const DsrCsvRow *row,
            gpointer         user_data,
            GError         **error)
{
  RecipeLoad *load = user_data;
  gboolean is_header;
  char **fields;

  if (!dsr_csv_columns_take_row (&load->columns, row, &is_header, error))
    return FALSE;
  if (is_header)
    return TRUE;
  fields = g_new0 (char *, C_N + 1);
  for (guint i = 0; i < C_N; i++)
    fields[i] = g_strdup (load->index[i] >= 0 ? row->fields[load->index[i]] : "");
  g_ptr_array_add (load->rows, fields);
  return TRUE;
}

/* The values of one imported indicator by entity: entity id -> GArray of
 * double from year_min. */
static gboolean
entity_kind_kept (DsrEntity *entity)
{
  DsrEntityKind kind = dsr_entity_get_kind (entity);

  /* Regions of the groupings an import makes (wb-region:eas) belong to
   * those groupings, which the pack does not carry. */
  return kind == DSR_ENTITY_COUNTRY || kind == DSR_ENTITY_WORLD || kind == DSR_ENTITY_AGGREGATE;
}

static double
value_of (DsrStore   *store,
          const char *indicator,
          const char *entity,
          int         year)
{
  DsrObservation obs;

  if (store != NULL && dsr_store_lookup (store, indicator, entity, year, &obs))
    return obs.value;
  return NAN;
}

typedef double (*ValueFunc) (gpointer data, const char *entity, int year);

typedef struct
{
  Imported *a;
  Imported *b;
  int       kind;  /* 0 copy, 1 a / b, 2 100 * a / a[WLD] */
} Derive;

static double
derived_value (gpointer    data,
               const char *entity,
               int         year)
{
  Derive *d = data;
  double x = value_of (d->a->staging, d->a->staging_id, entity, year);
  double y;

  switch (d->kind)
    {
    case 0:
      return x;
    case 1:
      y = value_of (d->b->staging, d->b->staging_id, entity, year);
      return isnan (x) || isnan (y) || y <= 0 ? NAN : x / y;
    default:
      if (g_str_equal (entity, DSR_ENTITY_ID_WORLD))
        return NAN;
      y = value_of (d->a->staging, d->a->staging_id, DSR_ENTITY_ID_WORLD, year);
      return isnan (x) || isnan (y) || y <= 0 ? NAN : 100.0 * x / y;
    }
}

static guint
add_series (GPtrArray  *series,
            GHashTable *entities,
            DsrStore   *base,
            guint       indicator,
            Derive     *derive,
            gboolean    countries_only)
{
  DsrStore *staging = derive->a->staging;
  g_autoptr(GArray) years = dsr_store_get_years (staging, derive->a->staging_id);
  GListModel *list = dsr_store_get_entities (staging);
  int first, last;
  guint n = 0;

  if (years->len == 0)
    return 0;
  first = g_array_index (years, int, 0);
  last = g_array_index (years, int, years->len - 1);
  for (guint i = 1; i < years->len; i++)
    {
      first = MIN (first, g_array_index (years, int, i));
      last = MAX (last, g_array_index (years, int, i));
    }

  for (guint e = 0; e < g_list_model_get_n_items (list); e++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (list, e);
      const char *id = dsr_entity_get_id (entity);
      g_autoptr(GArray) values = NULL;
      int lo = G_MAXINT, hi = G_MININT;

      if (!entity_kind_kept (entity))
        continue;
      if (countries_only && dsr_entity_get_kind (entity) != DSR_ENTITY_COUNTRY)
        continue;
      for (int y = first; y <= last; y++)
        if (!isnan (derived_value (derive, id, y)))
          {
            lo = MIN (lo, y);
            hi = MAX (hi, y);
          }
      if (lo > hi)
        continue;

      values = g_array_sized_new (FALSE, FALSE, sizeof (double), (guint) (hi - lo + 1));
      for (int y = lo; y <= hi; y++)
        {
          double v = derived_value (derive, id, y);

          g_array_append_val (values, v);
        }
      {
        Series *s = g_new0 (Series, 1);

        s->indicator = indicator;
        s->entity = g_strdup (id);
        s->first_year = lo;
        s->values = g_steal_pointer (&values);
        g_ptr_array_add (series, s);
      }
      if (dsr_store_get_entity (base, id) == NULL && !g_hash_table_contains (entities, id))
        g_hash_table_insert (entities, g_strdup (id), g_object_ref (entity));
      n++;
    }
  return n;
}

static GVariant *
build_pack (GPtrArray  *recipe,
            GHashTable *imported,
            DsrStore   *base,
            GError    **error)
{
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (series_free);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GVariantBuilder ind, ent, ser;
  GHashTableIter iter;
  gpointer key, value;

  g_variant_builder_init (&ind, G_VARIANT_TYPE ("a(ssssssibsss)"));
  for (guint i = 0; i < recipe->len; i++)
    {
      char **row = g_ptr_array_index (recipe, i);
      const char *id = row[C_ID];
      Derive derive = { 0 };
      DsrAggregation aggregation;
      DsrTheme theme;
      g_autofree char *vintage = NULL;
      gboolean countries_only = FALSE;
      int decimals;
      guint n;

      if (g_str_equal (id, ID_PER_CAPITA) || g_str_equal (id, ID_WORLD_SHARE))
        {
          derive.a = g_hash_table_lookup (imported, ID_ICT_EXPORTS);
          derive.b = g_hash_table_lookup (imported, DSR_INDICATOR_ID_POPULATION);
          derive.kind = g_str_equal (id, ID_PER_CAPITA) ? 1 : 2;
          countries_only = derive.kind == 2;
          if (derive.a == NULL || derive.b == NULL)
            {
              g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                           "%s needs %s and %s, which no bundled file has", id, ID_ICT_EXPORTS,
                           DSR_INDICATOR_ID_POPULATION);
              return NULL;
            }
          vintage = g_strdup (derive.kind == 1 && strcmp (derive.b->vintage, derive.a->vintage) > 0
                              ? derive.b->vintage : derive.a->vintage);
        }
      else
        {
          derive.a = g_hash_table_lookup (imported, id);
          if (derive.a == NULL)
            {
              g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                           "country-indicators.csv: no bundled file has indicator %s", id);
              return NULL;
            }
          vintage = g_strdup (derive.a->vintage);
        }

      if (!dsr_theme_from_string (row[C_THEME], &theme)
          || !dsr_csv_parse_int (row[C_DECIMALS], 0, 6, &decimals, NULL))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                       "country-indicators.csv: %s: bad theme or decimals", id);
          return NULL;
        }
      if (*row[C_AGG] != '\0')
        {
          if (!dsr_aggregation_from_string (row[C_AGG], &aggregation))
            {
              g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                           "country-indicators.csv: %s: unknown aggregation “%s”", id, row[C_AGG]);
              return NULL;
            }
        }
      else
        {
          DsrIndicator *staged = dsr_store_get_indicator (derive.a->staging, derive.a->staging_id);
          const char *unit = staged && *dsr_indicator_get_unit (staged) ? dsr_indicator_get_unit (staged)
                                                                        : row[C_UNIT];

          aggregation = dsr_aggregation_guess (staged ? dsr_indicator_get_name (staged) : row[C_NAME],
                                               unit, NULL);
        }

      n = add_series (series, entities, base, i, &derive, countries_only);
      if (n == 0)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, "%s: no values", id);
          return NULL;
        }
      g_print ("%s: %u economies and aggregates, aggregation %s, vintage %s\n", id, n,
               dsr_aggregation_to_string (aggregation), *vintage ? vintage : "(not stated)");

      g_variant_builder_add (&ind, "(ssssssibsss)", id, row[C_NAME], row[C_UNIT], row[C_THEME],
                             row[C_SOURCE], row[C_DESC], decimals,
                             g_ascii_strcasecmp (row[C_HIGHER], "no") != 0,
                             dsr_aggregation_to_string (aggregation), vintage, row[C_REF]);
    }

  g_variant_builder_init (&ent, G_VARIANT_TYPE ("a(suis)"));
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_variant_builder_add (&ent, "(suis)", (const char *) key, (guint32) dsr_entity_get_kind (value),
                           dsr_entity_get_numeric (value), dsr_entity_get_name (value));

  g_variant_builder_init (&ser, G_VARIANT_TYPE ("a(usiad)"));
  for (guint i = 0; i < series->len; i++)
    {
      Series *s = g_ptr_array_index (series, i);

      g_variant_builder_add (&ser, "(usi@ad)", s->indicator, s->entity, s->first_year,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, s->values->data,
                                                        s->values->len, sizeof (double)));
    }

  return g_variant_ref_sink (g_variant_new ("(u@a(ssssssibsss)@a(suis)@a(usiad))", DSR_COUNTRY_PACK_MAGIC,
                                            g_variant_builder_end (&ind), g_variant_builder_end (&ent),
                                            g_variant_builder_end (&ser)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrStore) base = NULL;
  g_autoptr(GHashTable) imported = NULL;
  g_autoptr(GPtrArray) recipe = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GFile) recipe_file = NULL;
  g_autoptr(GVariant) pack = NULL;
  g_autoptr(GVariant) normal = NULL;
  g_autofree char *iso_path = NULL;
  RecipeLoad load = { 0 };

  /* Messages in English, whatever the builder's locale. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  if (argc != 4)
    {
      g_printerr ("usage: %s SOURCES_DIR COUNTRY_INDICATORS_CSV OUTPUT\n", argv[0]);
      return 2;
    }

  base = dsr_store_new ();
  iso_path = dsr_iso_codes_default_path ();
  if (!dsr_iso_codes_load (base, iso_path, &error))
    goto fail;

  load.columns.names = recipe_columns;
  load.columns.index = load.index;
  load.rows = recipe;
  recipe_file = g_file_new_for_path (argv[2]);
  if (!dsr_csv_parse_file (recipe_file, recipe_row, &load, NULL, &error))
    goto fail;

  imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, imported_free);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (!import_input (argv[1], &inputs[i], base, imported, &error))
      goto fail;

  pack = build_pack (recipe, imported, base, &error);
  if (pack == NULL)
    goto fail;
  normal = g_variant_get_normal_form (pack);
  if (!g_file_set_contents (argv[3], g_variant_get_data (normal), (gssize) g_variant_get_size (normal),
                            &error))
    goto fail;
  g_print ("wrote %s (%" G_GSIZE_FORMAT " bytes)\n", argv[3], g_variant_get_size (normal));
  return 0;

fail:
  g_printerr ("dsr-make-pack: %s\n", error->message);
  return 1;
}
