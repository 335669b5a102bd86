/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-figure.h"
#include "dsr-format.h"
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

static gboolean
find_text_containing (const DsrMapLayout *layout,
                      const char         *needle)
{
  g_autoptr(GString) all = g_string_new (NULL);

  /* A note may be wrapped over several lines: look in all the text. */
  for (guint i = 0; i < layout->texts->len; i++)
    g_string_append_printf (all, "%s ", g_array_index (layout->texts, DsrTextBox, i).text);
  return strstr (all->str, needle) != NULL;
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

  /* Beijing: China, the initiator, in no region: neutral in region mode, and explained. */
  hit = hit_at (f, 116.4, 39.9);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->numeric, ==, 156);
  g_assert_cmpstr (hit->entity_id, ==, "CHN");
  g_assert_nonnull (hit->value);
  g_assert_true (hit->value->initiator);
  g_assert_false (hit->value->member);
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
              /* Too small to see: a marker of its own, or one of its colour
               * next to it (islands close together share one). */
              if (MAX (hit->box.width, hit->box.height) < 4 && !hit->marker)
                {
                  gboolean near = FALSE;

                  for (guint i = 0; i < f->layout->hits->len && !near; i++)
                    {
                      const DsrMapHit *other = &g_array_index (f->layout->hits, DsrMapHit, i);

                      near = other->marker && other->value != NULL && other->value->klass == hit->value->klass
                             && hypot (other->marker_x - hit->marker_x, other->marker_y - hit->marker_y)
                                  < (other->marker_r + hit->marker_r) * 1.6 + 0.01;
                    }
                  g_assert_true (near);
                }
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

/* The box of @text in the last render. */
static DsrRect
text_box (Fixture    *f,
          const char *text)
{
  const DsrTextBox *box = dsr_map_layout_find_text (f->layout, text);

  g_assert_nonnull (box);
  return box->rect;
}

/* Text layouts are kept between renders (issue 15): a change of the type
 * size (presentation mode's font scale) or of the theme, or many renders of
 * other texts in between (the cache keeps two generations), must measure
 * every text as a first render does. */
