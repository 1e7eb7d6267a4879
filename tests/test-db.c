/* test-db.c — opening, durability settings, migrations, the vn tokenizer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "mc-accounts.h"
#include "mc-db.h"
#include "mc-test-utils.h"

static char *
schema_of (McDb *db)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT type, name, sql FROM sqlite_schema "
                                          "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name", NULL);
  GString *out = g_string_new (NULL);

  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    g_string_append_printf (out, "%s %s %s\n", mc_sql_column_text (stmt, 0), mc_sql_column_text (stmt, 1),
                            mc_sql_column_text (stmt, 2));
  mc_sql_reset (stmt);
  return g_string_free (out, FALSE);
}

static McDb *
open_at_version (const char *name, int version)
{
  g_autofree char *path = mc_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  McDb *db = mc_db_new_unmigrated (path, &error);

  g_assert_no_error (error);
  g_assert_true (mc_db_migrate_to (db, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_get_version (db), ==, version);
  return db;
}

static void
test_pragmas (void)
{
  if (mc_test_sqlite_only ("SQLite's PRAGMAs (WAL, foreign_keys, synchronous)"))
    return;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  McSqlStmt *stmt = mc_db_prepare (db, "PRAGMA journal_mode", &error);

  g_assert_no_error (error);
  g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
  g_assert_cmpstr (mc_sql_column_text (stmt, 0), ==, "wal");
  mc_sql_reset (stmt);
  g_assert_cmpint (mc_db_query_int (db, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "PRAGMA synchronous", NULL), ==, 2);
  g_assert_cmpint (mc_db_get_version (db), ==, mc_db_get_latest_version ());
  /* Foreign keys are enforced. */
  g_assert_false (mc_db_exec (db, "INSERT INTO department (unit_id, code, name) VALUES (999, 'X', 'X')", &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_CONSTRAINT);
}

/* Each migration, from an empty database and from the version before it,
 * ends in exactly the schema of a database migrated in one go. */
static void
test_migrations (void)
{
  int latest = mc_db_get_latest_version ();
  g_autoptr(McDb) reference = open_at_version ("reference.sqlite", latest);
  g_autofree char *expected = schema_of (reference);

  for (int v = 1; v <= latest; v++)
    {
      g_autofree char *fresh_name = g_strdup_printf ("fresh-%d.sqlite", v);
      g_autofree char *step_name = g_strdup_printf ("step-%d.sqlite", v);
      g_autoptr(McDb) fresh = open_at_version (fresh_name, v);
      g_autoptr(McDb) step = open_at_version (step_name, v - 1);
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;

      if (v >= 2)
        /* Data written under the previous version survives the migration. */
        g_assert_true (mc_db_exec (step, "INSERT INTO unit (code, name, level, relation) "
                                         "VALUES ('000.00.06.H56', 'Ủy ban nhân dân phường Phú Sơn', 'xa', 'self')",
                                   &error));
      g_assert_true (mc_db_migrate_to (step, latest, &error));
      g_assert_no_error (error);
      g_assert_true (mc_db_migrate_to (fresh, latest, &error));
      got = schema_of (step);
      g_assert_cmpstr (got, ==, expected);
      g_free (got);
      got = schema_of (fresh);
      g_assert_cmpstr (got, ==, expected);
      if (v >= 2)
        g_assert_cmpint (mc_db_query_int (step, "SELECT count(*) FROM unit", NULL), ==, 1);
    }
}

static void
test_too_new (void)
{
  g_autofree char *path = mc_test_tmp_path ("too-new.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;

  {
    g_autoptr(McDb) writer = mc_db_new (path, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (mc_db_exec (writer, "PRAGMA user_version = 999", &error));
  }
  db = mc_db_new (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_TOO_NEW);
}

static void
test_open_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new ("/proc/motcua/cannot/db.sqlite", NULL, &error);

  g_assert_null (db);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_OPEN);
}

static gint64
search (McDb *db, const char *query)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH ?", NULL);
  gint64 n;

  mc_sql_bind_text (stmt, 1, query, -1, MC_SQL_TRANSIENT);
  g_assert_cmpint (mc_sql_step (stmt, NULL), ==, MC_DB_STEP_ROW);
  n = mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return n;
}

