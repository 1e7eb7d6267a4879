/* mc-time.c — civil dates and instants in Vietnam time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mc-time.h"

/* Days from civil, the proleptic Gregorian algorithm of H. Hinnant
 * ("chrono-compatible low-level date algorithms"): exact for any year. */
McDate
mc_date_from_ymd (int year, int month, int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
mc_date_to_ymd (McDate date, int *year, int *month, int *day)
{
  int z = date + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp < 10 ? mp + 3 : mp - 9;

  if (year)
    *year = yoe + era * 400 + (m <= 2);
  if (month)
    *month = m;
  if (day)
    *day = d;
}

int
mc_date_days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  if (month == 2 && g_date_is_leap_year (year))
    return 29;
  return days[month - 1];
}

gboolean
mc_date_is_valid_ymd (int year, int month, int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
         day >= 1 && day <= mc_date_days_in_month (year, month);
}

int
mc_date_weekday (McDate date)
{
  /* 1970-01-01 was a Thursday (ISO 4). */
  int w = (date + 3) % 7;

  if (w < 0)
    w += 7;
  return w + 1;
}

char *
mc_date_to_iso (McDate date)
{
  int y, m, d;

  mc_date_to_ymd (date, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

gboolean
mc_date_parse_iso (const char *text, McDate *out)
{
  int y, m, d, n = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
      n != 10 || text[n] != '\0' || !mc_date_is_valid_ymd (y, m, d))
    return FALSE;
  *out = mc_date_from_ymd (y, m, d);
  return TRUE;
}

McTime
mc_time_from_local (McDate date, int minute_of_day)
{
  return (McTime) date * 86400 + (McTime) minute_of_day * 60 - MC_TIME_UTC_OFFSET;
}

McDate
mc_time_get_date (McTime t)
{
  McTime local = t + MC_TIME_UTC_OFFSET;

  return (McDate) (local >= 0 ? local / 86400 : -((-local + 86399) / 86400));
}

int
mc_time_get_minute (McTime t)
{
  McTime local = t + MC_TIME_UTC_OFFSET;

  return (int) ((local - (McTime) mc_time_get_date (t) * 86400) / 60);
}

char *
mc_time_to_iso (McTime t)
{
  g_autofree char *date = mc_date_to_iso (mc_time_get_date (t));
  int minute = mc_time_get_minute (t);

  return g_strdup_printf ("%s %02d:%02d", date, minute / 60, minute % 60);
}

/* The value of `n` decimal digits at `p`, or -1 when one is not a digit. */
static int
digits (const char *p, int n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      v = v * 10 + (p[i] - '0');
    }
  return v;
}

/* Accepts "YYYY-MM-DD HH:MM" (the command-line and CSV contract), also with
 * ":SS" or a "T" separator, as exported by spreadsheets. Read digit by digit:
 * a bulk import parses millions of these. */
gboolean
mc_time_parse_iso (const char *text, McTime *out)
{
  int y, m, d, h, mi, s = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL || strnlen (text, 16) < 16 || text[4] != '-' || text[7] != '-' ||
      (text[10] != ' ' && text[10] != 'T') || text[13] != ':')
    return FALSE;
  y = digits (text, 4), m = digits (text + 5, 2), d = digits (text + 8, 2);
  h = digits (text + 11, 2), mi = digits (text + 14, 2);
  if (text[16] == ':' && ((s = digits (text + 17, 2)) < 0 || text[19] != '\0'))
    return FALSE;
  if (text[16] != ':' && text[16] != '\0')
    return FALSE;
  if (y < 0 || !mc_date_is_valid_ymd (y, m, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || s > 59)
    return FALSE;
  *out = mc_time_from_local (mc_date_from_ymd (y, m, d), h * 60 + mi) + s;
  return TRUE;
}

McTime
mc_time_now (void)
{
  const char *fake = g_getenv ("MOTCUA_NOW");
  McTime t;

  /* A fixed clock for demos, screenshots and tests of "today" views. */
  if (fake != NULL && mc_time_parse_iso (fake, &t))
    return t;
  return g_get_real_time () / G_USEC_PER_SEC;
}

