/* mc-calendar.c — working days and working time: the one clock every deadline uses
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar turns the rules (weekly rest days, statutory holidays of Bộ luật
 * Lao động 2019 Điều 112 and their compensatory days, the administrator's
 * exceptions) into a table of days over 1950–2150, then into two prefix sums:
 * working days before each day and office minutes before each day. Every
 * question a deadline asks — add N working days, add H working hours, working
 * time between two instants — is then O(1) or a binary search, which is what
 * lets a report recompute a million due dates in a fraction of a second.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-calendar.h"
#include "mc-holidays.h"

struct _McCalendar
{
  GObject        parent_instance;

  McOfficeHours  hours[8];  /* index 1 (Monday) … 7 (Sunday) */
  gboolean       rest[8];
  gboolean       compensate_culture_day;
  GHashTable    *exceptions;  /* McDate → Exception* */
  GHashTable    *announced;   /* years (int) announced in full */
  int            frozen;
  gboolean       pending;

  /* Built lazily from the above; cleared on every change. */
  gboolean       built;
  McDate         first_day;
  int            n_days;
  guint8        *kinds;
  GHashTable    *names;          /* McDate → char*, for named days */
  gint32        *work_before;    /* working days strictly before day i */
  gint32        *work_days;      /* day index of the k-th working day */
  int            n_work_days;
  gint64        *minutes_before; /* office minutes strictly before day i */
  gint32        *day_minutes;
};

typedef struct {
  McExceptionKind kind;
  char           *name;
} Exception;

G_DEFINE_FINAL_TYPE (McCalendar, mc_calendar, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-calendar-error-quark, mc_calendar_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
exception_free (gpointer data)
{
  Exception *e = data;

  g_free (e->name);
  g_free (e);
}

static void
invalidate (McCalendar *self)
{
  self->built = FALSE;
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->work_before, g_free);
  g_clear_pointer (&self->work_days, g_free);
  g_clear_pointer (&self->minutes_before, g_free);
  g_clear_pointer (&self->day_minutes, g_free);
}

