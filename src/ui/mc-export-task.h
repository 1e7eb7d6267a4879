/* mc-export-task.h — a long export in a worker thread, with progress and Cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year's register or report took the window with it while it was written
 * (issue 11 item 9). The data is gathered first on the main thread (SQLite
 * connections are not shared across threads); the writing runs in a GTask
 * thread while a dialog shows its progress and offers Cancel. The file is
 * written under a temporary name and renamed at the end: a cancelled or
 * failed export leaves nothing behind, and an earlier file of that name is
 * kept.
 */
#pragma once

#include <adwaita.h>

#include "mc-export-monitor.h"

G_BEGIN_DECLS

/* Writes `data` to `path`, in the worker thread; reports to `monitor` where it can. */
typedef gboolean (*McExportWriteFunc) (gconstpointer data, const char *path, const McExportMonitor *monitor,
                                       GError **error);

/* Starts the export; `data` is owned by the task (freed with free_data). The
 * dialog is transient for `widget`'s window; callback runs on the main thread
 * with `widget` as the source object. */
void       mc_export_task_run    (GtkWidget          *widget,
                                  const char         *heading,
                                  const char         *path,
                                  McExportWriteFunc   write,
                                  gpointer            data,
                                  GDestroyNotify      free_data,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);
/* FALSE with G_IO_ERROR_CANCELLED when the person pressed Cancel. */
gboolean   mc_export_task_finish (GAsyncResult      *result,
                                  GError           **error);
/* The usual ending, after mc_export_task_finish: a toast saying `saved`
 * (error NULL), that it was cancelled, or the error. */
void       mc_export_task_toast  (GtkWidget         *widget,
                                  const GError      *error,
                                  const char        *saved);

G_END_DECLS
