/* test-dossier.c — reception, dossier codes, ID validation, search, import
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-audit.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-demo.h"
#include "mc-dossier-list.h"
#include "mc-dossier-store.h"
#include "mc-format.h"
#include "mc-id-number.h"
#include "mc-report-cchc.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

static McDossierStore *
new_store (McDb **db_out)
{
  g_autoptr(GError) error = NULL;
  McDb *db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(McCalendar) calendar = NULL;

  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_true (mc_db_exec (db, "UPDATE unit SET code = '000.00.06.H56' WHERE relation = 'self'", &error));
  calendar = mc_calendar_store_load (db, &error);
  *db_out = db;
  return mc_dossier_store_new (db, calendar);
}

static McDossier *
person (const char *name, const char *id_number, const char *at)
{
  McDossier *dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);

  d->procedure_code = g_strdup ("1.001193");
  d->applicant_name = g_strdup (name);
  d->applicant_id_number = g_strdup (id_number);
  d->channel = MC_CHANNEL_TRUC_TIEP;
  d->received_at = mc_test_time (at);
  mc_dossier_add_document (dossier, "Tờ khai đăng ký khai sinh", 1, 0, TRUE);
  mc_dossier_add_document (dossier, "Giấy chứng sinh", 1, 0, FALSE);
  return dossier;
}

static void
test_id_numbers (void)
{
  static const struct { const char *text, *birth; gboolean ok; McIdWarnings warnings; } cases[] = {
    { "038085012345", "1985-03-02", TRUE, MC_ID_WARNING_NONE },
    { "038 085 012 345", NULL, TRUE, MC_ID_WARNING_NONE },
    { "001301000123", "2001-05-05", TRUE, MC_ID_WARNING_NONE },     /* woman born in 2001 */
    { "001301000123", "1991-05-05", TRUE, MC_ID_WARNING_BIRTH },    /* century digit says 2000s */
    { "038085012345", "1986-01-01", TRUE, MC_ID_WARNING_BIRTH },    /* year digits 85 */
    { "099085012345", NULL, TRUE, MC_ID_WARNING_PROVINCE },         /* no province 099 */
    { "03808501234", NULL, FALSE, 0 },
    { "0380850123456", NULL, FALSE, 0 },
    { "03808501234a", NULL, FALSE, 0 },
    { "", NULL, FALSE, 0 },
    { NULL, NULL, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      McIdWarnings w = 0;
      g_autofree char *digits = mc_id_number_validate (cases[i].text, cases[i].birth, &w, &error);

      g_assert_cmpint (digits != NULL, ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_assert_cmpuint (strlen (digits), ==, 12);
          g_assert_cmpint (w, ==, cases[i].warnings);
        }
      else
        g_assert_error (error, MC_ID_ERROR, MC_ID_ERROR_INVALID);
    }
  g_assert_cmpstr (mc_id_number_province ("038085012345"), ==, "Thanh Hóa");
  {
    g_autofree char *masked = mc_id_number_mask ("038085012345");
    g_autofree char *phone = mc_phone_validate ("+84 912 345 678", NULL);
    g_assert_cmpstr (masked, ==, "038******345");
    g_assert_cmpstr (phone, ==, "0912345678");
    g_assert_null (mc_phone_validate ("12345", NULL));
  }
}

/* The QR code of a chip-based CCCD, as the counter's 2D scanner reads it. */
static void
test_id_card_qr (void)
{
  static const struct { const char *text; gboolean ok; } cases[] = {
    { "038190012345|123456789|Nguyễn Thị Lan Anh|15031990|Nữ|Thôn 2, xã Hoằng Quỳ, huyện Hoằng Hóa, Thanh Hóa|20042021", TRUE },
    { "001089000654||Trịnh Văn Hậu|01011989|Nam|Số 5 ngõ 12 Láng Hạ, Đống Đa, Hà Nội|10072022", TRUE },
    { "001089000654||Trịnh Văn Hậu|01011989|Nam|Hà Nội|10072022|extra|fields", TRUE },  /* newer cards */
    { "001089000654||Trịnh Văn Hậu|01011989|Nam|Hà Nội|", TRUE },                    /* no issue date */
    { "001089000654||Trịnh Văn Hậu|01011989|Nam|Hà Nội", FALSE },                     /* six fields */
    { "00108900065||Trịnh Văn Hậu|01011989|Nam|Hà Nội|10072022", FALSE },             /* 11 digits */
    { "001089000654|||01011989|Nam|Hà Nội|10072022", FALSE },                         /* no name */
    { "001089000654||Trịnh Văn Hậu|31021989|Nam|Hà Nội|10072022", FALSE },            /* 31 February */
    { "001089000654||Trịnh Văn Hậu|1989-01-01|Nam|Hà Nội|10072022", FALSE },
    { "000.00.00.H56-261123-0001", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McIdCard) card = mc_id_card_parse_qr (cases[i].text, &error);

      g_assert_cmpint (card != NULL, ==, cases[i].ok);
      if (!cases[i].ok)
        g_assert_error (error, MC_ID_ERROR, MC_ID_ERROR_INVALID);
    }
  {
    g_autoptr(McIdCard) card = mc_id_card_parse_qr (cases[0].text, NULL);
    g_autofree char *birth = mc_date_to_iso (card->birth_date);
    g_autofree char *issued = mc_date_to_iso (card->issued);

    g_assert_cmpstr (card->id_number, ==, "038190012345");
    g_assert_cmpstr (card->old_id_number, ==, "123456789");
    g_assert_cmpstr (card->name, ==, "Nguyễn Thị Lan Anh");
    g_assert_cmpstr (birth, ==, "1990-03-15");
    g_assert_cmpstr (card->sex, ==, "Nữ");
    g_assert_cmpstr (card->address, ==, "Thôn 2, xã Hoằng Quỳ, huyện Hoằng Hóa, Thanh Hóa");
    g_assert_cmpstr (issued, ==, "2021-04-20");
  }
  g_assert_true (mc_id_card_qr_prefix ("038190012345|"));
  g_assert_false (mc_id_card_qr_prefix ("038190012345"));
  g_assert_false (mc_id_card_qr_prefix ("03819001234a|"));
}

