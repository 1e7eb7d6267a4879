/* mc-report-export-common.c — what the statutory reports' writers share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Biểu 06a, the McReportDocument tables and the narrative are different forms
 * but the same kind of document: Times New Roman on A4, the preparer and
 * the head of the unit signing at the foot, the same pages on paper as in
 * the PDF.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-export-error.h"
#include "mc-export-file.h"
#include "mc-records-private.h"
#include "mc-report-export-private.h"
#include "mc-xlsx-file.h"
#include "mc-xlsx-header.h"

char *
mc_report_place_and_date (const char *place, McDate date)
{
  g_autofree char *day = mc_pdf_format_date (date);

  return g_strdup_printf ("%s, %s", place && place[0] ? place : MC_RECORDS_BLANK, day);
}

/* The audit trail's head when the figures were read (mc_audit_head_text),
 * printed in small type at the foot of every statutory report: anyone with
 * the paper can run "motcua audit verify --against SEQ:HASH" and find a
 * rewrite of the trail before it (issue 12, item 9). */
char *
mc_report_audit_note (const char *audit_head)
{
  return audit_head != NULL && audit_head[0] != '\0' ? g_strdup_printf ("Nhật ký hệ thống: %s", audit_head) : NULL;
}

/* XLSX */

void
mc_report_xlsx_footer (lxw_worksheet *ws, const char *audit_head)
{
  lxw_header_footer_options none = { 0 };
  g_autofree char *note = mc_report_audit_note (audit_head);
  g_autofree char *footer = note ? g_strdup_printf ("&L&6%s", note) : NULL;

  if (footer != NULL)
    worksheet_set_footer_opt (ws, footer, &none);
}

lxw_format *
mc_report_xlsx_font (lxw_workbook *wb, double size, gboolean bold, gboolean italic, uint8_t align,
                     gboolean border)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_font_name (f, "Times New Roman");
  format_set_font_size (f, size);
  format_set_align (f, align);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (f);
  if (bold)
    format_set_bold (f);
  if (italic)
    format_set_italic (f);
  if (border)
    format_set_border (f, LXW_BORDER_THIN);
  return f;
}

lxw_format *
mc_report_xlsx_style_new (lxw_workbook *wb, gconstpointer style)
{
  const McReportXlsxStyle *s = style;

  return mc_report_xlsx_font (wb, s->size, s->bold, s->italic, s->align, s->border);
}

