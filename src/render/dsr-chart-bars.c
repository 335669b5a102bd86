/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-bars"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-render-private.h"
#include "dsr-scale.h"

/* Bars: one horizontal bar per region for one indicator and year, largest
 * first, the value printed at the end of each bar, the world (and the Belt
 * and Road) average as labelled vertical lines, as in the paper's Figures
 * 2–4. In difference mode the bars grow left or right from the world average. */

typedef struct
{
  const DsrChartValue *value;     /* NULL: a row without a value */
  const DsrChartValue *missing;   /* the row without a value: no data, or insufficient data */
  const char          *raw_name;
  char                *name;      /* fitted to the label column */
  char                *text;      /* the value as printed */
  char                *coverage;  /* "12 of 18 economies" for a computed value */
  double               shown;     /* the value, or its difference from the world */
  double               width;     /* of text and coverage together */
  gboolean             selected;  /* the style's selected region: outlined, its texts bold */
} Row;

static void
row_clear (gpointer p)
{
  Row *row = p;

  g_free (row->name);
  g_free (row->text);
  g_free (row->coverage);
}

typedef struct
{
  DsrCanvas    *c;
  DsrChartData *data;
  gboolean      diff;
  DsrTicks      ticks;
  double        x0, x1;   /* the bars' area: ticks.min .. ticks.max */
} Bars;

static double
bars_x (const Bars *b,
        double      v)
{
  return b->x0 + (v - b->ticks.min) / (b->ticks.max - b->ticks.min) * (b->x1 - b->x0);
}

static char *
tick_text (const Bars *b,
           double      v)
{
  return _dsr_chart_format_tick (b->data, &b->ticks, v, b->diff);
}

/* The most ticks whose labels do not crowd each other. */
static void
fit_ticks (Bars   *b,
           double  lo,
           double  hi)
{
  DsrCanvas *c = b->c;
  guint max_ticks = 10;

  for (;;)
    {
      double widest = 0;

      dsr_scale_nice_ticks (lo, hi, max_ticks, &b->ticks);
      for (guint i = 0; i < b->ticks.n_ticks; i++)
        {
          g_autofree char *text = tick_text (b, dsr_ticks_get (&b->ticks, i));

          widest = MAX (widest, dsr_canvas_text_width (c, text, &dsr_font_small));
        }
      if (max_ticks <= 2
          || (b->x1 - b->x0) / MAX (1, b->ticks.n_ticks - 1) >= widest + c->unit * 1.2)
        return;
      max_ticks = MIN (max_ticks - 1, b->ticks.n_ticks - 1);
    }
}

/* Diagonal hatching as a repeating tile: one pattern fill per bar, instead
 * of hundreds of clipped lines (a vector tile, so SVG and PDF keep it sharp). */
static cairo_pattern_t *
hatch_pattern (DsrCanvas     *c,
               const DsrRgba *color)
{
  double s = MAX (4.0, round (c->unit * 0.4));
  cairo_rectangle_t extents = { 0, 0, s, s };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.22);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (cr, c->line);
  cairo_move_to (cr, -1, s + 1);
  cairo_line_to (cr, s + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, s - 1, s + 1);
  cairo_line_to (cr, s + 1, s - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_identity (&matrix);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_surface_destroy (tile);
  return pattern;
}

static void
draw_hatched_bar (DsrCanvas     *c,
                  const DsrRect *r,
                  const DsrRgba *color)
{
  cairo_pattern_t *pattern = hatch_pattern (c, color);

  cairo_save (c->cr);
  cairo_rectangle (c->cr, r->x, r->y, r->width, r->height);
  cairo_set_source (c->cr, pattern);
  cairo_fill_preserve (c->cr);
  dsr_canvas_set_color (c, color, 1.0);
  cairo_set_line_width (c->cr, c->line * 1.5);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
  cairo_pattern_destroy (pattern);
}

/* A reference line (the world or the Belt and Road average), from its
 * label's row above the plot down through the bars. */
