/* mc-dossier-store.c — receiving, finding and importing dossiers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dossier code is a promise printed on paper, so it is drawn inside the
 * same BEGIN IMMEDIATE transaction that writes the dossier: two counters (two
 * processes) receiving at the same second serialise on the write lock and get
 * consecutive numbers; a crash before COMMIT leaves neither the number nor the
 * dossier.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-catalog.h"
#include "mc-db-private.h"
#include "mc-dossier-store.h"
#include "mc-id-number.h"
#include "mc-text.h"

struct _McDossierStore
{
  GObject     parent_instance;

  McDb       *db;
  McCalendar *calendar;
};

G_DEFINE_FINAL_TYPE (McDossierStore, mc_dossier_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-dossier-error-quark, mc_dossier_error)

static void
mc_dossier_store_dispose (GObject *object)
{
  McDossierStore *self = MC_DOSSIER_STORE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->calendar);
  G_OBJECT_CLASS (mc_dossier_store_parent_class)->dispose (object);
}

static void
mc_dossier_store_class_init (McDossierStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_dossier_store_dispose;
}

static void
mc_dossier_store_init (McDossierStore *self)
{
}

McDossierStore *
mc_dossier_store_new (McDb *db, McCalendar *calendar)
{
  McDossierStore *self;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  g_return_val_if_fail (MC_IS_CALENDAR (calendar), NULL);

  self = g_object_new (MC_TYPE_DOSSIER_STORE, NULL);
  self->db = g_object_ref (db);
  self->calendar = g_object_ref (calendar);
  return self;
}

McDb *
mc_dossier_store_get_db (McDossierStore *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  return self->db;
}

McCalendar *
mc_dossier_store_get_calendar (McDossierStore *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  return self->calendar;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID, message);
  return FALSE;
}

/* id and legal days of a procedure, by national code. */
static gboolean
lookup_procedure_level (McDossierStore *self, const char *code, gint64 *id, double *days, char **online_level,
                        GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "SELECT id, CASE duration_unit WHEN 'hour' THEN duration / 8.0 ELSE duration END, online_level "
      "FROM procedure WHERE code = ? AND active <> 0", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      *id = mc_sql_column_int64 (stmt, 0);
      *days = mc_sql_column_double (stmt, 1);
      if (online_level != NULL)
        *online_level = g_strdup (mc_sql_column_text (stmt, 2));
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_FOUND,
                 _("No procedure has the code “%s”"), code ? code : "");
  return step == MC_DB_STEP_ROW;
}

static gboolean
lookup_procedure (McDossierStore *self, const char *code, gint64 *id, double *days, GError **error)
{
  return lookup_procedure_level (self, code, id, days, NULL, error);
}

/* The online level the dossier is counted at in the CCHC statistics and the
 * narrative: the clerk's choice, else the procedure's (catalog column
 * online_level). An online dossier of a procedure the catalog does not list
 * as online keeps none (the reports count it as một phần); a dossier that
 * did not come online has none, and a level given for it is refused. */
static gboolean
resolve_online_level (McDossierData *d, const char *procedure_level, GError **error)
{
  g_autofree char *given = g_strstrip (g_strdup (d->online_level ? d->online_level : ""));

  g_clear_pointer (&d->online_level, g_free);
  if (d->channel != MC_CHANNEL_TRUC_TUYEN)
    return *given == '\0' || g_str_equal (given, "none") ||
           invalid (error, _("Only a dossier received online has an online service level"));
  if (*given != '\0' && !g_str_equal (given, "partial") && !g_str_equal (given, "full"))
    return invalid (error, _("The online service level must be partial or full"));
  if (*given != '\0')
    d->online_level = g_steal_pointer (&given);
  else if (g_strcmp0 (procedure_level, "partial") == 0 || g_strcmp0 (procedure_level, "full") == 0)
    d->online_level = g_strdup (procedure_level);
  return TRUE;
}

gboolean
mc_dossier_store_compute_due (McDossierStore *self, const char *procedure_code, McTime received,
                              McTime *due, GError **error)
{
  gint64 id;
  double days;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), FALSE);

  return lookup_procedure (self, procedure_code, &id, &days, error) &&
         mc_calendar_add_working_days (self->calendar, received, days, due, error);
}

static gboolean
validate_person (McDossierData *d, GError **error)
{
  g_autofree char *digits = NULL;
  McDate birth;

  if (d->applicant_birth_date && *d->applicant_birth_date)
    {
      /* The screens give dd/mm/yyyy as ISO; only a script's text can be unreadable. */
      if (!mc_date_parse_iso (d->applicant_birth_date, &birth))
        return invalid (error, _("The date of birth must be written YYYY-MM-DD"));
      if (birth > mc_time_get_date (d->received_at))
        return invalid (error, _("The date of birth must be in the past"));
    }
  digits = mc_id_number_validate (d->applicant_id_number, d->applicant_birth_date, NULL, error);
  if (digits == NULL)
    return FALSE;
  g_free (d->applicant_id_number);
  d->applicant_id_number = g_steal_pointer (&digits);
  return TRUE;
}

