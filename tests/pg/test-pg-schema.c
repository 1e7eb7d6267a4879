/* test-pg-schema.c — the PostgreSQL steps applied, and what they compute in SQL
 * computed as the C code computes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against a real server (MOTCUA_TEST_PG, a keyword=value conninfo of a user
 * who may create databases and roles; skipped without it): the schema
 * migrates from nothing and again as a no-op; a chain written by the
 * server's triggers verifies with mc-audit.c's own rule (mc_audit_row_hash)
 * and an edit is found by both; mc_fold () is mc_text_fold (), mc_mask_name ()
 * is mc_privacy_mask_name ().
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "mc-audit.h"
#include "mc-db.h"
#include "mc-pg-schema-private.h"
#include "mc-privacy.h"
#include "mc-text.h"

static char *admin_info;
static char *db_name;
static PGconn *conn;

static PGresult *
run (const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (res));
  return res;
}

static char *
value (const char *sql)
{
  PGresult *res = run (sql);
  char *v = g_strdup (PQntuples (res) ? PQgetvalue (res, 0, 0) : "");

  PQclear (res);
  return v;
}

static char *
value1 (const char *sql, const char *param)
{
  PGresult *res = PQexecParams (conn, sql, 1, NULL, (const char *const[]) { param }, NULL, NULL, 0);
  char *v;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  v = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  return v;
}

static void
test_migrate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mc_pg_schema_get_version (conn, &error), ==, mc_pg_schema_get_latest_version ());
  g_assert_no_error (error);
  /* Again: nothing to do, nothing changed. */
  g_assert_true (mc_pg_schema_migrate (conn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_pg_schema_get_version (conn, &error), ==, mc_db_get_latest_version ());
}

static GBytes *
audit_key (void)
{
  PGresult *res = PQexecParams (conn, "SELECT key FROM audit_key", 0, NULL, NULL, NULL, NULL, 1);
  GBytes *key;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  key = g_bytes_new (PQgetvalue (res, 0, 0), PQgetlength (res, 0, 0));
  PQclear (res);
  return key;
}

/* mc-audit.c walk_chain (): the first row whose hash the C rule does not
 * give, 0 when none; `n` the rows checked. */
static gint64
walk_in_c (gint64 *n)
{
  g_autoptr(GBytes) key = audit_key ();
  g_autofree char *keyed_text = value ("SELECT min (id) FROM audit_log WHERE action = 'audit.keyed'");
  gint64 keyed = g_ascii_strtoll (keyed_text, NULL, 10);
  PGresult *res = run ("SELECT id, at, staff_id, action, object_kind, object_id, detail, prev_hash, hash "
                       "FROM audit_log ORDER BY id");
  g_autofree char *prev = g_strdup ("");

  *n = 0;
  for (int r = 0; r < PQntuples (res); r++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (res, r, 0), NULL, 10);
      g_autofree char *want = mc_audit_row_hash (
          id >= keyed ? key : NULL, prev, g_ascii_strtoll (PQgetvalue (res, r, 1), NULL, 10),
          !PQgetisnull (res, r, 2), g_ascii_strtoll (PQgetvalue (res, r, 2), NULL, 10), PQgetvalue (res, r, 3),
          PQgetisnull (res, r, 4) ? NULL : PQgetvalue (res, r, 4), !PQgetisnull (res, r, 5),
          g_ascii_strtoll (PQgetvalue (res, r, 5), NULL, 10), PQgetisnull (res, r, 6) ? NULL : PQgetvalue (res, r, 6));

      if (g_strcmp0 (PQgetvalue (res, r, 7), prev) != 0 || g_strcmp0 (PQgetvalue (res, r, 8), want) != 0)
        {
          PQclear (res);
          return id;
        }
      (*n)++;
      g_free (prev);
      prev = g_strdup (PQgetvalue (res, r, 8));
    }
  PQclear (res);
  return 0;
}

