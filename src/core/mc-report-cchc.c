/* mc-report-cchc.c — Phụ lục thống kê CCHC, items 3.1–3.3 and 3.5
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 3.3.1 is Biểu 06a's (3) (received in the period plus those carried over)
 * split by channel, online dossiers by their level (một phần = the old
 * "mức độ 3", toàn trình = "mức độ 4"; an online dossier of unknown level
 * counts as một phần), plus the line "từ kỳ trước" the seeds' narratives
 * give, so the lines add up to the total. 3.3.2 is the dossiers settled in
 * the period with a result before or at their appointment, split by the
 * channel they came in by. 3.3.3 and 3.3.4 are those of the fields whose
 * name holds "đất đai" and "xây dựng". 3.5 counts the dossiers with an
 * apology (Mẫu 04) issued in the period. Every value is the count of one
 * predicate and its list selects with the same one.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-report.h"
#include "mc-report-cchc.h"
#include "mc-report-private.h"
#include "mc-reception.h"
#include "mc-report-rules.h"
#include "mc-text.h"

#define NEW "(d.received_at >= ?2 AND d.received_at < ?3)"
#define ONLINE_FULL "(d.channel = 'truc_tuyen' AND d.online_level IS 'full')"
#define ONLINE_PARTIAL "(d.channel = 'truc_tuyen' AND d.online_level IS NOT 'full')"
/* Not late by the stored timeliness; item_condition puts the rule of
 * report.timeliness_basis in its place (mc-report-rules.c). */
#define NOT_LATE "d.timeliness IS NOT 'late'"
#define ON_TIME "(d.finished_at >= ?2 AND d.finished_at < ?3 AND coalesce (d.outcome, 'approved') = 'approved' " \
                "AND " NOT_LATE ")"

static const struct {
  const char *number, *label, *unit, *condition;
} items[MC_CCHC_N_ITEMS] = {
  { "3.1.3", "Tổng số TTHC đang áp dụng", "Thủ tục", "1" },
  { "3.2.1", "Số TTHC đưa vào thực hiện theo cơ chế một cửa", "Thủ tục", "p.mechanism = 'mot_cua'" },
  { "3.2.3", "Số TTHC thực hiện theo cơ chế một cửa liên thông", "Thủ tục", "p.mechanism = 'lien_thong'" },
  { "3.3.1", "Số lượng hồ sơ đã tiếp nhận", "Số lượng hồ sơ",
    "d.received_at < ?3 AND (d.finished_at IS NULL OR d.finished_at >= ?2)" },
  { "", "Tiếp nhận trực tiếp", "Số lượng hồ sơ", NEW " AND d.channel = 'truc_tiep'" },
  { "", "Tiếp nhận qua BCCI", "Số lượng hồ sơ", NEW " AND d.channel = 'buu_chinh'" },
  { "", "Tiếp nhận trực tuyến một phần (mức độ 3)", "Số lượng hồ sơ", NEW " AND " ONLINE_PARTIAL },
  { "", "Tiếp nhận trực tuyến toàn trình (mức độ 4)", "Số lượng hồ sơ", NEW " AND " ONLINE_FULL },
  { "", "Từ kỳ trước chuyển qua", "Số lượng hồ sơ",
    "d.received_at < ?2 AND (d.finished_at IS NULL OR d.finished_at >= ?2)" },
  { "3.3.2", "Số lượng hồ sơ TTHC tiếp nhận được giải quyết đúng hạn", "Số lượng hồ sơ", ON_TIME },
  { "", "Trả trực tiếp", "nt", ON_TIME " AND d.channel = 'truc_tiep'" },
  { "", "Trả qua BCCI", "nt", ON_TIME " AND d.channel = 'buu_chinh'" },
  { "", "Giải quyết trực tuyến một phần (mức độ 3)", "nt", ON_TIME " AND " ONLINE_PARTIAL },
  { "", "Giải quyết trực tuyến toàn trình (mức độ 4)", "nt", ON_TIME " AND " ONLINE_FULL },
  { "3.3.3", "Số lượng hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hạn", "Số lượng hồ sơ",
    ON_TIME " AND p.field_id IN " },
  { "3.3.4", "Số lượng hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hạn", "Số lượng hồ sơ",
    ON_TIME " AND p.field_id IN " },
  { "3.5", "Số thư/trường hợp đã công khai xin lỗi", "Trường hợp",
    "EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id AND a.issued_at >= ?2 AND a.issued_at < ?3)" },
};

gboolean
mc_report_cchc_item_is_procedures (McCchcItem item)
{
  return item <= MC_CCHC_LINKED;
}

gboolean
mc_report_cchc_item_is_detail (McCchcItem item)
{
  g_return_val_if_fail (item < MC_CCHC_N_ITEMS, FALSE);
  return items[item].number[0] == '\0';
}

const char *
mc_report_cchc_item_number (McCchcItem item)
{
  g_return_val_if_fail (item < MC_CCHC_N_ITEMS, "");
  return items[item].number;
}

