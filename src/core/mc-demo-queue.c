/* mc-demo-queue.c — the demo center's queue history (issue 18)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A simulation, as the dossiers are: each working day of the weeks before
 * now, citizens take tickets through the office hours with a morning peak,
 * some as priority tickets; the four counters of mc-demo.c call them (each
 * by the priority rule "first", then in the order taken) as soon as their
 * clerk is free, some citizens do not answer the call (absent), each
 * service takes the time its kind of business takes, and many citizens
 * rate the service on the counter display. The queue is simulated before
 * the dossiers (mc-demo.c), so that a dossier received at a counter while a
 * ticket of its service was served there is received by that counter's
 * clerk and linked to the ticket, and so is a result handed back at the
 * return counter. Today's queue is simulated up to now: tickets still
 * waiting, one being served, one just called. So the
 * Thống kê xếp hàng page, the board's average wait and the kiosk's estimate
 * show figures the moment the demo opens, and they agree with each other
 * as they must with real tickets. Its own random stream (from the seed),
 * so the dossiers of a seed stay what they were.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-demo-queue.h"

/* Who sits at which counter (mc-demo.c's counters and clerks). */
static const struct { int number; const char *services, *clerk; } desks[] = {
  { 1, "A", "tn.lan" },
  { 2, "AC", "tn.hung" },
  { 3, "BC", "tn.ha" },
  { 4, "D", "tn.mai" },
};
#define N_DESKS G_N_ELEMENTS (desks)

/* The share of each service (‰) and its service time in minutes (the
 * shortest and the longest usual): a certification is quick, a land
 * dossier is checked page by page, a result is handed over in minutes. */
static const struct { char prefix; int share, min_minutes, max_minutes; } kinds[] = {
  { 'A', 450, 4, 13 },
  { 'B', 150, 8, 20 },
  { 'C', 100, 6, 16 },
  { 'D', 300, 2, 7 },
};

/* Tickets taken per hour of the day (relative): the morning peak at 8–9,
 * a smaller one after lunch. */
static const int hour_weight[24] = {
  [7] = 9, [8] = 16, [9] = 13, [10] = 8, [11] = 4, [12] = 2, [13] = 4, [14] = 8, [15] = 7, [16] = 4,
};

typedef struct {
  int      service;   /* index into kinds */
  int      seq;
  McTime   taken, called, last_called, served, done;
  int      desk;      /* index into desks, -1 never called */
  int      calls;
  char     state;     /* w c s d a */
  const char *priority;
  gint64   id;
  gboolean received, returned;  /* a dossier linked to it */
} Ticket;

struct _McDemoQueue {
  McDb        *db;
  McCalendar  *calendar;
  GRand       *rand;
  McTime       now;
  gint64       service_id[G_N_ELEMENTS (kinds)];
  gint64       desk_id[N_DESKS];
  gint64       clerk_id[N_DESKS];
  GHashTable  *days;  /* McDate → GArray of Ticket, in the order taken */
  McDemoStats *stats;
};
typedef McDemoQueue Sim;

gboolean
mc_demo_exec_valist (McDb *db, const char *sql, GError **error, va_list args)
{
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  n = mc_sql_bind_parameter_count (stmt);
  for (int i = 1; i <= n; i++)
    {
      int type = va_arg (args, int);

      if (type == 's' || type == 'z')
        {
          const char *text = va_arg (args, const char *);
          if (text != NULL)
            mc_sql_bind_text (stmt, i, text, -1, MC_SQL_TRANSIENT);
          else
            mc_sql_bind_null (stmt, i);
        }
      else
        {
          gint64 value = va_arg (args, gint64);
          if (type == 'I' && value == 0)
            mc_sql_bind_null (stmt, i);
          else
            mc_sql_bind_int64 (stmt, i, value);
        }
    }
  return mc_db_step_done (db, stmt, error);
}

static gboolean
exec (Sim *s, const char *sql, GError **error, ...)
{
  va_list args;
  gboolean ok;

  va_start (args, error);
  ok = mc_demo_exec_valist (s->db, sql, error, args);
  va_end (args);
  return ok;
}

