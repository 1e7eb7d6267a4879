/* mc-privacy.c — what a public screen or list may show of a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The liveboard in the lobby and the public lists show who may collect a
 * result, never who they are in full: Nghị định 13/2023/NĐ-CP protects a
 * person's name with the ID number, phone and address, and DESIGN.md §6
 * forbids the last three on public screens altogether.
 */
#include "config.h"

#include <string.h>

#include "mc-privacy.h"
#include "mc-text.h"

/* Folded (mc_text_fold) first words of an organisation's name. */
static const char *const organisation_prefixes[] = {
  "cong ty", "cty", "tong cong ty", "tap doan", "doanh nghiep", "dntn", "hop tac xa", "htx",
  "lien hiep hop tac xa", "chi nhanh", "van phong dai dien", "van phong cong chung", "ngan hang",
  "benh vien", "tram y te", "truong mam non", "truong tieu hoc", "truong trung hoc", "truong thcs",
  "truong thpt", "truong dai hoc", "truong cao dang", "uy ban", "ubnd", "hoi dong", "chi hoi", "hoi ",
  "to chuc", "quy ", "trung tam", "co so", "nha tho", "chua ", "giao xu", "ban quan ly", "ban dai dien",
  "dang uy", "cong doan", "doan thanh nien", "hiep hoi", "cua hang", "xi nghiep", "nha may",
};

/* Organisations named after the person who answers for them: the kind
 * stays, the person is masked. Folded, so typed with or without marks; not
 * "hộ" alone, which folds like the family name Hồ. */
static const char *const household_prefixes[] = { "ho kinh doanh", "ho gia dinh" };

static gboolean
has_word_prefix (const char *folded, const char *prefix)
{
  gsize n = strlen (prefix);

  if (strncmp (folded, prefix, n) != 0)
    return FALSE;
  /* "hoi " ends with its space; "cong ty" must not match "cong tyxx". */
  return prefix[n - 1] == ' ' || folded[n] == '\0' || folded[n] == ' ';
}

static gboolean
matches_any (const char *folded, const char *const *prefixes, guint n)
{
  for (guint i = 0; i < n; i++)
    if (has_word_prefix (folded, prefixes[i]))
      return TRUE;
  return FALSE;
}

gboolean
mc_privacy_is_organisation (const char *name)
{
  g_autofree char *folded = mc_text_fold (name);

  return matches_any (folded, organisation_prefixes, G_N_ELEMENTS (organisation_prefixes));
}

/* The letters of a word, so "An," or "0912…" cannot carry anything else. */
static char *
letters_only (const char *word)
{
  GString *out = g_string_new (NULL);

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
append_initial (GString *out, const char *word)
{
  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (word)));
  g_string_append_c (out, '.');
}

/* "NGUYỄN" and "nguyễn" read as "Nguyễn". */
static void
append_capitalised (GString *out, const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (lower)));
  g_string_append (out, g_utf8_next_char (lower));
}

/* The family name (the first word) and the initials of the rest; a single
 * word is a given name, so only its initial. */
static void
append_masked_person (GString *out, char **words, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (i == 0 && n > 1)
        append_capitalised (out, words[i]);
      else
        append_initial (out, words[i]);
    }
}

/* How many leading words form a household's kind ("Hộ kinh doanh"). */
static guint
count_household_words (char **words, guint n)
{
  for (guint k = MIN (n - 1, 3); k > 0; k--)
    {
      g_autofree char *head = NULL;
      g_autofree char *folded = NULL;
      char *saved = words[k];

      words[k] = NULL;
      head = g_strjoinv (" ", words);
      words[k] = saved;
      folded = mc_text_fold (head);
      for (guint j = 0; j < G_N_ELEMENTS (household_prefixes); j++)
        if (g_str_equal (folded, household_prefixes[j]))
          return k;
    }
  return 0;
}

/* "Ông Lê Văn Tám": the title is not part of the name. Compared with its
 * marks, so the family name Cù or the middle name Bá are not taken for one. */
static guint
count_honorific_words (char **words, guint n)
{
  g_autofree char *first = n >= 3 ? g_utf8_strdown (words[0], -1) : NULL;

  return first && (g_str_equal (first, "ông") || g_str_equal (first, "bà")) ? 1 : 0;
}

char *
mc_privacy_mask_name (const char *name)
{
  g_autofree char *normal = mc_text_normalize (name);
  g_auto(GStrv) raw = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  guint kept;

  if (normal == NULL || *normal == '\0')
    return g_string_free (out, FALSE);
  if (mc_privacy_is_organisation (normal))
    {
      g_string_free (out, TRUE);
      return g_steal_pointer (&normal);
    }
  raw = g_regex_split_simple ("\\s+", normal, 0, 0);
  for (guint i = 0; raw[i]; i++)
    {
      char *word = letters_only (raw[i]);

      if (*word != '\0')
        g_ptr_array_add (words, word);
      else
        g_free (word);
    }
  if (words->len == 0)
    return g_string_free (out, FALSE);
  g_ptr_array_add (words, NULL);
  kept = count_household_words ((char **) words->pdata, words->len - 1);
  if (kept == 0)
    kept = count_honorific_words ((char **) words->pdata, words->len - 1);
  g_ptr_array_set_size (words, words->len - 1);
  for (guint i = 0; i < kept; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", (char *) words->pdata[i]);
  append_masked_person (out, (char **) words->pdata + kept, words->len - kept);
  return g_string_free (out, FALSE);
}
