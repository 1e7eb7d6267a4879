/* mc-report-doc.c — a statutory report's tables written as XLSX, PDF, CSV
 * and drawn for printing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layouts of the seeds: the issuing body top left and, on the PDF, the
 * Quốc hiệu and Tiêu ngữ top right (NĐ 30/2020), the appendix's number, the
 * title in bold capitals, the italic reference line, the lines about the
 * evaluation, each table with its grouped header and the "(1) (2) …" row,
 * then the place and date and the two signature blocks.
 */
#include "config.h"

#include <string.h>

#include "mc-csv.h"
#include "mc-export-file.h"
#include "mc-pdf-document.h"
#include "mc-records-private.h"
#include "mc-report-doc.h"
#include "mc-report-doc-private.h"
#include "mc-report-export-private.h"
#include "mc-report-period.h"
#include "mc-xlsx-number.h"

static void
row_free (gpointer data)
{
  McReportDocRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
column_clear (gpointer data)
{
  McReportDocColumn *c = data;

  g_free (c->title);
  g_free (c->group);
}

static void
table_free (gpointer data)
{
  McReportDocTable *t = data;

  g_free (t->heading);
  g_array_unref (t->columns);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

void
mc_report_doc_free (McReportDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->sheet);
  g_free (doc->issuer);
  g_free (doc->corner);
  g_free (doc->title);
  g_free (doc->subtitle);
  g_clear_pointer (&doc->info, g_ptr_array_unref);
  g_clear_pointer (&doc->tables, g_ptr_array_unref);
  g_free (doc->place);
  g_free (doc->preparer_title);
  g_free (doc->preparer);
  g_free (doc->signer_heading);
  g_free (doc->signer);
  g_free (doc->audit_head);
  g_free (doc->rules_note);
  g_free (doc);
}

McReportDoc *
mc_report_doc_alloc (McReportDocKind kind)
{
  McReportDoc *doc = g_new0 (McReportDoc, 1);

  doc->kind = kind;
  doc->info = g_ptr_array_new_with_free_func (g_free);
  doc->tables = g_ptr_array_new_with_free_func (table_free);
  return doc;
}

McReportDocTable *
mc_report_doc_add_table (McReportDoc *doc, const char *heading, gboolean numbered)
{
  McReportDocTable *t = g_new0 (McReportDocTable, 1);

  t->heading = g_strdup (heading);
  t->columns = g_array_new (FALSE, TRUE, sizeof (McReportDocColumn));
  g_array_set_clear_func (t->columns, column_clear);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  t->numbered = numbered;
  g_ptr_array_add (doc->tables, t);
  return t;
}

void
mc_report_doc_add_column (McReportDocTable *t, const char *title, const char *group, double width,
                          double xlsx_width, gboolean center, int key)
{
  McReportDocColumn c = { g_strdup (title), g_strdup (group), width, xlsx_width, center, key };

  g_array_append_val (t->columns, c);
}

McReportDocRow *
mc_report_doc_add_row (McReportDocTable *t, gint64 key, gboolean bold)
{
  McReportDocRow *row = g_new0 (McReportDocRow, 1);

  row->cells = g_new0 (char *, t->columns->len + 1);
  row->key = key;
  row->bold = bold;
  g_ptr_array_add (t->rows, row);
  return row;
}

char *
mc_report_doc_period_label (McDb *db, McDate from, McDate to, gboolean upper)
{
  static const struct { McPeriodKind kind; int index; } kinds[] = {
    { MC_PERIOD_QUARTER, 1 }, { MC_PERIOD_QUARTER, 2 }, { MC_PERIOD_QUARTER, 3 }, { MC_PERIOD_QUARTER, 4 },
    { MC_PERIOD_HALF, 1 }, { MC_PERIOD_HALF, 2 }, { MC_PERIOD_NINE_MONTHS, 1 }, { MC_PERIOD_YEAR, 1 },
  };
  g_autofree char *label = NULL;
  int year, month, day;

  mc_date_to_ymd (to, &year, &month, &day);
  for (guint i = 0; i < G_N_ELEMENTS (kinds) && label == NULL; i++)
    {
      McDate f, t;

      if (mc_report_period_range (db, kinds[i].kind, year, kinds[i].index, &f, &t, NULL) && f == from && t == to)
        label = mc_report_period_label (kinds[i].kind, year, kinds[i].index);
    }
  if (label == NULL)
    {
      int y1, m1, d1;

      mc_date_to_ymd (from, &y1, &m1, &d1);
      label = g_strdup_printf ("từ ngày %02d/%02d/%d đến ngày %02d/%02d/%d", d1, m1, y1, day, month, year);
    }
  return upper ? g_utf8_strup (label, -1) : g_steal_pointer (&label);
}

static gboolean
check_texts (const McReportDoc *doc, GError **error)
{
  const char *texts[] = { doc->issuer, doc->corner, doc->title, doc->subtitle, doc->place, doc->preparer,
                          doc->signer, doc->signer_heading, doc->preparer_title };

  if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  for (guint i = 0; i < doc->info->len; i++)
    if (!mc_records_check_utf8 ((const char *const[]) { doc->info->pdata[i] }, 1, error))
      return FALSE;
  for (guint i = 0; i < doc->tables->len; i++)
    {
      McReportDocTable *t = doc->tables->pdata[i];

      for (guint r = 0; r < t->rows->len; r++)
        {
          McReportDocRow *row = t->rows->pdata[r];

          if (!mc_records_check_utf8 ((const char *const *) row->cells, t->columns->len, error))
            return FALSE;
        }
    }
  return TRUE;
}

static McReportSignatures
signatures (const McReportDoc *doc, const char *date)
{
  return (McReportSignatures) { date, doc->preparer_title, doc->preparer, doc->signer_heading, doc->signer };
}

/* XLSX */

typedef struct {
  lxw_format *left, *left_bold, *right_italic, *title, *italic_center, *info, *heading;
  lxw_format *head, *number, *cell, *count, *cell_bold, *count_bold;
  McXlsxFigureFormats figures, figures_bold;  /* the counts' cells as numbers */
  McReportXlsxSignFormats sign;
} Formats;

static void
make_formats (lxw_workbook *wb, Formats *f)
{
  f->left = mc_report_xlsx_font (wb, 12, FALSE, FALSE, LXW_ALIGN_LEFT, FALSE);
  f->left_bold = mc_report_xlsx_font (wb, 12, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->right_italic = mc_report_xlsx_font (wb, 12, TRUE, FALSE, LXW_ALIGN_RIGHT, FALSE);
  f->title = mc_report_xlsx_font (wb, 13, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->italic_center = mc_report_xlsx_font (wb, 12, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f->info = mc_report_xlsx_font (wb, 12, FALSE, FALSE, LXW_ALIGN_LEFT, FALSE);
  f->heading = mc_report_xlsx_font (wb, 12, TRUE, FALSE, LXW_ALIGN_LEFT, FALSE);
  f->head = mc_report_xlsx_font (wb, 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->number = mc_report_xlsx_font (wb, 11, FALSE, TRUE, LXW_ALIGN_CENTER, TRUE);
  f->cell = mc_report_xlsx_font (wb, 11, FALSE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->count = mc_report_xlsx_font (wb, 11, FALSE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->cell_bold = mc_report_xlsx_font (wb, 11, TRUE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->count_bold = mc_report_xlsx_font (wb, 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  mc_xlsx_figure_formats_init (&f->figures, wb, mc_report_xlsx_style_new,
                               &(McReportXlsxStyle) { 11, FALSE, FALSE, LXW_ALIGN_CENTER, TRUE });
  mc_xlsx_figure_formats_init (&f->figures_bold, wb, mc_report_xlsx_style_new,
                               &(McReportXlsxStyle) { 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE });
  mc_report_xlsx_sign_formats (wb, &f->sign);
}

static guint
widest_table (const McReportDoc *doc)
{
  guint n = 1;

  for (guint i = 0; i < doc->tables->len; i++)
    n = MAX (n, ((McReportDocTable *) doc->tables->pdata[i])->columns->len);
  return n;
}

static gboolean
has_groups (const McReportDocTable *t)
{
  for (guint c = 0; c < t->columns->len; c++)
    if (g_array_index (t->columns, McReportDocColumn, c).group != NULL)
      return TRUE;
  return FALSE;
}

/* The header of a table from row y; the first row after it. */
static int
xlsx_table_head (lxw_worksheet *ws, const Formats *f, const McReportDocTable *t, int y)
{
  gboolean groups = has_groups (t);

  for (guint c = 0; c < t->columns->len;)
    {
      const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, c);
      guint end = c;

      if (col->group == NULL)
        {
          mc_report_xlsx_merge (ws, y, c, groups ? y + 1 : y, c, col->title, f->head);
          c++;
          continue;
        }
      while (end + 1 < t->columns->len &&
             g_strcmp0 (g_array_index (t->columns, McReportDocColumn, end + 1).group, col->group) == 0)
        end++;
      mc_report_xlsx_merge (ws, y, c, y, end, col->group, f->head);
      for (guint k = c; k <= end; k++)
        worksheet_write_string (ws, y + 1, k, g_array_index (t->columns, McReportDocColumn, k).title, f->head);
      c = end + 1;
    }
  if (groups)
    worksheet_set_row (ws, y + 1, 60, NULL);
  else
    worksheet_set_row (ws, y, 45, NULL);
  y += groups ? 2 : 1;
  if (t->numbered)
    {
      for (guint c = 0; c < t->columns->len; c++)
        {
          char number[8];

          g_snprintf (number, sizeof number, "(%u)", c + 1);
          worksheet_write_string (ws, y, c, number, f->number);
        }
      y++;
    }
  return y;
}

static int
xlsx_table (lxw_worksheet *ws, const Formats *f, const McReportDocTable *t, int y)
{
  if (t->heading != NULL)
    mc_report_xlsx_merge (ws, y, 0, y, (int) t->columns->len - 1, t->heading, f->heading), y++;
  y = xlsx_table_head (ws, f, t, y);
  for (guint r = 0; r < t->rows->len; r++, y++)
    {
      const McReportDocRow *row = t->rows->pdata[r];

      for (guint c = 0; c < t->columns->len; c++)
        {
          const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, c);
          lxw_format *format = col->center ? (row->bold ? f->count_bold : f->count)
                                           : (row->bold ? f->cell_bold : f->cell);

          /* The centred columns hold the figures (and the STT, "Đơn vị
           * tính"): a figure is a number, so that the sheet sums; "3.1",
           * "TTHC" stay text. */
          if (col->center)
            mc_xlsx_write_figure (ws, y, c, row->cells[c], row->bold ? &f->figures_bold : &f->figures, format);
          else
            worksheet_write_string (ws, y, c, row->cells[c] ? row->cells[c] : "", format);
        }
    }
  return y + 1;
}

static int
xlsx_heading (lxw_worksheet *ws, const Formats *f, const McReportDoc *doc, int last)
{
  int y = 0, half = MAX (1, (last + 1) / 2 - 1);

  mc_report_xlsx_merge (ws, y, 0, y, half, doc->issuer, f->left_bold);
  mc_report_xlsx_merge (ws, y, half + 1, y, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f->left_bold);
  y++;
  mc_report_xlsx_merge (ws, y, half + 1, y, last, "Độc lập - Tự do - Hạnh phúc", f->left_bold);
  y += 2;
  if (doc->corner != NULL)
    mc_report_xlsx_merge (ws, y, 0, y, last, doc->corner, f->right_italic), y++;
  mc_report_xlsx_merge (ws, y, 0, y, last, doc->title, f->title);
  worksheet_set_row (ws, y, 18 * (1 + (double) (strchr (doc->title, '\n') != NULL)), NULL);
  y++;
  if (doc->subtitle != NULL)
    mc_report_xlsx_merge (ws, y, 0, y, last, doc->subtitle, f->italic_center), y++;
  y++;
  for (guint i = 0; i < doc->info->len; i++, y++)
    mc_report_xlsx_merge (ws, y, 0, y, last, doc->info->pdata[i], f->info);
  return y;
}

static void
xlsx_signatures (lxw_worksheet *ws, const Formats *f, const McReportDoc *doc, int y, int last)
{
  g_autofree char *date = mc_report_place_and_date (doc->place, doc->signed_on);
  McReportSignatures s = signatures (doc, date);
  int half = MAX (1, (last + 1) / 2);

  mc_report_xlsx_signatures (ws, &f->sign, &s, y, half - 1, half, last);
}

gboolean
mc_report_doc_write_xlsx (const McReportDoc *doc, const char *path, GError **error)
{
  lxw_workbook *wb;
  lxw_worksheet *ws;
  char *tmp = NULL;
  Formats f;
  int last, y;

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  if (!check_texts (doc, error) || (wb = mc_report_xlsx_new (path, &tmp, error)) == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, doc->sheet);
  make_formats (wb, &f);
  last = (int) widest_table (doc) - 1;
  y = xlsx_heading (ws, &f, doc, last);
  for (guint i = 0; i < doc->tables->len; i++)
    {
      const McReportDocTable *t = doc->tables->pdata[i];

      for (guint c = 0; c < t->columns->len && i == 0; c++)
        worksheet_set_column (ws, c, c, g_array_index (t->columns, McReportDocColumn, c).xlsx_width, NULL);
      y = xlsx_table (ws, &f, t, y);
    }
  xlsx_signatures (ws, &f, doc, y, last);
  mc_report_xlsx_page_setup (ws, doc->landscape);
  mc_report_xlsx_footer (ws, doc->audit_head);
  return mc_report_xlsx_close (wb, tmp, path, error);
}

/* A column's name in a CSV header, as the form prints it: its group, its
 * title and, for a figure of a numbered table, the number under it —
 * "Tình trạng giải quyết hồ sơ TTHC: Số hồ sơ TTHC đang giải quyết (7)". */
static char *
csv_name (const McReportDocTable *t, guint c)
{
  const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, c);
  g_autofree char *number = t->numbered && col->key >= 0 ? g_strdup_printf (" (%u)", c + 1) : g_strdup ("");

  if (col->group != NULL)
    return g_strdup_printf ("%s: %s%s", col->group, col->title, number);
  return g_strdup_printf ("%s%s", col->title, number);
}

/* A count in a centred column without its thousands dots ("2501"): a CSV
 * is read by programs, and "2.501" would be two and a half to one set for
 * English; decimals ("77,5") stay as the report writes them. */
static void
csv_row (GString *out, const McReportDocTable *t, const McReportDocRow *row)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < t->columns->len; c++)
    {
      double value;
      int decimals;
      gboolean percent;

      if (g_array_index (t->columns, McReportDocColumn, c).center &&
          mc_xlsx_number_parse (row->cells[c], &value, &decimals, &percent) && decimals == 0 && !percent)
        g_ptr_array_add (cells, g_strdup_printf ("%.0f", value));
      else
        g_ptr_array_add (cells, g_strdup (row->cells[c] ? row->cells[c] : ""));
    }
  mc_csv_append_row (out, (const char *const *) cells->pdata, t->columns->len);
}

/* CSV: per table the form's column names as the header, then its rows (RFC
 * 4180, UTF-8 after a byte order mark, for Excel); tables apart by an empty
 * line. */

gboolean
mc_report_doc_write_csv (const McReportDoc *doc, const char *path, GError **error)
{
  g_autoptr(GString) out = mc_csv_document_new ();

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  for (guint i = 0; i < doc->tables->len; i++)
    {
      const McReportDocTable *t = doc->tables->pdata[i];
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      if (i > 0)
        g_string_append (out, "\r\n");
      for (guint c = 0; c < t->columns->len; c++)
        g_ptr_array_add (names, csv_name (t, c));
      mc_csv_append_row (out, (const char *const *) names->pdata, t->columns->len);
      for (guint r = 0; r < t->rows->len; r++)
        csv_row (out, t, t->rows->pdata[r]);
    }
  return mc_export_file_set_contents (path, out->str, out->len, error);
}

/* PDF and print */

static void
pdf_heading (McPdfDocument *pdf, const McReportDoc *doc)
{
  const char *bodies[] = { doc->issuer, NULL };
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", doc->title);

  mc_pdf_document_header (pdf, bodies, doc->place, doc->signed_on);
  if (doc->corner != NULL)
    {
      g_autofree char *corner = g_markup_printf_escaped ("<b>%s</b>", doc->corner);

      mc_pdf_document_text (pdf, corner, 13, MC_PDF_TEXT_RIGHT);
    }
  mc_pdf_document_space (pdf, 6);
  mc_pdf_document_text (pdf, title, 13, MC_PDF_TEXT_CENTER);
  if (doc->subtitle != NULL)
    {
      g_autofree char *subtitle = g_markup_printf_escaped ("<i>%s</i>", doc->subtitle);

      mc_pdf_document_text (pdf, subtitle, 13, MC_PDF_TEXT_CENTER);
    }
  mc_pdf_document_space (pdf, 6);
  for (guint i = 0; i < doc->info->len; i++)
    {
      g_autofree char *line = g_markup_escape_text (doc->info->pdata[i], -1);

      mc_pdf_document_text (pdf, line, 13, MC_PDF_TEXT_PLAIN);
    }
  mc_pdf_document_space (pdf, 4);
}

#define HEADING_SPACE 2.0

/* The table under its heading; keep: the height kept with its last row
 * (the signatures), 0 for none. The heading stays with the table's header
 * and first row (and what is kept with a one-row table). */
static void
pdf_table (McPdfDocument *pdf, const McReportDocTable *t, double keep)
{
  g_autofree McPdfColumn *columns = g_new0 (McPdfColumn, t->columns->len);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  McPdfTableFlags flags = t->numbered ? MC_PDF_TABLE_NUMBERED : MC_PDF_TABLE_PLAIN;

  for (guint c = 0; c < t->columns->len; c++)
    {
      const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, c);

      columns[c] = (McPdfColumn) { col->title, col->width, col->center, col->group };
    }
  for (guint r = 0; r < t->rows->len; r++)
    g_ptr_array_add (rows, ((McReportDocRow *) t->rows->pdata[r])->cells);
  if (t->heading != NULL)
    {
      g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", t->heading);
      double start = mc_pdf_document_table_start_height (pdf, columns, (int) t->columns->len, rows, flags, 11);

      mc_pdf_document_space (pdf, 4);
      mc_pdf_document_keep_with_next (pdf, HEADING_SPACE + start + (t->rows->len <= 1 ? keep : 0));
      mc_pdf_document_text (pdf, heading, 13, MC_PDF_TEXT_PLAIN);
      mc_pdf_document_space (pdf, HEADING_SPACE);
    }
  mc_pdf_document_keep_with_next (pdf, keep);
  mc_pdf_document_table_full (pdf, columns, (int) t->columns->len, rows, flags, 11);
}

#define SIGNATURES_SPACE 12.0

static void
lay_out (McPdfDocument *pdf, gconstpointer data)
{
  const McReportDoc *doc = data;
  McReportSignatures s = signatures (doc, NULL);

  mc_report_pdf_audit_note (pdf, doc->audit_head, doc->rules_note);
  pdf_heading (pdf, doc);
  for (guint i = 0; i < doc->tables->len; i++)
    {
      /* The signatures never alone on the last page: the last table's last
       * row goes with them. */
      double keep = i + 1 == doc->tables->len ? SIGNATURES_SPACE + mc_report_pdf_signatures_height (pdf, &s) : 0;

      pdf_table (pdf, doc->tables->pdata[i], keep);
    }
  mc_pdf_document_space (pdf, SIGNATURES_SPACE);
  mc_report_pdf_signatures (pdf, &s);
}

static double
page_width (const McReportDoc *doc)
{
  return doc->landscape ? MC_PDF_LANDSCAPE_WIDTH : MC_PDF_PAGE_WIDTH;
}

static double
page_height (const McReportDoc *doc)
{
  return doc->landscape ? MC_PDF_LANDSCAPE_HEIGHT : MC_PDF_PAGE_HEIGHT;
}

McRecordsPages *
mc_report_doc_record_pages (const McReportDoc *doc, GError **error)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return mc_records_pages_new (lay_out, doc, page_width (doc), page_height (doc), NULL, error);
}

gboolean
mc_report_doc_write_pdf (const McReportDoc *doc, const char *path, GError **error)
{
  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  return check_texts (doc, error) &&
         mc_report_pdf_write (path, doc->sheet, lay_out, doc, page_width (doc), page_height (doc), error);
}
