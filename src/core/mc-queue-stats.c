/* mc-queue-stats.c — the waiting measured (issue 18 item 6)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the period's tickets through the covering index
 * queue_ticket_day (the day, then every column read: no table lookup, no
 * join), grouped in memory by a small integer (the day, the counter's id,
 * the service's id, the hour) and named afterwards. The p90 needs every
 * wait of a group, which SQL (SQLite has no percentile) would only give by
 * sorting each group again; here it is a selection (quickselect), linear.
 * A year of 1,000 tickets a day is 365,000 short rows
 * (bench/bench-queue-stats, docs/PERFORMANCE.md).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-queue-stats.h"

typedef struct {
  int     key;
  int     issued, served, absent, n_service;
  double  wait_sum, service_sum;
  GArray *waits;  /* gint64 */
} Group;

static Group *
group_new (int key)
{
  Group *g = g_new0 (Group, 1);

  g->key = key;
  g->waits = g_array_new (FALSE, FALSE, sizeof (gint64));
  return g;
}

static void
group_free (Group *g)
{
  g_array_unref (g->waits);
  g_free (g);
}

static const char *const by_names[] = { "day", "counter", "service", "hour" };

gboolean
mc_queue_stats_by_from_string (const char *text, McQueueStatsBy *by)
{
  for (guint i = 0; i < G_N_ELEMENTS (by_names); i++)
    if (g_strcmp0 (text, by_names[i]) == 0)
      {
        *by = (McQueueStatsBy) i;
        return TRUE;
      }
  return FALSE;
}

