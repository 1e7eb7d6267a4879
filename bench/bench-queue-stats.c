/* bench-queue-stats.c — the waiting statistics over a year of 1,000 tickets
 * a day (issue 18: ≤ 100 ms)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/bench/bench-queue-stats [TICKETS_PER_DAY [DAYS]]
 *
 * Fills a new database with DAYS days (365) of TICKETS_PER_DAY tickets
 * (1,000) over four services and six counters — 8 % absent, 2 % never
 * called, the rest served — by plain SQL (the triggers' audit rows off, as
 * an import; queue_stat_hour kept by its triggers), then times
 * mc_queue_stats for a day, a month and the year by each grouping, and every
 * grouping at once from queue_stat_hour and from the ticket rows:
 * processor time (user + system) per call, the best of 5.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "mc-bench-utils.h"
#include "mc-db-private.h"
#include "mc-catalog.h"
#include "mc-queue-report.h"
#include "mc-queue-stats.h"

/* The call first, then its error (the order of a function's arguments is not). */
#define check(ok, error) G_STMT_START { gboolean ok_ = (ok); check_at (ok_, (error), __LINE__); } G_STMT_END

static void
check_at (gboolean ok, GError *error, int line)
{
  if (!ok)
    g_error ("line %d: %s", line, error ? error->message : "failed");
}

static void
fill (McDb *db, int per_day, int days, McDate first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  McSqlStmt *stmt;

  check (mc_db_exec (db, "INSERT INTO queue_service (name, prefix) VALUES ('Hộ tịch', 'A'), ('Đất đai', 'B'), "
                         "('Kinh doanh', 'C'), ('Trả kết quả', 'D');"
                         "INSERT INTO queue_counter (number, name) VALUES (1, 'Quầy 1'), (2, 'Quầy 2'), "
                         "(3, 'Quầy 3'), (4, 'Quầy 4'), (5, 'Quầy 5'), (6, 'Quầy 6')", &error), error);
  mc_db_set_audit_bulk (db, TRUE);
  check (mc_db_begin (db, &error), error);
  stmt = mc_db_prepare (db, "INSERT INTO queue_ticket (day, issued_service_id, seq, number, label, service_id, state, "
                            "counter_id, taken_at, called_at, last_called_at, served_at, done_at, calls) "
                            "VALUES (?1, ?2, ?3, ?3, 'X', ?2, ?4, CASE WHEN ?7 IS NULL THEN NULL ELSE ?5 END, ?6, ?7, ?7, ?8, ?9, 1)", &error);
  check (stmt != NULL, error);
  for (int d = 0; d < days; d++)
    {
      g_autofree char *day = mc_date_to_iso (first + d);
      int seq[5] = { 0 };

      for (int i = 0; i < per_day; i++)
        {
          int service = g_rand_int_range (rand, 1, 5), r = g_rand_int_range (rand, 0, 100);
          McTime taken = mc_time_from_local (first + d, 7 * 60 + 30 + i * 540 / per_day);
          McTime called = taken + g_rand_int_range (rand, 30, 3600);

          mc_sql_bind_text (stmt, 1, day, -1, MC_SQL_STATIC);
          mc_sql_bind_int (stmt, 2, service);
          mc_sql_bind_int (stmt, 3, ++seq[service]);
          mc_sql_bind_text (stmt, 4, r < 2 ? "waiting" : r < 10 ? "absent" : "done", -1, MC_SQL_STATIC);
          mc_sql_bind_int (stmt, 5, g_rand_int_range (rand, 1, 7));
          mc_sql_bind_int64 (stmt, 6, taken);
          if (r < 2)
            for (int k = 7; k <= 9; k++)
              mc_sql_bind_null (stmt, k);
          else
            {
              mc_sql_bind_int64 (stmt, 7, called);
              mc_sql_bind_int64 (stmt, 8, called + 30);
              mc_sql_bind_int64 (stmt, 9, called + 30 + g_rand_int_range (rand, 120, 1800));
            }
          check (mc_db_step_done (db, stmt, &error), error);
        }
    }
  check (mc_db_commit (db, &error), error);
  mc_db_set_audit_bulk (db, FALSE);
}

/* mc_queue_stats_all (every grouping in one pass: what the Thống kê xếp
 * hàng page and its exports compute), then with doc the document the page
 * shows, or with scan read from the ticket rows as before migration 27;
 * the best of 5, ms of processor. */
static double
time_all (McQueue *queue, McDate from, McDate to, gboolean doc, gboolean scan)
{
  double best = G_MAXDOUBLE;

  for (int k = 0; k < 5; k++)
    {
      g_autoptr(GError) error = NULL;
      double start = mc_bench_cpu_seconds ();
      g_autoptr(McQueueStatsAll) all = scan ? mc_queue_stats_all_scan (queue, from, to, &error)
                                            : mc_queue_stats_all (queue, from, to, &error);
      g_autoptr(McReportDocument) report = NULL;
      double spent;

      check (all != NULL, error);
      if (doc)
        {
          report = mc_queue_report_new (mc_queue_get_db (queue), all, &error);
          check (report != NULL, error);
        }
      spent = (mc_bench_cpu_seconds () - start) * 1000.0;
      best = MIN (best, spent);
    }
  return best;
}

