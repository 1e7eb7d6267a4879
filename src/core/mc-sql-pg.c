/* mc-sql-pg.c — the statement API of mc-sql.h on PostgreSQL, through libpq
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A storage file (mc-sql-pg-private.h). Values are sent as text (blobs in
 * binary) with their kind: an integer as int8, a real as float8, text and
 * NULL left for the server to infer from where the parameter stands. A
 * statement is prepared once per connection for each SQL text and kinds of
 * its values (a NULL bound where a number was before is another plan) and
 * kept for the connection's life. Results are read whole (PQexecPrepared):
 * core's queries are bounded (pages of a list, a report's groups), and a
 * whole result is one round trip.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-sql-pg-private.h"

/* Type OIDs of pg_type (catalog/pg_type_d.h, stable across versions). */
#define OID_BOOL    16
#define OID_BYTEA   17
#define OID_INT8    20
#define OID_INT2    21
#define OID_INT4    23
#define OID_TEXT    25
#define OID_OID     26
#define OID_FLOAT4  700
#define OID_FLOAT8  701
#define OID_NUMERIC 1700

struct _McSqlPgConn {
  PGconn     *conn;
  GHashTable *prepared;   /* SQL text + kinds → statement name */
  guint       n_prepared;
  gint64      changes;    /* rows the last INSERT, UPDATE or DELETE changed */
  gboolean    timeout_set;
  char        last_table[64]; /* the table of the last INSERT, for its id */
  gboolean    listening;  /* LISTEN motcua_changes, done again after a reconnection */
  McSqlPgWriteFunc  write_func;   /* a table written (mc-db.c: what changed) */
  McSqlPgNotifyFunc notify_func;  /* another client's NOTIFY payload */
  McSqlPgLostFunc   lost_func;    /* the connection was found lost */
  gpointer    hook_data;
  char       *conninfo;   /* as given, for a reconnection with a new password */
  gboolean    restarted;  /* reconnecting through a new PGconn (PQconnectPoll), not PQresetPoll */
};

struct _McSqlPgStmt {
  McSqlPgConn *pg;
  char        *sql;       /* with $n */
  int          n_params;
  char       **values;    /* owned; NULL for SQL NULL */
  int         *lengths;
  int         *formats;   /* 1: binary (a blob) */
  char        *kinds;     /* per parameter: i(nt8) d(ouble) t(ext) b(lob) n(ull) */
  PGresult    *result;
  int          row;       /* the current row, -1 before the first step */
  guchar      *blob;      /* the last blob read, unescaped */
};

gboolean
mc_sql_pg_is_conninfo (const char *path)
{
  const char *p = path;

  if (path == NULL)
    return FALSE;
  if (g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://"))
    return TRUE;
  /* "host=… dbname=…", "service=center": a keyword, then '=' (a file name
   * starting so is not one Motcua would make). */
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '=';
}

/* SQLSTATE classes (PostgreSQL, Appendix A "Error Codes") to McDbError and
 * what the person reads. */
gboolean
mc_sql_pg_set_error (McSqlPgConn *pg, const PGresult *result, GError **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  McDbError code = MC_DB_ERROR_SQL;
  const char *message = _("The database refused this operation; it was not done");

  g_debug ("PostgreSQL error %s: %s", state ? state : "(none)",
           result ? PQresultErrorMessage (result) : PQerrorMessage (pg->conn));
  if (state == NULL || g_str_has_prefix (state, "08") || PQstatus (pg->conn) == CONNECTION_BAD)
    {
      code = MC_DB_ERROR_CONNECTION;
      message = _("The connection to the database server was lost: this was not done. Check the network and "
                  "the server, then try again");
      if (PQstatus (pg->conn) == CONNECTION_BAD && pg->lost_func != NULL)
        pg->lost_func (pg->hook_data);
    }
  else if (g_str_has_prefix (state, "23"))
    {
      code = MC_DB_ERROR_CONSTRAINT;
      message = _("The change breaks a rule of the database and was not saved");
    }
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    {
      code = MC_DB_ERROR_BUSY;
      message = _("The database is busy: another program (an import, a backup) has been writing to it for more "
                  "than 10 seconds. This was not done; try again in a moment");
    }
  else if (g_str_equal (state, "53100"))
    {
      code = MC_DB_ERROR_FULL;
      message = _("The database server's disk is full: this was not done. Ask the administrator to free "
                  "some space, then try again");
    }
  else if (g_str_equal (state, "58030"))
    {
      code = MC_DB_ERROR_IO;
      message = _("The database server could not read or write its disk: this was not done. Ask the "
                  "administrator to check the server");
    }
  else if (g_str_has_prefix (state, "XX"))
    {
      code = MC_DB_ERROR_DAMAGED;
      message = _("The database on the server is damaged: ask the administrator to restore the latest good "
                  "backup");
    }
  else if (g_str_equal (state, "42501") || g_str_equal (state, "25006"))
    {
      code = MC_DB_ERROR_READONLY;
      message = _("The database server does not allow your account to do this");
    }
  else if (g_str_equal (state, "57014"))
    message = _("The database took too long to answer and the question was given up");
  g_set_error_literal (error, MC_DB_ERROR, code, message);
  return FALSE;
}

/* What each session is given, at the first connection and after every
 * reconnection: a write waits for another's lock as long as on SQLite
 * (MC_DB_BUSY_LIMIT_US), then is refused as busy (55P03). Times are UTC
 * seconds in integer columns: the session's time zone plays no part. A new
 * session has no prepared statement: they are prepared again as used. */
static gboolean
setup_session (McSqlPgConn *pg, GError **error)
{
  PGresult *result = PQexec (pg->conn, "SET lock_timeout = '10s'; SET application_name = 'motcua'; "
                                       "SET client_min_messages = warning");
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!ok)
    mc_sql_pg_set_error (pg, result, error);
  PQclear (result);
  g_hash_table_remove_all (pg->prepared);
  pg->timeout_set = FALSE;
  if (ok && pg->listening)
    ok = mc_sql_pg_exec (pg, "LISTEN " MC_SQL_PG_CHANNEL, error);
  return ok;
}

