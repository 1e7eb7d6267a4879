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

#include <math.h>
#include <string.h>

#include "mc-chart-draw.h"
#include "mc-csv.h"
#include "mc-export-file.h"
#include "mc-pdf-document.h"
#include "mc-records-private.h"
#include "mc-report-06a-export.h"
#include "mc-report-doc.h"
#include "mc-report-export-private.h"
#include "mc-xlsx-number.h"

#define TEXT(doc, which) mc_report_document_get_text ((doc), MC_REPORT_TEXT_##which)

static McReportRow *
row_at (const McReportTable *t, guint r)
{
  McReportRow *row = g_list_model_get_item (G_LIST_MODEL (t->rows), r);

  /* The table keeps it: a borrowed pointer, like the cells it reads. */
  g_object_unref (row);
  return row;
}

static guint
n_rows (const McReportTable *t)
{
  return g_list_model_get_n_items (G_LIST_MODEL (t->rows));
}

static gboolean
check_texts (McReportDocument *doc, GError **error)
{
  const char *texts[] = { TEXT (doc, ISSUER), TEXT (doc, CORNER), TEXT (doc, BASIS), TEXT (doc, TITLE),
                          TEXT (doc, SUBTITLE), TEXT (doc, PLACE), TEXT (doc, PREPARER), TEXT (doc, SIGNER),
                          TEXT (doc, SIGNER_HEADING), TEXT (doc, PREPARER_TITLE) };
  GPtrArray *info = mc_report_document_get_info (doc);

  if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  for (guint i = 0; i < info->len; i++)
    if (!mc_records_check_utf8 ((const char *const[]) { info->pdata[i] }, 1, error))
      return FALSE;
  for (guint i = 0; i < mc_report_document_get_n_tables (doc); i++)
    {
      const McReportTable *t = mc_report_document_get_table (doc, i);

      for (guint r = 0; r < n_rows (t); r++)
        if (!mc_records_check_utf8 (mc_report_row_get_cells (row_at (t, r)), t->columns->len, error))
          return FALSE;
    }
  return TRUE;
}

