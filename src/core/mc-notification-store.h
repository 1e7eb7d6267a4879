/* mc-notification-store.h — the signed-in person's notifications: list, count, read, the overdue check
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function acts for the connection's actor (mc_db_get_actor): a
 * person sees and marks only their own notifications, whatever asks.
 */
#pragma once

#include <gio/gio.h>

#include "mc-db.h"
#include "mc-notification.h"

G_BEGIN_DECLS

/* How many the bell's list and `motcua notifications list` show. */
#define MC_NOTIFICATION_LIST_MAX 50
/* The unread count is counted up to this (the badge says "99+" beyond 99). */
#define MC_NOTIFICATION_COUNT_MAX 1000
/* The overdue check looks back this many days: older overdue dossiers are
 * in the inbox with their "quá hạn" chip; the bell tells what became
 * overdue lately (and a first sign-in after months writes a week, not
 * years). */
#define MC_NOTIFICATION_OVERDUE_DAYS 7

/* The newest first, at most `limit`; `n_total` (may be NULL) how many
 * there are in all (unread only, with `unread_only`). */
GPtrArray  *mc_notification_list          (McDb *db, gboolean unread_only, guint limit, guint *n_total,
                                           GError **error);  /* McNotification* */
gboolean    mc_notification_count_unread  (McDb *db, guint *n, GError **error);
/* Marks one read; an id that is not the person's is "not found". */
gboolean    mc_notification_mark_read     (McDb *db, gint64 id, GError **error);
gboolean    mc_notification_mark_all_read (McDb *db, guint *n_marked, GError **error);
/* The time-driven kind: every dossier of the person (or of their department,
 * for a head) whose appointment passed in the last MC_NOTIFICATION_OVERDUE_DAYS
 * gets one notification, once per appointment however often this runs
 * (at sign-in and every minute). `new_codes` (may be NULL): the codes of the
 * dossiers notified by this run, for the desktop notification. */
gboolean    mc_notification_check_overdue (McDb *db, McTime now, GStrv *new_codes, GError **error);
/* The first `limit`, newest first, as a model that follows McChanges (a
 * notification written or read here or in another process). */
GListModel *mc_notification_list_model    (McDb *db, guint limit, GError **error);

G_END_DECLS
