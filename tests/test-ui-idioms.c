/* test-ui-idioms.c — the UI idioms of the GNOME models: pages tell the window
 * nothing directly (win.toast, badge properties), the page list declared once,
 * the reception page's template, one date entry
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "mc-calendar-page.h"
#include "mc-date-entry.h"
#include "mc-pages.h"
#include "mc-preferences-window.h"
#include "mc-return-page.h"
#include "mc-reception-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

static GtkWidget *
page (const char *name)
{
  return mc_window_get_page_widget (window, name);
}

/* The first widget of `type` under `root` whose label (a button's or a
 * label's) is `label`, or any of that type when `label` is NULL. */
static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0) ||
       (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), label) == 0)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One turn of the main loop: mc_test_ui_wait_for_idle would not return
 * while a toast's animation ticks. */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
turn_once (void)
{
  g_timeout_add_full (G_PRIORITY_LOW, 10, wake_cb, NULL, NULL);
  g_main_context_iteration (NULL, TRUE);
}

static void
wait_ms (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    turn_once ();
}

/* Turns the main loop until a widget as find_widget finds it is there
 * (`present`) or gone, for at most 6 s (a toast queued behind another
 * waits for that one's 5 s); what is found then. */
static GtkWidget *
wait_for (GtkWidget *root, GType type, const char *label, gboolean present)
{
  GtkWidget *found = NULL;
  gint64 give_up = g_get_monotonic_time () + 6 * G_USEC_PER_SEC;

  while (((found = find_widget (root, type, label)) != NULL) != present && g_get_monotonic_time () < give_up)
    turn_once ();
  return found;
}

/* A page activates win.toast; the toast is in the window's overlay. */
static void
test_toast_action (void)
{
  GtkWidget *overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL);

  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (page ("catalog"), "win.toast", "s", "Đã lưu thủ tục"));
  g_assert_cmpstr (mc_window_get_last_toast (window), ==, "Đã lưu thủ tục");
  /* The overlay shows it: its text is in a label inside the overlay. */
  g_assert_nonnull (wait_for (overlay, GTK_TYPE_LABEL, "Đã lưu thủ tục", TRUE));
  /* Outside a main window there is no win.toast: nothing happens, no crash. */
  {
    GtkWidget *lonely = gtk_label_new (NULL);

    g_object_ref_sink (lonely);
    g_assert_false (gtk_widget_activate_action (lonely, "win.toast", "s", "lost"));
    g_object_unref (lonely);
  }
}

/* win.toast-button: the toast's button runs the page's own action
 * (reception.reprint), though the toast is not inside the page. */
static void
test_toast_button_runs_page_action (void)
{
  GtkWidget *overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL);
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  g_assert_true (gtk_widget_activate_action (page ("reception"), "win.toast-button", "(sss)", "Hồ sơ đã nhận",
                                             "In _lại", "reception.reprint"));
  g_assert_cmpstr (mc_window_get_last_toast (window), ==, "Hồ sơ đã nhận");
  /* It replaces the toast above once that one has slid in (600 ms). */
  button = wait_for (overlay, GTK_TYPE_BUTTON, "In _lại", TRUE);
  g_assert_nonnull (button);
  g_assert_null (wait_for (overlay, GTK_TYPE_LABEL, "Đã lưu thủ tục", FALSE));
  /* A person clicks once it has slid in (libadwaita 1.2 uses a freed
   * toast when it is dismissed during its show animation). */
  wait_ms (700);
  /* Nothing was received at this counter yet: the reprint says so. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (mc_window_get_last_toast (window), ==, _("No receipt has been printed at this counter yet"));
}

static char *
badge_text (const char *name)
{
  g_autofree char *alert = NULL;
  char *count = NULL;

  mc_sidebar_get_badge_texts (mc_window_get_sidebar (window), name, &count, &alert);
  return count;
}

/* The return page's n-waiting property, not a call from the page, is what
 * the sidebar's badge shows, shown or not. */
