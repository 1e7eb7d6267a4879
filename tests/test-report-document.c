/* test-report-document.c — one document per report (issue 14, item 5): the
 * XLSX, PDF and CSV of Biểu 06a are written from the McReportDocument core
 * built, its titles defined once; every figure's predicate opens a list as
 * long as the figure; the rows are a list model of McReportRow
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-dossier-store.h"
#include "mc-report.h"
#include "mc-report-doc.h"
#include "mc-report-document-private.h"
#include "mc-test-utils.h"

/* Seed 002's dossiers of quý I/2024 (Chứng thực 31, Hộ tịch 54). */
static McDb *
seed_db (void)
{
  g_autoptr(GError) error = NULL;
  McDb *db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "report-06a-seed002.csv", NULL);
  g_autofree char *csv = NULL;
  gsize length = 0;
  guint n = 0;

  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  g_assert_true (g_file_get_contents (path, &csv, &length, &error));
  g_assert_true (mc_dossier_store_import_csv (store, csv, length, &n, &error));
  g_assert_no_error (error);
  return db;
}

static McReportDocument *
quarter_06a (McDb *db)
{
  g_autoptr(GError) error = NULL;
  McReportDocument *doc = mc_report_document_new_06a (db, 0, mc_test_date ("2023-12-15"),
                                                       mc_test_date ("2024-03-14"), TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* "2.501" → 2501; the figures are counts. */
static guint
count_of (const char *cell)
{
  g_autofree char *digits = g_strdup (cell);
  char *end = NULL;
  guint64 value;

  g_strdelimit (digits, ".", ' ');
  for (char *r = digits, *w = digits;; r++)
    if (*r != ' ' && (*w++ = *r) == '\0')
      break;
  value = g_ascii_strtoull (digits, &end, 10);
  g_assert_true (end != digits && *end == '\0');
  return (guint) value;
}

static char *
unzip_member (const char *file, const char *member)
{
  const char *argv[] = { "unzip", "-p", file, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

/* The text of every cell of the sheet, shared strings resolved: "A12" → "Hộ tịch". */
static GHashTable *
xlsx_cells (const char *xlsx)
{
  g_autofree char *strings_xml = unzip_member (xlsx, "xl/sharedStrings.xml");
  g_autofree char *sheet = unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  g_autoptr(GRegex) si = g_regex_new ("<si><t[^>]*>([^<]*)</t></si>", 0, 0, NULL);
  g_autoptr(GRegex) cell = g_regex_new ("<c r=\"([A-Z]+[0-9]+)\"([^>]*)><v>([^<]*)</v></c>", 0, 0, NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (g_regex_match (si, strings_xml, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    g_ptr_array_add (strings, g_match_info_fetch (match, 1));
  g_clear_pointer (&match, g_match_info_unref);
  for (g_regex_match (cell, sheet, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *attributes = g_match_info_fetch (match, 2);
      g_autofree char *value = g_match_info_fetch (match, 3);

      g_hash_table_insert (cells, g_match_info_fetch (match, 1),
                           strstr (attributes, "t=\"s\"") ? g_strdup (strings->pdata[atoi (value)])
                                                          : g_steal_pointer (&value));
    }
  return cells;
}

static const char *
xlsx_cell (GHashTable *cells, guint column, guint row)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", 'A' + column, row);

  return g_hash_table_lookup (cells, ref);
}

/* The form's headings are mc_report_06a_column_title's, once: the
 * document's columns, the CSV header (mc_report_06a_column_name) and the
 * XLSX header rows are the same strings. */
static void
test_titles_once (void)
{
  g_autoptr(McDb) db = seed_db ();
  g_autoptr(McReportDocument) doc = quarter_06a (db);
  const McReportTable *t = mc_report_document_get_table (doc, 0);
  g_autofree char *xlsx = mc_test_tmp_path ("titles-06a.xlsx");
  g_autofree char *csv_path = mc_test_tmp_path ("titles-06a.csv");
  g_autofree char *csv = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (mc_report_document_get_n_tables (doc), ==, 1);
  g_assert_cmpuint (t->columns->len, ==, 13);
  for (int k = 1; k < MC_06A_N_COLUMNS; k++)
    {
      const McReportColumn *col = &g_array_index (t->columns, McReportColumn, k - 1);

      g_assert_cmpstr (col->title, ==, mc_report_06a_column_title (k));
      g_assert_cmpstr (col->group, ==, mc_report_06a_column_group (k));
      g_assert_cmpint (col->key, ==, k >= MC_06A_RECEIVED ? k : -1);
    }
  g_assert_cmpstr (mc_report_06a_column_name (MC_06A_LATE), ==, "Số hồ sơ đã giải quyết: Quá hạn (10)");
  g_assert_cmpstr (mc_report_06a_column_name (MC_06A_ONLINE), ==, "Số hồ sơ nhận giải quyết: Trực tuyến (4)");

  g_remove (xlsx);
  g_remove (csv_path);
  g_assert_true (mc_report_doc_write_xlsx (doc, xlsx, &error));
  g_assert_true (mc_report_doc_write_csv (doc, csv_path, &error));
  g_assert_no_error (error);
  /* The header rows 7–9: a title without a group spans them, the others
   * under their group, (4) and (5) under "Trong đó" too. */
  cells = xlsx_cells (xlsx);
  for (guint c = 0; c < t->columns->len; c++)
    {
      const McReportColumn *col = &g_array_index (t->columns, McReportColumn, c);

      g_assert_cmpstr (xlsx_cell (cells, c, col->group == NULL ? 7 : col->subgroup == NULL ? 8 : 9), ==, col->title);
    }
  g_assert_cmpstr (xlsx_cell (cells, 3, 8), ==, "Trong đó");
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
    g_assert_nonnull (strstr (csv, mc_report_06a_column_name (k)));
}

/* The writers take everything from the document: a title or a figure
 * changed in it is what the XLSX and the PDF print (they compute nothing
 * and keep no title of their own), and every figure equals the report's. */
static void
test_exports_write_the_document (void)
{
  g_autoptr(McDb) db = seed_db ();
  g_autoptr(McReportDocument) doc = quarter_06a (db);
  g_autoptr(McReport06a) report = mc_report_06a_compute (db, 0, mc_test_date ("2023-12-15"),
                                                         mc_test_date ("2024-03-14"), TRUE, NULL);
  GListModel *rows = mc_report_document_get_rows (doc, 0);
  McReportTable *t = (McReportTable *) mc_report_document_get_table (doc, 0);
  g_autofree char *xlsx = mc_test_tmp_path ("doc-06a.xlsx");
  g_autofree char *pdf = mc_test_tmp_path ("doc-06a.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McReportRow) first = NULL;

  /* The figures are the computation's. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, report->rows->len + 1);
  for (guint r = 0; r <= report->rows->len; r++)
    {
      const McReport06aRow *figures = r < report->rows->len ? report->rows->pdata[r] : &report->total;

      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        g_assert_cmpuint (count_of (mc_report_document_get_cell (doc, 0, r, k - 1)), ==, figures->c[k]);
    }
  /* Changed in the document, changed on paper. */
  first = mc_report_document_get_row (doc, 0, 0);
  mc_report_row_take_cell (first, 4, g_strdup ("7.777"));
  g_free (g_array_index (t->columns, McReportColumn, 9).title);
  g_array_index (t->columns, McReportColumn, 9).title = g_strdup ("QH10");
  g_remove (xlsx);
  g_remove (pdf);
  g_assert_true (mc_report_doc_write_xlsx (doc, xlsx, &error));
  g_assert_true (mc_report_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  cells = xlsx_cells (xlsx);
  g_assert_cmpstr (xlsx_cell (cells, 4, 11), ==, "7777");
  g_assert_cmpstr (xlsx_cell (cells, 9, 8), ==, "QH10");
  for (guint r = 1; r < g_list_model_get_n_items (rows); r++)
    for (guint c = 2; c < t->columns->len; c++)
      g_assert_cmpuint (count_of (xlsx_cell (cells, c, 11 + r)), ==,
                        count_of (mc_report_document_get_cell (doc, 0, r, c)));
  if ((text = mc_test_pdftotext (pdf, "-raw")) == NULL)
    return;
  mc_test_assert_has (text, "7.777");
  mc_test_assert_has (text, "QH10");
  mc_test_assert_has (text, mc_report_document_get_text (doc, MC_REPORT_TEXT_SUBTITLE));
}

/* Every figure of Biểu 06a, the public appendix and Phụ lục 01b opens
 * through its own predicate a list of exactly as many entries. */
static void
test_figures_open_their_lists (void)
{
  g_autoptr(McDb) db = seed_db ();
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint checked = 0, nonzero = 0;

  g_ptr_array_add (docs, quarter_06a (db));
  g_ptr_array_add (docs, mc_report_document_new_public (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error));
  g_ptr_array_add (docs, mc_report_document_new_cchc (db, 0, from, to, &error));
  g_assert_no_error (error);
  for (guint d = 0; d < docs->len; d++)
    {
      McReportDocument *doc = docs->pdata[d];
      const McReportTable *t = mc_report_document_get_table (doc, 0);

      for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (t->rows)); r++)
        for (guint c = 0; c < t->columns->len; c++)
          {
            g_autoptr(GPtrArray) items = NULL;
            const char *cell = mc_report_document_get_cell (doc, 0, r, c);

            if (!mc_report_document_is_figure (doc, 0, r, c) || *cell == '\0')
              continue;
            items = mc_report_document_figure_items (doc, db, 0, r, c, NULL, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (items->len, ==, count_of (cell));
            checked++;
            nonzero += items->len > 0;
          }
    }
  /* 06a: 3 rows × 11; the appendix: 3 × 10; Phụ lục 01b's computed lines. */
  g_assert_cmpuint (checked, >, 63);
  g_assert_cmpuint (nonzero, >, 20);
  /* The labels are no figures. */
  g_assert_false (mc_report_document_is_figure (docs->pdata[0], 0, 0, 1));
}

/* The rows are a GListModel of McReportRow, read through properties as a
 * list item binds them. */
static void
test_rows_model (void)
{
  g_autoptr(McDb) db = seed_db ();
  g_autoptr(McReportDocument) doc = quarter_06a (db);
  GListModel *rows = mc_report_document_get_rows (doc, 0);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(McReportRow) total = g_list_model_get_item (rows, n - 1);
  g_auto(GStrv) cells = NULL;
  gboolean bold = FALSE;
  gint64 key = -1;
  g_autofree char *title = NULL, *issuer = NULL;
  guint n_tables = 0;

  g_assert_true (g_list_model_get_item_type (rows) == MC_TYPE_REPORT_ROW);
  g_assert_cmpuint (n, ==, 3);  /* Chứng thực, Hộ tịch, the total */
  g_object_get (total, "cells", &cells, "bold", &bold, "key", &key, NULL);
  g_assert_true (bold);
  g_assert_cmpint (key, ==, 0);
  g_assert_cmpuint (g_strv_length (cells), ==, 13);
  g_assert_cmpstr (cells[1], ==, "Tổng số");
  g_assert_cmpstr (cells[2], ==, "86");  /* the fixture's 85 and the commune's one, here the unit's own */
  g_object_get (doc, "title", &title, "issuer", &issuer, "n-tables", &n_tables, NULL);
  g_assert_cmpstr (title, ==, "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC");
  g_assert_nonnull (issuer);
  g_assert_cmpuint (n_tables, ==, 1);
  g_assert_cmpstr (mc_report_document_get_text (doc, MC_REPORT_TEXT_SUBTITLE), ==,
                   "(Từ ngày 15/12/2023 đến ngày 14/03/2024)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/report-document/titles-once", test_titles_once);
  g_test_add_func ("/report-document/exports-write-the-document", test_exports_write_the_document);
  g_test_add_func ("/report-document/figures-open-their-lists", test_figures_open_their_lists);
  g_test_add_func ("/report-document/rows-model", test_rows_model);
  return g_test_run ();
}
