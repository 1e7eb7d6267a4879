/* mc-demo-server.h — the demo on a PostgreSQL server, built as on a file and copied
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-demo.h"

G_BEGIN_DECLS

/* TRUE when `db` is a server and its login is the installer's (a member of
 * motcua_owner): the demo may then be built on a file and copied. */
gboolean mc_demo_server_may_copy (McDb *db);

/* mc_demo_fill_with_queue's demo built into a temporary SQLite file hashed
 * with the server's audit key, then copied into the empty server `db`
 * (mc_db_copy_into: COPY, counts compared, chain verified). */
gboolean mc_demo_server_fill     (McDb *db, guint n_dossiers, guint queue_days, guint32 seed, McTime now,
                                  McDemoStats *stats, GError **error);

G_END_DECLS