static void
test_receive (void)
{
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(McDossier) first = person ("Đặng Văn Đức", "038085012345", "2024-04-26 10:00");
  g_autoptr(McDossier) second = person ("Nguyễn Thị Hoa", "038190012345", "2024-04-26 10:05");
  g_autoptr(McDossier) found = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;

  g_assert_true (mc_dossier_store_receive (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mc_dossier_get_code (first), ==, "000.00.06.H56-240426-0001");
  due = mc_time_to_iso (mc_dossier_get_data (first)->due_at);
  g_assert_cmpstr (due, ==, "2024-04-26 16:00");  /* 0.5 working day: 1 h 30 before lunch, 2 h 30 after */
  g_assert_true (mc_dossier_store_receive (store, second, &error));
  g_assert_cmpstr (mc_dossier_get_code (second), ==, "000.00.06.H56-240426-0002");
  found = mc_dossier_store_find (store, "000.00.06.h56-240426-0001 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_dossier_get_applicant_name (found), ==, "Đặng Văn Đức");
  g_assert_cmpuint (mc_dossier_get_data (found)->documents->len, ==, 2);
  g_assert_false (((McDossierDocument *) mc_dossier_get_data (found)->documents->pdata[1])->received);
  events = mc_dossier_store_list_events (store, mc_dossier_get_data (found)->id, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((McDossierEvent *) events->pdata[0])->kind, ==, "receive");
}

static void
test_receive_refuses_bad_input (void)
{
  static const struct { const char *field, *value; } bad[] = {
    { "id", "12345" }, { "name", "   " }, { "procedure", "9.999999" }, { "phone", "12ab" },
    { "email", "khong-co-a-cong" }, { "birth", "2030-01-01" }, { "due", "2024-04-26 11:00" },
  };
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(McDossier) dossier = person ("Lê Văn An", "038085012345", "2024-04-26 10:00");
      McDossierData *d = mc_dossier_get_data (dossier);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (bad[i].field, "id")) { g_free (d->applicant_id_number); d->applicant_id_number = g_strdup (bad[i].value); }
      if (g_str_equal (bad[i].field, "name")) { g_free (d->applicant_name); d->applicant_name = g_strdup (bad[i].value); }
      if (g_str_equal (bad[i].field, "procedure")) { g_free (d->procedure_code); d->procedure_code = g_strdup (bad[i].value); }
      if (g_str_equal (bad[i].field, "phone")) d->applicant_phone = g_strdup (bad[i].value);
      if (g_str_equal (bad[i].field, "email")) d->applicant_email = g_strdup (bad[i].value);
      if (g_str_equal (bad[i].field, "birth")) d->applicant_birth_date = g_strdup (bad[i].value);
      if (g_str_equal (bad[i].field, "due")) d->requested_due_at = mc_test_time (bad[i].value);
      g_assert_false (mc_dossier_store_receive (store, dossier, &error));
      g_assert_nonnull (error);
      g_test_message ("%s: %s", bad[i].field, error->message);
      g_assert_null (mc_dossier_get_code (dossier));
      g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 0);
      g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_code_seq", NULL), ==, 0);
    }
}

static void
test_search (void)
{
  static const struct { const char *query; guint hits; } cases[] = {
    { "Đặng Văn Đức", 1 }, { "dang van duc", 1 }, { "DANG DUC", 1 }, { "đức", 1 }, { "duc", 1 },
    { "hoa", 1 }, { "nguyen thi", 1 }, { "038085012345", 1 }, { "0380850", 1 }, { "0912", 1 },
    { "000.00.06.H56-240426-0002", 1 }, { "tran", 0 }, { "\"*)(", 0 }, { "", 0 },
    /* The tail of a receipt code, as read off the paper (issue 15). */
    { "240426-0002", 1 }, { "H56-240426-0001", 1 }, { "0002", 1 }, { "240426", 2 }, { "240426-000", 2 },
    { "240426-0003", 0 },
    /* A phone typed with separators, stored with spaces or without any. */
    { "0912.345.678", 1 }, { "0912-345", 1 }, { "0987.654", 1 }, { "0987 654", 0 },
  };
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(McDossier) a = person ("Đặng Văn Đức", "038085012345", "2024-04-26 10:00");
  g_autoptr(McDossier) b = person ("Nguyễn Thị Hoa", "038190012399", "2024-04-26 10:05");

  mc_dossier_get_data (a)->applicant_phone = g_strdup ("0912 345 678");
  mc_dossier_get_data (b)->applicant_phone = g_strdup ("0987654321");
  g_assert_true (mc_dossier_store_receive (store, a, NULL));
  g_assert_true (mc_dossier_store_receive (store, b, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = mc_dossier_store_search (store, cases[i].query, 50, &error);

      g_test_message ("search “%s”", cases[i].query);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, cases[i].hits);
    }
}

static void
test_import (void)
{
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) imported = NULL;
  const char *good =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "H56-230101-0001,1.001193,truc_tiep,2023-03-01 08:00,2023-03-01 14:00,2023-03-01 10:00,2023-03-01 15:00,approved,Lê Văn An\n"
    "H56-230101-0002,1.001193,truc_tuyen,2023-03-01 08:00,,2023-03-02 10:00,,,Trần Thị Bình\n"
    "H56-230101-0003,1.001193,buu_chinh,2023-03-01 08:00,,,,,\"Phạm, Văn Cường\"\n";
  const char *bad =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "H56-230101-0004,1.001193,truc_tiep,2023-03-01 08:00,,,,,Lê Văn Dũng\n"
    "H56-230101-0005,1.001193,qua_email,2023-03-01 08:00,,,,,Lê Văn Em\n";
  const char *dup =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "H56-230101-0006,1.001193,truc_tiep,2023-03-01 08:00,,,,,Lê Văn Dũng\n"
    "H56-230101-0001,1.001193,truc_tiep,2023-03-01 08:00,,,,,Lê Văn Em\n";
  guint n = 0;

  g_assert_true (mc_dossier_store_import_csv (store, good, strlen (good), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  imported = mc_dossier_store_find (store, "H56-230101-0002", &error);
  g_assert_cmpstr (mc_dossier_get_data (imported)->state, ==, "result_ready");
  g_assert_cmpstr (mc_dossier_get_data (imported)->timeliness, ==, "late");  /* due 14:00 the same day */
  g_assert_false (mc_dossier_store_import_csv (store, bad, strlen (bad), &n, &error));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  g_assert_false (mc_dossier_store_import_csv (store, dup, strlen (dup), &n, &error));
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 3);
  /* The search index holds the imported rows, and its trigger is back (also after a failed import). */
  {
    g_autoptr(GPtrArray) hits = mc_dossier_store_search (store, "tran thi binh", 10, &error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
  /* (on a server the search column is the row's own, filled by its
   * trigger: the search above is the check) */
  if (!mc_test_on_pg ())
    g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'dossier_fts_insert'",
                                      NULL), ==, 1);
}

/* The import compiles its own statements without the bodies of the search
 * and audit triggers (an authorizer, mc-dossier-import.c) instead of
 * dropping the triggers for each chunk: the schema does not change, and the
 * connection's statements afterwards — one compiled before the import
 * included — run the triggers again. */
