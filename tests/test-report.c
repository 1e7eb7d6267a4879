/* test-report.c — Biểu 06a: seed 002's table from a fixture, the identities,
 * dossiers outside the period or the unit, and the list behind every figure
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-dossier-store.h"
#include "mc-report.h"
#include "mc-report-rules.h"
#include "mc-test-utils.h"

/* tests/fixtures/report-06a-seed002.csv reproduces seed 002 (UBND phường Phú
 * Sơn, quý I/2024): Chứng thực 31 = 31 online, 30 settled (19 early, 11 on
 * time, one of them settled as unqualified), 1 pending in time; Hộ tịch 54 =
 * 53 online + 1 from the previous period, 52 settled (41 early, 11 on time),
 * 2 pending in time (one finished the day after the period). Around them:
 * dossiers settled before the period, received after it, and one of another
 * unit. */
static McDb *
seed_db (void)
{
  g_autoptr(GError) error = NULL;
  McDb *db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "report-06a-seed002.csv", NULL);
  g_autofree char *csv = NULL;
  gsize length = 0;
  guint n = 0;

  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_no_error (error);
  calendar = mc_calendar_store_load (db, &error);
  g_assert_no_error (error);
  store = mc_dossier_store_new (db, calendar);
  g_assert_true (g_file_get_contents (path, &csv, &length, &error));
  g_assert_true (mc_dossier_store_import_csv (store, csv, length, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 90);
  g_assert_true (mc_db_exec (db, "INSERT INTO unit (code, name, level, relation) VALUES "
                                 "('000.00.06.X01', 'UBND xã Quang Trung', 'xa', 'subordinate'); "
                                 "UPDATE dossier SET unit_id = (SELECT id FROM unit WHERE code = '000.00.06.X01') "
                                 "WHERE code LIKE '000.00.06.X01-%'", &error));
  g_assert_no_error (error);
  return db;
}

static const McReport06aRow *
find_row (const McReport06a *report, const char *name)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      const McReport06aRow *row = report->rows->pdata[i];

      if (g_str_equal (row->field_name, name))
        return row;
    }
  return NULL;
}

static void
assert_figures (const McReport06aRow *row, const guint expected[MC_06A_N_COLUMNS])
{
  g_assert_nonnull (row);
  for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
    {
      if (row->c[k] != expected[k])
        g_test_message ("%s, column (%d): %u, expected %u", row->field_name, k, row->c[k], expected[k]);
      g_assert_cmpuint (row->c[k], ==, expected[k]);
    }
}

static void
assert_identities (const McReport06aRow *row)
{
  const guint *c = row->c;

  g_assert_cmpuint (c[3], ==, c[4] + c[5] + c[6]);
  g_assert_cmpuint (c[7], ==, c[8] + c[9] + c[10]);
  g_assert_cmpuint (c[11], ==, c[12] + c[13]);
  g_assert_cmpuint (c[3], ==, c[7] + c[11]);
}

/* Every figure equals the number of dossiers its list holds. */
static void
assert_lists (McDb *db, gint64 unit_id, const McReport06a *report)
{
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const McReport06aRow *row = i < report->rows->len ? report->rows->pdata[i] : &report->total;

      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) codes = mc_report_06a_dossiers (db, unit_id, report->from, report->to,
                                                               row->field_id, k, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (codes->len, ==, row->c[k]);
        }
    }
}

static void
test_seed_002 (void)
{
  g_autoptr(McDb) db = seed_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(McReport06a) all = mc_report_06a_compute (db, 0, from, to, FALSE, &error);
  g_autoptr(McReport06a) some = NULL;
  /*                                          3   4  5  6   7   8   9 10  11 12 13 */
  const guint chung_thuc[MC_06A_N_COLUMNS] = { 0, 0, 0, 31, 31, 0, 0, 30, 19, 11, 0, 1, 1, 0 };
  const guint ho_tich[MC_06A_N_COLUMNS] =    { 0, 0, 0, 54, 53, 0, 1, 52, 41, 11, 0, 2, 2, 0 };
  const guint total[MC_06A_N_COLUMNS] =      { 0, 0, 0, 85, 84, 0, 1, 82, 60, 22, 0, 3, 3, 0 };
  guint n_fields;

  g_assert_no_error (error);
  n_fields = (guint) mc_db_query_int (db, "SELECT count (*) FROM field", NULL);
  g_assert_cmpuint (all->rows->len, ==, n_fields);
  assert_figures (find_row (all, "Chứng thực"), chung_thuc);
  assert_figures (find_row (all, "Hộ tịch"), ho_tich);
  assert_figures (&all->total, total);
  for (guint i = 0; i < all->rows->len; i++)
    assert_identities (all->rows->pdata[i]);
  assert_identities (&all->total);
  /* In the fields' order: Chứng thực (10) before Hộ tịch (20). */
  some = mc_report_06a_compute (db, 0, from, to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->rows->len, ==, 2);
  g_assert_cmpstr (((McReport06aRow *) some->rows->pdata[0])->field_name, ==, "Chứng thực");
  g_assert_cmpstr (((McReport06aRow *) some->rows->pdata[1])->field_name, ==, "Hộ tịch");
  assert_figures (&some->total, total);
  assert_lists (db, 0, all);
}

