/* mc-backup.c — online backups, rotation, restore and the start-up check
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups use SQLite's online backup API from the live connection, so the
 * application keeps working while one is written and the copy is a
 * consistent snapshot (a plain file copy of a WAL database is not). A backup
 * is written under a temporary name, checked and renamed: a backup file that
 * exists under its final name is complete. Restoring goes through the same
 * API in the other direction, inside one write transaction of the database.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-audit.h"
#include "mc-backup.h"
#include "mc-commit-mark-private.h"
#include "mc-db-sqlite-private.h"
#include "mc-fts-private.h"
#include "mc-output-file.h"

G_DEFINE_QUARK (mc-backup-error-quark, mc_backup_error)

#define BACKUP_PREFIX "motcua-"
#define BACKUP_SUFFIX ".sqlite"
/* How long a backup waits for a writer to finish before giving up. */
#define BUSY_TIMEOUT_MS 5000

/* The words come from mc-db.c's one table (mc_db_error_from_sqlite):
 * never SQLite's English. */
static gboolean
set_sqlite_error (sqlite3 *handle, int rc, const char *path, GError **error)
{
  g_autoptr(GError) reason = NULL;
  const char *message;

  mc_db_error_from_sqlite (handle, rc, &reason);
  message = reason->message;
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_BUSY, message);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_MOTCUA, _("“%s” is not a Motcua database"), path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED, _("“%s” is damaged"), path);
      break;
    default:
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED, _("Cannot use “%s”: %s"), path, message);
    }
  return FALSE;
}

static sqlite3 *
open_file (const char *path, int flags, GError **error)
{
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (path, &handle, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  /* The search index's tokenizer, for checks that look inside FTS5 tables. */
  mc_fts_register_vn_tokenizer (handle);
  return handle;
}

/* The first row of a one-column query as text; NULL with error set. */
static char *
query_text (sqlite3 *handle, const char *sql, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    set_sqlite_error (handle, rc, path, error);
  else
    switch (mc_db_step_row_sqlite (stmt, NULL))
      {
      case MC_DB_STEP_ROW:
        text = g_strdup (sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0) : "");
        break;
      case MC_DB_STEP_DONE:
        set_sqlite_error (handle, SQLITE_DONE, path, error);
        break;
      case MC_DB_STEP_ERROR:
        /* In the backup's words (busy, damaged, not a Motcua file …). */
        set_sqlite_error (handle, sqlite3_extended_errcode (handle), path, error);
        break;
      }
  sqlite3_finalize (stmt);
  return text;
}

