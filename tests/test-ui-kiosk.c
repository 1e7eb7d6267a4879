/* test-ui-kiosk.c — the ticket kiosk's window: a service touched gives a
 * ticket shown large and printed (the print operation exporting a PDF), a
 * priority chosen goes with it, the waiting count follows; a receipt code
 * scanned (keyboard wedge) or typed on the keypad shows the dossier masked;
 * an unknown code is said in Vietnamese; home comes back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mc-accounts.h"
#include "mc-board-source.h"
#include "mc-kiosk-window.h"
#include "mc-kiosk.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

#define LAND "1.012812"

typedef struct {
  McTestRouting  r;
  McKioskWindow *window;
  char          *code;
  char          *pdf;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(McQueueService) a = NULL, b = NULL;
  g_autoptr(McQueueCounter) c = NULL;

  mc_test_routing_set_up (&f->r);
  f->code = mc_test_receive (f->r.store, LAND, "Nguyễn Văn An", "2026-11-20 08:00", &error);
  g_assert_no_error (error);
  queue = mc_queue_new (f->r.db);
  a = mc_queue_add_service (queue, "Hộ tịch – Chứng thực", "A", 1, 999, &error);
  b = mc_queue_add_service (queue, "Đất đai", "B", 1, 999, &error);
  c = mc_queue_add_counter (queue, 1, "Quầy 1", &a->id, 1, &error);
  g_assert_no_error (error);
  f->pdf = mc_test_tmp_path ("kiosk-ticket.pdf");
  f->window = MC_KIOSK_WINDOW (mc_kiosk_window_new (f->r.db, NULL));
  mc_kiosk_window_set_print_export (f->window, f->pdf);
  gtk_window_present (GTK_WINDOW (f->window));
  mc_test_ui_wait_for_idle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  mc_test_ui_wait_for_idle ();
  mc_test_routing_tear_down (&f->r);
  g_free (f->code);
  g_free (f->pdf);
}

static const char *
label_text (Fixture *f, const char *name)
{
  GtkWidget *label = mc_test_ui_find_named (GTK_WIDGET (f->window), name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The words of every label under `root`, one line each. */
static void
collect_labels (GtkWidget *root, GString *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

static char *
words_of (Fixture *f, const char *name)
{
  GString *out = g_string_new (NULL);

  collect_labels (mc_test_ui_find_named (GTK_WIDGET (f->window), name), out);
  return g_string_free (out, FALSE);
}

static void
click (Fixture *f, const char *name)
{
  GtkWidget *button = mc_test_ui_find_named (GTK_WIDGET (f->window), name);

  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  mc_test_ui_wait_for_idle ();
}

static void
test_take (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL, *flat = NULL, *buttons = NULL;

  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "home");
  buttons = words_of (f, "services");
  g_assert_nonnull (strstr (buttons, "Hộ tịch – Chứng thực\nĐang chờ: 0\n"));
  g_assert_nonnull (strstr (buttons, "Đất đai\nĐang chờ: 0\n"));
  /* A touch on the service's button. */
  click (f, "Hộ tịch – Chứng thực");
  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "ticket");
  g_assert_cmpstr (label_text (f, "number_label"), ==, "A001");
  g_assert_cmpstr (label_text (f, "service_label"), ==, "Hộ tịch – Chứng thực");
  g_assert_cmpstr (label_text (f, "ahead_label"), ==, "Số người chờ trước: 0");
  g_assert_cmpstr (label_text (f, "wait_label"), ==, "Thời gian chờ dự kiến: sắp đến lượt");
  g_assert_cmpstr (label_text (f, "print_label"), ==, "Mời ông/bà nhận phiếu ở khe in bên dưới");
  /* Printed through GtkPrintOperation on the 80 mm paper, exported here. */
  text = mc_test_pdftotext (f->pdf, "-raw");
  if (text != NULL)
    {
      flat = mc_test_normalize (text);
      mc_test_assert_has (flat, "SỐ THỨ TỰ A001");
      mc_test_assert_has (flat, "Số người chờ trước: 0");
      mc_test_assert_has (flat, "Vui lòng chờ gọi số");
    }
  /* Back home, the count follows the ticket taken. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "kiosk.home", NULL);
  mc_test_ui_wait_for_idle ();
  g_clear_pointer (&buttons, g_free);
  buttons = words_of (f, "services");
  g_assert_nonnull (strstr (buttons, "Hộ tịch – Chứng thực\nĐang chờ: 1\n"));

  /* A priority chosen first goes on the next ticket only. */
  click (f, "nguoi_cao_tuoi");
  click (f, "Hộ tịch – Chứng thực");
  g_assert_cmpstr (label_text (f, "number_label"), ==, "A002");
  g_assert_cmpstr (label_text (f, "service_label"), ==, "Hộ tịch – Chứng thực — Người cao tuổi");
  g_assert_cmpstr (label_text (f, "ahead_label"), ==, "Số người chờ trước: 1");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    mc_test_ui_find_named (GTK_WIDGET (f->window), "nguoi_cao_tuoi"))));
  g_assert_cmpint (mc_db_query_int (f->r.db, "SELECT count (*) FROM queue_ticket WHERE label = 'A002' "
                                             "AND priority = 'nguoi_cao_tuoi'", NULL), ==, 1);
}

