/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-import-private.h"
#include "dsr-iso-codes.h"

/* Which entity a row is about. Codes: ISO 3166 alpha-3 countries (those of
 * the store), the world (WLD, OWID_WRL), Kosovo (XKX; OWID_KOS and the
 * World Bank's old KSV: not in ISO 3166, added as a country), the World
 * Bank's aggregates (wb_aggregates below: regions and income groups map onto
 * the regions of the "wb-region" and "wb-income" groupings; the others, such
 * as ARB "Arab World", become reported aggregates under their own code) and
 * the economies the World Bank metadata declares.
 * Names: iso-codes' English names (name, common and official name), the
 * store's (translated) names and a short list of aliases, compared without
 * case, accents and punctuation, and then loosely (see name_keys()). Anything
 * else is unknown, and reported. */

typedef struct
{
  char          *id;
  char          *name;
  DsrEntityKind  kind;
  int            numeric;
} NameEntity;

struct _DsrImportNames
{
  GHashTable *entities;  /* id -> NameEntity: the store's, copied on the caller's thread */
  GHashTable *by_name;   /* exact key -> id */
  GHashTable *by_loose;  /* loose key -> id, "" when two economies share it */
  GHashTable *groupings; /* ids of the store's groupings */
};

/* A snapshot of what the store knows, so that the worker never reads the
 * store while the main thread may change it. */
DsrImportNames *
dsr_import_names_new (DsrStore *store)
{
  DsrImportNames *names = g_new0 (DsrImportNames, 1);
  GListModel *entities, *groupings;

  names->entities = g_hash_table_new (g_str_hash, g_str_equal);
  names->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names->by_loose = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names->groupings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  groupings = dsr_store_get_groupings (store);
  for (guint i = 0; i < g_list_model_get_n_items (groupings); i++)
    {
      g_autoptr(DsrGrouping) grouping = g_list_model_get_item (groupings, i);

      g_hash_table_add (names->groupings, g_strdup (dsr_grouping_get_id (grouping)));
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
  g_hash_table_unref (names->by_loose);
  g_hash_table_unref (names->groupings);
  g_free (names);
}

/* Names as keys --------------------------------------------------------------- */

/* The words of a name, for keys: letters and digits in lower case, accented
 * Latin letters without their accent ("Côte d’Ivoire": "cote", "d",
 * "ivoire"), other letters (Chinese, Cyrillic) as they are. */
static GPtrArray *
name_words (const char *name)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            g_string_append_c (word, g_ascii_tolower (c));
          else if (word->len > 0)
            {
              g_ptr_array_add (words, g_strdup (word->str));
              g_string_truncate (word, 0);
            }
        }
      else if (g_unichar_isalnum (c))
        {
          char utf8[8];
          g_autofree char *ascii = NULL;
          gboolean latin = TRUE;

          utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
          ascii = g_str_to_ascii (utf8, "C");
          for (const char *a = ascii; latin && *a; a++)
            latin = g_ascii_isalnum (*a);
          if (latin && *ascii != '\0')
            for (const char *a = ascii; *a; a++)
              g_string_append_c (word, g_ascii_tolower (*a));
          else
            g_string_append_unichar (word, g_unichar_tolower (c));
        }
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
    }
  if (word->len > 0)
    g_ptr_array_add (words, g_strdup (word->str));
  g_string_free (word, TRUE);
  return words;
}

/* Two keys of a name. The exact key joins all its words: "Côte d'Ivoire",
 * "Cote d’Ivoire" and "COTE D IVOIRE" are all "cotedivoire". The loose key
 * leaves out "the", "and" and "of" and reads "St" as "Saint", so that
 * "Korea (the Republic of)" meets iso-codes' "Korea, Republic of",
 * "Congo (the Democratic Republic of the)" its "Congo, The Democratic
 * Republic of the", and "St Lucia" "Saint Lucia". */
static void
name_keys (const char  *name,
           char       **exact,
           char       **loose)
{
  g_autoptr(GPtrArray) words = name_words (name);
  GString *e = g_string_new (NULL), *l = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      g_string_append (e, w);
      if (g_str_equal (w, "the") || g_str_equal (w, "and") || g_str_equal (w, "of"))
        continue;
      g_string_append (l, g_str_equal (w, "st") ? "saint" : w);
    }
  *exact = g_string_free (e, FALSE);
  *loose = g_string_free (l, FALSE);
}

