/* mc-audit-page.c — Nhật ký hệ thống: the audit trail, filtered, and its integrity check
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are core's model of the trail (mc_audit_list_model, newest first),
 * each cell bound to a property of an McAuditEntry in the words core gives
 * them (mc-audit-labels.h); the model follows every change by itself, asking
 * only for the rows newer than its newest. A filter changed makes a new
 * model. The page runs mc_audit_verify on demand. At most MAX_ROWS are
 * shown: narrowing the filter finds older ones.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-audit-labels.h"
#include "mc-audit-page.h"
#include "mc-column-fit.h"
#include "mc-wrap-box.h"
#include "mc-date-entry.h"
#include "mc-empty-state.h"
#include "mc-format.h"
#include "mc-list-slice.h"
#include "mc-object-list.h"
#include "mc-page-changes.h"
#include "mc-text-column.h"

#define MAX_ROWS 1000

struct _McAuditPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  GListModel         *entries;     /* core's McObjectList of McAuditEntry, for the filter shown */
  GtkSliceListModel  *slice;      /* the entries' first rows, the view's */
  GtkNoSelection     *selection;
  GPtrArray          *usernames;   /* item i + 1 of the person drop-down */
  char               *verify_message;
  gboolean            loading;
  guint               to_top;       /* idle that scrolls back to the newest row */
  GtkDropDown        *user;
  GtkSearchEntry     *dossier;
  McDateEntry        *from;
  McDateEntry        *to;
  McColumnFit        *fit;
  GtkColumnView      *view;
  GtkLabel           *count;
  GtkBox             *verify_box;
  GtkImage           *verify_icon;
  GtkLabel           *verify_label;
};

G_DEFINE_FINAL_TYPE (McAuditPage, mc_audit_page, ADW_TYPE_BIN)

/* 0 when empty (no bound), MC_DATE_INVALID when unreadable (the entry
 * then says why). */
static McDate
read_date (McDateEntry *entry)
{
  McDate date;

  switch (mc_date_entry_read_date (entry, &date))
    {
    case MC_DATE_ENTRY_EMPTY:
      return 0;
    case MC_DATE_ENTRY_VALID:
      return date;
    case MC_DATE_ENTRY_INVALID:
    default:
      return MC_DATE_INVALID;
    }
}

static const char *
chosen_username (McAuditPage *self)
{
  guint i = gtk_drop_down_get_selected (self->user);

  return i > 0 && i <= self->usernames->len ? self->usernames->pdata[i - 1] : NULL;
}

static void
update_count (McAuditPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autofree char *number = mc_format_count (n);
  g_autofree char *text = NULL;

  if (n >= MAX_ROWS)
    /* Translators: %s is a number such as 1.000 */
    text = g_strdup_printf (_("The newest %s entries: narrow the filter to see older ones"), number);
  else
    /* Translators: %s is a number such as 12 */
    text = g_strdup_printf (ngettext ("%s entry", "%s entries", n), number);
  gtk_label_set_text (self->count, text);
}

static GtkWidget *
child_list_view (GtkWidget *view)
{
  for (GtkWidget *c = gtk_widget_get_first_child (view); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      return c;
  return NULL;
}

static gboolean
to_top_cb (gpointer data)
{
  McAuditPage *self = data;
  GtkWidget *list = child_list_view (GTK_WIDGET (self->view));

  self->to_top = 0;
  if (list != NULL && g_list_model_get_n_items (self->entries) > 0)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", 0);
  return G_SOURCE_REMOVE;
}

/* New rows come at the top. A list keeps the row it shows first in place,
 * so someone watching the newest rows would not see them come: when the
 * list was at its top, it stays there. */
static void
entries_changed_cb (McAuditPage *self, guint position, guint removed, guint added)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = scrolled ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkWidget *list = child_list_view (GTK_WIDGET (self->view));

  update_count (self);
  /* After the list has taken the change in (it hears it after this page):
   * scrolling now would ask it for rows it does not have yet. */
  if (position == 0 && added > 0 && adjustment != NULL && gtk_adjustment_get_value (adjustment) < 1 && list != NULL &&
      self->to_top == 0)
    self->to_top = g_idle_add (to_top_cb, self);
}

