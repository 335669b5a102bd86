/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dsr-error.h"
#include "dsr-import-private.h"
#include "dsr-iso-codes.h"

/* Which entity a row is about. Codes: ISO 3166 alpha-3 countries (those of
 * the store), the world (WLD, OWID_WRL), Kosovo (XKX, OWID_KOS: not in ISO
 * 3166, added as a country), the World Bank's aggregates (regions and income
 * groups map onto the regions of the "wb-region" and "wb-income" groupings;
 * the others, such as ARB "Arab World", become reported aggregates under
 * their own code) and the economies the World Bank metadata declares.
 * Names: iso-codes' English names, the store's (translated) names, the
 * World Bank's and Our World in Data's spellings, compared without case,
 * accents and punctuation. Anything else is unknown, and reported. */

typedef struct
{
  char          *id;
  char          *name;
  DsrEntityKind  kind;
  int            numeric;
} NameEntity;

struct _DsrImportNames
{
  GHashTable *entities; /* id -> NameEntity: the store's, copied on the caller's thread */
  GHashTable *by_name;  /* normalised name -> id */
};

/* A snapshot of what the store knows, so that the worker never reads the
 * store while the main thread may change it. */
DsrImportNames *
dsr_import_names_new (DsrStore *store)
{
  DsrImportNames *names = g_new0 (DsrImportNames, 1);
  GListModel *entities;

  names->entities = g_hash_table_new (g_str_hash, g_str_equal);
  names->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (store == NULL)
    return names;

  entities = dsr_store_get_entities (store);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);
      NameEntity *e = g_new0 (NameEntity, 1);

      e->id = g_strdup (dsr_entity_get_id (entity));
      e->name = g_strdup (dsr_entity_get_name (entity));
      e->kind = dsr_entity_get_kind (entity);
      e->numeric = dsr_entity_get_numeric (entity);
      g_hash_table_insert (names->entities, e->id, e);
      if (e->kind == DSR_ENTITY_COUNTRY)
        dsr_import_names_add (names, e->name, e->id);
    }
  return names;
}

void
dsr_import_names_free (DsrImportNames *names)
{
  GHashTableIter iter;
  gpointer value;

  if (names == NULL)
    return;
  g_hash_table_iter_init (&iter, names->entities);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      NameEntity *e = value;

      g_free (e->id);
      g_free (e->name);
      g_free (e);
    }
  g_hash_table_unref (names->entities);
  g_hash_table_unref (names->by_name);
  g_free (names);
}

/* "Côte d'Ivoire", "Cote d’Ivoire" and "COTE D IVOIRE" are all "cotedivoire". */
static char *
normalize_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

void
dsr_import_names_add (DsrImportNames *names,
                      const char     *name,
                      const char     *id)
{
  char *key;

  if (name == NULL || *name == '\0')
    return;
  key = normalize_name (name);
  if (*key == '\0' || g_hash_table_contains (names->by_name, key))
    g_free (key);
  else
    g_hash_table_insert (names->by_name, key, g_strdup (id));
}