static char *
normalize_name (const char *name)
{
  g_autofree char *loose = NULL;
  char *exact;

  name_keys (name, &exact, &loose);
  return exact;
}

/* "Palestine, State of" -> "State of Palestine"; "Korea (the Republic of)"
 * -> "the Republic of Korea"; NULL when the name has neither form. */
static char *
invert_name (const char *name)
{
  const char *comma = strchr (name, ',');
  const char *open = strrchr (name, '(');
  gsize len = strlen (name);

  if (comma != NULL && comma != name && comma[1] != '\0')
    return g_strdup_printf ("%s %.*s", comma + 1, (int) (comma - name), name);
  if (open != NULL && open != name && len > 0 && name[len - 1] == ')')
    return g_strdup_printf ("%.*s %.*s", (int) (len - (open - name) - 2), open + 1, (int) (open - name), name);
  return NULL;
}

static void
add_keys (DsrImportNames *names,
          const char     *name,
          const char     *id)
{
  char *exact, *loose;
  const char *had;

  name_keys (name, &exact, &loose);
  if (*exact == '\0' || g_hash_table_contains (names->by_name, exact))
    g_free (exact);
  else
    g_hash_table_insert (names->by_name, exact, g_strdup (id));

  /* A loose key two economies share names neither. */
  had = g_hash_table_lookup (names->by_loose, loose);
  if (*loose == '\0' || (had != NULL && g_str_equal (had, id)))
    g_free (loose);
  else if (had != NULL)
    g_hash_table_insert (names->by_loose, loose, g_strdup (""));
  else
    g_hash_table_insert (names->by_loose, loose, g_strdup (id));
}

/* Adds @name (and its inverted form, see invert_name()) as a name of the
 * economy @id; the first economy to claim an exact key keeps it. */
void
dsr_import_names_add (DsrImportNames *names,
                      const char     *name,
                      const char     *id)
{
  g_autofree char *inverted = NULL;

  if (name == NULL || *name == '\0')
    return;
  add_keys (names, name, id);
  inverted = invert_name (name);
  if (inverted != NULL)
    add_keys (names, inverted, id);
}

/* The code a name stands for, or NULL: by its exact key, then its loose
 * key, then those of its inverted form ("State of Palestine"). */
static const char *
names_lookup (DsrImportNames *names,
              const char     *name)
{
  const char *candidates[2] = { name, NULL };
  g_autofree char *inverted = invert_name (name);

  candidates[1] = inverted;
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && candidates[i] != NULL; i++)
    {
      g_autofree char *exact = NULL;
      g_autofree char *loose = NULL;
      const char *code;

      name_keys (candidates[i], &exact, &loose);
      if (*exact == '\0')
        continue;
      if ((code = g_hash_table_lookup (names->by_name, exact)) != NULL)
        return code;
      if ((code = g_hash_table_lookup (names->by_loose, loose)) != NULL)
        return *code != '\0' ? code : NULL;
    }
  return NULL;
}

/* Spellings that iso-codes' names, common names and official names (and
 * their inverted and loose forms) do not give: those of Our World in Data,
 * the World Bank, the UN and the ITU. Kept short: add a spelling here only
 * when a real file needs it. */
static const struct
{
  const char *name;
  const char *code;
} aliases[] = {
  /* Not in ISO 3166. */
  { "World", "WLD" }, { "Kosovo", "XKX" },
  /* Short or former names. */
  { "Brunei", "BRN" }, { "Cape Verde", "CPV" }, { "Czech Republic", "CZE" },
  { "Democratic Republic of Congo", "COD" }, { "Congo", "COG" }, { "East Timor", "TLS" },
  { "Swaziland", "SWZ" }, { "Faeroe Islands", "FRO" }, { "Guinea Bissau", "GNB" },
  { "Ivory Coast", "CIV" }, { "Macedonia", "MKD" }, { "Micronesia (country)", "FSM" },
  { "Micronesia", "FSM" }, { "Palestine", "PSE" }, { "Russia", "RUS" }, { "Turkey", "TUR" },
  { "United States Virgin Islands", "VIR" }, { "Holy See", "VAT" }, { "Vatican", "VAT" },
  { "Hong Kong", "HKG" }, { "Macau", "MAC" }, { "Chinese Taipei", "TWN" },
  /* The World Bank's spellings. */
  { "Bahamas, The", "BHS" }, { "Congo, Dem. Rep.", "COD" }, { "Congo, Rep.", "COG" },
  { "Egypt, Arab Rep.", "EGY" }, { "Micronesia, Fed. Sts.", "FSM" }, { "Gambia, The", "GMB" },
  { "Hong Kong SAR, China", "HKG" }, { "Iran, Islamic Rep.", "IRN" }, { "Korea, Rep.", "KOR" },
  { "Korea, Dem. People's Rep.", "PRK" }, { "Lao PDR", "LAO" }, { "Macao SAR, China", "MAC" },
  { "West Bank and Gaza", "PSE" }, { "Venezuela, RB", "VEN" }, { "Virgin Islands (U.S.)", "VIR" },
  { "Yemen, Rep.", "YEM" }, { "Taiwan, China", "TWN" },
  /* The UN's (M49) spellings that invert to nothing above. */
  { "China, Hong Kong SAR", "HKG" }, { "China, Macao SAR", "MAC" },
};

