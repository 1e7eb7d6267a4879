/* test-report-layout.c — the statutory reports on paper: the signatures
 * never alone on a page (Biểu 06a, the tables of McReportDocument, the
 * narrative) for every length around a page break, Biểu 06a's one "Trong
 * đó" and thousands dots, page numbers from page 2 at the top, and the
 * workbooks' margins, header and figures read back from the sheet XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "mc-report-doc.h"
#include "mc-report-document-private.h"
#include "mc-report-narrative-export.h"
#include "mc-report-narrative-private.h"
#include "mc-test-utils.h"
#include "mc-xlsx-header.h"

/* The PDF's pages as pdftotext reads them (pages end with a form feed). */
static GStrv
pdf_pages (const char *pdf)
{
  g_autofree char *text = mc_test_pdftotext (pdf, "-layout");
  GStrv pages;
  guint n;

  if (text == NULL)
    return NULL;
  pages = g_strsplit (text, "\f", -1);
  n = g_strv_length (pages);
  if (n > 0 && g_strstrip (pages[n - 1])[0] == '\0')
    g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

/* The last page holds the last row (or line) and the whole signature. */
static void
assert_last_page (GStrv pages, const char *last_row, const char *signature, guint n)
{
  guint count = g_strv_length (pages);
  const char *last = pages[count - 1];

  if (strstr (last, last_row) == NULL || strstr (last, signature) == NULL)
    g_error ("%u rows: the last of %u pages lacks “%s” or “%s”:\n%s", n, count, last_row, signature, last);
}

static void
set_text (McReportDocument *doc, McReportText which, const char *text)
{
  mc_report_document_take_text (doc, which, g_strdup (text));
}

/* The heading and signatures every made-up document has. */
static void
doc_texts (McReportDocument *doc)
{
  set_text (doc, MC_REPORT_TEXT_ISSUER, "UBND PHƯỜNG PHÚ SƠN");
  set_text (doc, MC_REPORT_TEXT_PLACE, "Phú Sơn");
  mc_report_document_set_signed_on (doc, mc_test_date ("2024-03-14"));
  set_text (doc, MC_REPORT_TEXT_PREPARER_TITLE, "NGƯỜI LẬP BIỂU");
  set_text (doc, MC_REPORT_TEXT_PREPARER, "Lê Thị Hoa");
  set_text (doc, MC_REPORT_TEXT_SIGNER_HEADING, "KT. THỦ TRƯỞNG ĐƠN VỊ\nPHÓ CHỦ TỊCH");
  set_text (doc, MC_REPORT_TEXT_SIGNER, "Nguyễn Văn Nam");
}

static McReportDocument *
table_doc (guint n_rows)
{
  McReportDocument *doc = mc_report_document_alloc (MC_REPORT_DOC_PUBLIC, 0, MC_REPORT_SCOPE_UNIT,
                                                    mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"));
  McReportTable *t;

  doc_texts (doc);
  mc_report_document_set_landscape (doc, TRUE);
  set_text (doc, MC_REPORT_TEXT_SHEET, "Công khai kết quả");
  set_text (doc, MC_REPORT_TEXT_CORNER, "Phụ lục số 01");
  set_text (doc, MC_REPORT_TEXT_TITLE, "BẢNG TỔNG HỢP KẾT QUẢ");
  t = mc_report_document_add_table (doc, NULL, TRUE);
  mc_report_document_add_column (t, "STT", NULL, 28, 5, TRUE, -1);
  mc_report_document_add_column (t, "Lĩnh vực", NULL, 0, 34, FALSE, -1);
  mc_report_document_add_column (t, "Tổng số", "Hồ sơ", 60, 11, TRUE, 0);
  mc_report_document_add_column (t, "Điểm", "Hồ sơ", 60, 11, TRUE, 1);
  for (guint i = 0; i < n_rows; i++)
    {
      McReportRow *row = mc_report_document_add_row (t, i, i + 1 == n_rows);

      mc_report_row_take_cell (row, 0, g_strdup_printf ("%u", i + 1));
      mc_report_row_take_cell (row, 1, g_strdup_printf ("Dòng số %u", i + 1));
      mc_report_row_take_cell (row, 2, g_strdup (i == 0 ? "2.501" : "12"));
      mc_report_row_take_cell (row, 3, g_strdup (i == 0 ? "17,4" : ""));
    }
  return doc;
}

static void
test_doc_signatures (void)
{
  g_autofree char *pdf = mc_test_tmp_path ("doc.pdf");

  for (guint n = 1; n <= 40; n++)
    {
      g_autoptr(McReportDocument) doc = table_doc (n);
      g_autoptr(GError) error = NULL;
      g_autofree char *last_row = g_strdup_printf ("Dòng số %u ", n);
      g_auto(GStrv) pages = NULL;

      g_assert_true (mc_report_doc_write_pdf (doc, pdf, &error));
      g_assert_no_error (error);
      if ((pages = pdf_pages (pdf)) == NULL)
        return;
      assert_last_page (pages, last_row, "NGƯỜI LẬP BIỂU", n);
      assert_last_page (pages, last_row, "Nguyễn Văn Nam", n);
    }
}

/* As the evaluation table: a long table under "I.", then one of a single
 * row under "II.": that row, its heading and the signatures end the last
 * page together (the heading was once left with the row while the
 * signatures went over alone). */
static void
test_two_tables_signatures (void)
{
  g_autofree char *pdf = mc_test_tmp_path ("two.pdf");

  for (guint n = 1; n <= 30; n++)
    {
      g_autoptr(McReportDocument) doc = table_doc (n);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) pages = NULL;
      McReportTable *t;
      McReportRow *row;

      mc_report_document_set_landscape (doc, FALSE);
      ((McReportTable *) mc_report_document_get_table (doc, 0))->heading = g_strdup ("I. Bảng thứ nhất");
      t = mc_report_document_add_table (doc, "II. Bảng thứ hai", FALSE);
      mc_report_document_add_column (t, "Rất hài lòng", "Tỷ lệ %", 0, 14, TRUE, 0);
      mc_report_document_add_column (t, "Hài lòng", "Tỷ lệ %", 0, 14, TRUE, 1);
      row = mc_report_document_add_row (t, 0, FALSE);
      mc_report_row_take_cell (row, 0, g_strdup ("78,6"));
      mc_report_row_take_cell (row, 1, g_strdup ("21,4"));
      g_assert_true (mc_report_doc_write_pdf (doc, pdf, &error));
      g_assert_no_error (error);
      if ((pages = pdf_pages (pdf)) == NULL)
        return;
      assert_last_page (pages, "II. Bảng thứ hai", "NGƯỜI LẬP BIỂU", n);
      assert_last_page (pages, "78,6", "Nguyễn Văn Nam", n);
      /* The first table's heading is never alone at a page's foot. */
      for (guint p = 0; pages[p]; p++)
        if (strstr (pages[p], "I. Bảng thứ nhất") != NULL)
          g_assert_nonnull (strstr (pages[p], "Dòng số 1 "));
    }
}

/* Biểu 06a of made-up figures, built as core builds it from a computation. */
static McReportDocument *
doc_06a (guint n_rows)
{
  g_autoptr(McReport06a) report = g_new0 (McReport06a, 1);
  McReportDocument *doc = mc_report_document_alloc (MC_REPORT_DOC_06A, 0, MC_REPORT_SCOPE_UNIT,
                                                    mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"));

  report->from = mc_test_date ("2023-12-15");
  report->to = mc_test_date ("2024-03-14");
  report->rows = g_ptr_array_new_with_free_func (g_free);
  report->total.field_name = g_strdup ("Tổng số");
  for (guint i = 0; i < n_rows; i++)
    {
      McReport06aRow *row = g_new0 (McReport06aRow, 1);

      row->field_id = i + 1;
      row->field_name = g_strdup_printf ("Lĩnh vực số %u", i + 1);
      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        row->c[k] = i == 0 ? 2501 : k;
      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        report->total.c[k] += row->c[k];
      g_ptr_array_add (report->rows, row);
    }
  doc_texts (doc);
  set_text (doc, MC_REPORT_TEXT_AUDIT_HEAD, "12:abcdef");
  mc_report_document_fill_06a (doc, report);
  for (guint i = 0; i < report->rows->len; i++)
    g_free (((McReport06aRow *) report->rows->pdata[i])->field_name);
  return doc;
}

static void
test_06a_signatures (void)
{
  g_autofree char *pdf = mc_test_tmp_path ("06a.pdf");

  for (guint n = 1; n <= 36; n++)
    {
      g_autoptr(McReportDocument) doc = doc_06a (n);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) pages = NULL;

      g_assert_true (mc_report_doc_write_pdf (doc, pdf, &error));
      g_assert_no_error (error);
      if ((pages = pdf_pages (pdf)) == NULL)
        return;
      /* The total row is the table's last. */
      assert_last_page (pages, "Tổng số", "NGƯỜI LẬP BIỂU", n);
      assert_last_page (pages, "Tổng số", "Nguyễn Văn Nam", n);
      assert_last_page (pages, "Tổng số", "Phú Sơn, ngày 14 tháng 3 năm 2024", n);
    }
}

static guint
count_of (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* The first line of the page with something on it, stripped. */
static char *
first_line (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  for (int i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) != '\0')
      return g_strdup (lines[i]);
  return g_strdup ("");
}

/* One "Trong đó" over (4)–(5); 2.501 with its dot; from page 2 the number
 * at the top, none on page 1. */
static void
test_06a_pdf (void)
{
  g_autofree char *pdf = mc_test_tmp_path ("06a-header.pdf");
  g_autoptr(McReportDocument) one = doc_06a (3);
  g_autoptr(McReportDocument) long_doc = doc_06a (40);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL, long_pages = NULL;

  g_assert_true (mc_report_doc_write_pdf (one, pdf, &error));
  if ((pages = pdf_pages (pdf)) == NULL)
    return;
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_cmpuint (count_of (pages[0], "Trong đó"), ==, 1);
  /* (4) "Trực tuyến" wraps in its narrow column: its second word, once. */
  g_assert_cmpuint (count_of (pages[0], "tuyến"), ==, 1);
  g_assert_nonnull (strstr (pages[0], "2.501"));
  g_assert_nonnull (strstr (pages[0], "2.525"));  /* the total of (12): 2.501 + 12 + 12 */

  g_assert_true (mc_report_doc_write_pdf (long_doc, pdf, &error));
  g_assert_no_error (error);
  long_pages = pdf_pages (pdf);
  g_assert_cmpuint (g_strv_length (long_pages), >=, 2);
  for (guint p = 0; long_pages[p]; p++)
    {
      g_autofree char *top = first_line (long_pages[p]);
      g_autofree char *number = g_strdup_printf ("%u", p + 1);

      if (p == 0)
        g_assert_cmpstr (top, ==, "Biểu số 06a/VPCP/KSTT");
      else
        g_assert_cmpstr (top, ==, number);
      /* The header repeated on each page, "Trong đó" once in it. */
      g_assert_cmpuint (count_of (long_pages[p], "Trong đó"), ==, 1);
    }
}

static McReportNarrative *
narrative (guint n_paragraphs)
{
  McReportNarrative *n = mc_report_narrative_alloc (0, mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"));
  g_autoptr(GString) body = g_string_new ("I. Kết quả\n");

  for (guint i = 0; i < n_paragraphs; i++)
    g_string_append_printf (body, "\nĐoạn %u: trong kỳ, Ủy ban nhân dân phường đã tiếp nhận và giải quyết các "
                            "hồ sơ thủ tục hành chính theo đúng quy định, công khai kết quả trên Cổng dịch vụ công "
                            "và xin lỗi người dân khi hồ sơ quá hạn, hết đoạn %u.\n", i + 1, i + 1);
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_ISSUER, g_strdup ("ỦY BAN NHÂN DÂN\nPHƯỜNG PHÚ SƠN"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_PLACE, g_strdup ("Phú Sơn"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_SUBJECT,
                                 g_strdup ("Tình hình, kết quả giải quyết thủ tục hành chính quý I năm 2024"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_ADDRESSEE, g_strdup ("Kính gửi: UBND thị xã Bỉm Sơn."));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_RECIPIENTS, g_strdup ("- UBND thị xã (b/c);\n- Lưu: VT, VP."));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_AUTHORITY, g_strdup ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"));
  mc_report_narrative_take_text (n, MC_NARRATIVE_TEXT_SIGNER, g_strdup ("Nguyễn Văn Nam"));
  mc_report_narrative_take_draft (n, g_string_free (g_steal_pointer (&body), FALSE));
  return n;
}

/* The page's lines with text before `stop`, but for its number on top. */
static guint
text_lines_before (const char *page, const char *stop)
{
  g_autofree char *head = g_strndup (page, strstr (page, stop) - page);
  g_auto(GStrv) lines = g_strsplit (head, "\n", -1);
  guint n = 0;

  for (int i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line != '\0' && !(n == 0 && g_ascii_isdigit (*line) && strspn (line, "0123456789") == strlen (line)))
        n++;
    }
  return n;
}

static void
test_narrative_signatures (void)
{
  g_autofree char *pdf = mc_test_tmp_path ("narrative.pdf");

  for (guint k = 1; k <= 24; k++)
    {
      g_autoptr(McReportNarrative) n = narrative (k);
      g_autoptr(GError) error = NULL;
      g_autofree char *last_line = g_strdup_printf ("hết đoạn %u.", k);
      g_auto(GStrv) pages = NULL;

      g_assert_true (mc_report_narrative_write_pdf (n, pdf, &error));
      g_assert_no_error (error);
      if ((pages = pdf_pages (pdf)) == NULL)
        return;
      assert_last_page (pages, last_line, "Nơi nhận:", k);
      assert_last_page (pages, last_line, "Nguyễn Văn Nam", k);
      /* Two lines of text at least go over with the closing, never one. */
      if (g_strv_length (pages) > 1)
        g_assert_cmpuint (text_lines_before (pages[g_strv_length (pages) - 1], "Nơi nhận:"), >=, 2);
    }
}

static char *
unzip_member (const char *path, const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  return mc_test_run_tool (argv);
}

/* The zip is whole (every CRC right) and the sheet has the decree's page:
 * left margin 30 mm, right 15, top and bottom 20; the number at the top
 * centre, none on page 1. */
static char *
assert_xlsx_page (const char *xlsx)
{
  const char *test[] = { "unzip", "-tq", xlsx, NULL };
  g_autofree char *tested = mc_test_run_tool (test);
  char *sheet = unzip_member (xlsx, "xl/worksheets/sheet1.xml");

  g_assert_nonnull (strstr (tested, "No errors"));
  g_assert_true (g_regex_match_simple ("<pageMargins left=\"1\\.1811[0-9]*\" right=\"0\\.5905[0-9]*\" "
                                       "top=\"0\\.7874[0-9]*\" bottom=\"0\\.7874[0-9]*\"", sheet, 0, 0));
  g_assert_true (g_regex_match_simple ("<headerFooter differentFirst=\"1\"><oddHeader>&amp;C[^<]*&amp;13&amp;P"
                                       "</oddHeader>", sheet, 0, 0));
  g_assert_null (strstr (sheet, "<firstHeader>"));
  g_assert_null (strstr (sheet, "&amp;N"));
  return sheet;
}

/* The cell's number and its style's format code. */
static void
assert_number (const char *sheet, const char *styles, const char *ref, const char *value, const char *code)
{
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\" s=\"([0-9]+)\"><v>%s</v></c>", ref, value);
  g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *s = NULL, *xf_pattern = NULL, *code_pattern = NULL;
  const char *xfs = strstr (styles, "<cellXfs");
  g_auto(GStrv) xf = NULL;
  g_autoptr(GRegex) id = g_regex_new ("numFmtId=\"([0-9]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) id_match = NULL;
  g_autofree char *fmt = NULL;

  if (!g_regex_match (re, sheet, 0, &match))
    g_error ("no number %s in %s:\n%s", value, ref, sheet);
  s = g_match_info_fetch (match, 1);
  xf = g_strsplit (xfs, "<xf ", -1);
  g_assert_true (g_regex_match (id, xf[atoi (s) + 1], 0, &id_match));
  fmt = g_match_info_fetch (id_match, 1);
  code_pattern = g_strdup_printf ("<numFmt numFmtId=\"%s\" formatCode=\"%s\"/>", fmt, code);
  g_assert_nonnull (strstr (styles, code_pattern));
}

#define COUNT_CODE "[&gt;=1000000]#\\.###\\.##0;[&gt;=1000]#\\.##0;0"

static void
test_xlsx (void)
{
  g_autofree char *xlsx = mc_test_tmp_path ("doc.xlsx");
  g_autofree char *xlsx_06a = mc_test_tmp_path ("06a.xlsx");
  g_autoptr(McReportDocument) doc = table_doc (3);
  g_autoptr(McReportDocument) doc06a = doc_06a (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL, *styles = NULL, *sheet_06a = NULL, *styles_06a = NULL;

  g_assert_true (mc_report_doc_write_xlsx (doc, xlsx, &error));
  g_assert_no_error (error);
  sheet = assert_xlsx_page (xlsx);
  styles = unzip_member (xlsx, "xl/styles.xml");
  /* The figures are numbers that sum, shown 2.501 and 17,4; so is the STT. */
  assert_number (sheet, styles, "C10", "2501", COUNT_CODE);
  assert_number (sheet, styles, "D10", "17.4", "[&gt;=1000000]#\\.###\\.##0.0;[&gt;=1000]#\\.##0.0;0.0");
  assert_number (sheet, styles, "C11", "12", COUNT_CODE);
  assert_number (sheet, styles, "A10", "1", COUNT_CODE);

  g_assert_true (mc_report_doc_write_xlsx (doc06a, xlsx_06a, &error));
  g_assert_no_error (error);
  sheet_06a = assert_xlsx_page (xlsx_06a);
  styles_06a = unzip_member (xlsx_06a, "xl/styles.xml");
  assert_number (sheet_06a, styles_06a, "C11", "2501", COUNT_CODE);
  assert_number (sheet_06a, styles_06a, "C14", "2507", COUNT_CODE);
  /* Page 1 keeps the audit trail's head in its footer. */
  g_assert_nonnull (strstr (sheet_06a, "<oddFooter>&amp;L&amp;6Nhật ký hệ thống: 12:abcdef</oddFooter>"
                                       "<firstFooter>&amp;L&amp;6Nhật ký hệ thống: 12:abcdef</firstFooter>"));
}

/* The rewritten workbook is private (0600 whatever the umask), its sheet
 * deflated like the other parts, and no temporary file is left beside it. */
static void
test_xlsx_file (void)
{
  g_autofree char *xlsx = mc_test_tmp_path ("private.xlsx");
  g_autofree char *dir = g_path_get_dirname (xlsx);
  g_autoptr(McReportDocument) doc = table_doc (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *verbose[] = { "unzip", "-v", xlsx, NULL };
  g_autofree char *parts = NULL;
  const char *name;
  GStatBuf st;
  mode_t saved = umask (022);

  g_assert_true (mc_report_doc_write_xlsx (doc, xlsx, &error));
  g_assert_no_error (error);
  umask (saved);
  g_free (assert_xlsx_page (xlsx));
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  parts = mc_test_run_tool (verbose);
  g_assert_true (g_regex_match_simple ("Defl:[NXF] .*xl/worksheets/sheet1\\.xml", parts, 0, 0));
  g_assert_null (strstr (parts, "Stored"));
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".private.xlsx"));
}

static void
assert_refused_unchanged (const char *path, const char *content, gsize length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  gsize back_length = 0;

  g_assert_true (g_file_set_contents (path, content, length, NULL));
  g_assert_false (mc_xlsx_header_skip_first_page (path, "bao-cao.xlsx", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bao-cao.xlsx"));
  g_assert_true (g_file_get_contents (path, &back, &back_length, NULL));
  g_assert_cmpmem (back, back_length, content, length);
}

/* A file that is not a whole zip is refused and left as it was: a few
 * bytes, and a real workbook cut short at several places. */
static void
test_header_bad_zip (void)
{
  g_autofree char *path = mc_test_tmp_path ("cut.xlsx");
  g_autofree char *whole = mc_test_tmp_path ("whole.xlsx");
  g_autoptr(McReportDocument) doc = table_doc (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;
  const char cut[] = "PK\x03\x04 not a whole workbook";

  assert_refused_unchanged (path, cut, sizeof cut - 1);
  g_assert_true (mc_report_doc_write_xlsx (doc, whole, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (whole, &bytes, &length, NULL));
  for (guint i = 1; i < 8; i++)
    assert_refused_unchanged (path, bytes, length * i / 8);
  assert_refused_unchanged (path, bytes, length - 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/report-layout/doc-signatures", test_doc_signatures);
  g_test_add_func ("/report-layout/two-tables-signatures", test_two_tables_signatures);
  g_test_add_func ("/report-layout/06a-signatures", test_06a_signatures);
  g_test_add_func ("/report-layout/narrative-signatures", test_narrative_signatures);
  g_test_add_func ("/report-layout/06a-pdf", test_06a_pdf);
  g_test_add_func ("/report-layout/xlsx", test_xlsx);
  g_test_add_func ("/report-layout/xlsx-file", test_xlsx_file);
  g_test_add_func ("/report-layout/xlsx-header-bad-zip", test_header_bad_zip);
  return g_test_run ();
}
