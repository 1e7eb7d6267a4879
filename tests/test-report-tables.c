/* test-report-tables.c — the public-results and apology appendix, the CCHC
 * statistics (Phụ lục 01b) and the evaluation table from fixtures with exact
 * figures; every list behind a figure is as long as the figure; ratings
 * recorded at the return desk; reports need the reporting permission
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-dossier-store.h"
#include "mc-reception.h"
#include "mc-rating.h"
#include "mc-report.h"
#include "mc-report-cchc.h"
#include "mc-report-evaluation.h"
#include "mc-report-narrative.h"
#include "mc-settings.h"
#include "mc-report-public.h"
#include "mc-report-rules.h"
#include "mc-test-utils.h"

#define H56 "000.00.06.H56-"

/* Seed 002's dossiers (tests/fixtures/report-06a-seed002.csv: Chứng thực 31
 * and Hộ tịch 54 in quý I/2024, one settled as unqualified) and around them:
 * two Hộ tịch dossiers settled late, one with an apology issued in the
 * period; an apology of December 2023; five dossiers received online
 * "toàn trình"; a subordinate commune X01 with one dossier and a commune X02
 * that reported its 06a figures for the quarter (and for another period). */
static McDb *
fixture_db (void)
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
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  g_assert_true (g_file_get_contents (path, &csv, &length, &error));
  g_assert_true (mc_dossier_store_import_csv (store, csv, length, &n, &error));
  g_assert_no_error (error);
  g_assert_true (mc_db_exec (db,
      "INSERT INTO unit (code, name, level, relation) VALUES ('000.00.06.X01', 'UBND xã Quang Trung', 'xa', 'subordinate'), "
      "('000.00.06.X02', 'UBND xã Hà Lan', 'xa', 'subordinate');"
      "UPDATE dossier SET unit_id = (SELECT id FROM unit WHERE code = '000.00.06.X01') WHERE code LIKE '000.00.06.X01-%';"
      "UPDATE dossier SET timeliness = 'late' WHERE code IN ('" H56 "240301-0079', '" H56 "240304-0080');"
      /* Imported, the online dossiers took their procedures' levels: the
       * fixture's are một phần but for five. */
      "UPDATE dossier SET online_level = 'partial' WHERE channel = 'truc_tuyen';"
      "UPDATE dossier SET online_level = 'full' WHERE code IN ('" H56 "240301-0079', '" H56 "240304-0080', "
      "'" H56 "240305-0081', '" H56 "240306-0082', '" H56 "240307-0083');"
      "INSERT INTO apology (dossier_id, issued_at, reason) SELECT id, received_at + 86400, 'Chậm xác minh' "
      "  FROM dossier WHERE code IN ('" H56 "240301-0079', '" H56 "231201-0086');"
      "INSERT INTO unit_report (unit_id, period_from, period_to, field_id, c4, c5, c6, c8, c9, c10, c12, c13) "
      "  SELECT u.id, '2023-12-15', '2024-03-14', f.id, 10, 2, 1, 5, 6, 1, 1, 0 FROM unit u, field f "
      "  WHERE u.code = '000.00.06.X02' AND f.name = 'Hộ tịch';"
      "INSERT INTO unit_report (unit_id, period_from, period_to, field_id, c4, c5, c6, c8, c9, c10, c12, c13) "
      "  SELECT u.id, '2024-01-01', '2024-03-14', f.id, 99, 99, 99, 99, 99, 99, 99, 99 FROM unit u, field f "
      "  WHERE u.code = '000.00.06.X02' AND f.name = 'Hộ tịch';", &error));
  g_assert_no_error (error);
  return db;
}

static const McReportPublicRow *
public_row (const McReportPublic *report, const char *name)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      const McReportPublicRow *row = report->rows->pdata[i];

      if (g_str_equal (row->field_name, name))
        return row;
    }
  return NULL;
}

static void
assert_public_row (const McReportPublicRow *row, const guint expected[MC_PUBLIC_N_COLUMNS])
{
  g_assert_nonnull (row);
  for (int k = MC_PUBLIC_RECEIVED; k < MC_PUBLIC_N_COLUMNS; k++)
    {
      if (row->c[k] != expected[k])
        g_test_message ("%s, column (%d): %u, expected %u", row->field_name, k, row->c[k], expected[k]);
      g_assert_cmpuint (row->c[k], ==, expected[k]);
    }
  g_assert_cmpuint (row->c[5], ==, row->c[6] + row->c[9] + row->c[10]);
  g_assert_cmpuint (row->c[6], ==, row->c[7] + row->c[8]);
}

