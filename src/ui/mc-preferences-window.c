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
#include "mc-settings.h"
#include "mc-unit.h"

struct _McPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  McApplication        *app;
  GtkEntry             *hours[8];
  AdwActionRow         *days[8];
  AdwEntryRow          *unit_name;
  AdwEntryRow          *unit_code;
  AdwEntryRow          *unit_place;
  GtkSpinButton        *threshold;
};

G_DEFINE_FINAL_TYPE (McPreferencesWindow, mc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The subtitle says what the day is, or, while the hours typed are not
 * valid, why: a tooltip alone would hide the message from most clerks. */
static void
update_day_subtitle (McPreferencesWindow *self, int weekday, const char *problem)
{
  gboolean rest = mc_calendar_get_weekly_rest (mc_application_get_calendar (self->app), weekday);

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
  mc_calendar_get_office_hours (mc_application_get_calendar (self->app), weekday, &current);
  if (memcmp (&hours, &current, sizeof hours) == 0)
    return TRUE;
  if (!mc_calendar_store_set_office_hours (mc_application_get_db (self->app), weekday, &hours, &error))
    {
      show_hours_problem (self, weekday, error->message);
      return FALSE;
    }
  mc_application_reload_calendar (self->app);
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

  if (!mc_calendar_store_set_weekly_rest (mc_application_get_db (self->app), weekday, !gtk_switch_get_active (sw), &error))
    g_warning ("%s", error->message);
  mc_application_reload_calendar (self->app);
  update_day_subtitle (self, weekday, NULL);
}

static void
culture_cb (GtkSwitch *sw, GParamSpec *pspec, McPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!mc_calendar_store_set_compensate_culture_day (mc_application_get_db (self->app), gtk_switch_get_active (sw), &error))
    g_warning ("%s", error->message);
  mc_application_reload_calendar (self->app);
}

static GtkWidget *
switch_suffix (gboolean active, GCallback cb, gpointer data, int weekday)
{
  GtkWidget *sw = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (sw), "weekday", GINT_TO_POINTER (weekday));
  g_signal_connect (sw, "notify::active", cb, data);
  return sw;
}

