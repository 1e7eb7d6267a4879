/* mc-cli-server.c — `motcua server …`: a PostgreSQL server for a center's desks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connection string names the server and a user who may create roles
 * (the server's administrator, not a Motcua account): these commands open no
 * Motcua database and need no signed-in person; the server refuses a user
 * without CREATEROLE (mc-pg-server.c). docs/DEPLOYMENT.md tells the steps.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-db-copy.h"
#include "mc-format.h"
#include "mc-pg-lockout.h"
#include "mc-pg-server.h"
#include "mc-time.h"

static const char *
option (int argc, char **argv, const char *name)
{
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], name))
      return argv[i + 1];
  return NULL;
}

/* The words that are not options or their values. */
static GPtrArray *
positionals (int argc, char **argv)
{
  GPtrArray *words = g_ptr_array_new ();

  for (int i = 2; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--"))
        i++;
      else
        g_ptr_array_add (words, argv[i]);
    }
  return words;
}

/* The new login's password: the first line of --password-file, else
 * MOTCUA_NEW_PASSWORD (scripts), else typed twice at the terminal. */
static char *
new_password (int argc, char **argv, GError **error)
{
  const char *file = option (argc, argv, "--password-file");
  g_autofree char *fresh = NULL;
  g_autofree char *again = NULL;

  if (file != NULL)
    {
      g_autofree char *text = NULL;

      if (!g_file_get_contents (file, &text, NULL, error))
        return NULL;
      text[strcspn (text, "\r\n")] = '\0';
      return g_steal_pointer (&text);
    }
  if (g_getenv ("MOTCUA_NEW_PASSWORD") != NULL)
    return g_strdup (g_getenv ("MOTCUA_NEW_PASSWORD"));
  fresh = mc_cli_read_password_typed (_("New password: "));
  again = mc_cli_read_password_typed (_("New password again: "));
  if (!g_str_equal (fresh, again))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The two passwords are not the same"));
      return NULL;
    }
  return g_steal_pointer (&fresh);
}

static int
server_init (int argc, char **argv)
{
  g_autoptr(GPtrArray) words = positionals (argc, argv);
  const char *username = option (argc, argv, "--username");
  const char *name = option (argc, argv, "--name");
  g_autofree char *password = NULL;
  GError *error = NULL;

  if (words->len != 1)
    return mc_cli_usage (_("Usage: motcua server init postgresql://ADMIN@HOST/DATABASE [--username NAME] "
                           "[--name \"FULL NAME\"] [--password-file FILE]\n"
                           "Creates the schema, the group roles and the first administrator in an empty database."));
  if ((password = new_password (argc, argv, &error)) == NULL ||
      !mc_pg_server_init (words->pdata[0], username ? username : "admin", name ? name : _("Administrator"),
                          password, &error))
    return mc_cli_fail (error);
  g_print (_("The server is ready: the administrator signs in as the PostgreSQL login “%s”\n"),
           username ? username : "admin");
  return 0;
}

static int
server_add_login (int argc, char **argv)
{
  g_autoptr(GPtrArray) words = positionals (argc, argv);
  g_autofree char *password = NULL;
  GError *error = NULL;

  if (words->len != 2)
    return mc_cli_usage (_("Usage: motcua server add-login postgresql://ADMIN@HOST/DATABASE USERNAME "
                           "[--password-file FILE]\n"
                           "The PostgreSQL login of a staff member, in the group roles of their functions."));
  if ((password = new_password (argc, argv, &error)) == NULL ||
      !mc_pg_server_add_login (words->pdata[0], words->pdata[1], password, &error))
    return mc_cli_fail (error);
  g_print (_("Login %s created or updated\n"), (char *) words->pdata[1]);
  return 0;
}

static int
server_add_board (int argc, char **argv)
{
  g_autoptr(GPtrArray) words = positionals (argc, argv);
  g_autofree char *password = NULL;
  GError *error = NULL;

  if (words->len != 2)
    return mc_cli_usage (_("Usage: motcua server add-board postgresql://ADMIN@HOST/DATABASE LOGIN "
                           "[--password-file FILE]\n"
                           "The login of a lobby board or kiosk PC: masked views only."));
  if ((password = new_password (argc, argv, &error)) == NULL ||
      !mc_pg_server_add_board (words->pdata[0], words->pdata[1], password, &error))
    return mc_cli_fail (error);
  g_print (_("Login %s created or updated\n"), (char *) words->pdata[1]);
  return 0;
}

