/* mc-import-batch.c — a bulk import written in chunks, all or nothing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A migration of 200,000 dossiers in one transaction held SQLite's write
 * lock for seconds, and a clerk signing in or receiving at the counter
 * failed with "database is locked" (issue 12, item 5). An import now
 * commits by chunks of about 150 ms and lets other writers in between, so
 * it can no longer be one transaction; it stays all or nothing this way:
 *
 * - the whole file is validated before any row is written
 *   (mc-dossier-import.c), so the usual refusals (a bad line, a duplicate
 *   code) write nothing at all;
 * - the import is recorded, in a small commit before its first row, as the
 *   setting MC_IMPORT_BATCH_KEY = the highest dossier id before it. Its rows
 *   are exactly those with imported = 1 above that id: one import runs at a
 *   time (the lock below), and nothing else writes imported rows;
 * - the rows' events, the audit row and the removal of the record are the
 *   import's last, small commit: until it, the import is unfinished;
 * - an import that fails after rows went in (a full disk, a code received
 *   at the counter meanwhile) removes them before it returns; one that was
 *   killed is removed by the next start of Motcua (mc_db_new calls
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
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-audit.h"
#include "mc-db-private.h"
#include "mc-import-batch.h"

/* Rows removed per transaction when an import is undone. */
#define REMOVE_CHUNK 2000

struct _McImportBatch
{
  McDb   *db;
  int     lock_fd;   /* -1 for a database in memory */
  gint64  first_id;  /* the highest dossier id before the import */
};

char *
mc_import_batch_lock_path (const char *db_path)
{
  return g_strconcat (db_path, ".import-lock", NULL);
}

static gboolean
in_memory (McDb *db)
{
  return g_strcmp0 (mc_db_get_path (db), ":memory:") == 0;
}

/* -1 with errno EWOULDBLOCK when another process holds the lock. */
static int
take_lock (McDb *db)
{
  g_autofree char *path = mc_import_batch_lock_path (mc_db_get_path (db));
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

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

static gint64
pending_first_id (McDb *db, gboolean *pending)
{
  g_autofree char *value = mc_db_get_setting (db, MC_IMPORT_BATCH_KEY, NULL);

  *pending = value != NULL;
  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
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
  sqlite3_stmt *stmt;
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
  sqlite3_bind_int64 (stmt, 1, first_id);
  sqlite3_bind_int (stmt, 2, REMOVE_CHUNK);
  if (!mc_db_step_done (db, stmt, error))
    {
      mc_db_rollback (db);
      return -1;
    }
  n = sqlite3_changes64 (mc_db_get_handle (db));
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
  g_autofree char *detail = g_strdup_printf ("Gỡ bỏ lần nhập dữ liệu dở dang: xóa %" G_GINT64_FORMAT " hồ sơ "
                                             "đã ghi", removed);

  if (!mc_db_begin (db, error))
    return FALSE;
  if (!write_record (db, NULL, error) ||
      !mc_audit_append (db, "import.abandoned", "dossier", 0, detail, error) || !mc_db_commit (db, error))
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

static gboolean
recover_locked (McDb *db, GError **error)
{
  gboolean pending;
  gint64 first_id = pending_first_id (db, &pending);

  if (!pending)
    return TRUE;
  g_info ("Removing the dossiers of an unfinished import (ids above %" G_GINT64_FORMAT ")", first_id);
  return remove_import (db, first_id, error) >= 0;
}

gboolean
mc_import_batch_recover (McDb *db, GError **error)
{
  gboolean pending;
  gboolean ok;
  int fd;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  /* One read at each start, and nothing more when no import is recorded. */
  pending_first_id (db, &pending);
  if (!pending || in_memory (db) || mc_db_get_damage (db) != NULL)
    return TRUE;
  fd = take_lock (db);
  /* Held: the import is running in another process, and is its business. */
  if (fd < 0)
    return TRUE;
  ok = recover_locked (db, error);
  close (fd);
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
  g_return_val_if_fail (sqlite3_get_autocommit (mc_db_get_handle (db)), NULL);

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
  if (!recover_locked (db, error) || !record_start (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
mc_import_batch_get_first_id (McImportBatch *self)
{
  return self->first_id;
}

gboolean
mc_import_batch_clear (McImportBatch *self, GError **error)
{
  return write_record (self->db, NULL, error);
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
    close (self->lock_fd);
  g_clear_object (&self->db);
  g_free (self);
}
