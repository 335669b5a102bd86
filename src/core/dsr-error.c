/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dsr-error.h"

G_DEFINE_QUARK (dsr-error-quark, dsr_error)
