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
#include "mc-accounts.h"
#include "mc-id-number.h"
#include "mc-pg-lockout.h"
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

/* The first value of `sql` as `who`'s own login, straight to the server;
 * NULL when refused, with the SQLSTATE in `state`. */
static char *
login_text (const char *who, const char *sql, char **state)
{
  g_autofree char *login = login_of (who);
  g_autofree char *info = g_strdup_printf ("%s user=%s password=%s", desk_info, login, PASSWORD);
  PGconn *conn = PQconnectdb (info);
  PGresult *res;
  char *text = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) > 0)
    text = g_strdup (PQgetvalue (res, 0, 0));
  if (state != NULL)
    *state = g_strdup (PQresultErrorField (res, PG_DIAG_SQLSTATE));
  PQclear (res);
  PQfinish (conn);
  return text;
}

/* The administrator's login has not the personal-data permission: it may
 * not read the ID number and the phone (column privileges), and a statement
 * naming them was refused whole — Danh sách hồ sơ and Xử lý hồ sơ empty for
 * the administrator, motcua dossier show refused (found looking at every page
 * on a server). It reads the dossier with those two masked as the rest of
 * the program masks them (the first and the last three digits), from the
 * server's view dossier_masked (0033), while psql as that login is still
 * refused the columns; the counter's clerk, who has the permission, reads
 * them whole. */
static void
test_without_personal_data (void)
{
  g_autofree char *code = admin_text ("SELECT code FROM dossier WHERE applicant_id_number IS NOT NULL "
                                      "AND applicant_phone IS NOT NULL ORDER BY id LIMIT 1");
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *by_admin = NULL;
  g_autofree char *by_counter = NULL;
  g_autofree char *inbox = NULL;
  g_autofree char *state = NULL;
  g_autofree char *read = NULL;
  g_autofree char *sql = NULL;

  g_assert_nonnull (code);
  /* The inbox's lines (mc-workflow-records.c) name the phone too. */
  inbox = as ("admin", (const char *const[]) { "dossier", "inbox", NULL });
  g_assert_nonnull (inbox);
  sql = g_strdup_printf ("SELECT applicant_id_number FROM dossier WHERE code = '%s'", code);
  id_number = admin_text (sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT applicant_phone FROM dossier WHERE code = '%s'", code);
  phone = admin_text (sql);
  /* psql as the administrator: the columns refused, the view masked. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT applicant_id_number FROM dossier WHERE code = '%s'", code);
  read = login_text ("admin", sql, &state);
  g_assert_null (read);
  g_assert_cmpstr (state, ==, "42501");
  g_free (sql);
  sql = g_strdup_printf ("SELECT m.applicant_id_number || ' ' || m.applicant_phone FROM dossier_masked m "
                         "JOIN dossier d ON d.id = m.id WHERE d.code = '%s'", code);
  read = login_text ("admin", sql, NULL);
  {
    g_autofree char *masked_id = mc_id_number_mask (id_number);
    g_autofree char *masked_phone = mc_id_number_mask (phone);
    g_autofree char *both = g_strdup_printf ("%s %s", masked_id, masked_phone);
    g_autofree char *id_row = g_strdup_printf ("id_number\t%s\n", masked_id);
    g_autofree char *phone_row = g_strdup_printf ("phone\t%s\n", masked_phone);

    g_assert_cmpstr (read, ==, both);
    g_assert_nonnull (strstr (masked_id, "******"));
    /* The program as the administrator: masked digits, not empty, not whole. */
    by_admin = as ("admin", (const char *const[]) { "dossier", "show", code, NULL });
    g_assert_nonnull (strstr (by_admin, code));
    g_assert_nonnull (strstr (by_admin, id_row));
    g_assert_nonnull (strstr (by_admin, phone_row));
    g_assert_null (strstr (by_admin, id_number));
  }
  by_counter = as ("tn.lan", (const char *const[]) { "dossier", "show", code, NULL });
  g_assert_nonnull (strstr (by_counter, id_number));
  /* One rule: the server's mc_mask_digits masks as mc_id_number_mask. */
  {
    const char *samples[] = { "", "1", "123456", "1234567", "0912345678", "038085012345", "0123456789012" };

    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        g_autofree char *c = mc_id_number_mask (samples[i]);
        g_autofree char *q = g_strdup_printf ("SELECT mc_mask_digits ('%s')", samples[i]);
        g_autofree char *s = admin_text (q);

        g_assert_cmpstr (s, ==, c);
      }
  }
}

