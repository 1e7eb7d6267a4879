/* mc-text.c — Vietnamese text: folding for search, validation helpers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-text.h"

static gunichar
fold_char (gunichar c)
{
  /* đ/Đ has no Unicode decomposition, so NFD alone never folds it. */
  if (c == 0x0111 || c == 0x0110)
    return 'd';
  return g_unichar_tolower (c);
}

char *
mc_text_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;
  gboolean space = TRUE;

  if (text == NULL)
    return g_strdup ("");
  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (g_unichar_isspace (c))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_unichar (out, fold_char (c));
      space = FALSE;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
is_word_start (const char *haystack, const char *at)
{
  return at == haystack || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)));
}

static gboolean
contains_word_prefix (const char *haystack, const char *word)
{
  for (const char *p = strstr (haystack, word); p != NULL; p = strstr (p + 1, word))
    if (is_word_start (haystack, p))
      return TRUE;
  return FALSE;
}

gboolean
mc_text_matches_folded (const char *folded_haystack, const char *folded_query)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (folded_haystack != NULL, FALSE);
  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  words = g_strsplit (folded_query, " ", -1);
  for (int i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !contains_word_prefix (folded_haystack, words[i]))
      return FALSE;
  return TRUE;
}

char *
mc_text_normalize (const char *text)
{
  g_autofree char *nfc = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;
  return g_strdup (g_strstrip (nfc));
}
