/* mc-queue.c — the queue: tickets taken and called at the counters (issue
 * 18); services and counters are set up in mc-queue-setup.c, the link to
 * the dossier is mc-queue-dossier.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers: one row of queue_sequence per local day (Vietnam time, UTC+7)
 * and service, incremented by an upsert inside the BEGIN IMMEDIATE
 * transaction that inserts the ticket, so kiosks in several processes (or
 * PCs, on a server) are serialized by the write lock: no number twice, none
 * skipped, and a new day starts again at the service's first number.
 *
 * Priority: the categories (người cao tuổi, người khuyết tật, phụ nữ mang
 * thai, người có lịch hẹn trực tuyến) are those of issue 18. Luật Người cao
 * tuổi 2009 (Điều 9) and Luật Người khuyết tật 2010 give those people
 * priority in public services in general terms, but no text found sets the
 * order of a one-stop office's queue, so the order is the administrator's
 * setting (queue.priority_rule: priority first, one priority ticket every N,
 * or the order taken); see docs/huong-dan-su-dung.md.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-queue.h"
#include "mc-queue-private.h"
#include "mc-queue-ticket-private.h"
#include "mc-settings.h"

struct _McQueue {
  GObject parent_instance;
  McDb   *db;
};

G_DEFINE_FINAL_TYPE (McQueue, mc_queue, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-queue-error-quark, mc_queue_error)

/* The clerk's name through queue_clerk (migration 26): the counter display
 * and the board read tickets under the board's login on PostgreSQL, which
 * may not read staff. */
#define TICKET_SELECT                                                                              \
  "SELECT t.id, t.day, t.number, t.label, t.service_id, s.name, t.priority, t.state, c.number, "   \
  "t.staff_id, st.full_name, t.taken_at, t.called_at, t.last_called_at, t.served_at, t.done_at, "  \
  "t.calls, t.transfers FROM queue_ticket t JOIN queue_service s ON s.id = t.service_id "          \
  "LEFT JOIN queue_counter c ON c.id = t.counter_id LEFT JOIN queue_clerk st ON st.id = t.staff_id "

/* The state machine: which states each action moves a ticket from. */
static const guint allowed_from[MC_QUEUE_N_ACTIONS] = {
  [MC_QUEUE_ACTION_CALL] = 1u << MC_QUEUE_STATE_WAITING,
  [MC_QUEUE_ACTION_RECALL] = 1u << MC_QUEUE_STATE_CALLED,
  [MC_QUEUE_ACTION_SERVE] = 1u << MC_QUEUE_STATE_CALLED,
  [MC_QUEUE_ACTION_FINISH] = 1u << MC_QUEUE_STATE_SERVING,
  [MC_QUEUE_ACTION_SKIP] = 1u << MC_QUEUE_STATE_CALLED,
  [MC_QUEUE_ACTION_TRANSFER] = (1u << MC_QUEUE_STATE_CALLED) | (1u << MC_QUEUE_STATE_SERVING),
};

static const char *const action_names[MC_QUEUE_N_ACTIONS] = {
  N_("called"), N_("called again"), N_("served"), N_("finished"), N_("marked absent"), N_("transferred"),
};

gboolean
mc_queue_check_action (McQueueState state, McQueueAction action, const char *label, GError **error)
{
  g_return_val_if_fail (state < MC_QUEUE_N_STATES && action < MC_QUEUE_N_ACTIONS, FALSE);

  if (allowed_from[action] & (1u << state))
    return TRUE;
  /* Translators: "Số A025 đang ở trạng thái “Đang phục vụ”: không thể gọi lại" — the ticket, its
   * state, the action refused */
  g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE, _("Ticket %s is “%s”: it cannot be %s"), label,
               mc_queue_state_label (state), _(action_names[action]));
  return FALSE;
}

gboolean
mc_queue_fail (GError **error, McQueueError code, const char *message)
{
  g_set_error_literal (error, MC_QUEUE_ERROR, code, message);
  return FALSE;
}

char *
mc_queue_day_of (McTime at)
{
  return mc_date_to_iso (mc_time_get_date (at));
}

const char *
mc_queue_column_text (McSqlStmt *stmt, int i)
{
  const char *text = mc_sql_column_text (stmt, i);

  return text ? text : "";
}

