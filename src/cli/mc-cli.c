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

#include "mc-accounts.h"
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
  { "calendar", mc_cli_calendar },
  { "catalog", mc_cli_catalog },
  { "dashboard", mc_cli_dashboard },
  { "demo", mc_cli_demo },
  { "dossier", mc_cli_dossier },
  { "kiosk", mc_cli_kiosk },
  { "settings", mc_cli_settings },
  { "notifications", mc_cli_notifications },
  { "queue", mc_cli_queue },
#ifndef MC_CLI_LIGHT
  { "backup", mc_cli_backup },
  { "report", mc_cli_report },
  { "liveboard", mc_cli_liveboard },
#endif
};

/* What `motcua` itself runs (MC_CLI_LIGHT, linked without export and
 * board): commands that write no document and draw nothing. Every other
 * command, and a window, is run by motcua-full, which links cairo, Pango,
 * libxlsxwriter, libzip and libzint — their loading was most of a
 * `dossier show`'s processor time (48 libraries, 18.8 million instructions
 * in the dynamic linker before main; without them 16 and 4.6 million,
 * issue 15). A whole command ("account") or a command and its subcommand. */
static const char *const light_commands[] = {
  "account", "audit", "calendar", "dashboard", "demo", "settings",
  "dossier show", "dossier search", "dossier receive", "dossier import",
  "catalog list", "catalog receptions", "catalog receive", "catalog import",
  /* mc-cli-workflow.c but withdraw and apology, whose -o prints a form */
  "dossier actions", "dossier transfer", "dossier accept", "dossier send-back", "dossier pause",
  "dossier resume", "dossier external", "dossier finish", "dossier unqualified", "dossier return",
  "dossier inbox", "dossier apologies",
  "kiosk lookup",
  "notifications",
  /* mc-cli-queue.c but take (--ticket-pdf), ticket and stats (documents), and say (espeak-ng) */
  "queue status", "queue call", "queue recall", "queue serve", "queue finish", "queue skip",
  "queue transfer", "queue invite", "queue rate", "queue mine", "queue service", "queue counter",
};

/* Every command the line accepts and what core is asked before it runs:
 * a permission for the person signed in, or ACCESS_OPEN for what needs
 * nobody (computations and masked public data). A command or subcommand
 * missing here is not run (its command prints its usage), so none can be
 * added unchecked; tests/test-authz.c reads this list (motcua help
 * --commands) and fails for one without a row in its table. Core checks
 * again, with the department and the dossier's step, inside each action. */
#define ACCESS_OPEN (-1)

