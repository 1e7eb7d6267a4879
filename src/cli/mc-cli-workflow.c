/* mc-cli-workflow.c — motcua dossier transfer|accept|send-back|pause|resume|
 * external|finish|unqualified|withdraw|return|apology|inbox|apologies
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every transition of the routing issue, for scripts and tests. Each prints
 * the dossier's new position as one tab-separated line:
 *   CODE  state  step  department  step-due  appointment
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#ifndef MC_CLI_LIGHT
#include "mc-apology-form.h"
#endif
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-cli.h"
#include "mc-form-paper.h"
#ifndef MC_CLI_LIGHT
#include "mc-stop-notice.h"
#endif
#include "mc-workflow.h"

/* Parsed "--name value" pairs and bare flags after the dossier code. */
typedef struct {
  const char *code;
  GHashTable *values;  /* option name → value (borrowed from argv) */
} Args;

typedef int (*Run) (McWorkflow *wf, Args *args, McAction *action);

typedef struct {
  const char *name;
  gboolean    needs_code;
  const char *options;  /* space-separated; a trailing '!' marks a bare flag */
  const char *usage;
  Run         run;
} Command;

static const char *
arg (Args *args, const char *name)
{
  return g_hash_table_lookup (args->values, name);
}

static gboolean
is_flag (const char *options, const char *name)
{
  g_autofree char *flag = g_strdup_printf ("%s!", name);
  g_auto(GStrv) list = g_strsplit (options, " ", -1);

  return g_strv_contains ((const char *const *) list, flag);
}

static gboolean
is_option (const char *options, const char *name)
{
  g_auto(GStrv) list = g_strsplit (options, " ", -1);

  return g_strv_contains ((const char *const *) list, name);
}

static gboolean
parse (const Command *cmd, int argc, char **argv, Args *args)
{
  int i = 1;
  g_autofree char *options = g_strconcat (cmd->options, " --user --at --note", NULL);

  args->values = g_hash_table_new (g_str_hash, g_str_equal);
  if (cmd->needs_code)
    {
      if (argc < 2 || g_str_has_prefix (argv[1], "-"))
        return FALSE;
      args->code = argv[i++];
    }
  for (; i < argc; i++)
    {
      if (is_flag (options, argv[i]))
        g_hash_table_insert (args->values, argv[i], (gpointer) "yes");
      else if (is_option (options, argv[i]) && i + 1 < argc)
        {
          g_hash_table_insert (args->values, argv[i], argv[i + 1]);
          i++;
        }
      else
        return FALSE;
    }
  return TRUE;
}

static int
invalid (const char *message)
{
  return mc_cli_fail (g_error_new_literal (MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID, message));
}

/* A time option: "YYYY-MM-DD HH:MM", or 0 when absent. */
static gboolean
time_arg (Args *args, const char *name, McTime *out)
{
  const char *value = arg (args, name);

  *out = 0;
  return value == NULL || mc_time_parse_iso (value, out);
}

static char *
format_time (McTime t)
{
  return t ? mc_time_to_iso (t) : g_strdup ("");
}

static int
print_position (McWorkflow *wf, const char *code)
{
  GError *error = NULL;
  g_autoptr(McWorkItem) item = mc_workflow_get_item (wf, code, 0, &error);
  g_autofree char *step_due = NULL, *due = NULL;
  char step[12];

  if (item == NULL)
    return mc_cli_fail (error);
  step_due = format_time (item->step_due_at);
  due = format_time (item->extended_due_at ? item->extended_due_at : item->due_at);
  g_snprintf (step, sizeof step, "%d", item->step);
  mc_cli_print_row (item->code, mc_dossier_state_to_string (item->state), step, item->unit_name ? item->unit_name : item->department_name,
                    step_due, due, item->timeliness);
  return 0;
}

/* The error by address: C leaves the order of evaluating arguments open,
 * so the transition's call must have set it before it is read. */
static int
done (McWorkflow *wf, Args *args, gboolean ok, GError **error)
{
  return ok ? print_position (wf, args->code) : mc_cli_fail (*error);
}

static int
run_transfer (McWorkflow *wf, Args *args, McAction *action)
{
  GError *error = NULL;

  return done (wf, args, mc_workflow_transfer (wf, args->code, action, arg (args, "--to"),
                                               arg (args, "--to-user"), &error), &error);
}

static int
run_accept (McWorkflow *wf, Args *args, McAction *action)
{
  GError *error = NULL;

  return done (wf, args, mc_workflow_accept (wf, args->code, action, &error), &error);
}

static int
run_send_back (McWorkflow *wf, Args *args, McAction *action)
{
  GError *error = NULL;

  action->note = arg (args, "--reason");
  return done (wf, args, mc_workflow_send_back (wf, args->code, action, &error), &error);
}

