/* mc-db.h — the SQLite database: one connection, WAL, migrations, GError everywhere
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "mc-changes.h"

G_BEGIN_DECLS

#define MC_TYPE_DB (mc_db_get_type ())
G_DECLARE_FINAL_TYPE (McDb, mc_db, MC, DB, GObject)

#define MC_DB_ERROR (mc_db_error_quark ())
GQuark mc_db_error_quark (void);

typedef enum {
  MC_DB_ERROR_OPEN,
  MC_DB_ERROR_SQL,
  MC_DB_ERROR_BUSY,
  MC_DB_ERROR_CONSTRAINT,
  MC_DB_ERROR_TOO_NEW,
  MC_DB_ERROR_NOT_FOUND,
  MC_DB_ERROR_INVALID,
  MC_DB_ERROR_DAMAGED,  /* a check found the file damaged: writes are refused */
  MC_DB_ERROR_FULL,     /* the disk, a quota or the file size limit is full */
  MC_DB_ERROR_IO,       /* the disk could not be read or written */
  MC_DB_ERROR_READONLY, /* the file or its folder may not be written */
} McDbError;

/* The one place where SQLite's result codes become what a person reads, in
 * Vietnamese: busy, disk full, I/O error, damaged, read-only … SQLite's own
 * English text never reaches a message (it goes to the debug log). `handle`
 * may be NULL; its errno tells a full disk that SQLite reported as an I/O
 * error (a write refused with ENOSPC, EDQUOT or EFBIG). Every caller that
 * turns an SQLite failure into a GError goes through it. */
McDbError     mc_db_error_code        (int rc, int system_errno);
const char   *mc_db_error_describe    (int rc, int system_errno);
gboolean      mc_db_error_from_sqlite (sqlite3 *handle, int rc, GError **error);
/* How long a write waits for another connection's transaction before it
 * fails with MC_DB_ERROR_BUSY, retrying every MC_DB_BUSY_RETRY_US. */
#define MC_DB_BUSY_LIMIT_US (10 * G_USEC_PER_SEC)
#define MC_DB_BUSY_RETRY_US 2000
/* Microseconds this connection has spent waiting for other connections'
 * write locks since it was opened (bench/bench-import-wait). */
gint64        mc_db_get_busy_waited   (McDb *self);
/* How long a long writer (an import) pauses after each of its commits, so
 * that a writer retrying every MC_DB_BUSY_RETRY_US gets the lock in between
 * (it would otherwise be taken again within microseconds). */
#define MC_DB_YIELD_US (3 * MC_DB_BUSY_RETRY_US)

/* path: a file, or ":memory:". The database is created and migrated. */
McDb         *mc_db_new               (const char *path, GCancellable *cancellable, GError **error);
/* The connection of a one-shot command (`motcua COMMAND`): the only one it
 * opens. Before anything reads the file it is checked on this connection
 * (mc_backup_check_command_db: header, schema, commit mark; every page only
 * after a backup or a command left the DAMAGED mark), so the schema is read
 * once; the page cache is SQLite's default 2 MB, not the application's 32 MB. */
McDb         *mc_db_new_for_command   (const char *path, GError **error);
/* Open without migrating (tests of the migrations themselves). */
McDb         *mc_db_new_unmigrated    (const char *path, GError **error);
const char   *mc_db_get_path          (McDb *self);
sqlite3      *mc_db_get_handle        (McDb *self);
char         *mc_db_default_path      (void);

gboolean      mc_db_exec              (McDb *self, const char *sql, GError **error);
/* A cached prepared statement, reset and cleared; owned by the McDb. */
sqlite3_stmt *mc_db_prepare           (McDb *self, const char *sql, GError **error);
/* Steps a statement to SQLITE_DONE (or ROW); on failure sets error and resets. */
gboolean      mc_db_step_done         (McDb *self, sqlite3_stmt *stmt, GError **error);

/* What one step of a query gave. Three values, not a gboolean: "no row"
 * and "could not read" are different answers (a dossier that exists but
 * could not be read because the file was busy, damaged or unreadable must
 * not be reported missing), and a loop over rows ends on either. */
typedef enum {
  MC_DB_STEP_ERROR, /* error is set (in Vietnamese) and the statement reset */
  MC_DB_STEP_ROW,   /* a row is there to read */
  MC_DB_STEP_DONE,  /* no (more) rows */
} McDbStep;

