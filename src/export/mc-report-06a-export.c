/* mc-report-06a-export.c — Biểu số 06a/VPCP/KSTT as XLSX, PDF, CSV and print
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of seed 002 (TT 01/2020/TT-VPCP): the form's number top left,
 * the title and "(Từ ngày … đến ngày …)" centred, the unit and "Đơn vị tính:
 * Số hồ sơ TTHC", the header in three rows with merged groups, the row
 * "(1) … (13)", one row per field and the total, then NGƯỜI LẬP BIỂU on the
 * left and the head of the unit on the right under the place and date.
 */
#include "config.h"

#include <string.h>

#include "mc-audit.h"
#include "mc-csv.h"
#include "mc-export-file.h"
#include "mc-format.h"
#include "mc-pdf-document.h"
#include "mc-records-private.h"
#include "mc-report-06a-export.h"
#include "mc-report-export-private.h"
#include "mc-xlsx-number.h"
#include "mc-report-rules.h"

#define FORM_NUMBER "Biểu số 06a/VPCP/KSTT"
#define FORM_BASIS "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
#define FORM_TITLE "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"
#define FORM_UNIT_OF_COUNT "Đơn vị tính: Số hồ sơ TTHC"
#define TOTAL_LABEL "Tổng số"
#define N_COLUMNS 13

static const char *const titles[MC_06A_N_COLUMNS] = {
  NULL, "STT", "Lĩnh vực, công việc giải quyết theo cấp",
  "Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước",
  "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
  "Tổng số", "Trong hạn", "Quá hạn",
};

const char *
mc_report_06a_column_title (McReport06aColumn column)
{
  g_return_val_if_fail (column >= MC_06A_RECEIVED && column < MC_06A_N_COLUMNS, "");
  return titles[column];
}

static char *
unit_name (McDb *db, gint64 unit_id, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT name FROM unit WHERE (?1 = 0 AND relation = 'self') OR id = ?1 "
                                          "ORDER BY id LIMIT 1", error);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_utf8_strup ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_reset (stmt);
  return name != NULL ? name : g_strdup ("");
}

McReport06aDoc *
mc_report_06a_doc_new (McDb *db, gint64 unit_id, McDate from, McDate to, gboolean only_with_dossiers,
                       GError **error)
{
  g_autoptr(McReport06aDoc) doc = g_new0 (McReport06aDoc, 1);
  McRecordsUnit own = { NULL, };
  McReportRules rules;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if (!mc_report_check_permission (db, error))
    return NULL;
  doc->report = mc_report_06a_compute (db, unit_id, from, to, only_with_dossiers, error);
  if (doc->report == NULL || (doc->unit_name = unit_name (db, unit_id, error)) == NULL ||
      !mc_records_unit_load (db, &own, error))
    return NULL;
  doc->place = mc_db_get_setting (db, "report.place", own.place_name ? own.place_name : "");
  doc->preparer = mc_db_get_setting (db, "report.preparer", "");
  doc->signer = mc_db_get_setting (db, "report.signer", "");
  doc->signer_title = mc_db_get_setting (db, "report.signer_title", "");
  doc->signed_on = to;
  doc->audit_head = mc_audit_head_text (db);
  mc_report_rules_load (db, &rules);
  doc->rules_note = mc_report_rules_note (&rules, TRUE, TRUE, FALSE);
  mc_records_unit_clear (&own);
  return g_steal_pointer (&doc);
}

void
mc_report_06a_doc_free (McReport06aDoc *doc)
{
  if (doc == NULL)
    return;
  mc_report_06a_free (doc->report);
  g_free (doc->unit_name);
  g_free (doc->place);
  g_free (doc->preparer);
  g_free (doc->signer);
  g_free (doc->signer_title);
  g_free (doc->audit_head);
  g_free (doc->rules_note);
  g_free (doc);
}

static char *
period_text (const McReport06aDoc *doc)
{
  int y1, m1, d1, y2, m2, d2;

  mc_date_to_ymd (doc->report->from, &y1, &m1, &d1);
  mc_date_to_ymd (doc->report->to, &y2, &m2, &d2);
  return g_strdup_printf ("(Từ ngày %02d/%02d/%d đến ngày %02d/%02d/%d)", d1, m1, y1, d2, m2, y2);
}

