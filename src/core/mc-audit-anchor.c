/* mc-audit-anchor.c — what the audit chain is checked against outside the file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyed chain stops someone who holds only the database file; someone
 * who also holds the key could still rewrite it whole. Heads of the chain
 * (row number and hash) kept elsewhere — a backup's manifest, the footer of
 * a printed report, the line each day's first sign-in adds to a file beside
 * the key — make such a rewrite visible before the point they record. The
 * triggers that write the chain are compared with those the migrations
 * create, and their order with the one the chain last recorded, so a
 * trigger dropped for a silent change and re-created is found too.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "mc-audit.h"
#include "mc-db-sqlite-private.h"
#include "mc-output-file.h"

#define ANCHOR_HASH_CHARS 16  /* printed on paper: 64 bits tell a rewrite */

/* Heads */

gboolean
mc_audit_get_head (McDb *db, gint64 *seq, char **hash, GError **error)
{
  /* On a server only the auditors read audit_log; every report prints the
   * head, so mc_audit_head () gives it to anyone signed in (0025). */
  McSqlStmt *stmt = mc_db_prepare (db, mc_sql_on_server (db) ? "SELECT id, hash FROM mc_audit_head ()"
                                                              : "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                                   error);
  McDbStep step;

  *seq = 0;
  *hash = NULL;
  if (stmt == NULL)
    return FALSE;
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;
  if (step == MC_DB_STEP_ROW)
    {
      *seq = mc_sql_column_int64 (stmt, 0);
      *hash = g_strdup (mc_sql_column_text (stmt, 1));
    }
  mc_sql_reset (stmt);
  if (*hash == NULL)
    *hash = g_strdup ("");
  return TRUE;
}

char *
mc_audit_head_text (McDb *db)
{
  g_autofree char *hash = NULL;
  gint64 seq;

  if (!mc_audit_get_head (db, &seq, &hash, NULL) || seq == 0)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%.*s", seq, ANCHOR_HASH_CHARS, hash);
}

/* The first keyed row's hash names the chain in the anchors file: a demo
 * database made again at the same path is another chain. *id is NULL before
 * the chain is keyed; FALSE when the trail could not be read (a check that
 * cannot run is not a chain without anchors). */
static gboolean
chain_id (McDb *db, char **id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT substr (hash, 1, 16) FROM audit_log WHERE action = 'audit.keyed' "
                                          "ORDER BY id LIMIT 1", error);
  McDbStep step;

  *id = NULL;
  if (stmt == NULL)
    return FALSE;
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *id = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

/* Whether row `seq` still has the hash a head recorded (a prefix of at
 * least 8 hex digits); `where` names the record in the message. */
static gboolean
check_head (McDb *db, gint64 seq, const char *prefix, const char *where, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT hash FROM audit_log WHERE id = ?", error);
  g_autofree char *hash = NULL;
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, seq);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;  /* unreadable is not "missing" */
  if (step == MC_DB_STEP_ROW)
    hash = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  if (hash != NULL && g_ascii_strncasecmp (hash, prefix, strlen (prefix)) == 0)
    return TRUE;
  g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED,
               hash == NULL ? _("Audit row %lld, recorded as the head in %s, is missing: the trail was cut or rewritten")
                            : _("Audit row %lld no longer matches the head recorded in %s: the trail was rewritten up to it"),
               (long long) seq, where);
  return FALSE;
}

static gboolean
parse_head (const char *text, gint64 *seq, char **prefix)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  guint64 n = 0;

  if (g_strv_length (parts) != 2 || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT64, &n, NULL) ||
      strlen (parts[1]) < 8 || strlen (parts[1]) > 64 || strspn (parts[1], "0123456789abcdefABCDEF") != strlen (parts[1]))
    return FALSE;
  *seq = (gint64) n;
  *prefix = g_strdup (parts[1]);
  return TRUE;
}

/* Created 0600 (its folder 0700), whatever the umask: it names the databases. */
static gboolean
append_private (const char *path, const char *line, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;
  gboolean ok;

  g_mkdir_with_parents (dir, 0700);
  fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_KEY, _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  ok = write (fd, line, strlen (line)) == (ssize_t) strlen (line) && fsync (fd) == 0;
  close (fd);
  if (!ok)
    g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_KEY, _("Cannot write “%s”: %s"), path, g_strerror (errno));
  return ok;
}

