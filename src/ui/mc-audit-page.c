/* mc-audit-page.c — Nhật ký hệ thống: the audit trail, filtered, and its integrity check
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are core's (mc_audit_list, newest first), in the words core gives
 * them (mc-audit-labels.h); the page runs mc_audit_verify on demand.
 * At most MAX_ROWS are shown: narrowing the filter finds older ones.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-audit-labels.h"
#include "mc-audit-page.h"
#include "mc-page-changes.h"
#include "mc-date-entry.h"
#include "mc-boxed-item.h"
#include "mc-empty-state.h"
#include "mc-format.h"
#include "mc-text-column.h"

#define MAX_ROWS 1000

struct _McAuditPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  GListStore         *entries;     /* McBoxedItem of McAuditEntry */
  GPtrArray          *usernames;   /* item i + 1 of the person drop-down */
  char               *verify_message;
  gboolean            loading;
  GtkDropDown        *user;
  GtkSearchEntry     *dossier;
  McDateEntry        *from;
  McDateEntry        *to;
  GtkColumnView      *view;
  GtkLabel           *count;
  GtkBox             *verify_box;
  GtkImage           *verify_icon;
  GtkLabel           *verify_label;
};

G_DEFINE_FINAL_TYPE (McAuditPage, mc_audit_page, ADW_TYPE_BIN)

static McAuditEntry *entry_of (gpointer object) { return mc_boxed_item_get (MC_BOXED_ITEM (object)); }

static char *time_of (gpointer o) { return mc_format_time (entry_of (o)->at); }
static char *action_of (gpointer o) { return g_strdup (mc_audit_action_to_label (entry_of (o)->action)); }
static char *detail_of (gpointer o) { return mc_audit_entry_describe (entry_of (o)); }

static char *
person_of (gpointer o)
{
  McAuditEntry *e = entry_of (o);

  if (e->username == NULL)
    /* Translators: who acted, when no one was signed in (an import, a migration) */
    return g_strdup (_("System"));
  return g_strdup_printf ("%s (%s)", e->full_name ? e->full_name : e->username, e->username);
}

static char *
object_of (gpointer o)
{
  McAuditEntry *e = entry_of (o);

  if (e->object_label == NULL || *e->object_label == '\0')
    return g_strdup (mc_audit_object_kind_to_label (e->object_kind));
  return g_strdup_printf ("%s %s", mc_audit_object_kind_to_label (e->object_kind), e->object_label);
}

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

static void
reload_cb (McAuditPage *self)
{
  McDate from, to;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (self->loading || self->app == NULL)
    return;
  from = read_date (self->from);
  to = read_date (self->to);
  if (from == MC_DATE_INVALID || to == MC_DATE_INVALID)
    return;
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dossier))));
  rows = mc_audit_list (mc_application_get_db (self->app), chosen_username (self), code,
                        from ? mc_time_from_local (from, 0) : 0, to ? mc_time_from_local (to + 1, 0) : 0,
                        MAX_ROWS, &error);
  if (rows == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_ptr_array_set_free_func (rows, NULL);  /* the items own the entries now */
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (objects, mc_boxed_item_new (rows->pdata[i], (GDestroyNotify) mc_audit_entry_free));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       objects->pdata, objects->len);
  update_count (self);
}

static void
fill_people (McAuditPage *self)
{
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (self->app));
  g_autoptr(GPtrArray) staff = mc_accounts_list (accounts, NULL);
  GtkStringList *people = gtk_string_list_new (NULL);

  self->loading = TRUE;
  g_ptr_array_set_size (self->usernames, 0);
  gtk_string_list_append (people, _("Everybody"));
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      McStaff *s = staff->pdata[i];
      g_autofree char *text = g_strdup_printf ("%s (%s)", s->full_name, s->username);

      gtk_string_list_append (people, text);
      g_ptr_array_add (self->usernames, g_strdup (s->username));
    }
  gtk_drop_down_set_model (self->user, G_LIST_MODEL (people));
  gtk_drop_down_set_selected (self->user, 0);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_AUDIT_PAGE);
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
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, user);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, dossier);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, from);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, to);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, view);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, count);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, verify_box);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, McAuditPage, verify_label);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_cb);
}

static void
mc_audit_page_init (McAuditPage *self)
{
  GtkNoSelection *selection;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
  self->usernames = g_ptr_array_new_with_free_func (g_free);
  self->entries = g_list_store_new (MC_TYPE_BOXED_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  mc_empty_state_attach (gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_SCROLLED_WINDOW),
                         G_LIST_MODEL (self->entries), "edit-find-symbolic", _("No log entry"),
                         _("Nothing was recorded for this person, dossier and dates. Widen the dates or clear "
                           "the person and the dossier code."));
  g_object_unref (selection);
  mc_text_column_add (self->view, _("Time"), time_of, FALSE, 185, NULL, NULL);
  mc_text_column_add (self->view, _("Performed by"), person_of, FALSE, 200, NULL, NULL);
  mc_text_column_add (self->view, _("Action"), action_of, FALSE, 190, NULL, NULL);
  mc_text_column_add (self->view, _("Object"), object_of, FALSE, 230, NULL, NULL);
  mc_text_column_add (self->view, _("Details"), detail_of, TRUE, -1, NULL, NULL);
  /* What happened while the page was hidden shows when it is shown. */
}

McAuditPage *
mc_audit_page_new (McApplication *app)
{
  McAuditPage *self = g_object_new (MC_TYPE_AUDIT_PAGE, NULL);

  self->app = app;
  fill_people (self);
  reload_cb (self);
  /* Every write adds to the trail: any kind. */
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app), ~0u, FALSE,
                          (McPageReload) mc_audit_page_reload);
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

const McAuditEntry *
mc_audit_page_get_entry (McAuditPage *self, guint position)
{
  g_autoptr(McBoxedItem) object = NULL;

  g_return_val_if_fail (MC_IS_AUDIT_PAGE (self), NULL);

  object = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  return object ? entry_of (object) : NULL;
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
