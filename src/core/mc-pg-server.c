/* mc-pg-server.c — setting up a center's PostgreSQL server: schema, roles, logins
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-sqlite-private.h"
#include "mc-sql-pg-private.h"
#include "mc-pg-schema-private.h"
#include "mc-pq-private.h"
#include "mc-pg-server.h"

G_DEFINE_QUARK (mc-pg-server-error-quark, mc_pg_server_error)

/* The functions of mc-staff.h and their group roles (0001-schema.sql). */
static const struct {
  McRoles     role;
  const char *group;
} groups[] = {
  { MC_ROLE_RECEPTION, "motcua_tiep_nhan" },
  { MC_ROLE_SPECIALIST, "motcua_chuyen_vien" },
  { MC_ROLE_HEAD, "motcua_lanh_dao_phong" },
  { MC_ROLE_LEADER, "motcua_lanh_dao_ubnd" },
  { MC_ROLE_RECORDS, "motcua_van_thu" },
  { MC_ROLE_REPORTING, "motcua_bao_cao" },
  { MC_ROLE_ADMIN, "motcua_quan_tri" },
};

const char *
mc_pg_server_role_group (McRoles role)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (groups[i].role == role)
      return groups[i].group;
  return NULL;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static PGconn *
connect_server (const char *conninfo, GError **error)
{
  PGconn *conn;

  if (!mc_pq_load (error))
    return NULL;
  conn = PQconnectdb (conninfo ? conninfo : "");
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (conn)));

      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_CONNECT,
                   _("Could not connect to the PostgreSQL server: %s"), reason);
      PQfinish (conn);
      return NULL;
    }
  if (PQserverVersion (conn) < 150000)
    {
      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_VERSION,
                   _("Motcua needs PostgreSQL 15 or newer; this server is version %d"),
                   PQserverVersion (conn) / 10000);
      PQfinish (conn);
      return NULL;
    }
  /* The notices of a migration (an extension already there) and of a
   * REVOKE of a membership never granted are not the person's business. */
  PQclear (PQexec (conn, "SET client_min_messages = error"));
  return conn;
}

/* The one value of a one-row query, or NULL with `error` set. */
static char *
query_value (PGconn *conn, const char *sql, int n_params, const char *const *params, GError **error)
{
  g_autoptr(PGresult) res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQresultErrorMessage (res)));

      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_FAILED, _("The server refused: %s"), reason);
      return NULL;
    }
  if (PQntuples (res) == 0 || PQgetisnull (res, 0, 0))
    return g_strdup ("");
  return g_strdup (PQgetvalue (res, 0, 0));
}

static gboolean
may_create_roles (PGconn *conn, GError **error)
{
  g_autofree char *yes = query_value (conn, "SELECT rolsuper OR rolcreaterole FROM pg_roles "
                                            "WHERE rolname = current_user", 0, NULL, error);

  if (yes == NULL)
    return FALSE;
  if (!g_str_equal (yes, "t"))
    {
      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_PRIVILEGE,
                   _("The PostgreSQL user “%s” may not create roles: connect as a user with CREATEROLE "
                     "(for example the database's owner given CREATEROLE by the server's administrator)"),
                   PQuser (conn));
      return FALSE;
    }
  return TRUE;
}

static gboolean
database_is_empty (PGconn *conn, GError **error)
{
  g_autofree char *n = query_value (conn, "SELECT count (*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace "
                                          "WHERE s.nspname NOT IN ('pg_catalog', 'information_schema') "
                                          "AND s.nspname NOT LIKE 'pg\\_toast%' AND s.nspname NOT LIKE 'pg\\_temp%'",
                                    0, NULL, error);

  if (n == NULL)
    return FALSE;
  if (!g_str_equal (n, "0"))
    {
      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_NOT_EMPTY,
                   _("The database “%s” is not empty (%s tables, indexes or sequences): Motcua is set up only "
                     "in a new, empty database (createdb)"), PQdb (conn), n);
      return FALSE;
    }
  return TRUE;
}

