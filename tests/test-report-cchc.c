/* test-report-cchc.c — Phụ lục 01b, the CCHC statistics appendix, through
 * motcua: seed 003's half-year (UBND thị trấn Bút Sơn, 15/12/2022–14/06/2023)
 * rebuilt from its text (tests/fixtures/make-cchc-seed003.py), its entered
 * figures set with report cchc --set, and the appendix compared line by line
 * with the seed's (tests/fixtures/cchc-seed003-appendix.tsv: number, label,
 * unit, figure as published); entries refused in Vietnamese change nothing;
 * the XLSX holds the figures as numbers; the wording of the online levels
 * follows the period (issue 13 items 11, 12, 14)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-db.h"
#include "mc-test-utils.h"

#define FROM "2022-12-15"
#define TO "2023-06-14"

static char *db_path;

static gboolean
run (const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db_path);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text, &stderr_text,
                &status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_spawn_check_wait_status (status, NULL);
}

/* The catalog and the dossiers from their CSV files, the unit named as the
 * seed's (the built-in catalog's procedures set aside: the town applies the
 * fixture's 206), and an apology for each late dossier, issued in the
 * period. */
static void
seed (void)
{
  g_autofree char *catalog = g_test_build_filename (G_TEST_DIST, "fixtures", "cchc-seed003-catalog.csv", NULL);
  g_autofree char *dossiers = g_test_build_filename (G_TEST_DIST, "fixtures", "cchc-seed003-dossiers.csv", NULL);
  const char *import_catalog[] = { "catalog", "import", catalog, NULL };
  const char *import_dossiers[] = { "dossier", "import", dossiers, NULL };
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db_path = mc_test_db_path ("cchc.sqlite");
  g_assert_true (run (import_catalog, NULL, NULL));
  g_assert_true (run (import_dossiers, NULL, NULL));
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_db_exec (db, "UPDATE unit SET name = 'UBND thị trấn Bút Sơn', level = 'xa' "
                                 "WHERE relation = 'self';"
                                 "UPDATE procedure SET active = 0 WHERE code NOT LIKE '9.%';"
                                 "INSERT INTO apology (dossier_id, issued_at, reason) SELECT id, finished_at - 3600, "
                                 "'Lỗi mạng, không trả được trên phần mềm' FROM dossier WHERE timeliness = 'late'",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM apology", NULL), ==, 5);
}

/* The figures seed 003 publishes that no dossier holds, entered for the
 * half-year. */
static void
enter_figures (void)
{
  static const char *const figures[] = { "1.1.1=26", "1.1.2=18", "1.1.3=22", "3.2.4=100", "3.2.5=100", "4.1=22",
                                         "4.1.2=31", "5.2=1", "6.1.=1", "6.2=1", "7.1=2", "7.2.1=1", "7.2.2=306",
                                         "7.2.2a=100", "7.3=1", "7.3.1=1", "7.5=1" };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (args, (gpointer) "report");
  g_ptr_array_add (args, (gpointer) "cchc");
  g_ptr_array_add (args, (gpointer) "--from");
  g_ptr_array_add (args, (gpointer) FROM);
  g_ptr_array_add (args, (gpointer) "--to");
  g_ptr_array_add (args, (gpointer) TO);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_ptr_array_add (args, (gpointer) "--set");
      g_ptr_array_add (args, (gpointer) figures[i]);
    }
  g_ptr_array_add (args, NULL);
  g_assert_true (run ((const char *const *) args->pdata, &out, NULL));
  /* Every figure to enter is listed, with its value and label. */
  g_assert_nonnull (strstr (out, "1.1.1\t26\tSố nhiệm vụ đề ra trong kế hoạch\n"));
  g_assert_nonnull (strstr (out, "6.1\t1\tĐơn vị đã thực hiện xây dựng Quy chế chi tiêu nội bộ\n"));
  g_assert_nonnull (strstr (out, "3.1.1\t\tSố TTHC/ danh mục TTHC thuộc thẩm quyền quản lý công bố mới\n"));
}

/* RFC 4180 CSV into rows of cells (fields may hold newlines). */
static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *text = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  for (const char *p = text + 3; *p; p++)
    {
      if (*p == '"' && quoted && p[1] == '"')
        g_string_append_c (cell, *++p);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        g_ptr_array_add (row, g_strdup (cell->str)), g_string_truncate (cell, 0);
      else if (*p == '\r' && !quoted)
        continue;
      else if (*p == '\n' && !quoted)
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (cell, *p);
    }
  g_ptr_array_unref (row);
  return rows;
}

