/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-scatter"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-scatter.h"
#include "dsr-format.h"
#include "dsr-render-private.h"
#include "dsr-scale.h"

/* Scatter: one dot per economy with both values, members of the grouping in
 * their region's colour, others grey; the world values as dashed reference
 * lines; the least-squares line and its r on request; labels for the
 * extremes and the selected economy where they overlap nothing. Between two
 * years (Play) the dots move, and those that lack a value fade. */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Regions: Okabe and Ito's colours, then Paul Tol's muted ones (both made to
 * be told apart with common colour-vision deficiencies); the vermillion of
 * the world's lines is left out. */
static const DsrRgba light_regions[] = {
  RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xcc79a7), RGB (0x56b4e9), RGB (0x882255),
  RGB (0x999933), RGB (0x332288), RGB (0x661100), RGB (0xddcc77), RGB (0x44aa99), RGB (0xaa4499),
};
static const DsrRgba dark_regions[] = {
  RGB (0x56b4e9), RGB (0xe69f00), RGB (0x2fc495), RGB (0xcc79a7), RGB (0xf0e442), RGB (0xee5577),
  RGB (0xaaaa44), RGB (0xaa99ee), RGB (0xcc8855), RGB (0x77dddd), RGB (0x44aa99), RGB (0xee88dd),
};

typedef struct
{
  gboolean log;
  double   lo;        /* the axis' ends, in axis space (log10 on a log axis) */
  double   hi;
  DsrTicks ticks;     /* linear */
  int      step;      /* log: decades between ticks */
  double   scale;     /* printed values are divided by it (millions…) */
  int      decimals;
  gboolean valid;
} Axis;

typedef struct
{
  DsrCanvas    *c;
  DsrChartData *data;
  DsrRect       plot;
  Axis          x;
  Axis          y;
  double        r_dot;
  double        r_max;
  double        pop_max;
} Scatter;

static const DsrRgba *
region_color (const DsrRenderStyle *st,
              int                   region)
{
  const DsrRgba *palette = st->scheme == DSR_SCHEME_DARK ? dark_regions : light_regions;

  return &palette[region % G_N_ELEMENTS (light_regions)];
}

static double
axis_value (const Axis *a,
            double      v)
{
  return a->log ? log10 (v) : v;
}

static double
map_x (const Scatter *s,
       double         v)
{
  return s->plot.x + (axis_value (&s->x, v) - s->x.lo) / (s->x.hi - s->x.lo) * s->plot.width;
}

static double
map_y (const Scatter *s,
       double         v)
{
  return s->plot.y + s->plot.height - (axis_value (&s->y, v) - s->y.lo) / (s->y.hi - s->y.lo) * s->plot.height;
}

/* Whether the world's value of an indicator is drawn: a mean (or a value as
 * reported) is comparable with an economy's; a total is not. */
static gboolean
world_drawn (const DsrChartValue *world,
             DsrAggregation       rule,
             gboolean             log_axis)
{
  return world->status == DSR_FIGURE_VALUE && isfinite (world->value)
         && rule != DSR_AGGREGATION_SUM && rule != DSR_AGGREGATION_NONE && (!log_axis || world->value > 0);
}

static double
point_x (const DsrScatterPoint *p)
{
  return p->x.value;
}

static double
point_y (const DsrScatterPoint *p)
{
  return p->y.value;
}

/* The axis of one indicator: its range (the points and the world's line)
 * and its ticks for @length pixels, @spacing pixels or more apart. */
