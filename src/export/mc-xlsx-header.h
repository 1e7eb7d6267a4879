/* mc-xlsx-header.h — the page number of a statutory workbook: centred in
 * the top margin, none on the first page (NĐ 30/2020 Phụ lục I)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* The header's page number, Times New Roman 13, centred, 10 mm from the
 * top edge (inside the 20 mm top margin). */
void     mc_xlsx_header_page_number     (lxw_worksheet *ws);
/* Rewrites the closed workbook `file` so that every sheet with a header
 * prints none on its first page (and the same footer as the others):
 * libxlsxwriter 1.1 cannot say differentFirst. `path` is the name errors
 * give. */
gboolean mc_xlsx_header_skip_first_page (const char *file, const char *path, GError **error);

G_END_DECLS
