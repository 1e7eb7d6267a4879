/* bench-board-reload.c — the liveboard's reload and its change-to-frame delay
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-board-reload DATABASE [RELOADS [CHANGES]]
 *   DATABASE: a copy of a large database (bench/bench-cli-cost --size
 *   1000000 builds one through the import); it is upgraded in place, the
 *   migration to the daily counters timed.
 *
 * Prints (issue 15; DESIGN §5: a change visible on the board ≤ 1 s):
 *  - the migration's time, when the file had not been upgraded yet;
 *  - the board model's reload (mc_board_model_load, as McBoardSource's
 *    worker runs it), median of RELOADS, and each part of it once;
 *  - the same figures computed the way the board did before the counters
 *    (every waiting result, 06a three times from the rows, the department
 *    rate from every settled dossier), in this process;
 *  - `sqlite3` replaying exactly the statements of one reload (recorded by
 *    MOTCUA_SQL_TRACE) on the same file, process start included, and the
 *    statements of the reload before the counters, with the ratios;
 *  - the delay from a commit in another process (this program started
 *    again: a one-dossier `dossier import` of a result ready now) to the
 *    end of the board's next frame at 1920×1080, through McDbWatch and
 *    McBoardSource as the board runs, for CHANGES commits.
 */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mc-accounts.h"
#include "mc-board-draw.h"
#include "mc-board-source.h"
#include "mc-board-stats.h"
#include "mc-calendar-store.h"
#include "mc-db-sqlite-private.h"
#include "mc-dossier-store.h"
#include "mc-report-private.h"

#define PASSWORD "motcua2026"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Processor time, ms: on a shared machine the wall time also counts the
 * moments the scheduler gave the cores to other work. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static McWorkflow *
open_workflow (McDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, &error);

  if (calendar == NULL)
    g_error ("%s", error->message);
  return mc_workflow_new (db, calendar);
}

/* The child: one dossier received an hour ago, its result ready now and not
 * collected, imported (as `motcua dossier import` does) and committed; prints
 * the wall-clock instant of the commit in µs. */
static int
commit_one (const char *path, const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autofree char *procedure = NULL;
  g_autofree char *received = NULL, *ready = NULL, *csv = NULL;
  McTime now = mc_time_now ();
  guint n = 0;

  if (db == NULL || (calendar = mc_calendar_store_load (db, &error)) == NULL)
    g_error ("%s", error->message);
  accounts = mc_accounts_new (db);
  if (mc_accounts_is_enforced (accounts) && (admin = mc_accounts_sign_in (accounts, "admin", PASSWORD, &error)) == NULL)
    g_error ("%s", error->message);
  store = mc_dossier_store_new (db, calendar);
  {
    McSqlStmt *stmt = mc_db_prepare (db, "SELECT code FROM procedure ORDER BY id LIMIT 1", &error);

    if (stmt == NULL || mc_db_step_row (db, stmt, &error) != MC_DB_STEP_ROW)
      g_error ("no procedure: %s", error ? error->message : "");
    procedure = g_strdup (mc_sql_column_text (stmt, 0));
    mc_sql_reset (stmt);
  }
  received = mc_time_to_iso (now - 3600);
  ready = mc_time_to_iso (now);
  csv = g_strdup_printf ("code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,"
                         "applicant_name\n%s,%s,truc_tiep,%s,,%s,,approved,Nguyễn Văn Bảng\n",
                         code, procedure, received, ready);
  if (!mc_dossier_store_import_csv (store, csv, strlen (csv), &n, &error))
    g_error ("%s", error->message);
  g_print ("%" G_GINT64_FORMAT "\n", g_get_real_time ());
  return 0;
}

/* Migration */

static void
upgrade (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new_unmigrated (path, &error);
  int from;
  gint64 start;

  if (db == NULL)
    g_error ("%s", error->message);
  from = mc_db_get_version (db);
  if (from >= mc_db_get_latest_version ())
    {
      g_print ("schema already at version %d\n", from);
      return;
    }
  start = g_get_monotonic_time ();
  if (!mc_db_migrate_to (db, mc_db_get_latest_version (), &error))
    g_error ("%s", error->message);
  g_print ("migration %d -> %d (daily counters backfilled: %" G_GINT64_FORMAT " rows): %.0f ms\n", from,
           mc_db_get_latest_version (), mc_db_query_int (db, "SELECT count (*) FROM daily_stat", NULL),
           ms_since (start));
}

