/* test-backup-cli.c — motcua backup|restore|check and the start-up check, as scripts use them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "mc-audit.h"
#include "mc-db.h"
#include "mc-test-utils.h"

static int
run (const char *db, const char *args, char **out, char **err)
{
  g_autofree char *cmd = g_strdup_printf ("%s --db %s %s", g_getenv ("MOTCUA_BIN"), db, args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, out, err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("motcua %s → %d [%s] [%s]", args, WEXITSTATUS (status), *out, *err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
expect (const char *db, const char *args, int code, const char *out_contains, const char *err_contains)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (db, args, &out, &err), ==, code);
  if (out_contains)
    g_assert_nonnull (strstr (out, out_contains));
  if (err_contains)
    g_assert_nonnull (strstr (err, err_contains));
}

static gint64
count_dossiers (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);

  g_assert_no_error (error);
  return mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL);
}

static void
damage (const char *path)
{
  FILE *f = fopen (path, "r+b");

  g_assert_nonnull (f);
  for (long page = 1; page < 40; page += 2)
    {
      fseek (f, page * 4096, SEEK_SET);
      fwrite ("\xde\xad\xbe\xef garbage garbage garbage garbage garbage", 1, 40, f);
    }
  fclose (f);
}

static void
test_backup_restore (void)
{
  g_autofree char *db = mc_test_tmp_path ("office.sqlite");
  g_autofree char *copy = mc_test_tmp_path ("copy.sqlite");
  g_autofree char *text = mc_test_tmp_path ("notes.txt");
  g_autofree char *backups = mc_test_tmp_path ("backups");
  g_autofree char *args = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) rotated = NULL;
  gint64 n;

  expect (db, "demo --dossiers 120", 0, NULL, NULL);
  n = count_dossiers (db);
  g_assert_cmpint (n, >=, 120);
  /* The demo has an administrator: backups are theirs to take. */
  expect (db, "backup", 1, NULL, NULL);
  args = g_strdup_printf ("--user admin backup %s", copy);
  expect (db, args, 0, copy, NULL);
  expect (db, "--user admin backup --hours 6 --keep 3", 0, "every\t6\nkeep\t3\n", NULL);
  /* The rotating backup goes beside the database. */
  expect (db, "--user admin backup", 0, backups, NULL);
  expect (db, "check", 0, "ok\n", NULL);
  expect (db, "check --full", 0, "ok\n", NULL);
  /* The documents' font: where fontconfig gives another font for Times New
   * Roman (this machine: Liberation Serif), check says so and still passes. */
  {
    const char *argv[] = { "fc-match", "-f", "%{family[0]}", "Times New Roman", NULL };
    g_autofree char *family = mc_test_have_program ("fc-match") ? mc_test_run_tool (argv) : NULL;

    if (family != NULL && !g_str_equal (family, "Times New Roman"))
      expect (db, "check", 0, "ok\n", family);
  }

  /* A file that is not a database is refused and changes nothing. */
  g_assert_true (g_file_set_contents (text, "không phải cơ sở dữ liệu", -1, NULL));
  g_clear_pointer (&args, g_free);
  args = g_strdup_printf ("restore %s", text);
  expect (db, args, 1, NULL, "--user");  /* a healthy database: only an administrator restores */
  g_clear_pointer (&args, g_free);
  args = g_strdup_printf ("--user admin restore %s", text);
  expect (db, args, 1, NULL, "Motcua");
  g_assert_cmpint (count_dossiers (db), ==, n);

  /* Damaged: every command refuses, naming the backup and the command
   * that restores it; the restore sets the damaged file aside. */
  damage (db);
  g_assert_cmpint (run (db, "dossier search an", &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, backups));
  g_assert_nonnull (strstr (err, "restore"));
  expect (db, "check", 1, NULL, backups);
  rotated = g_ptr_array_new_with_free_func (g_free);
  {
    const char *from = strstr (err, "restore '");
    g_assert_nonnull (from);
    from += strlen ("restore '");
    g_ptr_array_add (rotated, g_strndup (from, strcspn (from, "'")));
  }
  g_clear_pointer (&args, g_free);
  args = g_strdup_printf ("restore %s", (char *) rotated->pdata[0]);
  expect (db, args, 0, "damaged\t", NULL);
  expect (db, "check --full", 0, "ok\n", NULL);
  g_assert_cmpint (count_dossiers (db), ==, n);
}

/* Garbage over the first page of one of the dossier table's indexes: the
 * file still opens and its accounts can be read, but quick_check fails.
 * The index of the open dossiers, which Biểu 06a reads at every
 * computation (its (11)–(13)) and a search does not. */
