/* mc-dashboard-render.h — the dashboard's charts and its page on paper (PDF, PNG, print)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mc-chart-draw.h"
#include "mc-dashboard.h"

G_BEGIN_DECLS

typedef enum {
  MC_DASHBOARD_CHART_RATE,       /* line: on-time rate by month, the unit's (06a) and each department's */
  MC_DASHBOARD_CHART_RECEIVED,   /* stacked columns: received by month and channel */
  MC_DASHBOARD_CHART_OVERDUE,    /* bars: overdue by department (a head: by person) */
  MC_DASHBOARD_CHART_APOLOGIES,  /* bars: apologies of the year by person, flagged from the threshold */
  MC_DASHBOARD_N_CHARTS
} McDashboardChart;

/* The data of each chart of `dashboard` (McChartData*, in McDashboardChart order). */
GPtrArray *mc_dashboard_charts      (const McDashboard *dashboard);
/* "Tổng quan — Phòng Kinh tế", the unit, "Số liệu lúc 09:30 ngày 23/11/2026". */
char      *mc_dashboard_heading     (const McDashboard *dashboard);
char      *mc_dashboard_subtitle    (const McDashboard *dashboard);

/* The whole dashboard on one page of width × height (points on A4
 * landscape, pixels in a PNG): title, unit, time, the workload by
 * department and the four charts, black on white. Texts drawn are appended
 * to `labels` when not NULL. */
void       mc_dashboard_render      (const McDashboard *dashboard, GPtrArray *charts, cairo_t *cr, double width,
                                     double height, GPtrArray *labels);
/* Written through mc-output-file (the file chooser asked before replacing:
 * an existing file is replaced). A4 landscape; the PNG at 150 dpi. */
gboolean   mc_dashboard_write_pdf   (const McDashboard *dashboard, GPtrArray *charts, const char *path, GError **error);
gboolean   mc_dashboard_write_png   (const McDashboard *dashboard, GPtrArray *charts, const char *path, GError **error);

G_END_DECLS
