/* mc-dossier-rows.c — the rows of a list model of dossiers, brought up to date in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inbox and the return desk read their short lists whole (a few hundred
 * rows at most) after each change; what the view gets is the difference, so
 * that a dossier leaving an inbox removes one row instead of resetting the
 * list under the clerk's selection. Rows are told apart by their code.
 */
#include "config.h"

#include "mc-dossier-rows.h"

static void
remove_row (GListModel *model, GPtrArray *rows, guint position)
{
  g_ptr_array_remove_index (rows, position);
  g_list_model_items_changed (model, position, 1, 0);
}

static void
insert_row (GListModel *model, GPtrArray *rows, guint position, McDossier *dossier)
{
  g_ptr_array_insert (rows, position, g_object_ref (dossier));
  g_list_model_items_changed (model, position, 0, 1);
}

/* Removes the rows whose code is not in `wanted`, from the end so that the
 * positions told are those the view still has. */
static void
remove_gone (GListModel *model, GPtrArray *rows, GHashTable *wanted)
{
  for (guint i = rows->len; i-- > 0;)
    if (!g_hash_table_contains (wanted, mc_dossier_get_code (rows->pdata[i])))
      remove_row (model, rows, i);
}

static guint
find_from (GPtrArray *rows, guint from, const char *code)
{
  for (guint i = from; i < rows->len; i++)
    if (g_strcmp0 (mc_dossier_get_code (rows->pdata[i]), code) == 0)
      return i;
  return G_MAXUINT;
}

/* Row `position` becomes `fresh`'s dossier: already there, moved up from
 * further down, or new. */
static void
place_row (GListModel *model, GPtrArray *rows, guint position, McDossier *fresh)
{
  const char *code = mc_dossier_get_code (fresh);
  guint found = find_from (rows, position, code);
  g_autoptr(McDossier) moved = NULL;

  if (found == position)
    {
      mc_dossier_update_from (rows->pdata[position], fresh);
      return;
    }
  if (found == G_MAXUINT)
    {
      insert_row (model, rows, position, fresh);
      return;
    }
  moved = g_object_ref (rows->pdata[found]);
  remove_row (model, rows, found);
  insert_row (model, rows, position, moved);
  mc_dossier_update_from (moved, fresh);
}

void
mc_dossier_rows_merge (GListModel *model, GPtrArray *rows, GPtrArray *fresh)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (G_IS_LIST_MODEL (model));

  for (guint i = 0; i < fresh->len; i++)
    g_hash_table_add (wanted, (gpointer) mc_dossier_get_code (fresh->pdata[i]));
  remove_gone (model, rows, wanted);
  for (guint i = 0; i < fresh->len; i++)
    place_row (model, rows, i, fresh->pdata[i]);
}