static void
test_text_cache (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  g_autoptr(DsrRenderStyle) big = dsr_render_style_new (DSR_SCHEME_LIGHT);
  DsrMapOptions options;
  DsrRect title, legend, title_big, title_dark, again;

  render (f, view, NULL);
  title = text_box (f, "Global Cybersecurity Index");
  legend = text_box (f, "Europe 82.44");

  dsr_map_options_init (&options);
  big->font_size = dsr_render_style_get_font_size (big, view->width, view->height) * 1.5;
  options.style = big;
  render (f, view, &options);
  title_big = text_box (f, "Global Cybersecurity Index");
  g_assert_cmpfloat (title_big.width, >, title.width * 1.4);
  g_assert_cmpfloat (title_big.height, >, title.height * 1.4);

  view->scheme = DSR_SCHEME_DARK;
  render (f, view, NULL);
  title_dark = text_box (f, "Global Cybersecurity Index");
  g_assert_cmpfloat (title_dark.width, ==, title.width);
  g_assert_cmpfloat (title_dark.height, ==, title.height);

  /* Texts enough to turn the cache over twice, then the first ones again. */
  for (int size = 0; size < 30; size++)
    {
      g_autoptr(DsrView) other = gci_view (700 + 37 * size, 500 + 11 * size, DSR_SCHEME_LIGHT);

      for (int year = 2019; year <= 2021; year++)
        {
          other->year = year;
          g_clear_pointer (&f->layout, dsr_map_layout_unref);
          g_clear_pointer (&f->surface, cairo_surface_destroy);
          f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, other->width, other->height);
          {
            cairo_t *cr = cairo_create (f->surface);

            dsr_map_render (cr, f->store, f->borders, other, NULL, &f->layout, NULL);
            cairo_destroy (cr);
          }
        }
    }
  view->scheme = DSR_SCHEME_LIGHT;
  render (f, view, NULL);
  again = text_box (f, "Global Cybersecurity Index");
  g_assert_cmpmem (&again, sizeof again, &title, sizeof title);
  again = text_box (f, "Europe 82.44");
  g_assert_cmpmem (&again, sizeof again, &legend, sizeof legend);
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

  /* China, the initiator, not a signatory: its own value, and a note saying why. */
  hit = hit_at (f, 105, 35);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
  g_assert_true (hit->value->initiator);
  g_assert_cmpfloat (hit->value->value, ==, 73);
  assert_color_at (f, "China", 105, 35, &pal->classes[hit->value->klass]);
  g_assert_true (find_text_containing (f->layout, "initiator of the Belt and Road, not in its regions"));

  /* The United States has data but is not a member: the one neutral colour,
   * explained in the legend, and its value is not in the classes. */
  hit = hit_at (f, -100, 40);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_NEUTRAL);
  g_assert_false (hit->value->painted);
  assert_color_at (f, "United States", -100, 40, &pal->neutral);
  assert_color_at (f, "Brazil", -50, -10, &pal->neutral);
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "Not a Belt and Road economy"));
  g_assert_null (dsr_map_layout_find_text (f->layout, "Outside the Belt and Road"));

  /* Members without data are hatched: the base or the lines' colour. */
  hit = hit_at (f, 30, 15);  /* Sudan */
  g_assert_cmpint (hit->numeric, ==, 729);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_NO_DATA);
  canvas_point (f->layout, 30, 15, &x, &y);
  pixel_at (f->surface, x, y, &got);
  g_assert_false (same_color (&got, &pal->neutral));
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "No data"));

  /* Non-members without data: the same neutral colour. */
  assert_color_at (f, "Mexico", -102, 24, &pal->neutral);
  g_assert_cmpint (hit_at (f, -102, 24)->shade, ==, DSR_MAP_SHADE_NEUTRAL);

  /* Country mode: an economy's own value and its year, not its region's. */
  {
    g_autofree char *text = dsr_map_values_describe (f->layout->values, hit_at (f, 67, 48)->value);

    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "85.00"));
    g_assert_nonnull (strstr (text, "(2021)"));
    g_assert_null (strstr (text, "mean"));
  }

  /* Fading is a choice, and then explained in the legend. */
  dsr_map_options_init (&options);
  options.binning = DSR_BINNING_QUANTILE;
  options.n_classes = 3;
  options.fade_non_members = TRUE;
  render (f, view, &options);
  hit = hit_at (f, -100, 40);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_FADED);
  dsr_rgba_mix (&background, &f->layout->palette.classes[hit->value->klass], f->layout->palette.fade, &faded);
  assert_color_at (f, "United States", -100, 40, &faded);
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "Outside the Belt and Road"));
}

/* A rate with country values: every Belt and Road member of Europe (as of
 * 2021) has one, of Africa only Nigeria, plus the United States (not a
 * member) and China (the initiator). */
