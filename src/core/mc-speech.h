/* mc-speech.h — the calling sentence as sound: a chime, then the words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offline only: the center's own recorded clips when a folder is set (one
 * WAV file per phrase part and number word, named by mc_spoken_word_clip:
 * moi-cong-dan.wav, den-quay-so.wav, khong.wav, mot.wav, mot-sac.wav, …,
 * and chime.wav if the center has its own chime), otherwise espeak-ng's
 * Vietnamese voice. Never a network service: a citizen's number is called in
 * the building, and the building's network may be down.
 */
#pragma once

#include <gio/gio.h>

#include "mc-output-file.h"
#include "mc-spoken.h"

G_BEGIN_DECLS

/* Every sound is mono, 16-bit, at this rate (clips at another rate or in
 * stereo are converted on reading). */
#define MC_SPEECH_RATE 22050

typedef struct {
  const char    *clips_dir;  /* NULL or "": espeak-ng */
  double         volume;     /* 0 … 1 */
  McSpokenStyle  style;
  const char    *voice;      /* espeak-ng voice; NULL: "vi" (northern) */
} McSpeechOptions;

/* The chime and the sentence for ticket `number` at `counter`: gint16 samples
 * at MC_SPEECH_RATE. NULL with a Vietnamese error (a missing or unreadable
 * clip named, espeak-ng without a Vietnamese voice). */
GArray   *mc_speech_call      (guint number, guint counter, const McSpeechOptions *options,
                               GError **error);
/* The same for a ticket label ("A025", "1025"): the letter said by its
 * name (mc_spoken_ticket_words). */
GArray   *mc_speech_call_ticket (const char *label, guint counter, const McSpeechOptions *options,
                                 GError **error);
/* The samples as a 16-bit mono PCM WAV file, through mc-output-file. */
gboolean  mc_speech_write_wav (GArray *samples, const char *path, McOutputFileFlags flags,
                               GError **error);

/* TRUE once espeak-ng has been loaded in this process: it is opened the
 * first time a sentence is synthesised, not at start (the tests count the
 * libraries a program loads). */
gboolean  mc_speech_espeak_is_loaded (void);

/* When calls are shown but not said (the board's setting, e.g. lunch). */
/* The quiet period "HH:MM-HH:MM" (or "HH:MM–HH:MM") as minutes of the local
 * day; it may run over midnight. "" or "none" is no quiet period (-1, -1).
 * FALSE with a Vietnamese error otherwise. */
gboolean mc_speech_quiet_parse   (const char *text, int *from_minute, int *to_minute, GError **error);
/* Whether local minute `minute` (0–1439) is in [from, to). */
gboolean mc_speech_quiet_contains (int from_minute, int to_minute, int minute);

G_END_DECLS
