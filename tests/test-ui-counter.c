/* test-ui-counter.c — Tiếp nhận at the keyboard: the procedure Enter picks,
 * focus and Nhập mới, the documents checklist
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "mc-date-entry.h"
#include "mc-dossier-store.h"
#include "mc-output-file.h"
#include "mc-queue-bar.h"
#include "mc-return-page.h"
#include "mc-records-print.h"
#include "mc-reception-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

static McReceptionPage *
reception (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  return MC_RECEPTION_PAGE (mc_window_get_page_widget (window, "reception"));
}

static GtkEditable *
search_entry (McReceptionPage *page)
{
  return GTK_EDITABLE (mc_test_ui_find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, 0));
}

/* What the keyboard does, with no main loop turn between keys: each key
 * inserts its text at the cursor, Return activates the entry's text. */
static void
type_and_enter (GtkEditable *entry, const char *text)
{
  gtk_editable_set_text (entry, "");
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (entry);
      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, position);
    }
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
}

static const char *
first_match (McReceptionPage *page)
{
  GtkWidget *list = gtk_widget_get_next_sibling (GTK_WIDGET (search_entry (page)));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  McProcedure *p = row ? g_object_get_data (G_OBJECT (row), "procedure") : NULL;

  return p ? mc_procedure_get_code (p) : NULL;
}

static void
receive_as (McReceptionPage *page, const char *procedure, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  mc_reception_page_choose_procedure (page, procedure);
  mc_reception_page_set_applicant (page, name, "038190012399", "0912345678");
  code = mc_reception_page_save (page, &error);
  g_assert_no_error (error);
}

/* Typed then Enter at once: the best match for the whole text, even when
 * the counter's usual procedure is a longer "khai sinh lưu động" and the
 * list on screen has not caught up with the keys. */
static void
test_enter_picks_best_match (void)
{
  McReceptionPage *page = reception ();
  GtkEditable *search = search_entry (page);

  /* "Đăng ký khai sinh lưu động" and "Chứng thực di chúc" are this counter's usual ones. */
  for (int i = 0; i < 3; i++)
    receive_as (page, "1.003583", "Lò Văn Động");
  receive_as (page, "2.001019", "Hà Thị Chúc");
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
  mc_test_ui_wait_for_idle ();
  /* Nothing typed: the counter's usual procedures, most used first. */
  g_assert_cmpstr (first_match (page), ==, "1.003583");

  type_and_enter (search, "khai sinh");
  g_assert_cmpstr (mc_reception_page_get_procedure (page), ==, "1.001193");
  /* The list Tab and Down walk is the one for the text typed, best first. */
  g_assert_cmpstr (first_match (page), ==, "1.001193");
  type_and_enter (search, "dang ky khai sinh luu dong");
  g_assert_cmpstr (mc_reception_page_get_procedure (page), ==, "1.003583");
  type_and_enter (search, "1.004884");
  g_assert_cmpstr (mc_reception_page_get_procedure (page), ==, "1.004884");
  g_assert_cmpstr (first_match (page), ==, "1.004884");
  /* The search entry's own delayed signal, arriving later, changes nothing. */
  type_and_enter (search, "khai sinh");
  for (int i = 0; i < 5; i++)
    {
      g_usleep (60000);
      mc_test_ui_wait_for_idle ();
    }
  g_assert_cmpstr (mc_reception_page_get_procedure (page), ==, "1.001193");
  g_assert_cmpstr (first_match (page), ==, "1.001193");
}

static gboolean
focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkEventController *
escape_controller (GtkWidget *page)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        return c;
    }
  return NULL;
}

static gboolean
press_escape (GtkEventController *keys)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 9, 0, &handled);
  return handled;
}

/* The keyboard is in the procedure search when the page opens and after
 * each dossier; Ctrl+N (reception.new) and Esc Esc drop a half-filled form. */
