/* mc-application.c — the Motcua application: one database, one calendar, one catalog
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns the model objects every page shares, so that an edit
 * on one page (an office-hours change in the preferences) is seen by the
 * others through the objects' signals, never by re-querying behind their back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-about-window.h"
#include "mc-accounts.h"
#include "mc-application.h"
#include "mc-screen-fit.h"
#include "mc-backup-guard.h"
#include "mc-board-window.h"
#include "mc-calendar-store.h"
#include "mc-db-watch.h"
#include "mc-preferences-window.h"
#include "mc-session.h"
#include "mc-window.h"

struct _McApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  McDb           *db;
  McCatalog      *catalog;
  McDbWatch      *watch;    /* other processes' commits, told on the db's McChanges */
  McCalendar     *calendar;
  GSettings      *settings;
  McWorkflow     *workflow;
  char           *username;
};

G_DEFINE_FINAL_TYPE (McApplication, mc_application, ADW_TYPE_APPLICATION)

static void
show_error_and_quit (McApplication *self, const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot open the database"), message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (mc_about_window_new (parent)));
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  McApplication *self = MC_APPLICATION (user_data);
  g_autoptr(McStaff) staff = NULL;
  /* Asked first: the new window, one of the application's, becomes its
   * most recent and so its "active" window. */
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *window;

  /* Ctrl+, works on the sign-in window too: the unit's settings (signers,
   * office hours) are for the people who work here, read-only to all but
   * the administrator, and shown to nobody before a sign-in. */
  if (mc_session_is_enforced (self) && (staff = mc_session_get_staff (self)) == NULL)
    return;
  window = GTK_WINDOW (mc_preferences_window_new (self));
  gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

/* The board in a process of its own would need the database path only; in
 * this one it gets its own connection, so it sees this window's commits as
 * it would another PC's. */
static void
liveboard_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  McApplication *self = MC_APPLICATION (user_data);
  g_autoptr(McBoardSource) source = NULL;
  GtkWidget *window;

  if (self->db == NULL)
    return;
  source = mc_board_source_new (mc_db_get_path (self->db));
  window = mc_board_window_new (source, self->settings, -1);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  mc_board_source_start (source);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "liveboard", liveboard_activated },
};

static gint
mc_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  McApplication *self = MC_APPLICATION (app);

  g_variant_dict_lookup (options, "db", "^ay", &self->db_path);
  return -1;
}

/* Run from the build tree without GSETTINGS_SCHEMA_DIR, the schema is not
 * found and g_settings_new() would abort: open with the defaults instead
 * (every user of the settings accepts NULL). */
static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; window size and counter name are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
mc_application_startup (GApplication *app)
{
  McApplication *self = MC_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (mc_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  /* style.css needs no code: AdwApplication loads it from the resource base path. */
  self->settings = load_settings ();
  /* Dialogs sized for a large monitor open within a 1366×768 one. */
  mc_screen_fit_install ();
}

static void
mc_application_activate (GApplication *app)
{
  McApplication *self = MC_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* On a server nothing is opened before the sign-in: the connection is the person's login. */
  if (window == NULL && self->db == NULL && !mc_application_is_server (self) &&
      !mc_application_open_db (self, self->db_path, &error))
    {
      /* A damaged database: the dialog offers the latest good backup. */
      if (!mc_backup_guard_offer_restore (self, error))
        show_error_and_quit (self, error->message);
      return;
    }
  /* Accounts (mc-session.c): the sign-in or first-run window, or the main
   * window for a database whose staff have no passwords. */
  if (window == NULL)
    window = mc_session_start (self);
  gtk_window_present (window);
}

/* GTK 4.8's Vietnamese catalog has no "Shortcuts", "Search Results" nor
 * "Search Shortcuts": the shortcuts window gets them from ours. Its title
 * labels sit in a stack in its header bar ("title", "search"). */
static void
localize_shortcuts_window (GtkShortcutsWindow *window)
{
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (window));
  GtkWidget *titles = GTK_IS_HEADER_BAR (header) ? gtk_header_bar_get_title_widget (GTK_HEADER_BAR (header)) : NULL;
  GtkWidget *label;

  gtk_window_set_title (GTK_WINDOW (window), _("Keyboard shortcuts"));
  if (!GTK_IS_STACK (titles))
    return;
  if (GTK_IS_LABEL (label = gtk_stack_get_child_by_name (GTK_STACK (titles), "title")))
    gtk_label_set_text (GTK_LABEL (label), _("Keyboard shortcuts"));
  if (GTK_IS_LABEL (label = gtk_stack_get_child_by_name (GTK_STACK (titles), "search")))
    gtk_label_set_text (GTK_LABEL (label), _("Shortcuts found"));
}

/* The search entry is the only one in the window. */
static void
localize_shortcuts_search (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        {
          g_object_set (child, "placeholder-text", _("Find a shortcut"), NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Find a shortcut"), -1);
        }
      localize_shortcuts_search (child);
    }
}

static void
mc_application_window_added (GtkApplication *app, GtkWindow *window)
{
  GtkShortcutsWindow *help = NULL;

  /* GtkApplication gives each window its help overlay here. */
  GTK_APPLICATION_CLASS (mc_application_parent_class)->window_added (app, window);
  if (GTK_IS_APPLICATION_WINDOW (window))
    help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  if (help != NULL)
    {
      localize_shortcuts_window (help);
      localize_shortcuts_search (GTK_WIDGET (help));
    }
}

