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

#define PARAGRAPH_AFTER 6.0  /* mc_pdf_document_paragraph's space after */

/* The body, section by section (headings "I. …" in bold); its last line
 * is kept on the page of the closing (keep: the closing's height), so that
 * the signature is never alone on a page. */
static void
body (McPdfDocument *pdf, McReportNarrative *n, double keep)
{
  guint n_sections = mc_report_narrative_get_n_sections (n);

  for (guint s = 0; s < n_sections; s++)
    {
      const McNarrativeSection *section = mc_report_narrative_get_section (n, s);
      gboolean last_section = s + 1 == n_sections;

      if (section->heading != NULL)
        {
          g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", section->heading);

          if (last_section && section->paragraphs[0] == NULL)
            mc_pdf_document_keep_with_next (pdf, PARAGRAPH_AFTER + MC_PDF_CLOSING_SPACE + keep);
          mc_pdf_document_text (pdf, bold, 13, MC_PDF_TEXT_JUSTIFY | MC_PDF_TEXT_INDENT);
          mc_pdf_document_space (pdf, PARAGRAPH_AFTER);
        }
      for (int i = 0; section->paragraphs[i]; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (section->paragraphs[i], -1);

          if (last_section && section->paragraphs[i + 1] == NULL)
            mc_pdf_document_keep_with_next (pdf, PARAGRAPH_AFTER + MC_PDF_CLOSING_SPACE + keep);
          mc_pdf_document_paragraph (pdf, escaped);
        }
    }
}

static void
lay_out (McPdfDocument *pdf, gconstpointer data)
{
  McReportNarrative *n = (McReportNarrative *) data;
  const char *issuer = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ISSUER);
  const char *parent = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_PARENT);
  const char *place = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_PLACE);
  const char *addressee = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ADDRESSEE);
  const char *recipients = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_RECIPIENTS);
  const char *authority = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_AUTHORITY);
  const char *signer = mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_SIGNER);
  const char *bodies[] = { parent ? parent : issuer, parent ? issuer : NULL, NULL };
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_TITLE));
  g_autofree char *subject = g_markup_printf_escaped ("<b>%s</b>",
                                                      mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_SUBJECT));
  double height;

  mc_report_pdf_audit_note (pdf, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_AUDIT_HEAD),
                            mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_RULES_NOTE));
  /* NĐ 30 II.3.c puts the number under the issuer on the line of place and date. */
  mc_pdf_document_header_numbered (pdf, bodies, mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_NUMBER),
                                   place && place[0] ? place : MC_RECORDS_BLANK, mc_report_narrative_get_date (n));
  mc_pdf_document_space (pdf, 12);
  mc_pdf_document_text (pdf, title, 14, MC_PDF_TEXT_CENTER);
  mc_pdf_document_text_with_rule (pdf, subject, 14, MC_PDF_TEXT_PLAIN);
  mc_pdf_document_space (pdf, 10);
  if (addressee != NULL)
    {
      g_autofree char *to = g_markup_escape_text (addressee, -1);

      mc_pdf_document_text (pdf, to, 14, MC_PDF_TEXT_CENTER);
      mc_pdf_document_space (pdf, 10);
    }
  height = mc_pdf_document_closing_height (pdf, recipients, authority, signer);
  body (pdf, n, height);
  mc_pdf_document_closing (pdf, recipients, authority, signer);
}

McRecordsPages *
mc_report_narrative_record_pages (McReportNarrative *n, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (n), NULL);

  return mc_records_pages_new (lay_out, n, MC_PDF_PAGE_WIDTH, MC_PDF_PAGE_HEIGHT, NULL, error);
}

static gboolean
check_texts (McReportNarrative *n, GError **error)
{
  const char *texts[MC_NARRATIVE_N_TEXTS + 1];

  for (int i = 0; i < MC_NARRATIVE_N_TEXTS; i++)
    texts[i] = mc_report_narrative_get_text (n, i);
  texts[MC_NARRATIVE_N_TEXTS] = mc_report_narrative_get_body (n);
  return mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error);
}

gboolean
mc_report_narrative_write_pdf (McReportNarrative *n, const char *path, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (n) && path != NULL, FALSE);

  return check_texts (n, error) &&
         mc_report_pdf_write (path, "Báo cáo", lay_out, n, MC_PDF_PAGE_WIDTH, MC_PDF_PAGE_HEIGHT, error);
}

gboolean
mc_report_narrative_write_text (McReportNarrative *n, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (MC_IS_REPORT_NARRATIVE (n) && path != NULL, FALSE);

  if (!check_texts (n, error))
    return FALSE;
  note = mc_report_audit_note (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_AUDIT_HEAD));
  text = g_strdup_printf ("%s\n%s\n\n%s\n%s%s", mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_TITLE),
                          mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_SUBJECT), mc_report_narrative_get_body (n),
                          note ? "\n" : "", note ? note : "");
  return mc_export_file_set_contents (path, text, -1, error);
}
