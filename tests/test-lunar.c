/* test-lunar.c — the Vietnamese lunar calendar against published tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "mc-lunar.h"
#include "mc-test-utils.h"

/* Tết and Giỗ Tổ 1990–2040 from the table in fixtures (sources named there). */
static void
test_tet_and_hung_kings (void)
{
  g_autoptr(GPtrArray) rows = mc_test_fixture_rows ("lunar-tet-giotohung-1990-2040.tsv");

  g_assert_cmpuint (rows->len, ==, 51);
  for (guint i = 0; i < rows->len; i++)
    {
      char **r = rows->pdata[i];
      int year = atoi (r[0]);
      McLunarDate tet = { year, 1, 1, FALSE }, hung = { year, 3, 10, FALSE }, back;
      g_autofree char *got_tet = mc_date_to_iso (mc_lunar_to_solar (&tet));
      g_autofree char *got_hung = mc_date_to_iso (mc_lunar_to_solar (&hung));

      g_assert_cmpstr (got_tet, ==, r[1]);
      g_assert_cmpstr (got_hung, ==, r[2]);
      g_assert_true (mc_lunar_from_solar (mc_test_date (r[1]), &back));
      g_assert_cmpint (back.year, ==, year);
      g_assert_cmpint (back.month, ==, 1);
      g_assert_cmpint (back.day, ==, 1);
      g_assert_false (back.leap);
      /* The day before Tết is the last day of the previous lunar year. */
      g_assert_true (mc_lunar_from_solar (mc_test_date (r[1]) - 1, &back));
      g_assert_cmpint (back.year, ==, year - 1);
      g_assert_cmpint (back.month, ==, 12);
    }
}

static void
test_leap_months (void)
{
  g_autoptr(GPtrArray) rows = mc_test_fixture_rows ("lunar-leap-months.tsv");
  int leap_years = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      char **r = rows->pdata[i];
      McLunarDate first = { atoi (r[0]), atoi (r[1]), 1, TRUE }, back;
      g_autofree char *got = mc_date_to_iso (mc_lunar_to_solar (&first));

      g_assert_cmpint (mc_lunar_leap_month (atoi (r[0])), ==, atoi (r[1]));
      g_assert_cmpstr (got, ==, r[2]);
      g_assert_true (mc_lunar_from_solar (mc_test_date (r[2]), &back));
      g_assert_true (back.leap);
      g_assert_cmpint (back.month, ==, atoi (r[1]));
    }
  /* Years absent from the table have no leap month. */
  for (int y = 1990; y <= 2040; y++)
    leap_years += mc_lunar_leap_month (y) != 0;
  g_assert_cmpint (leap_years, ==, (int) rows->len);
}

/* The years where the Vietnamese (UTC+7) and Chinese (UTC+8) new years differ. */
static void
test_vietnam_differs_from_china (void)
{
  static const struct { int year; const char *vn, *cn; } cases[] = {
    { 1985, "1985-01-21", "1985-02-20" },
    { 2007, "2007-02-17", "2007-02-18" },
    { 2030, "2030-02-02", "2030-02-03" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      McLunarDate tet = { cases[i].year, 1, 1, FALSE };
      g_autofree char *vn = NULL, *cn = NULL;

      mc_lunar_set_utc_offset (7);
      vn = mc_date_to_iso (mc_lunar_to_solar (&tet));
      mc_lunar_set_utc_offset (8);
      cn = mc_date_to_iso (mc_lunar_to_solar (&tet));
      mc_lunar_set_utc_offset (7);
      g_assert_cmpstr (vn, ==, cases[i].vn);
      g_assert_cmpstr (cn, ==, cases[i].cn);
    }
}

/* Every day of 1900–2150 converts to a lunar date and back to itself. */
static void
test_round_trip (void)
{
  McDate first = mc_date_from_ymd (1901, 3, 1), last = mc_date_from_ymd (2150, 12, 31);
  McLunarDate prev = { 0 };

  for (McDate d = first; d <= last; d++)
    {
      McLunarDate l;
      g_assert_true (mc_lunar_from_solar (d, &l));
      g_assert_cmpint (mc_lunar_to_solar (&l), ==, d);
      g_assert_cmpint (l.day, >=, 1);
      g_assert_cmpint (l.day, <=, 30);
      if (l.day != 1 && prev.day != 0)
        g_assert_cmpint (l.day, ==, prev.day + 1);
      prev = l;
    }
}

static void
test_format_and_invalid (void)
{
  McLunarDate l;
  McLunarDate no_leap = { 2024, 2, 1, TRUE };
  McLunarDate day30 = { 2024, 1, 30, FALSE };
  g_autofree char *text = NULL;
  g_autofree char *name = mc_lunar_year_name (2023);

  g_assert_true (mc_lunar_from_solar (mc_test_date ("2023-03-22"), &l));
  text = mc_lunar_format (&l);
  g_assert_cmpstr (text, ==, "1/2/2023 (nhuận)");
  g_assert_cmpstr (name, ==, "Quý Mão");
  g_assert_cmpint (mc_lunar_to_solar (&no_leap), ==, MC_DATE_INVALID);
  /* Tháng Giêng Giáp Thìn (2024) has 29 days. */
  g_assert_cmpint (mc_lunar_month_length (2024, 1, FALSE), ==, 29);
  g_assert_cmpint (mc_lunar_to_solar (&day30), ==, MC_DATE_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lunar/tet-and-hung-kings-1990-2040", test_tet_and_hung_kings);
  g_test_add_func ("/lunar/leap-months", test_leap_months);
  g_test_add_func ("/lunar/vietnam-differs-from-china", test_vietnam_differs_from_china);
  g_test_add_func ("/lunar/round-trip-1901-2150", test_round_trip);
  g_test_add_func ("/lunar/format-and-invalid", test_format_and_invalid);
  return g_test_run ();
}
