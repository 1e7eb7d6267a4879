/* bench-calendar.c — 1,000,000 due-date computations, and the table build
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; it asserts nothing about time (targets live here and in
 * docs/PERFORMANCE.md, never in unit tests).
 */
#include "config.h"

#include <stdio.h>

#include "mc-calendar.h"
#include "mc-lunar.h"

#define N 1000000

int
main (void)
{
  g_autoptr(McCalendar) cal = mc_calendar_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  McTime *from = g_new (McTime, N);
  double *days = g_new (double, N);
  McTime due, checksum = 0;
  gint64 t0, t1, t2, t3;
  McDate first = mc_date_from_ymd (2015, 1, 1);

  for (int i = 0; i < N; i++)
    {
      from[i] = mc_time_from_local (first + g_rand_int_range (rand, 0, 15 * 365),
                                    g_rand_int_range (rand, 6 * 60, 18 * 60));
      days[i] = g_rand_int_range (rand, 1, 81) / 2.0;  /* 0.5 … 40 working days */
    }
  t0 = g_get_monotonic_time ();
  mc_calendar_is_working_day (cal, first);  /* builds 1950–2150, lunar holidays included */
  t1 = g_get_monotonic_time ();
  for (int i = 0; i < N; i++)
    {
      mc_calendar_add_working_days (cal, from[i], days[i], &due, NULL);
      checksum += due;
    }
  t2 = g_get_monotonic_time ();
  for (int i = 0; i < N; i++)
    checksum += mc_calendar_working_minutes_between (cal, from[i], from[i] + 86400 * 30, NULL, 0);
  t3 = g_get_monotonic_time ();
  printf ("calendar table build (1950–2150, with lunar holidays): %.1f ms\n", (t1 - t0) / 1000.0);
  printf ("add_working_days x %d: %.1f ms (%.0f ns each)\n", N, (t2 - t1) / 1000.0, (t2 - t1) * 1000.0 / N);
  printf ("working_minutes_between x %d: %.1f ms (%.0f ns each)\n", N, (t3 - t2) / 1000.0, (t3 - t2) * 1000.0 / N);
  printf ("checksum %" G_GINT64_FORMAT "\n", checksum);
  g_free (from);
  g_free (days);
  return 0;
}
