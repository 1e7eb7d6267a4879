/* mc-report-public.c — Phụ lục công khai kết quả giải quyết TTHC và công
 * khai xin lỗi (seed 000, columns 1–12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seed 000's rows hold (5) = (6) + (9) + (10) and (6) = (7) + (8): the
 * dossiers received are those of Biểu 06a (3), settled ones with a result
 * split in on time and late, those still open, and those returned without
 * one (không đủ điều kiện; a withdrawn dossier — "Trả lại/Xin rút" — is
 * counted with them). Each figure is the count of one predicate on a dossier
 * d and the list behind it selects with the same predicate, so they agree.
 * (3) and (4) count the procedures the units receive (mc-reception.h: their
 * declarations, else their competence since 1/7/2025 — a commune center also
 * receives provincial procedures under Nghị định 118/2025) and any other
 * procedure they received a dossier of in the period, so that no field with
 * dossiers shows 0 procedures; (4) those under liên thông, (3) the others.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-lateness.h"
#include "mc-reception.h"
#include "mc-report.h"
#include "mc-report-private.h"
#include "mc-report-public.h"
#include "mc-report-rules.h"

#define RECEIVED "(d.received_at < ?3 AND (d.finished_at IS NULL OR d.finished_at >= ?2))"
#define SETTLED_ANY "(d.finished_at >= ?2 AND d.finished_at < ?3)"
#define HAS_RESULT "coalesce (d.outcome, 'approved') = 'approved'"
#define SETTLED "(" SETTLED_ANY " AND " HAS_RESULT ")"
#define PENDING "(d.received_at < ?3 AND (d.finished_at IS NULL OR d.finished_at >= ?3))"
#define APOLOGISED "EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id AND a.issued_at >= ?2 " \
                   "AND a.issued_at < ?3)"
#define NEVER_APOLOGISED "NOT EXISTS (SELECT 1 FROM apology a WHERE a.dossier_id = d.id)"

/* Still open at the end of the period and quá hạn then is the one
 * definition of mc-lateness.h, the same as Biểu 06a (13). */
static char *
column_condition (McDb *db, McReportPublicColumn column, GError **error)
{
  g_autofree char *pending_late = mc_lateness_sql_overdue ("?3");
  g_autofree char *late_when = NULL;
  g_autofree char *late = NULL;
  McReportRules rules;

  /* Đúng hạn / quá hạn by report.timeliness_basis (mc-report-rules.c). */
  if (!mc_report_rules_load (db, &rules, error))
    return NULL;
  late_when = mc_report_rules_sql_late (&rules);
  late = g_strdup_printf ("(" SETTLED " AND %s)", late_when);

  switch (column)
    {
    case MC_PUBLIC_RECEIVED:
      return g_strdup (RECEIVED);
    case MC_PUBLIC_SETTLED:
      return g_strdup (SETTLED);
    case MC_PUBLIC_ON_TIME:
      return g_strdup_printf ("(" SETTLED " AND NOT %s)", late_when);
    case MC_PUBLIC_LATE:
      return g_strdup (late);
    case MC_PUBLIC_PENDING:
      return g_strdup (PENDING);
    case MC_PUBLIC_UNQUALIFIED:
      return g_strdup ("(" SETTLED_ANY " AND NOT " HAS_RESULT ")");
    case MC_PUBLIC_APOLOGISED:
      return g_strdup (APOLOGISED);
    case MC_PUBLIC_NOT_APOLOGISED:
      return g_strdup_printf ("((%s OR %s) AND " NEVER_APOLOGISED ")", late, pending_late);
    case MC_PUBLIC_ONE_STOP:
    case MC_PUBLIC_LINKED:
    case MC_PUBLIC_N_COLUMNS:
    default:
      return NULL;
    }
}

gboolean
mc_report_public_column_is_procedures (McReportPublicColumn column)
{
  return column == MC_PUBLIC_ONE_STOP || column == MC_PUBLIC_LINKED;
}

