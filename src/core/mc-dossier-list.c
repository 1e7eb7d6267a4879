/* mc-dossier-list.c — every dossier, as a GListModel that pages from SQLite
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A million dossiers never sit in memory: the model knows only the count and
 * keeps a few pages of rows it has been asked for. Pages are read by key, not
 * by OFFSET: the key of the last row of each page read is kept (an "anchor",
 * a few bytes per 200 rows), and the next page is the 200 rows after it, a
 * seek in the order's index. A page far from any known anchor (the scrollbar
 * dragged to the middle) is found by counting rows of that index from the
 * nearest anchor or from the end, reading only the index, which costs a few
 * ms per 100,000 rows instead of reading every skipped row.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-calendar.h"
#include "mc-db-private.h"
#include "mc-dossier-list.h"
#include "mc-dossier-state.h"
#include "mc-format.h"
#include "mc-lateness.h"

#define PAGE_SIZE 200
#define MAX_PAGES 16
#define MAX_KEYS 4
/* A text search lists the newest SEARCH_LIMIT hits, and counts how many
 * there are in all up to COUNT_LIMIT within COUNT_BUDGET_US; past the limit
 * the count says "more than", past the time it is an estimate ("khoảng"):
 * a keystroke repaints within 50 ms (issue 15). */
#define SEARCH_LIMIT 1000
#define COUNT_LIMIT 10000
#define COUNT_BUDGET_US 8000

/* The key of an order is the entry of one index: its columns, then the row
 * id, so that every row has a distinct key and ORDER BY needs no sorting. */
typedef struct {
  const char *keys[MAX_KEYS];
  int         n_keys;
  gboolean    descending;  /* natural direction */
} OrderDef;

static const OrderDef orders[MC_DOSSIER_N_ORDERS] = {
  [MC_DOSSIER_ORDER_NEWEST] = { { "d.received_at", "d.procedure_id", "d.channel", "d.id" }, 4, TRUE },  /* dossier_by_received */
  [MC_DOSSIER_ORDER_DUE] = { { "d.appointment_at", "d.id" }, 2, FALSE },                              /* dossier_by_appointment */
  [MC_DOSSIER_ORDER_CODE] = { { "d.code" }, 1, FALSE },                                               /* UNIQUE (code) */
  [MC_DOSSIER_ORDER_APPLICANT] = { { "d.applicant_name", "d.id" }, 2, FALSE },                        /* dossier_by_applicant */
  [MC_DOSSIER_ORDER_STATE] = { { "d.state", "d.received_at", "d.id" }, 3, FALSE },                    /* dossier_by_state */
};

typedef struct {
  McSqlValue *values[MAX_KEYS];
} Anchor;

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
  const OrderDef  *order;
  gboolean         descending;
  GString         *keys;      /* "k1, k2, …" */
  GString         *order_by[2];  /* ORDER BY of the list, [1] reversed */
  GHashTable      *anchors;   /* page index → Anchor*: key of the row before the page */
  GHashTable      *shown;     /* row id → McDossier*: the rows read before the query changed */
  guint64          total;     /* dossiers the query matches, as far as counted */
  gint64           oldest_hit;  /* id of the oldest search hit listed */
  gint64           count_budget;  /* µs a search's total may take to count */
  guint            recount;   /* idle source counting the list again, or 0 */
  McDossierCountKind total_kind;
};

static void mc_dossier_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McDossierList, mc_dossier_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mc_dossier_list_model_init))


static void
bind_all (McDossierList *self, McSqlStmt *stmt, int first)
{
  for (guint i = 0; i < self->binds->len; i++)
    {
      GVariant *v = self->binds->pdata[i];
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        mc_sql_bind_int64 (stmt, first + (int) i, g_variant_get_int64 (v));
      else
        mc_sql_bind_text (stmt, first + (int) i, g_variant_get_string (v, NULL), -1, MC_SQL_TRANSIENT);
    }
}

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  for (int i = 0; i < MAX_KEYS; i++)
    mc_sql_value_free (anchor->values[i]);
  g_free (anchor);
}

