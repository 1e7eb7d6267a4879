/* mc-import-batch.c — a bulk import written in chunks, all or nothing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A migration of 200,000 dossiers in one transaction held SQLite's write
 * lock for seconds, and a clerk signing in or receiving at the counter
 * failed with "database is locked" (issue 12, item 5). An import now
 * commits by chunks of about 150 ms and lets other writers in between, so
 * it can no longer be one transaction; it stays all or nothing this way:
 *
 * - the file is read as a stream and checked as it goes (mc-dossier-import.c):
 *   a bad first line writes nothing at all, a bad line further on (a
 *   duplicate code, a date in the wrong form) removes what went before it;
 * - the import is recorded, in a small commit before its first row, as the
 *   setting MC_IMPORT_BATCH_KEY = the highest dossier id before it. Its rows
 *   are exactly those with imported = 1 above that id: one import runs at a
 *   time (the lock below), and nothing else writes imported rows;
 * - the commit of its last row also writes, in the record, how many rows
 *   and who imported them: from then on the import is whole and goes
 *   forward only. Its rows' events (append-only: none may exist for a row
 *   that could still be removed) are written by chunks after it, the last
 *   one with the audit row and the removal of the record;
 * - an import that fails before its last row (a bad line, a full disk, a
 *   code received at the counter meanwhile) removes its rows before it
 *   returns; one that was killed is removed — or, killed after its last row,
 *   finished — by the next start of Motcua (mc_db_new calls
 *   mc_import_batch_recover), by anyone, which tells a dead import from a
 *   running one by the lock.
 *
 * Rows of an unfinished import are visible to other programs while it
 * runs (there is no hidden state: every query of the dossier table would
 * have to exclude it, and the final move of a staged copy would be one long
 * transaction again) and, after a kill, until the next start. The choice
 * is argued in docs/SECURITY.md.
 *
 * The lock is flock(2) on "<db>.import-lock": the kernel releases it when
 * the importer dies, however it dies, and it works between sandboxes that
 * share the file (a process id would not: a Flatpak sees only its own).
 *
 * The same file tells the import that someone waits: a Motcua connection
 * waiting for the write lock touches it (its modification time), and the
 * import, which looks at the
 * file's time between its batches of rows, commits its chunk at once. The
 * waiter says it again every 20 tries (about 40 ms): its first word may
 * fall in the same tick of the file system's clock as the import's last
 * look, or just before the import's next chunk began.
 * So a chunk no longer has to be short for the clerk's sake: it ends when
 * a writer waits, or after MC_IMPORT_CHUNK_MAX_US (300 ms: a writer that
 * does not say it waits — another program — waits that long at most).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-audit.h"
#include "mc-db-private.h"
#include "mc-import-batch.h"

/* Rows removed per transaction when an import is undone. */
#define REMOVE_CHUNK 2000

/* Events written per statement while finishing (a transaction of them
 * holds the write lock as a chunk of rows does). */
#define EVENT_STEP 2000

struct _McImportBatch
{
  McDb           *db;
  int             lock_fd;   /* -1 for a database in memory */
  gint64          first_id;  /* the highest dossier id before the import */
  struct timespec touched;   /* the lock file's time when last looked at */
};

/* The record: "FIRST_ID" while rows go in, "FIRST_ID ROWS ACTOR" once the
 * last one is in (ACTOR 0: nobody signed in). */
typedef struct {
  gint64   first_id;
  gboolean rows_done;
  gint64   n_rows;
  gint64   actor;
} Record;

char *
mc_import_batch_lock_path (const char *db_path)
{
  return g_strconcat (db_path, ".import-lock", NULL);
}

