/* mc-audit-entry.c — one row of the audit trail (nhật ký hệ thống), as an object
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit page boxed a plain record to list it and computed each cell's
 * words in the page. As an object its cells bind to properties, and the
 * words come from core (mc-audit-labels.c) in one place, for the page and
 * for anything else that shows a row to a person.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-audit-entry.h"
#include "mc-audit-labels.h"
#include "mc-format.h"

struct _McAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  McTime   at;
  char    *username;
  char    *full_name;
  char    *action;
  char    *object_kind;
  gint64   object_id;
  char    *object_label;
  char    *detail;
};

G_DEFINE_FINAL_TYPE (McAuditEntry, mc_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_USERNAME,
  PROP_FULL_NAME,
  PROP_ACTION,
  PROP_OBJECT_KIND,
  PROP_OBJECT_ID,
  PROP_OBJECT_LABEL,
  PROP_DETAIL,
  PROP_TIME_LABEL,
  PROP_PERSON_LABEL,
  PROP_ACTION_LABEL,
  PROP_OBJECT_TEXT,
  PROP_DESCRIPTION,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
mc_audit_entry_finalize (GObject *object)
{
  McAuditEntry *self = MC_AUDIT_ENTRY (object);

  g_free (self->username);
  g_free (self->full_name);
  g_free (self->action);
  g_free (self->object_kind);
  g_free (self->object_label);
  g_free (self->detail);
  G_OBJECT_CLASS (mc_audit_entry_parent_class)->finalize (object);
}

static void
mc_audit_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McAuditEntry *self = MC_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_AT: g_value_set_int64 (value, self->at); break;
    case PROP_USERNAME: g_value_set_string (value, self->username); break;
    case PROP_FULL_NAME: g_value_set_string (value, self->full_name); break;
    case PROP_ACTION: g_value_set_string (value, self->action); break;
    case PROP_OBJECT_KIND: g_value_set_string (value, self->object_kind); break;
    case PROP_OBJECT_ID: g_value_set_int64 (value, self->object_id); break;
    case PROP_OBJECT_LABEL: g_value_set_string (value, self->object_label); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_TIME_LABEL: g_value_take_string (value, mc_format_time (self->at)); break;
    case PROP_PERSON_LABEL: g_value_take_string (value, mc_audit_entry_dup_person (self)); break;
    case PROP_ACTION_LABEL: g_value_set_string (value, mc_audit_action_to_label (self->action)); break;
    case PROP_OBJECT_TEXT: g_value_take_string (value, mc_audit_entry_dup_object (self)); break;
    case PROP_DESCRIPTION: g_value_take_string (value, mc_audit_entry_describe (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_audit_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McAuditEntry *self = MC_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_AT: self->at = g_value_get_int64 (value); break;
    case PROP_USERNAME: self->username = g_value_dup_string (value); break;
    case PROP_FULL_NAME: self->full_name = g_value_dup_string (value); break;
    case PROP_ACTION: self->action = g_value_dup_string (value); break;
    case PROP_OBJECT_KIND: self->object_kind = g_value_dup_string (value); break;
    case PROP_OBJECT_ID: self->object_id = g_value_get_int64 (value); break;
    case PROP_OBJECT_LABEL: self->object_label = g_value_dup_string (value); break;
    case PROP_DETAIL: self->detail = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
stored_text (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
stored_number (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
words (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
mc_audit_entry_class_init (McAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_audit_entry_finalize;
  object_class->get_property = mc_audit_entry_get_property;
  object_class->set_property = mc_audit_entry_set_property;

  properties[PROP_ID] = stored_number ("id");
  properties[PROP_AT] = stored_number ("at");
  properties[PROP_USERNAME] = stored_text ("username");
  properties[PROP_FULL_NAME] = stored_text ("full-name");
  properties[PROP_ACTION] = stored_text ("action");
  properties[PROP_OBJECT_KIND] = stored_text ("object-kind");
  properties[PROP_OBJECT_ID] = stored_number ("object-id");
  properties[PROP_OBJECT_LABEL] = stored_text ("object-label");
  properties[PROP_DETAIL] = stored_text ("detail");
  properties[PROP_TIME_LABEL] = words ("time-label");
  properties[PROP_PERSON_LABEL] = words ("person-label");
  properties[PROP_ACTION_LABEL] = words ("action-label");
  properties[PROP_OBJECT_TEXT] = words ("object-text");
  properties[PROP_DESCRIPTION] = words ("description");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_audit_entry_init (McAuditEntry *self)
{
}

McAuditEntry *
mc_audit_entry_new (gint64 id, McTime at, const char *username, const char *full_name, const char *action,
                    const char *object_kind, gint64 object_id, const char *object_label, const char *detail)
{
  return g_object_new (MC_TYPE_AUDIT_ENTRY, "id", id, "at", (gint64) at, "username", username,
                       "full-name", full_name, "action", action, "object-kind", object_kind,
                       "object-id", object_id, "object-label", object_label, "detail", detail, NULL);
}

gint64 mc_audit_entry_get_id (McAuditEntry *self) { return self->id; }
McTime mc_audit_entry_get_at (McAuditEntry *self) { return self->at; }
const char *mc_audit_entry_get_username (McAuditEntry *self) { return self->username; }
const char *mc_audit_entry_get_full_name (McAuditEntry *self) { return self->full_name; }
const char *mc_audit_entry_get_action (McAuditEntry *self) { return self->action; }
const char *mc_audit_entry_get_object_kind (McAuditEntry *self) { return self->object_kind; }
gint64 mc_audit_entry_get_object_id (McAuditEntry *self) { return self->object_id; }
const char *mc_audit_entry_get_object_label (McAuditEntry *self) { return self->object_label; }
const char *mc_audit_entry_get_detail (McAuditEntry *self) { return self->detail; }

char *
mc_audit_entry_dup_person (McAuditEntry *self)
{
  g_return_val_if_fail (MC_IS_AUDIT_ENTRY (self), NULL);

  if (self->username == NULL)
    /* Translators: who acted, when no one was signed in (an import, a migration) */
    return g_strdup (_("System"));
  return g_strdup_printf ("%s (%s)", self->full_name ? self->full_name : self->username, self->username);
}

char *
mc_audit_entry_dup_object (McAuditEntry *self)
{
  g_return_val_if_fail (MC_IS_AUDIT_ENTRY (self), NULL);

  if (self->object_label == NULL || *self->object_label == '\0')
    return g_strdup (mc_audit_object_kind_to_label (self->object_kind));
  return g_strdup_printf ("%s %s", mc_audit_object_kind_to_label (self->object_kind), self->object_label);
}
