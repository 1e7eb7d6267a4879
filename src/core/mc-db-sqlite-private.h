/* mc-db-sqlite-private.h — McDb's SQLite side, for core's storage files only
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only core header that includes sqlite3.h. The files that include it
 * are listed in src/core/meson.build (core_storage_sources) and HACKING.md
 * ("Storage"); every other core file is compiled with -DSQLITE3_H, so a
 * SQLite type or call there fails to compile: it runs SQL through mc-sql.h.
 */
#pragma once

#include <sqlite3.h>

#include "mc-db-private.h"

G_BEGIN_DECLS

/* A statement of mc-sql.h: SQLite's prepared statement, or PostgreSQL's
 * (mc-sql-pg-private.h), the McDb that prepared it (for its errors) and
 * whether the McDb's cache owns it. */
struct _McSqlStmt {
  sqlite3_stmt        *lite;
  struct _McSqlPgStmt *pg;
  McDb                *db;
  gboolean             cached;
};

McSqlStmt    *mc_sql_stmt_wrap_sqlite (McDb *db, sqlite3_stmt *lite, gboolean cached);

/* The one place where SQLite's result codes become what a person reads, in
 * Vietnamese: busy, disk full, I/O error, damaged, read-only … SQLite's own
 * English text never reaches a message (it goes to the debug log). `handle`
 * may be NULL; its errno tells a full disk that SQLite reported as an I/O
 * error (a write refused with ENOSPC, EDQUOT or EFBIG). Every caller that
 * turns an SQLite failure into a GError goes through it. */
McDbError     mc_db_error_code        (int rc, int system_errno);
const char   *mc_db_error_describe    (int rc, int system_errno);
gboolean      mc_db_error_from_sqlite (sqlite3 *handle, int rc, GError **error);

/* NULL on PostgreSQL. */
sqlite3      *mc_db_get_handle        (McDb *self);
/* The PostgreSQL connection (mc-sql-pg-private.h), NULL on SQLite. */
struct _McSqlPgConn *mc_db_get_pg     (McDb *self);
/* Where mc_sql_set_deadline keeps the deadline its progress handler reads. */
gint64       *mc_db_deadline_slot     (McDb *self);

/* mc_db_step_row for a statement of a connection no McDb owns (a backup's,
 * the audit anchor's): its handle tells the error. */
McDbStep      mc_db_step_row_sqlite   (sqlite3_stmt *stmt, GError **error);

/* mc-audit.c: the SQL functions the triggers call: mc_actor(),
 * mc_audit_on(), mc_audit_hash(…). Registered by McDb on every connection. */
int           mc_audit_register_functions (sqlite3 *handle, McDb *db);

G_END_DECLS
