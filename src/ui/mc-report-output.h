/* mc-report-output.h — the report page's exports and printing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-export-monitor.h"
#include "mc-report-doc.h"
#include "mc-report-narrative-export.h"
#include "mc-report-page.h"

G_BEGIN_DECLS

/* What is printed: the pages of the document, every page laid out once
 * (the narrative is taken over and freed once laid out). */
typedef struct _McReportPrintJob McReportPrintJob;

McReportPrintJob *mc_report_print_job_new_doc       (McReportDocument *doc, GError **error);
McReportPrintJob *mc_report_print_job_new_narrative (McReportNarrative *narrative, GError **error);
void              mc_report_print_job_free          (McReportPrintJob *job);
/* Opens the print dialog on A4; takes the job over. */
gboolean          mc_report_print_job_run           (McReportPrintJob *job, GtkWindow *parent, const char *job_name,
                                                     GError **error);

/* "bieu-06a", …: the start of an exported file's name, the print job's name. */
const char       *mc_report_file_stem               (McReportPageKind kind);
/* format "pdf", "docx" or "txt". */
gboolean          mc_report_write_narrative         (McReportNarrative *narrative, const char *format,
                                                     const char *path, GError **error);

/* What is exported: the page's document itself (a reference: it is never
 * changed once built, and the page builds a new one when it recomputes),
 * written by mc_report_export_job_write in the export's worker thread. */
typedef struct _McReportExportJob McReportExportJob;

/* format "xlsx", "pdf" or "csv". */
McReportExportJob *mc_report_export_job_new_table     (McReportDocument *doc, const char *format);
/* Takes over narrative; format "pdf", "docx" or "txt". */
McReportExportJob *mc_report_export_job_new_narrative (McReportNarrative *narrative, const char *format);
void               mc_report_export_job_free          (McReportExportJob *job);
/* An McExportWriteFunc. */
gboolean           mc_report_export_job_write         (gconstpointer job, const char *path,
                                                       const McExportMonitor *monitor, GError **error);

/* The Xuất menu: a file chooser for format, then mc_report_page_start_export
 * (a toast tells how it ended). */
void              mc_report_choose_export           (McReportPage *page, const char *format, const char *name);
void              mc_report_show_message            (GtkWindow *parent, const char *heading, const char *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportPrintJob, mc_report_print_job_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportExportJob, mc_report_export_job_free)

G_END_DECLS