static gboolean
validate_organisation (McDossierData *d, GError **error)
{
  gsize len = d->applicant_id_number ? strlen (d->applicant_id_number) : 0;

  /* Mã số doanh nghiệp: 10 digits, or 10-3 for a branch. */
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (d->applicant_id_number[i]) && !(i == 10 && d->applicant_id_number[i] == '-'))
      len = 0;
  if (len != 10 && len != 14)
    return invalid (error, _("The enterprise or tax code must have 10 digits (or 10-3 for a branch)"));
  return TRUE;
}

static gboolean
validate_contact (McDossierData *d, GError **error)
{
  if (d->applicant_phone && *d->applicant_phone)
    {
      char *phone = mc_phone_validate (d->applicant_phone, error);
      if (phone == NULL)
        return FALSE;
      g_free (d->applicant_phone);
      d->applicant_phone = phone;
    }
  if (d->applicant_email && *d->applicant_email &&
      (strchr (d->applicant_email, '@') == NULL || strchr (d->applicant_email, ' ') != NULL))
    return invalid (error, _("The email address is not valid"));
  return TRUE;
}

static gboolean
validate (McDossierData *d, GError **error)
{
  g_autofree char *name = mc_text_normalize (d->applicant_name);

  if (name == NULL || *name == '\0')
    return invalid (error, d->applicant_kind == MC_APPLICANT_PERSON ? _("The applicant’s full name is empty")
                                                                     : _("The organisation’s name is empty"));
  g_free (d->applicant_name);
  d->applicant_name = g_steal_pointer (&name);
  if (d->applicant_kind == MC_APPLICANT_PERSON ? !validate_person (d, error) : !validate_organisation (d, error))
    return FALSE;
  return validate_contact (d, error);
}

/* The next number of the day for the unit, inside the caller's transaction. */
static char *
next_code (McDossierStore *self, gint64 unit_id, const char *unit_code, McTime received, GError **error)
{
  int y, m, day;
  char key[7];
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "INSERT INTO dossier_code_seq (unit_id, day, last) VALUES (?, ?, 1) "
      "ON CONFLICT (unit_id, day) DO UPDATE SET last = dossier_code_seq.last + 1 RETURNING last", error);
  gint64 n = 0;

  if (stmt == NULL)
    return NULL;
  mc_date_to_ymd (mc_time_get_date (received), &y, &m, &day);
  g_snprintf (key, sizeof key, "%02d%02d%02d", y % 100, m, day);
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_text (stmt, 2, key, -1, MC_SQL_TRANSIENT);
  /* RETURNING always gives the row; no row is a failure, told by the step. */
  if (mc_db_step_row (self->db, stmt, error) != MC_DB_STEP_ROW)
    return NULL;
  n = mc_sql_column_int64 (stmt, 0);
  if (!mc_db_step_done (self->db, stmt, error))
    return NULL;
  /* At least four digits (TT 01/2018 Điều 19); more when a day exceeds 9999. */
  return g_strdup_printf ("%s-%s-%04" G_GINT64_FORMAT, unit_code, key, n);
}

static void
bind_text_or_null (McSqlStmt *stmt, int i, const char *text)
{
  g_autofree char *value = mc_text_for_storage (text);

  if (value && *value)
    mc_sql_bind_text (stmt, i, value, -1, MC_SQL_TRANSIENT);
  else
    mc_sql_bind_null (stmt, i);
}

/* The counter's own step (the route's first): the dossier starts there,
 * accepted at once by the clerk who received it. */
static gboolean
first_step (McDossierStore *self, gint64 procedure_id, McTime received, gint64 *department, McTime *due,
            GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT department_id, days FROM procedure_step "
                                                "WHERE procedure_id = ? ORDER BY position LIMIT 1", error);
  double days = 0;

  *department = 0;
  *due = 0;
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, procedure_id);
  switch (mc_db_step_row (self->db, stmt, error))
    {
    case MC_DB_STEP_ERROR:
      return FALSE;
    case MC_DB_STEP_ROW:
      *department = mc_sql_column_int64 (stmt, 0);
      days = mc_sql_column_double (stmt, 1);
      break;
    case MC_DB_STEP_DONE:
      break;
    }
  mc_sql_reset (stmt);
  return *department == 0 || mc_calendar_add_working_days (self->calendar, received, days, due, error);
}

/* The unit's names of the day are stored with the dossier, so that it
 * reprints as it was after the unit is renamed (the reform of 1/7/2025
 * renamed and merged units). */
