/* mc-queue-stats-page.h — Thống kê xếp hàng: the waiting measured, its charts and tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-chart.h"
#include "mc-queue-stats.h"
#include "mc-report-document.h"

G_BEGIN_DECLS

#define MC_TYPE_QUEUE_STATS_PAGE (mc_queue_stats_page_get_type ())
G_DECLARE_FINAL_TYPE (McQueueStatsPage, mc_queue_stats_page, MC, QUEUE_STATS_PAGE, AdwBin)

typedef enum {
  MC_QUEUE_STATS_PERIOD_DAY,
  MC_QUEUE_STATS_PERIOD_MONTH,
  MC_QUEUE_STATS_PERIOD_QUARTER,
  MC_QUEUE_STATS_PERIOD_CUSTOM,
} McQueueStatsPeriod;

typedef enum {
  MC_QUEUE_STATS_CHART_HOURS,  /* tickets per hour: issued beside served */
  MC_QUEUE_STATS_CHART_WAIT,   /* the wait per day (per hour for one day): average and p90 */
  MC_QUEUE_STATS_N_CHARTS
} McQueueStatsChart;

McQueueStatsPage      *mc_queue_stats_page_new          (McApplication *app);
/* Chooses the period (the day, month or quarter holding `day`; custom:
 * day to last) and computes it. */
void                   mc_queue_stats_page_set_period   (McQueueStatsPage *self, McQueueStatsPeriod period,
                                                         McDate day, McDate last);
void                   mc_queue_stats_page_reload       (McQueueStatsPage *self);
/* What is shown: the figures, the document of its tables (NULL after an error). */
const McQueueStatsAll *mc_queue_stats_page_get_stats    (McQueueStatsPage *self);
McReportDocument      *mc_queue_stats_page_get_document (McQueueStatsPage *self);
McChart               *mc_queue_stats_page_get_chart    (McQueueStatsPage *self, McQueueStatsChart chart);
/* The charts' data as the page draws them (for the tests and a PNG). */
McChartData           *mc_queue_stats_chart_data        (const McQueueStatsAll *stats, McQueueStatsChart chart);
/* format "xlsx" or "pdf", written now (the buttons run it in a worker). */
gboolean               mc_queue_stats_page_export       (McQueueStatsPage *self, const char *format, const char *path,
                                                         GError **error);

G_END_DECLS
