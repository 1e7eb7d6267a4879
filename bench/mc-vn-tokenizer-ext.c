/* mc-vn-tokenizer-ext.c — Motcua's "vn" search tokenizer as an SQLite extension
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For bench/bench-cli-cost only: the search index (dossier_fts, tokenize =
 * 'vn', mc-fts.c) cannot be opened by the sqlite3 shell without it, so the
 * shell replays a search with `.load libmc-vn-tokenizer.so`. It links the
 * same libsqlite3 as the shell, so mc-fts.c's calls need no API table.
 */
#include "config.h"

#include <sqlite3ext.h>

#include "mc-fts-private.h"

SQLITE_EXTENSION_INIT1

int sqlite3_extension_init (sqlite3 *db, char **message, const sqlite3_api_routines *api);

int
sqlite3_extension_init (sqlite3 *db, char **message, const sqlite3_api_routines *api)
{
  SQLITE_EXTENSION_INIT2 (api);
  return mc_fts_register_vn_tokenizer (db);
}
