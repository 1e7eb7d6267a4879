/* test-import.c — a long import never blocks the counter, and stays all or nothing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 12, item 5: during a 200,000-row import a clerk's reception failed
 * with "database is locked". The import runs here in another process (this
 * program started again as --GTestSubprocess, told what to import by the
 * environment), as `motcua dossier import` does beside the counter's
 * application; the figures of the wait are bench/bench-import-wait's.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-dossier-store.h"
#include "mc-import-batch.h"
#include "mc-test-utils.h"

#define PASSWORD "motcua2026"

static const char *test_program;

static GString *
import_csv (guint n)
{
  GString *csv = g_string_new ("code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,"
                               "applicant_name\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "H56-240101-%06u,1.001193,truc_tiep,2024-01-02 08:%02u,,2024-01-03 09:00,,approved,"
                            "Đỗ Thị %u\n", i, i % 60, i);
  return csv;
}

static McDossierStore *
open_store (McDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, &error);

  g_assert_no_error (error);
  return mc_dossier_store_new (db, calendar);
}

/* A database with the catalog, its own unit and, if `accounts`, the
 * administrator and a counter clerk (tn.lan) with passwords. */
static char *
new_database (const char *name, gboolean accounts)
{
  char *path = mc_test_tmp_path (name);
  g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(McAccounts) acc = mc_accounts_new (db);
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (db);
  g_assert_true (mc_accounts_set_database_purpose (db, MC_DATABASE_TEST, &error));
  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_true (mc_db_exec (db, "UPDATE unit SET code = '000.00.06.H56' WHERE relation = 'self'", &error));
  if (!accounts)
    return path;
  g_assert_true (mc_accounts_create_first_admin (acc, "admin", "Quản trị", PASSWORD, &error));
  admin = mc_accounts_sign_in (acc, "admin", PASSWORD, &error);
  g_assert_nonnull (admin);
  g_assert_true (mc_accounts_create (acc, "tn.lan", "Nguyễn Thị Lan", NULL, NULL, MC_ROLE_RECEPTION, PASSWORD,
                                     &error));
  g_assert_true (mc_accounts_set_must_change (acc, "tn.lan", FALSE, &error));
  g_assert_no_error (error);
  return path;
}

/* The child: imports the file named by MC_TEST_IMPORT_CSV into the
 * database MC_TEST_IMPORT_DB, as the administrator if accounts exist. */
static void
run_importer (void)
{
  g_autoptr(McDb) db = mc_db_new (g_getenv ("MC_TEST_IMPORT_DB"), NULL, NULL);
  g_autoptr(McAccounts) acc = mc_accounts_new (db);
  g_autoptr(McDossierStore) store = open_store (db);
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;

  g_assert_true (g_file_get_contents (g_getenv ("MC_TEST_IMPORT_CSV"), &data, &length, NULL));
  if (mc_accounts_is_enforced (acc))
    admin = mc_accounts_sign_in (acc, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (mc_dossier_store_import_csv (store, data, length, &n, &error));
  g_assert_no_error (error);
}

static GSubprocess *
spawn_importer (const char *test_path, const char *db_path, guint rows)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *csv_path = g_strconcat (db_path, ".csv", NULL);
  g_autoptr(GString) csv = import_csv (rows);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, &error));
  g_subprocess_launcher_setenv (launcher, "MC_TEST_IMPORT_DB", db_path, TRUE);
  g_subprocess_launcher_setenv (launcher, "MC_TEST_IMPORT_CSV", csv_path, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, test_program, "-q", "-p", test_path,
                                       "--GTestSubprocess", NULL);
  g_assert_no_error (error);
  return child;
}

static gboolean
import_recorded (McDb *db)
{
  g_autofree char *value = mc_db_get_setting (db, MC_IMPORT_BATCH_KEY, NULL, NULL);

  return value != NULL;
}

/* Waits (up to a minute) for the child's import to have begun. */
static void
wait_for_import (McDb *db, GSubprocess *child)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!import_recorded (db))
    {
      g_assert_nonnull (g_subprocess_get_identifier (child));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (2000);
    }
}

