/* mc-pages.h — the pages of the main window, declared once
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-accounts.h"
#include "mc-application.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;        /* the stack child's name: win.show-page, the last-page setting */
  const char *title;       /* N_(), translated when shown */
  const char *icon_name;   /* beside the title in the sidebar */
  guint       accel_digit; /* Ctrl+digit shows it, 0 for none */
  McRoles     start_roles; /* those who start their day on it (the first page that names a role wins) */
  gboolean  (*shown)      (McApplication *app);  /* NULL: everyone's */
  GtkWidget *(*create)    (McApplication *app);
  /* NULL, or the page's sidebar badges ("n-waiting", "n-overdue") counted
   * cheaply while the page is not built (pages are built when first shown). */
  void       (*badges)    (McApplication *app, guint *n_waiting, guint *n_overdue);
} McPageInfo;

/* The pages in the order of the sidebar; `n` their number. */
const McPageInfo *mc_pages_get_all   (guint *n);
const McPageInfo *mc_pages_lookup    (const char *name);
/* The page where these roles work, the one the main window opens on:
 * the counter Tiếp nhận, specialists, heads, leaders and the records clerk
 * Xử lý hồ sơ, reporting Báo cáo, the administrator Tài khoản. NULL for no
 * role (nobody signed in). */
const char       *mc_pages_start_page (McRoles roles);
/* Adds to `stack` the pages `app`'s signed-in person may see, titled and
 * with their icons: each an McPageSlot, the page itself built when first
 * shown (mc_page_slot_get_page). */
void              mc_pages_add_to_stack (GtkStack *stack, McApplication *app);

G_END_DECLS
