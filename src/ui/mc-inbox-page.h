/* mc-inbox-page.h — Xử lý hồ sơ: the dossiers waiting for a department or a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-action-dialog.h"
#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_INBOX_PAGE (mc_inbox_page_get_type ())
G_DECLARE_FINAL_TYPE (McInboxPage, mc_inbox_page, MC, INBOX_PAGE, AdwBin)

McInboxPage      *mc_inbox_page_new          (McApplication *app);
/* Reads the inbox again, keeping the selected dossier; updates the counts
 * and the badges of the navigation. */
void              mc_inbox_page_reload       (McInboxPage *self);
/* The sidebar's badges while the page is not built (McPageInfo.badges). */
void              mc_inbox_page_count_badges (McApplication *app, guint *n_waiting, guint *n_overdue);
/* department_id 0: every department; mine: only what the current user holds. */
void              mc_inbox_page_set_filter   (McInboxPage *self, gint64 department_id, gboolean mine);
guint             mc_inbox_page_get_n_items  (McInboxPage *self);
/* The dossier shown at `position` (owned by the page's model), or NULL. */
McDossier        *mc_inbox_page_get_item     (McInboxPage *self, guint position);
gboolean          mc_inbox_page_select       (McInboxPage *self, const char *code);
void              mc_inbox_page_get_counts   (McInboxPage *self, McInboxCounts *counts);
/* The dialog an action opened and that is still open, or NULL. */
McActionDialog   *mc_inbox_page_get_dialog   (McInboxPage *self);
/* The minute's check: how many dossiers of the current user's inbox became
 * overdue since the last check (the rows are read again then; the desktop
 * notification is the bell's, mc_notification_bell_check). */
guint             mc_inbox_page_check_overdue (McInboxPage *self, McTime now);

G_END_DECLS
