/* test-queue.c — the queue's core: services and counters, numbering per
 * day and service under concurrent connections, the priority rule, the
 * state machine, the link to the dossier and the statistics
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-accounts.h"
#include "mc-queue-clerk.h"
#include "mc-queue-rating.h"
#include "mc-queue-report.h"
#include "mc-queue-stats.h"
#include "mc-rating.h"
#include "mc-settings.h"
#include "mc-test-utils.h"

typedef struct {
  McDb    *db;
  McQueue *queue;
  gint64   a, b, c;  /* services: A (1–999), B (1000–1999), C (letter C, 1–3) */
} Fixture;

static gint64
add_service (McQueue *queue, const char *name, const char *prefix, int first, int last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueService) s = mc_queue_add_service (queue, name, prefix, first, last, &error);

  g_assert_no_error (error);
  return s->id;
}

static void
add_counter (McQueue *queue, int number, const gint64 *ids, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Quầy %d", number);
  g_autoptr(McQueueCounter) c = mc_queue_add_counter (queue, number, name, ids, n, &error);

  g_assert_no_error (error);
  g_assert_cmpint (c->number, ==, number);
  g_assert_cmpuint (c->service_ids->len, ==, n);
}

/* Counter 1 calls A and B, counter 2 A only, counter 3 C. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->db = mc_test_db_new ();
  f->queue = mc_queue_new (f->db);
  f->a = add_service (f->queue, "Hộ tịch – Chứng thực", "A", 1, 999);
  f->b = add_service (f->queue, "Đất đai", "", 1000, 1999);
  f->c = add_service (f->queue, "Tra cứu, trả kết quả", "c", 1, 3);
  add_counter (f->queue, 1, (gint64[]) { f->a, f->b }, 2);
  add_counter (f->queue, 2, (gint64[]) { f->a }, 1);
  add_counter (f->queue, 3, (gint64[]) { f->c }, 1);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->queue);
  g_clear_object (&f->db);
}

static McQueueTicket *
take (Fixture *f, gint64 service, McQueuePriority priority, const char *at)
{
  g_autoptr(GError) error = NULL;
  McQueueTicket *t = mc_queue_take (f->queue, service, priority, mc_test_time (at), &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static char *
call (Fixture *f, int counter, const char *at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) t = mc_queue_call_next (f->queue, counter, mc_test_time (at), &error);

  g_assert_no_error (error);
  g_assert_cmpint (mc_queue_ticket_get_state (t), ==, MC_QUEUE_STATE_CALLED);
  g_assert_cmpint (mc_queue_ticket_get_counter (t), ==, counter);
  return g_strdup (mc_queue_ticket_get_label (t));
}

static void
test_services (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueService) by_letter = mc_queue_find_service (f->queue, "a", &error);
  g_autoptr(McQueueService) by_name = mc_queue_find_service (f->queue, "đất đai", &error);
  g_autoptr(McQueueService) c = mc_queue_find_service (f->queue, "C", &error);
  g_autoptr(GPtrArray) counters = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (by_letter->id, ==, f->a);
  g_assert_cmpint (by_name->id, ==, f->b);
  g_assert_cmpstr (c->prefix, ==, "C");  /* the letter is kept as a capital */
  /* Refused, with a reason, and nothing written. */
  g_assert_null (mc_queue_add_service (f->queue, "Khác", "AB", 1, 9, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mc_queue_add_service (f->queue, "Khác", "", 1500, 2500, &error));  /* B's numbers */
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Đất đai"));
  g_clear_error (&error);
  g_assert_null (mc_queue_add_service (f->queue, "Đất đai", "D", 1, 9, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mc_queue_add_service (f->queue, "Khác", "D", 9, 1, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mc_queue_add_counter (f->queue, 1, "Quầy một", NULL, 0, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mc_queue_add_counter (f->queue, 4, "Quầy 4", (gint64[]) { 999 }, 1, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM queue_service", NULL), ==, 3);
  counters = mc_queue_list_counters (f->queue, &error);
  g_assert_cmpuint (counters->len, ==, 3);
  /* Audited, with words and no ids. */
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM audit_log WHERE action = 'queue_service.insert' "
                                           "AND detail = 'Đất đai (1000–1999)'", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM audit_log WHERE action = "
                                           "'queue_counter_service.insert' AND detail = 'Quầy 1 – Đất đai'", NULL), ==, 1);
}

/* Labels, one sequence per service and local day, the new day at 00:00 in
 * Vietnam (17:00 UTC), the end of a range. */
static void
test_numbering (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "A001", "1000", "A002", "C1", "1001" };
  gint64 services[] = { f->a, f->b, f->a, f->c, f->b };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(McQueueTicket) t = take (f, services[i], MC_QUEUE_PRIORITY_NONE, "2026-12-07 07:30");

      g_assert_cmpstr (mc_queue_ticket_get_label (t), ==, expected[i]);
      g_assert_cmpstr (mc_queue_ticket_get_day (t), ==, "2026-12-07");
      g_assert_cmpint (mc_queue_ticket_get_state (t), ==, MC_QUEUE_STATE_WAITING);
    }
  {
    /* 23:59 local is still the 7th; 00:00 local (17:00 UTC) the 8th, from 1 again. */
    g_autoptr(McQueueTicket) late = take (f, f->a, MC_QUEUE_PRIORITY_NONE, "2026-12-07 23:59");
    g_autoptr(McQueueTicket) next = take (f, f->a, MC_QUEUE_PRIORITY_NONE, "2026-12-08 00:00");

    g_assert_cmpstr (mc_queue_ticket_get_label (late), ==, "A003");
    g_assert_cmpstr (mc_queue_ticket_get_label (next), ==, "A001");
    g_assert_cmpstr (mc_queue_ticket_get_day (next), ==, "2026-12-08");
    g_assert_cmpint (mc_queue_ticket_get_taken_at (next) % 86400, ==, 17 * 3600);  /* 17:00 UTC */
  }
  g_object_unref (take (f, f->c, MC_QUEUE_PRIORITY_NONE, "2026-12-07 08:00"));
  g_object_unref (take (f, f->c, MC_QUEUE_PRIORITY_NONE, "2026-12-07 08:00"));
  g_assert_null (mc_queue_take (f->queue, f->c, MC_QUEUE_PRIORITY_NONE, mc_test_time ("2026-12-07 08:01"), &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_EXHAUSTED);
  g_assert_nonnull (strstr (error->message, "Tra cứu, trả kết quả"));
  /* The refused ticket used no number and wrote nothing. */
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT last_seq FROM queue_sequence WHERE day = '2026-12-07' "
                                           "AND service_id = 3", NULL), ==, 3);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM queue_ticket", NULL), ==, 9);
}

/* Takers on their own connections at once: every number once, none skipped. */
#define N_TAKERS 4
#define TAKES 40

