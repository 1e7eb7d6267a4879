/* mc-workflow-records.c — what the routing pages and documents read:
 * inboxes, results waiting at the counter, hand-overs (Mẫu 05), apologies
 * (Mẫu 04 register) and the dossier register (Mẫu 06)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-db-private.h"
#include "mc-lateness.h"
#include "mc-open-counts.h"
#include "mc-settings.h"
#include "mc-text.h"
#include "mc-workflow-private.h"

#define text mc_workflow_column_text
#define time_at mc_workflow_column_time

void
mc_work_item_free (McWorkItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->procedure_name);
  g_free (item->field_name);
  g_free (item->applicant_name);
  g_free (item->applicant_phone);
  g_free (item->department_name);
  g_free (item->staff_name);
  g_free (item->unit_name);
  g_free (item->outcome);
  g_free (item->timeliness);
  g_free (item->result_number);
  g_free (item->pause_kind);
  g_free (item);
}

#define ITEM_COLUMNS                                                                                   \
  "SELECT d.code, p.name, f.name, d.applicant_name, d.applicant_phone, d.state, "                      \
  "coalesce (d.current_step, 0), (SELECT count (*) FROM procedure_step s WHERE s.procedure_id = p.id), " \
  "dep.name, st.full_name, u.name, d.received_at, d.due_at, d.extended_due_at, d.step_due_at, "        \
  "d.step_accepted_at, d.finished_at, d.outcome, d.timeliness, d.result_number, d.pause_kind, "        \
  "d.paused_since, " MC_DEADLINES_COLUMNS ", d.id "                                                   \
  "FROM dossier d JOIN procedure p ON p.id = d.procedure_id JOIN field f ON f.id = p.field_id "         \
  "LEFT JOIN department dep ON dep.id = d.current_department_id "                                      \
  "LEFT JOIN staff st ON st.id = d.current_staff_id LEFT JOIN unit u ON u.id = d.current_unit_id "

/* mc_db_prepare with the ID number and the phone as this login may read
 * them (mc_db_personal_sql: NULL for a server login without the
 * personal-data permission, whose statement would be refused whole). */
static McSqlStmt *
records_prepare (McDb *db, const char *sql, GError **error)
{
  g_autofree char *allowed = mc_db_personal_sql (db, sql);

  return mc_db_prepare (db, allowed, error);
}

/* One standard working day after `clock`, remembered for the next dossier:
 * every open dossier not paused has the same clock (now), and an inbox of
 * tens of thousands spent most of its time in the calendar (issue 15). */
typedef struct {
  McTime clock;
  McTime soon;
} SoonCache;

/* quá hạn and chậm tiến độ as mc-lateness.h defines them; "sắp đến hạn"
 * when one standard working day of the dossier's clock would reach it. */
static void
compute_lateness (McWorkflow *self, McWorkItem *item, const McDeadlines *deadlines, McTime now, SoonCache *cache)
{
  McTime clock = mc_deadlines_clock (deadlines, now);
  McTime appointment = mc_deadlines_appointment (deadlines, now);
  McTime soon = clock;
  gboolean open = mc_dossier_state_is_open (item->state);

  item->appointment_at = appointment;
  if (cache != NULL && cache->clock == clock && clock != 0)
    soon = cache->soon;
  else
    {
      mc_calendar_add_working_minutes (self->calendar, clock, mc_calendar_standard_day_minutes (self->calendar),
                                       &soon, NULL);
      if (cache != NULL)
        *cache = (SoonCache) { clock, soon };
    }
  item->lateness = !open ? MC_LATENESS_NONE
                   : mc_deadlines_is_overdue (deadlines, now) ? MC_LATENESS_OVERDUE
                   : soon >= appointment ? MC_LATENESS_SOON : MC_LATENESS_NONE;
  item->step_lateness = item->step_due_at == 0 || !open ? MC_LATENESS_NONE
                        : mc_deadlines_is_step_late (deadlines, now) ? MC_LATENESS_STEP_LATE
                        : soon >= item->step_due_at ? MC_LATENESS_SOON : MC_LATENESS_NONE;
}

static McWorkItem *
item_from_row (McWorkflow *self, McSqlStmt *stmt, McTime now)
{
  McWorkItem *item = g_new0 (McWorkItem, 1);
  McDeadlines deadlines;

  item->code = text (stmt, 0);
  item->procedure_name = text (stmt, 1);
  item->field_name = text (stmt, 2);
  item->applicant_name = text (stmt, 3);
  item->applicant_phone = text (stmt, 4);
  if (!mc_dossier_state_from_string (mc_sql_column_text (stmt, 5), &item->state))
    item->state = MC_STATE_RECEIVED;  /* the schema's CHECK admits none other */
  item->step = mc_sql_column_int (stmt, 6);
  item->n_steps = mc_sql_column_int (stmt, 7);
  item->department_name = text (stmt, 8);
  item->staff_name = text (stmt, 9);
  item->unit_name = text (stmt, 10);
  item->received_at = time_at (stmt, 11);
  item->due_at = time_at (stmt, 12);
  item->extended_due_at = time_at (stmt, 13);
  item->step_due_at = time_at (stmt, 14);
  item->step_accepted_at = time_at (stmt, 15);
  item->finished_at = time_at (stmt, 16);
  item->outcome = text (stmt, 17);
  item->timeliness = text (stmt, 18);
  item->result_number = text (stmt, 19);
  item->pause_kind = text (stmt, 20);
  mc_deadlines_from_row (&deadlines, stmt, 22);
  item->id = mc_sql_column_int64 (stmt, 22 + MC_DEADLINES_N_COLUMNS);
  compute_lateness (self, item, &deadlines, now, NULL);
  return item;
}