static void
test_focus_and_new_form (void)
{
  McReceptionPage *page = reception ();
  GtkEditable *search = search_entry (page);
  AdwPreferencesRow *name = mc_test_ui_find_row (GTK_WIDGET (page), "Full name (or the organisation’s name)");
  GtkEventController *keys = escape_controller (GTK_WIDGET (page));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "catalog");
  mc_test_ui_wait_for_idle ();
  reception ();
  mc_test_ui_wait_for_idle ();
  g_assert_true (focus_in (GTK_WIDGET (search)));

  receive_as (page, "1.001193", "Đinh Thị Lụa");
  gtk_widget_grab_focus (GTK_WIDGET (name));
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, "Đinh Thị Lụa", "038190012399", "0912345678");
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.save", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_null (mc_reception_page_get_procedure (page));
  g_assert_true (focus_in (GTK_WIDGET (search)));

  /* Half filled, then Nhập mới. */
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, "Nửa Chừng", "0381", "");
  gtk_widget_grab_focus (GTK_WIDGET (name));
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
  g_assert_null (mc_reception_page_get_procedure (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");
  g_assert_true (focus_in (GTK_WIDGET (search)));

  g_assert_nonnull (keys);
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, "Nửa Chừng", "0381", "");
  g_assert_false (press_escape (keys));  /* one Esc: the search entry's own */
  g_assert_nonnull (mc_reception_page_get_procedure (page));
  g_assert_true (press_escape (keys));
  g_assert_null (mc_reception_page_get_procedure (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");
}

static gboolean
row_checked (McReceptionPage *page, const char *title, const char **subtitle)
{
  AdwPreferencesRow *row = mc_test_ui_find_row (GTK_WIDGET (page), title);

  g_assert_nonnull (row);
  *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check"));
}

static char *
last_online_level (void)
{
  McDb *db = mc_application_get_db (app);
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT coalesce (online_level, '-') FROM dossier "
                                          "ORDER BY id DESC LIMIT 1", NULL);
  char *level = NULL;

  if (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    level = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return level;
}

/* Issue 13 item 11: the level row shows for an online dossier only, starts
 * at the procedure's level (toàn trình here), and what the clerk picks is
 * what is saved. */
static void
test_online_level (void)
{
  McReceptionPage *page = reception ();
  GtkDropDown *channel = GTK_DROP_DOWN (mc_test_ui_find_named (GTK_WIDGET (page), "channel"));
  AdwComboRow *level = ADW_COMBO_ROW (mc_test_ui_find_named (GTK_WIDGET (page), "online-level"));
  g_autoptr(GError) error = NULL;
  static const char *const expected[] = { "full", "partial", "-" };
  McSqlStmt *stmt = mc_db_prepare (mc_application_get_db (app), "SELECT code FROM procedure WHERE active <> 0 "
                                      "AND online_level = 'full' ORDER BY code LIMIT 1", NULL);
  g_autofree char *full = NULL;

  /* A procedure of the built-in catalog given toàn trình. */
  g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
  full = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *code = NULL, *stored = NULL;

      gtk_drop_down_set_selected (channel, i < 2 ? MC_CHANNEL_TRUC_TUYEN : MC_CHANNEL_TRUC_TIEP);
      mc_reception_page_choose_procedure (page, full);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (level)) == (i < 2));
      g_assert_cmpuint (adw_combo_row_get_selected (level), ==, 1);
      if (i == 1)
        adw_combo_row_set_selected (level, 0);
      mc_reception_page_set_applicant (page, "Đoàn Văn Trực", "038190012399", "0912345678");
      code = mc_reception_page_save (page, &error);
      g_assert_no_error (error);
      stored = last_online_level ();
      g_assert_cmpstr (stored, ==, expected[i]);
    }
  gtk_drop_down_set_selected (channel, MC_CHANNEL_TRUC_TIEP);
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
}

/* Documents the law asks for only in some cases are not ticked in advance;
 * the counts say "1 original", not "1 original, 0 copies". */
