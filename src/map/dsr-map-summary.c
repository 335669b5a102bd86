/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-summary"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-figure.h"
#include "dsr-map-summary.h"
#include "dsr-map-values.h"
#include "dsr-summary.h"

/* The written summary of any view (see dsr-summary.h): the charts' from
 * their DsrChartData (src/render/dsr-summary.c), the map's here, from the
 * DsrMapValues the map paints: its highest and lowest economies (or
 * regions, when members are painted in their region's value), how many
 * members have no value, and the world figure on its legend. Values are
 * printed as the map prints them (dsr_map_values_format*). */

static gboolean
economy_has_value (const DsrMapValue *v)
{
  return v->painted && isfinite (v->shown);
}

/* The world figure on the legend. */
static char *
world_sentence (const DsrMapValues *values)
{
  const DsrMapValue *world = &values->world;
  g_autofree char *number = NULL;
  g_autofree char *how = NULL;

  if (!isfinite (world->value))
    return NULL;
  if (values->rule == DSR_AGGREGATION_SUM)
    {
      /* In millions, billions or trillions, as the charts print totals. */
      double a = fabs (world->value);
      DsrChartData scaled = { .scale = a >= 1e12 ? 1e12 : a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1.0 };
      double shown = world->value / scaled.scale;
      g_autofree char *unit = dsr_chart_data_scaled_unit (&scaled, dsr_indicator_get_unit (values->indicator));

      number = dsr_format_value (shown, scaled.scale > 1.0 ? (fabs (shown) < 10 ? 2 : 1)
                                                          : dsr_indicator_get_decimals (values->indicator),
                                 world->qualifier);
      if (world->basis != DSR_BASIS_COMPUTED)
        /* Translators: %1$s the world's total as the source reports it, %2$s its unit */
        return g_strdup_printf (_("The world total was %1$s (%2$s), as reported."), number, unit);
      how = dsr_figure_describe (&world->figure);
      /* Translators: %1$s the world's total, %2$s its unit, %3$s how it was computed ("sum of 180 of 249
       * economies") */
      return g_strdup_printf (_("The world total was %1$s (%2$s; %3$s)."), number, unit, how);
    }
  number = dsr_map_values_format (values, world->value, world->qualifier, FALSE);
  if (world->basis != DSR_BASIS_COMPUTED)
    /* Translators: %1$s the world's value as the source reports it */
    return g_strdup_printf (_("The world average was %1$s, as reported."), number);
  how = dsr_figure_describe (&world->figure);
  /* Translators: %1$s the world mean, %2$s how it was computed ("unweighted mean of 183 of 250 economies") */
  return g_strdup_printf (_("The world mean was %1$s (%2$s)."), number, how);
}

/* The highest and the lowest, as the map shows them: values, differences
 * from the world mean, or shares of the world total. */
static char *
extremes_sentence (const DsrMapValues *values,
                   const char         *hi_name,
                   const char         *hi_value,
                   const char         *lo_name,
                   const char         *lo_value)
{
  if (values->compared && values->diverging)
    /* Translators: %1$s the highest, %2$s its difference from the world mean ("+28.71"); %3$s, %4$s the lowest */
    return g_strdup_printf (_("Compared with the world mean, %1$s was highest at %2$s and %3$s lowest at %4$s."),
                            hi_name, hi_value, lo_name, lo_value);
  if (values->compared)
    /* Translators: %1$s the largest, %2$s its share of the world total ("12.3%"); %3$s, %4$s the smallest */
    return g_strdup_printf (_("%1$s had the largest share of the world total, %2$s, and %3$s the smallest, %4$s."),
                            hi_name, hi_value, lo_name, lo_value);
  /* Translators: %1$s the economy with the highest value, %2$s its value; %3$s the lowest, %4$s its value */
  return g_strdup_printf (_("%1$s was highest at %2$s and %3$s lowest at %4$s."), hi_name, hi_value, lo_name, lo_value);
}

/* The economies besides @first with exactly @first's value (ties at the
 * top or bottom): "Qatar, Saudi Arabia also had 100.00." Many: counted. */
