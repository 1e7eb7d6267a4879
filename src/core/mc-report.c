/* mc-report.c — the figures of Biểu số 06a/VPCP/KSTT
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The semantics, one place for all of them (TT 01/2020/TT-VPCP; Thanh Hóa's
 * annotations of the form; legal.md §3):
 *
 *  - The period is [from 00:00, to+1 00:00) Vietnam time, t0 … t1 below;
 *    a period not over yet ends now (mc_report_bounds_at).
 *  - A dossier belongs to the unit in dossier.unit_id (0: the unit whose
 *    relation is 'self') and to the field (lĩnh vực) of its procedure.
 *  - (4) trực tuyến / (5) trực tiếp + bưu chính: received in [t0, t1).
 *  - (6) từ kỳ trước: received before t0 and not finished at t0
 *    (finished_at IS NULL or finished_at >= t0).
 *  - (3) = (4) + (5) + (6).
 *  - (7) đã giải quyết: among (3), finished in [t0, t1). Since a dossier is
 *    finished after it is received, that is exactly every dossier finished in
 *    [t0, t1). (8) trước hạn and (10) quá hạn are dossier.timeliness 'early'
 *    and 'late' of the dossiers with a result (outcome 'approved'); (9) đúng
 *    hạn is the rest: 'on_time', and the dossiers settled as 'unqualified' or
 *    'withdrawn' ("Đúng hạn (Bao gồm cả hồ sơ chờ Bổ sung và Trả lại/Xin
 *    rút)"), so (7) = (8) + (9) + (10) by construction.
 *  - (11) đang giải quyết: among (3), not finished at t1 (finished_at IS NULL
 *    or >= t1). (13) quá hạn: quá hạn at t1 as mc-lateness.h defines it
 *    for every screen (the appointment in force at t1 — an apology's new
 *    one once issued — passed on the dossier's clock, which stands still
 *    while it is paused); (12) trong hạn: the rest. A dossier finished
 *    since t1 is no longer paused, and its due_at already holds the pauses
 *    it had.
 *  - (3) = (7) + (11): every dossier of (3) either finished in the period or
 *    is still open at its end.
 *
 * Speed (≤ 150 ms for a year over 1,000,000 dossiers): no figure is a sum of
 * expressions over rows, which SQLite evaluates at ~0.5 µs a row. Each is a
 * count of an index range: per procedure and channel over received_at
 * (dossier_report_received), per procedure, timeliness and outcome over
 * finished_at (dossier_report_settled). The dossiers open at an instant t
 * ((6) at t0, (11) at t1) are few: the unfinished ones come from a partial
 * index of open dossiers, the ones finished after t from the received_at
 * range [t − longest processing time, t), the longest time read in O(log n)
 * from an index on finished_at − received_at (migration 0005), or, when
 * few dossiers finished after t (t is now: the liveboard), from the
 * finished_at index. Procedures are then mapped to their fields here, in C.
 *
 * Daily counters (issue 15: the liveboard reloads at every commit): (4),
 * (5) and (8)–(10) of the period's whole local days are sums over the rows
 * of daily_stat (migration 0016: ≤ 366 a procedure for a year; its whole
 * months from month_stat, 0036: 12), which triggers on dossier keep in
 * the transaction of every write, with the
 * predicates of count_received and count_settled; the rest of a day that is
 * not over (a period ending now) is counted from the dossier rows as above.
 * MC_REPORT_06A_FULL counts everything from the rows: test-daily-stat
 * checks that both agree after every kind of write.
 *
 * (6) is not counted but derived from (3) = (7) + (11) (derive_carried,
 * with count_backwards for rows finished before they were received): the
 * dossiers open at t0 cost a read of every dossier received in the longest
 * processing time before t0 (on PostgreSQL at 1,000,000 dossiers, 67–217
 * ms of a year's 340–388), whereas (7) and (11) are counted anyway. FULL and
 * COUNTERS without CARRIED_DERIVED still count it: the reference.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-calendar-store.h"
#include "mc-db-private.h"
#include "mc-lateness.h"
#include "mc-report.h"
#include "mc-report-private.h"
#include "mc-report-rules.h"

typedef struct {
  McDb       *db;
  gint64      unit_id;
  McTime      t0, t1;
  gint64      span;       /* the longest finished_at − received_at */
  GHashTable *procedures; /* procedure id → guint[MC_06A_N_COLUMNS] */
  gboolean    full;       /* MC_REPORT_06A_FULL: the plans before the counters */
} Compute;

/* The whole local days [d0, d1) of the period, read from the daily
 * counters, and the rest [t_rest, t1), read from the dossier rows: t0 is a
 * midnight, t1 a midnight or, for a period not over yet, now. */
typedef struct {
  McDate d0, d1;
  McTime t_rest;
} Split;

