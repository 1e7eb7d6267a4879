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
  McStaff             *staff;         /* NULL: a new account */
  GPtrArray           *departments;   /* McDepartment*, item i + 1 of the combo row */
  GtkCheckButton      *roles[N_ROLES];
  gboolean             must_change_before;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesGroup *account_group;
  AdwEntryRow         *username;
  AdwEntryRow         *full_name;
  AdwEntryRow         *title;
  AdwComboRow         *department;
  AdwPreferencesGroup *roles_group;
  AdwPreferencesGroup *password_group;
  AdwPasswordEntryRow *current;       /* one's own password: the old one first */
  AdwPasswordEntryRow *password;
  AdwPasswordEntryRow *again;
  AdwPreferencesGroup *sign_in_group;
  GtkSwitch           *must_change;   /* choose a new password at the next sign-in */
  GtkLabel            *message;
};

G_DEFINE_FINAL_TYPE (McAccountDialog, mc_account_dialog, ADW_TYPE_WINDOW)

G_DEFINE_ENUM_TYPE (McAccountDialogMode, mc_account_dialog_mode,
                    G_DEFINE_ENUM_VALUE (MC_ACCOUNT_DIALOG_ADD, "add"),
                    G_DEFINE_ENUM_VALUE (MC_ACCOUNT_DIALOG_EDIT, "edit"),
                    G_DEFINE_ENUM_VALUE (MC_ACCOUNT_DIALOG_PASSWORD, "password"))

enum { PROP_0, PROP_APPLICATION, PROP_MODE, PROP_STAFF, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (gpointer editable)
{
  return editable ? gtk_editable_get_text (GTK_EDITABLE (editable)) : NULL;
}

static void
set_text (gpointer editable, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

/* The current password is asked only of the person changing their own,
 * once they have one: core checks it (mc_accounts_set_password). */
static gboolean
asks_current (McAccountDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->current));
}

static gboolean
asks_password (McAccountDialog *self)
{
  return self->mode != MC_ACCOUNT_DIALOG_EDIT;
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

/* "No department" first, then the catalog's departments, the staff
 * member's own selected. */
static void
fill_departments (McAccountDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  self->departments = mc_catalog_list_departments (mc_application_get_catalog (self->app), NULL);
  if (self->departments == NULL)
    self->departments = g_ptr_array_new ();
  gtk_string_list_append (names, _("No department"));
  for (guint i = 0; i < self->departments->len; i++)
    {
      McDepartment *d = self->departments->pdata[i];

      gtk_string_list_append (names, d->name);
      if (self->staff && mc_staff_get_department_id (self->staff) == d->id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->department, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->department, selected);
}

static void
fill_account (McAccountDialog *self)
{
  McStaff *staff = self->staff;

  set_text (self->username, staff ? mc_staff_get_username (staff) : NULL);
  /* The user name is what the audit trail and the history name: it stays. */
  gtk_editable_set_editable (GTK_EDITABLE (self->username), staff == NULL);
  set_text (self->full_name, staff ? mc_staff_get_full_name (staff) : NULL);
  set_text (self->title, staff ? mc_staff_get_title (staff) : NULL);
  fill_departments (self);
}

/* One check row per role of core's list, in its order and with its words. */
static void
add_role_rows (McAccountDialog *self)
{
  McRoles roles = self->staff ? mc_staff_get_roles (self->staff) : 0;

  for (int i = 0; i < N_ROLES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (roles & (1 << i)) != 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_role_to_label (1 << i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->roles_group, row);
      self->roles[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
fill_password (McAccountDialog *self)
{
  McDb *db = mc_application_get_db (self->app);
  McStaff *staff = self->staff;
  gboolean own = staff != NULL && mc_staff_get_id (staff) == mc_db_get_actor (db);

  adw_preferences_group_set_title (self->password_group, staff ? _("New password") : _("First password"));
  adw_preferences_group_set_description (self->password_group,
                                         own ? _("At least 8 characters, with letters and digits.")
                                             : _("At least 8 characters, with letters and digits. Tell it to the "
                                                 "person in private."));
  gtk_widget_set_visible (GTK_WIDGET (self->current), own && mc_staff_get_has_password (staff));
}

/* The administrator knows the password they give: by default its holder
 * chooses their own at the next sign-in (core's default for a new account). */
static void
fill_sign_in (McAccountDialog *self)
{
  self->must_change_before = self->staff ? mc_staff_get_must_change_password (self->staff) : TRUE;
  gtk_switch_set_active (self->must_change, self->must_change_before);
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
  g_autofree char *username = self->staff ? g_strdup (mc_staff_get_username (self->staff))
                                          : g_strstrip (g_strdup (text_of (self->username)));
  const char *title = *text_of (self->title) ? text_of (self->title) : NULL;
  McRoles roles = chosen_roles (self);
  gboolean active = self->staff ? mc_staff_get_active (self->staff) : TRUE;

  if (roles == 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID, _("Choose at least one role"));
      return FALSE;
    }
  if (self->mode == MC_ACCOUNT_DIALOG_EDIT)
    return mc_accounts_update (accounts, username, text_of (self->full_name), title, chosen_department (self),
                               roles, active, error) &&
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

/* The mode decides the title, the Save button's word and which groups show:
 * a password change shows only the password; an edit everything but it. */
static void
apply_mode (McAccountDialog *self)
{
  gboolean password_only = self->mode == MC_ACCOUNT_DIALOG_PASSWORD;

  gtk_window_set_title (GTK_WINDOW (self), heading_for (self->mode));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, password_only ? 420 : 720);
  adw_window_title_set_title (self->window_title, heading_for (self->mode));
  adw_window_title_set_subtitle (self->window_title, self->staff ? mc_staff_get_full_name (self->staff) : NULL);
  gtk_button_set_label (self->save_button, self->mode == MC_ACCOUNT_DIALOG_ADD ? _("_Add") : _("_Save"));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), !password_only);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_group), !password_only);
  gtk_widget_set_visible (GTK_WIDGET (self->password_group), asks_password (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_group), !password_only);
}

