/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* The class handout: a multi-page PDF, A4 portrait, one page per year of a
 * view (map, bars or table) or one page per view (map, regions, trend,
 * table) of its indicator. Each page has a first line naming the program,
 * a title, the figure (drawn by the same renderers as the exports), the
 * written summary of exactly that figure, its sources (the indicator's
 * source, when it was last updated, its licence and the rules applied) and
 * "Page n of N". No GTK: the command line, the window and the tests make
 * the same file.
 *
 * Built after the map (it draws the map), in its own library: see
 * src/meson.build. */

typedef enum
{
  DSR_HANDOUT_PAGES_AUTO,   /* years, or views for a trend (whose figure has every year) */
  DSR_HANDOUT_PAGES_YEARS,  /* one page per year with values under the view's rules */
  DSR_HANDOUT_PAGES_VIEWS,  /* one page per view of the indicator: map, regions, trend, table */
} DsrHandoutPages;

typedef struct
{
  DsrHandoutPages pages;
  int             year_from;  /* years: only the years from .. to; 0: no limit */
  int             year_to;    /* views: the trend's span when given */
} DsrHandoutOptions;

typedef struct _DsrHandout DsrHandout;

gboolean     dsr_handout_pages_from_string (const char              *str,
                                            DsrHandoutPages         *out);

DsrHandout  *dsr_handout_new               (DsrStore                *store,
                                            const DsrView           *view,
                                            const DsrHandoutOptions *options,
                                            GError                 **error);
void         dsr_handout_free              (DsrHandout              *self);
guint        dsr_handout_get_n_pages       (DsrHandout              *self);
const DsrView *dsr_handout_get_page_view   (DsrHandout              *self,
                                            guint                    index);
guint        dsr_handout_get_n_drawn       (DsrHandout              *self);
gboolean     dsr_handout_draw_next         (DsrHandout              *self,
                                            GError                 **error);
GBytes      *dsr_handout_finish            (DsrHandout              *self,
                                            GError                 **error);

GBytes      *dsr_handout_render            (DsrStore                *store,
                                            const DsrView           *view,
                                            const DsrHandoutOptions *options,
                                            GCancellable            *cancellable,
                                            GError                 **error);
gboolean     dsr_handout_write             (DsrStore                *store,
                                            const DsrView           *view,
                                            const DsrHandoutOptions *options,
                                            const char              *path,
                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrHandout, dsr_handout_free)

G_END_DECLS
