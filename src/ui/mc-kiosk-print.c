/* mc-kiosk-print.c — the kiosk's ticket on the thermal printer, without a dialog
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkPrintOperation on a custom paper size (GtkPaperSize 80 mm × the
 * ticket's height) with no margins, run with GTK_PRINT_OPERATION_ACTION_PRINT
 * so that it goes to the printer without asking; the page is drawn by the
 * one ticket renderer (src/export/mc-ticket.c), scaled from points to the
 * printer's context. Roll printers' CUPS drivers (ESC/POS, e.g. the
 * printer-driver-escpr or vendors' rastertoXX filters) cut the roll after
 * the page when its length is the content's.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-kiosk-print.h"
#include "mc-ticket.h"

#define POINTS_PER_MM (72.0 / 25.4)

GtkPaperSize *
mc_kiosk_print_paper_size (const McKioskTicket *ticket)
{
  double height = mc_ticket_get_height (ticket, MC_TICKET_PAPER_WIDTH);

  return gtk_paper_size_new_custom ("motcua-ticket-80mm", _("Ticket roll 80 mm"), 80.0, height / POINTS_PER_MM,
                                    GTK_UNIT_MM);
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, const McKioskTicket *ticket)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / MC_TICKET_PAPER_WIDTH;

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  mc_ticket_draw (cr, ticket, MC_TICKET_PAPER_WIDTH);
  cairo_restore (cr);
}

static GtkPageSetup *
page_setup_for (const McKioskTicket *ticket)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *paper = mc_kiosk_print_paper_size (ticket);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_MM);
  gtk_paper_size_free (paper);
  return setup;
}

gboolean
mc_kiosk_print_ticket (GtkWindow *parent, const McKioskTicket *ticket, const char *printer, const char *export_path,
                       GError **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (ticket);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPrintOperationResult result;

  g_return_val_if_fail (ticket != NULL, FALSE);
  if (printer != NULL && *printer != '\0')
    gtk_print_settings_set_printer (settings, printer);
  gtk_print_settings_set_paper_size (settings, gtk_page_setup_get_paper_size (setup));
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, 1);
  /* Translators: the print job's name; %s is the ticket's number. */
  {
    g_autofree char *job = g_strdup_printf (_("Queue ticket %s"), ticket->label);

    gtk_print_operation_set_job_name (operation, job);
  }
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), (gpointer) ticket);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation, export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                           : GTK_PRINT_OPERATION_ACTION_PRINT, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
