/* mc-catalog-csv.c — catalog import and export (CSV of DESIGN.md §4) and the built-in catalog
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns: code,name,field,level,mechanism,days,online_level,fee and, as an
 * extension, documents ("name~originals~copies|…") and steps
 * ("DEPARTMENT~role~days|…"), and since the reform of 1/7/2025 competence
 * (tinh or xa; "level" stays the level before it, which may be huyen) with
 * competence_basis, the legal text it comes from. A file without the
 * competence column gets the rule of mc_level_after_reform. An import validates every line before it is
 * written, inside one transaction: the first bad line rolls everything back
 * and the error names the line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-catalog.h"
#include "mc-csv.h"
#include "mc-db-private.h"
#include "mc-file-error.h"
#include "mc-text.h"

enum { COL_CODE, COL_NAME, COL_FIELD, COL_LEVEL, COL_MECHANISM, COL_DAYS, COL_ONLINE, COL_FEE,
       COL_DOCUMENTS, COL_STEPS, COL_COMPETENCE, COL_BASIS, N_COLS };

static const char *const required_columns[] = { "code", "name", "field", "level", "mechanism",
                                                 "days", "online_level", "fee", NULL };
static const char *const optional_columns[] = { "documents", "steps", "competence", "competence_basis", NULL };

static gboolean
line_error (GError **error, guint line, const char *message)
{
  g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID, _("Line %u: %s"), line, message);
  return FALSE;
}

/* A decimal with "." or "," as the mark (spreadsheets in a Vietnamese locale write ","). */
static gboolean
parse_decimal (const char *text, double *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0';
}

