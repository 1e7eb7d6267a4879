/* mc-accounts.c — user accounts, roles, passwords and what each role may do
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords are stored as libsodium's crypto_pwhash_str strings, whose
 * default algorithm is argon2id ("$argon2id$v=19$m=…"), with the
 * interactive limits: about 0.1 s and 64 MiB per check on a counter PC,
 * cheap for a clerk and expensive for someone guessing offline.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "mc-accounts.h"
#include "mc-id-number.h"
#include "mc-object-list.h"
#include "mc-audit.h"
#include "mc-db-private.h"
#include "mc-format.h"
#include "mc-pg-server.h"
#include "mc-text.h"

struct _McAccounts
{
  GObject  parent_instance;

  McDb    *db;
};

G_DEFINE_FINAL_TYPE (McAccounts, mc_accounts, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-accounts-error-quark, mc_accounts_error)

#define MIN_PASSWORD_LENGTH 8

static gboolean kiosk_refuses (GError **error);

static const struct {
  McRoles     role;
  const char *id;
  const char *label;
} roles[] = {
  { MC_ROLE_RECEPTION, "tiep_nhan", N_("Reception") },
  { MC_ROLE_SPECIALIST, "chuyen_vien", N_("Specialist") },
  { MC_ROLE_HEAD, "lanh_dao_phong", N_("Head of department") },
  { MC_ROLE_LEADER, "lanh_dao_ubnd", N_("Committee leader") },
  { MC_ROLE_RECORDS, "van_thu", N_("Records clerk") },
  { MC_ROLE_REPORTING, "bao_cao", N_("Reporting") },
  { MC_ROLE_ADMIN, "quan_tri", N_("Administrator") },
};

McRoles
mc_roles_from_string (const char *text, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  McRoles result = 0;

  for (int i = 0; parts[i]; i++)
    {
      const char *id = g_strstrip (parts[i]);
      gboolean known = FALSE;
      if (*id == '\0')
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        if (g_str_equal (id, roles[r].id))
          {
            result |= roles[r].role;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID, _("Unknown role “%s”"), id);
          return 0;
        }
    }
  return result;
}

static char *
roles_join (McRoles value, gboolean labels)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    if (value & roles[r].role)
      g_string_append_printf (out, "%s%s", out->len ? (labels ? ", " : ",") : "",
                              labels ? _(roles[r].label) : roles[r].id);
  return g_string_free (out, FALSE);
}

char *mc_roles_to_string (McRoles value) { return roles_join (value, FALSE); }
char *mc_roles_to_label (McRoles value) { return roles_join (value, TRUE); }

const char *
mc_role_to_label (McRoles role)
{
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    if (roles[r].role == role)
      return _(roles[r].label);
  return "";
}

static void
mc_accounts_dispose (GObject *object)
{
  g_clear_object (&MC_ACCOUNTS (object)->db);
  G_OBJECT_CLASS (mc_accounts_parent_class)->dispose (object);
}

static void
mc_accounts_class_init (McAccountsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_accounts_dispose;
  /* Thread-safe and idempotent; it only fails without a random source. */
  if (sodium_init () < 0)
    g_critical ("libsodium could not be initialised");
}

static void
mc_accounts_init (McAccounts *self)
{
}

McAccounts *
mc_accounts_new (McDb *db)
{
  McAccounts *self;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  self = g_object_new (MC_TYPE_ACCOUNTS, NULL);
  self->db = g_object_ref (db);
  return self;
}

#define STAFF_COLUMNS(has_password)                                                                \
  "SELECT s.id, s.username, s.full_name, s.title, coalesce (s.department_id, 0), d.code, d.name, "  \
  "s.roles, s.active, coalesce (s.locked_until, 0), " has_password ", "                              \
  "s.must_change_password "                                                                        \
  "FROM staff s LEFT JOIN department d ON d.id = s.department_id "

/* A person's profile, never their password's hash: on a server a desk's
 * login may not read password_hash (resources/sql/pg/0001-schema.sql), and
 * whether the account can sign in is its login's (0025). */
static const char *
staff_columns (McDb *db)
{
  return mc_sql_on_server (db) ? STAFF_COLUMNS ("mc_staff_has_password (s.username)")
                               : STAFF_COLUMNS ("s.password_hash IS NOT NULL");
}

/* On a server, the staff member whose own login opened the connection:
 * PostgreSQL checked their password (SCRAM) when the desk connected, so
 * the connection is the sign-in. 0 for the installer's or a board's login,
 * and on a file. */
static gint64
connection_staff (McDb *db)
{
  if (!mc_sql_on_server (db))
    return 0;
  return mc_db_query_int (db, "SELECT coalesce (mc_actor (), 0)", NULL);
}

/* An administrator who can sign in exists: on a server any connection of
 * a staff member's login is such a case (the server itself refused anyone
 * else); elsewhere an administrator's account with a password. */
static gboolean
enforced (McDb *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  if (connection_staff (db) != 0)
    return TRUE;
  n = mc_db_query_int (db, "SELECT count (*) FROM staff WHERE password_hash IS NOT NULL "
                           "AND ',' || roles || ',' LIKE '%,quan_tri,%'", &error);
  /* A server's login that may not even read this (a board's) is nobody. */
  return n > 0 || error != NULL;
}

static char *
text_at (McSqlStmt *stmt, int i)
{
  const char *t = mc_sql_column_text (stmt, i);

  return t ? g_strdup ((const char *) t) : NULL;
}

