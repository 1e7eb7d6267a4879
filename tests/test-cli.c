/* test-cli.c — the command-line contract of DESIGN.md §4
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "mc-accounts.h"
#include "mc-calendar-store.h"
#include "mc-dossier-store.h"
#include "mc-format.h"
#include "mc-db.h"
#include "mc-test-utils.h"

static const char *db_name = "cli.sqlite";

static int
run (const char *args, char **out, char **err)
{
  g_autofree char *db = mc_test_db_path (db_name);
  g_autofree char *cmd = g_strdup_printf ("%s --db %s %s", g_getenv ("MOTCUA_BIN"), db, args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, out, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
expect (const char *args, int code, const char *out_expected, const char *err_contains)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int got = run (args, &out, &err);

  g_test_message ("motcua %s → %d [%s] [%s]", args, got, out, err);
  g_assert_cmpint (got, ==, code);
  if (out_expected)
    g_assert_cmpstr (out, ==, out_expected);
  if (err_contains)
    g_assert_nonnull (strstr (err, err_contains));
}

static void
test_calendar (void)
{
  expect ("calendar due --from \"2024-04-26 10:00\" --days 3", 0, "2024-05-03 10:00\n", NULL);
  expect ("calendar due --from \"2024-04-26 10:00\" --hours 4", 0, "2024-04-26 16:00\n", NULL);
  expect ("calendar lunar 2023-03-22", 0, "1/2/2023 (nhuận)\n", NULL);
  expect ("calendar lunar 2024-02-10", 0, "1/1/2024\n", NULL);
  expect ("calendar solar 1/2/2023 --leap", 0, "2023-03-22\n", NULL);
  expect ("calendar due --from \"26/04/2024 10:00\" --days 3", 1, "", "YYYY-MM-DD HH:MM");
  expect ("calendar lunar 2023-02-30", 1, "", "YYYY-MM-DD");
  expect ("calendar solar 1/2/2024 --leap", 1, "", "2024");
  expect ("calendar set 2024-05-04 workday \"Làm bù cho thứ Hai 29/4\"", 0, "", NULL);
  expect ("calendar set 2024-04-29 holiday \"Nghỉ hoán đổi\"", 0, "", NULL);
  expect ("calendar due --from \"2024-04-26 10:00\" --days 3", 0, "2024-05-04 10:00\n", NULL);
  expect ("calendar set 2024-04-29 nghi \"X\"", 1, "", NULL);
  expect ("calendar remove 2024-04-29", 0, "", NULL);
  expect ("calendar remove 2024-05-04", 0, "", NULL);
}

static void
test_holidays (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run ("calendar holidays --year 2026", &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "2026-11-24\tholiday\tNgày Văn hóa Việt Nam (24/11)\n"));
  g_assert_nonnull (strstr (out, "2026-04-27\tcompensatory\tNghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)\n"));
  expect ("calendar holidays --year 3000", 2, "", NULL);
}

static void
test_catalog (void)
{
  g_autofree char *csv = mc_test_tmp_path ("bad.csv");
  g_autofree char *args = g_strdup_printf ("catalog import %s", csv);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_file_set_contents (csv, "code,name,field,level,mechanism,days,online_level,fee\n"
                            "9.1,A,Hộ tịch,xa,mot_cua,1,none,0\n9.2,B,Hộ tịch,xa,mot_cua,1,sometimes,0\n", -1, NULL);
  expect (args, 1, "", "3");
  g_assert_cmpint (run ("catalog list 9.1", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  expect ("frobnicate", 2, "", "frobnicate");
}

/* Two processes receiving at the same moment never get the same code, and
 * the numbers of the day have no gap. */