static gboolean
insert_dossier (McDossierStore *self, McDossierData *d, gint64 unit_id, gint64 procedure_id,
                gint64 first_department, McTime step_due, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "INSERT INTO dossier (code, unit_id, procedure_id, applicant_kind, applicant_name, applicant_id_number, "
      "applicant_birth_date, applicant_phone, applicant_email, applicant_address, representative, channel, "
      "received_at, counter, due_at, state, current_step, fee, note, current_department_id, step_due_at, "
      "step_started_at, step_accepted_at, received_by, unit_name, unit_parent_name, online_level) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'received',1,?,?,?,?,?13,?13,mc_actor (),"
      "(SELECT name FROM unit WHERE id = ?2), "
      "(SELECT pu.name FROM unit u JOIN unit pu ON pu.id = u.parent_id WHERE u.id = ?2), ?20)", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, d->code, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, unit_id);
  mc_sql_bind_int64 (stmt, 3, procedure_id);
  mc_sql_bind_text (stmt, 4, d->applicant_kind == MC_APPLICANT_PERSON ? "person" : "organisation", -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 5, d->applicant_name, -1, MC_SQL_TRANSIENT);
  bind_text_or_null (stmt, 6, d->applicant_id_number);
  bind_text_or_null (stmt, 7, d->applicant_birth_date);
  bind_text_or_null (stmt, 8, d->applicant_phone);
  bind_text_or_null (stmt, 9, d->applicant_email);
  bind_text_or_null (stmt, 10, d->applicant_address);
  bind_text_or_null (stmt, 11, d->representative);
  mc_sql_bind_text (stmt, 12, mc_channel_to_string (d->channel), -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 13, d->received_at);
  bind_text_or_null (stmt, 14, d->counter);
  mc_sql_bind_int64 (stmt, 15, d->due_at);
  mc_sql_bind_int64 (stmt, 16, d->fee);
  bind_text_or_null (stmt, 17, d->note);
  bind_text_or_null (stmt, 20, d->online_level);
  if (first_department != 0)
    {
      mc_sql_bind_int64 (stmt, 18, first_department);
      mc_sql_bind_int64 (stmt, 19, step_due);
    }
  if (!mc_db_step_done (self->db, stmt, error))
    return FALSE;
  d->id = mc_sql_last_insert_id (self->db);
  return TRUE;
}