static void
test_documents_checklist (void)
{
  McReceptionPage *page = reception ();
  const char *subtitle = NULL;

  mc_reception_page_choose_procedure (page, "1.001193");
  g_assert_true (row_checked (page, "Tờ khai đăng ký khai sinh theo mẫu", &subtitle));
  g_assert_cmpstr (subtitle, ==, "1 original");
  g_assert_false (row_checked (page, "Văn bản ủy quyền (nếu nộp thay)", &subtitle));
  mc_reception_page_choose_procedure (page, "1.004884");
  g_assert_true (row_checked (page, "Bản sao Giấy khai sinh hoặc giấy tờ có thông tin khai sinh", &subtitle));
  g_assert_cmpstr (subtitle, ==, "1 copy");
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
}

static gint64
count_dossiers (void)
{
  return mc_db_query_int (mc_application_get_db (app), "SELECT count(*) FROM dossier", NULL);
}

static char *
last_birth_date (void)
{
  g_autoptr(McDossierStore) store = NULL;
  gint64 id = mc_db_query_int (mc_application_get_db (app), "SELECT max(id) FROM dossier", NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT CAST(replace(applicant_birth_date, '-', '') AS INTEGER) "
                                          "FROM dossier WHERE id = %" G_GINT64_FORMAT, id);

  return g_strdup_printf ("%" G_GINT64_FORMAT, mc_db_query_int (mc_application_get_db (app), sql, NULL));
}

static const char *CARD = "038190012345|123456789|Nguyễn Thị Lan Anh|15031990|Nữ|"
                          "Thôn 2, xã Hoằng Quỳ, huyện Hoằng Hóa, Thanh Hóa|20042021";

static const char *
row_text (McReceptionPage *page, const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (mc_test_ui_find_row (GTK_WIDGET (page), title)));
}

/* The card's QR read by the counter's scanner, with the keyboard in the
 * procedure search (or anywhere on the page): the applicant is filled in,
 * the field that had the focus keeps its text, no key reached a widget. */
static void
test_id_card_scan (void)
{
  McReceptionPage *page = reception ();
  GtkEditable *search = search_entry (page);
  McDateEntry *birth = MC_DATE_ENTRY (mc_test_ui_find_type (GTK_WIDGET (page), MC_TYPE_DATE_ENTRY, 0));
  guint32 end = 1000 + 5 * g_utf8_strlen (CARD, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL, *stored = NULL;
  McDate date;

  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
  type_and_enter (search, "khai sinh");
  gtk_editable_set_text (search, "khai sinh");
  gtk_widget_grab_focus (GTK_WIDGET (search));
  mc_test_ui_feed (window, CARD, 1000, 5);
  g_assert_true (mc_window_feed_key (window, GDK_KEY_Return, end));
  g_assert_cmpstr (row_text (page, "Full name (or the organisation’s name)"), ==, "Nguyễn Thị Lan Anh");
  g_assert_cmpstr (row_text (page, "Personal ID number (12 digits) or tax code"), ==, "038190012345");
  g_assert_cmpstr (row_text (page, "Address"), ==, "Thôn 2, xã Hoằng Quỳ, huyện Hoằng Hóa, Thanh Hóa");
  g_assert_cmpint (mc_date_entry_read_date (birth, &date), ==, MC_DATE_ENTRY_VALID);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "15/03/1990");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "khai sinh");
  g_assert_cmpstr (mc_reception_page_get_procedure (page), ==, "1.001193");
  mc_reception_page_set_applicant (page, "Nguyễn Thị Lan Anh", "038190012345", "0912345678");
  code = mc_reception_page_save (page, &error);
  g_assert_no_error (error);
  stored = last_birth_date ();
  g_assert_cmpstr (stored, ==, "19900315");

  /* A scanner that sends no Enter: the code ends with its last key. */
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
  mc_test_ui_feed (window, "001089000654||Trịnh Văn Hậu|01011989|Nam|Hà Nội|10072022", 20000, 4);
  g_assert_cmpstr (row_text (page, "Full name (or the organisation’s name)"), ==, "");
  for (int i = 0; i < 10 && *row_text (page, "Address") == '\0'; i++)
    {
      g_usleep (50000);
      mc_test_ui_wait_for_idle ();
    }
  g_assert_cmpstr (row_text (page, "Full name (or the organisation’s name)"), ==, "Trịnh Văn Hậu");
  g_assert_cmpstr (row_text (page, "Address"), ==, "Hà Nội");

  /* The same text typed by a person fills nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
  mc_test_ui_feed (window, CARD, 40000, 150);
  g_assert_false (mc_window_feed_key (window, GDK_KEY_Return, 40000 + 150 * g_utf8_strlen (CARD, -1)));
  g_assert_cmpstr (row_text (page, "Full name (or the organisation’s name)"), ==, "");
}

/* Dates typed as printed on the CCCD; a bad one is marked on its own field
 * and nothing is saved. */
