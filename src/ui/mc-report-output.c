/* mc-report-output.c — the report page's exports and printing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page hands its McReportDocument — the one on screen — to the writers
 * of src/export (mc-report-doc.h: Biểu 06a in the form's exact layout) and
 * to printing, which draws the same pages through GtkPrintOperation.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-records-print.h"
#include "mc-report-narrative-docx.h"
#include "mc-report-output.h"

/* The pages are laid out once when the job is made and replayed for each
 * page the print operation asks for (laying the report out again per page
 * made printing cost its pages squared). */
struct _McReportPrintJob {
  McRecordsPages *pages;
  gboolean        landscape;
};

static McReportPrintJob *
print_job_new (McRecordsPages *pages, gboolean landscape)
{
  McReportPrintJob *job;

  if (pages == NULL)
    return NULL;
  job = g_new0 (McReportPrintJob, 1);
  job->pages = pages;
  job->landscape = landscape;
  return job;
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, McReportPrintJob *job)
{
  gtk_print_operation_set_n_pages (op, MAX (1, mc_records_pages_get_n_pages (job->pages)));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, McReportPrintJob *job)
{
  if (page < mc_records_pages_get_n_pages (job->pages))
    mc_records_pages_draw (job->pages, gtk_print_context_get_cairo_context (context), page,
                           gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

McReportPrintJob *
mc_report_print_job_new_doc (McReportDocument *doc, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), NULL);

  return print_job_new (mc_report_doc_record_pages (doc, error), mc_report_document_get_landscape (doc));
}

McReportPrintJob *
mc_report_print_job_new_narrative (McReportNarrative *narrative, GError **error)
{
  g_autoptr(McReportNarrative) owned = narrative;

  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (narrative), NULL);

  return print_job_new (mc_report_narrative_record_pages (narrative, error), FALSE);
}

void
mc_report_print_job_free (McReportPrintJob *job)
{
  if (job == NULL)
    return;
  mc_records_pages_free (job->pages);
  g_free (job);
}

gboolean
mc_report_print_job_run (McReportPrintJob *job, GtkWindow *parent, const char *job_name, GError **error)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (job != NULL, FALSE);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, job->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, job_name);
  g_object_set_data_full (G_OBJECT (op), "job", job, (GDestroyNotify) mc_report_print_job_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  return gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

const char *
mc_report_file_stem (McReportPageKind kind)
{
  static const char *const stems[] = { "bieu-06a", "phu-luc-cong-khai", "thong-ke-cchc", "bang-danh-gia", "bao-cao" };

  g_return_val_if_fail (kind <= MC_REPORT_PAGE_NARRATIVE, NULL);

  return stems[kind];
}

gboolean
mc_report_write_narrative (McReportNarrative *narrative, const char *format, const char *path,
                           GError **error)
{
  if (g_str_equal (format, "docx"))
    return mc_report_narrative_write_docx (narrative, path, error);
  return g_str_equal (format, "pdf") ? mc_report_narrative_write_pdf (narrative, path, error)
                                     : mc_report_narrative_write_text (narrative, path, error);
}

struct _McReportExportJob {
  McReportDocument  *doc;     /* the page's, never changed once built */
  McReportNarrative *narrative;
  char              *format;
};

McReportExportJob *
mc_report_export_job_new_table (McReportDocument *doc, const char *format)
{
  McReportExportJob *job = g_new0 (McReportExportJob, 1);

  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc) && format != NULL, NULL);

  job->doc = g_object_ref (doc);
  job->format = g_strdup (format);
  return job;
}

McReportExportJob *
mc_report_export_job_new_narrative (McReportNarrative *narrative, const char *format)
{
  McReportExportJob *job = g_new0 (McReportExportJob, 1);

  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (narrative) && format != NULL, NULL);

  job->narrative = narrative;
  job->format = g_strdup (format);
  return job;
}

void
mc_report_export_job_free (McReportExportJob *job)
{
  if (job == NULL)
    return;
  g_clear_object (&job->doc);
  g_clear_object (&job->narrative);
  g_free (job->format);
  g_free (job);
}

gboolean
mc_report_export_job_write (gconstpointer data, const char *path, const McExportMonitor *monitor, GError **error)
{
  const McReportExportJob *job = data;

  if (job->narrative != NULL)
    return mc_report_write_narrative (job->narrative, job->format, path, error);
  return mc_report_doc_write (job->doc, job->format, path, error);
}

void
mc_report_show_message (GtkWindow *parent, const char *heading, const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWindow *
parent_window (McReportPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, McReportPage *page)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    mc_report_page_start_export (page, format, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
mc_report_choose_export (McReportPage *page, const char *format, const char *name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);

  g_return_if_fail (MC_IS_REPORT_PAGE (page));

  chooser = gtk_file_chooser_native_new (_("Export Report"), parent_window (page), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), page);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
