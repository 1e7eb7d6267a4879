/* mc-notification-store.c — the signed-in person's notifications: list, count, read, the overdue check
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Table `notification` (0018-notification.sql). The event-driven kinds are
 * written by mc_notification_for_event inside the workflow's transaction, so
 * a dossier handed over and its notification commit or roll back together;
 * "overdue" has no event and is found by mc_notification_check_overdue. The
 * reads are bounded: the list by the index (staff_id, at, id) and a limit,
 * the unread count by a partial index and MC_NOTIFICATION_COUNT_MAX.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-dossier-state.h"
#include "mc-notification-private.h"
#include "mc-notification-store.h"
#include "mc-object-list.h"
#include "mc-staff.h"

#define LIST_SQL                                                                                       \
  "SELECT n.id, n.kind, d.code, p.name, b.full_name, n.at, CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END FROM notification n " \
  "JOIN dossier d ON d.id = n.dossier_id JOIN procedure p ON p.id = d.procedure_id "                  \
  "LEFT JOIN staff b ON b.id = n.by_staff_id WHERE n.staff_id = ?1 "

/* The leader role as stored in staff.roles (a comma-separated list). */
#define IS_LEADER(alias) "(',' || " alias ".roles || ',' LIKE '%,lanh_dao_ubnd,%')"

static McNotification *
read_notification (McSqlStmt *stmt)
{
  McNotificationKind kind = MC_NOTIFICATION_ASSIGNED;

  mc_notification_kind_from_string (mc_sql_column_text (stmt, 1), &kind);
  return g_object_new (MC_TYPE_NOTIFICATION,
                       "id", mc_sql_column_int64 (stmt, 0),
                       "kind", (int) kind,
                       "dossier-code", mc_sql_column_text (stmt, 2),
                       "procedure-name", mc_sql_column_text (stmt, 3),
                       "by-name", mc_sql_column_text (stmt, 4),
                       "at", mc_sql_column_int64 (stmt, 5),
                       "read", mc_sql_column_int (stmt, 6) != 0,
                       NULL);
}

static gboolean
count_rows (McDb *db, const char *sql, gint64 staff, guint *n, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;

  *n = 0;
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, staff);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *n = (guint) mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ROW;
}