typedef struct {
  char  *path;
  gint64 service;
} Taker;

static gpointer
take_many (gpointer data)
{
  Taker *taker = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (taker->path, NULL, &error);
  g_autoptr(McQueue) queue = NULL;

  g_assert_no_error (error);
  queue = mc_queue_new (db);
  for (int i = 0; i < TAKES; i++)
    {
      g_autoptr(McQueueTicket) t = mc_queue_take (queue, taker->service, MC_QUEUE_PRIORITY_NONE,
                                                  mc_test_time ("2026-12-07 08:00") + i, &error);

      g_assert_no_error (error);
      g_assert_nonnull (t);
    }
  return NULL;
}

static void
test_concurrent (Fixture *f, gconstpointer data)
{
  GThread *threads[N_TAKERS];
  Taker takers[N_TAKERS];

  for (int i = 0; i < N_TAKERS; i++)
    {
      takers[i].path = (char *) mc_db_get_path (f->db);
      takers[i].service = i % 2 ? f->b : f->a;
      threads[i] = g_thread_new ("taker", take_many, &takers[i]);
    }
  for (int i = 0; i < N_TAKERS; i++)
    g_thread_join (threads[i]);
  /* Per service: 1..80, each once. */
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM queue_ticket", NULL), ==, N_TAKERS * TAKES);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (DISTINCT label) FROM queue_ticket", NULL), ==,
                   N_TAKERS * TAKES);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT max (seq) FROM queue_ticket WHERE service_id = 1", NULL), ==,
                   N_TAKERS / 2 * TAKES);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT max (number) - min (number) + 1 FROM queue_ticket "
                                           "WHERE service_id = 2", NULL), ==, N_TAKERS / 2 * TAKES);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT sum (last_seq) FROM queue_sequence", NULL), ==, N_TAKERS * TAKES);
}

static void
set_rule (Fixture *f, const char *rule, const char *every)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_settings_set (f->db, MC_QUEUE_PRIORITY_RULE_KEY, rule, &error));
  if (every)
    g_assert_true (mc_settings_set (f->db, MC_QUEUE_PRIORITY_EVERY_KEY, every, &error));
  g_assert_no_error (error);
}

/* Six ordinary tickets A001–A006 at 8:00–8:05, then two priority tickets. */
static void
take_mixed (Fixture *f)
{
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-12-07 08:0%d", i);

      g_object_unref (take (f, f->a, MC_QUEUE_PRIORITY_NONE, at));
    }
  g_object_unref (take (f, f->a, MC_QUEUE_PRIORITY_ELDERLY, "2026-12-07 08:10"));
  g_object_unref (take (f, f->a, MC_QUEUE_PRIORITY_PREGNANT, "2026-12-07 08:11"));
}

static void
assert_calls (Fixture *f, int counter, const char *const *expected)
{
  for (int i = 0; expected[i]; i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-12-07 09:%02d", i);
      g_autofree char *label = call (f, counter, at);

      g_assert_cmpstr (label, ==, expected[i]);
    }
}

static void
test_priority_first (Fixture *f, gconstpointer data)
{
  const char *const order[] = { "A007", "A008", "A001", "A002", NULL };

  take_mixed (f);
  assert_calls (f, 2, order);  /* the default rule */
}

static void
test_priority_every (Fixture *f, gconstpointer data)
{
  const char *const order[] = { "A001", "A002", "A007", "A003", "A004", "A008", "A005", "A006", NULL };

  set_rule (f, MC_QUEUE_RULE_EVERY, "2");
  take_mixed (f);
  assert_calls (f, 2, order);
}

static void
test_priority_none (Fixture *f, gconstpointer data)
{
  const char *const order[] = { "A001", "A002", "A003", "A004", "A005", "A006", "A007", "A008", NULL };

  set_rule (f, MC_QUEUE_RULE_NONE, NULL);
  take_mixed (f);
  assert_calls (f, 2, order);
}

/* Each action from each state: allowed exactly where the table says, and a
 * refusal in Vietnamese naming the ticket. */
static void
test_state_table (void)
{
  static const char *const allowed[MC_QUEUE_N_ACTIONS] = {
    /* from: waiting called serving done absent */
    [MC_QUEUE_ACTION_CALL] = "10000",
    [MC_QUEUE_ACTION_RECALL] = "01000",
    [MC_QUEUE_ACTION_SERVE] = "01000",
    [MC_QUEUE_ACTION_FINISH] = "00100",
    [MC_QUEUE_ACTION_SKIP] = "01000",
    [MC_QUEUE_ACTION_TRANSFER] = "01100",
  };

  for (int a = 0; a < MC_QUEUE_N_ACTIONS; a++)
    for (int s = 0; s < MC_QUEUE_N_STATES; s++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok = mc_queue_check_action ((McQueueState) s, (McQueueAction) a, "A025", &error);

        g_assert_cmpint (ok, ==, allowed[a][s] == '1');
        if (!ok)
          {
            g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE);
            g_assert_nonnull (strstr (error->message, "A025"));
            g_assert_nonnull (strstr (error->message, "không thể"));
            mc_test_assert_no_raw_ids (error->message);
          }
      }
}

