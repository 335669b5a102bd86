/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-store.h"

G_BEGIN_DECLS

#define DSR_PACK_RESOURCE_URI "resource:///io/github/dsratlas/Atlas/data/"
#define DSR_PACK_RESOURCE_URI_PATH "/io/github/dsratlas/Atlas/data/"

/* The country data pack, made at build time by dsr-make-pack from the
 * publishers' files in data/sources/ with the app's importers: one
 * serialized GVariant of type DSR_COUNTRY_PACK_TYPE, read in place (no
 * parsing) from the resource:
 *   u                 DSR_COUNTRY_PACK_MAGIC (byte order)
 *   a(ssssssibsss)    indicators: id, name, unit, theme, publisher, description,
 *                     decimals, higher is better, aggregation, vintage, reference id
 *   a(suis)           economies and aggregates the ISO list lacks: id, kind, numeric, name
 *   a(usiad)          series: indicator index, entity id, first year, values (NaN: none) */
#define DSR_COUNTRY_PACK_FILE  "country-pack.gvariant"
#define DSR_COUNTRY_PACK_TYPE  "(ua(ssssssibsss)a(suis)a(usiad))"
#define DSR_COUNTRY_PACK_MAGIC 0x44535231u  /* "DSR1" */

GFile    *dsr_pack_get_bundled    (void);
const char *dsr_pack_get_licence  (const char *indicator_id);
const char * const *dsr_pack_get_credits (void);
gboolean  dsr_pack_load           (DsrStore   *store,
                                   GFile      *dir,
                                   GPtrArray  *problems);
DsrStore *dsr_pack_load_store     (GFile      *dir,
                                   GPtrArray  *problems);

G_END_DECLS
