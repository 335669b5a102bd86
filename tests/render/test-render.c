/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "dsr-render.h"
#include "dsr-scale.h"
#include "dsr-test-utils.h"
#include "render-test-utils.h"
#include "dsr-canvas.h"

static DsrStore *bundled;

/* Scale ---------------------------------------------------------------------------- */

static void
test_scale_ticks (void)
{
  DsrTicks t;

  dsr_scale_nice_ticks (0, 82.44, 10, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 90);
  g_assert_cmpfloat (t.step, ==, 10);
  g_assert_cmpuint (t.n_ticks, ==, 10);
  g_assert_cmpint (t.decimals, ==, 0);

  dsr_scale_nice_ticks (0, 82.44, 6, &t);
  g_assert_cmpfloat (t.step, ==, 20);
  g_assert_cmpfloat (t.max, ==, 100);

  dsr_scale_nice_ticks (-26.87, 30.73, 8, &t);
  g_assert_cmpfloat (t.min, ==, -30);
  g_assert_cmpfloat (t.max, ==, 40);
  g_assert_cmpfloat (dsr_ticks_get (&t, 3), ==, 0);

  dsr_scale_nice_ticks (0.7, 1.9, 6, &t);
  g_assert_cmpfloat (t.step, ==, 0.5);
  g_assert_cmpint (t.decimals, ==, 1);
  g_assert_cmpfloat_with_epsilon (dsr_ticks_get (&t, 1), 1.0, 1e-12);

  /* One value: an axis from zero to a little past it. */
  dsr_scale_nice_ticks (51.71, 51.71, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, >=, 51.71);

  g_assert_cmpfloat (dsr_scale_nice_step (0.3), ==, 0.5);
  g_assert_cmpfloat (dsr_scale_nice_step (3), ==, 5);
  g_assert_cmpfloat (dsr_scale_nice_step (7), ==, 10);
  g_assert_cmpfloat (dsr_scale_nice_step (0.1), ==, 0.1);

  dsr_scale_year_ticks (2012, 2021, 12, &t);
  g_assert_cmpfloat (t.step, ==, 1);
  g_assert_cmpuint (t.n_ticks, ==, 10);
  dsr_scale_year_ticks (2012, 2021, 4, &t);
  g_assert_cmpfloat (t.step, ==, 5);
  g_assert_cmpfloat (t.min, ==, 2015);
  g_assert_cmpfloat (t.max, ==, 2020);
}

/* Bars: the paper's Figure 4 -------------------------------------------------------- */

static void
check_figure4 (const DsrRenderLayout *layout)
{
  const char *regions[] = { "europe", "asia", "south-america", "africa", "north-america", "oceania" };
  const DsrHitRegion *europe = NULL;

  render_test_check_layout (layout);
  g_assert_nonnull (dsr_render_layout_find_text (layout, "Global Cybersecurity Index"));
  g_assert_nonnull (dsr_render_layout_find_text (layout, "Europe"));
  g_assert_nonnull (dsr_render_layout_find_text (layout, "Oceania"));
  g_assert_nonnull (dsr_render_layout_find_text (layout, "World average 51.71, as reported"));
  g_assert_nonnull (dsr_render_layout_find_text (layout, "82.44"));

  /* Sorted, largest first; Europe's bar is the longest; the centre of each
   * bar hits that bar. */
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *id = g_strconcat ("bri-continent:", regions[i], NULL);
      const DsrHitRegion *hit = render_test_find_hit (layout, DSR_HIT_BAR, id, 2021);
      const DsrHitRegion *at;
      const DsrTextBox *value;

      g_assert_nonnull (hit);
      g_assert_cmpint (hit->basis, ==, DSR_BASIS_REPORTED);
      at = dsr_render_layout_hit_test (layout, hit->rect.x + hit->rect.width / 2,
                                       hit->rect.y + hit->rect.height / 2);
      g_assert_nonnull (at);
      g_assert_cmpstr (at->entity_id, ==, id);
      if (europe == NULL)
        europe = hit;
      else
        {
          g_assert_cmpfloat (hit->rect.width, <, europe->rect.width);
          g_assert_cmpfloat (hit->rect.y, >, europe->rect.y);
        }

      /* Its value is printed at the end of the bar, on its row. */
      {
        g_autofree char *text = g_strdup_printf ("%.2f", hit->value);

        value = dsr_render_layout_find_text (layout, text);
        g_assert_nonnull (value);
        /* Within a body text's size (a gap, and the paper's diamond where it lies beyond). */
        g_assert_cmpfloat (fabs (value->rect.x - (hit->rect.x + hit->rect.width)), <,
                           value->rect.height * 1.2);
        g_assert_cmpfloat (value->rect.y, <, hit->rect.y + hit->rect.height);
        g_assert_cmpfloat (value->rect.y + value->rect.height, >, hit->rect.y);
      }
    }
  g_assert_cmpfloat (europe->value, ==, 82.44);
  g_assert_nonnull (render_test_find_hit (layout, DSR_HIT_REFERENCE, "WLD", 2021));
}

