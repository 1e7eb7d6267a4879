/* mc-speech.c — the calling sentence as sound: a chime, then the words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <espeak-ng/speak_lib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#include "mc-speech.h"

/* A two-note chime ("ding-dong", E6 then C6, 0.35 s each with a decay): it
 * turns heads to the board before the number is said, so the first word is
 * not lost. */
static void
add_chime (GArray *out)
{
  static const double notes[] = { 1318.5, 1046.5 };
  const guint len = MC_SPEECH_RATE * 35 / 100;

  for (gsize k = 0; k < G_N_ELEMENTS (notes); k++)
    for (guint i = 0; i < len; i++)
      {
        double t = (double) i / MC_SPEECH_RATE;
        double v = sin (2 * G_PI * notes[k] * t) * exp (-4.0 * t) * 0.6;
        gint16 s = (gint16) (v * 32767);
        g_array_append_val (out, s);
      }
}

static void
add_silence (GArray *out, guint ms)
{
  guint n = MC_SPEECH_RATE * ms / 1000;
  g_array_set_size (out, out->len + n);
  memset (&g_array_index (out, gint16, out->len - n), 0, n * sizeof (gint16));
}

/* Appends `n` mono samples read at `rate`, converted to MC_SPEECH_RATE by
 * linear interpolation (a clip recorded at 44.1 or 48 kHz). */
static void
append_resampled (GArray *out, const gint16 *in, gsize n, guint rate)
{
  if (n == 0)
    return;
  gsize m = (gsize) ((double) n * MC_SPEECH_RATE / rate);
  for (gsize i = 0; i < m; i++)
    {
      double pos = (double) i * rate / MC_SPEECH_RATE;
      gsize a = (gsize) pos;
      gsize b = MIN (a + 1, n - 1);
      double f = pos - a;
      gint16 s = (gint16) lrint (in[MIN (a, n - 1)] * (1 - f) + in[b] * f);
      g_array_append_val (out, s);
    }
}

/* ---------- espeak-ng ---------- */

/* espeak-ng is opened the first time a sentence is said, not linked: it
 * brings libpcaudio, libsonic and PulseAudio's client libraries (and their
 * own), which every program of core loaded at start for nothing — a report,
 * a backup, a window that never speaks (issue 15: count them with
 * `ldd build/src/motcua-full`). Local binding, resident once opened, as
 * libpq in mc-pq.c. The prototypes are speak_lib.h's, so the compiler
 * checks each pointer against the header. */
#define MC_ESPEAK_LIBRARY "libespeak-ng.so.1"
#define MC_ESPEAK_FUNCTIONS(X) \
  X (espeak_Initialize) \
  X (espeak_SetSynthCallback) \
  X (espeak_SetVoiceByName) \
  X (espeak_SetParameter) \
  X (espeak_Synth) \
  X (espeak_Synchronize)

#define MC_ESPEAK_POINTER(name) __typeof__ (name) *name;
static struct {
  MC_ESPEAK_FUNCTIONS (MC_ESPEAK_POINTER)
} espeak;

static gboolean
espeak_open (GError **error)
{
  static GModule *module;
  gboolean found;

  if (module != NULL)
    return TRUE;
  module = g_module_open (MC_ESPEAK_LIBRARY, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  found = module != NULL;
#define MC_ESPEAK_FIND(name) \
  found = found && g_module_symbol (module, #name, (gpointer *) &espeak.name);
  MC_ESPEAK_FUNCTIONS (MC_ESPEAK_FIND)
  if (!found)
    {
      g_debug ("%s not loaded: %s", MC_ESPEAK_LIBRARY, g_module_error ());
      if (module != NULL)
        g_module_close (module);
      module = NULL;
      memset (&espeak, 0, sizeof espeak);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The speech synthesiser espeak-ng is not installed on this computer (%s)"),
                   MC_ESPEAK_LIBRARY);
      return FALSE;
    }
  g_module_make_resident (module);
  return TRUE;
}

gboolean
mc_speech_espeak_is_loaded (void)
{
  return espeak.espeak_Synth != NULL;
}

static int
espeak_collect (short *wav, int n, espeak_EVENT *events)
{
  GArray *pcm = events->user_data;
  if (wav != NULL && n > 0)
    g_array_append_vals (pcm, wav, n);
  return 0;
}

static gboolean espeak_say_locked (GArray *out, const char *text, const char *voice, GError **error);

/* One synthesis at a time: the library's state is the process's, and the
 * board synthesises in a worker thread while a test or a command may not. */
static gboolean
espeak_say (GArray *out, const char *text, const char *voice, GError **error)
{
  static GMutex lock;
  gboolean ok;

  g_mutex_lock (&lock);
  ok = espeak_say_locked (out, text, voice, error);
  g_mutex_unlock (&lock);
  return ok;
}

static gboolean
espeak_say_locked (GArray *out, const char *text, const char *voice, GError **error)
{
  static int rate = 0;

  if (!espeak_open (error))
    return FALSE;
  /* The library keeps one state per process: initialised once. */
  if (rate == 0)
    {
      rate = espeak.espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
      if (rate <= 0)
        {
          rate = 0;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The speech synthesiser espeak-ng could not start (is the espeak-ng-data package installed?)"));
          return FALSE;
        }
      espeak.espeak_SetSynthCallback (espeak_collect);
    }
  if (espeak.espeak_SetVoiceByName (voice ? voice : "vi") != EE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("espeak-ng has no voice “%s”"), voice ? voice : "vi");
      return FALSE;
    }
  /* A little slower than its default 175 words a minute: a hall echoes. */
  espeak.espeak_SetParameter (espeakRATE, 150, 0);

  g_autoptr(GArray) pcm = g_array_new (FALSE, FALSE, sizeof (gint16));
  if (espeak.espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                           espeakCHARS_UTF8, NULL, pcm) != EE_OK
      || espeak.espeak_Synchronize () != EE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("espeak-ng could not read the sentence aloud"));
      return FALSE;
    }
  append_resampled (out, (const gint16 *) pcm->data, pcm->len, (guint) rate);
  return TRUE;
}