static void
test_dates (void)
{
  McReceptionPage *page = reception ();
  McDateEntry *birth = MC_DATE_ENTRY (mc_test_ui_find_type (GTK_WIDGET (page), MC_TYPE_DATE_ENTRY, 0));
  AdwActionRow *birth_row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (birth), ADW_TYPE_ACTION_ROW));
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL, *stored = NULL;
  gint64 before;

  gtk_widget_activate_action (GTK_WIDGET (page), "reception.new", NULL);
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, "Lê Văn Tám", "038190012345", "0912345678");
  before = count_dossiers ();
  gtk_editable_set_text (GTK_EDITABLE (birth), "31/2/1990");
  g_assert_null (mc_reception_page_save (page, &error));
  g_assert_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_dossiers (), ==, before);
  g_assert_nonnull (mc_date_entry_get_message (birth));
  g_assert_cmpstr (adw_action_row_get_subtitle (birth_row), ==, mc_date_entry_get_message (birth));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (birth), "error"));

  gtk_editable_set_text (GTK_EDITABLE (birth), "1/1/27");  /* 1927: a birth date is not ahead */
  g_assert_null (mc_date_entry_get_message (birth));
  g_assert_cmpstr (adw_action_row_get_subtitle (birth_row), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (birth), "24/11/2026");  /* tomorrow */
  g_assert_null (mc_reception_page_save (page, &error));
  g_clear_error (&error);
  g_assert_cmpint (count_dossiers (), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (birth), "5/3/90");
  code = mc_reception_page_save (page, &error);
  g_assert_no_error (error);
  stored = last_birth_date ();
  g_assert_cmpstr (stored, ==, "19900305");
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The PDFs "Print to File" wrote into `folder`. */
static guint
count_pdfs (const char *folder, char **first)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      {
        if (first != NULL && n == 0)
          *first = g_build_filename (folder, name, NULL);
        n++;
      }
  return n;
}

static gboolean
is_pdf (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &data, &length, NULL) && length > 1000 && g_str_has_prefix (data, "%PDF");
}

/* The print dialog, answered as a clerk does the first time: the printer
 * GTK offers (here "Print to File"), then Print. */
static gboolean
answer_print_dialog_cb (gpointer data)
{
  GListModel *windows = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (windows, i);
      GtkPrintUnixDialog *dialog = GTK_IS_PRINT_UNIX_DIALOG (w) ? GTK_PRINT_UNIX_DIALOG (w) : NULL;

      if (dialog != NULL && gtk_print_unix_dialog_get_selected_printer (dialog) != NULL)
        {
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_dialog_response (GTK_DIALOG (w), GTK_RESPONSE_OK);
          G_GNUC_END_IGNORE_DEPRECATIONS
          *(guint *) data = 0;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
receive_and_print (McReceptionPage *page, const char *name)
{
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, name, "038190012345", "0912345678");
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.save-print", NULL);
  mc_test_ui_wait_for_idle ();
}

static gboolean
no_print_dialog_cb (gpointer data)
{
  GListModel *windows = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (windows, i);
      g_assert_false (GTK_IS_PRINT_UNIX_DIALOG (w));
    }
  return G_SOURCE_CONTINUE;
}