static void
test_bars_figure4 (void)
{
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "DSR.GCI.SCORE", "bri-continent");

  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
    for (DsrScheme scheme = DSR_SCHEME_LIGHT; scheme <= DSR_SCHEME_DARK; scheme++)
      {
        g_autoptr(DsrRenderLayout) layout = NULL;

        view->scheme = scheme;
        layout = render_test_draw (bundled, view, render_test_sizes[i].width, render_test_sizes[i].height, NULL);
        check_figure4 (layout);
      }
}

static void
test_bars_defaults (void)
{
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autoptr(DsrView) resolved = NULL;
  g_autoptr(GError) error = NULL;

  view->indicator_id = g_strdup ("DSR.GCI.SCORE");
  resolved = dsr_chart_resolve_view (bundled, view, &error);
  g_assert_no_error (error);
  g_assert_cmpint (resolved->year, ==, 2021);
  /* bri-region has no values for the index: the first grouping with values. */
  g_assert_cmpstr (resolved->grouping_id, ==, "bri-continent");
}

static void
test_bars_colors (void)
{
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "DSR.GCI.SCORE", "bri-continent");

  for (DsrScheme scheme = DSR_SCHEME_LIGHT; scheme <= DSR_SCHEME_DARK; scheme++)
    {
      g_autoptr(DsrRenderStyle) style = dsr_render_style_new (scheme);
      g_autoptr(DsrRenderLayout) layout = NULL;
      cairo_surface_t *surface = NULL;
      const DsrHitRegion *europe, *africa, *world;
      DsrRgba pixel;
      double wx;

      view->scheme = scheme;
      layout = render_test_draw (bundled, view, 1280, 800, &surface);
      europe = render_test_find_hit (layout, DSR_HIT_BAR, "bri-continent:europe", 0);
      africa = render_test_find_hit (layout, DSR_HIT_BAR, "bri-continent:africa", 0);
      world = render_test_find_hit (layout, DSR_HIT_REFERENCE, "WLD", 0);

      /* Reported bars are solid in the bar colour. */
      render_test_pixel (surface, europe->rect.x + europe->rect.width * 0.25,
                         europe->rect.y + europe->rect.height / 2, &pixel);
      g_assert_true (render_test_color_near (&pixel, &style->bar));
      render_test_pixel (surface, africa->rect.x + africa->rect.width * 0.5,
                         africa->rect.y + africa->rect.height / 2, &pixel);
      g_assert_true (render_test_color_near (&pixel, &style->bar));
      /* The world line crosses Europe's bar in the world colour. */
      wx = world->rect.x + world->rect.width / 2;
      render_test_pixel (surface, wx, europe->rect.y + europe->rect.height / 2, &pixel);
      g_assert_true (render_test_color_near (&pixel, &style->world));
      /* Past Africa's value there is no bar: background (or the world line). */
      render_test_pixel (surface, africa->rect.x + africa->rect.width + 2,
                         africa->rect.y + 2, &pixel);
      g_assert_false (render_test_color_near (&pixel, &style->bar));
      cairo_surface_destroy (surface);
    }
}

static void
test_bars_difference (void)
{
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "DSR.GCI.SCORE", "bri-continent");

  view->compare = DSR_COMPARE_WORLD_DIFF;
  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
    {
      g_autoptr(DsrRenderLayout) layout = render_test_draw (bundled, view, render_test_sizes[i].width,
                                                            render_test_sizes[i].height, NULL);
      const DsrHitRegion *europe = render_test_find_hit (layout, DSR_HIT_BAR, "bri-continent:europe", 0);
      const DsrHitRegion *oceania = render_test_find_hit (layout, DSR_HIT_BAR, "bri-continent:oceania", 0);
      const DsrHitRegion *world = render_test_find_hit (layout, DSR_HIT_REFERENCE, "WLD", 0);
      double zero = world->rect.x + world->rect.width / 2;

      render_test_check_layout (layout);
      g_assert_cmpfloat_with_epsilon (europe->value, 82.44 - 51.71, 1e-9);
      g_assert_cmpfloat (europe->raw_value, ==, 82.44);
      g_assert_cmpfloat (oceania->value, <, 0);
      /* Europe grows right from the world average, Oceania left. */
      g_assert_cmpfloat (fabs (europe->rect.x - zero), <, 1.0);
      g_assert_cmpfloat (fabs (oceania->rect.x + oceania->rect.width - zero), <, 1.0);
      g_assert_nonnull (dsr_render_layout_find_text (layout, "+30.73"));
      g_assert_nonnull (dsr_render_layout_find_text (layout, "−26.87"));
    }
}

