/* test-ui-roles.c — each role's first page and the actions it is offered, on its own application and database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-account-dialog.h"
#include "mc-accounts.h"
#include "mc-accounts-page.h"
#include "mc-action-dialog.h"
#include "mc-application.h"
#include "mc-dossier-page.h"
#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-empty-state.h"
#include "mc-procedure-editor.h"
#include "mc-inbox-page.h"
#include "mc-login-window.h"
#include "mc-preferences-window.h"
#include "mc-session.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

#define PASSWORD "motcua2026"

static McApplication *app;
static char *dossier_code;

static gpointer
find_app_window (GType type)
{
  return mc_test_ui_find_window (app, type);
}

/* Through the sign-in window, as a person does: signs out whoever is in. */
static McWindow *
sign_in_as (const char *username)
{
  return mc_test_ui_sign_in (app, username, PASSWORD);
}

static void
add_account (McAccounts *accounts, const char *username, const char *full_name, const char *department,
             McRoles roles)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_accounts_create (accounts, username, full_name, NULL, department, roles, PASSWORD, &error));
  g_assert_no_error (error);
  /* The demo's people know their password; cv.moi is new and must change it. */
  if (!g_str_equal (username, "cv.moi"))
    g_assert_true (mc_accounts_set_must_change (accounts, username, FALSE, &error));
  g_assert_no_error (error);
}

/* The demo's roles on a fresh database; the administrator signs in first. */
static void
setup_accounts (void)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Nguyễn Quản Trị", PASSWORD, &error));
  g_assert_no_error (error);
  admin = mc_accounts_sign_in (accounts, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  add_account (accounts, "tn.lan", "Lê Thị Lan", "TTPV", MC_ROLE_RECEPTION);
  add_account (accounts, "cv.tuan", "Trần Văn Tuấn", "VP", MC_ROLE_SPECIALIST);
  add_account (accounts, "tp.quang", "Phạm Minh Quang", "VP", MC_ROLE_HEAD);
  add_account (accounts, "pct.nga", "Vũ Thị Nga", "VP", MC_ROLE_LEADER);
  add_account (accounts, "vt.yen", "Đinh Thị Yến", "VP", MC_ROLE_RECORDS);
  add_account (accounts, "tn.ha", "Hồ Thị Hà", "TTPV", MC_ROLE_REPORTING);
  add_account (accounts, "cv.moi", "Ngô Văn Mới", "VP", MC_ROLE_SPECIALIST);
  mc_accounts_sign_out (accounts);
  g_assert_true (MC_IS_LOGIN_WINDOW (mc_session_start (app)));
}

static gboolean
mine_is_active (McWindow *window)
{
  GtkWidget *page = mc_window_get_page_widget (window, "inbox");

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (page, MC_TYPE_INBOX_PAGE,
                                                                                       "mine")));
}

