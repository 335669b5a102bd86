/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "render-test-utils.h"

const RenderSize render_test_sizes[4] = {
  { 480, 320 }, { 1280, 800 }, { 1920, 1080 }, { 3840, 2160 },
};

/* A small world made by hand:
 *   countries AAA..FFF; grouping "test" with regions
 *     north = AAA BBB CCC (computed), south = DDD EEE (reported 2015 only),
 *     east = FFF, west = (no members: never any data);
 *   indicator TST.IND, 2010–2015; AAA has no value for 2012 (a gap);
 *   the world reported 2010–2015 except 2013; the Belt and Road reported 2015. */
DsrStore *
render_test_store_new (void)
{
  const char * const countries[] = { "AAA", "BBB", "CCC", "DDD", "EEE", "FFF", NULL };
  DsrStore *store = dsr_store_new ();
  g_autoptr(DsrEntity) world = dsr_entity_new (DSR_ENTITY_ID_WORLD, DSR_ENTITY_WORLD, "World", 0);
  g_autoptr(DsrEntity) bri = dsr_entity_new (DSR_ENTITY_ID_BRI, DSR_ENTITY_BRI, "Belt and Road", 0);
  g_autoptr(DsrIndicator) indicator = dsr_indicator_new ("TST.IND", "Test indicator", "% of people",
                                                         DSR_THEME_INFRASTRUCTURE, "Test source, table 9",
                                                         1, TRUE, "A test.");
  g_autoptr(DsrGrouping) grouping = dsr_grouping_new ("test", "Test regions", "For tests");
  const struct { const char *region; const char *name; const char *members[4]; } regions[] = {
    { "north", "North", { "AAA", "BBB", "CCC", NULL } },
    { "south", "South", { "DDD", "EEE", NULL } },
    { "east", "East", { "FFF", NULL } },
    { "west", "West", { NULL } },
  };
  GError *error = NULL;

  g_assert_true (dsr_store_add_entity (store, world, NULL));
  g_assert_true (dsr_store_add_entity (store, bri, NULL));
  for (guint i = 0; countries[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Country %s", countries[i]);
      g_autoptr(DsrEntity) country = dsr_entity_new (countries[i], DSR_ENTITY_COUNTRY, name, (int) i + 1);

      g_assert_true (dsr_store_add_entity (store, country, NULL));
    }
  g_assert_true (dsr_store_add_indicator (store, indicator, NULL));
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      g_assert_nonnull (dsr_grouping_add_region (grouping, regions[r].region, regions[r].name, &error));
      g_assert_no_error (error);
      for (guint m = 0; regions[r].members[m] != NULL; m++)
        {
          dsr_grouping_add_member (grouping, regions[r].region, regions[r].members[m], 0, 0, &error);
          g_assert_no_error (error);
        }
    }
  dsr_store_add_grouping (store, grouping, &error);
  g_assert_no_error (error);
  dsr_store_set_bri_grouping (store, grouping);

  for (int year = 2010; year <= 2015; year++)
    {
      const struct { const char *id; double value; } values[] = {
        { "AAA", 90 }, { "BBB", 30 + year - 2010 }, { "CCC", 20 }, { "DDD", 10 }, { "EEE", 14 },
        { "FFF", 40 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          if (g_str_equal (values[i].id, "AAA") && year == 2012)
            continue;
          dsr_store_add_observation (store, "TST.IND", values[i].id, year, values[i].value,
                                     DSR_QUALIFIER_EXACT, "Test source, table 9", "", &error);
          g_assert_no_error (error);
        }
      if (year != 2013)
        {
          dsr_store_add_observation (store, "TST.IND", DSR_ENTITY_ID_WORLD, year, 35 + year - 2010,
                                     DSR_QUALIFIER_EXACT, "Test world source", "", &error);
          g_assert_no_error (error);
        }
    }
  dsr_store_add_observation (store, "TST.IND", "test:south", 2015, 12.5, DSR_QUALIFIER_EXACT,
                             "Test regional source", "", &error);
  g_assert_no_error (error);
  dsr_store_add_observation (store, "TST.IND", DSR_ENTITY_ID_BRI, 2015, 28, DSR_QUALIFIER_EXACT,
                             "Test BRI source", "", &error);
  g_assert_no_error (error);
  return store;
}

/* One more indicator, with one value (for 2021). */
void
render_test_add_indicator (DsrStore   *store,
                           const char *id,
                           const char *name,
                           const char *unit,
                           const char *source,
                           const char *entity_id,
                           double      value)
{
  g_autoptr(DsrIndicator) indicator = dsr_indicator_new (id, name, unit, DSR_THEME_TRADE, source, 1, TRUE, "");
  g_autoptr(GError) error = NULL;

  g_assert_true (dsr_store_add_indicator (store, indicator, NULL));
  dsr_store_add_observation (store, id, entity_id, 2021, value, DSR_QUALIFIER_EXACT, source, "", &error);
  g_assert_no_error (error);
}

DsrView *
render_test_view (DsrViewKind  kind,
                  const char  *indicator_id,
                  const char  *grouping_id)
{
  DsrView *view = dsr_view_new ();

  view->kind = kind;
  view->indicator_id = g_strdup (indicator_id);
  view->grouping_id = g_strdup (grouping_id);
  return view;
}

DsrRenderLayout *
render_test_draw (DsrStore         *store,
                  const DsrView    *view,
                  int               width,
                  int               height,
                  cairo_surface_t **surface)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (s);
  DsrRenderLayout *layout = dsr_render_view (cr, store, view, NULL, width, height);

  const char *save_dir = g_getenv ("DSR_RENDER_TEST_OUTPUT");

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  /* To look at what the tests draw: DSR_RENDER_TEST_OUTPUT=DIR */
  if (save_dir != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s-%s-%d-%s-%dx%d.png", dsr_view_kind_to_string (view->kind),
                                               view->indicator_id, view->grouping_id ? view->grouping_id : "",
                                               view->year, dsr_compare_to_string (view->compare),
                                               width, height);
      g_autofree char *path = g_build_filename (save_dir, name, NULL);

      cairo_surface_write_to_png (s, path);
    }
  if (surface != NULL)
    *surface = s;
  else
    cairo_surface_destroy (s);
  return layout;
}