static McStaff *
staff_from_row (McSqlStmt *stmt)
{
  return g_object_new (MC_TYPE_STAFF,
                       "id", mc_sql_column_int64 (stmt, 0),
                       "username", mc_sql_column_text (stmt, 1),
                       "full-name", mc_sql_column_text (stmt, 2),
                       "title", mc_sql_column_text (stmt, 3),
                       "department-id", mc_sql_column_int64 (stmt, 4),
                       "department-code", mc_sql_column_text (stmt, 5),
                       "department-name", mc_sql_column_text (stmt, 6),
                       "roles", mc_roles_from_string (mc_sql_column_text (stmt, 7), NULL),
                       "active", mc_sql_column_int (stmt, 8) != 0,
                       "locked-until", (gint64) mc_sql_column_int64 (stmt, 9),
                       "has-password", mc_sql_column_int (stmt, 10) != 0,
                       "must-change-password", mc_sql_column_int (stmt, 11) != 0,
                       NULL);
}

static McStaff *
find_staff (McDb *db, const char *where, const char *text, gint64 id, GError **error)
{
  g_autofree char *sql = g_strconcat (staff_columns (db), where, NULL);
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  McStaff *s = NULL;
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  if (text)
    mc_sql_bind_text (stmt, 1, text, -1, MC_SQL_TRANSIENT);
  else
    mc_sql_bind_int64 (stmt, 1, id);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    s = staff_from_row (stmt);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_NOT_FOUND, _("No account has the user name “%s”"),
                 text ? text : "");
  return s;
}

static GPtrArray *
load_accounts (McObjectList *list, McChangeKind kind, gpointer data, GError **error)
{
  return mc_accounts_list (data, error);
}

static gint64
staff_key (gpointer item)
{
  return mc_staff_get_id (item);
}

GListModel *
mc_accounts_list_model (McAccounts *self, GError **error)
{
  g_autoptr(McObjectList) list = NULL;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), NULL);

  list = mc_object_list_new (MC_TYPE_STAFF, staff_key, NULL, load_accounts, g_object_ref (self), g_object_unref);
  if (!mc_object_list_reload (list, error))
    return NULL;
  /* A department renamed shows in its people's rows. */
  mc_object_list_follow (list, mc_db_get_changes (self->db),
                         MC_CHANGE_MASK (MC_CHANGE_STAFF) | MC_CHANGE_MASK (MC_CHANGE_UNIT));
  return G_LIST_MODEL (g_steal_pointer (&list));
}

McStaff *
mc_accounts_get_staff (McAccounts *self, const char *username, GError **error)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS (self), NULL);
  return find_staff (self->db, "WHERE s.username = ?", username ? username : "", 0, error);
}

McStaff *
mc_accounts_get_staff_by_id (McAccounts *self, gint64 id, GError **error)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS (self), NULL);
  return find_staff (self->db, "WHERE s.id = ?", NULL, id, error);
}

GPtrArray *
mc_accounts_list (McAccounts *self, GError **error)
{
  g_autofree char *sql = g_strconcat (staff_columns (self->db), "ORDER BY d.name, s.full_name", NULL);
  McSqlStmt *stmt = mc_db_prepare (self->db, sql, error);
  GPtrArray *rows;
  McDbStep step;

  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (rows, staff_from_row (stmt));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

gboolean
mc_accounts_is_enforced (McAccounts *self)
{
  return enforced (self->db);
}

McStaff *
mc_accounts_get_connection_staff (McAccounts *self)
{
  gint64 id;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), NULL);

  id = connection_staff (self->db);
  return id != 0 ? find_staff (self->db, "WHERE s.id = ?", NULL, id, NULL) : NULL;
}

/* Long enough, and not only one kind of character. */
static gboolean
check_password_strength (const char *password, GError **error)
{
  gboolean letter = FALSE, digit = FALSE;

  for (const char *p = password ? password : ""; *p; p++)
    {
      letter |= g_ascii_isalpha (*p) || (guchar) *p >= 0x80;
      digit |= g_ascii_isdigit (*p);
    }
  if (password == NULL || g_utf8_strlen (password, -1) < MIN_PASSWORD_LENGTH || !letter || !digit)
    {
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                   _("The password must have at least %d characters, with letters and digits"), MIN_PASSWORD_LENGTH);
      return FALSE;
    }
  return TRUE;
}

static char *
hash_password (const char *password, GError **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str_alg (out, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("Not enough memory to protect the password"));
      return NULL;
    }
  return g_strdup (out);
}

static gboolean
check_username (const char *username, GError **error)
{
  gsize len = username ? strlen (username) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (username[i]) && username[i] != '.' && username[i] != '_' && username[i] != '-')
      len = 0;
  if (len < 2 || len > 64)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("The user name must have 2 to 64 letters without diacritics, digits, dots or dashes"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_staff (McAccounts *self, const char *username, const char *full_name, const char *title,
              gint64 department_id, McRoles roles_value, const char *password, gboolean must_change,
              GError **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *role_text = mc_roles_to_string (roles_value);
  g_autofree char *name = mc_text_normalize (full_name);
  g_autofree char *clean_title = mc_text_normalize (title);
  McSqlStmt *stmt;

  if (!check_username (username, error) || (password && !check_password_strength (password, error)))
    return FALSE;
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID, _("The full name is empty"));
      return FALSE;
    }
  if (mc_db_lookup_id (self->db, "staff", "username", username, NULL) != 0)
    {
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID, _("The user name “%s” is taken"), username);
      return FALSE;
    }
  if (password && (hash = hash_password (password, error)) == NULL)
    return FALSE;
  stmt = mc_db_prepare (self->db, "INSERT INTO staff (username, full_name, title, department_id, roles, "
                                  "password_hash, created_at, must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, username, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, clean_title, -1, MC_SQL_TRANSIENT);
  if (department_id)
    mc_sql_bind_int64 (stmt, 4, department_id);
  mc_sql_bind_text (stmt, 5, role_text, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 6, hash, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 7, mc_time_now ());
  mc_sql_bind_int (stmt, 8, must_change ? 1 : 0);
  return mc_db_step_done (self->db, stmt, error);
}

