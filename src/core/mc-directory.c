/* mc-directory.c — who can hold a dossier: active staff
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-db-private.h"
#include "mc-directory.h"

GPtrArray *
mc_directory_list_staff (McDb *db, gint64 department_id, GError **error)
{
  McSqlStmt *stmt;
  g_autoptr(GPtrArray) list = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db,
      "SELECT s.id, s.username, s.full_name, s.title, coalesce (s.department_id, 0), d.code, d.name "
      "FROM staff s LEFT JOIN department d ON d.id = s.department_id "
      "WHERE s.active <> 0 AND (?1 = 0 OR s.department_id = ?1) ORDER BY s.full_name, s.username", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  mc_sql_bind_int64 (stmt, 1, department_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (list, g_object_new (MC_TYPE_STAFF,
                                         "id", (gint64) mc_sql_column_int64 (stmt, 0),
                                         "username", mc_sql_column_text (stmt, 1),
                                         "full-name", mc_sql_column_text (stmt, 2),
                                         "title", mc_sql_column_text (stmt, 3),
                                         "department-id", (gint64) mc_sql_column_int64 (stmt, 4),
                                         "department-code", mc_sql_column_text (stmt, 5),
                                         "department-name", mc_sql_column_text (stmt, 6),
                                         "active", TRUE,  /* only active staff are listed */
                                         NULL));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;  /* the error, not a shorter list */
  return g_steal_pointer (&list);
}


