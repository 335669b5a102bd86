/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dsr-chart-data.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* The written summary of a view: a few sentences, in the user's language,
 * made from exactly the numbers the view draws (DsrChartData for the charts,
 * DsrMapValues for the map), with the caveats the figure shows (coverage,
 * computed or reported, regions with too little data, the paper's printed
 * values). Used as alt text: the window under the figure and as the
 * accessible description, SVG <desc>, PDF subject, PNG tEXt, the CSV's
 * summary line, and `dsr-atlas --summary`.
 *
 * dsr_summary_text() covers every view kind. It is defined in
 * src/map/dsr-map-summary.c (the map's numbers live in the map library),
 * so a program that calls it links map_dep. An unknown view kind is an
 * error (DSR_ERROR_INVALID), never a crash; a view without data is a
 * sentence that says so. Returns NULL only with @error set. */
char *dsr_summary_text        (DsrStore      *store,
                               const DsrView *view,
                               GError       **error);

/* The summary of a chart (bars, trend, table) from the numbers it draws.
 * In the render library: the export of a chart uses it. */
char *dsr_summary_chart_text  (DsrChartData  *data,
                               GError       **error);

/* Helpers shared with the map's summary: a sentence appended, a list of items joined in the
 * locale's way ("A, B, C" or "A、B、C"), and the sentence for a view with
 * nothing to show. */
char *dsr_summary_join        (GPtrArray     *items);
void  dsr_summary_take_sentence (GString     *out,
                                 char        *sentence);
char *dsr_summary_no_data     (const char    *indicator_name,
                               int            year);

G_END_DECLS
