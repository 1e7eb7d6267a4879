/* mc-workflow-transitions.c — routing a dossier: transfer, accept, send back,
 * pause and resume, liên thông, result, not qualified, withdrawal, return
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function checks the state, then the actor's right (mc_accounts_check
 * through mc_workflow_authorize), then writes the position and its event in
 * the transaction mc_workflow_txn_begin opened.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-id-number.h"
#include "mc-workflow-private.h"

/* Which step a transfer goes to: the next one, a later step of the named
 * department, or (a department outside the rest of the route) the current
 * step, consulted there. */
static gboolean
transfer_target (Txn *t, const char *department_code, int *step, gint64 *department, GError **error)
{
  if (department_code == NULL || *department_code == '\0')
    {
      if (t->pos.step >= t->n_route)
        return mc_workflow_fail (error, MC_WORKFLOW_ERROR_TRANSITION,
                     _("This is the last step of the procedure: record the result instead"));
      *step = t->pos.step + 1;
      *department = t->route[*step - 1].department;
      return TRUE;
    }
  *department = mc_workflow_lookup_department (t->self, department_code, error);
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
  Txn t;
  Event e = { MC_EVENT_TRANSFER };
  gint64 to_staff, staff_department;
  McTime due;
  int step = 0;
  gint64 department = 0;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_TRANSFER, error))
    return mc_workflow_txn_abort (&t);
  if (!transfer_target (&t, department_code, &step, &department, error) ||
      !mc_workflow_lookup_staff (self, to_username, &to_staff, &staff_department, error))
    return mc_workflow_txn_abort (&t);
  if (to_staff != 0 && staff_department != department)
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID,
                 _("That staff member does not belong to the department the dossier is sent to")) || mc_workflow_txn_abort (&t);
  if (step == t.pos.step && department == mc_workflow_holder (&t) && (to_staff == 0 || to_staff == t.pos.staff))
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID, _("The dossier is already with that department")) ||
           mc_workflow_txn_abort (&t);
  if (!mc_workflow_step_due_from (&t, step != t.pos.step ? step : 0, &due, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = MC_STATE_PROCESSING;
  e.step = step;
  e.step_from = t.pos.step;
  e.from_department = mc_workflow_holder (&t);
  e.to_department = department;
  e.to_staff = to_staff;
  e.step_due = due;
  e.ended_step_due = t.pos.step_due;
  e.note = action ? action->note : NULL;
  t.pos.state = MC_STATE_PROCESSING;
  t.pos.step = step;
  t.pos.department = department;
  t.pos.staff = to_staff;
  t.pos.step_due = due;
  t.pos.step_started = t.at;
  t.pos.step_accepted = 0;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_accept (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_ACCEPT };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_ACCEPT, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = e.state_to = t.pos.state;
  e.step = t.pos.step;
  e.to_department = mc_workflow_holder (&t);
  e.to_staff = t.actor ? t.actor : t.pos.staff;
  e.step_due = t.pos.step_due;
  t.pos.step_accepted = t.at;
  t.pos.staff = e.to_staff;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_send_back (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_SEND_BACK };
  int step;
  gint64 department;
  McTime due;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_require_note (action, error, _("Give the reason for sending the dossier back")) ||
      !mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_SEND_BACK, error))
    return mc_workflow_txn_abort (&t);
  step = mc_workflow_send_back_step (&t);
  department = t.route[step - 1].department;
  if (!mc_workflow_step_due_from (&t, step, &due, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = e.state_to = MC_STATE_PROCESSING;
  e.step = step;
  e.step_from = t.pos.step;
  e.from_department = mc_workflow_holder (&t);
  e.to_department = department;
  e.step_due = due;
  e.ended_step_due = t.pos.step_due;
  e.note = action->note;
  t.pos.state = step == 1 ? MC_STATE_RECEIVED : MC_STATE_PROCESSING;
  t.pos.step = step;
  t.pos.department = department;
  t.pos.staff = 0;
  t.pos.step_due = due;
  t.pos.step_started = t.at;
  t.pos.step_accepted = step == 1 ? t.at : 0;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_pause (McWorkflow *self, const char *code, const McAction *action, McPauseKind kind,
                   GError **error)
{
  Txn t;
  Event e = { kind == MC_PAUSE_SUPPLEMENT ? MC_EVENT_PAUSE : MC_EVENT_PAUSE_FINANCIAL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (kind == MC_PAUSE_SUPPLEMENT &&
      !mc_workflow_require_note (action, error, _("List the documents the citizen must supplement")))
    return FALSE;
  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_PAUSE, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = MC_STATE_PAUSED;
  e.step = t.pos.step;
  e.to_department = mc_workflow_holder (&t);
  e.note = action ? action->note : NULL;
  t.pos.paused_state = t.pos.state;
  t.pos.state = MC_STATE_PAUSED;
  mc_workflow_set_str (&t.pos.pause_kind, kind == MC_PAUSE_SUPPLEMENT ? "supplement" : "financial");
  t.pos.paused_since = t.at;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
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
  t->pos.state = t->pos.paused_state;
  g_clear_pointer (&t->pos.pause_kind, g_free);
  return TRUE;
}

gboolean
mc_workflow_resume (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_RESUME };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_RESUME, error))
    return mc_workflow_txn_abort (&t);
  if (!end_pause (&t, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = MC_STATE_PAUSED;
  e.state_to = t.pos.state;
  e.step = t.pos.step;
  e.to_department = mc_workflow_holder (&t);
  e.step_due = t.pos.step_due;
  e.note = action ? action->note : NULL;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_send_external (McWorkflow *self, const char *code, const McAction *action,
                           const char *unit_code, McTime unit_due, double days, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_SEND_EXTERNAL };
  gint64 unit;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (unit_due == 0 && !(days > 0))
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID,
                 _("Give the date the other agency must answer by, or its number of working days"));
  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_SEND_EXTERNAL, error))
    return mc_workflow_txn_abort (&t);
  if ((unit = mc_workflow_lookup_external_unit (self, unit_code, error)) == 0 ||
      (unit_due == 0 && !mc_calendar_add_working_days (self->calendar, t.at, days, &unit_due, error)))
    return mc_workflow_txn_abort (&t);
  if (unit_due <= t.at)
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID, _("The other agency’s due time must be later than now")) ||
           mc_workflow_txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = MC_STATE_SENT_EXTERNAL;
  e.step = e.step_from = t.pos.step;
  e.from_department = mc_workflow_holder (&t);
  e.to_unit = unit;
  e.step_due = unit_due;
  e.ended_step_due = t.pos.step_due;
  e.note = action ? action->note : NULL;
  t.pos.department = mc_workflow_holder (&t);
  t.pos.held_step_due = t.pos.step_due;
  t.pos.step_due = unit_due;
  t.pos.unit = unit;
  t.pos.step_started = t.at;
  t.pos.step_accepted = 0;
  t.pos.state = MC_STATE_SENT_EXTERNAL;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
}

