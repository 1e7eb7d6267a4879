/* mc-dossier.c — a hồ sơ: the applicant, the procedure, the appointment, its state
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields a list shows are GObject properties, so that a row binds to them
 * (GtkExpression) and follows a change of the one dossier it shows instead of
 * being rebuilt with the whole list. One table below names each property and
 * the field that holds it; getting, setting and copying go through it.
 */
#include "config.h"

#include <stddef.h>

#include <glib/gi18n-lib.h>

#include "mc-dossier.h"
#include "mc-dossier-state.h"
#include "mc-workflow.h"

/* Where the dossier is now, as an inbox or the return desk reads it
 * (McWorkItem); not part of McDossierData, which the counter fills. */
typedef struct {
  int         step;
  int         n_steps;
  char       *staff_name;
  char       *unit_name;          /* the agency while sent_external */
  McTime      extended_due_at;    /* the apology's new appointment, or 0 */
  McTime      appointment_at;     /* the appointment in force when read */
  McTime      step_due_at;
  McTime      step_accepted_at;   /* 0: not yet accepted at its step */
  char       *result_number;
  char       *pause_kind;         /* "supplement", "financial" or NULL */
  McLateness  step_lateness;
  McLateness  lateness;
  gboolean    known;              /* read from an inbox or the return desk */
} McDossierPlace;

struct _McDossier
{
  GObject        parent_instance;
  McDossierData  data;
  McDossierPlace place;
  gboolean       updating;  /* in mc_dossier_update_from: "state-label" told at its end */
};

G_DEFINE_FINAL_TYPE (McDossier, mc_dossier, G_TYPE_OBJECT)

static const char *const channel_ids[] = { "truc_tiep", "buu_chinh", "truc_tuyen" };
static const char *const channel_labels[] = { N_("In person"), N_("Public postal service"), N_("Online") };

static const GEnumValue channel_values[] = {
  { MC_CHANNEL_TRUC_TIEP, "MC_CHANNEL_TRUC_TIEP", "truc-tiep" },
  { MC_CHANNEL_BUU_CHINH, "MC_CHANNEL_BUU_CHINH", "buu-chinh" },
  { MC_CHANNEL_TRUC_TUYEN, "MC_CHANNEL_TRUC_TUYEN", "truc-tuyen" },
  { 0, NULL, NULL }
};
static const GEnumValue lateness_values[] = {
  { MC_LATENESS_NONE, "MC_LATENESS_NONE", "none" },
  { MC_LATENESS_SOON, "MC_LATENESS_SOON", "soon" },
  { MC_LATENESS_STEP_LATE, "MC_LATENESS_STEP_LATE", "step-late" },
  { MC_LATENESS_OVERDUE, "MC_LATENESS_OVERDUE", "overdue" },
  { 0, NULL, NULL }
};
/* The stored ids are the state machine's (mc-dossier-state.c); this only
 * makes the enum a GType, its nicks those ids. */
static const GEnumValue state_values[] = {
  { MC_STATE_RECEIVED, "MC_STATE_RECEIVED", "received" },
  { MC_STATE_PROCESSING, "MC_STATE_PROCESSING", "processing" },
  { MC_STATE_PAUSED, "MC_STATE_PAUSED", "paused" },
  { MC_STATE_SENT_EXTERNAL, "MC_STATE_SENT_EXTERNAL", "sent_external" },
  { MC_STATE_RESULT_READY, "MC_STATE_RESULT_READY", "result_ready" },
  { MC_STATE_RETURNED, "MC_STATE_RETURNED", "returned" },
  { MC_STATE_UNQUALIFIED, "MC_STATE_UNQUALIFIED", "unqualified" },
  { MC_STATE_WITHDRAWN, "MC_STATE_WITHDRAWN", "withdrawn" },
  { 0, NULL, NULL }
};
G_STATIC_ASSERT (G_N_ELEMENTS (state_values) == MC_N_STATES + 1);