static void
empty_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_remove (path);
    }
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static int
one_page_cb (gconstpointer data, double width, double height)
{
  return 1;
}

static void
draw_nothing_cb (cairo_t *cr, gconstpointer data, int page, double width, double height)
{
}

/* GTK's own question before it replaces a file, answered Replace as a clerk
 * who did not look would. */
static gboolean
answer_replace_cb (gpointer data)
{
  GListModel *windows = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (windows, i);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          gtk_dialog_response (GTK_DIALOG (w), GTK_RESPONSE_ACCEPT);
          *(guint *) data = 0;
          return G_SOURCE_REMOVE;
        }
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return G_SOURCE_CONTINUE;
}

/* "Print to File" over the database (here through a link named like the
 * document, in the print folder) is refused, with and without the dialog,
 * and the database stays whole. */
static void
print_over_database (void)
{
  GSettings *settings = mc_application_get_settings (app);
  McDb *db = mc_application_get_db (app);
  g_autofree char *folder = g_dir_make_tmp ("motcua-print-XXXXXX", NULL);
  g_autofree char *victim = g_build_filename (folder, "victim.pdf", NULL);
  g_autoptr(GtkPrintSettings) to_file = gtk_print_settings_new ();
  gint64 dossiers = mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL);

  g_assert_cmpint (symlink (mc_db_get_path (db), victim), ==, 0);
  gtk_print_settings_set_printer (to_file, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set_bool (to_file, "motcua-to-file", TRUE);
  g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (to_file));
  g_settings_set_string (settings, "print-folder", folder);
  for (int direct = 1; direct >= 0; direct--)
    {
      g_autoptr(GError) error = NULL;
      guint answer = direct ? 0 : g_timeout_add (50, answer_print_dialog_cb, &answer);
      guint replace = direct ? 0 : g_timeout_add (50, answer_replace_cb, &replace);

      g_assert_cmpint (mc_records_print_run (GTK_WINDOW (window), "victim", NULL, NULL, one_page_cb,
                                             draw_nothing_cb, direct, &error), ==,
                       GTK_PRINT_OPERATION_RESULT_ERROR);
      g_assert_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_PROTECTED);
      g_assert_cmpuint (answer, ==, 0);
      g_assert_cmpuint (replace, ==, 0);  /* GTK asked, and was told to replace */
      mc_test_ui_wait_for_idle ();
    }
  g_assert_true (g_file_test (victim, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_pdfs (folder, NULL), ==, 1);  /* the link alone */
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, dossiers);
  g_remove (victim);
  g_rmdir (folder);
}

static void
test_print_over_database (void)
{
  if (mc_test_sqlite_only ("a server's database has no file here to print over"))
    return;
  print_over_database ();
}

/* Printed through the dialog, the printer chosen there is kept in GSettings
 * (without the file name); with the preference, the next receipts print
 * straight to it — "Print to File" into a PDF named after the dossier in
 * the print folder, not "output.pdf" in the working folder; the toast
 * offers In lại, and Ctrl+P (reception.reprint) prints the last receipt. */
