/* mc-report-rules.c — the time rules the statutory figures follow
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three rules the sources leave open (issue 13, item 18), each a setting:
 *
 * 1. report.timeliness_basis — when a settled dossier is trước hạn, đúng
 *    hạn or quá hạn. Default "result": the moment its result is ready
 *    (dossier.finished_at, the state result_ready), compared with the
 *    appointment at half-day-session granularity (mc_calendar_classify).
 *    Why: Biểu 06a (Thông tư 01/2020/TT-VPCP) counts "số hồ sơ đã giải
 *    quyết", and the one implementation of the form we could read (the Thanh
 *    Hóa system, docs/LEGAL.md §3.1: BaoCaoSo06WhereBuilder.cs) counts a
 *    dossier settled in both its "result ready, waiting to be returned" and
 *    "returned" states (TRANG_THAI_DA_XU_LY = '9','10'), so the agency is not
 *    made late by a citizen who collects the result days after it was ready.
 *    No legal text defining the moment was found (Nghị định 61/2018/NĐ-CP,
 *    Nghị định 118/2025/NĐ-CP and TT 01/2020 as far as available, legal.md
 *    §9): "return" — the moment the result was handed over, where it was —
 *    is offered for a province that reads "trả kết quả" literally.
 * 2. report.06a_unsettled_on_time — Biểu 06a puts a dossier settled as không
 *    đủ điều kiện giải quyết, or withdrawn, in (9) đúng hạn even when it was
 *    settled after the appointment. Default on: Thanh Hóa's annotation of
 *    the form, "Đúng hạn (Bao gồm cả hồ sơ chờ Bổ sung và Trả lại/Xin rút)"
 *    (legal.md §3.1). Off: they are classed by their own time like the others
 *    (a withdrawal has no result time of its own: late if settled after the
 *    appointment, else on time).
 * 3. report.evaluation_total — the total of the nine indices (/18). Default
 *    "sum_rounded": the sum of the indices as printed, each rounded to 0,1,
 *    so the table adds up as seed 002 prints it (17,4/18). "exact": the sum
 *    of the exact means, rounded once. Nine roundings can move the total by
 *    up to 0,45 (the example: 17,1 printed where the exact total is
 *    17,42), and so across a rating threshold.
 *    Neither Thông tư 01/2018/TT-VPCP nor Quyết định 766/QĐ-TTg (2022, a
 *    different, 100-point index) says how to round: not found.
 */
#include "config.h"

#include <string.h>

#include "mc-lateness.h"
#include "mc-report-rules.h"
#include "mc-settings.h"

gboolean
mc_report_rules_load (McDb *db, McReportRules *rules, GError **error)
{
  g_autofree char *basis = NULL;
  g_autofree char *total = NULL;

  g_return_val_if_fail (MC_IS_DB (db) && rules != NULL, FALSE);

  /* Registered in mc-settings.c with the defaults documented above. A
   * report is never counted by default rules because the unit's could not
   * be read. */
  memset (rules, 0, sizeof *rules);
  if ((basis = mc_settings_get (db, MC_RULE_TIMELINESS_KEY, error)) == NULL ||
      (total = mc_settings_get (db, MC_RULE_EVALUATION_TOTAL_KEY, error)) == NULL ||
      !mc_settings_get_bool (db, MC_RULE_UNSETTLED_ON_TIME_KEY, &rules->unsettled_on_time, error))
    return FALSE;
  rules->by_return = g_strcmp0 (basis, MC_RULE_TIMELINESS_RETURN) == 0;
  rules->evaluation_exact = g_strcmp0 (total, MC_RULE_EVALUATION_EXACT) == 0;
  return TRUE;
}

gboolean
mc_report_rules_are_default_06a (const McReportRules *rules)
{
  g_return_val_if_fail (rules != NULL, TRUE);

  return !rules->by_return && rules->unsettled_on_time;
}

char *
mc_report_rules_note (const McReportRules *rules, gboolean timeliness, gboolean unsettled, gboolean evaluation)
{
  const char *parts[4] = { NULL, };
  guint n = 0;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (rules != NULL, NULL);

  if (timeliness)
    parts[n++] = rules->by_return
                   ? "trước hạn, đúng hạn, quá hạn tính theo thời điểm trả kết quả cho tổ chức, cá nhân"
                   : "trước hạn, đúng hạn, quá hạn tính theo thời điểm có kết quả giải quyết";
  if (unsettled)
    parts[n++] = rules->unsettled_on_time
                   ? "hồ sơ không đủ điều kiện giải quyết, rút hồ sơ tính vào đúng hạn"
                   : "hồ sơ không đủ điều kiện giải quyết, rút hồ sơ tính theo thời điểm giải quyết";
  if (evaluation)
    parts[n++] = rules->evaluation_exact
                   ? "tổng điểm tính từ điểm chính xác của các chỉ số, làm tròn một lần"
                   : "tổng điểm là tổng điểm các chỉ số đã làm tròn";
  if (n == 0)
    return NULL;
  joined = g_strjoinv ("; ", (char **) parts);
  return g_strdup_printf ("Cách tính: %s.", joined);
}

char *
mc_report_rules_sql_late (const McReportRules *rules)
{
  g_autofree char *appointment = NULL;

  g_return_val_if_fail (rules != NULL, NULL);

  if (!rules->by_return)
    return g_strdup ("(d.timeliness IS NOT DISTINCT FROM 'late')");
  /* Late is after the appointment, whatever the session (mc_calendar_classify). */
  appointment = mc_lateness_sql_appointment ("d.returned_at");
  return g_strdup_printf ("(CASE WHEN d.returned_at IS NOT NULL THEN d.returned_at > %s "
                          "ELSE d.timeliness IS NOT DISTINCT FROM 'late' END)", appointment);
}
