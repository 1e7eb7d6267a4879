/* test-pg-live.c — live changes between clients of one PostgreSQL server, and reconnection
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17, item 3, against a real server (MOTCUA_TEST_PG, a keyword=value
 * conninfo of a user who may create databases; skipped without it):
 *  - a dossier received by another process (`motcua dossier receive`) is
 *    told on this process's McChanges as a dossier change within 1 s of that
 *    process's end (LISTEN/NOTIFY through McDbWatch);
 *  - the same through a watch feeding another McChanges (the liveboard's);
 *  - this process's own commit is told once, not a second time when its own
 *    notification comes back;
 *  - a transaction rolled back sends nothing to the others;
 *  - a connection killed by pg_terminate_backend is found lost (McDb's
 *    "connected" FALSE, a write refused as MC_DB_ERROR_CONNECTION), made
 *    again by the watch, MC_CHANGE_ALL is told, and the next write works —
 *    both when the loss is seen on the idle socket and when a statement
 *    meets it first.
 */
#include "config.h"

#include <stdlib.h>

#include <libpq-fe.h>

#include "mc-db-private.h"
#include "mc-db-watch.h"

static char *admin_info;
static char *server;  /* the test database's conninfo */
static char *db_name;

typedef struct {
  McChangeKind kind;
  gint64       id;
  gint64       at;
} Told;

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, GArray *told)
{
  Told t = { kind, id, g_get_monotonic_time () };

  g_array_append_val (told, t);
}

static void
admin_run (const char *sql)
{
  PGconn *conn = PQconnectdb (admin_info);
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (res));
  PQclear (res);
  PQfinish (conn);
}

static void
motcua (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, server);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("motcua %s: %s%s", args[0], out, err);
}

static void
receive_elsewhere (const char *name)
{
  motcua ((const char *const[]) { "--user", "tn.lan", "dossier", "receive", "--procedure", "1.001193", "--name", name,
                                  "--id-number", "001190012345", "--channel", "truc_tiep", NULL });
}

/* Runs the main loop until `told` has an entry matching `kind` (or ALL),
 * at most `ms`; the index of that entry, or -1. */
static int
wait_told (GArray *told, McChangeKind kind, guint from, int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      for (guint i = from; i < told->len; i++)
        if (g_array_index (told, Told, i).kind == kind)
          return (int) i;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return -1;
}

static void
spin (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
test_other_process (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (server, NULL, &error);
  g_autoptr(McDbWatch) watch = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, TRUE, sizeof (Told));
  gint64 ended;
  int i;

  g_assert_no_error (error);
  watch = mc_db_watch_new (server, db, mc_db_get_changes (db));
  g_assert_true (mc_db_watch_is_monitoring (watch));
  spin (100);
  g_signal_connect (mc_db_get_changes (db), "changed", G_CALLBACK (changed_cb), told);

  for (int round = 0; round < 3; round++)
    {
      guint from = told->len;

      receive_elsewhere ("Trần Văn Sống");
      ended = g_get_monotonic_time ();
      i = wait_told (told, MC_CHANGE_DOSSIER, from, 1000);
      g_assert_cmpint (i, >=, 0);
      /* Told as what it was (a dossier), not "anything". */
      g_assert_cmpint (g_array_index (told, Told, i).kind, ==, MC_CHANGE_DOSSIER);
      g_test_message ("round %d: told %.1f ms after the other process ended", round,
                      (g_array_index (told, Told, i).at - ended) / 1000.0);
      g_assert_cmpint (g_array_index (told, Told, i).at - ended, <, G_USEC_PER_SEC);
    }
}

/* The liveboard's way: its own McChanges, a main-thread connection that
 * LISTENs (mc-board-source.c); the server's path kept as given. */
static void
test_other_notifier (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (server, NULL, &error);
  g_autoptr(McChanges) changes = mc_changes_new ();
  g_autoptr(McDbWatch) watch = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, TRUE, sizeof (Told));

  g_assert_no_error (error);
  g_assert_true (mc_db_path_is_server (server));
  g_assert_true (mc_db_path_is_server ("postgresql://tn.lan@server.local/motcua"));
  g_assert_false (mc_db_path_is_server ("/var/lib/motcua/center.sqlite"));
  watch = mc_db_watch_new (server, db, changes);
  spin (100);
  g_signal_connect (changes, "changed", G_CALLBACK (changed_cb), told);
  receive_elsewhere ("Lý Thị Bảng");
  g_assert_cmpint (wait_told (told, MC_CHANGE_DOSSIER, 0, 1000), >=, 0);
}

static void
test_own_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (server, NULL, &error);
  g_autoptr(McDbWatch) watch = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, TRUE, sizeof (Told));
  guint settings = 0;

  g_assert_no_error (error);
  watch = mc_db_watch_new (server, db, mc_db_get_changes (db));
  spin (100);
  g_signal_connect (mc_db_get_changes (db), "changed", G_CALLBACK (changed_cb), told);

  g_assert_true (mc_db_begin (db, &error));
  g_assert_true (mc_db_set_setting (db, "test.live", "1", &error));
  g_assert_true (mc_db_commit (db, &error));
  g_assert_no_error (error);
  spin (100);  /* told here, once */
  /* The next statement on the connection receives its own notification:
   * left out, it is not told a second time. */
  g_assert_cmpint (mc_db_query_int (db, "SELECT 1", &error), ==, 1);
  spin (300);
  for (guint i = 0; i < told->len; i++)
    {
      g_assert_cmpint (g_array_index (told, Told, i).kind, !=, MC_CHANGE_ALL);
      settings += g_array_index (told, Told, i).kind == MC_CHANGE_SETTING;
    }
  g_assert_cmpuint (settings, ==, 1);
}

