/* mc-account-dialog.h — add or edit a staff account, or set its password
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-accounts.h"
#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_ACCOUNT_DIALOG (mc_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McAccountDialog, mc_account_dialog, MC, ACCOUNT_DIALOG, AdwWindow)

typedef enum {
  MC_ACCOUNT_DIALOG_ADD,       /* a new account with its first password */
  MC_ACCOUNT_DIALOG_EDIT,      /* name, title, department, roles */
  MC_ACCOUNT_DIALOG_PASSWORD,  /* a new password, typed twice */
} McAccountDialogMode;

#define MC_TYPE_ACCOUNT_DIALOG_MODE (mc_account_dialog_mode_get_type ())
GType mc_account_dialog_mode_get_type (void);

/* The properties "application", "mode" and "staff" (construct-only);
 * `staff` is NULL to add. */
McAccountDialog    *mc_account_dialog_new      (McApplication *app, McAccountDialogMode mode, McStaff *staff);
McAccountDialogMode mc_account_dialog_get_mode (McAccountDialog *self);
/* What a person types, for tests; NULL leaves a field as it is. */
void                mc_account_dialog_fill     (McAccountDialog *self, const char *username, const char *full_name,
                                                const char *title, const char *department_code, McRoles roles,
                                                const char *password);
/* One's own password: the current one, asked first. */
void                mc_account_dialog_fill_current (McAccountDialog *self, const char *password);
/* The switch "change password at next sign-in" (add and edit). */
void                mc_account_dialog_set_must_change (McAccountDialog *self, gboolean must_change);
/* The Save button: writes through McAccounts (so core's checks apply),
 * emits ::saved and closes; on failure the dialog stays open with core's
 * message. */
gboolean            mc_account_dialog_save     (McAccountDialog *self, GError **error);
const char         *mc_account_dialog_get_message (McAccountDialog *self);

G_END_DECLS
