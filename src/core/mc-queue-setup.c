/* mc-queue-setup.c — the queue's ticket services and counters, as the
 * administrator sets them up (issue 18); the calls are in mc-queue.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-queue-private.h"
#include "mc-text.h"

void
mc_queue_service_free (McQueueService *service)
{
  if (service == NULL)
    return;
  g_free (service->name);
  g_free (service->prefix);
  g_free (service);
}

void
mc_queue_counter_free (McQueueCounter *counter)
{
  if (counter == NULL)
    return;
  g_free (counter->name);
  g_clear_pointer (&counter->service_ids, g_array_unref);
  g_free (counter);
}

/* ---- services ---------------------------------------------------------- */

static McQueueService *
service_from_row (McSqlStmt *stmt)
{
  McQueueService *s = g_new0 (McQueueService, 1);

  s->id = mc_sql_column_int64 (stmt, 0);
  s->name = g_strdup (mc_queue_column_text (stmt, 1));
  s->prefix = g_strdup (mc_queue_column_text (stmt, 2));
  s->first_number = mc_sql_column_int (stmt, 3);
  s->last_number = mc_sql_column_int (stmt, 4);
  s->active = mc_sql_column_int (stmt, 5) != 0;
  return s;
}

#define SERVICE_SELECT "SELECT id, name, prefix, first_number, last_number, active FROM queue_service "

