/* mc-cli-account.c — motcua account …, motcua audit …, and signing in
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line signs in like the window does: once the first
 * administrator exists, `--user NAME` needs that account's password, from
 * MOTCUA_PASSWORD (for scripts) or typed at the terminal without echo.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-cli.h"

char *
mc_cli_read_password_typed (const char *prompt)
{
  char line[1024];
  struct termios old, quiet;
  gboolean tty = isatty (STDIN_FILENO);

  if (tty)
    {
      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &old);
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
      g_printerr ("\n");
    }
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

static char *
read_password (const char *prompt)
{
  const char *env = g_getenv ("MOTCUA_PASSWORD");

  return env != NULL ? g_strdup (env) : mc_cli_read_password_typed (prompt);
}

/* The password typed to sign in, for `account password` to check as the
 * old one without asking twice. */
static char *signed_in_password;
static gboolean password_command;

gboolean
mc_cli_is_password_command (int argc, char **argv)
{
  return argc >= 2 && g_str_equal (argv[0], "account") &&
         (g_str_equal (argv[1], "password") || g_str_equal (argv[1], "passwd"));
}

void
mc_cli_allow_password_change (void)
{
  password_command = TRUE;
}

/* The server's login wants a password that the conninfo, PGPASSWORD and
 * ~/.pgpass did not give: asked at the terminal, as psql does (a script
 * without one is refused rather than read from its input). */
static char *
ask_server_password (const char *user)
{
  g_autofree char *prompt = NULL;

  if (!isatty (STDIN_FILENO))
    return NULL;
  prompt = g_strdup_printf (_("Password of %s on the database server: "), user ? user : "");
  return mc_cli_read_password_typed (prompt);
}

void
mc_cli_ask_server_password (void)
{
  mc_db_set_server_password_func (ask_server_password);
}

char *
mc_cli_connection_username (McDb *db)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  g_autoptr(McStaff) login = mc_accounts_get_connection_staff (accounts);

  return login ? g_strdup (mc_staff_get_username (login)) : NULL;
}

gboolean
mc_cli_sign_in (McDb *db, const char *username, GError **error)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  g_autoptr(McStaff) staff = NULL;
  g_autofree char *password = NULL;
  g_autoptr(McStaff) login = NULL;

  if (!mc_accounts_is_enforced (accounts))
    {
      /* No administrator yet: accounts have no passwords to check. */
      staff = mc_accounts_get_staff (accounts, username, error);
      if (staff != NULL)
        mc_db_set_actor (db, mc_staff_get_id (staff));
      return staff != NULL;
    }
  /* Connected to a server as one's own login: the server has checked the
   * password (PGPASSWORD, ~/.pgpass or the prompt at connect). */
  login = mc_accounts_get_connection_staff (accounts);
  if (login == NULL)
    password = read_password (_("Password: "));
  staff = mc_accounts_sign_in (accounts, username, password, error);
  if (staff == NULL)
    return FALSE;
  /* As in the window: a password someone else knows is changed first. */
  if (mc_staff_get_must_change_password (staff) && !password_command)
    {
      mc_accounts_sign_out (accounts);
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                   _("%s must choose a new password first: motcua --user %s account password"),
                   mc_staff_get_username (staff), mc_staff_get_username (staff));
      return FALSE;
    }
  g_free (signed_in_password);
  signed_in_password = g_steal_pointer (&password);
  return TRUE;
}

static const char *
option (int argc, char **argv, const char *name)
{
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], name))
      return argv[i + 1];
  return NULL;
}

static gboolean
has_flag (int argc, char **argv, const char *name)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], name))
      return TRUE;
  return FALSE;
}

/* motcua account init --username U --name "Họ tên"   (first run) */
static int
account_init (McAccounts *accounts, int argc, char **argv)
{
  g_autofree char *password = NULL;
  GError *error = NULL;

  if (option (argc, argv, "--username") == NULL || option (argc, argv, "--name") == NULL)
    return mc_cli_usage (_("Usage: motcua account init --username USER --name \"FULL NAME\""));
  password = read_password (_("Administrator’s password: "));
  if (!mc_accounts_create_first_admin (accounts, option (argc, argv, "--username"), option (argc, argv, "--name"),
                                       password, &error))
    return mc_cli_fail (error);
  return 0;
}

