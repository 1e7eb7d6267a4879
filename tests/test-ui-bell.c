/* test-ui-bell.c — the bell of the main window on a demo database, signed in
 * as cv.tuan: the badge counts what another process assigns, a click marks
 * it read and opens the dossier, "mark all as read" empties the badge, and
 * the overdue check sends the desktop notification once
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mc-application.h"
#include "mc-demo.h"
#include "mc-dossier-window.h"
#include "mc-notification-bell.h"
#include "mc-notification-store.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"
#include "mc-workflow.h"

static McApplication *app;
static McWindow *window;
static McNotificationBell *bell;
static char *code;  /* the dossier handed to cv.tuan */

/* Iterates until `done` or about 10 s (another process's commit is seen
 * through the file's data_version watch). */
#define WAIT_UNTIL(done)                                            \
  G_STMT_START {                                                    \
    gint64 end_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;    \
    while (!(done) && g_get_monotonic_time () < end_)               \
      {                                                             \
        g_main_context_iteration (NULL, FALSE);                     \
        g_usleep (5000);                                            \
      }                                                             \
    g_assert_true (done);                                           \
  } G_STMT_END

/* A picture of the screen to look at when the variable names a file (run
 * under xvfb-run -s '-screen 0 1366x768x24'): MC_BELL_SHOT (the popover
 * open), MC_BELL_SHOT_CLOSED (the badge). */
static void
shoot (const char *variable)
{
  g_autofree char *cmd = NULL;

  if (g_getenv (variable) == NULL)
    return;
  for (int i = 0; i < 30; i++)
    {
      mc_test_ui_wait_for_idle ();
      g_usleep (20000);
    }
  cmd = g_strdup_printf ("import -window root %s", g_getenv (variable));
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

static void
assert_badge_says_count (void)
{
  guint n = mc_notification_bell_get_n_unread (bell);
  g_autofree char *expected = n > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", n);

  if (n == 0)
    g_assert_null (mc_notification_bell_get_badge (bell));
  else
    g_assert_cmpstr (mc_notification_bell_get_badge (bell), ==, expected);
}

/* What the database says cv.tuan has unread. */
static guint
unread_in_db (void)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (mc_notification_count_unread (mc_application_get_db (app), &n, &error));
  g_assert_no_error (error);
  return n;
}

/* Another connection (as another process would) receives a birth
 * registration at the counter and hands it to cv.tuan: the bell's count
 * follows within the usual second. */
static void
test_badge (void)
{
  g_autofree char *path = mc_test_db_path ("db-1.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) other = mc_db_new (path, NULL, &error);
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McWorkflow) wf = NULL;
  guint before = mc_notification_bell_get_n_unread (bell);
  McAction a = mc_test_action ("2026-11-27 15:10", "tn.lan", NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (before, ==, unread_in_db ());
  assert_badge_says_count ();
  mc_db_set_actor (other, mc_db_lookup_id (other, "staff", "username", "tn.lan", NULL));
  store = mc_dossier_store_new (other, mc_application_get_calendar (app));
  wf = mc_workflow_new (other, mc_application_get_calendar (app));
  code = mc_test_receive (store, "1.001193", "Lê Văn An", "2026-11-27 15:00", &error);
  g_assert_no_error (error);
  g_assert_true (mc_workflow_transfer (wf, code, &a, NULL, "cv.tuan", &error));
  g_assert_no_error (error);
  WAIT_UNTIL (mc_notification_bell_get_n_unread (bell) == before + 1);
  assert_badge_says_count ();
  shoot ("MC_BELL_SHOT_CLOSED");
}

static GtkListBoxRow *
row_of (const char *dossier_code)
{
  GtkListBox *list = mc_notification_bell_get_list (bell);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      McNotification *item = g_object_get_data (G_OBJECT (row), "notification");

      if (g_strcmp0 (mc_notification_get_dossier_code (item), dossier_code) == 0)
        return row;
    }
  return NULL;
}

static McDossierWindow *
dossier_window_open (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (MC_IS_DOSSIER_WINDOW (w))
        return MC_DOSSIER_WINDOW (w);
    }
  return NULL;
}

/* The popover lists it in bold with its code and procedure; a click marks
 * it read (the count goes down, the row is no longer bold) and opens the
 * dossier's window. */
