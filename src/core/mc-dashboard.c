/* mc-dashboard.c — the figures of Tổng quan, the dashboard of heads and leaders
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each figure is one the reports or the work pages already give, counted
 * with their predicates so that a number on the dashboard is the number of
 * the list it opens and of the report for the same period:
 *
 *  - Workload: the open dossiers a department or a person holds now
 *    (dossier.current_department_id / current_staff_id, the inbox of Xử lý
 *    hồ sơ: mc_workflow_count_inbox_overdue's condition), quá hạn as
 *    mc-lateness.h defines it. "Đến hạn hôm nay" are those not overdue, not
 *    waiting for the citizen, whose appointment in force falls before the
 *    next midnight: what must be finished today. "Nhận hôm nay" counts those
 *    held and received today (a dossier received and settled within the day
 *    no longer weighs on anyone).
 *  - Months: Biểu 06a's (4), (5), (7) and (8) + (9) of each of the last
 *    twelve months, summed from the daily counters (migration 0016) with the
 *    report's own classes — the rows mc-report.c's count_daily reads, which
 *    the triggers keep within the transaction of every write. They count by
 *    local day, today as written so far (Biểu 06a at `now` reads the rest
 *    of today from the rows: the same unless a result is dated later than
 *    now, as the demo's are). The test compares every month with Biểu 06a
 *    computed from the rows.
 *  - Rates by department: the liveboard's (mc_board_stats_department_rates),
 *    dossiers settled with a timeliness by the department in charge
 *    (MC_BOARD_STATS_LEAD_SQL), month by month.
 *  - Apologies: mc_workflow_apology_counts of the year, the person flagged
 *    at the register's threshold (setting apology.threshold, default 3:
 *    "staff who cause 3 or more apologies are flagged for discipline",
 *    DOMAIN.md; the number itself is the unit's setting).
 *
 * Speed (≤ 200 ms at 1,000,000 dossiers): the workload reads the open
 * dossiers once (dossier_by_state: 28,726 at 1M), the months ≤ 366 counter
 * rows per procedure, the apologies one year of apology_by_issued.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-board-stats.h"
#include "mc-calendar-store.h"
#include "mc-dashboard.h"
#include "mc-db-private.h"
#include "mc-dossier-state.h"
#include "mc-figure-dossier.h"
#include "mc-format.h"
#include "mc-json.h"
#include "mc-lateness.h"
#include "mc-open-counts.h"
#include "mc-report-lists.h"
#include "mc-report-private.h"
#include "mc-settings.h"
#include "mc-workflow.h"

static void
workload_free (McDashboardWorkload *w)
{
  if (w == NULL)
    return;
  g_free (w->name);
  g_free (w->department_name);
  g_free (w);
}

static void
rates_free (McDashboardRates *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  g_free (r);
}

static void
apologies_free (McDashboardApologies *a)
{
  if (a == NULL)
    return;
  g_free (a->username);
  g_free (a->full_name);
  g_free (a->department_name);
  g_free (a);
}

void
mc_dashboard_free (McDashboard *d)
{
  if (d == NULL)
    return;
  g_free (d->unit_name);
  g_free (d->department_name);
  g_free (d->total.name);
  g_free (d->total.department_name);
  g_clear_pointer (&d->departments, g_ptr_array_unref);
  g_clear_pointer (&d->people, g_ptr_array_unref);
  g_clear_pointer (&d->rates, g_ptr_array_unref);
  g_clear_pointer (&d->apologies, g_ptr_array_unref);
  g_free (d);
}

static char *
column_text (McSqlStmt *stmt, int column)
{
  const char *text = mc_sql_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

/* Heads see their own department; leaders and administrators any (and the
 * tests' databases without accounts everything). */
static gboolean
resolve_scope (McDb *db, gint64 *department_id, GError **error)
{
  gint64 actor = mc_db_get_actor (db);
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(McStaff) staff = NULL;
  gint64 own;

  if (!mc_accounts_check (db, actor, MC_PERMISSION_DASHBOARD, 0, error))
    return FALSE;
  if (actor == 0)
    return TRUE;
  accounts = mc_accounts_new (db);
  staff = mc_accounts_get_staff_by_id (accounts, actor, error);
  if (staff == NULL)
    return FALSE;
  if (mc_staff_get_roles (staff) & (MC_ROLE_LEADER | MC_ROLE_ADMIN))
    return TRUE;
  own = mc_staff_get_department_id (staff);
  if (own == 0 || (*department_id != 0 && *department_id != own))
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                           _("A head of department sees the overview of their own department only"));
      return FALSE;
    }
  *department_id = own;
  return TRUE;
}

