/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dsr-store.h"

G_BEGIN_DECLS

void      dsr_test_init            (int          *argc,
                                    char       ***argv);
void      dsr_test_init_gui        (int          *argc,
                                    char       ***argv);
DsrStore *dsr_test_load_bundled    (void);
DsrStore *dsr_test_store_with_countries (const char * const *iso3);
char     *dsr_test_write_tmp       (const char   *dir,
                                    const char   *name,
                                    const char   *contents);
char     *dsr_test_make_tmp_dir    (void);
void      dsr_test_copy_pack       (const char   *dir);
void      dsr_test_rm_rf           (const char   *path);
void      dsr_test_trap_subprocess_as_nobody (void);
guint     dsr_test_count_entries   (const char   *dir);
char     *dsr_test_digest          (DsrStore     *store);

G_END_DECLS
