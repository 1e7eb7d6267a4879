/* mc-ticket.c — the queue ticket on an 80 mm roll, drawn with cairo and Pango
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same layout measures (the roll's page height) and draws, so the PDF,
 * the printout and the kiosk's preview are one ticket. Sizes are in points
 * for a thermal head of 72 mm printable width on 80 mm paper (the common
 * 203 dpi kiosk printer): 4 mm side margins, the number 52 pt (about 13 mm
 * high, readable at arm's length), the text 9–13 pt.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "mc-barcode.h"
#include "mc-export-error.h"
#include "mc-format.h"
#include "mc-ticket.h"

#define MM(mm)       ((mm) * 72.0 / 25.4)
#define SIDE         MM (4)
#define TOP          MM (3)
#define BOTTOM       MM (8)   /* the cutter sits a few millimetres past the last line */
#define QR_SIZE      MM (30)
/* The receipt's family (mc-pdf-document.h MC_PDF_FONT): Liberation Serif
 * answers for it, with every Vietnamese diacritic. */
#define FAMILY       "Times New Roman"

/* One block of text across the width; returns the y below it. cr is
 * drawn on only when `draw`. */
static double
text_block (cairo_t *cr, gboolean draw, double y, double width, const char *markup, double size,
            PangoAlignment align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autofree char *font = g_strdup_printf ("%s, %g", FAMILY, size);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) ((width - 2 * SIDE) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_size (layout, &w, &h);
  if (draw)
    {
      cairo_move_to (cr, SIDE, y);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
  return y + (double) h / PANGO_SCALE;
}

static double
rule (cairo_t *cr, gboolean draw, double y, double width)
{
  if (draw)
    {
      cairo_save (cr);
      cairo_set_line_width (cr, 0.6);
      cairo_set_dash (cr, (double[]) { 2.0, 2.0 }, 2, 0);
      cairo_move_to (cr, SIDE, y + MM (1.5));
      cairo_line_to (cr, width - SIDE, y + MM (1.5));
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  return y + MM (3);
}

/* "08:35" (the local time of Vietnam, as mc-time reckons every time). */
static char *
time_of_day_text (McTime at)
{
  g_autofree char *iso = mc_time_to_iso (at);

  return g_strndup (iso + 11, 5);
}

/* The whole ticket; returns its height. */
static double
lay_out (cairo_t *cr, gboolean draw, const McKioskTicket *t, double width)
{
  g_autofree char *office = g_utf8_strup (t->office_name ? t->office_name : "", -1);
  g_autofree char *time_of_day = time_of_day_text (t->taken_at);
  g_autofree char *date = mc_format_date_full (mc_time_get_date (t->taken_at));
  g_autofree char *ahead = mc_format_count (t->ahead);
  g_autofree char *wait = mc_kiosk_format_wait (t->wait_seconds);
  g_autofree char *m = NULL;
  double y = TOP;

  cairo_set_source_rgb (cr, 0, 0, 0);
  m = g_markup_printf_escaped ("<b>%s</b>", office);
  y = text_block (cr, draw, y, width, m, 10.5, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  if (t->unit_name && *t->unit_name)
    {
      m = g_markup_escape_text (t->unit_name, -1);
      y = text_block (cr, draw, y, width, m, 9.5, PANGO_ALIGN_CENTER);
      g_clear_pointer (&m, g_free);
    }
  y = rule (cr, draw, y, width);
  m = g_markup_escape_text (_("QUEUE NUMBER"), -1);
  y = text_block (cr, draw, y, width, m, 11, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  m = g_markup_printf_escaped ("<b>%s</b>", t->label);
  y = text_block (cr, draw, y - MM (1), width, m, 52, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  m = g_markup_printf_escaped ("<b>%s</b>", t->service);
  y = text_block (cr, draw, y, width, m, 13, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  if (t->priority != MC_QUEUE_PRIORITY_NONE)
    {
      /* Translators: the priority category printed on a ticket, e.g. "Priority: elderly". */
      m = g_markup_printf_escaped (_("Priority: %s"), mc_queue_priority_label (t->priority));
      y = text_block (cr, draw, y, width, m, 11, PANGO_ALIGN_CENTER);
      g_clear_pointer (&m, g_free);
    }
  y = rule (cr, draw, y, width);
  /* Translators: when the ticket was taken, "Taken at 08:35"; the date follows on the next line. */
  m = g_markup_printf_escaped (_("Taken at %s"), time_of_day);
  y = text_block (cr, draw, y, width, m, 10, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  m = g_markup_escape_text (date, -1);
  y = text_block (cr, draw, y, width, m, 10, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  m = g_markup_printf_escaped (_("People waiting ahead of you: <b>%s</b>"), ahead);
  y = text_block (cr, draw, y + MM (1), width, m, 10.5, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  /* The label and the figure on lines of their own: "đang cập nhật" or
   * "khoảng 1 giờ 10 phút" would not fit beside it on 72 mm. */
  m = g_markup_escape_text (_("Estimated wait:"), -1);
  y = text_block (cr, draw, y, width, m, 10.5, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  m = g_markup_printf_escaped ("<b>%s</b>", wait);
  y = text_block (cr, draw, y, width, m, 12, PANGO_ALIGN_CENTER);
  g_clear_pointer (&m, g_free);
  y += MM (2);
  if (draw)
    mc_barcode_draw (cr, MC_BARCODE_QR, t->qr, (width - QR_SIZE) / 2, y, QR_SIZE, QR_SIZE, NULL);
  y += QR_SIZE + MM (1);
  m = g_markup_printf_escaped ("<b><i>%s</i></b>", _("Please wait for your number to be called"));
  y = text_block (cr, draw, y, width, m, 12, PANGO_ALIGN_CENTER);
  return y + BOTTOM;
}

double
mc_ticket_get_height (const McKioskTicket *ticket, double width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (ticket != NULL, 0);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  height = lay_out (cr, FALSE, ticket, width);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
mc_ticket_draw (cairo_t *cr, const McKioskTicket *ticket, double width)
{
  g_return_if_fail (cr != NULL && ticket != NULL);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, mc_ticket_get_height (ticket, width));
  cairo_fill (cr);
  lay_out (cr, TRUE, ticket, width);
  cairo_restore (cr);
}

gboolean
mc_ticket_write_pdf (const McKioskTicket *ticket, const char *path, McOutputFileFlags flags, GError **error)
{
  g_autofree char *tmp = NULL;
  double height;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (ticket != NULL && path != NULL, FALSE);
  if (!mc_barcode_validate (ticket->qr, error) || (tmp = mc_output_file_begin (path, flags, error)) == NULL)
    return FALSE;
  height = mc_ticket_get_height (ticket, MC_TICKET_PAPER_WIDTH);
  surface = cairo_pdf_surface_create (tmp, MC_TICKET_PAPER_WIDTH, height);
  /* Translators: the PDF's title; %s is the ticket's number. */
  {
    g_autofree char *title = g_strdup_printf (_("Queue ticket %s"), ticket->label);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  }
  cr = cairo_create (surface);
  mc_ticket_draw (cr, ticket, MC_TICKET_PAPER_WIDTH);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  if (!ok)
    g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("The ticket could not be written to “%s”"), path);
  return mc_output_file_finish (tmp, path, ok, error);
}