GPtrArray *
mc_queue_list_services (McQueue *self, gboolean active_only, GError **error)
{
  McSqlStmt *stmt;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_service_free);
  McDbStep step;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  stmt = mc_db_prepare (mc_queue_get_db (self), SERVICE_SELECT "WHERE active <> 0 OR ? = 0 "
                                                "ORDER BY prefix = '', prefix, first_number, id", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int (stmt, 1, active_only);
  while ((step = mc_db_step_row (mc_queue_get_db (self), stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (list, service_from_row (stmt));
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_ERROR ? NULL : g_steal_pointer (&list);
}

McQueueService *
mc_queue_find_service (McQueue *self, const char *key, GError **error)
{
  g_autoptr(GPtrArray) all = mc_queue_list_services (self, FALSE, error);
  g_autofree char *folded = key ? g_utf8_casefold (key, -1) : NULL;
  char *end = NULL;
  gint64 id = key ? g_ascii_strtoll (key, &end, 10) : 0;

  if (all == NULL)
    return NULL;
  for (guint i = 0; key != NULL && i < all->len; i++)
    {
      McQueueService *s = all->pdata[i];
      g_autofree char *name = g_utf8_casefold (s->name, -1);

      if ((end && *end == '\0' && s->id == id) || (*s->prefix && g_ascii_strcasecmp (s->prefix, key) == 0) ||
          g_strcmp0 (name, folded) == 0)
        return g_ptr_array_steal_index (all, i);
    }
  g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No ticket service “%s”"), key ? key : "");
  return NULL;
}

/* Two services that print the same numbers (same letter, ranges that
 * overlap) would give two people one number on the same day. */
static gboolean
check_service_values (McQueue *self, gint64 id, const char *name, const char *prefix, int first, int last,
                      GError **error)
{
  McSqlStmt *stmt;

  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > 120)
    return mc_queue_fail (error, MC_QUEUE_ERROR_INVALID, _("The service needs a name (at most 120 characters)"));
  if (*prefix && !(strlen (prefix) == 1 && g_ascii_isupper (prefix[0])))
    return mc_queue_fail (error, MC_QUEUE_ERROR_INVALID, _("The letter of a service is one capital letter A–Z, or none"));
  if (first < 1 || last > 99999 || last < first)
    return mc_queue_fail (error, MC_QUEUE_ERROR_INVALID,
                 _("The numbers of a service run from a first to a last number between 1 and 99.999"));
  stmt = mc_db_prepare (mc_queue_get_db (self), "SELECT name FROM queue_service WHERE id <> ? AND prefix = ? "
                                  "AND first_number <= ? AND last_number >= ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, id);
  mc_sql_bind_text (stmt, 2, prefix, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 3, last);
  mc_sql_bind_int (stmt, 4, first);
  switch (mc_db_step_row (mc_queue_get_db (self), stmt, error))
    {
    case MC_DB_STEP_ROW:
      g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID,
                   _("The service “%s” already gives these numbers: choose another letter or range"),
                   mc_queue_column_text (stmt, 0));
      mc_sql_reset (stmt);
      return FALSE;
    case MC_DB_STEP_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
name_taken (McDb *db, const char *table, gint64 id, const char *name, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE id <> ? AND name = ?", table);
  McSqlStmt *stmt = mc_db_prepare (db, sql, error);
  gboolean taken;

  if (stmt == NULL)
    return TRUE;
  mc_sql_bind_int64 (stmt, 1, id);
  mc_sql_bind_text (stmt, 2, name, -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (db, stmt, error) != MC_DB_STEP_ROW)
    return TRUE;
  taken = mc_sql_column_int (stmt, 0) > 0;
  mc_sql_reset (stmt);
  if (taken)
    g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_INVALID, _("“%s” already exists"), name);
  return taken;
}

static gboolean
write_service (McQueue *self, gint64 *id, const char *name_in, const char *prefix_in, int first, int last,
               gboolean active, GError **error)
{
  g_autofree char *name = mc_text_normalize (name_in ? name_in : "");
  g_autofree char *prefix = g_ascii_strup (prefix_in ? prefix_in : "", -1);
  McSqlStmt *stmt;

  if (!mc_accounts_check (mc_queue_get_db (self), mc_db_get_actor (mc_queue_get_db (self)), MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  g_strstrip (prefix);
  if (!mc_db_begin (mc_queue_get_db (self), error))
    return FALSE;
  if (!check_service_values (self, *id, name, prefix, first, last, error) ||
      name_taken (mc_queue_get_db (self), "queue_service", *id, name, error))
    goto failed;
  stmt = mc_db_prepare (mc_queue_get_db (self), *id == 0 ? "INSERT INTO queue_service (name, prefix, first_number, last_number, "
                                             "active) VALUES (?, ?, ?, ?, ?)"
                                           : "UPDATE queue_service SET name = ?, prefix = ?, first_number = ?, "
                                             "last_number = ?, active = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  mc_sql_bind_text (stmt, 1, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, prefix, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 3, first);
  mc_sql_bind_int (stmt, 4, last);
  mc_sql_bind_int (stmt, 5, active ? 1 : 0);
  if (*id != 0)
    mc_sql_bind_int64 (stmt, 6, *id);
  if (!mc_db_step_done (mc_queue_get_db (self), stmt, error))
    goto failed;
  if (*id != 0 && mc_sql_changes (mc_queue_get_db (self)) == 0)
    {
      mc_queue_fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("The ticket service no longer exists"));
      goto failed;
    }
  if (*id == 0)
    *id = mc_sql_last_insert_id (mc_queue_get_db (self));
  return mc_db_commit (mc_queue_get_db (self), error);
failed:
  mc_db_rollback (mc_queue_get_db (self));
  return FALSE;
}

McQueueService *
mc_queue_add_service (McQueue *self, const char *name, const char *prefix, int first_number, int last_number,
                      GError **error)
{
  gint64 id = 0;
  g_autofree char *key = NULL;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  if (!write_service (self, &id, name, prefix, first_number, last_number, TRUE, error))
    return NULL;
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return mc_queue_find_service (self, key, error);
}

gboolean
mc_queue_update_service (McQueue *self, gint64 id, const char *name, const char *prefix, int first_number,
                         int last_number, gboolean active, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self) && id > 0, FALSE);
  return write_service (self, &id, name, prefix, first_number, last_number, active, error);
}

/* ---- counters ---------------------------------------------------------- */

static gboolean
read_counter_services (McQueue *self, McQueueCounter *c, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (mc_queue_get_db (self), "SELECT service_id FROM queue_counter_service "
                                                "WHERE counter_id = ? ORDER BY service_id", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  c->service_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  mc_sql_bind_int64 (stmt, 1, c->id);
  while ((step = mc_db_step_row (mc_queue_get_db (self), stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 sid = mc_sql_column_int64 (stmt, 0);

      g_array_append_val (c->service_ids, sid);
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

GPtrArray *
mc_queue_list_counters (McQueue *self, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_queue_counter_free);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  stmt = mc_db_prepare (mc_queue_get_db (self), "SELECT id, number, name, active FROM queue_counter ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  while ((step = mc_db_step_row (mc_queue_get_db (self), stmt, error)) == MC_DB_STEP_ROW)
    {
      McQueueCounter *c = g_new0 (McQueueCounter, 1);

      c->id = mc_sql_column_int64 (stmt, 0);
      c->number = mc_sql_column_int (stmt, 1);
      c->name = g_strdup (mc_queue_column_text (stmt, 2));
      c->active = mc_sql_column_int (stmt, 3) != 0;
      g_ptr_array_add (list, c);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (!read_counter_services (self, list->pdata[i], error))
      return NULL;
  return g_steal_pointer (&list);
}

McQueueCounter *
mc_queue_find_counter (McQueue *self, int number, GError **error)
{
  g_autoptr(GPtrArray) all = mc_queue_list_counters (self, error);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (((McQueueCounter *) all->pdata[i])->number == number)
      return g_ptr_array_steal_index (all, i);
  if (all != NULL)
    g_set_error (error, MC_QUEUE_ERROR, MC_QUEUE_ERROR_NOT_FOUND, _("No counter number %d"), number);
  return NULL;
}

static gboolean
write_counter_services (McQueue *self, gint64 counter_id, const gint64 *ids, guint n, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (mc_queue_get_db (self), "DELETE FROM queue_counter_service WHERE counter_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, counter_id);
  if (!mc_db_step_done (mc_queue_get_db (self), stmt, error))
    return FALSE;
  stmt = mc_db_prepare (mc_queue_get_db (self), "INSERT INTO queue_counter_service (counter_id, service_id) "
                                  "SELECT ?, id FROM queue_service WHERE id = ? ON CONFLICT DO NOTHING", error);
  for (guint i = 0; stmt != NULL && i < n; i++)
    {
      mc_sql_bind_int64 (stmt, 1, counter_id);
      mc_sql_bind_int64 (stmt, 2, ids[i]);
      if (!mc_db_step_done (mc_queue_get_db (self), stmt, error))
        return FALSE;
      if (mc_sql_changes (mc_queue_get_db (self)) == 0 && !(i > 0 && ids[i] == ids[i - 1]))
        return mc_queue_fail (error, MC_QUEUE_ERROR_NOT_FOUND, _("A service given to the counter does not exist"));
    }
  return stmt != NULL;
}

static gboolean
write_counter (McQueue *self, gboolean add, int number, const char *name_in, const gint64 *ids, guint n,
               gboolean active, GError **error)
{
  g_autofree char *name = mc_text_normalize (name_in ? name_in : "");
  McSqlStmt *stmt;
  gint64 id;

  if (!mc_accounts_check (mc_queue_get_db (self), mc_db_get_actor (mc_queue_get_db (self)), MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  if (number < 1 || number > 999)
    return mc_queue_fail (error, MC_QUEUE_ERROR_INVALID, _("A counter number is between 1 and 999"));
  if (*name == '\0' || g_utf8_strlen (name, -1) > 120)
    return mc_queue_fail (error, MC_QUEUE_ERROR_INVALID, _("The counter needs a name (at most 120 characters)"));
  if (!mc_db_begin (mc_queue_get_db (self), error))
    return FALSE;
  stmt = mc_db_prepare (mc_queue_get_db (self), add ? "INSERT INTO queue_counter (number, name, active) VALUES (?, ?, ?) "
                                        "ON CONFLICT (number) DO NOTHING RETURNING id"
                                      : "UPDATE queue_counter SET name = ?2, active = ?3 WHERE number = ?1 RETURNING id",
                        error);
  if (stmt == NULL)
    goto failed;
  mc_sql_bind_int (stmt, 1, number);
  mc_sql_bind_text (stmt, 2, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int (stmt, 3, active ? 1 : 0);
  switch (mc_db_step_row (mc_queue_get_db (self), stmt, error))
    {
    case MC_DB_STEP_ROW:
      id = mc_sql_column_int64 (stmt, 0);
      mc_sql_reset (stmt);
      break;
    case MC_DB_STEP_DONE:
      g_set_error (error, MC_QUEUE_ERROR, add ? MC_QUEUE_ERROR_INVALID : MC_QUEUE_ERROR_NOT_FOUND,
                   add ? _("Counter %d already exists") : _("No counter number %d"), number);
      goto failed;
    default:
      goto failed;
    }
  if (write_counter_services (self, id, ids, n, error))
    return mc_db_commit (mc_queue_get_db (self), error);
failed:
  mc_db_rollback (mc_queue_get_db (self));
  return FALSE;
}

McQueueCounter *
mc_queue_add_counter (McQueue *self, int number, const char *name, const gint64 *service_ids, guint n_services,
                      GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), NULL);
  if (!write_counter (self, TRUE, number, name, service_ids, n_services, TRUE, error))
    return NULL;
  return mc_queue_find_counter (self, number, error);
}

gboolean
mc_queue_update_counter (McQueue *self, int number, const char *name, const gint64 *service_ids, guint n_services,
                         gboolean active, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE (self), FALSE);
  return write_counter (self, FALSE, number, name, service_ids, n_services, active, error);
}

