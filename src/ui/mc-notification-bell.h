/* mc-notification-bell.h — the bell of the main window: what concerns the signed-in person
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_NOTIFICATION_BELL (mc_notification_bell_get_type ())
G_DECLARE_FINAL_TYPE (McNotificationBell, mc_notification_bell, MC, NOTIFICATION_BELL, AdwBin)

/* Made at sign-in (the main window's header): checks the person's overdue
 * dossiers now and every minute. */
McNotificationBell *mc_notification_bell_new          (McApplication *app);
/* The overdue check at `now`: new notifications of it also go to the
 * desktop, once; how many were new. */
guint               mc_notification_bell_check        (McNotificationBell *self, McTime now);
/* Property "n-unread"; the badge says it ("99+" beyond 99), hidden at 0. */
guint               mc_notification_bell_get_n_unread (McNotificationBell *self);
const char         *mc_notification_bell_get_badge    (McNotificationBell *self);
/* For the tests: the popover's list (a row per notification) and the button. */
GtkListBox         *mc_notification_bell_get_list     (McNotificationBell *self);
GtkMenuButton      *mc_notification_bell_get_button   (McNotificationBell *self);

G_END_DECLS
