/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-summary"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-scatter.h"
#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-render-private.h"
#include "dsr-summary.h"

/* The written summary of a chart. Every number comes from the DsrChartData
 * the chart draws, printed as the chart prints it (_dsr_chart_format_value:
 * the locale's digits, the indicator's decimals, the axis's millions or
 * billions); a difference from the world is dsr_figures_compare(), as
 * "Gap to World" draws it. Each sentence is one translatable message with
 * numbered arguments (Chinese orders them its own way); lists of names are
 * joined with the locale's separator; plurals through ngettext. */

/* Sentences ------------------------------------------------------------------- */

static void
add_sentence (GString    *out,
              const char *sentence)
{
  g_autofree char *joined = NULL;

  if (sentence == NULL || *sentence == '\0')
    return;
  if (out->len == 0)
    {
      g_string_append (out, sentence);
      return;
    }
  /* Translators: two sentences of a figure's summary, one after the other
   * (Chinese: no space between them) */
  joined = g_strdup_printf (C_("two sentences", "%1$s %2$s"), out->str, sentence);
  g_string_assign (out, joined);
}

/* Appends @sentence (taken; NULL or empty: nothing) after what @out has,
 * as the locale joins two sentences. The map's summary uses it too. */
void
dsr_summary_take_sentence (GString *out,
                           char    *sentence)
{
  add_sentence (out, sentence);
  g_free (sentence);
}