static void
test_concurrent_codes (void)
{
  g_autofree char *db_path = mc_test_db_path ("concurrent.sqlite");
  g_autofree char *quoted = g_shell_quote (db_path);  /* a server's URI holds '&' */
  g_autofree char *script = g_strdup_printf (
    "for i in $(seq 25); do %s --db %s dossier receive --procedure 1.001193 --name \"Lê Văn An\" "
    "--id-number 038085012345 --channel truc_tiep --at \"2026-11-23 09:00\" >/dev/null || exit 1; done",
    g_getenv ("MOTCUA_BIN"), quoted);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  GPid pids[2];
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;
  int status;

  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *init = g_strdup_printf ("%s --db %s catalog list 1.001193", g_getenv ("MOTCUA_BIN"), quoted);
    g_assert_true (g_spawn_command_line_sync (init, &out, &err, &status, &error));
  }
  for (int i = 0; i < 2; i++)
    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pids[i], &error));
  for (int i = 0; i < 2; i++)
    {
      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 50);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(DISTINCT code) FROM dossier", NULL), ==, 50);
  g_assert_cmpint (mc_db_query_int (db, "SELECT max (CAST (substr (code, length (code) - 3) AS integer)) FROM dossier", NULL), ==, 50);
  {
    g_autofree char *pdf = mc_test_tmp_path ("receipt.pdf");
    g_autofree char *cmd = g_strdup_printf ("%s --db %s dossier receipt 000.00.00.X00-261123-0050 -o %s",
                                            g_getenv ("MOTCUA_BIN"), db_path, pdf);
    g_autofree char *bad = g_strdup_printf ("%s --db %s dossier receipt 000.00.00.X00-261123-0099 -o %s.x",
                                            g_getenv ("MOTCUA_BIN"), db_path, pdf);
    g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_spawn_command_line_sync (bad, NULL, NULL, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
  }
}

/* The first field of the output's only line. */
static char *
first_field (const char *out)
{
  g_auto(GStrv) fields = g_strsplit (out, "\t", 2);

  return g_strdup (fields[0]);
}

static char *
field_of (const char *line, int n)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);

  g_assert_cmpint ((int) g_strv_length (fields), >, n);
  return g_strchomp (g_strdup (fields[n]));
}

/* motcua dossier <transition> CODE …: prints "CODE state step department …".
 * The arguments are printf's, so the compiler checks each call's format. */
static char *transition (const char *expected_state, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
transition (const char *expected_state, const char *format, ...)
{
  g_autofree char *args = NULL;
  g_autofree char *out = NULL, *err = NULL;
  va_list ap;
  int got;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);
  got = run (args, &out, &err);

  g_test_message ("motcua %s → %d [%s] [%s]", args, got, out, err);
  g_assert_cmpint (got, ==, 0);
  {
    g_autofree char *state = field_of (out, 1);
    g_assert_cmpstr (state, ==, expected_state);
  }
  return g_steal_pointer (&out);
}

/* dossier receive --online-level: without it an online dossier takes its
 * procedure's level, with it the clerk's; a level for a dossier received
 * in person is refused in Vietnamese and nothing is written (issue 13
 * item 11). */
static void
test_online_level (void)
{
  g_autofree char *db_path = mc_test_db_path ("online-level.sqlite");
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *options; const char *shown; } cases[] = {
    { "--channel truc_tuyen", "online_level\tfull\n" },
    { "--channel truc_tuyen --online-level partial", "online_level\tpartial\n" },
    { "--channel truc_tiep", NULL },
  };
  g_autofree char *listed = NULL;
  gint64 before;

  /* Its own database: the receptions here are not the other tests'. */
  db_name = "online-level.sqlite";
  /* Its output captured: on the test's own stdout it would break TAP. */
  g_assert_cmpint (run ("catalog list 1.001193", &listed, NULL), ==, 0);
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_db_exec (db, "UPDATE procedure SET online_level = 'full' WHERE code = '1.001193'", &error));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *args = g_strdup_printf ("dossier receive --procedure 1.001193 --name \"Lê Văn An\" "
                                               "--id-number 038085012345 %s", cases[i].options);
      g_autofree char *out = NULL, *err = NULL, *code = NULL, *show = NULL, *shown = NULL;

      g_assert_cmpint (run (args, &out, &err), ==, 0);
      code = first_field (out);
      show = g_strdup_printf ("dossier show %s", code);
      g_free (out);
      g_assert_cmpint (run (show, &out, NULL), ==, 0);
      if (cases[i].shown != NULL)
        g_assert_nonnull (strstr (out, cases[i].shown));
      else
        g_assert_null (strstr (out, "online_level"));
    }
  before = mc_db_query_int (db, "SELECT count (*) FROM dossier", NULL);
  expect ("dossier receive --procedure 1.001193 --name \"Lê Văn An\" --id-number 038085012345 "
          "--channel truc_tiep --online-level full", 1, "", "trực tuyến");
  expect ("dossier receive --procedure 1.001193 --name \"Lê Văn An\" --id-number 038085012345 "
          "--channel truc_tuyen --online-level muc_do_4", 1, "", "toàn trình");
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM dossier", NULL), ==, before);
  db_name = "cli.sqlite";
}

/* motcua dossier actions CODE: the names of the actions core offers, joined
 * by commas, each line with its words. */
