/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-figures"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-figures.h"

struct _DsrFigures
{
  DsrStore       *store;
  DsrIndicator   *indicator;      /* NULL: unknown indicator */
  const char     *indicator_id;
  DsrAggregation  rule;
  double          min_coverage;
  int             tolerance;
  gboolean        country_values; /* the indicator has values for economies */
  GPtrArray      *countries;      /* every economy the store knows: the world's members */
  DsrIndicator   *reference;      /* the publication's figures for the same measure, or NULL */
};

/**
 * dsr_figures_new:
 * @view: the indicator and the rules (aggregation, coverage, tolerance)
 *
 * The figures of @view's indicator under @view's rules. Cheap to make; make
 * one for each view drawn.
 */
DsrFigures *
dsr_figures_new (DsrStore      *store,
                 const DsrView *view)
{
  DsrFigures *self;
  const char *reference_id;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  self = g_new0 (DsrFigures, 1);
  self->store = g_object_ref (store);
  self->indicator = view->indicator_id ? dsr_store_get_indicator (store, view->indicator_id) : NULL;
  self->indicator_id = self->indicator ? dsr_indicator_get_id (self->indicator) : NULL;
  self->min_coverage = CLAMP (isfinite (view->min_coverage) ? view->min_coverage : DSR_DEFAULT_MIN_COVERAGE,
                              0.0, 1.0);
  self->tolerance = CLAMP (view->tolerance, 0, DSR_MAX_TOLERANCE);
  if (view->aggregation >= 0 && view->aggregation <= DSR_AGGREGATION_NONE)
    self->rule = (DsrAggregation) view->aggregation;
  else
    self->rule = self->indicator ? dsr_indicator_get_aggregation (self->indicator) : DSR_AGGREGATION_MEAN;
  if (self->indicator != NULL)
    {
      self->country_values = dsr_store_has_country_values (store, self->indicator_id);
      reference_id = dsr_indicator_get_reference_id (self->indicator);
      if (*reference_id != '\0' && g_strcmp0 (reference_id, self->indicator_id) != 0)
        self->reference = dsr_store_get_indicator (store, reference_id);
    }
  return self;
}

void
dsr_figures_free (DsrFigures *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_object_unref (self->store);
  g_free (self);
}

DsrIndicator *
dsr_figures_get_indicator (DsrFigures *self)
{
  return self->indicator;
}

DsrAggregation
dsr_figures_get_rule (DsrFigures *self)
{
  return self->rule;
}

gboolean
dsr_figures_has_country_values (DsrFigures *self)
{
  return self->country_values;
}

const char *
dsr_aggregation_to_label (DsrAggregation rule)
{
  switch (rule)
    {
    /* Translators: how a region's value was computed from its members */
    case DSR_AGGREGATION_MEAN: return _("unweighted mean");
    /* Translators: how a region's value was computed from its members */
    case DSR_AGGREGATION_WEIGHTED_MEAN: return _("population-weighted mean");
    /* Translators: how a region's value was computed from its members */
    case DSR_AGGREGATION_SUM: return _("sum");
    /* Translators: the indicator's values cannot be combined into regional values */
    case DSR_AGGREGATION_NONE: return _("not aggregated");
    default: g_return_val_if_reached ("");
    }
}

/* What "Gap to World" shows under @rule. */
const char *
dsr_compare_to_unit_label (DsrAggregation rule)
{
  if (rule == DSR_AGGREGATION_SUM)
    /* Translators: a region’s total as a share of the world’s total */
    /* xgettext:no-c-format */
    return _("% of the world total");
  /* Translators: a region's mean minus the world's mean, in the indicator's unit */
  return _("difference from the world mean");
}

/* "unweighted mean of 44 of 52 economies (members as of 2022)" */
char *
dsr_figure_describe (const DsrFigure *figure)
{
  g_autofree char *years = NULL;
  const char *rule;

  if (figure->basis != DSR_BASIS_COMPUTED)
    return g_strdup (dsr_basis_to_label (figure->basis));

  rule = dsr_aggregation_to_label (figure->rule);
  if (figure->year_min != 0 && (figure->year_min != figure->year || figure->year_max != figure->year))
    /* Translators: the years of the member data used, with a tolerance, e.g. " (data of 2020–2022)" */
    years = g_strdup_printf (_(" (data of %d–%d)"), figure->year_min, figure->year_max);
  if (figure->members_year == DSR_AS_OF_CURRENT)
    /* Translators: e.g. "unweighted mean of 44 of 52 economies" */
    return g_strdup_printf (ngettext ("%s of %u of %u economy%s", "%s of %u of %u economies%s", figure->total),
                            rule, figure->n, figure->total, years ? years : "");
  /* Translators: e.g. "unweighted mean of 44 of 52 economies (members as of 2022)" */
  return g_strdup_printf (ngettext ("%s of %u of %u economy, members as of %d%s",
                                    "%s of %u of %u economies, members as of %d%s", figure->total),
                          rule, figure->n, figure->total, figure->members_year, years ? years : "");
}