void
mc_import_batch_note_waiter (const char *db_path)
{
  g_autofree char *path = NULL;
  int fd;

  if (db_path == NULL || g_str_equal (db_path, ":memory:"))
    return;
  path = mc_import_batch_lock_path (db_path);
  /* No file: no import ever ran on this database, nobody to tell. */
  fd = open (path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return;
  futimens (fd, NULL);
  close (fd);
}

/* Whether the lock file's time moved since the last call. */
static gboolean
lock_touched (int fd, struct timespec *seen)
{
  struct stat st;
  gboolean moved;

  if (fd < 0 || fstat (fd, &st) != 0)
    return FALSE;
  moved = st.st_mtim.tv_sec != seen->tv_sec || st.st_mtim.tv_nsec != seen->tv_nsec;
  *seen = st.st_mtim;
  return moved;
}

gboolean
mc_import_batch_has_waiter (McImportBatch *self)
{
  return lock_touched (self->lock_fd, &self->touched);
}

static gboolean
in_memory (McDb *db)
{
  return g_strcmp0 (mc_db_get_path (db), ":memory:") == 0;
}

/* -1 with errno EWOULDBLOCK when another process holds the lock. */
/* On PostgreSQL there is no file beside the database: the lock is a
 * session advisory lock, which the server drops with the connection as the
 * kernel drops a flock with the process. The descriptor returned is
 * /dev/null's, whose time never moves: a writer waits on the server's
 * transaction lock, not on a file, so an import on a server commits its
 * chunks by time (MC_IMPORT_CHUNK_MAX_US) only. */
#define SERVER_IMPORT_LOCK "1299149925"

static int
take_server_lock (McDb *db)
{
  if (mc_db_query_int (db, "SELECT pg_try_advisory_lock (" SERVER_IMPORT_LOCK ")::int", NULL) != 1)
    {
      errno = EWOULDBLOCK;
      return -1;
    }
  return open ("/dev/null", O_RDONLY | O_CLOEXEC);
}

static void
release_lock (McDb *db, int fd)
{
  close (fd);
  if (mc_sql_on_server (db))
    mc_db_query_int (db, "SELECT pg_advisory_unlock (" SERVER_IMPORT_LOCK ")::int", NULL);
}

static int
take_lock (McDb *db)
{
  g_autofree char *path = NULL;
  int fd;

  if (mc_sql_on_server (db))
    return take_server_lock (db);
  path = mc_import_batch_lock_path (mc_db_get_path (db));
  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;
      close (fd);
      errno = saved;
      return -1;
    }
  return fd;
}

/* TRUE when an import is recorded. FALSE when none is, or (`error` set)
 * when the record could not be read: an unfinished import is then neither
 * assumed nor ruled out, the error is told. */
static gboolean
read_record (McDb *db, Record *record, GError **error)
{
  g_autofree char *value = mc_db_get_setting (db, MC_IMPORT_BATCH_KEY, NULL, error);
  char *end = NULL;

  memset (record, 0, sizeof *record);
  if (value == NULL)
    return FALSE;
  record->first_id = g_ascii_strtoll (value, &end, 10);
  if (end != NULL && *end == ' ')
    {
      record->rows_done = TRUE;
      record->n_rows = g_ascii_strtoll (end + 1, &end, 10);
      record->actor = end != NULL && *end == ' ' ? g_ascii_strtoll (end + 1, NULL, 10) : 0;
    }
  return TRUE;
}

/* *pending: whether an import is recorded (in `record`); FALSE on error. */
static gboolean
is_pending (McDb *db, Record *record, gboolean *pending, GError **error)
{
  g_autoptr(GError) read_error = NULL;

  *pending = read_record (db, record, &read_error);
  if (read_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&read_error));
  return FALSE;
}

/* The record of the import is the import's own business, summed up by its
 * audit row: no audit row of its own. */
static gboolean
write_record (McDb *db, const char *value, GError **error)
{
  gboolean bulk = mc_db_get_audit_bulk (db);
  gboolean ok;

  mc_db_set_audit_bulk (db, TRUE);
  if (value != NULL)
    ok = mc_db_set_setting (db, MC_IMPORT_BATCH_KEY, value, error);
  else
    ok = mc_db_exec (db, "DELETE FROM setting WHERE key = '" MC_IMPORT_BATCH_KEY "'", error);
  mc_db_set_audit_bulk (db, bulk);
  return ok;
}

/* A dossier someone acted on while the import ran (an event, a document,
 * an apology, a rating) is theirs now: it stays. */
#define REMOVABLE "imported = 1 AND id > ?1 AND NOT EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = " \
                  "dossier.id) AND NOT EXISTS (SELECT 1 FROM dossier_document d WHERE d.dossier_id = dossier.id) " \
                  "AND NOT EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = dossier.id) " \
                  "AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.dossier_id = dossier.id)"

/* One chunk removed in its own transaction; the number of rows, -1 on error. */
static gint64
remove_chunk (McDb *db, gint64 first_id, GError **error)
{
  McSqlStmt *stmt;
  gint64 n;

  if (!mc_db_begin (db, error))
    return -1;
  stmt = mc_db_prepare (db, "DELETE FROM dossier WHERE id IN (SELECT id FROM dossier WHERE " REMOVABLE
                            " ORDER BY id LIMIT ?2)", error);
  if (stmt == NULL)
    {
      mc_db_rollback (db);
      return -1;
    }
  mc_sql_bind_int64 (stmt, 1, first_id);
  mc_sql_bind_int (stmt, 2, REMOVE_CHUNK);
  if (!mc_db_step_done (db, stmt, error))
    {
      mc_db_rollback (db);
      return -1;
    }
  n = mc_sql_changes (db);
  if (!mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return -1;
    }
  return n;
}