gboolean
mc_accounts_create_first_admin (McAccounts *self, const char *username, const char *full_name,
                                const char *password, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if (!mc_db_begin (self->db, error))
    return FALSE;
  if (mc_accounts_is_enforced (self))
    {
      mc_db_rollback (self->db);
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                           _("An administrator already exists: sign in as the administrator to add accounts"));
      return FALSE;
    }
  if (password == NULL)
    return check_password_strength (password, error) || (mc_db_rollback (self->db), FALSE);
  /* The first administrator chose this password: nothing to change. */
  ok = insert_staff (self, username, full_name, _("Administrator"), 0, MC_ROLE_ADMIN, password, FALSE, error) &&
       mc_db_commit (self->db, error);
  if (!ok)
    mc_db_rollback (self->db);
  return ok;
}

gboolean
mc_accounts_set_initial_passwords (McAccounts *self, const char *password, GError **error)
{
  g_autofree char *hash = NULL;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if (mc_accounts_is_enforced (self))
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                           _("An administrator already exists: sign in as the administrator to add accounts"));
      return FALSE;
    }
  /* One hash (with its salt) for all: argon2id costs a tenth of a second
   * each, and these accounts share the password anyway. */
  if (!check_password_strength (password, error) || (hash = hash_password (password, error)) == NULL)
    return FALSE;
  stmt = mc_db_prepare (self->db, "UPDATE staff SET password_hash = ? WHERE password_hash IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, hash, -1, MC_SQL_TRANSIENT);
  return mc_db_step_done (self->db, stmt, error);
}

/* FALSE when the setting could not be read: a sign-in is then refused with
 * the error rather than checked against limits the unit did not set. */
static gboolean
setting_int (McDb *db, const char *key, int fallback, int *value, GError **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *text = mc_db_get_setting (db, key, NULL, &read_error);
  gint64 n = text ? g_ascii_strtoll (text, NULL, 10) : 0;

  *value = n > 0 && n < 100000 ? (int) n : fallback;
  if (read_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&read_error));
  return FALSE;
}

/* Counts the attempt before its password is checked, and locks the account
 * when the count reaches the limit, in one statement: parallel guesses (30
 * processes at once) each take their turn at the write lock, so only the
 * first "security.max_failures" get a check at all and the rest find the
 * account locked. A success clears both afterwards. Returns the lock that
 * was in force before this attempt (0: none), or -1 on error. */
