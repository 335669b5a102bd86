/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DSR_TYPE_TIMELINE (dsr_timeline_get_type ())
G_DECLARE_FINAL_TYPE (DsrTimeline, dsr_timeline, DSR, TIMELINE, GtkWidget)

/* The year under the figure, as Our World in Data and Gapminder put it: Play
 * and Pause, the year, a slider whose ticks are the years with data, and the
 * speed. Play steps through those years only ("years"), round again after
 * the last, one every "speed" milliseconds. */
GtkWidget *dsr_timeline_new         (void);
void       dsr_timeline_set_years   (DsrTimeline *self,
                                     GArray      *years,
                                     int          first,
                                     int          last);
GArray    *dsr_timeline_get_years   (DsrTimeline *self);
int        dsr_timeline_get_first   (DsrTimeline *self);
int        dsr_timeline_get_last    (DsrTimeline *self);
void       dsr_timeline_set_year    (DsrTimeline *self,
                                     int          year);
int        dsr_timeline_get_year    (DsrTimeline *self);
void       dsr_timeline_set_playing (DsrTimeline *self,
                                     gboolean     playing);
gboolean   dsr_timeline_get_playing (DsrTimeline *self);
void       dsr_timeline_set_speed   (DsrTimeline *self,
                                     int          milliseconds);
int        dsr_timeline_get_speed   (DsrTimeline *self);

G_END_DECLS
