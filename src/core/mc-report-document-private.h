/* mc-report-document-private.h — building a McReportDocument (core's
 * builders; tests lay out made-up documents with it)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-report.h"
#include "mc-report-document.h"

G_BEGIN_DECLS

/* A document with the issuing unit, the place and the people who sign
 * (the settings report.*), after checking who may make it. */
McReportDocument *mc_report_document_begin      (McDb *db, McReportDocKind kind, gint64 unit_id,
                                                 McReportScope scope, McDate from, McDate to, GError **error);
McReportDocument *mc_report_document_alloc      (McReportDocKind kind, gint64 unit_id, McReportScope scope,
                                                 McDate from, McDate to);
void              mc_report_document_take_text  (McReportDocument *doc, McReportText which, char *text);
void              mc_report_document_set_landscape (McReportDocument *doc, gboolean landscape);
void              mc_report_document_set_signed_on (McReportDocument *doc, McDate date);
McReportTable    *mc_report_document_add_table  (McReportDocument *doc, const char *heading, gboolean numbered);
McReportColumn   *mc_report_document_add_column (McReportTable *t, const char *title, const char *group,
                                                 double width, double xlsx_width, gboolean center, int key);
/* The new row, owned by the table (not a new reference). */
McReportRow      *mc_report_document_add_row    (McReportTable *t, gint64 key, gboolean bold);
void              mc_report_document_add_chart  (McReportDocument *doc, McReportChartKind kind, const char *title,
                                                 guint table, const guint *columns, guint n_columns, int decimals);
/* Biểu 06a's texts, columns and rows from its figures (the heading and
 * signatures are the caller's). */
void              mc_report_document_fill_06a   (McReportDocument *doc, const McReport06a *report);

G_END_DECLS
