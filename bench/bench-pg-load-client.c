/* bench-pg-load-client.c — one desk of bench/pg-load: receives a dossier,
 * transfers it, has it accepted, finished and returned, again and again
 * (issue 17 item 6)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-pg-load-client DB CLIENT SECONDS ACK_LOG [PACE_MS]
 *
 * DB is a PostgreSQL connection (URI or conninfo) holding the demo's
 * catalog and accounts. Each round is the route tests/pg/test-pg-engine.sh
 * runs by the command line — received by tn.lan (procedure 1.001193),
 * transferred to VP, accepted by cv.tuan, finished by pct.nga, returned by
 * tn.lan — through core's functions on one connection, each step in the
 * name of its person (mc_db_set_actor, as a signed-in window does; no
 * argon2 per step). The code of every reception core acknowledged (the
 * receive returned TRUE: its transaction committed), a tab and its time in
 * ms, is written to ACK_LOG
 * and flushed to disk before the next step, so that bench/pg-load can look
 * for each one in the database afterwards. A failed step (the server killed)
 * closes the connection; the client opens it again, retrying every 200 ms,
 * and goes on with a new dossier. With PACE_MS (> 0) the desk is paced as
 * a counter is: after each round it waits a think time drawn from an
 * exponential distribution of mean PACE_MS (capped at 4 × PACE_MS; citizens
 * arrive independently), so 8 desks offer 8000 / PACE_MS receptions a second
 * on average instead of as many as the processors allow; 0 (the default)
 * runs rounds back to back, a saturation test. Prints one line: the client, receptions,
 * rounds completed, failed steps, reconnections, the longest time without a
 * connection, and reception times (p50, p95, max, in ms of wall time);
 * then, per reception (median and p95), where the wall time went, read from
 * /proc/PID/schedstat of this process and of its server backend
 * (pg_backend_pid (), same machine): processor time of the client and of
 * the server, and the time each waited in the run queue for a processor.
 * What is left (wall − those four) is the round trips' latency, locks and
 * the disk.
 *
 * bench-pg-load-client --control SECONDS: a processor control beside the
 * desks — a fixed job of about 2 ms of processor (no I/O, no server) every
 * 20 ms; prints its processor time and its wall time (p50, p95): what the
 * machine's load alone does to a job of known cost.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "mc-bench-utils.h"
#include "mc-calendar-store.h"
#include "mc-db-private.h"
#include "mc-dossier-store.h"
#include "mc-workflow.h"

typedef struct {
  McDb           *db;
  McCalendar     *calendar;
  McDossierStore *store;
  McWorkflow     *wf;
  gint64          tn_lan, cv_tuan, pct_nga;
} Desk;

static void
desk_close (Desk *d)
{
  g_clear_object (&d->wf);
  g_clear_object (&d->store);
  g_clear_object (&d->calendar);
  g_clear_object (&d->db);
}

static gint64
staff_id (McDb *db, const char *username)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM staff WHERE username = '%s'", username);

  return mc_db_query_int (db, sql, NULL);
}

static gboolean
desk_open (Desk *d, const char *path)
{
  g_autoptr(GError) error = NULL;

  d->db = mc_db_new (path, NULL, &error);
  if (d->db == NULL)
    return FALSE;
  d->calendar = mc_calendar_store_load (d->db, &error);
  if (d->calendar == NULL)
    {
      desk_close (d);
      return FALSE;
    }
  /* Named for bench/pg-load's sampler of pg_stat_activity (motcua names
   * its sessions 'motcua', the report's and the backup's too). */
  mc_db_exec (d->db, "SET application_name = 'pgload-desk'", NULL);
  d->store = mc_dossier_store_new (d->db, d->calendar);
  d->wf = mc_workflow_new (d->db, d->calendar);
  d->tn_lan = staff_id (d->db, "tn.lan");
  d->cv_tuan = staff_id (d->db, "cv.tuan");
  d->pct_nga = staff_id (d->db, "pct.nga");
  if (d->tn_lan <= 0 || d->cv_tuan <= 0 || d->pct_nga <= 0)
    {
      desk_close (d);
      return FALSE;
    }
  return TRUE;
}

