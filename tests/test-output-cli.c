/* test-output-cli.c — no command's output path can destroy the database, a backup or a device
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "mc-backup.h"
#include "mc-db.h"
#include "mc-test-utils.h"

static char *db_path;
static char *dir;

static int
run (const char *args, char **err)
{
  /* Each command as someone with the right to it (tests/test-authz.c):
   * documents with personal data at the counter, reports by the leader. */
  const char *user = g_str_has_prefix (args, "dossier ") ? "tn.lan" : g_str_has_prefix (args, "report ") ? "pct.nga"
                                                                                                       : "admin";
  g_autofree char *cmd = g_strdup_printf ("%s --db %s --user %s %s", g_getenv ("MOTCUA_BIN"), db_path, user, args);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, &out, err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("motcua %s → %d [%s] [%s]", args, WEXITSTATUS (status), out, *err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static char *
checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return g_strdup ("absent");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static gint64
count (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (db_path, NULL, &error);

  g_assert_no_error (error);
  return mc_db_query_int (db, sql, NULL);
}

/* The command fails with `message` (Vietnamese) and `target` is unchanged
 * (the database itself changes with every sign-in: it is checked whole at
 * the end instead). */
static void
expect_refused (const char *args, const char *target, const char *message)
{
  g_autofree char *before = target ? checksum (target) : NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (args, &err), !=, 0);
  g_assert_nonnull (strstr (err, message));
  after = target ? checksum (target) : NULL;
  g_assert_cmpstr (after, ==, before);
}

static char *
first_dossier (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (db_path, NULL, &error);
  McSqlStmt *stmt = NULL;
  char *code;

  g_assert_no_error (error);
  stmt = mc_sql_prepare_once (db, "SELECT code FROM dossier ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
  code = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_finalize (stmt);
  return code;
}

static void
test_protected (void)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *code = first_dossier ();
  g_autofree char *backup = g_build_filename (dir, "saved.sqlite", NULL);
  g_autofree char *err = NULL;
  g_autofree char *args = NULL;
  gint64 dossiers = count ("SELECT count(*) FROM dossier");
  gint64 refusals = count ("SELECT count(*) FROM refusal");
  const char *database_said = "là cơ sở dữ liệu";

  args = g_strdup_printf ("catalog export %s --force", db_path);
  expect_refused (args, NULL, database_said);
  g_free (args);
  args = g_strdup_printf ("dossier receipt %s -o %s", code, db_path);
  expect_refused (args, NULL, database_said);
  g_free (args);
  args = g_strdup_printf ("report 06a --from 2026-01-01 --to 2026-12-31 --format csv -o %s --force", wal);
  expect_refused (args, NULL, database_said);
  g_free (args);
  args = g_strdup_printf ("backup %s", backup);
  g_assert_cmpint (run (args, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_free (args);
  args = g_strdup_printf ("catalog export %s --force", backup);
  expect_refused (args, backup, database_said);
  g_free (args);
  /* Nor into the backups folder. */
  g_assert_cmpint (run ("backup", &err), ==, 0);
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *backups = mc_backup_dir_for (db_path);
    args = g_strdup_printf ("dossier register --from 2026-01-01 --to 2026-12-31 -o %s/so.pdf", backups);
  }
  expect_refused (args, NULL, database_said);
  g_free (args);
  args = g_strdup_printf ("dossier refuse --procedure 1.000080 --name 'Lê Văn A' --reason 'Thiếu giấy tờ' "
                          "-o %s --force", db_path);
  expect_refused (args, NULL, database_said);
  /* Devices and fifos stay what they are. */
  expect_refused ("catalog export /dev/null", "/dev/null", "không phải là tệp thông thường");
  expect_refused ("liveboard --render /dev/full --size 640x360 --force", "/dev/null",
                  "không phải là tệp thông thường");
  {
    g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
    GStatBuf st;

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    g_free (args);
    args = g_strdup_printf ("dossier control-sheet %s -o %s --force", code, fifo);
    g_assert_cmpint (run (args, &err), !=, 0);
    g_assert_cmpint (g_stat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }
  /* Nothing was recorded by the refused commands and the database is whole. */
  g_assert_cmpint (count ("SELECT count(*) FROM dossier"), ==, dossiers);
  g_assert_cmpint (count ("SELECT count(*) FROM refusal"), ==, refusals);
  g_assert_cmpint (count ("SELECT count(*) FROM procedure"), >, 100);
  g_assert_cmpint (mc_backup_check_file (db_path, FALSE, NULL), >, 0);
}

static void
test_existing (void)
{
  g_autofree char *path = g_build_filename (dir, "catalog.csv", NULL);
  g_autofree char *args = g_strdup_printf ("catalog export %s", path);
  g_autofree char *forced = g_strconcat (args, " --force", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "earlier\n", -1, NULL));
  expect_refused (args, path, "đã có; thêm --force để ghi đè");
  g_assert_cmpint (run (forced, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "code,name,field"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int argc, char **argv)
{
  g_autofree char *demo = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_test_init (&argc, &argv, NULL);
  dir = mc_test_tmp_path ("out");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  db_path = g_build_filename (dir, "center.sqlite", NULL);
  demo = g_strdup_printf ("%s --db %s demo --dossiers 40", g_getenv ("MOTCUA_BIN"), db_path);
  g_assert_true (g_spawn_command_line_sync (demo, &out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);
  g_test_add_func ("/output-cli/protected", test_protected);
  g_test_add_func ("/output-cli/existing", test_existing);
  return g_test_run ();
}