static void
test_import_keeps_triggers (void)
{
  if (mc_test_sqlite_only ("the import's PRAGMAs and SQLite triggers around it (a server's import: COPY, pg suite)"))
    return;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(McDossier) before = person ("Đặng Văn Đức", "038085012345", "2024-04-26 10:00");
  g_autoptr(McDossier) after = person ("Nguyễn Thị Hoa", "038190012345", "2024-04-26 10:05");
  g_autoptr(GError) error = NULL;
  const char *csv =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "H56-230101-0001,1.001193,truc_tiep,2023-03-01 08:00,,,,,Lý Thị Mai\n"
    "H56-230101-0002,1.001193,truc_tiep,2023-03-01 08:00,,,,,Lý Văn Sơn\n";
  const char *inserts = "SELECT count(*) FROM audit_log WHERE action = 'dossier.insert'";
  gint64 schema, audited;
  guint n = 0;

  g_assert_true (mc_dossier_store_receive (store, before, &error));
  g_assert_no_error (error);
  schema = mc_db_query_int (db, "PRAGMA schema_version", NULL);
  audited = mc_db_query_int (db, inserts, NULL);
  g_assert_cmpint (audited, >=, 1);
  g_assert_true (mc_dossier_store_import_csv (store, csv, strlen (csv), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (mc_db_query_int (db, "PRAGMA schema_version", NULL), ==, schema);
  /* Bulk: one audit row for the import, none per imported row. */
  g_assert_cmpint (mc_db_query_int (db, inserts, NULL), ==, audited);
  g_assert_true (mc_dossier_store_receive (store, after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, inserts, NULL), ==, audited + 1);
  for (const char *const *q = (const char *const[]) { "nguyen thi hoa", "dang van duc", "ly thi mai", NULL }; *q; q++)
    {
      g_autoptr(GPtrArray) hits = mc_dossier_store_search (store, *q, 10, &error);

      g_test_message ("search “%s”", *q);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
    }
}

static char *
online_level_of (McDb *db, const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (online_level, '-') FROM dossier WHERE code = '%s'", code);
  McSqlStmt *stmt = mc_db_prepare (db, sql, NULL);
  char *level = NULL;

  g_assert_nonnull (stmt);
  if (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    level = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return level;
}

static void
receive_online (McDossierStore *store, McChannel channel, const char *level, const char *expected)
{
  g_autoptr(McDossier) dossier = person ("Vũ Thị Mai", "038190012345", "2024-04-26 10:00");
  McDossierData *d = mc_dossier_get_data (dossier);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  d->channel = channel;
  d->online_level = g_strdup (level);
  g_assert_true (mc_dossier_store_receive (store, dossier, &error));
  g_assert_no_error (error);
  stored = online_level_of (mc_dossier_store_get_db (store), d->code);
  g_assert_cmpstr (stored, ==, expected);
}

/* Issue 13 item 11: an online dossier's level (một phần / toàn trình) comes
 * from its procedure at reception unless the clerk chose one; the optional
 * online_level column of the dossier CSV does the same; a level for a
 * dossier that did not come online, or an unknown level, is refused with
 * nothing written; the CCHC statistics split the online dossiers by it. */
static void
test_online_level (void)
{
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(GError) error = NULL;
  g_autofree McReportCchc *cchc = NULL;
  const char *with_column =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name,online_level\n"
    "H56-240401-0001,1.001193,truc_tuyen,2024-04-01 08:00,,,,,Lê Văn An,partial\n"
    "H56-240401-0002,1.001193,truc_tuyen,2024-04-01 08:00,,,,,Lê Văn Bình,\n"
    "H56-240401-0003,1.001193,truc_tiep,2024-04-01 08:00,,,,,Lê Văn Cường,\n";
  const char *without_column =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "H56-240401-0004,1.001193,truc_tuyen,2024-04-01 08:00,,,,,Lê Văn Dũng\n";
  const char *level_not_online =
    "online_level,code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "full,H56-240401-0005,1.001193,truc_tiep,2024-04-01 08:00,,,,,Lê Văn Em\n";
  const char *unknown_level =
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name,online_level\n"
    "H56-240401-0006,1.001193,truc_tuyen,2024-04-01 08:00,,,,,Lê Văn Giang,partial\n"
    "H56-240401-0007,1.001193,truc_tuyen,2024-04-01 08:00,,,,,Lê Văn Hà,muc_do_4\n";
  guint n = 0;

  g_assert_true (mc_db_exec (db, "UPDATE procedure SET online_level = 'full' WHERE code = '1.001193'", &error));
  /* At the counter: the procedure's level, the clerk's choice, none off line. */
  receive_online (store, MC_CHANNEL_TRUC_TUYEN, NULL, "full");
  receive_online (store, MC_CHANNEL_TRUC_TUYEN, "partial", "partial");
  receive_online (store, MC_CHANNEL_TRUC_TIEP, NULL, "-");
  g_assert_true (mc_db_exec (db, "UPDATE procedure SET online_level = 'none' WHERE code = '1.001193'", &error));
  receive_online (store, MC_CHANNEL_TRUC_TUYEN, NULL, "-");
  g_assert_true (mc_db_exec (db, "UPDATE procedure SET online_level = 'partial' WHERE code = '1.001193'", &error));
  receive_online (store, MC_CHANNEL_TRUC_TUYEN, "full", "full");
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(McDossier) dossier = person ("Vũ Thị Mai", "038190012345", "2024-04-26 10:00");

      mc_dossier_get_data (dossier)->channel = i ? MC_CHANNEL_TRUC_TUYEN : MC_CHANNEL_BUU_CHINH;
      mc_dossier_get_data (dossier)->online_level = g_strdup (i ? "muc_do_4" : "full");
      g_assert_false (mc_dossier_store_receive (store, dossier, &error));
      g_assert_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM dossier", NULL), ==, 5);

  /* The CSV: the column's value, else the procedure's (now partial). */
  g_assert_true (mc_db_exec (db, "UPDATE procedure SET online_level = 'full' WHERE code = '1.001193'", &error));
  g_assert_true (mc_dossier_store_import_csv (store, with_column, strlen (with_column), &n, &error));
  g_assert_no_error (error);
  g_assert_true (mc_dossier_store_import_csv (store, without_column, strlen (without_column), &n, &error));
  g_assert_no_error (error);
  {
    static const char *const expected[][2] = { { "H56-240401-0001", "partial" }, { "H56-240401-0002", "full" },
                                               { "H56-240401-0003", "-" }, { "H56-240401-0004", "full" } };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *level = online_level_of (db, expected[i][0]);

        g_assert_cmpstr (level, ==, expected[i][1]);
      }
  }
  g_assert_false (mc_dossier_store_import_csv (store, level_not_online, strlen (level_not_online), &n, &error));
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_false (mc_dossier_store_import_csv (store, unknown_level, strlen (unknown_level), &n, &error));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM dossier", NULL), ==, 9);

  /* The split: full 2 at the counter + 2 imported; partial 1 + 1, and the
   * online dossier of a procedure not listed online counts as một phần. */
  cchc = mc_report_cchc_compute (db, 0, mc_test_date ("2024-03-15"), mc_test_date ("2024-06-14"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cchc->value[MC_CCHC_RECEIVED_FULL], ==, 4);
  g_assert_cmpuint (cchc->value[MC_CCHC_RECEIVED_PARTIAL], ==, 3);
  g_assert_cmpuint (cchc->value[MC_CCHC_RECEIVED_DIRECT], ==, 2);
}

/* A name migrated from a system that writes NFD (decomposed: "e" then the
 * combining circumflex and tilde) is stored in NFC, as the counter stores
 * the same name typed: byte for byte the same, and found by a search typed
 * either way. */
static void
test_import_nfd (void)
{
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) typed = person ("Nguyễn Thị Ánh", "038190012399", "2024-04-26 10:00");
  g_autoptr(McDossier) imported = NULL;
  const char *nfd_name = "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 A\xcc\x81nh";
  g_autofree char *csv = g_strdup_printf (
    "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n"
    "H56-230101-0001,1.001193,truc_tiep,2023-03-01 08:00,,,,,%s\n", nfd_name);
  guint n = 0;

  g_assert_cmpstr (nfd_name, !=, "Nguyễn Thị Ánh");
  g_assert_true (mc_dossier_store_receive (store, typed, &error));
  g_assert_true (mc_dossier_store_import_csv (store, csv, strlen (csv), &n, &error));
  g_assert_no_error (error);
  imported = mc_dossier_store_find (store, "H56-230101-0001", &error);
  g_assert_nonnull (imported);
  g_assert_cmpstr (mc_dossier_get_data (imported)->applicant_name, ==, "Nguyễn Thị Ánh");
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE applicant_name = 'Nguyễn Thị Ánh'",
                                    NULL), ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      const char *queries[] = { "Nguyễn Thị Ánh", "nguyen thi anh", nfd_name };
      g_autoptr(GPtrArray) hits = mc_dossier_store_search (store, queries[i], 10, &error);

      g_test_message ("search “%s”", queries[i]);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 2);
    }
}