gboolean
mc_workflow_receive_external (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_RECEIVE_EXTERNAL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_RECEIVE_EXTERNAL, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = MC_STATE_SENT_EXTERNAL;
  e.state_to = MC_STATE_PROCESSING;
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
  t.pos.state = MC_STATE_PROCESSING;
  return mc_workflow_txn_commit (&t, &e, TRUE, error);
}

static const char *const timeliness_ids[] = { "early", "on_time", "late" };

/* Settles the dossier: result ready, unqualified or withdrawn. */
static void
settle (Txn *t, Event *e, McDossierState state, const McAction *action)
{
  e->state_from = t->pos.state;
  e->state_to = state;
  e->step_from = t->pos.step;
  e->from_department = mc_workflow_holder (t);
  e->from_unit = t->pos.unit;
  e->to_department = t->n_route > 0 ? t->route[0].department : 0;
  e->ended_step_due = t->pos.step_due;
  e->note = action ? action->note : NULL;
  t->pos.state = state;
  /* A withdrawal is the citizen's act: neither early nor late. */
  mc_workflow_set_str (&t->pos.timeliness, state == MC_STATE_WITHDRAWN ? NULL
                               : timeliness_ids[mc_calendar_classify (t->self->calendar, t->at, t->pos.due)]);
  t->pos.finished = t->at;
  t->pos.unit = 0;
  t->pos.held_step_due = 0;
}

