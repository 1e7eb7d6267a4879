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
#include "mc-column-fit.h"
#include "mc-wrap-box.h"
#include "mc-format.h"
#include "mc-object-list.h"
#include "mc-text-column.h"

struct _McAccountsPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  GListModel         *accounts;   /* core's McObjectList of McStaff: follows McChanges */
  McStaff            *watched;    /* the selected account, whose changes update the buttons */
  GtkSingleSelection *selection;
  McAccountDialog    *dialog;     /* weak */
  McColumnFit        *fit;
  GtkColumnView      *view;
  GtkLabel           *count;
  GtkButton          *toggle_button;
};

G_DEFINE_FINAL_TYPE (McAccountsPage, mc_accounts_page, ADW_TYPE_BIN)

static McStaff *
selected (McAccountsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Roles as pills, one per role, so a glance finds the administrators.
 * They wrap onto a second line when the column is narrow (tn.ha's two
 * roles at the default window size). A McWrapBox, not a GtkFlowBox: the
 * flow box told the column view a height smaller than its pills', so two
 * pills were stacked and squeezed into one row's height, and even one was
 * flattened in a row of one-line cells. */
static void
roles_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *box = mc_wrap_box_new (4);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (box, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
show_roles (McWrapBox *box, McStaff *staff)
{
  mc_wrap_box_remove_all (box);
  for (McRoles r = 1; r <= MC_ROLE_ADMIN; r <<= 1)
    if (mc_staff_get_roles (staff) & r)
      {
        GtkWidget *label = gtk_label_new (mc_role_to_label (r));
        gtk_widget_add_css_class (label, "badge");
        gtk_widget_add_css_class (label, r == MC_ROLE_ADMIN ? "step-late" : "count");
        gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
        mc_wrap_box_append (box, label);
      }
}

static void
roles_changed_cb (McStaff *staff, GParamSpec *pspec, McWrapBox *box)
{
  show_roles (box, staff);
}

/* The pills follow the account's "roles" while the row shows it. */
static void
roles_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  McWrapBox *box = MC_WRAP_BOX (gtk_list_item_get_child (item));
  McStaff *staff = gtk_list_item_get_item (item);

  show_roles (box, staff);
  g_signal_connect_object (staff, "notify::roles", G_CALLBACK (roles_changed_cb), box, 0);
}

static void
roles_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), roles_changed_cb,
                                        gtk_list_item_get_child (item));
}