/* A large import into an empty table drops and rebuilds the secondary
 * indexes and writes by batches: a duplicate deep in a batch is still named
 * by its line, nothing stays written, the indexes come back, and a good file
 * gets its events and search entries. */
static GString *
large_csv (guint n, guint duplicate_line)
{
  GString *csv = g_string_new ("code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n");

  for (guint i = 0; i < n; i++)
    {
      guint line = i + 2;
      g_string_append_printf (csv, "H56-240101-%06u,1.001193,truc_tiep,2024-01-02 08:%02u,,,,,Đỗ Thị %u\n",
                              line == duplicate_line ? 2 : line, i % 60, i);
    }
  return csv;
}

static void
test_import_large (void)
{
  if (mc_test_sqlite_only ("the import dropping and rebuilding SQLite's indexes, FTS5 and pragma checks (a server's import: COPY, pg suite)"))
    return;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dup = large_csv (12000, 10501);
  g_autoptr(GString) good = large_csv (12000, 0);
  const char *indexes = "SELECT group_concat (sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type = 'index' "
                        "AND tbl_name IN ('dossier', 'dossier_event') AND sql IS NOT NULL ORDER BY name)";
  g_autofree char *before = NULL;
  guint n = 0;

  {
    McSqlStmt *stmt = mc_db_prepare (db, indexes, NULL);
    g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
    before = g_strdup (mc_sql_column_text (stmt, 0));
    mc_sql_reset (stmt);
  }
  g_assert_false (mc_dossier_store_import_csv (store, dup->str, dup->len, &n, &error));
  g_assert_nonnull (strstr (error->message, "10501"));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, 0);
  g_assert_true (mc_dossier_store_import_csv (store, good->str, good->len, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 12000);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_event WHERE kind = 'import'", NULL), ==, 12000);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'do'", NULL), ==, 12000);
  /* What the import lifted is back: foreign keys (the triggers and the
   * search index's hash size were never changed); and every row's
   * references are sound. */
  g_assert_cmpint (mc_db_query_int (db, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN "
                                        "('audit_dossier_insert', 'audit_dossier_event_insert')", NULL), ==, 2);
  g_assert_cmpint (mc_db_query_int (db, "SELECT coalesce ((SELECT v FROM dossier_fts_config WHERE k = 'hashsize'), "
                                        "1048576)", NULL), ==, 1048576);
  g_assert_false (mc_db_exec (db, "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, "
                                  "received_at, due_at, state) VALUES ('FK-1', 999999, 1, 'X', 'truc_tiep', 1, 2, "
                                  "'received')", &error));
  g_clear_error (&error);
  {
    McSqlStmt *stmt = mc_db_prepare (db, indexes, NULL);
    g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
    g_assert_cmpstr (mc_sql_column_text (stmt, 0), ==, before);
    mc_sql_reset (stmt);
  }
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'",
                                    NULL), ==, 0);
  /* The import lifts the CHECK constraints (its values come from its own
   * constants): every row meets them anyway, and they are enforced again. */
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE channel NOT IN ('truc_tiep', 'buu_chinh', "
                                        "'truc_tuyen') OR state NOT IN ('processing', 'result_ready', 'returned', "
                                        "'unqualified', 'withdrawn') OR coalesce (outcome, 'approved') NOT IN ('approved', "
                                        "'unqualified', 'withdrawn') OR coalesce (timeliness, 'late') NOT IN ('early', "
                                        "'on_time', 'late') OR imported != 1 OR applicant_kind != 'person'", NULL), ==, 0);
  g_assert_false (mc_db_exec (db, "UPDATE dossier SET channel = 'qua_email' WHERE id = 1", &error));
  g_clear_error (&error);
  /* One audit row sums the import up (the refused one has one too if it
   * had committed chunks before line 10501), and the chain still verifies. */
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM audit_log WHERE object_kind = 'dossier' "
                                        "AND action != 'import.abandoned'", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import' "
                                        "AND detail LIKE '%12000%'", NULL), ==, 1);
  {
    gint64 rows = 0, bad = 0;
    g_assert_true (mc_audit_verify (db, &rows, &bad, &error));
    g_assert_no_error (error);
  }
}

/* Every order, both directions, with and without a filter: the model's row
 * at a position is the row SQL's ORDER BY … OFFSET puts there, whether the
 * position is reached by scrolling or by jumping (from the start, from the
 * end, near a page read before), and a position reads the same row again. */
static void
check_order (McDb *db, McDossierList *list, const char *where, const char *order_by, gboolean reversed)
{
  GListModel *model = G_LIST_MODEL (list);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *stmt;
  GString *ob = g_string_new (NULL);
  g_auto(GStrv) keys = g_strsplit (order_by, ";", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (ob, "%s%s %s", i ? ", " : "", keys[i], reversed ? "DESC" : "ASC");
  sql = g_strdup_printf ("SELECT code FROM dossier d %s ORDER BY %s", where, ob->str);
  g_string_free (ob, TRUE);
  stmt = mc_db_prepare (db, sql, NULL);
  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    g_ptr_array_add (expected, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  g_assert_cmpuint (n, ==, expected->len);
  for (guint k = 0; k < 40 + n / 10; k++)
    {
      /* Jumps anywhere, then a short run as when scrolling. */
      guint p = k % 4 == 3 ? n - 1 - (guint) g_rand_int_range (rand, 0, (gint32) MIN (n, 300))
                           : (guint) g_rand_int_range (rand, 0, (gint32) n);
      for (guint i = p; i < MIN (n, p + 3); i++)
        {
          g_autoptr(McDossier) d = g_list_model_get_item (model, i);
          g_assert_nonnull (d);
          g_assert_cmpstr (mc_dossier_get_data (d)->code, ==, expected->pdata[i]);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McDossier) d = g_list_model_get_item (model, i);
      g_assert_cmpstr (mc_dossier_get_data (d)->code, ==, expected->pdata[i]);
    }
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *calls)
{
  (*calls)++;
}

/* A row counted but gone when its page is read (dossiers that left the
 * query meanwhile, at another desk): the list gives an empty dossier for it,
 * never NULL below its count (GTK's views took NULL: criticals), and counts
 * again from an idle, which shrinks the list to the rows there are. */
static void
test_list_stand_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossierList) list = NULL;
  McDossierQuery q = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, (char *) "nguy", MC_DOSSIER_ORDER_NEWEST, FALSE };
  g_autoptr(McDossier) last = NULL;
  g_autofree char *sql = NULL;
  guint n, calls = 0;
  gint64 now;

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  g_assert_true (mc_demo_fill (db, 300, 3, NULL, &error));
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  list = mc_dossier_list_new (store);
  /* Received from now on: later than every demo dossier. */
  q.from = now = mc_db_query_int (db, "SELECT max (received_at) FROM dossier", NULL) - 30 * 86400;
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 2);
  /* All but the newest leave the query before any page is read. */
  sql = g_strdup_printf ("UPDATE dossier SET received_at = received_at - 400 * 86400 WHERE received_at >= %"
                         G_GINT64_FORMAT " AND id <> (SELECT max (id) FROM dossier)", now);
  g_assert_true (mc_db_exec (db, sql, &error));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_nonnull (last);
  g_assert_true (MC_IS_DOSSIER (last));
  g_assert_cmpstr (mc_dossier_get_data (last)->code, ==, "");
  g_assert_cmpuint (calls, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, n);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(McDossier) d = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (mc_dossier_get_data (d)->code, !=, "");
    }
}

