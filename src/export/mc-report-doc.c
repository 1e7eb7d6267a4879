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

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "mc-export-error.h"
#include "mc-pdf-document.h"
#include "mc-records-private.h"
#include "mc-report-doc.h"
#include "mc-report-doc-private.h"
#include "mc-report-period.h"

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
  g_free (c->csv_key);
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
mc_report_doc_add_column (McReportDocTable *t, const char *title, const char *group, const char *csv_key,
                          double width, double xlsx_width, gboolean center, int key)
{
  McReportDocColumn c = { g_strdup (title), g_strdup (group), g_strdup (csv_key), width, xlsx_width, center, key };

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

static char *
place_and_date (const McReportDoc *doc)
{
  g_autofree char *date = mc_pdf_format_date (doc->signed_on);

  return g_strdup_printf ("%s, %s", doc->place && doc->place[0] ? doc->place : MC_RECORDS_BLANK, date);
}

/* XLSX */

typedef struct {
  lxw_format *left, *left_bold, *right_italic, *title, *italic_center, *info, *heading;
  lxw_format *head, *number, *cell, *count, *cell_bold, *count_bold, *sign_head, *sign_note, *sign_name;
} Formats;

static lxw_format *
font (lxw_workbook *wb, double size, gboolean bold, gboolean italic, uint8_t align, gboolean border)
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

static void
make_formats (lxw_workbook *wb, Formats *f)
{
  f->left = font (wb, 12, FALSE, FALSE, LXW_ALIGN_LEFT, FALSE);
  f->left_bold = font (wb, 12, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->right_italic = font (wb, 12, TRUE, FALSE, LXW_ALIGN_RIGHT, FALSE);
  f->title = font (wb, 13, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->italic_center = font (wb, 12, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f->info = font (wb, 12, FALSE, FALSE, LXW_ALIGN_LEFT, FALSE);
  f->heading = font (wb, 12, TRUE, FALSE, LXW_ALIGN_LEFT, FALSE);
  f->head = font (wb, 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->number = font (wb, 11, FALSE, TRUE, LXW_ALIGN_CENTER, TRUE);
  f->cell = font (wb, 11, FALSE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->count = font (wb, 11, FALSE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->cell_bold = font (wb, 11, TRUE, FALSE, LXW_ALIGN_LEFT, TRUE);
  f->count_bold = font (wb, 11, TRUE, FALSE, LXW_ALIGN_CENTER, TRUE);
  f->sign_head = font (wb, 12, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
  f->sign_note = font (wb, 12, FALSE, TRUE, LXW_ALIGN_CENTER, FALSE);
  f->sign_name = font (wb, 12, TRUE, FALSE, LXW_ALIGN_CENTER, FALSE);
}

static void
merge (lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *text, lxw_format *f)
{
  if (r1 == r2 && c1 == c2)
    worksheet_write_string (ws, r1, c1, text, f);
  else
    worksheet_merge_range (ws, r1, c1, r2, c2, text, f);
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
          merge (ws, y, c, groups ? y + 1 : y, c, col->title, f->head);
          c++;
          continue;
        }
      while (end + 1 < t->columns->len &&
             g_strcmp0 (g_array_index (t->columns, McReportDocColumn, end + 1).group, col->group) == 0)
        end++;
      merge (ws, y, c, y, end, col->group, f->head);
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
    merge (ws, y, 0, y, (int) t->columns->len - 1, t->heading, f->heading), y++;
  y = xlsx_table_head (ws, f, t, y);
  for (guint r = 0; r < t->rows->len; r++, y++)
    {
      const McReportDocRow *row = t->rows->pdata[r];

      for (guint c = 0; c < t->columns->len; c++)
        {
          const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, c);
          lxw_format *format = col->center ? (row->bold ? f->count_bold : f->count)
                                           : (row->bold ? f->cell_bold : f->cell);

          worksheet_write_string (ws, y, c, row->cells[c] ? row->cells[c] : "", format);
        }
    }
  return y + 1;
}

static int
xlsx_heading (lxw_worksheet *ws, const Formats *f, const McReportDoc *doc, int last)
{
  int y = 0, half = MAX (1, (last + 1) / 2 - 1);

  merge (ws, y, 0, y, half, doc->issuer, f->left_bold);
  merge (ws, y, half + 1, y, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f->left_bold);
  y++;
  merge (ws, y, half + 1, y, last, "Độc lập - Tự do - Hạnh phúc", f->left_bold);
  y += 2;
  if (doc->corner != NULL)
    merge (ws, y, 0, y, last, doc->corner, f->right_italic), y++;
  merge (ws, y, 0, y, last, doc->title, f->title);
  worksheet_set_row (ws, y, 18 * (1 + (double) (strchr (doc->title, '\n') != NULL)), NULL);
  y++;
  if (doc->subtitle != NULL)
    merge (ws, y, 0, y, last, doc->subtitle, f->italic_center), y++;
  y++;
  for (guint i = 0; i < doc->info->len; i++, y++)
    merge (ws, y, 0, y, last, doc->info->pdata[i], f->info);
  return y;
}

static void
xlsx_signatures (lxw_worksheet *ws, const Formats *f, const McReportDoc *doc, int y, int last)
{
  g_autofree char *date = place_and_date (doc);
  int half = MAX (1, (last + 1) / 2);

  merge (ws, y, half, y, last, date, f->italic_center);
  y++;
  merge (ws, y, 0, y, half - 1, doc->preparer_title, f->sign_head);
  merge (ws, y, half, y, last, doc->signer_heading, f->sign_head);
  worksheet_set_row (ws, y, strchr (doc->signer_heading, '\n') ? 32 : 16, NULL);
  merge (ws, y + 1, 0, y + 1, half - 1, "(Ký, ghi rõ họ, tên)", f->sign_note);
  merge (ws, y + 1, half, y + 1, last, "(Ký, ghi rõ họ tên, đóng dấu)", f->sign_note);
  merge (ws, y + 5, 0, y + 5, half - 1, doc->preparer, f->sign_name);
  merge (ws, y + 5, half, y + 5, last, doc->signer, f->sign_name);
}

gboolean
mc_report_doc_write_xlsx (const McReportDoc *doc, const char *path, GError **error)
{
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_error rc;
  Formats f;
  int last, y;

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  if (!check_texts (doc, error))
    return FALSE;
  wb = workbook_new (path);
  if (wb == NULL)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot create the file “%s”"), path);
      return FALSE;
    }
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
  if (doc->landscape)
    worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);  /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_center_horizontally (ws);
  worksheet_set_margins (ws, 20 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE, _("Cannot write the file “%s”: %s"),
                   path, lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

/* CSV: per table its keys as the header, then its rows (RFC 4180, UTF-8);
 * tables apart by an empty line. */

static void
csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
mc_report_doc_write_csv (const McReportDoc *doc, const char *path, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  for (guint i = 0; i < doc->tables->len; i++)
    {
      const McReportDocTable *t = doc->tables->pdata[i];

      if (i > 0)
        g_string_append (out, "\r\n");
      for (guint c = 0; c < t->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          g_string_append (out, g_array_index (t->columns, McReportDocColumn, c).csv_key);
        }
      g_string_append (out, "\r\n");
      for (guint r = 0; r < t->rows->len; r++)
        {
          const McReportDocRow *row = t->rows->pdata[r];

          for (guint c = 0; c < t->columns->len; c++)
            {
              if (c > 0)
                g_string_append_c (out, ',');
              csv_field (out, row->cells[c] ? row->cells[c] : "");
            }
          g_string_append (out, "\r\n");
        }
    }
  return g_file_set_contents (path, out->str, out->len, error);
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

static void
pdf_table (McPdfDocument *pdf, const McReportDocTable *t)
{
  g_autofree McPdfColumn *columns = g_new0 (McPdfColumn, t->columns->len);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (t->heading != NULL)
    {
      g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", t->heading);

      mc_pdf_document_space (pdf, 4);
      mc_pdf_document_text (pdf, heading, 13, MC_PDF_TEXT_PLAIN);
      mc_pdf_document_space (pdf, 2);
    }
  for (guint c = 0; c < t->columns->len; c++)
    {
      const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, c);

      columns[c] = (McPdfColumn) { col->title, col->width, col->center, col->group };
    }
  for (guint r = 0; r < t->rows->len; r++)
    g_ptr_array_add (rows, ((McReportDocRow *) t->rows->pdata[r])->cells);
  mc_pdf_document_table_full (pdf, columns, (int) t->columns->len, rows,
                              t->numbered ? MC_PDF_TABLE_NUMBERED : MC_PDF_TABLE_PLAIN, 11);
}

static void
lay_out (McPdfDocument *pdf, const McReportDoc *doc)
{
  McPdfSignature signatures[2] = {
    { doc->preparer_title, "(Ký, ghi rõ họ, tên)", doc->preparer },
    { doc->signer_heading, "(Ký, ghi rõ họ tên, đóng dấu)", doc->signer },
  };

  pdf_heading (pdf, doc);
  for (guint i = 0; i < doc->tables->len; i++)
    pdf_table (pdf, doc->tables->pdata[i]);
  mc_pdf_document_space (pdf, 12);
  mc_pdf_document_signatures (pdf, signatures, 2);
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

int
mc_report_doc_count_pages (const McReportDoc *doc, double width, double height)
{
  g_autoptr(McPdfDocument) pdf = NULL;

  g_return_val_if_fail (doc != NULL, 0);
  pdf = mc_pdf_document_new_sized (NULL, -1, page_width (doc), page_height (doc));
  lay_out (pdf, doc);
  return mc_pdf_document_get_n_pages (pdf);
}

void
mc_report_doc_draw_page (cairo_t *cr, const McReportDoc *doc, int page, double width, double height)
{
  McPdfDocument *pdf = mc_records_begin_page (cr, page, page_width (doc), page_height (doc), width, height);

  lay_out (pdf, doc);
  mc_records_end_page (cr, pdf);
}

static int
count_cb (gconstpointer data, double width, double height)
{
  return mc_report_doc_count_pages (data, width, height);
}

static void
draw_cb (cairo_t *cr, gconstpointer data, int page, double width, double height)
{
  mc_report_doc_draw_page (cr, data, page, width, height);
}

gboolean
mc_report_doc_write_pdf (const McReportDoc *doc, const char *path, GError **error)
{
  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  return check_texts (doc, error) &&
         mc_records_write_pdf (path, doc->sheet, page_width (doc), page_height (doc), count_cb, draw_cb, doc, error);
}
