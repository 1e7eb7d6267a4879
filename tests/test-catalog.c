/* test-catalog.c — the built-in catalog, CSV import/export, all-or-nothing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-catalog.h"
#include "mc-csv.h"
#include "mc-reception.h"
#include "mc-test-utils.h"
#include "mc-text.h"

static McCatalog *
builtin_catalog (McDb *db)
{
  g_autoptr(GError) error = NULL;
  McCatalog *catalog = mc_catalog_new (db);
  McImportStats stats = { 0 };

  g_assert_true (mc_catalog_install_builtin (catalog, &stats, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
test_builtin (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = mc_catalog_list_procedures (catalog, &error);
  g_autoptr(GPtrArray) fields = mc_catalog_list_fields (catalog, &error);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (all));
  McImportStats again = { 0 };

  g_assert_cmpuint (n, >=, 120);
  g_assert_cmpuint (fields->len, >=, 52);
  g_assert_cmpstr (((McField *) fields->pdata[0])->name, ==, "Đường bộ");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_assert_true (mc_procedure_validate (p, NULL));
      g_assert_cmpuint (mc_procedure_get_steps (p)->len, >=, 2);
      g_assert_cmpfloat_with_epsilon (mc_procedure_steps_total_days (p), mc_procedure_get_days (p), 1e-6);
      g_assert_true (g_utf8_validate (mc_procedure_get_name (p), -1, NULL));
      g_hash_table_add (used, (gpointer) mc_procedure_get_field_name (p));
    }
  g_assert_cmpuint (g_hash_table_size (used), >=, 20);
  /* Installing again adds nothing. */
  g_assert_true (mc_catalog_install_builtin (catalog, &again, &error));
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (mc_catalog_count_procedures (catalog), ==, n);
}

static void
test_round_trip (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McDb) other = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(McCatalog) copy = mc_catalog_new (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = mc_catalog_export_csv (catalog, &error);
  g_autofree char *again = NULL;
  McImportStats stats = { 0 };

  g_assert_no_error (error);
  /* The copy needs the departments the steps name. */
  g_assert_cmpint (mc_catalog_ensure_department (copy, "VP", "Văn phòng", &error), >, 0);
  g_assert_cmpint (mc_catalog_ensure_department (copy, "KT", "Kinh tế", &error), >, 0);
  g_assert_cmpint (mc_catalog_ensure_department (copy, "VHXH", "Văn hóa - Xã hội", &error), >, 0);
  g_assert_cmpint (mc_catalog_ensure_department (copy, "TTPV", "Trung tâm", &error), >, 0);
  g_assert_true (mc_catalog_import_csv (copy, csv, strlen (csv), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, mc_catalog_count_procedures (catalog));
  again = mc_catalog_export_csv (copy, &error);
  g_assert_cmpstr (again, ==, csv);
  /* Importing the same file again updates, it does not duplicate. */
  g_assert_true (mc_catalog_import_csv (copy, csv, strlen (csv), &stats, &error));
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, mc_catalog_count_procedures (catalog));
}

