/* mc-calendar-store.c — the calendar's settings and exceptions in the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Office hours live in the database, not in GSettings, because every process
 * that computes a deadline (the GUI, the command line, a second counter's PC,
 * the liveboard) must agree on them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-calendar-store.h"
#include "mc-csv.h"
#include "mc-db-private.h"
#include "mc-text.h"

static char *
hours_key (int weekday)
{
  return g_strdup_printf ("calendar.hours.%d", weekday);
}

static char *
rest_key (int weekday)
{
  return g_strdup_printf ("calendar.rest.%d", weekday);
}

static gboolean
load_settings (McDb *db, McCalendar *calendar, GError **error)
{
  for (int w = 1; w <= 7; w++)
    {
      g_autofree char *hk = hours_key (w);
      g_autofree char *rk = rest_key (w);
      g_autoptr(GError) read_error = NULL;
      g_autofree char *hours = mc_db_get_setting (db, hk, NULL, &read_error);
      g_autofree char *rest = read_error ? NULL : mc_db_get_setting (db, rk, NULL, &read_error);
      McOfficeHours h;

      /* Deadlines are counted in these hours: never in the default ones
       * because the unit's could not be read. */
      if (read_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }

      if (hours != NULL)
        {
          if (!mc_office_hours_parse (hours, &h, error))
            return FALSE;
          mc_calendar_set_office_hours (calendar, w, &h);
        }
      if (rest != NULL)
        mc_calendar_set_weekly_rest (calendar, w, g_strcmp0 (rest, "1") == 0);
    }
  for (int y = MC_CALENDAR_FIRST_YEAR; y <= MC_CALENDAR_LAST_YEAR; y++)
    mc_calendar_set_year_announced (calendar, y, FALSE);
  {
    McSqlStmt *stmt = mc_db_prepare (db, "SELECT substr (key, 20) FROM setting "
                                            "WHERE substr (key, 1, 19) = 'calendar.announced.' AND value = '1'", error);
    McDbStep step;

    if (stmt == NULL)
      return FALSE;
    while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
      mc_calendar_set_year_announced (calendar, mc_sql_column_int (stmt, 0), TRUE);
    mc_sql_reset (stmt);
    if (step == MC_DB_STEP_ERROR)
      return FALSE;
  }
  {
    g_autofree char *culture = mc_db_get_setting (db, "calendar.compensate_culture_day", "1", error);

    if (culture == NULL)
      return FALSE;
    mc_calendar_set_compensate_culture_day (calendar, g_str_equal (culture, "1"));
  }
  return TRUE;
}

static gboolean
load_exceptions (McDb *db, McCalendar *calendar, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT date, kind, name FROM calendar_day", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_calendar_clear_exceptions (calendar);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDate date;
      McExceptionKind kind;

      if (mc_date_parse_iso (mc_sql_column_text (stmt, 0), &date) &&
          mc_exception_kind_from_string (mc_sql_column_text (stmt, 1), &kind))
        mc_calendar_add_exception (calendar, date, kind, mc_sql_column_text (stmt, 2));
    }
  mc_sql_reset (stmt);
  /* A calendar missing its holidays would count deadlines wrong. */
  return step == MC_DB_STEP_DONE;
}

gboolean
mc_calendar_store_reload (McDb *db, McCalendar *calendar, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);
  g_return_val_if_fail (MC_IS_CALENDAR (calendar), FALSE);

  mc_calendar_freeze (calendar);
  ok = load_settings (db, calendar, error) && load_exceptions (db, calendar, error);
  mc_calendar_thaw (calendar);
  return ok;
}

McCalendar *
mc_calendar_store_load (McDb *db, GError **error)
{
  g_autoptr(McCalendar) calendar = mc_calendar_new ();

  if (!mc_calendar_store_reload (db, calendar, error))
    return NULL;
  return g_steal_pointer (&calendar);
}

/* The calendar decides every appointment and report: the administrator's
 * (MC_PERMISSION_CONFIGURE), checked here for the window and the command line. */
static gboolean
may_configure (McDb *db, GError **error)
{
  return mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_CONFIGURE, 0, error);
}