/* The inbox, or (dossier_id > 0) only that dossier's line of it, read by
 * its primary key. */
static GPtrArray *
inbox_rows (McWorkflow *self, gint64 department_id, const char *username, gint64 dossier_id, McTime now,
            GError **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_work_item_free);
  McDbStep step;
  g_autofree char *sql = NULL;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  /* The open states (mc-dossier-state.c), the list of the partial index
   * dossier_inbox, which SQLite uses only for the same list. The order is
   * also McInboxModel's (mc-inbox-model.c, inbox_order), which places one
   * line read again without reading the others. */
  sql = g_strdup_printf (ITEM_COLUMNS "WHERE %s d.state IN %s "
                         "AND (?1 = 0 OR d.current_department_id = ?1) AND (?2 IS NULL OR st.username = ?2) "
                         "ORDER BY coalesce (d.step_due_at, d.due_at), d.id",
                         dossier_id > 0 ? "d.id = ?3 AND" : "", mc_dossier_state_open_sql ());
  stmt = records_prepare (self->db, sql, error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  mc_sql_bind_int64 (stmt, 1, department_id);
  if (username && *username)
    mc_sql_bind_text (stmt, 2, username, -1, MC_SQL_TRANSIENT);
  if (dossier_id > 0)
    mc_sql_bind_int64 (stmt, 3, dossier_id);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (items, item_from_row (self, stmt, now ? now : mc_time_now ()));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&items, g_ptr_array_unref);  /* the error, not a shorter inbox */
  return items;
}

GPtrArray *
mc_workflow_inbox (McWorkflow *self, gint64 department_id, const char *username, McTime now, GError **error)
{
  return inbox_rows (self, department_id, username, 0, now, error);
}

GPtrArray *
mc_workflow_inbox_line (McWorkflow *self, gint64 department_id, const char *username, gint64 dossier_id,
                        McTime now, GError **error)
{
  g_return_val_if_fail (dossier_id > 0, NULL);

  return inbox_rows (self, department_id, username, dossier_id, now, error);
}

/* NULL with `error` set on a failure. */
static McWorkItem *
item_by_id (McWorkflow *self, gint64 id, McTime now, GError **error)
{
  McSqlStmt *stmt = records_prepare (self->db, ITEM_COLUMNS "WHERE d.id = ?", error);
  McWorkItem *item = NULL;

  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, id);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ROW:
      item = item_from_row (self, stmt, now);
      break;
    case MC_DB_STEP_DONE:   /* dossiers are never deleted: not here */
    case MC_DB_STEP_ERROR:
      break;
    }
  mc_sql_reset (stmt);
  return item;
}

/* Counts the open dossiers of `where` (a condition on `table`, aliased d,
 * with ?1 the department, 0 for all, and ?2 the person, NULL for any) row
 * by row, as mc-lateness.h defines them, into `counts`; keeps the ids of
 * the first `limit` in the inbox's order in `ids` when it is not NULL. */
