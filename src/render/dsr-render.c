/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-render"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-render-private.h"

/* Layout ------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (DsrRenderLayout, dsr_render_layout, dsr_render_layout_copy, dsr_render_layout_free)

static DsrRenderLayout *
layout_new (double width,
            double height)
{
  DsrRenderLayout *layout = g_new0 (DsrRenderLayout, 1);

  layout->width = width;
  layout->height = height;
  layout->hits = g_array_new (FALSE, FALSE, sizeof (DsrHitRegion));
  layout->texts = g_array_new (FALSE, FALSE, sizeof (DsrTextBox));
  layout->segments = g_array_new (FALSE, FALSE, sizeof (DsrSegment));
  layout->strings = g_string_chunk_new (1024);
  return layout;
}

DsrRenderLayout *
_dsr_render_layout_new (double width,
                        double height)
{
  return layout_new (width, height);
}

DsrRenderLayout *
dsr_render_layout_copy (const DsrRenderLayout *layout)
{
  DsrRenderLayout *copy;

  g_return_val_if_fail (layout != NULL, NULL);

  copy = layout_new (layout->width, layout->height);
  copy->plot = layout->plot;
  copy->legend = layout->legend;
  g_array_append_vals (copy->hits, layout->hits->data, layout->hits->len);
  g_array_append_vals (copy->texts, layout->texts->data, layout->texts->len);
  g_array_append_vals (copy->segments, layout->segments->data, layout->segments->len);
  for (guint i = 0; i < copy->hits->len; i++)
    {
      DsrHitRegion *hit = &g_array_index (copy->hits, DsrHitRegion, i);

      hit->name = g_string_chunk_insert_const (copy->strings, hit->name);
    }
  for (guint i = 0; i < copy->texts->len; i++)
    {
      DsrTextBox *box = &g_array_index (copy->texts, DsrTextBox, i);

      box->text = g_string_chunk_insert_const (copy->strings, box->text);
    }
  return copy;
}

void
dsr_render_layout_free (DsrRenderLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->hits);
  g_array_unref (layout->texts);
  g_array_unref (layout->segments);
  g_string_chunk_free (layout->strings);
  g_free (layout);
}

gboolean
dsr_rect_contains (const DsrRect *rect,
                   double         x,
                   double         y)
{
  return x >= rect->x && x <= rect->x + rect->width && y >= rect->y && y <= rect->y + rect->height;
}

/* Whether two rectangles share more than a hairline (half a pixel each way). */
gboolean
dsr_rect_intersects (const DsrRect *a,
                     const DsrRect *b)
{
  const double eps = 0.5;

  return a->x + a->width > b->x + eps && b->x + b->width > a->x + eps
         && a->y + a->height > b->y + eps && b->y + b->height > a->y + eps;
}

/**
 * dsr_render_hit_describe:
 * @indicator: (nullable): the indicator drawn, for its unit and decimals
 *
 * Returns: (transfer full): what a tooltip says about @hit below its name:
 *   the value with its unit and basis and coverage, or why there is none
 *   ("insufficient data (1 of 52 with data)", in the chart's own words, or
 *   "No data"). Plain text, one line or two.
 */
char *
dsr_render_hit_describe (const DsrHitRegion *hit,
                         DsrIndicator       *indicator)
{
  g_autofree char *value = NULL;
  GString *text;

  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->status == DSR_FIGURE_INSUFFICIENT)
    return g_strdup_printf (_("insufficient data (%u of %u with data)"), hit->n, hit->total);
  if (isnan (hit->raw_value))
    return g_strdup (_("No data"));

  value = dsr_format_value (hit->raw_value, indicator ? dsr_indicator_get_decimals (indicator) : 2,
                            hit->qualifier);
  text = g_string_new (value);
  if (indicator != NULL && *dsr_indicator_get_unit (indicator) != '\0')
    g_string_append_printf (text, " %s", dsr_indicator_get_unit (indicator));
  g_string_append_printf (text, "\n%s", dsr_basis_to_label (hit->basis));
  if (hit->basis == DSR_BASIS_COMPUTED && hit->total > 0)
    {
      g_autofree char *coverage = dsr_format_coverage (hit->n, hit->total);

      g_string_append_printf (text, ": %s", coverage);
    }
  return g_string_free (text, FALSE);
}

