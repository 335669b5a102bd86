/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-handout"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "dsr-chart-data.h"
#include "dsr-error.h"
#include "dsr-export.h"
#include "dsr-figure.h"
#include "dsr-handout.h"
#include "dsr-map-borders.h"
#include "dsr-map-render.h"
#include "dsr-pack.h"
#include "dsr-render-style.h"
#include "dsr-summary.h"

/* The page: A4 portrait, in PDF points. Portrait because a handout is
 * printed and read: the figures are wider than tall (the map about 2:1, the
 * charts 3:2), so at the page's full width they take its upper half, and the
 * summary and the sources below run at about 90 characters a line, which
 * reads well; in landscape the same figure would be little larger but the
 * text lines half again as long. A4 is the paper of nearly every school
 * outside North America. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN        50.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
/* The figure's width over its height at most: the map's own wide shape,
 * the charts a little taller; the table takes all the room the text
 * leaves, for as many rows as fit. Shorter when the text needs the room. */
#define FIGURE_ASPECT 1.5
#define CHART_ASPECT  1.3
#define FIGURE_MIN_HEIGHT 200.0
/* The figure is drawn at this many logical pixels per point (a logical pixel
 * is 1/96 inch, a point 1/72): the size it has on a screen of that width,
 * so its text keeps the charts' own proportions. */
#define PX_PER_PT (96.0 / 72.0)

/* Text sizes in points */
#define SIZE_HEADER   8.5
#define SIZE_TITLE   16.0
#define SIZE_HEADING 11.0
#define SIZE_BODY    10.5
#define SIZE_SOURCES  8.5
#define GAP          10.0

typedef struct
{
  DsrView *view;   /* resolved, sized for the page */
  char    *title;
} HandoutPage;

struct _DsrHandout
{
  DsrStore        *store;
  GPtrArray       *pages;     /* of HandoutPage */
  DsrRenderStyle  *style;
  DsrMapData      *borders;   /* loaded for the first map page */
  GByteArray      *out;
  cairo_surface_t *surface;
  cairo_t         *cr;
  guint            n_drawn;
  gboolean         finished;
};

static void
handout_page_free (gpointer data)
{
  HandoutPage *page = data;

  dsr_view_free (page->view);
  g_free (page->title);
  g_free (page);
}

gboolean
dsr_handout_pages_from_string (const char      *str,
                               DsrHandoutPages *out)
{
  static const char *names[] = { "auto", "years", "views" };

  g_return_val_if_fail (out != NULL, FALSE);
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *out = (DsrHandoutPages) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
kind_label (DsrViewKind kind)
{
  switch (kind)
    {
    case DSR_VIEW_MAP:
      return _("Map");
    case DSR_VIEW_BARS:
      return _("Regions");
    case DSR_VIEW_TREND:
      return _("Trend");
    case DSR_VIEW_SCATTER:
      return _("Scatter");
    case DSR_VIEW_TABLE:
    default:
      return _("Table");
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @view with the defaults filled in and the page's figure size, checked
 * against the data; the map's by the map itself when it is drawn. */
static DsrView *
resolve (DsrStore       *store,
         const DsrView  *view,
         DsrViewKind     kind,
         GError        **error)
{
  g_autoptr(DsrView) copy = dsr_view_copy (view);
  DsrView *resolved;

  /* The map fills in its defaults as the bars do: resolved as bars, so that
   * its indicator, grouping and year are the ones the rules and sources
   * below are about. */
  copy->kind = kind == DSR_VIEW_MAP ? DSR_VIEW_BARS : kind;
  copy->width = (int) round (CONTENT_WIDTH * PX_PER_PT);
  copy->height = (int) round (CONTENT_WIDTH / FIGURE_ASPECT * PX_PER_PT);
  copy->scheme = DSR_SCHEME_LIGHT;   /* paper */
  if (!(copy->scale >= DSR_VIEW_MIN_SCALE && copy->scale <= DSR_VIEW_MAX_SCALE))
    copy->scale = 1.0;
  resolved = dsr_chart_resolve_view (store, copy, error);
  if (resolved != NULL)
    resolved->kind = kind;
  return resolved;
}

static void
add_page (DsrHandout *self,
          DsrView    *view,
          char       *title)
{
  HandoutPage *page = g_new0 (HandoutPage, 1);

  page->view = view;
  page->title = title;
  g_ptr_array_add (self->pages, page);
}

static gboolean
add_year_pages (DsrHandout              *self,
                const DsrView           *base,
                DsrIndicator            *indicator,
                const DsrHandoutOptions *options,
                GError                 **error)
{
  g_autoptr(DsrFigures) figures = dsr_figures_new (self->store, base);
  DsrGrouping *grouping = dsr_store_get_grouping (self->store, base->grouping_id);
  g_autoptr(GArray) good = dsr_figures_good_years (figures, grouping);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < good->len; i++)
    {
      int year = g_array_index (good, int, i);

      if ((options->year_from == 0 || year >= options->year_from)
          && (options->year_to == 0 || year <= options->year_to))
        g_array_append_val (years, year);
    }
  if (years->len == 0)
    {
      g_autofree char *all = dsr_chart_format_years (good);

      if (good->len == 0)
        g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                     _("No year of %s has values under the view’s rules (coverage and tolerance): "
                       "there is no page to make"), dsr_indicator_get_name (indicator));
      else
        g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                     _("No year from %d to %d of %s has values under the view’s rules; the years that "
                       "have are: %s"), options->year_from, options->year_to,
                     dsr_indicator_get_name (indicator), all);
      return FALSE;
    }

  for (guint i = 0; i < years->len; i++)
    {
      DsrView *view = dsr_view_copy (base);

      view->year = g_array_index (years, int, i);
      /* Translators: the title of a handout page: a year and an indicator's name */
      add_page (self, view, g_strdup_printf (C_("handout page title", "%d: %s"), view->year,
                                             dsr_indicator_get_name (indicator)));
    }
  return TRUE;
}