/* motcua [--user ADMIN] account add USER --name … [--title …] [--department CODE] --roles r1,r2 */
static int
account_add (McAccounts *accounts, int argc, char **argv)
{
  g_autofree char *password = NULL;
  GError *error = NULL;
  McRoles roles;

  if (argc < 2 || option (argc, argv, "--name") == NULL || option (argc, argv, "--roles") == NULL)
    return mc_cli_usage (_("Usage: motcua --user ADMIN account add USER --name \"FULL NAME\" --roles ROLE,… "
                           "[--title TITLE] [--department CODE] [--no-password-change]"));
  roles = mc_roles_from_string (option (argc, argv, "--roles"), &error);
  if (error)
    return mc_cli_fail (error);
  password = g_strdup (g_getenv ("MOTCUA_NEW_PASSWORD"));
  if (!mc_accounts_create (accounts, argv[1], option (argc, argv, "--name"), option (argc, argv, "--title"),
                           option (argc, argv, "--department"), roles, password, &error))
    return mc_cli_fail (error);
  /* The new person chooses their own password at the first sign-in, unless waived. */
  if (has_flag (argc, argv, "--no-password-change") && !mc_accounts_set_must_change (accounts, argv[1], FALSE, &error))
    return mc_cli_fail (error);
  return 0;
}

static int
account_list (McAccounts *accounts)
{
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;

  if ((rows = mc_accounts_list (accounts, &error)) == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      McStaff *s = rows->pdata[i];
      g_autofree char *roles = mc_roles_to_string (mc_staff_get_roles (s));
      mc_cli_print_row (mc_staff_get_username (s), mc_staff_get_full_name (s), mc_staff_get_department_code (s), roles,
                        !mc_staff_get_active (s) ? "disabled"
                        : mc_staff_get_locked_until (s) > mc_time_now () ? "locked" : "active");
    }
  return 0;
}

/* The new password from MOTCUA_NEW_PASSWORD (scripts), else typed twice
 * without echo; NULL when the two differ. */
static char *
read_new_password (GError **error)
{
  g_autofree char *fresh = NULL, *again = NULL;

  if (g_getenv ("MOTCUA_NEW_PASSWORD"))
    return g_strdup (g_getenv ("MOTCUA_NEW_PASSWORD"));
  fresh = mc_cli_read_password_typed (_("New password: "));
  again = mc_cli_read_password_typed (_("New password again: "));
  if (g_strcmp0 (fresh, again) != 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID, _("The two passwords are not the same"));
      return NULL;
    }
  return g_steal_pointer (&fresh);
}

/* motcua --user U account password [USER]: one's own with the password
 * given to sign in as the old one; an administrator sets another's. */
static int
account_passwd (McDb *db, McAccounts *accounts, int argc, char **argv)
{
  g_autoptr(McStaff) me = mc_db_get_actor (db) ? mc_accounts_get_staff_by_id (accounts, mc_db_get_actor (db), NULL) : NULL;
  const char *user = argc > 1 ? argv[1] : me ? mc_staff_get_username (me) : NULL;
  g_autofree char *fresh = NULL;
  GError *error = NULL;

  if (user == NULL)
    return mc_cli_usage (_("Usage: motcua --user USER account password [USER]"));
  if (me != NULL && mc_staff_get_must_change_password (me) && !g_str_equal (user, mc_staff_get_username (me)))
    return mc_cli_fail (g_error_new (MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                                     _("%s must choose a new password first: motcua --user %s account password"),
                                     mc_staff_get_username (me), mc_staff_get_username (me)));
  if ((fresh = read_new_password (&error)) == NULL ||
      !mc_accounts_set_password (accounts, user, signed_in_password ? signed_in_password : g_getenv ("MOTCUA_PASSWORD"),
                                 fresh, &error))
    return mc_cli_fail (error);
  return 0;
}

/* motcua --user ADMIN account set USER [--roles r1,r2] [--active yes|no]: the
 * functions and whether the account may sign in, the rest kept (on a server
 * the login's memberships and LOGIN follow: mc_staff_login ()). */
static int
account_set (McAccounts *accounts, int argc, char **argv)
{
  const char *roles_text = option (argc, argv, "--roles");
  const char *active_text = option (argc, argv, "--active");
  g_autoptr(McStaff) s = NULL;
  GError *error = NULL;
  McRoles roles;
  gboolean active;

  if (argc < 2 || argv[1][0] == '-' || (roles_text == NULL && active_text == NULL) ||
      (active_text != NULL && !g_str_equal (active_text, "yes") && !g_str_equal (active_text, "no")))
    return mc_cli_usage (_("Usage: motcua --user ADMIN account set USER [--roles ROLE,…] [--active yes|no]"));
  if ((s = mc_accounts_get_staff (accounts, argv[1], &error)) == NULL)
    return mc_cli_fail (error);
  roles = roles_text ? mc_roles_from_string (roles_text, &error) : mc_staff_get_roles (s);
  if (error)
    return mc_cli_fail (error);
  active = active_text ? g_str_equal (active_text, "yes") : mc_staff_get_active (s);
  if (!mc_accounts_update (accounts, argv[1], mc_staff_get_full_name (s), mc_staff_get_title (s),
                           mc_staff_get_department_code (s), roles, active, &error))
    return mc_cli_fail (error);
  return 0;
}