/* The condition of one workload column on a dossier row d (open, held):
 * ?1 is now, ?2 today's midnight, ?3 the next midnight. */
static char *
column_sql (McDashboardColumn column)
{
  g_autofree char *overdue = mc_lateness_sql_overdue ("?1");
  g_autofree char *appointment = mc_lateness_sql_appointment ("?1");

  switch (column)
    {
    case MC_DASHBOARD_RECEIVED_TODAY:
      return g_strdup ("d.received_at >= ?2");
    case MC_DASHBOARD_PROCESSING:
      return g_strdup ("1 = 1");  /* a boolean on PostgreSQL too */
    case MC_DASHBOARD_DUE_TODAY:
      return g_strdup_printf ("(NOT %s AND d.paused_since IS NULL AND %s < ?3)", overdue, appointment);
    case MC_DASHBOARD_OVERDUE:
      return g_steal_pointer (&overdue);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The dossiers of the scope: open, of the unit (?4), held by the
 * department ?5 (0: any, -1: none). "+d.unit_id" keeps SQLite off the
 * unit's index, which holds every dossier of the unit (1,000,000: 180 ms),
 * for the open states' (dossier_by_state: the 28,726 open, 12 ms). */
#define HOLDER_SQL \
  "+d.unit_id = ?4 AND (?5 = 0 OR (?5 = -1 AND d.current_department_id IS NULL) " \
  "OR d.current_department_id = ?5)"
#define SCOPE_SQL "d.state IN %s AND " HOLDER_SQL

static void
bind_times (McSqlStmt *stmt, McTime now, gint64 unit_id, gint64 department_id)
{
  McDate today = mc_time_get_date (now);

  mc_sql_bind_int64 (stmt, 1, now);
  mc_sql_bind_int64 (stmt, 2, mc_time_from_local (today, 0));
  mc_sql_bind_int64 (stmt, 3, mc_time_from_local (today + 1, 0));
  mc_sql_bind_int64 (stmt, 4, unit_id);
  mc_sql_bind_int64 (stmt, 5, department_id);
}

static McDashboardWorkload *
workload_new (gint64 department_id, gint64 staff_id)
{
  McDashboardWorkload *w = g_new0 (McDashboardWorkload, 1);

  w->department_id = department_id;
  w->staff_id = staff_id;
  return w;
}

static int
compare_workload (gconstpointer a, gconstpointer b)
{
  const McDashboardWorkload *x = *(McDashboardWorkload *const *) a, *y = *(McDashboardWorkload *const *) b;
  int c;

  /* The dossiers no department holds last. */
  if ((x->department_id == MC_DASHBOARD_NO_DEPARTMENT) != (y->department_id == MC_DASHBOARD_NO_DEPARTMENT))
    return x->department_id == MC_DASHBOARD_NO_DEPARTMENT ? 1 : -1;
  c = g_utf8_collate (x->department_name, y->department_name);
  return c != 0 ? c : g_utf8_collate (x->name, y->name);
}

/* The departments of the scope, every one even without a dossier: a head's
 * table always shows their own. */
static gboolean
read_departments (McDb *db, McDashboard *d, GHashTable *by_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT id, name FROM department WHERE unit_id = ?1 "
                                          "AND ((?2 = 0 AND active <> 0) OR id = ?2)", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, d->unit_id);
  mc_sql_bind_int64 (stmt, 2, d->department_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDashboardWorkload *w = workload_new (mc_sql_column_int64 (stmt, 0), 0);

      w->name = column_text (stmt, 1);
      w->department_name = g_strdup (w->name);
      g_ptr_array_add (d->departments, w);
      g_hash_table_insert (by_id, &w->department_id, w);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* A department or person's name (a department no longer active, a person
 * who left, can still hold dossiers). */
static char *
lookup_name (McDb *db, const char *sql, gint64 id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, id);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    name = column_text (stmt, 0);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    name = g_strdup ("");
  return name;
}

static McDashboardWorkload *
department_row (McDb *db, McDashboard *d, GHashTable *by_id, gint64 department_id, GError **error)
{
  McDashboardWorkload *w = g_hash_table_lookup (by_id, &department_id);

  if (w != NULL)
    return w;
  w = workload_new (department_id, 0);
  if (department_id == MC_DASHBOARD_NO_DEPARTMENT)
    w->name = g_strdup (_("Not with a department"));
  else
    w->name = lookup_name (db, "SELECT name FROM department WHERE id = ?1", department_id, error);
  if (w->name == NULL)
    {
      workload_free (w);
      return NULL;
    }
  w->department_name = g_strdup (w->name);
  g_ptr_array_add (d->departments, w);
  g_hash_table_insert (by_id, &w->department_id, w);
  return w;
}

static void
add_counts (McDashboardWorkload *w, const guint *n)
{
  for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
    w->n[k] += n[k];
}

/* One group's counts added to its department, the total and its person
 * (`people`: "department:staff" → the person's row, the same group may
 * come from several statements). */
static gboolean
add_group (McDb *db, McDashboard *d, GHashTable *by_id, GHashTable *people, gint64 department_id,
           gint64 staff_id, const guint *n, GError **error)
{
  McDashboardWorkload *dep = department_row (db, d, by_id, department_id, error);
  McDashboardWorkload *person;
  g_autofree char *key = NULL;

  if (dep == NULL)
    return FALSE;
  add_counts (dep, n);
  add_counts (&d->total, n);
  if (staff_id == 0)
    return TRUE;
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, dep->department_id, staff_id);
  person = g_hash_table_lookup (people, key);
  if (person == NULL)
    {
      person = workload_new (dep->department_id, staff_id);
      person->name = lookup_name (db, "SELECT full_name FROM staff WHERE id = ?1", staff_id, error);
      person->department_name = g_strdup (dep->name);
      g_ptr_array_add (d->people, person);
      g_hash_table_insert (people, g_steal_pointer (&key), person);
      if (person->name == NULL)
        return FALSE;
    }
  add_counts (person, n);
  return TRUE;
}

