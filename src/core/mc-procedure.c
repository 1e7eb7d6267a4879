/* mc-procedure.c — a thủ tục hành chính: data, never code
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
#include "mc-format.h"
#include "mc-procedure.h"
#include "mc-text.h"

struct _McProcedure
{
  GObject        parent_instance;

  gint64         id;
  char          *code;
  char          *name;
  char          *field_name;
  McLevel        level;
  McLevel        competence;
  char          *competence_basis;
  McMechanism    mechanism;
  double         days;
  McOnlineLevel  online_level;
  gint64         fee;
  char          *search_key;
  GPtrArray     *documents;
  GPtrArray     *steps;
};

G_DEFINE_FINAL_TYPE (McProcedure, mc_procedure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_FIELD_NAME,
  PROP_LEVEL,
  PROP_COMPETENCE,
  PROP_COMPETENCE_BASIS,
  PROP_MECHANISM,
  PROP_DAYS,
  PROP_ONLINE_LEVEL,
  PROP_FEE,
  PROP_SEARCH_KEY,
  PROP_COMPETENCE_LABEL,
  PROP_MECHANISM_LABEL,
  PROP_ONLINE_LEVEL_LABEL,
  PROP_DURATION_LABEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const level_ids[] = { "xa", "huyen", "tinh" };
static const char *const level_labels[] = { N_("Commune level"), N_("District level"), N_("Provincial level") };
static const char *const mechanism_ids[] = { "mot_cua", "lien_thong" };
static const char *const mechanism_labels[] = { N_("One-stop"), N_("Inter-agency one-stop") };
static const char *const online_ids[] = { "none", "partial", "full" };
static const char *const online_labels[] = { N_("Not online"), N_("Partly online"), N_("Fully online") };
static const char *const role_ids[] = { "tiep_nhan", "chuyen_vien", "lanh_dao_phong", "lanh_dao_ubnd", "van_thu" };
static const char *const role_labels[] = { N_("Reception"), N_("Specialist"), N_("Head of department"),
                                           N_("Committee leader"), N_("Records clerk") };

static void
document_free (gpointer data)
{
  McProcedureDocument *d = data;

  g_free (d->name);
  g_free (d);
}

static void
step_free (gpointer data)
{
  McProcedureStep *s = data;

  g_free (s->department_code);
  g_free (s->department_name);
  g_free (s);
}

static void
update_search_key (McProcedure *self)
{
  g_autofree char *text = g_strjoin (" ", self->code ? self->code : "", self->name ? self->name : "",
                                     self->field_name ? self->field_name : "", NULL);

  g_free (self->search_key);
  self->search_key = mc_text_fold (text);
}

static gboolean
set_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
mc_procedure_finalize (GObject *object)
{
  McProcedure *self = MC_PROCEDURE (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->field_name);
  g_free (self->competence_basis);
  g_free (self->search_key);
  g_ptr_array_unref (self->documents);
  g_ptr_array_unref (self->steps);
  G_OBJECT_CLASS (mc_procedure_parent_class)->finalize (object);
}

static void
mc_procedure_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McProcedure *self = MC_PROCEDURE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_FIELD_NAME: g_value_set_string (value, self->field_name); break;
    case PROP_LEVEL: g_value_set_enum (value, self->level); break;
    case PROP_COMPETENCE: g_value_set_enum (value, self->competence); break;
    case PROP_COMPETENCE_BASIS: g_value_set_string (value, self->competence_basis); break;
    case PROP_MECHANISM: g_value_set_enum (value, self->mechanism); break;
    case PROP_DAYS: g_value_set_double (value, self->days); break;
    case PROP_ONLINE_LEVEL: g_value_set_enum (value, self->online_level); break;
    case PROP_FEE: g_value_set_int64 (value, self->fee); break;
    case PROP_SEARCH_KEY: g_value_set_string (value, self->search_key); break;
    case PROP_COMPETENCE_LABEL: g_value_set_string (value, mc_level_to_label (self->competence)); break;
    case PROP_MECHANISM_LABEL: g_value_set_string (value, mc_mechanism_to_label (self->mechanism)); break;
    case PROP_ONLINE_LEVEL_LABEL: g_value_set_string (value, mc_online_level_to_label (self->online_level)); break;
    case PROP_DURATION_LABEL: g_value_take_string (value, mc_format_working_days (self->days)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_procedure_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McProcedure *self = MC_PROCEDURE (object);

  switch (prop_id)
    {
    case PROP_ID: mc_procedure_set_id (self, g_value_get_int64 (value)); break;
    case PROP_CODE: mc_procedure_set_code (self, g_value_get_string (value)); break;
    case PROP_NAME: mc_procedure_set_name (self, g_value_get_string (value)); break;
    case PROP_FIELD_NAME: mc_procedure_set_field_name (self, g_value_get_string (value)); break;
    case PROP_LEVEL: mc_procedure_set_level (self, g_value_get_enum (value)); break;
    case PROP_COMPETENCE: mc_procedure_set_competence (self, g_value_get_enum (value)); break;
    case PROP_COMPETENCE_BASIS: mc_procedure_set_competence_basis (self, g_value_get_string (value)); break;
    case PROP_MECHANISM: mc_procedure_set_mechanism (self, g_value_get_enum (value)); break;
    case PROP_DAYS: mc_procedure_set_days (self, g_value_get_double (value)); break;
    case PROP_ONLINE_LEVEL: mc_procedure_set_online_level (self, g_value_get_enum (value)); break;
    case PROP_FEE: mc_procedure_set_fee (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
enum_property (const char *name, GType type)
{
  return g_param_spec_enum (name, NULL, NULL, type, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
label_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
mc_procedure_class_init (McProcedureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_procedure_finalize;
  object_class->get_property = mc_procedure_get_property;
  object_class->set_property = mc_procedure_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FIELD_NAME] = g_param_spec_string ("field-name", NULL, NULL, NULL, flags);
  /* the catalog's level before 1/7/2025, and the competence since */
  properties[PROP_LEVEL] = enum_property ("level", MC_TYPE_LEVEL);
  properties[PROP_COMPETENCE] = enum_property ("competence", MC_TYPE_LEVEL);
  properties[PROP_COMPETENCE_BASIS] = g_param_spec_string ("competence-basis", NULL, NULL, NULL, flags);
  properties[PROP_MECHANISM] = enum_property ("mechanism", MC_TYPE_MECHANISM);
  properties[PROP_DAYS] = g_param_spec_double ("days", NULL, NULL, 0, 10000, 1, flags);
  properties[PROP_ONLINE_LEVEL] = enum_property ("online-level", MC_TYPE_ONLINE_LEVEL);
  properties[PROP_FEE] = g_param_spec_int64 ("fee", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SEARCH_KEY] = label_property ("search-key");
  /* What a row shows, in the person's language; notified with their source. */
  properties[PROP_COMPETENCE_LABEL] = label_property ("competence-label");
  properties[PROP_MECHANISM_LABEL] = label_property ("mechanism-label");
  properties[PROP_ONLINE_LEVEL_LABEL] = label_property ("online-level-label");
  properties[PROP_DURATION_LABEL] = label_property ("duration-label");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_procedure_init (McProcedure *self)
{
  self->days = 1;
  self->documents = g_ptr_array_new_with_free_func (document_free);
  self->steps = g_ptr_array_new_with_free_func (step_free);
  update_search_key (self);
}

