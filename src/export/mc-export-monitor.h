/* mc-export-monitor.h — progress and cancellation of a long export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year's register is thousands of pages: the window runs its export in a
 * worker thread and needs to show how far it got and to stop it. The writers
 * take an optional monitor (NULL: nobody watches, nothing to cancel); its
 * progress function is called in the writer's thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*McExportProgressFunc) (double fraction, gpointer user_data);

typedef struct {
  GCancellable         *cancellable;  /* may be NULL */
  McExportProgressFunc  progress;     /* may be NULL; fraction in [0, 1] */
  gpointer              user_data;
} McExportMonitor;

gboolean mc_export_monitor_is_cancelled (const McExportMonitor *monitor);
/* FALSE with G_IO_ERROR_CANCELLED when the export was cancelled. */
gboolean mc_export_monitor_check        (const McExportMonitor *monitor,
                                         GError               **error);
void     mc_export_monitor_report       (const McExportMonitor *monitor,
                                         double                 fraction);

G_END_DECLS