char *
dsr_summary_join (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list in a summary, e.g. "Africa, Oceania"
         * (Chinese: the enumeration comma 、) */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

char *
dsr_summary_no_data (const char *indicator_name,
                     int         year)
{
  if (indicator_name == NULL)
    return g_strdup (_("There is no indicator to show, so there is nothing to summarize."));
  if (year == 0)
    /* Translators: %1$s is the indicator's name */
    return g_strdup_printf (_("There is no data to show for %1$s."), indicator_name);
  /* Translators: %1$s is the indicator's name, %2$d the year */
  return g_strdup_printf (_("There is no data to show for %1$s in %2$d."), indicator_name, year);
}

/* Numbers as the chart prints them -------------------------------------------- */

static char *
format_raw (DsrChartData        *data,
            const DsrChartValue *v)
{
  return _dsr_chart_format_value (data, v->raw, v->qualifier, FALSE);
}

/* A figure back from a chart value, for dsr_figures_compare(). */
static void
figure_of (const DsrChartValue *v,
           DsrFigure           *out)
{
  *out = (DsrFigure) { .status = v->status, .value = v->raw, .basis = v->basis, .rule = v->rule };
}

/* @v compared with @world as "Gap to World" compares them: the difference
 * from the world mean, or the share (%) of the world total. */
static double
compare_with_world (DsrChartData        *data,
                    const DsrChartValue *v,
                    const DsrChartValue *world)
{
  DsrFigure a, w;

  figure_of (v, &a);
  figure_of (world, &w);
  return dsr_figures_compare (data->figures, &a, &w);
}

/* How a value was obtained, as the bars say it: "unweighted mean of 5 of 6
 * economies" for a computed one, "as reported" or "observed" otherwise. */
static char *
describe_value (const DsrChartValue *v)
{
  DsrFigure f;

  if (v->basis == DSR_BASIS_REPORTED)
    /* Translators: how a value in a summary was obtained: printed by its source */
    return g_strdup (C_("summary", "as reported"));
  if (v->basis == DSR_BASIS_OBSERVED)
    /* Translators: how a value in a summary was obtained: an economy's own value */
    return g_strdup (C_("summary", "observed"));
  f = (DsrFigure) { .status = v->status, .basis = v->basis, .rule = v->rule, .n = v->n, .total = v->total,
                  .year = v->year, .year_min = v->data_year_min, .year_max = v->data_year_max,
                  .members_year = DSR_AS_OF_CURRENT };

  return dsr_figure_describe (&f);
}

static char *
unit_of (DsrChartData *data)
{
  return dsr_chart_data_scaled_unit (data, dsr_indicator_get_unit (data->indicator));
}

static gboolean
has_value (const DsrChartValue *v)
{
  return v != NULL && v->status == DSR_FIGURE_VALUE && isfinite (v->raw);
}

/* Regions against the world (bars, table) ------------------------------------- */

typedef struct
{
  DsrChartData        *data;
  int                  year;
  GPtrArray           *regions;  /* const DsrChartValue *, with a value, largest first */
  GPtrArray           *missing;  /* const DsrChartValue *, without a value to show */
  const DsrChartValue *world;    /* NULL: none */
  const DsrChartValue *bri;      /* NULL: none */
} Regional;

static int
compare_raw_desc (gconstpointer a,
                  gconstpointer b)
{
  const DsrChartValue *x = *(const DsrChartValue **) a, *y = *(const DsrChartValue **) b;

  if (x->raw != y->raw)
    return x->raw < y->raw ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

/* "In 2022, 7 of 10 regions were above the world mean for …" */
static char *
head_mean (Regional *r)
{
  DsrChartData *data = r->data;
  const char *name = dsr_indicator_get_name (data->indicator);
  g_autofree char *unit = unit_of (data);
  guint n = r->regions->len, above = 0;
  g_autofree char *world = NULL;

  if (!has_value (r->world))
    {
      if (r->world != NULL && r->world->status == DSR_FIGURE_INSUFFICIENT)
        /* Translators: %1$d the year, %2$u regions, %3$s the indicator, %4$u of %5$u economies */
        return g_strdup_printf (ngettext ("In %1$d, %2$u region has a value for %3$s; the world has too little "
                                          "data for a figure (%4$u of %5$u economies).",
                                          "In %1$d, %2$u regions have a value for %3$s; the world has too "
                                          "little data for a figure (%4$u of %5$u economies).", n),
                                r->year, n, name, r->world->n, r->world->total);
      /* Translators: %1$d the year, %2$u regions, %3$s the indicator */
      return g_strdup_printf (ngettext ("In %1$d, %2$u region has a value for %3$s; there is no world figure "
                                        "to compare it with.",
                                        "In %1$d, %2$u regions have a value for %3$s; there is no world "
                                        "figure to compare them with.", n),
                              r->year, n, name);
    }

  for (guint i = 0; i < n; i++)
    if (compare_with_world (data, g_ptr_array_index (r->regions, i), r->world) > 0)
      above++;
  world = format_raw (data, r->world);
  if (r->world->basis == DSR_BASIS_COMPUTED)
    {
      if (above == 1)
        /* Translators: %1$d the year, %2$u of %3$u regions, %4$s the indicator, %5$s the world's value,
         * %6$s its unit. The plural is that of %3$u. */
        return g_strdup_printf (ngettext ("In %1$d, %2$u of %3$u region was above the world mean for %4$s, "
                                          "%5$s (%6$s).",
                                          "In %1$d, %2$u of %3$u regions was above the world mean for %4$s, "
                                          "%5$s (%6$s).", n),
                                r->year, above, n, name, world, unit);
      /* Translators: as above, when the number above is not 1 */
      return g_strdup_printf (ngettext ("In %1$d, %2$u of %3$u region were above the world mean for %4$s, "
                                        "%5$s (%6$s).",
                                        "In %1$d, %2$u of %3$u regions were above the world mean for %4$s, "
                                        "%5$s (%6$s).", n),
                              r->year, above, n, name, world, unit);
    }
  if (above == 1)
    /* Translators: as above, the world's value as the source reports it */
    return g_strdup_printf (ngettext ("In %1$d, %2$u of %3$u region was above the world average for %4$s "
                                      "as reported, %5$s (%6$s).",
                                      "In %1$d, %2$u of %3$u regions was above the world average for %4$s "
                                      "as reported, %5$s (%6$s).", n),
                            r->year, above, n, name, world, unit);
  /* Translators: as above, the world's value as the source reports it */
  return g_strdup_printf (ngettext ("In %1$d, %2$u of %3$u region were above the world average for %4$s "
                                    "as reported, %5$s (%6$s).",
                                    "In %1$d, %2$u of %3$u regions were above the world average for %4$s "
                                    "as reported, %5$s (%6$s).", n),
                          r->year, above, n, name, world, unit);
}

/* "South Asia was lowest at 51.63 (19.66 below the world; unweighted mean
 * of 5 of 6 economies); East Asia highest at 90.54 (…)." */
static char *
extremes_mean (Regional *r)
{
  DsrChartData *data = r->data;
  const DsrChartValue *hi = g_ptr_array_index (r->regions, 0);
  const DsrChartValue *lo = g_ptr_array_index (r->regions, r->regions->len - 1);
  g_autofree char *hi_value = format_raw (data, hi);
  g_autofree char *lo_value = format_raw (data, lo);
  g_autofree char *hi_how = describe_value (hi);
  g_autofree char *lo_how = describe_value (lo);
  g_autofree char *gap = NULL;
  double d;

  if (r->regions->len == 1)
    /* Translators: %1$s the only region with a value, %2$s its value, %3$s how it was obtained */
    return g_strdup_printf (_("%1$s is the only region with a value: %2$s (%3$s)."), lo->name, lo_value, lo_how);

  if (!has_value (r->world))
    /* Translators: %1$s the lowest region, %2$s its value, %3$s how it was obtained; %4$s..%6$s the highest */
    return g_strdup_printf (_("%1$s was lowest at %2$s (%3$s); %4$s highest at %5$s (%6$s)."),
                            lo->name, lo_value, lo_how, hi->name, hi_value, hi_how);

  d = compare_with_world (data, lo, r->world);
  gap = _dsr_chart_format_value (data, fabs (d), DSR_QUALIFIER_EXACT, FALSE);
  if (d < 0)
    /* Translators: %1$s the lowest region, %2$s its value, %3$s how far below the world's value,
     * %4$s how it was obtained; %5$s..%7$s the highest region, its value, how it was obtained */
    return g_strdup_printf (_("%1$s was lowest at %2$s (%3$s below the world; %4$s); %5$s highest at %6$s (%7$s)."),
                            lo->name, lo_value, gap, lo_how, hi->name, hi_value, hi_how);
  /* Translators: as above, when even the lowest region is not below the world */
  return g_strdup_printf (_("%1$s was lowest at %2$s (%3$s above the world; %4$s); %5$s highest at %6$s (%7$s)."),
                          lo->name, lo_value, gap, lo_how, hi->name, hi_value, hi_how);
}

/* A total in its own scale (millions, billions…), as the bars' note prints
 * the world total: "1.01" and "current US$, trillions" into @unit. */
static char *
format_total (DsrChartData        *data,
              const DsrChartValue *v,
              char               **unit)
{
  DsrChartData own = *data;
  double a = fabs (v->raw);

  own.scale = a >= 1e12 ? 1e12 : a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1.0;
  if (data->diff)
    own.decimals = dsr_indicator_get_decimals (data->indicator);
  *unit = dsr_chart_data_scaled_unit (&own, dsr_indicator_get_unit (data->indicator));
  return _dsr_chart_format_value (&own, v->raw, v->qualifier, FALSE);
}

/* Totals: the world total, and the regions' shares of it (what "Gap to
 * World" shows of a sum). */
static void
regional_sum (Regional *r,
              GString  *out)
{
  DsrChartData *data = r->data;
  const char *name = dsr_indicator_get_name (data->indicator);
  const DsrChartValue *hi = g_ptr_array_index (r->regions, 0);
  const DsrChartValue *lo = g_ptr_array_index (r->regions, r->regions->len - 1);
  g_autofree char *hi_unit = NULL;
  g_autofree char *lo_unit = NULL;
  g_autofree char *hi_value = format_total (data, hi, &hi_unit);
  g_autofree char *lo_value = format_total (data, lo, &lo_unit);
  guint n = r->regions->len;

  if (has_value (r->world))
    {
      g_autofree char *unit = NULL;
      g_autofree char *world = format_total (data, r->world, &unit);
      g_autofree char *hi_share = dsr_format_number (compare_with_world (data, hi, r->world), 1);
      g_autofree char *lo_share = dsr_format_number (compare_with_world (data, lo, r->world), 1);

      if (r->world->basis == DSR_BASIS_COMPUTED)
        /* Translators: %1$d the year, %2$s the indicator, %3$s the world's total, %4$s its unit,
         * %5$u of %6$u economies summed */
        dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("In %1$d, the world total of %2$s was %3$s (%4$s), "
                                                       "the sum of %5$u of %6$u economy.",
                                                       "In %1$d, the world total of %2$s was %3$s (%4$s), "
                                                       "the sum of %5$u of %6$u economies.", r->world->total),
                                             r->year, name, world, unit, r->world->n, r->world->total));
      else
        /* Translators: %1$d the year, %2$s the indicator, %3$s the world's total, %4$s its unit */
        dsr_summary_take_sentence (out, g_strdup_printf (_("In %1$d, the world total of %2$s was %3$s (%4$s), as reported."),
                                             r->year, name, world, unit));
      if (n == 1)
        /* Translators: %1$s the only region with a value, %2$s its total, %3$s its unit, %4$s its share
         * (a number) */
        dsr_summary_take_sentence (out, g_strdup_printf (_("%1$s is the only region with a value: %2$s (%3$s; %4$s%% of the "
                                               "world total)."), hi->name, hi_value, hi_unit, hi_share));
      else
        /* Translators: %1$u regions; %2$s the largest, %3$s its total, %4$s its unit, %5$s its share (a
         * number); %6$s the smallest, %7$s its total, %8$s its unit, %9$s its share */
        dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("Of %1$u region, %2$s had the largest total, %3$s "
                                                       "(%4$s; %5$s%% of the world total), and %6$s the "
                                                       "smallest, %7$s (%8$s; %9$s%%).",
                                                       "Of %1$u regions, %2$s had the largest total, %3$s "
                                                       "(%4$s; %5$s%% of the world total), and %6$s the "
                                                       "smallest, %7$s (%8$s; %9$s%%).", n),
                                             n, hi->name, hi_value, hi_unit, hi_share, lo->name, lo_value,
                                             lo_unit, lo_share));
      return;
    }
  if (n == 1)
    /* Translators: %1$d the year, %2$s the only region, %3$s its total, %4$s the unit */
    dsr_summary_take_sentence (out, g_strdup_printf (_("In %1$d, %2$s is the only region with a total: %3$s (%4$s); there is "
                                           "no world total to compare it with."),
                                         r->year, hi->name, hi_value, hi_unit));
  else
    /* Translators: %1$d the year, %2$u regions, %3$s the largest, %4$s its total, %5$s its unit,
     * %6$s the smallest, %7$s its total, %8$s its unit */
    dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("In %1$d, of %2$u region, %3$s had the largest total, %4$s "
                                                   "(%5$s), and %6$s the smallest, %7$s (%8$s); there is no "
                                                   "world total to compare them with.",
                                                   "In %1$d, of %2$u regions, %3$s had the largest total, %4$s "
                                                   "(%5$s), and %6$s the smallest, %7$s (%8$s); there is no "
                                                   "world total to compare them with.", n),
                                         r->year, n, hi->name, hi_value, hi_unit, lo->name, lo_value, lo_unit));
}

