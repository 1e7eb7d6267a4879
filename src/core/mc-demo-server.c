/* mc-demo-server.c — the demo on a PostgreSQL server, built as on a file and copied
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written statement by statement, the demo took 241 s on a server for the
 * default 20.000 dossiers (about 17,5 statements a dossier, each a round
 * trip and the server's triggers; batching the events halved the
 * statements but not the time: pgsuite2's report). The same simulation into
 * a temporary SQLite file takes a few seconds, and `motcua db copy`
 * (mc-db-copy.c) moves a file's tables into a server with COPY, triggers
 * off, then compares every count and walks the audit chain there. So the
 * demo on a server is exactly the demo on a file: the same seed gives the
 * same dossiers, tickets and staff, and its audit rows are hashed with the
 * server's own key (read from audit_key, which the copy writes back
 * unchanged), so the chain verifies on the server. The logins of the
 * demo's people are made afterwards with their password
 * (mc_accounts_set_initial_passwords).
 *
 * Only the installer (a member of motcua_owner, as `db copy` requires) may
 * copy; any other administrator's demo is written statement by statement
 * as before (mc-demo.c).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "mc-db-copy.h"
#include "mc-db-private.h"
#include "mc-demo-server.h"
#include "mc-sql.h"

gboolean
mc_demo_server_may_copy (McDb *db)
{
  return mc_sql_on_server (db) &&
         mc_db_query_int (db, "SELECT (to_regrole ('motcua_owner') IS NOT NULL AND "
                              "pg_has_role (current_user, 'motcua_owner', 'MEMBER'))::int", NULL) == 1;
}

/* The server's audit key (readable by motcua_owner only), as its 32 bytes. */
static GBytes *
server_audit_key (McDb *db, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT encode (key, 'hex') FROM audit_key", error);
  unsigned char key[32];
  size_t n = 0;
  const char *hex;
  GBytes *bytes = NULL;

  if (stmt == NULL)
    return NULL;
  if (mc_db_step_row (db, stmt, error) != MC_DB_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                             _("The server holds no audit key: prepare it with motcua server init"));
      return NULL;
    }
  hex = (const char *) mc_sql_column_text (stmt, 0);
  if (hex != NULL && sodium_hex2bin (key, sizeof key, hex, strlen (hex), NULL, &n, NULL) == 0 && n == sizeof key)
    bytes = g_bytes_new (key, sizeof key);
  else
    g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                         _("The server holds no audit key: prepare it with motcua server init"));
  mc_sql_reset (stmt);
  sodium_memzero (key, sizeof key);
  return bytes;
}

static void
remove_file_set (const char *path)
{
  static const char *const sides[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (path, sides[i], NULL);

      g_unlink (side);
    }
}

gboolean
mc_demo_server_fill (McDb *db, guint n_dossiers, guint queue_days, guint32 seed, McTime now, McDemoStats *stats,
                     GError **error)
{
  g_autoptr(GBytes) key = NULL;
  g_autoptr(McDbCopyResult) result = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  McDb *lite;
  gboolean ok;

  if ((key = server_audit_key (db, error)) == NULL)
    return FALSE;
  /* Names, ID numbers and phones of the demo's people, however invented:
   * a folder only this user reads, removed whatever happens. */
  dir = g_dir_make_tmp ("motcua-demo-XXXXXX", NULL);
  if (dir == NULL)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_OPEN, _("Cannot create a temporary folder for the demo: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  path = g_build_filename (dir, "demo.sqlite", NULL);
  lite = mc_db_new_with_audit_key (path, key, error);
  ok = lite != NULL && mc_demo_fill_with_queue (lite, n_dossiers, queue_days, seed, now, stats, error);
  /* Closed before the copy reads it: its WAL is then in the file. */
  g_clear_object (&lite);
  ok = ok && (result = mc_db_copy_into (path, db, key, error)) != NULL;
  remove_file_set (path);
  g_rmdir (dir);
  if (ok)
    g_debug ("demo copied to the server: %" G_GINT64_FORMAT " audit rows verified in %.1f s",
             result->audit_rows, result->seconds);
  return ok;
}