/* "THỦ TRƯỞNG ĐƠN VỊ", or "KT. THỦ TRƯỞNG ĐƠN VỊ\nPHÓ CHỦ TỊCH" for a deputy. */
static char *
signer_heading (const McReport06aDoc *doc)
{
  g_autofree char *title = g_utf8_strup (doc->signer_title, -1);

  if (title[0] == '\0' || g_str_equal (title, "THỦ TRƯỞNG ĐƠN VỊ"))
    return g_strdup ("THỦ TRƯỞNG ĐƠN VỊ");
  return g_strdup_printf ("KT. THỦ TRƯỞNG ĐƠN VỊ\n%s", title);
}

/* The date and the two signature blocks; the texts are the caller's. */
static McReportSignatures
signatures (const McReport06aDoc *doc, const char *date, const char *heading)
{
  return (McReportSignatures) { date, "NGƯỜI LẬP BIỂU", doc->preparer, heading, doc->signer };
}

static gboolean
check_texts (const McReport06aDoc *doc, GError **error)
{
  const char *texts[] = { doc->unit_name, doc->place, doc->preparer, doc->signer, doc->signer_title };

  if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  for (guint i = 0; i < doc->report->rows->len; i++)
    {
      const McReport06aRow *row = doc->report->rows->pdata[i];

      if (!mc_records_check_utf8 ((const char *const[]) { row->field_name }, 1, error))
        return FALSE;
    }
  return TRUE;
}

static const McReport06aRow *
get_row (const McReport06aDoc *doc, guint r)
{
  return r < doc->report->rows->len ? doc->report->rows->pdata[r] : &doc->report->total;
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
xlsx_heading (lxw_worksheet *ws, const Formats *f, const McReport06aDoc *doc)
{
  g_autofree char *period = period_text (doc);

  worksheet_merge_range (ws, 0, 0, 0, 3, FORM_NUMBER, f->form);
  worksheet_merge_range (ws, 1, 0, 1, 3, FORM_BASIS, f->form);
  worksheet_set_row (ws, 1, 30, NULL);
  worksheet_merge_range (ws, 2, 0, 2, N_COLUMNS - 1, FORM_TITLE, f->title);
  worksheet_merge_range (ws, 3, 0, 3, N_COLUMNS - 1, period, f->period);
  worksheet_merge_range (ws, 4, 0, 4, N_COLUMNS - 1, doc->unit_name, f->unit);
  worksheet_merge_range (ws, 5, 0, 5, N_COLUMNS - 1, FORM_UNIT_OF_COUNT, f->period);
}

/* Rows 6–9: the three header rows of the form and "(1) … (13)". */
static void
xlsx_table_head (lxw_worksheet *ws, const Formats *f)
{
  const int r = XLSX_HEAD_ROW;

  worksheet_merge_range (ws, r, 0, r + 2, 0, titles[1], f->head);
  worksheet_merge_range (ws, r, 1, r + 2, 1, titles[2], f->head);
  worksheet_merge_range (ws, r, 2, r, 5, "Số hồ sơ nhận giải quyết", f->head);
  worksheet_merge_range (ws, r, 6, r, 9, "Số hồ sơ đã giải quyết", f->head);
  worksheet_merge_range (ws, r, 10, r, 12, "Số hồ sơ đang giải quyết", f->head);
  worksheet_merge_range (ws, r + 1, 2, r + 2, 2, titles[3], f->head);
  worksheet_merge_range (ws, r + 1, 3, r + 1, 4, "Trong đó", f->head);
  worksheet_write_string (ws, r + 2, 3, titles[4], f->head);
  worksheet_write_string (ws, r + 2, 4, titles[5], f->head);
  for (int k = MC_06A_CARRIED; k < MC_06A_N_COLUMNS; k++)
    worksheet_merge_range (ws, r + 1, k - 1, r + 2, k - 1, titles[k], f->head);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      char number[8];

      g_snprintf (number, sizeof number, "(%d)", c + 1);
      worksheet_write_string (ws, r + 3, c, number, f->number);
    }
  worksheet_set_column (ws, 0, 0, 5, NULL);
  worksheet_set_column (ws, 1, 1, 38, NULL);
  worksheet_set_column (ws, 2, N_COLUMNS - 1, 10, NULL);
  worksheet_set_row (ws, r + 2, 45, NULL);
  worksheet_repeat_rows (ws, r, r + 3);
}

