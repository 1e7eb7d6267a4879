/* mc-report-lists.c — the rows of the lists behind the reports' figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures' functions give codes (so a list always has exactly as many
 * entries as its figure); this file only looks up what a clerk reads of
 * each, one indexed lookup a code.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "mc-report.h"
#include "mc-report-lists.h"

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

void
mc_report_dossier_row_free (McReportDossierRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->applicant_name);
  g_free (row->procedure_name);
  g_free (row);
}

void
mc_report_procedure_row_free (McReportProcedureRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row->field_name);
  g_free (row->mechanism);
  g_free (row);
}

void
mc_report_unit_free (McReportUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->code);
  g_free (unit->name);
  g_free (unit->relation);
  g_free (unit);
}

/* Steps `stmt` bound to each code; `read` makes the row. */
static GPtrArray *
lookup_each (McDb *db, GPtrArray *codes, const char *sql, gpointer (*read) (sqlite3_stmt *),
             GDestroyNotify free_row, GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (codes != NULL, NULL);

  if (!mc_report_check_permission (db, error) || (stmt = mc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  rows = g_ptr_array_new_full (codes->len, free_row);
  for (guint i = 0; i < codes->len; i++)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, codes->pdata[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (rows, read (stmt));
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("“%s” is no longer in the database"),
                       (const char *) codes->pdata[i]);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          mc_db_set_error (db, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&rows);
}

static gpointer
read_dossier (sqlite3_stmt *stmt)
{
  McReportDossierRow *row = g_new0 (McReportDossierRow, 1);

  row->code = column_text (stmt, 0);
  row->applicant_name = column_text (stmt, 1);
  row->procedure_name = column_text (stmt, 2);
  row->received_at = sqlite3_column_int64 (stmt, 3);
  row->finished_at = sqlite3_column_int64 (stmt, 4);
  return row;
}

GPtrArray *
mc_report_dossier_rows (McDb *db, GPtrArray *codes, GError **error)
{
  return lookup_each (db, codes,
                      "SELECT d.code, d.applicant_name, p.name, d.received_at, coalesce (d.finished_at, 0) "
                      "FROM dossier d JOIN procedure p ON p.id = d.procedure_id WHERE d.code = ?1",
                      read_dossier, (GDestroyNotify) mc_report_dossier_row_free, error);
}

static gpointer
read_procedure (sqlite3_stmt *stmt)
{
  McReportProcedureRow *row = g_new0 (McReportProcedureRow, 1);

  row->code = column_text (stmt, 0);
  row->name = column_text (stmt, 1);
  row->field_name = column_text (stmt, 2);
  row->mechanism = column_text (stmt, 3);
  return row;
}

GPtrArray *
mc_report_procedure_rows (McDb *db, GPtrArray *codes, GError **error)
{
  return lookup_each (db, codes,
                      "SELECT p.code, p.name, f.name, p.mechanism FROM procedure p "
                      "JOIN field f ON f.id = p.field_id WHERE p.code = ?1",
                      read_procedure, (GDestroyNotify) mc_report_procedure_row_free, error);
}

GPtrArray *
mc_report_units (McDb *db, GError **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_report_unit_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db, "SELECT id, code, name, relation FROM unit WHERE relation IN ('self', 'subordinate') "
                            "ORDER BY relation <> 'self', name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      McReportUnit *unit = g_new0 (McReportUnit, 1);

      unit->id = sqlite3_column_int64 (stmt, 0);
      unit->code = column_text (stmt, 1);
      unit->name = column_text (stmt, 2);
      unit->relation = column_text (stmt, 3);
      g_ptr_array_add (units, unit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      mc_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}
