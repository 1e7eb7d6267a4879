/* mc-queue-ticket.c — one ticket of the queue (số thứ tự)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only properties, one per field, filled by McQueue (mc-queue.c) from
 * its row; a ticket read again updates the object in place and notifies
 * only what changed, so a counter's bar or display bound to it follows.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-queue-ticket-private.h"

struct _McQueueTicket {
  GObject             parent_instance;
  McQueueTicketFields f;
};

G_DEFINE_FINAL_TYPE (McQueueTicket, mc_queue_ticket, G_TYPE_OBJECT)

static const char *const state_codes[MC_QUEUE_N_STATES] = { "waiting", "called", "serving", "done", "absent" };
static const char *const state_labels[MC_QUEUE_N_STATES] = {
  N_("Waiting"), N_("Called"), N_("Being served"), N_("Done"), N_("Absent"),
};
static const char *const priority_codes[MC_QUEUE_N_PRIORITIES] = {
  NULL, "nguoi_cao_tuoi", "nguoi_khuyet_tat", "phu_nu_mang_thai", "lich_hen_truc_tuyen",
};
static const char *const priority_labels[MC_QUEUE_N_PRIORITIES] = {
  "", N_("Elderly person"), N_("Person with a disability"), N_("Pregnant woman"), N_("Online appointment"),
};

typedef enum { FIELD_STRING, FIELD_INT, FIELD_INT64 } FieldType;

/* One line per property: its name, type and place in McQueueTicketFields. */
static const struct {
  const char *name;
  FieldType   type;
  gsize       offset;
} fields[] = {
  { "id", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, id) },
  { "day", FIELD_STRING, G_STRUCT_OFFSET (McQueueTicketFields, day) },
  { "number", FIELD_INT, G_STRUCT_OFFSET (McQueueTicketFields, number) },
  { "label", FIELD_STRING, G_STRUCT_OFFSET (McQueueTicketFields, label) },
  { "service-id", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, service_id) },
  { "service-name", FIELD_STRING, G_STRUCT_OFFSET (McQueueTicketFields, service_name) },
  { "priority", FIELD_INT, G_STRUCT_OFFSET (McQueueTicketFields, priority) },
  { "state", FIELD_INT, G_STRUCT_OFFSET (McQueueTicketFields, state) },
  { "counter", FIELD_INT, G_STRUCT_OFFSET (McQueueTicketFields, counter) },
  { "staff-id", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, staff_id) },
  { "staff-name", FIELD_STRING, G_STRUCT_OFFSET (McQueueTicketFields, staff_name) },
  { "taken-at", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, taken_at) },
  { "called-at", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, called_at) },
  { "last-called-at", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, last_called_at) },
  { "served-at", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, served_at) },
  { "done-at", FIELD_INT64, G_STRUCT_OFFSET (McQueueTicketFields, done_at) },
  { "calls", FIELD_INT, G_STRUCT_OFFSET (McQueueTicketFields, calls) },
  { "transfers", FIELD_INT, G_STRUCT_OFFSET (McQueueTicketFields, transfers) },
};

