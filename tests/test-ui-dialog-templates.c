/* test-ui-dialog-templates.c — the account dialog, the dossier window, the CCHC
 * entry dialog and the board's preferences page built from their templates
 * with nothing but their construct properties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "mc-account-dialog.h"
#include "mc-action-dialog.h"
#include "mc-accounts.h"
#include "mc-announcement.h"
#include "mc-board-preferences.h"
#include "mc-cchc-entry-dialog.h"
#include "mc-dossier-state.h"
#include "mc-dossier-window.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static char *paused_code;    /* received, paused for fees, resumed, finished, returned */
static char *open_code;      /* received only */

static GtkWidget *
child (gpointer widget, GType type, const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  g_assert_true (GTK_IS_WIDGET (found));
  return GTK_WIDGET (found);
}

/* The titles of the action rows of a preferences group, in order. */
static GPtrArray *
row_titles (GtkWidget *group)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (guint skip = 0;; skip++)
    {
      GtkWidget *row = mc_test_ui_find_type (group, ADW_TYPE_ACTION_ROW, skip);

      if (row == NULL)
        return titles;
      g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
}

static McDossier *
find_dossier (McDossierStore *store, const char *code)
{
  g_autoptr(GError) error = NULL;
  McDossier *dossier = mc_dossier_store_find (store, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

/* The timeline says each event in the state machine's words
 * (mc_event_kind_get_label), in the store's order: no "[pause_financial]". */
static void
assert_timeline (McDossierWindow *window, McDossierStore *store, McDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_dossier_store_list_events (store, mc_dossier_get_data (dossier)->id, &error);
  g_autoptr(GPtrArray) titles = row_titles (child (window, MC_TYPE_DOSSIER_WINDOW, "timeline_group"));

  g_assert_no_error (error);
  g_assert_cmpuint (titles->len, ==, events->len);
  for (guint i = 0; i < events->len; i++)
    {
      McDossierEvent *e = events->pdata[i];
      McEventKind kind;

      g_assert_true (mc_event_kind_from_string (e->kind, &kind));
      g_assert_cmpstr (titles->pdata[i], ==, mc_event_kind_get_label (kind));
      g_assert_null (strchr (titles->pdata[i], '['));
    }
}

static void
test_dossier_window (void)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app),
                                                          mc_application_get_calendar (app));
  g_autoptr(McDossier) paused = find_dossier (store, paused_code);
  g_autoptr(McDossier) open = find_dossier (store, open_code);
  McDossierWindow *window = g_object_new (MC_TYPE_DOSSIER_WINDOW, "application", app, "store", store,
                                          "dossier", paused, NULL);
  g_autoptr(McDossier) shown = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  McEventKind kind;

  g_object_get (window, "dossier", &shown, NULL);
  g_assert_true (shown == paused);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, paused_code);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child (window, MC_TYPE_DOSSIER_WINDOW,
                                                                                   "data_group"))), ==, paused_code);
  assert_timeline (window, store, paused);
  titles = row_titles (child (window, MC_TYPE_DOSSIER_WINDOW, "timeline_group"));
  g_assert_true (mc_event_kind_from_string ("pause_financial", &kind));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, mc_event_kind_get_label (kind), g_str_equal, NULL));
  /* The control sheet's button names the form of the date received. */
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (child (window, MC_TYPE_DOSSIER_WINDOW,
                                                                     "control_button"))), "Mẫu 0"));
  g_assert_false (gtk_widget_get_visible (child (window, MC_TYPE_DOSSIER_WINDOW, "apology_button")));
  g_assert_false (gtk_widget_get_visible (child (window, MC_TYPE_DOSSIER_WINDOW, "stop_button")));

  /* Another dossier through the property: everything follows, the rows of
   * the first are gone. */
  g_object_set (window, "dossier", open, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, open_code);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child (window, MC_TYPE_DOSSIER_WINDOW,
                                                                                   "data_group"))), ==, open_code);
  assert_timeline (window, store, open);
  g_assert_true (mc_dossier_window_get_dossier (window) == open);
  /* The Actions menu holds what core allows the person signed in, and
   * shows only when that is something. */
  {
    guint allowed = mc_action_kinds_allowed (app, open_code);
    GtkMenuButton *actions = GTK_MENU_BUTTON (child (window, MC_TYPE_DOSSIER_WINDOW, "actions_button"));

    g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (actions)), ==, allowed != 0);
    g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (actions)), ==,
                     __builtin_popcount (allowed));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
}

