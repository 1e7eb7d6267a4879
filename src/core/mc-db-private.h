/* mc-db-private.h — running SQL on McDb, for src/core only
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that runs SQL, in no engine's words: statements through
 * mc-sql.h, transactions, migrations. Only src/core includes this header
 * (and tests/ and bench/, through core_private_dep): ui, export, board and
 * cli are compiled with -DSQLITE3_H and never see it. What names SQLite
 * (the handle, its result codes, its hooks) is in mc-db-sqlite-private.h, which only
 * core's storage files include (HACKING.md, "Storage"; src/core/meson.build
 * compiles every other core file with -DSQLITE3_H too).
 */
#pragma once

#include "mc-db.h"
#include "mc-lateness.h"

G_BEGIN_DECLS

/* What one step of a query gave. Three values, not a gboolean: "no row"
 * and "could not read" are different answers (a dossier that exists but
 * could not be read because the file was busy, damaged or unreadable must
 * not be reported missing), and a loop over rows ends on either. */
typedef enum {
  MC_DB_STEP_ERROR, /* error is set (in Vietnamese) and the statement reset */
  MC_DB_STEP_ROW,   /* a row is there to read */
  MC_DB_STEP_DONE,  /* no (more) rows */
} McDbStep;

#include "mc-sql.h"

/* A server connection's live changes, for McDbWatch (nothing to do on a
 * file): LISTEN for other clients' commits (told on the McDb's McChanges);
 * the socket to wait on; reading what arrived on an idle connection (FALSE:
 * the connection is lost, "connected" is now FALSE); connecting again
 * without blocking (start, then poll when the socket is ready as asked). */
typedef enum {
  MC_DB_POLL_FAILED,
  MC_DB_POLL_READING,
  MC_DB_POLL_WRITING,
  MC_DB_POLL_OK,
} McDbPoll;
gboolean      mc_db_listen_changes    (McDb *self, GError **error);
int           mc_db_server_socket     (McDb *self);
gboolean      mc_db_server_consume    (McDb *self);
gboolean      mc_db_reconnect_start   (McDb *self);
McDbPoll      mc_db_reconnect_poll    (McDb *self, GError **error);

/* For the GUI's tests (a server is impractical under Xvfb): as if the
 * connection to a server were lost (TRUE) or back (FALSE), on any engine —
 * "connected" changes and mc_db_begin refuses writes meanwhile. */
void          mc_db_simulate_connection_lost (McDb *self, gboolean lost);

/* Open without migrating (tests of the migrations themselves). */
McDb         *mc_db_new_unmigrated    (const char *path, GError **error);
/* A SQLite file whose audit chain is hashed with `audit_key` (32 bytes)
 * instead of this desk's key file: the demo built for a server, with the
 * server's own key (mc-demo-server.c). */
McDb         *mc_db_new_with_audit_key (const char *path, GBytes *audit_key, GError **error);
gboolean      mc_db_migrate_to        (McDb *self, int version, GError **error);
/* The version a migration brings, by the end of its file name
 * ("-daily-stat.sql"): found by name, as migrations are renumbered. */
int           mc_db_migration_version (const char *name);

gboolean      mc_db_exec              (McDb *self, const char *sql, GError **error);
/* A cached prepared statement, reset and cleared; owned by the McDb
 * (the same as mc_sql_prepare). */
McSqlStmt    *mc_db_prepare           (McDb *self, const char *sql, GError **error);
/* Steps a statement to its end (or its first row); on failure sets error
 * and resets. */
gboolean      mc_db_step_done         (McDb *self, McSqlStmt *stmt, GError **error);

/* The one way core steps a query: the engine's busy, I/O error, damaged
 * page … become a GError (MC_DB_ERROR_BUSY, _IO, _DAMAGED …, in
 * Vietnamese), never a missing row. `self` may be NULL: the statement's own
 * McDb then tells the error. Typical uses:
 *
 *   switch (mc_db_step_row (db, stmt, error))
 *     { case MC_DB_STEP_ROW: …; case MC_DB_STEP_DONE: not found; case MC_DB_STEP_ERROR: failed }
 *
 *   while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
 *     …;
 *   if (step == MC_DB_STEP_ERROR)
 *     return FALSE;  (never a short list) */
