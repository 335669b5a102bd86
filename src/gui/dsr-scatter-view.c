/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-scatter-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-chart-scatter.h"
#include "dsr-format.h"
#include "dsr-scatter-view.h"

/* How long the dots take to move from one year to the next. */
#define MOVE_USEC (450 * G_TIME_SPAN_MILLISECOND)

struct _DsrScatterView
{
  DsrFigureView parent_instance;

  DsrChartData *data;       /* of the view; NULL until needed */
  DsrChartData *from;       /* the year before, while the dots move */
  gint64 move_start;        /* frame time the move began; 0 before its first frame */
  guint tick_id;
  guint n_moves;  /* year steps that moved the dots, since the view was made */
  DsrRenderLayout *layout;  /* of the last frame */
};

G_DEFINE_FINAL_TYPE (DsrScatterView, dsr_scatter_view, DSR_TYPE_FIGURE_VIEW)

/* The numbers of @view (the current view when NULL), kept until the figure changes. */
static DsrChartData *
ensure_data_of (DsrScatterView *self,
                const DsrView  *view)
{
  DsrStore *store = dsr_figure_view_get_store (DSR_FIGURE_VIEW (self));

  if (view == NULL)
    view = dsr_figure_view_get_view (DSR_FIGURE_VIEW (self));
  if (self->data == NULL && store != NULL && view != NULL)
    self->data = dsr_chart_data_new (store, view);
  return self->data;
}

static DsrChartData *
ensure_data (DsrScatterView *self)
{
  return ensure_data_of (self, NULL);
}

static double
ease (double t)
{
  t = CLAMP (t, 0.0, 1.0);
  return t * t * (3 - 2 * t);
}

static double
progress (DsrScatterView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 now;

  if (self->from == NULL || clock == NULL)
    return 1.0;
  now = gdk_frame_clock_get_frame_time (clock);
  if (self->move_start == 0)
    self->move_start = now;
  return (double) (now - self->move_start) / MOVE_USEC;
}

