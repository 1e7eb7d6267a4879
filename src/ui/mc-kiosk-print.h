/* mc-kiosk-print.h — the kiosk's ticket on the thermal printer, without a dialog
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-kiosk.h"

G_BEGIN_DECLS

/* Prints `ticket` at once on `printer` (CUPS's name; NULL or "": the
 * default printer) on 80 mm roll paper as long as the ticket
 * (mc_ticket_get_height), no dialog: nobody at a kiosk answers one. With
 * `export_path` the same print operation writes that PDF instead (the
 * tests; a kiosk without a printer being set up). */
gboolean mc_kiosk_print_ticket (GtkWindow *parent, const McKioskTicket *ticket, const char *printer,
                                const char *export_path, GError **error);
/* The custom paper size of `ticket`: 80 mm wide, its height in mm. */
GtkPaperSize *mc_kiosk_print_paper_size (const McKioskTicket *ticket);

G_END_DECLS
