/* mc-board-stats.c — figures the liveboard shows beside Biểu 06a
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The on-time rate by department counts whole dossiers, as 06a does, and
 * gives each to the department that settles it in substance: the first
 * "chuyên viên" step of its procedure. The reception center and the văn thư
 * handle nearly every dossier, so counting every department a dossier passed
 * through would rank them all alike; the step hand-overs (Mẫu 05) answer a
 * different question, the lateness of each step, and stay on the control sheet.
 */
#include "config.h"

#include "mc-board-stats.h"
#include "mc-catalog.h"
#include "mc-db-private.h"
#include "mc-report-private.h"

void
mc_department_rate_free (McDepartmentRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->name);
  g_free (rate);
}

void
mc_waiting_result_free (McWaitingResult *result)
{
  if (result == NULL)
    return;
  g_free (result->applicant_name);
  g_free (result->code);
  g_free (result->procedure);
  g_free (result);
}

GPtrArray *
mc_board_stats_waiting (McDb *db, guint limit, guint *total, GError **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_waiting_result_free);
  GError *local = NULL;
  McSqlStmt *stmt;
  McDbStep step;
  gint64 n;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  /* On a server the board's login reads no dossier row: board_waiting
   * (resources/sql/pg/0016-daily-stat.sql) has these rows with the name
   * masked by the server (mc_mask_name, the rule of mc_privacy_mask_name,
   * which leaves a masked name as it is). */
  if (mc_sql_on_server (db))
    n = mc_db_query_int (db, "SELECT count (*) FROM board_waiting", &local);
  else
    n = mc_db_query_int (db, "SELECT count (*) FROM dossier INDEXED BY dossier_waiting "
                             "WHERE finished_at IS NOT NULL AND returned_at IS NULL", &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (mc_sql_on_server (db))
    stmt = mc_db_prepare (db, "SELECT w.applicant_masked, w.code, w.procedure_name, w.finished_at, "
                              "w.state <> 'result_ready' FROM board_waiting w "
                              "ORDER BY w.finished_at DESC, w.id DESC LIMIT ?", error);
  else
    stmt = mc_db_prepare (db, "SELECT d.applicant_name, d.code, p.name, d.finished_at, d.state <> 'result_ready' "
                              "FROM dossier d INDEXED BY dossier_waiting JOIN procedure p ON p.id = d.procedure_id "
                              "WHERE d.finished_at IS NOT NULL AND d.returned_at IS NULL "
                              "ORDER BY d.finished_at DESC, d.id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, limit);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McWaitingResult *r = g_new0 (McWaitingResult, 1);

      r->applicant_name = g_strdup (mc_sql_column_text (stmt, 0));
      r->code = g_strdup (mc_sql_column_text (stmt, 1));
      r->procedure = g_strdup (mc_sql_column_text (stmt, 2));
      r->ready_at = mc_sql_column_int64 (stmt, 3);
      r->unqualified = mc_sql_column_int (stmt, 4);
      g_ptr_array_add (results, r);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  if (total != NULL)
    *total = (guint) n;
  return g_steal_pointer (&results);
}

GPtrArray *
mc_board_stats_apologies (McDb *db, McTime from, McTime to, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_apology_record_free);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db, "SELECT a.id, a.code, a.applicant_masked, a.procedure_name, a.department_name, "
                            "a.issued_at, a.new_due_at FROM board_apology a WHERE a.issued_at >= ? AND a.issued_at < ? "
                            "ORDER BY a.issued_at, a.id", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, from);
  mc_sql_bind_int64 (stmt, 2, to);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McApologyRecord *r = g_new0 (McApologyRecord, 1);

      r->id = mc_sql_column_int64 (stmt, 0);
      r->dossier_code = g_strdup (mc_sql_column_text (stmt, 1));
      r->applicant_name = g_strdup (mc_sql_column_text (stmt, 2));
      r->procedure_name = g_strdup (mc_sql_column_text (stmt, 3));
      r->department_name = g_strdup (mc_sql_column_text (stmt, 4));
      r->issued_at = mc_sql_column_int64 (stmt, 5);
      r->new_due_at = mc_sql_column_int64 (stmt, 6);
      g_ptr_array_add (rows, r);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rows);
}

/* The same rate from the dossier rows, the reference of the counters. */
#define RATE_FROM_ROWS \
  "SELECT dep.id, dep.name, count (*), total (d.timeliness IN ('early', 'on_time')) " \
  "FROM dossier d JOIN lead l ON l.procedure_id = d.procedure_id " \
  "JOIN department dep ON dep.id = l.department_id " \
  "WHERE d.finished_at >= ?1 AND d.finished_at < ?2 AND d.timeliness IS NOT NULL AND d.unit_id = ?3 " \
  "GROUP BY dep.id ORDER BY dep.name"
/* From the daily counters (migration 0016): ≤ 366 rows per procedure for a
 * year instead of every dossier settled in it. */
#define RATE_FROM_COUNTERS \
  "SELECT dep.id, dep.name, sum (s.timed), sum (s.timed_in_time) " \
  "FROM daily_stat s JOIN lead l ON l.procedure_id = s.procedure_id " \
  "JOIN department dep ON dep.id = l.department_id " \
  "WHERE s.day >= ?1 AND s.day < ?2 AND s.unit_id = ?3 " \
  "GROUP BY dep.id HAVING sum (s.timed) > 0 ORDER BY dep.name"

static GPtrArray *
department_rates (McDb *db, gboolean from_rows, gint64 from, gint64 to, GError **error)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  gint64 unit = mc_catalog_get_own_unit (catalog, error);
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_department_rate_free);
  McSqlStmt *stmt;
  McDbStep step;

  if (unit == 0)
    return NULL;
  stmt = mc_db_prepare (db, from_rows ? MC_BOARD_STATS_LEAD_SQL RATE_FROM_ROWS : MC_BOARD_STATS_LEAD_SQL RATE_FROM_COUNTERS,
                        error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, from);
  mc_sql_bind_int64 (stmt, 2, to);
  mc_sql_bind_int64 (stmt, 3, unit);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDepartmentRate *rate = g_new0 (McDepartmentRate, 1);

      rate->department_id = mc_sql_column_int64 (stmt, 0);
      rate->name = g_strdup (mc_sql_column_text (stmt, 1));
      rate->settled = (guint) mc_sql_column_int64 (stmt, 2);
      rate->in_time = (guint) mc_sql_column_double (stmt, 3);
      g_ptr_array_add (rates, rate);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rates);
}

GPtrArray *
mc_board_stats_department_rates (McDb *db, McDate from, McDate to, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), NULL);
  return department_rates (db, FALSE, from, to + 1, error);
}

GPtrArray *
mc_board_stats_department_rates_from_rows (McDb *db, McDate from, McDate to, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), NULL);
  return department_rates (db, TRUE, mc_time_from_local (from, 0), mc_time_from_local (to + 1, 0), error);
}

GPtrArray *
mc_board_stats_06a_periods (McDb *db, const McDate *from, guint n, McDate to, McTime now, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), NULL);
  return mc_report_06a_compute_periods (db, 0, from, n, to, TRUE, now, MC_REPORT_06A_CARRIED_DERIVED, error);
}
