/* mc-lateness.c — "quá hạn" and "chậm tiến độ": one definition each
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C functions and the SQL conditions say the same thing; tests/
 * test-lateness.c checks them against each other case by case.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-db-private.h"
#include "mc-lateness.h"

static McTime
column_time (McSqlStmt *stmt, int column)
{
  return mc_sql_column_type (stmt, column) == MC_SQL_NULL ? 0 : mc_sql_column_int64 (stmt, column);
}

void
mc_deadlines_from_row (McDeadlines *deadlines, McSqlStmt *stmt, int first)
{
  g_return_if_fail (deadlines != NULL && stmt != NULL);

  deadlines->received_at = column_time (stmt, first);
  deadlines->finished_at = column_time (stmt, first + 1);
  deadlines->due_at = column_time (stmt, first + 2);
  deadlines->extended_due_at = column_time (stmt, first + 3);
  deadlines->extended_at = column_time (stmt, first + 4);
  deadlines->paused_since = column_time (stmt, first + 5);
  deadlines->step_due_at = column_time (stmt, first + 6);
}

gboolean
mc_deadlines_is_open_at (const McDeadlines *d, McTime at)
{
  g_return_val_if_fail (d != NULL, FALSE);
  return d->received_at < at && (d->finished_at == 0 || d->finished_at >= at);
}

/* The new appointment counts from its apology on: a report for a period
 * that ended before the apology still sees the dossier as it was then. */
McTime
mc_deadlines_appointment (const McDeadlines *d, McTime at)
{
  g_return_val_if_fail (d != NULL, 0);
  return d->extended_due_at != 0 && d->extended_at != 0 && d->extended_at <= at ? d->extended_due_at : d->due_at;
}

/* A finished dossier is no longer paused (a pause is over once it is settled). */
McTime
mc_deadlines_clock (const McDeadlines *d, McTime at)
{
  g_return_val_if_fail (d != NULL, at);
  return d->finished_at == 0 && d->paused_since != 0 ? MIN (at, d->paused_since) : at;
}

gboolean
mc_deadlines_is_overdue (const McDeadlines *d, McTime at)
{
  g_return_val_if_fail (d != NULL, FALSE);
  return mc_deadlines_is_open_at (d, at) && mc_deadlines_clock (d, at) > mc_deadlines_appointment (d, at);
}

gboolean
mc_deadlines_is_step_late (const McDeadlines *d, McTime at)
{
  g_return_val_if_fail (d != NULL, FALSE);
  return mc_deadlines_is_open_at (d, at) && d->step_due_at != 0 && mc_deadlines_clock (d, at) > d->step_due_at;
}

char *
mc_lateness_sql_appointment (const char *at)
{
  g_return_val_if_fail (at != NULL, NULL);
  return g_strdup_printf ("(CASE WHEN d.extended_due_at IS NOT NULL AND EXISTS (SELECT 1 FROM apology a "
                          "WHERE a.dossier_id = d.id AND a.new_due_at IS NOT NULL AND a.issued_at <= %s) "
                          "THEN d.extended_due_at ELSE d.due_at END)", at);
}

static char *
sql_open_at (const char *at)
{
  return g_strdup_printf ("d.received_at < %s AND (d.finished_at IS NULL OR d.finished_at >= %s)", at, at);
}

static char *
sql_clock (const char *at)
{
  return g_strdup_printf ("min (%s, coalesce (CASE WHEN d.finished_at IS NULL THEN d.paused_since END, %s))", at, at);
}

char *
mc_lateness_sql_overdue (const char *at)
{
  g_autofree char *open = NULL, *clock = NULL, *appointment = NULL;

  g_return_val_if_fail (at != NULL, NULL);
  open = sql_open_at (at);
  clock = sql_clock (at);
  appointment = mc_lateness_sql_appointment (at);
  return g_strdup_printf ("(%s AND %s > %s)", open, clock, appointment);
}

char *
mc_lateness_sql_step_late (const char *at)
{
  g_autofree char *open = NULL, *clock = NULL;

  g_return_val_if_fail (at != NULL, NULL);
  open = sql_open_at (at);
  clock = sql_clock (at);
  return g_strdup_printf ("(%s AND d.step_due_at IS NOT NULL AND %s > d.step_due_at)", open, clock);
}

const char *
mc_lateness_overdue_meaning (void)
{
  return _("Overdue: not settled and past its appointment — the new one when an apology gave it; "
           "the clock stands still while the dossier waits for the citizen");
}

const char *
mc_lateness_step_late_meaning (void)
{
  return _("Behind schedule: not settled and the current step is past its own due time, "
           "whatever the appointment");
}
