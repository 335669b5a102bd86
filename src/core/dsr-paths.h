/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *dsr_paths_installed_file (const char *env,
                                     const char *beside,
                                     const char *from_prefix,
                                     const char *installed);

G_END_DECLS