static const struct {
  const char *csv;
  guint       line;
  const char *why;
} bad_files[] = {
  { "code,name,field,level,mechanism,days,online_level,fee\n"
    "9.000001,Thủ tục A,Hộ tịch,xa,mot_cua,1,none,0\n"
    "9.000002,Thủ tục B,Hộ tịch,quan,mot_cua,1,none,0\n", 3, "unknown level" },
  { "code,name,field,level,mechanism,days,online_level,fee\n"
    "9.000001,Thủ tục A,Hộ tịch,xa,mot_cua,1,none,0\n"
    "9.000002,Thủ tục B,Hộ tịch,xa,mot_cua,ba,none,0\n", 3, "days not a number" },
  { "code,name,field,level,mechanism,days,online_level,fee\n"
    "9.000001,Thủ tục A,Hộ tịch,xa,mot_cua,1,none,0\n"
    "9.000001,Thủ tục B,Hộ tịch,xa,mot_cua,1,none,0\n", 3, "duplicate code" },
  { "code,name,field,level,mechanism,days,online_level,fee\n"
    "9.000001,\"Thủ tục\nnhiều dòng\",Hộ tịch,xa,mot_cua,1,none,0\n"
    "9.000002,,Hộ tịch,xa,mot_cua,1,none,0\n", 4, "empty name after a multi-line record" },
  { "code,name,field,level,mechanism,days,online_level,fee,steps\n"
    "9.000001,Thủ tục A,Hộ tịch,xa,mot_cua,1,none,0,KHONGCO~chuyen_vien~1\n", 2, "unknown department" },
  { "code,name,field,level,mechanism,days,online_level,fee\n"
    "9.000001,Thủ tục A,Hộ tịch,xa,mot_cua,1,none,-5\n", 2, "negative fee" },
  { "code,name,field,level,mechanism,days,online_level,fee\n"
    "9.000001,\"Thủ tục A,Hộ tịch,xa,mot_cua,1,none,0\n", 2, "unclosed quote" },
  { "code,name,field,level,mechanism,days,online_level,fee\n"
    "9.000001,Thủ tục \xC3\x28,Hộ tịch,xa,mot_cua,1,none,0\n", 2, "invalid UTF-8" },
  { "code,name,level,mechanism,days,online_level,fee\n", 1, "missing column" },
};

