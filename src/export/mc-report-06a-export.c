/* mc-report-06a-export.c — Biểu số 06a/VPCP/KSTT's layout of its McReportDocument:
 * XLSX, PDF and print
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of seed 002 (TT 01/2020/TT-VPCP): the form's number top left,
 * the title and "(Từ ngày … đến ngày …)" centred, the unit and "Đơn vị tính:
 * Số hồ sơ TTHC", the header in three rows with merged groups, the row
 * "(1) … (13)", one row per field and the total, then NGƯỜI LẬP BIỂU on the
 * left and the head of the unit on the right under the place and date.
 * Every text — the form's number and basis, the title, the period, the
 * column headings, the rows — is the document's (mc-report-document-build.c,
 * the headings from mc_report_06a_column_title): the page shows the same
 * object, so the screen and the file cannot differ. The CSV is the tables'
 * (mc-report-doc.c), whose header is the same as mc_report_06a_column_name.
 */
#include "config.h"

#include <string.h>

#include "mc-pdf-document.h"
#include "mc-records-private.h"
#include "mc-report-06a-export.h"
#include "mc-report-export-private.h"
#include "mc-xlsx-number.h"

#define TEXT(doc, which) mc_report_document_get_text ((doc), MC_REPORT_TEXT_##which)

static const McReportTable *
table_of (McReportDocument *doc)
{
  return mc_report_document_get_table (doc, 0);
}

static guint
n_columns (McReportDocument *doc)
{
  return table_of (doc)->columns->len;
}

static const McReportColumn *
column_at (McReportDocument *doc, guint c)
{
  return &g_array_index (table_of (doc)->columns, McReportColumn, c);
}

/* The first line under the title: "Đơn vị tính: Số hồ sơ TTHC". */
static const char *
unit_of_count (McReportDocument *doc)
{
  GPtrArray *info = mc_report_document_get_info (doc);

  return info->len > 0 ? info->pdata[0] : "";
}

/* The date and the two signature blocks; the date is the caller's. */
static McReportSignatures
signatures (McReportDocument *doc, const char *date)
{
  return (McReportSignatures) { date, TEXT (doc, PREPARER_TITLE), TEXT (doc, PREPARER), TEXT (doc, SIGNER_HEADING),
                                TEXT (doc, SIGNER) };
}

/* XLSX */

enum { XLSX_HEAD_ROW = 6 };

typedef struct {
  lxw_format *form;     /* the form's number, top left */
  lxw_format *title;
  lxw_format *period;
  lxw_format *unit;
  lxw_format *head;
  lxw_format *number;   /* "(1)" */
  lxw_format *cell;
  lxw_format *count;
  lxw_format *total;
  lxw_format *total_count;
  McReportXlsxSignFormats sign;
} Formats;