static gint64
query_id (Sim *s, const char *sql, const char *text, gint64 number, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (s->db, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (text != NULL)
    mc_sql_bind_text (stmt, 1, text, -1, MC_SQL_TRANSIENT);
  else
    mc_sql_bind_int64 (stmt, 1, number);
  if (mc_db_step_row (s->db, stmt, error) == MC_DB_STEP_ROW)
    id = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  if (id == 0 && error != NULL && *error == NULL)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                 _("The demo's queue is incomplete: “%s” is missing"), text ? text : "quầy");
  return id;
}

static gboolean
load_ids (Sim *s, GError **error)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      char prefix[2] = { kinds[k].prefix, 0 };

      if ((s->service_id[k] = query_id (s, "SELECT id FROM queue_service WHERE prefix = ?", prefix, 0,
                                        error)) == 0)
        return FALSE;
    }
  for (guint i = 0; i < N_DESKS; i++)
    if ((s->desk_id[i] = query_id (s, "SELECT id FROM queue_counter WHERE number = ?", NULL, desks[i].number,
                                   error)) == 0 ||
        (s->clerk_id[i] = query_id (s, "SELECT id FROM staff WHERE username = ?", desks[i].clerk, 0,
                                    error)) == 0)
      return FALSE;
  return TRUE;
}

static int
pick_service (Sim *s)
{
  int r = g_rand_int_range (s->rand, 0, 1000);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if ((r -= kinds[k].share) < 0)
      return (int) k;
  return 0;
}

/* About one ticket in fifteen is a priority one; online appointments the
 * most common of them. */
static const char *
pick_priority (Sim *s)
{
  int r = g_rand_int_range (s->rand, 0, 1000);

  return r < 25 ? "nguoi_cao_tuoi" : r < 35 ? "nguoi_khuyet_tat" : r < 45 ? "phu_nu_mang_thai"
       : r < 70 ? "lich_hen_truc_tuyen" : NULL;
}

/* A moment of the office hours of `day`, drawn by the hour's weight. */
static McTime
pick_taken (Sim *s, McDate day, const McOfficeHours *h)
{
  int total = 0, r;

  for (int i = 0; i < h->n_intervals; i++)
    for (int m = h->start[i]; m < h->end[i]; m++)
      total += hour_weight[(m / 60) % 24];
  if (total == 0)
    return mc_time_from_local (day, h->start[0]);
  r = g_rand_int_range (s->rand, 0, total);
  for (int i = 0; i < h->n_intervals; i++)
    for (int m = h->start[i]; m < h->end[i]; m++)
      if ((r -= hour_weight[(m / 60) % 24]) < 0)
        return mc_time_from_local (day, m) + g_rand_int_range (s->rand, 0, 60);
  return mc_time_from_local (day, h->start[0]);
}

static int
by_taken (gconstpointer a, gconstpointer b)
{
  const Ticket *x = a, *y = b;

  return (x->taken > y->taken) - (x->taken < y->taken);
}

/* The day's tickets in the order taken, numbered per service. A Monday is
 * busier than a Friday, as at every counter. */
static GArray *
make_tickets (Sim *s, McDate day, const McOfficeHours *h)
{
  int weekday = mc_date_weekday (day);
  int n = g_rand_int_range (s->rand, 70, 111) * (weekday == 1 ? 5 : weekday == 5 ? 3 : 4) / 4;
  int seq[G_N_ELEMENTS (kinds)] = { 0 };
  GArray *tickets = g_array_sized_new (FALSE, TRUE, sizeof (Ticket), n);

  for (int i = 0; i < n; i++)
    {
      Ticket t = { 0 };

      t.service = pick_service (s);
      t.priority = pick_priority (s);
      t.taken = pick_taken (s, day, h);
      t.desk = -1;
      t.state = 'w';
      g_array_append_val (tickets, t);
    }
  g_array_sort (tickets, by_taken);
  for (guint i = 0; i < tickets->len; i++)
    {
      Ticket *t = &g_array_index (tickets, Ticket, i);
      t->seq = ++seq[t->service];
    }
  return tickets;
}

