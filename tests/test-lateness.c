/* test-lateness.c — one "quá hạn" and one "chậm tiến độ" for every screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C functions of mc-lateness against its SQL conditions case by case;
 * then dossiers late in each way counted by the inbox, the dossier list's
 * filters, the liveboard, Biểu 06a (13), the narrative and its lists, which
 * must all give the same number; then the same on demo data.
 */
#include "config.h"

#include <string.h>

#include "mc-board-model.h"
#include "mc-calendar-store.h"
#include "mc-demo.h"
#include "mc-dossier-list.h"
#include "mc-lateness.h"
#include "mc-report.h"
#include "mc-report-narrative.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

/* Đăng ký khai sinh: 0,5 working day (received 08:00, due 14:00). */
#define BIRTH "1.001193"
/* Hòa giải tranh chấp đất đai: 30 working days, the first step 0,5 day. */
#define LAND "1.012812"

#define OK(call)                        \
  G_STMT_START {                        \
    g_autoptr(GError) error_ = NULL;    \
    gboolean ok_ = (call);              \
    g_assert_no_error (error_);         \
    g_assert_true (ok_);                \
  } G_STMT_END
#define E (&error_)

/* C and SQL */

typedef struct {
  const char *what;
  McDeadlines d;
  McTime      at;
  gboolean    overdue;
  gboolean    step_late;
} Case;

#define H(x) ((McTime) (x) * 3600)

static const Case cases[] = {
  { "open, appointment ahead", { H (0), 0, H (10), 0, 0, 0, H (5) }, H (4), FALSE, FALSE },
  { "open, step late, appointment ahead", { H (0), 0, H (10), 0, 0, 0, H (5) }, H (6), FALSE, TRUE },
  { "open, appointment passed", { H (0), 0, H (10), 0, 0, 0, H (5) }, H (11), TRUE, TRUE },
  { "appointment exactly now: not yet passed", { H (0), 0, H (10), 0, 0, 0, 0 }, H (10), FALSE, FALSE },
  { "apology's new appointment ahead", { H (0), 0, H (10), H (30), H (8), 0, 0 }, H (20), FALSE, FALSE },
  { "apology's new appointment passed", { H (0), 0, H (10), H (30), H (8), 0, 0 }, H (31), TRUE, FALSE },
  { "before the late apology was issued", { H (0), 0, H (10), H (30), H (15), 0, 0 }, H (12), TRUE, FALSE },
  { "after the late apology was issued", { H (0), 0, H (10), H (30), H (15), 0, 0 }, H (16), FALSE, FALSE },
  { "paused before the appointment", { H (0), 0, H (10), 0, 0, H (9), H (8) }, H (50), FALSE, TRUE },
  { "paused after the appointment", { H (0), 0, H (10), 0, 0, H (11), 0 }, H (50), TRUE, FALSE },
  { "paused after the instant asked about", { H (0), 0, H (10), 0, 0, H (60), 0 }, H (50), TRUE, FALSE },
  { "finished late, asked after", { H (0), H (12), H (10), 0, 0, 0, H (5) }, H (13), FALSE, FALSE },
  { "finished late, asked before it finished", { H (0), H (12), H (10), 0, 0, 0, 0 }, H (11), TRUE, FALSE },
  { "finished, a pause left behind is over", { H (0), H (40), H (10), 0, 0, H (9), 0 }, H (20), TRUE, FALSE },
  { "not yet received", { H (5), 0, H (10), 0, 0, 0, 0 }, H (4), FALSE, FALSE },
};