/* Spaces and line breaks as one space, NFC: the seed's cells were
 * extracted from a document whose line breaks became spaces. */
static char *
plain (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) words = g_strsplit_set (nfc, " \n\t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (int i = 0; words[i]; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A whole figure as printed ("1.157", "02") as a number; -1 if it is not one. */
static gint64
whole_figure (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != '.')
      return -1;
  return digits->len > 0 ? (gint64) g_ascii_strtoull (digits->str, NULL, 10) : -1;
}

/* The seed's figure and ours agree: "02" and "2", "1.157" and "1.157"; a
 * blank in the seed is blank or 0 here (a count of nothing). */
static void
assert_same_figure (const char *number, const char *seed, const char *ours)
{
  gint64 a, b;

  if (seed[0] == '\0')
    {
      if (ours[0] != '\0' && g_strcmp0 (ours, "0") != 0)
        g_error ("%s: the seed leaves it blank, the appendix says %s", number, ours);
      return;
    }
  a = whole_figure (seed);
  if ((b = whole_figure (ours)) < 0)
    g_error ("%s: “%s” is not a figure (the seed has %s)", number, ours, seed);
  if (a != b)
    g_error ("%s: the seed publishes %s, the appendix says %s", number, seed, ours);
}

/* Every line of the seed's appendix, in its order: number, label and unit
 * word for word, the figure as published. */
static void
test_seed003 (void)
{
  g_autofree char *csv = mc_test_tmp_path ("cchc.csv");
  g_autofree char *tsv = g_test_build_filename (G_TEST_DIST, "fixtures", "cchc-seed003-appendix.tsv", NULL);
  g_autofree char *expected = NULL;
  const char *to_csv[] = { "report", "cchc", "--from", FROM, "--to", TO, "--format", "csv", "-o", csv, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) lines = NULL;
  guint r = 1, n = 0;

  enter_figures ();
  g_assert_true (run (to_csv, NULL, NULL));
  rows = read_csv (csv);
  g_assert_true (g_file_get_contents (tsv, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);
  for (int i = 0; lines[i] != NULL; i++, r++, n++)
    {
      g_auto(GStrv) seed_cells = g_strsplit (lines[i], "\t", 4);
      GPtrArray *ours;

      if (lines[i][0] == '\0')
        {
          r--, n--;
          continue;
        }
      g_assert_cmpuint (g_strv_length (seed_cells), ==, 4);
      g_assert_cmpuint (r, <, rows->len);
      ours = rows->pdata[r];
      g_assert_cmpuint (ours->len, ==, 5);
      {
        g_autofree char *seed_label = plain (seed_cells[1]), *our_label = plain (ours->pdata[1]);
        g_autofree char *seed_unit = plain (seed_cells[2]), *our_unit = plain (ours->pdata[2]);

        g_assert_cmpstr (ours->pdata[0], ==, seed_cells[0]);
        g_assert_cmpstr (our_label, ==, seed_label);
        g_assert_cmpstr (our_unit, ==, seed_unit);
      }
      assert_same_figure (seed_cells[0], seed_cells[3], ours->pdata[3]);
    }
  g_assert_cmpuint (n, ==, 81);
  g_assert_cmpuint (r, ==, rows->len);
}

/* Entries refused in Vietnamese change nothing, a figure is cleared with
 * "--set ITEM=", a repeated value is written once in the audit trail. */
static void
test_entries (void)
{
  const char *bad[][2] = { { "1.1.1=-3", "không được âm" }, { "6.1=2", "từ 0 đến 1" }, { "3.2.4=100,5", "từ 0 đến 100" },
                           { "9.9=1", "9.9" }, { "1.1.1=mười", "không phải là số" }, { "1.1.1", "--set" } };
  const char *clear[] = { "report", "cchc", "--from", FROM, "--to", TO, "--set", "4.1=", NULL };
  const char *again[] = { "report", "cchc", "--from", FROM, "--to", TO, "--set", "7.2.2=306", NULL };
  const char *list[] = { "report", "cchc", "--from", FROM, "--to", TO, "--entries", NULL };
  const char *other[] = { "report", "cchc", "--from", "2023-01-01", "--to", TO, "--entries", NULL };
  g_autofree char *before = NULL, *after = NULL, *cleared = NULL, *elsewhere = NULL;
  g_autoptr(McDb) db = NULL;
  gint64 audit_rows;

  g_assert_true (run (list, &before, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      /* A good one first: the bad one undoes it. */
      const char *args[] = { "report", "cchc", "--from", FROM, "--to", TO, "--set", "1.1.2=19", "--set", bad[i][0],
                             NULL };
      g_autofree char *err = NULL;

      g_assert_false (run (args, NULL, &err));
      if (strstr (err, bad[i][1]) == NULL)
        g_error ("--set %s: “%s” does not say %s", bad[i][0], err, bad[i][1]);
    }
  g_assert_true (run (list, &after, NULL));
  g_assert_cmpstr (after, ==, before);
  /* Entries belong to their period. */
  g_assert_true (run (other, &elsewhere, NULL));
  g_assert_null (strstr (elsewhere, "\t26\t"));

  db = mc_db_new (db_path, NULL, NULL);
  audit_rows = mc_db_query_int (db, "SELECT count (*) FROM audit_log WHERE object_kind = 'cchc_entry'", NULL);
  g_assert_cmpint (audit_rows, >=, 17);
  g_assert_true (run (again, NULL, NULL));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM audit_log WHERE object_kind = 'cchc_entry'", NULL),
                   ==, audit_rows);
  g_assert_true (run (clear, &cleared, NULL));
  g_assert_nonnull (strstr (cleared, "\n4.1\t\tSố liệu về biên chế cán bộ, công chức\n"));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM audit_log WHERE action = 'cchc_entry.delete'", NULL),
                   ==, 1);
}

