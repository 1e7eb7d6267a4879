/* test-dashboard.c — Tổng quan gives the reports' and the inbox's figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a demo's three years and on hand-made dossiers at the edges (a month's
 * last minute, an appointment earlier and later today, a pause, a dossier no
 * department holds, a month with nothing settled): every month equals Biểu
 * 06a computed from the rows for that month, every department's rate the
 * liveboard's from the rows, every workload number the inbox's count and
 * the length of the list it opens, the overdue total 06a's (13) now, the
 * apologies the register's with its flag; a head sees their department only.
 */
#include "config.h"

#include <string.h>

#include "mc-accounts.h"
#include "mc-board-stats.h"
#include "mc-calendar-store.h"
#include "mc-dashboard.h"
#include "mc-demo.h"
#include "mc-report-private.h"
#include "mc-settings.h"
#include "mc-test-utils.h"

#define NOW "2026-11-23 09:30"

static McDate
month_last_day (const McDashboard *d, int i)
{
  return i + 1 < MC_DASHBOARD_MONTHS ? d->months[i + 1].first_day - 1 : mc_time_get_date (d->now);
}

/* Each month against Biểu 06a of that month from the dossier rows, and the
 * departments' rates against the liveboard's from the rows. */
static void
assert_months_agree (McDb *db, const McDashboard *d)
{
  guint settled_months = 0;

  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    {
      g_autoptr(GError) error = NULL;
      const McDashboardMonth *m = &d->months[i];
      /* The counters count by local day, today's whole day as written so
       * far: 06a known at the end of the month's last day (the demo also
       * writes results later today than its `now`). */
      g_autoptr(McReport06a) full = mc_report_06a_compute_how (db, 0, m->first_day, month_last_day (d, i), TRUE,
                                                               mc_time_from_local (month_last_day (d, i) + 1, 0),
                                                               MC_REPORT_06A_FULL, &error);
      g_autoptr(GPtrArray) rates = mc_board_stats_department_rates_from_rows (db, m->first_day,
                                                                              month_last_day (d, i), &error);
      guint found = 0;
      double rate;

      g_assert_no_error (error);
      g_assert_cmpuint (m->received_online, ==, full->total.c[MC_06A_ONLINE]);
      g_assert_cmpuint (m->received_direct, ==, full->total.c[MC_06A_DIRECT]);
      g_assert_cmpuint (m->settled, ==, full->total.c[MC_06A_SETTLED]);
      g_assert_cmpuint (m->in_time, ==, full->total.c[MC_06A_EARLY] + full->total.c[MC_06A_ON_TIME]);
      g_assert_cmpint (mc_dashboard_month_rate (m, &rate), ==, full->total.c[MC_06A_SETTLED] > 0);
      settled_months += m->settled > 0;
      for (guint k = 0; k < rates->len; k++)
        {
          const McDepartmentRate *want = rates->pdata[k];

          for (guint j = 0; j < d->rates->len; j++)
            {
              const McDashboardRates *got = d->rates->pdata[j];

              if (got->department_id != want->department_id)
                continue;
              g_assert_cmpuint (got->settled[i], ==, want->settled);
              g_assert_cmpuint (got->in_time[i], ==, want->in_time);
              found++;
            }
        }
      g_assert_cmpuint (found, ==, rates->len);
    }
  g_assert_cmpuint (settled_months, >, 0);
}

