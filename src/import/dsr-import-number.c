/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dsr-import-private.h"

/* Numbers as data files write them: "12.5", "-3", "4.37E-06", with spaces
 * around allowed, always with a '.' whatever the locale. Most of them have
 * at most 19 significant digits and a small exponent: those are converted
 * exactly without strtod (a decimal mantissa below 2^53 times or divided by
 * an exact power of ten up to 10^22 is one correctly rounded operation);
 * the rest go through g_ascii_strtod. No allocation. */

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
slow_parse (const char *start,
            const char *end,
            double     *out)
{
  char buffer[128];
  g_autofree char *copy = NULL;
  const char *text;
  char *stop = NULL;
  gsize len = end - start;
  double value;

  if (len < sizeof buffer)
    {
      memcpy (buffer, start, len);
      buffer[len] = '\0';
      text = buffer;
    }
  else
    text = copy = g_strndup (start, len);

  value = g_ascii_strtod (text, &stop);
  if (stop != text + len || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

#define MANTISSA_LIMIT G_GUINT64_CONSTANT (1000000000000000000) /* 10^18: x * 10 + 9 still fits */

gboolean
dsr_import_parse_number (const char *text,
                         double     *out)
{
  const char *p = text, *start, *end;
  guint64 mantissa = 0;
  int exponent = 0;
  gboolean negative = FALSE, any = FALSE, inexact = FALSE;
  guint digit;

  while (is_blank (*p))
    p++;
  start = p;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';

  for (; (digit = (guint) (*p - '0')) < 10; p++)
    {
      any = TRUE;
      if (G_LIKELY (mantissa < MANTISSA_LIMIT))
        mantissa = mantissa * 10 + digit;
      else
        {
          exponent++;
          inexact |= digit != 0;
        }
    }
  if (*p == '.')
    for (p++; (digit = (guint) (*p - '0')) < 10; p++)
      {
        any = TRUE;
        if (G_LIKELY (mantissa < MANTISSA_LIMIT))
          {
            mantissa = mantissa * 10 + digit;
            exponent--;
          }
        else
          inexact |= digit != 0;
      }
  if (!any)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      int sign = 1, e = 0;

      p++;
      if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
      if (!is_digit (*p))
        return FALSE;
      for (; is_digit (*p); p++)
        if (e < 100000)
          e = e * 10 + (*p - '0');
      exponent += sign * e;
    }

  end = p;
  while (is_blank (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  if (!inexact && mantissa <= (G_GUINT64_CONSTANT (1) << 53) && exponent >= -22 && exponent <= 22)
    {
      double value = (double) mantissa;

      value = exponent < 0 ? value / powers_of_ten[-exponent] : value * powers_of_ten[exponent];
      *out = negative ? -value : value;
      return TRUE;
    }
  return slow_parse (start, end, out);
}

/* Cells that mean "no value": empty, the World Bank's "..", and the usual
 * spreadsheet and statistics spellings. */
gboolean
dsr_import_is_missing (const char *text)
{
  static const char * const missing[] = { "..", "NA", "N/A", "n/a", "#N/A", "NaN", "-", "—", NULL };

  while (is_blank (*text))
    text++;
  if (*text == '\0')
    return TRUE;
  for (guint i = 0; missing[i] != NULL; i++)
    {
      gsize len = strlen (missing[i]);
      const char *rest = text + len;

      if (strncmp (text, missing[i], len) != 0)
        continue;
      while (is_blank (*rest))
        rest++;
      if (*rest == '\0')
        return TRUE;
    }
  return FALSE;
}

/* A year: "2019", or the year of a date ("2019-06-30", "2019-06"), or
 * "2019.0" as spreadsheets write it. The range is not checked. */
gboolean
dsr_import_parse_year (const char *text,
                       int        *out)
{
  const char *p = text;
  int year = 0, n = 0;

  while (is_blank (*p))
    p++;
  for (; is_digit (*p) && n < 5; p++, n++)
    year = year * 10 + (*p - '0');
  if (n != 4)
    return FALSE;

  if (*p == '-' && is_digit (p[1]) && is_digit (p[2]))
    {
      p += 3;
      if (*p == '-' && is_digit (p[1]) && is_digit (p[2]))
        p += 3;
    }
  else if (*p == '.')
    for (p++; *p == '0'; p++)
      ;
  while (is_blank (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  *out = year;
  return TRUE;
}