static char *
unzip_member (const char *path, const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  return mc_test_run_tool (argv);
}

/* The XLSX: 1.157 received is the number 1157 with a thousands format; the
 * appendix's number and the line naming the report it goes with are there. */
static void
test_xlsx (void)
{
  g_autofree char *xlsx = mc_test_tmp_path ("cchc.xlsx");
  const char *to_xlsx[] = { "report", "cchc", "--from", FROM, "--to", TO, "--format", "xlsx", "-o", xlsx, NULL };
  g_autofree char *sheet = NULL, *strings = NULL;

  if (!mc_test_have_program ("unzip"))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  g_assert_true (run (to_xlsx, NULL, NULL));
  sheet = unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  strings = unzip_member (xlsx, "xl/sharedStrings.xml");
  g_assert_true (g_regex_match_simple ("<c r=\"D[0-9]+\" s=\"[0-9]+\"><v>1157</v></c>", sheet, 0, 0));
  g_assert_true (g_regex_match_simple ("<c r=\"D[0-9]+\" s=\"[0-9]+\"><v>306</v></c>", sheet, 0, 0));
  g_assert_null (strstr (strings, ">1.157<"));
  g_assert_nonnull (strstr (strings, "Phụ lục 01b"));
  g_assert_nonnull (strstr (strings, "Kèm theo Báo cáo số"));
}

/* The online levels as the period names them: "mức độ 3 / 4" for the
 * half-year of 2023 (seed 003), "một phần / toàn trình" once the setting
 * report.online_names_from is at or before the period's end. */
static void
test_online_names (void)
{
  g_autofree char *csv = mc_test_tmp_path ("cchc-names.csv");
  g_autofree char *text = NULL;
  const char *to_csv[] = { "report", "cchc", "--from", FROM, "--to", TO, "--format", "csv", "-o", csv, "--force",
                           NULL };
  const char *rename[] = { "settings", "set", "report.online_names_from", "2022-08-01", NULL };
  g_autofree char *txt = mc_test_tmp_path ("narrative.txt");
  const char *narrative[] = { "report", "narrative", "--from", FROM, "--to", TO, "--format", "txt", "-o", txt,
                              "--force", NULL };
  g_autoptr(McDb) db = NULL;

  g_assert_true (run (to_csv, NULL, NULL));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Tiếp nhận trực tuyến mức độ 4"));
  g_assert_null (strstr (text, "toàn trình"));
  /* The narrative words them the same, with seed 003's figures. */
  g_assert_true (run (narrative, NULL, NULL));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Tổng số hồ sơ đã tiếp nhận là 1.157 hồ sơ."));
  g_assert_nonnull (strstr (text, "+ Số hồ sơ tiếp nhận trực tiếp: 594 hồ sơ;"));
  g_assert_nonnull (strstr (text, "+ Số hồ sơ tiếp nhận trực tuyến mức độ 3: 491 hồ sơ;"));
  g_assert_nonnull (strstr (text, "+ Số hồ sơ tiếp nhận trực tuyến mức độ 4: 70 hồ sơ;"));
  g_assert_nonnull (strstr (text, "Số hồ sơ đã giải quyết trả trước hạn: 1.053 hồ sơ"));
  g_assert_nonnull (strstr (text, "Số hồ sơ đã giải quyết trả đúng hạn: 99 hồ sơ"));
  /* The seed pads to "05"; counts are printed as mc_format_count writes them. */
  g_assert_nonnull (strstr (text, "Số hồ sơ đã giải quyết trả quá hạn: 5 hồ sơ"));
  g_assert_true (run (rename, NULL, NULL));
  g_clear_pointer (&text, g_free);
  g_assert_true (run (to_csv, NULL, NULL));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Tiếp nhận trực tuyến toàn trình"));
  g_assert_nonnull (strstr (text, "Tổng số TTHC cung cấp trực tuyến một phần"));
  g_assert_null (strstr (text, "mức độ 4"));
  g_assert_true (run (narrative, NULL, NULL));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "+ Số hồ sơ tiếp nhận trực tuyến toàn trình: 70 hồ sơ;"));
}

