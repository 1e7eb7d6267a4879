/* mc-audit-entry.h — one row of the audit trail (nhật ký hệ thống), as an object
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-time.h"

G_BEGIN_DECLS

#define MC_TYPE_AUDIT_ENTRY (mc_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (McAuditEntry, mc_audit_entry, MC, AUDIT_ENTRY, GObject)

/* Construct-only properties, as stored (the hash covers them): id, at,
 * username (NULL: the system or an unnamed process), full-name, action
 * (dossier.insert, sign_in, …), object-kind, object-id, object-label (the
 * dossier code, the procedure code, … when known), detail. Read-only, in
 * words (mc-audit-labels.h): time-label, person-label, action-label,
 * object-text, description. A row of the trail never changes, so nothing
 * notifies. */
McAuditEntry *mc_audit_entry_new              (gint64 id, McTime at, const char *username, const char *full_name,
                                               const char *action, const char *object_kind, gint64 object_id,
                                               const char *object_label, const char *detail);

gint64        mc_audit_entry_get_id           (McAuditEntry *self);
McTime        mc_audit_entry_get_at           (McAuditEntry *self);
const char   *mc_audit_entry_get_username     (McAuditEntry *self);
const char   *mc_audit_entry_get_full_name    (McAuditEntry *self);
const char   *mc_audit_entry_get_action       (McAuditEntry *self);
const char   *mc_audit_entry_get_object_kind  (McAuditEntry *self);
gint64        mc_audit_entry_get_object_id    (McAuditEntry *self);
const char   *mc_audit_entry_get_object_label (McAuditEntry *self);
const char   *mc_audit_entry_get_detail       (McAuditEntry *self);
/* "Nguyễn Quản Trị (admin)", or "Hệ thống" when nobody was signed in. */
char         *mc_audit_entry_dup_person       (McAuditEntry *self);
/* "Hồ sơ 000.00.06.H56-…", or the kind alone. */
char         *mc_audit_entry_dup_object       (McAuditEntry *self);

G_END_DECLS