static void
test_bad_lines (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  guint before = mc_catalog_count_procedures (catalog);
  gint64 fields = mc_db_query_int (db, "SELECT count(*) FROM field", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("%u:", bad_files[i].line);

      g_test_message ("%s", bad_files[i].why);
      g_assert_false (mc_catalog_import_csv (catalog, bad_files[i].csv, strlen (bad_files[i].csv), NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("→ %s", error->message);
      g_assert_nonnull (strstr (error->message, expected));
      /* Nothing written, not even the good first line. */
      g_assert_cmpuint (mc_catalog_count_procedures (catalog), ==, before);
      g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM field", NULL), ==, fields);
    }
}

static void
test_good_file (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McProcedure) p = NULL;
  const char *csv = "\xEF\xBB\xBF" "code,name,field,level,mechanism,days,online_level,fee,documents,steps\r\n"
                    "9.000001,\"Thủ tục thử, có dấu phẩy\",Lĩnh vực mới,huyen,lien_thong,\"2,5\",full,50000,"
                    "\"Tờ khai~1~0|Bản sao \"\"CCCD\"\"~0~1\",TTPV~tiep_nhan~0.5|VHXH~chuyen_vien~2\r\n";
  McImportStats stats = { 0 };
  McProcedureDocument *doc;

  g_assert_true (mc_catalog_import_csv (catalog, csv, strlen (csv), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 1);
  g_assert_cmpuint (stats.fields_added, ==, 1);
  p = mc_catalog_find_procedure (catalog, "9.000001", &error);
  g_assert_nonnull (p);
  g_assert_cmpstr (mc_procedure_get_name (p), ==, "Thủ tục thử, có dấu phẩy");
  g_assert_cmpfloat (mc_procedure_get_days (p), ==, 2.5);
  g_assert_cmpint (mc_procedure_get_mechanism (p), ==, MC_MECHANISM_LIEN_THONG);
  g_assert_cmpint (mc_procedure_get_fee (p), ==, 50000);
  doc = mc_procedure_get_documents (p)->pdata[1];
  g_assert_cmpstr (doc->name, ==, "Bản sao \"CCCD\"");
  g_assert_cmpint (doc->copies, ==, 1);
  g_assert_cmpuint (mc_procedure_get_steps (p)->len, ==, 2);
}

static void
test_save_and_validate (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McProcedure) p = mc_catalog_find_procedure (catalog, "1.001193", &error);
  g_autoptr(McProcedure) edited = NULL;
  g_autoptr(McProcedure) reread = NULL;
  McProcedureStep *first;
  int changes = 0;

  g_assert_no_error (error);
  g_signal_connect_swapped (catalog, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  edited = mc_procedure_copy (p);
  mc_procedure_set_days (edited, 3);
  first = mc_procedure_get_steps (edited)->pdata[0];
  first->days += 1;
  g_assert_true (mc_catalog_save_procedure (catalog, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes, ==, 1);
  reread = mc_catalog_find_procedure (catalog, "1.001193", &error);
  g_assert_cmpfloat (mc_procedure_get_days (reread), ==, 3);
  /* Steps longer than the law allows are refused, and nothing changes. */
  mc_procedure_set_days (edited, 0.5);
  g_assert_false (mc_catalog_save_procedure (catalog, edited, &error));
  g_assert_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID);
  g_clear_object (&reread);
  reread = mc_catalog_find_procedure (catalog, "1.001193", NULL);
  g_assert_cmpfloat (mc_procedure_get_days (reread), ==, 3);
}

/* Issue 13 item 17: no built-in procedure is of the district any more, the
 * former level is kept, and each changed one cites its source. */
static void
test_reform_competence (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = mc_catalog_list_procedures (catalog, &error);
  g_autoptr(McProcedure) ht = mc_catalog_find_procedure (catalog, "2.000528", &error);
  g_autoptr(McProcedure) nqld = mc_catalog_find_procedure (catalog, "2.001955", &error);
  guint former_district = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert_cmpint (mc_procedure_get_competence (p), !=, MC_LEVEL_HUYEN);
      if (mc_procedure_get_level (p) != MC_LEVEL_HUYEN)
        continue;
      former_district++;
      g_assert_nonnull (mc_procedure_get_competence_basis (p));
    }
  g_assert_cmpuint (former_district, ==, 67);
  g_assert_cmpint (mc_procedure_get_level (ht), ==, MC_LEVEL_HUYEN);
  g_assert_cmpint (mc_procedure_get_competence (ht), ==, MC_LEVEL_XA);
  g_assert_nonnull (strstr (mc_procedure_get_competence_basis (ht), "120/2025/NĐ-CP"));
  g_assert_cmpint (mc_procedure_get_competence (nqld), ==, MC_LEVEL_TINH);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM procedure WHERE competence NOT IN ('tinh', 'xa')",
                                    NULL), ==, 0);
}

/* A file of before the reform gets the rule (huyện → xã); a file that says
 * cấp huyện as the competence is refused and changes nothing; the export
 * writes both columns and reads back the same. */
