/* mc-db-copy.c — moving a one-PC center's SQLite file onto its PostgreSQL server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction on the server, as the installer acting as motcua_owner:
 *   - the tables' user triggers are disabled (ALTER TABLE … DISABLE TRIGGER
 *     USER, which only a table's owner may do, and which the transaction
 *     undoes if it fails): the audit triggers would otherwise write a row of
 *     their own for each row copied and chain it after the copied rows, and
 *     the counters (dossier_state_count, daily_stat) would count every
 *     dossier twice, once by trigger and once as the copied table. The
 *     foreign keys are the server's own triggers and stay on;
 *   - what `server init` wrote (its administrator, its trail) is emptied by
 *     TRUNCATE, which fires no row trigger (the trail is append-only for
 *     UPDATE and DELETE);
 *   - each table goes through COPY … FROM STDIN (PQputCopyData), rows as
 *     text, parents before children (the server's foreign keys, sorted);
 *   - the identity sequences start after the highest id copied, the file's
 *     audit key replaces the server's (the keyed rows were hashed with it);
 *   - the counts are compared table by table and the chain walked on the
 *     server; COMMIT only then.
 * The file is opened read-only and read in one read transaction, so the
 * copy is of one moment of it even if a desk still writes.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <sodium.h>
#include <sqlite3.h>

#include "mc-audit.h"
#include "mc-db-copy.h"
#include "mc-db-private.h"
#include "mc-format.h"
#include "mc-pg-schema-private.h"
#include "mc-db-sqlite-private.h"
#include "mc-sql-pg-private.h"

G_DEFINE_QUARK (mc-db-copy-error-quark, mc_db_copy_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Sent to the server in pieces of about this size. */
#define COPY_BUFFER_BYTES (256 * 1024)

typedef struct {
  sqlite3        *lite;
  PGconn         *conn;
  gboolean        borrowed;  /* conn is an McDb's (mc_db_copy_into): not ours to close */
  GBytes         *key;       /* the file's audit key given, instead of a key file */
  gboolean        catalog;   /* a catalog on the server may be replaced (the demo's) */
  McDbCopyResult *result;
} Copy;

void
mc_db_copy_result_free (McDbCopyResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->tables);
  g_strfreev (result->without_login);
  g_free (result);
}

static void
table_free (McDbCopyTable *table)
{
  g_free (table->table);
  g_free (table);
}

/* The server's reason, without libpq's "ERROR:  " and trailing newline. */
static gboolean
server_error (Copy *copy, PGresult *res, const char *what, GError **error)
{
  const char *primary = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *context = res ? PQresultErrorField (res, PG_DIAG_CONTEXT) : NULL;
  g_autofree char *reason = g_strstrip (g_strdup (primary ? primary : PQerrorMessage (copy->conn)));

  if (context != NULL)
    g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_FAILED, _("%s: the server refused: %s (%s)"), what,
                 reason, context);
  else
    g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_FAILED, _("%s: the server refused: %s"), what, reason);
  return FALSE;
}

static gboolean
exec (Copy *copy, const char *sql, GError **error)
{
  g_autoptr(PGresult) res = PQexec (copy->conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    return server_error (copy, res, sql, error);
  return TRUE;
}

/* The rows of a query with text parameters; NULL with `error` set. */
static PGresult *
query (Copy *copy, const char *sql, int n_params, const char *const *params, GError **error)
{
  PGresult *res = PQexecParams (copy->conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      server_error (copy, res, sql, error);
      PQclear (res);
      return NULL;
    }
  return res;
}

static gint64
query_int64 (Copy *copy, const char *sql, int n_params, const char *const *params, GError **error)
{
  g_autoptr(PGresult) res = query (copy, sql, n_params, params, error);

  if (res == NULL)
    return -1;
  if (PQntuples (res) < 1 || PQgetisnull (res, 0, 0))
    return 0;
  return g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
}

static gboolean
lite_error (Copy *copy, const char *what, GError **error)
{
  g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_SOURCE, _("The file could not be read (%s): %s"), what,
               sqlite3_errmsg (copy->lite));
  return FALSE;
}