/* Computed regions, coverage and "no data", on a store made by hand. */
static void
test_bars_computed (void)
{
  g_autoptr(DsrStore) store = render_test_store_new ();
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "TST.IND", "test");

  view->year = 2012;
  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
    {
      g_autoptr(DsrRenderStyle) style = dsr_render_style_new (DSR_SCHEME_LIGHT);
      g_autoptr(DsrRenderLayout) layout = NULL;
      cairo_surface_t *surface = NULL;
      const DsrHitRegion *north, *west, *bri;
      DsrRgba pixel;

      layout = render_test_draw (store, view, render_test_sizes[i].width, render_test_sizes[i].height,
                                 &surface);
      render_test_check_layout (layout);
      north = render_test_find_hit (layout, DSR_HIT_BAR, "test:north", 2012);
      g_assert_nonnull (north);
      g_assert_cmpint (north->basis, ==, DSR_BASIS_COMPUTED);
      /* AAA has no value in 2012: the mean of BBB and CCC. */
      g_assert_cmpuint (north->n, ==, 2);
      g_assert_cmpuint (north->total, ==, 3);
      g_assert_cmpfloat (north->value, ==, (32 + 20) / 2.0);
      g_assert_true (dsr_render_layout_find_text (layout, "2 of 3 economies") != NULL
                     || dsr_render_layout_find_text (layout, "2/3") != NULL);

      /* West has no members with data: listed, not drawn as zero. */
      west = render_test_find_hit (layout, DSR_HIT_BAR, "test:west", 0);
      g_assert_true (west == NULL || isnan (west->value));
      west = NULL;
      for (guint h = 0; h < layout->hits->len; h++)
        if (g_strcmp0 (g_array_index (layout->hits, DsrHitRegion, h).name, "West") == 0)
          west = &g_array_index (layout->hits, DsrHitRegion, h);
      g_assert_nonnull (west);
      g_assert_true (isnan (west->value));
      g_assert_nonnull (dsr_render_layout_find_text (layout, "no data"));

      /* A computed bar is hatched: lighter than a solid one at most points. */
      render_test_pixel (surface, north->rect.x + north->rect.width * 0.5 + 0.5,
                         north->rect.y + north->rect.height * 0.5 + 0.5, &pixel);
      g_assert_false (render_test_color_near (&pixel, &style->background));
      /* The Belt and Road average (computed from the members) is a second line. */
      bri = render_test_find_hit (layout, DSR_HIT_REFERENCE, "BRI", 0);
      g_assert_nonnull (bri);
      g_assert_cmpint (bri->basis, ==, DSR_BASIS_COMPUTED);
      g_assert_nonnull (render_test_find_hit (layout, DSR_HIT_REFERENCE, "WLD", 0));
      cairo_surface_destroy (surface);
    }
}

/* Trend ------------------------------------------------------------------------------ */

static void
test_trend_table1 (void)
{
  const char *indicators[] = { "DSR.DDS.EXP", "DSR.DDS.SHARE" };

  for (guint k = 0; k < G_N_ELEMENTS (indicators); k++)
    for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
      {
        g_autoptr(DsrView) view = render_test_view (DSR_VIEW_TREND, indicators[k], NULL);
        g_autoptr(DsrRenderLayout) layout = render_test_draw (bundled, view, render_test_sizes[i].width,
                                                              render_test_sizes[i].height, NULL);
        guint world = 0, china = 0;

        render_test_check_layout (layout);
        g_assert_false (layout->legend);
        g_assert_nonnull (dsr_render_layout_find_text (layout, "World"));
        g_assert_nonnull (dsr_render_layout_find_text (layout, "China"));
        g_assert_nonnull (dsr_render_layout_find_text (layout, "2012"));
        g_assert_nonnull (dsr_render_layout_find_text (layout, "2021"));
        for (guint s = 0; s < layout->segments->len; s++)
          {
            const DsrSegment *seg = &g_array_index (layout->segments, DsrSegment, s);

            g_assert_cmpint (seg->year_to, ==, seg->year_from + 1);
            world += g_str_equal (seg->entity_id, "WLD");
            china += g_str_equal (seg->entity_id, "CHN");
          }
        g_assert_cmpuint (world, ==, 9);
        g_assert_cmpuint (china, ==, 9);
        g_assert_nonnull (render_test_find_hit (layout, DSR_HIT_POINT, "WLD", 2016));
        g_assert_nonnull (render_test_find_hit (layout, DSR_HIT_POINT, "CHN", 2021));
      }
}