static const struct {
  const char *name;
  int         access;  /* McPermission or ACCESS_OPEN */
} access_table[] = {
  { "help", ACCESS_OPEN },
  { "account init", ACCESS_OPEN },  /* only while no administrator exists (core) */
  { "account add", MC_PERMISSION_ADMINISTER },
  { "account list", MC_PERMISSION_SIGNED_IN },  /* colleagues to hand a dossier to */
  { "account password", MC_PERMISSION_SIGNED_IN },
  { "account passwd", MC_PERMISSION_SIGNED_IN },
  { "account unlock", MC_PERMISSION_ADMINISTER },
  { "account set", MC_PERMISSION_ADMINISTER },
  { "audit verify", MC_PERMISSION_AUDIT },
  { "audit list", MC_PERMISSION_AUDIT },
  { "backup", MC_PERMISSION_ADMINISTER },
  { "restore", MC_PERMISSION_ADMINISTER },
  /* Says only ok or what is damaged, and must run before anything opens
   * (a sign-in commits, and would hide a cut write-ahead log). */
  { "check", ACCESS_OPEN },
  { "calendar due", ACCESS_OPEN },
  { "calendar holidays", ACCESS_OPEN },
  { "calendar lunar", ACCESS_OPEN },
  { "calendar solar", ACCESS_OPEN },
  { "calendar set", MC_PERMISSION_CONFIGURE },
  { "calendar remove", MC_PERMISSION_CONFIGURE },
  { "calendar import", MC_PERMISSION_CONFIGURE },
  { "calendar hours", MC_PERMISSION_SIGNED_IN },  /* changing them: CONFIGURE, in core */
  { "catalog import", MC_PERMISSION_CONFIGURE },
  { "catalog export", MC_PERMISSION_SIGNED_IN },
  { "catalog list", MC_PERMISSION_SIGNED_IN },
  { "catalog receptions", MC_PERMISSION_SIGNED_IN },
  { "catalog receive", MC_PERMISSION_CONFIGURE },
  { "dashboard", MC_PERMISSION_DASHBOARD },  /* heads their own department (core) */
  { "demo", MC_PERMISSION_ADMINISTER },
  { "dossier receive", MC_PERMISSION_RECEIVE },
  { "dossier refuse", MC_PERMISSION_RECEIVE },
  { "dossier show", MC_PERMISSION_SIGNED_IN },  /* ID number and phone only with PERSONAL_DATA */
  { "dossier search", MC_PERMISSION_PERSONAL_DATA },
  { "dossier import", MC_PERMISSION_ADMINISTER },
  { "dossier receipt", MC_PERMISSION_PERSONAL_DATA },
  { "dossier control-sheet", MC_PERMISSION_PERSONAL_DATA },
  { "dossier stop-notice", MC_PERMISSION_PERSONAL_DATA },
  { "dossier apology-letter", MC_PERMISSION_PERSONAL_DATA },  /* a reprint of Mẫu 04: names the applicant */
  { "dossier register", MC_PERMISSION_PERSONAL_DATA },
  /* The routing: core decides by the department holding the dossier and its step. */
  { "dossier transfer", MC_PERMISSION_SIGNED_IN },
  { "dossier accept", MC_PERMISSION_SIGNED_IN },
  { "dossier send-back", MC_PERMISSION_SIGNED_IN },
  { "dossier pause", MC_PERMISSION_SIGNED_IN },
  { "dossier resume", MC_PERMISSION_SIGNED_IN },
  { "dossier external", MC_PERMISSION_SIGNED_IN },
  { "dossier finish", MC_PERMISSION_SIGNED_IN },
  { "dossier unqualified", MC_PERMISSION_SIGNED_IN },
  { "dossier withdraw", MC_PERMISSION_SIGNED_IN },
  { "dossier return", MC_PERMISSION_RETURN },
  { "dossier apology", MC_PERMISSION_SIGNED_IN },
  { "dossier inbox", MC_PERMISSION_SIGNED_IN },
  { "dossier actions", MC_PERMISSION_SIGNED_IN },  /* core answers by the dossier and the person */
  { "dossier apologies", MC_PERMISSION_SIGNED_IN },
  /* One's own notifications only: core answers for the signed-in person. */
  { "notifications", MC_PERMISSION_SIGNED_IN },
  { "notifications list", MC_PERMISSION_SIGNED_IN },
  { "notifications read", MC_PERMISSION_SIGNED_IN },
  { "notifications read-all", MC_PERMISSION_SIGNED_IN },
  { "report period", ACCESS_OPEN },
  { "report 06a", MC_PERMISSION_REPORT },
  { "report public", MC_PERMISSION_REPORT },
  { "report cchc", MC_PERMISSION_REPORT },
  { "report evaluation", MC_PERMISSION_REPORT },
  { "report narrative", MC_PERMISSION_REPORT },
  { "report import-06a", MC_PERMISSION_REPORT },
  /* The unit's settings (signers, place, periods, thresholds): reading them
   * too, since `list` shows the rules the administrator is about to change. */
  { "settings list", MC_PERMISSION_CONFIGURE },
  { "settings get", MC_PERMISSION_CONFIGURE },
  { "settings set", MC_PERMISSION_CONFIGURE },
  { "settings reset", MC_PERMISSION_CONFIGURE },
  { "liveboard", ACCESS_OPEN },  /* masked public data only */
  { "queue say", ACCESS_OPEN },  /* a number and a counter spoken: no data read */
  /* A PostgreSQL server, not this database: the server decides, by the
   * connecting user's CREATEROLE (mc-pg-server.c), and opens no file. */
  { "server init", ACCESS_OPEN },
  { "server add-login", ACCESS_OPEN },
  { "server add-board", ACCESS_OPEN },
  /* The installer, beside the server: its log and CREATEROLE decide. */
  { "server lockout", ACCESS_OPEN },
  /* The same: the installer's membership of motcua_owner (mc-db-copy.c);
   * the SQLite file is only read. */
  { "db copy", ACCESS_OPEN },
  /* The queue (mc-queue.h): a ticket is taken at the kiosk, an unattended
   * machine where the citizen acts and nobody signs in (the ticket holds no
   * personal data), so it needs nobody, as the board does; the numbers
   * called are what the board shows. The counter's actions are a reception
   * clerk's, in their own name; services and counters are read by anyone
   * signed in and changed by the administrator only (core checks ADMINISTER). */
  { "queue take", ACCESS_OPEN },
  { "queue status", ACCESS_OPEN },
  /* A ticket printed again: a number, a service and a time, nobody's data. */
  { "queue ticket", ACCESS_OPEN },
  /* The kiosk's look-up runs on a kiosk-mode connection (mc_db_set_kiosk):
   * the dossier masked as the kiosk shows it to whoever holds the receipt. */
  { "kiosk lookup", ACCESS_OPEN },
  { "queue call", MC_PERMISSION_RECEIVE },
  { "queue recall", MC_PERMISSION_RECEIVE },
  { "queue serve", MC_PERMISSION_RECEIVE },
  { "queue finish", MC_PERMISSION_RECEIVE },
  { "queue skip", MC_PERMISSION_RECEIVE },
  { "queue transfer", MC_PERMISSION_RECEIVE },
  /* "Mời đánh giá": the clerk ends the service so the counter display asks
   * the citizen; the rating itself is the citizen's touch on that display,
   * with nobody signed in, like the kiosk's ticket (core bounds it: a ticket
   * done, that day, once). */
  { "queue invite", MC_PERMISSION_RECEIVE },
  { "queue rate", ACCESS_OPEN },
  { "queue stats", MC_PERMISSION_SIGNED_IN },
  { "queue mine", MC_PERMISSION_SIGNED_IN },  /* one's own day at the counter */
  { "queue service", MC_PERMISSION_SIGNED_IN },
  { "queue counter", MC_PERMISSION_SIGNED_IN },
};