static void
axis_setup (Axis                *a,
            DsrChartData        *data,
            double             (*get) (const DsrScatterPoint *),
            const DsrChartValue *world,
            DsrAggregation       rule,
            gboolean             log_axis,
            double               scale,
            double               length,
            double               spacing)
{
  double lo = INFINITY, hi = -INFINITY;
  guint max_ticks = (guint) CLAMP (length / MAX (spacing, 1.0), 2, 12);

  *a = (Axis) { .log = log_axis, .scale = scale };
  for (guint i = 0; i < data->points->len; i++)
    {
      double v = get (&g_array_index (data->points, DsrScatterPoint, i));

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if (world_drawn (world, rule, log_axis))
    {
      lo = MIN (lo, world->value);
      hi = MAX (hi, world->value);
    }
  if (!isfinite (lo) || !isfinite (hi))
    return;
  a->valid = TRUE;
  if (log_axis)
    {
      double first, last;

      dsr_scatter_log_ticks (lo, hi, max_ticks, &first, &last, &a->step);
      a->lo = first;
      a->hi = last;
      return;
    }
  /* Start at zero when the data come close to it anyway. */
  if (lo >= 0 && lo <= 0.25 * hi)
    lo = 0;
  if (hi == lo)
    {
      double pad = lo == 0 ? 1 : fabs (lo) * 0.1;

      lo -= pad;
      hi += pad;
    }
  dsr_scale_nice_ticks (lo, hi, max_ticks, &a->ticks);
  a->lo = a->ticks.min;
  a->hi = a->ticks.max;
  a->decimals = a->ticks.decimals;
  if (scale > 1.0)
    {
      double step = a->ticks.step / scale;

      a->decimals = step > 0 ? CLAMP ((int) ceil (-log10 (step) - 1e-9), 0, 6) : 0;
    }
}

static guint
axis_n_ticks (const Axis *a)
{
  if (!a->valid)
    return 0;
  if (a->log)
    return (guint) ((a->hi - a->lo) / a->step + 1.5);
  return a->ticks.n_ticks;
}

/* The tick's value itself (not in axis space). */
static double
axis_tick (const Axis *a,
           guint       i)
{
  if (a->log)
    return pow (10, a->lo + (double) i * a->step);
  return dsr_ticks_get (&a->ticks, i);
}

/* A tick's label: the locale's digits; on a log axis 1, 10, 100, 1,000…
 * (in the axis' millions or billions, said in its title). */
static char *
axis_tick_text (const Axis *a,
                double      v)
{
  v /= a->scale;
  if (a->log)
    {
      int k = (int) floor (log10 (v) + 1e-9);

      return dsr_format_number (v, k < 0 ? -k : 0);
    }
  return dsr_format_number (v, a->decimals);
}

/* A value as a label prints it: in the axis' scale, with its decimals. */
static char *
format_scaled (double   value,
               double   scale,
               int      decimals)
{
  if (scale > 1.0)
    {
      value /= scale;
      decimals = fabs (value) < 10 ? 2 : 1;
    }
  return dsr_format_number (value, decimals);
}

/* "current US$, billions", as the other views say it. */
static char *
scaled_unit (const char *unit,
             double      scale)
{
  const char *word = scale >= 1e12 ? _("trillions") : scale >= 1e9 ? _("billions") : scale >= 1e6 ? _("millions") : NULL;

  if (word == NULL)
    return g_strdup (unit ? unit : "");
  if (unit == NULL || *unit == '\0')
    return g_strdup (word);
  return g_strdup_printf (_("%s, %s"), unit, word);
}

static char *
axis_title (DsrIndicator *indicator,
            const Axis   *a)
{
  g_autofree char *unit = scaled_unit (dsr_indicator_get_unit (indicator), a->scale);

  if (a->log)
    /* Translators: an axis' title: the indicator, its unit, and that the axis is logarithmic */
    return g_strdup_printf (_("%s (%s; logarithmic scale)"), dsr_indicator_get_name (indicator), unit);
  if (*unit == '\0')
    return g_strdup (dsr_indicator_get_name (indicator));
  /* Translators: an axis' title: the indicator and its unit */
  return g_strdup_printf (_("%s (%s)"), dsr_indicator_get_name (indicator), unit);
}

/* The label of a world reference line, saying whether it was computed here
 * or is as the source reported it. */
static char *
world_label (const DsrChartValue *world,
             double               scale,
             int                  decimals)
{
  g_autofree char *number = format_scaled (world->value, scale, decimals);

  if (world->basis != DSR_BASIS_COMPUTED)
    return g_strdup_printf (_("World average %s, as reported"), number);
  return g_strdup_printf (_("World mean %s"), number);
}

static double
dot_radius (const Scatter         *s,
            const DsrScatterPoint *p)
{
  if (!s->data->view->size_by_population || !(s->pop_max > 0))
    return s->r_dot;
  if (!(p->population > 0))
    return s->r_dot * 0.6;
  return MAX (s->r_dot * 0.6, s->r_max * sqrt (p->population / s->pop_max));
}

/* The note under the chart: what was done, shortest first. */
static char *
build_note (DsrChartData *data,
            gboolean      x_world,
            gboolean      y_world)
{
  GString *note = g_string_new (NULL);
  guint n = data->points->len;
  int tolerance = data->view->tolerance;

  /* Translators: e.g. "150 of 190 economies with data have both values." (190: with either value) */
  g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE, "%u of %u economies with data has both values.",
                                             "%u of %u economies with data have both values.", n),
                          n, data->n_countries);
  if (tolerance > 0)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                 "Where %d has no value, one within %d year counts",
                                                 "Where %d has no value, one within %d years counts",
                                                 tolerance), data->view->year, tolerance);
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE, " (%u economy).", " (%u economies).",
                                                 data->n_nearest), data->n_nearest);
    }
  if (data->log_x || data->log_y)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, data->log_x && data->log_y ? _("Both axes are logarithmic: the values span orders of magnitude.")
                             : data->log_x ? _("The horizontal axis is logarithmic: the values span orders of magnitude.")
                             : _("The vertical axis is logarithmic: the values span orders of magnitude."));
    }
  if (data->has_fit)
    {
      g_autofree char *r = dsr_format_number (data->fit_r, 2);

      g_string_append_c (note, ' ');
      /* Translators: the best-fit line; %s is Pearson's r, %u the number of economies */
      g_string_append_printf (note, _("Best fit by least squares: r = %s (n = %u)."), r, n);
      if (data->log_x || data->log_y)
        {
          g_string_append_c (note, ' ');
          g_string_append (note, _("Fitted to the logarithms of the values on a logarithmic axis."));
        }
    }
  else if (data->view->show_fit)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("No best-fit line: too few economies, or no spread."));
    }
  if (x_world || y_world)
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("Dashed lines: the world’s values."));
    }
  if ((!x_world && data->world.status == DSR_FIGURE_VALUE && data->rule == DSR_AGGREGATION_SUM)
      || (!y_world && data->y_world.status == DSR_FIGURE_VALUE && data->y_rule == DSR_AGGREGATION_SUM))
    {
      g_string_append_c (note, ' ');
      g_string_append (note, _("A world total is not drawn: it is not comparable with one economy’s value."));
    }
  return g_string_free (note, FALSE);
}

static char *
build_subtitle (DsrChartData *data)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%d", data->view->year);
  if (data->grouping != NULL)
    {
      g_string_append_printf (s, " · %s", dsr_grouping_get_name (data->grouping));
      g_string_append_printf (s, _(", members as of %d"), data->view->year);
    }
  if (data->view->size_by_population)
    {
      g_string_append (s, " · ");
      g_string_append (s, _("dot area: population"));
    }
  return g_string_free (s, FALSE);
}

/* Where a dot of @data is drawn between @from (at 0) and @to (at 1). */
typedef struct
{
  const DsrScatterPoint *point;
  double                 x, y, r, alpha;
  gboolean               member;
  gboolean               large;   /* drawn under the small ones */
  const DsrRgba         *color;
} Dot;

static void draw_dots (DsrCanvas *c,
                       GArray    *dots);


/* Legend ------------------------------------------------------------------------------ */

typedef struct
{
  char          *label;
  const DsrRgba *color;
  double         alpha;
} Entry;

static void
entry_clear (gpointer p)
{
  g_free (((Entry *) p)->label);
}

