/* mc-pg-schema.c — the PostgreSQL schema: its numbered steps applied to a server
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "mc-db.h"
#include "mc-pg-schema-private.h"

#define STEPS_PATH "/vn/motcua/Motcua/sql/pg"
/* Taken by every installer for the whole of a step, so that two
 * `motcua server init` (or upgrades) at once apply each step once. */
#define MIGRATION_LOCK "4d6f74637561"  /* "Motcua" */

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The step files, sorted by their number (the resource list is unordered). */
static GPtrArray *
list_steps (void)
{
  static GPtrArray *steps;

  if (g_once_init_enter (&steps))
    {
      g_auto(GStrv) names = NULL;
      GPtrArray *list = g_ptr_array_new ();

      /* The resources are registered by McDb's class (a static library
       * would drop a constructor). */
      g_type_class_unref (g_type_class_ref (MC_TYPE_DB));
      names = g_resources_enumerate_children (STEPS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      for (guint i = 0; names && names[i]; i++)
        if (g_str_has_suffix (names[i], ".sql"))
          g_ptr_array_add (list, g_strdup_printf ("%s/%s", STEPS_PATH, names[i]));
      g_ptr_array_sort (list, compare_paths);
      g_once_init_leave (&steps, list);
    }
  return steps;
}

int
mc_pg_schema_get_latest_version (void)
{
  return (int) list_steps ()->len;
}

const char *
mc_pg_schema_get_step (int version)
{
  GPtrArray *steps = list_steps ();

  if (version < 1 || (guint) version > steps->len)
    return NULL;
  return steps->pdata[version - 1];
}

/* The server's reason, without libpq's "ERROR:  " and trailing newline. */
static char *
server_message (PGconn *conn, PGresult *res)
{
  const char *primary = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  return g_strstrip (g_strdup (primary ? primary : PQerrorMessage (conn)));
}

gboolean
mc_pg_exec (PGconn *conn, const char *sql, const char *what, GError **error)
{
  PGresult *res = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      g_autofree char *reason = server_message (conn, res);

      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_SQL, "%s: %s", what, reason);
      PQclear (res);
      return FALSE;
    }
  PQclear (res);
  return TRUE;
}

/* The first column of the one row of `sql` as a number; -1 on error. */
static int
query_int (PGconn *conn, const char *sql, GError **error)
{
  PGresult *res = PQexec (conn, sql);
  int value = -1;

  if (PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) == 1)
    value = PQgetisnull (res, 0, 0) ? 0 : atoi (PQgetvalue (res, 0, 0));
  else
    {
      g_autofree char *reason = server_message (conn, res);

      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_SQL, _("Could not read the schema version on the server: %s"),
                   reason);
    }
  PQclear (res);
  return value;
}

int
mc_pg_schema_get_version (PGconn *conn, GError **error)
{
  /* The table is named only once it exists: a statement naming a missing
   * table fails as a whole. */
  int exists = query_int (conn, "SELECT (to_regclass ('public.schema_version') IS NOT NULL)::int", error);

  if (exists <= 0)
    return exists;
  return query_int (conn, "SELECT version FROM public.schema_version", error);
}

static gboolean
rollback (PGconn *conn)
{
  PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}

/* One step in its own transaction, under the installers' lock; skipped when
 * another installer applied it meanwhile. */
static gboolean
apply_step (PGconn *conn, int version, GError **error)
{
  const char *path = mc_pg_schema_get_step (version);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *sql = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *what = g_strdup_printf (_("Step %s of the PostgreSQL schema failed"), name);
  g_autofree char *set_version = g_strdup_printf ("UPDATE public.schema_version SET version = %d", version);
  int current;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!mc_pg_exec (conn, "BEGIN; SET LOCAL client_min_messages = warning; "
                         "SELECT pg_advisory_xact_lock (x'" MIGRATION_LOCK "'::bigint)", what, error))
    return rollback (conn);
  current = mc_pg_schema_get_version (conn, error);
  if (current < 0)
    return rollback (conn);
  if (current >= version)
    return mc_pg_exec (conn, "COMMIT", what, error);
  if (current != version - 1)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                   _("The PostgreSQL schema is at version %d, step %s cannot follow it"), current, name);
      return rollback (conn);
    }
  if (!mc_pg_exec (conn, sql, what, error) || !mc_pg_exec (conn, set_version, what, error) ||
      !mc_pg_exec (conn, "COMMIT", what, error))
    return rollback (conn);
  return TRUE;
}

gboolean
mc_pg_schema_migrate_to (PGconn *conn, int version, GError **error)
{
  int current;

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (version >= 0 && version <= mc_pg_schema_get_latest_version (), FALSE);

  current = mc_pg_schema_get_version (conn, error);
  if (current < 0)
    return FALSE;
  if (current > mc_pg_schema_get_latest_version ())
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Motcua (schema %d, this version knows %d)"),
                   current, mc_pg_schema_get_latest_version ());
      return FALSE;
    }
  for (int v = current + 1; v <= version; v++)
    if (!apply_step (conn, v, error))
      return FALSE;
  return TRUE;
}

gboolean
mc_pg_schema_migrate (PGconn *conn, GError **error)
{
  return mc_pg_schema_migrate_to (conn, mc_pg_schema_get_latest_version (), error);
}
