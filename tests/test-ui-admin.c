/* test-ui-admin.c — sign-in, the Tài khoản and Nhật ký pages, and Báo cáo, each on its own application and database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-accounts-page.h"
#include "mc-application.h"
#include "mc-audit-labels.h"
#include "mc-audit-page.h"
#include "mc-date-entry.h"
#include "mc-directory.h"
#include "mc-dossier-store.h"
#include "mc-format.h"
#include "mc-login-window.h"
#include "mc-report-page.h"
#include "mc-session.h"
#include "mc-font-check.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

/* Accounts: sign-in, first run, the Tài khoản and Nhật ký pages. They run
 * on their own application and database, since an administrator makes
 * accounts enforced and every other UI test acts without signing in. */

static McApplication *accounts_app;

static gint64
accounts_int (const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = mc_db_query_int (mc_application_get_db (accounts_app), sql, &error);

  g_assert_no_error (error);
  return n;
}

static gpointer
find_app_window (GType type)
{
  return mc_test_ui_find_window (accounts_app, type);
}

static McWindow *
sign_in_as (const char *username, const char *password)
{
  McWindow *open = find_app_window (MC_TYPE_WINDOW);

  /* Signed out first, so the sign-in window is there to say it is no first run. */
  if (open != NULL)
    gtk_widget_activate_action (GTK_WIDGET (open), "session.sign-out", NULL);
  g_assert_false (mc_login_window_is_first_run (find_app_window (MC_TYPE_LOGIN_WINDOW)));
  return mc_test_ui_sign_in (accounts_app, username, password);
}

static void
test_accounts_first_run (void)
{
  g_autoptr(GError) error = NULL;
  McLoginWindow *login;
  McWindow *main_window;
  GtkWindow *first;

  accounts_app = mc_test_ui_app_new ("vn.motcua.Motcua.AccountsTest", "accounts.sqlite");

  /* No account at all: the first window creates the administrator. */
  first = mc_session_start (accounts_app);
  g_assert_true (MC_IS_LOGIN_WINDOW (first));
  login = MC_LOGIN_WINDOW (first);
  g_assert_true (mc_login_window_is_first_run (login));
  mc_login_window_fill_first_run (login, "admin", "Nguyễn Quản Trị", "matkhau2026", "matkhau2027");
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID);
  g_assert_cmpstr (mc_login_window_get_message (login), ==, error->message);
  g_clear_error (&error);
  /* Core's strength rule, told in the window; nothing written. */
  mc_login_window_fill_first_run (login, "admin", "Nguyễn Quản Trị", "ngan", "ngan");
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID);
  g_assert_nonnull (strstr (mc_login_window_get_message (login), "8"));
  g_clear_error (&error);
  g_assert_cmpint (accounts_int ("SELECT count (*) FROM staff"), ==, 0);

  mc_login_window_fill_first_run (login, "admin", "Nguyễn Quản Trị", "matkhau2026", "matkhau2026");
  main_window = mc_login_window_submit (login, &error);
  g_assert_no_error (error);
  g_assert_true (MC_IS_WINDOW (main_window));
  g_assert_null (find_app_window (MC_TYPE_LOGIN_WINDOW));
  g_assert_cmpint (accounts_int ("SELECT count (*) FROM staff WHERE username = 'admin' AND roles = 'quan_tri' "
                                 "AND password_hash LIKE '$argon2id$%'"), ==, 1);
  g_assert_true (mc_session_is_enforced (accounts_app));
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (accounts_app)), ==,
                   accounts_int ("SELECT id FROM staff WHERE username = 'admin'"));
  g_assert_cmpstr (mc_application_get_username (accounts_app), ==, "admin");
  /* The administrator sees both pages. */
  g_assert_true (MC_IS_ACCOUNTS_PAGE (mc_window_get_page_widget (main_window, "accounts")));
  g_assert_true (MC_IS_AUDIT_PAGE (mc_window_get_page_widget (main_window, "audit")));
  mc_test_ui_wait_for_idle ();
}