/* ---- tickets ----------------------------------------------------------- */

static McQueueTicket *
ticket_from_row (McSqlStmt *stmt)
{
  McQueueTicketFields f = { 0 };

  f.id = mc_sql_column_int64 (stmt, 0);
  f.day = g_strdup (mc_queue_column_text (stmt, 1));
  f.number = mc_sql_column_int (stmt, 2);
  f.label = g_strdup (mc_queue_column_text (stmt, 3));
  f.service_id = mc_sql_column_int64 (stmt, 4);
  f.service_name = g_strdup (mc_queue_column_text (stmt, 5));
  mc_queue_priority_from_string (mc_sql_column_text (stmt, 6), &f.priority);
  mc_queue_state_from_string (mc_queue_column_text (stmt, 7), &f.state);
  f.counter = mc_sql_column_int (stmt, 8);
  f.staff_id = mc_sql_column_int64 (stmt, 9);
  f.staff_name = g_strdup (mc_queue_column_text (stmt, 10));
  f.taken_at = mc_sql_column_int64 (stmt, 11);
  f.called_at = mc_sql_column_int64 (stmt, 12);
  f.last_called_at = mc_sql_column_int64 (stmt, 13);
  f.served_at = mc_sql_column_int64 (stmt, 14);
  f.done_at = mc_sql_column_int64 (stmt, 15);
  f.calls = mc_sql_column_int (stmt, 16);
  f.transfers = mc_sql_column_int (stmt, 17);
  return mc_queue_ticket_new_take (&f);
}

McQueueTicket *
mc_queue_get_ticket (McQueue *self, gint64 id, GError **error)
{
  McSqlStmt *stmt;
  McQueueTicket *ticket = NULL;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  stmt = mc_db_prepare (self->db, TICKET_SELECT "WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, id);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      ticket = ticket_from_row (stmt);
      mc_sql_reset (stmt);
      break;
    case MC_DB_STEP_DONE:
      mc_queue_fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("The ticket no longer exists"));
      break;
    default:
      break;
    }
  return ticket;
}

GPtrArray *
mc_queue_list_day (McQueue *self, McDate day, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *iso = mc_date_to_iso (day);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  stmt = mc_db_prepare (self->db, TICKET_SELECT "WHERE t.day = ? ORDER BY t.taken_at, t.id", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_text (stmt, 1, iso, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (list, ticket_from_row (stmt));
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

int
mc_queue_count_ahead (McQueue *self, McQueueTicket *ticket, GError **error)
{
  McSqlStmt *stmt;
  int n = -1;

  g_return_val_if_fail (MC_IS_QUEUE (self) && MC_IS_QUEUE_TICKET (ticket), -1);
  stmt = mc_db_prepare (self->db, "SELECT count (*) FROM queue_ticket WHERE day = ? AND state = 'waiting' "
                                  "AND service_id = ? AND (taken_at, id) < (?, ?)", error);
  if (stmt == NULL)
    return -1;
  mc_sql_bind_text (stmt, 1, mc_queue_ticket_get_day (ticket), -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, mc_queue_ticket_get_service_id (ticket));
  mc_sql_bind_int64 (stmt, 3, mc_queue_ticket_get_taken_at (ticket));
  mc_sql_bind_int64 (stmt, 4, mc_queue_ticket_get_id (ticket));
  if (mc_db_step_row (self->db, stmt, error) == MC_DB_STEP_ROW)
    n = mc_sql_column_int (stmt, 0);
  mc_sql_reset (stmt);
  return n;
}

/* "A025" with a letter (as many digits as the last number has), else the
 * number alone ("1025"). */
static char *
ticket_label (const McQueueService *s, int number)
{
  int width = 1;

  for (int n = s->last_number; n >= 10; n /= 10)
    width++;

  if (*s->prefix == '\0')
    return g_strdup_printf ("%d", number);
  return g_strdup_printf ("%s%0*d", s->prefix, width, number);
}

static gint64
next_seq (McQueue *self, const char *day, gint64 service_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "INSERT INTO queue_sequence (day, service_id, last_seq) "
                                                "VALUES (?, ?, 1) ON CONFLICT (day, service_id) "
                                                "DO UPDATE SET last_seq = queue_sequence.last_seq + 1 RETURNING last_seq", error);
  gint64 seq = 0;

  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, day, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, service_id);
  if (mc_db_step_row (self->db, stmt, error) == MC_DB_STEP_ROW)
    seq = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return seq;
}

static gint64
insert_ticket (McQueue *self, const McQueueService *s, McQueuePriority priority, McTime at, GError **error)
{
  g_autofree char *day = mc_queue_day_of (at);
  g_autofree char *label = NULL;
  gint64 seq = next_seq (self, day, s->id, error);
  McSqlStmt *stmt;

  if (seq == 0)
    return 0;
  if (seq > s->last_number - s->first_number + 1)
    {
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_EXHAUSTED,
                   _("Every number of “%s” has been given today (up to %d)"), s->name, s->last_number);
      return 0;
    }
  label = ticket_label (s, s->first_number + (int) seq - 1);
  stmt = mc_db_prepare (self->db, "INSERT INTO queue_ticket (day, issued_service_id, seq, number, label, service_id, "
                                  "priority, taken_at) VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?6, ?7)", error);
  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, day, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, s->id);
  mc_sql_bind_int64 (stmt, 3, seq);
  mc_sql_bind_int (stmt, 4, s->first_number + (int) seq - 1);
  mc_sql_bind_text (stmt, 5, label, -1, MC_SQL_TRANSIENT);
  if (priority != MC_QUEUE_PRIORITY_NONE)
    mc_sql_bind_text (stmt, 6, mc_queue_priority_to_string (priority), -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 7, at);
  if (!mc_db_step_done (self->db, stmt, error))
    return 0;
  return mc_sql_last_insert_id (self->db);
}