/* Runs `sql` (bound as bind_times, ?6 the local day of now) whose rows are
 * a department (-1 or 0: none), a person (0: none) and the counts of the
 * workload columns `columns` (MC_DASHBOARD_N_WORKLOAD ends the list). */
static gboolean
add_groups (McDb *db, McDashboard *d, GHashTable *by_id, GHashTable *people, const char *sql,
            const McDashboardColumn *columns, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  bind_times (stmt, d->now, d->unit_id, d->department_id);
  mc_sql_bind_int64 (stmt, 6, mc_time_get_date (d->now));
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 department_id = mc_sql_column_int64 (stmt, 0);
      guint n[MC_DASHBOARD_N_WORKLOAD] = { 0 };

      for (int k = 0; columns[k] != MC_DASHBOARD_N_WORKLOAD; k++)
        n[columns[k]] = (guint) mc_sql_column_double (stmt, 2 + k);
      if (!add_group (db, d, by_id, people, department_id > 0 ? department_id : MC_DASHBOARD_NO_DEPARTMENT,
                      mc_sql_column_int64 (stmt, 1), n, error))
        {
          step = MC_DB_STEP_ERROR;
          break;
        }
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* Every column counted on the rows of the open dossiers `where` (a
 * condition on `table` aliased d, of the scope): all of them before
 * open_due, or the few open_due leaves out. */
static gboolean
workload_from_rows (McDb *db, McDashboard *d, GHashTable *by_id, GHashTable *people, const char *table,
                    const char *where, GError **error)
{
  static const McDashboardColumn columns[] = { MC_DASHBOARD_RECEIVED_TODAY, MC_DASHBOARD_PROCESSING,
                                               MC_DASHBOARD_DUE_TODAY, MC_DASHBOARD_OVERDUE, MC_DASHBOARD_N_WORKLOAD };
  g_autofree char *received = column_sql (MC_DASHBOARD_RECEIVED_TODAY);
  g_autofree char *due = column_sql (MC_DASHBOARD_DUE_TODAY);
  g_autofree char *overdue = column_sql (MC_DASHBOARD_OVERDUE);
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (d.current_department_id, -1), "
                                          "coalesce (d.current_staff_id, 0), total (%s), count (*), "
                                          "total (%s), total (%s) FROM %s WHERE %s AND " HOLDER_SQL
                                          " AND ?6 = ?6 GROUP BY 1, 2", received, due, overdue, table, where);

  return add_groups (db, d, by_id, people, sql, columns, error);
}