/* The regions without a value: too little data (with their coverage), or none. */
static void
regional_missing (Regional *r,
                  GString  *out)
{
  g_autoptr(GPtrArray) few = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  for (guint i = 0; i < r->missing->len; i++)
    {
      const DsrChartValue *v = g_ptr_array_index (r->missing, i);

      if (v->status == DSR_FIGURE_INSUFFICIENT)
        /* Translators: a region with too little data, e.g. "Oceania (1 of 14 economies with data)" */
        g_ptr_array_add (few, g_strdup_printf (ngettext ("%1$s (%2$u of %3$u economy with data)",
                                                         "%1$s (%2$u of %3$u economies with data)", v->total),
                                               v->name, v->n, v->total));
      else
        g_ptr_array_add (none, (gpointer) v->name);
    }
  if (few->len > 0)
    {
      g_autofree char *list = dsr_summary_join (few);

      /* Translators: %1$u regions, %2$s their names with their coverage */
      dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("Too little data for a regional value in %1$u region: %2$s.",
                                                     "Too little data for a regional value in %1$u regions: %2$s.",
                                                     few->len),
                                           few->len, list));
    }
  if (none->len > 0)
    {
      g_autofree char *list = dsr_summary_join (none);

      /* Translators: %1$u regions, %2$s their names */
      dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("No data for %1$u region: %2$s.", "No data for %1$u regions: %2$s.",
                                                     none->len),
                                           none->len, list));
    }
}

