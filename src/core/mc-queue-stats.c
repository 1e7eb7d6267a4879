/* mc-queue-stats.c — the waiting measured (issue 18 item 6)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the period's hours of queue_stat_hour (migration 27: each
 * row an hour's tickets packed, kept by triggers in the transaction of each
 * ticket's write; reading the ticket rows themselves was three quarters of
 * a year's 130 ms), grouped in memory by a small integer (the day, the
 * counter's id, the service's id, the hour) and named afterwards. The p90 needs every
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
#include "mc-json.h"
#include "mc-queue-stats.h"

typedef struct {
  int     key;
  int     issued, served, absent, n_service;
  double  wait_sum, service_sum;
  /* Every wait of the group, for its p90: a plain buffer, since a call of
   * g_array_append_val per ticket and grouping was a fifth of the pass. */
  gint64 *waits;
  guint   n_waits, room;
} Group;

static Group *
group_new (int key)
{
  Group *g = g_new0 (Group, 1);

  g->key = key;
  return g;
}

static void
group_free (Group *g)
{
  if (g == NULL)
    return;
  g_free (g->waits);
  g_free (g);
}

/* The groups of one grouping, found by their key: a slot per key from
 * base (days from the first, hours, the small ids of counters and
 * services), a hash table past 65,536 slots. A hash lookup per ticket and
 * grouping was a tenth of a year's pass. */
typedef struct {
  int         base;
  GPtrArray  *slots;  /* Group*, NULL where none */
  GHashTable *far;    /* key → Group* */
} GroupSet;

#define GROUP_SLOTS_MAX 65536

static GroupSet *
group_set_new (int base)
{
  GroupSet *set = g_new0 (GroupSet, 1);

  set->base = base;
  set->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  set->far = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) group_free);
  return set;
}

static void
group_set_free (GroupSet *set)
{
  g_ptr_array_unref (set->slots);
  g_hash_table_unref (set->far);
  g_free (set);
}

static Group *
group_set_get (GroupSet *set, int key)
{
  gint64 i = (gint64) key - set->base;
  Group *g;

  if (i < 0 || i >= GROUP_SLOTS_MAX)
    {
      if ((g = g_hash_table_lookup (set->far, GINT_TO_POINTER (key))) == NULL)
        g_hash_table_insert (set->far, GINT_TO_POINTER (key), g = group_new (key));
      return g;
    }
  if ((guint) i >= set->slots->len)
    g_ptr_array_set_size (set->slots, (guint) i + 1);
  if ((g = set->slots->pdata[i]) == NULL)
    set->slots->pdata[i] = g = group_new (key);
  return g;
}

/* Every group of the set, in no order. */
static GPtrArray *
group_set_list (GroupSet *set)
{
  GPtrArray *all = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < set->slots->len; i++)
    if (set->slots->pdata[i] != NULL)
      g_ptr_array_add (all, set->slots->pdata[i]);
  g_hash_table_iter_init (&iter, set->far);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  return all;
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
  guint n = g->n_waits;

  row->key = key;
  row->sort = sort;
  row->issued = g->issued;
  row->served = g->served;
  row->absent = g->absent;
  row->wait_avg = n ? g->wait_sum / n : -1;
  /* Nearest rank: the ⌈0.9 n⌉-th smallest. */
  row->wait_p90 = n ? select_kth (g->waits, n, (guint) ceil (0.9 * n) - 1) : -1;
  row->service_avg = g->n_service ? g->service_sum / g->n_service : -1;
  return row;
}

/* One ticket as the statistics see it, from either source: the groups it
 * belongs to and its figures. */
typedef struct {
  McDate   day;
  int      counter, service_id, hour;
  char     state;  /* the state's first letter: w, c, s, d(one), a(bsent) */
  gboolean called, timed;
  gint64   wait, service;
} Ticket;