/* Spellings of Our World in Data and the World Bank that iso-codes lacks. */
static const struct
{
  const char *name;
  const char *code;
} aliases[] = {
  { "World", "WLD" }, { "Kosovo", "XKX" },
  { "Brunei", "BRN" }, { "Cape Verde", "CPV" }, { "Curacao", "CUW" }, { "Czech Republic", "CZE" },
  { "Democratic Republic of Congo", "COD" }, { "Democratic Republic of the Congo", "COD" },
  { "Congo", "COG" }, { "East Timor", "TLS" }, { "Eswatini", "SWZ" }, { "Swaziland", "SWZ" },
  { "Faeroe Islands", "FRO" }, { "Guinea Bissau", "GNB" }, { "Ivory Coast", "CIV" },
  { "Macedonia", "MKD" }, { "North Macedonia", "MKD" }, { "Micronesia (country)", "FSM" },
  { "Palestine", "PSE" }, { "Russia", "RUS" }, { "Turkey", "TUR" }, { "Turkiye", "TUR" },
  { "United States Virgin Islands", "VIR" }, { "United States of America Virgin Islands", "VIR" },
  { "Laos", "LAO" }, { "Syria", "SYR" }, { "South Korea", "KOR" }, { "North Korea", "PRK" },
  { "Vietnam", "VNM" }, { "Iran", "IRN" }, { "Bolivia", "BOL" }, { "Venezuela", "VEN" },
  { "Tanzania", "TZA" }, { "Moldova", "MDA" }, { "United States", "USA" }, { "United Kingdom", "GBR" },
  { "Hong Kong", "HKG" }, { "Macao", "MAC" }, { "Macau", "MAC" }, { "Taiwan", "TWN" },
  { "Vatican", "VAT" }, { "Bahamas", "BHS" }, { "Gambia", "GMB" }, { "Egypt", "EGY" }, { "Yemen", "YEM" },
  { "Bahamas, The", "BHS" }, { "Congo, Dem. Rep.", "COD" }, { "Congo, Rep.", "COG" },
  { "Egypt, Arab Rep.", "EGY" }, { "Micronesia, Fed. Sts.", "FSM" }, { "Gambia, The", "GMB" },
  { "Hong Kong SAR, China", "HKG" }, { "Iran, Islamic Rep.", "IRN" }, { "St. Kitts and Nevis", "KNA" },
  { "Korea, Rep.", "KOR" }, { "Korea, Dem. People's Rep.", "PRK" }, { "Lao PDR", "LAO" },
  { "St. Lucia", "LCA" }, { "Macao SAR, China", "MAC" }, { "St. Martin (French part)", "MAF" },
  { "West Bank and Gaza", "PSE" }, { "St. Vincent and the Grenadines", "VCT" },
  { "Venezuela, RB", "VEN" }, { "Virgin Islands (U.S.)", "VIR" }, { "Yemen, Rep.", "YEM" },
  { "Slovak Republic", "SVK" }, { "Kyrgyz Republic", "KGZ" },
};

/* iso-codes' English names (the store has the translated ones) and the
 * aliases. Read on the worker: a missing iso-codes file only means fewer
 * names are recognised. */
void
dsr_import_names_load_iso_codes (DsrImportNames *names)
{
  g_autofree char *path = dsr_iso_codes_default_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const char * const members[] = { "name", "common_name", "official_name" };
  JsonNode *root;
  JsonArray *array;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    dsr_import_names_add (names, aliases[i].name, aliases[i].code);

  if (!json_parser_load_from_mapped_file (parser, path, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member (json_node_get_object (root), "3166-1"))
    return;
  array = json_object_get_array_member (json_node_get_object (root), "3166-1");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *country;
      const char *alpha3;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      country = json_node_get_object (node);
      alpha3 = json_object_get_string_member_with_default (country, "alpha_3", NULL);
      for (guint m = 0; alpha3 != NULL && m < G_N_ELEMENTS (members); m++)
        dsr_import_names_add (names, json_object_get_string_member_with_default (country, members[m], NULL),
                              alpha3);
    }
}

/* "Individuals using the Internet (% of population)" ->
 * "individuals-using-the-internet-of-population". */
char *
dsr_import_slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  if (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "x");
  return g_string_free (out, FALSE);
}

/* Resolution ------------------------------------------------------------------- */

/* The World Bank's aggregates, for files without their metadata. Regions and
 * income groups are the regions of the groupings the metadata makes. */
static const struct
{
  const char *code;
  const char *grouping;
  const char *name;  /* in the English metadata */
} wb_grouped[] = {
  { "EAS", "wb-region", "East Asia & Pacific" }, { "ECS", "wb-region", "Europe & Central Asia" },
  { "LCN", "wb-region", "Latin America & Caribbean" }, { "MEA", "wb-region", "Middle East & North Africa" },
  { "NAC", "wb-region", "North America" }, { "SAS", "wb-region", "South Asia" },
  { "SSF", "wb-region", "Sub-Saharan Africa" },
  { "HIC", "wb-income", "High income" }, { "LIC", "wb-income", "Low income" },
  { "LMC", "wb-income", "Lower middle income" }, { "UMC", "wb-income", "Upper middle income" },
};

