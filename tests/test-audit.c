/* test-audit.c — the keyed audit chain against someone who holds the file:
 * D (edit a row, recompute the rest with SHA-256), E (a forged row in the
 * administrator's name), F (drop a data trigger, change a due date, put the
 * trigger back), a chain put back to plain SHA-256, and the heads kept
 * outside the file (a backup and its manifest, a printed report, the day's
 * first sign-in) against someone who also holds the key
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include <sodium.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-backup.h"
#include "mc-dossier-register.h"
#include "mc-report-doc.h"
#include "mc-report-narrative.h"
#include "mc-report-narrative-export.h"
#include "mc-test-utils.h"

#define PASSWORD "matkhau2026"

typedef struct {
  McTestRouting r;
  McAccounts   *accounts;
  char         *code;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStaff) admin = NULL;

  mc_test_routing_set_up (&f->r);
  /* Received before accounts are enforced; the administrator signs in after. */
  f->code = mc_test_receive (f->r.store, "1.012812", "Nguyễn Văn An", "2026-03-02 08:00", &error);
  g_assert_no_error (error);
  f->code = f->code ? f->code : g_strdup ("");
  for (int i = 0; i < 3; i++)
    g_free (mc_test_receive (f->r.store, "1.012812", "Trần Thị Bình", "2026-03-02 09:00", &error));
  g_assert_no_error (error);
  f->accounts = mc_accounts_new (f->r.db);
  g_assert_true (mc_accounts_create_first_admin (f->accounts, "admin", "Quản trị hệ thống", PASSWORD, &error));
  admin = mc_accounts_sign_in (f->accounts, "admin", PASSWORD, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->code);
  g_clear_object (&f->accounts);
  mc_test_routing_tear_down (&f->r);
}

