/* bench-import-chunks.c — what the import's chunked commits cost
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-import-chunks EMPTY.sqlite FILE.csv
 *
 * The import commits by chunks so that a counter clerk waits for one
 * chunk, never for the whole import (issue 12, item 5): a chunk ends when
 * a writer says it waits, or after a second. This imports FILE
 * into two copies of EMPTY (a new database with its catalog, as
 * bench/bench-import-floor makes): once as `motcua dossier import` does, by
 * chunks, and once inside one transaction of the caller's (the import's
 * nested path: the same code, no commit until the end), with the same
 * connection settings, and prints the processor and wall time of each: the
 * difference is the price of the chunks, not of Motcua's own work per line.
 */
#include "config.h"

#include <stdio.h>

#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mc-bench-utils.h"
#include "mc-calendar-store.h"
#include "mc-db-sqlite-private.h"
#include "mc-dossier-store.h"

static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);

  return g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* Imports `csv` into a copy of `empty`, by chunks or in one transaction. */
static gboolean
import_once (const char *empty, const char *csv, const char *copy, gboolean one_transaction, GError **error)
{
  g_autoptr(McDb) db = NULL;
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFileInputStream) stream = NULL;
  gint64 t0;
  double c0;
  guint n = 0;
  gboolean ok;

  if (!copy_file (empty, copy, error) || (db = mc_db_new (copy, NULL, error)) == NULL ||
      (calendar = mc_calendar_store_load (db, error)) == NULL || (stream = g_file_read (file, NULL, error)) == NULL)
    return FALSE;
  store = mc_dossier_store_new (db, calendar);
  /* The chunked import lifts the foreign keys for itself; the pragma cannot
   * change inside a transaction, so the nested one has it lifted here. */
  mc_db_exec (db, "PRAGMA foreign_keys = OFF", NULL);
  t0 = g_get_monotonic_time ();
  c0 = mc_bench_cpu_seconds ();
  if (one_transaction && !mc_db_begin (db, error))
    return FALSE;
  ok = mc_dossier_store_import_stream (store, 0, G_INPUT_STREAM (stream), &n, error);
  if (one_transaction)
    ok = ok && mc_db_commit (db, error);
  if (!ok)
    return FALSE;
  printf ("%-28s %u dossiers: processor %.2f s, wall %.2f s\n",
          one_transaction ? "in one transaction:" : "by chunks (motcua):", n, mc_bench_cpu_seconds () - c0,
          (g_get_monotonic_time () - t0) / 1e6);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("motcua-chunks-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "chunks.sqlite", NULL);
  g_autofree char *b = g_build_filename (dir, "one.sqlite", NULL);

  if (argc != 3)
    return fprintf (stderr, "Usage: bench-import-chunks EMPTY.sqlite FILE.csv\n"), 2;
  if (!import_once (argv[1], argv[2], a, FALSE, &error) || !import_once (argv[1], argv[2], b, TRUE, &error))
    return fprintf (stderr, "%s\n", error->message), 1;
  for (const char *const *p = (const char *const[]) { a, b, NULL }; *p; p++)
    {
      g_autofree char *wal = g_strconcat (*p, "-wal", NULL), *shm = g_strconcat (*p, "-shm", NULL);
      g_autofree char *mark = g_strconcat (*p, ".mark", NULL), *lock = g_strconcat (*p, ".import-lock", NULL);

      g_remove (*p), g_remove (wal), g_remove (shm), g_remove (mark), g_remove (lock);
    }
  g_rmdir (dir);
  return 0;
}