/* The workload from open_due (migration 0031, mc-open-counts.h) for the
 * running dossiers: đang xử lý the days summed, quá hạn the days before
 * today's and today's part up to now from dossier_running_due, đến hạn hôm
 * nay the rest of today's from the same index, nhận hôm nay today's
 * receptions from dossier_open_by_received; the other open dossiers
 * (paused, apologised) row by row. The cost is days and holders, not open
 * dossiers (issue 15: 143,963 at 5,000,000). */
static gboolean
workload_kept (McDb *db, McDashboard *d, GHashTable *by_id, GHashTable *people, GError **error)
{
  static const McDashboardColumn table_columns[] = { MC_DASHBOARD_PROCESSING, MC_DASHBOARD_OVERDUE,
                                                     MC_DASHBOARD_N_WORKLOAD };
  static const McDashboardColumn today_columns[] = { MC_DASHBOARD_OVERDUE, MC_DASHBOARD_DUE_TODAY,
                                                     MC_DASHBOARD_N_WORKLOAD };
  static const McDashboardColumn received_columns[] = { MC_DASHBOARD_RECEIVED_TODAY, MC_DASHBOARD_N_WORKLOAD };
  g_autofree char *running = mc_open_counts_running_sql (db);
  g_autofree char *table = g_strdup (
    "SELECT department_id, staff_id, sum (n), sum (CASE WHEN day < ?6 THEN n ELSE 0 END) FROM open_due "
    "WHERE unit_id = ?4 AND kind = 0 AND (?5 = 0 OR department_id = CASE WHEN ?5 = -1 THEN 0 ELSE ?5 END) "
    "AND ?1 = ?1 AND ?2 = ?2 AND ?3 = ?3 GROUP BY department_id, staff_id");
  g_autofree char *today = g_strdup_printf (
    "SELECT coalesce (d.current_department_id, -1), coalesce (d.current_staff_id, 0), "
    "sum (CASE WHEN d.due_at < ?1 THEN 1 ELSE 0 END), sum (CASE WHEN d.due_at >= ?1 THEN 1 ELSE 0 END) "
    "FROM dossier d WHERE %s AND d.due_at >= ?2 AND d.due_at < ?3 AND " HOLDER_SQL " "
    "AND ?6 = ?6 GROUP BY 1, 2", running);
  g_autofree char *received = g_strdup_printf (
    "SELECT coalesce (d.current_department_id, -1), coalesce (d.current_staff_id, 0), count (*) "
    "FROM dossier d WHERE %s AND d.received_at >= ?2 AND " HOLDER_SQL " "
    "AND ?1 = ?1 AND ?3 = ?3 AND ?6 = ?6 GROUP BY 1, 2", running);

  return add_groups (db, d, by_id, people, table, table_columns, error)
         && add_groups (db, d, by_id, people, today, today_columns, error)
         && add_groups (db, d, by_id, people, received, received_columns, error)
         && workload_from_rows (db, d, by_id, people, mc_open_counts_other_table (db), mc_open_counts_other_sql (db),
                                error);
}

static gboolean
compute_workload (McDb *db, McDashboard *d, gboolean from_rows, GError **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *open = g_strdup_printf ("d.state IN %s", mc_dossier_state_open_sql ());
  gboolean kept = FALSE;

  d->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) workload_free);
  d->people = g_ptr_array_new_with_free_func ((GDestroyNotify) workload_free);
  d->total.name = g_strdup ("");
  d->total.department_name = g_strdup ("");
  if (!read_departments (db, d, by_id, error) || (!from_rows && !mc_open_counts_apply (db, d->now, &kept, error)))
    return FALSE;
  if (kept ? !workload_kept (db, d, by_id, people, error)
           : !workload_from_rows (db, d, by_id, people, "dossier d", open, error))
    return FALSE;
  g_ptr_array_sort (d->departments, compare_workload);
  g_ptr_array_sort (d->people, compare_workload);
  return TRUE;
}

/* The first days of the twelve months ending with the month of `now`. */
static void
set_months (McDashboard *d)
{
  int year, month, day;

  mc_date_to_ymd (mc_time_get_date (d->now), &year, &month, &day);
  for (int i = MC_DASHBOARD_MONTHS - 1; i >= 0; i--)
    {
      d->months[i].first_day = mc_date_from_ymd (year, month, 1);
      if (--month == 0)
        {
          month = 12;
          year--;
        }
    }
}

