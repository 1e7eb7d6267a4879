/* mc-export-error.h — the error domain of every exporter (PDF, PNG, XLSX)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MC_EXPORT_ERROR (mc_export_error_quark ())
GQuark mc_export_error_quark (void);

typedef enum {
  MC_EXPORT_ERROR_WRITE,
  MC_EXPORT_ERROR_INVALID,
} McExportError;

G_END_DECLS
