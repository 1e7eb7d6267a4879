/* mc-board-announcer.c — the liveboard says each new call aloud, offline
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One announcement at a time: the sound is synthesised in a worker thread
 * (espeak-ng takes a few hundred milliseconds, the ticker must not stop),
 * then played by a pipeline of its own — appsrc ! audioconvert !
 * audioresample ! volume ! the sink — that is torn down at its end of
 * stream before the next one is built, so two calls never overlap and a
 * failed device costs one announcement, not the board. The pipeline's
 * elements are all in Debian's gstreamer1.0-plugins-base; the sink is
 * autoaudiosink (PulseAudio/PipeWire or ALSA, whatever the lobby PC has).
 */
#include "config.h"


#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include "mc-board-announcer.h"
#include "mc-speech.h"

#define DEFAULT_VOLUME 80

typedef struct {
  char *label;
  int   counter;
} Item;

struct _McBoardAnnouncer
{
  GObject        parent_instance;

  GQueue         items;        /* Item*, waiting their turn */
  Item          *current;      /* being synthesised or played */
  GstElement    *pipeline;
  GstElement    *volume;
  guint          bus_watch;
  GCancellable  *cancellable;

  int            volume_percent;
  int            quiet_from, quiet_to;
  char          *clips_dir;
  McSpokenStyle  style;
  gboolean       enabled;
  char          *sink;
  McBoardClock   clock;
  gpointer       clock_data;

  GHashTable    *seen;         /* ticket id → calls, of the day */
  McDate         seen_day;
  gboolean       following;    /* a first model was seen */
  gboolean       output_ok;
  gboolean       told;         /* the log said there is no sound */
  gboolean       silent;       /* the current one found no device */
};

G_DEFINE_FINAL_TYPE (McBoardAnnouncer, mc_board_announcer, G_TYPE_OBJECT)

enum { STARTED, FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void play_next (McBoardAnnouncer *self);

static gboolean
is_quiet (McBoardAnnouncer *self)
{
  McTime now = self->clock ? self->clock (self->clock_data) : mc_time_now ();

  return mc_speech_quiet_contains (self->quiet_from, self->quiet_to, mc_time_get_minute (now));
}

/* Items */

static void
item_free (Item *item)
{
  if (item == NULL)
    return;
  g_free (item->label);
  g_free (item);
}

/* The log says it once; each later call is tried all the same (a
 * loudspeaker plugged in later is used). */
static void
no_output (McBoardAnnouncer *self, const char *why)
{
  self->output_ok = FALSE;
  if (self->told)
    return;
  self->told = TRUE;
  g_message ("liveboard: no sound output (%s): calls are shown, not said", why);
}

static void
teardown (McBoardAnnouncer *self)
{
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  self->volume = NULL;
  g_clear_pointer (&self->pipeline, gst_object_unref);
}

static void
finish (McBoardAnnouncer *self, gboolean played)
{
  Item *item = g_steal_pointer (&self->current);

  teardown (self);
  if (item != NULL)
    {
      if (played)
        self->output_ok = TRUE;
      g_signal_emit (self, signals[FINISHED], 0, item->label, item->counter, played);
      item_free (item);
    }
  play_next (self);
}

static gboolean
bus_cb (GstBus *bus, GstMessage *message, gpointer data)
{
  McBoardAnnouncer *self = data;
  g_autoptr(GError) error = NULL;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_EOS:
      self->bus_watch = 0;
      finish (self, !self->silent);
      return G_SOURCE_REMOVE;
    case GST_MESSAGE_WARNING:
      /* autoaudiosink that found no device warns and plays into a fake
       * sink: the end of stream comes, but nobody heard it. */
      gst_message_parse_warning (message, &error, NULL);
      self->silent = TRUE;
      no_output (self, error->message);
      return G_SOURCE_CONTINUE;
    case GST_MESSAGE_ERROR:
      gst_message_parse_error (message, &error, NULL);
      self->bus_watch = 0;
      no_output (self, error->message);
      finish (self, FALSE);
      return G_SOURCE_REMOVE;
    default:
      return G_SOURCE_CONTINUE;
    }
}

static GstElement *
build_pipeline (McBoardAnnouncer *self, GError **error)
{
  g_autofree char *description = g_strdup_printf ("appsrc name=src format=time ! audioconvert ! audioresample ! "
                                                  "volume name=volume ! %s",
                                                  self->sink ? self->sink : "autoaudiosink");
  g_autoptr(GstCaps) caps = gst_caps_new_simple ("audio/x-raw", "format", G_TYPE_STRING, "S16LE",
                                                 "layout", G_TYPE_STRING, "interleaved",
                                                 "rate", G_TYPE_INT, MC_SPEECH_RATE, "channels", G_TYPE_INT, 1,
                                                 NULL);
  GstElement *pipeline = gst_parse_launch_full (description, NULL, GST_PARSE_FLAG_FATAL_ERRORS, error);
  g_autoptr(GstElement) src = NULL;

  if (pipeline == NULL)
    return NULL;
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  gst_app_src_set_caps (GST_APP_SRC (src), caps);
  return pipeline;
}

