/* mc-kiosk-window.h — the ticket kiosk's full-screen window (`motcua kiosk`)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-db.h"

G_BEGIN_DECLS

#define MC_TYPE_KIOSK_WINDOW (mc_kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (McKioskWindow, mc_kiosk_window, MC, KIOSK_WINDOW, GtkWindow)

/* The kiosk on `db`, which it turns into a kiosk-mode connection
 * (mc_db_set_kiosk): tickets and look-ups only. `settings` (may be NULL):
 * the printer, the PDF folder, the monitor. */
GtkWidget  *mc_kiosk_window_new          (McDb *db, GSettings *settings);
/* A key as a keyboard-wedge scanner types it: printable characters gather,
 * Enter looks the code up (from any page). TRUE when the key was used. */
gboolean    mc_kiosk_window_feed_key     (McKioskWindow *self, guint keyval);
/* Takes a ticket of the service as its button does, with the priority
 * chosen on the home page; FALSE when it was refused (shown). */
gboolean    mc_kiosk_window_take         (McKioskWindow *self, gint64 service_id);
/* The visible page: "home", "ticket", "lookup", "result" or "offline". */
const char *mc_kiosk_window_get_page     (McKioskWindow *self);
/* Tickets go through the print operation's export to this PDF instead of
 * the printer (the tests). */
void        mc_kiosk_window_set_print_export (McKioskWindow *self, const char *path);

/* `motcua [--db PATH] kiosk`: the application around the window. */
int         mc_kiosk_window_main         (int argc, char **argv);

G_END_DECLS
