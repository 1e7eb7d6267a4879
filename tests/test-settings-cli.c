/* test-settings-cli.c — motcua settings list|get|set|reset: the
 * administrator's only, validated in Vietnamese, every change audited with
 * the person
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-db.h"
#include "mc-settings.h"
#include "mc-test-utils.h"

static char *db_path;

/* motcua --db DB --user USER ARGS…: the exit status, stdout and stderr. */
static int
run_as (const char *user, const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db_path);
  if (user != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--user");
      g_ptr_array_add (argv, (gpointer) user);
    }
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  {
    /* One TAP comment line each, whatever the output holds. */
    g_autofree char *o = g_strescape (out && *out ? *out : "", NULL);
    g_autofree char *e = g_strescape (err && *err ? *err : "", NULL);
    g_test_message ("%s %s: exit %d, [%.200s] [%.200s]", args[0], args[1] ? args[1] : "", status, o, e);
  }
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static char *
get_as (const char *user, const char *key)
{
  const char *args[] = { "settings", "get", key, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_cmpint (run_as (user, args, &out, &err), ==, 0);
  return out;
}

/* An administrator and a specialist, both with the test password. */
static void
set_up_accounts (void)
{
  const char *init[] = { "account", "init", "--username", "admin", "--name", "Quản trị", NULL };
  const char *add[] = { "account", "add", "cv.an", "--name", "Lê An", "--roles", "chuyen_vien",
                        "--department", "VP", "--no-password-change", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  db_path = mc_test_db_path ("settings-cli.sqlite");
  g_setenv ("MOTCUA_PASSWORD", "quantri2026", TRUE);
  g_setenv ("MOTCUA_NEW_PASSWORD", "quantri2026", TRUE);
  g_assert_cmpint (run_as (NULL, init, &out, &err), ==, 0);
  g_assert_cmpint (run_as ("admin", add, &out2, &err2), ==, 0);
  g_unsetenv ("MOTCUA_NEW_PASSWORD");
}

static gint64
audit_rows (const char *like)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (db_path, NULL, &error);
  /* by admin (on a server: the login the command connected with, the
   * same as this connection's, mc_test_audit_by) */
  g_autofree char *by = mc_test_audit_by ("a.", "admin");
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log a "
                                          "WHERE a.action LIKE 'setting.%%' AND a.detail LIKE '%s' AND %s", like, by);

  g_assert_no_error (error);
  return mc_db_query_int (db, sql, NULL);
}

/* Set, read back, listed as set, audited with the person. */
static void
test_set_get_list (void)
{
  const char *set[] = { "settings", "set", "report.signer", "  Nguyễn Thị Nga ", NULL };
  const char *set_bool[] = { "settings", "set", "report.calendar_periods", "có", NULL };
  const char *list[] = { "settings", "list", NULL };
  const char *reset[] = { "settings", "reset", "report.calendar_periods", NULL };
  g_autofree char *out = NULL, *err = NULL, *listed = NULL, *err2 = NULL;
  g_autofree char *value = NULL, *periods = NULL, *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;

  g_assert_cmpint (run_as ("admin", set, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Nguyễn Thị Nga\n");
  value = get_as ("admin", "report.signer");
  g_assert_cmpstr (value, ==, "Nguyễn Thị Nga\n");
  g_assert_cmpint (run_as ("admin", set_bool, &out3, &err3), ==, 0);
  periods = get_as ("admin", "report.calendar_periods");
  g_assert_cmpstr (periods, ==, "1\n");
  g_assert_cmpint (run_as ("admin", list, &listed, &err2), ==, 0);
  g_assert_nonnull (strstr (listed, "report.signer\tNguyễn Thị Nga\tset\tNgười ký và địa danh\tHọ tên người ký\n"));
  g_assert_nonnull (strstr (listed, "report.cutoff_day\t14\tdefault\tKỳ báo cáo\tNgày chốt số liệu\n"));
  g_assert_cmpint (audit_rows ("report.signer = Nguyễn Thị Nga"), ==, 1);
  g_assert_cmpint (run_as ("admin", reset, &out4, &err4), ==, 0);
  g_assert_cmpstr (out4, ==, "0\n");
  g_assert_cmpint (audit_rows ("report.calendar_periods = 0"), ==, 1);
}

/* A value that does not validate is refused in Vietnamese and leaves the
 * stored value and the audit trail as they were. */
static void
test_invalid_changes_nothing (void)
{
  static const struct {
    const char *key, *value, *says;
  } cases[] = {
    { "report.cutoff_day", "30", "Ngày chốt số liệu: phải là số nguyên từ 1 đến 27" },
    { "report.cutoff_day", "mười", "phải là số nguyên từ 1 đến 27" },
    { "report.calendar_periods", "maybe", "phải là 1 (có) hoặc 0 (không)" },
    { "report.signer_authority", "XYZ", "phải là một trong các giá trị: auto, KT, TM, Q, none" },
    { "report.rating_thresholds", "tốt lắm", "Không đọc được ngưỡng xếp loại" },
    { "report.narrative_subject", "", "Trích yếu: không được để trống" },
    { "report.signer", "Nguyễn\nThị Nga", "phải ghi trên một dòng" },
    { "report.narrative_template", "Số {{tong_tiep_nhan hồ sơ", "chưa được đóng bằng }}" },
    { "khong.co", "1", "Không có thiết lập “khong.co”" },
  };
  const char *set_ok[] = { "settings", "set", "report.cutoff_day", "20", NULL };
  g_autofree char *o = NULL, *e = NULL;
  gint64 before;

  g_assert_cmpint (run_as ("admin", set_ok, &o, &e), ==, 0);
  before = audit_rows ("%");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "settings", "set", cases[i].key, cases[i].value, NULL };
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_as ("admin", args, &out, &err), ==, 1);
      mc_test_assert_has (err, cases[i].says);
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_cmpint (audit_rows ("%"), ==, before);
  {
    g_autofree char *day = get_as ("admin", "report.cutoff_day");
    g_assert_cmpstr (day, ==, "20\n");
  }
}

