/* mc-audit.h — the audit trail: who changed what, when, hash-chained
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are written by triggers (migration 5) in the transaction of the
 * change itself, so no code path can change a dossier, the catalog, the
 * calendar, an account or a setting without its audit row. Each row's hash
 * covers the previous row's hash and the row's own fields: an edited or
 * deleted row breaks the chain, which mc_audit_verify() finds. From the
 * keyed migration (0009) on the hash is an HMAC-SHA256 with a key kept
 * outside the database (mc_audit_key_path), so the chain cannot be
 * recomputed by someone who holds only the file; heads recorded elsewhere
 * (mc-audit-anchor.c) catch a rewrite by someone who also holds the key.
 */
#pragma once

#include "mc-audit-entry.h"
#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_AUDIT_ERROR (mc_audit_error_quark ())
GQuark mc_audit_error_quark (void);

typedef enum {
  MC_AUDIT_ERROR_TAMPERED,  /* the trail or its triggers were changed outside Motcua */
  MC_AUDIT_ERROR_KEY,       /* the key file cannot be made or read */
  MC_AUDIT_ERROR_ANCHOR,    /* the backup or head given to check against is unusable */
} McAuditError;

/* $MOTCUA_AUDIT_KEY, else audit.key in the user's configuration folder
 * (not beside the database: the database and its backups travel together,
 * the key stays). 32 random bytes as hex, created 0600 on first use. */
char     *mc_audit_key_path (void);
/* The key (created if missing); ephemeral: a random key of this process's
 * own, for an in-memory database. */
GBytes   *mc_audit_load_key (gboolean ephemeral, GError **error);

/* Writes one row by hand, for what no trigger sees (an import's summary, a
 * personal-data export). Opens its own savepoint. */
gboolean  mc_audit_append  (McDb *db, const char *action, const char *object_kind, gint64 object_id,
                            const char *detail, GError **error);

/* Newest first; every filter optional (NULL / 0). */
GPtrArray *mc_audit_list   (McDb *db, const char *username, const char *dossier_code, McTime from, McTime to,
                            guint limit, GError **error);  /* McAuditEntry* */
/* The same, only rows newer than after_id (0: all): what a list that
 * shows the newest rows reads after a change, by key and not again in full. */
GPtrArray *mc_audit_list_after (McDb *db, const char *username, const char *dossier_code, McTime from, McTime to,
                                gint64 after_id, guint limit, GError **error);

/* The trail as a model (McObjectList of McAuditEntry), newest first and at
 * most `limit` rows (it can hold millions): filters as mc_audit_list. It
 * follows McChanges: after a change in this process it reads only the rows
 * newer than its newest (by id), inserts them at the top and drops as many
 * from the bottom (two exact items-changed); after another process's commit
 * (MC_CHANGE_ALL: it may have been a restore) it reads the page again and
 * tells only what differs. NULL with an error (MC_PERMISSION_AUDIT). */
GListModel *mc_audit_list_model (McDb *db, const char *username, const char *dossier_code, McTime from,
                                 McTime to, guint limit, GError **error);

/* Walks the chain (SHA-256 before the keyed migration, HMAC from it). FALSE
 * with *bad_id set to the first row that does not match (edited, forged, or
 * the row before it deleted); else FALSE with an MC_AUDIT_ERROR_TAMPERED
 * error when the keyed chain was removed, a head recorded at sign-in no
 * longer matches or the triggers differ (mc_audit_check_triggers); other
 * errors for SQL. */
gboolean   mc_audit_verify (McDb *db, gint64 *n_rows, gint64 *bad_id, GError **error);

/* mc-audit-anchor.c */

/* The newest row's number and full hash (0 and "" for an empty trail). */
gboolean   mc_audit_get_head        (McDb *db, gint64 *seq, char **hash, GError **error);
/* "1234:3fa9c2d1e0b7a6f5" for a printed report's footer; NULL if empty. */
char      *mc_audit_head_text       (McDb *db);
/* audit-anchors.tsv beside the key: one line a day per database. */
char      *mc_audit_anchors_path    (void);
/* At a sign-in: the head, if today's is not yet recorded for this chain. */
gboolean   mc_audit_anchor_daily    (McDb *db, GError **error);
/* Every head recorded for this chain must still match. */
gboolean   mc_audit_check_anchors   (McDb *db, GError **error);
/* After a restore of db_path: heads recorded beyond its head are dropped. */
gboolean   mc_audit_forget_anchors_after (const char *db_path, GError **error);
/* BACKUP.manifest beside a backup file, with the backup's head. */
gboolean   mc_audit_write_manifest  (const char *backup_path, GError **error);
/* A backup (each of its rows must be here unchanged), its manifest, or a
 * head "SEQ:HASH" (at least 8 hex digits) as printed on a report. */
gboolean   mc_audit_verify_against  (McDb *db, const char *against, GError **error);
/* After a legitimate change of the triggers (a migration, an import that
 * suspends them): their order is recorded in the chain. */
gboolean   mc_audit_record_triggers (McDb *db, GError **error);
/* Each difference from the triggers the migrations create, and a set
 * dropped and re-created since the chain last recorded it, in words
 * (Vietnamese); empty when none. NULL only on an SQL error. */
GPtrArray *mc_audit_check_triggers  (McDb *db, GError **error);
/* mc_audit_check_triggers as the window and the commands run it when they
 * open a database: never NULL (a failed check is one of the problems). */
GPtrArray *mc_audit_check_at_start  (McDb *db);

/* The hash of one row of the trail as `motcua audit verify` recomputes it
 * (HMAC-SHA256 with `key`, SHA-256 when NULL), for a chain written elsewhere
 * (PostgreSQL's mc_audit_verify () follows the same rule; tests/pg). */
char         *mc_audit_row_hash    (GBytes *key, const char *prev, gint64 at, gboolean has_staff, gint64 staff,
                                    const char *action, const char *kind, gboolean has_object, gint64 object_id,
                                    const char *detail);

G_END_DECLS
