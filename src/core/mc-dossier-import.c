/* mc-dossier-import.c — bulk migration of dossiers from another system (DESIGN.md §4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name
 * and, optionally (an extension of the contract, anywhere in the header),
 * online_level: partial or full for an online dossier; empty, or the column
 * absent, gives an online dossier its procedure's level, as at the counter.
 * The file is read as a stream, checked as it goes and written by chunks,
 * each its own commit, ended as soon as a counter clerk signing in or
 * receiving waits for the lock (or after 300 ms), so that the clerk
 * waits for one batch of rows and a commit, never for the whole import
 * (issue 12, item 5; mc-import-batch.c), and memory stays the same for 1,000 or 5,000,000
 * lines (issue 15, item 4: a 5,000,000-line migration had to be split in
 * four under the old 256 MB limit on a file read whole).
 * All or nothing, with line numbers: a bad line, or a code twice in the file
 * or already in the database (the code's UNIQUE index says so at the
 * insert; the first line of a code given twice is found by reading the file
 * again), stops the import, and mc-import-batch.c removes the chunks already
 * committed (or the next start does, if the import was killed). Once the
 * last row is in, the import is whole: its events are written by chunks
 * after it, and finished by the next start if it was killed then.
 * Timeliness is recomputed by our calendar, never copied, so that imported
 * and native dossiers are judged alike.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-catalog.h"
#include "mc-csv.h"
#include "mc-db-private.h"
#include "mc-dossier-store.h"
#include "mc-import-batch.h"
#include "mc-text.h"

enum { COL_CODE, COL_PROCEDURE, COL_CHANNEL, COL_RECEIVED, COL_DUE, COL_FINISHED, COL_RETURNED,
       COL_OUTCOME, COL_NAME, COL_ONLINE_LEVEL, N_COLS };

static const char *const columns[] = { "code", "procedure_code", "channel", "received_at", "due_at",
                                       "finished_at", "returned_at", "outcome", "applicant_name", NULL };
static const char *const optional_columns[] = { "online_level", NULL };

/* Rows per INSERT on SQLite. Each statement that writes dossier opens a
 * statement journal (its per-row triggers are upserts, so SQLite must be
 * able to undo the statement alone) holding a copy of every page the
 * statement touches first, allocated, copied and freed at its end, and
 * calls the search index's savepoint hooks. With 128 rows a statement, a
 * row's 15 index entries fall on pages no other row of the statement
 * touches, so nearly every index page was copied once per row: perf put the
 * journal and the hooks at 20 % of an import of 200,000 rows (malloc,
 * memcpy, free under the pager's and the virtual tables' savepoints), and
 * the import at 1.45x its SQL floor in processor time. 2048 rows a statement
 * shared those pages 16 times more (1.0-1.15x at load 8-11) but a clerk who
 * waits for the lock waits for the batch being written before the chunk
 * commits: at load 20 that wait reached 1.8 s (p95 1.5 s; 0.4 s with 128
 * rows). 512 rows: 0.35 s at load 14-17, and 1024 rows already gave 8.1-8.6 s
 * of processor against 9.3-10.0 s for 128 (docs/PERFORMANCE.md, 2026-12-08).
 * Keep BATCH x N_PARAMS under SQLite's default limit of 32,766 parameters. */
#define BATCH 512
/* On a server the rows of a batch go by one COPY (mc_sql_copy_begin): a
 * statement and its round trip per batch, so a larger one. */
#define BATCH_COPY 2048
/* The import's page cache, in KB (see settings_lift). */
#define IMPORT_CACHE_KB 65536

typedef struct {
  gint64      id;
  double      days;
  const char *online_level;  /* "partial", "full" or NULL */
} ProcedureRef;

typedef struct {
  const char *code, *name, *outcome, *state, *timeliness, *online_level;
  McChannel   channel;
  gint64      procedure_id;
  McTime      received, due, finished, returned;
  guint       line;
} Row;

typedef struct {
  McDossierStore *store;
  McDb           *db;
  McCalendar     *calendar;
  gint64          unit_id;
  GHashTable     *procedures;  /* code → ProcedureRef* */
  guint           line;
  GInputStream   *stream;      /* read again to name a code's first line */
  McCsvReader    *reader;
  GPtrArray      *fields;      /* the line being read */
  int             idx[N_COLS];
  guint           needed;      /* fields a line must have */
  Row            *batch;       /* read and checked, not yet written */
  guint           batch_size;  /* BATCH, or BATCH_COPY on a server */
  guint           n_batch;
  GString        *copy;        /* a batch as COPY's text rows (server) */
  gboolean        at_end;      /* the file is read to its end */
  GStringChunk   *strings;     /* the batch's codes and names */
  guint           n_rows;      /* rows written */
  gint64          first_id;    /* the highest dossier id before the import */
  McImportBatch  *chunks;      /* a chunked import's record; NULL inside a caller's transaction */
} Import;

