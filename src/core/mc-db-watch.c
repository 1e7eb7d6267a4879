/* mc-db-watch.c — commits of other processes to a SQLite file, told as changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another process (a second counter's Motcua, the CLI, the liveboard's
 * setup) commits to the same file; SQLite gives no callback for that. Two
 * ways were weighed: reading PRAGMA data_version on a 1–2 s timer, or a file
 * monitor. The monitor wins for a program that runs all day: a commit in WAL
 * mode writes the -wal file (a checkpoint the main file), inotify wakes us
 * only then, so an idle Motcua never wakes for it, and the change is seen
 * within the coalescing delay instead of up to 2 s late. The liveboard has
 * worked this way since it was written. A write is not yet a commit by
 * someone else (our own commits and checkpoints write the same files), so
 * PRAGMA data_version — which moves only when another connection committed —
 * decides. Where the directory cannot be watched (inotify limits, an
 * unusual file system) data_version is read every MC_DB_WATCH_POLL_SECONDS.
 * docs/PERFORMANCE.md has the measured idle cost.
 *
 * On a PostgreSQL server the same McChanges are fed by LISTEN/NOTIFY: every
 * commit that wrote something sends NOTIFY motcua_changes with what it
 * wrote (mc-db.c), and the watch waits on the connection's socket, so a
 * change made at another desk is told here within milliseconds and an
 * idle connection costs nothing. The socket also says when the server
 * went away (a restart, the network): the watch then connects again by
 * itself, waiting longer after each failure (RETRY_FIRST_MS doubling to
 * RETRY_MAX_MS), and once back tells MC_CHANGE_ALL so that every page
 * reads again what it may have missed. Meanwhile McDb's "connected" is
 * FALSE (the window shows it) and writes are refused.
 */
#include "config.h"

#include <glib-unix.h>

#include "mc-db-private.h"
#include "mc-db-watch.h"

#define COALESCE_MS 40
#define RETRY_FIRST_MS 250
#define RETRY_MAX_MS   8000

struct _McDbWatch
{
  GObject       parent_instance;

  McDb         *db;        /* NULL: every write to the file is told */
  McChanges    *changes;
  GFileMonitor *monitor;
  char         *db_name;
  char         *wal_name;
  gint64        version;
  guint         coalesce_id;
  guint         poll_id;
  gboolean      server;     /* a PostgreSQL connection: LISTEN/NOTIFY */
  guint         socket_id;  /* the connection's socket: notifications, or connecting again */
  guint         retry_id;
  guint         retry_ms;
  gulong        connected_id;
  gulong        forward_id;
  guint         reconnections;
};

G_DEFINE_FINAL_TYPE (McDbWatch, mc_db_watch, G_TYPE_OBJECT)

static void
check (McDbWatch *self)
{
  gint64 version;

  if (self->db == NULL)
    {
      mc_changes_emit (self->changes, MC_CHANGE_ALL, 0);
      return;
    }
  version = mc_db_data_version (self->db);
  if (version == self->version)
    return;
  self->version = version;
  mc_changes_emit (self->changes, MC_CHANGE_ALL, 0);
}

static gboolean
coalesce_cb (gpointer data)
{
  McDbWatch *self = data;

  self->coalesce_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer data)
{
  check (data);
  return G_SOURCE_CONTINUE;
}

static void
file_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, gpointer data)
{
  McDbWatch *self = data;
  g_autofree char *name = g_file_get_basename (file);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  if (g_strcmp0 (name, self->db_name) != 0 && g_strcmp0 (name, self->wal_name) != 0)
    return;
  if (self->coalesce_id == 0)
    self->coalesce_id = g_timeout_add (COALESCE_MS, coalesce_cb, self);
}

static void
start (McDbWatch *self, const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GError) error = NULL;

  self->monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_message ("Cannot watch %s (%s): other computers' changes are looked for every %d s",
                 dir_path, error->message, MC_DB_WATCH_POLL_SECONDS);
      self->poll_id = g_timeout_add_seconds (MC_DB_WATCH_POLL_SECONDS, poll_cb, self);
      return;
    }
  g_file_monitor_set_rate_limit (self->monitor, COALESCE_MS);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

static void server_listen (McDbWatch *self);
static void server_retry_later (McDbWatch *self);

static gboolean
server_socket_cb (int fd, GIOCondition condition, gpointer data)
{
  McDbWatch *self = data;

  if (mc_db_server_consume (self->db))
    return G_SOURCE_CONTINUE;
  /* "connected" went FALSE: connected_cb has planned the reconnection. */
  self->socket_id = 0;
  return G_SOURCE_REMOVE;
}

static void
server_watch_socket (McDbWatch *self, GIOCondition condition, GUnixFDSourceFunc func)
{
  int fd = mc_db_server_socket (self->db);

  g_clear_handle_id (&self->socket_id, g_source_remove);
  if (fd >= 0)
    self->socket_id = g_unix_fd_add (fd, condition | G_IO_HUP | G_IO_ERR, func, self);
}

static gboolean reconnect_step_cb (int fd, GIOCondition condition, gpointer data);

