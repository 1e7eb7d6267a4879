/* mc-report-doc-private.h — building a McReportDoc
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-report-doc.h"

G_BEGIN_DECLS

McReportDoc      *mc_report_doc_alloc      (McReportDocKind kind);
McReportDocTable *mc_report_doc_add_table  (McReportDoc *doc, const char *heading, gboolean numbered);
void              mc_report_doc_add_column (McReportDocTable *t, const char *title, const char *group,
                                            double width, double xlsx_width,
                                            gboolean center, int key);
McReportDocRow   *mc_report_doc_add_row    (McReportDocTable *t, gint64 key, gboolean bold);

G_END_DECLS
