/* mc-report-narrative-export.h — the narrative report (BÁO CÁO) in the
 * NĐ 30/2020 layout, as PDF and for printing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mc-report-narrative.h"

G_BEGIN_DECLS

gboolean mc_report_narrative_write_pdf   (const McReportNarrative *n, const char *path, GError **error);
/* The body as plain text (the "csv" of a narrative: one paragraph a line). */
gboolean mc_report_narrative_write_text  (const McReportNarrative *n, const char *path, GError **error);
int      mc_report_narrative_count_pages (const McReportNarrative *n, double width, double height);
void     mc_report_narrative_draw_page   (cairo_t *cr, const McReportNarrative *n, int page, double width,
                                          double height);

G_END_DECLS