static GtkWidget *
find_actionable (GtkWidget *widget, const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
offered_on (GtkWidget *page, const char *action_name)
{
  GtkWidget *button = find_actionable (page, action_name);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
offered (McInboxPage *page, const char *action_name)
{
  return offered_on (GTK_WIDGET (page), action_name);
}

/* A procedure opened from Danh mục thủ tục: editable by the administrator
 * only; everyone else reads it, with nothing to save. */
static void
check_procedure_editor (gboolean editable)
{
  g_autoptr(McProcedure) procedure = mc_catalog_find_procedure (mc_application_get_catalog (app), "1.001193", NULL);
  McProcedureEditor *editor;

  g_assert_nonnull (procedure);
  editor = mc_procedure_editor_new (app, procedure);
  g_assert_true (mc_procedure_editor_is_read_only (editor) == !editable);
  g_assert_true (gtk_widget_get_visible (find_actionable (GTK_WIDGET (editor), "editor.save")) == editable);
  if (!editable)
    {
      /* Ctrl+S does nothing: the window stays, nothing is written. */
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      g_assert_nonnull (editor);
      g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Each role opens where it works, whatever page was left open at this
 * computer; the counter's pages only for the counter. */
static void
test_start_page (void)
{
  static const struct {
    const char *username;
    const char *page;
  } cases[] = {
    { "tn.lan", "reception" },
    { "cv.tuan", "inbox" },
    { "tp.quang", "inbox" },
    { "pct.nga", "inbox" },
    { "vt.yen", "inbox" },
    { "tn.ha", "reports" },
    { "admin", "accounts" },
  };

  app = mc_test_ui_app_new ("vn.motcua.Motcua.RolesTest", "roles.sqlite");
  setup_accounts ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      McWindow *window;
      gboolean counter;

      g_test_message ("%s", cases[i].username);
      /* The last person left another page open. */
      g_settings_set_string (mc_application_get_settings (app), "last-page", "calendar");
      window = sign_in_as (cases[i].username);
      counter = g_str_equal (cases[i].page, "reception");
      g_assert_cmpstr (mc_window_get_page (window), ==, cases[i].page);
      g_assert_true ((mc_window_get_page_widget (window, "reception") != NULL) == counter);
      g_assert_true ((mc_window_get_page_widget (window, "return") != NULL) == counter);
      /* Adding a procedure is the administrator's. */
      g_assert_true (offered_on (mc_window_get_page_widget (window, "catalog"), "catalog.new") ==
                     g_str_equal (cases[i].username, "admin"));
      /* Specialists, heads, leaders: Xử lý hồ sơ on "Của tôi". */
      if (g_str_equal (cases[i].page, "inbox"))
        g_assert_true (mine_is_active (window));
      check_procedure_editor (g_str_equal (cases[i].username, "admin"));
    }
}

/* A dossier at step 2 of 3 held by a specialist: "Có kết quả…" is not
 * offered to them (only a head or a leader may cut the route short), and
 * is offered to the head of the department. */
static void
test_hidden_action (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  McAction action = { 0, "tn.lan", NULL };
  g_autoptr(GError) error = NULL;
  McInboxPage *page;
  McWindow *window;

  window = sign_in_as ("tn.lan");
  dossier_code = mc_test_ui_receive (window, "Hoàng Văn Dũng", "001089000321", "0912345678");
  g_assert_true (mc_workflow_transfer (wf, dossier_code, &action, NULL, "cv.tuan", &error));
  g_assert_no_error (error);

  window = sign_in_as ("cv.tuan");
  page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  g_assert_true (mc_inbox_page_select (page, dossier_code));
  g_assert_true (offered (page, "inbox.accept"));
  g_assert_true (offered (page, "inbox.transfer"));
  g_assert_false (offered (page, "inbox.finish"));
  /* Not qualified (a menu item) is the head's decision too. */
  g_assert_false (mc_action_kind_is_allowed (app, MC_ACTION_UNQUALIFIED, dossier_code, NULL));
  /* The shortcut (F9) opens nothing either. */
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.finish", NULL);
  g_assert_null (mc_inbox_page_get_dialog (page));
  /* The reason is core's, the one the transition itself gives. */
  g_assert_false (mc_action_kind_is_allowed (app, MC_ACTION_FINISH, dossier_code, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  /* Accepted, it is no longer offered. */
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.accept", NULL);
  g_assert_true (mc_inbox_page_select (page, dossier_code));
  g_assert_false (offered (page, "inbox.accept"));

  /* Finishing at step 2 would skip the committee leader's step: not the
   * head's to decide (mc-workflow-rules.c), the leader's. */
  window = sign_in_as ("tp.quang");
  page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  mc_inbox_page_set_filter (page, 0, FALSE);
  g_assert_true (mc_inbox_page_select (page, dossier_code));
  g_assert_false (offered (page, "inbox.finish"));
  window = sign_in_as ("pct.nga");
  page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  mc_inbox_page_set_filter (page, 0, FALSE);
  g_assert_true (mc_inbox_page_select (page, dossier_code));
  g_assert_true (offered (page, "inbox.finish"));
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.finish", NULL);
  g_assert_nonnull (mc_inbox_page_get_dialog (page));
  g_assert_cmpint (mc_action_dialog_get_kind (mc_inbox_page_get_dialog (page)), ==, MC_ACTION_FINISH);
  gtk_window_destroy (GTK_WINDOW (mc_inbox_page_get_dialog (page)));
  mc_test_ui_wait_for_idle ();
}

/* "Của tôi" lists the dossiers of the person signed in, whatever the
 * current-user setting says (another window or program at this computer,
 * or the inbox's "who am I" before accounts were enforced, may have named
 * someone else since); the actions are taken in that person's name. */
static void
test_mine_is_signed_in (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = NULL;
  McInboxCounts counts = { 0 }, shown = { 0 };
  McWindow *window;
  McInboxPage *page;

  window = sign_in_as ("cv.tuan");
  page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  mc_application_set_username (app, "tp.quang");
  setting = g_settings_get_string (mc_application_get_settings (app), "current-user");
  g_assert_cmpstr (setting, ==, "tp.quang");
  mc_inbox_page_set_filter (page, 0, TRUE);
  g_assert_true (mine_is_active (window));
  /* cv.tuan accepted dossier_code (/ui/roles/hidden-action); tp.quang holds none. */
  g_assert_true (mc_inbox_page_select (page, dossier_code));
  g_assert_true (mc_workflow_count_inbox (wf, 0, "cv.tuan", mc_time_now (), &counts, &error));
  g_assert_no_error (error);
  mc_inbox_page_get_counts (page, &shown);
  g_assert_cmpuint (counts.total, >, 0);
  g_assert_cmpuint (shown.total, ==, counts.total);
  g_assert_cmpuint (mc_inbox_page_get_n_items (page), ==, counts.total);
  for (guint i = 0; i < mc_inbox_page_get_n_items (page); i++)
    {
      g_autofree char *holder = NULL;

      g_object_get (mc_inbox_page_get_item (page, i), "staff-name", &holder, NULL);
      g_assert_cmpstr (holder, ==, "Trần Văn Tuấn");
    }
  /* What is offered is what cv.tuan may do: the head's "Có kết quả…" is not. */
  g_assert_true (offered (page, "inbox.transfer"));
  g_assert_false (offered (page, "inbox.finish"));
  mc_application_set_username (app, "cv.tuan");
}

static gint64
db_int (const char *sql)
{
  return mc_db_query_int (mc_application_get_db (app), sql, NULL);
}

/* A new account signs in with the password the administrator gave: the
 * window asks for a new one before the main window; leaving signs out. */
static void
test_forced_change (void)
{
  g_autoptr(GError) error = NULL;
  McLoginWindow *login;
  McWindow *window = find_app_window (MC_TYPE_WINDOW);
  gint64 moi = db_int ("SELECT id FROM staff WHERE username = 'cv.moi'");

  /* Tài khoản says so. */
  {
    g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));
    g_autoptr(McStaff) staff = mc_accounts_get_staff (accounts, "cv.moi", NULL);
    g_autofree char *state = mc_accounts_page_state_text (staff);

    g_assert_cmpstr (state, ==, g_dgettext (GETTEXT_PACKAGE, "Must change password"));
  }
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "session.sign-out", NULL);
  login = find_app_window (MC_TYPE_LOGIN_WINDOW);
  mc_login_window_fill (login, "cv.moi", PASSWORD);
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_no_error (error);
  g_assert_true (mc_login_window_is_changing_password (login));
  g_assert_null (find_app_window (MC_TYPE_WINDOW));
  /* Leaving the window now leaves nobody signed in. */
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (app)), ==, moi);
  gtk_window_close (GTK_WINDOW (login));
  mc_test_ui_wait_for_idle ();
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (app)), ==, 0);
  g_assert_cmpint (db_int ("SELECT must_change_password FROM staff WHERE username = 'cv.moi'"), ==, 1);

  login = MC_LOGIN_WINDOW (mc_session_start (app));
  mc_login_window_fill (login, "cv.moi", PASSWORD);
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_true (mc_login_window_is_changing_password (login));
  /* Typed differently, or the old one again: refused on the page, nothing changed. */
  mc_login_window_fill_new_password (login, "moimoi2026", "moimoi2027");
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID);
  g_assert_cmpstr (mc_login_window_get_message (login), ==, error->message);
  g_clear_error (&error);
  mc_login_window_fill_new_password (login, PASSWORD, PASSWORD);
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (find_app_window (MC_TYPE_WINDOW));

  mc_login_window_fill_new_password (login, "moimoi2026", "moimoi2026");
  window = mc_login_window_submit (login, &error);
  g_assert_no_error (error);
  g_assert_true (MC_IS_WINDOW (window));
  g_assert_null (find_app_window (MC_TYPE_LOGIN_WINDOW));
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (app)), ==, moi);
  g_assert_cmpint (db_int ("SELECT must_change_password FROM staff WHERE username = 'cv.moi'"), ==, 0);
  g_assert_cmpstr (mc_window_get_page (window), ==, "inbox");
  mc_test_ui_wait_for_idle ();
}

