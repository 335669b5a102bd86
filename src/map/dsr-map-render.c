/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-render"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-canvas.h"
#include "dsr-format.h"
#include "dsr-map-borders.h"
#include "dsr-map-render.h"
#include "dsr-summary.h"

/* Sizes, in pixels or in units of the body text. */
#define MARKER_BELOW_PX  4.0   /* a country whose largest piece is smaller gets a marker */
#define SPECK_PX         0.5   /* rings smaller than this are not drawn at all */
#define SIMPLIFY_PX2     2.0   /* points whose weight is a smaller area (px²) are left out */

/* Text, the type scale and the title, subtitle, note and source line come
 * from the charts' canvas (dsr-canvas.h): a map sits with the charts, and
 * its text goes through the same one function (an SVG export's <text>). */
typedef struct
{
  DsrCanvas             base;
  const DsrMapOptions  *options;
  DsrMapLayout         *layout;
  DsrMapValues         *values;
  cairo_pattern_t      *hatch;   /* made when first needed */
  cairo_pattern_t      *cross;   /* the "insufficient data" cross-hatching, likewise */
} Canvas;

/* Layout ---------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (DsrMapLayout, dsr_map_layout, dsr_map_layout_ref, dsr_map_layout_unref)

static DsrMapLayout *
layout_new (DsrMapData   *borders,
            DsrMapValues *values)
{
  DsrMapLayout *layout = g_atomic_rc_box_new0 (DsrMapLayout);

  layout->width = values->view->width;
  layout->height = values->view->height;
  layout->values = values;
  layout->borders = g_object_ref (borders);
  layout->hits = g_array_new (FALSE, FALSE, sizeof (DsrMapHit));
  layout->texts = g_array_new (FALSE, FALSE, sizeof (DsrTextBox));
  layout->strings = g_string_chunk_new (1024);
  return layout;
}

static void
layout_clear (gpointer data)
{
  DsrMapLayout *layout = data;

  g_clear_pointer (&layout->values, dsr_map_values_free);
  g_clear_object (&layout->borders);
  g_clear_pointer (&layout->hits, g_array_unref);
  g_clear_pointer (&layout->texts, g_array_unref);
  g_clear_pointer (&layout->strings, g_string_chunk_free);
}

DsrMapLayout *
dsr_map_layout_ref (DsrMapLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return g_atomic_rc_box_acquire (layout);
}

void
dsr_map_layout_unref (DsrMapLayout *layout)
{
  if (layout != NULL)
    g_atomic_rc_box_release_full (layout, layout_clear);
}

static gboolean
rect_contains (const DsrRect *rect,
               double         x,
               double         y)
{
  return x >= rect->x && x <= rect->x + rect->width && y >= rect->y && y <= rect->y + rect->height;
}

/* The country whose shape contains (@x, @y), markers aside. */
static const DsrMapHit *
shape_at (const DsrMapLayout *layout,
          double              x,
          double              y)
{
  const DsrGeometry *geometry = dsr_map_data_get_projected (layout->borders);
  double px, py;

  dsr_map_fit_invert (&layout->fit, x, y, &px, &py);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrMapHit *hit = &g_array_index (layout->hits, DsrMapHit, i);

      if (rect_contains (&hit->box, x, y) && dsr_geometry_feature_contains (geometry, hit->feature, px, py))
        return hit;
    }
  return NULL;
}

/**
 * dsr_map_layout_hit_test:
 * @x: canvas coordinates, in logical pixels
 *
 * What country lies at (@x, @y): a marker first (they are drawn on top),
 * else the country whose shape contains the point. Boxes rule out all but a
 * few countries, and only those are tested, in projected coordinates.
 *
 * Returns: (nullable): the country, or %NULL for the sea and off the map
 */
const DsrMapHit *
dsr_map_layout_hit_test (const DsrMapLayout *layout,
                         double              x,
                         double              y)
{
  const DsrMapHit *best = NULL;
  double best_d = INFINITY;

  g_return_val_if_fail (layout != NULL, NULL);

  if (!rect_contains (&layout->map_area, x, y))
    return NULL;

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrMapHit *hit = &g_array_index (layout->hits, DsrMapHit, i);
      double dx = x - hit->marker_x, dy = y - hit->marker_y, d = dx * dx + dy * dy;
      double reach = hit->marker_r + 2.0;

      if (hit->marker && d <= reach * reach && d < best_d)
        {
          best = hit;
          best_d = d;
        }
    }
  if (best != NULL)
    return best;
  return shape_at (layout, x, y);
}

/* The country with ISO 3166 numeric code @numeric as drawn (its largest
 * shape when it has several), or %NULL when it is not on the map. */
const DsrMapHit *
dsr_map_layout_find (const DsrMapLayout *layout,
                     int                 numeric)
{
  const DsrMapHit *best = NULL;

  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrMapHit *hit = &g_array_index (layout->hits, DsrMapHit, i);

      if (numeric != 0 && hit->numeric == numeric
          && (best == NULL || hit->box.width * hit->box.height > best->box.width * best->box.height))
        best = hit;
    }
  return best;
}

const DsrTextBox *
dsr_map_layout_find_text (const DsrMapLayout *layout,
                          const char         *text)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const DsrTextBox *box = &g_array_index (layout->texts, DsrTextBox, i);

      if (g_strcmp0 (box->text, text) == 0)
        return box;
    }
  return NULL;
}

/* Shapes ----------------------------------------------------------------------------- */

/* The smallest weight (dsr_visvalingam()) a point needs to be drawn at
 * @fit's scale: in projected units, which are the unit sphere's since
 * Equal Earth keeps areas. */
static double
min_weight (const DsrMapFit *fit)
{
  return SIMPLIFY_PX2 / (fit->scale * fit->scale);
}

/* Adds the outline of a feature to @cr's path, on the canvas: rings too
 * small to see are left out, and so are the points that matter less than
 * two square pixels to the shape (no difference to see, side by side at
 * 200%), which removes most of the 1:50m detail at a full-world scale.
 * Returns how many of its rings lie in @clip (specks included), and in
 * @largest the larger side of its largest piece; with @cr %NULL, only
 * that. */