/* One step of PQresetPoll, then wait for the socket as it asks. */
static void
reconnect_step (McDbWatch *self)
{
  g_autoptr(GError) error = NULL;

  switch (mc_db_reconnect_poll (self->db, &error))
    {
    case MC_DB_POLL_READING:
      server_watch_socket (self, G_IO_IN, reconnect_step_cb);
      break;
    case MC_DB_POLL_WRITING:
      server_watch_socket (self, G_IO_OUT, reconnect_step_cb);
      break;
    case MC_DB_POLL_OK:
      g_clear_handle_id (&self->socket_id, g_source_remove);
      self->retry_ms = 0;
      self->reconnections++;
      g_message ("The connection to the database server is back");
      server_listen (self);
      /* Whatever others committed meanwhile was not heard. */
      mc_changes_emit (self->changes, MC_CHANGE_ALL, 0);
      break;
    case MC_DB_POLL_FAILED:
    default:
      g_clear_handle_id (&self->socket_id, g_source_remove);
      server_retry_later (self);
      break;
    }
}

static gboolean
reconnect_step_cb (int fd, GIOCondition condition, gpointer data)
{
  McDbWatch *self = data;

  self->socket_id = 0;
  reconnect_step (self);
  return G_SOURCE_REMOVE;
}

static gboolean
retry_cb (gpointer data)
{
  McDbWatch *self = data;

  self->retry_id = 0;
  if (!mc_db_reconnect_start (self->db))
    server_retry_later (self);
  else
    reconnect_step (self);
  return G_SOURCE_REMOVE;
}

static void
server_retry_later (McDbWatch *self)
{
  self->retry_ms = self->retry_ms == 0 ? RETRY_FIRST_MS : MIN (self->retry_ms * 2, RETRY_MAX_MS);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add (self->retry_ms, retry_cb, self);
}

/* Lost, however it was found (the socket, or a statement failing): start
 * connecting again, from the main loop rather than inside the failing call. */
static void
connected_cb (GObject *db, GParamSpec *pspec, gpointer data)
{
  McDbWatch *self = data;

  if (mc_db_get_connected (self->db) || self->retry_id != 0 || self->retry_ms != 0)
    return;
  g_message ("The connection to the database server was lost: connecting again");
  g_clear_handle_id (&self->socket_id, g_source_remove);
  server_retry_later (self);
}

static void
server_listen (McDbWatch *self)
{
  g_autoptr(GError) error = NULL;

  if (!mc_db_listen_changes (self->db, &error))
    {
      g_message ("Cannot listen for other desks' changes: %s", error->message);
      return;
    }
  server_watch_socket (self, G_IO_IN, server_socket_cb);
}

/* The server's notifications are told on the McDb's own McChanges; a
 * watch made for another notifier (the liveboard's) passes them on. */
static void
forward_cb (McChanges *from, McChangeKind kind, gint64 id, gpointer data)
{
  McDbWatch *self = data;

  mc_changes_emit (self->changes, kind, id);
}

static void
mc_db_watch_dispose (GObject *object)
{
  McDbWatch *self = MC_DB_WATCH (object);

  g_clear_handle_id (&self->socket_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->connected_id != 0)
    g_clear_signal_handler (&self->connected_id, self->db);
  if (self->forward_id != 0)
    g_clear_signal_handler (&self->forward_id, mc_db_get_changes (self->db));

  g_clear_handle_id (&self->coalesce_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->db);
  g_clear_object (&self->changes);
  G_OBJECT_CLASS (mc_db_watch_parent_class)->dispose (object);
}

static void
mc_db_watch_finalize (GObject *object)
{
  McDbWatch *self = MC_DB_WATCH (object);

  g_free (self->db_name);
  g_free (self->wal_name);
  G_OBJECT_CLASS (mc_db_watch_parent_class)->finalize (object);
}

static void
mc_db_watch_class_init (McDbWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_db_watch_dispose;
  object_class->finalize = mc_db_watch_finalize;
}

static void
mc_db_watch_init (McDbWatch *self)
{
  self->version = -1;
}

McDbWatch *
mc_db_watch_new (const char *path, McDb *db, McChanges *changes)
{
  McDbWatch *self;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (db == NULL || MC_IS_DB (db), NULL);
  g_return_val_if_fail (MC_IS_CHANGES (changes), NULL);

  self = g_object_new (MC_TYPE_DB_WATCH, NULL);
  self->changes = g_object_ref (changes);
  if (g_strcmp0 (path, ":memory:") == 0)
    return self;  /* nobody else can write to it */
  if (db != NULL && mc_db_is_server (db))
    {
      self->server = TRUE;
      self->db = g_object_ref (db);
      self->connected_id = g_signal_connect (db, "notify::connected", G_CALLBACK (connected_cb), self);
      if (changes != mc_db_get_changes (db))
        self->forward_id = g_signal_connect (mc_db_get_changes (db), "changed", G_CALLBACK (forward_cb), self);
      server_listen (self);
      return self;
    }
  self->db = db != NULL ? g_object_ref (db) : NULL;
  if (db != NULL)
    self->version = mc_db_data_version (db);
  canonical = g_canonicalize_filename (path, NULL);
  self->db_name = g_path_get_basename (canonical);
  self->wal_name = g_strconcat (self->db_name, "-wal", NULL);
  start (self, canonical);
  return self;
}

gboolean
mc_db_watch_is_monitoring (McDbWatch *self)
{
  g_return_val_if_fail (MC_IS_DB_WATCH (self), FALSE);
  return self->monitor != NULL || self->socket_id != 0;
}

guint
mc_db_watch_get_reconnections (McDbWatch *self)
{
  g_return_val_if_fail (MC_IS_DB_WATCH (self), 0);
  return self->reconnections;
}
