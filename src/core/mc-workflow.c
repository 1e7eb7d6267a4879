/* mc-workflow.c — the life of a dossier after reception: the transaction
 * every transition runs in (the transitions are in mc-workflow-transitions.c
 * and mc-workflow-apology.c, the readers in mc-workflow-records.c)
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

#include "mc-db-private.h"
#include "mc-text.h"
#include "mc-notification-private.h"
#include "mc-workflow-private.h"

G_DEFINE_FINAL_TYPE (McWorkflow, mc_workflow, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-workflow-error-quark, mc_workflow_error)

void
mc_workflow_position_clear (Position *p)
{
  g_free (p->code);
  g_free (p->pause_kind);
  g_free (p->timeliness);
}

void
mc_workflow_set_str (char **field, const char *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

gboolean
mc_workflow_fail (GError **error, McWorkflowError code, const char *message)
{
  g_set_error_literal (error, MC_WORKFLOW_ERROR, code, message);
  return FALSE;
}

gboolean
mc_workflow_refuse (GError **error, const Position *p, const char *what)
{
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_TRANSITION,
               /* Translators: the first %s is a verb of context "transition" ("transfer"),
                * the second the dossier code, the third its state ("Returned"). */
               _("Cannot %s dossier %s: its state is “%s”"), what, p->code, mc_dossier_state_get_label (p->state));
  return FALSE;
}

char *
mc_workflow_column_text (McSqlStmt *stmt, int i)
{
  const char *text = mc_sql_column_text (stmt, i);

  return text ? g_strdup ((const char *) text) : NULL;
}

McTime
mc_workflow_column_time (McSqlStmt *stmt, int i)
{
  return mc_sql_column_type (stmt, i) == MC_SQL_NULL ? 0 : mc_sql_column_int64 (stmt, i);
}

/* A state column; the schema's CHECK admits only the table's ids. */
static McDossierState
column_state (McSqlStmt *stmt, int i, McDossierState fallback)
{
  McDossierState state = fallback;

  mc_dossier_state_from_string (mc_sql_column_text (stmt, i), &state);
  return state;
}

#define POSITION_COLUMNS                                                                              \
  "SELECT d.id, d.procedure_id, d.code, d.state, coalesce (d.current_step, 1), "                      \
  "coalesce (d.current_department_id, 0), coalesce (d.current_staff_id, 0), "                         \
  "coalesce (d.current_unit_id, 0), d.received_at, d.due_at, d.extended_due_at, d.step_due_at, "      \
  "d.step_started_at, d.step_accepted_at, d.paused_since, d.pause_kind, d.paused_state, "             \
  "d.held_step_due_at, d.paused_minutes, d.finished_at, d.returned_at, d.timeliness, "                \
  "(SELECT max (at) FROM dossier_event e WHERE e.dossier_id = d.id) FROM dossier d WHERE d.code = ?"

static void
read_position (McSqlStmt *stmt, Position *p)
{
  p->id = mc_sql_column_int64 (stmt, 0);
  p->procedure_id = mc_sql_column_int64 (stmt, 1);
  p->code = mc_workflow_column_text (stmt, 2);
  p->state = column_state (stmt, 3, MC_STATE_RECEIVED);
  p->step = mc_sql_column_int (stmt, 4);
  p->department = mc_sql_column_int64 (stmt, 5);
  p->staff = mc_sql_column_int64 (stmt, 6);
  p->unit = mc_sql_column_int64 (stmt, 7);
  p->received = mc_workflow_column_time (stmt, 8);
  p->due = mc_workflow_column_time (stmt, 9);
  p->extended_due = mc_workflow_column_time (stmt, 10);
  p->step_due = mc_workflow_column_time (stmt, 11);
  p->step_started = mc_workflow_column_time (stmt, 12);
  p->step_accepted = mc_workflow_column_time (stmt, 13);
  p->paused_since = mc_workflow_column_time (stmt, 14);
  p->pause_kind = mc_workflow_column_text (stmt, 15);
  p->paused_state = column_state (stmt, 16, MC_STATE_PROCESSING);
  p->held_step_due = mc_workflow_column_time (stmt, 17);
  p->paused_minutes = mc_sql_column_int64 (stmt, 18);
  p->finished = mc_workflow_column_time (stmt, 19);
  p->returned = mc_workflow_column_time (stmt, 20);
  p->timeliness = mc_workflow_column_text (stmt, 21);
  p->last_event = mc_workflow_column_time (stmt, 22);
}

gboolean
mc_workflow_load_position (McWorkflow *self, const char *code, Position *p, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, POSITION_COLUMNS, error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, code ? code : "", -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    read_position (stmt, p);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No dossier has the code “%s”"), code ? code : "");
  return step == MC_DB_STEP_ROW;
}

