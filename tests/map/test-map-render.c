/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-map-borders.h"
#include "dsr-map-render.h"
#include "dsr-test-utils.h"

typedef struct
{
  DsrStore        *store;
  DsrMapData      *borders;
  cairo_surface_t *surface;
  DsrMapLayout    *layout;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = dsr_test_load_bundled ();
  f->borders = dsr_map_data_load_bundled (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->layout, dsr_map_layout_unref);
  g_clear_pointer (&f->surface, cairo_surface_destroy);
  g_clear_object (&f->borders);
  g_clear_object (&f->store);
}

static DsrView *
gci_view (int       width,
          int       height,
          DsrScheme scheme)
{
  DsrView *view = dsr_view_new ();

  view->kind = DSR_VIEW_MAP;
  view->indicator_id = g_strdup ("DSR.GCI.SCORE");
  view->year = 2021;
  view->width = width;
  view->height = height;
  view->scheme = scheme;
  return view;
}

/* Renders into the fixture's image surface and layout. */
static void
render (Fixture             *f,
        const DsrView       *view,
        const DsrMapOptions *options)
{
  g_autoptr(GError) error = NULL;
  cairo_t *cr;

  g_clear_pointer (&f->layout, dsr_map_layout_unref);
  g_clear_pointer (&f->surface, cairo_surface_destroy);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  cr = cairo_create (f->surface);
  g_assert_true (dsr_map_render (cr, f->store, f->borders, view, options, &f->layout, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

static void
canvas_point (const DsrMapLayout *layout,
              double              lon,
              double              lat,
              double             *x,
              double             *y)
{
  double px, py;

  dsr_equal_earth_forward (lon, lat, &px, &py);
  dsr_map_fit_apply (&layout->fit, px, py, x, y);
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          DsrRgba         *out)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (data + (int) y * stride + 4 * (int) x);

  out->red = (px >> 16 & 0xff) / 255.0;
  out->green = (px >> 8 & 0xff) / 255.0;
  out->blue = (px & 0xff) / 255.0;
  out->alpha = (px >> 24 & 0xff) / 255.0;
}

static gboolean
same_color (const DsrRgba *a,
            const DsrRgba *b)
{
  return fabs (a->red - b->red) < 2.5 / 255 && fabs (a->green - b->green) < 2.5 / 255
         && fabs (a->blue - b->blue) < 2.5 / 255;
}

static void
assert_color_at (Fixture       *f,
                 const char    *what,
                 double         lon,
                 double         lat,
                 const DsrRgba *expected)
{
  double x, y;
  DsrRgba got;
  g_autofree char *got_hex = NULL;
  g_autofree char *expected_hex = NULL;

  canvas_point (f->layout, lon, lat, &x, &y);
  pixel_at (f->surface, x, y, &got);
  got_hex = dsr_rgba_to_hex (&got);
  expected_hex = dsr_rgba_to_hex (expected);
  g_test_message ("%s at (%.0f, %.0f): %s, expected %s", what, x, y, got_hex, expected_hex);
  g_assert_true (same_color (&got, expected));
}

static const DsrMapRegionValue *
region_value (const DsrMapLayout *layout,
              const char         *entity_id)
{
  for (guint r = 0; r < layout->values->regions->len; r++)
    {
      const DsrMapRegionValue *rv = &g_array_index (layout->values->regions, DsrMapRegionValue, r);

      if (g_str_equal (rv->entity_id, entity_id))
        return rv;
    }
  g_assert_not_reached ();
}

/* Figure 4: the Global Cybersecurity Index 2021 by continent, region mode:
 * a member economy has its continent's class colour, a non-member grey. */
static void
check_figure4 (Fixture   *f,
               DsrScheme  scheme)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, scheme);
  const DsrMapPalette *pal;
  const DsrMapRegionValue *asia, *europe, *africa;

  render (f, view, NULL);
  g_assert_cmpint (f->layout->values->mode, ==, DSR_MAP_MODE_REGION);
  g_assert_cmpstr (dsr_grouping_get_id (f->layout->values->grouping), ==, "bri-continent");
  g_assert_cmpuint (f->layout->values->bins.n_classes, ==, 5);
  g_assert_cmpfloat (f->layout->values->world.value, ==, 51.71);

  pal = &f->layout->palette;
  asia = region_value (f->layout, "bri-continent:asia");
  europe = region_value (f->layout, "bri-continent:europe");
  africa = region_value (f->layout, "bri-continent:africa");
  g_assert_cmpfloat (asia->value, ==, 62.73);
  g_assert_cmpint (asia->basis, ==, DSR_BASIS_REPORTED);
  g_assert_cmpfloat (europe->value, ==, 82.44);
  g_assert_cmpint (europe->klass, ==, 4);
  g_assert_cmpint (asia->klass, ==, 3);
  g_assert_cmpint (africa->klass, ==, 1);

  assert_color_at (f, "Kazakhstan", 67, 48, &pal->classes[asia->klass]);
  assert_color_at (f, "Iran", 54, 32, &pal->classes[asia->klass]);
  assert_color_at (f, "Russia", 100, 62, &pal->classes[europe->klass]);
  assert_color_at (f, "Poland", 19.5, 52, &pal->classes[europe->klass]);
  assert_color_at (f, "Nigeria", 8, 9, &pal->classes[africa->klass]);
  assert_color_at (f, "United States", -100, 40, &pal->neutral);
  assert_color_at (f, "Brazil", -50, -10, &pal->neutral);
  assert_color_at (f, "China", 105, 35, &pal->neutral);
  assert_color_at (f, "India", 78, 22, &pal->neutral);
  assert_color_at (f, "Australia", 134, -25, &pal->neutral);
}

