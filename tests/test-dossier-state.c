/* test-dossier-state.c — the state machine's tables: every state and event
 * kind in Vietnamese, and what core offers is exactly what it accepts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-accounts.h"
#include "mc-calendar-store.h"
#include "mc-demo.h"
#include "mc-dossier-state.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

static GPtrArray *query_strings (McDb *db, const char *sql);

/* A word a clerk reads: not the id, no brackets, no underscore, not English. */
static void
assert_vietnamese_label (const char *id, const char *label)
{
  g_test_message ("%s → %s", id, label);
  g_assert_nonnull (label);
  g_assert_cmpstr (label, !=, "");
  g_assert_cmpstr (label, !=, id);
  g_assert_null (strchr (label, '['));
  g_assert_null (strchr (label, '_'));
  mc_test_assert_no_raw_ids (label);
  /* Every label has a Vietnamese letter, so none is left in English. */
  g_assert_true (g_regex_match_simple ("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                                       label, G_REGEX_CASELESS, 0));
}

static void
test_labels (void)
{
  for (McDossierState s = 0; s < MC_N_STATES; s++)
    {
      McDossierState back;

      g_assert_true (mc_dossier_state_from_string (mc_dossier_state_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      assert_vietnamese_label (mc_dossier_state_to_string (s), mc_dossier_state_get_label (s));
      g_assert_cmpstr (mc_dossier_state_to_label (mc_dossier_state_to_string (s)), ==, mc_dossier_state_get_label (s));
    }
  for (McEventKind k = 0; k < MC_N_EVENT_KINDS; k++)
    {
      McEventKind back;

      g_assert_true (mc_event_kind_from_string (mc_event_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      assert_vietnamese_label (mc_event_kind_to_string (k), mc_event_kind_get_label (k));
      g_assert_cmpstr (mc_dossier_event_kind_to_label (mc_event_kind_to_string (k)), ==, mc_event_kind_get_label (k));
    }
  for (McTransition t = 0; t < MC_N_TRANSITIONS; t++)
    {
      McTransition back;

      g_assert_true (mc_transition_from_string (mc_transition_to_string (t), &back));
      g_assert_cmpint (back, ==, t);
      assert_vietnamese_label (mc_transition_to_string (t), mc_transition_get_label (t));
    }
  g_assert_cmpstr (mc_dossier_state_open_sql (), ==, "('received', 'processing', 'paused', 'sent_external')");
}

/* The inbox selects the open states of the table, and the engine takes the
 * partial index dossier_inbox only for that same list: a new open state
 * needs the index migrated too (on both engines: a server's index reads
 * state = ANY (ARRAY['received'::text, …]) in pg_indexes). */
static void
test_inbox_index (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GPtrArray) sql = NULL;
  g_autofree char *where = NULL;

  if (mc_test_on_pg ())
    {
      g_auto(GStrv) states = NULL;
      g_autoptr(GString) list = g_string_new ("(state = ANY (ARRAY[");
      g_autofree char *open = g_strndup (mc_dossier_state_open_sql () + 1, strlen (mc_dossier_state_open_sql ()) - 2);

      states = g_strsplit (open, ", ", -1);
      for (guint i = 0; states[i] != NULL; i++)
        g_string_append_printf (list, "%s%s::text", i > 0 ? ", " : "", states[i]);
      g_string_append (list, "]))");
      where = g_string_free (g_steal_pointer (&list), FALSE);
      sql = query_strings (db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'dossier_inbox'");
    }
  else
    {
      where = g_strdup_printf ("state IN %s", mc_dossier_state_open_sql ());
      sql = query_strings (db, "SELECT sql FROM sqlite_master WHERE name = 'dossier_inbox'");
    }
  g_assert_cmpuint (sql->len, ==, 1);
  g_test_message ("%s", (char *) sql->pdata[0]);
  g_assert_nonnull (strstr (sql->pdata[0], where));
}

/* A demo database, its workflow, and the people who act in it. */
typedef struct {
  McDb       *db;
  McCalendar *calendar;
  McWorkflow *wf;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->db = mc_test_db_new ();
  g_assert_true (mc_demo_fill (f->db, 3000, 11, NULL, &error));
  g_assert_no_error (error);
  f->calendar = mc_calendar_store_load (f->db, &error);
  g_assert_no_error (error);
  f->wf = mc_workflow_new (f->db, f->calendar);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->wf);
  g_clear_object (&f->calendar);
  g_clear_object (&f->db);
}

static GPtrArray *
query_strings (McDb *db, const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *stmt = mc_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    g_ptr_array_add (rows, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  return rows;
}

/* Every event kind in the database core and the demo wrote (the demo walks
 * the transitions; the test below adds the rest) has a Vietnamese label. */
static void
assert_event_kinds_known (McDb *db)
{
  g_autoptr(GPtrArray) kinds = query_strings (db, "SELECT DISTINCT kind FROM dossier_event ORDER BY kind");
  g_autoptr(GPtrArray) states = query_strings (db, "SELECT DISTINCT state_to FROM dossier_event "
                                                   "UNION SELECT DISTINCT state FROM dossier");

  g_assert_cmpuint (kinds->len, >, 5);
  for (guint i = 0; i < kinds->len; i++)
    {
      McEventKind kind;

      g_assert_true (mc_event_kind_from_string (kinds->pdata[i], &kind));
      assert_vietnamese_label (kinds->pdata[i], mc_dossier_event_kind_to_label (kinds->pdata[i]));
    }
  for (guint i = 0; i < states->len; i++)
    {
      McDossierState state;

      g_assert_true (mc_dossier_state_from_string (states->pdata[i], &state));
      assert_vietnamese_label (states->pdata[i], mc_dossier_state_to_label (states->pdata[i]));
    }
}

typedef struct {
  gint64      id;
  const char *username;
  const char *department;  /* its code */
} Person;

/* What the transition needs besides the dossier, chosen so that it can go
 * through whenever the rules allow it: a transfer at the last step consults
 * another department, a late result's apology names the actor's own. */
static gboolean
run_transition (Fixture *f, const char *code, McTransition transition, const Person *p, GError **error)
{
  McAction a = { 0, p->username, "Kiểm tra quy tắc" };
  g_autoptr(McWorkItem) item = mc_workflow_get_item (f->wf, code, mc_time_now (), NULL);
  g_autoptr(GPtrArray) unit = query_strings (f->db, "SELECT code FROM unit WHERE relation <> 'self' ORDER BY id LIMIT 1");
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) other = NULL;
  McTime new_due = 0;

  switch (transition)
    {
    case MC_TRANSITION_ACCEPT: return mc_workflow_accept (f->wf, code, &a, error);
    case MC_TRANSITION_TRANSFER:
      if (item->step < item->n_steps)
        return mc_workflow_transfer (f->wf, code, &a, NULL, NULL, error);
      sql = g_strdup_printf ("SELECT code FROM department WHERE id <> (SELECT coalesce (current_department_id, 0) "
                             "FROM dossier WHERE code = '%s') ORDER BY id LIMIT 1", code);
      other = query_strings (f->db, sql);
      return mc_workflow_transfer (f->wf, code, &a, other->pdata[0], NULL, error);
    case MC_TRANSITION_SEND_BACK: return mc_workflow_send_back (f->wf, code, &a, error);
    case MC_TRANSITION_PAUSE: return mc_workflow_pause (f->wf, code, &a, MC_PAUSE_SUPPLEMENT, error);
    case MC_TRANSITION_RESUME: return mc_workflow_resume (f->wf, code, &a, error);
    case MC_TRANSITION_SEND_EXTERNAL: return mc_workflow_send_external (f->wf, code, &a, unit->pdata[0], 0, 2, error);
    case MC_TRANSITION_RECEIVE_EXTERNAL: return mc_workflow_receive_external (f->wf, code, &a, error);
    case MC_TRANSITION_FINISH: return mc_workflow_finish (f->wf, code, &a, "15/QĐ-UBND", NULL, error);
    case MC_TRANSITION_UNQUALIFIED: return mc_workflow_unqualified (f->wf, code, &a, error);
    case MC_TRANSITION_WITHDRAW: return mc_workflow_withdraw (f->wf, code, &a, error);
    case MC_TRANSITION_APOLOGIZE:
      if (item->extended_due_at == 0)
        g_assert_true (mc_workflow_suggest_new_due (f->wf, code, 0, &new_due, NULL));
      return mc_workflow_apologize (f->wf, code, &a, item->state == MC_STATE_RESULT_READY ? p->department : NULL,
                                    NULL, new_due, NULL, error);
    case MC_TRANSITION_RETURN:
      return mc_workflow_return (f->wf, code, &a, "Nguyễn Văn An", NULL, "Giấy ủy quyền số 1/UQ",
                                 MC_CHANNEL_BUU_CHINH, error);
    case MC_N_TRANSITIONS:
    default: g_assert_not_reached ();
    }
}

/* The kind of the dossier's last event, read inside the transaction that
 * wrote it: one of the table's, with its words. */
static void
assert_last_event_known (Fixture *f, const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT e.kind FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id "
                                          "WHERE d.code = '%s' ORDER BY e.id DESC LIMIT 1", code);
  g_autoptr(GPtrArray) kind = query_strings (f->db, sql);
  McEventKind k;

  g_assert_cmpuint (kind->len, ==, 1);
  g_assert_true (mc_event_kind_from_string (kind->pdata[0], &k));
  assert_vietnamese_label (kind->pdata[0], mc_event_kind_get_label (k));
}

static GPtrArray *
load_people (Fixture *f)
{
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *stmt = mc_db_prepare (f->db, "SELECT s.id, s.username, d.code FROM staff s "
                                             "LEFT JOIN department d ON d.id = s.department_id "
                                             "WHERE s.active = 1 ORDER BY s.id", NULL);

  g_assert_nonnull (stmt);
  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    {
      Person *p = g_new0 (Person, 1);

      p->id = mc_sql_column_int64 (stmt, 0);
      p->username = g_intern_string (mc_sql_column_text (stmt, 1));
      p->department = g_intern_string (mc_sql_column_text (stmt, 2));
      g_ptr_array_add (people, p);
    }
  mc_sql_reset (stmt);
  return people;
}

/* One dossier of each kind of position the demo holds: state, step,
 * accepted or not, timeliness, a new appointment or not. */
static GPtrArray *
sample_dossiers (Fixture *f)
{
  return query_strings (f->db, "SELECT min (code) FROM dossier GROUP BY state, coalesce (current_step, 0), "
                               "step_accepted_at IS NULL, coalesce (timeliness, ''), extended_due_at IS NULL, "
                               "coalesce (pause_kind, '') ORDER BY 1");
}

/* Does `transition` for real on the first open dossier in `state` (at step
 * `step`, or any if 0) that someone may take it on; FALSE if none can. */
static gboolean
move_one (Fixture *f, GPtrArray *people, McDossierState state, int step, McTransition transition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT code FROM dossier WHERE state = '%s' AND (%d = 0 OR current_step = %d) "
                                          "ORDER BY id", mc_dossier_state_to_string (state), step, step);
  g_autoptr(GPtrArray) codes = query_strings (f->db, sql);

  for (guint c = 0; c < codes->len; c++)
    for (guint i = 0; i < people->len; i++)
      {
        const Person *p = people->pdata[i];
        g_autoptr(GError) error = NULL;

        mc_db_set_actor (f->db, p->id);
        if (!(mc_dossier_allowed_actions (f->wf, codes->pdata[c], p->username) & (1u << transition)))
          continue;
        g_assert_true (run_transition (f, codes->pdata[c], transition, p, &error));
        g_assert_no_error (error);
        mc_db_set_actor (f->db, 0);
        return TRUE;
      }
  mc_db_set_actor (f->db, 0);
  return FALSE;
}

/* The demo's open dossiers are being processed or paused; sending one back
 * to the counter and another to an agency gives the states it lacks. */
static void
complete_states (Fixture *f, GPtrArray *people)
{
  g_assert_true (move_one (f, people, MC_STATE_PROCESSING, 2, MC_TRANSITION_SEND_BACK) ||
                 (move_one (f, people, MC_STATE_PROCESSING, 0, MC_TRANSITION_TRANSFER) &&
                  move_one (f, people, MC_STATE_PROCESSING, 2, MC_TRANSITION_SEND_BACK)));
  g_assert_true (move_one (f, people, MC_STATE_PROCESSING, 0, MC_TRANSITION_SEND_EXTERNAL));
  g_assert_true (move_one (f, people, MC_STATE_PROCESSING, 0, MC_TRANSITION_PAUSE));
}

/* For every state × action × person of a demo database, core offers the
 * action (mc_dossier_allowed_actions, mc_workflow_allows) iff doing it goes
 * through, on a copy: the transaction around it is rolled back. */
static void
test_offered_is_accepted (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) people = load_people (f);
  g_autoptr(GPtrArray) codes = NULL;
  guint n_offered = 0, n_refused = 0, states_seen = 0, transitions_offered = 0;

  g_assert_cmpuint (people->len, >=, 7);
  complete_states (f, people);
  assert_event_kinds_known (f->db);
  codes = sample_dossiers (f);
  for (guint c = 0; c < codes->len; c++)
    {
      const char *code = codes->pdata[c];
      g_autoptr(McWorkItem) item = mc_workflow_get_item (f->wf, code, mc_time_now (), NULL);

      g_assert_nonnull (item);
      states_seen |= 1u << item->state;
      for (guint i = 0; i < people->len; i++)
        {
          const Person *p = people->pdata[i];
          McTransitionSet allowed;

          mc_db_set_actor (f->db, p->id);  /* as signed in */
          allowed = mc_dossier_allowed_actions (f->wf, code, p->username);
          for (McTransition t = 0; t < MC_N_TRANSITIONS; t++)
            {
              g_autoptr(GError) offered_error = NULL, done_error = NULL;
              gboolean offered = (allowed & (1u << t)) != 0;
              gboolean done;

              g_assert_cmpint (offered, ==, mc_workflow_allows (f->wf, code, t, p->username, &offered_error));
              g_assert_true (mc_db_begin (f->db, NULL));
              done = run_transition (f, code, t, p, &done_error);
              if (done)
                assert_last_event_known (f, code);
              mc_db_rollback (f->db);
              if (offered != done)
                g_error ("%s (%s, step %d/%d) by %s: %s offered %d, done %d (%s)", code,
                         mc_dossier_state_to_string (item->state), item->step, item->n_steps, p->username,
                         mc_transition_to_string (t), offered, done,
                         done_error ? done_error->message : "");
              if (offered)
                {
                  n_offered++;
                  transitions_offered |= 1u << t;
                }
              else
                {
                  /* Refused for the same reason, in the same words. */
                  g_assert_cmpstr (offered_error->message, ==, done_error->message);
                  n_refused++;
                }
            }
        }
      mc_db_set_actor (f->db, 0);
    }
  g_test_message ("%u dossiers × %u people × %d actions: %u offered and done, %u refused by both", codes->len,
                  people->len, MC_N_TRANSITIONS, n_offered, n_refused);
  /* The demo holds every state, and every action is somebody's somewhere. */
  g_assert_cmpuint (states_seen, ==, (1u << MC_N_STATES) - 1);
  g_assert_cmpuint (transitions_offered, ==, (1u << MC_N_TRANSITIONS) - 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mc_test_use_vietnamese ();

  g_test_add_func ("/dossier-state/labels", test_labels);
  g_test_add_func ("/dossier-state/inbox-index", test_inbox_index);
  g_test_add ("/dossier-state/offered-is-accepted", Fixture, NULL, fixture_set_up, test_offered_is_accepted,
              fixture_tear_down);
  return g_test_run ();
}
