/* mc-report-narrative-export.c — BÁO CÁO in the NĐ 30/2020 layout: the
 * issuing body and the Quốc hiệu, Tiêu ngữ, "Số: …/BC-UBND", place and date,
 * "BÁO CÁO" and its subject, "Kính gửi:", the body (13 pt, justified, first
 * line indented; headings "I. …" in bold), then "Nơi nhận:" on the left
 * level with the signer's authority on the right, room to sign and stamp
 * and the signer's name
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-export-file.h"
#include "mc-pdf-document.h"
#include "mc-records-private.h"
#include "mc-report-export-private.h"
#include "mc-report-narrative-export.h"

#define SIGN_ROOM 80.0   /* points to sign and stamp */

static gboolean
is_heading (const char *line)
{
  const char *p = line;

  while (*p == 'I' || *p == 'V' || *p == 'X')
    p++;
  return p > line && *p == '.';
}

static void
body (McPdfDocument *pdf, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (int i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      g_autofree char *escaped = NULL;

      if (*line == '\0')
        continue;
      escaped = g_markup_escape_text (line, -1);
      if (is_heading (line))
        {
          g_autofree char *bold = g_strdup_printf ("<b>%s</b>", escaped);

          mc_pdf_document_text (pdf, bold, 13, MC_PDF_TEXT_JUSTIFY | MC_PDF_TEXT_INDENT);
          mc_pdf_document_space (pdf, 6);
        }
      else
        mc_pdf_document_paragraph (pdf, escaped);
    }
}

/* Nơi nhận (left half) level with the authority, the room to sign and the
 * name (right half), kept together. */
static void
closing (McPdfDocument *pdf, const McReportNarrative *n)
{
  double half = mc_pdf_document_get_content_width (pdf) / 2;
  g_autofree char *list = g_markup_escape_text (n->recipients, -1);
  g_autofree char *left_markup = g_strdup_printf ("<b><i>Nơi nhận:</i></b>\n<span size='11pt'>%s</span>", list);
  g_autofree char *authority = g_markup_printf_escaped ("<b>%s</b>", n->authority);
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", n->signer);
  g_autoptr(PangoLayout) left = mc_pdf_document_create_layout (pdf, left_markup, 12, MC_PDF_TEXT_PLAIN, half);
  g_autoptr(PangoLayout) head = mc_pdf_document_create_layout (pdf, authority, 14, MC_PDF_TEXT_CENTER, half);
  g_autoptr(PangoLayout) sign = mc_pdf_document_create_layout (pdf, name, 14, MC_PDF_TEXT_CENTER, half);
  int lh, hh, sh;
  double top, right_height;
  cairo_t *cr;

  pango_layout_get_size (left, NULL, &lh);
  pango_layout_get_size (head, NULL, &hh);
  pango_layout_get_size (sign, NULL, &sh);
  right_height = (hh + sh) / (double) PANGO_SCALE + SIGN_ROOM;
  mc_pdf_document_space (pdf, 10);
  top = mc_pdf_document_place (pdf, MAX (lh / (double) PANGO_SCALE, right_height));
  if ((cr = mc_pdf_document_get_cairo (pdf)) == NULL)
    return;
  cairo_move_to (cr, MC_PDF_MARGIN_LEFT, top);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MC_PDF_MARGIN_LEFT + half, top);
  pango_cairo_show_layout (cr, head);
  cairo_move_to (cr, MC_PDF_MARGIN_LEFT + half, top + hh / (double) PANGO_SCALE + SIGN_ROOM);
  pango_cairo_show_layout (cr, sign);
}

static void
lay_out (McPdfDocument *pdf, gconstpointer data)
{
  const McReportNarrative *n = data;
  const char *bodies[] = { n->parent ? n->parent : n->issuer, n->parent ? n->issuer : NULL, NULL };
  g_autofree char *subject = g_markup_printf_escaped ("<b>%s</b>", n->subject);

  mc_pdf_document_header (pdf, bodies, n->place[0] ? n->place : MC_RECORDS_BLANK, n->date);
  mc_pdf_document_text (pdf, "Số:        /BC-UBND", 13, MC_PDF_TEXT_PLAIN);
  mc_pdf_document_space (pdf, 12);
  mc_pdf_document_text (pdf, "<b>BÁO CÁO</b>", 14, MC_PDF_TEXT_CENTER);
  mc_pdf_document_text (pdf, subject, 14, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (pdf, 10);
  if (n->addressee != NULL && n->addressee[0] != '\0')
    {
      g_autofree char *to = g_markup_printf_escaped ("Kính gửi: %s", n->addressee);

      mc_pdf_document_text (pdf, to, 14, MC_PDF_TEXT_CENTER);
      mc_pdf_document_space (pdf, 10);
    }
  body (pdf, n->body);
  closing (pdf, n);
}

McRecordsPages *
mc_report_narrative_record_pages (const McReportNarrative *n, GError **error)
{
  g_return_val_if_fail (n != NULL, NULL);

  return mc_records_pages_new (lay_out, n, MC_PDF_PAGE_WIDTH, MC_PDF_PAGE_HEIGHT, NULL, error);
}

static gboolean
check_texts (const McReportNarrative *n, GError **error)
{
  const char *texts[] = { n->issuer, n->place, n->subject, n->addressee, n->body, n->recipients, n->authority,
                          n->signer };

  return mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error);
}

gboolean
mc_report_narrative_write_pdf (const McReportNarrative *n, const char *path, GError **error)
{
  g_return_val_if_fail (n != NULL && path != NULL, FALSE);

  return check_texts (n, error) &&
         mc_report_pdf_write (path, "Báo cáo", lay_out, n, MC_PDF_PAGE_WIDTH, MC_PDF_PAGE_HEIGHT, error);
}

gboolean
mc_report_narrative_write_text (const McReportNarrative *n, const char *path, GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (n != NULL && path != NULL, FALSE);

  if (!check_texts (n, error))
    return FALSE;
  text = g_strdup_printf ("BÁO CÁO\n%s\n\n%s\n", n->subject, n->body);
  return mc_export_file_set_contents (path, text, -1, error);
}
