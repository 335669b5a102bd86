/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-types"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-types.h"

const char *
dsr_basis_to_string (DsrBasis basis)
{
  switch (basis)
    {
    case DSR_BASIS_OBSERVED: return "observed";
    case DSR_BASIS_REPORTED: return "reported";
    case DSR_BASIS_COMPUTED: return "computed";
    default: g_return_val_if_reached ("observed");
    }
}

const char *
dsr_basis_to_label (DsrBasis basis)
{
  switch (basis)
    {
    /* Translators: the value was measured for this economy */
    case DSR_BASIS_OBSERVED: return _("Observed");
    /* Translators: the value is printed by the source (e.g. the paper) */
    case DSR_BASIS_REPORTED: return _("Reported");
    /* Translators: the value is the mean of the region's members, computed by the app */
    case DSR_BASIS_COMPUTED: return _("Computed");
    default: g_return_val_if_reached ("");
    }
}

static const char *qualifier_names[] = { "", "about", "more-than", "less-than" };

gboolean
dsr_qualifier_from_string (const char   *str,
                           DsrQualifier *out)
{
  if (str == NULL || *str == '\0' || g_str_equal (str, "exact"))
    {
      *out = DSR_QUALIFIER_EXACT;
      return TRUE;
    }
  for (guint i = 1; i < G_N_ELEMENTS (qualifier_names); i++)
    if (g_str_equal (str, qualifier_names[i]))
      {
        *out = (DsrQualifier) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dsr_qualifier_to_string (DsrQualifier qualifier)
{
  g_return_val_if_fail (qualifier <= DSR_QUALIFIER_LESS_THAN, "");
  return qualifier_names[qualifier];
}

const char *
dsr_entity_kind_to_string (DsrEntityKind kind)
{
  switch (kind)
    {
    case DSR_ENTITY_COUNTRY: return "country";
    case DSR_ENTITY_REGION: return "region";
    case DSR_ENTITY_BRI: return "bri";
    case DSR_ENTITY_WORLD: return "world";
    case DSR_ENTITY_AGGREGATE: return "aggregate";
    default: g_return_val_if_reached ("country");
    }
}

static const char *theme_names[] = {
  "infrastructure", "logistics", "payment", "security", "trade",
};

gboolean
dsr_theme_from_string (const char *str,
                       DsrTheme   *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (theme_names); i++)
    if (g_strcmp0 (str, theme_names[i]) == 0)
      {
        *out = (DsrTheme) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dsr_theme_to_string (DsrTheme theme)
{
  g_return_val_if_fail (theme <= DSR_THEME_TRADE, "");
  return theme_names[theme];
}

const char *
dsr_theme_to_label (DsrTheme theme)
{
  switch (theme)
    {
    case DSR_THEME_INFRASTRUCTURE: return _("Infrastructure");
    case DSR_THEME_LOGISTICS: return _("Logistics");
    case DSR_THEME_PAYMENT: return _("Payment");
    case DSR_THEME_SECURITY: return _("Security");
    case DSR_THEME_TRADE: return _("Trade");
    default: g_return_val_if_reached ("");
    }
}

static const char *aggregation_names[] = { "mean", "weighted-mean", "sum", "none" };

const char *
dsr_aggregation_to_string (DsrAggregation aggregation)
{
  g_return_val_if_fail (aggregation <= DSR_AGGREGATION_NONE, "mean");
  return aggregation_names[aggregation];
}

gboolean
dsr_aggregation_from_string (const char     *str,
                             DsrAggregation *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (aggregation_names); i++)
    if (g_str_equal (str, aggregation_names[i]))
      {
        *out = (DsrAggregation) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
contains_any (const char        *haystack,
              const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (haystack, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * dsr_aggregation_guess:
 * @name: (nullable): the indicator's name, e.g. "Population, total"
 * @unit: (nullable): its unit, e.g. "% of population", "BoP, current US$"
 * @method: (nullable): the publisher's aggregation method, e.g. the World
 *   Bank's "Weighted average", "Sum", "Median", "Gap-filled total"
 *
 * The rule by which an indicator's country values combine: the publisher's
 * method where it is given, else from the unit (and the name): amounts of
 * money and counts are summed; shares, rates, per-capita values, indexes and
 * scores are averaged. The mean is unweighted, as the paper computes; a
 * user may ask for the population-weighted mean. Median and weighted
 * averages are means here.
 */
DsrAggregation
dsr_aggregation_guess (const char *name,
                       const char *unit,
                       const char *method)
{
  static const char * const mean_words[] = { "%", "per ", "percent", "index", "score", "rate", "ratio",
                                             "share", "0-100", "0–100", "average", "mean", NULL };
  static const char * const sum_words[] = { "us$", "usd", "current ", "constant ", "number",
                                            "subscriptions", "count", "tonnes", ", total", "people",
                                            "population", NULL };
  g_autofree char *m = method ? g_utf8_strdown (method, -1) : NULL;
  g_autofree char *u = g_utf8_strdown (unit ? unit : "", -1);
  g_autofree char *n = g_utf8_strdown (name ? name : "", -1);

  if (m != NULL && *g_strstrip (m) != '\0')
    {
      if (strstr (m, "sum") != NULL || strstr (m, "total") != NULL)
        return DSR_AGGREGATION_SUM;
      if (strstr (m, "average") != NULL || strstr (m, "mean") != NULL || strstr (m, "median") != NULL)
        return DSR_AGGREGATION_MEAN;
    }
  /* A rate in a sum's unit ("per 100 people", "% of GDP, current US$") is a rate. */
  if (contains_any (u, mean_words))
    return DSR_AGGREGATION_MEAN;
  /* "GDP per capita (current US$)": an amount per person is a rate too. */
  if (strstr (n, "per capita") != NULL || strstr (n, "per person") != NULL)
    return DSR_AGGREGATION_MEAN;
  if (contains_any (u, sum_words))
    return DSR_AGGREGATION_SUM;
  if (*u == '\0' && contains_any (n, mean_words))
    return DSR_AGGREGATION_MEAN;
  if (*u == '\0' && contains_any (n, sum_words))
    return DSR_AGGREGATION_SUM;
  return DSR_AGGREGATION_MEAN;
}
