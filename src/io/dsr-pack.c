/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-pack"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-data-resources.h"
#include "dsr-country-resources.h"
#include "dsr-csv.h"
#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-iso-codes.h"
#include "dsr-pack.h"

/* The data pack: CSV files that hold every figure of the seed paper and the
 * Belt and Road economies with their regions (see data/NOTES.md).
 *
 *   indicators.csv     id,name,unit,theme,decimals,higher_is_better,source,description
 *                      [,aggregation,vintage,reference]
 *   groupings.csv      id,name,membership,description
 *   regions.csv        grouping,region,name
 *   bri-economies.csv  iso3,signed,left,note and one column per grouping's "membership"
 *   observations.csv   indicator,entity,year,value,qualifier,source,note
 *
 *   country-pack.gvariant  the country data (see dsr-pack.h), made when building
 *
 * Each file (the three grouping files together) loads whole or not at all:
 * rows are parsed and checked into a staging area, and only a file without
 * a problem is committed to the store. */

GFile *
dsr_pack_get_bundled (void)
{
  /* The resource registers itself when the program starts; referring to it
   * here makes the linker keep it in every program that uses the pack. */
  /* (Calls of their own: inside g_assert () a G_DISABLE_ASSERT build would drop them.) */
  if (dsr_data_get_resource () == NULL || dsr_country_get_resource () == NULL)
    g_error ("The bundled data resources are missing");
  return g_file_new_for_uri (DSR_PACK_RESOURCE_URI);
}

/* The licences of the bundled country data (data/sources/SOURCES.md), by
 * indicator id; NULL for the paper's figures and for imported indicators. */
static const struct
{
  const char *prefix;
  const char *licence;
} licences[] = {
  { "ITU.GCI.", N_("ITU: non-commercial use with credit (CC BY-NC-SA 3.0 IGO)") },
  { "UNCTAD.", N_("UNCTADstat: reuse with credit to UNCTAD") },
  { "DSR.ICT.SVC.EXP.", N_("World Bank WDI: CC BY 4.0") },
  { "IT.NET.USER.ZS", N_("World Bank WDI: CC BY 4.0") },
  { "IT.NET.BBND.P2", N_("World Bank WDI: CC BY 4.0") },
  { "IT.CEL.SETS.P2", N_("World Bank WDI: CC BY 4.0") },
  { "SP.POP.TOTL", N_("World Bank WDI: CC BY 4.0") },
  { "BX.GSR.CCIS.CD", N_("World Bank WDI: CC BY 4.0") },
};

const char *
dsr_pack_get_licence (const char *indicator_id)
{
  g_return_val_if_fail (indicator_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (licences); i++)
    if (g_str_has_prefix (indicator_id, licences[i].prefix))
      return _(licences[i].licence);
  return NULL;
}

/* Each source of the bundled data with its licence and vintage, for the
 * About window's credits (translated; NULL-terminated). */
const char * const *
dsr_pack_get_credits (void)
{
  static const char *credits[] = {
    N_("Academic Journal of Business & Management 5(12), 23–30, 2023, DOI 10.25236/AJBM.2023.051204: "
       "the paper’s figures"),
    N_("World Bank, World Development Indicators (CC BY 4.0): internet use (Last Updated not stated), "
       "fixed broadband and mobile subscriptions (updated 2025-01-28), ICT service exports "
       "(updated 2026-02-24), population (updated 2026-04-08)"),
    N_("ITU Global Cybersecurity Index 2020, as transcribed in the BIPA 2024 source data "
       "(non-commercial use with credit, CC BY-NC-SA 3.0 IGO)"),
    N_("UNCTADstat, ICT goods as percentage of total trade, 2000–2019 (reuse with credit to UNCTAD)"),
    NULL
  };
  static const char *translated[G_N_ELEMENTS (credits)];

  for (guint i = 0; credits[i] != NULL; i++)
    translated[i] = _(credits[i]);
  return translated;
}

static void
add_problem (GPtrArray *problems,
             GError    *error)
{
  if (problems != NULL)
    g_ptr_array_add (problems, error);
  else
    g_error_free (error);
}

