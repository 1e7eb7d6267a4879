/* mc-rating.c — a citizen's rating of a dossier at the return desk: the 9
 * indices of the evaluation (2, 1 or 0 points) and the satisfaction level
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-rating.h"
#include "mc-text.h"
#include "mc-time.h"

void
mc_rating_values_init (McRatingValues *values)
{
  for (int i = 0; i < 9; i++)
    values->indices[i] = MC_RATING_NONE;
  values->satisfaction = 0;
  values->comment = NULL;
}

gboolean
mc_rating_values_empty (const McRatingValues *values)
{
  for (int i = 0; i < 9; i++)
    if (values->indices[i] != MC_RATING_NONE)
      return FALSE;
  return values->satisfaction == 0 && (values->comment == NULL || values->comment[0] == '\0');
}

static gboolean
validate (const McRatingValues *v, GError **error)
{
  for (int i = 0; i < 9; i++)
    if (v->indices[i] != MC_RATING_NONE && (v->indices[i] < 0 || v->indices[i] > 2))
      {
        g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("Index %d is rated 0, 1 or 2 points"), i + 1);
        return FALSE;
      }
  if (v->satisfaction < 0 || v->satisfaction > 5)
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The satisfaction level is 1 to 5"));
      return FALSE;
    }
  if (mc_rating_values_empty (v))
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The rating is empty"));
      return FALSE;
    }
  if (v->comment != NULL && !g_utf8_validate (v->comment, -1, NULL))
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The comment is not valid text"));
      return FALSE;
    }
  return TRUE;
}

/* The dossier's id once its result is ready, else 0 with the reason. */
static gint64
rateable_dossier (McDb *db, const char *code, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT d.id, d.finished_at IS NOT NULL, "
                                          "EXISTS (SELECT 1 FROM rating r WHERE r.dossier_id = d.id) "
                                          "FROM dossier d WHERE d.code = ?", error);
  gint64 id = 0;
  gboolean finished = FALSE, rated = FALSE;
  McDbStep step;

  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return 0;
  if (step == MC_DB_STEP_ROW)
    {
      id = mc_sql_column_int64 (stmt, 0);
      finished = mc_sql_column_int (stmt, 1);
      rated = mc_sql_column_int (stmt, 2);
    }
  mc_sql_reset (stmt);
  if (id == 0)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("No dossier has the code “%s”"), code);
  else if (!finished)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("Dossier %s has no result yet: it cannot be rated"), code);
  else if (rated)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("Dossier %s has already been rated"), code);
  return id != 0 && finished && !rated ? id : 0;
}

gboolean
mc_rating_record (McDb *db, const char *code, const McRatingValues *v, GError **error)
{
  g_autofree char *comment = NULL;
  McSqlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (code != NULL && v != NULL, FALSE);

  if (!validate (v, error) ||
      !mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_RETURN, 0, error) ||
      (id = rateable_dossier (db, code, error)) == 0)
    return FALSE;
  comment = mc_text_for_storage (v->comment);
  stmt = mc_db_prepare (db, "INSERT INTO rating (dossier_id, rated_at, i1, i2, i3, i4, i5, i6, i7, i8, i9, "
                            "satisfaction, comment) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, id);
  mc_sql_bind_int64 (stmt, 2, mc_time_now ());
  for (int i = 0; i < 9; i++)
    {
      if (v->indices[i] == MC_RATING_NONE)
        mc_sql_bind_null (stmt, 3 + i);
      else
        mc_sql_bind_int (stmt, 3 + i, v->indices[i]);
    }
  if (v->satisfaction == 0)
    mc_sql_bind_null (stmt, 12);
  else
    mc_sql_bind_int (stmt, 12, v->satisfaction);
  if (comment != NULL && comment[0] != '\0')
    mc_sql_bind_text (stmt, 13, comment, -1, MC_SQL_TRANSIENT);
  else
    mc_sql_bind_null (stmt, 13);
  return mc_db_step_done (db, stmt, error);
}
