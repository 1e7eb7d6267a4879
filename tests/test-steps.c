/* test-steps.c — a query that cannot be read is an error, never "not found"
 * or a shorter list (mc_db_step_row)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* F_OFD_SETLK */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mc-audit.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-db.h"
#include "mc-form-paper.h"
#include "mc-report-rules.h"
#include "mc-settings.h"
#include "mc-test-utils.h"

/* The write-ahead log's index (<db>-shm): its header is two copies of 48
 * bytes, its locks are bytes from 120 on (write, checkpoint, recovery, then
 * the readers'), as SQLite's wal.c lays them out. */
#define WAL_HEADER_BYTES 96
#define WAL_LOCK_OFFSET  120
#define WAL_LOCK_RECOVER 2

/* Another process rebuilding the log's index, as after a crash: it holds
 * the index's write, checkpoint and recovery locks while the header is
 * being rewritten. SQLite's readers then get SQLITE_BUSY_RECOVERY — in WAL
 * mode the one way a read is refused as busy (a writer's BEGIN EXCLUSIVE
 * does not stop readers). Open file description locks conflict with
 * SQLite's own fcntl locks even inside this process. */
typedef struct {
  int  fd;
  char header[WAL_HEADER_BYTES];
} Recovery;

static void
recovery_begin (Recovery *r, const char *db_path)
{
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = WAL_LOCK_OFFSET,
                        .l_len = WAL_LOCK_RECOVER + 1 };
  char torn[WAL_HEADER_BYTES];

  r->fd = open (shm, O_RDWR);
  g_assert_cmpint (r->fd, >=, 0);
  g_assert_cmpint (fcntl (r->fd, F_OFD_SETLK, &lock), ==, 0);
  g_assert_cmpint (pread (r->fd, r->header, sizeof r->header, 0), ==, (ssize_t) sizeof r->header);
  /* The two copies differ while a writer rewrites them: a reader must
   * rebuild the index, which needs the locks held here. */
  memcpy (torn, r->header, sizeof torn);
  torn[WAL_HEADER_BYTES / 2 + 8] ^= 0x5a;
  g_assert_cmpint (pwrite (r->fd, torn, sizeof torn, 0), ==, (ssize_t) sizeof torn);
}

static void
recovery_end (Recovery *r)
{
  struct flock unlock = { .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = WAL_LOCK_OFFSET,
                          .l_len = WAL_LOCK_RECOVER + 1 };

  g_assert_cmpint (pwrite (r->fd, r->header, sizeof r->header, 0), ==, (ssize_t) sizeof r->header);
  g_assert_cmpint (fcntl (r->fd, F_OFD_SETLK, &unlock), ==, 0);
  close (r->fd);
}

/* A dossier that exists, looked up by its code while the database is busy:
 * MC_DB_ERROR_BUSY in Vietnamese after the 10 s a connection waits, not
 * "no dossier has this code" (before the step helper, sqlite3_step's
 * SQLITE_BUSY read as no row). Once the other process is done, found. */
static void
test_busy_lookup (void)
{
  if (mc_test_sqlite_only ("a write lock held by a file-level SQLite transaction"))
    return;
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  Recovery recovery;
  gint64 start;

  mc_test_use_vietnamese ();
  mc_test_routing_set_up (&r);
  code = mc_test_receive (r.store, "1.012812", "Nguyễn Văn An", "2026-03-02 08:00", &error);
  g_assert_no_error (error);

  recovery_begin (&recovery, mc_db_get_path (r.db));
  start = g_get_monotonic_time ();
  {
    g_autoptr(McDossier) dossier = mc_dossier_store_find (r.store, code, &error);

    g_assert_null (dossier);
  }
  g_assert_cmpint (g_get_monotonic_time () - start, >=, MC_DB_BUSY_LIMIT_US);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_BUSY);
  mc_test_assert_has (error->message, "đang bận");
  mc_test_assert_lacks (error->message, "Không có hồ sơ");
  g_clear_error (&error);
  /* The search by code asks the same lookup first: busy, not "nothing found". */
  {
    g_autoptr(GPtrArray) hits = mc_dossier_store_search (r.store, code, 10, &error);

    g_assert_null (hits);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_BUSY);
    g_clear_error (&error);
  }
  recovery_end (&recovery);

  {
    g_autoptr(McDossier) dossier = mc_dossier_store_find (r.store, code, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (mc_dossier_get_data (dossier)->code, ==, code);
  }
  mc_test_routing_tear_down (&r);
}

