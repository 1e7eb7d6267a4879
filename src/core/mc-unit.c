/* mc-unit.c — a unit (đơn vị): the center's own, a subordinate or an external one
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unit data used to travel in a struct per reader (McUnitInfo for the own
 * unit's code, name and place; McUnitEntry for the external units of the
 * action dialog), each with its own query and its own free function. One
 * object, read by one query, now serves them all.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-db-private.h"
#include "mc-text.h"
#include "mc-unit.h"

struct _McUnit
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  char    *level;
  char    *relation;
  gint64   parent_id;
  char    *parent_name;
  char    *place_name;
  char    *address;
  char    *phone;
};

G_DEFINE_FINAL_TYPE (McUnit, mc_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_LEVEL,
  PROP_RELATION,
  PROP_PARENT_ID,
  PROP_PARENT_NAME,
  PROP_PLACE_NAME,
  PROP_ADDRESS,
  PROP_PHONE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The text fields, by property, for get, set and finalize alike. */
static char **
text_field (McUnit *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_CODE: return &self->code;
    case PROP_NAME: return &self->name;
    case PROP_LEVEL: return &self->level;
    case PROP_RELATION: return &self->relation;
    case PROP_PARENT_NAME: return &self->parent_name;
    case PROP_PLACE_NAME: return &self->place_name;
    case PROP_ADDRESS: return &self->address;
    case PROP_PHONE: return &self->phone;
    default: return NULL;
    }
}

static void
mc_unit_finalize (GObject *object)
{
  McUnit *self = MC_UNIT (object);

  for (guint p = PROP_CODE; p < N_PROPS; p++)
    if (text_field (self, p) != NULL)
      g_free (*text_field (self, p));
  G_OBJECT_CLASS (mc_unit_parent_class)->finalize (object);
}

static void
mc_unit_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McUnit *self = MC_UNIT (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_PARENT_ID)
    g_value_set_int64 (value, self->parent_id);
  else if (text_field (self, prop_id) != NULL)
    g_value_set_string (value, *text_field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
set_id (McUnit *self, gint64 *field, gint64 value, guint prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
mc_unit_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McUnit *self = MC_UNIT (object);
  char **field = text_field (self, prop_id);

  if (prop_id == PROP_ID)
    set_id (self, &self->id, g_value_get_int64 (value), prop_id);
  else if (prop_id == PROP_PARENT_ID)
    set_id (self, &self->parent_id, g_value_get_int64 (value), prop_id);
  else if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (g_strcmp0 (*field, g_value_get_string (value)) != 0)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
      g_object_notify_by_pspec (object, pspec);
    }
}

static void
mc_unit_class_init (McUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char *const texts[N_PROPS] = {
    [PROP_CODE] = "code", [PROP_NAME] = "name", [PROP_LEVEL] = "level", [PROP_RELATION] = "relation",
    [PROP_PARENT_NAME] = "parent-name", [PROP_PLACE_NAME] = "place-name", [PROP_ADDRESS] = "address",
    [PROP_PHONE] = "phone",
  };

  object_class->finalize = mc_unit_finalize;
  object_class->get_property = mc_unit_get_property;
  object_class->set_property = mc_unit_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  for (guint p = PROP_CODE; p < N_PROPS; p++)
    if (texts[p] != NULL)
      properties[p] = g_param_spec_string (texts[p], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_unit_init (McUnit *self)
{
}

McUnit *
mc_unit_new (void)
{
  return g_object_new (MC_TYPE_UNIT, NULL);
}

gint64 mc_unit_get_id (McUnit *self) { return self->id; }
const char *mc_unit_get_code (McUnit *self) { return self->code; }
const char *mc_unit_get_name (McUnit *self) { return self->name; }
const char *mc_unit_get_level (McUnit *self) { return self->level; }
const char *mc_unit_get_relation (McUnit *self) { return self->relation; }
gint64 mc_unit_get_parent_id (McUnit *self) { return self->parent_id; }
const char *mc_unit_get_parent_name (McUnit *self) { return self->parent_name; }
const char *mc_unit_get_place_name (McUnit *self) { return self->place_name; }
const char *mc_unit_get_address (McUnit *self) { return self->address; }
const char *mc_unit_get_phone (McUnit *self) { return self->phone; }

#define UNIT_COLUMNS                                                                             \
  "SELECT u.id, u.code, u.name, u.level, u.relation, coalesce (u.parent_id, 0), p.name, "        \
  "u.place_name, u.address, u.phone FROM unit u LEFT JOIN unit p ON p.id = u.parent_id "

static McUnit *
unit_from_row (McSqlStmt *stmt)
{
  return g_object_new (MC_TYPE_UNIT,
                       "id", (gint64) mc_sql_column_int64 (stmt, 0),
                       "code", mc_sql_column_text (stmt, 1),
                       "name", mc_sql_column_text (stmt, 2),
                       "level", mc_sql_column_text (stmt, 3),
                       "relation", mc_sql_column_text (stmt, 4),
                       "parent-id", (gint64) mc_sql_column_int64 (stmt, 5),
                       "parent-name", mc_sql_column_text (stmt, 6),
                       "place-name", mc_sql_column_text (stmt, 7),
                       "address", mc_sql_column_text (stmt, 8),
                       "phone", mc_sql_column_text (stmt, 9),
                       NULL);
}

McUnit *
mc_unit_find (McDb *db, gint64 id, GError **error)
{
  McSqlStmt *stmt;
  McUnit *unit = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db, UNIT_COLUMNS "WHERE u.id = ?", error);
  if (stmt == NULL)
    return NULL;
  mc_sql_bind_int64 (stmt, 1, id);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    unit = unit_from_row (stmt);
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The unit was not found"));
  return unit;
}

McUnit *
mc_unit_get_own (McDb *db, GError **error)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  gint64 id = mc_catalog_get_own_unit (catalog, error);

  return id != 0 ? mc_unit_find (db, id, error) : NULL;
}

