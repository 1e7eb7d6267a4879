/* test-calendar.c — working days, working time and the statutory holidays
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-calendar-store.h"
#include "mc-calendar.h"
#include "mc-test-utils.h"

/* Default calendar: Monday–Friday 07:00–11:30, 13:30–17:00, statutory holidays. */
static const struct {
  const char *from;
  double      days;
  const char *due;
  const char *why;
} due_cases[] = {
  { "2024-04-26 10:00", 3, "2024-05-03 10:00", "30/4 and 1/5 skipped (DESIGN.md example)" },
  { "2024-03-15 16:00", 1, "2024-03-18 16:00", "Friday afternoon to Monday afternoon" },
  { "2024-03-15 18:00", 1, "2024-03-19 07:00", "after hours counts from the next opening" },
  { "2024-03-16 09:00", 1, "2024-03-19 07:00", "received on a Saturday" },
  { "2024-03-14 06:30", 1, "2024-03-15 07:00", "before opening" },
  { "2024-03-14 12:00", 1, "2024-03-15 11:30", "lunch break keeps the morning" },
  { "2024-03-14 08:00", 0.5, "2024-03-14 14:00", "half a day across lunch" },
  { "2024-03-14 15:00", 0.5, "2024-03-15 09:00", "half a day across the night" },
  { "2024-03-14 10:00", 0, "2024-03-14 10:00", "zero days" },
  { "2024-02-08 10:00", 1, "2024-02-16 10:00", "Tết Giáp Thìn and its compensatory days" },
  { "2025-08-29 10:00", 1, "2025-09-03 10:00", "Quốc khánh 2025: 1/9 and 2/9" },
  { "2026-04-24 09:00", 2, "2026-04-29 09:00", "Giỗ Tổ 2026 on a Sunday, made up on Monday 27/4" },
  { "2026-11-23 10:00", 1, "2026-11-25 10:00", "Ngày Văn hóa Việt Nam 24/11/2026" },
  { "2025-11-21 10:00", 1, "2025-11-24 10:00", "24/11 is not a holiday before 2026" },
  { "2023-08-31 10:00", 1, "2023-09-05 10:00", "2/9/2023 on a Saturday, made up on Monday 4/9" },
  { "2024-12-31 16:59", 1, "2025-01-02 16:59", "New Year" },
  { "2024-03-11 07:00", 5, "2024-03-18 07:00", "a working week" },
  { "2024-03-11 10:00", 20, "2024-04-08 10:00", "four weeks" },
};

static void
test_add_working_days (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;
      McTime due;

      g_test_message ("%s + %g: %s", due_cases[i].from, due_cases[i].days, due_cases[i].why);
      g_assert_true (mc_calendar_add_working_days (cal, mc_test_time (due_cases[i].from), due_cases[i].days,
                                                   &due, &error));
      g_assert_no_error (error);
      got = mc_time_to_iso (due);
      g_assert_cmpstr (got, ==, due_cases[i].due);
    }
}

static void
test_add_working_hours (void)
{
  static const struct { const char *from; int minutes; const char *due; } cases[] = {
    { "2024-03-14 10:00", 240, "2024-03-14 16:00" },
    { "2024-03-14 13:30", 210, "2024-03-14 17:00" },  /* ends the day, not 07:00 next day */
    { "2024-03-14 16:00", 120, "2024-03-15 08:00" },
    { "2024-03-15 16:00", 120, "2024-03-18 08:00" },  /* over a weekend */
    { "2024-03-16 10:00", 30, "2024-03-18 07:30" },   /* from a Saturday */
  };
  g_autoptr(McCalendar) cal = mc_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = NULL;
      McTime due;

      g_assert_true (mc_calendar_add_working_minutes (cal, mc_test_time (cases[i].from), cases[i].minutes,
                                                      &due, NULL));
      got = mc_time_to_iso (due);
      g_assert_cmpstr (got, ==, cases[i].due);
    }
}

/* Adding N days then counting the working time back gives N standard days,
 * for instants all over the office hours of 2020–2030. */
