/* mc-cli.c — the command line: thin commands over core
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contract (DESIGN.md §4): machine-readable output on stdout, errors in
 * Vietnamese on stderr, exit status 0 on success and non-zero on any error.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-audit.h"
#include "mc-backup.h"
#include "mc-catalog.h"
#include "mc-cli.h"
#include "mc-output-file.h"

static const struct {
  const char   *name;
  McCliCommand  run;
} commands[] = {
  { "account", mc_cli_account },
  { "audit", mc_cli_audit },
  { "backup", mc_cli_backup },
  { "calendar", mc_cli_calendar },
  { "catalog", mc_cli_catalog },
  { "demo", mc_cli_demo },
  { "dossier", mc_cli_dossier },
  { "report", mc_cli_report },
  { "liveboard", mc_cli_liveboard },
};

/* Index of the first argument after the global options (--db PATH,
 * --user NAME). */
static int
command_index (int argc, char **argv, const char **db_path, const char **user)
{
  int i = 1;

  while (i < argc)
    {
      if (g_strcmp0 (argv[i], "--user") == 0 && i + 1 < argc)
        {
          if (user)
            *user = argv[i + 1];
          i += 2;
        }
      else if (g_strcmp0 (argv[i], "--db") == 0 && i + 1 < argc)
        {
          if (db_path)
            *db_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          if (db_path)
            *db_path = argv[i] + 5;
          i++;
        }
      else
        break;
    }
  return i;
}

gboolean
mc_cli_is_command (int argc, char **argv)
{
  int i = command_index (argc, argv, NULL, NULL);

  /* Any word that is not an option is a command (an unknown one is an
   * error, not a reason to open windows); options go to the application. */
  if (i >= argc)
    return FALSE;
  return argv[i][0] != '-' || g_strcmp0 (argv[i], "--help") == 0;
}

/* Set by --force anywhere on the command line: an output file that exists
 * may be replaced (never the database, a backup or a device). */
static gboolean force_output;

/* Takes --force out of argv, so that no command's own parser needs to know it. */
static int
take_force_option (int argc, char **argv)
{
  int kept = 1;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--force") == 0)
        force_output = TRUE;
      else
        argv[kept++] = argv[i];
    }
  if (kept < argc)
    argv[kept] = NULL;
  return kept;
}

gboolean
mc_cli_check_output (const char *path, GError **error)
{
  return mc_output_file_check (path, force_output ? MC_OUTPUT_FILE_FORCE : MC_OUTPUT_FILE_NONE, error);
}

gboolean
mc_cli_write_output (const char *path, const char *data, GError **error)
{
  return mc_output_file_set_contents (path, data, -1,
                                      force_output ? MC_OUTPUT_FILE_FORCE : MC_OUTPUT_FILE_NONE, error);
}

int
mc_cli_fail (GError *error)
{
  g_printerr ("%s: %s\n", _("Error"), error ? error->message : _("unknown error"));
  g_clear_error (&error);
  return 1;
}

int
mc_cli_usage (const char *usage)
{
  g_printerr ("%s\n", usage);
  return 2;
}

/* A trigger dropped or altered outside Motcua is said at every command, and
 * left as found: putting it back would hide what was done meanwhile. */