/* From row 10: one row per field, then the total; the next free row. */
static int
xlsx_rows (lxw_worksheet *ws, const Formats *f, const McReport06aDoc *doc)
{
  guint n = doc->report->rows->len;
  int y = XLSX_HEAD_ROW + 4;

  for (guint r = 0; r <= n; r++, y++)
    {
      const McReport06aRow *row = get_row (doc, r);
      gboolean total = r == n;

      if (total)
        worksheet_merge_range (ws, y, 0, y, 1, TOTAL_LABEL, f->total);
      else
        {
          worksheet_write_number (ws, y, 0, r + 1, f->count);
          worksheet_write_string (ws, y, 1, row->field_name, f->cell);
        }
      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        worksheet_write_number (ws, y, k - 1, row->c[k], total ? f->total_count : f->count);
    }
  return y;
}

static void
xlsx_signatures (lxw_worksheet *ws, const Formats *f, const McReport06aDoc *doc, int y)
{
  g_autofree char *date = mc_report_place_and_date (doc->place, doc->signed_on);
  g_autofree char *heading = signer_heading (doc);
  McReportSignatures s = signatures (doc, date, heading);

  /* A row apart from the table; the form's blocks under columns (1)–(5) and (9)–(13). */
  mc_report_xlsx_signatures (ws, &f->sign, &s, y + 1, 4, 8, N_COLUMNS - 1);
}

static void
xlsx_page_setup (lxw_worksheet *ws, const McReport06aDoc *doc)
{
  /* The page number is the header's (top centre, from page 2). */
  mc_report_xlsx_page_setup (ws, TRUE);
  mc_report_xlsx_footer (ws, doc->audit_head);
  worksheet_freeze_panes (ws, XLSX_HEAD_ROW + 4, 2);
}

gboolean
mc_report_06a_doc_write_xlsx (const McReport06aDoc *doc, const char *path, GError **error)
{
  lxw_workbook *wb;
  lxw_worksheet *ws;
  char *tmp = NULL;
  Formats f;

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  /* libxlsxwriter writes invalid UTF-8 as is, producing a file Excel refuses. */
  if (!check_texts (doc, error) || (wb = mc_report_xlsx_new (path, &tmp, error)) == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, "Biểu 06a");
  make_formats (wb, &f);
  xlsx_heading (ws, &f, doc);
  xlsx_table_head (ws, &f);
  xlsx_signatures (ws, &f, doc, xlsx_rows (ws, &f, doc));
  xlsx_page_setup (ws, doc);
  return mc_report_xlsx_close (wb, tmp, path, error);
}

/* CSV: a header row with the form's column names, one row per field, the
 * total; RFC 4180, UTF-8 after a byte order mark (for Excel). */

static void
csv_header (GString *out)
{
  const char *fields[N_COLUMNS] = { "STT", MC_06A_FIELD_COLUMN };

  for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
    fields[k - 1] = mc_report_06a_column_name (k);
  mc_csv_append_row (out, fields, N_COLUMNS);
}

static void
csv_row (GString *out, const char *number, const char *name, const McReport06aRow *row)
{
  char counts[MC_06A_N_COLUMNS - MC_06A_RECEIVED][16];
  const char *fields[N_COLUMNS] = { number, name };

  for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
    {
      char *count = counts[k - MC_06A_RECEIVED];

      g_snprintf (count, sizeof counts[0], "%u", row->c[k]);
      fields[k - 1] = count;
    }
  mc_csv_append_row (out, fields, N_COLUMNS);
}

gboolean
mc_report_06a_doc_write_csv (const McReport06aDoc *doc, const char *path, GError **error)
{
  g_autoptr(GString) out = mc_csv_document_new ();

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  csv_header (out);
  for (guint r = 0; r < doc->report->rows->len; r++)
    {
      const McReport06aRow *row = doc->report->rows->pdata[r];
      char number[16];

      g_snprintf (number, sizeof number, "%u", r + 1);
      csv_row (out, number, row->field_name, row);
    }
  csv_row (out, "", TOTAL_LABEL, &doc->report->total);
  return mc_export_file_set_contents (path, out->str, out->len, error);
}

/* PDF and print */

