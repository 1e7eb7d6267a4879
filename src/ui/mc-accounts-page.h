/* mc-accounts-page.h — Tài khoản: the staff accounts, for the administrator
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-account-dialog.h"
#include "mc-accounts.h"
#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_ACCOUNTS_PAGE (mc_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (McAccountsPage, mc_accounts_page, MC, ACCOUNTS_PAGE, AdwBin)

McAccountsPage  *mc_accounts_page_new         (McApplication *app);
void             mc_accounts_page_reload      (McAccountsPage *self);
guint            mc_accounts_page_get_n_accounts (McAccountsPage *self);
McStaff         *mc_accounts_page_get_account (McAccountsPage *self, guint position);
/* Selects the account with this user name; FALSE when it is not listed. */
gboolean         mc_accounts_page_select      (McAccountsPage *self, const char *username);
/* The dialog the add / edit / password actions opened, while it is open. */
McAccountDialog *mc_accounts_page_get_dialog  (McAccountsPage *self);
/* "Đang hoạt động", "Bị khóa đến …", "Đã vô hiệu hóa", "Chưa có mật khẩu". */
char            *mc_accounts_page_state_text  (McStaff *staff);

G_END_DECLS
