/* mc-report-evaluation.c — Bảng đánh giá việc giải quyết thủ tục hành chính
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Điểm tự chấm of an index is the mean of the points the citizens gave it
 * (2, 1 or 0; docs/LEGAL.md §2) over the ratings of the period, rounded to
 * one decimal as seed 002 prints it (1,8); the total is the sum of those
 * rounded points (17,4 /18), so the table adds up as printed — or, under
 * the setting report.evaluation_total = exact, the exact sum rounded once
 * (mc-report-rules.c). Satisfaction
 * is the share of each level among the ratings giving one, rounded to 0,1%.
 * Điểm thẩm định is left for the superior body to fill in.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-report.h"
#include "mc-report-evaluation.h"
#include "mc-settings.h"
#include "mc-report-private.h"
#include "mc-report-rules.h"

static const char *const index_titles[MC_EVALUATION_N_INDICES] = {
  "Tổng thời gian giải quyết thủ tục hành chính so với quy định của pháp luật",
  "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp)",
  "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ thủ tục hành chính (kể cả liên hệ theo "
  "hình thức trực tuyến)",
  "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính (kể cả liên hệ theo "
  "hình thức trực tuyến)",
  "Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa",
  "Công khai các thủ tục hành chính",
  "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết thủ tục "
  "hành chính",
  "Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân",
  "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền",
};

static const char *const level_titles[MC_EVALUATION_N_LEVELS] = {
  "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng",
};

const char *
mc_evaluation_index_title (int index)
{
  g_return_val_if_fail (index >= 1 && index <= MC_EVALUATION_N_INDICES, "");
  return index_titles[index - 1];
}

const char *
mc_evaluation_level_title (int level)
{
  g_return_val_if_fail (level >= 1 && level <= MC_EVALUATION_N_LEVELS, "");
  return level_titles[level - 1];
}

/* Tenths as an integer: "15" → 150, "17,5" or "17.5" → 175. */
static gboolean
parse_tenths (const char *text, guint *tenths)
{
  g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  char *end = NULL;
  double value = g_ascii_strtod (copy, &end);

  if (*copy == '\0' || *end != '\0' || value < 0 || value > 1000)
    return FALSE;
  *tenths = (guint) (value * 10 + 0.5);
  return TRUE;
}

/* One "Label ≥ N" or "Label > N" clause: the label, strictness and N. */
static gboolean
parse_clause (const char *clause, char **label, gboolean *strict, guint *tenths)
{
  static const char *const ops[] = { "≥", ">=", ">" };

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      const char *at = strstr (clause, ops[i]);

      if (at == NULL)
        continue;
      *label = g_strstrip (g_strndup (clause, at - clause));
      *strict = g_str_equal (ops[i], ">");
      return **label != '\0' && parse_tenths (at + strlen (ops[i]), tenths);
    }
  return FALSE;
}

char *
mc_report_rating_label (const char *thresholds, guint total_tenths, GError **error)
{
  g_auto(GStrv) clauses = NULL;

  g_return_val_if_fail (thresholds != NULL, NULL);

  clauses = g_strsplit (thresholds, ";", -1);
  for (int i = 0; clauses[i]; i++)
    {
      g_autofree char *label = NULL;
      gboolean strict = FALSE;
      guint limit = 0;

      if (*g_strstrip (clauses[i]) == '\0')
        continue;
      if (!parse_clause (clauses[i], &label, &strict, &limit))
        {
          g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                       _("The rating thresholds “%s” cannot be read: write them like “Xuất sắc > 15; Tốt ≥ 12”"),
                       thresholds);
          return NULL;
        }
      if (strict ? total_tenths > limit : total_tenths >= limit)
        return g_steal_pointer (&label);
    }
  return g_strdup ("");
}

/* Rounds num / den to the nearest integer, halves up. */
static guint
round_ratio (guint64 num, guint64 den)
{
  return den == 0 ? 0 : (guint) ((2 * num + den) / (2 * den));
}