static void
test_figure4_light (Fixture       *f,
                    gconstpointer  data)
{
  check_figure4 (f, DSR_SCHEME_LIGHT);
}

static void
test_figure4_dark (Fixture       *f,
                   gconstpointer  data)
{
  check_figure4 (f, DSR_SCHEME_DARK);
}

static const DsrMapHit *
hit_at (Fixture *f,
        double   lon,
        double   lat)
{
  double x, y;

  canvas_point (f->layout, lon, lat, &x, &y);
  return dsr_map_layout_hit_test (f->layout, x, y);
}

static void
test_hit_test (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  const DsrMapHit *hit;

  render (f, view, NULL);

  /* Beijing: China, not a member in region mode. */
  hit = hit_at (f, 116.4, 39.9);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->numeric, ==, 156);
  g_assert_cmpstr (hit->entity_id, ==, "CHN");
  g_assert_null (hit->value);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_NEUTRAL);

  /* The middle of the Atlantic, the Pacific: nothing. */
  g_assert_null (hit_at (f, -30, 20));
  g_assert_null (hit_at (f, -140, -30));
  /* Outside the map area (the title). */
  g_assert_null (dsr_map_layout_hit_test (f->layout, 20, 10));

  /* Singapore: too small to see at this size, found by its marker. */
  hit = hit_at (f, 103.82, 1.35);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->numeric, ==, 702);
  g_assert_true (hit->marker);
  g_assert_nonnull (hit->value);
  g_assert_true (hit->value->member);
  g_assert_cmpstr (hit->value->region->entity_id, ==, "bri-continent:asia");

  /* Kazakhstan, with its region's value for the tooltip. */
  hit = hit_at (f, 67, 48);
  g_assert_cmpint (hit->numeric, ==, 398);
  g_assert_cmpstr (hit->name, ==, dsr_entity_get_name (dsr_store_get_entity (f->store, "KAZ")));
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
  g_assert_cmpstr (hit->value->region->name, ==, "Asia");
  g_assert_cmpfloat (hit->value->value, ==, 62.73);
  g_assert_cmpint (hit->value->basis, ==, DSR_BASIS_REPORTED);

  /* Lesotho, a hole in South Africa, is itself; Rome is Italy, not the Vatican. */
  g_assert_cmpint (hit_at (f, 28.2, -29.6)->numeric, ==, 426);
  g_assert_cmpint (hit_at (f, 25, -30)->numeric, ==, 710);

  /* Italy was a member in 2021 (2019-2023); Colombia only joined in 2025. */
  g_assert_true (hit_at (f, 12.5, 42.5)->value->member);
  g_assert_null (hit_at (f, -74, 4.6)->value);
}

/* Every Belt and Road economy in the pack has a shape on the map, and is
 * drawn visibly (a marker when it is tiny) at a report's size. */