static void
test_list_orders (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossierList) list = NULL;
  McDossierQuery q = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
  /* The orders as a user sees them: ties (same minute, same name, same
   * appointment) broken the same way every time. */
  static const char *const order_by[MC_DOSSIER_N_ORDERS] = {
    [MC_DOSSIER_ORDER_NEWEST] = "received_at;procedure_id;channel;id",
    [MC_DOSSIER_ORDER_DUE] = "coalesce (extended_due_at, due_at);id",
    [MC_DOSSIER_ORDER_CODE] = "code",
    [MC_DOSSIER_ORDER_APPLICANT] = "applicant_name;id",
    [MC_DOSSIER_ORDER_STATE] = "state;received_at;id",
  };

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  g_assert_true (mc_demo_fill (db, 1700, 5, NULL, &error));
  /* Some appointments moved by an apology letter. */
  g_assert_true (mc_db_exec (db, "UPDATE dossier SET extended_due_at = due_at + 86400 * 3 WHERE id % 7 = 0", &error));
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  list = mc_dossier_list_new (store);
  for (McDossierOrder o = 0; o < MC_DOSSIER_N_ORDERS; o++)
    for (int reversed = 0; reversed < 2; reversed++)
      for (int filtered = 0; filtered < 3; filtered++)
        {
          /* Open dossiers are a few, found by the state's index; finished
           * ones most of the table, found along the order's index. */
          static const char *const wheres[] = {
            "", "WHERE state IN ('received', 'processing', 'paused', 'sent_external')",
            "WHERE state IN ('returned', 'unqualified', 'withdrawn')",
          };
          static const McDossierFilter filters[] = { MC_DOSSIER_FILTER_ALL, MC_DOSSIER_FILTER_OPEN,
                                                     MC_DOSSIER_FILTER_FINISHED };

          g_test_message ("order %d%s, %s", o, reversed ? " reversed" : "", wheres[filtered]);
          q.order = o;
          q.reversed = reversed;
          q.filter = filters[filtered];
          g_assert_true (mc_dossier_list_set_query (list, &q, &error));
          check_order (db, list, wheres[filtered], order_by[o], (o == MC_DOSSIER_ORDER_NEWEST) != reversed);
        }
}

/* The orders a long list needs are served by an index, never a sort. */
static void
test_list_orders_indexed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;
  static const char *const order_by[MC_DOSSIER_N_ORDERS] = {
    [MC_DOSSIER_ORDER_NEWEST] = "received_at;procedure_id;channel;id",
    [MC_DOSSIER_ORDER_DUE] = "coalesce (extended_due_at, due_at);id",
    [MC_DOSSIER_ORDER_CODE] = "code",
    [MC_DOSSIER_ORDER_APPLICANT] = "applicant_name;id",
    [MC_DOSSIER_ORDER_STATE] = "state;received_at;id",
  };

  if (mc_test_sqlite_only ("EXPLAIN QUERY PLAN (a server's plans: bench/pg)"))
    return;
  db = mc_test_db_new ();
  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  g_assert_true (mc_demo_fill (db, 1700, 5, NULL, &error));
  g_assert_no_error (error);
  for (McDossierOrder o = 0; o < MC_DOSSIER_N_ORDERS; o++)
    {
      g_auto(GStrv) keys = g_strsplit (o == MC_DOSSIER_ORDER_DUE ? "appointment_at;id" : order_by[o], ";", -1);
      g_autofree char *list_keys = g_strjoinv (", ", keys);
      g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT code FROM dossier ORDER BY %s LIMIT 200",
                                              list_keys);
      McSqlStmt *stmt = mc_db_prepare (db, sql, &error);

      g_assert_no_error (error);
      while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
        {
          g_test_message ("%s: %s", list_keys, mc_sql_column_text (stmt, 3));
          g_assert_null (strstr (mc_sql_column_text (stmt, 3), "TEMP B-TREE"));
        }
      mc_sql_reset (stmt);
    }
}

/* Each statement a bounded read ran, as prepared (the SQL with its ?). */
static int
collect_cb (unsigned kind, void *data, void *p, void *x)
{
  const char *sql = sqlite3_sql (p);

  if (sql != NULL && !g_str_has_prefix (sql, "EXPLAIN"))
    g_ptr_array_add (data, g_strdup (sql));
  return 0;
}

/* No full scan of the dossiers and no sort of them: every statement of the
 * reads a page or a badge makes (issue 15: the return desk read 50,618 rows
 * at a million dossiers) is served by an index. */
static void
assert_plans_use_indexes (McDb *db, GPtrArray *statements)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (statements->len, >, 0);
  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN %s", (char *) statements->pdata[i]);
      McSqlStmt *stmt = mc_db_prepare (db, sql, &error);

      g_assert_no_error (error);
      while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
        {
          const char *detail = mc_sql_column_text (stmt, 3);

          g_test_message ("%s\n  %s", (char *) statements->pdata[i], detail);
          /* Only a bounded subquery's rows (LIMIT 2000, as d) may be scanned, grouped and sorted. */
          if (strstr (statements->pdata[i], "LIMIT 2000") == NULL)
            {
              g_assert_false (g_str_has_prefix (detail, "SCAN d") && strstr (detail, "USING") == NULL);
              g_assert_null (strstr (detail, "TEMP B-TREE FOR ORDER BY"));
            }
          else if (g_str_has_prefix (detail, "SEARCH r") || g_str_has_prefix (detail, "SCAN r"))
            g_assert_nonnull (strstr (detail, "dossier_by_received"));
          g_assert_false (g_str_has_prefix (detail, "SCAN dossier") && strstr (detail, "USING") == NULL);
        }
      mc_sql_reset (stmt);
    }
}