static void
changed (McCalendar *self)
{
  invalidate (self);
  if (self->frozen > 0)
    {
      self->pending = TRUE;
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mc_calendar_freeze (McCalendar *self)
{
  g_return_if_fail (MC_IS_CALENDAR (self));

  self->frozen++;
}

void
mc_calendar_thaw (McCalendar *self)
{
  g_return_if_fail (MC_IS_CALENDAR (self));
  g_return_if_fail (self->frozen > 0);

  if (--self->frozen == 0 && self->pending)
    {
      self->pending = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static int
hours_total (const McOfficeHours *h)
{
  int total = 0;

  for (int i = 0; i < h->n_intervals; i++)
    total += h->end[i] - h->start[i];
  return total;
}

/* The hours that apply on a date: a weekend day that is worked (làm bù)
 * keeps its own hours if it has any, otherwise Monday's. */
static const McOfficeHours *
hours_for (McCalendar *self, McDate date)
{
  const McOfficeHours *h = &self->hours[mc_date_weekday (date)];

  return h->n_intervals > 0 ? h : &self->hours[1];
}

static void
set_named (McCalendar *self, McDate date, McDayKind kind, const char *name)
{
  int i = date - self->first_day;

  if (i < 0 || i >= self->n_days)
    return;
  self->kinds[i] = kind;
  if (name != NULL)
    g_hash_table_replace (self->names, GINT_TO_POINTER (date), g_strdup (name));
}

static gboolean
is_rest_by_default (McCalendar *self, McDate date)
{
  return self->rest[mc_date_weekday (date)];
}

/* Statutory days of one year, then a compensatory day for each that falls on a
 * weekly rest day (Bộ luật Lao động 2019 Điều 111 khoản 3). */
static void
build_year (McCalendar *self, int year)
{
  g_autoptr(GArray) days = mc_holidays_statutory (year);

  for (guint i = 0; i < days->len; i++)
    {
      McHoliday *h = &g_array_index (days, McHoliday, i);
      set_named (self, h->date, MC_DAY_HOLIDAY, h->name);
    }
  for (guint i = 0; i < days->len; i++)
    {
      McHoliday *h = &g_array_index (days, McHoliday, i);
      McDate d;
      g_autofree char *name = NULL;

      if (!is_rest_by_default (self, h->date))
        continue;
      if (h->culture_day && !self->compensate_culture_day)
        continue;
      for (d = h->date + 1; d - self->first_day < self->n_days; d++)
        if (self->kinds[d - self->first_day] == MC_DAY_WORKING)
          break;
      name = g_strdup_printf ("Nghỉ bù %s", h->name);
      set_named (self, d, MC_DAY_COMPENSATORY, name);
    }
  mc_holidays_array_clear (days);
}

static void
apply_exceptions (McCalendar *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      McDate date = GPOINTER_TO_INT (key);
      Exception *e = value;
      McDayKind kind;

      if (e->kind == MC_EXCEPTION_HOLIDAY)
        kind = MC_DAY_HOLIDAY;
      else if (e->kind == MC_EXCEPTION_COMPENSATORY)
        kind = MC_DAY_COMPENSATORY;
      else
        kind = is_rest_by_default (self, date) ? MC_DAY_SWAPPED_WORK : MC_DAY_WORKING;
      set_named (self, date, kind, e->name);
    }
}

static void
build_prefix_sums (McCalendar *self)
{
  gint64 minutes = 0;
  int work = 0;

  self->work_before = g_new (gint32, self->n_days + 1);
  self->minutes_before = g_new (gint64, self->n_days + 1);
  self->day_minutes = g_new (gint32, self->n_days);
  self->work_days = g_new (gint32, self->n_days);
  for (int i = 0; i < self->n_days; i++)
    {
      gboolean working = self->kinds[i] == MC_DAY_WORKING || self->kinds[i] == MC_DAY_SWAPPED_WORK;
      int m = working ? hours_total (hours_for (self, self->first_day + i)) : 0;

      self->work_before[i] = work;
      self->minutes_before[i] = minutes;
      self->day_minutes[i] = m;
      if (m > 0)
        self->work_days[work++] = i;
      minutes += m;
    }
  self->work_before[self->n_days] = work;
  self->minutes_before[self->n_days] = minutes;
  self->n_work_days = work;
}

static void
ensure_built (McCalendar *self)
{
  if (self->built)
    return;
  self->first_day = mc_date_from_ymd (MC_CALENDAR_FIRST_YEAR, 1, 1);
  self->n_days = mc_date_from_ymd (MC_CALENDAR_LAST_YEAR + 1, 1, 1) - self->first_day;
  self->kinds = g_new (guint8, self->n_days);
  self->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (int i = 0; i < self->n_days; i++)
    self->kinds[i] = is_rest_by_default (self, self->first_day + i) ? MC_DAY_WEEKEND : MC_DAY_WORKING;
  for (int y = MC_CALENDAR_FIRST_YEAR; y <= MC_CALENDAR_LAST_YEAR; y++)
    if (!g_hash_table_contains (self->announced, GINT_TO_POINTER (y)))
      build_year (self, y);
  apply_exceptions (self);
  build_prefix_sums (self);
  self->built = TRUE;
}

static gboolean
index_of (McCalendar *self, McDate date, int *index, GError **error)
{
  ensure_built (self);
  *index = date - self->first_day;
  if (*index < 0 || *index >= self->n_days)
    {
      g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_OUT_OF_RANGE,
                   _("The date is outside the calendar (years %d–%d)"),
                   MC_CALENDAR_FIRST_YEAR, MC_CALENDAR_LAST_YEAR);
      return FALSE;
    }
  return TRUE;
}

/* Office minutes of a day elapsed before minute-of-day m. */
static int
position_in_day (const McOfficeHours *h, int m)
{
  int pos = 0;

  for (int i = 0; i < h->n_intervals; i++)
    pos += CLAMP (m - h->start[i], 0, h->end[i] - h->start[i]);
  return pos;
}

/* The minute of day at which `pos` office minutes have elapsed; a position on
 * a boundary maps to the end of the earlier interval, except 0, which maps to
 * the opening of the day. */
static int
minute_at_position (const McOfficeHours *h, int pos)
{
  if (pos <= 0 || h->n_intervals == 0)
    return h->n_intervals > 0 ? h->start[0] : 0;
  for (int i = 0; i < h->n_intervals; i++)
    {
      int len = h->end[i] - h->start[i];
      if (pos <= len)
        return h->start[i] + pos;
      pos -= len;
    }
  return h->end[h->n_intervals - 1];
}

/* Absolute working-minute position of an instant, clamped to the table. */
static gint64
working_position (McCalendar *self, McTime t)
{
  int i;

  ensure_built (self);
  i = mc_time_get_date (t) - self->first_day;
  if (i < 0)
    return 0;
  if (i >= self->n_days)
    return self->minutes_before[self->n_days];
  if (self->day_minutes[i] == 0)
    return self->minutes_before[i];
  return self->minutes_before[i] +
         position_in_day (hours_for (self, self->first_day + i), mc_time_get_minute (t));
}

static void
mc_calendar_finalize (GObject *object)
{
  McCalendar *self = MC_CALENDAR (object);

  invalidate (self);
  g_clear_pointer (&self->exceptions, g_hash_table_unref);
  g_clear_pointer (&self->announced, g_hash_table_unref);
  G_OBJECT_CLASS (mc_calendar_parent_class)->finalize (object);
}

static void
mc_calendar_class_init (McCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_calendar_finalize;

  /**
   * McCalendar::changed:
   *
   * Office hours, weekly rest days or exceptions changed: every due time
   * computed before may differ now.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_calendar_init (McCalendar *self)
{
  /* A common office day of the one-stop sections: 07:00–11:30, 13:30–17:00. */
  static const McOfficeHours day = { 2, { 7 * 60, 13 * 60 + 30 }, { 11 * 60 + 30, 17 * 60 } };

  for (int w = 1; w <= 7; w++)
    {
      self->hours[w] = day;
      self->rest[w] = w >= 6;
    }
  self->compensate_culture_day = TRUE;
  self->exceptions = g_hash_table_new_full (NULL, NULL, NULL, exception_free);
  self->announced = g_hash_table_new (NULL, NULL);
}

McCalendar *
mc_calendar_new (void)
{
  return g_object_new (MC_TYPE_CALENDAR, NULL);
}

void
mc_calendar_set_office_hours (McCalendar *self, int weekday, const McOfficeHours *hours)
{
  g_return_if_fail (MC_IS_CALENDAR (self));
  g_return_if_fail (weekday >= 1 && weekday <= 7);
  g_return_if_fail (hours != NULL && hours->n_intervals <= MC_OFFICE_MAX_INTERVALS);

  if (memcmp (&self->hours[weekday], hours, sizeof *hours) == 0)
    return;
  self->hours[weekday] = *hours;
  changed (self);
}

void
mc_calendar_get_office_hours (McCalendar *self, int weekday, McOfficeHours *hours)
{
  g_return_if_fail (MC_IS_CALENDAR (self));
  g_return_if_fail (weekday >= 1 && weekday <= 7);

  *hours = self->hours[weekday];
}

static gboolean
parse_clock (const char *text, int *minute)
{
  int h, m, n = 0;

  if (sscanf (text, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || h < 0 || h > 24 || m < 0 || m > 59)
    return FALSE;
  *minute = h * 60 + m;
  return *minute <= 24 * 60;
}

/* "07:00-11:30,13:30-17:00" → intervals; "" → no office hours. */
gboolean
mc_office_hours_parse (const char *text, McOfficeHours *hours, GError **error)
{
  g_auto(GStrv) parts = NULL;
  McOfficeHours h = { 0 };

  g_return_val_if_fail (text != NULL && hours != NULL, FALSE);
  parts = g_strsplit (text, ",", -1);
  for (int i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      int s, e;

      if (*part == '\0')
        continue;
      if (h.n_intervals == MC_OFFICE_MAX_INTERVALS || strlen (part) != 11 || part[5] != '-' ||
          !parse_clock (part, &s) || !parse_clock (part + 6, &e) || e <= s ||
          (h.n_intervals > 0 && s < h.end[h.n_intervals - 1]))
        {
          g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                       _("Invalid office hours “%s”: write them as 07:00-11:30,13:30-17:00 (at most %d periods, in order)"),
                       text, MC_OFFICE_MAX_INTERVALS);
          return FALSE;
        }
      h.start[h.n_intervals] = s;
      h.end[h.n_intervals++] = e;
    }
  *hours = h;
  return TRUE;
}

char *
mc_office_hours_to_string (const McOfficeHours *hours)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < hours->n_intervals; i++)
    g_string_append_printf (s, "%s%02d:%02d-%02d:%02d", i ? "," : "", hours->start[i] / 60,
                            hours->start[i] % 60, hours->end[i] / 60, hours->end[i] % 60);
  return g_string_free (s, FALSE);
}