GPtrArray *
mc_unit_list_others (McDb *db, GError **error)
{
  McSqlStmt *stmt;
  g_autoptr(GPtrArray) list = NULL;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  stmt = mc_db_prepare (db, UNIT_COLUMNS "WHERE u.relation != 'self' ORDER BY u.name", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    g_ptr_array_add (list, unit_from_row (stmt));
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_ERROR)
    return NULL;  /* the error, not a shorter list */
  return g_steal_pointer (&list);
}

/* The code is printed as a barcode on every receipt: letters, digits, dots. */
static gboolean
valid_code (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.')
      return FALSE;
  return TRUE;
}

gboolean
mc_unit_set_own (McDb *db, McUnit *unit, GError **error)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autofree char *name = mc_text_normalize (unit->name);
  g_autofree char *place = mc_text_normalize (unit->place_name);
  gint64 id = mc_catalog_get_own_unit (catalog, error);
  McSqlStmt *stmt;

  if (id == 0)
    return FALSE;
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID, _("The unit’s name is empty"));
      return FALSE;
    }
  if (!valid_code (unit->code))
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                   _("The unit code may contain only letters, digits and dots, e.g. 000.00.06.H56"));
      return FALSE;
    }
  stmt = mc_db_prepare (db, "UPDATE unit SET code = ?, name = ?, place_name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, unit->code, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 2, name, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_text (stmt, 3, place, -1, MC_SQL_TRANSIENT);
  mc_sql_bind_int64 (stmt, 4, id);
  return mc_db_step_done (db, stmt, error);
}

/* The name and parent the unit had at t: the first name it left after t,
 * else its current row. */
static gboolean
name_at (McDb *db, gint64 unit_id, gint64 t, char **name, gint64 *parent_id, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT name, parent_id FROM (SELECT name, parent_id, until_at "
                                          "FROM unit_former_name WHERE unit_id = ?1 AND until_at > ?2 "
                                          "UNION ALL SELECT name, parent_id, NULL FROM unit WHERE id = ?1) AS named "
                                          "ORDER BY until_at IS NULL, until_at LIMIT 1", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_int64 (stmt, 1, unit_id);
  mc_sql_bind_int64 (stmt, 2, t);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ROW)
    {
      *name = g_strdup (mc_sql_column_text (stmt, 0));
      *parent_id = mc_sql_column_int64 (stmt, 1);
    }
  mc_sql_reset (stmt);
  return step != MC_DB_STEP_ERROR;
}

gboolean
mc_unit_names_at (McDb *db, gint64 unit_id, gint64 t, char **name, char **parent_name, GError **error)
{
  gint64 parent_id = 0, grandparent = 0;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  *name = NULL;
  *parent_name = NULL;
  if (!name_at (db, unit_id, t, name, &parent_id, error))
    return FALSE;
  return parent_id == 0 || name_at (db, parent_id, t, parent_name, &grandparent, error);
}

gboolean
mc_unit_names_of_dossier (McDb *db, const char *code, char **name, char **parent_name, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT unit_id, received_at, unit_name, unit_parent_name "
                                          "FROM dossier WHERE code = ?", error);
  gint64 unit_id = 0, received = 0;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  *name = NULL;
  *parent_name = NULL;
  if (stmt == NULL)
    return FALSE;
  mc_sql_bind_text (stmt, 1, code, -1, MC_SQL_TRANSIENT);
  step = mc_db_step_row (db, stmt, error);
  if (step == MC_DB_STEP_ERROR)
    return FALSE;
  if (step == MC_DB_STEP_ROW)
    {
      unit_id = mc_sql_column_int64 (stmt, 0);
      received = mc_sql_column_int64 (stmt, 1);
      *name = g_strdup (mc_sql_column_text (stmt, 2));
      *parent_name = g_strdup (mc_sql_column_text (stmt, 3));
    }
  mc_sql_reset (stmt);
  if (step == MC_DB_STEP_DONE)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("No dossier has the code “%s”"), code);
      return FALSE;
    }
  if (*name != NULL)
    return TRUE;
  g_clear_pointer (parent_name, g_free);
  return mc_unit_names_at (db, unit_id, received, name, parent_name, error);
}

static char *
column_text (McSqlStmt *stmt, int column)
{
  return g_strdup (mc_sql_column_text (stmt, column));
}

gboolean
mc_unit_get_own_header (McDb *db, char **name, char **place_name, char **parent_name, char **phone,
                        GError **error)
{
  McSqlStmt *stmt;
  McDbStep step;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  *name = *place_name = *parent_name = *phone = NULL;
  stmt = mc_db_prepare (db, "SELECT u.name, u.place_name, p.name, u.phone FROM unit u "
                            "LEFT JOIN unit p ON p.id = u.parent_id "
                            "WHERE u.relation = 'self' ORDER BY u.id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ERROR)
    return FALSE;
  if (step == MC_DB_STEP_ROW)
    {
      *name = column_text (stmt, 0);
      *place_name = column_text (stmt, 1);
      *parent_name = column_text (stmt, 2);
      *phone = column_text (stmt, 3);
    }
  mc_sql_reset (stmt);
  return TRUE;
}

gint64
mc_unit_lookup_code (McDb *db, const char *code, GError **error)
{
  g_return_val_if_fail (MC_IS_DB (db), 0);

  return mc_db_lookup_id (db, "unit", "code", code, error);
}