/* Reloads */

/* The reload as the board did it before the counters: every result waiting,
 * 06a of today, the month and the year from the rows, the rates by
 * department from every dossier settled in the year. */
static void
reload_from_rows (McWorkflow *workflow, McTime now)
{
  McDb *db = mc_workflow_get_db (workflow);
  g_autoptr(GError) error = NULL;
  McDate today = mc_time_get_date (now);
  int y, m, d;
  g_autoptr(GPtrArray) ready = mc_workflow_ready (workflow, NULL, &error);
  g_autoptr(GPtrArray) rates = NULL;

  mc_date_to_ymd (today, &y, &m, &d);
  if (ready == NULL)
    g_error ("%s", error->message);
  {
    const McDate from[] = { today, mc_date_from_ymd (y, m, 1), mc_date_from_ymd (y, 1, 1) };

    for (guint i = 0; i < G_N_ELEMENTS (from); i++)
      {
        g_autoptr(McReport06a) report = mc_report_06a_compute_how (db, 0, from[i], today, TRUE, now,
                                                                   MC_REPORT_06A_FULL, &error);
        if (report == NULL)
          g_error ("%s", error->message);
      }
  }
  rates = mc_board_stats_department_rates_from_rows (db, mc_date_from_ymd (y, 1, 1), today, &error);
  if (rates == NULL)
    g_error ("%s", error->message);
}

static void
time_parts (McWorkflow *workflow, McTime now)
{
  McDb *db = mc_workflow_get_db (workflow);
  g_autoptr(GPtrArray) apologies = NULL;
  g_autoptr(GError) error = NULL;
  McDate today = mc_time_get_date (now);
  int y, m, d;
  guint total = 0;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) waiting = mc_board_stats_waiting (db, MC_BOARD_RESULTS_MAX, &total, &error);
  double t_waiting = ms_since (start);
  double t_periods;
  double t_rates;

  mc_date_to_ymd (today, &y, &m, &d);
  if (waiting == NULL)
    g_error ("%s", error->message);
  {
    const McDate from[] = { today, mc_date_from_ymd (y, m, 1), mc_date_from_ymd (y, 1, 1) };
    g_autoptr(GPtrArray) reports = NULL;

    start = g_get_monotonic_time ();
    reports = mc_board_stats_06a_periods (db, from, G_N_ELEMENTS (from), today, now, &error);
    t_periods = ms_since (start);
    if (reports == NULL)
      g_error ("%s", error->message);
  }
  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) rates = mc_board_stats_department_rates (db, mc_date_from_ymd (y, 1, 1), today, &error);
    if (rates == NULL)
      g_error ("%s", error->message);
  }
  t_rates = ms_since (start);
  start = g_get_monotonic_time ();
  apologies = mc_workflow_apologies (workflow, mc_time_from_local (mc_date_from_ymd (y, m, 1), 0),
                                     mc_time_from_local (today + 1, 0), &error);
  if (apologies == NULL)
    g_error ("%s", error->message);
  g_print ("  parts (wall): results waiting %.1f ms (%u listed of %u), 06a of today, the month and the year %.1f ms, "
           "departments %.1f ms, apologies of the month %.1f ms (%u)\n", t_waiting, waiting->len, total, t_periods,
           t_rates, ms_since (start), apologies->len);
}

/* Biểu 06a of the last whole year with data, as `motcua report 06a` computes
 * it (the counters) and from the rows (MC_REPORT_06A_FULL): processor ms,
 * median of `runs`. */
static void
time_year_report (McDb *db, guint runs)
{
  McTime last = mc_db_query_int (db, "SELECT max (received_at) FROM dossier", NULL);
  int y, m, d;
  double cpu[2];

  mc_date_to_ymd (mc_time_get_date (last), &y, &m, &d);
  for (int full = 0; full <= 1; full++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < runs; i++)
        {
          g_autoptr(GError) error = NULL;
          double start = process_cpu_ms (), t;
          g_autoptr(McReport06a) report = mc_report_06a_compute_how (db, 0, mc_date_from_ymd (y - 1, 1, 1),
                                                                     mc_date_from_ymd (y - 1, 12, 31), TRUE,
                                                                     mc_time_now (), full ? MC_REPORT_06A_FULL
                                                                                          : MC_REPORT_06A_COUNTERS,
                                                                     &error);
          if (report == NULL)
            g_error ("%s", error->message);
          t = process_cpu_ms () - start;
          g_array_append_val (times, t);
        }
      cpu[full] = median (times);
    }
  g_print ("06a of %d (the report), processor, median of %u: %.1f ms from the counters, %.1f ms from the rows\n",
           y - 1, runs, cpu[0], cpu[1]);
}

