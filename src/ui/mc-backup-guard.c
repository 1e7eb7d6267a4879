/* mc-backup-guard.c — the application's automatic backups and damaged-database dialog
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept out of mc-application.c, which calls three functions: the check
 * before opening, the dialog in the start-up error path, and the start of
 * the backups once the database is open. Backups are written in a worker
 * thread through a connection of their own (the backup API reads a WAL
 * snapshot, so the clerks keep working); the one at shut-down is written on
 * the spot, because the process is about to end.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mc-backup.h"
#include "mc-backup-guard.h"

/* How often the age of the newest backup is looked at. */
#define CHECK_SECONDS (10 * 60)
/* A large database's pages are checked this long after start, once the
 * first window and the sign-in have had the disk. */
#define PAGES_CHECK_DELAY_SECONDS 3
#define PATH_KEY "mc-backup-guard-path"
#define GUARD_KEY "mc-backup-guard"

typedef struct {
  McApplication *app;  /* owns the guard */
  char          *dir;
  guint          timeout_id;
  guint          pages_id;     /* the delayed check of the pages */
  GCancellable  *cancellable;  /* the check of the pages, cancelled at shut-down */
  gboolean       running;
  gboolean       checking;
} Guard;

typedef struct {
  char  *db_path;
  char  *dir;
  guint  keep;
} Job;

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  g_clear_handle_id (&guard->timeout_id, g_source_remove);
  g_clear_handle_id (&guard->pages_id, g_source_remove);
  g_cancellable_cancel (guard->cancellable);
  g_clear_object (&guard->cancellable);
  g_free (guard->dir);
  g_free (guard);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->db_path);
  g_free (job->dir);
  g_free (job);
}

static gboolean
backup_due (Guard *guard, McDb *db)
{
  g_autoptr(GPtrArray) all = mc_backup_list (guard->dir);
  g_autoptr(GError) error = NULL;
  gint64 interval = (gint64) mc_backup_get_interval_hours (db, &error) * 3600;
  GStatBuf st;

  /* Asked again at the next tick, like a failed backup. */
  if (error != NULL)
    {
      g_warning ("Automatic backup: %s", error->message);
      return FALSE;
    }
  if (all->len == 0 || g_stat (all->pdata[0], &st) != 0)
    return TRUE;
  return g_get_real_time () / G_USEC_PER_SEC - (gint64) st.st_mtime >= interval;
}