/* quick_check or integrity_check; "ok" or an error naming the first problem. */
static gboolean
check_pages (sqlite3 *handle, const char *path, gboolean quick, GError **error)
{
  g_autofree char *result = query_text (handle, quick ? "PRAGMA quick_check(1)" : "PRAGMA integrity_check(1)",
                                        path, error);

  if (result == NULL)
    return FALSE;
  if (!g_str_equal (result, "ok"))
    {
      /* SQLite's finding is English and technical: logged, not shown. */
      g_debug ("%s: %s", path, result);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED, _("“%s” is damaged"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_backup (sqlite3 *dest, sqlite3 *source, const char *path, GError **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    return set_sqlite_error (dest, sqlite3_errcode (dest), path, error);
  /* All pages in one step: the copy is one snapshot of the source and, for a
   * live destination, one write transaction. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (dest, rc == SQLITE_OK ? sqlite3_errcode (dest) : rc, path, error);
  return TRUE;
}

static gboolean
exec_sql (sqlite3 *handle, const char *sql, const char *path, GError **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || set_sqlite_error (handle, rc, path, error);
}

static gboolean
sync_path (const char *path, gboolean directory, GError **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return a != NULL && b != NULL && g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The temporary copy and whatever SQLite made beside it: a failed backup
 * leaves no -journal behind. */
static void
remove_copy (const char *tmp)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (tmp, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Copies `source` into a new file at `path` through a temporary name. */
static gboolean
write_copy (sqlite3 *source, const char *path, GError **error)
{
  /* Unique even for two backups of the same second in one process (the
   * worker thread's and the one at shut-down). */
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d-%" G_GINT64_FORMAT, path, (int) getpid (),
                                          g_get_monotonic_time ());
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *dest;
  gboolean ok;

  /* Renamed over the live file, the copy would meet the old file's WAL. */
  if (same_file (sqlite3_db_filename (source, "main"), path))
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED,
                   _("A backup cannot be written over the database itself (“%s”)"), path);
      return FALSE;
    }
  g_mkdir_with_parents (dir, 0700);
  remove_copy (tmp);
  /* Everyone's personal data: 0600 whatever the umask (the journal SQLite
   * writes beside it takes the same mode). */
  if (!mc_output_file_create_private (tmp, error))
    return FALSE;
  dest = open_file (tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (dest == NULL)
    {
      remove_copy (tmp);
      return FALSE;
    }
  /* A backup is one self-contained file, whatever the source's journal. */
  ok = run_backup (dest, source, tmp, error) && check_pages (dest, tmp, TRUE, error) &&
       exec_sql (dest, "PRAGMA journal_mode = DELETE", tmp, error);
  sqlite3_close_v2 (dest);
  if (ok && !sync_path (tmp, FALSE, error))
    ok = FALSE;
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      remove_copy (tmp);
      return FALSE;
    }
  return sync_path (dir, TRUE, error);
}

/* A database on a PostgreSQL server is backed up by the server's tools
 * (motcua backup FILE runs pg_dump -Fc: mc-backup-pg.c; continuous archiving
 * for the rest, docs/DEPLOYMENT.md), not copied page by page into the
 * rotating backups beside a file: said, never attempted. */
static gboolean
refuse_server (McDb *db, GError **error)
{
  if (mc_db_get_pg (db) == NULL)
    return FALSE;
  g_set_error_literal (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED,
                       _("This database is on a PostgreSQL server: name the backup file (motcua backup FILE "
                         "runs pg_dump); the automatic backups beside a database file are the server's "
                         "continuous archiving there"));
  return TRUE;
}

gboolean
mc_backup_write (McDb *db, const char *path, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Never over the database, another backup or a device; whether an
   * ordinary file may be replaced is the caller's choice (--force). */
  if (!mc_output_file_check (path, MC_OUTPUT_FILE_FORCE, error))
    return FALSE;
  /* A server's backup is pg_dump's (mc-backup-pg.c). */
  if (mc_db_get_pg (db) != NULL)
    return mc_backup_pg_dump (db, path, error);
  /* The head of the audit trail at the backup, kept beside it. */
  return write_copy (mc_db_get_handle (db), path, error) && mc_audit_write_manifest (path, error);
}

static int
check_motcua (sqlite3 *handle, const char *path, GError **error)
{
  g_autofree char *tables = NULL;
  g_autofree char *version = NULL;
  int v;

  tables = query_text (handle, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                               "AND name IN ('unit', 'procedure', 'dossier', 'dossier_event')", path, error);
  if (tables == NULL)
    return -1;
  version = query_text (handle, "PRAGMA user_version", path, error);
  if (version == NULL)
    return -1;
  v = atoi (version);
  if (!g_str_equal (tables, "4") || v < 1)
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_MOTCUA, _("“%s” is not a Motcua database"), path);
      return -1;
    }
  if (v > mc_db_get_latest_version ())
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Motcua (schema %d, this version knows %d)"),
                   path, v, mc_db_get_latest_version ());
      return -1;
    }
  return v;
}

