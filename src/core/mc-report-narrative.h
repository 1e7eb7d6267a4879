/* mc-report-narrative.h — the narrative report (BÁO CÁO) as a document:
 * its heading block, its sections of paragraphs with the period's figures,
 * "Nơi nhận" and the signature block; the text a leader edits before
 * signing is kept per unit and period
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core builds it once (mc_report_narrative_new): the Báo cáo page shows and
 * edits it, the PDF, the plain text and the .docx (src/export/) write it and
 * print prints it — the same object, every word of the form's frame written
 * here, so that the three files say the same thing.
 */
#pragma once

#include <glib-object.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* Settings: the template of the body (default below), the subject under
 * "BÁO CÁO", the addressee after "Kính gửi:" and the "Nơi nhận:" lines
 * separated by ";". */
#define MC_NARRATIVE_TEMPLATE_KEY   "report.narrative_template"
#define MC_NARRATIVE_SUBJECT_KEY    "report.narrative_subject"
#define MC_NARRATIVE_ADDRESSEE_KEY  "report.narrative_addressee"
#define MC_NARRATIVE_RECIPIENTS_KEY "report.narrative_recipients"

/* The longest edited text kept (characters): some forty pages. */
#define MC_NARRATIVE_MAX_BODY 100000

/* The texts of the document. */
typedef enum {
  MC_NARRATIVE_TEXT_ISSUER,      /* ỦY BAN NHÂN DÂN PHƯỜNG PHÚ SƠN */
  MC_NARRATIVE_TEXT_PARENT,      /* the body above it, or NULL */
  MC_NARRATIVE_TEXT_NUMBER,      /* "Số:        /BC-UBND" (the number left to the records clerk) */
  MC_NARRATIVE_TEXT_PLACE,       /* the place of the date line, "" when unknown */
  MC_NARRATIVE_TEXT_TITLE,       /* "BÁO CÁO" */
  MC_NARRATIVE_TEXT_SUBJECT,     /* Tình hình, kết quả giải quyết thủ tục hành chính quý I năm 2024 */
  MC_NARRATIVE_TEXT_ADDRESSEE,   /* "Kính gửi: UBND thị xã Bỉm Sơn.", or NULL */
  MC_NARRATIVE_TEXT_RECIPIENTS,  /* "- UBND thị xã (b/c);\n- Lưu: VT, VP." */
  MC_NARRATIVE_TEXT_AUTHORITY,   /* quyền hạn and chức vụ: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" */
  MC_NARRATIVE_TEXT_SIGNER,      /* họ tên */
  MC_NARRATIVE_TEXT_AUDIT_HEAD,  /* the audit trail's head when built (mc_audit_head_text), or NULL */
  MC_NARRATIVE_TEXT_RULES_NOTE,  /* the time rules of its figures (Biểu 06a's: mc_report_rules_note) */
  MC_NARRATIVE_N_TEXTS
} McNarrativeText;

/* A part of the body: a heading ("I. KẾT QUẢ …", NULL for the opening
 * lines) and its paragraphs, one a line of the text, none empty. */
typedef struct {
  char  *heading;
  GStrv  paragraphs;
} McNarrativeSection;

#define MC_TYPE_REPORT_NARRATIVE (mc_report_narrative_get_type ())
G_DECLARE_FINAL_TYPE (McReportNarrative, mc_report_narrative, MC, REPORT_NARRATIVE, GObject)

const char        *mc_report_narrative_default_template (void);
/* {{name}} replaced by values[name]; an unknown name stays as written. */
char              *mc_report_narrative_fill (const char *template_text, GHashTable *values);
/* The figures of the unit (0: the center's own) over [from, to] by name:
 * tong_tiep_nhan "1.157", ty_le_truoc_han "77%" … (see the default template).
 * Needs MC_PERMISSION_REPORT. */
GHashTable        *mc_report_narrative_values (McDb *db, gint64 unit_id, McDate from, McDate to,
                                               const char *period_label, GError **error);
/* The report of the unit over [from, to]: the draft computed from the
 * template, and as its body the text a leader saved for that unit and
 * period when there is one. Needs MC_PERMISSION_REPORT. */
McReportNarrative *mc_report_narrative_new  (McDb *db, gint64 unit_id, McDate from, McDate to,
                                             const char *period_label, GError **error);
/* A copy (texts, draft, body, edit) that does not change with the original. */
McReportNarrative *mc_report_narrative_copy (McReportNarrative *self);

gint64             mc_report_narrative_get_unit_id (McReportNarrative *self);
McDate             mc_report_narrative_get_from    (McReportNarrative *self);
McDate             mc_report_narrative_get_to      (McReportNarrative *self);
/* The date of the report's date line (the period's last day). */
McDate             mc_report_narrative_get_date    (McReportNarrative *self);
const char        *mc_report_narrative_get_text    (McReportNarrative *self, McNarrativeText which);

/* The body as one text (paragraphs a line each, sections apart by empty
 * lines), the draft computed from the template, whether the body is an
 * edit kept in the database, who saved it (full name) and when (0: never). */
const char        *mc_report_narrative_get_body    (McReportNarrative *self);
const char        *mc_report_narrative_get_draft   (McReportNarrative *self);
gboolean           mc_report_narrative_get_edited  (McReportNarrative *self);
const char        *mc_report_narrative_get_edited_by (McReportNarrative *self);
McTime             mc_report_narrative_get_edited_at (McReportNarrative *self);
/* The body in sections (read-only, the object's own). */
guint              mc_report_narrative_get_n_sections (McReportNarrative *self);
const McNarrativeSection *mc_report_narrative_get_section (McReportNarrative *self, guint i);
/* Whether a line of the body is a section's heading ("I.", "II.", … "X."). */
gboolean           mc_report_narrative_is_heading  (const char *line);

/* Replaces the body in this object only (a text typed but not saved). */
void               mc_report_narrative_set_body    (McReportNarrative *self, const char *body);
/* Keeps `body` as the report of its unit and period (audited) and makes it
 * this object's body; the draft itself (or an empty text) keeps nothing
 * and removes an earlier edit. Needs MC_PERMISSION_REPORT. */
gboolean           mc_report_narrative_save        (McReportNarrative *self, McDb *db, const char *body,
                                                    GError **error);
/* Removes the kept edit (audited): the body is the draft again. */
gboolean           mc_report_narrative_restore     (McReportNarrative *self, McDb *db, GError **error);

G_END_DECLS
