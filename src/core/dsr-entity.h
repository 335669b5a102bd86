/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dsr-types.h"

G_BEGIN_DECLS

#define DSR_TYPE_ENTITY (dsr_entity_get_type ())
G_DECLARE_FINAL_TYPE (DsrEntity, dsr_entity, DSR, ENTITY, GObject)

/* A country (id = ISO 3166 alpha-3, numeric = ISO 3166 numeric code) or an
 * aggregate (a region "grouping:region", the Belt and Road "BRI", the world "WLD"). */
DsrEntity     *dsr_entity_new          (const char    *id,
                                        DsrEntityKind  kind,
                                        const char    *name,
                                        int            numeric);
const char    *dsr_entity_get_id       (DsrEntity     *self);
DsrEntityKind  dsr_entity_get_kind     (DsrEntity     *self);
const char    *dsr_entity_get_name     (DsrEntity     *self);
int            dsr_entity_get_numeric  (DsrEntity     *self);
gboolean       dsr_entity_is_aggregate (DsrEntity     *self);

G_END_DECLS