int
mc_backup_check_file (const char *path, gboolean quick, GError **error)
{
  sqlite3 *handle;
  int version = -1;

  g_return_val_if_fail (path != NULL, -1);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_NOT_MOTCUA, _("The file “%s” does not exist"), path);
      return -1;
    }
  handle = open_file (path, SQLITE_OPEN_READONLY, error);
  if (handle == NULL)
    return -1;
  if (check_pages (handle, path, quick, error))
    version = check_motcua (handle, path, error);
  sqlite3_close_v2 (handle);
  return version;
}

/* Moves a damaged database and its WAL files aside; returns the new name. */
static char *
set_damaged_aside (const char *db_path, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", db_path, stamp);

  if (g_rename (db_path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED, _("Cannot move “%s” aside: %s"), db_path,
                   g_strerror (saved));
      return NULL;
    }
  /* What is set aside still holds everyone's data. */
  mc_output_file_make_private (aside);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *from = g_strconcat (db_path, i ? "-shm" : "-wal", NULL);
      g_autofree char *to = g_strconcat (aside, i ? "-shm" : "-wal", NULL);
      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) == 0)
        mc_output_file_make_private (to);
    }
  return g_steal_pointer (&aside);
}

/* A healthy database is overwritten in place, so that programs which have it
 * open (the liveboard) go on with the restored content. */
static gboolean
restore_in_place (const char *db_path, sqlite3 *source, GError **error)
{
  sqlite3 *dest = open_file (db_path, SQLITE_OPEN_READWRITE, error);
  gboolean ok;

  if (dest == NULL)
    return FALSE;
  ok = run_backup (dest, source, db_path, error);
  sqlite3_close_v2 (dest);
  return ok;
}

/* The restored database ends where its backup did: the mark of the one it
 * replaced would report the difference as lost work. */
static void
rewrite_commit_mark (const char *db_path)
{
  g_autofree char *mark = mc_commit_mark_path (db_path);
  sqlite3 *handle;

  g_unlink (mark);
  handle = open_file (db_path, SQLITE_OPEN_READONLY, NULL);
  if (handle == NULL)
    return;
  mc_commit_mark_write (handle, db_path, NULL);
  sqlite3_close_v2 (handle);
}

gboolean
mc_backup_restore (const char *db_path, const char *backup_path, char **set_aside, GError **error)
{
  g_autoptr(GError) damage = NULL;
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, FALSE);

  if (set_aside)
    *set_aside = NULL;
  if (same_file (db_path, backup_path))
    {
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED,
                   _("A backup cannot be written over the database itself (“%s”)"), backup_path);
      return FALSE;
    }
  if (mc_backup_check_file (backup_path, FALSE, error) < 0)
    return FALSE;
  source = open_file (backup_path, SQLITE_OPEN_READONLY, error);
  if (source == NULL)
    return FALSE;
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    ok = write_copy (source, db_path, error);
  else if (mc_backup_check_file (db_path, TRUE, &damage) >= 0 ||
           g_error_matches (damage, MC_BACKUP_ERROR, MC_BACKUP_ERROR_BUSY))
    ok = restore_in_place (db_path, source, error);
  else
    {
      char *aside = set_damaged_aside (db_path, error);
      ok = aside != NULL && write_copy (source, db_path, error);
      if (set_aside)
        *set_aside = aside;
      else
        g_free (aside);
    }
  sqlite3_close_v2 (source);
  if (ok)
    {
      g_autofree char *dir = mc_backup_dir_for (db_path);
      g_autofree char *mark = g_build_filename (dir, MC_BACKUP_DAMAGED_MARK, NULL);
      g_unlink (mark);
      rewrite_commit_mark (db_path);
      /* The rows after the backup are gone on purpose; their heads too. */
      ok = mc_audit_forget_anchors_after (db_path, error);
    }
  return ok;
}

char *
mc_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static gint
compare_newest_first (gconstpointer a, gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
mc_backup_list (const char *dir)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return paths;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  /* The names hold the UTC time as YYYYMMDD-HHMMSS: they sort by age. */
  g_ptr_array_sort (paths, compare_newest_first);
  return paths;
}