/* Texts of the pack that people read are translated (po/pack-strings.h lists them). */
static const char *
tr (const char *text)
{
  return *text ? g_dgettext (GETTEXT_PACKAGE, text) : text;
}

static gboolean
parse_yes_no (const char  *text,
              gboolean    *out,
              GError     **error)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_str_equal (text, "1")
      || g_ascii_strcasecmp (text, "true") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0 || g_str_equal (text, "0")
           || g_ascii_strcasecmp (text, "false") == 0)
    *out = FALSE;
  else
    {
      g_autofree char *quoted = dsr_format_quote (text);

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("“%s” is not yes or no"), quoted);
      return FALSE;
    }
  return TRUE;
}

/* indicators.csv ------------------------------------------------------------ */

enum { IND_ID, IND_NAME, IND_UNIT, IND_THEME, IND_DECIMALS, IND_HIGHER, IND_SOURCE, IND_DESC,
       IND_AGGREGATION, IND_VINTAGE, IND_REFERENCE, IND_N };

static const char * const indicator_columns[] = {
  "id", "name", "unit", "theme", "decimals", "higher_is_better", "source", "description", NULL
};
/* Optional: the aggregation rule (mean, weighted-mean, sum, none; guessed
 * from the unit when empty), the vintage (YYYY-MM-DD) and the id of the
 * indicator with what the paper printed for the same measure. */
static const char * const indicator_optional_columns[] = { "aggregation", "vintage", "reference", NULL };

static const char *
optional_field (const DsrCsvRow *row,
                int              index)
{
  return index >= 0 && (guint) index < row->n_fields ? row->fields[index] : "";
}

typedef struct
{
  DsrStore *store;
  DsrCsvColumns columns;
  int index[IND_N];
  GPtrArray *staged;
  GHashTable *ids;
} IndicatorLoad;

static gboolean
indicator_row (const DsrCsvRow *row,
               gpointer         user_data,
               GError         **error)
{
  IndicatorLoad *load = user_data;
  gboolean is_header, higher;
  const char *id, *theme_name, *aggregation_name;
  DsrAggregation aggregation;
  DsrIndicator *indicator;
  DsrTheme theme;
  int decimals;

  if (!dsr_csv_columns_take_row (&load->columns, row, &is_header, error))
    return FALSE;
  if (is_header)
    return TRUE;

  id = row->fields[load->index[IND_ID]];
  theme_name = row->fields[load->index[IND_THEME]];
  if (*id == '\0')
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_PARSE, _("the indicator id is empty"));
      return FALSE;
    }
  if (!g_hash_table_add (load->ids, g_strdup (id))
      || dsr_store_get_indicator (load->store, id) != NULL)
    {
      g_autofree char *quoted = dsr_format_quote (id);

      g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE, _("indicator “%s” is defined twice"), quoted);
      return FALSE;
    }
  if (!dsr_theme_from_string (theme_name, &theme))
    {
      g_autofree char *quoted = dsr_format_quote (theme_name);

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("unknown theme “%s” (use infrastructure, logistics, payment, security or trade)"),
                   quoted);
      return FALSE;
    }
  if (!dsr_csv_parse_int (row->fields[load->index[IND_DECIMALS]], 0, 6, &decimals, error))
    {
      g_prefix_error (error, _("column “decimals”: "));
      return FALSE;
    }
  if (!parse_yes_no (row->fields[load->index[IND_HIGHER]], &higher, error))
    {
      g_prefix_error (error, _("column “higher_is_better”: "));
      return FALSE;
    }

  aggregation_name = optional_field (row, load->index[IND_AGGREGATION]);
  if (*aggregation_name == '\0')
    aggregation = dsr_aggregation_guess (row->fields[load->index[IND_NAME]],
                                         row->fields[load->index[IND_UNIT]], NULL);
  else if (!dsr_aggregation_from_string (aggregation_name, &aggregation))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("column “aggregation”: unknown rule “%s” (use mean, weighted-mean, sum or none)"),
                   aggregation_name);
      return FALSE;
    }

  indicator = dsr_indicator_new (id, tr (row->fields[load->index[IND_NAME]]),
                                 tr (row->fields[load->index[IND_UNIT]]), theme,
                                 tr (row->fields[load->index[IND_SOURCE]]), decimals, higher,
                                 tr (row->fields[load->index[IND_DESC]]));
  dsr_indicator_set_aggregation (indicator, aggregation);
  dsr_indicator_set_vintage (indicator, optional_field (row, load->index[IND_VINTAGE]));
  dsr_indicator_set_reference_id (indicator, optional_field (row, load->index[IND_REFERENCE]));
  g_ptr_array_add (load->staged, indicator);
  return TRUE;
}