static gboolean
line_error (Import *im, GError **error, const char *message)
{
  g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID, _("Line %u: %s"), im->line, message);
  return FALSE;
}

static gboolean
load_procedures (Import *im, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (im->db, "SELECT code, id, CASE duration_unit WHEN 'hour' "
                                              "THEN duration / 8.0 ELSE duration END, online_level "
                                              "FROM procedure", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = mc_db_step_row (im->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      ProcedureRef *ref = g_new (ProcedureRef, 1);
      ref->id = mc_sql_column_int64 (stmt, 1);
      ref->days = mc_sql_column_double (stmt, 2);
      /* Constants, not the column's text: they outlive the statement. */
      ref->online_level = g_strcmp0 (mc_sql_column_text (stmt, 3), "full") == 0 ? "full"
                          : g_strcmp0 (mc_sql_column_text (stmt, 3), "partial") == 0 ? "partial"
                          : NULL;
      g_hash_table_insert (im->procedures, g_strdup (mc_sql_column_text (stmt, 0)), ref);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

/* An optional time: empty → 0. */
static gboolean
parse_time (const char *text, McTime *out, gboolean required)
{
  *out = 0;
  if (text == NULL || *text == '\0')
    return !required;
  return mc_time_parse_iso (text, out);
}

static gboolean
parse_times (Import *im, GPtrArray *r, const int *idx, Row *row, GError **error)
{
  if (!parse_time (r->pdata[idx[COL_RECEIVED]], &row->received, TRUE))
    return line_error (im, error, _("received_at must be written YYYY-MM-DD HH:MM"));
  if (!parse_time (r->pdata[idx[COL_DUE]], &row->due, FALSE))
    return line_error (im, error, _("due_at must be empty or written YYYY-MM-DD HH:MM"));
  if (!parse_time (r->pdata[idx[COL_FINISHED]], &row->finished, FALSE) ||
      (row->finished != 0 && row->finished < row->received))
    return line_error (im, error, _("finished_at must be empty or a time after received_at"));
  if (!parse_time (r->pdata[idx[COL_RETURNED]], &row->returned, FALSE) ||
      (row->returned != 0 && (row->finished == 0 || row->returned < row->finished)))
    return line_error (im, error, _("returned_at needs finished_at and must come after it"));
  return TRUE;
}

static gboolean
derive_state (Import *im, Row *row, GError **error)
{
  static const char *const names[] = { "early", "on_time", "late" };

  if (*row->outcome != '\0' && !g_str_equal (row->outcome, "approved") &&
      !g_str_equal (row->outcome, "unqualified") && !g_str_equal (row->outcome, "withdrawn"))
    return line_error (im, error, _("outcome must be empty, approved, unqualified or withdrawn"));
  if (row->finished == 0 && *row->outcome != '\0')
    return line_error (im, error, _("an outcome needs finished_at"));
  if (row->finished == 0)
    row->state = "processing";
  else if (*row->outcome == '\0' || g_str_equal (row->outcome, "approved"))
    row->state = row->returned ? "returned" : "result_ready", row->outcome = "approved";
  else if (g_str_equal (row->outcome, "unqualified"))
    row->state = row->outcome = "unqualified";
  else
    /* Constants, not the field: the batch is bound after the next line has
     * replaced the fields (found by fuzz-csv-import). */
    row->state = row->outcome = "withdrawn";
  if (row->finished == 0)
    /* The field's text is replaced by the next line's: keep no pointer. */
    row->outcome = NULL;
  row->timeliness = row->finished ? names[mc_calendar_classify (im->calendar, row->finished, row->due)] : NULL;
  return TRUE;
}

/* The optional online_level column, as mc_dossier_store_receive decides it. */
static gboolean
parse_online_level (Import *im, GPtrArray *r, const int *idx, const ProcedureRef *ref, Row *row, GError **error)
{
  const char *given = idx[COL_ONLINE_LEVEL] >= 0 ? g_strstrip (r->pdata[idx[COL_ONLINE_LEVEL]]) : "";

  row->online_level = NULL;
  if (row->channel != MC_CHANNEL_TRUC_TUYEN)
    return *given == '\0' || g_str_equal (given, "none") ||
           line_error (im, error, _("online_level is only for a dossier whose channel is truc_tuyen"));
  if (g_str_equal (given, "partial") || g_str_equal (given, "full"))
    row->online_level = g_str_equal (given, "full") ? "full" : "partial";
  else if (*given == '\0')
    row->online_level = ref->online_level;
  else
    return line_error (im, error, _("online_level must be empty, partial or full"));
  return TRUE;
}

static gboolean
parse_row (Import *im, GPtrArray *r, const int *idx, Row *row, GError **error)
{
  ProcedureRef *ref;
  g_autofree char *message = NULL;

  /* NFC as the counter stores them (mc_text_normalize), or a name from a
   * system writing NFD would be found by neither search nor lookup. */
  g_autofree char *code = mc_text_normalize (r->pdata[idx[COL_CODE]]);
  g_autofree char *name = mc_text_normalize (r->pdata[idx[COL_NAME]]);

  row->code = g_string_chunk_insert (im->strings, code);
  row->name = g_string_chunk_insert (im->strings, name);
  row->outcome = g_strstrip (r->pdata[idx[COL_OUTCOME]]);
  if (*row->code == '\0' || strlen (row->code) > 64)
    return line_error (im, error, _("the dossier code is empty or too long"));
  if (*row->name == '\0')
    return line_error (im, error, _("applicant_name is empty"));
  ref = g_hash_table_lookup (im->procedures, g_strstrip (r->pdata[idx[COL_PROCEDURE]]));
  if (ref == NULL)
    {
      message = g_strdup_printf (_("no procedure has the code “%s”"), (char *) r->pdata[idx[COL_PROCEDURE]]);
      return line_error (im, error, message);
    }
  row->procedure_id = ref->id;
  if (!mc_channel_from_string (g_strstrip (r->pdata[idx[COL_CHANNEL]]), &row->channel))
    return line_error (im, error, _("channel must be truc_tiep, buu_chinh or truc_tuyen"));
  if (!parse_online_level (im, r, idx, ref, row, error) || !parse_times (im, r, idx, row, error))
    return FALSE;
  if (row->due == 0 && !mc_calendar_add_working_days (im->calendar, row->received, ref->days, &row->due, error))
    return FALSE;
  return derive_state (im, row, error);
}

static void
bind_time (McSqlStmt *stmt, int i, McTime t)
{
  if (t != 0)
    mc_sql_bind_int64 (stmt, i, t);
  else
    mc_sql_bind_null (stmt, i);
}

#define INSERT_COLUMNS "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, received_at, " \
                       "due_at, state, finished_at, returned_at, outcome, timeliness, online_level, imported) VALUES "
#define INSERT_ROW "(?,?,?,?,?,?,?,?,?,?,?,?,?,1)"
#define INSERT_COPY_COLUMNS "dossier (code, unit_id, procedure_id, applicant_name, channel, received_at, due_at, " \
                            "state, finished_at, returned_at, outcome, timeliness, online_level, imported)"
#define N_PARAMS 13
G_STATIC_ASSERT (BATCH * N_PARAMS <= 32766);

/* The statement inserting `n` rows at once. */
static McSqlStmt *
prepare_insert (Import *im, guint n, GError **error)
{
  g_autoptr(GString) sql = g_string_new (INSERT_COLUMNS);

  for (guint i = 0; i < n; i++)
    g_string_append (sql, i ? "," INSERT_ROW : INSERT_ROW);
  return mc_db_prepare (im->db, sql->str, error);
}

static void
bind_row (Import *im, McSqlStmt *stmt, int first, const Row *row)
{
  mc_sql_bind_text (stmt, first + 1, row->code, -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, first + 2, im->unit_id);
  mc_sql_bind_int64 (stmt, first + 3, row->procedure_id);
  mc_sql_bind_text (stmt, first + 4, row->name, -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, first + 5, mc_channel_to_string (row->channel), -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, first + 6, row->received);
  mc_sql_bind_int64 (stmt, first + 7, row->due);
  mc_sql_bind_text (stmt, first + 8, row->state, -1, MC_SQL_STATIC);
  bind_time (stmt, first + 9, row->finished);
  bind_time (stmt, first + 10, row->returned);
  mc_sql_bind_text (stmt, first + 11, row->finished ? row->outcome : NULL, -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, first + 12, row->timeliness, -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, first + 13, row->online_level, -1, MC_SQL_STATIC);
}

/* The first line of the file whose code is `code`, reading the file again
 * from its start (only when the import fails on that code: the file is not
 * kept in memory); 0 when the stream cannot go back. */
static guint
find_first_line (Import *im, const char *code)
{
  g_autoptr(McCsvReader) again = NULL;
  g_autoptr(GPtrArray) r = g_ptr_array_new_with_free_func (g_free);
  int idx[N_COLS];

  if (!G_IS_SEEKABLE (im->stream) || !g_seekable_can_seek (G_SEEKABLE (im->stream)) ||
      !g_seekable_seek (G_SEEKABLE (im->stream), 0, G_SEEK_SET, NULL, NULL))
    return 0;
  again = mc_csv_reader_new_for_stream (im->stream);
  if (!mc_csv_reader_header (again, columns, optional_columns, idx, NULL))
    return 0;
  while (mc_csv_reader_next (again, r, NULL))
    {
      g_autofree char *normal = NULL;

      if (r->len < im->needed)
        continue;
      normal = mc_text_normalize (r->pdata[idx[COL_CODE]]);
      if (g_str_equal (normal, code))
        return mc_csv_reader_get_line (again);
    }
  return 0;
}

/* The code of `row` is already in the table: an earlier line of this file
 * (a row of this import: imported, above the ids before it) or a dossier
 * already there, received at the counter or imported before. */
static gboolean
duplicate_error (Import *im, const Row *row, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (im->db, "SELECT id > ?2 AND imported = 1 FROM dossier WHERE code = ?1", error);
  gboolean ours = FALSE;
  g_autofree char *message = NULL;
  guint first;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, row->code, -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 2, im->first_id);
  switch (mc_db_step_row (im->db, stmt, error))
    {
    case MC_DB_STEP_ERROR:
      return FALSE;
    case MC_DB_STEP_ROW:
      ours = mc_sql_column_int (stmt, 0) != 0;
      break;
    case MC_DB_STEP_DONE:
      break;
    }
  mc_sql_reset (stmt);
  im->line = row->line;
  if (!ours)
    return line_error (im, error, _("a dossier with this code already exists"));
  first = find_first_line (im, row->code);
  if (first == 0 || first >= row->line)
    return line_error (im, error, _("the dossier code is already on an earlier line"));
  message = g_strdup_printf (_("the dossier code is already on line %u"), first);
  return line_error (im, error, message);
}

static gboolean
insert_one (Import *im, const Row *row, GError **error)
{
  McSqlStmt *stmt = prepare_insert (im, 1, error);
  g_autoptr(GError) local = NULL;

  if (stmt == NULL)
    return FALSE;
  bind_row (im, stmt, 0, row);
  im->line = row->line;
  if (!mc_db_step_done (im->db, stmt, &local))
    {
      if (g_error_matches (local, MC_DB_ERROR, MC_DB_ERROR_CONSTRAINT))
        return duplicate_error (im, row, error);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* A value in COPY's text format: \\N for NULL, the separators escaped. */
static void
copy_text (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "\\N\t");
      return;
    }
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p);
      }
  g_string_append_c (out, '\t');
}