static Anchor *
anchor_from_row (McDossierList *self, McSqlStmt *stmt, int first)
{
  Anchor *anchor = g_new0 (Anchor, 1);

  for (int i = 0; i < self->order->n_keys; i++)
    anchor->values[i] = mc_sql_column_value_dup (stmt, first + i);
  return anchor;
}

/* SELECT <columns> FROM dossier d <filters> [AND key after the anchor] ORDER BY … LIMIT … */
static McSqlStmt *
prepare_after (McDossierList *self, const char *columns, const Anchor *anchor, gboolean backwards,
               const char *limit)
{
  McDb *db = mc_dossier_store_get_db (self->store);
  g_autoptr(GString) sql = g_string_new (NULL);
  McSqlStmt *stmt;
  int n = (int) self->binds->len;

  g_string_printf (sql, "SELECT %s FROM dossier d %s", columns, self->where->str);
  if (anchor != NULL)
    {
      g_string_append_printf (sql, "%s (%s) %s (", self->where->len ? " AND" : "WHERE", self->keys->str,
                              self->descending != backwards ? "<" : ">");
      for (int i = 0; i < self->order->n_keys; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, ")");
    }
  g_string_append_printf (sql, " ORDER BY %s %s", self->order_by[backwards]->str, limit);
  stmt = mc_db_prepare (db, sql->str, NULL);
  if (stmt == NULL)
    return NULL;
  bind_all (self, stmt, 1);
  for (int i = 0; anchor != NULL && i < self->order->n_keys; i++)
    mc_sql_bind_value (stmt, n + 1 + i, anchor->values[i]);
  return stmt;
}

/* Finds the key of the row just before `page` by counting index entries
 * from the nearest known anchor before it, or from the end of the list. */
static Anchor *
find_anchor (McDossierList *self, guint page, GError **error)
{
  guint start = page * PAGE_SIZE, from = page;
  Anchor *known = NULL, *found = NULL;
  McSqlStmt *stmt;
  gboolean backwards;

  while (from > 0 && (known = g_hash_table_lookup (self->anchors, GUINT_TO_POINTER (from))) == NULL)
    from--;
  backwards = self->n_items - start < start - from * PAGE_SIZE;
  if (backwards)
    known = NULL;
  stmt = prepare_after (self, self->keys->str, known, backwards, "LIMIT 1 OFFSET ?");
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, mc_sql_bind_parameter_count (stmt),
                      backwards ? self->n_items - start : start - from * PAGE_SIZE - 1);
  if (mc_db_step_row (mc_dossier_store_get_db (self->store), stmt, error) == MC_DB_STEP_ROW)
    {
      found = anchor_from_row (self, stmt, 0);
      g_hash_table_insert (self->anchors, GUINT_TO_POINTER (page), found);
    }
  mc_sql_reset (stmt);
  return found;
}

/* NULL with error when the page could not be read (busy, damaged …). */
/* A dossier the list gave out before the query changed is given out again
 * as the same object, updated in place (notifying what changed): GTK's list
 * views keep the row of an object that comes back after items-changed
 * instead of binding it again, so a search keystroke that keeps most of
 * the newest hits ("ngu" → "nguy") rebinds only the rows that differ
 * (issue 15: a keystroke to repaint ≤ 50 ms). Takes `fresh`. */
static McDossier *
same_object (McDossierList *self, McDossier *fresh)
{
  McDossier *before = g_hash_table_lookup (self->shown, &mc_dossier_get_data (fresh)->id);

  if (before == NULL)
    return fresh;
  mc_dossier_update_from (before, fresh);
  g_object_unref (fresh);
  return g_object_ref (before);
}

/* The rows read for the query being replaced, kept for same_object. */
static void
keep_shown (McDossierList *self)
{
  GHashTableIter iter;
  GPtrArray *rows;

  g_hash_table_remove_all (self->shown);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rows))
    for (guint i = 0; i < rows->len; i++)
      g_hash_table_insert (self->shown, &mc_dossier_get_data (rows->pdata[i])->id, g_object_ref (rows->pdata[i]));
}

