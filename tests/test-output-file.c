/* test-output-file.c — no output can destroy the database, a backup or a device; files are private
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mc-backup.h"
#include "mc-db.h"
#include "mc-output-file.h"
#include "mc-test-utils.h"

static char *
fresh_dir (const char *name)
{
  g_autofree char *dir = mc_test_tmp_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_steal_pointer (&dir);
}

static McDb *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  McDb *db = mc_db_new (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (mc_db_exec (db, "INSERT INTO unit (code, name, level) VALUES ('T', 'Thử', 'xa')", &error));
  g_assert_no_error (error);
  return db;
}

static char *
contents (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* Nothing but `expected` names in dir: no temporary file, no journal. */
static void
assert_dir_holds (const char *dir, const char *const *expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_test_message ("%s: %s", dir, name);
      g_assert_true (g_strv_contains (expected, name));
    }
}

/* Writing `text` at path is refused with `code`; whatever was there is unchanged. */
static void
assert_refused (const char *path, McOutputFileFlags flags, int code)
{
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;
  gboolean existed = g_lstat (path, &before) == 0;

  g_assert_false (mc_output_file_check (path, flags, &error));
  g_assert_error (error, MC_OUTPUT_FILE_ERROR, code);
  g_clear_error (&error);
  g_assert_false (mc_output_file_set_contents (path, "code,name\n", -1, flags, &error));
  g_assert_error (error, MC_OUTPUT_FILE_ERROR, code);
  g_assert_cmpint (g_lstat (path, &after) == 0, ==, existed);
  if (existed)
    {
      g_assert_cmpint (after.st_ino, ==, before.st_ino);
      g_assert_cmpint (after.st_mode, ==, before.st_mode);
      g_assert_cmpint (after.st_size, ==, before.st_size);
    }
}