static void
stop_moving (DsrScatterView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->from, dsr_chart_data_free);
  self->move_start = 0;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  DsrScatterView *self = DSR_SCATTER_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (progress (self) >= 1.0)
    {
      self->tick_id = 0;
      g_clear_pointer (&self->from, dsr_chart_data_free);
      self->move_start = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
dsr_scatter_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DsrScatterView *self = DSR_SCATTER_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  g_autoptr(DsrRenderStyle) style = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  DsrChartData *data;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || (data = ensure_data (self)) == NULL)
    {
      GTK_WIDGET_CLASS (dsr_scatter_view_parent_class)->snapshot (widget, snapshot);
      return;
    }

  /* Drawn into an image at the screen's pixels and shown as a texture: the
   * renderer copies its dots as small images there (a cairo node would
   * record every shape and draw it again). */
  style = dsr_figure_view_make_style (DSR_FIGURE_VIEW (self), width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  g_clear_pointer (&self->layout, dsr_render_layout_free);
  self->layout = dsr_render_scatter_frame (cr, self->from, data, ease (progress (self)),
                                           dsr_figure_view_get_selected (DSR_FIGURE_VIEW (self)), style,
                                           width, height, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GTK_WIDGET_CLASS (dsr_scatter_view_parent_class)->snapshot (widget, snapshot);
}

/* What a tooltip says about an economy: its region, both values with their
 * units (and the year of a value that stands in for the year), its
 * population when the dots are sized by it. */
char *
dsr_scatter_view_tooltip_text (DsrScatterView *self,
                               const char     *entity_id)
{
  DsrChartData *data;
  const DsrScatterPoint *p;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;
  struct { const DsrChartValue *v; DsrIndicator *indicator; int decimals; } all[2];

  g_return_val_if_fail (DSR_IS_SCATTER_VIEW (self), NULL);

  if ((data = ensure_data (self)) == NULL || (p = dsr_chart_data_find_point (data, entity_id)) == NULL)
    return NULL;
  all[0].v = &p->x;
  all[0].indicator = data->indicator;
  all[0].decimals = data->decimals;
  all[1].v = &p->y;
  all[1].indicator = data->y_indicator;
  all[1].decimals = data->y_decimals;

  name = g_markup_escape_text (p->x.name, -1);
  g_string_append_printf (text, "<b>%s</b> · %d", name, data->view->year);
  if (p->region_name != NULL)
    {
      g_autofree char *region = g_markup_escape_text (p->region_name, -1);

      g_string_append_printf (text, "\n%s", region);
    }
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *value = dsr_format_value (all[i].v->value, all[i].decimals, all[i].v->qualifier);
      g_autofree char *what = g_markup_escape_text (dsr_indicator_get_name (all[i].indicator), -1);
      g_autofree char *unit = g_markup_escape_text (dsr_indicator_get_unit (all[i].indicator), -1);

      /* Translators: a line of the scatter's tooltip: the indicator, the value and its unit */
      g_string_append_printf (text, _("\n%s: %s %s"), what, value, unit);
      if (all[i].v->data_year_min != data->view->year && all[i].v->data_year_min == all[i].v->data_year_max)
        /* Translators: after a value that stands in for the year shown */
        g_string_append_printf (text, _(" (value of %d)"), all[i].v->data_year_min);
    }
  if (data->view->size_by_population && p->population > 0)
    {
      g_autofree char *pop = dsr_format_number (p->population, 0);

      g_string_append_printf (text, _("\nPopulation: %s"), pop);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const DsrHitRegion *
hit_at (DsrScatterView *self,
        double          x,
        double          y)
{
  if (self->layout == NULL)
    return NULL;
  return dsr_render_layout_hit_test (self->layout, x, y);
}

static char *
dsr_scatter_view_tooltip_at (DsrFigureView *figure,
                             double         x,
                             double         y,
                             GdkRectangle  *area)
{
  DsrScatterView *self = DSR_SCATTER_VIEW (figure);
  const DsrHitRegion *hit = hit_at (self, x, y);
  char *text = hit != NULL ? dsr_scatter_view_tooltip_text (self, hit->entity_id) : NULL;

  if (text != NULL)
    dsr_figure_view_hit_area (&hit->rect, area);
  return text;
}

static char *
dsr_scatter_view_entity_at (DsrFigureView *figure,
                            double         x,
                            double         y)
{
  const DsrHitRegion *hit = hit_at (DSR_SCATTER_VIEW (figure), x, y);

  return hit != NULL ? g_strdup (hit->entity_id) : NULL;
}

/* Whether @a and @b differ in their year alone (what Play changes). */
static gboolean
same_but_year (const DsrView *a,
               const DsrView *b)
{
  g_autofree char *ra = a->regions ? g_strjoinv (",", a->regions) : NULL;
  g_autofree char *rb = b->regions ? g_strjoinv (",", b->regions) : NULL;

  return a->year != b->year && g_strcmp0 (a->indicator_id, b->indicator_id) == 0
         && g_strcmp0 (a->y_indicator_id, b->y_indicator_id) == 0 && g_strcmp0 (a->grouping_id, b->grouping_id) == 0
         && g_strcmp0 (ra, rb) == 0 && a->tolerance == b->tolerance && a->aggregation == b->aggregation
         && a->min_coverage == b->min_coverage && a->show_fit == b->show_fit
         && a->size_by_population == b->size_by_population;
}

/* Drawn as a scatter of absolute values, whatever the view given. */
static void
dsr_scatter_view_adjust_view (DsrFigureView *figure,
                              DsrView       *view)
{
  view->kind = DSR_VIEW_SCATTER;
  view->compare = DSR_COMPARE_ABSOLUTE;
}

/* When only the year changed and the chart is on screen, the dots move
 * there: they leave from where the last view put them, drawn or not yet (a
 * change just before this one may not have been painted). */
static void
dsr_scatter_view_changed (DsrFigureView   *figure,
                          DsrFigureChange  what,
                          const DsrView   *old_view)
{
  DsrScatterView *self = DSR_SCATTER_VIEW (figure);
  const DsrView *view = dsr_figure_view_get_view (figure);

  if ((what & (DSR_FIGURE_CHANGED_STORE | DSR_FIGURE_CHANGED_VIEW | DSR_FIGURE_CHANGED_DATA)) == 0)
    return;
  stop_moving (self);
  if (what == DSR_FIGURE_CHANGED_VIEW && old_view != NULL && view != NULL && same_but_year (old_view, view)
      && gtk_widget_get_mapped (GTK_WIDGET (self)) && ensure_data_of (self, old_view) != NULL)
    {
      self->from = g_steal_pointer (&self->data);
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
      self->n_moves++;
    }
  g_clear_pointer (&self->data, dsr_chart_data_free);
}

static void
dsr_scatter_view_dispose (GObject *object)
{
  DsrScatterView *self = DSR_SCATTER_VIEW (object);

  stop_moving (self);
  g_clear_pointer (&self->data, dsr_chart_data_free);
  g_clear_pointer (&self->layout, dsr_render_layout_free);

  G_OBJECT_CLASS (dsr_scatter_view_parent_class)->dispose (object);
}

static void
dsr_scatter_view_class_init (DsrScatterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DsrFigureViewClass *figure_class = DSR_FIGURE_VIEW_CLASS (klass);

  object_class->dispose = dsr_scatter_view_dispose;
  widget_class->snapshot = dsr_scatter_view_snapshot;
  figure_class->adjust_view = dsr_scatter_view_adjust_view;
  figure_class->changed = dsr_scatter_view_changed;
  figure_class->tooltip_at = dsr_scatter_view_tooltip_at;
  figure_class->entity_at = dsr_scatter_view_entity_at;

  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
dsr_scatter_view_init (DsrScatterView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scatter of two indicators"), -1);
}

GtkWidget *
dsr_scatter_view_new (void)
{
  return g_object_new (DSR_TYPE_SCATTER_VIEW, NULL);
}

/* The numbers shown (borrowed), or NULL without a store or a view. */
DsrChartData *
dsr_scatter_view_get_data (DsrScatterView *self)
{
  g_return_val_if_fail (DSR_IS_SCATTER_VIEW (self), NULL);
  return ensure_data (self);
}

/* The layout of the last frame drawn, or NULL. */
const DsrRenderLayout *
dsr_scatter_view_get_layout (DsrScatterView *self)
{
  g_return_val_if_fail (DSR_IS_SCATTER_VIEW (self), NULL);
  return self->layout;
}

/* How many year steps have moved the dots (a move may be over before the
 * caller looks: it lasts a fixed time, however slow the frames). */
guint
dsr_scatter_view_get_n_moves (DsrScatterView *self)
{
  g_return_val_if_fail (DSR_IS_SCATTER_VIEW (self), 0);
  return self->n_moves;
}

gboolean
dsr_scatter_view_is_animating (DsrScatterView *self)
{
  g_return_val_if_fail (DSR_IS_SCATTER_VIEW (self), FALSE);
  return self->from != NULL;
}
