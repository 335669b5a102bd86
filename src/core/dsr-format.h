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

/* User text in messages: see dsr-format.c. */
#define DSR_FORMAT_QUOTE_MAX 60   /* characters of a quoted field or value */
#define DSR_FORMAT_PATH_MAX  120  /* characters of a path */

char *dsr_format_quote     (const char  *text);
char *dsr_format_quote_len (const char  *text,
                            gssize       length);
char *dsr_format_path      (const char  *path);
char *dsr_format_escape    (const char  *text);

G_END_DECLS
