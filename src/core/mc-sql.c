/* mc-sql.c — the statement API of mc-sql.h: SQLite as a pass-through, PostgreSQL handed on
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A storage file (mc-db-sqlite-private.h). On SQLite each call is SQLite's own on the
 * wrapped statement; on PostgreSQL (stmt->pg) it is mc-sql-pg.c's. McSqlStmt
 * adds the McDb (for errors in Vietnamese) and whether the McDb's cache
 * owns it. The statement cache, transactions and errors are McDb's
 * (mc-db.c).
 */
#include "config.h"

#include <string.h>

#include "mc-db-sqlite-private.h"
#include "mc-sql-pg-private.h"

McSqlStmt *
mc_sql_stmt_wrap_sqlite (McDb *db, sqlite3_stmt *lite, gboolean cached)
{
  McSqlStmt *stmt = g_new0 (McSqlStmt, 1);

  stmt->lite = lite;
  stmt->db = db;
  stmt->cached = cached;
  return stmt;
}

McSqlStmt *
mc_sql_prepare (McDb *db, const char *sql, GError **error)
{
  return mc_db_prepare (db, sql, error);
}

McSqlStmt *
mc_sql_prepare_once (McDb *db, const char *sql, GError **error)
{
  sqlite3_stmt *lite = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if (mc_db_get_pg (db) != NULL)
    {
      McSqlStmt *stmt = mc_sql_stmt_wrap_sqlite (db, NULL, FALSE);

      stmt->pg = mc_sql_pg_prepare (mc_db_get_pg (db), sql, error);
      return stmt;
    }
  rc = sqlite3_prepare_v2 (mc_db_get_handle (db), sql, -1, &lite, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (lite);
      mc_db_set_error (db, rc, error);
      return NULL;
    }
  return mc_sql_stmt_wrap_sqlite (db, lite, FALSE);
}

/* Cached statements are the McDb's: finalized when it is. */
void
mc_sql_finalize (McSqlStmt *stmt)
{
  if (stmt == NULL || stmt->cached)
    return;
  sqlite3_finalize (stmt->lite);
  mc_sql_pg_stmt_free (stmt->pg);
  g_free (stmt);
}

McDb *
mc_sql_get_db (McSqlStmt *stmt)
{
  return stmt->db;
}

void
mc_sql_bind_int64 (McSqlStmt *stmt, int pos, gint64 value)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    {
      char text[24];
      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
      mc_sql_pg_bind (stmt->pg, pos, MC_SQL_INTEGER, text, -1);
      return;
    }
  sqlite3_bind_int64 (stmt->lite, pos, value);
}

void
mc_sql_bind_int (McSqlStmt *stmt, int pos, int value)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    {
      mc_sql_bind_int64 (stmt, pos, value);
      return;
    }
  sqlite3_bind_int (stmt->lite, pos, value);
}

void
mc_sql_bind_double (McSqlStmt *stmt, int pos, double value)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];
      mc_sql_pg_bind (stmt->pg, pos, MC_SQL_FLOAT, g_ascii_dtostr (text, sizeof text, value), -1);
      return;
    }
  sqlite3_bind_double (stmt->lite, pos, value);
}

/* MC_SQL_STATIC and MC_SQL_TRANSIENT are SQLite's two special destructors. */
G_STATIC_ASSERT (MC_SQL_STATIC == SQLITE_STATIC);

void
mc_sql_bind_text (McSqlStmt *stmt, int pos, const char *text, int length, McSqlDestroy destroy)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    {
      mc_sql_pg_bind (stmt->pg, pos, MC_SQL_TEXT, text, length);
      if (text != NULL && destroy != MC_SQL_STATIC && destroy != MC_SQL_TRANSIENT)
        destroy ((void *) text);
      return;
    }
  sqlite3_bind_text (stmt->lite, pos, text, length,
                     destroy == MC_SQL_TRANSIENT ? SQLITE_TRANSIENT : (sqlite3_destructor_type) destroy);
}

