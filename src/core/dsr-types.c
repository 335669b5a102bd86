/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-types"

#include "config.h"

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