static char *
actions_of (const char *code)
{
  g_autofree char *args = g_strdup_printf ("dossier actions %s", code);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_autofree char *label = field_of (lines[i], 1);
      g_autofree char *name = first_field (lines[i]);

      g_assert_cmpstr (label, !=, "");
      mc_test_assert_no_raw_ids (label);
      g_strv_builder_add (names, name);
    }
  joined = g_strv_builder_end (names);
  return g_strjoinv (",", joined);
}

/* A dossier driven from reception to return by script, through three
 * departments and one external agency, with a pause and an apology. */
static void
test_workflow (void)
{
  g_autofree char *db_path = mc_test_db_path ("cli.sqlite");
  g_autofree char *out = NULL, *err = NULL, *code = NULL, *line = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run ("dossier receive --procedure 1.012812 --name \"Lê Văn An\" --id-number 038085012345 "
                        "--channel truc_tiep --at \"2026-03-02 08:00\"", &out, &err), ==, 0);
  code = first_field (out);
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_db_exec (db, "INSERT INTO unit (code, name, level, relation) VALUES "
                                 "('000.30.06.H56', 'Công an phường Phú Sơn', 'xa', 'external')", &error));
  g_free (transition ("processing", "dossier transfer %s --at \"2026-03-02 09:00\"", code));
  g_free (transition ("processing", "dossier accept %s --at \"2026-03-02 09:30\"", code));
  expect ("dossier accept XYZ", 1, "", "XYZ");
  line = transition ("paused", "dossier pause %s --kind supplement --reason \"Bản sao sổ đỏ\" --at \"2026-03-03 08:00\"", code);
  g_free (transition ("processing", "dossier resume %s --at \"2026-03-04 08:00\"", code));
  g_free (line);
  line = transition ("sent_external", "dossier external %s --unit 000.30.06.H56 --days 3 --at \"2026-03-04 09:00\"",
                     code);
  {
    g_autofree char *where = field_of (line, 3);
    g_assert_cmpstr (where, ==, "Công an phường Phú Sơn");
  }
  {
    /* What the line offers now is what core allows at the agency's. */
    g_autofree char *actions = actions_of (code);
    g_assert_cmpstr (actions, ==, "external-back,withdraw,apology");
  }
  expect ("dossier actions XYZ", 1, "", "XYZ");
  {
    /* Finishing while the police hold it is refused, in Vietnamese, and changes nothing. */
    g_autofree char *args = g_strdup_printf ("dossier finish %s --number 1/QĐ --at \"2026-03-05 09:00\"", code);
    expect (args, 1, "", "Không thể");
  }
  g_free (transition ("processing", "dossier external %s --back --at \"2026-03-06 09:00\"", code));
  g_free (transition ("processing", "dossier transfer %s --at \"2026-03-09 09:00\"", code));
  g_free (transition ("processing", "dossier transfer %s --to VP --at \"2026-03-10 09:00\"", code));
  g_free (transition ("processing", "dossier send-back %s --reason \"Thiếu biên bản\" --at \"2026-03-10 10:00\"", code));
  g_free (transition ("processing", "dossier transfer %s --to VP --at \"2026-03-10 11:00\"", code));
  g_free (out);
  g_free (err);
  {
    g_autofree char *args = g_strdup_printf ("dossier apology %s --reason \"Chờ xác minh\" --department KT "
                                             "--at \"2026-03-11 08:00\"", code);
    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "in_time"));
    g_free (out);
    g_free (err);
    expect (args, 1, "", "một lần");  /* a second new appointment */
  }
  g_free (line);
  line = transition ("result_ready", "dossier finish %s --number 12/QĐ-UBND --at \"2026-03-12 09:00\"", code);
  {
    g_autofree char *timeliness = field_of (line, 6);
    g_assert_cmpstr (timeliness, ==, "early");
  }
  {
    /* A result on time is returned, not apologised for. */
    g_autofree char *actions = actions_of (code);
    g_assert_cmpstr (actions, ==, "return");
  }
  expect ("dossier return XYZ --collected-by A", 1, "", NULL);
  {
    g_autofree char *args = g_strdup_printf ("dossier return %s --collected-by \"Lê Văn An\" --id-number 123", code);
    expect (args, 1, "", "12");
  }
  g_free (transition ("returned", "dossier return %s --collected-by \"Lê Văn An\" --id-number 038085012345 "
                                  "--at \"2026-03-13 09:00\"", code));
  out = NULL;
  err = NULL;
  g_assert_cmpint (run ("dossier apologies --year 2026", &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, code));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM dossier_event", NULL), ==, 14);
}

