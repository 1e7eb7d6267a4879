/* mc-receipt-print.c — print preview and PDF of the counter documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing goes through GtkPrintOperation so the clerk gets the system's
 * preview and printer choice ("Print to File" gives a PDF too); the page is
 * drawn by the same function as the PDF export. The operation itself is the
 * routing documents' (mc-records-print.c), so both kinds print alike.
 */
#include "config.h"

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

void
mc_receipt_print (GtkWindow *parent, McFormKind kind, McReceiptData *data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->data = data;
  mc_records_print (parent, data->code, job, g_free, count_cb, draw_cb);
}
