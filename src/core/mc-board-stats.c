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

void
mc_department_rate_free (McDepartmentRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->name);
  g_free (rate);
}

GPtrArray *
mc_board_stats_department_rates (McDb *db, McTime from, McTime to, GError **error)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  gint64 unit = mc_catalog_get_own_unit (catalog, error);
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_department_rate_free);
  sqlite3_stmt *stmt;
  McDbStep step;

  if (unit == 0)
    return NULL;
  /* min (position) picks its row's department (SQLite's bare-column rule). */
  stmt = mc_db_prepare (db,
      "WITH lead AS (SELECT procedure_id, department_id, min (position) FROM procedure_step "
      "              WHERE role = 'chuyen_vien' GROUP BY procedure_id) "
      "SELECT dep.id, dep.name, count (*), total (d.timeliness IN ('early', 'on_time')) "
      "FROM dossier d JOIN lead l ON l.procedure_id = d.procedure_id "
      "JOIN department dep ON dep.id = l.department_id "
      "WHERE d.finished_at >= ? AND d.finished_at < ? AND d.timeliness IS NOT NULL AND d.unit_id = ? "
      "GROUP BY dep.id ORDER BY dep.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, unit);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDepartmentRate *rate = g_new0 (McDepartmentRate, 1);

      rate->department_id = sqlite3_column_int64 (stmt, 0);
      rate->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      rate->settled = (guint) sqlite3_column_int64 (stmt, 2);
      rate->in_time = (guint) sqlite3_column_double (stmt, 3);
      g_ptr_array_add (rates, rate);
    }
  sqlite3_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&rates);
}