McProcedure *
mc_procedure_new (void)
{
  return g_object_new (MC_TYPE_PROCEDURE, NULL);
}

McProcedure *
mc_procedure_copy (McProcedure *self)
{
  McProcedure *copy;

  g_return_val_if_fail (MC_IS_PROCEDURE (self), NULL);

  copy = mc_procedure_new ();
  mc_procedure_update_from (copy, self);
  return copy;
}

gint64 mc_procedure_get_id (McProcedure *self) { return self->id; }
const char *mc_procedure_get_code (McProcedure *self) { return self->code; }
const char *mc_procedure_get_name (McProcedure *self) { return self->name; }
const char *mc_procedure_get_field_name (McProcedure *self) { return self->field_name; }
McLevel mc_procedure_get_level (McProcedure *self) { return self->level; }
McLevel mc_procedure_get_competence (McProcedure *self) { return self->competence; }
const char *mc_procedure_get_competence_basis (McProcedure *self) { return self->competence_basis; }
McMechanism mc_procedure_get_mechanism (McProcedure *self) { return self->mechanism; }
double mc_procedure_get_days (McProcedure *self) { return self->days; }
McOnlineLevel mc_procedure_get_online_level (McProcedure *self) { return self->online_level; }
gint64 mc_procedure_get_fee (McProcedure *self) { return self->fee; }
const char *mc_procedure_get_search_key (McProcedure *self) { return self->search_key; }
GPtrArray *mc_procedure_get_documents (McProcedure *self) { return self->documents; }
GPtrArray *mc_procedure_get_steps (McProcedure *self) { return self->steps; }

static void
notify (McProcedure *self, guint prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Sets an enum field; TRUE when it changed. */
static gboolean
set_enum (int *field, int value)
{
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

void
mc_procedure_set_id (McProcedure *self, gint64 id)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (self->id == id)
    return;
  self->id = id;
  notify (self, PROP_ID);
}

static void
set_searched_text (McProcedure *self, char **field, const char *value, guint prop)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (!set_string (field, value))
    return;
  update_search_key (self);
  notify (self, prop);
  notify (self, PROP_SEARCH_KEY);
}