GPtrArray *
mc_notification_list (McDb *db, gboolean unread_only, guint limit, guint *n_total, GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 staff;
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if (n_total)
    *n_total = 0;
  staff = mc_db_get_actor (db);
  if (staff == 0)  /* nobody signed in: nobody's notifications */
    return g_steal_pointer (&items);
  if (n_total && !count_rows (db, unread_only
                                    ? "SELECT count(*) FROM notification WHERE staff_id = ?1 AND read_at IS NULL"
                                    : "SELECT count(*) FROM notification WHERE staff_id = ?1",
                              staff, n_total, error))
    return NULL;
  stmt = mc_db_prepare (db, unread_only ? LIST_SQL "AND n.read_at IS NULL ORDER BY n.at DESC, n.id DESC LIMIT ?2"
                                        : LIST_SQL "ORDER BY n.at DESC, n.id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, staff);
  mc_sql_bind_int64 (stmt, 2, limit);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (items, read_notification (stmt));
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE ? g_steal_pointer (&items) : NULL;
}

gboolean
mc_notification_count_unread (McDb *db, guint *n, GError **error)
{
  gint64 staff;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (n != NULL, FALSE);

  *n = 0;
  staff = mc_db_get_actor (db);
  if (staff == 0)
    return TRUE;
  return count_rows (db, "SELECT count(*) FROM (SELECT 1 FROM notification WHERE staff_id = ?1 "
                         "AND read_at IS NULL LIMIT " G_STRINGIFY (MC_NOTIFICATION_COUNT_MAX) ") AS unread",
                     staff, n, error);
}

gboolean
mc_notification_mark_read (McDb *db, gint64 id, GError **error)
{
  gint64 staff;
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  staff = mc_db_get_actor (db);
  stmt = mc_db_prepare (db, "UPDATE notification SET read_at = coalesce (read_at, ?3) "
                            "WHERE id = ?1 AND staff_id = ?2 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, id);
  mc_sql_bind_int64 (stmt, 2, staff);
  mc_sql_bind_int64 (stmt, 3, mc_time_now ());
  step = mc_db_step_row (db, stmt, error);
  mc_sql_reset (stmt);
  /* Another person's notification is not found, as one that does not exist. */
  if (step == MC_DB_STEP_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("You have no notification number %s"), number);
    }
  return step == MC_DB_STEP_ROW;
}

gboolean
mc_notification_mark_all_read (McDb *db, guint *n_marked, GError **error)
{
  gint64 staff;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (n_marked)
    *n_marked = 0;
  staff = mc_db_get_actor (db);
  if (staff == 0)
    return TRUE;
  stmt = mc_db_prepare (db, "UPDATE notification SET read_at = ?2 WHERE staff_id = ?1 AND read_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, staff);
  mc_sql_bind_int64 (stmt, 2, mc_time_now ());
  if (!mc_db_step_done (db, stmt, error))
    return FALSE;
  if (n_marked)
    *n_marked = (guint) mc_sql_changes (db);
  return TRUE;
}

/* The workflow's side */

static gboolean
add (McDb *db, gint64 staff, McNotificationKind kind, gint64 dossier, McTime at, gint64 by, GError **error)
{
  McSqlStmt *stmt;

  if (staff == 0 || staff == by)
    return TRUE;
  stmt = mc_db_prepare (db, "INSERT INTO notification (staff_id, kind, dossier_id, at, by_staff_id) "
                            "VALUES (?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, staff);
  mc_sql_bind_text (stmt, 2, mc_notification_kind_to_string (kind), -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 3, dossier);
  mc_sql_bind_int64 (stmt, 4, at);
  if (by != 0)
    mc_sql_bind_int64 (stmt, 5, by);
  else
    mc_sql_bind_null (stmt, 5);
  return mc_db_step_done (db, stmt, error);
}

/* Who worked the step a dossier is sent back to: whoever sent it on from
 * that step (its last hand-over from there), else whoever was last given
 * it at that step (the send-back's own event names neither). */
static gboolean
worker_of_step (McDb *db, gint64 dossier, int step, gint64 *staff, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db,
      "SELECT coalesce ((SELECT staff_id FROM dossier_event WHERE dossier_id = ?1 AND step_from = ?2 "
      "                  AND staff_id IS NOT NULL AND kind IN ('transfer', 'send_external', 'finish') "
      "                  ORDER BY id DESC LIMIT 1), "
      "                 (SELECT to_staff_id FROM dossier_event WHERE dossier_id = ?1 AND step = ?2 "
      "                  AND to_staff_id IS NOT NULL ORDER BY id DESC LIMIT 1), 0)", error);
  McDbStep step_row;

  *staff = 0;
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, dossier);
  mc_sql_bind_int (stmt, 2, step);
  step_row = mc_db_step_row (db, stmt, error);
  if (step_row == MC_DB_STEP_ROW)
    *staff = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return step_row == MC_DB_STEP_ROW;
}

/* Mẫu 04 is signed by a leader of the unit (src/export/mc-apology-form.c,
 * "Signature"): one recorded by a leader is signed by that leader; one
 * recorded by a head of department waits for the unit's leaders. */
static gboolean
add_for_leaders (McDb *db, gint64 dossier, McTime at, gint64 actor, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db,
      "INSERT INTO notification (staff_id, kind, dossier_id, at, by_staff_id) "
      "SELECT s.id, 'apology', ?1, ?2, nullif (?3, 0) FROM staff s WHERE s.active <> 0 AND " IS_LEADER ("s") " "
      "AND s.id != ?3 AND NOT EXISTS (SELECT 1 FROM staff a WHERE a.id = ?3 AND " IS_LEADER ("a") ")", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, dossier);
  mc_sql_bind_int64 (stmt, 2, at);
  mc_sql_bind_int64 (stmt, 3, actor);
  return mc_db_step_done (db, stmt, error);
}

gboolean
mc_notification_for_event (McDb *db, gint64 dossier_id, McEventKind kind, gint64 actor, gint64 to_staff,
                           int step, McTime at, GError **error)
{
  gint64 worker = 0;

  switch (kind)
    {
    case MC_EVENT_TRANSFER:
      return add (db, to_staff, MC_NOTIFICATION_ASSIGNED, dossier_id, at, actor, error);
    case MC_EVENT_SEND_BACK:
      return worker_of_step (db, dossier_id, step, &worker, error) &&
             add (db, worker, MC_NOTIFICATION_RETURNED, dossier_id, at, actor, error);
    case MC_EVENT_APOLOGY:
      return add_for_leaders (db, dossier_id, at, actor, error);
    default:
      return TRUE;
    }
}

/* The overdue check */

typedef struct {
  gint64  id;
  char   *code;
  McTime  appointment;
} Overdue;

static void
overdue_clear (gpointer data)
{
  g_free (((Overdue *) data)->code);
}

/* The person's own open dossiers (by_department 0), or their department's,
 * whose appointment fell in (now − the look-back, now] and which the
 * lateness rule (mc_deadlines_is_overdue: pauses stop the clock) calls
 * overdue now. */
