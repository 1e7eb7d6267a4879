/* test-backup.c — online backups, restore, rotation, damaged files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mc-backup.h"
#include "mc-demo.h"
#include "mc-output-file.h"
#include "mc-test-utils.h"

/* Everything a restore must bring back, as one text. */
static char *
dump (McDb *db)
{
  static const char *const queries[] = {
    "SELECT group_concat (code || '|' || applicant_name || '|' || state || '|' || due_at, ';') "
    "FROM (SELECT * FROM dossier ORDER BY id)",
    "SELECT group_concat (dossier_id || kind || at, ';') FROM (SELECT * FROM dossier_event ORDER BY id)",
    "SELECT group_concat (code, ';') FROM (SELECT code FROM procedure ORDER BY id)",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      McSqlStmt *stmt = mc_db_prepare (db, queries[i], NULL);
      g_assert_nonnull (stmt);
      g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
      g_string_append_printf (out, "%s\n", mc_sql_column_text (stmt, 0));
      mc_sql_reset (stmt);
    }
  return g_string_free (out, FALSE);
}

static McDb *
demo_db (const char *name, guint n)
{
  g_autofree char *path = mc_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  McDb *db = mc_db_new (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (mc_demo_fill (db, n, 7, NULL, &error));
  g_assert_no_error (error);
  return db;
}

static void
test_round_trip (void)
{
  g_autoptr(McDb) db = demo_db ("round-trip.sqlite", 300);
  g_autofree char *path = g_strdup (mc_db_get_path (db));
  g_autofree char *backup = mc_test_tmp_path ("round-trip-backup.sqlite");
  g_autofree char *before = dump (db);
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), >=, 300);
  g_assert_true (mc_backup_write (db, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_backup_check_file (backup, FALSE, &error), ==, mc_db_get_latest_version ());
  g_assert_no_error (error);
  /* The copy is one file: no WAL beside it, no temporary left. */
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_autofree char *dir = g_path_get_dirname (backup);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_null (strstr (name, ".tmp-"));
  }

  /* Changes after the backup, made while a second connection (the
   * liveboard) has the database open: the restore undoes them and that
   * connection sees the restored content. */
  {
    g_autoptr(McDb) reader = mc_db_new (path, NULL, &error);
    g_assert_no_error (error);
    mc_db_exec (db, "INSERT INTO dossier_event (dossier_id, at, kind, state_to) "
                    "SELECT dossier_id, at + 60, kind, state_to FROM dossier_event WHERE id % 3 = 0; "
                    "UPDATE dossier SET applicant_name = 'X'", &error);
    g_assert_no_error (error);
    g_assert_true (mc_backup_restore (path, backup, &aside, &error));
    g_assert_no_error (error);
    g_assert_null (aside);  /* a healthy database is overwritten in place */
    after = dump (reader);
    g_assert_cmpstr (after, ==, before);
  }
  g_clear_pointer (&after, g_free);
  after = dump (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                        "integrity_check <> 'ok'", NULL), ==, 0);
  g_assert_cmpint (mc_db_get_version (db), ==, mc_db_get_latest_version ());
}