/* Đổi mật khẩu from the user popover: the current password first. */
static void
test_change_own_password (void)
{
  McWindow *window = find_app_window (MC_TYPE_WINDOW);
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));
  g_autoptr(McStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  McAccountDialog *dialog;

  g_assert_nonnull (window);
  dialog = mc_session_change_password (window);
  g_assert_nonnull (dialog);
  g_assert_cmpint (mc_account_dialog_get_mode (dialog), ==, MC_ACCOUNT_DIALOG_PASSWORD);
  mc_account_dialog_fill_current (dialog, "sai-mat-khau1");
  mc_account_dialog_fill (dialog, NULL, NULL, NULL, NULL, 0, "moimoi2027");
  g_assert_false (mc_account_dialog_save (dialog, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_BAD_PASSWORD);
  g_assert_cmpstr (mc_account_dialog_get_message (dialog), ==, error->message);
  g_clear_error (&error);
  /* Still signed in after a mistyped current password. */
  g_assert_cmpint (mc_db_get_actor (mc_application_get_db (app)), ==,
                   db_int ("SELECT id FROM staff WHERE username = 'cv.moi'"));
  mc_account_dialog_fill_current (dialog, "moimoi2026");
  g_assert_true (mc_account_dialog_save (dialog, &error));
  g_assert_no_error (error);
  mc_accounts_sign_out (accounts);
  staff = mc_accounts_sign_in (accounts, "cv.moi", "moimoi2027", &error);
  g_assert_no_error (error);
  g_assert_false (mc_staff_get_must_change_password (staff));
  mc_test_ui_wait_for_idle ();
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An empty list says so, and what to do, instead of a bare header; the
 * list comes back with its first row. */
static void
test_empty_state (void)
{
  McWindow *window = find_app_window (MC_TYPE_WINDOW);
  McInboxPage *inbox = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  McDossierPage *dossiers = MC_DOSSIER_PAGE (mc_window_get_page_widget (window, "dossiers"));
  AdwStatusPage *status;

  /* cv.moi holds nothing yet. */
  mc_inbox_page_set_filter (inbox, 0, TRUE);
  g_assert_cmpuint (mc_inbox_page_get_n_items (inbox), ==, 0);
  status = find_status_page (GTK_WIDGET (inbox));
  g_assert_nonnull (status);
  g_assert_true (mc_empty_state_is_shown (status));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, g_dgettext (GETTEXT_PACKAGE, "No dossier waiting"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status),
                            g_dgettext (GETTEXT_PACKAGE, "All departments")));
  mc_inbox_page_set_filter (inbox, 0, FALSE);
  g_assert_cmpuint (mc_inbox_page_get_n_items (inbox), >, 0);
  g_assert_false (mc_empty_state_is_shown (status));

  /* A search that finds nothing. */
  status = find_status_page (GTK_WIDGET (dossiers));
  g_assert_nonnull (status);
  mc_dossier_page_set_filter (dossiers, MC_DOSSIER_FILTER_ALL, "Không Ai Tên Này");
  mc_test_ui_wait_for_idle ();
  g_assert_true (mc_empty_state_is_shown (status));
  mc_dossier_page_set_filter (dossiers, MC_DOSSIER_FILTER_ALL, "Hoàng Văn Dũng");
  mc_test_ui_wait_for_idle ();
  g_assert_false (mc_empty_state_is_shown (status));
}