static void
assert_refused (McQueueTicket *t, GError *error, McQueueError code, const char *words)
{
  g_assert_null (t);
  g_assert_error (error, MC_QUEUE_ERROR, (int) code);
  if (!strstr (error->message, words))
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* The call first, then its error (the order of a function's arguments is not). */
#define REFUSED(call, code, words)                                                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    McQueueTicket *refused_ = (call);                                                              \
    assert_refused (refused_, error, code, words);                                                 \
  }                                                                                                \
  G_STMT_END

/* Through the counters: the moves and the refusals, with the times kept. */
static void
test_state_machine (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  McTime t0 = mc_test_time ("2026-12-07 08:00");
  g_autoptr(McQueueTicket) a1 = take (f, f->a, MC_QUEUE_PRIORITY_NONE, "2026-12-07 08:00");
  g_autoptr(McQueueTicket) b1 = take (f, f->b, MC_QUEUE_PRIORITY_NONE, "2026-12-07 08:01");
  McQueueTicket *t;

  /* Nothing called yet: every action on the current ticket is refused. */
  REFUSED (mc_queue_recall (f->queue, 2, t0 + 60, &error), MC_QUEUE_ERROR_STATE, "Quầy 2");
  g_clear_error (&error);
  REFUSED (mc_queue_skip (f->queue, 2, t0 + 60, &error), MC_QUEUE_ERROR_STATE, "chưa gọi");
  g_clear_error (&error);
  REFUSED (mc_queue_call_next (f->queue, 3, t0 + 60, &error), MC_QUEUE_ERROR_EMPTY, "quầy 3");
  g_clear_error (&error);
  REFUSED (mc_queue_call_next (f->queue, 9, t0 + 60, &error), MC_QUEUE_ERROR_NOT_FOUND, "9");
  g_clear_error (&error);

  /* waiting → called → called again → serving. */
  t = mc_queue_call_next (f->queue, 2, t0 + 120, &error);
  g_assert_cmpstr (mc_queue_ticket_get_label (t), ==, "A001");
  g_assert_cmpint (mc_queue_ticket_get_called_at (t), ==, t0 + 120);
  g_object_unref (t);
  REFUSED (mc_queue_finish (f->queue, 2, t0 + 130, &error), MC_QUEUE_ERROR_STATE, "A001");
  g_clear_error (&error);
  t = mc_queue_recall (f->queue, 2, t0 + 180, &error);
  g_assert_cmpint (mc_queue_ticket_get_calls (t), ==, 2);
  g_assert_cmpint (mc_queue_ticket_get_called_at (t), ==, t0 + 120);  /* the wait ended at the first call */
  g_assert_cmpint (mc_queue_ticket_get_last_called_at (t), ==, t0 + 180);
  g_object_unref (t);
  t = mc_queue_serve (f->queue, 2, t0 + 240, &error);
  g_assert_cmpint (mc_queue_ticket_get_state (t), ==, MC_QUEUE_STATE_SERVING);
  g_object_unref (t);
  REFUSED (mc_queue_serve (f->queue, 2, t0 + 250, &error), MC_QUEUE_ERROR_STATE, "Đang phục vụ");
  g_clear_error (&error);
  REFUSED (mc_queue_recall (f->queue, 2, t0 + 250, &error), MC_QUEUE_ERROR_STATE, "gọi lại");
  g_clear_error (&error);
  REFUSED (mc_queue_skip (f->queue, 2, t0 + 250, &error), MC_QUEUE_ERROR_STATE, "vắng");
  g_clear_error (&error);

  /* Transferred to service B: waits again with its number and time taken,
   * before B's own ticket (taken later), and counter 1 calls it. */
  REFUSED (mc_queue_transfer (f->queue, 2, 2, 0, t0 + 300, &error), MC_QUEUE_ERROR_INVALID, "quầy");
  g_clear_error (&error);
  REFUSED (mc_queue_transfer (f->queue, 2, 1, f->b, t0 + 300, &error), MC_QUEUE_ERROR_INVALID, "");
  g_clear_error (&error);
  t = mc_queue_transfer (f->queue, 2, 0, f->b, t0 + 300, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_queue_ticket_get_state (t), ==, MC_QUEUE_STATE_WAITING);
  g_assert_cmpstr (mc_queue_ticket_get_label (t), ==, "A001");
  g_assert_cmpint (mc_queue_ticket_get_service_id (t), ==, f->b);
  g_assert_cmpint (mc_queue_ticket_get_taken_at (t), ==, t0);
  g_assert_cmpint (mc_queue_ticket_get_transfers (t), ==, 1);
  g_object_unref (t);
  REFUSED (mc_queue_call_next (f->queue, 2, t0 + 310, &error), MC_QUEUE_ERROR_EMPTY, "2");
  g_clear_error (&error);
  g_free (call (f, 1, "2026-12-07 08:06"));
  t = mc_queue_current (f->queue, 1, t0 + 360, &error);
  g_assert_cmpstr (mc_queue_ticket_get_label (t), ==, "A001");
  g_object_unref (t);

  /* To counter 3 (which does not serve B): only counter 3 calls it now. */
  t = mc_queue_transfer (f->queue, 1, 3, 0, t0 + 400, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_queue_ticket_get_counter (t), ==, 3);
  g_object_unref (t);
  g_free (call (f, 1, "2026-12-07 08:07"));  /* B's 1000 */
  g_assert_cmpstr (mc_queue_ticket_get_label (b1), ==, "1000");
  t = mc_queue_call_next (f->queue, 3, t0 + 500, &error);
  g_assert_cmpstr (mc_queue_ticket_get_label (t), ==, "A001");
  g_object_unref (t);

  /* called → absent; serving → done; the next call finishes a called one. */
  t = mc_queue_skip (f->queue, 3, t0 + 560, &error);
  g_assert_cmpint (mc_queue_ticket_get_state (t), ==, MC_QUEUE_STATE_ABSENT);
  g_assert_cmpint (mc_queue_ticket_get_done_at (t), ==, t0 + 560);
  g_object_unref (t);
  g_assert_null (mc_queue_current (f->queue, 3, t0 + 600, &error));
  g_assert_no_error (error);
  t = mc_queue_serve (f->queue, 1, t0 + 600, &error);
  g_object_unref (t);
  t = mc_queue_finish (f->queue, 1, t0 + 900, &error);
  g_assert_cmpint (mc_queue_ticket_get_state (t), ==, MC_QUEUE_STATE_DONE);
  g_assert_cmpint (mc_queue_ticket_get_done_at (t) - mc_queue_ticket_get_served_at (t), ==, 300);
  g_object_unref (t);
  /* Every move audited in words. */
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM audit_log WHERE action = 'queue_ticket.update' "
                                           "AND detail = 'A001: đã gọi → vắng mặt, quầy 3'", NULL), ==, 1);
  g_assert_no_error (error);
}

/* The clerk receiving a dossier while serving a ticket links them; the
 * dossier then tells its ticket, wait and service time. */
static void
test_dossier_link (void)
{
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(McQueueTicket) linked = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *code = NULL;
  McQueueDossierLink *l;
  gint64 a, lan;
  McTime t0 = mc_test_time ("2026-12-07 08:00");

  mc_test_routing_set_up (&r);
  queue = mc_queue_new (r.db);
  a = add_service (queue, "Hộ tịch – Chứng thực", "A", 1, 999);
  add_counter (queue, 1, &a, 1);
  lan = mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL);
  /* Nobody serving: nothing linked, no error. */
  g_assert_true (mc_queue_link_dossier (queue, "no-such-code", MC_QUEUE_LINK_RECEIVE, t0, &linked, &error));
  g_assert_null (linked);
  mc_db_set_actor (r.db, lan);
  g_object_unref (mc_queue_take (queue, a, MC_QUEUE_PRIORITY_NONE, t0, &error));
  g_object_unref (mc_queue_call_next (queue, 1, t0 + 7 * 60, &error));
  g_assert_no_error (error);
  code = mc_test_receive (r.store, "1.001193", "Nguyễn Thị Hoa", "2026-12-07 08:08", &error);
  g_assert_no_error (error);
  g_assert_true (mc_queue_link_dossier (queue, code, MC_QUEUE_LINK_RECEIVE, t0 + 8 * 60, &linked, &error));
  g_assert_no_error (error);
  g_assert_nonnull (linked);
  g_assert_cmpstr (mc_queue_ticket_get_label (linked), ==, "A001");
  g_assert_cmpint (mc_queue_ticket_get_state (linked), ==, MC_QUEUE_STATE_SERVING);
  links = mc_queue_dossier_links (queue, code, &error);
  g_assert_cmpuint (links->len, ==, 1);
  l = links->pdata[0];
  g_assert_cmpstr (l->label, ==, "A001");
  g_assert_cmpint (l->counter, ==, 1);
  g_assert_cmpint (l->wait_seconds, ==, 7 * 60);
  g_assert_cmpint (l->service_seconds, ==, -1);  /* still being served */
  g_object_unref (mc_queue_finish (queue, 1, t0 + 20 * 60, &error));
  g_clear_pointer (&links, g_ptr_array_unref);
  links = mc_queue_dossier_links (queue, code, &error);
  g_assert_cmpint (((McQueueDossierLink *) links->pdata[0])->service_seconds, ==, 12 * 60);
  g_assert_cmpint (mc_db_query_int (r.db, "SELECT count (*) FROM audit_log WHERE action = 'queue_link.insert'", NULL),
                   ==, 1);
  g_clear_object (&queue);
  mc_test_routing_tear_down (&r);
}