static gboolean
add_view_pages (DsrHandout              *self,
                const DsrView           *base,
                DsrIndicator            *indicator,
                const DsrHandoutOptions *options,
                GError                 **error)
{
  static const DsrViewKind kinds[] = { DSR_VIEW_MAP, DSR_VIEW_BARS, DSR_VIEW_TREND, DSR_VIEW_TABLE };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(DsrView) wanted = dsr_view_copy (base);
      DsrView *view;

      if (kinds[i] == DSR_VIEW_TREND && options->year_from != 0)
        {
          wanted->year_from = options->year_from;
          wanted->year_to = options->year_to;
        }
      view = resolve (self->store, wanted, kinds[i], error);
      if (view == NULL)
        return FALSE;
      if (kinds[i] == DSR_VIEW_MAP && !dsr_figure_check (self->store, view, error))
        {
          dsr_view_free (view);
          return FALSE;
        }
      /* Translators: the title of a handout page: a view (Map, Regions, Trend, Table) and an
       * indicator's name */
      add_page (self, view, g_strdup_printf (C_("handout page title", "%s: %s"), kind_label (kinds[i]),
                                             dsr_indicator_get_name (indicator)));
    }
  return TRUE;
}

/**
 * dsr_handout_new:
 * @view: the current view: its indicator, grouping, regions and rules, and
 *   for one page per year its kind (map, bars or table)
 *
 * Plans the handout's pages (nothing is drawn yet: see
 * dsr_handout_draw_next()). Fails with a message when the view cannot be
 * drawn or no page would have values.
 */
