/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-map-borders.h"
#include "dsr-map-summary.h"
#include "dsr-map-view.h"

struct _DsrMapView
{
  DsrFigureView parent_instance;

  GtkWidget *reset_button;     /* shown while zoomed */

  DsrMapData *borders;         /* decoded once */
  GError *error;               /* why the borders could not be loaded */
  DsrMapTransform transform;
  DsrMapLayout *layout;        /* of the last render */
  gboolean layout_stale;       /* the figure changed since */

  double drag_dx;              /* the pan already applied by the current drag */
  double drag_dy;
  double pinch_zoom;           /* the zoom when the pinch began */
};

G_DEFINE_FINAL_TYPE (DsrMapView, dsr_map_view, DSR_TYPE_FIGURE_VIEW)

static void
render (DsrMapView *self,
        cairo_t    *cr,
        int         width,
        int         height)
{
  DsrFigureView *figure = DSR_FIGURE_VIEW (self);
  DsrStore *store = dsr_figure_view_get_store (figure);
  const DsrView *figure_view = dsr_figure_view_get_view (figure);
  g_autoptr(DsrRenderStyle) style = NULL;
  DsrMapOptions options;
  DsrMapLayout *layout = NULL;
  DsrView view;
  g_autoptr(GError) error = NULL;

  if (store == NULL || figure_view == NULL || self->borders == NULL)
    return;

  style = dsr_figure_view_make_style (figure, width, height);
  dsr_map_options_init (&options);
  options.style = style;
  options.transform = self->transform;
  /* The view at this size (its strings borrowed: the render copies what it keeps). */
  view = *figure_view;
  view.width = width;
  view.height = height;
  if (!dsr_map_render (cr, store, self->borders, &view, &options, &layout, &error))
    {
      /* No data for the year, say: the window shows its empty page instead. */
      g_debug ("The map is not drawn: %s", error->message);
      g_clear_pointer (&self->layout, dsr_map_layout_unref);
      self->layout_stale = FALSE;
      return;
    }
  g_clear_pointer (&self->layout, dsr_map_layout_unref);
  self->layout = layout;
  self->layout_stale = FALSE;
}

/* Renders into nothing, so that the layout (hit tests, descriptions) is up to
 * date before the next frame. */
static const DsrMapLayout *
ensure_layout (DsrMapView *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!self->layout_stale)
    return self->layout;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  render (self, cr, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640),
          MAX (gtk_widget_get_height (GTK_WIDGET (self)), 400));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return self->layout;
}

static void
dsr_map_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  DsrMapView *self = DSR_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  /* Drawn afresh in each frame the figure changes, as vectors. Kept images
   * were tried under Xvfb's GSK cairo renderer and are slower there (a year
   * step's median 12-13 ms as vectors): an image painted onto the X
   * surface is uploaded in every frame (GdkMemoryTexture 41-48 ms, a cairo
   * image 15-20 ms with steps of 65 ms), and a kept X pixmap drawn into
   * while the last frame's node still holds it is copied back first
   * (68 ms; two pixmaps in turn, 14.5-15 ms). A kept mask of the borders
   * in the recording saves their stroke but costs as much to composite.
   * What is left is cairo's (1.16, measured with callgrind): the renderer
   * replays this recording into a new image of the widget's size (16% of
   * the frame's instructions are that image's allocation), then
   * composites it, and the countries' scan conversion is 21%. */
  if (width > 0 && height > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      render (self, cr, width, height);
      cairo_destroy (cr);
    }
  /* The description, from this frame's layout; the reset button. */
  GTK_WIDGET_CLASS (dsr_map_view_parent_class)->snapshot (widget, snapshot);
}

static void
dsr_map_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  DsrMapView *self = DSR_MAP_VIEW (widget);
  GtkRequisition size;

  gtk_widget_get_preferred_size (self->reset_button, NULL, &size);
  gtk_widget_allocate (self->reset_button, size.width, size.height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - size.width - 12,
                                                                            height - size.height - 12)));
}

static void
dsr_map_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 560;
}

