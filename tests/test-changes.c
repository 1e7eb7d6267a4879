/* test-changes.c — change notification: told once after a commit, never for a rollback, other processes seen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-catalog.h"
#include "mc-db-watch.h"
#include "mc-test-utils.h"

typedef struct {
  McChangeKind kind;
  gint64       id;
} Told;

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, GArray *told)
{
  Told t = { kind, id };

  g_array_append_val (told, t);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GArray *
listen (McDb *db)
{
  GArray *told = g_array_new (FALSE, TRUE, sizeof (Told));

  drain ();  /* what opening wrote (the database id) */
  g_signal_connect (mc_db_get_changes (db), "changed", G_CALLBACK (changed_cb), told);
  return told;
}

static McCatalog *
catalog_on (McDb *db)
{
  g_autoptr(GError) error = NULL;
  McCatalog *catalog = mc_catalog_new (db);

  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
save_days (McCatalog *catalog, const char *code, double days, gboolean ok)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McProcedure) p = mc_catalog_find_procedure (catalog, code, &error);
  g_autoptr(McProcedure) edited = mc_procedure_copy (p);

  mc_procedure_set_days (edited, days);
  if (!ok)  /* steps longer than the law allows: refused */
    ((McProcedureStep *) mc_procedure_get_steps (edited)->pdata[0])->days += 1;
  g_assert_cmpint (mc_catalog_save_procedure (catalog, edited, &error), ==, ok);
}

/* A procedure saved: one emission, PROCEDURE with its id, after the commit
 * and not during it (nothing before the main loop runs). */
static void
test_commit_once (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = catalog_on (db);
  g_autoptr(GArray) told = listen (db);
  g_autoptr(McProcedure) p = mc_catalog_find_procedure (catalog, "1.001193", NULL);

  save_days (catalog, "1.001193", 3, TRUE);
  g_assert_cmpuint (told->len, ==, 0);
  drain ();
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, Told, 0).kind, ==, MC_CHANGE_PROCEDURE);
  /* A server's write hook reads the table from the statement's text, not
   * the row (mc-sql-pg.c): the kind alone, id 0, as for several rows. */
  g_assert_cmpint (g_array_index (told, Told, 0).id, ==, mc_test_on_pg () ? 0 : mc_procedure_get_id (p));
  /* Two procedures before the listener runs: one emission, id 0 (several). */
  g_array_set_size (told, 0);
  save_days (catalog, "1.001193", 4, TRUE);
  save_days (catalog, "1.000894", 4, TRUE);
  drain ();
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, Told, 0).kind, ==, MC_CHANGE_PROCEDURE);
  g_assert_cmpint (g_array_index (told, Told, 0).id, ==, 0);
}

/* Refused (rolled back) writes tell nothing; a rolled-back savepoint takes
 * back only its own rows. */
static void
test_rollback_silent (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = catalog_on (db);
  g_autoptr(GArray) told = listen (db);
  g_autoptr(GError) error = NULL;

  save_days (catalog, "1.001193", 0.5, FALSE);
  g_assert_true (mc_db_begin (db, &error));
  g_assert_true (mc_db_set_setting (db, "test.key", "1", &error));
  mc_db_rollback (db);
  drain ();
  g_assert_cmpuint (told->len, ==, 0);

  g_assert_true (mc_db_begin (db, &error));
  g_assert_true (mc_db_set_setting (db, "test.key", "2", &error));
  g_assert_true (mc_db_begin (db, &error));
  g_assert_true (mc_db_exec (db, "INSERT INTO announcement (text) VALUES ('x')", &error));
  mc_db_rollback (db);  /* the savepoint only */
  g_assert_true (mc_db_commit (db, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, Told, 0).kind, ==, MC_CHANGE_SETTING);

  /* A setting saved alone (autocommit) is told too. */
  g_array_set_size (told, 0);
  g_assert_true (mc_db_set_setting (db, "test.alone", "4", &error));
  drain ();
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, Told, 0).kind, ==, MC_CHANGE_SETTING);
}

/* Run as a subprocess: another program's commit to the same file. */
static void
test_other_process_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (g_getenv ("MC_CHANGES_DB"), NULL, &error);

  g_assert_no_error (error);
  g_assert_true (mc_db_set_setting (db, "test.other-process", "1", &error));
  g_assert_no_error (error);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The watch sees another process's commit within 2 s, as ALL on SQLite
 * (data_version says only that the file changed) and by kind on a server
 * (the committer's NOTIFY names what it wrote); it does not tell this
 * connection's own commits twice. */
static void
test_other_process (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GArray) told = listen (db);
  g_autoptr(McDbWatch) watch = mc_db_watch_new (mc_db_get_path (db), db, mc_db_get_changes (db));
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  gint64 start;
  guint timeout;

  g_assert_true (mc_db_watch_is_monitoring (watch));
  g_assert_true (mc_db_set_setting (db, "test.own", "1", &error));
  timeout = g_timeout_add (500, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, Told, 0).kind, ==, MC_CHANGE_SETTING);

  g_array_set_size (told, 0);
  g_setenv ("MC_CHANGES_DB", mc_db_get_path (db), TRUE);
  g_test_trap_subprocess ("/changes/other-process/subprocess/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  start = g_get_monotonic_time ();
  timed_out = FALSE;
  timeout = g_timeout_add (2000, timeout_cb, &timed_out);
  while (told->len == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, Told, 0).kind, ==, mc_test_on_pg () ? MC_CHANGE_SETTING : MC_CHANGE_ALL);
  g_assert_cmpint (g_array_index (told, Told, 0).id, ==, 0);
  g_test_message ("seen after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/changes/commit-once", test_commit_once);
  g_test_add_func ("/changes/rollback-silent", test_rollback_silent);
  g_test_add_func ("/changes/other-process", test_other_process);
  g_test_add_func ("/changes/other-process/subprocess/child", test_other_process_child);
  return g_test_run ();
}
