/* mc-session.c — who is signed in at this computer, and what the windows show for them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed-in staff member is the database connection's actor (set by
 * mc_accounts_sign_in), so core checks every action against them whatever
 * the window shows; hiding a page from a role is only a convenience.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-account-dialog.h"
#include "mc-directory.h"
#include "mc-login-window.h"
#include "mc-notification-bell.h"
#include "mc-session.h"

static McAccounts *
accounts_of (McApplication *app)
{
  return mc_accounts_new (mc_application_get_db (app));
}

gboolean
mc_session_is_enforced (McApplication *app)
{
  g_autoptr(McAccounts) accounts = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (app), FALSE);

  /* A server before the sign-in: nobody until the login connects. */
  if (mc_application_get_db (app) == NULL)
    return TRUE;
  accounts = accounts_of (app);
  return mc_accounts_is_enforced (accounts);
}

static gboolean
has_no_account (McApplication *app)
{
  g_autoptr(McAccounts) accounts = accounts_of (app);
  g_autoptr(GPtrArray) all = mc_accounts_list (accounts, NULL);

  return all != NULL && all->len == 0;
}

GtkWindow *
mc_session_start (McApplication *app)
{
  GtkWindow *window;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  if (mc_application_is_server (app) || mc_session_is_enforced (app))
    window = GTK_WINDOW (mc_login_window_new (app, FALSE));
  else if (has_no_account (app))
    window = GTK_WINDOW (mc_login_window_new (app, TRUE));
  else
    window = GTK_WINDOW (mc_window_new (app));
  gtk_window_present (window);
  return window;
}

McStaff *
mc_session_get_staff (McApplication *app)
{
  g_autoptr(McAccounts) accounts = NULL;
  gint64 actor;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  actor = mc_application_get_db (app) ? mc_db_get_actor (mc_application_get_db (app)) : 0;
  if (actor == 0)
    return NULL;
  accounts = accounts_of (app);
  return mc_accounts_get_staff_by_id (accounts, actor, NULL);
}

/* Signed in, the setting is not asked: it is the computer's, and another
 * window or program on it may have named someone else since. */
char *
mc_session_dup_username (McApplication *app)
{
  g_autoptr(McStaff) staff = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  staff = mc_session_get_staff (app);
  if (staff != NULL)
    return g_strdup (mc_staff_get_username (staff));
  return g_strdup (mc_application_get_username (app));
}

McRoles
mc_session_get_roles (McApplication *app)
{
  g_autoptr(McStaff) staff = mc_session_get_staff (app);

  return staff != NULL && mc_staff_get_active (staff) ? mc_staff_get_roles (staff) : 0;
}

gboolean
mc_session_may (McApplication *app, McPermission permission)
{
  McDb *db;

  g_return_val_if_fail (MC_IS_APPLICATION (app), FALSE);

  db = mc_application_get_db (app);
  return db != NULL && mc_accounts_check (db, mc_db_get_actor (db), permission, 0, NULL);
}

McWindow *
mc_session_open_main (McApplication *app, GtkWindow *login)
{
  McWindow *window = mc_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  /* Presented first: closing the app's last window would quit it. */
  if (login != NULL)
    gtk_window_destroy (login);
  return window;
}

/* The application's windows and every window above one of them (a dialog
 * transient for the main window that is not itself one of the
 * application's: the return dialog, a figure's list of dossiers), each
 * with a reference: sign-out closes them all, so the next person at the
 * desk finds no citizen's data left on screen. A window of nobody's (the
 * lobby board in another process) is not touched. */
static GList *
windows_opened (McApplication *app)
{
  GList *mine = gtk_application_get_windows (GTK_APPLICATION (app));
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GList *windows = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *w = g_list_model_get_item (toplevels, i);  /* a reference */
      GtkWindow *up = w;

      while (up != NULL && g_list_find (mine, up) == NULL)
        up = gtk_window_get_transient_for (up);
      if (up != NULL)
        windows = g_list_prepend (windows, w);
      else
        g_object_unref (w);
    }
  return windows;
}

GtkWindow *
mc_session_sign_out (McApplication *app)
{
  g_autoptr(McAccounts) accounts = NULL;
  GList *windows;
  GtkWindow *login;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  if (mc_application_get_db (app) != NULL)
    {
      accounts = accounts_of (app);
      mc_accounts_sign_out (accounts);
    }
  windows = windows_opened (app);
  login = GTK_WINDOW (mc_login_window_new (app, FALSE));
  gtk_window_present (login);
  /* Every window the person opened goes: dossier windows, dialogs. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free_full (g_steal_pointer (&windows), g_object_unref);
  /* On a server the connection was the person's login: it goes too. */
  if (mc_application_is_server (app))
    mc_application_close_db (app);
  return login;
}