static gboolean
parse_count (const char *text, gint64 max, gint64 *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 value;

  if (*copy == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (copy, 10, 0, (guint64) max, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static gboolean
parse_documents (McProcedure *p, const char *text, guint line, GError **error)
{
  g_auto(GStrv) items = g_strsplit (text, "|", -1);

  for (int i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "~", -1);
      guint n = g_strv_length (parts);
      gint64 originals = 1, copies = 0;
      g_autofree char *name = n > 0 ? mc_text_normalize (parts[0]) : NULL;

      if (n == 0 || name == NULL || *name == '\0')
        continue;
      if (n > 3 || (n >= 2 && !parse_count (parts[1], 100, &originals)) ||
          (n == 3 && !parse_count (parts[2], 100, &copies)))
        return line_error (error, line, _("a document must be written name~originals~copies"));
      mc_procedure_add_document (p, name, (int) originals, (int) copies);
    }
  return TRUE;
}

static gboolean
parse_steps (McCatalog *self, McProcedure *p, const char *text, guint line, GError **error)
{
  g_auto(GStrv) items = g_strsplit (text, "|", -1);

  for (int i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (items[i]), "~", -1);
      g_autoptr(McDepartment) dept = NULL;
      McStepRole role;
      double days;
      g_autofree char *message = NULL;

      if (*items[i] == '\0')
        continue;
      if (g_strv_length (parts) != 3 || !mc_step_role_from_string (g_strstrip (parts[1]), &role) ||
          !parse_decimal (parts[2], &days))
        return line_error (error, line, _("a step must be written DEPARTMENT~role~days "
                                          "(role: tiep_nhan, chuyen_vien, lanh_dao_phong, lanh_dao_ubnd, van_thu)"));
      dept = mc_catalog_find_department (self, g_strstrip (parts[0]), NULL);
      if (dept == NULL)
        {
          message = g_strdup_printf (_("the department “%s” does not exist"), parts[0]);
          return line_error (error, line, message);
        }
      mc_procedure_add_step (p, dept->id, dept->code, dept->name, role, days);
    }
  return TRUE;
}

static const char *
column (GPtrArray *row, const int *indexes, int col)
{
  int i = indexes[col];

  return i >= 0 && (guint) i < row->len ? row->pdata[i] : "";
}

/* An empty or missing competence follows the former level (a catalog file
 * written before the reform); cấp huyện is refused. */
static gboolean
competence_from_row (GPtrArray *row, const int *idx, McLevel former, McLevel *competence)
{
  g_autofree char *text = g_strstrip (g_strdup (column (row, idx, COL_COMPETENCE)));

  if (*text == '\0')
    {
      *competence = mc_level_after_reform (former);
      return TRUE;
    }
  return mc_level_from_string (text, competence) && *competence != MC_LEVEL_HUYEN;
}

static McProcedure *
procedure_from_row (McCatalog *self, GPtrArray *row, const int *idx, guint line, GError **error)
{
  g_autoptr(McProcedure) p = mc_procedure_new ();
  g_autofree char *code = mc_text_normalize (column (row, idx, COL_CODE));
  g_autofree char *name = mc_text_normalize (column (row, idx, COL_NAME));
  g_autofree char *field = mc_text_normalize (column (row, idx, COL_FIELD));
  g_autoptr(GError) local = NULL;
  g_autofree char *basis = mc_text_normalize (column (row, idx, COL_BASIS));
  McLevel level, competence;
  McMechanism mechanism;
  McOnlineLevel online;
  double days;
  gint64 fee;

  if (!mc_level_from_string (g_strstrip ((char *) column (row, idx, COL_LEVEL)), &level))
    return line_error (error, line, _("level must be tinh, huyen or xa")), NULL;
  if (!competence_from_row (row, idx, level, &competence))
    return line_error (error, line, _("competence must be tinh or xa: the district level ended on 1 July 2025")), NULL;
  if (!mc_mechanism_from_string (g_strstrip ((char *) column (row, idx, COL_MECHANISM)), &mechanism))
    return line_error (error, line, _("mechanism must be mot_cua or lien_thong")), NULL;
  if (!mc_online_level_from_string (g_strstrip ((char *) column (row, idx, COL_ONLINE)), &online))
    return line_error (error, line, _("online_level must be none, partial or full")), NULL;
  if (!parse_decimal (column (row, idx, COL_DAYS), &days))
    return line_error (error, line, _("days must be a number of working days, such as 3 or 0.5")), NULL;
  if (!parse_count (column (row, idx, COL_FEE), G_GINT64_CONSTANT (1000000000000), &fee))
    return line_error (error, line, _("fee must be a whole number of đồng")), NULL;
  mc_procedure_set_code (p, code);
  mc_procedure_set_name (p, name);
  mc_procedure_set_field_name (p, field);
  mc_procedure_set_level (p, level);
  mc_procedure_set_competence (p, competence);
  mc_procedure_set_competence_basis (p, basis);
  mc_procedure_set_mechanism (p, mechanism);
  mc_procedure_set_days (p, days);
  mc_procedure_set_online_level (p, online);
  mc_procedure_set_fee (p, fee);
  if (!parse_documents (p, column (row, idx, COL_DOCUMENTS), line, error) ||
      !parse_steps (self, p, column (row, idx, COL_STEPS), line, error))
    return NULL;
  if (!mc_procedure_validate (p, &local))
    return line_error (error, line, local->message), NULL;
  return g_steal_pointer (&p);
}

static gboolean
import_rows (McCatalog *self, McCsvReader *reader, const int *idx, gboolean only_new,
             McImportStats *stats, GError **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local = NULL;

  while (mc_csv_reader_next (reader, row, &local))
    {
      guint line = mc_csv_reader_get_line (reader);
      g_autoptr(McProcedure) p = procedure_from_row (self, row, idx, line, error);
      gboolean update = FALSE, field_added = FALSE;

      if (p == NULL)
        return FALSE;
      if (!g_hash_table_add (seen, g_strdup (mc_procedure_get_code (p))))
        return line_error (error, line, _("the code appears twice in the file"));
      if (only_new && mc_db_lookup_id (mc_catalog_get_db (self), "procedure", "code",
                                       mc_procedure_get_code (p), NULL) > 0)
        continue;
      if (mc_catalog_ensure_field (self, mc_procedure_get_field_name (p), &field_added, error) == 0 ||
          !mc_catalog_write_procedure (self, p, &update, &local))
        return local ? line_error (error, line, local->message) : FALSE;
      stats->fields_added += field_added;
      if (update)
        stats->updated++;
      else
        stats->added++;
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_csv (McCatalog *self, const char *data, gsize length, gboolean only_new,
            McImportStats *stats, GError **error)
{
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (data, length);
  McDb *db = mc_catalog_get_db (self);
  McImportStats local_stats = { 0 };
  int idx[N_COLS];

  if (!mc_csv_reader_header (reader, required_columns, optional_columns, idx, error))
    return FALSE;
  if (!mc_db_begin (db, error))
    return FALSE;
  if (!import_rows (self, reader, idx, only_new, &local_stats, error) || !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  if (stats)
    *stats = local_stats;
  return TRUE;
}

gboolean
mc_catalog_import_csv (McCatalog *self, const char *data, gsize length, McImportStats *stats,
                       GError **error)
{
  g_return_val_if_fail (MC_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  /* An import rewrites every procedure's time limit: the administrator's. */
  if (!mc_accounts_check (mc_catalog_get_db (self), mc_db_get_actor (mc_catalog_get_db (self)),
                          MC_PERMISSION_CONFIGURE, 0, error) ||
      mc_catalog_get_own_unit (self, error) == 0)
    return FALSE;
  return import_csv (self, data, length, FALSE, stats, error);
}

gboolean
mc_catalog_import_file (McCatalog *self, const char *path, McImportStats *stats, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  /* Asked before the file is read, so a refusal says why. */
  if (!mc_accounts_check (mc_catalog_get_db (self), mc_db_get_actor (mc_catalog_get_db (self)),
                          MC_PERMISSION_CONFIGURE, 0, error) ||
      !mc_file_get_contents (path, &data, &length, error))
    return FALSE;
  return mc_catalog_import_csv (self, data, length, stats, error);
}

static char *
join_documents (McProcedure *p)
{
  GPtrArray *docs = mc_procedure_get_documents (p);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < docs->len; i++)
    {
      McProcedureDocument *d = docs->pdata[i];
      g_string_append_printf (out, "%s%s~%d~%d", i ? "|" : "", d->name, d->originals, d->copies);
    }
  return g_string_free (out, FALSE);
}

static char *
join_steps (McProcedure *p)
{
  GPtrArray *steps = mc_procedure_get_steps (p);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      McProcedureStep *s = steps->pdata[i];
      char days[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (days, sizeof days, "%.4g", s->days);
      g_string_append_printf (out, "%s%s~%s~%s", i ? "|" : "", s->department_code,
                              mc_step_role_to_string (s->role), days);
    }
  return g_string_free (out, FALSE);
}

char *
mc_catalog_export_csv (McCatalog *self, GError **error)
{
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GError) local = NULL;
  GString *out = g_string_new (NULL);
  const char *header[] = { "code", "name", "field", "level", "mechanism", "days", "online_level",
                           "fee", "documents", "steps", "competence", "competence_basis" };

  g_return_val_if_fail (MC_IS_CATALOG (self), NULL);

  all = mc_catalog_list_procedures (self, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return g_string_free (out, TRUE);
    }
  mc_csv_append_row (out, header, N_COLS);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (all), i);
      char days[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *fee = g_strdup_printf ("%" G_GINT64_FORMAT, mc_procedure_get_fee (p));
      g_autofree char *docs = join_documents (p);
      g_autofree char *steps = join_steps (p);
      const char *row[N_COLS];

      g_ascii_formatd (days, sizeof days, "%.4g", mc_procedure_get_days (p));
      row[COL_CODE] = mc_procedure_get_code (p);
      row[COL_NAME] = mc_procedure_get_name (p);
      row[COL_FIELD] = mc_procedure_get_field_name (p);
      row[COL_LEVEL] = mc_level_to_string (mc_procedure_get_level (p));
      row[COL_MECHANISM] = mc_mechanism_to_string (mc_procedure_get_mechanism (p));
      row[COL_DAYS] = days;
      row[COL_ONLINE] = mc_online_level_to_string (mc_procedure_get_online_level (p));
      row[COL_FEE] = fee;
      row[COL_DOCUMENTS] = docs;
      row[COL_STEPS] = steps;
      row[COL_COMPETENCE] = mc_level_to_string (mc_procedure_get_competence (p));
      row[COL_BASIS] = mc_procedure_get_competence_basis (p) ? mc_procedure_get_competence_basis (p) : "";
      mc_csv_append_row (out, row, N_COLS);
    }
  return g_string_free (out, FALSE);
}

static GBytes *
builtin (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat ("/vn/motcua/Motcua/catalog/", name, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

typedef gboolean (*RowFunc) (McCatalog *self, GPtrArray *row, const int *idx, GError **error);

/* Calls `func` on every row of a built-in two-column CSV resource. */
static gboolean
for_each_builtin_row (McCatalog *self, const char *name, const char *const *columns, RowFunc func,
                      GError **error)
{
  g_autoptr(GBytes) bytes = builtin (name, error);
  g_autoptr(McCsvReader) reader = NULL;
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  int idx[2];

  if (bytes == NULL)
    return FALSE;
  reader = mc_csv_reader_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!mc_csv_reader_header (reader, columns, NULL, idx, error))
    return FALSE;
  while (mc_csv_reader_next (reader, row, &local))
    if (!func (self, row, idx, error))
      return FALSE;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* fields.csv: name,sort_order — keeps the order of Biểu 06a. */
static gboolean
install_field (McCatalog *self, GPtrArray *row, const int *idx, GError **error)
{
  McDb *db = mc_catalog_get_db (self);
  McSqlStmt *stmt = mc_db_prepare (db, "INSERT INTO field (name, sort_order) VALUES (?, ?) ON CONFLICT DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, row->pdata[idx[0]], -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 2, atoi (row->pdata[idx[1]]));
  return mc_db_step_done (db, stmt, error);
}

/* departments.csv: code,name */
static gboolean
install_department (McCatalog *self, GPtrArray *row, const int *idx, GError **error)
{
  return mc_catalog_ensure_department (self, row->pdata[idx[0]], row->pdata[idx[1]], error) > 0;
}

gboolean
mc_catalog_install_builtin (McCatalog *self, McImportStats *stats, GError **error)
{
  static const char *const field_columns[] = { "name", "sort_order", NULL };
  static const char *const department_columns[] = { "code", "name", NULL };
  g_autoptr(GBytes) procedures = NULL;
  McDb *db;

  g_return_val_if_fail (MC_IS_CATALOG (self), FALSE);

  db = mc_catalog_get_db (self);
  if (mc_catalog_get_own_unit (self, error) == 0)
    return FALSE;
  if (!mc_db_begin (db, error))
    return FALSE;
  if (!for_each_builtin_row (self, "fields.csv", field_columns, install_field, error) ||
      !for_each_builtin_row (self, "departments.csv", department_columns, install_department, error) ||
      !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  procedures = builtin ("procedures.csv", error);
  if (procedures == NULL)
    return FALSE;
  return import_csv (self, g_bytes_get_data (procedures, NULL), g_bytes_get_size (procedures), TRUE,
                     stats, error);
}