/* ---------- recorded clips ---------- */

static guint32
le32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

/* A PCM WAV file's samples (16-bit, mono or stereo averaged), appended. */
static gboolean
append_clip (GArray *out, const char *dir, const char *name, GError **error)
{
  g_autofree char *file = g_strconcat (name, ".wav", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The recorded clip %s is missing or cannot be read"), path);
      return FALSE;
    }
  const guint8 *p = (const guint8 *) data;
  guint channels = 0, rate = 0, bits = 0;
  if (len < 12 || memcmp (p, "RIFF", 4) != 0 || memcmp (p + 8, "WAVE", 4) != 0)
    goto bad;
  for (gsize at = 12; at + 8 <= len;)
    {
      guint32 size = le32 (p + at + 4);
      const guint8 *body = p + at + 8;
      if (size > len - at - 8)
        size = (guint32) (len - at - 8);
      if (memcmp (p + at, "fmt ", 4) == 0 && size >= 16)
        {
          if (le16 (body) != 1)  /* PCM only */
            goto bad;
          channels = le16 (body + 2);
          rate = le32 (body + 4);
          bits = le16 (body + 14);
        }
      else if (memcmp (p + at, "data", 4) == 0)
        {
          if (bits != 16 || channels < 1 || channels > 2 || rate < 8000 || rate > 192000)
            goto bad;
          gsize frames = size / (2 * channels);
          g_autofree gint16 *mono = g_new (gint16, MAX (frames, 1));
          for (gsize i = 0; i < frames; i++)
            {
              int sum = 0;
              for (guint c = 0; c < channels; c++)
                sum += (gint16) le16 (body + (i * channels + c) * 2);
              mono[i] = (gint16) (sum / (int) channels);
            }
          append_resampled (out, mono, frames, rate);
          return TRUE;
        }
      at += 8 + size + (size & 1);
    }
bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The recorded clip %s is not a 16-bit PCM WAV file"), path);
  return FALSE;
}

static gboolean
append_words (GArray *out, const char *dir, char **words, GError **error)
{
  for (guint i = 0; words[i]; i++)
    if (!append_clip (out, dir, mc_spoken_word_clip (words[i]), error))
      return FALSE;
  return TRUE;
}

static gboolean
clips_say (GArray *out, const char *label, guint counter, const McSpeechOptions *o, GError **error)
{
  g_auto(GStrv) n = mc_spoken_ticket_words (label, o->style);
  g_auto(GStrv) c = mc_spoken_number_words (counter, o->style);

  return append_clip (out, o->clips_dir, mc_spoken_word_clip (MC_SPOKEN_PHRASE_CALL), error)
         && append_words (out, o->clips_dir, n, error)
         && append_clip (out, o->clips_dir, mc_spoken_word_clip (MC_SPOKEN_PHRASE_COUNTER), error)
         && append_words (out, o->clips_dir, c, error);
}

/* ---------- the call ---------- */

static void
apply_volume (GArray *samples, double volume)
{
  volume = CLAMP (volume, 0.0, 1.0);
  for (guint i = 0; i < samples->len; i++)
    g_array_index (samples, gint16, i) = (gint16) lrint (g_array_index (samples, gint16, i) * volume);
}

