/* mc-holidays.h — the statutory holidays of a year, by the law in force that year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-time.h"

G_BEGIN_DECLS

typedef struct {
  McDate    date;
  char     *name;         /* Vietnamese, as printed on calendars */
  gboolean  culture_day;  /* 24/11: whether it is made up is a setting */
} McHoliday;

/* Sorted by date. Free with mc_holidays_array_clear() then g_array_unref(). */
GArray *mc_holidays_statutory     (int year);
void    mc_holidays_array_clear   (GArray *days);

G_END_DECLS
