/* mc-apology.c — one apology as the register and the Sổ xin lỗi page show it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GObject over the McApologyRecord core reads (mc_workflow_apologies), so
 * that the page's list is a list model of typed items (McApologyList) and
 * binds properties instead of unboxing structs.
 */
#include "config.h"

#include "mc-apology.h"
#include "mc-privacy.h"

struct _McApology
{
  GObject          parent_instance;

  McApologyRecord *record;
};

G_DEFINE_FINAL_TYPE (McApology, mc_apology, G_TYPE_OBJECT)

enum {
  PROP_0, PROP_ID, PROP_DOSSIER_CODE, PROP_PROCEDURE_NAME, PROP_FIELD_NAME, PROP_APPLICANT_NAME,
  PROP_MASKED_APPLICANT_NAME, PROP_REASON, PROP_ISSUED_AT, PROP_PREVIOUS_DUE_AT, PROP_NEW_DUE_AT,
  PROP_DEPARTMENT_NAME, PROP_RESPONSIBLE_NAME, PROP_RESPONSIBLE_TITLE, PROP_IN_TIME, N_PROPS
};

static GParamSpec *properties[N_PROPS];

static McApologyRecord *
mc_apology_record_copy (const McApologyRecord *r)
{
  McApologyRecord *copy = g_memdup2 (r, sizeof *r);

  copy->dossier_code = g_strdup (r->dossier_code);
  copy->procedure_name = g_strdup (r->procedure_name);
  copy->field_name = g_strdup (r->field_name);
  copy->applicant_name = g_strdup (r->applicant_name);
  copy->applicant_address = g_strdup (r->applicant_address);
  copy->reason = g_strdup (r->reason);
  copy->department_name = g_strdup (r->department_name);
  copy->responsible_name = g_strdup (r->responsible_name);
  copy->responsible_title = g_strdup (r->responsible_title);
  return copy;
}

/* The string properties' fields, by property id. */
static const char *
string_of (const McApologyRecord *r, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_DOSSIER_CODE: return r->dossier_code;
    case PROP_PROCEDURE_NAME: return r->procedure_name;
    case PROP_FIELD_NAME: return r->field_name;
    case PROP_APPLICANT_NAME: return r->applicant_name;
    case PROP_REASON: return r->reason;
    case PROP_DEPARTMENT_NAME: return r->department_name;
    case PROP_RESPONSIBLE_NAME: return r->responsible_name;
    case PROP_RESPONSIBLE_TITLE: return r->responsible_title;
    default: return NULL;
    }
}

static void
mc_apology_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McApology *self = MC_APOLOGY (object);
  const McApologyRecord *r = self->record;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, r->id);
      break;
    case PROP_MASKED_APPLICANT_NAME:
      g_value_take_string (value, mc_apology_dup_masked_applicant_name (self));
      break;
    case PROP_ISSUED_AT:
      g_value_set_int64 (value, r->issued_at);
      break;
    case PROP_PREVIOUS_DUE_AT:
      g_value_set_int64 (value, r->previous_due_at);
      break;
    case PROP_NEW_DUE_AT:
      g_value_set_int64 (value, r->new_due_at);
      break;
    case PROP_IN_TIME:
      g_value_set_boolean (value, r->in_time);
      break;
    default:
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
        g_value_set_string (value, string_of (r, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_apology_finalize (GObject *object)
{
  mc_apology_record_free (MC_APOLOGY (object)->record);
  G_OBJECT_CLASS (mc_apology_parent_class)->finalize (object);
}

static void
mc_apology_class_init (McApologyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  static const struct { guint id; const char *name; } strings[] = {
    { PROP_DOSSIER_CODE, "dossier-code" }, { PROP_PROCEDURE_NAME, "procedure-name" },
    { PROP_FIELD_NAME, "field-name" }, { PROP_APPLICANT_NAME, "applicant-name" },
    { PROP_MASKED_APPLICANT_NAME, "masked-applicant-name" }, { PROP_REASON, "reason" },
    { PROP_DEPARTMENT_NAME, "department-name" }, { PROP_RESPONSIBLE_NAME, "responsible-name" },
    { PROP_RESPONSIBLE_TITLE, "responsible-title" },
  };

  object_class->get_property = mc_apology_get_property;
  object_class->finalize = mc_apology_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[strings[i].id] = g_param_spec_string (strings[i].name, NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ISSUED_AT] = g_param_spec_int64 ("issued-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PREVIOUS_DUE_AT] = g_param_spec_int64 ("previous-due-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                         flags);
  properties[PROP_NEW_DUE_AT] = g_param_spec_int64 ("new-due-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_IN_TIME] = g_param_spec_boolean ("in-time", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_apology_init (McApology *self)
{
}

McApology *
mc_apology_new (McApologyRecord *record)
{
  McApology *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (MC_TYPE_APOLOGY, NULL);
  self->record = record;
  return self;
}

const McApologyRecord *
mc_apology_get_record (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return self->record;
}

gint64
mc_apology_get_id (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), 0);
  return self->record->id;
}

const char *
mc_apology_get_dossier_code (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return self->record->dossier_code;
}

const char *
mc_apology_get_applicant_name (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return self->record->applicant_name;
}

char *
mc_apology_dup_masked_applicant_name (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return mc_privacy_mask_name (self->record->applicant_name);
}

const char *
mc_apology_get_procedure_name (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return self->record->procedure_name;
}

const char *
mc_apology_get_reason (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return self->record->reason;
}

McTime
mc_apology_get_issued_at (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), 0);
  return self->record->issued_at;
}

McTime
mc_apology_get_previous_due_at (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), 0);
  return self->record->previous_due_at;
}

McTime
mc_apology_get_new_due_at (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), 0);
  return self->record->new_due_at;
}

const char *
mc_apology_get_department_name (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return self->record->department_name;
}

const char *
mc_apology_get_responsible_name (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), NULL);
  return self->record->responsible_name;
}

gboolean
mc_apology_get_in_time (McApology *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY (self), FALSE);
  return self->record->in_time;
}

gboolean
mc_apology_equal (McApology *a, McApology *b)
{
  const McApologyRecord *x = mc_apology_get_record (a), *y = mc_apology_get_record (b);

  for (guint p = PROP_DOSSIER_CODE; p < N_PROPS; p++)
    if (p != PROP_MASKED_APPLICANT_NAME && g_strcmp0 (string_of (x, p), string_of (y, p)) != 0)
      return FALSE;
  return x->id == y->id && x->issued_at == y->issued_at && x->previous_due_at == y->previous_due_at &&
         x->new_due_at == y->new_due_at && x->in_time == y->in_time && x->received_at == y->received_at &&
         g_strcmp0 (x->applicant_address, y->applicant_address) == 0;
}

void
mc_apology_update_from (McApology *self, McApology *fresh)
{
  McApologyRecord *record;

  g_return_if_fail (MC_IS_APOLOGY (self) && MC_IS_APOLOGY (fresh));

  if (mc_apology_equal (self, fresh))
    return;
  /* A copy of the record: fresh keeps its own. */
  record = mc_apology_record_copy (fresh->record);
  mc_apology_record_free (self->record);
  self->record = record;
  g_object_freeze_notify (G_OBJECT (self));
  for (guint p = PROP_ID; p < N_PROPS; p++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
  g_object_thaw_notify (G_OBJECT (self));
}