/* The demo at a chosen moment, in its own database (a demo needs an empty one). */
static void
test_demo_now (void)
{
  g_autofree char *db = mc_test_db_path ("demo-now.sqlite");
  g_autofree char *ok_cmd = g_strdup_printf ("%s --db %s demo --dossiers 300 --now \"2027-02-06 10:00\"",
                                             g_getenv ("MOTCUA_BIN"), db);
  g_autofree char *bad_db = mc_test_db_path ("demo-now-bad.sqlite");
  g_autofree char *bad_cmd = g_strdup_printf ("%s --db %s demo --now \"06/02/2027 10:00\"",
                                              g_getenv ("MOTCUA_BIN"), bad_db);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autoptr(McDb) opened = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (ok_cmd, &out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "dossiers\t300\n"));
  opened = mc_db_new (db, NULL, NULL);
  g_assert_nonnull (opened);
  /* Mùng 1 Tết 2027 at 10:00, Vietnam time, is the latest moment in it. */
  g_assert_cmpint (mc_db_query_int (opened, "SELECT count(*) FROM dossier WHERE received_at > "
                                            "1801882800" /* 2027-02-06 03:00 UTC */, NULL), ==, 0);
  g_assert_true (g_spawn_command_line_sync (bad_cmd, &out2, &err2, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err2, "YYYY-MM-DD HH:MM"));
}

/* Whoever runs the command is on the record: `--user` names the clerk on
 * the receive event (dossier show's event lines: department, then who), on a
 * refusal's Mẫu 03, and a result collected with another's ID card needs
 * --authorisation, which the return's event keeps. */
static void
test_records_name_the_clerk (void)
{
  g_autofree char *db_path = mc_test_db_path ("cli.sqlite");
  g_autofree char *pdf = mc_test_tmp_path ("mau-03.pdf");
  g_autofree char *out = NULL, *err = NULL, *code = NULL, *args = NULL, *text = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run ("catalog list 1.001193", &out, &err), ==, 0);
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  /* The clerk dates the reception (--at): a test database accepts it. */
  g_assert_true (mc_accounts_set_database_purpose (db, MC_DATABASE_TEST, &error));
  mc_test_add_staff (db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--user tn.lan dossier receive --procedure 1.001193 --name \"Lê Văn An\" "
                        "--id-number 038085012345 --channel truc_tiep --at \"2026-03-02 08:00\"", &out, &err), ==, 0);
  code = first_field (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("dossier show %s", code);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  /* who received: on a server the staff member of the login the command
   * connected with, no one for the suite's (mc_test_recorded_staff) */
  g_assert_nonnull (strstr (out, mc_test_on_pg () ? "\treceive\treceived\tTrung tâm Phục vụ hành chính công\t\t"
                                                  : "\treceive\treceived\tTrung tâm Phục vụ hành chính công\tLê Thị Lan\t"));

  g_free (transition ("result_ready", "dossier finish %s --number 12/TLKS --at \"2026-03-02 09:00\"", code));
  g_free (args);
  args = g_strdup_printf ("dossier return %s --user tn.lan --collected-by \"Trần Văn Bình\" --id-number 038190099999 "
                          "--at \"2026-03-03 09:00\"", code);
  expect (args, 1, "", "ủy quyền");
  g_free (transition ("returned", "dossier return %s --user tn.lan --collected-by \"Trần Văn Bình\" "
                                  "--id-number 038190099999 --authorisation \"Giấy ủy quyền số 15/UQ\" "
                                  "--at \"2026-03-03 09:00\"", code));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (args);
  args = g_strdup_printf ("dossier show %s", code);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\treturn\treturned\tTrung tâm Phục vụ hành chính công\tLê Thị Lan\t"
                                 "Trần Văn Bình nhận thay theo ủy quyền: Giấy ủy quyền số 15/UQ\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (args);
  args = g_strdup_printf ("--user tn.lan dossier refuse --procedure 1.001193 --name \"Đỗ Văn Hải\" "
                          "--reason \"Không thuộc thẩm quyền\" -o %s", pdf);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM refusal", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT coalesce (staff_id, 0) FROM refusal", NULL), ==,
                   mc_test_recorded_staff (db, "tn.lan"));
  text = mc_test_pdftotext (pdf, "-raw");
  if (text != NULL)
    {
      g_autofree char *normal = mc_test_normalize (text);
      mc_test_assert_has (normal, "NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lê Thị Lan");
      /* Refused at the counter, it never had a mã hồ sơ: the line "nếu
       * có" stays blank, not the refusal's own number. */
      mc_test_assert_has (normal, "Mã hồ sơ (nếu có): ……");
      mc_test_assert_lacks (normal, "(nếu có): TC-");
    }
}