static const char * const wb_aggregates[] = {
  "AFE", "AFW", "ARB", "CEB", "CSS", "EAP", "EAR", "ECA", "EMU", "EUU", "FCS", "HPC", "IBD",
  "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LDC", "LMY", "LTE", "MIC", "MNA", "OED", "OSS",
  "PRE", "PSS", "PST", "SSA", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", NULL,
};

typedef struct
{
  const char    *id;
  const char    *name;
  DsrEntityKind  kind;
  int            numeric;
} Spec;

/* Fills in the entity a code stands for; FALSE when it is unknown. @id may
 * point into @buffer. */
static gboolean
lookup_code (DsrImportContext *ctx,
             const char       *code,
             const char       *name,
             char             *buffer,
             gsize             buffer_size,
             Spec             *spec)
{
  const NameEntity *known;
  const DsrWbEconomy *economy;
  const char *grouped;

  memset (spec, 0, sizeof *spec);
  spec->name = name;

  if (g_str_equal (code, "OWID_WRL"))
    code = DSR_ENTITY_ID_WORLD;
  else if (g_str_equal (code, "OWID_KOS"))
    code = "XKX";

  economy = g_hash_table_lookup (ctx->economies, code);
  if (economy != NULL && *economy->name != '\0')
    spec->name = economy->name;

  if (g_str_equal (code, DSR_ENTITY_ID_WORLD))
    {
      known = g_hash_table_lookup (ctx->names->entities, code);
      spec->id = DSR_ENTITY_ID_WORLD;
      spec->kind = DSR_ENTITY_WORLD;
      spec->name = known ? known->name : _("World");
      return TRUE;
    }

  grouped = g_hash_table_lookup (ctx->aggregates, code);
  if (grouped != NULL)
    {
      spec->id = grouped;
      spec->kind = DSR_ENTITY_REGION;
      return TRUE;
    }

  known = g_hash_table_lookup (ctx->names->entities, code);
  if (known != NULL)
    {
      spec->id = known->id;
      spec->name = known->name;
      spec->kind = known->kind;
      spec->numeric = known->numeric;
      return TRUE;
    }

  g_strlcpy (buffer, code, buffer_size);
  spec->id = buffer;
  if (g_str_equal (code, "XKX"))
    {
      /* Kosovo: a user-assigned code, used by the World Bank and the EU. */
      spec->kind = DSR_ENTITY_COUNTRY;
      spec->name = name && *name ? name : _("Kosovo");
      return TRUE;
    }
  if (economy != NULL)
    {
      spec->kind = *economy->region != '\0' ? DSR_ENTITY_COUNTRY : DSR_ENTITY_AGGREGATE;
      return TRUE;
    }
  if (g_strv_contains (wb_aggregates, code))
    {
      spec->kind = DSR_ENTITY_AGGREGATE;
      return TRUE;
    }
  return FALSE;
}

static const char *
ensure_entity (DsrStore   *store,
               const Spec *spec)
{
  DsrEntity *entity = dsr_store_get_entity (store, spec->id);

  if (entity == NULL)
    {
      g_autoptr(DsrEntity) created = dsr_entity_new (spec->id, spec->kind, spec->name, spec->numeric);

      dsr_store_add_entity (store, created, NULL);
      entity = created;
    }
  return dsr_entity_get_id (entity);
}

typedef struct
{
  char  *text;
  char  *name;
  guint  line;
  guint  count;
  gboolean is_name;
} DsrUnknown;

static void
unknown_free (gpointer data)
{
  DsrUnknown *u = data;

  g_free (u->text);
  g_free (u->name);
  g_free (u);
}

static void
note_unknown (DsrImportContext *ctx,
              const char       *text,
              const char       *name,
              gboolean          is_name,
              guint             line)
{
  DsrUnknown *u;

  if (ctx->unknown == NULL)
    ctx->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, unknown_free);
  u = g_hash_table_lookup (ctx->unknown, text);
  if (u == NULL)
    {
      u = g_new0 (DsrUnknown, 1);
      u->text = g_strdup (text);
      u->name = g_strdup (name && *name ? name : NULL);
      u->line = line;
      u->is_name = is_name;
      g_hash_table_insert (ctx->unknown, u->text, u);
    }
  u->count++;
  ctx->file_counts.rows_skipped[DSR_SKIP_UNKNOWN_CODE]++;
}

