/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-timeline"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "dsr-timeline.h"

/* The speed menu's choices, in milliseconds a year: Fast, Normal, Slow. */
static const int speeds[] = { 500, 1000, 2000 };

#define MIN_SPEED 50
#define MAX_SPEED 60000

struct _DsrTimeline
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkButton *play_button;
  GtkLabel *year_label;
  GtkScale *scale;
  GtkAdjustment *adjustment;
  GtkDropDown *speed_dropdown;

  GArray *years;      /* of int, ascending: the years with data, marked and played */
  int first, last;    /* the slider's ends */
  int year;
  int speed;          /* milliseconds a year */
  guint play_source;
  gboolean updating;  /* TRUE while the timeline sets its own controls */
};

G_DEFINE_FINAL_TYPE (DsrTimeline, dsr_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_YEARS,
  PROP_YEAR,
  PROP_PLAYING,
  PROP_SPEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Playing -------------------------------------------------------------------- */

static gboolean
play_step_cb (gpointer user_data)
{
  DsrTimeline *self = user_data;
  int next = 0;

  if (self->years->len < 2)
    {
      self->play_source = 0;
      dsr_timeline_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  /* The next year with data, round to the first after the last. */
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) > self->year)
      {
        next = g_array_index (self->years, int, i);
        break;
      }
  if (next == 0)
    next = g_array_index (self->years, int, 0);
  dsr_timeline_set_year (self, next);
  return G_SOURCE_CONTINUE;
}

static void
update_play_button (DsrTimeline *self)
{
  gboolean playing = self->play_source != 0;
  /* Translators: the tooltip of the timeline's button while it plays */
  const char *text = playing ? _("Pause") : _("Play through the years");

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* The slider ------------------------------------------------------------------- */

/* Ticks at the years with data; the first and last year written at the ends
 * only, so that the labels never crowd nor widen the window (the year itself
 * is written big beside the slider). */
static void
refresh_scale (DsrTimeline *self)
{
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  self->updating = TRUE;
  gtk_scale_clear_marks (self->scale);
  gtk_adjustment_configure (self->adjustment, CLAMP (self->year, self->first, MAX (self->last, self->first + 1)),
                            self->first, MAX (self->last, self->first + 1), 1, 1, 0);
  if (self->last > self->first)
    {
      first_text = g_strdup_printf ("%d", self->first);
      last_text = g_strdup_printf ("%d", self->last);
    }
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);

      if (year != self->first && year != self->last)
        gtk_scale_add_mark (self->scale, year, GTK_POS_BOTTOM, NULL);
    }
  if (first_text != NULL)
    {
      gtk_scale_add_mark (self->scale, self->first, GTK_POS_BOTTOM, first_text);
      gtk_scale_add_mark (self->scale, self->last, GTK_POS_BOTTOM, last_text);
    }
  /* One year: the year alone, no slider to drag nor anything to play. */
  gtk_widget_set_visible (GTK_WIDGET (self->scale), self->last > self->first);
  gtk_widget_set_visible (GTK_WIDGET (self->play_button), self->years->len >= 2);
  gtk_widget_set_visible (GTK_WIDGET (self->speed_dropdown), self->years->len >= 2);
  self->updating = FALSE;
}

static void
value_changed_cb (DsrTimeline *self)
{
  if (!self->updating)
    dsr_timeline_set_year (self, (int) lround (gtk_adjustment_get_value (self->adjustment)));
}

/* A scroll over the slider changes the year only when the slider has the
 * keyboard focus: scrolling the page never moves the year by surprise. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DsrTimeline              *self)
{
  return !gtk_widget_has_focus (GTK_WIDGET (self->scale));
}

static void
speed_selected_cb (DsrTimeline *self)
{
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  if (!self->updating && selected < G_N_ELEMENTS (speeds))
    dsr_timeline_set_speed (self, speeds[selected]);
}

/* GObject ----------------------------------------------------------------------- */

static void
dsr_timeline_dispose (GObject *object)
{
  DsrTimeline *self = DSR_TIMELINE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->play_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DSR_TYPE_TIMELINE);
  /* The template's root, which no field holds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (dsr_timeline_parent_class)->dispose (object);
}

static void
dsr_timeline_finalize (GObject *object)
{
  DsrTimeline *self = DSR_TIMELINE (object);

  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (dsr_timeline_parent_class)->finalize (object);
}

static void
dsr_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DsrTimeline *self = DSR_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_YEARS:
      g_value_set_boxed (value, self->years);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->play_source != 0);
      break;
    case PROP_SPEED:
      g_value_set_int (value, self->speed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DsrTimeline *self = DSR_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_YEARS:
      dsr_timeline_set_years (self, g_value_get_boxed (value), 0, 0);
      break;
    case PROP_YEAR:
      dsr_timeline_set_year (self, g_value_get_int (value));
      break;
    case PROP_PLAYING:
      dsr_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      dsr_timeline_set_speed (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_timeline_class_init (DsrTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dsr_timeline_dispose;
  object_class->finalize = dsr_timeline_finalize;
  object_class->get_property = dsr_timeline_get_property;
  object_class->set_property = dsr_timeline_set_property;

  /* (A GArray of int, ascending.) */
  properties[PROP_YEARS] = g_param_spec_boxed ("years", NULL, NULL, G_TYPE_ARRAY,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] = g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] = g_param_spec_int ("speed", NULL, NULL, MIN_SPEED, MAX_SPEED, 1000,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/dsr-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, DsrTimeline, adjustment);
  gtk_widget_class_bind_template_child (widget_class, DsrTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, DsrTimeline, scale);
  gtk_widget_class_bind_template_child (widget_class, DsrTimeline, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DsrTimeline, year_label);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, speed_selected_cb);

  gtk_widget_class_install_property_action (widget_class, "timeline.play", "playing");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
