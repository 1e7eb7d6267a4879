/* mc-xlsx-file.h — opening and closing a libxlsxwriter workbook, errors in our words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* A workbook that will be written to `file` (libxlsxwriter opens it only
 * when closing); `path` is the name errors give, the one the person chose
 * when `file` is a temporary file beside it. */
lxw_workbook *mc_xlsx_file_new   (const char *file, const char *path, GError **error);
/* Writes the workbook and frees it. libxlsxwriter also prints its own
 * English lines on stderr ("[ERROR] workbook_close(): …"): they are kept
 * from the person, who gets the error in Vietnamese instead. */
gboolean      mc_xlsx_file_close (lxw_workbook *wb, const char *path, GError **error);

G_END_DECLS
