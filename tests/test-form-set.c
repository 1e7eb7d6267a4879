/* test-form-set.c — which circular's forms a document follows, and the
 * "Số: …" line of each form
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mc-form-set.h"
#include "mc-test-utils.h"

#define E (&ok_error_)
#define OK(x) G_STMT_START { g_autoptr(GError) ok_error_ = NULL; g_assert_true (x); g_assert_no_error (ok_error_); } G_STMT_END

static McFormSet
set_at (McDb *db, const char *iso)
{
  return mc_form_set_for_time (db, mc_test_time (iso), NULL);
}

/* TT 03/2025/TT-VPCP's forms from 15/9/2025 by default: between Nghị định
 * 118/2025 (1/7/2025) and the circular a dossier keeps the 2018 forms. */
static void
test_switch_default (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();

  g_assert_cmpint (set_at (NULL, "2025-07-01 00:00"), ==, MC_FORM_SET_2018);
  g_assert_cmpint (set_at (db, "2025-07-01 00:00"), ==, MC_FORM_SET_2018);
  g_assert_cmpint (set_at (db, "2025-08-12 10:00"), ==, MC_FORM_SET_2018);
  g_assert_cmpint (set_at (db, "2025-09-14 23:59"), ==, MC_FORM_SET_2018);
  g_assert_cmpint (set_at (db, "2025-09-15 00:00"), ==, MC_FORM_SET_2025);
  g_assert_cmpint (set_at (db, "2024-03-14 09:30"), ==, MC_FORM_SET_2018);
  g_assert_cmpint (mc_form_set_switch_date (db, NULL), ==, mc_test_date ("2025-09-15"));
}