static GType
register_enum (gsize *type, const char *name, const GEnumValue *values)
{
  if (g_once_init_enter (type))
    g_once_init_leave (type, g_enum_register_static (g_intern_static_string (name), values));
  return *type;
}

GType mc_channel_get_type (void) { static gsize type; return register_enum (&type, "McChannel", channel_values); }
GType mc_lateness_get_type (void) { static gsize type; return register_enum (&type, "McLateness", lateness_values); }
GType mc_dossier_state_get_type (void) { static gsize type; return register_enum (&type, "McDossierState", state_values); }

/* The status of a row */

McLateness
mc_lateness_status (McLateness lateness, McLateness step_lateness)
{
  if (lateness == MC_LATENESS_OVERDUE || step_lateness == MC_LATENESS_OVERDUE)
    return MC_LATENESS_OVERDUE;
  if (step_lateness == MC_LATENESS_STEP_LATE || lateness == MC_LATENESS_STEP_LATE)
    return MC_LATENESS_STEP_LATE;
  if (lateness == MC_LATENESS_SOON || step_lateness == MC_LATENESS_SOON)
    return MC_LATENESS_SOON;
  return MC_LATENESS_NONE;
}

const char *
mc_lateness_status_label (McLateness status)
{
  switch (status)
    {
    case MC_LATENESS_OVERDUE: return _("Overdue");
    case MC_LATENESS_STEP_LATE: return _("Behind schedule");
    case MC_LATENESS_SOON: return _("Due soon");
    case MC_LATENESS_NONE:
    default: return _("Within time");
    }
}

const char *
mc_lateness_status_class (McLateness status)
{
  switch (status)
    {
    case MC_LATENESS_OVERDUE: return "error";
    case MC_LATENESS_STEP_LATE: return "warning";
    case MC_LATENESS_SOON: return "accent";
    case MC_LATENESS_NONE:
    default: return "success";
    }
}

/* The properties */

typedef enum { FIELD_STRING, FIELD_INT64, FIELD_INT, FIELD_CHANNEL, FIELD_LATENESS, FIELD_STATE, FIELD_LABEL } FieldKind;

typedef struct {
  const char *name;
  FieldKind   kind;
  gsize       offset;  /* in McDossier */
} Field;

#define DATA(f) offsetof (McDossier, data.f)
#define PLACE(f) offsetof (McDossier, place.f)

/* Property i + 1 is fields[i]. */
static const Field fields[] = {
  { "id", FIELD_INT64, DATA (id) },
  { "code", FIELD_STRING, DATA (code) },
  { "procedure-code", FIELD_STRING, DATA (procedure_code) },
  { "procedure-name", FIELD_STRING, DATA (procedure_name) },
  { "field-name", FIELD_STRING, DATA (field_name) },             /* lĩnh vực */
  { "applicant-name", FIELD_STRING, DATA (applicant_name) },
  { "applicant-phone", FIELD_STRING, DATA (applicant_phone) },
  { "channel", FIELD_CHANNEL, DATA (channel) },
  { "received-at", FIELD_INT64, DATA (received_at) },
  { "due-at", FIELD_INT64, DATA (due_at) },                      /* hẹn trả of the receipt */
  { "state", FIELD_STATE, DATA (state) },
  { "finished-at", FIELD_INT64, DATA (finished_at) },
  { "outcome", FIELD_STRING, DATA (outcome) },
  { "timeliness", FIELD_STRING, DATA (timeliness) },             /* early, on_time, late */
  { "current-department", FIELD_STRING, DATA (current_department) },
  { "staff-name", FIELD_STRING, PLACE (staff_name) },
  { "unit-name", FIELD_STRING, PLACE (unit_name) },
  { "step", FIELD_INT, PLACE (step) },
  { "n-steps", FIELD_INT, PLACE (n_steps) },
  { "step-due-at", FIELD_INT64, PLACE (step_due_at) },
  { "step-accepted-at", FIELD_INT64, PLACE (step_accepted_at) },
  { "extended-due-at", FIELD_INT64, PLACE (extended_due_at) },
  { "appointment-at", FIELD_INT64, PLACE (appointment_at) },
  { "result-number", FIELD_STRING, PLACE (result_number) },
  { "pause-kind", FIELD_STRING, PLACE (pause_kind) },
  { "lateness", FIELD_LATENESS, PLACE (lateness) },
  { "step-lateness", FIELD_LATENESS, PLACE (step_lateness) },
  { "state-label", FIELD_LABEL, 0 },
};

