/* mc-queue-rating.c — the citizen's rating of a ticket's service at the
 * counter display, and what that display shows (issue 18 item 4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The five levels are the wording of the evaluation report's satisfaction
 * table (seed 002, last table: Rất không hài lòng, Không hài lòng, Bình
 * thường, Hài lòng, Rất hài lòng; mc-report-evaluation.c) and of the
 * ministries' public-service satisfaction surveys (e.g. the Bộ Thông tin và
 * Truyền thông's "Bộ câu hỏi khảo sát mức độ hài lòng", Rất hài lòng …
 * Rất không hài lòng, dichvucong.mic.gov.vn/Pages/DanhGia.aspx). QĐ
 * 766/QĐ-TTg (23/6/2022) makes "Mức độ hài lòng" one of the five groups of
 * its Bộ chỉ số (docs/LEGAL.md; notes/legal.md §2); no text found fixes
 * how a counter's touch screen asks it, so the display asks the one
 * question with those five answers and stores the level in the
 * satisfaction column the report already counts (table rating).
 *
 * Rating needs nobody: the display stands in front of the citizen with
 * nobody signed in, like the kiosk; what can be rated is bounded instead
 * — a ticket done, on the day, once.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-queue-rating.h"

static const char *const level_labels[MC_QUEUE_RATING_LEVELS] = {
  N_("Very dissatisfied"), N_("Dissatisfied"), N_("Neutral"), N_("Satisfied"), N_("Very satisfied"),
};

const char *
mc_queue_rating_level_label (int level)
{
  if (level < 1 || level > MC_QUEUE_RATING_LEVELS)
    return "";
  return _(level_labels[level - 1]);
}

static char *
day_of (McTime at)
{
  return mc_date_to_iso (mc_time_get_date (at));
}

int
mc_queue_get_rating (McQueue *self, gint64 ticket_id, GError **error)
{
  McDb *db = mc_queue_get_db (self);
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT level FROM queue_rating WHERE ticket_id = ?", error);
  int level = -1;

  if (stmt == NULL)
    return -1;
  mc_sql_bind_int64 (stmt, 1, ticket_id);
  switch (mc_db_step_row (db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      level = mc_sql_column_int (stmt, 0);
      mc_sql_reset (stmt);
      return level;
    case MC_DB_STEP_DONE:
      return 0;
    default:
      return -1;
    }
}

/* Inside the transaction: the ticket may be rated at `at`. */
static gboolean
check_rateable (McQueue *self, McQueueTicket *t, McTime at, GError **error)
{
  g_autofree char *day = day_of (at);
  const char *label = mc_queue_ticket_get_label (t);
  int rated;

  if (mc_queue_ticket_get_state (t) != MC_QUEUE_STATE_DONE)
    {
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE,
                   _("Ticket %s has not been served to the end: it cannot be rated yet"), label);
      return FALSE;
    }
  if (g_strcmp0 (day, mc_queue_ticket_get_day (t)) != 0)
    {
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE,
                   _("Ticket %s was served on another day: it can no longer be rated"), label);
      return FALSE;
    }
  if ((rated = mc_queue_get_rating (self, mc_queue_ticket_get_id (t), error)) != 0)
    {
      if (rated > 0)
        g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE, _("Ticket %s has already been rated"), label);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_queue_rate (McQueue *self, gint64 ticket_id, int level, McTime at, GError **error)
{
  McDb *db;
  McSqlStmt *stmt;
  g_autoptr(McQueueTicket) t = NULL;

  g_return_val_if_fail (MC_IS_QUEUE (self), FALSE);
  db = mc_queue_get_db (self);
  if (level < 1 || level > MC_QUEUE_RATING_LEVELS)
    {
      g_set_error_literal (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID, _("The satisfaction level is 1 to 5"));
      return FALSE;
    }
  if (!mc_db_begin (db, error))
    return FALSE;
  /* Read inside the write transaction: two displays (or a display and a
   * script) rating at once are serialized, the second refused. */
  if ((t = mc_queue_get_ticket (self, ticket_id, error)) == NULL || !check_rateable (self, t, at, error))
    goto failed;
  stmt = mc_db_prepare (db, "INSERT INTO queue_rating (ticket_id, level, rated_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  mc_sql_bind_int64 (stmt, 1, ticket_id);
  mc_sql_bind_int (stmt, 2, level);
  mc_sql_bind_int64 (stmt, 3, at);
  if (mc_db_step_done (db, stmt, error) && mc_db_commit (db, error))
    return TRUE;
failed:
  mc_db_rollback (db);
  return FALSE;
}

GPtrArray *
mc_queue_rated_dossiers (McQueue *self, gint64 ticket_id, GError **error)
{
  McDb *db = mc_queue_get_db (self);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *stmt;
  McDbStep step;

  /* A dossier rated at the return desk before keeps that rating: only a
   * rating recorded at the ticket's own time and level came from it. */
  stmt = mc_db_prepare (db, "SELECT d.code FROM queue_rating q JOIN queue_link l ON l.ticket_id = q.ticket_id "
                            "AND l.kind = 'return' JOIN dossier d ON d.id = l.dossier_id "
                            "JOIN rating r ON r.dossier_id = d.id AND r.rated_at = q.rated_at "
                            "AND r.satisfaction = q.level WHERE q.ticket_id = ? ORDER BY d.code", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, ticket_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (codes, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ERROR ? NULL : g_steal_pointer (&codes);
}

McQueueTicket *
mc_queue_find_ticket (McQueue *self, const char *label, McDate day, GError **error)
{
  McDb *db = mc_queue_get_db (self);
  g_autofree char *iso = mc_date_to_iso (day);
  g_autofree char *upper = g_ascii_strup (label ? label : "", -1);
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT id FROM queue_ticket WHERE day = ? AND label = ? "
                                      "ORDER BY id DESC LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return NULL;
  mc_sql_bind_text (stmt, 1, iso, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, g_strstrip (upper), -1, MC_SQL_TRANSIENT);
  switch (mc_db_step_row (db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_sql_reset (stmt);
      return mc_queue_get_ticket (self, id, error);
    case MC_DB_STEP_DONE:
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No ticket %s on %s"), label, iso);
      return NULL;
    default:
      return NULL;
    }
}

/* ---- the counter ------------------------------------------------------- */

McQueueTicket *
mc_queue_invite_rating (McQueue *self, int counter, McTime at, GError **error)
{
  McDb *db;
  g_autofree char *day = day_of (at);
  g_autoptr(McQueueCounter) c = NULL;
  McSqlStmt *stmt;
  gint64 actor, id = 0;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  db = mc_queue_get_db (self);
  actor = mc_db_get_actor (db);
  if (!mc_accounts_check (db, actor, MC_PERMISSION_RECEIVE, 0, error) ||
      !mc_accounts_check_time (db, actor, at, "Mời đánh giá", 0, error) ||
      (c = mc_queue_find_counter (self, counter, error)) == NULL)
    return NULL;
  if (!c->active)
    {
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No counter number %d in use"), counter);
      return NULL;
    }
  if (!mc_db_begin (db, error))
    return NULL;
  /* The counter's current ticket as mc_queue_current reads it; the
   * clerk's name stays the one who called it unless somebody acts now. */
  stmt = mc_db_prepare (db, "UPDATE queue_ticket SET state = 'done', served_at = coalesce (served_at, last_called_at, ?1), "
                            "done_at = ?1, staff_id = coalesce (?2, staff_id) WHERE id = (SELECT id FROM queue_ticket "
                            "WHERE counter_id = ?3 AND day = ?4 AND state IN ('called', 'serving') "
                            "ORDER BY last_called_at DESC, id DESC LIMIT 1) RETURNING id", error);
  if (stmt == NULL)
    goto failed;
  mc_sql_bind_int64 (stmt, 1, at);
  if (actor != 0)
    mc_sql_bind_int64 (stmt, 2, actor);
  else
    mc_sql_bind_null (stmt, 2);
  mc_sql_bind_int64 (stmt, 3, c->id);
  mc_sql_bind_text (stmt, 4, day, -1, MC_SQL_TRANSIENT);
  switch (mc_db_step_row (db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_sql_reset (stmt);
      break;
    case MC_DB_STEP_DONE:
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE, _("Counter %d has no ticket called or being served"),
                   counter);
      goto failed;
    default:
      goto failed;
    }
  if (mc_db_commit (db, error))
    return mc_queue_get_ticket (self, id, error);
failed:
  mc_db_rollback (db);
  return NULL;
}

McQueueDisplayMode
mc_queue_display_mode (McQueue *self, int counter, McTime at, McQueueTicket **ticket, GError **error)
{
  McDb *db;
  g_autofree char *day = day_of (at);
  McSqlStmt *stmt;
  McQueueState state = MC_QUEUE_STATE_WAITING;
  McQueueDisplayMode mode = MC_QUEUE_DISPLAY_IDLE;
  gint64 id = 0, done_at = 0;
  gboolean rated = FALSE;

  g_return_val_if_fail (MC_IS_QUEUE (self), MC_QUEUE_DISPLAY_IDLE);
  db = mc_queue_get_db (self);
  if (ticket)
    *ticket = NULL;
  /* Waiting tickets are left out: one transferred here keeps the time of
   * its call at the other counter and is nobody's at this one yet. */
  stmt = mc_db_prepare (db, "SELECT t.id, t.state, coalesce (t.done_at, 0), "
                            "EXISTS (SELECT 1 FROM queue_rating r WHERE r.ticket_id = t.id) "
                            "FROM queue_ticket t JOIN queue_counter c ON c.id = t.counter_id "
                            "WHERE c.number = ? AND t.day = ? AND t.state <> 'waiting' "
                            "AND t.last_called_at IS NOT NULL ORDER BY t.last_called_at DESC, t.id DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return MC_QUEUE_DISPLAY_IDLE;
  mc_sql_bind_int (stmt, 1, counter);
  mc_sql_bind_text (stmt, 2, day, -1, MC_SQL_TRANSIENT);
  switch (mc_db_step_row (db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_queue_state_from_string (mc_sql_column_text (stmt, 1), &state);
      done_at = mc_sql_column_int64 (stmt, 2);
      rated = mc_sql_column_int (stmt, 3) != 0;
      mc_sql_reset (stmt);
      break;
    case MC_DB_STEP_DONE:
      return MC_QUEUE_DISPLAY_IDLE;
    default:
      return MC_QUEUE_DISPLAY_IDLE;
    }
  if (state == MC_QUEUE_STATE_CALLED || state == MC_QUEUE_STATE_SERVING)
    mode = MC_QUEUE_DISPLAY_SERVING;
  else if (state == MC_QUEUE_STATE_DONE && !rated && at >= done_at && at - done_at < MC_QUEUE_RATING_SECONDS)
    mode = MC_QUEUE_DISPLAY_RATING;
  if (mode != MC_QUEUE_DISPLAY_IDLE && ticket != NULL && (*ticket = mc_queue_get_ticket (self, id, error)) == NULL)
    return MC_QUEUE_DISPLAY_IDLE;
  return mode;
}