/* Overwrites page `page` of the file at `path` as a bad sector would. */
static void
damage_page (const char *path, gint64 page, gint64 page_size)
{
  g_autofree char *garbage = g_strnfill (page_size, '\xa5');
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (page - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, page_size, file), ==, (gsize) page_size);
  fclose (file);
}

/* Pages of `name` (a table or an index) from SQLite's dbstat, in order. */
static GArray *
pages_of (McDb *db, const char *name, const char *type)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? "
                                          "ORDER BY pageno", NULL);
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  McDbStep step;

  g_assert_nonnull (stmt);
  mc_sql_bind_text (stmt, 1, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, type, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (db, stmt, &error)) == MC_DB_STEP_ROW)
    {
      gint64 page = mc_sql_column_int64 (stmt, 0);
      g_array_append_val (pages, page);
    }
  g_assert_no_error (error);
  mc_sql_reset (stmt);
  return pages;
}

static int
run_motcua (const char *db, const char *args, char **out, char **err)
{
  g_autofree char *cmd = g_strdup_printf ("%s --db %s %s", g_getenv ("MOTCUA_BIN"), db, args);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, out, err, &status, &error));
  g_assert_no_error (error);
  shown = g_strdelimit (g_strdup (*err), "\n", ' ');  /* one TAP line */
  g_test_message ("motcua %s → %d, stderr %s", args, WEXITSTATUS (status), shown);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* motcua dossier show CODE: while another connection holds a write lock
 * (BEGIN EXCLUSIVE), the dossier is shown — in WAL mode a writer does not
 * stop readers, so this is not an error; while another process rebuilds
 * the log's index, the person reads that the database is busy (here at the
 * first read, when the database is opened), not that no dossier has this
 * code. */
static void
test_busy_cli (void)
{
  if (mc_test_sqlite_only ("a write lock held by a file-level SQLite transaction"))
    return;
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *show = NULL;
  g_autoptr(McDb) holder = NULL;
  Recovery recovery;

  mc_test_routing_set_up (&r);
  code = mc_test_receive (r.store, "1.012812", "Nguyễn Văn An", "2026-03-02 08:00", &error);
  g_assert_no_error (error);
  show = g_strdup_printf ("--user tn.lan dossier show %s", code);
  holder = mc_db_new (mc_db_get_path (r.db), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_db_exec (holder, "BEGIN EXCLUSIVE", &error));
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_motcua (mc_db_get_path (r.db), show, &out, &err), ==, 0);
    mc_test_assert_has (out, code);
  }
  g_assert_true (mc_db_exec (holder, "ROLLBACK", &error));
  recovery_begin (&recovery, mc_db_get_path (r.db));
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_motcua (mc_db_get_path (r.db), show, &out, &err), ==, 1);
    g_assert_cmpstr (out, ==, "");
    mc_test_assert_has (err, "Cơ sở dữ liệu đang bận");
    mc_test_assert_lacks (err, "Không có hồ sơ");
    mc_test_assert_lacks (err, "locked");
  }
  recovery_end (&recovery);
  mc_test_routing_tear_down (&r);
}

/* A dossier looked up by its code when the index of the codes has a
 * damaged page: MC_DB_ERROR_DAMAGED, not "no dossier has this code". (The
 * command line checks the file when it opens it and refuses a damaged one
 * before any lookup; the window's check runs in the background, so the
 * store can meet the damage first.) */