/* The narrative as a leader edits it from the command line: --edit keeps a
 * file's text for the period, and the PDF, the .docx and the text then
 * carry it; --restore brings the draft back; a missing file changes nothing. */
static void
test_narrative_edit (void)
{
  g_autofree char *edit = mc_test_tmp_path ("bao-cao-sua.txt");
  g_autofree char *pdf = mc_test_tmp_path ("bao-cao-sua.pdf");
  g_autofree char *docx = mc_test_tmp_path ("bao-cao-sua.docx");
  g_autofree char *txt = mc_test_tmp_path ("bao-cao-khoi-phuc.txt");
  g_autofree char *missing = mc_test_tmp_path ("khong-co.txt");
  const char *keep[] = { "report", "narrative", "--from", FROM, "--to", TO, "--edit", edit, NULL };
  const char *to_pdf[] = { "report", "narrative", "--from", FROM, "--to", TO, "--format", "pdf", "-o", pdf, NULL };
  const char *to_docx[] = { "report", "narrative", "--from", FROM, "--to", TO, "--format", "docx", "-o", docx, NULL };
  const char *bad[] = { "report", "narrative", "--from", FROM, "--to", TO, "--edit", missing, NULL };
  const char *restore[] = { "report", "narrative", "--from", FROM, "--to", TO, "--restore", "--format", "txt",
                            "-o", txt, NULL };
  const char *unzip[] = { "unzip", "-p", docx, "word/document.xml", NULL };
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *document = NULL;

  g_assert_true (g_file_set_contents (edit, "UBND thị trấn Bút Sơn báo cáo như sau:\n\nI. KẾT QUẢ\n\n"
                                      "Đã tiếp nhận 1.157 hồ sơ, trong đó đoạn này do lãnh đạo viết lại.\n", -1, NULL));
  g_assert_true (run (keep, &out, NULL));
  g_assert_cmpstr (out, ==, "edited\n");
  g_assert_true (run (to_pdf, NULL, NULL));
  if ((text = mc_test_pdftotext (pdf, "-raw")) == NULL)
    return;
  mc_test_assert_has (text, "trong đó đoạn này do lãnh đạo viết lại.");
  g_assert_null (strstr (text, "Trên đây là báo cáo"));
  g_assert_true (run (to_docx, NULL, NULL));
  document = mc_test_run_tool (unzip);
  g_assert_nonnull (strstr (document, "trong đó đoạn này do lãnh đạo viết lại."));
  g_assert_false (run (bad, NULL, &err));
  g_assert_nonnull (strstr (err, "khong-co.txt"));
  g_clear_pointer (&out, g_free);
  g_assert_true (run (restore, &out, NULL));
  g_assert_cmpstr (out, ==, "draft\n");
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Trên đây là báo cáo"));
  g_assert_null (strstr (text, "do lãnh đạo viết lại"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  seed ();
  g_test_add_func ("/report-cchc/seed003", test_seed003);
  g_test_add_func ("/report-cchc/entries", test_entries);
  g_test_add_func ("/report-cchc/xlsx", test_xlsx);
  g_test_add_func ("/report-cchc/online-names", test_online_names);
  g_test_add_func ("/report-cchc/narrative-edit", test_narrative_edit);
  status = g_test_run ();
  g_free (db_path);
  return status;
}