static void
add_rate (Fixture *f)
{
  g_autoptr(DsrIndicator) rate = dsr_indicator_new ("TEST.RATE", "Test rate", "%", DSR_THEME_TRADE,
                                                    "Test source", 2, TRUE, "");
  DsrGrouping *continents = dsr_store_get_grouping (f->store, "bri-continent");
  DsrRegion *europe = dsr_grouping_find_region (continents, "europe");
  g_autoptr(GPtrArray) members = dsr_region_members_as_of (europe, 2021);
  const struct { const char *iso3; double value; } others[] = { { "NGA", 20 }, { "USA", 90 }, { "CHN", 70 } };
  g_autoptr(GError) error = NULL;

  g_assert_true (dsr_store_add_indicator (f->store, rate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, >, 3);
  for (guint i = 0; i < members->len; i++)
    {
      g_assert_true (dsr_store_add_observation (f->store, "TEST.RATE", g_ptr_array_index (members, i), 2021,
                                                40 + i, DSR_QUALIFIER_EXACT, "Test", "", &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_true (dsr_store_add_observation (f->store, "TEST.RATE", others[i].iso3, 2021, others[i].value,
                                                DSR_QUALIFIER_EXACT, "Test", "", &error));
      g_assert_no_error (error);
    }
}

static DsrView *
rate_view (gboolean regions)
{
  DsrView *view = gci_view (1600, 900, DSR_SCHEME_LIGHT);

  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("TEST.RATE");
  view->grouping_id = g_strdup ("bri-continent");
  view->map_regions = regions;
  return view;
}

static gboolean
is_class_color (const DsrMapPalette *pal,
                const DsrRgba       *color)
{
  for (guint i = 0; i < pal->n_classes; i++)
    if (same_color (&pal->classes[i], color))
      return TRUE;
  return FALSE;
}

/* Every number the map received is the figure DsrFigures gives for the
 * same state (the views agree: issue 12). */
static void
assert_values_are_figures (Fixture       *f,
                           const DsrView *view)
{
  const DsrMapValues *values = f->layout->values;
  g_autoptr(DsrFigures) figures = dsr_figures_new (f->store, values->view);
  DsrFigure expected;
  guint n_checked = 0;

  g_assert_cmpint (values->year, ==, view->year);
  dsr_figures_world (figures, values->year, values->year, &expected);
  g_assert_cmpint (values->world.status, ==, expected.status);
  if (expected.status == DSR_FIGURE_VALUE)
    g_assert_cmpfloat (values->world.value, ==, expected.value);
  else
    g_assert_true (isnan (values->world.value));
  for (guint r = 0; r < values->regions->len; r++)
    {
      const DsrMapRegionValue *rv = &g_array_index (values->regions, DsrMapRegionValue, r);

      dsr_figures_get (figures, dsr_store_get_entity (f->store, rv->entity_id), values->year, values->year,
                       &expected);
      g_assert_cmpint (rv->status, ==, expected.status);
      g_assert_cmpuint (rv->n, ==, expected.n);
      g_assert_cmpuint (rv->total, ==, expected.total);
      if (expected.status == DSR_FIGURE_VALUE)
        g_assert_cmpfloat (rv->value, ==, expected.value);
      else
        g_assert_true (isnan (rv->value));
    }
  for (guint i = 0; i < values->values->len; i++)
    {
      const DsrMapValue *v = &g_array_index (values->values, DsrMapValue, i);

      if (!v->painted)
        continue;
      if (values->mode == DSR_MAP_MODE_REGION)
        dsr_figures_get (figures, dsr_store_get_entity (f->store, v->region->entity_id), values->year,
                         values->year, &expected);
      else
        dsr_figures_get (figures, v->entity, values->year, values->year, &expected);
      g_assert_cmpint (expected.status, ==, DSR_FIGURE_VALUE);
      g_assert_cmpfloat (v->value, ==, expected.value);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
}

/* Region mode: each member in its region's figure, named as the region's;
 * a region below the coverage rule drawn as "insufficient data", apart
 * from "no data" and from the value colours; non-members one colour. */
static void
test_region_mode (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DsrView) view = rate_view (TRUE);
  const DsrMapValues *values;
  const DsrMapRegionValue *europe, *africa;
  const DsrMapPalette *pal;
  const DsrMapHit *hit;
  DsrRgba got;
  double x, y;

  add_rate (f);
  render (f, view, NULL);
  values = f->layout->values;
  pal = &f->layout->palette;
  g_assert_cmpint (values->mode, ==, DSR_MAP_MODE_REGION);

  europe = region_value (f->layout, "bri-continent:europe");
  africa = region_value (f->layout, "bri-continent:africa");
  g_assert_cmpint (europe->status, ==, DSR_FIGURE_VALUE);
  g_assert_cmpint (europe->basis, ==, DSR_BASIS_COMPUTED);
  g_assert_cmpuint (europe->n, ==, europe->total);
  g_assert_cmpint (africa->status, ==, DSR_FIGURE_INSUFFICIENT);
  g_assert_cmpuint (africa->n, ==, 1);
  g_assert_cmpuint (africa->total, >, 40);
  g_assert_true (isnan (africa->value));
  g_assert_cmpint (africa->klass, ==, -1);

  /* Poland in Europe's colour, with Europe's figure, said to be Europe's. */
  hit = hit_at (f, 19.5, 52);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
  g_assert_true (hit->value->region == europe);
  g_assert_cmpfloat (hit->value->value, ==, europe->value);
  assert_color_at (f, "Poland", 19.5, 52, &pal->classes[europe->klass]);
  {
    g_autofree char *text = dsr_map_values_describe (values, hit->value);
    g_autofree char *number = dsr_format_value (europe->value, 2, DSR_QUALIFIER_EXACT);
    g_autofree char *expected = g_strdup_printf ("Europe (unweighted mean of %u of %u economies, members as "
                                                 "of 2021): %s %%", europe->n, europe->total, number);

    g_test_message ("%s", text);
    g_assert_true (g_str_has_prefix (text, expected));
    g_assert_null (strstr (text, "Poland"));
  }

  /* Nigeria has a value of its own, but Africa has too few members with
   * data: insufficient, not Nigeria's 20 as if it were Africa's. */
  hit = hit_at (f, 8, 9);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_INSUFFICIENT);
  g_assert_cmpint (hit->value->status, ==, DSR_FIGURE_INSUFFICIENT);
  g_assert_true (isnan (hit->value->value));
  canvas_point (f->layout, 8, 9, &x, &y);
  pixel_at (f->surface, x, y, &got);
  g_assert_false (is_class_color (pal, &got));
  g_assert_false (same_color (&got, &pal->neutral));
  {
    g_autofree char *text = dsr_map_values_describe (values, hit->value);
    g_autofree char *expected = g_strdup_printf ("Africa: insufficient data, 1 of %u economies (at least 67%% of "
                                                 "the members with data)", africa->total);

    g_test_message ("%s", text);
    g_assert_true (g_str_has_prefix (text, expected));
    g_assert_null (strstr (text, "20.00"));
  }
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "Insufficient data"));

  /* Non-members, with data (the United States) or without: one colour. */
  g_assert_cmpint (hit_at (f, -100, 40)->shade, ==, DSR_MAP_SHADE_NEUTRAL);
  assert_color_at (f, "United States", -100, 40, &pal->neutral);
  assert_color_at (f, "Mexico", -102, 24, &pal->neutral);
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "Not a Belt and Road economy"));
  /* China is in no region: neutral here, and explained. */
  g_assert_cmpint (hit_at (f, 105, 35)->shade, ==, DSR_MAP_SHADE_NEUTRAL);
  g_assert_true (find_text_containing (f->layout, "initiator of the Belt and Road, not in its regions"));

  /* What was done, on the figure. */
  g_assert_true (find_text_containing (f->layout, "members as of 2021"));
  g_assert_true (find_text_containing (f->layout, "unweighted mean of their members with data, shown when at "
                                                  "least 67% of the members have data"));
  /* The world figure and its basis, or how far it is from the rule. */
  if (values->world.status == DSR_FIGURE_VALUE)
    g_assert_true (find_text_containing (f->layout, "World: unweighted mean of"));
  else
    g_assert_true (find_text_containing (f->layout, "World: insufficient data"));

  assert_values_are_figures (f, view);

  /* With a lower threshold, Africa is shown (from Nigeria alone). */
  view->min_coverage = 0.0;
  render (f, view, NULL);
  africa = region_value (f->layout, "bri-continent:africa");
  g_assert_cmpint (africa->status, ==, DSR_FIGURE_VALUE);
  g_assert_cmpfloat (africa->value, ==, 20);
  g_assert_cmpint (hit_at (f, 8, 9)->shade, ==, DSR_MAP_SHADE_CLASS);
  g_assert_cmpint (f->layout->values->world.status, ==, DSR_FIGURE_VALUE);
  g_assert_true (find_text_containing (f->layout, "World: unweighted mean of"));
  assert_values_are_figures (f, view);
}

