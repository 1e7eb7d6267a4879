/* test-workflow.c — routing, pauses, liên thông, results, returns, apologies
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-apology-list.h"
#include "mc-dossier-store.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

/* Hòa giải tranh chấp đất đai: 30 working days through three departments:
 * TTPV 0,5 → KT chuyên viên 23 → KT lãnh đạo 3 → VP lãnh đạo UBND 3 → VP văn thư 0,5. */
#define LAND "1.012812"
/* Đăng ký khai sinh: 0,5 working day, TTPV → VP → VP. */
#define BIRTH "1.001193"

typedef McTestRouting Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  mc_test_routing_set_up (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  mc_test_routing_tear_down (f);
}

static char *
receive (Fixture *f, const char *procedure, const char *at)
{
  g_autoptr(GError) error = NULL;
  char *code = mc_test_receive (f->store, procedure, "Nguyễn Văn An", at, &error);

  g_assert_no_error (error);
  return code;
}

static McWorkItem *
item (Fixture *f, const char *code)
{
  g_autoptr(GError) error = NULL;
  McWorkItem *it = mc_workflow_get_item (f->wf, code, mc_test_time ("2026-03-02 08:00"), &error);

  g_assert_no_error (error);
  return it;
}

static gint64
count_events (Fixture *f, const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM dossier_event e JOIN dossier d "
                                          "ON d.id = e.dossier_id WHERE d.code = '%s'", code);
  return mc_db_query_int (f->db, sql, NULL);
}

static void
assert_state (Fixture *f, const char *code, const char *state)
{
  g_autoptr(McWorkItem) it = item (f, code);
  g_assert_cmpstr (mc_dossier_state_to_string (it->state), ==, state);
}

#define OK(call)                        \
  G_STMT_START {                        \
    g_autoptr(GError) error_ = NULL;    \
    gboolean ok_ = (call);              \
    g_assert_no_error (error_);         \
    g_assert_true (ok_);                \
  } G_STMT_END
#define E (&error_)

/* Reception → KT (two steps) → police (liên thông) → KT → VP (two steps) →
 * result → returned: every hand-over on the control sheet. */
