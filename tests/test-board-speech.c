/* test-board-speech.c — the liveboard says each new call: order, recalls,
 * the quiet period, the volume, a sound written to a file, no sound device
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sink is injected: "fakesink sync=true" plays in real time into
 * nothing, "wavenc ! filesink" into a file that sox measures.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-board-announcer.h"
#include "mc-speech.h"
#include "mc-test-utils.h"

typedef struct {
  GMainLoop *loop;
  GPtrArray *log;       /* "started A1 1", "finished A1 1 played" */
  GArray    *started;   /* gint64 monotonic µs */
  GArray    *finished;
  guint      want;      /* quit after this many finished */
} Heard;

static void
started_cb (McBoardAnnouncer *a, const char *label, int counter, Heard *h)
{
  gint64 now = g_get_monotonic_time ();

  g_ptr_array_add (h->log, g_strdup_printf ("started %s %d", label, counter));
  g_array_append_val (h->started, now);
}

static void
finished_cb (McBoardAnnouncer *a, const char *label, int counter, gboolean played, Heard *h)
{
  gint64 now = g_get_monotonic_time ();

  g_ptr_array_add (h->log, g_strdup_printf ("finished %s %d %s", label, counter, played ? "played" : "not played"));
  g_array_append_val (h->finished, now);
  if (h->finished->len >= h->want)
    g_main_loop_quit (h->loop);
}

static gboolean
stop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
heard_init (Heard *h, McBoardAnnouncer *a)
{
  h->loop = g_main_loop_new (NULL, FALSE);
  h->log = g_ptr_array_new_with_free_func (g_free);
  h->started = g_array_new (FALSE, FALSE, sizeof (gint64));
  h->finished = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (a, "started", G_CALLBACK (started_cb), h);
  g_signal_connect (a, "finished", G_CALLBACK (finished_cb), h);
}

static void
heard_clear (Heard *h)
{
  g_main_loop_unref (h->loop);
  g_ptr_array_unref (h->log);
  g_array_unref (h->started);
  g_array_unref (h->finished);
}

/* Runs until `total` announcements finished, at most `ms`. */
static void
wait_heard (Heard *h, guint total, guint ms)
{
  guint id;

  if (h->finished->len >= total)
    return;
  h->want = total;
  id = g_timeout_add (ms, stop_cb, h->loop);
  g_main_loop_run (h->loop);
  g_source_remove (id);
}

static McTime now_value;

static McTime
fixed_clock (gpointer data)
{
  return now_value;
}

/* 50 ms clips for every word the calls below need: each call is then
 * chime 0.05 + 0.3 + 5 × 0.05 + 0.2 = 0.8 s. */
