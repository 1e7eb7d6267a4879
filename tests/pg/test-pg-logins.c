/* test-pg-logins.c — logins changed from several databases at once
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PostgreSQL login belongs to the whole cluster, not to one database:
 * two centers' databases on one server (issue 17 item 7), or two test
 * programs of the suite, may give a login of the same name at the same
 * moment. Before migration 0035 the second transaction failed: CREATE ROLE
 * with a duplicate key once the first committed, ALTER ROLE at once with
 * "tuple concurrently updated" (XX000; report-tables in a fresh-clone CI
 * run). mc_staff_login () now waits for the other's transaction, then reads
 * the role afresh. Here one database's transaction holds its change open
 * while three others ask for the same login; all four must succeed, for a
 * new login and for one that exists, and the login signs in with the last
 * password given. Since 0038 the same holds for a lock: four databases
 * locking the person's account at once (the lockout job of each center)
 * expire the login's password once, and lifting the lock gives it back.
 *
 * Against a real server (MOTCUA_TEST_PG, a superuser's keyword=value
 * conninfo; skipped without it): each database is a fresh one of the
 * suite's migrated template (mc_test_db_new, MOTCUA_TEST_ENGINE=pg).
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "mc-db-private.h"
#include "mc-test-utils.h"

#define N_DESKS 4
#define PASSWORD "Matkhau2026"

static char *login;

static PGconn *
connect_to (McDb *db)
{
  PGconn *conn = PQconnectdb (mc_db_get_path (db));

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (conn));
  PQclear (PQexec (conn, "SET client_min_messages = error"));
  return conn;
}

static void
exec_ok (PGconn *conn, const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (res));
  PQclear (res);
}

/* The backends of this test waiting for a lock, seen from `conn` (outside
 * a transaction: pg_stat_activity is read once per transaction). */
static int
waiting (PGconn *conn)
{
  PGresult *res = PQexec (conn, "SELECT count (*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                "AND (query LIKE 'SELECT mc_staff_login%' OR query LIKE 'UPDATE staff%')");
  int n;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  n = atoi (PQgetvalue (res, 0, 0));
  PQclear (res);
  return n;
}

/* Desks 1…3 have sent `what` inside a transaction while desk 0 holds its
 * own open: waits until the three wait (10 s at most: without the lock, an
 * ALTER ROLE fails at once and never waits), commits desk 0, then each in
 * turn must answer `ok` and commit, which lets the next one go — answered in
 * whatever order the server chooses. */
static void
release_and_collect (PGconn **conns, PGconn *monitor, ExecStatusType ok, const char *what)
{
  gboolean answered[N_DESKS] = { FALSE };
  PGresult *res;

  for (int tries = 0; tries < 100 && waiting (monitor) < N_DESKS - 1; tries++)
    g_usleep (100 * 1000);
  g_test_message ("%d desks waiting for desk 0 (%s)", waiting (monitor), what);
  exec_ok (conns[0], "COMMIT");
  for (int done = 1; done < N_DESKS; g_usleep (10 * 1000))
    for (int i = 1; i < N_DESKS; i++)
      {
        if (answered[i])
          continue;
        g_assert_cmpint (PQconsumeInput (conns[i]), ==, 1);
        if (PQisBusy (conns[i]))
          continue;
        res = PQgetResult (conns[i]);
        if (PQresultStatus (res) != ok)
          g_error ("desk %d, %s while desk 0 did: %s (%s)", i, what, PQresultErrorMessage (res),
                   PQresultErrorField (res, PG_DIAG_SQLSTATE));
        PQclear (res);
        while ((res = PQgetResult (conns[i])) != NULL)
          PQclear (res);
        exec_ok (conns[i], "COMMIT");
        answered[i] = TRUE;
        done++;
      }
}

/* Desk 0 gives the login in a transaction it keeps open; desks 1…3, each
 * in its own database, ask for the same login meanwhile; desk 0 commits,
 * and each of the others must then succeed in turn. */
static void
race (PGconn **conns, PGconn *monitor, const char *password)
{
  char *verifier = PQencryptPasswordConn (conns[0], password, login, "scram-sha-256");
  const char *params[] = { login, verifier };
  PGresult *res;

  g_assert_nonnull (verifier);
  exec_ok (conns[0], "BEGIN");
  res = PQexecParams (conns[0], "SELECT mc_staff_login ($1, $2)", 2, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("desk 0: %s", PQresultErrorMessage (res));
  PQclear (res);
  for (int i = 1; i < N_DESKS; i++)
    {
      exec_ok (conns[i], "BEGIN");
      g_assert_cmpint (PQsendQueryParams (conns[i], "SELECT mc_staff_login ($1, $2)", 2, NULL, params, NULL, NULL, 0),
                       ==, 1);
    }
  release_and_collect (conns, monitor, PGRES_TUPLES_OK, "giving the login");
  PQfreemem (verifier);
}

/* The same race for a lock: desk 0 locks the account (its staff row's
 * trigger expires the login, 0033) in a transaction it keeps open, desks
 * 1…3 lock it meanwhile in their own databases; all must succeed once desk
 * 0 commits. Before 0038 their ALTER ROLE failed with "tuple concurrently
 * updated". */
static void
race_lock (PGconn **conns, PGconn *monitor, gint64 until)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE staff SET locked_until = %" G_GINT64_FORMAT " WHERE username = '%s'",
                                          until, login);

  exec_ok (conns[0], "BEGIN");
  exec_ok (conns[0], sql);
  for (int i = 1; i < N_DESKS; i++)
    {
      exec_ok (conns[i], "BEGIN");
      g_assert_cmpint (PQsendQuery (conns[i], sql), ==, 1);
    }
  release_and_collect (conns, monitor, PGRES_COMMAND_OK, "locking the login");
}

