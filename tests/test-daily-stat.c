/* test-daily-stat.c — the daily counters give what the dossier rows give
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The liveboard and Biểu 06a read (4), (5), (8)–(10) and the on-time rate by
 * department from daily_stat (migration 0016), which triggers on dossier
 * keep. Here, after each kind of write — a demo's history, receptions,
 * transfers, pauses, results, returns, withdrawals, an import, a correction
 * of a row — the table equals its recomputation from the rows, and every
 * figure read from it equals the full computation from the rows
 * (MC_REPORT_06A_FULL), over today (a partial day), this month, this year,
 * a past month and everything; and daily_stat's sums by month (month_stat)
 * equal their recomputation, and are rebuilt when wrong.
 */
#include "config.h"

#include <string.h>

#include "mc-board-stats.h"
#include "mc-calendar-store.h"
#include "mc-dashboard.h"
#include "mc-demo.h"
#include "mc-report-private.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

#define LAND "1.012812"
#define BIRTH "1.001193"
#define NOW "2026-11-23 09:30"

/* The table's rows that count anything, against the same sums from the
 * dossier rows (the migration's backfill): both differences empty. In SQL
 * both engines read: a condition counted through CASE (PostgreSQL has no sum
 * of booleans), a NULL timeliness compared through coalesce (SQLite's IS
 * 'early' is not PostgreSQL's), the derived table named. */
#define ONE(condition) "CASE WHEN " condition " THEN 1 ELSE 0 END"
#define APPROVED "coalesce (outcome, 'approved') = 'approved'"
#define TIMELINESS(value) "coalesce (timeliness, '') = '" value "'"
#define RECOMPUTED \
  "SELECT unit_id, day, procedure_id, sum (ro), sum (rd), sum (se), sum (so), sum (sl), sum (t), sum (ti) " \
  "FROM (SELECT unit_id, (received_at + 25200) / 86400 AS day, procedure_id, " ONE ("channel = 'truc_tuyen'") \
  "             AS ro, " ONE ("channel <> 'truc_tuyen'") " AS rd, 0 AS se, 0 AS so, 0 AS sl, 0 AS t, 0 AS ti " \
  "      FROM dossier " \
  "      UNION ALL " \
  "      SELECT unit_id, (finished_at + 25200) / 86400, procedure_id, 0, 0, " \
  "             " ONE (APPROVED " AND " TIMELINESS ("early")) ", " \
  "             " ONE ("NOT (" APPROVED " AND (" TIMELINESS ("early") " OR " TIMELINESS ("late") "))") ", " \
  "             " ONE (APPROVED " AND " TIMELINESS ("late")) ", " \
  "             " ONE ("timeliness IS NOT NULL") ", " ONE (TIMELINESS ("early") " OR " TIMELINESS ("on_time")) " " \
  "      FROM dossier WHERE finished_at IS NOT NULL) AS counted GROUP BY unit_id, day, procedure_id"
#define STORED \
  "SELECT * FROM daily_stat WHERE received_online <> 0 OR received_direct <> 0 OR settled_early <> 0 " \
  "OR settled_on_time <> 0 OR settled_late <> 0 OR timed <> 0 OR timed_in_time <> 0"

static void
assert_table_recomputed (McDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM (" RECOMPUTED " EXCEPT " STORED ") AS missing", &error),
                   ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM (" STORED " EXCEPT " RECOMPUTED ") AS extra", &error),
                   ==, 0);
  g_assert_no_error (error);
  /* And its sums by month (migration 0036), what 06a reads for whole months. */
  g_assert_cmpint (mc_report_month_stat_differences (db, &error), ==, 0);
  g_assert_no_error (error);
}

static void
assert_rows_equal (const McReport06aRow *a, const McReport06aRow *b)
{
  g_assert_cmpint (a->field_id, ==, b->field_id);
  g_assert_cmpstr (a->field_name, ==, b->field_name);
  for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
    if (a->c[k] != b->c[k])
      g_error ("%s, column (%d): %u from the counters, %u from the rows", a->field_name, k, a->c[k], b->c[k]);
}

static void
assert_reports_equal (const McReport06a *a, const McReport06a *b)
{
  g_assert_cmpuint (a->rows->len, ==, b->rows->len);
  for (guint i = 0; i < a->rows->len; i++)
    assert_rows_equal (a->rows->pdata[i], b->rows->pdata[i]);
  assert_rows_equal (&a->total, &b->total);
}

static void
assert_rates_equal (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const McDepartmentRate *x = a->pdata[i], *y = b->pdata[i];

      g_assert_cmpint (x->department_id, ==, y->department_id);
      g_assert_cmpuint (x->settled, ==, y->settled);
      g_assert_cmpuint (x->in_time, ==, y->in_time);
    }
}

