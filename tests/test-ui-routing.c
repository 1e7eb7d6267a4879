/* test-ui-routing.c — Xử lý hồ sơ, Trả kết quả and Sổ xin lỗi: a dossier moved on, returned, apologised for
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-apology-page.h"
#include "mc-application.h"
#include "mc-dossier-window.h"
#include "mc-id-number.h"
#include "mc-inbox-page.h"
#include "mc-preferences-window.h"
#include "mc-reception-page.h"
#include "mc-dossier-page.h"
#include "mc-return-model.h"
#include "mc-return-page.h"
#include "mc-sidebar.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

/* Xử lý hồ sơ: a dossier received at the counter is accepted and transferred
 * through the page's actions; the state in the database and the badge of the
 * navigation follow. */
static gint64
dossier_int (const char *code, const char *expression)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM dossier WHERE code = '%s'", expression, code);

  return mc_db_query_int (mc_application_get_db (app), sql, NULL);
}

/* The dossier shown in the inbox, read as the inbox gives it to a dialog. */
static McWorkItem *
find_item (McInboxPage *page, const char *code)
{
  for (guint i = 0; i < mc_inbox_page_get_n_items (page); i++)
    if (g_str_equal (mc_dossier_get_code (mc_inbox_page_get_item (page, i)), code))
      return mc_workflow_get_item (mc_application_get_workflow (app), code, 0, NULL);
  g_assert_not_reached ();
}

static void
assert_badge (McInboxPage *page)
{
  McInboxCounts counts;
  g_autofree char *count = NULL, *alert = NULL;
  g_autofree char *expected = NULL;

  mc_inbox_page_get_counts (page, &counts);
  g_assert_cmpuint (counts.total, ==, mc_inbox_page_get_n_items (page));
  expected = counts.total ? g_strdup_printf ("%u", counts.total) : g_strdup ("");
  mc_sidebar_get_badge_texts (mc_window_get_sidebar (window), "inbox", &count, &alert);
  g_assert_cmpstr (count, ==, expected);
}

