/* fuzz-search.c — the search box: folding and the FTS5 query built from it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever a clerk types or a scanner sends (any bytes) must neither crash
 * nor reach SQLite as FTS5 syntax: the search returns hits or nothing, never
 * an SQL error.
 */
#include "config.h"

#include "mc-text.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *query = fuzz_string (data, size);
  g_autofree char *folded = mc_text_fold (query);
  g_autofree char *normal = mc_text_normalize (query);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (normal == NULL || g_utf8_validate (normal, -1, NULL));
  /* Folding is idempotent and a folded text matches itself. */
  {
    g_autofree char *again = mc_text_fold (folded);
    g_assert_cmpstr (again, ==, folded);
  }
  g_assert_true (mc_text_matches_folded (folded, folded));
  hits = mc_dossier_store_search (fuzz_store (), query, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, <=, 20);
  return 0;
}