static McTime
count_attempt (McAccounts *self, gint64 id, McTime now, GError **error)
{
  int max_failures, lock_minutes;
  g_autofree char *ask = g_strdup_printf ("SELECT coalesce (locked_until, 0) FROM staff WHERE id = %"
                                          G_GINT64_FORMAT, id);
  McTime locked_before;
  McSqlStmt *stmt;
  gboolean ok;

  if (!setting_int (self->db, "security.max_failures", 5, &max_failures, error) ||
      !setting_int (self->db, "security.lockout_minutes", 15, &lock_minutes, error))
    return -1;

  /* Inside BEGIN IMMEDIATE: nobody writes between this read and the update. */
  locked_before = mc_db_query_int (self->db, ask, error);
  if (error && *error)
    return -1;
  stmt = mc_db_prepare (self->db, "UPDATE staff SET failed_logins = failed_logins + 1, "
                                  "locked_until = CASE WHEN failed_logins + 1 >= ?2 "
                                  "THEN max (coalesce (locked_until, 0), ?3) ELSE locked_until END WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return -1;
  mc_sql_bind_int64 (stmt, 1, id);
  mc_sql_bind_int (stmt, 2, max_failures);
  mc_sql_bind_int64 (stmt, 3, now + (McTime) lock_minutes * 60);
  /* Counting is not an act to audit row by row: the attempt's own audit
   * row says how it ended. */
  mc_db_set_audit_bulk (self->db, TRUE);
  ok = mc_db_step_done (self->db, stmt, error);
  mc_db_set_audit_bulk (self->db, FALSE);
  return ok ? locked_before : -1;
}

static gboolean
write_in_transaction (McAccounts *self, gboolean (*write) (McAccounts *, gpointer, GError **), gpointer data,
                      GError **error)
{
  if (!mc_db_begin (self->db, error))
    return FALSE;
  if (!write (self, data, error) || !mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  McStaff    *staff;     /* NULL: no such account (or none with a password) */
  const char *username;
  McTime      now;
  McTime      locked_before;
  int         failures;
  gboolean    ok;
} Attempt;

static gboolean
count_attempt_cb (McAccounts *self, gpointer data, GError **error)
{
  Attempt *a = data;

  if (a->staff == NULL)
    return TRUE;
  a->locked_before = count_attempt (self, mc_staff_get_id (a->staff), a->now, error);
  return a->locked_before >= 0;
}

/* How the attempt ended, in the audit trail: nobody's act, so the row names
 * the account tried (or the name typed, when no account has it). */
static gboolean
record_outcome_cb (McAccounts *self, gpointer data, GError **error)
{
  Attempt *a = data;
  gint64 id = a->staff ? mc_staff_get_id (a->staff) : 0;

  if (a->ok)
    {
      McSqlStmt *stmt = mc_db_prepare (self->db, "UPDATE staff SET failed_logins = 0, locked_until = NULL "
                                                    "WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      mc_sql_bind_int64 (stmt, 1, id);
      mc_db_set_actor (self->db, id);
      return mc_db_step_done (self->db, stmt, error) &&
             mc_audit_append (self->db, "sign_in", "staff", id, mc_staff_get_username (a->staff), error);
    }
  mc_db_set_actor (self->db, 0);
  if (a->staff == NULL)
    return mc_audit_append (self->db, "sign_in_unknown", "staff", 0, a->username, error);
  if (a->locked_before > a->now)
    return mc_audit_append (self->db, "sign_in_locked", "staff", id, mc_staff_get_username (a->staff), error);
  return mc_audit_append (self->db, "sign_in_failed", "staff", id, mc_staff_get_username (a->staff), error);
}

/* The stored hash in *hash (NULL: no password); FALSE when unreadable. */
static gboolean
password_hash_of (McAccounts *self, gint64 id, char **hash, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT password_hash FROM staff WHERE id = ?", error);
  McDbStep step;

  *hash = NULL;
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, id);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *hash = text_at (stmt, 0);
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

/* A hash of no one's password with the costs hash_password uses, fixed here
 * so that the first refusal does not also pay for making it. */
static const char dummy_hash[crypto_pwhash_STRBYTES] =
  "$argon2id$v=19$m=65536,t=2,p=1$g86v/dyhXVXLkPFYcUgjnA$bhVII14Mqzp8Hs/VueAwwNi+1Hp7PE4AOudV7bIA7Fo";

static void
spend_a_password_check (const char *password)
{
  /* Only the time spent matters; the outcome is ignored (no one knows the
   * dummy's password, and a match must not abort the program either). */
  int outcome = crypto_pwhash_str_verify (dummy_hash, password ? password : "", password ? strlen (password) : 0);

  (void) outcome;
}

/* Only an attempt the lock did not stop meets the real hash; every other
 * one spends a check as long on a dummy, so neither the time nor the
 * message tells an unknown name, a locked account and a wrong password
 * apart. Sets a->ok; FALSE when the hash could not be read (a busy or
 * damaged file is not a wrong password). */
static gboolean
check_password (McAccounts *self, Attempt *a, const char *password, GError **error)
{
  g_autofree char *hash = NULL;

  a->ok = FALSE;
  if (a->staff != NULL && a->locked_before <= a->now && password != NULL &&
      !password_hash_of (self, mc_staff_get_id (a->staff), &hash, error))
    return FALSE;
  if (hash == NULL)
    {
      spend_a_password_check (password);
      return TRUE;
    }
  a->ok = crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
  return TRUE;
}

/* The sign-in of a desk connected as its own login: PostgreSQL checked the
 * password (SCRAM) at connect, and the login may only be the person it is,
 * so the name given must be the login's; the trail says they signed in. */
static McStaff *
sign_in_as_login (McAccounts *self, gint64 login_staff, const char *username, GError **error)
{
  g_autoptr(McStaff) s = find_staff (self->db, "WHERE s.id = ?", NULL, login_staff, error);

  if (s == NULL)
    return NULL;
  if (g_strcmp0 (username, mc_staff_get_username (s)) != 0)
    {
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_BAD_PASSWORD,
                   _("This desk is connected to the database server as “%s”: sign in with that login, or "
                     "connect with your own"), mc_staff_get_username (s));
      return NULL;
    }
  if (!mc_staff_get_active (s))
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_DISABLED, _("This account is disabled"));
      return NULL;
    }
  mc_db_set_actor (self->db, login_staff);
  if (!mc_audit_append (self->db, "sign_in", "staff", login_staff, mc_staff_get_username (s), error))
    {
      mc_db_set_actor (self->db, 0);
      return NULL;
    }
  return g_steal_pointer (&s);
}

McStaff *
mc_accounts_sign_in (McAccounts *self, const char *username, const char *password, GError **error)
{
  g_autoptr(McStaff) s = NULL;
  g_autoptr(GError) anchor_error = NULL;
  g_autoptr(GError) local = NULL;
  Attempt a = { .username = username ? username : "", .now = mc_time_now () };
  gint64 login;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), NULL);

  if (mc_db_is_kiosk (self->db))
    {
      kiosk_refuses (error);
      return NULL;
    }
  if ((login = connection_staff (self->db)) != 0)
    return sign_in_as_login (self, login, a.username, error);
  s = find_staff (self->db, "WHERE s.username = ?", a.username, 0, &local);
  if (s == NULL && !g_error_matches (local, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (s != NULL && !mc_staff_get_has_password (s))
    g_clear_pointer (&s, g_object_unref);
  if (s != NULL && !mc_staff_get_active (s))
    {
      spend_a_password_check (password);
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_DISABLED, _("This account is disabled"));
      return NULL;
    }
  a.staff = s;
  mc_db_set_actor (self->db, 0);
  if (!write_in_transaction (self, count_attempt_cb, &a, error))
    return NULL;
  if (!check_password (self, &a, password, error))
    return NULL;
  if (!write_in_transaction (self, record_outcome_cb, &a, error))
    {
      mc_db_set_actor (self->db, 0);
      return NULL;
    }
  if (!a.ok)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_BAD_PASSWORD,
                           _("Wrong user name or password"));
      return NULL;
    }
  /* The day's first sign-in keeps the chain's head outside the file; a
   * folder that cannot be written must not keep a clerk out. */
  if (!mc_audit_anchor_daily (self->db, &anchor_error))
    g_printerr ("%s\n", anchor_error->message);
  return g_steal_pointer (&s);
}

