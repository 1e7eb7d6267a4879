/* mc-cli-demo.c — motcua demo [--dossiers N] [--seed S] [--queue-days D] [--password P]
 *                               [--now "YYYY-MM-DD HH:MM"]
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo's staff (an administrator "admin", clerks "tn.lan", …) get the
 * password P, "motcua2026" unless told otherwise, so the demo opens at the
 * sign-in window as a real center's database does; on a PostgreSQL server
 * each of them also gets a login with P, unless one of that name is
 * already there (logins belong to the whole cluster). --now builds the history
 * as it would stand at another moment (tests, screenshots of a given day).
 * --queue-days: the queue's history, working days before today (40; 0 for
 * none, as tests that number their own tickets today want).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-cli.h"
#include "mc-demo.h"

int
mc_cli_demo (McDb *db, int argc, char **argv)
{
  guint64 n = 20000, seed = 2026, queue_days = 40;
  const char *password = "motcua2026";
  McTime now = mc_time_now ();
  McDemoStats stats = { 0 };
  g_auto(GStrv) kept = NULL;
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  GError *error = NULL;

  for (int i = 1; i < argc; i += 2)
    {
      guint64 *target = g_strcmp0 (argv[i], "--dossiers") == 0 ? &n
                      : g_strcmp0 (argv[i], "--seed") == 0 ? &seed
                      : g_strcmp0 (argv[i], "--queue-days") == 0 ? &queue_days : NULL;
      if (g_strcmp0 (argv[i], "--password") == 0 && i + 1 < argc)
        {
          password = argv[i + 1];
          continue;
        }
      if (g_strcmp0 (argv[i], "--now") == 0 && i + 1 < argc)
        {
          if (!mc_time_parse_iso (argv[i + 1], &now))
            return mc_cli_fail (g_error_new (MC_DB_ERROR, MC_DB_ERROR_INVALID,
                                             _("Invalid time “%s”: write it as YYYY-MM-DD HH:MM"), argv[i + 1]));
          continue;
        }
      if (target == NULL || i + 1 >= argc ||
          !g_ascii_string_to_unsigned (argv[i + 1], 10, 0, G_MAXUINT32, target, NULL))
        return mc_cli_usage (_("Usage: motcua demo [--dossiers N] [--seed S] [--queue-days D] [--password PASSWORD] [--now \"YYYY-MM-DD HH:MM\"]"));
    }
  if (!mc_demo_fill_with_queue (db, (guint) n, (guint) MIN (queue_days, 400), (guint32) seed, now, &stats, &error) ||
      !mc_accounts_set_initial_passwords (accounts, password, &error) ||
      !mc_accounts_add_missing_logins (accounts, password, &kept, &error))
    return mc_cli_fail (error);
  /* On a server each person signs in as their own login: say who got
   * none from the demo. */
  if (kept != NULL && kept[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", kept);

      g_printerr (_("No login was made for: %s. A login of that name is already on the server (it keeps its own "
                    "password), or this user may not make logins; motcua server add-login sets one.\n"), names);
    }
  g_print ("dossiers\t%u\nevents\t%u\npending\t%u\nlate\t%u\napologies\t%u\ntickets\t%u\nticket days\t%u\n"
           "tickets linked\t%u\nticket ratings\t%u\n",
           stats.dossiers, stats.events, stats.pending, stats.late, stats.apologies, stats.tickets,
           stats.ticket_days, stats.ticket_links, stats.ticket_ratings);
  return 0;
}