static gboolean
find_overdue (McDb *db, gint64 staff, gint64 department, McTime now, GArray *found, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT d.id, d.code, " MC_DEADLINES_COLUMNS " FROM dossier d WHERE d.state IN %s AND %s = ?1 "
      "AND d.appointment_at > ?2 AND d.appointment_at <= ?3", mc_dossier_state_open_sql (),
      department ? "d.current_department_id" : "d.current_staff_id");
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, department ? department : staff);
  mc_sql_bind_int64 (stmt, 2, now - (McTime) MC_NOTIFICATION_OVERDUE_DAYS * 24 * 3600);
  mc_sql_bind_int64 (stmt, 3, now);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDeadlines deadlines;
      Overdue o;

      mc_deadlines_from_row (&deadlines, stmt, 2);
      if (!mc_deadlines_is_overdue (&deadlines, now))
        continue;
      o.id = mc_sql_column_int64 (stmt, 0);
      o.code = g_strdup (mc_sql_column_text (stmt, 1));
      o.appointment = mc_deadlines_appointment (&deadlines, now);
      g_array_append_val (found, o);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* Writes the ones not yet told (the unique index notification_overdue_once
 * ignores the rest); the codes of those written go to `codes`. */
static gboolean
write_overdue (McDb *db, gint64 staff, GArray *found, GStrvBuilder *codes, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!mc_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      Overdue *o = &g_array_index (found, Overdue, i);
      McSqlStmt *stmt = mc_db_prepare (db, "INSERT INTO notification (staff_id, kind, dossier_id, at) "
                                              "VALUES (?, 'overdue', ?, ?) ON CONFLICT DO NOTHING", error);

      if (stmt == NULL)
        goto fail;
      mc_sql_bind_int64 (stmt, 1, staff);
      mc_sql_bind_int64 (stmt, 2, o->id);
      mc_sql_bind_int64 (stmt, 3, o->appointment);
      if (!mc_db_step_done (db, stmt, error))
        goto fail;
      if (mc_sql_changes (db) > 0 && g_hash_table_add (seen, &o->id))
        g_strv_builder_add (codes, o->code);
    }
  if (mc_db_commit (db, error))
    return TRUE;
fail:
  mc_db_rollback (db);
  return FALSE;
}

/* The actor's department, and whether they head it (lãnh đạo phòng). */
static gboolean
actor_department (McDb *db, gint64 staff, gint64 *department, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT coalesce (department_id, 0), roles FROM staff WHERE id = ?", error);
  McDbStep step;

  *department = 0;
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, staff);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW &&
      (mc_roles_from_string (mc_sql_column_text (stmt, 1), NULL) & MC_ROLE_HEAD) != 0)
    *department = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_notification_check_overdue (McDb *db, McTime now, GStrv *new_codes, GError **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Overdue));
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  gint64 staff, department;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  g_array_set_clear_func (found, overdue_clear);
  if (new_codes)
    *new_codes = NULL;
  staff = mc_db_get_actor (db);
  if (staff != 0 &&
      (!actor_department (db, staff, &department, error) || !find_overdue (db, staff, 0, now, found, error) ||
       (department != 0 && !find_overdue (db, staff, department, now, found, error)) ||
       (found->len > 0 && !write_overdue (db, staff, found, codes, error))))
    return FALSE;
  if (new_codes)
    *new_codes = g_strv_builder_end (codes);
  return TRUE;
}

/* The model */

static gint64
notification_key (gpointer item)
{
  return mc_notification_get_id (item);
}

typedef struct {
  McDb  *db;
  guint  limit;
} ModelSource;

static void
model_source_free (gpointer data)
{
  ModelSource *source = data;

  g_object_unref (source->db);
  g_free (source);
}

static GPtrArray *
load_notifications (McObjectList *list, McChangeKind kind, gpointer data, GError **error)
{
  ModelSource *source = data;

  return mc_notification_list (source->db, FALSE, source->limit, NULL, error);
}

GListModel *
mc_notification_list_model (McDb *db, guint limit, GError **error)
{
  g_autoptr(McObjectList) list = NULL;
  ModelSource *source;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  source = g_new0 (ModelSource, 1);
  source->db = g_object_ref (db);
  source->limit = limit;
  list = mc_object_list_new (MC_TYPE_NOTIFICATION, notification_key, NULL, load_notifications, source,
                             model_source_free);
  if (!mc_object_list_reload (list, error))
    return NULL;
  mc_object_list_follow (list, mc_db_get_changes (db), MC_CHANGE_MASK (MC_CHANGE_NOTIFICATION));
  return G_LIST_MODEL (g_steal_pointer (&list));
}