enum { PROP_STATE_LABEL = G_N_ELEMENTS (fields), N_PROPS };
static GParamSpec *properties[N_PROPS];

#define FIELD_AT(self, field, type) ((type *) ((char *) (self) + (field)->offset))

static McDossierState
state_of (McDossier *self)
{
  McDossierState state = MC_STATE_RECEIVED;

  mc_dossier_state_from_string (self->data.state, &state);
  return state;
}

/* The state as the inbox words it: a pause says what it waits for, a
 * dossier sent to a department says whether someone has taken it. */
static const char *
state_label (McDossier *self)
{
  McDossierState state;

  if (!mc_dossier_state_from_string (self->data.state, &state))
    return "";
  if (state == MC_STATE_PAUSED && g_strcmp0 (self->place.pause_kind, "supplement") == 0)
    return _("Paused: supplements");
  if (state == MC_STATE_PAUSED && g_strcmp0 (self->place.pause_kind, "financial") == 0)
    return _("Paused: financial obligations");
  if (state == MC_STATE_PROCESSING && self->place.known && self->place.step_accepted_at == 0)
    return _("Waiting to be accepted");
  return mc_dossier_state_get_label (state);
}

static void
mc_dossier_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McDossier *self = MC_DOSSIER (object);
  const Field *field = &fields[prop_id - 1];

  switch (field->kind)
    {
    case FIELD_STRING: g_value_set_string (value, *FIELD_AT (self, field, char *)); break;
    case FIELD_INT64: g_value_set_int64 (value, *FIELD_AT (self, field, gint64)); break;
    case FIELD_INT: g_value_set_int (value, *FIELD_AT (self, field, int)); break;
    case FIELD_CHANNEL: g_value_set_enum (value, *FIELD_AT (self, field, McChannel)); break;
    case FIELD_LATENESS: g_value_set_enum (value, *FIELD_AT (self, field, McLateness)); break;
    case FIELD_STATE: g_value_set_enum (value, state_of (self)); break;
    case FIELD_LABEL: g_value_set_string (value, state_label (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

/* Stores the value; FALSE when it was already the one held. */
static gboolean
store_value (McDossier *self, const Field *field, const GValue *value)
{
  switch (field->kind)
    {
    case FIELD_STRING:
      return set_string (FIELD_AT (self, field, char *), g_value_get_string (value));
    case FIELD_INT64:
      if (*FIELD_AT (self, field, gint64) == g_value_get_int64 (value))
        return FALSE;
      *FIELD_AT (self, field, gint64) = g_value_get_int64 (value);
      return TRUE;
    case FIELD_INT:
      if (*FIELD_AT (self, field, int) == g_value_get_int (value))
        return FALSE;
      *FIELD_AT (self, field, int) = g_value_get_int (value);
      return TRUE;
    case FIELD_CHANNEL:
    case FIELD_LATENESS:
      if (*FIELD_AT (self, field, int) == g_value_get_enum (value))
        return FALSE;
      *FIELD_AT (self, field, int) = g_value_get_enum (value);
      return TRUE;
    case FIELD_STATE:
      return set_string (&self->data.state, mc_dossier_state_to_string (g_value_get_enum (value)));
    case FIELD_LABEL:
    default:
      return FALSE;
    }
}

static void
mc_dossier_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McDossier *self = MC_DOSSIER (object);
  const char *label = state_label (self);

  if (prop_id == 0 || prop_id >= PROP_STATE_LABEL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (!store_value (self, &fields[prop_id - 1], value))
    return;
  g_object_notify_by_pspec (object, pspec);
  if (self->updating)
    return;
  /* The words follow the state, the pause's kind and the step's acceptance. */
  if (g_strcmp0 (label, state_label (self)) != 0)
    g_object_notify_by_pspec (object, properties[PROP_STATE_LABEL]);
}

static GParamSpec *
field_pspec (const Field *field)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (field->kind)
    {
    case FIELD_STRING: return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    case FIELD_INT64: return g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case FIELD_INT: return g_param_spec_int (field->name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case FIELD_CHANNEL: return g_param_spec_enum (field->name, NULL, NULL, MC_TYPE_CHANNEL, 0, flags);
    case FIELD_LATENESS: return g_param_spec_enum (field->name, NULL, NULL, MC_TYPE_LATENESS, 0, flags);
    case FIELD_STATE: return g_param_spec_enum (field->name, NULL, NULL, MC_TYPE_DOSSIER_STATE, 0, flags);
    case FIELD_LABEL:
    default:
      return g_param_spec_string (field->name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
    }
}

static void
document_free (gpointer data)
{
  McDossierDocument *d = data;

  g_free (d->name);
  g_free (d);
}

static void
mc_dossier_finalize (GObject *object)
{
  McDossierData *d = &MC_DOSSIER (object)->data;

  g_free (d->code);
  g_free (d->procedure_code);
  g_free (d->procedure_name);
  g_free (d->field_name);
  g_free (d->applicant_name);
  g_free (d->applicant_id_number);
  g_free (d->applicant_birth_date);
  g_free (d->applicant_phone);
  g_free (d->applicant_email);
  g_free (d->applicant_address);
  g_free (d->representative);
  g_free (d->received_by);
  g_free (d->counter);
  g_free (d->online_level);
  g_free (d->state);
  g_free (d->outcome);
  g_free (d->timeliness);
  g_free (d->current_department);
  g_free (d->note);
  g_ptr_array_unref (d->documents);
  g_free (MC_DOSSIER (object)->place.staff_name);
  g_free (MC_DOSSIER (object)->place.unit_name);
  g_free (MC_DOSSIER (object)->place.result_number);
  g_free (MC_DOSSIER (object)->place.pause_kind);
  G_OBJECT_CLASS (mc_dossier_parent_class)->finalize (object);
}

static void
mc_dossier_class_init (McDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_dossier_finalize;
  object_class->get_property = mc_dossier_get_property;
  object_class->set_property = mc_dossier_set_property;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    properties[i + 1] = field_pspec (&fields[i]);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_dossier_init (McDossier *self)
{
  self->data.documents = g_ptr_array_new_with_free_func (document_free);
}

McDossier *
mc_dossier_new (void)
{
  return g_object_new (MC_TYPE_DOSSIER, NULL);
}

McDossierData *
mc_dossier_get_data (McDossier *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER (self), NULL);

  return &self->data;
}

const char *
mc_dossier_get_code (McDossier *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER (self), NULL);

  return self->data.code;
}

const char *
mc_dossier_get_applicant_name (McDossier *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER (self), NULL);

  return self->data.applicant_name;
}

void
mc_dossier_update_from (McDossier *self, McDossier *other)
{
  const char *label;

  g_return_if_fail (MC_IS_DOSSIER (self));
  g_return_if_fail (MC_IS_DOSSIER (other));

  label = state_label (self);
  g_object_freeze_notify (G_OBJECT (self));
  self->updating = TRUE;
  self->place.known = self->place.known || other->place.known;
  for (guint i = 1; i < PROP_STATE_LABEL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i]->value_type);
      g_object_get_property (G_OBJECT (other), properties[i]->name, &value);
      /* set_property tells only a value that changed (EXPLICIT_NOTIFY). */
      g_object_set_property (G_OBJECT (self), properties[i]->name, &value);
    }
  self->updating = FALSE;
  if (g_strcmp0 (label, state_label (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

McDossier *
mc_work_item_to_dossier (const McWorkItem *item)
{
  McDossier *dossier = mc_dossier_new ();
  McDossierData *d = &dossier->data;
  McDossierPlace *p = &dossier->place;

  d->id = item->id;
  d->code = g_strdup (item->code);
  d->procedure_name = g_strdup (item->procedure_name);
  d->field_name = g_strdup (item->field_name);
  d->applicant_name = g_strdup (item->applicant_name);
  d->applicant_phone = g_strdup (item->applicant_phone);
  d->state = g_strdup (mc_dossier_state_to_string (item->state));
  d->received_at = item->received_at;
  d->due_at = item->due_at;
  d->finished_at = item->finished_at;
  d->outcome = g_strdup (item->outcome);
  d->timeliness = g_strdup (item->timeliness);
  d->current_department = g_strdup (item->department_name);
  p->step = item->step;
  p->n_steps = item->n_steps;
  p->staff_name = g_strdup (item->staff_name);
  p->unit_name = g_strdup (item->unit_name);
  p->extended_due_at = item->extended_due_at;
  p->appointment_at = item->appointment_at;
  p->step_due_at = item->step_due_at;
  p->step_accepted_at = item->step_accepted_at;
  p->result_number = g_strdup (item->result_number);
  p->pause_kind = g_strdup (item->pause_kind);
  p->step_lateness = item->step_lateness;
  p->lateness = item->lateness;
  p->known = TRUE;
  return dossier;
}

gint64
mc_dossier_row_key (gpointer dossier)
{
  return MC_DOSSIER (dossier)->data.id;
}

void
mc_dossier_row_update (gpointer dossier, gpointer fresh)
{
  mc_dossier_update_from (dossier, fresh);
}

GPtrArray *
mc_work_items_to_dossiers (GPtrArray *items)
{
  GPtrArray *dossiers = g_ptr_array_new_full (items->len, g_object_unref);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (dossiers, mc_work_item_to_dossier (items->pdata[i]));
  return dossiers;
}

void
mc_dossier_add_document (McDossier *self, const char *name, int originals, int copies, gboolean received)
{
  McDossierDocument *d = g_new0 (McDossierDocument, 1);

  d->name = g_strdup (name);
  d->originals = originals;
  d->copies = copies;
  d->received = received;
  g_ptr_array_add (self->data.documents, d);
}

const char *
mc_channel_to_string (McChannel channel)
{
  g_return_val_if_fail ((guint) channel < G_N_ELEMENTS (channel_ids), channel_ids[0]);
  return channel_ids[channel];
}

gboolean
mc_channel_from_string (const char *text, McChannel *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_ids); i++)
    if (g_strcmp0 (text, channel_ids[i]) == 0)
      {
        *channel = (McChannel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_channel_to_label (McChannel channel)
{
  g_return_val_if_fail ((guint) channel < G_N_ELEMENTS (channel_labels), "");
  return _(channel_labels[channel]);
}

/* The words are the state machine's (mc-dossier-state.c); an id it does not
 * know is shown as given. */
const char *
mc_dossier_state_to_label (const char *state)
{
  McDossierState s;

  return mc_dossier_state_from_string (state, &s) ? mc_dossier_state_get_label (s) : state;
}

const char *
mc_dossier_event_kind_to_label (const char *kind)
{
  McEventKind k;

  return mc_event_kind_from_string (kind, &k) ? mc_event_kind_get_label (k) : kind;
}

void
mc_dossier_event_free (McDossierEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->state_to);
  g_free (event->staff_name);
  g_free (event->department_name);
  g_free (event->unit_name);
  g_free (event->note);
  g_free (event);
}
