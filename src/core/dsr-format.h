/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dsr-types.h"

G_BEGIN_DECLS

char *dsr_format_number    (double       value,
                            int          decimals);
char *dsr_format_value     (double       value,
                            int          decimals,
                            DsrQualifier qualifier);
char *dsr_format_coverage  (guint        n,
                            guint        total);
char *dsr_format_c_number  (double       value,
                            int          decimals);

G_END_DECLS
