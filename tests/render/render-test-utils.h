/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "dsr-chart-data.h"
#include "dsr-render.h"
#include "dsr-store.h"

G_BEGIN_DECLS

typedef struct
{
  int width;
  int height;
} RenderSize;

extern const RenderSize render_test_sizes[4];

DsrStore        *render_test_store_new          (void);
void             render_test_add_indicator      (DsrStore             *store,
                                                 const char           *id,
                                                 const char           *name,
                                                 const char           *unit,
                                                 const char           *source,
                                                 const char           *entity_id,
                                                 double                value);
DsrView         *render_test_view               (DsrViewKind           kind,
                                                 const char           *indicator_id,
                                                 const char           *grouping_id);
DsrRenderLayout *render_test_draw               (DsrStore             *store,
                                                 const DsrView        *view,
                                                 int                   width,
                                                 int                   height,
                                                 cairo_surface_t     **surface);
void             render_test_check_layout       (const DsrRenderLayout *layout);
void             render_test_pixel              (cairo_surface_t      *surface,
                                                 double                x,
                                                 double                y,
                                                 DsrRgba              *out);
gboolean         render_test_color_near         (const DsrRgba        *a,
                                                 const DsrRgba        *b);
const DsrHitRegion *render_test_find_hit        (const DsrRenderLayout *layout,
                                                 DsrHitKind             kind,
                                                 const char            *entity_id,
                                                 int                    year);
GPtrArray       *render_test_svg_texts          (const char           *svg,
                                                 gsize                 len,
                                                 int                  *width,
                                                 int                  *height);
gboolean         render_test_strv_has           (GPtrArray            *strings,
                                                 const char           *text);

G_END_DECLS
