/* mc-cli-catalog.c — motcua catalog import|export|list|receive|receptions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-cli.h"
#include "mc-reception.h"
#include "mc-text.h"
#ifndef MC_CLI_LIGHT
#include "mc-xlsx-catalog.h"
#endif

static int
import (McCatalog *catalog, const char *path)
{
  McImportStats stats = { 0 };
  GError *error = NULL;

  if (!mc_catalog_import_file (catalog, path, &stats, &error))
    return mc_cli_fail (error);
  g_print ("added\t%u\nupdated\t%u\nfields_added\t%u\n", stats.added, stats.updated, stats.fields_added);
  return 0;
}

/* The export (XLSX: libxlsxwriter) is motcua-full's (mc_cli_is_light_command). */
#ifndef MC_CLI_LIGHT
static int
export (McCatalog *catalog, const char *path)
{
  GError *error = NULL;
  g_autofree char *csv = NULL;

  if (!g_str_equal (path, "-") && !mc_cli_check_output (path, &error))
    return mc_cli_fail (error);
  if (g_str_has_suffix (path, ".xlsx"))
    return mc_xlsx_catalog_write (catalog, path, &error) ? 0 : mc_cli_fail (error);
  csv = mc_catalog_export_csv (catalog, &error);
  if (csv == NULL)
    return mc_cli_fail (error);
  if (g_str_equal (path, "-"))
    {
      g_print ("%s", csv);
      return 0;
    }
  if (!mc_cli_write_output (path, csv, &error))
    return mc_cli_fail (error);
  return 0;
}

#endif

static int
list (McCatalog *catalog, const char *query)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) found = mc_catalog_match_procedures (catalog, query, &error);

  if (error != NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < found->len; i++)
    {
      McProcedureMatch *m = found->pdata[i];
      char days[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (days, sizeof days, "%g", m->days);
      mc_cli_print_row (m->code, days, m->name);
    }
  return 0;
}

/* What the center receives since 1/7/2025: code, competence, former level,
 * the reception that applies (declared or by competence), name. */
static int
receptions (McCatalog *catalog, const char *query)
{
  GError *error = NULL;
  g_autoptr(GListStore) all = mc_catalog_list_procedures (catalog, &error);
  g_autofree char *folded = mc_text_fold (query);

  if (error != NULL)
    return mc_cli_fail (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (all), i);
      McReception reception;

      if (!mc_text_matches_folded (mc_procedure_get_search_key (p), folded))
        continue;
      reception = mc_catalog_effective_reception (catalog, p, &error);
      if (error != NULL)
        return mc_cli_fail (error);
      g_print ("%s\t%s\t%s\t%s\t%s\n", mc_procedure_get_code (p),
               mc_level_to_string (mc_procedure_get_competence (p)), mc_level_to_string (mc_procedure_get_level (p)),
               mc_reception_to_string (reception), mc_procedure_get_name (p));
    }
  return 0;
}

static int
receive (McCatalog *catalog, const char *code, const char *what)
{
  GError *error = NULL;
  McReception reception;

  if (!mc_reception_from_string (what, &reception))
    return mc_cli_usage (_("The reception is one of own, province, lien_thong, none or default"));
  if (!mc_catalog_set_reception (catalog, code, reception, &error))
    return mc_cli_fail (error);
  return 0;
}

int
mc_cli_catalog (McDb *db, int argc, char **argv)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  const char *sub = argc > 1 ? argv[1] : "";

  if (g_str_equal (sub, "import") && argc == 3)
    return import (catalog, argv[2]);
#ifndef MC_CLI_LIGHT
  if (g_str_equal (sub, "export") && argc == 3)
    return export (catalog, argv[2]);
#endif
  if (g_str_equal (sub, "list") && argc <= 3)
    return list (catalog, argc == 3 ? argv[2] : "");
  if (g_str_equal (sub, "receptions") && argc <= 3)
    return receptions (catalog, argc == 3 ? argv[2] : "");
  if (g_str_equal (sub, "receive") && argc == 4)
    return receive (catalog, argv[2], argv[3]);
  return mc_cli_usage (_("Usage: motcua catalog import FILE.csv | export FILE.csv|FILE.xlsx | list [SEARCH] | "
                         "receptions [SEARCH] | receive CODE own|province|lien_thong|none|default"));
}
