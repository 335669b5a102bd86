/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-values"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-chart-data.h"
#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-format.h"
#include "dsr-map-values.h"

/* Decimals of a share of the world total (%). */
#define SHARE_DECIMALS 2

const char *
dsr_map_mode_to_string (DsrMapMode mode)
{
  return mode == DSR_MAP_MODE_REGION ? "region" : "country";
}

static void
map_values_clear (gpointer data)
{
  DsrMapValues *values = data;

  g_clear_pointer (&values->figures, dsr_figures_free);
  g_clear_object (&values->store);
  g_clear_pointer (&values->view, dsr_view_free);
  g_clear_pointer (&values->regions, g_array_unref);
  g_clear_pointer (&values->values, g_array_unref);
  g_clear_pointer (&values->by_numeric, g_hash_table_unref);
  g_free (values->sources);
}

/* The values are shared (an export's check, summary and drawing use the
 * same ones): a reference each, read-only once made. */
DsrMapValues *
dsr_map_values_ref (DsrMapValues *values)
{
  g_return_val_if_fail (values != NULL, NULL);
  return g_rc_box_acquire (values);
}

/* Drops a reference; the last frees them. */
void
dsr_map_values_free (DsrMapValues *values)
{
  if (values != NULL)
    g_rc_box_release_full (values, map_values_clear);
}

static GPtrArray *
store_countries (DsrStore *store)
{
  GListModel *entities = dsr_store_get_entities (store);
  guint n = g_list_model_get_n_items (entities);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      DsrEntity *entity = g_list_model_get_item (entities, i);

      if (dsr_entity_get_kind (entity) == DSR_ENTITY_COUNTRY)
        g_ptr_array_add (out, entity);
      else
        g_object_unref (entity);
    }
  return out;
}

/* The fields every value repeats from its figure. */
static void
take_figure (DsrMapValue     *v,
             const DsrFigure *figure)
{
  v->figure = *figure;
  v->status = figure->status;
  v->value = figure->status == DSR_FIGURE_VALUE ? figure->value : NAN;
  v->basis = figure->basis;
  v->qualifier = figure->qualifier;
  v->n = figure->n;
  v->total = figure->total;
  v->source = figure->source;
  v->data_year = figure->year_min;
}

/* The world figure regions and economies are compared with, like for like. */
static void
world_value (DsrMapValues *self)
{
  DsrMapValue *w = &self->world;
  DsrFigure figure;

  *w = (DsrMapValue) { .value = NAN, .shown = NAN, .klass = -1 };
  w->entity = dsr_store_get_entity (self->store, DSR_ENTITY_ID_WORLD);
  w->entity_id = DSR_ENTITY_ID_WORLD;
  w->name = w->entity ? dsr_entity_get_name (w->entity) : _("World");
  dsr_figures_world (self->figures, self->year, self->year, &figure);
  take_figure (w, &figure);
}

/* Every region of the view's grouping with its figure, members as of the year. */
static void
region_values (DsrMapValues *self)
{
  guint n = self->grouping ? dsr_grouping_get_n_regions (self->grouping) : 0;

  for (guint r = 0; r < n; r++)
    {
      DsrRegion *region = dsr_grouping_get_region (self->grouping, r);
      DsrMapRegionValue rv = { 0 };
      DsrEntity *entity;

      rv.region = region;
      rv.entity_id = dsr_region_get_entity_id (region);
      entity = dsr_store_get_entity (self->store, rv.entity_id);
      rv.name = entity ? dsr_entity_get_name (entity) : dsr_region_get_name (region);
      rv.klass = -1;
      rv.figure = (DsrFigure) { .status = DSR_FIGURE_NO_DATA, .value = NAN, .year = self->year,
                                .source = "", .note = "" };
      if (entity != NULL)
        dsr_figures_get (self->figures, entity, self->year, self->year, &rv.figure);
      rv.status = rv.figure.status;
      rv.value = rv.status == DSR_FIGURE_VALUE ? rv.figure.value : NAN;
      rv.basis = rv.figure.basis;
      rv.qualifier = rv.figure.qualifier;
      rv.n = rv.figure.n;
      rv.total = rv.figure.total;
      rv.source = rv.figure.source;
      g_array_append_val (self->regions, rv);
    }
}