static void
assert_public_lists (McDb *db, const McReportPublic *report)
{
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const McReportPublicRow *row = i < report->rows->len ? report->rows->pdata[i] : &report->total;

      for (int k = MC_PUBLIC_ONE_STOP; k < MC_PUBLIC_N_COLUMNS; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) items = mc_report_public_items (db, 0, report->scope, report->from, report->to,
                                                               row->field_id, k, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (items->len, ==, row->c[k] - row->reported[k]);
        }
    }
}

static guint
procedures_of (McDb *db, const char *field, const char *mechanism)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM procedure p JOIN field f ON f.id = p.field_id "
                                          "WHERE f.name = '%s' AND p.competence = 'xa' AND p.mechanism = '%s' "
                                          "AND p.active = 1", field, mechanism);

  return (guint) mc_db_query_int (db, sql, NULL);
}

static void
test_public (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(McReportPublic) own = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error);
  g_autoptr(McReportPublic) communes = NULL;
  g_autoptr(McReportPublic) combined = NULL;
  /*                              (5)  (6)  (7)  (8) (9) (10) (11) (12) */
  const guint chung_thuc[13] = { [5] = 31, 29, 29, 0, 1, 1, 0, 0 };
  const guint ho_tich[13] = { [5] = 54, 52, 50, 2, 2, 0, 1, 1 };
  const guint total[13] = { [5] = 85, 81, 79, 2, 3, 1, 1, 1 };
  const guint communes_ho_tich[13] = { [5] = 14, 13, 12, 1, 1, 0, 0, 0 };
  const McReportPublicRow *row;

  g_assert_no_error (error);
  assert_public_row (public_row (own, "Chứng thực"), chung_thuc);
  assert_public_row (public_row (own, "Hộ tịch"), ho_tich);
  assert_public_row (&own->total, total);
  row = public_row (own, "Hộ tịch");
  g_assert_cmpuint (row->c[MC_PUBLIC_ONE_STOP], ==, procedures_of (db, "Hộ tịch", "mot_cua"));
  g_assert_cmpuint (row->c[MC_PUBLIC_LINKED], ==, procedures_of (db, "Hộ tịch", "lien_thong"));
  g_assert_cmpuint (row->c[MC_PUBLIC_ONE_STOP], >, 0);
  assert_public_lists (db, own);
  {
    g_autoptr(GPtrArray) late = mc_report_public_items (db, 0, MC_REPORT_SCOPE_UNIT, from, to, 0,
                                                        MC_PUBLIC_NOT_APOLOGISED, &error);

    g_assert_cmpuint (late->len, ==, 1);
    g_assert_cmpstr (late->pdata[0], ==, H56 "240304-0080");
  }

  /* Cấp xã: X01 by its dossier, X02 by the figures it reported for exactly this period. */
  communes = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_SUBORDINATES, from, to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (communes->n_units, ==, 2);
  g_assert_cmpuint (communes->n_reported_units, ==, 1);
  assert_public_row (public_row (communes, "Hộ tịch"), communes_ho_tich);
  g_assert_cmpuint (public_row (communes, "Hộ tịch")->reported[MC_PUBLIC_RECEIVED], ==, 13);
  g_assert_cmpuint (public_row (communes, "Chứng thực")->c[MC_PUBLIC_RECEIVED], ==, 0);
  assert_public_lists (db, communes);

  /* The unit and its communes together. */
  combined = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_COMBINED, from, to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (combined->total.c[MC_PUBLIC_RECEIVED], ==, 85 + 14);
  g_assert_cmpuint (combined->total.c[MC_PUBLIC_LATE], ==, 2 + 1);
  assert_public_lists (db, combined);
}

static void
assert_no_field_without_procedures (const McReportPublic *report)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      const McReportPublicRow *row = report->rows->pdata[i];

      if (row->c[MC_PUBLIC_RECEIVED] > 0 && row->c[MC_PUBLIC_ONE_STOP] + row->c[MC_PUBLIC_LINKED] == 0)
        g_error ("the field “%s” has %u dossiers and 0 procedures", row->field_name, row->c[MC_PUBLIC_RECEIVED]);
    }
}

static gboolean
lists_code (McDb *db, McDate from, McDate to, gint64 field_id, McReportPublicColumn column, const char *code)
{
  g_autoptr(GPtrArray) items = mc_report_public_items (db, 0, MC_REPORT_SCOPE_UNIT, from, to, field_id, column, NULL);

  return items != NULL && g_ptr_array_find_with_equal_func (items, code, g_str_equal, NULL);
}

/* Issue 13 items 15 and 17: (3)–(4) count what the center receives — its
 * competence since 1/7/2025 (a district procedure gone to the commune), what
 * it declares (a provincial one received for the province, one not received,
 * one under liên thông) and any procedure it received a dossier of — so no
 * field with dossiers shows 0 procedures. */
