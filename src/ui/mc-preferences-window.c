/* mc-preferences-window.c — office hours, the working week, the unit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar settings are stored in the database (every process computing a
 * deadline must agree), the counter's name in GSettings (it belongs to this PC).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mc-board-preferences.h"
#include "mc-calendar-store.h"
#include "mc-document-settings-page.h"
#include "mc-format.h"
#include "mc-preferences-window.h"
#include "mc-queue-admin.h"
#include "mc-settings.h"
#include "mc-unit.h"

struct _McPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkEntry             *hours[8];
  AdwActionRow         *days[8];
  AdwPreferencesGroup  *week;
  GtkSwitch            *culture;
  AdwEntryRow          *unit_name;
  AdwEntryRow          *unit_code;
  AdwEntryRow          *unit_place;
  AdwEntryRow          *counter_name;
  GtkSwitch            *print_directly;
  GtkSpinButton        *threshold;
  AdwPreferencesPage   *unit_page;
  gboolean              loading;  /* widgets being filled: their signals are not edits */
  gboolean              built;    /* the rows and pages that need the application */
};

G_DEFINE_FINAL_TYPE (McPreferencesWindow, mc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_APPLICATION, N_PROPS };

/* The application is the window's own (GtkWindow:application, given to
 * g_object_new): the window is one of the application's, so signing out
 * closes it with the others. */
static McApplication *
app_of (McPreferencesWindow *self)
{
  return MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* The subtitle says what the day is, or, while the hours typed are not
 * valid, why: a tooltip alone would hide the message from most clerks. */
static void
update_day_subtitle (McPreferencesWindow *self, int weekday, const char *problem)
{
  gboolean rest = mc_calendar_get_weekly_rest (mc_application_get_calendar (app_of (self)), weekday);

  if (self->days[weekday] == NULL)
    return;
  adw_action_row_set_subtitle (self->days[weekday],
                               problem ? problem : rest ? _("Weekly rest day") : _("Working day"));
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->days[weekday]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->days[weekday]), "error");
}

/* An empty entry is refused rather than read as "no office hours": it is
 * what the entry holds for a moment while a clerk retypes the hours, and a
 * working day without hours would silently stop every deadline on it. */
static gboolean
parse_hours (McPreferencesWindow *self, int weekday, McOfficeHours *hours, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hours[weekday]))));

  if (*text == '\0')
    {
      g_set_error_literal (error, MC_CALENDAR_ERROR, MC_CALENDAR_ERROR_INVALID,
                           _("Write the office hours, e.g. 07:00-11:30,13:30-17:00; "
                             "to close on this day, turn its switch off"));
      return FALSE;
    }
  return mc_office_hours_parse (text, hours, error);
}

static void
show_hours_problem (McPreferencesWindow *self, int weekday, const char *problem)
{
  GtkWidget *entry = GTK_WIDGET (self->hours[weekday]);

  if (problem)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, problem);
  update_day_subtitle (self, weekday, problem);
}

/* Saved when the clerk is done with the entry (Enter, leaving it, closing
 * the window), never per keystroke: the steps between two valid texts
 * ("07:00-11:30" on the way to "07:00-11:30,13:30-17:00") are not settings. */
static gboolean
save_hours (McPreferencesWindow *self, int weekday)
{
  g_autoptr(GError) error = NULL;
  McOfficeHours hours, current;

  if (!parse_hours (self, weekday, &hours, &error))
    {
      show_hours_problem (self, weekday, error->message);
      return FALSE;
    }
  show_hours_problem (self, weekday, NULL);
  mc_calendar_get_office_hours (mc_application_get_calendar (app_of (self)), weekday, &current);
  if (memcmp (&hours, &current, sizeof hours) == 0)
    return TRUE;
  if (!mc_calendar_store_set_office_hours (mc_application_get_db (app_of (self)), weekday, &hours, &error))
    {
      show_hours_problem (self, weekday, error->message);
      return FALSE;
    }
  mc_application_reload_calendar (app_of (self));
  return TRUE;
}

gboolean
mc_preferences_window_set_hours (McPreferencesWindow *self, int weekday, const char *text)
{
  g_return_val_if_fail (MC_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->hours[weekday]), text);
  return save_hours (self, weekday);
}

static int
weekday_of (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), "weekday"));
}

