/* mc-workflow.c — the transitions of a dossier after reception
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each transition reads the dossier's current position, checks that the
 * transition is allowed from its state, and writes the new position and one
 * event in the same BEGIN IMMEDIATE transaction, so two clerks acting on the
 * same dossier at once serialise and the second sees the first's result.
 *
 * Deadlines: each step gets a due time from its allotment in working days;
 * the appointment (due_at) moves only by pauses, which shift it, the step's
 * due time and an apology's new appointment by the working time the clock
 * stood still. Classification is against due_at, so pauses are excluded.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-id-number.h"
#include "mc-workflow-private.h"

G_DEFINE_FINAL_TYPE (McWorkflow, mc_workflow, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-workflow-error-quark, mc_workflow_error)

#define MAX_STEPS 32

/* Where a dossier is: the mutable columns of its row. */
typedef struct {
  gint64  id;
  gint64  procedure_id;
  char   *code;
  char   *state;
  int     step;
  gint64  department;
  gint64  staff;
  gint64  unit;
  McTime  received;
  McTime  due;
  McTime  extended_due;
  McTime  step_due;
  McTime  step_started;
  McTime  step_accepted;
  McTime  paused_since;
  char   *pause_kind;
  char   *paused_state;
  McTime  held_step_due;
  gint64  paused_minutes;
  McTime  finished;
  McTime  returned;
  char   *timeliness;
  McTime  last_event;
} Position;

typedef struct {
  gint64 department;
  double days;
} RouteStep;

/* One row of dossier_event. */
typedef struct {
  const char *kind;
  const char *state_from;
  const char *state_to;
  int         step;
  int         step_from;
  gint64      from_department;
  gint64      to_department;
  gint64      to_staff;
  gint64      from_unit;
  gint64      to_unit;
  McTime      step_due;
  McTime      ended_step_due;
  const char *note;
} Event;

/* The context of one transition, inside its transaction. */
typedef struct {
  McWorkflow *self;
  Position    pos;
  McTime      at;
  gint64      actor;
  gint64      saved_actor;  /* the connection's actor, restored after */
  RouteStep   route[MAX_STEPS];
  int         n_route;
} Txn;

static void
position_clear (Position *p)
{
  g_free (p->code);
  g_free (p->state);
  g_free (p->pause_kind);
  g_free (p->paused_state);
  g_free (p->timeliness);
}

static void
set_str (char **field, const char *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static gboolean
fail (GError **error, McWorkflowError code, const char *message)
{
  g_set_error_literal (error, MC_WORKFLOW_ERROR, code, message);
  return FALSE;
}

static gboolean
refuse (GError **error, const Position *p, const char *what)
{
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_TRANSITION,
               /* Translators: the first %s is a verb of context "transition" ("transfer"),
                * the second the dossier code, the third its state ("Returned"). */
               _("Cannot %s dossier %s: its state is “%s”"), what, p->code, mc_dossier_state_to_label (p->state));
  return FALSE;
}

char *
mc_workflow_column_text (sqlite3_stmt *stmt, int i)
{
  const unsigned char *text = sqlite3_column_text (stmt, i);

  return text ? g_strdup ((const char *) text) : NULL;
}

McTime
mc_workflow_column_time (sqlite3_stmt *stmt, int i)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, i);
}

gboolean
mc_workflow_state_is_open (const char *state)
{
  static const char *const open_states[] = { "received", "processing", "paused", "sent_external", NULL };

  return state && g_strv_contains (open_states, state);
}

static gboolean
state_in (const Position *p, const char *const *states)
{
  return g_strv_contains (states, p->state);
}

#define POSITION_COLUMNS                                                                              \
  "SELECT d.id, d.procedure_id, d.code, d.state, coalesce (d.current_step, 1), "                      \
  "coalesce (d.current_department_id, 0), coalesce (d.current_staff_id, 0), "                         \
  "coalesce (d.current_unit_id, 0), d.received_at, d.due_at, d.extended_due_at, d.step_due_at, "      \
  "d.step_started_at, d.step_accepted_at, d.paused_since, d.pause_kind, d.paused_state, "             \
  "d.held_step_due_at, d.paused_minutes, d.finished_at, d.returned_at, d.timeliness, "                \
  "(SELECT max (at) FROM dossier_event e WHERE e.dossier_id = d.id) FROM dossier d WHERE d.code = ?"

