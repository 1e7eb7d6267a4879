/* test-kiosk.c — the ticket kiosk's core: the estimated wait (the rule with
 * figures, and its inputs read from a day of tickets), the masked dossier
 * look-up, the kiosk mode's refusals, two kiosks taking numbers at once
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-accounts.h"
#include "mc-kiosk.h"
#include "mc-privacy.h"
#include "mc-settings.h"
#include "mc-test-utils.h"

#define LAND "1.012812"  /* 23 working days (mc_test_install_routing) */

/* ---- the rule ---------------------------------------------------------- */

static void
test_wait_rule (void)
{
  static const struct {
    int    ahead;
    gint64 average;
    int    open;
    gint64 expected;
    const char *words;
  } cases[] = {
    { 0, 420, 2, 0, "sắp đến lượt" },          /* nobody ahead: next, whatever the data */
    { 0, -1, 0, 0, "sắp đến lượt" },
    { 1, 300, 1, 300, "khoảng 5 phút" },
    { 7, 360, 2, 1440, "khoảng 24 phút" },     /* ceil (7 / 2) = 4 rounds × 6 min */
    { 8, 360, 2, 1440, "khoảng 24 phút" },     /* 4 rounds too */
    { 5, 420, 2, 1260, "khoảng 21 phút" },
    { 3, 90, 3, 90, "khoảng 2 phút" },         /* up to the minute */
    { 12, 600, 2, 3600, "khoảng 1 giờ" },
    { 13, 600, 2, 4200, "khoảng 1 giờ 10 phút" },
    { 5, -1, 2, -1, "đang cập nhật" },         /* no ticket of the service done yet today */
    { 5, 420, 0, -1, "đang cập nhật" },        /* no counter of it open today */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 wait = mc_kiosk_wait_rule (cases[i].ahead, cases[i].average, cases[i].open);
      g_autofree char *words = mc_kiosk_format_wait (wait);

      g_assert_cmpint (wait, ==, cases[i].expected);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

/* ---- the inputs, from a day of tickets ---------------------------------- */

typedef struct {
  McDb    *db;
  McQueue *queue;
  gint64   a, c;
} Fixture;

static gint64
add_service (McQueue *queue, const char *name, const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueService) s = mc_queue_add_service (queue, name, prefix, 1, 999, &error);

  g_assert_no_error (error);
  return s->id;
}

static void
add_counter (McQueue *queue, int number, gint64 service)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Quầy %d", number);
  g_autoptr(McQueueCounter) c = mc_queue_add_counter (queue, number, name, &service, 1, &error);

  g_assert_no_error (error);
}

/* Counters 1, 2 and 4 call A (4 stays unstaffed), counter 3 calls C. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->db = mc_test_db_new ();
  f->queue = mc_queue_new (f->db);
  f->a = add_service (f->queue, "Hộ tịch – Chứng thực", "A");
  f->c = add_service (f->queue, "Đất đai", "C");
  add_counter (f->queue, 1, f->a);
  add_counter (f->queue, 2, f->a);
  add_counter (f->queue, 3, f->c);
  add_counter (f->queue, 4, f->a);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->queue);
  g_clear_object (&f->db);
}

static McQueueTicket *
take (Fixture *f, gint64 service, const char *at)
{
  g_autoptr(GError) error = NULL;
  McQueueTicket *t = mc_queue_take (f->queue, service, MC_QUEUE_PRIORITY_NONE, mc_test_time (at), &error);

  g_assert_no_error (error);
  return t;
}

/* The counter calls its next ticket, serves it from `serve` to `done`. */
static void
serve (Fixture *f, int counter, const char *serve_at, const char *done_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) called = mc_queue_call_next (f->queue, counter, mc_test_time (serve_at), &error);
  g_autoptr(McQueueTicket) served = NULL, done = NULL;

  g_assert_no_error (error);
  served = mc_queue_serve (f->queue, counter, mc_test_time (serve_at), &error);
  g_assert_no_error (error);
  done = mc_queue_finish (f->queue, counter, mc_test_time (done_at), &error);
  g_assert_no_error (error);
}

