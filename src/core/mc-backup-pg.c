/* mc-backup-pg.c — backup and restore of a center on a PostgreSQL server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `motcua backup FILE` and `motcua restore FILE` with --db postgresql://…
 * (issue 17 item 4): the server's own tools, pg_dump -Fc and pg_restore.
 *   - The backup is written as any output of Motcua (mc-output-file: never
 *     over a database or a backup, no overwrite without --force, 0600, under
 *     a temporary name renamed when complete). It holds every table,
 *     audit_key too, so it is taken with the installer's login (the one that
 *     ran `server init`, a member of motcua_owner): a desk's login may not
 *     read the key and pg_dump stops there. The password is handed to
 *     pg_dump in its environment, never on its command line (ps shows that).
 *   - The restore goes into an empty database of a cluster that has the
 *     group roles (a database just made with createdb on the same server, or
 *     one where `server init` ran once): pg_restore writes the script, psql
 *     runs it in one transaction, followed by the database's own grants
 *     (pg_dump does not carry them: CONNECT for the desks, none for PUBLIC)
 *     and the audit chain walked on the server (mc_audit_verify ()); a chain
 *     that does not verify, like any refused statement, leaves the database
 *     empty. The trail's rows are restored as they were: pg_dump's script
 *     loads the data before it creates the triggers.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "mc-backup.h"
#include "mc-db-sqlite-private.h"
#include "mc-output-file.h"
#include "mc-sql-pg-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

gboolean
mc_backup_is_server (const char *path)
{
  return mc_sql_pg_is_conninfo (path);
}

/* The connection's options as a conninfo string for pg_dump, the password
 * left out and returned apart (for PGPASSWORD). */
static char *
conninfo_without_password (PQconninfoOption *options, char **password)
{
  GString *out = g_string_new (NULL);

  *password = NULL;
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "password"))
        {
          *password = g_strdup (o->val);
          continue;
        }
      g_string_append_printf (out, "%s%s='", out->len ? " " : "", o->keyword);
      for (const char *p = o->val; *p; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
    }
  return g_string_free (out, FALSE);
}

/* The environment of a server tool: the password, if any, as PGPASSWORD. */
static char **
tool_environment (const char *password)
{
  char **env = g_get_environ ();

  if (password != NULL)
    env = g_environ_setenv (env, "PGPASSWORD", password, TRUE);
  return env;
}

/* The first lines of what a server tool said, for the person. */
static char *
tool_reason (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err ? err : "", "\n", 4);
  g_autofree char *joined = NULL;

  if (lines[0] != NULL && lines[1] != NULL && lines[2] != NULL)
    g_clear_pointer (&lines[3], g_free);
  joined = g_strjoinv (" ", lines);
  return g_strstrip (g_strdup (joined));
}

gboolean
mc_backup_pg_dump (McDb *db, const char *path, GError **error)
{
  McSqlPgConn *pg = mc_db_get_pg (db);
  PQconninfoOption *options;
  g_autofree char *conninfo = NULL;
  g_autofree char *password = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = NULL;
  int status = 0;
  gboolean ok;

  g_return_val_if_fail (pg != NULL, FALSE);

  options = PQconninfo (mc_sql_pg_get_conn (pg));
  conninfo = conninfo_without_password (options, &password);
  PQconninfoFree (options);
  tmp = mc_output_file_begin (path, MC_OUTPUT_FILE_FORCE, error);
  if (tmp == NULL)
    return FALSE;
  env = tool_environment (password);
  {
    const char *argv[] = { "pg_dump", "--format=custom", "--no-password", "--file", tmp, "--dbname", conninfo, NULL };
    GError *spawn_error = NULL;

    ok = g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                       &spawn_error);
    if (!ok)
      {
        g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED,
                     _("pg_dump could not be started (the package postgresql-client-15): %s"), spawn_error->message);
        g_error_free (spawn_error);
      }
    else if (!g_spawn_check_wait_status (status, NULL))
      {
        g_autofree char *reason = tool_reason (err);

        ok = FALSE;
        g_set_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED,
                     _("pg_dump failed: %s (a backup of the server is taken with the login that ran "
                       "motcua server init)"), reason);
      }
  }
  if (password != NULL)
    memset (password, 0, strlen (password));
  return mc_output_file_finish (tmp, path, ok, ok ? error : NULL);
}

/* Restore */

/* `message` (taken) as the error. */
static gboolean
restore_error (GError **error, char *message)
{
  g_set_error_literal (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_FAILED, message);
  g_free (message);
  return FALSE;
}

static char *
query_value (PGconn *conn, const char *sql, GError **error)
{
  g_autoptr(PGresult) res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) != 1)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQresultErrorMessage (res)));

      restore_error (error, g_strdup_printf (_("The server refused: %s"), reason));
      return NULL;
    }
  return g_strdup (PQgetvalue (res, 0, 0));
}

