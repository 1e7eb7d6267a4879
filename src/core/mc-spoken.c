/* mc-spoken.c — ticket numbers read aloud the Vietnamese way, and the calling sentence
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reading rules (standard Vietnamese, no legal source governs them):
 * - a ones digit after "mươi" (tens 2–9): 1 → "mốt", 5 → "lăm", 4 → "tư"
 *   (or "bốn" with MC_SPOKEN_BON); after "mười" (tens 1): 5 → "lăm", 1 and 4 stay;
 * - an empty tens place inside a number: "linh" (or "lẻ"), then the digit
 *   unchanged except 4 → "tư" as above ("một trăm linh tư", "lẻ năm");
 * - an empty hundreds place after a higher group is said: "một nghìn không trăm
 *   hai mươi lăm"; a group of zeros after the thousands is not said ("hai nghìn").
 */
#include "config.h"

#include <string.h>

#include "mc-spoken.h"

static const char *const digit_words[10] = {
  "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
};

static const char *
four_word (McSpokenStyle style)
{
  return (style & MC_SPOKEN_BON) ? "bốn" : "tư";
}

/* The ones digit after "mươi" (tens 2–9). */
static const char *
ones_after_muoi (guint ones, McSpokenStyle style)
{
  switch (ones)
    {
    case 1: return "mốt";
    case 4: return four_word (style);
    case 5: return "lăm";
    default: return digit_words[ones];
    }
}

/* One group of three digits (0–999). `inner` says whether a higher group was
 * said before it, so that its empty hundreds are read ("không trăm"). */
static void
add_group (GPtrArray *words, guint group, gboolean inner, McSpokenStyle style)
{
  guint hundreds = group / 100, tens = group / 10 % 10, ones = group % 10;

  if (hundreds > 0 || inner)
    {
      g_ptr_array_add (words, (char *) digit_words[hundreds]);
      g_ptr_array_add (words, (char *) "trăm");
    }
  if (tens == 0)
    {
      if (ones == 0)
        return;
      if (hundreds > 0 || inner)
        {
          g_ptr_array_add (words, (char *) ((style & MC_SPOKEN_LE) ? "lẻ" : "linh"));
          g_ptr_array_add (words, (char *) (ones == 4 ? four_word (style) : digit_words[ones]));
        }
      else
        g_ptr_array_add (words, (char *) digit_words[ones]);
      return;
    }
  if (tens == 1)
    {
      g_ptr_array_add (words, (char *) "mười");
      if (ones > 0)
        g_ptr_array_add (words, (char *) (ones == 5 ? "lăm" : digit_words[ones]));
      return;
    }
  g_ptr_array_add (words, (char *) digit_words[tens]);
  g_ptr_array_add (words, (char *) "mươi");
  if (ones > 0)
    g_ptr_array_add (words, (char *) ones_after_muoi (ones, style));
}

char **
mc_spoken_number_words (guint n, McSpokenStyle style)
{
  g_return_val_if_fail (n <= MC_SPOKEN_MAX, NULL);

  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  guint thousands = n / 1000, rest = n % 1000;

  if (n == 0)
    g_ptr_array_add (words, (char *) digit_words[0]);
  if (thousands > 0)
    {
      add_group (words, thousands, FALSE, style);
      g_ptr_array_add (words, (char *) "nghìn");
    }
  if (rest > 0)
    add_group (words, rest, thousands > 0, style);

  char **out = g_new0 (char *, words->len + 1);
  for (guint i = 0; i < words->len; i++)
    out[i] = g_strdup (g_ptr_array_index (words, i));
  return out;
}

char *
mc_spoken_number (guint n, McSpokenStyle style)
{
  g_auto(GStrv) words = mc_spoken_number_words (n, style);
  return words ? g_strjoinv (" ", words) : NULL;
}

char *
mc_spoken_call_text (guint number, guint counter)
{
  /* A ticket number is a label, not a quantity: no thousands dot. */
  return g_strdup_printf (MC_SPOKEN_PHRASE_CALL " %u " MC_SPOKEN_PHRASE_COUNTER " %u",
                          number, counter);
}

char *
mc_spoken_call_speech (guint number, guint counter, McSpokenStyle style)
{
  g_autofree char *n = mc_spoken_number (number, style);
  g_autofree char *c = mc_spoken_number (counter, style);
  g_return_val_if_fail (n != NULL && c != NULL, NULL);
  return g_strdup_printf (MC_SPOKEN_PHRASE_CALL " %s " MC_SPOKEN_PHRASE_COUNTER " %s", n, c);
}

