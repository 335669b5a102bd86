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

/* "Individuals using the Internet (% of population)" -> name "Individuals
 * using the Internet", unit "% of population": the last parenthesised part,
 * when it ends the label. */
void
dsr_import_split_unit (const char  *label,
                       char       **name,
                       char       **unit)
{
  g_autofree char *copy = g_strstrip (g_strdup (label));
  gsize len = strlen (copy);
  int depth = 0;

  if (len > 0 && copy[len - 1] == ')')
    for (gsize i = len; i-- > 0;)
      {
        if (copy[i] == ')')
          depth++;
        else if (copy[i] == '(' && --depth == 0)
          {
            g_autofree char *before = g_strstrip (g_strndup (copy, i));

            if (*before == '\0')
              break;
            *name = g_steal_pointer (&before);
            *unit = g_strstrip (g_strndup (copy + i + 1, len - i - 2));
            return;
          }
      }
  *name = g_steal_pointer (&copy);
  *unit = g_strdup ("");
}

/* The indicator @id of the file being read: created on first use from the
 * row's @label (split into name and unit unless @unit is given), the World
 * Bank series metadata when there is some, and @source. */
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
      if (*series->source != '\0')
        source = full_source = g_strdup_printf ("%s (%s)", series->source, source);
    }

  /* Counts and money read better without decimals. */
  if (g_str_has_prefix (id, "SP.POP.") || strstr (unit, "US$") != NULL)
    decimals = 0;

  created = dsr_indicator_new (id, name, unit, dsr_import_guess_theme (id, name, topic), source,
                               decimals, TRUE, description);
  dsr_store_add_indicator (ctx->part, created, NULL);
  return created;
}