static double
layout_legend (Scatter *s,
               GArray  *entries,
               double   x,
               double   top,
               double   width,
               gboolean draw)
{
  DsrCanvas *c = s->c;
  double h = dsr_canvas_line_height (c, &dsr_font_small) * 1.3;
  double cx = x, cy = top, r = MAX (3.0, c->unit * 0.3);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Dot));

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      double w = r * 2 + c->unit * 0.4 + dsr_canvas_text_width (c, e->label, &dsr_font_small);

      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += h;
        }
      if (draw)
        {
          Dot dot = { .x = cx + r, .y = cy + dsr_canvas_line_height (c, &dsr_font_small) / 2, .r = r,
                      .alpha = 1.0, .member = e->alpha > 0.5, .color = e->color };

          g_array_append_val (marks, dot);
          dsr_canvas_text (c, e->label, &dsr_font_small, &c->style->foreground, cx + 2 * r + c->unit * 0.4, cy,
                           DSR_TEXT_ANCHOR_START, DSR_TEXT_SERIES, NULL, NULL);
        }
      cx += w + c->unit * 1.0;
    }
  draw_dots (c, marks);
  return entries->len > 0 ? cy - top + h : 0;
}

/* Labels ------------------------------------------------------------------------------- */

static gboolean
overlaps_text (DsrCanvas     *c,
               const DsrRect *rect)
{
  GArray *texts = c->layout->texts;

  for (guint i = 0; i < texts->len; i++)
    if (dsr_rect_intersects (rect, &g_array_index (texts, DsrTextBox, i).rect))
      return TRUE;
  return FALSE;
}

static gboolean
rect_inside (const DsrRect *outer,
             const DsrRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

/* How many dots @rect covers (a dot counts when its circle reaches in). */
static guint
dots_under (Scatter       *s,
            const DsrRect *rect,
            const DsrScatterPoint *own)
{
  guint n = 0;

  for (guint i = 0; i < s->data->points->len; i++)
    {
      const DsrScatterPoint *p = &g_array_index (s->data->points, DsrScatterPoint, i);
      double x = map_x (s, p->x.value), y = map_y (s, p->y.value), r = dot_radius (s, p);
      double nx = CLAMP (x, rect->x, rect->x + rect->width), ny = CLAMP (y, rect->y, rect->y + rect->height);

      if (p != own && (nx - x) * (nx - x) + (ny - y) * (ny - y) < r * r)
        n++;
    }
  return n;
}

/* Puts the name of @p beside its dot where it overlaps no text and stays in
 * the plot, covering as few dots as it can; nearer places first. Returns
 * FALSE when there is no such place (the label is left out). */
static gboolean
place_label (Scatter               *s,
             const DsrScatterPoint *p,
             const DsrRgba         *color,
             gboolean               bold)
{
  DsrCanvas *c = s->c;
  const DsrFont *font = bold ? &dsr_font_small_bold : &dsr_font_small;
  g_autofree char *text = dsr_canvas_ellipsize (c, p->x.name, font, c->unit * 12);
  double w = dsr_canvas_text_width (c, text, font), h = dsr_canvas_line_height (c, font);
  double x = map_x (s, p->x.value), y = map_y (s, p->y.value), r = dot_radius (s, p);
  /* Directions: right, left, above, below, then the diagonals. */
  static const double dirs[][2] = { { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { 1, 1 }, { -1, -1 }, { -1, 1 } };
  DsrRect best = { 0 };
  guint best_score = G_MAXUINT;
  double best_dist = 0;

  for (guint ring = 0; ring < 3 && best_score > 0; ring++)
    {
      double gap = c->unit * (0.25 + 1.2 * ring);

      for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
        {
          double dx = dirs[d][0], dy = dirs[d][1];
          double cx = x + dx * (r + gap + (dx != 0 ? w / 2 : 0));
          double cy = y + dy * (r + gap + (dy != 0 ? h / 2 : 0));
          DsrRect rect = { cx - w / 2, cy - h / 2, w, h };
          guint score;

          if (!rect_inside (&s->plot, &rect) || overlaps_text (c, &rect))
            continue;
          score = dots_under (s, &rect, p);
          if (score < best_score)
            {
              best = rect;
              best_score = score;
              best_dist = gap;
            }
          if (score == 0)
            break;
        }
    }
  if (best_score == G_MAXUINT)
    return FALSE;
  if (best_dist > c->unit)
    {
      /* A leader from the dot to a label set further off. */
      double lx = CLAMP (x, best.x, best.x + best.width), ly = CLAMP (y, best.y, best.y + best.height);
      double len = hypot (lx - x, ly - y);

      if (len > r)
        {
          dsr_canvas_set_color (c, &c->style->secondary, 0.8);
          cairo_set_line_width (c->cr, c->line);
          cairo_move_to (c->cr, x + (lx - x) * r / len, y + (ly - y) * r / len);
          cairo_line_to (c->cr, lx, ly);
          cairo_stroke (c->cr);
        }
    }
  {
    DsrRect box;

    if (best_score > 0)
      dsr_canvas_halo (c, &best);
    dsr_canvas_text (c, text, font, color, best.x, best.y, DSR_TEXT_ANCHOR_START, DSR_TEXT_SERIES,
                     p->x.entity_id, &box);
    _dsr_chart_add_hit (c, DSR_HIT_LABEL, &box, &p->y, p->y.value);
  }
  return TRUE;
}

/* Drawing ------------------------------------------------------------------------------- */


static int
compare_dots (gconstpointer a,
              gconstpointer b)
{
  const Dot *x = a, *y = b;

  /* Non-members under members, large under small. */
  if (x->member != y->member)
    return x->member ? 1 : -1;
  if (x->large != y->large)
    return x->large ? -1 : 1;
  if (x->color != y->color)
    return x->color < y->color ? -1 : 1;
  return (x->alpha > y->alpha) - (x->alpha < y->alpha);
}

/* One dot drawn once into a small image, at device pixels. */
typedef struct
{
  const DsrRgba   *color;
  int              alpha;    /* 0..1024 */
  gboolean         member;
  long             radius;   /* quarters of a device pixel */
  cairo_surface_t *image;
} Sprite;

static void
dot_path (DsrCanvas     *c,
          cairo_t       *cr,
          double         x,
          double         y,
          double         r,
          double         ring,
          const DsrRgba *color,
          double         alpha,
          gboolean       member)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + ring, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, c->style->background.red, c->style->background.green, c->style->background.blue,
                         c->style->background.alpha * alpha * 0.9);
  cairo_fill (cr);
  cairo_arc (cr, x, y, MAX (r - ring, 1.0), 0, 2 * G_PI);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha * (member ? 0.85 : 0.5));
  cairo_fill (cr);
}

