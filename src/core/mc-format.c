/* mc-format.c — numbers and dates the Vietnamese way
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents and public screens are Vietnamese whatever the desktop locale is,
 * so these do not go through printf's locale: "." groups thousands and ","
 * is the decimal mark (1.157 hồ sơ; 77,5%).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-format.h"

char *
mc_format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) (n < 0 ? -n : n));
  GString *out = g_string_new (n < 0 ? "-" : "");
  size_t len = strlen (digits);

  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* An estimate to two significant digits, so that it does not look exact:
 * 7.938 → "7.900", 1.234.567 → "1,2 triệu" (the way a count is said aloud). */
char *
mc_format_count_rounded (gint64 n)
{
  gint64 magnitude = 1;

  if (n < 0)
    {
      g_autofree char *positive = mc_format_count_rounded (-n);
      return g_strconcat ("-", positive, NULL);
    }
  while (n / magnitude >= 100)
    magnitude *= 10;
  n = (n + magnitude / 2) / magnitude * magnitude;
  if (n >= 1000000)
    {
      g_autofree char *millions = mc_format_decimal (n / 1e6, n >= 10000000 ? 0 : 1);
      return g_strconcat (millions, " triệu", NULL);
    }
  return mc_format_count (n);
}

char *
mc_format_decimal (double value, int decimals)
{
  double scale = pow (10, decimals);
  gint64 scaled = (gint64) llround (fabs (value) * scale);
  g_autofree char *whole = mc_format_count (scaled / (gint64) scale);
  GString *out = g_string_new (value < 0 && scaled != 0 ? "-" : "");
  g_autofree char *frac = NULL;
  int len;

  g_string_append (out, whole);
  if (decimals <= 0)
    return g_string_free (out, FALSE);
  frac = g_strdup_printf ("%0*" G_GINT64_FORMAT, decimals, scaled % (gint64) scale);
  len = (int) strlen (frac);
  while (len > 0 && frac[len - 1] == '0')
    frac[--len] = '\0';
  if (len > 0)
    g_string_append_printf (out, ",%s", frac);
  return g_string_free (out, FALSE);
}

char *
mc_format_percent (double ratio, int decimals)
{
  g_autofree char *number = mc_format_decimal (ratio * 100.0, decimals);

  return g_strconcat (number, "%", NULL);
}

char *
mc_format_money (gint64 dong)
{
  g_autofree char *number = mc_format_count (dong);

  return g_strconcat (number, " đồng", NULL);
}

char *
mc_format_date (McDate date)
{
  int y, m, d;

  mc_date_to_ymd (date, &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

char *
mc_format_date_long (McDate date)
{
  int y, m, d;

  mc_date_to_ymd (date, &y, &m, &d);
  return g_strdup_printf ("ngày %d tháng %d năm %d", d, m, y);
}

const char *
mc_format_weekday (int weekday)
{
  static const char *const names[] = { "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm",
                                       "Thứ Sáu", "Thứ Bảy", "Chủ nhật" };

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");
  return names[weekday - 1];
}

char *
mc_format_date_full (McDate date)
{
  g_autofree char *date_long = mc_format_date_long (date);

  return g_strdup_printf ("%s, %s", mc_format_weekday (mc_date_weekday (date)), date_long);
}

char *
mc_format_time (McTime t)
{
  int minute = mc_time_get_minute (t);
  g_autofree char *date = mc_format_date (mc_time_get_date (t));

  return g_strdup_printf ("%02d:%02d ngày %s", minute / 60, minute % 60, date);
}

char *
mc_format_working_days (double days)
{
  g_autofree char *number = mc_format_decimal (days, 3);

  return g_strdup_printf ("%s ngày làm việc", number);
}