static guint
trace_feature (cairo_t           *cr,
               const DsrGeometry *geometry,
               guint              index,
               const DsrMapFit   *fit,
               const DsrRect     *clip,
               double            *largest)
{
  const DsrFeature *feature = dsr_geometry_get_feature (geometry, index);
  double s = fit->scale, least = min_weight (fit);
  guint n_visible = 0;

  *largest = 0;
  for (guint r = feature->first_ring; r < feature->first_ring + feature->n_rings; r++)
    {
      const DsrRing *ring = dsr_geometry_get_ring (geometry, r);
      const DsrPoint *p = dsr_geometry_get_ring_points (geometry, ring);
      const double *weight = &g_array_index (geometry->weights, double, ring->first);
      double w = (ring->bbox.x1 - ring->bbox.x0) * s, h = (ring->bbox.y1 - ring->bbox.y0) * s;
      double x0 = fit->x + s * ring->bbox.x0, y0 = fit->y - s * ring->bbox.y1;

      if (r == feature->largest_ring)
        *largest = MAX (w, h);
      if (x0 > clip->x + clip->width || x0 + w < clip->x
          || y0 > clip->y + clip->height || y0 + h < clip->y)
        continue;
      n_visible++;
      if (cr == NULL || (w < SPECK_PX && h < SPECK_PX))
        continue;

      cairo_move_to (cr, fit->x + s * p[0].x, fit->y - s * p[0].y);
      for (guint j = 1; j + 1 < ring->n_points; j++)
        if (weight[j] >= least)
          cairo_line_to (cr, fit->x + s * p[j].x, fit->y - s * p[j].y);
      cairo_close_path (cr);
    }
  return n_visible;
}

/* Adds the border lines that lie in @clip to @cr's path, simplified alike. */
static void
trace_lines (cairo_t           *cr,
             const DsrGeometry *geometry,
             const DsrMapFit   *fit,
             const DsrRect     *clip)
{
  double s = fit->scale, least = min_weight (fit);

  for (guint l = 0; l < geometry->lines->len; l++)
    {
      const DsrRing *line = &g_array_index (geometry->lines, DsrRing, l);
      const DsrPoint *p = dsr_geometry_get_ring_points (geometry, line);
      const double *weight = &g_array_index (geometry->weights, double, line->first);
      double x0 = fit->x + s * line->bbox.x0, y0 = fit->y - s * line->bbox.y1;

      if (x0 > clip->x + clip->width || x0 + s * (line->bbox.x1 - line->bbox.x0) < clip->x
          || y0 > clip->y + clip->height || y0 + s * (line->bbox.y1 - line->bbox.y0) < clip->y)
        continue;
      cairo_move_to (cr, fit->x + s * p[0].x, fit->y - s * p[0].y);
      for (guint j = 1; j < line->n_points; j++)
        if (weight[j] >= least)
          cairo_line_to (cr, fit->x + s * p[j].x, fit->y - s * p[j].y);
    }
}

/**
 * dsr_map_layout_trace:
 *
 * Adds @hit's outline to @cr's path, where the render drew it (for a hover
 * or selection outline drawn over the map by the widget).
 */
void
dsr_map_layout_trace (const DsrMapLayout *layout,
                      cairo_t            *cr,
                      const DsrMapHit    *hit)
{
  double largest;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (hit != NULL);

  if (hit->marker)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, hit->marker_x, hit->marker_y, hit->marker_r, 0, 2 * G_PI);
      cairo_close_path (cr);
    }
  trace_feature (cr, dsr_map_data_get_projected (layout->borders), hit->feature, &layout->fit,
                 &layout->map_area, &largest);
}

static void
set_color (cairo_t       *cr,
           const DsrRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* The "no data" pattern: diagonal lines on a pale ground, one tile
 * repeated from the canvas' origin, so that neighbouring hatched areas
 * line up; with @cross, lines both ways ("insufficient data"). A vector
 * tile for vector surfaces (SVG, PDF), an image tile at the device's
 * resolution for images (faster to fill with). */
static cairo_pattern_t *
hatch_pattern (Canvas   *c,
               gboolean  cross)
{
  cairo_pattern_t **cache = cross ? &c->cross : &c->hatch;
  const DsrMapPalette *pal = &c->layout->palette;
  double step = MAX (3.5, round (c->base.unit * 0.38)), dx = 1, dy = 0;
  cairo_surface_t *target = cairo_get_target (c->base.cr), *tile;
  cairo_matrix_t matrix;
  cairo_t *cr;

  if (*cache != NULL)
    return *cache;

  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      double scale;

      cairo_user_to_device_distance (c->base.cr, &dx, &dy);
      scale = MAX (hypot (dx, dy), 0.1);
      tile = cairo_surface_create_similar_image (target, CAIRO_FORMAT_ARGB32, (int) ceil (step * scale),
                                                 (int) ceil (step * scale));
      cairo_surface_set_device_scale (tile, scale, scale);
    }
  else
    tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                           &(cairo_rectangle_t) { 0, 0, step, step });

  cr = cairo_create (tile);
  set_color (cr, &pal->no_data);
  cairo_paint (cr);
  /* The lines x + y = 0, step and 2 step cross the tile. */
  for (int k = 0; k <= 2; k++)
    {
      cairo_move_to (cr, k * step - step, step);
      cairo_line_to (cr, k * step, 0);
      if (cross)
        {
          cairo_move_to (cr, k * step - step, 0);
          cairo_line_to (cr, k * step, step);
        }
    }
  set_color (cr, &pal->hatch);
  cairo_set_line_width (cr, MAX (0.6, c->base.unit / 22));
  cairo_stroke (cr);
  cairo_destroy (cr);

  *cache = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (*cache, CAIRO_EXTEND_REPEAT);
  /* Tile space is user space with the origin at the canvas' (0, 0). */
  cairo_matrix_init_identity (&matrix);
  cairo_pattern_set_matrix (*cache, &matrix);
  return *cache;
}

static void
shade_color (Canvas        *c,
             DsrMapShade    shade,
             int            klass,
             DsrRgba       *out)
{
  const DsrMapPalette *pal = &c->layout->palette;
  DsrRgba background = c->base.style->background;

  background.alpha = 1.0;
  switch (shade)
    {
    case DSR_MAP_SHADE_CLASS:
      *out = pal->classes[CLAMP (klass, 0, (int) pal->n_classes - 1)];
      break;
    case DSR_MAP_SHADE_FADED:
      dsr_rgba_mix (&background, &pal->classes[CLAMP (klass, 0, (int) pal->n_classes - 1)], pal->fade,
                    out);
      break;
    case DSR_MAP_SHADE_NO_DATA:
    case DSR_MAP_SHADE_INSUFFICIENT:
      *out = pal->no_data;
      break;
    case DSR_MAP_SHADE_NEUTRAL:
    default:
      *out = pal->neutral;
      break;
    }
}

/* Sets @cr's source to how @shade (of class @klass) is painted. */
static void
set_shade_source (Canvas      *c,
                  DsrMapShade  shade,
                  int          klass)
{
  DsrRgba color;

  if (shade == DSR_MAP_SHADE_NO_DATA || shade == DSR_MAP_SHADE_INSUFFICIENT)
    {
      cairo_set_source (c->base.cr, hatch_pattern (c, shade == DSR_MAP_SHADE_INSUFFICIENT));
      return;
    }
  shade_color (c, shade, klass, &color);
  set_color (c->base.cr, &color);
}

/* Painted economies (members, and China in country mode) in their class
 * colour; members without a value hatched, those of an insufficient region
 * cross-hatched; everyone else one neutral colour (or, by choice, faded). */