/* The person signed in at this desk (mc_db_set_server_login), for every
 * connection this process opens; the prompt of the command line. */
static char *login_user;
static char *login_password;
static McDbPasswordFunc ask_password;

void
mc_db_set_server_login (const char *user, const char *password)
{
  g_free (login_user);
  login_user = g_strdup (user);
  if (login_password != NULL)
    memset (login_password, 0, strlen (login_password));
  g_free (login_password);
  login_password = g_strdup (password);
}

const char *
mc_db_get_server_login (void)
{
  return login_user;
}

void
mc_db_set_server_password_func (McDbPasswordFunc func)
{
  ask_password = func;
}

/* The conninfo or URI as given, then the login over the user it names:
 * libpq keeps the last value of a keyword (PQconnectdbParams). */
static PGconn *
connect_params (const char *conninfo, const char *user, const char *password, gboolean start)
{
  const char *keys[4] = { "dbname" };
  const char *values[4] = { conninfo };
  int n = 1;

  if (user != NULL)
    {
      keys[n] = "user";
      values[n++] = user;
    }
  if (password != NULL)
    {
      keys[n] = "password";
      values[n++] = password;
    }
  return start ? PQconnectStartParams (keys, values, 1) : PQconnectdbParams (keys, values, 1);
}

static PGconn *
connect_as (const char *conninfo, const char *user, const char *password)
{
  return connect_params (conninfo, user, password, FALSE);
}

/* Why the server was not reached or refused, in the person's words (libpq's
 * own text is English, for the log). A refused password and an unknown or
 * disabled login are one message: the server does not tell them apart
 * either (SCRAM's mock authentication). */
static void
set_connect_error (PGconn *conn, GError **error)
{
  g_debug ("PostgreSQL connection failed: %s", PQerrorMessage (conn));
  if (PQconnectionNeedsPassword (conn))
    g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_SIGN_IN,
                         _("The database server asks for the password of this login: type it to sign in"));
  else if (PQconnectionUsedPassword (conn))
    g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_SIGN_IN,
                         _("Wrong user name or password, or the account is disabled"));
  else
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_OPEN,
                 _("Cannot connect to the database server: it cannot be reached, or it refused the user name "
                   "or the password"));
}

McSqlPgConn *
mc_sql_pg_connect (const char *conninfo, GError **error)
{
  McSqlPgConn *pg;

  if (!mc_pq_load (error))
    return NULL;
  pg = g_new0 (McSqlPgConn, 1);
  pg->conninfo = g_strdup (conninfo);
  pg->conn = connect_as (conninfo, login_user, login_password);
  /* As psql: asked once, only when the server wants a password that the
   * conninfo, PGPASSWORD and ~/.pgpass did not give. */
  if (PQstatus (pg->conn) != CONNECTION_OK && PQconnectionNeedsPassword (pg->conn) && login_password == NULL &&
      ask_password != NULL)
    {
      g_autofree char *user = g_strdup (PQuser (pg->conn));
      g_autofree char *typed = ask_password (user);

      if (typed != NULL && *typed != '\0')
        {
          PQfinish (pg->conn);
          pg->conn = connect_as (conninfo, login_user, typed);
          /* The board's or a check's connection of this process asks no more. */
          if (PQstatus (pg->conn) == CONNECTION_OK)
            mc_db_set_server_login (login_user ? login_user : user, typed);
          memset (typed, 0, strlen (typed));
        }
    }
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      set_connect_error (pg->conn, error);
      mc_sql_pg_close (pg);
      return NULL;
    }
  pg->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!setup_session (pg, error))
    {
      mc_sql_pg_close (pg);
      return NULL;
    }
  return pg;
}