/* open_due (migration 0031) against its recomputation from the rows, as
 * above; rows whose count went back to 0 are left in the table. */
#define RUNNING \
  "state IN ('received', 'processing', 'paused', 'sent_external') AND paused_since IS NULL " \
  "AND extended_due_at IS NULL AND finished_at IS NULL"
#define OPEN_DUE_HOLDER \
  "coalesce (unit_id, 0) AS unit_id, coalesce (current_department_id, 0) AS department_id, " \
  "coalesce (current_staff_id, 0) AS staff_id"
#define OPEN_DUE_RECOMPUTED \
  "SELECT unit_id, department_id, staff_id, kind, day, count (*) FROM (" \
  "SELECT " OPEN_DUE_HOLDER ", 0 AS kind, (due_at + 25200) / 86400 AS day FROM dossier WHERE " RUNNING \
  " UNION ALL SELECT " OPEN_DUE_HOLDER ", 1, (step_due_at + 25200) / 86400 FROM dossier " \
  "WHERE " RUNNING " AND step_due_at IS NOT NULL) AS running GROUP BY unit_id, department_id, staff_id, kind, day"
#define OPEN_DUE_STORED "SELECT unit_id, department_id, staff_id, kind, day, n FROM open_due WHERE n <> 0"

static void
assert_workloads_equal (const McDashboardWorkload *a, const McDashboardWorkload *b, McTime at)
{
  g_assert_cmpint (a->department_id, ==, b->department_id);
  g_assert_cmpint (a->staff_id, ==, b->staff_id);
  for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
    if (a->n[k] != b->n[k])
      g_error ("dashboard, department %" G_GINT64_FORMAT ", staff %" G_GINT64_FORMAT " at %s: column %d kept %u, "
               "rows %u", a->department_id, a->staff_id, mc_time_to_iso (at), k, a->n[k], b->n[k]);
}

/* Tổng quan's workload (every department, each one, none) from open_due
 * against the same counted on the rows, at `at`. */
static void
assert_dashboard_agrees (McDb *db, GArray *departments, McTime at)
{
  for (guint i = 0; i <= departments->len; i++)
    {
      gint64 department = i == departments->len ? MC_DASHBOARD_NO_DEPARTMENT : g_array_index (departments, gint64, i);
      g_autoptr(GError) error = NULL;
      McDashboard *kept = mc_dashboard_compute_how (db, 0, department, at, FALSE, &error);
      McDashboard *rows = mc_dashboard_compute_how (db, 0, department, at, TRUE, &error);

      g_assert_no_error (error);
      assert_workloads_equal (&kept->total, &rows->total, at);
      g_assert_cmpuint (kept->departments->len, ==, rows->departments->len);
      for (guint k = 0; k < kept->departments->len; k++)
        assert_workloads_equal (kept->departments->pdata[k], rows->departments->pdata[k], at);
      g_assert_cmpuint (kept->people->len, ==, rows->people->len);
      for (guint k = 0; k < kept->people->len; k++)
        assert_workloads_equal (kept->people->pdata[k], rows->people->pdata[k], at);
      mc_dashboard_free (kept);
      mc_dashboard_free (rows);
    }
}

/* Xử lý hồ sơ's counts, every department's and each one's, from open_due
 * (mc_workflow_count_inbox) against the inbox read row by row
 * (mc_workflow_inbox, every dossier's lateness computed), and Tổng quan's
 * against its own count on the rows, at hours of the
 * day around `now` and in the days after: before the day's first reception
 * and after, on an appointment's very second, at midnight, on a weekend. */