void
mc_accounts_sign_out (McAccounts *self)
{
  g_return_if_fail (MC_IS_ACCOUNTS (self));
  mc_db_set_actor (self->db, 0);
}

static gint64
department_by_code (McAccounts *self, const char *code, GError **error)
{
  gint64 id;

  if (code == NULL || *code == '\0')
    return 0;
  id = mc_db_lookup_id (self->db, "department", "code", code, error);
  if (id == 0 && error && *error == NULL)
    g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_NOT_FOUND, _("No department has the code “%s”"), code);
  return id;
}

/* On a PostgreSQL server the person signs in as their own login role:
 * created with the account, its memberships those of its functions, NOLOGIN
 * while the account is disabled (mc_staff_login (), resources/sql/pg/
 * 0022-staff-login.sql), in the transaction that writes the staff row.
 * `password` NULL keeps the login's password. Nothing on a SQLite file. */
static gboolean
sync_login (McAccounts *self, const char *username, const char *password, GError **error)
{
  g_autofree char *verifier = NULL;
  McSqlStmt *stmt;

  if (!mc_sql_on_server (self->db))
    return TRUE;
  /* Said here in the person's words; the server refuses it too. */
  stmt = mc_db_prepare (self->db, "SELECT count (*) FROM pg_roles r WHERE r.rolname = ? AND (r.rolsuper OR "
                                  "r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls OR NOT EXISTS "
                                  "(SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                  "WHERE m.member = r.oid AND g.rolname LIKE 'motcua\\_%'))", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, username, -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (self->db, stmt, error) != MC_DB_STEP_ROW)
    return FALSE;
  if (mc_sql_column_int64 (stmt, 0) > 0)
    {
      mc_sql_reset (stmt);
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                   _("A login “%s” already exists on the PostgreSQL server and is not one of Motcua's: choose another "
                     "user name"), username);
      return FALSE;
    }
  mc_sql_reset (stmt);
  if (password != NULL && (verifier = mc_pg_server_verifier (self->db, username, password, error)) == NULL)
    return FALSE;
  stmt = mc_db_prepare (self->db, "SELECT mc_staff_login (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, username, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, verifier, -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (self->db, stmt, error) != MC_DB_STEP_ROW)
    return FALSE;
  mc_sql_reset (stmt);
  return TRUE;
}

/* The demo on a server (mc-cli-demo.c): each active account without a
 * login role gets one with `password`, so the demo's people sign in there
 * as on a file. A login of that name already on the server (logins belong
 * to the whole cluster: another database's, a former demo's) is left as it
 * is, its password unchanged, and named in `kept`. Only a member of
 * motcua_quan_tri may create logins (mc_staff_login ()): for anyone else
 * (the installer) nothing is done, and every name is in `kept`. */
gboolean
mc_accounts_add_missing_logins (McAccounts *self, const char *password, GStrv *kept, GError **error)
{
  g_autoptr(GStrvBuilder) left = g_strv_builder_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *stmt;
  McDbStep step;
  gboolean may, ok = TRUE;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if (kept != NULL)
    *kept = NULL;
  if (!mc_sql_on_server (self->db))
    return TRUE;
  may = mc_db_query_int (self->db, "SELECT pg_has_role (session_user, 'motcua_quan_tri', 'MEMBER')::int", NULL) == 1;
  stmt = mc_db_prepare (self->db, "SELECT s.username, EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = s.username)::int "
                                  "FROM staff s WHERE s.active = 1 ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      if (may && mc_sql_column_int64 (stmt, 1) == 0)
        g_ptr_array_add (missing, g_strdup (mc_sql_column_text (stmt, 0)));
      else
        g_strv_builder_add (left, mc_sql_column_text (stmt, 0));
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR || !mc_db_begin (self->db, error))
    return FALSE;
  for (guint i = 0; ok && i < missing->len; i++)
    ok = sync_login (self, missing->pdata[i], password, error);
  if (!ok || !mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
      return FALSE;
    }
  if (kept != NULL)
    *kept = g_strv_builder_end (left);
  return TRUE;
}

gboolean
mc_accounts_create (McAccounts *self, const char *username, const char *full_name, const char *title,
                    const char *department_code, McRoles roles_value, const char *password, GError **error)
{
  GError *local = NULL;
  gint64 department;
  gboolean ok;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  department = department_by_code (self, department_code, &local);
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!mc_db_begin (self->db, error))
    return FALSE;
  /* The administrator knows the password given: the person chooses their
   * own at the first sign-in (mc_accounts_set_must_change to waive it). */
  ok = insert_staff (self, username, full_name, title, department, roles_value, password, TRUE, error) &&
       sync_login (self, username, password, error) && mc_db_commit (self->db, error);
  if (!ok)
    mc_db_rollback (self->db);
  return ok;
}

