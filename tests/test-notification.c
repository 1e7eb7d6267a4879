/* test-notification.c — the bell's notifications: each kind from its event,
 * the overdue check run twice, one person's apart from another's, read/unread
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-notification-store.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

/* Hòa giải tranh chấp đất đai: TTPV 0,5 → KT chuyên viên 23 → KT lãnh đạo 3
 * → VP lãnh đạo UBND 3 → VP văn thư 0,5 working days. */
#define LAND "1.012812"
/* Đăng ký khai sinh: 0,5 working day, TTPV → VP → VP. */
#define BIRTH "1.001193"

typedef McTestRouting Fixture;

#define OK(call)                        \
  G_STMT_START {                        \
    g_autoptr(GError) error_ = NULL;    \
    gboolean ok_ = (call);              \
    g_assert_no_error (error_);         \
    g_assert_true (ok_);                \
  } G_STMT_END
#define E (&error_)

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  mc_test_routing_set_up (f);
  /* A specialist of another department, who must see nothing of KT's. */
  mc_test_add_staff (f->db, "cv.tuan", "Nguyễn Minh Tuấn", "VP", "chuyen_vien");
  mc_test_add_staff (f->db, "ct.son", "Phạm Văn Sơn", "VP", "lanh_dao_ubnd");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  mc_test_routing_tear_down (f);
}

static void
act_as (Fixture *f, const char *username)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mc_db_lookup_id (f->db, "staff", "username", username, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  mc_db_set_actor (f->db, id);
}

/* The person's notifications, newest first. */
static GPtrArray *
list_of (Fixture *f, const char *username, gboolean unread_only, guint *total)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  act_as (f, username);
  items = mc_notification_list (f->db, unread_only, MC_NOTIFICATION_LIST_MAX, total, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static guint
unread_of (Fixture *f, const char *username)
{
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;

  act_as (f, username);
  g_assert_true (mc_notification_count_unread (f->db, &n, &error));
  g_assert_no_error (error);
  return n;
}

static guint
count_kind (Fixture *f, const char *username, McNotificationKind kind)
{
  g_autoptr(GPtrArray) items = list_of (f, username, FALSE, NULL);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += mc_notification_get_kind (items->pdata[i]) == kind;
  return n;
}

static char *
receive (Fixture *f, const char *procedure, const char *at)
{
  g_autoptr(GError) error = NULL;
  char *code = mc_test_receive (f->store, procedure, "Nguyễn Văn An", at, &error);

  g_assert_no_error (error);
  return code;
}

/* A land dossier at KT's specialist cv.duc (step 2), accepted by him. */
static char *
land_at_cv_duc (Fixture *f)
{
  char *code = receive (f, LAND, "2026-03-02 08:00");
  McAction a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);

  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "cv.duc", E));
  a = mc_test_action ("2026-03-02 10:00", "cv.duc", NULL);
  OK (mc_workflow_accept (f->wf, code, &a, E));
  return code;
}

/* Handed to a named person: that person is told, with the code, the
 * procedure and who handed it; a hand-over to a department alone, or
 * one's own acceptance, tells nobody. */
static void
test_assigned (Fixture *f, gconstpointer data)
{
  g_autofree char *code = land_at_cv_duc (f);
  g_autofree char *other = receive (f, LAND, "2026-03-02 08:30");
  g_autoptr(GPtrArray) items = NULL;
  McNotification *n;
  McAction a = mc_test_action ("2026-03-02 09:30", "tn.lan", NULL);

  OK (mc_workflow_transfer (f->wf, other, &a, NULL, NULL, E));  /* to KT, nobody named */
  items = list_of (f, "cv.duc", FALSE, NULL);
  g_assert_cmpuint (items->len, ==, 1);
  n = items->pdata[0];
  g_assert_cmpint (mc_notification_get_kind (n), ==, MC_NOTIFICATION_ASSIGNED);
  g_assert_cmpstr (mc_notification_get_dossier_code (n), ==, code);
  g_assert_cmpstr (mc_notification_get_by_name (n), ==, "Lê Thị Lan");
  g_assert_cmpint (mc_notification_get_at (n), ==, mc_test_time ("2026-03-02 09:00"));
  g_assert_false (mc_notification_get_read (n));
  g_assert_cmpstr (mc_notification_get_procedure_name (n), !=, NULL);
  g_assert_nonnull (strstr (mc_notification_get_text (n), code));
  g_assert_nonnull (strstr (mc_notification_get_text (n), mc_notification_get_procedure_name (n)));
  g_assert_cmpstr (mc_notification_get_icon_name (n), ==, "document-send-symbolic");
  /* Nobody else was told anything; the accepting specialist not twice. */
  g_assert_cmpuint (unread_of (f, "tp.quang"), ==, 0);
  g_assert_cmpuint (unread_of (f, "tn.lan"), ==, 0);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count(*) FROM notification", NULL), ==, 1);
}

