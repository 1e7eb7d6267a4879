/* mc-notification.c — one thing that concerns a staff member, under the bell
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An object with properties, so the bell's rows bind to it and a reload of
 * the list updates it in place: a notification read at another desk turns
 * its row from bold to normal and nothing else moves.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-format.h"
#include "mc-notification.h"

struct _McNotification
{
  GObject             parent_instance;

  gint64              id;
  McNotificationKind  kind;
  char               *dossier_code;
  char               *procedure_name;
  char               *by_name;        /* who caused it, or NULL */
  McTime              at;
  gboolean            read;
  char               *summary;
  char               *text;
};

G_DEFINE_FINAL_TYPE (McNotification, mc_notification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DOSSIER_CODE,
  PROP_PROCEDURE_NAME,
  PROP_BY_NAME,
  PROP_AT,
  PROP_READ,
  PROP_SUMMARY,
  PROP_TEXT,
  PROP_ICON_NAME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const struct {
  const char *id;
  const char *icon;
} kinds[MC_N_NOTIFICATION_KINDS] = {
  [MC_NOTIFICATION_ASSIGNED] = { "assigned", "document-send-symbolic" },
  [MC_NOTIFICATION_RETURNED] = { "returned", "edit-undo-symbolic" },
  [MC_NOTIFICATION_OVERDUE] = { "overdue", "alarm-symbolic" },
  [MC_NOTIFICATION_APOLOGY] = { "apology", "document-edit-symbolic" },
};

const char *
mc_notification_kind_to_string (McNotificationKind kind)
{
  g_return_val_if_fail (kind < MC_N_NOTIFICATION_KINDS, NULL);
  return kinds[kind].id;
}

gboolean
mc_notification_kind_from_string (const char *text, McNotificationKind *kind)
{
  for (guint k = 0; k < MC_N_NOTIFICATION_KINDS; k++)
    if (g_strcmp0 (text, kinds[k].id) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_notification_kind_icon (McNotificationKind kind)
{
  g_return_val_if_fail (kind < MC_N_NOTIFICATION_KINDS, NULL);
  return kinds[kind].icon;
}

char *
mc_notification_format_age (McTime at, McTime now)
{
  gint64 minutes = (now - at) / 60;

  if (minutes < 1)
    return g_strdup (_("just now"));
  if (minutes < 60)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), (int) minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", minutes / 60), (int) (minutes / 60));
  if (minutes < 7 * 24 * 60)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", minutes / (24 * 60)), (int) (minutes / (24 * 60)));
  return mc_format_date (mc_time_get_date (at));
}

/* The code first (what a clerk looks for). */
static char *
make_summary (McNotification *self)
{
  char *what = NULL;

  switch (self->kind)
    {
    case MC_NOTIFICATION_ASSIGNED:
      what = self->by_name
        /* Translators: the dossier's code and who handed it over */
        ? g_strdup_printf (_("Dossier %s assigned to you by %s"), self->dossier_code, self->by_name)
        : g_strdup_printf (_("Dossier %s assigned to you"), self->dossier_code);
      break;
    case MC_NOTIFICATION_RETURNED:
      what = self->by_name
        /* Translators: the dossier's code and who sent it back */
        ? g_strdup_printf (_("Dossier %s sent back to you for correction by %s"), self->dossier_code, self->by_name)
        : g_strdup_printf (_("Dossier %s sent back to you for correction"), self->dossier_code);
      break;
    case MC_NOTIFICATION_OVERDUE:
      what = g_strdup_printf (_("Dossier %s has passed its appointment"), self->dossier_code);
      break;
    case MC_NOTIFICATION_APOLOGY:
    default:
      what = g_strdup_printf (_("The apology for dossier %s awaits your signature"), self->dossier_code);
      break;
    }
  return what;
}

/* The summary, and the procedure after the dash. */
static char *
make_text (McNotification *self)
{
  if (self->procedure_name == NULL || *self->procedure_name == '\0')
    return g_strdup (mc_notification_get_summary (self));
  return g_strdup_printf ("%s — %s", mc_notification_get_summary (self), self->procedure_name);
}

static void
mc_notification_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McNotification *self = MC_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_DOSSIER_CODE: g_value_set_string (value, self->dossier_code); break;
    case PROP_PROCEDURE_NAME: g_value_set_string (value, self->procedure_name); break;
    case PROP_BY_NAME: g_value_set_string (value, self->by_name); break;
    case PROP_AT: g_value_set_int64 (value, self->at); break;
    case PROP_READ: g_value_set_boolean (value, self->read); break;
    case PROP_SUMMARY: g_value_set_string (value, mc_notification_get_summary (self)); break;
    case PROP_TEXT: g_value_set_string (value, mc_notification_get_text (self)); break;
    case PROP_ICON_NAME: g_value_set_string (value, mc_notification_get_icon_name (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_notification_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McNotification *self = MC_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_KIND: self->kind = CLAMP (g_value_get_int (value), 0, MC_N_NOTIFICATION_KINDS - 1); break;
    case PROP_DOSSIER_CODE: self->dossier_code = g_value_dup_string (value); break;
    case PROP_PROCEDURE_NAME: self->procedure_name = g_value_dup_string (value); break;
    case PROP_BY_NAME: self->by_name = g_value_dup_string (value); break;
    case PROP_AT: self->at = g_value_get_int64 (value); break;
    case PROP_READ:
      if (self->read != g_value_get_boolean (value))
        {
          self->read = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, properties[PROP_READ]);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_notification_finalize (GObject *object)
{
  McNotification *self = MC_NOTIFICATION (object);

  g_free (self->dossier_code);
  g_free (self->procedure_name);
  g_free (self->by_name);
  g_free (self->summary);
  g_free (self->text);
  G_OBJECT_CLASS (mc_notification_parent_class)->finalize (object);
}

static void
mc_notification_class_init (McNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags fixed = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = mc_notification_get_property;
  object_class->set_property = mc_notification_set_property;
  object_class->finalize = mc_notification_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, fixed);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, MC_N_NOTIFICATION_KINDS - 1, 0, fixed);
  properties[PROP_DOSSIER_CODE] = g_param_spec_string ("dossier-code", NULL, NULL, NULL, fixed);
  properties[PROP_PROCEDURE_NAME] = g_param_spec_string ("procedure-name", NULL, NULL, NULL, fixed);
  properties[PROP_BY_NAME] = g_param_spec_string ("by-name", NULL, NULL, NULL, fixed);
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0, fixed);
  properties[PROP_READ] = g_param_spec_boolean ("read", NULL, NULL, FALSE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_notification_init (McNotification *self)
{
}

gint64
mc_notification_get_id (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), 0);
  return self->id;
}

McNotificationKind
mc_notification_get_kind (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), 0);
  return self->kind;
}

const char *
mc_notification_get_dossier_code (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), NULL);
  return self->dossier_code;
}

const char *
mc_notification_get_procedure_name (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), NULL);
  return self->procedure_name;
}

const char *
mc_notification_get_by_name (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), NULL);
  return self->by_name;
}

McTime
mc_notification_get_at (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), 0);
  return self->at;
}

gboolean
mc_notification_get_read (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), FALSE);
  return self->read;
}

const char *
mc_notification_get_text (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), NULL);
  if (self->text == NULL)
    self->text = make_text (self);
  return self->text;
}

const char *
mc_notification_get_summary (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), NULL);
  if (self->summary == NULL)
    self->summary = make_summary (self);
  return self->summary;
}

const char *
mc_notification_get_icon_name (McNotification *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION (self), NULL);
  return mc_notification_kind_icon (self->kind);
}