static gboolean
load_indicators (DsrStore  *store,
                 GFile     *file,
                 GError   **error)
{
  IndicatorLoad load = { 0 };
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  load.store = store;
  load.columns.names = indicator_columns;
  load.columns.optional = indicator_optional_columns;
  load.columns.index = load.index;
  load.staged = staged;
  load.ids = ids;

  if (!dsr_csv_parse_file (file, indicator_row, &load, NULL, error))
    return FALSE;

  for (guint i = 0; i < staged->len; i++)
    dsr_store_add_indicator (store, g_ptr_array_index (staged, i), NULL);
  return TRUE;
}

/* groupings.csv, regions.csv, bri-economies.csv ------------------------------ */

typedef struct
{
  DsrCsvColumns columns;
  int index[4];
  GPtrArray *groupings;   /* of DsrGrouping */
  GPtrArray *membership;  /* of char*: the bri-economies column of each grouping */
  int *member_index;      /* per grouping: its column in bri-economies.csv */
} GroupingLoad;

static const char * const grouping_columns[] = { "id", "name", "membership", "description", NULL };
static const char * const region_columns[] = { "grouping", "region", "name", NULL };
static const char * const economy_columns[] = { "iso3", "signed", "left", NULL };

static gboolean
grouping_row (const DsrCsvRow *row,
              gpointer         user_data,
              GError         **error)
{
  GroupingLoad *load = user_data;
  gboolean is_header;
  const char *id, *membership;

  if (!dsr_csv_columns_take_row (&load->columns, row, &is_header, error))
    return FALSE;
  if (is_header)
    return TRUE;

  id = row->fields[load->index[0]];
  membership = row->fields[load->index[2]];
  if (*id == '\0' || strchr (id, ':') != NULL)
    {
      g_autofree char *quoted = dsr_format_quote (id);

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("“%s” is not a valid grouping id (non-empty, without “:”)"), quoted);
      return FALSE;
    }
  for (guint i = 0; i < load->groupings->len; i++)
    if (g_str_equal (dsr_grouping_get_id (g_ptr_array_index (load->groupings, i)), id))
      {
        g_autofree char *quoted = dsr_format_quote (id);

        g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE, _("grouping “%s” is defined twice"), quoted);
        return FALSE;
      }
  if (*membership == '\0')
    {
      g_autofree char *quoted = dsr_format_quote (id);

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("grouping “%s” names no membership column"), quoted);
      return FALSE;
    }

  g_ptr_array_add (load->groupings,
                   dsr_grouping_new (id, tr (row->fields[load->index[1]]),
                                     tr (row->fields[load->index[3]])));
  g_ptr_array_add (load->membership, g_strdup (membership));
  return TRUE;
}

static DsrGrouping *
find_staged_grouping (GroupingLoad *load,
                      const char   *id)
{
  for (guint i = 0; i < load->groupings->len; i++)
    if (g_str_equal (dsr_grouping_get_id (g_ptr_array_index (load->groupings, i)), id))
      return g_ptr_array_index (load->groupings, i);
  return NULL;
}

static gboolean
region_row (const DsrCsvRow *row,
            gpointer         user_data,
            GError         **error)
{
  GroupingLoad *load = user_data;
  gboolean is_header;
  const char *grouping_id;
  DsrGrouping *grouping;

  if (!dsr_csv_columns_take_row (&load->columns, row, &is_header, error))
    return FALSE;
  if (is_header)
    return TRUE;

  grouping_id = row->fields[load->index[0]];
  grouping = find_staged_grouping (load, grouping_id);
  if (grouping == NULL)
    {
      g_autofree char *quoted = dsr_format_quote (grouping_id);

      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                   _("unknown grouping “%s” (not in groupings.csv)"), quoted);
      return FALSE;
    }
  return dsr_grouping_add_region (grouping, row->fields[load->index[1]],
                                  tr (row->fields[load->index[2]]), error) != NULL;
}