DsrHandout *
dsr_handout_new (DsrStore                *store,
                 const DsrView           *view,
                 const DsrHandoutOptions *options,
                 GError                 **error)
{
  const DsrHandoutOptions defaults = { 0 };
  g_autoptr(DsrHandout) self = NULL;
  g_autoptr(DsrView) base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  DsrHandoutPages pages;
  DsrIndicator *indicator;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  if (options->year_from != 0 && options->year_to != 0 && options->year_from > options->year_to)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("The handout’s years run from %d to %d: the first is after the last"),
                   options->year_from, options->year_to);
      return NULL;
    }
  pages = options->pages;
  if (pages == DSR_HANDOUT_PAGES_AUTO)
    pages = view->kind == DSR_VIEW_TREND ? DSR_HANDOUT_PAGES_VIEWS : DSR_HANDOUT_PAGES_YEARS;
  if (pages == DSR_HANDOUT_PAGES_YEARS && view->kind == DSR_VIEW_TREND)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID,
                           _("A trend already shows every year in one figure: make a handout of one page per "
                             "year from the map, the regions or the table, or one page per view"));
      return NULL;
    }

  {
    g_autoptr(DsrView) wanted = dsr_view_copy (view);

    /* One page per year: the view's own year does not matter (nor need it
     * have values). */
    if (pages == DSR_HANDOUT_PAGES_YEARS)
      wanted->year = 0;
    base = resolve (store, wanted, view->kind, error);
    if (base == NULL)
      return NULL;
  }
  indicator = dsr_store_get_indicator (store, base->indicator_id);

  self = g_new0 (DsrHandout, 1);
  self->store = g_object_ref (store);
  self->pages = g_ptr_array_new_with_free_func (handout_page_free);
  self->style = dsr_render_style_new (DSR_SCHEME_LIGHT);
  self->out = g_byte_array_new ();
  if (pages == DSR_HANDOUT_PAGES_YEARS)
    {
      if (!add_year_pages (self, base, indicator, options, error))
        return NULL;
    }
  else if (!add_view_pages (self, base, indicator, options, error))
    return NULL;

  self->surface = cairo_pdf_surface_create_for_stream (append_bytes, self->out, PAGE_WIDTH, PAGE_HEIGHT);
  self->cr = cairo_create (self->surface);
  /* Translators: the title of a class handout (PDF): an indicator's name */
  title = g_strdup_printf (_("Class handout: %s"), dsr_indicator_get_name (indicator));
  if (pages == DSR_HANDOUT_PAGES_YEARS)
    {
      g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
      g_autofree char *range = NULL;

      for (guint i = 0; i < self->pages->len; i++)
        g_array_append_val (years, ((HandoutPage *) g_ptr_array_index (self->pages, i))->view->year);
      range = dsr_chart_format_years (years);
      /* Translators: the subject of a class handout (PDF): the kind of figure and its years */
      subject = g_strdup_printf (_("%s, one page per year (%s): each with its figure, written summary and "
                                   "sources"), kind_label (base->kind), range);
    }
  else
    subject = g_strdup (_("One page per view (map, regions, trend, table): each with its figure, written "
                          "summary and sources"));
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Digital Silk Road Atlas " PACKAGE_VERSION);
  return g_steal_pointer (&self);
}

void
dsr_handout_free (DsrHandout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->out, g_byte_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->style, dsr_render_style_free);
  g_clear_object (&self->borders);
  g_clear_object (&self->store);
  g_free (self);
}

guint
dsr_handout_get_n_pages (DsrHandout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

/* The view page @index shows (resolved: its defaults filled in). */
const DsrView *
dsr_handout_get_page_view (DsrHandout *self,
                           guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);
  return ((HandoutPage *) g_ptr_array_index (self->pages, index))->view;
}

guint
dsr_handout_get_n_drawn (DsrHandout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_drawn;
}

/* Text ---------------------------------------------------------------------------- */

typedef struct
{
  double   size;
  gboolean bold;
  double   grey;   /* 0 black .. 1 white */
  PangoAlignment align;
} TextStyle;

