/* test-output.c — what leaves the program is safe to read: tab-separated
 * lines that keep their columns, CSV and XLSX cells that no spreadsheet
 * evaluates, and failures told in Vietnamese only
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gi18n-lib.h>

#include "mc-export-error.h"
#include "mc-test-utils.h"
#include "mc-xlsx-file.h"

#define FORMULA "=HYPERLINK(\"http://x.example/?q=1\",\"Bấm vào đây\")"

/* motcua --db DB ARGS…: the exit status; stdout and stderr in `out`, `err`. */
static int
run (const char *db, const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static char *
run_ok (const char *db, const char *const *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = run (db, args, &out, &err);

  g_test_message ("%s → %d [%s] [%s]", args[0], status, out, err);
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* What a script does with a field of our output. */
static char *
unescape (const char *field)
{
  GString *out = g_string_new (NULL);

  for (const char *p = field; *p; p++)
    if (*p == '\\' && p[1] != '\0')
      {
        p++;
        g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p);
      }
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
receive (const char *db, const char *name)
{
  const char *args[] = { "dossier", "receive", "--procedure", "1.001193", "--name", name, "--id-number",
                         "038085012345", "--channel", "truc_tiep", "--at", "2026-11-23 09:00", NULL };
  g_autofree char *out = run_ok (db, args);
  g_auto(GStrv) fields = g_strsplit (out, "\t", -1);

  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  return g_strdup (fields[0]);
}

/* A name holding a TAB, a newline and a backslash prints escaped: each
 * record stays one line with its columns, and unescaping gives the name. */
static void
test_tsv_escaped (void)
{
  g_autofree char *db = mc_test_db_path ("tsv.sqlite");
  const char *name = "Lê\tVăn\nAn \\ Bình";
  g_autofree char *code = receive (db, name);
  const char *show[] = { "dossier", "show", code, NULL };
  const char *search[] = { "dossier", "search", "Bình", NULL };
  g_autofree char *shown = run_ok (db, show);
  g_autofree char *found = run_ok (db, search);
  g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);
  g_auto(GStrv) hit = NULL;
  gboolean seen = FALSE;

  for (int i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      static const char *const keys[] = { "code", "procedure", "field", "applicant", "id_number", "phone",
                                          "channel", "received_at", "due_at", "state", "document", "event" };

      g_assert_true (g_strv_contains (keys, fields[0]));
      if (g_str_equal (fields[0], "applicant"))
        {
          g_autofree char *back = unescape (fields[1]);

          g_assert_cmpuint (g_strv_length (fields), ==, 2);
          g_assert_cmpstr (fields[1], ==, "Lê\\tVăn\\nAn \\\\ Bình");
          g_assert_cmpstr (back, ==, name);
          seen = TRUE;
        }
    }
  g_assert_true (seen);
  /* One dossier found, on one line. */
  g_assert_true (g_str_has_suffix (found, "\n"));
  g_assert_true (strchr (found, '\n') == found + strlen (found) - 1);
  hit = g_strsplit (g_strchomp (found), "\t", -1);
  g_assert_cmpuint (g_strv_length (hit), ==, 5);
  {
    g_autofree char *back = unescape (hit[3]);
    g_assert_cmpstr (back, ==, name);
  }
}

static char *
unzip_member (const char *path, const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  return mc_test_run_tool (argv);
}

/* Every cell holding `text` (from the start) is a shared string, and the
 * sheet has no formula at all. */
static void
assert_xlsx_text (const char *xlsx, const char *text)
{
  g_autofree char *strings = unzip_member (xlsx, "xl/sharedStrings.xml");
  g_autofree char *sheet = unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  g_autofree char *pattern = g_strdup_printf ("<t[^>]*>%s", text);

  g_assert_true (g_regex_match_simple (pattern, strings, 0, 0));
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_null (strstr (sheet, "<f "));
  g_assert_null (strstr (sheet, "t=\"str\""));
}

/* A catalog imported with a formula for a name and a field: the CSV
 * export writes both after a quote (and keeps the numbers as numbers), the
 * catalog imports back unchanged, and the XLSX exports and the report's
 * CSV and XLSX hold them as text. */
static void
test_formulas_neutralised (void)
{
  g_autofree char *db = mc_test_db_path ("formulas.sqlite");
  g_autofree char *again = mc_test_db_path ("formulas-again.sqlite");
  g_autofree char *in = mc_test_tmp_path ("in.csv");
  g_autofree char *csv = mc_test_tmp_path ("out.csv");
  g_autofree char *xlsx = mc_test_tmp_path ("out.xlsx");
  g_autofree char *report = mc_test_tmp_path ("06a.csv");
  g_autofree char *report_xlsx = mc_test_tmp_path ("06a.xlsx");
  g_autofree char *exported = NULL, *listed = NULL, *report_text = NULL;
  const char *import[] = { "catalog", "import", in, NULL };
  const char *import_again[] = { "catalog", "import", csv, NULL };
  const char *export_csv[] = { "catalog", "export", csv, NULL };
  const char *export_xlsx[] = { "catalog", "export", xlsx, NULL };
  const char *list[] = { "catalog", "list", "9.901", NULL };
  const char *csv_06a[] = { "report", "06a", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv",
                            "-o", report, NULL };
  const char *xlsx_06a[] = { "report", "06a", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx",
                             "-o", report_xlsx, NULL };

  if (!mc_test_have_program ("unzip"))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  g_assert_true (g_file_set_contents (in, "code,name,field,level,mechanism,days,online_level,fee\n"
                                          "9.901,\"" "=HYPERLINK(\"\"http://x.example/?q=1\"\",\"\"Bấm vào đây\"\")"
                                          "\",@SUM(1+1)*cmd,xa,mot_cua,5,none,25000\n", -1, NULL));
  g_free (run_ok (db, import));
  listed = run_ok (db, list);
  g_assert_cmpstr (listed, ==, "9.901\t5\t" FORMULA "\n");
  g_free (run_ok (db, export_csv));
  g_assert_true (g_file_get_contents (csv, &exported, NULL, NULL));
  mc_test_assert_has (exported, "\"'=HYPERLINK(\"\"http://x.example/?q=1\"\",\"\"Bấm vào đây\"\")\"");
  mc_test_assert_has (exported, ",'@SUM(1+1)*cmd,xa,mot_cua,5,none,25000");
  mc_test_assert_lacks (exported, ",=");
  mc_test_assert_lacks (exported, ",\"=");
  mc_test_assert_lacks (exported, ",@");
  /* Back through the import, unchanged. */
  g_free (run_ok (again, import_again));
  g_clear_pointer (&listed, g_free);
  listed = run_ok (again, list);
  g_assert_cmpstr (listed, ==, "9.901\t5\t" FORMULA "\n");
  g_free (run_ok (db, export_xlsx));
  assert_xlsx_text (xlsx, "=HYPERLINK\\(");
  /* The field's name is a row of Biểu 06a. */
  g_free (receive (db, "Nguyễn Văn An"));
  {
    const char *args[] = { "dossier", "receive", "--procedure", "9.901", "--name", "Trần Thị Bình", "--id-number",
                           "038190012399", "--channel", "truc_tiep", "--at", "2026-11-23 09:05", NULL };
    g_free (run_ok (db, args));
  }
  g_free (run_ok (db, csv_06a));
  g_assert_true (g_file_get_contents (report, &report_text, NULL, NULL));
  mc_test_assert_has (report_text, ",'@SUM(1+1)*cmd,");
  g_free (run_ok (db, xlsx_06a));
  assert_xlsx_text (report_xlsx, "@SUM\\(1\\+1\\)\\*cmd");
}

/* Sổ theo dõi hồ sơ: an applicant named with a formula is a text cell. */
static void
test_register_formula (void)
{
  g_autofree char *db = mc_test_db_path ("register.sqlite");
  g_autofree char *xlsx = mc_test_tmp_path ("register.xlsx");
  const char *args[] = { "dossier", "register", "--from", "2026-11-01", "--to", "2026-11-30", "-o", xlsx, NULL };

  if (!mc_test_have_program ("unzip"))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  g_free (receive (db, "=1+2+cmd|' /C calc'!A0"));
  g_free (run_ok (db, args));
  assert_xlsx_text (xlsx, "=1\\+2\\+cmd");
}

/* English as GLib, libxlsxwriter, cairo or the C library word it. */
static void
assert_vietnamese_only (const char *err, const char *dir)
{
  g_autofree char *without_paths = NULL;
  g_autoptr(GRegex) english = g_regex_new (
      "\\b(error|errors|failed|failure|cannot|unable|usually|permission|denied|such|directory|file|creating"
      "|writing|while|system|output|stream)\\b|\\[ERROR\\]|\\[WARNING\\]", G_REGEX_CASELESS, 0, NULL);
  g_auto(GStrv) parts = g_strsplit (err, dir, -1);

  without_paths = g_strjoinv ("", parts);
  g_test_message ("stderr: %s", err);
  g_assert_true (g_str_has_prefix (err, "Lỗi: "));
  if (g_regex_match (english, without_paths, 0, NULL))
    g_error ("English on stderr: “%s”", err);
}

/* Exports and imports that cannot be done (a folder that does not exist)
 * say so in Vietnamese, and nothing else reaches stderr. */
static void
test_failures_in_vietnamese (void)
{
  g_autofree char *db = mc_test_db_path ("failing.sqlite");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *missing = mc_test_tmp_path ("missing");
  g_autofree char *xlsx = g_build_filename (missing, "danh-muc.xlsx", NULL);
  g_autofree char *csv = g_build_filename (missing, "danh-muc.csv", NULL);
  g_autofree char *report = g_build_filename (missing, "06a.xlsx", NULL);
  g_autofree char *board = g_build_filename (missing, "bang.png", NULL);
  const char *cases[][11] = {
    { "catalog", "export", xlsx, NULL },
    { "catalog", "export", csv, NULL },
    { "catalog", "import", csv, NULL },
    { "dossier", "import", csv, NULL },
    { "report", "06a", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx", "-o", report, NULL },
    { "dossier", "register", "--from", "2026-11-01", "--to", "2026-11-30", "-o", report, NULL },
    { "liveboard", "--render", board, "--size", "640x360", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run (db, cases[i], &out, &err), !=, 0);
      g_assert_cmpstr (out, ==, "");
      assert_vietnamese_only (err, dir);
    }
}

/* libxlsxwriter failing as it writes the file (/dev/full: every write
 * finds the disk full): the error is ours, in Vietnamese, and the
 * library's "[ERROR] workbook_close(): …" never reaches stderr. */
static void
test_xlsx_disk_full (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = mc_test_tmp_path ("so-theo-doi.xlsx");
      g_autoptr(GError) error = NULL;
      lxw_workbook *wb;
      lxw_worksheet *ws;

      mc_test_use_vietnamese ();
      wb = mc_xlsx_file_new ("/dev/full", path, &error);
      g_assert_no_error (error);
      ws = workbook_add_worksheet (wb, "Sổ theo dõi hồ sơ");
      for (int r = 0; r < 100; r++)
        worksheet_write_string (ws, r, 0, "Nguyễn Văn An", NULL);
      g_assert_false (mc_xlsx_file_close (wb, path, &error));
      g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE);
      g_printerr ("%s\n", error->message);
      return;
    }
  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("Không ghi được tệp “*so-theo-doi.xlsx”: ổ đĩa đã đầy\n");
}

