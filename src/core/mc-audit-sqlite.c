/* mc-audit-sqlite.c — the audit trail's SQL functions on SQLite, called by its triggers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A storage file (mc-db-sqlite-private.h): the triggers of the SQLite schema call
 * mc_audit_hash (…), mc_actor (), mc_audit_on () and mc_now (), which are
 * these C functions registered on every connection McDb opens.
 */
#include "config.h"

#include "mc-db-sqlite-private.h"

static void
hash_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  McDb *db = sqlite3_user_data (ctx);
  GBytes *key = mc_db_get_audit_keyed (db) ? mc_db_get_audit_key (db) : NULL;
  char *hash = mc_audit_compute_hash (key, (const char *) sqlite3_value_text (argv[0]), sqlite3_value_int64 (argv[1]),
                                      sqlite3_value_int64 (argv[2]), sqlite3_value_type (argv[2]) != SQLITE_NULL,
                                      (const char *) sqlite3_value_text (argv[3]),
                                      (const char *) sqlite3_value_text (argv[4]), sqlite3_value_int64 (argv[5]),
                                      sqlite3_value_type (argv[5]) != SQLITE_NULL,
                                      (const char *) sqlite3_value_text (argv[6]));

  sqlite3_result_text (ctx, hash, -1, g_free);
}

static void
actor_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  gint64 actor = mc_db_get_actor (sqlite3_user_data (ctx));

  if (actor > 0)
    sqlite3_result_int64 (ctx, actor);
  else
    sqlite3_result_null (ctx);
}

static void
audit_on_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_int (ctx, !mc_db_get_audit_bulk (sqlite3_user_data (ctx)));
}

static void
now_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_int64 (ctx, g_get_real_time () / G_USEC_PER_SEC);
}

int
mc_audit_register_functions (sqlite3 *handle, McDb *db)
{
  /* Not SQLITE_DETERMINISTIC: the actor and the clock change between calls. */
  int rc = sqlite3_create_function_v2 (handle, "mc_audit_hash", 7, SQLITE_UTF8, db,
                                       hash_func, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (handle, "mc_actor", 0, SQLITE_UTF8, db, actor_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (handle, "mc_audit_on", 0, SQLITE_UTF8, db, audit_on_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (handle, "mc_now", 0, SQLITE_UTF8, NULL, now_func, NULL, NULL, NULL);
  return rc;
}

