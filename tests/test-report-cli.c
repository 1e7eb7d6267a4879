/* test-report-cli.c — motcua report period|06a from the command line: seed
 * 002's table written as XLSX and CSV and read back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mc-db.h"
#include "mc-test-utils.h"

static char *
run (const char *db, const char *const *args, int *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_period (void)
{
  g_autofree char *db = mc_test_db_path ("period.sqlite");
  static const struct { const char *kind, *value, *expected; } cases[] = {
    { "--quarter", "1", "2023-12-15 2024-03-14\n" },
    { "--quarter", "2", "2024-03-15 2024-06-14\n" },
    { "--quarter", "4", "2024-09-15 2024-12-14\n" },
    { "--half", "1", "2023-12-15 2024-06-14\n" },
    { "--half", "2", "2024-06-15 2024-12-14\n" },
    { "--nine-months", NULL, "2023-12-15 2024-09-14\n" },
    { "--whole-year", NULL, "2023-12-15 2024-12-14\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "report", "period", "--year", "2024", cases[i].kind, cases[i].value, NULL };
      int status;
      g_autofree char *out = run (db, args, &status);

      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
  {
    const char *bad[] = { "report", "period", "--year", "2024", "--quarter", "5", NULL };
    int status;
    g_autofree char *out = run (db, bad, &status);

    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }
  /* Calendar quarters, and another cut-off day, from the settings. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(McDb) handle = mc_db_new (db, NULL, &error);
    const char *q1[] = { "report", "period", "--year", "2024", "--quarter", "1", NULL };
    int status;
    g_autofree char *cut = NULL, *calendar = NULL;

    g_assert_true (mc_db_set_setting (handle, "report.cutoff_day", "20", &error));
    cut = run (db, q1, &status);
    g_assert_cmpstr (cut, ==, "2023-12-21 2024-03-20\n");
    g_assert_true (mc_db_set_setting (handle, "report.calendar_periods", "1", &error));
    calendar = run (db, q1, &status);
    g_assert_cmpstr (calendar, ==, "2024-01-01 2024-03-31\n");
    g_assert_no_error (error);
  }
}

/* The strings of xl/sharedStrings.xml, in order. */
static GPtrArray *
shared_strings (const char *xml)
{
  g_autoptr(GRegex) re = g_regex_new ("<si><t[^>]*>([^<]*)</t></si>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (re, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (strings, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return strings;
}

/* Cell reference ("C20") → its text: the shared string or the number. */
static GHashTable *
sheet_cells (const char *xml, GPtrArray *strings)
{
  g_autoptr(GRegex) re = g_regex_new ("<c r=\"([A-Z]+[0-9]+)\"([^>]*)><v>([^<]*)</v></c>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_regex_match (re, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *attributes = g_match_info_fetch (match, 2);
      g_autofree char *value = g_match_info_fetch (match, 3);
      char *text = strstr (attributes, "t=\"s\"") ? g_strdup (strings->pdata[atoi (value)]) : g_strdup (value);

      g_hash_table_insert (cells, g_match_info_fetch (match, 1), text);
      g_match_info_next (match, NULL);
    }
  return cells;
}

static char *
unzip (const char *file, const char *member)
{
  const char *argv[] = { "unzip", "-p", file, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The row number whose cell in `column` holds `text`, 0 if none. */
static int
find_row (GHashTable *cells, const char *column, const char *text)
{
  for (int r = 1; r < 200; r++)
    {
      g_autofree char *ref = g_strdup_printf ("%s%d", column, r);

      if (g_strcmp0 (g_hash_table_lookup (cells, ref), text) == 0)
        return r;
    }
  return 0;
}

static void
assert_row (GHashTable *cells, int row, const char *expected)
{
  g_auto(GStrv) values = g_strsplit (expected, " ", -1);

  g_assert_cmpint (row, >, 0);
  for (int k = 0; values[k]; k++)
    {
      g_autofree char *ref = g_strdup_printf ("%c%d", 'C' + k, row);

      g_assert_cmpstr (g_hash_table_lookup (cells, ref), ==, values[k]);
    }
}

static char *
seed_database (void)
{
  char *db = mc_test_db_path ("seed002.sqlite");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "report-06a-seed002.csv", NULL);
  const char *args[] = { "dossier", "import", csv, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) handle = NULL;
  g_autofree char *out = NULL;
  int status;

  out = run (db, args, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The fixture's last dossier belongs to a subordinate unit. */
  handle = mc_db_new (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_db_exec (handle, "INSERT INTO unit (code, name, level, relation) VALUES "
                                     "('000.00.06.X01', 'UBND xã Quang Trung', 'xa', 'subordinate'); "
                                     "UPDATE dossier SET unit_id = (SELECT id FROM unit WHERE code = '000.00.06.X01') "
                                     "WHERE code LIKE '000.00.06.X01-%'", &error));
  g_assert_no_error (error);
  return db;
}

static void
test_06a_xlsx_csv (void)
{
  g_autofree char *db = seed_database ();
  g_autofree char *xlsx = mc_test_tmp_path ("06a.xlsx");
  g_autofree char *csv = mc_test_tmp_path ("06a.csv");
  const char *to_xlsx[] = { "report", "06a", "--from", "2023-12-15", "--to", "2024-03-14", "--format", "xlsx",
                            "-o", xlsx, NULL };
  const char *to_csv[] = { "report", "06a", "--from", "2023-12-15", "--to", "2024-03-14", "--format", "csv",
                           "-o", csv, "--only-with-dossiers", NULL };
  g_autofree char *out1 = NULL, *out2 = NULL, *sheet = NULL, *strings_xml = NULL, *text = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  out1 = run (db, to_xlsx, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  sheet = unzip (xlsx, "xl/worksheets/sheet1.xml");
  strings_xml = unzip (xlsx, "xl/sharedStrings.xml");
  strings = shared_strings (strings_xml);
  cells = sheet_cells (sheet, strings);
  /* The header of the form, the numbering row, then the figures. */
  g_assert_cmpint (find_row (cells, "A", "Biểu số 06a/VPCP/KSTT"), ==, 1);
  g_assert_cmpint (find_row (cells, "A", "(Từ ngày 15/12/2023 đến ngày 14/03/2024)"), >, 0);
  g_assert_cmpint (find_row (cells, "M", "(13)"), ==, find_row (cells, "A", "(1)"));
  assert_row (cells, find_row (cells, "B", "Chứng thực"), "31 31 0 0 30 19 11 0 1 1 0");
  assert_row (cells, find_row (cells, "B", "Hộ tịch"), "54 53 0 1 52 41 11 0 2 2 0");
  assert_row (cells, find_row (cells, "B", "Đường bộ"), "0 0 0 0 0 0 0 0 0 0 0");
  assert_row (cells, find_row (cells, "A", "Tổng số"), "85 84 0 1 82 60 22 0 3 3 0");
  g_assert_true (strstr (sheet, "<mergeCell ref=\"C7:F7\"/>") != NULL);  /* Số hồ sơ nhận giải quyết */
  g_assert_true (strstr (sheet, "<pageSetup paperSize=\"9\"") != NULL);

  out2 = run (db, to_csv, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  /* A byte order mark for Excel on Windows, then the form's column names. */
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF"
                             "STT,\"Lĩnh vực, công việc giải quyết theo cấp\","
                             "Số hồ sơ nhận giải quyết: Tổng số (3),Số hồ sơ nhận giải quyết: Trực tuyến (4),"
                             "\"Số hồ sơ nhận giải quyết: Trực tiếp, dịch vụ bưu chính (5)\","
                             "Số hồ sơ nhận giải quyết: Từ kỳ trước (6),Số hồ sơ đã giải quyết: Tổng số (7),"
                             "Số hồ sơ đã giải quyết: Trước hạn (8),Số hồ sơ đã giải quyết: Đúng hạn (9),"
                             "Số hồ sơ đã giải quyết: Quá hạn (10),Số hồ sơ đang giải quyết: Tổng số (11),"
                             "Số hồ sơ đang giải quyết: Trong hạn (12),Số hồ sơ đang giải quyết: Quá hạn (13)\r\n"
                             "1,Chứng thực,31,31,0,0,30,19,11,0,1,1,0\r\n"
                             "2,Hộ tịch,54,53,0,1,52,41,11,0,2,2,0\r\n"
                             ",Tổng số,85,84,0,1,82,60,22,0,3,3,0\r\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/report-cli/period", test_period);
  g_test_add_func ("/report-cli/06a-xlsx-csv", test_06a_xlsx_csv);
  return g_test_run ();
}
