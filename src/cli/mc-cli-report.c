/* mc-cli-report.c — motcua report period|06a: the statutory reports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   motcua report period --year Y (--quarter Q | --half H | --nine-months | --whole-year)
 *       → "YYYY-MM-DD YYYY-MM-DD", the data period by the cut-off rule in force
 *   motcua report 06a --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE] [--only-with-dossiers]
 *       --format xlsx|pdf|csv -o FILE
 *   motcua report public --from … --to … [--unit CODE] [--subordinates | --combined] [--only-with-dossiers]
 *       --format xlsx|pdf|csv -o FILE      Phụ lục công khai kết quả giải quyết TTHC và xin lỗi
 *   motcua report cchc|evaluation --from … --to … [--unit CODE] --format xlsx|pdf|csv -o FILE
 *   motcua report cchc --from … --to … [--unit CODE] (--set ITEM=VALUE … | --entries)
 *       the CCHC appendix's figures entered for the period ("--set 1.1.1=26", "--set 6.1=" clears);
 *       prints "ITEM<TAB>VALUE<TAB>LABEL" for every figure to enter
 *   motcua report narrative --from … --to … [--unit CODE] [--edit FILE | --restore]
 *                           [--format pdf|docx|txt -o FILE]   BÁO CÁO, as a leader edited it
 *   motcua report import-06a --unit CODE --from … --to … FILE.csv
 *       a subordinate unit's Biểu 06a for the period (the CSV report 06a writes) → "imported<TAB>N"
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-cli.h"
#include "mc-file-error.h"
#include "mc-report-cchc.h"
#include "mc-report-doc.h"
#include "mc-report-narrative-docx.h"
#include "mc-report-narrative-export.h"
#include "mc-report-period.h"
#include "mc-unit.h"
#include "mc-unit-report.h"

/* "--name value" pairs and "--flag"s; FALSE on anything else. */
static gboolean
parse (int argc, char **argv, const char *const *names, const char *const *flags, GHashTable *options)
{
  for (int i = 1; i < argc; i++)
    {
      if (flags != NULL && g_strv_contains (flags, argv[i]))
        g_hash_table_insert (options, argv[i], (gpointer) "");
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

static gboolean
parse_int (const char *text, int *value)
{
  char *end = NULL;
  long v;

  if (text == NULL || *text == '\0')
    return FALSE;
  v = strtol (text, &end, 10);
  if (*end != '\0' || v < G_MININT || v > G_MAXINT)
    return FALSE;
  *value = (int) v;
  return TRUE;
}

static int
report_period (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "--year", "--quarter", "--half", NULL };
  static const char *const flags[] = { "--nine-months", "--whole-year", NULL };
  const char *usage = _("Usage: motcua report period --year YYYY (--quarter Q | --half H | --nine-months | "
                        "--whole-year)");
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *from_iso = NULL, *to_iso = NULL;
  McPeriodKind kind;
  int year = 0, index = 1, n_kinds = 0;
  McDate from, to;
  GError *error = NULL;

  if (!parse (argc, argv, names, flags, options) || !parse_int (g_hash_table_lookup (options, "--year"), &year))
    return mc_cli_usage (usage);
  if (g_hash_table_contains (options, "--quarter") && ++n_kinds)
    kind = MC_PERIOD_QUARTER;
  if (g_hash_table_contains (options, "--half") && ++n_kinds)
    kind = MC_PERIOD_HALF;
  if (g_hash_table_contains (options, "--nine-months") && ++n_kinds)
    kind = MC_PERIOD_NINE_MONTHS;
  if (g_hash_table_contains (options, "--whole-year") && ++n_kinds)
    kind = MC_PERIOD_YEAR;
  if (n_kinds != 1)
    return mc_cli_usage (usage);
  if ((kind == MC_PERIOD_QUARTER && !parse_int (g_hash_table_lookup (options, "--quarter"), &index)) ||
      (kind == MC_PERIOD_HALF && !parse_int (g_hash_table_lookup (options, "--half"), &index)))
    return mc_cli_usage (usage);
  if (!mc_report_period_range (db, kind, year, index, &from, &to, &error))
    return mc_cli_fail (error);
  from_iso = mc_date_to_iso (from);
  to_iso = mc_date_to_iso (to);
  g_print ("%s %s\n", from_iso, to_iso);
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

/* --from, --to and --unit: the period and the unit (0: the center's own). */
static gboolean
period_and_unit (McDb *db, GHashTable *options, McDate *from, McDate *to, gint64 *unit_id, GError **error)
{
  const char *code = g_hash_table_lookup (options, "--unit");

  if (!parse_day (g_hash_table_lookup (options, "--from"), from, error) ||
      !parse_day (g_hash_table_lookup (options, "--to"), to, error))
    return FALSE;
  if (*from > *to)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The first day of the period comes after its last day"));
      return FALSE;
    }
  *unit_id = 0;
  if (code != NULL && (*unit_id = mc_unit_lookup_code (db, code, error)) == 0)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("No unit has the code “%s”"), code);
      return FALSE;
    }
  return TRUE;
}

