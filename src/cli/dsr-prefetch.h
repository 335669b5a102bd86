/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-store.h"

G_BEGIN_DECLS

/* What a start-up can load on a second core while the first does other
 * work: the window program while GTK opens the display, the command line
 * while it reads the data. Not the fonts: fontconfig's start-up is not safe
 * beside another thread's (Pango runs FcInit () on a thread of its own for
 * each font map), so text is laid out on the main thread only. */
typedef enum
{
  DSR_PREFETCH_PACK    = 1 << 0,  /* the data: a store, handed over by dsr_prefetch_finish() */
  DSR_PREFETCH_BORDERS = 1 << 1,  /* the map's bundled borders (kept by dsr_map_data_load_bundled()) */
} DsrPrefetchFlags;

typedef struct _DsrPrefetch DsrPrefetch;

DsrPrefetch *dsr_prefetch_start  (DsrPrefetchFlags  flags,
                                  GFile            *pack);
DsrStore    *dsr_prefetch_finish (DsrPrefetch      *self,
                                  GPtrArray        *problems);
void         dsr_prefetch_free   (DsrPrefetch      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrPrefetch, dsr_prefetch_free)

G_END_DECLS
