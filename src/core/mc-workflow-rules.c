/* mc-workflow-rules.c — which transition is allowed from which state, and to whom
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule per transition, applied twice: by the transition inside its
 * transaction before it writes, and by mc_workflow_allows when a window
 * decides which actions to offer. The UI never restates these rules, so an
 * action it offers is one core will take, and one it hides is one core
 * would refuse.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* The transition table (mc-dossier-state.c) says from which states a
 * transition leaves; a return happens once. */
static gboolean
state_ok (const Txn *t, McTransition transition)
{
  const Position *p = &t->pos;
  gboolean late = g_strcmp0 (p->timeliness, "late") == 0;

  if (!mc_transition_leaves_from (transition, p->state, late))
    return FALSE;
  return transition != MC_TRANSITION_RETURN || p->returned == 0;
}

/* The verb of the refusal "Không thể … hồ sơ …". */
static const char *
verb_of (McTransition transition)
{
  switch (transition)
    {
    case MC_TRANSITION_ACCEPT: return C_("transition", "accept");
    case MC_TRANSITION_TRANSFER: return C_("transition", "transfer");
    case MC_TRANSITION_SEND_BACK: return C_("transition", "send back");
    case MC_TRANSITION_PAUSE: return C_("transition", "pause");
    case MC_TRANSITION_RESUME: return C_("transition", "resume");
    case MC_TRANSITION_SEND_EXTERNAL: return C_("transition", "send to another agency");
    case MC_TRANSITION_RECEIVE_EXTERNAL: return C_("transition", "receive back from another agency");
    case MC_TRANSITION_FINISH: return C_("transition", "record the result of");
    case MC_TRANSITION_UNQUALIFIED: return C_("transition", "declare unqualified");
    case MC_TRANSITION_WITHDRAW: return C_("transition", "withdraw");
    case MC_TRANSITION_APOLOGIZE: return C_("transition", "apologise for");
    case MC_TRANSITION_RETURN: return C_("transition", "return");
    case MC_N_TRANSITIONS:
    default: return "";
    }
}

/* Finishing before the route's last step skips the steps after it. That is
 * a decision, so only a head of the department holding the dossier or a
 * committee leader takes it — never the counter, a specialist or the
 * records clerk, who would sign in a leader's place — and a head cannot
 * skip a step the route gives to the committee's leader. */
static gboolean
cut_short_ok (Txn *t, GError **error)
{
  g_autoptr(McStaff) s = NULL;
  McRoles needed = MC_ROLE_HEAD | MC_ROLE_LEADER;

  if (t->actor == 0 && mc_accounts_check (t->self->db, 0, MC_PERMISSION_ADMINISTER, 0, NULL))
    return TRUE;  /* before the first administrator nobody signs in */
  for (int k = MAX (t->pos.step, 1); k < t->n_route; k++)
    if (t->route[k].role & MC_ROLE_LEADER)
      needed = MC_ROLE_LEADER;
  {
    g_autoptr(McAccounts) accounts = mc_accounts_new (t->self->db);
    s = mc_accounts_get_staff_by_id (accounts, t->actor, error);
  }
  if (s == NULL)
    return FALSE;
  if (mc_staff_get_roles (s) & needed)
    return TRUE;
  g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
               needed == MC_ROLE_LEADER
                 ? _("%s cannot skip the committee leader’s step: only the leader may end the route before it")
                 : _("%s cannot end the route before its last step: only the head of the department or a "
                     "committee leader may skip the steps left"),
               mc_staff_get_full_name (s));
  return FALSE;
}