/* Overwrites the start of every page after the first with garbage. */
static void
damage_pages (const char *path)
{
  FILE *f = fopen (path, "r+b");
  long size;
  GRand *rand = g_rand_new_with_seed (42);

  g_assert_nonnull (f);
  fseek (f, 0, SEEK_END);
  size = ftell (f);
  g_assert_cmpint (size, >, 4 * 4096);
  for (long page = 1; page * 4096 < size; page++)
    {
      guint8 garbage[64];
      for (guint i = 0; i < sizeof garbage; i++)
        garbage[i] = (guint8) g_rand_int (rand);
      fseek (f, page * 4096, SEEK_SET);
      fwrite (garbage, 1, sizeof garbage, f);
    }
  fclose (f);
  g_rand_free (rand);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_damaged_refused (void)
{
  g_autoptr(McDb) db = demo_db ("damaged.sqlite", 200);
  g_autofree char *path = g_strdup (mc_db_get_path (db));
  g_autofree char *good = mc_test_tmp_path ("good-backup.sqlite");
  g_autofree char *bad = mc_test_tmp_path ("bad-backup.sqlite");
  g_autofree char *text = mc_test_tmp_path ("not-a-database.sqlite");
  g_autofree char *before = dump (db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_backup_write (db, good, &error));
  copy_file (good, bad);
  damage_pages (bad);
  g_assert_cmpint (mc_backup_check_file (bad, TRUE, &error), ==, -1);
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (mc_backup_restore (path, bad, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  after = dump (db);
  g_assert_cmpstr (after, ==, before);  /* nothing was written */

  g_assert_true (g_file_set_contents (text, "code,name\n1,2\n", -1, NULL));
  g_assert_false (mc_backup_restore (path, text, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_MOTCUA);
  g_clear_error (&error);
  g_assert_false (mc_backup_restore (path, "/nonexistent/backup.sqlite", NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_MOTCUA);
  g_clear_error (&error);

  /* The database onto itself, either way. */
  g_assert_false (mc_backup_restore (path, path, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (mc_backup_write (db, path, &error));
  g_assert_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_PROTECTED);
  g_clear_pointer (&after, g_free);
  after = dump (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_foreign_and_newer (void)
{
  g_autoptr(McDb) db = demo_db ("target.sqlite", 20);
  g_autofree char *other = mc_test_tmp_path ("other-app.sqlite");
  g_autofree char *newer = mc_test_tmp_path ("newer.sqlite");
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  /* An SQLite database of another program. */
  g_assert_cmpint (sqlite3_open (other, &handle), ==, MC_SQL_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE t (x); PRAGMA user_version = 3", NULL, NULL, NULL), ==,
                   MC_SQL_OK);
  sqlite3_close (handle);
  g_assert_false (mc_backup_restore (mc_db_get_path (db), other, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_MOTCUA);
  g_clear_error (&error);

  /* Ours, from a newer version. */
  g_assert_true (mc_backup_write (db, newer, &error));
  g_assert_cmpint (sqlite3_open (newer, &handle), ==, MC_SQL_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, MC_SQL_OK);
  sqlite3_close (handle);
  g_assert_false (mc_backup_restore (mc_db_get_path (db), newer, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_TOO_NEW);
}

static void
test_busy_refused (void)
{
  g_autoptr(McDb) db = demo_db ("busy.sqlite", 20);
  g_autofree char *backup = mc_test_tmp_path ("busy-backup.sqlite");
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_backup_write (db, backup, &error));
  /* Another program in the middle of a write. */
  g_assert_true (mc_db_begin (db, &error));
  g_assert_true (mc_db_exec (db, "UPDATE dossier SET applicant_name = 'Y'", &error));
  g_assert_false (mc_backup_restore (mc_db_get_path (db), backup, NULL, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_BUSY);
  g_assert_true (mc_db_commit (db, NULL));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE applicant_name <> 'Y'", NULL), ==, 0);
}

static void
test_rotation (void)
{
  g_autoptr(McDb) db = demo_db ("rotated.sqlite", 10);
  g_autofree char *dir = mc_test_tmp_path ("rotation-backups");
  g_autoptr(GPtrArray) kept = NULL;
  gint64 day = G_USEC_PER_SEC * (gint64) 86400;
  gint64 start = G_USEC_PER_SEC * (gint64) 1704067200;  /* 2024-01-01 00:00 UTC */
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *written = mc_backup_rotate (db, dir, 7, start + i * day, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
    }
  /* From the file, through a connection of its own (the application's
   * worker thread), three times on one day: only that day's newest stays. */
  for (int hour = 8; hour <= 16; hour += 4)
    {
      g_autofree char *written = mc_backup_rotate_path (mc_db_get_path (db), dir, 7,
                                                        start + 10 * day + hour * (gint64) 3600 * G_USEC_PER_SEC,
                                                        &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (strrchr (written, '/'), "/motcua-20240111-"));
    }
  kept = mc_backup_list (dir);
  g_assert_cmpuint (kept->len, ==, 7);
  g_assert_true (g_str_has_suffix (kept->pdata[0], "motcua-20240111-160000.sqlite"));
  g_assert_true (g_str_has_suffix (kept->pdata[6], "motcua-20240105-000000.sqlite"));
  for (guint i = 0; i < kept->len; i++)
    g_assert_cmpint (mc_backup_check_file (kept->pdata[i], TRUE, NULL), >, 0);
}

static void
test_damaged_at_start (void)
{
  g_autofree char *path = mc_test_tmp_path ("start.sqlite");
  g_autofree char *dir = mc_backup_dir_for (path);  /* where restore looks for the mark */
  g_autofree char *latest = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  {
    g_autoptr(McDb) db = demo_db ("start.sqlite", 100);
    g_autofree char *older = mc_backup_rotate (db, dir, 7, now - (gint64) G_USEC_PER_SEC * 86400, &error);
    g_assert_no_error (error);
    latest = mc_backup_rotate (db, dir, 7, now, &error);
    g_assert_no_error (error);
    before = dump (db);
    g_assert_true (mc_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  }
  g_assert_true (mc_backup_check_at_start (path, dir, FALSE, &error));
  g_assert_no_error (error);

  /* The newest backup is damaged too: the older one is offered. */
  damage_pages (latest);
  damage_pages (path);
  /* An automatic backup meets the damage first: it fails and leaves the
   * mark that makes the next start-up check read every page. */
  {
    g_autofree char *mark = g_build_filename (dir, MC_BACKUP_DAMAGED_MARK, NULL);
    g_autofree char *none = mc_backup_rotate_path (path, dir, 7, now + G_USEC_PER_SEC, &error);
    g_autoptr(GPtrArray) listed = NULL;
    g_assert_null (none);
    g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED);
    g_clear_error (&error);
    g_assert_true (g_file_test (mark, G_FILE_TEST_IS_REGULAR));
    listed = mc_backup_list (dir);
    g_assert_cmpuint (listed->len, ==, 2);  /* nothing written, nothing pruned */
  }
  g_assert_false (mc_backup_check_at_start (path, dir, FALSE, &error));
  g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, latest));
  {
    g_autofree char *good = mc_backup_find_latest_good (dir);
    g_assert_nonnull (good);
    g_assert_nonnull (strstr (error->message, good));
    g_assert_nonnull (strstr (error->message, "restore"));
    g_clear_error (&error);
    g_assert_true (mc_backup_restore (path, good, &aside, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *mark = g_build_filename (dir, MC_BACKUP_DAMAGED_MARK, NULL);
    g_assert_false (g_file_test (mark, G_FILE_TEST_EXISTS));  /* restored: the mark is gone */
  }
  g_assert_true (mc_backup_check_at_start (path, dir, FALSE, &error));
  {
    g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
    g_autofree char *after = NULL;
    g_assert_no_error (error);
    after = dump (db);
    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/damaged-refused", test_damaged_refused);
  g_test_add_func ("/backup/foreign-and-newer", test_foreign_and_newer);
  g_test_add_func ("/backup/busy-refused", test_busy_refused);
  g_test_add_func ("/backup/rotation", test_rotation);
  g_test_add_func ("/backup/damaged-at-start", test_damaged_at_start);
  return g_test_run ();
}