static void
test_bounded_plans (void)
{
  if (mc_test_sqlite_only ("SQLite's trace and EXPLAIN QUERY PLAN"))
    return;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McWorkflow) wf = NULL;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) first = NULL, recent = NULL;
  g_autoptr(McDossierStore) store = NULL;
  guint n, total, overdue;

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  g_assert_true (mc_demo_fill (db, 1500, 3, NULL, &error));
  calendar = mc_calendar_store_load (db, &error);
  wf = mc_workflow_new (db, calendar);
  store = mc_dossier_store_new (db, calendar);
  sqlite3_trace_v2 (mc_db_get_handle (db), SQLITE_TRACE_STMT, collect_cb, statements);
  first = mc_workflow_ready_first (wf, NULL, 200, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, MIN (n, 200));
  g_assert_true (mc_workflow_count_ready (wf, &n, &error));
  g_assert_true (mc_workflow_count_inbox_overdue (wf, 0, NULL, mc_time_now (), &total, &overdue, &error));
  g_assert_true (mc_workflow_count_inbox_overdue (wf, 1, NULL, mc_time_now (), &total, &overdue, &error));
  recent = mc_dossier_store_recent_procedures (store, "", 8, &error);
  g_assert_no_error (error);
  sqlite3_trace_v2 (mc_db_get_handle (db), 0, NULL, NULL);
  assert_plans_use_indexes (db, statements);
}

/* Every filter of Danh sách hồ sơ in every order, both ways: its first and
 * last pages and its count are read along an index, never sorted (issue 15:
 * "being processed" and "overdue" sorted all 143,963 open dossiers of 5M for
 * each first page), and a filter that names a set of dossiers reads that
 * set's partial index (migration 0029), not the whole table's. */
static void
test_filtered_list_plans (void)
{
  if (mc_test_sqlite_only ("SQLite's trace and EXPLAIN QUERY PLAN (a server's plans: bench/pg)"))
    return;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossierList) list = NULL;
  static const struct { McDossierFilter filter; const char *index; } filters[] = {
    { MC_DOSSIER_FILTER_ALL, NULL }, { MC_DOSSIER_FILTER_OPEN, "dossier_open_by_" },
    { MC_DOSSIER_FILTER_DUE_SOON, "dossier_open_by_" }, { MC_DOSSIER_FILTER_OVERDUE, "dossier_open_by_" },
    { MC_DOSSIER_FILTER_STEP_LATE, "dossier_open_by_" }, { MC_DOSSIER_FILTER_READY, "dossier_ready_by_" },
    { MC_DOSSIER_FILTER_FINISHED, NULL }, { MC_DOSSIER_FILTER_TO_HAND_BACK, "dossier_waiting_by_" },
  };

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  g_assert_true (mc_demo_fill (db, 1500, 3, NULL, &error));
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  list = mc_dossier_list_new (store);
  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    for (McDossierOrder o = 0; o < MC_DOSSIER_N_ORDERS; o++)
      for (int reversed = 0; reversed < 2; reversed++)
        {
          McDossierQuery q = { filters[f].filter, 0, -1, 0, 0, NULL, o, reversed };
          g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(McDossier) first = NULL, last = NULL;
          guint n;

          sqlite3_trace_v2 (mc_db_get_handle (db), SQLITE_TRACE_STMT, collect_cb, statements);
          g_assert_true (mc_dossier_list_set_query (list, &q, &error));
          g_assert_no_error (error);
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          first = g_list_model_get_item (G_LIST_MODEL (list), 0);
          last = n > 0 ? g_list_model_get_item (G_LIST_MODEL (list), n - 1) : NULL;
          sqlite3_trace_v2 (mc_db_get_handle (db), 0, NULL, NULL);
          g_test_message ("filter %d, order %d%s: %u dossiers", filters[f].filter, o, reversed ? " reversed" : "", n);
          /* The demo has dossiers in every set, several pages of some. */
          g_assert_cmpuint (n, >, 0);
          g_assert_nonnull (last);
          g_assert_cmpuint (statements->len, >, 0);
          for (guint i = 0; i < statements->len; i++)
            {
              g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN %s", (char *) statements->pdata[i]);
              McSqlStmt *stmt = mc_db_prepare (db, sql, &error);
              gboolean page = g_str_has_prefix (statements->pdata[i], "SELECT d.code,");

              g_assert_no_error (error);
              while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
                {
                  const char *detail = mc_sql_column_text (stmt, 3);

                  g_test_message ("%s\n  %s", (char *) statements->pdata[i], detail);
                  g_assert_null (strstr (detail, "TEMP B-TREE"));
                  g_assert_false (g_str_equal (detail, "SCAN d"));
                  if (page && filters[f].index != NULL &&
                      (g_str_has_prefix (detail, "SCAN d ") || g_str_has_prefix (detail, "SEARCH d ")))
                    g_assert_nonnull (strstr (detail, filters[f].index));
                }
              mc_sql_reset (stmt);
            }
        }
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossierList) list = NULL;
  McDossierQuery q = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
  gint64 total, overdue, ready;
  g_autoptr(McDossier) first = NULL, last = NULL;
  McTime now;

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  now = mc_time_now ();
  g_assert_true (mc_demo_fill (db, 1500, 3, NULL, &error));
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  list = mc_dossier_list_new (store);
  total = mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  /* Newest first, and the last row reachable (several pages away). */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), (guint) total - 1);
  g_assert_nonnull (first);
  g_assert_nonnull (last);
  g_assert_cmpint (mc_dossier_get_data (first)->received_at, >=, mc_dossier_get_data (last)->received_at);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), (guint) total));
  q.filter = MC_DOSSIER_FILTER_OVERDUE;
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM dossier WHERE state IN ('received', "
                                            "'processing', 'paused', 'sent_external') AND coalesce "
                                            "(extended_due_at, due_at) < %" G_GINT64_FORMAT, now);
    overdue = mc_db_query_int (db, sql, NULL);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, overdue);
  /* Earliest appointment first. */
  q.order = MC_DOSSIER_ORDER_DUE;
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(McDossier) a = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
      g_autoptr(McDossier) b = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (mc_dossier_get_data (a)->due_at, <=, mc_dossier_get_data (b)->due_at);
    }
  q.order = MC_DOSSIER_ORDER_NEWEST;
  q.filter = MC_DOSSIER_FILTER_READY;
  q.channel = MC_CHANNEL_TRUC_TIEP;
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  ready = mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE state = 'result_ready' AND channel = 'truc_tiep'", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ready);
  q.filter = MC_DOSSIER_FILTER_ALL;
  q.channel = -1;
  q.from = now - 30 * 86400;
  q.field_id = mc_db_query_int (db, "SELECT id FROM field WHERE name = 'Chứng thực'", NULL);
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
                                            "WHERE p.field_id = %" G_GINT64_FORMAT " AND d.received_at >= %" G_GINT64_FORMAT,
                                            q.field_id, q.from);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, mc_db_query_int (db, sql, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  }
  q.from = now + 86400;
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  q.from = 0;
  q.field_id = 0;
  q.text = (char *) "nguyen";
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(McDossier) d = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_true (g_str_has_prefix (mc_dossier_get_applicant_name (d), "Nguyễn"));
    }
}