/* The units of the scope, split by where their figures come from. */
typedef struct {
  GArray *by_dossiers;   /* gint64 */
  GArray *by_reports;
} Units;

static void
units_clear (Units *u)
{
  g_clear_pointer (&u->by_dossiers, g_array_unref);
  g_clear_pointer (&u->by_reports, g_array_unref);
}

static gboolean
find_units (McDb *db, gint64 unit_id, McReportScope scope, McDate from, McDate to, Units *u, GError **error)
{
  g_autofree char *from_iso = mc_date_to_iso (from), *to_iso = mc_date_to_iso (to);
  McSqlStmt *stmt;
  McDbStep step;

  u->by_dossiers = g_array_new (FALSE, FALSE, sizeof (gint64));
  u->by_reports = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (scope == MC_REPORT_SCOPE_UNIT && unit_id == 0 && (unit_id = mc_report_own_unit (db, error)) == 0)
    return FALSE;
  stmt = mc_db_prepare (db, "SELECT u.id, EXISTS (SELECT 1 FROM unit_report r WHERE r.unit_id = u.id "
                            "AND r.period_from = ?3 AND r.period_to = ?4) FROM unit u "
                            "WHERE (?1 = 0 AND u.id = ?2) OR (?1 = 1 AND u.relation = 'subordinate') "
                            "OR (?1 = 2 AND u.relation IN ('self', 'subordinate')) ORDER BY u.id", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int (stmt, 1, scope);
  mc_sql_bind_int64 (stmt, 2, unit_id);
  mc_sql_bind_text (stmt, 3, from_iso, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 4, to_iso, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 id = mc_sql_column_int64 (stmt, 0);

      g_array_append_val (mc_sql_column_int (stmt, 1) ? u->by_reports : u->by_dossiers, id);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;
  if (scope == MC_REPORT_SCOPE_UNIT && u->by_dossiers->len + u->by_reports->len == 0)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The unit does not exist"));
      return FALSE;
    }
  return TRUE;
}

/* The procedures the units receive, and those they received a dossier of in
 * the period (?2, ?3 as in RECEIVED). */
static char *
procedure_filter (const Units *u)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *ids = NULL, *dossier_ids = mc_report_id_list (u->by_dossiers);
  g_autofree char *received = NULL;

  g_array_append_vals (all, u->by_dossiers->data, u->by_dossiers->len);
  g_array_append_vals (all, u->by_reports->data, u->by_reports->len);
  ids = mc_report_id_list (all);
  received = mc_reception_sql_received (ids);
  return g_strdup_printf ("(%s OR EXISTS (SELECT 1 FROM dossier d WHERE d.procedure_id = p.id AND "
                          "d.unit_id IN (%s) AND " RECEIVED "))", received, dossier_ids);
}

static char *
linked_filter (const Units *u)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *ids = NULL;

  g_array_append_vals (all, u->by_dossiers->data, u->by_dossiers->len);
  g_array_append_vals (all, u->by_reports->data, u->by_reports->len);
  ids = mc_report_id_list (all);
  return mc_reception_sql_linked (ids);
}

typedef struct {
  GPtrArray  *rows;
  GHashTable *by_field;   /* field id → row */
} Rows;

static McReportPublicRow *
row_of (Rows *r, gint64 field_id)
{
  return g_hash_table_lookup (r->by_field, &field_id);
}