/* Daily for `keep` days: the newest backup of each of the `keep` latest
 * days stays, so that closing the application ten times in an afternoon
 * does not push last week's copies out. */
static void
prune (GPtrArray *newest_first, guint keep)
{
  g_autofree char *last_day = NULL;
  guint days = 0;

  for (guint i = 0; i < newest_first->len; i++)
    {
      g_autofree char *name = g_path_get_basename (newest_first->pdata[i]);
      g_autofree char *day = g_strndup (name + strlen (BACKUP_PREFIX), 8);

      if (g_strcmp0 (day, last_day) != 0 && days < keep)
        {
          days++;
          g_free (last_day);
          last_day = g_steal_pointer (&day);
          continue;
        }
      g_unlink (newest_first->pdata[i]);
      {
        g_autofree char *manifest = g_strconcat (newest_first->pdata[i], ".manifest", NULL);
        g_unlink (manifest);
      }
    }
}

static char *
rotate_from (sqlite3 *source, const char *dir, guint keep, gint64 now, GError **error)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autofree char *stamp = g_date_time_format (at, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strconcat (BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) all = NULL;
  GError *local = NULL;

  if (!write_copy (source, path, &local))
    {
      /* The copy is page for page the database: the database is damaged. */
      if (g_error_matches (local, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED))
        {
          g_autofree char *mark = g_build_filename (dir, MC_BACKUP_DAMAGED_MARK, NULL);
          g_file_set_contents (mark, local->message, -1, NULL);
        }
      g_propagate_error (error, local);
      return NULL;
    }
  if (!mc_audit_write_manifest (path, error))
    return NULL;
  all = mc_backup_list (dir);
  prune (all, MAX (keep, 1));
  return g_steal_pointer (&path);
}

char *
mc_backup_rotate (McDb *db, const char *dir, guint keep, gint64 now, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if (refuse_server (db, error))
    return NULL;
  return rotate_from (mc_db_get_handle (db), dir, keep, now, error);
}

char *
mc_backup_rotate_path (const char *db_path, const char *dir, guint keep, gint64 now, GError **error)
{
  sqlite3 *source = open_file (db_path, SQLITE_OPEN_READONLY, error);
  char *path;

  if (source == NULL)
    return NULL;
  path = rotate_from (source, dir, keep, now, error);
  sqlite3_close_v2 (source);
  return path;
}

char *
mc_backup_find_latest_good (const char *dir)
{
  g_autoptr(GPtrArray) all = mc_backup_list (dir);

  for (guint i = 0; i < all->len; i++)
    if (mc_backup_check_file (all->pdata[i], TRUE, NULL) >= 0)
      return g_strdup (all->pdata[i]);
  return NULL;
}

/* 0 with `error` set when the setting could not be read: a backup is then
 * neither taken on a guessed schedule nor rotated by a guessed count, which
 * could delete backups the unit chose to keep. */
static guint
setting_uint (McDb *db, const char *key, guint fallback, GError **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *text = mc_db_get_setting (db, key, NULL, &read_error);
  guint64 value;

  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return 0;
    }
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 10000, &value, NULL))
    return fallback;
  return (guint) value;
}

guint
mc_backup_get_interval_hours (McDb *db, GError **error)
{
  return setting_uint (db, MC_BACKUP_SETTING_HOURS, MC_BACKUP_DEFAULT_HOURS, error);
}

guint
mc_backup_get_keep (McDb *db, GError **error)
{
  return setting_uint (db, MC_BACKUP_SETTING_KEEP, MC_BACKUP_DEFAULT_KEEP, error);
}

void
mc_backup_mark_damaged (const char *db_path, const char *detail)
{
  g_autofree char *dir = mc_backup_dir_for (db_path);
  g_autofree char *mark = g_build_filename (dir, MC_BACKUP_DAMAGED_MARK, NULL);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (mark, detail, -1, NULL);
}

/* Header and schema (the first read parses it), every page when `full`,
 * and no committed work missing. */