McDbStep      mc_db_step_row          (McDb *self, McSqlStmt *stmt, GError **error);
/* rc: MC_SQL_DONE for "a row was expected and none came" (DAMAGED), or a
 * SQLite result code (mc-db-sqlite-private.h). */
gboolean      mc_db_set_error         (McDb *self, int rc, GError **error);
gint64        mc_db_query_int         (McDb *self, const char *sql, GError **error);
/* A row id by unique text column, 0 if none; 0 with error set when the
 * table could not be read. */
gint64        mc_db_lookup_id         (McDb *self, const char *table, const char *column,
                                       const char *value, GError **error);

/* BEGIN IMMEDIATE: every write is a transaction that never has to upgrade a
 * read lock, so two processes cannot deadlock (SQLite: SQLITE_BUSY). Private: a
 * caller outside core that needs several writes to succeed or fail together
 * asks core for one function that does them in one transaction
 * (e.g. mc_report_cchc_set_entries). */
gboolean      mc_db_begin             (McDb *self, GError **error);
/* As mc_db_begin, but on PostgreSQL without the one-writer lock: for a
 * transaction whose read-then-write steps are single statements that lock
 * their own rows (the day's code number: INSERT … ON CONFLICT DO UPDATE …
 * RETURNING) and that otherwise only adds rows no one else can see before
 * it commits — a reception. Desks receiving at once then wait only for the
 * rows they really share, not for every other writer's whole transaction.
 * On SQLite it is mc_db_begin (one writer is the engine's rule). */
gboolean      mc_db_begin_concurrent  (McDb *self, GError **error);
gboolean      mc_db_commit            (McDb *self, GError **error);
void          mc_db_rollback          (McDb *self);

/* Rows written are noted by SQLite's update hook, which does not see
 * WITHOUT ROWID tables (setting, calendar_day, unit_report, unit_procedure,
 * cchc_entry): their writers
 * note the change here, after the statement succeeded (id 0: several). */
void          mc_db_note_change       (McDb *self, McChangeKind kind, gint64 id);

/* Bulk writes (an import, the demo) write one summary audit row instead of
 * one per row: TRUE switches the per-row audit triggers off. */
void          mc_db_set_audit_bulk    (McDb *self, gboolean bulk);
/* Statements this connection compiles from now on leave out the INSERTs of
 * the named triggers' bodies (a bulk import fills the search index itself
 * and writes one audit row); NULL puts them back, and the statements
 * compiled meanwhile compile again with them. The schema does not change:
 * other connections keep the triggers. */
void          mc_db_skip_trigger_bodies (McDb *self, const char *const *triggers);
gboolean      mc_db_get_audit_bulk    (McDb *self);
/* The audit chain's HMAC key (mc_audit_load_key) and whether the schema has
 * reached the keyed chain (new rows are then HMAC-SHA256, older SHA-256). */
GBytes       *mc_db_get_audit_key     (McDb *self);
gboolean      mc_db_get_audit_keyed   (McDb *self);

/* mc-audit.c: a row's hash, over its fields in order (the SQL function
 * mc_audit_hash of the triggers, and the check of the chain). */
char         *mc_audit_compute_hash   (GBytes *key, const char *prev, gint64 at, gint64 staff, gboolean has_staff,
                                       const char *action, const char *kind, gint64 object_id, gboolean has_object,
                                       const char *detail);

/* mc-lateness.c: the columns to select, on a dossier row aliased d, for
 * mc_deadlines_from_row. */
#define MC_DEADLINES_COLUMNS                                                                       \
  "d.received_at, d.finished_at, d.due_at, d.extended_due_at, "                                     \
  "(SELECT min (a.issued_at) FROM apology a WHERE a.dossier_id = d.id AND a.new_due_at IS NOT NULL), " \
  "d.paused_since, d.step_due_at"
#define MC_DEADLINES_N_COLUMNS 7

void          mc_deadlines_from_row   (McDeadlines *deadlines, McSqlStmt *stmt, int first);

G_END_DECLS
