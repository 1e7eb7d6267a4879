/* test-ui-words.c — the words the UI shows, in Vietnamese from the catalog just
 * built: the toasts after an action, the audit page without ids or English, the
 * windows GTK 4.8 and libadwaita 1.2 leave in English, Esc on the figure list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-about-window.h"
#include "mc-application.h"
#include "mc-audit-page.h"
#include "mc-calendar-store.h"
#include "mc-figure-dossier.h"
#include "mc-figure-list-dialog.h"
#include "mc-inbox-page.h"
#include "mc-preferences-window.h"
#include "mc-reception-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;
static char *code;  /* the dossier the toasts test moves, seen again in the audit page */

static void
collect_labels (GtkWidget *widget, GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* English as GTK, libadwaita or an untranslated msgid would show it. */
static void
assert_no_english (const char *text)
{
  g_autoptr(GRegex) english = g_regex_new (
      "\\b(Dossier|Account|Setting|Procedure|Signed|Department|Unit|Calendar|Announcement|System|Other action"
      "|Received|Transferred|Accepted|About|Details|Credits|Legal|Website|Shortcuts|Search|Preferences|Version"
      "|License|yes|no)\\b", 0, 0, NULL);

  if (g_regex_match (english, text, 0, NULL))
    g_error ("English in “%s”", text);
}

/* Presses Esc as the window's own shortcuts see it; FALSE if none is bound. */
static gboolean
press_escape (GtkWidget *widget)
{
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget, gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Xử lý hồ sơ: after each action the toast says what was done, as a clerk
 * writes it, not "Chuyển: hồ sơ …". */
static void
test_inbox_toasts (void)
{
  McDb *db = mc_application_get_db (app);
  McInboxPage *page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  gint64 counter = mc_db_lookup_id (db, "department", "code", "TTPV", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *office = NULL, *expected = NULL;
  McActionDialog *dialog;

  g_assert_true (mc_db_exec (db, "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                                 "SELECT 'tn.an', 'Lê Thị An', id, 'tiep_nhan', 0 FROM department WHERE code = 'TTPV';"
                                 "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                                 "SELECT 'cv.binh', 'Đỗ Văn Bình', id, 'chuyen_vien', 0 FROM department WHERE code = 'VP'",
                             &error));
  g_assert_no_error (error);
  {
    McSqlStmt *stmt = mc_db_prepare (db, "SELECT name FROM department WHERE code = 'VP'", &error);

    g_assert_no_error (error);
    g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
    office = g_strdup (mc_sql_column_text (stmt, 0));
    mc_sql_reset (stmt);
  }
  code = mc_test_ui_receive (window, "Hoàng Văn Dũng", "001089000321", "0912345678");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox");
  mc_inbox_page_set_filter (page, counter, FALSE);
  g_assert_true (mc_inbox_page_select (page, code));
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.transfer", NULL);
  dialog = mc_inbox_page_get_dialog (page);
  g_assert_nonnull (dialog);
  mc_action_dialog_set_target (dialog, NULL, "cv.binh");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  if (mc_inbox_page_get_dialog (page) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  expected = g_strdup_printf ("Đã chuyển hồ sơ %s đến %s (Đỗ Văn Bình)", code, office);
  g_assert_cmpstr (mc_window_get_last_toast (window), ==, expected);

  mc_application_set_username (app, "cv.binh");
  mc_inbox_page_set_filter (page, 0, TRUE);
  g_assert_true (mc_inbox_page_select (page, code));
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.accept", NULL);
  g_free (expected);
  expected = g_strdup_printf ("Đã nhận hồ sơ %s", code);
  g_assert_cmpstr (mc_window_get_last_toast (window), ==, expected);
  mc_test_ui_wait_for_idle ();
}

/* Nhật ký hệ thống: every cell in words — no sign_in, export.register,
 * "result_ready → returned", tiep_nhan or report.signer, no English. */
static void
test_audit_page_words (void)
{
  McDb *db = mc_application_get_db (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *holder = gtk_window_new ();
  McAuditPage *page;
  gboolean transfer_seen = FALSE, setting_seen = FALSE;

  g_assert_nonnull (code);
  g_assert_true (mc_db_set_setting (db, "report.signer", "Nguyễn Thị Nga", &error));
  g_assert_true (mc_calendar_store_set_exception (db, mc_test_date ("2026-12-31"), MC_EXCEPTION_HOLIDAY,
                                                  "Nghỉ cuối năm", &error));
  rows = mc_workflow_register (mc_application_get_workflow (app), mc_test_time ("2026-11-01 00:00"),
                               mc_test_time ("2026-12-01 00:00"), NULL, &error);
  g_assert_no_error (error);
  page = mc_audit_page_new (app);
  gtk_window_set_default_size (GTK_WINDOW (holder), 1366, 2000);
  gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (holder));
  mc_audit_page_reload (page);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpuint (mc_audit_page_get_n_entries (page), >, 8);
  collect_labels (GTK_WIDGET (page), texts);
  g_assert_cmpuint (texts->len, >, 8 * 5);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = texts->pdata[i];

      mc_test_assert_no_raw_ids (text);
      assert_no_english (text);
      transfer_seen |= g_str_has_suffix (text, ": Chuyển xử lý");
      setting_seen |= g_str_equal (text, "Người ký báo cáo: Nguyễn Thị Nga");
    }
  g_assert_true (transfer_seen);
  g_assert_true (setting_seen);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Xuất sổ theo dõi hồ sơ", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Thay đổi thiết lập", g_str_equal, NULL));
  gtk_window_destroy (GTK_WINDOW (holder));
}

/* Giới thiệu, Phím tắt, Tùy chọn: what GTK 4.8 and libadwaita 1.2 have no
 * Vietnamese for comes from our catalog. */
static void
test_about_shortcuts_preferences (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  McAboutWindow *about = NULL;
  GList *toplevels;
  GtkWidget *titles;
  McPreferencesWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *t = toplevels; t != NULL; t = t->next)
    if (MC_IS_ABOUT_WINDOW (t->data))
      about = t->data;
  g_list_free (toplevels);
  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (about)), ==, "Giới thiệu Motcua");
  collect_labels (GTK_WIDGET (about), texts);
  for (guint i = 0; i < texts->len; i++)
    assert_no_english (texts->pdata[i]);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Giấy phép", g_str_equal, NULL));
  g_object_add_weak_pointer (G_OBJECT (about), (gpointer *) &about);
  g_assert_true (press_escape (GTK_WIDGET (about)));
  mc_test_ui_wait_for_idle ();
  g_assert_null (about);

  g_assert_nonnull (help);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (help)), ==, "Phím tắt");
  titles = gtk_header_bar_get_title_widget (GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (help))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_stack_get_child_by_name (GTK_STACK (titles), "title"))), ==,
                   "Phím tắt");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_stack_get_child_by_name (GTK_STACK (titles), "search"))), ==,
                   "Phím tắt tìm thấy");

  preferences = mc_preferences_window_new (app);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==, "Tùy chọn");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Preferences"), ==, "Tùy _chọn");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* The list behind a report's figure is put away with Esc. */
static void
test_figure_list_escape (void)
{
  g_autoptr(GListStore) none = g_list_store_new (MC_TYPE_FIGURE_DOSSIER);
  McFigureListDialog *dialog = mc_figure_list_dialog_new (app, GTK_WINDOW (window), "Hộ tịch", "Đã tiếp nhận",
                                                          G_LIST_MODEL (none));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  mc_test_ui_wait_for_idle ();
  g_assert_true (press_escape (GTK_WIDGET (dialog)));
  mc_test_ui_wait_for_idle ();
  g_assert_null (dialog);
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  mc_test_use_vietnamese ();
  app = mc_test_ui_app_new ("vn.motcua.Motcua.TestWords", "words.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_test_add_func ("/ui/words/inbox-toasts", test_inbox_toasts);
  g_test_add_func ("/ui/words/audit-page", test_audit_page_words);
  g_test_add_func ("/ui/words/about-shortcuts-preferences", test_about_shortcuts_preferences);
  g_test_add_func ("/ui/words/figure-list-escape", test_figure_list_escape);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  g_free (code);
  return status;
}