static int
run_pause (McWorkflow *wf, Args *args, McAction *action)
{
  const char *kind = arg (args, "--kind");
  GError *error = NULL;

  if (kind && !g_str_equal (kind, "supplement") && !g_str_equal (kind, "financial"))
    return invalid (_("The kind of pause must be supplement or financial"));
  action->note = arg (args, "--reason") ? arg (args, "--reason") : action->note;
  return done (wf, args, mc_workflow_pause (wf, args->code, action,
                                            kind && g_str_equal (kind, "financial") ? MC_PAUSE_FINANCIAL
                                                                                   : MC_PAUSE_SUPPLEMENT,
                                            &error), &error);
}

static int
run_resume (McWorkflow *wf, Args *args, McAction *action)
{
  GError *error = NULL;

  return done (wf, args, mc_workflow_resume (wf, args->code, action, &error), &error);
}

static int
run_external (McWorkflow *wf, Args *args, McAction *action)
{
  McTime due;
  double days = arg (args, "--days") ? g_ascii_strtod (arg (args, "--days"), NULL) : 0;
  GError *error = NULL;

  if (arg (args, "--back"))
    return done (wf, args, mc_workflow_receive_external (wf, args->code, action, &error), &error);
  if (arg (args, "--unit") == NULL)
    return invalid (_("Name the other agency with --unit CODE"));
  if (!time_arg (args, "--due", &due))
    return invalid (_("Invalid time: write it as YYYY-MM-DD HH:MM"));
  return done (wf, args, mc_workflow_send_external (wf, args->code, action, arg (args, "--unit"), due, days,
                                                    &error), &error);
}

static int
run_finish (McWorkflow *wf, Args *args, McAction *action)
{
  GError *error = NULL;

  return done (wf, args, mc_workflow_finish (wf, args->code, action, arg (args, "--number"),
                                             arg (args, "--description"), &error), &error);
}

static int
run_unqualified (McWorkflow *wf, Args *args, McAction *action)
{
  GError *error = NULL;

  action->note = arg (args, "--reason");
  return done (wf, args, mc_workflow_unqualified (wf, args->code, action, &error), &error);
}

/* Withdrawal and apology print a form (-o): motcua-full runs them (mc_cli_is_light_command). */
#ifndef MC_CLI_LIGHT
static gboolean
stop_notice_possible (McWorkflow *wf, const McAction *action, GError **error)
{
  McDb *db = mc_workflow_get_db (wf);
  McTime when = action->at ? action->at : mc_time_now ();

  if (!mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_PERSONAL_DATA, 0, error))
    return FALSE;
  McFormSet set;

  if (!mc_form_paper_for_document (db, when, MC_FORM_TYPE_STOP_NOTICE, &set, NULL, error))
    return FALSE;
  if (set == MC_FORM_SET_2025)
    return TRUE;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The forms of Thông tư 01/2018/TT-VPCP in force on that day have no stop notice: "
                         "withdraw without -o"));
  return FALSE;
}

static int
run_withdraw (McWorkflow *wf, Args *args, McAction *action)
{
  GError *error = NULL;

  const char *out = arg (args, "-o");

  action->note = arg (args, "--reason") ? arg (args, "--reason") : action->note;
  /* Before the withdrawal is recorded: a notice that cannot be made (a path
   * refused, no right to personal data, the 2018 forms) changes nothing. */
  if (out != NULL && (!mc_cli_check_output (out, &error) || !stop_notice_possible (wf, action, &error)))
    return mc_cli_fail (error);
  if (!mc_workflow_withdraw (wf, args->code, action, &error))
    return done (wf, args, FALSE, &error);
  /* The stop notice (TT 03/2025 Điều 7) goes to the applicant at once. */
  if (out != NULL && !mc_stop_notice_write_pdf (wf, args->code, out, &error))
    return mc_cli_fail (error);
  return done (wf, args, TRUE, &error);
}

#endif

static int
run_return (McWorkflow *wf, Args *args, McAction *action)
{
  McChannel method = MC_CHANNEL_TRUC_TIEP;
  GError *error = NULL;

  if (arg (args, "--method") && !mc_channel_from_string (arg (args, "--method"), &method))
    return invalid (_("The return method must be truc_tiep, buu_chinh or truc_tuyen"));
  return done (wf, args, mc_workflow_return (wf, args->code, action, arg (args, "--collected-by"),
                                             arg (args, "--id-number"), arg (args, "--authorisation"), method,
                                             &error), &error);
}

