/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-trend"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-render-private.h"
#include "dsr-scale.h"

/* Trend: one line per entity over a range of years (the paper's Figure 1
 * and Table 1), labelled at its end. A line joins two points only when they
 * are consecutive years: a missing year leaves a gap. */

typedef struct
{
  const DsrChartSeries *series;
  const DsrRgba        *color;
  gboolean              dashed;
  gboolean              selected;  /* the style's selected entity: drawn thicker, on top */
  double                alpha;     /* 1, or less when another line is selected */
  char                 *label;
  double                label_width;
  double                end_x;
  double                end_y;
  double                y;       /* the label's centre */
} Line;

static void
line_clear (gpointer p)
{
  Line *line = p;

  g_free (line->label);
}

typedef struct
{
  DsrCanvas    *c;
  DsrChartData *data;
  DsrRect       plot;
  DsrTicks      yticks;
  DsrTicks      xticks;
  int           first;
  int           last;
  double        inset;   /* room for the markers at the ends of the x axis */
} Trend;

static double
trend_x (const Trend *t,
         int          year)
{
  double w = t->plot.width - 2 * t->inset;

  if (t->last == t->first)
    return t->plot.x + t->plot.width / 2;
  return t->plot.x + t->inset + (double) (year - t->first) / (t->last - t->first) * w;
}

static double
trend_y (const Trend *t,
         double       v)
{
  return t->plot.y + t->plot.height
         - (v - t->yticks.min) / (t->yticks.max - t->yticks.min) * t->plot.height;
}

static int
compare_label_y (gconstpointer a,
                 gconstpointer b)
{
  const Line *x = *(Line * const *) a, *y = *(Line * const *) b;

  return (x->y > y->y) - (x->y < y->y);
}

/* Moves the end labels apart so that none overlaps another and all stay
 * between @top and @bottom; FALSE when they cannot all fit. */
static gboolean
spread_labels (GPtrArray *sorted,
               double     h,
               double     top,
               double     bottom)
{
  if (sorted->len * h > bottom - top)
    return FALSE;
  for (guint i = 0; i < sorted->len; i++)
    {
      Line *line = g_ptr_array_index (sorted, i);
      double min = i == 0 ? top + h / 2 : ((Line *) g_ptr_array_index (sorted, i - 1))->y + h;

      line->y = MAX (line->y, min);
    }
  for (guint i = sorted->len; i-- > 0;)
    {
      Line *line = g_ptr_array_index (sorted, i);
      double max = i + 1 == sorted->len ? bottom - h / 2
                                        : ((Line *) g_ptr_array_index (sorted, i + 1))->y - h;

      line->y = MIN (line->y, max);
    }
  return TRUE;
}

static void
set_line_style (DsrCanvas  *c,
                const Line *line,
                double      width)
{
  double dashes[] = { c->unit * 0.6, c->unit * 0.35 };

  dsr_canvas_set_color (c, line->color, line->alpha);
  cairo_set_line_width (c->cr, line->selected ? width * 1.8 : width);
  cairo_set_dash (c->cr, dashes, line->dashed ? 2 : 0, 0);
}

static void
marker_path (DsrCanvas *c,
             double     x,
             double     y)
{
  cairo_new_sub_path (c->cr);
  cairo_arc (c->cr, x, y, MAX (3.0, c->unit * 0.28), 0, 2 * G_PI);
}

/* The markers of one line, in two fills: solid for reported and observed
 * values, hollow for computed ones. */
static void
draw_markers (Trend      *t,
              const Line *line,
              guint       first,
              guint       n)
{
  DsrCanvas *c = t->c;
  GArray *points = line->series->points;

  cairo_set_dash (c->cr, NULL, 0, 0);
  for (int hollow = 0; hollow < 2; hollow++)
    {
      gboolean any = FALSE;

      cairo_new_path (c->cr);
      for (guint p = first; p < first + n; p++)
        {
          const DsrChartValue *v = &g_array_index (points, DsrChartValue, p);

          if ((v->basis == DSR_BASIS_COMPUTED) != hollow)
            continue;
          marker_path (c, trend_x (t, v->year), trend_y (t, v->value));
          any = TRUE;
        }
      if (!any)
        continue;
      if (hollow)
        {
          dsr_canvas_set_color (c, &c->style->background, 1.0);
          cairo_fill_preserve (c->cr);
          dsr_canvas_set_color (c, line->color, line->alpha);
          cairo_set_line_width (c->cr, MAX (1.5, c->unit * 0.12));
          cairo_stroke (c->cr);
        }
      else
        {
          dsr_canvas_set_color (c, line->color, line->alpha);
          cairo_fill (c->cr);
        }
    }
}

