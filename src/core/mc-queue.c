/* mc-queue.c — the queue: ticket services, counters, tickets, calls and the
 * link to the dossier (issue 18)
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

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-queue.h"
#include "mc-queue-ticket-private.h"
#include "mc-settings.h"
#include "mc-text.h"

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

void
mc_queue_service_free (McQueueService *service)
{
  if (service == NULL)
    return;
  g_free (service->name);
  g_free (service->prefix);
  g_free (service);
}

void
mc_queue_counter_free (McQueueCounter *counter)
{
  if (counter == NULL)
    return;
  g_free (counter->name);
  g_clear_pointer (&counter->service_ids, g_array_unref);
  g_free (counter);
}

void
mc_queue_dossier_link_free (McQueueDossierLink *link)
{
  if (link == NULL)
    return;
  g_free (link->label);
  g_free (link->day);
  g_free (link);
}

static gboolean
fail (GError **error, McQueueError code, const char *message)
{
  g_set_error_literal (error, MC_QUEUE_ERROR, code, message);
  return FALSE;
}

static char *
day_of (McTime at)
{
  return mc_date_to_iso (mc_time_get_date (at));
}

static const char *
column_text (McSqlStmt *stmt, int i)
{
  const char *text = mc_sql_column_text (stmt, i);

  return text ? text : "";
}

/* ---- services ---------------------------------------------------------- */

static McQueueService *
service_from_row (McSqlStmt *stmt)
{
  McQueueService *s = g_new0 (McQueueService, 1);

  s->id = mc_sql_column_int64 (stmt, 0);
  s->name = g_strdup (column_text (stmt, 1));
  s->prefix = g_strdup (column_text (stmt, 2));
  s->first_number = mc_sql_column_int (stmt, 3);
  s->last_number = mc_sql_column_int (stmt, 4);
  s->active = mc_sql_column_int (stmt, 5) != 0;
  return s;
}

#define SERVICE_SELECT "SELECT id, name, prefix, first_number, last_number, active FROM queue_service "

GPtrArray *
mc_queue_list_services (McQueue *self, gboolean active_only, GError **error)
{
  McSqlStmt *stmt;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_service_free);
  McDbStep step;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  stmt = mc_db_prepare (self->db, SERVICE_SELECT "WHERE active <> 0 OR ? = 0 "
                                                "ORDER BY prefix = '', prefix, first_number, id", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int (stmt, 1, active_only);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (list, service_from_row (stmt));
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

McQueueService *
mc_queue_find_service (McQueue *self, const char *key, GError **error)
{
  g_autoptr(GPtrArray) all = mc_queue_list_services (self, FALSE, error);
  g_autofree char *folded = key ? g_utf8_casefold (key, -1) : NULL;
  char *end = NULL;
  gint64 id = key ? g_ascii_strtoll (key, &end, 10) : 0;

  if (all == NULL)
    return NULL;
  for (guint i = 0; key != NULL && i < all->len; i++)
    {
      McQueueService *s = all->pdata[i];
      g_autofree char *name = g_utf8_casefold (s->name, -1);

      if ((end && *end == '\0' && s->id == id) || (*s->prefix && g_ascii_strcasecmp (s->prefix, key) == 0) ||
          g_strcmp0 (name, folded) == 0)
        return g_ptr_array_steal_index (all, i);
    }
  g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No ticket service “%s”"), key ? key : "");
  return NULL;
}

/* Two services that print the same numbers (same letter, ranges that
 * overlap) would give two people one number on the same day. */
static gboolean
check_service_values (McQueue *self, gint64 id, const char *name, const char *prefix, int first, int last,
                      GError **error)
{
  McSqlStmt *stmt;

  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > 120)
    return fail (error, MC_QUEUE_ERROR_INVALID, _("The service needs a name (at most 120 characters)"));
  if (*prefix && !(strlen (prefix) == 1 && g_ascii_isupper (prefix[0])))
    return fail (error, MC_QUEUE_ERROR_INVALID, _("The letter of a service is one capital letter A–Z, or none"));
  if (first < 1 || last > 99999 || last < first)
    return fail (error, MC_QUEUE_ERROR_INVALID,
                 _("The numbers of a service run from a first to a last number between 1 and 99.999"));
  stmt = mc_db_prepare (self->db, "SELECT name FROM queue_service WHERE id <> ? AND prefix = ? "
                                  "AND first_number <= ? AND last_number >= ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, id);
  mc_sql_bind_text (stmt, 2, prefix, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 3, last);
  mc_sql_bind_int (stmt, 4, first);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID,
                   _("The service “%s” already gives these numbers: choose another letter or range"),
                   column_text (stmt, 0));
      mc_sql_reset (stmt);
      return FALSE;
    case MC_DB_STEP_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
name_taken (McDb *db, const char *table, gint64 id, const char *name, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE id <> ? AND name = ?", table);
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  gboolean taken;

  if (stmt == NULL)
    return TRUE;
  mc_sql_bind_int64 (stmt, 1, id);
  mc_sql_bind_text (stmt, 2, name, -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (db, stmt, error) != MC_DB_STEP_ROW)
    return TRUE;
  taken = mc_sql_column_int (stmt, 0) > 0;
  mc_sql_reset (stmt);
  if (taken)
    g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID, _("“%s” already exists"), name);
  return taken;
}