static void
sprite_clear (gpointer p)
{
  cairo_surface_destroy (((Sprite *) p)->image);
}

static const Sprite *
sprite_get (DsrCanvas *c,
            GArray    *sprites,
            const Dot *d,
            double     scale,
            double     device_scale,
            double     ring)
{
  Sprite key = { d->color, (int) lround (d->alpha * 1024), d->member, lround (d->r * scale * 4), NULL };
  double r, n;
  cairo_t *cr;

  for (guint i = 0; i < sprites->len; i++)
    {
      const Sprite *sp = &g_array_index (sprites, Sprite, i);

      if (sp->color == key.color && sp->alpha == key.alpha && sp->member == key.member && sp->radius == key.radius)
        return sp;
    }
  r = key.radius / 4.0;
  n = ceil (2 * (r + ring * scale)) + 2;
  key.image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) n, (int) n);
  cr = cairo_create (key.image);
  cairo_surface_set_device_scale (key.image, device_scale, device_scale);
  cairo_scale (cr, 1 / device_scale, 1 / device_scale);
  cairo_set_tolerance (cr, 0.3);
  dot_path (c, cr, n / 2, n / 2, r, ring * scale, d->color, key.alpha / 1024.0, d->member);
  cairo_destroy (cr);
  g_array_append_val (sprites, key);
  return &g_array_index (sprites, Sprite, sprites->len - 1);
}

/* The dots: a ring of the background under each, then its colour (two
 * small fills cost less than a stroke). Drawn on an image (a PNG, the
 * window's frame), each dot is a copy of a
 * small image of its colour and size: cairo fills a path far slower than it
 * copies pixels. Vector files (SVG, PDF) keep their circles. */
static void
draw_dots (DsrCanvas *c,
           GArray    *dots)
{
  double ring = MAX (0.75, c->line) / 2;
  double tolerance = cairo_get_tolerance (c->cr);
  cairo_surface_t *target = cairo_get_target (c->cr);
  double sx = 1, sy = 1;
  cairo_matrix_t m;

  cairo_get_matrix (c->cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE && m.xy == 0 && m.yx == 0 && m.xx > 0
      && m.xx == m.yy && sx == sy && sx > 0)
    {
      g_autoptr(GArray) sprites = g_array_new (FALSE, FALSE, sizeof (Sprite));

      g_array_set_clear_func (sprites, sprite_clear);
      cairo_save (c->cr);
      cairo_identity_matrix (c->cr);
      for (guint i = 0; i < dots->len; i++)
        {
          const Dot *d = &g_array_index (dots, Dot, i);
          const Sprite *sp = sprite_get (c, sprites, d, m.xx * sx, sx, ring);
          int n = cairo_image_surface_get_width (sp->image);
          /* In device pixels, put on whole ones. */
          double x = (m.xx * d->x + m.x0) * sx, y = (m.yy * d->y + m.y0) * sx;

          cairo_set_source_surface (c->cr, sp->image, round (x - n / 2.0) / sx, round (y - n / 2.0) / sx);
          cairo_paint (c->cr);
        }
      cairo_restore (c->cr);
      return;
    }

  /* Dots are small: a coarser flattening of their arcs looks the same. */
  cairo_set_tolerance (c->cr, 0.3);
  for (guint i = 0; i < dots->len; i++)
    {
      const Dot *d = &g_array_index (dots, Dot, i);

      dot_path (c, c->cr, d->x, d->y, d->r, ring, d->color, d->alpha, d->member);
    }
  cairo_set_tolerance (c->cr, tolerance);
}

static double
lerp (double a,
      double b,
      double t)
{
  return a + (b - a) * t;
}

static void
axis_between (Axis       *a,
              const Axis *from,
              double      t)
{
  if (!from->valid || from->log != a->log)
    return;
  a->lo = lerp (from->lo, a->lo, t);
  a->hi = lerp (from->hi, a->hi, t);
}

/* From the plot's bottom to the top of the horizontal axis' labels: clear
 * of the vertical axis' lowest label, which is centred on the bottom. */
static double
x_tick_gap (DsrCanvas *c,
            double     small_h)
{
  return small_h * 0.5 + c->unit * 0.15;
}

/* Straight lines along the axes as pixel-aligned rectangles: cairo fills
 * those on its fast path, where a stroke is shaped like any curve. */
static void
add_hline (cairo_t *cr,
           double   x0,
           double   x1,
           double   y,
           double   width)
{
  double w = MAX (1.0, round (width));

  cairo_rectangle (cr, round (x0), round (y - w / 2), round (x1) - round (x0), w);
}

static void
add_vline (cairo_t *cr,
           double   x,
           double   y0,
           double   y1,
           double   width)
{
  double w = MAX (1.0, round (width));

  cairo_rectangle (cr, round (x - w / 2), round (y0), w, round (y1) - round (y0));
}

static gboolean
tick_shown (const Axis *a,
            guint       i)
{
  double av = axis_value (a, axis_tick (a, i)), eps = 1e-9 * fabs (a->hi - a->lo);

  return av >= a->lo - eps && av <= a->hi + eps;
}

