/* mc-report-06a-export.h — Biểu số 06a/VPCP/KSTT's layout (XLSX, PDF and
 * print) of the McReportDocument core built (mc_report_document_new_06a)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-records-private.h"
#include "mc-report-document.h"

G_BEGIN_DECLS

/* Called by mc-report-doc.c's writers for a document of MC_REPORT_DOC_06A;
 * its CSV is the tables' (the same header and rows). */
gboolean        mc_report_06a_write_xlsx   (McReportDocument *doc, const char *path, GError **error);
gboolean        mc_report_06a_write_pdf    (McReportDocument *doc, const char *path, GError **error);
McRecordsPages *mc_report_06a_record_pages (McReportDocument *doc, GError **error);

G_END_DECLS