/* The one way core steps a query: SQLITE_BUSY, an I/O error, a damaged
 * page … become a GError through mc_db_error_from_sqlite (MC_DB_ERROR_BUSY,
 * _IO, _DAMAGED …), never a missing row. `self` may be NULL for a
 * connection no McDb owns (a backup's); the statement's own handle then
 * tells the error. Typical uses:
 *
 *   switch (mc_db_step_row (db, stmt, error))
 *     { case MC_DB_STEP_ROW: …; case MC_DB_STEP_DONE: not found; case MC_DB_STEP_ERROR: failed }
 *
 *   while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
 *     …;
 *   if (step == MC_DB_STEP_ERROR)
 *     return FALSE;  (never a short list) */
McDbStep      mc_db_step_row          (McDb *self, sqlite3_stmt *stmt, GError **error);
gboolean      mc_db_set_error         (McDb *self, int rc, GError **error);

/* BEGIN IMMEDIATE: every write is a transaction that never has to upgrade a
 * read lock, so SQLITE_BUSY cannot deadlock two processes. */
gboolean      mc_db_begin             (McDb *self, GError **error);
gboolean      mc_db_commit            (McDb *self, GError **error);
void          mc_db_rollback          (McDb *self);

int           mc_db_get_version       (McDb *self);
int           mc_db_get_latest_version(void);
/* SHA-256 of the migrations compiled into this program, names and text:
 * what the schema it creates depends on (mc-audit-anchor.c keys a cache by it). */
char         *mc_db_dup_migrations_digest (void);
gboolean      mc_db_migrate_to        (McDb *self, int version, GError **error);

/* `fallback` when the key is not set, and also when it cannot be read
 * (logged): the next write or report meets the same error and tells it. */
char         *mc_db_get_setting       (McDb *self, const char *key, const char *fallback);
gboolean      mc_db_set_setting       (McDb *self, const char *key, const char *value, GError **error);
gint64        mc_db_query_int         (McDb *self, const char *sql, GError **error);
/* The notifier of this connection's commits (and, with an McDbWatch, of
 * other processes'): listen to its "changed" signal instead of polling. */
McChanges    *mc_db_get_changes       (McDb *self);
/* Rows written are noted by SQLite's update hook, which does not see
 * WITHOUT ROWID tables (setting, calendar_day, unit_report, unit_procedure,
 * cchc_entry): their writers
 * note the change here, after the statement succeeded (id 0: several). */
void          mc_db_note_change       (McDb *self, McChangeKind kind, gint64 id);
/* PRAGMA data_version: changes when another connection commits. */
gint64        mc_db_data_version      (McDb *self);

/* The staff member acting through this connection (0: nobody signed in),
 * recorded by the audit triggers. */
void          mc_db_set_actor         (McDb *self, gint64 staff_id);
gint64        mc_db_get_actor         (McDb *self);
/* Bulk writes (an import, the demo) write one summary audit row instead of
 * one per row: TRUE switches the per-row audit triggers off. */
void          mc_db_set_audit_bulk    (McDb *self, gboolean bulk);
gboolean      mc_db_get_audit_bulk    (McDb *self);
/* The audit chain's HMAC key (mc_audit_load_key) and whether the schema has
 * reached the keyed chain (new rows are then HMAC-SHA256, older SHA-256). */
GBytes       *mc_db_get_audit_key     (McDb *self);
gboolean      mc_db_get_audit_keyed   (McDb *self);

/* A check found the file damaged (`detail` says where): from now on every
 * write through this connection is refused with MC_DB_ERROR_DAMAGED, so that
 * nothing more is written on pages that may be wrong. Reading goes on. */
void          mc_db_set_damaged       (McDb *self, const char *detail);
/* NULL, or the detail given to mc_db_set_damaged (). */
const char   *mc_db_get_damage        (McDb *self);

/* Makes every later SQLite error of the process that says a page is damaged
 * (SQLITE_CORRUPT, SQLITE_NOTADB) set a flag, on whichever connection and in
 * whatever code: `motcua` calls it first thing (SQLite takes it only before
 * its first use), and after the command asks mc_db_damage_met (). */
gboolean      mc_db_watch_damage      (void);
gboolean      mc_db_damage_met        (void);

/* A row id by unique text column, 0 if none; 0 with error set when the
 * table could not be read. */
gint64        mc_db_lookup_id         (McDb *self, const char *table, const char *column,
                                       const char *value, GError **error);

G_END_DECLS