/* A missing year is a gap: no segment across it, and no line drawn there. */
static void
test_trend_gap (void)
{
  g_autoptr(DsrStore) store = render_test_store_new ();
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_TREND, "TST.IND", "test");

  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
    {
      g_autoptr(DsrRenderLayout) layout = NULL;
      cairo_surface_t *surface = NULL;
      const DsrHitRegion *p2010, *p2011, *p2013;
      guint aaa = 0;
      DsrRgba pixel, line;

      layout = render_test_draw (store, view, render_test_sizes[i].width, render_test_sizes[i].height,
                                 &surface);
      render_test_check_layout (layout);
      for (guint s = 0; s < layout->segments->len; s++)
        {
          const DsrSegment *seg = &g_array_index (layout->segments, DsrSegment, s);

          g_assert_cmpint (seg->year_to, ==, seg->year_from + 1);
          if (g_str_equal (seg->entity_id, "AAA"))
            {
              g_assert_cmpint (seg->year_from, !=, 2011);
              g_assert_cmpint (seg->year_from, !=, 2012);
              aaa++;
            }
        }
      /* 2010–2011 and 2013–2015 */
      g_assert_cmpuint (aaa, ==, 3);
      g_assert_null (render_test_find_hit (layout, DSR_HIT_POINT, "AAA", 2012));

      /* Pixels: AAA's colour between 2010 and 2011, not between 2011 and 2013. */
      p2010 = render_test_find_hit (layout, DSR_HIT_POINT, "AAA", 2010);
      p2011 = render_test_find_hit (layout, DSR_HIT_POINT, "AAA", 2011);
      p2013 = render_test_find_hit (layout, DSR_HIT_POINT, "AAA", 2013);
      g_assert_nonnull (p2010);
      g_assert_nonnull (p2013);
      render_test_pixel (surface, p2010->rect.x + p2010->rect.width / 2,
                         p2010->rect.y + p2010->rect.height / 2, &line);
      render_test_pixel (surface, (p2010->rect.x + p2011->rect.x) / 2 + p2010->rect.width / 2,
                         p2010->rect.y + p2010->rect.height / 2, &pixel);
      g_assert_true (render_test_color_near (&pixel, &line));
      for (double f = 0.25; f < 1.0; f += 0.25)
        {
          double x = p2011->rect.x + (p2013->rect.x - p2011->rect.x) * f + p2011->rect.width / 2;

          render_test_pixel (surface, x, p2011->rect.y + p2011->rect.height / 2, &pixel);
          g_assert_false (render_test_color_near (&pixel, &line));
        }

      /* One basis per line (issue 12): the world is reported for every year
       * but 2013; its line is the mean computed from the economies in every
       * year, never reported values joined to a computed one. */
      for (int year = 2010; year <= 2015; year++)
        {
          const DsrHitRegion *w = render_test_find_hit (layout, DSR_HIT_POINT, "WLD", year);

          g_assert_nonnull (w);
          g_assert_cmpint (w->basis, ==, DSR_BASIS_COMPUTED);
        }
      cairo_surface_destroy (surface);
    }
}

/* Many lines ending at the same value cannot all be labelled at their ends. */
static void
test_trend_legend (void)
{
  g_autoptr(DsrStore) store = render_test_store_new ();
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_TREND, "TST.IND", "test");
  g_autoptr(DsrRenderLayout) small = NULL;
  g_autoptr(DsrRenderLayout) large = NULL;
  g_autoptr(GStrvBuilder) regions = g_strv_builder_new ();

  g_strv_builder_add_many (regions, "north", "south", "east", "AAA", "BBB", "CCC", "DDD", "EEE", "FFF",
                           NULL);
  /* Ten more economies, all ending at 50. */
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("G%02d", i);
      g_autoptr(DsrEntity) country = dsr_entity_new (id, DSR_ENTITY_COUNTRY, id, 100 + i);

      g_assert_true (dsr_store_add_entity (store, country, NULL));
      for (int year = 2010; year <= 2015; year++)
        g_assert_true (dsr_store_add_observation (store, "TST.IND", id, year, 50 - i * 0.1,
                                                  DSR_QUALIFIER_EXACT, "Test source, table 9", "",
                                                  NULL));
      g_strv_builder_add (regions, id);
    }
  view->regions = g_strv_builder_end (regions);
  small = render_test_draw (store, view, 480, 320, NULL);
  render_test_check_layout (small);
  large = render_test_draw (store, view, 1920, 1080, NULL);
  render_test_check_layout (large);
  g_assert_nonnull (dsr_render_layout_find_text (large, "Country AAA"));
  g_assert_nonnull (dsr_render_layout_find_text (small, "Country AAA"));
  /* At 480x320, 21 labels do not fit beside the plot. */
  g_assert_true (small->legend);
  g_assert_false (large->legend);
}

