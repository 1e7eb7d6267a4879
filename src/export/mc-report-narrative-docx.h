/* mc-report-narrative-docx.h — the narrative report (BÁO CÁO) as a Word
 * document (.docx, WordprocessingML) in the NĐ 30/2020 layout
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-report-narrative.h"

G_BEGIN_DECLS

/* The document's parts, in the order of the zip: name, then content. */
GPtrArray *mc_report_narrative_docx_parts (McReportNarrative *n);
/* Writes the .docx through a temporary file (mc-export-file.h). */
gboolean   mc_report_narrative_write_docx (McReportNarrative *n, const char *path, GError **error);

G_END_DECLS
