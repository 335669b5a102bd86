/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-summary"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

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

static void
take_sentence (GString *out,
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

/* Totals: the world total, and the regions' shares of it. */
static void
regional_sum (Regional *r,
              GString  *out)
{
  DsrChartData *data = r->data;
  const char *name = dsr_indicator_get_name (data->indicator);
  const DsrChartValue *hi = g_ptr_array_index (r->regions, 0);
  const DsrChartValue *lo = g_ptr_array_index (r->regions, r->regions->len - 1);
  g_autofree char *hi_value = format_raw (data, hi);
  g_autofree char *lo_value = format_raw (data, lo);
  g_autofree char *unit = unit_of (data);
  guint n = r->regions->len;

  if (has_value (r->world))
    {
      g_autofree char *world = format_raw (data, r->world);
      g_autofree char *hi_share = dsr_format_number (compare_with_world (data, hi, r->world), 1);
      g_autofree char *lo_share = dsr_format_number (compare_with_world (data, lo, r->world), 1);

      if (r->world->basis == DSR_BASIS_COMPUTED)
        /* Translators: %1$d the year, %2$s the indicator, %3$s the world's total, %4$s its unit,
         * %5$u of %6$u economies summed */
        take_sentence (out, g_strdup_printf (ngettext ("In %1$d, the world total of %2$s was %3$s (%4$s), "
                                                       "the sum of %5$u of %6$u economy.",
                                                       "In %1$d, the world total of %2$s was %3$s (%4$s), "
                                                       "the sum of %5$u of %6$u economies.", r->world->total),
                                             r->year, name, world, unit, r->world->n, r->world->total));
      else
        /* Translators: %1$d the year, %2$s the indicator, %3$s the world's total, %4$s its unit */
        take_sentence (out, g_strdup_printf (_("In %1$d, the world total of %2$s was %3$s (%4$s), as reported."),
                                             r->year, name, world, unit));
      if (n == 1)
        /* Translators: %1$s the only region with a value, %2$s its total, %3$s its share (a number) */
        take_sentence (out, g_strdup_printf (_("%1$s is the only region with a value: %2$s, %3$s%% of the world "
                                               "total."), hi->name, hi_value, hi_share));
      else
        /* Translators: %1$u regions; %2$s the largest, %3$s its total, %4$s its share (a number);
         * %5$s the smallest, %6$s its total, %7$s its share */
        take_sentence (out, g_strdup_printf (ngettext ("Of %1$u region, %2$s had the largest total, %3$s "
                                                       "(%4$s%% of the world total), and %5$s the smallest, "
                                                       "%6$s (%7$s%%).",
                                                       "Of %1$u regions, %2$s had the largest total, %3$s "
                                                       "(%4$s%% of the world total), and %5$s the smallest, "
                                                       "%6$s (%7$s%%).", n),
                                             n, hi->name, hi_value, hi_share, lo->name, lo_value, lo_share));
      return;
    }
  if (n == 1)
    /* Translators: %1$d the year, %2$s the only region, %3$s its total, %4$s the unit */
    take_sentence (out, g_strdup_printf (_("In %1$d, %2$s is the only region with a total: %3$s (%4$s); there is "
                                           "no world total to compare it with."),
                                         r->year, hi->name, hi_value, unit));
  else
    /* Translators: %1$d the year, %2$u regions, %3$s the largest, %4$s its total, %5$s the smallest,
     * %6$s its total, %7$s the unit */
    take_sentence (out, g_strdup_printf (ngettext ("In %1$d, of %2$u region, %3$s had the largest total, %4$s, "
                                                   "and %5$s the smallest, %6$s (%7$s); there is no world total "
                                                   "to compare them with.",
                                                   "In %1$d, of %2$u regions, %3$s had the largest total, %4$s, "
                                                   "and %5$s the smallest, %6$s (%7$s); there is no world total "
                                                   "to compare them with.", n),
                                         r->year, n, hi->name, hi_value, lo->name, lo_value, unit));
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
      take_sentence (out, g_strdup_printf (ngettext ("Too little data for a regional value in %1$u region: %2$s.",
                                                     "Too little data for a regional value in %1$u regions: %2$s.",
                                                     few->len),
                                           few->len, list));
    }
  if (none->len > 0)
    {
      g_autofree char *list = dsr_summary_join (none);

      /* Translators: %1$u regions, %2$s their names */
      take_sentence (out, g_strdup_printf (ngettext ("No data for %1$u region: %2$s.", "No data for %1$u regions: %2$s.",
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
  if (r->regions->len == 0)
    {
      take_sentence (out, dsr_summary_no_data (dsr_indicator_get_name (data->indicator), r->year));
      regional_missing (r, out);
      return;
    }
  if (data->rule == DSR_AGGREGATION_SUM)
    regional_sum (r, out);
  else
    {
      take_sentence (out, head_mean (r));
      take_sentence (out, extremes_mean (r));
    }
  take_sentence (out, regional_bri (r));
  regional_missing (r, out);
  take_sentence (out, regional_reference (r));
  for (guint i = 0; i < r->regions->len && !computed; i++)
    computed = ((const DsrChartValue *) g_ptr_array_index (r->regions, i))->basis == DSR_BASIS_COMPUTED;
  if (computed)
    take_sentence (out, dsr_chart_data_describe_rules (data));
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
      else if (v->kind == DSR_ENTITY_REGION && g_hash_table_contains (grouping, v->entity_id)
               && !g_ptr_array_find (regions, v, NULL))
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
    take_sentence (out, g_strdup_printf (ngettext ("The table lists %1$u economy with a value for %2$d.",
                                                   "The table lists %1$u economies with a value for %2$d.",
                                                   economies),
                                         economies, data->view->year));
  if (out->len == 0)
    take_sentence (out, dsr_summary_no_data (dsr_indicator_get_name (data->indicator), data->view->year));
}

/* Trends ------------------------------------------------------------------------ */

static void
summary_trend (DsrChartData *data,
               GString      *out)
{
  /* Filled in by the next step; until then the regional sentences of the
   * view's year are not what a trend shows, so say only what it covers. */
  take_sentence (out, dsr_summary_no_data (dsr_indicator_get_name (data->indicator), 0));
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
    case DSR_VIEW_MAP:
    default:
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   /* Translators: %1$d is the number of a kind of view the summary does not know */
                   _("There is no written summary for this kind of view (%1$d)"), (int) data->view->kind);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