static gboolean
write_outcome (Txn *t, const char *outcome, const char *number, const char *description, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (t->self->db, "UPDATE dossier SET outcome = ?, result_number = ?, "
                                                   "result_note = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, outcome, -1, MC_SQL_STATIC);
  mc_workflow_bind_text (stmt, 2, number);
  mc_workflow_bind_text (stmt, 3, description);
  mc_sql_bind_int64 (stmt, 4, t->pos.id);
  return mc_db_step_done (t->self->db, stmt, error);
}

gboolean
mc_workflow_finish (McWorkflow *self, const char *code, const McAction *action, const char *result_number,
                    const char *result_description, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_FINISH };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if ((result_number == NULL || *result_number == '\0') &&
      (result_description == NULL || *result_description == '\0'))
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID, _("Give the number or a description of the result document"));
  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_FINISH, error))
    return mc_workflow_txn_abort (&t);
  settle (&t, &e, MC_STATE_RESULT_READY, action);
  if (e.note == NULL)
    e.note = result_number && *result_number ? result_number : result_description;
  return mc_workflow_txn_commit (&t, &e, write_outcome (&t, "approved", result_number, result_description, error), error);
}

gboolean
mc_workflow_unqualified (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_UNQUALIFIED };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_require_note (action, error, _("Give the reason the dossier cannot be settled")) ||
      !mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_UNQUALIFIED, error))
    return mc_workflow_txn_abort (&t);
  if (t.pos.state == MC_STATE_PAUSED && !end_pause (&t, error))
    return mc_workflow_txn_abort (&t);
  settle (&t, &e, MC_STATE_UNQUALIFIED, action);
  return mc_workflow_txn_commit (&t, &e, write_outcome (&t, "unqualified", NULL, action->note, error), error);
}

gboolean
mc_workflow_withdraw (McWorkflow *self, const char *code, const McAction *action, GError **error)
{
  Txn t;
  Event e = { MC_EVENT_WITHDRAW };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (!mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_WITHDRAW, error))
    return mc_workflow_txn_abort (&t);
  if (t.pos.state == MC_STATE_PAUSED && !end_pause (&t, error))
    return mc_workflow_txn_abort (&t);
  settle (&t, &e, MC_STATE_WITHDRAWN, action);
  return mc_workflow_txn_commit (&t, &e, write_outcome (&t, "withdrawn", NULL, action ? action->note : NULL, error), error);
}

