/* mc-receipt-print.c — print preview and PDF of the counter documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing goes through GtkPrintOperation so the clerk gets the system's
 * preview and printer choice ("Print to File" gives a PDF too); the page is
 * drawn by the same function as the PDF export. The operation itself is the
 * routing documents' (mc-records-print.c), so both kinds print alike and
 * remember the printer. With the "print-receipts-directly" preference, a
 * receipt goes straight to that printer once one has been chosen.
 */
#include "config.h"

#include "mc-application.h"
#include "mc-receipt-print.h"
#include "mc-records-print.h"

typedef struct {
  McFormKind     kind;
  McReceiptData *data;
} Job;

static int
count_cb (gconstpointer job, double width, double height)
{
  const Job *j = job;

  return mc_receipt_get_n_pages (j->kind, j->data, width, height);
}

static void
draw_cb (cairo_t *cr, gconstpointer job, int page, double width, double height)
{
  const Job *j = job;

  mc_receipt_draw_page (cr, j->kind, j->data, page, width, height);
}

static gboolean
prints_directly (GtkWindow *parent)
{
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;
  GSettings *settings = MC_IS_APPLICATION (app) ? mc_application_get_settings (MC_APPLICATION (app)) : NULL;

  return settings != NULL && g_settings_get_boolean (settings, "print-receipts-directly");
}

GtkPrintOperationResult
mc_receipt_print_run (GtkWindow *parent, McFormKind kind, McReceiptData *data, gboolean ask, GError **error)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->data = data;
  return mc_records_print_run_on (parent, data->code, job, g_free, count_cb, draw_cb,
                                  !ask && prints_directly (parent), mc_receipt_is_a5 (data), error);
}

void
mc_receipt_print (GtkWindow *parent, McFormKind kind, McReceiptData *data)
{
  g_autoptr(GError) error = NULL;

  if (mc_receipt_print_run (parent, kind, data, FALSE, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("%s", error->message);
}