/* Median of `runs` calls of the reload, in ms; `cpu`: their median
 * processor time. */
static double
time_reloads (McWorkflow *workflow, guint runs, gboolean from_rows, double *cpu)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = process_cpu_ms ();
      double t;

      if (from_rows)
        reload_from_rows (workflow, mc_time_now ());
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(McBoardModel) model = mc_board_model_load (workflow, 0, &error);

          if (model == NULL)
            g_error ("%s", error->message);
        }
      t = ms_since (start);
      g_array_append_val (times, t);
      t = process_cpu_ms () - cpu_start;
      g_array_append_val (cpus, t);
    }
  if (cpu != NULL)
    *cpu = median (cpus);
  return median (times);
}

/* The statements of one reload, as `sqlite3` can replay them. */
static char *
trace_reload (const char *path, gboolean from_rows, const char *dir)
{
  char *trace = g_build_filename (dir, from_rows ? "rows.sql" : "counters.sql", NULL);
  g_autoptr(GError) error = NULL;

  g_setenv ("MOTCUA_SQL_TRACE", trace, TRUE);
  {
    g_autoptr(McDb) db = mc_db_new_for_command (path, &error);
    g_autoptr(McWorkflow) workflow = NULL;

    if (db == NULL)
      g_error ("%s", error->message);
    /* The connection's opening is traced too (the calendar, as the
     * board's worker reads it at each reload). */
    workflow = open_workflow (db);
    time_reloads (workflow, 1, from_rows, NULL);
  }
  /* The trace was written as the connection closed. */
  g_unsetenv ("MOTCUA_SQL_TRACE");
  return trace;
}

/* Median wall time of `sqlite3` replaying the file, process start included. */
static double
time_sqlite3 (const char *path, const char *script, const char *extension, guint runs, double *cpu)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *load = g_strdup_printf (".load %s", extension);
  const char *argv[] = { "sqlite3", "-bail", "-cmd", load, path, NULL };

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = children_cpu_ms ();
      double t;

      g_subprocess_launcher_set_stdin_file_path (launcher, script);
      child = g_subprocess_launcher_spawnv (launcher, argv, &error);
      if (child == NULL || !g_subprocess_wait_check (child, NULL, &error))
        g_error ("sqlite3: %s", error->message);
      t = ms_since (start);
      g_array_append_val (times, t);
      t = children_cpu_ms () - cpu_start;
      g_array_append_val (cpus, t);
    }
  *cpu = median (cpus);
  return median (times);
}

/* Change to frame */

typedef struct {
  GMainLoop     *loop;
  McBoardSource *source;
  const char    *code;     /* the dossier the frame must show */
  gint64         frame_at; /* wall clock, µs */
} Wait;

static void
changed_cb (McBoardSource *source, Wait *wait)
{
  McBoardModel *model = mc_board_source_get_model (source);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (model == NULL || (wait->code != NULL && (model->results->len == 0 ||
      g_strcmp0 (((McBoardResult *) model->results->pdata[0])->code, wait->code) != 0)))
    return;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cr = cairo_create (surface);
  model->frame.page = MC_BOARD_PAGE_RESULTS;
  mc_board_draw (cr, model, 1920, 1080);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  wait->frame_at = g_get_real_time ();
  g_main_loop_quit (wait->loop);
}

