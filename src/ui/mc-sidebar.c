/* mc-sidebar.c — the navigation sidebar: the pages of a GtkStack, with count badges
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkStackSidebar shows titles only; the processing page needs its counts
 * (waiting, overdue) beside its title, so the rows are built here from the
 * stack's pages. A page added to the stack gets its row by itself, and its
 * badges from its own properties: a page with an "n-waiting" property
 * (guint) shows it as a count, with "n-overdue" as a red alert count; the
 * rows follow their notify, so no page tells the window anything.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-format.h"
#include "mc-sidebar.h"

struct _McSidebar
{
  AdwBin       parent_instance;

  GtkStack    *stack;
  GtkListBox  *list;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (McSidebar, mc_sidebar, ADW_TYPE_BIN)

enum { PROP_0, PROP_STACK, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
count_to_text (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  guint n = g_value_get_uint (from);

  g_value_take_string (to, n > 0 ? mc_format_count (n) : g_strdup (""));
  return TRUE;
}

static gboolean
count_to_visible (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

/* The badge shows the page's property `name` when the page has one. */
static void
bind_badge (GtkWidget *label, GtkWidget *child, const char *name)
{
  GParamSpec *pspec = child ? g_object_class_find_property (G_OBJECT_GET_CLASS (child), name) : NULL;

  if (pspec == NULL || pspec->value_type != G_TYPE_UINT)
    return;
  g_object_bind_property_full (child, name, label, "label", G_BINDING_SYNC_CREATE, count_to_text, NULL, NULL, NULL);
  g_object_bind_property_full (child, name, label, "visible", G_BINDING_SYNC_CREATE, count_to_visible, NULL, NULL,
                               NULL);
}

static GtkWidget *
new_badge (const char *css_class, const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "badge");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = new_badge ("count", _("Dossiers waiting"));
  GtkWidget *alert = new_badge ("alert", _("Overdue dossiers"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* Wrapped, never cut: "Danh sách hồ sơ" beside a wide badge read "Dos…". */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  g_object_bind_property (page, "icon-name", icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "visible", row, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), alert);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "count", count);
  g_object_set_data (G_OBJECT (row), "alert", alert);
  bind_badge (count, gtk_stack_page_get_child (page), "n-waiting");
  bind_badge (alert, gtk_stack_page_get_child (page), "n-overdue");
  return row;
}

static void
row_selected_cb (GtkListBox *list, GtkListBoxRow *row, McSidebar *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GObject) page = NULL;

  if (row == NULL || self->syncing || self->stack == NULL)
    return;
  pages = gtk_stack_get_pages (self->stack);
  page = g_list_model_get_item (G_LIST_MODEL (pages), gtk_list_box_row_get_index (row));
  if (page != NULL)
    gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
}

static void
visible_child_cb (McSidebar *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (object);

      if (gtk_stack_page_get_child (page) == child)
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) i));
    }
  self->syncing = FALSE;
}

static void
mc_sidebar_dispose (GObject *object)
{
  McSidebar *self = MC_SIDEBAR (object);

  mc_sidebar_set_stack (self, NULL);
  G_OBJECT_CLASS (mc_sidebar_parent_class)->dispose (object);
}

static void
mc_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, MC_SIDEBAR (object)->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_sidebar_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STACK:
      mc_sidebar_set_stack (MC_SIDEBAR (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_sidebar_class_init (McSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_sidebar_dispose;
  object_class->get_property = mc_sidebar_get_property;
  object_class->set_property = mc_sidebar_set_property;
  properties[PROP_STACK] = g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "mcsidebar");
}

static void
mc_sidebar_init (McSidebar *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

McSidebar *
mc_sidebar_new (GtkStack *stack)
{
  return g_object_new (MC_TYPE_SIDEBAR, "stack", stack, NULL);
}

GtkStack *
mc_sidebar_get_stack (McSidebar *self)
{
  g_return_val_if_fail (MC_IS_SIDEBAR (self), NULL);

  return self->stack;
}

void
mc_sidebar_set_stack (McSidebar *self, GtkStack *stack)
{
  g_return_if_fail (MC_IS_SIDEBAR (self));
  g_return_if_fail (stack == NULL || GTK_IS_STACK (stack));

  if (self->stack == stack)
    return;
  if (self->stack != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->stack, visible_child_cb, self);
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->stack);
    }
  if (stack != NULL)
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (stack);

      self->stack = g_object_ref (stack);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (pages), create_row_cb, NULL, NULL);
      g_signal_connect_swapped (stack, "notify::visible-child", G_CALLBACK (visible_child_cb), self);
      visible_child_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

static const char *
shown_text (GtkListBoxRow *row, const char *key)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), key);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

void
mc_sidebar_get_badge_texts (McSidebar *self, const char *name, char **count, char **alert)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkListBoxRow *found = NULL;

  g_return_if_fail (MC_IS_SIDEBAR (self));

  pages = self->stack ? gtk_stack_get_pages (self->stack) : NULL;
  for (guint i = 0; pages != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (object);

      if (g_strcmp0 (gtk_stack_page_get_name (page), name) == 0)
        found = gtk_list_box_get_row_at_index (self->list, (int) i);
    }
  if (count)
    *count = g_strdup (found ? shown_text (found, "count") : "");
  if (alert)
    *alert = g_strdup (found ? shown_text (found, "alert") : "");
}