static void
test_full_route (Fixture *f, gconstpointer data)
{
  g_autofree char *code = receive (f, LAND, "2026-03-02 08:00");
  g_autoptr(GPtrArray) handovers = NULL;
  g_autoptr(GError) error = NULL;
  McAction a;

  assert_state (f, code, "received");
  a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  {
    g_autoptr(McWorkItem) it = item (f, code);
    g_assert_cmpstr (mc_dossier_state_to_string (it->state), ==, "processing");
    g_assert_cmpint (it->step, ==, 2);
    g_assert_cmpint (it->n_steps, ==, 5);
    g_assert_cmpstr (it->department_name, ==, "Phòng Kinh tế, Hạ tầng và Đô thị");
    g_assert_cmpint (it->step_accepted_at, ==, 0);
    /* 23 working days from Monday 2/3/2026 09:00: 2/4/2026 09:00. */
    g_assert_cmpint (it->step_due_at, ==, mc_test_time ("2026-04-02 09:00"));
  }
  a = mc_test_action ("2026-03-02 10:00", "cv.duc", NULL);
  OK (mc_workflow_accept (f->wf, code, &a, E));
  a = mc_test_action ("2026-03-03 10:00", "cv.duc", "Xác minh nhân thân các bên");
  OK (mc_workflow_send_external (f->wf, code, &a, "000.30.06.H56", 0, 3, E));
  assert_state (f, code, "sent_external");
  a = mc_test_action ("2026-03-05 15:00", "cv.duc", NULL);
  OK (mc_workflow_receive_external (f->wf, code, &a, E));
  {
    g_autoptr(McWorkItem) it = item (f, code);
    g_assert_cmpstr (mc_dossier_state_to_string (it->state), ==, "processing");
    g_assert_cmpint (it->step_due_at, ==, mc_test_time ("2026-04-02 09:00"));  /* the department's own due again */
  }
  a = mc_test_action ("2026-03-10 08:00", "cv.duc", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "tp.quang", E));
  a = mc_test_action ("2026-03-11 08:00", "tp.quang", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  {
    g_autoptr(McWorkItem) it = item (f, code);
    g_assert_cmpint (it->step, ==, 4);
    g_assert_cmpstr (it->department_name, ==, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân");
  }
  a = mc_test_action ("2026-03-12 08:00", "pct.nga", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "vt.yen", E));
  /* Beyond the last step there is nowhere to go. */
  a = mc_test_action ("2026-03-12 09:00", "vt.yen", NULL);
  g_assert_false (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_TRANSITION);
  g_clear_error (&error);
  a = mc_test_action ("2026-03-12 10:00", "vt.yen", NULL);
  OK (mc_workflow_finish (f->wf, code, &a, "15/QĐ-UBND", "Biên bản hòa giải thành", E));
  {
    g_autoptr(McWorkItem) it = item (f, code);
    g_assert_cmpstr (mc_dossier_state_to_string (it->state), ==, "result_ready");
    g_assert_cmpstr (it->timeliness, ==, "early");
    g_assert_cmpstr (it->result_number, ==, "15/QĐ-UBND");
  }
  a = mc_test_action ("2026-03-13 09:00", "tn.lan", NULL);
  OK (mc_workflow_return (f->wf, code, &a, "Nguyễn Văn An", "038085012345", NULL, MC_CHANNEL_TRUC_TIEP, E));
  assert_state (f, code, "returned");
  /* receive, transfer, accept, external, back, transfer ×3, finish, return */
  g_assert_cmpint (count_events (f, code), ==, 10);

  handovers = mc_workflow_handovers (f->wf, code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (handovers->len, ==, 8);
  {
    McHandover *first = handovers->pdata[0], *external = handovers->pdata[1], *back = handovers->pdata[2];
    McHandover *last = handovers->pdata[7];
    g_assert_cmpstr (first->from_name, ==, "Trung tâm Phục vụ hành chính công");
    g_assert_cmpstr (first->to_name, ==, "Phòng Kinh tế, Hạ tầng và Đô thị");
    g_assert_cmpint (first->accepted_at, ==, mc_test_time ("2026-03-02 10:00"));
    /* The counter's half day ended at 2/3 14:00 (08:00 + 4 working hours, lunch excluded): 09:00 is early. */
    g_assert_true (first->has_timeliness);
    g_assert_cmpint (first->timeliness, ==, MC_TIMELINESS_EARLY);
    g_assert_cmpstr (external->to_name, ==, "Công an phường Phú Sơn");
    g_assert_cmpstr (back->from_name, ==, "Công an phường Phú Sơn");
    /* The police were given 3 working days from 3/3 10:00: back on 5/3 15:00 is early. */
    g_assert_cmpint (back->timeliness, ==, MC_TIMELINESS_EARLY);
    g_assert_cmpstr (last->kind, ==, "return");
    g_assert_cmpstr (last->to_name, ==, "Nguyễn Văn An");
  }
}

static char *
dossier_in_state (Fixture *f, const char *state)
{
  char *code = receive (f, LAND, "2026-03-02 08:00");
  McAction a = mc_test_action ("2026-03-02 09:00", NULL, "Lý do");
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (state, "received"))
    return code;
  ok = mc_workflow_transfer (f->wf, code, &a, NULL, NULL, &error);
  a.at += 3600;
  if (g_str_equal (state, "paused"))
    ok = ok && mc_workflow_pause (f->wf, code, &a, MC_PAUSE_SUPPLEMENT, &error);
  else if (g_str_equal (state, "sent_external"))
    ok = ok && mc_workflow_send_external (f->wf, code, &a, "000.30.06.H56", 0, 2, &error);
  else if (g_str_equal (state, "result_ready") || g_str_equal (state, "returned"))
    ok = ok && mc_workflow_finish (f->wf, code, &a, "1/QĐ", NULL, &error);
  else if (g_str_equal (state, "unqualified"))
    ok = ok && mc_workflow_unqualified (f->wf, code, &a, &error);
  else if (g_str_equal (state, "withdrawn"))
    ok = ok && mc_workflow_withdraw (f->wf, code, &a, &error);
  a.at += 3600;
  if (g_str_equal (state, "returned"))
    ok = ok && mc_workflow_return (f->wf, code, &a, "Nguyễn Văn An", "038085012345", NULL, MC_CHANNEL_TRUC_TIEP, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_state (f, code, state);
  return code;
}

typedef enum {
  T_TRANSFER, T_ACCEPT, T_SEND_BACK, T_PAUSE, T_RESUME, T_EXTERNAL, T_BACK, T_FINISH, T_UNQUALIFIED,
  T_WITHDRAW, T_RETURN, N_TRANSITIONS
} Transition;

static gboolean
attempt (Fixture *f, const char *code, Transition t, GError **error)
{
  McAction a = mc_test_action ("2026-03-04 09:00", NULL, "Lý do");

  switch (t)
    {
    case T_TRANSFER: return mc_workflow_transfer (f->wf, code, &a, NULL, NULL, error);
    case T_ACCEPT: return mc_workflow_accept (f->wf, code, &a, error);
    case T_SEND_BACK: return mc_workflow_send_back (f->wf, code, &a, error);
    case T_PAUSE: return mc_workflow_pause (f->wf, code, &a, MC_PAUSE_FINANCIAL, error);
    case T_RESUME: return mc_workflow_resume (f->wf, code, &a, error);
    case T_EXTERNAL: return mc_workflow_send_external (f->wf, code, &a, "000.30.06.H56", 0, 1, error);
    case T_BACK: return mc_workflow_receive_external (f->wf, code, &a, error);
    case T_FINISH: return mc_workflow_finish (f->wf, code, &a, "2/QĐ", NULL, error);
    case T_UNQUALIFIED: return mc_workflow_unqualified (f->wf, code, &a, error);
    case T_WITHDRAW: return mc_workflow_withdraw (f->wf, code, &a, error);
    case T_RETURN: return mc_workflow_return (f->wf, code, &a, "Nguyễn Văn An", "038085012345", NULL,
                                              MC_CHANNEL_TRUC_TIEP, error);
    case N_TRANSITIONS:
    default: g_assert_not_reached ();
    }
}

/* Every transition not allowed from a state is refused and changes nothing;
 * every allowed one succeeds. */
static void
test_transition_table (Fixture *f, gconstpointer data)
{
  /* 1: allowed.       tr ac sb pa re ex bk fi uq wd rt */
  static const struct { const char *state; int allowed[N_TRANSITIONS]; } table[] = {
    { "received",      { 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0 } },
    { "processing",    { 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0 } },
    { "paused",        { 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0 } },
    { "sent_external", { 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0 } },
    { "result_ready",  { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } },
    { "unqualified",   { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } },
    { "withdrawn",     { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } },
    { "returned",      { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } },
  };

  for (guint s = 0; s < G_N_ELEMENTS (table); s++)
    for (int t = 0; t < N_TRANSITIONS; t++)
      {
        g_autofree char *code = dossier_in_state (f, table[s].state);
        gint64 before = count_events (f, code);
        g_autoptr(GError) error = NULL;
        gboolean ok = attempt (f, code, (Transition) t, &error);

        if (table[s].allowed[t])
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpint (count_events (f, code), ==, before + 1);
            continue;
          }
        g_assert_false (ok);
        g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_TRANSITION);
        g_assert_cmpint (count_events (f, code), ==, before);
        assert_state (f, code, table[s].state);
      }
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *code = dossier_in_state (f, "processing");
  McAction a = mc_test_action ("2026-03-03 09:00", NULL, NULL);
  McAction early = mc_test_action ("2026-03-01 09:00", NULL, NULL);
  McAction nobody = mc_test_action ("2026-03-03 09:00", "no.one", NULL);
  gint64 before = count_events (f, code);
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_workflow_send_back (f->wf, code, &a, &error));  /* no reason */
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_workflow_pause (f->wf, code, &a, MC_PAUSE_SUPPLEMENT, &error));  /* nothing listed */
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_workflow_finish (f->wf, code, &a, "", NULL, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_workflow_accept (f->wf, code, &early, &error));  /* before the last event */
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_workflow_accept (f->wf, code, &nobody, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mc_workflow_transfer (f->wf, code, &a, "XX", NULL, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mc_workflow_transfer (f->wf, code, &a, "VP", "cv.duc", &error));  /* cv.duc is in KT */
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_workflow_send_external (f->wf, code, &a, "000.00.06.H56", 0, 2, &error));  /* ourselves */
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mc_workflow_accept (f->wf, "000.00.06.H56-260302-9999", &a, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_events (f, code), ==, before);
  /* At the return desk the collector's ID number is checked. */
  {
    g_autofree char *ready = dossier_in_state (f, "result_ready");
    g_assert_false (mc_workflow_return (f->wf, ready, &a, "Nguyễn Văn An", "12345", NULL, MC_CHANNEL_TRUC_TIEP, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (mc_workflow_return (f->wf, ready, &a, " ", NULL, NULL, MC_CHANNEL_BUU_CHINH, &error));
    g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
    g_clear_error (&error);
    assert_state (f, ready, "result_ready");
  }
}

/* A pause stops the clock: the appointment and the step move by exactly the
 * working time paused, and the classification excludes it. */
static void
test_pause_excluded (Fixture *f, gconstpointer data)
{
  g_autofree char *code = receive (f, LAND, "2026-03-02 08:00");
  McTime due0, step_due0;
  McAction a;

  {
    g_autoptr(McWorkItem) it = item (f, code);
    due0 = it->due_at;
  }
  a = mc_test_action ("2026-03-02 09:00", NULL, NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  {
    g_autoptr(McWorkItem) it = item (f, code);
    step_due0 = it->step_due_at;
  }
  /* Paused from Wednesday 4/3 10:00 to Tuesday 10/3 10:00: 4 working days. */
  a = mc_test_action ("2026-03-04 10:00", NULL, "Bản sao giấy chứng nhận quyền sử dụng đất");
  OK (mc_workflow_pause (f->wf, code, &a, MC_PAUSE_SUPPLEMENT, E));
  {
    /* Paused, the dossier cannot become late however long it waits. */
    g_autoptr(GError) error = NULL;
    g_autoptr(McWorkItem) it = mc_workflow_get_item (f->wf, code, due0 + 86400 * 30, &error);
    g_assert_cmpint (it->lateness, ==, MC_LATENESS_NONE);
  }
  a = mc_test_action ("2026-03-10 10:00", NULL, NULL);
  OK (mc_workflow_resume (f->wf, code, &a, E));
  {
    g_autoptr(McWorkItem) it = item (f, code);
    McTime expected_due, expected_step;
    mc_calendar_add_working_days (f->calendar, due0, 4, &expected_due, NULL);
    mc_calendar_add_working_days (f->calendar, step_due0, 4, &expected_step, NULL);
    g_assert_cmpstr (mc_dossier_state_to_string (it->state), ==, "processing");
    g_assert_cmpint (it->due_at, ==, expected_due);
    g_assert_cmpint (it->step_due_at, ==, expected_step);
    g_assert_cmpint (mc_db_query_int (f->db, "SELECT max (paused_minutes) FROM dossier", NULL), ==, 4 * 8 * 60);
    /* Finished one working day after the original appointment: on time, not late. */
    {
      McTime finished;
      g_autofree char *at = NULL;
      mc_calendar_add_working_days (f->calendar, due0, 1, &finished, NULL);
      at = mc_time_to_iso (finished);
      a = mc_test_action (at, NULL, NULL);
      OK (mc_workflow_finish (f->wf, code, &a, "3/QĐ", NULL, E));
    }
  }
  {
    g_autoptr(McWorkItem) it = item (f, code);
    g_assert_cmpstr (it->timeliness, ==, "early");
  }
}

/* Khai sinh, half a working day, received Wednesday 29/4/2026 14:00: 30/4
 * and 1/5 are holidays, then a weekend, so the appointment is Monday 4/5
 * 08:00 (3 hours on Wednesday, 1 on Monday). */
static void
test_classification_boundaries (Fixture *f, gconstpointer data)
{
  static const struct { const char *finished, *expected; } cases[] = {
    { "2026-04-30 10:00", "early" },    /* on a holiday, before the appointment's session */
    { "2026-05-04 07:00", "on_time" },  /* in the appointment's half-day session */
    { "2026-05-04 08:00", "on_time" },  /* exactly at the appointment */
    { "2026-05-04 08:01", "late" },     /* one minute after */
    { "2026-05-02 09:00", "early" },    /* a Saturday */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = receive (f, BIRTH, "2026-04-29 14:00");
      McAction a = mc_test_action (cases[i].finished, NULL, NULL);
      g_autoptr(McWorkItem) it = NULL;

      {
        g_autoptr(McWorkItem) before = item (f, code);
        g_assert_cmpint (before->due_at, ==, mc_test_time ("2026-05-04 08:00"));
      }
      OK (mc_workflow_finish (f->wf, code, &a, "5/TP-KS", NULL, E));
      it = item (f, code);
      g_assert_cmpstr (it->timeliness, ==, cases[i].expected);
    }
}

/* The step's own classification, on the control sheet, at its boundaries. */
static void
test_step_boundaries (Fixture *f, gconstpointer data)
{
  static const struct { const char *handed, *expected; McTimeliness t; } cases[] = {
    { "2026-03-02 11:00", "in the morning session, before the due's session", MC_TIMELINESS_EARLY },
    { "2026-03-02 13:31", "in the due's session", MC_TIMELINESS_ON_TIME },
    { "2026-03-02 14:00", "exactly", MC_TIMELINESS_ON_TIME },
    { "2026-03-02 14:01", "one minute late", MC_TIMELINESS_LATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* The counter's step is half a day: 08:00 + 4 working hours, the
       * morning ending at 11:30, is 14:00 in the afternoon session. */
      g_autofree char *code = receive (f, LAND, "2026-03-02 08:00");
      McAction a = mc_test_action (cases[i].handed, NULL, NULL);
      g_autoptr(GPtrArray) handovers = NULL;
      g_autoptr(GError) error = NULL;

      OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
      handovers = mc_workflow_handovers (f->wf, code, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (handovers->len, ==, 1);
      g_assert_cmpint (((McHandover *) handovers->pdata[0])->ended_step_due, ==, mc_test_time ("2026-03-02 14:00"));
      g_test_message ("%s", cases[i].expected);
      g_assert_cmpint (((McHandover *) handovers->pdata[0])->timeliness, ==, cases[i].t);
    }
}

static void
test_inbox_lateness (Fixture *f, gconstpointer data)
{
  g_autofree char *code = receive (f, BIRTH, "2026-03-02 08:00");  /* due 14:00 */
  McAction a = mc_test_action ("2026-03-02 08:30", NULL, NULL);
  gint64 vp = mc_db_query_int (f->db, "SELECT id FROM department WHERE code = 'VP'", NULL);
  McInboxCounts counts;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) overdue = NULL;

  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "pct.nga", E));  /* step 2 is VP's: anyone there */
  g_assert_true (mc_workflow_count_inbox (f->wf, vp, NULL, mc_test_time ("2026-03-02 09:00"), &counts, &error));
  g_assert_cmpuint (counts.total, ==, 1);
  g_assert_cmpuint (counts.soon, ==, 1);  /* ≤ 1 working day left */
  g_assert_cmpuint (counts.overdue, ==, 0);
  g_assert_true (mc_workflow_count_inbox (f->wf, vp, "pct.nga", mc_test_time ("2026-03-02 14:30"), &counts, &error));
  g_assert_cmpuint (counts.total, ==, 1);
  g_assert_cmpuint (counts.overdue, ==, 1);
  g_assert_cmpuint (counts.step_late, ==, 1);
  g_assert_true (mc_workflow_count_inbox (f->wf, vp, "vt.yen", mc_test_time ("2026-03-02 14:30"), &counts, &error));
  g_assert_cmpuint (counts.total, ==, 0);
  overdue = mc_workflow_newly_overdue (f->wf, vp, NULL, mc_test_time ("2026-03-02 11:00"),
                                       mc_test_time ("2026-03-02 15:00"), &error);
  g_assert_cmpuint (g_strv_length (overdue), ==, 1);
  g_assert_cmpstr (overdue[0], ==, code);
  g_clear_pointer (&overdue, g_strfreev);
  overdue = mc_workflow_newly_overdue (f->wf, vp, NULL, mc_test_time ("2026-03-02 15:00"),
                                       mc_test_time ("2026-03-02 16:00"), &error);
  g_assert_cmpuint (g_strv_length (overdue), ==, 0);
}

/* Every "items-changed" as "position,removed,added;". */
static void
record_change_cb (GListModel *model, guint position, guint removed, guint added, GString *log)
{
  g_string_append_printf (log, "%u,%u,%u;", position, removed, added);
}

/* The Sổ xin lỗi page's model: typed McApology items, and "items-changed"
 * exactly what changed — one apology more is one addition at the end, a
 * reload with nothing new says nothing. */
static void
test_apology_list (Fixture *f, gconstpointer data)
{
  g_autofree char *one = dossier_in_state (f, "processing");
  g_autofree char *two = dossier_in_state (f, "processing");
  McAction a = mc_test_action ("2026-03-20 09:00", NULL, "Chờ kết quả xác minh của cơ quan công an");
  g_autoptr(McApologyList) apologies = mc_apology_list_new (f->wf);
  GListModel *list = mc_apology_list_get_model (apologies);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(McApology) first = NULL;
  g_autofree char *code = NULL, *applicant = NULL, *masked = NULL;
  gboolean in_time = FALSE;
  McTime suggested;

  g_assert_true (g_list_model_get_item_type (list) == MC_TYPE_APOLOGY);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), log);
  OK (mc_apology_list_set_period (apologies, mc_test_time ("2026-01-01 00:00"), mc_test_time ("2027-01-01 00:00"), E));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpstr (log->str, ==, "");

  OK (mc_workflow_suggest_new_due (f->wf, one, a.at, &suggested, E));
  OK (mc_workflow_apologize (f->wf, one, &a, "KT", "cv.duc", suggested, NULL, E));
  OK (mc_apology_list_reload (apologies, E));
  g_assert_cmpstr (log->str, ==, "0,0,1;");
  first = g_list_model_get_item (list, 0);
  g_object_get (first, "dossier-code", &code, "applicant-name", &applicant, "masked-applicant-name", &masked,
                "in-time", &in_time, NULL);
  g_assert_cmpstr (code, ==, one);
  g_assert_cmpstr (applicant, ==, "Nguyễn Văn An");
  g_assert_cmpstr (masked, !=, applicant);
  g_assert_true (in_time);

  /* Nothing new: no signal, the same object. */
  OK (mc_apology_list_reload (apologies, E));
  g_assert_cmpstr (log->str, ==, "0,0,1;");
  {
    g_autoptr(McApology) again = g_list_model_get_item (list, 0);
    g_assert_true (again == first);
  }

  a.at += 3600;
  OK (mc_workflow_suggest_new_due (f->wf, two, a.at, &suggested, E));
  OK (mc_workflow_apologize (f->wf, two, &a, NULL, "cv.duc", suggested, NULL, E));
  OK (mc_apology_list_reload (apologies, E));
  g_assert_cmpstr (log->str, ==, "0,0,1;1,0,1;");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Another period: both go, in one change. */
  OK (mc_apology_list_set_period (apologies, mc_test_time ("2025-01-01 00:00"), mc_test_time ("2026-01-01 00:00"), E));
  g_assert_cmpstr (log->str, ==, "0,0,1;1,0,1;0,2,0;");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_apologies (Fixture *f, gconstpointer data)
{
  g_autofree char *one = dossier_in_state (f, "processing");
  g_autofree char *two = dossier_in_state (f, "processing");
  g_autofree char *three = dossier_in_state (f, "processing");
  McAction a = mc_test_action ("2026-03-20 09:00", NULL, "Chờ kết quả xác minh của cơ quan công an");
  McTime suggested;
  gint64 id = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) flagged = NULL;

  g_assert_true (mc_workflow_suggest_new_due (f->wf, one, a.at, &suggested, &error));
  OK (mc_workflow_apologize (f->wf, one, &a, "KT", "cv.duc", suggested, &id, E));
  g_assert_cmpint (id, >, 0);
  /* The new appointment may be set only once. */
  a.at += 3600;
  g_assert_false (mc_workflow_apologize (f->wf, one, &a, "KT", "cv.duc", suggested + 86400, NULL, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_TRANSITION);
  g_clear_error (&error);
  /* A new appointment before the current one is refused. */
  g_assert_false (mc_workflow_apologize (f->wf, two, &a, "KT", "cv.duc", mc_test_time ("2026-03-21 09:00"), NULL, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(McWorkItem) it = item (f, one);
    g_assert_cmpint (it->extended_due_at, ==, suggested);
  }
  OK (mc_workflow_suggest_new_due (f->wf, two, a.at, &suggested, E));
  OK (mc_workflow_apologize (f->wf, two, &a, NULL, "cv.duc", suggested, NULL, E));
  /* Issued after the appointment passed: recorded, marked as not in time. */
  a.at = mc_test_time ("2026-04-20 09:00");
  OK (mc_workflow_suggest_new_due (f->wf, three, a.at, &suggested, E));
  OK (mc_workflow_apologize (f->wf, three, &a, "KT", "tp.quang", suggested, NULL, E));

  rows = mc_workflow_apologies (f->wf, mc_test_time ("2026-01-01 00:00"), mc_test_time ("2027-01-01 00:00"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (((McApologyRecord *) rows->pdata[0])->in_time);
  g_assert_cmpstr (((McApologyRecord *) rows->pdata[0])->department_name, ==, "Phòng Kinh tế, Hạ tầng và Đô thị");
  g_assert_cmpstr (((McApologyRecord *) rows->pdata[1])->department_name, ==, "Phòng Kinh tế, Hạ tầng và Đô thị");
  g_assert_false (((McApologyRecord *) rows->pdata[2])->in_time);
  g_assert_cmpuint (mc_workflow_get_apology_threshold (f->wf, NULL), ==, 3);
  flagged = mc_workflow_apology_counts (f->wf, 2026, 2, &error);
  g_assert_cmpuint (flagged->len, ==, 1);
  g_assert_cmpstr (((McApologyCount *) flagged->pdata[0])->username, ==, "cv.duc");
  g_assert_cmpuint (((McApologyCount *) flagged->pdata[0])->count, ==, 2);
  g_clear_pointer (&flagged, g_ptr_array_unref);
  flagged = mc_workflow_apology_counts (f->wf, 2026, mc_workflow_get_apology_threshold (f->wf, NULL), &error);
  g_assert_cmpuint (flagged->len, ==, 0);
  g_assert_true (mc_db_set_setting (f->db, "apology.threshold", "1", &error));
  g_assert_cmpuint (mc_workflow_get_apology_threshold (f->wf, NULL), ==, 1);
  flagged = (g_ptr_array_unref (flagged), mc_workflow_apology_counts (f->wf, 2026, 1, &error));
  g_assert_cmpuint (flagged->len, ==, 2);
  g_clear_pointer (&flagged, g_ptr_array_unref);
  flagged = mc_workflow_apology_counts (f->wf, 2025, 1, &error);
  g_assert_cmpuint (flagged->len, ==, 0);
}

static void
test_send_back_and_register (Fixture *f, gconstpointer data)
{
  g_autofree char *code = dossier_in_state (f, "processing");
  McAction a = mc_test_action ("2026-03-03 09:00", "cv.duc", "Thiếu chữ ký của bên yêu cầu");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  OK (mc_workflow_send_back (f->wf, code, &a, E));
  {
    g_autoptr(McWorkItem) it = item (f, code);
    g_assert_cmpint (it->step, ==, 1);
    g_assert_cmpstr (mc_dossier_state_to_string (it->state), ==, "received");
    g_assert_cmpstr (it->department_name, ==, "Trung tâm Phục vụ hành chính công");
  }
  a.at += 3600;
  g_assert_false (mc_workflow_send_back (f->wf, code, &a, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_TRANSITION);
  g_clear_error (&error);
  rows = mc_workflow_register (f->wf, mc_test_time ("2026-03-01 00:00"), mc_test_time ("2026-04-01 00:00"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((McRegisterRow *) rows->pdata[0])->code, ==, code);
  g_assert_cmpstr (((McRegisterRow *) rows->pdata[0])->handling_body, ==, "Phòng Kinh tế, Hạ tầng và Đô thị");
  g_assert_cmpint (((McRegisterRow *) rows->pdata[0])->transferred_at, ==, mc_test_time ("2026-03-02 09:00"));
}

/* The events of a dossier, by code. */
static GPtrArray *
events_of (Fixture *f, const char *code)
{
  g_autoptr(McDossier) dossier = mc_dossier_store_find (f->store, code, NULL);

  g_assert_nonnull (dossier);
  return mc_dossier_store_list_events (f->store, mc_dossier_get_data (dossier)->id, NULL);
}

/* A result collected with someone else's ID card (ủy quyền) is refused
 * without the authorisation document, changing nothing; with it the return
 * is recorded and its event says on whose authorisation. The applicant's own
 * card (any spacing) needs none, nor does a posted result without a card. */
static void
test_return_authorisation (Fixture *f, gconstpointer data)
{
  g_autofree char *code = dossier_in_state (f, "result_ready");
  g_autofree char *own = dossier_in_state (f, "result_ready");
  g_autofree char *posted = dossier_in_state (f, "result_ready");
  McAction a = mc_test_action ("2026-03-03 09:00", "tn.lan", NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = count_events (f, code);
  g_autoptr(GPtrArray) events = NULL;
  const McDossierEvent *last;

  g_assert_true (mc_workflow_needs_authorisation (f->wf, code, "038190099999"));
  g_assert_false (mc_workflow_needs_authorisation (f->wf, code, "038 085 012 345"));
  g_assert_false (mc_workflow_needs_authorisation (f->wf, code, "12345"));
  g_assert_false (mc_workflow_return (f->wf, code, &a, "Trần Văn Bình", "038190099999", NULL,
                                      MC_CHANNEL_TRUC_TIEP, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_AUTHORISATION);
  g_clear_error (&error);
  g_assert_false (mc_workflow_return (f->wf, code, &a, "Trần Văn Bình", "038190099999", "  ",
                                      MC_CHANNEL_TRUC_TIEP, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_AUTHORISATION);
  g_clear_error (&error);
  assert_state (f, code, "result_ready");
  g_assert_cmpint (count_events (f, code), ==, before);

  OK (mc_workflow_return (f->wf, code, &a, "Trần Văn Bình", "038190099999",
                          "Giấy ủy quyền số 15/UQ ngày 01/03/2026, chứng thực tại UBND phường Phú Sơn",
                          MC_CHANNEL_TRUC_TIEP, E));
  assert_state (f, code, "returned");
  events = events_of (f, code);
  last = events->pdata[events->len - 1];
  g_assert_cmpstr (last->kind, ==, "return");
  g_assert_cmpstr (last->note, ==, "Trần Văn Bình nhận thay theo ủy quyền: Giấy ủy quyền số 15/UQ ngày "
                                   "01/03/2026, chứng thực tại UBND phường Phú Sơn");
  g_assert_cmpstr (last->staff_name, ==, "Lê Thị Lan");
  /* Handed over by the counter, which keeps the results. */
  g_assert_cmpstr (last->department_name, ==, "Trung tâm Phục vụ hành chính công");
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM dossier WHERE returned_id_number = '038190099999' "
                                           "AND returned_to = 'Trần Văn Bình'", NULL), ==, 1);

  OK (mc_workflow_return (f->wf, own, &a, "Nguyễn Văn An", "038 085 012 345", "ignored", MC_CHANNEL_TRUC_TIEP, E));
  g_clear_pointer (&events, g_ptr_array_unref);
  events = events_of (f, own);
  last = events->pdata[events->len - 1];
  g_assert_cmpstr (last->note, ==, "Nguyễn Văn An");
  OK (mc_workflow_return (f->wf, posted, &a, "Nguyễn Văn An", NULL, NULL, MC_CHANNEL_BUU_CHINH, E));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/workflow/full-route", test_full_route);
  ADD ("/workflow/transition-table", test_transition_table);
  ADD ("/workflow/bad-input", test_bad_input);
  ADD ("/workflow/pause-excluded", test_pause_excluded);
  ADD ("/workflow/classification-boundaries", test_classification_boundaries);
  ADD ("/workflow/step-boundaries", test_step_boundaries);
  ADD ("/workflow/inbox-lateness", test_inbox_lateness);
  ADD ("/workflow/apologies", test_apologies);
  ADD ("/workflow/apology-list", test_apology_list);
  ADD ("/workflow/send-back-and-register", test_send_back_and_register);
  ADD ("/workflow/return-authorisation", test_return_authorisation);
  return g_test_run ();
}