/* The anchors file, beside the key */

char *
mc_audit_anchors_path (void)
{
  g_autofree char *key = mc_audit_key_path ();
  g_autofree char *dir = g_path_get_dirname (key);

  return g_build_filename (dir, "audit-anchors.tsv", NULL);
}

/* Lines "YYYY-MM-DD<TAB>chain<TAB>seq<TAB>hash<TAB>database". */
static char **
read_anchor_lines (void)
{
  g_autofree char *path = mc_audit_anchors_path ();
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_new0 (char *, 1);
  return g_strsplit (text, "\n", -1);
}

gboolean
mc_audit_anchor_daily (McDb *db, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *chain = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *line = NULL;
  g_autofree char *path = mc_audit_anchors_path ();
  g_auto(GStrv) lines = NULL;
  gint64 seq;

  /* On a server the chain is the server's, written by triggers no client
   * owns: there is no file for a desk to anchor (issue 17, item 2). */
  if (mc_db_get_pg (db) != NULL)
    return TRUE;
  if (!chain_id (db, &chain, error))
    return FALSE;
  if (chain == NULL || g_strcmp0 (mc_db_get_path (db), ":memory:") == 0)
    return TRUE;
  prefix = g_strdup_printf ("%s\t%s\t", today, chain);
  lines = read_anchor_lines ();
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return TRUE;
  if (!mc_audit_get_head (db, &seq, &hash, error))
    return FALSE;
  line = g_strdup_printf ("%s%" G_GINT64_FORMAT "\t%s\t%s\n", prefix, seq, hash, mc_db_get_path (db));
  return append_private (path, line, error);
}

gboolean
mc_audit_check_anchors (McDb *db, GError **error)
{
  g_autofree char *chain = NULL;
  g_auto(GStrv) lines = NULL;

  if (!chain_id (db, &chain, error))
    return FALSE;
  if (chain == NULL)
    return TRUE;
  lines = read_anchor_lines ();
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 5);
      g_autofree char *where = NULL;

      if (g_strv_length (f) < 4 || g_strcmp0 (f[1], chain) != 0)
        continue;
      /* Translators: where a chain head was recorded, on a day dd/mm/yyyy */
      {
        int y = 0, m = 0, d = 0;
        sscanf (f[0], "%d-%d-%d", &y, &m, &d);
        where = g_strdup_printf (_("the sign-in record of %02d/%02d/%04d"), d, m, y);
      }
      if (!check_head (db, g_ascii_strtoll (f[2], NULL, 10), f[3], where, error))
        return FALSE;
    }
  return TRUE;
}

/* After a restore: the chain's heads beyond the restored one are dropped
 * (the restore is the administrator's act, and audited by its own row);
 * rows written from now on will take those numbers with other hashes. */
gboolean
mc_audit_forget_anchors_after (const char *db_path, GError **error)
{
  g_autoptr(McDb) db = mc_db_new_unmigrated (db_path, error);
  g_autofree char *chain = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *path = mc_audit_anchors_path ();
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autofree char *tmp = NULL;
  gboolean dropped = FALSE;
  gint64 head;

  if (db == NULL || !mc_audit_get_head (db, &head, &hash, error))
    return FALSE;
  if (!chain_id (db, &chain, error))
    return FALSE;
  if (chain == NULL)
    return TRUE;
  lines = read_anchor_lines ();
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 5);
      if (g_strv_length (f) >= 4 && g_strcmp0 (f[1], chain) == 0 && g_ascii_strtoll (f[2], NULL, 10) > head)
        dropped = TRUE;
      else if (*lines[i] != '\0')
        g_string_append_printf (kept, "%s\n", lines[i]);
    }
  if (!dropped)
    return TRUE;
  tmp = g_strconcat (path, ".tmp", NULL);
  g_unlink (tmp);
  if (!append_private (tmp, kept->str, error))
    return FALSE;
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_KEY, _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Backups: a manifest beside each, and the copy itself as an anchor */