/* The best of 5 calls, in ms of processor time. */
static double
time_stats (McQueue *queue, McDate from, McDate to, McQueueStatsBy by, guint *n_rows)
{
  double best = G_MAXDOUBLE;

  for (int k = 0; k < 5; k++)
    {
      g_autoptr(GError) error = NULL;
      double start = mc_bench_cpu_seconds ();
      g_autoptr(GPtrArray) rows = mc_queue_stats (queue, from, to, by, &error);
      double spent = (mc_bench_cpu_seconds () - start) * 1000.0;

      check (rows != NULL, error);
      *n_rows = rows->len;
      best = MIN (best, spent);
    }
  return best;
}

/* What keeping queue_stat_hour costs a counter: 200 tickets of the last
 * day taken, called, served and finished (four writes, each its own
 * transaction as at the kiosk and the counter); ms of processor per ticket. */
static double
time_cycles (McQueue *queue, McDate day)
{
  g_autoptr(GError) error = NULL;
  McTime at = mc_time_from_local (day, 16 * 60 + 40);
  double start = mc_bench_cpu_seconds ();

  for (int i = 0; i < 200; i++, at += 1)
    {
      g_autoptr(McQueueTicket) t = mc_queue_take (queue, 1, MC_QUEUE_PRIORITY_NONE, at, &error);
      g_autoptr(McQueueTicket) c = NULL, s = NULL, f = NULL;

      check (t != NULL, error);
      /* Counter 6 calls what waits for it: the service's oldest first. */
      c = mc_queue_call_next (queue, 6, at, &error);
      check (c != NULL, error);
      s = mc_queue_serve (queue, 6, at, &error);
      check (s != NULL, error);
      f = mc_queue_finish (queue, 6, at, &error);
      check (f != NULL, error);
    }
  return (mc_bench_cpu_seconds () - start) * 1000.0 / 200;
}

int
main (int argc, char **argv)
{
  int per_day = argc > 1 ? atoi (argv[1]) : 1000, days = argc > 2 ? atoi (argv[2]) : 365;
  g_autofree char *dir = g_dir_make_tmp ("bench-queue-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "queue.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McQueue) queue = NULL;
  static const char *const by_names[] = { "day", "counter", "service", "hour" };
  McDate first = mc_date_from_ymd (2026, 1, 1);
  double start;

  check (db != NULL, error);
  queue = mc_queue_new (db);
  start = mc_bench_cpu_seconds ();
  fill (db, per_day, days, first);
  printf ("filled %d tickets (%d a day, %d days) in %.1f s of processor\n", per_day * days, per_day, days,
          mc_bench_cpu_seconds () - start);
  for (int by = 0; by < 4; by++)
    {
      const struct { const char *name; McDate from, to; } periods[] = {
        { "a day", first + days - 1, first + days - 1 },
        { "a month", first + days - 30, first + days - 1 },
        { "the year", first, first + days - 1 },
      };

      for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
        {
          guint n = 0;
          double ms = time_stats (queue, periods[p].from, periods[p].to, (McQueueStatsBy) by, &n);

          printf ("stats by %-8s %-9s %8.1f ms processor  (%u lines)\n", by_names[by], periods[p].name, ms, n);
        }
    }
  {
    g_autoptr(McCatalog) catalog = mc_catalog_new (db);
    const struct { const char *name; McDate from, to; } periods[] = {
      { "a day", first + days - 1, first + days - 1 },
      { "a month", first + days - 30, first + days - 1 },
      { "the year", first, first + days - 1 },
    };

    /* The issuing unit of the document (the catalog's own). */
    check (mc_catalog_install_builtin (catalog, NULL, &error), error);
    for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
      printf ("stats, every grouping  %-9s %8.1f ms processor; with the page's document %8.1f ms; "
              "from the ticket rows (before queue_stat_hour) %8.1f ms\n", periods[p].name,
              time_all (queue, periods[p].from, periods[p].to, FALSE, FALSE),
              time_all (queue, periods[p].from, periods[p].to, TRUE, FALSE),
              time_all (queue, periods[p].from, periods[p].to, FALSE, TRUE));
  }
  /* The fill wrote no numbering: the last day's numbers go on from its last. */
  check (mc_queue_update_counter (queue, 6, "Quầy 6", (const gint64[]) { 1 }, 1, TRUE, &error) &&
         mc_db_exec (db, "INSERT INTO queue_sequence (day, service_id, last_seq) SELECT day, issued_service_id, "
                         "max (seq) FROM queue_ticket WHERE day = (SELECT max (day) FROM queue_ticket) "
                         "GROUP BY day, issued_service_id", &error), error);
  printf ("a ticket taken, called, served, finished on a day of %d tickets: %.2f ms processor with "
          "queue_stat_hour kept, ", per_day, time_cycles (queue, first + days - 1));
  check (mc_db_exec (db, "DROP TRIGGER queue_stat_insert; DROP TRIGGER queue_stat_update", &error), error);
  printf ("%.2f ms without\n", time_cycles (queue, first + days - 1));
  g_clear_object (&queue);
  g_clear_object (&db);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
  return 0;
}