const char *
mc_report_cchc_item_label (McCchcItem item)
{
  g_return_val_if_fail (item < MC_CCHC_N_ITEMS, "");
  return items[item].label;
}

const char *
mc_report_cchc_item_unit (McCchcItem item)
{
  g_return_val_if_fail (item < MC_CCHC_N_ITEMS, "");
  return items[item].unit;
}

/* The fields whose folded name holds `words` ("dat dai"). */
static char *
fields_named (McDb *db, const char *words, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT id, name FROM field", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *folded = mc_text_fold ((const char *) sqlite3_column_text (stmt, 1));
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (strstr (folded, words) != NULL)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mc_db_set_error (db, rc, error);
      return NULL;
    }
  return mc_report_id_list (ids);
}

static char *
item_condition_as_stored (McDb *db, McCchcItem item, GError **error)
{
  g_autofree char *ids = NULL;

  /* Liên thông by the procedure's mechanism or the unit's declaration (mc-reception.h). */
  if (item == MC_CCHC_ONE_STOP || item == MC_CCHC_LINKED)
    {
      g_autofree char *linked = mc_reception_sql_linked ("?1");

      return item == MC_CCHC_LINKED ? g_steal_pointer (&linked) : g_strconcat ("NOT ", linked, NULL);
    }
  if (item != MC_CCHC_ON_TIME_LAND && item != MC_CCHC_ON_TIME_CONSTRUCTION)
    return g_strdup (items[item].condition);
  ids = fields_named (db, item == MC_CCHC_ON_TIME_LAND ? "dat dai" : "xay dung", error);
  return ids ? g_strconcat (items[item].condition, "(", ids, ")", NULL) : NULL;
}

static char *
item_condition (McDb *db, McCchcItem item, GError **error)
{
  char *condition = item_condition_as_stored (db, item, error);
  g_autofree char *late = NULL;
  g_autofree char *not_late = NULL;
  McReportRules rules;
  GString *s;

  mc_report_rules_load (db, &rules);
  if (condition == NULL || !rules.by_return || strstr (condition, NOT_LATE) == NULL)
    return condition;
  late = mc_report_rules_sql_late (&rules);
  not_late = g_strdup_printf ("NOT %s", late);
  s = g_string_new (condition);
  g_free (condition);
  g_string_replace (s, NOT_LATE, not_late, 0);
  return g_string_free (s, FALSE);
}


static char *
item_sql (McDb *db, McCchcItem item, gboolean count, GError **error)
{
  g_autofree char *condition = item_condition (db, item, error);

  if (condition == NULL)
    return NULL;
  /* The procedures the unit receives since 1/7/2025 (its competence and its
   * declarations, mc-reception.h), not only those of its level. */
  if (mc_report_cchc_item_is_procedures (item))
    {
      g_autofree char *received = mc_reception_sql_received ("?1");

      return g_strdup_printf ("SELECT %s FROM procedure p WHERE %s AND %s AND ?2 = ?2 AND ?3 = ?3 %s",
                              count ? "count (*)" : "p.code", received, condition, count ? "" : "ORDER BY p.code");
    }
  return g_strdup_printf ("SELECT %s FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
                          "WHERE d.unit_id = ?1 AND %s %s", count ? "count (*)" : "d.code", condition,
                          count ? "" : "ORDER BY d.received_at, d.id");
}

static gint64
resolve_unit (McDb *db, gint64 unit_id, GError **error)
{
  if (!mc_report_check_permission (db, error))
    return 0;
  return unit_id != 0 ? unit_id : mc_report_own_unit (db, error);
}

McReportCchc *
mc_report_cchc_compute (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autofree McReportCchc *report = g_new0 (McReportCchc, 1);
  McTime t0, t1;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (from <= to, NULL);

  if ((unit_id = resolve_unit (db, unit_id, error)) == 0)
    return NULL;
  report->from = from;
  report->to = to;
  mc_report_bounds (from, to, &t0, &t1);
  for (int i = 0; i < MC_CCHC_N_ITEMS; i++)
    {
      g_autofree char *sql = item_sql (db, i, TRUE, error);
      sqlite3_stmt *stmt = sql ? mc_db_prepare (db, sql, error) : NULL;
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_int64 (stmt, 2, t0);
      sqlite3_bind_int64 (stmt, 3, t1);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        report->value[i] = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          mc_db_set_error (db, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&report);
}

GPtrArray *
mc_report_cchc_items (McDb *db, gint64 unit_id, McDate from, McDate to, McCchcItem item, GError **error)
{
  g_autofree char *sql = NULL;
  McTime t0, t1;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (item < MC_CCHC_N_ITEMS, NULL);

  if ((unit_id = resolve_unit (db, unit_id, error)) == 0 || (sql = item_sql (db, item, FALSE, error)) == NULL)
    return NULL;
  mc_report_bounds (from, to, &t0, &t1);
  return mc_report_query_strings (db, sql, unit_id, t0, t1, error);
}