/* The Belt and Road's line, as the bars draw it. */
static char *
regional_bri (Regional *r)
{
  g_autofree char *value = NULL;
  g_autofree char *how = NULL;

  if (!has_value (r->bri) || r->data->rule == DSR_AGGREGATION_SUM)
    return NULL;
  value = format_raw (r->data, r->bri);
  if (r->bri->basis != DSR_BASIS_COMPUTED)
    /* Translators: %1$s the value the source reports for the Belt and Road economies */
    return g_strdup_printf (_("The Belt and Road average was %1$s, as reported."), value);
  how = describe_value (r->bri);
  /* Translators: %1$s the Belt and Road mean, %2$s how it was computed ("unweighted mean of 139 of 150 economies") */
  return g_strdup_printf (_("The Belt and Road mean was %1$s (%2$s)."), value, how);
}

/* The paper's printed values, drawn as diamonds beside the bars. */
static char *
regional_reference (Regional *r)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  const char *source = NULL;

  for (guint i = 0; i < r->regions->len; i++)
    {
      const DsrChartValue *v = g_ptr_array_index (r->regions, i);
      g_autofree char *value = NULL;

      if (!isfinite (v->reference))
        continue;
      value = _dsr_chart_format_value (r->data, v->reference, DSR_QUALIFIER_EXACT, FALSE);
      /* Translators: a region and the value a publication printed for it, e.g. "Europe 82.44" */
      g_ptr_array_add (items, g_strdup_printf (C_("region and value", "%1$s %2$s"), v->name, value));
      if (source == NULL)
        source = v->reference_source;
    }
  if (items->len == 0)
    return NULL;
  list = dsr_summary_join (items);
  /* Translators: %1$s the publication, %2$s its values by region */
  return g_strdup_printf (_("As printed in %1$s: %2$s."), source ? source : "", list);
}

static void
regional_summary (Regional *r,
                  GString  *out)
{
  DsrChartData *data = r->data;
  gboolean computed = has_value (r->world) && r->world->basis == DSR_BASIS_COMPUTED;

  g_ptr_array_sort (r->regions, compare_raw_desc);
  /* Values that have no regional aggregate: the chart says so, and so do we. */
  if (r->regions->len == 0 && data->rule == DSR_AGGREGATION_NONE && dsr_figures_has_country_values (data->figures))
    {
      dsr_summary_take_sentence (out, dsr_chart_data_describe_rules (data));
      return;
    }
  if (r->regions->len == 0)
    {
      dsr_summary_take_sentence (out, dsr_summary_no_data (dsr_indicator_get_name (data->indicator), r->year));
      regional_missing (r, out);
      return;
    }
  if (data->rule == DSR_AGGREGATION_SUM)
    regional_sum (r, out);
  else
    {
      dsr_summary_take_sentence (out, head_mean (r));
      dsr_summary_take_sentence (out, extremes_mean (r));
    }
  dsr_summary_take_sentence (out, regional_bri (r));
  regional_missing (r, out);
  dsr_summary_take_sentence (out, regional_reference (r));
  for (guint i = 0; i < r->regions->len && !computed; i++)
    computed = ((const DsrChartValue *) g_ptr_array_index (r->regions, i))->basis == DSR_BASIS_COMPUTED;
  if (computed)
    dsr_summary_take_sentence (out, dsr_chart_data_describe_rules (data));
}

