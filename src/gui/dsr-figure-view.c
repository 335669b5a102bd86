/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-figure-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dsr-figure-view.h"
#include "dsr-summary.h"
#include "dsr-widget-style.h"

#define FONT_SCALE_MIN 0.5
#define FONT_SCALE_MAX 3.0

typedef struct
{
  DsrStore *store;
  DsrView *view;              /* a copy, fitted by the subclass */
  char *selected;             /* entity id, or NULL */
  double font_scale;          /* presentation mode: larger type */
  guint describe_source;      /* an idle that updates the accessible description */
  gboolean describe_stale;    /* the description waits for the next frame */
} DsrFigureViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DsrFigureView, dsr_figure_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  PROP_SELECTED,
  PROP_FONT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Whether two views draw the same figure (every field: NULL only equals NULL). */
static gboolean
views_equal (const DsrView *a,
             const DsrView *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if ((a->regions == NULL) != (b->regions == NULL)
      || (a->regions != NULL && !g_strv_equal ((const char * const *) a->regions,
                                               (const char * const *) b->regions)))
    return FALSE;
  return a->kind == b->kind && g_strcmp0 (a->indicator_id, b->indicator_id) == 0
         && g_strcmp0 (a->y_indicator_id, b->y_indicator_id) == 0 && a->year == b->year
         && a->year_from == b->year_from && a->year_to == b->year_to
         && g_strcmp0 (a->grouping_id, b->grouping_id) == 0 && a->compare == b->compare
         && a->aggregation == b->aggregation && a->min_coverage == b->min_coverage
         && a->tolerance == b->tolerance && a->membership == b->membership
         && a->map_regions == b->map_regions && a->width == b->width && a->height == b->height
         && a->scale == b->scale && a->scheme == b->scheme && a->show_fit == b->show_fit
         && a->size_by_population == b->size_by_population;
}

/* Tells the subclass, redraws, and (for what the description says) lets the
 * next frame describe the figure again. */
static void
changed (DsrFigureView   *self,
         DsrFigureChange  what,
         const DsrView   *old_view)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);
  DsrFigureViewClass *klass = DSR_FIGURE_VIEW_GET_CLASS (self);

  if (what & (DSR_FIGURE_CHANGED_STORE | DSR_FIGURE_CHANGED_VIEW | DSR_FIGURE_CHANGED_DATA))
    /* A hidden page draws no frame, and so costs nothing while the window
     * plays through the years. */
    priv->describe_stale = TRUE;
  if (klass->changed != NULL)
    klass->changed (self, what, old_view);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
update_description_cb (gpointer data)
{
  DsrFigureView *self = data;
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);
  g_autofree char *description = NULL;

  priv->describe_source = 0;
  priv->describe_stale = FALSE;
  description = dsr_figure_view_describe (self);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  return G_SOURCE_REMOVE;
}

/* The subclass has drawn (it chains up last): the screen reader's
 * description follows this frame, once idle; then the children. */
static void
dsr_figure_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DsrFigureView *self = DSR_FIGURE_VIEW (widget);
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  if (priv->describe_stale && priv->describe_source == 0
      && gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0)
    priv->describe_source = g_idle_add_full (G_PRIORITY_LOW, update_description_cb, self, NULL);
  GTK_WIDGET_CLASS (dsr_figure_view_parent_class)->snapshot (widget, snapshot);
}

static gboolean
dsr_figure_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  DsrFigureViewClass *klass = DSR_FIGURE_VIEW_GET_CLASS (widget);
  GdkRectangle area = { 0, 0, 0, 0 };
  g_autofree char *markup = NULL;

  if (keyboard || klass->tooltip_at == NULL
      || (markup = klass->tooltip_at (DSR_FIGURE_VIEW (widget), x, y, &area)) == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  if (area.width > 0 && area.height > 0)
    gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
dsr_figure_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dsr_figure_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DsrFigureView   *self)
{
  DsrFigureViewClass *klass = DSR_FIGURE_VIEW_GET_CLASS (self);

  if (klass->pressed != NULL)
    klass->pressed (self, n_press, x, y);
}

