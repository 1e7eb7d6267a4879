/* mc-ticket.h — the queue ticket printed at the kiosk: an 80 mm thermal roll
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing function for the printer (GtkPrintOperation on a custom paper
 * size, src/ui/mc-kiosk-print.c), the PDF (motcua queue ticket) and the
 * kiosk's screen: the center's name, the number (large), the service, the
 * time taken (Vietnam time, Vietnamese style), the people waiting ahead, the
 * estimated wait (mc_kiosk_wait_rule), a QR of the number, day and service,
 * and "Vui lòng chờ gọi số". No GTK here.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "mc-kiosk.h"
#include "mc-output-file.h"

G_BEGIN_DECLS

/* 80 mm roll paper (the common kiosk printer's), in points. */
#define MC_TICKET_PAPER_WIDTH (80.0 * 72.0 / 25.4)

/* The height in points the ticket takes at `width` points wide (the roll is
 * cut after it): the page height of the PDF and of the custom paper size. */
double   mc_ticket_get_height (const McKioskTicket *ticket, double width);
/* Draws the ticket with its top left at the origin, `width` points wide
 * (the layout is in points: scale the context for other units), white
 * background included. */
void     mc_ticket_draw       (cairo_t *cr, const McKioskTicket *ticket, double width);
/* One page of MC_TICKET_PAPER_WIDTH × mc_ticket_get_height, through
 * mc-output-file (no overwrite without MC_OUTPUT_FILE_FORCE). */
gboolean mc_ticket_write_pdf  (const McKioskTicket *ticket, const char *path, McOutputFileFlags flags,
                               GError **error);

G_END_DECLS
