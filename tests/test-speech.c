/* test-speech.c — the calling announcement as sound: espeak-ng, recorded clips, motcua queue say
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mc-speech.h"
#include "mc-test-utils.h"

/* Root mean square of the samples from `from` on, 0 … 1. */
static double
rms (GArray *samples, guint from)
{
  double sum = 0;
  for (guint i = from; i < samples->len; i++)
    {
      double v = g_array_index (samples, gint16, i) / 32768.0;
      sum += v * v;
    }
  return samples->len > from ? sqrt (sum / (samples->len - from)) : 0;
}

/* After the chime (0.7 s) and its pause (0.3 s): the words. */
#define WORDS_FROM (MC_SPEECH_RATE)

static void
test_espeak (void)
{
  McSpeechOptions o = { NULL, 1.0, MC_SPOKEN_DEFAULT, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) s = NULL;

  /* espeak-ng is opened by the first sentence said, not at start (issue 15;
   * tests/check-no-gtk.sh checks that no program links it). */
  g_assert_false (mc_speech_espeak_is_loaded ());
  s = mc_speech_call (1025, 3, &o, &error);
  g_assert_no_error (error);
  g_assert_true (mc_speech_espeak_is_loaded ());
  /* "Mời công dân có số thứ tự một nghìn không trăm hai mươi lăm đến quầy số
   * ba": 18 syllables at 150 words a minute, well over 3 s after the chime. */
  g_test_message ("%u samples, %.2f s, words rms %.3f", s->len, (double) s->len / MC_SPEECH_RATE, rms (s, WORDS_FROM));
  g_assert_cmpuint (s->len, >, 4 * MC_SPEECH_RATE);
  g_assert_cmpfloat (rms (s, WORDS_FROM), >, 0.02);

  /* A longer number takes longer to say; the volume scales it. */
  g_autoptr(GArray) shorter = mc_speech_call (1, 1, &o, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shorter->len + MC_SPEECH_RATE, <, s->len);
  o.volume = 0.25;
  g_autoptr(GArray) quiet = mc_speech_call (1025, 3, &o, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (rms (quiet, WORDS_FROM) - rms (s, WORDS_FROM) / 4), <, 0.01);

  g_autoptr(GArray) none = mc_speech_call (MC_SPOKEN_MAX + 1, 3, &o, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* The ticket's letter is said too: A1025 is longer than 1025. */
  o.volume = 1.0;
  g_autoptr(GArray) lettered = mc_speech_call_ticket ("A1025", 3, &o, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lettered->len, >, s->len + MC_SPEECH_RATE / 10);
  g_autoptr(GArray) bad = mc_speech_call_ticket ("AB1", 3, &o, &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* A clip: `ms` of a tone at `rate` (Hz) and `channels`, as a WAV file. */
static void
write_clip (const char *dir, const char *name, guint ms, guint rate, guint channels)
{
  g_autofree char *file = g_strconcat (name, ".wav", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  guint frames = rate * ms / 1000;
  g_autoptr(GByteArray) b = g_byte_array_new ();
  guint32 bytes = frames * channels * 2;
  guint32 head[] = { GUINT32_TO_LE (36 + bytes) };

  g_byte_array_append (b, (const guint8 *) "RIFF", 4);
  g_byte_array_append (b, (const guint8 *) head, 4);
  guint8 fmt[24] = { 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ', 16, 0, 0, 0, 1, 0, (guint8) channels, 0,
                     rate & 0xff, rate >> 8 & 0xff, rate >> 16 & 0xff, 0, 0, 0, 0, 0 };
  guint32 byte_rate = rate * channels * 2;
  memcpy (fmt + 20, &byte_rate, 4);
  g_byte_array_append (b, fmt, 24);
  guint8 align[4] = { (guint8) (channels * 2), 0, 16, 0 };
  g_byte_array_append (b, align, 4);
  g_byte_array_append (b, (const guint8 *) "data", 4);
  guint32 size = GUINT32_TO_LE (bytes);
  g_byte_array_append (b, (const guint8 *) &size, 4);
  for (guint i = 0; i < frames; i++)
    for (guint c = 0; c < channels; c++)
      {
        gint16 v = (gint16) GINT16_TO_LE ((gint16) (sin (2 * G_PI * 440 * i / rate) * 8000));
        g_byte_array_append (b, (const guint8 *) &v, 2);
      }
  g_assert_true (g_file_set_contents (path, (const char *) b->data, b->len, NULL));
}

static void
test_clips (void)
{
  g_autofree char *dir = g_dir_make_tmp ("motcua-clips-XXXXXX", NULL);
  McSpeechOptions o = { dir, 1.0, MC_SPOKEN_DEFAULT, NULL };
  g_autoptr(GError) error = NULL;

  /* 1025 at counter 3: the phrase parts (1 s each, one recorded at 44.1 kHz
   * in stereo) and seven + one number words of 0.1 s. */
  write_clip (dir, "moi-cong-dan", 1000, 44100, 2);
  write_clip (dir, "den-quay-so", 1000, MC_SPEECH_RATE, 1);
  const char *const words[] = { "mot", "nghin", "khong", "tram", "hai", "muoi", "lam", "ba" };
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    write_clip (dir, words[i], 100, 48000, 1);

  g_autoptr(GArray) s = mc_speech_call (1025, 3, &o, &error);
  g_assert_no_error (error);
  /* chime 0.7 + pause 0.3 + 2 × 1 + 8 × 0.1 + end 0.2 = 4.0 s, within a few samples */
  g_assert_cmpint (ABS ((int) s->len - 4 * MC_SPEECH_RATE), <, 20);
  g_assert_cmpfloat (rms (s, WORDS_FROM), >, 0.1);

  /* A word without its clip is named in the error: 24 needs "tu". */
  g_autoptr(GArray) none = mc_speech_call (24, 3, &o, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  mc_test_assert_has (error->message, "tu.wav");
  g_clear_error (&error);

  /* A ticket with its service's letter: the letter's clip, then the
   * number's words without its zeros (B025: chu-b, hai, muoi, lam). */
  g_autoptr(GArray) lettered = mc_speech_call_ticket ("B025", 3, &o, &error);
  g_assert_null (lettered);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  mc_test_assert_has (error->message, "chu-b.wav");
  g_clear_error (&error);
  write_clip (dir, "chu-b", 400, MC_SPEECH_RATE, 1);
  g_autoptr(GArray) b025 = mc_speech_call_ticket ("B025", 3, &o, &error);
  g_assert_no_error (error);
  /* chime 0.7 + 0.3 + 1 + letter 0.4 + 3 × 0.1 + 1 + counter 0.1 + 0.2 = 4.0 s */
  g_assert_cmpint (ABS ((int) b025->len - 4 * MC_SPEECH_RATE), <, 20);

  /* The center's own chime replaces the built-in one. */
  write_clip (dir, "chime", 500, MC_SPEECH_RATE, 1);
  g_autoptr(GArray) own = mc_speech_call (1025, 3, &o, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ABS ((int) own->len - (int) (3.8 * MC_SPEECH_RATE)), <, 20);

  /* Not a WAV file. */
  g_autofree char *bad = g_build_filename (dir, "ba.wav", NULL);
  g_assert_true (g_file_set_contents (bad, "not a wave", -1, NULL));
  g_autoptr(GArray) broken = mc_speech_call (1025, 3, &o, &error);
  g_assert_null (broken);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  g_autofree char *cmd = g_strdup_printf ("rm -rf %s", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* motcua queue say writes a WAV file that sox reads as over 1 s of sound. */
static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("motcua-say-XXXXXX", NULL);
  g_autofree char *wav = g_build_filename (dir, "call.wav", NULL);
  g_autofree char *cmd = g_strdup_printf ("%s queue say --number 1025 --counter 3 --output %s",
                                          g_getenv ("MOTCUA_BIN"), wav);
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  mc_test_assert_has (out, "Mời công dân có số thứ tự 1025 đến quầy số 3\t");
  g_assert_true (g_file_test (wav, G_FILE_TEST_IS_REGULAR));

  /* Again without --force: refused, in Vietnamese, the file kept. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &status, NULL));
  g_assert_cmpint (status, !=, 0);
  mc_test_assert_has (err, "Lỗi");

  /* Over a second of 16-bit mono sound after the 44-byte header. */
  GStatBuf st;
  g_assert_cmpint (g_stat (wav, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 44 + 2 * MC_SPEECH_RATE);

  if (mc_test_have_program ("sox"))
    {
      g_autofree char *stat = g_strdup_printf ("sox %s -n stat", wav);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_true (g_spawn_command_line_sync (stat, &out, &err, &status, NULL));
      g_assert_cmpint (status, ==, 0);
      /* sox prints its statistics on stderr: "Length (seconds):  5.1…", "RMS amplitude: 0.1…" */
      const char *len = strstr (err, "Length (seconds):");
      const char *amp = strstr (err, "RMS     amplitude:");
      g_assert_nonnull (len);
      g_assert_nonnull (amp);
      double seconds = g_ascii_strtod (len + strlen ("Length (seconds):"), NULL);
      double loud = g_ascii_strtod (amp + strlen ("RMS     amplitude:"), NULL);
      g_test_message ("sox: %.2f s, RMS %.3f", seconds, loud);
      g_assert_cmpfloat (seconds, >, 1.0);
      g_assert_cmpfloat (loud, >, 0.02);
    }
  else
    g_test_message ("sox not installed: the duration alone was checked");

  g_autofree char *rm = g_strdup_printf ("rm -rf %s", dir);
  g_assert_cmpint (system (rm), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/speech/espeak", test_espeak);
  g_test_add_func ("/speech/clips", test_clips);
  g_test_add_func ("/speech/cli", test_cli);
  return g_test_run ();
}
