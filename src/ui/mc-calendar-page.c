/* mc-calendar-page.c — Lịch làm việc: a month of working days, holidays and lunar dates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every cell is drawn from the shared McCalendar, the same object that
 * computes deadlines: what the administrator sees here is exactly what the
 * appointments use. The page redraws on the calendar's ::changed signal.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar-page.h"
#include "mc-wrap-box.h"
#include "mc-calendar-store.h"
#include "mc-format.h"
#include "mc-lunar.h"
#include "mc-session.h"

struct _McCalendarPage
{
  AdwBin          parent_instance;

  McApplication  *app;
  int             year, month;
  McDate          selected;
  gboolean        may_edit;        /* MC_PERMISSION_ADMINISTER */
  GtkLabel       *title;
  GtkGrid        *grid;
  GtkSwitch      *announced;
  GtkLabel       *details;
  GtkButton      *edit_button;
  GtkButton      *remove_button;
  GtkLabel       *year_title;
  GtkListBox     *days_off;
  GHashTable     *cells;       /* McDate → GtkWidget* of the shown month */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (McCalendarPage, mc_calendar_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_APPLICATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void redraw (McCalendarPage *self);

static McCalendar *
calendar_of (McCalendarPage *self)
{
  return mc_application_get_calendar (self->app);
}

static const char *
kind_label (McDayKind kind)
{
  switch (kind)
    {
    case MC_DAY_WEEKEND: return _("Weekly rest day");
    case MC_DAY_HOLIDAY: return _("Holiday");
    case MC_DAY_COMPENSATORY: return _("Compensatory day off");
    case MC_DAY_SWAPPED_WORK: return _("Working day (make-up)");
    case MC_DAY_WORKING:
    default: return _("Working day");
    }
}

static const char *
kind_class (McDayKind kind)
{
  static const char *const classes[] = { "working", "weekend", "holiday", "compensatory", "swapped" };

  return classes[kind];
}

static char *
lunar_text (McDate date, gboolean with_year)
{
  McLunarDate l;

  if (!mc_lunar_from_solar (date, &l))
    return g_strdup ("");
  if (with_year)
    {
      g_autofree char *year = mc_lunar_year_name (l.year);
      g_autofree char *formatted = mc_lunar_format (&l);
      return g_strdup_printf ("%s (%s)", formatted, year);
    }
  return g_strdup_printf ("%d/%d%s", l.day, l.month, l.leap ? "N" : "");
}

static void
day_clicked_cb (GtkButton *button, McCalendarPage *self)
{
  mc_calendar_page_select (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "date")));
}

static GtkWidget *
make_cell (McCalendarPage *self, McDate date, gboolean in_month)
{
  McCalendar *cal = calendar_of (self);
  McDayKind kind = mc_calendar_get_day_kind (cal, date);
  const char *name = mc_calendar_get_day_name (cal, date);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  int d;
  g_autofree char *number = NULL, *lunar = lunar_text (date, FALSE);
  GtkWidget *day_label, *lunar_label, *name_label;

  mc_date_to_ymd (date, NULL, NULL, &d);
  number = g_strdup_printf ("%d", d);
  day_label = gtk_label_new (number);
  gtk_widget_add_css_class (day_label, "day-number");
  lunar_label = gtk_label_new (lunar);
  gtk_widget_add_css_class (lunar_label, "lunar");
  gtk_widget_set_hexpand (lunar_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (lunar_label), 1);
  gtk_label_set_xalign (GTK_LABEL (day_label), 0);
  gtk_box_append (GTK_BOX (top), day_label);
  gtk_box_append (GTK_BOX (top), lunar_label);
  name_label = gtk_label_new (name ? name : "");
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_label_set_lines (GTK_LABEL (name_label), 2);
  /* A holiday's name asked for its whole length on one line: the seven
   * equal columns made the page's natural width 3.277 px. */
  gtk_label_set_max_width_chars (GTK_LABEL (name_label), 6);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_widget_add_css_class (name_label, "day-name");
  gtk_widget_set_tooltip_text (button, name);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "day-cell");
  gtk_widget_add_css_class (button, kind_class (kind));
  if (!in_month)
    gtk_widget_add_css_class (button, "other-month");
  if (mc_calendar_day_is_exception (cal, date))
    gtk_widget_add_css_class (button, "exception");
  if (date == mc_time_get_date (mc_time_now ()))
    gtk_widget_add_css_class (button, "today");
  if (date == self->selected)
    gtk_widget_add_css_class (button, "selected-day");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_vexpand (button, TRUE);
  g_object_set_data (G_OBJECT (button), "date", GINT_TO_POINTER (date));
  g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
  return button;
}

static void
clear_grid (McCalendarPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->cells);
}