static void
assert_open_counts_agree (McDb *db, McTime now)
{
  static const int hours[] = { 0, 7 * 60 + 59, 8 * 60, 11 * 60 + 30, 14 * 60, 17 * 60, 23 * 60 + 59 };
  static const int days[] = { 0, 1, 5 };  /* 2026-11-23 is a Monday: the next Saturday */
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, &error);
  g_autoptr(McWorkflow) wf = NULL;
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  McSqlStmt *stmt;
  McTime midnight = (McTime) mc_time_get_date (now) * 86400 - 25200;

  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM (" OPEN_DUE_RECOMPUTED " EXCEPT " OPEN_DUE_STORED
                                        ") AS missing", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM (" OPEN_DUE_STORED " EXCEPT " OPEN_DUE_RECOMPUTED
                                        ") AS extra", &error), ==, 0);
  g_assert_no_error (error);
  wf = mc_workflow_new (db, calendar);
  g_array_append_val (departments, (gint64) { 0 });
  stmt = mc_db_prepare (db, "SELECT id FROM department ORDER BY id", &error);
  g_assert_no_error (error);
  while (mc_db_step_row (db, stmt, NULL) == MC_DB_STEP_ROW)
    g_array_append_val (departments, (gint64) { mc_sql_column_int64 (stmt, 0) });
  mc_sql_reset (stmt);
  for (guint t = 0; t <= G_N_ELEMENTS (hours) * G_N_ELEMENTS (days); t++)
    {
      McTime instant = t == G_N_ELEMENTS (hours) * G_N_ELEMENTS (days) ? now
                       : midnight + days[t / G_N_ELEMENTS (hours)] * 86400 + hours[t % G_N_ELEMENTS (hours)] * 60;

      for (guint i = 0; i < departments->len; i++)
        {
          gint64 department = g_array_index (departments, gint64, i);
          g_autoptr(GPtrArray) rows = mc_workflow_inbox (wf, department, NULL, instant, &error);
          McInboxCounts kept, read = { 0 };

          g_assert_no_error (error);
          g_assert_true (mc_workflow_count_inbox (wf, department, NULL, instant, &kept, &error));
          g_assert_no_error (error);
          for (guint k = 0; k < rows->len; k++)
            {
              const McWorkItem *item = rows->pdata[k];

              read.total++;
              read.overdue += item->lateness == MC_LATENESS_OVERDUE;
              read.step_late += item->step_lateness == MC_LATENESS_STEP_LATE;
              read.soon += item->lateness == MC_LATENESS_SOON || item->step_lateness == MC_LATENESS_SOON;
            }
          if (i == 0 && t / G_N_ELEMENTS (hours) != 1)  /* not every instant: seconds on a server */
            assert_dashboard_agrees (db, departments, instant);
          if (memcmp (&kept, &read, sizeof kept) != 0)
            g_error ("department %" G_GINT64_FORMAT " at %s: kept %u/%u/%u/%u, rows %u/%u/%u/%u (total, overdue, "
                     "step late, soon)", department, mc_time_to_iso (instant), kept.total, kept.overdue,
                     kept.step_late, kept.soon, read.total, read.overdue, read.step_late, read.soon);
        }
    }
}

/* Every period the board and the reports ask for, as known at `now`; the
 * number of dossiers received this year from the counters. */
static guint
assert_counters_agree (McDb *db, McTime now)
{
  McDate today = mc_time_get_date (now);
  int y, m, d;
  guint received = 0;

  mc_date_to_ymd (today, &y, &m, &d);
  {
    const McDate periods[][2] = {
      { today, today },
      { mc_date_from_ymd (y, m, 1), today },
      { mc_date_from_ymd (y, 1, 1), today },
      { mc_date_from_ymd (m > 1 ? y : y - 1, m > 1 ? m - 1 : 12, 1), mc_date_from_ymd (y, m, 1) - 1 },
      { mc_date_from_ymd (y - 1, 1, 1), mc_date_from_ymd (y - 1, 12, 31) },
      { mc_date_from_ymd (2020, 1, 1), today },
    };

    assert_table_recomputed (db);
    assert_open_counts_agree (db, now);
    /* The board's three periods, their open dossiers counted once. */
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) board = mc_board_stats_06a_periods (db, (const McDate[]) { periods[0][0], periods[1][0],
                                                                                     periods[2][0] }, 3, today, now,
                                                               &error);

      g_assert_no_error (error);
      g_assert_cmpuint (board->len, ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(McReport06a) full = mc_report_06a_compute_how (db, 0, periods[i][0], today, TRUE, now,
                                                                   MC_REPORT_06A_FULL, &error);
          g_assert_no_error (error);
          assert_reports_equal (board->pdata[i], full);
        }
    }
    for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
      for (gboolean only = FALSE; only <= TRUE; only++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(McReport06a) full = mc_report_06a_compute_how (db, 0, periods[i][0], periods[i][1], only, now,
                                                                   MC_REPORT_06A_FULL, &error);
          g_autoptr(McReport06a) counted = mc_report_06a_compute_how (db, 0, periods[i][0], periods[i][1], only, now,
                                                                      MC_REPORT_06A_COUNTERS, &error);
          g_autoptr(McReport06a) board = mc_report_06a_compute_how (db, 0, periods[i][0], periods[i][1], only, now,
                                                                    MC_REPORT_06A_CARRIED_DERIVED, &error);
          g_autoptr(GPtrArray) rates = mc_board_stats_department_rates (db, periods[i][0], periods[i][1], &error);
          g_autoptr(GPtrArray) rates_rows = mc_board_stats_department_rates_from_rows (db, periods[i][0],
                                                                                      periods[i][1], &error);

          g_autoptr(McReport06a) report = mc_report_06a_compute_at (db, 0, periods[i][0], periods[i][1], only, now,
                                                                    &error);

          g_assert_no_error (error);
          assert_reports_equal (counted, full);
          assert_reports_equal (board, full);
          assert_reports_equal (report, full);
          assert_rates_equal (rates, rates_rows);
          if (i == 2)
            received = full->total.c[MC_06A_ONLINE] + full->total.c[MC_06A_DIRECT];
        }
  }
  return received;
}

