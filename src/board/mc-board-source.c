/* mc-board-source.c — the liveboard's data, kept up to date from the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clerk's commit in another process must show within a second, and a board
 * that runs for months must not wake the CPU for nothing. So nothing polls:
 * the board follows the "changed" signal of core's McChanges, fed by an
 * McDbWatch on the database's file (inotify: the commit writes the -wal
 * file, a checkpoint the main file); each signal schedules one reload after
 * a short coalescing delay, and PRAGMA data_version on the worker's own
 * connection, which changes only when another connection committed, tells a
 * real change from a checkpoint or a reader. On a PostgreSQL server the
 * same signal is fed by LISTEN/NOTIFY on a connection of the main thread.
 * The figures of "today" and the lateness of pending dossiers move with the
 * clock, hence one forced reload at each new minute.
 *
 * Loading runs in a worker thread with the source's own connection (one
 * load at a time), so a year's figures on a million dossiers never stall the
 * ticker. A failed load keeps the last good model, marks the source offline
 * and reconnects every few seconds.
 */
#include "config.h"

#include "mc-board-source.h"
#include "mc-calendar-store.h"
#include "mc-db-watch.h"

#define COALESCE_MS 40
#define RETRY_SECONDS 3

/* Touched only by the worker thread (one task at a time). */
typedef struct {
  char       *path;
  McDb       *db;
  McCalendar *calendar;
  McWorkflow *workflow;
  gint64      data_version;
} Worker;

struct _McBoardSource
{
  GObject        parent_instance;

  Worker        *worker;
  McChanges     *changes;
  McDbWatch     *watch;
  McDb          *listen_db;  /* a server: the connection that LISTENs, else NULL */
  McBoardModel  *model;
  gboolean       offline;
  gboolean       loading;
  gboolean       pending;        /* another load asked for while one runs */
  gboolean       pending_force;
  guint          coalesce_id;
  guint          minute_id;
  guint          retry_id;
};