static void
summary_bars (DsrChartData *data,
              GString      *out)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  Regional r = { .data = data, .year = data->view->year, .regions = regions, .missing = missing };

  for (guint i = 0; i < data->bars->len; i++)
    g_ptr_array_add (regions, &g_array_index (data->bars, DsrChartValue, i));
  for (guint i = 0; i < data->no_data->len; i++)
    g_ptr_array_add (missing, &g_array_index (data->no_data, DsrChartValue, i));
  if (data->world.status != DSR_FIGURE_NO_DATA)
    r.world = &data->world;
  if (data->bri.status == DSR_FIGURE_VALUE)
    r.bri = &data->bri;
  regional_summary (&r, out);
}

/* The table: the same regional sentences from its rows (the same figures as
 * the bars), and how many economies it lists with a value. */
static void
summary_table (DsrChartData *data,
               GString      *out)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GHashTable) grouping = g_hash_table_new (g_str_hash, g_str_equal);
  Regional r = { .data = data, .year = data->view->year, .regions = regions, .missing = missing };
  guint economies = 0;

  for (guint i = 0; data->grouping != NULL && i < dsr_grouping_get_n_regions (data->grouping); i++)
    g_hash_table_add (grouping, (gpointer) dsr_region_get_entity_id (dsr_grouping_get_region (data->grouping, i)));
  for (guint i = 0; i < data->rows->len; i++)
    {
      const DsrChartValue *v = &g_array_index (data->rows, DsrChartValue, i);

      if (v->kind == DSR_ENTITY_WORLD && r.world == NULL)
        r.world = v;
      else if (v->kind == DSR_ENTITY_BRI && r.bri == NULL && v->status == DSR_FIGURE_VALUE)
        r.bri = v;
      else if (v->kind == DSR_ENTITY_REGION && g_hash_table_contains (grouping, v->entity_id))
        {
          /* A region the source also reports has a second row: the first
           * (the computed one, as the bars show) is the region's. */
          gboolean seen = FALSE;

          for (guint k = 0; k < regions->len && !seen; k++)
            seen = g_str_equal (((const DsrChartValue *) g_ptr_array_index (regions, k))->entity_id, v->entity_id);
          for (guint k = 0; k < missing->len && !seen; k++)
            seen = g_str_equal (((const DsrChartValue *) g_ptr_array_index (missing, k))->entity_id, v->entity_id);
          if (!seen)
            g_ptr_array_add (has_value (v) ? regions : missing, (gpointer) v);
        }
      else if (v->kind == DSR_ENTITY_COUNTRY && has_value (v))
        economies++;
    }
  if (regions->len > 0 || r.world != NULL)
    regional_summary (&r, out);
  if (economies > 0)
    /* Translators: %1$u economies, %2$d the year */
    dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("The table lists %1$u economy with a value for %2$d.",
                                                   "The table lists %1$u economies with a value for %2$d.",
                                                   economies),
                                         economies, data->view->year));
  if (out->len == 0)
    dsr_summary_take_sentence (out, dsr_summary_no_data (dsr_indicator_get_name (data->indicator), data->view->year));
}

/* Trends ------------------------------------------------------------------------ */

static const DsrChartValue *
point_in (const DsrChartSeries *series,
          int                   year)
{
  for (guint p = 0; series != NULL && p < series->points->len; p++)
    if (g_array_index (series->points, DsrChartValue, p).year == year)
      return &g_array_index (series->points, DsrChartValue, p);
  return NULL;
}