static gboolean
load_fields (McDb *db, Rows *r, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT id, name FROM field ORDER BY sort_order, name, id", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McReportPublicRow *row = g_new0 (McReportPublicRow, 1);

      row->field_id = mc_sql_column_int64 (stmt, 0);
      row->field_name = g_strdup (mc_sql_column_text (stmt, 1));
      g_ptr_array_add (r->rows, row);
      g_hash_table_insert (r->by_field, &row->field_id, row);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

static gboolean
count_procedures (McDb *db, const Units *u, McTime t0, McTime t1, Rows *r, GError **error)
{
  g_autofree char *filter = procedure_filter (u);
  g_autofree char *linked = linked_filter (u);
  g_autofree char *sql = g_strdup_printf ("SELECT p.field_id, total (NOT %s), total (%s) FROM procedure p "
                                          "WHERE %s AND ?1 = ?1 GROUP BY p.field_id", linked, linked, filter);
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, 0);
  mc_sql_bind_int64 (stmt, 2, t0);
  mc_sql_bind_int64 (stmt, 3, t1);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McReportPublicRow *row = row_of (r, mc_sql_column_int64 (stmt, 0));

      row->c[MC_PUBLIC_ONE_STOP] = (guint) mc_sql_column_double (stmt, 1);
      row->c[MC_PUBLIC_LINKED] = (guint) mc_sql_column_double (stmt, 2);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

static gboolean
count_dossiers (McDb *db, const Units *u, McTime t0, McTime t1, Rows *r, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT p.field_id");
  g_autofree char *ids = mc_report_id_list (u->by_dossiers);
  McSqlStmt *stmt;
  McDbStep step;

  for (int k = MC_PUBLIC_RECEIVED; k < MC_PUBLIC_N_COLUMNS; k++)
    {
      g_autofree char *condition = column_condition (db, k, error);

      if (condition == NULL)
        return FALSE;
      g_string_append_printf (sql, ", total (%s)", condition);
    }
  g_string_append_printf (sql, " FROM dossier d JOIN procedure p ON p.id = d.procedure_id WHERE d.unit_id IN (%s) "
                               "AND (" RECEIVED " OR " APOLOGISED ") AND ?1 = ?1 GROUP BY p.field_id", ids);
  stmt = mc_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, 0);
  mc_sql_bind_int64 (stmt, 2, t0);
  mc_sql_bind_int64 (stmt, 3, t1);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McReportPublicRow *row = row_of (r, mc_sql_column_int64 (stmt, 0));

      for (int k = MC_PUBLIC_RECEIVED; k < MC_PUBLIC_N_COLUMNS; k++)
        row->c[k] += (guint) mc_sql_column_double (stmt, 1 + k - MC_PUBLIC_RECEIVED);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* A subordinate unit's 06a figures: (3) = c4+c5+c6 received, (7) = c8+c9+c10
 * settled of which c10 late, (11) = c12+c13 pending. 06a does not tell the
 * dossiers returned without a result apart, nor the apologies. */
static gboolean
add_reported (McDb *db, const Units *u, McDate from, McDate to, Rows *r, GError **error)
{
  g_autofree char *ids = mc_report_id_list (u->by_reports);
  g_autofree char *from_iso = mc_date_to_iso (from), *to_iso = mc_date_to_iso (to);
  g_autofree char *sql = g_strdup_printf ("SELECT field_id, sum (c4 + c5 + c6), sum (c8 + c9 + c10), sum (c8 + c9), "
                                          "sum (c10), sum (c12 + c13) FROM unit_report WHERE unit_id IN (%s) "
                                          "AND period_from = ?1 AND period_to = ?2 GROUP BY field_id", ids);
  static const int columns[] = { MC_PUBLIC_RECEIVED, MC_PUBLIC_SETTLED, MC_PUBLIC_ON_TIME, MC_PUBLIC_LATE,
                                 MC_PUBLIC_PENDING };
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, from_iso, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, to_iso, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McReportPublicRow *row = row_of (r, mc_sql_column_int64 (stmt, 0));

      for (guint i = 0; row != NULL && i < G_N_ELEMENTS (columns); i++)
        {
          guint n = (guint) mc_sql_column_int64 (stmt, 1 + i);

          row->c[columns[i]] += n;
          row->reported[columns[i]] += n;
        }
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

static void
row_free (gpointer data)
{
  McReportPublicRow *row = data;

  g_free (row->field_name);
  g_free (row);
}

static void
finish_rows (McReportPublic *report, gboolean only_with_dossiers)
{
  for (guint i = report->rows->len; i-- > 0;)
    {
      McReportPublicRow *row = report->rows->pdata[i];
      gboolean empty = TRUE;

      /* A field keeps its row while it has procedures at this level, so the
       * total of (3) and (4) is every procedure of the units. */
      for (int k = MC_PUBLIC_ONE_STOP; k < MC_PUBLIC_N_COLUMNS; k++)
        empty = empty && row->c[k] == 0;
      if (only_with_dossiers && empty)
        g_ptr_array_remove_index (report->rows, i);
    }
  for (guint i = 0; i < report->rows->len; i++)
    {
      McReportPublicRow *row = report->rows->pdata[i];

      for (int k = MC_PUBLIC_ONE_STOP; k < MC_PUBLIC_N_COLUMNS; k++)
        {
          report->total.c[k] += row->c[k];
          report->total.reported[k] += row->reported[k];
        }
    }
}

McReportPublic *
mc_report_public_compute (McDb *db, gint64 unit_id, McReportScope scope, McDate from, McDate to,
                          gboolean only_with_dossiers, GError **error)
{
  g_autoptr(McReportPublic) report = g_new0 (McReportPublic, 1);
  g_autoptr(GHashTable) by_field = g_hash_table_new (g_int64_hash, g_int64_equal);
  Units u = { NULL, NULL };
  Rows r;
  McTime t0, t1;
  gboolean ok;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (from <= to, NULL);

  if (!mc_report_check_permission (db, error))
    return NULL;
  report->from = from;
  report->to = to;
  report->scope = scope;
  report->rows = g_ptr_array_new_with_free_func (row_free);
  report->total.field_name = g_strdup ("Tổng số");
  r.rows = report->rows;
  r.by_field = by_field;
  mc_report_bounds (from, to, &t0, &t1);
  ok = find_units (db, unit_id, scope, from, to, &u, error) && load_fields (db, &r, error) &&
       count_procedures (db, &u, t0, t1, &r, error) && count_dossiers (db, &u, t0, t1, &r, error) &&
       add_reported (db, &u, from, to, &r, error);
  report->n_units = u.by_dossiers ? u.by_dossiers->len + u.by_reports->len : 0;
  report->n_reported_units = u.by_reports ? u.by_reports->len : 0;
  units_clear (&u);
  if (!ok)
    return NULL;
  finish_rows (report, only_with_dossiers);
  return g_steal_pointer (&report);
}

void
mc_report_public_free (McReportPublic *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report->total.field_name);
  g_free (report);
}

GPtrArray *
mc_report_public_items (McDb *db, gint64 unit_id, McReportScope scope, McDate from, McDate to, gint64 field_id,
                        McReportPublicColumn column, GError **error)
{
  Units u = { NULL, NULL };
  g_autofree char *sql = NULL;
  McTime t0, t1;
  GPtrArray *items;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (column >= MC_PUBLIC_ONE_STOP && column < MC_PUBLIC_N_COLUMNS, NULL);

  if (!mc_report_check_permission (db, error) || !find_units (db, unit_id, scope, from, to, &u, error))
    {
      units_clear (&u);
      return NULL;
    }
  mc_report_bounds (from, to, &t0, &t1);
  if (mc_report_public_column_is_procedures (column))
    {
      g_autofree char *filter = procedure_filter (&u);
      g_autofree char *linked = linked_filter (&u);

      sql = g_strdup_printf ("SELECT p.code FROM procedure p WHERE %s AND %s%s "
                             "AND (?1 = 0 OR p.field_id = ?1) ORDER BY p.code", filter,
                             column == MC_PUBLIC_ONE_STOP ? "NOT " : "", linked);
    }
  else
    {
      g_autofree char *ids = mc_report_id_list (u.by_dossiers);
      g_autofree char *condition = column_condition (db, column, error);

      if (condition == NULL)
        {
          units_clear (&u);
          return NULL;
        }
      sql = g_strdup_printf ("SELECT d.code FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
                             "WHERE d.unit_id IN (%s) AND (?1 = 0 OR p.field_id = ?1) AND %s "
                             "ORDER BY d.received_at, d.id", ids, condition);
    }
  units_clear (&u);
  items = mc_report_query_strings (db, sql, field_id, t0, t1, error);
  return items;
}