static void
bind_time (sqlite3_stmt *stmt, int i, McTime t)
{
  if (t == 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int64 (stmt, i, t);
}

static gboolean
sql_says (sqlite3 *db, char *(*sql_at) (const char *at), const Case *c)
{
  g_autofree char *condition = sql_at ("?1");
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM (SELECT 1 AS id, ?2 AS received_at, ?3 AS finished_at, "
                                          "?4 AS due_at, ?5 AS extended_due_at, ?6 AS paused_since, "
                                          "?7 AS step_due_at) d", condition);
  sqlite3_stmt *stmt = NULL;
  gboolean result;

  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM apology", NULL, NULL, NULL), ==, SQLITE_OK);
  if (c->d.extended_at != 0)
    {
      g_autofree char *insert = g_strdup_printf ("INSERT INTO apology VALUES (1, %" G_GINT64_FORMAT ", %"
                                                 G_GINT64_FORMAT ")", c->d.extended_at, c->d.extended_due_at);
      g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, c->at);
  sqlite3_bind_int64 (stmt, 2, c->d.received_at);  /* never NULL in the table */
  bind_time (stmt, 3, c->d.finished_at);
  sqlite3_bind_int64 (stmt, 4, c->d.due_at);
  bind_time (stmt, 5, c->d.extended_due_at);
  bind_time (stmt, 6, c->d.paused_since);
  bind_time (stmt, 7, c->d.step_due_at);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return result;
}

/* The row's one status (the inbox's chip): the most urgent of the two
 * latenesses, in the words the reports and the board use. */
static void
test_status (void)
{
  static const struct { McLateness due, step, status; const char *word, *css; } statuses[] = {
    { MC_LATENESS_NONE, MC_LATENESS_NONE, MC_LATENESS_NONE, "Trong hạn", "success" },
    { MC_LATENESS_SOON, MC_LATENESS_NONE, MC_LATENESS_SOON, "Sắp đến hạn", "accent" },
    { MC_LATENESS_NONE, MC_LATENESS_SOON, MC_LATENESS_SOON, "Sắp đến hạn", "accent" },
    { MC_LATENESS_SOON, MC_LATENESS_SOON, MC_LATENESS_SOON, "Sắp đến hạn", "accent" },
    { MC_LATENESS_NONE, MC_LATENESS_STEP_LATE, MC_LATENESS_STEP_LATE, "Chậm tiến độ", "warning" },
    { MC_LATENESS_SOON, MC_LATENESS_STEP_LATE, MC_LATENESS_STEP_LATE, "Chậm tiến độ", "warning" },
    { MC_LATENESS_OVERDUE, MC_LATENESS_NONE, MC_LATENESS_OVERDUE, "Quá hạn", "error" },
    { MC_LATENESS_OVERDUE, MC_LATENESS_SOON, MC_LATENESS_OVERDUE, "Quá hạn", "error" },
    { MC_LATENESS_OVERDUE, MC_LATENESS_STEP_LATE, MC_LATENESS_OVERDUE, "Quá hạn", "error" },
  };

  mc_test_use_vietnamese ();
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      McLateness status = mc_lateness_status (statuses[i].due, statuses[i].step);

      g_assert_cmpint (status, ==, statuses[i].status);
      g_assert_cmpstr (mc_lateness_status_label (status), ==, statuses[i].word);
      g_assert_cmpstr (mc_lateness_status_class (status), ==, statuses[i].css);
    }
  /* The same words as the lateness alone (reports, the board's columns). */
  g_assert_cmpstr (mc_lateness_status_label (MC_LATENESS_OVERDUE), ==, mc_lateness_to_label (MC_LATENESS_OVERDUE));
  g_assert_cmpstr (mc_lateness_status_label (MC_LATENESS_STEP_LATE), ==,
                   mc_lateness_to_label (MC_LATENESS_STEP_LATE));
  g_assert_cmpstr (mc_lateness_status_label (MC_LATENESS_SOON), ==, mc_lateness_to_label (MC_LATENESS_SOON));
}