/* The counter display's states and the citizen's rating: refused before
 * the service ends, out of range, a second time and on another day;
 * recorded once, audited, and the display back to idle. */
static void
test_rating (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) t = take (f, f->a, MC_QUEUE_PRIORITY_NONE, "2026-12-07 08:00");
  g_autoptr(McQueueTicket) shown = NULL;
  g_autoptr(McQueueTicket) done = NULL;
  g_autofree char *label = NULL;
  McTime t0 = mc_test_time ("2026-12-07 08:00");
  gint64 id = mc_queue_ticket_get_id (t);

  g_assert_cmpint (mc_queue_display_mode (f->queue, 1, t0, &shown, &error), ==, MC_QUEUE_DISPLAY_IDLE);
  g_assert_null (shown);
  label = call (f, 1, "2026-12-07 08:05");
  g_assert_cmpstr (label, ==, "A001");
  g_assert_cmpint (mc_queue_display_mode (f->queue, 1, t0 + 310, &shown, &error), ==, MC_QUEUE_DISPLAY_SERVING);
  g_assert_cmpstr (mc_queue_ticket_get_label (shown), ==, "A001");
  g_clear_object (&shown);
  /* Another counter's display shows nothing of it. */
  g_assert_cmpint (mc_queue_display_mode (f->queue, 2, t0 + 310, NULL, &error), ==, MC_QUEUE_DISPLAY_IDLE);
  g_assert_false (mc_queue_rate (f->queue, id, 5, t0 + 320, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "A001"));
  g_clear_error (&error);
  /* "Mời đánh giá": done now, served from its call. */
  done = mc_queue_invite_rating (f->queue, 1, t0 + 600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_queue_ticket_get_state (done), ==, MC_QUEUE_STATE_DONE);
  g_assert_cmpint (mc_queue_ticket_get_served_at (done), ==, t0 + 300);
  g_assert_null (mc_queue_invite_rating (f->queue, 1, t0 + 601, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (mc_queue_display_mode (f->queue, 1, t0 + 610, &shown, &error), ==, MC_QUEUE_DISPLAY_RATING);
  g_assert_cmpint (mc_queue_ticket_get_id (shown), ==, id);
  g_clear_object (&shown);
  /* Unanswered, the question goes after MC_QUEUE_RATING_SECONDS. */
  g_assert_cmpint (mc_queue_display_mode (f->queue, 1, t0 + 600 + MC_QUEUE_RATING_SECONDS, NULL, &error), ==,
                   MC_QUEUE_DISPLAY_IDLE);
  for (int bad = -1; bad <= 6; bad += 7)
    {
      g_assert_false (mc_queue_rate (f->queue, id, bad, t0 + 620, &error));
      g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (mc_queue_rate (f->queue, id, 0, t0 + 620, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_queue_rate (f->queue, id, 4, t0 + 86400, &error));  /* the next day */
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (mc_queue_get_rating (f->queue, id, &error), ==, 0);
  g_assert_true (mc_queue_rate (f->queue, id, 4, t0 + 620, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_queue_get_rating (f->queue, id, &error), ==, 4);
  g_assert_false (mc_queue_rate (f->queue, id, 5, t0 + 630, &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "A001"));
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM queue_rating", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM audit_log WHERE action = 'queue_rating.insert' "
                                           "AND detail = 'A001: Hài lòng'", NULL), ==, 1);
  /* Rated: the display is idle again; no dossier was linked, none rated. */
  g_assert_cmpint (mc_queue_display_mode (f->queue, 1, t0 + 640, NULL, &error), ==, MC_QUEUE_DISPLAY_IDLE);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM rating", NULL), ==, 0);
  g_assert_cmpstr (mc_queue_rating_level_label (5), !=, "");
  g_assert_cmpstr (mc_queue_rating_level_label (6), ==, "");
  /* Found by its label, any case. */
  g_clear_object (&shown);
  shown = mc_queue_find_ticket (f->queue, "a001", mc_test_date ("2026-12-07"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_queue_ticket_get_id (shown), ==, id);
  g_assert_null (mc_queue_find_ticket (f->queue, "A001", mc_test_date ("2026-12-08"), &error));
  g_assert_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND);
}

/* A result handed back under the ticket gets the citizen's level as the
 * dossier's rating (what the evaluation report counts); a dossier rated at
 * the return desk keeps its own. */
static void
test_rating_dossier (void)
{
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(McQueueTicket) t = NULL;
  g_autoptr(GPtrArray) rated = NULL;
  g_autofree char *first = NULL, *second = NULL, *received = NULL;
  McRatingValues desk;
  gint64 d, lan;
  McTime t0 = mc_test_time ("2026-12-07 08:00");

  mc_test_routing_set_up (&r);
  queue = mc_queue_new (r.db);
  d = add_service (queue, "Tra cứu, trả kết quả", "D", 1, 999);
  add_counter (queue, 4, &d, 1);
  lan = mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL);
  mc_db_set_actor (r.db, lan);
  first = mc_test_receive (r.store, "1.001193", "Nguyễn Thị Hoa", "2026-11-30 08:00", &error);
  second = mc_test_receive (r.store, "1.001193", "Trần Văn Bình", "2026-11-30 08:05", &error);
  received = mc_test_receive (r.store, "1.001193", "Lê Thị Cúc", "2026-11-30 08:10", &error);
  g_assert_no_error (error);
  /* Their results ready (the workflow's end is tested elsewhere). */
  g_assert_true (mc_db_exec (r.db, "UPDATE dossier SET finished_at = 1796000000", &error));
  mc_rating_values_init (&desk);
  desk.satisfaction = 2;
  g_assert_true (mc_rating_record (r.db, second, &desk, &error));
  g_assert_no_error (error);
  t = mc_queue_take (queue, d, MC_QUEUE_PRIORITY_NONE, t0, &error);
  g_object_unref (mc_queue_call_next (queue, 4, t0 + 60, &error));
  g_assert_no_error (error);
  g_assert_true (mc_queue_link_dossier (queue, first, MC_QUEUE_LINK_RETURN, t0 + 120, NULL, &error));
  g_assert_true (mc_queue_link_dossier (queue, second, MC_QUEUE_LINK_RETURN, t0 + 130, NULL, &error));
  g_assert_true (mc_queue_link_dossier (queue, received, MC_QUEUE_LINK_RECEIVE, t0 + 140, NULL, &error));
  g_object_unref (mc_queue_invite_rating (queue, 4, t0 + 300, &error));
  g_assert_no_error (error);
  /* The citizen, at the display: nobody signed in. */
  mc_db_set_actor (r.db, 0);
  g_assert_true (mc_queue_rate (queue, mc_queue_ticket_get_id (t), 5, t0 + 320, &error));
  g_assert_no_error (error);
  rated = mc_queue_rated_dossiers (queue, mc_queue_ticket_get_id (t), &error);
  g_assert_cmpuint (rated->len, ==, 1);
  g_assert_cmpstr (rated->pdata[0], ==, first);
  {
    g_autofree char *q1 = g_strdup_printf ("SELECT r.satisfaction FROM rating r JOIN dossier d ON d.id = "
                                           "r.dossier_id WHERE d.code = '%s'", first);
    g_autofree char *q2 = g_strdup_printf ("SELECT r.satisfaction FROM rating r JOIN dossier d ON d.id = "
                                           "r.dossier_id WHERE d.code = '%s'", second);
    g_autofree char *q3 = g_strdup_printf ("SELECT count (*) FROM rating r JOIN dossier d ON d.id = "
                                           "r.dossier_id WHERE d.code = '%s'", received);

    g_assert_cmpint (mc_db_query_int (r.db, q1, NULL), ==, 5);
    g_assert_cmpint (mc_db_query_int (r.db, q2, NULL), ==, 2);  /* the desk's rating stays */
    g_assert_cmpint (mc_db_query_int (r.db, q3, NULL), ==, 0);  /* only received: no result to rate */
  }
  /* The return desk cannot rate the first a second time. */
  g_assert_false (mc_rating_record (r.db, first, &desk, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&queue);
  mc_test_routing_tear_down (&r);
}

/* Hand-made tickets: 8 at 8:xx and 9:xx over two days and two counters. */
/* The fixture day: ten A tickets of the 7th at counter 2 (two absent, eight
 * served 10 minutes each), two B tickets of the 8th never called. */
static void
make_stats_days (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  McTime d1 = mc_test_time ("2026-12-07 08:00");
  /* waits (s) of the 7th at counter 2: 60, 120, 180, 240, 300, 600, 900, 1200, 1500, 3000 (10 tickets) */
  static const int waits[] = { 60, 120, 180, 240, 300, 600, 900, 1200, 1500, 3000 };

  for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      g_autoptr(McQueueTicket) t = mc_queue_take (f->queue, f->a, MC_QUEUE_PRIORITY_NONE, d1 + i * 3600 / 4, &error);
      McQueueTicket *c;

      g_assert_no_error (error);
      /* Called at taken + wait (each call finishes the one before). */
      c = mc_queue_call_next (f->queue, 2, d1 + i * 3600 / 4 + waits[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mc_queue_ticket_get_label (c), ==, mc_queue_ticket_get_label (t));
      g_object_unref (c);
      if (i % 5 == 4)
        g_object_unref (mc_queue_skip (f->queue, 2, d1 + i * 3600 / 4 + waits[i] + 30, &error));
      else
        {
          g_object_unref (mc_queue_serve (f->queue, 2, d1 + i * 3600 / 4 + waits[i] + 30, &error));
          g_object_unref (mc_queue_finish (f->queue, 2, d1 + i * 3600 / 4 + waits[i] + 30 + 600, &error));
        }
      g_assert_no_error (error);
    }
  /* The 8th: two tickets never called. */
  g_object_unref (take (f, f->b, MC_QUEUE_PRIORITY_NONE, "2026-12-08 10:00"));
  g_object_unref (take (f, f->b, MC_QUEUE_PRIORITY_NONE, "2026-12-08 10:30"));
}

static void
test_stats (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_hour = NULL, by_counter = NULL, by_day = NULL;
  McQueueStatsRow *r;

  make_stats_days (f);
  by_day = mc_queue_stats (f->queue, mc_test_date ("2026-12-07"), mc_test_date ("2026-12-08"),
                           MC_QUEUE_STATS_BY_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_day->len, ==, 3);
  r = by_day->pdata[0];
  g_assert_cmpstr (r->key, ==, "2026-12-07");
  g_assert_cmpint (r->issued, ==, 10);
  g_assert_cmpint (r->served, ==, 8);
  g_assert_cmpint (r->absent, ==, 2);
  g_assert_cmpfloat_with_epsilon (r->wait_avg, 810.0, 1e-9);  /* 8100 / 10 */
  g_assert_cmpint (r->wait_p90, ==, 1500);                    /* the 9th of 10 */
  g_assert_cmpfloat_with_epsilon (r->service_avg, 600.0, 1e-9);
  r = by_day->pdata[1];
  g_assert_cmpstr (r->key, ==, "2026-12-08");
  g_assert_cmpint (r->issued, ==, 2);
  g_assert_cmpint (r->served, ==, 0);
  g_assert_cmpint (r->wait_p90, ==, -1);
  r = by_day->pdata[2];
  g_assert_cmpint (r->issued, ==, 12);
  g_assert_cmpint (r->wait_p90, ==, 1500);

  /* Hours taken: 8:00–8:45 four, 9:00–9:45 four, 10:00–10:15 two (the 7th only). */
  by_hour = mc_queue_stats (f->queue, mc_test_date ("2026-12-07"), mc_test_date ("2026-12-07"),
                            MC_QUEUE_STATS_BY_HOUR, &error);
  g_assert_cmpuint (by_hour->len, ==, 4);
  r = by_hour->pdata[0];
  g_assert_cmpstr (r->key, ==, "08:00");
  g_assert_cmpint (r->issued, ==, 4);
  g_assert_cmpfloat_with_epsilon (r->wait_avg, 150.0, 1e-9);  /* 60 120 180 240 */
  g_assert_cmpint (r->wait_p90, ==, 240);
  r = by_hour->pdata[2];
  g_assert_cmpstr (r->key, ==, "10:00");
  g_assert_cmpint (r->issued, ==, 2);
  g_assert_cmpint (r->absent, ==, 1);

  by_counter = mc_queue_stats (f->queue, mc_test_date ("2026-12-07"), mc_test_date ("2026-12-08"),
                               MC_QUEUE_STATS_BY_COUNTER, &error);
  g_assert_cmpuint (by_counter->len, ==, 3);
  g_assert_cmpstr (((McQueueStatsRow *) by_counter->pdata[0])->key, ==, "Chưa gọi");
  g_assert_cmpint (((McQueueStatsRow *) by_counter->pdata[0])->issued, ==, 2);
  g_assert_cmpstr (((McQueueStatsRow *) by_counter->pdata[1])->key, ==, "Quầy 2");
  g_assert_cmpint (((McQueueStatsRow *) by_counter->pdata[1])->issued, ==, 10);
}

static void
assert_same_row (const McQueueStatsRow *a, const McQueueStatsRow *b)
{
  g_assert_cmpstr (a->key, ==, b->key);
  g_assert_cmpint (a->sort, ==, b->sort);
  g_assert_cmpint (a->issued, ==, b->issued);
  g_assert_cmpint (a->served, ==, b->served);
  g_assert_cmpint (a->absent, ==, b->absent);
  g_assert_cmpfloat (a->wait_avg, ==, b->wait_avg);
  g_assert_cmpint (a->wait_p90, ==, b->wait_p90);
  g_assert_cmpfloat (a->service_avg, ==, b->service_avg);
}

/* The cells of a line of the document's table, joined by "|". */
static char *
table_line (McReportDocument *doc, McQueueReportTable table, guint row)
{
  GString *line = g_string_new (NULL);

  for (guint c = 0; c < MC_QUEUE_REPORT_N_COLUMNS; c++)
    {
      const char *cell = mc_report_document_get_cell (doc, table, row, c);

      g_string_append_printf (line, "%s%s", c ? "|" : "", cell ? cell : "");
    }
  return g_string_free (line, FALSE);
}

/* Every grouping of one pass equals its own computation; the document
 * writes the fixture's figures as hand-computed, Vietnamese style: the 7th
 * at counter 2 — 10 taken, 8 served (80%), 2 absent, waits 60 … 3000 s:
 * average 8100 / 10 = 810 s = 13,5 minutes, p90 the 9th = 1500 s = 25
 * minutes, service 600 s = 10 minutes; the 8th's 2 never called. */

/* queue_stat_hour (migration 27) gives the figures the ticket rows give:
 * after every move (a call back-dated before its take, recalls, absent,
 * transfers to a counter and to a service while called and while served,
 * tickets across hours and days, one left waiting, one called, one being
 * served), each grouping's lines equal field for field, and the table
 * holds each ticket once, in its hour. */
static void
test_stats_rollup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueStatsAll) kept = NULL, scanned = NULL;
  McDate from = mc_test_date ("2026-12-01"), to = mc_test_date ("2026-12-31");
  McQueueTicket *t;

  make_stats_days (f);
  g_object_unref (take (f, f->a, MC_QUEUE_PRIORITY_ELDERLY, "2026-12-09 08:10"));
  g_object_unref (take (f, f->b, MC_QUEUE_PRIORITY_NONE, "2026-12-09 08:50"));
  g_object_unref (take (f, f->a, MC_QUEUE_PRIORITY_NONE, "2026-12-09 09:20"));
  g_object_unref (take (f, f->c, MC_QUEUE_PRIORITY_NONE, "2026-12-09 09:40"));
  g_object_unref (take (f, f->a, MC_QUEUE_PRIORITY_NONE, "2026-12-09 10:05"));
  /* Called "before" its take (a clock ahead): no wait, not a negative one. */
  t = mc_queue_call_next (f->queue, 1, mc_test_time ("2026-12-09 08:05"), &error);
  g_assert_no_error (error);
  g_clear_object (&t);
  t = mc_queue_recall (f->queue, 1, mc_test_time ("2026-12-09 08:20"), &error);
  g_clear_object (&t);
  t = mc_queue_transfer (f->queue, 1, 2, 0, mc_test_time ("2026-12-09 08:21"), &error);
  g_clear_object (&t);
  t = mc_queue_call_next (f->queue, 2, mc_test_time ("2026-12-09 08:30"), &error);
  g_clear_object (&t);
  t = mc_queue_serve (f->queue, 2, mc_test_time ("2026-12-09 08:31"), &error);
  g_clear_object (&t);
  t = mc_queue_transfer (f->queue, 2, 0, f->c, mc_test_time ("2026-12-09 08:40"), &error);
  g_clear_object (&t);
  t = mc_queue_call_next (f->queue, 3, mc_test_time ("2026-12-09 09:50"), &error);
  g_clear_object (&t);
  t = mc_queue_serve (f->queue, 3, mc_test_time ("2026-12-09 09:51"), &error);
  g_clear_object (&t);
  t = mc_queue_finish (f->queue, 3, mc_test_time ("2026-12-09 10:02"), &error);
  g_clear_object (&t);
  t = mc_queue_call_next (f->queue, 1, mc_test_time ("2026-12-09 10:10"), &error);
  g_clear_object (&t);
  t = mc_queue_skip (f->queue, 1, mc_test_time ("2026-12-09 10:12"), &error);
  g_clear_object (&t);
  t = mc_queue_call_next (f->queue, 2, mc_test_time ("2026-12-09 10:20"), &error);
  g_clear_object (&t);
  t = mc_queue_serve (f->queue, 2, mc_test_time ("2026-12-09 10:21"), &error);
  g_clear_object (&t);
  t = mc_queue_call_next (f->queue, 1, mc_test_time ("2026-12-09 10:30"), &error);
  g_clear_object (&t);
  g_assert_no_error (error);

  kept = mc_queue_stats_all (f->queue, from, to, &error);
  g_assert_no_error (error);
  scanned = mc_queue_stats_all_scan (f->queue, from, to, &error);
  g_assert_no_error (error);
  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    {
      g_assert_cmpuint (kept->rows[by]->len, ==, scanned->rows[by]->len);
      for (guint i = 0; i < kept->rows[by]->len; i++)
        assert_same_row (kept->rows[by]->pdata[i], scanned->rows[by]->pdata[i]);
    }
  g_assert_cmpint (mc_queue_stats_all_total (kept)->issued, ==, 17);
  /* Every state is there, and each ticket is in one hour's text once. */
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (DISTINCT state) FROM queue_ticket", NULL), ==, 5);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT sum (length (tickets) - length (replace (tickets, ';', '')) + 1) "
                                           "FROM queue_stat_hour WHERE tickets <> ''", NULL), ==, 17);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM queue_stat_hour", NULL), ==,
                   mc_db_query_int (f->db, "SELECT count (*) FROM (SELECT DISTINCT day, (taken_at + 25200) / 3600 % 24 "
                                           "FROM queue_ticket) h", NULL));
}

