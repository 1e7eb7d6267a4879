/* mc-dossier-list.c — every dossier, as a GListModel that pages from SQLite
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A million dossiers never sit in memory: the model knows only the count and
 * keeps a few pages of rows (newest first) it has been asked for; scrolling
 * fetches the next page with the list's own ORDER BY on the reception index.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-calendar.h"
#include "mc-dossier-list.h"

#define PAGE_SIZE 200
#define MAX_PAGES 16

struct _McDossierList
{
  GObject          parent_instance;

  McDossierStore  *store;
  GString         *where;   /* WHERE clause of the current query */
  GPtrArray       *binds;   /* GVariant* in order */
  guint            n_items;
  GHashTable      *pages;   /* page index → GPtrArray of McDossier* */
  GQueue           lru;     /* page indexes, most recent first */
  McDossierQuery   query;   /* the current query (text owned) */
};

static void mc_dossier_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McDossierList, mc_dossier_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mc_dossier_list_model_init))

static const char *const open_states = "('received', 'processing', 'paused', 'sent_external')";

static void
bind_all (McDossierList *self, sqlite3_stmt *stmt, int first)
{
  for (guint i = 0; i < self->binds->len; i++)
    {
      GVariant *v = self->binds->pdata[i];
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, first + (int) i, g_variant_get_int64 (v));
      else
        sqlite3_bind_text (stmt, first + (int) i, g_variant_get_string (v, NULL), -1, SQLITE_TRANSIENT);
    }
}