/* The row for argv[0] (and its subcommand argv[1]), or -1. */
static int
find_access (int argc, char **argv)
{
  g_autofree char *both = argc > 1 ? g_strdup_printf ("%s %s", argv[0], argv[1]) : NULL;

  for (guint k = 0; k < G_N_ELEMENTS (access_table); k++)
    if (g_strcmp0 (access_table[k].name, both) == 0)
      return (int) k;
  for (guint k = 0; k < G_N_ELEMENTS (access_table); k++)
    if (g_str_equal (access_table[k].name, argv[0]))
      return (int) k;
  return -1;
}

/* Asks core whether the person signed in (or nobody) may run row k. */
static gboolean
may_run (McDb *db, int k, GError **error)
{
  if (access_table[k].access == ACCESS_OPEN ||
      mc_accounts_check (db, mc_db_get_actor (db), (McPermission) access_table[k].access, 0, error))
    return TRUE;
  if (g_error_matches (*error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_SIGN_IN))
    {
      g_clear_error (error);
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_SIGN_IN,
                   _("“%s” needs a signed-in person with the right to it: motcua --user NAME %s …"),
                   access_table[k].name, access_table[k].name);
    }
  return FALSE;
}

static int
print_commands (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (access_table); k++)
    g_print ("%s\n", access_table[k].name);
  return 0;
}

/* `dossier transfer CODE --user U`: the routing commands also take the
 * person after the subcommand. */
static const char *
user_after_command (int argc, char **argv)
{
  for (int i = 2; argc > 1 && mc_cli_is_workflow_command (argv[1]) && i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--user"))
      return argv[i + 1];
  return NULL;
}

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
  /* The counter's display is a window (motcua-gui, mc-counter-display.c). */
  if (g_str_equal (argv[i], "counter-display"))
    return FALSE;
  return argv[i][0] != '-' || g_strcmp0 (argv[i], "--help") == 0;
}

