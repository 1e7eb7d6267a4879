/* mc-export-task.c — a long export in a worker thread, with progress and Cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-export-file.h"
#include "mc-export-task.h"

/* Exports shorter than this finish without a dialog flashing up. */
#define DIALOG_DELAY_MS  250
#define PROGRESS_TICK_MS 100

/* What the worker thread uses; freed in whichever thread drops the task last. */
typedef struct {
  McExportWriteFunc  write;
  gpointer           data;
  GDestroyNotify     free_data;
  char              *path;
  char              *tmp_path;
  gint               permille;   /* written by the worker; -1 until it reports */
} Job;

/* The main thread's side: the dialog and its timers, gone before the caller's
 * callback runs, so no widget is ever touched from the worker. */
typedef struct {
  Job                *job;
  GCancellable       *cancellable;
  AdwMessageDialog   *dialog;
  GtkProgressBar     *bar;
  guint               show_id;
  guint               tick_id;
  GtkWindow          *window;      /* closing it cancels the export */
  GApplication       *app;         /* held until the worker has finished */
  GAsyncReadyCallback callback;
  gpointer            user_data;
} Ui;

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  if (job->free_data != NULL)
    job->free_data (job->data);
  g_free (job->path);
  g_free (job->tmp_path);
  g_free (job);
}

static void
ui_free (Ui *ui)
{
  g_clear_handle_id (&ui->show_id, g_source_remove);
  g_clear_handle_id (&ui->tick_id, g_source_remove);
  if (ui->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (ui->dialog, ui);
      gtk_window_destroy (GTK_WINDOW (ui->dialog));
    }
  if (ui->window != NULL)
    g_signal_handlers_disconnect_by_data (ui->window, ui);
  g_clear_object (&ui->window);
  if (ui->app != NULL)
    g_application_release (ui->app);
  g_clear_object (&ui->app);
  g_clear_object (&ui->cancellable);
  g_free (ui);
}

/* Worker thread */

static void
progress_cb (double fraction, gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->permille, (gint) (fraction * 1000));
}

static void
write_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  McExportMonitor monitor = { cancellable, progress_cb, job };
  GError *error = NULL;
  gboolean ok;

  ok = job->write (job->data, job->tmp_path, &monitor, &error) && mc_export_monitor_check (&monitor, &error);
  /* Cancel pressed as the writing ended still means no file. */
  if (mc_export_file_finish (job->tmp_path, job->path, ok, ok ? &error : NULL))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Main thread */

static gboolean
tick_cb (gpointer user_data)
{
  Ui *ui = user_data;
  gint permille = g_atomic_int_get (&ui->job->permille);

  /* A writer that cannot tell how far it is (a small CSV) still shows life. */
  if (permille < 0)
    gtk_progress_bar_pulse (ui->bar);
  else
    gtk_progress_bar_set_fraction (ui->bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

/* The only response is Cancel (its button, Escape): the dialog goes at
 * once; the task ends when the worker notices, as cancelled. */
static void
response_cb (AdwMessageDialog *dialog, const char *response, Ui *ui)
{
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  g_clear_handle_id (&ui->show_id, g_source_remove);
  g_clear_handle_id (&ui->tick_id, g_source_remove);
  g_cancellable_cancel (ui->cancellable);
}

static void
dialog_destroy_cb (GtkWidget *dialog, Ui *ui)
{
  ui->dialog = NULL;
}

/* A closed window (or the application quitting) stops its export: the worker
 * removes its temporary file, and the held application waits for that. */
static void
window_closed_cb (GtkWindow *window, Ui *ui)
{
  g_cancellable_cancel (ui->cancellable);
}

static gboolean
show_dialog_cb (gpointer user_data)
{
  Ui *ui = user_data;

  ui->show_id = 0;
  gtk_window_present (GTK_WINDOW (ui->dialog));
  ui->tick_id = g_timeout_add (PROGRESS_TICK_MS, tick_cb, ui);
  return G_SOURCE_REMOVE;
}

static AdwMessageDialog *
create_dialog (GtkWidget *widget, const char *heading, const char *path, Ui *ui)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = g_path_get_basename (path);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                               : NULL,
                                                                         heading, name));

  ui->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_pulse_step (ui->bar, 0.1);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (ui->bar));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), ui);
  g_signal_connect (dialog, "destroy", G_CALLBACK (dialog_destroy_cb), ui);
  return dialog;
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Ui *ui = user_data;
  GAsyncReadyCallback callback = ui->callback;
  gpointer callback_data = ui->user_data;

  ui_free (ui);
  if (callback != NULL)
    callback (source, result, callback_data);
}

void
mc_export_task_run (GtkWidget          *widget,
                    const char         *heading,
                    const char         *path,
                    McExportWriteFunc   write,
                    gpointer            data,
                    GDestroyNotify      free_data,
                    GAsyncReadyCallback callback,
                    gpointer            user_data)
{
  Ui *ui = g_new0 (Ui, 1);
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL && write != NULL);

  ui->cancellable = g_cancellable_new ();
  ui->callback = callback;
  ui->user_data = user_data;
  task = g_task_new (widget, ui->cancellable, done_cb, ui);
  g_task_set_source_tag (task, mc_export_task_run);
  g_task_set_check_cancellable (task, FALSE);
  ui->job = g_new0 (Job, 1);
  *ui->job = (Job) { write, data, free_data, g_strdup (path), NULL, -1 };
  g_task_set_task_data (task, ui->job, job_free);
  ui->job->tmp_path = mc_export_file_begin (path, &error);
  if (ui->job->tmp_path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ui->dialog = create_dialog (widget, heading, path, ui);
  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    {
      ui->window = g_object_ref (GTK_WINDOW (gtk_widget_get_root (widget)));
      g_signal_connect (ui->window, "unrealize", G_CALLBACK (window_closed_cb), ui);
    }
  if ((ui->app = g_application_get_default ()) != NULL)
    g_application_hold (g_object_ref (ui->app));
  ui->show_id = g_timeout_add (DIALOG_DELAY_MS, show_dialog_cb, ui);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
mc_export_task_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mc_export_task_run, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mc_export_task_toast (GtkWidget *widget, const GError *error, const char *saved)
{
  const char *message = saved;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = _("Export cancelled; no file was written");
  else if (error != NULL)
    message = error->message;
  gtk_widget_activate_action (widget, "win.toast", "s", message);
}