static void
show_entries (McAuditPage *self, GListModel *entries)
{
  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_func (self->entries, entries_changed_cb, self);
  g_set_object (&self->entries, entries);
  g_signal_connect_object (self->entries, "items-changed", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);
  mc_list_slice_set_model (self->slice, entries);
  update_count (self);
}

static void
reload_cb (McAuditPage *self)
{
  McDate from, to;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (self->loading || self->app == NULL)
    return;
  from = read_date (self->from);
  to = read_date (self->to);
  if (from == MC_DATE_INVALID || to == MC_DATE_INVALID)
    return;
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dossier))));
  entries = mc_audit_list_model (mc_application_get_db (self->app), chosen_username (self), code,
                                 from ? mc_time_from_local (from, 0) : 0, to ? mc_time_from_local (to + 1, 0) : 0,
                                 MAX_ROWS, &error);
  if (entries == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  show_entries (self, entries);
}

static void
fill_people (McAuditPage *self)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (self->app));
  g_autoptr(GPtrArray) staff = mc_accounts_list (accounts, NULL);
  GtkStringList *people = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_strdup (chosen_username (self));
  guint position = 0;

  self->loading = TRUE;
  g_ptr_array_set_size (self->usernames, 0);
  gtk_string_list_append (people, _("Everybody"));
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      McStaff *s = staff->pdata[i];
      g_autofree char *text = g_strdup_printf ("%s (%s)", mc_staff_get_full_name (s), mc_staff_get_username (s));

      gtk_string_list_append (people, text);
      g_ptr_array_add (self->usernames, g_strdup (mc_staff_get_username (s)));
      if (g_strcmp0 (chosen, mc_staff_get_username (s)) == 0)
        position = i + 1;
    }
  /* Someone added is offered; the person chosen stays chosen. */
  gtk_drop_down_set_model (self->user, G_LIST_MODEL (people));
  gtk_drop_down_set_selected (self->user, position);
  g_object_unref (people);
  self->loading = FALSE;
}

static void
show_verify (McAuditPage *self, gboolean ok, const char *message)
{
  g_free (self->verify_message);
  self->verify_message = g_strdup (message);
  gtk_label_set_text (self->verify_label, message);
  gtk_image_set_from_icon_name (self->verify_icon, ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_box), ok ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verify_box), ok ? "success" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->verify_box), TRUE);
}

static void
verify_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  mc_audit_page_verify (MC_AUDIT_PAGE (widget));
}

static void
mc_audit_page_dispose (GObject *object)
{
  McAuditPage *self = MC_AUDIT_PAGE (object);

  g_clear_handle_id (&self->to_top, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_AUDIT_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->usernames, g_ptr_array_unref);
  G_OBJECT_CLASS (mc_audit_page_parent_class)->dispose (object);
}

static void
mc_audit_page_finalize (GObject *object)
{
  g_free (MC_AUDIT_PAGE (object)->verify_message);
  G_OBJECT_CLASS (mc_audit_page_parent_class)->finalize (object);
}

static void
mc_audit_page_class_init (McAuditPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_audit_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = mc_audit_page_finalize;
  g_type_ensure (MC_TYPE_DATE_ENTRY);
  g_type_ensure (MC_TYPE_WRAP_BOX);
  g_type_ensure (MC_TYPE_COLUMN_FIT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, user);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, dossier);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, from);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, to);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, fit);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, view);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, count);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, verify_box);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, verify_label);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_cb);
}

static void
add_column (McAuditPage *self, const char *title, const char *property, gboolean wrap, int width)
{
  mc_text_column_add_property (self->view, title, MC_TYPE_AUDIT_ENTRY, property, wrap, width, NULL);
}