static void
test_receipt_printing (void)
{
  McReceptionPage *page = reception ();
  GSettings *settings = mc_application_get_settings (app);
  g_autofree char *folder = g_dir_make_tmp ("motcua-print-XXXXXX", NULL);
  g_autofree char *pdf = NULL;
  g_autoptr(GtkPrintSettings) before = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) remembered = NULL;
  g_autoptr(GVariant) saved = NULL;
  guint answer, guard;

  gtk_print_settings_set_printer (before, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (before, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///nonexistent/x.pdf");
  g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (before));
  g_settings_set_string (settings, "print-folder", folder);
  g_settings_set_boolean (settings, "print-receipts-directly", FALSE);
  answer = g_timeout_add (50, answer_print_dialog_cb, &answer);
  receive_and_print (page, "Hồ Thị In");
  g_assert_cmpuint (answer, ==, 0);  /* the dialog was there, and answered */
  g_assert_cmpuint (count_pdfs (folder, &pdf), ==, 1);
  g_assert_true (is_pdf (pdf));
  g_assert_cmpint (mode_of (pdf), ==, 0600);  /* an ID number and a phone */
  g_assert_true (g_str_has_suffix (pdf, "-0001.pdf") || g_str_has_suffix (pdf, ".pdf"));
  g_assert_false (g_file_test ("output.pdf", G_FILE_TEST_EXISTS));
  saved = g_settings_get_value (settings, "print-settings");
  remembered = gtk_print_settings_new_from_gvariant (saved);
  g_assert_cmpstr (gtk_print_settings_get_printer (remembered), ==, g_dgettext ("gtk40", "Print to File"));
  g_assert_null (gtk_print_settings_get (remembered, GTK_PRINT_SETTINGS_OUTPUT_URI));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Print _again"));

  /* From now on no dialog: one would fail the test. */
  g_settings_set_boolean (settings, "print-receipts-directly", TRUE);
  guard = g_timeout_add (20, no_print_dialog_cb, NULL);
  empty_folder (folder);
  receive_and_print (page, "Hồ Văn Thẳng");
  g_assert_cmpuint (count_pdfs (folder, NULL), ==, 1);

  /* Ctrl+P: the last receipt again. */
  empty_folder (folder);
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.reprint", NULL);
  g_clear_pointer (&pdf, g_free);
  g_assert_cmpuint (count_pdfs (folder, &pdf), ==, 1);
  g_assert_true (is_pdf (pdf));
  g_assert_cmpint (mode_of (pdf), ==, 0600);
  g_source_remove (guard);
  empty_folder (folder);
  g_rmdir (folder);
}

/* Service A and counter 9 calling it, made once for the queue's tests. */
static void
ensure_counter_9 (McQueue *queue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueService) service = mc_queue_find_service (queue, "A", NULL);
  g_autoptr(McQueueCounter) counter = mc_queue_find_counter (queue, 9, NULL);

  if (service == NULL)
    service = mc_queue_add_service (queue, "Hộ tịch – Chứng thực", "A", 1, 999, &error);
  g_assert_no_error (error);
  if (counter == NULL)
    counter = mc_queue_add_counter (queue, 9, "Quầy 9", &service->id, 1, &error);
  g_assert_no_error (error);
}

/* A dossier received while the clerk serves a ticket at their counter is
 * linked to it (issue 18): the ticket becomes served, the dossier records
 * its number and its wait. */
static void
test_queue_link (void)
{
  McReceptionPage *page = reception ();
  McDb *db = mc_application_get_db (app);
  g_autoptr(McQueue) queue = mc_queue_new (db);
  g_autoptr(McQueueService) service = NULL;
  g_autoptr(McQueueTicket) ticket = NULL, called = NULL, served = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  gint64 actor = mc_db_get_actor (db), clerk = actor;
  McTime now = mc_time_now ();

  if (clerk == 0)
    {
      mc_db_exec (db, "INSERT INTO staff (username, full_name, roles, created_at) "
                      "VALUES ('tn.queue', 'Lê Thị Quầy', 'tiep_nhan', 0)", &error);
      g_assert_no_error (error);
      clerk = mc_db_lookup_id (db, "staff", "username", "tn.queue", &error);
    }
  ensure_counter_9 (queue);
  service = mc_queue_find_service (queue, "A", &error);
  g_assert_no_error (error);
  mc_db_set_actor (db, clerk);
  ticket = mc_queue_take (queue, service->id, MC_QUEUE_PRIORITY_NONE, now - 600, &error);
  called = mc_queue_call_next (queue, 9, now - 60, &error);
  g_assert_no_error (error);
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, "Lâm Thị Số", "038190012399", "0912345678");
  code = mc_reception_page_save (page, &error);
  g_assert_no_error (error);
  links = mc_queue_dossier_links (queue, code, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((McQueueDossierLink *) links->pdata[0])->label, ==, mc_queue_ticket_get_label (ticket));
  g_assert_cmpint (((McQueueDossierLink *) links->pdata[0])->kind, ==, MC_QUEUE_LINK_RECEIVE);
  g_assert_cmpint (((McQueueDossierLink *) links->pdata[0])->wait_seconds, ==, 540);
  served = mc_queue_current (queue, 9, now, &error);
  g_assert_cmpint (mc_queue_ticket_get_state (served), ==, MC_QUEUE_STATE_SERVING);
  mc_db_set_actor (db, actor);
}