/* Table ------------------------------------------------------------------------------ */

static void
test_table (void)
{
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_TABLE, "DSR.GCI.SCORE", "bri-continent");

  for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
    {
      g_autoptr(DsrRenderLayout) layout = render_test_draw (bundled, view, render_test_sizes[i].width,
                                                            render_test_sizes[i].height, NULL);

      render_test_check_layout (layout);
      g_assert_nonnull (dsr_render_layout_find_text (layout, "World"));
      g_assert_nonnull (render_test_find_hit (layout, DSR_HIT_ROW, "bri-continent:europe", 2021));
    }
}

/* Every view, every size, both themes, the bundled data and the test store:
 * nothing overlaps, nothing leaves the canvas. */
static void
test_all_views_fit (void)
{
  g_autoptr(DsrStore) store = render_test_store_new ();
  const struct { DsrStore *store; const char *indicator; const char *grouping; int year; } cases[] = {
    { bundled, "DSR.GCI.SCORE", "bri-continent", 0 },
    { bundled, "DSR.GCI.SCORE", "bri-region", 0 },
    { bundled, "IT.NET.USER.ZS", NULL, 0 },
    { bundled, "DSR.DDS.EXP", NULL, 0 },
    { bundled, "DSR.DST.TRADE", NULL, 0 },
    { bundled, "IT.NET.BBND.P2", NULL, 0 },
    { store, "TST.IND", "test", 2012 },
    { store, "TST.IND", "test", 2015 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    for (DsrViewKind kind = DSR_VIEW_BARS; kind <= DSR_VIEW_TABLE; kind++)
      for (guint i = 0; i < G_N_ELEMENTS (render_test_sizes); i++)
        for (DsrCompare compare = DSR_COMPARE_ABSOLUTE; compare <= DSR_COMPARE_WORLD_DIFF; compare++)
          {
            g_autoptr(DsrView) view = render_test_view (kind, cases[k].indicator, cases[k].grouping);
            g_autoptr(DsrRenderLayout) layout = NULL;

            view->year = cases[k].year;
            view->compare = compare;
            view->scheme = i % 2 ? DSR_SCHEME_DARK : DSR_SCHEME_LIGHT;
            layout = render_test_draw (cases[k].store, view, render_test_sizes[i].width,
                                       render_test_sizes[i].height, NULL);
            render_test_check_layout (layout);
          }
}

/* Chinese text: the font list falls back to Noto Sans CJK, every glyph is found. */
static void
test_chinese_text (void)
{
  g_autoptr(DsrStore) store = render_test_store_new ();
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "TST.ZH", "test");
  g_autoptr(DsrRenderStyle) style = dsr_render_style_new (DSR_SCHEME_LIGHT);
  g_autoptr(DsrRenderLayout) layout = NULL;
  cairo_surface_t *surface = NULL;
  const DsrTextBox *title;
  guint inked = 0;

  render_test_add_indicator (store, "TST.ZH", "互联网使用者（“一带一路”）", "人口百分比", "测试来源", "test:north", 61.5);
  layout = render_test_draw (store, view, 1280, 800, &surface);
  render_test_check_layout (layout);
  title = dsr_render_layout_find_text (layout, "互联网使用者（“一带一路”）");
  g_assert_nonnull (title);
  g_assert_cmpfloat (title->rect.width, >, 100);

  /* Pango finds a glyph for every character in the chart's font list. */
  {
    cairo_t *cr = cairo_create (surface);
    PangoLayout *pl = pango_cairo_create_layout (cr);
    PangoFontDescription *font = pango_font_description_from_string ("sans 20px");

    pango_font_description_set_family (font, style->font_family);
    pango_layout_set_font_description (pl, font);
    pango_layout_set_text (pl, "互联网使用者 东亚 中国", -1);
    g_assert_cmpint (pango_layout_get_unknown_glyphs_count (pl), ==, 0);
    pango_font_description_free (font);
    g_object_unref (pl);
    cairo_destroy (cr);
  }

  /* And the title's box has ink in it. */
  for (double x = title->rect.x; x < title->rect.x + title->rect.width; x += 1)
    for (double y = title->rect.y; y < title->rect.y + title->rect.height; y += 1)
      {
        DsrRgba pixel;

        render_test_pixel (surface, x, y, &pixel);
        inked += !render_test_color_near (&pixel, &style->background);
      }
  g_assert_cmpuint (inked, >, 200);
  cairo_surface_destroy (surface);
}

/* The layout can be copied for a widget to keep. */
static void
test_layout_copy (void)
{
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_BARS, "DSR.GCI.SCORE", "bri-continent");
  g_autoptr(DsrRenderLayout) layout = render_test_draw (bundled, view, 800, 500, NULL);
  g_autoptr(DsrRenderLayout) copy = dsr_render_layout_copy (layout);

  g_assert_cmpuint (copy->hits->len, ==, layout->hits->len);
  g_assert_cmpuint (copy->texts->len, ==, layout->texts->len);
  g_assert_nonnull (dsr_render_layout_find_text (copy, "Europe"));
  g_assert_null (dsr_render_layout_hit_test (copy, -10, -10));
}