/* Country mode on the same data: each economy its own value; the CSV
 * writes what the map shows. */
static void
test_country_figures (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DsrView) view = rate_view (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  const DsrMapHit *hit;
  guint n_countries = 0, n_painted = 0;

  add_rate (f);
  render (f, view, NULL);
  g_assert_cmpint (f->layout->values->mode, ==, DSR_MAP_MODE_COUNTRY);
  hit = hit_at (f, 8, 9);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
  g_assert_cmpfloat (hit->value->value, ==, 20);
  assert_values_are_figures (f, view);

  view->kind = DSR_VIEW_MAP;
  bytes = dsr_figure_render (f->store, view, DSR_EXPORT_CSV, NULL, &error);
  g_assert_no_error (error);
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, DSR_MAP_CSV_HEADER);
  for (guint i = 0; i < f->layout->values->values->len; i++)
    n_painted += g_array_index (f->layout->values->values, DsrMapValue, i).painted;
  /* (the last line, the summary, has commas in its quoted text) */
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0' && !g_str_has_prefix (lines[i], "#summary,"); i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 13);
      if (g_str_equal (fields[2], "country"))
        {
          const DsrMapValue *v = NULL;

          for (guint j = 0; j < f->layout->values->values->len; j++)
            if (g_str_equal (g_array_index (f->layout->values->values, DsrMapValue, j).entity_id, fields[0]))
              v = &g_array_index (f->layout->values->values, DsrMapValue, j);
          g_assert_nonnull (v);
          g_assert_true (v->painted);
          g_assert_cmpfloat (g_ascii_strtod (fields[5], NULL), ==, v->shown);
          g_assert_cmpstr (fields[0], !=, "USA");  /* not a member: not shown */
          n_countries++;
        }
      else
        g_assert_cmpstr (fields[2], ==, "world");
    }
  g_assert_cmpuint (n_countries, ==, n_painted);

  /* With a tolerance, an economy's nearest year counts, and the tooltip says which. */
  g_assert_true (dsr_store_add_observation (f->store, "TEST.RATE", "KAZ", 2020, 33, DSR_QUALIFIER_EXACT, "Test",
                                            "", &error));
  g_assert_no_error (error);
  render (f, view, NULL);
  g_assert_cmpint (hit_at (f, 67, 48)->shade, ==, DSR_MAP_SHADE_NO_DATA);
  view->tolerance = 1;
  render (f, view, NULL);
  hit = hit_at (f, 67, 48);
  g_assert_cmpint (hit->shade, ==, DSR_MAP_SHADE_CLASS);
  g_assert_cmpfloat (hit->value->value, ==, 33);
  g_assert_cmpint (hit->value->data_year, ==, 2020);
  {
    g_autofree char *text = dsr_map_values_describe (f->layout->values, hit->value);

    g_assert_nonnull (strstr (text, "33.00 % (data of 2020)"));
  }
  g_assert_true (find_text_containing (f->layout, "the nearest year within 1 year is used"));
  assert_values_are_figures (f, view);
  view->tolerance = 0;

  /* Region mode's CSV: the regions' figures, an insufficient one without a value. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&csv, g_free);
  view->map_regions = TRUE;
  bytes = dsr_figure_render (f->store, view, DSR_EXPORT_CSV, NULL, &error);
  g_assert_no_error (error);
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (csv, "\nbri-continent:africa,Africa,region,TEST.RATE,2021,,insufficient-data,computed,"
                                 "mean,1,"));
  g_assert_nonnull (strstr (csv, "\nbri-continent:europe,Europe,region,TEST.RATE,2021,53,value,computed,mean,27,27,"
                                 "2021,"));
}

/* A total compared with the world: a share of the world total (%), on
 * sequential classes, not a diverging difference. */