/* A short line with a marker and the name, for the legend. */
static double
legend_entry_width (DsrCanvas  *c,
                    const Line *line)
{
  return c->unit * 2.0 + dsr_canvas_text_width (c, line->label, &dsr_font_body);
}

static void
draw_legend_entry (Trend      *t,
                   const Line *line,
                   double      x,
                   double      top)
{
  DsrCanvas *c = t->c;
  double h = dsr_canvas_line_height (c, &dsr_font_body);
  double cy = top + h / 2;
  const DsrChartValue *last = &g_array_index (line->series->points, DsrChartValue,
                                              line->series->points->len - 1);
  DsrRect box;

  set_line_style (c, line, MAX (2.0, c->unit * 0.18));
  cairo_move_to (c->cr, x, cy);
  cairo_line_to (c->cr, x + c->unit * 1.4, cy);
  cairo_stroke (c->cr);
  {
    /* The legend's marker, at the middle of its short line. */
    cairo_save (c->cr);
    cairo_translate (c->cr, x + c->unit * 0.7 - trend_x (t, last->year), cy - trend_y (t, last->value));
    draw_markers (t, line, line->series->points->len - 1, 1);
    cairo_restore (c->cr);
  }
  dsr_canvas_text (c, line->label, &dsr_font_body, &c->style->foreground, x + c->unit * 1.7, top,
                   DSR_TEXT_ANCHOR_START, DSR_TEXT_SERIES, line->series->entity_id, &box);
  box.x = x;
  box.width += c->unit * 1.7;
  _dsr_chart_add_hit (c, DSR_HIT_LABEL, &box, last, last->value);
}

/* Legend entries flowed into rows; returns the height they take. */
static double
layout_legend (Trend     *t,
               GArray    *lines,
               double     x,
               double     top,
               double     width,
               gboolean   draw)
{
  DsrCanvas *c = t->c;
  double h = dsr_canvas_line_height (c, &dsr_font_body) * 1.25;
  double cx = x, cy = top;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      double w = legend_entry_width (c, line);

      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += h;
        }
      if (draw)
        draw_legend_entry (t, line, cx, cy);
      cx += w + c->unit * 1.2;
    }
  return lines->len > 0 ? cy - top + h : 0;
}

static char *
build_note (DsrChartData *data,
            gboolean     *gaps)
{
  GString *note = g_string_new (NULL);
  gboolean computed = FALSE;

  *gaps = FALSE;
  for (guint s = 0; s < data->series->len; s++)
    {
      DsrChartSeries *series = g_ptr_array_index (data->series, s);

      for (guint p = 0; p < series->points->len; p++)
        {
          const DsrChartValue *v = &g_array_index (series->points, DsrChartValue, p);

          computed |= v->basis == DSR_BASIS_COMPUTED;
          if (p > 0 && v->year - g_array_index (series->points, DsrChartValue, p - 1).year > 1)
            *gaps = TRUE;
        }
    }
  if (computed)
    {
      g_autofree char *rules = dsr_chart_data_describe_rules (data);

      g_string_append_printf (note, "%s %s", _("Hollow markers: computed here from the economies’ values."), rules);
    }
  if (*gaps)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, _("A break in a line: no data, or too little, for the years between."));
    }
  return g_string_free (note, FALSE);
}

static void
fit_year_ticks (Trend *t)
{
  DsrCanvas *c = t->c;
  double year_w = dsr_canvas_text_width (c, "2000", &dsr_font_small) + c->unit * 1.2;
  guint max_ticks = (guint) CLAMP ((t->plot.width - 2 * t->inset) / year_w + 1, 1, 12);

  dsr_scale_year_ticks (t->first, t->last, max_ticks, &t->xticks);
}