static McAction
as (Desk *d, gint64 who, const char *username)
{
  McAction a = { mc_time_now (), username, NULL };

  mc_db_set_actor (d->db, who);
  return a;
}

/* The rest of the route of a received dossier; FALSE at the first refusal. */
static gboolean
route (Desk *d, const char *code, const char *name, GError **error)
{
  McAction a;

  a = as (d, d->tn_lan, "tn.lan");
  if (!mc_workflow_transfer (d->wf, code, &a, "VP", NULL, error))
    return FALSE;
  a = as (d, d->cv_tuan, "cv.tuan");
  if (!mc_workflow_accept (d->wf, code, &a, error))
    return FALSE;
  a = as (d, d->pct_nga, "pct.nga");
  if (!mc_workflow_finish (d->wf, code, &a, "12/QĐ-UBND", NULL, error))
    return FALSE;
  a = as (d, d->tn_lan, "tn.lan");
  return mc_workflow_return (d->wf, code, &a, name, "001190012345", NULL, MC_CHANNEL_TRUC_TIEP, error);
}

/* On processor and waiting for one, in ms, of a process or thread (its
 * schedstat: ns on a CPU, ns runnable in a run queue); FALSE if unknown. */
static gboolean
sched_ms (const char *path, double *on_cpu, double *waiting)
{
  g_autofree char *text = NULL;
  guint64 run = 0, wait = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL) || sscanf (text, "%" SCNu64 " %" SCNu64, &run, &wait) != 2)
    return FALSE;
  *on_cpu = run / 1e6;
  *waiting = wait / 1e6;
  return TRUE;
}

static double
median_of (GArray *a, guint percent)
{
  if (a->len == 0)
    return 0;
  g_array_sort (a, mc_bench_compare_doubles);
  return g_array_index (a, double, MIN (a->len - 1, a->len * percent / 100));
}

/* A counter's pace: the next citizen after an exponential think time of
 * mean pace_ms (capped at 4 × the mean), or at the end of the run. */
static void
think (GRand *rand, double pace_ms, gint64 deadline)
{
  double ms = MIN (-pace_ms * log (1.0 - g_rand_double (rand)), 4 * pace_ms);
  gint64 until = MIN (g_get_monotonic_time () + (gint64) (ms * 1000), deadline);
  gint64 now = g_get_monotonic_time ();

  if (until > now)
    g_usleep (until - now);
}

static volatile guint64 sink;

static int
control (int seconds)
{
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      double c0 = 0, w0 = 0, c1 = 0, w1 = 0, ms;
      gint64 start = g_get_monotonic_time ();
      guint64 x = 88172645463325252ull;

      sched_ms ("/proc/thread-self/schedstat", &c0, &w0);
      for (guint i = 0; i < 3000000; i++)
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      sink = x;
      ms = (g_get_monotonic_time () - start) / 1e3;
      sched_ms ("/proc/thread-self/schedstat", &c1, &w1);
      g_array_append_val (wall, ms);
      ms = c1 - c0;
      g_array_append_val (cpu, ms);
      g_usleep (20000);
    }
  printf ("control\tjobs %u\tprocessor p50 %.1f\twall p50 %.1f\tp95 %.1f\tmax %.1f\n", wall->len,
          median_of (cpu, 50), median_of (wall, 50), median_of (wall, 95), median_of (wall, 100));
  return 0;
}

