/* mc-commit-mark-private.h — the last committed audit row, kept outside the database and its WAL (storage files only)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "mc-db-sqlite-private.h"

G_BEGIN_DECLS

/* The setting holding the database's random id. */
#define MC_COMMIT_MARK_ID_KEY "database_id"

/* The side file of the database at `db_path`: "<db_path>.mark". */
char     *mc_commit_mark_path   (const char *db_path);
/* Records the newest audit row of `handle` (its id and hash, and the
 * database's id) in the side file. Called after each
 * commit: the WAL is synced by then (synchronous=FULL), so the file never
 * names a row the database could lose, except by losing part of its WAL.
 * Nothing is written while the database has no audit rows. */
gboolean  mc_commit_mark_write  (sqlite3 *handle, const char *db_path, GError **error);
/* Compares the database with its side file: FALSE (MC_BACKUP_ERROR_MISSING)
 * when rows that were committed are gone — the WAL was cut or lost, or the
 * file was replaced by an older copy by hand. A missing or unreadable side
 * file, or one written for another database (another id), is no
 * evidence of anything and passes. */
gboolean  mc_commit_mark_verify (sqlite3 *handle, const char *db_path, GError **error);

G_END_DECLS