static sqlite3 *
open_readonly (const char *path, GError **error)
{
  sqlite3 *handle = NULL;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_ANCHOR, _("Cannot read “%s” as a backup"), path);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  return handle;
}

gboolean
mc_audit_write_manifest (const char *backup_path, GError **error)
{
  sqlite3 *handle = open_readonly (backup_path, error);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *manifest = g_strconcat (backup_path, ".manifest", NULL);
  g_autofree char *name = g_path_get_basename (backup_path);
  g_autofree char *text = NULL;
  McDbStep step = MC_DB_STEP_DONE;

  if (handle == NULL)
    return FALSE;
  if (sqlite3_prepare_v2 (handle, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", -1, &stmt, NULL) ==
        SQLITE_OK && (step = mc_db_step_row_sqlite (stmt, error)) == MC_DB_STEP_ROW)
    text = g_strdup_printf ("# Motcua backup manifest\nbackup=%s\naudit_head=%lld:%s\n", name,
                            (long long) sqlite3_column_int64 (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (handle);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;  /* a head that could not be read is not "no trail" */
  if (text == NULL)
    return TRUE;  /* no trail yet: nothing to anchor */
  g_unlink (manifest);
  return append_private (manifest, text, error);
}

static gboolean
against_manifest (McDb *db, const char *path, const char *text, GError **error)
{
  const char *line = strstr (text, "audit_head=");
  g_autofree char *head = NULL;
  g_autofree char *prefix = NULL;
  gint64 seq;

  if (line == NULL)
    {
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_ANCHOR, _("“%s” holds no head of the audit trail"), path);
      return FALSE;
    }
  head = g_strndup (line + strlen ("audit_head="), strcspn (line + strlen ("audit_head="), "\r\n"));
  if (!parse_head (head, &seq, &prefix))
    {
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_ANCHOR, _("“%s” holds no head of the audit trail"), path);
      return FALSE;
    }
  return check_head (db, seq, prefix, path, error);
}

/* Every row of the backup must be in the database with the same hash. */
static gboolean
against_backup (McDb *db, const char *path, GError **error)
{
  sqlite3 *handle = open_readonly (path, error);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  McDbStep step = MC_DB_STEP_DONE;
  g_autoptr(GError) local = NULL;

  if (handle == NULL)
    return FALSE;
  if (sqlite3_prepare_v2 (handle, "SELECT id, hash FROM audit_log ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (handle);
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_ANCHOR, _("Cannot read “%s” as a backup"), path);
      return FALSE;
    }
  while (ok && (step = mc_db_step_row_sqlite (stmt, &local)) == MC_DB_STEP_ROW)
    ok = check_head (db, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1), path, error);
  if (ok && step == MC_DB_STEP_ERROR)
    {
      /* The backup, not the database, could not be read: said as such. */
      g_debug ("Backup %s: %s", path, local->message);
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_ANCHOR, _("Cannot read “%s” as a backup"), path);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (handle);
  return ok;
}

gboolean
mc_audit_verify_against (McDb *db, const char *against, GError **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gint64 seq;

  g_return_val_if_fail (MC_IS_DB (db) && against != NULL, FALSE);

  if (parse_head (against, &seq, &prefix))
    return check_head (db, seq, prefix, against, error);
  if (!g_file_test (against, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_ANCHOR,
                   _("“%s” is neither a backup nor a head such as 1234:3fa9c2d1e0b7a6f5"), against);
      return FALSE;
    }
  if (g_file_get_contents (against, &text, &length, NULL) && length >= 16 &&
      memcmp (text, "SQLite format 3", 16) == 0)
    return against_backup (db, against, error);
  return against_manifest (db, against, text ? text : "", error);
}

/* Triggers */

static GHashTable *
read_triggers (McDb *db, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'", error);
  GHashTable *triggers;
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_hash_table_insert (triggers, g_strdup (mc_sql_column_text (stmt, 0)),
                         g_strdup (mc_sql_column_text (stmt, 1)));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&triggers, g_hash_table_unref);  /* a trigger missed would read as dropped */
  return triggers;
}

/* The triggers the migrations create, made once per process in memory (a
 * few milliseconds): the reference cannot drift from the migrations. */