#ifndef MC_CLI_LIGHT
static int
run_apology (McWorkflow *wf, Args *args, McAction *action)
{
  McTime new_due;
  gint64 id = 0;
  const char *out = arg (args, "-o");
  g_autoptr(McApologyRecord) record = NULL;
  g_autofree char *new_text = NULL, *id_text = NULL;
  GError *error = NULL;

  action->note = arg (args, "--reason");
  /* Before the apology is recorded: a refused output path changes nothing. */
  if (out != NULL && !mc_cli_check_output (out, &error))
    return mc_cli_fail (error);
  if (!time_arg (args, "--new-due", &new_due))
    return invalid (_("Invalid time: write it as YYYY-MM-DD HH:MM"));
  if (arg (args, "--new-due") == NULL && !arg (args, "--keep-due") &&
      !mc_workflow_suggest_new_due (wf, args->code, action->at, &new_due, &error))
    return mc_cli_fail (error);
  if (!mc_workflow_apologize (wf, args->code, action, arg (args, "--department"), arg (args, "--responsible"),
                              new_due, &id, &error) ||
      (record = mc_workflow_get_apology (wf, id, &error)) == NULL ||
      (out && !mc_apology_form_write_pdf (wf, id, out, &error)))
    return mc_cli_fail (error);
  new_text = format_time (record->new_due_at);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  mc_cli_print_row (id_text, record->dossier_code, new_text, record->in_time ? "in_time" : "late_notice");
  return 0;
}

#endif

static const char *
lateness_id (McLateness lateness)
{
  static const char *const ids[] = { "", "soon", "step_late", "overdue" };

  return ids[lateness];
}

static int
run_inbox (McWorkflow *wf, Args *args, McAction *action)
{
  const char *dept = arg (args, "--department");
  gint64 department_id = 0;
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;

  if (dept != NULL)
    {
      g_autoptr(McCatalog) catalog = mc_catalog_new (mc_workflow_get_db (wf));

      if ((department_id = mc_catalog_lookup_department (catalog, dept, &error)) == 0)
        return error ? mc_cli_fail (error) : invalid (_("No department has that code"));
    }
  items = mc_workflow_inbox (wf, department_id, arg (args, "--holder"), action->at, &error);
  if (items == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < items->len; i++)
    {
      McWorkItem *item = items->pdata[i];
      /* The appointment the lateness is judged against: an apology's new one once issued. */
      g_autofree char *step_due = format_time (item->step_due_at), *due = format_time (item->appointment_at);
      g_autofree char *step = g_strdup_printf ("%d/%d", item->step, item->n_steps);

      mc_cli_print_row (item->code, mc_dossier_state_to_string (item->state), step, item->department_name, step_due, due,
                        lateness_id (item->step_lateness), lateness_id (item->lateness));
    }
  return 0;
}

/* The register of a year, then the people at or over the threshold. */
static int
run_apologies (McWorkflow *wf, Args *args, McAction *action)
{
  int year = arg (args, "--year") ? atoi (arg (args, "--year")) : 0;
  g_autoptr(GPtrArray) rows = NULL, flagged = NULL;
  GError *error = NULL;
  guint threshold;

  if (year < 1990 || year > 2150)
    return invalid (_("Give the year with --year YYYY"));
  rows = mc_workflow_apologies (wf, mc_time_from_local (mc_date_from_ymd (year, 1, 1), 0),
                                mc_time_from_local (mc_date_from_ymd (year + 1, 1, 1), 0), &error);
  if (rows == NULL || (threshold = mc_workflow_get_apology_threshold (wf, &error)) == 0 ||
      (flagged = mc_workflow_apology_counts (wf, year, threshold, &error)) == NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      McApologyRecord *r = rows->pdata[i];
      g_autofree char *issued = format_time (r->issued_at), *new_due = format_time (r->new_due_at);
      mc_cli_print_row ("apology", r->dossier_code, issued, new_due, r->department_name, r->responsible_name,
                        r->in_time ? "in_time" : "late_notice");
    }
  for (guint i = 0; i < flagged->len; i++)
    {
      McApologyCount *c = flagged->pdata[i];
      char count[12];

      g_snprintf (count, sizeof count, "%u", c->count);
      mc_cli_print_row ("flagged", c->username, c->full_name, count);
    }
  return 0;
}

/* What the person may do with the dossier now, as the windows offer it:
 * core's answer (mc_dossier_allowed_actions), one line per action, its name
 * and its words. Nothing printed: nothing allowed. */
