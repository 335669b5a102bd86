/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dsr-store.h"

G_BEGIN_DECLS

/* The entry points of the fuzz targets, one per tests/fuzz/fuzz-<name>.c:
 * dsr_fuzz_<name>_one() runs one input, dsr_fuzz_<name>_init() (where there
 * is one) prepares what every input shares. libFuzzer calls them through
 * DSR_FUZZ_MAIN; test-fuzz-regressions replays tests/fuzz/regressions/
 * through the same functions, built without libFuzzer (-DDSR_FUZZ_REPLAY). */

void dsr_fuzz_csv_one      (const guint8 *data, gsize size);
void dsr_fuzz_pack_init    (void);
void dsr_fuzz_pack_one     (const guint8 *data, gsize size);
void dsr_fuzz_cli_one      (const guint8 *data, gsize size);
void dsr_fuzz_topojson_one (const guint8 *data, gsize size);
void dsr_fuzz_import_init  (void);
void dsr_fuzz_import_one   (const guint8 *data, gsize size);
void dsr_fuzz_mapping_one  (const guint8 *data, gsize size);
void dsr_fuzz_viewfile_one (const guint8 *data, gsize size);

DsrStore *dsr_fuzz_store_with_countries (void);

G_END_DECLS

#ifdef DSR_FUZZ_REPLAY
#define DSR_FUZZ_MAIN(one)
#define DSR_FUZZ_MAIN_WITH_INIT(init, one)
#else
#define DSR_FUZZ_MAIN(one)                                               \
  int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);          \
  int                                                                    \
  LLVMFuzzerTestOneInput (const guint8 *data, size_t size)               \
  {                                                                      \
    one (data, size);                                                    \
    return 0;                                                            \
  }
#define DSR_FUZZ_MAIN_WITH_INIT(init, one)                               \
  int LLVMFuzzerInitialize (int *argc, char ***argv);                    \
  int                                                                    \
  LLVMFuzzerInitialize (int *argc, char ***argv)                         \
  {                                                                      \
    init ();                                                             \
    return 0;                                                            \
  }                                                                      \
  DSR_FUZZ_MAIN (one)
#endif