static void
assert_sound (McDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 rows = 0, bad = 0;

  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'",
                                    NULL), ==, 0);
  g_assert_true (mc_db_exec (db, "INSERT INTO dossier_fts (dossier_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  g_assert_true (mc_audit_verify (db, &rows, &bad, &error));
  g_assert_no_error (error);
  problems = mc_audit_check_triggers (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* One sign-in and one reception by the counter clerk; how long of it was
 * spent waiting for the import's write lock. */
static gint64
counter_turn (McDb *db, McDossierStore *store, GHashTable *codes, guint i)
{
  g_autoptr(McAccounts) acc = mc_accounts_new (db);
  g_autoptr(McStaff) clerk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Trần Văn Khách %u", i);
  g_autofree char *at = NULL;
  gint64 waited = mc_db_get_busy_waited (db);
  char *code;

  clerk = mc_accounts_sign_in (acc, "tn.lan", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (clerk);
  at = mc_time_to_iso (mc_time_now ());
  code = mc_test_receive (store, "1.001193", name, at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_hash_table_add (codes, code);
  mc_accounts_sign_out (acc);
  return mc_db_get_busy_waited (db) - waited;
}

/* While another process imports, the counter signs in and receives over and
 * over: every turn succeeds, none is lost, the import is whole. */
static void
test_reception_during_import (void)
{
  const guint n = 60000;
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gint64 worst = 0;
  guint during = 0;

  if (g_test_subprocess ())
    {
      run_importer ();
      return;
    }
  path = new_database ("during.sqlite", TRUE);
  db = mc_db_new (path, NULL, &error);
  store = open_store (db);
  child = spawn_importer ("/dossier/reception-during-import", path, n);
  wait_for_import (db, child);
  /* A start while the import runs leaves it alone (its lock is held). */
  {
    g_autoptr(McDb) starting = mc_db_new (path, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (import_recorded (starting));
  }
  for (guint i = 0; g_subprocess_get_identifier (child) != NULL; i++)
    {
      gboolean running = import_recorded (db);
      gint64 wait = counter_turn (db, store, codes, i);

      if (running && import_recorded (db))
        {
          during++;
          worst = MAX (worst, wait);
        }
    }
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%u sign-ins and receptions during the import, the longest wait for its lock %.0f ms", during, worst / 1000.0);
  g_assert_cmpuint (during, >, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE imported = 1", NULL), ==, n);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE imported = 0", NULL), ==,
                   g_hash_table_size (codes));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_event WHERE kind = 'import'", NULL), ==, n);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'khach'", NULL),
                   ==, g_hash_table_size (codes));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'do'", NULL),
                   ==, n);
  g_assert_false (import_recorded (db));
  assert_sound (db);
}

static gpointer
write_once (gpointer data)
{
  McDb *other = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = mc_db_begin (other, &error) && mc_db_commit (other, &error);

  g_assert_no_error (error);
  return GINT_TO_POINTER (ok);
}

/* A connection waiting for the write lock says so by touching the import's
 * lock file (mc-db.c's busy handler), and the import, which looks at the
 * file between its batches, commits its chunk at once instead of holding
 * the lock for up to MC_IMPORT_CHUNK_MAX_US. */
static void
test_import_waiter (void)
{
  g_autofree char *path = new_database ("waiter.sqlite", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McDb) other = mc_db_new (path, NULL, &error);
  g_autoptr(McImportBatch) batch = mc_import_batch_begin (db, &error);
  GThread *writer;
  gint64 start;

  g_assert_no_error (error);
  mc_import_batch_has_waiter (batch);  /* where the file's time stands */
  g_assert_false (mc_import_batch_has_waiter (batch));
  g_usleep (20000);  /* past a tick of the file system's clock */
  mc_import_batch_note_waiter (path);
  g_assert_true (mc_import_batch_has_waiter (batch));
  g_assert_false (mc_import_batch_has_waiter (batch));
  /* The whole way: the import holds the lock, another connection waits. */
  g_assert_true (mc_db_begin (db, &error));
  writer = g_thread_new ("writer", write_once, other);
  start = g_get_monotonic_time ();
  while (!mc_import_batch_has_waiter (batch))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      g_usleep (1000);
    }
  g_test_message ("the waiter was seen after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (mc_db_commit (db, &error));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (writer)));
  g_assert_cmpint (mc_import_batch_abandon (batch, &error), ==, 0);
  g_assert_no_error (error);
}

/* SIGKILL in the middle of an import: its rows are visible until the next
 * start, which removes every one of them and leaves a sound database; the
 * same file then imports whole. */
static void
test_import_killed (void)
{
  const guint n = 60000;
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partial;

  if (g_test_subprocess ())
    {
      run_importer ();
      return;
    }
  path = new_database ("killed.sqlite", FALSE);
  db = mc_db_new (path, NULL, &error);
  child = spawn_importer ("/dossier/import-killed", path, n);
  wait_for_import (db, child);
  while (mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE imported = 1", NULL) == 0)
    g_usleep (2000);
  g_subprocess_force_exit (child);
  g_assert_false (g_subprocess_wait_check (child, NULL, NULL));
  partial = mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE imported = 1", NULL);
  g_test_message ("killed with %" G_GINT64_FORMAT " of %u rows written", partial, n);
  g_assert_cmpint (partial, >, 0);
  g_assert_cmpint (partial, <, n);
  g_assert_true (import_recorded (db));
  g_clear_object (&db);

  /* The next start. */
  db = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (import_recorded (db));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_event", NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'do'", NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import.abandoned'", NULL), ==, 1);
  assert_sound (db);
  {
    g_autoptr(McDossierStore) store = open_store (db);
    g_autoptr(GString) csv = import_csv (2000);
    guint imported = 0;

    g_assert_true (mc_dossier_store_import_csv (store, csv->str, csv->len, &imported, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (imported, ==, 2000);
  }
}

/* The disk fills up halfway (SQLite's page limit, committed chunks before
 * it): the import says so in Vietnamese, removes the rows it had written,
 * and the database is as before. */
static void
test_import_disk_full (void)
{
  const guint n = 60000;
  g_autoptr(GString) csv = import_csv (n);
  g_autofree char *measure_path = new_database ("measure.sqlite", FALSE);
  g_autofree char *path = new_database ("full.sqlite", FALSE);
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = NULL;
  gint64 start, grown;
  guint imported = 0;

  mc_test_use_vietnamese ();
  /* How many pages the file takes, measured on a copy. */
  {
    g_autoptr(McDb) measure = mc_db_new (measure_path, NULL, NULL);
    g_autoptr(McDossierStore) measure_store = open_store (measure);

    start = mc_db_query_int (measure, "PRAGMA page_count", NULL);
    g_assert_true (mc_dossier_store_import_csv (measure_store, csv->str, csv->len, &imported, &error));
    grown = mc_db_query_int (measure, "PRAGMA page_count", NULL) - start;
  }
  db = mc_db_new (path, NULL, &error);
  store = open_store (db);
  mc_test_receive (store, "1.001193", "Trần Văn Khách", "2024-04-26 10:00", &error);
  g_assert_no_error (error);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           mc_db_query_int (db, "PRAGMA page_count", NULL) + grown * 3 / 4);
  g_assert_true (mc_db_exec (db, limit, NULL));
  g_assert_false (mc_dossier_store_import_csv (store, csv->str, csv->len, &imported, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_FULL);
  mc_test_assert_has (error->message, "Ổ đĩa đã đầy");
  mc_test_assert_has (error->message, "Không hồ sơ nào của tệp được giữ lại");
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import.abandoned' "
                                        "AND detail NOT LIKE '% 0 hồ sơ%'", NULL), ==, 1);
  g_assert_false (import_recorded (db));
  assert_sound (db);
}

/* A file read as a stream (issue 15, item 4) with a bad line far into it,
 * after chunks were committed: a code given again on its line 40,002 (the
 * first time on line 7, found by reading the file again), then a file whose
 * line 40,002 has a date in the wrong form. Each is refused with its line,
 * and nothing of it is kept. */
static void
test_import_stream_late_error (void)
{
  const guint n = 60000;
  g_autofree char *path = new_database ("late.sqlite", FALSE);
  g_autofree char *csv_path = mc_test_tmp_path ("late.csv");
  g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
  g_autoptr(McDossierStore) store = open_store (db);
  g_autoptr(GError) error = NULL;
  guint imported = 0;

  mc_test_use_vietnamese ();
  mc_test_receive (store, "1.001193", "Trần Văn Khách", "2024-04-26 10:00", &error);
  g_assert_no_error (error);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GString) csv = import_csv (n);
      g_autoptr(GFile) file = g_file_new_for_path (csv_path);
      g_autoptr(GFileInputStream) stream = NULL;
      /* Line 40,002 holds row 40,000 (the header is line 1). */
      const char *row = strstr (csv->str, "H56-240101-040000,");
      gsize at = (gsize) (row - csv->str);

      if (pass == 0)
        memcpy (csv->str + at, "H56-240101-000005,", strlen ("H56-240101-000005,"));
      else
        memcpy (csv->str + at + strlen ("H56-240101-040000,1.001193,truc_tiep,"), "02/01/2024", 10);
      g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, &error));
      stream = g_file_read (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (mc_dossier_store_import_stream (store, 0, G_INPUT_STREAM (stream), &imported, &error));
      g_test_message ("%s", error->message);
      mc_test_assert_has (error->message, "Dòng 40002: ");
      mc_test_assert_has (error->message, pass == 0 ? "dòng 7" : "received_at");
      mc_test_assert_has (error->message, "Không hồ sơ nào của tệp được giữ lại");
      g_clear_error (&error);
      g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 1);
      g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_event WHERE kind = 'import'", NULL), ==, 0);
      g_assert_false (import_recorded (db));
    }
  /* Chunks had been committed and were removed. */
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import.abandoned'", NULL),
                   ==, 2);
  assert_sound (db);
}

