/* test-crash.c — killed at any moment, a dossier is either complete or absent
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §6: "killing the process at any moment loses no committed dossier
 * and leaves no half-written one". A child process (this program with
 * --child) receives dossiers and transfers some of them in a loop, printing
 * each code after its transaction committed; the parent kills it with
 * SIGKILL at a random moment (during start-up, WAL recovery, inside a
 * transaction or between two), starts another, and so on, at least 200
 * times. Then the database must pass integrity_check, hold every printed
 * dossier complete, and hold no dossier without its documents and events.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-dossier-store.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

#define DEFAULT_KILLS 200
/* Every other kill comes this long after the child was started: start-up
 * takes a few tens of milliseconds on a quiet machine, so early kills hit the
 * opening of the database and later ones the receive/transfer loop. The
 * others come this long after the child said it opened the database, so
 * they hit the loop however slow start-up is (a CI machine at load 18 let
 * only 49 dossiers through 200 kills timed from the start). */
#define MIN_DELAY_US 2000
#define MAX_DELAY_US 150000

/* One write () per line: a pipe never splits a line shorter than PIPE_BUF. */
static void
say (const char *kind, const char *code)
{
  g_autofree char *line = g_strdup_printf ("%s %s\n", kind, code);
  g_assert_cmpint (write (STDOUT_FILENO, line, strlen (line)), ==, (gssize) strlen (line));
}

static McDossier *
new_dossier (GRand *rand)
{
  McDossier *dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);

  d->procedure_code = g_strdup ("1.001193");
  d->applicant_name = g_strdup_printf ("Nguyễn Văn %u", g_rand_int_range (rand, 1, 100000));
  d->applicant_id_number = g_strdup ("038085012345");
  d->channel = MC_CHANNEL_TRUC_TIEP;
  mc_dossier_add_document (dossier, "Tờ khai đăng ký khai sinh", 1, 0, TRUE);
  mc_dossier_add_document (dossier, "Giấy chứng sinh", 1, 0, FALSE);
  return dossier;
}

static int
run_child (const char *path, guint32 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McWorkflow) wf = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const McAction action = { 0, NULL, NULL };

  if (db == NULL || (calendar = mc_calendar_store_load (db, &error)) == NULL)
    goto fail;
  store = mc_dossier_store_new (db, calendar);
  wf = mc_workflow_new (db, calendar);
  say ("O", "-");
  for (;;)
    {
      g_autoptr(McDossier) dossier = new_dossier (rand);
      const char *code;

      if (!mc_dossier_store_receive (store, dossier, &error))
        goto fail;
      code = mc_dossier_get_data (dossier)->code;
      say ("R", code);
      if (g_rand_boolean (rand))
        {
          if (!mc_workflow_transfer (wf, code, &action, NULL, NULL, &error))
            goto fail;
          say ("T", code);
        }
    }
fail:
  g_printerr ("child: %s\n", error->message);
  return 1;
}

static char *
create_database (void)
{
  g_autofree char *path = mc_test_tmp_path ("crash.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McCatalog) catalog = NULL;

  g_assert_no_error (error);
  catalog = mc_catalog_new (db);
  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_true (mc_db_exec (db, "UPDATE unit SET code = '000.00.06.H56' WHERE relation = 'self'", &error));
  return g_steal_pointer (&path);
}

/* Complete lines only: a line cut by the kill names nothing. */
static void
collect (const char *output, GHashTable *received, GHashTable *transferred)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (g_str_has_prefix (lines[i], "R "))
        g_hash_table_add (received, g_strdup (lines[i] + 2));
      else if (g_str_has_prefix (lines[i], "T "))
        g_hash_table_add (transferred, g_strdup (lines[i] + 2));
      else if (!g_str_equal (lines[i], "O -"))
        g_error ("unexpected output from the child: %s", lines[i]);
    }
}

static char *
read_all (int fd)
{
  GString *out = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  return g_string_free (out, FALSE);
}

/* Reads up to and including the child's "O -" line (the database is open),
 * appending what it read to `out`; FALSE if the pipe closed first. */
static gboolean
read_until_open (int fd, GString *out)
{
  char c;

  while (read (fd, &c, 1) == 1)
    {
      g_string_append_c (out, c);
      if (c == '\n' && g_str_has_suffix (out->str, "O -\n"))
        return TRUE;
    }
  return FALSE;
}

/* Starts a child, kills it `delay_us` after its start, or after it opened
 * the database when `from_open`; FALSE if it died on its own. */
static gboolean
kill_one_child (const char *exe, const char *path, guint32 seed, gulong delay_us, gboolean from_open,
                char **output)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_autofree char *rest = NULL;
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { exe, "--child", path, seed_text, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd, status;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                            &out_fd, NULL, &error);
  g_assert_no_error (error);
  if (from_open)
    read_until_open (out_fd, head);
  g_usleep (delay_us);
  kill (pid, SIGKILL);
  rest = read_all (out_fd);
  g_string_append (head, rest);
  *output = g_strdup (head->str);
  close (out_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
}

