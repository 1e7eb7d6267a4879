/* test-repository.c — the typed core functions that replaced the SQL ui,
 * export and cli used to run (issue 14, item 4): each answers what the old
 * query answered, "none" is not an error, and several writes are all or
 * nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-accounts.h"
#include "mc-catalog.h"
#include "mc-report-cchc.h"
#include "mc-test-utils.h"
#include "mc-unit.h"

/* A unit by code (report --unit), 0 and no error when none; the forms'
 * header: the own unit's name, place, parent and phone. */
static void
test_unit (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *place = NULL, *parent = NULL, *phone = NULL;
  gint64 police_id;

  mc_test_install_routing (db);
  police_id = mc_unit_lookup_code (db, "000.30.06.H56", &error);
  g_assert_no_error (error);
  g_assert_cmpint (police_id, >, 0);
  g_assert_cmpint (police_id, ==, mc_db_query_int (db, "SELECT id FROM unit WHERE code = '000.30.06.H56'", NULL));
  g_assert_cmpint (mc_unit_lookup_code (db, "NOPE", &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (mc_db_exec (db, "UPDATE unit SET name = 'UBND phường Phú Sơn', place_name = 'Phú Sơn', "
                                 "phone = '0237 3850 123' WHERE relation = 'self';"
                                 "INSERT INTO unit (code, name, level, relation) "
                                 "VALUES ('000.00.00.H56', 'UBND thành phố Thanh Hóa', 'huyen', 'external');"
                                 "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = '000.00.00.H56') "
                                 "WHERE relation = 'self'", &error));
  g_assert_no_error (error);
  g_assert_true (mc_unit_get_own_header (db, &name, &place, &parent, &phone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "UBND phường Phú Sơn");
  g_assert_cmpstr (place, ==, "Phú Sơn");
  g_assert_cmpstr (parent, ==, "UBND thành phố Thanh Hóa");
  g_assert_cmpstr (phone, ==, "0237 3850 123");
}

/* A department by code (the inbox's --department), active or not; the
 * procedure's duration as stored (the receipt's). */
static void
test_catalog (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  gint64 kt;

  mc_test_install_routing (db);
  kt = mc_catalog_lookup_department (catalog, "KT", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kt, ==, mc_db_query_int (db, "SELECT id FROM department WHERE code = 'KT'", NULL));
  g_assert_true (mc_db_exec (db, "UPDATE department SET active = 0 WHERE code = 'KT'", NULL));
  g_assert_cmpint (mc_catalog_lookup_department (catalog, "KT", &error), ==, kt);
  g_assert_cmpint (mc_catalog_lookup_department (catalog, "NOPE", &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (mc_db_exec (db, "UPDATE procedure SET duration = 2.5 WHERE id = (SELECT min (id) FROM procedure)",
                             NULL));
  {
    McSqlStmt *stmt = mc_db_prepare (db, "SELECT code FROM procedure ORDER BY id LIMIT 1", NULL);

    g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
    code = g_strdup (mc_sql_column_text (stmt, 0));
    mc_sql_reset (stmt);
  }
  g_assert_cmpfloat (mc_catalog_get_duration_days (catalog, code), ==, 2.5);
  g_assert_cmpfloat (mc_catalog_get_duration_days (catalog, "no.such.code"), ==, 0);
  /* Kept in hours: the receipt said "4 ngày làm việc" for a 4-hour procedure
   * whose appointment was the same afternoon. */
  g_assert_true (mc_db_exec (db, "UPDATE procedure SET duration = 4, duration_unit = 'hour' "
                                 "WHERE id = (SELECT min (id) FROM procedure)", NULL));
  g_assert_cmpfloat (mc_catalog_get_duration_days (catalog, code), ==, 0.5);
}

/* Who acts before anyone signs in: the wanted account if active, else the
 * first active one, else nobody. */
static void
test_default_username (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autofree char *wanted = NULL, *first = NULL, *inactive = NULL, *nobody = NULL;

  mc_test_install_routing (db);
  wanted = mc_accounts_default_username (db, "pct.nga");
  g_assert_cmpstr (wanted, ==, "pct.nga");
  first = mc_accounts_default_username (db, "nobody.here");
  g_assert_cmpstr (first, ==, "tn.lan");
  g_assert_true (mc_db_exec (db, "UPDATE staff SET active = 0 WHERE username = 'pct.nga'", NULL));
  inactive = mc_accounts_default_username (db, "pct.nga");
  g_assert_cmpstr (inactive, ==, "tn.lan");
  g_assert_true (mc_db_exec (db, "UPDATE staff SET active = 0", NULL));
  nobody = mc_accounts_default_username (db, NULL);
  g_assert_null (nobody);
}

/* Phụ lục 01b's figures entered together: one refused (here the second)
 * leaves none of them, and says which it was. */
static void
test_cchc_entries (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) entries = NULL;
  const char *keys[] = { "1.1.1", "1.1.2", NULL };
  const char *bad[] = { "26", "-1", NULL };
  const char *good[] = { "26", "19", NULL };
  McDate from = mc_test_date ("2026-01-01"), to = mc_test_date ("2026-06-30");
  int failed = -2;

  mc_test_install_routing (db);
  g_assert_false (mc_report_cchc_set_entries (db, 0, from, to, keys, bad, &failed, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (failed, ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM cchc_entry", NULL), ==, 0);

  g_assert_true (mc_report_cchc_set_entries (db, 0, from, to, keys, good, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (failed, ==, -1);
  entries = mc_report_cchc_entries (db, 0, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (entries, "1.1.1"), ==, "26");
  g_assert_cmpstr (g_hash_table_lookup (entries, "1.1.2"), ==, "19");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/repository/unit", test_unit);
  g_test_add_func ("/repository/catalog", test_catalog);
  g_test_add_func ("/repository/default-username", test_default_username);
  g_test_add_func ("/repository/cchc-entries", test_cchc_entries);
  return g_test_run ();
}