void
mc_sql_bind_blob (McSqlStmt *stmt, int pos, const void *data, int length, McSqlDestroy destroy)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    {
      mc_sql_pg_bind (stmt->pg, pos, MC_SQL_BLOB, data, length);
      if (data != NULL && destroy != MC_SQL_STATIC && destroy != MC_SQL_TRANSIENT)
        destroy ((void *) data);
      return;
    }
  sqlite3_bind_blob (stmt->lite, pos, data, length,
                     destroy == MC_SQL_TRANSIENT ? SQLITE_TRANSIENT : (sqlite3_destructor_type) destroy);
}

void
mc_sql_bind_null (McSqlStmt *stmt, int pos)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    {
      mc_sql_pg_bind (stmt->pg, pos, MC_SQL_NULL, NULL, 0);
      return;
    }
  sqlite3_bind_null (stmt->lite, pos);
}

int
mc_sql_bind_parameter_count (McSqlStmt *stmt)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_bind_parameter_count (stmt->pg);
  return sqlite3_bind_parameter_count (stmt->lite);
}

McDbStep
mc_sql_step (McSqlStmt *stmt, GError **error)
{
  return mc_db_step_row (stmt->db, stmt, error);
}

int
mc_sql_column_count (McSqlStmt *stmt)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_column_count (stmt->pg);
  return sqlite3_column_count (stmt->lite);
}

/* The type numbers are SQLite's. */
G_STATIC_ASSERT (MC_SQL_INTEGER == SQLITE_INTEGER && MC_SQL_FLOAT == SQLITE_FLOAT && MC_SQL_TEXT == SQLITE_TEXT &&
                 MC_SQL_BLOB == SQLITE_BLOB && MC_SQL_NULL == SQLITE_NULL);
G_STATIC_ASSERT (MC_SQL_OK == SQLITE_OK && MC_SQL_DONE == SQLITE_DONE && SQLITE_ROW - MC_SQL_ROW == 0);

McSqlType
mc_sql_column_type (McSqlStmt *stmt, int col)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_column_type (stmt->pg, col);
  return sqlite3_column_type (stmt->lite, col);
}

gint64
mc_sql_column_int64 (McSqlStmt *stmt, int col)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_column_int64 (stmt->pg, col);
  return sqlite3_column_int64 (stmt->lite, col);
}

int
mc_sql_column_int (McSqlStmt *stmt, int col)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    return (int) mc_sql_pg_column_int64 (stmt->pg, col);
  return sqlite3_column_int (stmt->lite, col);
}

double
mc_sql_column_double (McSqlStmt *stmt, int col)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_column_double (stmt->pg, col);
  return sqlite3_column_double (stmt->lite, col);
}

const char *
mc_sql_column_text (McSqlStmt *stmt, int col)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_column_text (stmt->pg, col);
  return (const char *) sqlite3_column_text (stmt->lite, col);
}

const void *
mc_sql_column_blob (McSqlStmt *stmt, int col)
{
  int bytes;

  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_column_blob (stmt->pg, col, &bytes);
  return sqlite3_column_blob (stmt->lite, col);
}

int
mc_sql_column_bytes (McSqlStmt *stmt, int col)
{
  int bytes;

  if (G_UNLIKELY (stmt->pg != NULL))
    return mc_sql_pg_column_blob (stmt->pg, col, &bytes), bytes;
  return sqlite3_column_bytes (stmt->lite, col);
}

void
mc_sql_reset (McSqlStmt *stmt)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    mc_sql_pg_reset (stmt->pg);
  else
    sqlite3_reset (stmt->lite);
}

void
mc_sql_clear_bindings (McSqlStmt *stmt)
{
  if (G_UNLIKELY (stmt->pg != NULL))
    mc_sql_pg_clear_bindings (stmt->pg);
  else
    sqlite3_clear_bindings (stmt->lite);
}

/* A copy of a column's value: its type and its integer, real or text. */
struct _McSqlValue {
  McSqlType type;
  gint64    i;
  double    d;
  char     *text;
  int       bytes;
};

