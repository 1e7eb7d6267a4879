/* test-pg-desks.c — two PCs' worth of desks on one PostgreSQL server, each signed in as its own login
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17, item 2 and "done means", against a real server (MOTCUA_TEST_PG,
 * a keyword=value conninfo of a user who may create databases and roles;
 * skipped without it). The installer fills a database (`motcua demo`), takes
 * the password hashes away (a center on a server has none: the passwords are
 * the logins', SCRAM) and gives the demo's people their logins
 * (`motcua server add-login`) and a lobby board its own (`server add-board`).
 * Then, each a separate `motcua` process connecting as that person's login
 * with PGPASSWORD (no --user, no .pgpass):
 *  - sign-in: a wrong or missing password is refused in Vietnamese, the
 *    connection's login cannot act as another person;
 *  - one dossier end to end: the counter receives and hands it on, the
 *    specialist, the head, the leader and the records clerk each accept and
 *    pass it on, the records clerk finishes it, the counter returns it; a
 *    board in this process, connected as the board's login, is told of each
 *    change within 1 s (LISTEN/NOTIFY) and reads the result waiting at the
 *    counter, masked; the audit trail names each login for its rows;
 *  - the whole board (mc_board_model_load) and the counter display's
 *    officer's name read under the board's login (0026, 0028);
 *  - refusals by the server itself, each as that login (not through the
 *    program): writes and reads outside the group's grants;
 *  - a password the administrator set is changed at the next sign-in, by
 *    the person, through mc_staff_set_own_password (), and only their own;
 *  - the last administrator who can sign in (a login, no hash) is kept.
 * Logins are global to a cluster: every name here carries this run's tag.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "mc-board-model.h"
#include "mc-board-stats.h"
#include "mc-calendar-store.h"
#include "mc-db-private.h"
#include "mc-db-watch.h"
#include "mc-queue.h"

#define PASSWORD "Matkhau2026"

static char *admin_info;   /* MOTCUA_TEST_PG */
static char *server;       /* the test database, as the installer */
static char *desk_info;    /* the test database without user nor password: each desk adds its own */
static char *db_name;
static char *tag;

static char *
login_of (const char *demo_name)
{
  return g_strdup_printf ("%s.%s", tag, demo_name);
}

static PGresult *
admin_exec (const char *conninfo, const char *sql)
{
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (res));
  PQfinish (conn);
  return res;
}

static void
admin_run (const char *conninfo, const char *sql)
{
  PQclear (admin_exec (conninfo, sql));
}

static char *
admin_text (const char *sql)
{
  PGresult *res = admin_exec (server, sql);
  char *text = PQntuples (res) > 0 ? g_strdup (PQgetvalue (res, 0, 0)) : NULL;

  PQclear (res);
  return text;
}

/* `motcua --db DB ARGS…` with PGPASSWORD = password (NULL: none, and no
 * terminal to ask at); its exit status, output and error output. */
static int
run_as (const char *db, const char *password, const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  env = g_environ_unsetenv (env, "PGPASSWORD");
  env = g_environ_setenv (env, "PGPASSFILE", "/nonexistent", TRUE);
  if (password != NULL)
    env = g_environ_setenv (env, "PGPASSWORD", password, TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static char *
desk_db (const char *login)
{
  return g_strdup_printf ("%s user=%s", desk_info, login);
}

/* As the demo's person `who`, with their login's password; fails the test
 * on a refusal. The output. */
static char *
as (const char *who, const char *const *args)
{
  g_autofree char *login = login_of (who);
  g_autofree char *db = desk_db (login);
  g_autofree char *err = NULL;
  char *out = NULL;

  if (run_as (db, PASSWORD, args, &out, &err) != 0)
    g_error ("%s: motcua %s %s: %s%s", login, args[0], args[1] ? args[1] : "", out, err);
  return out;
}

/* As `who`, expecting a refusal whose message holds `expected`. */
static void
as_refused (const char *who, const char *password, const char *const *args, const char *expected)
{
  g_autofree char *login = login_of (who);
  g_autofree char *db = desk_db (login);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_as (db, password, args, &out, &err), ==, 1);
  if (strstr (err, expected) == NULL)
    g_error ("%s: motcua %s %s: expected “%s” in: %s", login, args[0], args[1] ? args[1] : "", expected, err);
}

typedef struct {
  McChangeKind kind;
  gint64       at;
} Told;

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, GArray *told)
{
  Told t = { kind, g_get_monotonic_time () };

  g_array_append_val (told, t);
}

/* Runs the main loop until `told` has a dossier change after `from`, at most
 * `ms`; its time, or -1. */
