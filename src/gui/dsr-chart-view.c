/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-chart-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "dsr-chart-view.h"
#include "dsr-format.h"
#include "dsr-summary.h"
#include "dsr-widget-style.h"

struct _DsrChartView
{
  GtkWidget parent_instance;

  DsrStore *store;
  DsrView *view;
  char *selected;             /* entity id, or NULL */
  DsrRenderLayout *layout;    /* of the last render */
  gboolean layout_stale;      /* the view changed since the layout was made */
  guint describe_source;      /* an idle that updates the accessible description */
  gboolean describe_stale;    /* the description waits for the next frame */
  double font_scale;
  DsrViewKind kind;
};

G_DEFINE_FINAL_TYPE (DsrChartView, dsr_chart_view, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean update_description_cb (gpointer data);

/* The chart follows the window's theme: dark when libadwaita is dark, the
 * text colour of the widget, and no background of its own. */
static DsrRenderStyle *
make_style (DsrChartView *self)
{
  DsrRenderStyle *style = dsr_widget_style_new (GTK_WIDGET (self), self->font_scale,
                                                gtk_widget_get_width (GTK_WIDGET (self)),
                                                gtk_widget_get_height (GTK_WIDGET (self)));

  dsr_render_style_set_selected (style, self->selected);
  return style;
}

static void
dsr_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DsrChartView *self = DSR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(DsrRenderStyle) style = NULL;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->store == NULL || self->view == NULL)
    return;

  style = make_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&self->layout, dsr_render_layout_free);
  self->layout = dsr_render_view (cr, self->store, self->view, style, width, height);
  self->layout_stale = FALSE;
  cairo_destroy (cr);
  /* The screen reader's description, from this frame's layout, once idle. */
  if (self->describe_stale && self->describe_source == 0)
    self->describe_source = g_idle_add_full (G_PRIORITY_LOW, update_description_cb, self, NULL);
}

/* The layout of the current view: the last frame's, or made now (into a
 * recording surface) when the view changed since. */
static const DsrRenderLayout *
ensure_layout (DsrChartView *self)
{
  int width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(DsrRenderStyle) style = NULL;

  if ((!self->layout_stale && self->layout != NULL) || self->store == NULL || self->view == NULL)
    return self->layout;

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 400);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  style = make_style (self);
  g_clear_pointer (&self->layout, dsr_render_layout_free);
  self->layout = dsr_render_view (cr, self->store, self->view, style, width, height);
  self->layout_stale = FALSE;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return self->layout;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  DsrChartView *self = DSR_CHART_VIEW (widget);
  const DsrHitRegion *hit;
  DsrIndicator *indicator;
  g_autofree char *name = NULL;
  g_autofree char *described = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GString) text = NULL;

  if (ensure_layout (self) == NULL || keyboard)
    return FALSE;
  hit = dsr_render_layout_hit_test (self->layout, x, y);
  if (hit == NULL || hit->name == NULL)
    return FALSE;

  indicator = dsr_store_get_indicator (self->store, self->view->indicator_id);
  described = dsr_render_hit_describe (hit, indicator);
  escaped = g_markup_escape_text (described, -1);
  name = g_markup_escape_text (hit->name, -1);
  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b>", name);
  if (hit->year != 0)
    g_string_append_printf (text, " · %d", hit->year);
  g_string_append_printf (text, "\n%s", escaped);
  gtk_tooltip_set_markup (tooltip, text->str);
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
            DsrChartView    *self)
{
  const DsrHitRegion *hit;

  if (ensure_layout (self) == NULL)
    return;
  hit = dsr_render_layout_hit_test (self->layout, x, y);
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, hit ? hit->entity_id : NULL);
}

static void
style_changed_cb (DsrChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dsr_chart_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dsr_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
dsr_chart_view_dispose (GObject *object)
{
  DsrChartView *self = DSR_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&self->describe_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->view, dsr_view_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->layout, dsr_render_layout_free);

  G_OBJECT_CLASS (dsr_chart_view_parent_class)->dispose (object);
}

static void
dsr_chart_view_class_init (DsrChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_chart_view_dispose;
  widget_class->snapshot = dsr_chart_view_snapshot;
  widget_class->css_changed = dsr_chart_view_css_changed;

  /* The entity under a click (NULL when none): the window selects it everywhere. */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dsr_chart_view_init (DsrChartView *self)
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
}

GtkWidget *
dsr_chart_view_new (DsrViewKind kind)
{
  DsrChartView *self = g_object_new (DSR_TYPE_CHART_VIEW, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

void
dsr_chart_view_set_store (DsrChartView *self,
                          DsrStore     *store)
{
  g_return_if_fail (DSR_IS_CHART_VIEW (self));

  if (g_set_object (&self->store, store))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
update_description_cb (gpointer data)
{
  DsrChartView *self = data;
  g_autofree char *description = NULL;

  self->describe_source = 0;
  self->describe_stale = FALSE;
  description = dsr_chart_view_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return G_SOURCE_REMOVE;
}

/* Takes a copy of @view, drawn with this widget's kind. */
void
dsr_chart_view_set_view (DsrChartView  *self,
                         const DsrView *view)
{
  g_return_if_fail (DSR_IS_CHART_VIEW (self));
  g_return_if_fail (view != NULL);

  g_clear_pointer (&self->view, dsr_view_free);
  self->view = dsr_view_copy (view);
  self->view->kind = self->kind;
  self->layout_stale = TRUE;
  /* The screen reader's description follows the next frame (a hidden page
   * draws none, and costs nothing while the window plays through years). */
  self->describe_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const DsrView *
dsr_chart_view_get_view (DsrChartView *self)
{
  g_return_val_if_fail (DSR_IS_CHART_VIEW (self), NULL);
  return self->view;
}

void
dsr_chart_view_set_selected (DsrChartView *self,
                             const char   *entity_id)
{
  g_return_if_fail (DSR_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->selected, entity_id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (entity_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
dsr_chart_view_get_selected (DsrChartView *self)
{
  g_return_val_if_fail (DSR_IS_CHART_VIEW (self), NULL);
  return self->selected;
}

void
dsr_chart_view_set_font_scale (DsrChartView *self,
                               double        scale)
{
  g_return_if_fail (DSR_IS_CHART_VIEW (self));

  self->font_scale = CLAMP (scale, 0.5, 3.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const DsrRenderLayout *
dsr_chart_view_get_layout (DsrChartView *self)
{
  g_return_val_if_fail (DSR_IS_CHART_VIEW (self), NULL);
  return ensure_layout (self);
}

/* A plain-language description of what the chart shows, for screen readers:
 * the indicator, the year, and each region's value. */
char *
dsr_chart_view_describe (DsrChartView *self)
{
  g_autoptr(GError) error = NULL;
  char *summary;

  g_return_val_if_fail (DSR_IS_CHART_VIEW (self), NULL);

  if (self->store == NULL || self->view == NULL
      || dsr_store_get_indicator (self->store, self->view->indicator_id) == NULL)
    return g_strdup (_("No chart"));
  /* The written summary: the figure's numbers and their caveats, in sentences. */
  summary = dsr_summary_text (self->store, self->view, &error);
  return summary != NULL ? summary : g_strdup (error->message);
}
