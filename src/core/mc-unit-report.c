/* mc-unit-report.c — a subordinate unit's reported Biểu 06a figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A commune that does not share the district's database sends its Biểu 06a
 * (as Excel or as the CSV Motcua writes); its figures are stored per field
 * and period in unit_report, where the public appendix's "cấp xã" part and
 * the combined totals read them.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-audit.h"
#include "mc-csv.h"
#include "mc-db-private.h"
#include "mc-report.h"
#include "mc-unit-report.h"

/* The columns stored, then the sums the form prints: by the form's names
 * (mc_report_06a_column_name), or by the keys c3…c13 of the files Motcua
 * wrote before it named them. */
static const int required_columns[] = { MC_06A_ONLINE, MC_06A_DIRECT, MC_06A_CARRIED, MC_06A_EARLY, MC_06A_ON_TIME,
                                        MC_06A_LATE, MC_06A_PENDING_IN_TIME, MC_06A_PENDING_LATE };
static const int optional_columns[] = { MC_06A_RECEIVED, MC_06A_SETTLED, MC_06A_PENDING };
enum { COL_FIELD, COL_C4, COL_C13 = 8, COL_STT, COL_C3, COL_C7, COL_C11, N_COLS };
/* Which stored columns each sum adds up: (3) = (4)+(5)+(6), (7) = (8)+(9)+(10), (11) = (12)+(13). */
static const struct { int column, number, first, last; } sums[] = {
  { COL_C3, 3, COL_C4, COL_C4 + 2 }, { COL_C7, 7, COL_C4 + 3, COL_C4 + 5 }, { COL_C11, 11, COL_C4 + 6, COL_C13 },
};

typedef struct {
  McDb        *db;
  McCsvReader *reader;
  int          idx[N_COLS];
  guint64      value[N_COLS];   /* of the line being read */
  guint64      total[N_COLS];   /* the fields' sum */
  GHashTable  *seen;            /* field ids already given */
} Import;

static gboolean
line_error (Import *im, GError **error, const char *message)
{
  g_set_error (error, MC_CSV_ERROR, MC_CSV_ERROR_VALUE, _("Line %u: %s"), mc_csv_reader_get_line (im->reader),
               message);
  return FALSE;
}

gint64
mc_unit_lookup_subordinate (McDb *db, const char *code, GError **error)
{
  McSqlStmt *stmt;
  gint64 id = 0;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), 0);
  g_return_val_if_fail (code != NULL, 0);

  if ((stmt = mc_db_prepare (db, "SELECT id, relation = 'subordinate' FROM unit WHERE code = ?1", error)) == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW && mc_sql_column_int (stmt, 1))
    id = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ROW && id == 0)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The unit “%s” is not a subordinate unit"), code);
  else if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("No unit has the code “%s”"), code);
  return id;
}

/* A count as the form has it: "1157" or "1.157"; an empty cell is 0. */
static gboolean
parse_count (const char *text, guint64 *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  int since_dot = -1;   /* digits after the last dot, -1 before any */

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          since_dot += since_dot >= 0;
        }
      else if (*p == '.' && digits->len > 0 && (since_dot < 0 ? digits->len <= 3 : since_dot == 3))
        since_dot = 0;
      else
        return FALSE;
    }
  if (digits->len > 9 || (since_dot >= 0 && since_dot != 3))
    return FALSE;
  *value = digits->len > 0 ? g_ascii_strtoull (digits->str, NULL, 10) : 0;
  return TRUE;
}

/* The form's name of the figure in im->idx[c]. */
static const char *
column_name (int c)
{
  g_assert (c >= COL_C4 && c < N_COLS && c != COL_STT);
  return mc_report_06a_column_name (c <= COL_C13 ? required_columns[c - COL_C4] : optional_columns[c - COL_C3]);
}

static gboolean
read_values (Import *im, GPtrArray *fields, GError **error)
{
  for (int c = COL_C4; c < N_COLS; c++)
    {
      const char *text;
      g_autofree char *message = NULL;

      im->value[c] = 0;
      if (c == COL_STT || im->idx[c] < 0)
        continue;
      text = (guint) im->idx[c] < fields->len ? g_strstrip ((char *) fields->pdata[im->idx[c]]) : "";
      if (!parse_count (text, &im->value[c]))
        {
          message = g_strdup_printf (_("“%s” in column %s is not a number of dossiers"), text,
                                     column_name (c));
          return line_error (im, error, message);
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (sums); s++)
    {
      guint64 sum = 0;

      for (int c = sums[s].first; c <= sums[s].last; c++)
        sum += im->value[c];
      if (im->idx[sums[s].column] >= 0 && im->value[sums[s].column] != sum)
        {
          g_autofree char *given = g_strdup_printf ("%" G_GUINT64_FORMAT, im->value[sums[s].column]);
          g_autofree char *added = g_strdup_printf ("%" G_GUINT64_FORMAT, sum);
          /* Translators: "column (3) is 14 but its parts add up to 13" */
          g_autofree char *message = g_strdup_printf (_("column (%d) is %s but its parts add up to %s"),
                                                      sums[s].number, given, added);
          return line_error (im, error, message);
        }
    }
  return TRUE;
}

/* The "Tổng số" row must be the sum of the fields above it. */
static gboolean
check_total (Import *im, GError **error)
{
  for (int c = COL_C4; c <= COL_C13; c++)
    if (im->value[c] != im->total[c])
      {
        g_autofree char *given = g_strdup_printf ("%" G_GUINT64_FORMAT, im->value[c]);
        g_autofree char *added = g_strdup_printf ("%" G_GUINT64_FORMAT, im->total[c]);
        g_autofree char *message = g_strdup_printf (_("the total of %s is %s but the fields add up to %s"),
                                                    column_name (c), given, added);
        return line_error (im, error, message);
      }
  return TRUE;
}

static gboolean
store_line (Import *im, McSqlStmt *insert, const char *field, GError **error)
{
  g_autoptr(GError) local = NULL;
  gint64 field_id = mc_db_lookup_id (im->db, "field", "name", field, &local);

  if (field_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("no field is named “%s”"), field);
      return line_error (im, error, local != NULL ? local->message : message);
    }
  if (!g_hash_table_add (im->seen, GINT_TO_POINTER (field_id)))
    {
      g_autofree char *message = g_strdup_printf (_("the field “%s” is given twice"), field);
      return line_error (im, error, message);
    }
  mc_sql_bind_int64 (insert, 4, field_id);
  for (int c = COL_C4; c <= COL_C13; c++)
    {
      mc_sql_bind_int64 (insert, 5 + c - COL_C4, (gint64) im->value[c]);
      im->total[c] += im->value[c];
    }
  return mc_db_step_done (im->db, insert, error);
}

