/* mc-report-period.c — reporting periods and their data cut-off
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nghị định 09/2019/NĐ-CP Điều 12 (legal.md §3.2): a quarter runs from the
 * 15th of the month before it to the 14th of its last month (Q1 = 15/12 of
 * the year before – 14/03); 6 months 15/12 – 14/06; 9 months 15/12 – 14/09;
 * the year 15/12 – 14/12. Whether TT 01/2020 keeps these dates is not
 * verified, and provinces differ: the cut-off day is a setting, and a unit
 * may report calendar periods instead.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-report-period.h"
#include "mc-settings.h"

/* A period is never cut at the default day because the unit's could not be
 * read: FALSE with the error. */
static gboolean
cutoff_day (McDb *db, int *day, GError **error)
{
  /* The registry bounds it to 1–27: the day after it exists in every month. */
  *day = MC_REPORT_DEFAULT_CUTOFF_DAY;
  return db == NULL || mc_settings_get_int (db, MC_REPORT_CUTOFF_DAY_KEY, day, error);
}

static gboolean
calendar_periods (McDb *db, gboolean *calendar, GError **error)
{
  *calendar = FALSE;
  return db == NULL || mc_settings_get_bool (db, MC_REPORT_CALENDAR_PERIODS_KEY, calendar, error);
}

/* Months [first, last] of the period, counted from January of `year` = 1. */
static gboolean
period_months (McPeriodKind kind, int index, int *first, int *last)
{
  switch (kind)
    {
    case MC_PERIOD_QUARTER:
      if (index < 1 || index > 4)
        return FALSE;
      *first = 3 * index - 2, *last = 3 * index;
      return TRUE;
    case MC_PERIOD_HALF:
      if (index < 1 || index > 2)
        return FALSE;
      *first = 6 * index - 5, *last = 6 * index;
      return TRUE;
    case MC_PERIOD_NINE_MONTHS:
      *first = 1, *last = 9;
      return TRUE;
    case MC_PERIOD_YEAR:
      *first = 1, *last = 12;
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
mc_report_period_range (McDb *db, McPeriodKind kind, int year, int index, McDate *from, McDate *to,
                        GError **error)
{
  int first, last;
  gboolean calendar;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (year < 1900 || year > 9999 || !period_months (kind, index, &first, &last))
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("There is no such reporting period"));
      return FALSE;
    }
  if (!calendar_periods (db, &calendar, error))
    return FALSE;
  if (calendar)
    {
      *from = mc_date_from_ymd (year, first, 1);
      *to = mc_date_from_ymd (year, last, mc_date_days_in_month (year, last));
    }
  else
    {
      int day;

      if (!cutoff_day (db, &day, error))
        return FALSE;

      /* The day after the cut-off in the month before the first month. */
      *from = first == 1 ? mc_date_from_ymd (year - 1, 12, day + 1) : mc_date_from_ymd (year, first - 1, day + 1);
      *to = mc_date_from_ymd (year, last, day);
    }
  return TRUE;
}

char *
mc_report_period_label (McPeriodKind kind, int year, int index)
{
  static const char *const roman[] = { "I", "II", "III", "IV" };

  switch (kind)
    {
    case MC_PERIOD_QUARTER:
      return g_strdup_printf ("quý %s năm %d", roman[CLAMP (index, 1, 4) - 1], year);
    case MC_PERIOD_HALF:
      return g_strdup_printf (index == 2 ? "6 tháng cuối năm %d" : "6 tháng đầu năm %d", year);
    case MC_PERIOD_NINE_MONTHS:
      return g_strdup_printf ("9 tháng năm %d", year);
    case MC_PERIOD_YEAR:
    default:
      return g_strdup_printf ("năm %d", year);
    }
}