/* A unit whose province applied the new forms from 1/7/2025 says so. */
static void
test_switch_setting (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;

  OK (mc_form_set_set_switch_date (db, "2025-07-01", E));
  g_assert_cmpint (set_at (db, "2025-08-12 10:00"), ==, MC_FORM_SET_2025);
  g_assert_cmpint (set_at (db, "2025-06-30 23:59"), ==, MC_FORM_SET_2018);
  /* The default without a database is unchanged. */
  g_assert_cmpint (set_at (NULL, "2025-08-12 10:00"), ==, MC_FORM_SET_2018);

  /* Refused, in Vietnamese once translated, and nothing changes. */
  g_assert_false (mc_form_set_set_switch_date (db, "2025-06-30", &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_form_set_set_switch_date (db, "15/9/2025", &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
  g_assert_cmpint (mc_form_set_switch_date (db, NULL), ==, mc_test_date ("2025-07-01"));

  /* A value written by hand that is not a date falls back to the default. */
  OK (mc_db_set_setting (db, MC_FORMS_TT03_FROM_KEY, "soon", E));
  g_assert_cmpint (mc_form_set_switch_date (db, NULL), ==, mc_test_date ("2025-09-15"));
}

static void
assert_label (McFormSet set, McFormType type, const char *expected)
{
  g_autofree char *label = mc_form_set_label (set, type);

  g_assert_cmpstr (label, ==, expected);
}

/* The control sheet and the register are numbered by their set. */
static void
test_labels (void)
{
  assert_label (MC_FORM_SET_2018, MC_FORM_TYPE_RECEIPT, "Mẫu 01");
  assert_label (MC_FORM_SET_2018, MC_FORM_TYPE_APOLOGY, "Mẫu 04");
  assert_label (MC_FORM_SET_2018, MC_FORM_TYPE_CONTROL_SHEET, "Mẫu 05");
  assert_label (MC_FORM_SET_2018, MC_FORM_TYPE_REGISTER, "Mẫu 06");
  assert_label (MC_FORM_SET_2018, MC_FORM_TYPE_STOP_NOTICE, "");
  assert_label (MC_FORM_SET_2025, MC_FORM_TYPE_STOP_NOTICE, "Mẫu 05");
  assert_label (MC_FORM_SET_2025, MC_FORM_TYPE_CONTROL_SHEET, "Mẫu 06");
  assert_label (MC_FORM_SET_2025, MC_FORM_TYPE_REGISTER, "Mẫu 07");
  g_assert_cmpstr (mc_form_set_title (MC_FORM_SET_2025, MC_FORM_TYPE_STOP_NOTICE), ==,
                   "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
  g_assert_cmpstr (mc_form_set_title (MC_FORM_SET_2018, MC_FORM_TYPE_APOLOGY), ==,
                   "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
  g_assert_cmpstr (mc_form_set_circular (MC_FORM_SET_2025), ==, "Thông tư 03/2025/TT-VPCP");
}

static char *
number (McDb *db, McFormType type, const char *subject, const char *day)
{
  g_autoptr(GError) error = NULL;
  char *line = mc_form_set_number_line (db, MC_FORM_SET_2025, type, subject, mc_test_date (day), &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

#define ASSERT_NUMBER(db, type, subject, day, expected) G_STMT_START { \
    g_autofree char *line_ = number (db, type, subject, day); \
    g_assert_cmpstr (line_, ==, expected); } G_STMT_END

/* One counter per form and year; a document keeps its number. */
static void
test_numbers (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();

  ASSERT_NUMBER (db, MC_FORM_TYPE_RECEIPT, "A-1", "2026-01-05", "Số: 01/TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_RECEIPT, "A-2", "2026-01-05", "Số: 02/TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_SUPPLEMENT, "A-2", "2026-01-06", "Số: 01/PBS-TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_REFUSAL, "TC-1", "2026-01-06", "Số: 01/PTC-TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_APOLOGY, "7", "2026-01-06", "Số: 01/PXL");
  ASSERT_NUMBER (db, MC_FORM_TYPE_STOP_NOTICE, "A-1", "2026-01-06", "Số: 01/TBD-TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_CONTROL_SHEET, "A-1", "2026-01-06", "Số: 01/PKS-TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_REGISTER, "2026-01-01/2026-02-01", "2026-01-06", "Số: 01/STD-TTPVHCC");
  /* A reprint, even days later. */
  ASSERT_NUMBER (db, MC_FORM_TYPE_RECEIPT, "A-1", "2026-03-01", "Số: 01/TTPVHCC");
  /* A new year starts again at 1. */
  ASSERT_NUMBER (db, MC_FORM_TYPE_RECEIPT, "B-1", "2027-01-04", "Số: 01/TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_RECEIPT, "A-3", "2026-12-31", "Số: 03/TTPVHCC");
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM form_number", NULL), ==, 10);

  /* A Bộ phận rather than a Trung tâm. */
  OK (mc_db_set_setting (db, MC_FORMS_ISSUER_KEY, "BPTNTKQ", E));
  ASSERT_NUMBER (db, MC_FORM_TYPE_SUPPLEMENT, "A-2", "2026-01-06", "Số: 01/PBS-BPTNTKQ");
}

/* The unit numbers by hand: a blank, and nothing recorded. */
static void
test_numbers_blank (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();

  OK (mc_db_set_setting (db, MC_FORMS_NUMBERING_KEY, "blank", E));
  ASSERT_NUMBER (db, MC_FORM_TYPE_SUPPLEMENT, "A-1", "2026-01-05", "Số: ……/PBS-TTPVHCC");
  ASSERT_NUMBER (db, MC_FORM_TYPE_APOLOGY, "1", "2026-01-05", "Số: ……/PXL");
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM form_number", NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM form_number_seq", NULL), ==, 0);
}

#define N_WRITERS 4
#define N_EACH 25

static gpointer
writer_cb (gpointer path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int i = 0; i < N_EACH; i++)
    {
      g_autofree char *subject = g_strdup_printf ("%p-%d", (void *) lines, i);

      g_ptr_array_add (lines, number (db, MC_FORM_TYPE_RECEIPT, subject, "2026-01-05"));
    }
  return lines;
}

/* Connections of their own, as processes have, take numbers at once: each
 * number is given once and none is skipped. */
static void
test_numbers_parallel (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GThread *threads[N_WRITERS];

  for (int i = 0; i < N_WRITERS; i++)
    threads[i] = g_thread_new ("writer", writer_cb, (gpointer) mc_db_get_path (db));
  for (int i = 0; i < N_WRITERS; i++)
    {
      g_autoptr(GPtrArray) lines = g_thread_join (threads[i]);

      for (guint j = 0; j < lines->len; j++)
        g_assert_true (g_hash_table_add (seen, g_strdup (lines->pdata[j])));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_WRITERS * N_EACH);
  for (int n = 1; n <= N_WRITERS * N_EACH; n++)
    {
      g_autofree char *line = g_strdup_printf ("Số: %02d/TTPVHCC", n);

      g_assert_true (g_hash_table_contains (seen, line));
    }
}


static gpointer
same_subject_cb (gpointer path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);

  g_assert_no_error (error);
  return number (db, MC_FORM_TYPE_CONTROL_SHEET, "000.00.06.H56-260105-0001", "2026-01-05");
}

/* Two counters printing the same dossier's sheet at once: one number, given
 * once (the look-up and the increment are one transaction). */
static void
test_numbers_same_document (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  GThread *threads[N_WRITERS * 2];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("printer", same_subject_cb, (gpointer) mc_db_get_path (db));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *line = g_thread_join (threads[i]);

      g_assert_cmpstr (line, ==, "Số: 01/PKS-TTPVHCC");
    }
  g_assert_cmpint (mc_db_query_int (db, "SELECT last FROM form_number_seq", NULL), ==, 1);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/form-set/switch-default", test_switch_default);
  g_test_add_func ("/form-set/switch-setting", test_switch_setting);
  g_test_add_func ("/form-set/labels", test_labels);
  g_test_add_func ("/form-set/numbers", test_numbers);
  g_test_add_func ("/form-set/numbers-blank", test_numbers_blank);
  g_test_add_func ("/form-set/numbers-parallel", test_numbers_parallel);
  g_test_add_func ("/form-set/numbers-same-document", test_numbers_same_document);
  return g_test_run ();
}
