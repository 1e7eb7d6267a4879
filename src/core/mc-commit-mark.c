/* mc-commit-mark.c — the last committed audit row, kept outside the database and its WAL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A WAL cut short (a copy taken without it, a disk that lost its tail, a
 * hand that truncated it) leaves a database that opens, passes quick_check
 * and whose audit chain verifies: the lost commits are simply not there. The
 * only witness is something written outside the database after the commit.
 * Each commit therefore leaves "<db>.mark" naming the newest audit row; at
 * start a database whose newest row is older than the mark, or whose row at
 * the mark's number is another one, has lost committed work.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-backup.h"
#include "mc-commit-mark-private.h"
#include "mc-db-sqlite-private.h"

#define MARK_MAGIC "motcua-commit-mark 1"

typedef struct {
  char   *database_id;
  gint64  last_id;
  char   *last_hash;
} Mark;

static void
mark_clear (Mark *mark)
{
  g_clear_pointer (&mark->database_id, g_free);
  g_clear_pointer (&mark->last_hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Mark, mark_clear)

char *
mc_commit_mark_path (const char *db_path)
{
  return g_strconcat (db_path, ".mark", NULL);
}

/* The hash of the audit row chosen by `sql` (its id in `id`): ROW when
 * found, DONE when there is none or the table does not exist yet (before
 * its migration), ERROR with error set when it could not be read — a busy
 * or unreadable file must not read as a trail cut short. */
static McDbStep
read_row (sqlite3 *handle, const char *sql, gint64 bind, gint64 *id, char **hash, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  McDbStep step;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return MC_DB_STEP_DONE;
  if (bind > 0)
    sqlite3_bind_int64 (stmt, 1, bind);
  step = mc_db_step_row_sqlite (stmt, error);
  if (step == MC_DB_STEP_ROW && sqlite3_column_text (stmt, 1) != NULL)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (step == MC_DB_STEP_ROW)
    step = MC_DB_STEP_DONE;
  sqlite3_finalize (stmt);
  return step;
}

/* The database's own random id (mc_db_new gives it one), so that a mark
 * left by a database since deleted says nothing about a new one. ROW when
 * both it and the newest audit row were read. */
static McDbStep
read_database (sqlite3 *handle, Mark *mark, GError **error)
{
  gint64 unused = 0;
  McDbStep step = read_row (handle, "SELECT 1, value FROM setting WHERE key = '" MC_COMMIT_MARK_ID_KEY "'", 0,
                            &unused, &mark->database_id, error);

  if (step != MC_DB_STEP_ROW)
    return step;
  return read_row (handle, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", 0, &mark->last_id,
                   &mark->last_hash, error);
}

/* Written under a temporary name and renamed, without fsync: a crash can
 * leave an older mark (which proves less), never a newer one. */
static gboolean
write_file (const char *path, const char *text, GError **error)
{
  static gint serial;
  /* Unique per write: two connections of one process (a worker's and the
   * window's) may commit at the same moment. */
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d-%d", path, (int) getpid (), g_atomic_int_add (&serial, 1));
  size_t length = strlen (text);
  int fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gboolean ok = fd >= 0 && write (fd, text, length) == (ssize_t) length;
  int saved = errno;

  if (fd >= 0)
    close (fd);
  if (ok && g_rename (tmp, path) != 0)
    {
      saved = errno;
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
    }
  return ok;
}

gboolean
mc_commit_mark_write (sqlite3 *handle, const char *db_path, GError **error)
{
  g_auto(Mark) mark = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (handle != NULL && db_path != NULL, FALSE);

  switch (read_database (handle, &mark, error))
    {
    case MC_DB_STEP_ERROR:
      return FALSE;
    case MC_DB_STEP_DONE:
      return TRUE;
    case MC_DB_STEP_ROW:
      break;
    }
  path = mc_commit_mark_path (db_path);
  text = g_strdup_printf (MARK_MAGIC "\n%s\n%" G_GINT64_FORMAT "\n%s\n", mark.database_id, mark.last_id,
                          mark.last_hash);
  return write_file (path, text, error);
}

static gboolean
read_file (const char *db_path, Mark *mark)
{
  g_autofree char *path = mc_commit_mark_path (db_path);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  lines = g_strsplit (text, "\n", 5);
  if (g_strv_length (lines) < 4 || !g_str_equal (lines[0], MARK_MAGIC) ||
      !g_ascii_string_to_signed (lines[2], 10, 1, G_MAXINT64, &mark->last_id, NULL))
    return FALSE;
  mark->database_id = g_strdup (lines[1]);
  mark->last_hash = g_strdup (lines[3]);
  return TRUE;
}

gboolean
mc_commit_mark_verify (sqlite3 *handle, const char *db_path, GError **error)
{
  g_auto(Mark) recorded = { 0 };
  g_auto(Mark) now = { 0 };
  g_autofree char *hash_then = NULL;
  gint64 id = 0;
  McDbStep step;

  g_return_val_if_fail (handle != NULL && db_path != NULL, FALSE);

  if (!read_file (db_path, &recorded))
    return TRUE;
  /* Another database altogether (deleted and created again) proves nothing. */
  step = read_database (handle, &now, error);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;
  if (step == MC_DB_STEP_DONE || !g_str_equal (now.database_id, recorded.database_id))
    return TRUE;
  if (now.last_id >= recorded.last_id)
    {
      step = read_row (handle, "SELECT id, hash FROM audit_log WHERE id = ?", recorded.last_id, &id, &hash_then,
                       error);
      if (step == MC_DB_STEP_ERROR)
        return FALSE;
      if (step == MC_DB_STEP_ROW && g_str_equal (hash_then, recorded.last_hash))
        return TRUE;
    }
  g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_MISSING,
               /* Translators: the numbers are audit trail entries; -wal is SQLite's file, kept as is. */
               _("The database “%s” has lost work that was saved: entry %lld of the audit trail had "
                 "been written, and the trail now ends at entry %lld (its "
                 "write-ahead log “%s-wal” was cut short, removed or replaced)"),
               db_path, (long long) recorded.last_id, (long long) now.last_id, db_path);
  return FALSE;
}