static McReportSignatures
signatures (McReportDocument *doc, const char *date)
{
  return (McReportSignatures) { date, TEXT (doc, PREPARER_TITLE), TEXT (doc, PREPARER), TEXT (doc, SIGNER_HEADING),
                                TEXT (doc, SIGNER) };
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
widest_table (McReportDocument *doc)
{
  guint n = 1;

  for (guint i = 0; i < mc_report_document_get_n_tables (doc); i++)
    n = MAX (n, mc_report_document_get_table (doc, i)->columns->len);
  return n;
}

static gboolean
has_groups (const McReportTable *t)
{
  for (guint c = 0; c < t->columns->len; c++)
    if (g_array_index (t->columns, McReportColumn, c).group != NULL)
      return TRUE;
  return FALSE;
}

/* The header of a table from row y; the first row after it. */
static int
xlsx_table_head (lxw_worksheet *ws, const Formats *f, const McReportTable *t, int y)
{
  gboolean groups = has_groups (t);

  for (guint c = 0; c < t->columns->len;)
    {
      const McReportColumn *col = &g_array_index (t->columns, McReportColumn, c);
      guint end = c;

      if (col->group == NULL)
        {
          mc_report_xlsx_merge (ws, y, c, groups ? y + 1 : y, c, col->title, f->head);
          c++;
          continue;
        }
      while (end + 1 < t->columns->len &&
             g_strcmp0 (g_array_index (t->columns, McReportColumn, end + 1).group, col->group) == 0)
        end++;
      mc_report_xlsx_merge (ws, y, c, y, end, col->group, f->head);
      for (guint k = c; k <= end; k++)
        worksheet_write_string (ws, y + 1, k, g_array_index (t->columns, McReportColumn, k).title, f->head);
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

/* The table from row y; the first row after it. *first: its first row of
 * figures (a chart's range). */
static int
xlsx_table (lxw_worksheet *ws, const Formats *f, const McReportTable *t, int y, int *first)
{
  if (t->heading != NULL)
    mc_report_xlsx_merge (ws, y, 0, y, (int) t->columns->len - 1, t->heading, f->heading), y++;
  y = xlsx_table_head (ws, f, t, y);
  *first = y;
  for (guint r = 0; r < n_rows (t); r++, y++)
    {
      McReportRow *row = row_at (t, r);
      gboolean bold = mc_report_row_get_bold (row);

      for (guint c = 0; c < t->columns->len; c++)
        {
          const McReportColumn *col = &g_array_index (t->columns, McReportColumn, c);
          lxw_format *format = col->center ? (bold ? f->count_bold : f->count) : (bold ? f->cell_bold : f->cell);

          /* The centred columns hold the figures (and the STT, "Đơn vị
           * tính"): a figure is a number, so that the sheet sums; "3.1",
           * "TTHC" stay text. */
          if (col->center)
            mc_xlsx_write_figure (ws, y, c, mc_report_row_get_cell (row, c), bold ? &f->figures_bold : &f->figures,
                                  format);
          else
            worksheet_write_string (ws, y, c, mc_report_row_get_cell (row, c), format);
        }
    }
  return y + 1;
}

static int
xlsx_heading (lxw_worksheet *ws, const Formats *f, McReportDocument *doc, int last)
{
  int y = 0, half = MAX (1, (last + 1) / 2 - 1);
  GPtrArray *info = mc_report_document_get_info (doc);
  const char *title = TEXT (doc, TITLE);

  mc_report_xlsx_merge (ws, y, 0, y, half, TEXT (doc, ISSUER), f->left_bold);
  mc_report_xlsx_merge (ws, y, half + 1, y, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f->left_bold);
  y++;
  mc_report_xlsx_merge (ws, y, half + 1, y, last, "Độc lập - Tự do - Hạnh phúc", f->left_bold);
  y += 2;
  if (TEXT (doc, CORNER) != NULL)
    mc_report_xlsx_merge (ws, y, 0, y, last, TEXT (doc, CORNER), f->right_italic), y++;
  mc_report_xlsx_merge (ws, y, 0, y, last, title, f->title);
  worksheet_set_row (ws, y, 18 * (1 + (double) (strchr (title, '\n') != NULL)), NULL);
  y++;
  if (TEXT (doc, SUBTITLE) != NULL)
    mc_report_xlsx_merge (ws, y, 0, y, last, TEXT (doc, SUBTITLE), f->italic_center), y++;
  y++;
  for (guint i = 0; i < info->len; i++, y++)
    mc_report_xlsx_merge (ws, y, 0, y, last, info->pdata[i], f->info);
  return y;
}

static void
xlsx_signatures (lxw_worksheet *ws, const Formats *f, McReportDocument *doc, int y, int last)
{
  g_autofree char *date = mc_report_place_and_date (TEXT (doc, PLACE), mc_report_document_get_signed_on (doc));
  McReportSignatures s = signatures (doc, date);
  int half = MAX (1, (last + 1) / 2);

  mc_report_xlsx_signatures (ws, &f->sign, &s, y, half - 1, half, last);
}

/* The document's charts as the workbook's own (libxlsxwriter's chart
 * API), over the cells the tables wrote, so they follow an edit of the
 * sheet: below the signatures, one under the other. */
static void
xlsx_charts (lxw_workbook *wb, lxw_worksheet *ws, McReportDocument *doc, const int *firsts, int y)
{
  for (guint i = 0; i < mc_report_document_get_n_charts (doc); i++)
    {
      const McReportChart *c = mc_report_document_get_chart (doc, i);
      const McReportTable *t = mc_report_document_get_table (doc, c->table);
      int first = firsts[c->table], end = first + (int) n_rows (t) - 2;  /* the total left out */
      lxw_chart *chart;
      lxw_chart_options options = { .x_scale = 1.6, .y_scale = 1.3 };

      if (end < first)
        continue;
      chart = workbook_add_chart (wb, c->kind == MC_REPORT_CHART_COLUMNS ? LXW_CHART_COLUMN : LXW_CHART_LINE);
      chart_title_set_name (chart, c->title);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
      for (guint k = 0; k < c->n_columns; k++)
        {
          lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
          const McReportColumn *col = &g_array_index (t->columns, McReportColumn, c->columns[k]);

          chart_series_set_categories (series, TEXT (doc, SHEET), (lxw_row_t) first, 0, (lxw_row_t) end, 0);
          chart_series_set_values (series, TEXT (doc, SHEET), (lxw_row_t) first, (lxw_col_t) c->columns[k],
                                   (lxw_row_t) end, (lxw_col_t) c->columns[k]);
          chart_series_set_name (series, col->title);
          if (c->kind == MC_REPORT_CHART_LINES)
            chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
        }
      worksheet_insert_chart_opt (ws, (lxw_row_t) y, 0, chart, &options);
      y += 22;
    }
}

gboolean
mc_report_doc_write_xlsx (McReportDocument *doc, const char *path, GError **error)
{
  lxw_workbook *wb;
  lxw_worksheet *ws;
  char *tmp = NULL;
  g_autofree int *firsts = NULL;
  Formats f;
  int last, y;

  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc) && path != NULL, FALSE);

  if (mc_report_document_get_kind (doc) == MC_REPORT_DOC_06A)
    return check_texts (doc, error) && mc_report_06a_write_xlsx (doc, path, error);
  if (!check_texts (doc, error) || (wb = mc_report_xlsx_new (path, &tmp, error)) == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, TEXT (doc, SHEET));
  make_formats (wb, &f);
  last = (int) widest_table (doc) - 1;
  y = xlsx_heading (ws, &f, doc, last);
  firsts = g_new0 (int, mc_report_document_get_n_tables (doc) + 1);
  for (guint i = 0; i < mc_report_document_get_n_tables (doc); i++)
    {
      const McReportTable *t = mc_report_document_get_table (doc, i);

      for (guint c = 0; c < t->columns->len && i == 0; c++)
        worksheet_set_column (ws, c, c, g_array_index (t->columns, McReportColumn, c).xlsx_width, NULL);
      y = xlsx_table (ws, &f, t, y, &firsts[i]);
    }
  xlsx_signatures (ws, &f, doc, y, last);
  xlsx_charts (wb, ws, doc, firsts, y + 8);
  mc_report_xlsx_page_setup (ws, mc_report_document_get_landscape (doc));
  mc_report_xlsx_footer (ws, TEXT (doc, AUDIT_HEAD));
  return mc_report_xlsx_close (wb, tmp, path, error);
}

/* A column's name in a CSV header, as the form prints it: its group, its
 * title and, for a figure of a numbered table, the number under it —
 * "Tình trạng giải quyết hồ sơ TTHC: Số hồ sơ TTHC đang giải quyết (7)". */
static char *
csv_name (const McReportTable *t, guint c)
{
  const McReportColumn *col = &g_array_index (t->columns, McReportColumn, c);
  g_autofree char *number = t->numbered && col->key >= 0 ? g_strdup_printf (" (%u)", c + 1) : g_strdup ("");

  if (col->group != NULL)
    return g_strdup_printf ("%s: %s%s", col->group, col->title, number);
  return g_strdup_printf ("%s%s", col->title, number);
}

/* A count in a centred column without its thousands dots ("2501"): a CSV
 * is read by programs, and "2.501" would be two and a half to one set for
 * English; decimals ("77,5") stay as the report writes them. */
static void
csv_row (GString *out, const McReportTable *t, McReportRow *row)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < t->columns->len; c++)
    {
      double value;
      int decimals;
      gboolean percent;

      const char *cell = mc_report_row_get_cell (row, c);

      if (g_array_index (t->columns, McReportColumn, c).center &&
          mc_xlsx_number_parse (cell, &value, &decimals, &percent) && decimals == 0 && !percent)
        g_ptr_array_add (cells, g_strdup_printf ("%.0f", value));
      else
        g_ptr_array_add (cells, g_strdup (cell));
    }
  mc_csv_append_row (out, (const char *const *) cells->pdata, t->columns->len);
}

