/* mc-dossier-state.c — the tables of the dossier's state machine
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding a state is one line in `states` (its id, its words, open or not),
 * its value in the enum, the schema's CHECK (a migration) and the rows of
 * `transitions` that leave from it; adding an event kind is one line in
 * `event_kinds`. The ids are the strings the database has always stored, so
 * no data moves.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-dossier-state.h"

#define BIT(state) (1u << (state))

static const struct {
  const char *id;
  const char *label;
  gboolean    open;
} states[MC_N_STATES] = {
  [MC_STATE_RECEIVED] = { "received", N_("Received"), TRUE },
  [MC_STATE_PROCESSING] = { "processing", N_("Being processed"), TRUE },
  [MC_STATE_PAUSED] = { "paused", N_("Paused"), TRUE },
  [MC_STATE_SENT_EXTERNAL] = { "sent_external", N_("At another agency"), TRUE },
  [MC_STATE_RESULT_READY] = { "result_ready", N_("Result ready"), FALSE },
  [MC_STATE_RETURNED] = { "returned", N_("Returned"), FALSE },
  [MC_STATE_UNQUALIFIED] = { "unqualified", N_("Not qualified"), FALSE },
  [MC_STATE_WITHDRAWN] = { "withdrawn", N_("Withdrawn"), FALSE },
};

static const struct {
  const char *id;
  const char *label;
} event_kinds[MC_N_EVENT_KINDS] = {
  [MC_EVENT_RECEIVE] = { "receive", N_("Received at the counter") },
  [MC_EVENT_TRANSFER] = { "transfer", N_("Transferred") },
  [MC_EVENT_ACCEPT] = { "accept", N_("Accepted") },
  [MC_EVENT_SEND_BACK] = { "send_back", N_("Sent back") },
  [MC_EVENT_PAUSE] = { "pause", N_("Paused for supplements") },
  [MC_EVENT_PAUSE_FINANCIAL] = { "pause_financial", N_("Paused for financial obligations") },
  [MC_EVENT_RESUME] = { "resume", N_("Resumed") },
  [MC_EVENT_SEND_EXTERNAL] = { "send_external", N_("Sent to another agency") },
  [MC_EVENT_RECEIVE_EXTERNAL] = { "receive_external", N_("Received back from the agency") },
  [MC_EVENT_FINISH] = { "finish", N_("Result ready") },
  [MC_EVENT_UNQUALIFIED] = { "unqualified", N_("Not qualified") },
  [MC_EVENT_WITHDRAW] = { "withdraw", N_("Withdrawn") },
  [MC_EVENT_RETURN] = { "return", N_("Result returned") },
  [MC_EVENT_APOLOGY] = { "apology", N_("Apology and new appointment") },
  [MC_EVENT_IMPORT] = { "import", N_("Imported from the previous system") },
};

#define OPEN (BIT (MC_STATE_RECEIVED) | BIT (MC_STATE_PROCESSING) | BIT (MC_STATE_PAUSED) | \
              BIT (MC_STATE_SENT_EXTERNAL))
#define AT_DESK (BIT (MC_STATE_RECEIVED) | BIT (MC_STATE_PROCESSING))
#define TO_RETURN (BIT (MC_STATE_RESULT_READY) | BIT (MC_STATE_UNQUALIFIED) | BIT (MC_STATE_WITHDRAWN))

/* The transition table: from which states each transition leaves, and from
 * which it leaves only when the result was late. */
