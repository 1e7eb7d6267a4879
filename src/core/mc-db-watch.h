/* mc-db-watch.h — commits of other processes to a SQLite file, told as changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-changes.h"
#include "mc-db.h"

G_BEGIN_DECLS

#define MC_TYPE_DB_WATCH (mc_db_watch_get_type ())
G_DECLARE_FINAL_TYPE (McDbWatch, mc_db_watch, MC, DB_WATCH, GObject)

/* Watches the file at `path` from the thread-default main context and
 * emits (MC_CHANGE_ALL, 0) on `changes` when another connection committed.
 * With `db` (a connection to that file, used from this thread) only a real
 * commit is told (PRAGMA data_version moved); without one, every write to the
 * file is, and the listener tells a real change by its own data_version. */
McDbWatch *mc_db_watch_new           (const char *path, McDb *db, McChanges *changes);
/* Whether the directory could be watched; otherwise data_version is read
 * every MC_DB_WATCH_POLL_SECONDS. */
gboolean   mc_db_watch_is_monitoring (McDbWatch *self);

#define MC_DB_WATCH_POLL_SECONDS 2

G_END_DECLS