/* motcua dossier withdraw … -o and stop-notice: Mẫu 05 of TT 03/2025 for a
 * dossier withdrawn under those forms; under the 2018 forms the withdrawal
 * with -o is refused and changes nothing. */
static void
test_stop_notice (void)
{
  g_autofree char *db_path = mc_test_db_path ("cli.sqlite");
  g_autofree char *pdf = mc_test_tmp_path ("stop.pdf");
  g_autofree char *reprint = mc_test_tmp_path ("stop-again.pdf");
  g_autofree char *out = NULL, *err = NULL, *old = NULL, *code = NULL, *args = NULL, *text = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run ("catalog list 1.001193", &out, &err), ==, 0);
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_accounts_set_database_purpose (db, MC_DATABASE_TEST, &error));
  /* The tests of this program share their database. */
  if (mc_db_query_int (db, "SELECT count (*) FROM staff WHERE username = 'tn.lan'", NULL) == 0)
    mc_test_add_staff (db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--user tn.lan dossier receive --procedure 1.001193 --name \"Lê Văn An\" "
                        "--id-number 038085012345 --channel truc_tiep --at \"2025-08-11 08:00\"", &out, &err), ==, 0);
  old = first_field (out);
  args = g_strdup_printf ("--user tn.lan dossier withdraw %s --reason \"Xin rút\" --at \"2025-08-12 09:00\" -o %s",
                          old, pdf);
  expect (args, 1, "", "01/2018/TT-VPCP");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM dossier WHERE code = '%s' AND state = 'received'",
                                            old);
    g_assert_cmpint (mc_db_query_int (db, sql, NULL), ==, 1);
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--user tn.lan dossier receive --procedure 1.001193 --name \"Trần Thị Mai\" "
                        "--id-number 038190012345 --channel truc_tiep --at \"2025-10-06 08:00\"", &out, &err), ==, 0);
  code = first_field (out);
  g_free (args);
  g_free (transition ("withdrawn", "dossier withdraw %s --user tn.lan --reason \"Xin rút để bổ sung\" "
                      "--at \"2025-10-07 09:00\" -o %s", code, pdf));
  args = g_strdup_printf ("--user tn.lan dossier stop-notice %s -o %s", code, reprint);
  expect (args, 0, "", NULL);
  g_free (args);
  args = g_strdup_printf ("--user tn.lan dossier stop-notice %s -o %s", old, reprint);
  expect (args, 1, "", NULL);
  text = mc_test_pdftotext (reprint, "-raw");
  if (text != NULL)
    {
      g_autofree char *normal = mc_test_normalize (text);
      g_autofree char *first = mc_test_pdftotext (pdf, "-raw");
      g_autofree char *first_normal = mc_test_normalize (first);

      mc_test_assert_has (first_normal, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
      mc_test_assert_has (first_normal, "Số: 01/TBD-TTPVHCC");
      mc_test_assert_has (first_normal, "Lý do: Xin rút để bổ sung");
      mc_test_assert_has (normal, "Số: 01/TBD-TTPVHCC");
    }
}

/* "Số: NN/PXL…" of a printed Mẫu 04 (normalized text), or NULL. */
static char *
number_line (const char *text)
{
  const char *start = strstr (text, "Số: ");

  return start ? g_strndup (start, strlen ("Số: ") + strcspn (start + strlen ("Số: "), " ")) : NULL;
}

static gint64
apology_exports (McDb *db)
{
  return mc_db_query_int (db, "SELECT count (*) FROM audit_log WHERE action = 'export.apology_form'", NULL);
}

/* motcua dossier apology-letter CODE -o: Mẫu 04 reprinted from the command
 * line as the window reprints it — the latest apology, the number it was
 * given when issued, audited like every export with personal data; a dossier
 * without an apology, an unknown code and an existing file are refused and
 * write nothing. */
