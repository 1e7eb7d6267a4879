/* bench-report.c — Biểu 06a for a year over N dossiers, and its XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-report [N]   (default 1000000)
 * N dossiers received over three years (2023–2025) in the built-in catalog's
 * procedures, the three channels, settled within 20 days (early, on time,
 * late, unqualified, withdrawn) and the last 1.5% still open; the report is
 * the statutory year 2024 (15/12/2023–14/12/2024), about a third of them.
 *
 * --db FILE|URI: an existing database, SQLite or PostgreSQL (bench/run's,
 * the 1M/5M files, a server's): the year before its last dossier, or
 * --year Y. There each run also computes the year with (6) counted from
 * the dossiers open at its start (MC_REPORT_06A_COUNTERS, the way before
 * (6) was derived) right after the default way, and once everything from
 * the rows (MC_REPORT_06A_FULL): every row and column must be equal, and
 * both ways' processor and wall times are printed (on a server the wall
 * time is the one that counts: the work is the server's).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mc-bench-utils.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-db-sqlite-private.h"
#include "mc-dossier-store.h"
#include "mc-format.h"
#include "mc-report.h"
#include "mc-report-doc.h"
#include "mc-report-private.h"

static char *
make_csv (McDb *db, guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  GString *csv = g_string_new ("code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n");
  static const char *const channels[] = { "truc_tiep", "buu_chinh", "truc_tuyen" };
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT code FROM procedure ORDER BY id", NULL);
  McTime first = mc_time_from_local (mc_date_from_ymd (2023, 1, 2), 7 * 60);

  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    g_ptr_array_add (codes, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  for (guint i = 0; i < n; i++)
    {
      McTime received = first + (McTime) ((double) i / n * 3 * 365 * 86400) / 60 * 60;
      McTime due = received + g_rand_int_range (rand, 1, 16) * 86400;
      McTime finished = received + g_rand_int_range (rand, 1, 20 * 24) * 3600;
      int r = g_rand_int_range (rand, 0, 100);
      gboolean open = i > n / 100 * 985 && r < 50;
      g_autofree char *at = mc_time_to_iso (received);
      g_autofree char *due_at = mc_time_to_iso (due);
      g_autofree char *fin = open ? g_strdup ("") : mc_time_to_iso (finished);
      const char *outcome = open ? "" : r < 95 ? "approved" : r < 98 ? "unqualified" : "withdrawn";

      g_string_append_printf (csv, "B-%08u,%s,%s,%s,%s,%s,,%s,Nguyễn Văn %u\n", i,
                              (const char *) codes->pdata[g_rand_int_range (rand, 0, (gint32) codes->len)],
                              channels[i % 3], at, due_at, fin, outcome, i % 1000);
    }
  return g_string_free (csv, FALSE);
}

/* Every row and column of a and b equal, else a message naming the first
 * difference. */
static gboolean
reports_equal (const McReport06a *a, const McReport06a *b, const char *what)
{
  if (a->rows->len != b->rows->len)
    return fprintf (stderr, "%s: %u rows against %u\n", what, a->rows->len, b->rows->len), FALSE;
  for (guint i = 0; i <= a->rows->len; i++)
    {
      const McReport06aRow *x = i < a->rows->len ? a->rows->pdata[i] : &a->total;
      const McReport06aRow *y = i < b->rows->len ? b->rows->pdata[i] : &b->total;

      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        if (x->field_id != y->field_id || x->c[k] != y->c[k])
          return fprintf (stderr, "%s: %s, column (%d): %u against %u\n", what, x->field_name, k, x->c[k], y->c[k]),
                 FALSE;
    }
  return TRUE;
}

static double
wall_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The year computed the way before (6) was derived, timed into *cpu and
 * *wall (the best so far), checked against `report`. */
static gboolean
compare_counted (McDb *db, McDate from, McDate to, const McReport06a *report, double *cpu, double *wall,
                 GError **error)
{
  double c0 = mc_bench_cpu_seconds (), w0 = wall_seconds ();
  g_autoptr(McReport06a) counted = mc_report_06a_compute_how (db, 0, from, to, FALSE, mc_time_now (),
                                                              MC_REPORT_06A_COUNTERS, error);

  if (counted == NULL)
    return FALSE;
  *cpu = MIN (*cpu, mc_bench_cpu_seconds () - c0);
  *wall = MIN (*wall, wall_seconds () - w0);
  return reports_equal (report, counted, "(6) derived against (6) counted");
}