static AdwPreferencesPage *
hours_page (McPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *week = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *holidays = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  McCalendar *cal = mc_application_get_calendar (self->app);
  GtkWidget *culture = adw_action_row_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *culture_value = mc_db_get_setting (mc_application_get_db (self->app),
                                                      "calendar.compensate_culture_day", "1", &error);
  GtkWidget *culture_switch;

  adw_preferences_page_set_title (page, _("Working hours"));
  adw_preferences_page_set_icon_name (page, "preferences-system-time-symbolic");
  adw_preferences_group_set_title (week, _("Office hours"));
  adw_preferences_group_set_description (week, _("Periods of each day, e.g. 07:00-11:30,13:30-17:00. "
                                                 "Due dates are counted in these hours."));
  for (int w = 1; w <= 7; w++)
    {
      GtkWidget *row = adw_action_row_new ();
      McOfficeHours h;
      g_autofree char *text = NULL;
      GtkEventController *focus;

      mc_calendar_get_office_hours (cal, w, &h);
      text = mc_office_hours_to_string (&h);
      self->hours[w] = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_text (GTK_EDITABLE (self->hours[w]), text);
      gtk_widget_set_valign (GTK_WIDGET (self->hours[w]), GTK_ALIGN_CENTER);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->hours[w]), 26);
      g_object_set_data (G_OBJECT (self->hours[w]), "weekday", GINT_TO_POINTER (w));
      g_signal_connect (self->hours[w], "changed", G_CALLBACK (hours_changed_cb), self);
      g_signal_connect (self->hours[w], "activate", G_CALLBACK (hours_activate_cb), self);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (hours_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self->hours[w]), focus);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_format_weekday (w));
      self->days[w] = ADW_ACTION_ROW (row);
      update_day_subtitle (self, w, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->hours[w]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), switch_suffix (!mc_calendar_get_weekly_rest (cal, w),
                                                                      G_CALLBACK (working_day_cb), self, w));
      adw_preferences_group_add (week, row);
    }
  adw_preferences_group_set_title (holidays, _("Holidays"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (culture), _("Make up Ngày Văn hóa Việt Nam (24/11)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (culture),
                               _("When 24 November falls on a weekend, the next working day is off"));
  culture_switch = switch_suffix (g_strcmp0 (culture_value, "1") == 0, G_CALLBACK (culture_cb), self, 0);
  /* Unread: the switch is not offered, lest a default be saved over the unit's choice. */
  if (culture_value == NULL)
    {
      gtk_widget_set_sensitive (culture_switch, FALSE);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (culture), culture_switch);
  adw_preferences_group_add (holidays, culture);
  adw_preferences_page_add (page, week);
  adw_preferences_page_add (page, holidays);
  return page;
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

  if (!mc_unit_set_own (mc_application_get_db (self->app), unit, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Unit saved")));
}

static AdwEntryRow *
unit_row (AdwPreferencesGroup *group, const char *title, const char *value, McPreferencesWindow *self)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (save_unit_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
threshold_changed_cb (GtkSpinButton *spin, McPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  g_autoptr(GError) error = NULL;

  if (!mc_settings_set (mc_application_get_db (self->app), "apology.threshold", value, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* A provincial rule: how many apologies in a year flag a person for discipline. */
static AdwPreferencesGroup *
rules_group (McPreferencesWindow *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 99, 1);

  adw_preferences_group_set_title (group, _("Provincial rules"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Apologies in a year that flag a person"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Staff responsible for this many apology letters (Mẫu 04) or more are listed in the apology register"));
  g_autoptr(GError) error = NULL;
  guint threshold = mc_workflow_get_apology_threshold (mc_application_get_workflow (self->app), &error);

  /* Unread: the spin is not offered, lest a default be saved over the unit's choice. */
  if (threshold == 0)
    {
      gtk_widget_set_sensitive (spin, FALSE);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
    }
  else
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), threshold);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_signal_connect (spin, "value-changed", G_CALLBACK (threshold_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  self->threshold = GTK_SPIN_BUTTON (spin);
  return group;
}

static void
forget_printer_cb (GtkButton *button, McPreferencesWindow *self)
{
  GSettings *settings = mc_application_get_settings (self->app);

  if (settings == NULL)
    return;
  g_settings_reset (settings, "print-settings");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The next receipt opens the print dialog")));
}

/* Receipts straight to the printer chosen once; Ctrl+P prints the last again. */
static void
add_printing_rows (McPreferencesWindow *self, AdwPreferencesGroup *group, GSettings *settings)
{
  GtkWidget *direct = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *forget = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose again"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (direct), _("Print receipts without the print dialog"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (direct),
                               _("After the first receipt, straight to the printer chosen then. "
                                 "Ctrl+P on Reception prints the last receipt again."));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  if (settings)
    g_settings_bind (settings, "print-receipts-directly", toggle, "active", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (direct), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (direct), toggle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (forget), _("Printer"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (forget), _("Forget the printer: the next receipt asks for one"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (forget_printer_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (forget), button);
  adw_preferences_group_add (group, direct);
  adw_preferences_group_add (group, forget);
}

static AdwPreferencesPage *
unit_page (McPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *counter = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(McUnit) own = mc_unit_get_own (mc_application_get_db (self->app), NULL);
  AdwEntryRow *counter_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GSettings *settings = mc_application_get_settings (self->app);

  adw_preferences_page_set_title (page, _("Unit"));
  adw_preferences_page_set_icon_name (page, "system-users-symbolic");
  adw_preferences_group_set_title (group, _("The unit receiving dossiers"));
  adw_preferences_group_set_description (group, _("Printed on receipts and reports; the code starts every dossier code."));
  self->unit_name = unit_row (group, _("Name"), own ? mc_unit_get_name (own) : NULL, self);
  self->unit_code = unit_row (group, _("Identification code"), own ? mc_unit_get_code (own) : NULL, self);
  self->unit_place = unit_row (group, _("Place name (địa danh)"), own ? mc_unit_get_place_name (own) : NULL, self);
  adw_preferences_group_set_title (counter, _("This computer"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (counter_row), _("Counter name"));
  if (settings)
    g_settings_bind (settings, "counter-name", counter_row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (counter, GTK_WIDGET (counter_row));
  add_printing_rows (self, counter, settings);
  adw_preferences_page_add (page, group);
  adw_preferences_page_add (page, counter);
  adw_preferences_page_add (page, rules_group (self));
  return page;
}

/* win.toast, as on the main window: its pages say what happened without
 * knowing which window holds them. */
static void
toast_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (widget),
                                    adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
mc_preferences_window_class_init (McPreferencesWindowClass *klass)
{
  GTK_WINDOW_CLASS (klass)->close_request = mc_preferences_window_close_request;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.toast", "s", toast_cb);
}

static void
mc_preferences_window_init (McPreferencesWindow *self)
{
}

McPreferencesWindow *
mc_preferences_window_new (McApplication *app)
{
  /* The title from our catalog: the menu item and the window say the same word. */
  McPreferencesWindow *self = g_object_new (MC_TYPE_PREFERENCES_WINDOW, "title", _("Preferences"),
                                            "default-width", 760, "default-height", 720,
                                            "search-enabled", FALSE, NULL);

  self->app = app;
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), hours_page (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), unit_page (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (mc_document_settings_page_new (app)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), mc_board_preferences_page_new (app));
  return self;
}

void
mc_preferences_window_set_apology_threshold (McPreferencesWindow *self, guint threshold)
{
  g_return_if_fail (MC_IS_PREFERENCES_WINDOW (self));

  gtk_spin_button_set_value (self->threshold, threshold);
}
