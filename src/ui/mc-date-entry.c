/* mc-date-entry.c — a date (or date and time) typed as on paper: dd/mm/yyyy
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one entry for every typed date, so the counter, the filters and the
 * dialogs read "15/3/90" alike (core's mc_date_parse_typed). A date it
 * cannot read is marked on the entry itself — red, a warning icon, the
 * message as its tooltip and as the "message" property a row may show —
 * never only in a label elsewhere on the page. Leaving the entry writes a
 * good date back in full, so "5/3/90" visibly becomes 05/03/1990.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-entry.h"

struct _McDateEntry
{
  GtkEntry  parent_instance;

  gboolean  with_time;
  gboolean  past_only;
  char     *message;
};

G_DEFINE_FINAL_TYPE (McDateEntry, mc_date_entry, GTK_TYPE_ENTRY)

enum { PROP_0, PROP_WITH_TIME, PROP_PAST_ONLY, PROP_MESSAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Deadlines and periods reach a few years ahead; birth dates not past today. */
static int
latest_year (McDateEntry *self)
{
  int year;

  mc_date_to_ymd (mc_time_get_date (mc_time_now ()), &year, NULL, NULL);
  return self->past_only ? year : year + 20;
}

static void
update_placeholder (McDateEntry *self)
{
  /* Translators: how a date is typed; keep the letters a clerk knows */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self), self->with_time ? _("dd/mm/yyyy hh:mm") : _("dd/mm/yyyy"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self), self->with_time ? 16 : 11);
}

static char *
text_of (McDateEntry *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
}

static McDateEntryState
invalid (McDateEntry *self, const char *message)
{
  mc_date_entry_set_message (self, message);
  return MC_DATE_ENTRY_INVALID;
}

static void
changed_cb (McDateEntry *self)
{
  mc_date_entry_set_message (self, NULL);
}

/* Leaving the entry: a good date written in full, a bad one marked. */
static void
focus_leave_cb (McDateEntry *self)
{
  McDate date;
  McTime t;

  if (self->with_time && mc_date_entry_read_time (self, &t) == MC_DATE_ENTRY_VALID)
    mc_date_entry_set_time (self, t);
  else if (!self->with_time && mc_date_entry_read_date (self, &date) == MC_DATE_ENTRY_VALID)
    mc_date_entry_set_date (self, date);
}

static void
mc_date_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McDateEntry *self = MC_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_WITH_TIME:
      g_value_set_boolean (value, self->with_time);
      break;
    case PROP_PAST_ONLY:
      g_value_set_boolean (value, self->past_only);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_date_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McDateEntry *self = MC_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_WITH_TIME:
      if (self->with_time != g_value_get_boolean (value))
        {
          self->with_time = g_value_get_boolean (value);
          update_placeholder (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PAST_ONLY:
      if (self->past_only != g_value_get_boolean (value))
        {
          self->past_only = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_date_entry_finalize (GObject *object)
{
  g_free (MC_DATE_ENTRY (object)->message);
  G_OBJECT_CLASS (mc_date_entry_parent_class)->finalize (object);
}

static void
mc_date_entry_class_init (McDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mc_date_entry_get_property;
  object_class->set_property = mc_date_entry_set_property;
  object_class->finalize = mc_date_entry_finalize;
  properties[PROP_WITH_TIME] =
    g_param_spec_boolean ("with-time", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAST_ONLY] =
    g_param_spec_boolean ("past-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_date_entry_init (McDateEntry *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  update_placeholder (self);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
mc_date_entry_new (gboolean with_time, gboolean past_only)
{
  return g_object_new (MC_TYPE_DATE_ENTRY, "with-time", with_time, "past-only", past_only, NULL);
}

McDateEntryState
mc_date_entry_read_date (McDateEntry *self, McDate *out)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MC_IS_DATE_ENTRY (self), MC_DATE_ENTRY_INVALID);

  text = text_of (self);
  if (*text == '\0')
    return MC_DATE_ENTRY_EMPTY;
  if (!mc_date_parse_typed (text, latest_year (self), out))
    return invalid (self, _("Write the date as dd/mm/yyyy (or d/m/yy)"));
  if (self->past_only && *out > mc_time_get_date (mc_time_now ()))
    return invalid (self, _("This date is after today"));
  return MC_DATE_ENTRY_VALID;
}

McDateEntryState
mc_date_entry_read_time (McDateEntry *self, McTime *out)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MC_IS_DATE_ENTRY (self), MC_DATE_ENTRY_INVALID);

  text = text_of (self);
  if (*text == '\0')
    return MC_DATE_ENTRY_EMPTY;
  if (!mc_time_parse_typed (text, latest_year (self), out))
    return invalid (self, _("Write the day and the time as dd/mm/yyyy hh:mm"));
  if (self->past_only && *out > mc_time_now ())
    return invalid (self, _("This date is after today"));
  return MC_DATE_ENTRY_VALID;
}

void
mc_date_entry_set_date (McDateEntry *self, McDate date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MC_IS_DATE_ENTRY (self));

  text = date == MC_DATE_INVALID ? g_strdup ("") : mc_date_to_typed (date);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
}

void
mc_date_entry_set_time (McDateEntry *self, McTime t)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MC_IS_DATE_ENTRY (self));

  text = t == 0 ? g_strdup ("") : mc_time_to_typed (t);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
}

void
mc_date_entry_set_message (McDateEntry *self, const char *message)
{
  g_return_if_fail (MC_IS_DATE_ENTRY (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self), GTK_ENTRY_ICON_SECONDARY,
                                     message ? "dialog-warning-symbolic" : NULL);
  gtk_entry_set_icon_tooltip_text (GTK_ENTRY (self), GTK_ENTRY_ICON_SECONDARY, message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
mc_date_entry_get_message (McDateEntry *self)
{
  g_return_val_if_fail (MC_IS_DATE_ENTRY (self), NULL);

  return self->message;
}