static void
read_position (sqlite3_stmt *stmt, Position *p)
{
  p->id = sqlite3_column_int64 (stmt, 0);
  p->procedure_id = sqlite3_column_int64 (stmt, 1);
  p->code = mc_workflow_column_text (stmt, 2);
  p->state = mc_workflow_column_text (stmt, 3);
  p->step = sqlite3_column_int (stmt, 4);
  p->department = sqlite3_column_int64 (stmt, 5);
  p->staff = sqlite3_column_int64 (stmt, 6);
  p->unit = sqlite3_column_int64 (stmt, 7);
  p->received = mc_workflow_column_time (stmt, 8);
  p->due = mc_workflow_column_time (stmt, 9);
  p->extended_due = mc_workflow_column_time (stmt, 10);
  p->step_due = mc_workflow_column_time (stmt, 11);
  p->step_started = mc_workflow_column_time (stmt, 12);
  p->step_accepted = mc_workflow_column_time (stmt, 13);
  p->paused_since = mc_workflow_column_time (stmt, 14);
  p->pause_kind = mc_workflow_column_text (stmt, 15);
  p->paused_state = mc_workflow_column_text (stmt, 16);
  p->held_step_due = mc_workflow_column_time (stmt, 17);
  p->paused_minutes = sqlite3_column_int64 (stmt, 18);
  p->finished = mc_workflow_column_time (stmt, 19);
  p->returned = mc_workflow_column_time (stmt, 20);
  p->timeliness = mc_workflow_column_text (stmt, 21);
  p->last_event = mc_workflow_column_time (stmt, 22);
}

