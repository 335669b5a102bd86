/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DSR_ERROR (dsr_error_quark ())

typedef enum
{
  DSR_ERROR_PARSE,          /* malformed file contents */
  DSR_ERROR_MISSING_COLUMN, /* a required column is absent */
  DSR_ERROR_UNKNOWN_ID,     /* a row refers to an indicator/entity/region we do not know */
  DSR_ERROR_DUPLICATE,      /* the same key twice */
  DSR_ERROR_INVALID,        /* an argument or option the user gave is not valid */
  DSR_ERROR_NO_DATA,        /* nothing to show for that choice */
  DSR_ERROR_ENCODING,       /* the text is not UTF-8 (it may be Windows-1252) */
  DSR_ERROR_TOO_LARGE,      /* a field or a record over the reader's limits */
} DsrError;

GQuark dsr_error_quark (void);

G_END_DECLS