static void
figure_init (DsrFigure *out,
             int        year,
             DsrAggregation rule)
{
  *out = (DsrFigure) { 0 };
  out->status = DSR_FIGURE_NO_DATA;
  out->value = NAN;
  out->rule = rule;
  out->year = year;
  out->source = "";
  out->note = "";
}

/* A value as the store holds it: observed or reported, with its source. */
static void
figure_from_observation (DsrFigure            *out,
                         const DsrObservation *obs)
{
  out->status = DSR_FIGURE_VALUE;
  out->value = obs->value;
  out->basis = obs->basis;
  out->qualifier = obs->qualifier;
  out->source = obs->source ? obs->source : "";
  out->note = obs->note ? obs->note : "";
  out->year_min = out->year_max = obs->year;
}

/* The entity's own value (observed or reported), in @year or, within the
 * tolerance, the nearest year (the earlier one on a tie). */
static gboolean
own_value (DsrFigures *self,
           const char *entity_id,
           int         year,
           DsrFigure  *out)
{
  DsrObservation obs;

  for (int d = 0; d <= self->tolerance; d++)
    {
      int candidates[2] = { year - d, year + d };

      for (guint c = 0; c < (d == 0 ? 1u : 2u); c++)
        if (dsr_store_lookup (self->store, self->indicator_id, entity_id, candidates[c], &obs))
          {
            figure_from_observation (out, &obs);
            return TRUE;
          }
    }
  return FALSE;
}

static gboolean
computed_value (DsrFigures *self,
                GPtrArray  *members,
                int         year,
                int         members_year,
                DsrFigure  *out)
{
  DsrAggregateOptions options = { .as_of = members_year, .tolerance = self->tolerance, .rule = self->rule };
  DsrAggregate agg;
  g_autofree char *described = NULL;
  g_autofree char *source = NULL;

  out->basis = DSR_BASIS_COMPUTED;
  out->members_year = members_year;
  if (self->rule == DSR_AGGREGATION_NONE || members->len == 0)
    return FALSE;

  dsr_store_compute_mean (self->store, self->indicator_id, members, year, &options, &agg);
  out->n = agg.n;
  out->total = agg.total;
  out->coverage = agg.coverage;
  out->year_min = agg.year_min;
  out->year_max = agg.year_max;
  /* At least one member, and the share the rule asks for (a rounding margin
   * keeps 2 of 3 at two thirds). */
  if (agg.n == 0 || agg.coverage + 1e-9 < self->min_coverage)
    {
      out->status = DSR_FIGURE_INSUFFICIENT;
      return FALSE;
    }
  out->status = DSR_FIGURE_VALUE;
  out->value = agg.value;
  described = dsr_figure_describe (out);
  /* Translators: the source of a computed value: how, then the data's source,
   * e.g. "unweighted mean of 44 of 52 economies; World Bank WDI, updated 2025-01-28" */
  source = g_strdup_printf (_("%s; %s"), described, dsr_indicator_get_source (self->indicator));
  out->source = g_intern_string (source);
  return TRUE;
}

static const DsrRegion *
region_of_entity (DsrStore   *store,
                  const char *entity_id)
{
  const char *colon = strchr (entity_id, ':');
  g_autofree char *grouping_id = NULL;
  DsrGrouping *grouping;

  if (colon == NULL)
    return NULL;
  grouping_id = g_strndup (entity_id, colon - entity_id);
  grouping = dsr_store_get_grouping (store, grouping_id);
  return grouping ? dsr_grouping_find_region (grouping, colon + 1) : NULL;
}

/**
 * dsr_figures_get:
 * @year: the year of the figure
 * @members_year: a region's members are those as of this year
 *
 * The figure of @entity in @year. TRUE when there is a value to show;
 * otherwise @out->status says whether there is no data or too little.
 */
gboolean
dsr_figures_get (DsrFigures *self,
                 DsrEntity  *entity,
                 int         year,
                 int         members_year,
                 DsrFigure  *out)
{
  const char *id;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  figure_init (out, year, self->rule);
  if (self->indicator == NULL)
    return FALSE;
  id = dsr_entity_get_id (entity);

  switch (dsr_entity_get_kind (entity))
    {
    case DSR_ENTITY_COUNTRY:
    case DSR_ENTITY_AGGREGATE:
      return own_value (self, id, year, out);

    case DSR_ENTITY_WORLD:
      return dsr_figures_world (self, year, members_year, out);

    case DSR_ENTITY_BRI:
      {
        DsrGrouping *bri = dsr_store_get_bri_grouping (self->store);
        g_autoptr(GPtrArray) members = NULL;

        if (!self->country_values || bri == NULL)
          return own_value (self, id, year, out);
        members = dsr_grouping_members_as_of (bri, members_year);
        return computed_value (self, members, year, members_year, out);
      }

    case DSR_ENTITY_REGION:
      {
        const DsrRegion *region = region_of_entity (self->store, id);
        g_autoptr(GPtrArray) members = NULL;

        if (!self->country_values || region == NULL)
          return own_value (self, id, year, out);
        members = dsr_region_members_as_of (region, members_year);
        return computed_value (self, members, year, members_year, out);
      }

    default:
      return FALSE;
    }
}

