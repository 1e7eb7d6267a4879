/* mc-report-doc.h — a statutory report's McReportDocument written as XLSX,
 * PDF, CSV and drawn page by page for printing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writers take the document core built (mc-report-document.h) — the
 * one the Báo cáo page shows — and add only the layout: Biểu 06a's form
 * (mc-report-06a-export.c) or the appendices' tables (mc-report-doc.c).
 */
#pragma once

#include <cairo.h>

#include "mc-records-private.h"
#include "mc-report-document.h"

G_BEGIN_DECLS

/* format "xlsx", "pdf" or "csv"; Biểu 06a in its form's layout. */
gboolean        mc_report_doc_write        (McReportDocument *doc, const char *format, const char *path,
                                            GError **error);
gboolean        mc_report_doc_write_xlsx   (McReportDocument *doc, const char *path, GError **error);
gboolean        mc_report_doc_write_pdf    (McReportDocument *doc, const char *path, GError **error);
gboolean        mc_report_doc_write_csv    (McReportDocument *doc, const char *path, GError **error);
/* Every page laid out once, for printing (A4, landscape if the document is). */
McRecordsPages *mc_report_doc_record_pages (McReportDocument *doc, GError **error);

G_END_DECLS