static void
test_return_badge_follows_property (void)
{
  g_autofree char *code = mc_test_ui_receive (window, "Lê Thị Trả", "038190000123", "0912000123");
  /* The clock's seconds from here: strftime is SQLite's alone. */
  g_autofree char *sql = g_strdup_printf ("UPDATE dossier SET state = 'result_ready', "
                                          "finished_at = %" G_GINT64_FORMAT " WHERE code = '%s'",
                                          g_get_real_time () / G_USEC_PER_SEC, code);
  g_autoptr(GError) error = NULL;
  guint before, after = 0;
  gint64 give_up = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  g_object_get (page ("return"), "n-waiting", &before, NULL);
  {
    g_autofree char *text = badge_text ("return");
    g_autofree char *expected = before ? g_strdup_printf ("%u", before) : g_strdup ("");
    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_true (mc_db_exec (mc_application_get_db (app), sql, &error));
  g_assert_no_error (error);
  while (after != before + 1 && g_get_monotonic_time () < give_up)
    {
      mc_test_ui_wait_for_idle ();
      g_object_get (page ("return"), "n-waiting", &after, NULL);
    }
  g_assert_cmpuint (after, ==, before + 1);
  {
    g_autofree char *text = badge_text ("return");
    g_autofree char *expected = g_strdup_printf ("%u", after);
    g_assert_cmpstr (text, ==, expected);
  }
}

/* The inbox exposes its counts as n-waiting and n-overdue; the badges are them. */
static void
test_inbox_badge_follows_property (void)
{
  guint before, waiting = 0, overdue;
  g_autofree char *code = NULL, *count = NULL, *alert = NULL, *expected = NULL;
  gint64 give_up = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  g_object_get (page ("inbox"), "n-waiting", &before, NULL);
  code = mc_test_ui_receive (window, "Trần Văn Chờ", "038190000124", "0912000124");
  while (waiting != before + 1 && g_get_monotonic_time () < give_up)
    {
      mc_test_ui_wait_for_idle ();
      g_object_get (page ("inbox"), "n-waiting", &waiting, "n-overdue", &overdue, NULL);
    }
  g_assert_cmpuint (waiting, ==, before + 1);
  mc_sidebar_get_badge_texts (mc_window_get_sidebar (window), "inbox", &count, &alert);
  expected = g_strdup_printf ("%u", waiting);
  g_assert_cmpstr (count, ==, expected);
  g_free (expected);
  expected = overdue ? g_strdup_printf ("%u", overdue) : g_strdup ("");
  g_assert_cmpstr (alert, ==, expected);
}

/* The page win.show-page is given by the window's shortcut `trigger`. */
static char *
shortcut_target (const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.show-page"))
            return g_variant_dup_string (gtk_shortcut_get_arguments (shortcut), NULL);
        }
    }
  return NULL;
}

/* The keyboard-shortcuts window (GTK 4.8 cannot add its rows from code)
 * names each Ctrl+digit after the page the table gives that digit. */
static void
check_help_overlay (const McPageInfo *pages, guint n)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/vn/motcua/Motcua/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  guint listed = 0, with_digit = 0;

  for (guint i = 0; i < n; i++)
    with_digit += pages[i].accel_digit != 0;
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL, *title = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, "title", &title, NULL);
      for (guint i = 0; accel != NULL && i < n; i++)
        {
          g_autofree char *expected = g_strdup_printf ("<Control>%u", pages[i].accel_digit);

          if (pages[i].accel_digit != 0 && g_str_equal (accel, expected))
            {
              g_assert_cmpstr (title, ==, _(pages[i].title));
              listed++;
            }
        }
    }
  g_assert_cmpuint (listed, ==, with_digit);
}

/* The stack holds the table's pages in its order, titled and with their
 * icons (accounts not enforced: all but Tài khoản and Nhật ký); the start
 * page and Ctrl+digit come from the same table. */