static void
dsr_figure_view_real_pressed (DsrFigureView *self,
                              int            n_press,
                              double         x,
                              double         y)
{
  g_autofree char *id = dsr_figure_view_activate_at (self, x, y);
}

/* The default description: the written summary of the view. */
static char *
dsr_figure_view_real_describe (DsrFigureView *self)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  char *summary;

  if (priv->store == NULL || priv->view == NULL
      || dsr_store_get_indicator (priv->store, priv->view->indicator_id) == NULL)
    return g_strdup (_("No chart"));
  summary = dsr_summary_text (priv->store, priv->view, &error);
  return summary != NULL ? summary : g_strdup (error->message);
}

static void
dsr_figure_view_dispose (GObject *object)
{
  DsrFigureView *self = DSR_FIGURE_VIEW (object);
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&priv->describe_source, g_source_remove);
  g_clear_object (&priv->store);
  g_clear_pointer (&priv->view, dsr_view_free);
  g_clear_pointer (&priv->selected, g_free);

  G_OBJECT_CLASS (dsr_figure_view_parent_class)->dispose (object);
}

static void
dsr_figure_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DsrFigureView *self = DSR_FIGURE_VIEW (object);
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_VIEW:
      g_value_set_boxed (value, priv->view);
      break;
    case PROP_SELECTED:
      g_value_set_string (value, priv->selected);
      break;
    case PROP_FONT_SCALE:
      g_value_set_double (value, priv->font_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_figure_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DsrFigureView *self = DSR_FIGURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dsr_figure_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      dsr_figure_view_set_view (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      dsr_figure_view_set_selected (self, g_value_get_string (value));
      break;
    case PROP_FONT_SCALE:
      dsr_figure_view_set_font_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_figure_view_class_init (DsrFigureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_figure_view_dispose;
  object_class->get_property = dsr_figure_view_get_property;
  object_class->set_property = dsr_figure_view_set_property;
  widget_class->snapshot = dsr_figure_view_snapshot;
  widget_class->query_tooltip = dsr_figure_view_query_tooltip;
  widget_class->css_changed = dsr_figure_view_css_changed;
  klass->describe = dsr_figure_view_real_describe;
  klass->pressed = dsr_figure_view_real_pressed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DSR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set: a copy is kept, fitted to the figure (its kind). */
  properties[PROP_VIEW] =
    g_param_spec_boxed ("view", NULL, NULL, DSR_TYPE_VIEW,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The selected entity's id (a region, an economy), or NULL. */
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL, FONT_SCALE_MIN, FONT_SCALE_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The entity under a click (NULL when none): the window selects it everywhere. */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dsr_figure_view_init (DsrFigureView *self)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);
  GtkGesture *click = gtk_gesture_click_new ();

  priv->font_scale = 1.0;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  /* The figure follows the window's theme. */
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (gtk_widget_queue_draw), self);
}

DsrStore *
dsr_figure_view_get_store (DsrFigureView *self)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), NULL);
  return priv->store;
}

void
dsr_figure_view_set_store (DsrFigureView *self,
                           DsrStore      *store)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_return_if_fail (DSR_IS_FIGURE_VIEW (self));
  g_return_if_fail (store == NULL || DSR_IS_STORE (store));

  if (!g_set_object (&priv->store, store))
    return;
  changed (self, DSR_FIGURE_CHANGED_STORE, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* The view drawn (borrowed), or NULL before the first. */
const DsrView *
dsr_figure_view_get_view (DsrFigureView *self)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), NULL);
  return priv->view;
}

/* Keeps a copy of @view (nullable), fitted to the figure by the subclass;
 * nothing happens when it draws the same figure as before. */
void
dsr_figure_view_set_view (DsrFigureView *self,
                          const DsrView *view)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);
  DsrFigureViewClass *klass;
  g_autoptr(DsrView) copy = NULL;
  g_autoptr(DsrView) old = NULL;

  g_return_if_fail (DSR_IS_FIGURE_VIEW (self));

  klass = DSR_FIGURE_VIEW_GET_CLASS (self);
  if (view != NULL)
    {
      copy = dsr_view_copy (view);
      if (klass->adjust_view != NULL)
        klass->adjust_view (self, copy);
    }
  if (views_equal (priv->view, copy))
    return;
  old = g_steal_pointer (&priv->view);
  priv->view = g_steal_pointer (&copy);
  changed (self, DSR_FIGURE_CHANGED_VIEW, old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
dsr_figure_view_get_selected (DsrFigureView *self)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), NULL);
  return priv->selected;
}

