/* mc-dashboard-page.h — Tổng quan: the workload of today and the charts of the year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-chart.h"
#include "mc-dashboard.h"
#include "mc-dashboard-render.h"

G_BEGIN_DECLS

#define MC_TYPE_DASHBOARD_PAGE (mc_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (McDashboardPage, mc_dashboard_page, MC, DASHBOARD_PAGE, AdwBin)

/* Computes the figures at once (the page is built when first shown). */
McDashboardPage   *mc_dashboard_page_new           (McApplication *app);
/* The figures shown, NULL when they could not be computed (the page says why). */
const McDashboard *mc_dashboard_page_get_dashboard (McDashboardPage *self);
McChart           *mc_dashboard_page_get_chart     (McDashboardPage *self, McDashboardChart chart);
/* The button of a workload number (NULL for a zero: nothing to open). */
GtkWidget         *mc_dashboard_page_get_number    (McDashboardPage *self, gint64 department_id, gint64 staff_id,
                                                    McDashboardColumn column);
/* Opens the list of the dossiers behind a number; the window, or NULL and a toast. */
GtkWindow         *mc_dashboard_page_open_list     (McDashboardPage *self, gint64 department_id, gint64 staff_id,
                                                    McDashboardColumn column);
/* The whole dashboard as "png" or "pdf" at `path` (what Xuất PNG / Xuất PDF write). */
gboolean           mc_dashboard_page_export        (McDashboardPage *self, const char *format, const char *path,
                                                    GError **error);
/* Computes again (after a change, or Làm mới). */
void               mc_dashboard_page_reload        (McDashboardPage *self);

G_END_DECLS