static gboolean
check_handle (sqlite3 *handle, const char *path, gboolean full, GError **error)
{
  g_autofree char *schema = query_text (handle, "SELECT count(*) FROM sqlite_schema", path, error);

  return schema != NULL && (!full || check_pages (handle, path, TRUE, error)) &&
         mc_commit_mark_verify (handle, path, error);
}

/* Header, schema, and (unless the file is large) every page. */
static gboolean
check_readable (const char *path, gboolean full, GError **error)
{
  GStatBuf st;
  sqlite3 *handle;
  gboolean ok;

  if (!full)
    full = g_stat (path, &st) != 0 || st.st_size <= MC_BACKUP_START_CHECK_MAX_BYTES;
  /* Read-write, so that a WAL left by a crash is recovered first. */
  handle = open_file (path, SQLITE_OPEN_READWRITE, error);
  if (handle == NULL)
    return FALSE;
  ok = check_handle (handle, path, full, error);
  sqlite3_close_v2 (handle);
  return ok;
}

/* An active administrator of the database at `path`, read without
 * writing anything; NULL if none can be read. */
static char *
find_administrator (const char *path)
{
  sqlite3 *handle = open_file (path, SQLITE_OPEN_READONLY, NULL);
  char *name;

  if (handle == NULL)
    return NULL;
  name = query_text (handle, "SELECT username FROM staff WHERE active = 1 AND password_hash IS NOT NULL "
                             "AND ',' || roles || ',' LIKE '%,quan_tri,%' ORDER BY id LIMIT 1", path, NULL);
  sqlite3_close_v2 (handle);
  return name;
}

/* The command that restores `backup`, as it can be run: a database that
 * opens asks an administrator to sign in (mc-cli-backup.c), so the command
 * names one, from the database or else from the backup (whose accounts are
 * the same people). */
static char *
restore_command (const char *path, const char *backup)
{
  g_autofree char *admin = find_administrator (path);
  g_autofree char *quoted_path = g_shell_quote (path);
  g_autofree char *quoted_backup = g_shell_quote (backup);
  g_autofree char *quoted_admin = NULL;

  if (admin == NULL)
    admin = find_administrator (backup);
  if (admin == NULL)
    return g_strdup_printf ("motcua --db %s restore %s", quoted_path, quoted_backup);
  quoted_admin = g_shell_quote (admin);
  return g_strdup_printf ("motcua --db %s --user %s restore %s", quoted_path, quoted_admin, quoted_backup);
}

static void
set_start_error (const GError *found, const char *path, const char *backup_dir, GError **error)
{
  g_autofree char *latest = backup_dir ? mc_backup_find_latest_good (backup_dir) : NULL;
  g_autofree char *what = found->code == MC_BACKUP_ERROR_MISSING ? g_strdup (found->message)
                          /* Translators: %s is “file” is damaged (detail). */
                          : g_strdup_printf (_("The database %s."), found->message);
  g_autofree char *command = latest ? restore_command (path, latest) : NULL;

  if (latest != NULL)
    g_set_error (error, MC_BACKUP_ERROR, found->code,
                 _("%s\nThe latest good backup is “%s”. To restore it, run:\n%s"), what, latest, command);
  else
    g_set_error (error, MC_BACKUP_ERROR, found->code, _("%s\nNo good backup was found in “%s”."), what,
                 backup_dir ? backup_dir : "");
}

gboolean
mc_backup_check_at_start (const char *path, const char *backup_dir, gboolean full, GError **error)
{
  g_autoptr(GError) damage = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_strcmp0 (path, ":memory:") == 0 || !g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!full && backup_dir != NULL)
    {
      g_autofree char *mark = g_build_filename (backup_dir, MC_BACKUP_DAMAGED_MARK, NULL);
      full = g_file_test (mark, G_FILE_TEST_EXISTS);
    }
  ok = check_readable (path, full, &damage);
  if (ok || g_error_matches (damage, MC_BACKUP_ERROR, MC_BACKUP_ERROR_BUSY) ||
      g_error_matches (damage, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED))
    {
      /* Busy or unreadable is not damage: mc_db_new () reports it. */
      return TRUE;
    }
  set_start_error (damage, path, backup_dir, error);
  return FALSE;
}