static const char *
bar_text (McQueueBar *bar, guint n)
{
  return gtk_label_get_text (GTK_LABEL (mc_test_ui_find_type (GTK_WIDGET (bar), GTK_TYPE_LABEL, n)));
}

/* The counter's bar (issue 18): hidden until the computer is given a
 * counter; F12's action calls the next number, then again, absent; the
 * same bar on Trả kết quả. */
static void
test_queue_bar (void)
{
  McReceptionPage *page = reception ();
  McDb *db = mc_application_get_db (app);
  GSettings *settings = mc_application_get_settings (app);
  g_autoptr(McQueue) queue = mc_queue_new (db);
  g_autoptr(McQueueService) service = NULL;
  g_autoptr(McQueueTicket) first = NULL, second = NULL, last = NULL;
  g_autoptr(GError) error = NULL;
  McQueueBar *bar = MC_QUEUE_BAR (mc_test_ui_find_type (GTK_WIDGET (page), MC_TYPE_QUEUE_BAR, 0));
  GtkWidget *results;

  ensure_counter_9 (queue);
  g_assert_nonnull (bar);
  g_settings_set_int (settings, "queue-counter", 0);
  mc_queue_bar_reload (bar);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  service = mc_queue_find_service (queue, "A", &error);
  /* Whatever an earlier test left at counter 9 is finished by the first call. */
  first = mc_queue_take (queue, service->id, MC_QUEUE_PRIORITY_NONE, mc_time_now (), &error);
  second = mc_queue_take (queue, service->id, MC_QUEUE_PRIORITY_NONE, mc_time_now (), &error);
  g_assert_no_error (error);
  g_settings_set_int (settings, "queue-counter", 9);  /* the bar follows the setting */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  {
    g_autofree char *counter_9 = g_strdup_printf (_("Counter %d"), 9);

    g_assert_cmpstr (bar_text (bar, 0), ==, counter_9);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "queue.call-next", NULL));
  g_assert_cmpstr (mc_queue_ticket_get_label (mc_queue_bar_get_current (bar)), ==, mc_queue_ticket_get_label (first));
  g_assert_cmpstr (bar_text (bar, 1), ==, mc_queue_ticket_get_label (first));
  g_assert_cmpstr (bar_text (bar, 2), ==, mc_queue_state_label (MC_QUEUE_STATE_CALLED));
  g_assert_cmpstr (bar_text (bar, 3), ==, "1 waiting");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "queue.recall", NULL));
  g_assert_cmpint (mc_queue_ticket_get_calls (mc_queue_bar_get_current (bar)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "queue.skip", NULL));
  g_assert_null (mc_queue_bar_get_current (bar));
  g_assert_cmpstr (bar_text (bar, 2), ==, "No number called");
  last = mc_queue_get_ticket (queue, mc_queue_ticket_get_id (first), &error);
  g_assert_cmpint (mc_queue_ticket_get_state (last), ==, MC_QUEUE_STATE_ABSENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "queue.call-next", NULL));
  g_assert_cmpstr (mc_queue_ticket_get_label (mc_queue_bar_get_current (bar)), ==, mc_queue_ticket_get_label (second));
  g_assert_cmpstr (bar_text (bar, 3), ==, "0 waiting");

  /* Trả kết quả has its own, on the same counter. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "return");
  results = mc_window_get_page_widget (window, "return");
  bar = MC_QUEUE_BAR (mc_test_ui_find_type (results, MC_TYPE_QUEUE_BAR, 0));
  g_assert_nonnull (bar);
  g_assert_cmpstr (mc_queue_ticket_get_label (mc_queue_bar_get_current (bar)), ==, mc_queue_ticket_get_label (second));
  g_settings_set_int (settings, "queue-counter", 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
}

/* Issue 17 item 3: the server goes away while the clerk types. The
 * connection is made to look lost (mc_db_simulate_connection_lost: a
 * PostgreSQL server under Xvfb is impractical here; tests/pg/test-pg-live.c
 * kills a real connection), so McDb refuses the write as a lost connection
 * exactly as it does on a server. The banner shows, the save is refused in
 * Vietnamese saying the form is kept, nothing is written, everything typed
 * stays (the words in English: this program runs untranslated); once back, the banner goes, a toast says so, and saving again
 * makes exactly one dossier. */