static void
test_public_procedures_received (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(McReportPublic) before = NULL, after = NULL;
  const McReportPublicRow *ho_tich, *ho_tich_after, *nguoi_co_cong;
  gint64 labour;

  /* A dossier of a provincial procedure (nội quy lao động) nobody declared. */
  g_assert_true (mc_db_exec (db, "UPDATE dossier SET procedure_id = (SELECT id FROM procedure WHERE code = '2.001955') "
                                 "WHERE code = '" H56 "240305-0081'", &error));
  before = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error);
  g_assert_no_error (error);
  assert_no_field_without_procedures (before);
  labour = mc_db_query_int (db, "SELECT id FROM field WHERE name = 'Lao động tiền lương'", NULL);
  g_assert_true (lists_code (db, from, to, labour, MC_PUBLIC_ONE_STOP, "2.001955"));
  /* A procedure of the district before 1/7/2025, of the commune since. */
  ho_tich = public_row (before, "Hộ tịch");
  g_assert_true (lists_code (db, from, to, ho_tich->field_id, MC_PUBLIC_ONE_STOP, "2.000528"));
  nguoi_co_cong = public_row (before, "Người có công");
  g_assert_false (lists_code (db, from, to, nguoi_co_cong->field_id, MC_PUBLIC_LINKED, "1.010814"));

  g_assert_true (mc_catalog_set_reception (catalog, "1.010814", MC_RECEPTION_PROVINCE, &error));
  g_assert_true (mc_catalog_set_reception (catalog, "2.000528", MC_RECEPTION_NONE, &error));
  g_assert_true (mc_catalog_set_reception (catalog, "2.000806", MC_RECEPTION_LIEN_THONG, &error));
  g_assert_no_error (error);
  after = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error);
  g_assert_no_error (error);
  assert_no_field_without_procedures (after);
  ho_tich_after = public_row (after, "Hộ tịch");
  g_assert_cmpuint (ho_tich_after->c[MC_PUBLIC_ONE_STOP], ==, ho_tich->c[MC_PUBLIC_ONE_STOP] - 2);
  g_assert_cmpuint (ho_tich_after->c[MC_PUBLIC_LINKED], ==, ho_tich->c[MC_PUBLIC_LINKED] + 1);
  g_assert_false (lists_code (db, from, to, ho_tich->field_id, MC_PUBLIC_ONE_STOP, "2.000528"));
  g_assert_true (lists_code (db, from, to, ho_tich->field_id, MC_PUBLIC_LINKED, "2.000806"));
  nguoi_co_cong = public_row (after, "Người có công");
  g_assert_nonnull (nguoi_co_cong);
  g_assert_true (lists_code (db, from, to, nguoi_co_cong->field_id, MC_PUBLIC_LINKED, "1.010814"));
  g_assert_cmpuint (after->total.c[MC_PUBLIC_ONE_STOP] + after->total.c[MC_PUBLIC_LINKED], ==,
                    before->total.c[MC_PUBLIC_ONE_STOP] + before->total.c[MC_PUBLIC_LINKED]);
  assert_public_lists (db, after);
  /* The CCHC appendix's 3.1.3–3.2.3 count by the same declarations. */
  {
    g_autoptr(GPtrArray) linked = mc_report_cchc_items (db, 0, from, to, MC_CCHC_LINKED, &error);
    g_autoptr(GPtrArray) all = mc_report_cchc_items (db, 0, from, to, MC_CCHC_PROCEDURES, &error);

    g_assert_no_error (error);
    g_assert_true (g_ptr_array_find_with_equal_func (linked, "2.000806", g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (linked, "1.010814", g_str_equal, NULL));
    g_assert_false (g_ptr_array_find_with_equal_func (all, "2.000528", g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (all, "2.000522", g_str_equal, NULL));
  }
}

static void
test_cchc (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autofree McReportCchc *r = mc_report_cchc_compute (db, 0, from, to, &error);
  const guint *v;

  g_assert_no_error (error);
  v = r->value;
  g_assert_cmpuint (v[MC_CCHC_RECEIVED], ==, 85);
  g_assert_cmpuint (v[MC_CCHC_RECEIVED_DIRECT], ==, 0);
  g_assert_cmpuint (v[MC_CCHC_RECEIVED_POST], ==, 0);
  g_assert_cmpuint (v[MC_CCHC_RECEIVED_FULL], ==, 5);
  g_assert_cmpuint (v[MC_CCHC_RECEIVED_PARTIAL], ==, 79);
  g_assert_cmpuint (v[MC_CCHC_RECEIVED_CARRIED], ==, 1);
  g_assert_cmpuint (v[MC_CCHC_ON_TIME], ==, 79);
  g_assert_cmpuint (v[MC_CCHC_ON_TIME_FULL], ==, 3);
  g_assert_cmpuint (v[MC_CCHC_ON_TIME], ==, v[MC_CCHC_ON_TIME_DIRECT] + v[MC_CCHC_ON_TIME_POST] +
                                         v[MC_CCHC_ON_TIME_PARTIAL] + v[MC_CCHC_ON_TIME_FULL]);
  g_assert_cmpuint (v[MC_CCHC_ON_TIME_LAND], ==, 0);
  g_assert_cmpuint (v[MC_CCHC_APOLOGIES], ==, 1);
  g_assert_cmpuint (v[MC_CCHC_PROCEDURES], ==, v[MC_CCHC_ONE_STOP] + v[MC_CCHC_LINKED]);
  g_assert_cmpuint (v[MC_CCHC_ONE_STOP], ==,
                    mc_db_query_int (db, "SELECT count (*) FROM procedure WHERE competence = 'xa' AND active = 1 "
                                         "AND mechanism = 'mot_cua'", NULL));
  for (int i = 0; i < MC_CCHC_N_ITEMS; i++)
    {
      g_autoptr(GPtrArray) items = mc_report_cchc_items (db, 0, from, to, i, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, v[i]);
    }
}

/* 14 ratings in quý I: indices 1, 2 and 7 given 2 points eleven times and
 * 1 point three times (1,79 → 1,8), the others 2; satisfaction 3 × Hài lòng
 * and 11 × Rất hài lòng (21,4% and 78,6%): seed 002's table. Besides: a
 * rating of April and one of the commune X01, which do not count. */
static void
rate_fixture (McDb *db)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;

  codes = mc_report_06a_dossiers (db, 0, mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"), 0,
                                  MC_06A_SETTLED, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 15; i++)
    {
      McRatingValues v;

      mc_rating_values_init (&v);
      for (int k = 0; k < 9; k++)
        v.indices[k] = (k == 0 || k == 1 || k == 6) && i < 3 ? 1 : 2;
      v.satisfaction = i < 3 ? 4 : 5;
      v.comment = i == 0 ? "Cán bộ hướng dẫn tận tình" : NULL;
      g_assert_true (mc_rating_record (db, codes->pdata[i], &v, &error));
      g_assert_no_error (error);
    }
  g_assert_true (mc_rating_record (db, "000.00.06.X01-240110-0001", &(McRatingValues) { { 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 1, NULL },
                                   &error));
  g_assert_true (mc_db_exec (db, "UPDATE rating SET rated_at = (SELECT finished_at + 3600 FROM dossier d "
                                 "WHERE d.id = rating.dossier_id)", &error));
  /* The fifteenth is rated after the period. */
  g_assert_true (mc_db_exec (db, "UPDATE rating SET rated_at = 1711940400 /* 2024-04-01 03:00 UTC */ WHERE dossier_id = "
                                 "(SELECT max (dossier_id) FROM rating r JOIN dossier d ON d.id = r.dossier_id "
                                 "WHERE d.code LIKE '000.00.06.H56-%')", &error));
  g_assert_no_error (error);
}

static void
test_evaluation (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(McReportEvaluation) r = NULL;
  const guint expected[9] = { 18, 18, 20, 20, 20, 20, 18, 20, 20 };

  rate_fixture (db);
  r = mc_report_evaluation_compute (db, 0, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_ratings, ==, 14);
  for (int i = 0; i < 9; i++)
    {
      g_assert_cmpuint (r->index_tenths[i], ==, expected[i]);
      g_assert_cmpuint (r->index_count[i], ==, 14);
    }
  g_assert_cmpuint (r->total_tenths, ==, 174);
  g_assert_cmpstr (r->rating, ==, "Xuất sắc");
  g_assert_cmpuint (r->n_satisfaction, ==, 14);
  g_assert_cmpuint (r->level_tenths[0], ==, 0);
  g_assert_cmpuint (r->level_tenths[3], ==, 214);
  g_assert_cmpuint (r->level_tenths[4], ==, 786);
  for (int item = 0; item < MC_EVALUATION_N_ITEMS; item++)
    {
      g_autoptr(GPtrArray) codes = mc_report_evaluation_dossiers (db, 0, from, to, item, &error);
      guint figure = item == 0 ? r->n_ratings : item < MC_EVALUATION_LEVEL_1 ? r->index_count[item - 1]
                     : r->level_count[item - MC_EVALUATION_LEVEL_1];

      g_assert_no_error (error);
      g_assert_cmpuint (codes->len, ==, figure);
    }
  /* Another province's thresholds. */
  g_assert_true (mc_db_set_setting (db, MC_REPORT_RATING_THRESHOLDS_KEY,
                                    "Xuất sắc ≥ 17,5; Tốt ≥ 15; Khá ≥ 12; Trung bình ≥ 9", &error));
  g_clear_pointer (&r, mc_report_evaluation_free);
  r = mc_report_evaluation_compute (db, 0, from, to, &error);
  g_assert_cmpstr (r->rating, ==, "Tốt");
}

/* report.timeliness_basis = return moves the appendices as it moves Biểu
 * 06a: an early result of Hộ tịch collected two days after its appointment
 * is late in the public appendix (7)/(8) and leaves CCHC 3.3.2 (đúng hạn),
 * and the lists behind the figures follow. */
static void
test_timeliness_by_return (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(GPtrArray) early = mc_report_06a_dossiers (db, 0, from, to, 0, MC_06A_EARLY, &error);
  g_autoptr(McReportPublic) before = NULL;
  g_autoptr(McReportPublic) after = NULL;
  g_autofree McReportCchc *cchc_before = NULL;
  g_autofree McReportCchc *cchc_after = NULL;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (early->len, >, 0);
  sql = g_strdup_printf ("UPDATE dossier SET state = 'returned', returned_at = due_at + 2 * 86400 WHERE code = '%s'",
                         (const char *) early->pdata[0]);
  g_assert_true (mc_db_exec (db, sql, &error));
  before = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error);
  cchc_before = mc_report_cchc_compute (db, 0, from, to, &error);
  g_assert_no_error (error);

  g_assert_true (mc_db_set_setting (db, MC_RULE_TIMELINESS_KEY, MC_RULE_TIMELINESS_RETURN, &error));
  after = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error);
  cchc_after = mc_report_cchc_compute (db, 0, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->total.c[MC_PUBLIC_SETTLED], ==, before->total.c[MC_PUBLIC_SETTLED]);
  g_assert_cmpuint (after->total.c[MC_PUBLIC_ON_TIME], ==, before->total.c[MC_PUBLIC_ON_TIME] - 1);
  g_assert_cmpuint (after->total.c[MC_PUBLIC_LATE], ==, before->total.c[MC_PUBLIC_LATE] + 1);
  assert_public_lists (db, after);
  g_assert_cmpuint (cchc_after->value[MC_CCHC_ON_TIME], ==, cchc_before->value[MC_CCHC_ON_TIME] - 1);
  {
    g_autoptr(GPtrArray) items = mc_report_cchc_items (db, 0, from, to, MC_CCHC_ON_TIME, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, cchc_after->value[MC_CCHC_ON_TIME]);
  }
}

