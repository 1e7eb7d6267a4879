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

static const struct { const char *word, *clip; } clips[] = {
  { MC_SPOKEN_PHRASE_CALL, "moi-cong-dan" },
  { MC_SPOKEN_PHRASE_COUNTER, "den-quay-so" },
  { "không", "khong" }, { "một", "mot" }, { "mốt", "mot-sac" }, { "hai", "hai" },
  { "ba", "ba" }, { "bốn", "bon" }, { "tư", "tu" }, { "năm", "nam" }, { "lăm", "lam" },
  { "sáu", "sau" }, { "bảy", "bay" }, { "tám", "tam" }, { "chín", "chin" },
  { "mười", "muoi-huyen" }, { "mươi", "muoi" }, { "trăm", "tram" }, { "nghìn", "nghin" },
  { "linh", "linh" }, { "lẻ", "le" },
};

const char *
mc_spoken_word_clip (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (clips); i++)
    if (g_strcmp0 (clips[i].word, word) == 0)
      return clips[i].clip;
  return NULL;
}