gboolean
mc_db_check_server_password (McDb *self, const char *user, const char *password, GError **error)
{
  PGconn *conn;
  gboolean ok;

  g_return_val_if_fail (MC_IS_DB (self), FALSE);

  /* An empty password would let libpq take PGPASSWORD or ~/.pgpass instead. */
  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_SIGN_IN, _("Wrong user name or password"));
      return FALSE;
    }
  if (!mc_pq_load (error))
    return FALSE;
  conn = connect_as (mc_db_get_path (self), user, password);
  ok = PQstatus (conn) == CONNECTION_OK;
  if (!ok)
    {
      g_debug ("PostgreSQL password check failed: %s", PQerrorMessage (conn));
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_SIGN_IN, _("Wrong user name or password"));
    }
  PQfinish (conn);
  return ok;
}

static void note_write (McSqlPgConn *pg, const char *sql, const PGresult *result);
static void drain_notifies (McSqlPgConn *pg);

void
mc_sql_pg_close (McSqlPgConn *pg)
{
  if (pg == NULL)
    return;
  PQfinish (pg->conn);
  g_clear_pointer (&pg->prepared, g_hash_table_unref);
  /* It may hold a password. */
  if (pg->conninfo != NULL)
    memset (pg->conninfo, 0, strlen (pg->conninfo));
  g_free (pg->conninfo);
  g_free (pg);
}

PGconn *
mc_sql_pg_get_conn (McSqlPgConn *pg)
{
  return pg->conn;
}

/* Rows written by a statement: the table it names ("INSERT INTO t",
 * "UPDATE t", "DELETE FROM t") is told to mc-db.c, which knows its kind of
 * change; NULL for a write whose table cannot be read from its text. */
static void
note_write (McSqlPgConn *pg, const char *sql, const PGresult *result)
{
  const char *status = PQcmdStatus ((PGresult *) result);
  const char *p = sql;
  char table[64] = "";
  gsize n = 0;

  if (pg->write_func == NULL)
    return;
  /* A desk's login appends to the trail through the function (mc-audit.c):
   * a write of audit_log all the same. */
  if (g_str_has_prefix (status, "SELECT") && g_str_has_prefix (sql, "SELECT mc_audit_append ("))
    {
      pg->write_func ("audit_log", mc_sql_pg_autocommit (pg), pg->hook_data);
      return;
    }
  if (!(g_str_has_prefix (status, "INSERT") || g_str_has_prefix (status, "UPDATE") ||
        g_str_has_prefix (status, "DELETE") || g_str_has_prefix (status, "MERGE")))
    return;
  if (g_str_has_suffix (status, " 0"))
    return;  /* nothing changed (an upsert that did nothing, an UPDATE matching no row) */
  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INSERT INTO ", 12) == 0)
    p += 12;
  else if (g_ascii_strncasecmp (p, "DELETE FROM ", 12) == 0)
    p += 12;
  else if (g_ascii_strncasecmp (p, "UPDATE ", 7) == 0)
    p += 7;
  else
    p = NULL;
  if (p != NULL)
    {
      while (g_ascii_isspace (*p))
        p++;
      while ((g_ascii_isalnum (p[n]) || p[n] == '_') && n < sizeof table - 1)
        n++;
      memcpy (table, p, n);
      table[n] = '\0';
    }
  pg->write_func (n > 0 ? table : NULL, mc_sql_pg_autocommit (pg), pg->hook_data);
}

/* Notifications arrive with any result (libpq keeps them aside) or alone
 * on an idle connection (mc_sql_pg_consume). This connection's own are
 * left out: its commits were already told by mc-db.c. */
static void
drain_notifies (McSqlPgConn *pg)
{
  PGnotify *notify;
  int own = PQbackendPID (pg->conn);

  while ((notify = PQnotifies (pg->conn)) != NULL)
    {
      if (notify->be_pid != own && pg->notify_func != NULL && strcmp (notify->relname, MC_SQL_PG_CHANNEL) == 0)
        pg->notify_func (notify->extra, pg->hook_data);
      PQfreemem (notify);
    }
}