static guint *
counts_of (Compute *c, gint64 procedure_id)
{
  guint *counts = g_hash_table_lookup (c->procedures, &procedure_id);

  if (counts == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = procedure_id;
      counts = g_new0 (guint, MC_06A_N_COLUMNS);
      g_hash_table_insert (c->procedures, key, counts);
    }
  return counts;
}

static gint64
own_unit (McDb *db, GError **error)
{
  gint64 id = mc_db_query_int (db, "SELECT coalesce ((SELECT id FROM unit WHERE relation = 'self' "
                                   "ORDER BY id LIMIT 1), 0)", error);

  if (id == 0 && error && *error == NULL)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The center's own unit is not set"));
  return id;
}

static gint64
longest_processing (McDb *db, GError **error)
{
  /* Served by the expression index dossier_report_span. */
  return mc_db_query_int (db, "SELECT coalesce (max (finished_at - received_at), 0) FROM dossier "
                              "WHERE finished_at IS NOT NULL", error);
}

/* (4) and (5): received in [t0, t1), per procedure and channel. */
static gboolean
count_received (Compute *c, McTime t0, McTime t1, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (c->db,
      "SELECT p.id, ch.column1 = 'truc_tuyen', (SELECT count (*) FROM dossier d INDEXED BY "
      "dossier_report_received WHERE d.unit_id = ?1 AND d.procedure_id = p.id AND d.channel = ch.column1 "
      "AND d.received_at >= ?2 AND d.received_at < ?3) "
      "FROM procedure p, (VALUES ('truc_tiep'), ('buu_chinh'), ('truc_tuyen')) ch", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, c->unit_id);
  mc_sql_bind_int64 (stmt, 2, t0);
  mc_sql_bind_int64 (stmt, 3, t1);
  while ((step = mc_db_step_row (c->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      guint n = (guint) mc_sql_column_int64 (stmt, 2);

      if (n > 0)
        counts_of (c, mc_sql_column_int64 (stmt, 0))[mc_sql_column_int (stmt, 1) ? MC_06A_ONLINE : MC_06A_DIRECT] += n;
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* (8), (9), (10): finished in [t0, t1), per procedure, timeliness and
 * outcome (NULLs included, so nothing finished can be missed). */
static gboolean
count_settled (Compute *c, McTime t0, McTime t1, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (c->db,
      "SELECT p.id, t.column1, o.column1, (SELECT count (*) FROM dossier d INDEXED BY dossier_report_settled "
      "WHERE d.unit_id = ?1 AND d.procedure_id = p.id AND d.timeliness IS NOT DISTINCT FROM t.column1 "
      "AND d.outcome IS NOT DISTINCT FROM o.column1 AND d.finished_at >= ?2 AND d.finished_at < ?3) "
      "FROM procedure p, (VALUES (NULL), ('early'), ('on_time'), ('late')) t, "
      "(VALUES (NULL), ('approved'), ('unqualified'), ('withdrawn')) o", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, c->unit_id);
  mc_sql_bind_int64 (stmt, 2, t0);
  mc_sql_bind_int64 (stmt, 3, t1);
  while ((step = mc_db_step_row (c->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      guint n = (guint) mc_sql_column_int64 (stmt, 3);
      guint *counts = n > 0 ? counts_of (c, mc_sql_column_int64 (stmt, 0)) : NULL;
      const char *timeliness = mc_sql_column_text (stmt, 1);
      const char *outcome = mc_sql_column_text (stmt, 2);
      gboolean has_result = outcome == NULL || g_str_equal (outcome, "approved");

      if (n == 0)
        continue;
      if (has_result && g_strcmp0 (timeliness, "early") == 0)
        counts[MC_06A_EARLY] += n;
      else if (has_result && g_strcmp0 (timeliness, "late") == 0)
        counts[MC_06A_LATE] += n;
      else
        counts[MC_06A_ON_TIME] += n;
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* (4), (5) and, when `settled`, (8)–(10) of the whole days [d0, d1) from
 * the daily counters (migration 0016), which the dossier triggers keep with
 * the predicates of count_received and count_settled above: the whole
 * months [m0, m1) of it from their sums (month_stat, migration 0036: 12
 * rows a procedure for a year instead of 365), the days before m0 and from
 * m1 on from daily_stat. */
#define COUNTER_SUMS "sum (received_online), sum (received_direct), sum (settled_early), sum (settled_on_time), " \
                     "sum (settled_late)"

/* The first day of the month of `date`, or of the next month if `next`
 * and `date` is not a first day. */
static McDate
month_start (McDate date, gboolean next)
{
  int y, m, d;

  mc_date_to_ymd (date, &y, &m, &d);
  if (d == 1 || !next)
    return mc_date_from_ymd (y, m, 1);
  return m == 12 ? mc_date_from_ymd (y + 1, 1, 1) : mc_date_from_ymd (y, m + 1, 1);
}

static gboolean
count_daily (Compute *c, McDate d0, McDate d1, gboolean settled, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (c->db,
      "SELECT procedure_id, " COUNTER_SUMS " FROM (SELECT procedure_id, received_online, received_direct, "
      "settled_early, settled_on_time, settled_late FROM month_stat WHERE unit_id = ?1 AND month >= ?4 AND month < ?5 "
      "UNION ALL SELECT procedure_id, received_online, received_direct, settled_early, settled_on_time, settled_late "
      "FROM daily_stat WHERE unit_id = ?1 AND day >= ?2 AND day < ?4 "
      "UNION ALL SELECT procedure_id, received_online, received_direct, settled_early, settled_on_time, settled_late "
      "FROM daily_stat WHERE unit_id = ?1 AND day >= ?5 AND day < ?3) AS counted GROUP BY procedure_id", error);
  McDate m0 = month_start (d0, TRUE), m1 = month_start (d1, FALSE);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  if (m0 >= m1)  /* no whole month: every day from daily_stat */
    m0 = m1 = d1;
  mc_sql_bind_int64 (stmt, 1, c->unit_id);
  mc_sql_bind_int64 (stmt, 2, d0);
  mc_sql_bind_int64 (stmt, 3, d1);
  mc_sql_bind_int64 (stmt, 4, m0);
  mc_sql_bind_int64 (stmt, 5, m1);
  while ((step = mc_db_step_row (c->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      static const McReport06aColumn columns[] = { MC_06A_ONLINE, MC_06A_DIRECT, MC_06A_EARLY,
                                                   MC_06A_ON_TIME, MC_06A_LATE };
      guint *counts = NULL;

      for (guint i = 0; i < (settled ? G_N_ELEMENTS (columns) : 2); i++)
        {
          guint n = (guint) mc_sql_column_int64 (stmt, 1 + i);

          if (n == 0)
            continue;
          if (counts == NULL)
            counts = counts_of (c, mc_sql_column_int64 (stmt, 0));
          counts[columns[i]] += n;
        }
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* The period's whole local days and the part of a day left at its end. */
static Split
split_period (const Compute *c, gboolean by_counters)
{
  McDate d0 = mc_time_get_date (c->t0), d1 = mc_time_get_date (c->t1);
  Split split = { d0, d0, c->t0 };

  if (by_counters && d1 > d0)
    {
      split.d1 = d1;
      split.t_rest = mc_time_from_local (d1, 0);
    }
  return split;
}

/* (4), (5) and, under the default rules, (8)–(10). */
static gboolean
count_in_period (Compute *c, gboolean default_rules, gboolean by_counters, GError **error)
{
  Split split = split_period (c, by_counters);

  if (split.d1 > split.d0 && !count_daily (c, split.d0, split.d1, default_rules, error))
    return FALSE;
  if (split.t_rest < c->t1 &&
      (!count_received (c, split.t_rest, c->t1, error) ||
       (default_rules && !count_settled (c, split.t_rest, c->t1, error))))
    return FALSE;
  return TRUE;
}

/* Under rules other than the defaults (mc-report-rules.c) a settled
 * dossier's column depends on more than its stored timeliness, so it is
 * decided here, one dossier at a time: the columns selected are those of
 * SETTLED_ROW from `first` on. */
#define SETTLED_ROW(at) "d.outcome, d.timeliness, d.finished_at, d.returned_at, " at

static McReport06aColumn
timeliness_column (McTimeliness timeliness)
{
  return timeliness == MC_TIMELINESS_EARLY ? MC_06A_EARLY
         : timeliness == MC_TIMELINESS_LATE ? MC_06A_LATE : MC_06A_ON_TIME;
}

static McReport06aColumn
settled_column (const McReportRules *rules, McCalendar *calendar, McSqlStmt *stmt, int first)
{
  const char *outcome = mc_sql_column_text (stmt, first);
  const char *timeliness = mc_sql_column_text (stmt, first + 1);
  McTime finished = mc_sql_column_int64 (stmt, first + 2);
  McTime returned = mc_sql_column_type (stmt, first + 3) == MC_SQL_NULL ? 0 : mc_sql_column_int64 (stmt, first + 3);
  McTime appointment = mc_sql_column_int64 (stmt, first + 4);
  gboolean result = outcome == NULL || g_str_equal (outcome, "approved");

  if (!result && rules->unsettled_on_time)
    return MC_06A_ON_TIME;
  if (rules->by_return && returned != 0)
    return timeliness_column (mc_calendar_classify (calendar, returned, appointment));
  if (timeliness == NULL)  /* a withdrawal: no result, no session to be early in */
    return !result && finished > appointment ? MC_06A_LATE : MC_06A_ON_TIME;
  return g_str_equal (timeliness, "early") ? MC_06A_EARLY
         : g_str_equal (timeliness, "late") ? MC_06A_LATE : MC_06A_ON_TIME;
}

/* The appointment in force when the class is decided (an apology's new one
 * once issued), as SQL. */
static char *
settled_appointment (const McReportRules *rules)
{
  return mc_lateness_sql_appointment (rules->by_return ? "coalesce (d.returned_at, d.finished_at)" : "d.finished_at");
}

/* (8), (9), (10) under rules other than the defaults. */
static gboolean
count_settled_by_rules (Compute *c, const McReportRules *rules, GError **error)
{
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (c->db, error);
  g_autofree char *appointment = settled_appointment (rules);
  g_autofree char *sql = g_strdup_printf ("SELECT d.procedure_id, " SETTLED_ROW ("%s") " FROM dossier d "
                                          "WHERE d.unit_id = ?1 AND d.finished_at >= ?2 AND d.finished_at < ?3",
                                          appointment);
  McSqlStmt *stmt;
  McDbStep step;

  if (calendar == NULL || (stmt = mc_db_prepare (c->db, sql, error)) == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, c->unit_id);
  mc_sql_bind_int64 (stmt, 2, c->t0);
  mc_sql_bind_int64 (stmt, 3, c->t1);
  while ((step = mc_db_step_row (c->db, stmt, error)) == MC_DB_STEP_ROW)
    counts_of (c, mc_sql_column_int64 (stmt, 0))[settled_column (rules, calendar, stmt, 1)]++;
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* Whether few dossiers (at most FEW_FINISHED_AFTER) finished at or after
 * t, counted from the finished_at index up to that bound; -1 on error. */
#define FEW_FINISHED_AFTER 5000

/* The parts of count_open_at, %s being the overdue condition at ?2. */
#define OPEN_UNFINISHED \
  "SELECT d.procedure_id, count (*), total (NOT %s) " \
  "FROM dossier d INDEXED BY dossier_report_open WHERE d.unit_id = ?1 AND d.finished_at IS NULL " \
  "AND d.received_at < ?2 GROUP BY d.procedure_id "
#define OPEN_FINISHED_AFTER_BY_FINISHED \
  "SELECT d.procedure_id, count (*), total (NOT %s) FROM dossier d INDEXED BY dossier_by_finished " \
  "WHERE d.finished_at >= ?2 AND d.received_at < ?2 AND d.unit_id = ?1 AND ?3 NOTNULL GROUP BY d.procedure_id"
#define OPEN_FINISHED_AFTER_BY_RECEIVED \
  "SELECT q.id, count (*), total (NOT %s) FROM procedure q CROSS JOIN (VALUES ('truc_tiep'), " \
  "('buu_chinh'), ('truc_tuyen')) ch CROSS JOIN dossier d INDEXED BY dossier_report_received " \
  "WHERE d.unit_id = ?1 AND d.procedure_id = q.id AND d.channel = ch.column1 AND d.received_at >= ?3 " \
  "AND d.received_at < ?2 AND d.finished_at >= ?2 GROUP BY q.id"

static int
few_finished_after (Compute *c, McTime t, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (c->db, "SELECT count (*) FROM (SELECT 1 FROM dossier INDEXED BY "
                                             "dossier_by_finished WHERE finished_at >= ?1 LIMIT ?2) AS few", error);
  gint64 n;

  if (stmt == NULL)
    return -1;
  mc_sql_bind_int64 (stmt, 1, t);
  mc_sql_bind_int64 (stmt, 2, FEW_FINISHED_AFTER + 1);
  if (mc_db_step_row (c->db, stmt, error) != MC_DB_STEP_ROW)
    {
      mc_sql_reset (stmt);
      return -1;
    }
  n = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return n <= FEW_FINISHED_AFTER;
}

/* The dossiers open at instant t: received before t and not finished
 * before t, per procedure; `in_time` counts those not quá hạn at t. The
 * appointment and the pause are read from the rows of the few open ones. */
static gboolean
count_open_at (Compute *c, McTime t, int total_column, int in_time_column, GError **error)
{
  /* (6) needs no split: without one, the rows are read from the index alone. */
  g_autofree char *overdue = in_time_column > 0 ? mc_lateness_sql_overdue ("?2") : g_strdup ("TRUE");
  g_autofree char *sql = NULL;
  McSqlStmt *stmt;
  McDbStep step;
  int few = c->full ? 0 : few_finished_after (c, t, error);

  if (few < 0)
    return FALSE;
  /* The ones finished after t: from the finished_at index when t is recent
   * (the liveboard's now: hardly any), else from the received_at range
   * [t − longest processing time, t). */
  sql = few ? g_strdup_printf (OPEN_UNFINISHED "UNION ALL " OPEN_FINISHED_AFTER_BY_FINISHED, overdue, overdue)
            : g_strdup_printf (OPEN_UNFINISHED "UNION ALL " OPEN_FINISHED_AFTER_BY_RECEIVED, overdue, overdue);
  stmt = mc_db_prepare (c->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, c->unit_id);
  mc_sql_bind_int64 (stmt, 2, t);
  mc_sql_bind_int64 (stmt, 3, t - c->span);
  while ((step = mc_db_step_row (c->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      guint *counts = counts_of (c, mc_sql_column_int64 (stmt, 0));

      counts[total_column] += (guint) mc_sql_column_int64 (stmt, 1);
      if (in_time_column > 0)
        counts[in_time_column] += (guint) mc_sql_column_double (stmt, 2);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

static void
complete_row (guint *c)
{
  c[MC_06A_RECEIVED] = c[MC_06A_ONLINE] + c[MC_06A_DIRECT] + c[MC_06A_CARRIED];
  c[MC_06A_SETTLED] = c[MC_06A_EARLY] + c[MC_06A_ON_TIME] + c[MC_06A_LATE];
  c[MC_06A_PENDING_LATE] = c[MC_06A_PENDING] - c[MC_06A_PENDING_IN_TIME];
}

static void
row_free (gpointer data)
{
  McReport06aRow *row = data;

  g_free (row->field_name);
  g_free (row);
}

/* One row per field in field.sort_order, name; the procedures' counts are
 * added to their field's row. */
static gboolean
build_rows (Compute *c, McReport06a *report, gboolean only_with_dossiers, GError **error)
{
  g_autoptr(GHashTable) by_field = g_hash_table_new (g_int64_hash, g_int64_equal);
  McSqlStmt *stmt = mc_db_prepare (c->db, "SELECT f.id, f.name, p.id FROM field f LEFT JOIN procedure p "
                                             "ON p.field_id = f.id ORDER BY f.sort_order, f.name, f.id", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = mc_db_step_row (c->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 field_id = mc_sql_column_int64 (stmt, 0);
      McReport06aRow *row = g_hash_table_lookup (by_field, &field_id);
      gint64 procedure_id = mc_sql_column_int64 (stmt, 2);
      guint *counts = mc_sql_column_type (stmt, 2) == MC_SQL_NULL ? NULL
                      : g_hash_table_lookup (c->procedures, &procedure_id);

      if (row == NULL)
        {
          row = g_new0 (McReport06aRow, 1);
          row->field_id = field_id;
          row->field_name = g_strdup (mc_sql_column_text (stmt, 1));
          g_ptr_array_add (report->rows, row);
          g_hash_table_insert (by_field, &row->field_id, row);
        }
      for (int i = MC_06A_RECEIVED; counts && i < MC_06A_N_COLUMNS; i++)
        row->c[i] += counts[i];
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;
  for (guint i = report->rows->len; i-- > 0;)
    {
      McReport06aRow *row = report->rows->pdata[i];

      if (only_with_dossiers && row->c[MC_06A_RECEIVED] == 0)
        g_ptr_array_remove_index (report->rows, i);
    }
  for (guint i = 0; i < report->rows->len; i++)
    {
      McReport06aRow *row = report->rows->pdata[i];

      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        report->total.c[k] += row->c[k];
    }
  return TRUE;
}

static void
finish_counts (gpointer key, gpointer value, gpointer user_data)
{
  complete_row (value);
}

McReport06a *
mc_report_06a_compute (McDb *db, gint64 unit_id, McDate from, McDate to, gboolean only_with_dossiers,
                       GError **error)
{
  return mc_report_06a_compute_at (db, unit_id, from, to, only_with_dossiers, mc_time_now (), error);
}

McReport06a *
mc_report_06a_compute_at (McDb *db, gint64 unit_id, McDate from, McDate to, gboolean only_with_dossiers,
                          McTime now, GError **error)
{
  /* (6) derived: counting the dossiers open at t0 read the received_at
   * range of the longest processing time before it (PostgreSQL at 1M:
   * 67–217 ms of a year's 06a, docs/PERFORMANCE.md). */
  return mc_report_06a_compute_how (db, unit_id, from, to, only_with_dossiers, now,
                                    MC_REPORT_06A_COUNTERS | MC_REPORT_06A_CARRIED_DERIVED, error);
}

/* (6) by the identity (3) = (7) + (11) and (3) = (4) + (5) + (6): every
 * dossier open at t0 or received in [t0, t1) is finished in [t0, t1) or
 * open at t1. count_backwards has left in (6) what the dossiers finished
 * before they were received need; the sum is taken modulo 2^32 (guint), so
 * that amount may be "negative" until the rest is added. */
static void
derive_carried (gpointer key, gpointer value, gpointer user_data)
{
  guint *c = value;

  c[MC_06A_CARRIED] += c[MC_06A_EARLY] + c[MC_06A_ON_TIME] + c[MC_06A_LATE] + c[MC_06A_PENDING]
                       - c[MC_06A_ONLINE] - c[MC_06A_DIRECT];
}

/* The identity above holds for a dossier finished at or after it was
 * received, which the program always writes. A row finished before it was
 * received (a hand correction, an imported file checked by another tool, a
 * desk whose clock is wrong on a server) is never in (6) or (11), yet in
 * (7) when finished in [t0, t1) and in (4)/(5) when received in it: the
 * identity would count it in (6) by the first and take it out by the
 * second. Those differences are put in (6) here, before derive_carried, so
 * that (6) is exactly the count of count_open_at (c, t0, …). The rows come
 * from the negative end of dossier_report_span (migration 0007: an index on
 * finished_at − received_at): normally none, one index probe. */
#define BACKWARDS \
  "SELECT d.procedure_id, sum (CASE WHEN d.finished_at >= ?2 AND d.finished_at < ?3 THEN 1 ELSE 0 END), " \
  "sum (CASE WHEN d.received_at >= ?2 AND d.received_at < ?3 THEN 1 ELSE 0 END) " \
  "FROM dossier d INDEXED BY dossier_report_span WHERE d.finished_at IS NOT NULL " \
  "AND d.finished_at - d.received_at < 0 AND d.unit_id = ?1 GROUP BY d.procedure_id"

static gboolean
count_backwards (Compute *c, GError **error)
{
  McSqlStmt *stmt;
  McDbStep step;
  GError *local = NULL;
  /* First whether there is any such row, from the index's first entry:
   * PostgreSQL has no statistics on the expression and plans BACKWARDS
   * for a third of the table (parallel workers, 30–70 ms for no row). */
  gint64 least = mc_db_query_int (c->db, "SELECT coalesce (min (finished_at - received_at), 0) FROM dossier "
                                         "WHERE finished_at IS NOT NULL", &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (least >= 0)
    return TRUE;
  stmt = mc_db_prepare (c->db, BACKWARDS, error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, c->unit_id);
  mc_sql_bind_int64 (stmt, 2, c->t0);
  mc_sql_bind_int64 (stmt, 3, c->t1);
  while ((step = mc_db_step_row (c->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      guint finished = (guint) mc_sql_column_int64 (stmt, 1), received = (guint) mc_sql_column_int64 (stmt, 2);

      if (finished != received)
        counts_of (c, mc_sql_column_int64 (stmt, 0))[MC_06A_CARRIED] += received - finished;
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* The dossiers open at an instant, counted once for several periods that
 * end at it (the liveboard's today, month and year all end now). */
typedef struct {
  gint64      unit_id;
  McTime      t;
  GHashTable *counts;  /* procedure id → guint[MC_06A_N_COLUMNS], NULL until counted */
} OpenAt;

static void
add_open (gpointer key, gpointer value, gpointer data)
{
  const guint *from = value;
  guint *counts = counts_of (data, *(gint64 *) key);

  counts[MC_06A_PENDING] += from[MC_06A_PENDING];
  counts[MC_06A_PENDING_IN_TIME] += from[MC_06A_PENDING_IN_TIME];
}

/* (11) and (12) at c->t1, from `open` when it holds that instant's. */
static gboolean
count_open_at_end (Compute *c, OpenAt *open, GError **error)
{
  Compute alone = *c;

  if (open == NULL)
    return count_open_at (c, c->t1, MC_06A_PENDING, MC_06A_PENDING_IN_TIME, error);
  if (open->counts == NULL || open->t != c->t1 || open->unit_id != c->unit_id)
    {
      g_clear_pointer (&open->counts, g_hash_table_unref);
      alone.procedures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      if (!count_open_at (&alone, c->t1, MC_06A_PENDING, MC_06A_PENDING_IN_TIME, error))
        {
          g_hash_table_unref (alone.procedures);
          return FALSE;
        }
      open->counts = alone.procedures;
      open->t = c->t1;
      open->unit_id = c->unit_id;
    }
  g_hash_table_foreach (open->counts, add_open, c);
  return TRUE;
}

static McReport06a *
compute (McDb *db, gint64 unit_id, McDate from, McDate to, gboolean only_with_dossiers, McTime now,
         McReport06aHow how, OpenAt *open, GError **error)
{
  g_autoptr(GHashTable) procedures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(McReport06a) report = g_new0 (McReport06a, 1);
  Compute c = { db, unit_id, 0, 0, 0, procedures, (how & MC_REPORT_06A_FULL) != 0 };
  McReportRules rules;
  gboolean default_rules;

  report->from = from;
  report->to = to;
  report->rows = g_ptr_array_new_with_free_func (row_free);
  report->total.field_name = g_strdup ("Tổng số");
  mc_report_bounds_at (from, to, now, &c.t0, &c.t1);
  if (c.unit_id == 0 && (c.unit_id = own_unit (db, error)) == 0)
    return NULL;
  {
    GError *local = NULL;

    c.span = longest_processing (db, &local);
    if (local != NULL)
      {
        g_propagate_error (error, local);
        return NULL;
      }
  }
  if (!mc_report_rules_load (db, &rules, error))
    return NULL;
  default_rules = mc_report_rules_are_default_06a (&rules);
  if (!count_in_period (&c, default_rules, !c.full, error) ||
      (!default_rules && !count_settled_by_rules (&c, &rules, error)) ||
      (!(how & MC_REPORT_06A_CARRIED_DERIVED) && !count_open_at (&c, c.t0, MC_06A_CARRIED, 0, error)) ||
      ((how & MC_REPORT_06A_CARRIED_DERIVED) && !count_backwards (&c, error)) ||
      !count_open_at_end (&c, open, error))
    return NULL;
  if (how & MC_REPORT_06A_CARRIED_DERIVED)
    g_hash_table_foreach (procedures, derive_carried, NULL);
  g_hash_table_foreach (procedures, finish_counts, NULL);
  if (!build_rows (&c, report, only_with_dossiers, error))
    return NULL;
  return g_steal_pointer (&report);
}

McReport06a *
mc_report_06a_compute_how (McDb *db, gint64 unit_id, McDate from, McDate to, gboolean only_with_dossiers,
                           McTime now, McReport06aHow how, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (from <= to, NULL);

  return compute (db, unit_id, from, to, only_with_dossiers, now, how, NULL, error);
}

GPtrArray *
mc_report_06a_compute_periods (McDb *db, gint64 unit_id, const McDate *from, guint n, McDate to,
                               gboolean only_with_dossiers, McTime now, McReport06aHow how, GError **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_report_06a_free);
  OpenAt open = { 0, 0, NULL };

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  for (guint i = 0; i < n; i++)
    {
      McReport06a *report;

      g_return_val_if_fail (from[i] <= to, NULL);
      report = compute (db, unit_id, from[i], to, only_with_dossiers, now, how, &open, error);
      if (report == NULL)
        break;
      g_ptr_array_add (reports, report);
    }
  g_clear_pointer (&open.counts, g_hash_table_unref);
  return reports->len == n ? g_steal_pointer (&reports) : NULL;
}

/* The form's headings, written here only: the document (its columns),
 * the CSV header and the XLSX/PDF writers all read them from here. */
static const char *const column_titles[MC_06A_N_COLUMNS] = {
  [1] = "STT", [2] = MC_06A_FIELD_COLUMN,
  [MC_06A_RECEIVED] = "Tổng số", [MC_06A_ONLINE] = "Trực tuyến", [MC_06A_DIRECT] = "Trực tiếp, dịch vụ bưu chính",
  [MC_06A_CARRIED] = "Từ kỳ trước", [MC_06A_SETTLED] = "Tổng số", [MC_06A_EARLY] = "Trước hạn",
  [MC_06A_ON_TIME] = "Đúng hạn", [MC_06A_LATE] = "Quá hạn", [MC_06A_PENDING] = "Tổng số",
  [MC_06A_PENDING_IN_TIME] = "Trong hạn", [MC_06A_PENDING_LATE] = "Quá hạn",
};

const char *
mc_report_06a_column_title (McReport06aColumn column)
{
  g_return_val_if_fail (column >= 1 && column < MC_06A_N_COLUMNS, "");
  return column_titles[column];
}

const char *
mc_report_06a_column_group (McReport06aColumn column)
{
  g_return_val_if_fail (column >= 1 && column < MC_06A_N_COLUMNS, NULL);
  if (column < MC_06A_RECEIVED)
    return NULL;
  return column < MC_06A_SETTLED ? "Số hồ sơ nhận giải quyết"
         : column < MC_06A_PENDING ? "Số hồ sơ đã giải quyết" : "Số hồ sơ đang giải quyết";
}

const char *
mc_report_06a_column_subgroup (McReport06aColumn column)
{
  return column == MC_06A_ONLINE || column == MC_06A_DIRECT ? "Trong đó" : NULL;
}

const char *
mc_report_06a_column_name (McReport06aColumn column)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (column >= MC_06A_RECEIVED && column < MC_06A_N_COLUMNS, "");

  name = g_strdup_printf ("%s: %s (%d)", mc_report_06a_column_group (column), column_titles[column], column);
  return g_intern_string (name);
}

void
mc_report_06a_free (McReport06a *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report->total.field_name);
  g_free (report);
}

/* The condition of each column on a dossier d, with ?2 = t0 and ?3 = t1:
 * the same semantics as the counts above, written as one predicate. */
#define IS_RESULT "coalesce (d.outcome, 'approved') = 'approved'"
#define SETTLED "d.finished_at >= ?2 AND d.finished_at < ?3"
#define PENDING "d.received_at < ?3 AND (d.finished_at IS NULL OR d.finished_at >= ?3)"

static char *
column_condition (McReport06aColumn column)
{
  g_autofree char *overdue = mc_lateness_sql_overdue ("?3");

  switch (column)
    {
    case MC_06A_RECEIVED:
      return g_strdup ("d.received_at < ?3 AND (d.finished_at IS NULL OR d.finished_at >= ?2)");
    case MC_06A_ONLINE:
      return g_strdup ("d.received_at >= ?2 AND d.received_at < ?3 AND d.channel = 'truc_tuyen'");
    case MC_06A_DIRECT:
      return g_strdup ("d.received_at >= ?2 AND d.received_at < ?3 AND d.channel <> 'truc_tuyen'");
    case MC_06A_CARRIED:
      return g_strdup ("d.received_at < ?2 AND (d.finished_at IS NULL OR d.finished_at >= ?2)");
    case MC_06A_SETTLED:
      return g_strdup (SETTLED);
    case MC_06A_EARLY:
      return g_strdup (SETTLED " AND " IS_RESULT " AND d.timeliness IS NOT DISTINCT FROM 'early'");
    case MC_06A_ON_TIME:
      return g_strdup (SETTLED " AND NOT (" IS_RESULT " AND coalesce (d.timeliness, '') IN ('early', 'late'))");
    case MC_06A_LATE:
      return g_strdup (SETTLED " AND " IS_RESULT " AND d.timeliness IS NOT DISTINCT FROM 'late'");
    case MC_06A_PENDING:
      return g_strdup (PENDING);
    case MC_06A_PENDING_IN_TIME:
      return g_strdup_printf (PENDING " AND NOT %s", overdue);
    case MC_06A_PENDING_LATE:
      return g_strdup_printf (PENDING " AND %s", overdue);
    case MC_06A_N_COLUMNS:
    default:
      return NULL;
    }
}

/* (8), (9), (10)'s lists under rules other than the defaults: every
 * dossier settled in the period, kept when settled_column says `column`. */
static GPtrArray *
settled_dossiers_by_rules (McDb *db, const McReportRules *rules, gint64 unit_id, McTime t0, McTime t1,
                           gint64 field_id, McReport06aColumn column, GError **error)
{
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, error);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *appointment = settled_appointment (rules);
  g_autofree char *sql = g_strdup_printf ("SELECT d.code, " SETTLED_ROW ("%s") " FROM dossier d "
                                          "JOIN procedure p ON p.id = d.procedure_id WHERE d.unit_id = ?1 "
                                          "AND (?4 = 0 OR p.field_id = ?4) AND " SETTLED " "
                                          "ORDER BY d.received_at, d.id", appointment);
  McSqlStmt *stmt;
  McDbStep step;

  if (calendar == NULL || (stmt = mc_db_prepare (db, sql, error)) == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_int64 (stmt, 2, t0);
  mc_sql_bind_int64 (stmt, 3, t1);
  mc_sql_bind_int64 (stmt, 4, field_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    if (settled_column (rules, calendar, stmt, 1) == column)
      g_ptr_array_add (codes, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&codes);
}

GPtrArray *
mc_report_06a_dossiers (McDb *db, gint64 unit_id, McDate from, McDate to, gint64 field_id,
                        McReport06aColumn column, GError **error)
{
  g_autofree char *condition = column_condition (column);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  McSqlStmt *stmt;
  McReportRules rules;
  McTime t0, t1;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (condition != NULL, NULL);
  g_return_val_if_fail (from <= to, NULL);

  if (!mc_report_check_permission (db, error) || (unit_id == 0 && (unit_id = own_unit (db, error)) == 0))
    return NULL;
  mc_report_bounds (from, to, &t0, &t1);
  if (!mc_report_rules_load (db, &rules, error))
    return NULL;
  if (!mc_report_rules_are_default_06a (&rules) &&
      (column == MC_06A_EARLY || column == MC_06A_ON_TIME || column == MC_06A_LATE))
    return settled_dossiers_by_rules (db, &rules, unit_id, t0, t1, field_id, column, error);
  sql = g_strdup_printf ("SELECT d.code FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
                         "WHERE d.unit_id = ?1 AND (?4 = 0 OR p.field_id = ?4) AND %s "
                         "ORDER BY d.received_at, d.id", condition);
  stmt = mc_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_int64 (stmt, 2, t0);
  mc_sql_bind_int64 (stmt, 3, t1);
  mc_sql_bind_int64 (stmt, 4, field_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (codes, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&codes);
}