/* Sent back from the head's step to the specialist's: whoever worked that
 * step (cv.duc, who sent it on) is told; the sender is not. */
static void
test_returned (Fixture *f, gconstpointer data)
{
  g_autofree char *code = land_at_cv_duc (f);
  McAction a = mc_test_action ("2026-03-03 08:00", "cv.duc", NULL);

  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "tp.quang", E));
  g_assert_cmpuint (count_kind (f, "tp.quang", MC_NOTIFICATION_ASSIGNED), ==, 1);
  a = mc_test_action ("2026-03-04 08:00", "tp.quang", "Thiếu biên bản xác minh");
  OK (mc_workflow_send_back (f->wf, code, &a, E));
  g_assert_cmpuint (count_kind (f, "cv.duc", MC_NOTIFICATION_RETURNED), ==, 1);
  g_assert_cmpuint (count_kind (f, "tp.quang", MC_NOTIFICATION_RETURNED), ==, 0);
  {
    g_autoptr(GPtrArray) items = list_of (f, "cv.duc", FALSE, NULL);
    McNotification *newest = items->pdata[0];

    g_assert_cmpint (mc_notification_get_kind (newest), ==, MC_NOTIFICATION_RETURNED);
    g_assert_cmpstr (mc_notification_get_by_name (newest), ==, "Trần Quang Huy");
  }
}

/* An apology recorded by a head waits for the unit's leaders' signature
 * (both leaders told); one a leader records, that leader signs: nobody. */
static void
test_apology (Fixture *f, gconstpointer data)
{
  g_autofree char *one = land_at_cv_duc (f);
  g_autofree char *two = land_at_cv_duc (f);
  McTime suggested;
  McAction a = mc_test_action ("2026-03-05 08:00", "tp.quang", "Cần xác minh thêm");

  OK (mc_workflow_suggest_new_due (f->wf, one, a.at, &suggested, E));
  OK (mc_workflow_apologize (f->wf, one, &a, "KT", "cv.duc", suggested, NULL, E));
  g_assert_cmpuint (count_kind (f, "pct.nga", MC_NOTIFICATION_APOLOGY), ==, 1);
  g_assert_cmpuint (count_kind (f, "ct.son", MC_NOTIFICATION_APOLOGY), ==, 1);
  g_assert_cmpuint (count_kind (f, "tp.quang", MC_NOTIFICATION_APOLOGY), ==, 0);
  g_assert_cmpuint (count_kind (f, "cv.duc", MC_NOTIFICATION_APOLOGY), ==, 0);
  a = mc_test_action ("2026-03-05 09:00", "pct.nga", "Cần xác minh thêm");
  OK (mc_workflow_apologize (f->wf, two, &a, "KT", "cv.duc", suggested, NULL, E));
  g_assert_cmpuint (count_kind (f, "pct.nga", MC_NOTIFICATION_APOLOGY), ==, 1);
  g_assert_cmpuint (count_kind (f, "ct.son", MC_NOTIFICATION_APOLOGY), ==, 1);
}

