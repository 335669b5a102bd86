/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-view"

#include "config.h"

#include "dsr-chart-view.h"
#include "dsr-enum-types.h"

struct _DsrChartView
{
  DsrFigureView parent_instance;

  DsrRenderLayout *layout;    /* of the last render */
  gboolean layout_stale;      /* the figure changed since the layout was made */
  DsrViewKind kind;
};

G_DEFINE_FINAL_TYPE (DsrChartView, dsr_chart_view, DSR_TYPE_FIGURE_VIEW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Renders the view into @cr, keeping the layout. */
static void
render (DsrChartView *self,
        cairo_t      *cr,
        int           width,
        int           height)
{
  DsrFigureView *figure = DSR_FIGURE_VIEW (self);
  g_autoptr(DsrRenderStyle) style = dsr_figure_view_make_style (figure, width, height);

  g_clear_pointer (&self->layout, dsr_render_layout_free);
  self->layout = dsr_render_view (cr, dsr_figure_view_get_store (figure), dsr_figure_view_get_view (figure),
                                  style, width, height);
  self->layout_stale = FALSE;
}

static gboolean
can_render (DsrChartView *self)
{
  return dsr_figure_view_get_store (DSR_FIGURE_VIEW (self)) != NULL
         && dsr_figure_view_get_view (DSR_FIGURE_VIEW (self)) != NULL;
}

static void
dsr_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DsrChartView *self = DSR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width > 0 && height > 0 && can_render (self))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      render (self, cr, width, height);
      cairo_destroy (cr);
    }
  GTK_WIDGET_CLASS (dsr_chart_view_parent_class)->snapshot (widget, snapshot);
}

/* The layout of the current view: the last frame's, or made now (into a
 * recording surface) when the figure changed since. */
static const DsrRenderLayout *
ensure_layout (DsrChartView *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if ((!self->layout_stale && self->layout != NULL) || !can_render (self))
    return self->layout;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  render (self, cr, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640),
          MAX (gtk_widget_get_height (GTK_WIDGET (self)), 400));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return self->layout;
}

static const DsrHitRegion *
hit_at (DsrChartView *self,
        double        x,
        double        y)
{
  return ensure_layout (self) != NULL ? dsr_render_layout_hit_test (self->layout, x, y) : NULL;
}

static char *
dsr_chart_view_tooltip_at (DsrFigureView *figure,
                           double         x,
                           double         y,
                           GdkRectangle  *area)
{
  const DsrHitRegion *hit = hit_at (DSR_CHART_VIEW (figure), x, y);
  DsrIndicator *indicator;
  g_autofree char *name = NULL;
  g_autofree char *described = NULL;
  g_autofree char *escaped = NULL;
  GString *text;

  if (hit == NULL || hit->name == NULL)
    return NULL;

  indicator = dsr_store_get_indicator (dsr_figure_view_get_store (figure),
                                       dsr_figure_view_get_view (figure)->indicator_id);
  described = dsr_render_hit_describe (hit, indicator);
  escaped = g_markup_escape_text (described, -1);
  name = g_markup_escape_text (hit->name, -1);
  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b>", name);
  if (hit->year != 0)
    g_string_append_printf (text, " · %d", hit->year);
  g_string_append_printf (text, "\n%s", escaped);
  dsr_figure_view_hit_area (&hit->rect, area);
  return g_string_free (text, FALSE);
}

static char *
dsr_chart_view_entity_at (DsrFigureView *figure,
                          double         x,
                          double         y)
{
  const DsrHitRegion *hit = hit_at (DSR_CHART_VIEW (figure), x, y);

  return hit != NULL ? g_strdup (hit->entity_id) : NULL;
}

/* Drawn with this widget's kind, whatever the view given. */
static void
dsr_chart_view_adjust_view (DsrFigureView *figure,
                            DsrView       *view)
{
  view->kind = DSR_CHART_VIEW (figure)->kind;
}

static void
dsr_chart_view_changed (DsrFigureView   *figure,
                        DsrFigureChange  what,
                        const DsrView   *old_view)
{
  /* The layout (hit regions) follows the figure and its type size. */
  if (what != DSR_FIGURE_CHANGED_SELECTED)
    DSR_CHART_VIEW (figure)->layout_stale = TRUE;
}

static void
dsr_chart_view_dispose (GObject *object)
{
  DsrChartView *self = DSR_CHART_VIEW (object);

  g_clear_pointer (&self->layout, dsr_render_layout_free);

  G_OBJECT_CLASS (dsr_chart_view_parent_class)->dispose (object);
}

static void
dsr_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, DSR_CHART_VIEW (object)->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_KIND:
      DSR_CHART_VIEW (object)->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_chart_view_class_init (DsrChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DsrFigureViewClass *figure_class = DSR_FIGURE_VIEW_CLASS (klass);

  object_class->dispose = dsr_chart_view_dispose;
  object_class->get_property = dsr_chart_view_get_property;
  object_class->set_property = dsr_chart_view_set_property;
  widget_class->snapshot = dsr_chart_view_snapshot;
  figure_class->adjust_view = dsr_chart_view_adjust_view;
  figure_class->changed = dsr_chart_view_changed;
  figure_class->tooltip_at = dsr_chart_view_tooltip_at;
  figure_class->entity_at = dsr_chart_view_entity_at;

  /* What the chart draws of any view it is given (bars, trend or table). */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, DSR_TYPE_VIEW_KIND, DSR_VIEW_BARS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
dsr_chart_view_init (DsrChartView *self)
{
}

GtkWidget *
dsr_chart_view_new (DsrViewKind kind)
{
  return g_object_new (DSR_TYPE_CHART_VIEW, "kind", kind, NULL);
}

DsrViewKind
dsr_chart_view_get_kind (DsrChartView *self)
{
  g_return_val_if_fail (DSR_IS_CHART_VIEW (self), DSR_VIEW_BARS);
  return self->kind;
}

const DsrRenderLayout *
dsr_chart_view_get_layout (DsrChartView *self)
{
  g_return_val_if_fail (DSR_IS_CHART_VIEW (self), NULL);
  return ensure_layout (self);
}