static gboolean
desk_calls (guint desk, int service)
{
  return strchr (desks[desk].services, kinds[service].prefix) != NULL;
}

/* The next ticket the desk calls at `at`: priority first, then the order
 * taken (mc_queue_call_next under the rule "first"); NULL if none waits. */
static Ticket *
next_for (GArray *tickets, guint desk, McTime at)
{
  Ticket *best = NULL;

  for (guint i = 0; i < tickets->len; i++)
    {
      Ticket *t = &g_array_index (tickets, Ticket, i);

      if (t->taken > at)
        break;
      if (t->state != 'w' || !desk_calls (desk, t->service))
        continue;
      if (best == NULL || (t->priority != NULL && best->priority == NULL))
        best = t;
      if (t->priority != NULL)
        break;
    }
  return best;
}

/* The first ticket the desk could call taken after `at`; 0 if none. */
static McTime
next_arrival (GArray *tickets, guint desk, McTime at)
{
  for (guint i = 0; i < tickets->len; i++)
    {
      Ticket *t = &g_array_index (tickets, Ticket, i);

      if (t->taken > at && t->state == 'w' && desk_calls (desk, t->service))
        return t->taken;
    }
  return 0;
}

/* The desk calls t at `at`: the citizen comes (recalled now and then) or
 * not; what has not happened by now is left undone. Returns when the desk
 * is free again. */
static McTime
serve (Sim *s, Ticket *t, guint desk, McTime at)
{
  int minutes = g_rand_int_range (s->rand, kinds[t->service].min_minutes, kinds[t->service].max_minutes + 1);
  gboolean recalled = g_rand_double (s->rand) < 0.08, absent = g_rand_double (s->rand) < 0.04;
  McTime free_at;

  t->desk = (int) desk;
  t->called = t->last_called = at;
  t->calls = 1 + recalled + absent;
  t->state = 'c';
  if (recalled || absent)
    t->last_called = at + 60;
  if (absent)
    {
      /* Called three times, then marked absent: the desk moves on. */
      t->last_called = at + 120;
      free_at = at + 150;
      if (free_at <= s->now)
        t->state = 'a';
      else
        t->last_called = at, t->calls = 1;
      return free_at;
    }
  t->served = t->last_called + g_rand_int_range (s->rand, 20, 90);
  t->done = t->served + minutes * 60 + g_rand_int_range (s->rand, 0, 60);
  free_at = t->done + g_rand_int_range (s->rand, 10, 60);
  if (t->done <= s->now)
    t->state = 'd';
  else if (t->served <= s->now)
    t->state = 's', t->done = 0;
  else
    t->served = t->done = 0;
  if (t->last_called > s->now)
    t->last_called = t->called;
  return free_at;
}

/* The day at the four desks: each takes the next ticket when free; the
 * tickets of the morning are served before the clerk's lunch (tickets are
 * only taken in office hours, so a desk waits for the next one). */
static void
run_day (Sim *s, McDate day, const McOfficeHours *h, GArray *tickets)
{
  McTime free_at[N_DESKS];

  for (guint d = 0; d < N_DESKS; d++)
    free_at[d] = mc_time_from_local (day, h->start[0]) + g_rand_int_range (s->rand, 0, 300);
  for (;;)
    {
      guint d = 0;
      Ticket *t;

      for (guint k = 1; k < N_DESKS; k++)
        if (free_at[k] < free_at[d])
          d = k;
      if (free_at[d] == G_MAXINT64 || free_at[d] > s->now)
        return;
      if ((t = next_for (tickets, d, free_at[d])) != NULL)
        free_at[d] = serve (s, t, d, free_at[d]);
      else
        {
          McTime next = next_arrival (tickets, d, free_at[d]);
          free_at[d] = next != 0 ? next + g_rand_int_range (s->rand, 5, 40) : G_MAXINT64;
        }
    }
}

static const char *const state_names[] = { "waiting", "called", "serving", "done", "absent" };

