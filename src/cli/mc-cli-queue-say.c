/* mc-cli-queue-say.c — motcua queue say --number N --counter C --output FILE.wav
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calling announcement as a WAV file: for staff to hear what the board
 * will say (and the center's recorded clips put together), and for tests.
 * It reads no queue table: only a number and a counter are spoken.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-speech.h"

static const char usage[] =
  N_("Usage: motcua queue say --number N|A025 --counter C --output FILE.wav [--clips FOLDER] [--volume 0-100] [--le] [--bon] [--voice NAME]");

static gboolean
parse_uint (const char *text, guint max, guint *out)
{
  char *end = NULL;
  guint64 v;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  v = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || v > max)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static const char *
valid_label (const char *text)
{
  g_auto(GStrv) words = mc_spoken_ticket_words (text, MC_SPOKEN_DEFAULT);

  return words != NULL ? text : NULL;
}

int
mc_cli_queue_say (int argc, char **argv)
{
  McSpeechOptions o = { NULL, 1.0, MC_SPOKEN_DEFAULT, NULL };
  const char *output = NULL;
  const char *label = NULL;  /* "1025", or with the service's letter "A025" */
  guint counter = 0, volume = 100;
  gboolean have_counter = FALSE;

  for (int i = 2; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (argv[i], "--le"))
        o.style |= MC_SPOKEN_LE;
      else if (g_str_equal (argv[i], "--bon"))
        o.style |= MC_SPOKEN_BON;
      else if (value == NULL)
        return mc_cli_usage (_(usage));
      else if (g_str_equal (argv[i], "--number") && (label = valid_label (value)) != NULL)
        i++;
      else if (g_str_equal (argv[i], "--counter") && (have_counter = parse_uint (value, MC_SPOKEN_MAX, &counter)))
        i++;
      else if (g_str_equal (argv[i], "--volume") && parse_uint (value, 100, &volume))
        i++;
      else if (g_str_equal (argv[i], "--output"))
        output = argv[++i];
      else if (g_str_equal (argv[i], "--clips"))
        o.clips_dir = argv[++i];
      else if (g_str_equal (argv[i], "--voice"))
        o.voice = argv[++i];
      else
        return mc_cli_usage (_(usage));
    }
  if (label == NULL || !have_counter || output == NULL)
    return mc_cli_usage (_(usage));
  o.volume = volume / 100.0;

  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = NULL;
  if (!mc_cli_check_output (output, &error) ||
      (samples = mc_speech_call_ticket (label, counter, &o, &error)) == NULL ||
      !mc_speech_write_wav (samples, output, mc_cli_output_flags (), &error))
    return mc_cli_fail (error);

  g_autofree char *text = mc_spoken_ticket_text (label, counter);
  g_print ("%s\t%.1f\n", text, (double) samples->len / MC_SPEECH_RATE);
  return 0;
}
