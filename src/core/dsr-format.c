/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-format"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-format.h"

/* A number for people: the locale's decimal point and digit grouping
 * (glibc's ' flag), "−" for negatives, "—" for a missing value. */
char *
dsr_format_number (double value,
                   int    decimals)
{
  g_autofree char *digits = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  decimals = CLAMP (decimals, 0, 6);
  /* Round first so that -0.04 shown with one decimal is "0.0", not "−0.0". */
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0.0;

  digits = g_strdup_printf ("%'.*f", decimals, fabs (value));
  if (value < 0)
    return g_strconcat ("−", digits, NULL);
  return g_steal_pointer (&digits);
}

char *
dsr_format_value (double       value,
                  int          decimals,
                  DsrQualifier qualifier)
{
  g_autofree char *number = dsr_format_number (value, decimals);

  if (!isfinite (value))
    return g_steal_pointer (&number);

  switch (qualifier)
    {
    /* Translators: an approximate value, e.g. "about 40.0" */
    case DSR_QUALIFIER_ABOUT: return g_strdup_printf (_("about %s"), number);
    /* Translators: a lower bound, e.g. "more than 40.0" */
    case DSR_QUALIFIER_MORE_THAN: return g_strdup_printf (_("more than %s"), number);
    /* Translators: an upper bound, e.g. "less than 40.0" */
    case DSR_QUALIFIER_LESS_THAN: return g_strdup_printf (_("less than %s"), number);
    case DSR_QUALIFIER_EXACT:
    default:
      return g_steal_pointer (&number);
    }
}

char *
dsr_format_coverage (guint n,
                     guint total)
{
  /* Translators: coverage of a computed regional value, e.g. "12 of 18 economies" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u economy", "%u of %u economies",
                                       total),
                          n, total);
}

/* A number for files: always '.' and no grouping, whatever the locale. */
char *
dsr_format_c_number (double value,
                     int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[16];

  if (!isfinite (value))
    return g_strdup ("");
  if (decimals < 0)
    return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
  g_snprintf (fmt, sizeof fmt, "%%.%df", CLAMP (decimals, 0, 12));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, fmt, value));
}