static void
update_reset_button (DsrMapView *self)
{
  gtk_widget_set_visible (self->reset_button, !dsr_map_transform_is_identity (&self->transform));
}

static void
transform_changed (DsrMapView *self)
{
  if (self->layout != NULL)
    dsr_map_transform_clamp (&self->transform, self->layout->map_area.x, self->layout->map_area.y,
                             self->layout->map_area.width, self->layout->map_area.height);
  update_reset_button (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dsr_map_view_zoom_at (DsrMapView *self,
                      double      factor,
                      double      x,
                      double      y)
{
  g_return_if_fail (DSR_IS_MAP_VIEW (self));

  dsr_map_transform_zoom_at (&self->transform, factor, x, y);
  transform_changed (self);
}

void
dsr_map_view_reset_zoom (DsrMapView *self)
{
  g_return_if_fail (DSR_IS_MAP_VIEW (self));

  dsr_map_transform_init (&self->transform);
  transform_changed (self);
}

double
dsr_map_view_get_zoom (DsrMapView *self)
{
  g_return_val_if_fail (DSR_IS_MAP_VIEW (self), 1.0);
  return self->transform.zoom;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DsrMapView               *self)
{
  double x, y;
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (event == NULL || !gdk_event_get_position (event, &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  dsr_map_view_zoom_at (self, pow (1.2, -dy), x, y);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               DsrMapView     *self)
{
  self->drag_dx = 0;
  self->drag_dy = 0;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                DsrMapView     *self)
{
  if (self->transform.zoom <= DSR_MAP_ZOOM_MIN)
    return;
  dsr_map_transform_pan (&self->transform, offset_x - self->drag_dx, offset_y - self->drag_dy);
  self->drag_dx = offset_x;
  self->drag_dy = offset_y;
  transform_changed (self);
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               DsrMapView       *self)
{
  self->pinch_zoom = self->transform.zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       DsrMapView     *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  dsr_map_view_zoom_at (self, (self->pinch_zoom * scale) / self->transform.zoom, x, y);
}

static const DsrMapHit *
hit_at (DsrMapView *self,
        double      x,
        double      y)
{
  return ensure_layout (self) != NULL ? dsr_map_layout_hit_test (self->layout, x, y) : NULL;
}

/* The economy or region a click at (x, y) selects; NULL in the sea. */
static char *
dsr_map_view_entity_at (DsrFigureView *figure,
                        double         x,
                        double         y)
{
  DsrMapView *self = DSR_MAP_VIEW (figure);
  const DsrMapHit *hit = hit_at (self, x, y);

  if (hit == NULL)
    return NULL;
  if (hit->value != NULL && hit->value->region != NULL && self->layout->values != NULL
      && self->layout->values->mode == DSR_MAP_MODE_REGION)
    return g_strdup (hit->value->region->entity_id);
  return g_strdup (hit->entity_id);
}

/* A double click zooms in there; a click selects. */
static void
dsr_map_view_pressed (DsrFigureView *figure,
                      int            n_press,
                      double         x,
                      double         y)
{
  if (n_press == 2)
    dsr_map_view_zoom_at (DSR_MAP_VIEW (figure), 2.0, x, y);
  else
    DSR_FIGURE_VIEW_CLASS (dsr_map_view_parent_class)->pressed (figure, n_press, x, y);
}

static char *
dsr_map_view_tooltip_at (DsrFigureView *figure,
                         double         x,
                         double         y,
                         GdkRectangle  *area)
{
  DsrMapView *self = DSR_MAP_VIEW (figure);
  const DsrMapHit *hit = hit_at (self, x, y);
  const DsrMapValue *value;
  GString *text;
  g_autofree char *escaped = NULL;

  if (hit == NULL)
    return NULL;

  value = hit->value;
  text = g_string_new (NULL);
  escaped = g_markup_escape_text (hit->name ? hit->name : "", -1);
  g_string_append_printf (text, "<b>%s</b>", escaped);
  if (value == NULL)
    g_string_append_printf (text, "\n%s", dsr_map_values_non_member_label (self->layout->values));
  else
    {
      /* Region mode: the region's figure, named as the region's; country
       * mode: the economy's own value and its year. */
      g_autofree char *described = dsr_map_values_describe (self->layout->values, value);
      g_autofree char *body = g_markup_escape_text (described, -1);

      g_string_append_printf (text, "\n%s", body);
    }
  return g_string_free (text, FALSE);
}

static void
dsr_map_view_adjust_view (DsrFigureView *figure,
                          DsrView       *view)
{
  view->kind = DSR_VIEW_MAP;
}

static void
dsr_map_view_changed (DsrFigureView   *figure,
                      DsrFigureChange  what,
                      const DsrView   *old_view)
{
  /* The layout (hit regions, the legend) follows the figure and its type size. */
  if (what != DSR_FIGURE_CHANGED_SELECTED)
    DSR_MAP_VIEW (figure)->layout_stale = TRUE;
}

/* For screen readers: what the map shows, region by region (or the number of
 * economies with values in country mode). */
static char *
dsr_map_view_describe (DsrFigureView *figure)
{
  DsrMapView *self = DSR_MAP_VIEW (figure);
  const DsrMapValues *values;

  if (ensure_layout (self) == NULL || (values = self->layout->values) == NULL
      || values->indicator == NULL)
    return g_strdup (self->error ? self->error->message : _("No map"));

  /* The written summary of what the last frame painted. */
  return dsr_map_summary_text (values);
}

static void
dsr_map_view_dispose (GObject *object)
{
  DsrMapView *self = DSR_MAP_VIEW (object);

  g_clear_pointer (&self->reset_button, gtk_widget_unparent);
  g_clear_object (&self->borders);
  g_clear_error (&self->error);
  g_clear_pointer (&self->layout, dsr_map_layout_unref);

  G_OBJECT_CLASS (dsr_map_view_parent_class)->dispose (object);
}

static void
dsr_map_view_class_init (DsrMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DsrFigureViewClass *figure_class = DSR_FIGURE_VIEW_CLASS (klass);

  object_class->dispose = dsr_map_view_dispose;
  widget_class->snapshot = dsr_map_view_snapshot;
  widget_class->size_allocate = dsr_map_view_size_allocate;
  widget_class->measure = dsr_map_view_measure;
  figure_class->adjust_view = dsr_map_view_adjust_view;
  figure_class->changed = dsr_map_view_changed;
  figure_class->describe = dsr_map_view_describe;
  figure_class->tooltip_at = dsr_map_view_tooltip_at;
  figure_class->entity_at = dsr_map_view_entity_at;
  figure_class->pressed = dsr_map_view_pressed;

  gtk_widget_class_set_css_name (widget_class, "map");
}

static void
dsr_map_view_init (DsrMapView *self)
{
  GtkEventController *scroll;
  GtkGesture *drag, *zoom;

  dsr_map_transform_init (&self->transform);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->reset_button = gtk_button_new_from_icon_name ("zoom-original-symbolic");
  gtk_widget_set_tooltip_text (self->reset_button, _("Show the Whole World"));
  gtk_widget_add_css_class (self->reset_button, "osd");
  gtk_widget_add_css_class (self->reset_button, "circular");
  gtk_widget_set_visible (self->reset_button, FALSE);
  gtk_widget_set_parent (self->reset_button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (dsr_map_view_reset_zoom), self);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  /* The borders are decoded once per process and shared. */
  self->borders = dsr_map_data_load_bundled (&self->error);
  if (self->borders == NULL)
    g_warning ("The map borders could not be loaded: %s", self->error->message);
}

GtkWidget *
dsr_map_view_new (void)
{
  return g_object_new (DSR_TYPE_MAP_VIEW, NULL);
}

const DsrMapLayout *
dsr_map_view_get_layout (DsrMapView *self)
{
  g_return_val_if_fail (DSR_IS_MAP_VIEW (self), NULL);
  return ensure_layout (self);
}

GError *
dsr_map_view_get_error (DsrMapView *self)
{
  g_return_val_if_fail (DSR_IS_MAP_VIEW (self), NULL);
  return self->error;
}
