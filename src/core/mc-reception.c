/* mc-reception.c — which procedures a unit receives (tiếp nhận) since the
 * reform of 1/7/2025
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nghị định 118/2025/NĐ-CP (hiệu lực 1/7/2025): the Trung tâm Phục vụ hành
 * chính công of a province and of a commune receive procedures "không phụ
 * thuộc vào địa giới hành chính trong phạm vi cấp tỉnh" (summary in
 * tnt305/tai_lieu_noi_bo src/etl/dataset/f50fbb5ce440228a.md, see
 * docs/LEGAL.md §4). So a commune center receives its own
 * procedures and some of the province's, and the reports count what it
 * receives, not only the procedures of its level. The list of provincial
 * procedures a commune receives is decided by each province (not a national
 * text found): it is the unit's declaration here.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-reception.h"
#include "mc-time.h"

static const char *const reception_ids[] = { "default", "own", "province", "lien_thong", "none" };
static const char *const reception_labels[] = {
  N_("By competence"), N_("Own competence"), N_("Received for the province"), N_("Inter-agency (liên thông)"),
  N_("Not received here"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (reception_ids) == MC_N_RECEPTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (reception_labels) == MC_N_RECEPTIONS);

const char *
mc_reception_to_string (McReception reception)
{
  g_return_val_if_fail ((guint) reception < MC_N_RECEPTIONS, reception_ids[0]);
  return reception_ids[reception];
}

gboolean
mc_reception_from_string (const char *text, McReception *reception)
{
  for (guint i = 0; i < MC_N_RECEPTIONS; i++)
    if (g_strcmp0 (reception_ids[i], text) == 0)
      {
        *reception = (McReception) i;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_reception_to_label (McReception reception)
{
  g_return_val_if_fail ((guint) reception < MC_N_RECEPTIONS, "");
  return _(reception_labels[reception]);
}

static gint64
procedure_id (McCatalog *self, const char *code, GError **error)
{
  gint64 id = mc_db_lookup_id (mc_catalog_get_db (self), "procedure", "code", code, error);

  if (id == 0 && (error == NULL || *error == NULL))
    g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_NOT_FOUND, _("No procedure has the code “%s”"), code);
  return id;
}

McReception
mc_catalog_get_reception (McCatalog *self, const char *code, GError **error)
{
  McDb *db = mc_catalog_get_db (self);
  gint64 unit = mc_catalog_get_own_unit (self, error), id;
  McReception reception = MC_RECEPTION_DEFAULT;
  McSqlStmt *stmt;

  if (unit == 0 || (id = procedure_id (self, code, error)) == 0)
    return MC_RECEPTION_DEFAULT;
  stmt = mc_db_prepare (db, "SELECT reception FROM unit_procedure WHERE unit_id = ? AND procedure_id = ?", error);
  if (stmt == NULL)
    return MC_RECEPTION_DEFAULT;
  mc_sql_bind_int64 (stmt, 1, unit);
  mc_sql_bind_int64 (stmt, 2, id);
  if (mc_db_step_row (db, stmt, error) == MC_DB_STEP_ROW)
    mc_reception_from_string (mc_sql_column_text (stmt, 0), &reception);
  mc_sql_reset (stmt);
  return reception;
}

static gboolean
write_reception (McDb *db, gint64 unit, gint64 id, McReception reception, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, reception == MC_RECEPTION_DEFAULT
      ? "DELETE FROM unit_procedure WHERE unit_id = ?1 AND procedure_id = ?2 AND ?3 = ?3 AND ?4 = ?4"
      : "INSERT INTO unit_procedure (unit_id, procedure_id, reception, updated_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (unit_id, procedure_id) DO UPDATE SET reception = excluded.reception, "
        "updated_at = excluded.updated_at WHERE unit_procedure.reception IS DISTINCT FROM excluded.reception", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, unit);
  mc_sql_bind_int64 (stmt, 2, id);
  mc_sql_bind_text (stmt, 3, mc_reception_to_string (reception), -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 4, mc_time_now ());
  if (!mc_db_step_done (db, stmt, error))
    return FALSE;
  mc_db_note_change (db, MC_CHANGE_PROCEDURE, id);  /* WITHOUT ROWID: no update hook */
  return TRUE;
}

gboolean
mc_catalog_set_reception (McCatalog *self, const char *code, McReception reception, GError **error)
{
  McDb *db;
  gint64 unit, id;

  g_return_val_if_fail (MC_IS_CATALOG (self), FALSE);
  g_return_val_if_fail ((guint) reception < MC_N_RECEPTIONS, FALSE);

  db = mc_catalog_get_db (self);
  if (!mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_CONFIGURE, 0, error) ||
      (unit = mc_catalog_get_own_unit (self, error)) == 0 || (id = procedure_id (self, code, error)) == 0 ||
      !mc_db_begin (db, error))
    return FALSE;
  if (!write_reception (db, unit, id, reception, error) || !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

/* The own unit's level in *level (NULL: no own unit yet). */
static gboolean
own_level (McDb *db, char **level, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT level FROM unit WHERE relation = 'self' ORDER BY id LIMIT 1",
                                      error);
  McDbStep step;

  *level = NULL;
  if (stmt == NULL)
    return FALSE;
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *level = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

McReception
mc_catalog_effective_reception (McCatalog *self, McProcedure *procedure, GError **error)
{
  GError *local = NULL;
  McReception declared = mc_catalog_get_reception (self, mc_procedure_get_code (procedure), &local);
  g_autofree char *level = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return MC_RECEPTION_DEFAULT;
    }
  if (declared != MC_RECEPTION_DEFAULT)
    return declared;
  if (!own_level (mc_catalog_get_db (self), &level, error))
    return MC_RECEPTION_DEFAULT;
  if (g_strcmp0 (level, "tinh") != 0 && g_strcmp0 (level, "huyen") != 0 && g_strcmp0 (level, "xa") != 0)
    return MC_RECEPTION_OWN;
  return g_strcmp0 (level, mc_level_to_string (mc_procedure_get_competence (procedure))) == 0 ||
         g_strcmp0 (level, mc_level_to_string (mc_procedure_get_level (procedure))) == 0
         ? MC_RECEPTION_OWN : MC_RECEPTION_NONE;
}

/* Undeclared: the unit's competence, or its former level for a unit kept
 * from before the reform (a huyện in the list of units), or every procedure
 * for a unit that is neither tỉnh, huyện nor xã. */
#define DECLARED(unit_ids, what) \
  "coalesce ((SELECT r.reception FROM unit_procedure r WHERE r.unit_id = ru.id AND r.procedure_id = p.id), " \
  "CASE WHEN p.competence = ru.level OR p.level = ru.level OR ru.level NOT IN ('tinh', 'huyen', 'xa') " \
  "THEN 'own' ELSE 'none' END) " what

char *
mc_reception_sql_received (const char *unit_ids)
{
  return g_strdup_printf ("(p.active = 1 AND EXISTS (SELECT 1 FROM unit ru WHERE ru.id IN (%s) AND "
                          DECLARED (unit_ids, "!= 'none'") "))", unit_ids);
}

char *
mc_reception_sql_linked (const char *unit_ids)
{
  return g_strdup_printf ("(p.mechanism = 'lien_thong' OR EXISTS (SELECT 1 FROM unit ru WHERE ru.id IN (%s) AND "
                          DECLARED (unit_ids, "= 'lien_thong'") "))", unit_ids);
}
