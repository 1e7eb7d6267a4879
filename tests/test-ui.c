/* test-ui.c — the main window, the catalog page and the calendar page, driven as a user would
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mc-application.h"
#include "mc-calendar-page.h"
#include "mc-calendar-store.h"
#include "mc-catalog-page.h"
#include "mc-preferences-window.h"
#include "mc-dossier-page.h"
#include "mc-inbox-page.h"
#include "mc-id-number.h"
#include "mc-procedure-editor.h"
#include "mc-reception-page.h"
#include "mc-test-utils.h"
#include "mc-text.h"
#include "mc-window.h"
#include "mc-apology-page.h"
#include "mc-return-page.h"
#include "mc-sidebar.h"
#include "mc-accounts-page.h"
#include "mc-audit-page.h"
#include "mc-directory.h"
#include "mc-format.h"
#include "mc-login-window.h"
#include "mc-session.h"
#include "mc-dossier-store.h"
#include "mc-report-page.h"

static McApplication *app;
static McWindow *window;

static void
wait_for_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
test_catalog_search (void)
{
  McCatalogPage *page = MC_CATALOG_PAGE (mc_window_get_page_widget (window, "catalog"));

  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), >=, 120);
  mc_catalog_page_set_search (page, "dang ky ket hon");
  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), >=, 1);
  for (guint i = 0; i < mc_catalog_page_get_n_shown (page); i++)
    {
      g_autoptr(McProcedure) p = mc_catalog_page_get_shown (page, i);
      g_assert_true (mc_text_matches_folded (mc_procedure_get_search_key (p), "dang ky ket hon"));
    }
  mc_catalog_page_set_search (page, "ĐĂNG KÝ KẾT HÔN");
  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), >=, 1);
  mc_catalog_page_set_search (page, "xyz khong co thu tuc nay");
  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), ==, 0);
  mc_catalog_page_set_search (page, "");
}

static void
test_switch_pages (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  g_assert_cmpstr (mc_window_get_page (window), ==, "calendar");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "catalog");
  g_assert_cmpstr (mc_window_get_page (window), ==, "catalog");
  /* An area that does not exist is not shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "no-such-page");
  g_assert_cmpstr (mc_window_get_page (window), ==, "catalog");
}

static void
test_calendar_page (void)
{
  McCalendarPage *page = MC_CALENDAR_PAGE (mc_window_get_page_widget (window, "calendar"));
  McDate culture = mc_test_date ("2026-11-24");
  McDate saturday = mc_test_date ("2026-11-28");
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) reloaded = NULL;
  GtkWidget *cell;

  mc_calendar_page_show_month (page, 2026, 11);
  cell = mc_calendar_page_get_cell (page, culture);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "holiday"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Ngày Văn hóa Việt Nam (24/11)");
  /* A Saturday worked, entered on the page, is saved and redrawn. */
  g_assert_true (mc_calendar_page_set_exception (page, saturday, MC_EXCEPTION_WORKDAY, "Làm bù", &error));
  g_assert_no_error (error);
  cell = mc_calendar_page_get_cell (page, saturday);
  g_assert_true (gtk_widget_has_css_class (cell, "swapped"));
  g_assert_true (gtk_widget_has_css_class (cell, "exception"));
  reloaded = mc_calendar_store_load (mc_application_get_db (app), &error);
  g_assert_true (mc_calendar_is_working_day (reloaded, saturday));
  /* An empty name is refused and changes nothing. */
  g_assert_false (mc_calendar_page_set_exception (page, culture, MC_EXCEPTION_WORKDAY, " ", &error));
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_has_css_class (mc_calendar_page_get_cell (page, culture), "holiday"));
  g_assert_true (mc_calendar_page_remove_exception (page, saturday, NULL));
  g_assert_true (gtk_widget_has_css_class (mc_calendar_page_get_cell (page, saturday), "weekend"));
}

