/* mc-keyed-rows.c — the rows of a list model brought up to date in place, by row id, with exact items-changed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog, the accounts, the audit trail (McObjectList), the inboxes
 * and the return desk (McInboxModel, McReturnModel) were refilled in full
 * after every change: each row rebuilt, the selection and the scroll lost,
 * a row being edited elsewhere replaced by a copy. Here what was read again
 * is compared with what is shown, by row id: an item still there keeps its
 * object and is updated in place (its properties notify, so a bound row
 * follows), and only the rows that came, went or moved are told with
 * items-changed. One implementation for every such model.
 */
#include "config.h"

#include "mc-keyed-rows.h"

/* Removes the rows whose key is not in `wanted`, a run at a time: a filter
 * changed empties the list in one signal, not one per row. */
static void
remove_gone (GListModel *model, GPtrArray *rows, McKeyedRowsKey key, GHashTable *wanted)
{
  guint i = 0;

  while (i < rows->len)
    {
      guint run = 0;
      gint64 k;

      while (i + run < rows->len && (k = key (rows->pdata[i + run]), !g_hash_table_contains (wanted, &k)))
        run++;
      if (run == 0)
        {
          i++;
          continue;
        }
      g_ptr_array_remove_range (rows, i, run);
      g_list_model_items_changed (model, i, run, 0);
    }
}

/* The row at `from` moves to `to`: a removal and an insertion of the same
 * object (a view that had it selected finds it again). */
static void
move_row (GListModel *model, GPtrArray *rows, guint from, guint to)
{
  gpointer item = g_ptr_array_steal_index (rows, from);

  g_list_model_items_changed (model, from, 1, 0);
  g_ptr_array_insert (rows, to, item);
  g_list_model_items_changed (model, to, 0, 1);
}

/* The item with key `k` is further down: it moves up to `position`. */
static void
move_up (GListModel *model, GPtrArray *rows, McKeyedRowsKey key, guint position, gint64 k)
{
  for (guint p = position + 1; p < rows->len; p++)
    if (key (rows->pdata[p]) == k)
      {
        move_row (model, rows, p, position);
        return;
      }
  g_assert_not_reached ();
}

static gint64 *
keys_of (GPtrArray *items, McKeyedRowsKey key, GHashTable *table)
{
  gint64 *keys = g_new (gint64, MAX (items->len, 1));

  for (guint i = 0; i < items->len; i++)
    {
      keys[i] = key (items->pdata[i]);
      g_hash_table_add (table, &keys[i]);
    }
  return keys;
}

void
mc_keyed_rows_merge (GListModel *model, GPtrArray *rows, GPtrArray *fresh, McKeyedRowsKey key,
                     McKeyedRowsUpdate update)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *fresh_keys = NULL;
  g_autofree gint64 *shown_keys = NULL;
  guint j = 0;

  g_return_if_fail (G_IS_LIST_MODEL (model));

  fresh_keys = keys_of (fresh, key, wanted);
  remove_gone (model, rows, key, wanted);
  shown_keys = keys_of (rows, key, shown);
  while (j < fresh->len)
    {
      guint run = 0;

      if (j < rows->len && key (rows->pdata[j]) == fresh_keys[j])
        {
          update (rows->pdata[j], fresh->pdata[j]);
          j++;
          continue;
        }
      if (g_hash_table_contains (shown, &fresh_keys[j]))
        {
          move_up (model, rows, key, j, fresh_keys[j]);
          continue;  /* now matches: updated above */
        }
      while (j + run < fresh->len && !g_hash_table_contains (shown, &fresh_keys[j + run]))
        {
          g_ptr_array_insert (rows, j + run, g_object_ref (fresh->pdata[j + run]));
          run++;
        }
      g_list_model_items_changed (model, j, 0, run);
      j += run;
    }
}

int
mc_keyed_rows_find (GPtrArray *rows, McKeyedRowsKey key, gint64 k)
{
  for (guint i = 0; i < rows->len; i++)
    if (key (rows->pdata[i]) == k)
      return (int) i;
  return -1;
}

/* Where `fresh` goes among the rows other than `skip` (-1: none), counted
 * as the list will be without it. */
static guint
sorted_position (GPtrArray *rows, int skip, gpointer fresh, GCompareFunc order)
{
  guint position = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      if ((int) i == skip)
        continue;
      if (order (rows->pdata[i], fresh) > 0)
        break;
      position++;
    }
  return position;
}

void
mc_keyed_rows_put (GListModel *model, GPtrArray *rows, gint64 k, gpointer fresh, GCompareFunc order,
                   McKeyedRowsKey key, McKeyedRowsUpdate update)
{
  int shown;
  guint position;

  g_return_if_fail (G_IS_LIST_MODEL (model));

  shown = mc_keyed_rows_find (rows, key, k);
  if (fresh == NULL)
    {
      if (shown >= 0)
        {
          g_ptr_array_remove_index (rows, shown);
          g_list_model_items_changed (model, shown, 1, 0);
        }
      return;
    }
  position = sorted_position (rows, shown, fresh, order);
  if (shown < 0)
    {
      g_ptr_array_insert (rows, position, g_object_ref (fresh));
      g_list_model_items_changed (model, position, 0, 1);
      return;
    }
  if (position != (guint) shown)
    move_row (model, rows, shown, position);
  update (rows->pdata[position], fresh);
}
