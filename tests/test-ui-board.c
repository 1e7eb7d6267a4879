/* test-ui-board.c — the liveboard window says the calls another connection makes,
 * with this PC's settings and the command line's overrides
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window as `motcua liveboard` builds it, its announcer's sink set to
 * fakesink: the wiring from the database (McBoardSource) through the window
 * to McBoardAnnouncer, and from GSettings to the announcer. The clock is
 * MOTCUA_NOW (mc_test_ui_init): Monday 2026-11-23 09:30.
 */
#include "config.h"

#include "mc-board-window.h"
#include "mc-db-private.h"
#include "mc-demo.h"
#include "mc-queue.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

typedef struct {
  GPtrArray     *heard;   /* "A001 1" */
  McBoardSource *source;
  const char    *label;
} Watch;

static void
finished_cb (McBoardAnnouncer *announcer, const char *label, int counter, gboolean played, Watch *w)
{
  g_ptr_array_add (w->heard, g_strdup_printf ("%s %d", label, counter));
}

static gboolean
heard (Watch *w)
{
  for (guint i = 0; i < w->heard->len; i++)
    if (g_str_has_prefix (w->heard->pdata[i], w->label))
      return TRUE;
  return FALSE;
}

static gboolean
shown (Watch *w)
{
  McBoardModel *model = mc_board_source_get_model (w->source);

  for (guint i = 0; model != NULL && i < model->calls->len; i++)
    if (g_str_equal (((McQueueCall *) model->calls->pdata[i])->label, w->label))
      return TRUE;
  return FALSE;
}

static gboolean
loaded (Watch *w)
{
  return mc_board_source_get_model (w->source) != NULL;
}

/* Runs the main loop until `done` or `ms` passed; whether it was done. */
static gboolean
spin_until (gboolean (*done) (Watch *), Watch *w, guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (!done (w) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  return done (w);
}

static void
act (McQueueTicket *(*action) (McQueue *, int, McTime, GError **), McQueue *queue, int counter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) t = action (queue, counter, mc_time_now (), &error);

  g_assert_no_error (error);
}

static void
take (McQueue *queue, const char *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueService) s = mc_queue_find_service (queue, service, &error);
  g_autoptr(McQueueTicket) t = NULL;

  g_assert_no_error (error);
  t = mc_queue_take (queue, s->id, MC_QUEUE_PRIORITY_NONE, mc_time_now (), &error);
  g_assert_no_error (error);
}

static void
test_speech (void)
{
  g_autofree char *path = mc_test_db_path ("board-window.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(McBoardSource) source = mc_board_source_new (path);
  Watch w = { g_ptr_array_new_with_free_func (g_free), source, NULL };
  McBoardAnnouncer *announcer;
  GtkWidget *window;

  g_assert_no_error (error);
  g_assert_true (mc_demo_fill (db, 20, 3, NULL, &error));
  mc_db_set_actor (db, mc_db_query_int (db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL));
  queue = mc_queue_new (db);
  take (queue, "A");
  take (queue, "A");

  window = mc_board_window_new (source, settings, 0);
  announcer = mc_board_window_get_announcer (MC_BOARD_WINDOW (window));
  mc_board_announcer_set_sink (announcer, "fakesink");
  g_signal_connect (announcer, "finished", G_CALLBACK (finished_cb), &w);
  /* This PC's settings reach the announcer, now and as they change. */
  g_settings_set_int (settings, "liveboard-volume", 35);
  g_assert_cmpint (mc_board_announcer_get_volume (announcer), ==, 35);
  mc_board_source_start (source);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (loaded, &w, 10000));

  /* A call on another connection is said. */
  act (mc_queue_call_next, queue, 1);
  w.label = "A001 1";
  g_assert_true (spin_until (heard, &w, 15000));

  /* In the quiet period (09:00–10:00 around the tests' 09:30) it is shown,
   * not said. */
  g_settings_set_string (settings, "liveboard-quiet-period", "09:00-10:00");
  act (mc_queue_call_next, queue, 2);
  w.label = "A002";
  g_assert_true (spin_until (shown, &w, 5000));
  spin_until (heard, &w, 1000);
  g_assert_false (heard (&w));
  g_assert_cmpuint (mc_board_announcer_get_pending (announcer), ==, 0);

  /* After it a recall is said; the command line's --mute silences the
   * board whatever the settings, and its --volume wins over them. */
  g_settings_set_string (settings, "liveboard-quiet-period", "");
  mc_board_window_override_speech (MC_BOARD_WINDOW (window), TRUE, 90, NULL, NULL, MC_SPOKEN_DEFAULT);
  g_assert_cmpint (mc_board_announcer_get_volume (announcer), ==, 90);
  g_settings_set_int (settings, "liveboard-volume", 20);
  g_assert_cmpint (mc_board_announcer_get_volume (announcer), ==, 90);
  act (mc_queue_recall, queue, 2);
  spin_until (heard, &w, 2000);
  g_assert_false (heard (&w));
  mc_board_window_override_speech (MC_BOARD_WINDOW (window), FALSE, -1, NULL, NULL, MC_SPOKEN_DEFAULT);
  g_assert_cmpint (mc_board_announcer_get_volume (announcer), ==, 20);
  act (mc_queue_recall, queue, 2);
  w.label = "A002 2";
  g_assert_true (spin_until (heard, &w, 15000));

  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (w.heard);
}

int
main (int argc, char **argv)
{
  mc_test_ui_init (&argc, &argv);
  g_test_add_func ("/ui/board/speech", test_speech);
  return g_test_run ();
}
