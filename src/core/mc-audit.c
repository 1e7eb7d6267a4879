/* mc-audit.c — the audit trail: who changed what, when, hash-chained
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-db-private.h"

G_DEFINE_QUARK (mc-audit-error-quark, mc_audit_error)

#define KEY_BYTES crypto_auth_hmacsha256_KEYBYTES

/* The fields a row's hash covers, in order, separated by U+001F so that no
 * text can shift a boundary. Rows before the keyed migration are SHA-256 of
 * them; from it on HMAC-SHA256 with the key (NULL: plain SHA-256). */
char *
mc_audit_compute_hash (GBytes *key, const char *prev, gint64 at, gint64 staff, gboolean has_staff,
                       const char *action, const char *kind, gint64 object_id, gboolean has_object, const char *detail)
{
  g_autofree char *staff_text = has_staff ? g_strdup_printf ("%" G_GINT64_FORMAT, staff) : g_strdup ("");
  g_autofree char *object_text = has_object ? g_strdup_printf ("%" G_GINT64_FORMAT, object_id) : g_strdup ("");
  g_autofree char *text = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                                           prev ? prev : "", at, staff_text, action ? action : "",
                                           kind ? kind : "", object_text, detail ? detail : "");
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];

  if (key == NULL)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  crypto_auth_hmacsha256 (mac, (const unsigned char *) text, strlen (text),
                          g_bytes_get_data (key, NULL));
  return g_strdup (sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
}

gboolean
mc_audit_append (McDb *db, const char *action, const char *object_kind, gint64 object_id, const char *detail,
                 GError **error)
{
  McSqlStmt *stmt;

  if (!mc_db_begin (db, error))
    return FALSE;
  /* On a server no desk's login may write audit_log: the row is appended
   * by mc_audit_append () (resources/sql/pg/0005-audit.sql), SECURITY
   * DEFINER, in the name of the session's login. */
  if (mc_sql_on_server (db))
    stmt = mc_db_prepare (db, "SELECT mc_audit_append (?1::text, ?2::text, ?3::bigint, ?4::text)", error);
  else
    stmt = mc_db_prepare (db,
      "INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash) "
      "SELECT a.at, a.actor, ?1, ?2, ?3, ?4, a.prev, mc_audit_hash (a.prev, a.at, a.actor, ?1, ?2, ?3, ?4) "
      "FROM (SELECT mc_now () AS at, mc_actor () AS actor, "
      "coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a", error);
  if (stmt == NULL)
    goto fail;
  mc_sql_bind_text (stmt, 1, action, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, object_kind, -1, MC_SQL_TRANSIENT);
  if (object_id != 0)
    mc_sql_bind_int64 (stmt, 3, object_id);
  mc_sql_bind_text (stmt, 4, detail, -1, MC_SQL_TRANSIENT);
  if (mc_sql_on_server (db))
    {
      McDbStep step = mc_db_step_row (db, stmt, error);

      mc_sql_reset (stmt);
      if (step == MC_DB_STEP_ROW && mc_db_commit (db, error))
        return TRUE;
      goto fail;
    }
  if (mc_db_step_done (db, stmt, error) && mc_db_commit (db, error))
    return TRUE;

fail:
  mc_db_rollback (db);
  return FALSE;
}

static char *
text_at (McSqlStmt *stmt, int i)
{
  const char *t = mc_sql_column_text (stmt, i);

  return t ? g_strdup ((const char *) t) : NULL;
}

GPtrArray *
mc_audit_list (McDb *db, const char *username, const char *dossier_code, McTime from, McTime to, guint limit,
               GError **error)
{
  return mc_audit_list_after (db, username, dossier_code, from, to, 0, limit, error);
}

static McAuditEntry *
entry_from_row (McSqlStmt *stmt)
{
  g_autofree char *username = text_at (stmt, 2);
  g_autofree char *full_name = text_at (stmt, 3);
  g_autofree char *action = text_at (stmt, 4);
  g_autofree char *object_kind = text_at (stmt, 5);
  g_autofree char *object_label = text_at (stmt, 7);
  g_autofree char *detail = text_at (stmt, 8);

  return mc_audit_entry_new (mc_sql_column_int64 (stmt, 0), mc_sql_column_int64 (stmt, 1), username, full_name,
                             action, object_kind, mc_sql_column_int64 (stmt, 6), object_label, detail);
}

