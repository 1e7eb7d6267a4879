/* mc-accounts.h — user accounts, roles, passwords and what each role may do
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Permissions are checked here, in core, by every action that changes a
 * dossier, the catalog, the calendar or an account: hiding a button is only
 * a convenience. Once the first administrator exists (first run), every such
 * action needs a signed-in staff member.
 */
#pragma once

#include <glib-object.h>

#include "mc-db.h"
#include "mc-staff.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_TYPE_ACCOUNTS (mc_accounts_get_type ())
G_DECLARE_FINAL_TYPE (McAccounts, mc_accounts, MC, ACCOUNTS, GObject)

#define MC_ACCOUNTS_ERROR (mc_accounts_error_quark ())
GQuark mc_accounts_error_quark (void);

typedef enum {
  MC_ACCOUNTS_ERROR_INVALID,        /* a weak password, an unknown role, … */
  MC_ACCOUNTS_ERROR_NOT_FOUND,
  MC_ACCOUNTS_ERROR_BAD_PASSWORD,   /* wrong user name or password */
  MC_ACCOUNTS_ERROR_LOCKED,         /* too many failures: locked for a while */
  MC_ACCOUNTS_ERROR_DISABLED,
  MC_ACCOUNTS_ERROR_SIGN_IN,        /* the action needs a signed-in staff member */
  MC_ACCOUNTS_ERROR_FORBIDDEN,      /* the role or department does not allow it */
} McAccountsError;

typedef enum {
  MC_PERMISSION_RECEIVE,        /* receive, refuse, import dossiers */
  MC_PERMISSION_PROCESS,        /* act on a step held by one's own department */
  MC_PERMISSION_DECIDE,         /* settle, apologise: heads and leaders of the holder */
  MC_PERMISSION_RETURN,         /* hand the result back at the counter */
  MC_PERMISSION_REPORT,         /* statutory reports */
  MC_PERMISSION_ADMINISTER,     /* accounts, catalog, calendar, settings */
  MC_PERMISSION_PERSONAL_DATA,  /* exports with unmasked personal data */
  MC_PERMISSION_AUDIT,          /* reading the audit trail: administrators, committee leaders */
  MC_PERMISSION_CONFIGURE,      /* the catalog and the calendar: every appointment and report
                                 * depends on them, so the administrator's alone */
  MC_PERMISSION_SIGNED_IN,      /* anyone with an active account and a role: reading lists */
  MC_PERMISSION_DASHBOARD,      /* Tổng quan: heads (their department), committee leaders, administrators */
} McPermission;

/* What a database is for: a real center's, or one the demo or a test made.
 * Only the latter accept actions at another time than now from anyone. */
typedef enum {
  MC_DATABASE_REAL,
  MC_DATABASE_DEMO,
  MC_DATABASE_TEST,
} McDatabasePurpose;

McAccounts   *mc_accounts_new             (McDb *db);

/* TRUE once an administrator with a password exists: from then on every
 * change needs a signed-in staff member. */
gboolean      mc_accounts_is_enforced     (McAccounts *self);
/* On a PostgreSQL server, the staff member whose own login opened the
 * connection (the server checked the password): the person signing in
 * there can be no one else. NULL for the installer's or a board's login,
 * and on a file. */
McStaff      *mc_accounts_get_connection_staff (McAccounts *self);
/* First run: creates the administrator (only when no account has a password). */
gboolean      mc_accounts_create_first_admin (McAccounts *self, const char *username, const char *full_name,
                                              const char *password, GError **error);
/* Demo and migrated databases: gives every account without a password
 * this one (refused once accounts are enforced). */
gboolean      mc_accounts_set_initial_passwords (McAccounts *self, const char *password, GError **error);
/* On a PostgreSQL server: a login role with `password` for each active
 * account that has none (mc-accounts.c says which are left alone, in
 * `kept`). Nothing on a file. */
gboolean      mc_accounts_add_missing_logins (McAccounts *self, const char *password, GStrv *kept,
                                              GError **error);
/* Checks the password (argon2id); counts failures, locks the account for
 * "security.lockout_minutes" (15) after "security.max_failures" (5). On
 * success the staff member becomes the connection's actor. */
McStaff      *mc_accounts_sign_in         (McAccounts *self, const char *username, const char *password,
                                           GError **error);