static void
copy_time (GString *out, McTime t)
{
  if (t != 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", (gint64) t);
  else
    g_string_append (out, "\\N\t");
}

/* One row as bind_row binds it, as a line of COPY. */
static void
copy_row (Import *im, GString *out, const Row *row)
{
  copy_text (out, row->code);
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t", im->unit_id, row->procedure_id);
  copy_text (out, row->name);
  copy_text (out, mc_channel_to_string (row->channel));
  copy_time (out, row->received);
  copy_time (out, row->due);
  copy_text (out, row->state);
  copy_time (out, row->finished);
  copy_time (out, row->returned);
  copy_text (out, row->finished ? row->outcome : NULL);
  copy_text (out, row->timeliness);
  copy_text (out, row->online_level);
  g_string_append (out, "1\n");
}

/* The line a COPY failed on, found without writing: on a server a failed
 * INSERT would abort the whole transaction (the chunk), so the batch is not
 * replayed row by row as on SQLite. The first row whose code is in the
 * table already (an earlier batch or chunk, or a dossier there before) or
 * on an earlier line of the batch is the line SQLite's replay names, with
 * the same message. */
static gboolean
name_copy_failure (Import *im, const Row *rows, guint n, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  McSqlStmt *stmt = mc_db_prepare (im->db, "SELECT 1 FROM dossier WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const Row *earlier = g_hash_table_lookup (seen, rows[i].code);
      McDbStep step;

      mc_sql_bind_text (stmt, 1, rows[i].code, -1, MC_SQL_STATIC);
      step = mc_db_step_row (im->db, stmt, error);
      mc_sql_reset (stmt);
      if (step == MC_DB_STEP_ERROR)
        return FALSE;
      if (step == MC_DB_STEP_ROW)
        return duplicate_error (im, &rows[i], error);
      if (earlier != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("the dossier code is already on line %u"), earlier->line);

          im->line = rows[i].line;
          return line_error (im, error, message);
        }
      g_hash_table_insert (seen, (gpointer) rows[i].code, (gpointer) &rows[i]);
    }
  im->line = rows[0].line;
  return line_error (im, error, _("the database refused these lines"));
}