/* libxlsxwriter writes each part to a temporary file first without
 * checking those writes: with that disk full (the file size limit stands
 * for it) it made a well-formed zip of cut parts and said all was well.
 * The parts are read back, and the export fails, in Vietnamese. */
static void
test_xlsx_temporary_files_full (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = mc_test_tmp_path ("so-theo-doi.xlsx");
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 16 * 1024, 16 * 1024 };
      lxw_workbook *wb;
      lxw_worksheet *ws;

      mc_test_use_vietnamese ();
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      wb = mc_xlsx_file_new (path, path, &error);
      g_assert_no_error (error);
      ws = workbook_add_worksheet (wb, "Sổ theo dõi hồ sơ");
      for (int r = 0; r < 20000; r++)
        {
          g_autofree char *n = g_strdup_printf ("%d", r);
          g_autofree char *text = g_compute_checksum_for_string (G_CHECKSUM_SHA256, n, -1);

          worksheet_write_string (ws, r, 0, text, NULL);
        }
      g_assert_false (mc_xlsx_file_close (wb, path, &error));
      g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE);
      g_printerr ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("Không ghi được tệp “*so-theo-doi.xlsx”: không ghi trọn được các tệp tạm của bảng tính "
                             "(ổ đĩa có thể đã đầy)\n");
}