static guint
list_length (McDb *db, const McDashboard *d, gint64 department_id, gint64 staff_id, McDashboardColumn column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = mc_dashboard_dossiers (db, d, department_id, staff_id, column, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (items);
}

static const char *
staff_username (McDb *db, gint64 id)
{
  static char name[64];
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT username FROM staff WHERE id = ?", NULL);

  mc_sql_bind_int64 (stmt, 1, id);
  g_assert_cmpint (mc_db_step_row (db, stmt, NULL), ==, MC_DB_STEP_ROW);
  g_strlcpy (name, mc_sql_column_text (stmt, 0), sizeof name);
  mc_sql_reset (stmt);
  return name;
}

/* Each workload number: the list it opens has as many dossiers; processing
 * and overdue are the inbox's counts (SQL and C); the overdue total is
 * 06a's (13) now. */
static void
assert_workload_agrees (McTestRouting *r, const McDashboard *d)
{
  guint sum[MC_DASHBOARD_N_WORKLOAD] = { 0 };
  g_autoptr(GError) error = NULL;
  McDate today = mc_time_get_date (d->now);
  g_autoptr(McReport06a) now = mc_report_06a_compute_how (r->db, 0, today, today, TRUE, d->now,
                                                          MC_REPORT_06A_FULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < d->departments->len; i++)
    {
      const McDashboardWorkload *w = d->departments->pdata[i];

      for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
        {
          g_assert_cmpuint (list_length (r->db, d, w->department_id, 0, k), ==, w->n[k]);
          sum[k] += w->n[k];
        }
      if (w->department_id != MC_DASHBOARD_NO_DEPARTMENT)
        {
          guint total, overdue;
          McInboxCounts counts;

          g_assert_true (mc_workflow_count_inbox_overdue (r->wf, w->department_id, NULL, d->now, &total, &overdue,
                                                          &error));
          g_assert_true (mc_workflow_count_inbox (r->wf, w->department_id, NULL, d->now, &counts, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (w->n[MC_DASHBOARD_PROCESSING], ==, total);
          g_assert_cmpuint (w->n[MC_DASHBOARD_OVERDUE], ==, overdue);
          g_assert_cmpuint (w->n[MC_DASHBOARD_PROCESSING], ==, counts.total);
          g_assert_cmpuint (w->n[MC_DASHBOARD_OVERDUE], ==, counts.overdue);
        }
    }
  for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
    {
      g_assert_cmpuint (sum[k], ==, d->total.n[k]);
      g_assert_cmpuint (list_length (r->db, d, 0, 0, k), ==, d->total.n[k]);
    }
  g_assert_cmpuint (d->total.n[MC_DASHBOARD_OVERDUE], ==, now->total.c[MC_06A_PENDING_LATE]);
  {
    /* (11) counts as open at now a result the demo dates now or later today. */
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM dossier WHERE finished_at >= %" G_GINT64_FORMAT
                                            " AND received_at < %" G_GINT64_FORMAT, d->now, d->now);

    g_assert_cmpuint (d->total.n[MC_DASHBOARD_PROCESSING] + mc_db_query_int (r->db, sql, NULL), ==,
                      now->total.c[MC_06A_PENDING]);
  }
  for (guint i = 0; i < d->people->len; i++)
    {
      const McDashboardWorkload *w = d->people->pdata[i];
      guint total, overdue;

      g_assert_true (mc_workflow_count_inbox_overdue (r->wf, w->department_id, staff_username (r->db, w->staff_id),
                                                      d->now, &total, &overdue, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (w->n[MC_DASHBOARD_PROCESSING], ==, total);
      g_assert_cmpuint (w->n[MC_DASHBOARD_OVERDUE], ==, overdue);
      for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
        g_assert_cmpuint (list_length (r->db, d, w->department_id, w->staff_id, k), ==, w->n[k]);
    }
}

static void
assert_apologies_agree (McTestRouting *r, const McDashboard *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = mc_workflow_apology_counts (r->wf, d->apology_year, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (d->apologies->len, ==, counts->len);
  for (guint i = 0; i < counts->len; i++)
    {
      const McApologyCount *want = counts->pdata[i];
      const McDashboardApologies *got = d->apologies->pdata[i];

      g_assert_cmpstr (got->username, ==, want->username);
      g_assert_cmpuint (got->count, ==, want->count);
      g_assert_cmpint (got->flagged, ==, want->count >= d->apology_threshold);
    }
}

static McDashboard *
compute (McDb *db, gint64 department_id)
{
  g_autoptr(GError) error = NULL;
  McDashboard *d = mc_dashboard_compute (db, 0, department_id, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

/* The demo's catalog, people and three years of dossiers (its own
 * database: the routing fixture's people would collide with the demo's). */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDashboard) d = NULL;
  g_autoptr(McDashboard) again = NULL;
  McTestRouting demo = { NULL }, *r = &demo;
  guint flagged = 0;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  demo.db = mc_test_db_new ();
  g_assert_true (mc_demo_fill (r->db, 3000, 3, NULL, &error));
  g_assert_no_error (error);
  demo.calendar = mc_calendar_store_load (demo.db, &error);
  g_assert_no_error (error);
  demo.wf = mc_workflow_new (demo.db, demo.calendar);
  d = compute (r->db, 0);
  g_assert_cmpuint (d->total.n[MC_DASHBOARD_PROCESSING], >, 0);
  g_assert_cmpuint (d->total.n[MC_DASHBOARD_OVERDUE], >, 0);
  g_assert_cmpuint (d->people->len, >, 0);
  assert_months_agree (r->db, d);
  assert_workload_agrees (r, d);
  assert_apologies_agree (r, d);
  /* The flag follows the setting. */
  for (guint i = 0; i < d->apologies->len; i++)
    flagged += ((McDashboardApologies *) d->apologies->pdata[i])->flagged;
  g_assert_true (mc_settings_set (r->db, "apology.threshold", "1", &error));
  g_assert_no_error (error);
  again = compute (r->db, 0);
  g_assert_cmpuint (again->apology_threshold, ==, 1);
  for (guint i = 0; i < again->apologies->len; i++)
    g_assert_true (((McDashboardApologies *) again->apologies->pdata[i])->flagged);
  g_assert_cmpuint (again->apologies->len, >=, flagged);
  g_clear_object (&demo.wf);
  g_clear_object (&demo.calendar);
  g_clear_object (&demo.db);
  g_unsetenv ("MOTCUA_NOW");
}

static gint64
id_of (McDb *db, const char *sql)
{
  gint64 id = mc_db_query_int (db, sql, NULL);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* One dossier written as a row (the counters follow through the triggers). */
static void
add_row (McDb *db, const char *code, const char *channel, const char *received, const char *due, const char *state,
         gint64 department, gint64 staff, const char *paused, const char *finished, const char *timeliness)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, received_at, due_at, state, "
      "current_department_id, current_staff_id, paused_since, finished_at, outcome, timeliness) VALUES "
      "('%s', (SELECT id FROM unit WHERE relation = 'self'), (SELECT id FROM procedure WHERE code = '1.012812'), "
      "'Lê Văn An', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', %s, %s, %s, %s, %s, %s)",
      code, channel, mc_test_time (received), mc_test_time (due), state,
      department ? g_strdup_printf ("%" G_GINT64_FORMAT, department) : "NULL",
      staff ? g_strdup_printf ("%" G_GINT64_FORMAT, staff) : "NULL",
      paused ? g_strdup_printf ("%" G_GINT64_FORMAT, mc_test_time (paused)) : "NULL",
      finished ? g_strdup_printf ("%" G_GINT64_FORMAT, mc_test_time (finished)) : "NULL",
      finished ? "'approved'" : "NULL", timeliness ? g_strdup_printf ("'%s'", timeliness) : "NULL");

  g_assert_true (mc_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static const McDashboardWorkload *
row_of (GPtrArray *rows, gint64 department_id, gint64 staff_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const McDashboardWorkload *w = rows->pdata[i];

      if (w->department_id == department_id && w->staff_id == staff_id)
        return w;
    }
  g_assert_not_reached ();
}

static void
assert_counts (const McDashboardWorkload *w, guint received, guint processing, guint due, guint overdue)
{
  g_assert_cmpuint (w->n[MC_DASHBOARD_RECEIVED_TODAY], ==, received);
  g_assert_cmpuint (w->n[MC_DASHBOARD_PROCESSING], ==, processing);
  g_assert_cmpuint (w->n[MC_DASHBOARD_DUE_TODAY], ==, due);
  g_assert_cmpuint (w->n[MC_DASHBOARD_OVERDUE], ==, overdue);
}

static void
test_edges (McTestRouting *r, gconstpointer data)
{
  gint64 kt = id_of (r->db, "SELECT id FROM department WHERE code = 'KT'");
  gint64 duc = id_of (r->db, "SELECT id FROM staff WHERE username = 'cv.duc'");
  gint64 quang = id_of (r->db, "SELECT id FROM staff WHERE username = 'tp.quang'");
  g_autoptr(McDashboard) d = NULL;
  const McDashboardMonth *october, *november, *september;
  double rate;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  /* Held by cv.duc: received today, due tomorrow; due at 16:00 today; due
   * at 08:00 today (overdue, not due today); paused yesterday with 16:00
   * today as appointment (neither). */
  add_row (r->db, "E-1", "truc_tuyen", "2026-11-23 08:00", "2026-11-24 16:00", "processing", kt, duc, NULL, NULL, NULL);
  add_row (r->db, "E-2", "truc_tiep", "2026-11-20 08:00", "2026-11-23 16:00", "processing", kt, duc, NULL, NULL, NULL);
  add_row (r->db, "E-3", "truc_tiep", "2026-11-19 08:00", "2026-11-23 08:00", "processing", kt, duc, NULL, NULL, NULL);
  add_row (r->db, "E-4", "buu_chinh", "2026-11-19 08:00", "2026-11-23 16:00", "paused", kt, duc, "2026-11-22 10:00",
           NULL, NULL);
  /* KT without a person: overdue since last week. */
  add_row (r->db, "E-5", "truc_tiep", "2026-11-02 08:00", "2026-11-16 16:00", "processing", kt, 0, NULL, NULL, NULL);
  /* tp.quang: received today at 09:00, due today at 09:29 (overdue one minute ago). */
  add_row (r->db, "E-6", "truc_tiep", "2026-11-23 09:00", "2026-11-23 09:29", "processing", kt, quang, NULL, NULL, NULL);
  /* Sent to another agency: no department holds it. */
  add_row (r->db, "E-7", "truc_tiep", "2026-11-23 07:30", "2026-11-30 16:00", "sent_external", 0, 0, NULL, NULL, NULL);
  /* Settled on both sides of midnight between October and November, and
   * received in September with nothing settled then. */
  add_row (r->db, "E-8", "truc_tiep", "2026-10-20 08:00", "2026-10-30 16:00", "result_ready", 0, 0, NULL,
           "2026-10-31 23:59", "late");
  add_row (r->db, "E-9", "truc_tuyen", "2026-10-20 08:00", "2026-11-05 16:00", "result_ready", 0, 0, NULL,
           "2026-11-01 00:00", "early");
  add_row (r->db, "E-10", "truc_tuyen", "2026-09-10 08:00", "2026-10-05 16:00", "result_ready", 0, 0, NULL,
           "2026-10-01 00:00", "on_time");
  d = compute (r->db, 0);
  assert_counts (row_of (d->people, kt, duc), 1, 4, 1, 1);
  assert_counts (row_of (d->people, kt, quang), 1, 1, 0, 1);
  assert_counts (row_of (d->departments, kt, 0), 2, 6, 1, 3);
  assert_counts (row_of (d->departments, MC_DASHBOARD_NO_DEPARTMENT, 0), 1, 1, 0, 0);
  assert_counts (&d->total, 3, 7, 1, 3);
  g_assert_cmpint (((McDashboardWorkload *) d->departments->pdata[d->departments->len - 1])->department_id, ==,
                   MC_DASHBOARD_NO_DEPARTMENT);
  september = &d->months[MC_DASHBOARD_MONTHS - 3];
  october = &d->months[MC_DASHBOARD_MONTHS - 2];
  november = &d->months[MC_DASHBOARD_MONTHS - 1];
  g_assert_cmpint (november->first_day, ==, mc_test_date ("2026-11-01"));
  g_assert_cmpuint (september->received_online, ==, 1);
  g_assert_false (mc_dashboard_month_rate (september, &rate));
  g_assert_cmpuint (october->settled, ==, 2);
  g_assert_cmpuint (october->in_time, ==, 1);
  g_assert_true (mc_dashboard_month_rate (october, &rate));
  g_assert_cmpfloat (rate, ==, 0.5);
  g_assert_cmpuint (november->settled, ==, 1);
  g_assert_cmpuint (november->received_online, ==, 1);
  g_assert_cmpuint (november->received_direct, ==, 6);
  assert_months_agree (r->db, d);
  assert_workload_agrees (r, d);
  g_unsetenv ("MOTCUA_NOW");
}

/* A head sees their department only; a specialist nothing; a leader any. */
static void
test_scope (McTestRouting *r, gconstpointer data)
{
  gint64 kt = id_of (r->db, "SELECT id FROM department WHERE code = 'KT'");
  gint64 vp = id_of (r->db, "SELECT id FROM department WHERE code = 'VP'");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDashboard) head = NULL;
  g_autoptr(McDashboard) leader = NULL;
  McDashboard *refused;
  g_autofree char *json = NULL;

  g_setenv ("MOTCUA_NOW", NOW, TRUE);
  mc_db_set_actor (r->db, id_of (r->db, "SELECT id FROM staff WHERE username = 'tp.quang'"));
  head = compute (r->db, 0);
  g_assert_cmpint (head->department_id, ==, kt);
  g_assert_cmpuint (head->departments->len, ==, 1);
  refused = mc_dashboard_compute (r->db, 0, vp, 0, &error);
  g_assert_null (refused);
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_null (mc_dashboard_dossiers (r->db, head, vp, 0, MC_DASHBOARD_PROCESSING, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  mc_db_set_actor (r->db, id_of (r->db, "SELECT id FROM staff WHERE username = 'cv.duc'"));
  g_assert_null (mc_dashboard_compute (r->db, 0, 0, 0, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  mc_db_set_actor (r->db, id_of (r->db, "SELECT id FROM staff WHERE username = 'pct.nga'"));
  leader = compute (r->db, vp);
  g_assert_cmpstr (leader->department_name, !=, NULL);
  json = mc_dashboard_to_json (leader);
  g_assert_nonnull (strstr (json, "\"months\": ["));
  g_assert_nonnull (strstr (json, leader->department_name));
  mc_db_set_actor (r->db, 0);
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
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dashboard/demo", test_demo);
  g_test_add ("/dashboard/edges", McTestRouting, NULL, fixture_set_up, test_edges, fixture_tear_down);
  g_test_add ("/dashboard/scope", McTestRouting, NULL, fixture_set_up, test_scope, fixture_tear_down);
  return g_test_run ();
}