/* đ ~ d and every tone mark folds, in both directions. */
static void
test_vn_tokenizer (void)
{
  if (mc_test_sqlite_only ("the FTS5 tokenizer (pg_trgm over search_folded on a server: pg-engine)"))
    return;
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_db_exec (db,
    "INSERT INTO unit (id, code, name, level, relation) VALUES (1, 'U', 'U', 'xa', 'self');"
    "INSERT INTO field (id, name) VALUES (1, 'Hộ tịch');"
    "INSERT INTO procedure (id, code, name, name_folded, field_id, level, mechanism, duration, updated_at) "
    "  VALUES (1, '1.001193', 'Đăng ký khai sinh', 'dang ky khai sinh', 1, 'xa', 'mot_cua', 0.5, 0);"
    "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, applicant_id_number, applicant_phone, "
    "  channel, received_at, due_at, state) VALUES ('000.00.06.H56-240314-0001', 1, 1, 'Đặng Văn Đức', "
    "  '038085012345', '0912345678', 'truc_tiep', 0, 0, 'received')", &error));
  g_assert_no_error (error);
  g_assert_cmpint (search (db, "duc"), ==, 1);
  g_assert_cmpint (search (db, "đức"), ==, 1);
  g_assert_cmpint (search (db, "DANG VAN DUC"), ==, 1);
  g_assert_cmpint (search (db, "đặng"), ==, 1);
  g_assert_cmpint (search (db, "038085012345"), ==, 1);
  g_assert_cmpint (search (db, "\"0912345678\""), ==, 1);
  g_assert_cmpint (search (db, "minh"), ==, 0);
  /* The index follows updates. */
  g_assert_true (mc_db_exec (db, "UPDATE dossier SET applicant_name = 'Nguyễn Thị Minh'", &error));
  g_assert_cmpint (search (db, "duc"), ==, 0);
  g_assert_cmpint (search (db, "nguyen minh"), ==, 1);
  /* The event log is append-only. */
  g_assert_true (mc_db_exec (db, "INSERT INTO dossier_event (dossier_id, at, kind, state_to) "
                                 "VALUES (1, 0, 'receive', 'received')", &error));
  g_assert_false (mc_db_exec (db, "DELETE FROM dossier_event", &error));
  /* Said in words of ours (Vietnamese in /db/error-messages), not as the
   * trigger's English RAISE text. */
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "append-only"));
}

static void
test_settings_and_data_version (void)
{
  g_autofree char *path = mc_test_tmp_path ("two.sqlite");
  g_autoptr(McDb) a = NULL;
  g_autoptr(McDb) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 before;

  a = mc_db_new (path, NULL, &error);
  b = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  before = mc_db_data_version (b);
  g_assert_true (mc_db_set_setting (a, "report.place", "Phú Sơn", &error));
  g_assert_cmpint (mc_db_data_version (b), !=, before);
  value = mc_db_get_setting (b, "report.place", NULL, &error);
  g_assert_cmpstr (value, ==, "Phú Sơn");
  g_free (value);
  value = mc_db_get_setting (b, "missing", "fallback", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "fallback");
}

static char *
plan_of (McDb *db, const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  McSqlStmt *stmt = mc_db_prepare (db, explain, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (mc_sql_step (stmt, NULL) == MC_DB_STEP_ROW)
    g_string_append_printf (out, "%s\n", mc_sql_column_text (stmt, 3));
  mc_sql_reset (stmt);
  return g_string_free (out, FALSE);
}

/* The queries every screen and report runs at a million dossiers use an
 * index, never a scan of the dossier table. */
static void
test_query_plans (void)
{
  if (mc_test_sqlite_only ("EXPLAIN QUERY PLAN names SQLite's indexes"))
    return;
  static const struct { const char *sql, *index; } cases[] = {
    { "SELECT id FROM dossier WHERE code = '000.00.06.H56-231027-0361'", "sqlite_autoindex_dossier_1" },
    { "SELECT count(*) FROM dossier WHERE received_at BETWEEN 1 AND 2", "dossier_by_received" },
    { "SELECT procedure_id, count(*) FROM dossier WHERE finished_at BETWEEN 1 AND 2 GROUP BY 1", "dossier_by_finished" },
    { "SELECT id FROM dossier WHERE state IN ('received', 'processing', 'paused', 'sent_external') "
      "AND due_at < 5 ORDER BY due_at", "dossier_by_state" },
    { "SELECT id FROM dossier WHERE current_department_id = 1 AND state IN ('received', 'processing', "
      "'paused', 'sent_external') ORDER BY step_due_at", "dossier_inbox" },
    { "SELECT id FROM dossier WHERE state = 'result_ready' ORDER BY finished_at", "dossier_by_state" },
    { "SELECT * FROM dossier_event WHERE dossier_id = 7 ORDER BY at", "dossier_event_by_dossier" },
    { "SELECT count(*) FROM apology WHERE issued_at BETWEEN 1 AND 2", "apology_by_issued" },
  };
  g_autoptr(McDb) db = mc_test_db_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plan = plan_of (db, cases[i].sql);
      g_test_message ("%s\n%s", cases[i].sql, plan);
      g_assert_nonnull (strstr (plan, cases[i].index));
      g_assert_null (strstr (plan, "SCAN dossier\n"));
    }
}

