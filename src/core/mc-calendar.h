/* mc-calendar.h — working days and working time: the one clock every deadline uses
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-time.h"

G_BEGIN_DECLS

#define MC_TYPE_CALENDAR (mc_calendar_get_type ())
G_DECLARE_FINAL_TYPE (McCalendar, mc_calendar, MC, CALENDAR, GObject)

#define MC_CALENDAR_ERROR (mc_calendar_error_quark ())
GQuark mc_calendar_error_quark (void);

typedef enum {
  MC_CALENDAR_ERROR_OUT_OF_RANGE,
  MC_CALENDAR_ERROR_INVALID,
} McCalendarError;

/* What a day is. Ordered so that the kinds an administrator enters come last. */
typedef enum {
  MC_DAY_WORKING,       /* ngày làm việc */
  MC_DAY_WEEKEND,       /* ngày nghỉ hằng tuần */
  MC_DAY_HOLIDAY,       /* ngày lễ, tết (statutory or announced) */
  MC_DAY_COMPENSATORY,  /* nghỉ bù */
  MC_DAY_SWAPPED_WORK,  /* làm bù: a weekend day worked */
} McDayKind;

/* Kinds of the exceptions an administrator enters (table calendar_day). */
typedef enum {
  MC_EXCEPTION_HOLIDAY,       /* an extra day off: Tết days announced, a swapped-away weekday */
  MC_EXCEPTION_COMPENSATORY,  /* a compensatory day off */
  MC_EXCEPTION_WORKDAY,       /* a day worked that would not be (a Saturday, or a generated day off cancelled) */
} McExceptionKind;

/* Early / on time / late, at half-day-session granularity. */
typedef enum {
  MC_TIMELINESS_EARLY,    /* trước hạn */
  MC_TIMELINESS_ON_TIME,  /* đúng hạn */
  MC_TIMELINESS_LATE,     /* quá hạn */
} McTimeliness;

#define MC_CALENDAR_FIRST_YEAR 1950
#define MC_CALENDAR_LAST_YEAR 2150
#define MC_OFFICE_MAX_INTERVALS 3

/* Office hours of one weekday, minutes since midnight, [start, end) sorted. */
typedef struct {
  int n_intervals;
  int start[MC_OFFICE_MAX_INTERVALS];
  int end[MC_OFFICE_MAX_INTERVALS];
} McOfficeHours;

/* A pause of the clock (waiting for the citizen), [start, end). */
typedef struct {
  McTime start;
  McTime end;
} McPause;

McCalendar   *mc_calendar_new                    (void);
/* Batch changes: ::changed is emitted once, at the last thaw. */
void          mc_calendar_freeze                 (McCalendar *self);
void          mc_calendar_thaw                   (McCalendar *self);

/* Configuration (each emits ::changed) */
void          mc_calendar_set_office_hours       (McCalendar *self, int weekday, const McOfficeHours *hours);
void          mc_calendar_get_office_hours       (McCalendar *self, int weekday, McOfficeHours *hours);
gboolean      mc_office_hours_parse              (const char *text, McOfficeHours *hours, GError **error);
char         *mc_office_hours_to_string          (const McOfficeHours *hours);
void          mc_calendar_set_weekly_rest        (McCalendar *self, int weekday, gboolean rest);
gboolean      mc_calendar_get_weekly_rest        (McCalendar *self, int weekday);
void          mc_calendar_set_compensate_culture_day (McCalendar *self, gboolean compensate);
void          mc_calendar_clear_exceptions       (McCalendar *self);
/* A year whose days off were announced in full (the yearly notice entered as
 * exceptions): its statutory days are then not generated, so a notice that
 * moves a Tết day or a compensatory day is followed exactly. */
void          mc_calendar_set_year_announced     (McCalendar *self, int year, gboolean announced);
gboolean      mc_calendar_get_year_announced     (McCalendar *self, int year);
void          mc_calendar_add_exception          (McCalendar *self, McDate date, McExceptionKind kind, const char *name);

/* Days */
McDayKind     mc_calendar_get_day_kind           (McCalendar *self, McDate date);
const char   *mc_calendar_get_day_name           (McCalendar *self, McDate date);
gboolean      mc_calendar_is_working_day         (McCalendar *self, McDate date);
gboolean      mc_calendar_day_is_exception       (McCalendar *self, McDate date);
GPtrArray    *mc_calendar_list_days_off          (McCalendar *self, int year);  /* McCalendarDay* */
int           mc_calendar_day_minutes            (McCalendar *self, McDate date);
int           mc_calendar_standard_day_minutes   (McCalendar *self);

/* Working time */
gboolean      mc_calendar_add_working_days       (McCalendar *self, McTime from, double days, McTime *out, GError **error);
gboolean      mc_calendar_add_working_minutes    (McCalendar *self, McTime from, gint64 minutes, McTime *out, GError **error);
gint64        mc_calendar_working_minutes_between(McCalendar *self, McTime from, McTime to,
                                                  const McPause *pauses, guint n_pauses);
McTimeliness  mc_calendar_classify               (McCalendar *self, McTime finished, McTime due);

typedef struct {
  McDate     date;
  McDayKind  kind;
  char      *name;
  gboolean   exception;  /* entered by an administrator */
} McCalendarDay;

void          mc_calendar_day_free               (McCalendarDay *day);
const char   *mc_day_kind_to_string              (McDayKind kind);       /* "holiday", … for the CLI */
const char   *mc_exception_kind_to_string        (McExceptionKind kind);
gboolean      mc_exception_kind_from_string      (const char *text, McExceptionKind *kind);

G_END_DECLS