/* No two pieces of text overlap, and all are inside the canvas. */
void
render_test_check_layout (const DsrRenderLayout *layout)
{
  g_assert_cmpuint (layout->texts->len, >, 0);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const DsrTextBox *a = &g_array_index (layout->texts, DsrTextBox, i);

      if (a->rect.x < -0.5 || a->rect.y < -0.5 || a->rect.x + a->rect.width > layout->width + 0.5
          || a->rect.y + a->rect.height > layout->height + 0.5)
        g_error ("“%s” (%.1f,%.1f %.1fx%.1f) leaves the %gx%g canvas", a->text, a->rect.x, a->rect.y,
                 a->rect.width, a->rect.height, layout->width, layout->height);
      for (guint j = i + 1; j < layout->texts->len; j++)
        {
          const DsrTextBox *b = &g_array_index (layout->texts, DsrTextBox, j);

          if (dsr_rect_intersects (&a->rect, &b->rect))
            g_error ("“%s” (%.1f,%.1f %.1fx%.1f) overlaps “%s” (%.1f,%.1f %.1fx%.1f) at %gx%g",
                     a->text, a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                     b->text, b->rect.x, b->rect.y, b->rect.width, b->rect.height,
                     layout->width, layout->height);
        }
    }
}

void
render_test_pixel (cairo_surface_t *surface,
                   double           x,
                   double           y,
                   DsrRgba         *out)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int px = (int) floor (x), py = (int) floor (y);
  guint32 pixel;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  pixel = *(const guint32 *) (data + py * stride + px * 4);
  out->alpha = (pixel >> 24) / 255.0;
  out->red = ((pixel >> 16) & 0xff) / 255.0;
  out->green = ((pixel >> 8) & 0xff) / 255.0;
  out->blue = (pixel & 0xff) / 255.0;
}

gboolean
render_test_color_near (const DsrRgba *a,
                        const DsrRgba *b)
{
  return fabs (a->red - b->red) < 0.04 && fabs (a->green - b->green) < 0.04
         && fabs (a->blue - b->blue) < 0.04;
}

const DsrHitRegion *
render_test_find_hit (const DsrRenderLayout *layout,
                      DsrHitKind             kind,
                      const char            *entity_id,
                      int                    year)
{
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrHitRegion *hit = &g_array_index (layout->hits, DsrHitRegion, i);

      if (hit->kind == kind && g_strcmp0 (hit->entity_id, entity_id) == 0
          && (year == 0 || hit->year == year))
        return hit;
    }
  return NULL;
}

/* SVG: parsed as XML; the text of every <text> element and the size. */
typedef struct
{
  GPtrArray *texts;
  GString   *current;
  int        width;
  int        height;
} SvgParse;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgParse *p = user_data;

  if (g_str_equal (element, "svg"))
    for (guint i = 0; names[i] != NULL; i++)
      {
        if (g_str_equal (names[i], "width"))
          p->width = atoi (values[i]);
        else if (g_str_equal (names[i], "height"))
          p->height = atoi (values[i]);
      }
  if (g_str_equal (element, "text"))
    {
      gboolean has_family = FALSE, has_size = FALSE, has_anchor = FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        {
          has_family |= g_str_equal (names[i], "font-family") && strstr (values[i], "Noto Sans CJK SC")
                        && strstr (values[i], "sans-serif");
          has_size |= g_str_equal (names[i], "font-size");
          has_anchor |= g_str_equal (names[i], "text-anchor");
        }
      g_assert_true (has_family && has_size && has_anchor);
      p->current = g_string_new (NULL);
    }
}

static void
svg_text (GMarkupParseContext *context,
          const char          *text,
          gsize                len,
          gpointer             user_data,
          GError             **error)
{
  SvgParse *p = user_data;

  if (p->current != NULL)
    g_string_append_len (p->current, text, len);
}

static void
svg_end (GMarkupParseContext *context,
         const char          *element,
         gpointer             user_data,
         GError             **error)
{
  SvgParse *p = user_data;

  if (g_str_equal (element, "text") && p->current != NULL)
    g_ptr_array_add (p->texts, g_string_free (g_steal_pointer (&p->current), FALSE));
}

GPtrArray *
render_test_svg_texts (const char *svg,
                       gsize       len,
                       int        *width,
                       int        *height)
{
  const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgParse p = { g_ptr_array_new_with_free_func (g_free), NULL, 0, 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &p, NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, svg, len, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  if (width != NULL)
    *width = p.width;
  if (height != NULL)
    *height = p.height;
  return p.texts;
}

gboolean
render_test_strv_has (GPtrArray  *strings,
                      const char *text)
{
  return g_ptr_array_find_with_equal_func (strings, text, g_str_equal, NULL);
}