/* Killed after its last row, before all its events were written: the next
 * start finishes the import (its events, its audit row) instead of
 * removing it; events are append-only, so none exist for rows that could
 * still be removed. */
static void
test_import_finished_at_start (void)
{
  g_autofree char *path = new_database ("finish.sqlite", FALSE);
  g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
  g_autoptr(McDossierStore) store = open_store (db);
  g_autoptr(GString) csv = import_csv (3000);
  g_autoptr(GError) error = NULL;
  guint imported = 0;

  g_assert_true (mc_dossier_store_import_csv (store, csv->str, csv->len, &imported, &error));
  g_assert_no_error (error);
  /* The same state as a kill between the rows' commit and the events: the
   * rows of a second import, its record saying they are whole, and the
   * events of its first 1,000 rows. */
  {
    g_autoptr(McImportBatch) batch = mc_import_batch_begin (db, &error);
    gint64 first;

    g_assert_no_error (error);
    first = mc_import_batch_get_first_id (batch);
    g_assert_true (mc_db_begin (db, &error));
    g_assert_true (mc_db_exec (db, "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, "
                                   "received_at, due_at, state, imported) SELECT 'X-' || code, unit_id, "
                                   "procedure_id, applicant_name, channel, received_at, due_at, 'processing', 1 "
                                   "FROM dossier ORDER BY id", &error));
    g_assert_true (mc_import_batch_rows_written (batch, 3000, &error));
    g_assert_true (mc_db_commit (db, &error));
    g_assert_no_error (error);
    {
      g_autofree char *some = g_strdup_printf ("INSERT INTO dossier_event (dossier_id, at, kind, state_to, note) "
                                               "SELECT id, received_at, 'import', state, 'x' FROM dossier WHERE "
                                               "id > %" G_GINT64_FORMAT " ORDER BY id LIMIT 1000", first);
      g_assert_true (mc_db_exec (db, some, &error));
    }
  }
  g_assert_true (import_recorded (db));
  g_clear_object (&store);
  g_clear_object (&db);

  /* The next start. */
  db = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (import_recorded (db));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 6000);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_event WHERE kind = 'import'", NULL), ==, 6000);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(DISTINCT dossier_id) FROM dossier_event", NULL), ==, 6000);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import'", NULL), ==, 2);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import.abandoned'", NULL),
                   ==, 0);
  assert_sound (db);
}

int
main (int argc, char **argv)
{
  test_program = argv[0];
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/dossier/reception-during-import", test_reception_during_import);
  g_test_add_func ("/dossier/import-killed", test_import_killed);
  g_test_add_func ("/dossier/import-waiter", test_import_waiter);
  g_test_add_func ("/dossier/import-disk-full", test_import_disk_full);
  g_test_add_func ("/dossier/import-stream-late-error", test_import_stream_late_error);
  g_test_add_func ("/dossier/import-finished-at-start", test_import_finished_at_start);
  return g_test_run ();
}