static gint64
wait_dossier_change (GArray *told, guint from, int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      for (guint i = from; i < told->len; i++)
        if (g_array_index (told, Told, i).kind == MC_CHANGE_DOSSIER || g_array_index (told, Told, i).kind == MC_CHANGE_ALL)
          return g_array_index (told, Told, i).at;
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
test_sign_in (void)
{
  g_autofree char *out = NULL;
  g_autofree char *other = login_of ("cv.tuan");

  /* Right password: the login is the person, no --user needed. */
  out = as ("tn.lan", (const char *const[]) { "dossier", "inbox", NULL });
  g_clear_pointer (&out, g_free);
  as_refused ("tn.lan", "Sai-mat-khau-1", (const char *const[]) { "dossier", "inbox", NULL },
              "Sai tên đăng nhập hoặc mật khẩu");
  as_refused ("tn.lan", NULL, (const char *const[]) { "dossier", "inbox", NULL }, "mật khẩu");
  /* The connection is tn.lan's: it cannot act in cv.tuan's name. */
  as_refused ("tn.lan", PASSWORD, (const char *const[]) { "--user", other, "dossier", "inbox", NULL }, "tn.lan");
  /* The board's login is nobody: a command needing a person is refused. */
  as_refused ("board", PASSWORD, (const char *const[]) { "dossier", "inbox", NULL }, "");
}

/* One step of the chain by `who`; the board is told within 1 s of the
 * process's end. */
static char *
step (const char *who, GArray *told, const char *const *args)
{
  guint from = told->len;
  char *out = as (who, args);
  gint64 ended = g_get_monotonic_time ();
  gint64 at = wait_dossier_change (told, from, 1000);

  if (at < 0)
    g_error ("the board was not told of %s's %s %s within 1 s", who, args[0], args[1]);
  g_test_message ("%s %s: told %.1f ms after the process ended", who, args[1], (at - ended) / 1000.0);
  return out;
}

static void
test_end_to_end (void)
{
  g_autofree char *board_login = login_of ("board");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) board = NULL;
  g_autoptr(McDbWatch) watch = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, TRUE, sizeof (Told));
  g_autoptr(GPtrArray) waiting = NULL;
  g_autofree char *out = NULL;
  g_autofree char *code = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *logins = NULL;
  const char *who[] = { "cv.tuan", "tp.hoa", "pct.nga", "vt.yen" };
  guint total = 0;
  gboolean found = FALSE;

  /* The lobby board: this process, connected as the board's own login. */
  mc_db_set_server_login (board_login, PASSWORD);
  board = mc_db_new (desk_info, NULL, &error);
  g_assert_no_error (error);
  watch = mc_db_watch_new (desk_info, board, mc_db_get_changes (board));
  g_assert_true (mc_db_watch_is_monitoring (watch));
  g_signal_connect (mc_db_get_changes (board), "changed", G_CALLBACK (changed_cb), told);
  spin (100);

  out = step ("tn.lan", told, (const char *const[]) { "dossier", "receive", "--procedure", "1.000080", "--name",
                                                      "Lê Văn Bình", "--id-number", "038085012345", "--channel",
                                                      "truc_tiep", NULL });
  code = g_strndup (out, strcspn (out, "\t\n"));
  g_clear_pointer (&out, g_free);
  g_free (step ("tn.lan", told, (const char *const[]) { "dossier", "transfer", code, NULL }));
  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      g_free (step (who[i], told, (const char *const[]) { "dossier", "accept", code, NULL }));
      if (i + 1 < G_N_ELEMENTS (who))
        g_free (step (who[i], told, (const char *const[]) { "dossier", "transfer", code, NULL }));
    }
  out = step ("vt.yen", told, (const char *const[]) { "dossier", "finish", code, "--number", "12/QĐ-UBND", NULL });
  g_assert_nonnull (strstr (out, "result_ready"));
  g_clear_pointer (&out, g_free);

  /* The board reads the result waiting at the counter, the name masked. */
  waiting = mc_board_stats_waiting (board, 50, &total, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < waiting->len; i++)
    {
      McWaitingResult *r = waiting->pdata[i];

      if (g_strcmp0 (r->code, code) == 0)
        {
          found = TRUE;
          g_assert_cmpstr (r->applicant_name, !=, "Lê Văn Bình");
          g_assert_false (strstr (r->applicant_name, "Văn"));
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (total, >=, 1);
  /* The whole board as it draws it (06a's figures, the departments, the
   * month's apologies, the calls), under the board's login. */
  {
    g_autoptr(McCalendar) calendar = mc_calendar_store_load (board, &error);
    g_autoptr(McWorkflow) workflow = NULL;
    g_autoptr(McBoardModel) model = NULL;

    g_assert_no_error (error);
    workflow = mc_workflow_new (board, calendar);
    model = mc_board_model_load (workflow, 0, &error);
    g_assert_no_error (error);
    found = FALSE;
    for (guint i = 0; i < model->results->len; i++)
      {
        McBoardResult *r = model->results->pdata[i];

        if (g_strcmp0 (r->code, code) == 0)
          {
            found = TRUE;
            g_assert_cmpstr (r->name, ==, "Lê V. B.");
          }
      }
    g_assert_true (found);
    g_test_message ("board: received today %u, this month %u, this year %u", model->periods[MC_BOARD_TODAY].total.received, model->periods[MC_BOARD_MONTH].total.received, model->periods[MC_BOARD_YEAR].total.received);
    g_assert_cmpuint (model->periods[MC_BOARD_YEAR].total.received, >=, 1);
  }

  out = step ("tn.lan", told, (const char *const[]) { "dossier", "return", code, "--collected-by", "Lê Văn Bình",
                                                      "--id-number", "038085012345", NULL });
  g_assert_nonnull (strstr (out, "returned"));

  /* Each row of the dossier's trail names the login that wrote it. */
  sql = g_strdup_printf ("SELECT string_agg (DISTINCT a.session_role || '=' || coalesce (s.username, '?'), ',' "
                         "ORDER BY a.session_role || '=' || coalesce (s.username, '?')) FROM audit_log a "
                         "LEFT JOIN staff s ON s.id = a.staff_id JOIN dossier d ON d.code = '%s' "
                         "WHERE a.object_kind IN ('dossier', 'dossier_event') AND a.detail LIKE '%s%%'", code, code);
  logins = admin_text (sql);
  {
    g_autofree char *expected = g_strdup_printf ("%s.cv.tuan=%s.cv.tuan,%s.pct.nga=%s.pct.nga,%s.tn.lan=%s.tn.lan,"
                                                 "%s.tp.hoa=%s.tp.hoa,%s.vt.yen=%s.vt.yen", tag, tag, tag, tag, tag,
                                                 tag, tag, tag, tag, tag);
    g_assert_cmpstr (logins, ==, expected);
  }
  mc_db_set_server_login (NULL, NULL);
}

/* `sql` as `who`'s login straight to the server, as psql would: refused
 * with insufficient_privilege (42501). */
static void
server_refuses (const char *who, const char *sql)
{
  g_autofree char *login = login_of (who);
  g_autofree char *info = g_strdup_printf ("%s user=%s password=%s", desk_info, login, PASSWORD);
  PGconn *conn = PQconnectdb (info);
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (g_strcmp0 (PQresultErrorField (res, PG_DIAG_SQLSTATE), "42501") != 0)
    g_error ("%s was not refused “%s”: %s %s", login, sql, PQresStatus (PQresultStatus (res)),
             PQresultErrorMessage (res));
  PQclear (res);
  PQfinish (conn);
}

/* The administrator's login has not the personal-data permission: it may
 * not read the ID number and the phone (column privileges), and a statement
 * naming them was refused whole — Danh sách hồ sơ and Xử lý hồ sơ empty for
 * the administrator, motcua dossier show refused (found looking at every page
 * on a server). It reads the dossier with those two empty, as on a file; the
 * counter's clerk, who has the permission, reads them. */
static void
test_without_personal_data (void)
{
  g_autofree char *code = admin_text ("SELECT code FROM dossier WHERE applicant_id_number IS NOT NULL "
                                      "AND applicant_phone IS NOT NULL ORDER BY id LIMIT 1");
  g_autofree char *id_number = NULL;
  g_autofree char *by_admin = NULL;
  g_autofree char *by_counter = NULL;
  g_autofree char *inbox = NULL;

  g_assert_nonnull (code);
  /* The inbox's lines (mc-workflow-records.c) name the phone too. */
  inbox = as ("admin", (const char *const[]) { "dossier", "inbox", NULL });
  g_assert_nonnull (inbox);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT applicant_id_number FROM dossier WHERE code = '%s'", code);

    id_number = admin_text (sql);
  }
  by_admin = as ("admin", (const char *const[]) { "dossier", "show", code, NULL });
  g_assert_nonnull (strstr (by_admin, code));
  g_assert_nonnull (strstr (by_admin, "id_number\t\n"));
  g_assert_nonnull (strstr (by_admin, "phone\t\n"));
  g_assert_null (strstr (by_admin, id_number));
  by_counter = as ("tn.lan", (const char *const[]) { "dossier", "show", code, NULL });
  g_assert_nonnull (strstr (by_counter, id_number));
}