void
mc_calendar_set_weekly_rest (McCalendar *self, int weekday, gboolean rest)
{
  g_return_if_fail (MC_IS_CALENDAR (self));
  g_return_if_fail (weekday >= 1 && weekday <= 7);

  if (self->rest[weekday] == !!rest)
    return;
  self->rest[weekday] = !!rest;
  changed (self);
}

gboolean
mc_calendar_get_weekly_rest (McCalendar *self, int weekday)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, FALSE);

  return self->rest[weekday];
}

void
mc_calendar_set_compensate_culture_day (McCalendar *self, gboolean compensate)
{
  g_return_if_fail (MC_IS_CALENDAR (self));

  if (self->compensate_culture_day == !!compensate)
    return;
  self->compensate_culture_day = !!compensate;
  changed (self);
}

void
mc_calendar_clear_exceptions (McCalendar *self)
{
  g_return_if_fail (MC_IS_CALENDAR (self));

  if (g_hash_table_size (self->exceptions) == 0)
    return;
  g_hash_table_remove_all (self->exceptions);
  changed (self);
}

void
mc_calendar_set_year_announced (McCalendar *self, int year, gboolean announced)
{
  g_return_if_fail (MC_IS_CALENDAR (self));

  if (mc_calendar_get_year_announced (self, year) == !!announced)
    return;
  if (announced)
    g_hash_table_add (self->announced, GINT_TO_POINTER (year));
  else
    g_hash_table_remove (self->announced, GINT_TO_POINTER (year));
  changed (self);
}