int
main (int argc, char **argv)
{
  Desk d = { 0 };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 deadline, down_since = 0, longest_down = 0;
  guint rounds = 0, failures = 0, reconnects = 0;
  g_autoptr(GArray) client_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) client_wait = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) server_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) server_wait = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *backend = NULL;
  FILE *ack;
  int client;
  double pace_ms;
  g_autoptr(GRand) rand = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--control"))
    return control (atoi (argv[2]));
  if (argc != 5 && argc != 6)
    {
      fprintf (stderr, "usage: %s DB CLIENT SECONDS ACK_LOG [PACE_MS]\n", argv[0]);
      return 2;
    }
  client = atoi (argv[2]);
  pace_ms = argc == 6 ? atof (argv[5]) : 0;
  rand = g_rand_new_with_seed (client * 7919u + (guint32) getpid ());
  deadline = g_get_monotonic_time () + (gint64) atoi (argv[3]) * G_USEC_PER_SEC;
  ack = fopen (argv[4], "w");
  if (ack == NULL || !desk_open (&d, argv[1]))
    {
      fprintf (stderr, "client %d: cannot open %s\n", client, argv[1]);
      return 1;
    }
  for (guint n = 1; g_get_monotonic_time () < deadline; n++)
    {
      g_autoptr(McDossier) dossier = mc_dossier_new ();
      McDossierData *data = mc_dossier_get_data (dossier);
      g_autoptr(GError) error = NULL;
      gint64 start;
      gboolean ok;

      if (d.db == NULL)
        {
          if (!desk_open (&d, argv[1]))
            {
              g_usleep (200000);
              continue;
            }
          reconnects++;
          longest_down = MAX (longest_down, g_get_monotonic_time () - down_since);
        }
      data->procedure_code = g_strdup ("1.001193");
      data->applicant_name = g_strdup_printf ("Khách %d-%u", client, n);
      data->applicant_id_number = g_strdup ("001190012345");
      data->applicant_phone = g_strdup ("0912345678");
      data->channel = MC_CHANNEL_TRUC_TIEP;
      mc_db_set_actor (d.db, d.tn_lan);
      data->received_at = mc_time_now ();
      g_free (backend);
      backend = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/schedstat",
                                 mc_db_query_int (d.db, "SELECT pg_backend_pid ()", NULL));
      {
        double cc0 = 0, cw0 = 0, sc0 = 0, sw0 = 0, cc1 = 0, cw1 = 0, sc1 = 0, sw1 = 0;
        gboolean known = sched_ms ("/proc/self/schedstat", &cc0, &cw0) && sched_ms (backend, &sc0, &sw0);

        start = g_get_monotonic_time ();
        ok = mc_dossier_store_receive (d.store, dossier, &error);
        if (ok && known && sched_ms ("/proc/self/schedstat", &cc1, &cw1) && sched_ms (backend, &sc1, &sw1))
          {
            double v[4] = { cc1 - cc0, cw1 - cw0, sc1 - sc0, sw1 - sw0 };

            g_array_append_val (client_cpu, v[0]);
            g_array_append_val (client_wait, v[1]);
            g_array_append_val (server_cpu, v[2]);
            g_array_append_val (server_wait, v[3]);
          }
      }
      if (ok)
        {
          double ms = (g_get_monotonic_time () - start) / 1e3;

          g_array_append_val (times, ms);
          fprintf (ack, "%s\t%.2f\n", data->code, ms);
          fflush (ack);
          fsync (fileno (ack));
          ok = route (&d, data->code, data->applicant_name, &error);
          rounds += ok;
        }
      if (ok && pace_ms > 0)
        think (rand, pace_ms, deadline);
      if (!ok)
        {
          failures++;
          fprintf (stderr, "client %d: %s\n", client, error ? error->message : "?");
          desk_close (&d);
          down_since = g_get_monotonic_time ();
        }
    }
  fclose (ack);
  g_array_sort (times, mc_bench_compare_doubles);
  printf ("client %d\treceived %u\trounds %u\tfailed %u\treconnects %u\tlongest-down-ms %.0f\t"
          "p50 %.1f\tp95 %.1f\tmax %.1f\n",
          client, times->len, rounds, failures, reconnects, longest_down / 1e3,
          times->len ? g_array_index (times, double, times->len / 2) : 0,
          times->len ? g_array_index (times, double, times->len * 95 / 100) : 0,
          times->len ? g_array_index (times, double, times->len - 1) : 0);
  printf ("client %d\tper reception (p50/p95 ms): client processor %.1f/%.1f\tclient run-queue wait %.1f/%.1f\t"
          "server processor %.1f/%.1f\tserver run-queue wait %.1f/%.1f\n", client,
          median_of (client_cpu, 50), median_of (client_cpu, 95), median_of (client_wait, 50),
          median_of (client_wait, 95), median_of (server_cpu, 50), median_of (server_cpu, 95),
          median_of (server_wait, 50), median_of (server_wait, 95));
  desk_close (&d);
  return 0;
}