static void
test_rollback_silent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) a = mc_db_new (server, NULL, &error);
  g_autoptr(McDb) b = mc_db_new (server, NULL, &error);
  g_autoptr(McDbWatch) watch = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, TRUE, sizeof (Told));

  g_assert_no_error (error);
  watch = mc_db_watch_new (server, a, mc_db_get_changes (a));
  spin (100);
  g_signal_connect (mc_db_get_changes (a), "changed", G_CALLBACK (changed_cb), told);
  g_assert_true (mc_db_begin (b, &error));
  g_assert_true (mc_db_set_setting (b, "test.live", "rolled back", &error));
  mc_db_rollback (b);
  spin (300);
  g_assert_cmpuint (told->len, ==, 0);
  /* Committed on another connection: heard. */
  g_assert_true (mc_db_begin (b, &error));
  g_assert_true (mc_db_set_setting (b, "test.live", "2", &error));
  g_assert_true (mc_db_commit (b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wait_told (told, MC_CHANGE_SETTING, 0, 1000), >=, 0);
}

static void
terminate (McDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 pid = mc_db_query_int (db, "SELECT pg_backend_pid ()", &error);
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);

  g_assert_no_error (error);
  admin_run (sql);
  g_usleep (100 * 1000);  /* the server closes the session */
}

static void
wait_connected (McDb *db, gboolean connected, int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (mc_db_get_connected (db) != connected && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_assert_cmpint (mc_db_get_connected (db), ==, connected);
}

static void
write_works (McDb *db, const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;

  g_assert_true (mc_db_begin (db, &error));
  g_assert_true (mc_db_set_setting (db, "test.live", value, &error));
  g_assert_true (mc_db_commit (db, &error));
  g_assert_no_error (error);
  read = mc_db_get_setting (db, "test.live", NULL, &error);
  g_assert_cmpstr (read, ==, value);
}

static void
test_reconnect (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (server, NULL, &error);
  g_autoptr(McDbWatch) watch = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, TRUE, sizeof (Told));
  guint from;

  g_assert_no_error (error);
  watch = mc_db_watch_new (server, db, mc_db_get_changes (db));
  spin (100);
  g_signal_connect (mc_db_get_changes (db), "changed", G_CALLBACK (changed_cb), told);
  write_works (db, "before");

  /* Seen on the idle socket. */
  terminate (db);
  wait_connected (db, FALSE, 2000);
  g_assert_false (mc_db_begin (db, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_CONNECTION);
  g_clear_error (&error);
  from = told->len;
  wait_connected (db, TRUE, 10000);
  g_assert_cmpuint (mc_db_watch_get_reconnections (watch), ==, 1);
  g_assert_cmpint (wait_told (told, MC_CHANGE_ALL, from, 1000), >=, 0);
  write_works (db, "after the socket said");
  /* Still LISTENing: another client's commit is heard. */
  from = told->len;
  receive_elsewhere ("Phạm Thị Nối");
  g_assert_cmpint (wait_told (told, MC_CHANGE_DOSSIER, from, 1000), >=, 0);

  /* Met first by a statement, before the main loop ran. */
  terminate (db);
  g_assert_false (mc_db_begin (db, &error) && mc_db_set_setting (db, "test.live", "lost", &error) &&
                  mc_db_commit (db, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_CONNECTION);
  g_clear_error (&error);
  mc_db_rollback (db);
  g_assert_false (mc_db_get_connected (db));
  wait_connected (db, TRUE, 10000);
  g_assert_cmpuint (mc_db_watch_get_reconnections (watch), ==, 2);
  write_works (db, "after a statement said");
}

int
main (int argc, char **argv)
{
  const char *pg = g_getenv ("MOTCUA_TEST_PG");
  int status;

  g_test_init (&argc, &argv, NULL);
  if (pg == NULL || *pg == '\0' || g_getenv ("MOTCUA_BIN") == NULL)
    {
      g_test_skip ("MOTCUA_TEST_PG is not set");
      return 77;
    }
  admin_info = g_strdup (pg);
  db_name = g_strdup_printf ("motcua_live_%d", (int) getpid ());
  server = g_strdup_printf ("%s dbname=%s", pg, db_name);
  {
    g_autofree char *create = g_strdup_printf ("CREATE DATABASE \"%s\"", db_name);
    admin_run (create);
  }
  g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);
  motcua ((const char *const[]) { "demo", "--dossiers", "10", "--seed", "3", NULL });

  g_test_add_func ("/pg-live/other-process", test_other_process);
  g_test_add_func ("/pg-live/other-notifier", test_other_notifier);
  g_test_add_func ("/pg-live/own-once", test_own_once);
  g_test_add_func ("/pg-live/rollback-silent", test_rollback_silent);
  g_test_add_func ("/pg-live/reconnect", test_reconnect);
  status = g_test_run ();
  {
    g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", db_name);
    admin_run (drop);
  }
  return status;
}
