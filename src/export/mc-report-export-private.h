/* mc-report-export-private.h — what the statutory reports' writers share
 * (Biểu 06a, the appendices and tables of McReportDocument, the narrative):
 * the XLSX workbook, its formats and page, the two signature blocks, and
 * the PDF pages laid out by one function
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "mc-pdf-document.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* Under the two signature blocks, as the forms write them. */
#define MC_REPORT_PREPARER_NOTE "(Ký, ghi rõ họ, tên)"
#define MC_REPORT_SIGNER_NOTE   "(Ký, ghi rõ họ tên, đóng dấu)"

/* NGƯỜI LẬP BIỂU on the left, the head of the unit on the right. */
typedef struct {
  const char *date;            /* "Phú Sơn, ngày … tháng … năm …" */
  const char *preparer_title;
  const char *preparer;
  const char *signer_heading;  /* may hold a "\n" (KT. … / PHÓ CHỦ TỊCH) */
  const char *signer;
} McReportSignatures;

/* "<place>, ngày … tháng … năm …"; a dotted blank for an unknown place. */
char         *mc_report_place_and_date  (const char *place, McDate date);

/* "Nhật ký hệ thống: 1234:3fa9c2d1e0b7a6f5" for a head of mc_audit_head_text,
 * NULL for none: every statutory report prints it at the foot of its pages
 * (PDF, print) and in its XLSX footer, for `motcua audit verify --against`. */
char         *mc_report_audit_note      (const char *audit_head);

/* XLSX */

typedef struct {
  lxw_format *date, *head, *note, *name;
} McReportXlsxSignFormats;

/* Times New Roman, centred vertically, wrapped; border: thin all round. */
lxw_format   *mc_report_xlsx_font       (lxw_workbook *wb, double size, gboolean bold, gboolean italic,
                                         uint8_t align, gboolean border);
void          mc_report_xlsx_sign_formats (lxw_workbook *wb, McReportXlsxSignFormats *f);
/* A style of mc_report_xlsx_font, for the figures' formats
 * (mc_xlsx_figure_formats_init (&f, wb, mc_report_xlsx_style_new, &style)). */
typedef struct {
  double   size;
  gboolean bold, italic;
  uint8_t  align;
  gboolean border;
} McReportXlsxStyle;
lxw_format   *mc_report_xlsx_style_new  (lxw_workbook *wb, gconstpointer style);
/* One cell written as is, a range merged. */
void          mc_report_xlsx_merge      (lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *text,
                                         lxw_format *f);
/* The date from row y in the right block, the blocks' headings, notes and
 * names under it; the left block is columns 0 to left_last. */
void          mc_report_xlsx_signatures (lxw_worksheet *ws, const McReportXlsxSignFormats *f,
                                         const McReportSignatures *s, int y, int left_last, int right_first,
                                         int right_last);
/* The margins in millimetres (NĐ 30/2020 Phụ lục I, Phần I, mục I.3). */
#define MC_REPORT_XLSX_MARGIN_TOP     20
#define MC_REPORT_XLSX_MARGIN_BOTTOM  20
#define MC_REPORT_XLSX_MARGIN_LEFT    30
#define MC_REPORT_XLSX_MARGIN_RIGHT   15

/* The footer: the audit note on the left in small type (the page number is
 * the header's, mc_report_xlsx_page_setup). */
void          mc_report_xlsx_footer     (lxw_worksheet *ws, const char *audit_head);
/* A4, one page wide, the decree's margins, the page number at the top
 * centre from page 2. */
void          mc_report_xlsx_page_setup (lxw_worksheet *ws, gboolean landscape);
/* The workbook is written to *tmp_path (mc-export-file) and renamed to path by
 * mc_report_xlsx_close, so a failed export leaves no truncated file. */
lxw_workbook *mc_report_xlsx_new        (const char *path, char **tmp_path, GError **error);
/* Writes and frees the workbook. */
gboolean      mc_report_xlsx_close      (lxw_workbook *wb, char *tmp_path, const char *path, GError **error);

/* PDF and print */

typedef void (*McReportLayOutFunc) (McPdfDocument *pdf, gconstpointer data);

void          mc_report_pdf_signatures  (McPdfDocument *pdf, const McReportSignatures *s);
/* Their height, to keep the table's last row with them. */
double        mc_report_pdf_signatures_height (McPdfDocument *pdf, const McReportSignatures *s);
/* The audit note and the rules line (either may be NULL) at the foot of
 * this page and every later one. */
void          mc_report_pdf_audit_note  (McPdfDocument *pdf, const char *audit_head, const char *rules_note);
/* Every page into a PDF titled title; a half-written file is removed. */
gboolean      mc_report_pdf_write       (const char *path, const char *title, McReportLayOutFunc lay_out,
                                         gconstpointer data, double page_width, double page_height,
                                         GError **error);

G_END_DECLS
