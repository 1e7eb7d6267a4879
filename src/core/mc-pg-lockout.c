/* mc-pg-lockout.c — failed sign-ins on a PostgreSQL server, counted from its log
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PostgreSQL 15 counts no failed sign-in and locks no one; a refused
 * connection ran no statement, so the only record of it is the server's log
 * ("FATAL:  password authentication failed for user "tn.lan""). This reads
 * that log from where it stopped last time (login_log_read), merges the
 * failures with the successful sign-ins of the audit trail (each desk writes
 * `sign_in` when it opens) and applies the program's own rule on a file
 * (mc-accounts.c count_attempt): security.max_failures wrong passwords in a
 * row lock the account for security.lockout_minutes, a success clears the
 * count. One difference: an attempt during the lock is refused by the server
 * before the password is compared (the login's password has expired), so it
 * tells the guesser nothing and is not counted, where a file's lock counts it
 * and lasts longer. staff.failed_logins and
 * locked_until are written as on a file; the trigger of 0033 makes the
 * login's password expire while the row is locked, and
 * mc_staff_login_locks () gives back those whose lock has ended.
 * Run by the installer (a member of motcua_owner and motcua_login_admin),
 * beside the server that writes the log: `motcua server lockout`.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-audit.h"
#include "mc-db-private.h"
#include "mc-pg-lockout.h"

#define FAILED "password authentication failed for user \""
#define EXPIRED "has an expired password"

typedef struct {
  gint64  at_ms;
  gint64  staff;    /* a success: the staff member; a failure: 0 */
  char   *username; /* a failure: the login tried */
} Attempt;

typedef struct {
  gint64 id;
  int    failures;
  int    failures_before;
  gint64 locked_until;
  gint64 locked_before;
} Account;

static void
attempt_clear (gpointer data)
{
  g_free (((Attempt *) data)->username);
}

/* The time at the start of a line of the log as log_line_prefix '%m' (or
 * '%t') writes it, "2026-12-08 01:50:40.889 UTC" or "… +07", in milliseconds
 * since 1970; -1 when the line does not start with one (a continuation). A
 * named zone ("EST") is read in `log_zone`, the server's log_timezone. */
gint64
mc_pg_lockout_line_time (const char *line, GTimeZone *log_zone)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) t = NULL;
  char date[11], clock[16], zone[8];
  const char *z;

  if (sscanf (line, "%10[0-9-] %15[0-9:.] %7[A-Za-z0-9+-]", date, clock, zone) != 3 || strlen (date) != 10)
    return -1;
  if (g_str_equal (zone, "UTC") || g_str_equal (zone, "GMT"))
    z = "Z";
  else if (zone[0] == '+' || zone[0] == '-')
    z = zone;
  else
    z = "";
  iso = g_strdup_printf ("%sT%s%s", date, clock, z);
  t = g_date_time_new_from_iso8601 (iso, *z ? NULL : log_zone);
  if (t == NULL || (*z == '\0' && log_zone == NULL))
    return -1;
  return g_date_time_to_unix (t) * 1000 + g_date_time_get_microsecond (t) / 1000;
}

/* The login a failure line names, in the stderr format ("…user "tn.lan"")
 * or the csvlog one (""tn.lan""); NULL for any other line. */
char *
mc_pg_lockout_line_user (const char *line)
{
  const char *p = strstr (line, FAILED);
  const char *end;

  if (p == NULL)
    return NULL;
  p += strlen (FAILED);
  if (*p == '"')
    p++;
  end = strchr (p, '"');
  return end && end > p ? g_strndup (p, end - p) : NULL;
}