/* Issue 15: figures for a room --------------------------------------------------------- */

typedef struct
{
  GArray *items;   /* of DsrTextItem, text not kept */
  GPtrArray *texts;
} Captured;

static void
capture_text (const DsrTextItem *item,
              gpointer           user_data)
{
  Captured *captured = user_data;
  DsrTextItem copy = *item;

  g_ptr_array_add (captured->texts, g_strdup (item->text));
  copy.text = g_ptr_array_index (captured->texts, captured->texts->len - 1);
  copy.font_family = NULL;
  g_array_append_val (captured->items, copy);
}

static DsrRenderLayout *
draw_captured (const DsrView        *view,
               const DsrRenderStyle *style,
               int                   width,
               int                   height,
               Captured             *captured)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  DsrRenderLayout *layout;

  captured->items = g_array_new (FALSE, FALSE, sizeof (DsrTextItem));
  captured->texts = g_ptr_array_new_with_free_func (g_free);
  layout = dsr_render_view_full (cr, bundled, view, style, width, height, capture_text, captured);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static void
captured_clear (Captured *captured)
{
  g_clear_pointer (&captured->items, g_array_unref);
  g_clear_pointer (&captured->texts, g_ptr_array_unref);
}

static DsrView *
internet_trend (void)
{
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_TREND, "IT.NET.USER.ZS", NULL);

  view->year_from = 1990;
  view->year_to = 2023;
  view->year = 2015;
  return g_steal_pointer (&view);
}

/* At 1920x1080 the axis text is at least 1/50 of the height (a slide read
 * from the back of a room), the title larger; the texts neither overlap nor
 * leave the canvas at 1920x1080 or at 900x600. */
static void
test_text_for_a_room (void)
{
  const RenderSize sizes[] = { { 1920, 1080 }, { 900, 600 } };

  for (guint k = 0; k < 2; k++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(DsrView) view = k == 0 ? render_test_view (DSR_VIEW_BARS, "DSR.GCI.SCORE", NULL) : internet_trend ();
        g_autoptr(DsrRenderLayout) layout = NULL;
        Captured captured = { 0 };
        double axis = 0, title = 0;

        layout = draw_captured (view, NULL, sizes[z].width, sizes[z].height, &captured);
        render_test_check_layout (layout);
        for (guint i = 0; i < captured.items->len; i++)
          {
            const DsrTextItem *item = &g_array_index (captured.items, DsrTextItem, i);

            if (item->role == DSR_TEXT_AXIS)
              axis = axis == 0 ? item->font_size : MIN (axis, item->font_size);
            if (item->role == DSR_TEXT_TITLE)
              title = item->font_size;
          }
        g_assert_cmpfloat (axis, >, 0);
        g_assert_cmpfloat (title, >, axis * 1.4);
        if (sizes[z].height == 1080)
          {
            g_assert_cmpfloat (axis, >=, 1080.0 / 50);
            /* The boxes the renderer laid out, as tall. */
            for (guint i = 0; i < layout->texts->len; i++)
              if (g_array_index (layout->texts, DsrTextBox, i).role == DSR_TEXT_AXIS)
                g_assert_cmpfloat (g_array_index (layout->texts, DsrTextBox, i).rect.height, >=, 1080.0 / 50);
          }
        captured_clear (&captured);
      }
}

