/* mc-report-rules.h — the time rules the statutory figures follow, each a
 * setting of the unit with a documented default
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13, item 18. Where the sources say nothing exact the rule is a
 * choice; the default is what the seeds and the implementations found
 * print, and every report says in its foot note which rule it used
 * (mc_report_rules_note). Sources and reasoning: mc-report-rules.c and
 * docs/huong-dan-su-dung.md, mục 11.
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

/* When a settled dossier's trước hạn / đúng hạn / quá hạn is decided. */
#define MC_RULE_TIMELINESS_KEY       "report.timeliness_basis"
#define MC_RULE_TIMELINESS_RESULT    "result"    /* the result ready (default) */
#define MC_RULE_TIMELINESS_RETURN    "return"    /* handed to the citizen, when it was */
/* Biểu 06a: a dossier settled as không đủ điều kiện or withdrawn is đúng hạn. */
#define MC_RULE_UNSETTLED_ON_TIME_KEY "report.06a_unsettled_on_time"   /* "1" (default) / "0" */
/* Bảng đánh giá: the total of the nine indices. */
#define MC_RULE_EVALUATION_TOTAL_KEY "report.evaluation_total"
#define MC_RULE_EVALUATION_ROUNDED   "sum_rounded" /* the sum of the rounded indices (default) */
#define MC_RULE_EVALUATION_EXACT     "exact"       /* the sum of the exact means, rounded once */

typedef struct {
  gboolean by_return;          /* MC_RULE_TIMELINESS_RETURN */
  gboolean unsettled_on_time;  /* MC_RULE_UNSETTLED_ON_TIME_KEY */
  gboolean evaluation_exact;   /* MC_RULE_EVALUATION_EXACT */
} McReportRules;

/* The unit's rules (defaults for what it has not set); FALSE with the
 * error when they could not be read. */
gboolean  mc_report_rules_load       (McDb *db, McReportRules *rules, GError **error);
/* Whether the 06a figures need the per-dossier count (a rule not the default). */
gboolean  mc_report_rules_are_default_06a (const McReportRules *rules);
/* On a dossier d settled with a result: that it is quá hạn under the rules,
 * as an SQL condition (the stored timeliness, or by the return its time
 * against the appointment then in force). The appendices count with it;
 * Biểu 06a, whose early / on time split needs the calendar, classes each
 * dossier in C the same way (mc-report.c). */
char     *mc_report_rules_sql_late   (const McReportRules *rules);
/* The short line a report prints (Vietnamese, as the documents are):
 * "Trước/đúng/quá hạn tính theo thời điểm có kết quả; …" — timeliness only
 * when timeliness is TRUE, the 06a rule when unsettled, the total when
 * evaluation. */
char     *mc_report_rules_note       (const McReportRules *rules, gboolean timeliness, gboolean unsettled,
                                      gboolean evaluation);

G_END_DECLS