static void
test_database_files (void)
{
  g_autofree char *dir = fresh_dir ("protect");
  g_autofree char *path = g_build_filename (dir, "live.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *mark = g_strconcat (path, ".mark", NULL);
  g_autofree char *backups = mc_backup_dir_for (path);
  g_autofree char *in_backups = g_build_filename (backups, "report.csv", NULL);
  g_autofree char *hardlink = g_build_filename (dir, "other-name.csv", NULL);
  g_autofree char *db_link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *backup = g_build_filename (dir, "copy.sqlite", NULL);
  g_autoptr(McDb) db = open_db (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (link (path, hardlink), ==, 0);
  g_assert_cmpint (symlink ("live.sqlite", db_link), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  /* The database, its WAL, SHM and journal, under any name, even with force. */
  assert_refused (path, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  assert_refused (wal, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  assert_refused (shm, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  assert_refused (journal, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  assert_refused (mark, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  assert_refused (hardlink, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  assert_refused (db_link, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  assert_refused (in_backups, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  /* Any backup, wherever it is, and its journal's name. */
  g_assert_true (mc_backup_write (db, backup, &error));
  g_assert_no_error (error);
  assert_refused (backup, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  {
    g_autofree char *backup_journal = g_strconcat (backup, "-journal", NULL);
    assert_refused (backup_journal, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_PROTECTED);
  }
  /* A backup cannot be written over the live database either. */
  g_assert_false (mc_backup_write (db, path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The database still opens with its row. */
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM unit WHERE code = 'T'", NULL), ==, 1);
  g_assert_cmpint (mc_backup_check_file (path, FALSE, NULL), >, 0);
}

static void
test_not_regular (void)
{
  g_autofree char *dir = fresh_dir ("devices");
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *to_null = g_build_filename (dir, "null.csv", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.csv", NULL);
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", to_null), ==, 0);
  g_assert_cmpint (symlink ("nowhere/x.csv", dangling), ==, 0);
  assert_refused ("/dev/null", MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_NOT_REGULAR);
  assert_refused ("/dev/full", MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_NOT_REGULAR);
  assert_refused (fifo, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_NOT_REGULAR);
  assert_refused (dir, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_NOT_REGULAR);
  assert_refused (to_null, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_NOT_REGULAR);
  assert_refused (dangling, MC_OUTPUT_FILE_FORCE, MC_OUTPUT_FILE_ERROR_NOT_REGULAR);
  /* Still a device and a fifo. */
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  assert_dir_holds (dir, (const char *const[]) { "pipe", "null.csv", "dangling.csv", NULL });
}

static void
test_existing (void)
{
  g_autofree char *dir = fresh_dir ("existing");
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *link_path = g_build_filename (dir, "latest.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_output_file_set_contents (path, "old\n", -1, MC_OUTPUT_FILE_NONE, &error));
  g_assert_no_error (error);
  /* Not without force: nothing changes. */
  assert_refused (path, MC_OUTPUT_FILE_NONE, MC_OUTPUT_FILE_ERROR_EXISTS);
  text = contents (path);
  g_assert_cmpstr (text, ==, "old\n");
  g_clear_pointer (&text, g_free);
  /* With force: replaced. */
  g_assert_true (mc_output_file_set_contents (path, "new\n", -1, MC_OUTPUT_FILE_FORCE, &error));
  g_assert_no_error (error);
  text = contents (path);
  g_assert_cmpstr (text, ==, "new\n");
  g_clear_pointer (&text, g_free);
  /* Through a symlink to a regular file: the file is replaced, the link stays. */
  g_assert_cmpint (symlink ("report.csv", link_path), ==, 0);
  assert_refused (link_path, MC_OUTPUT_FILE_NONE, MC_OUTPUT_FILE_ERROR_EXISTS);
  g_assert_true (mc_output_file_set_contents (link_path, "linked\n", -1, MC_OUTPUT_FILE_FORCE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  text = contents (path);
  g_assert_cmpstr (text, ==, "linked\n");
  assert_dir_holds (dir, (const char *const[]) { "report.csv", "latest.csv", NULL });
}

/* A write that fails half-way (the file size limit stands in for a full
 * disk): no file under the name, no temporary file, the old file kept. */
static void
test_failed_write (void)
{
  g_autofree char *dir = fresh_dir ("failed");
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.csv", NULL);
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int) = signal (SIGXFSZ, SIG_IGN);
  gboolean ok_new, ok_kept;

  g_assert_true (mc_output_file_set_contents (kept, "previous\n", -1, MC_OUTPUT_FILE_NONE, &error));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok_new = mc_output_file_set_contents (path, big, -1, MC_OUTPUT_FILE_NONE, &error);
  g_assert_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE);
  g_clear_error (&error);
  ok_kept = mc_output_file_set_contents (kept, big, -1, MC_OUTPUT_FILE_FORCE, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);
  g_assert_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE);
  g_assert_false (ok_new);
  g_assert_false (ok_kept);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  text = contents (kept);
  g_assert_cmpstr (text, ==, "previous\n");
  assert_dir_holds (dir, (const char *const[]) { "kept.csv", NULL });
}

/* Under umask 022 the database, its WAL and SHM, backups, the damaged copy
 * set aside and exports are 0600, new folders 0700. */
static void
test_private_modes (void)
{
  g_autofree char *dir = fresh_dir ("modes");
  g_autofree char *path = g_build_filename (dir, "sub", "center.sqlite", NULL);
  g_autofree char *sub = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backups = mc_backup_dir_for (path);
  g_autofree char *copy = g_build_filename (dir, "copy.sqlite", NULL);
  g_autofree char *export = g_build_filename (dir, "list.csv", NULL);
  g_autofree char *rotated = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);
  McDb *db = open_db (path);

  g_assert_cmpint (mode_of (sub), ==, 0700);
  g_assert_cmpint (mode_of (path), ==, 0600);
  g_assert_cmpint (mode_of (wal), ==, 0600);
  g_assert_cmpint (mode_of (shm), ==, 0600);
  rotated = mc_backup_rotate (db, backups, 7, g_get_real_time (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (backups), ==, 0700);
  g_assert_cmpint (mode_of (rotated), ==, 0600);
  g_assert_true (mc_backup_write (db, copy, &error));
  g_assert_cmpint (mode_of (copy), ==, 0600);
  g_assert_true (mc_output_file_set_contents (export, "a,b\n", -1, MC_OUTPUT_FILE_NONE, &error));
  g_assert_cmpint (mode_of (export), ==, 0600);
  g_object_unref (db);
  /* A damaged database is set aside, still private. */
  {
    int fd = g_open (path, O_WRONLY, 0);
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (write (fd, "not a database any more, not at all", 32), ==, 32);
    close (fd);
  }
  g_assert_true (mc_backup_restore (path, copy, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_cmpint (mode_of (aside), ==, 0600);
  g_assert_cmpint (mode_of (path), ==, 0600);
  umask (old);
}

/* A backup that fails (the database is damaged) leaves nothing behind in the
 * backups folder but the mark that says so: no copy, no -journal. */
static void
test_failed_backup (void)
{
  g_autofree char *dir = fresh_dir ("failed-backup");
  g_autofree char *path = g_build_filename (dir, "center.sqlite", NULL);
  g_autofree char *backups = mc_backup_dir_for (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  McDb *db = open_db (path);

  g_assert_true (mc_db_exec (db, "CREATE TABLE filler (t TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                 "SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler SELECT "
                                 "printf('%0200d', i) FROM n; PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_object_unref (db);
  {
    int fd = g_open (path, O_WRONLY, 0);
    g_assert_cmpint (fd, >=, 0);
    for (off_t page = 60; page < 140; page += 3)
      g_assert_cmpint (pwrite (fd, "\x0d\xff\xff\xff garbage garbage garbage", 28, page * 4096), ==, 28);
    close (fd);
  }
  written = mc_backup_rotate_path (path, backups, 7, g_get_real_time (), &error);
  g_assert_null (written);
  g_assert_nonnull (error);
  assert_dir_holds (backups, (const char *const[]) { MC_BACKUP_DAMAGED_MARK, NULL });
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/output-file/database-files", test_database_files);
  g_test_add_func ("/output-file/not-regular", test_not_regular);
  g_test_add_func ("/output-file/existing", test_existing);
  g_test_add_func ("/output-file/failed-write", test_failed_write);
  g_test_add_func ("/output-file/private-modes", test_private_modes);
  g_test_add_func ("/output-file/failed-backup", test_failed_backup);
  return g_test_run ();
}