/* One step of a statement on the file: a row, the end, or an error (busy,
 * unreadable) set in `error`, never taken for the end. */
static McDbStep
lite_step (Copy *copy, sqlite3_stmt *stmt, GError **error)
{
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      return MC_DB_STEP_ROW;
    case SQLITE_DONE:
      return MC_DB_STEP_DONE;
    default:
      lite_error (copy, sqlite3_sql (stmt), error);
      return MC_DB_STEP_ERROR;
    }
}

static gint64
lite_int64 (Copy *copy, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (copy->lite, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      lite_error (copy, sql, error);
      return -1;
    }
  if (lite_step (copy, stmt, error) == MC_DB_STEP_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (error == NULL || *error == NULL)
    lite_error (copy, sql, error);
  sqlite3_finalize (stmt);
  return value;
}

/* Opening both sides */

static gboolean
open_source (Copy *copy, const char *path, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_SOURCE, _("There is no database file “%s”"), path);
      return FALSE;
    }
  if (sqlite3_open_v2 (path, &copy->lite, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_SOURCE, _("The file “%s” could not be opened: %s"), path,
                   copy->lite ? sqlite3_errmsg (copy->lite) : "");
      return FALSE;
    }
  sqlite3_busy_timeout (copy->lite, 10000);
  /* One moment of the file for every table, however long the copy takes. */
  if (sqlite3_exec (copy->lite, "BEGIN; SELECT count (*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
    return lite_error (copy, "BEGIN", error);
  return TRUE;
}

static gboolean
open_server (Copy *copy, const char *conninfo, GError **error)
{
  copy->conn = PQconnectdb (conninfo ? conninfo : "");
  if (PQstatus (copy->conn) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (copy->conn)));

      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_CONNECT,
                   _("Could not connect to the PostgreSQL server: %s"), reason);
      return FALSE;
    }
  PQclear (PQexec (copy->conn, "SET client_min_messages = error"));
  return TRUE;
}

/* The installer (a member of motcua_owner: `server init` made it one) may
 * copy; a staff member's login may not, whatever their function. */
static gboolean
check_installer (Copy *copy, GError **error)
{
  gint64 yes = query_int64 (copy, "SELECT (to_regrole ('motcua_owner') IS NOT NULL AND "
                                  "pg_has_role (current_user, 'motcua_owner', 'MEMBER'))::int", 0, NULL, error);

  if (yes < 0)
    return FALSE;
  if (yes == 0)
    {
      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_PRIVILEGE,
                   _("The PostgreSQL user “%s” did not set up this server: connect as the user who ran "
                     "motcua server init"), PQuser (copy->conn));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_versions (Copy *copy, GError **error)
{
  gint64 lite = lite_int64 (copy, "PRAGMA user_version", error);
  int server;

  if (lite < 0 || (server = mc_pg_schema_get_version (copy->conn, error)) < 0)
    return FALSE;
  if (server == 0)
    {
      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_VERSION,
                   _("The database “%s” holds no Motcua schema: prepare it first with motcua server init"),
                   PQdb (copy->conn));
      return FALSE;
    }
  if (lite != server || server != mc_pg_schema_get_latest_version ())
    {
      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_VERSION,
                   _("The file is at schema version %d and the server at %d; this program writes %d. Open the file "
                     "once with this version of Motcua (motcua --db FILE check) and update the server "
                     "(motcua server init on an empty database) before copying"),
                   (int) lite, server, mc_pg_schema_get_latest_version ());
      return FALSE;
    }
  return TRUE;
}