static gboolean
load_route (Txn *t, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (t->self->db, "SELECT department_id, days, role FROM procedure_step "
                                                   "WHERE procedure_id = ? ORDER BY position", error);
  McDbStep step = MC_DB_STEP_DONE;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, t->pos.procedure_id);
  t->n_route = 0;
  while (t->n_route < MAX_STEPS && (step = mc_db_step_row (t->self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      t->route[t->n_route].department = mc_sql_column_int64 (stmt, 0);
      t->route[t->n_route].days = mc_sql_column_double (stmt, 1);
      t->route[t->n_route].role = mc_roles_from_string (mc_sql_column_text (stmt, 2), NULL);
      t->n_route++;
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;  /* a route cut short would send the dossier to the wrong step */
}

/* staff.id and department of a user name; NULL or "" is nobody (0). */
gboolean
mc_workflow_lookup_staff (McWorkflow *self, const char *username, gint64 *id, gint64 *department, GError **error)
{
  McSqlStmt *stmt;
  McDbStep step;

  *id = 0;
  if (department)
    *department = 0;
  if (username == NULL || *username == '\0')
    return TRUE;
  stmt = mc_db_prepare (self->db, "SELECT id, coalesce (department_id, 0) FROM staff "
                                  "WHERE username = ? AND active <> 0", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, username, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      *id = mc_sql_column_int64 (stmt, 0);
      if (department)
        *department = mc_sql_column_int64 (stmt, 1);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No active staff member has the user name “%s”"), username);
  return step == MC_DB_STEP_ROW;
}

/* A department of the center's own unit by its code (VP, KT, …). */
gint64
mc_workflow_lookup_department (McWorkflow *self, const char *code, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "SELECT d.id FROM department d JOIN unit u ON u.id = d.unit_id WHERE d.code = ? AND d.active <> 0 "
      "ORDER BY u.relation = 'self' DESC LIMIT 1", error);
  gint64 id = 0;
  McDbStep step;

  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    id = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No department has the code “%s”"), code);
  return id;
}

gint64
mc_workflow_lookup_external_unit (McWorkflow *self, const char *code, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT id FROM unit WHERE code = ? AND relation != 'self'",
                                      error);
  gint64 id = 0;
  McDbStep step;

  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, code ? code : "", -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    id = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No other agency or unit has the code “%s”"), code ? code : "");
  return id;
}

void
mc_workflow_bind_id (McSqlStmt *stmt, int i, gint64 value)
{
  if (value != 0)
    mc_sql_bind_int64 (stmt, i, value);
  else
    mc_sql_bind_null (stmt, i);
}

void
mc_workflow_bind_text (McSqlStmt *stmt, int i, const char *text)
{
  g_autofree char *value = mc_text_for_storage (text);

  if (value && *value)
    mc_sql_bind_text (stmt, i, value, -1, MC_SQL_TRANSIENT);
  else
    mc_sql_bind_null (stmt, i);
}

static gboolean
write_event (Txn *t, const Event *e, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (t->self->db,
      "INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_from, state_to, step, step_from, "
      "from_department_id, to_department_id, to_staff_id, from_unit_id, to_unit_id, step_due_at, "
      "ended_step_due_at, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, t->pos.id);
  mc_sql_bind_int64 (stmt, 2, t->at);
  mc_workflow_bind_id (stmt, 3, t->actor);
  mc_sql_bind_text (stmt, 4, mc_event_kind_to_string (e->kind), -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 5, mc_dossier_state_to_string (e->state_from), -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 6, mc_dossier_state_to_string (e->state_to), -1, MC_SQL_STATIC);
  mc_workflow_bind_id (stmt, 7, e->step);
  mc_workflow_bind_id (stmt, 8, e->step_from);
  mc_workflow_bind_id (stmt, 9, e->from_department);
  mc_workflow_bind_id (stmt, 10, e->to_department);
  mc_workflow_bind_id (stmt, 11, e->to_staff);
  mc_workflow_bind_id (stmt, 12, e->from_unit);
  mc_workflow_bind_id (stmt, 13, e->to_unit);
  mc_workflow_bind_id (stmt, 14, e->step_due);
  mc_workflow_bind_id (stmt, 15, e->ended_step_due);
  mc_workflow_bind_text (stmt, 16, e->note);
  return mc_db_step_done (t->self->db, stmt, error);
}

/* Writes back every column Position holds. */
static gboolean
write_position (Txn *t, GError **error)
{
  const Position *p = &t->pos;
  gboolean open = mc_dossier_state_is_open (p->state);
  McSqlStmt *stmt = mc_db_prepare (t->self->db,
      "UPDATE dossier SET state = ?, current_step = ?, current_department_id = ?, current_staff_id = ?, "
      "current_unit_id = ?, due_at = ?, extended_due_at = ?, step_due_at = ?, step_started_at = ?, "
      "step_accepted_at = ?, paused_since = ?, pause_kind = ?, paused_state = ?, held_step_due_at = ?, "
      "paused_minutes = ?, finished_at = ?, returned_at = ?, timeliness = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, mc_dossier_state_to_string (p->state), -1, MC_SQL_STATIC);
  mc_workflow_bind_id (stmt, 2, open ? p->step : 0);
  mc_workflow_bind_id (stmt, 3, open ? p->department : 0);
  mc_workflow_bind_id (stmt, 4, open ? p->staff : 0);
  mc_workflow_bind_id (stmt, 5, p->unit);
  mc_sql_bind_int64 (stmt, 6, p->due);
  mc_workflow_bind_id (stmt, 7, p->extended_due);
  mc_workflow_bind_id (stmt, 8, open ? p->step_due : 0);
  mc_workflow_bind_id (stmt, 9, open ? p->step_started : 0);
  mc_workflow_bind_id (stmt, 10, open ? p->step_accepted : 0);
  mc_workflow_bind_id (stmt, 11, p->paused_since);
  mc_workflow_bind_text (stmt, 12, p->pause_kind);
  if (p->state == MC_STATE_PAUSED)
    mc_sql_bind_text (stmt, 13, mc_dossier_state_to_string (p->paused_state), -1, MC_SQL_STATIC);
  else
    mc_sql_bind_null (stmt, 13);
  mc_workflow_bind_id (stmt, 14, p->held_step_due);
  mc_sql_bind_int64 (stmt, 15, p->paused_minutes);
  mc_workflow_bind_id (stmt, 16, p->finished);
  mc_workflow_bind_id (stmt, 17, p->returned);
  mc_workflow_bind_text (stmt, 18, p->timeliness);
  mc_sql_bind_int64 (stmt, 19, p->id);
  return mc_db_step_done (t->self->db, stmt, error);
}

gboolean
mc_workflow_txn_read (McWorkflow *self, const char *code, const McAction *action, Txn *t, GError **error)
{
  memset (t, 0, sizeof *t);
  t->self = self;
  t->at = action && action->at ? action->at : mc_time_now ();
  t->saved_actor = mc_db_get_actor (self->db);
  if (!mc_workflow_load_position (self, code, &t->pos, error) ||
      !mc_workflow_lookup_staff (self, action ? action->username : NULL, &t->actor, NULL, error) ||
      !load_route (t, error))
    {
      mc_workflow_position_clear (&t->pos);
      return FALSE;
    }
  /* Without a name the signed-in staff member acts; the audit rows the
   * triggers write name whoever acts. */
  if (t->actor == 0)
    t->actor = t->saved_actor;
  return TRUE;
}

/* Opens the transaction and reads the dossier; on failure nothing is open. */
gboolean
mc_workflow_txn_begin (McWorkflow *self, const char *code, const McAction *action, Txn *t, GError **error)
{
  if (!mc_db_begin (self->db, error))
    return FALSE;
  if (!mc_workflow_txn_read (self, code, action, t, error))
    {
      mc_db_rollback (self->db);
      return FALSE;
    }
  if (!mc_accounts_check_actor (self->db, t->actor, error))
    goto fail;
  mc_db_set_actor (self->db, t->actor);
  /* The actor's right to date the action otherwise than now (the demo,
   * tests, migrations): a records clerk's result dated a month back would
   * count as early in every report. */
  if (!mc_accounts_check_time (self->db, t->actor, t->at, t->pos.code, t->pos.id, error))
    goto fail;
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
  mc_workflow_position_clear (&t->pos);
  return FALSE;
}

/* Writes the position and the event, and commits; rolls back on failure. */
gboolean
mc_workflow_txn_commit (Txn *t, const Event *e, gboolean ok, GError **error)
{
  /* The notifications the event causes (the bell) commit with it. */
  ok = ok && write_position (t, error) &&
       (e == NULL || (write_event (t, e, error) &&
                      mc_notification_for_event (t->self->db, t->pos.id, e->kind, t->actor, e->to_staff, e->step,
                                                 t->at, error))) &&
       mc_db_commit (t->self->db, error);
  if (!ok)
    mc_db_rollback (t->self->db);
  mc_db_set_actor (t->self->db, t->saved_actor);
  mc_workflow_position_clear (&t->pos);
  return ok;
}

gboolean
mc_workflow_txn_abort (Txn *t)
{
  mc_db_rollback (t->self->db);
  mc_db_set_actor (t->self->db, t->saved_actor);
  mc_workflow_position_clear (&t->pos);
  return FALSE;
}

/* The department holding the dossier; a dossier just received is at the
 * first step's department (the counter) even if the row does not say so. */
gint64
mc_workflow_holder (const Txn *t)
{
  if (t->pos.department != 0)
    return t->pos.department;
  return t->n_route > 0 ? t->route[0].department : 0;
}

/* Checked after the state (so a refused transition says why it is refused
 * whoever asks) and before anything is written. */
gboolean
mc_workflow_authorize (Txn *t, McPermission permission, GError **error)
{
  return mc_accounts_check (t->self->db, t->actor, permission, mc_workflow_holder (t), error);
}

gboolean
mc_workflow_step_due_from (Txn *t, int step, McTime *due, GError **error)
{
  double days = step >= 1 && step <= t->n_route ? t->route[step - 1].days : 0;

  if (days <= 0)
    {
      *due = t->pos.step_due;
      return TRUE;
    }
  return mc_calendar_add_working_days (t->self->calendar, t->at, days, due, error);
}

gboolean
mc_workflow_require_note (const McAction *action, GError **error, const char *message)
{
  g_autofree char *note = action && action->note ? g_strstrip (g_strdup (action->note)) : NULL;

  if (note == NULL || *note == '\0')
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID, message);
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