static void
rotate_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  char *path = mc_backup_rotate_path (job->db_path, job->dir, job->keep, g_get_real_time (), &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

/* Damage found while the application runs (by the automatic backup, whose
 * copy is page for page the database, or by the check of the pages): no
 * more writes (core refuses them, mc_db_set_damaged), what is on screen may
 * still be read and printed, and the next start offers the latest good
 * backup. */
static void
stop_on_damage (McApplication *app, const char *detail)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (app));
  McDb *db = mc_application_get_db (app);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (db == NULL || mc_db_get_damage (db) != NULL)
    return;
  mc_db_set_damaged (db, detail);
  body = g_strdup_printf (_("A check found that %s.\n\n"
                            "Nothing more can be saved, so that the damage does not spread: what is on screen "
                            "can still be read and printed. Close Motcua and open it again: it will offer to "
                            "restore the latest good backup."), detail);
  dialog = adw_message_dialog_new (parent, _("The database is damaged"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rotate_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Guard *guard = g_object_get_data (source, GUARD_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (guard != NULL)
    guard->running = FALSE;
  if (path != NULL)
    g_debug ("Automatic backup written to %s", path);
  else if (g_error_matches (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED))
    {
      McDb *db = mc_application_get_db (MC_APPLICATION (source));
      /* The error names the backup's temporary copy, in SQLite's English. */
      g_autofree char *detail = g_strdup_printf (_("the database “%s” is damaged (the copy the automatic "
                                                   "backup made of it failed the check)"),
                                                 db ? mc_db_get_path (db) : "");
      g_message ("Automatic backup: %s", error->message);
      stop_on_damage (MC_APPLICATION (source), detail);
    }
  else
    g_warning ("Automatic backup failed: %s", error->message);
}

static gboolean
tick_cb (gpointer user_data)
{
  Guard *guard = user_data;
  McDb *db = mc_application_get_db (guard->app);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  guint keep;
  Job *job;

  if (guard->running || db == NULL || !backup_due (guard, db))
    return G_SOURCE_CONTINUE;
  if ((keep = mc_backup_get_keep (db, &error)) == 0)
    {
      g_warning ("Automatic backup: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  job = g_new0 (Job, 1);
  job->db_path = g_strdup (mc_db_get_path (db));
  job->dir = g_strdup (guard->dir);
  job->keep = keep;
  task = g_task_new (guard->app, NULL, rotate_done_cb, NULL);
  g_task_set_task_data (task, job, job_free);
  guard->running = TRUE;
  g_task_run_in_thread (task, rotate_thread);
  return G_SOURCE_CONTINUE;
}

static void
check_tables_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (mc_backup_check_tables (data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_tables_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Guard *guard = g_object_get_data (source, GUARD_KEY);
  g_autoptr(GError) error = NULL;

  if (guard != NULL)
    guard->checking = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("The database's pages are sound");
  else if (g_error_matches (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED))
    stop_on_damage (MC_APPLICATION (source), error->message);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The check of the database could not run: %s", error->message);
}

static gboolean
check_pages_cb (gpointer user_data)
{
  Guard *guard = user_data;

  guard->pages_id = 0;
  mc_backup_guard_check_pages (guard->app);
  return G_SOURCE_REMOVE;
}

static void
shutdown_cb (GApplication *app, gpointer user_data)
{
  Guard *guard = user_data;
  McDb *db = mc_application_get_db (MC_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint keep;

  g_cancellable_cancel (guard->cancellable);
  /* A copy of a damaged file would be refused anyway; say nothing twice. */
  if (db == NULL || mc_db_get_damage (db) != NULL)
    return;
  keep = mc_backup_get_keep (db, &error);
  path = keep ? mc_backup_rotate (db, guard->dir, keep, g_get_real_time (), &error) : NULL;
  if (path == NULL)
    g_warning ("Backup at closing failed: %s", error->message);
}

void
mc_backup_guard_start (McApplication *app)
{
  McDb *db = mc_application_get_db (app);
  Guard *guard;

  g_return_if_fail (MC_IS_APPLICATION (app));

  /* A server's database is saved by the server's own means (motcua backup
   * FILE runs pg_dump; continuous archiving: docs/DEPLOYMENT.md): the copies
   * beside a file have nothing to copy there, and each hour and each closing
   * only logged their refusal. */
  if (db == NULL || g_strcmp0 (mc_db_get_path (db), ":memory:") == 0 || mc_db_is_server (db) ||
      g_object_get_data (G_OBJECT (app), GUARD_KEY) != NULL)
    return;
  guard = g_new0 (Guard, 1);
  guard->app = app;
  guard->dir = mc_backup_dir_for (mc_db_get_path (db));
  guard->cancellable = g_cancellable_new ();
  guard->timeout_id = g_timeout_add_seconds (CHECK_SECONDS, tick_cb, guard);
  /* The start-up check read only the header of a large file. */
  if (mc_backup_start_check_was_partial (mc_db_get_path (db)))
    guard->pages_id = g_timeout_add_seconds (PAGES_CHECK_DELAY_SECONDS, check_pages_cb, guard);
  g_object_set_data_full (G_OBJECT (app), GUARD_KEY, guard, guard_free);
  g_signal_connect (app, "shutdown", G_CALLBACK (shutdown_cb), guard);
}

gboolean
mc_backup_guard_is_running (McApplication *app)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), FALSE);
  return g_object_get_data (G_OBJECT (app), GUARD_KEY) != NULL;
}

void
mc_backup_guard_check_pages (McApplication *app)
{
  Guard *guard;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_APPLICATION (app));

  guard = g_object_get_data (G_OBJECT (app), GUARD_KEY);
  if (guard == NULL || guard->checking)
    return;
  task = g_task_new (app, guard->cancellable, check_tables_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (mc_db_get_path (mc_application_get_db (app))), g_free);
  guard->checking = TRUE;
  g_task_run_in_thread (task, check_tables_thread);
}

gboolean
mc_backup_guard_check (McApplication *app, const char *db_path, GError **error)
{
  g_autofree char *dir = mc_backup_dir_for (db_path);

  g_object_set_data_full (G_OBJECT (app), PATH_KEY, g_strdup (db_path), g_free);
  return mc_backup_check_at_start (db_path, dir, FALSE, error);
}

static void
show_restore_failed (McApplication *app, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot restore the backup"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (app));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), app);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  McApplication *app = user_data;
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  const char *db_path = g_object_get_data (G_OBJECT (app), PATH_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  if (!g_str_equal (response, "restore") || backup == NULL)
    {
      g_application_quit (G_APPLICATION (app));
      return;
    }
  if (!mc_backup_restore (db_path, backup, &aside, &error))
    {
      show_restore_failed (app, error->message);
      return;
    }
  if (aside != NULL)
    g_message ("The damaged database was kept as %s", aside);
  /* Opens the restored database and its window. */
  g_application_activate (G_APPLICATION (app));
}

static char *
describe_backup (const char *path)
{
  GStatBuf st;
  g_autoptr(GDateTime) at = NULL;

  if (g_stat (path, &st) != 0)
    return g_strdup (path);
  at = g_date_time_new_from_unix_local (st.st_mtime);
  return g_date_time_format (at, "%d/%m/%Y %H:%M");
}

gboolean
mc_backup_guard_offer_restore (McApplication *app, const GError *error)
{
  const char *db_path = g_object_get_data (G_OBJECT (app), PATH_KEY);
  g_autofree char *dir = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *what = NULL;
  AdwMessageDialog *dialog;
  gboolean missing;

  if (db_path == NULL || error == NULL || error->domain != MC_BACKUP_ERROR ||
      (error->code != MC_BACKUP_ERROR_DAMAGED && error->code != MC_BACKUP_ERROR_MISSING))
    return FALSE;
  dir = mc_backup_dir_for (db_path);
  latest = mc_backup_find_latest_good (dir);
  missing = error->code == MC_BACKUP_ERROR_MISSING;
  what = missing ? g_strdup_printf (_("The database “%s” has lost work that was saved: its write-ahead log "
                                      "was cut short or removed."), db_path)
                 : g_strdup_printf (_("The database “%s” is damaged and cannot be used safely."), db_path);
  if (latest != NULL)
    {
      when = describe_backup (latest);
      /* Translators: the first %s is the sentence above, the second a date and time, the third the backup file. */
      body = g_strdup_printf (_("%s\n\nThe latest good backup was written at %s (%s). Restoring it replaces the "
                                "database with that copy: what was recorded after it must be entered again. "
                                "The replaced file is kept beside it when it is damaged."), what, when, latest);
    }
  else
    body = g_strdup_printf (_("%s\n\nNo good backup was found in “%s”. Ask the administrator to restore a copy."),
                            what, dir);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, missing ? _("Saved work is missing")
                                                                     : _("The database is damaged"), body));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  if (latest != NULL)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore the Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  adw_message_dialog_set_close_response (dialog, "quit");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&latest), g_free);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (app));
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), app);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