static void
test_accounts_page_add (void)
{
  McWindow *main_window = find_app_window (MC_TYPE_WINDOW);
  McAccountsPage *page = MC_ACCOUNTS_PAGE (mc_window_get_page_widget (main_window, "accounts"));
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (accounts_app));
  g_autoptr(McStaff) added = NULL;
  g_autoptr(GError) error = NULL;
  McAccountDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-page", "s", "accounts");
  g_assert_cmpuint (mc_accounts_page_get_n_accounts (page), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add", NULL);
  dialog = mc_accounts_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpint (mc_account_dialog_get_mode (dialog), ==, MC_ACCOUNT_DIALOG_ADD);
  /* Refused by core (a user name with diacritics): the dialog stays open with its message. */
  mc_account_dialog_fill (dialog, "tn.mái", "Lê Thị Mai", "Công chức", "TTPV",
                          MC_ROLE_RECEPTION | MC_ROLE_REPORTING, "motcua2026");
  g_assert_false (mc_account_dialog_save (dialog, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID);
  g_assert_cmpstr (mc_account_dialog_get_message (dialog), ==, error->message);
  g_clear_error (&error);
  g_assert_true (mc_accounts_page_get_dialog (page) == dialog);

  mc_account_dialog_fill (dialog, "tn.mai", NULL, NULL, NULL, MC_ROLE_RECEPTION | MC_ROLE_REPORTING, NULL);
  /* Signs in straight away below (the forced change is test-ui-roles'). */
  mc_account_dialog_set_must_change (dialog, FALSE);
  g_assert_true (mc_account_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_null (mc_accounts_page_get_dialog (page));
  added = mc_accounts_get_staff (accounts, "tn.mai", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_staff_get_full_name (added), ==, "Lê Thị Mai");
  g_assert_cmpstr (mc_staff_get_title (added), ==, "Công chức");
  g_assert_cmpstr (mc_staff_get_department_code (added), ==, "TTPV");
  g_assert_cmpint (mc_staff_get_roles (added), ==, MC_ROLE_RECEPTION | MC_ROLE_REPORTING);
  g_assert_true (mc_staff_get_has_password (added) && mc_staff_get_active (added));
  g_assert_cmpuint (mc_accounts_page_get_n_accounts (page), ==, 2);
  g_assert_true (mc_accounts_page_select (page, "tn.mai"));

  /* A second account, through the same dialog, for the lockout below. */
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add", NULL);
  mc_account_dialog_fill (mc_accounts_page_get_dialog (page), "cv.khoa", "Đặng Minh Khoa", NULL, "VP",
                          MC_ROLE_SPECIALIST, "chuyenvien9");
  mc_account_dialog_set_must_change (mc_accounts_page_get_dialog (page), FALSE);
  g_assert_true (mc_account_dialog_save (mc_accounts_page_get_dialog (page), &error));
  g_assert_no_error (error);
  mc_test_ui_wait_for_idle ();
}

static void
test_accounts_sign_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  McLoginWindow *login;
  McWindow *main_window = find_app_window (MC_TYPE_WINDOW);

  gtk_widget_activate_action (GTK_WIDGET (main_window), "session.sign-out", NULL);
  g_assert_null (find_app_window (MC_TYPE_WINDOW));
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (accounts_app)), ==, 0);
  login = find_app_window (MC_TYPE_LOGIN_WINDOW);
  g_assert_nonnull (login);

  /* A wrong password: refused with core's message, each failure counted in the database. */
  for (int i = 1; i <= 2; i++)
    {
      mc_login_window_fill (login, "tn.mai", "saimatkhau1");
      g_assert_null (mc_login_window_submit (login, &error));
      g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_BAD_PASSWORD);
      g_assert_cmpstr (mc_login_window_get_message (login), ==, error->message);
      g_clear_error (&error);
      g_assert_cmpint (accounts_int ("SELECT failed_logins FROM staff WHERE username = 'tn.mai'"), ==, i);
    }
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (accounts_app)), ==, 0);

  /* Enter in the password field signs in. */
  mc_login_window_fill (login, "tn.mai", "motcua2026");
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (login), MC_TYPE_LOGIN_WINDOW, "password"),
                         "entry-activated");
  main_window = find_app_window (MC_TYPE_WINDOW);
  g_assert_nonnull (main_window);
  g_assert_null (find_app_window (MC_TYPE_LOGIN_WINDOW));
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (accounts_app)), ==,
                   accounts_int ("SELECT id FROM staff WHERE username = 'tn.mai'"));
  g_assert_cmpint (accounts_int ("SELECT failed_logins FROM staff WHERE username = 'tn.mai'"), ==, 0);
  g_assert_cmpstr (mc_application_get_username (accounts_app), ==, "tn.mai");
  /* Not an administrator or a leader: neither page. */
  g_assert_null (mc_window_get_page_widget (main_window, "accounts"));
  g_assert_null (mc_window_get_page_widget (main_window, "audit"));
  /* Xử lý hồ sơ offers only the person signed in. */
  people = mc_directory_list_staff (mc_application_get_db (accounts_app), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  mc_session_restrict_staff (accounts_app, people);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (mc_staff_get_username (people->pdata[0]), ==, "tn.mai");
  mc_test_ui_wait_for_idle ();
}