static gboolean
write_return (Txn *t, const char *collected_by, const char *id_number, McChannel method, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (t->self->db, "UPDATE dossier SET returned_to = ?, return_method = ?, "
                                                   "returned_id_number = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_workflow_bind_text (stmt, 1, collected_by);
  mc_sql_bind_text (stmt, 2, mc_channel_to_string (method), -1, MC_SQL_STATIC);
  mc_workflow_bind_text (stmt, 3, id_number);
  mc_sql_bind_int64 (stmt, 4, t->pos.id);
  return mc_db_step_done (t->self->db, stmt, error);
}

/* The applicant's ID number in *digits, when the applicant is a person with
 * one on file (organisations send someone with a letter; imported dossiers
 * may have none); NULL otherwise. FALSE when it could not be read. */
static gboolean
applicant_id_number (McWorkflow *self, const char *code, char **digits, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT applicant_id_number FROM dossier "
                                                "WHERE code = ? AND applicant_kind = 'person'", error);
  McDbStep step;

  *digits = NULL;
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, code ? code : "", -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *digits = mc_workflow_column_text (stmt, 0);
  mc_sql_reset (stmt);
  if (*digits != NULL && **digits == '\0')
    g_clear_pointer (digits, g_free);
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_workflow_needs_authorisation (McWorkflow *self, const char *code, const char *collector_id_number)
{
  g_autofree char *applicant = NULL;
  g_autofree char *collector = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  collector = mc_id_number_validate (collector_id_number, NULL, NULL, NULL);
  if (collector == NULL)
    return FALSE;
  /* A hint for the return dialog: when the dossier cannot be read it asks
   * for the authorisation (the safe side); the return itself then fails
   * with the reason. */
  if (!applicant_id_number (self, code, &applicant, &error))
    {
      g_debug ("Whether %s needs an authorisation: %s", code, error->message);
      return TRUE;
    }
  return applicant != NULL && !g_str_equal (applicant, collector);
}

/* The return's line in the timeline and on Mẫu 05: who collected it, on
 * whose authorisation, and the clerk's note. Stored in Vietnamese, as the
 * records are, whatever the language of the screen. */
static char *
return_note (const char *who, const char *authorisation, const McAction *action)
{
  const char *note = action && action->note && *action->note ? action->note : NULL;

  if (authorisation == NULL)
    return g_strdup (note ? note : who);
  return note ? g_strdup_printf ("%s nhận thay theo ủy quyền: %s; %s", who, authorisation, note)
              : g_strdup_printf ("%s nhận thay theo ủy quyền: %s", who, authorisation);
}

/* The collector's ID, checked: required in person, optional otherwise; a
 * card that is not the applicant's needs the authorisation it was shown. */
static gboolean
check_collector (McWorkflow *self, const char *code, const char *id_text, McChannel method,
                 char **authorisation, char **id_number, GError **error)
{
  *id_number = NULL;
  if (method != MC_CHANNEL_TRUC_TIEP && (id_text == NULL || *id_text == '\0'))
    {
      g_clear_pointer (authorisation, g_free);
      return TRUE;
    }
  *id_number = mc_id_number_validate (id_text, NULL, NULL, error);
  if (*id_number == NULL)
    return FALSE;
  if (!mc_workflow_needs_authorisation (self, code, *id_number))
    {
      /* The applicant in person needs no one's authorisation. */
      g_clear_pointer (authorisation, g_free);
      return TRUE;
    }
  if (*authorisation == NULL || **authorisation == '\0')
    {
      g_clear_pointer (id_number, g_free);
      return mc_workflow_fail (error, MC_WORKFLOW_ERROR_AUTHORISATION,
                               _("The ID number checked is not the applicant’s: hand the result to someone else "
                                 "only on the applicant’s authorisation, and write which document it is"));
    }
  return TRUE;
}

gboolean
mc_workflow_return (McWorkflow *self, const char *code, const McAction *action, const char *collected_by,
                    const char *collector_id_number, const char *authorisation, McChannel method,
                    GError **error)
{
  g_autofree char *who = collected_by ? g_strstrip (g_strdup (collected_by)) : NULL;
  g_autofree char *proxy = authorisation ? g_strstrip (g_strdup (authorisation)) : NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *note = NULL;
  Txn t;
  Event e = { MC_EVENT_RETURN };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (who == NULL || *who == '\0')
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_INVALID, _("Write who collected the result"));
  /* At the counter the collector's papers are checked; a posted or online
   * result has no one standing there. */
  if (!check_collector (self, code, collector_id_number, method, &proxy, &id_number, error) ||
      !mc_workflow_txn_begin (self, code, action, &t, error))
    return FALSE;
  if (!mc_workflow_check_transition (&t, MC_TRANSITION_RETURN, error))
    return mc_workflow_txn_abort (&t);
  e.state_from = t.pos.state;
  e.state_to = t.pos.state == MC_STATE_RESULT_READY ? MC_STATE_RETURNED : t.pos.state;
  /* Handed over by the department that keeps results (the counter). */
  e.from_department = mc_workflow_holder (&t);
  e.note = note = return_note (who, proxy, action);
  t.pos.state = e.state_to;
  t.pos.returned = t.at;
  return mc_workflow_txn_commit (&t, &e, write_return (&t, who, id_number, method, error), error);
}