static void
test_reform_csv (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McDb) other = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(McCatalog) copy = builtin_catalog (other);
  g_autoptr(GError) error = NULL;
  g_autoptr(McProcedure) old = NULL, set = NULL, back = NULL;
  g_autofree char *exported = NULL;
  const char *before = "code,name,field,level,mechanism,days,online_level,fee\n"
                       "9.000010,Thủ tục cũ của huyện,Hộ tịch,huyen,mot_cua,3,none,0\n";
  const char *district = "code,name,field,level,mechanism,days,online_level,fee,competence\n"
                         "9.000011,Thủ tục mới,Hộ tịch,xa,mot_cua,3,none,0,xa\n"
                         "9.000012,Thủ tục sai,Hộ tịch,huyen,mot_cua,3,none,0,huyen\n";
  const char *province = "code,name,field,level,mechanism,days,online_level,fee,competence,competence_basis\n"
                         "9.000013,Thủ tục của tỉnh,Hộ tịch,huyen,mot_cua,3,none,0,tinh,\"Nghị định X, Điều 1\"\n";
  guint n = mc_catalog_count_procedures (catalog);

  g_assert_true (mc_catalog_import_csv (catalog, before, strlen (before), NULL, &error));
  g_assert_no_error (error);
  old = mc_catalog_find_procedure (catalog, "9.000010", &error);
  g_assert_cmpint (mc_procedure_get_level (old), ==, MC_LEVEL_HUYEN);
  g_assert_cmpint (mc_procedure_get_competence (old), ==, MC_LEVEL_XA);
  g_assert_false (mc_catalog_import_csv (catalog, district, strlen (district), NULL, &error));
  g_assert_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3:"));
  g_clear_error (&error);
  g_assert_cmpuint (mc_catalog_count_procedures (catalog), ==, n + 1);
  g_assert_true (mc_catalog_import_csv (catalog, province, strlen (province), NULL, &error));
  g_assert_no_error (error);
  set = mc_catalog_find_procedure (catalog, "9.000013", &error);
  g_assert_cmpint (mc_procedure_get_competence (set), ==, MC_LEVEL_TINH);
  g_assert_cmpstr (mc_procedure_get_competence_basis (set), ==, "Nghị định X, Điều 1");
  exported = mc_catalog_export_csv (catalog, &error);
  g_assert_nonnull (strstr (exported, ",steps,competence,competence_basis"));
  g_assert_true (mc_catalog_import_csv (copy, exported, strlen (exported), NULL, &error));
  g_assert_no_error (error);
  back = mc_catalog_find_procedure (copy, "9.000013", &error);
  g_assert_cmpint (mc_procedure_get_competence (back), ==, MC_LEVEL_TINH);
  g_assert_cmpint (mc_procedure_get_level (back), ==, MC_LEVEL_HUYEN);
  g_assert_cmpstr (mc_procedure_get_competence_basis (back), ==, "Nghị định X, Điều 1");
  /* The editor's path refuses it too. */
  mc_procedure_set_competence (back, MC_LEVEL_HUYEN);
  g_assert_false (mc_catalog_save_procedure (copy, back, &error));
  g_assert_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID);
}

/* A unit declares what it receives; the declaration is audited, an unknown
 * code changes nothing, and "default" goes back to the competence. */
static void
test_reception (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McProcedure) provincial = mc_catalog_find_procedure (catalog, "1.010814", &error);
  g_autoptr(McProcedure) commune = mc_catalog_find_procedure (catalog, "1.001193", &error);
  int changes = 0;

  g_assert_no_error (error);
  g_signal_connect_swapped (catalog, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  /* The unit of a fresh database is a commune (xã). */
  g_assert_cmpint (mc_catalog_effective_reception (catalog, commune, &error), ==, MC_RECEPTION_OWN);
  g_assert_cmpint (mc_catalog_effective_reception (catalog, provincial, &error), ==, MC_RECEPTION_NONE);
  g_assert_true (mc_catalog_set_reception (catalog, "1.010814", MC_RECEPTION_PROVINCE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_catalog_get_reception (catalog, "1.010814", &error), ==, MC_RECEPTION_PROVINCE);
  g_assert_cmpint (mc_catalog_effective_reception (catalog, provincial, &error), ==, MC_RECEPTION_PROVINCE);
  g_assert_true (mc_catalog_set_reception (catalog, "1.001193", MC_RECEPTION_NONE, &error));
  g_assert_cmpint (mc_catalog_effective_reception (catalog, commune, &error), ==, MC_RECEPTION_NONE);
  g_assert_true (mc_catalog_set_reception (catalog, "1.001193", MC_RECEPTION_DEFAULT, &error));
  g_assert_cmpint (mc_catalog_effective_reception (catalog, commune, &error), ==, MC_RECEPTION_OWN);
  g_assert_cmpint (changes, ==, 3);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM unit_procedure", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM audit_log WHERE action LIKE 'unit_procedure.%'",
                                    NULL), ==, 3);
  g_assert_false (mc_catalog_set_reception (catalog, "9.999999", MC_RECEPTION_OWN, &error));
  g_assert_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_NOT_FOUND);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM unit_procedure", NULL), ==, 1);
  g_assert_cmpint (changes, ==, 3);
}