static void
test_audit_chain (void)
{
  gint64 n = 0;
  g_autofree char *server = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *edited = NULL;

  /* Rows of every kind of trigger: names with marks, NULL objects. */
  PQclear (run ("INSERT INTO unit (code, name, level, relation) VALUES ('000.00.06.H56', 'UBND xã Phú Sơn', 'xa', 'self');"
                "INSERT INTO department (unit_id, code, name) VALUES (1, 'TTPV', 'Trung tâm Phục vụ');"
                "INSERT INTO field (name) VALUES ('Hộ tịch');"
                "INSERT INTO procedure (code, name, name_folded, field_id, level, mechanism, duration, updated_at) "
                "VALUES ('1.001193', 'Đăng ký khai sinh', 'x', 1, 'xa', 'mot_cua', 1, 0);"
                "INSERT INTO staff (username, full_name, roles, created_at) VALUES ('tn.lan', 'Trần Thị Lan', 'tiep_nhan', 0);"
                "UPDATE staff SET roles = 'tiep_nhan,bao_cao', must_change_password = 1;"
                "INSERT INTO calendar_day (date, kind, name, created_at) VALUES ('2026-12-24', 'holiday', 'Nghỉ bù', 0);"
                "INSERT INTO setting (key, value) VALUES ('report.place', 'Phú Sơn');"
                "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, received_at, due_at, state) "
                "VALUES ('H56-261207-0001', 1, 1, 'Nguyễn Văn Ấn', 'truc_tiep', 1796600000, 1796686400, 'received');"
                "UPDATE dossier SET state = 'processing', applicant_phone = '0912345678';"
                "INSERT INTO dossier_event (dossier_id, at, kind, state_from, state_to, note) "
                "VALUES (1, 1796600100, 'accept', 'received', 'processing', 'đã nhận');"
                "INSERT INTO cchc_entry VALUES (1, '2026-01-01', '2026-12-31', 'a1', '1.157');"
                "INSERT INTO narrative_edit VALUES (1, '2026-01-01', '2026-12-31', 'Báo cáo', repeat ('a', 64), NULL, 0);"
                "DELETE FROM calendar_day;"
                "SELECT mc_audit_append ('dossier.export', NULL, NULL, NULL)"));
  g_assert_cmpint (walk_in_c (&n), ==, 0);
  server = value ("SELECT n_rows || ' ' || bad_id FROM mc_audit_verify ()");
  g_assert_cmpint (n, >=, 15);
  g_assert_cmpstr (server, ==, g_strdup_printf ("%" G_GINT64_FORMAT " 0", n));

  /* An edit by someone who gets past the privileges (the cluster's
   * superuser, replication mode skipping the append-only trigger) is found
   * by the C rule and by the server at the same row. */
  PQclear (run ("SET session_replication_role = replica;"
                "UPDATE audit_log SET detail = detail || ' ' WHERE action = 'dossier.update';"
                "SET session_replication_role = DEFAULT"));
  edited = value ("SELECT id FROM audit_log WHERE action = 'dossier.update'");
  g_assert_cmpint (walk_in_c (&n), ==, g_ascii_strtoll (edited, NULL, 10));
  bad = value ("SELECT bad_id FROM mc_audit_verify ()");
  g_assert_cmpstr (bad, ==, edited);
}

static const char *const names[] = {
  "Nguyễn Văn An", "  ĐẶNG   thị   hoa ", "Ông Lê Văn Tám", "bà Cù Thị Bá", "An", "Hộ kinh doanh Trần Thị Bích",
  "Hộ gia đình Ngô Văn Lực", "Công ty TNHH Phú Sơn", "Hội Nông dân xã", "Hồ Văn Hộ", "Trương Ngọc Ánh, 0912",
  "NGUYỄN THỊ MINH KHAI", "Ư Ơ Ă", "Quỹ tín dụng nhân dân", "Chùa Một Cột", "Lê   ", "12345", "Phạm Ưng Đức",
};

static void
test_fold_and_mask (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *fold_sql = value1 ("SELECT mc_fold ($1)", names[i]);
      g_autofree char *fold_c = mc_text_fold (names[i]);
      g_autofree char *mask_sql = value1 ("SELECT mc_mask_name ($1)", names[i]);
      g_autofree char *mask_c = mc_privacy_mask_name (names[i]);

      g_assert_cmpstr (fold_sql, ==, fold_c);
      g_assert_cmpstr (mask_sql, ==, mask_c);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  PGconn *admin;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("MOTCUA_TEST_PG") == NULL)
    {
      g_print ("1..0 # SKIP MOTCUA_TEST_PG is not set\n");
      return 77;
    }
  admin_info = g_strdup (g_getenv ("MOTCUA_TEST_PG"));
  db_name = g_strdup_printf ("motcua_schema_%d", (int) getpid ());
  admin = PQconnectdb (admin_info);
  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  PQclear (PQexec (admin, g_strdup_printf ("CREATE DATABASE %s", db_name)));
  info = g_strdup_printf ("%s dbname=%s", admin_info, db_name);
  conn = PQconnectdb (info);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  PQclear (PQexec (conn, "SET client_min_messages = warning"));
  g_assert_cmpint (mc_pg_schema_get_version (conn, &error), ==, 0);
  if (!mc_pg_schema_migrate (conn, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/pg/schema/migrate", test_migrate);
  g_test_add_func ("/pg/audit/chain-verified-by-the-c-rule", test_audit_chain);
  g_test_add_func ("/pg/search/fold-and-mask-as-in-c", test_fold_and_mask);
  status = g_test_run ();

  PQfinish (conn);
  PQclear (PQexec (admin, g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", db_name)));
  PQfinish (admin);
  return status;
}