static void
test_sum_share (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DsrIndicator) total = dsr_indicator_new ("TEST.SUM", "Test total", "current US$", DSR_THEME_TRADE,
                                                     "Test source", 0, TRUE, "");
  const struct { const char *iso3; double value; } obs[] = {
    { "KAZ", 100 }, { "RUS", 300 }, { "NGA", 100 }, { "USA", 500 },
  };
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  const DsrMapHit *hit;

  dsr_indicator_set_aggregation (total, DSR_AGGREGATION_SUM);
  g_assert_true (dsr_store_add_indicator (f->store, total, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (obs); i++)
    g_assert_true (dsr_store_add_observation (f->store, "TEST.SUM", obs[i].iso3, 2021, obs[i].value,
                                              DSR_QUALIFIER_EXACT, "Test", "", NULL));
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("TEST.SUM");
  view->compare = DSR_COMPARE_WORLD_DIFF;
  view->min_coverage = 0.0;
  render (f, view, NULL);
  g_assert_true (f->layout->values->compared);
  g_assert_false (f->layout->values->diverging);
  g_assert_cmpfloat (f->layout->values->world.value, ==, 1000);
  hit = hit_at (f, 100, 62);  /* Russia */
  g_assert_cmpfloat_with_epsilon (hit->value->shown, 30.0, 1e-9);
  g_assert_true (find_text_containing (f->layout, "Share of the world total"));
  /* The world it is compared with, its basis and its value. */
  g_assert_true (find_text_containing (f->layout, "Compared with World: sum of"));
  g_assert_true (find_text_containing (f->layout, "economies: 1000 current US$."));
  g_assert_null (dsr_map_layout_find_text (f->layout, "World average 1000"));
}

