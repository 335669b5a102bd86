/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-import-private.h"

/* Indicators of an import: name, unit, source and theme.
 *
 * Themes follow the app's five (DESIGN.md). The rule, first match wins:
 *  1. the World Bank code: IT.NET.SECR* (secure servers) security; IT.*,
 *     EG.ELC.* infrastructure; IS.*, LP.* logistics; FX.*, FB.*, fin*,
 *     account* (Findex) payment; BX.*, BM.*, TX.*, TM.*, TG.*, NE.EXP*,
 *     NE.IMP*, NE.TRD* trade;
 *  2. words of the name: cyber, secure -> security; account, payment, bank,
 *     money -> payment; logistic, postal, freight, container, shipment ->
 *     logistics; internet, broadband, mobile, telephone, electricity ->
 *     infrastructure;
 *  3. the WDISeries topic: "Infrastructure" -> infrastructure, "Financial
 *     Sector" -> payment;
 *  4. otherwise trade (the app's subject: digital trade). */

static const struct
{
  const char *prefix;
  DsrTheme    theme;
} code_themes[] = {
  { "IT.NET.SECR", DSR_THEME_SECURITY },
  { "IT.", DSR_THEME_INFRASTRUCTURE }, { "EG.ELC.", DSR_THEME_INFRASTRUCTURE },
  { "IS.", DSR_THEME_LOGISTICS }, { "LP.", DSR_THEME_LOGISTICS },
  { "FX.", DSR_THEME_PAYMENT }, { "FB.", DSR_THEME_PAYMENT }, { "FIN", DSR_THEME_PAYMENT },
  { "ACCOUNT", DSR_THEME_PAYMENT },
  { "BX.", DSR_THEME_TRADE }, { "BM.", DSR_THEME_TRADE }, { "TX.", DSR_THEME_TRADE },
  { "TM.", DSR_THEME_TRADE }, { "TG.", DSR_THEME_TRADE }, { "NE.EXP", DSR_THEME_TRADE },
  { "NE.IMP", DSR_THEME_TRADE }, { "NE.TRD", DSR_THEME_TRADE },
};

static const struct
{
  const char *word;
  DsrTheme    theme;
} word_themes[] = {
  { "cyber", DSR_THEME_SECURITY }, { "secure", DSR_THEME_SECURITY },
  { "account", DSR_THEME_PAYMENT }, { "payment", DSR_THEME_PAYMENT }, { "bank", DSR_THEME_PAYMENT },
  { "money", DSR_THEME_PAYMENT },
  { "logistic", DSR_THEME_LOGISTICS }, { "postal", DSR_THEME_LOGISTICS },
  { "freight", DSR_THEME_LOGISTICS }, { "container", DSR_THEME_LOGISTICS },
  { "shipment", DSR_THEME_LOGISTICS },
  { "internet", DSR_THEME_INFRASTRUCTURE }, { "broadband", DSR_THEME_INFRASTRUCTURE },
  { "mobile", DSR_THEME_INFRASTRUCTURE }, { "telephone", DSR_THEME_INFRASTRUCTURE },
  { "electricity", DSR_THEME_INFRASTRUCTURE },
};

DsrTheme
dsr_import_guess_theme (const char *code,
                        const char *name,
                        const char *topic)
{
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (code_themes); i++)
    if (g_ascii_strncasecmp (code, code_themes[i].prefix, strlen (code_themes[i].prefix)) == 0)
      return code_themes[i].theme;
  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (word_themes); i++)
    if (strstr (lower, word_themes[i].word) != NULL)
      return word_themes[i].theme;
  if (topic != NULL && g_str_has_prefix (topic, "Infrastructure"))
    return DSR_THEME_INFRASTRUCTURE;
  if (topic != NULL && g_str_has_prefix (topic, "Financial Sector"))
    return DSR_THEME_PAYMENT;
  return DSR_THEME_TRADE;
}

/* The brackets a unit is put in: ASCII, and the full-width ones of Chinese
 * ("（现价美元）"). */
static gsize
close_bracket (const char *text,
               gsize       end)
{
  if (end >= 1 && text[end - 1] == ')')
    return 1;
  if (end >= 3 && memcmp (text + end - 3, "）", 3) == 0)
    return 3;
  return 0;
}

static gsize
open_bracket (const char *text,
              gsize       end)
{
  if (end >= 1 && text[end - 1] == '(')
    return 1;
  if (end >= 3 && memcmp (text + end - 3, "（", 3) == 0)
    return 3;
  return 0;
}

/* "Individuals using the Internet (% of population)" -> name "Individuals
 * using the Internet", unit "% of population"; "国内生产总值（现价美元）" ->
 * "国内生产总值", "现价美元": the last bracketed part, when it ends the
 * label. */
void
dsr_import_split_unit (const char  *label,
                       char       **name,
                       char       **unit)
{
  g_autofree char *copy = g_strstrip (g_strdup (label));
  gsize len = strlen (copy);
  gsize last = close_bracket (copy, len);
  int depth = 0;

  if (last > 0)
    for (gsize end = len; end > 0;)
      {
        gsize n;

        if ((n = close_bracket (copy, end)) > 0)
          depth++;
        else if ((n = open_bracket (copy, end)) > 0)
          {
            if (--depth == 0)
              {
                g_autofree char *before = g_strstrip (g_strndup (copy, end - n));

                if (*before == '\0')
                  break;
                *name = g_steal_pointer (&before);
                *unit = g_strstrip (g_strndup (copy + end, len - last - end));
                return;
              }
          }
        else
          n = 1;
        end -= n;
      }
  *name = g_steal_pointer (&copy);
  *unit = g_strdup ("");
}