/* The samples as one buffer, then the end of the stream. */
static void
push_samples (GstElement *pipeline, GArray *samples)
{
  g_autoptr(GstElement) src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  gsize bytes = samples->len * sizeof (gint16);
  GstBuffer *buffer = gst_buffer_new_wrapped (g_memdup2 (samples->data, bytes), bytes);

  GST_BUFFER_PTS (buffer) = 0;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (samples->len, GST_SECOND, MC_SPEECH_RATE);
  gst_app_src_push_buffer (GST_APP_SRC (src), buffer);
  gst_app_src_end_of_stream (GST_APP_SRC (src));
}

static void
play (McBoardAnnouncer *self, GArray *samples)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstBus) bus = NULL;
  static gsize gst_ready = 0;

  if (g_once_init_enter (&gst_ready))
    {
      g_autoptr(GError) init_error = NULL;
      gboolean ok = gst_init_check (NULL, NULL, &init_error);
      if (!ok)
        no_output (self, init_error ? init_error->message : "GStreamer");
      g_once_init_leave (&gst_ready, ok ? 1 : 2);
    }
  self->silent = FALSE;
  if (gst_ready != 1 || (self->pipeline = build_pipeline (self, &error)) == NULL)
    {
      if (error != NULL)
        no_output (self, error->message);
      finish (self, FALSE);
      return;
    }
  self->volume = gst_bin_get_by_name (GST_BIN (self->pipeline), "volume");
  gst_object_unref (self->volume);  /* the pipeline keeps it */
  g_object_set (self->volume, "volume", self->volume_percent / 100.0, NULL);
  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);
  push_samples (self->pipeline, samples);
  g_signal_emit (self, signals[STARTED], 0, self->current->label, self->current->counter);
  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      /* The error message on the bus says why; without one, this. */
      no_output (self, "the audio output refused to start");
      finish (self, FALSE);
    }
}

/* Synthesis, in a worker thread */

typedef struct {
  char          *label;
  int            counter;
  char          *clips_dir;
  McSpokenStyle  style;
} Synth;

static void
synth_free (Synth *synth)
{
  g_free (synth->label);
  g_free (synth->clips_dir);
  g_free (synth);
}

static void
synth_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Synth *synth = data;
  McSpeechOptions options = { synth->clips_dir, 1.0, synth->style, NULL };
  GError *error = NULL;
  GArray *samples = mc_speech_call_ticket (synth->label, (guint) synth->counter, &options, &error);

  if (samples == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, samples, (GDestroyNotify) g_array_unref);
}

static void
synth_done_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = g_task_propagate_pointer (G_TASK (result), &error);
  McBoardAnnouncer *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* disposed */
  self = MC_BOARD_ANNOUNCER (object);
  if (samples == NULL)
    {
      g_message ("liveboard: %s is not said: %s", self->current->label, error->message);
      finish (self, FALSE);
      return;
    }
  play (self, samples);
}

/* The next announcement, unless one is under way. A call waiting while the
 * quiet period began is dropped then. */
static void
play_next (McBoardAnnouncer *self)
{
  g_autoptr(GTask) task = NULL;
  Synth *synth;

  if (self->current != NULL)
    return;
  while ((self->current = g_queue_pop_head (&self->items)) != NULL && (!self->enabled || is_quiet (self)))
    g_clear_pointer (&self->current, item_free);
  if (self->current == NULL)
    return;
  synth = g_new0 (Synth, 1);
  synth->label = g_strdup (self->current->label);
  synth->counter = self->current->counter;
  synth->clips_dir = g_strdup (self->clips_dir);
  synth->style = self->style;
  task = g_task_new (self, self->cancellable, synth_done_cb, NULL);
  g_task_set_task_data (task, synth, (GDestroyNotify) synth_free);
  g_task_run_in_thread (task, synth_in_thread);
}

/* GObject */

static void
mc_board_announcer_dispose (GObject *object)
{
  McBoardAnnouncer *self = MC_BOARD_ANNOUNCER (object);

  g_cancellable_cancel (self->cancellable);
  teardown (self);
  g_queue_clear_full (&self->items, (GDestroyNotify) item_free);
  g_clear_pointer (&self->current, item_free);
  G_OBJECT_CLASS (mc_board_announcer_parent_class)->dispose (object);
}

static void
mc_board_announcer_finalize (GObject *object)
{
  McBoardAnnouncer *self = MC_BOARD_ANNOUNCER (object);

  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->seen);
  g_free (self->clips_dir);
  g_free (self->sink);
  G_OBJECT_CLASS (mc_board_announcer_parent_class)->finalize (object);
}

static void
mc_board_announcer_class_init (McBoardAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_board_announcer_dispose;
  object_class->finalize = mc_board_announcer_finalize;
  /* An announcement begins to play (label, counter). */
  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
  /* It ended (label, counter, whether it was played to its end). */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_BOOLEAN);
}