static void
test_apology_letter (void)
{
  g_autofree char *db_path = mc_test_db_path ("cli.sqlite");
  g_autofree char *first = mc_test_tmp_path ("mau-04.pdf");
  g_autofree char *again = mc_test_tmp_path ("mau-04-again.pdf");
  g_autofree char *none = mc_test_tmp_path ("mau-04-none.pdf");
  g_autofree char *out = NULL, *err = NULL, *code = NULL, *plain = NULL, *args = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 exports;

  g_assert_cmpint (run ("catalog list 1.001193", &out, &err), ==, 0);
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_accounts_set_database_purpose (db, MC_DATABASE_TEST, &error));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("dossier receive --procedure 1.001193 --name \"Phạm Thị Hoa\" --id-number 038190054321 "
                        "--channel truc_tiep --at \"2026-04-06 08:00\"", &out, &err), ==, 0);
  code = first_field (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("dossier receive --procedure 1.001193 --name \"Lê Văn Tâm\" --id-number 038085054321 "
                        "--channel truc_tiep --at \"2026-04-06 08:10\"", &out, &err), ==, 0);
  plain = first_field (out);
  g_free (transition ("processing", "dossier transfer %s --at \"2026-04-06 09:00\"", code));
  args = g_strdup_printf ("dossier apology %s --reason \"Chờ xác minh nơi cư trú\" --department VP "
                          "--at \"2026-04-07 08:00\" -o %s", code, first);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  exports = apology_exports (db);
  g_assert_cmpint (exports, >=, 1);

  g_free (args);
  args = g_strdup_printf ("dossier apology-letter %s -o %s", code, again);
  expect (args, 0, "", NULL);
  g_assert_cmpint (apology_exports (db), ==, exports + 1);
  {
    g_autofree char *audited = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action = "
                                                "'export.apology_form' AND detail = 'Phiếu xin lỗi %s'", code);
    g_assert_cmpint (mc_db_query_int (db, audited, NULL), ==, exports + 1);
  }
  /* The file is there now: not replaced without --force, and not audited. */
  expect (args, 1, "", "--force");
  g_assert_cmpint (apology_exports (db), ==, exports + 1);

  g_free (args);
  args = g_strdup_printf ("dossier apology-letter %s -o %s", plain, none);
  expect (args, 1, "", "chưa có phiếu xin lỗi");
  g_free (args);
  args = g_strdup_printf ("dossier apology-letter XYZ-000 -o %s", none);
  expect (args, 1, "", "Không có hồ sơ mang mã");
  expect ("dossier apology-letter", 2, "", "apology-letter");
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  g_assert_cmpint (apology_exports (db), ==, exports + 1);

  {
    g_autofree char *issued = mc_test_pdftotext (first, "-raw");
    g_autofree char *reprinted = mc_test_pdftotext (again, "-raw");

    if (issued != NULL && reprinted != NULL)
      {
        g_autofree char *issued_n = mc_test_normalize (issued);
        g_autofree char *reprinted_n = mc_test_normalize (reprinted);
        g_autofree char *number = number_line (issued_n);

        mc_test_assert_has (reprinted_n, "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
        mc_test_assert_has (reprinted_n, "Phạm Thị Hoa");
        mc_test_assert_has (reprinted_n, "Chờ xác minh nơi cư trú");
        mc_test_assert_has (reprinted_n, code);
        g_assert_nonnull (number);
        g_assert_nonnull (strstr (number, "/PXL"));
        mc_test_assert_has (reprinted_n, number);
        g_assert_cmpstr (issued_n, ==, reprinted_n);
      }
  }
}

/* motcua with its own database (a later --db wins), run as `expect` does. */
static void
expect_accounts (const char *args, int code, const char *err_contains)
{
  g_autofree char *db = mc_test_db_path ("cli-accounts.sqlite");
  g_autofree char *full = g_strdup_printf ("--db %s %s", db, args);

  expect (full, code, NULL, err_contains);
}

/* Đổi mật khẩu from the command line: a new account must choose its own
 * password before any other command; the old one is the one signed in
 * with, the new one must differ. On its own database, since it makes
 * accounts enforced. */
static void
test_account_password (void)
{
  g_setenv ("MOTCUA_PASSWORD", "quantri2026", TRUE);
  expect_accounts ("account init --username admin --name \"Quản trị\"", 0, NULL);
  g_setenv ("MOTCUA_NEW_PASSWORD", "tamthoi2026", TRUE);
  expect_accounts ("--user admin account add cv.an --name \"Lê An\" --roles chuyen_vien --department VP", 0, NULL);
  expect_accounts ("--user admin account add cv.binh --name \"Đỗ Bình\" --roles chuyen_vien --department VP "
                   "--no-password-change", 0, NULL);
  g_setenv ("MOTCUA_PASSWORD", "tamthoi2026", TRUE);
  /* Any other command is refused until the password is changed; waived, not. */
  expect_accounts ("--user cv.an account list", 1, "account password");
  expect_accounts ("--user cv.binh account list", 0, NULL);
  /* The same password again is no change. */
  expect_accounts ("--user cv.an account password", 1, NULL);
  g_setenv ("MOTCUA_NEW_PASSWORD", "anmoi2026", TRUE);
  expect_accounts ("--user cv.an account password", 0, NULL);
  g_unsetenv ("MOTCUA_NEW_PASSWORD");
  expect_accounts ("--user cv.an account list", 1, NULL);
  g_setenv ("MOTCUA_PASSWORD", "anmoi2026", TRUE);
  expect_accounts ("--user cv.an account list", 0, NULL);
  g_unsetenv ("MOTCUA_PASSWORD");
}

