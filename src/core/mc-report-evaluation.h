/* mc-report-evaluation.h — Bảng đánh giá việc giải quyết thủ tục hành chính
 * (seed 002's last table): the 9 indices, the total /18, the rating and the
 * satisfaction in 5 levels, from the citizens' ratings (table rating)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_EVALUATION_N_INDICES 9
#define MC_EVALUATION_N_LEVELS 5
/* "Xuất sắc > 15; Tốt ≥ 12; Khá ≥ 9; Trung bình ≥ 6; Yếu ≥ 0": the first
 * threshold the total reaches names the rating. The official thresholds
 * were not found (docs/LEGAL.md §2); the default is the only scale found in
 * use, Thanh Hóa's on 18 points (PASETO), with exactly 15 rated Tốt. */
#define MC_REPORT_RATING_THRESHOLDS_KEY "report.rating_thresholds"
#define MC_REPORT_RATING_THRESHOLDS_DEFAULT "Xuất sắc > 15; Tốt ≥ 12; Khá ≥ 9; Trung bình ≥ 6; Yếu ≥ 0"

/* Lists behind the figures: every rating of the period, the ratings giving
 * index k (1–9), the ratings at satisfaction level l (1–5). */
typedef enum {
  MC_EVALUATION_ALL = 0,
  MC_EVALUATION_INDEX_1 = 1,     /* … MC_EVALUATION_INDEX_1 + 8 */
  MC_EVALUATION_LEVEL_1 = 10,    /* Rất không hài lòng … MC_EVALUATION_LEVEL_1 + 4 Rất hài lòng */
  MC_EVALUATION_N_ITEMS = 15,
} McEvaluationItem;

typedef struct {
  McDate  from, to;
  guint   n_ratings;                              /* số phiếu đánh giá */
  guint   index_count[MC_EVALUATION_N_INDICES];   /* ratings giving the index */
  guint   index_tenths[MC_EVALUATION_N_INDICES];  /* điểm tự chấm × 10: the mean, rounded to 0,1 */
  guint   total_tenths;                           /* the sum of the rounded indices, as the seed
                                                   * (or exact: mc-report-rules.h) */
  char   *rating;                                 /* Xuất sắc …, "" without ratings */
  guint   n_satisfaction;                         /* ratings giving a satisfaction level */
  guint   level_count[MC_EVALUATION_N_LEVELS];
  guint   level_tenths[MC_EVALUATION_N_LEVELS];   /* percent × 10, rounded to 0,1 */
} McReportEvaluation;

/* unit_id 0: the center's own unit; the ratings recorded in the period.
 * Needs MC_PERMISSION_REPORT. */
McReportEvaluation *mc_report_evaluation_compute (McDb *db, gint64 unit_id, McDate from, McDate to,
                                                  GError **error);
void                mc_report_evaluation_free    (McReportEvaluation *report);
/* Dossier codes, in order of rating; the length equals n_ratings,
 * index_count[k − 1] or level_count[l − 1]. */
GPtrArray          *mc_report_evaluation_dossiers (McDb *db, gint64 unit_id, McDate from, McDate to,
                                                   McEvaluationItem item, GError **error);
/* The rating a total (in tenths of a point) earns under `thresholds`. */
char               *mc_report_rating_label        (const char *thresholds, guint total_tenths, GError **error);
const char         *mc_evaluation_index_title     (int index);  /* 1–9 */
const char         *mc_evaluation_level_title     (int level);  /* 1–5 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportEvaluation, mc_report_evaluation_free)

G_END_DECLS
