/* mc-procedure.c — a thủ tục hành chính: data, never code
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mc-catalog.h"
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

enum { PROP_0, PROP_CODE, PROP_NAME, PROP_FIELD_NAME, PROP_DAYS, N_PROPS };
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
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_FIELD_NAME: g_value_set_string (value, self->field_name); break;
    case PROP_DAYS: g_value_set_double (value, self->days); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_procedure_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McProcedure *self = MC_PROCEDURE (object);

  switch (prop_id)
    {
    case PROP_CODE: mc_procedure_set_code (self, g_value_get_string (value)); break;
    case PROP_NAME: mc_procedure_set_name (self, g_value_get_string (value)); break;
    case PROP_FIELD_NAME: mc_procedure_set_field_name (self, g_value_get_string (value)); break;
    case PROP_DAYS: mc_procedure_set_days (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_procedure_class_init (McProcedureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_procedure_finalize;
  object_class->get_property = mc_procedure_get_property;
  object_class->set_property = mc_procedure_set_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FIELD_NAME] = g_param_spec_string ("field-name", NULL, NULL, NULL, flags);
  properties[PROP_DAYS] = g_param_spec_double ("days", NULL, NULL, 0, 10000, 1, flags);
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

  copy = g_object_new (MC_TYPE_PROCEDURE, "code", self->code, "name", self->name,
                       "field-name", self->field_name, "days", self->days, NULL);
  copy->id = self->id;
  copy->level = self->level;
  copy->competence = self->competence;
  copy->competence_basis = g_strdup (self->competence_basis);
  copy->mechanism = self->mechanism;
  copy->online_level = self->online_level;
  copy->fee = self->fee;
  for (guint i = 0; i < self->documents->len; i++)
    {
      McProcedureDocument *d = self->documents->pdata[i];
      mc_procedure_add_document (copy, d->name, d->originals, d->copies);
    }
  for (guint i = 0; i < self->steps->len; i++)
    {
      McProcedureStep *s = self->steps->pdata[i];
      mc_procedure_add_step (copy, s->department_id, s->department_code, s->department_name,
                             s->role, s->days);
    }
  return copy;
}

gint64 mc_procedure_get_id (McProcedure *self) { return self->id; }
void mc_procedure_set_id (McProcedure *self, gint64 id) { self->id = id; }
const char *mc_procedure_get_code (McProcedure *self) { return self->code; }
const char *mc_procedure_get_name (McProcedure *self) { return self->name; }
const char *mc_procedure_get_field_name (McProcedure *self) { return self->field_name; }
McLevel mc_procedure_get_level (McProcedure *self) { return self->level; }
void mc_procedure_set_level (McProcedure *self, McLevel level) { self->level = level; }
McLevel mc_procedure_get_competence (McProcedure *self) { return self->competence; }
void mc_procedure_set_competence (McProcedure *self, McLevel competence) { self->competence = competence; }
const char *mc_procedure_get_competence_basis (McProcedure *self) { return self->competence_basis; }

void
mc_procedure_set_competence_basis (McProcedure *self, const char *basis)
{
  g_free (self->competence_basis);
  self->competence_basis = basis != NULL && *basis != '\0' ? g_strdup (basis) : NULL;
}

McMechanism mc_procedure_get_mechanism (McProcedure *self) { return self->mechanism; }
void mc_procedure_set_mechanism (McProcedure *self, McMechanism m) { self->mechanism = m; }
double mc_procedure_get_days (McProcedure *self) { return self->days; }
McOnlineLevel mc_procedure_get_online_level (McProcedure *self) { return self->online_level; }
void mc_procedure_set_online_level (McProcedure *self, McOnlineLevel l) { self->online_level = l; }
gint64 mc_procedure_get_fee (McProcedure *self) { return self->fee; }
void mc_procedure_set_fee (McProcedure *self, gint64 fee) { self->fee = fee; }
const char *mc_procedure_get_search_key (McProcedure *self) { return self->search_key; }
GPtrArray *mc_procedure_get_documents (McProcedure *self) { return self->documents; }
GPtrArray *mc_procedure_get_steps (McProcedure *self) { return self->steps; }

void
mc_procedure_set_code (McProcedure *self, const char *code)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (set_string (&self->code, code))
    {
      update_search_key (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
    }
}

void
mc_procedure_set_name (McProcedure *self, const char *name)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (set_string (&self->name, name))
    {
      update_search_key (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

void
mc_procedure_set_field_name (McProcedure *self, const char *field_name)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (set_string (&self->field_name, field_name))
    {
      update_search_key (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_NAME]);
    }
}

void
mc_procedure_set_days (McProcedure *self, double days)
{
  g_return_if_fail (MC_IS_PROCEDURE (self));

  if (self->days == days)
    return;
  self->days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
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
