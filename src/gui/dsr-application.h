/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-importer.h"
#include "dsr-store.h"

G_BEGIN_DECLS

#define DSR_TYPE_APPLICATION (dsr_application_get_type ())
G_DECLARE_FINAL_TYPE (DsrApplication, dsr_application, DSR, APPLICATION, AdwApplication)

DsrApplication *dsr_application_new          (DsrStore       *store,
                                              GPtrArray      *problems);
void            dsr_application_set_pack     (DsrApplication *self,
                                              GFile          *pack);
DsrStore       *dsr_application_get_store    (DsrApplication *self);
GPtrArray      *dsr_application_get_problems (DsrApplication *self);
void            dsr_application_set_pending_import (DsrApplication         *self,
                                                    const char * const     *paths,
                                                    const DsrColumnMapping *mapping);
void            dsr_application_set_pending_view   (DsrApplication         *self,
                                                    const char             *path);

G_END_DECLS