/* Empty: what `server init` leaves, its administrator and nothing else. */
static gboolean
check_empty (Copy *copy, GError **error)
{
  g_autoptr(PGresult) res = query (copy, "SELECT (SELECT count (*) FROM dossier), (SELECT count (*) FROM unit), "
                                         "(SELECT count (*) FROM procedure), (SELECT count (*) FROM staff)",
                                   0, NULL, error);

  if (res == NULL)
    return FALSE;
  if (atoll (PQgetvalue (res, 0, 0)) > 0 || atoll (PQgetvalue (res, 0, 3)) > 1 ||
      (!copy->catalog && (atoll (PQgetvalue (res, 0, 1)) > 0 || atoll (PQgetvalue (res, 0, 2)) > 0)))
    {
      g_autofree char *dossiers = mc_format_count (atoll (PQgetvalue (res, 0, 0)));
      g_autofree char *procedures = mc_format_count (atoll (PQgetvalue (res, 0, 2)));
      g_autofree char *staff = mc_format_count (atoll (PQgetvalue (res, 0, 3)));

      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_NOT_EMPTY,
                   _("The database “%s” already holds a center's data (%s dossiers, %s procedures, %s accounts): "
                     "a center is copied only into a database just prepared by motcua server init"),
                   PQdb (copy->conn), dossiers, procedures, staff);
      return FALSE;
    }
  return TRUE;
}

/* The tables, parents first */

/* The server's tables in an order where every table comes after those its
 * foreign keys name (a table naming itself, unit.parent_id, is one COPY:
 * the server checks a foreign key at the end of the statement). */
static GPtrArray *
tables_in_order (Copy *copy, GError **error)
{
  g_autoptr(PGresult) tables = query (copy, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') "
                                            "AND NOT c.relispartition ORDER BY c.relname", 0, NULL, error);
  g_autoptr(PGresult) edges = NULL;
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order;
  gboolean moved = TRUE;

  if (tables == NULL)
    return NULL;
  edges = query (copy, "SELECT cl.relname, pa.relname FROM pg_constraint k "
                       "JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid "
                       "JOIN pg_namespace n ON n.oid = cl.relnamespace "
                       "WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid",
                 0, NULL, error);
  if (edges == NULL)
    return NULL;
  order = g_ptr_array_new_with_free_func (g_free);
  while (moved)
    {
      moved = FALSE;
      for (int t = 0; t < PQntuples (tables); t++)
        {
          const char *name = PQgetvalue (tables, t, 0);
          gboolean ready = !g_hash_table_contains (placed, name);

          for (int e = 0; ready && e < PQntuples (edges); e++)
            if (g_str_equal (PQgetvalue (edges, e, 0), name) && !g_hash_table_contains (placed, PQgetvalue (edges, e, 1)))
              ready = FALSE;
          if (ready)
            {
              g_ptr_array_add (order, g_strdup (name));
              g_hash_table_add (placed, order->pdata[order->len - 1]);
              moved = TRUE;
            }
        }
    }
  if ((int) order->len != PQntuples (tables))
    {
      g_set_error_literal (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_FAILED,
                           _("The server's tables name each other in a circle: no order to copy them in"));
      g_ptr_array_unref (order);
      return NULL;
    }
  return order;
}

/* The server's own: its version row (the same number, checked above), its
 * audit key (replaced by the file's, not copied from a file that has none)
 * and the words of the dossiers for the search (dossier_word, kept by the
 * dossier's triggers, which are off during the copy: built afterwards by
 * mc_dossier_words_rebuild (), resources/sql/pg/0032-search-words.sql). */
static gboolean
copied (const char *table)
{
  return !g_str_equal (table, "schema_version") && !g_str_equal (table, "audit_key") &&
         !g_str_equal (table, "dossier_word");
}

/* A column copied as NULL: on the server a person signs in with their
 * login role's SCRAM password, and the desk's argon2 hashes are not carried
 * to a table every administrator's login reads. */
static gboolean
left_out (const char *table, const char *column)
{
  return g_str_equal (table, "staff") && g_str_equal (column, "password_hash");
}