static char *
ties_sentence (const DsrMapValues *values,
               const DsrMapValue  *first)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *value = NULL;

  for (guint i = 0; i < values->values->len; i++)
    {
      const DsrMapValue *v = &g_array_index (values->values, DsrMapValue, i);

      if (v != first && economy_has_value (v) && v->shown == first->shown)
        g_ptr_array_add (names, (gpointer) v->name);
    }
  if (names->len == 0)
    return NULL;
  value = dsr_map_values_format_shown (values, first->shown, first->qualifier);
  if (names->len <= 5)
    {
      g_autofree char *list = dsr_summary_join (names);

      /* Translators: %1$s economies tied with the highest or the lowest ("Qatar, Saudi Arabia"),
       * %2$s their value */
      return g_strdup_printf (ngettext ("%1$s also had %2$s.", "%1$s also had %2$s.", names->len), list, value);
    }
  /* Translators: %1$u economies tied with the highest or the lowest, %2$s their value */
  return g_strdup_printf (ngettext ("%1$u other economy also had %2$s.", "%1$u other economies also had %2$s.",
                                    names->len), names->len, value);
}

/* Each economy its own value. */
static void
summary_countries (const DsrMapValues *values,
                   GString            *out)
{
  const char *name = dsr_indicator_get_name (values->indicator);
  const DsrMapValue *hi = NULL, *lo = NULL;
  guint members = 0, members_with = 0, shown = 0;

  for (guint i = 0; i < values->values->len; i++)
    {
      const DsrMapValue *v = &g_array_index (values->values, DsrMapValue, i);

      if (v->member)
        {
          members++;
          if (economy_has_value (v))
            members_with++;
        }
      if (!economy_has_value (v))
        continue;
      shown++;
      /* Ties: the first by name (the values are sorted by name). */
      if (hi == NULL || v->shown > hi->shown)
        hi = v;
      if (lo == NULL || v->shown < lo->shown)
        lo = v;
    }
  if (shown == 0)
    {
      dsr_summary_take_sentence (out, dsr_summary_no_data (name, values->year));
      dsr_summary_take_sentence (out, world_sentence (values));
      return;
    }
  if (values->membership_is_bri)
    /* Translators: %1$d the year, %2$s the indicator, %3$u of %4$u economies */
    dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("In %1$d, the map shows %2$s for %3$u of %4$u Belt and Road "
                                                  "economy.",
                                                  "In %1$d, the map shows %2$s for %3$u of %4$u Belt and Road "
                                                  "economies.", members),
                                        values->year, name, members_with, members));
  else
    /* Translators: %1$d the year, %2$s the indicator, %3$u of %4$u economies of the grouping */
    dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("In %1$d, the map shows %2$s for %3$u of %4$u member "
                                                  "economy.",
                                                  "In %1$d, the map shows %2$s for %3$u of %4$u member "
                                                  "economies.", members),
                                        values->year, name, members_with, members));
  if (hi != lo)
    {
      g_autofree char *hi_value = dsr_map_values_format_shown (values, hi->shown, hi->qualifier);
      g_autofree char *lo_value = dsr_map_values_format_shown (values, lo->shown, lo->qualifier);

      dsr_summary_take_sentence (out, extremes_sentence (values, hi->name, hi_value, lo->name, lo_value));
      dsr_summary_take_sentence (out, ties_sentence (values, hi));
      dsr_summary_take_sentence (out, ties_sentence (values, lo));
    }
  else
    {
      g_autofree char *value = dsr_map_values_format_shown (values, hi->shown, hi->qualifier);

      /* Translators: %1$s the only economy with a value, %2$s its value */
      dsr_summary_take_sentence (out, g_strdup_printf (_("%1$s is the only economy with a value: %2$s."), hi->name, value));
    }
  if (members > members_with)
    /* Translators: %1$u economies without a value, %2$d the year */
    dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("%1$u member economy has no value for %2$d.",
                                                  "%1$u member economies have no value for %2$d.",
                                                  members - members_with),
                                        members - members_with, values->year));
  dsr_summary_take_sentence (out, world_sentence (values));
}

