/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-importer.h"
#include "dsr-test-utils.h"

G_BEGIN_DECLS

GFile           *dsr_import_test_file      (const char       *relative);
DsrImportResult *dsr_import_test_run       (DsrStore         *store,
                                            const DsrColumnMapping *mapping,
                                            GError          **error,
                                            const char       *first,
                                            ...) G_GNUC_NULL_TERMINATED;
void             dsr_import_test_value     (DsrStore         *store,
                                            const char       *indicator,
                                            const char       *entity,
                                            int               year,
                                            double            expected);
void             dsr_import_test_no_value  (DsrStore         *store,
                                            const char       *indicator,
                                            const char       *entity,
                                            int               year);
const DsrImportProblem *dsr_import_test_problem (DsrImportResult *result,
                                            const char       *text);
char            *dsr_import_test_write_wide (const char      *dir,
                                            guint             n_rows);

G_END_DECLS