/* The subordinate unit sees only its own dossier. */
static void
test_other_unit (void)
{
  g_autoptr(McDb) db = seed_db ();
  g_autoptr(GError) error = NULL;
  gint64 unit = mc_db_lookup_id (db, "unit", "code", "000.00.06.X01", &error);
  g_autoptr(McReport06a) report = mc_report_06a_compute (db, unit, mc_test_date ("2024-01-01"),
                                                         mc_test_date ("2024-03-14"), TRUE, &error);
  const guint one[MC_06A_N_COLUMNS] = { 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (report->rows->len, ==, 1);
  assert_figures (&report->total, one);
  assert_lists (db, unit, report);
}

/* Late, withdrawn, paused since before the appointment, open and overdue,
 * open since the period before, finished after the period: every branch of
 * the semantics, in the first half of March 2024. */
static void
test_branches (void)
{
  g_autoptr(McDb) db = seed_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2024-03-01"), to = mc_test_date ("2024-03-14");
  g_autoptr(McReport06a) report = NULL;
  /* Hộ tịch in 1–14/3: received 0038–0043, 0084, 0085 and the on-time
   * ones of 1–14/3; from before: 0037 and 0078 (received 29/2, settled 1/3)
   * and 0032 (received 11/12/2023, open again below). */
  g_assert_true (mc_db_exec (db,
      "UPDATE dossier SET timeliness = 'late' WHERE code = '000.00.06.H56-240301-0038';"
      "UPDATE dossier SET outcome = 'withdrawn', state = 'withdrawn', timeliness = 'late' "
      "  WHERE code = '000.00.06.H56-240304-0039';"
      "UPDATE dossier SET finished_at = NULL, outcome = NULL, timeliness = NULL, state = 'processing' "
      "  WHERE code = '000.00.06.H56-240305-0040';"
      "UPDATE dossier SET finished_at = NULL, outcome = NULL, timeliness = NULL, state = 'paused', "
      "  paused_since = received_at + 3600 WHERE code = '000.00.06.H56-240306-0041';"
      "UPDATE dossier SET finished_at = NULL, outcome = NULL, timeliness = NULL, state = 'processing' "
      "  WHERE code = '000.00.06.H56-231211-0032';", &error));
  g_assert_no_error (error);
  report = mc_report_06a_compute (db, 0, from, to, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const McReport06aRow *row = report->rows->pdata[i];

      g_test_message ("%s: %u %u %u %u | %u %u %u %u | %u %u %u", row->field_name, row->c[3], row->c[4],
                      row->c[5], row->c[6], row->c[7], row->c[8], row->c[9], row->c[10], row->c[11],
                      row->c[12], row->c[13]);
      assert_identities (row);
    }
  {
    const McReport06aRow *ho_tich = find_row (report, "Hộ tịch");
    /* carried: 0032, 0037, 0078; late: 0038 (0039 withdrawn counts on time);
     * pending late: 0032, 0040; pending in time: 0041 (paused), 0084, 0085 */
    g_assert_nonnull (ho_tich);
    g_assert_cmpuint (ho_tich->c[MC_06A_CARRIED], ==, 3);
    g_assert_cmpuint (ho_tich->c[MC_06A_LATE], ==, 1);
    g_assert_cmpuint (ho_tich->c[MC_06A_PENDING_LATE], ==, 2);
    g_assert_cmpuint (ho_tich->c[MC_06A_PENDING_IN_TIME], ==, 3);
  }
  assert_identities (&report->total);
  assert_lists (db, 0, report);
}

static McReport06a *
compute_rules (McDb *db, McDate from, McDate to, const McReport06aRow **ho_tich)
{
  g_autoptr(GError) error = NULL;
  McReport06a *report = mc_report_06a_compute (db, 0, from, to, TRUE, &error);

  g_assert_no_error (error);
  *ho_tich = find_row (report, "Hộ tịch");
  g_assert_nonnull (*ho_tich);
  assert_identities (*ho_tich);
  assert_identities (&report->total);
  assert_lists (db, 0, report);
  return report;
}

/* Issue 13, item 18: each time rule is a setting, and each moves the
 * figure it should (mc-report-rules.c). In 1–14/3/2024, Hộ tịch: 0038
 * settled late; 0039 withdrawn after its appointment; 0042 ready on 8/3
 * before its appointment of 11/3 08:00 but collected on 12/3. */
static void
test_time_rules (void)
{
  g_autoptr(McDb) db = seed_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2024-03-01"), to = mc_test_date ("2024-03-14");
  const McReport06aRow *row;
  guint early, on_time, late, settled;
  McReportRules rules;

  g_assert_true (mc_db_exec (db,
      "UPDATE dossier SET timeliness = 'late' WHERE code = '000.00.06.H56-240301-0038';"
      "UPDATE dossier SET outcome = 'withdrawn', state = 'withdrawn', timeliness = NULL, "
      "  finished_at = due_at + 86400 WHERE code = '000.00.06.H56-240304-0039';"
      "UPDATE dossier SET state = 'returned', returned_at = finished_at + 4 * 86400 "
      "  WHERE code = '000.00.06.H56-240307-0042';", &error));
  g_assert_no_error (error);

  /* The defaults: the result's time; the withdrawal is đúng hạn. */
  g_assert_true (mc_report_rules_load (db, &rules, NULL));
  g_assert_false (rules.by_return);
  g_assert_true (rules.unsettled_on_time);
  g_assert_false (rules.evaluation_exact);
  {
    g_autoptr(McReport06a) report = compute_rules (db, from, to, &row);
    early = row->c[MC_06A_EARLY];
    on_time = row->c[MC_06A_ON_TIME];
    late = row->c[MC_06A_LATE];
    settled = row->c[MC_06A_SETTLED];
    g_assert_cmpuint (late, ==, 1);
  }

  /* Withdrawn and unqualified dossiers by their own time: 0039 is late. */
  g_assert_true (mc_db_set_setting (db, MC_RULE_UNSETTLED_ON_TIME_KEY, "0", &error));
  {
    g_autoptr(McReport06a) report = compute_rules (db, from, to, &row);
    g_assert_cmpuint (row->c[MC_06A_SETTLED], ==, settled);
    g_assert_cmpuint (row->c[MC_06A_EARLY], ==, early);
    g_assert_cmpuint (row->c[MC_06A_ON_TIME], ==, on_time - 1);
    g_assert_cmpuint (row->c[MC_06A_LATE], ==, late + 1);
  }
  g_assert_true (mc_db_set_setting (db, MC_RULE_UNSETTLED_ON_TIME_KEY, "1", &error));

  /* By the return: 0042, ready early, was handed over after its appointment. */
  g_assert_true (mc_db_set_setting (db, MC_RULE_TIMELINESS_KEY, MC_RULE_TIMELINESS_RETURN, &error));
  {
    g_autoptr(McReport06a) report = compute_rules (db, from, to, &row);
    g_autoptr(GPtrArray) codes = mc_report_06a_dossiers (db, 0, from, to, row->field_id, MC_06A_LATE, &error);

    g_assert_cmpuint (row->c[MC_06A_SETTLED], ==, settled);
    g_assert_cmpuint (row->c[MC_06A_EARLY], ==, early - 1);
    g_assert_cmpuint (row->c[MC_06A_ON_TIME], ==, on_time);
    g_assert_cmpuint (row->c[MC_06A_LATE], ==, late + 1);
    g_assert_true (g_ptr_array_find_with_equal_func (codes, "000.00.06.H56-240307-0042", g_str_equal, NULL));
  }

  /* What the report says it used. */
  g_assert_true (mc_report_rules_load (db, &rules, NULL));
  {
    g_autofree char *note = mc_report_rules_note (&rules, TRUE, TRUE, FALSE);
    g_assert_cmpstr (note, ==, "Cách tính: trước hạn, đúng hạn, quá hạn tính theo thời điểm trả kết quả cho tổ "
                               "chức, cá nhân; hồ sơ không đủ điều kiện giải quyết, rút hồ sơ tính vào đúng hạn.");
  }
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/report/06a/seed-002", test_seed_002);
  g_test_add_func ("/report/06a/other-unit", test_other_unit);
  g_test_add_func ("/report/06a/branches", test_branches);
  g_test_add_func ("/report/06a/time-rules", test_time_rules);
  return g_test_run ();
}