static gboolean
write_exception (McDb *db, McDate date, McExceptionKind kind, const char *name, GError **error)
{
  g_autofree char *iso = mc_date_to_iso (date);
  g_autofree char *clean = mc_text_normalize (name);
  McSqlStmt *stmt;

  if (clean == NULL || *clean == '\0')
    {
      g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID, _("The day needs a name"));
      return FALSE;
    }
  if (date < mc_date_from_ymd (MC_CALENDAR_FIRST_YEAR, 1, 1) ||
      date > mc_date_from_ymd (MC_CALENDAR_LAST_YEAR, 12, 31))
    {
      g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_OUT_OF_RANGE,
                   _("The date is outside the calendar (years %d–%d)"),
                   MC_CALENDAR_FIRST_YEAR, MC_CALENDAR_LAST_YEAR);
      return FALSE;
    }
  /* The day names who set it last, as every record does. */
  stmt = mc_db_prepare (db, "INSERT INTO calendar_day (date, kind, name, created_by, created_at) "
                            "VALUES (?, ?, ?, mc_actor (), mc_now ()) ON CONFLICT (date) DO UPDATE "
                            "SET kind = excluded.kind, name = excluded.name, created_by = excluded.created_by", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, iso, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, mc_exception_kind_to_string (kind), -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 3, clean, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (db, stmt, error))
    return FALSE;
  mc_db_note_change (db, MC_CHANGE_CALENDAR, 0);  /* WITHOUT ROWID: no update hook */
  return TRUE;
}

gboolean
mc_calendar_store_set_exception (McDb *db, McDate date, McExceptionKind kind, const char *name,
                                 GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  return may_configure (db, error) && write_exception (db, date, kind, name, error);
}

gboolean
mc_calendar_store_remove_exception (McDb *db, McDate date, GError **error)
{
  g_autofree char *iso = mc_date_to_iso (date);
  McSqlStmt *stmt;

  if (!may_configure (db, error) ||
      (stmt = mc_db_prepare (db, "DELETE FROM calendar_day WHERE date = ?", error)) == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, iso, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (db, stmt, error))
    return FALSE;
  mc_db_note_change (db, MC_CHANGE_CALENDAR, 0);  /* WITHOUT ROWID: no update hook */
  return TRUE;
}

gboolean
mc_calendar_store_set_office_hours (McDb *db, int weekday, const McOfficeHours *hours, GError **error)
{
  g_autofree char *key = hours_key (weekday);
  g_autofree char *value = mc_office_hours_to_string (hours);

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, FALSE);
  return may_configure (db, error) && mc_db_set_setting (db, key, value, error);
}

gboolean
mc_calendar_store_set_weekly_rest (McDb *db, int weekday, gboolean rest, GError **error)
{
  g_autofree char *key = rest_key (weekday);

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, FALSE);
  return may_configure (db, error) && mc_db_set_setting (db, key, rest ? "1" : "0", error);
}

gboolean
mc_calendar_store_set_compensate_culture_day (McDb *db, gboolean compensate, GError **error)
{
  return may_configure (db, error) && mc_db_set_setting (db, "calendar.compensate_culture_day", compensate ? "1" : "0", error);
}

gboolean
mc_calendar_store_set_year_announced (McDb *db, int year, gboolean announced, GError **error)
{
  g_autofree char *key = g_strdup_printf ("calendar.announced.%d", year);

  return may_configure (db, error) && mc_db_set_setting (db, key, announced ? "1" : "0", error);
}

static gboolean
import_rows (McDb *db, McCsvReader *reader, gboolean announced, guint *n_days, GError **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  const char *const columns[] = { "date", "kind", "name", NULL };
  g_autoptr(GError) local = NULL;
  int idx[3];

  if (!mc_csv_reader_header (reader, columns, NULL, idx, error))
    return FALSE;
  while (mc_csv_reader_next (reader, row, &local))
    {
      guint line = mc_csv_reader_get_line (reader);
      McDate date;
      McExceptionKind kind;

      if (!mc_date_parse_iso (g_strstrip (row->pdata[idx[0]]), &date))
        {
          g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                       _("Line %u: the date must be written YYYY-MM-DD"), line);
          return FALSE;
        }
      if (!mc_exception_kind_from_string (g_strstrip (row->pdata[idx[1]]), &kind))
        {
          g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                       _("Line %u: the kind must be holiday, compensatory or workday"), line);
          return FALSE;
        }
      if (!write_exception (db, date, kind, row->pdata[idx[2]], &local))
        {
          g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID, _("Line %u: %s"), line,
                       local->message);
          return FALSE;
        }
      if (announced)
        {
          int year;
          mc_date_to_ymd (date, &year, NULL, NULL);
          if (!mc_calendar_store_set_year_announced (db, year, TRUE, error))
            return FALSE;
        }
      (*n_days)++;
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_calendar_store_import_csv (McDb *db, const char *data, gsize length, gboolean announced,
                              guint *n_days, GError **error)
{
  g_autoptr(McCsvReader) reader = mc_csv_reader_new (data, length);
  guint count = 0;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (!may_configure (db, error) || !mc_db_begin (db, error))
    return FALSE;
  if (!import_rows (db, reader, announced, &count, error) || !mc_db_commit (db, error))
    {
      mc_db_rollback (db);
      return FALSE;
    }
  if (n_days)
    *n_days = count;
  return TRUE;
}
