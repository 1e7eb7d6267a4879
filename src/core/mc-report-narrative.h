/* mc-report-narrative.h — the narrative report (BÁO CÁO): a Vietnamese
 * template whose {{fields}} take the period's figures in prose
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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

typedef struct {
  char *issuer;      /* ỦY BAN NHÂN DÂN PHƯỜNG PHÚ SƠN */
  char *parent;      /* the body above it, or NULL */
  char *place;
  McDate date;
  char *subject;     /* Tình hình, kết quả giải quyết thủ tục hành chính quý I năm 2024 */
  char *addressee;   /* UBND thị xã Bỉm Sơn. */
  char *body;        /* paragraphs apart by empty lines; editable before export */
  char *recipients;  /* "- UBND thị xã (b/c);\n- Lưu: VT, VP." */
  char *authority;   /* TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH, or KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH */
  char *signer;
  char *audit_head;  /* the audit trail's head when written (mc_audit_head_text), or NULL */
  char *rules_note;  /* the time rules of its figures (Biểu 06a's: mc_report_rules_note) */
} McReportNarrative;

const char        *mc_report_narrative_default_template (void);
/* {{name}} replaced by values[name]; an unknown name stays as written. */
char              *mc_report_narrative_fill (const char *template_text, GHashTable *values);
/* The figures of the unit (0: the center's own) over [from, to] by name:
 * tong_tiep_nhan "1.157", ty_le_truoc_han "77%" … (see the default template).
 * Needs MC_PERMISSION_REPORT. */
GHashTable        *mc_report_narrative_values (McDb *db, gint64 unit_id, McDate from, McDate to,
                                               const char *period_label, GError **error);
McReportNarrative *mc_report_narrative_new  (McDb *db, gint64 unit_id, McDate from, McDate to,
                                             const char *period_label, GError **error);
void               mc_report_narrative_free (McReportNarrative *narrative);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportNarrative, mc_report_narrative_free)

G_END_DECLS