/* A trigger dropped behind the application's back (the database is the
 * test's own copy): the next window says so on a bar that stays, in full to
 * the administrator, as a call for the administrator to anyone else, and
 * the trigger is not put back. */
static void
test_audit_trigger_warning (void)
{
  McDb *db = mc_application_get_db (app);
  g_autoptr(GError) error = NULL;
  McWindow *window;
  const char *warning;

  if (mc_test_sqlite_only ("no client's login may drop a server's trigger (motcua_owner's: tests/pg/test-pg-roles.sh)"))
    return;
  window = sign_in_as ("admin");
  g_assert_null (mc_window_get_audit_warning (window));
  g_assert_true (mc_db_exec (db, "DROP TRIGGER audit_dossier_update", &error));
  g_assert_no_error (error);

  window = sign_in_as ("admin");
  warning = mc_window_get_audit_warning (window);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, g_dgettext (GETTEXT_PACKAGE,
                                                 "The audit trail of this database was changed outside Motcua:")));
  g_assert_nonnull (strstr (warning, "audit_dossier_update"));
  g_assert_nonnull (strstr (warning, "motcua audit verify"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), MC_TYPE_WINDOW,
                                                                       "audit_bar"))));

  window = sign_in_as ("tn.lan");
  warning = mc_window_get_audit_warning (window);
  g_assert_cmpstr (warning, ==, g_dgettext (GETTEXT_PACKAGE, "The audit trail of this database was changed outside "
                                                             "Motcua. Tell the administrator at once."));
  g_assert_null (strstr (warning, "audit_dossier_update"));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM sqlite_schema WHERE name = 'audit_dossier_update'",
                                    NULL), ==, 0);
}