static void
test_accounts_lockout (void)
{
  g_autoptr(GError) error = NULL;
  McWindow *main_window = find_app_window (MC_TYPE_WINDOW);
  McLoginWindow *login;
  McAccountsPage *page;

  gtk_widget_activate_action (GTK_WIDGET (main_window), "session.sign-out", NULL);
  login = find_app_window (MC_TYPE_LOGIN_WINDOW);
  for (int i = 0; i < 5; i++)
    {
      mc_login_window_fill (login, "cv.khoa", "doanbua123");
      g_assert_null (mc_login_window_submit (login, &error));
      g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_BAD_PASSWORD);
      g_clear_error (&error);
    }
  /* Locked now: even the right password is refused, in the words of a
   * wrong one (which confirm no name); the administrator sees the lock. */
  mc_login_window_fill (login, "cv.khoa", "chuyenvien9");
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_BAD_PASSWORD);
  g_assert_cmpstr (mc_login_window_get_message (login), ==, error->message);
  g_clear_error (&error);

  /* The administrator unlocks it from the page. */
  main_window = sign_in_as ("admin", "matkhau2026");
  page = MC_ACCOUNTS_PAGE (mc_window_get_page_widget (main_window, "accounts"));
  mc_accounts_page_reload (page);
  g_assert_true (mc_accounts_page_select (page, "cv.khoa"));
  for (guint i = 0; i < mc_accounts_page_get_n_accounts (page); i++)
    if (g_str_equal (mc_staff_get_username (mc_accounts_page_get_account (page, i)), "cv.khoa"))
      {
        g_autofree char *state = mc_accounts_page_state_text (mc_accounts_page_get_account (page, i));
        const char *format = g_dgettext (GETTEXT_PACKAGE, "Locked until %s");
        g_assert_cmpint (strncmp (state, format, strstr (format, "%s") - format), ==, 0);
      }
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.unlock", NULL);
  g_assert_cmpint (accounts_int ("SELECT failed_logins + coalesce (locked_until, 0) FROM staff "
                                 "WHERE username = 'cv.khoa'"), ==, 0);
  mc_test_ui_wait_for_idle ();
}