static char *
valid_until (PGconn *conn)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (rolvaliduntil::text, '') FROM pg_roles WHERE rolname = '%s'",
                                          login);
  PGresult *res = PQexec (conn, sql);
  char *value;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (res), ==, 1);
  value = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  return value;
}

static void
test_concurrent_logins (void)
{
  McDb *dbs[N_DESKS];
  PGconn *conns[N_DESKS];
  PGconn *monitor;
  g_autofree char *insert = g_strdup_printf ("INSERT INTO staff (username, full_name, title, roles, created_at) "
                                             "VALUES ('%s', 'Lê Thị Lan', 'Công chức', 'tiep_nhan', 0)", login);
  PGresult *res;

  for (int i = 0; i < N_DESKS; i++)
    {
      g_autoptr(GError) error = NULL;

      dbs[i] = mc_test_db_new ();
      g_assert_true (mc_db_exec (dbs[i], insert, &error));
      g_assert_no_error (error);
      conns[i] = connect_to (dbs[i]);
    }
  /* A login no one has yet, then the same login again. */
  monitor = connect_to (dbs[0]);
  race (conns, monitor, "Khoitao-2026");
  race (conns, monitor, PASSWORD);
  /* Locked from four databases at once for an hour, then lifted. */
  race_lock (conns, monitor, g_get_real_time () / G_USEC_PER_SEC + 3600);
  {
    g_autofree char *locked = valid_until (conns[0]);

    g_assert_cmpstr (locked, ==, "-infinity");
  }
  race_lock (conns, monitor, 0);
  {
    g_autofree char *lifted = valid_until (conns[0]);

    g_assert_cmpstr (lifted, ==, "infinity");
  }
  PQfinish (monitor);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT string_agg (g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m "
                                            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                                            "WHERE u.rolname = '%s'", login);

    res = PQexec (conns[0], sql);
    g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
    g_assert_cmpstr (PQgetvalue (res, 0, 0), ==, "motcua_login,motcua_tiep_nhan");
    PQclear (res);
  }
  /* The person signs in with the password given last. */
  {
    const char *keys[] = { "dbname", "user", "password", NULL };
    const char *values[] = { mc_db_get_path (dbs[N_DESKS - 1]), login, PASSWORD, NULL };
    PGconn *as_person = PQconnectdbParams (keys, values, 1);

    if (PQstatus (as_person) != CONNECTION_OK)
      g_error ("%s: %s", login, PQerrorMessage (as_person));
    PQfinish (as_person);
  }
  for (int i = 0; i < N_DESKS; i++)
    {
      PQfinish (conns[i]);
      g_object_unref (dbs[i]);
    }
}

int
main (int argc, char **argv)
{
  const char *pg = g_getenv ("MOTCUA_TEST_PG");
  int status;

  g_test_init (&argc, &argv, NULL);
  if (pg == NULL || *pg == '\0')
    {
      g_print ("1..0 # SKIP MOTCUA_TEST_PG is not set\n");
      return 77;
    }
  g_setenv ("MOTCUA_TEST_ENGINE", "pg", TRUE);
  login = g_strdup_printf ("race%d.tn", (int) getpid ());
  g_test_add_func ("/pg-logins/concurrent", test_concurrent_logins);
  status = g_test_run ();
  {
    PGconn *admin = PQconnectdb (pg);
    g_autofree char *drop = g_strdup_printf ("DROP ROLE IF EXISTS \"%s\"", login);

    PQclear (PQexec (admin, drop));
    PQfinish (admin);
  }
  return status;
}