void
mc_report_xlsx_sign_formats (lxw_workbook *wb, McReportXlsxSignFormats *f)
{
  f->head = mc_report_xlsx_font (wb, 12, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->note = mc_report_xlsx_font (wb, 12, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f->name = mc_report_xlsx_font (wb, 12, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->date = mc_report_xlsx_font (wb, 12, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
}

void
mc_report_xlsx_merge (lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *text, lxw_format *f)
{
  if (r1 == r2 && c1 == c2)
    worksheet_write_string (ws, r1, c1, text, f);
  else
    worksheet_merge_range (ws, r1, c1, r2, c2, text, f);
}

void
mc_report_xlsx_signatures (lxw_worksheet *ws, const McReportXlsxSignFormats *f, const McReportSignatures *s,
                           int y, int left_last, int right_first, int right_last)
{
  mc_report_xlsx_merge (ws, y, right_first, y, right_last, s->date, f->date);
  y++;
  mc_report_xlsx_merge (ws, y, 0, y, left_last, s->preparer_title, f->head);
  mc_report_xlsx_merge (ws, y, right_first, y, right_last, s->signer_heading, f->head);
  worksheet_set_row (ws, y, strchr (s->signer_heading, '\n') ? 32 : 16, NULL);
  mc_report_xlsx_merge (ws, y + 1, 0, y + 1, left_last, MC_REPORT_PREPARER_NOTE, f->note);
  mc_report_xlsx_merge (ws, y + 1, right_first, y + 1, right_last, MC_REPORT_SIGNER_NOTE, f->note);
  mc_report_xlsx_merge (ws, y + 5, 0, y + 5, left_last, s->preparer, f->name);
  mc_report_xlsx_merge (ws, y + 5, right_first, y + 5, right_last, s->signer, f->name);
}

/* NĐ 30/2020 Phụ lục I, Phần I, mục I.3 and I.7 (docs/LEGAL.md §5): top and bottom
 * 20–25 mm, left 30–35 mm, right 15–20 mm — the smallest of each, as the
 * PDFs (MC_PDF_MARGIN_*); the page number centred in the top margin, none
 * on page 1 (mc_report_xlsx_close rewrites the header for that). */
void
mc_report_xlsx_page_setup (lxw_worksheet *ws, gboolean landscape)
{
  if (landscape)
    worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);  /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, MC_REPORT_XLSX_MARGIN_LEFT / 25.4, MC_REPORT_XLSX_MARGIN_RIGHT / 25.4,
                         MC_REPORT_XLSX_MARGIN_TOP / 25.4, MC_REPORT_XLSX_MARGIN_BOTTOM / 25.4);
  mc_xlsx_header_page_number (ws);
}

lxw_workbook *
mc_report_xlsx_new (const char *path, char **tmp_path, GError **error)
{
  lxw_workbook *wb;

  *tmp_path = mc_export_file_begin (path, error);
  if (*tmp_path == NULL)
    return NULL;
  wb = mc_xlsx_file_new (*tmp_path, path, error);
  if (wb == NULL)
    {
      mc_export_file_abort (*tmp_path);
      g_clear_pointer (tmp_path, g_free);
    }
  return wb;
}

gboolean
mc_report_xlsx_close (lxw_workbook *wb, char *tmp_path, const char *path, GError **error)
{
  g_autofree char *tmp = tmp_path;

  if (!mc_xlsx_file_close (wb, path, error) || !mc_xlsx_header_skip_first_page (tmp, path, error))
    {
      mc_export_file_abort (tmp);
      return FALSE;
    }
  return mc_export_file_commit (tmp, path, error);
}

/* PDF and print */

static void
pdf_signature_blocks (const McReportSignatures *s, McPdfSignature *signatures)
{
  signatures[0] = (McPdfSignature) { s->preparer_title, MC_REPORT_PREPARER_NOTE, s->preparer };
  signatures[1] = (McPdfSignature) { s->signer_heading, MC_REPORT_SIGNER_NOTE, s->signer };
}

/* The head, then the time rules the figures followed (mc_report_rules_note):
 * small print, where it changes nothing of the form. The XLSX footer keeps
 * the head alone, as a footer is limited to 255 characters. */
void
mc_report_pdf_audit_note (McPdfDocument *pdf, const char *audit_head, const char *rules_note)
{
  g_autofree char *note = mc_report_audit_note (audit_head);
  g_autofree char *both = NULL;

  if (rules_note != NULL && rules_note[0] != '\0')
    both = note != NULL ? g_strdup_printf ("%s. %s", note, rules_note) : g_strdup (rules_note);
  if (both != NULL || note != NULL)
    mc_pdf_document_set_footnote (pdf, both != NULL ? both : note);
}

void
mc_report_pdf_signatures (McPdfDocument *pdf, const McReportSignatures *s)
{
  McPdfSignature signatures[2];

  pdf_signature_blocks (s, signatures);
  mc_pdf_document_signatures (pdf, signatures, 2);
}

double
mc_report_pdf_signatures_height (McPdfDocument *pdf, const McReportSignatures *s)
{
  McPdfSignature signatures[2];

  pdf_signature_blocks (s, signatures);
  return mc_pdf_document_signatures_height (pdf, signatures, 2);
}

gboolean
mc_report_pdf_write (const char *path, const char *title, McReportLayOutFunc lay_out, gconstpointer data,
                     double page_width, double page_height, GError **error)
{
  return mc_records_write_pdf (path, title, page_width, page_height, lay_out, data, NULL, error);
}