/* The counter display under the board's login: the number called and the
 * officer's name (queue_clerk), no staff row. */
static void
test_counter_display (void)
{
  g_autofree char *board_login = login_of ("board");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) board = NULL;
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  gboolean found = FALSE;

  g_free (as ("tn.lan", (const char *const[]) { "queue", "take", "--service", "1", NULL }));
  g_free (as ("tn.lan", (const char *const[]) { "queue", "call", "--counter", "1", NULL }));
  mc_db_set_server_login (board_login, PASSWORD);
  board = mc_db_new (desk_info, NULL, &error);
  g_assert_no_error (error);
  queue = mc_queue_new (board);
  tickets = mc_queue_list_day (queue, mc_time_get_date (mc_time_now ()), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tickets->len; i++)
    if (g_strcmp0 (mc_queue_ticket_get_staff_name (tickets->pdata[i]), "Lê Thị Lan") == 0)
      found = TRUE;
  g_assert_true (found);
  mc_db_set_server_login (NULL, NULL);
}

static void
test_server_refuses (void)
{
  g_autofree char *other = login_of ("tn.ha");
  g_autofree char *alter = g_strdup_printf ("ALTER ROLE \"%s\" PASSWORD 'Chiem-quyen-2026'", other);

  /* The counter: no settings, no accounts, no hash, no trail, no one else's password. */
  server_refuses ("tn.lan", "UPDATE setting SET value = 'x' WHERE key = 'report.signer'");
  server_refuses ("tn.lan", "UPDATE staff SET roles = 'quan_tri'");
  server_refuses ("tn.lan", "SELECT password_hash FROM staff");
  server_refuses ("tn.lan", "SELECT count (*) FROM audit_log");
  server_refuses ("tn.lan", "DELETE FROM audit_log");
  server_refuses ("tn.lan", alter);
  /* The specialist does not receive; the reporting clerk reads no ID number. */
  server_refuses ("cv.tuan", "INSERT INTO dossier (code) VALUES ('X')");
  server_refuses ("tn.ha", "SELECT count (*) FROM procedure_step; UPDATE procedure SET name = 'x'");
  /* The board: no person, no dossier row, no staff, no writes. */
  server_refuses ("board", "SELECT applicant_name FROM dossier");
  server_refuses ("board", "SELECT full_name FROM staff");
  server_refuses ("board", "UPDATE dossier SET state = 'returned'");
  server_refuses ("board", "SELECT mc_staff_set_own_password ('SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5')");
}