static int
full_year (int year, int n_digits, int latest_year)
{
  if (n_digits != 2)
    return year;
  return latest_year - (((latest_year - year) % 100) + 100) % 100;
}

/* Reads up to `max` digits; their count in *n (0: none). */
static int
read_number (const char **p, int max, int *n)
{
  int value = 0;

  for (*n = 0; *n < max && g_ascii_isdigit (**p); (*n)++, (*p)++)
    value = value * 10 + (**p - '0');
  return value;
}

static gboolean
parse_dmy_digits (int digits, McDate *out)
{
  int d = digits / 1000000, m = digits / 10000 % 100, y = digits % 10000;

  if (!mc_date_is_valid_ymd (y, m, d))
    return FALSE;
  *out = mc_date_from_ymd (y, m, d);
  return TRUE;
}

/* d/m/y with one separator kind throughout, or the 8 digits of ddmmyyyy. */
static gboolean
parse_dmy (const char *text, int latest_year, McDate *out)
{
  const char *p = text;
  int d, m, y, nd, nm, ny;
  char sep;

  d = read_number (&p, 8, &nd);
  if (nd == 8 && *p == '\0')
    return parse_dmy_digits (d, out);
  if (nd < 1 || nd > 2 || (*p != '/' && *p != '-' && *p != '.'))
    return FALSE;
  sep = *p++;
  m = read_number (&p, 2, &nm);
  if (nm < 1 || *p++ != sep)
    return FALSE;
  y = read_number (&p, 4, &ny);
  if ((ny != 2 && ny != 4) || *p != '\0')
    return FALSE;
  y = full_year (y, ny, latest_year);
  if (!mc_date_is_valid_ymd (y, m, d))
    return FALSE;
  *out = mc_date_from_ymd (y, m, d);
  return TRUE;
}

gboolean
mc_date_parse_typed (const char *text, int latest_year, McDate *out)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  clean = g_strstrip (g_strdup (text));
  if (strlen (clean) == 10 && clean[4] == '-')
    return mc_date_parse_iso (clean, out);
  return parse_dmy (clean, latest_year, out);
}

/* "10:30", "10h30", "10h": minutes since midnight, or -1. */
static int
parse_clock (const char *text)
{
  const char *p = text;
  int h, mi = 0, nh, nm;

  h = read_number (&p, 2, &nh);
  if (nh < 1)
    return -1;
  if (*p == ':' || ((*p == 'h' || *p == 'H') && p[1] != '\0'))
    {
      p++;
      mi = read_number (&p, 2, &nm);
      if (nm != 2)
        return -1;
    }
  else if (*p == 'h' || *p == 'H')
    p++;
  else
    return -1;
  if (*p != '\0' || h > 23 || mi > 59)
    return -1;
  return h * 60 + mi;
}

gboolean
mc_time_parse_typed (const char *text, int latest_year, McTime *out)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *clean = NULL;
  McDate date;
  int minute;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  clean = g_strdup (text);
  g_strdelimit (clean, ",", ' ');
  words = g_strsplit_set (g_strstrip (clean), " \t", -1);
  {
    /* Drop the empty words between repeated spaces. */
    guint n = 0;
    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        words[n++] = words[i];
      else
        g_free (words[i]);
    words[n] = NULL;
    if (n != 2)
      return FALSE;
  }
  if ((minute = parse_clock (words[1])) >= 0 && mc_date_parse_typed (words[0], latest_year, &date))
    ;
  else if ((minute = parse_clock (words[0])) >= 0 && mc_date_parse_typed (words[1], latest_year, &date))
    ;
  else
    return FALSE;
  *out = mc_time_from_local (date, minute);
  return TRUE;
}

char *
mc_date_to_typed (McDate date)
{
  int y, m, d;

  mc_date_to_ymd (date, &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

char *
mc_time_to_typed (McTime t)
{
  g_autofree char *date = mc_date_to_typed (mc_time_get_date (t));
  int minute = mc_time_get_minute (t);

  return g_strdup_printf ("%s %02d:%02d", date, minute / 60, minute % 60);
}
