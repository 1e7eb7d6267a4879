/* mc-lunar.c — the Vietnamese lunisolar calendar (âm lịch), computed at UTC+7
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written from the astronomy in Jean Meeus, "Astronomical Algorithms" (2nd ed.):
 * true new moons from chapter 49 (with the periodic and planetary terms), the
 * apparent solar longitude from chapter 25 (low accuracy, ~0.01°), ΔT from the
 * Espenak–Meeus polynomials (NASA eclipse web site). The calendar rules are the
 * traditional ones:
 *   - a month begins on the local day that contains the new moon;
 *   - month 11 is the month that contains the winter solstice;
 *   - when 13 new moons begin between two months 11, the first month after
 *     month 11 that contains no principal solar term (trung khí) is the leap month.
 * Vietnam has computed at UTC+7 since 1967/1975, which is why its Tết differs
 * from China's (UTC+8) in 1985, 2007, 2030 …; the offset is a parameter so the
 * tests can show both.
 */
#include "config.h"

#include <math.h>

#include "mc-lunar.h"

#define SYNODIC_MONTH 29.530588861
/* JD of the Unix epoch day (1970-01-01 at noon is JDN 2440588). */
#define JDN_EPOCH 2440588

static int utc_offset_hours = 7;

/* Cache of the first day of month 11 per Gregorian year. */
#define CACHE_FIRST 1899
#define CACHE_LAST 2200
static McDate month11_cache[CACHE_LAST - CACHE_FIRST + 1];
static gboolean month11_cached[CACHE_LAST - CACHE_FIRST + 1];
G_LOCK_DEFINE_STATIC (cache);

static double
rad (double degrees)
{
  return degrees * G_PI / 180.0;
}

static double
normalize_degrees (double a)
{
  a = fmod (a, 360.0);
  return a < 0 ? a + 360.0 : a;
}