static void
connection_lost (void)
{
  McReceptionPage *page = reception ();
  McDb *db = mc_application_get_db (app);
  AdwPreferencesRow *name = mc_test_ui_find_row (GTK_WIDGET (page), "Full name (or the organisation’s name)");
  gint64 before = count_dossiers ();

  mc_test_ui_wait_for_idle ();
  g_assert_false (mc_window_is_connection_banner_shown (window));
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, "Giữ Nguyên Dữ Liệu", "038190012399", "0912345678");

  mc_db_simulate_connection_lost (db, TRUE);
  mc_test_ui_wait_for_idle ();
  g_assert_true (mc_window_is_connection_banner_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.save", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpint (count_dossiers (), ==, before);
  g_assert_nonnull (mc_reception_page_get_error (page));
  g_assert_nonnull (strstr (mc_reception_page_get_error (page), "connection to the server is lost"));
  g_assert_nonnull (strstr (mc_reception_page_get_error (page), "What you typed is kept"));
  g_assert_cmpstr (mc_reception_page_get_procedure (page), ==, "1.001193");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Giữ Nguyên Dữ Liệu");

  mc_db_simulate_connection_lost (db, FALSE);
  mc_test_ui_wait_for_idle ();
  g_assert_false (mc_window_is_connection_banner_shown (window));
  g_assert_cmpstr (mc_window_get_last_toast (window), ==, "Connected to the server again");
  /* The reload told on reconnection left the form alone. */
  g_assert_cmpstr (mc_reception_page_get_procedure (page), ==, "1.001193");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Giữ Nguyên Dữ Liệu");
  gtk_widget_activate_action (GTK_WIDGET (page), "reception.save", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpint (count_dossiers (), ==, before + 1);
  g_assert_null (mc_reception_page_get_procedure (page));
}

static void
test_connection_lost (void)
{
  /* On a server the loss told by McDb starts McDbWatch's real reconnection,
   * so the connection is really reset under the page. */
  if (mc_test_sqlite_only ("the loss is simulated; a server's real one: tests/pg/test-pg-live.c /pg-live/reconnect"))
    return;
  connection_lost ();
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new ("vn.motcua.TestCounter", "counter.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  g_test_add_func ("/ui/counter/enter-picks-best-match", test_enter_picks_best_match);
  g_test_add_func ("/ui/counter/focus-and-new-form", test_focus_and_new_form);
  g_test_add_func ("/ui/counter/documents-checklist", test_documents_checklist);
  g_test_add_func ("/ui/counter/online-level", test_online_level);
  g_test_add_func ("/ui/counter/id-card-scan", test_id_card_scan);
  g_test_add_func ("/ui/counter/dates", test_dates);
  g_test_add_func ("/ui/counter/receipt-printing", test_receipt_printing);
  g_test_add_func ("/ui/counter/print-over-database", test_print_over_database);
  g_test_add_func ("/ui/counter/queue-link", test_queue_link);
  g_test_add_func ("/ui/counter/queue-bar", test_queue_bar);
  g_test_add_func ("/ui/counter/connection-lost", test_connection_lost);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