static GPtrArray *
fetch_page (McDossierList *self, guint page, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *columns = g_strdup_printf ("d.code, %s", self->keys->str);
  Anchor *anchor = NULL;
  McSqlStmt *stmt;
  McDbStep step;
  GError *local = NULL;

  if (page > 0 && (anchor = g_hash_table_lookup (self->anchors, GUINT_TO_POINTER (page))) == NULL &&
      (anchor = find_anchor (self, page, &local)) == NULL)
    {
      if (local == NULL)
        return g_steal_pointer (&rows);  /* the list has shrunk since it was counted */
      g_propagate_error (error, local);
      return NULL;
    }
  stmt = prepare_after (self, columns, anchor, FALSE, G_STRINGIFY (LIMIT PAGE_SIZE));
  if (stmt == NULL)
    return g_steal_pointer (&rows);
  while ((step = mc_db_step_row (mc_dossier_store_get_db (self->store), stmt, error)) == MC_DB_STEP_ROW)
    {
      g_ptr_array_add (codes, g_strdup (mc_sql_column_text (stmt, 0)));
      if (codes->len == PAGE_SIZE && !g_hash_table_contains (self->anchors, GUINT_TO_POINTER (page + 1)))
        g_hash_table_insert (self->anchors, GUINT_TO_POINTER (page + 1), anchor_from_row (self, stmt, 1));
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < codes->len; i++)
    {
      McDossier *d = mc_dossier_store_find (self->store, codes->pdata[i], &local);

      if (d != NULL)
        g_ptr_array_add (rows, same_object (self, d));
      else if (g_error_matches (local, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_FOUND))
        g_clear_error (&local);  /* removed since the page was listed */
      else
        {
          g_propagate_error (error, local);
          return NULL;
        }
    }
  return g_steal_pointer (&rows);
}

