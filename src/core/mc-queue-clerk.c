/* mc-queue-clerk.c — a counter clerk's own day at the queue
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the queue bar's "Hôm nay của tôi" and `motcua queue mine` show the
 * clerk: how many citizens they served today, how long a service took them,
 * how long those citizens had waited, and how the citizens rated them on
 * the counter display (queue_rating, mc-queue-rating.c). Two reads of the
 * day's tickets through queue_ticket_day's day; no personal data.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-format.h"
#include "mc-queue-clerk.h"
#include "mc-queue-rating.h"

static gboolean
read_tickets (McDb *db, gint64 staff_id, const char *day, McQueueClerkDay *out, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT count (*), "
    "coalesce (sum (CASE WHEN state = 'done' THEN 1 ELSE 0 END), 0), "
    "coalesce (sum (CASE WHEN state = 'absent' THEN 1 ELSE 0 END), 0), "
    "avg (CASE WHEN called_at >= taken_at THEN called_at - taken_at WHEN called_at IS NOT NULL THEN 0 END), "
    "avg (CASE WHEN state = 'done' AND done_at >= served_at THEN done_at - served_at END) "
    "FROM queue_ticket WHERE day = ? AND staff_id = ?", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, day, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, staff_id);
  if ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      out->called = mc_sql_column_int (stmt, 0);
      out->served = mc_sql_column_int (stmt, 1);
      out->absent = mc_sql_column_int (stmt, 2);
      out->wait_avg = mc_sql_column_type (stmt, 3) == MC_SQL_NULL ? -1 : mc_sql_column_double (stmt, 3);
      out->service_avg = mc_sql_column_type (stmt, 4) == MC_SQL_NULL ? -1 : mc_sql_column_double (stmt, 4);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ROW;
}

static gboolean
read_ratings (McDb *db, gint64 staff_id, const char *day, McQueueClerkDay *out, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT r.level, count (*) FROM queue_rating r "
                                       "JOIN queue_ticket t ON t.id = r.ticket_id "
                                       "WHERE t.day = ? AND t.staff_id = ? GROUP BY r.level", error);
  McDbStep step;
  int sum = 0;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, day, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, staff_id);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      int level = mc_sql_column_int (stmt, 0), n = mc_sql_column_int (stmt, 1);

      if (level < 1 || level > 5)
        continue;
      out->levels[level - 1] = n;
      out->ratings += n;
      sum += level * n;
    }
  mc_sql_reset (stmt);
  out->rating_avg = out->ratings > 0 ? (double) sum / out->ratings : -1;
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_queue_clerk_day (McQueue *queue, gint64 staff_id, McDate day, McQueueClerkDay *out, GError **error)
{
  McDb *db = mc_queue_get_db (queue);
  gint64 actor = mc_db_get_actor (db);
  g_autofree char *iso = mc_date_to_iso (day);

  g_return_val_if_fail (out != NULL, FALSE);

  *out = (McQueueClerkDay) { .wait_avg = -1, .service_avg = -1, .rating_avg = -1 };
  if (!mc_accounts_check (db, actor, staff_id == actor ? MC_PERMISSION_SIGNED_IN : MC_PERMISSION_DASHBOARD, 0,
                          error))
    return FALSE;
  return read_tickets (db, staff_id, iso, out, error) && read_ratings (db, staff_id, iso, out, error);
}

static char *
minutes (double seconds)
{
  return mc_format_decimal (seconds / 60.0, 1);
}

char *
mc_queue_clerk_day_describe (const McQueueClerkDay *day)
{
  GString *out = g_string_new (NULL);
  g_autofree char *served = mc_format_count (day->served);

  if (day->called == 0)
    return g_strdup (_("No number called today yet"));
  g_string_append_printf (out, ngettext ("Served %s citizen", "Served %s citizens", day->served), served);
  if (day->absent > 0)
    g_string_append_printf (out, ngettext (", %d absent", ", %d absent", day->absent), day->absent);
  if (day->service_avg >= 0)
    {
      g_autofree char *m = minutes (day->service_avg);
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Average service: %s minutes"), m);
    }
  if (day->wait_avg >= 0)
    {
      g_autofree char *m = minutes (day->wait_avg);
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("They had waited %s minutes on average"), m);
    }
  g_string_append_c (out, '\n');
  if (day->ratings == 0)
    g_string_append (out, _("No rating yet today"));
  else
    {
      g_autofree char *avg = mc_format_decimal (day->rating_avg, 1);

      g_string_append_printf (out, ngettext ("Rated %d time, on average %s/5", "Rated %d times, on average %s/5",
                                             day->ratings), day->ratings, avg);
      for (int level = 5; level >= 1; level--)
        if (day->levels[level - 1] > 0)
          g_string_append_printf (out, "\n  %s: %d", mc_queue_rating_level_label (level), day->levels[level - 1]);
    }
  return g_string_free (out, FALSE);
}