static gboolean
write_service (McQueue *self, gint64 *id, const char *name_in, const char *prefix_in, int first, int last,
               gboolean active, GError **error)
{
  g_autofree char *name = mc_text_normalize (name_in ? name_in : "");
  g_autofree char *prefix = g_ascii_strup (prefix_in ? prefix_in : "", -1);
  McSqlStmt *stmt;

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  g_strstrip (prefix);
  if (!mc_db_begin (self->db, error))
    return FALSE;
  if (!check_service_values (self, *id, name, prefix, first, last, error) ||
      name_taken (self->db, "queue_service", *id, name, error))
    goto failed;
  stmt = mc_db_prepare (self->db, *id == 0 ? "INSERT INTO queue_service (name, prefix, first_number, last_number, "
                                             "active) VALUES (?, ?, ?, ?, ?)"
                                           : "UPDATE queue_service SET name = ?, prefix = ?, first_number = ?, "
                                             "last_number = ?, active = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  mc_sql_bind_text (stmt, 1, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, prefix, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 3, first);
  mc_sql_bind_int (stmt, 4, last);
  mc_sql_bind_int (stmt, 5, active ? 1 : 0);
  if (*id != 0)
    mc_sql_bind_int64 (stmt, 6, *id);
  if (!mc_db_step_done (self->db, stmt, error))
    goto failed;
  if (*id != 0 && mc_sql_changes (self->db) == 0)
    {
      fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("The ticket service no longer exists"));
      goto failed;
    }
  if (*id == 0)
    *id = mc_sql_last_insert_id (self->db);
  return mc_db_commit (self->db, error);
failed:
  mc_db_rollback (self->db);
  return FALSE;
}

McQueueService *
mc_queue_add_service (McQueue *self, const char *name, const char *prefix, int first_number, int last_number,
                      GError **error)
{
  gint64 id = 0;
  g_autofree char *key = NULL;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  if (!write_service (self, &id, name, prefix, first_number, last_number, TRUE, error))
    return NULL;
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return mc_queue_find_service (self, key, error);
}

gboolean
mc_queue_update_service (McQueue *self, gint64 id, const char *name, const char *prefix, int first_number,
                         int last_number, gboolean active, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self) && id > 0, FALSE);
  return write_service (self, &id, name, prefix, first_number, last_number, active, error);
}

/* ---- counters ---------------------------------------------------------- */

static gboolean
read_counter_services (McQueue *self, McQueueCounter *c, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT service_id FROM queue_counter_service "
                                                "WHERE counter_id = ? ORDER BY service_id", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  c->service_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  mc_sql_bind_int64 (stmt, 1, c->id);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 sid = mc_sql_column_int64 (stmt, 0);

      g_array_append_val (c->service_ids, sid);
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

GPtrArray *
mc_queue_list_counters (McQueue *self, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_counter_free);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  stmt = mc_db_prepare (self->db, "SELECT id, number, name, active FROM queue_counter ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McQueueCounter *c = g_new0 (McQueueCounter, 1);

      c->id = mc_sql_column_int64 (stmt, 0);
      c->number = mc_sql_column_int (stmt, 1);
      c->name = g_strdup (column_text (stmt, 2));
      c->active = mc_sql_column_int (stmt, 3) != 0;
      g_ptr_array_add (list, c);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (!read_counter_services (self, list->pdata[i], error))
      return NULL;
  return g_steal_pointer (&list);
}

McQueueCounter *
mc_queue_find_counter (McQueue *self, int number, GError **error)
{
  g_autoptr(GPtrArray) all = mc_queue_list_counters (self, error);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (((McQueueCounter *) all->pdata[i])->number == number)
      return g_ptr_array_steal_index (all, i);
  if (all != NULL)
    g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No counter number %d"), number);
  return NULL;
}

static gboolean
write_counter_services (McQueue *self, gint64 counter_id, const gint64 *ids, guint n, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "DELETE FROM queue_counter_service WHERE counter_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, counter_id);
  if (!mc_db_step_done (self->db, stmt, error))
    return FALSE;
  stmt = mc_db_prepare (self->db, "INSERT INTO queue_counter_service (counter_id, service_id) "
                                  "SELECT ?, id FROM queue_service WHERE id = ? ON CONFLICT DO NOTHING", error);
  for (guint i = 0; stmt != NULL && i < n; i++)
    {
      mc_sql_bind_int64 (stmt, 1, counter_id);
      mc_sql_bind_int64 (stmt, 2, ids[i]);
      if (!mc_db_step_done (self->db, stmt, error))
        return FALSE;
      if (mc_sql_changes (self->db) == 0 && !(i > 0 && ids[i] == ids[i - 1]))
        return fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("A service given to the counter does not exist"));
    }
  return stmt != NULL;
}

