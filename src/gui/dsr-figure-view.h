/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dsr-render.h"
#include "dsr-render-style.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* Which of a figure's properties changed (DsrFigureViewClass.changed). */
typedef enum
{
  DSR_FIGURE_CHANGED_STORE      = 1 << 0,
  DSR_FIGURE_CHANGED_VIEW       = 1 << 1,
  DSR_FIGURE_CHANGED_SELECTED   = 1 << 2,
  DSR_FIGURE_CHANGED_FONT_SCALE = 1 << 3,
  DSR_FIGURE_CHANGED_DATA       = 1 << 4, /* the store's contents, in place */
} DsrFigureChange;

#define DSR_TYPE_FIGURE_VIEW (dsr_figure_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (DsrFigureView, dsr_figure_view, DSR, FIGURE_VIEW, GtkWidget)

/* The base of the map, the charts and the scatter: a figure of a store's
 * DsrView, with the selected entity drawn out and its text scaled
 * (presentation mode). It owns the four properties ("store", "view",
 * "selected", "font-scale", each notified only when it changes), redraws
 * after a change, asks the subclass for the tooltip and the entity under
 * the pointer, emits "entity-activated" on a click, and keeps the accessible
 * description (the subclass's describe) up to date after the next frame.
 *
 * A subclass draws in GtkWidgetClass.snapshot and chains up at the end (the
 * base schedules the description there and draws the children). */
struct _DsrFigureViewClass
{
  GtkWidgetClass parent_class;

  /* Fits a copy of the view the figure is given to what it draws (its
   * kind, say), before it is compared with the current one. */
  void   (*adjust_view) (DsrFigureView  *self,
                         DsrView        *view);
  /* After a change (already notified, with a redraw queued): @what it was;
   * @old_view, while @what has DSR_FIGURE_CHANGED_VIEW, the view before
   * (NULL when there was none), valid during the call. */
  void   (*changed)     (DsrFigureView  *self,
                         DsrFigureChange what,
                         const DsrView  *old_view);
  /* The figure in plain words, for screen readers. The default: the written
   * summary of the view (dsr_summary_text()). */
  char  *(*describe)    (DsrFigureView  *self);
  /* The tooltip's markup at (x, y), NULL for none; @area (preset to an
   * empty rectangle) gets the box it is about when the figure knows it. */
  char  *(*tooltip_at)  (DsrFigureView  *self,
                         double          x,
                         double          y,
                         GdkRectangle   *area);
  /* The entity id at (x, y), NULL when none. */
  char  *(*entity_at)   (DsrFigureView  *self,
                         double          x,
                         double          y);
  /* A press of the primary button: the default emits "entity-activated"
   * with the entity at (x, y). */
  void   (*pressed)     (DsrFigureView  *self,
                         int             n_press,
                         double          x,
                         double          y);

  gpointer padding[8];
};

DsrStore       *dsr_figure_view_get_store      (DsrFigureView *self);
void            dsr_figure_view_set_store      (DsrFigureView *self,
                                                DsrStore      *store);
const DsrView  *dsr_figure_view_get_view       (DsrFigureView *self);
void            dsr_figure_view_set_view       (DsrFigureView *self,
                                                const DsrView *view);
const char     *dsr_figure_view_get_selected   (DsrFigureView *self);
void            dsr_figure_view_set_selected   (DsrFigureView *self,
                                                const char    *entity_id);
double          dsr_figure_view_get_font_scale (DsrFigureView *self);
void            dsr_figure_view_set_font_scale (DsrFigureView *self,
                                                double         scale);
void            dsr_figure_view_data_changed   (DsrFigureView *self);
char           *dsr_figure_view_describe       (DsrFigureView *self);
char           *dsr_figure_view_tooltip_at     (DsrFigureView *self,
                                                double         x,
                                                double         y);
char           *dsr_figure_view_activate_at    (DsrFigureView *self,
                                                double         x,
                                                double         y);

/* For subclasses: the render style of the widget at @width x @height, with
 * the font scale and the selection. */
DsrRenderStyle *dsr_figure_view_make_style     (DsrFigureView *self,
                                                int            width,
                                                int            height);
/* For subclasses' tooltip_at: a hit's box as the tooltip's area. */
void            dsr_figure_view_hit_area       (const DsrRect *rect,
                                                GdkRectangle  *area);

G_END_DECLS