static const char *
state_name (char state)
{
  return state_names[strchr ("wcsda", state) - "wcsda"];
}

static gboolean
insert_ticket (Sim *s, const char *day_iso, Ticket *t, GError **error)
{
  char label[8];

  g_snprintf (label, sizeof label, "%c%03d", kinds[t->service].prefix, t->seq);
  if (!exec (s, "INSERT INTO queue_ticket (day, issued_service_id, seq, number, label, service_id, priority, "
                "state, counter_id, staff_id, taken_at, called_at, last_called_at, served_at, done_at, calls) "
                "VALUES (?1, ?2, ?3, ?3, ?4, ?2, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error,
             's', day_iso, 'i', s->service_id[t->service], 'i', (gint64) t->seq, 's', label, 's', t->priority,
             's', state_name (t->state), 'I', t->desk >= 0 ? s->desk_id[t->desk] : (gint64) 0,
             'I', t->desk >= 0 ? s->clerk_id[t->desk] : (gint64) 0, 'i', t->taken, 'I', t->called,
             'I', t->last_called, 'I', t->served, 'I', t->done, 'i', (gint64) t->calls))
    return FALSE;
  t->id = mc_sql_last_insert_id (s->db);
  s->stats->tickets++;
  return TRUE;
}

/* Most citizens answer the display's question; most are pleased. */
static gboolean
rate (Sim *s, const Ticket *t, GError **error)
{
  int r = g_rand_int_range (s->rand, 0, 100);
  int level = r < 68 ? 5 : r < 88 ? 4 : r < 96 ? 3 : r < 99 ? 2 : 1;

  if (t->state != 'd' || t->done + 20 > s->now || g_rand_double (s->rand) >= 0.55)
    return TRUE;
  s->stats->ticket_ratings++;
  return exec (s, "INSERT INTO queue_rating (ticket_id, level, rated_at) VALUES (?, ?, ?)", error,
               'i', t->id, 'i', (gint64) level, 'i', t->done + 20);
}

