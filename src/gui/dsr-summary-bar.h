/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* The written summary of the visible figure, under it: selectable text and
 * a Copy button, shown or hidden by the "show-summary" action (remembered
 * in GSettings). The text is made only while the bar is shown, after the
 * view changed and the main loop is idle (Play does not wait for it). */

#define DSR_TYPE_SUMMARY_BAR (dsr_summary_bar_get_type ())
G_DECLARE_FINAL_TYPE (DsrSummaryBar, dsr_summary_bar, DSR, SUMMARY_BAR, AdwBin)

GtkWidget  *dsr_summary_bar_new          (void);
void        dsr_summary_bar_set_view     (DsrSummaryBar *self,
                                          DsrStore      *store,
                                          const DsrView *view);
const char *dsr_summary_bar_get_text     (DsrSummaryBar *self);
gboolean    dsr_summary_bar_get_revealed (DsrSummaryBar *self);
void        dsr_summary_bar_set_revealed (DsrSummaryBar *self,
                                          gboolean       revealed);
void        dsr_summary_bar_add_action   (DsrSummaryBar *self,
                                          GActionMap    *map,
                                          GSettings     *settings);

G_END_DECLS
