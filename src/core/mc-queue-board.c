/* mc-queue-board.c — what the lobby board shows of the queue
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last call per counter is one index seek per active counter
 * (queue_ticket_counter: counter, day, state) reading that counter's
 * tickets of the day that left the waiting line — a counter calls a few
 * hundred a day at most — and the summary one range of the covering index
 * queue_ticket_day. No new index: a board reload at a call reads tens of
 * rows, not the table.
 */
#include "config.h"

#include "mc-db-private.h"
#include "mc-queue-board.h"

McQueueCall *
mc_queue_call_copy (const McQueueCall *call)
{
  McQueueCall *copy = g_memdup2 (call, sizeof *call);

  copy->label = g_strdup (call->label);
  return copy;
}

void
mc_queue_call_free (McQueueCall *call)
{
  if (call == NULL)
    return;
  g_free (call->label);
  g_free (call);
}

static McQueueCall *
read_call (McSqlStmt *stmt)
{
  McQueueCall *call = g_new0 (McQueueCall, 1);
  const char *label = mc_sql_column_text (stmt, 1);
  const char *state = mc_sql_column_text (stmt, 5);

  call->ticket_id = mc_sql_column_int64 (stmt, 0);
  call->label = g_strdup (label ? label : "");
  call->counter = mc_sql_column_int (stmt, 2);
  call->called_at = mc_sql_column_int64 (stmt, 3);
  call->calls = mc_sql_column_int (stmt, 4);
  if (state == NULL || !mc_queue_state_from_string (state, &call->state))
    call->state = MC_QUEUE_STATE_CALLED;
  return call;
}

GPtrArray *
mc_queue_board_calls (McDb *db, McDate day, guint limit, GError **error)
{
  g_autofree char *iso = mc_date_to_iso (day);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_call_free);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  /* A correlated subquery per counter: both engines run it as a seek. */
  stmt = mc_db_prepare (db, "SELECT t.id, t.label, c.number, t.last_called_at, t.calls, t.state "
                            "FROM queue_counter c JOIN queue_ticket t ON t.id = "
                            "(SELECT t2.id FROM queue_ticket t2 WHERE t2.counter_id = c.id AND t2.day = ? "
                            "AND t2.state IN ('called', 'serving', 'done', 'absent') "
                            "AND t2.last_called_at IS NOT NULL "
                            "ORDER BY t2.last_called_at DESC, t2.id DESC LIMIT 1) "
                            "WHERE c.active <> 0 ORDER BY t.last_called_at DESC, t.id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_text (stmt, 1, iso, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, limit);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (calls, read_call (stmt));
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ERROR ? NULL : g_steal_pointer (&calls);
}

gboolean
mc_queue_board_summary (McDb *db, McDate day, McQueueBoardSummary *summary, GError **error)
{
  g_autofree char *iso = mc_date_to_iso (day);
  gint64 wait_sum = 0;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_DB (db) && summary != NULL, FALSE);

  *summary = (McQueueBoardSummary) { 0, 0, 0, -1 };
  stmt = mc_db_prepare (db, "SELECT (SELECT count (*) FROM queue_counter WHERE active <> 0), "
                            "coalesce (sum (CASE WHEN state = 'waiting' THEN 1 ELSE 0 END), 0), "
                            "count (called_at), coalesce (sum (called_at - taken_at), 0) "
                            "FROM queue_ticket WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, iso, -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (db, stmt, error) != MC_DB_STEP_ROW)
    return FALSE;
  summary->counters = mc_sql_column_int (stmt, 0);
  summary->waiting = mc_sql_column_int (stmt, 1);
  summary->called = mc_sql_column_int (stmt, 2);
  wait_sum = mc_sql_column_int64 (stmt, 3);
  mc_sql_reset (stmt);
  if (summary->called > 0)
    summary->wait_avg = (double) wait_sum / summary->called;
  return TRUE;
}