/* A search narrowed by a key gives out the rows it had as the same objects
 * (GTK keeps their rows instead of binding them again: issue 15's
 * keystroke), updated in place with what changed since. */
static void
notified_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_list_same_objects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossierList) list = NULL;
  McDossierQuery q = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, (char *) "nguy", MC_DOSSIER_ORDER_NEWEST, FALSE };
  g_autoptr(McDossier) first = NULL, again = NULL, other = NULL;
  g_autofree char *sql = NULL;
  guint notified = 0;

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  g_assert_true (mc_demo_fill (db, 300, 3, NULL, &error));
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  list = mc_dossier_list_new (store);
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (mc_dossier_get_applicant_name (first), "Nguyễn"));
  g_signal_connect (first, "notify", G_CALLBACK (notified_cb), &notified);
  q.text = (char *) "nguyen";
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpuint (notified, ==, 0);
  /* Changed meanwhile (another desk): the same object, told of the change. */
  sql = g_strdup_printf ("UPDATE dossier SET applicant_name = 'Nguyễn Văn Đổi' WHERE id = %" G_GINT64_FORMAT,
                         mc_dossier_get_data (first)->id);
  g_assert_true (mc_db_exec (db, sql, &error));
  g_assert_true (mc_dossier_list_refresh (list, &error));
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpstr (mc_dossier_get_applicant_name (first), ==, "Nguyễn Văn Đổi");
  g_assert_cmpuint (notified, >, 0);
  g_signal_handlers_disconnect_by_func (first, notified_cb, &notified);
  /* A row the query no longer has is not given out again once it is gone. */
  q.text = (char *) "tran";
  g_assert_true (mc_dossier_list_set_query (list, &q, &error));
  other = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (other);
  g_assert_true (other != first);
  g_assert_true (g_str_has_prefix (mc_dossier_get_applicant_name (other), "Trần"));
}

static char *
query_text (McDb *db, const char *sql)
{
  McSqlStmt *stmt = mc_db_prepare (db, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
  text = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return text;
}

/* Every dossier id `match` finds in `table`, in order. */
static char *
fts_ids (McDb *db, const char *table, const char *match)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (group_concat (rowid), '') FROM (SELECT rowid FROM %s "
                                          "WHERE %s MATCH ? ORDER BY rowid)", table, table);
  McSqlStmt *stmt = mc_db_prepare (db, sql, NULL);
  char *ids;

  g_assert_nonnull (stmt);
  mc_sql_bind_text (stmt, 1, match, -1, MC_SQL_TRANSIENT);
  g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
  ids = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return ids;
}

/* The prefix lists of the search index (migrations 0013, 0030) change how fast a
 * search is, not what it finds: on a demo center, each query finds the same
 * dossiers as in an index without them, built from the same rows. */
static void
test_search_prefix_index (void)
{
  if (mc_test_sqlite_only ("the FTS5 prefix index (a server searches search_folded with pg_trgm)"))
    return;
  static const char *const queries[] = {
    "n", "a", "đ", "Đ", "d", "ng", "ngu", "nguy", "nguyen", "Nguyễn Văn A", "nguyen van a", "nguyen thi h",
    "Trần Thị Ng", "tran thi ng", "đỗ", "do", "Đặng Đ", "le", "lê thị thu", "ph", "phạm",
    "0", "03", "038", "0380", "09", "091", "0912", "h", "h5", "h56", "000.00.06.H56-2", "2611", "-0001",
    "ư", "ơ", "x", "nguye", "Nguyễn Văn Bình", "nguyen van binh", "tran thi huong", "phuon", "thanh", "hoang",
    "duong", "nghieng", "0380", "03801", "cuong", "0380123", "hoang van", "H56-26", "H56-2611",
  };
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  guint found = 0;

  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  g_assert_true (mc_demo_fill (db, 3000, 7, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = query_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'dossier_fts'");
    g_assert_nonnull (strstr (sql, "prefix = '1 2 3 4 5 6'"));
  }
  g_assert_true (mc_db_exec (db, "CREATE VIRTUAL TABLE plain_fts USING fts5 (code, applicant_name, "
                                 "applicant_id_number, applicant_phone, content = 'dossier', content_rowid = 'id', "
                                 "tokenize = 'vn'); INSERT INTO plain_fts (plain_fts) VALUES ('rebuild')", &error));
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *match = mc_dossier_store_fts_query (queries[i]);
      g_autofree char *with = fts_ids (db, "dossier_fts", match);
      g_autofree char *without = fts_ids (db, "plain_fts", match);

      g_test_message ("“%s” → %s: %zu characters of ids", queries[i], match, strlen (with));
      g_assert_cmpstr (with, ==, without);
      found += *with != '\0';
    }
  /* Not a comparison of empty lists. */
  g_assert_cmpuint (found, >=, G_N_ELEMENTS (queries) - 4);
}

/* dossier_state_count says what counting the dossiers says. */
static void
assert_state_counts (McDb *db)
{
  g_autofree char *kept = query_text (db, "SELECT group_concat (state || n) FROM (SELECT state, n FROM "
                                          "dossier_state_count WHERE n > 0 ORDER BY state)");
  g_autofree char *counted = query_text (db, "SELECT group_concat (state || n) FROM (SELECT state, count(*) AS n "
                                             "FROM dossier GROUP BY state ORDER BY state)");

  g_test_message ("state counts: %s", kept);
  g_assert_cmpstr (kept, ==, counted);
}

static char *
describe (McDossierList *list, McDossierQuery *q, const char *text, McDossierCountKind *kind)
{
  g_autoptr(GError) error = NULL;

  q->text = (char *) text;
  g_assert_true (mc_dossier_list_set_query (list, q, &error));
  g_assert_no_error (error);
  mc_dossier_list_get_total (list, kind);
  return mc_dossier_list_describe_count (list);
}

/* The count under the list: exact from the state counters (migration 0014)
 * for the whole list and the state filters, exact for a search up to 10,000
 * hits though only the newest 1,000 are listed, and "hơn" past that — never a
 * number that looks exact and is not (it said "1.000" for 1,174). */
