/* mc-report-counters.c — month_stat checked against daily_stat, and rebuilt
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * month_stat (migration 0036) holds the sums of daily_stat by unit, month
 * and procedure, kept by triggers on daily_stat; Biểu 06a reads a period's
 * whole months from it (mc-report.c, count_daily). Here: how many of its
 * rows differ from the sums of daily_stat's rows (the direct computation),
 * and the table made again from them. The month of a day number is the day
 * number of its first day: SQLite's 'start of month', PostgreSQL's
 * mc_month_of () of the migration.
 */
#include "config.h"

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-report-private.h"

#define MONTH_SQLITE "CAST (julianday (day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER)"
#define MONTH_PG "mc_month_of (day)"
#define SUMS "sum (received_online), sum (received_direct), sum (settled_early), sum (settled_on_time), " \
             "sum (settled_late)"
#define COLUMNS "received_online, received_direct, settled_early, settled_on_time, settled_late"
#define NOT_ZERO(prefix) \
  "(" prefix "received_online <> 0 OR " prefix "received_direct <> 0 OR " prefix "settled_early <> 0 OR " \
  prefix "settled_on_time <> 0 OR " prefix "settled_late <> 0)"

/* The sums of daily_stat by month, rows that count anything, as
 * (unit_id, month, procedure_id, the five columns). */
static char *
summed_sql (McDb *db)
{
  return g_strdup_printf ("SELECT unit_id, month, procedure_id, " COLUMNS " FROM (SELECT unit_id, %s AS month, "
                          "procedure_id, sum (received_online) AS received_online, sum (received_direct) AS "
                          "received_direct, sum (settled_early) AS settled_early, sum (settled_on_time) AS "
                          "settled_on_time, sum (settled_late) AS settled_late FROM daily_stat "
                          "GROUP BY unit_id, 2, procedure_id) AS summed WHERE " NOT_ZERO (""),
                          mc_db_is_server (db) ? MONTH_PG : MONTH_SQLITE);
}

gint64
mc_report_month_stat_differences (McDb *db, GError **error)
{
  g_autofree char *summed = summed_sql (db);
  g_autofree char *sql = g_strdup_printf (
      "SELECT (SELECT count (*) FROM (%s EXCEPT SELECT unit_id, month, procedure_id, " COLUMNS " FROM month_stat) "
      "AS missing) + (SELECT count (*) FROM (SELECT unit_id, month, procedure_id, " COLUMNS " FROM month_stat "
      "WHERE " NOT_ZERO ("") " EXCEPT %s) AS extra)", summed, summed);
  GError *local = NULL;
  gint64 n;

  g_return_val_if_fail (MC_IS_DB (db), -1);

  n = mc_db_query_int (db, sql, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return -1;
    }
  return n;
}

gboolean
mc_report_month_stat_rebuild (McDb *db, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (!mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  /* On a server no login writes the table: the owner's function does
   * (resources/sql/pg/0036-month-stat.sql), for the administrators' group. */
  if (mc_db_is_server (db))
    return mc_db_exec (db, "SELECT mc_month_stat_rebuild ()", error);
  sql = g_strdup_printf ("DELETE FROM month_stat; INSERT INTO month_stat (unit_id, month, procedure_id, " COLUMNS ") "
                         "SELECT unit_id, " MONTH_SQLITE ", procedure_id, " SUMS " FROM daily_stat "
                         "GROUP BY 1, 2, 3");
  if (!mc_db_begin (db, error))
    return FALSE;
  if (!mc_db_exec (db, sql, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  return mc_db_commit (db, error);
}