/* report.evaluation_total (mc-report-rules.c): four ratings giving every
 * index 2, 2, 2 and 1 point (1,75 → 1,8): the rounded ones add up to 16,2,
 * the exact total is 15,75 → 15,8. */
static void
test_evaluation_total (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(GPtrArray) codes = mc_report_06a_dossiers (db, 0, from, to, 0, MC_06A_SETTLED, &error);
  g_autoptr(McReportEvaluation) r = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      McRatingValues v;

      mc_rating_values_init (&v);
      for (int k = 0; k < 9; k++)
        v.indices[k] = i == 0 ? 1 : 2;
      v.satisfaction = 5;
      g_assert_true (mc_rating_record (db, codes->pdata[i], &v, &error));
      g_assert_no_error (error);
    }
  g_assert_true (mc_db_exec (db, "UPDATE rating SET rated_at = (SELECT finished_at + 3600 FROM dossier d "
                                 "WHERE d.id = rating.dossier_id)", &error));
  r = mc_report_evaluation_compute (db, 0, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->index_tenths[0], ==, 18);
  g_assert_cmpuint (r->total_tenths, ==, 162);
  g_clear_pointer (&r, mc_report_evaluation_free);

  g_assert_true (mc_db_set_setting (db, MC_RULE_EVALUATION_TOTAL_KEY, MC_RULE_EVALUATION_EXACT, &error));
  r = mc_report_evaluation_compute (db, 0, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->index_tenths[0], ==, 18);
  g_assert_cmpuint (r->total_tenths, ==, 158);
}