static void
test_wait_inputs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) last = NULL, first = NULL;
  g_autoptr(McKioskTicket) k = NULL;
  gint64 average;
  int open;

  first = take (f, f->a, "2026-12-07 08:00");
  /* Nothing done yet: the first ticket says "đang cập nhật", not a guess. */
  g_assert_true (mc_kiosk_wait_inputs (f->queue, first, &average, &open, &error));
  g_assert_no_error (error);
  g_assert_cmpint (average, ==, -1);
  g_assert_cmpint (open, ==, 0);
  for (int i = 1; i < 8; i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-12-07 08:%02d", i);

      g_object_unref (take (f, f->a, at));
    }
  g_object_unref (take (f, f->c, "2026-12-07 08:00"));
  /* A001 6 minutes at counter 1, A002 8 minutes at counter 2; C001 at
   * counter 3 (another service: 30 minutes, not counted). */
  serve (f, 1, "2026-12-07 09:00", "2026-12-07 09:06");
  serve (f, 2, "2026-12-07 09:01", "2026-12-07 09:09");
  serve (f, 3, "2026-12-07 09:00", "2026-12-07 09:30");
  last = take (f, f->a, "2026-12-07 09:10");
  g_assert_true (mc_kiosk_wait_inputs (f->queue, last, &average, &open, &error));
  g_assert_cmpint (average, ==, 420);   /* (360 + 480) / 2 */
  g_assert_cmpint (open, ==, 2);        /* counter 4 serves A but has called nobody today */
  k = mc_kiosk_ticket_new (f->queue, last, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (k->label, ==, "A009");
  g_assert_cmpint (k->ahead, ==, 6);    /* A003–A008 */
  g_assert_cmpint (k->wait_seconds, ==, 1260);  /* 3 rounds × 7 min */
  g_assert_cmpstr (k->service, ==, "Hộ tịch – Chứng thực");
  g_assert_cmpstr (k->qr, ==, "STT:A009;NGAY:2026-12-07;DV:1");
  g_assert_cmpint (mc_kiosk_count_waiting (f->queue, f->a, mc_test_date ("2026-12-07"), &error), ==, 7);
  g_assert_cmpint (mc_kiosk_count_waiting (f->queue, f->c, mc_test_date ("2026-12-07"), &error), ==, 0);
  /* The next day starts without data again. */
  {
    g_autoptr(McQueueTicket) t = take (f, f->a, "2026-12-08 08:00");

    g_assert_true (mc_kiosk_wait_inputs (f->queue, t, &average, &open, &error));
    g_assert_cmpint (average, ==, -1);
    g_assert_cmpint (open, ==, 0);
  }
}

/* ---- kiosk mode --------------------------------------------------------- */

static void
test_kiosk_mode (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) t = NULL, called = NULL;
  g_autoptr(McQueueService) s = NULL;
  g_autoptr(McAccounts) accounts = mc_accounts_new (f->db);
  g_autoptr(McStaff) staff = NULL;

  g_object_unref (take (f, f->a, "2026-12-07 08:00"));
  mc_db_set_kiosk (f->db);
  g_assert_true (mc_db_is_kiosk (f->db));
  /* What it is for. */
  t = take (f, f->a, "2026-12-07 08:01");
  g_assert_cmpstr (mc_queue_ticket_get_label (t), ==, "A002");
  /* Nothing else, though no account exists yet (which lets anyone else). */
  called = mc_queue_call_next (f->queue, 1, mc_test_time ("2026-12-07 08:02"), &error);
  g_assert_null (called);
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==, "Máy lấy số chỉ cấp số thứ tự và tra cứu hồ sơ");
  g_clear_error (&error);
  s = mc_queue_add_service (f->queue, "Đăng ký doanh nghiệp", "B", 1, 99, &error);
  g_assert_null (s);
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (mc_settings_set (f->db, MC_QUEUE_PRIORITY_RULE_KEY, MC_QUEUE_RULE_NONE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  staff = mc_accounts_sign_in (accounts, "admin", "motcua2026", &error);
  g_assert_null (staff);
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  /* Nothing was written by the refusals. */
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM queue_ticket WHERE state <> 'waiting'", NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM queue_service", NULL), ==, 2);
}

/* Two kiosks, each its own kiosk-mode connection, taking at once. */
#define TAKES 40

static gpointer
kiosk_takes (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (data, NULL, &error);
  g_autoptr(McQueue) queue = NULL;

  g_assert_no_error (error);
  mc_db_set_kiosk (db);
  queue = mc_queue_new (db);
  for (int i = 0; i < TAKES; i++)
    {
      g_autoptr(McQueueTicket) t = mc_queue_take (queue, 1, MC_QUEUE_PRIORITY_NONE,
                                                  mc_test_time ("2026-12-07 08:00") + i, &error);

      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_two_kiosks (Fixture *f, gconstpointer data)
{
  GThread *one = g_thread_new ("kiosk-1", kiosk_takes, (gpointer) mc_db_get_path (f->db));
  GThread *two = g_thread_new ("kiosk-2", kiosk_takes, (gpointer) mc_db_get_path (f->db));

  g_thread_join (one);
  g_thread_join (two);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (DISTINCT label) FROM queue_ticket", NULL), ==, 2 * TAKES);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT max (number) FROM queue_ticket", NULL), ==, 2 * TAKES);
}

/* ---- the look-up --------------------------------------------------------- */