static void
draw_axes (Scatter *s,
           double   small_h)
{
  DsrCanvas *c = s->c;
  const DsrRenderStyle *st = c->style;

  /* The grid in one fill, then the axes, then the labels. */
  cairo_new_path (c->cr);
  for (guint i = 0; i < axis_n_ticks (&s->y); i++)
    if (tick_shown (&s->y, i))
      add_hline (c->cr, s->plot.x, s->plot.x + s->plot.width, map_y (s, axis_tick (&s->y, i)), c->line);
  for (guint i = 0; i < axis_n_ticks (&s->x); i++)
    if (tick_shown (&s->x, i))
      add_vline (c->cr, map_x (s, axis_tick (&s->x, i)), s->plot.y, s->plot.y + s->plot.height + c->unit * 0.25,
                 c->line);
  dsr_canvas_set_color (c, &st->grid, 1.0);
  cairo_fill (c->cr);
  add_vline (c->cr, s->plot.x, s->plot.y, s->plot.y + s->plot.height, c->line);
  add_hline (c->cr, s->plot.x, s->plot.x + s->plot.width, s->plot.y + s->plot.height, c->line);
  dsr_canvas_set_color (c, &st->axis, 1.0);
  cairo_fill (c->cr);

  for (guint i = 0; i < axis_n_ticks (&s->y); i++)
    if (tick_shown (&s->y, i))
      {
        double v = axis_tick (&s->y, i);
        g_autofree char *text = axis_tick_text (&s->y, v);

        dsr_canvas_text (c, text, &dsr_font_small, &st->secondary, s->plot.x - c->unit * 0.4,
                         map_y (s, v) - small_h / 2, DSR_TEXT_ANCHOR_END, DSR_TEXT_AXIS, NULL, NULL);
      }
  for (guint i = 0; i < axis_n_ticks (&s->x); i++)
    if (tick_shown (&s->x, i))
      {
        double v = axis_tick (&s->x, i);
        g_autofree char *text = axis_tick_text (&s->x, v);

        dsr_canvas_text (c, text, &dsr_font_small, &st->secondary, map_x (s, v),
                         s->plot.y + s->plot.height + x_tick_gap (c, small_h), DSR_TEXT_ANCHOR_MIDDLE,
                         DSR_TEXT_AXIS, NULL, NULL);
      }
}

/* The world's lines and their labels. */
static void
draw_world (Scatter  *s,
            gboolean  x_world,
            gboolean  y_world)
{
  DsrCanvas *c = s->c;
  const DsrRenderStyle *st = c->style;
  double dashes[] = { c->unit * 0.5, c->unit * 0.3 };
  double small_h = dsr_canvas_line_height (c, &dsr_font_small), m = c->unit * 0.3;
  DsrRect vbox = { 0 };

  /* Dashes as rectangles, in one fill. */
  cairo_new_path (c->cr);
  if (x_world)
    {
      double x = map_x (s, s->data->world.value);

      for (double y = s->plot.y; y < s->plot.y + s->plot.height; y += dashes[0] + dashes[1])
        add_vline (c->cr, x, y, MIN (y + dashes[0], s->plot.y + s->plot.height), MAX (1.5, c->unit * 0.1));
    }
  if (y_world)
    {
      double y = map_y (s, s->data->y_world.value);

      for (double x = s->plot.x; x < s->plot.x + s->plot.width; x += dashes[0] + dashes[1])
        add_hline (c->cr, x, MIN (x + dashes[0], s->plot.x + s->plot.width), y, MAX (1.5, c->unit * 0.1));
    }
  dsr_canvas_set_color (c, &st->world, 0.9);
  cairo_fill (c->cr);

  if (x_world)
    {
      g_autofree char *label = world_label (&s->data->world, s->x.scale, s->data->decimals);
      double x = map_x (s, s->data->world.value), w = dsr_canvas_text_width (c, label, &dsr_font_small);
      gboolean right = x + m + w <= s->plot.x + s->plot.width;

      vbox = (DsrRect) { right ? x + m : x - m - w, s->plot.y + m, w, small_h };
      dsr_canvas_halo (c, &vbox);
      dsr_canvas_text (c, label, &dsr_font_small, &st->world, vbox.x, vbox.y, DSR_TEXT_ANCHOR_START,
                       DSR_TEXT_REFERENCE, DSR_ENTITY_ID_WORLD, &vbox);
    }
  if (y_world)
    {
      g_autofree char *label = world_label (&s->data->y_world, s->y.scale, s->data->y_decimals);
      double y = map_y (s, s->data->y_world.value), w = dsr_canvas_text_width (c, label, &dsr_font_small);
      DsrRect tries[] = {
        { s->plot.x + s->plot.width - m - w, y - m * 0.5 - small_h, w, small_h },
        { s->plot.x + s->plot.width - m - w, y + m * 0.5, w, small_h },
        { s->plot.x + m, y - m * 0.5 - small_h, w, small_h },
        { s->plot.x + m, y + m * 0.5, w, small_h },
      };

      for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
        if (rect_inside (&s->plot, &tries[i]) && !overlaps_text (c, &tries[i]))
          {
            dsr_canvas_halo (c, &tries[i]);
            dsr_canvas_text (c, label, &dsr_font_small, &st->world, tries[i].x, tries[i].y, DSR_TEXT_ANCHOR_START,
                             DSR_TEXT_REFERENCE, DSR_ENTITY_ID_WORLD, NULL);
            break;
          }
    }
}