static void
test_damaged_lookup (void)
{
  if (mc_test_sqlite_only ("pages of the database file overwritten"))
    return;
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) pages = NULL;
  gint64 page_size;

  mc_test_use_vietnamese ();
  mc_test_routing_set_up (&r);
  code = mc_test_receive (r.store, "1.012812", "Nguyễn Văn An", "2026-03-02 08:00", &error);
  g_assert_no_error (error);
  path = g_strdup (mc_db_get_path (r.db));
  page_size = mc_db_query_int (r.db, "PRAGMA page_size", NULL);
  pages = pages_of (r.db, "sqlite_autoindex_dossier_1", "leaf");
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_true (mc_db_exec (r.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  mc_test_routing_tear_down (&r);
  damage_page (path, g_array_index (pages, gint64, 0), page_size);
  {
    g_autoptr(McDb) db = mc_db_new_unmigrated (path, &error);
    g_autoptr(McCalendar) calendar = NULL;
    g_autoptr(McDossierStore) store = NULL;
    g_autoptr(McDossier) dossier = NULL;

    g_assert_no_error (error);
    calendar = mc_calendar_store_load (db, &error);
    g_assert_no_error (error);
    store = mc_dossier_store_new (db, calendar);
    dossier = mc_dossier_store_find (store, code, &error);
    g_assert_null (dossier);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
    mc_test_assert_has (error->message, "Tệp cơ sở dữ liệu bị hỏng");
    mc_test_assert_lacks (error->message, "malformed");
  }
}

/* A list whose table has a damaged page half-way: the error, not the rows
 * read before it. The catalog is empty with MC_DB_ERROR_DAMAGED. */
static void
test_damaged_list (void)
{
  if (mc_test_sqlite_only ("pages of the database file overwritten"))
    return;
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autofree char *path = NULL;
  gint64 page_size;
  guint before;

  mc_test_routing_set_up (&r);
  path = g_strdup (mc_db_get_path (r.db));
  {
    g_autoptr(McCatalog) catalog = mc_catalog_new (r.db);
    g_autoptr(GListStore) all = mc_catalog_list_procedures (catalog, &error);

    g_assert_no_error (error);
    before = g_list_model_get_n_items (G_LIST_MODEL (all));
  }
  page_size = mc_db_query_int (r.db, "PRAGMA page_size", NULL);
  pages = pages_of (r.db, "procedure", "leaf");
  g_test_message ("%u procedures on %u leaf pages", before, pages->len);
  g_assert_cmpuint (pages->len, >=, 3);
  g_assert_true (mc_db_exec (r.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  mc_test_routing_tear_down (&r);
  damage_page (path, g_array_index (pages, gint64, pages->len / 2), page_size);
  {
    g_autoptr(McDb) db = mc_db_new_unmigrated (path, &error);
    g_autoptr(McCatalog) catalog = NULL;
    g_autoptr(GListStore) all = NULL;

    g_assert_no_error (error);
    catalog = mc_catalog_new (db);
    all = mc_catalog_list_procedures (catalog, &error);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 0);
  }
}

/* The audit trail with a damaged page half-way: verifying it is an error,
 * not a chain that verifies because it ended early (the rows after the
 * damage were never checked). */
static void
test_damaged_audit_chain (void)
{
  if (mc_test_sqlite_only ("pages of the database file overwritten"))
    return;
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autofree char *path = NULL;
  gint64 page_size, n_rows = 0, bad_id = 0;

  mc_test_routing_set_up (&r);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *code = mc_test_receive (r.store, "1.012812", "Nguyễn Văn An", "2026-03-02 08:00", &error);

      g_assert_no_error (error);
    }
  g_assert_true (mc_audit_verify (r.db, &n_rows, &bad_id, &error));
  g_assert_no_error (error);
  path = g_strdup (mc_db_get_path (r.db));
  page_size = mc_db_query_int (r.db, "PRAGMA page_size", NULL);
  pages = pages_of (r.db, "audit_log", "leaf");
  g_test_message ("%" G_GINT64_FORMAT " audit rows on %u leaf pages", n_rows, pages->len);
  g_assert_cmpuint (pages->len, >=, 3);
  g_assert_true (mc_db_exec (r.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  mc_test_routing_tear_down (&r);
  damage_page (path, g_array_index (pages, gint64, pages->len / 2), page_size);
  {
    g_autoptr(McDb) db = mc_db_new_unmigrated (path, &error);

    g_assert_no_error (error);
    n_rows = bad_id = 0;
    g_assert_false (mc_audit_verify (db, &n_rows, &bad_id, &error));
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
  }
}

/* A setting read while the database is busy: MC_DB_ERROR_BUSY in
 * Vietnamese, not the default (before, mc_db_get_setting logged the error
 * and returned its fallback: a form numbered, a report signed, a deadline
 * counted with values the unit never chose). Once the other process is
 * done, the unit's value. */
static void
test_busy_setting (void)
{
  if (mc_test_sqlite_only ("a write lock held by a file-level SQLite transaction"))
    return;
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  Recovery recovery;

  mc_test_use_vietnamese ();
  mc_test_routing_set_up (&r);
  g_assert_true (mc_db_set_setting (r.db, "report.place", "Phú Sơn", &error));
  recovery_begin (&recovery, mc_db_get_path (r.db));
  value = mc_db_get_setting (r.db, "report.place", "mặc định", &error);
  g_assert_null (value);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_BUSY);
  mc_test_assert_has (error->message, "đang bận");
  g_clear_error (&error);
  recovery_end (&recovery);
  value = mc_db_get_setting (r.db, "report.place", "mặc định", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "Phú Sơn");
  mc_test_routing_tear_down (&r);
}

/* The settings table with a damaged page: every reader of a setting says
 * the file is damaged — the registry, a form's number, the report rules,
 * the calendar — where each took its default before. (A command refuses
 * such a file when it opens it, before any setting is read.) */
static void
test_damaged_settings (void)
{
  if (mc_test_sqlite_only ("pages of the database file overwritten"))
    return;
  McTestRouting r;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autofree char *path = NULL;
  gint64 page_size;

  mc_test_use_vietnamese ();
  mc_test_routing_set_up (&r);
  g_assert_true (mc_db_set_setting (r.db, "report.place", "Phú Sơn", &error));
  path = g_strdup (mc_db_get_path (r.db));
  page_size = mc_db_query_int (r.db, "PRAGMA page_size", NULL);
  pages = pages_of (r.db, "setting", "leaf");
  g_assert_cmpuint (pages->len, >=, 1);
  g_assert_true (mc_db_exec (r.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  mc_test_routing_tear_down (&r);
  for (guint i = 0; i < pages->len; i++)
    damage_page (path, g_array_index (pages, gint64, i), page_size);
  {
    g_autoptr(McDb) db = mc_db_new_unmigrated (path, &error);
    g_autofree char *value = NULL;
    g_autofree char *line = NULL;
    McReportRules rules;

    g_assert_no_error (error);
    value = mc_settings_get (db, "report.place", &error);
    g_assert_null (value);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
    mc_test_assert_has (error->message, "Tệp cơ sở dữ liệu bị hỏng");
    g_clear_error (&error);
    line = mc_form_set_number_line (db, MC_FORM_SET_2025, MC_FORM_TYPE_RECEIPT, "H56.22-260302-0001",
                                    mc_test_date ("2026-03-02"), &error);
    g_assert_null (line);
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
    g_clear_error (&error);
    g_assert_false (mc_report_rules_load (db, &rules, &error));
    g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
    g_clear_error (&error);
    {
      McFormSet set;
      gboolean a5;

      g_assert_false (mc_form_paper_for_document (db, mc_test_time ("2026-03-02 08:00"), MC_FORM_TYPE_RECEIPT,
                                                  &set, &a5, &error));
      g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
      g_clear_error (&error);
    }
    {
      g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, &error);

      g_assert_null (calendar);
      g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
      g_clear_error (&error);
    }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/steps/busy-lookup", test_busy_lookup);
  g_test_add_func ("/steps/busy-cli", test_busy_cli);
  g_test_add_func ("/steps/damaged-lookup", test_damaged_lookup);
  g_test_add_func ("/steps/damaged-list", test_damaged_list);
  g_test_add_func ("/steps/damaged-audit-chain", test_damaged_audit_chain);
  g_test_add_func ("/steps/busy-setting", test_busy_setting);
  g_test_add_func ("/steps/damaged-settings", test_damaged_settings);
  return g_test_run ();
}
