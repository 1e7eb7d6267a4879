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
 * A server engine would feed the same McChanges from LISTEN/NOTIFY instead.
 */
#include "config.h"

#include "mc-db-watch.h"

#define COALESCE_MS 40

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

static void
mc_db_watch_dispose (GObject *object)
{
  McDbWatch *self = MC_DB_WATCH (object);

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
  return self->monitor != NULL;
}
