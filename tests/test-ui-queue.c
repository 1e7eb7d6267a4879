/* test-ui-queue.c — the counter display following calls made by another
 * process and taking the citizen's rating by touch; the administrator's
 * window creating a service and a counter; this computer's counter in
 * Tùy chỉnh driving the queue bar
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "mc-counter-display.h"
#include "mc-preferences-window.h"
#include "mc-queue-admin.h"
#include "mc-queue-bar.h"
#include "mc-queue-rating.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

static McApplication *app;

/* motcua --db (the app's file) ARGS…, in a process of its own. */
static void
run_motcua (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) mc_db_get_path (mc_application_get_db (app)));
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("motcua %s %s: %s", args[0], args[1], err);
}

#define ARGS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* With MOTCUA_TEST_SHOTS=FOLDER (run by hand under Xvfb, no window
 * manager), the screen as a person sees it: `import -window root`. */
static void
screenshot (const char *name)
{
  const char *folder = g_getenv ("MOTCUA_TEST_SHOTS");
  g_autofree char *path = NULL;

  if (folder == NULL)
    return;
  for (int i = 0; i < 20; i++)
    {
      mc_test_ui_wait_for_idle ();
      g_usleep (20000);
    }
  path = g_build_filename (folder, name, NULL);
  {
    const char *argv[] = { "import", "-window", "root", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
  }
}

/* Turns the main loop until `done` holds, at most `seconds`; the time it took. */
static double
wait_until (gboolean (*done) (McCounterDisplay *), McCounterDisplay *display, double seconds)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (display) && g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static gboolean
shows_a001 (McCounterDisplay *d)
{
  return g_strcmp0 (mc_counter_display_get_number (d), "A001") == 0;
}

static gboolean
asks_rating (McCounterDisplay *d)
{
  return mc_counter_display_get_mode (d) == MC_QUEUE_DISPLAY_RATING;
}

static gboolean
shows_a002 (McCounterDisplay *d)
{
  return g_strcmp0 (mc_counter_display_get_number (d), "A002") == 0;
}

static void
ensure_queue (void)
{
  g_autoptr(McQueue) queue = mc_queue_new (mc_application_get_db (app));
  g_autoptr(McQueueService) s = mc_queue_find_service (queue, "A", NULL);
  g_autoptr(McQueueCounter) c = NULL;
  g_autoptr(GError) error = NULL;

  if (s == NULL)
    s = mc_queue_add_service (queue, "Hộ tịch – Chứng thực", "A", 1, 999, &error);
  g_assert_no_error (error);
  c = mc_queue_find_counter (queue, 1, NULL);
  if (c == NULL)
    c = mc_queue_add_counter (queue, 1, "Quầy 1 – Hộ tịch", &s->id, 1, &error);
  g_assert_no_error (error);
}

/* The label of `css_class` under `widget`, or NULL. */
static GtkLabel *
find_label (GtkWidget *widget, const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Vietnam's "HH:MM" at `t`: the display's clock, whatever the PC's zone
 * (the suite runs with TZ=America/New_York). */
static char *
vietnam_hm (McTime t)
{
  int minute = mc_time_get_minute (t);

  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

/* A call made by `motcua queue call` in another process is on the display
 * within 1 s; the clerk's "Mời đánh giá" (also another process) turns it
 * to the question; a touch records the level once, for the ticket. */
static void
test_display_follows (void)
{
  McDb *db = mc_application_get_db (app);
  g_autoptr(McQueue) queue = mc_queue_new (db);
  McCounterDisplay *display;
  g_autoptr(McQueueTicket) a001 = NULL;
  double seconds;

  ensure_queue ();
  display = mc_counter_display_new (db, 1);
  gtk_window_present (GTK_WINDOW (display));
  mc_test_ui_wait_for_idle ();
  g_assert_cmpint (mc_counter_display_get_mode (display), ==, MC_QUEUE_DISPLAY_IDLE);
  {
    g_autofree char *before = vietnam_hm (mc_time_now () - 60);
    g_autofree char *after = vietnam_hm (mc_time_now ());
    const char *shown = gtk_label_get_text (find_label (GTK_WIDGET (display), "cd-clock"));

    g_assert_true (g_str_equal (shown, before) || g_str_equal (shown, after));
  }
  run_motcua (ARGS ("queue", "take", "--service", "A"));
  run_motcua (ARGS ("queue", "call", "--counter", "1"));
  seconds = wait_until (shows_a001, display, 5);
  g_test_message ("the call reached the display %.3f s after the calling process ended", seconds);
  g_assert_cmpstr (mc_counter_display_get_number (display), ==, "A001");
  g_assert_cmpfloat (seconds, <=, 1.0);

  run_motcua (ARGS ("queue", "invite", "--counter", "1"));
  seconds = wait_until (asks_rating, display, 5);
  g_assert_cmpint (mc_counter_display_get_mode (display), ==, MC_QUEUE_DISPLAY_RATING);
  g_assert_cmpfloat (seconds, <=, 1.0);
  /* The citizen touches "Rất hài lòng". */
  g_assert_true (gtk_widget_activate (mc_counter_display_get_level_button (display, 5)));
  wait_until (mc_counter_display_is_thanking, display, 5);  /* a button's activation ends after a short press */
  a001 = mc_queue_find_ticket (queue, "A001", mc_time_get_date (mc_time_now ()), NULL);
  g_assert_cmpint (mc_queue_get_rating (queue, mc_queue_ticket_get_id (a001), NULL), ==, 5);
  g_assert_true (mc_counter_display_is_thanking (display));
  g_assert_cmpint (mc_counter_display_get_mode (display), ==, MC_QUEUE_DISPLAY_IDLE);
  /* A second touch on the thanks changes nothing. */
  gtk_widget_activate (mc_counter_display_get_level_button (display, 1));
  wait_until (asks_rating, display, 0.5);
  g_assert_cmpint (mc_queue_get_rating (queue, mc_queue_ticket_get_id (a001), NULL), ==, 5);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM queue_rating", NULL), ==, 1);
  /* The next call shows at once, thanks or not. */
  run_motcua (ARGS ("queue", "take", "--service", "A"));
  run_motcua (ARGS ("queue", "call", "--counter", "1"));
  seconds = wait_until (shows_a002, display, 5);
  g_assert_cmpstr (mc_counter_display_get_number (display), ==, "A002");
  g_assert_cmpfloat (seconds, <=, 1.0);
  gtk_window_destroy (GTK_WINDOW (display));
}

/* The administrator's window: a service and a counter created through the
 * forms (core validates: a refusal is shown and nothing saved). */
static void
test_admin_window (void)
{
  McDb *db = mc_application_get_db (app);
  g_autoptr(McQueue) queue = mc_queue_new (db);
  McQueueAdmin *admin = mc_queue_admin_new (app);
  g_autoptr(McQueueService) land = NULL;
  g_autoptr(McQueueCounter) counter = NULL;
  guint services, counters;

  ensure_queue ();
  gtk_window_present (GTK_WINDOW (admin));
  mc_test_ui_wait_for_idle ();
  services = mc_queue_admin_count_rows (admin, FALSE);
  counters = mc_queue_admin_count_rows (admin, TRUE);
  g_assert_cmpuint (services, >=, 1);
  /* Two letters: refused, in Vietnamese, nothing added. */
  g_assert_false (mc_queue_admin_save_service (admin, 0, "Đất đai – Xây dựng", "BX", 1, 999, TRUE));
  g_assert_cmpstr (mc_queue_admin_get_error (admin), !=, "");
  g_assert_null (mc_queue_find_service (queue, "Đất đai – Xây dựng", NULL));
  g_assert_true (mc_queue_admin_save_service (admin, 0, "Đất đai – Xây dựng", "b", 1, 500, TRUE));
  g_assert_cmpstr (mc_queue_admin_get_error (admin), ==, "");
  land = mc_queue_find_service (queue, "Đất đai – Xây dựng", NULL);
  g_assert_nonnull (land);
  g_assert_cmpstr (land->prefix, ==, "B");
  g_assert_cmpint (land->last_number, ==, 500);
  g_assert_cmpuint (mc_queue_admin_count_rows (admin, FALSE), ==, services + 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM audit_log WHERE action = 'queue_service.insert' "
                                        "AND detail LIKE 'Đất đai – Xây dựng%'", NULL), ==, 1);

  g_assert_true (mc_queue_admin_save_counter (admin, TRUE, 5, "Quầy 5 – Đất đai",
                                              (const char *const[]) { "Đất đai – Xây dựng", NULL }, TRUE));
  counter = mc_queue_find_counter (queue, 5, NULL);
  g_assert_nonnull (counter);
  g_assert_cmpuint (counter->service_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (counter->service_ids, gint64, 0), ==, land->id);
  g_assert_cmpuint (mc_queue_admin_count_rows (admin, TRUE), ==, counters + 1);
  /* The same number again: refused, the form says why. */
  g_assert_false (mc_queue_admin_save_counter (admin, TRUE, 5, "Quầy khác", NULL, TRUE));
  g_assert_nonnull (strstr (mc_queue_admin_get_error (admin), "5"));
  /* Taken out of use, edited in place. */
  g_assert_true (mc_queue_admin_save_counter (admin, FALSE, 5, "Quầy 5 – Đất đai", NULL, FALSE));
  g_clear_pointer (&counter, mc_queue_counter_free);
  counter = mc_queue_find_counter (queue, 5, NULL);
  g_assert_false (counter->active);
  g_assert_cmpuint (counter->service_ids->len, ==, 0);
  if (g_getenv ("MOTCUA_TEST_SHOTS"))
    {
      gtk_window_set_default_size (GTK_WINDOW (admin), 900, 720);
      g_assert_true (mc_queue_admin_save_counter (admin, FALSE, 5, "Quầy 5 – Đất đai",
                                                  (const char *const[]) { "Đất đai – Xây dựng", NULL }, TRUE));
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (admin), "counters");
      screenshot ("admin-counters.png");
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (admin), "priority");
      screenshot ("admin-priority.png");
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (admin), "services");
      g_assert_false (mc_queue_admin_save_service (admin, 0, "Tra cứu", "A", 100, 200, TRUE));
      screenshot ("admin-services-refused.png");
    }
  gtk_window_destroy (GTK_WINDOW (admin));
}

