/* mc-holidays.c — the statutory holidays of a year, by the law in force that year
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bộ luật Lao động 2019 Điều 112 khoản 1 (from 1/1/2021): Tết Dương lịch 1 day,
 * Tết Âm lịch 5 days, 30/4, 1/5, Quốc khánh 2 days (2/9 and one adjacent day),
 * Giỗ Tổ Hùng Vương (10/3 âm lịch). Earlier law (so that historical dossiers
 * imported from older systems get their real deadlines): Giỗ Tổ from 2007
 * (Luật sửa đổi Bộ luật Lao động 2007), Tết 5 days from 2013 (Bộ luật Lao động
 * 2012), 4 before. Ngày Văn hóa Việt Nam 24/11 from 1/7/2026 (Nghị quyết
 * 28/2026/QH16).
 *
 * Which Tết days and which day next to 2/9 are decided each year by the Prime
 * Minister; the defaults below (the last day of the lunar year plus the first
 * four of the new one; the adjacent day that bridges to a weekend) are what the
 * notices most often chose, and the administrator corrects them with exceptions.
 */
#include "config.h"

#include "mc-holidays.h"
#include "mc-lunar.h"

static void
add (GArray *days, McDate date, const char *name, gboolean culture)
{
  McHoliday h = { date, g_strdup (name), culture };

  g_array_append_val (days, h);
}

static void
add_lunar_new_year (GArray *days, int year)
{
  static const char *const numbers[] = { "mùng 1", "mùng 2", "mùng 3", "mùng 4" };
  McLunarDate first = { year, 1, 1, FALSE };
  McDate tet = mc_lunar_to_solar (&first);
  McLunarDate eve;
  int n_days = year >= 2013 ? 5 : 4;
  g_autofree char *eve_name = NULL;

  if (tet == MC_DATE_INVALID || !mc_lunar_from_solar (tet - 1, &eve))
    return;
  eve_name = g_strdup_printf ("Tết Nguyên đán (%d tháng Chạp)", eve.day);
  add (days, tet - 1, eve_name, FALSE);
  for (int i = 0; i < n_days - 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tết Nguyên đán (%s)", numbers[i]);
      add (days, tet + i, name, FALSE);
    }
}

/* The second day of Quốc khánh: the neighbour that joins 2/9 to a weekend
 * (3/9 when 2/9 is a Monday or Thursday, 1/9 otherwise) — 2021 to 2026 agree. */
static McDate
national_day_neighbour (int year)
{
  McDate d = mc_date_from_ymd (year, 9, 2);
  int w = mc_date_weekday (d);

  return (w == 1 || w == 4) ? d + 1 : d - 1;
}

static int
compare_dates (gconstpointer a, gconstpointer b)
{
  const McHoliday *x = a, *y = b;

  return (x->date > y->date) - (x->date < y->date);
}

GArray *
mc_holidays_statutory (int year)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (McHoliday));

  add (days, mc_date_from_ymd (year, 1, 1), "Tết Dương lịch", FALSE);
  if (year >= MC_LUNAR_MIN_YEAR + 1 && year <= MC_LUNAR_MAX_YEAR)
    {
      add_lunar_new_year (days, year);
      if (year >= 2007)
        {
          McLunarDate hung = { year, 3, 10, FALSE };
          McDate d = mc_lunar_to_solar (&hung);
          if (d != MC_DATE_INVALID)
            add (days, d, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", FALSE);
        }
    }
  add (days, mc_date_from_ymd (year, 4, 30), "Ngày Chiến thắng (30/4)", FALSE);
  add (days, mc_date_from_ymd (year, 5, 1), "Ngày Quốc tế Lao động (1/5)", FALSE);
  add (days, mc_date_from_ymd (year, 9, 2), "Quốc khánh (2/9)", FALSE);
  if (year >= 2021)
    add (days, national_day_neighbour (year), "Quốc khánh (ngày liền kề)", FALSE);
  if (year >= 2026)
    add (days, mc_date_from_ymd (year, 11, 24), "Ngày Văn hóa Việt Nam (24/11)", TRUE);
  g_array_sort (days, compare_dates);
  return days;
}

void
mc_holidays_array_clear (GArray *days)
{
  for (guint i = 0; i < days->len; i++)
    g_free (g_array_index (days, McHoliday, i).name);
  g_array_set_size (days, 0);
}