/* Never leave the center without an administrator who can sign in. */
static gboolean
keeps_an_admin (McAccounts *self, McStaff *current, McRoles roles_value, gboolean active, GError **error)
{
  const char *username = mc_staff_get_username (current);
  McRoles current_roles = mc_staff_get_roles (current);
  g_autofree char *sql = NULL;

  /* Only an administrator who can sign in now can be the last one. */
  if (((roles_value & MC_ROLE_ADMIN) && active) ||
      !((current_roles & MC_ROLE_ADMIN) && mc_staff_get_active (current) && mc_staff_get_has_password (current)))
    return TRUE;
  /* On a server an administrator can sign in with a login (0025). */
  sql = g_strdup_printf ("SELECT count (*) FROM staff WHERE active <> 0 AND %s AND "
                         "',' || roles || ',' LIKE '%%,quan_tri,%%' AND username != '%s'",
                         mc_sql_on_server (self->db) ? "mc_staff_has_password (username)"
                                                     : "password_hash IS NOT NULL", username);
  if (mc_db_query_int (self->db, sql, NULL) > 0)
    return TRUE;
  g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                       _("This is the last administrator: give another account the administrator role first"));
  return FALSE;
}

gboolean
mc_accounts_update (McAccounts *self, const char *username, const char *full_name, const char *title,
                    const char *department_code, McRoles roles_value, gboolean active, GError **error)
{
  g_autofree char *role_text = mc_roles_to_string (roles_value);
  g_autofree char *name = mc_text_normalize (full_name);
  g_autofree char *clean_title = mc_text_normalize (title);
  g_autoptr(McStaff) s = NULL;
  GError *local = NULL;
  gint64 department;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_ADMINISTER, 0, error) ||
      (s = mc_accounts_get_staff (self, username, error)) == NULL ||
      !check_username (username, error) || !keeps_an_admin (self, s, roles_value, active, error))
    return FALSE;
  department = department_by_code (self, department_code, &local);
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  stmt = mc_db_prepare (self->db, "UPDATE staff SET full_name = coalesce (?, full_name), title = ?, "
                                  "department_id = ?, roles = ?, active = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, name && *name ? name : NULL, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, clean_title, -1, MC_SQL_TRANSIENT);
  if (department)
    mc_sql_bind_int64 (stmt, 3, department);
  mc_sql_bind_text (stmt, 4, role_text, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 5, active ? 1 : 0);
  mc_sql_bind_int64 (stmt, 6, mc_staff_get_id (s));
  if (!mc_db_begin (self->db, error))
    return FALSE;
  if (mc_db_step_done (self->db, stmt, error) && sync_login (self, username, NULL, error) &&
      mc_db_commit (self->db, error))
    return TRUE;
  mc_db_rollback (self->db);
  return FALSE;
}

/* A required change is not done by typing the old password again. */
static gboolean
check_password_is_new (McAccounts *self, gint64 id, const char *password, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT password_hash FROM staff WHERE id = ?", error);
  g_autofree char *hash = NULL;
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, id);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;
  if (step == MC_DB_STEP_ROW)
    hash = text_at (stmt, 0);
  mc_sql_reset (stmt);
  if (hash != NULL && crypto_pwhash_str_verify (hash, password, strlen (password)) == 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("The new password must differ from the current one"));
      return FALSE;
    }
  return TRUE;
}

/* On a server, signed in as one's own login, the password is the login's.
 * One's own: the old one is checked by the server (a connection of its own;
 * none given: the desk's connection, made with it, is the proof, as psql's
 * \password), then mc_staff_set_own_password () changes it and ends a
 * required change. Another's, by an administrator: the login's password
 * (mc_staff_login ()), which its holder must change at the next sign-in. */
static gboolean
set_password_on_server (McAccounts *self, McStaff *s, const char *old_password, const char *new_password,
                        GError **error)
{
  const char *username = mc_staff_get_username (s);
  g_autofree char *verifier = NULL;
  McSqlStmt *stmt;
  McDbStep step;

  if (!check_password_strength (new_password, error))
    return FALSE;
  if (connection_staff (self->db) != mc_staff_get_id (s))
    {
      /* The hash too, for the installer's connection (its sign-in reads it). */
      g_autofree char *hash = hash_password (new_password, error);

      if (hash == NULL)
        return FALSE;
      stmt = mc_db_prepare (self->db, "UPDATE staff SET password_hash = ?, failed_logins = 0, locked_until = NULL, "
                                      "must_change_password = 1 WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      mc_sql_bind_text (stmt, 1, hash, -1, MC_SQL_TRANSIENT);
      mc_sql_bind_int64 (stmt, 2, mc_staff_get_id (s));
      if (!mc_db_begin (self->db, error))
        return FALSE;
      if (mc_db_step_done (self->db, stmt, error) && sync_login (self, username, new_password, error) &&
          mc_db_commit (self->db, error))
        return TRUE;
      mc_db_rollback (self->db);
      return FALSE;
    }
  if (old_password != NULL && !mc_db_check_server_password (self->db, username, old_password, error))
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("The new password must differ from the current one"));
      return FALSE;
    }
  if ((verifier = mc_pg_server_verifier (self->db, username, new_password, error)) == NULL ||
      (stmt = mc_db_prepare (self->db, "SELECT mc_staff_set_own_password (?)", error)) == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, verifier, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  mc_sql_reset (stmt);
  if (step != MC_DB_STEP_ROW)
    return FALSE;
  /* This process's next connections (the board, a reconnection) sign in with it. */
  if (g_strcmp0 (mc_db_get_server_login (), username) == 0)
    mc_db_set_server_login (username, new_password);
  return TRUE;
}