/* A workbook written in full passes the same reading back. */
static void
test_xlsx_complete (void)
{
  g_autofree char *path = mc_test_tmp_path ("du.xlsx");
  g_autoptr(GError) error = NULL;
  lxw_workbook *wb = mc_xlsx_file_new (path, path, &error);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Sổ theo dõi hồ sơ");

  for (int r = 0; r < 20000; r++)
    {
      g_autofree char *n = g_strdup_printf ("%d", r);
      g_autofree char *text = g_compute_checksum_for_string (G_CHECKSUM_SHA256, n, -1);

      worksheet_write_string (ws, r, 0, text, NULL);
      worksheet_write_number (ws, r, 1, r, NULL);
    }
  g_assert_true (mc_xlsx_file_close (wb, path, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/output/tsv-escaped", test_tsv_escaped);
  g_test_add_func ("/output/formulas-neutralised", test_formulas_neutralised);
  g_test_add_func ("/output/register-formula", test_register_formula);
  g_test_add_func ("/output/failures-in-vietnamese", test_failures_in_vietnamese);
  g_test_add_func ("/output/xlsx-disk-full", test_xlsx_disk_full);
  g_test_add_func ("/output/xlsx-temporary-files-full", test_xlsx_temporary_files_full);
  g_test_add_func ("/output/xlsx-complete", test_xlsx_complete);
  return g_test_run ();
}