static void
test_fold (void)
{
  static const struct { const char *text, *folded; } cases[] = {
    { "Đăng ký Khai sinh", "dang ky khai sinh" },
    { "  ĐẶNG   văn   ĐỨC ", "dang van duc" },
    { "Chứng thực bản sao", "chung thuc ban sao" },
    { "Thủ tục đăng ký kết hôn", "thu tuc dang ky ket hon" },
    { "Nguyễn Thị Hường", "nguyen thi huong" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = mc_text_fold (cases[i].text);
      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
  g_assert_true (mc_text_matches_folded ("1.000894 thu tuc dang ky ket hon ho tich", "dang ky ket"));
  g_assert_true (mc_text_matches_folded ("1.000894 thu tuc dang ky ket hon ho tich", "1.000894"));
  g_assert_false (mc_text_matches_folded ("thu tuc dang ky ket hon", "ang ky"));
  g_assert_false (mc_text_matches_folded ("thu tuc dang ky ket hon", "khai sinh"));
}

/* `catalog list`'s search by SQL (mc_catalog_match_procedures) finds what
 * the procedure's search key finds in the whole list, in the same order: by
 * the code, the name, the field's name (its words are not in name_folded),
 * from a word's start only, accents and case aside. */
static void
test_match (void)
{
  static const char *const queries[] = {
    "", "khai sinh", "KHAI   Sinh", "đăng ký kết", "1.001193", "hộ tịch", "chung thuc ban",
    "inh", "ang ky", "thuế", "dan so", "khhgd", "ho tich khai", "xyz", "100%", "_", "'", "a",
  };
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = builtin_catalog (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = mc_catalog_list_procedures (catalog, &error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (all));

  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 100);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *folded = mc_text_fold (queries[q]);
      g_autoptr(GPtrArray) found = mc_catalog_match_procedures (catalog, queries[q], &error);
      guint k = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (all), i);
          McProcedureMatch *m;

          if (!mc_text_matches_folded (mc_procedure_get_search_key (p), folded))
            continue;
          g_assert_cmpuint (k, <, found->len);
          m = found->pdata[k++];
          g_assert_cmpstr (m->code, ==, mc_procedure_get_code (p));
          g_assert_cmpstr (m->name, ==, mc_procedure_get_name (p));
          g_assert_cmpfloat (m->days, ==, mc_procedure_get_days (p));
        }
      g_test_message ("“%s”: %u procedures", queries[q], k);
      g_assert_cmpuint (k, ==, found->len);
    }
  /* The cases that matter, spelled out: a name, a field, not mid-word. */
  {
    g_autoptr(GPtrArray) births = mc_catalog_match_procedures (catalog, "khai sinh", &error);
    g_autoptr(GPtrArray) field = mc_catalog_match_procedures (catalog, "hộ tịch", &error);
    g_autoptr(GPtrArray) inner = mc_catalog_match_procedures (catalog, "inh", &error);

    g_assert_cmpuint (births->len, >, 0);
    g_assert_cmpuint (field->len, >, births->len);
    g_assert_cmpuint (inner->len, ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/catalog/builtin", test_builtin);
  g_test_add_func ("/catalog/csv-round-trip", test_round_trip);
  g_test_add_func ("/catalog/bad-lines-change-nothing", test_bad_lines);
  g_test_add_func ("/catalog/good-file", test_good_file);
  g_test_add_func ("/catalog/save-and-validate", test_save_and_validate);
  g_test_add_func ("/catalog/fold", test_fold);
  g_test_add_func ("/catalog/match", test_match);
  g_test_add_func ("/catalog/reform-competence", test_reform_competence);
  g_test_add_func ("/catalog/reform-csv", test_reform_csv);
  g_test_add_func ("/catalog/reception", test_reception);
  return g_test_run ();
}
