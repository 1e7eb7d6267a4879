/* mc-report-page.h — Báo cáo: the statutory reports on screen, every figure
 * opening its list, exported and printed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-cchc-entry-dialog.h"
#include "mc-report-doc.h"
#include "mc-report-narrative.h"
#include "mc-report-period.h"

G_BEGIN_DECLS

#define MC_TYPE_REPORT_PAGE (mc_report_page_get_type ())
G_DECLARE_FINAL_TYPE (McReportPage, mc_report_page, MC, REPORT_PAGE, AdwBin)

/* The order of the page's "Báo cáo" drop-down. */
typedef enum {
  MC_REPORT_PAGE_06A,
  MC_REPORT_PAGE_PUBLIC,
  MC_REPORT_PAGE_CCHC,
  MC_REPORT_PAGE_EVALUATION,
  MC_REPORT_PAGE_NARRATIVE,
} McReportPageKind;

McReportPage      *mc_report_page_new            (McApplication *app);

/* What a person chooses; each recomputes the report. */
void               mc_report_page_set_report     (McReportPage *self, McReportPageKind kind);
/* unit_id 0: the center's own unit; the scopes other than UNIT only for the
 * public appendix. FALSE when the drop-down does not offer it. */
gboolean           mc_report_page_set_unit       (McReportPage *self, gint64 unit_id, McReportScope scope);
void               mc_report_page_set_statutory_period (McReportPage *self, McPeriodKind kind, int year, int index);
void               mc_report_page_set_custom_period    (McReportPage *self, McDate from, McDate to);
void               mc_report_page_get_period     (McReportPage *self, McDate *from, McDate *to);
/* Biểu 06a and the appendix: every field, or only those with a figure. */
void               mc_report_page_set_only_with_dossiers (McReportPage *self, gboolean only);

/* The report shown (NULL for the narrative or when it could not be made),
 * the message shown instead of it, the text of one of its cells. */
/* The figures are computed in a thread (mc-report-compute.c): TRUE from a
 * choice until they are shown. The readers below wait for them. */
gboolean           mc_report_page_is_computing   (McReportPage *self);
McReportDocument  *mc_report_page_get_doc        (McReportPage *self);
/* Opens the CCHC statistics' figures to enter for the period shown (the
 * action report.enter-figures) and returns that window, or NULL. */
McCchcEntryDialog *mc_report_page_enter_figures (McReportPage *self);
const char        *mc_report_page_get_error      (McReportPage *self);
const char        *mc_report_page_get_rules_note (McReportPage *self);
const char        *mc_report_page_get_font_warning (McReportPage *self);
const char        *mc_report_page_get_cell_text  (McReportPage *self, guint table, guint row, guint column);
/* The button of a figure's cell on screen (NULL if not a figure or not
 * realized); clicking it opens the list of the dossiers behind the figure. */
GtkWidget         *mc_report_page_find_cell      (McReportPage *self, guint table, guint row, guint column);
/* Opens that list (the window is returned, presented; NULL with a message
 * shown when it cannot be made); the last one opened, if still open. */
GtkWindow         *mc_report_page_open_items     (McReportPage *self, guint table, guint row, guint column);
GtkWindow         *mc_report_page_get_items_window (McReportPage *self);
/* The rows of a list window and the code on one of them. */
guint              mc_report_items_window_get_n_items (GtkWindow *window);
const char        *mc_report_items_window_get_code    (GtkWindow *window, guint position);

/* The narrative's text as edited on the page. */
char              *mc_report_page_get_narrative_text (McReportPage *self);
void               mc_report_page_set_narrative_text (McReportPage *self, const char *text);
/* The narrative shown, as kept (NULL for the tables or an error). */
McReportNarrative *mc_report_page_get_narrative      (McReportPage *self);
/* What "Lưu" and "Khôi phục bản tính toán" do: keep the text of the view
 * for the unit and period shown, or remove the kept edit and show the draft. */
gboolean           mc_report_page_save_narrative     (McReportPage *self, GError **error);
gboolean           mc_report_page_restore_narrative  (McReportPage *self, GError **error);

/* What the Xuất menu and the In button do: format "xlsx", "pdf", "csv"
 * (tables) or "pdf", "docx", "txt" (the narrative, its edited text kept
 * first). */
gboolean           mc_report_page_export         (McReportPage *self, const char *format, const char *path,
                                                  GError **error);
/* The same in a worker thread with progress and Cancel; a toast (or a
 * message for an error) tells the end. */
void               mc_report_page_start_export   (McReportPage *self, const char *format, const char *path);
void               mc_report_page_print          (McReportPage *self);

G_END_DECLS