static void
damage_dossier_index (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  gint64 root, page_size;
  FILE *f;

  g_assert_no_error (error);
  root = mc_db_query_int (db, "SELECT rootpage FROM sqlite_schema WHERE type = 'index' "
                              "AND name = 'dossier_report_open'", NULL);
  page_size = mc_db_query_int (db, "PRAGMA page_size", NULL);
  g_assert_cmpint (root, >, 1);
  g_assert_true (mc_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  g_clear_object (&db);
  f = fopen (path, "r+b");
  g_assert_nonnull (f);
  fseek (f, (root - 1) * page_size, SEEK_SET);
  fwrite ("\xff\xff\xff\xff\xff\xff\xff\xff garbage garbage", 1, 24, f);
  fclose (f);
}

/* The line of `err` that starts with "motcua ", the program replaced by the
 * one under test. */
static char *
printed_command (const char *err)
{
  const char *line = strstr (err, "\nmotcua ");
  g_autofree char *command = NULL;

  g_assert_nonnull (line);
  line += strlen ("\nmotcua ");
  command = g_strndup (line, strcspn (line, "\n"));
  return g_strdup_printf ("%s %s", g_getenv ("MOTCUA_BIN"), command);
}

/* The restore command printed for a damaged database that still opens (so
 * that an administrator must sign in) works exactly as printed. */
static void
test_printed_restore (void)
{
  g_autofree char *db = mc_test_tmp_path ("printed.sqlite");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = NULL;
  g_autofree char *run_out = NULL;
  g_autofree char *run_err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  int status = 0;
  gint64 n;

  expect (db, "demo --dossiers 60", 0, NULL, NULL);
  n = count_dossiers (db);
  expect (db, "--user admin backup", 0, "backup\t", NULL);
  damage_dossier_index (db);
  /* A command's start check reads no page of the tables (issue 15), and a
   * search does not read that index: `check` reads them all, finds the
   * damage and leaves the mark, after which every command refuses at start. */
  expect (db, "check", 1, NULL, "restore");
  g_assert_cmpint (run (db, "dossier search an", &out, &err), ==, 1);
  command = printed_command (err);
  g_assert_nonnull (strstr (command, "--user 'admin' restore"));
  argv[2] = command;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run_out, &run_err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s → [%s] [%s]", command, run_out, run_err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (run_out, "restored\t"));
  expect (db, "check --full", 0, "ok\n", NULL);
  g_assert_cmpint (count_dossiers (db), ==, n);
}

/* A command whose work goes through a damaged page that its start check did
 * not read (a report reads the dossier table's report indexes) is refused
 * like a damaged file at start, with the restore command, whatever the
 * command itself made of SQLite's error; it leaves the mark, so the next
 * command, which would not read that page, refuses before it runs. */
static void
test_damage_met (void)
{
  g_autofree char *db = mc_test_tmp_path ("met.sqlite");
  g_autofree char *backups = mc_test_tmp_path ("backups");
  g_autofree char *mark = g_build_filename (backups, "DAMAGED", NULL);
  g_autofree char *csv = mc_test_tmp_path ("met.csv");
  g_autofree char *args = g_strdup_printf ("--user pct.nga report 06a --from 2025-01-01 --to 2026-12-31 "
                                           "--format csv -o %s", csv);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  expect (db, "demo --dossiers 60", 0, NULL, NULL);
  expect (db, "--user admin backup", 0, "backup\t", NULL);
  damage_dossier_index (db);
  /* The search does not read the damaged index: it runs, as it should. */
  expect (db, "--user tn.lan dossier search an", 0, "\t", NULL);
  g_assert_false (g_file_test (mark, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (db, args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, backups));
  g_assert_nonnull (strstr (err, "--user 'admin' restore"));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mark, G_FILE_TEST_IS_REGULAR));
  expect (db, "--user tn.lan dossier search an", 1, NULL, "restore");
}

static void
copy_file (const char *from, const char *to, gssize length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (from, &contents, &size, NULL));
  g_assert_true (g_file_set_contents (to, contents, length < 0 ? (gssize) size : MIN (length, (gssize) size),
                                      NULL));
}

/* A copy of the database whose WAL lost its committed frames: it opens,
 * quick_check and the audit chain say nothing, the commit mark does. */
static void
test_wal_truncated (void)
{
  g_autofree char *db = mc_test_tmp_path ("live.sqlite");
  g_autofree char *cut = mc_test_tmp_path ("cut.sqlite");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(McDb) live = NULL;
  g_autoptr(GError) error = NULL;

  expect (db, "demo --dossiers 20", 0, NULL, NULL);
  live = mc_db_new (db, NULL, &error);
  g_assert_no_error (error);
  /* The frames stay in the WAL while this connection is open. */
  g_assert_true (mc_db_exec (live, "PRAGMA wal_autocheckpoint = 0", NULL));
  for (int i = 0; i < 3; i++)
    {
      g_assert_true (mc_db_begin (live, NULL));
      g_assert_true (mc_audit_append (live, "test.commit", "test", i, "một lần ghi", &error));
      g_assert_true (mc_db_commit (live, &error));
    }
  g_assert_no_error (error);
  copy_file (db, cut, -1);
  from = g_strconcat (db, "-wal", NULL);
  to = g_strconcat (cut, "-wal", NULL);
  copy_file (from, to, 32);  /* the header alone: every frame gone */
  g_free (from);
  g_free (to);
  from = g_strconcat (db, ".mark", NULL);
  to = g_strconcat (cut, ".mark", NULL);
  copy_file (from, to, -1);

  expect (db, "check", 0, "ok\n", NULL);  /* the live one lost nothing */
  /* No export can silence the mark by writing over it. */
  g_clear_pointer (&from, g_free);
  from = g_strdup_printf ("--user admin catalog export %s.mark --force", db);
  expect (db, from, 1, NULL, "không bao giờ");
  expect (cut, "check", 1, NULL, "đã mất");
  expect (cut, "check --full", 1, NULL, "đã mất");
  expect (cut, "--user admin audit verify", 1, NULL, "đã mất");
  expect (cut, "dossier search an", 1, NULL, "-wal");
  g_assert_cmpint (count_dossiers (cut), >, 0);  /* it still opens: only the check can tell */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);  /* the demo accounts' */
  g_test_add_func ("/backup-cli/backup-restore", test_backup_restore);
  g_test_add_func ("/backup-cli/printed-restore", test_printed_restore);
  g_test_add_func ("/backup-cli/damage-met", test_damage_met);
  g_test_add_func ("/backup-cli/wal-truncated", test_wal_truncated);
  return g_test_run ();
}