static void
test_editor (void)
{
  g_autoptr(GError) error = NULL;
  McCatalog *catalog = mc_application_get_catalog (app);
  g_autoptr(McProcedure) p = mc_catalog_find_procedure (catalog, "1.001193", &error);
  McProcedureEditor *editor = mc_procedure_editor_new (app, p);
  g_autoptr(McProcedure) saved = NULL;
  McProcedure *edited = mc_procedure_editor_collect (editor);

  g_assert_cmpstr (mc_procedure_get_code (edited), ==, "1.001193");
  g_assert_cmpuint (mc_procedure_get_steps (edited)->len, ==, mc_procedure_get_steps (p)->len);
  g_assert_cmpuint (mc_procedure_get_documents (edited)->len, ==, mc_procedure_get_documents (p)->len);
  g_assert_true (mc_procedure_editor_save (editor, &error));
  g_assert_no_error (error);
  saved = mc_catalog_find_procedure (catalog, "1.001193", &error);
  g_assert_cmpfloat (mc_procedure_get_days (saved), ==, mc_procedure_get_days (p));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_preferences (void)
{
  McPreferencesWindow *prefs = mc_preferences_window_new (app);
  McOfficeHours h;

  g_assert_false (mc_preferences_window_set_hours (prefs, 5, "7h-11h"));
  mc_calendar_get_office_hours (mc_application_get_calendar (app), 5, &h);
  g_assert_cmpint (h.start[0], ==, 7 * 60);
  /* Emptied while retyping: refused, the day keeps its hours. */
  g_assert_false (mc_preferences_window_set_hours (prefs, 5, " "));
  mc_calendar_get_office_hours (mc_application_get_calendar (app), 5, &h);
  g_assert_cmpint (h.n_intervals, ==, 2);
  g_assert_true (mc_preferences_window_set_hours (prefs, 5, "07:30-11:30,13:00-16:30"));
  mc_calendar_get_office_hours (mc_application_get_calendar (app), 5, &h);
  g_assert_cmpint (h.start[0], ==, 7 * 60 + 30);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_reception (void)
{
  McReceptionPage *page = MC_RECEPTION_PAGE (mc_window_get_page_widget (window, "reception"));
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *due = NULL;
  McDb *db = mc_application_get_db (app);

  /* Nothing chosen: refused, nothing written. */
  g_assert_null (mc_reception_page_save (page, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  mc_reception_page_choose_procedure (page, "1.001193");
  due = mc_time_to_iso (mc_reception_page_get_due (page));
  g_assert_cmpstr (due, ==, "2026-11-23 15:30");  /* 09:30 + half a working day */
  mc_reception_page_set_applicant (page, "Trần Thị Bình", "0381900123", "0912345678");
  g_assert_null (mc_reception_page_save (page, &error));
  g_assert_error (error, MC_ID_ERROR, MC_ID_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 0);
  mc_reception_page_set_applicant (page, "Trần Thị Bình", "038190012399", "0912345678");
  code = mc_reception_page_save (page, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (code, "-261123-0001"));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_document", NULL), >, 0);
}

static void
test_dossier_page (void)
{
  McDossierPage *page = MC_DOSSIER_PAGE (mc_window_get_page_widget (window, "dossiers"));
  McDossierList *list = mc_dossier_page_get_list (page);
  g_autoptr(McDossier) first = NULL;

  mc_dossier_page_set_filter (page, MC_DOSSIER_FILTER_ALL, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);  /* the one received above */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  mc_dossier_page_set_filter (page, MC_DOSSIER_FILTER_ALL, "tran thi binh");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  mc_dossier_page_set_filter (page, MC_DOSSIER_FILTER_FINISHED, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (mc_dossier_page_open (page, mc_dossier_get_code (first)));
  g_assert_false (mc_dossier_page_open (page, "000.00.00.X00-000000-0000"));
}

static void
feed (const char *text, guint32 start, guint32 gap)
{
  for (const char *p = text; *p; p++)
    {
      /* A scanner emulates a US keyboard: Shift before capitals. */
      if (g_ascii_isupper (*p))
        g_assert_false (mc_window_feed_key (window, GDK_KEY_Shift_L, start + gap * (p - text)));
      g_assert_false (mc_window_feed_key (window, gdk_unicode_to_keyval ((guchar) *p), start + gap * (p - text)));
    }
}

/* A scanner's burst followed by Enter opens the dossier wherever the focus is;
 * the same code typed by a person does not. */
static void
test_scanner (void)
{
  McDossierPage *page = MC_DOSSIER_PAGE (mc_window_get_page_widget (window, "dossiers"));
  McDossierList *list = mc_dossier_page_get_list (page);
  g_autoptr(McDossier) first = NULL;
  const char *code;

  mc_dossier_page_set_filter (page, MC_DOSSIER_FILTER_ALL, "");
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  code = mc_dossier_get_code (first);
  feed (code, 1000, 8);
  g_assert_true (mc_window_feed_key (window, GDK_KEY_Return, 1000 + 8 * strlen (code)));
  feed (code, 5000, 150);
  g_assert_false (mc_window_feed_key (window, GDK_KEY_Return, 5000 + 150 * strlen (code)));
  feed ("hello-world", 9000, 5);
  g_assert_false (mc_window_feed_key (window, GDK_KEY_Return, 9060));
}

/* Xử lý hồ sơ: a dossier received at the counter is accepted and transferred
 * through the page's actions; the state in the database and the badge of the
 * navigation follow. */
static gint64
inbox_dossier_int (const char *code, const char *expression)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM dossier WHERE code = '%s'", expression, code);

  return mc_db_query_int (mc_application_get_db (app), sql, NULL);
}

static const McWorkItem *
find_item (McInboxPage *page, const char *code)
{
  for (guint i = 0; i < mc_inbox_page_get_n_items (page); i++)
    if (g_str_equal (mc_inbox_page_get_item (page, i)->code, code))
      return mc_inbox_page_get_item (page, i);
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

/* A notification daemon on the test's session bus: records what it is sent. */
static void
notify_cb (GDBusConnection *connection, const char *sender, const char *path, const char *interface,
           const char *method, GVariant *parameters, GDBusMethodInvocation *invocation, gpointer user_data)
{
  GString *received = user_data;
  const char *summary, *body;

  g_variant_get_child (parameters, 3, "&s", &summary);
  g_variant_get_child (parameters, 4, "&s", &body);
  g_string_append_printf (received, "%s: %s\n", summary, body);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 1));
}

static guint
start_notification_daemon (GString *received)
{
  static const GDBusInterfaceVTable vtable = { notify_cb };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (
      "<node><interface name='org.freedesktop.Notifications'><method name='Notify'>"
      "<arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
      "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
      "<arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
      "</method></interface></node>", NULL);
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));
  guint id;

  g_assert_nonnull (bus);
  id = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0], &vtable,
                                          received, NULL, NULL);
  g_assert_cmpuint (id, >, 0);
  g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL,
                                NULL, NULL);
  return id;
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
  g_autoptr(GString) received = g_string_new (NULL);
  McActionDialog *dialog;
  guint before, daemon;

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
  g_assert_cmpint (inbox_dossier_int (code, "state = 'processing'"), ==, 1);
  g_assert_cmpint (inbox_dossier_int (code, "current_step"), ==, 2);
  g_assert_cmpint (inbox_dossier_int (code, "current_department_id"), ==, office);
  g_assert_cmpint (inbox_dossier_int (code, "step_accepted_at IS NULL"), ==, 1);
  /* It left the counter's inbox, and the badge says so. */
  g_assert_false (mc_inbox_page_select (page, code));
  g_assert_cmpuint (mc_inbox_page_get_n_items (page), ==, before - 1);
  assert_badge (page);

  /* In the office's inbox, held by cv.binh, waiting to be accepted. */
  mc_application_set_username (app, "cv.binh");
  mc_inbox_page_set_filter (page, 0, TRUE);
  g_assert_true (mc_inbox_page_select (page, code));
  g_assert_cmpstr (find_item (page, code)->staff_name, ==, "Đỗ Văn Bình");
  g_assert_cmpstr (find_item (page, code)->state, ==, "processing");
  assert_badge (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "inbox.accept", NULL);
  g_assert_cmpint (inbox_dossier_int (code, "step_accepted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (inbox_dossier_int (code, "(SELECT count(*) FROM dossier_event e WHERE e.dossier_id = dossier.id "
                                            "AND e.kind = 'accept')"), ==, 1);
  /* Accepted once: the action is refused now, and changes nothing. */
  g_assert_false (mc_action_kind_is_valid (MC_ACTION_ACCEPT, find_item (page, code)));
  g_assert_true (mc_action_kind_is_valid (MC_ACTION_SEND_BACK, find_item (page, code)));

  /* Sending back needs a reason: refused without one, nothing written. */
  dialog = mc_action_dialog_new (app, MC_ACTION_SEND_BACK, find_item (page, code));
  g_assert_false (mc_action_dialog_apply (dialog, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (inbox_dossier_int (code, "current_step"), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The minute's check announces the dossier once its appointment has passed,
   * as a desktop notification. */
  daemon = start_notification_daemon (received);
  g_assert_cmpuint (mc_inbox_page_check_overdue (page, inbox_dossier_int (code, "due_at") + 60), ==, 1);
  g_assert_cmpuint (mc_inbox_page_check_overdue (page, inbox_dossier_int (code, "due_at") + 120), ==, 0);
  for (int i = 0; i < 500 && received->len == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (received->str, code));
  g_dbus_connection_unregister_object (g_application_get_dbus_connection (G_APPLICATION (app)), daemon);
  mc_application_set_username (app, "tn.an");
  mc_inbox_page_set_filter (page, 0, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dossiers");
  wait_for_idle ();
}

static void
test_render (void)
{
  g_autofree char *path = mc_test_tmp_path ("window.png");
  GdkPaintable *paintable;
  GskRenderer *renderer;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w, h;

  wait_for_idle ();
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  w = gdk_paintable_get_intrinsic_width (paintable);
  h = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (w, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_object_unref (paintable);
  if (g_getenv ("MOTCUA_SCREENSHOT"))
    gdk_texture_save_to_png (texture, g_getenv ("MOTCUA_SCREENSHOT"));
}

/* Trả kết quả and Sổ xin lỗi: dossiers received at the counter page, moved
 * on with the core API, then returned / listed through the pages. */

static char *
receive_for_return (const char *name, const char *id_number)
{
  McReceptionPage *page = MC_RECEPTION_PAGE (mc_window_get_page_widget (window, "reception"));
  g_autoptr(GError) error = NULL;
  char *code;

  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, name, id_number, "0912345678");
  code = mc_reception_page_save (page, &error);
  g_assert_no_error (error);
  return code;
}

static gint64
dossier_int (const char *code, const char *expression)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM dossier WHERE code = '%s'", expression, code);

  return mc_db_query_int (mc_application_get_db (app), sql, NULL);
}

static gboolean
waiting_shown (McReturnPage *page, const char *code)
{
  for (guint i = 0; i < mc_return_page_get_n_shown (page); i++)
    if (g_str_equal (mc_return_page_get_shown (page, i)->code, code))
      return TRUE;
  return FALSE;
}

static void
test_return_page (void)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  McReturnPage *page = MC_RETURN_PAGE (mc_window_get_page_widget (window, "return"));
  g_autofree char *code = receive_for_return ("Lê Văn Cường", "001089000777");
  g_autofree char *posted = receive_for_return ("Phạm Thị Dung", "001190000888");
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
    if (g_str_equal (mc_return_page_get_shown (page, i)->code, code))
      {
        g_assert_cmpstr (mc_return_page_get_shown (page, i)->timeliness, ==, "early");
        g_assert_cmpstr (mc_return_page_get_shown (page, i)->result_number, ==, "125/QĐ-UBND");
      }
  /* Search without diacritics. */
  mc_return_page_set_search (page, "le van cuong");
  g_assert_cmpuint (mc_return_page_get_n_shown (page), ==, 1);
  g_assert_cmpuint (mc_return_page_get_n_waiting (page), ==, waiting);
  mc_return_page_set_search (page, "");

  /* A receipt scanned on this page selects its dossier. */
  feed (code, 20000, 8);
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
  wait_for_idle ();
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
      g_autofree char *code = receive_for_return (names[i], id);
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
  g_assert_cmpuint (mc_workflow_get_apology_threshold (wf), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "apologies");
  mc_apology_page_reload (page);
  g_assert_cmpuint (mc_apology_page_get_n_apologies (page), ==, 2);
  record = mc_apology_page_get_apology (page, 0);
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

/* A click on a column header (what gtk_column_view_sort_by_column does)
 * sorts the list in SQL; the Procedure header does not sort. Runs last: it
 * adds dossiers the other pages would show. */
static const char *
sorted_name (McDossierList *list, guint position)
{
  g_autoptr(McDossier) d = g_list_model_get_item (G_LIST_MODEL (list), position);

  return mc_dossier_get_applicant_name (d);
}

static void
sort_by (GtkColumnView *view, guint column, GtkSortType direction)
{
  g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (gtk_column_view_get_columns (view), column);

  gtk_column_view_sort_by_column (view, c, direction);
}

static void
test_dossier_page_sort (void)
{
  McDossierPage *page = MC_DOSSIER_PAGE (mc_window_get_page_widget (window, "dossiers"));
  McDossierList *list = mc_dossier_page_get_list (page);
  GtkColumnView *view = mc_dossier_page_get_view (page);
  McDb *db = mc_application_get_db (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, &error);
  g_autoptr(McDossierStore) store = mc_dossier_store_new (db, calendar);
  /* Names A → D; received C, A, D, B; appointments B, D, A, C. */
  const char *csv =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "S-01,1.001193,truc_tiep,2023-05-02 08:00,2023-05-20 10:00,2023-05-03 08:00,2023-05-03 09:00,approved,Sắp Xếp Bốn\n"
    "S-02,1.001193,truc_tiep,2023-05-01 08:00,2023-05-10 10:00,2023-05-03 08:00,2023-05-03 09:00,approved,Sắp Xếp An\n"
    "S-03,1.001193,truc_tiep,2023-05-04 08:00,2023-05-05 10:00,2023-05-05 08:00,2023-05-05 09:00,approved,Sắp Xếp Ba\n"
    "S-04,1.001193,truc_tiep,2023-05-03 08:00,2023-05-08 10:00,2023-05-04 08:00,2023-05-04 09:00,approved,Sắp Xếp Dung\n";
  guint n = 0;

  g_assert_true (mc_dossier_store_import_csv (store, csv, strlen (csv), &n, &error));
  g_assert_no_error (error);
  mc_dossier_page_set_filter (page, MC_DOSSIER_FILTER_ALL, "sap xep");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  /* Newest first until a header is clicked. */
  g_assert_cmpstr (sorted_name (list, 0), ==, "Sắp Xếp Ba");
  sort_by (view, 2, GTK_SORT_ASCENDING);  /* Applicant */
  g_assert_cmpstr (sorted_name (list, 0), ==, "Sắp Xếp An");
  g_assert_cmpstr (sorted_name (list, 3), ==, "Sắp Xếp Dung");
  sort_by (view, 2, GTK_SORT_DESCENDING);
  g_assert_cmpstr (sorted_name (list, 0), ==, "Sắp Xếp Dung");
  sort_by (view, 4, GTK_SORT_ASCENDING);  /* Appointment */
  g_assert_cmpstr (sorted_name (list, 0), ==, "Sắp Xếp Ba");
  g_assert_cmpstr (sorted_name (list, 1), ==, "Sắp Xếp Dung");
  g_assert_cmpstr (sorted_name (list, 3), ==, "Sắp Xếp Bốn");
  sort_by (view, 1, GTK_SORT_ASCENDING);  /* Received, oldest first */
  g_assert_cmpstr (sorted_name (list, 0), ==, "Sắp Xếp An");
  g_assert_cmpstr (sorted_name (list, 3), ==, "Sắp Xếp Ba");
  sort_by (view, 0, GTK_SORT_DESCENDING);  /* Code, Z → A */
  g_assert_cmpstr (sorted_name (list, 0), ==, "Sắp Xếp Dung");
  {
    g_autoptr(GtkColumnViewColumn) procedure = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
    g_assert_null (gtk_column_view_column_get_sorter (procedure));
  }
  sort_by (view, 1, GTK_SORT_DESCENDING);
  mc_dossier_page_set_filter (page, MC_DOSSIER_FILTER_ALL, "");
}

/* Accounts: sign-in, first run, the Tài khoản and Nhật ký pages. They run
 * on their own application and database, since an administrator makes
 * accounts enforced and every other test here acts without signing in. */

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
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (accounts_app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static McWindow *
sign_in_as (const char *username, const char *password)
{
  McLoginWindow *login;
  g_autoptr(GError) error = NULL;
  McWindow *main_window;

  if ((main_window = find_app_window (MC_TYPE_WINDOW)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "session.sign-out", NULL);
  login = find_app_window (MC_TYPE_LOGIN_WINDOW);
  g_assert_nonnull (login);
  g_assert_false (mc_login_window_is_first_run (login));
  g_assert_null (find_app_window (MC_TYPE_WINDOW));
  mc_login_window_fill (login, username, password);
  main_window = mc_login_window_submit (login, &error);
  g_assert_no_error (error);
  g_assert_true (MC_IS_WINDOW (main_window));
  wait_for_idle ();
  return main_window;
}

static void
test_accounts_first_run (void)
{
  g_autofree char *path = mc_test_tmp_path ("accounts.sqlite");
  g_autoptr(GError) error = NULL;
  McLoginWindow *login;
  McWindow *main_window;
  GtkWindow *first;

  accounts_app = g_object_new (MC_TYPE_APPLICATION, "application-id", "vn.motcua.Motcua.AccountsTest",
                               "flags", G_APPLICATION_NON_UNIQUE, "resource-base-path", "/vn/motcua/Motcua", NULL);
  g_assert_true (g_application_register (G_APPLICATION (accounts_app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_application_open_db (accounts_app, path, &error));
  g_assert_no_error (error);

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
  wait_for_idle ();
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
  g_assert_true (mc_account_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_null (mc_accounts_page_get_dialog (page));
  added = mc_accounts_get_staff (accounts, "tn.mai", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->full_name, ==, "Lê Thị Mai");
  g_assert_cmpstr (added->title, ==, "Công chức");
  g_assert_cmpstr (added->department_code, ==, "TTPV");
  g_assert_cmpint (added->roles, ==, MC_ROLE_RECEPTION | MC_ROLE_REPORTING);
  g_assert_true (added->has_password && added->active);
  g_assert_cmpuint (mc_accounts_page_get_n_accounts (page), ==, 2);
  g_assert_true (mc_accounts_page_select (page, "tn.mai"));

  /* A second account, through the same dialog, for the lockout below. */
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add", NULL);
  mc_account_dialog_fill (mc_accounts_page_get_dialog (page), "cv.khoa", "Đặng Minh Khoa", NULL, "VP",
                          MC_ROLE_SPECIALIST, "chuyenvien9");
  g_assert_true (mc_account_dialog_save (mc_accounts_page_get_dialog (page), &error));
  g_assert_no_error (error);
  wait_for_idle ();
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
  g_assert_cmpstr (((McStaffEntry *) people->pdata[0])->username, ==, "tn.mai");
  wait_for_idle ();
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
  /* Locked now: even the right password is refused, with the time it ends. */
  mc_login_window_fill (login, "cv.khoa", "chuyenvien9");
  g_assert_null (mc_login_window_submit (login, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_LOCKED);
  g_assert_cmpstr (mc_login_window_get_message (login), ==, error->message);
  g_clear_error (&error);

  /* The administrator unlocks it from the page. */
  main_window = sign_in_as ("admin", "matkhau2026");
  page = MC_ACCOUNTS_PAGE (mc_window_get_page_widget (main_window, "accounts"));
  mc_accounts_page_reload (page);
  g_assert_true (mc_accounts_page_select (page, "cv.khoa"));
  for (guint i = 0; i < mc_accounts_page_get_n_accounts (page); i++)
    if (g_str_equal (mc_accounts_page_get_account (page, i)->username, "cv.khoa"))
      {
        g_autofree char *state = mc_accounts_page_state_text (mc_accounts_page_get_account (page, i));
        const char *format = g_dgettext (GETTEXT_PACKAGE, "Locked until %s");
        g_assert_cmpint (strncmp (state, format, strstr (format, "%s") - format), ==, 0);
      }
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.unlock", NULL);
  g_assert_cmpint (accounts_int ("SELECT failed_logins + coalesce (locked_until, 0) FROM staff "
                                 "WHERE username = 'cv.khoa'"), ==, 0);
  wait_for_idle ();
}

static gboolean
audit_lists (McAuditPage *page, const char *action, const char *object_label, const char *username)
{
  for (guint i = 0; i < mc_audit_page_get_n_entries (page); i++)
    {
      const McAuditEntry *e = mc_audit_page_get_entry (page, i);
      if (g_strcmp0 (e->action, action) == 0 && g_strcmp0 (e->object_label, object_label) == 0 &&
          g_strcmp0 (e->username, username) == 0)
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
  /* The account the administrator created after signing in, under their name. */
  mc_audit_page_set_filter (page, "admin", NULL, today - 1, today);
  g_assert_cmpuint (mc_audit_page_get_n_entries (page), >, 0);
  g_assert_true (audit_lists (page, "staff.insert", "tn.mai", "admin"));
  g_assert_cmpstr (mc_audit_page_get_entry (page, 0)->full_name, ==, "Nguyễn Quản Trị");
  g_assert_cmpstr (mc_audit_action_to_label ("staff.insert"), ==, g_dgettext (GETTEXT_PACKAGE, "Account created"));
  g_assert_cmpstr (mc_audit_action_to_label ("dossier.insert"), ==, g_dgettext (GETTEXT_PACKAGE, "Dossier received"));
  /* Newest first. */
  for (guint i = 1; i < mc_audit_page_get_n_entries (page); i++)
    g_assert_cmpint (mc_audit_page_get_entry (page, i - 1)->id, >, mc_audit_page_get_entry (page, i)->id);
  /* Another person, a later day, a dossier code: not these rows. */
  mc_audit_page_set_filter (page, "tn.mai", NULL, 0, 0);
  g_assert_false (audit_lists (page, "staff.insert", "tn.mai", "admin"));
  mc_audit_page_set_filter (page, NULL, NULL, today + 2, 0);
  g_assert_cmpuint (mc_audit_page_get_n_entries (page), ==, 0);
  mc_audit_page_set_filter (page, NULL, "000.00.06.H56-261123-0001", 0, 0);
  g_assert_cmpuint (mc_audit_page_get_n_entries (page), ==, 0);
  mc_audit_page_set_filter (page, NULL, NULL, 0, 0);
  g_assert_true (audit_lists (page, "staff.insert", "cv.khoa", "admin"));

  gtk_widget_activate_action (GTK_WIDGET (page), "audit.verify", NULL);
  n_rows = accounts_int ("SELECT count (*) FROM audit_log");
  number = mc_format_count (n_rows);
  intact = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The log is intact: %s row checked, none edited or deleted",
                                         "The log is intact: %s rows checked, none edited or deleted", n_rows), number);
  g_assert_cmpint (n_rows, >, 0);
  g_assert_cmpstr (mc_audit_page_get_verify_message (page), ==, intact);
  g_assert_true (mc_audit_page_verify (page));

  /* A row edited behind the application's back is found, by its number. */
  g_assert_true (mc_db_exec (mc_application_get_db (accounts_app),
                             "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'sửa' WHERE id = 2",
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
  wait_for_idle ();
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
  const McReportDoc *doc = mc_report_page_get_doc (page);
  const McReportDocTable *t;

  g_assert_nonnull (doc);
  t = doc->tables->pdata[table];
  for (guint r = 0; r < t->rows->len; r++)
    if (g_strcmp0 (((McReportDocRow *) t->rows->pdata[r])->cells[1], name) == 0)
      return r;
  g_assert_not_reached ();
}

static void
assert_list_of_cell (McReportPage *page, guint row, guint column, guint expected)
{
  GtkWidget *button;
  GtkWindow *list;

  wait_for_idle ();
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
report_page_on_seed (GtkWindow **report_window)
{
  g_autofree char *path = mc_test_tmp_path ("report.sqlite");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "report-06a-seed002.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  McReportPage *page;
  gsize length = 0;
  guint n = 0;

  report_app = g_object_new (MC_TYPE_APPLICATION, "application-id", "vn.motcua.Motcua.ReportTest",
                             "flags", G_APPLICATION_NON_UNIQUE, "resource-base-path", "/vn/motcua/Motcua", NULL);
  g_assert_true (g_application_register (G_APPLICATION (report_app), NULL, &error));
  g_assert_true (mc_application_open_db (report_app, path, &error));
  g_assert_no_error (error);
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

static void
test_report_page (void)
{
  GtkWindow *report_window = NULL;
  McReportPage *page = report_page_on_seed (&report_window);
  g_autofree char *txt = mc_test_tmp_path ("narrative.txt");
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
  g_assert_cmpint (mc_report_page_get_doc (page)->kind, ==, MC_REPORT_DOC_06A);
  /* Hộ tịch: (3) 54 received, (4) 53 online, (6) 1 from the previous period, (8) 41 early. */
  row = report_row (page, 0, "Hộ tịch");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 2), ==, "54");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 3), ==, "53");
  g_assert_cmpstr (mc_report_page_get_cell_text (page, 0, row, 7), ==, "41");
  assert_list_of_cell (page, row, 2, 54);
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
  g_assert_cmpint (mc_report_page_get_doc (page)->kind, ==, MC_REPORT_DOC_PUBLIC);
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
    g_autoptr(GPtrArray) codes = mc_report_doc_items (mc_application_get_db (report_app), mc_report_page_get_doc (page),
                                                      0, row, 2, &procedures, &error);
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

  /* Other dates, the last before the first: refused, nothing to export. */
  mc_report_page_set_report (page, MC_REPORT_PAGE_06A);
  mc_report_page_set_custom_period (page, mc_test_date ("2024-03-14"), mc_test_date ("2024-01-01"));
  g_assert_nonnull (mc_report_page_get_error (page));
  g_assert_null (mc_report_page_get_doc (page));
  g_assert_false (mc_report_page_export (page, "csv", txt, &error));
  g_assert_nonnull (error);

  gtk_window_destroy (report_window);
  wait_for_idle ();
  g_clear_object (&report_app);
}

/* Review under Xvfb: what a clerk met walking the app. */

static char *
review_receive (const char *name, const char *id_number)
{
  McReceptionPage *reception = MC_RECEPTION_PAGE (mc_window_get_page_widget (window, "reception"));
  g_autoptr(GError) error = NULL;
  char *code;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  mc_reception_page_choose_procedure (reception, "1.001193");
  mc_reception_page_set_applicant (reception, name, id_number, "0912345679");
  code = mc_reception_page_save (reception, &error);
  g_assert_no_error (error);
  return code;
}

/* A dossier received at the counter is in Danh sách hồ sơ when the clerk goes there next. */
static void
test_review_dossier_list_refresh (void)
{
  McDossierPage *page = MC_DOSSIER_PAGE (mc_window_get_page_widget (window, "dossiers"));
  GListModel *list = G_LIST_MODEL (mc_dossier_page_get_list (page));
  g_autofree char *code = NULL;
  guint before;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dossiers");
  wait_for_idle ();
  before = g_list_model_get_n_items (list);
  code = review_receive ("Trịnh Văn Hậu", "001089000654");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dossiers");
  wait_for_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, before + 1);
}

/* At 1280 pixels, the sidebar and every column of the dossier list fit: State is not cut off. */
static void
test_review_dossier_list_width (void)
{
  McDossierPage *page = MC_DOSSIER_PAGE (mc_window_get_page_widget (window, "dossiers"));
  int view = 0, sidebar = 0;

  gtk_widget_measure (GTK_WIDGET (mc_dossier_page_get_view (page)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &view, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (mc_window_get_sidebar (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &sidebar, NULL, NULL, NULL);
  g_assert_cmpint (sidebar + 24 + view, <=, 1280);
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
  wait_for_idle ();
  g_assert_cmpint (inbox_dossier_int (code, "current_step"), ==, 2);
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
  dialog = mc_action_dialog_new (app, MC_ACTION_SEND_EXTERNAL, find_item (page, code));
  search = find_search_entry (GTK_WIDGET (dialog));
  g_assert_nonnull (search);
  g_object_get (search, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, g_dgettext (GETTEXT_PACKAGE, "Find an agency"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  db = mc_test_tmp_path ("ui.sqlite");
  app = mc_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  if (!mc_application_open_db (app, db, &error))
    g_error ("%s", error->message);
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_test_add_func ("/ui/switch-pages", test_switch_pages);
  g_test_add_func ("/ui/catalog-search", test_catalog_search);
  g_test_add_func ("/ui/calendar-page", test_calendar_page);
  g_test_add_func ("/ui/editor", test_editor);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/reception", test_reception);
  g_test_add_func ("/ui/dossier-page", test_dossier_page);
  g_test_add_func ("/ui/scanner", test_scanner);
  g_test_add_func ("/ui/inbox-page", test_inbox_page);
  g_test_add_func ("/ui/render", test_render);
  g_test_add_func ("/ui/return-page", test_return_page);
  g_test_add_func ("/ui/apology-page", test_apology_page);
  g_test_add_func ("/ui/dossier-page-sort", test_dossier_page_sort);
  g_test_add_func ("/ui/accounts/first-run", test_accounts_first_run);
  g_test_add_func ("/ui/accounts/page-add", test_accounts_page_add);
  g_test_add_func ("/ui/accounts/sign-in", test_accounts_sign_in);
  g_test_add_func ("/ui/accounts/lockout", test_accounts_lockout);
  g_test_add_func ("/ui/accounts/audit-page", test_accounts_audit_page);
  g_test_add_func ("/ui/report-page", test_report_page);
  g_test_add_func ("/ui/review/dossier-list-refresh", test_review_dossier_list_refresh);
  g_test_add_func ("/ui/review/dossier-list-width", test_review_dossier_list_width);
  g_test_add_func ("/ui/review/inbox-focus", test_review_inbox_focus);
  g_test_add_func ("/ui/review/agency-search", test_review_agency_search);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