dsr_timeline_init (DsrTimeline *self)
{
  GtkEventController *scroll;

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->speed = 1000;
  self->updating = TRUE; /* the template's signals, while it is built */
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scale), scroll);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->speed_dropdown, 1);
  self->updating = FALSE;
  update_play_button (self);
  refresh_scale (self);
}

GtkWidget *
dsr_timeline_new (void)
{
  return g_object_new (DSR_TYPE_TIMELINE, NULL);
}

/* Public ------------------------------------------------------------------------- */

/**
 * dsr_timeline_set_years:
 * @years: (element-type int) (nullable): the years with data, ascending
 * @first: the slider's first year, or 0 for the first of @years
 * @last: its last year, or 0 for the last of @years
 *
 * The years are marked on the slider and Play steps through them.
 */
void
dsr_timeline_set_years (DsrTimeline *self,
                        GArray      *years,
                        int          first,
                        int          last)
{
  g_return_if_fail (DSR_IS_TIMELINE (self));

  g_array_set_size (self->years, 0);
  if (years != NULL)
    g_array_append_vals (self->years, years->data, years->len);
  if (first == 0 && self->years->len > 0)
    first = g_array_index (self->years, int, 0);
  if (last == 0 && self->years->len > 0)
    last = g_array_index (self->years, int, self->years->len - 1);
  self->first = first;
  self->last = MAX (first, last);
  if (self->years->len < 2)
    dsr_timeline_set_playing (self, FALSE);
  refresh_scale (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEARS]);
}

/* Returns: (transfer none) (element-type int): the years with data */
GArray *
dsr_timeline_get_years (DsrTimeline *self)
{
  g_return_val_if_fail (DSR_IS_TIMELINE (self), NULL);
  return self->years;
}

int
dsr_timeline_get_first (DsrTimeline *self)
{
  g_return_val_if_fail (DSR_IS_TIMELINE (self), 0);
  return self->first;
}

int
dsr_timeline_get_last (DsrTimeline *self)
{
  g_return_val_if_fail (DSR_IS_TIMELINE (self), 0);
  return self->last;
}

void
dsr_timeline_set_year (DsrTimeline *self,
                       int          year)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DSR_IS_TIMELINE (self));

  year = CLAMP (year, 0, 9999);
  if (year == self->year)
    return;
  self->year = year;
  text = year != 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
  gtk_label_set_text (self->year_label, text);
  self->updating = TRUE;
  gtk_adjustment_set_value (self->adjustment, year);
  self->updating = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
dsr_timeline_get_year (DsrTimeline *self)
{
  g_return_val_if_fail (DSR_IS_TIMELINE (self), 0);
  return self->year;
}

/* Play starts only with two years or more to step through. */
void
dsr_timeline_set_playing (DsrTimeline *self,
                          gboolean     playing)
{
  g_return_if_fail (DSR_IS_TIMELINE (self));

  playing = playing && self->years->len >= 2;
  if (playing == (self->play_source != 0))
    return;
  if (playing)
    self->play_source = g_timeout_add ((guint) self->speed, play_step_cb, self);
  else
    g_clear_handle_id (&self->play_source, g_source_remove);
  update_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
dsr_timeline_get_playing (DsrTimeline *self)
{
  g_return_val_if_fail (DSR_IS_TIMELINE (self), FALSE);
  return self->play_source != 0;
}

/* The speed menu shows the nearest of its choices; a change while playing
 * takes effect at once. */
void
dsr_timeline_set_speed (DsrTimeline *self,
                        int          milliseconds)
{
  guint nearest = 0;

  g_return_if_fail (DSR_IS_TIMELINE (self));

  milliseconds = CLAMP (milliseconds, MIN_SPEED, MAX_SPEED);
  if (milliseconds == self->speed)
    return;
  self->speed = milliseconds;
  for (guint i = 1; i < G_N_ELEMENTS (speeds); i++)
    if (ABS (speeds[i] - milliseconds) < ABS (speeds[nearest] - milliseconds))
      nearest = i;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->speed_dropdown, nearest);
  self->updating = FALSE;
  if (self->play_source != 0)
    {
      g_source_remove (self->play_source);
      self->play_source = g_timeout_add ((guint) self->speed, play_step_cb, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

int
dsr_timeline_get_speed (DsrTimeline *self)
{
  g_return_val_if_fail (DSR_IS_TIMELINE (self), 0);
  return self->speed;
}