/**
 * dsr_figures_world:
 *
 * The world figure that regions are compared with, like for like: computed
 * by the same rule over every economy when the indicator has country values
 * and they cover enough of the world; else the world value a source
 * reported (the paper's, the World Bank's), which says so in its basis.
 */
gboolean
dsr_figures_world (DsrFigures *self,
                   int         year,
                   int         members_year,
                   DsrFigure  *out)
{
  DsrFigure reported;

  figure_init (out, year, self->rule);
  if (self->indicator == NULL)
    return FALSE;
  if (!self->country_values)
    return own_value (self, DSR_ENTITY_ID_WORLD, year, out);
  if (self->countries == NULL)
    self->countries = dsr_store_list_countries (self->store);
  /* The world's members do not change with the Belt and Road's. */
  if (computed_value (self, self->countries, year, DSR_AS_OF_CURRENT, out))
    return TRUE;
  figure_init (&reported, year, self->rule);
  if (own_value (self, DSR_ENTITY_ID_WORLD, year, &reported))
    {
      *out = reported;
      return TRUE;
    }
  return FALSE;
}

/**
 * dsr_figures_compare:
 *
 * @figure against @world, like for like: a mean minus the world's mean
 * (in the indicator's unit), a sum as a share of the world's total (%).
 * NAN when either has no value.
 */
double
dsr_figures_compare (DsrFigures      *self,
                     const DsrFigure *figure,
                     const DsrFigure *world)
{
  if (figure->status != DSR_FIGURE_VALUE || world->status != DSR_FIGURE_VALUE)
    return NAN;
  if (self->rule == DSR_AGGREGATION_SUM)
    return world->value != 0 ? figure->value / world->value * 100.0 : NAN;
  return figure->value - world->value;
}

/**
 * dsr_figures_reference:
 *
 * What the indicator's reference (a publication's printed figures for the
 * same measure: the paper's Figure 4) gives for @entity in @year, or the
 * year before or after (a report's year is often its data's year plus one).
 */
gboolean
dsr_figures_reference (DsrFigures *self,
                       DsrEntity  *entity,
                       int         year,
                       DsrFigure  *out)
{
  const char *id = dsr_entity_get_id (entity);
  const int years[] = { year, year + 1, year - 1 };
  DsrObservation obs;

  figure_init (out, year, self->rule);
  if (self->reference == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    if (dsr_store_lookup (self->store, dsr_indicator_get_id (self->reference), id, years[i], &obs))
      {
        figure_from_observation (out, &obs);
        return TRUE;
      }
  return FALSE;
}

/* Whether a year can be shown as a whole: the world and at least half of
 * the grouping's regions have a value, with the members as of that year. */
static gboolean
year_is_good (DsrFigures  *self,
              DsrGrouping *grouping,
              int          year)
{
  DsrFigure figure;
  guint n_regions, n_good = 0;

  if (!dsr_figures_world (self, year, year, &figure))
    return FALSE;
  n_regions = grouping ? dsr_grouping_get_n_regions (grouping) : 0;
  for (guint r = 0; r < n_regions; r++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, r);
      DsrEntity *entity = dsr_store_get_entity (self->store, dsr_region_get_entity_id (region));

      if (entity != NULL && dsr_figures_get (self, entity, year, year, &figure))
        n_good++;
    }
  return n_good * 2 >= n_regions;
}

/**
 * dsr_figures_good_years:
 *
 * The years in which the world and most of @grouping's regions meet the
 * coverage rule, ascending: the years a slider marks and Play steps through.
 */
GArray *
dsr_figures_good_years (DsrFigures  *self,
                        DsrGrouping *grouping)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) years = NULL;

  if (self->indicator == NULL)
    return out;
  years = dsr_store_get_years (self->store, self->indicator_id);
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);

      if (year_is_good (self, grouping, year))
        g_array_append_val (out, year);
    }
  return out;
}

/**
 * dsr_figures_default_year:
 *
 * The latest year in which the world and most regions meet the coverage
 * rule; failing that, the latest year with any value; 0 when none.
 */
int
dsr_figures_default_year (DsrFigures  *self,
                          DsrGrouping *grouping)
{
  g_autoptr(GArray) years = NULL;

  if (self->indicator == NULL)
    return 0;
  years = dsr_store_get_years (self->store, self->indicator_id);
  for (guint i = years->len; i > 0; i--)
    {
      int year = g_array_index (years, int, i - 1);

      if (year_is_good (self, grouping, year))
        return year;
    }
  return years->len > 0 ? g_array_index (years, int, years->len - 1) : 0;
}