static double
lab_distance (const DsrRgba *a,
              const DsrRgba *b)
{
  double la[3], lb[3];
  const DsrRgba *c[2] = { a, b };
  double *out[2] = { la, lb };

  /* CIE 1976 L*a*b* from sRGB (D65). */
  for (guint k = 0; k < 2; k++)
    {
      double rgb[3] = { c[k]->red, c[k]->green, c[k]->blue }, xyz[3], f[3];
      const double white[3] = { 0.95047, 1.0, 1.08883 };

      for (guint i = 0; i < 3; i++)
        rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
      xyz[0] = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
      xyz[1] = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
      xyz[2] = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
      for (guint i = 0; i < 3; i++)
        {
          double t = xyz[i] / white[i];

          f[i] = t > 216.0 / 24389 ? cbrt (t) : (24389.0 / 27 * t + 16) / 116;
        }
      out[k][0] = 116 * f[1] - 16;
      out[k][1] = 500 * (f[0] - f[1]);
      out[k][2] = 200 * (f[1] - f[2]);
    }
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1])
               + (la[2] - lb[2]) * (la[2] - lb[2]));
}

/* Twelve series, twelve colours: no two alike (nor like the world's, the
 * Belt and Road's or the muted grey), in either scheme; the trend of the
 * bundled Internet users (ten regions, the world, the Belt and Road) labels
 * each line in its own colour, none dashed like another. */
static void
test_trend_colors (void)
{
  for (DsrScheme scheme = DSR_SCHEME_LIGHT; scheme <= DSR_SCHEME_DARK; scheme++)
    {
      g_autoptr(DsrRenderStyle) style = dsr_render_style_new (scheme);
      g_autoptr(DsrView) view = internet_trend ();
      g_autoptr(DsrRenderLayout) layout = NULL;
      g_autoptr(GPtrArray) colors = g_ptr_array_new ();
      Captured captured = { 0 };
      guint n_series = 0;

      g_assert_cmpint (DSR_RENDER_N_SERIES, >=, 12);
      for (guint i = 0; i < DSR_RENDER_N_SERIES; i++)
        g_ptr_array_add (colors, (gpointer) dsr_render_style_get_series (style, i));
      g_ptr_array_add (colors, &style->world);
      g_ptr_array_add (colors, &style->bri);
      g_ptr_array_add (colors, &style->muted);
      for (guint i = 0; i < colors->len; i++)
        for (guint j = i + 1; j < colors->len; j++)
          g_assert_cmpfloat (lab_distance (g_ptr_array_index (colors, i), g_ptr_array_index (colors, j)), >, 15);

      view->scheme = scheme;
      layout = draw_captured (view, style, 1920, 1080, &captured);
      for (guint i = 0; i < captured.items->len; i++)
        {
          const DsrTextItem *a = &g_array_index (captured.items, DsrTextItem, i);

          if (a->role != DSR_TEXT_SERIES)
            continue;
          n_series++;
          for (guint j = i + 1; j < captured.items->len; j++)
            {
              const DsrTextItem *b = &g_array_index (captured.items, DsrTextItem, j);

              if (b->role == DSR_TEXT_SERIES)
                g_assert_cmpfloat (lab_distance (&a->color, &b->color), >, 15);
            }
        }
      g_assert_cmpuint (n_series, >=, 9);
      captured_clear (&captured);
    }
}

/* The year of the other views is marked on a trend: its year in bold on
 * the axis, no tick label under it. */
static void
test_trend_year_marker (void)
{
  g_autoptr(DsrView) view = internet_trend ();
  g_autoptr(DsrRenderLayout) layout = NULL;
  Captured captured = { 0 };
  guint n_bold = 0;

  layout = draw_captured (view, NULL, 1920, 1080, &captured);
  render_test_check_layout (layout);
  for (guint i = 0; i < captured.items->len; i++)
    {
      const DsrTextItem *item = &g_array_index (captured.items, DsrTextItem, i);

      if (item->role == DSR_TEXT_AXIS && g_str_equal (item->text, "2015"))
        {
          g_assert_true (item->bold);
          g_assert_cmpfloat (item->x, >, layout->plot.x);
          g_assert_cmpfloat (item->x, <, layout->plot.x + layout->plot.width);
          n_bold++;
        }
    }
  g_assert_cmpuint (n_bold, ==, 1);
  captured_clear (&captured);
}

/* An indicator with a single year (the Global Cybersecurity Index, 2021)
 * as a trend is that year's bars, not dots with a leader line. */
static void
test_trend_single_year (void)
{
  g_autoptr(DsrView) view = render_test_view (DSR_VIEW_TREND, "DSR.GCI.SCORE", NULL);
  g_autoptr(DsrRenderLayout) layout = render_test_draw (bundled, view, 1600, 900, NULL);
  guint n_bars = 0;

  render_test_check_layout (layout);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const DsrHitRegion *hit = &g_array_index (layout->hits, DsrHitRegion, i);

      g_assert_cmpint (hit->kind, !=, DSR_HIT_POINT);
      g_assert_cmpint (hit->kind, !=, DSR_HIT_LABEL);
      n_bars += hit->kind == DSR_HIT_BAR;
    }
  g_assert_cmpuint (n_bars, ==, 6);
  g_assert_cmpuint (layout->segments->len, ==, 0);
}