void          mc_accounts_sign_out        (McAccounts *self);
McStaff      *mc_accounts_get_staff       (McAccounts *self, const char *username, GError **error);
McStaff      *mc_accounts_get_staff_by_id (McAccounts *self, gint64 id, GError **error);
GPtrArray    *mc_accounts_list            (McAccounts *self, GError **error);  /* McStaff* */
/* The accounts as a model that stays current (McObjectList of McStaff,
 * sorted as mc_accounts_list): it reloads when McChanges tells a staff or
 * department change, here or in another process; an account changed keeps
 * its object, which notifies (an account disabled: "active", "state-label").
 * Reading the list needs no permission beyond the caller's; NULL with an
 * error if the first load fails. */
GListModel   *mc_accounts_list_model      (McAccounts *self, GError **error);
/* `wanted` if that account exists and is active, else the first active
 * account (by id), NULL when there is none: who acts in the GUI before
 * anyone signs in, so a fresh install still records who acted. */
char         *mc_accounts_default_username (McDb *db, const char *wanted);

/* Administration (MC_PERMISSION_ADMINISTER, checked against the actor). */
gboolean      mc_accounts_create          (McAccounts *self, const char *username, const char *full_name,
                                           const char *title, const char *department_code, McRoles roles,
                                           const char *password, GError **error);
gboolean      mc_accounts_update          (McAccounts *self, const char *username, const char *full_name,
                                           const char *title, const char *department_code, McRoles roles,
                                           gboolean active, GError **error);
/* New accounts must choose their own password at their first sign-in
 * (mc_accounts_create sets it); an administrator sets or waives it. The
 * sign-in flows (window and command line) ask for the new password before
 * anything else; core signs the person in either way. */
gboolean      mc_accounts_set_must_change (McAccounts *self, const char *username, gboolean must_change,
                                           GError **error);
/* An administrator sets anyone's, and then its holder must change it; a
 * staff member changes their own (the old password required, the new one
 * different), which ends a required change. Audited either way. */
gboolean      mc_accounts_set_password    (McAccounts *self, const char *username, const char *old_password,
                                           const char *new_password, GError **error);
gboolean      mc_accounts_unlock          (McAccounts *self, const char *username, GError **error);

/* May staff `staff_id` (0: nobody signed in) do this? `department_id` is
 * the department holding the dossier for PROCESS and DECIDE, else 0. */
gboolean      mc_accounts_check           (McDb *db, gint64 staff_id, McPermission permission,
                                           gint64 department_id, GError **error);

/* Once accounts are enforced, whoever an action names must be the staff
 * member signed in on this connection: nobody acts in another's name. */
gboolean      mc_accounts_check_actor     (McDb *db, gint64 staff_id, GError **error);

/* An action dated `at` (the demo, tests and migrations): within a few
 * minutes of the real clock anyone may; otherwise only the administrator,
 * or anyone on a demo or test database, and an audit row records the time
 * given beside the real one. `what` names the action for that row. Checks
 * the real clock, so MOTCUA_NOW fakes nothing either. */
gboolean      mc_accounts_check_time      (McDb *db, gint64 staff_id, McTime at, const char *what,
                                           gint64 dossier_id, GError **error);
/* MC_DATABASE_REAL with `error` set when the mark could not be read. */
McDatabasePurpose mc_accounts_get_database_purpose (McDb *db, GError **error);
/* Marks the database (the demo does, test set-ups do); not offered to a person. */
gboolean      mc_accounts_set_database_purpose (McDb *db, McDatabasePurpose purpose, GError **error);

/* An export that shows personal data (receipt, control sheet, register, a
 * search by ID number or phone): MC_PERMISSION_PERSONAL_DATA, then one audit
 * row naming who took what. */
gboolean      mc_accounts_audit_personal_export (McDb *db, const char *action, gint64 dossier_id,
                                                 const char *detail, GError **error);
/* An ID number or a phone as the signed-in person may see it: whole with
 * the personal-data permission, else masked (******: mc_id_number_mask). */
char         *mc_accounts_shown_personal (McDb *db, const char *digits);

/* At least 8 characters, letters and digits (the rule of every new password). */
gboolean      mc_accounts_check_password_strength (const char *password, GError **error);
McRoles       mc_roles_from_string        (const char *text, GError **error);  /* "tiep_nhan,bao_cao" */
char         *mc_roles_to_string          (McRoles roles);
char         *mc_roles_to_label           (McRoles roles);  /* "Tiếp nhận, Báo cáo" */
const char   *mc_role_to_label            (McRoles role);

G_END_DECLS