gboolean
mc_calendar_get_year_announced (McCalendar *self, int year)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->announced, GINT_TO_POINTER (year));
}

void
mc_calendar_add_exception (McCalendar *self, McDate date, McExceptionKind kind, const char *name)
{
  Exception *e;

  g_return_if_fail (MC_IS_CALENDAR (self));
  g_return_if_fail (name != NULL);

  e = g_new0 (Exception, 1);
  e->kind = kind;
  e->name = g_strdup (name);
  g_hash_table_replace (self->exceptions, GINT_TO_POINTER (date), e);
  changed (self);
}

McDayKind
mc_calendar_get_day_kind (McCalendar *self, McDate date)
{
  int i;

  g_return_val_if_fail (MC_IS_CALENDAR (self), MC_DAY_WORKING);

  if (!index_of (self, date, &i, NULL))
    return is_rest_by_default (self, date) ? MC_DAY_WEEKEND : MC_DAY_WORKING;
  return self->kinds[i];
}

const char *
mc_calendar_get_day_name (McCalendar *self, McDate date)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), NULL);

  ensure_built (self);
  return g_hash_table_lookup (self->names, GINT_TO_POINTER (date));
}

gboolean
mc_calendar_is_working_day (McCalendar *self, McDate date)
{
  McDayKind kind = mc_calendar_get_day_kind (self, date);

  return kind == MC_DAY_WORKING || kind == MC_DAY_SWAPPED_WORK;
}