/* iso-codes' English names (the store has the translated ones) and the
 * aliases. Read on the worker: a missing iso-codes file only means fewer
 * names are recognised. */
void
dsr_import_names_load_iso_codes (DsrImportNames *names)
{
  g_autofree char *path = dsr_iso_codes_default_path ();
  g_autoptr(GPtrArray) countries = dsr_iso_codes_read_names (path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    dsr_import_names_add (names, aliases[i].name, aliases[i].code);
  for (guint i = 0; countries != NULL && i < countries->len; i++)
    {
      const DsrIsoCountry *country = g_ptr_array_index (countries, i);

      dsr_import_names_add (names, country->name, country->alpha3);
      dsr_import_names_add (names, country->common_name, country->alpha3);
      dsr_import_names_add (names, country->official_name, country->alpha3);
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

/* The World Bank's aggregates ---------------------------------------------------- */

/* The aggregates the World Bank publishes as rows of its data files, with
 * their English names as its Metadata_Country files give them (2019 to
 * 2025 vintages; Chinese through gettext). Known by code even when no
 * metadata is imported. The regions and the income groups are the regions
 * of the groupings "wb-region" and "wb-income"; the rest (and the
 * "excluding high income" and "IDA & IBRD" variants) are reported
 * aggregates. @other is a name of another vintage. WLD, the world, is the
 * store's own entity. */
typedef struct
{
  const char *code;
  const char *grouping;
  const char *name;
  const char *other;
} WbAggregate;

static const WbAggregate wb_aggregates[] = {
  { "EAS", "wb-region", N_("East Asia & Pacific"), NULL },
  { "ECS", "wb-region", N_("Europe & Central Asia"), NULL },
  { "LCN", "wb-region", N_("Latin America & Caribbean"), NULL },
  { "MEA", "wb-region", N_("Middle East, North Africa, Afghanistan & Pakistan"), N_("Middle East & North Africa") },
  { "NAC", "wb-region", N_("North America"), NULL },
  { "SAS", "wb-region", N_("South Asia"), NULL },
  { "SSF", "wb-region", N_("Sub-Saharan Africa"), NULL },
  { "HIC", "wb-income", N_("High income"), NULL },
  { "UMC", "wb-income", N_("Upper middle income"), NULL },
  { "LMC", "wb-income", N_("Lower middle income"), NULL },
  { "LIC", "wb-income", N_("Low income"), NULL },
  { "MIC", NULL, N_("Middle income"), NULL },
  { "LMY", NULL, N_("Low & middle income"), NULL },
  { "INX", NULL, N_("Not classified"), NULL },
  { "EAP", NULL, N_("East Asia & Pacific (excluding high income)"), NULL },
  { "ECA", NULL, N_("Europe & Central Asia (excluding high income)"), NULL },
  { "LAC", NULL, N_("Latin America & Caribbean (excluding high income)"), NULL },
  { "MNA", NULL, N_("Middle East, North Africa, Afghanistan & Pakistan (excluding high income)"),
    N_("Middle East & North Africa (excluding high income)") },
  { "SSA", NULL, N_("Sub-Saharan Africa (excluding high income)"), NULL },
  { "TEA", NULL, N_("East Asia & Pacific (IDA & IBRD)"), NULL },
  { "TEC", NULL, N_("Europe & Central Asia (IDA & IBRD)"), NULL },
  { "TLA", NULL, N_("Latin America & Caribbean (IDA & IBRD)"), NULL },
  { "TMN", NULL, N_("Middle East, North Africa, Afghanistan & Pakistan (IDA & IBRD)"),
    N_("Middle East & North Africa (IDA & IBRD)") },
  { "TSA", NULL, N_("South Asia (IDA & IBRD)"), NULL },
  { "TSS", NULL, N_("Sub-Saharan Africa (IDA & IBRD)"), NULL },
  { "AFE", NULL, N_("Africa Eastern and Southern"), NULL },
  { "AFW", NULL, N_("Africa Western and Central"), NULL },
  { "ARB", NULL, N_("Arab World"), NULL },
  { "CEB", NULL, N_("Central Europe and the Baltics"), NULL },
  { "EMU", NULL, N_("Euro area"), NULL },
  { "EUU", NULL, N_("European Union"), NULL },
  { "OED", NULL, N_("OECD members"), NULL },
  { "CSS", NULL, N_("Caribbean small states"), NULL },
  { "OSS", NULL, N_("Other small states"), NULL },
  { "PSS", NULL, N_("Pacific island small states"), NULL },
  { "SST", NULL, N_("Small states"), NULL },
  { "FCS", NULL, N_("Fragile and conflict affected situations"), NULL },
  { "HPC", NULL, N_("Heavily indebted poor countries (HIPC)"), NULL },
  { "LDC", NULL, N_("Least developed countries: UN classification"), NULL },
  { "IBD", NULL, N_("IBRD only"), NULL },
  { "IBT", NULL, N_("IDA & IBRD total"), NULL },
  { "IDA", NULL, N_("IDA total"), NULL },
  { "IDB", NULL, N_("IDA blend"), NULL },
  { "IDX", NULL, N_("IDA only"), NULL },
  { "EAR", NULL, N_("Early-demographic dividend"), NULL },
  { "LTE", NULL, N_("Late-demographic dividend"), NULL },
  { "PRE", NULL, N_("Pre-demographic dividend"), NULL },
  { "PST", NULL, N_("Post-demographic dividend"), NULL },
};

static const WbAggregate *
find_wb_aggregate (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (wb_aggregates); i++)
    if (g_str_equal (wb_aggregates[i].code, code))
      return &wb_aggregates[i];
  return NULL;
}

/* The aggregate's name, in the user's language: its other vintage's name
 * when @given (the file's) is that one, else its name. */
static const char *
wb_aggregate_name (const WbAggregate *aggregate,
                   const char        *given)
{
  if (aggregate->other != NULL && given != NULL && *given != '\0')
    {
      g_autofree char *key = normalize_name (given);
      g_autofree char *other = normalize_name (aggregate->other);

      if (g_str_equal (key, other))
        return _(aggregate->other);
    }
  return _(aggregate->name);
}

/* The codes an entity is known by in other files: Our World in Data's
 * OWID_WRL and OWID_KOS, the World Bank's old code for Kosovo, KSV. */
const char *
dsr_import_canonical_code (const char *code)
{
  if (g_str_equal (code, "OWID_WRL"))
    return DSR_ENTITY_ID_WORLD;
  if (g_str_equal (code, "OWID_KOS") || g_str_equal (code, "KSV"))
    return "XKX";
  return code;
}

/* Whether a row of the World Bank's country metadata is an aggregate: one
 * of the aggregates above; or its income group says so (the Spanish files'
 * "Agregados", where a blank Region does not mean an aggregate: some
 * vintages leave the high-income economies without one); or it has neither
 * a region nor an income group (the English files' aggregates). */
gboolean
dsr_import_wb_is_aggregate (const char *code,
                            const char *region,
                            const char *income)
{
  static const char * const words[] = { "aggregat", "agregad", "agregat", NULL };
  g_autofree char *key = NULL;

  if (g_str_equal (code, DSR_ENTITY_ID_WORLD) || find_wb_aggregate (code) != NULL)
    return TRUE;
  if (income != NULL && *income != '\0')
    {
      key = normalize_name (income);
      for (guint i = 0; words[i] != NULL; i++)
        if (g_str_has_prefix (key, words[i]))
          return TRUE;
      return strstr (income, "汇总") != NULL || strstr (income, "总计") != NULL;
    }
  return region == NULL || *region == '\0';
}

/* Resolution ------------------------------------------------------------------- */

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
  const WbAggregate *aggregate;
  const char *grouped;

  memset (spec, 0, sizeof *spec);
  code = dsr_import_canonical_code (code);
  spec->name = name;

  economy = g_hash_table_lookup (ctx->economies, code);
  aggregate = find_wb_aggregate (code);
  if (economy != NULL && *economy->name != '\0')
    spec->name = economy->name;
  else if (aggregate != NULL)
    spec->name = wb_aggregate_name (aggregate, name);

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
      if (economy == NULL || *economy->name == '\0')
        spec->name = _("Kosovo");
      return TRUE;
    }
  if (economy != NULL)
    {
      spec->kind = economy->aggregate ? DSR_ENTITY_AGGREGATE : DSR_ENTITY_COUNTRY;
      return TRUE;
    }
  if (aggregate != NULL)
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
  const char *code = names_lookup (ctx->names, name);
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

/* "CHN": three capital letters. */
static gboolean
looks_like_code (const char *text)
{
  return strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1])
         && g_ascii_isupper (text[2]);
}