static gboolean
import_lines (Import *im, McSqlStmt *insert, guint *n, GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gboolean had_total = FALSE;

  while (mc_csv_reader_next (im->reader, fields, error))
    {
      const char *field = (guint) im->idx[COL_FIELD] < fields->len ? g_strstrip ((char *) fields->pdata[im->idx[COL_FIELD]]) : "";
      const char *stt = im->idx[COL_STT] >= 0 && (guint) im->idx[COL_STT] < fields->len ? fields->pdata[im->idx[COL_STT]] : "1";

      if (had_total)
        return line_error (im, error, _("nothing may follow the “Tổng số” row"));
      if (!read_values (im, fields, error))
        return FALSE;
      if (g_strcmp0 (field, "Tổng số") == 0 && (*stt == '\0' || im->idx[COL_STT] < 0))
        {
          if (!check_total (im, error))
            return FALSE;
          had_total = TRUE;
          continue;
        }
      if (*field == '\0')
        return line_error (im, error, _("the field is empty"));
      if (!store_line (im, insert, field, error))
        return FALSE;
      (*n)++;
    }
  return error == NULL || *error == NULL;
}

static gboolean
replace_report (Import *im, gint64 unit_id, McDate from, McDate to, guint *n, GError **error)
{
  g_autofree char *first = mc_date_to_iso (from), *last = mc_date_to_iso (to);
  g_autofree char *summary = NULL;
  McSqlStmt *stmt;

  if ((stmt = mc_db_prepare (im->db, "DELETE FROM unit_report WHERE unit_id = ?1 AND period_from = ?2 "
                                     "AND period_to = ?3", error)) == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_text (stmt, 2, first, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, last, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (im->db, stmt, error))
    return FALSE;
  if ((stmt = mc_db_prepare (im->db, "INSERT INTO unit_report (unit_id, period_from, period_to, field_id, "
                                     "c4, c5, c6, c8, c9, c10, c12, c13) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                     "?9, ?10, ?11, ?12)", error)) == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_text (stmt, 2, first, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, last, -1, MC_SQL_TRANSIENT);
  if (!import_lines (im, stmt, n, error))
    return FALSE;
  if (*n == 0)
    {
      g_set_error_literal (error, MC_CSV_ERROR, MC_CSV_ERROR_VALUE, _("The file has no field's figures"));
      return FALSE;
    }
  summary = g_strdup_printf ("Nhập số liệu biểu 06a của đơn vị cấp dưới, %u lĩnh vực, từ %s đến %s", *n, first, last);
  mc_db_note_change (im->db, MC_CHANGE_REPORT, unit_id);  /* WITHOUT ROWID: no update hook */
  return mc_audit_append (im->db, "import", "unit_report", unit_id, summary, error);
}

static char *
column_names (int column)
{
  return g_strdup_printf ("%s|c%d", mc_report_06a_column_name (column), column);
}

static gboolean
read_header (Import *im, GError **error)
{
  g_autoptr(GPtrArray) required = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) optional = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (required, g_strdup (MC_06A_FIELD_COLUMN "|linh_vuc"));
  for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
    g_ptr_array_add (required, column_names (required_columns[i]));
  g_ptr_array_add (required, NULL);
  g_ptr_array_add (optional, g_strdup ("STT"));
  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    g_ptr_array_add (optional, column_names (optional_columns[i]));
  g_ptr_array_add (optional, NULL);
  return mc_csv_reader_header (im->reader, (const char *const *) required->pdata,
                               (const char *const *) optional->pdata, im->idx, error);
}

gboolean
mc_unit_report_import_csv (McDb *db, gint64 unit_id, McDate from, McDate to, const char *data, gsize length,
                           guint *n_fields, GError **error)
{
  g_autoptr(McCsvReader) reader = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  Import im = { db, NULL, { 0, }, { 0, }, { 0, }, seen };
  guint n = 0;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (unit_id > 0 && from <= to, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!mc_report_check_permission (db, error))
    return FALSE;
  reader = im.reader = mc_csv_reader_new (data, length);
  if (!read_header (&im, error) || !mc_db_begin (db, error))
    return FALSE;
  if (!replace_report (&im, unit_id, from, to, &n, error) || !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  if (n_fields != NULL)
    *n_fields = n;
  return TRUE;
}