static void
test_every_economy_has_a_shape (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  DsrGrouping *grouping = dsr_store_get_grouping (f->store, "bri-region");
  const DsrGeometry *geometry = dsr_map_data_get_projected (f->borders);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_members = 0;

  view->year = 2021;
  render (f, view, NULL);
  for (guint r = 0; r < dsr_grouping_get_n_regions (grouping); r++)
    {
      DsrRegion *region = dsr_grouping_get_region (grouping, r);

      for (guint m = 0; m < dsr_region_get_n_members (region); m++)
        {
          int since, until;
          const char *iso3 = dsr_region_get_member (region, m, &since, &until);
          DsrEntity *entity = dsr_store_get_entity (f->store, iso3);
          int numeric = entity ? dsr_entity_get_numeric (entity) : 0;
          const DsrMapHit *hit;

          n_members++;
          if (numeric == 0 || dsr_geometry_find_id (geometry, numeric) < 0)
            {
              g_string_append_printf (missing, " %s", iso3);
              continue;
            }
          /* Members as of 2021 are shaded, and visible. */
          hit = dsr_map_layout_find (f->layout, numeric);
          g_assert_nonnull (hit);
          if (dsr_region_has_member_as_of (region, iso3, 2021))
            {
              g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
              if (MAX (hit->box.width, hit->box.height) < 4)
                g_assert_true (hit->marker);
            }
        }
    }
  g_test_message ("%u economies; without a shape:%s", n_members, missing->len ? missing->str : " none");
  g_assert_cmpuint (n_members, ==, 153);
  g_assert_cmpstr (missing->str, ==, "");
}

/* Shapes without an ISO code still draw, grey, named by the map. */
static void
test_shapes_without_id (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  guint found = 0;

  render (f, view, NULL);
  for (guint i = 0; i < f->layout->hits->len; i++)
    {
      const DsrMapHit *hit = &g_array_index (f->layout->hits, DsrMapHit, i);

      if (hit->numeric != 0)
        continue;
      g_assert_null (hit->entity_id);
      g_assert_null (hit->value);
      g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_NEUTRAL);
      found += g_str_equal (hit->name, "Kosovo") || g_str_equal (hit->name, "N. Cyprus")
               || g_str_equal (hit->name, "Somaliland");
    }
  g_assert_cmpuint (found, ==, 3);
  g_assert_cmpint (hit_at (f, 20.9, 42.6)->numeric, ==, 0);  /* Pristina */
}