/* motcua audit verify --against a backup, its manifest or a head printed on
 * a report; a trigger dropped and re-created outside Motcua is warned of by
 * every command and makes audit verify fail, in Vietnamese. */
static void
test_audit_verify_against (void)
{
  g_autofree char *db = NULL;
  g_autofree char *backup = mc_test_tmp_path ("cli-audit-backup.sqlite");
  g_autofree char *args = NULL;

  /* A SQLite backup file and its manifest, a trigger re-created through
   * sqlite_schema; on a server the triggers are motcua_owner's and the chain
   * is verified by the server (pg-roles, pg-engine). */
  if (mc_test_sqlite_only ("a backup file's head and a trigger re-created in sqlite_schema"))
    return;
  db = mc_test_db_path ("cli-audit.sqlite");

  g_setenv ("MOTCUA_PASSWORD", "quantri2026", TRUE);
  args = g_strdup_printf ("--db %s account init --username admin --name \"Quản trị\"", db);
  expect (args, 0, NULL, NULL);
  g_free (args);
  args = g_strdup_printf ("--db %s --user admin backup %s", db, backup);
  expect (args, 0, NULL, NULL);
  g_free (args);
  args = g_strdup_printf ("--db %s --user admin audit verify --against %s", db, backup);
  expect (args, 0, NULL, NULL);
  g_free (args);
  args = g_strdup_printf ("--db %s --user admin audit verify --against %s.manifest", db, backup);
  expect (args, 0, NULL, NULL);
  g_free (args);
  args = g_strdup_printf ("--db %s --user admin audit verify --against 99999:0123abcd", db);
  expect (args, 3, "broken\n", "không còn");
  g_free (args);
  args = g_strdup_printf ("--db %s --user admin audit verify --against khong-co", db);
  expect (args, 1, "", "không phải bản sao lưu");
  g_free (args);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(McDb) opened = mc_db_new (db, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (mc_db_exec (opened, "CREATE TEMP TABLE t AS SELECT sql FROM sqlite_schema "
                                       "WHERE name = 'audit_setting_update'; DROP TRIGGER audit_setting_update; "
                                       "UPDATE setting SET value = '1' WHERE key = 'backup_keep'", &error));
    {
      McSqlStmt *s = mc_db_prepare (opened, "SELECT sql FROM t", &error);
      g_autofree char *sql = NULL;
      g_assert_cmpint (mc_sql_step (s, NULL), ==, MC_DB_STEP_ROW);
      sql = g_strdup (mc_sql_column_text (s, 0));
      mc_sql_reset (s);
      g_assert_true (mc_db_exec (opened, sql, &error));
    }
  }
  args = g_strdup_printf ("--db %s --user admin account list", db);
  expect (args, 0, NULL, "Cảnh báo: Các trigger đã bị xóa rồi tạo lại");
  g_free (args);
  args = g_strdup_printf ("--db %s --user admin audit verify", db);
  expect (args, 3, "broken\n", "xóa rồi tạo lại ngoài Motcua");
  g_unsetenv ("MOTCUA_PASSWORD");
}

/* dossier register --field: the book of one field (named without tone
 * marks), an unknown field refused in Vietnamese with no file left. */
