/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-scatter-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "dsr-chart-scatter.h"
#include "dsr-format.h"
#include "dsr-scatter-view.h"
#include "dsr-widget-style.h"

/* How long the dots take to move from one year to the next. */
#define MOVE_USEC (450 * G_TIME_SPAN_MILLISECOND)

struct _DsrScatterView
{
  GtkWidget parent_instance;

  DsrStore *store;
  DsrView *view;
  char *selected;
  DsrChartData *data;       /* of view; NULL until needed */
  DsrChartData *from;       /* the year before, while the dots move */
  gint64 move_start;        /* frame time the move began; 0 before its first frame */
  double font_scale;        /* presentation mode: larger type */
  guint tick_id;
  guint n_moves;  /* year steps that moved the dots, since the view was made */
  DsrRenderLayout *layout;  /* of the last frame */
};

G_DEFINE_FINAL_TYPE (DsrScatterView, dsr_scatter_view, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static DsrChartData *
ensure_data (DsrScatterView *self)
{
  if (self->data == NULL && self->store != NULL && self->view != NULL)
    self->data = dsr_chart_data_new (self->store, self->view);
  return self->data;
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
    return;

  /* Drawn into an image at the screen's pixels and shown as a texture: the
   * renderer copies its dots as small images there (a cairo node would
   * record every shape and draw it again). */
  style = dsr_widget_style_new (widget, self->font_scale, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  g_clear_pointer (&self->layout, dsr_render_layout_free);
  self->layout = dsr_render_scatter_frame (cr, self->from, data, ease (progress (self)), self->selected, style,
                                           width, height, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
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

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  DsrScatterView *self = DSR_SCATTER_VIEW (widget);
  const DsrHitRegion *hit = keyboard ? NULL : hit_at (self, x, y);
  g_autofree char *text = hit ? dsr_scatter_view_tooltip_text (self, hit->entity_id) : NULL;

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) hit->rect.x, (int) hit->rect.y,
                                                        MAX (1, (int) hit->rect.width),
                                                        MAX (1, (int) hit->rect.height) });
  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DsrScatterView  *self)
{
  const DsrHitRegion *hit = hit_at (self, x, y);

  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, hit ? hit->entity_id : NULL);
}

static void
style_changed_cb (DsrScatterView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dsr_scatter_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dsr_scatter_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
dsr_scatter_view_dispose (GObject *object)
{
  DsrScatterView *self = DSR_SCATTER_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  stop_moving (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->view, dsr_view_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->data, dsr_chart_data_free);
  g_clear_pointer (&self->layout, dsr_render_layout_free);

  G_OBJECT_CLASS (dsr_scatter_view_parent_class)->dispose (object);
}

static void
dsr_scatter_view_class_init (DsrScatterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_scatter_view_dispose;
  widget_class->snapshot = dsr_scatter_view_snapshot;
  widget_class->css_changed = dsr_scatter_view_css_changed;

  /* The economy under a click (NULL when none): the window selects it everywhere. */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dsr_scatter_view_init (DsrScatterView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->font_scale = 1.0;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (style_changed_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scatter of two indicators"), -1);
}

GtkWidget *
dsr_scatter_view_new (void)
{
  return g_object_new (DSR_TYPE_SCATTER_VIEW, NULL);
}

void
dsr_scatter_view_set_store (DsrScatterView *self,
                            DsrStore       *store)
{
  g_return_if_fail (DSR_IS_SCATTER_VIEW (self));

  if (g_set_object (&self->store, store))
    {
      stop_moving (self);
      g_clear_pointer (&self->data, dsr_chart_data_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
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

/* Takes a copy of @view, drawn as a scatter. When only its year changed
 * and the chart is on screen, the dots move there. */
void
dsr_scatter_view_set_view (DsrScatterView *self,
                           const DsrView  *view)
{
  g_autoptr(DsrView) copy = NULL;

  g_return_if_fail (DSR_IS_SCATTER_VIEW (self));
  g_return_if_fail (view != NULL);

  copy = dsr_view_copy (view);
  copy->kind = DSR_VIEW_SCATTER;
  copy->compare = DSR_COMPARE_ABSOLUTE;
  /* The dots leave from where the last view put them, drawn or not yet
   * (a change just before this one may not have been painted). */
  if (self->view != NULL && same_but_year (self->view, copy) && gtk_widget_get_mapped (GTK_WIDGET (self))
      && ensure_data (self) != NULL)
    {
      stop_moving (self);
      self->from = g_steal_pointer (&self->data);
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
      self->n_moves++;
    }
  else
    stop_moving (self);
  g_clear_pointer (&self->data, dsr_chart_data_free);
  g_clear_pointer (&self->view, dsr_view_free);
  self->view = g_steal_pointer (&copy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const DsrView *
dsr_scatter_view_get_view (DsrScatterView *self)
{
  g_return_val_if_fail (DSR_IS_SCATTER_VIEW (self), NULL);
  return self->view;
}

void
dsr_scatter_view_set_selected (DsrScatterView *self,
                               const char     *entity_id)
{
  g_return_if_fail (DSR_IS_SCATTER_VIEW (self));

  if (g_strcmp0 (self->selected, entity_id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (entity_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

void
dsr_scatter_view_set_font_scale (DsrScatterView *self,
                                 double          scale)
{
  g_return_if_fail (DSR_IS_SCATTER_VIEW (self));

  self->font_scale = CLAMP (scale, 0.5, 3.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