/* Text stays on the canvas and never overlaps, at any size and in every mode. */
static void
test_text_layout (Fixture       *f,
                  gconstpointer  data)
{
  const int sizes[][2] = { { 1600, 900 }, { 480, 320 }, { 1920, 1080 }, { 800, 800 }, { 640, 1000 },
                           { 300, 200 }, { 3840, 2160 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (DsrCompare compare = DSR_COMPARE_ABSOLUTE; compare <= DSR_COMPARE_WORLD_DIFF; compare++)
      {
        g_autoptr(DsrView) view = gci_view (sizes[s][0], sizes[s][1], DSR_SCHEME_LIGHT);
        GArray *texts;

        view->compare = compare;
        render (f, view, NULL);
        texts = f->layout->texts;
        g_assert_cmpuint (texts->len, >=, 5);
        for (guint i = 0; i < texts->len; i++)
          {
            const DsrTextBox *a = &g_array_index (texts, DsrTextBox, i);

            g_assert_cmpfloat (a->rect.x, >=, 0);
            g_assert_cmpfloat (a->rect.y, >=, 0);
            g_assert_cmpfloat (a->rect.x + a->rect.width, <=, sizes[s][0]);
            g_assert_cmpfloat (a->rect.y + a->rect.height, <=, sizes[s][1]);
            /* Nothing of the map under the text. */
            g_assert_false (dsr_rect_intersects (&a->rect, &f->layout->map_area));
            for (guint j = i + 1; j < texts->len; j++)
              {
                const DsrTextBox *b = &g_array_index (texts, DsrTextBox, j);

                if (dsr_rect_intersects (&a->rect, &b->rect))
                  g_error ("%dx%d: “%s” overlaps “%s”", sizes[s][0], sizes[s][1], a->text, b->text);
              }
          }
        g_assert_nonnull (dsr_map_layout_find_text (f->layout, "Global Cybersecurity Index"));
      }
}

typedef struct
{
  guint    n;
  gboolean title;
  gboolean source;
  char    *family;
} TextLog;

static void
log_text (const DsrTextItem *item,
          gpointer           user_data)
{
  TextLog *log = user_data;

  log->n++;
  log->title |= item->role == DSR_TEXT_TITLE && g_str_equal (item->text, "Global Cybersecurity Index");
  log->source |= item->role == DSR_TEXT_SOURCE && strstr (item->text, "Natural Earth") != NULL;
  g_assert_cmpfloat (item->font_size, >, 5);
  if (log->family == NULL)
    log->family = g_strdup (item->font_family);
}

/* Text goes through one function: an SVG export takes it as <text>. */
static void
test_text_func (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  TextLog log = { 0 };
  DsrMapOptions options;
  cairo_surface_t *svg;
  cairo_t *cr;
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrMapLayout) layout = NULL;

  dsr_map_options_init (&options);
  options.text_func = log_text;
  options.text_data = &log;

  svg = cairo_svg_surface_create_for_stream (NULL, NULL, view->width, view->height);
  cr = cairo_create (svg);
  g_assert_true (dsr_map_render (cr, f->store, f->borders, view, &options, &layout, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_finish (svg);
  g_assert_cmpint (cairo_surface_status (svg), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (svg);

  g_assert_cmpuint (log.n, ==, layout->texts->len);
  g_assert_true (log.title);
  g_assert_true (log.source);
  g_assert_cmpstr (log.family, ==, DSR_RENDER_FONT_FAMILY);
  g_free (log.family);
}

/* Country mode: economies with values of their own. Every one is shaded,
 * non-members faded (unless the option is off), members without data hatched. */
static void
test_country_mode (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *iso3; double value; } values[] = {
    { "KAZ", 85 }, { "RUS", 88 }, { "NGA", 55 }, { "CHN", 73 }, { "USA", 92 }, { "SGP", 96 },
    { "BRA", 81 }, { "IND", 46 }, { "EGY", 72 },
  };
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  const DsrMapPalette *pal;
  const DsrMapHit *hit;
  DsrMapOptions options;
  DsrRgba faded, got, background = { 1, 1, 1, 1 };
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GError) error = NULL;

      /* Account ownership: bundled without country data (IT.NET.USER.ZS has them). */
      g_assert_true (dsr_store_add_observation (f->store, "FX.OWN.TOTL.ZS", values[i].iso3, 2021,
                                                values[i].value, DSR_QUALIFIER_EXACT, "Test", "",
                                                &error));
      g_assert_no_error (error);
    }
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("FX.OWN.TOTL.ZS");
  dsr_map_options_init (&options);
  options.binning = DSR_BINNING_QUANTILE;
  options.n_classes = 3;
  render (f, view, &options);
  pal = &f->layout->palette;

  g_assert_cmpint (f->layout->values->mode, ==, DSR_MAP_MODE_COUNTRY);
  g_assert_cmpuint (f->layout->values->bins.n_classes, ==, 3);

  hit = hit_at (f, 67, 48);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
  assert_color_at (f, "Kazakhstan", 67, 48, &pal->classes[hit->value->klass]);
  g_assert_cmpfloat (hit->value->value, ==, 85);
  g_assert_cmpint (hit->value->basis, ==, DSR_BASIS_OBSERVED);
  g_assert_cmpstr (hit->value->region->name, ==, "Central Asia");

  /* China and the United States have data but are not members: faded. */
  hit = hit_at (f, 105, 35);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_FADED);
  dsr_rgba_mix (&background, &pal->classes[hit->value->klass], pal->fade, &faded);
  assert_color_at (f, "China", 105, 35, &faded);
  g_assert_cmpint (hit_at (f, -100, 40)->shade, ==, DSR_MAP_SHADE_FADED);

  /* Members without data are hatched: the base or the lines' colour. */
  hit = hit_at (f, 30, 15);  /* Sudan */
  g_assert_cmpint (hit->numeric, ==, 729);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_NO_DATA);
  canvas_point (f->layout, 30, 15, &x, &y);
  pixel_at (f->surface, x, y, &got);
  g_assert_false (same_color (&got, &pal->neutral));
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "No data"));

  /* Non-members without data: grey. */
  assert_color_at (f, "Mexico", -102, 24, &pal->neutral);
  g_assert_cmpint (hit_at (f, -102, 24)->shade, ==, DSR_MAP_SHADE_NEUTRAL);

  /* Without fading, non-members with data have their full colour. */
  options.fade_non_members = FALSE;
  render (f, view, &options);
  hit = hit_at (f, 105, 35);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
  assert_color_at (f, "China", 105, 35, &f->layout->palette.classes[hit->value->klass]);
}