static void
draw_reference_line (Bars          *b,
                     const DsrRgba *color,
                     gboolean       dashed,
                     double         x,
                     double         label_top,
                     const DsrRect *plot,
                     GArray        *avoid)
{
  DsrCanvas *c = b->c;
  double dashes[] = { c->unit * 0.5, c->unit * 0.3 };
  double m = c->unit * 0.2;

  cairo_save (c->cr);
  /* Interrupted at the values printed beside the bars: never through a label. */
  cairo_rectangle (c->cr, 0, 0, c->width, c->height);
  for (guint i = 0; i < avoid->len; i++)
    {
      const DsrRect *r = &g_array_index (avoid, DsrRect, i);

      cairo_rectangle (c->cr, r->x - m, r->y, r->width + 2 * m, r->height);
    }
  cairo_set_fill_rule (c->cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (c->cr);
  dsr_canvas_set_color (c, color, 1.0);
  cairo_set_line_width (c->cr, MAX (2.0, c->unit * 0.15));
  if (dashed)
    cairo_set_dash (c->cr, dashes, 2, 0);
  cairo_move_to (c->cr, x, label_top + dsr_canvas_line_height (c, &dsr_font_small_bold));
  cairo_line_to (c->cr, x, plot->y + plot->height);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

/* Its label, centred on the line where the canvas allows, over a patch of
 * background where another reference line crosses its row. */
static void
draw_reference_label (Bars                *b,
                      const DsrChartValue *value,
                      const DsrRgba       *color,
                      double               x,
                      double               label_top,
                      const DsrRect       *plot,
                      const char          *label)
{
  DsrCanvas *c = b->c;
  double width = dsr_canvas_text_width (c, label, &dsr_font_small_bold);
  double lx = CLAMP (x - width / 2, c->pad, c->width - c->pad - width);
  DsrRect hit = { x - c->unit * 0.3, label_top, c->unit * 0.6, plot->y + plot->height - label_top };
  DsrRect box;

  dsr_canvas_text_rect (c, label, &dsr_font_small_bold, lx, label_top, DSR_TEXT_ANCHOR_START, &box);
  dsr_canvas_halo (c, &box);
  dsr_canvas_text (c, label, &dsr_font_small_bold, color, lx, label_top, DSR_TEXT_ANCHOR_START,
                   DSR_TEXT_REFERENCE, value->entity_id, NULL);
  _dsr_chart_add_hit (c, DSR_HIT_REFERENCE, &hit, value, value->value);
}

static char *
reference_label (Bars                *b,
                 const DsrChartValue *value)
{
  g_autofree char *number = _dsr_chart_format_value (b->data, value->raw, value->qualifier, FALSE);
  g_autofree char *diff = NULL;
  gboolean reported = value->basis != DSR_BASIS_COMPUTED;

  if (b->diff && value->kind != DSR_ENTITY_WORLD)
    {
      g_autofree char *d = _dsr_chart_format_value (b->data, value->value, DSR_QUALIFIER_EXACT, TRUE);

      diff = g_strdup_printf (" (%s)", d);
    }
  if (value->kind == DSR_ENTITY_WORLD)
    return reported
      /* Translators: the world reference line, a value the source printed; %s is the value */
      ? g_strdup_printf (_("World average %s, as reported"), number)
      /* Translators: the world reference line, a mean computed from the economies; %s is the value */
      : g_strdup_printf (_("World mean %s"), number);
  return reported
    /* Translators: the Belt and Road reference line, as printed by the source; %s the value, then a difference */
    ? g_strdup_printf (_("Belt and Road average %s%s, as reported"), number, diff ? diff : "")
    /* Translators: the Belt and Road reference line, computed from its economies */
    : g_strdup_printf (_("Belt and Road mean %s%s"), number, diff ? diff : "");
}

/* "Africa (1 of 52)" for a region with too little data, else its name. */
static char *
missing_name (const DsrChartValue *v)
{
  if (v->status == DSR_FIGURE_INSUFFICIENT)
    return g_strdup_printf ("%s (%u/%u)", v->name, v->n, v->total);
  return g_strdup (v->name);
}

static char *
build_note (DsrChartData *data,
            gboolean      any_computed,
            gboolean      any_reported,
            GPtrArray    *folded)
{
  GString *note = g_string_new (NULL);
  g_autofree char *rules = dsr_chart_data_describe_rules (data);

  if (any_computed && any_reported)
    g_string_append_printf (note, "%s ", _("Hatched bars: computed here; solid bars: as the source reports them."));
  else if (any_computed)
    g_string_append_printf (note, "%s ", _("Hatched bars: computed here from the economies’ values."));
  if (any_computed || data->world.basis == DSR_BASIS_COMPUTED)
    g_string_append (note, rules);
  if (data->rule == DSR_AGGREGATION_SUM && isfinite (data->world.raw))
    {
      double shown_scale = data->scale;
      int decimals = data->decimals;
      g_autofree char *total = NULL;
      g_autofree char *unit = NULL;

      /* The total in its own scale (the bars' may be smaller), then back. */
      data->scale = fabs (data->world.raw) >= 1e12 ? 1e12 : fabs (data->world.raw) >= 1e9 ? 1e9
                    : fabs (data->world.raw) >= 1e6 ? 1e6 : 1.0;
      if (data->diff)
        data->decimals = dsr_indicator_get_decimals (data->indicator);
      total = _dsr_chart_format_value (data, data->world.raw, DSR_QUALIFIER_EXACT, FALSE);
      unit = dsr_chart_data_scaled_unit (data, dsr_indicator_get_unit (data->indicator));
      data->scale = shown_scale;
      data->decimals = decimals;

      g_string_append_c (note, ' ');
      if (data->world.basis == DSR_BASIS_COMPUTED)
        /* Translators: the world's total of a sum indicator, e.g. "World total: 1,263.2 (current US$, billions), sum of 180 of 249 economies." */
        g_string_append_printf (note, _("World total: %s (%s), sum of %u of %u economies."), total, unit,
                                data->world.n, data->world.total);
      else
        /* Translators: the world's total as the source reports it, e.g. "World total, as reported: 1,263.2 (current US$, billions)." */
        g_string_append_printf (note, _("World total, as reported: %s (%s)."), total, unit);
    }
  if (data->any_reference)
    {
      const char *source = "";

      for (guint i = 0; i < data->bars->len && *source == '\0'; i++)
        if (isfinite (g_array_index (data->bars, DsrChartValue, i).reference))
          source = g_array_index (data->bars, DsrChartValue, i).reference_source;
      g_string_append_c (note, ' ');
      /* Translators: the diamond marks on the bars; %s is the publication */
      g_string_append_printf (note, _("Diamonds: as printed in %s."), source);
    }
  if (folded->len > 0 && data->bars->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (folded, NULL);
      names = g_strjoinv (", ", (char **) folded->pdata);
      g_ptr_array_remove_index (folded, folded->len - 1);
      g_string_append_c (note, ' ');
      /* Translators: the regions without a value, e.g. "No data or too little (with data/members): Oceania (1/14)." */
      g_string_append_printf (note, _("No data or too little (with data/members): %s."), names);
    }
  g_strstrip (note->str);
  return g_string_free (note, FALSE);
}

static char *
build_subtitle (DsrChartData *data,
                gboolean      diff)
{
  GString *s = g_string_new (NULL);

  if (diff)
    g_string_append_printf (s, "%s · ", data->rule == DSR_AGGREGATION_SUM ? _("Share of the world total")
                                                                          : _("Difference from the world mean"));
  g_string_append_printf (s, "%d", data->view->year);
  if (data->grouping != NULL)
    g_string_append_printf (s, " · %s", dsr_grouping_get_name (data->grouping));
  if (data->grouping != NULL && dsr_figures_has_country_values (data->figures))
    /* Translators: after the grouping's name in a subtitle */
    g_string_append_printf (s, _(", members as of %d"), data->view->year);
  return g_string_free (s, FALSE);
}

/* The paper's printed value beside a computed bar: a small diamond. */
static void
draw_reference_mark (DsrCanvas     *c,
                     const DsrRgba *color,
                     double         x,
                     double         cy,
                     double         size)
{
  cairo_save (c->cr);
  cairo_move_to (c->cr, x, cy - size);
  cairo_line_to (c->cr, x + size, cy);
  cairo_line_to (c->cr, x, cy + size);
  cairo_line_to (c->cr, x - size, cy);
  cairo_close_path (c->cr);
  dsr_canvas_set_color (c, &c->style->background, 1.0);
  cairo_fill_preserve (c->cr);
  dsr_canvas_set_color (c, color, 1.0);
  cairo_set_line_width (c->cr, MAX (1.5, c->unit * 0.12));
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

void
_dsr_chart_bars_draw (DsrCanvas    *c,
                      DsrChartData *data)
{
  const DsrRenderStyle *st = c->style;
  /* Differences from the world mean grow both ways from it; shares of the
   * world total are drawn as plain bars. */
  Bars b = { .c = c, .data = data, .diff = data->diff && data->rule != DSR_AGGREGATION_SUM };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) avoid = g_array_new (FALSE, FALSE, sizeof (DsrRect));
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *sources = NULL;
  const DsrChartValue *refs[2] = { NULL, NULL };
  const DsrRgba *ref_colors[2] = { &st->world, &st->bri };
  double cat_h, small_h, ref_h, band, bar_h, top_area, cat_w = 0, pad_l = 0, pad_r = 0;
  double lo = 0, hi = 0, world, gap = c->unit * 0.4;
  gboolean any_computed = FALSE, any_reported = FALSE, short_coverage = FALSE;
  guint n_refs = 0;
  DsrRect body, plot;

  g_array_set_clear_func (rows, row_clear);

  if (data->indicator == NULL)
    {
      dsr_canvas_furniture (c, _("No data"), NULL, NULL, NULL, &body);
      dsr_canvas_message (c, &body, _("There is no indicator to show. Load a data pack or import a file."));
      return;
    }

  world = data->world.value;
  /* A region's total is not compared with a line at the world's total. */
  if (isfinite (data->world.value) && data->rule != DSR_AGGREGATION_SUM)
    refs[n_refs++] = &data->world;
  if (isfinite (data->bri.value) && data->rule != DSR_AGGREGATION_SUM)
    refs[n_refs++] = &data->bri;
  if (refs[1] == NULL && refs[0] == &data->bri)
    ref_colors[0] = &st->bri;

  for (guint i = 0; i < data->bars->len; i++)
    {
      gboolean computed = g_array_index (data->bars, DsrChartValue, i).basis == DSR_BASIS_COMPUTED;

      any_computed |= computed;
      any_reported |= !computed;
    }

  cat_h = dsr_canvas_line_height (c, &dsr_font_body);
  small_h = dsr_canvas_line_height (c, &dsr_font_small);
  ref_h = dsr_canvas_line_height (c, &dsr_font_small_bold) + c->unit * 0.25;
  top_area = n_refs * ref_h + c->unit * 0.35;

  /* Regions without data get a row each when there is room, else a note. */
  {
    double estimate = c->height - 2 * c->pad - dsr_canvas_line_height (c, &dsr_font_title)
                      - cat_h - 2 * small_h - c->unit * 1.7 - top_area - 2 * small_h - c->unit * 0.5;
    guint n = data->bars->len + data->no_data->len;

    if (data->no_data->len > 0 && estimate / MAX (n, 1) < cat_h * 1.2)
      for (guint i = 0; i < data->no_data->len; i++)
        g_ptr_array_add (folded, missing_name (&g_array_index (data->no_data, DsrChartValue, i)));
  }

  subtitle = build_subtitle (data, data->diff);
  note = build_note (data, any_computed, any_reported, folded);
  sources = dsr_chart_data_get_sources (data);
  dsr_canvas_furniture (c, dsr_indicator_get_name (data->indicator), subtitle, note, sources, &body);

  if (data->bars->len == 0 || (b.diff && !isfinite (world)))
    {
      g_autofree char *message = NULL;

      if (data->bars->len == 0 && data->rule == DSR_AGGREGATION_NONE)
        message = g_strdup (_("This indicator’s values cannot be combined into regional values (it has "
                              "no aggregation rule): see them by economy on the map or in the table, "
                              "or choose a rule under Regional Values."));
      else if (data->bars->len == 0 && data->no_data->len > 0
               && g_array_index (data->no_data, DsrChartValue, 0).status == DSR_FIGURE_INSUFFICIENT)
        message = g_strdup_printf (_("Too little data for %d: no region has enough members with data "
                                     "(see the coverage rule). Choose another year, or lower the minimum coverage."),
                                   data->view->year);
      else if (data->bars->len == 0)
        message = g_strdup_printf (_("No regional values for %d in this grouping. "
                                     "Choose another year or grouping, or import data."),
                                   data->view->year);
      else
        message = g_strdup_printf (_("There is no world figure for %d, so there is no difference to show."),
                                   data->view->year);
      dsr_canvas_message (c, &body, message);
      return;
    }

  /* Rows: the bars, then the regions without data. */
  for (guint i = 0; i < data->bars->len; i++)
    {
      const DsrChartValue *v = &g_array_index (data->bars, DsrChartValue, i);
      Row row = { .value = v, .raw_name = v->name, .selected = dsr_render_style_is_selected (st, v->entity_id) };

      row.shown = v->value;
      row.text = _dsr_chart_format_value (data, row.shown, v->qualifier, b.diff);
      if (v->basis == DSR_BASIS_COMPUTED)
        {
          row.coverage = dsr_format_coverage (v->n, v->total);
          /* With a tolerance, the years the members' data come from. */
          if (v->data_year_min != 0 && (v->data_year_min != v->year || v->data_year_max != v->year))
            {
              char *with_years = v->data_year_min == v->data_year_max
                                   ? g_strdup_printf ("%s · %d", row.coverage, v->data_year_min)
                                   : g_strdup_printf ("%s · %d–%d", row.coverage, v->data_year_min,
                                                      v->data_year_max);

              g_free (row.coverage);
              row.coverage = with_years;
            }
        }
      g_array_append_val (rows, row);
    }
  if (folded->len == 0)
    for (guint i = 0; i < data->no_data->len; i++)
      {
        const DsrChartValue *v = &g_array_index (data->no_data, DsrChartValue, i);
        Row row = { .missing = v, .raw_name = v->name };

        g_array_append_val (rows, row);
      }

  /* The label column. */
  for (guint i = 0; i < rows->len; i++)
    cat_w = MAX (cat_w, dsr_canvas_text_width (c, g_array_index (rows, Row, i).raw_name, &dsr_font_body));
  cat_w = MIN (cat_w, body.width * 0.34);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      row->name = dsr_canvas_ellipsize (c, row->raw_name, &dsr_font_body, cat_w);
    }

  /* Room for the printed values beside the bars: on the right of positive
   * bars, on the left of negative ones. */
  b.x0 = body.x + cat_w + c->unit * 0.8;
  b.x1 = body.x + body.width;
  for (guint pass = 0; pass < 2; pass++)
    {
      pad_l = pad_r = 0;
      for (guint i = 0; i < rows->len; i++)
        {
          Row *row = &g_array_index (rows, Row, i);

          if (row->value == NULL)
            continue;
          row->width = dsr_canvas_text_width (c, row->text, &dsr_font_body);
          if (row->coverage != NULL)
            {
              if (short_coverage)
                {
                  g_autofree char *shorter = g_strdup_printf ("%u/%u", row->value->n, row->value->total);

                  g_free (row->coverage);
                  row->coverage = g_steal_pointer (&shorter);
                }
              row->width += gap + dsr_canvas_text_width (c, row->coverage, &dsr_font_small);
            }
          if (row->shown < 0)
            pad_l = MAX (pad_l, row->width + gap);
          else
            pad_r = MAX (pad_r, row->width + gap + (isfinite (row->value->reference) ? c->unit * 0.7 : 0));
        }
      if (short_coverage || pad_l + pad_r < (b.x1 - b.x0) * 0.4)
        break;
      short_coverage = TRUE;
    }
  b.x0 += pad_l;
  b.x1 -= pad_r;

  /* The value axis covers the bars and the reference lines. */
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, Row, i).value != NULL)
      {
        lo = MIN (lo, g_array_index (rows, Row, i).shown);
        hi = MAX (hi, g_array_index (rows, Row, i).shown);
      }
  for (guint i = 0; i < n_refs; i++)
    {
      lo = MIN (lo, refs[i]->value);
      hi = MAX (hi, refs[i]->value);
    }
  for (guint i = 0; i < data->bars->len; i++)
    if (isfinite (g_array_index (data->bars, DsrChartValue, i).reference))
      {
        lo = MIN (lo, g_array_index (data->bars, DsrChartValue, i).reference);
        hi = MAX (hi, g_array_index (data->bars, DsrChartValue, i).reference);
      }
  fit_ticks (&b, lo, hi);

  plot.x = b.x0;
  plot.width = b.x1 - b.x0;
  plot.y = body.y + top_area;
  plot.height = body.height - top_area - (c->unit * 0.35 + small_h) - (c->unit * 0.2 + small_h);
  c->layout->plot = plot;
  band = plot.height / rows->len;
  bar_h = MIN (band * 0.66, c->unit * 3.6);

  /* Grid and ticks. */
  cairo_set_line_width (c->cr, c->line);
  for (guint i = 0; i < b.ticks.n_ticks; i++)
    {
      double v = dsr_ticks_get (&b.ticks, i);
      double x = round (bars_x (&b, v)) + 0.5;
      g_autofree char *text = tick_text (&b, v);

      dsr_canvas_set_color (c, v == 0 ? &st->axis : &st->grid, 1.0);
      cairo_move_to (c->cr, x, plot.y);
      cairo_line_to (c->cr, x, plot.y + plot.height);
      cairo_stroke (c->cr);
      dsr_canvas_text (c, text, &dsr_font_small, &st->secondary, bars_x (&b, v),
                       plot.y + plot.height + c->unit * 0.35, DSR_TEXT_ANCHOR_MIDDLE, DSR_TEXT_AXIS,
                       NULL, NULL);
    }
  {
    g_autofree char *unit = dsr_chart_data_scaled_unit (data, dsr_indicator_get_unit (data->indicator));
    const char *compared = dsr_compare_to_unit_label (data->rule);
    g_autofree char *axis = !data->diff ? g_strdup (unit)
                            : data->rule == DSR_AGGREGATION_SUM || *unit == '\0' ? g_strdup (compared)
                            /* Translators: the axis in "Gap to World": the unit, then what is shown */
                            : g_strdup_printf (_("%s, %s"), unit, compared);
    g_autofree char *fitted = dsr_canvas_ellipsize (c, axis, &dsr_font_small, body.width);
    double width = dsr_canvas_text_width (c, fitted, &dsr_font_small);
    double x = CLAMP ((b.x0 + b.x1) / 2, body.x + width / 2, body.x + body.width - width / 2);

    dsr_canvas_text (c, fitted, &dsr_font_small, &st->secondary, x,
                     plot.y + plot.height + c->unit * 0.55 + small_h, DSR_TEXT_ANCHOR_MIDDLE,
                     DSR_TEXT_AXIS, NULL, NULL);
  }

  /* Bars and their labels. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double cy = plot.y + band * (i + 0.5);
      double zero = bars_x (&b, 0);
      DsrRect bar;

      dsr_canvas_text (c, row->name, row->selected ? &dsr_font_bold : &dsr_font_body, &st->foreground,
                       b.x0 - pad_l - c->unit * 0.8,
                       cy - cat_h / 2, DSR_TEXT_ANCHOR_END, DSR_TEXT_CATEGORY,
                       row->value ? row->value->entity_id : NULL, NULL);
      if (row->value == NULL)
        {
          DsrRect hit = { plot.x, cy - band / 2, plot.width, band };
          g_autofree char *why = NULL;

          if (row->missing->status == DSR_FIGURE_INSUFFICIENT)
            /* Translators: a region below the coverage rule, e.g. "insufficient data (1 of 52 with data)" */
            why = g_strdup_printf (_("insufficient data (%u of %u with data)"), row->missing->n, row->missing->total);
          else
            why = g_strdup (_("no data"));
          dsr_canvas_text (c, why, &dsr_font_small_italic, &st->secondary, zero + gap,
                           cy - small_h / 2, DSR_TEXT_ANCHOR_START, DSR_TEXT_VALUE, row->missing->entity_id, NULL);
          _dsr_chart_add_hit (c, DSR_HIT_BAR, &hit, row->missing, NAN);
          continue;
        }

      bar.x = MIN (zero, bars_x (&b, row->shown));
      bar.width = fabs (bars_x (&b, row->shown) - zero);
      bar.y = cy - bar_h / 2;
      bar.height = bar_h;
      {
        const DsrRgba *color = !b.diff ? &st->bar : row->shown < 0 ? &st->negative : &st->positive;

        if (row->value->basis == DSR_BASIS_COMPUTED)
          draw_hatched_bar (c, &bar, color);
        else
          {
            dsr_canvas_set_color (c, color, 1.0);
            cairo_rectangle (c->cr, bar.x, bar.y, bar.width, bar.height);
            cairo_fill (c->cr);
          }
        if (row->selected)
          {
            /* The selection: a ring in the text colour around the bar, set
             * off from it by a line of background, whatever the bar's colour. */
            double w = MAX (2.0, c->unit * 0.14);

            cairo_set_line_width (c->cr, w);
            dsr_canvas_set_color (c, &st->background, 1.0);
            cairo_rectangle (c->cr, bar.x - w * 0.5, bar.y - w * 0.5, MAX (bar.width, 1.0) + w, bar.height + w);
            cairo_stroke (c->cr);
            dsr_canvas_set_color (c, &st->foreground, 1.0);
            cairo_rectangle (c->cr, bar.x - w * 1.5, bar.y - w * 1.5, MAX (bar.width, 1.0) + 3 * w, bar.height + 3 * w);
            cairo_stroke (c->cr);
          }
      }
      {
        DsrRect hit = bar;

        /* A bar near zero is still something to point at. */
        if (hit.width < c->unit * 0.5)
          {
            hit.x -= (c->unit * 0.5 - hit.width) / 2;
            hit.width = c->unit * 0.5;
          }
        _dsr_chart_add_hit (c, DSR_HIT_BAR, &hit, row->value, row->shown);
      }
    }

  /* Reference lines over the bars, but not through the values printed
   * beside them; then their labels, each in its own row above the plot. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double cy = plot.y + band * (i + 0.5), end = bars_x (&b, row->shown);
      gboolean left = row->shown < 0;
      DsrRect box;

      if (row->value == NULL)
        continue;
      if (!left && isfinite (row->value->reference))
        end = MAX (end, bars_x (&b, row->value->reference) + MIN (bar_h * 0.45, c->unit * 0.7));
      dsr_canvas_text_rect (c, row->text, row->selected ? &dsr_font_bold : &dsr_font_body,
                            left ? end - gap : end + gap, cy - cat_h / 2,
                            left ? DSR_TEXT_ANCHOR_END : DSR_TEXT_ANCHOR_START, &box);
      if (row->coverage != NULL)
        box.width += gap + dsr_canvas_text_width (c, row->coverage, &dsr_font_small);
      if (left && row->coverage != NULL)
        box.x -= gap + dsr_canvas_text_width (c, row->coverage, &dsr_font_small);
      g_array_append_val (avoid, box);
    }
  for (guint i = 0; i < n_refs; i++)
    draw_reference_line (&b, ref_colors[i], refs[i]->kind == DSR_ENTITY_BRI,
                         bars_x (&b, refs[i]->value), body.y + i * ref_h, &plot, avoid);
  for (guint i = 0; i < n_refs; i++)
    {
      g_autofree char *label = reference_label (&b, refs[i]);
      g_autofree char *fitted = dsr_canvas_ellipsize (c, label, &dsr_font_small_bold, body.width);

      draw_reference_label (&b, refs[i], ref_colors[i], bars_x (&b, refs[i]->value),
                            body.y + i * ref_h, &plot, fitted);
    }

  /* The paper's printed values, as diamonds on their bars. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (row->value != NULL && isfinite (row->value->reference))
        draw_reference_mark (c, &st->foreground, bars_x (&b, row->value->reference), plot.y + band * (i + 0.5),
                             MIN (bar_h * 0.45, c->unit * 0.7));
    }

  /* Values last, on a patch of background where a reference line crosses. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double cy = plot.y + band * (i + 0.5);
      double end = bars_x (&b, row->shown);
      gboolean left = row->shown < 0;
      DsrRect box;

      /* Past the paper's diamond when it lies beyond the bar's end. */
      if (row->value != NULL && !left && isfinite (row->value->reference))
        end = MAX (end, bars_x (&b, row->value->reference) + MIN (bar_h * 0.45, c->unit * 0.7));
      if (row->value == NULL)
        continue;
      dsr_canvas_text_rect (c, row->text, row->selected ? &dsr_font_bold : &dsr_font_body,
                            left ? end - gap : end + gap, cy - cat_h / 2,
                            left ? DSR_TEXT_ANCHOR_END : DSR_TEXT_ANCHOR_START, &box);
      dsr_canvas_halo (c, &box);
      dsr_canvas_text (c, row->text, row->selected ? &dsr_font_bold : &dsr_font_body, &st->foreground,
                       left ? end - gap : end + gap,
                       cy - cat_h / 2, left ? DSR_TEXT_ANCHOR_END : DSR_TEXT_ANCHOR_START,
                       DSR_TEXT_VALUE, row->value->entity_id, NULL);
      if (row->coverage != NULL)
        {
          double x = left ? box.x - gap : box.x + box.width + gap;
          DsrRect cov;

          dsr_canvas_text_rect (c, row->coverage, &dsr_font_small, x, cy - small_h / 2,
                                left ? DSR_TEXT_ANCHOR_END : DSR_TEXT_ANCHOR_START, &cov);
          dsr_canvas_halo (c, &cov);
          dsr_canvas_text (c, row->coverage, &dsr_font_small, &st->secondary, x, cy - small_h / 2,
                           left ? DSR_TEXT_ANCHOR_END : DSR_TEXT_ANCHOR_START, DSR_TEXT_VALUE,
                           row->value->entity_id, NULL);
        }
    }
}