static int
month_of (const McDashboard *d, McDate day)
{
  for (int i = MC_DASHBOARD_MONTHS - 1; i >= 0; i--)
    if (day >= d->months[i].first_day)
      return i;
  return -1;
}

static McDashboardRates *
rates_row (McDb *db, McDashboard *d, GHashTable *by_id, gint64 department_id, GError **error)
{
  McDashboardRates *r = g_hash_table_lookup (by_id, &department_id);

  if (r != NULL)
    return r;
  r = g_new0 (McDashboardRates, 1);
  r->department_id = department_id;
  r->name = lookup_name (db, "SELECT name FROM department WHERE id = ?1", department_id, error);
  if (r->name == NULL)
    {
      g_free (r);
      return NULL;
    }
  g_ptr_array_add (d->rates, r);
  g_hash_table_insert (by_id, &r->department_id, r);
  return r;
}

static int
compare_rates (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate ((*(McDashboardRates *const *) a)->name, (*(McDashboardRates *const *) b)->name);
}

/* The daily counters of the twelve months, today's included (the triggers
 * keep them in the transaction of every write), by day and department in
 * charge; a department's scope keeps its procedures only. */
static gboolean
compute_months (McDb *db, McDashboard *d, GError **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  McSqlStmt *stmt = mc_db_prepare (db, MC_BOARD_STATS_LEAD_SQL
      "SELECT s.day, coalesce (l.department_id, 0), sum (s.received_online), sum (s.received_direct), "
      "sum (s.settled_early + s.settled_on_time), sum (s.settled_late), sum (s.timed), sum (s.timed_in_time) "
      "FROM daily_stat s LEFT JOIN lead l ON l.procedure_id = s.procedure_id "
      "WHERE s.unit_id = ?1 AND s.day >= ?2 AND s.day < ?3 AND (?4 = 0 OR l.department_id = ?4) "
      "GROUP BY s.day, l.department_id", error);
  McDbStep step;

  d->rates = g_ptr_array_new_with_free_func ((GDestroyNotify) rates_free);
  if (stmt == NULL)
    return FALSE;
  set_months (d);
  mc_sql_bind_int64 (stmt, 1, d->unit_id);
  mc_sql_bind_int64 (stmt, 2, d->months[0].first_day);
  mc_sql_bind_int64 (stmt, 3, mc_time_get_date (d->now) + 1);
  mc_sql_bind_int64 (stmt, 4, d->department_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      int i = month_of (d, (McDate) mc_sql_column_int64 (stmt, 0));
      gint64 department_id = mc_sql_column_int64 (stmt, 1);
      McDashboardMonth *m = &d->months[i];
      guint in_time = (guint) mc_sql_column_int64 (stmt, 4);
      guint timed = (guint) mc_sql_column_int64 (stmt, 6);

      m->received_online += (guint) mc_sql_column_int64 (stmt, 2);
      m->received_direct += (guint) mc_sql_column_int64 (stmt, 3);
      m->in_time += in_time;
      m->settled += in_time + (guint) mc_sql_column_int64 (stmt, 5);
      if (department_id != 0 && timed > 0)
        {
          McDashboardRates *r = rates_row (db, d, by_id, department_id, error);

          if (r == NULL)
            break;
          r->settled[i] += timed;
          r->in_time[i] += (guint) mc_sql_column_int64 (stmt, 7);
        }
    }
  mc_sql_reset (stmt);
  if (step != MC_DB_STEP_DONE)
    return FALSE;
  g_ptr_array_sort (d->rates, compare_rates);
  return TRUE;
}

static gboolean
compute_apologies (McDb *db, McDashboard *d, GError **error)
{
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, error);
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  int threshold, month, day;

  if (calendar == NULL || !mc_settings_get_int (db, "apology.threshold", &threshold, error))
    return FALSE;
  workflow = mc_workflow_new (db, calendar);
  mc_date_to_ymd (mc_time_get_date (d->now), &d->apology_year, &month, &day);
  d->apology_threshold = (guint) threshold;
  counts = mc_workflow_apology_counts (workflow, d->apology_year, 1, error);
  if (counts == NULL)
    return FALSE;
  d->apologies = g_ptr_array_new_with_free_func ((GDestroyNotify) apologies_free);
  for (guint i = 0; i < counts->len; i++)
    {
      McApologyCount *c = counts->pdata[i];
      McDashboardApologies *a;

      /* A head's dashboard: the people of their department. */
      if (d->department_name != NULL && g_strcmp0 (c->department_name, d->department_name) != 0)
        continue;
      a = g_new0 (McDashboardApologies, 1);
      a->username = g_strdup (c->username);
      a->full_name = g_strdup (c->full_name);
      a->department_name = g_strdup (c->department_name);
      a->count = c->count;
      a->flagged = c->count >= d->apology_threshold;
      g_ptr_array_add (d->apologies, a);
    }
  return TRUE;
}

