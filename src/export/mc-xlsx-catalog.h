/* mc-xlsx-catalog.h — the procedure catalog as a spreadsheet (Danh mục TTHC)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-catalog.h"
#include "mc-export-error.h"

G_BEGIN_DECLS

/* A4 landscape, Times New Roman, header row repeated: the list a center
 * posts at its counters (công khai danh mục TTHC). */
gboolean mc_xlsx_catalog_write (McCatalog *catalog, const char *path, GError **error);

G_END_DECLS