/* "Quầy của máy này" in Tùy chỉnh is the queue-counter setting the bar
 * reads: set there, the bar shows that counter. */
static void
test_this_counter (void)
{
  GSettings *settings = mc_application_get_settings (app);
  GtkWidget *group = g_object_ref_sink (mc_queue_admin_preferences_group_new (app));
  GtkSpinButton *spin = mc_queue_admin_group_get_counter_spin (group);
  McQueueBar *bar = g_object_ref_sink (mc_queue_bar_new (app));

  ensure_queue ();
  g_settings_set_int (settings, "queue-counter", 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  gtk_spin_button_set_value (spin, 1);
  g_assert_cmpint (g_settings_get_int (settings, "queue-counter"), ==, 1);
  if (g_getenv ("MOTCUA_TEST_SHOTS"))
    {
      McPreferencesWindow *prefs = mc_preferences_window_new (app);

      gtk_window_present (GTK_WINDOW (prefs));
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
        ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (mc_test_ui_find_row (GTK_WIDGET (prefs),
                                                                                          _("This computer’s counter"))),
                                                       ADW_TYPE_PREFERENCES_PAGE)));
      {
        GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (mc_test_ui_find_row (GTK_WIDGET (prefs),
                                                        _("This computer’s counter"))), GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

        screenshot ("preferences-unit.png");
        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
        screenshot ("preferences-this-counter.png");
      }
      gtk_window_destroy (GTK_WINDOW (prefs));
    }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_cmpint (mc_queue_bar_get_counter (bar), ==, 1);
  /* Its keys wrap rather than widen a 960 px window (they made it 972 px wide in one row). */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (bar), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 800);
  }
  /* The bar's "Mời đánh giá" ends the service: the display asks. */
  {
    g_autoptr(McQueue) queue = mc_queue_new (mc_application_get_db (app));
    g_autoptr(McQueueService) s = mc_queue_find_service (queue, "A", NULL);
    g_autoptr(McQueueTicket) t = mc_queue_take (queue, s->id, MC_QUEUE_PRIORITY_NONE, mc_time_now (), NULL);
    g_autoptr(McQueueTicket) after = NULL;

    McDb *db = mc_application_get_db (app);
    gint64 actor = mc_db_get_actor (db);
    g_autofree char *before = NULL, *mine = NULL, *expected = NULL, *count = NULL;
    int served;

    /* The clerk at the counter is tn.lan: "Hôm nay của tôi" is hers. */
    if (mc_db_query_int (db, "SELECT count (*) FROM staff WHERE username = 'tn.lan'", NULL) == 0)
      mc_test_add_staff (db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
    mc_db_set_actor (db, mc_db_query_int (db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL));
    before = mc_queue_bar_dup_my_day (bar);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "queue.call-next", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "queue.invite", NULL));
    after = mc_queue_get_ticket (queue, mc_queue_ticket_get_id (t), NULL);
    g_assert_cmpint (mc_queue_ticket_get_state (after), ==, MC_QUEUE_STATE_DONE);
    g_assert_null (mc_queue_bar_get_current (bar));
    g_assert_cmpint (mc_queue_display_mode (queue, 1, mc_time_now (), NULL, NULL), ==, MC_QUEUE_DISPLAY_RATING);
    /* Rated on the display: her day says so, with the tickets she served. */
    g_assert_true (mc_queue_rate (queue, mc_queue_ticket_get_id (t), 5, mc_time_now (), NULL));
    served = mc_db_query_int (db, "SELECT count (*) FROM queue_ticket t JOIN staff s ON s.id = t.staff_id "
                                  "WHERE s.username = 'tn.lan' AND t.state = 'done' AND t.day = "
                                  "(SELECT max (day) FROM queue_ticket)", NULL);
    mine = mc_queue_bar_dup_my_day (bar);
    g_test_message ("before: %s\nafter: %s", before, mine);
    g_assert_cmpstr (before, !=, mine);
    g_assert_cmpint (served, >=, 1);
    count = g_strdup_printf ("%d", served);
    expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Served %s citizen", "Served %s citizens", served),
                                count);
    mc_test_assert_has (mine, expected);
    mc_test_assert_has (mine, mc_queue_rating_level_label (5));
    mc_db_set_actor (db, actor);
  }
  gtk_spin_button_set_value (spin, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_object_unref (bar);
  g_object_unref (group);
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  /* Screenshots are looked at in Vietnamese (gtk_test_init sets no language). */
  if (g_getenv ("MOTCUA_TEST_SHOTS") && g_getenv ("MOTCUA_LOCALEDIR"))
    {
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MOTCUA_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  app = mc_test_ui_app_new ("vn.motcua.TestQueue", "queue-ui.sqlite");
  g_test_add_func ("/ui/queue/display-follows", test_display_follows);
  g_test_add_func ("/ui/queue/admin-window", test_admin_window);
  g_test_add_func ("/ui/queue/this-counter", test_this_counter);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
