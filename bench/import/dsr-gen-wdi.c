/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-gen-wdi"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

/* Writes a file shaped like the World Bank bulk download WDICSV.csv:
 *
 *   Country Name,Country Code,Indicator Name,Indicator Code,1960,...,2023
 *
 * one row per (economy, indicator), economies x indicators rows (the
 * economies: iso-codes' countries, then World Bank aggregates such as WLD,
 * EAS and HIC, as in the real file), numbers in
 * the formats the real file has (plain decimals with up to 15 significant
 * digits, whole numbers, exponents such as 4.37E-06, negatives) and empty
 * cells for missing years (most series start late, some have gaps). Names
 * with a comma are quoted, as in the real file. Deterministic: the same
 * arguments give the same bytes. Usage: dsr-gen-wdi OUT.csv [INDICATORS [ECONOMIES]] */

#define FIRST_YEAR 1960
#define N_YEARS    64

static const char *name_parts[] = {
  "Access to electricity", "Individuals using the Internet", "Fixed broadband subscriptions",
  "Account ownership at a financial institution or with a mobile-money-service provider",
  "GDP per capita", "Population, total", "Exports of goods and services",
  "ICT service exports", "Mobile cellular subscriptions", "Secure Internet servers",
  "Logistics performance index: Quality of trade and transport-related infrastructure",
  "High-technology exports", "Made a digital payment", "Urban population",
};
static const char *unit_parts[] = {
  "(% of population)", "(per 100 people)", "(current US$)", "(% of GDP)",
  "(% of population ages 15+)", "(1=low to 5=high)", "(per 1 million people)", "",
};

static const struct
{
  const char *code;
  const char *name;
} aggregates[] = {
  { "WLD", "World" }, { "ARB", "Arab World" }, { "EAS", "East Asia & Pacific" },
  { "ECS", "Europe & Central Asia" }, { "LCN", "Latin America & Caribbean" },
  { "MEA", "Middle East & North Africa" }, { "NAC", "North America" }, { "SAS", "South Asia" },
  { "SSF", "Sub-Saharan Africa" }, { "HIC", "High income" }, { "LIC", "Low income" },
  { "LMC", "Lower middle income" }, { "UMC", "Upper middle income" }, { "EUU", "European Union" },
  { "OED", "OECD members" }, { "LDC", "Least developed countries: UN classification" },
  { "MIC", "Middle income" },
};

/* iso-codes' countries, up to @n economies in all. */
static void
add_countries (GPtrArray *codes,
               GPtrArray *names,
               int        n)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json",
                                            "iso_3166-1.json", NULL);
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, NULL))
    return;
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "3166-1");
  for (guint i = 0; i < json_array_get_length (array) && codes->len < (guint) n; i++)
    {
      JsonObject *country = json_array_get_object_element (array, i);

      g_ptr_array_add (codes, g_strdup (json_object_get_string_member (country, "alpha_3")));
      g_ptr_array_add (names, g_strdup (json_object_get_string_member (country, "name")));
    }
}

static void
write_field (GString    *out,
             const char *text)
{
  if (strpbrk (text, ",\"\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_value (GString *out,
             GRand   *rand,
             double   scale)
{
  int kind = g_rand_int_range (rand, 0, 100);
  double v = g_rand_double (rand) * scale;

  if (kind < 55)
    g_string_append_printf (out, "%.15g", v);                    /* 16.8654561405163 */
  else if (kind < 75)
    g_string_append_printf (out, "%.1f", v);                     /* 23.4 */
  else if (kind < 88)
    g_string_append_printf (out, "%.0f", v * 1000);              /* 1234567 */
  else if (kind < 95)
    g_string_append_printf (out, "%.2E", v * 1e-7);              /* 4.37E-06 */
  else
    g_string_append_printf (out, "-%.6g", v);                    /* -0.52 */
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240229);
  g_autoptr(GString) out = g_string_sized_new (1 << 20);
  g_autoptr(GPtrArray) economies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  int n_indicators = argc > 2 ? atoi (argv[2]) : 1500;
  int n_economies = argc > 3 ? atoi (argv[3]) : 266;
  FILE *fp;

  if (argc < 2 || n_indicators <= 0 || n_economies <= 0)
    {
      fprintf (stderr, "usage: %s OUT.csv [INDICATORS [ECONOMIES]]\n", argv[0]);
      return 2;
    }
  fp = fopen (argv[1], "wb");
  if (fp == NULL)
    {
      perror (argv[1]);
      return 1;
    }

  /* Economies: the World Bank's aggregates, then iso-codes' countries. */
  for (guint i = 0; i < G_N_ELEMENTS (aggregates) && codes->len < (guint) n_economies; i++)
    {
      g_ptr_array_add (codes, g_strdup (aggregates[i].code));
      g_ptr_array_add (economies, g_strdup (aggregates[i].name));
    }
  add_countries (codes, economies, n_economies);
  for (int e = codes->len; e < n_economies; e++)
    {
      /* More than there are: made-up codes (unknown to the importer). */
      g_ptr_array_add (codes, g_strdup_printf ("Q%02d", e % 100));
      g_ptr_array_add (economies, g_strdup_printf ("Economy %d", e));
    }

  g_string_append (out, "Country Name,Country Code,Indicator Name,Indicator Code");
  for (int y = 0; y < N_YEARS; y++)
    g_string_append_printf (out, ",%d", FIRST_YEAR + y);
  g_string_append (out, "\r\n");

  for (int e = 0; e < n_economies; e++)
    for (int i = 0; i < n_indicators; i++)
      {
        g_autofree char *name = g_strdup_printf ("%s %d %s",
                                                 name_parts[i % G_N_ELEMENTS (name_parts)], i,
                                                 unit_parts[i % G_N_ELEMENTS (unit_parts)]);
        g_autofree char *code = g_strdup_printf ("XX.%c%c%c.%04d.ZS", 'A' + i % 26,
                                                 'A' + (i / 26) % 26, 'A' + (i / 676) % 26, i);
        /* Most series start some time after 1960 and a few stop early. */
        int start = g_rand_int_range (rand, 0, 100) < 30 ? 0 : g_rand_int_range (rand, 0, 30);
        int stop = g_rand_int_range (rand, 0, 100) < 90 ? N_YEARS : g_rand_int_range (rand, start, N_YEARS);
        double scale = (i % 7 == 0) ? 100.0 : (i % 7 == 1 ? 1e4 : 50.0);

        write_field (out, g_ptr_array_index (economies, e));
        g_string_append_c (out, ',');
        write_field (out, g_ptr_array_index (codes, e));
        g_string_append_c (out, ',');
        write_field (out, name);
        g_string_append_c (out, ',');
        write_field (out, code);
        for (int y = 0; y < N_YEARS; y++)
          {
            g_string_append_c (out, ',');
            if (y >= start && y < stop && g_rand_int_range (rand, 0, 100) >= 14)
              write_value (out, rand, scale);
          }
        g_string_append (out, "\r\n");

        if (out->len > (1 << 20))
          {
            fwrite (out->str, 1, out->len, fp);
            g_string_truncate (out, 0);
          }
      }
  fwrite (out->str, 1, out->len, fp);
  if (fclose (fp) != 0)
    {
      perror (argv[1]);
      return 1;
    }
  return 0;
}