/* The World Bank's "Last Updated Date" as a vintage: "YYYY-MM-DD", or NULL. */
static const char *
vintage_of (const char *updated)
{
  static const char pattern[] = "dddd-dd-dd";

  if (updated == NULL || strlen (updated) != sizeof pattern - 1)
    return NULL;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (updated[i]) : updated[i] != pattern[i])
      return NULL;
  return updated;
}

/* What a Chinese name and unit say of the aggregation, in the words of
 * dsr_aggregation_guess(), which reads English: shares (百分比, 占), per
 * capita and per-person values (人均, 每), indexes and rates (指数, 率) are
 * averaged; amounts in US dollars (美元) summed. NULL when neither. */
static const char *
chinese_method (const char *name,
                const char *unit)
{
  static const char * const mean_words[] = { "百分比", "占", "人均", "每", "指数", "率", NULL };

  for (guint i = 0; mean_words[i] != NULL; i++)
    if (strstr (unit, mean_words[i]) != NULL || strstr (name, mean_words[i]) != NULL)
      return "Average";
  if (strstr (unit, "美元") != NULL)
    return "Sum";
  return NULL;
}

/* The indicator @id of the file being read: created on first use from the
 * row's @label (split into name and unit unless @unit is given), the World
 * Bank series metadata when there is some, and @source. Its aggregation is
 * the metadata's "Aggregation method" where there is one, else guessed from
 * the unit (dsr_aggregation_guess()); its vintage the file's "Last Updated
 * Date". */
DsrIndicator *
dsr_import_ensure_indicator (DsrImportContext *ctx,
                             const char       *id,
                             const char       *label,
                             const char       *unit,
                             const char       *source)
{
  DsrIndicator *indicator = dsr_store_get_indicator (ctx->part, id);
  const DsrWbSeries *series;
  g_autofree char *name = NULL;
  g_autofree char *split_unit = NULL;
  g_autoptr(DsrIndicator) created = NULL;
  g_autofree char *full_source = NULL;
  const char *description = "";
  const char *topic = NULL;
  const char *method = NULL;
  const char *vintage;
  int decimals = 2;

  if (indicator != NULL)
    return indicator;

  series = g_hash_table_lookup (ctx->series, id);
  if (series != NULL && *series->name != '\0')
    label = series->name;
  dsr_import_split_unit (label && *label ? label : id, &name, &split_unit);
  if (unit == NULL || *unit == '\0')
    unit = series != NULL && *series->unit != '\0' ? series->unit : split_unit;
  if (series != NULL)
    {
      description = series->description;
      topic = series->topic;
      method = series->method;
      if (*series->source != '\0')
        source = full_source = g_strdup_printf ("%s (%s)", series->source, source);
    }

  /* Counts and money read better without decimals. */
  if (g_str_has_prefix (id, "SP.POP.") || strstr (unit, "US$") != NULL || strstr (unit, "美元") != NULL)
    decimals = 0;

  created = dsr_indicator_new (id, name, unit, dsr_import_guess_theme (id, name, topic), source,
                               decimals, TRUE, description);
  if (method == NULL || *method == '\0')
    method = chinese_method (name, unit);
  dsr_indicator_set_aggregation (created, dsr_aggregation_guess (name, unit, method));
  vintage = ctx->source != NULL ? vintage_of (ctx->source->updated) : NULL;
  if (vintage != NULL)
    dsr_indicator_set_vintage (created, vintage);
  dsr_store_add_indicator (ctx->part, created, NULL);
  return created;
}

/* An indicator of the file being read that has no usable aggregation: it is
 * shown by economy only (DSR_AGGREGATION_NONE), and @message says why. */
void
dsr_import_set_no_aggregation (DsrImportContext *ctx,
                               const char       *id,
                               guint             line,
                               const char       *message)
{
  DsrIndicator *indicator = dsr_store_get_indicator (ctx->part, id);

  if (indicator == NULL || dsr_indicator_get_aggregation (indicator) == DSR_AGGREGATION_NONE)
    return;
  dsr_indicator_set_aggregation (indicator, DSR_AGGREGATION_NONE);
  dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_NOTE, line, "%s", message);
}

/* After a file: an indicator most of whose values were text ("High",
 * "n/a (confidential)") is not one to aggregate. @text_values: indicator id
 * -> the number of text values (GUINT_TO_POINTER), of the file read. */
void
dsr_import_check_text_values (DsrImportContext *ctx,
                              GHashTable       *text_values)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (text_values);

  ids = g_list_sort (ids, (GCompareFunc) strcmp);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      guint text = GPOINTER_TO_UINT (g_hash_table_lookup (text_values, l->data));
      guint numbers = dsr_store_count_values (ctx->part, l->data);
      g_autofree char *message = NULL;

      if (numbers == 0 || text <= numbers)
        continue;
      message = g_strdup_printf (_("indicator “%s”: most of its values are text (%u text, %u numbers); "
                                   "it is shown by economy only, not aggregated into regions"),
                                 (const char *) l->data, text, numbers);
      dsr_import_set_no_aggregation (ctx, l->data, 0, message);
    }
}
