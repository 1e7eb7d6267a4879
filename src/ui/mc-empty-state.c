/* mc-empty-state.c — what an empty list says instead of a bare header
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column view with no rows shows only its titles, which a clerk reads as
 * "the program is broken" or "nothing loaded". The status page says what
 * the list holds and how to find something in it (another filter, another
 * period), in the list's place; the list comes back with its first row.
 */
#include "config.h"

#include "mc-empty-state.h"

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, GtkStack *stack)
{
  gtk_stack_set_visible_child_name (stack, g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

AdwStatusPage *
mc_empty_state_attach (GtkWidget *list, GListModel *model, const char *icon_name, const char *title,
                       const char *description)
{
  GtkWidget *box = gtk_widget_get_parent (list);
  GtkWidget *before = gtk_widget_get_prev_sibling (list);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *status = adw_status_page_new ();

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  /* The list's expand as computed from its children (a McColumnFit's
   * scrolled window expands; the fit itself sets nothing): its own unset
   * vexpand copied as FALSE kept every table at its natural ~300 pixels. */
  gtk_widget_set_vexpand (stack, gtk_widget_compute_expand (list, GTK_ORIENTATION_VERTICAL));
  gtk_widget_set_hexpand (stack, gtk_widget_compute_expand (list, GTK_ORIENTATION_HORIZONTAL));
  g_object_ref (list);
  gtk_box_remove (GTK_BOX (box), list);
  gtk_box_insert_child_after (GTK_BOX (box), stack, before);
  gtk_stack_add_named (GTK_STACK (stack), list, "list");
  gtk_stack_add_named (GTK_STACK (stack), status, "empty");
  g_object_unref (list);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), stack, 0);
  items_changed_cb (model, 0, 0, 0, GTK_STACK (stack));
  return ADW_STATUS_PAGE (status);
}

gboolean
mc_empty_state_is_shown (AdwStatusPage *status)
{
  GtkWidget *stack;

  g_return_val_if_fail (ADW_IS_STATUS_PAGE (status), FALSE);

  stack = gtk_widget_get_parent (GTK_WIDGET (status));
  return GTK_IS_STACK (stack) && gtk_stack_get_visible_child (GTK_STACK (stack)) == GTK_WIDGET (status);
}
