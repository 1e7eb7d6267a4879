/* mc-workflow-apology.c — Mẫu 04: apologising for a late dossier and
 * setting the new appointment, once
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-workflow-private.h"

/* Half the legal time, at least one working day, after the later of now and
 * the appointment: time enough to finish without a second apology. */
gboolean
mc_workflow_suggest_new_due (McWorkflow *self, const char *code, McTime at, McTime *new_due, GError **error)
{
  Position p = { 0 };
  McSqlStmt *stmt;
  double days = 1;
  gboolean ok;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_load_position (self, code, &p, error))
    return FALSE;
  stmt = mc_db_prepare (self->db, "SELECT CASE duration_unit WHEN 'hour' THEN duration / 8.0 ELSE duration END "
                                  "FROM procedure WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      McDbStep step;

      mc_sql_bind_int64 (stmt, 1, p.procedure_id);
      step = mc_db_step_row (self->db, stmt, error);
      if (step == MC_DB_STEP_ROW)
        days = MAX (1.0, ceil (mc_sql_column_double (stmt, 0) / 2.0));
      mc_sql_reset (stmt);
      ok = step != MC_DB_STEP_ERROR && mc_calendar_add_working_days (self->calendar, MAX (at ? at : mc_time_now (), MAX (p.due, p.extended_due)),
                                         days, new_due, error);
    }
  mc_workflow_position_clear (&p);
  return ok;
}

/* The agency must apologise at least one working day before the appointment. */
static gboolean
apology_in_time (Txn *t)
{
  McTime deadline = t->pos.extended_due ? t->pos.extended_due : t->pos.due;
  /* Paused, the clock stands still: what counts is the time left when the
   * pause began (none if the appointment had already passed). */
  McTime clock = t->pos.state == MC_STATE_PAUSED && t->pos.paused_since ? t->pos.paused_since : t->at;

  return clock < deadline && mc_calendar_working_minutes_between (t->self->calendar, clock, deadline, NULL, 0) >=
                             mc_calendar_standard_day_minutes (t->self->calendar);
}

static gboolean
write_apology (Txn *t, const McAction *action, gint64 department, gint64 responsible, McTime new_due,
               gint64 *apology_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (t->self->db,
      "INSERT INTO apology (dossier_id, issued_at, reason, responsible_department_id, responsible_staff_id, "
      "new_due_at, issued_by, previous_due_at, in_time) VALUES (?,?,?,?,?,?,?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, t->pos.id);
  mc_sql_bind_int64 (stmt, 2, t->at);
  mc_workflow_bind_text (stmt, 3, action->note);
  mc_workflow_bind_id (stmt, 4, department);
  mc_workflow_bind_id (stmt, 5, responsible);
  mc_workflow_bind_id (stmt, 6, new_due);
  mc_workflow_bind_id (stmt, 7, t->actor);
  mc_sql_bind_int64 (stmt, 8, t->pos.extended_due ? t->pos.extended_due : t->pos.due);
  mc_sql_bind_int (stmt, 9, apology_in_time (t) ? 1 : 0);
  if (!mc_db_step_done (t->self->db, stmt, error))
    return FALSE;
  if (apology_id)
    *apology_id = mc_sql_last_insert_id (t->self->db);
  return TRUE;
}

static gboolean
check_new_due (Txn *t, McTime new_due, GError **error)
{
  if (new_due != 0 && t->pos.extended_due != 0)
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_TRANSITION,
                 _("A new appointment has already been set for this dossier; it may be set only once"));
  if (new_due == 0 && t->pos.extended_due == 0)
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID, _("Give the new appointment"));
  if (new_due != 0 && (new_due <= t->at || new_due <= t->pos.due))
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID,
                 _("The new appointment must be later than both now and the current appointment"));
  return TRUE;
}

gboolean
mc_workflow_apologize (McWorkflow *self, const char *code, const McAction *action, const char *department_code,
                       const char *responsible_username, McTime new_due, gint64 *apology_id, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_APOLOGY };
  gint64 department = 0, responsible, staff_department;
  gboolean late_result;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_require_note (action, error, _("Give the reason for the delay")) || !mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  late_result = t.pos.state == MC_STATE_RESULT_READY;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_APOLOGIZE, error) || !check_new_due (&t, new_due, error) ||
      (department_code && *department_code && (department = mc_workflow_lookup_department (self, department_code, error)) == 0) ||
      !mc_workflow_lookup_staff (self, responsible_username, &responsible, &staff_department, error))
    return mc_workflow_txn_abort (&t);
  if (department == 0)
    department = responsible ? staff_department : mc_workflow_holder (&t);
  /* The deciding department apologises: while open, the one holding the
   * dossier; for a late result already back at the counter, the department
   * named responsible (its head signs), not the counter. */
  if (!mc_accounts_check (self->db, t.actor, MC_PERMISSION_DECIDE,
                          late_result ? department : mc_workflow_holder (&t), error))
    return mc_workflow_txn_abort (&t);
  if (responsible == 0 && department == mc_workflow_holder (&t))
    responsible = t.pos.staff;
  if (!write_apology (&t, action, department, responsible, new_due, apology_id, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = e.state_to = t.pos.state;
  e.step = t.pos.step;
  e.to_department = department;
  e.to_staff = responsible;
  e.step_due = new_due;
  e.note = action->note;
  if (new_due != 0)
    t.pos.extended_due = new_due;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
}
