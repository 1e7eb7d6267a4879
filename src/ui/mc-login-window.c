/* mc-login-window.c — first run (the administrator's account) and signing in
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The messages are core's own (wrong password, too weak, a busy or full
 * database), already in Vietnamese: the window only shows them. A failed
 * attempt is counted by core in the database, so closing and reopening the
 * window does not reset the lockout; a locked account is answered as a wrong
 * password is, so the window cannot tell which names exist either.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-login-window.h"
#include "mc-session.h"

struct _McLoginWindow
{
  AdwApplicationWindow  parent_instance;

  McApplication        *app;
  gboolean              first_run;
  GtkStack             *stack;
  AdwEntryRow          *username;
  AdwPasswordEntryRow  *password;
  GtkLabel             *sign_in_message;
  AdwEntryRow          *admin_username;
  AdwEntryRow          *admin_name;
  AdwPasswordEntryRow  *admin_password;
  AdwPasswordEntryRow  *admin_again;
  GtkLabel             *first_run_message;
  GtkButton            *create_button;
  AdwPasswordEntryRow  *new_password;
  AdwPasswordEntryRow  *new_again;
  GtkLabel             *change_message;
  char                 *changing_username;  /* signed in, must choose a new password first */
  char                 *changing_password;  /* the one they signed in with */
};

G_DEFINE_FINAL_TYPE (McLoginWindow, mc_login_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static GtkLabel *
message_label (McLoginWindow *self)
{
  if (self->changing_username != NULL)
    return self->change_message;
  return self->first_run ? self->first_run_message : self->sign_in_message;
}

static void
show_message (McLoginWindow *self, const char *message)
{
  GtkLabel *label = message_label (self);

  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

/* The create button waits for all four fields; the rules themselves (length,
 * letters and digits, a free user name) are core's, told on submit. */
static void
first_run_changed_cb (McLoginWindow *self)
{
  gboolean filled = *text_of (self->admin_username) && *text_of (self->admin_name) &&
                    *text_of (self->admin_password) && *text_of (self->admin_again);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), filled);
}

static void
username_activated_cb (McLoginWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password));
}

static McStaff *
create_admin (McLoginWindow *self, McAccounts *accounts, GError **error)
{
  const char *username = text_of (self->admin_username);
  const char *password = text_of (self->admin_password);

  if (g_strcmp0 (password, text_of (self->admin_again)) != 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("The two passwords are not the same"));
      return NULL;
    }
  if (!mc_accounts_create_first_admin (accounts, username, text_of (self->admin_name), password, error))
    return NULL;
  return mc_accounts_sign_in (accounts, username, password, error);
}

static void
submit_cb (McLoginWindow *self)
{
  g_autoptr(GError) error = NULL;

  mc_login_window_submit (self, &error);
}

static void
new_password_activated_cb (McLoginWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->new_again));
}

static void
forget_change (McLoginWindow *self)
{
  g_clear_pointer (&self->changing_username, g_free);
  if (self->changing_password != NULL)
    memset (self->changing_password, 0, strlen (self->changing_password));
  g_clear_pointer (&self->changing_password, g_free);
}

/* Signed in but not past the new password: whoever leaves this page is not
 * signed in, so nothing can be done under the password someone else knows. */
static void
abandon_change (McLoginWindow *self)
{
  g_autoptr(McAccounts) accounts = NULL;

  if (self->changing_username == NULL)
    return;
  accounts = mc_accounts_new (mc_application_get_db (self->app));
  mc_accounts_sign_out (accounts);
  forget_change (self);
  /* On a server the open connection is the login: closed with the sign-in. */
  if (mc_application_is_server (self->app))
    mc_application_close_db (self->app);
}

static void
abandon_cb (McLoginWindow *self)
{
  abandon_change (self);
  gtk_editable_set_text (GTK_EDITABLE (self->password), "");
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  gtk_widget_grab_focus (GTK_WIDGET (self->password));
}

/* The sign-in succeeded with a password the administrator set: the main
 * window waits until the person has chosen their own. */
static void
ask_new_password (McLoginWindow *self, McStaff *staff, const char *password)
{
  self->changing_username = g_strdup (mc_staff_get_username (staff));
  self->changing_password = g_strdup (password);
  gtk_editable_set_text (GTK_EDITABLE (self->password), "");
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_message), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "change-password");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_password));
}

static gboolean
change_password (McLoginWindow *self, McAccounts *accounts, GError **error)
{
  if (g_strcmp0 (text_of (self->new_password), text_of (self->new_again)) != 0)
    {
      g_set_error_literal (error, MC_ACCOUNTS_ERROR, MC_ACCOUNTS_ERROR_INVALID,
                           _("The two passwords are not the same"));
      return FALSE;
    }
  return mc_accounts_set_password (accounts, self->changing_username, self->changing_password,
                                   text_of (self->new_password), error);
}

static gboolean
mc_login_window_close_request (GtkWindow *window)
{
  abandon_change (MC_LOGIN_WINDOW (window));
  return GTK_WINDOW_CLASS (mc_login_window_parent_class)->close_request (window);
}

static void
mc_login_window_finalize (GObject *object)
{
  forget_change (MC_LOGIN_WINDOW (object));
  G_OBJECT_CLASS (mc_login_window_parent_class)->finalize (object);
}