static gboolean
write_sequences (Sim *s, const char *day_iso, GArray *tickets, GError **error)
{
  int last[G_N_ELEMENTS (kinds)] = { 0 };

  for (guint i = 0; i < tickets->len; i++)
    {
      const Ticket *t = &g_array_index (tickets, Ticket, i);
      last[t->service] = MAX (last[t->service], t->seq);
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (last[k] > 0 &&
        !exec (s, "INSERT INTO queue_sequence (day, service_id, last_seq) VALUES (?, ?, ?)", error,
               's', day_iso, 'i', s->service_id[k], 'i', (gint64) last[k]))
      return FALSE;
  return TRUE;
}

static gboolean
write_day (Sim *s, McDate day, GArray *tickets, GError **error)
{
  g_autofree char *day_iso = mc_date_to_iso (day);

  for (guint i = 0; i < tickets->len; i++)
    if (!insert_ticket (s, day_iso, &g_array_index (tickets, Ticket, i), error))
      return FALSE;
  return write_sequences (s, day_iso, tickets, error);
}

/* One working day: its tickets (those taken by now), the desks' work. */
static gboolean
simulate_day (Sim *s, McDate day, GError **error)
{
  McOfficeHours h;
  GArray *tickets;
  guint kept = 0;

  mc_calendar_get_office_hours (s->calendar, mc_date_weekday (day), &h);
  if (h.n_intervals == 0 || mc_time_from_local (day, h.start[0]) > s->now)
    return TRUE;
  tickets = make_tickets (s, day, &h);
  while (kept < tickets->len && g_array_index (tickets, Ticket, kept).taken <= s->now)
    kept++;
  g_array_set_size (tickets, kept);
  run_day (s, day, &h, tickets);
  g_hash_table_insert (s->days, GINT_TO_POINTER (day), tickets);
  s->stats->ticket_days++;
  return write_day (s, day, tickets, error);
}

/* Days in order (the ratings' random draws must not follow a hash). */
static int
compare_days (gconstpointer a, gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

static gboolean
simulate (Sim *s, guint days, GError **error)
{
  McDate today = mc_time_get_date (s->now), first = today;

  /* The first of the `days` working days before today. */
  for (guint n = 0; n < days && first > today - 400;)
    if (mc_calendar_is_working_day (s->calendar, --first))
      n++;
  for (McDate day = first; day <= today; day++)
    if (mc_calendar_is_working_day (s->calendar, day) && !simulate_day (s, day, error))
      return FALSE;
  return TRUE;
}

void
mc_demo_queue_free (McDemoQueue *q)
{
  if (q == NULL)
    return;
  g_hash_table_unref (q->days);
  g_rand_free (q->rand);
  g_object_unref (q->calendar);
  g_free (q);
}

McDemoQueue *
mc_demo_queue_new (McDb *db, McCalendar *calendar, guint days, guint32 seed, McTime now, McDemoStats *stats,
                   GError **error)
{
  g_autoptr(McDemoQueue) q = g_new0 (McDemoQueue, 1);

  q->db = db;
  q->calendar = g_object_ref (calendar);
  q->now = now;
  q->stats = stats;
  q->days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  /* Its own stream: the dossiers of a seed do not move with it. */
  q->rand = g_rand_new_with_seed (seed ^ 0x51u);
  if (!load_ids (q, error) || !simulate (q, days, error))
    return NULL;
  return g_steal_pointer (&q);
}

/* Which service a procedure's field is taken for at the kiosk. */
static int
service_of_field (const char *field)
{
  if (g_str_has_prefix (field, "Chứng thực") || g_str_has_prefix (field, "Hộ tịch"))
    return 0;
  if (g_str_has_prefix (field, "Đất đai") || g_str_has_prefix (field, "Xây dựng") ||
      g_str_has_prefix (field, "Nhà ở") || g_str_has_prefix (field, "Quy hoạch") ||
      g_str_has_prefix (field, "Môi trường") || g_str_has_prefix (field, "Tài nguyên"))
    return 1;
  return 2;
}

gboolean
mc_demo_queue_visit (McDemoQueue *q, McTime at, const char *field, McDemoVisit *visit)
{
  int service = field != NULL ? service_of_field (field) : 3;
  GArray *tickets = g_hash_table_lookup (q->days, GINT_TO_POINTER (mc_time_get_date (at)));

  for (guint i = 0; tickets != NULL && i < tickets->len; i++)
    {
      Ticket *t = &g_array_index (tickets, Ticket, i);
      gboolean *linked = field != NULL ? &t->received : &t->returned;

      if (t->service != service || t->served == 0 || t->served > at || (t->done != 0 && at > t->done) ||
          *linked)
        continue;
      *linked = TRUE;
      visit->ticket_id = t->id;
      visit->clerk_id = q->clerk_id[t->desk];
      visit->counter = desks[t->desk].number;
      return TRUE;
    }
  return FALSE;
}

gboolean
mc_demo_queue_link (McDemoQueue *q, const McDemoVisit *visit, gint64 dossier_id, gboolean returned, McTime at,
                    GError **error)
{
  q->stats->ticket_links++;
  return exec (q, "INSERT INTO queue_link (ticket_id, dossier_id, kind, at) VALUES (?, ?, ?, ?)", error,
               'i', visit->ticket_id, 'i', dossier_id, 's', returned ? "return" : "receive", 'i', at);
}

/* The ratings after the links: a result returned under a ticket takes the
 * ticket's rating (trigger queue_rating_dossier), unless rated already. */
gboolean
mc_demo_queue_finish (McDemoQueue *q, GError **error)
{
  g_autoptr(GList) days = g_hash_table_get_keys (q->days);

  days = g_list_sort (days, (GCompareFunc) compare_days);
  for (GList *l = days; l != NULL; l = l->next)
    {
      GArray *tickets = g_hash_table_lookup (q->days, l->data);

      for (guint i = 0; i < tickets->len; i++)
        if (!rate (q, &g_array_index (tickets, Ticket, i), error))
          return FALSE;
    }
  return TRUE;
}