/* A ticket row of queue_ticket (mc_queue_stats_all_scan). */
static void
read_ticket (McSqlStmt *stmt, char *last_day, McDate *day, Ticket *t)
{
  const char *text = mc_sql_column_text (stmt, 0);

  /* The day's text parsed only when it changes: the rows come by day. */
  if (strcmp (text, last_day) != 0)
    {
      g_strlcpy (last_day, text, 11);
      mc_date_parse_iso (text, day);
    }
  t->day = *day;
  t->state = (mc_sql_column_text (stmt, 1))[0];
  t->hour = (int) (((mc_sql_column_int64 (stmt, 2) + MC_TIME_UTC_OFFSET) / 3600) % 24);
  t->called = mc_sql_column_type (stmt, 3) != MC_SQL_NULL;
  t->wait = mc_sql_column_int64 (stmt, 3);
  t->timed = t->state == 'd' && mc_sql_column_type (stmt, 4) != MC_SQL_NULL;
  t->service = mc_sql_column_int64 (stmt, 4);
  t->counter = mc_sql_column_int (stmt, 5);
  t->service_id = mc_sql_column_int (stmt, 6);
  /* A call stamped before the take (a kiosk's clock ahead of the counter's,
   * a back-dated --at) is no wait, not a negative one that would pull the
   * average below the others' and read as "none" (-1). */
  t->wait = MAX (t->wait, 0);
  t->service = MAX (t->service, 0);
}

static void
add_ticket (Group *g, const Ticket *t)
{
  g->issued++;
  g->served += t->state == 'd';
  g->absent += t->state == 'a';
  if (t->called)
    {
      if (G_UNLIKELY (g->n_waits == g->room))
        g->waits = g_renew (gint64, g->waits, g->room = MAX (64, g->room * 2));
      g->waits[g->n_waits++] = t->wait;
      g->wait_sum += (double) t->wait;
    }
  if (t->timed)
    {
      g->service_sum += (double) t->service;
      g->n_service++;
    }
}

/* The group's small integer: the day (McDate), the counter's id (0: never
 * called), the service's id, the local hour taken. */
static int
group_key (const Ticket *t, McQueueStatsBy by)
{
  switch (by)
    {
    case MC_QUEUE_STATS_BY_DAY:
      return t->day;
    case MC_QUEUE_STATS_BY_COUNTER:
      return t->counter;
    case MC_QUEUE_STATS_BY_SERVICE:
      return t->service_id;
    default:
      return t->hour;
    }
}

/* The ticket into every grouping wanted (groups[by] not NULL) and the
 * total; each grouping keeps the group of the ticket before, since tickets
 * come by day and hour and often share their service or counter. */
static void
count_ticket (const Ticket *t, GroupSet *groups[MC_QUEUE_STATS_N_BY], Group *last[MC_QUEUE_STATS_N_BY], Group *total)
{
  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    {
      int key;
      Group *g = last[by];

      if (groups[by] == NULL)
        continue;
      key = group_key (t, (McQueueStatsBy) by);
      if (g == NULL || g->key != key)
        g = group_set_get (groups[by], key);
      add_ticket (g, t);
      last[by] = g;
    }
  /* The total's own waits, for its p90. */
  add_ticket (total, t);
}

/* The period's tickets row by row (queue_ticket_day, covering): what the
 * statistics read before queue_stat_hour, kept to check it against. */