/* The last step of an undo: the record goes, with one audit row. */
static gboolean
close_record (McDb *db, gint64 removed, GError **error)
{
  /* An import stopped at a bad line before its first chunk changed
   * nothing: no audit row says otherwise. */
  g_autofree char *detail = g_strdup_printf ("Gỡ bỏ lần nhập dữ liệu dở dang: xóa %" G_GINT64_FORMAT " hồ sơ "
                                             "đã ghi", removed);

  if (!mc_db_begin (db, error))
    return FALSE;
  if (!write_record (db, NULL, error) ||
      (removed > 0 && !mc_audit_append (db, "import.abandoned", "dossier", 0, detail, error)) ||
      !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Removes the rows of the recorded import, chunk by chunk (each chunk lets
 * the counter in), then the record. Killed halfway, it is done again. */
static gint64
remove_import (McDb *db, gint64 first_id, GError **error)
{
  gboolean bulk = mc_db_get_audit_bulk (db);
  gint64 removed = 0, n;

  /* The audit row of close_record stands for the rows removed. */
  mc_db_set_audit_bulk (db, TRUE);
  while ((n = remove_chunk (db, first_id, error)) > 0)
    {
      removed += n;
      g_usleep (MC_DB_YIELD_US);
    }
  mc_db_set_audit_bulk (db, bulk);
  if (n < 0 || !close_record (db, removed, error))
    return -1;
  return removed;
}

/* The import events of the rows with ids in (after, upto]: one event each,
 * summing up the older system's history (its times are in the row). The
 * counter's dossiers in the range have imported = 0. */
static gboolean
insert_events (McDb *db, const Record *record, gint64 after, gint64 upto, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_to, note) "
                                          "SELECT id, received_at, ?3, 'import', state, 'Nhập từ hệ thống cũ' "
                                          "FROM dossier WHERE id > ?1 AND id <= ?2 AND imported = 1 ORDER BY id",
                                      error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, after);
  mc_sql_bind_int64 (stmt, 2, upto);
  if (record->actor > 0)
    mc_sql_bind_int64 (stmt, 3, record->actor);
  else
    mc_sql_bind_null (stmt, 3);
  return mc_db_step_done (db, stmt, error);
}

/* The id of the EVENT_STEP-th imported row after `after` (or the last one);
 * `after` itself when none is left. */
static gint64
step_end (McDb *db, gint64 after, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), %" G_GINT64_FORMAT ") FROM (SELECT id FROM "
                                          "dossier WHERE id > %" G_GINT64_FORMAT " AND imported = 1 ORDER BY id "
                                          "LIMIT %d) AS step", after, after, EVENT_STEP);

  return mc_db_query_int (db, sql, error);
}

/* Where the events stopped: the last imported row that has its import
 * event (a start finishing a killed import carries on from there). */
static gint64
events_written_upto (McDb *db, gint64 first_id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (dossier_id), %" G_GINT64_FORMAT ") FROM "
                                          "dossier_event WHERE dossier_id > %" G_GINT64_FORMAT " AND kind = 'import'",
                                          first_id, first_id);

  return mc_db_query_int (db, sql, error);
}

/* One transaction of events, until a writer waits (`lock_fd`, the import's
 * lock file) or for MC_IMPORT_CHUNK_MAX_US; *done once every row has its
 * event, and then the audit row and the end of the record are in the same
 * commit. */