static McStaff *
staff (const char *username)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));
  g_autoptr(GError) error = NULL;
  McStaff *found = mc_accounts_get_staff (accounts, username, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static void
test_account_dialog_add (void)
{
  McAccountDialog *dialog = g_object_new (MC_TYPE_ACCOUNT_DIALOG, "application", app,
                                          "mode", MC_ACCOUNT_DIALOG_ADD, NULL);
  McApplication *got_app = NULL;
  McStaff *got_staff = NULL;
  McAccountDialogMode mode = MC_ACCOUNT_DIALOG_PASSWORD;
  g_autoptr(GPtrArray) roles = row_titles (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "roles_group"));

  g_object_get (dialog, "application", &got_app, "mode", &mode, "staff", &got_staff, NULL);
  g_assert_true (got_app == app);
  g_object_unref (got_app);
  g_assert_cmpint (mode, ==, MC_ACCOUNT_DIALOG_ADD);
  g_assert_null (got_staff);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Account");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "save_button"))), ==,
                   "_Add");
  /* One row per role of core's list, in its words. */
  g_assert_cmpuint (roles->len, ==, 7);
  g_assert_cmpstr (roles->pdata[0], ==, mc_role_to_label (MC_ROLE_RECEPTION));
  g_assert_cmpstr (roles->pdata[6], ==, mc_role_to_label (MC_ROLE_ADMIN));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "username"))));
  g_assert_true (gtk_widget_get_visible (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "password_group")));
  g_assert_false (gtk_widget_get_visible (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "current")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "must_change"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_account_dialog_edit (void)
{
  g_autoptr(McStaff) lan = staff ("tn.lan");
  McAccountDialog *dialog = g_object_new (MC_TYPE_ACCOUNT_DIALOG, "application", app,
                                          "mode", MC_ACCOUNT_DIALOG_EDIT, "staff", lan, NULL);
  g_autoptr(McStaff) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McStaff) saved = NULL;

  g_object_get (dialog, "staff", &got, NULL);
  g_assert_true (got == lan);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "username"))), ==,
                   "tn.lan");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "username"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "full_name"))), ==,
                   "Trần Ngọc Lan");
  g_assert_false (gtk_widget_get_visible (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "password_group")));
  g_assert_true (gtk_widget_get_visible (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "roles_group")));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (dialog, MC_TYPE_ACCOUNT_DIALOG,
                                                                           "window_title"))), ==, "Trần Ngọc Lan");
  /* What is typed is written through core, the staff member's own object
   * given back as a property being the one edited. */
  mc_account_dialog_fill (dialog, NULL, "Trần Ngọc Lan Anh", NULL, NULL, MC_ROLE_RECEPTION | MC_ROLE_REPORTING,
                          "ignored in an edit");
  g_object_ref (dialog);
  g_assert_true (mc_account_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (dialog);
  saved = staff ("tn.lan");
  g_assert_cmpstr (mc_staff_get_full_name (saved), ==, "Trần Ngọc Lan Anh");
  g_assert_cmpint (mc_staff_get_roles (saved), ==, MC_ROLE_RECEPTION | MC_ROLE_REPORTING);
}

/* One's own password: the current one is asked first; nothing else shows. */
static void
test_account_dialog_own_password (void)
{
  g_autoptr(McStaff) admin = staff ("admin");
  McAccountDialog *dialog = mc_account_dialog_new (app, MC_ACCOUNT_DIALOG_PASSWORD, admin);

  g_assert_true (gtk_widget_get_visible (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "current")));
  g_assert_false (gtk_widget_get_visible (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "account_group")));
  g_assert_false (gtk_widget_get_visible (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "sign_in_group")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, MC_TYPE_ACCOUNT_DIALOG, "save_button"))), ==,
                   "_Save");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cchc_entry_dialog (void)
{
  McDate from = mc_date_from_ymd (2026, 1, 1), to = mc_date_from_ymd (2026, 6, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));
  g_autoptr(McStaff) reporter = NULL;
  guint windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  McCchcEntryDialog *dialog;
  g_autoptr(McDb) db = NULL;
  gint64 unit_id = -1;
  int got_from = 0, got_to = 0;
  const char *subtitle;

  /* The administrator may not read the figures: no dialog, core's reason,
   * no window left behind. */
  g_assert_null (mc_cchc_entry_dialog_new (NULL, mc_application_get_db (app), 0, from, to, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, windows);

  reporter = mc_accounts_sign_in (accounts, "tn.ha", "matkhau2026", &error);
  g_assert_no_error (error);
  dialog = mc_cchc_entry_dialog_new (NULL, mc_application_get_db (app), 0, from, to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  g_object_get (dialog, "db", &db, "unit-id", &unit_id, "from", &got_from, "to", &got_to, NULL);
  g_assert_true (db == mc_application_get_db (app));
  g_assert_cmpint (unit_id, ==, 0);
  g_assert_cmpint (got_from, ==, from);
  g_assert_cmpint (got_to, ==, to);
  subtitle = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (dialog, MC_TYPE_CCHC_ENTRY_DIALOG,
                                                                     "window_title")));
  g_assert_nonnull (strstr (subtitle, "2026-01-01"));
  g_assert_nonnull (strstr (subtitle, "2026-06-30"));
  /* The rows come from the appendix's table, under the template's page. */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (mc_cchc_entry_dialog_get_row (dialog, "1.1.1")),
                                         child (dialog, MC_TYPE_CCHC_ENTRY_DIALOG, "page")));
  g_assert_false (gtk_widget_get_visible (child (dialog, MC_TYPE_CCHC_ENTRY_DIALOG, "error")));
  /* A refused figure: the error shows in the template's label. */
  gtk_editable_set_text (GTK_EDITABLE (mc_cchc_entry_dialog_get_row (dialog, "1.1.1")), "-3");
  g_assert_false (mc_cchc_entry_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, MC_TYPE_CCHC_ENTRY_DIALOG, "error"))),
                            error->message));
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (child (dialog, MC_TYPE_CCHC_ENTRY_DIALOG, "error")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&reporter);
  reporter = mc_accounts_sign_in (accounts, "admin", "matkhau2026", &error);
  g_assert_no_error (error);
}