gboolean
mc_cli_is_light_command (int argc, char **argv)
{
  int i = command_index (argc, argv, NULL, NULL);
  g_autofree char *both = NULL;

  if (i >= argc)
    return FALSE;  /* the application window */
  if (argv[i][0] == '-')
    return g_str_equal (argv[i], "--help");
  /* Help and a command's usage open nothing. */
  if (g_str_equal (argv[i], "help") || (i + 1 < argc && (g_str_equal (argv[i + 1], "--help") ||
                                                         g_str_equal (argv[i + 1], "-h"))))
    return TRUE;
  both = i + 1 < argc ? g_strdup_printf ("%s %s", argv[i], argv[i + 1]) : NULL;
  for (guint k = 0; k < G_N_ELEMENTS (light_commands); k++)
    if (g_str_equal (light_commands[k], argv[i]) || g_strcmp0 (light_commands[k], both) == 0)
      return TRUE;
  return FALSE;
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

McOutputFileFlags
mc_cli_output_flags (void)
{
  return force_output ? MC_OUTPUT_FILE_FORCE : MC_OUTPUT_FILE_NONE;
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
  g_autoptr(GPtrArray) problems = mc_audit_check_at_start (db);

  for (guint i = 0; i < problems->len; i++)
    g_printerr (_("Warning: %s (motcua audit verify)\n"), (char *) problems->pdata[i]);
}

/* The start check reads no page of the tables (mc_db_new_for_command): damage
 * that the command met on its way is told as the start check would have,
 * whatever the command made of SQLite's error, and the next command checks
 * every page first. */
static int
refuse_damage_met (McDb *db)
{
  GError *error = NULL;

  mc_backup_refuse_damage_met (mc_db_get_path (db), &error);
  return mc_cli_fail (error);
}

McDb *
mc_cli_open_db (const char *path)
{
  g_autofree char *fallback = path ? NULL : mc_db_default_path ();
  GError *error = NULL;
  McDb *db = NULL;
  g_autoptr(McCatalog) catalog = NULL;

  /* One connection, checked as it opens; a damaged database is named with
   * the backup that would replace it. */
  mc_cli_ask_server_password ();
  db = mc_db_new_for_command (path ? path : fallback, &error);
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
      if (mc_db_damage_met ())
        {
          g_clear_error (&error);
          refuse_damage_met (db);
        }
      else
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
                     "  report narrative --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE] [--edit FILE | --restore]\n"
                     "         [--format pdf|docx|txt -o FILE]   the narrative report, as a leader edited it\n"
                     "  report import-06a --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD FILE.csv   a subordinate unit's 06a\n"
                     "  liveboard [--monitor N]                  the full-screen public board\n"
                     "  liveboard --render FILE.png --size WxH [--at \"YYYY-MM-DD HH:MM\"]   the board as a picture"));
  g_print ("%s\n", _("  settings list|get KEY|set KEY VALUE|set KEY --file FILE|reset KEY   signers, place, periods (administrator)"));
  g_print ("%s\n", _("  queue say --number N --counter C --output FILE.wav [--clips FOLDER] [--volume 0-100] [--le] [--bon]\n"
                     "                                           the calling announcement as sound (espeak-ng or the center's clips)"));
  g_print ("%s\n", _("  dashboard [--unit CODE] [--department CODE] [--format text|json]   the overview of heads and leaders"));
  g_print ("%s\n", _("  notifications [list [--unread] | read ID | read-all]   your notifications (the bell)"));
  g_print ("%s\n", _("  catalog receptions [SEARCH]              code, competence, former level, reception, name\n"
                     "  catalog receive CODE own|province|lien_thong|none|default\n"
                     "                                           what the unit receives since 1/7/2025"));
  g_print ("%s\n", _("  server init|add-login|add-board|lockout postgresql://ADMIN@HOST/DB …   a PostgreSQL server for several desks"));
  g_print ("%s\n", _("  db copy --from CENTER.sqlite --to postgresql://ADMIN@HOST/DB   a one-PC center onto its server"));
  g_print ("%s\n", _("  dossier receipt|refuse|transfer|accept|send-back|pause|resume|external|finish|unqualified|withdraw|\n"
                     "          return|apology|apology-letter|control-sheet|stop-notice|register|inbox|apologies …   the life of a dossier\n"
                     "          (motcua dossier COMMAND without its arguments shows them)\n"
                     "  account init|add|list|password|unlock|set …   accounts and roles (first run: account init)\n"
                     "  audit verify [--against BACKUP|SEQ:HASH] | audit list [--user U] [--dossier CODE]   the audit trail\n"
                     "  backup [FILE] | restore FILE | check [--full]   backups and the database check\n"
                     "\n"
                     "Once an administrator exists, commands that change data need --user NAME, with the\n"
                     "password in MOTCUA_PASSWORD or typed at the terminal."));
  g_print ("%s\n", _("  queue take|call|recall|serve|finish|skip|transfer|status|stats|service|counter …\n"
                     "          the queue: tickets at the kiosk, calls at the counters (motcua queue shows the arguments)"));
  g_print ("%s\n", _("  counter-display --counter N [--monitor M] [--windowed]   the screen above a counter: the number served,\n"
                     "                                           the citizen's rating (queue invite|rate for scripts)"));
  g_print ("%s\n", _("  kiosk | kiosk lookup CODE                the full-screen ticket kiosk; a dossier as it shows it (masked)"));
  g_print ("\n%s\n", _("A command that writes a file (-o FILE, export FILE, backup FILE, --render FILE) replaces\n"
                         "an existing file only with --force, and never the database, a backup or a device."));
  return 0;
}