static gboolean
scan_tickets (McDb *db, const char *from, const char *to, GroupSet *groups[MC_QUEUE_STATS_N_BY], Group *total,
              GError **error)
{
  char last_day[11] = "";
  McDate day = 0;
  Group *last[MC_QUEUE_STATS_N_BY] = { NULL };
  McSqlStmt *stmt;
  McDbStep step;

  stmt = mc_db_prepare (db, "SELECT day, state, taken_at, called_at - taken_at, done_at - served_at, "
                            "coalesce (counter_id, 0), service_id FROM queue_ticket WHERE day BETWEEN ? AND ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, from, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, to, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      Ticket t;

      read_ticket (stmt, last_day, &day, &t);
      count_ticket (&t, groups, last, total);
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

/* The next integer of a packed part ("-1", "420"), p past it and its
 * separator. No strtoll: a year is 1,8 million of them. */
static gint64
next_int (const char **p)
{
  const char *s = *p;
  gboolean minus = *s == '-';
  gint64 v = 0;

  s += minus;
  while (*s >= '0' && *s <= '9')
    v = v * 10 + (*s++ - '0');
  if (*s == ' ')
    s++;
  *p = s;
  return minus ? -v : v;
}

/* One hour's packed tickets (migration 27): "counter service state wait
 * service_time", ';' between tickets; FALSE if the text is not that. */
static gboolean
count_hour (const char *text, McDate day, int hour, GroupSet *groups[MC_QUEUE_STATS_N_BY], Group *total)
{
  Group *last[MC_QUEUE_STATS_N_BY] = { NULL };
  const char *p = text;

  while (*p != '\0')
    {
      Ticket t = { .day = day, .hour = hour };

      t.counter = (int) next_int (&p);
      t.service_id = (int) next_int (&p);
      if (*p < 'a' || *p > 'z' || p[1] != ' ')
        return FALSE;
      t.state = *p;
      p += 2;
      t.wait = next_int (&p);
      t.service = next_int (&p);
      t.called = t.wait >= 0;
      t.timed = t.service >= 0;
      t.wait = MAX (t.wait, 0);
      t.service = MAX (t.service, 0);
      count_ticket (&t, groups, last, total);
      if (*p == ';')
        p++;
      else if (*p != '\0')
        return FALSE;
    }
  return TRUE;
}

/* The period's hours (queue_stat_hour, kept by migration 27's triggers):
 * 10 rows a day instead of a row per ticket. */
static gboolean
read_hours (McDb *db, const char *from, const char *to, GroupSet *groups[MC_QUEUE_STATS_N_BY], Group *total,
            GError **error)
{
  char last_day[11] = "";
  McDate day = 0;
  McSqlStmt *stmt;
  McDbStep step;

  stmt = mc_db_prepare (db, "SELECT day, hour, tickets FROM queue_stat_hour WHERE day BETWEEN ? AND ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, from, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, to, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      const char *text = mc_sql_column_text (stmt, 0);

      if (strcmp (text, last_day) != 0)
        {
          g_strlcpy (last_day, text, sizeof last_day);
          mc_date_parse_iso (text, &day);
        }
      if (!count_hour (mc_sql_column_text (stmt, 2), day, mc_sql_column_int (stmt, 1), groups, total))
        {
          mc_sql_reset (stmt);
          g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED,
                       _("The queue's statistics kept for %s cannot be read: the database was changed "
                         "outside Motcua"),
                       last_day);
          return FALSE;
        }
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

/* The groupings wanted (groups[by] not NULL) filled in one pass. */
static gboolean
read_groups (McDb *db, McDate from, McDate to, gboolean scan, GroupSet *groups[MC_QUEUE_STATS_N_BY], Group *total,
             GError **error)
{
  g_autofree char *from_iso = mc_date_to_iso (from);
  g_autofree char *to_iso = mc_date_to_iso (to);

  return scan ? scan_tickets (db, from_iso, to_iso, groups, total, error)
              : read_hours (db, from_iso, to_iso, groups, total, error);
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

/* The lines of one grouping, then a copy of the total's. */
static GPtrArray *
rows_from_groups (McQueueStatsBy by, GroupSet *groups, const McQueueStatsRow *total, GPtrArray *counters,
                  GPtrArray *services)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_stats_row_free);
  g_autoptr(GPtrArray) list = group_set_list (groups);
  McQueueStatsRow *copy = g_memdup2 (total, sizeof *total);

  for (guint i = 0; i < list->len; i++)
    {
      Group *g = list->pdata[i];
      int sort;
      char *name = group_name (by, g->key, counters, services, &sort);

      g_ptr_array_add (rows, row_from_group (name, sort, g));
    }
  g_ptr_array_sort (rows, compare_rows);
  copy->key = g_strdup (total->key);
  g_ptr_array_add (rows, copy);
  return g_steal_pointer (&rows);
}

/* The groupings asked for (wanted[by]) into rows[by]; FALSE with error. */
static gboolean
compute (McQueue *queue, McDate from, McDate to, gboolean scan, const gboolean wanted[MC_QUEUE_STATS_N_BY],
         GPtrArray *rows[MC_QUEUE_STATS_N_BY], GError **error)
{
  McDb *db = mc_queue_get_db (queue);
  GroupSet *groups[MC_QUEUE_STATS_N_BY] = { NULL };
  g_autoptr(GPtrArray) counters = NULL, services = NULL;
  Group *total = group_new (0);
  McQueueStatsRow *total_row = NULL;
  gboolean ok;

  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    if (wanted[by])
      groups[by] = group_set_new (by == MC_QUEUE_STATS_BY_DAY ? from : 0);
  ok = mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_SIGNED_IN, 0, error) &&
       read_groups (db, from, to, scan, groups, total, error) &&
       (counters = mc_queue_list_counters (queue, error)) != NULL &&
       (services = mc_queue_list_services (queue, FALSE, error)) != NULL;
  if (ok)
    total_row = row_from_group (g_strdup (_("Total")), G_MAXINT, total);
  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    {
      if (ok && groups[by] != NULL)
        rows[by] = rows_from_groups ((McQueueStatsBy) by, groups[by], total_row, counters, services);
      g_clear_pointer (&groups[by], group_set_free);
    }
  mc_queue_stats_row_free (total_row);
  group_free (total);
  return ok;
}

GPtrArray *
mc_queue_stats (McQueue *queue, McDate from, McDate to, McQueueStatsBy by, GError **error)
{
  gboolean wanted[MC_QUEUE_STATS_N_BY] = { FALSE };
  GPtrArray *rows[MC_QUEUE_STATS_N_BY] = { NULL };

  g_return_val_if_fail (MC_IS_QUEUE (queue), NULL);
  g_return_val_if_fail (by < MC_QUEUE_STATS_N_BY, NULL);

  wanted[by] = TRUE;
  return compute (queue, from, to, FALSE, wanted, rows, error) ? rows[by] : NULL;
}

static McQueueStatsAll *
stats_all (McQueue *queue, McDate from, McDate to, gboolean scan, GError **error)
{
  const gboolean wanted[MC_QUEUE_STATS_N_BY] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(McQueueStatsAll) all = g_new0 (McQueueStatsAll, 1);

  g_return_val_if_fail (MC_IS_QUEUE (queue), NULL);

  all->from = from;
  all->to = to;
  if (!compute (queue, from, to, scan, wanted, all->rows, error))
    return NULL;
  return g_steal_pointer (&all);
}

McQueueStatsAll *
mc_queue_stats_all (McQueue *queue, McDate from, McDate to, GError **error)
{
  return stats_all (queue, from, to, FALSE, error);
}

McQueueStatsAll *
mc_queue_stats_all_scan (McQueue *queue, McDate from, McDate to, GError **error)
{
  return stats_all (queue, from, to, TRUE, error);
}

void
mc_queue_stats_all_free (McQueueStatsAll *all)
{
  if (all == NULL)
    return;
  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    g_clear_pointer (&all->rows[by], g_ptr_array_unref);
  g_free (all);
}

const McQueueStatsRow *
mc_queue_stats_all_total (const McQueueStatsAll *all)
{
  GPtrArray *rows = all->rows[MC_QUEUE_STATS_BY_DAY];

  return rows->pdata[rows->len - 1];
}

/* Seconds with one decimal and a point whatever the locale; null for none. */
static void
json_seconds (GString *out, const char *name, double seconds)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, ", \"%s\": %s", name,
                          seconds < 0 ? "null" : g_ascii_formatd (buf, sizeof buf, "%.1f", seconds));
}

