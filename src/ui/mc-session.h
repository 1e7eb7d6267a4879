/* mc-session.h — who is signed in at this computer, and what the windows show for them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-account-dialog.h"
#include "mc-accounts.h"
#include "mc-application.h"
#include "mc-window.h"

G_BEGIN_DECLS

/* TRUE once the database has an administrator with a password: from then on
 * the app opens on the sign-in window. */
gboolean   mc_session_is_enforced    (McApplication *app);
/* The first window for a database just opened: the sign-in window when
 * accounts are enforced, the first-run window when the database has no
 * account at all, else (an older database whose staff have no passwords)
 * the main window, as before accounts existed. Presented. */
GtkWindow *mc_session_start          (McApplication *app);
/* The staff member signed in (the database's actor), NULL when nobody is. */
McStaff   *mc_session_get_staff      (McApplication *app);
McRoles    mc_session_get_roles      (McApplication *app);
/* The username of the person at this computer: the one signed in, else
 * (accounts not enforced) the application's "who am I" choice, the
 * current-user setting; NULL when there is none. Newly allocated. */
char      *mc_session_dup_username   (McApplication *app);
/* May the person at this computer do this (core's mc_accounts_check, with
 * no department)? Everyone may while accounts are not enforced. */
gboolean   mc_session_may            (McApplication *app, McPermission permission);
/* After a successful sign-in: the main window replaces `login`. */
McWindow  *mc_session_open_main      (McApplication *app, GtkWindow *login);
/* Đăng xuất: the main windows close and the sign-in window opens. */
GtkWindow *mc_session_sign_out       (McApplication *app);
/* What a new main window shows for the signed-in staff member: their name
 * and roles in the header bar, "session.sign-out" and
 * "session.change-password" (its pages come from mc-pages.c). */
void       mc_session_setup_window   (McWindow *window, AdwHeaderBar *header);
/* Đổi mật khẩu from the user popover ("session.change-password"): the
 * dialog for one's own password (the current one first), presented;
 * NULL when nobody is signed in. */
McAccountDialog *mc_session_change_password (McWindow *window);
/* Signed in under enforced accounts, the person at the computer is the one
 * who signed in: drops the other McStaff* of `staff` (the choices of a
 * "who am I" drop-down). */
void       mc_session_restrict_staff (McApplication *app, GPtrArray *staff);

G_END_DECLS