static void
add_roles_column (McAccountsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (roles_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (roles_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (roles_unbind_cb), NULL);
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
update_actions (McAccountsPage *self)
{
  McStaff *staff = selected (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "accounts.edit", staff != NULL);
  gtk_widget_action_set_enabled (widget, "accounts.password", staff != NULL);
  gtk_widget_action_set_enabled (widget, "accounts.unlock",
                                 staff != NULL && mc_staff_get_locked_until (staff) > mc_time_now ());
  gtk_widget_action_set_enabled (widget, "accounts.toggle-active", staff != NULL);
  gtk_button_set_label (self->toggle_button,
                        staff != NULL && !mc_staff_get_active (staff) ? _("_Enable") : _("_Disable"));
}

/* The buttons follow the selected account, also when it changes under
 * them (disabled, unlocked, at this desk or another). */
static void
selection_changed_cb (McAccountsPage *self)
{
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, update_actions, self);
  g_set_object (&self->watched, selected (self));
  if (self->watched != NULL)
    g_signal_connect_object (self->watched, "notify::state-label", G_CALLBACK (update_actions), self,
                             G_CONNECT_SWAPPED);
  update_actions (self);
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
open_dialog (McAccountsPage *self, McAccountDialogMode mode, McStaff *staff)
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
  g_autofree char *username = selected (self) ? g_strdup (mc_staff_get_username (selected (self))) : NULL;
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
  g_autofree char *username = s ? g_strdup (mc_staff_get_username (s)) : NULL;
  g_autoptr(GError) error = NULL;

  if (s == NULL)
    return;
  if (!mc_accounts_update (accounts, username, mc_staff_get_full_name (s), mc_staff_get_title (s),
                           mc_staff_get_department_code (s), mc_staff_get_roles (s), !mc_staff_get_active (s),
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
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, update_actions, self);
  g_clear_object (&self->watched);
  g_clear_object (&self->selection);
  g_clear_object (&self->accounts);
  G_OBJECT_CLASS (mc_accounts_page_parent_class)->dispose (object);
}

static void
mc_accounts_page_class_init (McAccountsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_accounts_page_dispose;
  g_type_ensure (MC_TYPE_WRAP_BOX);
  g_type_ensure (MC_TYPE_COLUMN_FIT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAccountsPage, fit);
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
  /* Each cell is bound to a property of the account: an account changed
   * (here, at another desk, from the command line) updates its row alone. */
  mc_text_column_add_property (self->view, _("User name"), MC_TYPE_STAFF, "username", FALSE, 120, NULL);
  mc_text_column_add_property (self->view, _("Full name"), MC_TYPE_STAFF, "full-name", FALSE, 180, NULL);
  mc_text_column_add_property (self->view, _("Title"), MC_TYPE_STAFF, "title", FALSE, 190, NULL);
  /* A width of its own (it may be left out: McColumnFit), and it still grows. */
  mc_text_column_add_property (self->view, _("Department"), MC_TYPE_STAFF, "department-name", TRUE, 200, NULL);
  add_roles_column (self);
  mc_text_column_add_property (self->view, _("State"), MC_TYPE_STAFF, "state-label", FALSE, 170, NULL);
  /* Narrow, the title is left out first, then the department (the
   * account's dialog has both); the name, roles and state stay. */
  mc_column_fit_add_optional_at (self->fit, (const guint[]) { 2, 3 }, 2);
}

McAccountsPage *
mc_accounts_page_new (McApplication *app)
{
  McAccountsPage *self = g_object_new (MC_TYPE_ACCOUNTS_PAGE, NULL);

  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));
  g_autoptr(GError) error = NULL;

  self->app = app;
  self->accounts = mc_accounts_list_model (accounts, &error);
  if (self->accounts == NULL)
    {
      g_warning ("%s", error->message);
      self->accounts = G_LIST_MODEL (g_list_store_new (MC_TYPE_STAFF));
    }
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->accounts)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  update_count (self);
  selection_changed_cb (self);
  return self;
}

void
mc_accounts_page_reload (McAccountsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MC_IS_ACCOUNTS_PAGE (self));

  /* The model follows McChanges by itself; this is for the person's own
   * save, shown before the notification's idle (nothing is told twice). */
  if (MC_IS_OBJECT_LIST (self->accounts) && !mc_object_list_reload (MC_OBJECT_LIST (self->accounts), &error))
    g_warning ("%s", error->message);
}

guint
mc_accounts_page_get_n_accounts (McAccountsPage *self)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
}

McStaff *
mc_accounts_page_get_account (McAccountsPage *self, guint position)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS_PAGE (self), NULL);

  /* Owned by the model, which keeps an account's object while it is listed. */
  if (!MC_IS_OBJECT_LIST (self->accounts))
    return NULL;
  return mc_object_list_peek (MC_OBJECT_LIST (self->accounts), position);
}

gboolean
mc_accounts_page_select (McAccountsPage *self, const char *username)
{
  g_return_val_if_fail (MC_IS_ACCOUNTS_PAGE (self), FALSE);

  for (guint i = 0; i < mc_accounts_page_get_n_accounts (self); i++)
    if (g_strcmp0 (mc_staff_get_username (mc_accounts_page_get_account (self, i)), username) == 0)
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
mc_accounts_page_state_text (McStaff *staff)
{
  g_return_val_if_fail (MC_IS_STAFF (staff), NULL);

  return mc_staff_dup_state_label (staff);
}