static void
fill_grid (McCalendarPage *self)
{
  McDate first = mc_date_from_ymd (self->year, self->month, 1);
  McDate start = first - (mc_date_weekday (first) - 1);

  clear_grid (self);
  for (int w = 1; w <= 7; w++)
    {
      GtkWidget *header = gtk_label_new (mc_format_weekday (w));
      gtk_widget_add_css_class (header, "heading");
      gtk_grid_attach (self->grid, header, w - 1, 0, 1, 1);
    }
  for (int i = 0; i < 42; i++)
    {
      McDate date = start + i;
      int m;
      GtkWidget *cell;

      mc_date_to_ymd (date, NULL, &m, NULL);
      cell = make_cell (self, date, m == self->month);
      gtk_grid_attach (self->grid, cell, i % 7, 1 + i / 7, 1, 1);
      if (m == self->month)
        g_hash_table_insert (self->cells, GINT_TO_POINTER (date), cell);
    }
}

static void
fill_days_off (McCalendarPage *self)
{
  g_autoptr(GPtrArray) days = mc_calendar_list_days_off (calendar_of (self), self->year);
  g_autofree char *title = g_strdup_printf (_("Days off and make-up days in %d"), self->year);
  GtkWidget *child;

  gtk_label_set_text (self->year_title, title);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_off))) != NULL)
    gtk_list_box_remove (self->days_off, child);
  for (guint i = 0; i < days->len; i++)
    {
      McCalendarDay *day = days->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = mc_format_date (day->date);
      g_autofree char *subtitle = g_strdup_printf ("%s, %s — %s", mc_format_weekday (mc_date_weekday (day->date)),
                                                   date, kind_label (day->kind));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->days_off, row);
    }
}

static void
fill_details (McCalendarPage *self)
{
  McCalendar *cal = calendar_of (self);
  McDate d = self->selected;
  g_autofree char *full = mc_format_date_full (d);
  g_autofree char *lunar = lunar_text (d, TRUE);
  const char *name = mc_calendar_get_day_name (cal, d);
  int minutes = mc_calendar_day_minutes (cal, d);
  gboolean exception = mc_calendar_day_is_exception (cal, d);
  g_autofree char *number = mc_format_decimal (minutes / 60.0, 2);
  /* Translators: working hours in a day; %s is a number such as 8 or 7,5 */
  g_autofree char *hours = g_strdup_printf (_("%s h"), number);
  g_autofree char *text = g_strdup_printf ("<b>%s</b>\n%s %s\n%s%s%s\n%s %s", full, _("Lunar date:"), lunar,
                                           kind_label (mc_calendar_get_day_kind (cal, d)),
                                           name ? " — " : "", name ? name : "",
                                           _("Office hours:"), hours);

  gtk_label_set_markup (self->details, text);
  gtk_button_set_label (self->edit_button, exception ? _("_Edit exception…") : _("_Add exception…"));
  /* Editing the calendar is the administrator's (core's rule). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.remove-exception", exception && self->may_edit);
}

static void
redraw (McCalendarPage *self)
{
  g_autofree char *title = g_strdup_printf (_("Month %d, %d"), self->month, self->year);

  gtk_label_set_text (self->title, title);
  self->updating = TRUE;
  gtk_switch_set_active (self->announced, mc_calendar_get_year_announced (calendar_of (self), self->year));
  self->updating = FALSE;
  fill_grid (self);
  fill_days_off (self);
  fill_details (self);
}

static void
move_month (McCalendarPage *self, int delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  mc_calendar_page_show_month (self, index / 12, index % 12 + 1);
}

static void
month_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (widget);
  int y, m;

  if (g_str_equal (action_name, "calendar.previous"))
    move_month (self, -1);
  else if (g_str_equal (action_name, "calendar.next"))
    move_month (self, 1);
  else
    {
      McDate today = mc_time_get_date (mc_time_now ());
      mc_date_to_ymd (today, &y, &m, NULL);
      self->selected = today;
      mc_calendar_page_show_month (self, y, m);
    }
}

static void
announced_cb (McCalendarPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!mc_calendar_store_set_year_announced (mc_application_get_db (self->app), self->year,
                                             gtk_switch_get_active (self->announced), &error))
    g_warning ("%s", error->message);
  mc_application_reload_calendar (self->app);
}

typedef struct {
  McCalendarPage *page;
  McDate          date;
  GtkDropDown    *kind;
  GtkEntry       *name;
} ExceptionDialog;

static void
name_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
exception_response_cb (AdwMessageDialog *dialog, const char *response, ExceptionDialog *data)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save") &&
      !mc_calendar_page_set_exception (data->page, data->date,
                                       (McExceptionKind) gtk_drop_down_get_selected (data->kind),
                                       gtk_editable_get_text (GTK_EDITABLE (data->name)), &error))
    {
      AdwMessageDialog *alert = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
          GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (data->page))), _("The day was not saved"), error->message));
      adw_message_dialog_add_response (alert, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  g_free (data);
}

static void
edit_exception_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (widget);
  McCalendar *cal = calendar_of (self);
  g_autofree char *date = mc_format_date_full (self->selected);
  const char *kinds[] = { _("Day off"), _("Compensatory day off"), _("Working day"), NULL };
  ExceptionDialog *data = g_new0 (ExceptionDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), _("Exception to the working week"), date));
  McDayKind kind = mc_calendar_get_day_kind (cal, self->selected);

  data->page = self;
  data->date = self->selected;
  data->kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  data->name = GTK_ENTRY (gtk_entry_new ());
  gtk_drop_down_set_selected (data->kind, kind == MC_DAY_COMPENSATORY ? 1 : mc_calendar_is_working_day (cal, self->selected) ? 0 : 2);
  gtk_entry_set_placeholder_text (data->name, _("Name, e.g. “Làm bù cho thứ Hai 29/4”"));
  if (mc_calendar_day_is_exception (cal, self->selected))
    gtk_editable_set_text (GTK_EDITABLE (data->name), mc_calendar_get_day_name (cal, self->selected));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->name));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_signal_connect (data->name, "changed", G_CALLBACK (name_changed_cb), dialog);
  name_changed_cb (GTK_EDITABLE (data->name), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (exception_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_exception_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mc_calendar_page_remove_exception (self, self->selected, &error))
    g_warning ("%s", error->message);
}

static void
mc_calendar_page_dispose (GObject *object)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (object);

  g_clear_pointer (&self->cells, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CALENDAR_PAGE);
  G_OBJECT_CLASS (mc_calendar_page_parent_class)->dispose (object);
}

/* Who may edit and what the calendar says come from the application, the
 * page opening on today's month. */
static void
mc_calendar_page_constructed (GObject *object)
{
  McCalendarPage *self = MC_CALENDAR_PAGE (object);
  McDate today = mc_time_get_date (mc_time_now ());

  G_OBJECT_CLASS (mc_calendar_page_parent_class)->constructed (object);
  g_return_if_fail (MC_IS_APPLICATION (self->app));
  self->may_edit = mc_session_may (self->app, MC_PERMISSION_ADMINISTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.edit-exception", self->may_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->announced), self->may_edit);
  self->selected = today;
  mc_date_to_ymd (today, &self->year, &self->month, NULL);
  g_signal_connect_object (calendar_of (self), "changed", G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
  redraw (self);
}

static void
mc_calendar_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, MC_CALENDAR_PAGE (object)->app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_calendar_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      MC_CALENDAR_PAGE (object)->app = g_value_get_object (value);  /* it outlives its windows */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_calendar_page_class_init (McCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_calendar_page_constructed;
  object_class->dispose = mc_calendar_page_dispose;
  object_class->get_property = mc_calendar_page_get_property;
  object_class->set_property = mc_calendar_page_set_property;
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (MC_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, title);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, grid);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, details);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, year_title);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, announced);
  gtk_widget_class_bind_template_child (widget_class, McCalendarPage, days_off);
  gtk_widget_class_bind_template_callback (widget_class, announced_cb);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, month_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, month_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, month_action_cb);
  gtk_widget_class_install_action (widget_class, "calendar.edit-exception", NULL, edit_exception_cb);
  gtk_widget_class_install_action (widget_class, "calendar.remove-exception", NULL, remove_exception_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "calendar.today", NULL);
}

