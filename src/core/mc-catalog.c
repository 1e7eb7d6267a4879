/* mc-catalog.c — the procedure catalog: fields, departments, procedures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-catalog.h"
#include "mc-db-private.h"
#include "mc-object-list.h"
#include "mc-text.h"
#include "mc-time.h"

struct _McCatalog
{
  GObject  parent_instance;

  McDb    *db;
};

G_DEFINE_FINAL_TYPE (McCatalog, mc_catalog, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-catalog-error-quark, mc_catalog_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
mc_catalog_dispose (GObject *object)
{
  McCatalog *self = MC_CATALOG (object);

  g_clear_object (&self->db);
  G_OBJECT_CLASS (mc_catalog_parent_class)->dispose (object);
}

static void
mc_catalog_class_init (McCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_catalog_dispose;

  /**
   * McCatalog::changed:
   *
   * A procedure was added or edited (in this process).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_catalog_init (McCatalog *self)
{
}

McCatalog *
mc_catalog_new (McDb *db)
{
  McCatalog *self;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  self = g_object_new (MC_TYPE_CATALOG, NULL);
  self->db = g_object_ref (db);
  return self;
}

McDb *
mc_catalog_get_db (McCatalog *self)
{
  g_return_val_if_fail (MC_IS_CATALOG (self), NULL);

  return self->db;
}

void
mc_field_free (McField *field)
{
  if (field == NULL)
    return;
  g_free (field->name);
  g_free (field);
}

void
mc_department_free (McDepartment *department)
{
  if (department == NULL)
    return;
  g_free (department->code);
  g_free (department->name);
  g_free (department);
}

/* A fresh database has no unit yet; the administrator names it in the
 * preferences (and `motcua demo` sets a real one). */
gint64
mc_catalog_get_own_unit (McCatalog *self, GError **error)
{
  McSqlStmt *stmt;
  gint64 id = mc_db_query_int (self->db, "SELECT id FROM unit WHERE relation = 'self' ORDER BY id LIMIT 1",
                               error);

  if (id > 0 || (error && *error))
    return id;
  stmt = mc_db_prepare (self->db,
                        "INSERT INTO unit (code, name, level, relation) VALUES (?, ?, 'xa', 'self')", error);
  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, "000.00.00.X00", -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 2, "Ủy ban nhân dân xã", -1, MC_SQL_STATIC);
  if (!mc_db_step_done (self->db, stmt, error))
    return 0;
  return mc_sql_last_insert_id (self->db);
}

GPtrArray *
mc_catalog_list_fields (McCatalog *self, GError **error)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_field_free);
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "SELECT id, name, sort_order FROM field ORDER BY sort_order, name", error);
  McDbStep step;

  if (stmt == NULL)
    return g_steal_pointer (&fields);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McField *f = g_new0 (McField, 1);
      f->id = mc_sql_column_int64 (stmt, 0);
      f->name = g_strdup (mc_sql_column_text (stmt, 1));
      f->sort_order = mc_sql_column_int (stmt, 2);
      g_ptr_array_add (fields, f);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_ptr_array_set_size (fields, 0);  /* the error, not a shorter list */
  return fields;
}

gint64
mc_catalog_ensure_field (McCatalog *self, const char *name, gboolean *added, GError **error)
{
  g_autofree char *clean = mc_text_normalize (name);
  McSqlStmt *stmt;
  gint64 id;

  if (added)
    *added = FALSE;
  if (clean == NULL || *clean == '\0')
    {
      g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID, _("The field name is empty"));
      return 0;
    }
  id = mc_db_lookup_id (self->db, "field", "name", clean, error);
  if (id > 0 || (error && *error))
    return id;
  stmt = mc_db_prepare (self->db,
      "INSERT INTO field (name, sort_order) VALUES (?, (SELECT coalesce (max (sort_order), 0) + 1 FROM field))",
      error);
  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, clean, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (self->db, stmt, error))
    return 0;
  if (added)
    *added = TRUE;
  return mc_sql_last_insert_id (self->db);
}

GPtrArray *
mc_catalog_list_departments (McCatalog *self, GError **error)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_department_free);
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "SELECT d.id, d.code, d.name FROM department d JOIN unit u ON u.id = d.unit_id "
      "WHERE u.relation = 'self' AND d.active <> 0 ORDER BY d.name", error);
  McDbStep step;

  if (stmt == NULL)
    return list;
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McDepartment *d = g_new0 (McDepartment, 1);
      d->id = mc_sql_column_int64 (stmt, 0);
      d->code = g_strdup (mc_sql_column_text (stmt, 1));
      d->name = g_strdup (mc_sql_column_text (stmt, 2));
      g_ptr_array_add (list, d);
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    g_ptr_array_set_size (list, 0);  /* the error, not a shorter list */
  return list;
}