/* 1 when the file has `table`, 0 when not, -1 with `error` set. */
static int
lite_has_table (Copy *copy, const char *table, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  McDbStep step;

  if (sqlite3_prepare_v2 (copy->lite, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      lite_error (copy, "sqlite_schema", error);
      return -1;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  step = lite_step (copy, stmt, error);
  sqlite3_finalize (stmt);
  return step == MC_DB_STEP_ERROR ? -1 : step == MC_DB_STEP_ROW;
}

/* The columns the file's table has, a set; NULL with `error` set. */
static GHashTable *
lite_columns (Copy *copy, const char *table, GError **error)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  McDbStep step = MC_DB_STEP_ERROR;

  if (sqlite3_prepare_v2 (copy->lite, "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while ((step = lite_step (copy, stmt, error)) == MC_DB_STEP_ROW)
        g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  else
    lite_error (copy, "pragma_table_info", error);
  sqlite3_finalize (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&set, g_hash_table_unref);
  return set;
}

/* The server's columns the copy writes: not generated (search_folded is the
 * server's to compute), present in the file; a file column the server has
 * not would be lost, and refuses the copy. */
static GPtrArray *
columns_to_copy (Copy *copy, const char *table, GError **error)
{
  const char *params[] = { table };
  g_autoptr(PGresult) res = query (copy, "SELECT attname, attgenerated <> '' FROM pg_attribute "
                                         "WHERE attrelid = ('public.' || quote_ident ($1))::regclass "
                                         "AND attnum > 0 AND NOT attisdropped ORDER BY attnum", 1, params, error);
  g_autoptr(GHashTable) lite = NULL;
  GPtrArray *columns;

  if (res == NULL)
    return NULL;
  lite = lite_columns (copy, table, error);
  if (lite == NULL)
    return NULL;
  columns = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *name = PQgetvalue (res, i, 0);

      if (g_hash_table_remove (lite, name) && !g_str_equal (PQgetvalue (res, i, 1), "t") && !left_out (table, name))
        g_ptr_array_add (columns, g_strdup (name));
    }
  if (g_hash_table_size (lite) > 0)
    {
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, lite);
      g_hash_table_iter_next (&iter, &name, NULL);
      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_VERSION,
                   _("The file's table %s has a column %s the server's has not: the two schemas differ"), table,
                   (char *) name);
      g_ptr_array_unref (columns);
      return NULL;
    }
  return columns;
}

/* COPY's text format: \N for NULL, a backslash before \, tab, newline and
 * carriage return; a blob as bytea's hex (\\x…). */
static void
append_text (GString *out, const char *text, int length)
{
  for (int i = 0; i < length; i++)
    switch (text[i])
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, text[i]);
      }
}

static void
append_value (GString *out, sqlite3_stmt *stmt, int col)
{
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_NULL:
      g_string_append (out, "\\N");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
      break;
    case SQLITE_FLOAT:
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (out, g_ascii_dtostr (number, sizeof number, sqlite3_column_double (stmt, col)));
      }
      break;
    case SQLITE_BLOB:
      {
        const unsigned char *data = sqlite3_column_blob (stmt, col);
        int n = sqlite3_column_bytes (stmt, col);

        g_string_append (out, "\\\\x");
        for (int i = 0; i < n; i++)
          g_string_append_printf (out, "%02x", data[i]);
      }
      break;
    default:
      append_text (out, (const char *) sqlite3_column_text (stmt, col), sqlite3_column_bytes (stmt, col));
    }
}