static gboolean
audit_lists (McAuditPage *page, const char *action, const char *object_label, const char *username)
{
  for (guint i = 0; i < mc_audit_page_get_n_entries (page); i++)
    {
      McAuditEntry *e = mc_audit_page_get_entry (page, i);
      if (g_strcmp0 (mc_audit_entry_get_action (e), action) == 0 &&
          g_strcmp0 (mc_audit_entry_get_object_label (e), object_label) == 0 &&
          g_strcmp0 (mc_audit_entry_get_username (e), username) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_accounts_audit_page (void)
{
  McWindow *main_window = find_app_window (MC_TYPE_WINDOW);
  McAuditPage *page = MC_AUDIT_PAGE (mc_window_get_page_widget (main_window, "audit"));
  g_autoptr(GError) error = NULL;
  /* Audit rows carry the real clock, not MOTCUA_NOW. */
  McDate today = mc_time_get_date (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *altered = NULL, *intact = NULL, *number = NULL;
  gint64 n_rows;
  GList *windows;

  g_assert_nonnull (page);
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-page", "s", "audit");
  /* On a server the trail names the login that connected (session_user):
   * the suite's one superuser, no staff member (each desk's own login:
   * tests/pg/test-pg-desks.c). The filters by person are SQLite's here. */
  if (mc_test_on_pg ())
    goto verify;
  /* The account the administrator created after signing in, under their name. */
  mc_audit_page_set_filter (page, "admin", NULL, today - 1, today);
  g_assert_cmpuint (mc_audit_page_get_n_entries (page), >, 0);
  g_assert_true (audit_lists (page, "staff.insert", "tn.mai", "admin"));
  g_assert_cmpstr (mc_audit_entry_get_full_name (mc_audit_page_get_entry (page, 0)), ==, "Nguyễn Quản Trị");
  g_assert_cmpstr (mc_audit_action_to_label ("staff.insert"), ==, g_dgettext (GETTEXT_PACKAGE, "Account created"));
  g_assert_cmpstr (mc_audit_action_to_label ("dossier.insert"), ==, g_dgettext (GETTEXT_PACKAGE, "Dossier received"));
  /* Newest first. */
  for (guint i = 1; i < mc_audit_page_get_n_entries (page); i++)
    g_assert_cmpint (mc_audit_entry_get_id (mc_audit_page_get_entry (page, i - 1)), >,
                     mc_audit_entry_get_id (mc_audit_page_get_entry (page, i)));
  /* Another person, a later day, a dossier code: not these rows. */
  mc_audit_page_set_filter (page, "tn.mai", NULL, 0, 0);
  g_assert_false (audit_lists (page, "staff.insert", "tn.mai", "admin"));
  mc_audit_page_set_filter (page, NULL, NULL, today + 2, 0);
  g_assert_cmpuint (mc_audit_page_get_n_entries (page), ==, 0);
  mc_audit_page_set_filter (page, NULL, "000.00.06.H56-261123-0001", 0, 0);
  g_assert_cmpuint (mc_audit_page_get_n_entries (page), ==, 0);
  mc_audit_page_set_filter (page, NULL, NULL, 0, 0);
  g_assert_true (audit_lists (page, "staff.insert", "cv.khoa", "admin"));

verify:
  mc_audit_page_set_filter (page, NULL, NULL, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "audit.verify", NULL);
  n_rows = accounts_int ("SELECT count (*) FROM audit_log");
  number = mc_format_count (n_rows);
  intact = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The log is intact: %s row checked, none edited or deleted",
                                         "The log is intact: %s rows checked, none edited or deleted", n_rows), number);
  g_assert_cmpint (n_rows, >, 0);
  g_assert_cmpstr (mc_audit_page_get_verify_message (page), ==, intact);
  g_assert_true (mc_audit_page_verify (page));

  /* A row edited behind the application's back is found, by its number
   * (on a server by the cluster's superuser, who alone may drop the trigger). */
  g_assert_true (mc_db_exec (mc_application_get_db (accounts_app),
                             mc_test_on_pg () ? "DROP TRIGGER audit_log_no_update ON audit_log"
                                              : "DROP TRIGGER audit_log_no_update", &error));
  g_assert_true (mc_db_exec (mc_application_get_db (accounts_app), "UPDATE audit_log SET detail = 'sửa' WHERE id = 2",
                             &error));
  g_assert_no_error (error);
  g_assert_false (mc_audit_page_verify (page));
  altered = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "The log has been altered at row %lld (the %s rows before it are intact)"),
                             2LL, "1");
  g_assert_cmpstr (mc_audit_page_get_verify_message (page), ==, altered);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (accounts_app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  mc_test_ui_wait_for_idle ();
  g_clear_object (&accounts_app);
}

/* Báo cáo, on its own small database (seed 002's dossiers, quý I/2024):
 * a figure of Biểu 06a as shown, its button opens as many dossiers; the
 * appendix's figures and lists; the narrative exported with its edits; a
 * period ending before it starts is refused on the page. */
static McApplication *report_app;

static guint
report_row (McReportPage *page, guint table, const char *name)
{
  McReportDocument *doc = mc_report_page_get_doc (page);
  GListModel *rows;

  g_assert_nonnull (doc);
  rows = mc_report_document_get_rows (doc, table);
  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    if (g_strcmp0 (mc_report_document_get_cell (doc, table, r, 1), name) == 0)
      return r;
  g_assert_not_reached ();
}

static void
assert_list_of_cell (McReportPage *page, guint row, guint column, guint expected)
{
  GtkWidget *button;
  GtkWindow *list;

  mc_test_ui_wait_for_idle ();
  button = mc_report_page_find_cell (page, 0, row, column);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  list = mc_report_page_get_items_window (page);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpuint (mc_report_items_window_get_n_items (list), ==, expected);
  gtk_window_destroy (list);
  g_assert_null (mc_report_page_get_items_window (page));
}

static McReportPage *
report_page_on_seed (GtkWindow **report_window, const char *app_id, const char *db_name)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "report-06a-seed002.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  McReportPage *page;
  gsize length = 0;
  guint n = 0;

  /* One application id per test: a process registers each once. */
  report_app = mc_test_ui_app_new (app_id, db_name);
  store = mc_dossier_store_new (mc_application_get_db (report_app), mc_application_get_calendar (report_app));
  g_assert_true (g_file_get_contents (fixture, &csv, &length, &error));
  g_assert_true (mc_dossier_store_import_csv (store, csv, length, &n, &error));
  g_assert_no_error (error);
  /* The fixture's dossier of a commune belongs to that subordinate unit. */
  g_assert_true (mc_db_exec (mc_application_get_db (report_app),
                             "INSERT INTO unit (code, name, level, relation) VALUES "
                             "('000.00.06.X01', 'UBND xã Quang Trung', 'xa', 'subordinate'); "
                             "UPDATE dossier SET unit_id = (SELECT id FROM unit WHERE code = '000.00.06.X01') "
                             "WHERE code LIKE '000.00.06.X01-%'", &error));
  g_assert_no_error (error);
  page = mc_report_page_new (report_app);
  *report_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*report_window, 1400, 2000);
  gtk_window_set_child (*report_window, GTK_WIDGET (page));
  gtk_window_present (*report_window);
  return page;
}

static char *unzip_text (const char *file, const char *member);