static void
test_inbox_page (void)
{
  McDb *db = mc_application_get_db (app);
  McReceptionPage *reception = MC_RECEPTION_PAGE (mc_window_get_page_widget (window, "reception"));
  McInboxPage *page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  gint64 counter = mc_db_lookup_id (db, "department", "code", "TTPV", NULL);
  gint64 office = mc_db_lookup_id (db, "department", "code", "VP", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  McActionDialog *dialog;
  guint before;

  g_assert_cmpint (counter, >, 0);
  g_assert_cmpint (office, >, 0);
  g_assert_true (mc_db_exec (db, "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                                 "SELECT 'tn.an', 'Lê Thị An', id, 'tiep_nhan', 0 FROM department WHERE code = 'TTPV';"
                                 "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                                 "SELECT 'cv.binh', 'Đỗ Văn Bình', id, 'chuyen_vien', 0 FROM department WHERE code = 'VP'",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mc_application_get_username (app), ==, "tn.an");
  /* Step 1 of 1.001193 is the counter (TTPV), step 2 the office (VP). */
  mc_reception_page_choose_procedure (reception, "1.001193");
  mc_reception_page_set_applicant (reception, "Hoàng Văn Dũng", "001089000321", "0912345678");
  code = mc_reception_page_save (reception, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox");
  g_assert_cmpstr (mc_window_get_page (window), ==, "inbox");
  mc_inbox_page_set_filter (page, counter, FALSE);
  g_assert_true (mc_inbox_page_select (page, code));
  before = mc_inbox_page_get_n_items (page);
  assert_badge (page);

  /* Transfer with the default target: the next step of the route. */
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.transfer", NULL);
  dialog = mc_inbox_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpint (mc_action_dialog_get_kind (dialog), ==, MC_ACTION_TRANSFER);
  mc_action_dialog_set_target (dialog, NULL, "cv.binh");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  if (mc_inbox_page_get_dialog (page) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (dossier_int (code, "state = 'processing'"), ==, 1);
  g_assert_cmpint (dossier_int (code, "current_step"), ==, 2);
  g_assert_cmpint (dossier_int (code, "current_department_id"), ==, office);
  g_assert_cmpint (dossier_int (code, "step_accepted_at IS NULL"), ==, 1);
  /* It left the counter's inbox, and the badge says so. */
  g_assert_false (mc_inbox_page_select (page, code));
  g_assert_cmpuint (mc_inbox_page_get_n_items (page), ==, before - 1);
  assert_badge (page);

  /* In the office's inbox, held by cv.binh, waiting to be accepted. */
  mc_application_set_username (app, "cv.binh");
  mc_inbox_page_set_filter (page, 0, TRUE);
  g_assert_true (mc_inbox_page_select (page, code));
  g_assert_cmpstr (find_item (page, code)->staff_name, ==, "Đỗ Văn Bình");
  g_assert_cmpint (find_item (page, code)->state, ==, MC_STATE_PROCESSING);
  assert_badge (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.accept", NULL);
  g_assert_cmpint (dossier_int (code, "step_accepted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (dossier_int (code, "(SELECT count(*) FROM dossier_event e WHERE e.dossier_id = dossier.id "
                                            "AND e.kind = 'accept')"), ==, 1);
  /* Accepted once: the action is refused now, and changes nothing. */
  g_assert_false (mc_action_kind_is_allowed (app, MC_ACTION_ACCEPT, code, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_true (mc_action_kind_is_allowed (app, MC_ACTION_SEND_BACK, code, &error));
  g_assert_no_error (error);

  /* Sending back needs a reason: refused without one, nothing written. */
  {
    g_autoptr(McWorkItem) item = find_item (page, code);
    dialog = mc_action_dialog_new (app, MC_ACTION_SEND_BACK, item);
  }
  g_assert_false (mc_action_dialog_apply (dialog, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_int (code, "current_step"), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The minute's check sees the dossier once its appointment has passed
   * (and reads the rows again); the desktop notification is the bell's
   * (test-ui-bell.c). */
  g_assert_cmpuint (mc_inbox_page_check_overdue (page, dossier_int (code, "due_at") + 60), ==, 1);
  g_assert_cmpuint (mc_inbox_page_check_overdue (page, dossier_int (code, "due_at") + 120), ==, 0);
  mc_application_set_username (app, "tn.an");
  mc_inbox_page_set_filter (page, 0, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dossiers");
  mc_test_ui_wait_for_idle ();
}

/* Trả kết quả and Sổ xin lỗi: dossiers received at the counter page, moved
 * on with the core API, then returned / listed through the pages. */

static gboolean
waiting_shown (McReturnPage *page, const char *code)
{
  for (guint i = 0; i < mc_return_page_get_n_shown (page); i++)
    if (g_str_equal (mc_dossier_get_code (mc_return_page_get_shown (page, i)), code))
      return TRUE;
  return FALSE;
}

static void
test_return_page (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  McReturnPage *page = MC_RETURN_PAGE (mc_window_get_page_widget (window, "return"));
  g_autofree char *code = mc_test_ui_receive (window, "Lê Văn Cường", "001089000777", "0912345678");
  g_autofree char *posted = mc_test_ui_receive (window, "Phạm Thị Dung", "001190000888", "0912345678");
  McAction action = { 0, NULL, NULL };
  McAction reason = { 0, NULL, "Không thuộc thẩm quyền giải quyết" };
  g_autoptr(GError) error = NULL;
  McReturnDialog *dialog;
  guint waiting;

  g_assert_true (mc_workflow_finish (wf, code, &action, "125/QĐ-UBND", "Giấy khai sinh", &error));
  g_assert_no_error (error);
  g_assert_true (mc_workflow_unqualified (wf, posted, &reason, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "return");
  g_assert_cmpstr (mc_window_get_page (window), ==, "return");
  mc_return_page_set_search (page, "");
  g_assert_true (waiting_shown (page, code));
  g_assert_true (waiting_shown (page, posted));
  waiting = mc_return_page_get_n_waiting (page);
  /* Finished at once, long before its appointment. */
  for (guint i = 0; i < mc_return_page_get_n_shown (page); i++)
    if (g_str_equal (mc_dossier_get_code (mc_return_page_get_shown (page, i)), code))
      {
        g_autofree char *timeliness = NULL;
        g_autofree char *number = NULL;

        g_object_get (mc_return_page_get_shown (page, i), "timeliness", &timeliness, "result-number", &number, NULL);
        g_assert_cmpstr (timeliness, ==, "early");
        g_assert_cmpstr (number, ==, "125/QĐ-UBND");
      }
  /* Search without diacritics. */
  mc_return_page_set_search (page, "le van cuong");
  g_assert_cmpuint (mc_return_page_get_n_shown (page), ==, 1);
  g_assert_cmpuint (mc_return_page_get_n_waiting (page), ==, waiting);
  mc_return_page_set_search (page, "");

  /* Capped (issue 15: tens of thousands wait at a million dossiers): the
   * oldest shown, all counted on the badge, a receipt beyond the cap still
   * found by its code, and "Xem tất cả" opens every one in Danh sách hồ sơ. */
  mc_return_page_set_limit (page, 1);
  g_assert_cmpuint (mc_return_page_get_n_shown (page), ==, 1);
  g_assert_cmpuint (mc_return_page_get_n_waiting (page), ==, waiting);
  g_assert_false (waiting_shown (page, posted));
  g_assert_true (mc_return_page_select (page, posted));
  g_assert_cmpstr (mc_return_page_get_selected_code (page), ==, posted);
  mc_return_page_set_search (page, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "return.show-all", NULL));
  g_assert_cmpstr (mc_window_get_page (window), ==, "dossiers");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_dossier_page_get_list (
                      MC_DOSSIER_PAGE (mc_window_get_page_widget (window, "dossiers"))))), ==, waiting);
  mc_return_page_set_limit (page, MC_RETURN_MODEL_LIMIT);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "return");

  /* A receipt scanned on this page selects its dossier. */
  mc_test_ui_feed (window, code, 20000, 8);
  g_assert_true (mc_window_feed_key (window, GDK_KEY_Return, 20000 + 8 * strlen (code)));
  g_assert_cmpstr (mc_return_page_get_selected_code (page), ==, code);

  /* In person: the ID card must be checked; a wrong or missing number is refused, nothing changes. */
  dialog = mc_return_page_start_return (page);
  g_assert_nonnull (dialog);
  mc_return_dialog_set_values (dialog, "Lê Văn Cường", "00108900077", MC_CHANNEL_TRUC_TIEP, NULL);
  g_assert_false (mc_return_dialog_submit (dialog, &error));
  g_assert_error (error, MC_ID_ERROR, MC_ID_ERROR_INVALID);
  g_clear_error (&error);
  mc_return_dialog_set_values (dialog, "Lê Văn Cường", "", MC_CHANNEL_TRUC_TIEP, NULL);
  g_assert_false (mc_return_dialog_submit (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (dossier_int (code, "state = 'result_ready' AND returned_at IS NULL"), ==, 1);
  g_assert_true (waiting_shown (page, code));
  mc_return_dialog_set_values (dialog, "Lê Văn Cường", "001 089 000 777", MC_CHANNEL_TRUC_TIEP, "Nhận bản chính");
  /* The citizen rates the service at the counter: 2 points but index 3 (1 point), index 9 not given, Hài lòng. */
  mc_return_dialog_set_rating (dialog, (const int[9]) { 2, 2, 1, 2, 2, 2, 2, 2, -1 }, 4);
  g_assert_true (mc_return_dialog_submit (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_int (code, "state = 'returned' AND returned_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (dossier_int (code, "EXISTS (SELECT 1 FROM rating r WHERE r.dossier_id = dossier.id AND r.i1 = 2 "
                                      "AND r.i3 = 1 AND r.i9 IS NULL AND r.satisfaction = 4)"), ==, 1);
  g_assert_false (waiting_shown (page, code));
  g_assert_cmpuint (mc_return_page_get_n_waiting (page), ==, waiting - 1);

  /* Posted (bưu chính công ích): nobody to check, an empty ID is allowed. */
  g_assert_true (mc_return_page_select (page, posted));
  dialog = mc_return_page_start_return (page);
  mc_return_dialog_set_values (dialog, "Phạm Thị Dung", "", MC_CHANNEL_BUU_CHINH, NULL);
  g_assert_true (mc_return_dialog_submit (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_int (posted, "returned_at IS NOT NULL"), ==, 1);
  g_assert_false (waiting_shown (page, posted));
  /* A code not waiting is not selected. */
  g_assert_false (mc_return_page_select (page, code));
  /* The sidebar's badge follows the results waiting. */
  {
    g_autofree char *count = NULL, *alert = NULL;
    g_autofree char *expected = g_strdup_printf ("%u", mc_return_page_get_n_waiting (page));

    mc_sidebar_get_badge_texts (mc_window_get_sidebar (window), "return", &count, &alert);
    g_assert_cmpstr (count, ==, mc_return_page_get_n_waiting (page) > 0 ? expected : "");
  }
  mc_test_ui_wait_for_idle ();
}

static void
test_apology_page (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  McDb *db = mc_application_get_db (app);
  McApologyPage *page = MC_APOLOGY_PAGE (mc_window_get_page_widget (window, "apologies"));
  McPreferencesWindow *prefs = mc_preferences_window_new (app);
  McAction action = { 0, NULL, "Chờ xác minh thông tin của cơ quan công an" };
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Võ Văn Em", "Đặng Thị Giang" };
  g_autofree char *first = NULL;
  const McApologyRecord *record;

  g_assert_true (mc_db_exec (db, "INSERT INTO staff (username, full_name, title, department_id, created_at) "
                                 "SELECT 'hoa.nt', 'Nguyễn Thị Hoa', 'Chuyên viên', id, 0 FROM department "
                                 "WHERE code = 'VP'", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("00119000012%u", i);
      g_autofree char *code = mc_test_ui_receive (window, names[i], id, "0912345678");
      McTime new_due = 0;

      g_assert_true (mc_workflow_suggest_new_due (wf, code, mc_time_now (), &new_due, &error));
      g_assert_no_error (error);
      g_assert_true (mc_workflow_apologize (wf, code, &action, "VP", "hoa.nt", new_due, NULL, &error));
      g_assert_no_error (error);
      if (first == NULL)
        first = g_strdup (code);
    }

  /* The threshold is the province's rule, set in the preferences. */
  mc_preferences_window_set_apology_threshold (prefs, 2);
  g_assert_cmpuint (mc_workflow_get_apology_threshold (wf, NULL), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "apologies");
  mc_apology_page_reload (page);
  g_assert_cmpuint (mc_apology_page_get_n_apologies (page), ==, 2);
  record = mc_apology_get_record (mc_apology_page_get_apology (page, 0));
  g_assert_cmpstr (record->dossier_code, ==, first);
  g_assert_cmpstr (record->responsible_name, ==, "Nguyễn Thị Hoa");
  g_assert_cmpint (record->new_due_at, >, record->previous_due_at);
  /* Issued the morning the dossier is due: not one working day ahead. */
  g_assert_false (record->in_time);
  g_assert_cmpuint (mc_apology_page_get_n_flagged (page), ==, 1);
  g_assert_cmpstr (mc_apology_page_get_flagged (page, 0)->full_name, ==, "Nguyễn Thị Hoa");
  g_assert_cmpuint (mc_apology_page_get_flagged (page, 0)->count, ==, 2);

  mc_preferences_window_set_apology_threshold (prefs, 3);
  mc_apology_page_reload (page);
  g_assert_cmpuint (mc_apology_page_get_n_flagged (page), ==, 0);
  /* Mẫu 06 for the period, both formats. */
  {
    g_autofree char *xlsx = mc_test_tmp_path ("register.xlsx");
    g_autofree char *pdf = mc_test_tmp_path ("register.pdf");
    g_autofree char *head = NULL;
    gsize length = 0;

    g_assert_true (mc_apology_page_export_register (page, "xlsx", xlsx, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (xlsx, &head, &length, NULL));
    g_assert_true (length > 4 && memcmp (head, "PK", 2) == 0);
    g_clear_pointer (&head, g_free);
    g_assert_true (mc_apology_page_export_register (page, "pdf", pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &head, &length, NULL));
    g_assert_true (length > 4 && memcmp (head, "%PDF", 4) == 0);
  }
  /* Another period: none. */
  mc_apology_page_set_period (page, mc_test_date ("2025-01-01"), mc_test_date ("2025-12-31"));
  g_assert_cmpuint (mc_apology_page_get_n_apologies (page), ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Review under Xvfb: what a clerk met walking the app. */

static char *
review_receive (const char *name, const char *id_number)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  return mc_test_ui_receive (window, name, id_number, "0912345679");
}

/* After an action the keyboard stays in the list: F2, F3… work without a click. */
static void
test_review_inbox_focus (void)
{
  McDb *db = mc_application_get_db (app);
  McInboxPage *page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  g_autofree char *code = review_receive ("Đào Thị Hạnh", "001190000655");
  McActionDialog *dialog;
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox");
  mc_inbox_page_set_filter (page, mc_db_lookup_id (db, "department", "code", "TTPV", NULL), FALSE);
  g_assert_true (mc_inbox_page_select (page, code));
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.transfer", NULL);
  dialog = mc_inbox_page_get_dialog (page);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  if (mc_inbox_page_get_dialog (page) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  mc_test_ui_wait_for_idle ();
  g_assert_cmpint (dossier_int (code, "current_step"), ==, 2);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (page) || gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
  g_assert_true (GTK_IS_COLUMN_VIEW (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) != NULL);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_SEARCH_ENTRY (child) ? child : find_search_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Gửi liên thông: the agency list's search field speaks our language, not GTK's untranslated "Search…". */
static void
test_review_agency_search (void)
{
  McInboxPage *page = MC_INBOX_PAGE (mc_window_get_page_widget (window, "inbox"));
  g_autofree char *code = review_receive ("Lý Văn Tâm", "001089000656");
  McActionDialog *dialog;
  GtkWidget *search;
  g_autofree char *placeholder = NULL;

  mc_inbox_page_set_filter (page, 0, FALSE);
  {
    g_autoptr(McWorkItem) item = find_item (page, code);
    dialog = mc_action_dialog_new (app, MC_ACTION_SEND_EXTERNAL, item);
  }
  search = find_search_entry (GTK_WIDGET (dialog));
  g_assert_nonnull (search);
  g_object_get (search, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, g_dgettext (GETTEXT_PACKAGE, "Find an agency"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The title of the entry row holding the keyboard focus in `dialog`, or NULL. */
static const char *
focused_row_title (GtkWindow *dialog)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;

  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/* Enter in the text field holding the keyboard focus, as the clerk presses it. */
static void
press_enter (GtkWindow *dialog)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  /* GtkText binds Return to its "activate" signal; the rows listen to it. */
  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
  mc_test_ui_wait_for_idle ();
}

/* The subtitle of the first row under `widget` titled `title`, or NULL. */
static const char *
row_subtitle (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_subtitle (child, title);
      if (found)
        return found;
    }
  return NULL;
}

/* Trả kết quả at the keyboard: Enter in the ID field never hands the result
 * over, it moves on to the rating, which the Return button needs settled; a
 * card that is not the applicant's stops at the authorisation, which the
 * return's record keeps and the dossier's timeline shows. */
static void
test_return_enter_rating_and_proxy (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  McReturnPage *page = MC_RETURN_PAGE (mc_window_get_page_widget (window, "return"));
  g_autofree char *own = mc_test_ui_receive (window, "Hoàng Thị Mai", "001192000555", "0912345670");
  g_autofree char *proxy = mc_test_ui_receive (window, "Đinh Văn Sơn", "001088000444", "0912345671");
  McAction action = { 0, NULL, NULL };
  g_autoptr(GError) error = NULL;
  McReturnDialog *dialog;

  g_assert_true (mc_workflow_finish (wf, own, &action, "130/QĐ-UBND", NULL, &error));
  g_assert_true (mc_workflow_finish (wf, proxy, &action, "131/QĐ-UBND", NULL, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "return");
  mc_return_page_set_search (page, "");

  /* The applicant's own card, Enter: the rating comes next, nothing is written yet. */
  g_assert_true (mc_return_page_select (page, own));
  dialog = mc_return_page_start_return (page);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpstr (focused_row_title (GTK_WINDOW (dialog)), ==, "ID number checked (12 digits)");
  mc_return_dialog_set_values (dialog, "Hoàng Thị Mai", "001192000555", MC_CHANNEL_TRUC_TIEP, NULL);
  press_enter (GTK_WINDOW (dialog));
  g_assert_cmpstr (mc_return_dialog_get_step (dialog), ==, "rating");
  g_assert_false (mc_return_dialog_get_asks_authorisation (dialog));
  g_assert_cmpint (dossier_int (own, "state = 'result_ready' AND returned_at IS NULL"), ==, 1);
  /* Neither rated nor declined: not handed over. */
  g_assert_false (mc_return_dialog_submit (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (mc_return_dialog_get_step (dialog), ==, "rating");
  g_assert_cmpint (dossier_int (own, "returned_at IS NULL"), ==, 1);
  mc_return_dialog_set_declined (dialog, TRUE);
  g_assert_true (mc_return_dialog_submit (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_int (own, "state = 'returned' AND NOT EXISTS (SELECT 1 FROM rating r "
                                     "WHERE r.dossier_id = dossier.id)"), ==, 1);

  /* Another person's card: Enter stops at the authorisation, twice while it is empty. */
  g_assert_true (mc_return_page_select (page, proxy));
  dialog = mc_return_page_start_return (page);
  mc_test_ui_wait_for_idle ();
  mc_return_dialog_set_values (dialog, "Trần Văn Bình", "001190000888", MC_CHANNEL_TRUC_TIEP, NULL);
  press_enter (GTK_WINDOW (dialog));
  g_assert_cmpstr (mc_return_dialog_get_step (dialog), ==, "handover");
  g_assert_true (mc_return_dialog_get_asks_authorisation (dialog));
  g_assert_cmpstr (focused_row_title (GTK_WINDOW (dialog)), ==, "Authorisation document (number, date, certified by)");
  press_enter (GTK_WINDOW (dialog));
  g_assert_cmpstr (mc_return_dialog_get_step (dialog), ==, "handover");
  g_assert_cmpint (dossier_int (proxy, "returned_at IS NULL"), ==, 1);
  mc_return_dialog_set_authorisation (dialog, "Giấy ủy quyền số 15/UQ ngày 01/11/2026");
  press_enter (GTK_WINDOW (dialog));
  g_assert_cmpstr (mc_return_dialog_get_step (dialog), ==, "rating");
  mc_return_dialog_set_rating (dialog, (const int[9]) { 2, 2, 2, 2, 2, 2, 2, 2, 2 }, 5);
  g_assert_true (mc_return_dialog_submit (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_int (proxy, "returned_to = 'Trần Văn Bình' AND returned_id_number = '001190000888' "
                                       "AND EXISTS (SELECT 1 FROM rating r WHERE r.dossier_id = dossier.id "
                                       "AND r.satisfaction = 5)"), ==, 1);

  /* The timeline shows on whose authorisation. */
  {
    g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app),
                                                            mc_application_get_calendar (app));
    g_autoptr(McDossier) dossier = mc_dossier_store_find (store, proxy, &error);
    McDossierWindow *shown = mc_dossier_window_new (app, store, dossier);
    const char *subtitle = row_subtitle (GTK_WIDGET (shown), "Result returned");

    g_assert_nonnull (subtitle);
    g_assert_nonnull (strstr (subtitle, "Trần Văn Bình nhận thay theo ủy quyền: Giấy ủy quyền số 15/UQ ngày 01/11/2026"));
    gtk_window_destroy (GTK_WINDOW (shown));
  }
  mc_test_ui_wait_for_idle ();
}


/* The first button shown under `widget` whose label is `label`, or NULL: a
 * template keeps a button that applies only sometimes, hidden (the window
 * itself need not be presented). */
static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (!GTK_IS_ROOT (widget) && !gtk_widget_get_visible (widget))
    return NULL;
  if ((GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0) ||
      (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

/* A withdrawn dossier under the 2025 forms offers its Mẫu 05 stop notice;
 * the control sheet and the register carry their number in the form set of
 * their date (Mẫu 06 / 07 from 15/9/2025, Mẫu 05 / 06 before). */
static void
test_stop_notice_and_form_numbers (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  McApologyPage *page = MC_APOLOGY_PAGE (mc_window_get_page_widget (window, "apologies"));
  g_autofree char *withdrawn = mc_test_ui_receive (window, "Lý Thị Tâm", "001193000321", "0912345672");
  g_autofree char *open = mc_test_ui_receive (window, "Mạc Văn Đông", "001093000322", "0912345673");
  McAction action = { 0, NULL, "Người dân xin rút hồ sơ" };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app),
                                                          mc_application_get_calendar (app));
  g_autoptr(McDossier) stopped = NULL;
  g_autoptr(McDossier) running = NULL;
  McDossierWindow *shown;

  g_assert_true (mc_workflow_withdraw (wf, withdrawn, &action, &error));
  g_assert_no_error (error);
  stopped = mc_dossier_store_find (store, withdrawn, &error);
  running = mc_dossier_store_find (store, open, &error);
  g_assert_no_error (error);

  shown = mc_dossier_window_new (app, store, stopped);
  g_assert_nonnull (find_button (GTK_WIDGET (shown), "S_top notice (Mẫu 05)"));
  g_assert_nonnull (find_button (GTK_WIDGET (shown), "Print the _control sheet (Mẫu 06)"));
  gtk_window_destroy (GTK_WINDOW (shown));
  shown = mc_dossier_window_new (app, store, running);
  g_assert_null (find_button (GTK_WIDGET (shown), "S_top notice (Mẫu 05)"));
  gtk_window_destroy (GTK_WINDOW (shown));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "apologies");
  mc_apology_page_set_period (page, mc_test_date ("2024-01-01"), mc_test_date ("2024-12-31"));
  g_assert_nonnull (find_button (GTK_WIDGET (page), "_Dossier register (Mẫu 06)"));
  mc_apology_page_set_period (page, mc_test_date ("2026-01-01"), mc_test_date ("2026-12-31"));
  g_assert_nonnull (find_button (GTK_WIDGET (page), "_Dossier register (Mẫu 07)"));
  mc_apology_page_set_period (page, mc_test_date ("2025-09-01"), mc_test_date ("2025-09-30"));
  g_assert_nonnull (find_button (GTK_WIDGET (page), "_Dossier register (Mẫu 06, Mẫu 07)"));
  mc_test_ui_wait_for_idle ();
}


/* The labels of the items of `menu`. */
static GStrv
menu_labels (GMenuModel *menu)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_strv_builder_add (labels, label);
    }
  return g_strv_builder_end (labels);
}

/* Whether a line of the window's timeline shows an id ("[apology]",
 * "pause_financial") instead of words. */
static void
assert_timeline_words (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      g_assert_null (strchr (title, '['));
      g_assert_null (strchr (title, '_'));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_timeline_words (child);
}

/* A result back late at the counter is apologised for from the dossier's
 * window: its Actions are the ones core allows (apology and return, no
 * transfer), the apology is recorded and shown in words on the timeline. */
static void
test_apology_late_result (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  g_autofree char *code = mc_test_ui_receive (window, "Tô Thị Hạnh", "001194000901", "0912345674");
  McAction action = { 0, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app),
                                                          mc_application_get_calendar (app));
  g_autoptr(McDossier) dossier = NULL;
  g_autofree char *set_due = NULL;
  g_auto(GStrv) labels = NULL;
  McDossierWindow *shown;
  GtkWidget *button;
  McActionDialog *dialog;

  g_assert_true (mc_workflow_transfer (wf, code, &action, NULL, NULL, &error));
  g_assert_no_error (error);
  /* An appointment already past when the result comes: the result is late. */
  set_due = g_strdup_printf ("UPDATE dossier SET due_at = received_at - 60 WHERE code = '%s'", code);
  g_assert_true (mc_db_exec (mc_application_get_db (app), set_due, &error));
  g_assert_true (mc_workflow_finish (wf, code, &action, "31/QĐ-UBND", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_int (code, "state = 'result_ready' AND timeliness = 'late'"), ==, 1);

  dossier = mc_dossier_store_find (store, code, &error);
  /* The counter's clerk returns it (Trả kết quả) but does not apologise:
   * the window offers no action of its own. */
  mc_application_set_username (app, "tn.an");
  shown = mc_dossier_window_new (app, store, dossier);
  g_assert_null (find_button (GTK_WIDGET (shown), "_Actions"));
  gtk_window_destroy (GTK_WINDOW (shown));
  /* The head of the office (VP) does. */
  g_assert_true (mc_db_exec (mc_application_get_db (app),
                             "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                             "SELECT 'tp.vinh', 'Đặng Quốc Vinh', id, 'lanh_dao_phong', 0 FROM department "
                             "WHERE code = 'VP'", &error));
  g_assert_no_error (error);
  mc_application_set_username (app, "tp.vinh");
  shown = mc_dossier_window_new (app, store, dossier);
  button = find_button (GTK_WIDGET (shown), "_Actions");
  g_assert_nonnull (button);
  labels = menu_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  g_assert_true (g_strv_contains ((const char *const *) labels, mc_action_kind_to_label (MC_ACTION_APOLOGY)));
  g_assert_false (g_strv_contains ((const char *const *) labels, mc_action_kind_to_label (MC_ACTION_TRANSFER)));
  g_assert_false (g_strv_contains ((const char *const *) labels, mc_action_kind_to_label (MC_ACTION_FINISH)));

  gtk_widget_activate_action (GTK_WIDGET (shown), "dossier.act", "s", "apology");
  dialog = mc_dossier_window_get_dialog (shown);
  g_assert_nonnull (dialog);
  g_assert_cmpint (mc_action_dialog_get_kind (dialog), ==, MC_ACTION_APOLOGY);
  mc_action_dialog_set_note (dialog, "Chậm do phải xác minh thêm hồ sơ địa chính");
  mc_action_dialog_set_target (dialog, "VP", NULL);
  g_assert_true (mc_action_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (dossier_int (code, "(SELECT count (*) FROM apology a WHERE a.dossier_id = dossier.id "
                                      "AND a.reason = 'Chậm do phải xác minh thêm hồ sơ địa chính')"), ==, 1);
  g_assert_cmpint (dossier_int (code, "extended_due_at IS NOT NULL"), ==, 1);

  /* The window now shows the apology in words and offers its Mẫu 04. */
  g_assert_nonnull (row_subtitle (GTK_WIDGET (shown), mc_dossier_event_kind_to_label ("apology")));
  g_assert_nonnull (find_button (GTK_WIDGET (shown), "Print the _apology (Mẫu 04)"));
  assert_timeline_words (GTK_WIDGET (shown));
  gtk_window_destroy (GTK_WINDOW (shown));
  mc_application_set_username (app, "tn.an");
  mc_test_ui_wait_for_idle ();
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new (NULL, "ui.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_test_add_func ("/ui/inbox-page", test_inbox_page);
  g_test_add_func ("/ui/return-page", test_return_page);
  g_test_add_func ("/ui/return-enter-rating-and-proxy", test_return_enter_rating_and_proxy);
  g_test_add_func ("/ui/apology-page", test_apology_page);
  g_test_add_func ("/ui/stop-notice-and-form-numbers", test_stop_notice_and_form_numbers);
  g_test_add_func ("/ui/apology-late-result", test_apology_late_result);
  g_test_add_func ("/ui/review/inbox-focus", test_review_inbox_focus);
  g_test_add_func ("/ui/review/agency-search", test_review_agency_search);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