/* Types `text` as the scanner does, ending with Enter. */
static void
scan (Fixture *f, const char *text)
{
  for (const char *p = text; *p; p++)
    g_assert_true (mc_kiosk_window_feed_key (f->window, gdk_unicode_to_keyval ((guchar) *p)));
  g_assert_true (mc_kiosk_window_feed_key (f->window, GDK_KEY_Return));
  mc_test_ui_wait_for_idle ();
}

static void
test_lookup (Fixture *f, gconstpointer data)
{
  g_autofree char *result = NULL, *typed_result = NULL;
  const char *tail = strchr (f->code, '-') + 1;

  /* Scanned at the home page: the receipt's QR holds the whole code. */
  scan (f, f->code);
  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "result");
  result = words_of (f, "result_grid");
  g_assert_nonnull (strstr (result, f->code));
  g_assert_nonnull (strstr (result, "Nguyễn V. A.\n"));
  g_assert_nonnull (strstr (result, "Đã tiếp nhận\n"));
  g_assert_nonnull (strstr (result, "Ngày tiếp nhận\n08:00 ngày 20/11/2026\n"));
  g_assert_nonnull (strstr (result, "Trong hạn\n"));
  g_assert_null (strstr (result, "Văn An"));
  g_assert_null (strstr (result, "038085012345"));
  g_assert_null (strstr (result, "0912345678"));

  /* Typed on the keypad: the tail, then Tra cứu. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "kiosk.lookup", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "lookup");
  for (const char *p = tail; *p; p++)
    {
      char key[2] = { *p, 0 };

      click (f, key);
    }
  g_assert_cmpstr (label_text (f, "code_label"), ==, tail);
  /* ⌫ takes the last key back; typed again. */
  click (f, "back");
  {
    char last[2] = { tail[strlen (tail) - 1], 0 };

    click (f, last);
  }
  click (f, "enter");
  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "result");
  typed_result = words_of (f, "result_grid");
  g_assert_cmpstr (typed_result, ==, result);

  /* An unknown code: said, and kept on screen to be corrected. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "kiosk.lookup", NULL);
  click (f, "9");
  click (f, "9");
  click (f, "enter");
  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "lookup");
  g_assert_true (gtk_widget_get_visible (mc_test_ui_find_named (GTK_WIDGET (f->window), "message_label")));
  g_assert_nonnull (strstr (label_text (f, "message_label"), "Không tìm thấy hồ sơ có mã “99”"));
  g_assert_cmpstr (label_text (f, "code_label"), ==, "99");
  /* Home forgets the code and the dossier. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "kiosk.home", NULL);
  mc_test_ui_wait_for_idle ();
  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "home");
  g_assert_cmpstr (label_text (f, "code_label"), ==, "");
}

/* Turns the main loop until `done` (f, data) holds or `ms` passed. */
static gboolean
spin_until (gboolean (*done) (Fixture *, gpointer), Fixture *f, gpointer data, guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (!done (f, data) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  return done (f, data);
}

static gboolean
board_loaded (Fixture *f, gpointer source)
{
  return mc_board_source_get_model (source) != NULL;
}

/* The board's model shows A001 called to counter 1. */
static gboolean
board_shows_call (Fixture *f, gpointer source)
{
  McBoardModel *model = mc_board_source_get_model (source);

  for (guint i = 0; model != NULL && i < model->calls->len; i++)
    {
      McQueueCall *call = model->calls->pdata[i];

      if (g_str_equal (call->label, "A001") && call->counter == 1)
        return TRUE;
    }
  return FALSE;
}

static gboolean
services_say (Fixture *f, gpointer text)
{
  g_autofree char *buttons = words_of (f, "services");

  return strstr (buttons, text) != NULL;
}

/* End to end, as in the lobby (issue 17: on a server too, suite ui-on-pg):
 * a citizen takes a ticket at the kiosk (printed), the clerk of counter 1
 * calls it from another process (motcua queue call), the board's source
 * (as `motcua liveboard` reads it, a connection of its own) shows the call
 * and the kiosk's waiting count follows; the receipt's code scanned there
 * shows the dossier masked. */
static void
test_called_by_a_counter (Fixture *f, gconstpointer data)
{
  const char *path = mc_db_get_path (f->r.db);
  g_autoptr(McBoardSource) source = mc_board_source_new (path);
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *result = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { g_getenv ("MOTCUA_BIN"), "--db", path, "queue", "call", "--counter", "1", NULL };

  mc_board_source_start (source);
  g_assert_true (spin_until (board_loaded, f, source, 10000));
  g_assert_false (board_shows_call (f, source));

  click (f, "Hộ tịch – Chứng thực");
  g_assert_cmpstr (label_text (f, "number_label"), ==, "A001");
  g_assert_true (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
  text = mc_test_pdftotext (f->pdf, "-raw");
  if (text != NULL)
    mc_test_assert_has (text, "A001");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "kiosk.home", NULL);
  g_assert_true (spin_until (services_say, f, (gpointer) "Hộ tịch – Chứng thực\nĐang chờ: 1\n", 5000));

  /* Counter 1's clerk, in a process of its own. */
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("motcua queue call: %s", err);
  g_assert_nonnull (strstr (out, "A001"));
  g_assert_true (spin_until (board_shows_call, f, source, 5000));
  g_assert_true (spin_until (services_say, f, (gpointer) "Hộ tịch – Chứng thực\nĐang chờ: 0\n", 5000));

  /* The receipt's code scanned at the same kiosk meanwhile: masked. */
  scan (f, f->code);
  g_assert_cmpstr (mc_kiosk_window_get_page (f->window), ==, "result");
  result = words_of (f, "result_grid");
  g_assert_nonnull (strstr (result, "Nguyễn V. A.\n"));
  g_assert_null (strstr (result, "Văn An"));
  g_assert_null (strstr (result, "038085012345"));
}

/* The window's connection is a kiosk's: a counter's call is refused. */
static void
test_kiosk_mode (Fixture *f, gconstpointer data)
{
  g_autoptr(McQueue) queue = mc_queue_new (f->r.db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) t = NULL;

  g_assert_true (mc_db_is_kiosk (f->r.db));
  t = mc_queue_call_next (queue, 1, mc_time_now (), &error);
  g_assert_null (t);
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
}

int
main (int argc, char *argv[])
{
  mc_test_ui_init (&argc, &argv);
  mc_test_use_vietnamese ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/kiosk/take", test_take);
  ADD ("/ui/kiosk/lookup", test_lookup);
  ADD ("/ui/kiosk/mode", test_kiosk_mode);
  ADD ("/ui/kiosk/called-by-a-counter", test_called_by_a_counter);
  return g_test_run ();
}
