/* fuzz-csv-import.c — the dossier CSV import (DESIGN.md §4) on hostile files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is imported inside an outer transaction that is rolled back, so
 * every run starts from the same database. Beyond not crashing, the import
 * must keep its promise: a refused file writes nothing, and its error names a
 * line.
 */
#include "config.h"

#include "fuzz-common.h"
#include "mc-db-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  McDossierStore *store = fuzz_store ();
  McDb *db = mc_dossier_store_get_db (store);
  g_autoptr(GError) error = NULL;
  gint64 before = mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL);
  guint n = 0;

  g_assert_true (mc_db_begin (db, NULL));
  if (mc_dossier_store_import_csv (store, (const char *) data, size, &n, &error))
    g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, before + n);
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, before);
      /* The FTS trigger an import lifts is back after a refusal. */
      g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = "
                                            "'dossier_fts_insert'", NULL), ==, 1);
    }
  mc_db_rollback (db);
  return 0;
}
