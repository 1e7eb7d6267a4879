/* mc-cli-calendar.c — motcua calendar due|holidays|lunar|solar|set|remove|import|hours
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-calendar-store.h"
#include "mc-cli.h"
#include "mc-file-error.h"
#include "mc-format.h"
#include "mc-lunar.h"

static gboolean
parse_number (const char *text, double *out)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static int
due (McDb *db, int argc, char **argv)
{
  const char *from = NULL, *days = NULL, *hours = NULL;
  g_autoptr(McCalendar) calendar = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  McTime start, result;
  double amount;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--from")) from = argv[i + 1];
      else if (g_str_equal (argv[i], "--days")) days = argv[i + 1];
      else if (g_str_equal (argv[i], "--hours")) hours = argv[i + 1];
    }
  if (from == NULL || (days == NULL) == (hours == NULL))
    return mc_cli_usage (_("Usage: motcua calendar due --from \"YYYY-MM-DD HH:MM\" (--days N | --hours H)"));
  if (!mc_time_parse_iso (from, &start))
    return mc_cli_fail (g_error_new (MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                                     _("Invalid time “%s”: write it as YYYY-MM-DD HH:MM"), from));
  if (!parse_number (days ? days : hours, &amount) || amount < 0)
    return mc_cli_fail (g_error_new (MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                                     _("Invalid amount “%s”: write a number such as 3 or 0.5"),
                                     days ? days : hours));
  calendar = mc_calendar_store_load (db, &error);
  if (calendar == NULL)
    return mc_cli_fail (error);
  if (days ? !mc_calendar_add_working_days (calendar, start, amount, &result, &error)
           : !mc_calendar_add_working_minutes (calendar, start, (gint64) (amount * 60 + 0.5), &result, &error))
    return mc_cli_fail (error);
  text = mc_time_to_iso (result);
  g_print ("%s\n", text);
  return 0;
}

static int
holidays (McDb *db, int argc, char **argv)
{
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(GPtrArray) days = NULL;
  GError *error = NULL;
  guint64 year;

  if (argc != 3 || !g_str_equal (argv[1], "--year") ||
      !g_ascii_string_to_unsigned (argv[2], 10, MC_CALENDAR_FIRST_YEAR, MC_CALENDAR_LAST_YEAR, &year, NULL))
    return mc_cli_usage (_("Usage: motcua calendar holidays --year YYYY (1950–2150)"));
  calendar = mc_calendar_store_load (db, &error);
  if (calendar == NULL)
    return mc_cli_fail (error);
  days = mc_calendar_list_days_off (calendar, (int) year);
  for (guint i = 0; i < days->len; i++)
    {
      McCalendarDay *day = days->pdata[i];
      g_autofree char *iso = mc_date_to_iso (day->date);
      mc_cli_print_row (iso, mc_day_kind_to_string (day->kind), day->name);
    }
  return 0;
}

static int
lunar (int argc, char **argv)
{
  McDate date;
  McLunarDate l;
  g_autofree char *text = NULL;

  if (argc != 2)
    return mc_cli_usage (_("Usage: motcua calendar lunar YYYY-MM-DD"));
  if (!mc_date_parse_iso (argv[1], &date) || !mc_lunar_from_solar (date, &l))
    return mc_cli_fail (g_error_new (MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                                     _("Invalid date “%s”: write it as YYYY-MM-DD (years %d–%d)"),
                                     argv[1], MC_LUNAR_MIN_YEAR, MC_LUNAR_MAX_YEAR));
  text = mc_lunar_format (&l);
  g_print ("%s\n", text);
  return 0;
}

static int
solar (int argc, char **argv)
{
  McLunarDate l = { 0 };
  g_autofree char *text = NULL;
  McDate date;
  int n = 0;

  if (argc < 2 || argc > 3 || (argc == 3 && !g_str_equal (argv[2], "--leap")))
    return mc_cli_usage (_("Usage: motcua calendar solar D/M/YYYY [--leap]"));
  l.leap = argc == 3;
  if (sscanf (argv[1], "%d/%d/%d%n", &l.day, &l.month, &l.year, &n) != 3 || argv[1][n] != '\0' ||
      (date = mc_lunar_to_solar (&l)) == MC_DATE_INVALID)
    return mc_cli_fail (g_error_new (MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                                     _("The lunar date “%s”%s does not exist"), argv[1],
                                     l.leap ? _(" (leap month)") : ""));
  text = mc_date_to_iso (date);
  g_print ("%s\n", text);
  return 0;
}

static int
set_day (McDb *db, int argc, char **argv)
{
  McDate date;
  McExceptionKind kind;
  GError *error = NULL;

  if (argc != 4)
    return mc_cli_usage (_("Usage: motcua calendar set YYYY-MM-DD holiday|compensatory|workday NAME"));
  if (!mc_date_parse_iso (argv[1], &date))
    return mc_cli_fail (g_error_new (MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                                     _("Invalid date “%s”: write it as YYYY-MM-DD"), argv[1]));
  if (!mc_exception_kind_from_string (argv[2], &kind))
    return mc_cli_fail (g_error_new (MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                                     _("The kind must be holiday, compensatory or workday")));
  if (!mc_calendar_store_set_exception (db, date, kind, argv[3], &error))
    return mc_cli_fail (error);
  return 0;
}

static int
remove_day (McDb *db, int argc, char **argv)
{
  McDate date;
  GError *error = NULL;

  if (argc != 2)
    return mc_cli_usage (_("Usage: motcua calendar remove YYYY-MM-DD"));
  if (!mc_date_parse_iso (argv[1], &date))
    return mc_cli_fail (g_error_new (MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                                     _("Invalid date “%s”: write it as YYYY-MM-DD"), argv[1]));
  if (!mc_calendar_store_remove_exception (db, date, &error))
    return mc_cli_fail (error);
  return 0;
}

static int
import (McDb *db, int argc, char **argv)
{
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;
  GError *error = NULL;

  if (argc < 2 || argc > 3 || (argc == 3 && !g_str_equal (argv[2], "--announced")))
    return mc_cli_usage (_("Usage: motcua calendar import FILE.csv [--announced]"));
  if (!mc_file_get_contents (argv[1], &data, &length, &error) ||
      !mc_calendar_store_import_csv (db, data, length, argc == 3, &n, &error))
    return mc_cli_fail (error);
  g_print ("%u\n", n);
  return 0;
}

static int
hours (McDb *db, int argc, char **argv)
{
  g_autoptr(McCalendar) calendar = NULL;
  GError *error = NULL;
  McOfficeHours h;
  guint64 weekday;

  if (argc == 3)
    {
      if (!g_ascii_string_to_unsigned (argv[1], 10, 1, 7, &weekday, NULL))
        return mc_cli_usage (_("Usage: motcua calendar hours [WEEKDAY(1=Monday…7=Sunday) HOURS]"));
      if (!mc_office_hours_parse (argv[2], &h, &error) ||
          !mc_calendar_store_set_office_hours (db, (int) weekday, &h, &error))
        return mc_cli_fail (error);
      return 0;
    }
  if (argc != 1)
    return mc_cli_usage (_("Usage: motcua calendar hours [WEEKDAY(1=Monday…7=Sunday) HOURS]"));
  calendar = mc_calendar_store_load (db, &error);
  if (calendar == NULL)
    return mc_cli_fail (error);
  for (int w = 1; w <= 7; w++)
    {
      g_autofree char *text = NULL;
      char number[2] = { (char) ('0' + w), '\0' };

      mc_calendar_get_office_hours (calendar, w, &h);
      text = mc_office_hours_to_string (&h);
      mc_cli_print_row (number, mc_format_weekday (w), text,
                        mc_calendar_get_weekly_rest (calendar, w) ? "rest" : "work");
    }
  return 0;
}

int
mc_cli_calendar (McDb *db, int argc, char **argv)
{
  const char *sub = argc > 1 ? argv[1] : "";

  if (g_str_equal (sub, "due"))
    return due (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "holidays"))
    return holidays (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "lunar"))
    return lunar (argc - 1, argv + 1);
  if (g_str_equal (sub, "solar"))
    return solar (argc - 1, argv + 1);
  if (g_str_equal (sub, "set"))
    return set_day (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "remove"))
    return remove_day (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "import"))
    return import (db, argc - 1, argv + 1);
  if (g_str_equal (sub, "hours"))
    return hours (db, argc - 1, argv + 1);
  return mc_cli_usage (_("Usage: motcua calendar due|holidays|lunar|solar|set|remove|import|hours …"));
}