G_DEFINE_FINAL_TYPE (McBoardSource, mc_board_source, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void start_load (McBoardSource *self, gboolean force);

static void
worker_disconnect (Worker *w)
{
  g_clear_object (&w->workflow);
  g_clear_object (&w->calendar);
  g_clear_object (&w->db);
  w->data_version = -1;
}

static void
worker_free (Worker *w)
{
  worker_disconnect (w);
  g_free (w->path);
  g_free (w);
}

/* Never creates the file: a board pointed at a moved database waits for it. */
static gboolean
worker_connect (Worker *w, GError **error)
{
  if (w->db != NULL)
    return TRUE;
  if (!mc_db_path_is_server (w->path) && !g_file_test (w->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_OPEN, "%s: không tìm thấy tệp dữ liệu", w->path);
      return FALSE;
    }
  w->db = mc_db_new (w->path, NULL, error);
  if (w->db != NULL)
    w->calendar = mc_calendar_store_load (w->db, error);
  if (w->calendar == NULL)
    {
      worker_disconnect (w);
      return FALSE;
    }
  w->workflow = mc_workflow_new (w->db, w->calendar);
  return TRUE;
}

static void
load_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Worker *w = MC_BOARD_SOURCE (source)->worker;
  gboolean force = GPOINTER_TO_INT (data);
  GError *error = NULL;
  McBoardModel *model;
  gint64 version, start = g_get_monotonic_time ();

  if (!worker_connect (w, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  version = mc_db_data_version (w->db);
  if (!force && version == w->data_version && version >= 0)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (!mc_calendar_store_reload (w->db, w->calendar, &error) ||
      (model = mc_board_model_load (w->workflow, 0, &error)) == NULL)
    {
      worker_disconnect (w);
      g_task_return_error (task, error);
      return;
    }
  w->data_version = version;
  g_debug ("liveboard: loaded in %.1f ms (data_version %" G_GINT64_FORMAT ")",
           (g_get_monotonic_time () - start) / 1000.0, version);
  g_task_return_pointer (task, model, (GDestroyNotify) mc_board_model_free);
}

static gboolean
retry_cb (gpointer data)
{
  McBoardSource *self = data;

  self->retry_id = 0;
  start_load (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
set_offline (McBoardSource *self, gboolean offline)
{
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
load_done_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  McBoardSource *self = MC_BOARD_SOURCE (object);
  g_autoptr(GError) error = NULL;
  McBoardModel *model = g_task_propagate_pointer (G_TASK (result), &error);

  self->loading = FALSE;
  if (error != NULL)
    {
      g_message ("liveboard: %s; the last data stays on screen", error->message);
      if (self->retry_id == 0)
        self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
      set_offline (self, TRUE);
    }
  else if (model != NULL)
    {
      /* The text layouts stay valid: they are keyed by their text. */
      if (self->model != NULL && model->cache == NULL)
        model->cache = g_steal_pointer (&self->model->cache);
      g_clear_pointer (&self->model, mc_board_model_free);
      self->model = model;
      self->offline = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else
    set_offline (self, FALSE);
  if (self->pending)
    {
      self->pending = FALSE;
      start_load (self, self->pending_force);
    }
}

static void
start_load (McBoardSource *self, gboolean force)
{
  g_autoptr(GTask) task = NULL;

  if (self->loading)
    {
      self->pending = TRUE;
      self->pending_force |= force;
      return;
    }
  self->loading = TRUE;
  self->pending_force = FALSE;
  task = g_task_new (self, NULL, load_done_cb, NULL);
  g_task_set_task_data (task, GINT_TO_POINTER (force), NULL);
  g_task_run_in_thread (task, load_in_thread);
}

static gboolean
coalesce_cb (gpointer data)
{
  McBoardSource *self = data;

  self->coalesce_id = 0;
  start_load (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, gpointer data)
{
  McBoardSource *self = data;

  if (self->coalesce_id == 0)
    self->coalesce_id = g_timeout_add (COALESCE_MS, coalesce_cb, self);
}

static gboolean minute_cb (gpointer data);

/* At each new minute, not every 60 s from whenever the board started. */
static void
schedule_minute (McBoardSource *self)
{
  gint64 now = g_get_real_time () / 1000;

  self->minute_id = g_timeout_add (60000 - (guint) (now % 60000) + 50, minute_cb, self);
}

static gboolean
minute_cb (gpointer data)
{
  McBoardSource *self = data;

  start_load (self, TRUE);
  schedule_minute (self);
  return G_SOURCE_REMOVE;
}

static void
mc_board_source_dispose (GObject *object)
{
  McBoardSource *self = MC_BOARD_SOURCE (object);

  g_clear_handle_id (&self->coalesce_id, g_source_remove);
  g_clear_handle_id (&self->minute_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->changes != NULL)
    g_signal_handlers_disconnect_by_data (self->changes, self);
  g_clear_object (&self->watch);
  g_clear_object (&self->listen_db);
  g_clear_object (&self->changes);
  G_OBJECT_CLASS (mc_board_source_parent_class)->dispose (object);
}

static void
mc_board_source_finalize (GObject *object)
{
  McBoardSource *self = MC_BOARD_SOURCE (object);

  worker_free (self->worker);
  g_clear_pointer (&self->model, mc_board_model_free);
  G_OBJECT_CLASS (mc_board_source_parent_class)->finalize (object);
}

static void
mc_board_source_class_init (McBoardSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_board_source_dispose;
  object_class->finalize = mc_board_source_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_board_source_init (McBoardSource *self)
{
  self->worker = g_new0 (Worker, 1);
  self->worker->data_version = -1;
}

McBoardSource *
mc_board_source_new (const char *path)
{
  McBoardSource *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (MC_TYPE_BOARD_SOURCE, NULL);
  self->worker->path = mc_db_path_is_server (path) ? g_strdup (path) : g_canonicalize_filename (path, NULL);
  return self;
}

void
mc_board_source_start (McBoardSource *self)
{
  g_return_if_fail (MC_IS_BOARD_SOURCE (self));

  /* No connection of the main thread: the worker's data_version decides.
   * On a server, the main thread keeps one connection to LISTEN on
   * (issue 17 item 3): other desks' commits arrive as NOTIFY. */
  self->changes = mc_changes_new ();
  if (mc_db_path_is_server (self->worker->path))
    self->listen_db = mc_db_new (self->worker->path, NULL, NULL);
  self->watch = mc_db_watch_new (self->worker->path, self->listen_db, self->changes);
  g_signal_connect (self->changes, "changed", G_CALLBACK (changed_cb), self);
  start_load (self, TRUE);
  schedule_minute (self);
}

McBoardModel *
mc_board_source_get_model (McBoardSource *self)
{
  g_return_val_if_fail (MC_IS_BOARD_SOURCE (self), NULL);
  return self->model;
}

gboolean
mc_board_source_is_offline (McBoardSource *self)
{
  g_return_val_if_fail (MC_IS_BOARD_SOURCE (self), FALSE);
  return self->offline;
}

void
mc_board_source_reload (McBoardSource *self)
{
  g_return_if_fail (MC_IS_BOARD_SOURCE (self));
  start_load (self, TRUE);
}