static void
test_lookup (void)
{
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  McAction refusal = mc_test_action ("2026-03-03 09:00", NULL, "Thiếu giấy tờ");
  g_autofree char *refused = NULL;

  mc_test_routing_set_up (&r);
  code = mc_test_receive (r.store, LAND, "Nguyễn Văn An", "2026-03-02 08:00", &error);
  g_assert_no_error (error);
  /* Found not qualified the next day: closed "early" for the reports. */
  refused = mc_test_receive (r.store, LAND, "Trần Thị Bình", "2026-03-02 08:30", &error);
  g_assert_no_error (error);
  g_assert_true (mc_workflow_transfer (r.wf, refused, &refusal, NULL, NULL, &error));
  refusal.at += 3600;
  g_assert_true (mc_workflow_unqualified (r.wf, refused, &refusal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (r.db, "SELECT count (*) FROM dossier WHERE state = 'unqualified' "
                                    "AND timeliness = 'early'", NULL), ==, 1);
  mc_db_set_kiosk (r.db);
  {
    g_autoptr(McKioskDossier) d = mc_kiosk_lookup (r.db, code, mc_test_time ("2026-03-10 09:00"), &error);
    g_autofree char *flat = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (d->code, ==, code);
    g_assert_cmpstr (d->applicant, ==, "Nguyễn V. A.");
    g_assert_cmpstr (d->state, ==, "received");
    g_assert_cmpint (d->received_at, ==, mc_test_time ("2026-03-02 08:00"));
    g_assert_cmpint (d->appointment, >, mc_test_time ("2026-03-31 00:00"));
    g_assert_cmpint (d->timeliness, ==, MC_KIOSK_IN_TIME);
    g_assert_cmpstr (mc_kiosk_timeliness_label (d->timeliness), ==, "Trong hạn");
    g_assert_cmpint (d->finished_at, ==, 0);
    /* Nothing of the person beyond the masked name, whatever field. */
    flat = g_strjoin ("|", d->code, d->applicant, d->procedure, d->state, NULL);
    g_assert_null (strstr (flat, "Văn An"));
    g_assert_null (strstr (flat, "038085012345"));
    g_assert_null (strstr (flat, "0912345678"));
    g_assert_null (strstr (flat, "Trần Phú"));
  }
  {
    /* The tail typed on the keypad, with a space and the scanner's Enter. */
    const char *tail = strchr (code, '-') + 1;
    g_autofree char *typed = g_strdup_printf (" %s\n", tail);
    g_autoptr(McKioskDossier) d = mc_kiosk_lookup (r.db, typed, mc_test_time ("2026-05-04 09:00"), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (d->code, ==, code);
    g_assert_cmpint (d->timeliness, ==, MC_KIOSK_OVERDUE);
  }
  {
    /* The citizen reads the state, not "settled before the appointment". */
    g_autoptr(McKioskDossier) d = mc_kiosk_lookup (r.db, refused, mc_test_time ("2026-03-10 09:00"), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (d->state, ==, "unqualified");
    g_assert_cmpint (d->timeliness, ==, MC_KIOSK_SETTLED);
  }
  g_assert_null (mc_kiosk_lookup (r.db, "000.00.06.H56-260302-9999", mc_test_time ("2026-03-10 09:00"), &error));
  g_assert_error (error, MC_KIOSK_ERROR, MC_KIOSK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Không tìm thấy hồ sơ có mã “000.00.06.H56-260302-9999”"));
  g_clear_error (&error);
  g_assert_null (mc_kiosk_lookup (r.db, "xin chào!", mc_test_time ("2026-03-10 09:00"), &error));
  g_assert_error (error, MC_KIOSK_ERROR, MC_KIOSK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mc_kiosk_lookup (r.db, "", mc_test_time ("2026-03-10 09:00"), &error));
  g_assert_error (error, MC_KIOSK_ERROR, MC_KIOSK_ERROR_INVALID);
  mc_test_routing_tear_down (&r);
}

/* argv from a command line of words. */
static gboolean
wanted (const char *line, const char **db)
{
  g_auto(GStrv) argv = g_strsplit (line, " ", -1);

  *db = NULL;
  if (!mc_kiosk_window_wanted ((int) g_strv_length (argv), argv, db))
    return FALSE;
  /* The value points into argv: kept as the test's own copy. */
  *db = *db ? g_intern_string (*db) : NULL;
  return TRUE;
}

static void
test_window_wanted (void)
{
  const char *db = NULL;

  g_assert_true (wanted ("motcua kiosk", &db));
  g_assert_null (db);
  g_assert_true (wanted ("motcua --db x.sqlite kiosk", &db));
  g_assert_cmpstr (db, ==, "x.sqlite");
  g_assert_true (wanted ("motcua --db=y.sqlite kiosk", &db));
  g_assert_cmpstr (db, ==, "y.sqlite");
  g_assert_false (wanted ("motcua kiosk lookup X", &db));
  g_assert_false (wanted ("motcua kiosk --help", &db));
  g_assert_false (wanted ("motcua liveboard", &db));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mc_test_use_vietnamese ();
  g_test_add_func ("/kiosk/wait-rule", test_wait_rule);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kiosk/wait-inputs", test_wait_inputs);
  ADD ("/kiosk/mode", test_kiosk_mode);
  ADD ("/kiosk/two-kiosks", test_two_kiosks);
  g_test_add_func ("/kiosk/lookup", test_lookup);
  g_test_add_func ("/kiosk/window-wanted", test_window_wanted);
  return g_test_run ();
}