/* Difference from the world average: a diverging palette centred on zero. */
static void
test_diverging (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  const DsrMapHit *europe, *africa;
  const DsrRenderStyle *style;
  g_autoptr(DsrRenderStyle) own = dsr_render_style_new (DSR_SCHEME_LIGHT);

  view->compare = DSR_COMPARE_WORLD_DIFF;
  style = own;
  render (f, view, NULL);
  g_assert_true (f->layout->values->diverging);
  g_assert_cmpfloat (f->layout->values->world.shown, ==, 0);
  g_assert_cmpfloat (f->layout->values->bins.breaks[0], <, 0);
  g_assert_cmpfloat (f->layout->values->bins.breaks[f->layout->values->bins.n_classes], >, 0);

  europe = hit_at (f, 19.5, 52);
  africa = hit_at (f, 8, 9);
  g_assert_cmpfloat_with_epsilon (europe->value->shown, 82.44 - 51.71, 1e-9);
  g_assert_cmpfloat_with_epsilon (africa->value->shown, 38.71 - 51.71, 1e-9);
  /* Above the world average toward the positive colour (blue), below toward the negative (orange). */
  {
    const DsrRgba *e = &f->layout->palette.classes[europe->value->klass];
    const DsrRgba *a = &f->layout->palette.classes[africa->value->klass];

    g_assert_cmpfloat (e->blue, >, e->red);
    g_assert_cmpfloat (a->red, >, a->blue);
    g_assert_cmpfloat (fabs (e->blue - style->positive.blue), <, 0.35);
  }
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "0 = world average 51.71"));
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "+30.73"));
}