static void
mc_calendar_page_init (McCalendarPage *self)
{
  self->cells = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

McCalendarPage *
mc_calendar_page_new (McApplication *app)
{
  return g_object_new (MC_TYPE_CALENDAR_PAGE, "application", app, NULL);
}

void
mc_calendar_page_show_month (McCalendarPage *self, int year, int month)
{
  g_return_if_fail (MC_IS_CALENDAR_PAGE (self));

  self->year = CLAMP (year, MC_CALENDAR_FIRST_YEAR, MC_CALENDAR_LAST_YEAR);
  self->month = month;
  redraw (self);
}

/* Within the shown month only the highlight moves: rebuilding the grid would
 * destroy the focused cell and send the keyboard focus back to the first one. */
void
mc_calendar_page_select (McCalendarPage *self, McDate date)
{
  GtkWidget *old_cell, *new_cell;
  int y, m;

  g_return_if_fail (MC_IS_CALENDAR_PAGE (self));

  old_cell = g_hash_table_lookup (self->cells, GINT_TO_POINTER (self->selected));
  new_cell = g_hash_table_lookup (self->cells, GINT_TO_POINTER (date));
  self->selected = date;
  if (new_cell != NULL)
    {
      if (old_cell != NULL)
        gtk_widget_remove_css_class (old_cell, "selected-day");
      gtk_widget_add_css_class (new_cell, "selected-day");
      fill_details (self);
      return;
    }
  mc_date_to_ymd (date, &y, &m, NULL);
  mc_calendar_page_show_month (self, y, m);
}

GtkWidget *
mc_calendar_page_get_cell (McCalendarPage *self, McDate date)
{
  return g_hash_table_lookup (self->cells, GINT_TO_POINTER (date));
}

gboolean
mc_calendar_page_set_exception (McCalendarPage *self, McDate date, McExceptionKind kind, const char *name,
                                GError **error)
{
  if (!mc_calendar_store_set_exception (mc_application_get_db (self->app), date, kind, name, error))
    return FALSE;
  mc_application_reload_calendar (self->app);
  return TRUE;
}

gboolean
mc_calendar_page_remove_exception (McCalendarPage *self, McDate date, GError **error)
{
  if (!mc_calendar_store_remove_exception (mc_application_get_db (self->app), date, error))
    return FALSE;
  mc_application_reload_calendar (self->app);
  return TRUE;
}
