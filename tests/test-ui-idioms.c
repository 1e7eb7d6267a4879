/* test-ui-idioms.c — the UI idioms of the GNOME models: pages tell the window
 * nothing directly (win.toast, badge properties), the page list declared once,
 * the reception page's template, one date entry
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mc-pages.h"
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
  g_autofree char *sql = g_strdup_printf ("UPDATE dossier SET state = 'result_ready', "
                                          "finished_at = strftime ('%%s', 'now') WHERE code = '%s'", code);
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

/* The stack holds the table's pages in its order, titled and with their
 * icons (accounts not enforced: all but Tài khoản and Nhật ký); the start
 * page and Ctrl+digit come from the same table. */
static void
test_page_list (void)
{
  guint n, shown = 0;
  const McPageInfo *pages = mc_pages_get_all (&n);
  g_autoptr(GtkSelectionModel) stack_pages = NULL;
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (page ("dossiers")));

  stack_pages = gtk_stack_get_pages (stack);
  g_assert_cmpuint (n, ==, 10);
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
      g_assert_true (gtk_stack_page_get_child (stack_page) == child);
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
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_RECEPTION | MC_ROLE_SPECIALIST), ==, "reception");
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_LEADER | MC_ROLE_REPORTING), ==, "inbox");
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_REPORTING), ==, "reports");
  g_assert_cmpstr (mc_pages_start_page (MC_ROLE_ADMIN), ==, "accounts");
  g_assert_null (mc_pages_start_page (0));
  g_assert_null (mc_pages_lookup ("nowhere"));
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new ("vn.motcua.TestIdioms", "idioms.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  g_test_add_func ("/ui/idioms/toast-action", test_toast_action);
  g_test_add_func ("/ui/idioms/toast-button", test_toast_button_runs_page_action);
  g_test_add_func ("/ui/idioms/return-badge", test_return_badge_follows_property);
  g_test_add_func ("/ui/idioms/inbox-badge", test_inbox_badge_follows_property);
  g_test_add_func ("/ui/idioms/page-list", test_page_list);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