static GPtrArray *
fetch_page (McDossierList *self, guint page)
{
  McDb *db = mc_dossier_store_get_db (self->store);
  const char *order = self->query.order == MC_DOSSIER_ORDER_DUE
                        ? "coalesce (d.extended_due_at, d.due_at), d.id" : "d.received_at DESC, d.id DESC";
  g_autofree char *sql = g_strdup_printf ("SELECT d.code FROM dossier d %s ORDER BY %s LIMIT %d OFFSET %u",
                                          self->where->str, order, PAGE_SIZE, page * PAGE_SIZE);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = mc_db_prepare (db, sql, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return rows;
  bind_all (self, stmt, 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < codes->len; i++)
    {
      McDossier *d = mc_dossier_store_find (self->store, codes->pdata[i], NULL);
      if (d != NULL)
        g_ptr_array_add (rows, d);
    }
  return rows;
}

static GPtrArray *
get_page (McDossierList *self, guint page)
{
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (rows != NULL)
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
      return rows;
    }
  if (g_queue_get_length (&self->lru) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  rows = fetch_page (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  return rows;
}

static GType
get_item_type (GListModel *model)
{
  return MC_TYPE_DOSSIER;
}

static guint
get_n_items (GListModel *model)
{
  return MC_DOSSIER_LIST (model)->n_items;
}

static gpointer
get_item (GListModel *model, guint position)
{
  McDossierList *self = MC_DOSSIER_LIST (model);
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = get_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (rows->pdata[position % PAGE_SIZE]);
}

static void
mc_dossier_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
mc_dossier_list_finalize (GObject *object)
{
  McDossierList *self = MC_DOSSIER_LIST (object);

  g_clear_object (&self->store);
  g_string_free (self->where, TRUE);
  g_ptr_array_unref (self->binds);
  g_hash_table_unref (self->pages);
  g_queue_clear (&self->lru);
  g_free (self->query.text);
  G_OBJECT_CLASS (mc_dossier_list_parent_class)->finalize (object);
}

static void
mc_dossier_list_class_init (McDossierListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_dossier_list_finalize;
}

static void
mc_dossier_list_init (McDossierList *self)
{
  self->where = g_string_new (NULL);
  self->binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

McDossierList *
mc_dossier_list_new (McDossierStore *store)
{
  McDossierList *self = g_object_new (MC_TYPE_DOSSIER_LIST, NULL);
  McDossierQuery all = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST };

  self->store = g_object_ref (store);
  mc_dossier_list_set_query (self, &all, NULL);
  return self;
}

static void
add_condition (McDossierList *self, const char *sql, GVariant *value)
{
  g_string_append (self->where, self->where->len ? " AND " : "WHERE ");
  g_string_append (self->where, sql);
  if (value != NULL)
    g_ptr_array_add (self->binds, g_variant_ref_sink (value));
}

static void
add_filter (McDossierList *self, McDossierFilter filter)
{
  McCalendar *cal = mc_dossier_store_get_calendar (self->store);
  McTime now = mc_time_now (), soon = now;
  g_autofree char *open = g_strdup_printf ("d.state IN %s", open_states);

  switch (filter)
    {
    case MC_DOSSIER_FILTER_OPEN:
      add_condition (self, open, NULL);
      break;
    case MC_DOSSIER_FILTER_DUE_SOON:
      /* Within one working day of the appointment, not yet past it. */
      mc_calendar_add_working_days (cal, now, 1, &soon, NULL);
      add_condition (self, open, NULL);
      add_condition (self, "coalesce (d.extended_due_at, d.due_at) >= ?", g_variant_new_int64 (now));
      add_condition (self, "coalesce (d.extended_due_at, d.due_at) <= ?", g_variant_new_int64 (soon));
      break;
    case MC_DOSSIER_FILTER_OVERDUE:
      add_condition (self, open, NULL);
      add_condition (self, "coalesce (d.extended_due_at, d.due_at) < ?", g_variant_new_int64 (now));
      break;
    case MC_DOSSIER_FILTER_READY:
      add_condition (self, "d.state = 'result_ready'", NULL);
      break;
    case MC_DOSSIER_FILTER_FINISHED:
      add_condition (self, "d.state IN ('returned', 'unqualified', 'withdrawn')", NULL);
      break;
    case MC_DOSSIER_FILTER_ALL:
    default:
      break;
    }
}

static void
build_where (McDossierList *self, const McDossierQuery *q)
{
  g_string_truncate (self->where, 0);
  g_ptr_array_set_size (self->binds, 0);
  add_filter (self, q->filter);
  if (q->field_id > 0)
    add_condition (self, "d.procedure_id IN (SELECT id FROM procedure WHERE field_id = ?)",
                   g_variant_new_int64 (q->field_id));
  if (q->channel >= 0)
    add_condition (self, "d.channel = ?", g_variant_new_string (mc_channel_to_string ((McChannel) q->channel)));
  if (q->from > 0)
    add_condition (self, "d.received_at >= ?", g_variant_new_int64 (q->from));
  if (q->to > 0)
    add_condition (self, "d.received_at < ?", g_variant_new_int64 (q->to));
}

/* Text search narrows to the FTS hits (at most 1,000, newest first). */
static void
add_text (McDossierList *self, const char *text, GError **error)
{
  g_autoptr(GPtrArray) hits = mc_dossier_store_search (self->store, text, 1000, error);
  GString *ids = g_string_new ("d.id IN (");

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", mc_dossier_get_data (hits->pdata[i])->id);
  g_string_append (ids, hits->len ? ")" : "NULL)");
  add_condition (self, ids->str, NULL);
  g_string_free (ids, TRUE);
}

static guint
count (McDossierList *self, GError **error)
{
  McDb *db = mc_dossier_store_get_db (self->store);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM dossier d %s", self->where->str);
  sqlite3_stmt *stmt = mc_db_prepare (db, sql, error);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  bind_all (self, stmt, 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
reload (McDossierList *self, const McDossierQuery *q, GError **error)
{
  guint old = self->n_items;

  build_where (self, q);
  if (q->text != NULL && *q->text != '\0')
    add_text (self, q->text, error);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  self->n_items = count (self, error);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  return error == NULL || *error == NULL;
}

gboolean
mc_dossier_list_set_query (McDossierList *self, const McDossierQuery *query, GError **error)
{
  char *text;

  g_return_val_if_fail (MC_IS_DOSSIER_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  text = g_strdup (query->text);
  g_free (self->query.text);
  self->query = *query;
  self->query.text = text;
  return reload (self, &self->query, error);
}

gboolean
mc_dossier_list_refresh (McDossierList *self, GError **error)
{
  g_return_val_if_fail (MC_IS_DOSSIER_LIST (self), FALSE);

  return reload (self, &self->query, error);
}