gboolean
mc_sql_pg_exec (McSqlPgConn *pg, const char *sql, GError **error)
{
  PGresult *result = PQexec (pg->conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;

  if (!ok)
    mc_sql_pg_set_error (pg, result, error);
  else if (status == PGRES_COMMAND_OK && *PQcmdTuples (result) != '\0')
    pg->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  if (ok)
    note_write (pg, sql, result);
  PQclear (result);
  drain_notifies (pg);
  return ok;
}

/* COPY … FROM STDIN: the server answers PGRES_COPY_IN, then takes the
 * rows as they are put (libpq buffers them), and says at the end whether
 * every one was taken; a constraint broken by any row fails the whole COPY
 * (23505: MC_DB_ERROR_CONSTRAINT). The rows are told to mc-db.c as written
 * into the table the statement names ("COPY name (…)"), so that other
 * clients hear of them at the commit. */
gboolean
mc_sql_pg_copy_begin (McSqlPgConn *pg, const char *sql, GError **error)
{
  PGresult *result;
  const char *p = sql;
  gsize n = 0;
  gboolean ok;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "COPY ", 5) == 0)
    for (p += 5; (g_ascii_isalnum (p[n]) || p[n] == '_') && n < sizeof pg->last_table - 1; n++)
      ;
  memcpy (pg->last_table, p, n);
  pg->last_table[n] = '\0';
  result = PQexec (pg->conn, sql);
  ok = PQresultStatus (result) == PGRES_COPY_IN;
  if (!ok)
    mc_sql_pg_set_error (pg, result, error);
  PQclear (result);
  return ok;
}

gboolean
mc_sql_pg_copy_put (McSqlPgConn *pg, const char *data, gsize length, GError **error)
{
  if (length == 0 || PQputCopyData (pg->conn, data, (int) length) == 1)
    return TRUE;
  return mc_sql_pg_set_error (pg, NULL, error);
}

