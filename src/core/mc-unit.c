/* mc-unit.c — the center's own unit (đơn vị): name, code, place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-text.h"
#include "mc-unit.h"

gboolean
mc_unit_get_own (McDb *db, McUnitInfo *info, GError **error)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  gint64 id = mc_catalog_get_own_unit (catalog, error);
  sqlite3_stmt *stmt;

  if (id == 0)
    return FALSE;
  stmt = mc_db_prepare (db, "SELECT code, name, coalesce (place_name, '') FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      info->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->place_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The code is printed as a barcode on every receipt: letters, digits, dots. */
static gboolean
valid_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.')
      return FALSE;
  return TRUE;
}

gboolean
mc_unit_set_own (McDb *db, const McUnitInfo *info, GError **error)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autofree char *name = mc_text_normalize (info->name);
  g_autofree char *place = mc_text_normalize (info->place_name);
  gint64 id = mc_catalog_get_own_unit (catalog, error);
  sqlite3_stmt *stmt;

  if (id == 0)
    return FALSE;
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The unit’s name is empty"));
      return FALSE;
    }
  if (!valid_code (info->code))
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                   _("The unit code may contain only letters, digits and dots, e.g. 000.00.06.H56"));
      return FALSE;
    }
  stmt = mc_db_prepare (db, "UPDATE unit SET code = ?, name = ?, place_name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, place, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  return mc_db_step_done (db, stmt, error);
}

void
mc_unit_info_clear (McUnitInfo *info)
{
  g_clear_pointer (&info->code, g_free);
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->place_name, g_free);
}

/* The name and parent the unit had at t: the first name it left after t,
 * else its current row. */
static gboolean
name_at (McDb *db, gint64 unit_id, gint64 t, char **name, gint64 *parent_id, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT name, parent_id FROM (SELECT name, parent_id, until_at "
                                          "FROM unit_former_name WHERE unit_id = ?1 AND until_at > ?2 "
                                          "UNION ALL SELECT name, parent_id, NULL FROM unit WHERE id = ?1) "
                                          "ORDER BY until_at IS NULL, until_at LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, t);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *parent_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || mc_db_set_error (db, rc, error);
}

gboolean
mc_unit_names_at (McDb *db, gint64 unit_id, gint64 t, char **name, char **parent_name, GError **error)
{
  gint64 parent_id = 0, grandparent = 0;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  *name = NULL;
  *parent_name = NULL;
  if (!name_at (db, unit_id, t, name, &parent_id, error))
    return FALSE;
  return parent_id == 0 || name_at (db, parent_id, t, parent_name, &grandparent, error);
}

gboolean
mc_unit_names_of_dossier (McDb *db, const char *code, char **name, char **parent_name, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT unit_id, received_at, unit_name, unit_parent_name "
                                          "FROM dossier WHERE code = ?", error);
  gint64 unit_id = 0, received = 0;
  int rc;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  *name = NULL;
  *parent_name = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      unit_id = sqlite3_column_int64 (stmt, 0);
      received = sqlite3_column_int64 (stmt, 1);
      *name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      *parent_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mc_db_set_error (db, rc, error);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("No dossier has the code “%s”"), code);
      return FALSE;
    }
  if (*name != NULL)
    return TRUE;
  g_clear_pointer (parent_name, g_free);
  return mc_unit_names_at (db, unit_id, received, name, parent_name, error);
}