/* An empty database, and a user who may give tables to motcua_owner. */
static gboolean
check_target (const char *conninfo, GError **error)
{
  PGconn *conn = PQconnectdb (conninfo);
  g_autofree char *n = NULL;
  g_autofree char *owner = NULL;
  gboolean ok = FALSE;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (conn)));

      restore_error (error, g_strdup_printf (_("Could not connect to the PostgreSQL server: %s"), reason));
    }
  else if ((n = query_value (conn, "SELECT count (*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace "
                                   "WHERE s.nspname NOT IN ('pg_catalog', 'information_schema') "
                                   "AND s.nspname NOT LIKE 'pg\\_toast%' AND s.nspname NOT LIKE 'pg\\_temp%'",
                             error)) == NULL ||
           (owner = query_value (conn, "SELECT (to_regrole ('motcua_owner') IS NOT NULL AND "
                                       "pg_has_role (current_user, 'motcua_owner', 'MEMBER'))::int", error)) == NULL)
    ;
  else if (!g_str_equal (n, "0"))
    restore_error (error, g_strdup_printf (_("The database “%s” is not empty: a backup is restored only into a new, empty database "
                            "(createdb)"), PQdb (conn)));
  else if (!g_str_equal (owner, "1"))
    restore_error (error, g_strdup_printf (_("The PostgreSQL user “%s” is not the installer of Motcua on this server (a member of "
                            "motcua_owner): restore with the login that ran motcua server init"), PQuser (conn)));
  else
    ok = TRUE;
  PQfinish (conn);
  return ok;
}

/* A pg_dump custom archive starts with "PGDMP". */
static gboolean
check_archive (const char *file, GError **error)
{
  g_autoptr(GFile) f = g_file_new_for_path (file);
  g_autoptr(GFileInputStream) in = g_file_read (f, NULL, NULL);
  char head[5] = { 0 };
  gsize n = 0;

  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, NULL) ||
      n != sizeof head || memcmp (head, "PGDMP", 5) != 0)
    return restore_error (error, g_strdup_printf (_("“%s” is not a backup of a PostgreSQL database (motcua backup on a server "
                                   "writes one with pg_dump)"), file));
  return TRUE;
}

/* After the archive's script, in the same transaction: the database's own
 * grants (0001-schema.sql), then the chain; a chain that does not verify
 * stops the transaction. search_path is empty after pg_restore's script. */
static const char epilogue[] =
  "DO $$\n"
  "BEGIN\n"
  "  EXECUTE format ('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO motcua_owner', current_database ());\n"
  "  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO motcua_p_signed_in, motcua_board', current_database ());\n"
  "  EXECUTE format ('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database ());\n"
  "END\n"
  "$$;\n"
  "SELECT n_rows AS motcua_rows, bad_id AS motcua_bad, bad_id <> 0 AS motcua_broken\n"
  "  FROM public.mc_audit_verify () \\gset\n"
  "\\if :motcua_broken\n"
  "  \\echo motcua-audit-broken :motcua_bad\n"
  "  DO $$ BEGIN RAISE EXCEPTION 'the audit chain of the backup does not verify'; END $$;\n"
  "\\else\n"
  "  \\echo motcua-audit-rows :motcua_rows\n"
  "\\endif\n";

gboolean
mc_backup_pg_restore (const char *conninfo, const char *file, gint64 *audit_rows, GError **error)
{
  PQconninfoOption *options;
  g_autofree char *plain = NULL;
  g_autofree char *password = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = NULL;
  char *parse_error = NULL;
  GError *spawn_error = NULL;
  int status = 0;
  gboolean ok;

  if (!check_archive (file, error) || !check_target (conninfo, error))
    return FALSE;
  options = PQconninfoParse (conninfo, &parse_error);
  if (options == NULL)
    {
      restore_error (error, g_strdup_printf (_("The server address cannot be read: %s"), parse_error ? parse_error : ""));
      PQfreemem (parse_error);
      return FALSE;
    }
  plain = conninfo_without_password (options, &password);
  PQconninfoFree (options);
  env = tool_environment (password);
  dir = g_dir_make_tmp ("motcua-restore-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  script = g_build_filename (dir, "after.sql", NULL);
  if (!g_file_set_contents (script, epilogue, -1, error))
    {
      g_rmdir (dir);
      return FALSE;
    }
  {
    /* pg_restore's script through psql, one transaction with the epilogue. */
    const char *argv[] = { "bash", "-c",
                           "set -o pipefail; pg_restore --no-password --no-comments --file=- \"$1\" | "
                           "psql --no-psqlrc --quiet --no-password --tuples-only --set ON_ERROR_STOP=1 "
                           "--single-transaction --file=- --file=\"$2\" --dbname=\"$3\"",
                           "motcua-restore", file, script, plain, NULL };

    ok = g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                       &spawn_error);
  }
  g_unlink (script);
  g_rmdir (dir);
  if (password != NULL)
    memset (password, 0, strlen (password));
  if (!ok)
    {
      restore_error (error, g_strdup_printf (_("pg_restore could not be started (the package postgresql-client-15): "
                                               "%s"), spawn_error->message));
      g_error_free (spawn_error);
      return FALSE;
    }
  if (strstr (out ? out : "", "motcua-audit-broken") != NULL)
    {
      g_set_error_literal (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED,
                           _("The audit trail of this backup does not verify: nothing was restored"));
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL) || strstr (out ? out : "", "motcua-audit-rows") == NULL)
    {
      g_autofree char *reason = tool_reason (err);

      return restore_error (error, g_strdup_printf (_("The restore failed and nothing was restored: %s"), reason));
    }
  if (audit_rows != NULL)
    *audit_rows = g_ascii_strtoll (strstr (out, "motcua-audit-rows") + strlen ("motcua-audit-rows"), NULL, 10);
  return TRUE;
}
