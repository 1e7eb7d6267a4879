/* mc-account-dialog.c — add or edit a staff account, or set its password
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything goes through McAccounts, which checks that the signed-in
 * person administers accounts, that the user name is free and well formed,
 * that the password is strong enough and that the last administrator keeps
 * the role; its messages are shown as they are, and the dialog stays open
 * so nothing typed is lost.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-account-dialog.h"
#include "mc-catalog.h"

#define N_ROLES 7

struct _McAccountDialog
{
  AdwWindow            parent_instance;

  McApplication       *app;
  McAccountDialogMode  mode;
  char                *staff_username; /* NULL: a new account */
  gboolean             active;
  GPtrArray           *departments;   /* McDepartment*, item i + 1 of the combo row */

  AdwEntryRow         *username;
  AdwEntryRow         *full_name;
  AdwEntryRow         *title;
  AdwComboRow         *department;
  AdwPasswordEntryRow *current;       /* one's own password: the old one first */
  AdwPasswordEntryRow *password;
  AdwPasswordEntryRow *again;
  GtkCheckButton      *roles[N_ROLES];
  GtkSwitch           *must_change;   /* choose a new password at the next sign-in */
  gboolean             must_change_before;
  GtkLabel            *message;
};

G_DEFINE_FINAL_TYPE (McAccountDialog, mc_account_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (gpointer editable)
{
  return editable ? gtk_editable_get_text (GTK_EDITABLE (editable)) : NULL;
}

static AdwEntryRow *
add_entry (GtkWidget *group, GType type, const char *title, const char *text)
{
  GtkWidget *row = g_object_new (type, "title", title, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static McRoles
chosen_roles (McAccountDialog *self)
{
  McRoles roles = 0;

  for (int i = 0; i < N_ROLES; i++)
    if (self->roles[i] && gtk_check_button_get_active (self->roles[i]))
      roles |= 1 << i;
  return roles;
}

static const char *
chosen_department (McAccountDialog *self)
{
  guint i = adw_combo_row_get_selected (self->department);

  return i > 0 && i <= self->departments->len ? ((McDepartment *) self->departments->pdata[i - 1])->code : NULL;
}

static void
show_message (McAccountDialog *self, const char *message)
{
  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL && *message);
}

static GtkWidget *
account_group (McAccountDialog *self, McStaff *staff)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = 0;

  self->username = add_entry (group, ADW_TYPE_ENTRY_ROW, _("User name"), staff ? mc_staff_get_username (staff) : NULL);
  /* The user name is what the audit trail and the history name: it stays. */
  gtk_editable_set_editable (GTK_EDITABLE (self->username), staff == NULL);
  self->full_name = add_entry (group, ADW_TYPE_ENTRY_ROW, _("Full name"),
                               staff ? mc_staff_get_full_name (staff) : NULL);
  self->title = add_entry (group, ADW_TYPE_ENTRY_ROW, _("Title"), staff ? mc_staff_get_title (staff) : NULL);
  self->departments = mc_catalog_list_departments (mc_application_get_catalog (self->app), NULL);
  if (self->departments == NULL)
    self->departments = g_ptr_array_new ();
  gtk_string_list_append (names, _("No department"));
  for (guint i = 0; i < self->departments->len; i++)
    {
      McDepartment *d = self->departments->pdata[i];
      gtk_string_list_append (names, d->name);
      if (staff && mc_staff_get_department_id (staff) == d->id)
        selected = i + 1;
    }
  self->department = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->department), _("Department"));
  adw_combo_row_set_model (self->department, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->department, selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->department));
  g_object_unref (names);
  return group;
}

static GtkWidget *
roles_group (McAccountDialog *self, McRoles roles)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Roles"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What the account may do; specialists and heads act only on "
                                           "the steps of their own department."));
  for (int i = 0; i < N_ROLES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (roles & (1 << i)) != 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_role_to_label (1 << i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->roles[i] = GTK_CHECK_BUTTON (check);
    }
  return group;
}

