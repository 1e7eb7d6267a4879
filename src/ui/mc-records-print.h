/* mc-records-print.h — print (and preview) a routing document: Mẫu 04, Mẫu 05
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The export layer's pair for a document: pages in, and drawing of, a
 * width × height area (the A4 page is scaled to fit it). */
typedef int  (*McPrintCountFunc) (gconstpointer data, double width, double height);
typedef void (*McPrintDrawFunc)  (cairo_t *cr, gconstpointer data, int page, double width, double height);

/* Opens the print dialog (with its preview); takes ownership of `data`. */
void mc_records_print (GtkWindow *parent, const char *job_name, gpointer data, GDestroyNotify free_data,
                       McPrintCountFunc count, McPrintDrawFunc draw);
/* The same; with `direct` and a printer remembered from an earlier dialog,
 * prints to it without asking. Returns when done (APPLY), cancelled in the
 * dialog (CANCEL) or failed (ERROR, with `error`). */
GtkPrintOperationResult mc_records_print_run (GtkWindow *parent, const char *job_name, gpointer data,
                                              GDestroyNotify free_data, McPrintCountFunc count,
                                              McPrintDrawFunc draw, gboolean direct, GError **error);
/* The same on A5 paper when `a5` (the forms Thông tư 01/2018 prints so,
 * mc-form-paper.h), A4 otherwise: the page setup the dialog starts from. */
void mc_records_print_on (GtkWindow *parent, const char *job_name, gpointer data, GDestroyNotify free_data,
                          McPrintCountFunc count, McPrintDrawFunc draw, gboolean a5);
GtkPrintOperationResult mc_records_print_run_on (GtkWindow *parent, const char *job_name, gpointer data,
                                                 GDestroyNotify free_data, McPrintCountFunc count,
                                                 McPrintDrawFunc draw, gboolean direct, gboolean a5,
                                                 GError **error);

G_END_DECLS