static void
test_open (void)
{
  GtkListBoxRow *row;
  GtkWidget *text;
  guint before = mc_notification_bell_get_n_unread (bell);
  McDossierWindow *opened;

  g_assert_nonnull (code);
  gtk_menu_button_popup (mc_notification_bell_get_button (bell));
  mc_test_ui_wait_for_idle ();
  shoot ("MC_BELL_SHOT");
  row = row_of (code);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "unread"));
  text = mc_test_ui_find_type (GTK_WIDGET (row), GTK_TYPE_LABEL, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (text)), code));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (mc_test_ui_find_type (GTK_WIDGET (row), GTK_TYPE_LABEL, 1))),
                            "khai sinh"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), "khai sinh"));
  g_assert_null (dossier_window_open ());

  g_signal_emit_by_name (mc_notification_bell_get_list (bell), "row-activated", row);
  opened = dossier_window_open ();
  g_assert_nonnull (opened);
  g_assert_cmpstr (mc_dossier_get_code (mc_dossier_window_get_dossier (opened)), ==, code);
  WAIT_UNTIL (mc_notification_bell_get_n_unread (bell) == before - 1);
  assert_badge_says_count ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row_of (code)), "unread"));
  gtk_window_destroy (GTK_WINDOW (opened));
  mc_test_ui_wait_for_idle ();
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

/* Once its appointment has passed, the minute's check writes the overdue
 * notification and sends the desktop one from the same rows: run again, it
 * writes and sends nothing. */
static void
test_overdue_desktop (void)
{
  g_autoptr(GString) received = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT appointment_at FROM dossier WHERE code = '%s'", code);
  McTime due = mc_db_query_int (mc_application_get_db (app), sql, NULL);
  guint daemon = start_notification_daemon (received), before = mc_notification_bell_get_n_unread (bell), n;

  g_assert_cmpint (due, >, 0);
  n = mc_notification_bell_check (bell, due + 60);
  g_assert_cmpuint (n, >=, 1);
  for (int i = 0; i < 500 && received->len == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (received->str, code));
  g_assert_cmpuint (mc_notification_bell_check (bell, due + 120), ==, 0);
  WAIT_UNTIL (mc_notification_bell_get_n_unread (bell) == before + n);
  assert_badge_says_count ();
  g_dbus_connection_unregister_object (g_application_get_dbus_connection (G_APPLICATION (app)), daemon);
}

/* "Đánh dấu đã đọc tất cả": no badge, no bold row. */
static void
test_read_all (void)
{
  GtkWidget *button = mc_test_ui_find_named (GTK_WIDGET (gtk_menu_button_get_popover (
                                               mc_notification_bell_get_button (bell))), "read_all_button");
  GtkListBox *list = mc_notification_bell_get_list (bell);

  g_assert_cmpuint (mc_notification_bell_get_n_unread (bell), >, 0);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (mc_notification_bell_get_n_unread (bell) == 0);
  assert_badge_says_count ();
  g_assert_cmpuint (unread_in_db (), ==, 0);
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)), "unread"));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  mc_test_ui_init (&argc, &argv);
  {
    g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, po);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    setlocale (LC_MESSAGES, "C.UTF-8");
  }
  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  {
    McDb *db = mc_test_db_new ();  /* db-1.sqlite */

    g_assert_true (mc_demo_fill (db, 300, 3, NULL, &error));
    g_assert_no_error (error);
    g_object_unref (db);
  }
  g_setenv ("MOTCUA_NOW", "2026-11-27 15:30", TRUE);
  app = mc_test_ui_app_new ("vn.motcua.TestBell", "db-1.sqlite");
  /* Signed in as cv.tuan (the sign-in itself is tested in test-ui-admin). */
  mc_db_set_actor (mc_application_get_db (app),
                   mc_db_lookup_id (mc_application_get_db (app), "staff", "username", "cv.tuan", NULL));
  window = mc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  bell = MC_NOTIFICATION_BELL (mc_test_ui_find_type (GTK_WIDGET (window), MC_TYPE_NOTIFICATION_BELL, 0));
  g_assert_nonnull (bell);
  g_test_add_func ("/ui/bell/badge", test_badge);
  g_test_add_func ("/ui/bell/open", test_open);
  g_test_add_func ("/ui/bell/overdue-desktop", test_overdue_desktop);
  g_test_add_func ("/ui/bell/read-all", test_read_all);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  g_free (code);
  return status;
}