static void
test_days_and_minutes_agree (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (int i = 0; i < 20000; i++)
    {
      McDate day = mc_date_from_ymd (2020, 1, 1) + g_rand_int_range (rand, 0, 3650);
      int minute = 7 * 60 + 1 + g_rand_int_range (rand, 0, 269);  /* inside the morning */
      int days = g_rand_int_range (rand, 1, 40);
      McTime from = mc_time_from_local (day, minute), due;

      if (!mc_calendar_is_working_day (cal, day))
        continue;
      g_assert_true (mc_calendar_add_working_days (cal, from, days, &due, NULL));
      g_assert_cmpint (mc_calendar_working_minutes_between (cal, from, due, NULL, 0), ==, days * 480);
      g_assert_true (mc_calendar_is_working_day (cal, mc_time_get_date (due)));
      g_assert_cmpint (mc_time_get_minute (due), ==, minute);
    }
}

static void
test_pauses (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  McTime from = mc_test_time ("2024-03-11 07:00"), to = mc_test_time ("2024-03-13 07:00");
  McPause pause = { mc_test_time ("2024-03-11 13:30"), mc_test_time ("2024-03-12 13:30") };
  McPause outside = { mc_test_time ("2024-03-16 08:00"), mc_test_time ("2024-03-17 08:00") };

  g_assert_cmpint (mc_calendar_working_minutes_between (cal, from, to, NULL, 0), ==, 960);
  g_assert_cmpint (mc_calendar_working_minutes_between (cal, from, to, &pause, 1), ==, 480);
  g_assert_cmpint (mc_calendar_working_minutes_between (cal, from, to, &outside, 1), ==, 960);
  g_assert_cmpint (mc_calendar_working_minutes_between (cal, to, from, NULL, 0), ==, 0);
}

static void
test_classify (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  McTime due = mc_test_time ("2024-03-15 10:00");
  McTime afternoon_due = mc_test_time ("2024-03-15 15:00");

  g_assert_cmpint (mc_calendar_classify (cal, mc_test_time ("2024-03-14 16:00"), due), ==, MC_TIMELINESS_EARLY);
  g_assert_cmpint (mc_calendar_classify (cal, mc_test_time ("2024-03-15 06:59"), due), ==, MC_TIMELINESS_EARLY);
  g_assert_cmpint (mc_calendar_classify (cal, mc_test_time ("2024-03-15 07:00"), due), ==, MC_TIMELINESS_ON_TIME);
  g_assert_cmpint (mc_calendar_classify (cal, due, due), ==, MC_TIMELINESS_ON_TIME);
  g_assert_cmpint (mc_calendar_classify (cal, due + 60, due), ==, MC_TIMELINESS_LATE);
  g_assert_cmpint (mc_calendar_classify (cal, mc_test_time ("2024-03-15 11:00"), afternoon_due), ==,
                   MC_TIMELINESS_EARLY);
  g_assert_cmpint (mc_calendar_classify (cal, mc_test_time ("2024-03-15 13:30"), afternoon_due), ==,
                   MC_TIMELINESS_ON_TIME);
}

static void
assert_day (McCalendar *cal, const char *iso, McDayKind kind, const char *name)
{
  McDate d = mc_test_date (iso);

  g_assert_cmpint (mc_calendar_get_day_kind (cal, d), ==, kind);
  if (name)
    g_assert_cmpstr (mc_calendar_get_day_name (cal, d), ==, name);
}

