/* mc-backup.h — online backups, rotation, restore and the start-up check
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

#define MC_BACKUP_ERROR (mc_backup_error_quark ())
GQuark mc_backup_error_quark (void);

typedef enum {
  MC_BACKUP_ERROR_FAILED,
  MC_BACKUP_ERROR_DAMAGED,     /* quick_check / integrity_check did not say "ok" */
  MC_BACKUP_ERROR_NOT_MOTCUA,  /* not an SQLite file, or not one of ours */
  MC_BACKUP_ERROR_TOO_NEW,     /* written by a newer Motcua */
  MC_BACKUP_ERROR_BUSY,        /* another program is writing */
  MC_BACKUP_ERROR_MISSING,     /* committed work is gone (mc-commit-mark-private.h) */
} McBackupError;

/* Backups kept by default, and hours between two automatic ones. */
#define MC_BACKUP_DEFAULT_KEEP 7
#define MC_BACKUP_DEFAULT_HOURS 24

/* Copies the live database to `path` with SQLite's online backup API: written
 * under a temporary name, checked with quick_check, synced, then renamed, so
 * `path` is either the previous file or a complete, checked copy. */
gboolean   mc_backup_write          (McDb *db, const char *path, GError **error);
/* Checks that `path` is a Motcua database that this version can open:
 * integrity_check (quick_check when `quick`), our tables, a schema version not
 * newer than ours. Returns its schema version, or -1 with error set. */
int        mc_backup_check_file     (const char *path, gboolean quick, GError **error);
/* Replaces the database at `db_path` with the backup at `backup_path` (checked
 * first with integrity_check). A healthy database is overwritten through the
 * backup API in one write transaction, so other programs see either the old
 * or the new content, and a crash leaves the old one; it is refused with
 * MC_BACKUP_ERROR_BUSY while another program is writing. A damaged database
 * is first moved aside (its name returned in `set_aside`), then the backup is
 * copied in under a temporary name and renamed. Opening the result with
 * mc_db_new () brings an older schema up to date. */
gboolean   mc_backup_restore        (const char *db_path, const char *backup_path, char **set_aside,
                                     GError **error);

/* Where the backups of the database at `db_path` go: "backups" beside it,
 * which for the default database is XDG data dir/motcua/backups. */
char      *mc_backup_dir_for        (const char *db_path);
/* Writes dir/motcua-YYYYMMDD-HHMMSS.sqlite (UTC time `now`, microseconds
 * since the epoch) and keeps the newest backup of each of the `keep` latest
 * days (daily for `keep` days), deleting the others. Returns the new file's
 * path. */
char      *mc_backup_rotate         (McDb *db, const char *dir, guint keep, gint64 now, GError **error);
/* The same from the database file at `db_path`, through a connection of its
 * own: safe in a worker thread while the application writes. */
char      *mc_backup_rotate_path    (const char *db_path, const char *dir, guint keep, gint64 now,
                                     GError **error);
/* The backups in `dir`, newest first (full paths). */
GPtrArray *mc_backup_list           (const char *dir);
/* The newest backup in `dir` that passes quick_check, NULL if none. */
char      *mc_backup_find_latest_good (const char *dir);
/* The settings (mc_db_get_setting) that drive the automatic backups; 0
 * with `error` set when they could not be read. */
#define MC_BACKUP_SETTING_HOURS "backup_interval_hours"
#define MC_BACKUP_SETTING_KEEP  "backup_keep"
guint      mc_backup_get_interval_hours (McDb *db, GError **error);
guint      mc_backup_get_keep       (McDb *db, GError **error);

/* Above this size quick_check is left out of the start-up check (it reads
 * every page, ~9 ms per MB: 0.6 s here, 5.7 s at 1.2 GB); the backups check
 * every page of their copy instead, and `motcua check` does it on demand. A
 * backup that finds the copy damaged leaves the file DAMAGED in the backup
 * directory, which makes the next start-up check complete. */
#define MC_BACKUP_START_CHECK_MAX_BYTES (64 * 1024 * 1024)
#define MC_BACKUP_DAMAGED_MARK "DAMAGED"

/* Checks the database file at `path` (if it exists) before it is opened for
 * use: that SQLite can read its header and schema, and quick_check when it is
 * not larger than MC_BACKUP_START_CHECK_MAX_BYTES, when a backup left the
 * DAMAGED mark in `backup_dir`, or when `full`; and that no committed work is
 * missing (MC_BACKUP_ERROR_MISSING, mc-commit-mark-private.h). On damage the error
 * names the latest good backup in `backup_dir` (if any) and the command that
 * restores it, as it can be run: with --user and an administrator's name
 * when the database has accounts. */
gboolean   mc_backup_check_at_start (const char *path, const char *backup_dir, gboolean full,
                                     GError **error);

/* Leaves the DAMAGED mark in the backup directory of `db_path`: the next
 * start-up check (the application's or a command's) then reads every page
 * whatever the size, and so refuses the file before anything is opened,
 * until a restore removes the mark. */
void       mc_backup_mark_damaged   (const char *db_path, const char *detail);
/* The start-up check of a command (mc_db_new_for_command), on the
 * command's own connection before anything else reads the file: header,
 * schema and commit mark always, every page only when the DAMAGED mark is in
 * the backup directory — a command costs close to the SQL it runs (issue 15:
 * quick_check took 0.84 s of a lookup at 100,000 dossiers). Damage the
 * command then meets on its way is told by mc_backup_refuse_damage_met ().
 * Errors as mc_backup_check_at_start (). */
gboolean   mc_backup_check_command_db (McDb *db, GError **error);
/* A command met damaged pages (mc_db_damage_met): leaves the DAMAGED mark,
 * so that the next command's start check reads every page and refuses before
 * it runs, and sets `error` as mc_backup_check_at_start () would, naming the
 * latest good backup and the command that restores it. */
void       mc_backup_refuse_damage_met (const char *path, GError **error);

/* TRUE when the start-up check of `path` read only its header (the file is
 * larger than MC_BACKUP_START_CHECK_MAX_BYTES): the pages are left to
 * mc_backup_check_tables (), run in the background once the database is open. */
gboolean   mc_backup_start_check_was_partial (const char *path);
/* quick_check of the database file at `path`, one table (with its indexes) at
 * a time through a read-only connection of its own, so that it can run in a
 * worker thread while the clerks write and stop between two tables when
 * `cancellable` is cancelled. FALSE with MC_BACKUP_ERROR_DAMAGED naming the
 * table on damage, which also leaves the DAMAGED mark in the backup
 * directory (the next start-up check then reads every page). */
gboolean   mc_backup_check_tables   (const char *path, GCancellable *cancellable, GError **error);

/* On a PostgreSQL server (mc-backup-pg.c, issue 17 item 4). Whether
 * `path` (a --db value) names a server rather than a file. */
gboolean   mc_backup_is_server      (const char *path);
/* pg_dump --format=custom of the server `db` is connected to, written to
 * `path` through mc-output-file (0600, temporary name, renamed when whole);
 * mc_backup_write calls it for a server. Needs a login that reads every
 * table (the installer's). */
gboolean   mc_backup_pg_dump        (McDb *db, const char *path, GError **error);
/* pg_restore of `file` into the empty database at `conninfo`, in one
 * transaction with the database's grants and the audit chain verified on the
 * server (its rows in *audit_rows): a refused statement or a chain that does
 * not verify leaves the database empty. Needs the installer's login (a
 * member of motcua_owner) on a cluster that has Motcua's group roles. */
gboolean   mc_backup_pg_restore     (const char *conninfo, const char *file, gint64 *audit_rows, GError **error);

G_END_DECLS
