/* mc-audit-page.h — Nhật ký hệ thống: the audit trail, filtered, and its integrity check
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-audit.h"

G_BEGIN_DECLS

#define MC_TYPE_AUDIT_PAGE (mc_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (McAuditPage, mc_audit_page, MC, AUDIT_PAGE, AdwBin)

McAuditPage        *mc_audit_page_new          (McApplication *app);
/* Filters as a person sets them: a user name (NULL: everybody), a dossier
 * code (NULL or ""), the days from and to, both included (0: open). */
void                mc_audit_page_set_filter   (McAuditPage *self, const char *username, const char *dossier_code,
                                                McDate from, McDate to);
void                mc_audit_page_reload       (McAuditPage *self);
guint               mc_audit_page_get_n_entries (McAuditPage *self);
McAuditEntry       *mc_audit_page_get_entry    (McAuditPage *self, guint position);  /* newest first */
/* What "Kiểm tra tính toàn vẹn" does: TRUE when the chain is intact; the
 * result is shown on the page and returned by get_verify_message. */
gboolean            mc_audit_page_verify       (McAuditPage *self);
const char         *mc_audit_page_get_verify_message (McAuditPage *self);

G_END_DECLS