static const struct {
  const char *id;
  const char *label;
  guint       from;
  guint       from_if_late;
} transitions[MC_N_TRANSITIONS] = {
  [MC_TRANSITION_ACCEPT] = { "accept", N_("Accept"), BIT (MC_STATE_PROCESSING), 0 },
  [MC_TRANSITION_TRANSFER] = { "transfer", N_("Transfer"), AT_DESK, 0 },
  [MC_TRANSITION_SEND_BACK] = { "send-back", N_("Send back"), BIT (MC_STATE_PROCESSING), 0 },
  [MC_TRANSITION_PAUSE] = { "pause", N_("Pause"), AT_DESK, 0 },
  [MC_TRANSITION_RESUME] = { "resume", N_("Resume"), BIT (MC_STATE_PAUSED), 0 },
  [MC_TRANSITION_SEND_EXTERNAL] = { "external", N_("Send to another agency"), AT_DESK, 0 },
  [MC_TRANSITION_RECEIVE_EXTERNAL] = { "external-back", N_("Receive back from the agency"), BIT (MC_STATE_SENT_EXTERNAL), 0 },
  [MC_TRANSITION_FINISH] = { "finish", N_("Record the result"), AT_DESK, 0 },
  [MC_TRANSITION_UNQUALIFIED] = { "unqualified", N_("Not qualified"), AT_DESK | BIT (MC_STATE_PAUSED), 0 },
  [MC_TRANSITION_WITHDRAW] = { "withdraw", N_("Withdraw"), OPEN, 0 },
  /* A result back late at the counter is still apologised for (Mẫu 04). */
  [MC_TRANSITION_APOLOGIZE] = { "apology", N_("Apologise and set a new appointment"), OPEN,
                                BIT (MC_STATE_RESULT_READY) },
  [MC_TRANSITION_RETURN] = { "return", N_("Return the result"), TO_RETURN, 0 },
};

const char *
mc_dossier_state_to_string (McDossierState state)
{
  g_return_val_if_fail (state < MC_N_STATES, NULL);

  return states[state].id;
}

gboolean
mc_dossier_state_from_string (const char *text, McDossierState *state)
{
  for (McDossierState s = 0; s < MC_N_STATES; s++)
    if (g_strcmp0 (text, states[s].id) == 0)
      {
        *state = s;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_dossier_state_get_label (McDossierState state)
{
  g_return_val_if_fail (state < MC_N_STATES, "");

  return _(states[state].label);
}

gboolean
mc_dossier_state_is_open (McDossierState state)
{
  g_return_val_if_fail (state < MC_N_STATES, FALSE);

  return states[state].open;
}

const char *
mc_dossier_state_open_sql (void)
{
  static gsize once;
  static char *sql;

  if (g_once_init_enter (&once))
    {
      GString *s = g_string_new ("(");

      for (McDossierState k = 0; k < MC_N_STATES; k++)
        if (states[k].open)
          g_string_append_printf (s, "%s'%s'", s->len > 1 ? ", " : "", states[k].id);
      g_string_append_c (s, ')');
      sql = g_string_free (s, FALSE);
      g_once_init_leave (&once, 1);
    }
  return sql;
}

const char *
mc_event_kind_to_string (McEventKind kind)
{
  g_return_val_if_fail (kind < MC_N_EVENT_KINDS, NULL);

  return event_kinds[kind].id;
}

gboolean
mc_event_kind_from_string (const char *text, McEventKind *kind)
{
  for (McEventKind k = 0; k < MC_N_EVENT_KINDS; k++)
    if (g_strcmp0 (text, event_kinds[k].id) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_event_kind_get_label (McEventKind kind)
{
  g_return_val_if_fail (kind < MC_N_EVENT_KINDS, "");

  return _(event_kinds[kind].label);
}

const char *
mc_transition_to_string (McTransition transition)
{
  g_return_val_if_fail (transition < MC_N_TRANSITIONS, NULL);

  return transitions[transition].id;
}

gboolean
mc_transition_from_string (const char *text, McTransition *transition)
{
  for (McTransition k = 0; k < MC_N_TRANSITIONS; k++)
    if (g_strcmp0 (text, transitions[k].id) == 0)
      {
        *transition = k;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_transition_get_label (McTransition transition)
{
  g_return_val_if_fail (transition < MC_N_TRANSITIONS, "");

  return _(transitions[transition].label);
}

gboolean
mc_transition_leaves_from (McTransition transition, McDossierState state, gboolean late)
{
  g_return_val_if_fail (transition < MC_N_TRANSITIONS && state < MC_N_STATES, FALSE);

  return (transitions[transition].from & BIT (state)) != 0 ||
         (late && (transitions[transition].from_if_late & BIT (state)) != 0);
}