/* The selected region stands out: its bar ringed in the text colour (not
 * the bar's), its name bold; on a trend its label bold. */
static void
test_selection (void)
{
  g_autoptr(DsrRenderStyle) style = dsr_render_style_new (DSR_SCHEME_LIGHT);
  g_autoptr(DsrView) bars = render_test_view (DSR_VIEW_BARS, "DSR.GCI.SCORE", NULL);
  g_autoptr(DsrRenderLayout) layout = NULL;
  g_autoptr(DsrView) trend = internet_trend ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
  cairo_t *cr = cairo_create (surface);
  const DsrHitRegion *hit;
  Captured captured = { 0 };
  DsrRgba pixel;
  gboolean bold = FALSE;

  dsr_render_style_set_selected (style, "bri-continent:asia");
  layout = dsr_render_view (cr, bundled, bars, style, 1600, 900);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  hit = render_test_find_hit (layout, DSR_HIT_BAR, "bri-continent:asia", 2021);
  g_assert_nonnull (hit);
  /* Just outside the bar's top edge: the ring, in the text colour. */
  render_test_pixel (surface, hit->rect.x + hit->rect.width / 2,
                     hit->rect.y - 1.5 * MAX (2.0, dsr_render_style_get_font_size (style, 1600, 900) * 0.14), &pixel);
  g_assert_true (render_test_color_near (&pixel, &style->foreground));
  g_clear_pointer (&layout, dsr_render_layout_free);
  cairo_surface_destroy (surface);

  dsr_render_style_set_selected (style, "bri-region:south-asia");
  layout = draw_captured (trend, style, 1600, 900, &captured);
  for (guint i = 0; i < captured.items->len; i++)
    {
      const DsrTextItem *item = &g_array_index (captured.items, DsrTextItem, i);

      if (item->role == DSR_TEXT_SERIES)
        g_assert_true (item->bold == g_str_equal (item->text, "South Asia") || !item->bold);
      bold |= item->role == DSR_TEXT_SERIES && item->bold && g_str_equal (item->text, "South Asia");
    }
  g_assert_true (bold);
  captured_clear (&captured);
}

static void
test_cjk_punctuation (void)
{
  g_autofree char *a = dsr_canvas_cjk_punctuation ("世界：来源报告值. 中国：“一带一路”倡议发起国。 再见");
  g_autofree char *b = dsr_canvas_cjk_punctuation ("图4; Natural Earth");
  g_autofree char *c = dsr_canvas_cjk_punctuation ("World: as reported. China: 5.2; x");

  g_assert_cmpstr (a, ==, "世界：来源报告值。中国：“一带一路”倡议发起国。再见");
  g_assert_cmpstr (b, ==, "图4；Natural Earth");
  g_assert_cmpstr (c, ==, "World: as reported. China: 5.2; x");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  dsr_test_init (&argc, &argv);
  bundled = dsr_test_load_bundled ();

  g_test_add_func ("/render/scale/ticks", test_scale_ticks);
  g_test_add_func ("/render/bars/figure4", test_bars_figure4);
  g_test_add_func ("/render/bars/defaults", test_bars_defaults);
  g_test_add_func ("/render/bars/colors", test_bars_colors);
  g_test_add_func ("/render/bars/difference", test_bars_difference);
  g_test_add_func ("/render/bars/computed", test_bars_computed);
  g_test_add_func ("/render/trend/table1", test_trend_table1);
  g_test_add_func ("/render/trend/gap", test_trend_gap);
  g_test_add_func ("/render/trend/legend", test_trend_legend);
  g_test_add_func ("/render/table", test_table);
  g_test_add_func ("/render/all-views-fit", test_all_views_fit);
  g_test_add_func ("/render/chinese", test_chinese_text);
  g_test_add_func ("/render/layout-copy", test_layout_copy);
  g_test_add_func ("/render/room/text", test_text_for_a_room);
  g_test_add_func ("/render/room/trend-colors", test_trend_colors);
  g_test_add_func ("/render/room/trend-year", test_trend_year_marker);
  g_test_add_func ("/render/room/trend-single-year", test_trend_single_year);
  g_test_add_func ("/render/room/selection", test_selection);
  g_test_add_func ("/render/room/cjk-punctuation", test_cjk_punctuation);

  ret = g_test_run ();
  g_object_unref (bundled);
  return ret;
}