void mc_procedure_set_code (McProcedure *self, const char *code) { set_searched_text (self, &self->code, code, PROP_CODE); }
void mc_procedure_set_name (McProcedure *self, const char *name) { set_searched_text (self, &self->name, name, PROP_NAME); }

void
mc_procedure_set_field_name (McProcedure *self, const char *field_name)
{
  set_searched_text (self, &self->field_name, field_name, PROP_FIELD_NAME);
}

void
mc_procedure_set_level (McProcedure *self, McLevel level)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (set_enum ((int *) &self->level, level))
    notify (self, PROP_LEVEL);
}

void
mc_procedure_set_competence (McProcedure *self, McLevel competence)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (!set_enum ((int *) &self->competence, competence))
    return;
  notify (self, PROP_COMPETENCE);
  notify (self, PROP_COMPETENCE_LABEL);
}

void
mc_procedure_set_competence_basis (McProcedure *self, const char *basis)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (set_string (&self->competence_basis, basis != NULL && *basis != '\0' ? basis : NULL))
    notify (self, PROP_COMPETENCE_BASIS);
}

void
mc_procedure_set_mechanism (McProcedure *self, McMechanism mechanism)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (!set_enum ((int *) &self->mechanism, mechanism))
    return;
  notify (self, PROP_MECHANISM);
  notify (self, PROP_MECHANISM_LABEL);
}

void
mc_procedure_set_online_level (McProcedure *self, McOnlineLevel level)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (!set_enum ((int *) &self->online_level, level))
    return;
  notify (self, PROP_ONLINE_LEVEL);
  notify (self, PROP_ONLINE_LEVEL_LABEL);
}

void
mc_procedure_set_fee (McProcedure *self, gint64 fee)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (self->fee == fee)
    return;
  self->fee = fee;
  notify (self, PROP_FEE);
}

void
mc_procedure_set_days (McProcedure *self, double days)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (self->days == days)
    return;
  self->days = days;
  notify (self, PROP_DAYS);
  notify (self, PROP_DURATION_LABEL);
}

static gboolean
same_documents (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      McProcedureDocument *x = a->pdata[i], *y = b->pdata[i];
      if (g_strcmp0 (x->name, y->name) != 0 || x->originals != y->originals || x->copies != y->copies)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_steps (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      McProcedureStep *x = a->pdata[i], *y = b->pdata[i];
      if (x->department_id != y->department_id || g_strcmp0 (x->department_name, y->department_name) != 0 ||
          g_strcmp0 (x->department_code, y->department_code) != 0 || x->role != y->role || x->days != y->days)
        return FALSE;
    }
  return TRUE;
}

void
mc_procedure_update_from (McProcedure *self, McProcedure *other)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));
  g_return_if_fail (MC_IS_PROCEDURE (other));

  g_object_freeze_notify (G_OBJECT (self));
  mc_procedure_set_id (self, other->id);
  mc_procedure_set_code (self, other->code);
  mc_procedure_set_name (self, other->name);
  mc_procedure_set_field_name (self, other->field_name);
  mc_procedure_set_level (self, other->level);
  mc_procedure_set_competence (self, other->competence);
  mc_procedure_set_competence_basis (self, other->competence_basis);
  mc_procedure_set_mechanism (self, other->mechanism);
  mc_procedure_set_days (self, other->days);
  mc_procedure_set_online_level (self, other->online_level);
  mc_procedure_set_fee (self, other->fee);
  if (!same_documents (self->documents, other->documents))
    {
      mc_procedure_clear_documents (self);
      for (guint i = 0; i < other->documents->len; i++)
        {
          McProcedureDocument *d = other->documents->pdata[i];
          mc_procedure_add_document (self, d->name, d->originals, d->copies);
        }
    }
  if (!same_steps (self->steps, other->steps))
    {
      mc_procedure_clear_steps (self);
      for (guint i = 0; i < other->steps->len; i++)
        {
          McProcedureStep *s = other->steps->pdata[i];
          mc_procedure_add_step (self, s->department_id, s->department_code, s->department_name, s->role, s->days);
        }
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
mc_procedure_add_document (McProcedure *self, const char *name, int originals, int copies)
{
  McProcedureDocument *d = g_new0 (McProcedureDocument, 1);

  d->name = g_strdup (name);
  d->originals = originals;
  d->copies = copies;
  g_ptr_array_add (self->documents, d);
}

void
mc_procedure_add_step (McProcedure *self, gint64 department_id, const char *department_code,
                       const char *department_name, McStepRole role, double days)
{
  McProcedureStep *s = g_new0 (McProcedureStep, 1);

  s->department_id = department_id;
  s->department_code = g_strdup (department_code);
  s->department_name = g_strdup (department_name);
  s->role = role;
  s->days = days;
  g_ptr_array_add (self->steps, s);
}

void
mc_procedure_clear_documents (McProcedure *self)
{
  g_ptr_array_set_size (self->documents, 0);
}

void
mc_procedure_clear_steps (McProcedure *self)
{
  g_ptr_array_set_size (self->steps, 0);
}

double
mc_procedure_steps_total_days (McProcedure *self)
{
  double total = 0;

  for (guint i = 0; i < self->steps->len; i++)
    total += ((McProcedureStep *) self->steps->pdata[i])->days;
  return total;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_INVALID, message);
  return FALSE;
}