/* ΔT = TT − UT in seconds, Espenak & Meeus (2006) polynomial expressions. */
static double
delta_t_seconds (double year)
{
  double t, u;

  if (year >= 2005 && year < 2050)
    {
      t = year - 2000;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
  if (year >= 1986 && year < 2005)
    {
      t = year - 2000;
      return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow (t, 3) +
             0.000651814 * pow (t, 4) + 0.00002373599 * pow (t, 5);
    }
  if (year >= 1961 && year < 1986)
    {
      t = year - 1975;
      return 45.45 + 1.067 * t - t * t / 260 - pow (t, 3) / 718;
    }
  if (year >= 1941 && year < 1961)
    {
      t = year - 1950;
      return 29.07 + 0.407 * t - t * t / 233 + pow (t, 3) / 2547;
    }
  if (year >= 1920 && year < 1941)
    {
      t = year - 1920;
      return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow (t, 3);
    }
  if (year >= 1900 && year < 1920)
    {
      t = year - 1900;
      return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow (t, 3) -
             0.000197 * pow (t, 4);
    }
  if (year >= 2050 && year < 2150)
    return -20 + 32 * pow ((year - 1820) / 100, 2) - 0.5628 * (2150 - year);
  u = (year - 1820) / 100;
  return -20 + 32 * u * u;
}

/* The periodic terms of the true new moon (Meeus table 49.A, new moon column). */
static double
new_moon_periodic_terms (double m, double mp, double f, double om, double e)
{
  return -0.40720 * sin (mp) + 0.17241 * e * sin (m) + 0.01608 * sin (2 * mp) +
         0.01039 * sin (2 * f) + 0.00739 * e * sin (mp - m) - 0.00514 * e * sin (mp + m) +
         0.00208 * e * e * sin (2 * m) - 0.00111 * sin (mp - 2 * f) -
         0.00057 * sin (mp + 2 * f) + 0.00056 * e * sin (2 * mp + m) - 0.00042 * sin (3 * mp) +
         0.00042 * e * sin (m + 2 * f) + 0.00038 * e * sin (m - 2 * f) -
         0.00024 * e * sin (2 * mp - m) - 0.00017 * sin (om) - 0.00007 * sin (mp + 2 * m) +
         0.00004 * sin (2 * mp - 2 * f) + 0.00004 * sin (3 * m) +
         0.00003 * sin (mp + m - 2 * f) + 0.00003 * sin (2 * mp + 2 * f) -
         0.00003 * sin (mp + m + 2 * f) + 0.00003 * sin (mp - m + 2 * f) -
         0.00002 * sin (mp - m - 2 * f) - 0.00002 * sin (3 * mp + m) + 0.00002 * sin (4 * mp);
}

/* The additional corrections for all phases (Meeus ch. 49, A1 … A14). */
static double
planetary_terms (double k, double t)
{
  static const double coef[14] = { 0.000325, 0.000165, 0.000164, 0.000126, 0.000110,
                                   0.000062, 0.000060, 0.000056, 0.000047, 0.000042,
                                   0.000040, 0.000037, 0.000035, 0.000023 };
  static const double base[14] = { 299.77, 251.88, 251.83, 349.42, 84.66, 141.74, 207.14,
                                   154.84, 34.52, 207.19, 291.34, 161.72, 239.56, 331.55 };
  static const double rate[14] = { 0.107408, 0.016321, 26.651886, 36.412478, 18.206239,
                                   53.303771, 2.453732, 7.306860, 27.261239, 0.121824,
                                   1.844379, 24.198154, 25.513099, 3.592518 };
  double sum = 0;

  for (int i = 0; i < 14; i++)
    {
      double a = base[i] + rate[i] * k - (i == 0 ? 0.009173 * t * t : 0);
      sum += coef[i] * sin (rad (a));
    }
  return sum;
}

/* Julian Day (UT) of the true new moon number k (k = 0: 2000-01-06). */
double
mc_lunar_new_moon_jd (int k)
{
  double t = k / 1236.85;
  double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 +
               0.00000000073 * t4;
  double e = 1 - 0.002516 * t - 0.0000074 * t2;
  double m = rad (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
  double mp = rad (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 -
                   0.000000058 * t4);
  double f = rad (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 +
                  0.000000011 * t4);
  double om = rad (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
  double year = 2000 + k / 12.3685;

  jde += new_moon_periodic_terms (m, mp, f, om, e) + planetary_terms (k, t);
  return jde - delta_t_seconds (year) / 86400.0;
}

/* Apparent geocentric longitude of the Sun in degrees [0, 360), Meeus ch. 25. */
double
mc_lunar_sun_longitude (double jd_ut)
{
  double year = 2000 + (jd_ut - 2451545.0) / 365.25;
  double jde = jd_ut + delta_t_seconds (year) / 86400.0;
  double t = (jde - 2451545.0) / 36525.0;
  double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  double m = rad (357.52911 + 35999.05029 * t - 0.0001537 * t * t);
  double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin (m) +
             (0.019993 - 0.000101 * t) * sin (2 * m) + 0.000289 * sin (3 * m);
  double omega = rad (125.04 - 1934.136 * t);

  return normalize_degrees (l0 + c - 0.00569 - 0.00478 * sin (omega));
}

void
mc_lunar_set_utc_offset (int hours)
{
  G_LOCK (cache);
  utc_offset_hours = hours;
  for (guint i = 0; i < G_N_ELEMENTS (month11_cached); i++)
    month11_cached[i] = FALSE;
  G_UNLOCK (cache);
}

/* The local civil day on which new moon k falls. */
static McDate
new_moon_day (int k)
{
  double jd_local = mc_lunar_new_moon_jd (k) + utc_offset_hours / 24.0;

  return (McDate) floor (jd_local + 0.5) - JDN_EPOCH;
}

/* Sun longitude at the local midnight that begins day d. */
static double
sun_longitude_at_day_start (McDate d)
{
  double jd_ut = (double) d + JDN_EPOCH - 0.5 - utc_offset_hours / 24.0;

  return mc_lunar_sun_longitude (jd_ut);
}

/* The index k of the lunation whose month contains day d. */
static int
lunation_containing (McDate d)
{
  int k = (int) floor ((d + JDN_EPOCH - 2451550.09766) / SYNODIC_MONTH);

  while (new_moon_day (k + 1) <= d)
    k++;
  while (new_moon_day (k) > d)
    k--;
  return k;
}

/* Lunation index of month 11 (the month containing the December solstice) of
 * Gregorian year y. */
static int
month11_lunation (int year)
{
  McDate dec31 = mc_date_from_ymd (year, 12, 31);
  int k = lunation_containing (dec31);

  /* The solstice (270°) is crossed in the month where the longitude at the
   * start is below 270 and at the start of the next month is not. */
  while (sun_longitude_at_day_start (new_moon_day (k)) >= 270.0)
    k--;
  while (sun_longitude_at_day_start (new_moon_day (k + 1)) < 270.0)
    k++;
  return k;
}

static McDate
month11_start (int year)
{
  McDate d;

  if (year < CACHE_FIRST || year > CACHE_LAST)
    return new_moon_day (month11_lunation (year));
  G_LOCK (cache);
  if (!month11_cached[year - CACHE_FIRST])
    {
      month11_cache[year - CACHE_FIRST] = new_moon_day (month11_lunation (year));
      month11_cached[year - CACHE_FIRST] = TRUE;
    }
  d = month11_cache[year - CACHE_FIRST];
  G_UNLOCK (cache);
  return d;
}

static gboolean
has_principal_term (int k)
{
  int a = (int) floor (sun_longitude_at_day_start (new_moon_day (k)) / 30.0);
  int b = (int) floor (sun_longitude_at_day_start (new_moon_day (k + 1)) / 30.0);

  return a != b;
}

/* Offset (1 … 12) from month 11 of Gregorian year y of the leap month in the
 * lunar year span [month 11 of y, month 11 of y + 1), or 0 when there are 12 months. */
static int
leap_offset_after (int year)
{
  McDate a11 = month11_start (year);
  McDate b11 = month11_start (year + 1);
  int k11 = lunation_containing (a11);

  if ((int) lround ((b11 - a11) / SYNODIC_MONTH) < 13)
    return 0;
  for (int i = 1; i <= 12; i++)
    if (!has_principal_term (k11 + i))
      return i;
  return 0;
}

gboolean
mc_lunar_from_solar (McDate date, McLunarDate *out)
{
  int y, k, k11, offset, leap_off, month, base_year;
  McDate a11;

  g_return_val_if_fail (out != NULL, FALSE);
  mc_date_to_ymd (date, &y, NULL, NULL);
  if (y < MC_LUNAR_MIN_YEAR || y > MC_LUNAR_MAX_YEAR)
    return FALSE;
  base_year = month11_start (y) <= date ? y : y - 1;
  a11 = month11_start (base_year);
  k11 = lunation_containing (a11);
  k = lunation_containing (date);
  offset = k - k11;
  leap_off = leap_offset_after (base_year);
  out->leap = leap_off != 0 && offset == leap_off;
  if (leap_off != 0 && offset >= leap_off)
    offset--;
  month = (11 + offset - 1) % 12 + 1;
  out->month = month;
  out->year = month >= 11 && offset < 2 ? base_year : base_year + 1;
  out->day = date - new_moon_day (k) + 1;
  return TRUE;
}

McDate
mc_lunar_to_solar (const McLunarDate *lunar)
{
  int base_year, offset, leap_off, k;
  McDate start;

  g_return_val_if_fail (lunar != NULL, MC_DATE_INVALID);
  if (lunar->month < 1 || lunar->month > 12 || lunar->day < 1 || lunar->day > 30 ||
      lunar->year <= MC_LUNAR_MIN_YEAR || lunar->year > MC_LUNAR_MAX_YEAR)
    return MC_DATE_INVALID;
  base_year = lunar->month >= 11 ? lunar->year : lunar->year - 1;
  offset = lunar->month >= 11 ? lunar->month - 11 : lunar->month + 1;
  leap_off = leap_offset_after (base_year);
  if (lunar->leap)
    {
      if (leap_off == 0 || leap_off != offset + 1)
        return MC_DATE_INVALID;
      offset = leap_off;
    }
  else if (leap_off != 0 && offset >= leap_off)
    offset++;
  k = lunation_containing (month11_start (base_year)) + offset;
  start = new_moon_day (k);
  if (lunar->day > new_moon_day (k + 1) - start)
    return MC_DATE_INVALID;
  return start + lunar->day - 1;
}

int
mc_lunar_leap_month (int lunar_year)
{
  /* A leap month of lunar year Y sits in the span that starts at month 11 of
   * Y − 1 (months 1 … 10) or of Y (a leap 11 or 12, which is rare). */
  int off = leap_offset_after (lunar_year - 1);

  if (off >= 3)
    return (11 + off - 2) % 12 + 1;
  off = leap_offset_after (lunar_year);
  if (off == 1 || off == 2)
    return 10 + off;
  return 0;
}

int
mc_lunar_month_length (int lunar_year, int month, gboolean leap)
{
  McLunarDate first = { lunar_year, month, 1, leap };
  McDate start = mc_lunar_to_solar (&first);
  McLunarDate probe;

  if (start == MC_DATE_INVALID)
    return 0;
  mc_lunar_from_solar (start + 29, &probe);
  return probe.day == 30 ? 30 : 29;
}

char *
mc_lunar_format (const McLunarDate *lunar)
{
  return g_strdup_printf ("%d/%d/%d%s", lunar->day, lunar->month, lunar->year,
                          lunar->leap ? " (nhuận)" : "");
}

char *
mc_lunar_year_name (int lunar_year)
{
  static const char *const can[] = { "Canh", "Tân", "Nhâm", "Quý", "Giáp",
                                     "Ất", "Bính", "Đinh", "Mậu", "Kỷ" };
  static const char *const chi[] = { "Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu",
                                     "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi" };
  int y = lunar_year % 60;

  if (y < 0)
    y += 60;
  return g_strdup_printf ("%s %s", can[y % 10], chi[y % 12]);
}