GPtrArray *
mc_audit_list_after (McDb *db, const char *username, const char *dossier_code, McTime from, McTime to,
                     gint64 after_id, guint limit, GError **error)
{
  /* The trail names citizens and staff: administrators and committee
   * leaders read it (checked here, not only by hiding the page). */
  if (!mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_AUDIT, 0, error))
    return NULL;
  McSqlStmt *stmt = mc_db_prepare (db,
      "SELECT a.id, a.at, s.username, s.full_name, a.action, a.object_kind, a.object_id, "
      "CASE a.object_kind WHEN 'dossier' THEN (SELECT code FROM dossier WHERE id = a.object_id) "
      "WHEN 'procedure' THEN (SELECT code FROM procedure WHERE id = a.object_id) "
      "WHEN 'staff' THEN (SELECT username FROM staff WHERE id = a.object_id) END, a.detail "
      "FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id "
      "WHERE (?1 IS NULL OR s.username = ?1) "
      "AND (?2 IS NULL OR (a.object_kind = 'dossier' AND a.object_id = (SELECT id FROM dossier WHERE code = ?2))) "
      "AND (?3 = 0 OR a.at >= ?3) AND (?4 = 0 OR a.at < ?4) AND a.id > ?6 ORDER BY a.id DESC LIMIT ?5", error);
  GPtrArray *rows;
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  if (username && *username)
    mc_sql_bind_text (stmt, 1, username, -1, MC_SQL_TRANSIENT);
  if (dossier_code && *dossier_code)
    mc_sql_bind_text (stmt, 2, dossier_code, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 3, from);
  mc_sql_bind_int64 (stmt, 4, to);
  mc_sql_bind_int64 (stmt, 5, limit ? limit : G_MAXINT);
  mc_sql_bind_int64 (stmt, 6, after_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (rows, entry_from_row (stmt));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&rows, g_ptr_array_unref);  /* the error, not a shorter trail */
  return rows;
}

/* The key */

char *
mc_audit_key_path (void)
{
  const char *path = g_getenv ("MOTCUA_AUDIT_KEY");

  if (path != NULL && *path != '\0')
    return g_strdup (path);
  return g_build_filename (g_get_user_config_dir (), "motcua", "audit.key", NULL);
}

static gboolean
set_errno_error (GError **error, const char *path, int saved)
{
  g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_KEY, _("Cannot write the audit key “%s”: %s"), path,
               g_strerror (saved));
  return FALSE;
}

/* Written whole under a temporary name and linked to its final name, which
 * fails if another process made the key first: both then use that one. */
static gboolean
create_key_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d", path, (int) getpid ());
  unsigned char key[KEY_BYTES];
  char hex[KEY_BYTES * 2 + 2];
  int fd;
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, path, errno);
  g_unlink (tmp);
  fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, path, errno);
  randombytes_buf (key, sizeof key);
  sodium_bin2hex (hex, sizeof hex - 1, key, sizeof key);
  strcat (hex, "\n");
  sodium_memzero (key, sizeof key);
  ok = write (fd, hex, strlen (hex)) == (ssize_t) strlen (hex) && fsync (fd) == 0;
  sodium_memzero (hex, sizeof hex);
  close (fd);
  if (!ok || (link (tmp, path) != 0 && errno != EEXIST))
    {
      int saved = errno;
      g_unlink (tmp);
      return set_errno_error (error, path, saved);
    }
  g_unlink (tmp);
  return TRUE;
}

static GBytes *
read_key_file (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  unsigned char key[KEY_BYTES];
  size_t n = 0;

  if (!g_file_get_contents (path, &text, &length, NULL) ||
      sodium_hex2bin (key, sizeof key, text, length, " \r\n", &n, NULL) != 0 || n != KEY_BYTES)
    {
      g_set_error (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_KEY,
                   _("The audit key “%s” cannot be read or is damaged (it holds 64 hexadecimal digits)"), path);
      return NULL;
    }
  return g_bytes_new (key, sizeof key);
}

GBytes *
mc_audit_load_key (gboolean ephemeral, GError **error)
{
  g_autofree char *path = NULL;
  unsigned char key[KEY_BYTES];

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_KEY, _("The cryptography library cannot start"));
      return NULL;
    }
  if (ephemeral)
    {
      randombytes_buf (key, sizeof key);
      return g_bytes_new (key, sizeof key);
    }
  path = mc_audit_key_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_key_file (path, error))
    return NULL;
  return read_key_file (path, error);
}

/* The chain */