/* Codes are compared in upper case without surrounding spaces. */
static char *
clean_code (const char *code)
{
  char *clean = g_ascii_strup (code, -1);

  return g_strstrip (clean);
}

gboolean
dsr_import_is_known_code (DsrImportContext *ctx,
                          const char       *code)
{
  g_autofree char *clean = clean_code (code);
  char buffer[64];
  Spec spec;

  return lookup_code (ctx, clean, NULL, buffer, sizeof buffer, &spec);
}

/* The entity (in the file's part of the staging store) a code stands for;
 * NULL when the code is unknown: the row is counted as skipped and the code
 * is reported when the file is done. */
const char *
dsr_import_resolve_code (DsrImportContext *ctx,
                         const char       *code,
                         const char       *name,
                         guint             line)
{
  g_autofree char *clean = NULL;
  const char *id = g_hash_table_lookup (ctx->resolved, code);
  char buffer[64];
  Spec spec;

  if (id == NULL)
    {
      clean = clean_code (code);
      if (lookup_code (ctx, clean, name, buffer, sizeof buffer, &spec))
        id = ensure_entity (ctx->part, &spec);
      else
        id = "";
      g_hash_table_insert (ctx->resolved, g_strdup (code), (gpointer) id);
    }
  if (*id == '\0')
    {
      note_unknown (ctx, code, name, FALSE, line);
      return NULL;
    }
  return id;
}

static const char *
resolve_name (DsrImportContext *ctx,
              const char       *name,
              gboolean          owid_region)
{
  g_autofree char *key = normalize_name (name);
  const char *code = g_hash_table_lookup (ctx->names->by_name, key);
  char buffer[64];
  Spec spec;

  if (code != NULL && lookup_code (ctx, code, name, buffer, sizeof buffer, &spec))
    return ensure_entity (ctx->part, &spec);
  if (owid_region && *key != '\0')
    {
      /* Our World in Data's regions ("Africa", "High-income countries") have
       * no code: they are kept as the aggregates OWID reports. */
      g_autofree char *slug = dsr_import_slug (name);
      g_autofree char *id = g_strconcat ("owid:", slug, NULL);

      spec.id = id;
      spec.name = name;
      spec.kind = DSR_ENTITY_AGGREGATE;
      spec.numeric = 0;
      return ensure_entity (ctx->part, &spec);
    }
  return NULL;
}

/* The entity a name stands for (a country, or with @owid_region an Our
 * World in Data region); NULL when unknown, as for codes. */
const char *
dsr_import_resolve_name (DsrImportContext *ctx,
                         const char       *name,
                         gboolean          owid_region,
                         guint             line)
{
  const char *id = g_hash_table_lookup (ctx->resolved_names, name);

  if (id == NULL)
    {
      id = resolve_name (ctx, name, owid_region);
      g_hash_table_insert (ctx->resolved_names, g_strdup (name), (gpointer) (id ? id : ""));
    }
  if (id == NULL || *id == '\0')
    {
      note_unknown (ctx, name, NULL, TRUE, line);
      return NULL;
    }
  return id;
}

/* A column that holds either codes or names (a mapped "country" column). */
const char *
dsr_import_resolve_country (DsrImportContext *ctx,
                            const char       *text,
                            guint             line)
{
  gsize len = strlen (text);

  if (len <= 8 && strchr (text, ' ') == NULL && dsr_import_is_known_code (ctx, text))
    return dsr_import_resolve_code (ctx, text, NULL, line);
  return dsr_import_resolve_name (ctx, text, FALSE, line);
}

static GPtrArray *
hash_values (GHashTable *table)
{
  GPtrArray *values = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (values, value);
  return values;
}