McQueueTicket *
mc_queue_take (McQueue *self, gint64 service_id, McQueuePriority priority, McTime at, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, service_id);
  g_autoptr(McQueueService) s = NULL;
  gint64 id;

  g_return_val_if_fail (MC_IS_QUEUE (self) && priority < MC_QUEUE_N_PRIORITIES, NULL);
  if (!mc_accounts_check_time (self->db, mc_db_get_actor (self->db), at, "Lấy số thứ tự", 0, error) ||
      !mc_db_begin (self->db, error))
    return NULL;
  s = mc_queue_find_service (self, key, error);
  if (s != NULL && !s->active)
    mc_queue_fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("This ticket service is not offered now"));
  if (s == NULL || !s->active || (id = insert_ticket (self, s, priority, at, error)) == 0 ||
      !mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
      return NULL;
    }
  return mc_queue_get_ticket (self, id, error);
}

/* ---- at a counter ------------------------------------------------------ */

/* What an action at a counter starts from, inside its transaction. */
typedef struct {
  gint64       counter_id;
  int          number;
  gint64       ticket_id;  /* 0: the counter has no ticket called or being served */
  McQueueState state;
  char        *label;
  char        *day;
} AtCounter;

static void
at_counter_clear (AtCounter *c)
{
  g_clear_pointer (&c->label, g_free);
  g_clear_pointer (&c->day, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtCounter, at_counter_clear)

static gboolean
read_current (McQueue *self, AtCounter *c, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT id, state, label FROM queue_ticket WHERE counter_id = ? "
                                                "AND day = ? AND state IN ('called', 'serving') "
                                                "ORDER BY last_called_at DESC, id DESC LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, c->counter_id);
  mc_sql_bind_text (stmt, 2, c->day, -1, MC_SQL_TRANSIENT);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      c->ticket_id = mc_sql_column_int64 (stmt, 0);
      mc_queue_state_from_string (mc_queue_column_text (stmt, 1), &c->state);
      c->label = g_strdup (mc_queue_column_text (stmt, 2));
      mc_sql_reset (stmt);
      return TRUE;
    case MC_DB_STEP_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
read_counter_id (McQueue *self, AtCounter *c, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT id FROM queue_counter WHERE number = ? AND active <> 0", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int (stmt, 1, c->number);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      c->counter_id = mc_sql_column_int64 (stmt, 0);
      mc_sql_reset (stmt);
      return TRUE;
    case MC_DB_STEP_DONE:
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No counter number %d in use"), c->number);
      return FALSE;
    default:
      return FALSE;
    }
}

/* The clerk's right, the time, the transaction, the counter and its
 * current ticket; on FALSE nothing is open. */
static gboolean
begin_at_counter (McQueue *self, int counter, McTime at, const char *what, AtCounter *c, GError **error)
{
  c->number = counter;
  c->day = mc_queue_day_of (at);
  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_RECEIVE, 0, error) ||
      !mc_accounts_check_time (self->db, mc_db_get_actor (self->db), at, what, 0, error) ||
      !mc_db_begin (self->db, error))
    return FALSE;
  if (read_counter_id (self, c, error) && read_current (self, c, error))
    return TRUE;
  mc_db_rollback (self->db);
  return FALSE;
}