static void
test_c_and_sql (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE apology (dossier_id, issued_at, new_due_at)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];

      g_test_message ("%s", c->what);
      g_assert_cmpint (mc_deadlines_is_overdue (&c->d, c->at), ==, c->overdue);
      g_assert_cmpint (sql_says (db, mc_lateness_sql_overdue, c), ==, c->overdue);
      g_assert_cmpint (mc_deadlines_is_step_late (&c->d, c->at), ==, c->step_late);
      g_assert_cmpint (sql_says (db, mc_lateness_sql_step_late, c), ==, c->step_late);
    }
  sqlite3_close (db);
}

/* Every screen */

typedef McTestRouting Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  mc_test_routing_set_up (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_unsetenv ("MOTCUA_NOW");
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

static void
apologize (Fixture *f, const char *code, const char *at, const char *new_due)
{
  McAction a = mc_test_action (at, NULL, "Chờ xác minh");

  OK (mc_workflow_apologize (f->wf, code, &a, NULL, "tn.lan", mc_test_time (new_due), NULL, E));
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
sorted (GPtrArray *codes)
{
  g_ptr_array_sort (codes, compare_codes);
  return codes;
}

static void
assert_same_codes (GPtrArray *a, GPtrArray *b)
{
  for (guint i = 0; i < MAX (a->len, b->len); i++)
    g_test_message ("%s\t%s", i < a->len ? (char *) a->pdata[i] : "", i < b->len ? (char *) b->pdata[i] : "");
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

static gboolean
contains (GPtrArray *codes, const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (codes->pdata[i], code) == 0)
      return TRUE;
  return FALSE;
}

/* The codes of the inbox (every department, everyone) with that lateness. */
static GPtrArray *
inbox_codes (Fixture *f, McTime now, gboolean step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = mc_workflow_inbox (f->wf, 0, NULL, now, &error);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      McWorkItem *item = items->pdata[i];

      if (step ? item->step_lateness == MC_LATENESS_STEP_LATE : item->lateness == MC_LATENESS_OVERDUE)
        g_ptr_array_add (codes, g_strdup (item->code));
    }
  return sorted (codes);
}

/* The codes the dossier list shows under a filter, at MOTCUA_NOW. */
static GPtrArray *
list_codes (Fixture *f, McDossierFilter filter)
{
  g_autoptr(McDossierList) list = mc_dossier_list_new (f->store);
  McDossierQuery q = { filter, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  OK (mc_dossier_list_set_query (list, &q, E));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(McDossier) d = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_ptr_array_add (codes, g_strdup (mc_dossier_get_data (d)->code));
    }
  return sorted (codes);
}

typedef struct {
  char *overdue_a;       /* appointment passed, nothing done */
  char *extended;        /* apology in time: new appointment ahead */
  char *step_late;       /* the first step late, the appointment weeks ahead */
  char *paused_before;   /* waiting for the citizen since before the appointment */
  char *paused_after;    /* paused once already late */
  char *finished_late;   /* trả quá hạn, no longer open */
  char *late_apology;    /* apologised after the appointment had passed */
  char *extension_past;  /* the apology's new appointment passed too */
  char *today;           /* received today */
} Scenario;

static void
scenario_clear (Scenario *s)
{
  g_free (s->overdue_a);
  g_free (s->extended);
  g_free (s->step_late);
  g_free (s->paused_before);
  g_free (s->paused_after);
  g_free (s->finished_late);
  g_free (s->late_apology);
  g_free (s->extension_past);
  g_free (s->today);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scenario, scenario_clear)

/* Monday 9 to Tuesday 10 March 2026; "now" is Tuesday 15:00. */
static void
build_scenario (Fixture *f, Scenario *s)
{
  McAction a;

  s->overdue_a = receive (f, BIRTH, "2026-03-09 08:00");
  s->extended = receive (f, BIRTH, "2026-03-09 08:30");
  apologize (f, s->extended, "2026-03-09 09:00", "2026-03-12 09:00");
  s->step_late = receive (f, LAND, "2026-03-09 08:00");
  s->paused_before = receive (f, BIRTH, "2026-03-10 07:45");
  a = mc_test_action ("2026-03-10 08:00", NULL, "Thiếu tờ khai");
  OK (mc_workflow_pause (f->wf, s->paused_before, &a, MC_PAUSE_SUPPLEMENT, E));
  s->paused_after = receive (f, BIRTH, "2026-03-09 09:00");
  a = mc_test_action ("2026-03-10 09:00", NULL, "Thiếu tờ khai");
  OK (mc_workflow_pause (f->wf, s->paused_after, &a, MC_PAUSE_SUPPLEMENT, E));
  s->finished_late = receive (f, BIRTH, "2026-03-09 07:40");
  a = mc_test_action ("2026-03-10 08:00", NULL, NULL);
  OK (mc_workflow_transfer (f->wf, s->finished_late, &a, NULL, NULL, E));
  a.at += 600;
  OK (mc_workflow_finish (f->wf, s->finished_late, &a, "1/KS", NULL, E));
  s->late_apology = receive (f, BIRTH, "2026-03-06 08:00");
  apologize (f, s->late_apology, "2026-03-09 10:00", "2026-03-13 09:00");
  s->extension_past = receive (f, BIRTH, "2026-03-05 08:00");
  apologize (f, s->extension_past, "2026-03-05 09:00", "2026-03-06 09:00");
  s->today = receive (f, BIRTH, "2026-03-10 14:00");
}

static void
test_every_screen (Fixture *f, gconstpointer data)
{
  g_auto(Scenario) s = { 0 };
  McTime now = mc_test_time ("2026-03-10 15:00");
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) inbox = NULL, list = NULL, report = NULL, step_inbox = NULL, step_list = NULL;
  g_autoptr(McReport06a) r06a = NULL;
  g_autoptr(McBoardModel) board = NULL;
  g_autoptr(GHashTable) narrative = NULL;
  McInboxCounts counts;
  guint badge_total, badge_overdue;
  g_autoptr(GError) error = NULL;

  build_scenario (f, &s);
  g_setenv ("MOTCUA_NOW", "2026-03-10 15:00", TRUE);
  g_ptr_array_add (expected, s.overdue_a);
  g_ptr_array_add (expected, s.paused_after);
  g_ptr_array_add (expected, s.extension_past);
  sorted (expected);

  inbox = inbox_codes (f, now, FALSE);
  assert_same_codes (inbox, expected);
  g_assert_true (mc_workflow_count_inbox (f->wf, 0, NULL, now, &counts, &error));
  g_assert_cmpuint (counts.overdue, ==, expected->len);
  /* The sidebar's badge of an inbox not built yet counts the same in SQL. */
  g_assert_true (mc_workflow_count_inbox_overdue (f->wf, 0, NULL, now, &badge_total, &badge_overdue, &error));
  g_assert_cmpuint (badge_total, ==, counts.total);
  g_assert_cmpuint (badge_overdue, ==, expected->len);
  list = list_codes (f, MC_DOSSIER_FILTER_OVERDUE);
  assert_same_codes (list, expected);
  /* The quarter's data run to 14/3: on 10/3 it is counted up to now, not
   * as though every appointment before 15/3 00:00 had already passed. */
  r06a = mc_report_06a_compute_at (f->db, 0, mc_test_date ("2025-12-15"), mc_test_date ("2026-03-14"), TRUE, now,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r06a->total.c[MC_06A_PENDING_LATE], ==, expected->len);
  report = sorted (mc_report_06a_dossiers (f->db, 0, mc_test_date ("2025-12-15"), mc_test_date ("2026-03-14"), 0,
                                           MC_06A_PENDING_LATE, &error));
  g_assert_no_error (error);
  assert_same_codes (report, expected);
  narrative = mc_report_narrative_values (f->db, 0, mc_test_date ("2025-12-15"), mc_test_date ("2026-03-14"),
                                          "quý I", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (narrative, "dang_qua_han"), ==, "3");
  g_assert_cmpstr (g_hash_table_lookup (narrative, "den_ngay"), ==, "10/03/2026");
  /* Trả quá hạn is another figure: the one dossier settled after its appointment. */
  g_assert_cmpstr (g_hash_table_lookup (narrative, "qua_han"), ==, "1");
  board = mc_board_model_load (f->wf, now, &error);
  g_assert_no_error (error);
  for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
    g_assert_cmpuint (board->periods[p].total.pending_late, ==, expected->len);
  g_assert_cmpuint (board->periods[MC_BOARD_TODAY].total.late, ==, 1);

  /* Chậm tiến độ: the same in the inbox and the list, and not the same dossiers. */
  step_inbox = inbox_codes (f, now, TRUE);
  step_list = list_codes (f, MC_DOSSIER_FILTER_STEP_LATE);
  assert_same_codes (step_inbox, step_list);
  g_assert_cmpuint (counts.step_late, ==, step_inbox->len);
  g_assert_true (contains (step_inbox, s.step_late));
  g_assert_false (contains (inbox, s.step_late));
  g_assert_false (contains (inbox, s.extended));
  g_test_message ("overdue %u, behind schedule %u", expected->len, step_inbox->len);
}