static gboolean
write_counter (McQueue *self, gboolean add, int number, const char *name_in, const gint64 *ids, guint n,
               gboolean active, GError **error)
{
  g_autofree char *name = mc_text_normalize (name_in ? name_in : "");
  McSqlStmt *stmt;
  gint64 id;

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  if (number < 1 || number > 999)
    return fail (error, MC_QUEUE_ERROR_INVALID, _("A counter number is between 1 and 999"));
  if (*name == '\0' || g_utf8_strlen (name, -1) > 120)
    return fail (error, MC_QUEUE_ERROR_INVALID, _("The counter needs a name (at most 120 characters)"));
  if (!mc_db_begin (self->db, error))
    return FALSE;
  stmt = mc_db_prepare (self->db, add ? "INSERT INTO queue_counter (number, name, active) VALUES (?, ?, ?) "
                                        "ON CONFLICT (number) DO NOTHING RETURNING id"
                                      : "UPDATE queue_counter SET name = ?2, active = ?3 WHERE number = ?1 RETURNING id",
                        error);
  if (stmt == NULL)
    goto failed;
  mc_sql_bind_int (stmt, 1, number);
  mc_sql_bind_text (stmt, 2, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 3, active ? 1 : 0);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_sql_reset (stmt);
      break;
    case MC_DB_STEP_DONE:
      g_set_error (error, MC_QUEUE_ERROR, add ? MC_QUEUE_ERROR_INVALID : MC_QUEUE_ERROR_NOT_FOUND,
                   add ? _("Counter %d already exists") : _("No counter number %d"), number);
      goto failed;
    default:
      goto failed;
    }
  if (write_counter_services (self, id, ids, n, error))
    return mc_db_commit (self->db, error);
failed:
  mc_db_rollback (self->db);
  return FALSE;
}

McQueueCounter *
mc_queue_add_counter (McQueue *self, int number, const char *name, const gint64 *service_ids, guint n_services,
                      GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  if (!write_counter (self, TRUE, number, name, service_ids, n_services, TRUE, error))
    return NULL;
  return mc_queue_find_counter (self, number, error);
}

gboolean
mc_queue_update_counter (McQueue *self, int number, const char *name, const gint64 *service_ids, guint n_services,
                         gboolean active, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), FALSE);
  return write_counter (self, FALSE, number, name, service_ids, n_services, active, error);
}

/* ---- tickets ----------------------------------------------------------- */

