/* mc-board-preferences.c — the display board's page of the preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Monitor and page duration belong to this PC (GSettings); the ticker's
 * announcements to the center (the database), so the board of a separate
 * lobby PC shows what the clerk typed here, within a second.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-announcement.h"
#include "mc-board-preferences.h"
#include "mc-speech.h"

struct _McBoardPreferences
{
  AdwPreferencesPage   parent_instance;

  McApplication       *app;
  GPtrArray           *rows;  /* the announcement rows, removed on refresh */

  /* Template widgets */
  GtkSpinButton       *monitor;
  GtkSpinButton       *seconds;
  GtkSwitch           *speak;
  GtkSpinButton       *volume;
  GtkSwitch           *say_le;
  GtkSwitch           *say_bon;
  AdwEntryRow         *quiet;
  AdwEntryRow         *clips;
  AdwPreferencesGroup *ticker;
  AdwEntryRow         *add;
};

G_DEFINE_FINAL_TYPE (McBoardPreferences, mc_board_preferences, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_APPLICATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void refresh (McBoardPreferences *self);

static McDb *
db_of (McBoardPreferences *self)
{
  return mc_application_get_db (self->app);
}

/* The page tells its window through win.toast, as every page does (the
 * preferences window and the main window install it): it does not know its
 * window. Outside one (a test) the action is not found and nobody is told. */
static void
toast (McBoardPreferences *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static gint64
row_id (gpointer row)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "announcement-id"));
}

/* The rows are rebuilt after each edit, which took the focus from the
 * button pressed and gave it to the first announcement's text, all of it
 * selected: the next key typed would have replaced it. The focus goes back
 * to the same control of the same announcement (`what`: "up-button" or
 * "active-switch"), or to the new announcement's entry. */
static void
restore_focus (McBoardPreferences *self, gint64 id, const char *what)
{
  for (guint i = 0; id != 0 && i < self->rows->len; i++)
    if (row_id (self->rows->pdata[i]) == id)
      {
        GtkWidget *control = g_object_get_data (G_OBJECT (self->rows->pdata[i]), what);
        if (!gtk_widget_get_sensitive (control))  /* moved to the top */
          control = g_object_get_data (G_OBJECT (self->rows->pdata[i]), "active-switch");
        gtk_widget_grab_focus (control);
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->add));
}

/* Runs an edit; on failure says why and keeps what the clerk typed. */
static void
report (McBoardPreferences *self, gboolean ok, GError *error, gint64 focus_id, const char *focus_what)
{
  if (!ok)
    {
      toast (self, error->message);
      g_error_free (error);
      return;
    }
  refresh (self);
  restore_focus (self, focus_id, focus_what);
}

static void
apply_cb (AdwEntryRow *row, McBoardPreferences *self)
{
  GtkSwitch *active = g_object_get_data (G_OBJECT (row), "active-switch");
  GError *error = NULL;
  gboolean ok = mc_announcement_update (db_of (self), row_id (row), gtk_editable_get_text (GTK_EDITABLE (row)),
                                        gtk_switch_get_active (active), &error);
  report (self, ok, error, row_id (row), "active-switch");
}

static void
active_cb (GtkSwitch *sw, GParamSpec *pspec, McBoardPreferences *self)
{
  apply_cb (g_object_get_data (G_OBJECT (sw), "row"), self);
}

static void
remove_cb (GtkButton *button, McBoardPreferences *self)
{
  GError *error = NULL;
  gboolean ok = mc_announcement_remove (db_of (self), row_id (button), &error);
  report (self, ok, error, 0, NULL);
}

static void
up_cb (GtkButton *button, McBoardPreferences *self)
{
  GError *error = NULL;
  gboolean ok = mc_announcement_move (db_of (self), row_id (button), -1, &error);
  report (self, ok, error, row_id (button), "up-button");
}

static void
add_cb (McBoardPreferences *self, AdwEntryRow *row)
{
  GError *error = NULL;
  gboolean ok = mc_announcement_add (db_of (self), gtk_editable_get_text (GTK_EDITABLE (row)), &error) != 0;

  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  report (self, ok, error, 0, NULL);
}