/* A column that holds either codes or names: a mapped "country" column, or
 * a tidy table's "country" column that holds ISO3 codes ("CHN", "IND"). A
 * known code is read as a code, anything else as a name; an unknown text
 * that looks like a code is reported as an unknown code. */
const char *
dsr_import_resolve_country (DsrImportContext *ctx,
                            const char       *text,
                            guint             line)
{
  const char *id = g_hash_table_lookup (ctx->resolved_names, text);

  if (id == NULL)
    {
      if (strlen (text) <= 8 && strchr (text, ' ') == NULL && dsr_import_is_known_code (ctx, text))
        id = dsr_import_resolve_code (ctx, text, NULL, line);
      else
        id = resolve_name (ctx, text, FALSE);
      if (id == NULL)
        id = "";
      g_hash_table_insert (ctx->resolved_names, g_strdup (text), (gpointer) id);
    }
  if (*id == '\0')
    {
      note_unknown (ctx, text, NULL, !looks_like_code (text), line);
      return NULL;
    }
  return id;
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
      g_autofree char *text = dsr_format_quote (u->text);
      g_autofree char *name = dsr_format_quote (u->name);

      if (u->is_name)
        dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_ROWS_SKIPPED, u->line,
                            _("unknown economy “%s” (not a country name this app knows): %s"),
                            text, rows);
      else if (*u->text == '\0' || u->name == NULL)
        dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_ROWS_SKIPPED, u->line,
                            _("unknown economy code “%s”: %s"), text, rows);
      else
        dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_ROWS_SKIPPED, u->line,
                            _("unknown economy code “%s” (%s): %s"), text, name, rows);
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
 * the metadata gives the same name (its "Country Name" or "TableName":
 * "Asia meridional" is SAS, "sas"), or else that of the World Bank's names
 * (wb_aggregates: "East Asia & Pacific" is EAS), so that the aggregate's
 * reported values belong to the region. */
