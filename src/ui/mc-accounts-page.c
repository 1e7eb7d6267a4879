/* mc-accounts-page.c — Tài khoản: the staff accounts, for the administrator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown only to administrators, but every change still goes through
 * McAccounts, which refuses it to anyone else: the page cannot do more than
 * the command line's `motcua account …`.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts-page.h"
#include "mc-page-changes.h"
#include "mc-boxed-item.h"
#include "mc-format.h"
#include "mc-text-column.h"

struct _McAccountsPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  GListStore         *accounts;   /* McBoxedItem of McStaff */
  GtkSingleSelection *selection;
  McAccountDialog    *dialog;     /* weak */
  GtkColumnView      *view;
  GtkLabel           *count;
  GtkButton          *toggle_button;
};

G_DEFINE_FINAL_TYPE (McAccountsPage, mc_accounts_page, ADW_TYPE_BIN)

static McStaff *staff_of (gpointer object) { return mc_boxed_item_get (MC_BOXED_ITEM (object)); }

static char *username_of (gpointer o) { return g_strdup (staff_of (o)->username); }
static char *name_of (gpointer o) { return g_strdup (staff_of (o)->full_name); }
static char *title_of (gpointer o) { return g_strdup (staff_of (o)->title); }
static char *department_of (gpointer o) { return g_strdup (staff_of (o)->department_name); }
static char *state_of (gpointer o) { return mc_accounts_page_state_text (staff_of (o)); }

static McStaff *
selected (McAccountsPage *self)
{
  gpointer object = gtk_single_selection_get_selected_item (self->selection);

  return object ? staff_of (object) : NULL;
}

/* Roles as pills, one per role, so a glance finds the administrators. */
static void
roles_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 7);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 2);
  gtk_widget_set_can_target (box, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
roles_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkFlowBox *box = GTK_FLOW_BOX (gtk_list_item_get_child (item));
  McStaff *staff = staff_of (gtk_list_item_get_item (item));
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (box, 0)) != NULL)
    gtk_flow_box_remove (box, GTK_WIDGET (child));
  for (McRoles r = 1; r <= MC_ROLE_ADMIN; r <<= 1)
    if (staff->roles & r)
      {
        GtkWidget *label = gtk_label_new (mc_role_to_label (r));
        gtk_widget_add_css_class (label, "badge");
        gtk_widget_add_css_class (label, r == MC_ROLE_ADMIN ? "step-late" : "count");
        gtk_flow_box_append (box, label);
      }
}

static void
add_roles_column (McAccountsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (roles_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (roles_bind_cb), NULL);
  column = gtk_column_view_column_new (_("Roles"), factory);
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

static void
update_count (McAccountsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  g_autofree char *number = mc_format_count (n);
  /* Translators: %s is a number such as 12 */
  g_autofree char *text = g_strdup_printf (ngettext ("%s account", "%s accounts", n), number);

  gtk_label_set_text (self->count, text);
}

static void
selection_changed_cb (McAccountsPage *self)
{
  McStaff *staff = selected (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "accounts.edit", staff != NULL);
  gtk_widget_action_set_enabled (widget, "accounts.password", staff != NULL);
  gtk_widget_action_set_enabled (widget, "accounts.unlock", staff != NULL && staff->locked_until > mc_time_now ());
  gtk_widget_action_set_enabled (widget, "accounts.toggle-active", staff != NULL);
  gtk_button_set_label (self->toggle_button, staff != NULL && !staff->active ? _("_Enable") : _("_Disable"));
}

static void
show_error (McAccountsPage *self, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Not done"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (McAccountsPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
saved_cb (McAccountDialog *dialog, McAccountsPage *self)
{
  mc_accounts_page_reload (self);
  toast (self, mc_account_dialog_get_mode (dialog) == MC_ACCOUNT_DIALOG_PASSWORD ? _("Password changed")
                                                                                  : _("Account saved"));
}

static void
open_dialog (McAccountsPage *self, McAccountDialogMode mode, const McStaff *staff)
{
  McAccountDialog *dialog = mc_account_dialog_new (self->app, mode, staff);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, 0);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (MC_ACCOUNTS_PAGE (widget), MC_ACCOUNT_DIALOG_ADD, NULL);
}

static void
edit_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McAccountsPage *self = MC_ACCOUNTS_PAGE (widget);

  if (selected (self) != NULL)
    open_dialog (self, MC_ACCOUNT_DIALOG_EDIT, selected (self));
}

static void
password_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McAccountsPage *self = MC_ACCOUNTS_PAGE (widget);

  if (selected (self) != NULL)
    open_dialog (self, MC_ACCOUNT_DIALOG_PASSWORD, selected (self));
}

static void
row_activated_cb (McAccountsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "accounts.edit", NULL);
}

static void
unlock_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McAccountsPage *self = MC_ACCOUNTS_PAGE (widget);
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (self->app));
  g_autofree char *username = selected (self) ? g_strdup (selected (self)->username) : NULL;
  g_autoptr(GError) error = NULL;

  if (username == NULL)
    return;
  if (!mc_accounts_unlock (accounts, username, &error))
    show_error (self, error->message);
  mc_accounts_page_reload (self);
  mc_accounts_page_select (self, username);
}

