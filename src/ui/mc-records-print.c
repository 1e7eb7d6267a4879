/* mc-records-print.c — print (and preview) a routing document: Mẫu 04, Mẫu 05
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As for the receipts (mc-receipt-print.c): GtkPrintOperation gives the
 * system's preview and printer choice, "Print to File" a PDF; the page is
 * drawn by the export layer's function, the same one its PDF uses.
 */
#include "config.h"

#include "mc-records-print.h"

typedef struct {
  gpointer          data;
  GDestroyNotify    free_data;
  McPrintCountFunc  count;
  McPrintDrawFunc   draw;
} Job;

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, Job *job)
{
  gtk_print_operation_set_n_pages (op, MAX (1, job->count (job->data, gtk_print_context_get_width (context),
                                                           gtk_print_context_get_height (context))));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, Job *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_save (cr);
  job->draw (cr, job->data, page, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  cairo_restore (cr);
}

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  if (job->free_data != NULL)
    job->free_data (job->data);
  g_free (job);
}

void
mc_records_print (GtkWindow *parent, const char *job_name, gpointer data, GDestroyNotify free_data,
                  McPrintCountFunc count, McPrintDrawFunc draw)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Job *job = g_new0 (Job, 1);
  g_autoptr(GError) error = NULL;

  job->data = data;
  job->free_data = free_data;
  job->count = count;
  job->draw = draw;
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, job_name ? job_name : "motcua");
  g_object_set_data_full (G_OBJECT (op), "job", job, job_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("%s", error->message);
}
