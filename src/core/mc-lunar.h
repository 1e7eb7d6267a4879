/* mc-lunar.h — the Vietnamese lunisolar calendar (âm lịch), computed at UTC+7
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-time.h"

G_BEGIN_DECLS

typedef struct {
  int      year;   /* lunar year (the Gregorian year in which its month 1 begins) */
  int      month;  /* 1 … 12 */
  int      day;    /* 1 … 30 */
  gboolean leap;   /* tháng nhuận */
} McLunarDate;

/* The range the astronomy tables are validated for. */
#define MC_LUNAR_MIN_YEAR 1900
#define MC_LUNAR_MAX_YEAR 2199

gboolean mc_lunar_from_solar       (McDate date, McLunarDate *out);
/* Returns MC_DATE_INVALID when the lunar date does not exist
 * (a 30th of a 29-day month, or a leap month the year does not have). */
McDate   mc_lunar_to_solar         (const McLunarDate *lunar);
/* 0 when the lunar year has no leap month. */
int      mc_lunar_leap_month       (int lunar_year);
int      mc_lunar_month_length     (int lunar_year, int month, gboolean leap);
/* "1/2/2023 (nhuận)" */
char    *mc_lunar_format           (const McLunarDate *lunar);
/* "Quý Mão" */
char    *mc_lunar_year_name        (int lunar_year);

/* Exposed for tests of the astronomy itself. */
double   mc_lunar_new_moon_jd      (int k);
double   mc_lunar_sun_longitude    (double jd_ut);
void     mc_lunar_set_utc_offset   (int hours);

G_END_DECLS
