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