gboolean
mc_sql_pg_copy_end (McSqlPgConn *pg, GError **error)
{
  PGresult *result;
  gboolean ok = PQputCopyEnd (pg->conn, NULL) == 1;

  if (!ok)
    mc_sql_pg_set_error (pg, NULL, error);
  /* Every result is read, up to libpq's NULL, whatever happened. */
  while ((result = PQgetResult (pg->conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = mc_sql_pg_set_error (pg, result, error);
      else if (ok)
        pg->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
      PQclear (result);
    }
  drain_notifies (pg);
  if (ok && pg->changes > 0 && pg->write_func != NULL)
    pg->write_func (pg->last_table[0] ? pg->last_table : NULL, mc_sql_pg_autocommit (pg), pg->hook_data);
  return ok;
}

/* SQLite's scalar min (a, b, …) and max (a, b, …) are PostgreSQL's LEAST
 * and GREATEST (SQLite 3.40 has neither of those): `p` is at "min" or
 * "max"; the word to write instead, or NULL when it is the aggregate (one
 * argument) or not a call. */
static const char *
scalar_min_max (const char *sql, const char *p)
{
  const char *q = p + 3;
  int depth = 0;

  if ((p > sql && (g_ascii_isalnum (p[-1]) || p[-1] == '_' || p[-1] == '.')) ||
      (g_ascii_strncasecmp (p, "min", 3) != 0 && g_ascii_strncasecmp (p, "max", 3) != 0))
    return NULL;
  while (*q == ' ')
    q++;
  if (*q != '(')
    return NULL;
  for (; *q != '\0'; q++)
    {
      if (*q == '(')
        depth++;
      else if (*q == ')' && --depth == 0)
        return NULL;
      else if (*q == '\'')
        {
          q = strchr (q + 1, '\'');
          if (q == NULL)
            return NULL;
        }
      else if (*q == ',' && depth == 1)
        return g_ascii_tolower (p[1]) == 'i' ? "LEAST" : "GREATEST";
    }
  return NULL;
}

/* Whether `word` (case-insensitive) stands at p as a whole word. */
static gboolean
word_at (const char *sql, const char *p, const char *word)
{
  gsize n = strlen (word);

  return g_ascii_strncasecmp (p, word, n) == 0 && !g_ascii_isalnum (p[n]) && p[n] != '_' &&
         (p == sql || (!g_ascii_isalnum (p[-1]) && p[-1] != '_' && p[-1] != '.'));
}

/* The end of the parenthesised group starting at p ('('), or NULL. */
static const char *
group_end (const char *p)
{
  int depth = 0;

  for (; *p != '\0'; p++)
    {
      if (*p == '\'')
        {
          p = strchr (p + 1, '\'');
          if (p == NULL)
            return NULL;
        }
      else if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return p;
    }
  return NULL;
}

static void translate_into (GString *out, const char *sql, int *highest);

char *
mc_sql_pg_translate (const char *sql, int *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);

  *n_params = 0;
  translate_into (out, sql, n_params);
  return g_string_free (out, FALSE);
}

/* `highest`: the highest parameter number so far (a plain `?` is the next). */
static void
translate_into (GString *out, const char *sql, int *n_params)
{
  int highest = *n_params;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          const char quote = *p;
          const char *end = p + 1;

          while (*end != '\0' && !(*end == quote && end[1] != quote))
            end += *end == quote ? 2 : 1;
          g_string_append_len (out, p, (end - p) + (*end != '\0'));
          p = *end != '\0' ? end : end - 1;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      /* SQLite's planner hints: the server plans for itself. */
      else if (word_at (sql, p, "INDEXED") && word_at (sql, p + 8, "BY"))
        {
          p += 10;
          while (*p == ' ')
            p++;
          while (g_ascii_isalnum (p[1]) || p[1] == '_')
            p++;
        }
      else if (word_at (sql, p, "NOT") && word_at (sql, p + 4, "INDEXED"))
        p += 10;
      /* total (x): SQLite's sum that is 0.0, not NULL, over no rows. */
      else if (word_at (sql, p, "total") && (p[5] == '(' || (p[5] == ' ' && p[6] == '(')) &&
               group_end (strchr (p, '(')) != NULL)
        {
          const char *open = strchr (p, '(');
          const char *close = group_end (open);
          g_autofree char *body = g_strndup (open + 1, close - open - 1);

          /* A condition counted (true is 1), or a small integer. */
          g_string_append (out, "coalesce (sum ((");
          translate_into (out, body, &highest);
          g_string_append (out, ")::int), 0)");
          p = close;
        }
      else if ((*p == 'm' || *p == 'M') && scalar_min_max (sql, p) != NULL)
        {
          g_string_append (out, scalar_min_max (sql, p));
          p += 2;
        }
      else if (*p == '?')
        {
          int n;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;
              n = (int) strtol (p + 1, &end, 10);
              p = end - 1;
            }
          else
            n = highest + 1;
          highest = MAX (highest, n);
          g_string_append_printf (out, "$%d", n);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = highest;
}

McSqlPgStmt *
mc_sql_pg_prepare (McSqlPgConn *pg, const char *sql, GError **error)
{
  McSqlPgStmt *stmt = g_new0 (McSqlPgStmt, 1);

  stmt->pg = pg;
  stmt->sql = mc_sql_pg_translate (sql, &stmt->n_params);
  stmt->values = g_new0 (char *, stmt->n_params + 1);
  stmt->lengths = g_new0 (int, stmt->n_params + 1);
  stmt->formats = g_new0 (int, stmt->n_params + 1);
  stmt->kinds = g_malloc (stmt->n_params + 1);
  memset (stmt->kinds, 'n', stmt->n_params);
  stmt->kinds[stmt->n_params] = '\0';
  stmt->row = -1;
  return stmt;
}

void
mc_sql_pg_clear_bindings (McSqlPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->values[i], g_free);
  memset (stmt->kinds, 'n', stmt->n_params);
}

void
mc_sql_pg_reset (McSqlPgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->row = -1;
}

void
mc_sql_pg_stmt_free (McSqlPgStmt *stmt)
{
  if (stmt == NULL)
    return;
  mc_sql_pg_reset (stmt);
  mc_sql_pg_clear_bindings (stmt);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->kinds);
  g_free (stmt->sql);
  g_free (stmt);
}

void
mc_sql_pg_bind (McSqlPgStmt *stmt, int pos, McSqlType type, const char *value, int length)
{
  int i = pos - 1;

  if (i < 0 || i >= stmt->n_params)
    return;
  g_clear_pointer (&stmt->values[i], g_free);
  stmt->formats[i] = 0;
  stmt->lengths[i] = 0;
  if (value == NULL || type == MC_SQL_NULL)
    {
      stmt->kinds[i] = 'n';
      return;
    }
  if (length < 0)
    length = (int) strlen (value);
  stmt->values[i] = g_malloc (length + 1);
  memcpy (stmt->values[i], value, length);
  stmt->values[i][length] = '\0';
  stmt->lengths[i] = length;
  stmt->formats[i] = type == MC_SQL_BLOB;
  stmt->kinds[i] = type == MC_SQL_INTEGER ? 'i' : type == MC_SQL_FLOAT ? 'd' : type == MC_SQL_BLOB ? 'b' : 't';
}