static gboolean
read_log (const char *path, GTimeZone *zone, gint64 after_ms, GArray *attempts, gint64 *last_ms, guint *n_failures,
          GError **error)
{
  FILE *f = fopen (path, "r");
  char *line = NULL;
  size_t size = 0;

  if (f == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Cannot read the server's log %s: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }
  gboolean previous = FALSE;  /* the previous line was a failure counted */

  while (getline (&line, &size, f) >= 0)
    {
      gint64 at = mc_pg_lockout_line_time (line, zone);
      char *user;

      /* A login whose password has expired (locked: mc_staff_login_locks)
       * is refused before its password is even compared: an attempt during
       * the lock tells nothing and is not counted (the server's DETAIL line,
       * or the same line in csvlog). */
      if (strstr (line, EXPIRED) != NULL)
        {
          if (previous || strstr (line, FAILED) != NULL)
            {
              if (previous)
                {
                  g_array_remove_index (attempts, attempts->len - 1);
                  (*n_failures)--;
                }
              previous = FALSE;
              continue;
            }
        }
      previous = FALSE;
      if (at <= after_ms || (user = mc_pg_lockout_line_user (line)) == NULL)
        continue;
      g_array_append_vals (attempts, &(Attempt) { at, 0, user }, 1);
      *last_ms = MAX (*last_ms, at);
      (*n_failures)++;
      previous = TRUE;
    }
  free (line);
  fclose (f);
  return TRUE;
}

/* The desks' successful sign-ins since, from the trail. */
static gboolean
read_sign_ins (McDb *db, gint64 after_ms, GArray *attempts, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT at, staff_id FROM audit_log WHERE action = 'sign_in' "
                                       "AND staff_id IS NOT NULL AND at * 1000 > ? ORDER BY id", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, after_ms);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_array_append_vals (attempts, &(Attempt) { mc_sql_column_int64 (stmt, 0) * 1000, mc_sql_column_int64 (stmt, 1), NULL },
                         1);
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

static int
by_time (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const Attempt *) a)->at_ms, y = ((const Attempt *) b)->at_ms;

  return x < y ? -1 : x > y;
}

/* The active staff members, by username, with their count and lock. */
static GHashTable *
read_accounts (McDb *db, GError **error)
{
  GHashTable *accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT username, id, failed_logins, coalesce (locked_until, 0) FROM staff "
                                       "WHERE active <> 0", error);
  McDbStep step;

  if (stmt == NULL)
    {
      g_hash_table_unref (accounts);
      return NULL;
    }
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      Account *a = g_new0 (Account, 1);

      a->id = mc_sql_column_int64 (stmt, 1);
      a->failures = a->failures_before = mc_sql_column_int (stmt, 2);
      a->locked_until = a->locked_before = mc_sql_column_int64 (stmt, 3);
      g_hash_table_insert (accounts, g_strdup ((const char *) mc_sql_column_text (stmt, 0)), a);
    }
  mc_sql_reset (stmt);
  if (step != MC_DB_STEP_DONE)
    {
      g_hash_table_unref (accounts);
      return NULL;
    }
  return accounts;
}

static Account *
account_by_id (GHashTable *accounts, gint64 id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Account *) value)->id == id)
      return value;
  return NULL;
}

/* The rule of count_attempt on a file, attempt by attempt in time order. */
static void
apply_rule (GArray *attempts, GHashTable *accounts, int max_failures, int lock_minutes)
{
  for (guint i = 0; i < attempts->len; i++)
    {
      Attempt *t = &g_array_index (attempts, Attempt, i);
      Account *a = t->username ? g_hash_table_lookup (accounts, t->username) : account_by_id (accounts, t->staff);

      if (a == NULL)
        continue;  /* not a staff login (the server's own administrator), or disabled */
      if (t->username == NULL)
        {
          a->failures = 0;
          a->locked_until = 0;
          continue;
        }
      a->failures++;
      if (a->failures >= max_failures)
        a->locked_until = MAX (a->locked_until, t->at_ms / 1000 + (gint64) lock_minutes * 60);
    }
}

static gboolean
setting_int (McDb *db, const char *key, int fallback, int *value, GError **error)
{
  g_autofree char *fallback_text = g_strdup_printf ("%d", fallback);
  g_autofree char *text = mc_db_get_setting (db, key, fallback_text, error);

  if (text == NULL)
    return FALSE;
  *value = (int) g_ascii_strtoll (text, NULL, 10);
  if (*value <= 0)
    *value = fallback;
  return TRUE;
}

