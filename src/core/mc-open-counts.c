/* mc-open-counts.c — the open dossiers' lateness counts from open_due
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a running dossier (mc-open-counts.h) at an instant T after its
 * reception, mc-lateness.h's definitions reduce to its two columns:
 *   quá hạn       T > due_at (no pause: the clock is T; no apology: the
 *                 appointment is due_at);
 *   chậm tiến độ  T > step_due_at;
 *   sắp đến hạn   not late and within one working day: due_at or
 *                 step_due_at in [T, soon] (mc-workflow-records.c,
 *                 compute_lateness).
 * The first two are open_due's rows of the days before T's local day plus
 * T's day read from dossier_running_due / dossier_running_step up to T; the
 * third reads the few days up to `soon` from the same indexes.
 */
#include "config.h"

#include "mc-db-private.h"
#include "mc-dossier-state.h"
#include "mc-open-counts.h"

/* Vietnam time, as open_due's days (migration 0031, daily_stat's rule). */
#define LOCAL_OFFSET 25200
#define DAY_SECONDS 86400

/* SQLite uses a partial index only for a query repeating its WHERE, and
 * `+state` keeps it from taking dossier_by_state; PostgreSQL has no unary
 * plus on text and proves the implication itself (migration 0029). */
static const char *
state_term (McDb *db)
{
  return mc_sql_on_server (db) ? "d.state" : "+d.state";
}

char *
mc_open_counts_running_sql (McDb *db)
{
  return g_strdup_printf ("%s IN %s AND d.paused_since IS NULL AND d.extended_due_at IS NULL "
                          "AND d.finished_at IS NULL", state_term (db), mc_dossier_state_open_sql ());
}

const char *
mc_open_counts_other_sql (McDb *db)
{
  static gsize once;
  static char *sql[2];

  if (g_once_init_enter (&once))
    {
      for (int server = 0; server < 2; server++)
        sql[server] = g_strdup_printf ("%s IN %s AND (d.paused_since IS NOT NULL OR d.extended_due_at IS NOT NULL "
                                       "OR d.finished_at IS NOT NULL)", server ? "d.state" : "+d.state",
                                       mc_dossier_state_open_sql ());
      g_once_init_leave (&once, 1);
    }
  return sql[mc_sql_on_server (db) ? 1 : 0];
}

const char *
mc_open_counts_other_table (McDb *db)
{
  return mc_sql_on_server (db) ? "dossier d" : "dossier d INDEXED BY dossier_open_other";
}

/* The latest reception among the open dossiers (dossier_open_by_received,
 * one entry): 0 when none is open. */
static gboolean
last_open_reception (McDb *db, McTime *last, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT d.received_at FROM dossier d WHERE %s IN %s "
                                          "ORDER BY d.received_at DESC LIMIT 1", state_term (db),
                                          mc_dossier_state_open_sql ());
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;

  *last = 0;
  if (stmt == NULL)
    return FALSE;
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *last = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_open_counts_apply (McDb *db, McTime now, gboolean *applies, GError **error)
{
  McTime last;

  g_return_val_if_fail (db != NULL && applies != NULL, FALSE);

  *applies = FALSE;
  if (!last_open_reception (db, &last, error))
    return FALSE;
  *applies = last < now;
  return TRUE;
}

gboolean
mc_open_counts_running (McDb *db, gint64 department_id, McTime now, McTime soon, McOpenCounts *counts,
                        gboolean *valid, GError **error)
{
  g_autofree char *running = mc_open_counts_running_sql (db);
  g_autofree char *sql = NULL;
  gint64 day = (now + LOCAL_OFFSET) / DAY_SECONDS;
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (db != NULL && counts != NULL && valid != NULL, FALSE);

  *counts = (McOpenCounts) { 0 };
  if (!mc_open_counts_apply (db, now, valid, error))
    return FALSE;
  if (!*valid)
    return TRUE;
  /* ?1 department (0: all), ?2 T's local day, ?3 that day's first second,
   * ?4 T, ?5 one working day after T. The "soon" part is a union of ids: a
   * dossier whose appointment and step are both near counts once. */
  sql = g_strdup_printf (
    "SELECT (SELECT coalesce (sum (n), 0) FROM open_due WHERE kind = 0 AND (?1 = 0 OR department_id = ?1)), "
    "(SELECT coalesce (sum (n), 0) FROM open_due WHERE kind = 0 AND day < ?2 AND (?1 = 0 OR department_id = ?1)), "
    "(SELECT coalesce (sum (n), 0) FROM open_due WHERE kind = 1 AND day < ?2 AND (?1 = 0 OR department_id = ?1)), "
    "(SELECT count (*) FROM dossier d WHERE %s AND d.due_at >= ?3 AND d.due_at < ?4 "
    " AND (?1 = 0 OR d.current_department_id = ?1)), "
    "(SELECT count (*) FROM dossier d WHERE %s AND d.step_due_at IS NOT NULL AND d.step_due_at >= ?3 "
    " AND d.step_due_at < ?4 AND (?1 = 0 OR d.current_department_id = ?1)), "
    "(SELECT count (*) FROM (SELECT d.id FROM dossier d WHERE %s AND d.due_at >= ?4 AND d.due_at <= ?5 "
    "  AND (?1 = 0 OR d.current_department_id = ?1) "
    " UNION SELECT d.id FROM dossier d WHERE %s AND d.step_due_at IS NOT NULL AND d.step_due_at >= ?4 "
    "  AND d.step_due_at <= ?5 AND (?1 = 0 OR d.current_department_id = ?1)) AS near)",
    running, running, running, running);
  stmt = mc_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, department_id);
  mc_sql_bind_int64 (stmt, 2, day);
  mc_sql_bind_int64 (stmt, 3, day * DAY_SECONDS - LOCAL_OFFSET);
  mc_sql_bind_int64 (stmt, 4, now);
  mc_sql_bind_int64 (stmt, 5, soon);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      counts->total = (guint) mc_sql_column_int64 (stmt, 0);
      counts->overdue = (guint) (mc_sql_column_int64 (stmt, 1) + mc_sql_column_int64 (stmt, 3));
      counts->step_late = (guint) (mc_sql_column_int64 (stmt, 2) + mc_sql_column_int64 (stmt, 4));
      counts->soon = (guint) mc_sql_column_int64 (stmt, 5);
      *valid = TRUE;
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

char *
mc_open_counts_urgent_sql (McDb *db, gint64 department_id)
{
  g_return_val_if_fail (db != NULL, NULL);

  return g_strdup_printf ("WHERE %s IN %s AND %s ORDER BY coalesce (d.step_due_at, d.due_at), d.id LIMIT ?2",
                          state_term (db), mc_dossier_state_open_sql (),
                          department_id != 0 ? "d.current_department_id = ?1" : "?1 = 0");
}