static void
make_formats (lxw_workbook *wb, Formats *f)
{
  f->form = mc_report_xlsx_font (wb, 11, TRUE, FALSE, LXW_ALIGN_LEFT, FALSE);
  f->title = mc_report_xlsx_font (wb, 13, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->period = mc_report_xlsx_font (wb, 12, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f->unit = mc_report_xlsx_font (wb, 12, TRUE, FALSE, LXW_ALIGN_RIGHT, FALSE);
  f->head = mc_report_xlsx_font (wb, 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->number = mc_report_xlsx_font (wb, 11, FALSE, TRUE, LXW_ALIGN_CENTER, TRUE);
  f->cell = mc_report_xlsx_font (wb, 11, FALSE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->count = mc_report_xlsx_font (wb, 11, FALSE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->total = mc_report_xlsx_font (wb, 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->total_count = mc_report_xlsx_font (wb, 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  /* The figures are numbers already; shown as the form prints them (2.501). */
  mc_xlsx_number_set_format (f->count, 0, FALSE);
  mc_xlsx_number_set_format (f->total_count, 0, FALSE);
  mc_report_xlsx_sign_formats (wb, &f->sign);
}

/* Rows 0–5: the form's number, the title, the period, the unit. */
static void
xlsx_heading (lxw_worksheet *ws, const Formats *f, McReportDocument *doc)
{
  int last = (int) n_columns (doc) - 1;

  worksheet_merge_range (ws, 0, 0, 0, 3, TEXT (doc, CORNER), f->form);
  worksheet_merge_range (ws, 1, 0, 1, 3, TEXT (doc, BASIS), f->form);
  worksheet_set_row (ws, 1, 30, NULL);
  worksheet_merge_range (ws, 2, 0, 2, last, TEXT (doc, TITLE), f->title);
  worksheet_merge_range (ws, 3, 0, 3, last, TEXT (doc, SUBTITLE), f->period);
  worksheet_merge_range (ws, 4, 0, 4, last, TEXT (doc, ISSUER), f->unit);
  worksheet_merge_range (ws, 5, 0, 5, last, unit_of_count (doc), f->period);
}

/* The last column of the run of columns from c sharing its group (or its
 * subgroup with subgroup). */
static guint
run_end (McReportDocument *doc, guint c, gboolean subgroup)
{
  const McReportColumn *col = column_at (doc, c);

  while (c + 1 < n_columns (doc) &&
         g_strcmp0 (subgroup ? column_at (doc, c + 1)->subgroup : column_at (doc, c + 1)->group,
                    subgroup ? col->subgroup : col->group) == 0)
    c++;
  return c;
}

/* One group's columns in rows r+1 and r+2: a title fills both, unless a
 * second heading ("Trong đó") is over it. */
static void
xlsx_group_titles (lxw_worksheet *ws, const Formats *f, McReportDocument *doc, int r, guint first, guint last)
{
  for (guint c = first; c <= last; c++)
    {
      const McReportColumn *col = column_at (doc, c);

      if (col->subgroup == NULL)
        {
          worksheet_merge_range (ws, r + 1, c, r + 2, c, col->title, f->head);
          continue;
        }
      if (c == first || g_strcmp0 (column_at (doc, c - 1)->subgroup, col->subgroup) != 0)
        worksheet_merge_range (ws, r + 1, c, r + 1, run_end (doc, c, TRUE), col->subgroup, f->head);
      worksheet_write_string (ws, r + 2, c, col->title, f->head);
    }
}

/* Rows 6–9: the three header rows of the form and "(1) … (13)". */
static void
xlsx_table_head (lxw_worksheet *ws, const Formats *f, McReportDocument *doc)
{
  const int r = XLSX_HEAD_ROW;
  guint n = n_columns (doc);

  for (guint c = 0; c < n; c++)
    if (column_at (doc, c)->group == NULL)
      worksheet_merge_range (ws, r, c, r + 2, c, column_at (doc, c)->title, f->head);
  for (guint c = 0; c < n; c = run_end (doc, c, FALSE) + 1)
    if (column_at (doc, c)->group != NULL)
      worksheet_merge_range (ws, r, c, r, run_end (doc, c, FALSE), column_at (doc, c)->group, f->head);
  for (guint c = 0; c < n; c = run_end (doc, c, FALSE) + 1)
    if (column_at (doc, c)->group != NULL)
      xlsx_group_titles (ws, f, doc, r, c, run_end (doc, c, FALSE));
  for (guint c = 0; c < n; c++)
    {
      char number[8];

      g_snprintf (number, sizeof number, "(%u)", c + 1);
      worksheet_write_string (ws, r + 3, c, number, f->number);
    }
  /* Runs of columns of one width are one range, as a person would set them. */
  for (guint c = 0, end; c < n; c = end + 1)
    {
      for (end = c; end + 1 < n && column_at (doc, end + 1)->xlsx_width == column_at (doc, c)->xlsx_width; end++)
        ;
      worksheet_set_column (ws, c, end, column_at (doc, c)->xlsx_width, NULL);
    }
  worksheet_set_row (ws, r + 2, 45, NULL);
  worksheet_repeat_rows (ws, r, r + 3);
}

/* A figure's cell ("2.501") as the number it is. */
static double
figure_value (const char *cell)
{
  double value = 0;
  int decimals;
  gboolean percent;

  return mc_xlsx_number_parse (cell, &value, &decimals, &percent) ? value : 0;
}

/* From row 10: one row per field, then the total (the bold row); the next free row. */
static int
xlsx_rows (lxw_worksheet *ws, const Formats *f, McReportDocument *doc)
{
  GListModel *rows = mc_report_document_get_rows (doc, 0);
  guint n = g_list_model_get_n_items (rows);
  int y = XLSX_HEAD_ROW + 4;

  for (guint r = 0; r < n; r++, y++)
    {
      g_autoptr(McReportRow) row = g_list_model_get_item (rows, r);
      gboolean total = mc_report_row_get_bold (row);

      if (total)
        worksheet_merge_range (ws, y, 0, y, 1, mc_report_row_get_cell (row, 1), f->total);
      else
        {
          worksheet_write_number (ws, y, 0, r + 1, f->count);
          worksheet_write_string (ws, y, 1, mc_report_row_get_cell (row, 1), f->cell);
        }
      for (guint c = 2; c < n_columns (doc); c++)
        worksheet_write_number (ws, y, c, figure_value (mc_report_row_get_cell (row, c)),
                                total ? f->total_count : f->count);
    }
  return y;
}

static void
xlsx_signatures (lxw_worksheet *ws, const Formats *f, McReportDocument *doc, int y)
{
  g_autofree char *date = mc_report_place_and_date (TEXT (doc, PLACE), mc_report_document_get_signed_on (doc));
  McReportSignatures s = signatures (doc, date);

  /* A row apart from the table; the form's blocks under columns (1)–(5) and (9)–(13). */
  mc_report_xlsx_signatures (ws, &f->sign, &s, y + 1, 4, 8, (int) n_columns (doc) - 1);
}

static void
xlsx_page_setup (lxw_worksheet *ws, McReportDocument *doc)
{
  /* The page number is the header's (top centre, from page 2). */
  mc_report_xlsx_page_setup (ws, TRUE);
  mc_report_xlsx_footer (ws, TEXT (doc, AUDIT_HEAD));
  worksheet_freeze_panes (ws, XLSX_HEAD_ROW + 4, 2);
}

gboolean
mc_report_06a_write_xlsx (McReportDocument *doc, const char *path, GError **error)
{
  lxw_workbook *wb;
  lxw_worksheet *ws;
  char *tmp = NULL;
  Formats f;

  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc) && path != NULL, FALSE);

  if ((wb = mc_report_xlsx_new (path, &tmp, error)) == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, TEXT (doc, SHEET));
  make_formats (wb, &f);
  xlsx_heading (ws, &f, doc);
  xlsx_table_head (ws, &f, doc);
  xlsx_signatures (ws, &f, doc, xlsx_rows (ws, &f, doc));
  xlsx_page_setup (ws, doc);
  return mc_report_xlsx_close (wb, tmp, path, error);
}

/* PDF and print */

static void
pdf_heading (McPdfDocument *pdf, McReportDocument *doc)
{
  g_autofree char *form = g_markup_printf_escaped ("<b>%s</b>\n<i>%s</i>", TEXT (doc, CORNER), TEXT (doc, BASIS));
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", TEXT (doc, TITLE));
  g_autofree char *period = g_markup_printf_escaped ("<i>%s</i>", TEXT (doc, SUBTITLE));
  g_autofree char *unit = g_markup_printf_escaped ("<b>%s</b>", TEXT (doc, ISSUER));
  g_autofree char *count = g_markup_printf_escaped ("<i>%s</i>", unit_of_count (doc));

  mc_pdf_document_text (pdf, form, 11, MC_PDF_TEXT_PLAIN);
  mc_pdf_document_space (pdf, 4);
  mc_pdf_document_text (pdf, title, 13, MC_PDF_TEXT_CENTER);
  mc_pdf_document_text (pdf, period, 13, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (pdf, 4);
  mc_pdf_document_text (pdf, unit, 12, MC_PDF_TEXT_RIGHT);
  mc_pdf_document_text (pdf, count, 12, MC_PDF_TEXT_RIGHT);
  mc_pdf_document_space (pdf, 4);
}

static void
pdf_table (McPdfDocument *pdf, McReportDocument *doc)
{
  double width = mc_pdf_document_get_content_width (pdf);
  guint n = n_columns (doc);
  /* STT and the field's name as the document sets them; the figures share the rest. */
  double count = (width - column_at (doc, 0)->width - 190) / (n - 2);
  g_autofree McPdfColumn *columns = g_new0 (McPdfColumn, n);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *model = mc_report_document_get_rows (doc, 0);

  for (guint c = 0; c < n; c++)
    {
      const McReportColumn *col = column_at (doc, c);

      columns[c] = (McPdfColumn) { col->title, c < 2 ? col->width : count, col->center, col->group, col->subgroup };
    }
  for (guint r = 0; r < g_list_model_get_n_items (model); r++)
    {
      g_autoptr(McReportRow) row = g_list_model_get_item (model, r);

      /* The model keeps the row, and the row its cells. */
      g_ptr_array_add (rows, (gpointer) mc_report_row_get_cells (row));
    }
  mc_pdf_document_table_full (pdf, columns, (int) n, rows, MC_PDF_TABLE_NUMBERED, 11);
}

#define SIGNATURES_SPACE 10.0

/* The place and date, then the two blocks; with measure, only the height
 * they take. */
static double
pdf_signatures (McPdfDocument *pdf, McReportDocument *doc, gboolean measure)
{
  g_autofree char *date = mc_report_place_and_date (TEXT (doc, PLACE), mc_report_document_get_signed_on (doc));
  g_autofree char *date_markup = g_markup_printf_escaped ("<i>%s</i>", date);
  McReportSignatures s = signatures (doc, date);

  if (measure)
    return SIGNATURES_SPACE + mc_pdf_document_text_height (pdf, date_markup, 13, MC_PDF_TEXT_RIGHT) +
           mc_report_pdf_signatures_height (pdf, &s);
  mc_pdf_document_space (pdf, SIGNATURES_SPACE);
  mc_pdf_document_text (pdf, date_markup, 13, MC_PDF_TEXT_RIGHT);
  mc_report_pdf_signatures (pdf, &s);
  return 0;
}

static void
lay_out (McPdfDocument *pdf, gconstpointer data)
{
  McReportDocument *doc = (McReportDocument *) data;

  mc_report_pdf_audit_note (pdf, TEXT (doc, AUDIT_HEAD), TEXT (doc, RULES_NOTE));
  pdf_heading (pdf, doc);
  /* The total row goes with the signatures: never a page of signatures alone. */
  mc_pdf_document_keep_with_next (pdf, pdf_signatures (pdf, doc, TRUE));
  pdf_table (pdf, doc);
  pdf_signatures (pdf, doc, FALSE);
}

McRecordsPages *
mc_report_06a_record_pages (McReportDocument *doc, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), NULL);

  return mc_records_pages_new (lay_out, doc, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT, NULL, error);
}

gboolean
mc_report_06a_write_pdf (McReportDocument *doc, const char *path, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc) && path != NULL, FALSE);

  return mc_report_pdf_write (path, TEXT (doc, CORNER), lay_out, doc, MC_PDF_LANDSCAPE_WIDTH,
                              MC_PDF_LANDSCAPE_HEIGHT, error);
}