static void
warn_tampered_triggers (McDb *db)
{
  g_autoptr(GPtrArray) problems = mc_audit_check_triggers (db, NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_printerr (_("Warning: %s (motcua audit verify)\n"), (char *) problems->pdata[i]);
}

McDb *
mc_cli_open_db (const char *path)
{
  g_autofree char *fallback = path ? NULL : mc_db_default_path ();
  GError *error = NULL;
  g_autofree char *backups = mc_backup_dir_for (path ? path : fallback);
  McDb *db = NULL;
  g_autoptr(McCatalog) catalog = NULL;

  /* A damaged database is named with the backup that would replace it. */
  if (mc_backup_check_at_start (path ? path : fallback, backups, FALSE, &error))
    db = mc_db_new (path ? path : fallback, NULL, &error);
  if (db == NULL)
    {
      mc_cli_fail (error);
      return NULL;
    }
  warn_tampered_triggers (db);
  /* A new database starts with the built-in catalog, as in the application. */
  catalog = mc_catalog_new (db);
  if (mc_catalog_count_procedures (catalog) == 0 && !mc_catalog_install_builtin (catalog, NULL, &error))
    {
      mc_cli_fail (error);
      g_clear_object (&db);
    }
  return db;
}

static int
print_help (void)
{
  g_print ("%s\n", _("Usage: motcua [--db PATH] [--user NAME] COMMAND …\n"
                     "\n"
                     "Without a command, the application window opens.\n"
                     "\n"
                     "Commands:\n"
                     "  demo [--dossiers N] [--seed S]           fill a new database with demo data\n"
                     "  calendar due --from \"YYYY-MM-DD HH:MM\" (--days N | --hours H)\n"
                     "  calendar holidays --year YYYY            days off and worked weekend days\n"
                     "  calendar lunar YYYY-MM-DD                solar → lunar date\n"
                     "  calendar solar D/M/YYYY [--leap]         lunar → solar date\n"
                     "  calendar set YYYY-MM-DD holiday|compensatory|workday NAME\n"
                     "  calendar remove YYYY-MM-DD\n"
                     "  calendar import FILE.csv [--announced]   date,kind,name\n"
                     "  calendar hours [WEEKDAY HOURS]           office hours, e.g. 1 07:00-11:30,13:30-17:00\n"
                     "  catalog import FILE.csv                  procedures (all or nothing)\n"
                     "  catalog export FILE.csv|FILE.xlsx        procedures (CSV, or the printable list)\n"
                     "  catalog list [SEARCH]                    code, days, name\n"
                     "  dossier receive --procedure CODE --name NAME --id-number N --channel C [--at T] …\n"
                     "  dossier show CODE                        the dossier and its timeline\n"
                     "  dossier search QUERY                     code, name, ID number or phone\n"
                     "  dossier import [--unit CODE] FILE.csv    migration from another system (or a subordinate unit)\n"
                     "  report period --year YYYY (--quarter Q | --half H | --nine-months | --whole-year)\n"
                     "  report 06a|public|cchc|evaluation --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE]\n"
                     "         --format xlsx|pdf|csv -o FILE    statutory report tables\n"
                     "  report narrative --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE] --format pdf|txt -o FILE\n"
                     "  report import-06a --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD FILE.csv   a subordinate unit's 06a\n"
                     "  liveboard [--monitor N]                  the full-screen public board\n"
                     "  liveboard --render FILE.png --size WxH [--at \"YYYY-MM-DD HH:MM\"]   the board as a picture"));
  g_print ("%s\n", _("  dossier receipt|refuse|transfer|accept|send-back|pause|resume|external|finish|unqualified|withdraw|\n"
                     "          return|apology|control-sheet|register|inbox|apologies …   the life of a dossier\n"
                     "          (motcua dossier COMMAND without its arguments shows them)\n"
                     "  account init|add|list|password|unlock …   accounts and roles (first run: account init)\n"
                     "  audit verify [--against BACKUP|SEQ:HASH] | audit list [--user U] [--dossier CODE]   the audit trail\n"
                     "  backup [FILE] | restore FILE | check [--full]   backups and the database check\n"
                     "\n"
                     "Once an administrator exists, commands that change data need --user NAME, with the\n"
                     "password in MOTCUA_PASSWORD or typed at the terminal."));
  g_print ("\n%s\n", _("A command that writes a file (-o FILE, export FILE, backup FILE, --render FILE) replaces\n"
                         "an existing file only with --force, and never the database, a backup or a device."));
  return 0;
}

int
mc_cli_run (int argc, char **argv)
{
  const char *db_path = NULL, *user = NULL;
  int i;
  g_autoptr(McDb) db = NULL;

  argc = take_force_option (argc, argv);
  i = command_index (argc, argv, &db_path, &user);

  if (i >= argc || g_strcmp0 (argv[i], "help") == 0 || g_strcmp0 (argv[i], "--help") == 0)
    return print_help ();
  if (g_strcmp0 (argv[i], "restore") == 0 || g_strcmp0 (argv[i], "check") == 0)
    return mc_cli_restore (db_path, user, argc - i, argv + i);
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_strcmp0 (argv[i], commands[c].name) == 0)
      {
        GError *error = NULL;

        db = mc_cli_open_db (db_path);
        if (db == NULL)
          return 1;
        if (mc_cli_is_password_command (argc - i, argv + i))
          mc_cli_allow_password_change ();
        if (user && !mc_cli_sign_in (db, user, &error))
          return mc_cli_fail (error);
        return commands[c].run (db, argc - i, argv + i);
      }
  g_printerr (_("Unknown command “%s”; see motcua help\n"), argv[i]);
  return 2;
}