static void
test_statutory_holidays (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  g_autoptr(GPtrArray) days = NULL;

  assert_day (cal, "2026-01-01", MC_DAY_HOLIDAY, "Tết Dương lịch");
  assert_day (cal, "2026-02-16", MC_DAY_HOLIDAY, "Tết Nguyên đán (29 tháng Chạp)");
  assert_day (cal, "2026-02-17", MC_DAY_HOLIDAY, "Tết Nguyên đán (mùng 1)");
  assert_day (cal, "2026-02-20", MC_DAY_HOLIDAY, "Tết Nguyên đán (mùng 4)");
  assert_day (cal, "2026-02-23", MC_DAY_WORKING, NULL);
  assert_day (cal, "2026-04-26", MC_DAY_HOLIDAY, "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  assert_day (cal, "2026-04-27", MC_DAY_COMPENSATORY, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  assert_day (cal, "2026-09-01", MC_DAY_HOLIDAY, "Quốc khánh (ngày liền kề)");
  assert_day (cal, "2026-11-24", MC_DAY_HOLIDAY, "Ngày Văn hóa Việt Nam (24/11)");
  assert_day (cal, "2025-11-24", MC_DAY_WORKING, NULL);
  assert_day (cal, "2024-09-03", MC_DAY_HOLIDAY, "Quốc khánh (ngày liền kề)");
  assert_day (cal, "2020-09-03", MC_DAY_WORKING, NULL);  /* one day of Quốc khánh before 2021 */
  assert_day (cal, "2006-04-07", MC_DAY_WORKING, NULL);  /* Giỗ Tổ a holiday only from 2007 */
  assert_day (cal, "2023-09-04", MC_DAY_COMPENSATORY, "Nghỉ bù Quốc khánh (2/9)");
  assert_day (cal, "2024-03-16", MC_DAY_WEEKEND, NULL);
  /* 24/11/2029 is a Saturday: made up on Monday 26/11, unless the setting says not. */
  assert_day (cal, "2029-11-26", MC_DAY_COMPENSATORY, NULL);
  mc_calendar_set_compensate_culture_day (cal, FALSE);
  assert_day (cal, "2029-11-26", MC_DAY_WORKING, NULL);
  days = mc_calendar_list_days_off (cal, 2026);
  g_assert_cmpuint (days->len, ==, 13);
}

static void
test_exceptions (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  McTime due;
  g_autofree char *got = NULL;
  int changes = 0;

  g_signal_connect_swapped (cal, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  /* 2024: Monday 29/4 off, worked on Saturday 4/5 (Công văn 2450/VPCP-KGVX). */
  mc_calendar_add_exception (cal, mc_test_date ("2024-04-29"), MC_EXCEPTION_HOLIDAY, "Nghỉ hoán đổi");
  mc_calendar_add_exception (cal, mc_test_date ("2024-05-04"), MC_EXCEPTION_WORKDAY, "Làm bù");
  g_assert_cmpint (changes, ==, 2);
  assert_day (cal, "2024-05-04", MC_DAY_SWAPPED_WORK, "Làm bù");
  g_assert_true (mc_calendar_add_working_days (cal, mc_test_time ("2024-04-26 10:00"), 3, &due, NULL));
  got = mc_time_to_iso (due);
  g_assert_cmpstr (got, ==, "2024-05-04 10:00");
  /* A generated day off cancelled by the administrator. */
  mc_calendar_add_exception (cal, mc_test_date ("2026-09-01"), MC_EXCEPTION_WORKDAY, "Ngày làm việc");
  assert_day (cal, "2026-09-01", MC_DAY_WORKING, "Ngày làm việc");
  /* An announced year: only the administrator's days count. */
  mc_calendar_set_year_announced (cal, 2026, TRUE);
  assert_day (cal, "2026-02-17", MC_DAY_WORKING, NULL);
  assert_day (cal, "2026-02-16", MC_DAY_WORKING, NULL);
}

static void
test_office_hours (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *got = NULL;
  McOfficeHours h;
  McTime due;

  g_assert_true (mc_office_hours_parse ("07:30-11:30, 13:00-17:00", &h, &error));
  g_assert_cmpint (h.n_intervals, ==, 2);
  text = mc_office_hours_to_string (&h);
  g_assert_cmpstr (text, ==, "07:30-11:30,13:00-17:00");
  for (int w = 1; w <= 5; w++)
    mc_calendar_set_office_hours (cal, w, &h);
  g_assert_true (mc_calendar_add_working_minutes (cal, mc_test_time ("2024-03-14 11:00"), 60, &due, NULL));
  got = mc_time_to_iso (due);
  g_assert_cmpstr (got, ==, "2024-03-14 13:30");
  g_assert_false (mc_office_hours_parse ("13:00-11:00", &h, &error));
  g_assert_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_office_hours_parse ("08:00-12:00,11:00-17:00", &h, &error));
  g_clear_error (&error);
  g_assert_false (mc_office_hours_parse ("8h-12h", &h, &error));
  g_clear_error (&error);
  /* Saturday worked as a normal day. */
  mc_calendar_set_weekly_rest (cal, 6, FALSE);
  g_assert_true (mc_calendar_is_working_day (cal, mc_test_date ("2024-03-16")));
}

static void
test_out_of_range (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  g_autoptr(GError) error = NULL;
  McTime due;

  g_assert_false (mc_calendar_add_working_days (cal, mc_test_time ("2150-12-30 10:00"), 10, &due, &error));
  g_assert_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (mc_calendar_add_working_days (cal, mc_test_time ("2024-03-14 10:00"), -1, &due, &error));
  g_assert_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID);
}