/* CSV: per table the form's column names as the header, then its rows (RFC
 * 4180, UTF-8 after a byte order mark, for Excel); tables apart by an empty
 * line. */

gboolean
mc_report_doc_write_csv (McReportDocument *doc, const char *path, GError **error)
{
  g_autoptr(GString) out = mc_csv_document_new ();

  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc) && path != NULL, FALSE);

  for (guint i = 0; i < mc_report_document_get_n_tables (doc); i++)
    {
      const McReportTable *t = mc_report_document_get_table (doc, i);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      if (i > 0)
        g_string_append (out, "\r\n");
      for (guint c = 0; c < t->columns->len; c++)
        g_ptr_array_add (names, csv_name (t, c));
      mc_csv_append_row (out, (const char *const *) names->pdata, t->columns->len);
      for (guint r = 0; r < n_rows (t); r++)
        csv_row (out, t, row_at (t, r));
    }
  return mc_export_file_set_contents (path, out->str, out->len, error);
}

/* PDF and print */

static void
pdf_heading (McPdfDocument *pdf, McReportDocument *doc)
{
  const char *bodies[] = { TEXT (doc, ISSUER), NULL };
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", TEXT (doc, TITLE));
  GPtrArray *info = mc_report_document_get_info (doc);

  mc_pdf_document_header (pdf, bodies, TEXT (doc, PLACE), mc_report_document_get_signed_on (doc));
  if (TEXT (doc, CORNER) != NULL)
    {
      g_autofree char *corner = g_markup_printf_escaped ("<b>%s</b>", TEXT (doc, CORNER));

      mc_pdf_document_text (pdf, corner, 13, MC_PDF_TEXT_RIGHT);
    }
  mc_pdf_document_space (pdf, 6);
  mc_pdf_document_text (pdf, title, 13, MC_PDF_TEXT_CENTER);
  if (TEXT (doc, SUBTITLE) != NULL)
    {
      g_autofree char *subtitle = g_markup_printf_escaped ("<i>%s</i>", TEXT (doc, SUBTITLE));

      mc_pdf_document_text (pdf, subtitle, 13, MC_PDF_TEXT_CENTER);
    }
  mc_pdf_document_space (pdf, 6);
  for (guint i = 0; i < info->len; i++)
    {
      g_autofree char *line = g_markup_escape_text (info->pdata[i], -1);

      mc_pdf_document_text (pdf, line, 13, MC_PDF_TEXT_PLAIN);
    }
  mc_pdf_document_space (pdf, 4);
}