/* The current ticket, refused when there is none or the action does not
 * apply to its state. */
static gboolean
check_current (const AtCounter *c, McQueueAction action, GError **error)
{
  if (c->ticket_id == 0)
    {
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE, _("Counter %d has no ticket called or being served"),
                   c->number);
      return FALSE;
    }
  return mc_queue_check_action (c->state, action, c->label, error);
}

/* One UPDATE of the ticket; its SET clause binds ?1 = at, ?2 = the ticket,
 * ?3 = the actor, ?4 = the counter. */
gboolean
mc_queue_update_ticket (McQueue *self, const char *set, gint64 ticket_id, McTime at, gint64 counter_id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE queue_ticket SET %s WHERE id = ?2", set);
  McSqlStmt *stmt = mc_db_prepare (self->db, sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  n = mc_sql_bind_parameter_count (stmt);
  mc_sql_bind_int64 (stmt, 1, at);
  mc_sql_bind_int64 (stmt, 2, ticket_id);
  if (n >= 3 && mc_db_get_actor (self->db) != 0)
    mc_sql_bind_int64 (stmt, 3, mc_db_get_actor (self->db));
  if (n >= 4)
    mc_sql_bind_int64 (stmt, 4, counter_id);
  return mc_db_step_done (self->db, stmt, error);
}

static McQueueTicket *
commit_and_read (McQueue *self, gint64 ticket_id, GError **error)
{
  if (!mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
      return NULL;
    }
  return mc_queue_get_ticket (self, ticket_id, error);
}

static McQueueTicket *
rollback (McQueue *self)
{
  mc_db_rollback (self->db);
  return NULL;
}

/* Finished by the next call: a ticket called and never marked served was
 * served from its call. */
static gboolean
finish_current (McQueue *self, const AtCounter *c, McTime at, GError **error)
{
  if (c->ticket_id == 0)
    return TRUE;
  return mc_queue_update_ticket (self, "state = 'done', served_at = coalesce (served_at, last_called_at, ?1), done_at = ?1",
                        c->ticket_id, at, c->counter_id, error);
}

/* Whether the rule gives this call to a priority ticket: "first" always
 * (if one waits), "every" after N ordinary calls at this counter since its
 * last priority call today, "none" never (the order taken). */
static gboolean
priority_turn (McQueue *self, const AtCounter *c, GError **error)
{
  g_autofree char *rule = mc_settings_get (self->db, MC_QUEUE_PRIORITY_RULE_KEY, error);
  int every = 3;
  McSqlStmt *stmt;
  gboolean turn = FALSE;

  if (rule == NULL || g_str_equal (rule, MC_QUEUE_RULE_NONE))
    return FALSE;
  if (g_str_equal (rule, MC_QUEUE_RULE_FIRST))
    return TRUE;
  if (!mc_settings_get_int (self->db, MC_QUEUE_PRIORITY_EVERY_KEY, &every, error))
    return FALSE;
  stmt = mc_db_prepare (self->db, "SELECT count (*) FROM queue_ticket WHERE day = ?1 AND counter_id = ?2 "
                                  "AND called_at IS NOT NULL AND priority IS NULL AND called_at >= coalesce ("
                                  "(SELECT max (called_at) FROM queue_ticket WHERE day = ?1 AND counter_id = ?2 "
                                  "AND called_at IS NOT NULL AND priority IS NOT NULL), 0)", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, c->day, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, c->counter_id);
  if (mc_db_step_row (self->db, stmt, error) == MC_DB_STEP_ROW)
    turn = mc_sql_column_int (stmt, 0) >= every;
  mc_sql_reset (stmt);
  return turn;
}

/* The next ticket for the counter: those transferred to it and those of
 * its services, by the rule's class, then in the order taken. 0 if none. */
static gint64
next_waiting (McQueue *self, const AtCounter *c, gboolean priority_first, GError **error)
{
  McSqlStmt *stmt;
  gint64 id = 0;

  stmt = mc_db_prepare (self->db, "SELECT t.id FROM queue_ticket t WHERE t.day = ?1 AND t.state = 'waiting' "
                                  "AND (t.counter_id = ?2 OR (t.counter_id IS NULL AND t.service_id IN "
                                  "(SELECT service_id FROM queue_counter_service WHERE counter_id = ?2))) "
                                  "ORDER BY CASE WHEN ?3 <> 0 AND t.priority IS NULL THEN 1 ELSE 0 END, "
                                  "t.taken_at, t.id LIMIT 1",
                        error);
  if (stmt == NULL)
    return -1;
  mc_sql_bind_text (stmt, 1, c->day, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, c->counter_id);
  mc_sql_bind_int (stmt, 3, priority_first);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_sql_reset (stmt);
      return id;
    case MC_DB_STEP_DONE:
      return 0;
    default:
      return -1;
    }
}