/* Each SQLite result a person can meet becomes one Vietnamese sentence from
 * mc-db.c's one table, never SQLite's English (issue 12, item 5: a clerk read
 * "database is locked", and "disk I/O error" for a full disk). */
static void
test_error_messages (void)
{
  static const struct { int rc, system_errno; McDbError code; const char *words; } cases[] = {
    { SQLITE_BUSY, 0, MC_DB_ERROR_BUSY, "đang bận" },
    { SQLITE_BUSY_SNAPSHOT, 0, MC_DB_ERROR_BUSY, "đang bận" },
    { SQLITE_LOCKED, 0, MC_DB_ERROR_BUSY, "đang bận" },
    { SQLITE_FULL, 0, MC_DB_ERROR_FULL, "Ổ đĩa đã đầy" },
    { SQLITE_IOERR_WRITE, ENOSPC, MC_DB_ERROR_FULL, "Ổ đĩa đã đầy" },
    { SQLITE_IOERR_FSYNC, EDQUOT, MC_DB_ERROR_FULL, "Ổ đĩa đã đầy" },
    { SQLITE_IOERR_WRITE, EFBIG, MC_DB_ERROR_FULL, "Ổ đĩa đã đầy" },
    { SQLITE_IOERR_READ, EIO, MC_DB_ERROR_IO, "lỗi vào/ra" },
    { SQLITE_IOERR, 0, MC_DB_ERROR_IO, "lỗi vào/ra" },
    { SQLITE_CORRUPT, 0, MC_DB_ERROR_DAMAGED, "bị hỏng" },
    { SQLITE_NOTADB, 0, MC_DB_ERROR_DAMAGED, "bị hỏng" },
    { SQLITE_READONLY, 0, MC_DB_ERROR_READONLY, "chỉ cho phép đọc" },
    { SQLITE_CANTOPEN, 0, MC_DB_ERROR_READONLY, "Không mở được" },
    { SQLITE_CONSTRAINT_UNIQUE, 0, MC_DB_ERROR_CONSTRAINT, "ràng buộc" },
    { SQLITE_CONSTRAINT_TRIGGER, 0, MC_DB_ERROR_CONSTRAINT, "chỉ được ghi thêm" },
    { SQLITE_NOMEM, 0, MC_DB_ERROR_SQL, "bộ nhớ" },
    { SQLITE_ERROR, 0, MC_DB_ERROR_SQL, "từ chối" },
  };
  static const char *const english[] = { "database", "locked", "disk", "error", "full", "malformed",
                                          "constraint", "memory", "SQL" };

  mc_test_use_vietnamese ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("result %d, errno %d", cases[i].rc, cases[i].system_errno);
      g_assert_cmpint (mc_db_error_code (cases[i].rc, cases[i].system_errno), ==, cases[i].code);
      /* Without a connection there is no errno: the code alone decides. */
      g_assert_false (mc_db_error_from_sqlite (NULL, cases[i].rc, &error));
      g_assert_error (error, MC_DB_ERROR, (int) mc_db_error_code (cases[i].rc, 0));
      if (cases[i].system_errno == 0)
        mc_test_assert_has (error->message, cases[i].words);
      mc_test_assert_has (mc_db_error_describe (cases[i].rc, cases[i].system_errno), cases[i].words);
      mc_test_assert_lacks (error->message, sqlite3_errstr (cases[i].rc));
      for (guint j = 0; j < G_N_ELEMENTS (english); j++)
        mc_test_assert_lacks (error->message, english[j]);
    }
}

/* A real wait: another connection holds the write lock for longer than the
 * 10 s a write waits (retrying every 2 ms); the write then fails with the
 * Vietnamese busy message, having changed nothing. Signing in writes the
 * attempt before the password is checked: it says the same, not SQLite's
 * "database is locked" nor a wrong password. */
