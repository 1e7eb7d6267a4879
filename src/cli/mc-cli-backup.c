/* mc-cli-backup.c — motcua backup|restore|check
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-backup.h"
#include "mc-cli.h"
#include "mc-font-check.h"

/* "backup FILE" copies the database there; "backup" alone writes the next
 * rotating backup (as the application does) and "--hours H --keep K" sets
 * how often the application writes one and how many are kept. */
int
mc_cli_backup (McDb *db, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mc_backup_dir_for (mc_db_get_path (db));
  g_autofree char *path = NULL;
  const char *hours = NULL, *keep = NULL, *file = NULL;

  /* A copy holds everyone's personal data: the administrator's task. */
  if (!mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_ADMINISTER, 0, &error))
    return mc_cli_fail (g_steal_pointer (&error));
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--hours") && i + 1 < argc)
        hours = argv[++i];
      else if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
        keep = argv[++i];
      else if (argv[i][0] != '-' && file == NULL)
        file = argv[i];
      else
        return mc_cli_usage (_("Usage: motcua backup [FILE] [--hours H] [--keep K]"));
    }
  if ((hours && !mc_db_set_setting (db, MC_BACKUP_SETTING_HOURS, hours, &error)) ||
      (keep && !mc_db_set_setting (db, MC_BACKUP_SETTING_KEEP, keep, &error)))
    return mc_cli_fail (g_steal_pointer (&error));
  if (hours || keep)
    {
      guint every = mc_backup_get_interval_hours (db, &error);
      guint kept = every ? mc_backup_get_keep (db, &error) : 0;

      if (kept == 0)
        return mc_cli_fail (g_steal_pointer (&error));
      g_print ("every\t%u\nkeep\t%u\n", every, kept);
      if (file == NULL)
        return 0;
    }
  if (file != NULL && mc_cli_check_output (file, &error) && mc_backup_write (db, file, &error))
    path = g_strdup (file);
  else if (file == NULL)
    {
      guint kept = mc_backup_get_keep (db, &error);

      path = kept ? mc_backup_rotate (db, dir, kept, g_get_real_time (), &error) : NULL;
    }
  if (path == NULL)
    return mc_cli_fail (g_steal_pointer (&error));
  mc_cli_print_row ("backup", path);
  return 0;
}

static int
restore (const char *db_path, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(McDb) db = NULL;

  if (!mc_backup_restore (db_path, file, &aside, &error))
    return mc_cli_fail (g_steal_pointer (&error));
  if (aside != NULL)
    mc_cli_print_row ("damaged", aside);
  /* Brings a backup of an older version's schema up to date. */
  db = mc_cli_open_db (db_path);
  if (db == NULL)
    return 1;
  mc_cli_print_row ("restored", file);
  return 0;
}

/* A server's backup (pg_dump) into an empty database. */
static int
restore_server (const char *conninfo, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 audit_rows = 0;

  if (!mc_backup_pg_restore (conninfo, file, &audit_rows, &error))
    return mc_cli_fail (g_steal_pointer (&error));
  mc_cli_print_row ("restored", file);
  rows = g_strdup_printf ("%" G_GINT64_FORMAT, audit_rows);
  mc_cli_print_row ("audit", rows);
  return 0;
}

/* A restore replaces every dossier: on a database that opens and has
 * accounts, only an administrator may; a database that cannot be opened is
 * being rescued, and nobody can sign in to it. */
static gboolean
authorize_restore (const char *path, const char *user, const char *why, GError **error)
{
  g_autoptr(McDb) db = NULL;
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(GError) local = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || (db = mc_db_new (path, NULL, NULL)) == NULL)
    return TRUE;
  accounts = mc_accounts_new (db);
  if (!mc_accounts_is_enforced (accounts))
    return TRUE;
  if (user == NULL)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_SIGN_IN, why);
      return FALSE;
    }
  if (mc_cli_sign_in (db, user, &local))
    return mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_ADMINISTER, 0, error);
  /* Too damaged to read the account or record the sign-in: as one that
   * cannot be opened, it is being rescued. A wrong password stays wrong. */
  if (local->domain != MC_ACCOUNTS_ERROR && mc_backup_check_file (path, TRUE, NULL) < 0)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Both work on a database that cannot be opened, so they take its path. */
int
mc_cli_restore (const char *db_path, const char *user, int argc, char **argv)
{
  g_autofree char *fallback = db_path ? NULL : mc_db_default_path ();
  const char *path = db_path ? db_path : fallback;
  g_autofree char *dir = mc_backup_dir_for (path);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (argv[0], "restore"))
    {
      if (argc != 2)
        return mc_cli_usage (_("Usage: motcua restore FILE"));
      /* Into an empty database: the installer's login is the gate, there
       * are no accounts yet to sign in with (mc-backup-pg.c). */
      if (mc_backup_is_server (path))
        return restore_server (path, argv[1]);
      if (!authorize_restore (path, user, _("A restore replaces all the data: sign in as an administrator with --user"),
                              &error))
        return mc_cli_fail (g_steal_pointer (&error));
      return restore (path, argv[1]);
    }
  if (argc > 2 || (argc == 2 && !g_str_equal (argv[1], "--full")))
    return mc_cli_usage (_("Usage: motcua check [--full]"));
  /* quick_check, or with --full integrity_check (which also checks indexes
   * against their tables and the CHECK constraints) before it; both then
   * compare the commit mark (a WAL cut short). */
  if ((argc == 2 && mc_backup_check_file (path, FALSE, &error) < 0) ||
      !mc_backup_check_at_start (path, dir, TRUE, &error))
    {
      /* Commands read no page at start (mc_db_new_for_command): the mark
       * makes each of them refuse the file until it is restored. */
      if (g_error_matches (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED))
        mc_backup_mark_damaged (path, error->message);
      return mc_cli_fail (g_steal_pointer (&error));
    }
  /* The database is sound; the documents' font is said beside it, on the
   * error stream, as it does not make the database wrong. */
  if (mc_font_check_warning () != NULL)
    g_printerr (_("Warning: %s\n"), mc_font_check_warning ());
  g_print ("ok\n");
  return 0;
}
