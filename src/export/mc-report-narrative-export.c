/* mc-report-narrative-export.c — BÁO CÁO in the NĐ 30/2020 layout: the
 * issuing body and under it "Số: …/BC-UBND", the Quốc hiệu, Tiêu ngữ and
 * under them place and date on the number's line, "BÁO CÁO" and its subject
 * with a rule under it, "Kính gửi:" (when sent to a higher body), the body (13 pt, justified, first
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

static gboolean
is_heading (const char *line)
{
  const char *p = line;

  while (*p == 'I' || *p == 'V' || *p == 'X')
    p++;
  return p > line && *p == '.';
}

#define PARAGRAPH_AFTER 6.0  /* mc_pdf_document_paragraph's space after */

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
        mc_pdf_document_keep_with_next (pdf, PARAGRAPH_AFTER + MC_PDF_CLOSING_SPACE + keep);
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

static void
lay_out (McPdfDocument *pdf, gconstpointer data)
{
  const McReportNarrative *n = data;
  const char *bodies[] = { n->parent ? n->parent : n->issuer, n->parent ? n->issuer : NULL, NULL };
  g_autofree char *subject = g_markup_printf_escaped ("<b>%s</b>", n->subject);
  double height;

  mc_report_pdf_audit_note (pdf, n->audit_head, n->rules_note);
  /* The number is left for the records clerk to write when the report is
   * registered (văn thư cấp số); NĐ 30 II.3.c puts it under the issuer on
   * the line of place and date. */
  mc_pdf_document_header_numbered (pdf, bodies, "Số:        /BC-UBND", n->place[0] ? n->place : MC_RECORDS_BLANK,
                                   n->date);
  mc_pdf_document_space (pdf, 12);
  mc_pdf_document_text (pdf, "<b>BÁO CÁO</b>", 14, MC_PDF_TEXT_CENTER);
  mc_pdf_document_text_with_rule (pdf, subject, 14, MC_PDF_TEXT_PLAIN);
  mc_pdf_document_space (pdf, 10);
  if (n->addressee != NULL && n->addressee[0] != '\0')
    {
      g_autofree char *to = g_markup_printf_escaped ("Kính gửi: %s", n->addressee);

      mc_pdf_document_text (pdf, to, 14, MC_PDF_TEXT_CENTER);
      mc_pdf_document_space (pdf, 10);
    }
  height = mc_pdf_document_closing_height (pdf, n->recipients, n->authority, n->signer);
  body (pdf, n->body, height);
  mc_pdf_document_closing (pdf, n->recipients, n->authority, n->signer);
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