int
mc_cli_run (int argc, char **argv)
{
  const char *db_path = NULL, *user = NULL;
  int i, status;
  g_autoptr(McDb) db = NULL;

  argc = take_force_option (argc, argv);
  i = command_index (argc, argv, &db_path, &user);
  if (i + 1 < argc && g_strcmp0 (argv[i], "help") == 0 && g_strcmp0 (argv[i + 1], "--commands") == 0)
    return print_commands ();
  /* "motcua dossier --help" too: asking how a command is used opens no
   * database (it created the file, or asked for a signed-in person). */
  if (i >= argc || g_strcmp0 (argv[i], "help") == 0 || g_strcmp0 (argv[i], "--help") == 0
      || (i + 1 < argc && (g_strcmp0 (argv[i + 1], "--help") == 0 || g_strcmp0 (argv[i + 1], "-h") == 0)))
    return print_help ();
  /* Both work on a database that may not open: they check the person themselves. */
#ifndef MC_CLI_LIGHT
  if (g_strcmp0 (argv[i], "restore") == 0 || g_strcmp0 (argv[i], "check") == 0)
    return mc_cli_restore (db_path, user, argc - i, argv + i);
  /* motcua-full's too: it links libpq (and its TLS and Kerberos libraries). */
  if (g_strcmp0 (argv[i], "server") == 0)
    {
      if (argc - i > 1 && find_access (argc - i, argv + i) < 0)
        {
          g_printerr (_("Unknown command “%s %s”; see motcua help\n"), argv[i], argv[i + 1]);
          return 2;
        }
      return mc_cli_server (argc - i, argv + i);
    }
  if (g_strcmp0 (argv[i], "db") == 0)
    {
      if (argc - i > 1 && find_access (argc - i, argv + i) < 0)
        {
          g_printerr (_("Unknown command “%s %s”; see motcua help\n"), argv[i], argv[i + 1]);
          return 2;
        }
      return mc_cli_db (argc - i, argv + i);
    }
  /* Speaking a number and a counter reads no table: no database is opened
   * (mc-cli-queue-say.c), so staff may try the voice on any machine. */
  if (g_strcmp0 (argv[i], "queue") == 0 && i + 1 < argc && g_strcmp0 (argv[i + 1], "say") == 0)
    return mc_cli_queue_say (argc - i, argv + i);
#endif
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_strcmp0 (argv[i], commands[c].name) == 0)
      {
        GError *error = NULL;
        int k = find_access (argc - i, argv + i);
        g_autofree char *login_user = NULL;

        /* A subcommand not in the table is not run; without one, the
         * command only prints its usage. */
        if (k < 0 && argc - i > 1)
          {
            g_printerr (_("Unknown command “%s %s”; see motcua help\n"), argv[i], argv[i + 1]);
            return 2;
          }
        db = mc_cli_open_db (db_path);
        if (db == NULL)
          return 1;
        if (mc_cli_is_password_command (argc - i, argv + i))
          mc_cli_allow_password_change ();
        if (user == NULL)
          user = user_after_command (argc - i, argv + i);
        /* On a server, a desk's own login is the person (issue 17). */
        if (user == NULL)
          user = login_user = mc_cli_connection_username (db);
        if ((user && !mc_cli_sign_in (db, user, &error)) || (k >= 0 && !may_run (db, k, &error)))
          return mc_db_damage_met () ? refuse_damage_met (db) : mc_cli_fail (error);
        status = commands[c].run (db, argc - i, argv + i);
        return mc_db_damage_met () ? refuse_damage_met (db) : status;
      }
  g_printerr (_("Unknown command “%s”; see motcua help\n"), argv[i]);
  return 2;
}