int
mc_sql_pg_bind_parameter_count (McSqlPgStmt *stmt)
{
  return stmt->n_params;
}

static Oid
kind_oid (char kind, gboolean infer)
{
  switch (kind)
    {
    case 'i': return OID_INT8;
    case 'd': return OID_FLOAT8;
    case 'b': return OID_BYTEA;
    default: return infer ? 0 : OID_TEXT;
    }
}

/* The name of the statement prepared for this text and these kinds; text
 * and NULL are first left for the server to infer, and sent as text where
 * it cannot (`? IS NULL`: 42P18, 42P08). A failed prepare aborts a transaction on
 * PostgreSQL: inside one, the first prepare of a statement is guarded by a
 * savepoint (once per statement and connection). */
static PGresult *
prepare_as (McSqlPgStmt *stmt, const char *name, gboolean infer)
{
  g_autofree Oid *types = g_new0 (Oid, stmt->n_params + 1);
  gboolean guarded = infer && !mc_sql_pg_autocommit (stmt->pg);
  PGresult *result;

  for (int i = 0; i < stmt->n_params; i++)
    types[i] = kind_oid (stmt->kinds[i], infer);
  if (guarded)
    PQclear (PQexec (stmt->pg->conn, "SAVEPOINT mc_prepare"));
  result = PQprepare (stmt->pg->conn, name, stmt->sql, stmt->n_params, types);
  if (guarded)
    PQclear (PQexec (stmt->pg->conn, PQresultStatus (result) == PGRES_COMMAND_OK
                                       ? "RELEASE mc_prepare" : "ROLLBACK TO mc_prepare; RELEASE mc_prepare"));
  return result;
}

static const char *
ensure_prepared (McSqlPgStmt *stmt, GError **error)
{
  g_autofree char *key = g_strconcat (stmt->kinds, "\x1f", stmt->sql, NULL);
  const char *name = g_hash_table_lookup (stmt->pg->prepared, key);
  g_autofree char *new_name = NULL;
  PGresult *result;

  if (name != NULL)
    return name;
  new_name = g_strdup_printf ("mc_%u", ++stmt->pg->n_prepared);
  result = prepare_as (stmt, new_name, TRUE);
  if (PQresultStatus (result) != PGRES_COMMAND_OK &&
      (g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42P18") == 0 ||
       g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42P08") == 0))
    {
      PQclear (result);
      result = prepare_as (stmt, new_name, FALSE);
    }
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_debug ("PostgreSQL could not prepare: %s", stmt->sql);
      mc_sql_pg_set_error (stmt->pg, result, error);
      PQclear (result);
      return NULL;
    }
  PQclear (result);
  name = new_name;
  g_hash_table_insert (stmt->pg->prepared, g_steal_pointer (&key), g_steal_pointer (&new_name));
  return name;
}

/* "INSERT INTO name …": the table whose id mc_sql_pg_last_insert_id reads. */
static void
note_insert (McSqlPgConn *pg, const char *sql)
{
  const char *p = sql;
  gsize n = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INSERT INTO ", 12) != 0)
    return;
  p += 12;
  while (g_ascii_isspace (*p))
    p++;
  while ((g_ascii_isalnum (p[n]) || p[n] == '_') && n < sizeof pg->last_table - 1)
    n++;
  memcpy (pg->last_table, p, n);
  pg->last_table[n] = '\0';
}

static McDbStep
execute (McSqlPgStmt *stmt, GError **error)
{
  const char *name = ensure_prepared (stmt, error);
  ExecStatusType status;

  if (name == NULL)
    return MC_DB_STEP_ERROR;
  note_insert (stmt->pg, stmt->sql);
  stmt->result = PQexecPrepared (stmt->pg->conn, name, stmt->n_params, (const char *const *) stmt->values,
                                 stmt->lengths, stmt->formats, 0);
  status = PQresultStatus (stmt->result);
  drain_notifies (stmt->pg);
  if (status == PGRES_COMMAND_OK)
    {
      if (*PQcmdTuples (stmt->result) != '\0')
        stmt->pg->changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
      note_write (stmt->pg, stmt->sql, stmt->result);
      return MC_DB_STEP_DONE;
    }
  if (status != PGRES_TUPLES_OK)
    {
      mc_sql_pg_set_error (stmt->pg, stmt->result, error);
      mc_sql_pg_reset (stmt);
      return MC_DB_STEP_ERROR;
    }
  note_write (stmt->pg, stmt->sql, stmt->result);
  /* INSERT … RETURNING: rows, and changes. */
  if (*PQcmdTuples (stmt->result) != '\0' && !g_str_has_prefix (PQcmdStatus (stmt->result), "SELECT"))
    stmt->pg->changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
  return MC_DB_STEP_ROW;
}

McDbStep
mc_sql_pg_step (McSqlPgStmt *stmt, GError **error)
{
  if (stmt->result == NULL)
    {
      McDbStep step = execute (stmt, error);

      if (step != MC_DB_STEP_ROW)
        return step;
    }
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->row++;
  return stmt->row < PQntuples (stmt->result) ? MC_DB_STEP_ROW : MC_DB_STEP_DONE;
}

static gboolean
has_value (McSqlPgStmt *stmt, int col)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         col >= 0 && col < PQnfields (stmt->result) && !PQgetisnull (stmt->result, stmt->row, col);
}

