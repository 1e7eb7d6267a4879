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

typedef struct {
  McApplication        *app;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *ticker;
  GtkWidget            *add;
  GPtrArray            *rows;  /* the announcement rows, removed on refresh */
} Editor;

static void refresh (Editor *editor);

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  g_ptr_array_unref (editor->rows);
  g_free (editor);
}

static void
toast (Editor *editor, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (editor->page));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
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
restore_focus (Editor *editor, gint64 id, const char *what)
{
  for (guint i = 0; id != 0 && i < editor->rows->len; i++)
    if (row_id (editor->rows->pdata[i]) == id)
      {
        GtkWidget *control = g_object_get_data (G_OBJECT (editor->rows->pdata[i]), what);
        if (!gtk_widget_get_sensitive (control))  /* moved to the top */
          control = g_object_get_data (G_OBJECT (editor->rows->pdata[i]), "active-switch");
        gtk_widget_grab_focus (control);
        return;
      }
  gtk_widget_grab_focus (editor->add);
}

/* Runs an edit; on failure says why and keeps what the clerk typed. */
static void
report (Editor *editor, gboolean ok, GError *error, gint64 focus_id, const char *focus_what)
{
  if (!ok)
    {
      toast (editor, error->message);
      g_error_free (error);
      return;
    }
  refresh (editor);
  restore_focus (editor, focus_id, focus_what);
}

static void
apply_cb (AdwEntryRow *row, Editor *editor)
{
  GtkSwitch *active = g_object_get_data (G_OBJECT (row), "active-switch");
  GError *error = NULL;
  gboolean ok = mc_announcement_update (mc_application_get_db (editor->app), row_id (row),
                                        gtk_editable_get_text (GTK_EDITABLE (row)),
                                        gtk_switch_get_active (active), &error);
  report (editor, ok, error, row_id (row), "active-switch");
}

static void
active_cb (GtkSwitch *sw, GParamSpec *pspec, Editor *editor)
{
  apply_cb (g_object_get_data (G_OBJECT (sw), "row"), editor);
}

static void
remove_cb (GtkButton *button, Editor *editor)
{
  GError *error = NULL;
  gboolean ok = mc_announcement_remove (mc_application_get_db (editor->app), row_id (button), &error);
  report (editor, ok, error, 0, NULL);
}

static void
up_cb (GtkButton *button, Editor *editor)
{
  GError *error = NULL;
  gboolean ok = mc_announcement_move (mc_application_get_db (editor->app), row_id (button), -1, &error);
  report (editor, ok, error, row_id (button), "up-button");
}

static void
add_cb (AdwEntryRow *row, Editor *editor)
{
  GError *error = NULL;
  gboolean ok = mc_announcement_add (mc_application_get_db (editor->app),
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error) != 0;

  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  report (editor, ok, error, 0, NULL);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, gint64 id, GCallback callback, Editor *editor)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "announcement-id", GSIZE_TO_POINTER (id));
  g_signal_connect (button, "clicked", callback, editor);
  return button;
}

static GtkWidget *
announcement_row (Editor *editor, const McAnnouncement *a, gboolean first)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkWidget *active = gtk_switch_new ();
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move up"), a->id, G_CALLBACK (up_cb), editor);

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
  adw_entry_row_add_suffix (row, icon_button ("user-trash-symbolic", _("Remove"), a->id,
                                              G_CALLBACK (remove_cb), editor));
  g_signal_connect (row, "apply", G_CALLBACK (apply_cb), editor);
  g_signal_connect (active, "notify::active", G_CALLBACK (active_cb), editor);
  return GTK_WIDGET (row);
}

static void
refresh (Editor *editor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mc_announcement_list (mc_application_get_db (editor->app), FALSE, &error);

  for (guint i = 0; i < editor->rows->len; i++)
    adw_preferences_group_remove (editor->ticker, editor->rows->pdata[i]);
  g_ptr_array_set_size (editor->rows, 0);
  if (list == NULL)
    {
      toast (editor, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      GtkWidget *row = announcement_row (editor, list->pdata[i], i == 0);
      adw_preferences_group_add (editor->ticker, row);
      g_ptr_array_add (editor->rows, row);
    }
}

/* Spin rows: the monitor is shown from 1, stored from 0. */
static void
spin_changed_cb (GtkSpinButton *spin, GSettings *settings)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "key");
  int offset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "offset"));

  g_settings_set_int (settings, key, gtk_spin_button_get_value_as_int (spin) - offset);
}

static GtkWidget *
spin_row (GSettings *settings, const char *key, const char *title, const char *subtitle,
          int min, int max, int offset)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  if (settings)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), g_settings_get_int (settings, key) + offset);
      g_object_set_data (G_OBJECT (spin), "key", (gpointer) key);
      g_object_set_data (G_OBJECT (spin), "offset", GINT_TO_POINTER (offset));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_changed_cb), settings, 0);
    }
  else
    gtk_widget_set_sensitive (spin, FALSE);
  return row;
}

static void
open_board_cb (McApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "liveboard", NULL);
}

static AdwPreferencesGroup *
screen_group (McApplication *app)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GSettings *settings = mc_application_get_settings (app);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open the Board"));

  adw_preferences_group_set_title (group, _("Screen"));
  adw_preferences_group_set_description (group, _("The board shows results waiting, statistics and apologies "
                                                  "in the waiting room; run “motcua liveboard” on its PC."));
  /* The preferences window is not one of the application's windows, so an
   * "app." action name would not resolve there (the button stayed greyed). */
  g_signal_connect_swapped (open, "clicked", G_CALLBACK (open_board_cb), app);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (open, 12);  /* apart from the description beside it */
  adw_preferences_group_set_header_suffix (group, open);
  adw_preferences_group_add (group, spin_row (settings, "liveboard-monitor", _("Monitor"),
                                              _("1 is the first monitor"), 1, 16, 1));
  adw_preferences_group_add (group, spin_row (settings, "liveboard-page-seconds", _("Seconds per page"),
                                              _("Longer lists scroll and stay longer"), 3, 300, 0));
  return group;
}

AdwPreferencesPage *
mc_board_preferences_page_new (McApplication *app)
{
  Editor *editor = g_new0 (Editor, 1);
  GtkWidget *add = adw_entry_row_new ();
  AdwPreferencesGroup *adding = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  editor->app = app;
  editor->rows = g_ptr_array_new ();
  editor->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  editor->ticker = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_object_set_data_full (G_OBJECT (editor->page), "editor", editor, editor_free);
  adw_preferences_page_set_title (editor->page, _("Display Board"));
  adw_preferences_page_set_icon_name (editor->page, "video-display-symbolic");
  adw_preferences_group_set_title (editor->ticker, _("Announcements and hotlines"));
  adw_preferences_group_set_description (editor->ticker, _("The ticker at the bottom of the board; press Enter "
                                                           "or the check mark to save a change."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("New announcement"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_signal_connect (add, "apply", G_CALLBACK (add_cb), editor);
  editor->add = add;
  adw_preferences_group_add (adding, add);
  adw_preferences_page_add (editor->page, screen_group (app));
  adw_preferences_page_add (editor->page, editor->ticker);
  adw_preferences_page_add (editor->page, adding);
  refresh (editor);
  return editor->page;
}
