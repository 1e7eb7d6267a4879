/* mc-export-error.c — the error domain of every exporter
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-export-error.h"

G_DEFINE_QUARK (mc-export-error-quark, mc_export_error)