static void
test_report_page (void)
{
  GtkWindow *report_window = NULL;
  McReportPage *page = report_page_on_seed (&report_window, "vn.motcua.Motcua.ReportTest", "report.sqlite");
  g_autofree char *txt = mc_test_tmp_path ("narrative.txt");
  g_autofree char *docx = mc_test_tmp_path ("narrative.docx");
  g_autofree char *text = NULL, *written = NULL;
  g_autoptr(GError) error = NULL;
  gboolean procedures = FALSE;
  McDate from, to;
  guint row;

  /* Quý I/2024 by the cut-off rule: 15/12/2023 – 14/03/2024. */
  mc_report_page_set_only_with_dossiers (page, TRUE);
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 1);
  mc_report_page_get_period (page, &from, &to);
  g_assert_cmpint (from, ==, mc_test_date ("2023-12-15"));
  g_assert_cmpint (to, ==, mc_test_date ("2024-03-14"));
  g_assert_null (mc_report_page_get_error (page));
  g_assert_cmpint (mc_report_document_get_kind (mc_report_page_get_doc (page)), ==, MC_REPORT_DOC_06A);
  /* Hộ tịch: (3) 54 received, (4) 53 online, (6) 1 from the previous period, (8) 41 early. */
  row = report_row (page, 0, "Hộ tịch");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 2), ==, "54");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 3), ==, "53");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 7), ==, "41");
  assert_list_of_cell (page, row, 2, 54);
  /* The rules the figures followed, as the PDF prints them; the documents'
   * font said while it is a substitute (on this machine, Liberation Serif). */
  g_assert_nonnull (strstr (mc_report_page_get_rules_note (page), "thời điểm có kết quả giải quyết"));
  g_assert_nonnull (strstr (mc_report_page_get_rules_note (page), "rút hồ sơ tính vào đúng hạn"));
  g_assert_cmpstr (mc_report_page_get_font_warning (page), ==, mc_font_check_warning ());
  {
    g_autoptr(McFontMatch) match = mc_font_match_family (NULL, MC_DOCUMENT_FONT);
    if (match != NULL && !match->is_real)
      g_assert_nonnull (strstr (mc_report_page_get_font_warning (page), match->family));
  }
  assert_list_of_cell (page, row, 5, 1);
  assert_list_of_cell (page, row, 7, 41);
  /* The total row: 85 received. */
  row = report_row (page, 0, "Tổng số");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 2), ==, "85");
  assert_list_of_cell (page, row, 2, 85);
  /* The commune alone: its one dossier. */
  g_assert_true (mc_report_page_set_unit (page, mc_db_query_int (mc_application_get_db (report_app),
                 "SELECT id FROM unit WHERE code = '000.00.06.X01'", NULL), MC_REPORT_SCOPE_UNIT));
  row = report_row (page, 0, "Tổng số");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 2), ==, "1");
  assert_list_of_cell (page, row, 2, 1);
  /* The scopes of several units are the appendix's only. */
  g_assert_false (mc_report_page_set_unit (page, 0, MC_REPORT_SCOPE_COMBINED));
  g_assert_true (mc_report_page_set_unit (page, 0, MC_REPORT_SCOPE_UNIT));

  /* The public appendix: Hộ tịch (5) 54 received, (6) 52 settled, (7) 52 on time. */
  mc_report_page_set_report (page, MC_REPORT_PAGE_PUBLIC);
  g_assert_null (mc_report_page_get_error (page));
  g_assert_cmpint (mc_report_document_get_kind (mc_report_page_get_doc (page)), ==, MC_REPORT_DOC_PUBLIC);
  row = report_row (page, 0, "Hộ tịch");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 4), ==, "54");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 5), ==, "52");
  assert_list_of_cell (page, row, 5, 52);
  /* The unit and its commune together: the commune's dossier adds one to the total received. */
  g_assert_true (mc_report_page_set_unit (page, 0, MC_REPORT_SCOPE_COMBINED));
  row = report_row (page, 0, "Tổng số");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 4), ==, "86");
  assert_list_of_cell (page, row, 4, 86);
  g_assert_true (mc_report_page_set_unit (page, 0, MC_REPORT_SCOPE_UNIT));
  row = report_row (page, 0, "Hộ tịch");
  /* (3): the procedures of the field under the one-stop mechanism, listed as procedures. */
  {
    g_autoptr(GPtrArray) codes = mc_report_document_figure_items (mc_report_page_get_doc (page),
                                                                  mc_application_get_db (report_app), 0, row, 2,
                                                                  &procedures, &error);
    GtkWindow *list;

    g_assert_no_error (error);
    g_assert_true (procedures);
    g_assert_cmpuint (codes->len, ==, (guint) g_ascii_strtoull (mc_report_page_get_cell_text (page, 0, row, 2), NULL, 10));
    list = mc_report_page_open_items (page, 0, row, 2);
    g_assert_cmpuint (mc_report_items_window_get_n_items (list), ==, codes->len);
    g_assert_cmpstr (mc_report_items_window_get_code (list, 0), ==, codes->pdata[0]);
    gtk_window_destroy (list);
  }

  /* The narrative, edited before it is saved: the file has the edits. */
  mc_report_page_set_report (page, MC_REPORT_PAGE_NARRATIVE);
  g_assert_null (mc_report_page_get_error (page));
  text = mc_report_page_get_narrative_text (page);
  g_assert_nonnull (strstr (text, "85"));
  mc_report_page_set_narrative_text (page, "Đoạn văn do cán bộ sửa trước khi xuất.");
  g_assert_true (mc_report_page_export (page, "txt", txt, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (txt, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "Đoạn văn do cán bộ sửa trước khi xuất."));
  g_assert_false (mc_report_page_export (page, "xlsx", txt, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* The export kept the edit for the period: another period and back
   * show it again, the .docx has it, and the draft comes back on asking. */
  g_assert_true (mc_report_narrative_get_edited (mc_report_page_get_narrative (page)));
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 2);
  g_assert_false (mc_report_narrative_get_edited (mc_report_page_get_narrative (page)));
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 1);
  g_clear_pointer (&text, g_free);
  text = mc_report_page_get_narrative_text (page);
  g_assert_cmpstr (text, ==, "Đoạn văn do cán bộ sửa trước khi xuất.");
  mc_report_page_set_narrative_text (page, "Đoạn văn do cán bộ sửa trước khi xuất.\n\nIV. KIẾN NGHỊ\n\nThêm một đoạn.");
  g_assert_true (mc_report_page_export (page, "docx", docx, &error));
  g_assert_no_error (error);
  {
    g_autofree char *document = unzip_text (docx, "word/document.xml");

    g_assert_nonnull (strstr (document, "Thêm một đoạn."));
    g_assert_nonnull (strstr (document, "IV. KIẾN NGHỊ"));
  }
  g_assert_true (mc_report_page_restore_narrative (page, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = mc_report_page_get_narrative_text (page);
  g_assert_nonnull (strstr (text, "85"));
  g_assert_false (mc_report_narrative_get_edited (mc_report_page_get_narrative (page)));

  /* Other dates, the last before the first: refused, nothing to export. */
  mc_report_page_set_report (page, MC_REPORT_PAGE_06A);
  mc_report_page_set_custom_period (page, mc_test_date ("2024-03-14"), mc_test_date ("2024-01-01"));
  g_assert_nonnull (mc_report_page_get_error (page));
  g_assert_null (mc_report_page_get_doc (page));
  g_assert_false (mc_report_page_export (page, "csv", txt, &error));
  g_assert_nonnull (error);

  gtk_window_destroy (report_window);
  mc_test_ui_wait_for_idle ();
  g_clear_object (&report_app);
}

static char *
unzip_text (const char *file, const char *member)
{
  const char *argv[] = { "unzip", "-p", file, member, NULL };
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, NULL, NULL));
  return out;
}