static GHashTable *
expected_triggers (GError **error)
{
  static GHashTable *expected;
  G_LOCK_DEFINE_STATIC (expected);
  GHashTable *result;

  G_LOCK (expected);
  if (expected == NULL)
    {
      g_autoptr(McDb) reference = mc_db_new (":memory:", NULL, error);
      if (reference != NULL)
        expected = read_triggers (reference, error);
    }
  result = expected ? g_hash_table_ref (expected) : NULL;
  G_UNLOCK (expected);
  return result;
}

/* The triggers' names in the order of the schema table: re-creating a
 * trigger moves it to the end, even with its text unchanged. */
static char *
trigger_fingerprint (McDb *db, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid",
                                      error);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *sum = NULL;
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_string_append_printf (names, "%s\n", mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, names->str, names->len);
  return g_strdup_printf ("triggers %.16s", sum);
}

/* The expected triggers without building them. Making the reference runs
 * every migration in a database in memory — a second connection and a dozen
 * schema parses, 20 ms of a 28 ms `dossier show` (issue 15) — though it
 * depends only on the migrations compiled into the program. So its digest
 * (each trigger's name and SQL, in name order) is kept in the user's cache
 * directory under the migrations' own digest, as an HMAC with the audit key:
 * a cache written by anyone without the key, or for other migrations, never
 * matches, and a miss only costs building the reference again. */
static int
compare_names (gconstpointer a, gconstpointer b, gpointer data)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* A keyed BLAKE2b (libsodium) rather than GLib's HMAC-SHA-256: every
 * command hashes the triggers' SQL here, and SHA-256 was 2.3 of the 28.6
 * million instructions of a `dossier show` (issue 15). Its key is derived
 * from the audit key (whatever that key's length). */
static char *
triggers_digest (GHashTable *triggers, GBytes *key)
{
  crypto_generichash_state state;
  guchar derived[crypto_generichash_KEYBYTES], digest[32];
  char hex[2 * sizeof digest + 1];
  g_autofree gpointer *names = (gpointer *) g_hash_table_get_keys_as_array (triggers, NULL);
  guint n = g_hash_table_size (triggers);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
  crypto_generichash (derived, sizeof derived, g_bytes_get_data (key, NULL), g_bytes_get_size (key),
                      (const guchar *) "motcua expected triggers", 24);
  crypto_generichash_init (&state, derived, sizeof derived, sizeof digest);
  sodium_memzero (derived, sizeof derived);
  g_qsort_with_data (names, (gint) n, sizeof (gpointer), compare_names, NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *sql = g_hash_table_lookup (triggers, names[i]);
      crypto_generichash_update (&state, names[i], strlen (names[i]) + 1);
      crypto_generichash_update (&state, (const guchar *) sql, strlen (sql) + 1);
    }
  crypto_generichash_final (&state, digest, sizeof digest);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, digest, sizeof digest));
}

/* One file per migrations and per audit key: the test suite's key
 * (MOTCUA_AUDIT_KEY) and the user's, or two users sharing a home, each
 * rewrote the other's, so every other command built the reference again
 * (20 ms). The key is named by an HMAC of a constant, which tells nothing
 * of it. */
static char *
expected_digest_path (GBytes *key)
{
  g_autofree char *migrations = mc_db_dup_migrations_digest ();
  g_autofree char *key_id = g_compute_hmac_for_string (G_CHECKSUM_SHA256, g_bytes_get_data (key, NULL),
                                                       g_bytes_get_size (key), "expected-triggers", -1);
  g_autofree char *name = g_strdup_printf ("expected-triggers-%.16s-%.16s", migrations, key_id);

  return g_build_filename (g_get_user_cache_dir (), "motcua", name, NULL);
}

static gboolean
triggers_as_cached (GHashTable *actual, GBytes *key)
{
  g_autofree char *path = expected_digest_path (key);
  g_autofree char *cached = NULL;
  g_autofree char *digest = NULL;

  if (!g_file_get_contents (path, &cached, NULL, NULL))
    return FALSE;
  digest = triggers_digest (actual, key);
  return g_str_equal (g_strstrip (cached), digest);
}