McDepartment *
mc_catalog_find_department (McCatalog *self, const char *code, GError **error)
{
  g_autoptr(GPtrArray) all = mc_catalog_list_departments (self, error);

  for (guint i = 0; i < all->len; i++)
    {
      McDepartment *d = all->pdata[i];
      if (g_strcmp0 (d->code, code) == 0)
        return g_ptr_array_steal_index (all, i);
    }
  return NULL;
}

gint64
mc_catalog_ensure_department (McCatalog *self, const char *code, const char *name, GError **error)
{
  g_autoptr(McDepartment) existing = mc_catalog_find_department (self, code, NULL);
  gint64 unit = mc_catalog_get_own_unit (self, error);
  g_autofree char *clean = mc_text_for_storage (name);
  McSqlStmt *stmt;

  if (existing != NULL)
    return existing->id;
  if (unit == 0)
    return 0;
  stmt = mc_db_prepare (self->db, "INSERT INTO department (unit_id, code, name) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  mc_sql_bind_int64 (stmt, 1, unit);
  mc_sql_bind_text (stmt, 2, code, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, clean, -1, MC_SQL_TRANSIENT);
  if (!mc_db_step_done (self->db, stmt, error))
    return 0;
  return mc_sql_last_insert_id (self->db);
}

#define PROCEDURE_COLUMNS                                                          \
  "SELECT p.id, p.code, p.name, f.name, p.level, p.mechanism, "                    \
  "CASE p.duration_unit WHEN 'hour' THEN p.duration / 8.0 ELSE p.duration END, "   \
  "p.online_level, p.fee, p.competence, p.competence_basis FROM procedure p JOIN field f ON f.id = p.field_id "

static McProcedure *
procedure_from_row (McSqlStmt *stmt)
{
  McProcedure *p = mc_procedure_new ();
  McLevel level = MC_LEVEL_XA, competence = MC_LEVEL_XA;
  McMechanism mechanism = MC_MECHANISM_MOT_CUA;
  McOnlineLevel online = MC_ONLINE_NONE;

  mc_procedure_set_id (p, mc_sql_column_int64 (stmt, 0));
  mc_procedure_set_code (p, mc_sql_column_text (stmt, 1));
  mc_procedure_set_name (p, mc_sql_column_text (stmt, 2));
  mc_procedure_set_field_name (p, mc_sql_column_text (stmt, 3));
  mc_level_from_string (mc_sql_column_text (stmt, 4), &level);
  mc_mechanism_from_string (mc_sql_column_text (stmt, 5), &mechanism);
  mc_online_level_from_string (mc_sql_column_text (stmt, 7), &online);
  mc_level_from_string (mc_sql_column_text (stmt, 9), &competence);
  mc_procedure_set_level (p, level);
  mc_procedure_set_competence (p, competence);
  mc_procedure_set_competence_basis (p, mc_sql_column_text (stmt, 10));
  mc_procedure_set_mechanism (p, mechanism);
  mc_procedure_set_days (p, mc_sql_column_double (stmt, 6));
  mc_procedure_set_online_level (p, online);
  mc_procedure_set_fee (p, mc_sql_column_int64 (stmt, 8));
  return p;
}

static gboolean
load_documents (McCatalog *self, GHashTable *by_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "SELECT procedure_id, name, originals, copies FROM procedure_document ORDER BY procedure_id, position",
      error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McProcedure *p = g_hash_table_lookup (by_id, GINT_TO_POINTER (mc_sql_column_int64 (stmt, 0)));
      if (p != NULL)
        mc_procedure_add_document (p, mc_sql_column_text (stmt, 1),
                                   mc_sql_column_int (stmt, 2), mc_sql_column_int (stmt, 3));
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

static gboolean
load_steps (McCatalog *self, GHashTable *by_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (self->db,
      "SELECT s.procedure_id, s.department_id, d.code, d.name, s.role, s.days "
      "FROM procedure_step s JOIN department d ON d.id = s.department_id "
      "ORDER BY s.procedure_id, s.position", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      McProcedure *p = g_hash_table_lookup (by_id, GINT_TO_POINTER (mc_sql_column_int64 (stmt, 0)));
      McStepRole role = MC_ROLE_CHUYEN_VIEN;

      if (p == NULL)
        continue;
      mc_step_role_from_string (mc_sql_column_text (stmt, 4), &role);
      mc_procedure_add_step (p, mc_sql_column_int64 (stmt, 1), mc_sql_column_text (stmt, 2),
                             mc_sql_column_text (stmt, 3), role,
                             mc_sql_column_double (stmt, 5));
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

GListStore *
mc_catalog_list_procedures (McCatalog *self, GError **error)
{
  GListStore *store = g_list_store_new (MC_TYPE_PROCEDURE);
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_CATALOG (self), store);

  stmt = mc_db_prepare (self->db, PROCEDURE_COLUMNS "WHERE p.active <> 0 ORDER BY f.sort_order, p.name", error);
  if (stmt == NULL)
    return store;
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      g_autoptr(McProcedure) p = procedure_from_row (stmt);
      g_hash_table_insert (by_id, GINT_TO_POINTER (mc_procedure_get_id (p)), p);
      g_list_store_append (store, p);
    }
  mc_sql_reset (stmt);
  /* Empty with the error, never a shorter catalog. */
  if (step == MC_DB_STEP_ERROR || !load_documents (self, by_id, error) || !load_steps (self, by_id, error))
    g_list_store_remove_all (store);
  return store;
}

void
mc_procedure_match_free (McProcedureMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->code);
  g_free (match->name);
  g_free (match);
}

/* The fields' names folded, by id: the words of a search may name a field
 * ("tu phap"), and the table has no folded column for them (54 rows). */
static GHashTable *
fold_fields (McCatalog *self, GError **error)
{
  GError *local = NULL;
  g_autoptr(GPtrArray) fields = mc_catalog_list_fields (self, &local);
  GHashTable *folded;

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  folded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < fields->len; i++)
    {
      McField *f = fields->pdata[i];
      g_hash_table_insert (folded, g_memdup2 (&f->id, sizeof f->id), mc_text_fold (f->name));
    }
  return folded;
}

