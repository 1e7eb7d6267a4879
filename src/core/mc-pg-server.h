/* mc-pg-server.h — setting up a center's PostgreSQL server: schema, roles, logins
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For `motcua server …`: the caller passes a libpq connection string (a URI
 * postgresql://admin@host/db, "service=…", or "" for the PG* variables) of a
 * user who may create roles; nothing here names libpq, so the command line
 * stays engine-free. The schema and its roles are described in
 * resources/sql/pg/0001-schema.sql and docs/DEPLOYMENT.md.
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-staff.h"

G_BEGIN_DECLS

#define MC_PG_SERVER_ERROR (mc_pg_server_error_quark ())
GQuark mc_pg_server_error_quark (void);

typedef enum {
  MC_PG_SERVER_ERROR_CONNECT,      /* the server could not be reached or refused the sign-in */
  MC_PG_SERVER_ERROR_VERSION,      /* older than PostgreSQL 15 */
  MC_PG_SERVER_ERROR_PRIVILEGE,    /* the user may not create roles */
  MC_PG_SERVER_ERROR_NOT_EMPTY,    /* the database already holds tables */
  MC_PG_SERVER_ERROR_NOT_FOUND,    /* no such staff member */
  MC_PG_SERVER_ERROR_INVALID,      /* a name a login role cannot have */
  MC_PG_SERVER_ERROR_FAILED,       /* the server refused a statement */
} McPgServerError;

/* Creates the schema, the group roles and the first administrator (a staff
 * row with the role quan_tri and a SCRAM login role of the same name in
 * motcua_quan_tri) in an empty database. Refuses a database that holds any
 * table and a user without CREATEROLE, changing nothing. */
gboolean mc_pg_server_init      (const char *conninfo, const char *username, const char *full_name,
                                 const char *password, GError **error);
/* The login role of the staff member `username` (a row of staff): created,
 * or its password replaced; its memberships made those of the person's
 * roles (motcua_tiep_nhan …), no more; NOLOGIN for a locked account. */
gboolean mc_pg_server_add_login (const char *conninfo, const char *username, const char *password,
                                 GError **error);
/* A login for a lobby board or kiosk PC: member of motcua_board only. */
gboolean mc_pg_server_add_board (const char *conninfo, const char *login, const char *password, GError **error);

/* The SCRAM-SHA-256 verifier of `password` for the login `login`, computed
 * here (PQencryptPasswordConn on the server connection `db` holds), for
 * mc_staff_login () (resources/sql/pg/0022-staff-login.sql): the password
 * itself never reaches the server or its log. NULL with `error` set. */
char       *mc_pg_server_verifier (McDb *db, const char *login, const char *password, GError **error);

/* The group role of each function ("motcua_tiep_nhan" for MC_ROLE_RECEPTION). */
const char *mc_pg_server_role_group (McRoles role);

G_END_DECLS
