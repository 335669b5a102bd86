/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "dsr-format.h"
#include "dsr-map-borders.h"
#include "dsr-map-summary.h"
#include "dsr-map-view.h"
#include "dsr-widget-style.h"

struct _DsrMapView
{
  GtkWidget parent_instance;

  GtkWidget *reset_button;     /* shown while zoomed */

  DsrStore *store;
  DsrMapData *borders;         /* decoded once */
  GError *error;               /* why the borders could not be loaded */
  DsrView *view;
  DsrMapTransform transform;
  DsrMapLayout *layout;        /* of the last render */
  gboolean layout_stale;       /* the view changed since */
  guint describe_source;       /* an idle that updates the accessible description */
  gboolean describe_stale;     /* the description waits for the next frame */
  char *selected;
  double font_scale;
  int width;                   /* the size the layout was made for */
  int height;

  double drag_dx;              /* the pan already applied by the current drag */
  double drag_dy;
  double pinch_zoom;           /* the zoom when the pinch began */
};

G_DEFINE_FINAL_TYPE (DsrMapView, dsr_map_view, GTK_TYPE_WIDGET)

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean update_description_cb (gpointer data);

static void
render (DsrMapView *self,
        cairo_t    *cr,
        int         width,
        int         height)
{
  g_autoptr(DsrRenderStyle) style = NULL;
  DsrMapOptions options;
  DsrMapLayout *layout = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->view == NULL || self->borders == NULL)
    return;

  style = dsr_widget_style_new (GTK_WIDGET (self), self->font_scale, width, height);
  dsr_render_style_set_selected (style, self->selected);
  dsr_map_options_init (&options);
  options.style = style;
  options.transform = self->transform;
  self->view->width = width;
  self->view->height = height;
  if (!dsr_map_render (cr, self->store, self->borders, self->view, &options, &layout, &error))
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
  self->width = width;
  self->height = height;
}

/* Renders into nothing, so that the layout (hit tests, descriptions) is up to
 * date before the next frame. */
static const DsrMapLayout *
ensure_layout (DsrMapView *self)
{
  if (!self->layout_stale)
    return self->layout;
  {
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 400);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  render (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  }
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

  if (width > 0 && height > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      render (self, cr, width, height);
          cairo_destroy (cr);
      /* The screen reader's description, from this frame's layout, once idle. */
      if (self->describe_stale && self->describe_source == 0)
        self->describe_source = g_idle_add_full (G_PRIORITY_LOW, update_description_cb, self, NULL);
    }
  gtk_widget_snapshot_child (widget, self->reset_button, snapshot);
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

/* The economy or region a click at (x, y) selects; NULL in the sea. */
const char *
dsr_map_view_activate_at (DsrMapView *self,
                          double      x,
                          double      y)
{
  const DsrMapHit *hit;
  const char *id = NULL;

  g_return_val_if_fail (DSR_IS_MAP_VIEW (self), NULL);

  if (ensure_layout (self) != NULL && (hit = dsr_map_layout_hit_test (self->layout, x, y)) != NULL)
    {
      if (hit->value != NULL && hit->value->region != NULL && self->layout->values != NULL
          && self->layout->values->mode == DSR_MAP_MODE_REGION)
        id = hit->value->region->entity_id;
      else
        id = hit->entity_id;
    }
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, id);
  return id;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DsrMapView      *self)
{
  if (n_press == 2)
    dsr_map_view_zoom_at (self, 2.0, x, y);
  else
    dsr_map_view_activate_at (self, x, y);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  DsrMapView *self = DSR_MAP_VIEW (widget);
  const DsrMapHit *hit;
  const DsrMapValue *value;
  g_autoptr(GString) text = NULL;
  g_autofree char *escaped = NULL;

  if (ensure_layout (self) == NULL || keyboard
      || (hit = dsr_map_layout_hit_test (self->layout, x, y)) == NULL)
    return FALSE;

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
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static void
style_changed_cb (DsrMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dsr_map_view_dispose (GObject *object)
{
  DsrMapView *self = DSR_MAP_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&self->describe_source, g_source_remove);
  g_clear_pointer (&self->reset_button, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->borders);
  g_clear_error (&self->error);
  g_clear_pointer (&self->view, dsr_view_free);
  g_clear_pointer (&self->layout, dsr_map_layout_unref);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (dsr_map_view_parent_class)->dispose (object);
}

static void
dsr_map_view_class_init (DsrMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_map_view_dispose;
  widget_class->snapshot = dsr_map_view_snapshot;
  widget_class->size_allocate = dsr_map_view_size_allocate;
  widget_class->measure = dsr_map_view_measure;

  /* The economy (or region) under a click; NULL in the sea. */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dsr_map_view_init (DsrMapView *self)
{
  GtkEventController *scroll;
  GtkGesture *drag, *click, *zoom;

  self->font_scale = 1.0;
  dsr_map_transform_init (&self->transform);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
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

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (style_changed_cb), self);

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

void
dsr_map_view_set_store (DsrMapView *self,
                        DsrStore   *store)
{
  g_return_if_fail (DSR_IS_MAP_VIEW (self));

  if (g_set_object (&self->store, store))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
update_description_cb (gpointer data)
{
  DsrMapView *self = data;
  g_autofree char *description = NULL;

  self->describe_source = 0;
  self->describe_stale = FALSE;
  description = dsr_map_view_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return G_SOURCE_REMOVE;
}

void
dsr_map_view_set_view (DsrMapView    *self,
                       const DsrView *view)
{
  g_return_if_fail (DSR_IS_MAP_VIEW (self));
  g_return_if_fail (view != NULL);

  g_clear_pointer (&self->view, dsr_view_free);
  self->view = dsr_view_copy (view);
  self->view->kind = DSR_VIEW_MAP;
  self->layout_stale = TRUE;
  self->describe_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dsr_map_view_set_selected (DsrMapView *self,
                           const char *entity_id)
{
  g_return_if_fail (DSR_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->selected, entity_id) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (entity_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
dsr_map_view_get_selected (DsrMapView *self)
{
  g_return_val_if_fail (DSR_IS_MAP_VIEW (self), NULL);
  return self->selected;
}

void
dsr_map_view_set_font_scale (DsrMapView *self,
                             double      scale)
{
  g_return_if_fail (DSR_IS_MAP_VIEW (self));

  self->font_scale = CLAMP (scale, 0.5, 3.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

/* For screen readers: what the map shows, region by region (or the number of
 * economies with values in country mode). */
char *
dsr_map_view_describe (DsrMapView *self)
{
  const DsrMapValues *values;

  g_return_val_if_fail (DSR_IS_MAP_VIEW (self), NULL);

  if (ensure_layout (self) == NULL || (values = self->layout->values) == NULL
      || values->indicator == NULL)
    return g_strdup (self->error ? self->error->message : _("No map"));

  /* The written summary of what the last frame painted. */
  return dsr_map_summary_text (values);
}