static const DsrMapRegionValue *
find_region (DsrMapValues    *self,
             const DsrRegion *region)
{
  for (guint r = 0; r < self->regions->len; r++)
    if (g_array_index (self->regions, DsrMapRegionValue, r).region == region)
      return &g_array_index (self->regions, DsrMapRegionValue, r);
  return NULL;
}

typedef struct
{
  char        *key;  /* g_utf8_collate_key() of the name: collating once is much faster */
  DsrMapValue  value;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const Sortable *) a)->key, ((const Sortable *) b)->key);
}

/* @values by name, in the locale's order. */
static void
sort_by_name (GArray *values)
{
  g_autofree Sortable *items = g_new (Sortable, MAX (values->len, 1));

  for (guint i = 0; i < values->len; i++)
    {
      items[i].value = g_array_index (values, DsrMapValue, i);
      items[i].key = g_utf8_collate_key (items[i].value.name, -1);
    }
  qsort (items, values->len, sizeof (Sortable), compare_sortable);
  for (guint i = 0; i < values->len; i++)
    {
      g_array_index (values, DsrMapValue, i) = items[i].value;
      g_free (items[i].key);
    }
}

static gboolean
is_member (DsrGrouping *grouping,
           const char  *entity_id,
           int          year)
{
  DsrRegion *region = grouping ? dsr_grouping_region_of (grouping, entity_id) : NULL;

  return region != NULL && dsr_region_has_member_as_of (region, entity_id, year);
}

/* Every member economy, the initiator, and (country mode) every economy
 * with a value of its own, each with what it is painted with. */
static void
economy_values (DsrMapValues *self,
                GPtrArray    *countries)
{
  for (guint i = 0; i < countries->len; i++)
    {
      DsrEntity *entity = g_ptr_array_index (countries, i);
      DsrMapValue v = { 0 };
      DsrFigure own;

      v.entity = entity;
      v.entity_id = dsr_entity_get_id (entity);
      v.name = dsr_entity_get_name (entity);
      v.numeric = dsr_entity_get_numeric (entity);
      v.value = NAN;
      v.klass = -1;

      v.member = is_member (self->membership, v.entity_id, self->year);
      v.initiator = !v.member && self->membership_is_bri && g_str_equal (v.entity_id, DSR_MAP_INITIATOR_ID);
      if (self->grouping != NULL && is_member (self->grouping, v.entity_id, self->year))
        v.region = find_region (self, dsr_grouping_region_of (self->grouping, v.entity_id));

      if (self->mode == DSR_MAP_MODE_COUNTRY || v.initiator)
        dsr_figures_get (self->figures, entity, self->year, self->year, &own);
      if (self->mode == DSR_MAP_MODE_COUNTRY)
        {
          take_figure (&v, &own);
          v.painted = (v.member || v.initiator) && v.status == DSR_FIGURE_VALUE;
          if (!v.member && !v.initiator && v.status != DSR_FIGURE_VALUE)
            continue;
        }
      else if (v.member)
        {
          if (v.region != NULL)
            take_figure (&v, &v.region->figure);
          else
            take_figure (&v, &(DsrFigure) { .status = DSR_FIGURE_NO_DATA, .value = NAN, .year = self->year,
                                            .source = "", .note = "" });
          v.painted = v.status == DSR_FIGURE_VALUE;
        }
      else if (v.initiator)
        /* Not in a region: its own value for the tooltip, not painted. */
        take_figure (&v, &own);
      else
        continue;
      g_array_append_val (self->values, v);
    }
  sort_by_name (self->values);
}

/* The source line names the data; how a computed value was made is in the
 * note (and in the tooltip), not repeated there. */