static void
assert_intact (McDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0, bad = 0;

  g_assert_true (mc_audit_verify (db, &n, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, 0);
  g_assert_cmpint (n, ==, mc_db_query_int (db, "SELECT count (*) FROM audit_log", NULL));
}

/* What an attacker's script does: the row's fields joined as the program
 * joins them, hashed with SHA-256 (key NULL) or, holding the key, HMAC. */
static char *
attacker_hash (GBytes *key, McSqlStmt *row, const char *prev)
{
  g_autofree char *text = g_strdup_printf ("%s\x1f%lld\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", prev,
                                           (long long) mc_sql_column_int64 (row, 1),
                                           mc_sql_column_text (row, 2) ? mc_sql_column_text (row, 2) : "",
                                           mc_sql_column_text (row, 3), mc_sql_column_text (row, 4),
                                           mc_sql_column_text (row, 5) ? mc_sql_column_text (row, 5) : "",
                                           mc_sql_column_text (row, 6) ? mc_sql_column_text (row, 6) : "");
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  char hex[sizeof mac * 2 + 1];

  if (key == NULL)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  crypto_auth_hmacsha256 (mac, (const unsigned char *) text, strlen (text), g_bytes_get_data (key, NULL));
  return g_strdup (sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
}

/* Recomputes prev_hash and hash of every row from `from` on, the guard
 * triggers dropped for it and put back after. */
static void
rechain (McDb *db, gint64 from, GBytes *key)
{
  g_autoptr(GError) error = NULL;
  McSqlStmt *rows = NULL, *update = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *guards = NULL;

  {
    McSqlStmt *s = mc_db_prepare (db, "SELECT group_concat (sql, ';') || ';' FROM sqlite_schema WHERE name IN "
                                         "('audit_log_no_update', 'audit_log_no_delete')", &error);
    g_assert_nonnull (s);
    g_assert_cmpint (mc_sql_step (s, NULL), ==, MC_DB_STEP_ROW);
    guards = g_strdup (mc_sql_column_text (s, 0));
    mc_sql_reset (s);
  }
  g_assert_true (mc_db_exec (db, "DROP TRIGGER IF EXISTS audit_log_no_update; "
                                 "DROP TRIGGER IF EXISTS audit_log_no_delete", &error));
  prev = g_strdup_printf ("%s", "");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT hash FROM audit_log WHERE id < %lld "
                                            "ORDER BY id DESC LIMIT 1), '')", (long long) from);
    McSqlStmt *s = mc_db_prepare (db, sql, &error);
    g_assert_cmpint (mc_sql_step (s, NULL), ==, MC_DB_STEP_ROW);
    g_free (prev);
    prev = g_strdup (mc_sql_column_text (s, 0));
    mc_sql_reset (s);
  }
  rows = mc_sql_prepare_once (db, "SELECT id, at, staff_id, action, object_kind, object_id, detail "
                                   "FROM audit_log WHERE id >= ? ORDER BY id", NULL);
  update = mc_sql_prepare_once (db, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", NULL);
  g_assert_nonnull (rows);
  g_assert_nonnull (update);
  mc_sql_bind_int64 (rows, 1, from);
  while (mc_sql_step (rows, NULL) == MC_DB_STEP_ROW)
    {
      g_autofree char *hash = attacker_hash (key, rows, prev);
      mc_sql_bind_text (update, 1, prev, -1, MC_SQL_TRANSIENT);
      mc_sql_bind_text (update, 2, hash, -1, MC_SQL_TRANSIENT);
      mc_sql_bind_int64 (update, 3, mc_sql_column_int64 (rows, 0));
      g_assert_cmpint (mc_sql_step (update, NULL), ==, MC_DB_STEP_DONE);
      mc_sql_reset (update);
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  mc_sql_finalize (rows);
  mc_sql_finalize (update);
  g_assert_true (mc_db_exec (db, guards, &error));
}

static gint64
middle_row (McDb *db)
{
  return mc_db_query_int (db, "SELECT id FROM audit_log WHERE action = 'dossier.insert' ORDER BY id LIMIT 1", NULL);
}

static void
edit_row (McDb *db, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_log_no_update; "
                                          "UPDATE audit_log SET detail = 'sửa lại' WHERE id = %lld", (long long) id);

  g_assert_true (mc_db_exec (db, sql, &error));
}

/* D: a middle row edited and every later row recomputed with plain SHA-256,
 * as a script without the key would. */
static void
test_edit_and_rechain (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 target = middle_row (f->r.db), n = 0, bad = 0;

  assert_intact (f->r.db);
  g_assert_cmpint (target, >, mc_db_query_int (f->r.db, "SELECT id FROM audit_log WHERE action = 'audit.keyed'", NULL));
  edit_row (f->r.db, target);
  rechain (f->r.db, target, NULL);
  g_assert_false (mc_audit_verify (f->r.db, &n, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, target);
  g_assert_cmpint (n, ==, target - 1);
}

/* E: a row appended in the administrator's name, hashed as the chain was
 * before it was keyed; no trigger needs dropping for an INSERT. */
static void
test_forged_append (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0, bad = 0, forged;

  g_assert_true (mc_db_exec (f->r.db, "INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, "
                                      "prev_hash, hash) VALUES (1772500000, (SELECT id FROM staff WHERE username = 'admin'), "
                                      "'staff.update', 'staff', 1, 'admin vai trò: quan_tri', "
                                      "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '')", &error));
  forged = mc_sql_last_insert_id (f->r.db);
  rechain (f->r.db, forged, NULL);
  g_assert_false (mc_audit_verify (f->r.db, &n, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, forged);
}

/* The whole chain put back to SHA-256, its keyed first row removed: the
 * schema says the chain is keyed, so it is missed. */
static void
test_downgraded_chain (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0, bad = 0;

  g_assert_true (mc_db_exec (f->r.db, "DROP TRIGGER audit_log_no_delete; "
                                      "DELETE FROM audit_log WHERE action = 'audit.keyed'; "
                                      "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN\n"
                                      "  SELECT RAISE (ABORT, 'audit_log is append-only');\nEND", &error));
  rechain (f->r.db, 1, NULL);
  g_assert_false (mc_audit_verify (f->r.db, &n, &bad, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED);
}

static char *
trigger_sql (McDb *db, const char *name)
{
  McSqlStmt *s = mc_db_prepare (db, "SELECT sql FROM sqlite_schema WHERE name = ?", NULL);
  char *sql = NULL;

  mc_sql_bind_text (s, 1, name, -1, MC_SQL_STATIC);
  if (mc_sql_step (s, NULL) == MC_DB_STEP_ROW)
    sql = g_strdup (mc_sql_column_text (s, 0));
  mc_sql_reset (s);
  g_assert_nonnull (sql);
  return sql;
}

/* F: the dossier trigger dropped, a due date moved with nothing recorded,
 * the trigger re-created word for word. */
static void
test_trigger_dropped_and_recreated (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sql = trigger_sql (f->r.db, "audit_dossier_update");
  g_autofree char *update = g_strdup_printf ("UPDATE dossier SET due_at = due_at + 30 * 86400 WHERE code = '%s'", f->code);
  gint64 rows = mc_db_query_int (f->r.db, "SELECT count (*) FROM audit_log", NULL), n = 0, bad = 0;

  problems = mc_audit_check_triggers (f->r.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (mc_db_exec (f->r.db, "DROP TRIGGER audit_dossier_update", &error));
  g_assert_true (mc_db_exec (f->r.db, update, &error));
  g_assert_true (mc_db_exec (f->r.db, sql, &error));
  g_assert_cmpint (mc_db_query_int (f->r.db, "SELECT count (*) FROM audit_log", NULL), ==, rows);  /* unrecorded */
  problems = mc_audit_check_triggers (f->r.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "audit"));
  g_assert_false (mc_audit_verify (f->r.db, &n, &bad, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED);
  g_assert_cmpint (bad, ==, 0);  /* the chain itself is whole */
}

/* A dropped trigger is reported when the database is opened again, and
 * left dropped: the migrations do not put it back unseen. */
static void
test_trigger_dropped_reported_at_open (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(McDb) again = NULL;
  g_autofree char *path = g_strdup (mc_db_get_path (f->r.db));
  g_autofree char *altered = NULL;

  g_assert_true (mc_db_exec (f->r.db, "DROP TRIGGER audit_dossier_event_insert", &error));
  altered = trigger_sql (f->r.db, "audit_apology_insert");
  g_assert_true (mc_db_exec (f->r.db, "DROP TRIGGER audit_apology_insert; "
                                      "CREATE TRIGGER audit_apology_insert AFTER INSERT ON apology BEGIN SELECT 1; END",
                                      &error));
  again = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  problems = mc_audit_check_triggers (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpint (mc_db_query_int (again, "SELECT count (*) FROM sqlite_schema WHERE name = 'audit_dossier_event_insert'",
                                    NULL), ==, 0);
}

/* The file that spares each open the reference database of the expected
 * triggers (issue 15), and what a forged one would say. */
static char *
expected_digest_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "motcua", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "expected-triggers-"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static int
compare_names (gconstpointer a, gconstpointer b, gpointer data)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The digest core keeps (mc-audit-anchor.c: a keyed BLAKE2b, its key
 * derived from the audit key), made with `key`. */
static char *
digest_with_key (McDb *db, const guchar *key, gsize key_len)
{
  crypto_generichash_state state;
  guchar derived[crypto_generichash_KEYBYTES], digest[32];
  char hex[2 * sizeof digest + 1];
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *s = mc_db_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'trigger'", NULL);

  g_assert_cmpint (sodium_init (), >=, 0);
  crypto_generichash (derived, sizeof derived, key, key_len, (const guchar *) "motcua expected triggers", 24);
  crypto_generichash_init (&state, derived, sizeof derived, sizeof digest);
  while (mc_sql_step (s, NULL) == MC_DB_STEP_ROW)
    g_ptr_array_add (names, g_strdup (mc_sql_column_text (s, 0)));
  mc_sql_reset (s);
  g_ptr_array_sort_with_data (names, compare_names, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = trigger_sql (db, names->pdata[i]);
      crypto_generichash_update (&state, names->pdata[i], strlen (names->pdata[i]) + 1);
      crypto_generichash_update (&state, (const guchar *) sql, strlen (sql) + 1);
    }
  crypto_generichash_final (&state, digest, sizeof digest);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, digest, sizeof digest));
}

/* The expected triggers' digest is kept after the first check, so a command
 * builds no reference database; it never hides a trigger altered since,
 * nor does a cache written without the audit key. */
static void
test_trigger_digest_cached (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *file = NULL;
  g_autofree char *forged = NULL;
  GStatBuf st;

  problems = mc_audit_check_triggers (f->r.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  file = expected_digest_file ();
  g_assert_nonnull (file);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* What was kept is the digest of the triggers with the audit key: the
   * forgery below differs from it by the key alone. */
  {
    GBytes *key = mc_db_get_audit_key (f->r.db);
    g_autofree char *kept = NULL;
    g_autofree char *same = digest_with_key (f->r.db, g_bytes_get_data (key, NULL), g_bytes_get_size (key));

    g_assert_true (g_file_get_contents (file, &kept, NULL, NULL));
    g_assert_cmpstr (g_strstrip (kept), ==, same);
  }
  /* Kept: the same answer from the cache. */
  problems = mc_audit_check_triggers (f->r.db, &error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (mc_db_exec (f->r.db, "DROP TRIGGER audit_apology_insert; "
                                      "CREATE TRIGGER audit_apology_insert AFTER INSERT ON apology BEGIN SELECT 1; END",
                                      &error));
  problems = mc_audit_check_triggers (f->r.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "audit_apology_insert"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  /* Someone who can write the cache but has no key cannot bless the change. */
  forged = digest_with_key (f->r.db, (const guchar *) "not the key", 11);
  g_assert_true (g_file_set_contents (file, forged, -1, NULL));
  problems = mc_audit_check_triggers (f->r.db, &error);
  g_assert_cmpuint (problems->len, ==, 1);
}

/* An import suspends and puts back the dossier triggers: a legitimate
 * change of their order, recorded, so nothing is reported. */
static void
test_import_is_not_tampering (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *csv = "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,"
                                           "outcome,applicant_name\n"
                                           "H56.99-260301-0001,1.012812,truc_tiep,2026-03-01 08:00,2026-03-10 17:00,"
                                           ",,,Lê Văn Cũ\n";
  guint n = 0;

  g_assert_true (mc_dossier_store_import_csv (f->r.store, csv, strlen (csv), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  assert_intact (f->r.db);
}

/* Someone holding the key can recompute a valid chain; what was recorded
 * outside the file before the rewrite still tells. */
static void
test_anchors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = mc_test_tmp_path ("audit-backup.sqlite");
  g_autofree char *manifest = g_strconcat (backup, ".manifest", NULL);
  g_autofree char *manifest_text = NULL;
  g_autofree char *head = NULL;
  g_autofree char *full = NULL;
  g_autofree char *anchors = mc_audit_anchors_path ();
  g_autofree char *anchors_text = NULL;
  g_autoptr(McReportDocument) doc = NULL;
  gint64 seq = 0, n = 0, bad = 0, target = middle_row (f->r.db);
  GStatBuf st;

  /* The day's first sign-in (in the set-up) recorded the head then. */
  g_assert_true (g_file_get_contents (anchors, &anchors_text, NULL, NULL));
  g_assert_nonnull (strstr (anchors_text, mc_db_get_path (f->r.db)));
  g_assert_cmpint (g_stat (anchors, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (mc_backup_write (f->r.db, backup, &error));
  g_assert_no_error (error);
  g_assert_true (mc_audit_get_head (f->r.db, &seq, &full, &error));
  g_assert_true (g_file_get_contents (manifest, &manifest_text, NULL, NULL));
  {
    g_autofree char *line = g_strdup_printf ("audit_head=%lld:%s\n", (long long) seq, full);
    g_assert_nonnull (strstr (manifest_text, line));
  }
  g_assert_cmpint (g_stat (manifest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A printed report carries the head in its footer (reports are the
   * reporting officer's). */
  {
    McRoles roles = mc_roles_from_string ("bao_cao", &error);
    g_autoptr(McStaff) officer = NULL;
    g_assert_true (mc_accounts_create (f->accounts, "bc.ha", "Trịnh Thu Hà", "Công chức", "TTPV", roles, PASSWORD,
                                       &error));
    officer = mc_accounts_sign_in (f->accounts, "bc.ha", PASSWORD, &error);
    g_assert_no_error (error);
  }
  doc = mc_report_document_new_06a (f->r.db, 0, mc_test_date ("2026-03-01"), mc_test_date ("2026-03-31"), TRUE, &error);
  g_assert_no_error (error);
  head = mc_audit_head_text (f->r.db);
  g_assert_cmpstr (mc_report_document_get_text (doc, MC_REPORT_TEXT_AUDIT_HEAD), ==, head);
  {
    g_autofree char *pdf = mc_test_tmp_path ("audit-06a.pdf");
    g_autofree char *text = NULL;
    g_autofree char *line = g_strdup_printf ("Nhật ký hệ thống: %s", head);
    g_assert_true (mc_report_doc_write_pdf (doc, pdf, &error));
    text = mc_test_pdftotext (pdf, "-raw");
    if (text != NULL)
      mc_test_assert_has (text, line);
  }

  /* Before the rewrite every anchor agrees. */
  assert_intact (f->r.db);
  g_assert_true (mc_audit_verify_against (f->r.db, backup, &error));
  g_assert_true (mc_audit_verify_against (f->r.db, manifest, &error));
  g_assert_true (mc_audit_verify_against (f->r.db, head, &error));
  g_assert_no_error (error);

  /* With the key: a middle row edited and the chain recomputed as HMACs. */
  edit_row (f->r.db, target);
  rechain (f->r.db, target, mc_db_get_audit_key (f->r.db));
  g_assert_true (mc_audit_verify_against (f->r.db, "1:00000000", NULL) == FALSE);
  g_assert_false (mc_audit_verify_against (f->r.db, backup, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED);
  g_clear_error (&error);
  g_assert_false (mc_audit_verify_against (f->r.db, manifest, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED);
  g_clear_error (&error);
  g_assert_false (mc_audit_verify_against (f->r.db, head, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED);
  g_clear_error (&error);
  /* The chain alone is consistent; the head recorded at sign-in is not. */
  g_assert_false (mc_audit_verify (f->r.db, &n, &bad, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED);
  g_assert_cmpint (bad, ==, 0);
  g_clear_error (&error);
  /* Neither a head nor a file: refused with a message. */
  g_assert_false (mc_audit_verify_against (f->r.db, "khong-co", &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_ANCHOR);
}

/* The head as printed at the foot of a report: "Nhật ký hệ thống: SEQ:HASH". */
static char *
printed_head (const char *text)
{
  const char *at = text ? strstr (text, "Nhật ký hệ thống: ") : NULL;
  const char *end;

  if (at == NULL)
    return NULL;
  at += strlen ("Nhật ký hệ thống: ");
  end = at + strspn (at, "0123456789:abcdef");
  return g_strndup (at, end - at);
}

static char *
xlsx_footer (const char *xlsx)
{
  const char *argv[] = { "unzip", "-p", xlsx, "xl/worksheets/sheet1.xml", NULL };
  g_autofree char *sheet = mc_test_run_tool (argv);
  const char *footer = sheet ? strstr (sheet, "<oddFooter>") : NULL;

  return footer ? g_strndup (footer, strcspn (footer, "/")) : NULL;
}

/* The head read back from a printed report checks the trail: it is the
 * head when the report was made, and after a rewrite it no longer agrees. */
static void
assert_printed_head (McDb *db, const char *what, const char *text, const char *head)
{
  g_autofree char *printed = printed_head (text);
  g_autoptr(GError) error = NULL;

  g_test_message ("%s: %s", what, printed ? printed : "(none)");
  g_assert_cmpstr (printed, ==, head);
  g_assert_true (mc_audit_verify_against (db, printed, &error));
  g_assert_no_error (error);
}

/* Every statutory report, and the register, records the head as Biểu 06a
 * does: in the PDF's foot (and so on paper: printing lays out the same
 * pages) and in the XLSX footer (issue 12, item 9). */
static void
test_head_on_every_report (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  McDate from = mc_test_date ("2026-03-01"), to = mc_test_date ("2026-03-31");
  g_autofree char *head = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(McReportNarrative) narrative = NULL;
  g_autoptr(McDossierRegisterData) book = NULL;
  gboolean have_pdftotext = mc_test_have_program ("pdftotext"), have_unzip = mc_test_have_program ("unzip");
  gint64 target = middle_row (f->r.db);

  {
    McRoles roles = mc_roles_from_string ("bao_cao,van_thu", &error);
    g_autoptr(McStaff) officer = NULL;
    g_assert_true (mc_accounts_create (f->accounts, "bc.ha", "Trịnh Thu Hà", "Công chức", "TTPV", roles, PASSWORD,
                                       &error));
    officer = mc_accounts_sign_in (f->accounts, "bc.ha", PASSWORD, &error);
    g_assert_no_error (error);
  }
  /* The register is audited as an export with personal data: its head
   * holds its own row. The reports write none. */
  book = mc_dossier_register_data_new (f->r.wf, mc_test_time ("2026-03-01 00:00"), mc_test_time ("2026-04-01 00:00"),
                                       NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (docs, mc_report_document_new_06a (f->r.db, 0, from, to, TRUE, &error));
  g_assert_no_error (error);
  g_ptr_array_add (docs, mc_report_document_new_public (f->r.db, 0, MC_REPORT_SCOPE_UNIT, from, to, TRUE, &error));
  g_assert_no_error (error);
  g_ptr_array_add (docs, mc_report_document_new_cchc (f->r.db, 0, from, to, &error));
  g_assert_no_error (error);
  g_ptr_array_add (docs, mc_report_document_new_evaluation (f->r.db, 0, from, to, &error));
  g_assert_no_error (error);
  narrative = mc_report_narrative_new (f->r.db, 0, from, to, "tháng 3 năm 2026", &error);
  g_assert_no_error (error);
  head = mc_audit_head_text (f->r.db);
  g_assert_nonnull (head);
  g_assert_cmpstr (book->audit_head, ==, head);

  for (guint i = 0; i < docs->len; i++)
    {
      McReportDocument *doc = docs->pdata[i];
      g_autofree char *pdf = mc_test_tmp_path ("audit-doc.pdf");
      g_autofree char *xlsx = mc_test_tmp_path ("audit-doc.xlsx");
      g_autofree char *text = NULL;
      g_autofree char *footer = NULL;

      g_assert_cmpstr (mc_report_document_get_text (doc, MC_REPORT_TEXT_AUDIT_HEAD), ==, head);
      g_remove (pdf);
      g_remove (xlsx);
      g_assert_true (mc_report_doc_write_pdf (doc, pdf, &error));
      g_assert_true (mc_report_doc_write_xlsx (doc, xlsx, &error));
      g_assert_no_error (error);
      if (have_pdftotext)
        {
          text = mc_test_pdftotext (pdf, "-raw");
          assert_printed_head (f->r.db, mc_report_document_get_text (doc, MC_REPORT_TEXT_SHEET), text, head);
        }
      if (have_unzip)
        {
          footer = xlsx_footer (xlsx);
          assert_printed_head (f->r.db, mc_report_document_get_text (doc, MC_REPORT_TEXT_SHEET), footer, head);
        }
    }
  {
    g_autofree char *pdf = mc_test_tmp_path ("audit-narrative.pdf");
    g_autofree char *txt = mc_test_tmp_path ("audit-narrative.txt");
    g_autofree char *text = NULL;

    g_assert_true (mc_report_narrative_write_pdf (narrative, pdf, &error));
    g_assert_true (mc_report_narrative_write_text (narrative, txt, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
    assert_printed_head (f->r.db, "narrative text", text, head);
    g_clear_pointer (&text, g_free);
    if (have_pdftotext)
      {
        text = mc_test_pdftotext (pdf, "-raw");
        assert_printed_head (f->r.db, "narrative", text, head);
      }
  }
  {
    g_autofree char *pdf = mc_test_tmp_path ("audit-register.pdf");
    g_autofree char *xlsx = mc_test_tmp_path ("audit-register.xlsx");

    g_assert_true (mc_dossier_register_data_write_pdf (book, pdf, &error));
    g_assert_true (mc_dossier_register_data_write_xlsx (book, xlsx, &error));
    g_assert_no_error (error);
    if (have_pdftotext)
      {
        g_autofree char *text = mc_test_pdftotext (pdf, "-raw");
        assert_printed_head (f->r.db, "register", text, head);
      }
    if (have_unzip)
      {
        g_autofree char *footer = xlsx_footer (xlsx);
        assert_printed_head (f->r.db, "register xlsx", footer, head);
      }
  }

  /* With the key, a row before the printed head edited and the chain
   * recomputed: the paper no longer agrees. */
  edit_row (f->r.db, target);
  rechain (f->r.db, target, mc_db_get_audit_key (f->r.db));
  g_assert_false (mc_audit_verify_against (f->r.db, head, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED);
}

/* A restore takes the trail back on purpose: the heads recorded after the
 * backup are dropped with the rows they named, and the trail is intact. */
static void
test_restore_forgets_later_heads (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = mc_test_tmp_path ("audit-restore.sqlite");
  g_autofree char *anchors = mc_audit_anchors_path ();
  g_autofree char *chain = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *path = g_strdup (mc_db_get_path (f->r.db));
  g_autoptr(McDb) restored = NULL;
  gint64 seq;

  g_assert_true (mc_backup_write (f->r.db, backup, &error));
  g_assert_true (mc_db_set_setting (f->r.db, "report.place", "Phú Sơn", &error));
  {
    McSqlStmt *s = mc_db_prepare (f->r.db, "SELECT substr (hash, 1, 16) FROM audit_log WHERE action = 'audit.keyed'",
                                     &error);
    g_assert_cmpint (mc_sql_step (s, NULL), ==, MC_DB_STEP_ROW);
    chain = g_strdup (mc_sql_column_text (s, 0));
    mc_sql_reset (s);
  }
  /* The next day's first sign-in, after the backup. */
  g_assert_true (mc_audit_get_head (f->r.db, &seq, &hash, &error));
  {
    g_autofree char *old = NULL;
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (anchors, &old, NULL, NULL));
    text = g_strdup_printf ("%s2099-01-01\t%s\t%lld\t%s\t%s\n", old, chain, (long long) seq, hash, path);
    g_assert_true (g_file_set_contents (anchors, text, -1, NULL));
  }
  /* Restored as the command does, with the database closed. */
  g_clear_object (&f->accounts);
  mc_test_routing_tear_down (&f->r);
  g_assert_true (mc_backup_restore (path, backup, NULL, &error));
  g_assert_no_error (error);
  restored = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  assert_intact (restored);
}

/* The key is made once, 0600 in a 0700 folder, whatever the umask; a
 * second database on the same machine uses the same key. */
static void
test_key_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mc_audit_key_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  mode_t old = umask (0);
  GStatBuf st;

  first = mc_audit_load_key (FALSE, &error);
  umask (old);
  g_assert_no_error (error);
  second = mc_audit_load_key (FALSE, &error);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  /* A damaged key is refused, not replaced. */
  g_assert_true (g_file_set_contents (path, "abc\n", -1, NULL));
  g_assert_null (mc_audit_load_key (FALSE, &error));
  g_assert_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_KEY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The key and the anchors in this test's own configuration folder. */
  g_unsetenv ("MOTCUA_AUDIT_KEY");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/audit/tamper-d-edit-and-rechain", test_edit_and_rechain);
  ADD ("/audit/tamper-e-forged-append", test_forged_append);
  ADD ("/audit/downgraded-chain", test_downgraded_chain);
  ADD ("/audit/tamper-f-trigger-dropped-and-recreated", test_trigger_dropped_and_recreated);
  ADD ("/audit/trigger-dropped-reported-at-open", test_trigger_dropped_reported_at_open);
  ADD ("/audit/trigger-digest-cached", test_trigger_digest_cached);
  ADD ("/audit/import-is-not-tampering", test_import_is_not_tampering);
  ADD ("/audit/anchors", test_anchors);
  ADD ("/audit/restore-forgets-later-heads", test_restore_forgets_later_heads);
  ADD ("/audit/head-on-every-report", test_head_on_every_report);
#undef ADD
  g_test_add_func ("/audit/key-file", test_key_file);
  return g_test_run ();
}