enum { PROP_0, PROP_STATE_LABEL = G_N_ELEMENTS (fields) + 1, PROP_PRIORITY_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define FIELD(f, i, T) ((T *) ((guint8 *) (f) + fields[i].offset))

const char *
mc_queue_state_to_string (McQueueState state)
{
  g_return_val_if_fail (state < MC_QUEUE_N_STATES, NULL);
  return state_codes[state];
}

gboolean
mc_queue_state_from_string (const char *text, McQueueState *state)
{
  for (int i = 0; i < MC_QUEUE_N_STATES; i++)
    if (g_strcmp0 (text, state_codes[i]) == 0)
      {
        *state = (McQueueState) i;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_queue_state_label (McQueueState state)
{
  g_return_val_if_fail (state < MC_QUEUE_N_STATES, "");
  return _(state_labels[state]);
}

const char *
mc_queue_priority_to_string (McQueuePriority priority)
{
  g_return_val_if_fail (priority < MC_QUEUE_N_PRIORITIES, NULL);
  return priority_codes[priority];
}

/* NULL or "" is no priority. */
gboolean
mc_queue_priority_from_string (const char *text, McQueuePriority *priority)
{
  *priority = MC_QUEUE_PRIORITY_NONE;
  if (text == NULL || *text == '\0')
    return TRUE;
  for (int i = 1; i < MC_QUEUE_N_PRIORITIES; i++)
    if (g_str_equal (text, priority_codes[i]))
      {
        *priority = (McQueuePriority) i;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_queue_priority_label (McQueuePriority priority)
{
  g_return_val_if_fail (priority < MC_QUEUE_N_PRIORITIES, "");
  return priority == MC_QUEUE_PRIORITY_NONE ? "" : _(priority_labels[priority]);
}

void
mc_queue_ticket_fields_clear (McQueueTicketFields *f)
{
  g_clear_pointer (&f->day, g_free);
  g_clear_pointer (&f->label, g_free);
  g_clear_pointer (&f->service_name, g_free);
  g_clear_pointer (&f->staff_name, g_free);
}

static void
mc_queue_ticket_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McQueueTicket *self = MC_QUEUE_TICKET (object);
  guint i = prop_id - 1;

  if (prop_id == PROP_STATE_LABEL)
    g_value_set_string (value, mc_queue_state_label (self->f.state));
  else if (prop_id == PROP_PRIORITY_LABEL)
    g_value_set_string (value, mc_queue_priority_label (self->f.priority));
  else if (i < G_N_ELEMENTS (fields) && fields[i].type == FIELD_STRING)
    g_value_set_string (value, *FIELD (&self->f, i, char *));
  else if (i < G_N_ELEMENTS (fields) && fields[i].type == FIELD_INT)
    g_value_set_int (value, *FIELD (&self->f, i, int));
  else if (i < G_N_ELEMENTS (fields))
    g_value_set_int64 (value, *FIELD (&self->f, i, gint64));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
mc_queue_ticket_finalize (GObject *object)
{
  mc_queue_ticket_fields_clear (&MC_QUEUE_TICKET (object)->f);
  G_OBJECT_CLASS (mc_queue_ticket_parent_class)->finalize (object);
}

static void
mc_queue_ticket_class_init (McQueueTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = mc_queue_ticket_get_property;
  object_class->finalize = mc_queue_ticket_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    properties[i + 1] =
      fields[i].type == FIELD_STRING ? g_param_spec_string (fields[i].name, NULL, NULL, NULL, flags)
      : fields[i].type == FIELD_INT  ? g_param_spec_int (fields[i].name, NULL, NULL, G_MININT, G_MAXINT, 0, flags)
                                     : g_param_spec_int64 (fields[i].name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_PRIORITY_LABEL] = g_param_spec_string ("priority-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_queue_ticket_init (McQueueTicket *self)
{
}

McQueueTicket *
mc_queue_ticket_new_take (McQueueTicketFields *fields_in)
{
  McQueueTicket *self = g_object_new (MC_TYPE_QUEUE_TICKET, NULL);

  self->f = *fields_in;
  memset (fields_in, 0, sizeof *fields_in);
  return self;
}

static gboolean
field_equal (const McQueueTicketFields *a, const McQueueTicketFields *b, guint i)
{
  switch (fields[i].type)
    {
    case FIELD_STRING:
      return g_strcmp0 (*FIELD (a, i, char *), *FIELD (b, i, char *)) == 0;
    case FIELD_INT:
      return *FIELD (a, i, int) == *FIELD (b, i, int);
    default:
      return *FIELD (a, i, gint64) == *FIELD (b, i, gint64);
    }
}

void
mc_queue_ticket_update_from (McQueueTicket *self, McQueueTicket *other)
{
  McQueueTicketFields old = self->f;
  gboolean changed[G_N_ELEMENTS (fields)];

  g_return_if_fail (MC_IS_QUEUE_TICKET (self) && MC_IS_QUEUE_TICKET (other));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    changed[i] = !field_equal (&old, &other->f, i);
  self->f = other->f;
  memset (&other->f, 0, sizeof other->f);
  other->f = old;  /* freed with `other` */
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (changed[i])
      g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
  if (changed[7])  /* "state" */
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_LABEL]);
  if (changed[6])  /* "priority" */
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(type, name, member)                                                                 \
  type mc_queue_ticket_get_##name (McQueueTicket *self)                                             \
  {                                                                                                \
    g_return_val_if_fail (MC_IS_QUEUE_TICKET (self), 0);                                           \
    return self->f.member;                                                                         \
  }

GETTER (gint64, id, id)
GETTER (const char *, day, day)
GETTER (int, number, number)
GETTER (const char *, label, label)
GETTER (gint64, service_id, service_id)
GETTER (const char *, service_name, service_name)
GETTER (McQueuePriority, priority, priority)
GETTER (McQueueState, state, state)
GETTER (int, counter, counter)
GETTER (gint64, staff_id, staff_id)
GETTER (const char *, staff_name, staff_name)
GETTER (McTime, taken_at, taken_at)
GETTER (McTime, called_at, called_at)
GETTER (McTime, last_called_at, last_called_at)
GETTER (McTime, served_at, served_at)
GETTER (McTime, done_at, done_at)
GETTER (int, calls, calls)
GETTER (int, transfers, transfers)