/* A transition refused writes no notification (one transaction). */
static void
test_refused_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *code = receive (f, LAND, "2026-03-02 08:00");
  g_autoptr(GError) error = NULL;
  McAction a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);

  /* pct.nga is not in KT, where the next step is. */
  g_assert_false (mc_workflow_transfer (f->wf, code, &a, NULL, "pct.nga", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count(*) FROM notification", NULL), ==, 0);
}

/* The check at sign-in and every minute: one notification per dossier and
 * person however often it runs; the specialist holding it and KT's head
 * are told, a specialist of another department is not. */
static void
test_overdue_once (Fixture *f, gconstpointer data)
{
  g_autofree char *code = land_at_cv_duc (f);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) first = NULL, second = NULL, head = NULL, stranger = NULL, early = NULL;
  McTime due = mc_db_query_int (f->db, "SELECT appointment_at FROM dossier", NULL);

  act_as (f, "cv.duc");
  g_assert_true (mc_notification_check_overdue (f->db, due - 60, &early, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (early), ==, 0);
  g_assert_true (mc_notification_check_overdue (f->db, due + 60, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (first), ==, 1);
  g_assert_cmpstr (first[0], ==, code);
  g_assert_true (mc_notification_check_overdue (f->db, due + 120, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (second), ==, 0);
  g_assert_cmpuint (count_kind (f, "cv.duc", MC_NOTIFICATION_OVERDUE), ==, 1);
  {
    g_autoptr(GPtrArray) items = list_of (f, "cv.duc", FALSE, NULL);

    g_assert_cmpint (mc_notification_get_at (items->pdata[0]), ==, due);
  }

  act_as (f, "tp.quang");  /* KT's head: the department's */
  g_assert_true (mc_notification_check_overdue (f->db, due + 180, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (head), ==, 1);
  act_as (f, "cv.tuan");
  g_assert_true (mc_notification_check_overdue (f->db, due + 180, &stranger, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (stranger), ==, 0);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count(*) FROM notification WHERE kind = 'overdue'", NULL), ==, 2);
}

/* Beyond the look-back the check writes nothing (bounded at any size). */
static void
test_overdue_window (Fixture *f, gconstpointer data)
{
  g_autofree char *code = land_at_cv_duc (f);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) late = NULL;
  McTime due = mc_db_query_int (f->db, "SELECT appointment_at FROM dossier", NULL);

  act_as (f, "cv.duc");
  g_assert_true (mc_notification_check_overdue (f->db, due + (MC_NOTIFICATION_OVERDUE_DAYS + 1) * 24 * 3600,
                                                &late, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (late), ==, 0);
}

/* Read one, read all; another person's number is "not found" and changes
 * nothing; each sees only their own. */
static void
test_read_and_isolation (Fixture *f, gconstpointer data)
{
  g_autofree char *one = land_at_cv_duc (f);
  g_autofree char *two = land_at_cv_duc (f);
  g_autofree char *three = land_at_cv_duc (f);
  g_autoptr(GPtrArray) mine = list_of (f, "cv.duc", FALSE, NULL);
  g_autoptr(GPtrArray) unread = NULL;
  g_autoptr(GError) error = NULL;
  gint64 newest;
  guint total = 0, marked = 0;

  g_assert_cmpuint (mine->len, ==, 3);
  g_assert_cmpstr (mc_notification_get_dossier_code (mine->pdata[0]), ==, three);  /* newest first */
  newest = mc_notification_get_id (mine->pdata[0]);
  g_assert_cmpuint (unread_of (f, "cv.duc"), ==, 3);
  g_assert_cmpuint (unread_of (f, "cv.tuan"), ==, 0);
  g_assert_cmpuint (list_of (f, "cv.tuan", FALSE, NULL)->len, ==, 0);

  act_as (f, "cv.tuan");
  g_assert_false (mc_notification_mark_read (f->db, newest, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (mc_notification_mark_all_read (f->db, &marked, &error));
  g_assert_cmpuint (marked, ==, 0);
  g_assert_cmpuint (unread_of (f, "cv.duc"), ==, 3);

  act_as (f, "cv.duc");
  g_assert_true (mc_notification_mark_read (f->db, newest, &error));
  g_assert_no_error (error);
  g_assert_true (mc_notification_mark_read (f->db, newest, &error));  /* again: still read, no error */
  g_assert_no_error (error);
  g_assert_cmpuint (unread_of (f, "cv.duc"), ==, 2);
  unread = list_of (f, "cv.duc", TRUE, &total);
  g_assert_cmpuint (unread->len, ==, 2);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpstr (mc_notification_get_dossier_code (unread->pdata[0]), ==, two);
  g_assert_true (mc_notification_get_read (list_of (f, "cv.duc", FALSE, &total)->pdata[0]));
  g_assert_cmpuint (total, ==, 3);
  g_assert_true (mc_notification_mark_all_read (f->db, &marked, &error));
  g_assert_cmpuint (marked, ==, 2);
  g_assert_cmpuint (unread_of (f, "cv.duc"), ==, 0);
  (void) one;
}

/* The list is capped, the count is of all. */
static void
test_capped (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;
  gint64 duc = mc_db_lookup_id (f->db, "staff", "username", "cv.duc", NULL);
  g_autofree char *code = land_at_cv_duc (f);
  g_autofree char *sql = g_strdup_printf ("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 1200) "
                                          "INSERT INTO notification (staff_id, kind, dossier_id, at) "
                                          "SELECT %" G_GINT64_FORMAT ", 'assigned', (SELECT id FROM dossier), i FROM k",
                                          duc);

  g_assert_true (mc_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  act_as (f, "cv.duc");
  items = mc_notification_list (f->db, FALSE, MC_NOTIFICATION_LIST_MAX, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, MC_NOTIFICATION_LIST_MAX);
  g_assert_cmpuint (total, ==, 1201);
  g_assert_cmpuint (unread_of (f, "cv.duc"), ==, MC_NOTIFICATION_COUNT_MAX);
  (void) code;
}

static void
count_cb (GListModel *model, guint position, guint removed, guint added, guint *calls)
{
  (*calls)++;
}

/* The bell's model follows McChanges: a notification written appears, one
 * read notifies "read" on the same object. */
static void
test_model (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(McNotification) first = NULL;
  g_autofree char *code = NULL;
  guint calls = 0;

  act_as (f, "cv.duc");
  model = mc_notification_list_model (f->db, MC_NOTIFICATION_LIST_MAX, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_cb), &calls);
  mc_db_set_actor (f->db, 0);  /* the counter receives; the reload after the commit is cv.duc's again */
  code = land_at_cv_duc (f);
  act_as (f, "cv.duc");
  while (calls == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_false (mc_notification_get_read (first));
  g_assert_true (mc_notification_mark_read (f->db, mc_notification_get_id (first), &error));
  while (!mc_notification_get_read (first))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
}

static int
collect_cb (unsigned type, void *data, void *stmt, void *x)
{
  char *sql = sqlite3_expanded_sql (stmt);

  /* The bell's reads and the check's (not the audit trail's or the sign-in's). */
  if (sql != NULL && g_str_has_prefix (sql, "SELECT") &&
      (strstr (sql, "FROM notification") != NULL || strstr (sql, "FROM dossier d") != NULL))
    g_ptr_array_add (data, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

/* Every read of the bell and the overdue check seeks by an index: no
 * scan of notification or dossier, no sort (bounded at any size). */
static void
test_bounded_plans (Fixture *f, gconstpointer data)
{
  if (mc_test_sqlite_only ("SQLite's trace and EXPLAIN QUERY PLAN"))
    return;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = land_at_cv_duc (f);
  McTime due = mc_db_query_int (f->db, "SELECT appointment_at FROM dossier", NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  sqlite3_trace_v2 (mc_db_get_handle (f->db), SQLITE_TRACE_STMT, collect_cb, statements);
  act_as (f, "tp.quang");
  g_assert_true (mc_notification_check_overdue (f->db, due + 60, NULL, &error));
  g_assert_true (mc_notification_count_unread (f->db, &n, &error));
  g_ptr_array_unref (mc_notification_list (f->db, FALSE, MC_NOTIFICATION_LIST_MAX, &n, &error));
  g_ptr_array_unref (mc_notification_list (f->db, TRUE, MC_NOTIFICATION_LIST_MAX, &n, &error));
  g_assert_no_error (error);
  sqlite3_trace_v2 (mc_db_get_handle (f->db), 0, NULL, NULL);
  g_assert_cmpuint (statements->len, ==, 7);  /* overdue ×2, unread, (count, list) ×2 */
  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN %s", (char *) statements->pdata[i]);
      McSqlStmt *stmt = mc_db_prepare (f->db, sql, &error);

      g_assert_no_error (error);
      while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
        {
          const char *detail = mc_sql_column_text (stmt, 3);

          g_test_message ("%s\n  %s", (char *) statements->pdata[i], detail);
          /* The unread count's outer scan is of its own subquery, aliased `unread` (PostgreSQL wants the alias). */
          g_assert_false (g_str_has_prefix (detail, "SCAN") && strstr (detail, "USING") == NULL &&
                          strstr (detail, "subquery") == NULL && g_strcmp0 (detail, "SCAN unread") != 0);
          g_assert_null (strstr (detail, "TEMP B-TREE"));
        }
      mc_sql_reset (stmt);
    }
  (void) code;
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, fn) g_test_add ("/notification/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("assigned", test_assigned);
  ADD ("returned", test_returned);
  ADD ("apology", test_apology);
  ADD ("refused-writes-nothing", test_refused_writes_nothing);
  ADD ("overdue-once", test_overdue_once);
  ADD ("overdue-window", test_overdue_window);
  ADD ("read-and-isolation", test_read_and_isolation);
  ADD ("capped", test_capped);
  ADD ("model", test_model);
  ADD ("bounded-plans", test_bounded_plans);
  return g_test_run ();
}