McQueueTicket *
mc_queue_call_next (McQueue *self, int counter, McTime at, GError **error)
{
  g_auto(AtCounter) c = { 0 };
  g_autoptr(GError) local = NULL;
  gboolean turn;
  gint64 next;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  if (!begin_at_counter (self, counter, at, "Gọi số", &c, error))
    return NULL;
  turn = priority_turn (self, &c, &local);
  if (local != NULL || !finish_current (self, &c, at, error) ||
      (next = next_waiting (self, &c, turn, error)) < 0)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return rollback (self);
    }
  if (next > 0 && !mc_queue_update_ticket (self, "state = 'called', counter_id = ?4, staff_id = ?3, "
                                        "called_at = coalesce (called_at, ?1), last_called_at = ?1, calls = calls + 1",
                                  next, at, c.counter_id, error))
    return rollback (self);
  if (next == 0)
    {
      /* The current ticket is finished all the same. */
      if (!mc_db_commit (self->db, error))
        return rollback (self);
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_EMPTY, _("Nobody is waiting for counter %d"), counter);
      return NULL;
    }
  return commit_and_read (self, next, error);
}

/* recall, serve, finish, skip: one UPDATE of the current ticket. */
static McQueueTicket *
act_on_current (McQueue *self, int counter, McTime at, McQueueAction action, const char *what, const char *set,
                GError **error)
{
  g_auto(AtCounter) c = { 0 };

  if (!begin_at_counter (self, counter, at, what, &c, error))
    return NULL;
  if (!check_current (&c, action, error) || !mc_queue_update_ticket (self, set, c.ticket_id, at, c.counter_id, error))
    return rollback (self);
  return commit_and_read (self, c.ticket_id, error);
}

McQueueTicket *
mc_queue_recall (McQueue *self, int counter, McTime at, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  return act_on_current (self, counter, at, MC_QUEUE_ACTION_RECALL, "Gọi lại số",
                         "last_called_at = ?1, calls = calls + 1, staff_id = ?3", error);
}

McQueueTicket *
mc_queue_serve (McQueue *self, int counter, McTime at, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  return act_on_current (self, counter, at, MC_QUEUE_ACTION_SERVE, "Bắt đầu phục vụ",
                         "state = 'serving', served_at = coalesce (served_at, ?1), staff_id = ?3", error);
}

McQueueTicket *
mc_queue_finish (McQueue *self, int counter, McTime at, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  return act_on_current (self, counter, at, MC_QUEUE_ACTION_FINISH, "Kết thúc phục vụ",
                         "state = 'done', done_at = ?1, staff_id = ?3", error);
}

McQueueTicket *
mc_queue_skip (McQueue *self, int counter, McTime at, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  return act_on_current (self, counter, at, MC_QUEUE_ACTION_SKIP, "Báo vắng mặt",
                         "state = 'absent', done_at = ?1, staff_id = ?3", error);
}

