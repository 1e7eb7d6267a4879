/* mc-spoken.h — ticket numbers read aloud the Vietnamese way, and the calling sentence
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions (no database, no GTK): the board, the counter display and
 * `motcua queue say` all speak through these, and the recorded-clips player
 * maps each word to a file name (mc_spoken_word_clip).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Regional habits a center chooses (settings, not rules: no legal text
 * governs how a number is read; both forms are standard Vietnamese). */
typedef enum {
  MC_SPOKEN_DEFAULT  = 0,
  MC_SPOKEN_LE       = 1 << 0,  /* 104: "một trăm lẻ tư" instead of "linh" (the South) */
  MC_SPOKEN_BON      = 1 << 1,  /* 24: "hai mươi bốn" instead of "hai mươi tư" */
} McSpokenStyle;

#define MC_SPOKEN_MAX 999999

/* The words of n (0 … MC_SPOKEN_MAX), e.g. 1025 → "một", "nghìn", "không",
 * "trăm", "hai", "mươi", "lăm". NULL-terminated; g_strfreev. */
char      **mc_spoken_number_words (guint n, McSpokenStyle style);
/* The same, joined by spaces. */
char       *mc_spoken_number       (guint n, McSpokenStyle style);

/* What is shown: "Mời công dân có số thứ tự 1025 đến quầy số 3". */
char       *mc_spoken_call_text    (guint number, guint counter);
/* What is said: the same sentence with both numbers in words. */
char       *mc_spoken_call_speech  (guint number, guint counter, McSpokenStyle style);

/* A ticket's letter (the service's prefix, A–Z) as a caller says it alone:
 * its Vietnamese name, "bê" for B, "xê" for C (mc-spoken.c says why); NULL
 * for anything else. */
const char *mc_spoken_letter       (char letter);
/* The words of a ticket's label: the letter's name, if any, then the
 * number's words without its leading zeros ("A025" → "a", "hai", "mươi",
 * "lăm"); NULL unless the label is an optional letter and 1–6 digits up to
 * MC_SPOKEN_MAX. */
char      **mc_spoken_ticket_words (const char *label, McSpokenStyle style);
/* The sentences for a ticket label: shown ("… số thứ tự A025 đến quầy số 3")
 * and said (letter and numbers in words); NULL for a label as above. */
char       *mc_spoken_ticket_text  (const char *label, guint counter);
char       *mc_spoken_ticket_speech (const char *label, guint counter, McSpokenStyle style);

/* The two fixed phrase parts of the sentence, in order around the numbers. */
#define MC_SPOKEN_PHRASE_CALL     "Mời công dân có số thứ tự"
#define MC_SPOKEN_PHRASE_COUNTER  "đến quầy số"

/* The clip file's base name (no extension, ASCII) of one word or phrase part
 * of the above, e.g. "mươi" → "muoi", "mười" → "muoi-huyen", "mốt" → "mot-sac",
 * a letter's name "chu-b" for "bê"; NULL for a word the reader never produces. */
const char *mc_spoken_word_clip    (const char *word);

G_END_DECLS
