/* mc-cli-demo.c — motcua demo [--dossiers N] [--seed S]
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-demo.h"

int
mc_cli_demo (McDb *db, int argc, char **argv)
{
  guint64 n = 20000, seed = 2026;
  McDemoStats stats = { 0 };
  GError *error = NULL;

  for (int i = 1; i < argc; i += 2)
    {
      guint64 *target = g_strcmp0 (argv[i], "--dossiers") == 0 ? &n
                      : g_strcmp0 (argv[i], "--seed") == 0 ? &seed : NULL;
      if (target == NULL || i + 1 >= argc ||
          !g_ascii_string_to_unsigned (argv[i + 1], 10, 0, G_MAXUINT32, target, NULL))
        return mc_cli_usage (_("Usage: motcua demo [--dossiers N] [--seed S]"));
    }
  if (!mc_demo_fill (db, (guint) n, (guint32) seed, &stats, &error))
    return mc_cli_fail (error);
  g_print ("dossiers\t%u\nevents\t%u\npending\t%u\nlate\t%u\napologies\t%u\n",
           stats.dossiers, stats.events, stats.pending, stats.late, stats.apologies);
  return 0;
}