static void
add_source (GPtrArray  *seen,
            const char *source)
{
  if (source != NULL && *source != '\0'
      && !g_ptr_array_find_with_equal_func (seen, source, g_str_equal, NULL))
    g_ptr_array_add (seen, (gpointer) source);
}

static const char *
data_source (DsrMapValues    *self,
             const DsrFigure *figure)
{
  return figure->basis == DSR_BASIS_COMPUTED ? dsr_indicator_get_source (self->indicator) : figure->source;
}

/* What the map shows of a figure: the figure, or its comparison with the world. */
static double
shown_of (DsrMapValues    *self,
          const DsrFigure *figure)
{
  if (figure->status != DSR_FIGURE_VALUE)
    return NAN;
  if (self->compared)
    return dsr_figures_compare (self->figures, figure, &self->world.figure);
  return figure->value;
}

/* Shown values, classes and sources. */
static gboolean
classify (DsrMapValues  *self,
          DsrBinning     binning,
          guint          n_classes,
          GError       **error)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  self->world.shown = self->compared ? (self->diverging ? 0.0 : 100.0) : self->world.value;
  if (!isfinite (self->world.value))
    self->world.shown = NAN;
  for (guint r = 0; r < self->regions->len; r++)
    {
      DsrMapRegionValue *rv = &g_array_index (self->regions, DsrMapRegionValue, r);

      rv->shown = shown_of (self, &rv->figure);
      if (self->mode == DSR_MAP_MODE_REGION && isfinite (rv->shown))
        g_array_append_val (shown, rv->shown);
    }
  for (guint i = 0; i < self->values->len; i++)
    {
      DsrMapValue *v = &g_array_index (self->values, DsrMapValue, i);

      v->shown = shown_of (self, &v->figure);
      if (!isfinite (v->shown))
        v->painted = FALSE;
      if (self->mode == DSR_MAP_MODE_COUNTRY && v->painted)
        {
          g_array_append_val (shown, v->shown);
          add_source (seen, data_source (self, &v->figure));
        }
    }

  /* A region's value counts once, however many members it has. */
  if (shown->len > 0
      && !dsr_bins_compute (&self->bins, (const double *) shown->data, shown->len, binning, n_classes,
                            error))
    return FALSE;
  self->bins.method = binning;
  /* Differences: no class holds values both above and below the world's. */
  if (self->diverging)
    dsr_bins_split_at (&self->bins, 0.0);

  for (guint r = 0; r < self->regions->len; r++)
    {
      DsrMapRegionValue *rv = &g_array_index (self->regions, DsrMapRegionValue, r);

      rv->klass = dsr_bins_classify (&self->bins, rv->shown);
      if (self->mode == DSR_MAP_MODE_REGION && isfinite (rv->shown))
        add_source (seen, data_source (self, &rv->figure));
    }
  for (guint i = 0; i < self->values->len; i++)
    {
      DsrMapValue *v = &g_array_index (self->values, DsrMapValue, i);

      v->klass = dsr_bins_classify (&self->bins, v->shown);
      if (v->numeric > 0)
        g_hash_table_insert (self->by_numeric, GINT_TO_POINTER (v->numeric), GUINT_TO_POINTER (i + 1));
    }
  /* The world figure is on the legend. */
  if (isfinite (self->world.value))
    add_source (seen, data_source (self, &self->world.figure));

  g_ptr_array_add (seen, NULL);
  self->sources = g_strjoinv ("; ", (char **) seen->pdata);
  return TRUE;
}

