/* mc-announcement.c — the liveboard's ticker: announcements and hotlines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-announcement.h"
#include "mc-db-private.h"
#include "mc-text.h"

void
mc_announcement_free (McAnnouncement *announcement)
{
  if (announcement == NULL)
    return;
  g_free (announcement->text);
  g_free (announcement);
}

GPtrArray *
mc_announcement_list (McDb *db, gboolean active_only, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT id, position, text, active FROM announcement "
                                          "WHERE active <> 0 OR ? = 0 ORDER BY position, id", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_announcement_free);
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int (stmt, 1, active_only);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McAnnouncement *a = g_new0 (McAnnouncement, 1);

      a->id = mc_sql_column_int64 (stmt, 0);
      a->position = mc_sql_column_int (stmt, 1);
      a->text = g_strdup (mc_sql_column_text (stmt, 2));
      a->active = mc_sql_column_int (stmt, 3) != 0;
      g_ptr_array_add (list, a);
    }
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  mc_sql_reset (stmt);
  return g_steal_pointer (&list);
}

/* One line on a ticker: no line breaks, not empty, not a novel. */
static char *
validate_text (const char *text, GError **error)
{
  g_autofree char *normal = mc_text_normalize (text);

  if (normal == NULL || *normal == '\0')
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The announcement is empty"));
      return NULL;
    }
  if (g_utf8_strlen (normal, -1) > MC_ANNOUNCEMENT_MAX_CHARS)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                   _("The announcement is longer than %d characters"), MC_ANNOUNCEMENT_MAX_CHARS);
      return NULL;
    }
  g_strdelimit (normal, "\r\n\t", ' ');
  return g_steal_pointer (&normal);
}

gint64
mc_announcement_add (McDb *db, const char *text, GError **error)
{
  g_autofree char *valid = validate_text (text, error);
  McSqlStmt *stmt;

  if (valid == NULL)
    return 0;
  stmt = mc_db_prepare (db, "INSERT INTO announcement (position, text) "
                            "SELECT coalesce (max (position), -1) + 1, ? FROM announcement", error);
  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, valid, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (db, stmt, error))
    return 0;
  return mc_sql_last_insert_id (db);
}

static gboolean
check_changed (McDb *db, GError **error)
{
  if (mc_sql_changes (db) > 0)
    return TRUE;
  g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The announcement no longer exists"));
  return FALSE;
}

gboolean
mc_announcement_update (McDb *db, gint64 id, const char *text, gboolean active, GError **error)
{
  g_autofree char *valid = validate_text (text, error);
  McSqlStmt *stmt;

  if (valid == NULL)
    return FALSE;
  stmt = mc_db_prepare (db, "UPDATE announcement SET text = ?, active = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, valid, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 2, active ? 1 : 0);
  mc_sql_bind_int64 (stmt, 3, id);
  return mc_db_step_done (db, stmt, error) && check_changed (db, error);
}

gboolean
mc_announcement_remove (McDb *db, gint64 id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "DELETE FROM announcement WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, id);
  return mc_db_step_done (db, stmt, error) && check_changed (db, error);
}

/* Every position is rewritten by rank, so equal positions (rows added by
 * hand or by an older version) still move. */
static gboolean
renumber (McDb *db, GPtrArray *list, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "UPDATE announcement SET position = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      mc_sql_bind_int (stmt, 1, (int) i);
      mc_sql_bind_int64 (stmt, 2, ((McAnnouncement *) list->pdata[i])->id);
      if (!mc_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mc_announcement_move (McDb *db, gint64 id, int delta, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  guint i, j;

  if (!mc_db_begin (db, error))
    return FALSE;
  list = mc_announcement_list (db, FALSE, error);
  for (i = 0; list != NULL && i < list->len; i++)
    if (((McAnnouncement *) list->pdata[i])->id == id)
      break;
  if (list != NULL && i == list->len)
    g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The announcement no longer exists"));
  if (list == NULL || i == list->len)
    {
      mc_db_rollback (db);
      return FALSE;
    }
  j = delta < 0 ? (i > 0 ? i - 1 : i) : (i + 1 < list->len ? i + 1 : i);
  if (i != j)
    {
      gpointer tmp = list->pdata[i];
      list->pdata[i] = list->pdata[j];
      list->pdata[j] = tmp;
    }
  if (renumber (db, list, error))
    return mc_db_commit (db, error);
  mc_db_rollback (db);
  return FALSE;
}