static GPtrArray *
get_page (McDossierList *self, guint page)
{
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  g_autoptr(GError) error = NULL;

  if (rows != NULL)
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
      return rows;
    }
  if (g_queue_get_length (&self->lru) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  rows = fetch_page (self, page, &error);
  if (rows == NULL)
    {
      /* A list model has no error to return: the item is missing this
       * time (not cached, so it is read again when next asked for) and
       * the reason is logged. */
      g_warning ("Page %u of the dossier list could not be read: %s", page, error->message);
      return NULL;
    }
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

static gboolean reload (McDossierList *self, const McDossierQuery *q, GError **error);

static gboolean
recount_cb (gpointer data)
{
  McDossierList *self = data;
  g_autoptr(GError) error = NULL;

  self->recount = 0;
  if (!reload (self, &self->query, &error))
    g_warning ("The dossier list could not be counted again: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* A row the list counted but cannot give now: its page could not be read,
 * or dossiers left the query since it was counted (another desk). A list
 * model may not answer NULL below its count (GTK's views take the item as
 * given: criticals, rows without an item), so an empty dossier stands in,
 * and the list is counted and read again from an idle, which tells the view
 * the rows there are. */
static gpointer
stand_in (McDossierList *self)
{
  McDossier *d = mc_dossier_new ();
  McDossierData *data = mc_dossier_get_data (d);

  data->code = g_strdup ("");
  data->applicant_name = g_strdup ("");
  data->procedure_name = g_strdup ("");
  data->state = g_strdup ("");
  if (self->recount == 0)
    self->recount = g_idle_add (recount_cb, self);
  return d;
}

static gpointer
get_item (GListModel *model, guint position)
{
  McDossierList *self = MC_DOSSIER_LIST (model);
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = get_page (self, position / PAGE_SIZE);
  if (rows == NULL || position % PAGE_SIZE >= rows->len)
    return stand_in (self);
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

  g_clear_handle_id (&self->recount, g_source_remove);
  g_clear_object (&self->store);
  g_string_free (self->where, TRUE);
  g_ptr_array_unref (self->binds);
  g_hash_table_unref (self->pages);
  g_queue_clear (&self->lru);
  g_hash_table_unref (self->anchors);
  g_hash_table_unref (self->shown);
  g_string_free (self->keys, TRUE);
  g_string_free (self->order_by[0], TRUE);
  g_string_free (self->order_by[1], TRUE);
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
  self->anchors = g_hash_table_new_full (NULL, NULL, NULL, anchor_free);
  /* Keys are the values' own ids. */
  self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  self->keys = g_string_new (NULL);
  self->count_budget = COUNT_BUDGET_US;
  self->order_by[0] = g_string_new (NULL);
  self->order_by[1] = g_string_new (NULL);
}

McDossierList *
mc_dossier_list_new (McDossierStore *store)
{
  McDossierList *self = g_object_new (MC_TYPE_DOSSIER_LIST, NULL);
  McDossierQuery all = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };

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

/* The parameter the next bound value takes: a condition from mc-lateness
 * names its instant several times, always the same parameter. */
static char *
next_parameter (McDossierList *self)
{
  return g_strdup_printf ("?%u", self->binds->len + 1);
}

/* The open dossiers for which `sql_at` holds now. */
static void
add_lateness (McDossierList *self, const char *open, char *(*sql_at) (const char *at), McTime now)
{
  g_autofree char *at = next_parameter (self);
  g_autofree char *condition = sql_at (at);

  add_condition (self, open, NULL);
  add_condition (self, condition, g_variant_new_int64 (now));
}

/* Not overdue, and the appointment within one working day. */
static void
add_due_soon (McDossierList *self, const char *open, McTime now)
{
  McCalendar *cal = mc_dossier_store_get_calendar (self->store);
  g_autofree char *at = next_parameter (self);
  g_autofree char *overdue = mc_lateness_sql_overdue (at);
  g_autofree char *appointment = mc_lateness_sql_appointment (at);
  g_autofree char *not_overdue = g_strdup_printf ("NOT %s", overdue);
  g_autofree char *near = g_strdup_printf ("%s <= ?", appointment);
  McTime soon = now;

  mc_calendar_add_working_days (cal, now, 1, &soon, NULL);
  add_condition (self, open, NULL);
  add_condition (self, not_overdue, g_variant_new_int64 (now));
  add_condition (self, near, g_variant_new_int64 (soon));
}

static const char *state_count_sql (const McDossierQuery *q);

/* For "finished", the one state filter without partial indexes (it is most
 * of the table once a center has run a while): "d.state" for a filter of
 * few dossiers, "+d.state" for one of many. The
 * state's index finds a few rows, which are then sorted; but sorting most of
 * the table for a page of 200 took 2 s for "Đã trả" at 1,000,000 dossiers,
 * when reading the order's own index and skipping the others stops at the
 * 200th. The unary + keeps SQLite from using the state's index; the share
 * comes from dossier_state_count, a fourth being where the sort starts to
 * cost more than the skipping. A server has no unary + on text (42883:
 * Danh sách hồ sơ's closed dossiers were refused there) and its planner
 * weighs the two plans by its own statistics. */
static const char *
state_column (McDossierList *self, McDossierFilter filter)
{
  McDossierQuery only = { filter, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
  McDossierQuery all = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
  McDb *db = mc_dossier_store_get_db (self->store);
  gint64 part, whole;

  if (mc_sql_on_server (db))
    return "d.state";
  part = mc_db_query_int (db, state_count_sql (&only), NULL);
  whole = mc_db_query_int (db, state_count_sql (&all), NULL);
  return part * 4 >= whole ? "+d.state" : "d.state";
}

/* The state of the row as the partial indexes of migration 0029 name it:
 * "+d.state" on SQLite, where it must be the same expression as the index's
 * WHERE for the index to be used, and keeps the planner from taking the
 * state's own index, which finds the set out of page order (a sort of
 * 143,963 open dossiers for a page of 200 at 5,000,000: 1.5 s); "d.state" on
 * PostgreSQL, which has no unary plus on text and plans for itself. */
static const char *
set_state (McDossierList *self)
{
  return mc_sql_on_server (mc_dossier_store_get_db (self->store)) ? "d.state" : "+d.state";
}

static void
add_filter (McDossierList *self, McDossierFilter filter)
{
  McTime now = mc_time_now ();
  g_autofree char *open = g_strdup_printf ("%s IN %s", set_state (self), mc_dossier_state_open_sql ());
  g_autofree char *states = NULL;

  switch (filter)
    {
    case MC_DOSSIER_FILTER_OPEN:
      add_condition (self, open, NULL);
      break;
    case MC_DOSSIER_FILTER_DUE_SOON:
      add_due_soon (self, open, now);
      break;
    case MC_DOSSIER_FILTER_OVERDUE:
      add_lateness (self, open, mc_lateness_sql_overdue, now);
      break;
    case MC_DOSSIER_FILTER_STEP_LATE:
      add_lateness (self, open, mc_lateness_sql_step_late, now);
      break;
    case MC_DOSSIER_FILTER_READY:
      states = g_strdup_printf ("%s = 'result_ready'", set_state (self));
      add_condition (self, states, NULL);
      break;
    case MC_DOSSIER_FILTER_FINISHED:
      states = g_strdup_printf ("%s IN ('returned', 'unqualified', 'withdrawn')", state_column (self, filter));
      add_condition (self, states, NULL);
      break;
    case MC_DOSSIER_FILTER_TO_HAND_BACK:
      /* The condition of the partial indexes dossier_ready and dossier_waiting_by_*. */
      add_condition (self, "d.finished_at IS NOT NULL AND d.returned_at IS NULL", NULL);
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

/* Text search narrows to the newest SEARCH_LIMIT hits of the search index,
 * by id only: the list reads the rows it shows. */
static gboolean
add_text (McDossierList *self, const char *text, guint *n_hits, GError **error)
{
  g_autoptr(GArray) hits = mc_dossier_store_search_ids (self->store, text, SEARCH_LIMIT, error);
  GString *ids = g_string_new ("d.id IN (");

  /* A search that failed shows nothing, not the unfiltered list. */
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (hits, gint64, i));
  g_string_append (ids, hits != NULL && hits->len ? ")" : "NULL)");
  add_condition (self, ids->str, NULL);
  g_string_free (ids, TRUE);
  *n_hits = hits != NULL ? hits->len : 0;
  self->oldest_hit = hits != NULL && hits->len ? g_array_index (hits, gint64, hits->len - 1) : 0;
  return hits != NULL;
}

static gint64
count_sql (McDossierList *self, const char *sql, const char *match, GError **error)
{
  McDb *db = mc_dossier_store_get_db (self->store);
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  bind_all (self, stmt, 1);
  if (match != NULL)
    mc_sql_bind_text (stmt, (int) self->binds->len + 1, match, -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (db, stmt, error) == MC_DB_STEP_ROW)
    n = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return n;
}

static gint64
count (McDossierList *self, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM dossier d %s", self->where->str);

  return count_sql (self, sql, NULL, error);
}

/* The states a filter shows when it is the only condition, as SQL, for
 * dossier_state_count (kept by triggers, migration 0014): the whole list and
 * its state filters are counted exactly without reading the dossiers (a
 * count(*) over a million rows is 138 ms). NULL: the filter needs counting. */
static const char *
state_count_sql (const McDossierQuery *q)
{
  static gsize once;
  static char *open;

  if (q->field_id > 0 || q->channel >= 0 || q->from > 0 || q->to > 0 || (q->text != NULL && *q->text != '\0'))
    return NULL;
  switch (q->filter)
    {
    case MC_DOSSIER_FILTER_ALL:
      return "SELECT coalesce (sum (n), 0) FROM dossier_state_count";
    case MC_DOSSIER_FILTER_OPEN:
      if (g_once_init_enter (&once))
        {
          open = g_strdup_printf ("SELECT coalesce (sum (n), 0) FROM dossier_state_count WHERE state IN %s",
                                  mc_dossier_state_open_sql ());
          g_once_init_leave (&once, 1);
        }
      return open;
    case MC_DOSSIER_FILTER_READY:
      return "SELECT coalesce (sum (n), 0) FROM dossier_state_count WHERE state = 'result_ready'";
    case MC_DOSSIER_FILTER_FINISHED:
      return "SELECT coalesce (sum (n), 0) FROM dossier_state_count "
             "WHERE state IN ('returned', 'unqualified', 'withdrawn')";
    case MC_DOSSIER_FILTER_DUE_SOON:
    case MC_DOSSIER_FILTER_OVERDUE:
    case MC_DOSSIER_FILTER_STEP_LATE:
    default:
      return NULL;
    }
}

/* count_sql, given up (-1, no error) past the count budget. */
static gint64
count_sql_within_budget (McDossierList *self, const char *sql, const char *match, GError **error)
{
  McDb *db = mc_dossier_store_get_db (self->store);
  gint64 deadline = g_get_monotonic_time () + self->count_budget, n;
  GError *local = NULL;

  mc_sql_set_deadline (db, deadline);
  n = count_sql (self, sql, match, &local);
  mc_sql_set_deadline (db, 0);
  if (local != NULL && g_get_monotonic_time () > deadline)
    g_clear_error (&local);  /* interrupted: too many hits to count now */
  if (local != NULL)
    g_propagate_error (error, local);
  return n;
}

/* The search's hits lie between the newest dossier and the oldest one: at
 * the rate of the newest SEARCH_LIMIT (ids follow reception), `listed` rows
 * become about this many over all the ids. */
static guint64
estimate_total (McDossierList *self, guint listed)
{
  McDb *db = mc_dossier_store_get_db (self->store);
  gint64 newest = mc_db_query_int (db, "SELECT max (id) FROM dossier", NULL);
  gint64 oldest = mc_db_query_int (db, "SELECT min (id) FROM dossier", NULL);

  if (self->oldest_hit <= 0 || newest < self->oldest_hit)
    return listed;
  return (guint64) ((double) listed * (double) (newest - oldest + 1) / (double) (newest - self->oldest_hit + 1) + 0.5);
}

/* The total of a search whose list stopped at SEARCH_LIMIT hits: counted
 * exactly when that is quick (up to COUNT_LIMIT hits, within COUNT_BUDGET_US:
 * a few common words can need the whole index read), else estimated from
 * the listed hits and said to be an estimate. `filters`: the WHERE clause
 * without the list of hits. */
static gboolean
count_search_total (McDossierList *self, const char *filters, GError **error)
{
  g_autofree char *match = NULL;
  g_autofree char *limited = mc_dossier_store_search_sql (self->store, self->query.text, self->binds->len + 1,
                                                          COUNT_LIMIT + 1, &match);
  g_autofree char *hits_sql = g_strdup_printf ("SELECT count(*) FROM (%s) AS hit", limited);
  g_autofree char *total_sql = g_strdup_printf ("SELECT count(*) FROM dossier d %s%s d.id IN (%s)", filters,
                                                *filters ? " AND" : "WHERE", limited);
  GError *local = NULL;
  gint64 hits = count_sql_within_budget (self, hits_sql, match, &local), total = -1;

  if (hits >= 0)
    total = *filters ? count_sql_within_budget (self, total_sql, match, &local) : hits;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (total < 0)
    {
      self->total = estimate_total (self, self->n_items);
      self->total_kind = self->total > self->n_items ? MC_DOSSIER_COUNT_ABOUT : MC_DOSSIER_COUNT_AT_LEAST;
      return TRUE;
    }
  self->total = (guint64) total;
  if (hits <= COUNT_LIMIT)
    self->total_kind = MC_DOSSIER_COUNT_EXACT;
  else if (*filters)
    self->total_kind = MC_DOSSIER_COUNT_AT_LEAST;
  else
    self->total = COUNT_LIMIT, self->total_kind = MC_DOSSIER_COUNT_MORE_THAN;
  return TRUE;
}

/* Counts the rows of the list (n_items) and what the query matches in all. */
static gboolean
count_all (McDossierList *self, const McDossierQuery *q, GError **error)
{
  const char *by_state = state_count_sql (q);
  g_autofree char *filters = g_strdup (self->where->str);
  guint n_hits = 0;
  gint64 n;

  self->total_kind = MC_DOSSIER_COUNT_EXACT;
  if (by_state != NULL)
    n = count_sql (self, by_state, NULL, error);
  else if (q->text == NULL || *q->text == '\0')
    n = count (self, error);
  else if (!add_text (self, q->text, &n_hits, error))
    return FALSE;
  else
    n = *filters || n_hits >= SEARCH_LIMIT ? count (self, error) : n_hits;
  if (n < 0)
    return FALSE;
  self->n_items = (guint) n;
  self->total = (guint64) n;
  if (n_hits >= SEARCH_LIMIT)
    return count_search_total (self, filters, error);
  return TRUE;
}

static void
build_order (McDossierList *self, const McDossierQuery *q)
{
  self->order = &orders[q->order < MC_DOSSIER_N_ORDERS ? q->order : MC_DOSSIER_ORDER_NEWEST];
  self->descending = self->order->descending != !!q->reversed;
  g_string_truncate (self->keys, 0);
  for (int back = 0; back < 2; back++)
    g_string_truncate (self->order_by[back], 0);
  for (int i = 0; i < self->order->n_keys; i++)
    {
      const char *sep = i ? ", " : "";
      g_string_append_printf (self->keys, "%s%s", sep, self->order->keys[i]);
      for (int back = 0; back < 2; back++)
        g_string_append_printf (self->order_by[back], "%s%s %s", sep, self->order->keys[i],
                                self->descending != back ? "DESC" : "ASC");
    }
}

static gboolean
reload (McDossierList *self, const McDossierQuery *q, GError **error)
{
  guint old = self->n_items;
  GError *local = NULL;

  build_where (self, q);
  build_order (self, q);
  g_hash_table_remove_all (self->anchors);
  keep_shown (self);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  self->n_items = 0;
  /* A failed search or count empties the list and says why. */
  if (!count_all (self, q, &local))
    self->n_items = 0, self->total = 0, self->total_kind = MC_DOSSIER_COUNT_EXACT;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
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

guint64
mc_dossier_list_get_total (McDossierList *self, McDossierCountKind *kind)
{
  g_return_val_if_fail (MC_IS_DOSSIER_LIST (self), 0);

  if (kind != NULL)
    *kind = self->total_kind;
  return self->total;
}

/* What a list of `shown` rows out of the query's hits says of their number,
 * as the list's heading does; the CLI's search shows fewer rows than the
 * list (100), with the same count. */
char *
mc_dossier_list_describe_shown (McDossierList *self, guint shown_rows)
{
  g_autofree char *total = NULL, *shown = NULL;

  g_return_val_if_fail (MC_IS_DOSSIER_LIST (self), NULL);

  total = mc_format_count ((gint64) self->total);
  shown = mc_format_count (shown_rows);
  switch (self->total_kind)
    {
    case MC_DOSSIER_COUNT_MORE_THAN:
      /* Translators: the first %s is a number such as 10.000, the second one such as 1.000 */
      return g_strdup_printf (_("more than %s dossiers — the newest %s are listed"), total, shown);
    case MC_DOSSIER_COUNT_ABOUT:
      g_free (total);
      total = mc_format_count_rounded ((gint64) self->total);
      /* Translators: the first %s is an estimate such as 7.900 or 1,2 triệu, the second a number such as 1.000 */
      return g_strdup_printf (_("about %s dossiers — the newest %s are listed"), total, shown);
    case MC_DOSSIER_COUNT_AT_LEAST:
      /* Translators: the first %s is a number such as 1.157, the second one such as 350 */
      return g_strdup_printf (_("at least %s dossiers — the newest %s are listed"), total, shown);
    case MC_DOSSIER_COUNT_EXACT:
    default:
      if (self->total > shown_rows)
        /* Translators: the first %s is a number such as 1.174, the second one such as 1.000 */
        return g_strdup_printf (_("%s dossiers — the newest %s are listed"), total, shown);
      /* Translators: %s is a number such as 1.157 */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s dossier", "%s dossiers", (gulong) self->total), total);
    }
}

char *
mc_dossier_list_describe_count (McDossierList *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_LIST (self), NULL);

  return mc_dossier_list_describe_shown (self, self->n_items);
}

void
mc_dossier_list_set_count_budget (McDossierList *self, gint64 us)
{
  g_return_if_fail (MC_IS_DOSSIER_LIST (self));

  self->count_budget = us;
}
