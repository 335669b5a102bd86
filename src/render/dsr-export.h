/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-chart-data.h"
#include "dsr-render.h"

#include "dsr-render-style.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

typedef enum
{
  DSR_EXPORT_AUTO,  /* from the file name's extension */
  DSR_EXPORT_PNG,
  DSR_EXPORT_SVG,
  DSR_EXPORT_PDF,
  DSR_EXPORT_CSV,
} DsrExportFormat;

/* Draws @view on @cr at @width x @height with @style; text through
 * @text_func when it is not NULL (see dsr_render_view_full()). Lets another
 * renderer (the map) export through the same files and atomic writes. */
typedef void (*DsrExportDrawFunc) (cairo_t              *cr,
                                   DsrStore             *store,
                                   const DsrView        *view,
                                   const DsrRenderStyle *style,
                                   double                width,
                                   double                height,
                                   DsrTextFunc           text_func,
                                   gpointer              text_data,
                                   gpointer              user_data);

typedef struct
{
  DsrExportFormat       format;
  gboolean              svg_text_as_paths;  /* exact look; by default SVG text stays <text> */
  double                scale;              /* PNG: device pixels per logical pixel; 0: the view's */
  double                dpi;                /* PNG: if > 0, scale = dpi / 96 (and the file says so) */
  const DsrRenderStyle *style;              /* NULL: the defaults of the view's scheme */
  DsrExportDrawFunc     draw_func;          /* NULL: the charts (bars, trend, table) */
  gpointer              draw_data;
  const char           *summary;            /* the written summary (SVG <desc>, PDF subject, PNG
                                             * tEXt, CSV line, caption); NULL: the chart's own
                                             * (dsr_summary_chart_text()); a map's export must
                                             * give it (dsr_figure_render() does) */
  gboolean              caption;            /* draw the summary as a line of text under the figure */
} DsrExportOptions;

/* The header of the CSV export. measure says what value is: "value", or in
 * "Gap to World" "difference-from-world-mean" or "percent-of-world-total";
 * "insufficient-data" for a region below the coverage rule (value empty).
 * rule and coverage_* are those of computed values; members_as_of is the
 * year whose members a computed value stands for. */
#define DSR_EXPORT_CSV_HEADER \
  "entity_id,entity_name,kind,indicator_id,year,value,measure,basis,rule,coverage_n,coverage_total," \
  "members_as_of,source"
#define DSR_EXPORT_CSV_N_COLUMNS 13

/* The first field of the CSV's last line, the written summary (see
 * dsr_export_csv_append_summary()). */
#define DSR_EXPORT_CSV_SUMMARY "#summary"

void      dsr_export_csv_append_summary (GString               *csv,
                                         const char            *summary);
void      dsr_export_csv_append_value (GString                 *csv,
                                       const DsrChartValue     *value,
                                       const char              *indicator_id,
                                       const char              *measure);

gboolean  dsr_export_format_from_path (const char              *path,
                                       DsrExportFormat         *format,
                                       GError                 **error);
const char *dsr_export_format_to_string (DsrExportFormat        format);
GBytes   *dsr_export_render           (DsrStore                *store,
                                       const DsrView           *view,
                                       DsrExportFormat          format,
                                       const DsrExportOptions  *options,
                                       GError                 **error);
gboolean  dsr_export_write_file       (const char              *path,
                                       GBytes                  *contents,
                                       GError                 **error);

/* For other exporters of CSV (the map): a field quoted as needed, a text
 * field also kept from being read as a formula, a row of the header's
 * columns (text columns kept from formulas), and the shortest '.'-decimal
 * form of a number that reads back the same (empty when not finite). */
void      dsr_export_csv_append_field (GString                 *out,
                                       const char              *field);
void      dsr_export_csv_append_text  (GString                 *out,
                                       const char              *field);
void      dsr_export_csv_append_row   (GString                 *out,
                                       const char * const       fields[DSR_EXPORT_CSV_N_COLUMNS]);
char     *dsr_export_csv_number       (double                   value);

G_END_DECLS