/* The best-fit line across the points' horizontal range, in the plot. */
static void
draw_fit (Scatter *s,
          double   alpha)
{
  DsrCanvas *c = s->c;
  DsrChartData *data = s->data;
  double lo = INFINITY, hi = -INFINITY, x0, x1, y0, y1, bottom = s->y.lo, top = s->y.hi;
  double small_h = dsr_canvas_line_height (c, &dsr_font_small);

  if (!data->has_fit)
    return;
  for (guint i = 0; i < data->points->len; i++)
    {
      double v = axis_value (&s->x, g_array_index (data->points, DsrScatterPoint, i).x.value);

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  /* Clip y = a + b x (axis space) to the plot's height. */
  x0 = lo;
  x1 = hi;
  y0 = data->fit_intercept + data->fit_slope * x0;
  y1 = data->fit_intercept + data->fit_slope * x1;
  if (data->fit_slope != 0)
    {
      double xa = (bottom - data->fit_intercept) / data->fit_slope, xb = (top - data->fit_intercept) / data->fit_slope;
      double xmin = MIN (xa, xb), xmax = MAX (xa, xb);

      x0 = MAX (x0, xmin);
      x1 = MIN (x1, xmax);
      y0 = data->fit_intercept + data->fit_slope * x0;
      y1 = data->fit_intercept + data->fit_slope * x1;
    }
  if (!(x1 > x0))
    return;
  {
    double px0 = s->plot.x + (x0 - s->x.lo) / (s->x.hi - s->x.lo) * s->plot.width;
    double px1 = s->plot.x + (x1 - s->x.lo) / (s->x.hi - s->x.lo) * s->plot.width;
    double py0 = s->plot.y + s->plot.height - (y0 - s->y.lo) / (s->y.hi - s->y.lo) * s->plot.height;
    double py1 = s->plot.y + s->plot.height - (y1 - s->y.lo) / (s->y.hi - s->y.lo) * s->plot.height;
    g_autofree char *r = dsr_format_number (data->fit_r, 2);
    /* Translators: the label of the best-fit line; %s is Pearson's r */
    g_autofree char *label = g_strdup_printf (_("Best fit, r = %s"), r);
    double w = dsr_canvas_text_width (c, label, &dsr_font_small), m = c->unit * 0.3;
    DsrRect tries[] = {
      { px1 - w, py1 - m - small_h, w, small_h },
      { px1 - w, py1 + m, w, small_h },
      { px0, py0 - m - small_h, w, small_h },
      { px0, py0 + m, w, small_h },
    };

    dsr_canvas_set_color (c, &c->style->foreground, 0.6 * alpha);
    cairo_set_line_width (c->cr, MAX (1.5, c->unit * 0.12));
    cairo_move_to (c->cr, px0, py0);
    cairo_line_to (c->cr, px1, py1);
    cairo_stroke (c->cr);
    if (alpha < 1.0)
      return;
    for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
      if (rect_inside (&s->plot, &tries[i]) && !overlaps_text (c, &tries[i]))
        {
          dsr_canvas_halo (c, &tries[i]);
          dsr_canvas_text (c, label, &dsr_font_small, &c->style->foreground, tries[i].x, tries[i].y,
                           DSR_TEXT_ANCHOR_START, DSR_TEXT_REFERENCE, NULL, NULL);
          break;
        }
  }
}

static void
setup_axes (Scatter      *s,
            DsrChartData *data,
            double        small_h)
{
  DsrCanvas *c = s->c;

  axis_setup (&s->x, data, point_x, &data->world, data->rule, data->log_x, data->scale, s->plot.width,
              dsr_canvas_text_width (c, "100,000", &dsr_font_small) + c->unit * 1.5);
  axis_setup (&s->y, data, point_y, &data->y_world, data->y_rule, data->log_y, data->y_scale, s->plot.height,
              small_h * 2.6);
}

void
_dsr_chart_scatter_draw (DsrCanvas    *c,
                         DsrChartData *from,
                         DsrChartData *data,
                         double        t,
                         const char   *selected)
{
  const DsrRenderStyle *st = c->style;
  Scatter s = { .c = c, .data = data };
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GArray) dots = g_array_new (FALSE, TRUE, sizeof (Dot));
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *x_title = NULL;
  g_autofree char *y_title = NULL;
  g_autoptr(GPtrArray) labelled = g_ptr_array_new ();
  double small_h = dsr_canvas_line_height (c, &dsr_font_small), legend_h, tick_w = 0, x_tick_w = 0;
  gboolean x_world, y_world, any_other = FALSE, moving = from != NULL && t < 1.0;
  DsrRect body;
  guint n_regions = data->grouping ? dsr_grouping_get_n_regions (data->grouping) : 0;
  g_autofree gboolean *region_used = g_new0 (gboolean, MAX (n_regions, 1));

  g_array_set_clear_func (entries, entry_clear);
  t = CLAMP (t, 0.0, 1.0);

  if (data->indicator == NULL || data->y_indicator == NULL)
    {
      dsr_canvas_furniture (c, _("No data"), NULL, NULL, NULL, &body);
      dsr_canvas_message (c, &body, data->indicator == NULL
                                      ? _("There is no indicator to show. Load a data pack or import a file.")
                                      : _("Choose an indicator for the vertical axis."));
      return;
    }

  /* Translators: a scatter's title: the vertical axis' indicator, then the horizontal one's */
  title = g_strdup_printf (_("%s against %s"), dsr_indicator_get_name (data->y_indicator),
                           dsr_indicator_get_name (data->indicator));
  subtitle = build_subtitle (data);
  x_world = world_drawn (&data->world, data->rule, data->log_x);
  y_world = world_drawn (&data->y_world, data->y_rule, data->log_y);
  note = build_note (data, x_world, y_world);
  sources = dsr_chart_data_get_sources (data);
  dsr_canvas_furniture (c, title, subtitle, note, sources, &body);

  if (data->points->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No economy has values of both indicators in %d."),
                                                  data->view->year);

      dsr_canvas_message (c, &body, message);
      return;
    }

  /* The legend: the regions with dots, then the other economies. */
  for (guint i = 0; i < data->points->len; i++)
    {
      const DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);

      if (p->region >= 0 && (guint) p->region < n_regions)
        region_used[p->region] = TRUE;
      else
        any_other = TRUE;
    }
  for (guint r = 0; r < n_regions; r++)
    if (region_used[r])
      {
        DsrRegion *region = dsr_grouping_get_region (data->grouping, r);
        DsrEntity *entity = dsr_store_get_entity (data->store, dsr_region_get_entity_id (region));
        Entry e = { .color = region_color (st, r), .alpha = 0.85 };

        e.label = g_strdup (entity ? dsr_entity_get_name (entity) : dsr_region_get_name (region));
        g_array_append_val (entries, e);
      }
  if (any_other)
    {
      Entry e = { .color = &st->axis, .alpha = 0.5 };

      e.label = g_strdup (n_regions > 0 ? _("Other economies") : _("Economies"));
      g_array_append_val (entries, e);
    }
  legend_h = layout_legend (&s, entries, body.x, body.y, body.width, FALSE);

  /* The plot: the vertical axis' title above it, the horizontal one's below its ticks. */
  s.plot.y = body.y + legend_h + small_h * 1.5 + c->unit * 0.3;
  s.plot.height = body.y + body.height - (x_tick_gap (c, small_h) + small_h) - (small_h + c->unit * 0.3) - s.plot.y;
  s.plot.x = body.x;
  s.plot.width = body.width;
  setup_axes (&s, data, small_h);
  for (guint i = 0; i < axis_n_ticks (&s.y); i++)
    {
      g_autofree char *text = axis_tick_text (&s.y, axis_tick (&s.y, i));

      tick_w = MAX (tick_w, dsr_canvas_text_width (c, text, &dsr_font_small));
    }
  if (axis_n_ticks (&s.x) > 0)
    {
      g_autofree char *text = axis_tick_text (&s.x, axis_tick (&s.x, axis_n_ticks (&s.x) - 1));

      x_tick_w = dsr_canvas_text_width (c, text, &dsr_font_small);
    }
  s.plot.x = body.x + tick_w + c->unit * 0.5;
  s.plot.width = body.x + body.width - x_tick_w / 2 - s.plot.x;
  if (s.plot.width < c->unit * 4 || s.plot.height < c->unit * 4)
    {
      dsr_canvas_message (c, &body, _("The chart is too small to show."));
      return;
    }
  /* Ticks again for the plot's final width. */
  setup_axes (&s, data, small_h);
  c->layout->plot = s.plot;

  s.r_dot = MAX (3.0, c->unit * 0.32);
  s.r_max = MAX (s.r_dot * 2, MIN (s.plot.width, s.plot.height) * 0.045);
  for (guint i = 0; i < data->points->len; i++)
    s.pop_max = MAX (s.pop_max, g_array_index (data->points, DsrScatterPoint, i).population);
  if (!isfinite (s.pop_max))
    s.pop_max = 0;

  /* Between two years: the axes move from the old range to the new. */
  if (moving)
    {
      Scatter old = s;

      old.data = from;
      setup_axes (&old, from, small_h);
      axis_between (&s.x, &old.x, t);
      axis_between (&s.y, &old.y, t);
      before = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < from->points->len; i++)
        {
          DsrScatterPoint *p = &g_array_index (from->points, DsrScatterPoint, i);

          g_hash_table_insert (before, (gpointer) p->x.entity_id, p);
        }
    }

  legend_h = layout_legend (&s, entries, body.x, body.y, body.width, TRUE);
  draw_axes (&s, small_h);
  y_title = axis_title (data->y_indicator, &s.y);
  x_title = axis_title (data->indicator, &s.x);
  {
    g_autofree char *yt = dsr_canvas_ellipsize (c, y_title, &dsr_font_small, body.width);
    g_autofree char *xt = dsr_canvas_ellipsize (c, x_title, &dsr_font_small, s.plot.width);

    dsr_canvas_text (c, yt, &dsr_font_small, &st->secondary, body.x, s.plot.y - small_h * 1.5 - c->unit * 0.3 + 0,
                     DSR_TEXT_ANCHOR_START, DSR_TEXT_AXIS, NULL, NULL);
    dsr_canvas_text (c, xt, &dsr_font_small, &st->secondary, s.plot.x + s.plot.width,
                     s.plot.y + s.plot.height + x_tick_gap (c, small_h) + small_h + c->unit * 0.3, DSR_TEXT_ANCHOR_END,
                     DSR_TEXT_AXIS, NULL, NULL);
  }

  /* Dots: where they are now, and those of the year before that fade. */
  /* A clip on whole pixels: cairo's fast path (a fractional one is a mask). */
  cairo_save (c->cr);
  cairo_rectangle (c->cr, floor (s.plot.x - s.r_max), floor (s.plot.y - s.r_max),
                   ceil (s.plot.width + 2 * s.r_max + 1), ceil (s.plot.height + 2 * s.r_max + 1));
  cairo_clip (c->cr);
  for (guint i = 0; i < data->points->len; i++)
    {
      const DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);
      const DsrScatterPoint *q = before ? g_hash_table_lookup (before, p->x.entity_id) : NULL;
      Dot dot = { .point = p, .alpha = 1.0, .member = p->region >= 0 };
      double ax = axis_value (&s.x, p->x.value), ay = axis_value (&s.y, p->y.value);

      dot.color = dot.member ? region_color (st, p->region) : &st->axis;
      dot.r = dot_radius (&s, p);
      if (moving && q != NULL && q->x.value > 0 && q->y.value > 0)
        {
          ax = lerp (axis_value (&s.x, q->x.value), ax, t);
          ay = lerp (axis_value (&s.y, q->y.value), ay, t);
          dot.r = lerp (dot_radius (&s, q), dot.r, t);
        }
      else if (moving && q != NULL && !s.x.log && !s.y.log)
        {
          ax = lerp (q->x.value, ax, t);
          ay = lerp (q->y.value, ay, t);
        }
      else if (moving)
        dot.alpha = t;
      dot.x = s.plot.x + (ax - s.x.lo) / (s.x.hi - s.x.lo) * s.plot.width;
      dot.y = s.plot.y + s.plot.height - (ay - s.y.lo) / (s.y.hi - s.y.lo) * s.plot.height;
      g_array_append_val (dots, dot);
    }
  if (before != NULL)
    {
      g_autoptr(GHashTable) now = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < data->points->len; i++)
        g_hash_table_add (now, (gpointer) g_array_index (data->points, DsrScatterPoint, i).x.entity_id);
      for (guint i = 0; i < from->points->len; i++)
        {
          const DsrScatterPoint *q = &g_array_index (from->points, DsrScatterPoint, i);
          Dot dot = { .point = q, .alpha = 1.0 - t, .member = q->region >= 0 };

          if (g_hash_table_contains (now, q->x.entity_id)
              || (s.x.log && !(q->x.value > 0)) || (s.y.log && !(q->y.value > 0)))
            continue;
          dot.color = dot.member ? region_color (st, q->region) : &st->axis;
          dot.r = dot_radius (&s, q);
          dot.x = map_x (&s, q->x.value);
          dot.y = map_y (&s, q->y.value);
          g_array_append_val (dots, dot);
        }
    }
  for (guint i = 0; i < dots->len; i++)
    g_array_index (dots, Dot, i).large = g_array_index (dots, Dot, i).r > s.r_dot * 1.5;
  g_array_sort (dots, compare_dots);
  draw_dots (c, dots);
  cairo_restore (c->cr);

  /* Hits: where each dot of the year shown comes to rest. */
  for (guint i = 0; i < data->points->len; i++)
    {
      const DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);
      double x = map_x (&s, p->x.value), y = map_y (&s, p->y.value);
      double r = MAX (dot_radius (&s, p), MAX (6.0, c->unit * 0.45));
      DsrRect hit = { x - r, y - r, 2 * r, 2 * r };

      _dsr_chart_add_hit (c, DSR_HIT_POINT, &hit, &p->y, p->y.value);
    }

  draw_world (&s, x_world, y_world);
  draw_fit (&s, moving ? t : 1.0);

  /* The selected economy: a ring, and its name. */
  {
    const DsrScatterPoint *p = dsr_chart_data_find_point (data, selected);

    if (p != NULL)
      {
        double x = map_x (&s, p->x.value), y = map_y (&s, p->y.value);

        dsr_canvas_set_color (c, &st->foreground, moving ? t : 1.0);
        cairo_set_line_width (c->cr, MAX (2.0, c->unit * 0.14));
        cairo_new_path (c->cr);
        cairo_arc (c->cr, x, y, dot_radius (&s, p) + MAX (2.5, c->unit * 0.2), 0, 2 * G_PI);
        cairo_stroke (c->cr);
      }
    if (moving)
      return; /* names come back when the dots rest */
    if (p != NULL && place_label (&s, p, &st->foreground, TRUE))
      g_ptr_array_add (labelled, (gpointer) p);
  }

  /* The extremes: the highest and lowest on each axis. */
  {
    const DsrScatterPoint *ext[4] = { NULL, NULL, NULL, NULL };

    for (guint i = 0; i < data->points->len; i++)
      {
        const DsrScatterPoint *p = &g_array_index (data->points, DsrScatterPoint, i);

        if (ext[0] == NULL || p->y.value > ext[0]->y.value)
          ext[0] = p;
        if (ext[1] == NULL || p->x.value > ext[1]->x.value)
          ext[1] = p;
        if (ext[2] == NULL || p->y.value < ext[2]->y.value)
          ext[2] = p;
        if (ext[3] == NULL || p->x.value < ext[3]->x.value)
          ext[3] = p;
      }
    for (guint i = 0; i < G_N_ELEMENTS (ext); i++)
      if (ext[i] != NULL && !g_ptr_array_find (labelled, ext[i], NULL))
        {
          if (place_label (&s, ext[i], &st->foreground, FALSE))
            g_ptr_array_add (labelled, (gpointer) ext[i]);
        }
  }
}