static int
report_06a (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "--from", "--to", "--unit", "--format", "-o", NULL };
  static const char *const flags[] = { "--only-with-dossiers", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McReportDocument) doc = NULL;
  const char *format, *out;
  McDate from, to;
  gint64 unit_id;
  GError *error = NULL;

  if (!parse (argc, argv, names, flags, options) || (out = g_hash_table_lookup (options, "-o")) == NULL ||
      (format = g_hash_table_lookup (options, "--format")) == NULL ||
      !(g_str_equal (format, "xlsx") || g_str_equal (format, "pdf") || g_str_equal (format, "csv")))
    return mc_cli_usage (_("Usage: motcua report 06a --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE] "
                           "[--only-with-dossiers] --format xlsx|pdf|csv -o FILE"));
  if (!mc_cli_check_output (out, &error) || !period_and_unit (db, options, &from, &to, &unit_id, &error))
    return mc_cli_fail (error);
  /* The document the Báo cáo page shows, written in the form's layout. */
  doc = mc_report_document_new_06a (db, unit_id, from, to, g_hash_table_contains (options, "--only-with-dossiers"),
                                    &error);
  if (doc == NULL || !mc_report_doc_write (doc, format, out, &error))
    return mc_cli_fail (error);
  return 0;
}

/* public, cchc, evaluation */
static int
report_table (McDb *db, const char *kind, int argc, char **argv)
{
  static const char *const names[] = { "--from", "--to", "--unit", "--format", "-o", NULL };
  static const char *const flags[] = { "--only-with-dossiers", "--subordinates", "--combined", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McReportDocument) doc = NULL;
  const char *format, *out;
  McReportScope scope = MC_REPORT_SCOPE_UNIT;
  McDate from, to;
  gint64 unit_id;
  GError *error = NULL;

  if (!parse (argc, argv, names, flags, options) || (out = g_hash_table_lookup (options, "-o")) == NULL ||
      (format = g_hash_table_lookup (options, "--format")) == NULL ||
      !(g_str_equal (format, "xlsx") || g_str_equal (format, "pdf") || g_str_equal (format, "csv")) ||
      (!g_str_equal (kind, "public") && g_hash_table_size (options) > 4 + (guint) g_hash_table_contains (options, "--unit")))
    return mc_cli_usage (_("Usage: motcua report public|cchc|evaluation --from YYYY-MM-DD --to YYYY-MM-DD "
                           "[--unit CODE] [--subordinates | --combined] [--only-with-dossiers] "
                           "--format xlsx|pdf|csv -o FILE"));
  if (!mc_cli_check_output (out, &error) || !period_and_unit (db, options, &from, &to, &unit_id, &error))
    return mc_cli_fail (error);
  if (g_hash_table_contains (options, "--subordinates"))
    scope = MC_REPORT_SCOPE_SUBORDINATES;
  else if (g_hash_table_contains (options, "--combined"))
    scope = MC_REPORT_SCOPE_COMBINED;
  if (g_str_equal (kind, "public"))
    doc = mc_report_document_new_public (db, unit_id, scope, from, to,
                                         g_hash_table_contains (options, "--only-with-dossiers"), &error);
  else if (g_str_equal (kind, "cchc"))
    doc = mc_report_document_new_cchc (db, unit_id, from, to, &error);
  else
    doc = mc_report_document_new_evaluation (db, unit_id, from, to, &error);
  if (doc == NULL || !mc_report_doc_write (doc, format, out, &error))
    return mc_cli_fail (error);
  return 0;
}