/* A ticket letter is said by its name, as Vietnamese speakers spell a
 * letter alone ("VTV": vê tê vê), not by the sound taught for reading
 * syllables (bờ, cờ): a sound alone is lost in a noisy hall, a name is not.
 * The names are the traditional "tên chữ" of the 29-letter alphabet (Bảng
 * chữ cái tiếng Việt, Wikipedia tiếng Việt, "Tên gọi những chữ cái"; the
 * same list in vie.vmied.com's Vietnamese alphabet lesson): a, bê, xê, dê,
 * giê, hát, i, ca, e-lờ, em-mờ, en-nờ, o, pê, quy, e-rờ, ét-xì, tê, u, vê,
 * ích-xì, i dài. F, J, W and Z are not Vietnamese letters; their usual
 * spoken names are "ép", "gi", "vê kép" and "dét". (Đ is not a possible
 * prefix: the schema takes A–Z.) No legal text governs this. The names of
 * several syllables are written with a space, which espeak-ng reads as two
 * syllables; each is one recorded clip, chu-<letter>.wav. */
static const char *const letter_names[26] = {
  "a", "bê", "xê", "dê", "e", "ép", "giê", "hát", "i", "gi", "ca", "e lờ", "em mờ",
  "en nờ", "o", "pê", "quy", "e rờ", "ét xì", "tê", "u", "vê", "vê kép", "ích xì", "i dài", "dét",
};

const char *
mc_spoken_letter (char letter)
{
  char up = g_ascii_toupper (letter);

  return up >= 'A' && up <= 'Z' ? letter_names[up - 'A'] : NULL;
}

/* "A025" → 'A' and 25; "1025" → 0 and 1025. */
static gboolean
parse_label (const char *label, char *letter, guint *number)
{
  const char *digits = label;
  guint64 v = 0;

  if (label == NULL)
    return FALSE;
  *letter = 0;
  if (g_ascii_isalpha (*digits))
    *letter = g_ascii_toupper (*digits++);
  if (*digits == '\0' || strlen (digits) > 6)
    return FALSE;
  for (const char *p = digits; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (guint) (*p - '0');
    }
  if (v > MC_SPOKEN_MAX)
    return FALSE;
  *number = (guint) v;
  return TRUE;
}

/* The leading zeros of "A025" are a printing width (the service's last
 * number has three digits), not part of the number: callers say "A hai mươi
 * lăm", as the display shows a number, never "không không". */
char **
mc_spoken_ticket_words (const char *label, McSpokenStyle style)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  char letter;
  guint number;

  if (!parse_label (label, &letter, &number))
    return NULL;
  words = mc_spoken_number_words (number, style);
  builder = g_strv_builder_new ();
  if (letter)
    g_strv_builder_add (builder, mc_spoken_letter (letter));
  g_strv_builder_addv (builder, (const char **) words);
  return g_strv_builder_end (builder);
}

char *
mc_spoken_ticket_text (const char *label, guint counter)
{
  char letter;
  guint number;

  if (!parse_label (label, &letter, &number))
    return NULL;
  return g_strdup_printf (MC_SPOKEN_PHRASE_CALL " %s " MC_SPOKEN_PHRASE_COUNTER " %u", label, counter);
}

char *
mc_spoken_ticket_speech (const char *label, guint counter, McSpokenStyle style)
{
  g_auto(GStrv) words = mc_spoken_ticket_words (label, style);
  g_autofree char *c = counter <= MC_SPOKEN_MAX ? mc_spoken_number (counter, style) : NULL;
  g_autofree char *n = NULL;

  if (words == NULL || c == NULL)
    return NULL;
  n = g_strjoinv (" ", words);
  return g_strdup_printf (MC_SPOKEN_PHRASE_CALL " %s " MC_SPOKEN_PHRASE_COUNTER " %s", n, c);
}

static const struct { const char *word, *clip; } clips[] = {
  { MC_SPOKEN_PHRASE_CALL, "moi-cong-dan" },
  { MC_SPOKEN_PHRASE_COUNTER, "den-quay-so" },
  { "không", "khong" }, { "một", "mot" }, { "mốt", "mot-sac" }, { "hai", "hai" },
  { "ba", "ba" }, { "bốn", "bon" }, { "tư", "tu" }, { "năm", "nam" }, { "lăm", "lam" },
  { "sáu", "sau" }, { "bảy", "bay" }, { "tám", "tam" }, { "chín", "chin" },
  { "mười", "muoi-huyen" }, { "mươi", "muoi" }, { "trăm", "tram" }, { "nghìn", "nghin" },
  { "linh", "linh" }, { "lẻ", "le" },
};

/* A letter's name → chu-a … chu-z. */
static const char *const letter_clips[26] = {
  "chu-a", "chu-b", "chu-c", "chu-d", "chu-e", "chu-f", "chu-g", "chu-h", "chu-i", "chu-j", "chu-k", "chu-l",
  "chu-m", "chu-n", "chu-o", "chu-p", "chu-q", "chu-r", "chu-s", "chu-t", "chu-u", "chu-v", "chu-w", "chu-x",
  "chu-y", "chu-z",
};

const char *
mc_spoken_word_clip (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (clips); i++)
    if (g_strcmp0 (clips[i].word, word) == 0)
      return clips[i].clip;
  for (gsize i = 0; i < G_N_ELEMENTS (letter_names); i++)
    if (g_strcmp0 (letter_names[i], word) == 0)
      return letter_clips[i];
  return NULL;
}