int
mc_sql_pg_column_count (McSqlPgStmt *stmt)
{
  return stmt->result ? PQnfields (stmt->result) : 0;
}

McSqlType
mc_sql_pg_column_type (McSqlPgStmt *stmt, int col)
{
  if (!has_value (stmt, col))
    return MC_SQL_NULL;
  switch (PQftype (stmt->result, col))
    {
    case OID_BOOL:
    case OID_INT2:
    case OID_INT4:
    case OID_INT8:
    case OID_OID:
      return MC_SQL_INTEGER;
    case OID_NUMERIC:
      /* sum () of integers is numeric on PostgreSQL, an integer on SQLite. */
      return strpbrk (PQgetvalue (stmt->result, stmt->row, col), ".eE") ? MC_SQL_FLOAT : MC_SQL_INTEGER;
    case OID_FLOAT4:
    case OID_FLOAT8:
      return MC_SQL_FLOAT;
    case OID_BYTEA:
      return MC_SQL_BLOB;
    default:
      return MC_SQL_TEXT;
    }
}

gint64
mc_sql_pg_column_int64 (McSqlPgStmt *stmt, int col)
{
  const char *text;

  if (!has_value (stmt, col))
    return 0;
  text = PQgetvalue (stmt->result, stmt->row, col);
  if (PQftype (stmt->result, col) == OID_BOOL)
    return text[0] == 't';
  if (strpbrk (text, ".eE") != NULL)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

double
mc_sql_pg_column_double (McSqlPgStmt *stmt, int col)
{
  if (!has_value (stmt, col))
    return 0;
  if (PQftype (stmt->result, col) == OID_BOOL)
    return PQgetvalue (stmt->result, stmt->row, col)[0] == 't';
  return g_ascii_strtod (PQgetvalue (stmt->result, stmt->row, col), NULL);
}

const char *
mc_sql_pg_column_text (McSqlPgStmt *stmt, int col)
{
  if (!has_value (stmt, col))
    return NULL;
  /* A boolean reads as SQLite would store it. */
  if (PQftype (stmt->result, col) == OID_BOOL)
    return PQgetvalue (stmt->result, stmt->row, col)[0] == 't' ? "1" : "0";
  return PQgetvalue (stmt->result, stmt->row, col);
}

const void *
mc_sql_pg_column_blob (McSqlPgStmt *stmt, int col, int *bytes)
{
  size_t length = 0;

  *bytes = 0;
  if (!has_value (stmt, col))
    return NULL;
  if (PQftype (stmt->result, col) != OID_BYTEA)
    {
      *bytes = PQgetlength (stmt->result, stmt->row, col);
      return PQgetvalue (stmt->result, stmt->row, col);
    }
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->blob = PQunescapeBytea ((const unsigned char *) PQgetvalue (stmt->result, stmt->row, col), &length);
  *bytes = (int) length;
  return stmt->blob;
}

gint64
mc_sql_pg_changes (McSqlPgConn *pg)
{
  return pg->changes;
}

/* The id the last INSERT gave, from its table's identity sequence:
 * currval () is this session's, whatever other clients insert, and names
 * the table (lastval () would be the audit row its trigger wrote). New code
 * reads INSERT … RETURNING id instead. */
gint64
mc_sql_pg_last_insert_id (McSqlPgConn *pg)
{
  const char *values[1] = { pg->last_table };
  PGresult *result = PQexecParams (pg->conn, "SELECT currval (pg_get_serial_sequence ($1, 'id'))", 1, NULL,
                                   values, NULL, NULL, 0);
  gint64 id = 0;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

gboolean
mc_sql_pg_autocommit (McSqlPgConn *pg)
{
  return PQtransactionStatus (pg->conn) == PQTRANS_IDLE;
}

/* The deadline becomes the session's statement_timeout (57014 when it
 * passes), and 0 takes it away. */
void
mc_sql_pg_set_deadline (McSqlPgConn *pg, gint64 deadline)
{
  g_autofree char *sql = NULL;
  gint64 ms = deadline ? MAX ((deadline - g_get_monotonic_time ()) / 1000, 1) : 0;

  if (deadline == 0 && !pg->timeout_set)
    return;
  sql = g_strdup_printf ("SET statement_timeout = %" G_GINT64_FORMAT, ms);
  PQclear (PQexec (pg->conn, sql));
  pg->timeout_set = deadline != 0;
}

void
mc_sql_pg_set_hooks (McSqlPgConn *pg, McSqlPgWriteFunc write_func, McSqlPgNotifyFunc notify_func,
                     McSqlPgLostFunc lost_func, gpointer data)
{
  pg->write_func = write_func;
  pg->notify_func = notify_func;
  pg->lost_func = lost_func;
  pg->hook_data = data;
}

gboolean
mc_sql_pg_listen (McSqlPgConn *pg, GError **error)
{
  if (pg->listening)
    return TRUE;
  if (!mc_sql_pg_exec (pg, "LISTEN " MC_SQL_PG_CHANNEL, error))
    return FALSE;
  pg->listening = TRUE;
  return TRUE;
}

/* pg_notify () inside the open transaction: PostgreSQL delivers it only if
 * the transaction commits, and to each listener once per distinct payload. */
gboolean
mc_sql_pg_notify (McSqlPgConn *pg, const char *payload, GError **error)
{
  const char *values[1] = { payload };
  PGresult *result = PQexecParams (pg->conn, "SELECT pg_notify ('" MC_SQL_PG_CHANNEL "', $1)", 1, NULL, values,
                                   NULL, NULL, 0);
  gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    mc_sql_pg_set_error (pg, result, error);
  PQclear (result);
  return ok;
}

gboolean
mc_sql_pg_consume (McSqlPgConn *pg)
{
  if (PQstatus (pg->conn) != CONNECTION_OK)
    return FALSE;
  if (!PQconsumeInput (pg->conn) || PQstatus (pg->conn) != CONNECTION_OK)
    {
      g_debug ("PostgreSQL connection lost: %s", PQerrorMessage (pg->conn));
      return FALSE;
    }
  drain_notifies (pg);
  return TRUE;
}

gboolean
mc_sql_pg_is_connected (McSqlPgConn *pg)
{
  return PQstatus (pg->conn) == CONNECTION_OK;
}

int
mc_sql_pg_socket (McSqlPgConn *pg)
{
  return PQsocket (pg->conn);
}

/* The login's password was changed since this connection was made (by its
 * holder, mc_accounts_set_password, which tells mc_db_set_server_login):
 * PQresetStart would present the old one, which the server now refuses, and
 * the desk would stay disconnected. */
static gboolean
password_changed (McSqlPgConn *pg)
{
  return login_password != NULL && login_user != NULL && g_strcmp0 (PQuser (pg->conn), login_user) == 0 &&
         g_strcmp0 (PQpass (pg->conn), login_password) != 0;
}

gboolean
mc_sql_pg_reset_start (McSqlPgConn *pg)
{
  PGconn *conn;

  pg->restarted = FALSE;
  if (!password_changed (pg))
    return PQresetStart (pg->conn) == 1;
  /* A new connection with the same conninfo and the process's login. */
  conn = connect_params (pg->conninfo, login_user, login_password, TRUE);
  if (conn == NULL)
    return FALSE;
  PQfinish (pg->conn);
  pg->conn = conn;
  pg->restarted = TRUE;
  return PQstatus (conn) != CONNECTION_BAD;
}

/* One step of connecting again without blocking (PQresetPoll): READING or
 * WRITING to wait for the socket, FAILED to try again later, OK with the
 * session set up as at the first connection and LISTENing again. */
McSqlPgPoll
mc_sql_pg_reset_poll (McSqlPgConn *pg, GError **error)
{
  switch (pg->restarted ? PQconnectPoll (pg->conn) : PQresetPoll (pg->conn))
    {
    case PGRES_POLLING_READING:
      return MC_SQL_PG_POLL_READING;
    case PGRES_POLLING_WRITING:
      return MC_SQL_PG_POLL_WRITING;
    case PGRES_POLLING_OK:
      return setup_session (pg, error) ? MC_SQL_PG_POLL_OK : MC_SQL_PG_POLL_FAILED;
    case PGRES_POLLING_FAILED:
    default:
      g_debug ("PostgreSQL reconnection failed: %s", PQerrorMessage (pg->conn));
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_CONNECTION,
                           _("Cannot connect to the database server: it cannot be reached, or it refused the user "
                             "name or the password"));
      return MC_SQL_PG_POLL_FAILED;
    }
}
