/* mc-chart.h — one chart of the dashboard on screen, with its figures for a screen reader
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-chart-draw.h"

G_BEGIN_DECLS

#define MC_TYPE_CHART (mc_chart_get_type ())
G_DECLARE_FINAL_TYPE (McChart, mc_chart, MC, CHART, GtkDrawingArea)

McChart           *mc_chart_new      (void);
/* Takes `data` over; redraws and tells assistive technologies the figures
 * (the accessible label is the title, the description mc_chart_describe's). */
void               mc_chart_set_data (McChart *self, McChartData *data);
const McChartData *mc_chart_get_data (McChart *self);

G_END_DECLS