static void
check_printed (McDb *db, GHashTable *received, GHashTable *transferred)
{
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, received);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      McSqlStmt *stmt = mc_db_prepare (db,
          "SELECT (SELECT count(*) FROM dossier_document WHERE dossier_id = d.id), "
          "(SELECT count(*) FROM dossier_event WHERE dossier_id = d.id AND kind = 'receive'), "
          "(SELECT count(*) FROM dossier_event WHERE dossier_id = d.id AND kind = 'transfer'), "
          "d.state, (SELECT state_to FROM dossier_event WHERE dossier_id = d.id ORDER BY id DESC LIMIT 1) "
          "FROM dossier d WHERE d.code = ?", NULL);
      gboolean moved = g_hash_table_contains (transferred, code);

      mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
      if (mc_sql_step (stmt, NULL) != MC_DB_STEP_ROW)
        g_error ("dossier %s was committed but is missing", (char *) code);
      g_assert_cmpint (mc_sql_column_int (stmt, 0), ==, 2);
      g_assert_cmpint (mc_sql_column_int (stmt, 1), ==, 1);
      if (moved)
        g_assert_cmpint (mc_sql_column_int (stmt, 2), ==, 1);
      /* The state is the one its last event moved it to. */
      g_assert_cmpstr (mc_sql_column_text (stmt, 3), ==,
                       mc_sql_column_text (stmt, 4));
      mc_sql_reset (stmt);
    }
}

static void
check_no_half_written (McDb *db)
{
  McSqlStmt *stmt;
  g_autoptr(GHashTable) max_by_day = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier d WHERE "
                                        "(SELECT count(*) FROM dossier_document WHERE dossier_id = d.id) <> 2 OR "
                                        "(SELECT count(*) FROM dossier_event WHERE dossier_id = d.id "
                                        "AND kind = 'receive') <> 1 OR d.state <> (SELECT state_to FROM "
                                        "dossier_event WHERE dossier_id = d.id ORDER BY id DESC LIMIT 1)",
                                   NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier d WHERE state <> 'received' AND NOT EXISTS "
                                        "(SELECT 1 FROM dossier_event WHERE dossier_id = d.id AND kind = 'transfer')",
                                   NULL), ==, 0);
  /* Codes are numbered per day without gaps: the counter is the last one. */
  stmt = mc_db_prepare (db, "SELECT code FROM dossier", NULL);
  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    {
      g_auto(GStrv) parts = g_strsplit (mc_sql_column_text (stmt, 0), "-", -1);
      guint n = g_strv_length (parts);
      gint64 number = g_ascii_strtoll (parts[n - 1], NULL, 10);
      gint64 known = GPOINTER_TO_SIZE (g_hash_table_lookup (max_by_day, parts[n - 2]));
      g_hash_table_insert (max_by_day, g_strdup (parts[n - 2]), GSIZE_TO_POINTER (MAX (known, number)));
    }
  mc_sql_reset (stmt);
  stmt = mc_db_prepare (db, "SELECT day, last, (SELECT count(*) FROM dossier WHERE code LIKE '%-' || day || '-%') "
                            "FROM dossier_code_seq", NULL);
  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    {
      const char *day = mc_sql_column_text (stmt, 0);
      g_assert_cmpint (mc_sql_column_int64 (stmt, 1), ==, mc_sql_column_int64 (stmt, 2));
      g_assert_cmpint (mc_sql_column_int64 (stmt, 1), ==,
                       (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (max_by_day, day)));
    }
  mc_sql_reset (stmt);
}

static void
test_kill (void)
{
  g_autofree char *path = create_database ();
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GHashTable) received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) transferred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;
  const char *env = g_getenv ("MOTCUA_CRASH_KILLS");
  guint kills = env ? (guint) atoi (env) : DEFAULT_KILLS;
  guint survived = 0;

  g_assert_nonnull (exe);
  for (guint i = 0; i < kills; i++)
    {
      g_autofree char *output = NULL;
      gulong delay = (gulong) g_test_rand_int_range (MIN_DELAY_US, MAX_DELAY_US);

      if (!kill_one_child (exe, path, g_test_rand_int (), delay, i % 2 == 1, &output))
        g_error ("the child stopped on its own after %lu µs; its output:\n%s", delay, output);
      collect (output, received, transferred);
      survived++;
    }
  g_test_message ("%u kills survived; %u dossiers received and %u transferred were reported committed",
                  survived, g_hash_table_size (received), g_hash_table_size (transferred));
  /* Meaningful only if the kills came while dossiers were being written. */
  g_assert_cmpuint (g_hash_table_size (received), >=, kills / 2);

  db = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM pragma_integrity_check "
                                        "WHERE integrity_check <> 'ok'", NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);
  check_printed (db, received, transferred);
  check_no_half_written (db);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), >=,
                   g_hash_table_size (received));
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], (guint32) g_ascii_strtoull (argv[3], NULL, 10));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crash/kill", test_kill);
  return g_test_run ();
}
