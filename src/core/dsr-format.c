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

/* User text in messages ---------------------------------------------------------- */

/* Whether @c would act on the terminal or the layout rather than show:
 * C0 and C1 controls, DEL, and Unicode's bidirectional and line controls. */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F
         || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Appends @text (@length bytes, or up to its NUL when -1) escaped to @out,
 * one "unit" (a character or an escape) at a time, and records where each
 * unit ends in @ends when it is not NULL. Stops after @max_units units when
 * it is not 0 and reports through @more whether text was left. */
static void
escape_into (GString    *out,
             GArray     *ends,
             const char *text,
             gssize      length,
             guint       max_units,
             gboolean   *more)
{
  const char *p = text;
  const char *end = length >= 0 ? text + length : NULL;
  guint units = 0;

  *more = FALSE;
  while (end != NULL ? p < end : *p != '\0')
    {
      gssize left = end != NULL ? end - p : -1;
      gunichar c = g_utf8_get_char_validated (p, left);
      gsize step;

      if (max_units > 0 && units == max_units)
        {
          *more = TRUE;
          return;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: the byte, in hex. */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          step = 1;
        }
      else
        {
          step = g_utf8_next_char (p) - p;
          if (c == '\n')
            g_string_append (out, "\\n");
          else if (c == '\r')
            g_string_append (out, "\\r");
          else if (c == '\t')
            g_string_append (out, "\\t");
          else if (c < 0x80 && is_control (c))
            g_string_append_printf (out, "\\x%02x", c);
          else if (is_control (c))
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_len (out, p, step);
        }
      p += step;
      units++;
      if (ends != NULL)
        {
          gsize at = out->len;

          g_array_append_val (ends, at);
        }
    }
}

/* User text (a field, a header, an option's value) as a message quotes it:
 * at most DSR_FORMAT_QUOTE_MAX characters, cut at a character with "…",
 * control characters and bytes that are not UTF-8 shown as escapes (\t,
 * \n, \x1b, \xff). Reads no more of @text than it shows, so that a field of
 * many megabytes costs nothing. @length: bytes, or -1 when NUL-terminated. */
char *
dsr_format_quote_len (const char *text,
                      gssize      length)
{
  GString *out = g_string_new (NULL);
  gboolean more;

  if (text == NULL)
    return g_string_free (out, FALSE);
  escape_into (out, NULL, text, length, DSR_FORMAT_QUOTE_MAX, &more);
  if (more)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

char *
dsr_format_quote (const char *text)
{
  return dsr_format_quote_len (text, -1);
}

/* A file name or path as a message shows it: escaped as dsr_format_quote ()
 * does, and when longer than DSR_FORMAT_PATH_MAX characters, its middle
 * left out ("…"), so that the file's own name at the end stays. */
char *
dsr_format_path (const char *path)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *out = g_string_new (NULL);
  const guint head = DSR_FORMAT_PATH_MAX / 4;
  const guint tail = DSR_FORMAT_PATH_MAX - head - 1;
  gboolean more;
  gsize head_end, tail_start;

  if (path == NULL)
    return g_string_free (out, FALSE);
  escape_into (out, ends, path, -1, 0, &more);
  if (ends->len <= DSR_FORMAT_PATH_MAX)
    return g_string_free (out, FALSE);

  head_end = g_array_index (ends, gsize, head - 1);
  tail_start = g_array_index (ends, gsize, ends->len - tail - 1);
  g_string_erase (out, head_end, tail_start - head_end);
  g_string_insert (out, head_end, "…");
  return g_string_free (out, FALSE);
}

/* A message from elsewhere (GIO's, which quote paths raw) made safe to show:
 * every control character escaped, nothing cut. */
char *
dsr_format_escape (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean more;

  if (text != NULL)
    escape_into (out, NULL, text, -1, 0, &more);
  return g_string_free (out, FALSE);
}