static void
mc_application_dispose (GObject *object)
{
  McApplication *self = MC_APPLICATION (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->catalog);
  g_clear_object (&self->watch);
  g_clear_object (&self->calendar);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (mc_application_parent_class)->dispose (object);
}

static void
mc_application_finalize (GObject *object)
{
  g_free (MC_APPLICATION (object)->db_path);
  g_free (MC_APPLICATION (object)->username);
  G_OBJECT_CLASS (mc_application_parent_class)->finalize (object);
}

static void
mc_application_class_init (McApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mc_application_dispose;
  object_class->finalize = mc_application_finalize;
  app_class->handle_local_options = mc_application_handle_local_options;
  app_class->startup = mc_application_startup;
  app_class->activate = mc_application_activate;
  GTK_APPLICATION_CLASS (klass)->window_added = mc_application_window_added;
}

static void
mc_application_init (McApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("The database file"), _("PATH"));
}

McApplication *
mc_application_new (void)
{
  /* Non-unique: each counter PC or test runs its own instance on its own database. */
  return g_object_new (MC_TYPE_APPLICATION, "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE, "resource-base-path", "/vn/motcua/Motcua", NULL);
}

/* The database this window works on: --db, else the setting, else the default file. */
static char *
chosen_path (McApplication *self, const char *path)
{
  g_autofree char *setting = self->settings ? g_settings_get_string (self->settings, "database-path") : NULL;

  if (path != NULL)
    return g_strdup (path);
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  return mc_db_default_path ();
}

gboolean
mc_application_is_server (McApplication *self)
{
  g_autofree char *chosen = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (self), FALSE);

  chosen = chosen_path (self, self->db_path);
  return mc_db_path_is_server (chosen);
}

gboolean
mc_application_open_db (McApplication *self, const char *path, GError **error)
{
  g_autofree char *chosen = chosen_path (self, path);

  g_return_val_if_fail (MC_IS_APPLICATION (self), FALSE);

  if (!mc_backup_guard_check (self, chosen, error))
    return FALSE;
  self->db = mc_db_new (chosen, NULL, error);
  if (self->db == NULL)
    return FALSE;
  self->watch = mc_db_watch_new (chosen, self->db, mc_db_get_changes (self->db));
  self->catalog = mc_catalog_new (self->db);
  if (mc_catalog_count_procedures (self->catalog) == 0 &&
      !mc_catalog_install_builtin (self->catalog, NULL, error))
    return FALSE;
  self->calendar = mc_calendar_store_load (self->db, error);
  if (self->calendar == NULL)
    return FALSE;
  self->workflow = mc_workflow_new (self->db, self->calendar);
  mc_backup_guard_start (self);
  return TRUE;
}

/* The setting's user if that account exists and is active, else the first
 * active account (core decides). */
static char *
resolve_username (McApplication *self)
{
  g_autofree char *wanted = self->settings ? g_settings_get_string (self->settings, "current-user") : NULL;

  return mc_accounts_default_username (self->db, wanted);
}

const char *
mc_application_get_username (McApplication *self)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), NULL);

  if (self->username == NULL && self->db != NULL)
    self->username = resolve_username (self);
  return self->username;
}

void
mc_application_set_username (McApplication *self, const char *username)
{
  g_return_if_fail (MC_IS_APPLICATION (self));

  g_free (self->username);
  self->username = g_strdup (username);
  if (self->settings)
    g_settings_set_string (self->settings, "current-user", username ? username : "");
}

void
mc_application_reload_calendar (McApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!mc_calendar_store_reload (self->db, self->calendar, &error))
    g_warning ("%s", error->message);
}

/* On a server the connection is the person: it is opened by the sign-in,
 * as the login typed, and closed by the sign-out. */
gboolean
mc_application_sign_in_server (McApplication *self, const char *username, const char *password, GError **error)
{
  g_return_val_if_fail (MC_IS_APPLICATION (self), FALSE);

  mc_application_close_db (self);
  if (username == NULL || *username == '\0' || password == NULL || *password == '\0')
    {
      g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_SIGN_IN, _("Type your user name and password"));
      return FALSE;
    }
  mc_db_set_server_login (username, password);
  if (mc_application_open_db (self, self->db_path, error))
    return TRUE;
  mc_application_close_db (self);
  return FALSE;
}

void
mc_application_close_db (McApplication *self)
{
  g_return_if_fail (MC_IS_APPLICATION (self));

  g_clear_object (&self->workflow);
  g_clear_object (&self->catalog);
  g_clear_object (&self->watch);
  g_clear_object (&self->calendar);
  g_clear_object (&self->db);
  if (mc_application_is_server (self))
    mc_db_set_server_login (NULL, NULL);
}

McDb *mc_application_get_db (McApplication *self) { return self->db; }
McCatalog *mc_application_get_catalog (McApplication *self) { return self->catalog; }
McCalendar *mc_application_get_calendar (McApplication *self) { return self->calendar; }
GSettings *mc_application_get_settings (McApplication *self) { return self->settings; }
McWorkflow *mc_application_get_workflow (McApplication *self) { return self->workflow; }
