/* test-backup-cli.c — motcua backup|restore|check and the start-up check, as scripts use them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);  /* the demo accounts' */
  g_test_add_func ("/backup-cli/backup-restore", test_backup_restore);
  return g_test_run ();
}