/* report cchc --set ITEM=VALUE … | --entries: the figures entered for the
 * period, all set in one transaction (a bad one changes nothing), then
 * listed. */
static gboolean
set_entries (McDb *db, gint64 unit_id, McDate from, McDate to, GPtrArray *sets, GError **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sets->len; i++)
    {
      g_auto(GStrv) pair = g_strsplit (sets->pdata[i], "=", 2);

      if (pair[1] == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Write --set ITEM=VALUE, e.g. --set 1.1.1=26 (not “%s”)"), (char *) sets->pdata[i]);
          return FALSE;
        }
      g_ptr_array_add (keys, g_strdup (pair[0]));
      g_ptr_array_add (values, g_strdup (pair[1]));
    }
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  return mc_report_cchc_set_entries (db, unit_id, from, to, (const char *const *) keys->pdata,
                                     (const char *const *) values->pdata, NULL, error);
}

static gboolean
print_entries (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(GHashTable) entries = mc_report_cchc_entries (db, unit_id, from, to, error);
  const McCchcLine *lines;
  guint n;

  if (entries == NULL)
    return FALSE;
  lines = mc_report_cchc_lines (&n);
  for (guint i = 0; i < n; i++)
    if (lines[i].kind == MC_CCHC_LINE_ENTRY)
      {
        g_autofree char *label = mc_report_cchc_line_label (db, &lines[i], unit_id, to);
        const char *value = g_hash_table_lookup (entries, lines[i].key);

        mc_cli_print_row (lines[i].key, value ? value : "", label);
      }
  return TRUE;
}

static gboolean
has_entry_option (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--set") || g_str_equal (argv[i], "--entries"))
      return TRUE;
  return FALSE;
}

static int
report_cchc_entries (McDb *db, int argc, char **argv)
{
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  gboolean list = FALSE, bad = FALSE;
  McDate from, to;
  gint64 unit_id;
  GError *error = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--entries"))
        list = TRUE;
      else if (g_str_equal (argv[i], "--set") && i + 1 < argc)
        g_ptr_array_add (sets, argv[++i]);
      else if ((g_str_equal (argv[i], "--from") || g_str_equal (argv[i], "--to") || g_str_equal (argv[i], "--unit"))
               && i + 1 < argc)
        {
          g_hash_table_insert (options, argv[i], argv[i + 1]);
          i++;
        }
      else
        bad = TRUE;
    }
  if (bad || (!list && sets->len == 0) || !g_hash_table_contains (options, "--from") ||
      !g_hash_table_contains (options, "--to"))
    return mc_cli_usage (_("Usage: motcua report cchc --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE] "
                           "(--set ITEM=VALUE … | --entries)"));
  if (!period_and_unit (db, options, &from, &to, &unit_id, &error) ||
      (sets->len > 0 && !set_entries (db, unit_id, from, to, sets, &error)) ||
      !print_entries (db, unit_id, from, to, &error))
    return mc_cli_fail (error);
  return 0;
}

/* The narrative report: its text from the template with the figures, or
 * the text a leader kept for the period; --edit FILE keeps FILE's text
 * (UTF-8) as the report of the period, --restore removes the kept text;
 * either may come with -o to write the report then. */