static GtkWidget *
icon_button (McBoardPreferences *self, const char *icon, const char *tooltip, gint64 id, GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "announcement-id", GSIZE_TO_POINTER (id));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* One announcement: its text (applied with Enter or the check mark), shown
 * or hidden, moved up, removed. */
static GtkWidget *
announcement_row (McBoardPreferences *self, const McAnnouncement *a, gboolean first)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkWidget *active = gtk_switch_new ();
  GtkWidget *up = icon_button (self, "go-up-symbolic", _("Move up"), a->id, G_CALLBACK (up_cb));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->active ? _("Shown") : _("Hidden"));
  gtk_editable_set_text (GTK_EDITABLE (row), a->text);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data (G_OBJECT (row), "announcement-id", GSIZE_TO_POINTER (a->id));
  g_object_set_data (G_OBJECT (row), "active-switch", active);
  g_object_set_data (G_OBJECT (row), "up-button", up);
  g_object_set_data (G_OBJECT (active), "row", row);
  gtk_switch_set_active (GTK_SWITCH (active), a->active);
  gtk_widget_set_valign (active, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (active, _("Show on the board"));
  gtk_widget_set_sensitive (up, !first);
  adw_entry_row_add_suffix (row, active);
  adw_entry_row_add_suffix (row, up);
  adw_entry_row_add_suffix (row, icon_button (self, "user-trash-symbolic", _("Remove"), a->id,
                                              G_CALLBACK (remove_cb)));
  g_signal_connect (row, "apply", G_CALLBACK (apply_cb), self);
  g_signal_connect (active, "notify::active", G_CALLBACK (active_cb), self);
  return GTK_WIDGET (row);
}

static void
refresh (McBoardPreferences *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mc_announcement_list (db_of (self), FALSE, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->ticker, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (list == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      GtkWidget *row = announcement_row (self, list->pdata[i], i == 0);
      adw_preferences_group_add (self->ticker, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* The monitor is shown from 1, stored from 0. */
static void
monitor_changed_cb (McBoardPreferences *self, GtkSpinButton *spin)
{
  g_settings_set_int (mc_application_get_settings (self->app), "liveboard-monitor",
                      gtk_spin_button_get_value_as_int (spin) - 1);
}

static void
seconds_changed_cb (McBoardPreferences *self, GtkSpinButton *spin)
{
  g_settings_set_int (mc_application_get_settings (self->app), "liveboard-page-seconds",
                      gtk_spin_button_get_value_as_int (spin));
}

static void
speak_changed_cb (McBoardPreferences *self)
{
  g_settings_set_boolean (mc_application_get_settings (self->app), "liveboard-speak",
                          gtk_switch_get_active (self->speak));
}

static void
volume_changed_cb (McBoardPreferences *self, GtkSpinButton *spin)
{
  g_settings_set_int (mc_application_get_settings (self->app), "liveboard-volume",
                      gtk_spin_button_get_value_as_int (spin));
}

/* Saved in one form, "11:30-13:00"; a wrong one is refused and kept in
 * the entry to correct. */
static void
quiet_apply_cb (McBoardPreferences *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int from, to;

  if (!mc_speech_quiet_parse (gtk_editable_get_text (GTK_EDITABLE (self->quiet)), &from, &to, &error))
    {
      toast (self, error->message);
      return;
    }
  text = from < 0 ? g_strdup ("") : g_strdup_printf ("%02d:%02d-%02d:%02d", from / 60, from % 60, to / 60, to % 60);
  g_settings_set_string (mc_application_get_settings (self->app), "liveboard-quiet-period", text);
  gtk_editable_set_text (GTK_EDITABLE (self->quiet), text);
}

static void
clips_apply_cb (McBoardPreferences *self)
{
  g_autofree char *folder = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clips))));
  g_autofree char *message = NULL;

  if (*folder != '\0' && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      message = g_strdup_printf (_("%s is not a folder"), folder);
      toast (self, message);
      return;
    }
  g_settings_set_string (mc_application_get_settings (self->app), "liveboard-clips", folder);
}