static GtkWidget *
password_group (McAccountDialog *self, McStaff *staff)
{
  GtkWidget *group = adw_preferences_group_new ();
  McDb *db = mc_application_get_db (self->app);
  gboolean own = staff != NULL && mc_staff_get_id (staff) == mc_db_get_actor (db);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   staff ? _("New password") : _("First password"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         own ? _("At least 8 characters, with letters and digits.")
                                             : _("At least 8 characters, with letters and digits. Tell it to the "
                                                 "person in private."));
  if (own && mc_staff_get_has_password (staff))
    self->current = ADW_PASSWORD_ENTRY_ROW (add_entry (group, ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                       _("Current password"), NULL));
  self->password = ADW_PASSWORD_ENTRY_ROW (add_entry (group, ADW_TYPE_PASSWORD_ENTRY_ROW, _("Password"), NULL));
  self->again = ADW_PASSWORD_ENTRY_ROW (add_entry (group, ADW_TYPE_PASSWORD_ENTRY_ROW, _("Password again"), NULL));
  return group;
}

/* The administrator knows the password they give: by default its holder
 * chooses their own at the next sign-in (core's default for a new account). */
static GtkWidget *
sign_in_group (McAccountDialog *self, McStaff *staff)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  self->must_change_before = staff ? mc_staff_get_must_change_password (staff) : TRUE;
  self->must_change = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->must_change, self->must_change_before);
  gtk_widget_set_valign (GTK_WIDGET (self->must_change), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Change password at next sign-in"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The person chooses their own password before they can work"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->must_change));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->must_change));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static gboolean
save_must_change (McAccountDialog *self, McAccounts *accounts, const char *username, GError **error)
{
  gboolean wanted = gtk_switch_get_active (self->must_change);

  return wanted == self->must_change_before || mc_accounts_set_must_change (accounts, username, wanted, error);
}

static gboolean
save_account (McAccountDialog *self, McAccounts *accounts, GError **error)
{
  g_autofree char *username = self->staff_username ? g_strdup (self->staff_username)
                                                   : g_strstrip (g_strdup (text_of (self->username)));
  const char *title = *text_of (self->title) ? text_of (self->title) : NULL;
  McRoles roles = chosen_roles (self);

  if (roles == 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID, _("Choose at least one role"));
      return FALSE;
    }
  if (self->mode == MC_ACCOUNT_DIALOG_EDIT)
    return mc_accounts_update (accounts, username, text_of (self->full_name), title, chosen_department (self),
                               roles, self->active, error) &&
           save_must_change (self, accounts, username, error);
  return mc_accounts_create (accounts, username, text_of (self->full_name), title, chosen_department (self), roles,
                             text_of (self->password), error) &&
         save_must_change (self, accounts, username, error);
}

static void
save_clicked_cb (McAccountDialog *self)
{
  g_autoptr(GError) error = NULL;

  mc_account_dialog_save (self, &error);
}

static void
mc_account_dialog_dispose (GObject *object)
{
  g_clear_pointer (&MC_ACCOUNT_DIALOG (object)->departments, g_ptr_array_unref);
  G_OBJECT_CLASS (mc_account_dialog_parent_class)->dispose (object);
}

static void
mc_account_dialog_finalize (GObject *object)
{
  g_free (MC_ACCOUNT_DIALOG (object)->staff_username);
  G_OBJECT_CLASS (mc_account_dialog_parent_class)->finalize (object);
}