static void
cache_expected (GHashTable *expected, GBytes *key)
{
  g_autofree char *path = expected_digest_path (key);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *digest = triggers_digest (expected, key);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (!mc_output_file_set_contents (path, digest, -1, MC_OUTPUT_FILE_FORCE, &error))
    g_debug ("audit: the expected triggers' digest is not kept: %s", error->message);
}

/* The latest recorded fingerprint in *detail (NULL: none recorded);
 * FALSE when the trail could not be read. */
static gboolean
recorded_fingerprint (McDb *db, gint64 *row, char **detail, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT id, detail FROM audit_log WHERE action = 'schema.triggers' "
                                          "ORDER BY id DESC LIMIT 1", error);
  McDbStep step;

  *row = 0;
  *detail = NULL;
  if (stmt == NULL)
    return FALSE;
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      *row = mc_sql_column_int64 (stmt, 0);
      *detail = g_strdup (mc_sql_column_text (stmt, 1));
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_audit_record_triggers (McDb *db, GError **error)
{
  g_autofree char *now = NULL;
  g_autofree char *recorded = NULL;
  gint64 row;

  if (mc_db_get_pg (db) != NULL)
    return TRUE;  /* the server's triggers belong to motcua_owner, which no client is */
  now = trigger_fingerprint (db, error);
  if (now == NULL || !recorded_fingerprint (db, &row, &recorded, error))
    return FALSE;
  if (g_strcmp0 (now, recorded) == 0)
    return TRUE;
  return mc_audit_append (db, "schema.triggers", "schema", 0, now, error);
}

static void
compare_triggers (GHashTable *expected, GHashTable *actual, GPtrArray *problems)
{
  GHashTableIter iter;
  gpointer name, sql;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, &sql))
    {
      const char *found = g_hash_table_lookup (actual, name);
      if (found == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("The trigger “%s” has been dropped: changes it should record go unrecorded"), (char *) name));
      else if (g_strcmp0 (found, sql) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The trigger “%s” has been altered"), (char *) name));
    }
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &name, &sql))
    if (!g_hash_table_contains (expected, name))
      g_ptr_array_add (problems, g_strdup_printf (_("The trigger “%s” is not part of Motcua’s schema"), (char *) name));
}

GPtrArray *
mc_audit_check_triggers (McDb *db, GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autofree char *now = NULL;
  g_autofree char *recorded = NULL;
  gint64 row;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  /* On PostgreSQL no client role may drop or alter a trigger (they belong
   * to motcua_owner; tests/pg/test-pg-roles.sh): nothing to compare. */
  if (mc_db_get_pg (db) != NULL)
    return g_steal_pointer (&problems);
  /* An older schema is compared after its migration, not before. */
  if (mc_db_get_version (db) != mc_db_get_latest_version ())
    return g_steal_pointer (&problems);
  if ((actual = read_triggers (db, error)) == NULL || (now = trigger_fingerprint (db, error)) == NULL)
    return NULL;
  if (!triggers_as_cached (actual, mc_db_get_audit_key (db)))
    {
      if ((expected = expected_triggers (error)) == NULL)
        return NULL;
      compare_triggers (expected, actual, problems);
      cache_expected (expected, mc_db_get_audit_key (db));
    }
  if (!recorded_fingerprint (db, &row, &recorded, error))
    return NULL;
  if (problems->len == 0 && g_strcmp0 (now, recorded) != 0)
    g_ptr_array_add (problems, recorded == NULL
                                 ? g_strdup (_("The audit trail holds no record of the triggers: they cannot be checked"))
                                 : g_strdup_printf (_("The triggers were dropped and re-created outside Motcua after audit row %lld: "
                                                      "changes made meanwhile were not recorded"), (long long) row));
  return g_steal_pointer (&problems);
}

/* The application's window and every command ask this when they open a
 * database: a trigger dropped or altered outside Motcua is said, never put
 * back (re-creating it would hide what was changed meanwhile). A check
 * that cannot run is said too rather than taken for a clean schema. */
GPtrArray *
mc_audit_check_at_start (McDb *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  problems = mc_audit_check_triggers (db, &error);
  if (problems == NULL)
    {
      g_message ("audit: triggers not checked: %s", error->message);
      problems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (problems, g_strdup (_("The audit trail’s triggers could not be checked")));
    }
  return problems;
}