/* The first field to type in: the user name of a new account, else the
 * name, or the old password before the new one. */
static void
focus_first_field (McAccountDialog *self)
{
  if (self->mode == MC_ACCOUNT_DIALOG_PASSWORD)
    gtk_widget_grab_focus (GTK_WIDGET (asks_current (self) ? self->current : self->password));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->mode == MC_ACCOUNT_DIALOG_ADD ? self->username : self->full_name));
}

static void
mc_account_dialog_constructed (GObject *object)
{
  McAccountDialog *self = MC_ACCOUNT_DIALOG (object);

  G_OBJECT_CLASS (mc_account_dialog_parent_class)->constructed (object);
  g_return_if_fail (MC_IS_APPLICATION (self->app));
  g_return_if_fail (self->staff != NULL || self->mode == MC_ACCOUNT_DIALOG_ADD);

  /* One of the application's windows, so that signing out closes it: the
   * next person at the desk must not find it open over the sign-in window.
   * (The "application" property above is this class's own, typed
   * McApplication; GtkWindow's is set here.) */
  gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (self->app));
  apply_mode (self);
  fill_account (self);
  add_role_rows (self);
  fill_password (self);
  fill_sign_in (self);
  focus_first_field (self);
}

static void
mc_account_dialog_dispose (GObject *object)
{
  McAccountDialog *self = MC_ACCOUNT_DIALOG (object);

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_object (&self->staff);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ACCOUNT_DIALOG);
  G_OBJECT_CLASS (mc_account_dialog_parent_class)->dispose (object);
}

static void
mc_account_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McAccountDialog *self = MC_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->app);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_account_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McAccountDialog *self = MC_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->app = g_value_get_object (value);  /* it outlives its windows */
      break;
    case PROP_MODE:
      self->mode = g_value_get_enum (value);
      break;
    case PROP_STAFF:
      self->staff = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_account_dialog_class_init (McAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_account_dialog_constructed;
  object_class->dispose = mc_account_dialog_dispose;
  object_class->get_property = mc_account_dialog_get_property;
  object_class->set_property = mc_account_dialog_set_property;
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, MC_TYPE_ACCOUNT_DIALOG_MODE, MC_ACCOUNT_DIALOG_ADD,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The account edited or whose password is set; NULL to add one. */
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, MC_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* Emitted once the account was written. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, account_group);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, username);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, full_name);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, title);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, department);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, current);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, password);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, again);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, sign_in_group);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, must_change);
  gtk_widget_class_bind_template_child (widget_class, McAccountDialog, message);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_account_dialog_init (McAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

McAccountDialog *
mc_account_dialog_new (McApplication *app, McAccountDialogMode mode, McStaff *staff)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (staff != NULL || mode == MC_ACCOUNT_DIALOG_ADD, NULL);

  return g_object_new (MC_TYPE_ACCOUNT_DIALOG, "application", app, "mode", mode, "staff", staff, NULL);
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
  if (text != NULL)
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
  if (asks_password (self))
    {
      fill_text (self->password, password);
      fill_text (self->again, password);
    }
  for (guint i = 0; department_code && i < self->departments->len; i++)
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
  g_return_if_fail (asks_current (self));

  gtk_editable_set_text (GTK_EDITABLE (self->current), password ? password : "");
}

void
mc_account_dialog_set_must_change (McAccountDialog *self, gboolean must_change)
{
  g_return_if_fail (MC_IS_ACCOUNT_DIALOG (self));
  g_return_if_fail (self->mode != MC_ACCOUNT_DIALOG_PASSWORD);

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
  if (asks_password (self) && g_strcmp0 (text_of (self->password), text_of (self->again)) != 0)
    {
      g_set_error_literal (&local, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("The two passwords are not the same"));
      ok = FALSE;
    }
  else if (self->mode == MC_ACCOUNT_DIALOG_PASSWORD)
    ok = mc_accounts_set_password (accounts, mc_staff_get_username (self->staff),
                                   asks_current (self) ? text_of (self->current) : NULL,
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
