/* mc-text.h — Vietnamese text: folding for search, validation helpers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lower case, tone and vowel marks removed, đ → d, spaces collapsed:
 * "Đăng ký Khai sinh" → "dang ky khai sinh". The one folding used by every
 * search, so a query typed without diacritics matches what was stored with. */
char     *mc_text_fold              (const char *text);
/* TRUE when every word of the folded query occurs in the folded haystack
 * as a word prefix ("dk ket hon" does not match, "dang ky ket" does). */
gboolean  mc_text_matches_folded    (const char *folded_haystack, const char *folded_query);
/* A copy in NFC with surrounding white space removed, NULL if not UTF-8.
 * Every text that enters the database goes through it: an NFD name (as
 * macOS and some older systems write) would otherwise differ byte for byte
 * from the same name typed at the counter. */
char     *mc_text_normalize         (const char *text);
/* What a text is stored as: mc_text_normalize's copy, or the text as given
 * when it is not UTF-8 (validating it is the caller's part); NULL for NULL. */
char     *mc_text_for_storage       (const char *text);
/* One field of tab-separated output (the command line's): backslash, TAB,
 * newline and carriage return written as \\ \t \n \r, so that a name
 * holding them keeps its line and its columns. NULL gives "". */
char     *mc_text_escape_tsv        (const char *text);

G_END_DECLS
