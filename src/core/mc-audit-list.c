/* mc-audit-list.c — the audit trail as a list model: the newest rows, kept current by key
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trail grows with every write and can hold millions of rows, so the
 * model shows at most `limit` of the newest (narrowing the filter finds older
 * ones) and, after a change in this process, asks only for rows whose id is
 * above the newest it holds: a sign-in costs one indexed query of one row,
 * not a reread of a thousand. Rows never change (the hash chain covers them),
 * so an item is never updated, only inserted at the top or dropped at the
 * bottom.
 */
#include "config.h"

#include "mc-audit.h"
#include "mc-object-list.h"

typedef struct {
  McDb   *db;
  char   *username;
  char   *dossier_code;
  McTime  from, to;
  guint   limit;
} Query;

static void
query_free (gpointer data)
{
  Query *q = data;

  g_object_unref (q->db);
  g_free (q->username);
  g_free (q->dossier_code);
  g_free (q);
}

static GPtrArray *
load_audit (McObjectList *list, McChangeKind kind, gpointer data, GError **error)
{
  Query *q = data;
  McAuditEntry *newest = mc_object_list_peek (list, 0);
  /* Another process may have restored a backup: then the whole page. */
  gint64 after = kind != MC_CHANGE_ALL && newest != NULL ? mc_audit_entry_get_id (newest) : 0;
  GPtrArray *rows = mc_audit_list_after (q->db, q->username, q->dossier_code, q->from, q->to, after, q->limit,
                                         error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (rows == NULL || after == 0)
    return rows;
  for (guint i = 0; i < n && rows->len < q->limit; i++)
    g_ptr_array_add (rows, g_object_ref (mc_object_list_peek (list, i)));
  return rows;
}

static gint64
entry_key (gpointer item)
{
  return mc_audit_entry_get_id (item);
}

/* Rows never change: nothing to copy into a kept item. */
static void
keep (gpointer item, gpointer fresh)
{
}

GListModel *
mc_audit_list_model (McDb *db, const char *username, const char *dossier_code, McTime from, McTime to,
                     guint limit, GError **error)
{
  Query *q = g_new0 (Query, 1);
  g_autoptr(McObjectList) list = NULL;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  q->db = g_object_ref (db);
  q->username = username && *username ? g_strdup (username) : NULL;
  q->dossier_code = dossier_code && *dossier_code ? g_strdup (dossier_code) : NULL;
  q->from = from;
  q->to = to;
  q->limit = limit ? limit : G_MAXINT;
  list = mc_object_list_new (MC_TYPE_AUDIT_ENTRY, entry_key, keep, load_audit, q, query_free);
  if (!mc_object_list_reload (list, error))
    return NULL;
  /* Every write adds to the trail, whatever its kind. */
  mc_object_list_follow (list, mc_db_get_changes (db), ~0u);
  return G_LIST_MODEL (g_steal_pointer (&list));
}