static McQueueTicket *
ticket_from_row (McSqlStmt *stmt)
{
  McQueueTicketFields f = { 0 };

  f.id = mc_sql_column_int64 (stmt, 0);
  f.day = g_strdup (column_text (stmt, 1));
  f.number = mc_sql_column_int (stmt, 2);
  f.label = g_strdup (column_text (stmt, 3));
  f.service_id = mc_sql_column_int64 (stmt, 4);
  f.service_name = g_strdup (column_text (stmt, 5));
  mc_queue_priority_from_string (mc_sql_column_text (stmt, 6), &f.priority);
  mc_queue_state_from_string (column_text (stmt, 7), &f.state);
  f.counter = mc_sql_column_int (stmt, 8);
  f.staff_id = mc_sql_column_int64 (stmt, 9);
  f.staff_name = g_strdup (column_text (stmt, 10));
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
      fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("The ticket no longer exists"));
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
  g_autofree char *day = day_of (at);
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
    fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("This ticket service is not offered now"));
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
      mc_queue_state_from_string (column_text (stmt, 1), &c->state);
      c->label = g_strdup (column_text (stmt, 2));
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
  c->day = day_of (at);
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
static gboolean
update_ticket (McQueue *self, const char *set, gint64 ticket_id, McTime at, gint64 counter_id, GError **error)
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
  return update_ticket (self, "state = 'done', served_at = coalesce (served_at, last_called_at, ?1), done_at = ?1",
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
  if (next > 0 && !update_ticket (self, "state = 'called', counter_id = ?4, staff_id = ?3, "
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
  if (!check_current (&c, action, error) || !update_ticket (self, set, c.ticket_id, at, c.counter_id, error))
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
    return fail (error, MC_QUEUE_ERROR_INVALID, _("Transfer to another counter or to another service, one of the two"));
  if (to_counter > 0)
    {
      if (to_counter == c->number)
        return fail (error, MC_QUEUE_ERROR_INVALID, _("The ticket is already at this counter"));
      if (!read_counter_id (self, &target, error))
        return FALSE;
      *to_counter_id = target.counter_id;
      return TRUE;
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT, to_service_id);
  s = mc_queue_find_service (self, key, error);
  if (s != NULL && !s->active)
    return fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("This ticket service is not offered now"));
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
  if (!update_ticket (self, set, c.ticket_id, at, to_counter > 0 ? to_counter_id : to_service_id, error))
    return rollback (self);
  return commit_and_read (self, c.ticket_id, error);
}

McQueueTicket *
mc_queue_current (McQueue *self, int counter, McTime at, GError **error)
{
  g_auto(AtCounter) c = { .number = counter };

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  c.day = day_of (at);
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
  c.day = day_of (at);
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

/* ---- the dossier ------------------------------------------------------- */

/* The ticket the clerk has at a counter today, called or being served. */
static gint64
staff_current (McQueue *self, gint64 staff_id, const char *day, McQueueState *state, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT id, state FROM queue_ticket WHERE staff_id = ? AND day = ? "
                                                "AND state IN ('called', 'serving') "
                                                "ORDER BY last_called_at DESC, id DESC LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  mc_sql_bind_int64 (stmt, 1, staff_id);
  mc_sql_bind_text (stmt, 2, day, -1, MC_SQL_TRANSIENT);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_queue_state_from_string (column_text (stmt, 1), state);
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
  McSqlStmt *stmt = mc_db_prepare (self->db, "INSERT INTO queue_link (ticket_id, dossier_id, kind, at) "
                                                "VALUES (?, ?, ?, ?) ON CONFLICT (dossier_id, kind) DO UPDATE "
                                                "SET ticket_id = excluded.ticket_id, at = excluded.at", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, ticket_id);
  mc_sql_bind_int64 (stmt, 2, dossier_id);
  mc_sql_bind_text (stmt, 3, kind == MC_QUEUE_LINK_RECEIVE ? "receive" : "return", -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 4, at);
  return mc_db_step_done (self->db, stmt, error);
}

static gint64
dossier_id (McQueue *self, const char *code, GError **error)
{
  g_autoptr(GError) local = NULL;
  gint64 id = mc_db_lookup_id (self->db, "dossier", "code", code, &local);

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
  g_autofree char *day = day_of (at);
  gint64 actor, id, dossier;
  McQueueState state = MC_QUEUE_STATE_WAITING;

  g_return_val_if_fail (MC_IS_QUEUE (self) && code != NULL, FALSE);
  if (ticket)
    *ticket = NULL;
  actor = mc_db_get_actor (self->db);
  if (actor == 0)
    return TRUE;  /* nobody at a counter */
  if (!mc_accounts_check (self->db, actor, kind == MC_QUEUE_LINK_RECEIVE ? MC_PERMISSION_RECEIVE
                                                                          : MC_PERMISSION_RETURN, 0, error) ||
      (dossier = dossier_id (self, code, error)) == 0 || !mc_db_begin (self->db, error))
    return FALSE;
  id = staff_current (self, actor, day, &state, error);
  if (id > 0 && state == MC_QUEUE_STATE_CALLED &&
      !update_ticket (self, "state = 'serving', served_at = ?1", id, at, 0, error))
    id = -1;
  if (id < 0 || (id > 0 && !insert_link (self, id, dossier, kind, at, error)) || !mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
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
  stmt = mc_db_prepare (self->db, "SELECT l.kind, t.label, t.day, c.number, t.taken_at, "
                                  "coalesce (t.called_at - t.taken_at, -1), "
                                  "CASE WHEN t.state = 'done' THEN t.done_at - t.served_at ELSE -1 END "
                                  "FROM queue_link l JOIN queue_ticket t ON t.id = l.ticket_id "
                                  "LEFT JOIN queue_counter c ON c.id = t.counter_id "
                                  "WHERE l.dossier_id = ? ORDER BY l.kind = 'return', l.id", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, dossier);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McQueueDossierLink *l = g_new0 (McQueueDossierLink, 1);

      l->kind = g_str_equal (column_text (stmt, 0), "return") ? MC_QUEUE_LINK_RETURN : MC_QUEUE_LINK_RECEIVE;
      l->label = g_strdup (column_text (stmt, 1));
      l->day = g_strdup (column_text (stmt, 2));
      l->counter = mc_sql_column_int (stmt, 3);
      l->taken_at = mc_sql_column_int64 (stmt, 4);
      l->wait_seconds = mc_sql_column_int64 (stmt, 5);
      l->service_seconds = mc_sql_column_int64 (stmt, 6);
      g_ptr_array_add (list, l);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ERROR ? NULL : g_steal_pointer (&list);
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