static void
classify_hit (Canvas    *c,
              DsrMapHit *hit)
{
  const DsrMapValue *v = hit->value;
  gboolean shown = v != NULL && (v->member || (v->initiator && c->values->mode == DSR_MAP_MODE_COUNTRY));

  if (v == NULL)
    hit->shade = DSR_MAP_SHADE_NEUTRAL;
  else if (v->painted && v->klass >= 0)
    hit->shade = DSR_MAP_SHADE_CLASS;
  else if (shown && v->status == DSR_FIGURE_INSUFFICIENT)
    hit->shade = DSR_MAP_SHADE_INSUFFICIENT;
  else if (shown)
    hit->shade = DSR_MAP_SHADE_NO_DATA;
  else if (c->values->mode == DSR_MAP_MODE_COUNTRY && c->options->fade_non_members && v->klass >= 0)
    hit->shade = DSR_MAP_SHADE_FADED;
  else
    hit->shade = DSR_MAP_SHADE_NEUTRAL;
}

static gboolean
same_paint (const DsrMapHit *a,
            const DsrMapHit *b)
{
  return a->shade == b->shade
         && (a->shade == DSR_MAP_SHADE_NEUTRAL || a->shade == DSR_MAP_SHADE_NO_DATA
             || a->shade == DSR_MAP_SHADE_INSUFFICIENT || a->value->klass == b->value->klass);
}

/* Whether a small country is surrounded by land of its own colour (Rwanda
 * in Africa, in region mode): a marker would tell nothing there, so it
 * only gets one when some of the land or sea around it differs. */
static gboolean
blends_in (const DsrMapLayout *layout,
           const DsrMapHit    *hit)
{
  double r = hit->marker_r + 1.5;

  for (int k = 0; k < 8; k++)
    {
      const DsrMapHit *around = shape_at (layout, hit->marker_x + r * cos (k * G_PI / 4),
                                          hit->marker_y + r * sin (k * G_PI / 4));

      if (around == NULL || (around != hit && !same_paint (around, hit)))
        return FALSE;
    }
  return TRUE;
}

/* Adds @hit's shape to @c's path: its country, or its marker's dot. */
typedef void (*TraceHit) (Canvas          *c,
                          const DsrMapHit *hit);

static void
trace_country (Canvas          *c,
               const DsrMapHit *hit)
{
  double largest;

  trace_feature (c->base.cr, dsr_map_data_get_projected (c->layout->borders), hit->feature, &c->layout->fit,
                 &c->layout->map_area, &largest);
}

static void
trace_dot (Canvas          *c,
           const DsrMapHit *hit)
{
  cairo_new_sub_path (c->base.cr);
  cairo_arc (c->base.cr, hit->marker_x, hit->marker_y, hit->marker_r, 0, 2 * G_PI);
}

/* Fills the shapes @trace makes of @hits (@n), those of one paint in one
 * path (a dozen fills for the countries, not two hundred: faster to draw,
 * and no seam between neighbours of one colour); with @outline > 0,
 * strokes their outlines too, that wide (borders made by hand, without
 * the topology's lines). Even-odd: an enclave (Lesotho) is a hole in the
 * country around it, and filled again by its own ring when both are
 * painted alike. */
static void
fill_by_paint (Canvas           *c,
               const DsrMapHit **hits,
               guint             n,
               TraceHit          trace,
               double            outline)
{
  cairo_t *cr = c->base.cr;
  g_autofree gboolean *filled = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    {
      if (filled[i])
        continue;
      cairo_new_path (cr);
      for (guint j = i; j < n; j++)
        {
          if (filled[j] || !same_paint (hits[j], hits[i]))
            continue;
          filled[j] = TRUE;
          trace (c, hits[j]);
        }
      set_shade_source (c, hits[i]->shade, hits[i]->value ? hits[i]->value->klass : -1);
      if (outline > 0)
        {
          cairo_fill_preserve (cr);
          set_color (cr, &c->layout->palette.border);
          cairo_set_line_width (cr, outline);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }
}

/* Markers go over every shape (a small island next to a big neighbour): a
 * dot in the country's colour, and a ring that sets it off the sea and its
 * neighbours alike. The dots of one colour are filled together, the rings
 * all in one stroke. */
static void
draw_markers (Canvas *c)
{
  DsrMapLayout *layout = c->layout;
  cairo_t *cr = c->base.cr;
  g_autoptr(GArray) marked = g_array_new (FALSE, FALSE, sizeof (const DsrMapHit *));

  for (guint i = 0; i < layout->hits->len; i++)
    {
      DsrMapHit *hit = &g_array_index (layout->hits, DsrMapHit, i);

      if (hit->marker && blends_in (layout, hit))
        hit->marker = FALSE;
      /* Islands close together (the Caribbean, Polynesia at a small size)
       * get one marker between them, not a cluster of rings. */
      for (guint j = 0; hit->marker && j < marked->len; j++)
        {
          const DsrMapHit *other = g_array_index (marked, const DsrMapHit *, j);
          double reach = (hit->marker_r + other->marker_r) * 1.6;

          if (hypot (hit->marker_x - other->marker_x, hit->marker_y - other->marker_y) < reach
              && same_paint (hit, other))
            hit->marker = FALSE;
        }
      if (hit->marker)
        g_array_append_val (marked, hit);
    }
  if (marked->len == 0)
    return;
  fill_by_paint (c, (const DsrMapHit **) (gpointer) marked->data, marked->len, trace_dot, 0);

  cairo_new_path (cr);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrMapHit *hit = &g_array_index (layout->hits, DsrMapHit, i);

      if (hit->marker)
        trace_dot (c, hit);
    }
  set_color (cr, &c->base.style->foreground);
  cairo_set_line_width (cr, MAX (0.75, c->base.unit / 20));
  cairo_stroke (cr);
}

/* The selected economy, or every member of the selected region: a strong
 * outline in the text colour over a wider one in the background colour, so
 * that it shows on every class colour and on the sea. */
static void
draw_selection (Canvas *c)
{
  const DsrRenderStyle *style = c->base.style;
  DsrMapLayout *layout = c->layout;
  cairo_t *cr = c->base.cr;
  double w = MAX (1.5, c->base.unit * 0.11);
  gboolean any = FALSE;

  if (style->selected == NULL)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrMapHit *hit = &g_array_index (layout->hits, DsrMapHit, i);

      if (!dsr_render_style_is_selected (style, hit->entity_id)
          && !(hit->value != NULL && hit->value->region != NULL
               && dsr_render_style_is_selected (style, hit->value->region->entity_id)))
        continue;
      dsr_map_layout_trace (layout, cr, hit);
      any = TRUE;
    }
  if (!any)
    return;
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, w * 2.6);
  set_color (cr, &style->background);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, w);
  set_color (cr, &style->foreground);
  cairo_stroke (cr);
}