static void
test_register_field (void)
{
  g_autofree char *db_path = mc_test_db_path ("cli.sqlite");
  g_autofree char *pdf = mc_test_tmp_path ("so-ho-tich.pdf");
  g_autofree char *none = mc_test_tmp_path ("so-khong-co.pdf");
  g_autofree char *out = NULL, *err = NULL, *birth = NULL, *land = NULL, *args = NULL, *text = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run ("catalog list 1.001193", &out, &err), ==, 0);
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_accounts_set_database_purpose (db, MC_DATABASE_TEST, &error));
  /* The tests of this program share their database: a month of its own. */
  if (mc_db_query_int (db, "SELECT count (*) FROM staff WHERE username = 'tn.lan'", NULL) == 0)
    mc_test_add_staff (db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--user tn.lan dossier receive --procedure 1.001193 --name \"Lê Văn An\" "
                        "--id-number 038085012345 --channel truc_tiep --at \"2026-05-04 08:00\"", &out, &err), ==, 0);
  birth = first_field (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--user tn.lan dossier receive --procedure 1.012812 --name \"Trần Văn Bình\" "
                        "--id-number 038085054321 --channel truc_tiep --at \"2026-05-04 09:00\"", &out, &err), ==, 0);
  land = first_field (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("--user tn.lan dossier register --from 2026-05-01 --to 2026-05-31 --field \"ho tich\" -o %s",
                          pdf);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_free (args);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  args = g_strdup_printf ("--user tn.lan dossier register --from 2026-05-01 --to 2026-05-31 --field \"Không có\" "
                          "-o %s", none);
  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Danh mục không có lĩnh vực nào tên “Không có”"));
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  text = mc_test_pdftotext (pdf, "-raw");
  if (text == NULL)
    return;
  {
    g_autofree char *flat = mc_test_normalize (text);

    mc_test_assert_has (flat, "Lĩnh vực: Hộ tịch");
    mc_test_assert_has (flat, "Lê Văn An");
    mc_test_assert_has (flat, birth + 14);
    mc_test_assert_lacks (flat, "Trần Văn Bình");
    mc_test_assert_lacks (flat, land + 14);
    mc_test_assert_lacks (flat, "Đất đai");
  }
}

/* Asking how a command is used opens no database: the file is not created
 * and nobody need be signed in. */
static void
test_command_help (void)
{
  const char *old = db_name;
  g_autofree char *path = NULL;
  const char *cases[] = { "dossier --help", "demo --help", "report -h" };

  /* What it checks is a file not made; a server's database exists already. */
  if (mc_test_sqlite_only ("a database file not created"))
    return;
  db_name = "cli-help-never-created.sqlite";
  path = mc_test_tmp_path (db_name);
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (cases[k], &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, "motcua [--db"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  db_name = old;
}

/* The count line of a search (issue 15): on stderr, so that stdout keeps
 * one row per dossier, as many as the GUI's heading says match — here the
 * whole search read by core without a limit — with the 100 rows printed. */
static void
test_search_count (void)
{
  const char *old = db_name;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL, *err = NULL, *expected = NULL, *total = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  db_name = "cli-search-count.sqlite";
  path = mc_test_db_path (db_name);
  g_assert_cmpint (run ("demo --dossiers 800", &out, &err), ==, 0);
  g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);
  db = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  calendar = mc_calendar_store_load (db, &error);
  g_assert_no_error (error);
  store = mc_dossier_store_new (db, calendar);
  all = mc_dossier_store_search (store, "nguyen", 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 100);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--user tn.lan dossier search nguyen", &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 101);  /* 100 rows, each ending in a newline */
  total = mc_format_count (all->len);
  expected = g_strdup_printf ("%s hồ sơ — hiện 100 hồ sơ mới nhất\n", total);
  g_assert_cmpstr (err, ==, expected);

  /* Fewer hits than rows: the number alone; a code: that dossier. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("--user tn.lan dossier search \"zzqx\"", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "0 hồ sơ\n");
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *args = g_strdup_printf ("--user tn.lan dossier search %s",
                                             mc_dossier_get_data (all->pdata[0])->code);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "1 hồ sơ\n");
  }
  g_unsetenv ("MOTCUA_PASSWORD");
  db_name = old;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/cli/calendar", test_calendar);
  g_test_add_func ("/cli/command-help", test_command_help);
  g_test_add_func ("/cli/search-count", test_search_count);
  g_test_add_func ("/cli/demo-now", test_demo_now);
  g_test_add_func ("/cli/holidays", test_holidays);
  g_test_add_func ("/cli/catalog", test_catalog);
  g_test_add_func ("/cli/concurrent-codes", test_concurrent_codes);
  g_test_add_func ("/cli/workflow", test_workflow);
  g_test_add_func ("/cli/online-level", test_online_level);
  g_test_add_func ("/cli/records-name-the-clerk", test_records_name_the_clerk);
  g_test_add_func ("/cli/stop-notice", test_stop_notice);
  g_test_add_func ("/cli/register-field", test_register_field);
  g_test_add_func ("/cli/apology-letter", test_apology_letter);
  g_test_add_func ("/cli/account-password", test_account_password);
  g_test_add_func ("/cli/audit-verify-against", test_audit_verify_against);
  return g_test_run ();
}