static gboolean
count_rows (McWorkflow *self, const char *table, const char *where, gint64 department_id, const char *username,
            McTime now, guint limit, McInboxCounts *counts, GArray *ids, GError **error)
{
  g_autofree char *sql = NULL;
  SoonCache cache = { 0, 0 };
  McSqlStmt *stmt;
  McDbStep step;

  sql = g_strdup_printf ("SELECT d.id, d.state, " MC_DEADLINES_COLUMNS " FROM %s "
                         "LEFT JOIN staff st ON st.id = d.current_staff_id WHERE %s "
                         "AND (?1 = 0 OR d.current_department_id = ?1) AND (?2 IS NULL OR st.username = ?2) "
                         "%s", table, where, ids != NULL ? "ORDER BY coalesce (d.step_due_at, d.due_at), d.id" : "");
  stmt = mc_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, department_id);
  if (username && *username)
    mc_sql_bind_text (stmt, 2, username, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McWorkItem probe = { 0 };
      McDeadlines deadlines;

      if (!mc_dossier_state_from_string (mc_sql_column_text (stmt, 1), &probe.state))
        probe.state = MC_STATE_RECEIVED;
      mc_deadlines_from_row (&deadlines, stmt, 2);
      probe.step_due_at = time_at (stmt, 2 + MC_DEADLINES_N_COLUMNS - 1);
      compute_lateness (self, &probe, &deadlines, now, &cache);
      counts->total++;
      counts->overdue += probe.lateness == MC_LATENESS_OVERDUE;
      counts->step_late += probe.step_lateness == MC_LATENESS_STEP_LATE;
      counts->soon += probe.lateness == MC_LATENESS_SOON || probe.step_lateness == MC_LATENESS_SOON;
      if (ids != NULL && ids->len < limit)
        {
          gint64 id = mc_sql_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

/* The counts of a department's inbox (0: all) kept by migration 0031: the
 * running dossiers from open_due (mc-open-counts.c), the others (paused,
 * with an apology's appointment) row by row. *done is FALSE when the table
 * does not answer for `now` (mc_open_counts_running). */
static gboolean
kept_counts (McWorkflow *self, gint64 department_id, McTime now, McInboxCounts *counts, gboolean *done,
             GError **error)
{
  McOpenCounts running;
  McTime soon = now;

  *done = FALSE;
  mc_calendar_add_working_minutes (self->calendar, now, mc_calendar_standard_day_minutes (self->calendar), &soon,
                                   NULL);
  if (!mc_open_counts_running (self->db, department_id, now, soon, &running, done, error))
    return FALSE;
  if (!*done)
    return TRUE;
  *counts = (McInboxCounts) { running.total, running.soon, running.step_late, running.overdue };
  return count_rows (self, mc_open_counts_other_table (self->db), mc_open_counts_other_sql (self->db), department_id,
                     NULL, now, 0, counts, NULL, error);
}

/* The inbox's first pass when it is a person's, or when open_due does not
 * answer: its counts row by row, and the ids of the first `limit` in its
 * order. */
static GArray *
inbox_ids_and_counts (McWorkflow *self, gint64 department_id, const char *username, McTime now, guint limit,
                      McInboxCounts *counts, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *open = g_strdup_printf ("d.state IN %s", mc_dossier_state_open_sql ());

  memset (counts, 0, sizeof *counts);
  if (!count_rows (self, "dossier d", open, department_id, username, now, limit, counts, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* The first `limit` of a department's inbox (0: all departments) whole, in
 * one statement through dossier_inbox_urgent. */
static GPtrArray *
urgent_items (McWorkflow *self, gint64 department_id, McTime now, guint limit, GError **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_work_item_free);
  g_autofree char *tail = mc_open_counts_urgent_sql (self->db, department_id);
  g_autofree char *sql = g_strconcat (ITEM_COLUMNS, tail, NULL);
  McSqlStmt *stmt = records_prepare (self->db, sql, error);
  McDbStep step;

  if (stmt == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  mc_sql_bind_int64 (stmt, 1, department_id);
  mc_sql_bind_int64 (stmt, 2, limit);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (items, item_from_row (self, stmt, now));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&items, g_ptr_array_unref);
  return items;
}

/* Reads the dossiers of `ids` whole, in that order. */
static GPtrArray *
items_by_ids (McWorkflow *self, GArray *ids, McTime now, GError **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_work_item_free);

  for (guint i = 0; i < ids->len; i++)
    {
      GError *local = NULL;
      McWorkItem *item = item_by_id (self, g_array_index (ids, gint64, i), now, &local);

      if (local != NULL)
        {
          g_propagate_error (error, local);
          g_ptr_array_unref (items);
          return NULL;
        }
      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  return items;
}

/* A department's or all departments' inbox is counted from open_due and
 * its first rows read in order from dossier_inbox_urgent (issue 15: at
 * 5,000,000 the 143,963 open dossiers read and sorted cost Xử lý hồ sơ
 * 364 ms); a person's inbox, tens of dossiers, row by row. */
GPtrArray *
mc_workflow_inbox_first (McWorkflow *self, gint64 department_id, const char *username, McTime now, guint limit,
                         McInboxCounts *counts, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean kept = FALSE;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  now = now ? now : mc_time_now ();
  if ((username == NULL || *username == '\0') && !kept_counts (self, department_id, now, counts, &kept, error))
    return NULL;
  if (kept)
    return urgent_items (self, department_id, now, limit, error);
  ids = inbox_ids_and_counts (self, department_id, username, now, limit, counts, error);
  return ids != NULL ? items_by_ids (self, ids, now, error) : NULL;
}

gboolean
mc_workflow_count_inbox (McWorkflow *self, gint64 department_id, const char *username, McTime now,
                         McInboxCounts *counts, GError **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean kept = FALSE;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  now = now ? now : mc_time_now ();
  if ((username == NULL || *username == '\0') && !kept_counts (self, department_id, now, counts, &kept, error))
    return FALSE;
  if (kept)
    return TRUE;
  ids = inbox_ids_and_counts (self, department_id, username, now, 0, counts, error);
  return ids != NULL;
}

/* The sidebar's badges of a page not built yet: two counts in SQL through
 * the partial indexes (dossier_inbox, dossier_ready), not the rows read
 * whole as mc_workflow_count_inbox does. "quá hạn" is mc-lateness.h's, in
 * SQL (mc_lateness_sql_overdue), so the badge agrees with the page once
 * built. */
gboolean
mc_workflow_count_inbox_overdue (McWorkflow *self, gint64 department_id, const char *username, McTime now,
                                 guint *total, guint *overdue, GError **error)
{
  g_autofree char *late = mc_lateness_sql_overdue ("?3");
  g_autofree char *sql = NULL;
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  *total = *overdue = 0;
  /* CASE, not sum (condition): PostgreSQL has no sum of booleans. */
  sql = g_strdup_printf ("SELECT count (*), coalesce (sum (CASE WHEN %s THEN 1 ELSE 0 END), 0) FROM dossier d "
                         "LEFT JOIN staff st ON st.id = d.current_staff_id WHERE d.state IN %s "
                         "AND (?1 = 0 OR d.current_department_id = ?1) AND (?2 IS NULL OR st.username = ?2)",
                         late, mc_dossier_state_open_sql ());
  stmt = mc_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, department_id);
  if (username && *username)
    mc_sql_bind_text (stmt, 2, username, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 3, now ? now : mc_time_now ());
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      *total = (guint) mc_sql_column_int64 (stmt, 0);
      *overdue = (guint) mc_sql_column_int64 (stmt, 1);
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_workflow_count_ready (McWorkflow *self, guint *n, GError **error)
{
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  *n = 0;
  stmt = mc_db_prepare (self->db, "SELECT count (*) FROM dossier d INDEXED BY dossier_ready "
                        "WHERE d.finished_at IS NOT NULL AND d.returned_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *n = (guint) mc_sql_column_int64 (stmt, 0);
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

GStrv
mc_workflow_newly_overdue (McWorkflow *self, gint64 department_id, const char *username, McTime since,
                           McTime now, GError **error)
{
  g_autoptr(GPtrArray) items = mc_workflow_inbox (self, department_id, username, now, error);
  GStrvBuilder *builder;

  if (items == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < items->len; i++)
    {
      McWorkItem *item = items->pdata[i];
      if (item->lateness == MC_LATENESS_OVERDUE && item->appointment_at > since && item->appointment_at <= now)
        g_strv_builder_add (builder, item->code);
    }
  {
    GStrv codes = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return codes;
  }
}

static gboolean
matches (const McWorkItem *item, const char *folded_query)
{
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  joined = g_strjoin (" ", item->code, item->applicant_name, item->applicant_phone ? item->applicant_phone : "", NULL);
  haystack = mc_text_fold (joined);
  return mc_text_matches_folded (haystack, folded_query);
}

/* The results waiting, or (dossier_id > 0) only that dossier's line. The
 * order is also McReturnModel's (mc-return-model.c, ready_order). */
static GPtrArray *
ready_rows (McWorkflow *self, const char *query, gint64 dossier_id, GError **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_work_item_free);
  g_autofree char *folded = query ? mc_text_fold (query) : NULL;
  g_autofree char *trimmed = folded ? g_strstrip (g_strdup (folded)) : NULL;
  McTime now = mc_time_now ();
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  stmt = records_prepare (self->db, dossier_id > 0
      ? ITEM_COLUMNS "WHERE d.id = ?1 AND d.finished_at IS NOT NULL AND d.returned_at IS NULL"
      : ITEM_COLUMNS "WHERE d.finished_at IS NOT NULL AND d.returned_at IS NULL ORDER BY d.finished_at, d.id", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  if (dossier_id > 0)
    mc_sql_bind_int64 (stmt, 1, dossier_id);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McWorkItem *item = item_from_row (self, stmt, now);
      if (matches (item, trimmed))
        g_ptr_array_add (items, item);
      else
        mc_work_item_free (item);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&items, g_ptr_array_unref);
  return items;
}

GPtrArray *
mc_workflow_ready (McWorkflow *self, const char *query, GError **error)
{
  return ready_rows (self, query, 0, error);
}

GPtrArray *
mc_workflow_ready_line (McWorkflow *self, const char *query, gint64 dossier_id, GError **error)
{
  g_return_val_if_fail (dossier_id > 0, NULL);

  return ready_rows (self, query, dossier_id, error);
}

/* The first `limit` of the waiting results matching `folded` (oldest
 * first) by the cheap columns only, through dossier_ready; every match is
 * counted. Then only those rows are read whole. */
static GArray *
ready_matching_ids (McWorkflow *self, const char *folded, guint limit, guint *n_matching, GError **error)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  McSqlStmt *stmt;
  McDbStep step;

  *n_matching = 0;
  stmt = records_prepare (self->db, "SELECT d.id, d.code, d.applicant_name, d.applicant_phone "
                        "FROM dossier d INDEXED BY dossier_ready "
                        "WHERE d.finished_at IS NOT NULL AND d.returned_at IS NULL ORDER BY d.finished_at, d.id",
                        error);
  if (stmt == NULL)
    {
      g_array_unref (ids);
      return NULL;
    }
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McWorkItem probe = { 0 };

      probe.code = (char *) mc_sql_column_text (stmt, 1);
      probe.applicant_name = (char *) mc_sql_column_text (stmt, 2);
      probe.applicant_phone = (char *) mc_sql_column_text (stmt, 3);
      if (!matches (&probe, folded))
        continue;
      if (*n_matching < limit)
        {
          gint64 id = mc_sql_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      (*n_matching)++;
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&ids, g_array_unref);
  return ids;
}

GPtrArray *
mc_workflow_ready_first (McWorkflow *self, const char *query, guint limit, guint *n_matching, GError **error)
{
  g_autofree char *folded = query ? mc_text_fold (query) : NULL;
  g_autofree char *trimmed = folded ? g_strstrip (g_strdup (folded)) : NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_work_item_free);
  g_autoptr(GArray) ids = NULL;
  McTime now = mc_time_now ();
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (n_matching != NULL, NULL);

  if (trimmed != NULL && *trimmed != '\0')
    {
      g_ptr_array_unref (items);
      ids = ready_matching_ids (self, trimmed, limit, n_matching, error);
      return ids != NULL ? items_by_ids (self, ids, now, error) : NULL;
    }
  if (!mc_workflow_count_ready (self, n_matching, error))
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  /* dossier_ready (the partial index of these rows, by finished_at) gives the order: LIMIT reads `limit` rows. */
  stmt = records_prepare (self->db, ITEM_COLUMNS "WHERE d.finished_at IS NOT NULL AND d.returned_at IS NULL ORDER BY d.finished_at, d.id LIMIT ?",
                        error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  mc_sql_bind_int64 (stmt, 1, limit);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (items, item_from_row (self, stmt, now));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&items, g_ptr_array_unref);
  return items;
}

McWorkItem *
mc_workflow_get_item (McWorkflow *self, const char *code, McTime now, GError **error)
{
  McSqlStmt *stmt;
  McWorkItem *item = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  stmt = records_prepare (self->db, ITEM_COLUMNS "WHERE d.code = ?", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_text (stmt, 1, code ? code : "", -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    item = item_from_row (self, stmt, now ? now : mc_time_now ());
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No dossier has the code “%s”"), code ? code : "");
  return item;
}

/* Hand-overs (Mẫu 05) */

void
mc_handover_free (McHandover *h)
{
  if (h == NULL)
    return;
  g_free (h->kind);
  g_free (h->from_name);
  g_free (h->from_staff);
  g_free (h->to_name);
  g_free (h->to_staff);
  g_free (h->note);
  g_free (h);
}

static gboolean
is_handover (const char *kind)
{
  static const char *const kinds[] = { "transfer", "send_back", "send_external", "receive_external", "finish",
                                       "unqualified", "withdraw", "return", NULL };
  return g_strv_contains (kinds, kind);
}

/* Names of the departments, units and staff, by id, for the events; NULL
 * for none. The first failure to read one is kept in *error (later ones are
 * not tried), so that the list is refused rather than printed with blanks. */
static char *
name_of (McWorkflow *self, const char *table, gint64 id, GError **error)
{
  g_autofree char *sql = NULL;
  McSqlStmt *stmt;
  char *name = NULL;

  if (id == 0 || *error != NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", g_str_equal (table, "staff") ? "full_name" : "name",
                         table);
  stmt = mc_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, id);
  if (mc_db_step_row (self->db, stmt, error) == MC_DB_STEP_ROW)
    name = text (stmt, 0);
  mc_sql_reset (stmt);
  return name;
}

/* Who holds the dossier while reading its log; events imported or written by
 * the demo lack the "from" columns, which this reconstructs. */
typedef struct {
  gint64      department;
  gint64      unit;
  gint64      staff;
  McTime      step_due;
  McHandover *open;  /* the last hand-over, waiting for its "nhận" */
  GError     *error; /* the first name that could not be read */
} Holder;

static McHandover *
handover_from_event (McWorkflow *self, McSqlStmt *stmt, Holder *h, const char *returned_to)
{
  McHandover *ho = g_new0 (McHandover, 1);
  gint64 from_dept = mc_sql_column_int64 (stmt, 3), from_unit = mc_sql_column_int64 (stmt, 6);
  gint64 to_dept = mc_sql_column_int64 (stmt, 4), to_unit = mc_sql_column_int64 (stmt, 7);
  McTime ended = time_at (stmt, 9);

  ho->kind = text (stmt, 0);
  ho->at = time_at (stmt, 1);
  ho->from_staff = name_of (self, "staff", mc_sql_column_int64 (stmt, 2), &h->error);
  if (from_dept == 0 && from_unit == 0)
    {
      from_dept = h->unit ? 0 : h->department;
      from_unit = h->unit;
    }
  ho->from_name = from_unit ? name_of (self, "unit", from_unit, &h->error)
                            : name_of (self, "department", from_dept, &h->error);
  ho->to_name = to_unit ? name_of (self, "unit", to_unit, &h->error) : name_of (self, "department", to_dept, &h->error);
  if (g_str_equal (ho->kind, "return"))
    {
      g_free (ho->to_name);
      ho->to_name = g_strdup (returned_to);
    }
  ho->to_staff = name_of (self, "staff", mc_sql_column_int64 (stmt, 5), &h->error);
  ho->ended_step_due = ended ? ended : h->step_due;
  ho->has_timeliness = ho->ended_step_due != 0 && !g_str_equal (ho->kind, "return");
  if (ho->has_timeliness)
    ho->timeliness = mc_calendar_classify (self->calendar, ho->at, ho->ended_step_due);
  ho->note = text (stmt, 10);
  /* Received back from another agency, or a result at the counter: in hand at once. */
  if (g_str_equal (ho->kind, "receive_external"))
    ho->accepted_at = ho->at;
  h->department = to_unit ? h->department : to_dept;
  h->unit = to_unit;
  h->step_due = time_at (stmt, 8);
  return ho;
}

GPtrArray *
mc_workflow_handovers (McWorkflow *self, const char *code, GError **error)
{
  GPtrArray *rows;
  McSqlStmt *stmt;
  Holder h = { 0 };
  g_autofree char *returned_to = NULL;
  gboolean found = FALSE;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  stmt = mc_db_prepare (self->db,
      "SELECT e.kind, e.at, e.staff_id, e.from_department_id, e.to_department_id, e.to_staff_id, "
      "e.from_unit_id, e.to_unit_id, e.step_due_at, e.ended_step_due_at, e.note, d.returned_to "
      "FROM dossier d LEFT JOIN dossier_event e ON e.dossier_id = d.id WHERE d.code = ? "
      "ORDER BY e.at, e.id", error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_handover_free);
  mc_sql_bind_text (stmt, 1, code ? code : "", -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, &h.error)) == MC_DB_STEP_ROW && h.error == NULL)
    {
      const char *kind = mc_sql_column_text (stmt, 0);
      found = TRUE;
      if (kind == NULL)
        continue;
      if (returned_to == NULL)
        returned_to = text (stmt, 11);
      if (g_str_equal (kind, "receive"))
        {
          h.department = mc_sql_column_int64 (stmt, 4);
          h.step_due = time_at (stmt, 8);
        }
      else if (g_str_equal (kind, "accept") && h.open && h.open->accepted_at == 0)
        {
          h.open->accepted_at = time_at (stmt, 1);
          /* Handed to a department, not to a person: whoever accepted it
           * there is the receiver who signs ("Người nhận"). */
          if (h.open->to_staff == NULL)
            h.open->to_staff = name_of (self, "staff", mc_sql_column_int64 (stmt, 5)
                                                       ? mc_sql_column_int64 (stmt, 5)
                                                       : mc_sql_column_int64 (stmt, 2), &h.error);
        }
      else if (is_handover (kind))
        {
          McHandover *ho = handover_from_event (self, stmt, &h, returned_to);
          ho->index = (int) rows->len + 1;
          g_ptr_array_add (rows, ho);
          h.open = ho;
        }
    }
  mc_sql_reset (stmt);
  if (h.error != NULL)
    {
      g_ptr_array_unref (rows);
      g_propagate_error (error, h.error);
      return NULL;
    }
  if (!found)
    {
      g_ptr_array_unref (rows);
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                   _("No dossier has the code “%s”"), code ? code : "");
      return NULL;
    }
  return rows;
}

/* Apologies */

void
mc_apology_record_free (McApologyRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->dossier_code);
  g_free (r->procedure_name);
  g_free (r->field_name);
  g_free (r->applicant_name);
  g_free (r->applicant_address);
  g_free (r->reason);
  g_free (r->department_name);
  g_free (r->responsible_name);
  g_free (r->responsible_title);
  g_free (r);
}

