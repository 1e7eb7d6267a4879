/* mc-cli-records.c — motcua dossier control-sheet|stop-notice|apology-letter|register: the routing records
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phiếu kiểm soát quá trình giải quyết hồ sơ of one dossier as PDF, and the Sổ
 * theo dõi hồ sơ of a period as XLSX or PDF (chosen by the file's extension).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-apology-form.h"
#include "mc-calendar-store.h"
#include "mc-cli.h"
#include "mc-control-sheet.h"
#include "mc-dossier-register.h"
#include "mc-stop-notice.h"

/* Options after argv[0] (the subcommand): "--name value" pairs, and at most
 * one bare argument. FALSE on anything else. */
static gboolean
parse (int argc, char **argv, const char *const *names, GHashTable *options, const char **bare)
{
  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] != '-')
        {
          if (bare == NULL || *bare != NULL)
            return FALSE;
          *bare = argv[i];
        }
      else if (g_strv_contains (names, argv[i]) && i + 1 < argc)
        {
          g_hash_table_insert (options, argv[i], argv[i + 1]);
          i++;
        }
      else
        return FALSE;
    }
  return TRUE;
}

static McWorkflow *
open_workflow (McDb *db, GError **error)
{
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, error);

  return calendar != NULL ? mc_workflow_new (db, calendar) : NULL;
}

/* motcua dossier control-sheet CODE -o FILE.pdf */
int
mc_cli_dossier_control_sheet (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "-o", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McWorkflow) workflow = NULL;
  const char *code = NULL, *out;
  GError *error = NULL;

  if (!parse (argc, argv, names, options, &code) || code == NULL ||
      (out = g_hash_table_lookup (options, "-o")) == NULL)
    return mc_cli_usage (_("Usage: motcua dossier control-sheet CODE -o FILE.pdf"));
  if (!mc_cli_check_output (out, &error))
    return mc_cli_fail (error);
  workflow = open_workflow (db, &error);
  if (workflow == NULL || !mc_control_sheet_write_pdf (workflow, code, out, &error))
    return mc_cli_fail (error);
  return 0;
}

/* motcua dossier stop-notice CODE -o FILE.pdf: a reprint keeps its number. */
int
mc_cli_dossier_stop_notice (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "-o", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McWorkflow) workflow = NULL;
  const char *code = NULL, *out;
  GError *error = NULL;

  if (!parse (argc, argv, names, options, &code) || code == NULL ||
      (out = g_hash_table_lookup (options, "-o")) == NULL)
    return mc_cli_usage (_("Usage: motcua dossier stop-notice CODE -o FILE.pdf"));
  if (!mc_cli_check_output (out, &error))
    return mc_cli_fail (error);
  workflow = open_workflow (db, &error);
  if (workflow == NULL || !mc_stop_notice_write_pdf (workflow, code, out, &error))
    return mc_cli_fail (error);
  return 0;
}

/* motcua dossier apology-letter CODE -o FILE.pdf: Mẫu 04 of the dossier's
 * latest apology again, with its number (issuing it printed it only with -o). */
int
mc_cli_dossier_apology_letter (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "-o", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McWorkflow) workflow = NULL;
  const char *code = NULL, *out;
  GError *error = NULL;

  if (!parse (argc, argv, names, options, &code) || code == NULL ||
      (out = g_hash_table_lookup (options, "-o")) == NULL)
    return mc_cli_usage (_("Usage: motcua dossier apology-letter CODE -o FILE.pdf"));
  if (!mc_cli_check_output (out, &error))
    return mc_cli_fail (error);
  workflow = open_workflow (db, &error);
  if (workflow == NULL || !mc_apology_form_reprint_pdf (workflow, code, out, &error))
    return mc_cli_fail (error);
  return 0;
}

static gboolean
parse_day (const char *text, McDate *date, GError **error)
{
  if (text != NULL && mc_date_parse_iso (text, date))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Invalid date “%s”: write it as YYYY-MM-DD"), text ? text : "");
  return FALSE;
}

static gboolean
write_register (McWorkflow *workflow, McTime start, McTime end, const char *field, const char *out,
                gboolean xlsx, GError **error)
{
  g_autoptr(McDossierRegisterData) data = mc_dossier_register_data_new (workflow, start, end, field, error);

  return data != NULL && (xlsx ? mc_dossier_register_data_write_xlsx (data, out, error)
                               : mc_dossier_register_data_write_pdf (data, out, error));
}

/* motcua dossier register --from YYYY-MM-DD --to YYYY-MM-DD [--field NAME] -o FILE.xlsx|FILE.pdf
 * (--to is the last day included; without --field, one book per field) */
int
mc_cli_dossier_register (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "--from", "--to", "--field", "-o", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McWorkflow) workflow = NULL;
  g_autofree char *lower = NULL;
  const char *out;
  McDate from, to;
  McTime start, end;
  gboolean xlsx;
  GError *error = NULL;

  if (!parse (argc, argv, names, options, NULL) || (out = g_hash_table_lookup (options, "-o")) == NULL ||
      !g_hash_table_contains (options, "--from") || !g_hash_table_contains (options, "--to"))
    return mc_cli_usage (_("Usage: motcua dossier register --from YYYY-MM-DD --to YYYY-MM-DD [--field NAME] "
                           "-o FILE.xlsx|FILE.pdf"));
  lower = g_ascii_strdown (out, -1);
  xlsx = g_str_has_suffix (lower, ".xlsx");
  if (!xlsx && !g_str_has_suffix (lower, ".pdf"))
    return mc_cli_fail (g_error_new (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                     _("The output file must end in .xlsx or .pdf")));
  if (!parse_day (g_hash_table_lookup (options, "--from"), &from, &error) ||
      !parse_day (g_hash_table_lookup (options, "--to"), &to, &error))
    return mc_cli_fail (error);
  if (to < from)
    return mc_cli_fail (g_error_new (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                     _("The end of the period must come after its start")));
  start = mc_time_from_local (from, 0);
  end = mc_time_from_local (to + 1, 0);
  if (!mc_cli_check_output (out, &error))
    return mc_cli_fail (error);
  workflow = open_workflow (db, &error);
  if (workflow == NULL ||
      !write_register (workflow, start, end, g_hash_table_lookup (options, "--field"), out, xlsx, &error))
    return mc_cli_fail (error);
  return 0;
}
