/* mc-receipt-print.h — print preview and PDF of the counter documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-receipt.h"

G_BEGIN_DECLS

/* Opens the print dialog with its preview (GtkPrintOperation); the same
 * drawing as the PDF (mc_receipt_draw_page). Takes a reference on nothing:
 * `data` is copied into the operation's lifetime by the caller keeping it. */
void mc_receipt_print (GtkWindow *parent, McFormKind kind, McReceiptData *data);

G_END_DECLS