static gboolean
gather (McDb *db, gint64 unit_id, McTime t0, McTime t1, McReportEvaluation *r, guint64 sums[], GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db,
      "SELECT count (*), count (i1), count (i2), count (i3), count (i4), count (i5), count (i6), count (i7), "
      "count (i8), count (i9), total (i1), total (i2), total (i3), total (i4), total (i5), total (i6), total (i7), "
      "total (i8), total (i9), total (satisfaction = 1), total (satisfaction = 2), total (satisfaction = 3), "
      "total (satisfaction = 4), total (satisfaction = 5) FROM rating r JOIN dossier d ON d.id = r.dossier_id "
      "WHERE d.unit_id = ?1 AND r.rated_at >= ?2 AND r.rated_at < ?3", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_int64 (stmt, 2, t0);
  mc_sql_bind_int64 (stmt, 3, t1);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;
  if (step == MC_DB_STEP_ROW)
    {
      r->n_ratings = (guint) mc_sql_column_int64 (stmt, 0);
      for (int i = 0; i < MC_EVALUATION_N_INDICES; i++)
        {
          r->index_count[i] = (guint) mc_sql_column_int64 (stmt, 1 + i);
          sums[i] = (guint64) mc_sql_column_double (stmt, 10 + i);
        }
      for (int l = 0; l < MC_EVALUATION_N_LEVELS; l++)
        r->level_count[l] = (guint) mc_sql_column_double (stmt, 19 + l);
    }
  mc_sql_reset (stmt);
  /* An aggregate always gives its row. */
  return step == MC_DB_STEP_ROW || mc_db_set_error (db, MC_SQL_DONE, error);
}

McReportEvaluation *
mc_report_evaluation_compute (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(McReportEvaluation) r = g_new0 (McReportEvaluation, 1);
  g_autofree char *thresholds = NULL;
  guint64 sums[MC_EVALUATION_N_INDICES] = { 0, };
  McReportRules rules;
  double exact = 0;
  McTime t0, t1;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (from <= to, NULL);

  if (!mc_report_check_permission (db, error) ||
      (unit_id == 0 && (unit_id = mc_report_own_unit (db, error)) == 0))
    return NULL;
  r->from = from;
  r->to = to;
  mc_report_bounds (from, to, &t0, &t1);
  if (!gather (db, unit_id, t0, t1, r, sums, error))
    return NULL;
  if (!mc_report_rules_load (db, &rules, error))
    return NULL;
  for (int i = 0; i < MC_EVALUATION_N_INDICES; i++)
    {
      r->index_tenths[i] = round_ratio (sums[i] * 10, r->index_count[i]);
      r->total_tenths += r->index_tenths[i];
      exact += r->index_count[i] == 0 ? 0 : 10.0 * (double) sums[i] / r->index_count[i];
    }
  /* report.evaluation_total (mc-report-rules.c): the exact sum rounded once. */
  if (rules.evaluation_exact)
    r->total_tenths = (guint) floor (exact + 0.5 + 1e-9);
  for (int l = 0; l < MC_EVALUATION_N_LEVELS; l++)
    r->n_satisfaction += r->level_count[l];
  for (int l = 0; l < MC_EVALUATION_N_LEVELS; l++)
    r->level_tenths[l] = round_ratio ((guint64) r->level_count[l] * 1000, r->n_satisfaction);
  if ((thresholds = mc_settings_get (db, MC_REPORT_RATING_THRESHOLDS_KEY, error)) == NULL)
    return NULL;
  r->rating = r->n_ratings == 0 ? g_strdup ("") : mc_report_rating_label (thresholds, r->total_tenths, error);
  if (r->rating == NULL)
    return NULL;
  return g_steal_pointer (&r);
}

void
mc_report_evaluation_free (McReportEvaluation *report)
{
  if (report == NULL)
    return;
  g_free (report->rating);
  g_free (report);
}

GPtrArray *
mc_report_evaluation_dossiers (McDb *db, gint64 unit_id, McDate from, McDate to, McEvaluationItem item,
                               GError **error)
{
  g_autofree char *sql = NULL;
  McTime t0, t1;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (item < MC_EVALUATION_N_ITEMS, NULL);

  if (!mc_report_check_permission (db, error) ||
      (unit_id == 0 && (unit_id = mc_report_own_unit (db, error)) == 0))
    return NULL;
  mc_report_bounds (from, to, &t0, &t1);
  if (item == MC_EVALUATION_ALL)  /* "AND 1" is refused by PostgreSQL (42804) */
    sql = g_strdup ("1 = 1");
  else if (item < MC_EVALUATION_LEVEL_1)
    sql = g_strdup_printf ("r.i%d IS NOT NULL", (int) item);
  else
    sql = g_strdup_printf ("r.satisfaction = %d", (int) item - MC_EVALUATION_LEVEL_1 + 1);
  {
    g_autofree char *query = g_strdup_printf ("SELECT d.code FROM rating r JOIN dossier d ON d.id = r.dossier_id "
                                              "WHERE d.unit_id = ?1 AND r.rated_at >= ?2 AND r.rated_at < ?3 "
                                              "AND %s ORDER BY r.rated_at, d.id", sql);

    return mc_report_query_strings (db, query, unit_id, t0, t1, error);
  }
}
