/* mc-queue-dossier.c — which tickets a dossier was received or returned
 * under (issue 18): the link a clerk makes at the counter, and the list the
 * dossier's page shows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-queue-private.h"

void
mc_queue_dossier_link_free (McQueueDossierLink *link)
{
  if (link == NULL)
    return;
  g_free (link->label);
  g_free (link->day);
  g_free (link);
}

/* ---- the dossier ------------------------------------------------------- */

/* The ticket the clerk has at a counter today, called or being served. */
static gint64
staff_current (McQueue *self, gint64 staff_id, const char *day, McQueueState *state, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (mc_queue_get_db (self), "SELECT id, state FROM queue_ticket WHERE staff_id = ? AND day = ? "
                                                "AND state IN ('called', 'serving') "
                                                "ORDER BY last_called_at DESC, id DESC LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  mc_sql_bind_int64 (stmt, 1, staff_id);
  mc_sql_bind_text (stmt, 2, day, -1, MC_SQL_TRANSIENT);
  switch (mc_db_step_row (mc_queue_get_db (self), stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_queue_state_from_string (mc_queue_column_text (stmt, 1), state);
      mc_sql_reset (stmt);
      return id;
    case MC_DB_STEP_DONE:
      return 0;
    default:
      return -1;
    }
}

static gboolean
insert_link (McQueue *self, gint64 ticket_id, gint64 dossier_id, McQueueLinkKind kind, McTime at, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (mc_queue_get_db (self), "INSERT INTO queue_link (ticket_id, dossier_id, kind, at) "
                                                "VALUES (?, ?, ?, ?) ON CONFLICT (dossier_id, kind) DO UPDATE "
                                                "SET ticket_id = excluded.ticket_id, at = excluded.at", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, ticket_id);
  mc_sql_bind_int64 (stmt, 2, dossier_id);
  mc_sql_bind_text (stmt, 3, kind == MC_QUEUE_LINK_RECEIVE ? "receive" : "return", -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 4, at);
  return mc_db_step_done (mc_queue_get_db (self), stmt, error);
}

static gint64
dossier_id (McQueue *self, const char *code, GError **error)
{
  g_autoptr(GError) local = NULL;
  gint64 id = mc_db_lookup_id (mc_queue_get_db (self), "dossier", "code", code, &local);

  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (id == 0)
    g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No dossier has the code “%s”"), code);
  return id;
}

gboolean
mc_queue_link_dossier (McQueue *self, const char *code, McQueueLinkKind kind, McTime at, McQueueTicket **ticket,
                       GError **error)
{
  g_autofree char *day = mc_queue_day_of (at);
  gint64 actor, id, dossier;
  McQueueState state = MC_QUEUE_STATE_WAITING;

  g_return_val_if_fail (MC_IS_QUEUE (self) && code != NULL, FALSE);
  if (ticket)
    *ticket = NULL;
  actor = mc_db_get_actor (mc_queue_get_db (self));
  if (actor == 0)
    return TRUE;  /* nobody at a counter */
  if (!mc_accounts_check (mc_queue_get_db (self), actor, kind == MC_QUEUE_LINK_RECEIVE ? MC_PERMISSION_RECEIVE
                                                                          : MC_PERMISSION_RETURN, 0, error) ||
      (dossier = dossier_id (self, code, error)) == 0 || !mc_db_begin (mc_queue_get_db (self), error))
    return FALSE;
  id = staff_current (self, actor, day, &state, error);
  if (id > 0 && state == MC_QUEUE_STATE_CALLED &&
      !mc_queue_update_ticket (self, "state = 'serving', served_at = ?1", id, at, 0, error))
    id = -1;
  if (id < 0 || (id > 0 && !insert_link (self, id, dossier, kind, at, error)) || !mc_db_commit (mc_queue_get_db (self), error))
    {
      mc_db_rollback (mc_queue_get_db (self));
      return FALSE;
    }
  if (id > 0 && ticket)
    *ticket = mc_queue_get_ticket (self, id, NULL);
  return TRUE;
}

GPtrArray *
mc_queue_dossier_links (McQueue *self, const char *code, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_dossier_link_free);
  McSqlStmt *stmt;
  McDbStep step;
  gint64 dossier;

  g_return_val_if_fail (MC_IS_QUEUE (self) && code != NULL, NULL);
  if ((dossier = dossier_id (self, code, error)) == 0)
    return NULL;
  stmt = mc_db_prepare (mc_queue_get_db (self), "SELECT l.kind, t.label, t.day, c.number, t.taken_at, "
                                  "coalesce (t.called_at - t.taken_at, -1), "
                                  "CASE WHEN t.state = 'done' THEN t.done_at - t.served_at ELSE -1 END "
                                  "FROM queue_link l JOIN queue_ticket t ON t.id = l.ticket_id "
                                  "LEFT JOIN queue_counter c ON c.id = t.counter_id "
                                  "WHERE l.dossier_id = ? ORDER BY l.kind = 'return', l.id", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, dossier);
  while ((step = mc_db_step_row (mc_queue_get_db (self), stmt, error)) == MC_DB_STEP_ROW)
    {
      McQueueDossierLink *l = g_new0 (McQueueDossierLink, 1);

      l->kind = g_str_equal (mc_queue_column_text (stmt, 0), "return") ? MC_QUEUE_LINK_RETURN : MC_QUEUE_LINK_RECEIVE;
      l->label = g_strdup (mc_queue_column_text (stmt, 1));
      l->day = g_strdup (mc_queue_column_text (stmt, 2));
      l->counter = mc_sql_column_int (stmt, 3);
      l->taken_at = mc_sql_column_int64 (stmt, 4);
      l->wait_seconds = mc_sql_column_int64 (stmt, 5);
      l->service_seconds = mc_sql_column_int64 (stmt, 6);
      g_ptr_array_add (list, l);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