static void
add_scripts (DsrCanvas    *c,
             DsrChartData *data)
{
  const char *texts[] = {
    _("Sources: %s"), _("Other economies"),
    data->indicator ? dsr_indicator_get_name (data->indicator) : NULL,
    data->y_indicator ? dsr_indicator_get_name (data->y_indicator) : NULL,
    data->grouping ? dsr_grouping_get_name (data->grouping) : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    dsr_canvas_add_script (c, texts[i]);
  for (guint i = 0; i < data->points->len; i++)
    dsr_canvas_add_script (c, g_array_index (data->points, DsrScatterPoint, i).x.name);
}

DsrRenderLayout *
dsr_render_scatter_frame (cairo_t              *cr,
                          DsrChartData         *from,
                          DsrChartData         *to,
                          double                t,
                          const char           *selected,
                          const DsrRenderStyle *style,
                          double                width,
                          double                height,
                          DsrTextFunc           text_func,
                          gpointer              user_data)
{
  g_autoptr(DsrRenderStyle) own_style = NULL;
  DsrRenderLayout *layout;
  DsrCanvas c;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  if (style == NULL)
    style = own_style = dsr_render_style_new (to->view->scheme);
  layout = _dsr_render_layout_new (width, height);
  cairo_save (cr);
  dsr_canvas_init (&c, cr, style, width, height, layout->texts, layout->strings, text_func, user_data);
  c.layout = layout;
  if (!style->transparent)
    {
      dsr_canvas_set_color (&c, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  add_scripts (&c, to);
  if (from != NULL && (from->view->kind != DSR_VIEW_SCATTER || from->log_x != to->log_x || from->log_y != to->log_y))
    from = NULL;
  _dsr_chart_scatter_draw (&c, from, to, t, selected);
  dsr_canvas_clear (&c);
  cairo_restore (cr);
  return layout;
}