#define HEADING_SPACE 2.0

/* The table under its heading; keep: the height kept with its last row
 * (the signatures), 0 for none. The heading stays with the table's header
 * and first row (and what is kept with a one-row table). */
static void
pdf_table (McPdfDocument *pdf, const McReportTable *t, double keep)
{
  g_autofree McPdfColumn *columns = g_new0 (McPdfColumn, t->columns->len);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  McPdfTableFlags flags = t->numbered ? MC_PDF_TABLE_NUMBERED : MC_PDF_TABLE_PLAIN;

  for (guint c = 0; c < t->columns->len; c++)
    {
      const McReportColumn *col = &g_array_index (t->columns, McReportColumn, c);

      columns[c] = (McPdfColumn) { col->title, col->width, col->center, col->group, col->subgroup };
    }
  for (guint r = 0; r < n_rows (t); r++)
    g_ptr_array_add (rows, (gpointer) mc_report_row_get_cells (row_at (t, r)));
  if (t->heading != NULL)
    {
      g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", t->heading);
      double start = mc_pdf_document_table_start_height (pdf, columns, (int) t->columns->len, rows, flags, 11);

      mc_pdf_document_space (pdf, 4);
      mc_pdf_document_keep_with_next (pdf, HEADING_SPACE + start + (n_rows (t) <= 1 ? keep : 0));
      mc_pdf_document_text (pdf, heading, 13, MC_PDF_TEXT_PLAIN);
      mc_pdf_document_space (pdf, HEADING_SPACE);
    }
  mc_pdf_document_keep_with_next (pdf, keep);
  mc_pdf_document_table_full (pdf, columns, (int) t->columns->len, rows, flags, 11);
}

#define SIGNATURES_SPACE 12.0
#define CHART_HEIGHT 190.0

/* A chart's figures read back from its table's cells (the last row, the
 * total, left out): what the PDF draws is what the table says. */
static McChartData *
chart_data (McReportDocument *doc, const McReportChart *c)
{
  const McReportTable *t = mc_report_document_get_table (doc, c->table);
  McChartData *data = mc_chart_data_new (c->kind == MC_REPORT_CHART_COLUMNS ? MC_CHART_GROUPED_BARS : MC_CHART_LINE,
                                         c->title, FALSE);
  guint n = n_rows (t) > 0 ? n_rows (t) - 1 : 0;

  data->decimals = c->decimals;
  for (guint r = 0; r < n; r++)
    mc_chart_data_add_category (data, mc_report_row_get_cell (row_at (t, r), 0));
  for (guint k = 0; k < c->n_columns; k++)
    {
      McChartSeries *series = mc_chart_data_add_series (data, g_array_index (t->columns, McReportColumn,
                                                                             c->columns[k]).title);

      for (guint r = 0; r < n; r++)
        {
          double value;
          int decimals;
          gboolean percent;

          series->values[r] = mc_xlsx_number_parse (mc_report_row_get_cell (row_at (t, r), c->columns[k]), &value,
                                                    &decimals, &percent) ? value : NAN;
        }
    }
  return data;
}

