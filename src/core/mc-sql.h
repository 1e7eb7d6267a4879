/* mc-sql.h — running SQL in core, whatever the engine: prepare, bind, step, read
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/core (through mc-db-private.h). Shaped after what core
 * used of SQLite's API, so that moving a module onto it was a rename
 * (tools/mc-sql-rename.sed): positions are 1-based for parameters and
 * 0-based for columns, parameters are `?` or `?NNN` in the SQL text, text
 * bound with MC_SQL_STATIC stays the caller's until the statement is reset
 * (MC_SQL_TRANSIENT copies it). This header names no engine: a module that
 * includes it and not mc-db-sqlite-private.h runs on every engine McDb opens.
 */
#pragma once

#include <glib.h>

#include "mc-db.h"

G_BEGIN_DECLS

typedef struct _McSqlStmt McSqlStmt;

/* A column's type as stored (the same numbers as SQLite's, which the
 * SQLite backend passes through unchanged). */
typedef enum {
  MC_SQL_INTEGER = 1,
  MC_SQL_FLOAT   = 2,
  MC_SQL_TEXT    = 3,
  MC_SQL_BLOB    = 4,
  MC_SQL_NULL    = 5,
} McSqlType;

/* Result codes, for the few callers that name one (mc_db_set_error's
 * "a row was expected and none came" is MC_SQL_DONE). */
#define MC_SQL_OK   0
#define MC_SQL_ROW  100
#define MC_SQL_DONE 101

typedef void (*McSqlDestroy) (void *data);
#define MC_SQL_STATIC    ((McSqlDestroy) 0)
#define MC_SQL_TRANSIENT ((McSqlDestroy) -1)

/* A statement cached by the McDb (keyed by its text), reset and its
 * bindings cleared: the caller never frees it (mc_sql_finalize ignores
 * it). Use it for SQL whose text is a constant or one of a few shapes. */
McSqlStmt    *mc_sql_prepare          (McDb *db, const char *sql, GError **error);
/* A statement the caller owns (SQL built once, e.g. with values from a
 * file's header): free it with mc_sql_finalize or g_autoptr (McSqlStmt). */
McSqlStmt    *mc_sql_prepare_once     (McDb *db, const char *sql, GError **error);
void          mc_sql_finalize         (McSqlStmt *stmt);
McDb         *mc_sql_get_db           (McSqlStmt *stmt);

void          mc_sql_bind_int64       (McSqlStmt *stmt, int pos, gint64 value);
void          mc_sql_bind_int         (McSqlStmt *stmt, int pos, int value);
void          mc_sql_bind_double      (McSqlStmt *stmt, int pos, double value);
/* length -1: up to the NUL. */
void          mc_sql_bind_text        (McSqlStmt *stmt, int pos, const char *text, int length, McSqlDestroy destroy);
void          mc_sql_bind_blob        (McSqlStmt *stmt, int pos, const void *data, int length, McSqlDestroy destroy);
void          mc_sql_bind_null        (McSqlStmt *stmt, int pos);
int           mc_sql_bind_parameter_count (McSqlStmt *stmt);

/* One step: a row, no (more) rows, or an error in Vietnamese (McDbError:
 * BUSY, IO, DAMAGED, CONSTRAINT …) with the statement reset. The same as
 * mc_db_step_row (mc_sql_get_db (stmt), stmt, error). */
McDbStep      mc_sql_step             (McSqlStmt *stmt, GError **error);

int           mc_sql_column_count     (McSqlStmt *stmt);
McSqlType     mc_sql_column_type      (McSqlStmt *stmt, int col);
gint64        mc_sql_column_int64     (McSqlStmt *stmt, int col);
int           mc_sql_column_int       (McSqlStmt *stmt, int col);
double        mc_sql_column_double    (McSqlStmt *stmt, int col);
/* Valid until the next step, reset or a read of the same column as another
 * type; NULL for SQL NULL. */
const char   *mc_sql_column_text      (McSqlStmt *stmt, int col);
const void   *mc_sql_column_blob      (McSqlStmt *stmt, int col);
int           mc_sql_column_bytes     (McSqlStmt *stmt, int col);

/* Ends a query before its last row (a statement is also reset by
 * mc_sql_prepare when it is taken from the cache again). */
void          mc_sql_reset            (McSqlStmt *stmt);
void          mc_sql_clear_bindings   (McSqlStmt *stmt);

/* One value of a column kept after its row is gone, to bind later (a list's
 * keyset anchor). */
typedef struct _McSqlValue McSqlValue;
McSqlValue   *mc_sql_column_value_dup (McSqlStmt *stmt, int col);
void          mc_sql_bind_value       (McSqlStmt *stmt, int pos, const McSqlValue *value);
void          mc_sql_value_free       (McSqlValue *value);

/* A script (several statements, no parameters, no rows). */
gboolean      mc_sql_exec             (McDb *db, const char *sql, GError **error);
/* The id the last INSERT on this connection gave a row (new code writes
 * INSERT … RETURNING id and reads it instead). */
gint64        mc_sql_last_insert_id   (McDb *db);
/* Rows the last INSERT, UPDATE or DELETE changed. */
gint64        mc_sql_changes          (McDb *db);
/* TRUE when `db` is a PostgreSQL server, FALSE for a SQLite file: for the
 * few statements that must differ (search: FTS5 against pg_trgm). */
gboolean      mc_sql_on_server        (McDb *db);
/* TRUE when no transaction is open on the connection. */
gboolean      mc_sql_autocommit       (McDb *db);
/* Until mc_sql_set_deadline (db, 0): a statement running past `deadline`
 * (g_get_monotonic_time) stops with an error (a count given up). */
void          mc_sql_set_deadline     (McDb *db, gint64 deadline);
/* PostgreSQL only (mc_sql_on_server): `sql` is a COPY … FROM STDIN in text
 * format, run inside the connection's transaction; the rows are put as
 * lines of tab-separated text (\N for NULL), and end returns whether the
 * server took every one (a broken constraint: MC_DB_ERROR_CONSTRAINT, the
 * rows undone with the transaction or the savepoint around them). */
gboolean      mc_sql_copy_begin       (McDb *db, const char *sql, GError **error);
gboolean      mc_sql_copy_put         (McDb *db, const char *data, gsize length, GError **error);
gboolean      mc_sql_copy_end         (McDb *db, GError **error);
/* The "file is damaged" error (MC_DB_ERROR_DAMAGED): rows that should be
 * there are not. Returns FALSE. */
gboolean      mc_sql_error_damaged    (GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McSqlStmt, mc_sql_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McSqlValue, mc_sql_value_free)

G_END_DECLS