/* Issue 14 item 5: the XLSX and PDF of Biểu 06a are written from the
 * document on the page, not from a second computation: a field renamed
 * after the page was shown is still printed as shown, until the page is
 * computed again. */
static void
test_report_page_exports_its_document (void)
{
  GtkWindow *report_window = NULL;
  McReportPage *page = report_page_on_seed (&report_window, "vn.motcua.Motcua.ReportDocTest", "report-doc.sqlite");
  g_autofree char *xlsx = mc_test_tmp_path ("page-06a.xlsx");
  g_autofree char *pdf = mc_test_tmp_path ("page-06a.pdf");
  g_autofree char *strings = NULL, *text = NULL;
  g_autoptr(McReportDocument) shown = NULL;
  g_autoptr(GError) error = NULL;

  mc_report_page_set_only_with_dossiers (page, TRUE);
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 1);
  shown = g_object_ref (mc_report_page_get_doc (page));
  report_row (page, 0, "Hộ tịch");
  g_assert_true (mc_db_exec (mc_application_get_db (report_app),
                             "UPDATE field SET name = 'Hộ tịch đổi tên' WHERE name = 'Hộ tịch'", &error));
  g_assert_no_error (error);
  g_assert_true (mc_report_page_export (page, "xlsx", xlsx, &error));
  g_assert_true (mc_report_page_export (page, "pdf", pdf, &error));
  g_assert_no_error (error);
  g_assert_true (mc_report_page_get_doc (page) == shown);
  strings = unzip_text (xlsx, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, ">Hộ tịch<"));
  g_assert_null (strstr (strings, "đổi tên"));
  g_assert_nonnull (strstr (strings, mc_report_document_get_text (shown, MC_REPORT_TEXT_SUBTITLE)));
  if ((text = mc_test_pdftotext (pdf, "-raw")) != NULL)
    {
      mc_test_assert_has (text, "Hộ tịch");
      g_assert_null (strstr (text, "đổi tên"));
    }
  /* Computed again, the page has a new document with the new name. */
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 1);
  g_assert_true (mc_report_page_get_doc (page) != shown);
  report_row (page, 0, "Hộ tịch đổi tên");

  gtk_window_destroy (report_window);
  mc_test_ui_wait_for_idle ();
  g_clear_object (&report_app);
}

