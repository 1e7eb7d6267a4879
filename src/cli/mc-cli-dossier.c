/* mc-cli-dossier.c — motcua dossier receive|show|search|import
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-cli.h"
#include "mc-dossier-list.h"
#ifndef MC_CLI_LIGHT
#include "mc-dossier-receipt.h"
#endif
#include "mc-dossier-store.h"
#include "mc-file-error.h"
#include "mc-format.h"
#include "mc-unit-report.h"

/* The newest hits a search prints (its count line says how many match). */
#define SEARCH_ROWS 100

static McDossierStore *
open_store (McDb *db, GError **error)
{
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, error);

  return calendar ? mc_dossier_store_new (db, calendar) : NULL;
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
known_options (int argc, char **argv, const char *const *names)
{
  for (int i = 1; i < argc; i += 2)
    if (!g_strv_contains (names, argv[i]) || i + 1 >= argc)
      return FALSE;
  return TRUE;
}

static int
receive (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "--procedure", "--name", "--id-number", "--birth-date", "--phone",
                                       "--email", "--address", "--channel", "--at", "--counter",
                                       "--organisation", "--note", "--online-level", NULL };
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossier) dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);
  const char *at = option (argc, argv, "--at");
  g_autofree char *due = NULL;
  GError *error = NULL;

  if (!known_options (argc, argv, names) || !option (argc, argv, "--procedure") ||
      !option (argc, argv, "--channel") || (!option (argc, argv, "--name") && !option (argc, argv, "--organisation")))
    return mc_cli_usage (_("Usage: motcua dossier receive --procedure CODE (--name NAME --id-number 12DIGITS | "
                           "--organisation NAME --id-number TAXCODE) --channel truc_tiep|buu_chinh|truc_tuyen "
                           "[--online-level partial|full] [--phone …] [--email …] [--address …] [--birth-date YYYY-MM-DD] "
                           "[--at \"YYYY-MM-DD HH:MM\"]"));
  if (!mc_channel_from_string (option (argc, argv, "--channel"), &d->channel))
    return mc_cli_fail (g_error_new (MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID,
                                     _("The channel must be truc_tiep, buu_chinh or truc_tuyen")));
  if (at && !mc_time_parse_iso (at, &d->received_at))
    return mc_cli_fail (g_error_new (MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID,
                                     _("Invalid time “%s”: write it as YYYY-MM-DD HH:MM"), at));
  d->applicant_kind = option (argc, argv, "--organisation") ? MC_APPLICANT_ORGANISATION : MC_APPLICANT_PERSON;
  d->applicant_name = g_strdup (option (argc, argv, d->applicant_kind ? "--organisation" : "--name"));
  d->representative = g_strdup (d->applicant_kind ? option (argc, argv, "--name") : NULL);
  d->procedure_code = g_strdup (option (argc, argv, "--procedure"));
  d->applicant_id_number = g_strdup (option (argc, argv, "--id-number"));
  d->applicant_birth_date = g_strdup (option (argc, argv, "--birth-date"));
  d->applicant_phone = g_strdup (option (argc, argv, "--phone"));
  d->applicant_email = g_strdup (option (argc, argv, "--email"));
  d->applicant_address = g_strdup (option (argc, argv, "--address"));
  d->counter = g_strdup (option (argc, argv, "--counter"));
  d->note = g_strdup (option (argc, argv, "--note"));
  /* Without it, the procedure's level (core). */
  d->online_level = g_strdup (option (argc, argv, "--online-level"));
  store = open_store (db, &error);
  if (store == NULL || !mc_dossier_store_receive (store, dossier, &error))
    return mc_cli_fail (error);
  due = mc_time_to_iso (d->due_at);
  mc_cli_print_row (d->code, due);
  return 0;
}