static void
hours_changed_cb (GtkEditable *entry, McPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  McOfficeHours hours;
  int weekday = weekday_of (entry);

  show_hours_problem (self, weekday, parse_hours (self, weekday, &hours, &error) ? NULL : error->message);
}

static void
hours_activate_cb (GtkEntry *entry, McPreferencesWindow *self)
{
  save_hours (self, weekday_of (entry));
}

static void
hours_leave_cb (GtkEventControllerFocus *focus, McPreferencesWindow *self)
{
  save_hours (self, weekday_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static gboolean
mc_preferences_window_close_request (GtkWindow *window)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (window);

  for (int w = 1; w <= 7; w++)
    if (self->hours[w] != NULL)
      save_hours (self, w);
  return GTK_WINDOW_CLASS (mc_preferences_window_parent_class)->close_request (window);
}

static void
working_day_cb (GtkSwitch *sw, GParamSpec *pspec, McPreferencesWindow *self)
{
  int weekday = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "weekday"));
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!mc_calendar_store_set_weekly_rest (mc_application_get_db (app_of (self)), weekday, !gtk_switch_get_active (sw), &error))
    g_warning ("%s", error->message);
  mc_application_reload_calendar (app_of (self));
  update_day_subtitle (self, weekday, NULL);
}

static void
culture_cb (McPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!mc_calendar_store_set_compensate_culture_day (mc_application_get_db (app_of (self)),
                                                     gtk_switch_get_active (self->culture), &error))
    g_warning ("%s", error->message);
  mc_application_reload_calendar (app_of (self));
}

static GtkEntry *
hours_entry (McPreferencesWindow *self, int weekday)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());
  GtkEventController *focus = gtk_event_controller_focus_new ();
  McOfficeHours h;
  g_autofree char *text = NULL;

  mc_calendar_get_office_hours (mc_application_get_calendar (app_of (self)), weekday, &h);
  text = mc_office_hours_to_string (&h);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_valign (GTK_WIDGET (entry), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 26);
  g_object_set_data (G_OBJECT (entry), "weekday", GINT_TO_POINTER (weekday));
  g_signal_connect (entry, "changed", G_CALLBACK (hours_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (hours_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (hours_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
  return entry;
}

/* A weekday's row: its name is core's (mc_format_weekday), so the seven
 * rows are made here rather than written in the template. */
static void
add_day_row (McPreferencesWindow *self, int weekday)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  self->hours[weekday] = hours_entry (self, weekday);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_format_weekday (weekday));
  self->days[weekday] = ADW_ACTION_ROW (row);
  update_day_subtitle (self, weekday, NULL);
  gtk_switch_set_active (GTK_SWITCH (sw), !mc_calendar_get_weekly_rest (mc_application_get_calendar (app_of (self)),
                                                                         weekday));
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (sw), "weekday", GINT_TO_POINTER (weekday));
  g_signal_connect (sw, "notify::active", G_CALLBACK (working_day_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->hours[weekday]));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (self->week, row);
}