static void
toggle_active_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McAccountsPage *self = MC_ACCOUNTS_PAGE (widget);
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (self->app));
  McStaff *s = selected (self);
  g_autofree char *username = s ? g_strdup (s->username) : NULL;
  g_autoptr(GError) error = NULL;

  if (s == NULL)
    return;
  if (!mc_accounts_update (accounts, s->username, s->full_name, s->title, s->department_code, s->roles, !s->active,
                           &error))
    show_error (self, error->message);
  mc_accounts_page_reload (self);
  mc_accounts_page_select (self, username);
}

static void
mc_accounts_page_dispose (GObject *object)
{
  McAccountsPage *self = MC_ACCOUNTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ACCOUNTS_PAGE);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->selection);
  g_clear_object (&self->accounts);
  G_OBJECT_CLASS (mc_accounts_page_parent_class)->dispose (object);
}

static void
mc_accounts_page_class_init (McAccountsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_accounts_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAccountsPage, view);
  gtk_widget_class_bind_template_child (widget_class, McAccountsPage, count);
  gtk_widget_class_bind_template_child (widget_class, McAccountsPage, toggle_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "accounts.edit", NULL, edit_cb);
  gtk_widget_class_install_action (widget_class, "accounts.password", NULL, password_cb);
  gtk_widget_class_install_action (widget_class, "accounts.unlock", NULL, unlock_cb);
  gtk_widget_class_install_action (widget_class, "accounts.toggle-active", NULL, toggle_active_cb);
}

static void
mc_accounts_page_init (McAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->accounts = g_list_store_new (MC_TYPE_BOXED_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->accounts)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  mc_text_column_add (self->view, _("User name"), username_of, FALSE, 120, NULL, NULL);
  mc_text_column_add (self->view, _("Full name"), name_of, FALSE, 180, NULL, NULL);
  mc_text_column_add (self->view, _("Title"), title_of, FALSE, 190, NULL, NULL);
  mc_text_column_add (self->view, _("Department"), department_of, TRUE, -1, NULL, NULL);
  add_roles_column (self);
  mc_text_column_add (self->view, _("State"), state_of, FALSE, 170, NULL, NULL);
  /* A lockout may have begun or ended while the page was hidden. */
}

McAccountsPage *
mc_accounts_page_new (McApplication *app)
{
  McAccountsPage *self = g_object_new (MC_TYPE_ACCOUNTS_PAGE, NULL);

  self->app = app;
  mc_accounts_page_reload (self);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_STAFF) | MC_CHANGE_MASK (MC_CHANGE_UNIT), FALSE,
                          (McPageReload) mc_accounts_page_reload);
  return self;
}

void
mc_accounts_page_reload (McAccountsPage *self)
{
  g_autoptr(McAccounts) accounts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_ACCOUNTS_PAGE (self));

  accounts = mc_accounts_new (mc_application_get_db (self->app));
  rows = mc_accounts_list (accounts, &error);
  if (rows == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_ptr_array_set_free_func (rows, NULL);  /* the items own the records now */
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (objects, mc_boxed_item_new (rows->pdata[i], (GDestroyNotify) mc_staff_free));
  g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       objects->pdata, objects->len);
  update_count (self);
  selection_changed_cb (self);
}

guint
mc_accounts_page_get_n_accounts (McAccountsPage *self)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
}

const McStaff *
mc_accounts_page_get_account (McAccountsPage *self, guint position)
{
  g_autoptr(McBoxedItem) object = NULL;

  g_return_val_if_fail (MC_IS_ACCOUNTS_PAGE (self), NULL);

  object = g_list_model_get_item (G_LIST_MODEL (self->accounts), position);
  return object ? staff_of (object) : NULL;
}

gboolean
mc_accounts_page_select (McAccountsPage *self, const char *username)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS_PAGE (self), FALSE);

  for (guint i = 0; i < mc_accounts_page_get_n_accounts (self); i++)
    if (g_strcmp0 (mc_accounts_page_get_account (self, i)->username, username) == 0)
      {
        gtk_single_selection_set_selected (self->selection, i);
        return TRUE;
      }
  return FALSE;
}

McAccountDialog *
mc_accounts_page_get_dialog (McAccountsPage *self)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS_PAGE (self), NULL);

  return self->dialog;
}

char *
mc_accounts_page_state_text (const McStaff *staff)
{
  g_return_val_if_fail (staff != NULL, NULL);

  if (!staff->active)
    return g_strdup (_("Disabled"));
  if (staff->locked_until > mc_time_now ())
    {
      g_autofree char *until = mc_format_time (staff->locked_until);
      /* Translators: %s is a time such as "10:00 ngày 03/05/2024" */
      return g_strdup_printf (_("Locked until %s"), until);
    }
  if (!staff->has_password)
    return g_strdup (_("No password yet"));
  if (staff->must_change_password)
    return g_strdup (_("Must change password"));
  return g_strdup (_("Active"));
}