static int
show (McDb *db, int argc, char **argv)
{
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *received = NULL, *due = NULL, *id_number = NULL, *phone = NULL;
  GError *error = NULL;
  McDossierData *d;

  if (argc != 2)
    return mc_cli_usage (_("Usage: motcua dossier show CODE"));
  store = open_store (db, &error);
  if (store == NULL || (dossier = mc_dossier_store_find (store, argv[1], &error)) == NULL)
    return mc_cli_fail (error);
  d = mc_dossier_get_data (dossier);
  /* Read whole before anything is printed: a timeline that could not be
   * read is an error, not a dossier without events. */
  events = mc_dossier_store_list_events (store, d->id, &error);
  if (events == NULL)
    return mc_cli_fail (error);
  received = mc_time_to_iso (d->received_at);
  due = mc_time_to_iso (d->due_at);
  /* A role without access to personal data (reporting, the administrator)
   * sees the ID number and phone masked, as everywhere. */
  id_number = mc_accounts_shown_personal (db, d->applicant_id_number);
  phone = mc_accounts_shown_personal (db, d->applicant_phone);
  mc_cli_print_row ("code", d->code);
  mc_cli_print_row ("procedure", d->procedure_code, d->procedure_name);
  mc_cli_print_row ("field", d->field_name);
  mc_cli_print_row ("applicant", d->applicant_name);
  mc_cli_print_row ("id_number", id_number);
  mc_cli_print_row ("phone", phone);
  mc_cli_print_row ("channel", mc_channel_to_string (d->channel));
  if (d->online_level != NULL)
    mc_cli_print_row ("online_level", d->online_level);
  mc_cli_print_row ("received_at", received);
  mc_cli_print_row ("due_at", due);
  mc_cli_print_row ("state", d->state);
  for (guint i = 0; i < d->documents->len; i++)
    {
      McDossierDocument *doc = d->documents->pdata[i];
      char originals[12], copies[12];

      g_snprintf (originals, sizeof originals, "%d", doc->originals);
      g_snprintf (copies, sizeof copies, "%d", doc->copies);
      mc_cli_print_row ("document", doc->name, originals, copies, doc->received ? "yes" : "no");
    }
  for (guint i = 0; i < events->len; i++)
    {
      McDossierEvent *e = events->pdata[i];
      g_autofree char *when = mc_time_to_iso (e->at);
      /* Columns after the department (who acted, the note) were added later: scripts read by position. */
      mc_cli_print_row ("event", when, e->kind, e->state_to, e->department_name, e->staff_name, e->note);
    }
  return 0;
}

static int
search (McDb *db, int argc, char **argv)
{
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(McDossierList) list = NULL;
  McDossierQuery query = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
  g_autofree char *count = NULL;
  GError *error = NULL;

  if (argc != 2)
    return mc_cli_usage (_("Usage: motcua dossier search QUERY"));
  store = open_store (db, &error);
  if (store == NULL)
    return mc_cli_fail (error);
  hits = mc_dossier_store_search_person (store, argv[1], SEARCH_ROWS, &error);
  if (hits == NULL || error)
    return mc_cli_fail (error);
  /* How many match in all, as the list's heading says it ("1.174 hồ sơ —
   * hiện 100 hồ sơ mới nhất", "khoảng …" past its time budget): on stderr,
   * so that scripts reading the rows on stdout are unchanged. */
  list = mc_dossier_list_new (store);
  query.text = argv[1];
  if (!mc_dossier_list_set_query (list, &query, &error))
    return mc_cli_fail (error);
  count = mc_dossier_list_describe_shown (list, hits->len);
  for (guint i = 0; i < hits->len; i++)
    {
      McDossierData *d = mc_dossier_get_data (hits->pdata[i]);
      g_autofree char *received = mc_time_to_iso (d->received_at);
      mc_cli_print_row (d->code, received, d->state, d->applicant_name, d->procedure_name);
    }
  g_printerr ("%s\n", count);
  return 0;
}

static int
import (McDb *db, int argc, char **argv)
{
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(GInputStream) stream = NULL;
  gint64 unit_id = 0;
  guint n = 0;
  GError *error = NULL;

  /* --unit CODE: a subordinate unit's dossiers, counted in its reports. */
  if (!(argc == 2 || (argc == 4 && g_str_equal (argv[1], "--unit"))))
    return mc_cli_usage (_("Usage: motcua dossier import [--unit CODE] FILE.csv"));
  if (argc == 4 && (unit_id = mc_unit_lookup_subordinate (db, argv[2], &error)) == 0)
    return mc_cli_fail (error);
  store = open_store (db, &error);
  /* Read as it goes: a file of any size, in the same memory. */
  if (store == NULL || (stream = mc_file_read_stream (argv[argc - 1], &error)) == NULL ||
      !mc_dossier_store_import_stream (store, unit_id, stream, &n, &error))
    return mc_cli_fail (error);
  g_print ("imported\t%u\n", n);
  return 0;
}