/* A demo's three years of history, written through the triggers. */
static void
test_demo (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  g_assert_true (mc_demo_fill (db, 3000, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM daily_stat", NULL), >, 300);
  g_assert_cmpuint (assert_counters_agree (db, mc_time_now ()), >, 0);
  g_unsetenv ("MOTCUA_NOW");
}

/* A database of the schema before the counters, with settled, open,
 * unqualified and withdrawn dossiers on three channels over two years:
 * the migration fills the counters from its rows. */
static void
test_backfill (void)
{
  g_autofree char *path = mc_test_tmp_path ("backfill.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new_unmigrated (path, &error);
  int version = mc_db_migration_version ("-daily-stat.sql");
  g_autofree char *dossiers = g_strdup_printf (
      "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
      "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, received_at, due_at, state, "
      "                     finished_at, outcome, timeliness) "
      "SELECT 'H56-' || i, 1 + (i %% 17 = 0), 1 + i %% 2, 'Tên ' || i, "
      "       CASE i %% 3 WHEN 0 THEN 'truc_tuyen' WHEN 1 THEN 'truc_tiep' ELSE 'buu_chinh' END, "
      "       %" G_GINT64_FORMAT " + i * 21011, %" G_GINT64_FORMAT " + i * 21011 + 259200, "
      "       CASE WHEN i %% 5 = 0 THEN 'processing' ELSE 'result_ready' END, "
      "       CASE WHEN i %% 5 = 0 THEN NULL ELSE %" G_GINT64_FORMAT " + i * 21011 + (i %% 7) * 86400 END, "
      "       CASE WHEN i %% 5 = 0 THEN NULL WHEN i %% 13 = 0 THEN 'withdrawn' "
      "            WHEN i %% 11 = 0 THEN 'unqualified' ELSE 'approved' END, "
      "       CASE WHEN i %% 5 = 0 OR i %% 13 = 0 THEN NULL WHEN i %% 7 > 3 THEN 'late' "
      "            WHEN i %% 7 = 3 THEN 'on_time' ELSE 'early' END FROM n",
      mc_test_time ("2025-01-01 07:00"), mc_test_time ("2025-01-01 07:00"), mc_test_time ("2025-01-01 07:00"));

  g_assert_no_error (error);
  g_assert_cmpint (version, >, 1);
  g_assert_true (mc_db_migrate_to (db, version - 1, &error));
  g_assert_no_error (error);
  mc_db_exec (db, "INSERT INTO unit (id, code, name, level, relation) VALUES "
                                 "(1, '000.00.06.H56', 'UBND huyện', 'huyen', 'self'), "
                                 "(2, '000.01.06.H56', 'UBND xã', 'xa', 'subordinate'); "
                                 "INSERT INTO field (id, name) VALUES (1, 'Hộ tịch'), (2, 'Đất đai'); "
                                 "INSERT INTO procedure (id, code, name, name_folded, field_id, level, mechanism, updated_at, "
                                 "duration) VALUES (1, '1.1', 'Khai sinh', 'khai sinh', 1, 'huyen', 'mot_cua', 0, 1), "
                                 "(2, '1.2', 'Hòa giải', 'hoa giai', 2, 'huyen', 'mot_cua', 0, 30)", &error);
  if (error)
    g_test_message ("%s", sqlite3_errmsg (mc_db_get_handle (db)));
  g_assert_no_error (error);
  if (!mc_db_exec (db, dossiers, &error))
    g_test_message ("%s", sqlite3_errmsg (mc_db_get_handle (db)));
  g_assert_no_error (error);
  g_assert_true (mc_db_migrate_to (db, mc_db_get_latest_version (), &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (DISTINCT unit_id) FROM daily_stat", NULL), ==, 2);
  g_assert_cmpint (mc_db_query_int (db, "SELECT sum (received_online + received_direct) FROM daily_stat", NULL), ==,
                   3000);
  assert_table_recomputed (db);
  g_setenv ("MOTCUA_NOW", "2025-06-10 10:00", TRUE);
  assert_counters_agree (db, mc_time_now ());
  g_unsetenv ("MOTCUA_NOW");
}

static char *
receive (McTestRouting *r, const char *procedure, const char *at)
{
  g_autoptr(GError) error = NULL;
  char *code = mc_test_receive (r->store, procedure, "Nguyễn Văn An", at, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  return code;
}

#define OK(call)                        \
  G_STMT_START {                        \
    g_autoptr(GError) error_ = NULL;    \
    gboolean ok_ = (call);              \
    g_assert_no_error (error_);         \
    g_assert_true (ok_);                \
  } G_STMT_END
#define E (&error_)

static McAction
at (const char *when)
{
  return mc_test_action (when, NULL, "Lý do");
}

/* Each transition, checked after it: receptions last year, last month and
 * today; results early and late; unqualified, withdrawn, returned. */
static void
test_transitions (McTestRouting *r, gconstpointer data)
{
  g_autofree char *old = NULL, *last_month = NULL, *late = NULL, *paused = NULL, *today = NULL;
  g_autofree char *withdrawn = NULL, *unqualified = NULL;
  McTime now;
  McAction a;
  guint before;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  now = mc_time_now ();
  before = assert_counters_agree (r->db, now);
  old = receive (r, LAND, "2025-12-30 08:00");
  last_month = receive (r, BIRTH, "2026-10-30 14:00");
  late = receive (r, BIRTH, "2026-11-02 08:00");
  paused = receive (r, LAND, "2026-11-10 08:00");
  withdrawn = receive (r, LAND, "2026-11-20 08:00");
  unqualified = receive (r, BIRTH, "2026-11-20 09:00");
  today = receive (r, BIRTH, "2026-11-23 08:00");
  g_assert_cmpuint (assert_counters_agree (r->db, now), ==, before + 6);

  a = at ("2025-12-30 09:00");
  OK (mc_workflow_transfer (r->wf, old, &a, NULL, NULL, E));
  a = at ("2026-01-05 09:00");  /* settled in the new year, received in the old */
  OK (mc_workflow_transfer (r->wf, old, &a, NULL, NULL, E));
  a = at ("2026-01-06 09:00");
  OK (mc_workflow_finish (r->wf, old, &a, "1/QĐ", NULL, E));
  assert_counters_agree (r->db, now);

  a = at ("2026-10-30 15:00");
  OK (mc_workflow_transfer (r->wf, last_month, &a, NULL, NULL, E));
  a = at ("2026-11-02 10:00");  /* across the month */
  OK (mc_workflow_finish (r->wf, last_month, &a, "2/QĐ", NULL, E));
  a = at ("2026-11-03 10:00");
  OK (mc_workflow_return (r->wf, last_month, &a, "Nguyễn Văn An", "038085012345", NULL, MC_CHANNEL_TRUC_TIEP, E));
  assert_counters_agree (r->db, now);

  a = at ("2026-11-02 09:00");
  OK (mc_workflow_transfer (r->wf, late, &a, NULL, NULL, E));
  a = at ("2026-11-16 09:00");  /* days after its half-day appointment */
  OK (mc_workflow_finish (r->wf, late, &a, "3/QĐ", NULL, E));
  assert_counters_agree (r->db, now);

  a = at ("2026-11-10 09:00");
  OK (mc_workflow_transfer (r->wf, paused, &a, NULL, NULL, E));
  a = at ("2026-11-11 09:00");
  OK (mc_workflow_pause (r->wf, paused, &a, MC_PAUSE_SUPPLEMENT, E));
  a = at ("2026-11-13 09:00");
  OK (mc_workflow_resume (r->wf, paused, &a, E));
  a = at ("2026-11-16 09:00");
  OK (mc_workflow_send_back (r->wf, paused, &a, E));
  assert_counters_agree (r->db, now);

  a = at ("2026-11-16 10:00");  /* an apology's new appointment: no longer counted by day */
  OK (mc_workflow_apologize (r->wf, paused, &a, NULL, "tn.lan", mc_test_time ("2027-01-20 09:00"), NULL, E));
  assert_counters_agree (r->db, now);

  a = at ("2026-11-21 09:00");
  OK (mc_workflow_withdraw (r->wf, withdrawn, &a, E));
  a = at ("2026-11-20 10:00");
  OK (mc_workflow_transfer (r->wf, unqualified, &a, NULL, NULL, E));
  a = at ("2026-11-23 08:30");  /* today, before now */
  OK (mc_workflow_unqualified (r->wf, unqualified, &a, E));
  a = at ("2026-11-23 08:15");
  OK (mc_workflow_transfer (r->wf, today, &a, NULL, NULL, E));
  a = at ("2026-11-23 09:00");
  OK (mc_workflow_finish (r->wf, today, &a, "4/QĐ", NULL, E));
  assert_counters_agree (r->db, now);
  g_assert_cmpint (mc_db_query_int (r->db, "SELECT count (*) FROM dossier WHERE timeliness = 'late'", NULL), >, 0);
  g_assert_cmpint (mc_db_query_int (r->db, "SELECT count (*) FROM dossier WHERE outcome = 'withdrawn'", NULL), ==, 1);

  /* A correction by hand of what the counters depend on moves them too. */
  OK (mc_db_exec (r->db, "UPDATE dossier SET channel = 'truc_tuyen', received_at = received_at - 86400 * 40 "
                         "WHERE id = (SELECT min (id) FROM dossier)", E));
  OK (mc_db_exec (r->db, "UPDATE dossier SET timeliness = 'late' WHERE timeliness = 'early'", E));
  assert_counters_agree (r->db, now);
  g_unsetenv ("MOTCUA_NOW");
}

/* An import of settled, returned, unqualified, withdrawn and open dossiers
 * over two years. */
static void
test_import (McTestRouting *r, gconstpointer data)
{
  static const char *const outcomes[] = { "approved", "approved", "unqualified", "withdrawn", "" };
  g_autoptr(GString) csv = g_string_new ("code,procedure_code,channel,received_at,due_at,finished_at,returned_at,"
                                         "outcome,applicant_name\n");
  g_autoptr(GError) error = NULL;
  guint n = 0, before;
  McTime now;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  now = mc_time_now ();
  before = assert_counters_agree (r->db, now);
  for (guint i = 0; i < 400; i++)
    {
      McTime received = mc_time_now () - (McTime) (i * 97 % 700) * 86400 - 3600 * (i % 9);
      McTime due = received + (i % 7) * 86400;
      McTime finished = received + (i % 11) * 86400 + 600;
      const char *outcome = outcomes[i % G_N_ELEMENTS (outcomes)];
      gboolean open = *outcome == '\0' || finished >= now;
      g_autofree char *r_at = mc_time_to_iso (received), *d_at = mc_time_to_iso (due);
      g_autofree char *f_at = open ? g_strdup ("") : mc_time_to_iso (finished);
      g_autofree char *ret_at = !open && i % 3 == 0 ? mc_time_to_iso (finished + 3600) : g_strdup ("");

      g_string_append_printf (csv, "H56-IMP-%04u,%s,%s,%s,%s,%s,%s,%s,Đỗ Thị %u\n", i, i % 2 ? LAND : BIRTH,
                              i % 3 ? "truc_tiep" : "truc_tuyen", r_at, d_at, f_at, ret_at,
                              open ? "" : outcome, i);
    }
  g_assert_true (mc_dossier_store_import_csv (r->store, csv->str, csv->len, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 400);
  g_assert_cmpuint (assert_counters_agree (r->db, now), >, before);
  g_unsetenv ("MOTCUA_NOW");
}

/* The report, as `motcua report 06a` computes it ((6) derived), against
 * the reference counting everything from the rows, (6) included. */
static McReport06a *
assert_report_is_full (McDb *db, gint64 unit_id, const char *from, const char *to, McTime now)
{
  McDate d0 = 0, d1 = 0;
  g_autoptr(GError) error = NULL;
  McReport06a *report = NULL;
  g_autoptr(McReport06a) full = NULL;

  g_assert_true (mc_date_parse_iso (from, &d0) && mc_date_parse_iso (to, &d1));
  report = mc_report_06a_compute_at (db, unit_id, d0, d1, FALSE, now, &error);
  g_assert_no_error (error);
  full = mc_report_06a_compute_how (db, unit_id, d0, d1, FALSE, now, MC_REPORT_06A_FULL, &error);
  g_assert_no_error (error);
  assert_reports_equal (report, full);
  return report;
}

/* (6), the dossiers carried into a period, of every kind: still open,
 * paused, at another agency, withdrawn, unqualified and settled in the
 * period, settled before it, imported, of a subordinate unit, and rows a
 * hand correction left finished before they were received (which the
 * identity (3) = (7) + (11) does not cover by itself). */
static void
test_carried (McTestRouting *r, gconstpointer data)
{
  static const char csv[] =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "H56-IMP-1," BIRTH ",truc_tuyen,2026-09-10 08:00,2026-09-20 08:00,,,,Đỗ Thị Một\n"
    "H56-IMP-2," LAND ",truc_tiep,2026-10-02 08:00,2026-10-30 08:00,2026-11-05 10:00,,withdrawn,Đỗ Thị Hai\n"
    "H56-IMP-3," LAND ",buu_chinh,2026-10-03 08:00,2026-11-30 08:00,2026-11-10 10:00,2026-11-11 10:00,"
    "approved,Đỗ Thị Ba\n"
    "H56-IMP-4," BIRTH ",truc_tiep,2026-10-01 08:00,2026-10-02 08:00,2026-10-02 07:00,,approved,Đỗ Thị Bốn\n";
  g_autofree char *open = NULL, *paused = NULL, *external = NULL, *withdrawn = NULL, *unqualified = NULL;
  g_autofree char *settled = NULL, *before = NULL, *sub = NULL, *back_in = NULL, *back_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *move = NULL, *backwards = NULL;
  gint64 sub_unit;
  guint n = 0;
  McTime now;
  McAction a;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  now = mc_time_now ();
  OK (mc_db_exec (r->db, "INSERT INTO unit (code, name, level, relation) VALUES "
                         "('000.01.06.H56', 'UBND xã Phú Sơn', 'xa', 'subordinate')", E));
  sub_unit = mc_db_query_int (r->db, "SELECT id FROM unit WHERE relation = 'subordinate'", NULL);
  open = receive (r, LAND, "2026-10-05 08:00");
  paused = receive (r, LAND, "2026-10-06 08:00");
  external = receive (r, LAND, "2026-10-07 08:00");
  withdrawn = receive (r, LAND, "2026-10-08 08:00");
  unqualified = receive (r, BIRTH, "2026-10-09 08:00");
  settled = receive (r, BIRTH, "2026-10-26 08:00");
  before = receive (r, BIRTH, "2026-10-12 08:00");
  sub = receive (r, LAND, "2026-10-13 08:00");
  back_in = receive (r, BIRTH, "2026-11-10 08:00");
  back_out = receive (r, BIRTH, "2026-10-20 08:00");

  a = at ("2026-10-05 09:00");
  OK (mc_workflow_transfer (r->wf, open, &a, NULL, NULL, E));
  a = at ("2026-10-06 09:00");
  OK (mc_workflow_transfer (r->wf, paused, &a, NULL, NULL, E));
  a = at ("2026-10-07 09:00");
  OK (mc_workflow_pause (r->wf, paused, &a, MC_PAUSE_SUPPLEMENT, E));
  a = at ("2026-10-07 09:00");
  OK (mc_workflow_transfer (r->wf, external, &a, NULL, NULL, E));
  a = mc_test_action ("2026-10-07 10:00", "cv.duc", NULL);
  OK (mc_workflow_accept (r->wf, external, &a, E));
  a = mc_test_action ("2026-10-08 10:00", "cv.duc", "Xác minh nguồn gốc đất");
  OK (mc_workflow_send_external (r->wf, external, &a, "000.30.06.H56", 0, 30, E));
  a = at ("2026-11-04 09:00");
  OK (mc_workflow_withdraw (r->wf, withdrawn, &a, E));
  a = at ("2026-10-09 10:00");
  OK (mc_workflow_transfer (r->wf, unqualified, &a, NULL, NULL, E));
  a = at ("2026-11-02 08:30");
  OK (mc_workflow_unqualified (r->wf, unqualified, &a, E));
  for (guint i = 0; i < 4; i++)
    {
      const char *code = (const char *[]) { settled, before, back_in, back_out }[i];
      const char *moves[][2] = { { "2026-10-26 09:00", "2026-11-02 10:00" }, { "2026-10-12 09:00", "2026-10-13 10:00" },
                                 { "2026-11-10 09:00", "2026-11-11 10:00" }, { "2026-10-20 09:00", "2026-10-21 10:00" } };

      a = at (moves[i][0]);
      OK (mc_workflow_transfer (r->wf, code, &a, NULL, NULL, E));
      a = at (moves[i][1]);
      OK (mc_workflow_finish (r->wf, code, &a, "5/QĐ", NULL, E));
    }
  g_assert_true (mc_dossier_store_import_csv (r->store, csv, sizeof csv - 1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  /* A subordinate unit's dossier; rows finished before they were received:
   * back_in finished on 8 November, two days before it was received;
   * back_out received on 5 November, finished on 21 October. */
  move = g_strdup_printf ("UPDATE dossier SET unit_id = %" G_GINT64_FORMAT " WHERE code = '%s'", sub_unit, sub);
  OK (mc_db_exec (r->db, move, E));
  backwards = g_strdup_printf ("UPDATE dossier SET finished_at = %" G_GINT64_FORMAT " WHERE code = '%s'; "
                               "UPDATE dossier SET received_at = %" G_GINT64_FORMAT " WHERE code = '%s'",
                               mc_test_time ("2026-11-08 10:00"), back_in, mc_test_time ("2026-11-05 08:00"),
                               back_out);
  OK (mc_db_exec (r->db, backwards, E));
  g_assert_cmpint (mc_db_query_int (r->db, "SELECT count (*) FROM dossier WHERE finished_at < received_at", NULL),
                   ==, 2);
  assert_table_recomputed (r->db);

  {
    g_autoptr(McReport06a) november = assert_report_is_full (r->db, 0, "2026-11-01", "2026-11-30", now);
    g_autoptr(McReport06a) sub_november = assert_report_is_full (r->db, sub_unit, "2026-11-01", "2026-11-30", now);
    g_autoptr(McReport06a) october = assert_report_is_full (r->db, 0, "2026-10-01", "2026-10-31", now);
    g_autoptr(McReport06a) rest = NULL;

    /* Open, paused, at the police, withdrawn, unqualified and settled in
     * November, and the imported IMP-2 and IMP-3 (IMP-1 too, received in
     * September): not the one settled in October, IMP-4, the rows moved
     * backwards or the subordinate's. */
    g_assert_cmpuint (november->total.c[MC_06A_CARRIED], ==, 9);
    g_assert_cmpuint (sub_november->total.c[MC_06A_CARRIED], ==, 1);
    /* In October: only IMP-1. */
    g_assert_cmpuint (october->total.c[MC_06A_CARRIED], ==, 1);
    /* (3) = (7) + (11) but for the rows finished before they were received:
     * back_out (received in November, finished in October) is in
     * November's (3) without being in (7) or (11), and in October's (7)
     * without being in (3); back_in (both in November, finished first)
     * needs nothing for November. */
    g_assert_cmpuint (november->total.c[MC_06A_RECEIVED], ==,
                      november->total.c[MC_06A_SETTLED] + november->total.c[MC_06A_PENDING] + 1);
    g_assert_cmpuint (october->total.c[MC_06A_RECEIVED] + 1, ==,
                      october->total.c[MC_06A_SETTLED] + october->total.c[MC_06A_PENDING]);
    /* back_in finished in the period and received after it, back_out the
     * other way round. */
    rest = assert_report_is_full (r->db, 0, "2026-11-01", "2026-11-09", now);
    g_clear_pointer (&rest, mc_report_06a_free);
    rest = assert_report_is_full (r->db, 0, "2026-11-01", "2026-11-22", now);
    g_clear_pointer (&rest, mc_report_06a_free);
    rest = assert_report_is_full (r->db, 0, "2026-11-23", "2026-11-23", now);
    g_clear_pointer (&rest, mc_report_06a_free);
    rest = assert_report_is_full (r->db, 0, "2026-01-01", "2026-12-31", now);
  }
  assert_counters_agree (r->db, now);
  g_unsetenv ("MOTCUA_NOW");
}

/* month_stat made wrong by hand (as a damaged or hand-edited file could
 * be): the check counts the rows, 06a of a year differs from the rows, and
 * the rebuild from daily_stat puts both right. */
static void
test_month_rebuild (McTestRouting *r, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McReport06a) wrong = NULL, full = NULL, rebuilt = NULL;
  McDate from = mc_date_from_ymd (2026, 1, 1), to = mc_date_from_ymd (2026, 12, 31);
  McTime now;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  now = mc_time_now ();
  g_free (receive (r, LAND, "2026-03-10 08:00"));
  g_free (receive (r, BIRTH, "2026-03-11 08:00"));
  g_free (receive (r, BIRTH, "2026-05-02 08:00"));
  g_assert_cmpint (mc_report_month_stat_differences (r->db, &error), ==, 0);
  g_assert_no_error (error);
  OK (mc_db_exec (r->db, "UPDATE month_stat SET received_direct = received_direct + 5 WHERE received_direct > 0", E));
  /* Three rows wrong: each missing from the sums and extra in the table. */
  g_assert_cmpint (mc_report_month_stat_differences (r->db, &error), ==, 6);
  g_assert_no_error (error);
  wrong = mc_report_06a_compute_at (r->db, 0, from, to, FALSE, now, &error);
  g_assert_no_error (error);
  full = mc_report_06a_compute_how (r->db, 0, from, to, FALSE, now, MC_REPORT_06A_FULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wrong->total.c[MC_06A_DIRECT], ==, full->total.c[MC_06A_DIRECT] + 15);

  g_assert_true (mc_report_month_stat_rebuild (r->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_report_month_stat_differences (r->db, &error), ==, 0);
  rebuilt = mc_report_06a_compute_at (r->db, 0, from, to, FALSE, now, &error);
  g_assert_no_error (error);
  assert_reports_equal (rebuilt, full);
  assert_counters_agree (r->db, now);
  g_unsetenv ("MOTCUA_NOW");
}

static void
fixture_set_up (McTestRouting *r, gconstpointer data)
{
  mc_test_routing_set_up (r);
}

static void
fixture_tear_down (McTestRouting *r, gconstpointer data)
{
  mc_test_routing_tear_down (r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/daily-stat/demo", test_demo);
  g_test_add_func ("/daily-stat/backfill", test_backfill);
  g_test_add ("/daily-stat/transitions", McTestRouting, NULL, fixture_set_up, test_transitions, fixture_tear_down);
  g_test_add ("/daily-stat/import", McTestRouting, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/daily-stat/carried", McTestRouting, NULL, fixture_set_up, test_carried, fixture_tear_down);
  g_test_add ("/daily-stat/month-rebuild", McTestRouting, NULL, fixture_set_up, test_month_rebuild,
              fixture_tear_down);
  return g_test_run ();
}