/**
 * dsr_render_layout_hit_test:
 *
 * Returns what lies at (@x, @y) in the chart's logical pixels, or %NULL.
 * Where regions overlap (points of two lines), the nearest centre wins.
 */
const DsrHitRegion *
dsr_render_layout_hit_test (const DsrRenderLayout *layout,
                            double                 x,
                            double                 y)
{
  const DsrHitRegion *best = NULL;
  double best_d = INFINITY;

  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrHitRegion *hit = &g_array_index (layout->hits, DsrHitRegion, i);
      double cx = hit->rect.x + hit->rect.width / 2, cy = hit->rect.y + hit->rect.height / 2;
      double d;

      if (!dsr_rect_contains (&hit->rect, x, y))
        continue;
      /* Points and labels are small targets on top of the rest. */
      d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (hit->kind == DSR_HIT_BAR || hit->kind == DSR_HIT_ROW)
        d += 1e6;
      if (d < best_d)
        {
          best = hit;
          best_d = d;
        }
    }
  return best;
}

/* The first box in @texts (of DsrTextBox) that holds exactly @text. */
const DsrTextBox *
dsr_text_boxes_find (GArray     *texts,
                     const char *text)
{
  g_return_val_if_fail (texts != NULL, NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      const DsrTextBox *box = &g_array_index (texts, DsrTextBox, i);

      if (g_strcmp0 (box->text, text) == 0)
        return box;
    }
  return NULL;
}

const DsrTextBox *
dsr_render_layout_find_text (const DsrRenderLayout *layout,
                             const char            *text)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return dsr_text_boxes_find (layout->texts, text);
}

/* Chart helpers ---------------------------------------------------------------------- */

void
_dsr_chart_add_hit (DsrCanvas           *c,
                    DsrHitKind           kind,
                    const DsrRect       *rect,
                    const DsrChartValue *value,
                    double               shown)
{
  DsrHitRegion hit = { 0 };

  hit.kind = kind;
  hit.rect = *rect;
  hit.entity_id = g_intern_string (value->entity_id);
  hit.name = g_string_chunk_insert_const (c->layout->strings, value->name);
  hit.year = value->year;
  hit.value = shown;
  hit.raw_value = value->raw;
  hit.status = value->status;
  hit.basis = value->basis;
  hit.qualifier = value->qualifier;
  hit.n = value->n;
  hit.total = value->total;
  g_array_append_val (c->layout->hits, hit);
}

/* A value as a chart prints it: the locale's digits, the indicator's
 * decimals, "about" and the like, and in difference mode a sign. */
char *
_dsr_chart_format_value (DsrChartData *data,
                         double        value,
                         DsrQualifier  qualifier,
                         gboolean      signed_)
{
  g_autofree char *number = NULL;
  int decimals = data->decimals;

  /* Millions, billions, trillions: a digit after the point (two under ten). */
  if (data->scale > 1.0)
    {
      value /= data->scale;
      decimals = fabs (value) < 10 ? 2 : 1;
    }
  if (!signed_)
    return dsr_format_value (value, decimals, qualifier);
  number = dsr_format_number (value, decimals);
  /* No "+0.00" for a value that rounds to zero. */
  if (value >= 0.5 * pow (10, -CLAMP (decimals, 0, 6)))
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
}

/* A tick of a value axis, in the chart's scale, with the decimals its step needs. */
char *
_dsr_chart_format_tick (DsrChartData   *data,
                        const DsrTicks *ticks,
                        double          value,
                        gboolean        signed_)
{
  int decimals = ticks->decimals;
  g_autofree char *number = NULL;

  if (data->scale > 1.0)
    {
      double step = ticks->step / data->scale;

      value /= data->scale;
      decimals = step > 0 ? CLAMP ((int) ceil (-log10 (step) - 1e-9), 0, 6) : 0;
    }
  number = dsr_format_number (value, decimals);
  if (signed_ && value > 0)
    return g_strconcat ("+", number, NULL);
  return g_steal_pointer (&number);
}

/* Rendering ----------------------------------------------------------------------------- */