#define APOLOGY_COLUMNS                                                                                \
  "SELECT a.id, d.code, p.name, f.name, d.applicant_name, d.applicant_address, d.received_at, "        \
  "a.issued_at, coalesce (a.previous_due_at, d.due_at), a.new_due_at, a.reason, dep.name, s.full_name, " \
  "s.title, a.in_time "                                                                                \
  "FROM apology a JOIN dossier d ON d.id = a.dossier_id JOIN procedure p ON p.id = d.procedure_id "    \
  "JOIN field f ON f.id = p.field_id LEFT JOIN department dep ON dep.id = a.responsible_department_id " \
  "LEFT JOIN staff s ON s.id = a.responsible_staff_id "

static McApologyRecord *
apology_from_row (McWorkflow *self, McSqlStmt *stmt)
{
  McApologyRecord *r = g_new0 (McApologyRecord, 1);

  r->id = mc_sql_column_int64 (stmt, 0);
  r->dossier_code = text (stmt, 1);
  r->procedure_name = text (stmt, 2);
  r->field_name = text (stmt, 3);
  r->applicant_name = text (stmt, 4);
  r->applicant_address = text (stmt, 5);
  r->received_at = time_at (stmt, 6);
  r->issued_at = time_at (stmt, 7);
  r->previous_due_at = time_at (stmt, 8);
  r->new_due_at = time_at (stmt, 9);
  r->reason = text (stmt, 10);
  r->department_name = text (stmt, 11);
  r->responsible_name = text (stmt, 12);
  r->responsible_title = text (stmt, 13);
  /* Rows from before migration 4 (or imported) did not record it: recompute. */
  if (mc_sql_column_type (stmt, 14) != MC_SQL_NULL)
    r->in_time = mc_sql_column_int (stmt, 14) != 0;
  else
    r->in_time = r->issued_at < r->previous_due_at &&
                 mc_calendar_working_minutes_between (self->calendar, r->issued_at, r->previous_due_at, NULL, 0) >=
                   mc_calendar_standard_day_minutes (self->calendar);
  return r;
}

