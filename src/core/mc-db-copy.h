/* mc-db-copy.h — moving a one-PC center's SQLite file onto its PostgreSQL server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For `motcua db copy --from center.sqlite --to postgresql://…` (issue 17,
 * item 4): the server is one `motcua server init` prepared, the connection
 * string names its installer (a member of motcua_owner). Nothing here names
 * SQLite or libpq, so the command line stays engine-free.
 */
#pragma once

#include <glib.h>

#include "mc-db.h"

G_BEGIN_DECLS

#define MC_DB_COPY_ERROR (mc_db_copy_error_quark ())
GQuark mc_db_copy_error_quark (void);

typedef enum {
  MC_DB_COPY_ERROR_SOURCE,     /* the SQLite file cannot be opened or read */
  MC_DB_COPY_ERROR_CONNECT,    /* the server could not be reached or refused the sign-in */
  MC_DB_COPY_ERROR_VERSION,    /* the file and the server are not at the same schema version */
  MC_DB_COPY_ERROR_PRIVILEGE,  /* the user is not the server's installer (motcua_owner) */
  MC_DB_COPY_ERROR_NOT_EMPTY,  /* the server already holds a center's data */
  MC_DB_COPY_ERROR_KEY,        /* the file's audit key cannot be read */
  MC_DB_COPY_ERROR_MISMATCH,   /* a table's count or the audit chain differ after the copy */
  MC_DB_COPY_ERROR_FAILED,     /* the server refused a statement or a row */
} McDbCopyError;

/* One table copied: its name and rows (the same on both sides). */
typedef struct {
  char   *table;
  gint64  rows;
} McDbCopyTable;

typedef struct {
  GPtrArray *tables;          /* McDbCopyTable, in the order copied (parents first) */
  gint64     audit_rows;      /* rows of the audit chain verified on the server */
  GStrv      without_login;   /* active staff with no login role on the server yet */
  double     seconds;         /* wall time of the copy, verification included */
} McDbCopyResult;

void mc_db_copy_result_free (McDbCopyResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDbCopyResult, mc_db_copy_result_free)

/* Called after each table with its rows copied. */
typedef void (*McDbCopyProgress) (const char *table, gint64 rows, gpointer user_data);

/* Copies every table of the SQLite file at `sqlite_path` (opened read-only)
 * into the server at `conninfo`, parents before children, in one
 * transaction: the rows as they are (ids, codes, the audit chain's hashes),
 * the server's identity sequences set after the highest id, the server's
 * audit key replaced by the file's (`key_path`, NULL: mc_audit_key_path ())
 * so the chain it copied verifies there. Then each table's count is compared
 * and the chain walked on the server (mc_audit_verify ()); any difference
 * rolls everything back. Refuses a server that already holds dossiers,
 * units, procedures or staff other than its first administrator. */
McDbCopyResult *mc_db_copy (const char *sqlite_path, const char *conninfo, const char *key_path,
                            McDbCopyProgress progress, gpointer user_data, GError **error);

/* The same into the database `server` is connected to, over its own
 * connection (its login and password, none typed again; it must be the
 * installer's), the file's audit key given as its 32 bytes; a catalog
 * already there is replaced too (no dossiers nor staff may be). For the demo
 * on a server (mc-demo-server.c), built into a temporary file first. */
McDbCopyResult *mc_db_copy_into (const char *sqlite_path, McDb *server, GBytes *audit_key, GError **error);

G_END_DECLS