void
mc_queue_stats_row_free (McQueueStatsRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

/* The k-th smallest (0-based) of v[0..n), v reordered: Hoare's selection. */
static gint64
select_kth (gint64 *v, guint n, guint k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      gint64 pivot = v[lo + (hi - lo) / 2];
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i <= j)
            {
              gint64 t = v[i];

              v[i] = v[j];
              v[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }
  return v[k];
}

static McQueueStatsRow *
row_from_group (char *key, int sort, Group *g)
{
  McQueueStatsRow *row = g_new0 (McQueueStatsRow, 1);
  guint n = g->waits->len;

  row->key = key;
  row->sort = sort;
  row->issued = g->issued;
  row->served = g->served;
  row->absent = g->absent;
  row->wait_avg = n ? g->wait_sum / n : -1;
  /* Nearest rank: the ⌈0.9 n⌉-th smallest. */
  row->wait_p90 = n ? select_kth ((gint64 *) g->waits->data, n, (guint) ceil (0.9 * n) - 1) : -1;
  row->service_avg = g->n_service ? g->service_sum / g->n_service : -1;
  return row;
}

/* One ticket's columns, read once. */
typedef struct {
  char     state;  /* the state's first letter: w, c, s, d(one), a(bsent) */
  gboolean called, timed;
  gint64   wait, service;
} Ticket;

static void
read_ticket (McSqlStmt *stmt, Ticket *t)
{
  t->state = (mc_sql_column_text (stmt, 1))[0];
  t->called = mc_sql_column_type (stmt, 3) != MC_SQL_NULL;
  t->wait = mc_sql_column_int64 (stmt, 3);
  t->timed = t->state == 'd' && mc_sql_column_type (stmt, 4) != MC_SQL_NULL;
  t->service = mc_sql_column_int64 (stmt, 4);
}

/* The total's waits are gathered from the groups' at the end, not here. */
static void
add_ticket (Group *g, const Ticket *t, gboolean keep_wait)
{
  g->issued++;
  g->served += t->state == 'd';
  g->absent += t->state == 'a';
  if (t->called)
    {
      if (keep_wait)
        g_array_append_val (g->waits, t->wait);
      g->wait_sum += (double) t->wait;
    }
  if (t->timed)
    {
      g->service_sum += (double) t->service;
      g->n_service++;
    }
}

/* The group's small integer: the day (McDate; the text parsed only when it
 * changes, the rows come by day), the counter's id (0: never called), the
 * service's id, the local hour taken. */
static int
group_key (McSqlStmt *stmt, McQueueStatsBy by, char *last_day, McDate *day)
{
  switch (by)
    {
    case MC_QUEUE_STATS_BY_DAY:
      {
        const char *text = mc_sql_column_text (stmt, 0);

        if (strcmp (text, last_day) != 0)
          {
            g_strlcpy (last_day, text, 11);
            mc_date_parse_iso (text, day);
          }
        return *day;
      }
    case MC_QUEUE_STATS_BY_COUNTER:
      return mc_sql_column_int (stmt, 5);
    case MC_QUEUE_STATS_BY_SERVICE:
      return mc_sql_column_int (stmt, 6);
    default:
      return (int) (((mc_sql_column_int64 (stmt, 2) + MC_TIME_UTC_OFFSET) / 3600) % 24);
    }
}

static gboolean
read_groups (McDb *db, McDate from, McDate to, McQueueStatsBy by, GHashTable *groups, Group *total,
             GError **error)
{
  g_autofree char *from_iso = mc_date_to_iso (from);
  g_autofree char *to_iso = mc_date_to_iso (to);
  char last_day[11] = "";
  McDate day = 0;
  Group *g = NULL;
  McSqlStmt *stmt;
  McDbStep step;

  stmt = mc_db_prepare (db, "SELECT day, state, taken_at, called_at - taken_at, done_at - served_at, "
                            "coalesce (counter_id, 0), service_id FROM queue_ticket WHERE day BETWEEN ? AND ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, from_iso, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, to_iso, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      int key = group_key (stmt, by, last_day, &day);
      Ticket t;

      /* Rows come by day: the group of the row before is often this one. */
      if (g == NULL || g->key != key)
        g = g_hash_table_lookup (groups, GINT_TO_POINTER (key));
      if (g == NULL)
        g_hash_table_insert (groups, GINT_TO_POINTER (key), g = group_new (key));
      read_ticket (stmt, &t);
      add_ticket (g, &t, TRUE);
      add_ticket (total, &t, FALSE);
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

/* What a line is called, and where it goes: by counter its number. */
static char *
group_name (McQueueStatsBy by, int key, GPtrArray *counters, GPtrArray *services, int *sort)
{
  *sort = key;
  switch (by)
    {
    case MC_QUEUE_STATS_BY_DAY:
      return mc_date_to_iso (key);
    case MC_QUEUE_STATS_BY_HOUR:
      return g_strdup_printf ("%02d:00", key);
    case MC_QUEUE_STATS_BY_COUNTER:
      for (guint i = 0; key != 0 && i < counters->len; i++)
        if (((McQueueCounter *) counters->pdata[i])->id == key)
          {
            *sort = ((McQueueCounter *) counters->pdata[i])->number;
            return g_strdup_printf (_("Counter %d"), *sort);
          }
      return g_strdup (_("Not called"));
    default:
      for (guint i = 0; i < services->len; i++)
        if (((McQueueService *) services->pdata[i])->id == key)
          return g_strdup (((McQueueService *) services->pdata[i])->name);
      return g_strdup_printf ("%d", key);
    }
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const McQueueStatsRow *x = *(McQueueStatsRow *const *) a, *y = *(McQueueStatsRow *const *) b;

  return x->sort != y->sort ? (x->sort < y->sort ? -1 : 1) : g_strcmp0 (x->key, y->key);
}

static GPtrArray *
rows_from_groups (McQueue *queue, McQueueStatsBy by, GHashTable *groups, Group *total, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_stats_row_free);
  g_autoptr(GPtrArray) counters = mc_queue_list_counters (queue, error);
  g_autoptr(GPtrArray) services = counters ? mc_queue_list_services (queue, FALSE, error) : NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (services == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Group *g = value;
      int sort;
      char *name = group_name (by, GPOINTER_TO_INT (key), counters, services, &sort);

      /* Before the selection reorders them. */
      g_array_append_vals (total->waits, g->waits->data, g->waits->len);
      g_ptr_array_add (rows, row_from_group (name, sort, g));
    }
  g_ptr_array_sort (rows, compare_rows);
  g_ptr_array_add (rows, row_from_group (g_strdup (_("Total")), G_MAXINT, total));
  return g_steal_pointer (&rows);
}

GPtrArray *
mc_queue_stats (McQueue *queue, McDate from, McDate to, McQueueStatsBy by, GError **error)
{
  McDb *db;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) group_free);
  Group *total = group_new (0);
  GPtrArray *rows = NULL;

  g_return_val_if_fail (MC_IS_QUEUE (queue), NULL);
  db = mc_queue_get_db (queue);
  if (mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_SIGNED_IN, 0, error) &&
      read_groups (db, from, to, by, groups, total, error))
    rows = rows_from_groups (queue, by, groups, total, error);
  group_free (total);
  return rows;
}