static void
test_must_change (void)
{
  g_autofree char *login = login_of ("tn.ha");
  g_autofree char *db = desk_db (login);
  g_autofree char *sql = g_strdup_printf ("UPDATE staff SET must_change_password = 1 WHERE username = '%s'", login);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *left = NULL;

  admin_run (server, sql);
  as_refused ("tn.ha", PASSWORD, (const char *const[]) { "dossier", "inbox", NULL }, "account password");
  g_setenv ("MOTCUA_NEW_PASSWORD", "Mat-khau-moi-2026", TRUE);
  /* Not strong enough, then the same as now: refused, nothing changed. */
  g_setenv ("MOTCUA_NEW_PASSWORD", "ngan", TRUE);
  as_refused ("tn.ha", PASSWORD, (const char *const[]) { "account", "password", NULL }, "8");
  g_setenv ("MOTCUA_NEW_PASSWORD", "Mat-khau-moi-2026", TRUE);
  g_free (as ("tn.ha", (const char *const[]) { "account", "password", NULL }));
  g_unsetenv ("MOTCUA_NEW_PASSWORD");
  g_free (sql);
  sql = g_strdup_printf ("SELECT must_change_password FROM staff WHERE username = '%s'", login);
  left = admin_text (sql);
  g_assert_cmpstr (left, ==, "0");
  /* The old password no longer opens the server; the new one does. */
  as_refused ("tn.ha", PASSWORD, (const char *const[]) { "dossier", "inbox", NULL }, "Sai tên đăng nhập");
  g_assert_cmpint (run_as (db, "Mat-khau-moi-2026", (const char *const[]) { "dossier", "inbox", NULL }, &out, &err),
                   ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM audit_log a JOIN staff s ON s.id = a.staff_id "
                         "WHERE s.username = '%s' AND a.detail = '%s tự đổi mật khẩu'", login, login);
  g_free (left);
  left = admin_text (sql);
  g_assert_cmpstr (left, ==, "1");
}

