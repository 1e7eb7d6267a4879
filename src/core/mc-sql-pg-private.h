/* mc-sql-pg-private.h — mc-sql.h on PostgreSQL (libpq), for core's storage files only
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * McDb opens a PostgreSQL connection when its path is a libpq URI
 * (postgresql://, postgres://) or a conninfo string (host=… dbname=…,
 * service=…); mc-sql.c hands each call on a statement of such a connection
 * to the functions here. Statements are prepared once per connection
 * (PQprepare, named) for each SQL text and kinds of the values bound, and a
 * query's rows are read from its whole result.
 */
#pragma once

#include "mc-pq-private.h"

#include "mc-db-private.h"

G_BEGIN_DECLS

typedef struct _McSqlPgConn McSqlPgConn;
typedef struct _McSqlPgStmt McSqlPgStmt;

/* TRUE when `path` names a PostgreSQL server rather than a file. */
gboolean      mc_sql_pg_is_conninfo   (const char *path);

McSqlPgConn  *mc_sql_pg_connect       (const char *conninfo, GError **error);
void          mc_sql_pg_close         (McSqlPgConn *pg);
PGconn       *mc_sql_pg_get_conn      (McSqlPgConn *pg);
/* A script of statements without parameters. */
gboolean      mc_sql_pg_exec          (McSqlPgConn *pg, const char *sql, GError **error);
/* `?` and `?NNN` become $n, outside quotes and comments; g_free the result. */
char         *mc_sql_pg_translate     (const char *sql, int *n_params);
/* The error of a failed result (NULL: of the connection), in McDbError. */
gboolean      mc_sql_pg_set_error     (McSqlPgConn *pg, const PGresult *result, GError **error);

McSqlPgStmt  *mc_sql_pg_prepare       (McSqlPgConn *pg, const char *sql, GError **error);
void          mc_sql_pg_stmt_free     (McSqlPgStmt *stmt);
void          mc_sql_pg_bind          (McSqlPgStmt *stmt, int pos, McSqlType type, const char *value, int length);
int           mc_sql_pg_bind_parameter_count (McSqlPgStmt *stmt);
McDbStep      mc_sql_pg_step          (McSqlPgStmt *stmt, GError **error);
void          mc_sql_pg_reset         (McSqlPgStmt *stmt);
void          mc_sql_pg_clear_bindings (McSqlPgStmt *stmt);
int           mc_sql_pg_column_count  (McSqlPgStmt *stmt);
McSqlType     mc_sql_pg_column_type   (McSqlPgStmt *stmt, int col);
gint64        mc_sql_pg_column_int64  (McSqlPgStmt *stmt, int col);
double        mc_sql_pg_column_double (McSqlPgStmt *stmt, int col);
const char   *mc_sql_pg_column_text   (McSqlPgStmt *stmt, int col);
const void   *mc_sql_pg_column_blob   (McSqlPgStmt *stmt, int col, int *bytes);

/* COPY … FROM STDIN (text format) inside the connection's transaction:
 * begin, put rows as lines, end; end returns whether the server took them. */
gboolean      mc_sql_pg_copy_begin    (McSqlPgConn *pg, const char *sql, GError **error);
gboolean      mc_sql_pg_copy_put      (McSqlPgConn *pg, const char *data, gsize length, GError **error);
gboolean      mc_sql_pg_copy_end      (McSqlPgConn *pg, GError **error);

gint64        mc_sql_pg_changes       (McSqlPgConn *pg);
gint64        mc_sql_pg_last_insert_id (McSqlPgConn *pg);
gboolean      mc_sql_pg_autocommit    (McSqlPgConn *pg);

/* Live changes between clients (issue 17, item 3): each commit that wrote
 * something sends NOTIFY on this channel with McChanges' payload. */
#define MC_SQL_PG_CHANNEL "motcua_changes"
/* A statement wrote rows of `table` (NULL: a table not read from its text);
 * `autocommit`: it committed on its own. */
typedef void (*McSqlPgWriteFunc)  (const char *table, gboolean autocommit, gpointer data);
/* Another client's payload on MC_SQL_PG_CHANNEL (this connection's own are left out). */
typedef void (*McSqlPgNotifyFunc) (const char *payload, gpointer data);
/* A statement found the connection lost (CONNECTION_BAD). */
typedef void (*McSqlPgLostFunc)   (gpointer data);
void          mc_sql_pg_set_hooks     (McSqlPgConn *pg, McSqlPgWriteFunc write_func, McSqlPgNotifyFunc notify_func,
                                       McSqlPgLostFunc lost_func, gpointer data);
gboolean      mc_sql_pg_listen        (McSqlPgConn *pg, GError **error);
gboolean      mc_sql_pg_notify        (McSqlPgConn *pg, const char *payload, GError **error);
/* Reads what the server sent an idle connection (notifications, or its
 * closing); FALSE when the connection is lost. */
gboolean      mc_sql_pg_consume       (McSqlPgConn *pg);
gboolean      mc_sql_pg_is_connected  (McSqlPgConn *pg);
int           mc_sql_pg_socket        (McSqlPgConn *pg);
/* Connecting again without blocking: start, then poll when the socket is
 * ready as asked. */
typedef enum {
  MC_SQL_PG_POLL_FAILED,
  MC_SQL_PG_POLL_READING,
  MC_SQL_PG_POLL_WRITING,
  MC_SQL_PG_POLL_OK,
} McSqlPgPoll;
gboolean      mc_sql_pg_reset_start   (McSqlPgConn *pg);
McSqlPgPoll   mc_sql_pg_reset_poll    (McSqlPgConn *pg, GError **error);
void          mc_sql_pg_set_deadline  (McSqlPgConn *pg, gint64 deadline);

G_END_DECLS
