/* mc-pg-schema-private.h — the PostgreSQL schema: its numbered steps applied to a server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps are resources/sql/pg/NNNN-*.sql, one per SQLite migration with
 * the same number and meaning (tests/test-pg-steps.c checks the two lists
 * match). The version applied is the one row of the table schema_version
 * (as PRAGMA user_version on SQLite). Only core's storage files include
 * this header: it names libpq.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The number of steps this program knows (= mc_db_get_latest_version ()). */
int       mc_pg_schema_get_latest_version (void);
/* The resource path of step `version` (1-based), or NULL. */
const char *mc_pg_schema_get_step         (int version);
/* The version of the database on `conn`: 0 when it holds no Motcua schema,
 * -1 with `error` set when it cannot be read. */
int       mc_pg_schema_get_version        (PGconn *conn, GError **error);
/* Applies the steps after the database's version, each in its own
 * transaction (all of a step or none). Needs a user who may create roles and
 * grant on the database (`motcua server init`); two installers at once wait
 * for each other. MC_DB_ERROR_TOO_NEW when the database is newer than this
 * program; a step that fails names its file and keeps the server's reason. */
gboolean  mc_pg_schema_migrate            (PGconn *conn, GError **error);
/* The same up to `version` only (tests of a step). */
gboolean  mc_pg_schema_migrate_to         (PGconn *conn, int version, GError **error);

/* Runs `sql` (one statement or several) and returns TRUE when the server
 * accepted it; otherwise sets MC_DB_ERROR_SQL with the server's message
 * after `what`. */
gboolean  mc_pg_exec                      (PGconn *conn, const char *sql, const char *what, GError **error);

G_END_DECLS