/* The legend's labels never read "18.00 18.00" or "0.00 0.00": breaks
 * that would print alike get more decimals, and a class of one value is
 * labelled once (issue 12). */
static void
test_legend_labels (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DsrIndicator) small = dsr_indicator_new ("TEST.SMALL", "Test small", "", DSR_THEME_TRADE,
                                                     "Test source", 2, TRUE, "");
  const struct { const char *iso3; double value; } obs[] = {
    { "KAZ", 0.001 }, { "RUS", 0.002 }, { "NGA", 0.003 }, { "EGY", 0.5 }, { "POL", 0.6 },
    { "ITA", 0.7 }, { "IRN", 1.0 }, { "PAK", 1.1 }, { "TUR", 1.2 },
  };
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  DsrMapOptions options;
  g_autoptr(GPtrArray) axis = g_ptr_array_new ();

  g_assert_true (dsr_store_add_indicator (f->store, small, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (obs); i++)
    g_assert_true (dsr_store_add_observation (f->store, "TEST.SMALL", obs[i].iso3, 2021, obs[i].value,
                                              DSR_QUALIFIER_EXACT, "Test", "", NULL));
  g_free (view->indicator_id);
  view->indicator_id = g_strdup ("TEST.SMALL");
  dsr_map_options_init (&options);
  options.n_classes = 3;
  render (f, view, &options);
  g_assert_cmpuint (f->layout->values->bins.n_classes, ==, 3);

  for (guint i = 0; i < f->layout->texts->len; i++)
    {
      const DsrTextBox *box = &g_array_index (f->layout->texts, DsrTextBox, i);

      if (box->role == DSR_TEXT_AXIS)
        g_ptr_array_add (axis, (gpointer) box->text);
    }
  g_assert_cmpuint (axis->len, >=, 3);
  for (guint i = 1; i < axis->len; i++)
    {
      g_test_message ("%s %s", (const char *) axis->pdata[i - 1], (const char *) axis->pdata[i]);
      g_assert_cmpstr (axis->pdata[i], !=, axis->pdata[i - 1]);
    }
  g_assert_null (dsr_map_layout_find_text (f->layout, "0.00"));
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
  /* Europe's difference, on its legend chip (region mode has no class bar). */
  g_assert_true (find_text_containing (f->layout, "+30.73"));
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
          g_assert_nonnull (strstr (svg, ">World average 51.71, as reported</text>"));
        }
    }

  /* A view the map cannot draw is an error before anything is written. */
  options.n_classes = 2;
  g_assert_false (dsr_map_check_view (f->store, view, &options, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
}

/* The bars of the same state: Africa's empty bar says why it is empty,
 * in the chart and in its tooltip, not "No data" (it has one value). */
static void
test_bars_insufficient_hit (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DsrView) view = rate_view (FALSE);
  g_autoptr(DsrRenderLayout) layout = NULL;
  g_autoptr(DsrRenderStyle) style = NULL;
  const DsrHitRegion *africa = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  add_rate (f);
  view->kind = DSR_VIEW_BARS;
  style = dsr_render_style_new (view->scheme);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  cr = cairo_create (surface);
  layout = dsr_render_view (cr, f->store, view, style, view->width, view->height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_nonnull (layout);

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrHitRegion *hit = &g_array_index (layout->hits, DsrHitRegion, i);

      if (g_strcmp0 (hit->entity_id, "bri-continent:africa") == 0)
        africa = hit;
    }
  g_assert_nonnull (africa);
  g_assert_cmpint (africa->status, ==, DSR_FIGURE_INSUFFICIENT);
  {
    g_autofree char *text = dsr_render_hit_describe (africa, dsr_store_get_indicator (f->store, "TEST.RATE"));
    g_autofree char *expected = g_strdup_printf ("insufficient data (1 of %u with data)", africa->total);

    g_assert_cmpstr (text, ==, expected);
    g_assert_nonnull (dsr_render_layout_find_text (layout, expected));
  }
}