/* " AND (the folded code and name hold `word`, or the procedure's field's
 * name does)" for the word bound at `pos`: a first sieve (instr finds the
 * word anywhere, not only from a word's start) that SQL runs on the rows;
 * mc_text_matches_folded decides on the few it returns. */
static void
append_word_condition (GString *sql, McDb *db, int pos, const char *word, GHashTable *fields)
{
  GHashTableIter iter;
  gpointer id, name;
  const char *sep = " OR p.field_id IN (";

  /* instr (SQLite) and strpos (PostgreSQL): the same position, 0 when absent. */
  g_string_append_printf (sql, " AND (%s (p.name_folded, ?%d) > 0", mc_sql_on_server (db) ? "strpos" : "instr", pos);
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &id, &name))
    if (mc_text_matches_folded (name, word))
      {
        g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, sep, *(gint64 *) id);
        sep = ", ";
      }
  g_string_append (sql, *sep == ',' ? "))" : ")");
}

GPtrArray *
mc_catalog_match_procedures (McCatalog *self, const char *query, GError **error)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_procedure_match_free);
  g_autofree char *folded = mc_text_fold (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GString) sql = g_string_new (
      "SELECT p.code, p.name, CASE p.duration_unit WHEN 'hour' THEN p.duration / 8.0 ELSE p.duration END, "
      "p.name_folded, p.field_id FROM procedure p JOIN field f ON f.id = p.field_id WHERE p.active <> 0");
  g_autoptr(McSqlStmt) stmt = NULL;
  McDbStep step;
  int n = 0;

  g_return_val_if_fail (MC_IS_CATALOG (self), found);

  if (*folded != '\0' && (fields = fold_fields (self, error)) == NULL)
    return found;
  for (int i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      append_word_condition (sql, self->db, ++n, words[i], fields);
  g_string_append (sql, " ORDER BY f.sort_order, p.name");
  /* The text changes with the words: prepared for this search only. */
  if ((stmt = mc_sql_prepare_once (self->db, sql->str, error)) == NULL)
    return found;
  n = 0;
  for (int i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      mc_sql_bind_text (stmt, ++n, words[i], -1, MC_SQL_STATIC);
  while ((step = mc_db_step_row (self->db, stmt, error)) == MC_DB_STEP_ROW)
    {
      gint64 field_id = mc_sql_column_int64 (stmt, 4);
      const char *field = fields ? g_hash_table_lookup (fields, &field_id) : NULL;
      g_autofree char *key = g_strjoin (" ", mc_sql_column_text (stmt, 3), field ? field : "", NULL);
      McProcedureMatch *m;

      /* The same test as the procedure search's key (code, name, field). */
      if (!mc_text_matches_folded (key, folded))
        continue;
      m = g_new0 (McProcedureMatch, 1);
      m->code = g_strdup (mc_sql_column_text (stmt, 0));
      m->name = g_strdup (mc_sql_column_text (stmt, 1));
      m->days = mc_sql_column_double (stmt, 2);
      g_ptr_array_add (found, m);
    }
  if (step == MC_DB_STEP_ERROR)
    g_ptr_array_set_size (found, 0);  /* the error, not a shorter list */
  return found;
}

static GPtrArray *
load_procedures (McObjectList *list, McChangeKind kind, gpointer data, GError **error)
{
  GError *local = NULL;
  g_autoptr(GListStore) store = mc_catalog_list_procedures (data, &local);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *items;

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
  return items;
}

static gint64
procedure_key (gpointer item)
{
  return mc_procedure_get_id (item);
}

GListModel *
mc_catalog_list_model (McCatalog *self, GError **error)
{
  g_autoptr(McObjectList) list = NULL;

  g_return_val_if_fail (MC_IS_CATALOG (self), NULL);

  list = mc_object_list_new (MC_TYPE_PROCEDURE, procedure_key, (McObjectListUpdate) mc_procedure_update_from,
                             load_procedures, g_object_ref (self), g_object_unref);
  if (!mc_object_list_reload (list, error))
    return NULL;
  /* A field renamed shows in its procedures' rows; a department in their steps. */
  mc_object_list_follow (list, mc_db_get_changes (self->db),
                         MC_CHANGE_MASK (MC_CHANGE_PROCEDURE) | MC_CHANGE_MASK (MC_CHANGE_UNIT));
  return G_LIST_MODEL (g_steal_pointer (&list));
}

McProcedure *
mc_catalog_find_procedure (McCatalog *self, const char *code, GError **error)
{
  g_autoptr(GListStore) all = mc_catalog_list_procedures (self, error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (all));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (all), i);
      if (g_strcmp0 (mc_procedure_get_code (p), code) == 0)
        return g_steal_pointer (&p);
    }
  if (error && *error == NULL)
    g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_NOT_FOUND,
                 _("No procedure has the code “%s”"), code);
  return NULL;
}