static gboolean
insert_documents_and_event (McDossierStore *self, McDossierData *d, GError **error)
{
  McSqlStmt *stmt;

  for (guint i = 0; i < d->documents->len; i++)
    {
      McDossierDocument *doc = d->documents->pdata[i];
      g_autofree char *name = mc_text_for_storage (doc->name);

      stmt = mc_db_prepare (self->db, "INSERT INTO dossier_document (dossier_id, position, name, originals, "
                                      "copies, received) VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      mc_sql_bind_int64 (stmt, 1, d->id);
      mc_sql_bind_int (stmt, 2, (int) i + 1);
      mc_sql_bind_text (stmt, 3, name, -1, MC_SQL_TRANSIENT);
      mc_sql_bind_int (stmt, 4, doc->originals);
      mc_sql_bind_int (stmt, 5, doc->copies);
      mc_sql_bind_int (stmt, 6, doc->received ? 1 : 0);
      if (!mc_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  /* The event names the clerk as the dossier does: the timeline and the
   * audit of a counter read who received it from the event. */
  stmt = mc_db_prepare (self->db, "INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_to, step, "
                                  "note, to_department_id, step_due_at) SELECT ?1, ?2, received_by, 'receive', "
                                  "'received', 1, ?3, current_department_id, step_due_at FROM dossier WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, d->id);
  mc_sql_bind_int64 (stmt, 2, d->received_at);
  bind_text_or_null (stmt, 3, d->counter);
  return mc_db_step_done (self->db, stmt, error);
}

static gboolean
own_unit (McDossierStore *self, gint64 *id, char **code, GError **error)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (self->db);
  McSqlStmt *stmt;
  McDbStep step;

  *id = mc_catalog_get_own_unit (catalog, error);
  if (*id == 0)
    return FALSE;
  stmt = mc_db_prepare (self->db, "SELECT code FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, *id);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *code = g_strdup (mc_sql_column_text (stmt, 0));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    return mc_sql_error_damaged (error); /* the own unit's id names no unit */
  return *code != NULL;
}

/* Without a checklist from the counter, the procedure's documents were all handed in. */
static gboolean
default_documents (McDossierStore *self, McDossierData *d, gint64 procedure_id, GError **error)
{
  McSqlStmt *stmt;
  McDbStep step;

  if (d->documents->len > 0)
    return TRUE;
  stmt = mc_db_prepare (self->db, "SELECT name, originals, copies FROM procedure_document "
                                  "WHERE procedure_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, procedure_id);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDossierDocument *doc = g_new0 (McDossierDocument, 1);
      doc->name = g_strdup (mc_sql_column_text (stmt, 0));
      doc->originals = mc_sql_column_int (stmt, 1);
      doc->copies = mc_sql_column_int (stmt, 2);
      doc->received = TRUE;
      g_ptr_array_add (d->documents, doc);
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

static gboolean
write_received (McDossierStore *self, McDossierData *d, gint64 procedure_id, GError **error)
{
  g_autofree char *unit_code = NULL;
  gint64 unit_id, first_department;
  McTime step_due;

  /* Everything read first: the day's number row, which every desk's
   * reception updates, is held from next_code () to the commit, so only
   * the writes come after it (issue 17 item 6). */
  if (!own_unit (self, &unit_id, &unit_code, error) || !default_documents (self, d, procedure_id, error) ||
      !first_step (self, procedure_id, d->received_at, &first_department, &step_due, error))
    return FALSE;
  g_free (d->code);
  d->code = next_code (self, unit_id, unit_code, d->received_at, error);
  return d->code != NULL && insert_dossier (self, d, unit_id, procedure_id, first_department, step_due, error) &&
         insert_documents_and_event (self, d, error);
}

gboolean
mc_dossier_store_receive (McDossierStore *self, McDossier *dossier, GError **error)
{
  McDossierData *d;
  gint64 procedure_id;
  double days;
  McTime legal_due;
  g_autofree char *procedure_level = NULL;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), FALSE);
  g_return_val_if_fail (MC_IS_DOSSIER (dossier), FALSE);

  d = mc_dossier_get_data (dossier);
  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_RECEIVE, 0, error))
    return FALSE;
  if (d->received_at == 0)
    d->received_at = mc_time_now ();
  /* A reception dated in the past would count as early in every report. */
  if (!mc_accounts_check_time (self->db, mc_db_get_actor (self->db), d->received_at, "Tiếp nhận hồ sơ", 0, error))
    return FALSE;
  if (!validate (d, error) ||
      !lookup_procedure_level (self, d->procedure_code, &procedure_id, &days, &procedure_level, error) ||
      !resolve_online_level (d, procedure_level, error) ||
      !mc_calendar_add_working_days (self->calendar, d->received_at, days, &legal_due, error))
    return FALSE;
  /* A later appointment may be agreed; an earlier one than the law allows may not. */
  if (d->requested_due_at != 0 && d->requested_due_at < legal_due)
    return invalid (error, _("The appointment cannot be earlier than the legal processing time allows"));
  d->due_at = d->requested_due_at != 0 ? d->requested_due_at : legal_due;
  /* Without the one-writer lock on a server: a reception adds rows no one
   * else sees before it commits, and its one read-then-write, the day's
   * number, is a single statement that locks its row (next_code ()). So 8
   * desks receiving at once wait only for that row and for the trail's
   * chain at commit (migration 0037), not for each other's transfers and
   * returns. */
  if (!mc_db_begin_concurrent (self->db, error))
    return FALSE;
  if (!write_received (self, d, procedure_id, error) || !mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
      g_clear_pointer (&d->code, g_free);
      d->id = 0;
      return FALSE;
    }
  g_free (d->state);
  d->state = g_strdup ("received");
  return TRUE;
}

#define DOSSIER_COLUMNS                                                                       \
  "SELECT d.id, d.code, p.code, p.name, f.name, d.applicant_kind, d.applicant_name, "         \
  "d.applicant_id_number, d.applicant_birth_date, d.applicant_phone, d.applicant_email, "     \
  "d.applicant_address, d.representative, d.channel, d.received_at, d.counter, "              \
  "coalesce (d.extended_due_at, d.due_at), d.state, d.finished_at, d.returned_at, d.outcome, " \
  "d.timeliness, dep.name, d.fee, d.note, rb.full_name, d.online_level "                      \
  "FROM dossier d JOIN procedure p ON p.id = d.procedure_id JOIN field f ON f.id = p.field_id " \
  "LEFT JOIN department dep ON dep.id = d.current_department_id "                              \
  "LEFT JOIN staff rb ON rb.id = d.received_by "

static char *
column_text (McSqlStmt *stmt, int i)
{
  return g_strdup (mc_sql_column_text (stmt, i));
}

static McDossier *
dossier_from_row (McSqlStmt *stmt)
{
  McDossier *dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);

  d->id = mc_sql_column_int64 (stmt, 0);
  d->code = column_text (stmt, 1);
  d->procedure_code = column_text (stmt, 2);
  d->procedure_name = column_text (stmt, 3);
  d->field_name = column_text (stmt, 4);
  d->applicant_kind = g_strcmp0 (mc_sql_column_text (stmt, 5), "organisation") == 0
                        ? MC_APPLICANT_ORGANISATION : MC_APPLICANT_PERSON;
  d->applicant_name = column_text (stmt, 6);
  d->applicant_id_number = column_text (stmt, 7);
  d->applicant_birth_date = column_text (stmt, 8);
  d->applicant_phone = column_text (stmt, 9);
  d->applicant_email = column_text (stmt, 10);
  d->applicant_address = column_text (stmt, 11);
  d->representative = column_text (stmt, 12);
  mc_channel_from_string (mc_sql_column_text (stmt, 13), &d->channel);
  d->received_at = mc_sql_column_int64 (stmt, 14);
  d->counter = column_text (stmt, 15);
  d->due_at = mc_sql_column_int64 (stmt, 16);
  d->state = column_text (stmt, 17);
  d->finished_at = mc_sql_column_int64 (stmt, 18);
  d->returned_at = mc_sql_column_int64 (stmt, 19);
  d->outcome = column_text (stmt, 20);
  d->timeliness = column_text (stmt, 21);
  d->current_department = column_text (stmt, 22);
  d->fee = mc_sql_column_int64 (stmt, 23);
  d->note = column_text (stmt, 24);
  /* The clerk who received it is printed on the receipt. */
  d->received_by = column_text (stmt, 25);
  d->online_level = column_text (stmt, 26);
  return dossier;
}

static gboolean
load_documents (McDossierStore *self, McDossier *dossier, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db, "SELECT name, originals, copies, received FROM dossier_document "
                                                "WHERE dossier_id = ? ORDER BY position", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, mc_dossier_get_data (dossier)->id);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    mc_dossier_add_document (dossier, mc_sql_column_text (stmt, 0), mc_sql_column_int (stmt, 1),
                             mc_sql_column_int (stmt, 2), mc_sql_column_int (stmt, 3));
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

McDossier *
mc_dossier_store_find (McDossierStore *self, const char *code, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (code ? code : ""));
  McSqlStmt *stmt;
  g_autoptr(McDossier) dossier = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  {
    /* The ID number and the phone as this login may read them. */
    g_autofree char *sql = mc_db_personal_sql (self->db, DOSSIER_COLUMNS "WHERE d.code = ?");

    stmt = mc_db_prepare (self->db, sql, error);
  }
  if (stmt == NULL)
    return NULL;
  /* Scanners and clerks type the code's letters in either case. */
  mc_sql_bind_text (stmt, 1, g_ascii_strup (clean, -1), -1, g_free);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return NULL;  /* busy, unreadable or damaged: not "no such dossier" */
  if (step == MC_DB_STEP_ROW)
    dossier = dossier_from_row (stmt);
  mc_sql_reset (stmt);
  if (dossier == NULL)
    {
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_FOUND, _("No dossier has the code “%s”"), clean);
      return NULL;
    }
  if (!load_documents (self, dossier, error))
    return NULL;
  return g_steal_pointer (&dossier);
}