static gboolean
parse_optional_year (const char  *text,
                     int         *out,
                     GError     **error)
{
  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  return dsr_csv_parse_int (text, 1900, 2100, out, error);
}

static gboolean
economy_row (const DsrCsvRow *row,
             gpointer         user_data,
             GError         **error)
{
  GroupingLoad *load = user_data;
  gboolean is_header;
  const char *iso3;
  int since, until;

  if (!dsr_csv_columns_take_row (&load->columns, row, &is_header, error))
    return FALSE;
  if (is_header)
    {
      for (guint i = 0; i < load->groupings->len; i++)
        {
          const char *column = g_ptr_array_index (load->membership, i);

          load->member_index[i] = dsr_csv_row_find (row, column);
          if (load->member_index[i] < 0)
            {
              g_set_error (error, DSR_ERROR, DSR_ERROR_MISSING_COLUMN,
                           _("the header has no column “%s”, which grouping “%s” of groupings.csv needs"), column,
                           dsr_grouping_get_id (g_ptr_array_index (load->groupings, i)));
              return FALSE;
            }
        }
      return TRUE;
    }

  iso3 = row->fields[load->index[0]];
  if (!parse_optional_year (row->fields[load->index[1]], &since, error))
    {
      g_prefix_error (error, _("column “signed”: "));
      return FALSE;
    }
  if (!parse_optional_year (row->fields[load->index[2]], &until, error))
    {
      g_prefix_error (error, _("column “left”: "));
      return FALSE;
    }

  for (guint i = 0; i < load->groupings->len; i++)
    {
      DsrGrouping *grouping = g_ptr_array_index (load->groupings, i);
      const char *region = row->fields[load->member_index[i]];

      if (*region == '\0')
        continue;
      if (!dsr_grouping_add_member (grouping, region, iso3, since, until, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_groupings (DsrStore  *store,
                GFile     *dir,
                GError   **error)
{
  g_autoptr(GFile) groupings_file = g_file_get_child (dir, "groupings.csv");
  g_autoptr(GFile) regions_file = g_file_get_child (dir, "regions.csv");
  g_autoptr(GFile) economies_file = g_file_get_child (dir, "bri-economies.csv");
  g_autoptr(GPtrArray) groupings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) membership = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *member_index = NULL;
  GroupingLoad load = { 0 };

  load.groupings = groupings;
  load.membership = membership;
  load.columns.index = load.index;

  load.columns.names = grouping_columns;
  if (!dsr_csv_parse_file (groupings_file, grouping_row, &load, NULL, error))
    return FALSE;

  memset (&load.columns, 0, sizeof load.columns);
  load.columns.index = load.index;
  load.columns.names = region_columns;
  if (!dsr_csv_parse_file (regions_file, region_row, &load, NULL, error))
    return FALSE;

  memset (&load.columns, 0, sizeof load.columns);
  load.columns.index = load.index;
  load.columns.names = economy_columns;
  member_index = g_new0 (int, MAX (groupings->len, 1));
  load.member_index = member_index;
  if (!dsr_csv_parse_file (economies_file, economy_row, &load, NULL, error))
    return FALSE;

  for (guint i = 0; i < groupings->len; i++)
    if (!dsr_store_check_grouping (store, g_ptr_array_index (groupings, i), error))
      {
        g_autofree char *name = dsr_csv_display_name (economies_file);

        g_prefix_error (error, "%s: ", name);
        return FALSE;
      }

  for (guint i = 0; i < groupings->len; i++)
    dsr_store_add_grouping (store, g_ptr_array_index (groupings, i), NULL);
  if (groupings->len > 0 && dsr_store_get_bri_grouping (store) == NULL)
    dsr_store_set_bri_grouping (store, g_ptr_array_index (groupings, 0));

  return TRUE;
}

/* observations.csv ----------------------------------------------------------- */

enum { OBS_INDICATOR, OBS_ENTITY, OBS_YEAR, OBS_VALUE, OBS_QUALIFIER, OBS_SOURCE, OBS_NOTE, OBS_N };

static const char * const observation_columns[] = {
  "indicator", "entity", "year", "value", "qualifier", "source", "note", NULL
};

typedef struct
{
  char *indicator;
  char *entity;
  int year;
  double value;
  DsrQualifier qualifier;
  char *source;
  char *note;
} StagedObservation;

static void
staged_observation_clear (gpointer data)
{
  StagedObservation *s = data;

  g_free (s->indicator);
  g_free (s->entity);
  g_free (s->source);
  g_free (s->note);
}

typedef struct
{
  DsrStore *store;
  DsrCsvColumns columns;
  int index[OBS_N];
  GArray *staged;
  GHashTable *keys;
} ObservationLoad;

static gboolean
observation_row (const DsrCsvRow *row,
                 gpointer         user_data,
                 GError         **error)
{
  ObservationLoad *load = user_data;
  StagedObservation s = { 0 };
  gboolean is_header;
  const char *qualifier;
  char *key;

  if (!dsr_csv_columns_take_row (&load->columns, row, &is_header, error))
    return FALSE;
  if (is_header)
    return TRUE;

  if (!dsr_csv_parse_int (row->fields[load->index[OBS_YEAR]], -99999, 99999, &s.year, error))
    {
      g_prefix_error (error, _("column “year”: "));
      return FALSE;
    }
  if (!dsr_csv_parse_double (row->fields[load->index[OBS_VALUE]], &s.value, error))
    {
      g_prefix_error (error, _("column “value”: "));
      return FALSE;
    }
  qualifier = row->fields[load->index[OBS_QUALIFIER]];
  if (!dsr_qualifier_from_string (qualifier, &s.qualifier))
    {
      g_autofree char *quoted = dsr_format_quote (qualifier);

      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("unknown qualifier “%s” (leave it empty, or use about, more-than, less-than)"),
                   quoted);
      return FALSE;
    }
  if (!dsr_store_check_observation (load->store, row->fields[load->index[OBS_INDICATOR]],
                                    row->fields[load->index[OBS_ENTITY]], s.year, s.value, error))
    return FALSE;

  key = g_strdup_printf ("%s\x1f%s\x1f%d", row->fields[load->index[OBS_INDICATOR]],
                         row->fields[load->index[OBS_ENTITY]], s.year);
  if (!g_hash_table_add (load->keys, key))
    {
      g_autofree char *indicator = dsr_format_quote (row->fields[load->index[OBS_INDICATOR]]);
      g_autofree char *entity = dsr_format_quote (row->fields[load->index[OBS_ENTITY]]);

      g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                   _("a second value for %s, %s, %d"), indicator, entity, s.year);
      return FALSE;
    }

  s.indicator = g_strdup (row->fields[load->index[OBS_INDICATOR]]);
  s.entity = g_strdup (row->fields[load->index[OBS_ENTITY]]);
  s.source = g_strdup (tr (row->fields[load->index[OBS_SOURCE]]));
  s.note = g_strdup (tr (row->fields[load->index[OBS_NOTE]]));
  g_array_append_val (load->staged, s);
  return TRUE;
}

static gboolean
load_observations (DsrStore  *store,
                   GFile     *file,
                   GError   **error)
{
  ObservationLoad load = { 0 };
  g_autoptr(GArray) staged = g_array_new (FALSE, FALSE, sizeof (StagedObservation));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (staged, staged_observation_clear);
  load.store = store;
  load.columns.names = observation_columns;
  load.columns.index = load.index;
  load.staged = staged;
  load.keys = keys;

  if (!dsr_csv_parse_file (file, observation_row, &load, NULL, error))
    return FALSE;

  for (guint i = 0; i < staged->len; i++)
    {
      StagedObservation *s = &g_array_index (staged, StagedObservation, i);

      dsr_store_add_observation (store, s->indicator, s->entity, s->year, s->value, s->qualifier,
                                 s->source, s->note, NULL);
    }
  return TRUE;
}

/* country-pack.gvariant ------------------------------------------------------ */

static gboolean
load_country_pack (DsrStore  *store,
                   GFile     *file,
                   GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) pack = NULL;
  g_autoptr(GVariant) indicators = NULL;
  g_autoptr(GVariant) entities = NULL;
  g_autoptr(GVariant) series = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = dsr_csv_display_name (file);
  GVariantIter iter;
  guint32 magic;
  gsize n;

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  /* Trusted (no checks) only when it is the one built with the program. */
  pack = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (DSR_COUNTRY_PACK_TYPE), bytes,
                                                       g_file_has_uri_scheme (file, "resource")));
  g_variant_get_child (pack, 0, "u", &magic);
  if (magic == GUINT32_SWAP_LE_BE (DSR_COUNTRY_PACK_MAGIC))
    {
      GVariant *swapped = g_variant_byteswap (pack);

      g_variant_unref (pack);
      pack = swapped;
    }
  else if (magic != DSR_COUNTRY_PACK_MAGIC)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: not a country data pack"), name);
      return FALSE;
    }
  indicators = g_variant_get_child_value (pack, 1);
  entities = g_variant_get_child_value (pack, 2);
  series = g_variant_get_child_value (pack, 3);

  /* Indicators: checked first, added only when the whole pack is good. */
  n = g_variant_n_children (indicators);
  for (gsize i = 0; i < n; i++)
    {
      const char *id, *iname, *unit, *theme_name, *publisher, *description, *aggregation_name, *vintage,
                 *reference;
      DsrAggregation aggregation;
      DsrIndicator *indicator;
      DsrTheme theme;
      gboolean higher;
      gint32 decimals;
      char *source;

      g_variant_get_child (indicators, i, "(&s&s&s&s&s&sib&s&s&s)", &id, &iname, &unit, &theme_name,
                           &publisher, &description, &decimals, &higher, &aggregation_name, &vintage,
                           &reference);
      if (dsr_store_get_indicator (store, id) != NULL)
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE, _("%s: indicator “%s” is defined twice"), name,
                       id);
          return FALSE;
        }
      if (!dsr_theme_from_string (theme_name, &theme) || !dsr_aggregation_from_string (aggregation_name, &aggregation))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: indicator “%s” has an unknown theme or aggregation"),
                       name, id);
          return FALSE;
        }
      if (*vintage != '\0')
        /* Translators: an indicator's source: publisher, then the date of its data ("Last Updated") */
        source = g_strdup_printf (_("%s, updated %s"), tr (publisher), vintage);
      else
        source = g_strdup (tr (publisher));
      indicator = dsr_indicator_new (id, tr (iname), tr (unit), theme, source, decimals, higher,
                                     tr (description));
      dsr_indicator_set_aggregation (indicator, aggregation);
      dsr_indicator_set_vintage (indicator, vintage);
      dsr_indicator_set_reference_id (indicator, reference);
      g_ptr_array_add (staged, indicator);
      g_ptr_array_add (ids, g_strdup (id));
      g_ptr_array_add (sources, source);
    }

  for (guint i = 0; i < staged->len; i++)
    dsr_store_add_indicator (store, g_ptr_array_index (staged, i), NULL);

  g_variant_iter_init (&iter, entities);
  {
    const char *id, *ename;
    guint32 kind;
    gint32 numeric;

    while (g_variant_iter_next (&iter, "(&sui&s)", &id, &kind, &numeric, &ename))
      if (dsr_store_get_entity (store, id) == NULL)
        {
          g_autoptr(DsrEntity) entity = NULL;

          if (kind > DSR_ENTITY_AGGREGATE)
            kind = DSR_ENTITY_AGGREGATE;
          entity = dsr_entity_new (id, (DsrEntityKind) kind, ename, numeric);
          dsr_store_add_entity (store, entity, NULL);
        }
  }

  /* One pass of an iterator: no child variant per field. */
  {
    GVariantIter series_iter;
    GVariant *values;
    const char *entity;
    guint32 indicator;
    gint32 first;
    guint i = 0;

    g_variant_iter_init (&series_iter, series);
    while (g_variant_iter_loop (&series_iter, "(u&si@ad)", &indicator, &entity, &first, &values))
      {
        gsize n_values;
        const double *data = g_variant_get_fixed_array (values, &n_values, sizeof (double));
        GError *local = NULL;

        if (indicator >= ids->len)
          g_set_error (&local, DSR_ERROR, DSR_ERROR_PARSE, _("%s: series %u names no indicator"), name, i);
        else if (!dsr_store_add_series (store, g_ptr_array_index (ids, indicator), entity, first, data,
                                        (guint) n_values, g_ptr_array_index (sources, indicator), "", &local))
          g_prefix_error (&local, "%s: ", name);
        if (local != NULL)
          {
            /* Leaving g_variant_iter_loop () early: its last value is ours to free. */
            g_variant_unref (values);
            g_propagate_error (error, local);
            return FALSE;
          }
        i++;
      }
  }
  return TRUE;
}