static gboolean
check_transfer_target (McQueue *self, const AtCounter *c, int to_counter, gint64 to_service_id, gint64 *to_counter_id,
                       GError **error)
{
  AtCounter target = { .number = to_counter };
  g_autofree char *key = NULL;
  g_autoptr(McQueueService) s = NULL;

  if ((to_counter > 0) == (to_service_id > 0))
    return mc_queue_fail (error, MC_QUEUE_ERROR_INVALID, _("Transfer to another counter or to another service, one of the two"));
  if (to_counter > 0)
    {
      if (to_counter == c->number)
        return mc_queue_fail (error, MC_QUEUE_ERROR_INVALID, _("The ticket is already at this counter"));
      if (!read_counter_id (self, &target, error))
        return FALSE;
      *to_counter_id = target.counter_id;
      return TRUE;
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT, to_service_id);
  s = mc_queue_find_service (self, key, error);
  if (s != NULL && !s->active)
    return mc_queue_fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("This ticket service is not offered now"));
  return s != NULL;
}

McQueueTicket *
mc_queue_transfer (McQueue *self, int counter, int to_counter, gint64 to_service_id, McTime at, GError **error)
{
  g_auto(AtCounter) c = { 0 };
  gint64 to_counter_id = 0;
  const char *set;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  if (!begin_at_counter (self, counter, at, "Chuyển số", &c, error))
    return NULL;
  if (!check_current (&c, MC_QUEUE_ACTION_TRANSFER, error) ||
      !check_transfer_target (self, &c, to_counter, to_service_id, &to_counter_id, error))
    return rollback (self);
  /* ?4 is the counter it goes to, or the service (counter_id then NULL). */
  set = to_counter > 0 ? "state = 'waiting', counter_id = ?4, transfers = transfers + 1"
                       : "state = 'waiting', service_id = ?4, counter_id = NULL, transfers = transfers + 1";
  if (!mc_queue_update_ticket (self, set, c.ticket_id, at, to_counter > 0 ? to_counter_id : to_service_id, error))
    return rollback (self);
  return commit_and_read (self, c.ticket_id, error);
}

McQueueTicket *
mc_queue_current (McQueue *self, int counter, McTime at, GError **error)
{
  g_auto(AtCounter) c = { .number = counter };

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  c.day = mc_queue_day_of (at);
  if (!read_counter_id (self, &c, error) || !read_current (self, &c, error) || c.ticket_id == 0)
    return NULL;
  return mc_queue_get_ticket (self, c.ticket_id, error);
}

int
mc_queue_count_waiting (McQueue *self, int counter, McTime at, GError **error)
{
  g_auto(AtCounter) c = { .number = counter };
  McSqlStmt *stmt;
  int n = -1;

  g_return_val_if_fail (MC_IS_QUEUE (self), -1);
  c.day = mc_queue_day_of (at);
  if (!read_counter_id (self, &c, error))
    return -1;
  stmt = mc_db_prepare (self->db, "SELECT count (*) FROM queue_ticket t WHERE t.day = ?1 AND t.state = 'waiting' "
                                  "AND (t.counter_id = ?2 OR (t.counter_id IS NULL AND t.service_id IN "
                                  "(SELECT service_id FROM queue_counter_service WHERE counter_id = ?2)))", error);
  if (stmt == NULL)
    return -1;
  mc_sql_bind_text (stmt, 1, c.day, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, c.counter_id);
  if (mc_db_step_row (self->db, stmt, error) == MC_DB_STEP_ROW)
    n = mc_sql_column_int (stmt, 0);
  mc_sql_reset (stmt);
  return n;
}

/* ---- the object -------------------------------------------------------- */

static void
mc_queue_finalize (GObject *object)
{
  g_clear_object (&MC_QUEUE (object)->db);
  G_OBJECT_CLASS (mc_queue_parent_class)->finalize (object);
}

static void
mc_queue_class_init (McQueueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_queue_finalize;
}

static void
mc_queue_init (McQueue *self)
{
}

McDb *
mc_queue_get_db (McQueue *self)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  return self->db;
}

McQueue *
mc_queue_new (McDb *db)
{
  McQueue *self;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  self = g_object_new (MC_TYPE_QUEUE, NULL);
  self->db = g_object_ref (db);
  return self;
}
