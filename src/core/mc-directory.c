/* mc-directory.c — who can hold a dossier: active staff
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-db-private.h"
#include "mc-directory.h"

GPtrArray *
mc_directory_list_staff (McDb *db, gint64 department_id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) list = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db,
      "SELECT s.id, s.username, s.full_name, s.title, coalesce (s.department_id, 0), d.code, d.name "
      "FROM staff s LEFT JOIN department d ON d.id = s.department_id "
      "WHERE s.active AND (?1 = 0 OR s.department_id = ?1) ORDER BY s.full_name, s.username", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, department_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (list, g_object_new (MC_TYPE_STAFF,
                                         "id", (gint64) sqlite3_column_int64 (stmt, 0),
                                         "username", (const char *) sqlite3_column_text (stmt, 1),
                                         "full-name", (const char *) sqlite3_column_text (stmt, 2),
                                         "title", (const char *) sqlite3_column_text (stmt, 3),
                                         "department-id", (gint64) sqlite3_column_int64 (stmt, 4),
                                         "department-code", (const char *) sqlite3_column_text (stmt, 5),
                                         "department-name", (const char *) sqlite3_column_text (stmt, 6),
                                         "active", TRUE,  /* only active staff are listed */
                                         NULL));
  sqlite3_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;  /* the error, not a shorter list */
  return g_steal_pointer (&list);
}