static gboolean
put (Copy *copy, GString *buffer, GError **error)
{
  if (buffer->len > 0 && PQputCopyData (copy->conn, buffer->str, (int) buffer->len) != 1)
    return server_error (copy, NULL, "COPY", error);
  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Ends COPY (with `failure`, the server drops what it had) and reads its
 * result: the rows the server took. */
static gint64
end_copy (Copy *copy, const char *failure, const char *table, GError **error)
{
  PGresult *res;
  gint64 rows = -1;

  if (PQputCopyEnd (copy->conn, failure) != 1)
    {
      server_error (copy, NULL, table, error);
      return -1;
    }
  while ((res = PQgetResult (copy->conn)) != NULL)
    {
      if (PQresultStatus (res) == PGRES_COMMAND_OK)
        rows = g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
      else if (failure == NULL && rows < 0 && (error == NULL || *error == NULL))
        server_error (copy, res, table, error);
      PQclear (res);
    }
  return rows;
}

/* One table, the file's rows streamed into COPY FROM STDIN. */
static gint64
copy_table (Copy *copy, const char *table, GError **error)
{
  g_autoptr(GPtrArray) columns = columns_to_copy (copy, table, error);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) buffer = NULL;
  g_autofree char *select = NULL;
  g_autofree char *statement = NULL;
  g_autoptr(PGresult) started = NULL;
  sqlite3_stmt *stmt = NULL;
  McDbStep step = MC_DB_STEP_ERROR;

  if (columns == NULL)
    return -1;
  if (columns->len == 0)
    return 0;
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (list, "%s\"%s\"", i ? ", " : "", (char *) columns->pdata[i]);
  select = g_strdup_printf ("SELECT %s FROM \"%s\"", list->str, table);
  if (sqlite3_prepare_v2 (copy->lite, select, -1, &stmt, NULL) != SQLITE_OK)
    {
      lite_error (copy, select, error);
      return -1;
    }
  statement = g_strdup_printf ("COPY public.\"%s\" (%s) FROM STDIN", table, list->str);
  started = PQexec (copy->conn, statement);
  if (PQresultStatus (started) != PGRES_COPY_IN)
    {
      sqlite3_finalize (stmt);
      server_error (copy, started, statement, error);
      return -1;
    }
  buffer = g_string_sized_new (COPY_BUFFER_BYTES + 4096);
  while ((step = lite_step (copy, stmt, error)) == MC_DB_STEP_ROW)
    {
      for (guint i = 0; i < columns->len; i++)
        {
          if (i)
            g_string_append_c (buffer, '\t');
          append_value (buffer, stmt, (int) i);
        }
      g_string_append_c (buffer, '\n');
      if (buffer->len >= COPY_BUFFER_BYTES && !put (copy, buffer, error))
        break;
    }
  sqlite3_finalize (stmt);
  if (step != MC_DB_STEP_DONE)
    {
      end_copy (copy, "the file could not be read", table, NULL);
      return -1;
    }
  if (!put (copy, buffer, error))
    {
      end_copy (copy, "sending failed", table, NULL);
      return -1;
    }
  return end_copy (copy, NULL, table, error);
}

/* After the copy */

/* Every identity column's sequence continues after the highest id, so the
 * next dossier received on the server is not refused as a duplicate. */