/* The world's line over the span. */
static char *
trend_world (DsrChartData         *data,
             const DsrChartSeries *world)
{
  const DsrChartValue *first = &g_array_index (world->points, DsrChartValue, 0);
  const DsrChartValue *last = &g_array_index (world->points, DsrChartValue, world->points->len - 1);
  g_autofree char *from = format_raw (data, first);
  g_autofree char *to = format_raw (data, last);
  g_autofree char *unit = unit_of (data);
  gboolean computed = first->basis == DSR_BASIS_COMPUTED;
  gboolean total = data->rule == DSR_AGGREGATION_SUM;

  if (first == last && !computed)
    /* Translators: %1$d the year, %2$s the world's value as the source reports it, %3$s its unit */
    return g_strdup_printf (_("In %1$d, the world figure, as reported, was %2$s (%3$s)."), first->year, from, unit);
  if (first == last && total)
    /* Translators: %1$d the year, %2$s the world's total, %3$s its unit */
    return g_strdup_printf (_("In %1$d, the world total was %2$s (%3$s)."), first->year, from, unit);
  if (first == last)
    /* Translators: %1$d the year, %2$s the world mean, %3$s its unit */
    return g_strdup_printf (_("In %1$d, the world mean was %2$s (%3$s)."), first->year, from, unit);
  if (!computed)
    /* Translators: %1$d and %2$d the first and last years, %3$s and %4$s the world's values as the
     * source reports them, %5$s their unit */
    return g_strdup_printf (_("From %1$d to %2$d, the world figure, as reported, went from %3$s to %4$s (%5$s)."),
                            first->year, last->year, from, to, unit);
  if (total)
    /* Translators: %1$d and %2$d the first and last years, %3$s and %4$s the world's totals, %5$s the unit */
    return g_strdup_printf (_("From %1$d to %2$d, the world total went from %3$s to %4$s (%5$s)."),
                            first->year, last->year, from, to, unit);
  /* Translators: %1$d and %2$d the first and last years, %3$s and %4$s the world means, %5$s the unit */
  return g_strdup_printf (_("From %1$d to %2$d, the world mean went from %3$s to %4$s (%5$s)."),
                          first->year, last->year, from, to, unit);
}

/* The line that rose most between its first and last years. */
static char *
trend_riser (DsrChartData *data,
             GPtrArray    *lines)
{
  const DsrChartSeries *best = NULL;
  double best_change = -INFINITY;
  guint n = 0;
  const DsrChartValue *first, *last;
  g_autofree char *by = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const DsrChartSeries *series = g_ptr_array_index (lines, i);
      double change;

      if (series->points->len < 2)
        continue;
      n++;
      change = g_array_index (series->points, DsrChartValue, series->points->len - 1).raw
               - g_array_index (series->points, DsrChartValue, 0).raw;
      if (change > best_change)
        {
          best_change = change;
          best = series;
        }
    }
  if (best == NULL)
    return NULL;
  first = &g_array_index (best->points, DsrChartValue, 0);
  last = &g_array_index (best->points, DsrChartValue, best->points->len - 1);
  by = _dsr_chart_format_value (data, fabs (best_change), DSR_QUALIFIER_EXACT, FALSE);
  from = format_raw (data, first);
  to = format_raw (data, last);
  if (best_change > 0)
    /* Translators: %1$u lines with two years or more; %2$s the one that rose most, %3$s by how much,
     * %4$s its first value, %5$d its year, %6$s its last value, %7$d its year */
    return g_strdup_printf (ngettext ("Of %1$u line besides the world, %2$s rose most, by %3$s: from %4$s in %5$d "
                                      "to %6$s in %7$d.",
                                      "Of %1$u lines besides the world, %2$s rose most, by %3$s: from %4$s in %5$d "
                                      "to %6$s in %7$d.", n),
                            n, best->name, by, from, first->year, to, last->year);
  /* Translators: as above, when no line rose: the one that fell least */
  return g_strdup_printf (ngettext ("Of %1$u line besides the world, none rose; %2$s fell least, by %3$s: from %4$s "
                                    "in %5$d to %6$s in %7$d.",
                                    "Of %1$u lines besides the world, none rose; %2$s fell least, by %3$s: from "
                                    "%4$s in %5$d to %6$s in %7$d.", n),
                          n, best->name, by, from, first->year, to, last->year);
}

/* Where a line crosses the world's: from one year to the next with values
 * in both, it goes from below the world to above it, or back. How many
 * times, and each line's last crossing (the side it ends on), by year. */
typedef struct
{
  int   year;
  char *text;
} Crossing;

static int
compare_crossings (gconstpointer a,
                   gconstpointer b)
{
  const Crossing *x = *(const Crossing **) a, *y = *(const Crossing **) b;

  return x->year != y->year ? (x->year < y->year ? -1 : 1) : g_utf8_collate (x->text, y->text);
}

static void
crossing_free (gpointer p)
{
  Crossing *c = p;

  g_free (c->text);
  g_free (c);
}