/* The document's charts under its heading, drawn by the page's cairo code
 * (mc-chart-draw.c) in black on white, the full width of the text. */
static void
pdf_charts (McPdfDocument *pdf, McReportDocument *doc)
{
  static const double black[4] = { 0, 0, 0, 1 };

  for (guint i = 0; i < mc_report_document_get_n_charts (doc); i++)
    {
      g_autoptr(McChartData) data = chart_data (doc, mc_report_document_get_chart (doc, i));
      double top;
      cairo_t *cr;

      if (mc_chart_data_is_empty (data))
        continue;
      mc_pdf_document_space (pdf, 4);
      mc_pdf_document_keep_with_next (pdf, HEADING_SPACE + CHART_HEIGHT);
      mc_pdf_document_text (pdf, data->title, 12, MC_PDF_TEXT_PLAIN);
      mc_pdf_document_space (pdf, HEADING_SPACE);
      top = mc_pdf_document_place (pdf, CHART_HEIGHT);
      if ((cr = mc_pdf_document_get_cairo (pdf)) == NULL)
        continue;
      cairo_save (cr);
      cairo_translate (cr, mc_pdf_document_get_margin_left (pdf), top);
      mc_chart_draw (data, cr, mc_pdf_document_get_content_width (pdf), CHART_HEIGHT, black, 8.5, NULL);
      cairo_restore (cr);
    }
}

static void
lay_out (McPdfDocument *pdf, gconstpointer data)
{
  McReportDocument *doc = (McReportDocument *) data;
  McReportSignatures s = signatures (doc, NULL);
  guint n = mc_report_document_get_n_tables (doc);

  mc_report_pdf_audit_note (pdf, TEXT (doc, AUDIT_HEAD), TEXT (doc, RULES_NOTE));
  pdf_heading (pdf, doc);
  pdf_charts (pdf, doc);
  for (guint i = 0; i < n; i++)
    {
      /* The signatures never alone on the last page: the last table's last
       * row goes with them. */
      double keep = i + 1 == n ? SIGNATURES_SPACE + mc_report_pdf_signatures_height (pdf, &s) : 0;

      pdf_table (pdf, mc_report_document_get_table (doc, i), keep);
    }
  mc_pdf_document_space (pdf, SIGNATURES_SPACE);
  mc_report_pdf_signatures (pdf, &s);
}

static double
page_width (McReportDocument *doc)
{
  return mc_report_document_get_landscape (doc) ? MC_PDF_LANDSCAPE_WIDTH : MC_PDF_PAGE_WIDTH;
}

static double
page_height (McReportDocument *doc)
{
  return mc_report_document_get_landscape (doc) ? MC_PDF_LANDSCAPE_HEIGHT : MC_PDF_PAGE_HEIGHT;
}

McRecordsPages *
mc_report_doc_record_pages (McReportDocument *doc, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc), NULL);

  if (mc_report_document_get_kind (doc) == MC_REPORT_DOC_06A)
    return mc_report_06a_record_pages (doc, error);
  return mc_records_pages_new (lay_out, doc, page_width (doc), page_height (doc), NULL, error);
}

gboolean
mc_report_doc_write_pdf (McReportDocument *doc, const char *path, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_DOCUMENT (doc) && path != NULL, FALSE);

  if (mc_report_document_get_kind (doc) == MC_REPORT_DOC_06A)
    return check_texts (doc, error) && mc_report_06a_write_pdf (doc, path, error);
  return check_texts (doc, error) &&
         mc_report_pdf_write (path, TEXT (doc, SHEET), lay_out, doc, page_width (doc), page_height (doc), error);
}

gboolean
mc_report_doc_write (McReportDocument *doc, const char *format, const char *path, GError **error)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_str_equal (format, "xlsx"))
    return mc_report_doc_write_xlsx (doc, path, error);
  return g_str_equal (format, "pdf") ? mc_report_doc_write_pdf (doc, path, error)
                                     : mc_report_doc_write_csv (doc, path, error);
}