static int
run_actions (McWorkflow *wf, Args *args, McAction *action)
{
  g_autoptr(GError) error = NULL;
  McTransitionSet allowed;

  /* An unknown dossier, or a database that cannot be read, says so; a
   * refusal of this one action is no error here. */
  if (!mc_workflow_allows (wf, args->code, MC_TRANSITION_WITHDRAW, action->username, &error) &&
      (g_error_matches (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND) ||
       (error->domain != MC_WORKFLOW_ERROR && error->domain != MC_ACCOUNTS_ERROR)))
    return mc_cli_fail (g_steal_pointer (&error));
  allowed = mc_dossier_allowed_actions (wf, args->code, action->username);
  for (McTransition k = 0; k < MC_N_TRANSITIONS; k++)
    if (allowed & (1u << k))
      mc_cli_print_row (mc_transition_to_string (k), mc_transition_get_label (k));
  return 0;
}

static const Command commands[] = {
  { "actions", TRUE, "", N_("CODE"), run_actions },
  { "transfer", TRUE, "--to --to-user", N_("CODE [--to DEPARTMENT] [--to-user USER]"), run_transfer },
  { "accept", TRUE, "", N_("CODE"), run_accept },
  { "send-back", TRUE, "--reason", N_("CODE --reason TEXT"), run_send_back },
  { "pause", TRUE, "--kind --reason", N_("CODE [--kind supplement|financial] --reason TEXT"), run_pause },
  { "resume", TRUE, "", N_("CODE"), run_resume },
  { "external", TRUE, "--unit --due --days --back!",
    N_("CODE (--unit UNIT (--days N | --due \"YYYY-MM-DD HH:MM\") | --back)"), run_external },
  { "finish", TRUE, "--number --description", N_("CODE --number NUMBER [--description TEXT]"), run_finish },
  { "unqualified", TRUE, "--reason", N_("CODE --reason TEXT"), run_unqualified },
#ifndef MC_CLI_LIGHT
  { "withdraw", TRUE, "--reason -o", N_("CODE [--reason TEXT] [-o STOP-NOTICE.pdf]"), run_withdraw },
#endif
  { "return", TRUE, "--collected-by --id-number --authorisation --method",
    N_("CODE --collected-by NAME [--id-number 12DIGITS] [--authorisation DOCUMENT] "
       "[--method truc_tiep|buu_chinh|truc_tuyen]"), run_return },
#ifndef MC_CLI_LIGHT
  { "apology", TRUE, "--reason --department --responsible --new-due --keep-due! -o",
    N_("CODE --reason TEXT [--department DEPARTMENT] [--responsible USER] [--new-due \"YYYY-MM-DD HH:MM\"] "
       "[-o FILE.pdf]"), run_apology },
#endif
  { "inbox", FALSE, "--department --holder", N_("[--department DEPARTMENT] [--holder USER] [--at TIME]"), run_inbox },
  { "apologies", FALSE, "--year", N_("--year YYYY"), run_apologies },
};

gboolean
mc_cli_is_workflow_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (name, commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
signed_in_as (McDb *db, const char *username)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  g_autoptr(McStaff) staff = mc_db_get_actor (db) ? mc_accounts_get_staff_by_id (accounts, mc_db_get_actor (db), NULL)
                                                  : NULL;

  return staff != NULL && g_str_equal (mc_staff_get_username (staff), username);
}

static int
run_command (McDb *db, const Command *cmd, Args *args)
{
  GError *error = NULL;
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, &error);
  g_autoptr(McWorkflow) wf = NULL;
  McAction action = { 0, arg (args, "--user"), arg (args, "--note") };

  /* mc_cli_run has signed in the --user given after the subcommand. */
  if (calendar == NULL || (action.username && !signed_in_as (db, action.username) &&
                           !mc_cli_sign_in (db, action.username, &error)))
    return mc_cli_fail (error);
  if (!time_arg (args, "--at", &action.at))
    return invalid (_("Invalid time: write it as YYYY-MM-DD HH:MM"));
  wf = mc_workflow_new (db, calendar);
  return cmd->run (wf, args, &action);
}

/* argv[0] is the subcommand. */
int
mc_cli_workflow (McDb *db, int argc, char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[0], commands[i].name))
      {
        Args args = { NULL, NULL };
        int status;

        if (!parse (&commands[i], argc, argv, &args))
          {
            g_autofree char *usage = g_strdup_printf (_("Usage: motcua dossier %s %s [--user USER] [--at \"YYYY-MM-DD HH:MM\"] [--note TEXT]"),
                                                      commands[i].name, _(commands[i].usage));
            g_clear_pointer (&args.values, g_hash_table_unref);
            return mc_cli_usage (usage);
          }
        status = run_command (db, &commands[i], &args);
        g_hash_table_unref (args.values);
        return status;
      }
  return mc_cli_usage (_("Unknown dossier command"));
}