/* A staff username becomes a role name as it is (quoted): it must fit and
 * must not take the name of a group or a system role. */
static gboolean
check_login_name (const char *name, GError **error)
{
  if (name == NULL || *name == '\0' || strlen (name) > 63 || g_str_has_prefix (name, "motcua_") ||
      g_str_has_prefix (name, "pg_") || g_str_equal (name, "public") || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_INVALID,
                   _("“%s” cannot be a PostgreSQL login: at most 63 bytes, not starting with motcua_ or pg_"),
                   name ? name : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec (PGconn *conn, const char *sql, GError **error)
{
  g_autoptr(PGresult) res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      const char *primary = PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY);
      g_autofree char *reason = g_strstrip (g_strdup (primary ? primary : PQerrorMessage (conn)));

      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_FAILED, _("The server refused: %s"), reason);
      return FALSE;
    }
  return TRUE;
}

static gboolean
rollback (PGconn *conn)
{
  PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}

/* CREATE ROLE or ALTER ROLE … LOGIN with the SCRAM verifier computed here,
 * so the password itself never travels to the server or its log. One
 * login change at a time across the cluster, as mc_staff_login ()
 * (resources/sql/pg/0035-login-lock.sql): the lock first, so that the
 * existence read and the CREATE or ALTER see another database's change of
 * the same login committed, never half done. */
static gboolean
set_login (PGconn *conn, const char *login, const char *password, gboolean can_login, GError **error)
{
  char *verifier = PQencryptPasswordConn (conn, password, login, "scram-sha-256");
  char *ident = PQescapeIdentifier (conn, login, strlen (login));
  char *literal = verifier ? PQescapeLiteral (conn, verifier, strlen (verifier)) : NULL;
  g_autofree char *exists = NULL;
  g_autofree char *sql = NULL;
  gboolean ok = FALSE;

  if (verifier == NULL || ident == NULL || literal == NULL)
    g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_FAILED, _("The server refused: %s"),
                 PQerrorMessage (conn));
  else if (exec (conn, "COMMENT ON ROLE motcua_login IS "
                       "'Motcua: every staff login is a member (login changes lock this role)'", error) &&
           (exists = query_value (conn, "SELECT count (*) FROM pg_roles WHERE rolname = $1", 1,
                                  (const char *const[]) { login }, error)) != NULL)
    {
      sql = g_strdup_printf ("%s ROLE %s %s NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD %s",
                             g_str_equal (exists, "0") ? "CREATE" : "ALTER", ident,
                             can_login ? "LOGIN" : "NOLOGIN", literal);
      ok = exec (conn, sql, error);
    }
  PQfreemem (verifier);
  PQfreemem (ident);
  PQfreemem (literal);
  return ok;
}

/* The login's memberships become exactly the groups of `roles`. */
static gboolean
set_groups (PGconn *conn, const char *login, McRoles roles, GError **error)
{
  char *ident = PQescapeIdentifier (conn, login, strlen (login));
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *sql = g_strdup_printf ((roles & groups[i].role) ? "GRANT %s TO %s" : "REVOKE %s FROM %s",
                                              groups[i].group, ident);

      ok = exec (conn, sql, error);
    }
  PQfreemem (ident);
  return ok;
}

static gboolean
check_password (const char *password, GError **error)
{
  return mc_accounts_check_password_strength (password, error);
}