GPtrArray *
mc_workflow_apologies (McWorkflow *self, McTime from, McTime to, GError **error)
{
  GPtrArray *rows;
  McDbStep step;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  stmt = mc_db_prepare (self->db, APOLOGY_COLUMNS "WHERE a.issued_at >= ? AND a.issued_at < ? "
                                                  "ORDER BY a.issued_at, a.id", error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_apology_record_free);
  mc_sql_bind_int64 (stmt, 1, from);
  mc_sql_bind_int64 (stmt, 2, to);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (rows, apology_from_row (self, stmt));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

McApologyRecord *
mc_workflow_get_apology (McWorkflow *self, gint64 id, GError **error)
{
  McSqlStmt *stmt;
  McApologyRecord *r = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  stmt = mc_db_prepare (self->db, APOLOGY_COLUMNS "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, id);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    r = apology_from_row (self, stmt);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND, _("No apology has the number %lld"), (long long) id);
  return r;
}

/* The dossier's latest apology, for a reprint of its Mẫu 04: a second
 * apology replaces the first's appointment, so the latest is the one in force. */
gint64
mc_workflow_latest_apology (McWorkflow *self, const char *code, GError **error)
{
  McSqlStmt *stmt;
  gint64 id = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), 0);

  stmt = mc_db_prepare (self->db, "SELECT d.id, (SELECT a.id FROM apology a WHERE a.dossier_id = d.id "
                                  "ORDER BY a.issued_at DESC, a.id DESC LIMIT 1) FROM dossier d WHERE d.code = ?",
                        error);
  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, code ? code : "", -1, MC_SQL_TRANSIENT);
  /* BUSY or an I/O error is an error, not "no such dossier". */
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ERROR:
      return 0;
    case MC_DB_STEP_ROW:
      found = TRUE;
      id = mc_sql_column_int64 (stmt, 1);
      break;
    case MC_DB_STEP_DONE:
      break;
    }
  mc_sql_reset (stmt);
  if (!found)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No dossier has the code “%s”"), code ? code : "");
  else if (id == 0)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("Dossier %s has no apology to print"), code);
  return id;
}

