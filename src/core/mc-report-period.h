/* mc-report-period.h — reporting periods and their data cut-off
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef enum {
  MC_PERIOD_QUARTER,      /* quý, index 1–4 */
  MC_PERIOD_HALF,         /* 6 tháng, index 1 (đầu năm) or 2 (cuối năm) */
  MC_PERIOD_NINE_MONTHS,  /* 9 tháng */
  MC_PERIOD_YEAR,         /* năm */
} McPeriodKind;

/* Settings: "report.cutoff_day" (default 14: NĐ 09/2019 Điều 12, a period runs
 * from the 15th of the month before to the 14th of its last month) and
 * "report.calendar_periods" ("1": calendar quarters, halves and years). */
#define MC_REPORT_CUTOFF_DAY_KEY "report.cutoff_day"
#define MC_REPORT_CALENDAR_PERIODS_KEY "report.calendar_periods"
#define MC_REPORT_DEFAULT_CUTOFF_DAY 14

/* The first and last days (inclusive) of a period of `year`; db may be NULL
 * (the statutory default). */
gboolean mc_report_period_range (McDb *db, McPeriodKind kind, int year, int index,
                                 McDate *from, McDate *to, GError **error);
/* "quý I năm 2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "năm 2024" */
char    *mc_report_period_label (McPeriodKind kind, int year, int index);

G_END_DECLS