/* Issue 15: one colour per value in both themes; nothing overlaps, small or
 * large; island markers do not cluster; the selection is drawn. */
static void
test_same_colors_both_themes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DsrView) light = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  g_autoptr(DsrView) dark = gci_view (1600, 900, DSR_SCHEME_DARK);
  DsrMapPalette palette;
  DsrRgba europe_light, europe_dark;
  double x, y;

  render (f, light, NULL);
  palette = f->layout->palette;
  canvas_point (f->layout, 100, 62, &x, &y);   /* Russia: Europe */
  pixel_at (f->surface, x, y, &europe_light);
  render (f, dark, NULL);
  canvas_point (f->layout, 100, 62, &x, &y);
  pixel_at (f->surface, x, y, &europe_dark);
  g_assert_true (same_color (&europe_light, &europe_dark));
  g_assert_cmpuint (palette.n_classes, ==, f->layout->palette.n_classes);
  for (guint i = 0; i < palette.n_classes; i++)
    g_assert_true (same_color (&palette.classes[i], &f->layout->palette.classes[i]));
}

static void
test_room_sizes (Fixture       *f,
                 gconstpointer  data)
{
  const int sizes[][2] = { { 1920, 1080 }, { 900, 600 } };

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      g_autoptr(DsrView) view = gci_view (sizes[z][0], sizes[z][1], DSR_SCHEME_LIGHT);
      guint n_markers = 0;

      render (f, view, NULL);
      for (guint i = 0; i < f->layout->texts->len; i++)
        {
          const DsrTextBox *a = &g_array_index (f->layout->texts, DsrTextBox, i);

          g_assert_cmpfloat (a->rect.x, >=, -0.5);
          g_assert_cmpfloat (a->rect.x + a->rect.width, <=, view->width + 0.5);
          g_assert_cmpfloat (a->rect.y + a->rect.height, <=, view->height + 0.5);
          if (sizes[z][1] == 1080 && (a->role == DSR_TEXT_AXIS || a->role == DSR_TEXT_SERIES))
            g_assert_cmpfloat (a->rect.height, >=, 1080.0 / 50);
          for (guint j = i + 1; j < f->layout->texts->len; j++)
            {
              const DsrTextBox *b = &g_array_index (f->layout->texts, DsrTextBox, j);

              if (dsr_rect_intersects (&a->rect, &b->rect))
                g_error ("“%s” overlaps “%s” at %dx%d", a->text, b->text, sizes[z][0], sizes[z][1]);
            }
        }
      /* No two markers of one colour on top of each other. */
      for (guint i = 0; i < f->layout->hits->len; i++)
        {
          const DsrMapHit *a = &g_array_index (f->layout->hits, DsrMapHit, i);

          n_markers += a->marker;
          for (guint j = i + 1; a->marker && j < f->layout->hits->len; j++)
            {
              const DsrMapHit *b = &g_array_index (f->layout->hits, DsrMapHit, j);

              if (b->marker && a->value != NULL && b->value != NULL && a->value->klass == b->value->klass)
                g_assert_cmpfloat (hypot (a->marker_x - b->marker_x, a->marker_y - b->marker_y), >=,
                                   (a->marker_r + b->marker_r) * 1.6);
            }
        }
      /* The map fills its canvas: at least 80% of its width or of its height. */
      {
        DsrBBox extent;
        double w, h;

        dsr_map_data_get_extent (f->borders, FALSE, &extent);
        w = f->layout->base_fit.scale * (extent.x1 - extent.x0);
        h = f->layout->base_fit.scale * (extent.y1 - extent.y0);
        g_test_message ("%dx%d: %u markers, the map %.0f%% of the width, %.0f%% of the height", sizes[z][0],
                        sizes[z][1], n_markers, 100 * w / view->width, 100 * h / view->height);
        g_assert_true (w >= 0.8 * view->width || h >= 0.8 * view->height);
      }
    }
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  g_autoptr(DsrRenderStyle) style = dsr_render_style_new (DSR_SCHEME_LIGHT);
  cairo_surface_t *plain;
  DsrMapOptions options;
  const DsrMapHit *russia;
  guint n_changed = 0, n_outside = 0;
  int stride;

  dsr_map_options_init (&options);
  options.style = style;
  render (f, view, &options);
  plain = cairo_surface_reference (f->surface);
  dsr_render_style_set_selected (style, "bri-continent:europe");
  render (f, view, &options);
  russia = dsr_map_layout_find (f->layout, 643);
  g_assert_nonnull (russia);
  stride = cairo_image_surface_get_stride (plain);
  for (int y = 0; y < view->height; y++)
    for (int x = 0; x < view->width; x++)
      {
        const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (plain) + y * stride) + x;
        const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (f->surface) + y * stride) + x;

        if (*a == *b)
          continue;
        n_changed++;
        /* Only around Europe's members (Russia to Portugal, and its islands). */
        n_outside += x < f->layout->map_area.x || x > f->layout->map_area.x + f->layout->map_area.width;
      }
  cairo_surface_destroy (plain);
  g_assert_cmpuint (n_changed, >, 1000);
  g_assert_cmpuint (n_outside, ==, 0);
}