/* A report for a period that ended before a late apology sees the dossier
 * overdue, as it was then; one computed up to now does not. */
static void
test_past_period (Fixture *f, gconstpointer data)
{
  g_auto(Scenario) s = { 0 };
  g_autoptr(McReport06a) before = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;

  build_scenario (f, &s);
  g_setenv ("MOTCUA_NOW", "2026-03-10 15:00", TRUE);
  codes = mc_report_06a_dossiers (f->db, 0, mc_test_date ("2026-03-01"), mc_test_date ("2026-03-08"), 0,
                                  MC_06A_PENDING_LATE, &error);
  g_assert_no_error (error);
  before = mc_report_06a_compute (f->db, 0, mc_test_date ("2026-03-01"), mc_test_date ("2026-03-08"), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->total.c[MC_06A_PENDING_LATE], ==, codes->len);
  g_assert_true (contains (codes, s.late_apology));
  g_assert_true (contains (codes, s.extension_past));  /* its new appointment had passed too */
  g_assert_false (contains (codes, s.extended));       /* apologised in time */
}

/* "Hôm nay – Tiếp nhận" is what the counter received today; 06a's (3) adds
 * the dossiers carried over from before. */
static void
test_board_received_today (Fixture *f, gconstpointer data)
{
  g_auto(Scenario) s = { 0 };
  g_autoptr(McBoardModel) board = NULL;
  g_autoptr(McReport06a) today = NULL;
  McTime now = mc_test_time ("2026-03-10 15:00");
  g_autoptr(GError) error = NULL;

  build_scenario (f, &s);
  board = mc_board_model_load (f->wf, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (board->periods[MC_BOARD_TODAY].total.received, ==, 2);  /* 07:45 and 14:00 */
  g_assert_cmpuint (board->periods[MC_BOARD_MONTH].total.received, ==, 9);
  today = mc_report_06a_compute_at (f->db, 0, mc_test_date ("2026-03-10"), mc_test_date ("2026-03-10"), TRUE, now,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->total.c[MC_06A_RECEIVED], ==, 9);  /* every dossier was open this morning */
  g_assert_cmpuint (today->total.c[MC_06A_CARRIED], ==, 7);
}

/* Demo data: the same count everywhere, printed. */
static void
test_demo (void)
{
  McTestRouting r = { 0 };
  McTime now;
  g_autoptr(GError) error = NULL;
  McInboxCounts counts;
  g_autoptr(GPtrArray) list = NULL, step_list = NULL;
  g_autoptr(McReport06a) quarter = NULL;
  g_autoptr(McBoardModel) board = NULL;
  g_autoptr(GHashTable) narrative = NULL;
  McDate today;

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  r.db = mc_test_db_new ();
  g_assert_true (mc_demo_fill (r.db, 3000, 3, NULL, &error));
  g_assert_no_error (error);
  /* Four days later with nothing done: some appointments, some apologies'
   * new appointments and many steps have passed. */
  g_setenv ("MOTCUA_NOW", "2026-11-27 15:30", TRUE);
  now = mc_time_now ();
  today = mc_time_get_date (now);
  r.calendar = mc_calendar_store_load (r.db, &error);
  g_assert_no_error (error);
  r.store = mc_dossier_store_new (r.db, r.calendar);
  r.wf = mc_workflow_new (r.db, r.calendar);
  g_assert_true (mc_workflow_count_inbox (r.wf, 0, NULL, now, &counts, &error));
  {
    guint total, overdue, ready;
    g_autoptr(GPtrArray) waiting = mc_workflow_ready (r.wf, NULL, &error);

    /* The badges of pages not built yet, in SQL, as the pages count them. */
    g_assert_true (mc_workflow_count_inbox_overdue (r.wf, 0, NULL, now, &total, &overdue, &error));
    g_assert_cmpuint (total, ==, counts.total);
    g_assert_cmpuint (overdue, ==, counts.overdue);
    g_assert_nonnull (waiting);
    g_assert_true (mc_workflow_count_ready (r.wf, &ready, &error));
    g_assert_cmpuint (ready, ==, waiting->len);
    g_assert_cmpuint (ready, >, 0);
  }
  list = list_codes (&r, MC_DOSSIER_FILTER_OVERDUE);
  step_list = list_codes (&r, MC_DOSSIER_FILTER_STEP_LATE);
  quarter = mc_report_06a_compute (r.db, 0, mc_test_date ("2026-09-15"), today, TRUE, &error);
  g_assert_no_error (error);
  narrative = mc_report_narrative_values (r.db, 0, mc_test_date ("2026-09-15"), today, "quý IV", &error);
  g_assert_no_error (error);
  board = mc_board_model_load (r.wf, now, &error);
  g_assert_no_error (error);
  g_test_message ("qua han: inbox %u, list %u, 06a (13) %u, narrative %s, board %u; "
                  "cham tien do: inbox %u, list %u",
                  counts.overdue, list->len, quarter->total.c[MC_06A_PENDING_LATE],
                  (char *) g_hash_table_lookup (narrative, "dang_qua_han"), board->periods[MC_BOARD_TODAY].total.pending_late,
                  counts.step_late, step_list->len);
  g_assert_cmpuint (counts.overdue, >, 0);
  g_assert_cmpuint (list->len, ==, counts.overdue);
  g_assert_cmpuint (quarter->total.c[MC_06A_PENDING_LATE], ==, counts.overdue);
  g_assert_cmpuint (board->periods[MC_BOARD_TODAY].total.pending_late, ==, counts.overdue);
  g_assert_cmpuint (step_list->len, ==, counts.step_late);
  {
    g_autofree char *n = g_strdup_printf ("%u", counts.overdue);
    g_assert_cmpstr (g_hash_table_lookup (narrative, "dang_qua_han"), ==, n);
  }
  mc_test_routing_tear_down (&r);
  g_unsetenv ("MOTCUA_NOW");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/lateness/status", test_status);
  g_test_add_func ("/lateness/c-and-sql", test_c_and_sql);
  g_test_add_func ("/lateness/demo", test_demo);
  g_test_add ("/lateness/every-screen", Fixture, NULL, fixture_set_up, test_every_screen, fixture_tear_down);
  g_test_add ("/lateness/past-period", Fixture, NULL, fixture_set_up, test_past_period, fixture_tear_down);
  g_test_add ("/lateness/board-received-today", Fixture, NULL, fixture_set_up, test_board_received_today,
              fixture_tear_down);
  return g_test_run ();
}
