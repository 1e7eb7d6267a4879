/* mc-xlsx-catalog.h — the procedure catalog as a spreadsheet (Danh mục TTHC)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-catalog.h"

G_BEGIN_DECLS

#define MC_EXPORT_ERROR (mc_export_error_quark ())
GQuark mc_export_error_quark (void);

typedef enum {
  MC_EXPORT_ERROR_WRITE,
  MC_EXPORT_ERROR_INVALID,
} McExportError;

/* A4 landscape, Times New Roman, header row repeated: the list a center
 * posts at its counters (công khai danh mục TTHC). */
gboolean mc_xlsx_catalog_write (McCatalog *catalog, const char *path, GError **error);

G_END_DECLS
