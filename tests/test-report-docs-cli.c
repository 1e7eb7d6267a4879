/* test-report-docs-cli.c — motcua report public|cchc|evaluation|narrative
 * on seed 002's dossiers: exit codes, figures read back from the CSV, the
 * PDFs' text through pdftotext, bad input refused in Vietnamese
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-db.h"
#include "mc-rating.h"
#include "mc-report.h"
#include "mc-test-utils.h"

#define FROM "2023-12-15"
#define TO "2024-03-14"

static char *db_path;

/* Runs motcua on the test's database: its exit status, stdout and stderr. */
static gboolean
run (const char *const *args, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *stderr_text = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db_path);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &stderr_text, &status,
                &error);
  g_assert_no_error (error);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_spawn_check_wait_status (status, NULL);
}

/* Seed 002's dossiers (quý I/2024), the fixture's commune dossier in its
 * subordinate unit, and two citizens' ratings recorded in the period. */
static void
seed (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "report-06a-seed002.csv", NULL);
  const char *import[] = { "dossier", "import", csv, NULL };
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;
  McRatingValues good, fair;

  db_path = mc_test_db_path ("docs.sqlite");
  g_assert_true (run (import, NULL));
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_db_exec (db, "INSERT INTO unit (code, name, level, relation) VALUES "
                                 "('000.00.06.X01', 'UBND xã Quang Trung', 'xa', 'subordinate'); "
                                 "UPDATE dossier SET unit_id = (SELECT id FROM unit WHERE code = '000.00.06.X01') "
                                 "WHERE code LIKE '000.00.06.X01-%'", &error));
  g_assert_no_error (error);
  mc_rating_values_init (&good);
  mc_rating_values_init (&fair);
  for (int i = 0; i < 9; i++)
    {
      good.indices[i] = 2;
      fair.indices[i] = 1;
    }
  good.satisfaction = 5;
  fair.satisfaction = 4;
  g_setenv ("MOTCUA_NOW", "2024-03-10 09:00", TRUE);
  g_assert_true (mc_rating_record (db, "000.00.06.H56-240102-0001", &good, &error));
  g_assert_true (mc_rating_record (db, "000.00.06.H56-240103-0002", &fair, &error));
  g_assert_no_error (error);
  g_unsetenv ("MOTCUA_NOW");
}

/* Columns as the forms name them in the CSV header. */
#define FIELD "Lĩnh vực"
#define PUBLIC_GROUP "Tình trạng giải quyết hồ sơ TTHC: "
#define RECEIVED PUBLIC_GROUP "Tổng số hồ sơ giải quyết TTHC đã tiếp nhận (5)"
#define SETTLED PUBLIC_GROUP "Tổng số hồ sơ TTHC đã giải quyết (6)"
#define ON_TIME PUBLIC_GROUP "Số hồ sơ TTHC giải quyết đúng hạn (7)"
#define PENDING PUBLIC_GROUP "Số hồ sơ TTHC đang giải quyết (9)"

/* One line of RFC 4180 CSV split into its fields. */
static GPtrArray *
split_line (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (*p == '"' && quoted && p[1] == '"')
        g_string_append_c (cell, *++p);
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == ',' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          if (*p == '\0')
            return cells;
        }
      else
        g_string_append_c (cell, *p);
    }
}

static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* For Excel on Windows, which reads UTF-8 only after a byte order mark. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  lines = g_strsplit (text + 3, "\r\n", -1);
  for (int i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, split_line (lines[i]));
  return rows;
}

/* The cell of the row whose column `key_column` is `key`, in the column
 * headed `column`. */
static const char *
csv_cell (GPtrArray *rows, const char *key_column, const char *key, const char *column)
{
  GPtrArray *header = rows->pdata[0];
  int k = -1, c = -1;

  for (guint i = 0; i < header->len; i++)
    {
      if (g_str_equal (header->pdata[i], key_column))
        k = (int) i;
      if (g_str_equal (header->pdata[i], column))
        c = (int) i;
    }
  g_assert_cmpint (k, >=, 0);
  g_assert_cmpint (c, >=, 0);
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *cells = rows->pdata[r];

      if ((int) cells->len > MAX (k, c) && g_str_equal (cells->pdata[k], key))
        return cells->pdata[c];
    }
  return NULL;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext is not installed");
  return path != NULL;
}

