/* mc-report-common.c — what the statutory reports share: who may produce
 * them, the center's own unit, the period's instants, lists of codes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-report.h"
#include "mc-report-private.h"

gboolean
mc_report_check_permission (McDb *db, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  return mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_REPORT, 0, error);
}

gint64
mc_report_own_unit (McDb *db, GError **error)
{
  GError *local = NULL;
  gint64 id = mc_db_query_int (db, "SELECT coalesce ((SELECT id FROM unit WHERE relation = 'self' "
                                   "ORDER BY id LIMIT 1), 0)", &local);

  if (local != NULL)
    g_propagate_error (error, local);
  else if (id == 0)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The center's own unit is not set"));
  return id;
}

/* A period that has not ended yet is counted up to `now`: the dossiers
 * still open are those open now, and quá hạn means past the appointment
 * now, not by the end of the period (which would count a dossier due this
 * afternoon as late this morning). Later instants hold no data anyway. */
void
mc_report_bounds_at (McDate from, McDate to, McTime now, McTime *t0, McTime *t1)
{
  *t0 = mc_time_from_local (from, 0);
  *t1 = mc_time_from_local (to + 1, 0);
  if (now < *t1)
    *t1 = MAX (*t0, now);
}

void
mc_report_bounds (McDate from, McDate to, McTime *t0, McTime *t1)
{
  mc_report_bounds_at (from, to, mc_time_now (), t0, t1);
}

char *
mc_report_id_list (GArray *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  if (ids->len == 0)
    g_string_append (out, "NULL");
  return g_string_free (out, FALSE);
}

GPtrArray *
mc_report_query_strings (McDb *db, const char *sql, gint64 a, gint64 b, gint64 c, GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, a);
  mc_sql_bind_int64 (stmt, 2, b);
  mc_sql_bind_int64 (stmt, 3, c);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (out, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&out);
}