static void
test_page_list (void)
{
  guint n, shown = 0;
  const McPageInfo *pages = mc_pages_get_all (&n);
  g_autoptr(GtkSelectionModel) stack_pages = NULL;
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (page ("dossiers"), GTK_TYPE_STACK));

  stack_pages = gtk_stack_get_pages (stack);
  g_assert_cmpuint (n, ==, 12);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *child = page (pages[i].name);
      g_autoptr(GObject) object = NULL;
      GtkStackPage *stack_page;

      g_assert_true (mc_pages_lookup (pages[i].name) == &pages[i]);
      if (child == NULL)
        {
          g_assert_true (g_str_equal (pages[i].name, "accounts") || g_str_equal (pages[i].name, "audit"));
          continue;
        }
      object = g_list_model_get_item (G_LIST_MODEL (stack_pages), shown++);
      stack_page = GTK_STACK_PAGE (object);
      /* The stack's child is the page's slot (built when first shown). */
      g_assert_true (gtk_stack_page_get_child (stack_page) == gtk_widget_get_parent (child));
      g_assert_cmpstr (gtk_stack_page_get_title (stack_page), ==, _(pages[i].title));
      g_assert_cmpstr (gtk_stack_page_get_icon_name (stack_page), ==, pages[i].icon_name);
      if (pages[i].accel_digit != 0)
        {
          g_autofree char *trigger = g_strdup_printf ("<Control>%u", pages[i].accel_digit);
          g_autofree char *target = shortcut_target (trigger);

          g_assert_cmpstr (target, ==, pages[i].name);
        }
    }
  g_assert_cmpuint (shown, ==, g_list_model_get_n_items (G_LIST_MODEL (stack_pages)));
  check_help_overlay (pages, n);
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_RECEPTION | MC_ROLE_SPECIALIST), ==, "reception");
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_LEADER | MC_ROLE_REPORTING), ==, "inbox");
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_REPORTING), ==, "reports");
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_ADMIN), ==, "accounts");
  g_assert_null (mc_pages_start_page (0));
  g_assert_null (mc_pages_lookup ("nowhere"));
}