gboolean
mc_pg_server_init (const char *conninfo, const char *username, const char *full_name, const char *password,
                   GError **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *name = g_strstrip (g_strdup (full_name ? full_name : ""));

  if (!check_login_name (username, error) || !check_password (password, error))
    return FALSE;
  if (*name == '\0')
    {
      g_set_error_literal (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_INVALID,
                           _("The administrator needs a name (--name)"));
      return FALSE;
    }
  if ((conn = connect_server (conninfo, error)) == NULL || !may_create_roles (conn, error) ||
      !database_is_empty (conn, error))
    return FALSE;
  if (!mc_pg_schema_migrate (conn, error))
    return FALSE;
  /* The first administrator: the staff row as the owner (the trail names
   * the installer's login), the login role as the installer. */
  if (!exec (conn, "BEGIN; SET LOCAL ROLE motcua_owner", error))
    return rollback (conn);
  {
    const char *params[] = { username, name, _("Administrator") };
    g_autoptr(PGresult) res = PQexecParams (conn, "INSERT INTO staff (username, full_name, title, roles, created_at) "
                                                  "VALUES ($1, $2, $3, 'quan_tri', mc_now ())",
                                            3, NULL, params, NULL, NULL, 0);

    if (PQresultStatus (res) != PGRES_COMMAND_OK)
      {
        g_autofree char *reason = g_strstrip (g_strdup (PQresultErrorMessage (res)));

        g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_FAILED, _("The server refused: %s"), reason);
        return rollback (conn);
      }
  }
  if (!exec (conn, "RESET ROLE", error) || !set_login (conn, username, password, TRUE, error) ||
      !set_groups (conn, username, MC_ROLE_ADMIN, error) || !exec (conn, "COMMIT", error))
    return rollback (conn);
  return TRUE;
}

gboolean
mc_pg_server_add_login (const char *conninfo, const char *username, const char *password, GError **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *params[] = { username };
  McRoles roles;

  if (!check_login_name (username, error) || !check_password (password, error))
    return FALSE;
  if ((conn = connect_server (conninfo, error)) == NULL || !may_create_roles (conn, error))
    return FALSE;
  if (!exec (conn, "BEGIN; SET LOCAL ROLE motcua_owner", error))
    return rollback (conn);
  res = PQexecParams (conn, "SELECT roles, active FROM staff WHERE username = $1", 1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQresultErrorMessage (res)));

      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_FAILED, _("The server refused: %s"), reason);
      return rollback (conn);
    }
  if (PQntuples (res) != 1)
    {
      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_NOT_FOUND,
                   _("No staff member “%s” in this database: add the account first (motcua account add)"), username);
      return rollback (conn);
    }
  roles = mc_roles_from_string (PQgetvalue (res, 0, 0), NULL);
  if (!exec (conn, "RESET ROLE", error) ||
      !set_login (conn, username, password, g_str_equal (PQgetvalue (res, 0, 1), "1"), error) ||
      !set_groups (conn, username, roles, error) || !exec (conn, "COMMIT", error))
    return rollback (conn);
  return TRUE;
}

gboolean
mc_pg_server_add_board (const char *conninfo, const char *login, const char *password, GError **error)
{
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *sql = NULL;
  char *ident;
  gboolean ok;

  if (!check_login_name (login, error) || !check_password (password, error))
    return FALSE;
  if ((conn = connect_server (conninfo, error)) == NULL || !may_create_roles (conn, error))
    return FALSE;
  ident = PQescapeIdentifier (conn, login, strlen (login));
  sql = g_strdup_printf ("GRANT motcua_board TO %s", ident);
  PQfreemem (ident);
  ok = exec (conn, "BEGIN", error) && set_login (conn, login, password, TRUE, error) &&
       set_groups (conn, login, 0, error) && exec (conn, sql, error) && exec (conn, "COMMIT", error);
  return ok || rollback (conn);
}

char *
mc_pg_server_verifier (McDb *db, const char *login, const char *password, GError **error)
{
  McSqlPgConn *pg = mc_db_get_pg (db);
  char *verifier;
  char *copy;

  g_return_val_if_fail (pg != NULL, NULL);

  verifier = PQencryptPasswordConn (mc_sql_pg_get_conn (pg), password, login, "scram-sha-256");
  if (verifier == NULL)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (mc_sql_pg_get_conn (pg))));

      g_set_error (error, MC_PG_SERVER_ERROR, MC_PG_SERVER_ERROR_FAILED, _("The server refused: %s"), reason);
      return NULL;
    }
  copy = g_strdup (verifier);
  PQfreemem (verifier);
  return copy;
}