/**
 * dsr_map_values_new:
 * @view: what to show: DsrView.indicator_id and year (0: the default),
 *   grouping_id (%NULL: the first grouping with values), compare,
 *   aggregation, min_coverage, tolerance and map_regions
 * @binning: how to make the classes
 * @n_classes: from %DSR_BINS_MIN_CLASSES to %DSR_BINS_MAX_CLASSES; 0 for
 *   %DSR_BINS_DEFAULT_CLASSES
 *
 * Gathers the values of a map from one DsrFigures, members as of the
 * view's year. Country mode when the indicator has values for economies
 * (each economy its own figure), unless DsrView.map_regions asks for region
 * mode; region mode paints every member of the grouping with its region's
 * figure, when that figure meets the coverage rule.
 *
 * Returns: (transfer full): the values, or %NULL with an error in
 *   %DSR_ERROR that names the choice that is not valid (as the charts do)
 */
DsrMapValues *
dsr_map_values_new (DsrStore       *store,
                    const DsrView  *view,
                    DsrBinning      binning,
                    guint           n_classes,
                    GError        **error)
{
  g_autoptr(DsrMapValues) self = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(DsrView) resolved = NULL;
  DsrGrouping *bri;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (n_classes == 0)
    n_classes = DSR_BINS_DEFAULT_CLASSES;
  if (!dsr_bins_check_classes (n_classes, error))
    return NULL;

  resolved = dsr_chart_resolve_view (store, view, error);
  if (resolved == NULL)
    return NULL;
  resolved->kind = DSR_VIEW_MAP;

  self = g_rc_box_new0 (DsrMapValues);
  self->store = g_object_ref (store);
  self->view = g_steal_pointer (&resolved);
  self->indicator = dsr_store_get_indicator (store, self->view->indicator_id);
  self->grouping = self->view->grouping_id ? dsr_store_get_grouping (store, self->view->grouping_id) : NULL;
  self->year = self->view->year;
  self->figures = dsr_figures_new (store, self->view);
  self->rule = dsr_figures_get_rule (self->figures);
  self->min_coverage = CLAMP (isfinite (self->view->min_coverage) ? self->view->min_coverage
                                                                   : DSR_DEFAULT_MIN_COVERAGE, 0.0, 1.0);
  self->compared = self->view->compare == DSR_COMPARE_WORLD_DIFF;
  self->diverging = self->compared && self->rule != DSR_AGGREGATION_SUM;
  self->decimals = self->compared && !self->diverging ? SHARE_DECIMALS : dsr_indicator_get_decimals (self->indicator);
  self->regions = g_array_new (FALSE, FALSE, sizeof (DsrMapRegionValue));
  self->values = g_array_new (FALSE, FALSE, sizeof (DsrMapValue));
  self->by_numeric = g_hash_table_new (NULL, NULL);

  self->mode = dsr_figures_has_country_values (self->figures) && !self->view->map_regions
               ? DSR_MAP_MODE_COUNTRY : DSR_MAP_MODE_REGION;
  /* Who is painted: the Belt and Road's members in country mode, the
   * grouping's in region mode. */
  bri = dsr_store_get_bri_grouping (store);
  self->membership = self->mode == DSR_MAP_MODE_COUNTRY && bri != NULL ? bri : self->grouping;
  self->membership_is_bri = self->membership != NULL
                            && (self->membership == bri
                                || g_str_has_prefix (dsr_grouping_get_id (self->membership), "bri-"));

  world_value (self);
  if (self->compared && !isfinite (self->world.value))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                   _("There is no world figure of %s for %d to compare with"),
                   self->view->indicator_id, self->year);
      return NULL;
    }
  countries = store_countries (store);
  region_values (self);
  economy_values (self, countries);
  if (!classify (self, binning, n_classes, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The economy with ISO 3166 numeric code @numeric, if the map lists it. */
const DsrMapValue *
dsr_map_values_lookup (const DsrMapValues *values,
                       int                 numeric)
{
  guint index;

  g_return_val_if_fail (values != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (values->by_numeric, GINT_TO_POINTER (numeric)));
  return index > 0 ? &g_array_index (values->values, DsrMapValue, index - 1) : NULL;
}

/* A value as the map prints it: the indicator's decimals, "about" and the
 * like, and with @signed_ a "+" on positive differences. */
char *
dsr_map_values_format (const DsrMapValues *values,
                       double              value,
                       DsrQualifier        qualifier,
                       gboolean            signed_)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (values != NULL, NULL);

  if (!signed_)
    return dsr_format_value (value, values->decimals, qualifier);
  number = dsr_format_number (value, values->decimals);
  if (value >= 0.5 * pow (10, -CLAMP (values->decimals, 0, 6)))
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
}

static char *
format_shown (const DsrMapValues *values,
              double              shown,
              DsrQualifier        qualifier,
              int                 decimals)
{
  g_autofree char *number = NULL;

  if (values->compared && !values->diverging)
    {
      number = dsr_format_number (shown, decimals);
      return g_strconcat (number, "%", NULL);
    }
  if (!values->diverging)
    return dsr_format_value (shown, decimals, qualifier);
  number = dsr_format_number (shown, decimals);
  if (shown >= 0.5 * pow (10, -CLAMP (decimals, 0, 6)))
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
}

/* A shown value: a signed difference, a share with "%", or the value. */
char *
dsr_map_values_format_shown (const DsrMapValues *values,
                             double              shown,
                             DsrQualifier        qualifier)
{
  g_return_val_if_fail (values != NULL, NULL);

  return format_shown (values, shown, qualifier, values->decimals);
}

/* A class break on the legend, with @extra_decimals more than the values
 * have (breaks that would print alike, "0.00 0.00", get more). */
char *
dsr_map_values_format_break (const DsrMapValues *values,
                             double              shown,
                             int                 extra_decimals)
{
  g_return_val_if_fail (values != NULL, NULL);

  return format_shown (values, shown, DSR_QUALIFIER_EXACT, MIN (values->decimals + extra_decimals, 6));
}

/* What the shown values are: the figure, a difference from the world's
 * mean, or a share of the world's total. */
const char *
dsr_map_values_get_measure (const DsrMapValues *values)
{
  if (!values->compared)
    /* Translators: what a map's values are (as opposed to compared with the world) */
    return _("value");
  return dsr_compare_to_unit_label (values->rule);
}

/* The legend's label for the land of economies that are not painted. */
const char *
dsr_map_values_non_member_label (const DsrMapValues *values)
{
  if (values->membership == NULL || values->membership_is_bri)
    return _("Not a Belt and Road economy");
  return _("Not in the grouping");
}

/* "37.91 %", or "37.91" without a unit. */
static char *
format_with_unit (const DsrMapValues *values,
                  double              value,
                  DsrQualifier        qualifier)
{
  g_autofree char *number = dsr_format_value (value, dsr_indicator_get_decimals (values->indicator), qualifier);
  const char *unit = dsr_indicator_get_unit (values->indicator);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* Translators: a value and its unit, e.g. "37.91 %" */
  return g_strdup_printf (_("%s %s"), number, unit);
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* "(at least 67% of the members needed)" */
static char *
threshold_text (const DsrMapValues *values)
{
  /* Translators: the coverage rule of regional values, e.g. "at least 67% of the members with data" */
  return g_strdup_printf (_("at least %.0f%% of the members with data"), values->min_coverage * 100.0);
}

static void
append_comparison (GString            *text,
                   const DsrMapValues *values,
                   double              shown,
                   DsrQualifier        qualifier)
{
  g_autofree char *number = NULL;
  g_autofree char *line = NULL;

  if (!values->compared || !isfinite (shown))
    return;
  number = dsr_map_values_format_shown (values, shown, qualifier);
  /* Translators: e.g. "difference from the world mean: +4.20" */
  line = g_strdup_printf (_("%s: %s"), dsr_map_values_get_measure (values), number);
  append_line (text, line);
}

/* A region's figure in one line: "Africa (unweighted mean of 44 of 52
 * economies, members as of 2022): 37.91 %", never as an economy's own. */
static char *
describe_region (const DsrMapValues      *values,
                 const DsrMapRegionValue *region)
{
  const DsrFigure *f = &region->figure;

  if (f->status == DSR_FIGURE_VALUE)
    {
      g_autofree char *how = f->basis == DSR_BASIS_COMPUTED ? dsr_figure_describe (f)
                                                            /* Translators: a region's value as the source gave it */
                                                            : g_strdup (_("as reported"));
      g_autofree char *number = format_with_unit (values, f->value, f->qualifier);

      /* Translators: a region's figure, e.g. "Africa (unweighted mean of 44 of 52 economies): 37.91 %" */
      return g_strdup_printf (_("%s (%s): %s"), region->name, how, number);
    }
  if (f->status == DSR_FIGURE_INSUFFICIENT)
    {
      g_autofree char *rule = threshold_text (values);

      /* Translators: e.g. "Africa: insufficient data, 1 of 52 economies (at least 67% of the members with data)" */
      return g_strdup_printf (ngettext ("%s: insufficient data, %u of %u economy (%s)",
                                        "%s: insufficient data, %u of %u economies (%s)", f->total),
                              region->name, f->n, f->total, rule);
    }
  /* Translators: a region without a figure */
  return g_strdup_printf (_("%s: no data"), region->name);
}

/**
 * dsr_map_values_describe:
 * @value: an economy of the map
 *
 * What the map says of @value, in plain text lines (the widget's tooltip
 * under the economy's name): in region mode the region's figure, named as
 * the region's with its rule and coverage; in country mode the economy's
 * own value and its year (and the year of the data when a tolerance took
 * another); the comparison with the world in compare mode; the source.
 */
char *
dsr_map_values_describe (const DsrMapValues *values,
                         const DsrMapValue  *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const DsrFigure *f = &value->figure;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (values->mode == DSR_MAP_MODE_REGION && value->member)
    {
      g_autofree char *line = NULL;

      if (value->region == NULL)
        {
          append_line (text, _("No data"));
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
      line = describe_region (values, value->region);
      append_line (text, line);
      append_comparison (text, values, value->shown, value->qualifier);
      if (f->status == DSR_FIGURE_VALUE && f->basis != DSR_BASIS_COMPUTED && *f->source != '\0')
        append_line (text, f->source);
      else if (f->status == DSR_FIGURE_VALUE)
        append_line (text, dsr_indicator_get_source (values->indicator));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (value->region != NULL && values->mode == DSR_MAP_MODE_COUNTRY)
    append_line (text, value->region->name);
  if (value->initiator)
    append_line (text, _("Initiator of the Belt and Road, not in its regions"));
  else if (!value->member)
    append_line (text, dsr_map_values_non_member_label (values));

  if (f->status == DSR_FIGURE_VALUE)
    {
      g_autofree char *number = format_with_unit (values, f->value, f->qualifier);
      g_autofree char *line = NULL;

      if (value->data_year != 0 && value->data_year != values->year)
        /* Translators: an economy's value when the nearest year's data was used, e.g. "85.00 % (data of 2021)" */
        line = g_strdup_printf (_("%s (data of %d)"), number, value->data_year);
      else
        /* Translators: an economy's own value and its year, e.g. "85.00 % (2022)" */
        line = g_strdup_printf (_("%s (%d)"), number, values->year);
      append_line (text, line);
      if (value->painted)
        append_comparison (text, values, value->shown, value->qualifier);
      append_line (text, dsr_basis_to_label (f->basis));
      if (*f->source != '\0')
        append_line (text, f->source);
    }
  else
    append_line (text, _("No data"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * dsr_map_values_describe_world:
 *
 * The world figure and its basis: "World: unweighted mean of 190 of 217
 * economies", or how far it is from the coverage rule; %NULL when there
 * is no world figure at all.
 */
char *
dsr_map_values_describe_world (const DsrMapValues *values)
{
  g_autofree char *how = NULL;

  g_return_val_if_fail (values != NULL, NULL);

  if (values->world.status == DSR_FIGURE_INSUFFICIENT)
    {
      g_autofree char *rule = threshold_text (values);

      return g_strdup_printf (ngettext ("%s: insufficient data, %u of %u economy (%s)",
                                        "%s: insufficient data, %u of %u economies (%s)", values->world.total),
                              values->world.name, values->world.n, values->world.total, rule);
    }
  if (values->world.status != DSR_FIGURE_VALUE)
    return NULL;
  how = values->world.basis == DSR_BASIS_COMPUTED ? dsr_figure_describe (&values->world.figure)
                                                  : g_strdup (_("as reported"));
  /* Translators: the world figure's basis, e.g. "World: unweighted mean of 190 of 217 economies" */
  return g_strdup_printf (_("%s: %s"), values->world.name, how);
}

/* The CSV's "measure": what the shown values are (as the charts say it). */
static const char *
measure_to_string (const DsrMapValues *values)
{
  if (!values->compared)
    return "value";
  return values->diverging ? "difference-from-world-mean" : "percent-of-world-total";
}

static void
csv_row (GString            *csv,
         const DsrMapValues *values,
         const char         *entity_id,
         const char         *name,
         const char         *kind,
         const DsrFigure    *f,
         double              shown)
{
  gboolean computed = f->basis == DSR_BASIS_COMPUTED;
  gboolean insufficient = f->status == DSR_FIGURE_INSUFFICIENT;
  g_autofree char *year = g_strdup_printf ("%d", values->year);
  g_autofree char *value = isfinite (shown) && !insufficient ? dsr_export_csv_number (shown) : NULL;
  g_autofree char *n = computed ? g_strdup_printf ("%u", f->n) : NULL;
  g_autofree char *total = computed ? g_strdup_printf ("%u", f->total) : NULL;
  g_autofree char *members = computed && f->members_year > 0 ? g_strdup_printf ("%d", f->members_year) : NULL;
  const char *fields[DSR_EXPORT_CSV_N_COLUMNS] = {
    entity_id, name, kind, values->view->indicator_id, year, value,
    insufficient ? "insufficient-data" : measure_to_string (values), dsr_basis_to_string (f->basis),
    computed ? dsr_aggregation_to_string (f->rule) : NULL, n, total, members, f->source,
  };

  /* The charts' row writer: text cells safe from spreadsheet formulas. */
  dsr_export_csv_append_row (csv, fields);
}

/**
 * dsr_map_values_write_csv:
 * @csv: where the rows go, after a %DSR_MAP_CSV_HEADER line the caller wrote
 *
 * Writes exactly the numbers the map shows: the world figure, then each
 * region's figure in region mode (an insufficient one with its coverage and
 * no value), or each economy painted with its own value in country mode.
 * The value column holds what the map shows (in compare mode the
 * comparison, which the measure column names).
 */
void
dsr_map_values_write_csv (const DsrMapValues *values,
                          GString            *csv)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (csv != NULL);

  if (values->world.status == DSR_FIGURE_VALUE)
    csv_row (csv, values, DSR_ENTITY_ID_WORLD, values->world.name,
             dsr_entity_kind_to_string (DSR_ENTITY_WORLD), &values->world.figure, values->world.shown);

  if (values->mode == DSR_MAP_MODE_REGION)
    for (guint i = 0; i < values->regions->len; i++)
      {
        const DsrMapRegionValue *r = &g_array_index (values->regions, DsrMapRegionValue, i);

        if (r->status != DSR_FIGURE_NO_DATA)
          csv_row (csv, values, r->entity_id, r->name, dsr_entity_kind_to_string (DSR_ENTITY_REGION),
                   &r->figure, r->shown);
      }
  else
    for (guint i = 0; i < values->values->len; i++)
      {
        const DsrMapValue *v = &g_array_index (values->values, DsrMapValue, i);

        if (v->painted)
          csv_row (csv, values, v->entity_id, v->name, dsr_entity_kind_to_string (DSR_ENTITY_COUNTRY),
                   &v->figure, v->shown);
      }
}