gboolean
mc_accounts_set_password (McAccounts *self, const char *username, const char *old_password,
                          const char *new_password, GError **error)
{
  gint64 actor = mc_db_get_actor (self->db);
  g_autoptr(McStaff) s = NULL;
  g_autofree char *hash = NULL;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if ((s = mc_accounts_get_staff (self, username, error)) == NULL)
    return FALSE;
  if (actor != mc_staff_get_id (s) && !mc_accounts_check (self->db, actor, MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  /* A desk's own login (the installer's connection keeps the hash). */
  if (connection_staff (self->db) != 0)
    return set_password_on_server (self, s, old_password, new_password, error);
  if (actor == mc_staff_get_id (s) && mc_staff_get_has_password (s))
    {
      g_autoptr(McStaff) again = mc_accounts_sign_in (self, username, old_password, error);
      if (again == NULL)
        {
          /* A failed sign-in leaves nobody signed in; a mistyped old
           * password must not sign its holder out. */
          mc_db_set_actor (self->db, actor);
          return FALSE;
        }
    }
  if (!check_password_strength (new_password, error) ||
      !check_password_is_new (self, mc_staff_get_id (s), new_password, error) ||
      (hash = hash_password (new_password, error)) == NULL)
    return FALSE;
  /* One's own choice ends a required change; a password the administrator
   * set for someone else is known to two people, so its holder must change it. */
  stmt = mc_db_prepare (self->db, "UPDATE staff SET password_hash = ?, failed_logins = 0, locked_until = NULL, "
                                  "must_change_password = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, hash, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 2, actor != mc_staff_get_id (s));
  mc_sql_bind_int64 (stmt, 3, mc_staff_get_id (s));
  return mc_db_step_done (self->db, stmt, error);
}

gboolean
mc_accounts_set_must_change (McAccounts *self, const char *username, gboolean must_change, GError **error)
{
  g_autoptr(McStaff) s = NULL;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_ADMINISTER, 0, error) ||
      (s = mc_accounts_get_staff (self, username, error)) == NULL)
    return FALSE;
  stmt = mc_db_prepare (self->db, "UPDATE staff SET must_change_password = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int (stmt, 1, must_change ? 1 : 0);
  mc_sql_bind_int64 (stmt, 2, mc_staff_get_id (s));
  return mc_db_step_done (self->db, stmt, error);
}

gboolean
mc_accounts_unlock (McAccounts *self, const char *username, GError **error)
{
  g_autoptr(McStaff) s = NULL;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_ACCOUNTS (self), FALSE);

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_ADMINISTER, 0, error) ||
      (s = mc_accounts_get_staff (self, username, error)) == NULL)
    return FALSE;
  stmt = mc_db_prepare (self->db, "UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, mc_staff_get_id (s));
  return mc_db_step_done (self->db, stmt, error);
}

/* Which roles grant a permission. PROCESS and DECIDE are further bound to
 * the department holding the dossier; a committee leader acts on any. */
static McRoles
roles_for (McPermission permission)
{
  switch (permission)
    {
    case MC_PERMISSION_RECEIVE:
    case MC_PERMISSION_RETURN:
      return MC_ROLE_RECEPTION;
    case MC_PERMISSION_PROCESS:
      return MC_ROLE_RECEPTION | MC_ROLE_SPECIALIST | MC_ROLE_HEAD | MC_ROLE_LEADER | MC_ROLE_RECORDS;
    case MC_PERMISSION_DECIDE:
      return MC_ROLE_HEAD | MC_ROLE_LEADER | MC_ROLE_RECORDS;
    case MC_PERMISSION_REPORT:
      return MC_ROLE_REPORTING | MC_ROLE_HEAD | MC_ROLE_LEADER;
    case MC_PERMISSION_ADMINISTER:
      return MC_ROLE_ADMIN;
    case MC_PERMISSION_PERSONAL_DATA:
      return MC_ROLE_RECEPTION | MC_ROLE_SPECIALIST | MC_ROLE_HEAD | MC_ROLE_LEADER | MC_ROLE_RECORDS;
    case MC_PERMISSION_AUDIT:
      return MC_ROLE_ADMIN | MC_ROLE_LEADER;
    case MC_PERMISSION_CONFIGURE:
      return MC_ROLE_ADMIN;
    case MC_PERMISSION_DASHBOARD:
      return MC_ROLE_HEAD | MC_ROLE_LEADER | MC_ROLE_ADMIN;
    case MC_PERMISSION_SIGNED_IN:
      return MC_ROLE_RECEPTION | MC_ROLE_SPECIALIST | MC_ROLE_HEAD | MC_ROLE_LEADER | MC_ROLE_RECORDS |
             MC_ROLE_REPORTING | MC_ROLE_ADMIN;
    default:
      return 0;
    }
}

/* The kiosk's connection (mc_db_set_kiosk) does nothing that needs a person. */
static gboolean
kiosk_refuses (GError **error)
{
  g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                       _("The ticket kiosk only gives tickets and looks up dossiers"));
  return FALSE;
}

