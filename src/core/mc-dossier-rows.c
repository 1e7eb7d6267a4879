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
remove_rows (GListModel *model, GPtrArray *rows, guint position, guint n)
{
  g_ptr_array_remove_range (rows, position, n);
  g_list_model_items_changed (model, position, n, 0);
}

/* Removes the rows whose code is not in `wanted`, from the end so that the
 * positions told are those the view still has; neighbours go together, so
 * a filter changed empties the list in one signal, not one per row. */
static void
remove_gone (GListModel *model, GPtrArray *rows, GHashTable *wanted)
{
  guint end = rows->len;

  while (end > 0)
    {
      guint start = end;

      while (start > 0 && !g_hash_table_contains (wanted, mc_dossier_get_code (rows->pdata[start - 1])))
        start--;
      if (start < end)
        remove_rows (model, rows, start, end - start);
      end = start > 0 ? start - 1 : 0;
    }
}

/* Inserts fresh[first], … that are not among the rows yet (`present`), as
 * many as follow one another, at `first`; how many. */
static guint
insert_new (GListModel *model, GPtrArray *rows, GPtrArray *fresh, guint first, GHashTable *present)
{
  guint n = 0;

  while (first + n < fresh->len && !g_hash_table_contains (present, mc_dossier_get_code (fresh->pdata[first + n])))
    {
      g_ptr_array_insert (rows, first + n, g_object_ref (fresh->pdata[first + n]));
      n++;
    }
  if (n > 0)
    g_list_model_items_changed (model, first, 0, n);
  return n;
}

static guint
find_from (GPtrArray *rows, guint from, const char *code)
{
  for (guint i = from; i < rows->len; i++)
    if (g_strcmp0 (mc_dossier_get_code (rows->pdata[i]), code) == 0)
      return i;
  return G_MAXUINT;
}

/* Row `position` becomes `fresh`, a dossier already among the rows: there
 * already, or moved up from further down (told as a removal and an insertion
 * of the same object). */
static void
place_row (GListModel *model, GPtrArray *rows, guint position, McDossier *fresh)
{
  guint found = find_from (rows, position, mc_dossier_get_code (fresh));
  g_autoptr(McDossier) moved = NULL;

  g_assert (found != G_MAXUINT);
  if (found != position)
    {
      moved = g_object_ref (rows->pdata[found]);
      remove_rows (model, rows, found, 1);
      g_ptr_array_insert (rows, position, g_object_ref (moved));
      g_list_model_items_changed (model, position, 0, 1);
    }
  mc_dossier_update_from (rows->pdata[position], fresh);
}

static GHashTable *
codes_of (GPtrArray *dossiers)
{
  GHashTable *codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < dossiers->len; i++)
    g_hash_table_add (codes, (gpointer) mc_dossier_get_code (dossiers->pdata[i]));
  return codes;
}

void
mc_dossier_rows_merge (GListModel *model, GPtrArray *rows, GPtrArray *fresh)
{
  g_autoptr(GHashTable) wanted = codes_of (fresh);
  g_autoptr(GHashTable) present = NULL;

  g_return_if_fail (G_IS_LIST_MODEL (model));

  remove_gone (model, rows, wanted);
  present = codes_of (rows);
  for (guint i = 0; i < fresh->len;)
    {
      guint added = insert_new (model, rows, fresh, i, present);

      if (added > 0)
        {
          i += added;
          continue;
        }
      place_row (model, rows, i, fresh->pdata[i]);
      i++;
    }
}