static void
teardown (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  mc_test_ui_wait_for_idle ();
  g_clear_pointer (&dossier_code, g_free);
  g_clear_object (&app);
}

/* The preferences window is not one of the application's windows. */
static GtkWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (MC_IS_PREFERENCES_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* Ctrl+, on the sign-in window opens nothing: the unit's settings are for
 * the people signed in (read-only but the administrator's). */
static void
test_preferences_need_sign_in (void)
{
  McWindow *main_window = sign_in_as ("tn.lan");
  GtkWindow *prefs;

  gtk_widget_activate_action (GTK_WIDGET (main_window), "session.sign-out", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_nonnull (find_app_window (MC_TYPE_LOGIN_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_null (find_preferences ());

  sign_in_as ("tn.lan");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  mc_test_ui_wait_for_idle ();
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  gtk_window_destroy (prefs);
}

/* Is a window of this type still on screen (one of the application's or not)? */
static gboolean
toplevel_shown (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return TRUE;
    }
  return FALSE;
}

/* Signing out closes every window the person opened: the next person at
 * the desk must not find a citizen's dossier or an account dialog left on
 * screen over the sign-in window. */
static void
test_sign_out_closes_windows (void)
{
  McWindow *main_window = sign_in_as ("tn.lan");
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app),
                                                          mc_application_get_calendar (app));
  g_autoptr(GError) error = NULL;
  g_autofree char *code = mc_test_ui_receive (main_window, "Đỗ Thị Hạnh", "001190000432", "0912345678");
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, code, &error);
  GtkWindow *shown, *above;

  g_assert_no_error (error);
  shown = GTK_WINDOW (mc_dossier_window_new (app, store, dossier));
  gtk_window_set_transient_for (shown, GTK_WINDOW (main_window));
  gtk_window_present (shown);
  gtk_window_present (GTK_WINDOW (mc_session_change_password (main_window)));
  /* A dialog that is none of the application's windows, above the dossier
   * window (as the return dialog or a figure's list of dossiers are). */
  above = GTK_WINDOW (gtk_window_new ());
  gtk_widget_set_name (GTK_WIDGET (above), "left-above");
  gtk_window_set_transient_for (above, shown);
  gtk_window_present (above);
  g_object_add_weak_pointer (G_OBJECT (above), (gpointer *) &above);
  mc_test_ui_wait_for_idle ();
  g_assert_true (toplevel_shown (MC_TYPE_DOSSIER_WINDOW));
  g_assert_true (toplevel_shown (MC_TYPE_ACCOUNT_DIALOG));

  gtk_widget_activate_action (GTK_WIDGET (main_window), "session.sign-out", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_nonnull (find_app_window (MC_TYPE_LOGIN_WINDOW));
  g_assert_false (toplevel_shown (MC_TYPE_DOSSIER_WINDOW));
  g_assert_false (toplevel_shown (MC_TYPE_ACCOUNT_DIALOG));
  g_assert_false (toplevel_shown (MC_TYPE_WINDOW));
  g_assert_null (above);
}

/* Whether a row under `root` shows `subtitle`. */
static gboolean
shows_subtitle (GtkWidget *root, const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), subtitle) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (shows_subtitle (c, subtitle))
      return TRUE;
  return FALSE;
}