void
mc_apology_count_free (McApologyCount *c)
{
  if (c == NULL)
    return;
  g_free (c->username);
  g_free (c->full_name);
  g_free (c->department_name);
  g_free (c);
}

GPtrArray *
mc_workflow_apology_counts (McWorkflow *self, int year, guint threshold, GError **error)
{
  GPtrArray *rows;
  McDbStep step;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  stmt = mc_db_prepare (self->db,
      "SELECT s.username, s.full_name, dep.name, count (*) FROM apology a JOIN staff s ON s.id = a.responsible_staff_id "
      "LEFT JOIN department dep ON dep.id = s.department_id WHERE a.issued_at >= ? AND a.issued_at < ? "
      "GROUP BY s.id, dep.name HAVING count (*) >= ? ORDER BY count (*) DESC, s.full_name", error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_apology_count_free);
  mc_sql_bind_int64 (stmt, 1, mc_time_from_local (mc_date_from_ymd (year, 1, 1), 0));
  mc_sql_bind_int64 (stmt, 2, mc_time_from_local (mc_date_from_ymd (year + 1, 1, 1), 0));
  mc_sql_bind_int (stmt, 3, (int) MAX (threshold, 1));
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McApologyCount *c = g_new0 (McApologyCount, 1);
      c->username = text (stmt, 0);
      c->full_name = text (stmt, 1);
      c->department_name = text (stmt, 2);
      c->count = (guint) mc_sql_column_int (stmt, 3);
      g_ptr_array_add (rows, c);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

guint
mc_workflow_get_apology_threshold (McWorkflow *self, GError **error)
{
  int threshold;

  /* The registry bounds it to 1–1000: 0 is only the error. */
  if (!mc_settings_get_int (self->db, "apology.threshold", &threshold, error))
    return 0;
  return (guint) threshold;
}

/* Mẫu 06 */

void
mc_register_row_free (McRegisterRow *r)
{
  if (r == NULL)
    return;
  g_free (r->code);
  g_free (r->procedure_name);
  g_free (r->applicant_name);
  g_free (r->applicant_contact);
  g_free (r->handling_body);
  g_free (r->returned_to);
  g_free (r->note);
  g_free (r->field_name);
  g_free (r);
}

/* The body that settles it: the department of the route's second step (the
 * first is the counter itself). */
#define REGISTER_SQL                                                                                   \
  "SELECT d.code, p.name, d.applicant_name, "                                                          \
  "trim (coalesce (d.applicant_address, '') || CASE WHEN d.applicant_phone IS NULL THEN '' "            \
  "ELSE '; ' || d.applicant_phone END, '; '), "                                                        \
  "(SELECT dep.name FROM procedure_step s JOIN department dep ON dep.id = s.department_id "             \
  " WHERE s.procedure_id = p.id ORDER BY s.position LIMIT 1 OFFSET 1), "                               \
  "d.received_at, d.due_at, "                                                                          \
  "(SELECT min (e.at) FROM dossier_event e WHERE e.dossier_id = d.id AND e.kind IN ('transfer', 'send_external')), " \
  "d.finished_at, d.returned_at, d.returned_to, "                                                      \
  "CASE d.outcome WHEN 'unqualified' THEN 'Không đủ điều kiện giải quyết' "                            \
  "WHEN 'withdrawn' THEN 'Rút hồ sơ' ELSE d.note END, f.name "                                         \
  "FROM dossier d JOIN procedure p ON p.id = d.procedure_id JOIN field f ON f.id = p.field_id "         \
  "WHERE d.received_at >= ?1 AND d.received_at < ?2 AND (?3 IS NULL OR f.name = ?3) "                  \
  "ORDER BY f.sort_order, f.name, d.received_at, d.id"

/* The register holds names, addresses and phones: only roles that work
 * with dossiers may take it, and each time is audited. */
static gboolean
authorize_personal_export (McWorkflow *self, McTime from, McTime to, GError **error)
{
  g_autofree char *a = mc_time_to_iso (from), *b = mc_time_to_iso (to);
  g_autofree char *detail = g_strdup_printf ("Sổ theo dõi hồ sơ %s – %s", a, b);

  return mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_PERSONAL_DATA, 0, error) &&
         mc_audit_append (self->db, "export.register", "dossier", 0, detail, error);
}