static void
test_keeps_an_admin (void)
{
  g_autofree char *admin = login_of ("admin");

  /* The only administrator with a login (no hash on the server): kept. */
  as_refused ("admin", PASSWORD, (const char *const[]) { "account", "set", admin, "--roles", "tiep_nhan", NULL },
              "quản trị");
  {
    g_autofree char *roles = NULL;
    g_autofree char *sql = g_strdup_printf ("SELECT roles FROM staff WHERE username = '%s'", admin);

    roles = admin_text (sql);
    g_assert_cmpstr (roles, ==, "quan_tri");
  }
}

int
main (int argc, char **argv)
{
  const char *pg = g_getenv ("MOTCUA_TEST_PG");
  const char *demo_people[] = { "admin", "tn.lan", "tn.ha", "cv.tuan", "tp.hoa", "pct.nga", "vt.yen" };
  g_autofree char *pwfile = NULL;
  PQconninfoOption *options;
  GString *info;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (pg == NULL || *pg == '\0' || g_getenv ("MOTCUA_BIN") == NULL)
    {
      g_test_skip ("MOTCUA_TEST_PG is not set");
      return 77;
    }
  admin_info = g_strdup (pg);
  g_unsetenv ("MOTCUA_PASSWORD");
  tag = g_strdup_printf ("d%d", (int) getpid ());
  db_name = g_strdup_printf ("motcua_desks_%d", (int) getpid ());
  server = g_strdup_printf ("%s dbname=%s", pg, db_name);
  /* The desks' conninfo: the server's address only. */
  info = g_string_new (NULL);
  options = PQconninfoParse (pg, NULL);
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (o->val != NULL && (g_str_equal (o->keyword, "host") || g_str_equal (o->keyword, "port") ||
                           g_str_equal (o->keyword, "hostaddr") || g_str_equal (o->keyword, "sslmode")))
      g_string_append_printf (info, "%s=%s ", o->keyword, o->val);
  PQconninfoFree (options);
  g_string_append_printf (info, "dbname=%s", db_name);
  desk_info = g_string_free (info, FALSE);
  {
    g_autofree char *create = g_strdup_printf ("CREATE DATABASE \"%s\"", db_name);
    admin_run (admin_info, create);
  }
  /* The center: the demo as the installer; then, as on a server, no hashes. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    GString *rename = g_string_new ("UPDATE staff SET password_hash = NULL, username = CASE username ");

    g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);
    if (run_as (server, NULL, (const char *const[]) { "demo", "--dossiers", "10", "--seed", "3", NULL }, &out, &err))
      g_error ("demo: %s%s", out, err);
    g_unsetenv ("MOTCUA_PASSWORD");
    for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
      g_string_append_printf (rename, "WHEN '%s' THEN '%s.%s' ", demo_people[i], tag, demo_people[i]);
    g_string_append (rename, "ELSE username END");
    admin_run (server, rename->str);
    g_string_free (rename, TRUE);
  }
  pwfile = g_strdup_printf ("%s/motcua-desks-%s.pw", g_get_tmp_dir (), tag);
  g_assert_true (g_file_set_contents (pwfile, PASSWORD "\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      g_autofree char *login = login_of (demo_people[i]);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      if (run_as (NULL, NULL, (const char *const[]) { "server", "add-login", server, login, "--password-file", pwfile,
                                                      NULL }, &out, &err))
        g_error ("add-login %s: %s%s", login, out, err);
    }
  {
    g_autofree char *board = login_of ("board");
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    if (run_as (NULL, NULL, (const char *const[]) { "server", "add-board", server, board, "--password-file", pwfile,
                                                    NULL }, &out, &err))
      g_error ("add-board %s: %s%s", board, out, err);
  }
  g_unlink (pwfile);

  g_test_add_func ("/pg-desks/sign-in", test_sign_in);
  g_test_add_func ("/pg-desks/end-to-end", test_end_to_end);
  g_test_add_func ("/pg-desks/counter-display", test_counter_display);
  g_test_add_func ("/pg-desks/server-refuses", test_server_refuses);
  g_test_add_func ("/pg-desks/without-personal-data", test_without_personal_data);
  g_test_add_func ("/pg-desks/must-change", test_must_change);
  g_test_add_func ("/pg-desks/keeps-an-admin", test_keeps_an_admin);
  status = g_test_run ();
  {
    g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", db_name);
    admin_run (admin_info, drop);
  }
  for (guint i = 0; i <= G_N_ELEMENTS (demo_people); i++)
    {
      g_autofree char *login = login_of (i < G_N_ELEMENTS (demo_people) ? demo_people[i] : "board");
      g_autofree char *drop = g_strdup_printf ("DROP ROLE IF EXISTS \"%s\"", login);
      admin_run (admin_info, drop);
    }
  return status;
}