static gboolean
load_position (McWorkflow *self, const char *code, Position *p, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (self->db, POSITION_COLUMNS, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code ? code : "", -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    read_position (stmt, p);
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No dossier has the code “%s”"), code ? code : "");
  return found;
}

static gboolean
load_route (Txn *t, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (t->self->db, "SELECT department_id, days FROM procedure_step "
                                                   "WHERE procedure_id = ? ORDER BY position", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->pos.procedure_id);
  t->n_route = 0;
  while (t->n_route < MAX_STEPS && sqlite3_step (stmt) == SQLITE_ROW)
    {
      t->route[t->n_route].department = sqlite3_column_int64 (stmt, 0);
      t->route[t->n_route].days = sqlite3_column_double (stmt, 1);
      t->n_route++;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* staff.id and department of a user name; NULL or "" is nobody (0). */
static gboolean
lookup_staff (McWorkflow *self, const char *username, gint64 *id, gint64 *department, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  *id = 0;
  if (department)
    *department = 0;
  if (username == NULL || *username == '\0')
    return TRUE;
  stmt = mc_db_prepare (self->db, "SELECT id, coalesce (department_id, 0) FROM staff "
                                  "WHERE username = ? AND active", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (department)
        *department = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No active staff member has the user name “%s”"), username);
  return found;
}

/* A department of the center's own unit by its code (VP, KT, …). */
static gint64
lookup_department (McWorkflow *self, const char *code, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (self->db,
      "SELECT d.id FROM department d JOIN unit u ON u.id = d.unit_id WHERE d.code = ? AND d.active "
      "ORDER BY u.relation = 'self' DESC LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No department has the code “%s”"), code);
  return id;
}

static gint64
lookup_external_unit (McWorkflow *self, const char *code, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (self->db, "SELECT id FROM unit WHERE code = ? AND relation != 'self'",
                                      error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code ? code : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No other agency or unit has the code “%s”"), code ? code : "");
  return id;
}

static void
bind_id (sqlite3_stmt *stmt, int i, gint64 value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, i, value);
  else
    sqlite3_bind_null (stmt, i);
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text && *text)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static gboolean
write_event (Txn *t, const Event *e, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (t->self->db,
      "INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_from, state_to, step, step_from, "
      "from_department_id, to_department_id, to_staff_id, from_unit_id, to_unit_id, step_due_at, "
      "ended_step_due_at, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->pos.id);
  sqlite3_bind_int64 (stmt, 2, t->at);
  bind_id (stmt, 3, t->actor);
  sqlite3_bind_text (stmt, 4, e->kind, -1, SQLITE_STATIC);
  bind_text (stmt, 5, e->state_from);
  sqlite3_bind_text (stmt, 6, e->state_to, -1, SQLITE_TRANSIENT);
  bind_id (stmt, 7, e->step);
  bind_id (stmt, 8, e->step_from);
  bind_id (stmt, 9, e->from_department);
  bind_id (stmt, 10, e->to_department);
  bind_id (stmt, 11, e->to_staff);
  bind_id (stmt, 12, e->from_unit);
  bind_id (stmt, 13, e->to_unit);
  bind_id (stmt, 14, e->step_due);
  bind_id (stmt, 15, e->ended_step_due);
  bind_text (stmt, 16, e->note);
  return mc_db_step_done (t->self->db, stmt, error);
}

/* Writes back every column Position holds. */
static gboolean
write_position (Txn *t, GError **error)
{
  const Position *p = &t->pos;
  gboolean open = mc_workflow_state_is_open (p->state);
  sqlite3_stmt *stmt = mc_db_prepare (t->self->db,
      "UPDATE dossier SET state = ?, current_step = ?, current_department_id = ?, current_staff_id = ?, "
      "current_unit_id = ?, due_at = ?, extended_due_at = ?, step_due_at = ?, step_started_at = ?, "
      "step_accepted_at = ?, paused_since = ?, pause_kind = ?, paused_state = ?, held_step_due_at = ?, "
      "paused_minutes = ?, finished_at = ?, returned_at = ?, timeliness = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, p->state, -1, SQLITE_TRANSIENT);
  bind_id (stmt, 2, open ? p->step : 0);
  bind_id (stmt, 3, open ? p->department : 0);
  bind_id (stmt, 4, open ? p->staff : 0);
  bind_id (stmt, 5, p->unit);
  sqlite3_bind_int64 (stmt, 6, p->due);
  bind_id (stmt, 7, p->extended_due);
  bind_id (stmt, 8, open ? p->step_due : 0);
  bind_id (stmt, 9, open ? p->step_started : 0);
  bind_id (stmt, 10, open ? p->step_accepted : 0);
  bind_id (stmt, 11, p->paused_since);
  bind_text (stmt, 12, p->pause_kind);
  bind_text (stmt, 13, p->paused_state);
  bind_id (stmt, 14, p->held_step_due);
  sqlite3_bind_int64 (stmt, 15, p->paused_minutes);
  bind_id (stmt, 16, p->finished);
  bind_id (stmt, 17, p->returned);
  bind_text (stmt, 18, p->timeliness);
  sqlite3_bind_int64 (stmt, 19, p->id);
  return mc_db_step_done (t->self->db, stmt, error);
}

/* Opens the transaction and reads the dossier; on failure nothing is open. */
static gboolean
txn_begin (McWorkflow *self, const char *code, const McAction *action, Txn *t, GError **error)
{
  memset (t, 0, sizeof *t);
  t->self = self;
  t->at = action && action->at ? action->at : mc_time_now ();
  if (!mc_db_begin (self->db, error))
    return FALSE;
  t->saved_actor = mc_db_get_actor (self->db);
  if (!load_position (self, code, &t->pos, error) ||
      !lookup_staff (self, action ? action->username : NULL, &t->actor, NULL, error) ||
      !load_route (t, error))
    goto fail;
  /* Without a name the signed-in staff member acts; the audit rows the
   * triggers write name whoever acts. */
  if (t->actor == 0)
    t->actor = t->saved_actor;
  mc_db_set_actor (self->db, t->actor);
  if (t->at < t->pos.last_event)
    {
      g_autofree char *last = mc_time_to_iso (t->pos.last_event);
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The time of the action cannot be before the dossier’s last event (%s)"), last);
      goto fail;
    }
  return TRUE;

fail:
  mc_db_rollback (self->db);
  mc_db_set_actor (self->db, t->saved_actor);
  position_clear (&t->pos);
  return FALSE;
}

/* Writes the position and the event, and commits; rolls back on failure. */
static gboolean
txn_commit (Txn *t, const Event *e, gboolean ok, GError **error)
{
  ok = ok && write_position (t, error) && (e == NULL || write_event (t, e, error)) &&
       mc_db_commit (t->self->db, error);
  if (!ok)
    mc_db_rollback (t->self->db);
  mc_db_set_actor (t->self->db, t->saved_actor);
  position_clear (&t->pos);
  return ok;
}

static gboolean
txn_abort (Txn *t)
{
  mc_db_rollback (t->self->db);
  mc_db_set_actor (t->self->db, t->saved_actor);
  position_clear (&t->pos);
  return FALSE;
}

/* The department holding the dossier; a dossier just received is at the
 * first step's department (the counter) even if the row does not say so. */
static gint64
holder (const Txn *t)
{
  if (t->pos.department != 0)
    return t->pos.department;
  return t->n_route > 0 ? t->route[0].department : 0;
}

/* Checked after the state (so a refused transition says why it is refused
 * whoever asks) and before anything is written. */
static gboolean
authorize (Txn *t, McPermission permission, GError **error)
{
  return mc_accounts_check (t->self->db, t->actor, permission, holder (t), error);
}

static gboolean
step_due_from (Txn *t, int step, McTime *due, GError **error)
{
  double days = step >= 1 && step <= t->n_route ? t->route[step - 1].days : 0;

  if (days <= 0)
    {
      *due = t->pos.step_due;
      return TRUE;
    }
  return mc_calendar_add_working_days (t->self->calendar, t->at, days, due, error);
}

static gboolean
require_note (const McAction *action, GError **error, const char *message)
{
  g_autofree char *note = action && action->note ? g_strstrip (g_strdup (action->note)) : NULL;

  if (note == NULL || *note == '\0')
    return fail (error, MC_WORKFLOW_ERROR_INVALID, message);
  return TRUE;
}

static void
mc_workflow_dispose (GObject *object)
{
  McWorkflow *self = MC_WORKFLOW (object);

  g_clear_object (&self->db);
  g_clear_object (&self->calendar);
  G_OBJECT_CLASS (mc_workflow_parent_class)->dispose (object);
}

static void
mc_workflow_class_init (McWorkflowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_workflow_dispose;
}

static void
mc_workflow_init (McWorkflow *self)
{
}

McWorkflow *
mc_workflow_new (McDb *db, McCalendar *calendar)
{
  McWorkflow *self;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (MC_IS_CALENDAR (calendar), NULL);

  self = g_object_new (MC_TYPE_WORKFLOW, NULL);
  self->db = g_object_ref (db);
  self->calendar = g_object_ref (calendar);
  return self;
}

McDb *
mc_workflow_get_db (McWorkflow *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  return self->db;
}

McCalendar *
mc_workflow_get_calendar (McWorkflow *self)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  return self->calendar;
}

/* Which step a transfer goes to: the next one, a later step of the named
 * department, or (a department outside the rest of the route) the current
 * step, consulted there. */
static gboolean
transfer_target (Txn *t, const char *department_code, int *step, gint64 *department, GError **error)
{
  if (department_code == NULL || *department_code == '\0')
    {
      if (t->pos.step >= t->n_route)
        return fail (error, MC_WORKFLOW_ERROR_TRANSITION,
                     _("This is the last step of the procedure: record the result instead"));
      *step = t->pos.step + 1;
      *department = t->route[*step - 1].department;
      return TRUE;
    }
  *department = lookup_department (t->self, department_code, error);
  if (*department == 0)
    return FALSE;
  *step = t->pos.step;
  for (int k = t->pos.step + 1; k <= t->n_route; k++)
    if (t->route[k - 1].department == *department)
      {
        *step = k;
        break;
      }
  return TRUE;
}

gboolean
mc_workflow_transfer (McWorkflow *self, const char *code, const McAction *action,
                      const char *department_code, const char *to_username, GError **error)
{
  static const char *const from[] = { "received", "processing", NULL };
  Txn t;
  Event e = { "transfer" };
  gint64 to_staff, staff_department;
  McTime due;
  int step;
  gint64 department;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!state_in (&t.pos, from))
    return refuse (error, &t.pos, C_("transition", "transfer")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  if (!transfer_target (&t, department_code, &step, &department, error) ||
      !lookup_staff (self, to_username, &to_staff, &staff_department, error))
    return txn_abort (&t);
  if (to_staff != 0 && staff_department != department)
    return fail (error, MC_WORKFLOW_ERROR_INVALID,
                 _("That staff member does not belong to the department the dossier is sent to")) || txn_abort (&t);
  if (step == t.pos.step && department == holder (&t) && (to_staff == 0 || to_staff == t.pos.staff))
    return fail (error, MC_WORKFLOW_ERROR_INVALID, _("The dossier is already with that department")) ||
           txn_abort (&t);
  if (!step_due_from (&t, step != t.pos.step ? step : 0, &due, error))
    return txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = "processing";
  e.step = step;
  e.step_from = t.pos.step;
  e.from_department = holder (&t);
  e.to_department = department;
  e.to_staff = to_staff;
  e.step_due = due;
  e.ended_step_due = t.pos.step_due;
  e.note = action ? action->note : NULL;
  set_str (&t.pos.state, "processing");
  t.pos.step = step;
  t.pos.department = department;
  t.pos.staff = to_staff;
  t.pos.step_due = due;
  t.pos.step_started = t.at;
  t.pos.step_accepted = 0;
  return txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_accept (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { "accept" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!g_str_equal (t.pos.state, "processing"))
    return refuse (error, &t.pos, C_("transition", "accept")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  if (t.pos.step_accepted != 0)
    return fail (error, MC_WORKFLOW_ERROR_TRANSITION, _("The dossier has already been accepted at this step")) ||
           txn_abort (&t);
  e.state_from = e.state_to = t.pos.state;
  e.step = t.pos.step;
  e.to_department = holder (&t);
  e.to_staff = t.actor ? t.actor : t.pos.staff;
  e.step_due = t.pos.step_due;
  t.pos.step_accepted = t.at;
  t.pos.staff = e.to_staff;
  return txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_send_back (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { "send_back" };
  int step;
  gint64 department;
  McTime due;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!require_note (action, error, _("Give the reason for sending the dossier back")) ||
      !txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!g_str_equal (t.pos.state, "processing"))
    return refuse (error, &t.pos, C_("transition", "send back")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  /* Consulted outside its route: back to the step's own department; else
   * back one step. */
  step = t.pos.step;
  if (step >= 1 && step <= t.n_route && t.route[step - 1].department == holder (&t))
    step--;
  if (step < 1)
    return fail (error, MC_WORKFLOW_ERROR_TRANSITION,
                 _("The dossier is at the first step: there is no step to send it back to")) || txn_abort (&t);
  department = t.route[step - 1].department;
  if (!step_due_from (&t, step, &due, error))
    return txn_abort (&t);
  e.state_from = e.state_to = "processing";
  e.step = step;
  e.step_from = t.pos.step;
  e.from_department = holder (&t);
  e.to_department = department;
  e.step_due = due;
  e.ended_step_due = t.pos.step_due;
  e.note = action->note;
  set_str (&t.pos.state, step == 1 ? "received" : "processing");
  t.pos.step = step;
  t.pos.department = department;
  t.pos.staff = 0;
  t.pos.step_due = due;
  t.pos.step_started = t.at;
  t.pos.step_accepted = step == 1 ? t.at : 0;
  return txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_pause (McWorkflow *self, const char *code, const McAction *action, McPauseKind kind,
                   GError **error)
{
  static const char *const from[] = { "received", "processing", NULL };
  Txn t;
  Event e = { kind == MC_PAUSE_SUPPLEMENT ? "pause" : "pause_financial" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (kind == MC_PAUSE_SUPPLEMENT &&
      !require_note (action, error, _("List the documents the citizen must supplement")))
    return FALSE;
  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!state_in (&t.pos, from))
    return refuse (error, &t.pos, C_("transition", "pause")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = "paused";
  e.step = t.pos.step;
  e.to_department = holder (&t);
  e.note = action ? action->note : NULL;
  set_str (&t.pos.paused_state, t.pos.state);
  set_str (&t.pos.state, "paused");
  set_str (&t.pos.pause_kind, kind == MC_PAUSE_SUPPLEMENT ? "supplement" : "financial");
  t.pos.paused_since = t.at;
  return txn_commit (&t, &e, TRUE, error);
}

static gboolean
shift (McWorkflow *self, McTime *t, gint64 minutes, GError **error)
{
  if (*t == 0 || minutes == 0)
    return TRUE;
  return mc_calendar_add_working_minutes (self->calendar, *t, minutes, t, error);
}

/* Ends a pause: every deadline moves by the working time it lasted. */
static gboolean
end_pause (Txn *t, GError **error)
{
  gint64 minutes = mc_calendar_working_minutes_between (t->self->calendar, t->pos.paused_since, t->at, NULL, 0);

  if (!shift (t->self, &t->pos.due, minutes, error) || !shift (t->self, &t->pos.extended_due, minutes, error) ||
      !shift (t->self, &t->pos.step_due, minutes, error))
    return FALSE;
  t->pos.paused_minutes += minutes;
  t->pos.paused_since = 0;
  set_str (&t->pos.state, t->pos.paused_state ? t->pos.paused_state : "processing");
  g_clear_pointer (&t->pos.pause_kind, g_free);
  g_clear_pointer (&t->pos.paused_state, g_free);
  return TRUE;
}

gboolean
mc_workflow_resume (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { "resume" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!g_str_equal (t.pos.state, "paused"))
    return refuse (error, &t.pos, C_("transition", "resume")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  if (!end_pause (&t, error))
    return txn_abort (&t);
  e.state_from = "paused";
  e.state_to = t.pos.state;
  e.step = t.pos.step;
  e.to_department = holder (&t);
  e.step_due = t.pos.step_due;
  e.note = action ? action->note : NULL;
  return txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_send_external (McWorkflow *self, const char *code, const McAction *action,
                           const char *unit_code, McTime unit_due, double days, GError **error)
{
  static const char *const from[] = { "received", "processing", NULL };
  Txn t;
  Event e = { "send_external" };
  gint64 unit;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (unit_due == 0 && !(days > 0))
    return fail (error, MC_WORKFLOW_ERROR_INVALID,
                 _("Give the date the other agency must answer by, or its number of working days"));
  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!state_in (&t.pos, from))
    return refuse (error, &t.pos, C_("transition", "send to another agency")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  if ((unit = lookup_external_unit (self, unit_code, error)) == 0 ||
      (unit_due == 0 && !mc_calendar_add_working_days (self->calendar, t.at, days, &unit_due, error)))
    return txn_abort (&t);
  if (unit_due <= t.at)
    return fail (error, MC_WORKFLOW_ERROR_INVALID, _("The other agency’s due time must be later than now")) ||
           txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = "sent_external";
  e.step = e.step_from = t.pos.step;
  e.from_department = holder (&t);
  e.to_unit = unit;
  e.step_due = unit_due;
  e.ended_step_due = t.pos.step_due;
  e.note = action ? action->note : NULL;
  t.pos.department = holder (&t);
  t.pos.held_step_due = t.pos.step_due;
  t.pos.step_due = unit_due;
  t.pos.unit = unit;
  t.pos.step_started = t.at;
  t.pos.step_accepted = 0;
  set_str (&t.pos.state, "sent_external");
  return txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_receive_external (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { "receive_external" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!g_str_equal (t.pos.state, "sent_external"))
    return refuse (error, &t.pos, C_("transition", "receive back from another agency")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  e.state_from = "sent_external";
  e.state_to = "processing";
  e.step = e.step_from = t.pos.step;
  e.from_unit = t.pos.unit;
  e.to_department = t.pos.department;
  e.to_staff = t.actor;
  e.ended_step_due = t.pos.step_due;
  e.step_due = t.pos.held_step_due;
  e.note = action ? action->note : NULL;
  t.pos.step_due = t.pos.held_step_due;
  t.pos.held_step_due = 0;
  t.pos.unit = 0;
  t.pos.step_started = t.pos.step_accepted = t.at;
  t.pos.staff = t.actor ? t.actor : t.pos.staff;
  set_str (&t.pos.state, "processing");
  return txn_commit (&t, &e, TRUE, error);
}

static const char *const timeliness_ids[] = { "early", "on_time", "late" };

/* Settles the dossier: result ready, unqualified or withdrawn. */
static void
settle (Txn *t, Event *e, const char *state, const McAction *action)
{
  e->state_from = t->pos.state;
  e->state_to = state;
  e->step_from = t->pos.step;
  e->from_department = holder (t);
  e->from_unit = t->pos.unit;
  e->to_department = t->n_route > 0 ? t->route[0].department : 0;
  e->ended_step_due = t->pos.step_due;
  e->note = action ? action->note : NULL;
  set_str (&t->pos.state, state);
  /* A withdrawal is the citizen's act: neither early nor late. */
  set_str (&t->pos.timeliness, g_str_equal (state, "withdrawn") ? NULL
                               : timeliness_ids[mc_calendar_classify (t->self->calendar, t->at, t->pos.due)]);
  t->pos.finished = t->at;
  t->pos.unit = 0;
  t->pos.held_step_due = 0;
}

static gboolean
write_outcome (Txn *t, const char *outcome, const char *number, const char *description, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (t->self->db, "UPDATE dossier SET outcome = ?, result_number = ?, "
                                                   "result_note = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, outcome, -1, SQLITE_STATIC);
  bind_text (stmt, 2, number);
  bind_text (stmt, 3, description);
  sqlite3_bind_int64 (stmt, 4, t->pos.id);
  return mc_db_step_done (t->self->db, stmt, error);
}

gboolean
mc_workflow_finish (McWorkflow *self, const char *code, const McAction *action, const char *result_number,
                    const char *result_description, GError **error)
{
  static const char *const from[] = { "received", "processing", NULL };
  Txn t;
  Event e = { "finish" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if ((result_number == NULL || *result_number == '\0') &&
      (result_description == NULL || *result_description == '\0'))
    return fail (error, MC_WORKFLOW_ERROR_INVALID, _("Give the number or a description of the result document"));
  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!state_in (&t.pos, from))
    return refuse (error, &t.pos, C_("transition", "record the result of")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  settle (&t, &e, "result_ready", action);
  if (e.note == NULL)
    e.note = result_number && *result_number ? result_number : result_description;
  return txn_commit (&t, &e, write_outcome (&t, "approved", result_number, result_description, error), error);
}

gboolean
mc_workflow_unqualified (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  static const char *const from[] = { "received", "processing", "paused", NULL };
  Txn t;
  Event e = { "unqualified" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!require_note (action, error, _("Give the reason the dossier cannot be settled")) ||
      !txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!state_in (&t.pos, from))
    return refuse (error, &t.pos, C_("transition", "declare unqualified")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_DECIDE, error))
    return txn_abort (&t);
  if (g_str_equal (t.pos.state, "paused") && !end_pause (&t, error))
    return txn_abort (&t);
  settle (&t, &e, "unqualified", action);
  return txn_commit (&t, &e, write_outcome (&t, "unqualified", NULL, action->note, error), error);
}

gboolean
mc_workflow_withdraw (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { "withdraw" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_state_is_open (t.pos.state))
    return refuse (error, &t.pos, C_("transition", "withdraw")) || txn_abort (&t);
  /* At the counter on the citizen's request, or by the department holding it. */
  if (!mc_accounts_check (self->db, t.actor, MC_PERMISSION_RECEIVE, 0, NULL) &&
      !authorize (&t, MC_PERMISSION_PROCESS, error))
    return txn_abort (&t);
  if (g_str_equal (t.pos.state, "paused") && !end_pause (&t, error))
    return txn_abort (&t);
  settle (&t, &e, "withdrawn", action);
  return txn_commit (&t, &e, write_outcome (&t, "withdrawn", NULL, action ? action->note : NULL, error), error);
}

static gboolean
write_return (Txn *t, const char *collected_by, const char *id_number, McChannel method, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (t->self->db, "UPDATE dossier SET returned_to = ?, return_method = ?, "
                                                   "returned_id_number = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, collected_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mc_channel_to_string (method), -1, SQLITE_STATIC);
  bind_text (stmt, 3, id_number);
  sqlite3_bind_int64 (stmt, 4, t->pos.id);
  return mc_db_step_done (t->self->db, stmt, error);
}

gboolean
mc_workflow_return (McWorkflow *self, const char *code, const McAction *action, const char *collected_by,
                    const char *collector_id_number, McChannel method, GError **error)
{
  static const char *const from[] = { "result_ready", "unqualified", "withdrawn", NULL };
  g_autofree char *who = collected_by ? g_strstrip (g_strdup (collected_by)) : NULL;
  g_autofree char *id_number = NULL;
  Txn t;
  Event e = { "return" };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (who == NULL || *who == '\0')
    return fail (error, MC_WORKFLOW_ERROR_INVALID, _("Write who collected the result"));
  /* At the counter the collector's papers are checked; a posted or online
   * result has no one standing there. */
  if (method == MC_CHANNEL_TRUC_TIEP || (collector_id_number && *collector_id_number))
    {
      id_number = mc_id_number_validate (collector_id_number, NULL, NULL, error);
      if (id_number == NULL)
        return FALSE;
    }
  if (!txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!state_in (&t.pos, from) || t.pos.returned != 0)
    return refuse (error, &t.pos, C_("transition", "return")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_RETURN, error))
    return txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = g_str_equal (t.pos.state, "result_ready") ? "returned" : t.pos.state;
  e.note = action && action->note && *action->note ? action->note : who;
  set_str (&t.pos.state, e.state_to);
  t.pos.returned = t.at;
  return txn_commit (&t, &e, write_return (&t, who, id_number, method, error), error);
}

/* Half the legal time, at least one working day, after the later of now and
 * the appointment: time enough to finish without a second apology. */
gboolean
mc_workflow_suggest_new_due (McWorkflow *self, const char *code, McTime at, McTime *new_due, GError **error)
{
  Position p = { 0 };
  sqlite3_stmt *stmt;
  double days = 1;
  gboolean ok;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!load_position (self, code, &p, error))
    return FALSE;
  stmt = mc_db_prepare (self->db, "SELECT CASE duration_unit WHEN 'hour' THEN duration / 8.0 ELSE duration END "
                                  "FROM procedure WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, p.procedure_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        days = MAX (1.0, ceil (sqlite3_column_double (stmt, 0) / 2.0));
      sqlite3_reset (stmt);
      ok = mc_calendar_add_working_days (self->calendar, MAX (at ? at : mc_time_now (), MAX (p.due, p.extended_due)),
                                         days, new_due, error);
    }
  position_clear (&p);
  return ok;
}

/* The agency must apologise at least one working day before the appointment. */
static gboolean
apology_in_time (Txn *t)
{
  McTime deadline = t->pos.extended_due ? t->pos.extended_due : t->pos.due;

  if (g_str_equal (t->pos.state, "paused"))
    return TRUE;  /* the clock stands still: the appointment has not come closer */
  return t->at < deadline && mc_calendar_working_minutes_between (t->self->calendar, t->at, deadline, NULL, 0) >=
                             mc_calendar_standard_day_minutes (t->self->calendar);
}

static gboolean
write_apology (Txn *t, const McAction *action, gint64 department, gint64 responsible, McTime new_due,
               gint64 *apology_id, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (t->self->db,
      "INSERT INTO apology (dossier_id, issued_at, reason, responsible_department_id, responsible_staff_id, "
      "new_due_at, issued_by, previous_due_at, in_time) VALUES (?,?,?,?,?,?,?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->pos.id);
  sqlite3_bind_int64 (stmt, 2, t->at);
  sqlite3_bind_text (stmt, 3, action->note, -1, SQLITE_TRANSIENT);
  bind_id (stmt, 4, department);
  bind_id (stmt, 5, responsible);
  bind_id (stmt, 6, new_due);
  bind_id (stmt, 7, t->actor);
  sqlite3_bind_int64 (stmt, 8, t->pos.extended_due ? t->pos.extended_due : t->pos.due);
  sqlite3_bind_int (stmt, 9, apology_in_time (t) ? 1 : 0);
  if (!mc_db_step_done (t->self->db, stmt, error))
    return FALSE;
  if (apology_id)
    *apology_id = sqlite3_last_insert_rowid (mc_db_get_handle (t->self->db));
  return TRUE;
}

static gboolean
check_new_due (Txn *t, McTime new_due, GError **error)
{
  if (new_due != 0 && t->pos.extended_due != 0)
    return fail (error, MC_WORKFLOW_ERROR_TRANSITION,
                 _("A new appointment has already been set for this dossier; it may be set only once"));
  if (new_due == 0 && t->pos.extended_due == 0)
    return fail (error, MC_WORKFLOW_ERROR_INVALID, _("Give the new appointment"));
  if (new_due != 0 && (new_due <= t->at || new_due <= t->pos.due))
    return fail (error, MC_WORKFLOW_ERROR_INVALID,
                 _("The new appointment must be later than both now and the current appointment"));
  return TRUE;
}

gboolean
mc_workflow_apologize (McWorkflow *self, const char *code, const McAction *action, const char *department_code,
                       const char *responsible_username, McTime new_due, gint64 *apology_id, GError **error)
{
  Txn t;
  Event e = { "apology" };
  gint64 department = 0, responsible, staff_department;
  gboolean late_result;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!require_note (action, error, _("Give the reason for the delay")) || !txn_begin (self, code, action, &t, error))
    return FALSE;
  late_result = g_str_equal (t.pos.state, "result_ready") && g_strcmp0 (t.pos.timeliness, "late") == 0;
  if (!mc_workflow_state_is_open (t.pos.state) && !late_result)
    return refuse (error, &t.pos, C_("transition", "apologise for")) || txn_abort (&t);
  if (!authorize (&t, MC_PERMISSION_DECIDE, error))
    return txn_abort (&t);
  if (!check_new_due (&t, new_due, error) ||
      (department_code && *department_code && (department = lookup_department (self, department_code, error)) == 0) ||
      !lookup_staff (self, responsible_username, &responsible, &staff_department, error))
    return txn_abort (&t);
  if (department == 0)
    department = responsible ? staff_department : holder (&t);
  if (responsible == 0 && department == holder (&t))
    responsible = t.pos.staff;
  if (!write_apology (&t, action, department, responsible, new_due, apology_id, error))
    return txn_abort (&t);
  e.state_from = e.state_to = t.pos.state;
  e.step = t.pos.step;
  e.to_department = department;
  e.to_staff = responsible;
  e.step_due = new_due;
  e.note = action->note;
  if (new_due != 0)
    t.pos.extended_due = new_due;
  return txn_commit (&t, &e, TRUE, error);
}