/* The documents are motcua-full's (mc_cli_is_light_command): motcua links no cairo. */
#ifndef MC_CLI_LIGHT
/* motcua dossier refuse --procedure CODE --name NAME [--id-number N] --reason TEXT [-o FILE.pdf] */
static int
refuse (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "--procedure", "--name", "--id-number", "--reason", "-o", "--at", NULL };
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossier) dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);
  const char *at = option (argc, argv, "--at"), *out = option (argc, argv, "-o");
  g_autofree char *reference = NULL;
  g_autoptr(McReceiptData) data = NULL;
  GError *error = NULL;

  if (!known_options (argc, argv, names) || !option (argc, argv, "--procedure") || !option (argc, argv, "--reason"))
    return mc_cli_usage (_("Usage: motcua dossier refuse --procedure CODE --name NAME [--id-number N] --reason TEXT "
                           "[-o FILE.pdf]"));
  if (at && !mc_time_parse_iso (at, &d->received_at))
    return mc_cli_fail (g_error_new (MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID,
                                     _("Invalid time “%s”: write it as YYYY-MM-DD HH:MM"), at));
  /* Before the refusal is recorded: a refused output path changes nothing. */
  if (out != NULL && !mc_cli_check_output (out, &error))
    return mc_cli_fail (error);
  d->procedure_code = g_strdup (option (argc, argv, "--procedure"));
  d->applicant_name = g_strdup (option (argc, argv, "--name"));
  d->applicant_id_number = g_strdup (option (argc, argv, "--id-number"));
  store = open_store (db, &error);
  if (store == NULL || (reference = mc_dossier_store_refuse (store, dossier, option (argc, argv, "--reason"), &error)) == NULL)
    return mc_cli_fail (error);
  g_print ("%s\n", reference);
  if (out == NULL)
    return 0;
  d->code = g_strdup (reference);
  {
    g_autoptr(McCatalog) catalog = mc_catalog_new (db);
    g_autoptr(McProcedure) p = mc_catalog_find_procedure (catalog, d->procedure_code, NULL);
    d->procedure_name = g_strdup (p ? mc_procedure_get_name (p) : d->procedure_code);
  }
  data = mc_dossier_receipt_data (db, dossier, MC_FORM_REFUSAL, &error);
  if (data == NULL)
    return mc_cli_fail (error);
  data->reason = g_strdup (option (argc, argv, "--reason"));
  if (!mc_receipt_write_pdf (MC_FORM_REFUSAL, data, out, &error))
    return mc_cli_fail (error);
  return 0;
}

/* motcua dossier receipt CODE -o FILE.pdf [--form 01|02|03] [--reason TEXT] */
static int
receipt (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "-o", "--form", "--reason", NULL };
  const char *form = option (argc - 1, argv + 1, "--form");
  const char *out = option (argc - 1, argv + 1, "-o");
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(McReceiptData) data = NULL;
  McFormKind kind = MC_FORM_RECEIPT;
  GError *error = NULL;

  if (argc < 4 || !known_options (argc - 1, argv + 1, names) || out == NULL ||
      (form && !g_str_equal (form, "01") && !g_str_equal (form, "02") && !g_str_equal (form, "03")))
    return mc_cli_usage (_("Usage: motcua dossier receipt CODE -o FILE.pdf [--form 01|02|03] [--reason TEXT]"));
  if (form && g_str_equal (form, "02"))
    kind = MC_FORM_SUPPLEMENT;
  else if (form && g_str_equal (form, "03"))
    kind = MC_FORM_REFUSAL;
  if (!mc_cli_check_output (out, &error))
    return mc_cli_fail (error);
  store = open_store (db, &error);
  if (store == NULL || (dossier = mc_dossier_store_find (store, argv[1], &error)) == NULL ||
      (data = mc_dossier_receipt_data (db, dossier, kind, &error)) == NULL)
    return mc_cli_fail (error);
  data->reason = g_strdup (option (argc - 1, argv + 1, "--reason"));
  if (!mc_receipt_write_pdf (kind, data, out, &error))
    return mc_cli_fail (error);
  return 0;
}

#endif

int
mc_cli_dossier (McDb *db, int argc, char **argv)
{
  const char *sub = argc > 1 ? argv[1] : "";

  if (g_str_equal (sub, "receive"))
    return receive (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "show"))
    return show (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "search"))
    return search (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "import"))
    return import (db, argc - 1, argv + 1);
#ifndef MC_CLI_LIGHT
  if (g_str_equal (sub, "receipt"))
    return receipt (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "refuse"))
    return refuse (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "control-sheet"))
    return mc_cli_dossier_control_sheet (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "stop-notice"))
    return mc_cli_dossier_stop_notice (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "apology-letter"))
    return mc_cli_dossier_apology_letter (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "register"))
    return mc_cli_dossier_register (db, argc - 1, argv + 1);
#endif
  if (mc_cli_is_workflow_command (sub))
    return mc_cli_workflow (db, argc - 1, argv + 1);
  return mc_cli_usage (_("Usage: motcua dossier receive|show|search|import|receipt|refuse|transfer|accept|send-back|"
                         "pause|resume|external|finish|unqualified|withdraw|return|apology|inbox|apologies …"));
}
