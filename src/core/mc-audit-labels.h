/* mc-audit-labels.h — the audit trail in words: actions, objects and details
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trail stores ids (dossier.update, sign_in, "result_ready → returned"),
 * which the hash covers and the CLI prints as they are; whatever shows a row
 * to a person names it through these functions, so the words live in one
 * place.
 */
#pragma once

#include "mc-audit.h"

G_BEGIN_DECLS

/* Every action the trail holds, from the triggers of migration 5 and the
 * calls to mc_audit_append; NULL-terminated. */
const char *const *mc_audit_known_actions         (void);
/* "Tiếp nhận hồ sơ"; an action not known reads "Thao tác khác (id)". */
const char        *mc_audit_action_to_label       (const char *action);
gboolean           mc_audit_action_has_label      (const char *action);
/* The kind of object ("dossier" → "Hồ sơ"); NULL or unknown → "". */
const char        *mc_audit_object_kind_to_label  (const char *kind);
/* The row's detail with its ids in words: states, kinds of events, roles,
 * settings, calendar days (dates as dd/mm/yyyy). */
char              *mc_audit_entry_describe        (McAuditEntry *entry);

G_END_DECLS
