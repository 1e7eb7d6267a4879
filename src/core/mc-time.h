/* mc-time.h — civil dates and instants in Vietnam time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every instant is stored as seconds since the Unix epoch (UTC), an McTime.
 * Vietnam is UTC+7 all year (no daylight saving since 1975), so local civil time
 * is a fixed offset: we never consult TZ, which keeps deadlines identical on a
 * misconfigured kiosk PC and in CI.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 McTime;  /* seconds since 1970-01-01 00:00 UTC */
typedef gint32 McDate;  /* days since 1970-01-01 (local civil date) */

#define MC_TIME_UTC_OFFSET (7 * 3600)
#define MC_DATE_INVALID G_MININT32

McDate   mc_date_from_ymd        (int year, int month, int day);
void     mc_date_to_ymd          (McDate date, int *year, int *month, int *day);
gboolean mc_date_is_valid_ymd    (int year, int month, int day);
int      mc_date_days_in_month   (int year, int month);
/* 1 = Monday … 7 = Sunday (ISO 8601) */
int      mc_date_weekday         (McDate date);
char    *mc_date_to_iso          (McDate date);
gboolean mc_date_parse_iso       (const char *text, McDate *out);

McTime   mc_time_from_local      (McDate date, int minute_of_day);
McDate   mc_time_get_date        (McTime t);
int      mc_time_get_minute      (McTime t);  /* minutes since local midnight */
char    *mc_time_to_iso          (McTime t);  /* "YYYY-MM-DD HH:MM" local */
gboolean mc_time_parse_iso       (const char *text, McTime *out);
McTime   mc_time_now             (void);

/* A date as people write it: d/m/yyyy or dd/mm/yyyy ('-' or '.' also
 * separate), d/m/yy, ddmmyyyy (as on the CCCD), or yyyy-mm-dd. A two-digit
 * year is the latest year ending in those digits that is not after
 * `latest_year` (a birth date: this year; a deadline: some years ahead). */
gboolean mc_date_parse_typed     (const char *text, int latest_year, McDate *out);
/* The same date with a time, either order: "05/12/2026 10:30", "10h30
 * 5/12/26", "10:30, 05/12/2026". The time is required. */
gboolean mc_time_parse_typed     (const char *text, int latest_year, McTime *out);
/* "05/12/2026" and "05/12/2026 10:30": what the two parsers read back. */
char    *mc_date_to_typed        (McDate date);
char    *mc_time_to_typed        (McTime t);

G_END_DECLS
