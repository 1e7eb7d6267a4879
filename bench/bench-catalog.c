/* bench-catalog.c — opening a new database, installing the catalog, the demo
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "mc-catalog.h"
#include "mc-demo.h"

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("motcua-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20000;
  gint64 t0 = g_get_monotonic_time (), t1, t2;
  McDemoStats stats = { 0 };
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);

  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  t1 = g_get_monotonic_time ();
  if (!mc_demo_fill (db, n, 2026, &stats, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  t2 = g_get_monotonic_time ();
  printf ("create + migrate database: %.1f ms\n", (t1 - t0) / 1000.0);
  printf ("demo: %u dossiers, %u events in %.2f s (%.0f dossiers/s, catalog and calendar included)\n",
          stats.dossiers, stats.events, (t2 - t1) / 1e6, stats.dossiers / ((t2 - t1) / 1e6));
  g_clear_object (&db);
  g_remove (path);
  return 0;
}
