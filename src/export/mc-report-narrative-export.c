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

#define PARAGRAPH_AFTER 6.0  /* mc_pdf_document_paragraph's space after */
#define CLOSING_SPACE 10.0

/* The body; its last line is kept on the page of the closing (keep: the
 * closing's height), so that the signature is never alone on a page. */
static void
body (McPdfDocument *pdf, const char *text, double keep)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  int last = -1;

  for (int i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) != '\0')
      last = i;
  for (int i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      g_autofree char *escaped = NULL;

      if (*line == '\0')
        continue;
      escaped = g_markup_escape_text (line, -1);
      if (i == last)
        mc_pdf_document_keep_with_next (pdf, PARAGRAPH_AFTER + CLOSING_SPACE + keep);
      if (is_heading (line))
        {
          g_autofree char *bold = g_strdup_printf ("<b>%s</b>", escaped);

          mc_pdf_document_text (pdf, bold, 13, MC_PDF_TEXT_JUSTIFY | MC_PDF_TEXT_INDENT);
          mc_pdf_document_space (pdf, PARAGRAPH_AFTER);
        }
      else
        mc_pdf_document_paragraph (pdf, escaped);
    }
}

/* Nơi nhận (left half), the authority and the signer's name (right half). */
typedef struct {
  PangoLayout *left, *head, *sign;
} Closing;

static void
closing_clear (Closing *c)
{
  g_clear_object (&c->left);
  g_clear_object (&c->head);
  g_clear_object (&c->sign);
}

/* The closing's layouts; returns its height. */
static double
closing_lay_out (McPdfDocument *pdf, const McReportNarrative *n, Closing *c)
{
  double half = mc_pdf_document_get_content_width (pdf) / 2;
  g_autofree char *list = g_markup_escape_text (n->recipients, -1);
  g_autofree char *left_markup = g_strdup_printf ("<b><i>Nơi nhận:</i></b>\n<span size='11pt'>%s</span>", list);
  g_autofree char *authority = g_markup_printf_escaped ("<b>%s</b>", n->authority);
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", n->signer);
  int lh, hh, sh;

  c->left = mc_pdf_document_create_layout (pdf, left_markup, 12, MC_PDF_TEXT_PLAIN, half);
  c->head = mc_pdf_document_create_layout (pdf, authority, 14, MC_PDF_TEXT_CENTER, half);
  c->sign = mc_pdf_document_create_layout (pdf, name, 14, MC_PDF_TEXT_CENTER, half);
  pango_layout_get_size (c->left, NULL, &lh);
  pango_layout_get_size (c->head, NULL, &hh);
  pango_layout_get_size (c->sign, NULL, &sh);
  return MAX (lh / (double) PANGO_SCALE, (hh + sh) / (double) PANGO_SCALE + SIGN_ROOM);
}

/* Nơi nhận (left half) level with the authority, the room to sign and the
 * name (right half), kept together. */
static void
closing (McPdfDocument *pdf, const McReportNarrative *n, Closing *c, double height)
{
  double half = mc_pdf_document_get_content_width (pdf) / 2;
  int hh;
  double top;
  cairo_t *cr;

  mc_pdf_document_space (pdf, CLOSING_SPACE);
  top = mc_pdf_document_place (pdf, height);
  if ((cr = mc_pdf_document_get_cairo (pdf)) == NULL)
    return;
  pango_layout_get_size (c->head, NULL, &hh);
  cairo_move_to (cr, MC_PDF_MARGIN_LEFT, top);
  pango_cairo_show_layout (cr, c->left);
  cairo_move_to (cr, MC_PDF_MARGIN_LEFT + half, top);
  pango_cairo_show_layout (cr, c->head);
  cairo_move_to (cr, MC_PDF_MARGIN_LEFT + half, top + hh / (double) PANGO_SCALE + SIGN_ROOM);
  pango_cairo_show_layout (cr, c->sign);
}

static void
lay_out (McPdfDocument *pdf, gconstpointer data)
{
  const McReportNarrative *n = data;
  const char *bodies[] = { n->parent ? n->parent : n->issuer, n->parent ? n->issuer : NULL, NULL };
  g_autofree char *subject = g_markup_printf_escaped ("<b>%s</b>", n->subject);
  Closing c = { NULL, };
  double height;

  mc_report_pdf_audit_note (pdf, n->audit_head, n->rules_note);
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
  height = closing_lay_out (pdf, n, &c);
  body (pdf, n->body, height);
  closing (pdf, n, &c, height);
  closing_clear (&c);
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
  g_autofree char *note = NULL;

  g_return_val_if_fail (n != NULL && path != NULL, FALSE);

  if (!check_texts (n, error))
    return FALSE;
  note = mc_report_audit_note (n->audit_head);
  text = g_strdup_printf ("BÁO CÁO\n%s\n\n%s\n%s%s", n->subject, n->body, note ? "\n" : "", note ? note : "");
  return mc_export_file_set_contents (path, text, -1, error);
}