McDashboard *
mc_dashboard_compute (McDb *db, gint64 unit_id, gint64 department_id, McTime now, GError **error)
{
  return mc_dashboard_compute_how (db, unit_id, department_id, now, FALSE, error);
}

McDashboard *
mc_dashboard_compute_how (McDb *db, gint64 unit_id, gint64 department_id, McTime now, gboolean from_rows,
                          GError **error)
{
  g_autoptr(McDashboard) d = NULL;
  g_autofree char *level = NULL;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if (!resolve_scope (db, &department_id, error))
    return NULL;
  d = g_new0 (McDashboard, 1);
  d->now = now != 0 ? now : mc_time_now ();
  d->unit_id = unit_id != 0 ? unit_id : mc_report_own_unit (db, error);
  d->department_id = department_id;
  if (d->unit_id == 0 || !mc_report_unit_name (db, d->unit_id, &d->unit_name, &level, error))
    return NULL;
  if (department_id != 0)
    {
      d->department_name = lookup_name (db, "SELECT name FROM department WHERE id = ?1", department_id, error);
      if (d->department_name == NULL)
        return NULL;
    }
  if (!compute_workload (db, d, from_rows, error) || !compute_months (db, d, error) || !compute_apologies (db, d, error))
    return NULL;
  return g_steal_pointer (&d);
}

GListModel *
mc_dashboard_dossiers (McDb *db, const McDashboard *dashboard, gint64 department_id, gint64 staff_id,
                       McDashboardColumn column, GError **error)
{
  g_autofree char *condition = NULL, *scope = NULL, *sql = NULL;
  g_autofree char *appointment = mc_lateness_sql_appointment ("?1");
  g_autoptr(GListStore) items = NULL;
  gint64 scope_department = dashboard->department_id;
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (column < MC_DASHBOARD_N_WORKLOAD, NULL);

  if (!resolve_scope (db, &scope_department, error))
    return NULL;
  if (department_id != 0 && scope_department != 0 && department_id != scope_department)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                           _("A head of department sees the overview of their own department only"));
      return NULL;
    }
  condition = column_sql (column);
  scope = g_strdup_printf (SCOPE_SQL, mc_dossier_state_open_sql ());
  sql = g_strdup_printf ("SELECT d.code, coalesce (d.applicant_name, ''), p.name, d.received_at, 0 "
                         "FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
                         "WHERE %s AND %s AND (?6 = 0 OR d.current_staff_id = ?6) ORDER BY %s, d.id",
                         scope, condition, appointment);
  stmt = mc_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_times (stmt, dashboard->now, dashboard->unit_id, department_id != 0 ? department_id : scope_department);
  mc_sql_bind_int64 (stmt, 6, staff_id);
  items = g_list_store_new (MC_TYPE_FIGURE_DOSSIER);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      g_autoptr(McFigureDossier) item = mc_figure_dossier_new (mc_sql_column_text (stmt, 0),
                                                               mc_sql_column_text (stmt, 1),
                                                               mc_sql_column_text (stmt, 2),
                                                               mc_sql_column_int64 (stmt, 3), 0);

      g_list_store_append (items, item);
    }
  mc_sql_reset (stmt);
  if (step != MC_DB_STEP_DONE)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&items));
}

gboolean
mc_dashboard_month_rate (const McDashboardMonth *month, double *rate)
{
  if (month->settled == 0)
    return FALSE;
  *rate = (double) month->in_time / month->settled;
  return TRUE;
}

const char *
mc_dashboard_column_title (McDashboardColumn column)
{
  switch (column)
    {
    case MC_DASHBOARD_RECEIVED_TODAY:
      return _("Received today");
    case MC_DASHBOARD_PROCESSING:
      return _("Being processed");
    case MC_DASHBOARD_DUE_TODAY:
      return _("Due today");
    case MC_DASHBOARD_OVERDUE:
      return _("Overdue");
    default:
      g_return_val_if_reached ("");
    }
}