/* A number of days larger than an int holds is beyond the calendar, not a
 * negative index into it (motcua calendar due --days 3000000000 crashed). */
static void
test_huge_days (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  static const double huge[] = { 3e9, 1e12, 1e300 };

  for (guint i = 0; i < G_N_ELEMENTS (huge); i++)
    {
      g_autoptr(GError) error = NULL;
      McTime due = 0;

      g_assert_false (mc_calendar_add_working_days (cal, mc_test_time ("2026-03-02 08:00"), huge[i], &due, &error));
      g_assert_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_OUT_OF_RANGE);
    }
}

static void
test_store (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCalendar) cal = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad = "date,kind,name\n2024-04-29,holiday,Nghỉ hoán đổi\n2024-05-04,lam_bu,Làm bù\n";
  const char *good = "\xEF\xBB\xBF" "date,kind,name\r\n2024-04-29,holiday,Nghỉ hoán đổi\r\n"
                     "2024-05-04,workday,\"Làm bù cho thứ Hai, 29/4\"\r\n";
  McOfficeHours h;
  guint n = 0;

  g_assert_false (mc_calendar_store_import_csv (db, bad, strlen (bad), FALSE, &n, &error));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM calendar_day", NULL), ==, 0);
  g_assert_true (mc_calendar_store_import_csv (db, good, strlen (good), FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (mc_office_hours_parse ("07:30-11:30,13:00-17:00", &h, NULL));
  g_assert_true (mc_calendar_store_set_office_hours (db, 5, &h, &error));
  g_assert_false (mc_calendar_store_set_exception (db, mc_test_date ("2024-01-02"), MC_EXCEPTION_HOLIDAY,
                                                   "   ", &error));
  g_clear_error (&error);
  cal = mc_calendar_store_load (db, &error);
  g_assert_no_error (error);
  assert_day (cal, "2024-05-04", MC_DAY_SWAPPED_WORK, "Làm bù cho thứ Hai, 29/4");
  assert_day (cal, "2024-04-29", MC_DAY_HOLIDAY, "Nghỉ hoán đổi");
  assert_day (cal, "2024-01-02", MC_DAY_WORKING, NULL);
  mc_calendar_get_office_hours (cal, 5, &h);
  g_assert_cmpint (h.start[0], ==, 7 * 60 + 30);
  g_assert_true (mc_calendar_store_remove_exception (db, mc_test_date ("2024-04-29"), &error));
  g_assert_true (mc_calendar_store_reload (db, cal, &error));
  assert_day (cal, "2024-04-29", MC_DAY_WORKING, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/add-working-hours", test_add_working_hours);
  g_test_add_func ("/calendar/days-and-minutes-agree", test_days_and_minutes_agree);
  g_test_add_func ("/calendar/pauses", test_pauses);
  g_test_add_func ("/calendar/classify", test_classify);
  g_test_add_func ("/calendar/statutory-holidays", test_statutory_holidays);
  g_test_add_func ("/calendar/exceptions", test_exceptions);
  g_test_add_func ("/calendar/office-hours", test_office_hours);
  g_test_add_func ("/calendar/out-of-range", test_out_of_range);
  g_test_add_func ("/calendar/huge-days", test_huge_days);
  g_test_add_func ("/calendar/store", test_store);
  return g_test_run ();
}