/* The CCHC statistics' row numbered `number`. */
static guint
cchc_row (McReportPage *page, const char *number)
{
  McReportDocument *doc = mc_report_page_get_doc (page);

  for (guint r = 0; r < g_list_model_get_n_items (mc_report_document_get_rows (doc, 0)); r++)
    if (g_strcmp0 (mc_report_document_get_cell (doc, 0, r, 0), number) == 0)
      return r;
  g_assert_not_reached ();
}

/* Issue 13 item 12: the figures the software does not hold are typed in for
 * the period; a refused one (6.1 is 0 or 1) is named and nothing is saved;
 * once saved, the appendix shows them and the dialog reopens with them. */
/* A document shown (the property is also notified, NULL, when a
 * computation starts). */
static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  g_autoptr(McReportDocument) doc = NULL;

  g_object_get (object, "document", &doc, NULL);
  if (doc != NULL)
    (*count)++;
}

/* Until the figures asked for are shown (their thread's result comes
 * through the main loop). */
static void
wait_for_figures (McReportPage *page)
{
  while (mc_report_page_is_computing (page))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Typing the period's dates key by key computes the report once, when the
 * typing rests (it read the whole period at every key: 5 s each on a
 * large test database); Enter and export do not wait. */
static void
test_report_page_typed_dates (void)
{
  GtkWindow *report_window = NULL;
  McReportPage *page = report_page_on_seed (&report_window, "vn.motcua.Motcua.ReportDates", "report-dates.sqlite");
  const char *typed = "01/02/2024";
  guint computed = 0;
  GtkWidget *from;
  gboolean rested = FALSE;
  guint bound;
  McDate first, last;

  mc_report_page_set_custom_period (page, mc_test_date ("2024-01-01"), mc_test_date ("2024-03-14"));
  wait_for_figures (page);
  from = mc_test_ui_find_type (GTK_WIDGET (page), MC_TYPE_DATE_ENTRY, 0);  /* the period's "from" */
  g_assert_nonnull (from);
  g_signal_connect (page, "notify::document", G_CALLBACK (count_cb), &computed);
  /* The keys are typed without running the main loop between them, as a
   * quick typist's keys reach the page before its rest: a computation at a
   * key would show here at once. Waiting on the clock between keys made the
   * test fail on a loaded machine, where one key's redraw can outlast the
   * rest. */
  for (size_t n = 1; n <= strlen (typed); n++)
    {
      g_autofree char *prefix = g_strndup (typed, n);

      gtk_editable_set_text (GTK_EDITABLE (from), prefix);
    }
  g_assert_cmpuint (computed, ==, 0);
  /* Once the typing rests the report is computed once, however slow the
   * machine (the 20 s are only a bound against hanging). */
  bound = g_timeout_add (20000, quit_cb, &rested);
  while (!rested && computed == 0)
    g_main_context_iteration (NULL, TRUE);
  if (!rested)
    g_source_remove (bound);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (computed, ==, 1);
  mc_report_page_get_period (page, &first, &last);
  g_assert_cmpint (first, ==, mc_test_date ("2024-02-01"));

  /* Enter reads the dates at once; so does export (get_period here). */
  gtk_editable_set_text (GTK_EDITABLE (from), "15/01/2024");
  g_signal_emit_by_name (from, "activate");
  g_assert_true (mc_report_page_is_computing (page));
  wait_for_figures (page);
  g_assert_cmpuint (computed, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (from), "16/01/2024");
  mc_report_page_get_period (page, &first, &last);
  g_assert_cmpint (first, ==, mc_test_date ("2024-01-16"));
  g_assert_true (mc_report_page_is_computing (page));
  wait_for_figures (page);
  g_assert_cmpuint (computed, ==, 3);
  g_assert_cmpint (mc_report_document_get_kind (mc_report_page_get_doc (page)), ==, MC_REPORT_DOC_06A);

  gtk_window_destroy (report_window);
  mc_test_ui_wait_for_idle ();
  g_clear_object (&report_app);
}

/* Issue 15: the page is shown at once, "computing" where the tables go,
 * and Biểu 06a comes from a thread on a connection of its own; a period
 * chosen while another is computed leaves no trace of the other: the only
 * document ever shown is the last period's, with the figures the window's
 * own connection computes. */
static void
keep_doc_cb (McReportPage *page, GParamSpec *pspec, GPtrArray *shown)
{
  McReportDocument *doc = NULL;

  g_object_get (page, "document", &doc, NULL);
  if (doc != NULL)
    g_ptr_array_add (shown, doc);
}

static void
test_report_page_computed_after_shown (void)
{
  GtkWindow *report_window = NULL;
  McReportPage *page = report_page_on_seed (&report_window, "vn.motcua.Motcua.ReportThread", "report-thread.sqlite");
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(McReportDocument) expected = NULL;
  g_autoptr(GError) error = NULL;
  McReportDocument *doc;
  GtkWidget *spinner;
  McDate from, to;
  guint n_rows;

  /* Built and presented without the figures: the main loop has not run,
   * so the thread's result cannot have been shown. */
  g_assert_true (mc_report_page_is_computing (page));
  g_object_get (page, "document", &doc, NULL);
  g_assert_null (doc);
  spinner = mc_test_ui_find_type (GTK_WIDGET (page), GTK_TYPE_SPINNER, 0);
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gtk_widget_get_mapped (spinner));

  g_signal_connect (page, "notify::document", G_CALLBACK (keep_doc_cb), shown);
  mc_report_page_set_only_with_dossiers (page, TRUE);
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 2);
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 1);
  g_assert_true (mc_report_page_is_computing (page));
  wait_for_figures (page);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (shown->len, ==, 1);
  doc = shown->pdata[0];
  g_assert_true (doc == mc_report_page_get_doc (page));
  g_assert_false (gtk_widget_get_mapped (spinner));
  mc_report_page_get_period (page, &from, &to);
  g_assert_cmpint (mc_report_document_get_from (doc), ==, from);
  g_assert_cmpint (mc_report_document_get_to (doc), ==, to);
  g_assert_cmpint (from, ==, mc_test_date ("2023-12-15"));
  /* Hộ tịch: (3) 54 received; every cell as the window's connection has it. */
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, report_row (page, 0, "Hộ tịch"), 2), ==, "54");
  expected = mc_report_document_new_06a (mc_application_get_db (report_app), 0, from, to, TRUE, &error);
  g_assert_no_error (error);
  n_rows = g_list_model_get_n_items (mc_report_document_get_rows (expected, 0));
  g_assert_cmpuint (n_rows, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (mc_report_document_get_rows (doc, 0)), ==, n_rows);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; mc_report_document_get_cell (expected, 0, r, c) != NULL; c++)
      g_assert_cmpstr (mc_report_document_get_cell (doc, 0, r, c), ==, mc_report_document_get_cell (expected, 0, r, c));

  g_signal_handlers_disconnect_by_func (page, keep_doc_cb, shown);
  gtk_window_destroy (report_window);
  mc_test_ui_wait_for_idle ();
  g_clear_object (&report_app);
}