static int
account_unlock (McAccounts *accounts, int argc, char **argv)
{
  GError *error = NULL;

  if (argc != 2)
    return mc_cli_usage (_("Usage: motcua --user ADMIN account unlock USER"));
  return mc_accounts_unlock (accounts, argv[1], &error) ? 0 : mc_cli_fail (error);
}

int
mc_cli_account (McDb *db, int argc, char **argv)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  const char *sub = argc > 1 ? argv[1] : "";

  if (g_str_equal (sub, "init"))
    return account_init (accounts, argc - 1, argv + 1);
  if (g_str_equal (sub, "add"))
    return account_add (accounts, argc - 1, argv + 1);
  if (g_str_equal (sub, "list"))
    return account_list (accounts);
  if (g_str_equal (sub, "password") || g_str_equal (sub, "passwd"))
    return account_passwd (db, accounts, argc - 1, argv + 1);
  if (g_str_equal (sub, "unlock"))
    return account_unlock (accounts, argc - 1, argv + 1);
  if (g_str_equal (sub, "set"))
    return account_set (accounts, argc - 1, argv + 1);
  return mc_cli_usage (_("Usage: motcua account init|add|list|password|unlock|set …"));
}

/* motcua audit verify [--against BACKUP|SEQ:HASH] */
static int
audit_verify (McDb *db, int argc, char **argv)
{
  const char *against = option (argc, argv, "--against");
  gint64 n = 0, bad = 0;
  GError *error = NULL;

  if (argc > 1 && against == NULL)
    return mc_cli_usage (_("Usage: motcua audit verify [--against BACKUP|SEQUENCE:HASH]"));
  if (mc_audit_verify (db, &n, &bad, &error) && (against == NULL || mc_audit_verify_against (db, against, &error)))
    {
      g_print ("ok\t%" G_GINT64_FORMAT "\n", n);
      return 0;
    }
  if (error && !g_error_matches (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED))
    return mc_cli_fail (error);
  if (error)
    {
      g_printerr (_("The audit trail has been altered: %s\n"), error->message);
      g_print ("broken\n");
      g_error_free (error);
      return 3;
    }
  g_printerr (_("The audit trail has been altered: row %lld does not match the chain (%lld rows before it are intact)\n"),
              (long long) bad, (long long) n);
  g_print ("broken\t%" G_GINT64_FORMAT "\n", bad);
  return 3;
}

/* motcua audit list [--user U] [--dossier CODE] [--from D] [--to D] [--limit N] */
static int
audit_list (McDb *db, int argc, char **argv)
{
  McDate from = 0, to = 0;
  const char *limit = option (argc, argv, "--limit");
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;

  if ((option (argc, argv, "--from") && !mc_date_parse_iso (option (argc, argv, "--from"), &from)) ||
      (option (argc, argv, "--to") && !mc_date_parse_iso (option (argc, argv, "--to"), &to)))
    return mc_cli_usage (_("Usage: motcua audit list [--user USER] [--dossier CODE] [--from YYYY-MM-DD] "
                           "[--to YYYY-MM-DD] [--limit N]"));
  rows = mc_audit_list (db, option (argc, argv, "--user"), option (argc, argv, "--dossier"),
                        from ? mc_time_from_local (from, 0) : 0, to ? mc_time_from_local (to + 1, 0) : 0,
                        limit ? (guint) g_ascii_strtoull (limit, NULL, 10) : 100, &error);
  if (rows == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      McAuditEntry *e = rows->pdata[i];
      g_autofree char *at = mc_time_to_iso (mc_audit_entry_get_at (e));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, mc_audit_entry_get_id (e));

      mc_cli_print_row (id, at, mc_audit_entry_get_username (e), mc_audit_entry_get_action (e),
                        mc_audit_entry_get_object_label (e), mc_audit_entry_get_detail (e));
    }
  return 0;
}

int
mc_cli_audit (McDb *db, int argc, char **argv)
{
  const char *sub = argc > 1 ? argv[1] : "";

  if (g_str_equal (sub, "verify"))
    return audit_verify (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "list"))
    return audit_list (db, argc - 1, argv + 1);
  return mc_cli_usage (_("Usage: motcua audit verify|list …"));
}
