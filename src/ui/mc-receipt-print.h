/* mc-receipt-print.h — print preview and PDF of the counter documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-receipt.h"

G_BEGIN_DECLS

/* Prints through the print dialog with its preview (GtkPrintOperation), or
 * straight to the remembered printer (see mc_receipt_print_run); the same
 * drawing as the PDF (mc_receipt_draw_page). Takes a reference on nothing:
 * `data` is copied into the operation's lifetime by the caller keeping it. */
void mc_receipt_print (GtkWindow *parent, McFormKind kind, McReceiptData *data);
/* The same, saying what happened: printed (APPLY), cancelled, or failed
 * (ERROR, with `error`). Straight to the remembered printer when the
 * preference says so, unless `ask`. */
GtkPrintOperationResult mc_receipt_print_run (GtkWindow *parent, McFormKind kind, McReceiptData *data,
                                              gboolean ask, GError **error);

G_END_DECLS