gboolean
mc_calendar_day_is_exception (McCalendar *self, McDate date)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->exceptions, GINT_TO_POINTER (date));
}

int
mc_calendar_day_minutes (McCalendar *self, McDate date)
{
  int i;

  g_return_val_if_fail (MC_IS_CALENDAR (self), 0);

  if (!index_of (self, date, &i, NULL))
    return 0;
  return self->day_minutes[i];
}

/* The length of a normal working day, the unit in which fractional
 * allotments (½ day) are converted to working minutes. */
int
mc_calendar_standard_day_minutes (McCalendar *self)
{
  g_return_val_if_fail (MC_IS_CALENDAR (self), 0);

  for (int w = 1; w <= 7; w++)
    if (!self->rest[w] && self->hours[w].n_intervals > 0)
      return hours_total (&self->hours[w]);
  return hours_total (&self->hours[1]);
}

GPtrArray *
mc_calendar_list_days_off (McCalendar *self, int year)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_calendar_day_free);
  McDate first = mc_date_from_ymd (year, 1, 1);
  McDate last = mc_date_from_ymd (year, 12, 31);

  g_return_val_if_fail (MC_IS_CALENDAR (self), days);

  for (McDate d = first; d <= last; d++)
    {
      McDayKind kind = mc_calendar_get_day_kind (self, d);
      const char *name = mc_calendar_get_day_name (self, d);
      McCalendarDay *day;

      if (name == NULL || (kind == MC_DAY_WORKING && !mc_calendar_day_is_exception (self, d)))
        continue;
      day = g_new0 (McCalendarDay, 1);
      day->date = d;
      day->kind = kind;
      day->name = g_strdup (name);
      day->exception = mc_calendar_day_is_exception (self, d);
      g_ptr_array_add (days, day);
    }
  return days;
}

static McTime
instant_at_position (McCalendar *self, int index, int pos)
{
  McDate date = self->first_day + index;

  return mc_time_from_local (date, minute_at_position (hours_for (self, date), pos));
}

gboolean
mc_calendar_add_working_minutes (McCalendar *self, McTime from, gint64 minutes, McTime *out,
                                 GError **error)
{
  gint64 target;
  int lo, hi, index;

  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (minutes >= 0, FALSE);

  if (!index_of (self, mc_time_get_date (from), &index, error))
    return FALSE;
  if (minutes == 0)
    {
      *out = from;
      return TRUE;
    }
  target = working_position (self, from) + minutes;
  if (target > self->minutes_before[self->n_days])
    return index_of (self, self->first_day + self->n_days, &index, error);
  /* The last day whose start lies strictly before the target: a target on a
   * day boundary ends the earlier day (17:00) rather than opening the next. */
  lo = index;
  hi = self->n_days - 1;
  while (lo < hi)
    {
      int mid = lo + (hi - lo + 1) / 2;
      if (self->minutes_before[mid] < target)
        lo = mid;
      else
        hi = mid - 1;
    }
  *out = instant_at_position (self, lo, (int) (target - self->minutes_before[lo]));
  return TRUE;
}

/* N working days keep the time of day ("nhận sáng trả sáng"): the due time is
 * at the same office position on the N-th working day after reception.
 * Reception outside office hours counts from the next opening. A fraction of a
 * day is then added as working minutes of a standard day. */
