/* mc-receipt-print.c — print preview and PDF of the counter documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing goes through GtkPrintOperation so the clerk gets the system's
 * preview and printer choice ("Print to File" gives a PDF too); the page is
 * drawn by the same function as the PDF export, in points on A4.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-receipt-print.h"

#define A4_WIDTH 595.276
#define A4_HEIGHT 841.89

typedef struct {
  McFormKind     kind;
  McReceiptData *data;
} Job;

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, Job *job)
{
  gtk_print_operation_set_n_pages (op, mc_receipt_get_n_pages (job->kind, job->data, A4_WIDTH, A4_HEIGHT));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, Job *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double sx = gtk_print_context_get_width (context) / A4_WIDTH;
  double sy = gtk_print_context_get_height (context) / A4_HEIGHT;

  cairo_save (cr);
  cairo_scale (cr, MIN (sx, sy), MIN (sx, sy));
  mc_receipt_draw_page (cr, job->kind, job->data, page, A4_WIDTH, A4_HEIGHT);
  cairo_restore (cr);
}

static void
job_free (gpointer data)
{
  g_free (data);
}

void
mc_receipt_print (GtkWindow *parent, McFormKind kind, McReceiptData *data)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Job *job = g_new0 (Job, 1);
  g_autoptr(GError) error = NULL;

  job->kind = kind;
  job->data = data;
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, data->code ? data->code : "motcua");
  g_object_set_data_full (G_OBJECT (op), "job", job, job_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("%s", error->message);
}