static gboolean
timeout_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
time_changes (const char *program, const char *path, guint changes)
{
  g_autoptr(McBoardSource) source = mc_board_source_new (path);
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (double));
  Wait wait = { g_main_loop_new (NULL, FALSE), source, NULL, 0 };
  double worst = 0;

  g_signal_connect (source, "changed", G_CALLBACK (changed_cb), &wait);
  mc_board_source_start (source);
  g_timeout_add_seconds (120, timeout_cb, wait.loop);
  g_main_loop_run (wait.loop);
  for (guint i = 0; i < changes; i++)
    {
      g_autofree char *code = g_strdup_printf ("000.00.06.H56-BENCH-%d-%u", (int) getpid (), i);
      const char *argv[] = { program, "--commit", path, code, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      guint timeout;
      double delay;

      wait.code = code;
      wait.frame_at = 0;
      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      if (child == NULL)
        g_error ("%s", error->message);
      timeout = g_timeout_add_seconds (60, timeout_cb, wait.loop);
      g_main_loop_run (wait.loop);
      g_source_remove (timeout);
      if (!g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error) ||
          !g_subprocess_get_successful (child))
        g_error ("the committing process failed");
      if (wait.frame_at == 0)
        g_error ("no frame showed %s within a minute", code);
      delay = (wait.frame_at - g_ascii_strtoll (out, NULL, 10)) / 1000.0;
      worst = MAX (worst, delay);
      g_array_append_val (delays, delay);
    }
  g_print ("change to frame (a commit in another process -> McDbWatch -> reload -> a 1920x1080 frame drawn), "
           "%u commits: median %.0f ms, worst %.0f ms\n", changes, median (delays), worst);
  g_main_loop_unref (wait.loop);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autofree char *dir = NULL, *counters = NULL, *rows = NULL, *program = NULL, *extension = NULL;
  guint runs, changes;
  double reload, before, sql_reload, sql_before;
  double reload_cpu, before_cpu, sql_reload_cpu, sql_before_cpu;
  const char *path;

  if (argc == 4 && g_str_equal (argv[1], "--commit"))
    return commit_one (argv[2], argv[3]);
  if (argc < 2)
    {
      g_printerr ("Usage: %s DATABASE [RELOADS [CHANGES]]\n", argv[0]);
      return 2;
    }
  path = argv[1];
  runs = argc > 2 ? (guint) atoi (argv[2]) : 9;
  changes = argc > 3 ? (guint) atoi (argv[3]) : 5;
  program = g_canonicalize_filename (argv[0], NULL);
  {
    g_autofree char *bench_dir = g_path_get_dirname (program);
    extension = g_build_filename (bench_dir, "libmc-vn-tokenizer.so", NULL);
  }
  upgrade (path);
  db = mc_db_new (path, NULL, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  g_print ("%s: %" G_GINT64_FORMAT " dossiers\n", path, mc_db_query_int (db, "SELECT count (*) FROM dossier", NULL));
  workflow = open_workflow (db);
  time_reloads (workflow, 1, FALSE, NULL);  /* a warm cache, as a running board has */
  reload = time_reloads (workflow, runs, FALSE, &reload_cpu);
  g_print ("board reload (mc_board_model_load), median of %u: %.1f ms wall, %.1f ms processor\n", runs, reload,
           reload_cpu);
  time_parts (workflow, mc_time_now ());
  before = time_reloads (workflow, MAX (runs / 3, 1), TRUE, &before_cpu);
  g_print ("the same figures as the board read them before the counters (every waiting result, 06a x3 and the "
           "department rate from the rows), median of %u: %.1f ms wall, %.1f ms processor\n", MAX (runs / 3, 1),
           before, before_cpu);
  time_year_report (db, MAX (runs / 3, 1));
  dir = g_dir_make_tmp ("bench-board-reload-XXXXXX", NULL);
  counters = trace_reload (path, FALSE, dir);
  rows = trace_reload (path, TRUE, dir);
  sql_reload = time_sqlite3 (path, counters, extension, runs, &sql_reload_cpu);
  sql_before = time_sqlite3 (path, rows, extension, MAX (runs / 3, 1), &sql_before_cpu);
  g_print ("sqlite3 replaying one reload's statements (process start included): %.1f ms wall, %.1f ms processor; "
           "board / sqlite3: %.2f wall, %.2f processor\n", sql_reload, sql_reload_cpu, reload / sql_reload,
           reload_cpu / sql_reload_cpu);
  g_print ("sqlite3 replaying the statements before the counters: %.1f ms wall, %.1f ms processor; "
           "board before / sqlite3: %.2f wall, %.2f processor; board now / sqlite3 before: %.3f processor\n",
           sql_before, sql_before_cpu, before / sql_before, before_cpu / sql_before_cpu, reload_cpu / sql_before_cpu);
  if (g_getenv ("BENCH_KEEP_TRACE") == NULL)  /* to read the statements: BENCH_KEEP_TRACE=1 */
    {
      g_unlink (counters);
      g_unlink (rows);
      g_rmdir (dir);
    }
  else
    g_print ("statements kept in %s\n", dir);
  g_clear_object (&workflow);
  g_clear_object (&db);
  if (changes > 0)
    time_changes (program, path, changes);
  return 0;
}