static void
test_busy (void)
{
  g_autofree char *path = mc_test_tmp_path ("busy.sqlite");
  g_autoptr(McDb) holder = NULL;
  g_autoptr(McDb) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 start;

  mc_test_use_vietnamese ();
  holder = mc_db_new (path, NULL, &error);
  writer = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(McAccounts) acc = mc_accounts_new (holder);
    g_assert_true (mc_accounts_create_first_admin (acc, "admin", "Quản trị", "motcua2026", &error));
  }
  g_assert_true (mc_db_begin (holder, &error));
  start = g_get_monotonic_time ();
  g_assert_false (mc_db_set_setting (writer, "report.place", "Phú Sơn", &error));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, MC_DB_BUSY_LIMIT_US);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_BUSY);
  mc_test_assert_has (error->message, "đang bận");
  mc_test_assert_lacks (error->message, "locked");
  g_clear_error (&error);
  {
    g_autoptr(McAccounts) acc = mc_accounts_new (writer);
    g_autoptr(McStaff) staff = mc_accounts_sign_in (acc, "admin", "motcua2026", &error);

    g_assert_null (staff);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_BUSY);
    mc_test_assert_has (error->message, "đang bận");
  }
  mc_db_rollback (holder);
  g_clear_error (&error);
  value = mc_db_get_setting (writer, "report.place", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

/* Writes 64 KB settings until a write fails; its error. */
static GError *
fill_until_failure (McDb *db)
{
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  GError *error = NULL;

  for (guint i = 0; i < 10000 && error == NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("fill.%u", i);
      mc_db_set_setting (db, key, big, &error);
    }
  g_assert_nonnull (error);
  return error;
}

/* The file cannot grow: SQLite's own limit (SQLITE_FULL) and the kernel's
 * file size limit (EFBIG, which SQLite reports as an I/O error) both say
 * that the disk is full, in Vietnamese; and a damaged page says damaged. */
static void
test_disk_full_and_damaged (void)
{
  g_autofree char *path = mc_test_tmp_path ("full.sqlite");

  mc_test_use_vietnamese ();
  if (g_test_subprocess ())
    {
      g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
      g_autoptr(GError) error = NULL;
      struct stat st;
      struct rlimit limit;

      /* A full disk as the kernel tells it: writes past the limit fail
       * with EFBIG (SIGXFSZ ignored, as a desktop session does not). */
      g_assert_nonnull (db);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = st.st_size + 256 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      error = fill_until_failure (db);
      printf ("%s: %s\n", error->code == MC_DB_ERROR_FULL ? "FULL" : "other", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("FULL: Ổ đĩa đã đầy*");
  g_test_trap_assert_stdout_unmatched ("*disk*");
  {
    g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
    g_autoptr(GError) error = NULL;
    gint64 pages = mc_db_query_int (db, "PRAGMA page_count", NULL);
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 4);

    /* The limit SQLite itself keeps (SQLITE_FULL). */
    g_assert_true (mc_db_exec (db, limit, NULL));
    error = fill_until_failure (db);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_FULL);
    mc_test_assert_has (error->message, "Ổ đĩa đã đầy");
    mc_test_assert_lacks (error->message, "full");
  }
  {
    g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
    g_autoptr(GError) error = NULL;
    gint64 page = mc_db_query_int (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'setting'", NULL);
    gint64 size = mc_db_query_int (db, "PRAGMA page_size", NULL);
    g_autofree char *garbage = g_strnfill (size, '\xa5');
    FILE *file;

    /* The setting table's root page overwritten, as a bad sector would. */
    g_assert_true (mc_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
    g_clear_object (&db);
    file = fopen (path, "r+b");
    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, (page - 1) * size, SEEK_SET), ==, 0);
    g_assert_cmpuint (fwrite (garbage, 1, size, file), ==, (gsize) size);
    fclose (file);
    db = mc_db_new_unmigrated (path, &error);
    g_assert_no_error (error);
    mc_db_query_int (db, "SELECT count (*) FROM setting WHERE value LIKE 'x%'", &error);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
    mc_test_assert_has (error->message, "bị hỏng");
    mc_test_assert_lacks (error->message, "malformed");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/db/pragmas", test_pragmas);
  g_test_add_func ("/db/migrations", test_migrations);
  g_test_add_func ("/db/too-new", test_too_new);
  g_test_add_func ("/db/open-failure", test_open_failure);
  g_test_add_func ("/db/vn-tokenizer", test_vn_tokenizer);
  g_test_add_func ("/db/settings-and-data-version", test_settings_and_data_version);
  g_test_add_func ("/db/query-plans", test_query_plans);
  g_test_add_func ("/db/error-messages", test_error_messages);
  g_test_add_func ("/db/busy", test_busy);
  g_test_add_func ("/db/disk-full-and-damaged", test_disk_full_and_damaged);
  return g_test_run ();
}
