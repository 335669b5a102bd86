/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dsr-types.h"

G_BEGIN_DECLS

#define DSR_TYPE_GROUPING (dsr_grouping_get_type ())
G_DECLARE_FINAL_TYPE (DsrGrouping, dsr_grouping, DSR, GROUPING, GObject)

/* Membership years: a member counts for year Y when since <= Y (or since is 0)
 * and it had not left (until is 0, or Y < until). Year 0 means "today":
 * everyone who has not left. */
#define DSR_AS_OF_CURRENT 0

DsrGrouping *dsr_grouping_new              (const char  *id,
                                            const char  *name,
                                            const char  *description);
const char  *dsr_grouping_get_id           (DsrGrouping *self);
const char  *dsr_grouping_get_name         (DsrGrouping *self);
const char  *dsr_grouping_get_description  (DsrGrouping *self);
DsrRegion   *dsr_grouping_add_region       (DsrGrouping *self,
                                            const char  *region_id,
                                            const char  *name,
                                            GError     **error);
gboolean     dsr_grouping_add_member       (DsrGrouping *self,
                                            const char  *region_id,
                                            const char  *country_id,
                                            int          since,
                                            int          until,
                                            GError     **error);
guint        dsr_grouping_get_n_regions    (DsrGrouping *self);
DsrRegion   *dsr_grouping_get_region       (DsrGrouping *self,
                                            guint        index);
DsrRegion   *dsr_grouping_find_region      (DsrGrouping *self,
                                            const char  *region_id);
DsrRegion   *dsr_grouping_region_of        (DsrGrouping *self,
                                            const char  *country_id);
GPtrArray   *dsr_grouping_members_as_of    (DsrGrouping *self,
                                            int          year);

const char  *dsr_region_get_id             (const DsrRegion *region);
const char  *dsr_region_get_name           (const DsrRegion *region);
const char  *dsr_region_get_entity_id      (const DsrRegion *region);
DsrGrouping *dsr_region_get_grouping       (const DsrRegion *region);
guint        dsr_region_get_n_members      (const DsrRegion *region);
const char  *dsr_region_get_member         (const DsrRegion *region,
                                            guint            index,
                                            int             *since,
                                            int             *until);
gboolean     dsr_region_has_member_as_of   (const DsrRegion *region,
                                            const char      *country_id,
                                            int              year);
GPtrArray   *dsr_region_members_as_of      (const DsrRegion *region,
                                            int              year);

G_END_DECLS