static void
save_unit_cb (McPreferencesWindow *self)
{
  g_autoptr(McUnit) unit = g_object_new (MC_TYPE_UNIT,
                                         "code", gtk_editable_get_text (GTK_EDITABLE (self->unit_code)),
                                         "name", gtk_editable_get_text (GTK_EDITABLE (self->unit_name)),
                                         "place-name", gtk_editable_get_text (GTK_EDITABLE (self->unit_place)),
                                         NULL);
  g_autoptr(GError) error = NULL;

  if (!mc_unit_set_own (mc_application_get_db (app_of (self)), unit, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Unit saved")));
}

static void
threshold_changed_cb (McPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->threshold));
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!mc_settings_set (mc_application_get_db (app_of (self)), "apology.threshold", value, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
forget_printer_cb (McPreferencesWindow *self)
{
  GSettings *settings = mc_application_get_settings (app_of (self));

  if (settings == NULL)
    return;
  g_settings_reset (settings, "print-settings");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The next receipt opens the print dialog")));
}

static void
set_text (AdwEntryRow *row, const char *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

/* A setting that could not be read (busy, I/O error, damage): its control
 * is not offered, lest a default be saved over the unit's choice. */
static void
refuse_unread (McPreferencesWindow *self, GtkWidget *control, const GError *error)
{
  gtk_widget_set_sensitive (control, FALSE);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* The stored values into the template's widgets: not edits, so nothing is
 * written back (the culture day's and the threshold's handlers are quiet). */
static void
load_values (McPreferencesWindow *self)
{
  McApplication *app = app_of (self);
  g_autoptr(GError) culture_error = NULL;
  g_autoptr(GError) threshold_error = NULL;
  g_autofree char *culture = mc_db_get_setting (mc_application_get_db (app), "calendar.compensate_culture_day", "1",
                                                &culture_error);
  guint threshold = mc_workflow_get_apology_threshold (mc_application_get_workflow (app), &threshold_error);
  g_autoptr(McUnit) own = mc_unit_get_own (mc_application_get_db (app), NULL);
  GSettings *settings = mc_application_get_settings (app);

  self->loading = TRUE;
  gtk_switch_set_active (self->culture, g_strcmp0 (culture, "1") == 0);
  if (culture == NULL)
    refuse_unread (self, GTK_WIDGET (self->culture), culture_error);
  set_text (self->unit_name, own ? mc_unit_get_name (own) : NULL);
  set_text (self->unit_code, own ? mc_unit_get_code (own) : NULL);
  set_text (self->unit_place, own ? mc_unit_get_place_name (own) : NULL);
  if (threshold == 0)
    refuse_unread (self, GTK_WIDGET (self->threshold), threshold_error);
  else
    gtk_spin_button_set_value (self->threshold, threshold);
  if (settings)
    {
      g_settings_bind (settings, "counter-name", self->counter_name, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "print-receipts-directly", self->print_directly, "active", G_SETTINGS_BIND_DEFAULT);
    }
  self->loading = FALSE;
}

/* win.toast, as on the main window: its pages say what happened without
 * knowing which window holds them. */
static void
toast_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (widget),
                                    adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* What the window shows needs its application: the weekday rows, the
 * stored values, and the pages made by other files. */
static void
build (McPreferencesWindow *self, McApplication *app)
{
  for (int w = 1; w <= 7; w++)
    add_day_row (self, w);
  load_values (self);
  /* This computer's counter for every desk, the queue's window for the administrator. */
  adw_preferences_page_add (self->unit_page, ADW_PREFERENCES_GROUP (mc_queue_admin_preferences_group_new (app)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (mc_document_settings_page_new (app)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), mc_board_preferences_page_new (app));
  self->built = TRUE;
}

static void
mc_preferences_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, gtk_window_get_application (GTK_WINDOW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GtkWindow:application is not a construct property: g_object_new sets it
 * after constructed, so the window is built when it is first given one. */
static void
mc_preferences_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McPreferencesWindow *self = MC_PREFERENCES_WINDOW (object);
  GtkApplication *app = g_value_get_object (value);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_return_if_fail (app == NULL || MC_IS_APPLICATION (app));
      gtk_window_set_application (GTK_WINDOW (self), app);
      if (app != NULL && !self->built)
        build (self, MC_APPLICATION (app));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (mc_preferences_window_parent_class)->dispose (object);
}

static void
mc_preferences_window_class_init (McPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_preferences_window_dispose;
  object_class->get_property = mc_preferences_window_get_property;
  object_class->set_property = mc_preferences_window_set_property;
  g_object_class_override_property (object_class, PROP_APPLICATION, "application");
  GTK_WINDOW_CLASS (klass)->close_request = mc_preferences_window_close_request;
  /* The title from our catalog (the template's): the menu item and the window say the same word. */
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, week);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, culture);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, unit_name);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, unit_code);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, unit_place);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, counter_name);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, print_directly);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, threshold);
  gtk_widget_class_bind_template_child (widget_class, McPreferencesWindow, unit_page);
  gtk_widget_class_bind_template_callback (widget_class, culture_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_unit_cb);
  gtk_widget_class_bind_template_callback (widget_class, forget_printer_cb);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_cb);
}

static void
mc_preferences_window_init (McPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

McPreferencesWindow *
mc_preferences_window_new (McApplication *app)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  return g_object_new (MC_TYPE_PREFERENCES_WINDOW, "application", app, NULL);
}

void
mc_preferences_window_set_apology_threshold (McPreferencesWindow *self, guint threshold)
{
  g_return_if_fail (MC_IS_PREFERENCES_WINDOW (self));

  gtk_spin_button_set_value (self->threshold, threshold);
}