static int
compare_unknown (gconstpointer a,
                 gconstpointer b)
{
  const DsrUnknown *x = *(DsrUnknown * const *) a, *y = *(DsrUnknown * const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* Lists the unknown codes and names of the file just read, once each, at
 * the line of their first row. */
void
dsr_import_report_unknown (DsrImportContext *ctx)
{
  g_autoptr(GPtrArray) list = NULL;

  if (ctx->unknown == NULL)
    return;
  list = hash_values (ctx->unknown);
  g_ptr_array_sort (list, compare_unknown);
  for (guint i = 0; i < list->len; i++)
    {
      const DsrUnknown *u = g_ptr_array_index (list, i);
      g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row skipped",
                                                            "%u rows skipped", u->count),
                                               u->count);

      if (u->is_name)
        dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_ROWS_SKIPPED, u->line,
                            _("unknown economy “%s” (not a country name this app knows): %s"),
                            u->text, rows);
      else if (*u->text == '\0' || u->name == NULL)
        dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_ROWS_SKIPPED, u->line,
                            _("unknown economy code “%s”: %s"), u->text, rows);
      else
        dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_ROWS_SKIPPED, u->line,
                            _("unknown economy code “%s” (%s): %s"), u->text, u->name, rows);
    }
  g_clear_pointer (&ctx->unknown, g_hash_table_unref);
}

/* World Bank groupings ------------------------------------------------------- */

static int
compare_economies (gconstpointer a,
                   gconstpointer b)
{
  const DsrWbEconomy *x = *(DsrWbEconomy * const *) a, *y = *(DsrWbEconomy * const *) b;

  return strcmp (x->code, y->code);
}

/* The id of the region named @name: the lower-case code of the aggregate
 * the metadata (or else the English names the World Bank uses) gives the
 * same name ("East Asia & Pacific" is EAS: "eas"), so that the aggregate's
 * reported values belong to the region. */
static char *
region_id (GHashTable *aggregate_by_name,
           const char *name,
           const char *grouping_id,
           GHashTable *aggregates)
{
  const char *code = g_hash_table_lookup (aggregate_by_name, name);

  if (code != NULL)
    {
      char *id = g_ascii_strdown (code, -1);

      g_hash_table_insert (aggregates, g_strdup (code), g_strconcat (grouping_id, ":", id, NULL));
      return id;
    }
  return dsr_import_slug (name);
}

static DsrGrouping *
make_grouping (DsrImportContext *ctx,
               GPtrArray        *economies,
               GHashTable       *aggregate_by_name,
               const char       *id,
               const char       *name,
               const char       *description,
               gboolean          income)
{
  DsrGrouping *grouping = dsr_grouping_new (id, name, description);

  for (guint i = 0; i < economies->len; i++)
    {
      const DsrWbEconomy *e = g_ptr_array_index (economies, i);
      const char *region_name = income ? e->income : e->region;
      g_autofree char *rid = NULL;
      char buffer[64];
      Spec spec;

      if (*e->region == '\0' || *region_name == '\0'
          || !lookup_code (ctx, e->code, e->name, buffer, sizeof buffer, &spec)
          || spec.kind != DSR_ENTITY_COUNTRY)
        continue;

      rid = region_id (aggregate_by_name, region_name, id, ctx->aggregates);
      if (dsr_grouping_find_region (grouping, rid) == NULL)
        dsr_grouping_add_region (grouping, rid, region_name, NULL);
      ensure_entity (ctx->staging, &spec);
      dsr_grouping_add_member (grouping, rid, spec.id, 0, 0, NULL);
    }
  return grouping;
}

/* The World Bank's regions and income groups, from the country metadata, as
 * the groupings "wb-region" and "wb-income" of the staging store. */
