/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-importer.h"

G_BEGIN_DECLS

#define DSR_TYPE_COLUMN_MAPPING_DIALOG (dsr_column_mapping_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DsrColumnMappingDialog, dsr_column_mapping_dialog, DSR, COLUMN_MAPPING_DIALOG,
                      AdwMessageDialog)

DsrColumnMappingDialog *dsr_column_mapping_dialog_new         (GtkWindow              *parent,
                                                               const char             *file_name,
                                                               const char * const     *columns);
DsrColumnMapping       *dsr_column_mapping_dialog_get_mapping (DsrColumnMappingDialog *self);

G_END_DECLS
