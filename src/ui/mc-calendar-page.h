/* mc-calendar-page.h — Lịch làm việc: a month of working days, holidays and lunar dates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_CALENDAR_PAGE (mc_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (McCalendarPage, mc_calendar_page, MC, CALENDAR_PAGE, AdwBin)

McCalendarPage *mc_calendar_page_new            (McApplication *app);
void            mc_calendar_page_show_month     (McCalendarPage *self, int year, int month);
void            mc_calendar_page_select         (McCalendarPage *self, McDate date);
/* The cell widget of a day of the shown month (tests), NULL if not shown. */
GtkWidget      *mc_calendar_page_get_cell       (McCalendarPage *self, McDate date);
gboolean        mc_calendar_page_set_exception  (McCalendarPage *self, McDate date, McExceptionKind kind,
                                                 const char *name, GError **error);
gboolean        mc_calendar_page_remove_exception (McCalendarPage *self, McDate date, GError **error);

G_END_DECLS