char *
mc_dashboard_month_label (const McDashboardMonth *month)
{
  int year, m, day;

  mc_date_to_ymd (month->first_day, &year, &m, &day);
  return g_strdup_printf ("%02d/%d", m, year);
}

/* JSON */

static void
json_workload (GString *out, const McDashboardWorkload *w)
{
  g_string_append (out, "{\"department_id\": ");
  g_string_append_printf (out, "%" G_GINT64_FORMAT ", \"staff_id\": %" G_GINT64_FORMAT ", \"name\": ",
                          w->department_id, w->staff_id);
  mc_json_append_string (out, w->name);
  g_string_append (out, ", \"department\": ");
  mc_json_append_string (out, w->department_name);
  g_string_append_printf (out, ", \"received_today\": %u, \"processing\": %u, \"due_today\": %u, \"overdue\": %u}",
                          w->n[MC_DASHBOARD_RECEIVED_TODAY], w->n[MC_DASHBOARD_PROCESSING],
                          w->n[MC_DASHBOARD_DUE_TODAY], w->n[MC_DASHBOARD_OVERDUE]);
}

static void
json_workloads (GString *out, const char *name, GPtrArray *rows)
{
  g_string_append_printf (out, ",\n  \"%s\": [", name);
  for (guint i = 0; i < rows->len; i++)
    {
      g_string_append (out, i ? ",\n    " : "\n    ");
      json_workload (out, rows->pdata[i]);
    }
  g_string_append (out, "]");
}

char *
mc_dashboard_to_json (const McDashboard *d)
{
  GString *out = g_string_new ("{\n  \"unit\": ");
  g_autofree char *now = mc_time_to_iso (d->now);

  mc_json_append_string (out, d->unit_name);
  g_string_append (out, ",\n  \"department\": ");
  if (d->department_name != NULL)
    mc_json_append_string (out, d->department_name);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"at\": ");
  mc_json_append_string (out, now);
  g_string_append (out, ",\n  \"total\": ");
  json_workload (out, &d->total);
  json_workloads (out, "departments", d->departments);
  json_workloads (out, "people", d->people);
  g_string_append (out, ",\n  \"months\": [");
  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    {
      const McDashboardMonth *m = &d->months[i];
      g_autofree char *first = mc_date_to_iso (m->first_day);

      g_string_append_printf (out, "%s{\"month\": \"%.7s\", \"received_online\": %u, \"received_direct\": %u, "
                              "\"settled\": %u, \"in_time\": %u}", i ? ",\n    " : "\n    ", first,
                              m->received_online, m->received_direct, m->settled, m->in_time);
    }
  g_string_append (out, "],\n  \"rates\": [");
  for (guint i = 0; i < d->rates->len; i++)
    {
      const McDashboardRates *r = d->rates->pdata[i];

      g_string_append (out, i ? ",\n    {\"department\": " : "\n    {\"department\": ");
      mc_json_append_string (out, r->name);
      g_string_append (out, ", \"settled\": [");
      for (int k = 0; k < MC_DASHBOARD_MONTHS; k++)
        g_string_append_printf (out, "%s%u", k ? ", " : "", r->settled[k]);
      g_string_append (out, "], \"in_time\": [");
      for (int k = 0; k < MC_DASHBOARD_MONTHS; k++)
        g_string_append_printf (out, "%s%u", k ? ", " : "", r->in_time[k]);
      g_string_append (out, "]}");
    }
  g_string_append_printf (out, "],\n  \"apology_year\": %d, \"apology_threshold\": %u,\n  \"apologies\": [",
                          d->apology_year, d->apology_threshold);
  for (guint i = 0; i < d->apologies->len; i++)
    {
      const McDashboardApologies *a = d->apologies->pdata[i];

      g_string_append (out, i ? ",\n    {\"username\": " : "\n    {\"username\": ");
      mc_json_append_string (out, a->username);
      g_string_append (out, ", \"name\": ");
      mc_json_append_string (out, a->full_name);
      g_string_append (out, ", \"department\": ");
      mc_json_append_string (out, a->department_name);
      g_string_append_printf (out, ", \"count\": %u, \"flagged\": %s}", a->count, a->flagged ? "true" : "false");
    }
  g_string_append (out, "]\n}\n");
  return g_string_free (out, FALSE);
}
