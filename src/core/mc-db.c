/* mc-db.c — the SQLite database: one connection, WAL, migrations, GError everywhere
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin wrapper in the manner of epiphany's ephy-sqlite-connection: the
 * connection is opened by GInitable so that a failure is a GError, never a
 * half-built object. Durability settings are chosen for a center's data:
 * WAL (the liveboard reads while a clerk writes), synchronous=FULL (a
 * committed dossier survives a power cut), foreign keys, and a busy timeout so
 * a second process waits instead of failing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-db.h"
#include "mc-fts.h"

#define BUSY_TIMEOUT_MS 5000

struct _McDb
{
  GObject     parent_instance;

  char       *path;
  gboolean    migrate;
  sqlite3    *handle;
  GHashTable *statements;  /* SQL text → sqlite3_stmt* */
  int         depth;       /* nested transactions, as savepoints */
};

static void mc_db_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McDb, mc_db, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, mc_db_initable_iface_init))
G_DEFINE_QUARK (mc-db-error-quark, mc_db_error)

enum { PROP_0, PROP_PATH, PROP_MIGRATE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The migrations, in order; version N is the N-th file. */
static const char *const migrations[] = {
  "/vn/motcua/Motcua/sql/0001-schema.sql",
  "/vn/motcua/Motcua/sql/0002-indexes.sql",
};

gboolean
mc_db_set_error (McDb *self, int rc, GError **error)
{
  int code = MC_DB_ERROR_SQL;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = MC_DB_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = MC_DB_ERROR_CONSTRAINT;
      break;
    default:
      break;
    }
  g_set_error (error, MC_DB_ERROR, code, _("Database error: %s"),
               self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
  return FALSE;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static gboolean
apply_pragmas (McDb *self, GError **error)
{
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  if (!mc_db_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (g_strcmp0 (self->path, ":memory:") != 0 &&
      !mc_db_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  return mc_db_exec (self, "PRAGMA synchronous = FULL", error) &&
         mc_db_exec (self, "PRAGMA temp_store = MEMORY", error) &&
         mc_db_exec (self, "PRAGMA cache_size = -32000", error);
}

static gboolean
mc_db_initable_init (GInitable *initable, GCancellable *cancellable, GError **error)
{
  McDb *self = MC_DB (initable);
  int rc;

  if (g_strcmp0 (self->path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);
      g_mkdir_with_parents (dir, 0700);
    }
  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_OPEN, _("Cannot open the database “%s”: %s"),
                   self->path, self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  if (mc_fts_register_vn_tokenizer (self->handle) != SQLITE_OK)
    return mc_db_set_error (self, SQLITE_ERROR, error);
  if (!apply_pragmas (self, error))
    return FALSE;
  if (self->migrate)
    return mc_db_migrate_to (self, mc_db_get_latest_version (), error);
  return TRUE;
}

static void
mc_db_initable_iface_init (GInitableIface *iface)
{
  iface->init = mc_db_initable_init;
}

static void
mc_db_finalize (GObject *object)
{
  McDb *self = MC_DB (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  G_OBJECT_CLASS (mc_db_parent_class)->finalize (object);
}

static void
mc_db_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McDb *self = MC_DB (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_MIGRATE:
      g_value_set_boolean (value, self->migrate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_db_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McDb *self = MC_DB (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_MIGRATE:
      self->migrate = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_db_class_init (McDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_db_finalize;
  object_class->get_property = mc_db_get_property;
  object_class->set_property = mc_db_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, ":memory:",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIGRATE] =
    g_param_spec_boolean ("migrate", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_db_init (McDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

McDb *
mc_db_new (const char *path, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (MC_TYPE_DB, cancellable, error, "path", path, NULL);
}

McDb *
mc_db_new_unmigrated (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (MC_TYPE_DB, NULL, error, "path", path, "migrate", FALSE, NULL);
}

const char *
mc_db_get_path (McDb *self)
{
  g_return_val_if_fail (MC_IS_DB (self), NULL);

  return self->path;
}

sqlite3 *
mc_db_get_handle (McDb *self)
{
  g_return_val_if_fail (MC_IS_DB (self), NULL);

  return self->handle;
}

char *
mc_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "motcua", "motcua.sqlite", NULL);
}

gboolean
mc_db_exec (McDb *self, const char *sql, GError **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (MC_IS_DB (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MC_DB_ERROR, (rc & 0xff) == SQLITE_BUSY ? MC_DB_ERROR_BUSY : MC_DB_ERROR_SQL,
                   _("Database error: %s"), message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
mc_db_prepare (McDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MC_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      mc_db_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
mc_db_step_done (McDb *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  mc_db_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints, so a function that writes atomically can be called both on its
 * own and from inside a larger transaction (an import, the demo). */
gboolean
mc_db_begin (McDb *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MC_IS_DB (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE") : g_strdup_printf ("SAVEPOINT mc_%d", self->depth);
  if (!mc_db_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
mc_db_commit (McDb *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MC_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE mc_%d", self->depth - 1);
  if (!mc_db_exec (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
mc_db_rollback (McDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (MC_IS_DB (self));

  if (self->depth == 0)
    return;
  if (self->depth == 1)
    {
      if (!sqlite3_get_autocommit (self->handle))
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO mc_%d; RELEASE mc_%d", self->depth - 1, self->depth - 1);
      sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

gint64
mc_db_query_int (McDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (self, sql, error);
  gint64 value = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    mc_db_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return value;
}

int
mc_db_get_version (McDb *self)
{
  return (int) mc_db_query_int (self, "PRAGMA user_version", NULL);
}

int
mc_db_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
run_migration (McDb *self, int version, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  bytes = g_resources_lookup_data (migrations[version - 1], G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* DDL is transactional in SQLite: a migration either happens whole or not. */
  if (!mc_db_begin (self, error))
    return FALSE;
  if (!mc_db_exec (self, sql, error) || !mc_db_exec (self, set_version, error) ||
      !mc_db_commit (self, error))
    {
      mc_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_db_migrate_to (McDb *self, int version, GError **error)
{
  int current;

  g_return_val_if_fail (MC_IS_DB (self), FALSE);
  g_return_val_if_fail (version >= 0 && version <= mc_db_get_latest_version (), FALSE);

  current = mc_db_get_version (self);
  if (current > mc_db_get_latest_version ())
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Motcua (schema %d, this version knows %d)"),
                   current, mc_db_get_latest_version ());
      return FALSE;
    }
  for (int v = current + 1; v <= version; v++)
    if (!run_migration (self, v, error))
      return FALSE;
  return TRUE;
}

char *
mc_db_get_setting (McDb *self, const char *key, const char *fallback)
{
  sqlite3_stmt *stmt = mc_db_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return g_strdup (fallback);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value ? value : g_strdup (fallback);
}

gboolean
mc_db_set_setting (McDb *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (self,
      "INSERT INTO setting (key, value) VALUES (?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return mc_db_step_done (self, stmt, error);
}

gint64
mc_db_data_version (McDb *self)
{
  return mc_db_query_int (self, "PRAGMA data_version", NULL);
}

gint64
mc_db_lookup_id (McDb *self, const char *table, const char *column, const char *value,
                 GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", table, column);
  sqlite3_stmt *stmt = mc_db_prepare (self, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}