gboolean
dsr_import_add_wb_groupings (DsrImportContext  *ctx,
                             GError           **error)
{
  g_autoptr(GPtrArray) economies = NULL;
  g_autoptr(GHashTable) aggregate_by_name = NULL;
  g_autoptr(DsrGrouping) regions = NULL;
  g_autoptr(DsrGrouping) incomes = NULL;

  if (g_hash_table_size (ctx->economies) == 0)
    return TRUE;

  economies = hash_values (ctx->economies);
  g_ptr_array_sort (economies, compare_economies);
  aggregate_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (wb_grouped); i++)
    g_hash_table_insert (aggregate_by_name, (gpointer) wb_grouped[i].name, (gpointer) wb_grouped[i].code);
  for (guint i = 0; i < economies->len; i++)
    {
      const DsrWbEconomy *e = g_ptr_array_index (economies, i);

      if (*e->region == '\0' && *e->name != '\0')
        g_hash_table_insert (aggregate_by_name, e->name, e->code);
    }

  regions = make_grouping (ctx, economies, aggregate_by_name, "wb-region", _("World Bank regions"),
                           _("The World Bank’s geographic regions, from the metadata of the imported "
                             "World Bank files."), FALSE);
  incomes = make_grouping (ctx, economies, aggregate_by_name, "wb-income", _("World Bank income groups"),
                           _("The World Bank’s income groups, from the metadata of the imported "
                             "World Bank files."), TRUE);

  if ((dsr_grouping_get_n_regions (regions) > 0 && !dsr_store_add_grouping (ctx->staging, regions, error))
      || (dsr_grouping_get_n_regions (incomes) > 0 && !dsr_store_add_grouping (ctx->staging, incomes, error)))
    return FALSE;
  return TRUE;
}

/* Fills @aggregates (code -> entity id) with the World Bank's regions and
 * income groups, for files without metadata. */
void
dsr_import_init_aggregates (GHashTable *aggregates)
{
  for (guint i = 0; i < G_N_ELEMENTS (wb_grouped); i++)
    {
      g_autofree char *lower = g_ascii_strdown (wb_grouped[i].code, -1);

      g_hash_table_insert (aggregates, g_strdup (wb_grouped[i].code),
                           g_strconcat (wb_grouped[i].grouping, ":", lower, NULL));
    }
}

/* Numeric codes ---------------------------------------------------------------- */

/* Numeric codes of UN Comtrade and UNCTADstat for economies reported with
 * territories that ISO 3166 counts apart: France (with Monaco), Norway (with
 * Svalbard and Jan Mayen), Switzerland (with Liechtenstein), the United
 * States (with Puerto Rico and the US Virgin Islands), the United Kingdom. */
static const struct { int code; const char *iso3; } numeric_aliases[] = {
  { 251, "FRA" }, { 579, "NOR" }, { 757, "CHE" }, { 842, "USA" }, { 926, "GBR" },
};

/* The entity a numeric ISO 3166-1 / UN M49 code stands for ("156" China,
 * "004" Afghanistan; M49's "0" as UNCTADstat writes the World); NULL when
 * it is no economy this app knows (M49's and UNCTAD's groups): the row is
 * counted as skipped and the code reported as unknown. */
const char *
dsr_import_resolve_numeric (DsrImportContext *ctx,
                            const char       *text,
                            guint             line)
{
  const char *id = g_hash_table_lookup (ctx->resolved, text);
  guint64 number;

  if (id == NULL)
    {
      const char *code = NULL;

      if (g_ascii_string_to_unsigned (text, 10, 0, 9999, &number, NULL))
        {
          if (number == 0)
            code = DSR_ENTITY_ID_WORLD;
          for (guint i = 0; i < G_N_ELEMENTS (numeric_aliases); i++)
            if (numeric_aliases[i].code == (int) number)
              code = numeric_aliases[i].iso3;
          if (code == NULL)
            {
              GHashTableIter iter;
              gpointer value;

              g_hash_table_iter_init (&iter, ctx->names->entities);
              while (g_hash_table_iter_next (&iter, NULL, &value))
                {
                  const NameEntity *e = value;

                  if (e->kind == DSR_ENTITY_COUNTRY && e->numeric == (int) number)
                    {
                      code = e->id;
                      break;
                    }
                }
            }
        }
      if (code != NULL)
        {
          char buffer[64];
          Spec spec;

          id = lookup_code (ctx, code, NULL, buffer, sizeof buffer, &spec) ? ensure_entity (ctx->part, &spec)
                                                                             : "";
        }
      else
        id = "";
      g_hash_table_insert (ctx->resolved, g_strdup (text), (gpointer) id);
    }
  if (*id == '\0')
    {
      note_unknown (ctx, text, NULL, FALSE, line);
      return NULL;
    }
  return id;
}