/* The runs of letters and digits of one space-separated word: the pieces
 * the "vn" tokenizer cuts it into ("261207-0014" → 261207, 0014). */
static GPtrArray *
word_runs (const char *word)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (g_free);
  GString *run = g_string_new (NULL);

  for (const char *p = word;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (run, c);
          continue;
        }
      if (run->len > 0)
        g_ptr_array_add (runs, g_strdup (run->str));
      g_string_truncate (run, 0);
      if (c == 0)
        break;
    }
  g_string_free (run, TRUE);
  return runs;
}

/* One word of the query as FTS5 terms. A word of several runs is either
 * what the tokenizer made of the same text stored (the tail of a receipt
 * code, "261207-0014", is two tokens of the code "…H56-261207-0014") or one
 * number typed with separators that was stored without them ("0912.345.678"
 * for the phone 0912345678): both are asked, `("261207" AND "0014"* OR
 * "2612070014"*)`. Quoted, so that user input is never FTS5 syntax. */
static void
append_word (GString *out, GPtrArray *runs, gboolean prefix)
{
  const char *star = prefix ? "*" : "";

  if (out->len > 0)
    g_string_append (out, " AND ");
  if (runs->len == 1)
    {
      g_string_append_printf (out, "\"%s\"%s", (char *) runs->pdata[0], star);
      return;
    }
  g_string_append_c (out, '(');
  for (guint i = 0; i < runs->len; i++)
    g_string_append_printf (out, "%s\"%s\"%s", i ? " AND " : "", (char *) runs->pdata[i],
                            i + 1 == runs->len ? star : "");
  g_string_append (out, " OR \"");
  for (guint i = 0; i < runs->len; i++)
    g_string_append (out, runs->pdata[i]);
  g_string_append_printf (out, "\"%s)", star);
}

/* The folded query as an FTS5 expression. Only the last word is a prefix
 * (the one still being typed, or a partial ID or phone number); the index
 * keeps prefixes of one to six characters (migrations 0013 and 0030), so
 * that prefix is a single list however many words it starts, and the
 * search stops at its LIMIT instead of merging them all first. */
static GPtrArray *query_words (const char *query);

char *
mc_dossier_store_fts_query (const char *query)
{
  g_autoptr(GPtrArray) all = query_words (query);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    append_word (out, all->pdata[i], i + 1 == all->len);
  return g_string_free (out, FALSE);
}

/* The query's words, folded by mc_text_fold (the same C fold on both
 * engines), each cut into its runs; empty runs dropped. */