/* Anyone but the administrator is refused every subcommand, and nothing changes. */
static void
test_refused_for_non_admin (void)
{
  const char *const commands[][5] = {
    { "settings", "list", NULL },
    { "settings", "get", "report.signer", NULL },
    { "settings", "set", "report.signer", "Kẻ Lạ", NULL },
    { "settings", "reset", "report.signer", NULL },
  };
  gint64 before = audit_rows ("%");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_as ("cv.an", commands[i], &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      mc_test_assert_lacks (err, "Nguyễn Thị Nga");
    }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_as (NULL, commands[2], &out, &err), ==, 1);
  }
  g_assert_cmpint (audit_rows ("%"), ==, before);
  {
    g_autofree char *value = get_as ("admin", "report.signer");
    g_assert_cmpstr (value, ==, "Nguyễn Thị Nga\n");
  }
}

/* A template from a file keeps its lines; a stored value is read through
 * the registry by the report code (mc_settings_get). */
static void
test_template_from_file (void)
{
  g_autofree char *file = mc_test_tmp_path ("mau-bao-cao.txt");
  const char *args[] = { "settings", "set", "report.narrative_template", "--file", file, NULL };
  const char *text = "Báo cáo {{ky_bao_cao}}\n\nTổng số: {{tong_tiep_nhan}} hồ sơ.";
  g_autofree char *out = NULL, *err = NULL, *back = NULL;

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_cmpint (run_as ("admin", args, &out, &err), ==, 0);
  back = get_as ("admin", "report.narrative_template");
  g_assert_cmpstr (back, ==, "Báo cáo {{ky_bao_cao}}\n\nTổng số: {{tong_tiep_nhan}} hồ sơ.\n");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(McDb) db = mc_db_new (db_path, NULL, &error);
    g_autofree char *stored = mc_settings_get (db, "report.narrative_template", NULL);
    g_assert_cmpstr (stored, ==, text);
  }
}

/* Core refuses too, whoever calls it: no one signed in on a database with accounts. */
static void
test_core_refuses_without_person (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (db_path, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (mc_settings_set (db, "report.signer", "Kẻ Lạ", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autofree char *value = mc_settings_get (db, "report.signer", NULL);
    g_assert_cmpstr (value, ==, "Nguyễn Thị Nga");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mc_test_use_vietnamese ();
  set_up_accounts ();
  g_test_add_func ("/settings-cli/set-get-list", test_set_get_list);
  g_test_add_func ("/settings-cli/invalid-changes-nothing", test_invalid_changes_nothing);
  g_test_add_func ("/settings-cli/refused-for-non-admin", test_refused_for_non_admin);
  g_test_add_func ("/settings-cli/template-from-file", test_template_from_file);
  g_test_add_func ("/settings-cli/core-refuses-without-person", test_core_refuses_without_person);
  return g_test_run ();
}