static gint64
keyed_from (McDb *db, GError **error)
{
  return mc_db_query_int (db, "SELECT coalesce (min (id), 0) FROM audit_log WHERE action = 'audit.keyed'", error);
}

static gboolean
walk_chain (McDb *db, gint64 from, gint64 *n_rows, gint64 *bad_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT id, at, staff_id, action, object_kind, object_id, detail, "
                                          "prev_hash, hash FROM audit_log ORDER BY id", error);
  g_autofree char *prev = g_strdup ("");
  gboolean ok = TRUE;
  McDbStep step = MC_DB_STEP_DONE;

  if (stmt == NULL)
    return FALSE;
  while (ok && (step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 id = mc_sql_column_int64 (stmt, 0);
      GBytes *key = from > 0 && id >= from ? mc_db_get_audit_key (db) : NULL;
      g_autofree char *expected = mc_audit_compute_hash (
          key, prev, mc_sql_column_int64 (stmt, 1), mc_sql_column_int64 (stmt, 2),
          mc_sql_column_type (stmt, 2) != MC_SQL_NULL, mc_sql_column_text (stmt, 3),
          mc_sql_column_text (stmt, 4), mc_sql_column_int64 (stmt, 5),
          mc_sql_column_type (stmt, 5) != MC_SQL_NULL, mc_sql_column_text (stmt, 6));
      const char *stored_prev = mc_sql_column_text (stmt, 7);
      const char *stored = mc_sql_column_text (stmt, 8);

      ok = g_strcmp0 (stored_prev, prev) == 0 && g_strcmp0 (stored, expected) == 0;
      if (!ok)
        *bad_id = id;
      else
        (*n_rows)++;
      g_free (prev);
      prev = g_strdup (stored);
    }
  mc_sql_reset (stmt);
  /* A chain that could not be read to its end is not verified. */
  return ok && step != MC_DB_STEP_ERROR;
}

/* On PostgreSQL the chain's key is the server's (audit_key, readable by
 * motcua_owner only: resources/sql/pg/0009-audit-key.sql), not this
 * client's key file, so walk_chain here would recompute every keyed row with
 * the wrong key and call the first one broken. The server walks it with the
 * same rule (mc_audit_verify () in that step); bad_id -1 there is a keyed
 * schema whose chain lost its keyed row. */
static gboolean
verify_on_server (McDb *db, gint64 *n_rows, gint64 *bad_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT n_rows, bad_id FROM mc_audit_verify ()", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      *n_rows = mc_sql_column_int64 (stmt, 0);
      *bad_id = mc_sql_column_int64 (stmt, 1);
    }
  mc_sql_reset (stmt);
  if (step != MC_DB_STEP_ROW)
    return FALSE;
  if (*bad_id < 0)
    {
      *bad_id = 0;
      g_set_error_literal (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED,
                           _("The audit trail has lost its keyed chain: it was rewritten without the key"));
      return FALSE;
    }
  return *bad_id == 0;  /* a bad row, as walk_chain */
}

gboolean
mc_audit_verify (McDb *db, gint64 *n_rows, gint64 *bad_id, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 from;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  *n_rows = 0;
  *bad_id = 0;
  if (mc_sql_on_server (db))
    return verify_on_server (db, n_rows, bad_id, error);
  from = keyed_from (db, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* Without its first keyed row, a chain at the keyed schema was put back
   * to plain SHA-256: the only way to rewrite it without the key. */
  if (mc_db_get_audit_keyed (db) && from == 0)
    {
      g_set_error_literal (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED,
                           _("The audit trail has lost its keyed chain: it was rewritten without the key"));
      return FALSE;
    }
  if (!walk_chain (db, from, n_rows, bad_id, error) || !mc_audit_check_anchors (db, error))
    return FALSE;
  problems = mc_audit_check_triggers (db, error);
  if (problems == NULL)
    return FALSE;
  if (problems->len > 0)
    {
      g_set_error_literal (error, MC_AUDIT_ERROR, MC_AUDIT_ERROR_TAMPERED, problems->pdata[0]);
      return FALSE;
    }
  return TRUE;
}

char *
mc_audit_row_hash (GBytes *key, const char *prev, gint64 at, gboolean has_staff, gint64 staff, const char *action,
                   const char *kind, gboolean has_object, gint64 object_id, const char *detail)
{
  return mc_audit_compute_hash (key, prev, at, staff, has_staff, action, kind, object_id, has_object, detail);
}