/* The line height suits every script the chart will show: its names and
 * its translated furniture. */
static void
choose_probe (DsrCanvas    *c,
              DsrChartData *data)
{
  g_autofree char *sources = dsr_chart_data_get_sources (data);
  g_autoptr(GPtrArray) values = dsr_chart_data_get_values (data);
  const char *texts[] = {
    _("Sources: %s"), _("no data"),
    data->indicator ? dsr_indicator_get_name (data->indicator) : NULL,
    data->indicator ? dsr_indicator_get_unit (data->indicator) : NULL,
    data->grouping ? dsr_grouping_get_name (data->grouping) : NULL,
    sources,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    dsr_canvas_add_script (c, texts[i]);
  for (guint i = 0; i < values->len; i++)
    dsr_canvas_add_script (c, ((const DsrChartValue *) g_ptr_array_index (values, i))->name);
  for (guint i = 0; i < data->no_data->len; i++)
    dsr_canvas_add_script (c, g_array_index (data->no_data, DsrChartValue, i).name);
}

/**
 * dsr_render_view_full:
 * @cr: where to draw, with user space in logical pixels
 * @style: (nullable): colours and fonts; %NULL for the defaults of @view's scheme
 * @text_func: (nullable): takes each piece of text instead of drawing its glyphs
 *
 * Draws @view (bars, trend, table or scatter) at @width x @height and returns where
 * everything went: hit regions for tooltips and clicks, and every text box.
 * Choices of @view that are not valid are not an error: the chart shows
 * what there is, or says that there is nothing (check a view first with
 * dsr_chart_resolve_view() to tell the user why). A trend over a single
 * year is drawn as that year's bars. The map is drawn by src/map; given a
 * map view, this draws its regions as bars.
 *
 * Returns: (transfer full): the layout; free it with dsr_render_layout_free()
 */
DsrRenderLayout *
dsr_render_view_full (cairo_t              *cr,
                      DsrStore             *store,
                      const DsrView        *view,
                      const DsrRenderStyle *style,
                      double                width,
                      double                height,
                      DsrTextFunc           text_func,
                      gpointer              user_data)
{
  g_autoptr(DsrRenderStyle) own_style = NULL;
  g_autoptr(DsrChartData) data = NULL;
  DsrRenderLayout *layout;
  DsrCanvas c;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (style == NULL)
    style = own_style = dsr_render_style_new (view->scheme);

  layout = layout_new (width, height);
  cairo_save (cr);
  dsr_canvas_init (&c, cr, style, width, height, layout->texts, layout->strings, text_func, user_data);
  c.layout = layout;

  if (!style->transparent)
    {
      dsr_canvas_set_color (&c, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  data = dsr_chart_data_new (store, view);
  /* A trend of one year is no trend: that year's bars (the indicator has
   * only one year of data, or one was asked for). */
  if (data->view->kind == DSR_VIEW_TREND && data->indicator != NULL
      && data->view->year_from == data->view->year_to)
    {
      g_autoptr(DsrView) bars = dsr_view_copy (data->view);

      bars->kind = DSR_VIEW_BARS;
      bars->year = data->view->year_from;
      dsr_chart_data_free (data);
      data = dsr_chart_data_new (store, bars);
    }
  choose_probe (&c, data);
  switch (data->view->kind)
    {
    case DSR_VIEW_TREND:
      _dsr_chart_trend_draw (&c, data);
      break;
    case DSR_VIEW_TABLE:
      _dsr_chart_table_draw (&c, data);
      break;
    case DSR_VIEW_SCATTER:
      _dsr_chart_scatter_draw (&c, NULL, data, 1.0, NULL);
      break;
    case DSR_VIEW_BARS:
    case DSR_VIEW_MAP:
    default:
      _dsr_chart_bars_draw (&c, data);
      break;
    }

  dsr_canvas_clear (&c);
  cairo_restore (cr);
  return layout;
}

DsrRenderLayout *
dsr_render_view (cairo_t              *cr,
                 DsrStore             *store,
                 const DsrView        *view,
                 const DsrRenderStyle *style,
                 double                width,
                 double                height)
{
  return dsr_render_view_full (cr, store, view, style, width, height, NULL, NULL);
}
