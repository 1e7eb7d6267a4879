/* mc-window.h — the main window: the areas of the app in a sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-sidebar.h"

G_BEGIN_DECLS

#define MC_TYPE_WINDOW (mc_window_get_type ())
G_DECLARE_FINAL_TYPE (McWindow, mc_window, MC, WINDOW, AdwApplicationWindow)

McWindow   *mc_window_new            (McApplication *app);
const char *mc_window_get_page       (McWindow *self);
/* The page `name` (built now if it was not shown yet), NULL when this
 * person has no such page. */
GtkWidget  *mc_window_get_page_widget (McWindow *self, const char *name);
/* Whether the page `name` was built: pages are built when first shown. */
gboolean    mc_window_is_page_built  (McWindow *self, const char *name);
/* What the actions win.toast ("s") and win.toast-button ("(sss)": message,
 * button label, an action of the page that asked) show; pages activate
 * those actions instead of calling this. */
void        mc_window_toast          (McWindow *self, const char *message);
/* The message of the last toast shown, or NULL. */
const char *mc_window_get_last_toast (McWindow *self);
const char *mc_window_get_audit_warning (McWindow *self);
/* Whether the banner "lost the connection to the server — reconnecting" shows. */
gboolean    mc_window_is_connection_banner_shown (McWindow *self);
McSidebar  *mc_window_get_sidebar    (McWindow *self);
/* The stack of the pages (McPageSlot children named as in mc-pages.c):
 * what this person's window has, for the tests that visit every page. */
GtkStack   *mc_window_get_stack      (McWindow *self);
/* The barcode-scanner path: every key the window sees, with its time in ms.
 * Returns TRUE when the key ended a scanned dossier code (which is opened)
 * or belongs to a citizen identity card's QR (which fills in the applicant
 * on Tiếp nhận), and so must reach no widget. */
gboolean    mc_window_feed_key       (McWindow *self, guint keyval, guint32 time_ms);

G_END_DECLS