gboolean
mc_accounts_check (McDb *db, gint64 staff_id, McPermission permission, gint64 department_id, GError **error)
{
  g_autoptr(McStaff) s = NULL;
  gboolean bound = permission == MC_PERMISSION_PROCESS || permission == MC_PERMISSION_DECIDE;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (mc_db_is_kiosk (db))
    return kiosk_refuses (error);
  if (staff_id == 0)
    {
      /* Before the first administrator (a new database, the tests of other
       * units) there is no one to sign in as. */
      if (!enforced (db))
        return TRUE;
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_SIGN_IN, _("Sign in to do this"));
      return FALSE;
    }
  s = find_staff (db, "WHERE s.id = ?", NULL, staff_id, error);
  if (s == NULL)
    return FALSE;
  if (!mc_staff_get_active (s))
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_DISABLED, _("This account is disabled"));
      return FALSE;
    }
  if ((mc_staff_get_roles (s) & roles_for (permission)) == 0)
    {
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                   _("%s (%s) is not allowed to do this"), mc_staff_get_full_name (s), mc_staff_get_username (s));
      return FALSE;
    }
  if (bound && department_id != 0 && mc_staff_get_department_id (s) != department_id &&
      !(mc_staff_get_roles (s) & MC_ROLE_LEADER))
    {
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                   _("%s works in another department: only the department holding the dossier can act on this step"),
                   mc_staff_get_full_name (s));
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_accounts_check_actor (McDb *db, gint64 staff_id, GError **error)
{
  gint64 signed_in = mc_db_get_actor (db);

  if (mc_db_is_kiosk (db))
    return kiosk_refuses (error);
  if (staff_id == signed_in || !enforced (db))
    return TRUE;
  g_set_error_literal (error, MC_ACCOUNTS_ERROR, signed_in ? MC_ACCOUNTS_ERROR_FORBIDDEN : MC_ACCOUNTS_ERROR_SIGN_IN,
                       signed_in ? _("Only the staff member signed in can act here, in their own name")
                                 : _("Sign in to do this"));
  return FALSE;
}

/* How far an action's time may stray from the real clock without being
 * "another time": the seconds between reading the clock and writing. */
#define TIME_TOLERANCE (5 * 60)
#define PURPOSE_KEY "database.purpose"

McDatabasePurpose
mc_accounts_get_database_purpose (McDb *db, GError **error)
{
  g_autofree char *value = mc_db_get_setting (db, PURPOSE_KEY, "", error);

  /* Unread: a real database, the strictest rules, and the error told. */
  if (value == NULL)
    return MC_DATABASE_REAL;
  if (g_str_equal (value, "demo"))
    return MC_DATABASE_DEMO;
  if (g_str_equal (value, "test"))
    return MC_DATABASE_TEST;
  return MC_DATABASE_REAL;
}

gboolean
mc_accounts_set_database_purpose (McDb *db, McDatabasePurpose purpose, GError **error)
{
  static const char *const ids[] = { "real", "demo", "test" };

  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (purpose <= MC_DATABASE_TEST, FALSE);
  return mc_db_set_setting (db, PURPOSE_KEY, ids[purpose], error);
}

gboolean
mc_accounts_check_time (McDb *db, gint64 staff_id, McTime at, const char *what, gint64 dossier_id, GError **error)
{
  McTime real = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *given = NULL, *now = NULL, *detail = NULL;
  g_autoptr(GError) read_error = NULL;
  McDatabasePurpose purpose;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (at >= real - TIME_TOLERANCE && at <= real + TIME_TOLERANCE)
    return TRUE;
  given = mc_format_time (at);
  purpose = mc_accounts_get_database_purpose (db, &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (purpose == MC_DATABASE_REAL &&
      !mc_accounts_check (db, staff_id, MC_PERMISSION_ADMINISTER, 0, NULL))
    {
      g_set_error (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_FORBIDDEN,
                   _("Only the administrator can record an action at another time than now (%s): "
                     "reports count what happens when it happens"), given);
      return FALSE;
    }
  /* The row's own time is the real clock; the detail says both, so a
   * reader of the trail sees the dating without comparing columns. */
  now = mc_format_time (real);
  detail = g_strdup_printf ("%s: thời điểm ghi %s, giờ thực %s", what ? what : "", given, now);
  return mc_audit_append (db, "backdated", "dossier", dossier_id, detail, error);
}

gboolean
mc_accounts_audit_personal_export (McDb *db, const char *action, gint64 dossier_id, const char *detail,
                                   GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  return mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_PERSONAL_DATA, 0, error) &&
         mc_audit_append (db, action, "dossier", dossier_id, detail, error);
}

/* One rule for the whole program: whoever may not read the ID number and
 * the phone sees them masked (the first and last three digits,
 * mc_id_number_mask), never empty and never whole. On a server such a login
 * reads them masked already (mc_db_personal_sql); masking is idempotent. */
char *
mc_accounts_shown_personal (McDb *db, const char *digits)
{
  g_return_val_if_fail (MC_IS_DB (db), NULL);

  if (digits == NULL)
    return NULL;
  if (mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_PERSONAL_DATA, 0, NULL))
    return g_strdup (digits);
  return mc_id_number_mask (digits);
}

char *
mc_accounts_default_username (McDb *db, const char *wanted)
{
  McSqlStmt *stmt;
  char *found = NULL;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db, "SELECT username FROM staff WHERE active <> 0 ORDER BY username = ? DESC, id LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_text (stmt, 1, wanted ? wanted : "", -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (db, stmt, NULL) == MC_DB_STEP_ROW)
    found = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  return found;
}

gboolean
mc_accounts_check_password_strength (const char *password, GError **error)
{
  return check_password_strength (password, error);
}
