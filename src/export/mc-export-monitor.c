/* mc-export-monitor.c — progress and cancellation of a long export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-export-monitor.h"

gboolean
mc_export_monitor_is_cancelled (const McExportMonitor *monitor)
{
  return monitor != NULL && g_cancellable_is_cancelled (monitor->cancellable);
}

gboolean
mc_export_monitor_check (const McExportMonitor *monitor, GError **error)
{
  if (!mc_export_monitor_is_cancelled (monitor))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
  return FALSE;
}

void
mc_export_monitor_report (const McExportMonitor *monitor, double fraction)
{
  if (monitor != NULL && monitor->progress != NULL)
    monitor->progress (CLAMP (fraction, 0.0, 1.0), monitor->user_data);
}