static void
test_report_page_cchc_figures (void)
{
  GtkWindow *report_window = NULL;
  McReportPage *page = report_page_on_seed (&report_window, "vn.motcua.Motcua.ReportCchcTest", "report-cchc.sqlite");
  g_autoptr(GError) error = NULL;
  McCchcEntryDialog *dialog;

  mc_report_page_set_report (page, MC_REPORT_PAGE_CCHC);
  mc_report_page_set_statutory_period (page, MC_PERIOD_QUARTER, 2024, 1);
  g_assert_null (mc_report_page_get_error (page));
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, cchc_row (page, "3.3.1"), 3), ==, "85");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, cchc_row (page, "1.1.1"), 3), ==, "");
  dialog = mc_report_page_enter_figures (page);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (mc_cchc_entry_dialog_get_row (dialog, "1.1.1")), "26");
  gtk_editable_set_text (GTK_EDITABLE (mc_cchc_entry_dialog_get_row (dialog, "6.1")), "5");
  g_assert_false (mc_cchc_entry_dialog_save (dialog, &error));
  g_assert_nonnull (strstr (error->message, "6.1"));
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (mc_application_get_db (report_app), "SELECT count (*) FROM cchc_entry", NULL), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (mc_cchc_entry_dialog_get_row (dialog, "6.1")), "1");
  g_assert_true (mc_cchc_entry_dialog_save (dialog, &error));
  g_assert_no_error (error);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, cchc_row (page, "1.1.1"), 3), ==, "26");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, cchc_row (page, "6.1."), 3), ==, "1");
  dialog = mc_report_page_enter_figures (page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mc_cchc_entry_dialog_get_row (dialog, "1.1.1"))), ==, "26");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (report_window);
  mc_test_ui_wait_for_idle ();
  g_clear_object (&report_app);
}

int
main (int argc, char **argv)
{
  mc_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/accounts/first-run", test_accounts_first_run);
  g_test_add_func ("/ui/accounts/page-add", test_accounts_page_add);
  g_test_add_func ("/ui/accounts/sign-in", test_accounts_sign_in);
  g_test_add_func ("/ui/accounts/lockout", test_accounts_lockout);
  g_test_add_func ("/ui/accounts/audit-page", test_accounts_audit_page);
  g_test_add_func ("/ui/report-page", test_report_page);
  g_test_add_func ("/ui/report-page/cchc-figures", test_report_page_cchc_figures);
  g_test_add_func ("/ui/report-page/typed-dates", test_report_page_typed_dates);
  g_test_add_func ("/ui/report-page/computed-after-shown", test_report_page_computed_after_shown);
  g_test_add_func ("/ui/report-page/exports-its-document", test_report_page_exports_its_document);
  return g_test_run ();
}