static void
json_row (GString *out, const McQueueStatsRow *r)
{
  g_string_append (out, "{\"name\": ");
  mc_json_append_string (out, r->key);
  g_string_append_printf (out, ", \"issued\": %d, \"served\": %d, \"absent\": %d", r->issued, r->served, r->absent);
  json_seconds (out, "wait_avg_s", r->wait_avg);
  json_seconds (out, "wait_p90_s", (double) r->wait_p90);
  json_seconds (out, "service_avg_s", r->service_avg);
  g_string_append_c (out, '}');
}

char *
mc_queue_stats_all_to_json (const McQueueStatsAll *all)
{
  g_autofree char *from = mc_date_to_iso (all->from), *to = mc_date_to_iso (all->to);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "{\n  \"from\": \"%s\",\n  \"to\": \"%s\",\n  \"total\": ", from, to);
  json_row (out, mc_queue_stats_all_total (all));
  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    {
      GPtrArray *rows = all->rows[by];

      g_string_append_printf (out, ",\n  \"by_%s\": [", by_names[by]);
      /* The lines without the total, given once above. */
      for (guint i = 0; i + 1 < rows->len; i++)
        {
          g_string_append (out, i ? ",\n    " : "\n    ");
          json_row (out, rows->pdata[i]);
        }
      g_string_append (out, rows->len > 1 ? "\n  ]" : "]");
    }
  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}
