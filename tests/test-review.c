/* test-review.c — defects found in review of the workflow and accounts core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-accounts.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-dossier-store.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

#define PASSWORD "matkhau2026"
/* Hòa giải tranh chấp đất đai: 30 working days. */
#define LAND "1.012812"
/* Đăng ký khai sinh: 0,5 working day. */
#define BIRTH "1.001193"

typedef struct {
  McDb           *db;
  McCalendar     *calendar;
  McDossierStore *store;
  McWorkflow     *wf;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McCatalog) catalog = NULL;

  f->db = mc_test_db_new ();
  catalog = mc_catalog_new (f->db);
  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_true (mc_db_exec (f->db, "UPDATE unit SET code = '000.00.06.H56' WHERE relation = 'self';"
                                    "INSERT INTO staff (username, full_name, title, department_id, roles, created_at) "
                                    "SELECT 'cv.duc', 'Vũ Đức Mạnh', 'Chuyên viên', id, 'chuyen_vien', 0 "
                                    "FROM department WHERE code = 'KT'", &error));
  f->calendar = mc_calendar_store_load (f->db, &error);
  g_assert_no_error (error);
  f->store = mc_dossier_store_new (f->db, f->calendar);
  f->wf = mc_workflow_new (f->db, f->calendar);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->wf);
  g_clear_object (&f->store);
  g_clear_object (&f->calendar);
  g_clear_object (&f->db);
}

static char *
receive (Fixture *f, const char *procedure, const char *at)
{
  g_autoptr(McDossier) dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);
  g_autoptr(GError) error = NULL;

  d->procedure_code = g_strdup (procedure);
  d->applicant_name = g_strdup ("Nguyễn Văn An");
  d->applicant_id_number = g_strdup ("038085012345");
  d->channel = MC_CHANNEL_TRUC_TIEP;
  d->received_at = mc_test_time (at);
  g_assert_true (mc_dossier_store_receive (f->store, dossier, &error));
  g_assert_no_error (error);
  return g_strdup (d->code);
}

static McAction
act (const char *at, const char *note)
{
  McAction a = { mc_test_time (at), NULL, note };
  return a;
}

/* Apologises at `at` for a dossier that is paused, and says whether the
 * apology was recorded as sent at least one working day before the deadline. */
static gboolean
apology_in_time (Fixture *f, const char *code, const char *at)
{
  McAction a = act (at, "Chờ công dân bổ sung giấy tờ");
  g_autoptr(McApologyRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  McTime new_due;
  gint64 id = 0;

  g_assert_true (mc_workflow_suggest_new_due (f->wf, code, a.at, &new_due, &error));
  g_assert_true (mc_workflow_apologize (f->wf, code, &a, "KT", "cv.duc", new_due, &id, &error));
  g_assert_no_error (error);
  record = mc_workflow_get_apology (f->wf, id, &error);
  g_assert_no_error (error);
  return record->in_time;
}

/* The clock stands still during a pause, so an apology issued while paused
 * is in time only if, when the pause began, at least one working day was
 * left: a dossier paused after its appointment had passed is not. */
static void
test_apology_while_paused (Fixture *f, gconstpointer data)
{
  g_autofree char *late = receive (f, BIRTH, "2026-03-02 08:00");      /* due 02/03 14:00 */
  g_autofree char *early = receive (f, LAND, "2026-03-02 08:00");      /* due in April */
  McAction a;

  a = act ("2026-03-02 08:30", NULL);
  g_assert_true (mc_workflow_transfer (f->wf, late, &a, NULL, NULL, NULL));
  g_assert_true (mc_workflow_transfer (f->wf, early, &a, NULL, NULL, NULL));
  a = act ("2026-03-04 09:00", "Bản sao giấy chứng sinh");
  g_assert_true (mc_workflow_pause (f->wf, late, &a, MC_PAUSE_SUPPLEMENT, NULL));
  g_assert_true (mc_workflow_pause (f->wf, early, &a, MC_PAUSE_SUPPLEMENT, NULL));

  g_assert_false (apology_in_time (f, late, "2026-03-05 09:00"));
  g_assert_true (apology_in_time (f, early, "2026-05-20 09:00"));
}

/* Checking the old password must not sign the account holder out: a typo
 * in the password dialog left the window open with nobody signed in. */
static void
test_wrong_old_password_keeps_session (Fixture *f, gconstpointer data)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (f->db);
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị hệ thống", PASSWORD, &error));
  admin = mc_accounts_sign_in (accounts, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_get_actor (f->db), ==, mc_staff_get_id (admin));

  g_assert_false (mc_accounts_set_password (accounts, "admin", "saimatkhau1", "matkhaumoi2026", &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_BAD_PASSWORD);
  g_clear_error (&error);
  g_assert_cmpint (mc_db_get_actor (f->db), ==, mc_staff_get_id (admin));
  /* Still signed in: the administrator can go on working. */
  g_assert_true (mc_accounts_unlock (accounts, "cv.duc", &error));
  g_assert_no_error (error);
}

/* Before the first administrator exists there is none to keep: editing
 * a clerk's account must not be refused as "the last administrator". */
static void
test_update_before_first_admin (Fixture *f, gconstpointer data)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (f->db);
  g_autoptr(McStaff) s = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_accounts_is_enforced (accounts));
  g_assert_true (mc_accounts_update (accounts, "cv.duc", "Vũ Đức Mạnh", "Chuyên viên chính", "KT",
                                     MC_ROLE_SPECIALIST | MC_ROLE_HEAD, TRUE, &error));
  g_assert_no_error (error);
  s = mc_accounts_get_staff (accounts, "cv.duc", &error);
  g_assert_cmpstr (mc_staff_get_title (s), ==, "Chuyên viên chính");
  g_assert_cmpuint (mc_staff_get_roles (s), ==, MC_ROLE_SPECIALIST | MC_ROLE_HEAD);
}

