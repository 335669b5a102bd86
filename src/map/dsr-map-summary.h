/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-map-values.h"

G_BEGIN_DECLS

/* The written summary of a map from the values it paints (see
 * dsr-summary.h): the map widget describes itself with it, from the values
 * of its last frame. */
char *dsr_map_summary_text (const DsrMapValues *values);

G_END_DECLS