/* A batch on a server: one COPY inside a savepoint. A multi-row INSERT
 * costs the server a parse and a plan for 13 parameters a row, and the
 * client a round trip per 128 rows (issue 17 item 6: an import through
 * COPY). Any row breaking a constraint (a code already there) fails the
 * whole COPY: the savepoint undoes it, the chunk's earlier batches stay,
 * and name_copy_failure finds the line. */
static gboolean
copy_rows (Import *im, const Row *rows, guint n, GError **error)
{
  g_autoptr(GError) local = NULL;

  g_string_truncate (im->copy, 0);
  for (guint i = 0; i < n; i++)
    copy_row (im, im->copy, &rows[i]);
  if (!mc_db_exec (im->db, "SAVEPOINT mc_import_copy", error))
    return FALSE;
  if (mc_sql_copy_begin (im->db, "COPY " INSERT_COPY_COLUMNS " FROM STDIN", &local) &&
      mc_sql_copy_put (im->db, im->copy->str, im->copy->len, &local) && mc_sql_copy_end (im->db, &local))
    return mc_db_exec (im->db, "RELEASE SAVEPOINT mc_import_copy", error);
  if (!g_error_matches (local, MC_DB_ERROR, MC_DB_ERROR_CONSTRAINT) ||
      !mc_db_exec (im->db, "ROLLBACK TO SAVEPOINT mc_import_copy; RELEASE SAVEPOINT mc_import_copy", error))
    {
      if (error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return name_copy_failure (im, rows, n, error);
}

/* The CHECK constraints and partial indexes on `state` and `channel` build a
 * small temporary table each time a statement runs, which cost more than the
 * row itself: rows go in by batches of BATCH per statement. A batch that fails
 * (a duplicate code) was undone by SQLite as a whole and is replayed row by
 * row to name the line. */
static gboolean
insert_rows (Import *im, const Row *rows, guint n, GError **error)
{
  McSqlStmt *stmt = mc_sql_on_server (im->db) ? NULL : prepare_insert (im, n, error);
  g_autoptr(GError) local = NULL;

  if (mc_sql_on_server (im->db))
    return copy_rows (im, rows, n, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    bind_row (im, stmt, (int) i * N_PARAMS, &rows[i]);
  if (mc_db_step_done (im->db, stmt, &local))
    return TRUE;
  /* A full disk or a busy database is said as such, not as a line. */
  if (!g_error_matches (local, MC_DB_ERROR, MC_DB_ERROR_CONSTRAINT))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!insert_one (im, &rows[i], error))
      return FALSE;
  /* Not reached unless the batch failed for a reason a single row does not meet. */
  im->line = rows[0].line;
  return line_error (im, error, _("the database refused these lines"));
}

/* Each imported dossier gets one event summarising the older system's history
 * (its times are in the dossier row), all written by one statement in the
 * import's last commit: events are append-only (a trigger refuses their
 * deletion), so none may exist for rows that could still be undone. The
 * dossiers received at the counter meanwhile have ids in the range too, and
 * imported = 0. */
static gboolean
add_import_events (Import *im, gint64 max_id, GError **error)
{
  /* The event names who imported (bound once, not asked per row). */
  McSqlStmt *stmt = mc_db_prepare (im->db, "INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_to, "
                                              "note) SELECT id, received_at, ?2, 'import', state, "
                                              "'Nhập từ hệ thống cũ' FROM dossier WHERE id > ?1 AND imported = 1 "
                                              "ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, max_id);
  if (mc_db_get_actor (im->db) > 0)
    mc_sql_bind_int64 (stmt, 2, mc_db_get_actor (im->db));
  else
    mc_sql_bind_null (stmt, 2);
  return mc_db_step_done (im->db, stmt, error);
}

/* The search trigger costs more than the rest of a row, and the audit
 * triggers of dossier and dossier_event, which write nothing in bulk mode,
 * still ran for each row (0.4 s of processor time per 1,000,000 dossiers
 * and events). Dropping them inside each chunk's transaction and creating
 * them again before its commit was a schema change per chunk: every
 * statement of the connection compiled again, the triggers parsed again,
 * and every other connection (the counter's) reading the schema again —
 * 30 % of the processor time of an import by small chunks (callgrind,
 * 20,000 rows in chunks of 128). Instead, while the import runs, this
 * connection compiles its statements without those triggers' bodies
 * (mc_db_skip_trigger_bodies: on SQLite an authorizer, consulted only when
 * a statement is prepared, answers SQLITE_IGNORE for their INSERT, which
 * SQLite then leaves out of the trigger program). The schema never changes and the other connections keep
 * the triggers; the search index of the rows is filled per chunk by one
 * statement (fill_fts), as it was when the trigger was lifted. */
static const char *const skipped_triggers[] = { "dossier_fts_insert", "audit_dossier_insert",
                                                "audit_dossier_event_insert", NULL };

static void
set_trigger_bodies_skipped (Import *im, gboolean skipped)
{
  mc_db_skip_trigger_bodies (im->db, skipped ? skipped_triggers : NULL);
}

/* The search index of the rows with ids in (after, upto], in one
 * statement: one segment of the index each time (FTS5 writes its pending
 * terms out when a statement that may need undoing starts, as each batch's
 * INSERT does, and at the commit). A larger 'hashsize' for this statement,
 * which made one segment of a 1,000,000-row import filled at once, changes
 * nothing for the rows of FTS_STEP_US and cost two writes of the index's
 * configuration each time. FTS5 merges the segments as they come
 * ('automerge'): turning that off during the import and merging at its end
 * was measured slower (callgrind, 20,000 rows in chunks of 128: 3.88 G
 * instructions with automerge, 3.63 G without, 3.97 G with the merge at the
 * end). */
static gboolean
fill_fts (Import *im, gint64 after, gint64 upto, GError **error)
{
  McSqlStmt *stmt;

  /* A server has no FTS table: its trigger fills dossier.search_folded. */
  if (mc_sql_on_server (im->db))
    return TRUE;
  stmt = mc_db_prepare (im->db,
      "INSERT INTO dossier_fts (rowid, code, applicant_name, applicant_id_number, applicant_phone) "
      "SELECT id, code, applicant_name, applicant_id_number, applicant_phone FROM dossier "
      "WHERE id > ?1 AND id <= ?2", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, after);
  mc_sql_bind_int64 (stmt, 2, upto);
  return mc_db_step_done (im->db, stmt, error);
}

/* Reads the header: the columns' places. */
static gboolean
read_header (Import *im, GError **error)
{
  if (!mc_csv_reader_header (im->reader, columns, optional_columns, im->idx, error))
    return FALSE;
  /* A header may repeat a name or put a column after extra ones: a line
   * must reach the last column read (found by fuzz-csv-import). */
  for (int i = 0; i < N_COLS; i++)
    im->needed = MAX (im->needed, (guint) (im->idx[i] + 1));
  return TRUE;
}

/* Reads and checks the next lines into the batch, up to BATCH of them; at
 * the end of the file the batch may be short, or empty. */
static gboolean
read_batch (Import *im, GError **error)
{
  g_autoptr(GError) local = NULL;

  g_string_chunk_clear (im->strings);
  im->n_batch = 0;
  while (im->n_batch < im->batch_size && !im->at_end)
    {
      Row *row = &im->batch[im->n_batch];

      if (!mc_csv_reader_next (im->reader, im->fields, &local))
        {
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          im->at_end = TRUE;
          break;
        }
      memset (row, 0, sizeof *row);
      row->line = im->line = mc_csv_reader_get_line (im->reader);
      if (im->fields->len < im->needed)
        return line_error (im, error, _("the line has fewer columns than the header"));
      if (!parse_row (im, im->fields, im->idx, row, error))
        return FALSE;
      im->n_batch++;
    }
  return TRUE;
}

/* Writes the batch read, then reads the next one. */
static gboolean
write_batch (Import *im, GError **error)
{
  if (!insert_rows (im, im->batch, im->n_batch, error))
    return FALSE;
  im->n_rows += im->n_batch;
  return read_batch (im, error);
}

/* Writes batches inside the caller's transaction until a writer waits for
 * the lock (mc_import_batch_has_waiter), for MC_IMPORT_CHUNK_MAX_US, or to
 * the end of the file. The search index is filled every FTS_STEP_US as the
 * chunk goes, not all at its end: what is left to do once a writer waits
 * (the batch being written, the last step's search index, the commit) stays
 * as short as a chunk of 150 ms was. */
#define FTS_STEP_US (150 * 1000)

static gboolean
write_chunk (Import *im, GError **error)
{
  g_autoptr(GError) local = NULL;
  gint64 start = g_get_monotonic_time (), step = start;
  gint64 filled = mc_db_query_int (im->db, "SELECT coalesce (max (id), 0) FROM dossier", &local);
  gint64 last = filled;
  gboolean ok;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* Who waited before the chunk began was let in by the last commit. */
  if (im->chunks != NULL)
    mc_import_batch_has_waiter (im->chunks);
  /* One audit row for the whole import, as for the demo data: a row per
   * dossier and per event, each hashed, tripled the time of an import. */
  mc_db_set_audit_bulk (im->db, TRUE);
  do
    {
      guint n = im->n_batch;

      ok = write_batch (im, error);
      /* (A server fills no search index here: no id to read back.) */
      if (ok && n > 0 && !mc_sql_on_server (im->db))
        last = mc_sql_last_insert_id (im->db);
      if (ok && im->n_batch > 0 && g_get_monotonic_time () - step >= FTS_STEP_US)
        {
          ok = fill_fts (im, filled, last, error);
          filled = last;
          step = g_get_monotonic_time ();
        }
    }
  while (ok && im->n_batch > 0 && g_get_monotonic_time () - start < MC_IMPORT_CHUNK_MAX_US &&
         (im->chunks == NULL || !mc_import_batch_has_waiter (im->chunks)));
  mc_db_set_audit_bulk (im->db, FALSE);
  return ok && fill_fts (im, filled, last, error);
}

/* The events and the audit row of an import inside a caller's transaction
 * (a chunked import has mc_import_batch_finish write them by chunks). */
static gboolean
write_end (Import *im, GError **error)
{
  g_autofree char *summary = g_strdup_printf ("Nhập %u hồ sơ từ hệ thống cũ", im->n_rows);
  gboolean ok;

  mc_db_set_audit_bulk (im->db, TRUE);
  ok = add_import_events (im, im->first_id, error);
  mc_db_set_audit_bulk (im->db, FALSE);
  return ok && mc_audit_append (im->db, "import", "dossier", 0, summary, error);
}

/* Inside a caller's transaction (the fuzz harness, a larger migration)
 * nothing can be committed early: one savepoint, rolled back whole. */
static gboolean
write_nested (Import *im, GError **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (!mc_db_begin (im->db, error))
    return FALSE;
  im->first_id = mc_db_query_int (im->db, "SELECT coalesce (max (id), 0) FROM dossier", &local);
  ok = local == NULL || (g_propagate_error (error, g_steal_pointer (&local)), FALSE);
  while (ok && im->n_batch > 0)
    ok = write_chunk (im, error);
  if (!ok || !write_end (im, error) || !mc_db_commit (im->db, error))
    {
      mc_db_rollback (im->db);
      return FALSE;
    }
  return TRUE;
}

/* One transaction of a chunked import, then a pause that lets a waiting
 * writer in (mc-db.c retries every 2 ms). The one that writes the last row
 * also records that the rows are whole: from its commit on, the import is
 * finished, never undone. */
static gboolean
commit_chunk (Import *im, McImportBatch *batch, GError **error)
{
  gboolean ok = mc_db_begin (im->db, error) && (im->n_batch == 0 || write_chunk (im, error)) &&
                (im->n_batch > 0 || mc_import_batch_rows_written (batch, im->n_rows, error));

  if (!ok || !mc_db_commit (im->db, error))
    {
      mc_db_rollback (im->db);
      return FALSE;
    }
  g_usleep (MC_DB_YIELD_US);
  return TRUE;
}

/* A failed chunk: the rows written before it are removed, and the message
 * says whether they were (a bad line found before any chunk was committed
 * says only what is wrong with it). */
static void
undo_chunks (McImportBatch *batch, gboolean committed, GError **error)
{
  g_autoptr(GError) undo = NULL;
  g_autofree char *message = NULL;
  gint64 removed = mc_import_batch_abandon (batch, &undo);
  GError *failure;

  if (error == NULL || *error == NULL || (removed >= 0 && !committed))
    return;
  failure = *error;
  if (removed >= 0)
    message = g_strdup_printf (_("%s. Nothing of the file was kept"), failure->message);
  else
    message = g_strdup_printf (_("%s. The dossiers written before this will be removed when Motcua next starts"),
                               failure->message);
  *error = g_error_new_literal (failure->domain, failure->code, message);
  g_error_free (failure);
}

static gboolean
write_chunked (Import *im, GError **error)
{
  g_autoptr(McImportBatch) batch = mc_import_batch_begin (im->db, error);
  gboolean committed = FALSE;

  if (batch == NULL)
    return FALSE;
  im->first_id = mc_import_batch_get_first_id (batch);
  im->chunks = batch;
  do
    {
      if (!commit_chunk (im, batch, error))
        {
          undo_chunks (batch, committed, error);
          return FALSE;
        }
      committed = TRUE;
    }
  while (im->n_batch > 0);
  if (mc_import_batch_finish (batch, error))
    return TRUE;
  if (error == NULL || *error == NULL)
    return FALSE;
  /* Every row is in: what is left is their history, which the next start
   * completes (mc_import_batch_recover). */
  {
    GError *failure = *error;
    *error = g_error_new (failure->domain, failure->code,
                          _("%s. The dossiers are imported; their import history will be completed when Motcua "
                            "next starts"), failure->message);
    g_error_free (failure);
  }
  return FALSE;
}
/* Each dossier row names its unit and procedure, each import event its
 * dossier; checking those references cost 0.9 s of processor time per
 * 1,000,000 rows, though every value is known good: the procedure ids come
 * from the procedure table itself, the dossier ids from the rows just
 * inserted, and the unit is checked here once. The pragma cannot change
 * inside a transaction, so an import nested in another keeps the checks.
 * Returns whether the checks were lifted (to be put back after). */
static gboolean
lift_foreign_keys (Import *im)
{
  g_autofree char *unit = g_strdup_printf ("SELECT count (*) FROM unit WHERE id = %" G_GINT64_FORMAT, im->unit_id);

  if (mc_db_query_int (im->db, "PRAGMA foreign_keys", NULL) != 1 || mc_db_query_int (im->db, unit, NULL) != 1)
    return FALSE;
  return mc_db_exec (im->db, "PRAGMA foreign_keys = OFF", NULL);
}

/* The connection's settings for the import, and back. */
typedef struct {
  gint64   cache_size;
  gboolean foreign_keys_lifted;
} Settings;

static void
settings_lift (Import *im, Settings *saved)
{
  /* SQLite's pragmas; a server keeps its checks (and has no such knobs). */
  if (mc_sql_on_server (im->db))
    return;
  saved->cache_size = mc_db_query_int (im->db, "PRAGMA cache_size", NULL);
  /* Each chunk commits its pages, so the cache only saves reading back the
   * index pages the next chunk changes again: a bounded cache, the same
   * memory at any size of file (issue 15, item 4). */
  mc_db_exec (im->db, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KB), NULL);
  /* Every value a CHECK constraint of dossier guards (channel, state,
   * outcome, timeliness, imported) is one of this file's constant strings,
   * chosen after validating the line; evaluating the constraints again took
   * a third of the import. The tests run integrity_check, which does check
   * them, after an import. */
  mc_db_exec (im->db, "PRAGMA ignore_check_constraints = ON", NULL);
  saved->foreign_keys_lifted = lift_foreign_keys (im);
  set_trigger_bodies_skipped (im, TRUE);
}

static void
settings_restore (Import *im, const Settings *saved)
{
  g_autofree char *cache = NULL;

  if (mc_sql_on_server (im->db))
    return;
  cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, saved->cache_size);
  set_trigger_bodies_skipped (im, FALSE);
  mc_db_exec (im->db, "PRAGMA ignore_check_constraints = OFF", NULL);
  if (saved->foreign_keys_lifted)
    mc_db_exec (im->db, "PRAGMA foreign_keys = ON", NULL);
  mc_db_exec (im->db, cache, NULL);
}

static gboolean
write_rows (Import *im, GError **error)
{
  Settings saved = { 0, FALSE };
  gboolean ok;

  settings_lift (im, &saved);
  ok = mc_sql_autocommit (im->db) ? write_chunked (im, error) : write_nested (im, error);
  settings_restore (im, &saved);
  return ok;
}

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->procedures, g_hash_table_unref);
  g_clear_pointer (&im->reader, mc_csv_reader_free);
  g_clear_pointer (&im->fields, g_ptr_array_unref);
  g_clear_pointer (&im->strings, g_string_chunk_free);
  g_clear_pointer (&im->batch, g_free);
  if (im->copy != NULL)
    g_string_free (g_steal_pointer (&im->copy), TRUE);
  g_clear_object (&im->stream);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* unit_id 0: the center's own unit. */
