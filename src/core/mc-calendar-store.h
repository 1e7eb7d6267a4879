/* mc-calendar-store.h — the calendar's settings and exceptions in the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-calendar.h"
#include "mc-db.h"

G_BEGIN_DECLS

/* A calendar configured from the database: office hours, weekly rest days,
 * the 24/11 make-up rule and every exception. */
McCalendar *mc_calendar_store_load              (McDb *db, GError **error);
gboolean    mc_calendar_store_reload            (McDb *db, McCalendar *calendar, GError **error);

gboolean    mc_calendar_store_set_exception     (McDb *db, McDate date, McExceptionKind kind,
                                                 const char *name, GError **error);
gboolean    mc_calendar_store_remove_exception  (McDb *db, McDate date, GError **error);
gboolean    mc_calendar_store_set_office_hours  (McDb *db, int weekday, const McOfficeHours *hours,
                                                 GError **error);
gboolean    mc_calendar_store_set_weekly_rest   (McDb *db, int weekday, gboolean rest, GError **error);
gboolean    mc_calendar_store_set_compensate_culture_day (McDb *db, gboolean compensate, GError **error);
gboolean    mc_calendar_store_set_year_announced (McDb *db, int year, gboolean announced, GError **error);
/* date,kind,name per line; all or nothing. With `announced`, every year in
 * the file is marked as announced in full. */
gboolean    mc_calendar_store_import_csv        (McDb *db, const char *data, gsize length,
                                                 gboolean announced, guint *n_days, GError **error);

G_END_DECLS