static char *
short_clips (void)
{
  static const char *const names[] = { "chime", "moi-cong-dan", "den-quay-so", "chu-a", "chu-b", "mot", "hai",
                                       "ba", "bon", "nam" };
  char *dir = g_dir_make_tmp ("motcua-board-clips-XXXXXX", NULL);
  g_autoptr(GArray) tone = g_array_new (FALSE, FALSE, sizeof (gint16));

  for (guint i = 0; i < MC_SPEECH_RATE / 20; i++)
    {
      gint16 v = (gint16) (sin (2 * G_PI * 440 * i / MC_SPEECH_RATE) * 8000);
      g_array_append_val (tone, v);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strconcat (names[i], ".wav", NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;
      g_assert_true (mc_speech_write_wav (tone, path, MC_OUTPUT_FILE_FORCE, &error));
      g_assert_no_error (error);
    }
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

static void
add_call (McBoardModel *m, gint64 id, const char *label, int counter, McTime at, int calls)
{
  McQueueCall *call = g_new0 (McQueueCall, 1);

  call->ticket_id = id;
  call->label = g_strdup (label);
  call->counter = counter;
  call->called_at = at;
  call->calls = calls;
  call->state = MC_QUEUE_STATE_CALLED;
  g_ptr_array_insert (m->calls, 0, call);  /* newest first, as loaded */
}

static void
test_quiet_parse (void)
{
  g_autoptr(GError) error = NULL;
  int from, to;

  g_assert_true (mc_speech_quiet_parse ("11:30-13:00", &from, &to, &error));
  g_assert_cmpint (from, ==, 690);
  g_assert_cmpint (to, ==, 780);
  g_assert_true (mc_speech_quiet_parse (" 11:30 – 13:00 ", &from, &to, &error));
  g_assert_cmpint (from, ==, 690);
  g_assert_true (mc_speech_quiet_parse ("", &from, &to, &error));
  g_assert_cmpint (from, ==, -1);
  g_assert_true (mc_speech_quiet_parse ("none", &from, &to, &error));
  g_assert_true (mc_speech_quiet_parse ("22:00-06:00", &from, &to, &error));
  g_assert_cmpint (from, ==, 1320);
  g_assert_no_error (error);
  const char *const bad[] = { "11:30", "25:00-13:00", "11:30-11:30", "11h30-13h", "11:30-13:00-14:00", "11:60-12:00" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (mc_speech_quiet_parse (bad[i], &from, &to, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      mc_test_assert_has (error->message, bad[i]);
      g_assert_cmpint (from, ==, -1);
      g_clear_error (&error);
    }
  g_assert_true (mc_speech_quiet_contains (690, 780, 690));
  g_assert_true (mc_speech_quiet_contains (690, 780, 779));
  g_assert_false (mc_speech_quiet_contains (690, 780, 780));
  g_assert_false (mc_speech_quiet_contains (690, 780, 689));
  g_assert_true (mc_speech_quiet_contains (1320, 360, 1400));
  g_assert_true (mc_speech_quiet_contains (1320, 360, 0));
  g_assert_false (mc_speech_quiet_contains (1320, 360, 360));
  g_assert_false (mc_speech_quiet_contains (-1, -1, 700));
}

/* Three calls arriving in one model are said one after the other in the
 * order called, each in real time (sync=true), never overlapping; the
 * calls seen before are not said again, a recall is; a call the board sees
 * late (a backlog) is not. */
static void
test_order (void)
{
  g_autofree char *clips = short_clips ();
  g_autoptr(McBoardAnnouncer) a = mc_board_announcer_new ();
  g_autoptr(McBoardModel) m = mc_board_model_new ();
  McTime t = mc_test_time ("2026-12-07 10:00");
  Heard h = { 0 };

  heard_init (&h, a);
  now_value = t;
  mc_board_announcer_set_clock (a, fixed_clock, NULL);
  mc_board_announcer_set_voice (a, clips, MC_SPOKEN_DEFAULT);
  mc_board_announcer_set_sink (a, "fakesink sync=true");
  m->loaded_at = t;
  add_call (m, 1, "A1", 1, t - 30, 1);
  mc_board_announcer_follow (a, m);  /* what was there before the board */
  g_assert_cmpuint (mc_board_announcer_get_pending (a), ==, 0);

  m->loaded_at = t + 5;
  add_call (m, 2, "B2", 2, t + 2, 1);   /* loaded newest first: 4, 3, 2 */
  add_call (m, 3, "3", 3, t + 3, 1);
  add_call (m, 4, "A4", 4, t + 3, 1);
  mc_board_announcer_follow (a, m);
  g_assert_cmpuint (mc_board_announcer_get_pending (a), ==, 3);
  mc_board_announcer_follow (a, m);  /* the same model again: nothing new */
  g_assert_cmpuint (mc_board_announcer_get_pending (a), ==, 3);
  wait_heard (&h, 3, 20000);
  g_assert_cmpuint (h.log->len, ==, 6);
  g_assert_cmpstr (h.log->pdata[0], ==, "started B2 2");
  g_assert_cmpstr (h.log->pdata[1], ==, "finished B2 2 played");
  g_assert_cmpstr (h.log->pdata[2], ==, "started 3 3");
  g_assert_cmpstr (h.log->pdata[4], ==, "started A4 4");
  g_assert_cmpstr (h.log->pdata[5], ==, "finished A4 4 played");
  for (guint i = 0; i < 3; i++)
    {
      gint64 played = g_array_index (h.finished, gint64, i) - g_array_index (h.started, gint64, i);
      g_test_message ("call %u played for %.0f ms", i, played / 1000.0);
      g_assert_cmpint (played, >, 650000);  /* 0.8 s of sound, in real time */
      if (i > 0)
        g_assert_cmpint (g_array_index (h.started, gint64, i), >=, g_array_index (h.finished, gint64, i - 1));
    }

  /* A recall of A1 (its count rises) is said again; a call seen only two
   * minutes after it was made is not. */
  ((McQueueCall *) m->calls->pdata[3])->calls = 2;
  ((McQueueCall *) m->calls->pdata[3])->called_at = t + 10;
  add_call (m, 5, "B5", 1, t - 120, 1);
  m->loaded_at = t + 11;
  mc_board_announcer_follow (a, m);
  g_assert_cmpuint (mc_board_announcer_get_pending (a), ==, 1);
  wait_heard (&h, 4, 10000);
  g_assert_cmpstr (h.log->pdata[6], ==, "started A1 1");
  g_assert_cmpstr (h.log->pdata[7], ==, "finished A1 1 played");
  g_assert_true (mc_board_announcer_has_output (a));
  heard_clear (&h);
  remove_dir (clips);
}

/* In the quiet period a call is shown, not said; after it, calls are said
 * again. Muted: never. */
static void
test_quiet_period (void)
{
  g_autofree char *clips = short_clips ();
  g_autoptr(McBoardAnnouncer) a = mc_board_announcer_new ();
  g_autoptr(McBoardModel) m = mc_board_model_new ();
  McTime noon = mc_test_time ("2026-12-07 12:00");
  Heard h = { 0 };

  heard_init (&h, a);
  mc_board_announcer_set_clock (a, fixed_clock, NULL);
  mc_board_announcer_set_voice (a, clips, MC_SPOKEN_DEFAULT);
  mc_board_announcer_set_sink (a, "fakesink");
  mc_board_announcer_set_quiet (a, 11 * 60 + 30, 13 * 60);
  mc_board_announcer_follow (a, m);
  now_value = noon;
  g_assert_false (mc_board_announcer_say (a, "A1", 1));
  m->loaded_at = noon;
  add_call (m, 1, "A1", 1, noon, 1);
  mc_board_announcer_follow (a, m);
  g_assert_cmpuint (mc_board_announcer_get_pending (a), ==, 0);
  now_value = mc_test_time ("2026-12-07 13:00");
  m->loaded_at = now_value;
  add_call (m, 2, "A2", 2, now_value, 1);
  mc_board_announcer_follow (a, m);
  g_assert_cmpuint (mc_board_announcer_get_pending (a), ==, 1);
  wait_heard (&h, 1, 10000);
  g_assert_cmpuint (h.log->len, ==, 2);
  g_assert_cmpstr (h.log->pdata[0], ==, "started A2 2");

  mc_board_announcer_set_enabled (a, FALSE);
  g_assert_false (mc_board_announcer_say (a, "A3", 1));
  g_assert_cmpuint (mc_board_announcer_get_pending (a), ==, 0);
  heard_clear (&h);
  remove_dir (clips);
}

/* sox's "Length (seconds)" and "RMS amplitude" of a WAV file. */
static void
sox_stat (const char *path, double *seconds, double *rms)
{
  g_autofree char *cmd = g_strdup_printf ("sox '%s' -n stat", path);
  g_autofree char *out = NULL, *err = NULL;
  const char *len, *amp;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  len = strstr (err, "Length (seconds):");
  amp = strstr (err, "RMS     amplitude:");
  g_assert_nonnull (len);
  g_assert_nonnull (amp);
  *seconds = g_ascii_strtod (len + strlen ("Length (seconds):"), NULL);
  *rms = g_ascii_strtod (amp + strlen ("RMS     amplitude:"), NULL);
}

static void
play_to_file (const char *path, int volume, const char *label)
{
  g_autoptr(McBoardAnnouncer) a = mc_board_announcer_new ();
  g_autofree char *sink = g_strdup_printf ("wavenc ! filesink location=\"%s\"", path);
  g_autofree char *done = g_strdup_printf ("finished %s 3 played", label);
  Heard h = { 0 };

  heard_init (&h, a);
  mc_board_announcer_set_sink (a, sink);
  mc_board_announcer_set_volume (a, volume);
  g_assert_true (mc_board_announcer_say (a, label, 3));
  wait_heard (&h, 1, 20000);
  g_assert_cmpuint (h.log->len, ==, 2);
  g_assert_cmpstr (h.log->pdata[1], ==, done);
  heard_clear (&h);
}

/* Played through GStreamer into a file: sox hears the chime and the
 * sentence of espeak-ng's voice, as long as the synthesis; the volume
 * setting scales it. */
static void
test_file_sink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("motcua-board-sound-XXXXXX", NULL);
  g_autofree char *loud = g_build_filename (dir, "loud.wav", NULL);
  g_autofree char *soft = g_build_filename (dir, "soft.wav", NULL);
  McSpeechOptions o = { NULL, 1.0, MC_SPOKEN_DEFAULT, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = mc_speech_call_ticket ("A025", 3, &o, &error);
  double expected, seconds, rms, soft_seconds, soft_rms;

  g_assert_no_error (error);
  expected = (double) samples->len / MC_SPEECH_RATE;
  if (!mc_test_have_program ("sox"))
    {
      g_test_skip ("sox is not installed");
      return;
    }
  play_to_file (loud, 100, "A025");
  play_to_file (soft, 25, "A025");
  sox_stat (loud, &seconds, &rms);
  sox_stat (soft, &soft_seconds, &soft_rms);
  g_test_message ("synthesised %.2f s; played %.2f s RMS %.3f; at 25 %% %.2f s RMS %.3f", expected, seconds, rms,
                  soft_seconds, soft_rms);
  g_assert_cmpfloat (seconds, >, 4.0);
  g_assert_cmpfloat (fabs (seconds - expected), <, 0.05);
  g_assert_cmpfloat (rms, >, 0.02);
  g_assert_cmpfloat (fabs (soft_rms - rms / 4), <, 0.01);
  remove_dir (dir);
}

static guint told;

static void
count_log_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  if (strstr (message, "no sound output") != NULL)
    told++;
}

/* No sound device (a sink that cannot start): each call ends unplayed,
 * the board goes on, and the log says so once. */
static void
test_no_output (void)
{
  g_autofree char *clips = short_clips ();
  g_autoptr(McBoardAnnouncer) a = mc_board_announcer_new ();
  Heard h = { 0 };
  guint handler = g_log_set_handler (NULL, G_LOG_LEVEL_MESSAGE, count_log_cb, NULL);

  heard_init (&h, a);
  mc_board_announcer_set_voice (a, clips, MC_SPOKEN_DEFAULT);
  mc_board_announcer_set_sink (a, "filesink location=/nonexistent-folder/sound.wav");
  g_assert_true (mc_board_announcer_say (a, "A1", 1));
  g_assert_true (mc_board_announcer_say (a, "B2", 2));
  wait_heard (&h, 2, 10000);
  g_assert_cmpuint (h.finished->len, ==, 2);
  g_assert_cmpstr (h.log->pdata[h.log->len - 1], ==, "finished B2 2 not played");
  g_assert_false (mc_board_announcer_has_output (a));
  g_assert_cmpuint (told, ==, 1);
  g_log_remove_handler (NULL, handler);
  heard_clear (&h);
  remove_dir (clips);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/board-speech/quiet-parse", test_quiet_parse);
  g_test_add_func ("/board-speech/order", test_order);
  g_test_add_func ("/board-speech/quiet-period", test_quiet_period);
  g_test_add_func ("/board-speech/file-sink", test_file_sink);
  g_test_add_func ("/board-speech/no-output", test_no_output);
  return g_test_run ();
}