/* ---------------------------------------------------------------------------- */

static void
ensure_aggregate (DsrStore      *store,
                  const char    *id,
                  DsrEntityKind  kind,
                  const char    *name)
{
  if (dsr_store_get_entity (store, id) == NULL)
    {
      g_autoptr(DsrEntity) entity = dsr_entity_new (id, kind, name, 0);

      dsr_store_add_entity (store, entity, NULL);
    }
}

/* Loads the pack's files into @store. A file with a problem adds nothing and
 * its error (naming the file and line) is appended to @problems; the other
 * files still load. Returns TRUE when every file loaded. */
gboolean
dsr_pack_load (DsrStore  *store,
               GFile     *dir,
               GPtrArray *problems)
{
  g_autoptr(GFile) indicators = NULL;
  g_autoptr(GFile) observations = NULL;
  g_autoptr(GFile) country = NULL;
  GError *error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  ensure_aggregate (store, DSR_ENTITY_ID_WORLD, DSR_ENTITY_WORLD, _("World"));
  ensure_aggregate (store, DSR_ENTITY_ID_BRI, DSR_ENTITY_BRI, _("Belt and Road economies"));

  indicators = g_file_get_child (dir, "indicators.csv");
  if (!load_indicators (store, indicators, &error))
    {
      add_problem (problems, g_steal_pointer (&error));
      ok = FALSE;
    }

  if (!load_groupings (store, dir, &error))
    {
      add_problem (problems, g_steal_pointer (&error));
      ok = FALSE;
    }

  /* DSR_ATLAS_PACK=paper: the paper's figures only, without the country
   * data (as before it was bundled; the importers' tests use it). */
  country = g_file_get_child (dir, DSR_COUNTRY_PACK_FILE);
  if (g_strcmp0 (g_getenv ("DSR_ATLAS_PACK"), "paper") != 0 && g_file_query_exists (country, NULL)
      && !load_country_pack (store, country, &error))
    {
      add_problem (problems, g_steal_pointer (&error));
      ok = FALSE;
    }

  observations = g_file_get_child (dir, "observations.csv");
  if (!load_observations (store, observations, &error))
    {
      add_problem (problems, g_steal_pointer (&error));
      ok = FALSE;
    }

  return ok;
}

/* A new store with the countries of iso-codes and the pack in @dir (the
 * bundled pack when NULL). Never NULL: problems are appended to @problems. */
DsrStore *
dsr_pack_load_store (GFile     *dir,
                     GPtrArray *problems)
{
  g_autoptr(DsrStore) store = dsr_store_new ();
  g_autofree char *iso_path = dsr_iso_codes_default_path ();
  g_autoptr(GFile) bundled = NULL;
  GError *error = NULL;

  if (!dsr_iso_codes_load (store, iso_path, &error))
    add_problem (problems, g_steal_pointer (&error));

  if (dir == NULL)
    dir = bundled = dsr_pack_get_bundled ();
  dsr_pack_load (store, dir, problems);

  return g_steal_pointer (&store);
}