static void
mc_board_announcer_init (McBoardAnnouncer *self)
{
  g_queue_init (&self->items);
  self->cancellable = g_cancellable_new ();
  self->volume_percent = DEFAULT_VOLUME;
  self->quiet_from = self->quiet_to = -1;
  self->enabled = TRUE;
  self->output_ok = TRUE;
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Public */

McBoardAnnouncer *
mc_board_announcer_new (void)
{
  return g_object_new (MC_TYPE_BOARD_ANNOUNCER, NULL);
}

void
mc_board_announcer_set_volume (McBoardAnnouncer *self, int percent)
{
  g_return_if_fail (MC_IS_BOARD_ANNOUNCER (self));
  self->volume_percent = CLAMP (percent, 0, 100);
  if (self->volume != NULL)
    g_object_set (self->volume, "volume", self->volume_percent / 100.0, NULL);
}

int
mc_board_announcer_get_volume (McBoardAnnouncer *self)
{
  g_return_val_if_fail (MC_IS_BOARD_ANNOUNCER (self), 0);
  return self->volume_percent;
}

void
mc_board_announcer_set_quiet (McBoardAnnouncer *self, int from_minute, int to_minute)
{
  g_return_if_fail (MC_IS_BOARD_ANNOUNCER (self));
  self->quiet_from = from_minute;
  self->quiet_to = to_minute;
}

void
mc_board_announcer_set_voice (McBoardAnnouncer *self, const char *clips_dir, McSpokenStyle style)
{
  g_return_if_fail (MC_IS_BOARD_ANNOUNCER (self));
  g_free (self->clips_dir);
  self->clips_dir = clips_dir && *clips_dir ? g_strdup (clips_dir) : NULL;
  self->style = style;
}

void
mc_board_announcer_set_enabled (McBoardAnnouncer *self, gboolean enabled)
{
  g_return_if_fail (MC_IS_BOARD_ANNOUNCER (self));
  self->enabled = enabled;
}

void
mc_board_announcer_set_sink (McBoardAnnouncer *self, const char *description)
{
  g_return_if_fail (MC_IS_BOARD_ANNOUNCER (self));
  g_free (self->sink);
  self->sink = description && *description ? g_strdup (description) : NULL;
}

void
mc_board_announcer_set_clock (McBoardAnnouncer *self, McBoardClock clock, gpointer data)
{
  g_return_if_fail (MC_IS_BOARD_ANNOUNCER (self));
  self->clock = clock;
  self->clock_data = data;
}

gboolean
mc_board_announcer_say (McBoardAnnouncer *self, const char *label, int counter)
{
  Item *item;

  g_return_val_if_fail (MC_IS_BOARD_ANNOUNCER (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!self->enabled || is_quiet (self))
    return FALSE;
  item = g_new0 (Item, 1);
  item->label = g_strdup (label);
  item->counter = counter;
  g_queue_push_tail (&self->items, item);
  play_next (self);
  return TRUE;
}

static int
compare_calls (gconstpointer a, gconstpointer b)
{
  const McQueueCall *x = *(McQueueCall **) a, *y = *(McQueueCall **) b;

  if (x->called_at != y->called_at)
    return x->called_at < y->called_at ? -1 : 1;
  return x->ticket_id < y->ticket_id ? -1 : x->ticket_id > y->ticket_id;
}

void
mc_board_announcer_follow (McBoardAnnouncer *self, const McBoardModel *model)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  McDate day;

  g_return_if_fail (MC_IS_BOARD_ANNOUNCER (self) && model != NULL);

  /* Ticket ids never repeat; the table is emptied each day to stay small. */
  day = mc_time_get_date (model->loaded_at);
  if (day != self->seen_day)
    {
      g_hash_table_remove_all (self->seen);
      self->seen_day = day;
    }
  for (guint i = 0; i < model->calls->len; i++)
    {
      McQueueCall *call = model->calls->pdata[i];
      gpointer seen = g_hash_table_lookup (self->seen, &call->ticket_id);

      if (seen != NULL && GPOINTER_TO_INT (seen) >= call->calls)
        continue;
      g_hash_table_insert (self->seen, g_memdup2 (&call->ticket_id, sizeof call->ticket_id),
                           GINT_TO_POINTER (call->calls));
      if (self->following && call->called_at >= model->loaded_at - MC_BOARD_CALL_STALE_SECONDS)
        g_ptr_array_add (fresh, call);
    }
  self->following = TRUE;
  g_ptr_array_sort (fresh, compare_calls);
  for (guint i = 0; i < fresh->len; i++)
    mc_board_announcer_say (self, ((McQueueCall *) fresh->pdata[i])->label, ((McQueueCall *) fresh->pdata[i])->counter);
}

guint
mc_board_announcer_get_pending (McBoardAnnouncer *self)
{
  g_return_val_if_fail (MC_IS_BOARD_ANNOUNCER (self), 0);
  return self->items.length + (self->current != NULL);
}

gboolean
mc_board_announcer_has_output (McBoardAnnouncer *self)
{
  g_return_val_if_fail (MC_IS_BOARD_ANNOUNCER (self), FALSE);
  return self->output_ok;
}