gboolean
mc_procedure_validate (McProcedure *self, GError **error)
{
  g_return_val_if_fail (MC_IS_PROCEDURE (self), FALSE);

  if (self->code == NULL || *g_strstrip (self->code) == '\0')
    return invalid (error, _("The procedure code is empty"));
  if (self->name == NULL || *g_strstrip (self->name) == '\0')
    return invalid (error, _("The procedure name is empty"));
  if (self->field_name == NULL || *self->field_name == '\0')
    return invalid (error, _("The procedure has no field"));
  if (!(self->days > 0) || self->days > 1000)
    return invalid (error, _("The processing time must be more than 0 and at most 1000 working days"));
  if (self->fee < 0)
    return invalid (error, _("The fee must not be negative"));
  /* Nghị quyết 203/2025/QH15: no district level after 1/7/2025. */
  if (self->competence == MC_LEVEL_HUYEN)
    return invalid (error, _("The district level ended on 1 July 2025: the competence is provincial or commune level"));
  for (guint i = 0; i < self->documents->len; i++)
    {
      McProcedureDocument *d = self->documents->pdata[i];
      if (d->name == NULL || *d->name == '\0' || d->originals < 0 || d->copies < 0)
        return invalid (error, _("A required document has no name or a negative count"));
    }
  for (guint i = 0; i < self->steps->len; i++)
    if (!(((McProcedureStep *) self->steps->pdata[i])->days > 0))
      return invalid (error, _("Every step needs a time allotment of more than 0 days"));
  /* The steps share the legal time: more would promise what the law does not allow. */
  if (self->steps->len > 0 && mc_procedure_steps_total_days (self) > self->days + 1e-6)
    return invalid (error, _("The steps together take longer than the legal processing time"));
  return TRUE;
}

static gboolean
from_string (const char *const *ids, guint n, const char *text, int *out)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ids[i], text) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define ENUM_FUNCS(prefix, Type, ids, labels)                                      \
  const char *prefix##_to_string (Type v)                                          \
  {                                                                                \
    g_return_val_if_fail ((guint) v < G_N_ELEMENTS (ids), ids[0]);                 \
    return ids[v];                                                                 \
  }                                                                                \
  gboolean prefix##_from_string (const char *text, Type *v)                        \
  {                                                                                \
    int i;                                                                         \
    if (!from_string (ids, G_N_ELEMENTS (ids), text, &i))                          \
      return FALSE;                                                                \
    *v = (Type) i;                                                                 \
    return TRUE;                                                                   \
  }                                                                                \
  const char *prefix##_to_label (Type v)                                           \
  {                                                                                \
    g_return_val_if_fail ((guint) v < G_N_ELEMENTS (labels), "");                  \
    return _(labels[v]);                                                           \
  }

ENUM_FUNCS (mc_level, McLevel, level_ids, level_labels)

McLevel
mc_level_after_reform (McLevel former)
{
  return former == MC_LEVEL_TINH ? MC_LEVEL_TINH : MC_LEVEL_XA;
}
ENUM_FUNCS (mc_mechanism, McMechanism, mechanism_ids, mechanism_labels)
ENUM_FUNCS (mc_online_level, McOnlineLevel, online_ids, online_labels)
ENUM_FUNCS (mc_step_role, McStepRole, role_ids, role_labels)

static GType
register_enum (const char *name, const char *const *ids, guint n)
{
  GEnumValue *values = g_new0 (GEnumValue, n + 1);

  for (guint i = 0; i < n; i++)
    {
      values[i].value = (int) i;
      values[i].value_name = ids[i];
      values[i].value_nick = ids[i];
    }
  return g_enum_register_static (g_intern_static_string (name), values);
}

#define ENUM_TYPE(func, Name, ids)                                                  \
  GType func (void)                                                                 \
  {                                                                                 \
    static gsize type = 0;                                                          \
    if (g_once_init_enter (&type))                                                  \
      g_once_init_leave (&type, register_enum (Name, ids, G_N_ELEMENTS (ids)));     \
    return type;                                                                    \
  }

/* The stored ids are the nicks, so a property reads as the database does. */
ENUM_TYPE (mc_level_get_type, "McLevel", level_ids)
ENUM_TYPE (mc_mechanism_get_type, "McMechanism", mechanism_ids)
ENUM_TYPE (mc_online_level_get_type, "McOnlineLevel", online_ids)
