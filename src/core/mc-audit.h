/* mc-audit.h — the audit trail: who changed what, when, hash-chained
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are written by triggers (migration 5) in the transaction of the
 * change itself, so no code path can change a dossier, the catalog, the
 * calendar, an account or a setting without its audit row. Each row's hash
 * covers the previous row's hash and the row's own fields: an edited or
 * deleted row breaks the chain, which mc_audit_verify() finds.
 */
#pragma once

#include <sqlite3.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* The SQL functions the triggers call: mc_actor(), mc_audit_on(),
 * mc_audit_hash(…). Registered by McDb on every connection. */
int       mc_audit_register_functions (sqlite3 *handle, McDb *db);

/* Writes one row by hand, for what no trigger sees (an import's summary, a
 * personal-data export). Opens its own savepoint. */
gboolean  mc_audit_append  (McDb *db, const char *action, const char *object_kind, gint64 object_id,
                            const char *detail, GError **error);

typedef struct {
  gint64  id;
  McTime  at;
  char   *username;      /* NULL: the system or an unnamed process */
  char   *full_name;
  char   *action;        /* dossier.insert, dossier_event.insert, staff.update, … */
  char   *object_kind;
  gint64  object_id;
  char   *object_label;  /* the dossier code, the procedure code, … when known */
  char   *detail;
} McAuditEntry;

void       mc_audit_entry_free (McAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McAuditEntry, mc_audit_entry_free)

/* Newest first; every filter optional (NULL / 0). */
GPtrArray *mc_audit_list   (McDb *db, const char *username, const char *dossier_code, McTime from, McTime to,
                            guint limit, GError **error);  /* McAuditEntry* */

/* Walks the chain. FALSE with *bad_id set to the first row that does not
 * match (edited, or the row before it was deleted); error only for SQL. */
gboolean   mc_audit_verify (McDb *db, gint64 *n_rows, gint64 *bad_id, GError **error);

G_END_DECLS