/* Whatever a desk's statement says, a row's actor is the login that wrote
 * it (0033): tn.lan with psql naming vt.yen as who returned a dossier, who
 * refused a citizen, who received a dossier, who issued an apology. Each row
 * is written (the counter may write those tables) but names tn.lan. And
 * what the program never changes after the reception is refused. */
static void
test_own_name (void)
{
  g_autofree char *tn = login_of ("tn.lan");
  g_autofree char *yen = login_of ("vt.yen");
  g_autofree char *sql = NULL;
  g_autofree char *who = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = admin_text ("SELECT code FROM dossier ORDER BY id LIMIT 1");

  sql = g_strdup_printf ("INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_from, state_to) "
                         "SELECT d.id, 1800000000, s.id, 'return', d.state, 'returned' FROM dossier d, staff s "
                         "WHERE d.code = '%s' AND s.username = '%s' "
                         "RETURNING (SELECT username FROM staff WHERE id = staff_id)", code, yen);
  who = login_text ("tn.lan", sql, &state);
  g_assert_cmpstr (state, ==, NULL);
  g_assert_cmpstr (who, ==, tn);
  g_free (sql);
  g_free (who);
  sql = g_strdup_printf ("INSERT INTO refusal (unit_id, procedure_id, at, staff_id, applicant_name, reason) "
                         "SELECT 1, p.id, 1800000000, s.id, 'Nguyễn Văn Từ', 'Thiếu giấy tờ' FROM procedure p, "
                         "staff s WHERE s.username = '%s' ORDER BY p.id LIMIT 1 "
                         "RETURNING (SELECT username FROM staff WHERE id = staff_id)", yen);
  who = login_text ("tn.lan", sql, NULL);
  g_assert_cmpstr (who, ==, tn);
  g_free (sql);
  g_free (who);
  sql = g_strdup_printf ("INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, received_at, "
                         "received_by, due_at, state) SELECT 'X-OWN-NAME', 1, p.id, 'Lê Thị Tên', 'truc_tiep', "
                         "1800000000, s.id, 1800500000, 'received' FROM procedure p, staff s "
                         "WHERE s.username = '%s' ORDER BY p.id LIMIT 1 "
                         "RETURNING (SELECT username FROM staff WHERE id = received_by)", yen);
  who = login_text ("tn.lan", sql, NULL);
  g_assert_cmpstr (who, ==, tn);
  g_free (sql);
  g_free (who);
  /* The leader's apology, naming the records clerk as its issuer. */
  sql = g_strdup_printf ("INSERT INTO apology (dossier_id, issued_at, reason, issued_by) SELECT d.id, 1800000000, "
                         "'Chậm', s.id FROM dossier d, staff s WHERE d.code = '%s' AND s.username = '%s' "
                         "RETURNING (SELECT username FROM staff WHERE id = issued_by)", code, yen);
  who = login_text ("pct.nga", sql, NULL);
  {
    g_autofree char *nga = login_of ("pct.nga");

    g_assert_cmpstr (who, ==, nga);
  }
  /* The program's own return, by tn.lan's process: the event is tn.lan's. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT s.username FROM dossier_event e JOIN staff s ON s.id = e.staff_id "
                         "JOIN dossier d ON d.id = e.dossier_id WHERE e.kind = 'return' AND d.code <> '%s' "
                         "ORDER BY e.id DESC LIMIT 1", code);
  g_free (who);
  who = admin_text (sql);
  if (who != NULL)
    g_assert_cmpstr (who, ==, tn);
  /* The citizen, the code, who received it: not a processing desk's to change. */
  server_refuses ("cv.tuan", "UPDATE dossier SET applicant_name = 'Người khác'");
  server_refuses ("tn.lan", "UPDATE dossier SET received_by = NULL");
  server_refuses ("vt.yen", "UPDATE dossier SET applicant_id_number = '001234567890'");
  /* No code of one's own in the schema, no temporary table shadowing one. */
  server_refuses ("tn.lan", "CREATE FUNCTION mc_actor () RETURNS bigint LANGUAGE sql RETURN 7");
  server_refuses ("tn.lan", "CREATE TEMP TABLE staff (id bigint, username text)");
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

/* A desk changes its own password, then its connection drops (the server
 * restarted, the network): the reconnection signs in with the new password
 * — PQresetStart kept the old one, which the server refuses, and the desk
 * stayed disconnected. */
static void
test_reconnect_new_password (void)
{
  g_autofree char *login = login_of ("tp.hoa");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDbWatch) watch = NULL;
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(McStaff) me = NULL;
  g_autofree char *sql = NULL;
  gint64 pid;

  mc_db_set_server_login (login, PASSWORD);
  db = mc_db_new (desk_info, NULL, &error);
  g_assert_no_error (error);
  watch = mc_db_watch_new (desk_info, db, mc_db_get_changes (db));
  spin (100);
  accounts = mc_accounts_new (db);
  me = mc_accounts_sign_in (accounts, login, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (mc_accounts_set_password (accounts, login, PASSWORD, "Mat-khau-khac-2026", &error));
  g_assert_no_error (error);
  pid = mc_db_query_int (db, "SELECT pg_backend_pid ()", &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);
  admin_run (server, sql);
  wait_connected (db, FALSE, 2000);
  wait_connected (db, TRUE, 10000);
  g_assert_cmpuint (mc_db_watch_get_reconnections (watch), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT coalesce (mc_actor (), 0)", &error), ==, mc_staff_get_id (me));
  g_assert_no_error (error);
  g_clear_object (&watch);
  g_clear_object (&db);
  mc_db_set_server_login (NULL, NULL);
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

/* Connects as `who`'s login with `password`: TRUE when the server let it in. */
static gboolean
connects (const char *who, const char *password)
{
  g_autofree char *login = login_of (who);
  g_autofree char *info = g_strdup_printf ("%s user=%s password=%s", desk_info, login, password);
  PGconn *conn = PQconnectdb (info);
  gboolean ok = PQstatus (conn) == CONNECTION_OK;

  if (!ok)
    g_test_message ("%s: %s", login, PQerrorMessage (conn));
  PQfinish (conn);
  return ok;
}

/* `motcua server lockout` as the installer; its output. */
static char *
lockout_job (const char *log)
{
  g_autofree char *err = NULL;
  char *out = NULL;

  if (run_as (NULL, NULL, (const char *const[]) { "server", "lockout", server, "--log", log, NULL }, &out, &err))
    g_error ("server lockout: %s%s", out, err);
  return out;
}

/* Failed sign-ins on a server (0033, mc-pg-lockout.c): security.max_failures
 * wrong passwords in a row, read from the server's log by `motcua server
 * lockout`, lock the account as on a file — the login's password expires, so
 * even the right one is refused, with the same message — until an
 * administrator lifts it (`account unlock`) or the lock ends; a successful
 * sign-in between clears the count. MOTCUA_TEST_PG_LOG: the server's log
 * (.ci/run sets it). */
static void
test_lockout (void)
{
  const char *log = g_getenv ("MOTCUA_TEST_PG_LOG");
  g_autofree char *login = login_of ("cv.tuan");
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  if (log == NULL || !g_file_test (log, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("MOTCUA_TEST_PG_LOG (the server's log) is not set");
      return;
    }
  admin_run (server, "INSERT INTO setting (key, value) VALUES ('security.max_failures', '3') "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  /* What the log held before this test is read once and counted. */
  g_free (lockout_job (log));
  sql = g_strdup_printf ("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE username = '%s'", login);
  admin_run (server, sql);

  /* Two wrong, a sign-in (the desk writes sign_in), two wrong: no lock. */
  g_assert_false (connects ("cv.tuan", "Sai-mat-khau-1"));
  g_assert_false (connects ("cv.tuan", "Sai-mat-khau-2"));
  g_usleep (1100 * 1000);  /* the trail's times are seconds */
  g_free (as ("cv.tuan", (const char *const[]) { "dossier", "inbox", NULL }));
  g_usleep (1100 * 1000);
  g_assert_false (connects ("cv.tuan", "Sai-mat-khau-3"));
  g_assert_false (connects ("cv.tuan", "Sai-mat-khau-4"));
  out = lockout_job (log);
  g_test_message ("%s", out);
  g_assert_true (connects ("cv.tuan", PASSWORD));
  g_free (sql);
  sql = g_strdup_printf ("SELECT failed_logins || CASE WHEN locked_until IS NULL THEN ' t' ELSE ' f' END FROM staff WHERE username = '%s'",
                         login);
  text = admin_text (sql);
  g_assert_cmpstr (text, ==, "2 t");

  /* A third in a row: locked; the right password is refused as a wrong one. */
  g_assert_false (connects ("cv.tuan", "Sai-mat-khau-5"));
  g_free (out);
  out = lockout_job (log);
  g_test_message ("%s", out);
  g_assert_false (connects ("cv.tuan", PASSWORD));
  as_refused ("cv.tuan", PASSWORD, (const char *const[]) { "dossier", "inbox", NULL }, "Sai tên đăng nhập");
  g_free (text);
  text = admin_text (sql);
  g_assert_cmpstr (text, ==, "3 f");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM audit_log a JOIN staff s ON s.id = a.object_id "
                         "WHERE a.action = 'sign_in_locked' AND s.username = '%s'", login);
  g_free (text);
  text = admin_text (sql);
  g_assert_cmpstr (text, ==, "1");

  /* The administrator lifts it: the right password opens again. */
  g_free (as ("admin", (const char *const[]) { "account", "unlock", login, NULL }));
  g_assert_true (connects ("cv.tuan", PASSWORD));

  /* A lock that has ended is lifted by the next run. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE staff SET locked_until = mc_now () - 1 WHERE username = '%s'; "
                         "ALTER ROLE \"%s\" VALID UNTIL '-infinity'", login, login);
  admin_run (server, sql);
  g_assert_false (connects ("cv.tuan", PASSWORD));
  g_free (out);
  out = lockout_job (log);
  g_test_message ("%s", out);
  g_assert_true (connects ("cv.tuan", PASSWORD));
  admin_run (server, "DELETE FROM setting WHERE key = 'security.max_failures'");
}

/* The lines of the log the job reads, in the formats PostgreSQL writes. */
static void
test_lockout_lines (void)
{
  g_autoptr(GTimeZone) hanoi = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autofree char *user = NULL;

  g_assert_cmpint (mc_pg_lockout_line_time ("2026-12-08 01:50:40.889 UTC [27352] FATAL:  x", NULL), ==,
                   G_GINT64_CONSTANT (1796694640889));
  g_assert_cmpint (mc_pg_lockout_line_time ("2026-12-08 08:50:40.889 +07 [27352] FATAL:  x", NULL), ==,
                   G_GINT64_CONSTANT (1796694640889));
  g_assert_cmpint (mc_pg_lockout_line_time ("2026-12-08 08:50:40 ICT [1] FATAL:  x", hanoi), ==,
                   G_GINT64_CONSTANT (1796694640000));
  g_assert_cmpint (mc_pg_lockout_line_time ("\tDETAIL:  Connection matched", NULL), ==, -1);
  user = mc_pg_lockout_line_user ("2026-12-08 01:50:40.889 UTC [1] FATAL:  password authentication failed for "
                                  "user \"tn.lan\"\n");
  g_assert_cmpstr (user, ==, "tn.lan");
  g_free (user);
  user = mc_pg_lockout_line_user ("2026-12-08 01:50:40.889 UTC,\"tn.lan\",\"motcua\",1,,FATAL,28P01,"
                                  "\"password authentication failed for user \"\"tn.lan\"\"\",,,");
  g_assert_cmpstr (user, ==, "tn.lan");
  g_assert_null (mc_pg_lockout_line_user ("2026-12-08 01:50:40.889 UTC [1] LOG:  connection received"));
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
  g_test_add_func ("/pg-desks/own-name", test_own_name);
  g_test_add_func ("/pg-desks/reconnect-new-password", test_reconnect_new_password);
  g_test_add_func ("/pg-desks/must-change", test_must_change);
  g_test_add_func ("/pg-desks/keeps-an-admin", test_keeps_an_admin);
  g_test_add_func ("/pg-desks/lockout", test_lockout);
  g_test_add_func ("/pg-desks/lockout-lines", test_lockout_lines);
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