static void
mc_audit_page_init (McAuditPage *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
  self->usernames = g_ptr_array_new_with_free_func (g_free);
  self->entries = G_LIST_MODEL (g_list_store_new (MC_TYPE_AUDIT_ENTRY));
  /* The view binds the newest rows, more as it scrolls (mc-list-slice.c). */
  self->slice = mc_list_slice_new (self->entries);
  self->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  mc_list_slice_follow (self->slice, self->view);
  /* The empty state follows the selection's model, whichever filter made it. */
  mc_empty_state_attach (GTK_WIDGET (self->fit),
                         G_LIST_MODEL (self->selection), "edit-find-symbolic", _("No log entry"),
                         _("Nothing was recorded for this person, dossier and dates. Widen the dates or clear "
                           "the person and the dossier code."));
  add_column (self, _("Time"), "time-label", FALSE, 185);
  add_column (self, _("Performed by"), "person-label", FALSE, 200);
  add_column (self, _("Action"), "action-label", FALSE, 190);
  add_column (self, _("Object"), "object-text", FALSE, 230);
  add_column (self, _("Details"), "description", TRUE, -1);
  /* Narrow, the object is left out first (the details name it), then who. */
  mc_column_fit_add_optional_at (self->fit, (const guint[]) { 3, 1 }, 2);
}

McAuditPage *
mc_audit_page_new (McApplication *app)
{
  McAuditPage *self = g_object_new (MC_TYPE_AUDIT_PAGE, NULL);

  self->app = app;
  fill_people (self);
  reload_cb (self);
  /* People added show in the person drop-down; the rows follow by
   * themselves (core's model). */
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app), MC_CHANGE_MASK (MC_CHANGE_STAFF), FALSE,
                          (McPageReload) fill_people);
  return self;
}

static void
set_entry_date (McDateEntry *entry, McDate date)
{
  g_autofree char *text = date ? mc_format_date (date) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

void
mc_audit_page_set_filter (McAuditPage *self, const char *username, const char *dossier_code, McDate from,
                          McDate to)
{
  guint chosen = 0;

  g_return_if_fail (MC_IS_AUDIT_PAGE (self));

  for (guint i = 0; username != NULL && i < self->usernames->len; i++)
    if (g_str_equal (self->usernames->pdata[i], username))
      chosen = i + 1;
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->user, chosen);
  gtk_editable_set_text (GTK_EDITABLE (self->dossier), dossier_code ? dossier_code : "");
  set_entry_date (self->from, from);
  set_entry_date (self->to, to);
  self->loading = FALSE;
  reload_cb (self);
}

void
mc_audit_page_reload (McAuditPage *self)
{
  g_return_if_fail (MC_IS_AUDIT_PAGE (self));

  reload_cb (self);
}

guint
mc_audit_page_get_n_entries (McAuditPage *self)
{
  g_return_val_if_fail (MC_IS_AUDIT_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

McAuditEntry *
mc_audit_page_get_entry (McAuditPage *self, guint position)
{
  g_return_val_if_fail (MC_IS_AUDIT_PAGE (self), NULL);

  /* Owned by the model, which keeps its rows while they are listed. */
  if (!MC_IS_OBJECT_LIST (self->entries))
    return NULL;
  return mc_object_list_peek (MC_OBJECT_LIST (self->entries), position);
}

gboolean
mc_audit_page_verify (McAuditPage *self)
{
  gint64 n = 0, bad = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  g_return_val_if_fail (MC_IS_AUDIT_PAGE (self), FALSE);

  ok = mc_audit_verify (mc_application_get_db (self->app), &n, &bad, &error);
  if (error != NULL)
    message = g_strdup (error->message);
  else if (ok)
    {
      number = mc_format_count (n);
      /* Translators: %s is a number of rows such as 12.345 */
      message = g_strdup_printf (ngettext ("The log is intact: %s row checked, none edited or deleted",
                                           "The log is intact: %s rows checked, none edited or deleted", n), number);
    }
  else
    {
      number = mc_format_count (n);
      /* Translators: the first %lld is the row number (id) where the hash chain breaks; %s the intact rows before it */
      message = g_strdup_printf (_("The log has been altered at row %lld (the %s rows before it are intact)"),
                                 (long long) bad, number);
    }
  show_verify (self, ok && error == NULL, message);
  return ok && error == NULL;
}

const char *
mc_audit_page_get_verify_message (McAuditPage *self)
{
  g_return_val_if_fail (MC_IS_AUDIT_PAGE (self), NULL);

  return self->verify_message ? self->verify_message : "";
}