char *
mc_workflow_find_field (McWorkflow *self, const char *name, GError **error)
{
  g_autofree char *wanted = NULL;
  McSqlStmt *stmt;
  char *found = NULL;
  McDbStep step = MC_DB_STEP_DONE;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  wanted = mc_text_fold (name);
  g_strstrip (wanted);
  stmt = mc_db_prepare (self->db, "SELECT name FROM field ORDER BY sort_order, name", error);
  if (stmt == NULL)
    return NULL;
  while (found == NULL && (step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      g_autofree char *folded = mc_text_fold (mc_sql_column_text (stmt, 0));

      if (g_str_equal (folded, wanted))
        found = text (stmt, 0);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND,
                 _("No field of the catalog is named “%s”"), name);
  return found;
}

/* Ordered by field, then as received: the export cuts it into one book per
 * field ("Sổ theo dõi hồ sơ được lập theo từng lĩnh vực hoặc nhóm lĩnh vực",
 * the form's own note, TT 03/2025 Mẫu 07). */
GPtrArray *
mc_workflow_register (McWorkflow *self, McTime from, McTime to, const char *field, GError **error)
{
  g_autofree char *field_name = NULL;
  GPtrArray *rows;
  McDbStep step;
  McSqlStmt *stmt;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  if (!authorize_personal_export (self, from, to, error))
    return NULL;
  if (field != NULL && (field_name = mc_workflow_find_field (self, field, error)) == NULL)
    return NULL;
  stmt = records_prepare (self->db, REGISTER_SQL, error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_register_row_free);
  mc_sql_bind_int64 (stmt, 1, from);
  mc_sql_bind_int64 (stmt, 2, to);
  if (field_name != NULL)
    mc_sql_bind_text (stmt, 3, field_name, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McRegisterRow *r = g_new0 (McRegisterRow, 1);
      r->code = text (stmt, 0);
      r->procedure_name = text (stmt, 1);
      r->n_sets = 1;
      r->applicant_name = text (stmt, 2);
      r->applicant_contact = text (stmt, 3);
      r->handling_body = text (stmt, 4);
      r->received_at = time_at (stmt, 5);
      r->due_at = time_at (stmt, 6);
      r->transferred_at = time_at (stmt, 7);
      r->finished_at = time_at (stmt, 8);
      r->returned_at = time_at (stmt, 9);
      r->returned_to = text (stmt, 10);
      r->note = text (stmt, 11);
      r->field_name = text (stmt, 12);
      g_ptr_array_add (rows, r);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

/* Labels */

const char *
mc_lateness_to_label (McLateness lateness)
{
  switch (lateness)
    {
    case MC_LATENESS_SOON:
      return _("Due soon");
    case MC_LATENESS_STEP_LATE:
      return _("Behind schedule");
    case MC_LATENESS_OVERDUE:
      return _("Overdue");
    case MC_LATENESS_NONE:
    default:
      return "";
    }
}

static const char *const timeliness_ids[] = { "early", "on_time", "late" };

const char *
mc_timeliness_to_label (McTimeliness timeliness)
{
  static const char *const labels[] = { N_("Early"), N_("On time"), N_("Late") };

  g_return_val_if_fail (timeliness <= MC_TIMELINESS_LATE, "");
  return _(labels[timeliness]);
}

gboolean
mc_timeliness_from_string (const char *s, McTimeliness *timeliness)
{
  for (guint i = 0; i < G_N_ELEMENTS (timeliness_ids); i++)
    if (g_strcmp0 (s, timeliness_ids[i]) == 0)
      {
        *timeliness = (McTimeliness) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
mc_workflow_apology_issuer (McWorkflow *self, gint64 apology_id, char **name, char **title, gboolean *leader,
                            GError **error)
{
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  stmt = mc_db_prepare (self->db, "SELECT s.full_name, coalesce (s.title, ''), s.roles FROM apology a "
                                  "JOIN staff s ON s.id = a.issued_by WHERE a.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, apology_id);
  if ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ERROR)
    return FALSE;
  if (step == MC_DB_STEP_ROW)
    {
      McRoles roles = mc_roles_from_string (mc_sql_column_text (stmt, 2), NULL);

      *name = mc_workflow_column_text (stmt, 0);
      *title = mc_workflow_column_text (stmt, 1);
      *leader = (roles & MC_ROLE_LEADER) != 0;
    }
  mc_sql_reset (stmt);
  return TRUE;
}

GHashTable *
mc_workflow_return_methods (McWorkflow *self, McTime from, McTime to, GError **error)
{
  g_autoptr(GHashTable) methods = NULL;
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  stmt = mc_db_prepare (self->db, "SELECT code, return_method FROM dossier "
                                  "WHERE received_at >= ? AND received_at < ? "
                                  "AND return_method IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  methods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  mc_sql_bind_int64 (stmt, 1, from);
  mc_sql_bind_int64 (stmt, 2, to);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McChannel channel;

      if (mc_channel_from_string (mc_sql_column_text (stmt, 1), &channel))
        g_hash_table_insert (methods, mc_workflow_column_text (stmt, 0), GINT_TO_POINTER (channel));
    }
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  mc_sql_reset (stmt);
  return g_steal_pointer (&methods);
}