static void
board_toast_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  char **told = user_data;

  g_free (*told);
  *told = g_variant_dup_string (parameter, NULL);
}

static void
assert_setting (GSettings *settings, const char *key, const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_board_preferences (void)
{
  GtkWidget *window = adw_preferences_window_new ();
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);
  g_autofree char *told = NULL;
  McBoardPreferences *page = g_object_new (MC_TYPE_BOARD_PREFERENCES, "application", app, NULL);
  McApplication *got = NULL;
  GtkWidget *add = child (page, MC_TYPE_BOARD_PREFERENCES, "add");
  GSettings *settings = mc_application_get_settings (app);
  g_autoptr(GPtrArray) before = mc_announcement_list (mc_application_get_db (app), FALSE, NULL);
  g_autoptr(GPtrArray) after = NULL;

  /* The page tells what went wrong through win.toast, which the real
   * preferences window installs; here the test's own action hears it. */
  g_signal_connect (toast, "activate", G_CALLBACK (board_toast_cb), &told);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (toast));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (win));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  g_object_get (page, "application", &got, NULL);
  g_assert_true (got == app);
  g_object_unref (got);
  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==, "Display Board");
  /* The spin buttons show and write this PC's settings (the monitor from 1). */
  g_assert_nonnull (settings);
  {
    GtkSpinButton *monitor = GTK_SPIN_BUTTON (child (page, MC_TYPE_BOARD_PREFERENCES, "monitor"));
    GtkSpinButton *seconds = GTK_SPIN_BUTTON (child (page, MC_TYPE_BOARD_PREFERENCES, "seconds"));

    g_assert_cmpint (gtk_spin_button_get_value_as_int (monitor), ==,
                     g_settings_get_int (settings, "liveboard-monitor") + 1);
    gtk_spin_button_set_value (monitor, 2);
    g_assert_cmpint (g_settings_get_int (settings, "liveboard-monitor"), ==, 1);
    gtk_spin_button_set_value (seconds, 45);
    g_assert_cmpint (g_settings_get_int (settings, "liveboard-page-seconds"), ==, 45);
  }
  /* The calls said aloud: on/off, volume, reading style, the quiet period
   * checked and saved in one form, the clips folder checked. */
  {
    GtkSwitch *speak = GTK_SWITCH (child (page, MC_TYPE_BOARD_PREFERENCES, "speak"));
    GtkSpinButton *volume = GTK_SPIN_BUTTON (child (page, MC_TYPE_BOARD_PREFERENCES, "volume"));
    GtkSwitch *say_le = GTK_SWITCH (child (page, MC_TYPE_BOARD_PREFERENCES, "say_le"));
    GtkWidget *quiet = child (page, MC_TYPE_BOARD_PREFERENCES, "quiet");
    GtkWidget *clips = child (page, MC_TYPE_BOARD_PREFERENCES, "clips");

    g_assert_true (gtk_switch_get_active (speak));
    gtk_switch_set_active (speak, FALSE);
    g_assert_false (g_settings_get_boolean (settings, "liveboard-speak"));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (volume), ==, g_settings_get_int (settings, "liveboard-volume"));
    gtk_spin_button_set_value (volume, 60);
    g_assert_cmpint (g_settings_get_int (settings, "liveboard-volume"), ==, 60);
    gtk_switch_set_active (say_le, TRUE);
    g_assert_true (g_settings_get_boolean (settings, "liveboard-say-le"));
    g_clear_pointer (&told, g_free);
    gtk_editable_set_text (GTK_EDITABLE (quiet), "11:30");
    g_signal_emit_by_name (quiet, "apply");
    g_assert_nonnull (told);
    mc_test_assert_has (told, "11:30");
    assert_setting (settings, "liveboard-quiet-period", "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quiet)), ==, "11:30");
    gtk_editable_set_text (GTK_EDITABLE (quiet), " 11:30 – 13:00");
    g_signal_emit_by_name (quiet, "apply");
    assert_setting (settings, "liveboard-quiet-period", "11:30-13:00");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quiet)), ==, "11:30-13:00");
    g_clear_pointer (&told, g_free);
    gtk_editable_set_text (GTK_EDITABLE (clips), "/nonexistent-folder");
    g_signal_emit_by_name (clips, "apply");
    g_assert_nonnull (told);
    assert_setting (settings, "liveboard-clips", "");
    gtk_editable_set_text (GTK_EDITABLE (clips), g_get_tmp_dir ());
    g_signal_emit_by_name (clips, "apply");
    assert_setting (settings, "liveboard-clips", g_get_tmp_dir ());
  }
  /* An empty announcement is refused by core: nothing written, the row
   * keeps what was typed (nothing). */
  gtk_editable_set_text (GTK_EDITABLE (add), "   ");
  g_signal_emit_by_name (add, "apply");
  after = mc_announcement_list (mc_application_get_db (app), FALSE, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "   ");
  g_assert_nonnull (told);
  g_assert_cmpstr (told, !=, "");
  g_clear_pointer (&after, g_ptr_array_unref);
  /* A new announcement from the template's entry becomes a row of the ticker. */
  gtk_editable_set_text (GTK_EDITABLE (add), "Đường dây nóng: 0236 3822 000");
  g_signal_emit_by_name (add, "apply");
  after = mc_announcement_list (mc_application_get_db (app), FALSE, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  g_assert_nonnull (mc_test_ui_find_type (child (page, MC_TYPE_BOARD_PREFERENCES, "ticker"), ADW_TYPE_ENTRY_ROW, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dossiers made the way the counter and the departments make them. */
static void
make_dossiers (void)
{
  McWindow *window = mc_window_new (app);
  McWorkflow *workflow = mc_application_get_workflow (app);
  McAction a = { 0, NULL, "Chờ nộp lệ phí trước bạ" };
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  paused_code = mc_test_ui_receive (window, "Lê Văn Cường", "001089000777", "0912345678");
  open_code = mc_test_ui_receive (window, "Phạm Thị Dung", "001190000888", "0912345678");
  g_assert_true (mc_workflow_pause (workflow, paused_code, &a, MC_PAUSE_FINANCIAL, &error));
  a.note = NULL;
  g_assert_true (mc_workflow_resume (workflow, paused_code, &a, &error));
  g_assert_true (mc_workflow_finish (workflow, paused_code, &a, "15/QĐ", NULL, &error));
  g_assert_true (mc_workflow_return (workflow, paused_code, &a, "Lê Văn Cường", "001089000777", NULL,
                                     MC_CHANNEL_TRUC_TIEP, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
}

/* An administrator signed in (the own-password case) and a counter clerk. */
static void
make_accounts (void)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(McStaff) admin = NULL;

  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Nguyễn Quản Trị", "matkhau2026", &error));
  admin = mc_accounts_sign_in (accounts, "admin", "matkhau2026", &error);
  g_assert_no_error (error);
  g_assert_true (mc_accounts_create (accounts, "tn.lan", "Trần Ngọc Lan", NULL, NULL, MC_ROLE_RECEPTION,
                                     "matkhau2026", &error));
  g_assert_true (mc_accounts_create (accounts, "tn.ha", "Lê Thu Hà", NULL, NULL,
                                     MC_ROLE_RECEPTION | MC_ROLE_REPORTING, "matkhau2026", &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new ("vn.motcua.TestDialogTemplates", "dialog-templates.sqlite");
  make_dossiers ();
  make_accounts ();
  g_test_add_func ("/ui/dialog-templates/dossier-window", test_dossier_window);
  g_test_add_func ("/ui/dialog-templates/account-dialog/add", test_account_dialog_add);
  g_test_add_func ("/ui/dialog-templates/account-dialog/edit", test_account_dialog_edit);
  g_test_add_func ("/ui/dialog-templates/account-dialog/own-password", test_account_dialog_own_password);
  g_test_add_func ("/ui/dialog-templates/cchc-entry-dialog", test_cchc_entry_dialog);
  g_test_add_func ("/ui/dialog-templates/board-preferences", test_board_preferences);
  status = g_test_run ();
  g_free (paused_code);
  g_free (open_code);
  g_object_unref (app);
  return status;
}
