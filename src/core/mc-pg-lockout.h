/* mc-pg-lockout.h — failed sign-ins on a PostgreSQL server, counted from its log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

typedef struct {
  guint failures;        /* failed sign-ins read from the log this time */
  guint locked;          /* accounts whose lock starts now */
  guint logins_changed;  /* logins whose password was made to expire or given back */
} McPgLockoutResult;

/* Reads the server's log from where the last run stopped and applies the
 * program's lockout rule (security.max_failures, security.lockout_minutes)
 * to the staff's logins, in one transaction: as the installer, on a server
 * (`db`), `now` in seconds. */
gboolean mc_pg_lockout_run       (McDb *db, const char *log_path, gint64 now, McPgLockoutResult *result,
                                  GError **error);
/* One line of the log: its time in milliseconds (-1: none), the login a
 * failed password names (NULL: another line). */
gint64   mc_pg_lockout_line_time (const char *line, GTimeZone *log_zone);
char    *mc_pg_lockout_line_user (const char *line);

G_END_DECLS