static void
pdf_heading (McPdfDocument *doc, const McReport06aDoc *data)
{
  g_autofree char *period = period_text (data);
  g_autofree char *form = g_markup_printf_escaped ("<b>%s</b>\n<i>%s</i>", FORM_NUMBER, FORM_BASIS);
  g_autofree char *unit = g_markup_printf_escaped ("<b>%s</b>", data->unit_name);
  g_autofree char *period_markup = g_markup_printf_escaped ("<i>%s</i>", period);

  mc_pdf_document_text (doc, form, 11, MC_PDF_TEXT_PLAIN);
  mc_pdf_document_space (doc, 4);
  mc_pdf_document_text (doc, "<b>" FORM_TITLE "</b>", 13, MC_PDF_TEXT_CENTER);
  mc_pdf_document_text (doc, period_markup, 13, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (doc, 4);
  mc_pdf_document_text (doc, unit, 12, MC_PDF_TEXT_RIGHT);
  mc_pdf_document_text (doc, "<i>" FORM_UNIT_OF_COUNT "</i>", 12, MC_PDF_TEXT_RIGHT);
  mc_pdf_document_space (doc, 4);
}

static void
pdf_table (McPdfDocument *doc, const McReport06aDoc *data)
{
  double width = mc_pdf_document_get_content_width (doc);
  double count = (width - 28 - 190) / 11;
  McPdfColumn columns[N_COLUMNS] = {
    { titles[1], 28, TRUE, NULL }, { titles[2], 0, FALSE, NULL },
    { titles[3], count, TRUE, "Số hồ sơ nhận giải quyết" },
    /* One "Trong đó" over (4)–(5), as the XLSX and seed 002 print it. */
    { titles[4], count, TRUE, "Số hồ sơ nhận giải quyết", "Trong đó" },
    { titles[5], count, TRUE, "Số hồ sơ nhận giải quyết", "Trong đó" },
    { titles[6], count, TRUE, "Số hồ sơ nhận giải quyết" },
    { titles[7], count, TRUE, "Số hồ sơ đã giải quyết" }, { titles[8], count, TRUE, "Số hồ sơ đã giải quyết" },
    { titles[9], count, TRUE, "Số hồ sơ đã giải quyết" }, { titles[10], count, TRUE, "Số hồ sơ đã giải quyết" },
    { titles[11], count, TRUE, "Số hồ sơ đang giải quyết" },
    { titles[12], count, TRUE, "Số hồ sơ đang giải quyết" },
    { titles[13], count, TRUE, "Số hồ sơ đang giải quyết" },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = data->report->rows->len;

  for (guint r = 0; r <= n; r++)
    {
      const McReport06aRow *row = get_row (data, r);
      char **cells = g_new0 (char *, N_COLUMNS + 1);

      cells[0] = r < n ? g_strdup_printf ("%u", r + 1) : g_strdup ("");
      cells[1] = g_strdup (r < n ? row->field_name : TOTAL_LABEL);
      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        cells[k - 1] = mc_format_count (row->c[k]);  /* 2.501 */
      g_ptr_array_add (rows, cells);
    }
  mc_pdf_document_table_full (doc, columns, N_COLUMNS, rows, MC_PDF_TABLE_NUMBERED, 11);
}

#define SIGNATURES_SPACE 10.0

/* The place and date, then the two blocks; with measure, only the height
 * they take. */
static double
pdf_signatures (McPdfDocument *doc, const McReport06aDoc *data, gboolean measure)
{
  g_autofree char *date = mc_report_place_and_date (data->place, data->signed_on);
  g_autofree char *date_markup = g_markup_printf_escaped ("<i>%s</i>", date);
  g_autofree char *heading = signer_heading (data);
  McReportSignatures s = signatures (data, date, heading);

  if (measure)
    return SIGNATURES_SPACE + mc_pdf_document_text_height (doc, date_markup, 13, MC_PDF_TEXT_RIGHT) +
           mc_report_pdf_signatures_height (doc, &s);
  mc_pdf_document_space (doc, SIGNATURES_SPACE);
  mc_pdf_document_text (doc, date_markup, 13, MC_PDF_TEXT_RIGHT);
  mc_report_pdf_signatures (doc, &s);
  return 0;
}

static void
lay_out (McPdfDocument *doc, gconstpointer data)
{
  mc_report_pdf_audit_note (doc, ((const McReport06aDoc *) data)->audit_head,
                            ((const McReport06aDoc *) data)->rules_note);
  pdf_heading (doc, data);
  /* The total row goes with the signatures: never a page of signatures alone. */
  mc_pdf_document_keep_with_next (doc, pdf_signatures (doc, data, TRUE));
  pdf_table (doc, data);
  pdf_signatures (doc, data, FALSE);
}

McRecordsPages *
mc_report_06a_doc_record_pages (const McReport06aDoc *doc, GError **error)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return mc_records_pages_new (lay_out, doc, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT, NULL, error);
}

gboolean
mc_report_06a_doc_write_pdf (const McReport06aDoc *doc, const char *path, GError **error)
{
  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  return check_texts (doc, error) &&
         mc_report_pdf_write (path, FORM_NUMBER, lay_out, doc, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT,
                              error);
}
