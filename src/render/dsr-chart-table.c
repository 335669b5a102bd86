/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-table"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-render-private.h"

/* Table: the rows for one indicator and year, typeset (the world, the Belt
 * and Road, the grouping's regions, then the economies), with each value's
 * basis and coverage. Rows that do not fit are counted in a last line. */

enum { COL_NAME, COL_VALUE, COL_BASIS, COL_COVERAGE, N_COLS };

static char *
cell_text (DsrChartData        *data,
           const DsrChartValue *v,
           guint                col)
{
  switch (col)
    {
    case COL_NAME: return g_strdup (v->name);
    case COL_VALUE:
      return dsr_chart_data_format_value (data, v);
    case COL_BASIS: return g_strdup (dsr_basis_to_label (v->basis));
    case COL_COVERAGE:
    default:
      return v->basis == DSR_BASIS_COMPUTED ? dsr_format_coverage (v->n, v->total) : g_strdup ("");
    }
}

void
_dsr_chart_table_draw (DsrCanvas    *c,
                       DsrChartData *data)
{
  const DsrRenderStyle *st = c->style;
  const char *headers[N_COLS] = {
    _("Economy or region"), _("Value"), _("Basis"), _("Coverage"),
  };
  const DsrTextAnchor anchors[N_COLS] = {
    DSR_TEXT_ANCHOR_START, DSR_TEXT_ANCHOR_END, DSR_TEXT_ANCHOR_START, DSR_TEXT_ANCHOR_START,
  };
  double widths[N_COLS] = { 0 }, xs[N_COLS], room[N_COLS];
  g_autofree char *subtitle = NULL;
  g_autofree char *sources = NULL;
  double row_h, text_h, gap = c->unit * 1.5, total = 0, y;
  guint n_fit, n_shown;
  DsrRect body;

  if (data->indicator == NULL)
    {
      dsr_canvas_furniture (c, _("No data"), NULL, NULL, NULL, &body);
      dsr_canvas_message (c, &body, _("There is no indicator to show. Load a data pack or import a file."));
      return;
    }

  {
    const char *unit = dsr_indicator_get_unit (data->indicator);
    const char *compared = dsr_compare_to_unit_label (data->rule);
    g_autofree char *what = !data->diff ? g_strdup (unit)
                            : data->rule == DSR_AGGREGATION_SUM || *unit == '\0' ? g_strdup (compared)
                            : g_strdup_printf (_("%s, %s"), unit, compared);

    if (data->grouping != NULL && dsr_figures_has_country_values (data->figures))
      subtitle = *what != '\0' ? g_strdup_printf (_("%s · %d, members as of %d"), what, data->view->year, data->view->year)
                                : g_strdup_printf (_("%d, members as of %d"), data->view->year, data->view->year);
    else
      subtitle = *what != '\0' ? g_strdup_printf ("%s · %d", what, data->view->year)
                                : g_strdup_printf ("%d", data->view->year);
  }
  sources = dsr_chart_data_get_sources (data);
  dsr_canvas_furniture (c, dsr_indicator_get_name (data->indicator), subtitle, NULL, sources, &body);

  if (data->rows->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No values for %d."), data->view->year);

      dsr_canvas_message (c, &body, message);
      return;
    }

  text_h = dsr_canvas_line_height (c, &dsr_font_body);
  row_h = text_h * 1.45;
  n_fit = (guint) MAX (1.0, floor ((body.height - row_h) / row_h));
  n_shown = data->rows->len <= n_fit ? data->rows->len : n_fit - 1;

  for (guint col = 0; col < N_COLS; col++)
    {
      widths[col] = dsr_canvas_text_width (c, headers[col], &dsr_font_bold);
      for (guint r = 0; r < n_shown; r++)
        {
          g_autofree char *text = cell_text (data, &g_array_index (data->rows, DsrChartValue, r), col);

          widths[col] = MAX (widths[col], dsr_canvas_text_width (c, text, &dsr_font_body));
        }
      total += widths[col] + (col > 0 ? gap : 0);
    }
  /* Too wide: the names give way. */
  if (total > body.width)
    widths[COL_NAME] = MAX (body.width * 0.25, widths[COL_NAME] - (total - body.width));
  xs[COL_NAME] = body.x;
  xs[COL_VALUE] = xs[COL_NAME] + widths[COL_NAME] + gap + widths[COL_VALUE];
  xs[COL_BASIS] = xs[COL_VALUE] + gap;
  xs[COL_COVERAGE] = xs[COL_BASIS] + widths[COL_BASIS] + gap;
  for (guint col = 0; col < N_COLS; col++)
    room[col] = col == COL_COVERAGE ? MAX (0, body.x + body.width - xs[col]) : widths[col];

  /* The table is as wide as its columns, not the whole canvas. */
  body.width = MIN (body.width, xs[COL_COVERAGE] + widths[COL_COVERAGE] + gap - body.x);
  y = body.y;
  for (guint col = 0; col < N_COLS; col++)
    {
      g_autofree char *text = dsr_canvas_ellipsize (c, headers[col], &dsr_font_bold, room[col]);

      dsr_canvas_text (c, text, &dsr_font_bold, &st->foreground, xs[col], y + (row_h - text_h) / 2,
                       anchors[col], DSR_TEXT_TABLE, NULL, NULL);
    }
  y += row_h;
  dsr_canvas_set_color (c, &st->axis, 1.0);
  cairo_set_line_width (c->cr, c->line);
  cairo_move_to (c->cr, body.x, round (y) + 0.5);
  cairo_line_to (c->cr, body.x + body.width, round (y) + 0.5);
  cairo_stroke (c->cr);

  for (guint r = 0; r < n_shown; r++, y += row_h)
    {
      const DsrChartValue *v = &g_array_index (data->rows, DsrChartValue, r);
      DsrRect rect = { body.x, y, body.width, row_h };

      if (r % 2 == 1)
        {
          dsr_canvas_set_color (c, &st->grid, 0.5);
          cairo_rectangle (c->cr, rect.x, rect.y, rect.width, rect.height);
          cairo_fill (c->cr);
        }
      for (guint col = 0; col < N_COLS; col++)
        {
          g_autofree char *text = cell_text (data, v, col);
          g_autofree char *fitted = dsr_canvas_ellipsize (c, text, &dsr_font_body, room[col]);
          const DsrRgba *color = col == COL_NAME || col == COL_VALUE ? &st->foreground : &st->secondary;

          dsr_canvas_text (c, fitted, &dsr_font_body, color, xs[col], y + (row_h - text_h) / 2,
                           anchors[col], DSR_TEXT_TABLE, v->entity_id, NULL);
        }
      _dsr_chart_add_hit (c, DSR_HIT_ROW, &rect, v, v->value);
    }

  if (n_shown < data->rows->len)
    {
      guint more = data->rows->len - n_shown;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %u more row (export CSV for all)",
                                                            "… and %u more rows (export CSV for all)",
                                                            more),
                                               more);

      dsr_canvas_text (c, text, &dsr_font_small_italic, &st->secondary, body.x,
                       y + (row_h - dsr_canvas_line_height (c, &dsr_font_small_italic)) / 2,
                       DSR_TEXT_ANCHOR_START, DSR_TEXT_NOTE, NULL, NULL);
    }
}