static void
test_list_count (void)
{
  if (mc_test_sqlite_only ("dossiers deleted under PRAGMA foreign_keys = OFF"))
    return;
  g_autoptr(McDb) db = NULL;
  g_autoptr(McDossierStore) store = new_store (&db);
  g_autoptr(McDossierList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = large_csv (12000, 0);
  McDossierQuery q = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
  McDossierCountKind kind;
  guint n = 0;

  mc_test_use_vietnamese ();
  g_assert_true (mc_dossier_store_import_csv (store, csv->str, csv->len, &n, &error));
  g_assert_no_error (error);
  list = mc_dossier_list_new (store);
  /* Counted to the end however loaded the machine is; estimates below. */
  mc_dossier_list_set_count_budget (list, G_MAXINT64 / 2);
  /* The counters follow an import, a change of state and a removal. */
  assert_state_counts (db);
  g_assert_true (mc_db_exec (db, "UPDATE dossier SET state = 'withdrawn' WHERE id % 5 = 0", &error));
  assert_state_counts (db);
  g_assert_true (mc_db_exec (db, "PRAGMA foreign_keys = OFF; DELETE FROM dossier WHERE id % 7 = 0; "
                                 "PRAGMA foreign_keys = ON", &error));
  assert_state_counts (db);
  n = (guint) mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL);
  {
    g_autofree char *all = describe (list, &q, NULL, &kind);
    g_autofree char *expected = g_strdup_printf ("%u.%03u hồ sơ", n / 1000, n % 1000);

    g_assert_cmpstr (all, ==, expected);
    g_assert_cmpint (kind, ==, MC_DOSSIER_COUNT_EXACT);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  }
  q.filter = MC_DOSSIER_FILTER_FINISHED;
  {
    g_autofree char *finished = describe (list, &q, NULL, &kind);
    guint n_finished = (guint) mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE state = 'withdrawn'", NULL);
    g_autofree char *expected = g_strdup_printf ("%u.%03u hồ sơ", n_finished / 1000, n_finished % 1000);

    g_assert_cmpstr (finished, ==, expected);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_finished);
  }
  q.filter = MC_DOSSIER_FILTER_ALL;
  {
    g_autofree char *text = describe (list, &q, "Đỗ", &kind);

    g_assert_cmpstr (text, ==, "hơn 10.000 hồ sơ — hiện 1.000 hồ sơ mới nhất");
    g_assert_cmpint (kind, ==, MC_DOSSIER_COUNT_MORE_THAN);
  }
  /* A search with another filter counts among the newest 10,001 hits. */
  q.filter = MC_DOSSIER_FILTER_FINISHED;
  {
    g_autofree char *text = describe (list, &q, "do", &kind);
    g_autofree char *expected = NULL;
    guint shown = g_list_model_get_n_items (G_LIST_MODEL (list));
    guint64 total = mc_dossier_list_get_total (list, NULL);

    g_assert_cmpint (kind, ==, MC_DOSSIER_COUNT_AT_LEAST);
    g_assert_cmpuint (shown, >, 100);
    g_assert_cmpuint (shown, <, 1000);
    g_assert_cmpuint (total, >, 1000);
    expected = g_strdup_printf ("ít nhất %u.%03u hồ sơ — hiện %u hồ sơ mới nhất", (guint) total / 1000,
                                (guint) total % 1000, shown);
    g_assert_cmpstr (text, ==, expected);
  }
  /* Hits too costly to count in time are estimated from the newest 1,000,
   * and the count says so: ids 1–12,000 less every fifth withdrawn and every
   * seventh removed, so "do" with the finished filter lists the withdrawn
   * among the newest hits. */
  mc_dossier_list_set_count_budget (list, 0);
  {
    g_autofree char *text = describe (list, &q, "do", &kind);
    guint shown = g_list_model_get_n_items (G_LIST_MODEL (list));
    guint64 total = mc_dossier_list_get_total (list, NULL);
    guint64 real = (guint64) mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE state = 'withdrawn'", NULL);
    g_autofree char *rounded = mc_format_count_rounded ((gint64) total);
    g_autofree char *expected = g_strdup_printf ("khoảng %s hồ sơ — hiện %u hồ sơ mới nhất", rounded, shown);

    g_test_message ("%s (really %" G_GUINT64_FORMAT ")", text, real);
    g_assert_cmpint (kind, ==, MC_DOSSIER_COUNT_ABOUT);
    g_assert_cmpstr (text, ==, expected);
    g_assert_cmpuint (total, >, real * 8 / 10);
    g_assert_cmpuint (total, <, real * 12 / 10);
  }
  q.filter = MC_DOSSIER_FILTER_ALL;
  {
    g_autofree char *text = describe (list, &q, "do", &kind);

    g_assert_cmpint (kind, ==, MC_DOSSIER_COUNT_ABOUT);
    g_assert_nonnull (g_strrstr (text, "— hiện 1.000 hồ sơ mới nhất"));
    g_assert_true (g_str_has_prefix (text, "khoảng 10.000 hồ sơ") || g_str_has_prefix (text, "khoảng 11.000 hồ sơ"));
  }
  mc_dossier_list_set_count_budget (list, G_MAXINT64 / 2);
  q.filter = MC_DOSSIER_FILTER_ALL;
  g_assert_true (mc_db_exec (db, "PRAGMA foreign_keys = OFF; DELETE FROM dossier WHERE id > 11100 AND id % 7 != 0; "
                                 "PRAGMA foreign_keys = ON", &error));
  /* "Đỗ Thị 1…": 1, 10–19, 100–199, 1000–1999 and 10000–11099, less each
   * seventh row removed above. */
  n = (guint) mc_db_query_int (db, "SELECT count(*) FROM dossier WHERE applicant_name GLOB 'Đỗ Thị 1*'", NULL);
  g_assert_cmpuint (n, >, 1000);
  {
    g_autofree char *text = describe (list, &q, "do thi 1", &kind);
    g_autofree char *expected = g_strdup_printf ("%u.%03u hồ sơ — hiện 1.000 hồ sơ mới nhất", n / 1000, n % 1000);

    g_assert_cmpstr (text, ==, expected);
    g_assert_cmpint (kind, ==, MC_DOSSIER_COUNT_EXACT);
    g_assert_cmpuint (mc_dossier_list_get_total (list, NULL), ==, n);
  }
  {
    g_autofree char *text = describe (list, &q, "do thi 123", &kind);
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " hồ sơ", mc_db_query_int (db,
        "SELECT count(*) FROM dossier WHERE applicant_name GLOB 'Đỗ Thị 123*'", NULL));

    g_assert_cmpstr (text, ==, expected);
  }
  setlocale (LC_ALL, "C");  /* the other tests read English messages */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/dossier/id-numbers", test_id_numbers);
  g_test_add_func ("/dossier/id-card-qr", test_id_card_qr);
  g_test_add_func ("/dossier/receive", test_receive);
  g_test_add_func ("/dossier/receive-refuses-bad-input", test_receive_refuses_bad_input);
  g_test_add_func ("/dossier/search", test_search);
  g_test_add_func ("/dossier/import", test_import);
  g_test_add_func ("/dossier/import-large", test_import_large);
  g_test_add_func ("/dossier/import-keeps-triggers", test_import_keeps_triggers);
  g_test_add_func ("/dossier/import-nfd", test_import_nfd);
  g_test_add_func ("/dossier/online-level", test_online_level);
  g_test_add_func ("/dossier/list", test_list);
  g_test_add_func ("/dossier/list-same-objects", test_list_same_objects);
  g_test_add_func ("/dossier/list-stand-in", test_list_stand_in);
  g_test_add_func ("/dossier/bounded-plans", test_bounded_plans);
  g_test_add_func ("/dossier/filtered-list-plans", test_filtered_list_plans);
  g_test_add_func ("/dossier/list-orders", test_list_orders);
  g_test_add_func ("/dossier/list-orders-indexed", test_list_orders_indexed);
  g_test_add_func ("/dossier/search-prefix-index", test_search_prefix_index);
  /* Last: it reads the count in Vietnamese, and the messages other tests
   * look for are the English ones. */
  g_test_add_func ("/dossier/list-count", test_list_count);
  return g_test_run ();
}