static GPtrArray *
query_words (const char *query)
{
  g_autofree char *folded = mc_text_fold (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (int i = 0; words[i]; i++)
    {
      GPtrArray *runs = word_runs (words[i]);

      if (runs->len > 0)
        g_ptr_array_add (all, runs);
      else
        g_ptr_array_unref (runs);
    }
  return all;
}

/* The query for mc_dossier_search () on PostgreSQL (resources/sql/pg/
 * 0021-search-function.sql): the folded words separated by a space, a
 * word's runs by a dot. The server turns it into regular expressions over
 * dossier.search_folded with the rule of the FTS5 query (append_word: every
 * word a whole token, the last a token's start, a word of several runs as
 * its runs or the runs joined), and keeps only what the caller may read. */
static char *
pg_search_words (const char *query)
{
  g_autoptr(GPtrArray) words = query_words (query);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      GPtrArray *runs = words->pdata[i];

      if (i)
        g_string_append_c (out, ' ');
      for (guint j = 0; j < runs->len; j++)
        g_string_append_printf (out, "%s%s", j ? "." : "", (char *) runs->pdata[j]);
    }
  return g_string_free (out, FALSE);
}

/* The query as mc_dossier_search ()'s `code`, quoted, when it has the
 * shape of a code's tail ("H56-2501": letters and digits, a '-', more),
 * which the server then reads from its code index; else NULL. Nothing in
 * that shape needs escaping. */
static char *
code_tail_literal (const char *query)
{
  g_autofree char *code = g_strstrip (g_ascii_strup (query ? query : "", -1));
  gboolean dash = FALSE;

  for (const char *p = code; *p; p++)
    if (*p == '-' && p != code)
      dash = TRUE;
    else if (!g_ascii_isalnum (*p))
      return g_strdup ("NULL");
  return dash ? g_strdup_printf ("'%s'", code) : g_strdup ("NULL");
}

/* The one place search differs between engines: the ids of the newest
 * `limit` dossiers the query finds, newest first, as a statement. SQLite
 * asks its FTS5 index with the match text bound at ?`param` (*match);
 * PostgreSQL has no FTS5 and asks mc_dossier_search (), which reads pg_trgm
 * over search_folded with the same words and the same rule (every word a
 * token, the last a prefix, a word of several runs as the runs or the runs
 * joined) for any clerk, the ID number and phone only for those with the
 * personal-data permission, nothing bound (*match NULL).
 * NULL when the query has no word to search for. */
char *
mc_dossier_store_search_sql (McDossierStore *self, const char *query, guint param, gint64 limit, char **match)
{
  g_autofree char *words = NULL;
  g_autofree char *tail = NULL;

  *match = NULL;
  if (!mc_sql_on_server (self->db))
    {
      *match = mc_dossier_store_fts_query (query);
      if (**match == '\0')
        {
          g_clear_pointer (match, g_free);
          return NULL;
        }
      return g_strdup_printf ("SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?%u "
                              "ORDER BY rowid DESC LIMIT %" G_GINT64_FORMAT, param, limit);
    }
  words = pg_search_words (query);
  if (*words == '\0')
    return NULL;
  /* Runs are letters and digits (word_runs): nothing to escape; a code's
   * tail (letters, digits and '-', read from the code index by
   * resources/sql/pg/0024-search-code.sql) neither. */
  tail = code_tail_literal (query);
  return g_strdup_printf ("SELECT s.id FROM mc_dossier_search ('%s', %" G_GINT64_FORMAT ", %s) AS s", words,
                          limit, tail);
}

/* An ID number (9 or 12 digits) or a phone: a query that names a person. */
static gboolean
names_a_person (const char *query)
{
  guint digits = 0;

  for (const char *p = query ? query : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      digits++;
    else if (*p != ' ' && *p != '.' && *p != '+' && *p != '-')
      return FALSE;
  return digits >= 9;
}

GPtrArray *
mc_dossier_store_search_person (McDossierStore *self, const char *query, guint limit, GError **error)
{
  g_autofree char *detail = NULL;
  gsize len = query ? strlen (query) : 0;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  /* The trail keeps only the query's last digits: it names the search, not
   * the citizen. */
  if (names_a_person (query))
    detail = g_strdup_printf ("Tra cứu theo số giấy tờ hoặc số điện thoại …%s", query + (len > 4 ? len - 4 : 0));
  if (detail ? !mc_accounts_audit_personal_export (self->db, "export.search", 0, detail, error)
             : !mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_PERSONAL_DATA, 0, error))
    return NULL;
  return mc_dossier_store_search (self, query, limit, error);
}

/* mc_dossier_store_search on PostgreSQL: the code or the words through
 * mc_dossier_search () (resources/sql/pg/0021-search-function.sql), so a
 * clerk without the personal-data permission, who may not read the ID
 * number, the phone or the folded text holding them, searches too: the
 * server gives them the dossiers whose code or name match, those two
 * columns masked. DOSSIER_COLUMNS with those two read from the function. */
