/* mc-backup-guard.h — the application's automatic backups and damaged-database dialog
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-application.h"

G_BEGIN_DECLS

/* Checks the database file before the application opens it (quick_check up
 * to MC_BACKUP_START_CHECK_MAX_BYTES); a damaged one fails with
 * MC_BACKUP_ERROR_DAMAGED naming the latest good backup. */
gboolean mc_backup_guard_check          (McApplication *app, const char *db_path, GError **error);
/* For an error of mc_backup_guard_check (): a dialog that offers to restore
 * the latest good backup and then opens the application; FALSE (nothing
 * shown) for any other error. */
gboolean mc_backup_guard_offer_restore  (McApplication *app, const GError *error);
/* Once the database is open: a rotating backup every N hours (a setting)
 * written in a worker thread, and one when the application shuts down. */
void     mc_backup_guard_start          (McApplication *app);
/* Whether the automatic backups above run: on a database file, never on a
 * PostgreSQL server (pg_dump and continuous archiving there). */
gboolean mc_backup_guard_is_running     (McApplication *app);
/* Checks every table's pages in a worker thread (mc_backup_check_tables);
 * damage stops every write (mc_db_set_damaged) and says so in a dialog.
 * mc_backup_guard_start () runs it shortly after start when the start-up
 * check read only the header of a large file. */
void     mc_backup_guard_check_pages    (McApplication *app);

G_END_DECLS