static void
mc_account_dialog_class_init (McAccountDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_account_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = mc_account_dialog_finalize;
  /* Emitted once the account was written. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_account_dialog_init (McAccountDialog *self)
{
}

static const char *
heading_for (McAccountDialogMode mode)
{
  switch (mode)
    {
    case MC_ACCOUNT_DIALOG_ADD:
      return _("New Account");
    case MC_ACCOUNT_DIALOG_EDIT:
      return _("Edit Account");
    case MC_ACCOUNT_DIALOG_PASSWORD:
    default:
      return _("Set a New Password");
    }
}

static GtkWidget *
header_bar (McAccountDialog *self, McStaff *staff)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (self->mode == MC_ACCOUNT_DIALOG_ADD ? _("_Add") : _("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (heading_for (self->mode),
                                                         staff ? mc_staff_get_full_name (staff) : NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  return header;
}

McAccountDialog *
mc_account_dialog_new (McApplication *app, McAccountDialogMode mode, McStaff *staff)
{
  McAccountDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (staff != NULL || mode == MC_ACCOUNT_DIALOG_ADD, NULL);

  self = g_object_new (MC_TYPE_ACCOUNT_DIALOG, "modal", TRUE, "default-width", 520,
                       "default-height", mode == MC_ACCOUNT_DIALOG_PASSWORD ? 420 : 720,
                       "title", heading_for (mode), NULL);
  self->app = app;
  self->mode = mode;
  self->staff_username = staff ? g_strdup (mc_staff_get_username (staff)) : NULL;
  self->active = staff ? mc_staff_get_active (staff) : TRUE;
  if (mode != MC_ACCOUNT_DIALOG_PASSWORD)
    {
      gtk_box_append (GTK_BOX (box), account_group (self, staff));
      gtk_box_append (GTK_BOX (box), roles_group (self, staff ? mc_staff_get_roles (staff) : 0));
    }
  if (mode != MC_ACCOUNT_DIALOG_EDIT)
    gtk_box_append (GTK_BOX (box), password_group (self, staff));
  if (mode != MC_ACCOUNT_DIALOG_PASSWORD)
    gtk_box_append (GTK_BOX (box), sign_in_group (self, staff));
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), header_bar (self, staff));
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);
  /* The first field to type in: the user name of a new account, else the
   * name, or the old password before the new one. */
  if (mode == MC_ACCOUNT_DIALOG_PASSWORD)
    gtk_widget_grab_focus (GTK_WIDGET (self->current ? self->current : self->password));
  else
    gtk_widget_grab_focus (GTK_WIDGET (mode == MC_ACCOUNT_DIALOG_ADD ? self->username : self->full_name));
  return self;
}

McAccountDialogMode
mc_account_dialog_get_mode (McAccountDialog *self)
{
  g_return_val_if_fail (MC_IS_ACCOUNT_DIALOG (self), MC_ACCOUNT_DIALOG_ADD);

  return self->mode;
}

static void
fill_text (gpointer row, const char *text)
{
  if (row != NULL && text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
mc_account_dialog_fill (McAccountDialog *self, const char *username, const char *full_name, const char *title,
                        const char *department_code, McRoles roles, const char *password)
{
  g_return_if_fail (MC_IS_ACCOUNT_DIALOG (self));

  if (self->mode == MC_ACCOUNT_DIALOG_ADD)
    fill_text (self->username, username);
  fill_text (self->full_name, full_name);
  fill_text (self->title, title);
  fill_text (self->password, password);
  fill_text (self->again, password);
  for (guint i = 0; department_code && self->department && i < self->departments->len; i++)
    if (g_strcmp0 (((McDepartment *) self->departments->pdata[i])->code, department_code) == 0)
      adw_combo_row_set_selected (self->department, i + 1);
  for (int i = 0; i < N_ROLES; i++)
    if (self->roles[i] != NULL)
      gtk_check_button_set_active (self->roles[i], (roles & (1 << i)) != 0);
}

void
mc_account_dialog_fill_current (McAccountDialog *self, const char *password)
{
  g_return_if_fail (MC_IS_ACCOUNT_DIALOG (self));
  g_return_if_fail (self->current != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->current), password ? password : "");
}

void
mc_account_dialog_set_must_change (McAccountDialog *self, gboolean must_change)
{
  g_return_if_fail (MC_IS_ACCOUNT_DIALOG (self));
  g_return_if_fail (self->must_change != NULL);

  gtk_switch_set_active (self->must_change, must_change);
}

gboolean
mc_account_dialog_save (McAccountDialog *self, GError **error)
{
  g_autoptr(McAccounts) accounts = NULL;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (MC_IS_ACCOUNT_DIALOG (self), FALSE);

  accounts = mc_accounts_new (mc_application_get_db (self->app));
  if (self->password && g_strcmp0 (text_of (self->password), text_of (self->again)) != 0)
    {
      g_set_error_literal (&local, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("The two passwords are not the same"));
      ok = FALSE;
    }
  else if (self->mode == MC_ACCOUNT_DIALOG_PASSWORD)
    ok = mc_accounts_set_password (accounts, self->staff_username, text_of (self->current),
                                   text_of (self->password), &local);
  else
    ok = save_account (self, accounts, &local);
  if (!ok)
    {
      show_message (self, local->message);
      g_propagate_error (error, local);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
mc_account_dialog_get_message (McAccountDialog *self)
{
  g_return_val_if_fail (MC_IS_ACCOUNT_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : "";
}