gboolean
mc_calendar_add_working_days (McCalendar *self, McTime from, double days, McTime *out,
                              GError **error)
{
  int index, whole, pos, target;
  double frac;

  g_return_val_if_fail (MC_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (days < 0 || !isfinite (days))
    {
      g_set_error (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                   _("The number of working days must not be negative"));
      return FALSE;
    }
  if (!index_of (self, mc_time_get_date (from), &index, error))
    return FALSE;
  /* More days than the calendar has would overflow `whole`. */
  if (days >= self->n_work_days)
    return index_of (self, self->first_day + self->n_days, &index, error);
  whole = (int) floor (days + 1e-9);
  frac = days - whole;
  pos = self->day_minutes[index] > 0
          ? position_in_day (hours_for (self, self->first_day + index), mc_time_get_minute (from))
          : 0;
  if (self->day_minutes[index] == 0 || pos >= self->day_minutes[index])
    {
      index = self->day_minutes[index] == 0 ? index : index + 1;
      pos = 0;
    }
  target = self->work_before[index] + whole;
  if (target >= self->n_work_days)
    return index_of (self, self->first_day + self->n_days, &index, error);
  index = self->work_days[target];
  *out = instant_at_position (self, index, MIN (pos, self->day_minutes[index]));
  if (frac > 1e-9)
    return mc_calendar_add_working_minutes (self, *out,
                                            (gint64) llround (frac * mc_calendar_standard_day_minutes (self)),
                                            out, error);
  return TRUE;
}

gint64
mc_calendar_working_minutes_between (McCalendar *self, McTime from, McTime to,
                                     const McPause *pauses, guint n_pauses)
{
  gint64 total;

  g_return_val_if_fail (MC_IS_CALENDAR (self), 0);

  if (to <= from)
    return 0;
  total = working_position (self, to) - working_position (self, from);
  for (guint i = 0; i < n_pauses; i++)
    {
      McTime s = MAX (pauses[i].start, from);
      McTime e = MIN (pauses[i].end, to);
      if (e > s)
        total -= working_position (self, e) - working_position (self, s);
    }
  return MAX (total, 0);
}

/* Trước hạn: finished before the half-day session that contains the due time
 * begins; đúng hạn: within that session up to the due time; quá hạn: after. */
McTimeliness
mc_calendar_classify (McCalendar *self, McTime finished, McTime due)
{
  const McOfficeHours *h;
  int m;
  McTime session_start = due;

  g_return_val_if_fail (MC_IS_CALENDAR (self), MC_TIMELINESS_LATE);

  if (finished > due)
    return MC_TIMELINESS_LATE;
  h = hours_for (self, mc_time_get_date (due));
  m = mc_time_get_minute (due);
  for (int i = 0; i < h->n_intervals; i++)
    if (m >= h->start[i] && m <= h->end[i])
      {
        session_start = mc_time_from_local (mc_time_get_date (due), h->start[i]);
        break;
      }
  return finished < session_start ? MC_TIMELINESS_EARLY : MC_TIMELINESS_ON_TIME;
}

void
mc_calendar_day_free (McCalendarDay *day)
{
  if (day == NULL)
    return;
  g_free (day->name);
  g_free (day);
}

const char *
mc_day_kind_to_string (McDayKind kind)
{
  switch (kind)
    {
    case MC_DAY_WORKING: return "working";
    case MC_DAY_WEEKEND: return "weekend";
    case MC_DAY_HOLIDAY: return "holiday";
    case MC_DAY_COMPENSATORY: return "compensatory";
    case MC_DAY_SWAPPED_WORK: return "workday";
    default: g_return_val_if_reached ("working");
    }
}

const char *
mc_exception_kind_to_string (McExceptionKind kind)
{
  switch (kind)
    {
    case MC_EXCEPTION_HOLIDAY: return "holiday";
    case MC_EXCEPTION_COMPENSATORY: return "compensatory";
    case MC_EXCEPTION_WORKDAY: return "workday";
    default: g_return_val_if_reached ("holiday");
    }
}

gboolean
mc_exception_kind_from_string (const char *text, McExceptionKind *kind)
{
  static const char *const names[] = { "holiday", "compensatory", "workday" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *kind = (McExceptionKind) i;
        return TRUE;
      }
  return FALSE;
}