static void
test_stats_report (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueStatsAll) all = NULL;
  g_autoptr(McReportDocument) doc = NULL;
  g_autofree char *json = NULL, *summary = NULL;
  McDate from = mc_test_date ("2026-12-01"), to = mc_test_date ("2026-12-31");

  /* The unit the document is issued by, and its staff. */
  mc_test_install_routing (f->db);
  make_stats_days (f);
  all = mc_queue_stats_all (f->queue, from, to, &error);
  g_assert_no_error (error);
  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    {
      g_autoptr(GPtrArray) alone = mc_queue_stats (f->queue, from, to, (McQueueStatsBy) by, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (alone->len, ==, all->rows[by]->len);
      for (guint i = 0; i < alone->len; i++)
        assert_same_row (alone->pdata[i], all->rows[by]->pdata[i]);
    }
  g_assert_cmpint (mc_queue_stats_all_total (all)->issued, ==, 12);

  doc = mc_queue_report_new (f->db, all, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_report_document_get_kind (doc), ==, MC_REPORT_DOC_QUEUE);
  g_assert_cmpuint (mc_report_document_get_n_tables (doc), ==, MC_QUEUE_REPORT_N_TABLES);
  g_assert_cmpstr (mc_report_document_get_text (doc, MC_REPORT_TEXT_SUBTITLE), ==,
                   "(Kỳ thống kê: tháng 12 năm 2026)");
  {
    g_autofree char *never = table_line (doc, MC_QUEUE_REPORT_TABLE_COUNTER, 0);
    g_autofree char *two = table_line (doc, MC_QUEUE_REPORT_TABLE_COUNTER, 1);
    g_autofree char *total = table_line (doc, MC_QUEUE_REPORT_TABLE_COUNTER, 2);
    g_autofree char *service = table_line (doc, MC_QUEUE_REPORT_TABLE_SERVICE, 0);
    g_autofree char *day = table_line (doc, MC_QUEUE_REPORT_TABLE_DAY, 0);
    g_autofree char *hour = table_line (doc, MC_QUEUE_REPORT_TABLE_HOUR, 0);

    g_assert_cmpstr (never, ==, "Chưa gọi|2|0|0|0%|||");
    g_assert_cmpstr (two, ==, "Quầy 2|10|8|2|80%|13,5|25|10");
    g_assert_cmpstr (total, ==, "Tổng cộng|12|8|2|66,7%|13,5|25|10");
    g_assert_cmpstr (service, ==, "Hộ tịch – Chứng thực|10|8|2|80%|13,5|25|10");
    g_assert_cmpstr (day, ==, "07/12/2026|10|8|2|80%|13,5|25|10");
    /* 8:00–8:45: waits 60, 120, 180, 240 s, all four served. */
    g_assert_cmpstr (hour, ==, "08:00 – 09:00|4|4|0|100%|2,5|4|10");
  }
  summary = mc_queue_report_summary (mc_queue_stats_all_total (all));
  g_assert_cmpstr (summary, ==, "12 lượt lấy số, 8 lượt đã phục vụ (66,7%), 2 lượt vắng mặt; chờ trung bình 13,5 "
                                "phút, 90% không quá 25 phút; phục vụ trung bình 10 phút.");
  json = mc_queue_stats_all_to_json (all);
  mc_test_assert_has (json, "\"total\": {\"name\": ");
  mc_test_assert_has (json, "\"issued\": 12, \"served\": 8, \"absent\": 2, \"wait_avg_s\": 810.0, "
                            "\"wait_p90_s\": 1500.0, \"service_avg_s\": 600.0}");
  mc_test_assert_has (json, "{\"name\": \"2026-12-08\", \"issued\": 2, \"served\": 0, \"absent\": 0, "
                            "\"wait_avg_s\": null");
}