/* Members painted in their region's value. */
static void
summary_regions (const DsrMapValues *values,
                 GString            *out)
{
  const char *name = dsr_indicator_get_name (values->indicator);
  const DsrMapRegionValue *hi = NULL, *lo = NULL;
  g_autoptr(GPtrArray) few = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  guint shown = 0;

  for (guint r = 0; r < values->regions->len; r++)
    {
      const DsrMapRegionValue *rv = &g_array_index (values->regions, DsrMapRegionValue, r);

      if (rv->status == DSR_FIGURE_INSUFFICIENT)
        g_ptr_array_add (few, g_strdup_printf (ngettext ("%1$s (%2$u of %3$u economy with data)",
                                                         "%1$s (%2$u of %3$u economies with data)", rv->total),
                                               rv->name, rv->n, rv->total));
      else if (!isfinite (rv->shown))
        g_ptr_array_add (none, (gpointer) rv->name);
      else
        {
          shown++;
          if (hi == NULL || rv->shown > hi->shown)
            hi = rv;
          if (lo == NULL || rv->shown < lo->shown)
            lo = rv;
        }
    }
  if (shown == 0)
    dsr_summary_take_sentence (out, dsr_summary_no_data (name, values->year));
  else
    {
      /* Translators: %1$d the year, %2$u regions, %3$s the indicator */
      dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("In %1$d, the map paints the members of %2$u region with its "
                                                    "value of %3$s.",
                                                    "In %1$d, the map paints the members of %2$u regions with "
                                                    "their region’s value of %3$s.", shown),
                                          values->year, shown, name));
      if (hi != lo)
        {
          g_autofree char *hi_value = dsr_map_values_format_shown (values, hi->shown, hi->qualifier);
          g_autofree char *lo_value = dsr_map_values_format_shown (values, lo->shown, lo->qualifier);

          dsr_summary_take_sentence (out, extremes_sentence (values, hi->name, hi_value, lo->name, lo_value));
        }
    }
  if (few->len > 0)
    {
      g_autofree char *list = dsr_summary_join (few);

      dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("Too little data for a regional value in %1$u region: %2$s.",
                                                    "Too little data for a regional value in %1$u regions: %2$s.",
                                                    few->len),
                                          few->len, list));
    }
  if (none->len > 0)
    {
      g_autofree char *list = dsr_summary_join (none);

      dsr_summary_take_sentence (out, g_strdup_printf (ngettext ("No data for %1$u region: %2$s.", "No data for %1$u regions: %2$s.",
                                                    none->len),
                                          none->len, list));
    }
  dsr_summary_take_sentence (out, world_sentence (values));
}

/* The map's summary, from the values it paints. */
static char *
map_summary (DsrStore      *store,
             const DsrView *view,
             GError       **error)
{
  g_autoptr(DsrMapValues) values = NULL;
  g_autoptr(GError) local = NULL;
  DsrMapOptions options;

  dsr_map_options_init (&options);
  values = dsr_map_values_new (store, view, options.binning, options.n_classes, &local);
  if (values == NULL)
    {
      DsrIndicator *indicator = view->indicator_id ? dsr_store_get_indicator (store, view->indicator_id) : NULL;

      /* Nothing to paint is a sentence; a choice that is not valid an error. */
      if (g_error_matches (local, DSR_ERROR, DSR_ERROR_NO_DATA) && indicator != NULL)
        return dsr_summary_no_data (dsr_indicator_get_name (indicator), view->year);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return dsr_map_summary_text (values);
}

char *
dsr_map_summary_text (const DsrMapValues *values)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (values != NULL, NULL);

  if (values->indicator == NULL)
    return dsr_summary_no_data (NULL, 0);
  if (values->mode == DSR_MAP_MODE_COUNTRY)
    summary_countries (values, out);
  else
    summary_regions (values, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * dsr_summary_text:
 *
 * The written summary of @view (see dsr-summary.h).
 */
char *
dsr_summary_text (DsrStore      *store,
                  const DsrView *view,
                  GError       **error)
{
  g_autoptr(DsrChartData) data = NULL;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  switch (view->kind)
    {
    case DSR_VIEW_MAP:
      return map_summary (store, view, error);
    case DSR_VIEW_BARS:
    case DSR_VIEW_TREND:
    case DSR_VIEW_TABLE:
    case DSR_VIEW_SCATTER:
      data = dsr_chart_data_new (store, view);
      return dsr_summary_chart_text (data, error);
    default:
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("There is no written summary for this kind of view (%1$d)"), (int) view->kind);
      return NULL;
    }
}