static void
show_speech_settings (McBoardPreferences *self, GSettings *settings)
{
  g_autofree char *quiet = g_settings_get_string (settings, "liveboard-quiet-period");
  g_autofree char *clips = g_settings_get_string (settings, "liveboard-clips");

  gtk_switch_set_active (self->speak, g_settings_get_boolean (settings, "liveboard-speak"));
  /* The switches write their keys themselves. */
  g_settings_bind (settings, "liveboard-say-le", self->say_le, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "liveboard-say-bon", self->say_bon, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_spin_button_set_value (self->volume, g_settings_get_int (settings, "liveboard-volume"));
  gtk_editable_set_text (GTK_EDITABLE (self->quiet), quiet);
  gtk_editable_set_text (GTK_EDITABLE (self->clips), clips);
  g_signal_connect_object (self->speak, "notify::active", G_CALLBACK (speak_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->volume, "value-changed", G_CALLBACK (volume_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The controls show this PC's settings and write them as they change;
 * without settings (no schema installed) they are greyed. */
static void
show_settings (McBoardPreferences *self)
{
  GSettings *settings = mc_application_get_settings (self->app);
  GtkWidget *controls[] = { GTK_WIDGET (self->monitor), GTK_WIDGET (self->seconds), GTK_WIDGET (self->speak),
                            GTK_WIDGET (self->volume), GTK_WIDGET (self->say_le), GTK_WIDGET (self->say_bon),
                            GTK_WIDGET (self->quiet), GTK_WIDGET (self->clips) };

  for (gsize i = 0; i < G_N_ELEMENTS (controls); i++)
    gtk_widget_set_sensitive (controls[i], settings != NULL);
  if (settings == NULL)
    return;
  show_speech_settings (self, settings);
  gtk_spin_button_set_value (self->monitor, g_settings_get_int (settings, "liveboard-monitor") + 1);
  gtk_spin_button_set_value (self->seconds, g_settings_get_int (settings, "liveboard-page-seconds"));
  g_signal_connect_object (self->monitor, "value-changed", G_CALLBACK (monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->seconds, "value-changed", G_CALLBACK (seconds_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
open_board_cb (McBoardPreferences *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self->app), "liveboard", NULL);
}

static void
mc_board_preferences_constructed (GObject *object)
{
  McBoardPreferences *self = MC_BOARD_PREFERENCES (object);

  G_OBJECT_CLASS (mc_board_preferences_parent_class)->constructed (object);
  g_return_if_fail (MC_IS_APPLICATION (self->app));
  show_settings (self);
  refresh (self);
}

static void
mc_board_preferences_dispose (GObject *object)
{
  McBoardPreferences *self = MC_BOARD_PREFERENCES (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_BOARD_PREFERENCES);
  G_OBJECT_CLASS (mc_board_preferences_parent_class)->dispose (object);
}

static void
mc_board_preferences_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, MC_BOARD_PREFERENCES (object)->app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_board_preferences_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      MC_BOARD_PREFERENCES (object)->app = g_value_get_object (value);  /* it outlives its windows */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_board_preferences_class_init (McBoardPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_board_preferences_constructed;
  object_class->dispose = mc_board_preferences_dispose;
  object_class->get_property = mc_board_preferences_get_property;
  object_class->set_property = mc_board_preferences_set_property;
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-board-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, monitor);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, seconds);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, speak);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, volume);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, say_le);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, say_bon);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, quiet);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, clips);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, ticker);
  gtk_widget_class_bind_template_child (widget_class, McBoardPreferences, add);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_board_cb);
  gtk_widget_class_bind_template_callback (widget_class, quiet_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, clips_apply_cb);
}

static void
mc_board_preferences_init (McBoardPreferences *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwPreferencesPage *
mc_board_preferences_page_new (McApplication *app)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  return g_object_new (MC_TYPE_BOARD_PREFERENCES, "application", app, NULL);
}
