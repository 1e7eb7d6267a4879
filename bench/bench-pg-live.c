/* bench-pg-live.c — how soon a dossier received in one process is told in another (PostgreSQL)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17, item 3: target ≤ 1 s, aim 300 ms. Two processes on one server
 * database (made by `motcua demo` or `server init`): the child receives N
 * dossiers through core (McDossierStore, one transaction each, the same
 * path as Tiếp nhận) every INTERVAL ms and writes the monotonic time at
 * which each commit returned into a pipe; the parent, like a window, has
 * an McDbWatch LISTENing and times the McChanges "changed" (dossier) that
 * follows, then the re-read a page would do (the count of open dossiers).
 * CLOCK_MONOTONIC is one clock for every process of the machine.
 *
 *   bench-pg-live CONNINFO [N [INTERVAL_MS]]
 *
 * Prints p50/p95/max of commit → told and commit → re-read, in ms.
 */
#include "config.h"

#include <stdlib.h>

#include <glib-unix.h>
#include <unistd.h>
#include <sys/wait.h>

#include "mc-bench-utils.h"
#include "mc-calendar-store.h"
#include "mc-db-private.h"
#include "mc-db-watch.h"
#include "mc-dossier-store.h"
#include "mc-time.h"

typedef struct {
  GArray *told;      /* gint64 monotonic µs of each dossier change */
  McDb   *db;
  GArray *reread;    /* after the page's re-read */
} Listener;

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, Listener *l)
{
  gint64 now = g_get_monotonic_time ();

  if (kind != MC_CHANGE_DOSSIER && kind != MC_CHANGE_ALL)
    return;
  g_array_append_val (l->told, now);
  mc_db_query_int (l->db, "SELECT count (*) FROM dossier WHERE returned_at IS NULL", NULL);
  now = g_get_monotonic_time ();
  g_array_append_val (l->reread, now);
}

static void
receive_n (const char *conninfo, int n, int interval_ms, int fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (conninfo, NULL, &error);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;

  if (db == NULL)
    g_error ("%s", error->message);
  /* The counter clerk of the demo signs in. */
  mc_db_set_actor (db, mc_db_lookup_id (db, "staff", "username", "tn.lan", NULL));
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(McDossier) dossier = mc_dossier_new ();
      McDossierData *d = mc_dossier_get_data (dossier);
      gint64 committed;

      g_usleep (interval_ms * 1000);
      d->procedure_code = g_strdup ("1.001193");
      d->applicant_name = g_strdup_printf ("Người Thử %d", i);
      d->applicant_id_number = g_strdup ("001190012345");
      d->channel = MC_CHANNEL_TRUC_TIEP;
      d->received_at = mc_time_now ();
      mc_dossier_add_document (dossier, "Tờ khai đăng ký khai sinh", 1, 0, TRUE);
      if (!mc_dossier_store_receive (store, dossier, &error))
        g_error ("%s", error->message);
      committed = g_get_monotonic_time ();
      if (write (fd, &committed, sizeof committed) != sizeof committed)
        g_error ("pipe");
    }
}

static void
print_quantiles (const char *what, GArray *ms)
{
  g_array_sort (ms, mc_bench_compare_doubles);
  g_print ("%-22s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (n = %u)\n", what,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, MIN (ms->len - 1, (ms->len * 95) / 100)),
           g_array_index (ms, double, ms->len - 1), ms->len);
}

int
main (int argc, char **argv)
{
  const char *conninfo = argc > 1 ? argv[1] : NULL;
  int n = argc > 2 ? atoi (argv[2]) : 50;
  int interval_ms = argc > 3 ? atoi (argv[3]) : 200;
  int fds[2];
  pid_t child;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDbWatch) watch = NULL;
  Listener l = { 0 };
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) told_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reread_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 end;
  int status;

  if (conninfo == NULL || n < 1)
    {
      g_printerr ("usage: bench-pg-live CONNINFO [N [INTERVAL_MS]]\n");
      return 2;
    }
  if (pipe (fds) != 0)
    return 1;
  child = fork ();
  if (child == 0)
    {
      close (fds[0]);
      receive_n (conninfo, n, interval_ms, fds[1]);
      _exit (0);
    }
  close (fds[1]);
  db = mc_db_new (conninfo, NULL, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  watch = mc_db_watch_new (conninfo, db, mc_db_get_changes (db));
  l.told = g_array_new (FALSE, FALSE, sizeof (gint64));
  l.reread = g_array_new (FALSE, FALSE, sizeof (gint64));
  l.db = db;
  g_signal_connect (mc_db_get_changes (db), "changed", G_CALLBACK (changed_cb), &l);

  /* The child's commits come through the pipe; the parent's main loop
   * hears them through the server. */
  g_unix_set_fd_nonblocking (fds[0], TRUE, NULL);
  end = g_get_monotonic_time () + (gint64) (n * (interval_ms + 1000) + 10000) * 1000;
  while ((committed->len < (guint) n || l.told->len < (guint) n) && g_get_monotonic_time () < end)
    {
      gint64 t;

      if (child > 0 && waitpid (child, &status, WNOHANG) == child)
        {
          child = 0;
          if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
            return 1;
          end = MIN (end, g_get_monotonic_time () + 2 * G_USEC_PER_SEC);
        }
      while (read (fds[0], &t, sizeof t) == sizeof t)
        g_array_append_val (committed, t);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }
  if (child > 0)
    waitpid (child, &status, 0);
  if (l.told->len != committed->len)
    g_printerr ("%u commits, %u told (coalesced or lost)\n", committed->len, l.told->len);
  for (guint i = 0; i < MIN (committed->len, l.told->len); i++)
    {
      double a = (g_array_index (l.told, gint64, i) - g_array_index (committed, gint64, i)) / 1000.0;
      double b = (g_array_index (l.reread, gint64, i) - g_array_index (committed, gint64, i)) / 1000.0;

      g_array_append_val (told_ms, a);
      g_array_append_val (reread_ms, b);
    }
  if (told_ms->len == 0)
    return 1;
  g_print ("%d receptions, one every %d ms, in another process\n", n, interval_ms);
  print_quantiles ("commit -> told", told_ms);
  print_quantiles ("commit -> re-read", reread_ms);
  g_array_unref (l.told);
  g_array_unref (l.reread);
  return 0;
}