/* A grouping without values for the indicator: every member hatched. */
static void
test_no_data (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);

  view->grouping_id = g_strdup ("bri-region");
  render (f, view, NULL);
  g_assert_cmpuint (f->layout->values->bins.n_classes, ==, 0);
  g_assert_cmpint (hit_at (f, 67, 48)->shade, ==, DSR_MAP_SHADE_NO_DATA);
  g_assert_cmpint (hit_at (f, -100, 40)->shade, ==, DSR_MAP_SHADE_NEUTRAL);
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "No data"));

  /* The hatching is a vector pattern in a PDF. */
  {
    g_autoptr(DsrMapLayout) layout = NULL;
    g_autoptr(GError) error = NULL;
    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, view->width, view->height);
    cairo_t *cr = cairo_create (pdf);

    g_assert_true (dsr_map_render (cr, f->store, f->borders, view, NULL, &layout, &error));
    g_assert_no_error (error);
    cairo_destroy (cr);
    cairo_surface_finish (pdf);
    g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (pdf);
  }
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  DsrMapLayout *layout = NULL;
  DsrMapOptions options;
  GError *error = NULL;

  dsr_map_options_init (&options);
  options.n_classes = 12;
  g_assert_false (dsr_map_render (cr, f->store, f->borders, view, &options, &layout, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_assert_null (layout);
  g_clear_error (&error);

  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("NO.SUCH.THING");
  g_assert_false (dsr_map_render (cr, f->store, f->borders, view, NULL, &layout, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  /* No world average for the difference. */
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("DSR.CYB.COMMIT");
  view->compare = DSR_COMPARE_WORLD_DIFF;
  g_assert_false (dsr_map_render (cr, f->store, f->borders, view, NULL, &layout, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_clear_error (&error);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The widget's zoom and pan: the map scales about the pointer, countries
 * off the canvas are not drawn, and the hit test follows. */
static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  DsrMapOptions options;
  double x, y, base_scale;
  const DsrMapHit *hit;

  render (f, view, NULL);
  base_scale = f->layout->fit.scale;
  canvas_point (f->layout, 67, 48, &x, &y);

  dsr_map_options_init (&options);
  dsr_map_transform_zoom_at (&options.transform, 6, x, y);
  render (f, view, &options);
  g_assert_cmpfloat_with_epsilon (f->layout->fit.scale, 6 * base_scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->layout->base_fit.scale, base_scale, 1e-9);
  hit = dsr_map_layout_hit_test (f->layout, x, y);
  g_assert_cmpint (hit->numeric, ==, 398);
  g_assert_null (dsr_map_layout_find (f->layout, 840));  /* the USA is off the canvas */
  /* At this zoom Singapore is no longer a dot... but it is off the canvas too. */
  g_assert_null (dsr_map_layout_find (f->layout, 702));

  /* Zoom on Singapore: big enough to be its shape, no marker. */
  dsr_map_transform_init (&options.transform);
  render (f, view, NULL);
  canvas_point (f->layout, 103.82, 1.35, &x, &y);
  dsr_map_transform_zoom_at (&options.transform, 40, x, y);
  render (f, view, &options);
  hit = hit_at (f, 103.82, 1.35);
  g_assert_cmpint (hit->numeric, ==, 702);
  g_assert_false (hit->marker);
}

static void
test_antarctica (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  DsrMapOptions options;
  double base_height;

  render (f, view, NULL);
  g_assert_null (dsr_map_layout_find (f->layout, 10));
  base_height = f->layout->fit.scale;

  dsr_map_options_init (&options);
  options.show_antarctica = TRUE;
  render (f, view, &options);
  g_assert_nonnull (dsr_map_layout_find (f->layout, 10));
  g_assert_cmpint (hit_at (f, 0, -85)->numeric, ==, 10);
  g_assert_cmpfloat (f->layout->fit.scale, <=, base_height);
}

static void
test_trace (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  const DsrMapHit *hit;
  double x0, y0, x1, y1;
  cairo_t *cr;

  render (f, view, NULL);
  hit = dsr_map_layout_find (f->layout, 398);
  cr = cairo_create (f->surface);
  dsr_map_layout_trace (f->layout, cr, hit);
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  cairo_destroy (cr);
  g_assert_cmpfloat_with_epsilon (x0, hit->box.x, 1.0);
  g_assert_cmpfloat_with_epsilon (x1, hit->box.x + hit->box.width, 1.0);
  g_assert_cmpfloat_with_epsilon (y1, hit->box.y + hit->box.height, 1.0);
}

/* The export draws the map through DsrExportOptions.draw_func: PNG, SVG
 * with its text as <text>, PDF. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (800, 500, DSR_SCHEME_LIGHT);
  const DsrExportFormat formats[] = { DSR_EXPORT_PNG, DSR_EXPORT_SVG, DSR_EXPORT_PDF };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };
  DsrExportOptions export = { 0 };
  DsrMapOptions options;
  GError *error = NULL;

  dsr_map_options_init (&options);
  options.n_classes = 3;
  g_assert_true (dsr_map_check_view (f->store, view, &options, &error));
  g_assert_no_error (error);
  export.draw_func = dsr_map_export_draw;
  export.draw_data = &options;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = dsr_export_render (f->store, view, formats[i], &export, &error);
      gsize size;
      const char *contents;

      g_assert_no_error (error);
      contents = g_bytes_get_data (bytes, &size);
      g_assert_cmpuint (size, >, 10000);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      if (formats[i] == DSR_EXPORT_SVG)
        {
          g_autofree char *svg = g_strndup (contents, size);

          g_assert_nonnull (strstr (svg, ">Global Cybersecurity Index</text>"));
          g_assert_nonnull (strstr (svg, ">World average 51.71</text>"));
        }
    }

  /* A view the map cannot draw is an error before anything is written. */
  options.n_classes = 2;
  g_assert_false (dsr_map_check_view (f->store, view, &options, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/map/render/figure4-light", test_figure4_light);
  ADD ("/map/render/figure4-dark", test_figure4_dark);
  ADD ("/map/render/hit-test", test_hit_test);
  ADD ("/map/render/every-economy-has-a-shape", test_every_economy_has_a_shape);
  ADD ("/map/render/shapes-without-id", test_shapes_without_id);
  ADD ("/map/render/text-layout", test_text_layout);
  ADD ("/map/render/text-func", test_text_func);
  ADD ("/map/render/country-mode", test_country_mode);
  ADD ("/map/render/diverging", test_diverging);
  ADD ("/map/render/no-data", test_no_data);
  ADD ("/map/render/errors", test_errors);
  ADD ("/map/render/zoom", test_zoom);
  ADD ("/map/render/antarctica", test_antarctica);
  ADD ("/map/render/trace", test_trace);
  ADD ("/map/render/export", test_export);

#undef ADD

  return g_test_run ();
}