static gboolean
set_sequences (Copy *copy, GError **error)
{
  g_autoptr(PGresult) res = query (copy, "SELECT c.relname, a.attname FROM pg_attribute a "
                                         "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                                         "WHERE n.nspname = 'public' AND a.attidentity <> '' AND NOT a.attisdropped",
                                   0, NULL, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('public.\"%s\"', '%s'), "
                                              "coalesce ((SELECT max (\"%s\") FROM public.\"%s\"), 0) + 1, false)",
                                              PQgetvalue (res, i, 0), PQgetvalue (res, i, 1), PQgetvalue (res, i, 1),
                                              PQgetvalue (res, i, 0));

      if (!exec (copy, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* The keyed rows were hashed with the desk's key file: the server's chain
 * continues with it (the table only motcua_owner reads). */
static gboolean
set_audit_key (Copy *copy, const char *key_path, GError **error)
{
  g_autofree char *path = key_path ? g_strdup (key_path) : mc_audit_key_path ();
  g_autofree char *text = NULL;
  unsigned char key[32];
  char hex[sizeof key * 2 + 1];
  size_t n = 0;
  gsize length = 0;
  const char *params[1];
  g_autoptr(PGresult) res = NULL;

  if (copy->key != NULL && g_bytes_get_size (copy->key) == sizeof key)
    {
      memcpy (key, g_bytes_get_data (copy->key, NULL), sizeof key);
      n = sizeof key;
    }
  else if (!g_file_get_contents (path, &text, &length, NULL) ||
           sodium_hex2bin (key, sizeof key, text, length, " \r\n", &n, NULL) != 0 || n != sizeof key)
    {
      g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_KEY,
                   _("The audit key “%s” of this center cannot be read (64 hexadecimal digits): give it with "
                     "--audit-key FILE"), path);
      return FALSE;
    }
  sodium_bin2hex (hex, sizeof hex, key, sizeof key);
  params[0] = hex;
  res = PQexecParams (copy->conn, "UPDATE audit_key SET key = decode ($1, 'hex')", 1, NULL, params, NULL, NULL, 0);
  sodium_memzero (key, sizeof key);
  sodium_memzero (hex, sizeof hex);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    return server_error (copy, res, "audit_key", error);
  return TRUE;
}

/* The counts, table by table, read again on both sides. */
static gboolean
compare_counts (Copy *copy, GError **error)
{
  for (guint i = 0; i < copy->result->tables->len; i++)
    {
      McDbCopyTable *table = copy->result->tables->pdata[i];
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM \"%s\"", table->table);
      g_autofree char *server_sql = g_strdup_printf ("SELECT count (*) FROM public.\"%s\"", table->table);
      int has = lite_has_table (copy, table->table, error);
      gint64 lite = has > 0 ? lite_int64 (copy, sql, error) : has;
      gint64 server;

      if (lite < 0 || (server = query_int64 (copy, server_sql, 0, NULL, error)) < 0)
        return FALSE;
      if (lite != server || lite != table->rows)
        {
          g_autofree char *a = mc_format_count (lite);
          g_autofree char *b = mc_format_count (server);

          g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_MISMATCH,
                       _("Table %s: %s rows in the file, %s on the server after the copy"), table->table, a, b);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
verify_chain (Copy *copy, GError **error)
{
  g_autoptr(PGresult) res = query (copy, "SELECT n_rows, bad_id FROM mc_audit_verify ()", 0, NULL, error);
  gint64 bad;

  if (res == NULL)
    return FALSE;
  copy->result->audit_rows = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  bad = g_ascii_strtoll (PQgetvalue (res, 0, 1), NULL, 10);
  if (bad != 0)
    {
      if (bad < 0)
        g_set_error_literal (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_MISMATCH,
                             _("The audit trail copied has lost its keyed chain: nothing was copied"));
      else
        {
          g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, bad);

          g_set_error (error, MC_DB_COPY_ERROR, MC_DB_COPY_ERROR_MISMATCH,
                       _("The audit trail does not verify on the server from row %s (is --audit-key this center's "
                         "key? motcua audit verify on the file tells): nothing was copied"), row);
        }
      return FALSE;
    }
  return TRUE;
}

static GStrv
staff_without_login (Copy *copy, GError **error)
{
  g_autoptr(PGresult) res = query (copy, "SELECT username FROM staff s WHERE active = 1 AND NOT EXISTS "
                                         "(SELECT 1 FROM pg_roles r WHERE r.rolname = s.username) ORDER BY username",
                                   0, NULL, error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (res == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (res); i++)
    g_strv_builder_add (names, PQgetvalue (res, i, 0));
  return g_strv_builder_end (names);
}

/* `ALTER TABLE … DISABLE|ENABLE TRIGGER USER` on every table copied. */
static gboolean
set_triggers (Copy *copy, GPtrArray *order, gboolean enable, GError **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE public.\"%s\" %s TRIGGER USER", (char *) order->pdata[i],
                                              enable ? "ENABLE" : "DISABLE");

      if (copied (order->pdata[i]) && !exec (copy, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
empty_tables (Copy *copy, GPtrArray *order, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("TRUNCATE ");
  gboolean first = TRUE;

  for (guint i = 0; i < order->len; i++)
    if (copied (order->pdata[i]))
      {
        g_string_append_printf (sql, "%spublic.\"%s\"", first ? "" : ", ", (char *) order->pdata[i]);
        first = FALSE;
      }
  return first || exec (copy, sql->str, error);
}

static gboolean
copy_all (Copy *copy, const char *key_path, McDbCopyProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(GPtrArray) order = NULL;

  /* Building the indexes as rows arrive is most of the time: more memory
   * for the GIN pending list and the sorts, for this transaction only. */
  if (!exec (copy, "BEGIN; SET LOCAL ROLE motcua_owner; SET LOCAL maintenance_work_mem = '256MB'; "
                   "SET LOCAL work_mem = '64MB'", error) ||
      !check_empty (copy, error) || (order = tables_in_order (copy, error)) == NULL ||
      !set_triggers (copy, order, FALSE, error) || !empty_tables (copy, order, error))
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      const char *name = order->pdata[i];
      McDbCopyTable *table;
      gint64 rows;

      if (!copied (name))
        continue;
      int has = lite_has_table (copy, name, error);

      rows = has > 0 ? copy_table (copy, name, error) : has;
      if (rows < 0)
        return FALSE;
      table = g_new0 (McDbCopyTable, 1);
      table->table = g_strdup (name);
      table->rows = rows;
      g_ptr_array_add (copy->result->tables, table);
      if (progress)
        progress (name, rows, user_data);
    }
  return set_sequences (copy, error) && set_audit_key (copy, key_path, error) &&
         exec (copy, "SELECT mc_dossier_words_rebuild ()", error) &&
         set_triggers (copy, order, TRUE, error) && compare_counts (copy, error) && verify_chain (copy, error) &&
         (copy->result->without_login = staff_without_login (copy, error)) != NULL && exec (copy, "COMMIT", error);
}

/* The copy from the file at `sqlite_path` into copy->conn, then closing
 * what is the copy's own. */
static McDbCopyResult *
run (Copy *copy, const char *sqlite_path, const char *conninfo, const char *key_path, McDbCopyProgress progress,
     gpointer user_data, GError **error)
{
  gint64 started = g_get_monotonic_time ();
  gboolean ok;

  copy->result = g_new0 (McDbCopyResult, 1);
  copy->result->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  ok = sodium_init () >= 0 && open_source (copy, sqlite_path, error) &&
       (copy->borrowed || open_server (copy, conninfo, error)) &&
       check_installer (copy, error) && check_versions (copy, error) &&
       copy_all (copy, key_path, progress, user_data, error);
  if (!ok && copy->conn != NULL && PQstatus (copy->conn) == CONNECTION_OK &&
      PQtransactionStatus (copy->conn) != PQTRANS_IDLE)
    PQclear (PQexec (copy->conn, "ROLLBACK"));
  if (copy->lite != NULL)
    {
      sqlite3_exec (copy->lite, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (copy->lite);
    }
  if (!copy->borrowed)
    PQfinish (copy->conn);
  if (!ok)
    {
      mc_db_copy_result_free (copy->result);
      return NULL;
    }
  copy->result->seconds = (g_get_monotonic_time () - started) / 1e6;
  return copy->result;
}

McDbCopyResult *
mc_db_copy (const char *sqlite_path, const char *conninfo, const char *key_path, McDbCopyProgress progress,
            gpointer user_data, GError **error)
{
  Copy copy = { 0 };

  g_return_val_if_fail (sqlite_path != NULL, NULL);

  return run (&copy, sqlite_path, conninfo, key_path, progress, user_data, error);
}

McDbCopyResult *
mc_db_copy_into (const char *sqlite_path, McDb *server, GBytes *audit_key, GError **error)
{
  Copy copy = { 0 };

  g_return_val_if_fail (sqlite_path != NULL && audit_key != NULL, NULL);
  g_return_val_if_fail (MC_IS_DB (server) && mc_sql_on_server (server), NULL);

  copy.conn = mc_sql_pg_get_conn (mc_db_get_pg (server));
  copy.borrowed = TRUE;
  copy.key = audit_key;
  /* A database the command line opened holds the built-in catalog
   * already; the demo's file holds the same, and its units. */
  copy.catalog = TRUE;
  return run (&copy, sqlite_path, NULL, NULL, NULL, NULL, error);
}
