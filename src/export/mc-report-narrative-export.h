/* mc-report-narrative-export.h — the narrative report (BÁO CÁO) in the
 * NĐ 30/2020 layout, as PDF and for printing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mc-records-private.h"
#include "mc-report-narrative.h"

G_BEGIN_DECLS

gboolean mc_report_narrative_write_pdf   (McReportNarrative *n, const char *path, GError **error);
/* The body as plain text (the "csv" of a narrative: one paragraph a line). */
gboolean mc_report_narrative_write_text  (McReportNarrative *n, const char *path, GError **error);
/* Every page laid out once, for printing (A4). */
McRecordsPages *mc_report_narrative_record_pages (McReportNarrative *n, GError **error);

G_END_DECLS