static PangoLayout *
make_layout (cairo_t         *cr,
             const char      *text,
             const TextStyle *style,
             double           width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, DSR_RENDER_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, style->size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->align);
  pango_layout_set_spacing (layout, (int) (style->size * 0.25 * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* Draws @layout at @x, @y (its top); returns its height. */
static double
show_layout (cairo_t         *cr,
             PangoLayout     *layout,
             const TextStyle *style,
             double           x,
             double           y)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, style->grey, style->grey, style->grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return layout_height (layout);
}

/* What a page says ---------------------------------------------------------------- */

/* The sources and the rules of @view's numbers, one a line. */
static char *
page_sources (DsrStore      *store,
              const DsrView *view)
{
  g_autoptr(DsrView) chart_view = dsr_view_copy (view);
  g_autoptr(DsrChartData) data = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sources = NULL;
  g_autofree char *rules = NULL;
  DsrIndicator *indicator = dsr_store_get_indicator (store, view->indicator_id);
  const char *vintage = dsr_indicator_get_vintage (indicator);
  const char *licence = dsr_pack_get_licence (dsr_indicator_get_id (indicator));

  /* The map's numbers follow the same rules as the bars of its year. */
  if (chart_view->kind == DSR_VIEW_MAP)
    chart_view->kind = DSR_VIEW_BARS;
  data = dsr_chart_data_new (store, chart_view);
  sources = dsr_chart_data_get_sources (data);
  if (sources == NULL || *sources == '\0')
    {
      g_free (sources);
      sources = g_strdup (dsr_indicator_get_source (indicator));
    }
  /* Translators: a line of a handout page's sources */
  g_string_append_printf (out, _("Source: %s"), sources);
  g_string_append_c (out, '\n');
  if (vintage != NULL && *vintage != '\0')
    /* Translators: a line of a handout page's sources: the publisher's date, YYYY-MM-DD */
    g_string_append_printf (out, _("Last updated: %s"), vintage);
  else
    g_string_append (out, _("Last updated: not stated by the source"));
  if (licence != NULL)
    {
      g_string_append_c (out, '\n');
      /* Translators: a line of a handout page's sources */
      g_string_append_printf (out, _("Licence: %s"), licence);
    }
  rules = dsr_chart_data_describe_rules (data);
  if (rules != NULL && *rules != '\0')
    {
      g_string_append_c (out, '\n');
      /* Translators: a line of a handout page's sources: how the numbers were computed */
      g_string_append_printf (out, _("Rules: %s"), rules);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Drawing a page ------------------------------------------------------------------ */

static gboolean
draw_figure (DsrHandout     *self,
             const DsrView  *view,
             double          x,
             double          y,
             double          width,
             double          height,
             GError        **error)
{
  cairo_t *cr = self->cr;
  double px_width = round (width * PX_PER_PT);
  double px_height = round (height * PX_PER_PT);
  gboolean ok = TRUE;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width / px_width, height / px_height);
  cairo_rectangle (cr, 0, 0, px_width, px_height);
  cairo_clip (cr);
  if (view->kind == DSR_VIEW_MAP)
    {
      g_autoptr(DsrView) sized = dsr_view_copy (view);
      DsrMapOptions options;

      if (self->borders == NULL)
        self->borders = dsr_map_data_load_bundled (error);
      dsr_map_options_init (&options);
      options.style = self->style;
      sized->width = (int) px_width;
      sized->height = (int) px_height;
      ok = self->borders != NULL && dsr_map_render (cr, self->store, self->borders, sized, &options, NULL, error);
    }
  else
    dsr_render_layout_free (dsr_render_view_full (cr, self->store, view, self->style, px_width, px_height,
                                                  NULL, NULL));
  cairo_restore (cr);
  return ok;
}

/**
 * dsr_handout_draw_next:
 *
 * Draws the next page. Returns %FALSE with @error when it cannot be drawn
 * (the handout is then of no use: free it).
 */
gboolean
dsr_handout_draw_next (DsrHandout  *self,
                       GError     **error)
{
  const TextStyle header = { SIZE_HEADER, FALSE, 0.35, PANGO_ALIGN_LEFT };
  const TextStyle title = { SIZE_TITLE, TRUE, 0.0, PANGO_ALIGN_LEFT };
  const TextStyle heading = { SIZE_HEADING, TRUE, 0.0, PANGO_ALIGN_LEFT };
  const TextStyle body = { SIZE_BODY, FALSE, 0.0, PANGO_ALIGN_LEFT };
  const TextStyle small = { SIZE_SOURCES, FALSE, 0.25, PANGO_ALIGN_LEFT };
  const TextStyle footer = { SIZE_HEADER, FALSE, 0.35, PANGO_ALIGN_CENTER };
  HandoutPage *page;
  cairo_t *cr;
  g_autofree char *summary = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *page_number = NULL;
  g_autofree char *link = NULL;
  g_autoptr(PangoLayout) header_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) summary_heading = NULL;
  g_autoptr(PangoLayout) summary_layout = NULL;
  g_autoptr(PangoLayout) sources_heading = NULL;
  g_autoptr(PangoLayout) sources_layout = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  double y, text_height, figure_height, bottom;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished && self->n_drawn < self->pages->len, FALSE);

  page = g_ptr_array_index (self->pages, self->n_drawn);
  cr = self->cr;

  /* The written summary of exactly this figure (the summary's own
   * sentence when there is nothing to show). */
  summary = dsr_summary_text (self->store, page->view, error);
  if (summary == NULL)
    return FALSE;
  sources = page_sources (self->store, page->view);
  /* Translators: the page number at the foot of a handout's page */
  page_number = g_strdup_printf (_("Page %u of %u"), self->n_drawn + 1, self->pages->len);

  header_layout = make_layout (cr, _("Digital Silk Road Atlas · class handout"), &header, CONTENT_WIDTH);
  title_layout = make_layout (cr, page->title, &title, CONTENT_WIDTH);
  summary_heading = make_layout (cr, C_("handout", "Summary"), &heading, CONTENT_WIDTH);
  summary_layout = make_layout (cr, summary, &body, CONTENT_WIDTH);
  sources_heading = make_layout (cr, _("Sources and rules"), &heading, CONTENT_WIDTH);
  sources_layout = make_layout (cr, sources, &small, CONTENT_WIDTH);
  footer_layout = make_layout (cr, page_number, &footer, CONTENT_WIDTH);

  /* The figure gets what the text leaves, up to its own proportions. */
  bottom = PAGE_HEIGHT - MARGIN - layout_height (footer_layout) - GAP;
  text_height = layout_height (header_layout) + GAP + layout_height (title_layout) + GAP
                + GAP + layout_height (summary_heading) + GAP / 2 + layout_height (summary_layout)
                + 1.5 * GAP + layout_height (sources_heading) + GAP / 2 + layout_height (sources_layout);
  figure_height = bottom - MARGIN - text_height - GAP;
  if (page->view->kind == DSR_VIEW_MAP)
    figure_height = MIN (figure_height, CONTENT_WIDTH / FIGURE_ASPECT);
  else if (page->view->kind != DSR_VIEW_TABLE)
    figure_height = MIN (figure_height, CONTENT_WIDTH / CHART_ASPECT);
  figure_height = MAX (figure_height, FIGURE_MIN_HEIGHT);

  y = MARGIN;
  y += show_layout (cr, header_layout, &header, MARGIN, y) + GAP;
  y += show_layout (cr, title_layout, &title, MARGIN, y) + GAP;
  if (!draw_figure (self, page->view, MARGIN, y, CONTENT_WIDTH, figure_height, error))
    return FALSE;
  y += figure_height + GAP;
  y += show_layout (cr, summary_heading, &heading, MARGIN, y) + GAP / 2;
  y += show_layout (cr, summary_layout, &body, MARGIN, y) + 1.5 * GAP;
  y += show_layout (cr, sources_heading, &heading, MARGIN, y) + GAP / 2;
  show_layout (cr, sources_layout, &small, MARGIN, y);
  show_layout (cr, footer_layout, &footer, MARGIN, PAGE_HEIGHT - MARGIN - layout_height (footer_layout));

  /* A bookmark per page, for the reader's outline. */
  link = g_strdup_printf ("page=%u", self->n_drawn + 1);
  cairo_pdf_surface_add_outline (self->surface, CAIRO_PDF_OUTLINE_ROOT, page->title, link, 0);

  cairo_show_page (cr);
  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("Could not draw the handout: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  self->n_drawn++;
  return TRUE;
}

/**
 * dsr_handout_finish:
 *
 * Draws the pages not drawn yet and returns the PDF.
 */
GBytes *
dsr_handout_finish (DsrHandout  *self,
                    GError     **error)
{
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->finished, NULL);

  while (self->n_drawn < self->pages->len)
    if (!dsr_handout_draw_next (self, error))
      return NULL;
  self->finished = TRUE;
  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("Could not draw the handout: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&self->out));
}

/**
 * dsr_handout_render:
 * @cancellable: (nullable): checked between pages
 *
 * The whole handout as a PDF.
 */
GBytes *
dsr_handout_render (DsrStore                *store,
                    const DsrView           *view,
                    const DsrHandoutOptions *options,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr(DsrHandout) self = dsr_handout_new (store, view, options, error);

  if (self == NULL)
    return NULL;
  while (self->n_drawn < self->pages->len)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) || !dsr_handout_draw_next (self, error))
      return NULL;
  return dsr_handout_finish (self, error);
}

/**
 * dsr_handout_write:
 *
 * Writes the handout to @path as every export is written
 * (dsr_export_write_file()): a failure leaves the file that was there.
 */
gboolean
dsr_handout_write (DsrStore                *store,
                   const DsrView           *view,
                   const DsrHandoutOptions *options,
                   const char              *path,
                   GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = dsr_handout_render (store, view, options, NULL, error);
  if (bytes == NULL)
    return FALSE;
  return dsr_export_write_file (path, bytes, error);
}