static void
sign_out_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWidget *window = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *popover = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) : NULL;

  /* The user popover holds the pointer and keyboard grab: destroyed open
   * with its window, it would leave the sign-in window deaf to every key. */
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  mc_session_sign_out (MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
password_changed_cb (McAccountDialog *dialog, McWindow *window)
{
  mc_window_toast (window, _("Your password has been changed"));
}

McAccountDialog *
mc_session_change_password (McWindow *window)
{
  McApplication *app;
  g_autoptr(McStaff) staff = NULL;
  McAccountDialog *dialog;

  g_return_val_if_fail (MC_IS_WINDOW (window), NULL);

  app = MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  if ((staff = mc_session_get_staff (app)) == NULL)
    return NULL;
  /* The dialog asks for the current password first: core checks it. */
  dialog = mc_account_dialog_new (app, MC_ACCOUNT_DIALOG_PASSWORD, staff);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (password_changed_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
change_password_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWidget *window = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *popover = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) : NULL;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  mc_session_change_password (MC_WINDOW (window));
}

static GtkWidget *
dim_label (const char *text, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The popover of the user's button: who, where, which roles, sign out. */
static GtkWidget *
user_popover (McStaff *staff)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *name = gtk_label_new (mc_staff_get_full_name (staff));
  GtkWidget *roles = gtk_flow_box_new ();
  GtkWidget *password = gtk_button_new_with_mnemonic (_("_Change Password…"));
  GtkWidget *sign_out = gtk_button_new_with_mnemonic (_("_Sign Out"));
  const char *title = mc_staff_get_title (staff);
  g_autofree char *who = title && *title ? g_strdup_printf ("%s · %s", mc_staff_get_username (staff), title)
                                         : g_strdup (mc_staff_get_username (staff));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), adw_avatar_new (48, mc_staff_get_full_name (staff), TRUE));
  gtk_widget_add_css_class (name, "title-4");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), dim_label (who, FALSE));
  if (mc_staff_get_department_name (staff) != NULL)
    gtk_box_append (GTK_BOX (box), dim_label (mc_staff_get_department_name (staff), TRUE));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (roles), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (roles), 3);
  for (McRoles r = 1; r <= MC_ROLE_ADMIN; r <<= 1)
    if (mc_staff_get_roles (staff) & r)
      {
        GtkWidget *label = gtk_label_new (mc_role_to_label (r));
        gtk_widget_add_css_class (label, "badge");
        gtk_widget_add_css_class (label, "count");
        gtk_flow_box_append (GTK_FLOW_BOX (roles), label);
      }
  gtk_box_append (GTK_BOX (box), roles);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (password), "session.change-password");
  gtk_widget_set_margin_top (password, 6);
  gtk_box_append (GTK_BOX (box), password);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (sign_out), "session.sign-out");
  gtk_box_append (GTK_BOX (box), sign_out);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static GtkWidget *
user_button (McStaff *staff)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *roles = mc_roles_to_label (mc_staff_get_roles (staff));
  /* Translators: tooltip of the signed-in user's button: full name, then roles */
  g_autofree char *tooltip = g_strdup_printf (_("Signed in as %s (%s)"), mc_staff_get_full_name (staff), roles);

  gtk_box_append (GTK_BOX (content), adw_avatar_new (24, mc_staff_get_full_name (staff), TRUE));
  gtk_box_append (GTK_BOX (content), gtk_label_new (mc_staff_get_full_name (staff)));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), user_popover (staff));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_name (button, "user-button");
  return button;
}

void
mc_session_setup_window (McWindow *window, AdwHeaderBar *header)
{
  McApplication *app = MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  static const GActionEntry entries[] = {
    { "sign-out", sign_out_activated },
    { "change-password", change_password_activated },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(McStaff) staff = NULL;

  g_return_if_fail (MC_IS_APPLICATION (app));

  staff = mc_session_get_staff (app);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  /* Nobody signed in (accounts not enforced): nothing to sign out of. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), "sign-out")),
                               staff != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group),
                                                                            "change-password")),
                               staff != NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "session", G_ACTION_GROUP (group));
  /* The bell beside the person's name: made at sign-in, it runs the
   * overdue check from then on (mc-notification-bell.c). */
  if (staff != NULL)
    {
      adw_header_bar_pack_end (header, user_button (staff));
      adw_header_bar_pack_end (header, GTK_WIDGET (mc_notification_bell_new (app)));
    }
}

void
mc_session_restrict_staff (McApplication *app, GPtrArray *staff)
{
  g_autoptr(McStaff) me = NULL;

  g_return_if_fail (MC_IS_APPLICATION (app));

  if (staff == NULL || !mc_session_is_enforced (app))
    return;
  me = mc_session_get_staff (app);
  for (guint i = staff->len; i > 0; i--)
    {
      McStaff *s = staff->pdata[i - 1];
      if (me == NULL || g_strcmp0 (mc_staff_get_username (s), mc_staff_get_username (me)) != 0)
        g_ptr_array_remove_index (staff, i - 1);
    }
}