static void
draw_map (Canvas     *c,
          DsrStore   *store,
          DsrMapData *borders)
{
  DsrMapLayout *layout = c->layout;
  const DsrGeometry *geometry = dsr_map_data_get_projected (borders);
  const DsrRect *area = &layout->map_area;
  const DsrMapFit *fit = &layout->fit;
  double border = MAX (0.35, c->base.unit / 36);
  DsrBBox extent;
  guint n = dsr_geometry_get_n_features (geometry);
  /* Borders from the topology are stroked once, at the end; without them
   * (borders made by hand) every outline is. */
  gboolean stroke_outlines = geometry->lines->len == 0;
  g_autofree const DsrMapHit **shapes = NULL;

  dsr_map_data_get_extent (borders, c->options->show_antarctica, &extent);
  dsr_map_fit_init (&layout->base_fit, &extent, area->x, area->y, area->width, area->height);
  dsr_map_fit_transform (&layout->base_fit, &c->options->transform, &layout->fit);

  cairo_save (c->base.cr);
  cairo_rectangle (c->base.cr, area->x, area->y, area->width, area->height);
  cairo_clip (c->base.cr);
  cairo_set_fill_rule (c->base.cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (c->base.cr, CAIRO_LINE_JOIN_BEVEL);
  /* Cairo's coarser 4x4 antialiasing: a shape's edge looks the same as with
   * the default (compared side by side at 300%), and the world fills about
   * 40% faster, which keeps the widget's year scrubbing smooth. Text keeps
   * the default. */
  cairo_set_antialias (c->base.cr, CAIRO_ANTIALIAS_FAST);

  for (guint i = 0; i < n; i++)
    {
      const DsrFeature *feature = dsr_geometry_get_feature (geometry, i);
      DsrMapHit hit = { 0 };
      double largest;

      if (feature->n_rings == 0 || (!c->options->show_antarctica && feature->id == DSR_MAP_ID_ANTARCTICA))
        continue;

      hit.box.x = fit->x + fit->scale * feature->bbox.x0;
      hit.box.y = fit->y - fit->scale * feature->bbox.y1;
      hit.box.width = fit->scale * (feature->bbox.x1 - feature->bbox.x0);
      hit.box.height = fit->scale * (feature->bbox.y1 - feature->bbox.y0);
      if (hit.box.x > area->x + area->width || hit.box.x + hit.box.width < area->x
          || hit.box.y > area->y + area->height || hit.box.y + hit.box.height < area->y)
        continue;

      hit.feature = i;
      hit.numeric = feature->id;
      hit.value = feature->id != 0 ? dsr_map_values_lookup (c->values, feature->id) : NULL;
      if (hit.value != NULL)
        {
          hit.entity_id = hit.value->entity_id;
          hit.name = hit.value->name;
        }
      else
        {
          DsrEntity *entity = feature->id != 0 ? dsr_store_find_country_by_numeric (store, feature->id)
                                               : NULL;

          hit.entity_id = entity ? dsr_entity_get_id (entity) : NULL;
          hit.name = entity ? dsr_entity_get_name (entity) : feature->name;
        }
      /* Its box may meet the canvas (Alaska's Aleutians reach 180°E) while no piece does. */
      if (trace_feature (NULL, geometry, i, fit, area, &largest) == 0)
        continue;
      classify_hit (c, &hit);
      if (hit.shade != DSR_MAP_SHADE_NEUTRAL && largest < MARKER_BELOW_PX)
        {
          DsrPoint anchor;

          dsr_map_data_get_anchor (borders, i, &anchor);
          dsr_map_fit_apply (fit, anchor.x, anchor.y, &hit.marker_x, &hit.marker_y);
          hit.marker = TRUE;
          hit.marker_r = MAX (2.5, c->base.unit * 0.2);
        }
      g_array_append_val (layout->hits, hit);
    }

  shapes = g_new (const DsrMapHit *, layout->hits->len);
  for (guint i = 0; i < layout->hits->len; i++)
    shapes[i] = &g_array_index (layout->hits, DsrMapHit, i);
  fill_by_paint (c, shapes, layout->hits->len, trace_country, stroke_outlines ? border : 0);
  if (!stroke_outlines)
    {
      trace_lines (c->base.cr, geometry, fit, area);
      set_color (c->base.cr, &layout->palette.border);
      cairo_set_line_width (c->base.cr, border);
      cairo_stroke (c->base.cr);
    }

  draw_markers (c);
  draw_selection (c);
  cairo_restore (c->base.cr);
}

/* Titles and notes ------------------------------------------------------------------ */

static char *
build_subtitle (DsrMapValues         *v,
                const DsrMapOptions  *options)
{
  GString *s = g_string_new (NULL);
  const char *unit = dsr_indicator_get_unit (v->indicator);

  if (v->diverging)
    g_string_append_printf (s, "%s · ", _("Difference from the world mean"));
  else if (v->compared)
    g_string_append_printf (s, "%s · ", _("Share of the world total (%)"));
  g_string_append_printf (s, "%d", v->year);
  if (unit != NULL && *unit != '\0' && !(v->compared && !v->diverging))
    g_string_append_printf (s, " · %s", unit);
  if (v->membership != NULL)
    {
      g_string_append (s, " · ");
      /* Translators: in a map's subtitle: whose members are shown, e.g. "members as of 2022" */
      g_string_append_printf (s, _("members as of %d"), v->year);
    }
  if (v->mode == DSR_MAP_MODE_REGION && v->grouping != NULL)
    /* Translators: the subtitle of a map where each economy shows its region's value */
    g_string_append_printf (s, " · %s, %s", dsr_grouping_get_name (v->grouping),
                            _("each member in its region’s value"));
  else if (v->mode == DSR_MAP_MODE_COUNTRY && options->fade_non_members)
    g_string_append_printf (s, " · %s", _("economies outside the Belt and Road faded"));
  return g_string_free (s, FALSE);
}

/* What was done, in sentences joined as the locale joins them: how regions
 * were computed and the coverage rule, the world figure compared with and
 * its basis, China, the tolerance. */
static char *
build_note (DsrMapValues *v)
{
  GString *note = g_string_new (NULL);
  g_autofree char *world = dsr_map_values_describe_world (v);
  gboolean computed = FALSE;
  guint n_insufficient = 0;

  if (v->bins.n_classes == 0)
    g_string_append_printf (note, v->mode == DSR_MAP_MODE_REGION
                                  ? _("No regional values for %d in this grouping. Choose another year "
                                      "or grouping, or import data.")
                                  : _("No values for %d."),
                            v->year);

  if (v->mode == DSR_MAP_MODE_REGION)
    for (guint r = 0; r < v->regions->len; r++)
      {
        const DsrMapRegionValue *rv = &g_array_index (v->regions, DsrMapRegionValue, r);

        computed |= rv->basis == DSR_BASIS_COMPUTED && rv->status != DSR_FIGURE_NO_DATA;
        n_insufficient += rv->status == DSR_FIGURE_INSUFFICIENT;
      }
  if (computed)
    {
      g_autofree char *sentence = NULL;

      /* Translators: how a map's regional values were computed, e.g. "Regions: unweighted mean
       * of their members with data, shown when at least 67% of the members have data." */
      sentence = g_strdup_printf (_("Regions: %s of their members with data, shown when at least %.0f%% "
                                    "of the members have data."),
                                  dsr_aggregation_to_label (v->rule), v->min_coverage * 100.0);
      dsr_summary_take_sentence (note, g_steal_pointer (&sentence));
    }
  if (n_insufficient > 0)
    {
      g_autofree char *sentence = NULL;

      sentence = g_strdup_printf (ngettext ("%u region has too few members with data.",
                                            "%u regions have too few members with data.", n_insufficient),
                                  n_insufficient);
      dsr_summary_take_sentence (note, g_steal_pointer (&sentence));
    }
  if (world != NULL)
    {
      g_autofree char *sentence = NULL;

      if (v->compared && isfinite (v->world.value))
        {
          g_autofree char *number = dsr_format_value (v->world.value, dsr_indicator_get_decimals (v->indicator),
                                                      v->world.qualifier);
          const char *unit = dsr_indicator_get_unit (v->indicator);
          g_autofree char *with_unit = unit != NULL && *unit != '\0' ? g_strdup_printf (_("%s %s"), number, unit)
                                                                     : g_strdup (number);

          /* Translators: the world figure a map compares with and its value, e.g. "Compared with
           * World: unweighted mean of 190 of 217 economies: 67.40 %." */
          sentence = g_strdup_printf (_("Compared with %s: %s."), world, with_unit);
        }
      else
        /* Translators: the world figure a map shows, as a sentence, e.g. "World: unweighted mean
         * of 190 of 217 economies." (Chinese: ends with 。) */
        sentence = g_strdup_printf (C_("a sentence", "%s."), world);
      dsr_summary_take_sentence (note, g_steal_pointer (&sentence));
    }
  for (guint i = 0; i < v->values->len; i++)
    {
      const DsrMapValue *value = &g_array_index (v->values, DsrMapValue, i);

      if (value->initiator)
        {
          g_autofree char *sentence = NULL;

          /* Translators: why China stands apart on a map of the Belt and Road */
          sentence = g_strdup_printf (_("%s: initiator of the Belt and Road, not in its regions."), value->name);
          dsr_summary_take_sentence (note, g_steal_pointer (&sentence));
          break;
        }
    }
  if (v->view->tolerance > 0)
    {
      g_autofree char *sentence = NULL;

      sentence = g_strdup_printf (ngettext ("Where a value is missing, the nearest year within %d year is used.",
                                            "Where a value is missing, the nearest year within %d years is used.",
                                            v->view->tolerance),
                                  v->view->tolerance);
      dsr_summary_take_sentence (note, g_steal_pointer (&sentence));
    }
  return g_string_free (note, FALSE);
}

/* The values' sources and the borders' credit, "; "-separated (the
 * furniture writes "Sources: " before them). */
static char *
build_sources (DsrMapValues *v)
{
  /* Translators: the credit for the map's borders, in its source line */
  const char *borders = _("Natural Earth and world-atlas (borders)");

  if (v->sources == NULL || *v->sources == '\0')
    return g_strdup (borders);
  return g_strconcat (v->sources, "; ", borders, NULL);
}

/* Legend ---------------------------------------------------------------------------- */

typedef struct
{
  DsrMapShade  shade;
  const char  *label;
} Extra;

/* The swatches after the classes: what grey, faded and hatched mean. They
 * depend on the values only, not on the zoom, so the legend stays put. */
static guint
legend_extras (Canvas *c,
               Extra  *out)
{
  DsrMapValues *v = c->values;
  gboolean no_data = FALSE, faded = FALSE, insufficient = FALSE;
  guint n = 0;

  for (guint i = 0; i < v->values->len; i++)
    {
      const DsrMapValue *value = &g_array_index (v->values, DsrMapValue, i);
      gboolean shown = value->member || (value->initiator && v->mode == DSR_MAP_MODE_COUNTRY);

      insufficient |= shown && !value->painted && value->status == DSR_FIGURE_INSUFFICIENT;
      no_data |= shown && !value->painted && value->status != DSR_FIGURE_INSUFFICIENT;
      faded |= !shown && isfinite (value->shown);
    }
  if (insufficient)
    out[n++] = (Extra) { DSR_MAP_SHADE_INSUFFICIENT, _("Insufficient data") };
  if (no_data)
    out[n++] = (Extra) { DSR_MAP_SHADE_NO_DATA, _("No data") };
  if (v->mode == DSR_MAP_MODE_COUNTRY && faded && c->options->fade_non_members)
    out[n++] = (Extra) { DSR_MAP_SHADE_FADED, _("Outside the Belt and Road") };
  out[n++] = (Extra) { DSR_MAP_SHADE_NEUTRAL, dsr_map_values_non_member_label (v) };
  return n;
}

static char *
world_label (DsrMapValues *v)
{
  g_autofree char *number = dsr_format_value (v->world.value, dsr_indicator_get_decimals (v->indicator),
                                              v->world.qualifier);

  gboolean computed = v->world.basis == DSR_BASIS_COMPUTED;

  if (v->diverging)
    return computed
      /* Translators: the zero of a difference map's legend; %s is the world mean */
      ? g_strdup_printf (_("0 = world mean %s"), number)
      /* Translators: the zero of a difference map's legend; %s is the world average a source printed */
      : g_strdup_printf (_("0 = world average %s"), number);
  if (v->rule == DSR_AGGREGATION_SUM)
    /* Translators: the world total marked on a map's legend; %s is its value */
    return g_strdup_printf (_("World total %s"), number);
  if (computed)
    /* Translators: the world mean (computed from the economies) on a map's legend; %s is its value */
    return g_strdup_printf (_("World mean %s"), number);
  /* Translators: the world average as a source printed it, on a map's legend; %s is its value */
  return g_strdup_printf (_("World average %s, as reported"), number);
}

/* Where a value falls on the legend's bar of equal-width classes. */
static double
bar_position (const DsrBins *bins,
              double         value,
              double         x,
              double         class_width)
{
  int k = dsr_bins_classify (bins, value);
  double lo, hi;

  if (k < 0)
    return x;
  if (bins->by_value)
    {
      /* Classes of one value: between the middles of the classes around it. */
      guint n = bins->n_classes;

      if (value <= bins->breaks[1])
        return x + class_width * (value < bins->breaks[1] ? 0.0 : 0.5);
      if (value >= bins->breaks[n])
        return x + class_width * (value > bins->breaks[n] ? n : n - 0.5);
      lo = bins->breaks[k];
      hi = bins->breaks[k + 1];
      return x + class_width * (k - 0.5 + (value - lo) / (hi - lo));
    }
  lo = bins->breaks[k];
  hi = bins->breaks[k + 1];
  return x + class_width * (k + (hi > lo ? CLAMP ((value - lo) / (hi - lo), 0.0, 1.0) : 0.5));
}

/* A region's swatch and "Europe 82.44", for the legend of region mode. */
typedef struct
{
  const DsrMapRegionValue *region;
  char                    *text;
  double                   width;   /* swatch, space and text */
  double                   x;       /* from the legend's left */
  guint                    line;
} Chip;

static void
chip_free (gpointer data)
{
  Chip *chip = data;

  g_free (chip->text);
  g_free (chip);
}

static int
compare_chips (gconstpointer a,
               gconstpointer b)
{
  const Chip *x = *(Chip * const *) a, *y = *(Chip * const *) b;

  return (x->region->shown < y->region->shown) - (x->region->shown > y->region->shown);
}

/* The regions with a value, highest first, flowed into lines; %NULL when
 * not in region mode or when they need more lines than the canvas has room
 * for (one, or two on a tall canvas). */
static GPtrArray *
region_chips (Canvas *c,
              guint  *n_lines)
{
  DsrMapValues *v = c->values;
  g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (chip_free);
  double avail = c->base.width - 2 * c->base.pad, x = 0, swatch = c->base.unit * 0.8;
  guint line = 0, max_lines = c->base.height >= 600 ? 2 : 1;

  *n_lines = 0;
  if (v->mode != DSR_MAP_MODE_REGION)
    return NULL;

  for (guint r = 0; r < v->regions->len; r++)
    {
      const DsrMapRegionValue *rv = &g_array_index (v->regions, DsrMapRegionValue, r);
      g_autofree char *number = NULL;
      Chip *chip;

      if (!isfinite (rv->shown))
        continue;
      number = dsr_map_values_format_shown (v, rv->shown, rv->qualifier);
      chip = g_new0 (Chip, 1);
      chip->region = rv;
      /* Translators: a region and its value in a map's legend, e.g. "Europe 82.44" */
      chip->text = g_strdup_printf (_("%s %s"), rv->name, number);
      chip->width = swatch + c->base.unit * 0.35
                    + dsr_canvas_text_width (&c->base, chip->text, &dsr_font_small);
      g_ptr_array_add (chips, chip);
    }
  if (chips->len == 0)
    return NULL;
  g_ptr_array_sort (chips, compare_chips);

  for (guint i = 0; i < chips->len; i++)
    {
      Chip *chip = g_ptr_array_index (chips, i);

      if (x > 0 && x + chip->width > avail)
        {
          line++;
          x = 0;
        }
      if (line >= max_lines || chip->width > avail)
        return NULL;
      chip->x = x;
      chip->line = line;
      x += chip->width + c->base.unit * 1.1;
    }
  *n_lines = line + 1;
  return g_steal_pointer (&chips);
}

static void
draw_chips (Canvas    *c,
            GPtrArray *chips,
            double     top)
{
  double small_h = dsr_canvas_line_height (&c->base, &dsr_font_small);
  double gap = c->base.unit * 0.2, swatch = c->base.unit * 0.8;

  for (guint i = 0; i < chips->len; i++)
    {
      const Chip *chip = g_ptr_array_index (chips, i);
      double x = c->base.pad + chip->x, y = top + chip->line * (small_h + gap);

      set_color (c->base.cr, &c->layout->palette.classes[MAX (chip->region->klass, 0)]);
      cairo_rectangle (c->base.cr, x, y + (small_h - swatch) / 2, swatch, swatch);
      cairo_fill (c->base.cr);
      dsr_canvas_text (&c->base, chip->text, &dsr_font_small, &c->base.style->foreground,
                       x + swatch + c->base.unit * 0.35, y, DSR_TEXT_ANCHOR_START, DSR_TEXT_SERIES, NULL,
                       NULL);
    }
}

/* Lays the legend out from @top and draws it unless @measure_only; returns
 * its height. The classes are a bar of equal-width swatches with the
 * breaks under their edges, the world average marked over it, and the
 * swatches for grey, faded and hatched after it (or under it when the
 * canvas is narrow). */
static double
legend (Canvas   *c,
        double    top,
        gboolean  measure_only)
{
  DsrMapValues *v = c->values;
  const DsrBins *bins = &v->bins;
  const DsrMapPalette *pal = &c->layout->palette;
  const DsrRgba *fg = &c->base.style->foreground, *secondary = &c->base.style->secondary;
  double small_h = dsr_canvas_line_height (&c->base, &dsr_font_small), gap = c->base.unit * 0.2;
  double avail = c->base.width - 2 * c->base.pad, x = c->base.pad, bar_h = c->base.unit * 0.9;
  double bar_top = top, label_w = 0, cw = 0, bar_x = x, bar_w = 0, extras_x, extras_top, y;
  g_autofree char *world = NULL;
  char *labels[DSR_BINS_MAX_CLASSES + 2] = { NULL };
  DsrBinMark marks[DSR_BINS_MAX_CLASSES + 2];
  Extra extras[4];
  guint n_extras = legend_extras (c, extras), k = bins->n_classes, label_step = 1, n_chip_lines = 0;
  guint n_marks = dsr_bins_get_marks (bins, marks);
  g_autoptr(GPtrArray) chips = NULL;
  double chips_top = 0;
  double extras_w = 0, swatch_w = c->base.unit * 1.4;

  for (guint e = 0; e < n_extras; e++)
    extras_w += (e > 0 ? c->base.unit : 0) + swatch_w + c->base.unit * 0.4
                + dsr_canvas_text_width (&c->base, extras[e].label, &dsr_font_small);

  /* Region mode: the regions, each with its colour and value, say what the
   * class bar would; without the bar the legend takes two lines, not four,
   * and the map the room: the chips, then the world figure and the extras. */
  chips = region_chips (c, &n_chip_lines);
  if (chips != NULL)
    {
      double ex = x, ltop = top + n_chip_lines * (small_h + gap) + gap;

      if (!measure_only)
        draw_chips (c, chips, top);
      if (isfinite (v->world.value) && !(v->compared && !v->diverging))
        {
          world = world_label (v);
          if (!measure_only)
            {
              set_color (c->base.cr, fg);
              cairo_rectangle (c->base.cr, ex, ltop, MAX (1.5, c->base.unit * 0.12), bar_h);
              cairo_fill (c->base.cr);
              dsr_canvas_text (&c->base, world, &dsr_font_small_bold, fg, ex + c->base.unit * 0.45,
                               ltop + (bar_h - small_h) / 2, DSR_TEXT_ANCHOR_START, DSR_TEXT_REFERENCE,
                               DSR_ENTITY_ID_WORLD, NULL);
            }
          ex += c->base.unit * 0.45 + dsr_canvas_text_width (&c->base, world, &dsr_font_small_bold) + c->base.unit;
        }
      for (guint e = 0; e < n_extras; e++)
        {
          double w = swatch_w + c->base.unit * 0.4 + dsr_canvas_text_width (&c->base, extras[e].label, &dsr_font_small);

          if (ex > x && ex + w > x + avail)
            {
              ex = x;
              ltop += bar_h + gap * 2;
            }
          if (!measure_only)
            {
              cairo_rectangle (c->base.cr, ex, ltop, swatch_w, bar_h);
              set_shade_source (c, extras[e].shade, (int) k / 2);
              cairo_fill (c->base.cr);
              dsr_canvas_text (&c->base, extras[e].label, &dsr_font_small, secondary, ex + swatch_w + c->base.unit * 0.4,
                               ltop + (bar_h - small_h) / 2, DSR_TEXT_ANCHOR_START, DSR_TEXT_NOTE, NULL, NULL);
            }
          ex += w + c->base.unit;
        }
      return ltop + bar_h - top;
    }

  if (k > 0)
    {
      /* Labels never alike side by side: more decimals when breaks would round alike. */
      for (int extra = 0; extra <= 4; extra++)
        {
          gboolean alike = FALSE;

          for (guint i = 0; i < n_marks; i++)
            {
              g_free (labels[i]);
              labels[i] = dsr_map_values_format_break (v, marks[i].value, extra);
              alike |= i > 0 && g_strcmp0 (labels[i], labels[i - 1]) == 0;
            }
          if (!alike)
            break;
        }
      for (guint i = 0; i < n_marks; i++)
        label_w = MAX (label_w, dsr_canvas_text_width (&c->base, labels[i], &dsr_font_small));
      cw = MAX (c->base.unit * 3.0, label_w + c->base.unit * 0.8);
      /* Narrow canvas: narrower classes, and every other break labelled. */
      if (k * cw + label_w > avail)
        {
          cw = (avail - label_w) / k;
          if (cw < label_w + c->base.unit * 0.5)
            label_step = 2;
        }
      bar_x = x + label_w / 2;
      bar_w = k * cw;
      /* The world on the bar (a share's 100% is not on it). */
      if (isfinite (v->world.value) && !(v->compared && !v->diverging))
        {
          world = world_label (v);
          bar_top = top + small_h + gap;
        }
    }

  /* The extras after the bar if they fit on its line, else on a line of their own. */
  extras_x = k > 0 ? bar_x + bar_w + label_w / 2 + c->base.unit * 1.5 : x;
  extras_top = bar_top;
  y = k > 0 ? bar_top + bar_h + gap * 0.5 + small_h : top;
  if (k > 0 && extras_x + extras_w > x + avail)
    {
      extras_x = x;
      extras_top = y + gap * 2;
      y = extras_top + bar_h;
    }
  else if (k == 0)
    y = top + bar_h;


  if (!measure_only)
    {
      cairo_t *cr = c->base.cr;

      if (chips != NULL)
        draw_chips (c, chips, chips_top);

      for (guint i = 0; i < k; i++)
        {
          set_color (cr, &pal->classes[i]);
          cairo_rectangle (cr, bar_x + i * cw, bar_top, cw, bar_h);
          cairo_fill (cr);
        }
      for (guint i = 0; i < n_marks; i++)
        {
          DsrTextAnchor anchor = DSR_TEXT_ANCHOR_MIDDLE;
          double mx = bar_x + marks[i].position * cw;

          if (i % label_step != 0 && i != n_marks - 1)
            continue;
          if (i == n_marks - 2 && label_step == 2 && n_marks % 2 == 0)
            continue;
          /* Never two labels alike side by side (values that round alike). */
          if (i > 0 && g_strcmp0 (labels[i], labels[i - 1]) == 0 && i % label_step == 0)
            continue;
          set_color (cr, secondary);
          cairo_rectangle (cr, mx - 0.5, bar_top + bar_h, 1, gap * 0.6);
          cairo_fill (cr);
          dsr_canvas_text (&c->base, labels[i], &dsr_font_small, secondary, mx,
                           bar_top + bar_h + gap * 0.5, anchor, DSR_TEXT_AXIS, NULL, NULL);
        }

      if (world != NULL)
        {
          double wx = bar_position (bins, v->world.shown, bar_x, cw);
          double ww = dsr_canvas_text_width (&c->base, world, &dsr_font_small_bold);
          double lx = CLAMP (wx - ww / 2, x, x + avail - ww);
          double t = c->base.unit * 0.3;

          /* A tick through the bar and a notch above it, in the text colour. */
          set_color (cr, fg);
          cairo_rectangle (cr, wx - 0.75, bar_top - gap * 0.5, 1.5, bar_h + gap);
          cairo_fill (cr);
          cairo_move_to (cr, wx - t, bar_top - gap * 0.5 - t);
          cairo_line_to (cr, wx + t, bar_top - gap * 0.5 - t);
          cairo_line_to (cr, wx, bar_top - gap * 0.5);
          cairo_close_path (cr);
          cairo_fill (cr);
          dsr_canvas_text (&c->base, world, &dsr_font_small_bold, fg, lx, top - t * 0.5,
                           DSR_TEXT_ANCHOR_START, DSR_TEXT_REFERENCE, DSR_ENTITY_ID_WORLD, NULL);
        }

      for (guint e = 0; e < n_extras; e++)
        {
          DsrRect swatch = { extras_x, extras_top, swatch_w, bar_h };
          DsrRect label;

          cairo_rectangle (cr, swatch.x, swatch.y, swatch.width, swatch.height);
          set_shade_source (c, extras[e].shade, (int) k / 2);
          cairo_fill (cr);
          dsr_canvas_text (&c->base, extras[e].label, &dsr_font_small, secondary,
                           extras_x + swatch_w + c->base.unit * 0.4, extras_top + (bar_h - small_h) / 2,
                           DSR_TEXT_ANCHOR_START, DSR_TEXT_NOTE, NULL, &label);
          extras_x = label.x + label.width + c->base.unit;
        }
    }

  for (guint i = 0; i < n_marks; i++)
    g_free (labels[i]);
  return y - top;
}

/* Rendering ----------------------------------------------------------------------------- */

/**
 * dsr_map_options_init:
 *
 * The defaults: natural breaks in 5 classes, non-members one neutral colour, no
 * Antarctica, no zoom, the view's scheme, text drawn with PangoCairo.
 */
void
dsr_map_options_init (DsrMapOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (DsrMapOptions) { 0 };
  options->binning = DSR_BINNING_NATURAL_BREAKS;
  options->n_classes = DSR_BINS_DEFAULT_CLASSES;
  options->fade_non_members = FALSE;
  dsr_map_transform_init (&options->transform);
}

static void
canvas_clear (Canvas *c)
{
  dsr_canvas_clear (&c->base);
  g_clear_pointer (&c->hatch, cairo_pattern_destroy);
  g_clear_pointer (&c->cross, cairo_pattern_destroy);
}

/* Line heights that suit every script the map will show. */
static void
add_scripts (Canvas     *c,
             const char *title,
             const char *subtitle,
             const char *sources)
{
  DsrMapValues *v = c->values;

  dsr_canvas_add_script (&c->base, title);
  dsr_canvas_add_script (&c->base, subtitle);
  dsr_canvas_add_script (&c->base, sources);
  dsr_canvas_add_script (&c->base, dsr_map_values_non_member_label (v));
  for (guint r = 0; r < v->regions->len; r++)
    dsr_canvas_add_script (&c->base, g_array_index (v->regions, DsrMapRegionValue, r).name);
}

/**
 * dsr_map_render:
 * @cr: where to draw, with user space in logical pixels
 * @borders: the map, from dsr_map_data_load_bundled()
 * @view: the indicator, year (0: the latest), grouping (%NULL: the first
 *   with values), compare mode, size (width and height) and scheme
 * @options: (nullable): %NULL for the defaults of dsr_map_options_init()
 * @out_layout: (out) (optional): where everything went, for tooltips,
 *   clicks and the legend
 *
 * Draws the world choropleth of @view: each economy's own value where the
 * store has economies' values for the indicator and year (country mode),
 * else each member economy in its region's value (region mode).
 *
 * Returns: %FALSE, drawing nothing, with an error in %DSR_ERROR when a
 *   choice of @view or @options is not valid (the message lists the valid
 *   ones) or there is nothing to show for it
 */
gboolean
dsr_map_render (cairo_t              *cr,
                DsrStore             *store,
                DsrMapData           *borders,
                const DsrView        *view,
                const DsrMapOptions  *options,
                DsrMapLayout        **out_layout,
                GError              **error)
{
  g_autoptr(DsrRenderStyle) own_style = NULL;
  g_autoptr(DsrMapLayout) layout = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *sources = NULL;
  const DsrRenderStyle *style;
  const char *title;
  DsrMapOptions defaults;
  DsrMapValues *values;
  double legend_h;
  DsrRect body;
  Canvas c;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);
  g_return_val_if_fail (DSR_IS_MAP_DATA (borders), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (options == NULL)
    {
      dsr_map_options_init (&defaults);
      options = &defaults;
    }

  if (options->values != NULL)
    values = dsr_map_values_ref (options->values);
  else
    values = dsr_map_values_new (store, view, options->binning, options->n_classes, error);
  if (values == NULL)
    return FALSE;
  layout = layout_new (borders, values);

  style = options->style;
  if (style == NULL)
    style = own_style = dsr_render_style_new (values->view->scheme);
  if (values->diverging)
    dsr_map_palette_init_diverging (&layout->palette, style, &values->bins);
  else
    dsr_map_palette_init_sequential (&layout->palette, style, values->bins.n_classes);

  cairo_save (cr);
  c = (Canvas) { .options = options, .layout = layout, .values = values };
  dsr_canvas_init (&c.base, cr, style, layout->width, layout->height, layout->texts, layout->strings,
                   options->text_func, options->text_data);
  title = dsr_indicator_get_name (values->indicator);
  subtitle = build_subtitle (values, options);
  note = build_note (values);
  sources = build_sources (values);
  add_scripts (&c, title, subtitle, sources);

  if (!style->transparent)
    {
      set_color (cr, &style->background);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  /* The charts' furniture; the legend at the bottom of the body, the map above it. */
  dsr_canvas_furniture (&c.base, title, subtitle, note, sources, &body);
  legend_h = legend (&c, 0, TRUE);
  layout->legend = (DsrRect) { body.x, body.y + body.height - legend_h, body.width, legend_h };
  layout->map_area = (DsrRect) { body.x, body.y, body.width,
                                 MAX (layout->legend.y - c.base.unit * 0.6 - body.y, 1.0) };

  draw_map (&c, store, borders);
  legend (&c, layout->legend.y, FALSE);

  canvas_clear (&c);
  cairo_restore (cr);

  if (out_layout != NULL)
    *out_layout = g_steal_pointer (&layout);
  return TRUE;
}

/* Export ------------------------------------------------------------------------------- */

/**
 * dsr_map_check_view:
 * @options: (nullable): the classes asked for; %NULL for the defaults
 *
 * Whether dsr_map_render() can draw @view (an export checks before it
 * writes a file): the same errors, without drawing.
 */
gboolean
dsr_map_check_view (DsrStore            *store,
                    const DsrView       *view,
                    const DsrMapOptions *options,
                    GError             **error)
{
  g_autoptr(DsrMapValues) values = dsr_map_check_view_values (store, view, options, error);

  return values != NULL;
}

/* dsr_map_check_view(), keeping what it made: the values the map of @view
 * would show (with @options' binning and classes), or %NULL with the error. */
DsrMapValues *
dsr_map_check_view_values (DsrStore            *store,
                           const DsrView       *view,
                           const DsrMapOptions *options,
                           GError             **error)
{
  g_autoptr(DsrMapData) borders = NULL;
  DsrMapOptions defaults;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (options == NULL)
    {
      dsr_map_options_init (&defaults);
      options = &defaults;
    }
  borders = dsr_map_data_load_bundled (error);
  if (borders == NULL)
    return NULL;
  return dsr_map_values_new (store, view, options->binning, options->n_classes, error);
}

/**
 * dsr_map_export_draw: (type DsrExportDrawFunc)
 * @user_data: (nullable): a `const DsrMapOptions *` for the classes and
 *   the rest; %NULL for the defaults. Its style and text function are
 *   replaced by the export's.
 *
 * Draws the map with the bundled borders, for DsrExportOptions.draw_func:
 * the export's PNG, SVG (text as <text>) and PDF files, at its scale. Check
 * the view first with dsr_map_check_view(): a view that cannot be drawn
 * draws nothing here but a warning.
 */
void
dsr_map_export_draw (cairo_t              *cr,
                     DsrStore             *store,
                     const DsrView        *view,
                     const DsrRenderStyle *style,
                     double                width,
                     double                height,
                     DsrTextFunc           text_func,
                     gpointer              text_data,
                     gpointer              user_data)
{
  const DsrMapOptions *given = user_data;
  g_autoptr(DsrMapData) borders = NULL;
  g_autoptr(DsrView) sized = NULL;
  g_autoptr(GError) error = NULL;
  DsrMapOptions options;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  if (given != NULL)
    options = *given;
  else
    dsr_map_options_init (&options);
  if (style != NULL)
    options.style = style;
  options.text_func = text_func;
  options.text_data = text_data;

  sized = dsr_view_copy (view);
  sized->width = (int) round (width);
  sized->height = (int) round (height);
  borders = dsr_map_data_load_bundled (&error);
  if (borders == NULL || !dsr_map_render (cr, store, borders, sized, &options, NULL, &error))
    g_warning ("The map was not drawn: %s", error->message);
}