static void
test_public (void)
{
  g_autofree char *csv = mc_test_tmp_path ("public.csv");
  g_autofree char *sub = mc_test_tmp_path ("public-sub.csv");
  g_autofree char *pdf = mc_test_tmp_path ("public.pdf");
  const char *to_csv[] = { "report", "public", "--from", FROM, "--to", TO, "--format", "csv", "-o", csv, NULL };
  const char *to_sub[] = { "report", "public", "--from", FROM, "--to", TO, "--subordinates", "--format", "csv",
                           "-o", sub, NULL };
  const char *to_pdf[] = { "report", "public", "--from", FROM, "--to", TO, "--format", "pdf", "-o", pdf, NULL };
  g_autoptr(GPtrArray) rows = NULL, sub_rows = NULL;
  g_autofree char *text = NULL;

  g_assert_true (run (to_csv, NULL));
  rows = read_csv (csv);
  /* Hộ tịch: 54 received = 52 settled (all in time) + 2 pending. */
  g_assert_cmpstr (csv_cell (rows, FIELD, "Hộ tịch", RECEIVED), ==, "54");
  g_assert_cmpstr (csv_cell (rows, FIELD, "Hộ tịch", SETTLED), ==, "52");
  g_assert_cmpstr (csv_cell (rows, FIELD, "Hộ tịch", ON_TIME), ==, "52");
  g_assert_cmpstr (csv_cell (rows, FIELD, "Hộ tịch", PENDING), ==, "2");
  g_assert_cmpstr (csv_cell (rows, FIELD, "Tổng số", RECEIVED), ==, "85");
  /* The commune's own dossier is in the subordinate units' appendix. */
  g_assert_true (run (to_sub, NULL));
  sub_rows = read_csv (sub);
  g_assert_cmpstr (csv_cell (sub_rows, FIELD, "Tổng số", RECEIVED), ==, "1");

  g_assert_true (run (to_pdf, NULL));
  if (!have_pdftotext ())
    return;
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "CÔNG KHAI XIN LỖI TRONG GIẢI QUYẾT TTHC"));
  g_assert_nonnull (strstr (text, "Hộ tịch"));
  g_assert_nonnull (strstr (text, "Phụ lục số 01"));
}

static void
test_cchc (void)
{
  g_autofree char *csv = mc_test_tmp_path ("cchc.csv");
  g_autofree char *pdf = mc_test_tmp_path ("cchc.pdf");
  const char *to_csv[] = { "report", "cchc", "--from", FROM, "--to", TO, "--format", "csv", "-o", csv, NULL };
  const char *to_pdf[] = { "report", "cchc", "--from", FROM, "--to", TO, "--format", "pdf", "-o", pdf, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  g_assert_true (run (to_csv, NULL));
  rows = read_csv (csv);
  /* 3.3.1 as Biểu 06a's (3); 3.3.2 the settled in time with a result: 06a's
   * (8) + (9) = 82 but for the Chứng thực dossier settled as unqualified. */
  g_assert_cmpstr (csv_cell (rows, "STT", "3.3.1", "Kết quả thống kê: Số liệu"), ==, "85");
  g_assert_cmpstr (csv_cell (rows, "STT", "3.3.2", "Kết quả thống kê: Số liệu"), ==, "81");
  g_assert_cmpstr (csv_cell (rows, "STT", "3.5", "Kết quả thống kê: Số liệu"), ==, "0");
  g_assert_true (run (to_pdf, NULL));
  if (!have_pdftotext ())
    return;
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "CẢI CÁCH HÀNH CHÍNH"));
  g_assert_nonnull (strstr (text, "Số lượng hồ sơ đã tiếp nhận"));
}