/* The actor's right, once the state allows the transition. */
static gboolean
actor_ok (Txn *t, McTransition transition, GError **error)
{
  switch (transition)
    {
    case MC_TRANSITION_FINISH:
      /* The route's last step issues the result; before it, the route is
       * cut short (cut_short_ok). */
      if (t->pos.step >= t->n_route)
        return mc_workflow_authorize (t, MC_PERMISSION_PROCESS, error);
      return mc_workflow_authorize (t, MC_PERMISSION_DECIDE, error) && cut_short_ok (t, error);
    case MC_TRANSITION_UNQUALIFIED:
      return mc_workflow_authorize (t, MC_PERMISSION_DECIDE, error);
    case MC_TRANSITION_WITHDRAW:
      /* At the counter on the citizen's request, or by the department holding it. */
      return mc_accounts_check (t->self->db, t->actor, MC_PERMISSION_RECEIVE, 0, NULL) ||
             mc_workflow_authorize (t, MC_PERMISSION_PROCESS, error);
    case MC_TRANSITION_APOLOGIZE:
      /* While open the department holding the dossier decides; a late
       * result's apology is signed by the head of the department named
       * responsible, which mc_workflow_apologize checks once it is named. */
      if (!mc_dossier_state_is_open (t->pos.state))
        return mc_accounts_check (t->self->db, t->actor, MC_PERMISSION_DECIDE, 0, error);
      return mc_workflow_authorize (t, MC_PERMISSION_DECIDE, error);
    case MC_TRANSITION_RETURN:
      return mc_workflow_authorize (t, MC_PERMISSION_RETURN, error);
    case MC_TRANSITION_ACCEPT:
    case MC_TRANSITION_TRANSFER:
    case MC_TRANSITION_SEND_BACK:
    case MC_TRANSITION_PAUSE:
    case MC_TRANSITION_RESUME:
    case MC_TRANSITION_SEND_EXTERNAL:
    case MC_TRANSITION_RECEIVE_EXTERNAL:
      return mc_workflow_authorize (t, MC_PERMISSION_PROCESS, error);
    case MC_N_TRANSITIONS:
    default:
      return FALSE;
    }
}

int
mc_workflow_send_back_step (const Txn *t)
{
  int step = t->pos.step;

  if (step >= 1 && step <= t->n_route && t->route[step - 1].department == mc_workflow_holder (t))
    step--;
  return MAX (step, 0);
}

gboolean
mc_workflow_check_transition (Txn *t, McTransition transition, GError **error)
{
  if (!state_ok (t, transition))
    return mc_workflow_refuse (error, &t->pos, verb_of (transition));
  if (!actor_ok (t, transition, error))
    return FALSE;
  if (transition == MC_TRANSITION_SEND_BACK && mc_workflow_send_back_step (t) < 1)
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_TRANSITION,
                             _("The dossier is at the first step: there is no step to send it back to"));
  if (transition == MC_TRANSITION_ACCEPT && t->pos.step_accepted != 0)
    return mc_workflow_fail (error, MC_WORKFLOW_ERROR_TRANSITION,
                             _("The dossier has already been accepted at this step"));
  return TRUE;
}

gboolean
mc_workflow_allows (McWorkflow *self, const char *code, McTransition transition, const char *username,
                    GError **error)
{
  McAction action = { 0, username, NULL };
  Txn t;
  gboolean ok;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (transition < MC_N_TRANSITIONS, FALSE);

  if (!mc_workflow_txn_read (self, code, &action, &t, error))
    return FALSE;
  ok = mc_accounts_check_actor (self->db, t.actor, error) && mc_workflow_check_transition (&t, transition, error);
  mc_workflow_position_clear (&t.pos);
  return ok;
}

McTransitionSet
mc_dossier_allowed_actions (McWorkflow *self, const char *code, const char *username)
{
  McAction action = { 0, username, NULL };
  McTransitionSet allowed = 0;
  Txn t;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), 0);

  if (!mc_workflow_txn_read (self, code, &action, &t, NULL))
    return 0;
  if (mc_accounts_check_actor (self->db, t.actor, NULL))
    for (McTransition k = 0; k < MC_N_TRANSITIONS; k++)
      if (mc_workflow_check_transition (&t, k, NULL))
        allowed |= 1u << k;
  mc_workflow_position_clear (&t.pos);
  return allowed;
}