static char *
region_id (GHashTable *aggregate_by_name,
           const char *name,
           const char *grouping_id,
           GHashTable *aggregates)
{
  g_autofree char *key = normalize_name (name);
  const char *code = g_hash_table_lookup (aggregate_by_name, key);

  if (code != NULL)
    {
      char *id = g_ascii_strdown (code, -1);

      g_hash_table_insert (aggregates, g_strdup (code), g_strconcat (grouping_id, ":", id, NULL));
      return id;
    }
  return dsr_import_slug (name);
}

static void
add_aggregate_name (GHashTable *aggregate_by_name,
                    const char *name,
                    const char *code)
{
  char *key;

  if (name == NULL || *name == '\0')
    return;
  key = normalize_name (name);
  if (*key == '\0' || g_hash_table_contains (aggregate_by_name, key))
    g_free (key);
  else
    g_hash_table_insert (aggregate_by_name, key, (gpointer) code);
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

      /* An economy without a region can still have an income group. */
      if (*region_name == '\0' || e->aggregate
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

/* Whether the import has World Bank data files, and the newest "Last
 * Updated Date" among them ("" when none says). */
static gboolean
has_world_bank_data (DsrImportContext  *ctx,
                     const char       **newest)
{
  gboolean found = FALSE;

  *newest = "";
  for (guint i = 0; i < ctx->sources->len; i++)
    {
      const DsrImportSource *source = g_ptr_array_index (ctx->sources, i);

      if (source->format != DSR_IMPORT_FORMAT_WORLD_BANK)
        continue;
      found = TRUE;
      if (source->updated != NULL && strcmp (source->updated, *newest) > 0)
        *newest = source->updated;
    }
  return found;
}

/* Without metadata: the World Bank's regions and income groups as they are
 * reported, by code, with no members (the metadata would say which
 * economies they have), unless the store has such a grouping already (from
 * an import with metadata, which this one must not replace). */
static gboolean
add_reported_groupings (DsrImportContext  *ctx,
                        GError           **error)
{
  static const char * const ids[] = { "wb-region", "wb-income" };
  const char *names[] = { _("World Bank regions"), _("World Bank income groups") };
  const char *descriptions[] = {
    _("The World Bank’s geographic regions, as its imported files report them. Without the files’ "
      "metadata (Metadata_Country) their member economies are not known here."),
    _("The World Bank’s income groups, as its imported files report them. Without the files’ "
      "metadata (Metadata_Country) their member economies are not known here."),
  };

  const char *newest;
  gboolean old_names;

  if (!has_world_bank_data (ctx, &newest))
    return TRUE;
  /* The World Bank renamed MEA "Middle East, North Africa, Afghanistan &
   * Pakistan" (adding those two economies) in 2025: its files updated
   * 2025-01-28 have the old name, those of 2026 the new one. Files older
   * than mid-2025 get the old name; undated ones the new. */
  old_names = *newest != '\0' && strcmp (newest, "2025-07-01") < 0;
  for (guint g = 0; g < G_N_ELEMENTS (ids); g++)
    {
      g_autoptr(DsrGrouping) grouping = NULL;

      if (g_hash_table_contains (ctx->names->groupings, ids[g]))
        continue;
      grouping = dsr_grouping_new (ids[g], names[g], descriptions[g]);
      for (guint i = 0; i < G_N_ELEMENTS (wb_aggregates); i++)
        if (g_strcmp0 (wb_aggregates[i].grouping, ids[g]) == 0)
          {
            g_autofree char *rid = g_ascii_strdown (wb_aggregates[i].code, -1);

            const char *name = old_names && wb_aggregates[i].other != NULL ? wb_aggregates[i].other
                                                                            : wb_aggregates[i].name;

            dsr_grouping_add_region (grouping, rid, _(name), NULL);
          }
      if (!dsr_store_add_grouping (ctx->staging, grouping, error))
        return FALSE;
    }
  return TRUE;
}

/* The World Bank's regions and income groups as the groupings "wb-region"
 * and "wb-income" of the staging store: from the country metadata, with
 * their members; without it, as reported groups (add_reported_groupings()). */
gboolean
dsr_import_add_wb_groupings (DsrImportContext  *ctx,
                             GError           **error)
{
  g_autoptr(GPtrArray) economies = NULL;
  g_autoptr(GHashTable) aggregate_by_name = NULL;
  g_autoptr(DsrGrouping) regions = NULL;
  g_autoptr(DsrGrouping) incomes = NULL;

  if (g_hash_table_size (ctx->economies) == 0)
    return add_reported_groupings (ctx, error);

  economies = hash_values (ctx->economies);
  g_ptr_array_sort (economies, compare_economies);
  /* The metadata's names of its aggregates first, then the World Bank's
   * names in English and in the user's language. */
  aggregate_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < economies->len; i++)
    {
      const DsrWbEconomy *e = g_ptr_array_index (economies, i);

      if (e->aggregate)
        add_aggregate_name (aggregate_by_name, e->name, e->code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wb_aggregates); i++)
    {
      add_aggregate_name (aggregate_by_name, wb_aggregates[i].name, wb_aggregates[i].code);
      add_aggregate_name (aggregate_by_name, wb_aggregates[i].other, wb_aggregates[i].code);
      add_aggregate_name (aggregate_by_name, _(wb_aggregates[i].name), wb_aggregates[i].code);
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
  for (guint i = 0; i < G_N_ELEMENTS (wb_aggregates); i++)
    {
      g_autofree char *lower = NULL;

      if (wb_aggregates[i].grouping == NULL)
        continue;
      lower = g_ascii_strdown (wb_aggregates[i].code, -1);
      g_hash_table_insert (aggregates, g_strdup (wb_aggregates[i].code),
                           g_strconcat (wb_aggregates[i].grouping, ":", lower, NULL));
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