static char *
trend_crossings (DsrChartData         *data,
                 const DsrChartSeries *world,
                 GPtrArray            *lines)
{
  g_autoptr(GPtrArray) last = g_ptr_array_new_with_free_func (crossing_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *list = NULL;
  guint count = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const DsrChartSeries *series = g_ptr_array_index (lines, i);
      const DsrChartValue *crossed = NULL;
      int side = 0, crossed_side = 0;

      for (guint p = 0; p < series->points->len; p++)
        {
          const DsrChartValue *v = &g_array_index (series->points, DsrChartValue, p);
          const DsrChartValue *w = point_in (world, v->year);
          double d = w != NULL ? compare_with_world (data, v, w) : NAN;
          int now;

          if (!isfinite (d))
            {
              side = 0; /* a break in a line: no crossing across it */
              continue;
            }
          now = d > 0 ? 1 : d < 0 ? -1 : side;
          if (side != 0 && now != side)
            {
              count++;
              crossed = v;
              crossed_side = now;
            }
          side = now;
        }
      if (crossed != NULL)
        {
          Crossing *c = g_new0 (Crossing, 1);

          c->year = crossed->year;
          c->text = crossed_side > 0
                      /* Translators: a line rising above the world's, e.g. "Europe rose above it in 2015" */
                      ? g_strdup_printf (_("%1$s rose above it in %2$d"), series->name, crossed->year)
                      /* Translators: a line falling below the world's, e.g. "Africa fell below it in 2015" */
                      : g_strdup_printf (_("%1$s fell below it in %2$d"), series->name, crossed->year);
          g_ptr_array_add (last, c);
        }
    }
  if (count == 0)
    return g_strdup (_("No line crossed the world’s."));
  g_ptr_array_sort (last, compare_crossings);
  for (guint i = 0; i < last->len; i++)
    g_ptr_array_add (items, ((Crossing *) g_ptr_array_index (last, i))->text);
  list = dsr_summary_join (items);
  if (count == last->len)
    /* Translators: %1$u times, %2$s the crossings, e.g. "Europe rose above it in 2015" */
    return g_strdup_printf (ngettext ("The world’s line was crossed %1$u time: %2$s.",
                                      "The world’s line was crossed %1$u times: %2$s.", count),
                            count, list);
  /* Translators: %1$u times (more than there are lines), %2$s the last crossing of each line */
  return g_strdup_printf (ngettext ("The world’s line was crossed %1$u time; each line’s last crossing: %2$s.",
                                    "The world’s line was crossed %1$u times; each line’s last crossing: %2$s.",
                                    count),
                          count, list);
}

static void
summary_trend (DsrChartData *data,
               GString      *out)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  const DsrChartSeries *world = NULL;
  gboolean computed = FALSE, span = FALSE;

  for (guint s = 0; s < data->series->len; s++)
    {
      const DsrChartSeries *series = g_ptr_array_index (data->series, s);

      if (series->kind == DSR_ENTITY_WORLD)
        world = series;
      else
        {
          g_ptr_array_add (lines, (gpointer) series);
          span |= series->points->len >= 2;
        }
      for (guint p = 0; p < series->points->len && !computed; p++)
        computed = g_array_index (series->points, DsrChartValue, p).basis == DSR_BASIS_COMPUTED;
    }
  if (world == NULL && lines->len == 0)
    {
      dsr_summary_take_sentence (out, dsr_summary_no_data (dsr_indicator_get_name (data->indicator), 0));
      return;
    }
  if (world != NULL)
    dsr_summary_take_sentence (out, trend_world (data, world));
  dsr_summary_take_sentence (out, trend_riser (data, lines));
  /* A region's total does not cross the world's total; a point, nothing. */
  if (world != NULL && span && data->rule != DSR_AGGREGATION_SUM)
    dsr_summary_take_sentence (out, trend_crossings (data, world, lines));
  if (computed)
    dsr_summary_take_sentence (out, dsr_chart_data_describe_rules (data));
}


/* Scatter ------------------------------------------------------------------------ */

/* A value of one of the scatter's axes as its labels print it: in the
 * axis' millions or billions, with the indicator's decimals, and its unit. */
static char *
scatter_value (double      value,
               double      scale,
               int         decimals,
               const char *unit)
{
  g_autofree char *number = NULL;
  const char *word = scale >= 1e12 ? _("trillions") : scale >= 1e9 ? _("billions") : scale >= 1e6 ? _("millions") : NULL;

  if (scale > 1.0)
    {
      value /= scale;
      decimals = fabs (value) < 10 ? 2 : 1;
    }
  number = dsr_format_number (value, decimals);
  if (word != NULL && unit != NULL && *unit != '\0')
    /* Translators: a value, its unit and its scale in a summary, e.g. "2.41 (current US$, billions)" */
    return g_strdup_printf (C_("summary", "%1$s (%2$s, %3$s)"), number, unit, word);
  if (word != NULL || (unit != NULL && *unit != '\0'))
    /* Translators: a value and its unit in a summary, e.g. "71.29 (% of population)" */
    return g_strdup_printf (C_("summary", "%1$s (%2$s)"), number, word != NULL ? word : unit);
  return g_steal_pointer (&number);
}

/* "Ireland was highest at 2.41 (current US$, billions) and Tonga lowest at
 * 0.07 (current US$, millions)" for one axis of the scatter. */