static void
test_evaluation (void)
{
  g_autofree char *csv = mc_test_tmp_path ("evaluation.csv");
  g_autofree char *pdf = mc_test_tmp_path ("evaluation.pdf");
  const char *to_csv[] = { "report", "evaluation", "--from", FROM, "--to", TO, "--format", "csv", "-o", csv, NULL };
  const char *to_pdf[] = { "report", "evaluation", "--from", FROM, "--to", TO, "--format", "pdf", "-o", pdf, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  g_assert_true (run (to_csv, NULL));
  rows = read_csv (csv);
  /* One rating of 2 points and one of 1 on every index: 1,5 each, 13,5 of 18, Tốt. */
  g_assert_cmpstr (csv_cell (rows, "Chỉ số", "1", "Điểm tự chấm"), ==, "1,5");
  g_assert_cmpstr (csv_cell (rows, "Tên chỉ số", "Tổng cộng", "Điểm tự chấm"), ==, "13,5");
  g_assert_cmpstr (csv_cell (rows, "Tên chỉ số", "Tổng cộng", "Ghi chú"), ==, "Xếp loại: Tốt");
  g_assert_true (run (to_pdf, NULL));
  if (!have_pdftotext ())
    return;
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"));
  g_assert_nonnull (strstr (text, "Số phiếu đánh giá: 2"));
}

static void
test_narrative (void)
{
  g_autofree char *txt = mc_test_tmp_path ("narrative.txt");
  g_autofree char *pdf = mc_test_tmp_path ("narrative.pdf");
  const char *to_txt[] = { "report", "narrative", "--from", FROM, "--to", TO, "--format", "txt", "-o", txt, NULL };
  const char *to_pdf[] = { "report", "narrative", "--from", FROM, "--to", TO, "--format", "pdf", "-o", pdf, NULL };
  const char *to_csv[] = { "report", "narrative", "--from", FROM, "--to", TO, "--format", "csv", "-o", txt, NULL };
  g_autofree char *text = NULL, *pdf_words = NULL, *err = NULL;

  g_assert_true (run (to_txt, NULL));
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Tổng số hồ sơ đã tiếp nhận là 85 hồ sơ."));
  g_assert_nonnull (strstr (text, "Số hồ sơ đã giải quyết trả trước hạn: 60 hồ sơ"));
  g_assert_nonnull (strstr (text, "quý I năm 2024"));
  /* A narrative is a text: no CSV of it. */
  g_assert_false (run (to_csv, &err));
  g_assert_nonnull (strstr (err, "Cách dùng: motcua report narrative"));
  g_assert_true (run (to_pdf, NULL));
  if (!have_pdftotext ())
    return;
  pdf_words = pdf_text (pdf);
  g_assert_nonnull (strstr (pdf_words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (pdf_words, "BÁO CÁO"));
  g_assert_nonnull (strstr (pdf_words, "85 hồ sơ"));
  /* NĐ 30 II.3.c, II.4.c: the number under the issuer, on the line of
   * place and date (left column, right column); nothing else on the line. */
  {
    g_auto(GStrv) lines = g_strsplit (pdf_words, "\n", -1);
    gboolean seen = FALSE;

    for (int i = 0; lines[i]; i++)
      if (strstr (lines[i], "/BC-UBND") != NULL)
        {
          g_autofree char *line = g_strstrip (g_strdup (lines[i]));

          g_assert_true (g_str_has_prefix (line, "Số:"));
          g_assert_nonnull (strstr (line, ", ngày 14 tháng 3 năm 2024"));
          g_assert_true (strstr (line, "/BC-UBND") < strstr (line, "ngày"));
          seen = TRUE;
        }
    g_assert_true (seen);
  }
}

/* Every report refuses a period that ends before it starts, an unknown
 * unit and a date not written as YYYY-MM-DD, in Vietnamese, writing nothing. */
static void
test_bad_input (void)
{
  static const char *const kinds[] = { "public", "cchc", "evaluation", "narrative" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *out = mc_test_tmp_path ("refused.out");
      const char *format = g_str_equal (kinds[i], "narrative") ? "txt" : "csv";
      const char *backwards[] = { "report", kinds[i], "--from", TO, "--to", FROM, "--format", format, "-o", out, NULL };
      const char *unknown[] = { "report", kinds[i], "--from", FROM, "--to", TO, "--unit", "000.00.99.Z99",
                                "--format", format, "-o", out, NULL };
      const char *bad_day[] = { "report", kinds[i], "--from", "15/12/2023", "--to", TO, "--format", format,
                                "-o", out, NULL };
      g_autofree char *err1 = NULL, *err2 = NULL, *err3 = NULL;

      g_assert_false (run (backwards, &err1));
      g_assert_nonnull (strstr (err1, "Ngày đầu kỳ báo cáo sau ngày cuối kỳ"));
      g_assert_false (run (unknown, &err2));
      g_assert_nonnull (strstr (err2, "Không có đơn vị nào có mã “000.00.99.Z99”"));
      g_assert_false (run (bad_day, &err3));
      g_assert_nonnull (strstr (err3, "Ngày “15/12/2023” không hợp lệ"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
write_file (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static gint64
count_of (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (db_path, NULL, &error);
  gint64 n;

  g_assert_no_error (error);
  n = mc_db_query_int (db, sql, &error);
  g_assert_no_error (error);
  return n;
}

/* A district's subordinate communes: X03's dossiers imported with --unit,
 * X02's Biểu 06a figures with report import-06a (a bad line refused with
 * its number, nothing kept); the appendix's "cấp xã" part and the combined
 * totals count both, besides X01's dossier. */
static void
test_subordinate_units (void)
{
  g_autofree char *dossiers = mc_test_tmp_path ("x03.csv");
  g_autofree char *broken = mc_test_tmp_path ("x03-broken.csv");
  g_autofree char *figures = mc_test_tmp_path ("x02.csv");
  g_autofree char *sums_wrong = mc_test_tmp_path ("x02-sums.csv");
  g_autofree char *no_field = mc_test_tmp_path ("x02-field.csv");
  g_autofree char *sub = mc_test_tmp_path ("sub.csv");
  g_autofree char *all = mc_test_tmp_path ("all.csv");
  g_autofree char *x03 = mc_test_tmp_path ("x03-06a.csv");
  g_autofree char *pdf = mc_test_tmp_path ("sub.pdf");
  g_autofree char *err = NULL, *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *header = "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n";

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(McDb) db = mc_db_new (db_path, NULL, &error);

    g_assert_true (mc_db_exec (db, "INSERT INTO unit (code, name, level, relation) VALUES "
                                   "('000.00.06.X02', 'UBND xã Hà Lan', 'xa', 'subordinate'), "
                                   "('000.00.06.X03', 'UBND xã Đông Sơn', 'xa', 'subordinate'), "
                                   "('000.00.01.E01', 'Sở Tư pháp', 'tinh', 'external')", &error));
    g_assert_no_error (error);
  }
  /* X03: two Hộ tịch dossiers in the period, one settled early, one pending. */
  {
    g_autofree char *good = g_strconcat (header,
      "000.00.06.X03-240115-0001,1.001193,truc_tiep,2024-01-15 08:00,2024-01-17 08:00,2024-01-16 08:00,,approved,Lê Văn Một\n"
      "000.00.06.X03-240311-0002,1.001193,truc_tuyen,2024-03-11 08:00,2024-03-18 08:00,,,,Lê Thị Hai\n", NULL);
    g_autofree char *bad = g_strconcat (header,
      "000.00.06.X03-240116-0003,1.001193,truc_tiep,2024-01-16 08:00,2024-01-18 08:00,,,,Lê Văn Ba\n"
      "000.00.06.X03-240116-0004,9.999999,truc_tiep,2024-01-16 08:00,2024-01-18 08:00,,,,Lê Văn Bốn\n", NULL);
    const char *import[] = { "dossier", "import", "--unit", "000.00.06.X03", dossiers, NULL };
    const char *import_bad[] = { "dossier", "import", "--unit", "000.00.06.X03", broken, NULL };
    const char *external[] = { "dossier", "import", "--unit", "000.00.01.E01", dossiers, NULL };
    const char *unknown[] = { "dossier", "import", "--unit", "000.00.06.X99", dossiers, NULL };
    g_autofree char *err1 = NULL, *err2 = NULL, *err3 = NULL;

    write_file (dossiers, good);
    write_file (broken, bad);
    g_assert_false (run (external, &err1));
    g_assert_nonnull (strstr (err1, "Đơn vị “000.00.01.E01” không phải là đơn vị cấp dưới"));
    g_assert_false (run (unknown, &err2));
    g_assert_nonnull (strstr (err2, "Không có đơn vị nào có mã “000.00.06.X99”"));
    g_assert_false (run (import_bad, &err3));
    g_assert_nonnull (strstr (err3, "Dòng 3"));
    g_assert_cmpint (count_of ("SELECT count (*) FROM dossier WHERE code LIKE '000.00.06.X03-%'"), ==, 0);
    g_assert_true (run (import, NULL));
    g_assert_cmpint (count_of ("SELECT count (*) FROM dossier d JOIN unit u ON u.id = d.unit_id "
                               "WHERE u.code = '000.00.06.X03'"), ==, 2);
  }
  /* Their Biểu 06a: the commune's own figures. */
  {
    const char *report[] = { "report", "06a", "--unit", "000.00.06.X03", "--from", FROM, "--to", TO,
                             "--format", "csv", "-o", x03, NULL };

    g_assert_true (run (report, NULL));
    rows = read_csv (x03);
    g_assert_cmpstr (csv_cell (rows, MC_06A_FIELD_COLUMN, "Tổng số", "Số hồ sơ nhận giải quyết: Tổng số (3)"), ==, "2");
    g_assert_cmpstr (csv_cell (rows, MC_06A_FIELD_COLUMN, "Tổng số", "Số hồ sơ đã giải quyết: Trước hạn (8)"), ==, "1");
    g_assert_cmpstr (csv_cell (rows, MC_06A_FIELD_COLUMN, "Tổng số", "Số hồ sơ đang giải quyết: Trong hạn (12)"), ==, "1");
    g_clear_pointer (&rows, g_ptr_array_unref);
  }
  /* X02 sends its Biểu 06a as the CSV Motcua writes, thousands with dots; the
   * files of earlier versions, headed c3 … c13, are still read. */
  {
    const char *good = "\xEF\xBB\xBFSTT,\"Lĩnh vực, công việc giải quyết theo cấp\","
                       "Số hồ sơ nhận giải quyết: Tổng số (3),Số hồ sơ nhận giải quyết: Trực tuyến (4),"
                       "\"Số hồ sơ nhận giải quyết: Trực tiếp, dịch vụ bưu chính (5)\","
                       "Số hồ sơ nhận giải quyết: Từ kỳ trước (6),Số hồ sơ đã giải quyết: Tổng số (7),"
                       "Số hồ sơ đã giải quyết: Trước hạn (8),Số hồ sơ đã giải quyết: Đúng hạn (9),"
                       "Số hồ sơ đã giải quyết: Quá hạn (10),Số hồ sơ đang giải quyết: Tổng số (11),"
                       "Số hồ sơ đang giải quyết: Trong hạn (12),Số hồ sơ đang giải quyết: Quá hạn (13)\r\n"
                       "1,Hộ tịch,13,10,2,1,12,5,6,1,1,1,0\r\n"
                       "2,Chứng thực,1.020,1.000,20,0,1.020,1.000,20,0,0,0,0\r\n"
                       ",Tổng số,1.033,1.010,22,1,1.032,1.005,26,1,1,1,0\r\n";
    const char *import[] = { "report", "import-06a", "--unit", "000.00.06.X02", "--from", FROM, "--to", TO,
                             figures, NULL };
    const char *import_sums[] = { "report", "import-06a", "--unit", "000.00.06.X02", "--from", FROM, "--to", TO,
                                  sums_wrong, NULL };
    const char *import_field[] = { "report", "import-06a", "--unit", "000.00.06.X02", "--from", FROM, "--to", TO,
                                   no_field, NULL };
    const char *external[] = { "report", "import-06a", "--unit", "000.00.01.E01", "--from", FROM, "--to", TO,
                               figures, NULL };
    g_autofree char *err1 = NULL, *err2 = NULL, *err3 = NULL;

    write_file (figures, good);
    write_file (sums_wrong, "stt,linh_vuc,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13\n"
                            "1,Hộ tịch,14,10,2,1,12,5,6,1,1,1,0\n");
    write_file (no_field, "linh_vuc,c4,c5,c6,c8,c9,c10,c12,c13\n"
                          "Hộ tịch,10,2,1,5,6,1,1,0\n"
                          "Không có lĩnh vực này,1,0,0,1,0,0,0,0\n");
    g_assert_false (run (import_sums, &err1));
    g_assert_nonnull (strstr (err1, "Dòng 2: cột (3) là 14 nhưng các cột thành phần cộng lại được 13"));
    g_assert_false (run (import_field, &err2));
    g_assert_nonnull (strstr (err2, "Dòng 3: không có lĩnh vực nào tên “Không có lĩnh vực này”"));
    g_assert_false (run (external, &err3));
    g_assert_nonnull (strstr (err3, "không phải là đơn vị cấp dưới"));
    g_assert_cmpint (count_of ("SELECT count (*) FROM unit_report"), ==, 0);
    g_assert_true (run (import, NULL));
    g_assert_cmpint (count_of ("SELECT count (*) FROM unit_report"), ==, 2);
    /* Sent again (corrected): replaces, does not add. */
    g_assert_true (run (import, NULL));
    g_assert_cmpint (count_of ("SELECT sum (c4) FROM unit_report"), ==, 1010);
  }
  /* Cấp xã: X01's dossier and X03's two by their dossiers, X02 by the figures it sent. */
  {
    const char *subordinates[] = { "report", "public", "--from", FROM, "--to", TO, "--subordinates",
                                   "--format", "csv", "-o", sub, NULL };
    const char *combined[] = { "report", "public", "--from", FROM, "--to", TO, "--combined",
                               "--format", "csv", "-o", all, NULL };
    const char *to_pdf[] = { "report", "public", "--from", FROM, "--to", TO, "--subordinates",
                             "--format", "pdf", "-o", pdf, NULL };
    guint64 own_received = 85, sub_received;

    g_assert_true (run (subordinates, NULL));
    rows = read_csv (sub);
    /* X02's Chứng thực: 1.020 received = 1.020 settled, 1.000 + 20 in time. */
    g_assert_cmpstr (csv_cell (rows, FIELD, "Chứng thực", RECEIVED), ==, "1020");
    g_assert_cmpstr (csv_cell (rows, FIELD, "Chứng thực", ON_TIME), ==, "1020");
    /* 1 (X01) + 2 (X03) + 1.033 (X02) */
    g_assert_cmpstr (csv_cell (rows, FIELD, "Tổng số", RECEIVED), ==, "1036");
    sub_received = g_ascii_strtoull (csv_cell (rows, FIELD, "Tổng số", RECEIVED), NULL, 10);
    g_clear_pointer (&rows, g_ptr_array_unref);
    g_assert_true (run (combined, NULL));
    rows = read_csv (all);
    g_assert_cmpuint (g_ascii_strtoull (csv_cell (rows, FIELD, "Tổng số", RECEIVED), NULL, 10), ==,
                      own_received + sub_received);
    g_assert_true (run (to_pdf, NULL));
    if (!have_pdftotext ())
      return;
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "CẤP XÃ"));
    g_assert_nonnull (strstr (text, "Số liệu của 1/3 đơn vị theo biểu 06a đơn vị gửi."));
  }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seed ();
  g_test_add_func ("/report-docs-cli/public", test_public);
  g_test_add_func ("/report-docs-cli/cchc", test_cchc);
  g_test_add_func ("/report-docs-cli/evaluation", test_evaluation);
  g_test_add_func ("/report-docs-cli/narrative", test_narrative);
  g_test_add_func ("/report-docs-cli/bad-input", test_bad_input);
  g_test_add_func ("/report-docs-cli/subordinate-units", test_subordinate_units);
  status = g_test_run ();
  g_free (db_path);
  return status;
}