void
_dsr_chart_trend_draw (DsrCanvas    *c,
                       DsrChartData *data)
{
  const DsrRenderStyle *st = c->style;
  Trend t = { .c = c, .data = data };
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *sources = NULL;
  double lo = INFINITY, hi = -INFINITY, label_h, small_h, label_col = 0, tick_w = 0, legend_h = 0;
  double gap = c->unit * 0.5, line_w = MAX (2.0, c->unit * 0.18);
  DsrRect year_box = { 0 };
  gboolean gaps, any_region = FALSE, legend = FALSE, any_selected = FALSE;
  guint n_regular = 0;
  DsrRect body;

  g_array_set_clear_func (lines, line_clear);

  if (data->indicator == NULL)
    {
      dsr_canvas_furniture (c, _("No data"), NULL, NULL, NULL, &body);
      dsr_canvas_message (c, &body, _("There is no indicator to show. Load a data pack or import a file."));
      return;
    }

  t.first = data->view->year_from;
  t.last = data->view->year_to;
  for (guint s = 0; s < data->series->len; s++)
    any_region |= ((DsrChartSeries *) g_ptr_array_index (data->series, s))->kind == DSR_ENTITY_REGION;
  subtitle = t.first == t.last ? g_strdup_printf ("%d", t.first)
                               : g_strdup_printf ("%d–%d", t.first, t.last);
  if (any_region && data->grouping != NULL)
    {
      char *s = g_strdup_printf ("%s · %s", subtitle, dsr_grouping_get_name (data->grouping));

      g_free (subtitle);
      subtitle = s;
      if (dsr_figures_has_country_values (data->figures))
        {
          s = data->view->membership == DSR_MEMBERSHIP_FIXED
                /* Translators: after the grouping's name in a trend's subtitle */
                ? g_strdup_printf (_("%s, members as of %d"), subtitle, data->view->year)
                : g_strdup_printf (_("%s, members as of each year"), subtitle);
          g_free (subtitle);
          subtitle = s;
        }
    }
  if (data->diff)
    {
      char *s = g_strdup_printf ("%s · %s", data->rule == DSR_AGGREGATION_SUM ? _("Share of the world total")
                                                                             : _("Difference from the world mean"),
                                 subtitle);

      g_free (subtitle);
      subtitle = s;
    }
  note = build_note (data, &gaps);
  sources = dsr_chart_data_get_sources (data);
  dsr_canvas_furniture (c, dsr_indicator_get_name (data->indicator), subtitle, note, sources, &body);

  if (data->series->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No data for %s in %s."),
                                                  dsr_indicator_get_name (data->indicator), subtitle);

      dsr_canvas_message (c, &body, message);
      return;
    }

  /* Lines: regions and economies first, the Belt and Road and the world on
   * top, the selected line above all. A colour each while there are enough;
   * beyond that, the selected line in colour and the rest grey. */
  for (guint s = 0; s < data->series->len; s++)
    {
      const DsrChartSeries *series = g_ptr_array_index (data->series, s);

      n_regular += series->kind != DSR_ENTITY_WORLD && series->kind != DSR_ENTITY_BRI;
      any_selected |= dsr_render_style_is_selected (st, series->entity_id);
    }
  for (guint pass = 0; pass < 4; pass++)
    for (guint s = 0; s < data->series->len; s++)
      {
        const DsrChartSeries *series = g_ptr_array_index (data->series, s);
        gboolean selected = dsr_render_style_is_selected (st, series->entity_id);
        guint want = selected ? 3 : series->kind == DSR_ENTITY_WORLD ? 2 : series->kind == DSR_ENTITY_BRI ? 1 : 0;
        Line line = { .series = series, .selected = selected, .alpha = any_selected && !selected ? 0.4 : 1.0 };

        if (want != pass)
          continue;
        if (series->kind == DSR_ENTITY_WORLD)
          line.color = &st->world;
        else if (series->kind == DSR_ENTITY_BRI)
          {
            line.color = &st->bri;
            line.dashed = TRUE;
          }
        else
          {
            line.color = n_regular <= DSR_RENDER_N_SERIES || selected
                           ? dsr_render_style_get_series (st, series->color) : &st->muted;
          }
        g_array_append_val (lines, line);
        for (guint p = 0; p < series->points->len; p++)
          {
            double v = g_array_index (series->points, DsrChartValue, p).value;

            lo = MIN (lo, v);
            hi = MAX (hi, v);
          }
      }
  /* Start at zero when the data come close to it anyway. */
  if (lo >= 0 && lo <= 0.25 * hi)
    lo = 0;

  label_h = dsr_canvas_line_height (c, &dsr_font_body);
  small_h = dsr_canvas_line_height (c, &dsr_font_small);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      line->label = dsr_canvas_ellipsize (c, line->series->name, &dsr_font_body, body.width * 0.25);
      line->label_width = dsr_canvas_text_width (c, line->label, &dsr_font_body);
      label_col = MAX (label_col, line->label_width);
    }

  /* Try labels at the line ends; fall back to a legend above the plot. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      /* The unit above the axis, clear of the top tick's label. */
      double top = body.y + legend_h + small_h * 1.5 + c->unit * 0.3;

      t.plot.y = top;
      t.plot.height = body.y + body.height - (c->unit * 0.4 + small_h) - top;
      dsr_scale_nice_ticks (lo, hi, (guint) CLAMP (t.plot.height / (small_h * 2.6), 2, 10), &t.yticks);
      tick_w = 0;
      for (guint i = 0; i < t.yticks.n_ticks; i++)
        {
          g_autofree char *text = _dsr_chart_format_tick (data, &t.yticks, dsr_ticks_get (&t.yticks, i), FALSE);

          tick_w = MAX (tick_w, dsr_canvas_text_width (c, text, &dsr_font_small));
        }
      t.plot.x = body.x + tick_w + c->unit * 0.5;
      t.plot.width = body.x + body.width - t.plot.x
                     - (legend ? dsr_canvas_text_width (c, "2000", &dsr_font_small) / 2
                               : label_col + gap + c->unit * 0.6);
      t.inset = MAX (c->unit * 0.6, 6.0);
      fit_year_ticks (&t);

      if (legend)
        break;

      g_ptr_array_set_size (sorted, 0);
      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = &g_array_index (lines, Line, i);
          const DsrChartValue *last = &g_array_index (line->series->points, DsrChartValue,
                                                      line->series->points->len - 1);

          line->end_x = trend_x (&t, last->year);
          line->end_y = trend_y (&t, last->value);
          line->y = line->end_y;
          g_ptr_array_add (sorted, line);
        }
      g_ptr_array_sort (sorted, compare_label_y);
      if (spread_labels (sorted, label_h * 1.05, t.plot.y - small_h * 0.3, t.plot.y + t.plot.height))
        break;

      legend = TRUE;
      c->layout->legend = TRUE;
      legend_h = layout_legend (&t, lines, body.x, body.y, body.width, FALSE) + c->unit * 0.3;
    }
  c->layout->plot = t.plot;

  /* Axes. */
  cairo_set_line_width (c->cr, c->line);
  for (guint i = 0; i < t.yticks.n_ticks; i++)
    {
      double v = dsr_ticks_get (&t.yticks, i);
      double y = round (trend_y (&t, v)) + 0.5;
      g_autofree char *text = _dsr_chart_format_tick (data, &t.yticks, v, FALSE);

      dsr_canvas_set_color (c, i == 0 ? &st->axis : &st->grid, 1.0);
      cairo_move_to (c->cr, t.plot.x, y);
      cairo_line_to (c->cr, t.plot.x + t.plot.width, y);
      cairo_stroke (c->cr);
      dsr_canvas_text (c, text, &dsr_font_small, &st->secondary, t.plot.x - c->unit * 0.4,
                       trend_y (&t, v) - small_h / 2, DSR_TEXT_ANCHOR_END, DSR_TEXT_AXIS, NULL, NULL);
    }
  /* The selected year (the year of the other views): a line across the
   * plot and its year in bold on the axis, in place of the ticks it meets. */
  if (data->view->year >= t.first && data->view->year <= t.last && t.first < t.last)
    {
      double x = round (trend_x (&t, data->view->year)) + 0.5;
      g_autofree char *text = g_strdup_printf ("%d", data->view->year);

      dsr_canvas_set_color (c, &st->foreground, 0.55);
      cairo_set_line_width (c->cr, MAX (1.5, c->unit * 0.1));
      cairo_move_to (c->cr, x, t.plot.y);
      cairo_line_to (c->cr, x, t.plot.y + t.plot.height + c->unit * 0.25);
      cairo_stroke (c->cr);
      cairo_set_line_width (c->cr, c->line);
      dsr_canvas_text (c, text, &dsr_font_small_bold, &st->foreground, trend_x (&t, data->view->year),
                       t.plot.y + t.plot.height + c->unit * 0.35, DSR_TEXT_ANCHOR_MIDDLE, DSR_TEXT_AXIS, NULL,
                       &year_box);
      year_box.x -= c->unit * 0.4;
      year_box.width += c->unit * 0.8;
    }
  for (guint i = 0; i < t.xticks.n_ticks; i++)
    {
      int year = (int) dsr_ticks_get (&t.xticks, i);
      double x = round (trend_x (&t, year)) + 0.5;
      g_autofree char *text = g_strdup_printf ("%d", year);
      DsrRect tick_box;

      dsr_canvas_text_rect (c, text, &dsr_font_small, trend_x (&t, year), t.plot.y + t.plot.height + c->unit * 0.35,
                            DSR_TEXT_ANCHOR_MIDDLE, &tick_box);
      if (year_box.width > 0 && dsr_rect_intersects (&tick_box, &year_box))
        continue;

      dsr_canvas_set_color (c, &st->axis, 1.0);
      cairo_move_to (c->cr, x, t.plot.y + t.plot.height);
      cairo_line_to (c->cr, x, t.plot.y + t.plot.height + c->unit * 0.25);
      cairo_stroke (c->cr);
      dsr_canvas_text (c, text, &dsr_font_small, &st->secondary, trend_x (&t, year),
                       t.plot.y + t.plot.height + c->unit * 0.35, DSR_TEXT_ANCHOR_MIDDLE,
                       DSR_TEXT_AXIS, NULL, NULL);
    }
  {
    g_autofree char *raw_unit = dsr_chart_data_scaled_unit (data, dsr_indicator_get_unit (data->indicator));
    const char *compared = dsr_compare_to_unit_label (data->rule);
    g_autofree char *axis = !data->diff ? g_strdup (raw_unit)
                            : data->rule == DSR_AGGREGATION_SUM || *raw_unit == '\0' ? g_strdup (compared)
                            : g_strdup_printf (_("%s, %s"), raw_unit, compared);
    g_autofree char *unit = dsr_canvas_ellipsize (c, axis, &dsr_font_small, t.plot.x + t.plot.width - body.x);

    dsr_canvas_text (c, unit, &dsr_font_small, &st->secondary, body.x,
                     t.plot.y - small_h * 1.5 - c->unit * 0.3, DSR_TEXT_ANCHOR_START, DSR_TEXT_AXIS, NULL,
                     NULL);
  }

  /* The lines: a segment only between consecutive years. */
  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      GArray *points = line->series->points;

      set_line_style (c, line, line_w);
      for (guint p = 0; p < points->len; p++)
        {
          const DsrChartValue *v = &g_array_index (points, DsrChartValue, p);
          double x = trend_x (&t, v->year), y = trend_y (&t, v->value);
          const DsrChartValue *prev = p > 0 ? &g_array_index (points, DsrChartValue, p - 1) : NULL;

          if (prev != NULL && v->year == prev->year + 1)
            {
              DsrSegment seg = {
                .entity_id = g_intern_string (line->series->entity_id),
                .year_from = prev->year, .year_to = v->year,
                .x0 = trend_x (&t, prev->year), .y0 = trend_y (&t, prev->value), .x1 = x, .y1 = y,
              };

              cairo_line_to (c->cr, x, y);
              g_array_append_val (c->layout->segments, seg);
            }
          else
            {
              cairo_stroke (c->cr);
              cairo_move_to (c->cr, x, y);
            }
        }
      cairo_stroke (c->cr);
      draw_markers (&t, line, 0, points->len);
      for (guint p = 0; p < points->len; p++)
        {
          const DsrChartValue *v = &g_array_index (points, DsrChartValue, p);
          double x = trend_x (&t, v->year), y = trend_y (&t, v->value);
          double r = MAX (6.0, c->unit * 0.5);
          DsrRect hit = { x - r, y - r, 2 * r, 2 * r };

          _dsr_chart_add_hit (c, DSR_HIT_POINT, &hit, v, v->value);
        }
    }
  cairo_set_dash (c->cr, NULL, 0, 0);

  if (legend)
    {
      layout_legend (&t, lines, body.x, body.y, body.width, TRUE);
      return;
    }

  /* End labels, with a leader where a label had to move or its line ends early. */
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      const DsrChartValue *last = &g_array_index (line->series->points, DsrChartValue,
                                                  line->series->points->len - 1);
      double lx = t.plot.x + t.plot.width + gap;
      DsrRect box;

      if (fabs (line->y - line->end_y) > label_h * 0.3 || last->year < t.last)
        {
          dsr_canvas_set_color (c, line->color, 0.6 * line->alpha);
          cairo_set_line_width (c->cr, c->line);
          cairo_move_to (c->cr, line->end_x + MAX (3.0, c->unit * 0.28) + 2, line->end_y);
          cairo_line_to (c->cr, lx - c->unit * 0.2, line->y);
          cairo_stroke (c->cr);
        }
      DsrRgba color = *line->color;

      color.alpha *= line->alpha < 1.0 ? 0.7 : 1.0;
      dsr_canvas_text (c, line->label, line->selected ? &dsr_font_bold : &dsr_font_body, &color, lx,
                       line->y - label_h / 2, DSR_TEXT_ANCHOR_START, DSR_TEXT_SERIES, line->series->entity_id,
                       &box);
      _dsr_chart_add_hit (c, DSR_HIT_LABEL, &box, last, last->value);
    }
}