static void
test_report_period (void)
{
  static const struct { const char *from, *to, *text; } cases[] = {
    { "2026-12-07", "2026-12-07", "ngày 07/12/2026" },
    { "2026-02-01", "2026-02-28", "tháng 2 năm 2026" },
    { "2026-10-01", "2026-12-31", "quý IV năm 2026" },
    { "2026-01-01", "2026-12-31", "năm 2026" },
    { "2026-12-01", "2026-12-15", "từ ngày 01/12/2026 đến ngày 15/12/2026" },
    { "2026-11-01", "2027-01-31", "từ ngày 01/11/2026 đến ngày 31/01/2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mc_queue_report_period_text (mc_test_date (cases[i].from), mc_test_date (cases[i].to));

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The document is for those who see Tổng quan; a counter clerk is refused. */
static void
test_stats_report_rights (void)
{
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(McQueueStatsAll) all = NULL;
  g_autoptr(McReportDocument) doc = NULL;

  mc_test_routing_set_up (&r);
  queue = mc_queue_new (r.db);
  accounts = mc_accounts_new (r.db);
  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị", "motcua2026", &error));
  mc_db_set_actor (r.db, mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL));
  all = mc_queue_stats_all (queue, mc_test_date ("2026-12-01"), mc_test_date ("2026-12-31"), &error);
  g_assert_no_error (error);
  g_assert_null (mc_queue_report_new (r.db, all, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  mc_db_set_actor (r.db, mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'pct.nga'", NULL));
  doc = mc_queue_report_new (r.db, all, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_clear_object (&doc);
  g_clear_object (&queue);
  g_clear_object (&accounts);
  mc_test_routing_tear_down (&r);
}

/* Once an administrator exists: services and counters are theirs, calls a
 * reception clerk's; a ticket needs nobody. */
static void
test_rights (void)
{
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(McQueueService) s = NULL;
  g_autoptr(McQueueTicket) t = NULL;
  gint64 duc;

  mc_test_routing_set_up (&r);
  queue = mc_queue_new (r.db);
  s = mc_queue_add_service (queue, "Hộ tịch", "A", 1, 99, &error);
  g_assert_no_error (error);
  add_counter (queue, 1, &s->id, 1);
  accounts = mc_accounts_new (r.db);
  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị", "motcua2026", &error));
  g_assert_null (mc_queue_add_service (queue, "Đất đai", "B", 1, 99, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_SIGN_IN);
  g_clear_error (&error);
  t = mc_queue_take (queue, s->id, MC_QUEUE_PRIORITY_DISABLED, mc_time_now (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_queue_ticket_get_priority (t), ==, MC_QUEUE_PRIORITY_DISABLED);
  duc = mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'cv.duc'", NULL);
  mc_db_set_actor (r.db, duc);
  g_assert_null (mc_queue_call_next (queue, 1, mc_time_now (), &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (mc_queue_update_counter (queue, 1, "Quầy một", NULL, 0, TRUE, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_clear_object (&queue);
  g_clear_object (&accounts);
  mc_test_routing_tear_down (&r);
}


/* A clerk's own day (the queue bar's "Hôm nay của tôi", `queue mine`):
 * tn.lan calls A001 (waited 5 min, served 10), A002 (absent after 19
 * min), A003 (23 min, served 4); another clerk's A004 is not hers; two
 * ratings, 5 and 3; another day's ticket not counted. */
static void
test_clerk_day (void)
{
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueue) queue = NULL;
  g_autofree char *text = NULL;
  McQueueClerkDay d;
  McTime t0 = mc_test_time ("2026-12-07 08:00");
  McDate day = mc_time_get_date (t0);
  gint64 a, lan, hung, nga;
  gint64 ids[4];
  static const struct { int counter; const char *action; int minute; } moves[] = {
    { 1, "call", 5 }, { 1, "serve", 6 }, { 1, "finish", 16 }, { 1, "call", 20 }, { 1, "skip", 22 },
    { 1, "call", 25 }, { 1, "serve", 26 }, { 1, "finish", 30 },
  };

  mc_test_routing_set_up (&r);
  mc_test_add_staff (r.db, "tn.hung", "Nguyễn Văn Hùng", "TTPV", "tiep_nhan");
  queue = mc_queue_new (r.db);
  a = add_service (queue, "Hộ tịch – Chứng thực", "A", 1, 999);
  add_counter (queue, 1, &a, 1);
  add_counter (queue, 2, &a, 1);
  lan = mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL);
  hung = mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'tn.hung'", NULL);
  nga = mc_db_query_int (r.db, "SELECT id FROM staff WHERE username = 'pct.nga'", NULL);
  /* Nothing yet. */
  mc_db_set_actor (r.db, lan);
  g_assert_true (mc_queue_clerk_day (queue, lan, day, &d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d.called, ==, 0);
  text = mc_queue_clerk_day_describe (&d);
  g_assert_cmpstr (text, ==, "Hôm nay chưa gọi số nào");
  g_clear_pointer (&text, g_free);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(McQueueTicket) t = mc_queue_take (queue, a, MC_QUEUE_PRIORITY_NONE, t0 + i * 60, &error);
      g_assert_no_error (error);
      ids[i] = mc_queue_ticket_get_id (t);
    }
  /* Yesterday's ticket of hers does not count today. */
  g_object_unref (mc_queue_take (queue, a, MC_QUEUE_PRIORITY_NONE, t0 - 86400, &error));
  g_object_unref (mc_queue_call_next (queue, 1, t0 - 86400 + 60, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      McTime at = t0 + moves[i].minute * 60;
      McQueueTicket *t = g_str_equal (moves[i].action, "call") ? mc_queue_call_next (queue, 1, at, &error)
                       : g_str_equal (moves[i].action, "serve") ? mc_queue_serve (queue, 1, at, &error)
                       : g_str_equal (moves[i].action, "finish") ? mc_queue_finish (queue, 1, at, &error)
                       : mc_queue_skip (queue, 1, at, &error);
      g_assert_no_error (error);
      g_clear_object (&t);
    }
  mc_db_set_actor (r.db, hung);
  g_object_unref (mc_queue_call_next (queue, 2, t0 + 31 * 60, &error));
  g_object_unref (mc_queue_serve (queue, 2, t0 + 32 * 60, &error));
  g_object_unref (mc_queue_finish (queue, 2, t0 + 40 * 60, &error));
  g_assert_no_error (error);
  g_assert_true (mc_queue_rate (queue, ids[0], 5, t0 + 17 * 60, &error));
  g_assert_true (mc_queue_rate (queue, ids[2], 3, t0 + 31 * 60, &error));
  g_assert_true (mc_queue_rate (queue, ids[3], 1, t0 + 41 * 60, &error));
  g_assert_no_error (error);

  mc_db_set_actor (r.db, lan);
  g_assert_true (mc_queue_clerk_day (queue, lan, day, &d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d.called, ==, 3);
  g_assert_cmpint (d.served, ==, 2);
  g_assert_cmpint (d.absent, ==, 1);
  g_assert_cmpfloat_with_epsilon (d.wait_avg, (300 + 1140 + 1380) / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (d.service_avg, (600 + 240) / 2.0, 1e-9);
  g_assert_cmpint (d.ratings, ==, 2);
  g_assert_cmpint (d.levels[4], ==, 1);
  g_assert_cmpint (d.levels[2], ==, 1);
  g_assert_cmpint (d.levels[0], ==, 0);
  g_assert_cmpfloat_with_epsilon (d.rating_avg, 4.0, 1e-9);
  text = mc_queue_clerk_day_describe (&d);
  g_assert_cmpstr (text, ==, "Đã phục vụ 2 lượt công dân, 1 lượt vắng mặt\n"
                             "Thời gian phục vụ trung bình: 7 phút\nCông dân đã chờ trung bình 15,7 phút\n"
                             "Được đánh giá 2 lượt, trung bình 4/5\n  Rất hài lòng: 1\n  Bình thường: 1");
  /* Another's day, once accounts are enforced: a leader sees it, a clerk does not. */
  {
    g_autoptr(McAccounts) accounts = mc_accounts_new (r.db);

    g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị", "motcua2026", &error));
    g_assert_no_error (error);
  }
  mc_db_set_actor (r.db, lan);
  g_assert_false (mc_queue_clerk_day (queue, hung, day, &d, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  mc_db_set_actor (r.db, nga);
  g_assert_true (mc_queue_clerk_day (queue, hung, day, &d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d.served, ==, 1);
  g_assert_cmpfloat (d.rating_avg, ==, 1.0);
  mc_test_routing_tear_down (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mc_test_use_vietnamese ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/queue/services", test_services);
  ADD ("/queue/numbering", test_numbering);
  ADD ("/queue/concurrent", test_concurrent);
  ADD ("/queue/priority-first", test_priority_first);
  ADD ("/queue/priority-every", test_priority_every);
  ADD ("/queue/priority-none", test_priority_none);
  ADD ("/queue/state-machine", test_state_machine);
  ADD ("/queue/stats", test_stats);
  ADD ("/queue/rating", test_rating);
  ADD ("/queue/stats-report", test_stats_report);
  ADD ("/queue/stats-rollup", test_stats_rollup);
  g_test_add_func ("/queue/report-period", test_report_period);
  g_test_add_func ("/queue/stats-report-rights", test_stats_report_rights);
  g_test_add_func ("/queue/state-table", test_state_table);
  g_test_add_func ("/queue/dossier-link", test_dossier_link);
  g_test_add_func ("/queue/clerk-day", test_clerk_day);
  g_test_add_func ("/queue/rating-dossier", test_rating_dossier);
  g_test_add_func ("/queue/rights", test_rights);
  return g_test_run ();
}
