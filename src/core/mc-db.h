/* mc-db.h — the database, opaque: open it, its errors, who acts, its settings and changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-changes.h"

/* This header names no storage engine: ui, export, board and cli see McDb
 * only as an opaque handle to pass to core's repository objects. Running SQL
 * (prepare, step, begin/commit, the SQLite handle) is in mc-db-private.h,
 * which only core's storage files include (HACKING.md, "Storage"). */

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
  MC_DB_ERROR_CONNECTION, /* the connection to a database server was lost */
  MC_DB_ERROR_SIGN_IN,  /* a server refused the login or its password, or wants one */
} McDbError;

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

/* path: a file, or ":memory:", or a PostgreSQL server: a libpq URI
 * (postgresql://user@host/db) or conninfo string (host=… dbname=…,
 * service=…; PG* variables fill what it leaves out). The database is
 * created and migrated. */
McDb         *mc_db_new               (const char *path, GCancellable *cancellable, GError **error);
/* The connection of a one-shot command (`motcua COMMAND`): the only one it
 * opens. Before anything reads the file it is checked on this connection
 * (mc_backup_check_command_db: header, schema, commit mark; every page only
 * after a backup or a command left the DAMAGED mark), so the schema is read
 * once; the page cache is SQLite's default 2 MB, not the application's 32 MB. */
McDb         *mc_db_new_for_command   (const char *path, GError **error);
const char   *mc_db_get_path          (McDb *self);
char         *mc_db_default_path      (void);

int           mc_db_get_version       (McDb *self);
int           mc_db_get_latest_version(void);
/* SHA-256 of the migrations compiled into this program, names and text:
 * what the schema it creates depends on (mc-audit-anchor.c keys a cache by it). */
char         *mc_db_dup_migrations_digest (void);

/* The value of `key`, or a copy of `fallback` when the key is not set.
 * NULL with `error` set (MC_DB_ERROR_BUSY, _IO, _DAMAGED …, in Vietnamese)
 * when it could not be read: never the default in place of a value that
 * could not be read. With a NULL fallback, NULL is also "not set": such a
 * caller passes its own GError and tests it. */
char         *mc_db_get_setting       (McDb *self, const char *key, const char *fallback, GError **error);
gboolean      mc_db_set_setting       (McDb *self, const char *key, const char *value, GError **error);
/* The notifier of this connection's commits (and, with an McDbWatch, of
 * other processes'): listen to its "changed" signal instead of polling. */
McChanges    *mc_db_get_changes       (McDb *self);
/* A number that changes when another connection commits (SQLite: PRAGMA
 * data_version); the liveboard compares it before re-reading. -1 on a
 * server, where the notification of another client's commit is the news. */
gint64        mc_db_data_version      (McDb *self);
/* Whether this connection may read the citizens' ID numbers and phones:
 * always on a file (the client decides), on a server its login's column
 * privileges; and `sql` with d.applicant_id_number and d.applicant_phone
 * read as NULL when it may not (a statement naming them would be refused). */
gboolean      mc_db_may_read_personal_data (McDb *self);
char         *mc_db_personal_sql      (McDb *self, const char *sql);

/* Whether `path` names a PostgreSQL server (a libpq URI or conninfo) rather than a file. */
gboolean      mc_db_path_is_server    (const char *path);
/* TRUE for a PostgreSQL server, FALSE for a file. */
gboolean      mc_db_is_server         (McDb *self);

/* A desk signing in to a PostgreSQL server as its own login (issue 17): the
 * user and password every connection this process opens to a server takes
 * from now on, over what the path names — the main window's, the board's, a
 * reconnection's. NULL, NULL: libpq's own again (the path, PGUSER,
 * PGPASSWORD, ~/.pgpass). The password is kept in this process only. */
void          mc_db_set_server_login  (const char *user, const char *password);
/* The user set by mc_db_set_server_login (NULL: none). */
const char   *mc_db_get_server_login  (void);
/* Asked for the password when a server wants one that libpq has not got
 * (the command line's prompt; the window asks in its sign-in form). */
typedef char *(*McDbPasswordFunc) (const char *user);
void          mc_db_set_server_password_func (McDbPasswordFunc func);
/* Whether `password` is `user`'s on the server of `self`: a connection of
 * its own, closed at once (SCRAM; the password is not sent). FALSE with
 * MC_DB_ERROR_SIGN_IN when refused. */
gboolean      mc_db_check_server_password (McDb *self, const char *user, const char *password, GError **error);
/* Property "connected": FALSE while the connection to a server is lost
 * (McDbWatch connects again and tells MC_CHANGE_ALL once back); always TRUE
 * for a file. Meanwhile every write is refused with MC_DB_ERROR_CONNECTION. */
gboolean      mc_db_get_connected     (McDb *self);

/* The staff member acting through this connection (0: nobody signed in),
 * recorded by the audit triggers. */
void          mc_db_set_actor         (McDb *self, gint64 staff_id);
gint64        mc_db_get_actor         (McDb *self);
/* The unattended kiosk (`motcua kiosk`, issue 18): nobody signs in on this
 * connection and core refuses it everything that needs a person
 * (mc_accounts_check, mc_accounts_sign_in), even on a database without
 * accounts yet; what needs nobody — taking a ticket, the masked dossier
 * look-up (mc-kiosk.h) — still works. On PostgreSQL the kiosk also signs
 * in to the server as motcua_board, whose rights say the same. */
void          mc_db_set_kiosk         (McDb *self);
gboolean      mc_db_is_kiosk          (McDb *self);

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

G_END_DECLS