/* A late result already back at the counter is apologised for by the head
 * of the department named responsible, not refused because the counter
 * holds it. */
static void
test_late_result_apology_by_head (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = receive (f, BIRTH, "2026-03-02 08:00");  /* due 14:00 the same day */
  McAction a = mc_test_action ("2026-03-03 09:00", NULL, NULL);

  mc_test_add_staff (f->db, "tp.quang", "Trần Quang Huy", "KT", "lanh_dao_phong");
  mc_test_add_staff (f->db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
  g_assert_true (mc_workflow_finish (f->wf, code, &a, "7/TP-KS", NULL, &error));
  g_assert_no_error (error);
  a = mc_test_action ("2026-03-03 10:00", "tn.lan", "Chờ xác minh");
  g_assert_false (mc_workflow_apologize (f->wf, code, &a, "KT", "tp.quang", mc_test_time ("2026-03-05 10:00"),
                                         NULL, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);  /* the counter does not decide */
  g_clear_error (&error);
  a.username = "tp.quang";
  g_assert_true (mc_workflow_apologize (f->wf, code, &a, "KT", "tp.quang", mc_test_time ("2026-03-05 10:00"),
                                        NULL, &error));
  g_assert_no_error (error);
}

/* The counter cannot turn a five-step dossier into a result at step 1; nor
 * can a specialist, the records clerk or the head of department cut it short
 * past the committee leader's step (step 4 of 5); the leader can. On a
 * three-step route the records clerk of the department holding it cannot
 * skip the leader either. */
static void
test_result_only_at_the_end (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = receive (f, LAND, "2026-03-02 08:00");
  McAction a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);

  mc_test_add_staff (f->db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
  mc_test_add_staff (f->db, "tp.quang", "Trần Quang Huy", "KT", "lanh_dao_phong");
  g_assert_false (mc_workflow_finish (f->wf, code, &a, "1/QĐ", NULL, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, &error));  /* to KT, step 2 of 5 */
  a = mc_test_action ("2026-03-02 10:00", "cv.duc", NULL);
  g_assert_false (mc_workflow_finish (f->wf, code, &a, "1/QĐ", NULL, &error));  /* a specialist alone */
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  a.username = "tp.quang";
  g_assert_false (mc_workflow_finish (f->wf, code, &a, "1/QĐ", NULL, &error));  /* the leader's step is left */
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  mc_test_add_staff (f->db, "pct.nga", "Nguyễn Thị Nga", "VP", "lanh_dao_ubnd");
  a.username = "pct.nga";
  g_assert_true (mc_workflow_finish (f->wf, code, &a, "1/QĐ", NULL, &error));
  g_assert_no_error (error);
}

static void
test_records_clerk_cannot_skip_leader (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  /* Khai sinh: TTPV → VP (chuyên viên) → VP (lãnh đạo UBND). */
  g_autofree char *code = receive (f, "1.001193", "2026-03-02 08:00");
  McAction a = mc_test_action ("2026-03-02 08:30", "tn.lan", NULL);

  mc_test_add_staff (f->db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
  mc_test_add_staff (f->db, "vt.yen", "Bùi Thị Yến", "VP", "van_thu");
  mc_test_add_staff (f->db, "pct.nga", "Nguyễn Thị Nga", "VP", "lanh_dao_ubnd");
  g_assert_true (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, &error));  /* to VP, step 2 of 3 */
  g_assert_no_error (error);
  a = mc_test_action ("2026-03-02 09:00", "vt.yen", NULL);
  g_assert_false (mc_workflow_finish (f->wf, code, &a, "2/KS", NULL, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Bùi Thị Yến"));
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM dossier WHERE state = 'result_ready'", NULL), ==, 0);
  a.username = "pct.nga";
  g_assert_true (mc_workflow_finish (f->wf, code, &a, "2/KS", NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/review/apology-while-paused", test_apology_while_paused);
  ADD ("/review/records-clerk-cannot-skip-leader", test_records_clerk_cannot_skip_leader);
  ADD ("/review/wrong-old-password-keeps-session", test_wrong_old_password_keeps_session);
  ADD ("/review/update-before-first-admin", test_update_before_first_admin);
  ADD ("/review/late-result-apology-by-head", test_late_result_apology_by_head);
  ADD ("/review/result-only-at-the-end", test_result_only_at_the_end);
  return g_test_run ();
}