/* `motcua server lockout CONNINFO --log FILE [--every SECONDS]`: the
 * program's lockout rule on a server, from the server's log (mc-pg-lockout.c).
 * Once (a systemd timer), or every SECONDS until stopped. */
static int
server_lockout (int argc, char **argv)
{
  g_autoptr(GPtrArray) words = positionals (argc, argv);
  const char *log = option (argc, argv, "--log");
  const char *every_text = option (argc, argv, "--every");
  gint64 every = every_text ? g_ascii_strtoll (every_text, NULL, 10) : 0;
  g_autoptr(McDb) db = NULL;
  GError *error = NULL;

  if (words->len != 1 || log == NULL || (every_text != NULL && every <= 0))
    return mc_cli_usage (_("Usage: motcua server lockout postgresql://ADMIN@HOST/DATABASE --log SERVER-LOG "
                           "[--every SECONDS]\n"
                           "Locks the logins with too many wrong passwords in the server's log "
                           "(security.max_failures, security.lockout_minutes) and unlocks them when the lock ends."));
  if ((db = mc_db_new (words->pdata[0], NULL, &error)) == NULL)
    return mc_cli_fail (error);
  for (;;)
    {
      McPgLockoutResult r;

      if (!mc_pg_lockout_run (db, log, mc_time_now (), &r, &error))
        return mc_cli_fail (error);
      if (every == 0 || r.failures > 0 || r.locked > 0 || r.logins_changed > 0)
        g_print (_("Failed sign-ins read: %u; accounts locked: %u; logins locked or unlocked on the server: %u\n"),
                 r.failures, r.locked, r.logins_changed);
      if (every == 0)
        return 0;
      g_usleep ((gulong) every * G_USEC_PER_SEC);
    }
}

int
mc_cli_server (int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "init"))
    return server_init (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "add-login"))
    return server_add_login (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "add-board"))
    return server_add_board (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "lockout"))
    return server_lockout (argc, argv);
  return mc_cli_usage (_("Usage: motcua server init|add-login|add-board|lockout postgresql://ADMIN@HOST/DATABASE …"));
}

static void
copy_progress (const char *table, gint64 rows, gpointer user_data)
{
  g_autofree char *n = mc_format_count (rows);

  g_print (_("  %-28s %12s rows\n"), table, n);
}

/* `motcua db copy --from center.sqlite --to postgresql://…`: the one-PC
 * center onto its server, all or nothing (mc-db-copy.c). */
static int
db_copy (int argc, char **argv)
{
  const char *from = option (argc, argv, "--from");
  const char *to = option (argc, argv, "--to");
  g_autoptr(McDbCopyResult) result = NULL;
  g_autofree char *audit = NULL;
  GError *error = NULL;

  if (from == NULL || to == NULL)
    return mc_cli_usage (_("Usage: motcua db copy --from CENTER.sqlite --to postgresql://ADMIN@HOST/DATABASE "
                           "[--audit-key FILE]\n"
                           "Copies a one-PC center into a server prepared by motcua server init: every table in one "
                           "transaction, then the counts and the audit chain verified on the server."));
  g_print (_("Copying %s to the server …\n"), from);
  result = mc_db_copy (from, to, option (argc, argv, "--audit-key"), copy_progress, NULL, &error);
  if (result == NULL)
    return mc_cli_fail (error);
  audit = mc_format_count (result->audit_rows);
  g_print (_("Copied in %.1f s: every table's count is the same on the server and the audit trail verifies (%s rows)\n"),
           result->seconds, audit);
  if (result->without_login != NULL && result->without_login[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", result->without_login);

      g_print (_("These accounts have no PostgreSQL login yet (motcua server add-login): %s\n"), names);
    }
  return 0;
}

int
mc_cli_db (int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "copy"))
    return db_copy (argc, argv);
  return mc_cli_usage (_("Usage: motcua db copy --from CENTER.sqlite --to postgresql://ADMIN@HOST/DATABASE"));
}