GArray *
mc_speech_call_ticket (const char *label, guint counter, const McSpeechOptions *o, GError **error)
{
  g_auto(GStrv) words = mc_spoken_ticket_words (label, o->style);

  if (words == NULL || counter > MC_SPOKEN_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A ticket is a letter and a number up to %u, a counter a number up to %u"),
                   (guint) MC_SPOKEN_MAX, (guint) MC_SPOKEN_MAX);
      return NULL;
    }
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (gint16));
  gboolean clips = o->clips_dir != NULL && o->clips_dir[0] != '\0';
  g_autofree char *chime = clips ? g_build_filename (o->clips_dir, "chime.wav", NULL) : NULL;

  if (chime != NULL && g_file_test (chime, G_FILE_TEST_EXISTS))
    {
      if (!append_clip (out, o->clips_dir, "chime", error))
        return NULL;
    }
  else
    add_chime (out);
  add_silence (out, 300);
  if (clips)
    {
      if (!clips_say (out, label, counter, o, error))
        return NULL;
    }
  else
    {
      g_autofree char *text = mc_spoken_ticket_speech (label, counter, o->style);
      if (!espeak_say (out, text, o->voice, error))
        return NULL;
    }
  add_silence (out, 200);
  apply_volume (out, o->volume);
  return g_steal_pointer (&out);
}

GArray *
mc_speech_call (guint number, guint counter, const McSpeechOptions *o, GError **error)
{
  g_autofree char *label = g_strdup_printf ("%u", number);

  if (number > MC_SPOKEN_MAX || counter > MC_SPOKEN_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A ticket or counter number is at most %u"), (guint) MC_SPOKEN_MAX);
      return NULL;
    }
  return mc_speech_call_ticket (label, counter, o, error);
}

/* The quiet period */

static gboolean
parse_minute (const char *text, int *minute)
{
  unsigned h, m;
  char tail;

  if (sscanf (text, "%2u:%2u%c", &h, &m, &tail) != 2 || h > 23 || m > 59)
    return FALSE;
  *minute = (int) (h * 60 + m);
  return TRUE;
}

gboolean
mc_speech_quiet_parse (const char *text, int *from_minute, int *to_minute, GError **error)
{
  g_autoptr(GString) copy = g_string_new (text ? text : "");
  g_auto(GStrv) parts = NULL;

  *from_minute = *to_minute = -1;
  /* An en dash as the board's preferences show it, or a hyphen. */
  g_string_replace (copy, "–", "-", 0);
  g_strstrip (copy->str);
  if (copy->str[0] == '\0' || g_ascii_strcasecmp (copy->str, "none") == 0)
    return TRUE;
  parts = g_strsplit (copy->str, "-", -1);
  if (g_strv_length (parts) != 2 || !parse_minute (g_strstrip (parts[0]), from_minute) ||
      !parse_minute (g_strstrip (parts[1]), to_minute) || *from_minute == *to_minute)
    {
      *from_minute = *to_minute = -1;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The quiet period “%s” is not valid: write it as 11:30-13:00, or leave it empty"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_speech_quiet_contains (int from_minute, int to_minute, int minute)
{
  if (from_minute < 0 || to_minute < 0 || from_minute == to_minute)
    return FALSE;
  if (from_minute < to_minute)
    return minute >= from_minute && minute < to_minute;
  return minute >= from_minute || minute < to_minute;  /* over midnight */
}

static void
put32 (GByteArray *b, guint32 v)
{
  guint8 x[4] = { v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff, v >> 24 & 0xff };
  g_byte_array_append (b, x, 4);
}

static void
put16 (GByteArray *b, guint16 v)
{
  guint8 x[2] = { v & 0xff, v >> 8 };
  g_byte_array_append (b, x, 2);
}

gboolean
mc_speech_write_wav (GArray *samples, const char *path, McOutputFileFlags flags, GError **error)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();
  guint32 bytes = samples->len * 2;

  g_byte_array_append (b, (const guint8 *) "RIFF", 4);
  put32 (b, 36 + bytes);
  g_byte_array_append (b, (const guint8 *) "WAVEfmt ", 8);
  put32 (b, 16);
  put16 (b, 1);                   /* PCM */
  put16 (b, 1);                   /* mono */
  put32 (b, MC_SPEECH_RATE);
  put32 (b, MC_SPEECH_RATE * 2);  /* bytes a second */
  put16 (b, 2);                   /* bytes a frame */
  put16 (b, 16);
  g_byte_array_append (b, (const guint8 *) "data", 4);
  put32 (b, bytes);
  for (guint i = 0; i < samples->len; i++)
    put16 (b, (guint16) g_array_index (samples, gint16, i));
  return mc_output_file_set_contents (path, (const char *) b->data, b->len, flags, error);
}