static void
mc_login_window_class_init (McLoginWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = mc_login_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = mc_login_window_close_request;
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, username);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, password);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, sign_in_message);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, admin_username);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, admin_name);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, admin_password);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, admin_again);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, first_run_message);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, create_button);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, new_password);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, new_again);
  gtk_widget_class_bind_template_child (widget_class, McLoginWindow, change_message);
  gtk_widget_class_bind_template_callback (widget_class, new_password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, abandon_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, username_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, first_run_changed_cb);
}

static void
mc_login_window_init (McLoginWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  first_run_changed_cb (self);
}

McLoginWindow *
mc_login_window_new (McApplication *app, gboolean first_run)
{
  McLoginWindow *self;
  GSettings *settings;
  g_autofree char *last = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  self = g_object_new (MC_TYPE_LOGIN_WINDOW, "application", app, NULL);
  self->app = app;
  self->first_run = first_run;
  if (first_run)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Motcua — First Run"));
      gtk_stack_set_visible_child_name (self->stack, "first-run");
      gtk_widget_grab_focus (GTK_WIDGET (self->admin_name));
      return self;
    }
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  /* The last person at this computer ("current-user") is likely the next;
   * not the app's fallback, the first account, which is anybody. */
  settings = mc_application_get_settings (app);
  last = settings ? g_settings_get_string (settings, "current-user") : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->username), last ? last : "");
  gtk_widget_grab_focus (GTK_WIDGET (last && *last ? (gpointer) self->password : (gpointer) self->username));
  return self;
}

gboolean
mc_login_window_is_first_run (McLoginWindow *self)
{
  g_return_val_if_fail (MC_IS_LOGIN_WINDOW (self), FALSE);

  return self->first_run;
}

void
mc_login_window_fill (McLoginWindow *self, const char *username, const char *password)
{
  g_return_if_fail (MC_IS_LOGIN_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username), username ? username : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password), password ? password : "");
}

void
mc_login_window_fill_first_run (McLoginWindow *self, const char *username, const char *full_name,
                                const char *password, const char *again)
{
  g_return_if_fail (MC_IS_LOGIN_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->admin_username), username ? username : "");
  gtk_editable_set_text (GTK_EDITABLE (self->admin_name), full_name ? full_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->admin_password), password ? password : "");
  gtk_editable_set_text (GTK_EDITABLE (self->admin_again), again ? again : "");
}

/* The sign-in form. On a server the connection is made as the login typed,
 * the server checking the password (SCRAM); the profile is then its own. */
static McStaff *
sign_in (McLoginWindow *self, GError **error)
{
  /* A stray space typed after the name is not part of it. */
  g_autofree char *username = g_strstrip (g_strdup (text_of (self->username)));
  g_autoptr(McAccounts) accounts = NULL;
  McStaff *staff;

  if (!mc_application_is_server (self->app))
    {
      accounts = mc_accounts_new (mc_application_get_db (self->app));
      return mc_accounts_sign_in (accounts, username, text_of (self->password), error);
    }
  if (!mc_application_sign_in_server (self->app, username, text_of (self->password), error))
    return NULL;
  accounts = mc_accounts_new (mc_application_get_db (self->app));
  staff = mc_accounts_sign_in (accounts, username, NULL, error);
  if (staff == NULL)
    mc_application_close_db (self->app);
  return staff;
}

McWindow *
mc_login_window_submit (McLoginWindow *self, GError **error)
{
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(McStaff) staff = NULL;
  GError *local = NULL;

  g_return_val_if_fail (MC_IS_LOGIN_WINDOW (self), NULL);

  if (self->changing_username != NULL)
    {
      accounts = mc_accounts_new (mc_application_get_db (self->app));
      if (!change_password (self, accounts, &local))
        {
          show_message (self, local->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->new_password));
          g_propagate_error (error, local);
          return NULL;
        }
      staff = mc_accounts_get_staff (accounts, self->changing_username, NULL);
      forget_change (self);
    }
  else if (self->first_run)
    {
      accounts = mc_accounts_new (mc_application_get_db (self->app));
      staff = create_admin (self, accounts, &local);
    }
  else
    staff = sign_in (self, &local);
  if (staff == NULL)
    {
      show_message (self, local->message);
      if (!self->first_run)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->password), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->password));
        }
      g_propagate_error (error, local);
      return NULL;
    }
  mc_application_set_username (self->app, mc_staff_get_username (staff));
  if (mc_staff_get_must_change_password (staff) && !self->first_run)
    {
      ask_new_password (self, staff, text_of (self->password));
      return NULL;
    }
  return mc_session_open_main (self->app, GTK_WINDOW (self));
}

gboolean
mc_login_window_is_changing_password (McLoginWindow *self)
{
  g_return_val_if_fail (MC_IS_LOGIN_WINDOW (self), FALSE);

  return self->changing_username != NULL;
}

void
mc_login_window_fill_new_password (McLoginWindow *self, const char *password, const char *again)
{
  g_return_if_fail (MC_IS_LOGIN_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->new_password), password ? password : "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_again), again ? again : "");
}

const char *
mc_login_window_get_message (McLoginWindow *self)
{
  GtkLabel *label;

  g_return_val_if_fail (MC_IS_LOGIN_WINDOW (self), NULL);

  label = message_label (self);
  return gtk_widget_get_visible (GTK_WIDGET (label)) && gtk_widget_has_css_class (GTK_WIDGET (label), "error")
         ? gtk_label_get_text (label) : "";
}
