/* mc-report-lists.c — the rows of the lists behind the reports' figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures' functions give codes (so a list always has exactly as many
 * entries as its figure); this file only looks up what a clerk reads of
 * each, one indexed lookup a code.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include "mc-db-private.h"
#include "mc-figure-dossier.h"
#include "mc-figure-procedure.h"
#include "mc-report.h"
#include "mc-report-lists.h"

static char *
column_text (McSqlStmt *stmt, int column)
{
  const char *text = mc_sql_column_text (stmt, column);

  return g_strdup (text ? text : "");
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

/* Steps `stmt` bound to each code; `read` makes the item. */
static GListModel *
lookup_each (McDb *db, GPtrArray *codes, GType type, const char *sql, gpointer (*read) (McSqlStmt *),
             GError **error)
{
  g_autoptr(GListStore) items = NULL;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (codes != NULL, NULL);

  if (!mc_report_check_permission (db, error) || (stmt = mc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  items = g_list_store_new (type);
  for (guint i = 0; i < codes->len; i++)
    {
      McDbStep step;

      mc_sql_bind_text (stmt, 1, codes->pdata[i], -1, MC_SQL_TRANSIENT);
      step = mc_db_step_row (db, stmt, error);
      if (step == MC_DB_STEP_ERROR)
        return NULL;
      if (step == MC_DB_STEP_ROW)
        {
          g_autoptr(GObject) item = read (stmt);

          g_list_store_append (items, item);
        }
      mc_sql_reset (stmt);
      if (step == MC_DB_STEP_DONE)
        {
          g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("“%s” is no longer in the database"),
                       (const char *) codes->pdata[i]);
          return NULL;
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&items));
}

static gpointer
read_dossier (McSqlStmt *stmt)
{
  return mc_figure_dossier_new (mc_sql_column_text (stmt, 0),
                                mc_sql_column_text (stmt, 1),
                                mc_sql_column_text (stmt, 2), mc_sql_column_int64 (stmt, 3),
                                mc_sql_column_int64 (stmt, 4));
}

GListModel *
mc_report_figure_dossiers (McDb *db, GPtrArray *codes, GError **error)
{
  return lookup_each (db, codes, MC_TYPE_FIGURE_DOSSIER,
                      "SELECT d.code, coalesce (d.applicant_name, ''), p.name, d.received_at, "
                      "coalesce (d.finished_at, 0) "
                      "FROM dossier d JOIN procedure p ON p.id = d.procedure_id WHERE d.code = ?1",
                      read_dossier, error);
}

static gpointer
read_procedure (McSqlStmt *stmt)
{
  return mc_figure_procedure_new (mc_sql_column_text (stmt, 0),
                                  mc_sql_column_text (stmt, 1),
                                  mc_sql_column_text (stmt, 2),
                                  mc_sql_column_text (stmt, 3));
}

GListModel *
mc_report_figure_procedures (McDb *db, GPtrArray *codes, GError **error)
{
  return lookup_each (db, codes, MC_TYPE_FIGURE_PROCEDURE,
                      "SELECT p.code, p.name, f.name, p.mechanism FROM procedure p "
                      "JOIN field f ON f.id = p.field_id WHERE p.code = ?1",
                      read_procedure, error);
}

GPtrArray *
mc_report_units (McDb *db, GError **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_report_unit_free);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db, "SELECT id, code, name, relation FROM unit WHERE relation IN ('self', 'subordinate') "
                            "ORDER BY relation <> 'self', lower (name), id", error);
  if (stmt == NULL)
    return NULL;
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McReportUnit *unit = g_new0 (McReportUnit, 1);

      unit->id = mc_sql_column_int64 (stmt, 0);
      unit->code = column_text (stmt, 1);
      unit->name = column_text (stmt, 2);
      unit->relation = column_text (stmt, 3);
      g_ptr_array_add (units, unit);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&units);
}

gboolean
mc_report_unit_name (McDb *db, gint64 unit_id, char **name, char **level, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT name, level FROM unit WHERE (?1 = 0 AND relation = 'self') "
                                          "OR id = ?1 ORDER BY id LIMIT 1", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      *name = column_text (stmt, 0);
      if (level != NULL)
        *level = column_text (stmt, 1);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The unit does not exist"));
  return step == MC_DB_STEP_ROW;
}

gboolean
mc_report_subordinates_are_communes (McDb *db)
{
  return mc_db_query_int (db, "SELECT count (*) FROM unit WHERE relation = 'subordinate' AND level = 'xa'",
                          NULL) > 0;
}