static gboolean
write_accounts (McDb *db, GHashTable *accounts, gint64 now, McPgLockoutResult *result, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, accounts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Account *a = value;
      McSqlStmt *stmt;

      if (a->failures == a->failures_before && a->locked_until == a->locked_before)
        continue;
      stmt = mc_db_prepare (db, "UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      mc_sql_bind_int (stmt, 1, a->failures);
      if (a->locked_until > 0)
        mc_sql_bind_int64 (stmt, 2, a->locked_until);
      else
        mc_sql_bind_null (stmt, 2);
      mc_sql_bind_int64 (stmt, 3, a->id);
      if (!mc_db_step_done (db, stmt, error))
        return FALSE;
      /* A lock that starts now, in the trail under the account's name. */
      if (a->locked_until > now && a->locked_before <= now)
        {
          g_autofree char *detail = g_strdup_printf ("%s: %d lần đăng nhập sai trên máy chủ, khóa đến %"
                                                     G_GINT64_FORMAT, (char *) key, a->failures, a->locked_until);

          if (!mc_audit_append (db, "sign_in_locked", "staff", a->id, detail, error))
            return FALSE;
          result->locked++;
        }
    }
  return TRUE;
}

static gboolean
read_position (McDb *db, gint64 *after_ms, GError **error)
{
  g_autoptr(GError) local = NULL;

  *after_ms = mc_db_query_int (db, "SELECT coalesce ((SELECT read_to FROM login_log_read WHERE id = 1), 0)", &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_position (McDb *db, gint64 read_to, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "INSERT INTO login_log_read (id, read_to) VALUES (1, ?) "
                                       "ON CONFLICT (id) DO UPDATE SET read_to = excluded.read_to", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, read_to);
  return mc_db_step_done (db, stmt, error);
}

/* The server's log_timezone ("UTC", "Asia/Ho_Chi_Minh"). */
static char *
log_timezone (McDb *db, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT current_setting ('log_timezone')", error);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  if (mc_db_step_row (db, stmt, error) == MC_DB_STEP_ROW)
    name = g_strdup ((const char *) mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return name;
}

static gboolean
run (McDb *db, const char *log_path, gint64 now, McPgLockoutResult *result, GError **error)
{
  g_autoptr(GArray) attempts = g_array_new (FALSE, TRUE, sizeof (Attempt));
  g_autoptr(GHashTable) accounts = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *zone_name = NULL;
  gint64 after = 0, last = 0, changed;
  int max_failures, lock_minutes;

  g_array_set_clear_func (attempts, attempt_clear);
  if (!read_position (db, &after, error) ||
      !setting_int (db, "security.max_failures", 5, &max_failures, error) ||
      !setting_int (db, "security.lockout_minutes", 15, &lock_minutes, error) ||
      (zone_name = log_timezone (db, error)) == NULL ||
      (zone = g_time_zone_new_identifier (zone_name), FALSE) ||
      !read_log (log_path, zone, after, attempts, &last, &result->failures, error) ||
      !read_sign_ins (db, after, attempts, error) || (accounts = read_accounts (db, error)) == NULL)
    return FALSE;
  g_array_sort (attempts, by_time);
  apply_rule (attempts, accounts, max_failures, lock_minutes);
  if (!write_accounts (db, accounts, now, result, error) || (last > after && !write_position (db, last, error)))
    return FALSE;
  /* The locks that ended meanwhile are lifted. */
  changed = mc_db_query_int (db, "SELECT mc_staff_login_locks ()", &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  result->logins_changed = (guint) changed;
  return TRUE;
}

gboolean
mc_pg_lockout_run (McDb *db, const char *log_path, gint64 now, McPgLockoutResult *result, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db) && log_path != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!mc_db_is_server (db))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Failed sign-ins are counted from a PostgreSQL server's log: on a file the program "
                             "counts them itself"));
      return FALSE;
    }
  if (!mc_db_begin (db, error))
    return FALSE;
  if (!run (db, log_path, now, result, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  return mc_db_commit (db, error);
}