McSqlValue *
mc_sql_column_value_dup (McSqlStmt *stmt, int col)
{
  McSqlValue *value = g_new0 (McSqlValue, 1);

  value->type = mc_sql_column_type (stmt, col);
  switch (value->type)
    {
    case MC_SQL_INTEGER:
      value->i = mc_sql_column_int64 (stmt, col);
      break;
    case MC_SQL_FLOAT:
      value->d = mc_sql_column_double (stmt, col);
      break;
    case MC_SQL_TEXT:
    case MC_SQL_BLOB:
      {
        const void *data = value->type == MC_SQL_TEXT ? (const void *) mc_sql_column_text (stmt, col)
                                                      : mc_sql_column_blob (stmt, col);
        value->bytes = mc_sql_column_bytes (stmt, col);
        value->text = g_malloc (value->bytes + 1);
        if (value->bytes > 0)
          memcpy (value->text, data, value->bytes);
        value->text[value->bytes] = '\0';
        break;
      }
    case MC_SQL_NULL:
    default:
      break;
    }
  return value;
}

void
mc_sql_bind_value (McSqlStmt *stmt, int pos, const McSqlValue *value)
{
  switch (value->type)
    {
    case MC_SQL_INTEGER:
      mc_sql_bind_int64 (stmt, pos, value->i);
      break;
    case MC_SQL_FLOAT:
      mc_sql_bind_double (stmt, pos, value->d);
      break;
    case MC_SQL_TEXT:
      mc_sql_bind_text (stmt, pos, value->text, value->bytes, MC_SQL_TRANSIENT);
      break;
    case MC_SQL_BLOB:
      mc_sql_bind_blob (stmt, pos, value->text, value->bytes, MC_SQL_TRANSIENT);
      break;
    case MC_SQL_NULL:
    default:
      mc_sql_bind_null (stmt, pos);
      break;
    }
}

void
mc_sql_value_free (McSqlValue *value)
{
  if (value == NULL)
    return;
  g_free (value->text);
  g_free (value);
}

gboolean
mc_sql_exec (McDb *db, const char *sql, GError **error)
{
  return mc_db_exec (db, sql, error);
}

gint64
mc_sql_last_insert_id (McDb *db)
{
  if (mc_db_get_pg (db) != NULL)
    return mc_sql_pg_last_insert_id (mc_db_get_pg (db));
  return sqlite3_last_insert_rowid (mc_db_get_handle (db));
}

gboolean
mc_sql_on_server (McDb *db)
{
  return mc_db_get_pg (db) != NULL;
}

gint64
mc_sql_changes (McDb *db)
{
  if (mc_db_get_pg (db) != NULL)
    return mc_sql_pg_changes (mc_db_get_pg (db));
  return sqlite3_changes64 (mc_db_get_handle (db));
}

gboolean
mc_sql_autocommit (McDb *db)
{
  if (mc_db_get_pg (db) != NULL)
    return mc_sql_pg_autocommit (mc_db_get_pg (db));
  return sqlite3_get_autocommit (mc_db_get_handle (db));
}

static int
deadline_cb (void *data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* The progress handler is asked every 200 virtual machine steps whether to
 * stop; it reads the deadline kept on the McDb. */
void
mc_sql_set_deadline (McDb *db, gint64 deadline)
{
  gint64 *kept = mc_db_deadline_slot (db);

  if (mc_db_get_pg (db) != NULL)
    {
      mc_sql_pg_set_deadline (mc_db_get_pg (db), deadline);
      return;
    }
  *kept = deadline;
  if (deadline != 0)
    sqlite3_progress_handler (mc_db_get_handle (db), 200, deadline_cb, kept);
  else
    sqlite3_progress_handler (mc_db_get_handle (db), 0, NULL, NULL);
}

gboolean
mc_sql_copy_begin (McDb *db, const char *sql, GError **error)
{
  g_return_val_if_fail (mc_db_get_pg (db) != NULL, FALSE);

  return mc_sql_pg_copy_begin (mc_db_get_pg (db), sql, error);
}

gboolean
mc_sql_copy_put (McDb *db, const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (mc_db_get_pg (db) != NULL, FALSE);

  return mc_sql_pg_copy_put (mc_db_get_pg (db), data, length, error);
}

gboolean
mc_sql_copy_end (McDb *db, GError **error)
{
  g_return_val_if_fail (mc_db_get_pg (db) != NULL, FALSE);

  return mc_sql_pg_copy_end (mc_db_get_pg (db), error);
}

gboolean
mc_sql_error_damaged (GError **error)
{
  return mc_db_error_from_sqlite (NULL, SQLITE_CORRUPT, error);
}