static GPtrArray *
search_on_server (McDossierStore *self, const char *query, guint limit, GError **error)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *code = g_strstrip (g_ascii_strup (query ? query : "", -1));
  g_autofree char *words = pg_search_words (query);
  g_autoptr(GString) sql = g_string_new (DOSSIER_COLUMNS "ORDER BY d.received_at DESC");
  McSqlStmt *stmt;
  McDbStep step;

  g_string_replace (sql, "d.applicant_id_number", "s.applicant_id_number", 1);
  g_string_replace (sql, "d.applicant_phone", "s.applicant_phone", 1);
  g_string_replace (sql, "FROM dossier d ", "FROM mc_dossier_search (?, ?, ?) s JOIN dossier d ON d.id = s.id ", 1);
  if (*code == '\0')
    return hits;
  stmt = mc_db_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (hits);
      return NULL;
    }
  mc_sql_bind_text (stmt, 1, words, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, limit);
  mc_sql_bind_text (stmt, 3, code, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (hits, dossier_from_row (stmt));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&hits, g_ptr_array_unref);
  /* A whole code found is that dossier with its documents, as
   * mc_dossier_store_find gives it on SQLite. */
  else if (hits->len == 1 && g_strcmp0 (mc_dossier_get_data (hits->pdata[0])->code, code) == 0 &&
           !load_documents (self, hits->pdata[0], error))
    g_clear_pointer (&hits, g_ptr_array_unref);
  return hits;
}

GPtrArray *
mc_dossier_store_search (McDossierStore *self, const char *query, guint limit, GError **error)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  g_autofree char *hits_sql = NULL;
  g_autofree char *sql = NULL;
  McDossier *exact;
  McSqlStmt *stmt;
  GError *local = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  if (mc_sql_on_server (self->db))
    {
      g_ptr_array_unref (hits);
      return search_on_server (self, query, limit, error);
    }
  exact = mc_dossier_store_find (self, query, &local);
  if (exact != NULL)
    {
      g_ptr_array_add (hits, exact);
      return hits;
    }
  /* Only "no dossier has that code" goes on to the text search. */
  if (!g_error_matches (local, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local);
      g_ptr_array_unref (hits);
      return NULL;
    }
  g_clear_error (&local);
  hits_sql = mc_dossier_store_search_sql (self, query, 1, limit, &match);
  if (hits_sql == NULL)
    return hits;
  sql = g_strdup_printf (DOSSIER_COLUMNS "WHERE d.id IN (%s) "
                         "ORDER BY d.received_at DESC", hits_sql);
  stmt = mc_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (hits);
      return NULL;
    }
  if (match != NULL)
    mc_sql_bind_text (stmt, 1, match, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (hits, dossier_from_row (stmt));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&hits, g_ptr_array_unref);
  return hits;
}

GArray *
mc_dossier_store_search_ids (McDossierStore *self, const char *query, guint limit, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  g_autofree char *hits_sql = NULL;
  g_autofree char *clean = g_strstrip (g_ascii_strup (query ? query : "", -1));
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  /* A whole code (a scanned receipt, either case) is that dossier alone,
   * as in mc_dossier_store_search. */
  stmt = mc_db_prepare (self->db, "SELECT id FROM dossier WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_text (stmt, 1, clean, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 id = mc_sql_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  if (ids->len > 0)
    return g_steal_pointer (&ids);
  hits_sql = mc_dossier_store_search_sql (self, query, 1, limit, &match);
  if (hits_sql == NULL)
    return g_steal_pointer (&ids);
  stmt = mc_db_prepare (self->db, hits_sql, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    mc_sql_bind_text (stmt, 1, match, -1, MC_SQL_TRANSIENT);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 id = mc_sql_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

GPtrArray *
mc_dossier_store_list_events (McDossierStore *self, gint64 dossier_id, GError **error)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_dossier_event_free);
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "SELECT e.at, e.kind, e.state_to, s.full_name, dep.name, u.name, e.step_due_at, e.note "
      "FROM dossier_event e LEFT JOIN staff s ON s.id = e.staff_id "
      "LEFT JOIN department dep ON dep.id = coalesce (e.to_department_id, e.from_department_id) "
      "LEFT JOIN unit u ON u.id = e.to_unit_id "
      "WHERE e.dossier_id = ? ORDER BY e.at, e.id", error);

  McDbStep step;

  if (stmt == NULL)
    {
      g_ptr_array_unref (events);
      return NULL;
    }
  mc_sql_bind_int64 (stmt, 1, dossier_id);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDossierEvent *e = g_new0 (McDossierEvent, 1);
      e->at = mc_sql_column_int64 (stmt, 0);
      e->kind = column_text (stmt, 1);
      e->state_to = column_text (stmt, 2);
      e->staff_name = column_text (stmt, 3);
      e->department_name = column_text (stmt, 4);
      e->unit_name = column_text (stmt, 5);
      e->step_due_at = mc_sql_column_int64 (stmt, 6);
      e->note = column_text (stmt, 7);
      g_ptr_array_add (events, e);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&events, g_ptr_array_unref);
  return events;
}