static void
set_row (GtkWidget *page_widget, const char *title, const char *text)
{
  AdwPreferencesRow *row = mc_test_ui_find_row (page_widget, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The page built from its template (resources/ui/mc-reception-page.ui)
 * with its application as a construct property receives a dossier end to
 * end as a clerk does it: the procedure typed and Enter, the applicant's
 * rows, a date typed d/m/yy, Ctrl+S's action; the toast names the code. */
static void
test_reception_template (void)
{
  GtkWidget *reception = page ("reception");
  GtkEditable *search = GTK_EDITABLE (find_widget (reception, GTK_TYPE_SEARCH_ENTRY, NULL));
  McDateEntry *birth = MC_DATE_ENTRY (find_widget (reception, MC_TYPE_DATE_ENTRY, NULL));
  GtkDropDown *channel = GTK_DROP_DOWN (find_widget (reception, GTK_TYPE_DROP_DOWN, NULL));
  McApplication *owner = NULL;
  g_autofree char *sql = NULL;
  const char *toast;
  gint64 before, after;

  g_object_get (reception, "application", &owner, NULL);
  g_assert_true (owner == app);
  g_object_unref (owner);
  g_assert_nonnull (search);
  g_assert_nonnull (birth);
  /* The first drop-down is Công dân / Tổ chức, from the template; the channels are core's. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (channel)), ==, 2);
  channel = GTK_DROP_DOWN (mc_test_ui_find_named (reception, "channel"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (channel)), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (channel)), 0), ==,
                   mc_channel_to_label (MC_CHANNEL_TRUC_TIEP));
  before = mc_db_query_int (mc_application_get_db (app), "SELECT count(*) FROM dossier", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  gtk_editable_set_text (search, "1.001193");
  g_signal_emit_by_name (gtk_editable_get_delegate (search), "activate");
  g_assert_cmpstr (mc_reception_page_get_procedure (MC_RECEPTION_PAGE (reception)), ==, "1.001193");
  set_row (reception, _("Full name (or the organisation’s name)"), "Nguyễn Văn Mẫu");
  set_row (reception, _("Personal ID number (12 digits) or tax code"), "038190000125");
  set_row (reception, _("Phone"), "0912000125");
  gtk_editable_set_text (GTK_EDITABLE (birth), "5/3/90");
  g_assert_true (gtk_widget_activate_action (reception, "reception.save", NULL));
  after = mc_db_query_int (mc_application_get_db (app), "SELECT count(*) FROM dossier", NULL);
  g_assert_cmpint (after, ==, before + 1);
  /* The newest dossier is this applicant's, born 05/03/1990, and the toast
   * is "Dossier CODE received" with its code. */
  toast = mc_window_get_last_toast (window);
  sql = g_strdup_printf ("SELECT count(*) FROM dossier WHERE id = (SELECT max(id) FROM dossier) "
                         "AND applicant_name = 'Nguyễn Văn Mẫu' AND applicant_birth_date = '1990-03-05' "
                         "AND replace('%s', code, '%%s') = '%s'", toast, _("Dossier %s received"));
  g_assert_cmpint (mc_db_query_int (mc_application_get_db (app), sql, NULL), ==, 1);
  /* The form is empty again, ready for the next applicant. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mc_test_ui_find_row (reception, _("Phone")))), ==, "");
  g_assert_null (mc_reception_page_get_procedure (MC_RECEPTION_PAGE (reception)));
}

static void
collect_date_entries (GtkWidget *root, GPtrArray *found)
{
  if (MC_IS_DATE_ENTRY (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_date_entries (c, found);
}

/* One date entry reads as a clerk writes, and refuses in Vietnamese. */
static void
check_date_entry (McDateEntry *entry, gboolean every_form)
{
  gboolean with_time;
  McDate date;
  McTime t;

  g_object_get (entry, "with-time", &with_time, NULL);
  if (!with_time)
    {
      const char *good[] = { "5/3/90", "05/03/1990", "5/3/1990", "05-03-1990", "5.3.1990", "05031990", "1990-03-05" };

      /* Each change of the text may make a page filter again: every form on one entry. */
      for (guint i = 0; i < (every_form ? G_N_ELEMENTS (good) : 1); i++)
        {
          gtk_editable_set_text (GTK_EDITABLE (entry), good[i]);
          g_assert_cmpint (mc_date_entry_read_date (entry, &date), ==, MC_DATE_ENTRY_VALID);
          g_assert_cmpint (date, ==, mc_date_from_ymd (1990, 3, 5));
          g_assert_null (mc_date_entry_get_message (entry));
        }
      gtk_editable_set_text (GTK_EDITABLE (entry), "31/2/2024");
      g_assert_cmpint (mc_date_entry_read_date (entry, &date), ==, MC_DATE_ENTRY_INVALID);
      g_assert_cmpstr (mc_date_entry_get_message (entry), ==, _("Write the date as dd/mm/yyyy (or d/m/yy)"));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "5/12/26 10h30");
      g_assert_cmpint (mc_date_entry_read_time (entry, &t), ==, MC_DATE_ENTRY_VALID);
      g_assert_cmpint (t, ==, mc_time_from_local (mc_date_from_ymd (2026, 12, 5), 10 * 60 + 30));
      gtk_editable_set_text (GTK_EDITABLE (entry), "31/2/2026 10:00");
      g_assert_cmpint (mc_date_entry_read_time (entry, &t), ==, MC_DATE_ENTRY_INVALID);
      g_assert_cmpstr (mc_date_entry_get_message (entry), ==, _("Write the day and the time as dd/mm/yyyy hh:mm"));
    }
  /* Marked on the entry itself, and in Vietnamese (the tests run with LANGUAGE=vi). */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "vi"))
    g_assert_true (g_str_has_prefix (mc_date_entry_get_message (entry), "Viết ngày"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_null (mc_date_entry_get_message (entry));
}

/* Every date field of the window's pages and of the preferences (the date a
 * form set starts) is an McDateEntry, and each reads and refuses alike. */
static void
test_date_entries_everywhere (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  McPreferencesWindow *prefs = mc_preferences_window_new (app);
  guint in_window;

  collect_date_entries (GTK_WIDGET (window), entries);
  in_window = entries->len;
  /* Tiếp nhận (birth, later appointment), Danh sách hồ sơ, Sổ xin lỗi, Báo cáo (from, to each). */
  g_assert_cmpuint (in_window, >=, 8);
  collect_date_entries (GTK_WIDGET (prefs), entries);
  g_assert_cmpuint (entries->len, >, in_window);
  for (guint i = 0; i < entries->len; i++)
    check_date_entry (entries->pdata[i], i == 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Lịch làm việc from its template (resources/ui/mc-calendar-page.ui) with
 * its application as a construct property: the month's grid is filled
 * (7 weekday headers, 5 or 6 weeks), Alt+Right's action moves the title on. */
static void
test_calendar_template (void)
{
  GtkWidget *calendar = page ("calendar");
  GtkWidget *grid = find_widget (calendar, GTK_TYPE_GRID, NULL);
  McApplication *owner = NULL;
  guint cells = 0;
  McDate today = mc_time_get_date (mc_time_now ());

  g_object_get (calendar, "application", &owner, NULL);
  g_assert_true (owner == app);
  g_object_unref (owner);
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c; c = gtk_widget_get_next_sibling (c))
    cells++;
  g_assert_true (cells == 7 + 35 || cells == 7 + 42);
  g_assert_nonnull (mc_calendar_page_get_cell (MC_CALENDAR_PAGE (calendar), today));
  g_assert_true (gtk_widget_activate_action (calendar, "calendar.next", NULL));
  g_assert_null (mc_calendar_page_get_cell (MC_CALENDAR_PAGE (calendar), today - 40));
  g_assert_true (gtk_widget_activate_action (calendar, "calendar.today", NULL));
  g_assert_nonnull (mc_calendar_page_get_cell (MC_CALENDAR_PAGE (calendar), today));
}

static char *
badge_of (McWindow *w, const char *name)
{
  g_autofree char *alert = NULL;
  char *count = NULL;

  mc_sidebar_get_badge_texts (mc_window_get_sidebar (w), name, &count, &alert);
  return count;
}

/* A new window builds only the page it opens on (issue 15: building and
 * querying every page was most of the start at 1,000,000 dossiers); the
 * return desk's badge is counted without building its page, follows a
 * change, and is the page's own count once the page is shown. */
static void
test_pages_built_when_shown (void)
{
  McWindow *w = mc_window_new (app);
  g_autofree char *code = mc_test_ui_receive (window, "Phan Thị Chậm", "038190000125", "0912000125");
  /* The clock's seconds from here: strftime is SQLite's alone. */
  g_autofree char *sql = g_strdup_printf ("UPDATE dossier SET state = 'result_ready', "
                                          "finished_at = %" G_GINT64_FORMAT " WHERE code = '%s'",
                                          g_get_real_time () / G_USEC_PER_SEC, code);
  g_autoptr(GError) error = NULL;
  gint64 give_up = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  guint n, n_built = 0, waiting;
  const McPageInfo *pages = mc_pages_get_all (&n);
  g_autofree char *before = NULL, *after = NULL, *expected = NULL;

  gtk_window_present (GTK_WINDOW (w));
  mc_test_ui_wait_for_idle ();
  for (guint i = 0; i < n; i++)
    if (mc_window_is_page_built (w, pages[i].name))
      {
        g_assert_cmpstr (pages[i].name, ==, mc_window_get_page (w));
        n_built++;
      }
  g_assert_cmpuint (n_built, ==, 1);
  g_assert_cmpstr (mc_window_get_page (w), !=, "return");

  before = badge_of (w, "return");
  g_assert_true (mc_db_exec (mc_application_get_db (app), sql, &error));
  g_assert_no_error (error);
  do
    {
      mc_test_ui_wait_for_idle ();
      g_free (after);
      after = badge_of (w, "return");
    }
  while (g_strcmp0 (after, before) == 0 && g_get_monotonic_time () < give_up);
  g_assert_false (mc_window_is_page_built (w, "return"));
  expected = g_strdup_printf ("%u", (guint) (before[0] ? atoi (before) : 0) + 1);
  g_assert_cmpstr (after, ==, expected);

  gtk_widget_activate_action (GTK_WIDGET (w), "win.show-page", "s", "return");
  g_assert_true (mc_window_is_page_built (w, "return"));
  g_object_get (mc_window_get_page_widget (w, "return"), "n-waiting", &waiting, NULL);
  g_assert_cmpuint (waiting, ==, atoi (after));
  g_free (after);
  after = badge_of (w, "return");
  g_assert_cmpstr (after, ==, expected);
  gtk_window_destroy (GTK_WINDOW (w));
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  /* In Vietnamese, as a clerk sees it (the build's catalog, LANGUAGE=vi). */
  {
    g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, po);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    setlocale (LC_MESSAGES, "C.UTF-8");
  }
  app = mc_test_ui_app_new ("vn.motcua.TestIdioms", "idioms.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  g_test_add_func ("/ui/idioms/toast-action", test_toast_action);
  g_test_add_func ("/ui/idioms/toast-button", test_toast_button_runs_page_action);
  g_test_add_func ("/ui/idioms/return-badge", test_return_badge_follows_property);
  g_test_add_func ("/ui/idioms/inbox-badge", test_inbox_badge_follows_property);
  g_test_add_func ("/ui/idioms/page-list", test_page_list);
  g_test_add_func ("/ui/idioms/pages-built-when-shown", test_pages_built_when_shown);
  g_test_add_func ("/ui/idioms/reception-template", test_reception_template);
  g_test_add_func ("/ui/idioms/date-entries", test_date_entries_everywhere);
  g_test_add_func ("/ui/idioms/calendar-template", test_calendar_template);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