/* Whether a backup or a command found damage since the last restore. */
static gboolean
damaged_mark_exists (const char *backup_dir)
{
  g_autofree char *mark = g_build_filename (backup_dir, MC_BACKUP_DAMAGED_MARK, NULL);

  return g_file_test (mark, G_FILE_TEST_EXISTS);
}

/* Busy or unreadable is not damage: the caller's open reports it. */
static gboolean
is_damage (const GError *found)
{
  return found != NULL && !g_error_matches (found, MC_BACKUP_ERROR, MC_BACKUP_ERROR_BUSY) &&
         !g_error_matches (found, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED);
}

gboolean
mc_backup_check_command_db (McDb *db, GError **error)
{
  const char *path = mc_db_get_path (db);
  g_autofree char *dir = mc_backup_dir_for (path);
  g_autoptr(GError) damage = NULL;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (check_handle (mc_db_get_handle (db), path, damaged_mark_exists (dir), &damage) || !is_damage (damage))
    return TRUE;
  set_start_error (damage, path, dir, error);
  return FALSE;
}

void
mc_backup_refuse_damage_met (const char *path, GError **error)
{
  g_autofree char *dir = mc_backup_dir_for (path);
  g_autoptr(GError) found = NULL;

  g_return_if_fail (path != NULL);

  mc_backup_mark_damaged (path, "damage met by a command");
  found = g_error_new (MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED, _("“%s” is damaged"), path);
  set_start_error (found, path, dir, error);
}

gboolean
mc_backup_start_check_was_partial (const char *path)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  return g_strcmp0 (path, ":memory:") != 0 && g_stat (path, &st) == 0 &&
         st.st_size > MC_BACKUP_START_CHECK_MAX_BYTES;
}

/* The tables, without the virtual ones (their shadow tables are listed). */
static GPtrArray *
list_tables (sqlite3 *handle, const char *path, GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rootpage", -1, &stmt, NULL);
  McDbStep step = MC_DB_STEP_ERROR;

  while (rc == SQLITE_OK && (step = mc_db_step_row_sqlite (stmt, NULL)) == MC_DB_STEP_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc == SQLITE_OK && step == MC_DB_STEP_ERROR)
    rc = sqlite3_extended_errcode (handle);  /* told in the backup's words below */
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static gboolean
check_table (sqlite3 *handle, const char *path, const char *table, GError **error)
{
  char *sql = sqlite3_mprintf ("PRAGMA quick_check(%Q)", table);
  g_autofree char *result = query_text (handle, sql, path, error);

  sqlite3_free (sql);
  if (result == NULL)
    return FALSE;
  if (!g_str_equal (result, "ok"))
    {
      /* SQLite's finding is in English and for whoever repairs the file. */
      g_message ("quick_check of table %s in %s: %s", table, path, result);
      /* Translators: the second %s is a table name. */
      g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED, _("“%s” is damaged (in table %s)"), path,
                   table);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_backup_check_tables (const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  GError *local = NULL;
  sqlite3 *handle;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  handle = open_file (path, SQLITE_OPEN_READONLY, error);
  if (handle == NULL)
    return FALSE;
  tables = list_tables (handle, path, &local);
  ok = tables != NULL;
  for (guint i = 0; ok && i < tables->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, &local) &&
         check_table (handle, path, tables->pdata[i], &local);
  sqlite3_close_v2 (handle);
  if (g_error_matches (local, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED))
    mc_backup_mark_damaged (path, local->message);
  if (local != NULL)
    g_propagate_error (error, local);
  return ok;
}