void
dsr_figure_view_set_selected (DsrFigureView *self,
                              const char    *entity_id)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_return_if_fail (DSR_IS_FIGURE_VIEW (self));

  if (g_strcmp0 (priv->selected, entity_id) == 0)
    return;
  g_free (priv->selected);
  priv->selected = g_strdup (entity_id);
  changed (self, DSR_FIGURE_CHANGED_SELECTED, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

double
dsr_figure_view_get_font_scale (DsrFigureView *self)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), 1.0);
  return priv->font_scale;
}

/* @scale multiplies the type's size (presentation mode), within 0.5 to 3. */
void
dsr_figure_view_set_font_scale (DsrFigureView *self,
                                double         scale)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);

  g_return_if_fail (DSR_IS_FIGURE_VIEW (self));

  scale = CLAMP (scale, FONT_SCALE_MIN, FONT_SCALE_MAX);
  if (scale == priv->font_scale)
    return;
  priv->font_scale = scale;
  changed (self, DSR_FIGURE_CHANGED_FONT_SCALE, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

/* The store's contents changed in place (an import, say), not the store or
 * the view: the figure is drawn and described again. */
void
dsr_figure_view_data_changed (DsrFigureView *self)
{
  g_return_if_fail (DSR_IS_FIGURE_VIEW (self));
  changed (self, DSR_FIGURE_CHANGED_DATA, NULL);
}

/* What the figure shows in plain words (what screen readers are given). */
char *
dsr_figure_view_describe (DsrFigureView *self)
{
  DsrFigureViewClass *klass;

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), NULL);

  klass = DSR_FIGURE_VIEW_GET_CLASS (self);
  return klass->describe != NULL ? klass->describe (self) : NULL;
}

/* The tooltip's markup at (x, y), or NULL: what hovering there shows. */
char *
dsr_figure_view_tooltip_at (DsrFigureView *self,
                            double         x,
                            double         y)
{
  DsrFigureViewClass *klass;
  GdkRectangle area = { 0, 0, 0, 0 };

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), NULL);

  klass = DSR_FIGURE_VIEW_GET_CLASS (self);
  return klass->tooltip_at != NULL ? klass->tooltip_at (self, x, y, &area) : NULL;
}

/* A click at (x, y): emits "entity-activated" with the entity there (NULL
 * when none) and returns its id. */
char *
dsr_figure_view_activate_at (DsrFigureView *self,
                             double         x,
                             double         y)
{
  DsrFigureViewClass *klass;
  char *id;

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), NULL);

  klass = DSR_FIGURE_VIEW_GET_CLASS (self);
  id = klass->entity_at != NULL ? klass->entity_at (self, x, y) : NULL;
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, id);
  return id;
}

DsrRenderStyle *
dsr_figure_view_make_style (DsrFigureView *self,
                            int            width,
                            int            height)
{
  DsrFigureViewPrivate *priv = dsr_figure_view_get_instance_private (self);
  DsrRenderStyle *style;

  g_return_val_if_fail (DSR_IS_FIGURE_VIEW (self), NULL);

  style = dsr_widget_style_new (GTK_WIDGET (self), priv->font_scale, width, height);
  dsr_render_style_set_selected (style, priv->selected);
  return style;
}

/**
 * dsr_figure_view_hit_area:
 * @rect: a hit region's box, in the widget's pixels
 * @area: (out): the tooltip's area: @rect in whole pixels, at least one each
 *   way (a zero-width bar still has a tooltip)
 */
void
dsr_figure_view_hit_area (const DsrRect *rect,
                          GdkRectangle  *area)
{
  g_return_if_fail (rect != NULL);
  g_return_if_fail (area != NULL);

  *area = (GdkRectangle) { (int) rect->x, (int) rect->y, MAX (1, (int) rect->width), MAX (1, (int) rect->height) };
}