/* The dossier's page as someone without the personal-data permission (the
 * reporting clerk) sees it: the ID number and the phone masked as the rest of
 * the program masks them (the first and last three digits), not empty, not
 * whole; the counter's clerk sees them whole. The same rule a server's view
 * gives such a login (dossier_masked, tests/pg/test-pg-desks.c). */
static void
test_dossier_masked (void)
{
  McWindow *main_window = sign_in_as ("tn.lan");
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app),
                                                          mc_application_get_calendar (app));
  g_autoptr(GError) error = NULL;
  g_autofree char *code = mc_test_ui_receive (main_window, "Đỗ Thị Hạnh", "001190000432", "0912345678");
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, code, &error);
  GtkWindow *shown;

  g_assert_no_error (error);
  shown = GTK_WINDOW (mc_dossier_window_new (app, store, dossier));
  gtk_window_present (shown);
  mc_test_ui_wait_for_idle ();
  g_assert_true (shows_subtitle (GTK_WIDGET (shown), "001190000432"));
  g_assert_true (shows_subtitle (GTK_WIDGET (shown), "0912345678"));
  gtk_window_destroy (shown);

  sign_in_as ("tn.ha");
  shown = GTK_WINDOW (mc_dossier_window_new (app, store, dossier));
  gtk_window_present (shown);
  mc_test_ui_wait_for_idle ();
  g_assert_true (shows_subtitle (GTK_WIDGET (shown), "001******432"));
  g_assert_true (shows_subtitle (GTK_WIDGET (shown), "091****678"));
  g_assert_false (shows_subtitle (GTK_WIDGET (shown), "001190000432"));
  gtk_window_destroy (shown);
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/roles/start-page", test_start_page);
  g_test_add_func ("/ui/roles/hidden-action", test_hidden_action);
  g_test_add_func ("/ui/roles/mine-is-signed-in", test_mine_is_signed_in);
  g_test_add_func ("/ui/roles/forced-password-change", test_forced_change);
  g_test_add_func ("/ui/roles/change-own-password", test_change_own_password);
  g_test_add_func ("/ui/roles/empty-state", test_empty_state);
  g_test_add_func ("/ui/roles/audit-trigger-warning", test_audit_trigger_warning);
  g_test_add_func ("/ui/roles/preferences-need-sign-in", test_preferences_need_sign_in);
  g_test_add_func ("/ui/roles/sign-out-closes-windows", test_sign_out_closes_windows);
  g_test_add_func ("/ui/roles/dossier-masked", test_dossier_masked);
  status = g_test_run ();
  teardown ();
  return status;
}
