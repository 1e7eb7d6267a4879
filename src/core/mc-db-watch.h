/* mc-db-watch.h — commits of other processes (a SQLite file, a PostgreSQL server), told as changes
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
 * every MC_DB_WATCH_POLL_SECONDS. On a server (`db` a PostgreSQL
 * connection): whether it LISTENs on the connection's socket. There, a lost
 * connection is made again by the watch with back-off (McDb's "connected"
 * is FALSE meanwhile) and MC_CHANGE_ALL told once it is back. */
gboolean   mc_db_watch_is_monitoring (McDbWatch *self);
/* How many times the connection to the server was made again. */
guint      mc_db_watch_get_reconnections (McDbWatch *self);

#define MC_DB_WATCH_POLL_SECONDS 2

G_END_DECLS
