/* mc-login-window.h — first run (the administrator's account) and signing in
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-window.h"

G_BEGIN_DECLS

#define MC_TYPE_LOGIN_WINDOW (mc_login_window_get_type ())
G_DECLARE_FINAL_TYPE (McLoginWindow, mc_login_window, MC, LOGIN_WINDOW, AdwApplicationWindow)

/* first_run: "Tạo tài khoản quản trị" instead of signing in. */
McLoginWindow *mc_login_window_new          (McApplication *app, gboolean first_run);
gboolean       mc_login_window_is_first_run (McLoginWindow *self);
/* What a person types, for tests: the sign-in fields… */
void           mc_login_window_fill         (McLoginWindow *self, const char *username, const char *password);
/* …or the first run's. */
void           mc_login_window_fill_first_run (McLoginWindow *self, const char *username, const char *full_name,
                                               const char *password, const char *again);
/* …or the new password a person must choose (typed twice). */
void           mc_login_window_fill_new_password (McLoginWindow *self, const char *password, const char *again);
/* What Enter and the button do: signs in (or creates the administrator and
 * signs in), then opens the main window and destroys this one, which is
 * returned; NULL with the error, also shown in the window. An account that
 * must change its password gets NULL without an error and the window asks
 * for the new one; submitted, it opens the main window. */
McWindow      *mc_login_window_submit       (McLoginWindow *self, GError **error);
/* Signed in, waiting for the new password before the main window. */
gboolean       mc_login_window_is_changing_password (McLoginWindow *self);
/* The message shown under the fields ("" when none). */
const char    *mc_login_window_get_message  (McLoginWindow *self);

G_END_DECLS