#define RECENT_SAMPLE 2000

GPtrArray *
mc_dossier_store_recent_procedures (McDossierStore *self, const char *counter, guint limit, GError **error)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  /* Among the last RECENT_SAMPLE dossiers received (of the last 90 days),
   * newest first through dossier_by_received: at a million dossiers the 90
   * days alone were 80,000 rows grouped at each start of Tiếp nhận (173 ms,
   * issue 15); a counter's habits show in its last thousands as well. */
  stmt = mc_db_prepare (self->db, "SELECT p.code FROM (SELECT r.procedure_id, r.counter FROM dossier r "
                                  "INDEXED BY dossier_by_received WHERE r.received_at >= ?2 "
                                  "ORDER BY r.received_at DESC LIMIT " G_STRINGIFY (RECENT_SAMPLE) ") d "
                                  "JOIN procedure p ON p.id = d.procedure_id WHERE d.counter = ?1 GROUP BY p.code "
                                  "ORDER BY count(*) DESC, p.code LIMIT ?3", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (codes);
      return NULL;
    }
  mc_sql_bind_text (stmt, 1, counter ? counter : "", -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 2, mc_time_now () - 90 * 86400);
  mc_sql_bind_int (stmt, 3, (int) limit);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (codes, g_strdup (mc_sql_column_text (stmt, 0)));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_clear_pointer (&codes, g_ptr_array_unref);
  return codes;
}

/* The full name of a staff member in *name, NULL for nobody (no one signed in). */
static gboolean
staff_name (McDossierStore *self, gint64 staff_id, char **name, GError **error)
{
  McSqlStmt *stmt;
  McDbStep step;

  *name = NULL;
  if (staff_id == 0)
    return TRUE;
  if ((stmt = mc_db_prepare (self->db, "SELECT full_name FROM staff WHERE id = ?", error)) == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, staff_id);
  step = mc_db_step_row (self->db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    *name = column_text (stmt, 0);
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_dossier_store_is_refusal_reference (const char *code)
{
  return code != NULL && g_str_has_prefix (code, MC_REFUSAL_REFERENCE_PREFIX);
}

char *
mc_dossier_store_refuse (McDossierStore *self, McDossier *dossier, const char *reason, GError **error)
{
  McDossierData *d = mc_dossier_get_data (dossier);
  g_autofree char *clean_reason = mc_text_normalize (reason);
  g_autofree char *name = mc_text_normalize (d->applicant_name);
  gint64 procedure_id, unit_id;
  g_autofree char *unit_code = NULL;
  g_autofree char *signer = NULL;
  double days;
  McSqlStmt *stmt;
  int y, m, day;

  g_return_val_if_fail (MC_IS_DOSSIER_STORE (self), NULL);

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_RECEIVE, 0, error))
    return NULL;
  if (clean_reason == NULL || *clean_reason == '\0')
    return invalid (error, _("A refusal needs its reason")), NULL;
  if (name == NULL || *name == '\0')
    return invalid (error, _("The applicant’s full name is empty")), NULL;
  if (!lookup_procedure (self, d->procedure_code, &procedure_id, &days, error) ||
      !own_unit (self, &unit_id, &unit_code, error))
    return NULL;
  if (d->received_at == 0)
    d->received_at = mc_time_now ();
  if (!mc_accounts_check_time (self->db, mc_db_get_actor (self->db), d->received_at, "Từ chối tiếp nhận", 0, error))
    return NULL;
  /* Mẫu 03 is signed by the clerk who refused, as the receipt by the one
   * who received: read before anything is written. */
  if (!staff_name (self, mc_db_get_actor (self->db), &signer, error))
    return NULL;
  stmt = mc_db_prepare (self->db, "INSERT INTO refusal (unit_id, procedure_id, at, staff_id, applicant_name, "
                                  "applicant_id_number, reason) VALUES (?, ?, ?, mc_actor (), ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_int64 (stmt, 2, procedure_id);
  mc_sql_bind_int64 (stmt, 3, d->received_at);
  mc_sql_bind_text (stmt, 4, name, -1, MC_SQL_TRANSIENT);
  bind_text_or_null (stmt, 5, d->applicant_id_number);
  mc_sql_bind_text (stmt, 6, clean_reason, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (self->db, stmt, error))
    return NULL;
  g_free (d->received_by);
  d->received_by = g_steal_pointer (&signer);
  mc_date_to_ymd (mc_time_get_date (d->received_at), &y, &m, &day);
  return g_strdup_printf (MC_REFUSAL_REFERENCE_PREFIX "%02d%02d%02d-%" G_GINT64_FORMAT, y % 100, m, day,
                          (gint64) mc_sql_last_insert_id (self->db));
}