guint
mc_catalog_count_procedures (McCatalog *self)
{
  return (guint) mc_db_query_int (self->db, "SELECT count(*) FROM procedure WHERE active <> 0", NULL);
}

static gboolean
write_children (McCatalog *self, McProcedure *p, GError **error)
{
  GPtrArray *docs = mc_procedure_get_documents (p);
  GPtrArray *steps = mc_procedure_get_steps (p);
  McSqlStmt *stmt = mc_db_prepare (self->db, "DELETE FROM procedure_document WHERE procedure_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, mc_procedure_get_id (p));
  if (!mc_db_step_done (self->db, stmt, error))
    return FALSE;
  stmt = mc_db_prepare (self->db, "DELETE FROM procedure_step WHERE procedure_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, mc_procedure_get_id (p));
  if (!mc_db_step_done (self->db, stmt, error))
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      McProcedureDocument *d = docs->pdata[i];
      g_autofree char *name = mc_text_for_storage (d->name);

      stmt = mc_db_prepare (self->db, "INSERT INTO procedure_document (procedure_id, position, name, "
                                      "originals, copies) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      mc_sql_bind_int64 (stmt, 1, mc_procedure_get_id (p));
      mc_sql_bind_int (stmt, 2, (int) i + 1);
      mc_sql_bind_text (stmt, 3, name, -1, MC_SQL_TRANSIENT);
      mc_sql_bind_int (stmt, 4, d->originals);
      mc_sql_bind_int (stmt, 5, d->copies);
      if (!mc_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < steps->len; i++)
    {
      McProcedureStep *s = steps->pdata[i];
      stmt = mc_db_prepare (self->db, "INSERT INTO procedure_step (procedure_id, position, department_id, "
                                      "role, days) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      mc_sql_bind_int64 (stmt, 1, mc_procedure_get_id (p));
      mc_sql_bind_int (stmt, 2, (int) i + 1);
      mc_sql_bind_int64 (stmt, 3, s->department_id);
      mc_sql_bind_text (stmt, 4, mc_step_role_to_string (s->role), -1, MC_SQL_STATIC);
      mc_sql_bind_double (stmt, 5, s->days);
      if (!mc_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_procedure (McSqlStmt *stmt, McProcedure *p, gint64 field_id)
{
  g_autofree char *code = mc_text_for_storage (mc_procedure_get_code (p));
  g_autofree char *name = mc_text_for_storage (mc_procedure_get_name (p));
  g_autofree char *key = g_strjoin (" ", code, name, NULL);
  g_autofree char *folded = mc_text_fold (key);

  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, folded, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 4, field_id);
  mc_sql_bind_text (stmt, 5, mc_level_to_string (mc_procedure_get_level (p)), -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 6, mc_mechanism_to_string (mc_procedure_get_mechanism (p)), -1, MC_SQL_STATIC);
  mc_sql_bind_double (stmt, 7, mc_procedure_get_days (p));
  mc_sql_bind_text (stmt, 8, mc_online_level_to_string (mc_procedure_get_online_level (p)), -1, MC_SQL_STATIC);
  mc_sql_bind_int64 (stmt, 9, mc_procedure_get_fee (p));
  mc_sql_bind_int64 (stmt, 10, mc_time_now ());
  mc_sql_bind_text (stmt, 12, mc_level_to_string (mc_procedure_get_competence (p)), -1, MC_SQL_STATIC);
  mc_sql_bind_text (stmt, 13, mc_procedure_get_competence_basis (p), -1, MC_SQL_TRANSIENT);
}

gboolean
mc_catalog_write_procedure (McCatalog *self, McProcedure *p, gboolean *was_update, GError **error)
{
  gint64 field_id, existing;
  McSqlStmt *stmt;

  if (!mc_procedure_validate (p, error))
    return FALSE;
  field_id = mc_catalog_ensure_field (self, mc_procedure_get_field_name (p), NULL, error);
  if (field_id == 0)
    return FALSE;
  existing = mc_db_lookup_id (self->db, "procedure", "code", mc_procedure_get_code (p), error);
  if (existing > 0 && mc_procedure_get_id (p) > 0 && existing != mc_procedure_get_id (p))
    {
      g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_DUPLICATE,
                   _("Another procedure already has the code “%s”"), mc_procedure_get_code (p));
      return FALSE;
    }
  if (existing == 0)
    existing = mc_procedure_get_id (p);
  if (was_update)
    *was_update = existing > 0;
  stmt = mc_db_prepare (self->db, existing > 0
    ? "UPDATE procedure SET code = ?1, name = ?2, name_folded = ?3, field_id = ?4, level = ?5, "
      "mechanism = ?6, duration = ?7, duration_unit = 'day', online_level = ?8, fee = ?9, "
      "updated_at = ?10, active = 1, competence = ?12, competence_basis = ?13 WHERE id = ?11"
    : "INSERT INTO procedure (code, name, name_folded, field_id, level, mechanism, duration, "
      "online_level, fee, updated_at, competence, competence_basis) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?13)", error);
  if (stmt == NULL)
    return FALSE;
  bind_procedure (stmt, p, field_id);
  if (existing > 0)
    mc_sql_bind_int64 (stmt, 11, existing);
  if (!mc_db_step_done (self->db, stmt, error))
    return FALSE;
  mc_procedure_set_id (p, existing > 0 ? existing : mc_sql_last_insert_id (self->db));
  return write_children (self, p, error);
}

gboolean
mc_catalog_save_procedure (McCatalog *self, McProcedure *procedure, GError **error)
{
  g_return_val_if_fail (MC_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (MC_IS_PROCEDURE (procedure), FALSE);

  if (!mc_accounts_check (self->db, mc_db_get_actor (self->db), MC_PERMISSION_CONFIGURE, 0, error) ||
      !mc_db_begin (self->db, error))
    return FALSE;
  if (!mc_catalog_write_procedure (self, procedure, NULL, error) || !mc_db_commit (self->db, error))
    {
      mc_db_rollback (self->db);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

double
mc_catalog_get_duration_days (McCatalog *self, const char *code)
{
  McSqlStmt *stmt;
  double days = 0;

  g_return_val_if_fail (MC_IS_CATALOG (self), 0);

  stmt = mc_db_prepare (self->db, "SELECT CASE duration_unit WHEN 'hour' THEN duration / 8.0 ELSE duration END "
                                  "FROM procedure WHERE code = ?", NULL);
  if (stmt == NULL)
    return 0;
  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  if (mc_db_step_row (self->db, stmt, NULL) == MC_DB_STEP_ROW)
    days = mc_sql_column_double (stmt, 0);
  mc_sql_reset (stmt);
  return days;
}

gint64
mc_catalog_lookup_department (McCatalog *self, const char *code, GError **error)
{
  g_return_val_if_fail (MC_IS_CATALOG (self), 0);

  return mc_db_lookup_id (self->db, "department", "code", code, error);
}