static gboolean
import_stream (McDossierStore *self, gint64 unit_id, GInputStream *stream, guint *n_imported, GError **error)
{
  g_autoptr(McCatalog) catalog = NULL;
  g_auto(Import) im = { 0 };

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  /* A migration writes dossiers dated in the past, with their results:
   * what a counter clerk may not do one by one (mc_accounts_check_time)
   * is the administrator's in bulk. */
  if (!mc_accounts_check (mc_dossier_store_get_db (self), mc_db_get_actor (mc_dossier_store_get_db (self)),
                          MC_PERMISSION_ADMINISTER, 0, error))
    return FALSE;
  im.store = self;
  im.procedures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.stream = g_object_ref (stream);
  im.reader = mc_csv_reader_new_for_stream (stream);
  im.fields = g_ptr_array_new_with_free_func (g_free);
  im.strings = g_string_chunk_new (64 * 1024);
  im.db = mc_dossier_store_get_db (self);
  im.batch_size = mc_sql_on_server (im.db) ? BATCH_COPY : BATCH;
  im.batch = g_new0 (Row, im.batch_size);
  im.copy = g_string_sized_new (256 * 1024);
  im.calendar = mc_dossier_store_get_calendar (self);
  catalog = mc_catalog_new (im.db);
  im.unit_id = unit_id != 0 ? unit_id : mc_catalog_get_own_unit (catalog, error);
  /* The header and the first lines are checked before anything is
   * recorded: a file wrong from its start changes nothing at all. */
  if (im.unit_id == 0 || !load_procedures (&im, error) || !read_header (&im, error) || !read_batch (&im, error) ||
      !write_rows (&im, error))
    return FALSE;
  if (n_imported)
    *n_imported = im.n_rows;
  return TRUE;
}

static gboolean
import_csv (McDossierStore *self, gint64 unit_id, const char *data, gsize length, guint *n_imported,
            GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) length, NULL);

  return import_stream (self, unit_id, stream, n_imported, error);
}

gboolean
mc_dossier_store_import_csv (McDossierStore *self, const char *data, gsize length, guint *n_imported,
                             GError **error)
{
  return import_csv (self, 0, data, length, n_imported, error);
}

gboolean
mc_dossier_store_import_csv_for_unit (McDossierStore *self, gint64 unit_id, const char *data, gsize length,
                                      guint *n_imported, GError **error)
{
  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), FALSE);
  g_return_val_if_fail (unit_id > 0, FALSE);

  return import_csv (self, unit_id, data, length, n_imported, error);
}

gboolean
mc_dossier_store_import_stream (McDossierStore *self, gint64 unit_id, GInputStream *stream, guint *n_imported,
                                GError **error)
{
  g_return_val_if_fail (unit_id >= 0, FALSE);

  return import_stream (self, unit_id, stream, n_imported, error);
}