/* Values made once are drawn as given (an export's check, summary and
 * drawing share them): the layout holds the same values, a reference of its
 * own, and they outlive the caller's reference. */
static void
test_shared_values (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DsrView) view = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  g_autoptr(DsrView) other_year = gci_view (1600, 900, DSR_SCHEME_LIGHT);
  g_autoptr(GError) error = NULL;
  DsrMapValues *values;
  DsrMapOptions options;

  dsr_map_options_init (&options);
  values = dsr_map_values_new (f->store, view, options.binning, options.n_classes, &error);
  g_assert_no_error (error);
  options.values = values;
  /* The view's year is not read again: the values given are what is drawn. */
  other_year->year = 1990;
  render (f, other_year, &options);
  g_assert_true (f->layout->values == values);
  g_assert_cmpint (f->layout->values->year, ==, 2021);
  dsr_map_values_free (values);
  /* The layout's reference keeps them. */
  g_assert_cmpint (f->layout->values->year, ==, 2021);
  g_assert_nonnull (dsr_map_layout_find_text (f->layout, "Europe 82.44"));
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
  ADD ("/map/render/text-cache", test_text_cache);
  ADD ("/map/render/shared-values", test_shared_values);
  ADD ("/map/render/text-func", test_text_func);
  ADD ("/map/render/country-mode", test_country_mode);
  ADD ("/map/render/region-mode", test_region_mode);
  ADD ("/map/render/bars-insufficient-hit", test_bars_insufficient_hit);
  ADD ("/map/render/country-figures", test_country_figures);
  ADD ("/map/render/sum-share", test_sum_share);
  ADD ("/map/render/legend-labels", test_legend_labels);
  ADD ("/map/render/diverging", test_diverging);
  ADD ("/map/render/no-data", test_no_data);
  ADD ("/map/render/errors", test_errors);
  ADD ("/map/render/zoom", test_zoom);
  ADD ("/map/render/antarctica", test_antarctica);
  ADD ("/map/render/trace", test_trace);
  ADD ("/map/render/export", test_export);
  ADD ("/map/render/same-colors-both-themes", test_same_colors_both_themes);
  ADD ("/map/render/room-sizes", test_room_sizes);
  ADD ("/map/render/selection", test_selection);

#undef ADD

  return g_test_run ();
}