static void
test_rating_label (void)
{
  static const struct { guint tenths; const char *label; } cases[] = {
    { 180, "Xuất sắc" }, { 151, "Xuất sắc" }, { 150, "Tốt" }, { 120, "Tốt" }, { 119, "Khá" },
    { 90, "Khá" }, { 60, "Trung bình" }, { 59, "Yếu" }, { 0, "Yếu" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = mc_report_rating_label (MC_REPORT_RATING_THRESHOLDS_DEFAULT, cases[i].tenths, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
  bad = mc_report_rating_label ("Xuất sắc: mười lăm", 170, &error);
  g_assert_null (bad);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
}

static void
test_rating_record (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  McRatingValues v;

  mc_rating_values_init (&v);
  g_assert_false (mc_rating_record (db, H56 "240102-0001", &v, &error));  /* empty */
  g_clear_error (&error);
  v.indices[0] = 3;
  g_assert_false (mc_rating_record (db, H56 "240102-0001", &v, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
  g_clear_error (&error);
  v.indices[0] = 2;
  v.satisfaction = 5;
  g_assert_false (mc_rating_record (db, H56 "240312-0084", &v, &error));  /* no result yet */
  g_clear_error (&error);
  g_assert_true (mc_rating_record (db, H56 "240102-0001", &v, &error));
  g_assert_no_error (error);
  g_assert_false (mc_rating_record (db, H56 "240102-0001", &v, &error));  /* once */
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT i1 * 10 + satisfaction + CASE WHEN i2 IS NULL THEN 100 ELSE 0 END FROM rating", NULL), ==,
                   125);
}

/* Once accounts are enforced only the reporting roles produce reports. */
static void
test_permission (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McStaff) admin = NULL, clerk = NULL, reporter = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  g_autoptr(McReportPublic) report = NULL;
  g_autofree McReportCchc *cchc = NULL;

  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị", "motcua2026", &error));
  admin = mc_accounts_sign_in (accounts, "admin", "motcua2026", &error);
  g_assert_true (mc_accounts_create (accounts, "tn.lan", "Lê Thị Lan", NULL, NULL, MC_ROLE_RECEPTION, "motcua2026", &error));
  g_assert_true (mc_accounts_create (accounts, "bc.ha", "Trịnh Thu Hà", NULL, NULL, MC_ROLE_REPORTING, "motcua2026", &error));
  g_assert_no_error (error);
  mc_accounts_sign_out (accounts);
  g_assert_null (mc_report_public_compute (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_SIGN_IN);
  g_clear_error (&error);
  clerk = mc_accounts_sign_in (accounts, "tn.lan", "motcua2026", &error);
  g_assert_null (mc_report_cchc_compute (db, 0, from, to, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_null (mc_report_06a_dossiers (db, 0, from, to, 0, MC_06A_RECEIVED, &error));
  g_assert_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN);
  g_clear_error (&error);
  mc_accounts_sign_out (accounts);
  reporter = mc_accounts_sign_in (accounts, "bc.ha", "motcua2026", &error);
  report = mc_report_public_compute (db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->total.c[MC_PUBLIC_RECEIVED], ==, 85);
  cchc = mc_report_cchc_compute (db, 0, from, to, &error);
  g_assert_no_error (error);
}

/* The narrative's figures in prose, as seed 003 writes them. */
static void
test_narrative (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McReportNarrative) n = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *filled = NULL;

  g_hash_table_insert (values, (gpointer) "tong", (gpointer) "1.157");
  filled = mc_report_narrative_fill ("Tổng số hồ sơ đã tiếp nhận là {{ tong }} hồ sơ; {{khac}}.", values);
  g_assert_cmpstr (filled, ==, "Tổng số hồ sơ đã tiếp nhận là 1.157 hồ sơ; {{khac}}.");
  g_assert_true (mc_db_set_setting (db, MC_NARRATIVE_ADDRESSEE_KEY, "UBND thị xã Bỉm Sơn.", &error));
  n = mc_report_narrative_new (db, 0, mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"), "quý I năm 2024",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_SUBJECT), ==, "Tình hình, kết quả giải quyết thủ tục hành chính quý I năm 2024");
  g_assert_nonnull (strstr (mc_report_narrative_get_body (n), "Tổng số hồ sơ đã tiếp nhận là 85 hồ sơ. Trong đó:"));
  g_assert_nonnull (strstr (mc_report_narrative_get_body (n), "+ Số hồ sơ kỳ trước chuyển qua: 1 hồ sơ."));
  /* 82 settled: 60 early (73,2%), 20 on time, 2 late (2,4%). */
  g_assert_nonnull (strstr (mc_report_narrative_get_body (n), "trả trước hạn: 60 hồ sơ (đạt 73,2%)"));
  g_assert_nonnull (strstr (mc_report_narrative_get_body (n), "trả quá hạn: 2 hồ sơ (2,4%)"));
  g_assert_null (strstr (mc_report_narrative_get_body (n), "{{"));
  g_assert_cmpstr (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ADDRESSEE), ==, "Kính gửi: UBND thị xã Bỉm Sơn.");
  /* One precision for every share: one decimal, a Vietnamese comma. */
  {
    g_autoptr(GRegex) share = g_regex_new ("([0-9]+)(,[0-9]+)?%", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n_shares = 0;

    for (g_regex_match (share, mc_report_narrative_get_body (n), 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      {
        g_autofree char *decimals = g_match_info_fetch (match, 2);

        g_assert_cmpint (strlen (decimals), ==, 2);
        n_shares++;
      }
    g_assert_cmpuint (n_shares, ==, 3);
  }
}

/* The signature block from the settings (NĐ 30 Phụ lục I, II.7): TM. for
 * the chairman, KT. for a deputy, the account's long title cut to the
 * function; the place falls back to the unit's. */
static void
test_narrative_signer (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *authority, *title, *expected;
  } cases[] = {
    { "auto", "", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" },
    { "auto", "Chủ tịch UBND phường", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" },
    { "auto", "Phó Chủ tịch UBND phường", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" },
    { "TM", "Phó Chủ tịch", "TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH" },
    { "Q", "Phó Chủ tịch", "Q. CHỦ TỊCH" },
    { "none", "Giám đốc", "GIÁM ĐỐC" },
  };

  g_assert_true (mc_db_exec (db, "UPDATE unit SET place_name = 'Phú Sơn' WHERE relation = 'self'", &error));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(McReportNarrative) n = NULL;

      g_assert_true (mc_settings_set (db, "report.signer_authority", cases[i].authority, &error));
      g_assert_true (mc_settings_set (db, "report.signer_title", cases[i].title, &error));
      n = mc_report_narrative_new (db, 0, mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"), "quý I năm 2024",
                                   &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_AUTHORITY), ==, cases[i].expected);
      g_assert_cmpstr (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_PLACE), ==, "Phú Sơn");
    }
}


/* The document's body in sections: the opening lines, then each "I. …"
 * with its paragraphs, empty lines dropped. */
static void
test_narrative_sections (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McReportNarrative) n = NULL;
  const McNarrativeSection *s;

  n = mc_report_narrative_new (db, 0, mc_test_date ("2023-12-15"), mc_test_date ("2024-03-14"), "quý I năm 2024",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_TITLE), ==, "BÁO CÁO");
  g_assert_cmpstr (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_NUMBER), ==, "Số:        /BC-UBND");
  g_assert_null (mc_report_narrative_get_text (n, MC_NARRATIVE_TEXT_ADDRESSEE));
  g_assert_cmpstr (mc_report_narrative_get_body (n), ==, mc_report_narrative_get_draft (n));
  g_assert_false (mc_report_narrative_get_edited (n));
  g_assert_cmpuint (mc_report_narrative_get_n_sections (n), ==, 4);
  s = mc_report_narrative_get_section (n, 0);
  g_assert_null (s->heading);
  g_assert_cmpuint (g_strv_length (s->paragraphs), ==, 1);
  g_assert_true (g_str_has_prefix (s->paragraphs[0], "Thực hiện chế độ báo cáo định kỳ, "));
  s = mc_report_narrative_get_section (n, 1);
  g_assert_cmpstr (s->heading, ==, "I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
  g_assert_cmpstr (s->paragraphs[0], ==, "- Tổng số hồ sơ đã tiếp nhận là 85 hồ sơ. Trong đó:");
  s = mc_report_narrative_get_section (n, 3);
  g_assert_cmpstr (s->heading, ==, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TIẾP THEO");
  g_assert_cmpuint (g_strv_length (s->paragraphs), ==, 1);
  mc_report_narrative_set_body (n, "  Mở đầu.  \r\n\nI. Một\n\nII. Hai\nĐoạn hai.");
  g_assert_cmpuint (mc_report_narrative_get_n_sections (n), ==, 3);
  g_assert_cmpstr (mc_report_narrative_get_section (n, 0)->paragraphs[0], ==, "Mở đầu.");
  g_assert_cmpuint (g_strv_length (mc_report_narrative_get_section (n, 1)->paragraphs), ==, 0);
  g_assert_cmpstr (mc_report_narrative_get_section (n, 2)->paragraphs[0], ==, "Đoạn hai.");
  g_assert_false (mc_report_narrative_is_heading ("Ia. không"));
  g_assert_false (mc_report_narrative_is_heading ("1. Thuận lợi:"));
  g_assert_true (mc_report_narrative_is_heading ("IV. KIẾN NGHỊ"));
}

static gint64
count_audit (McDb *db, const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s'", action);

  return mc_db_query_int (db, sql, NULL);
}

/* A leader's edit is kept per unit and period, audited with its SHA-256,
 * read back by the next report of that period (not by another period's),
 * and restored to the draft; someone without the report right changes
 * nothing. */
static void
test_narrative_edit (void)
{
  g_autoptr(McDb) db = fixture_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McReportNarrative) n = NULL;
  g_autoptr(McReportNarrative) again = NULL;
  g_autoptr(McReportNarrative) other = NULL;
  g_autoptr(McReportNarrative) copy = NULL;
  g_autofree char *edited = NULL, *sum = NULL, *detail = NULL;
  McDate from = mc_test_date ("2023-12-15"), to = mc_test_date ("2024-03-14");
  gint64 leader, counter, rows = 0, bad = 0;

  g_assert_true (mc_db_exec (db, "INSERT INTO staff (username, full_name, title, roles, created_at) VALUES "
                                 "('pct.nga', 'Nguyễn Thị Nga', 'Phó Chủ tịch', 'lanh_dao_ubnd', 0), "
                                 "('tn.lan', 'Lê Thị Lan', 'Công chức', 'tiep_nhan', 0)", &error));
  leader = mc_db_query_int (db, "SELECT id FROM staff WHERE username = 'pct.nga'", NULL);
  counter = mc_db_query_int (db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL);
  mc_db_set_actor (db, leader);
  n = mc_report_narrative_new (db, 0, from, to, "quý I năm 2024", &error);
  g_assert_no_error (error);
  edited = g_strconcat (mc_report_narrative_get_draft (n), "\n\nIV. KIẾN NGHỊ\n\nĐề nghị UBND thị xã bổ sung "
                        "01 máy quét cho Bộ phận Một cửa.\r\n", NULL);
  g_assert_true (mc_report_narrative_save (n, db, edited, &error));
  g_assert_no_error (error);
  g_assert_true (mc_report_narrative_get_edited (n));
  g_assert_cmpstr (mc_report_narrative_get_edited_by (n), ==, "Nguyễn Thị Nga");
  g_assert_true (g_str_has_suffix (mc_report_narrative_get_body (n), "Bộ phận Một cửa."));
  g_assert_cmpuint (mc_report_narrative_get_n_sections (n), ==, 5);
  g_assert_cmpint (count_audit (db, "narrative.edit"), ==, 1);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, mc_report_narrative_get_body (n), -1);
  detail = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action = 'narrative.edit' AND "
                            "detail LIKE '%%%s%%' AND detail LIKE '%%2023-12-15–2024-03-14%%'", sum);
  g_assert_cmpint (mc_db_query_int (db, detail, NULL), ==, 1);
  /* The same text again: nothing to record. */
  g_assert_true (mc_report_narrative_save (n, db, edited, &error));
  g_assert_cmpint (count_audit (db, "narrative.edit"), ==, 1);

  again = mc_report_narrative_new (db, 0, from, to, "quý I năm 2024", &error);
  g_assert_no_error (error);
  g_assert_true (mc_report_narrative_get_edited (again));
  g_assert_cmpstr (mc_report_narrative_get_body (again), ==, mc_report_narrative_get_body (n));
  g_assert_cmpstr (mc_report_narrative_get_draft (again), ==, mc_report_narrative_get_draft (n));
  copy = mc_report_narrative_copy (again);
  g_assert_cmpstr (mc_report_narrative_get_body (copy), ==, mc_report_narrative_get_body (n));
  g_assert_true (mc_report_narrative_get_edited (copy));
  other = mc_report_narrative_new (db, 0, mc_test_date ("2024-03-15"), mc_test_date ("2024-06-14"), "quý II năm 2024",
                                   &error);
  g_assert_false (mc_report_narrative_get_edited (other));

  /* Without the right to reports: refused, nothing kept or removed. */
  mc_db_set_actor (db, counter);
  g_assert_false (mc_report_narrative_save (again, db, "Khác.", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (mc_report_narrative_restore (again, db, &error));
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM narrative_edit", NULL), ==, 1);
  g_assert_cmpstr (mc_report_narrative_get_body (again), ==, mc_report_narrative_get_body (n));

  /* "Khôi phục bản tính toán". */
  mc_db_set_actor (db, leader);
  g_assert_true (mc_report_narrative_restore (again, db, &error));
  g_assert_false (mc_report_narrative_get_edited (again));
  g_assert_cmpstr (mc_report_narrative_get_body (again), ==, mc_report_narrative_get_draft (again));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM narrative_edit", NULL), ==, 0);
  g_assert_cmpint (count_audit (db, "narrative.restore"), ==, 1);
  /* Saving the draft itself or an empty text keeps no edit. */
  g_assert_true (mc_report_narrative_save (again, db, mc_report_narrative_get_draft (again), &error));
  g_assert_true (mc_report_narrative_save (again, db, " \n ", &error));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM narrative_edit", NULL), ==, 0);
  g_assert_true (mc_audit_verify (db, &rows, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/report-tables/public", test_public);
  g_test_add_func ("/report-tables/narrative-signer", test_narrative_signer);
  g_test_add_func ("/report-tables/narrative-sections", test_narrative_sections);
  g_test_add_func ("/report-tables/narrative-edit", test_narrative_edit);
  g_test_add_func ("/report-tables/public-procedures-received", test_public_procedures_received);
  g_test_add_func ("/report-tables/cchc", test_cchc);
  g_test_add_func ("/report-tables/evaluation", test_evaluation);
  g_test_add_func ("/report-tables/evaluation-total", test_evaluation_total);
  g_test_add_func ("/report-tables/timeliness-by-return", test_timeliness_by_return);
  g_test_add_func ("/report-tables/rating-label", test_rating_label);
  g_test_add_func ("/report-tables/rating-record", test_rating_record);
  g_test_add_func ("/report-tables/permission", test_permission);
  g_test_add_func ("/report-tables/narrative", test_narrative);
  return g_test_run ();
}
