/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-store.h"

G_BEGIN_DECLS

/* A country of iso-codes' ISO 3166-1 list, in English. */
typedef struct
{
  char *alpha3;
  char *name;          /* "Korea, Republic of" */
  char *common_name;   /* "South Korea", or NULL */
  char *official_name; /* "Republic of Korea", or NULL */
  int   numeric;
} DsrIsoCountry;

void       dsr_iso_country_free       (DsrIsoCountry *country);

char      *dsr_iso_codes_default_path (void);
GPtrArray *dsr_iso_codes_read_names   (const char  *path,
                                       GError     **error);
gboolean   dsr_iso_codes_load         (DsrStore    *store,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