static int
report_narrative (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "--from", "--to", "--unit", "--format", "-o", "--edit", NULL };
  static const char *const flags[] = { "--restore", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(McReportNarrative) narrative = NULL;
  g_autofree char *period = NULL, *text = NULL;
  const char *format, *out, *edit;
  gboolean restore, ok = TRUE;
  McDate from, to;
  gint64 unit_id;
  GError *error = NULL;

  if (!parse (argc, argv, names, flags, options))
    return mc_cli_usage (_("Usage: motcua report narrative --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE] "
                           "[--edit FILE | --restore] [--format pdf|docx|txt -o FILE]"));
  out = g_hash_table_lookup (options, "-o");
  format = g_hash_table_lookup (options, "--format");
  edit = g_hash_table_lookup (options, "--edit");
  restore = g_hash_table_contains (options, "--restore");
  if ((out == NULL) != (format == NULL) || (out == NULL && edit == NULL && !restore) || (edit && restore) ||
      (format != NULL && !(g_str_equal (format, "pdf") || g_str_equal (format, "docx") || g_str_equal (format, "txt"))))
    return mc_cli_usage (_("Usage: motcua report narrative --from YYYY-MM-DD --to YYYY-MM-DD [--unit CODE] "
                           "[--edit FILE | --restore] [--format pdf|docx|txt -o FILE]"));
  if ((out != NULL && !mc_cli_check_output (out, &error)) || !period_and_unit (db, options, &from, &to, &unit_id, &error) ||
      (edit != NULL && !mc_file_get_contents (edit, &text, NULL, &error)))
    return mc_cli_fail (error);
  period = mc_report_period_text (db, from, to, FALSE);
  narrative = mc_report_narrative_new (db, unit_id, from, to, period, &error);
  if (narrative == NULL || (text != NULL && !mc_report_narrative_save (narrative, db, text, &error)) ||
      (restore && !mc_report_narrative_restore (narrative, db, &error)))
    return mc_cli_fail (error);
  if (edit != NULL || restore)
    g_print ("%s\n", mc_report_narrative_get_edited (narrative) ? "edited" : "draft");
  if (out != NULL)
    ok = g_str_equal (format, "pdf")    ? mc_report_narrative_write_pdf (narrative, out, &error)
         : g_str_equal (format, "docx") ? mc_report_narrative_write_docx (narrative, out, &error)
                                        : mc_report_narrative_write_text (narrative, out, &error);
  return ok ? 0 : mc_cli_fail (error);
}

/* A subordinate unit's reported figures, for the appendix's "cấp xã" part. */
static int
report_import_06a (McDb *db, int argc, char **argv)
{
  static const char *const names[] = { "--from", "--to", "--unit", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *data = NULL;
  const char *code;
  McDate from, to;
  gint64 unit_id;
  gsize length = 0;
  guint n = 0;
  GError *error = NULL;

  if (argc < 2 || !parse (argc - 1, argv, names, NULL, options) ||
      (code = g_hash_table_lookup (options, "--unit")) == NULL)
    return mc_cli_usage (_("Usage: motcua report import-06a --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD "
                           "FILE.csv"));
  if (!period_and_unit (db, options, &from, &to, &unit_id, &error) ||
      (unit_id = mc_unit_lookup_subordinate (db, code, &error)) == 0 ||
      !mc_file_get_contents (argv[argc - 1], &data, &length, &error) ||
      !mc_unit_report_import_csv (db, unit_id, from, to, data, length, &n, &error))
    return mc_cli_fail (error);
  g_print ("imported\t%u\n", n);
  return 0;
}

int
mc_cli_report (McDb *db, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "import-06a"))
    return report_import_06a (db, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "narrative"))
    return report_narrative (db, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "cchc") && has_entry_option (argc, argv))
    return report_cchc_entries (db, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "public") || g_str_equal (argv[1], "cchc") ||
                    g_str_equal (argv[1], "evaluation")))
    return report_table (db, argv[1], argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "period"))
    return report_period (db, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "06a"))
    return report_06a (db, argc - 1, argv + 1);
  return mc_cli_usage (_("Usage: motcua report period|06a|public|cchc|evaluation|narrative …"));
}