static gboolean
finish_chunk (McDb *db, int lock_fd, const Record *record, gint64 *after, gboolean *done, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  struct timespec seen = { 0 };
  g_autoptr(GError) local = NULL;
  gboolean ok = mc_db_begin (db, error);

  lock_touched (lock_fd, &seen);
  /* The audit triggers write nothing for them: the import's audit row
   * stands for its rows and events, as for its dossiers. */
  mc_db_set_audit_bulk (db, TRUE);
  while (ok && !*done && g_get_monotonic_time () - start < MC_IMPORT_CHUNK_MAX_US &&
         !lock_touched (lock_fd, &seen))
    {
      gint64 upto = step_end (db, *after, &local);

      if (local != NULL)
        ok = (g_propagate_error (error, g_steal_pointer (&local)), FALSE);
      else if (upto == *after)
        *done = TRUE;
      else if ((ok = insert_events (db, record, *after, upto, error)))
        *after = upto;
    }
  mc_db_set_audit_bulk (db, FALSE);
  if (ok && *done)
    {
      g_autofree char *summary = g_strdup_printf ("Nhập %" G_GINT64_FORMAT " hồ sơ từ hệ thống cũ", record->n_rows);

      ok = mc_audit_append (db, "import", "dossier", 0, summary, error) && write_record (db, NULL, error);
    }
  if (!ok || !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Writes the events of a whole import by chunks (each lets the counter in),
 * then its audit row, and removes the record. */
static gboolean
finish_import (McDb *db, int lock_fd, const Record *record, GError **error)
{
  g_autoptr(GError) local = NULL;
  gint64 after = events_written_upto (db, record->first_id, &local);
  gboolean done = FALSE;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  while (!done)
    {
      if (!finish_chunk (db, lock_fd, record, &after, &done, error))
        return FALSE;
      if (!done)
        g_usleep (MC_DB_YIELD_US);
    }
  return TRUE;
}

static gboolean
recover_locked (McDb *db, int lock_fd, GError **error)
{
  Record record;
  gboolean pending;

  if (!is_pending (db, &record, &pending, error))
    return FALSE;
  if (!pending)
    return TRUE;
  if (record.rows_done)
    {
      g_info ("Finishing an import killed after its last row (ids above %" G_GINT64_FORMAT ")", record.first_id);
      return finish_import (db, lock_fd, &record, error);
    }
  g_info ("Removing the dossiers of an unfinished import (ids above %" G_GINT64_FORMAT ")", record.first_id);
  return remove_import (db, record.first_id, error) >= 0;
}

gboolean
mc_import_batch_recover (McDb *db, GError **error)
{
  Record record;
  gboolean pending;
  gboolean ok;
  int fd;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  /* One read at each start, and nothing more when no import is recorded. */
  if (!is_pending (db, &record, &pending, error))
    return FALSE;
  if (!pending || in_memory (db) || mc_db_get_damage (db) != NULL)
    return TRUE;
  fd = take_lock (db);
  /* Held: the import is running in another process, and is its business. */
  if (fd < 0)
    return TRUE;
  ok = recover_locked (db, fd, error);
  release_lock (db, fd);
  return ok;
}

static gboolean
record_start (McImportBatch *self, GError **error)
{
  g_autofree char *value = NULL;

  if (!mc_db_begin (self->db, error))
    return FALSE;
  self->first_id = mc_db_query_int (self->db, "SELECT coalesce (max (id), 0) FROM dossier", error);
  value = g_strdup_printf ("%" G_GINT64_FORMAT, self->first_id);
  if (!write_record (self->db, value, error) || !mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
      return FALSE;
    }
  return TRUE;
}

McImportBatch *
mc_import_batch_begin (McDb *db, GError **error)
{
  g_autoptr(McImportBatch) self = g_new0 (McImportBatch, 1);

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (mc_sql_autocommit (db), NULL);

  self->db = g_object_ref (db);
  self->lock_fd = -1;
  if (!in_memory (db) && (self->lock_fd = take_lock (db)) < 0)
    {
      if (errno == EWOULDBLOCK)
        g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_BUSY,
                             _("Another import into this database is running: wait until it has finished"));
      else
        g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_OPEN, _("Cannot create the import’s lock file beside the "
                                                             "database: %s"), g_strerror (errno));
      return NULL;
    }
  if (!recover_locked (db, self->lock_fd, error) || !record_start (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
mc_import_batch_get_first_id (McImportBatch *self)
{
  return self->first_id;
}

gboolean
mc_import_batch_rows_written (McImportBatch *self, guint n_rows, GError **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT " %u %" G_GINT64_FORMAT, self->first_id, n_rows,
                                            MAX (mc_db_get_actor (self->db), 0));

  return write_record (self->db, value, error);
}

gboolean
mc_import_batch_finish (McImportBatch *self, GError **error)
{
  g_autoptr(GError) read_error = NULL;
  Record record;

  if (!read_record (self->db, &record, &read_error) && read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (!record.rows_done)
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED, _("The record of the import is missing"));
      return FALSE;
    }
  return finish_import (self->db, self->lock_fd, &record, error);
}

gint64
mc_import_batch_abandon (McImportBatch *self, GError **error)
{
  return remove_import (self->db, self->first_id, error);
}

void
mc_import_batch_free (McImportBatch *self)
{
  if (self == NULL)
    return;
  if (self->lock_fd >= 0)
    release_lock (self->db, self->lock_fd);
  g_clear_object (&self->db);
  g_free (self);
}