static char *
scatter_extremes (DsrChartData *data,
                  gboolean      vertical)
{
  const DsrScatterPoint *hi = NULL, *lo = NULL;
  DsrIndicator *indicator = vertical ? data->y_indicator : data->indicator;
  double scale = vertical ? data->y_scale : data->scale;
  int decimals = vertical ? data->y_decimals : data->decimals;
  const char *unit = dsr_indicator_get_unit (indicator);
  g_autofree char *hi_value = NULL;
  g_autofree char *lo_value = NULL;

  for (guint i = 0; i < data->points->len; i++)
    {
      const DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);
      double v = vertical ? p->y.raw : p->x.raw;

      if (hi == NULL || v > (vertical ? hi->y.raw : hi->x.raw))
        hi = p;
      if (lo == NULL || v < (vertical ? lo->y.raw : lo->x.raw))
        lo = p;
    }
  if (hi == NULL || hi == lo)
    return NULL;
  hi_value = scatter_value (vertical ? hi->y.raw : hi->x.raw, scale, decimals, unit);
  lo_value = scatter_value (vertical ? lo->y.raw : lo->x.raw, scale, decimals, unit);
  /* Translators: the extremes of one indicator in a scatter's summary: %1$s the indicator,
   * %2$s and %4$s economies, %3$s and %5$s their values */
  return g_strdup_printf (C_("summary", "For %1$s, %2$s was highest at %3$s and %4$s lowest at %5$s."),
                          dsr_indicator_get_name (indicator), hi->x.name, hi_value, lo->x.name, lo_value);
}

static void
summary_scatter (DsrChartData *data,
                 GString      *out)
{
  guint n = data->points->len;
  guint n_members = 0;

  if (data->y_indicator == NULL || n == 0)
    {
      dsr_summary_take_sentence (out, dsr_summary_no_data (dsr_indicator_get_name (data->indicator), data->view->year));
      return;
    }
  for (guint i = 0; i < n; i++)
    if (g_array_index (data->points, DsrScatterPoint, i).region >= 0)
      n_members++;

  dsr_summary_take_sentence (out, g_strdup_printf (
    /* Translators: the first sentence of a scatter's summary: %1$d the year, %2$u and %3$u
     * counts of economies, %4$s and %5$s the two indicators */
    ngettext ("In %1$d, %2$u of %3$u economies with data had values of both %4$s and %5$s.",
                 "In %1$d, %2$u of %3$u economies with data had values of both %4$s and %5$s.", n),
    data->view->year, n, MAX (data->n_countries, n), dsr_indicator_get_name (data->indicator),
    dsr_indicator_get_name (data->y_indicator)));
  dsr_summary_take_sentence (out, g_strdup_printf (
    /* Translators: %1$u economies of a scatter are members of the Belt and Road groupings' regions */
    ngettext ("%1$u of them is a member of the grouping's regions.",
                 "%1$u of them are members of the grouping's regions.", n_members), n_members));
  dsr_summary_take_sentence (out, scatter_extremes (data, FALSE));
  dsr_summary_take_sentence (out, scatter_extremes (data, TRUE));
  if (data->has_fit)
    {
      g_autofree char *r = dsr_format_number (data->fit_r, 2);
      gboolean logs = data->log_x || data->log_y;

      if (data->fit_r >= 0)
        dsr_summary_take_sentence (out, g_strdup_printf (logs
          /* Translators: %1$s is Pearson's r, e.g. "0.51"; an association, not a cause */
          ? C_("summary", "Across them the two tend to rise together: a least-squares line fitted to the logarithms gives r = %1$s.")
          : C_("summary", "Across them the two tend to rise together: a least-squares line gives r = %1$s."), r));
      else
        dsr_summary_take_sentence (out, g_strdup_printf (logs
          /* Translators: %1$s is Pearson's r, e.g. "−0.32"; an association, not a cause */
          ? C_("summary", "Across them one tends to fall as the other rises: a least-squares line fitted to the logarithms gives r = %1$s.")
          : C_("summary", "Across them one tends to fall as the other rises: a least-squares line gives r = %1$s."), r));
    }
  if (data->n_nearest > 0)
    dsr_summary_take_sentence (out, g_strdup_printf (
      /* Translators: %1$u economies' values are from the nearest year within %2$d years */
      ngettext ("%1$u economy's values are from the nearest year within %2$d.",
                   "%1$u economies' values are from the nearest year within %2$d.", data->n_nearest),
      data->n_nearest, data->view->tolerance));
}

/* The summary --------------------------------------------------------------------- */

char *
dsr_summary_chart_text (DsrChartData *data,
                        GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  if (data->indicator == NULL)
    return dsr_summary_no_data (NULL, 0);

  switch (data->view->kind)
    {
    case DSR_VIEW_BARS:
      summary_bars (data, out);
      break;
    case DSR_VIEW_TABLE:
      summary_table (data, out);
      break;
    case DSR_VIEW_TREND:
      summary_trend (data, out);
      break;
    case DSR_VIEW_SCATTER:
      summary_scatter (data, out);
      break;
    case DSR_VIEW_MAP:
    default:
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   /* Translators: %1$d is the number of a kind of view the summary does not know */
                   _("There is no written summary for this kind of view (%1$d)"), (int) data->view->kind);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