/* Usage: bench-report [N] (its own database of N dossiers, default
 * 1000000), or bench-report --db FILE|URI [--year Y] (an existing one, e.g.
 * bench/run's: the year before its last dossier, or Y). */
int
main (int argc, char **argv)
{
  const char *given = argc > 2 && g_str_equal (argv[1], "--db") ? argv[2] : NULL;
  int year_given = argc > 4 && given && g_str_equal (argv[3], "--year") ? atoi (argv[4]) : 0;
  guint n = argc > 1 && given == NULL ? (guint) atoi (argv[1]) : 1000000;
  double best_counted = 1e9, best_counted_wall = 1e9, best_wall = 1e9;
  g_autofree char *dir = g_dir_make_tmp ("motcua-bench-XXXXXX", NULL);
  g_autofree char *path = given ? g_strdup (given) : g_build_filename (dir, "bench.sqlite", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "06a.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autofree char *csv = NULL;
  McDate from = mc_date_from_ymd (2023, 12, 15), to = mc_date_from_ymd (2024, 12, 14);
  double best_compute = 1e9, best_xlsx = 1e9;
  guint imported = 0, received = 0;

  if (db == NULL || (given == NULL && !mc_catalog_install_builtin (catalog, NULL, &error)))
    return fprintf (stderr, "%s\n", error->message), 1;
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  if (given != NULL)
    {
      int year = year_given, month, day;

      if (year == 0)
        {
          mc_date_to_ymd (mc_time_get_date (mc_db_query_int (db, "SELECT max (received_at) FROM dossier", NULL)),
                          &year, &month, &day);
          year--;
        }

      from = mc_date_from_ymd (year, 1, 1), to = mc_date_from_ymd (year, 12, 31);
      imported = (guint) mc_db_query_int (db, "SELECT count (*) FROM dossier", NULL);
    }
  else
    {
      csv = make_csv (db, n);
      if (!mc_dossier_store_import_csv (store, csv, strlen (csv), &imported, &error))
        return fprintf (stderr, "%s\n", error->message), 1;
    }
  for (int run = 0; run < 5; run++)
    {
      double c0 = mc_bench_cpu_seconds (), w0 = wall_seconds (), c1;
      g_autoptr(McReport06a) report = mc_report_06a_compute (db, 0, from, to, FALSE, &error);
      g_autoptr(McReportDocument) doc = NULL;

      if (report == NULL)
        return fprintf (stderr, "%s\n", error->message), 1;
      c1 = mc_bench_cpu_seconds ();
      best_compute = MIN (best_compute, c1 - c0);
      best_wall = MIN (best_wall, wall_seconds () - w0);
      received = report->total.c[MC_06A_RECEIVED];
      if (given != NULL)
        {
          g_autoptr(McReport06a) full = NULL;

          if (!compare_counted (db, from, to, report, &best_counted, &best_counted_wall, &error))
            return error ? fprintf (stderr, "%s\n", error->message), 1 : 1;
          if (run == 0 &&
              ((full = mc_report_06a_compute_how (db, 0, from, to, FALSE, mc_time_now (), MC_REPORT_06A_FULL,
                                                  &error)) == NULL ||
               !reports_equal (report, full, "(6) derived against everything from the rows")))
            return error ? fprintf (stderr, "%s\n", error->message), 1 : 1;
          c1 = mc_bench_cpu_seconds ();
        }
      doc = mc_report_document_new_06a (db, 0, from, to, FALSE, &error);
      if (doc == NULL || !mc_report_doc_write_xlsx (doc, xlsx, &error))
        return fprintf (stderr, "%s\n", error->message), 1;
      best_xlsx = MIN (best_xlsx, mc_bench_cpu_seconds () - c1);
    }
  {
    g_autofree char *a = mc_format_date (from), *b = mc_format_date (to);

    printf ("report 06a, %s–%s over %u dossiers (%u in column 3): %.1f ms processor time (best of 5), "
            "%.1f ms wall\n", a, b, imported, received, best_compute * 1000, best_wall * 1000);
  }
  if (given != NULL)
    printf ("the same year with (6) counted, not derived (as before): %.1f ms processor time, %.1f ms wall "
            "(best of 5); every row and column equal, and equal to everything counted from the rows\n",
            best_counted * 1000, best_counted_wall * 1000);
  printf ("report 06a XLSX (figures and file): %.1f ms processor time (best of 5)\n", best_xlsx * 1000);
  g_remove (xlsx);
  g_clear_object (&store);
  g_clear_object (&catalog);
  g_clear_object (&db);
  if (given == NULL)
    g_remove (path);
  g_rmdir (dir);
  return 0;
}
