/* mc-text-column.c — a column of text in a GtkColumnView, from a function of the item
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dossier list shows plain text cells computed from its items. The
 * catalog binds its cells to one property of its items
 * (mc_text_column_add_property), the inbox and the return desk to their
 * dossiers' properties or a closure of several (mc_text_column_add_bound), as
 * gnome-text-editor's and epiphany's list rows do with GtkExpression: the
 * binding is made once in "setup", on the list item, and follows both the
 * item the row is given and that item's notifications.
 */
#include "config.h"

#include "mc-text-column.h"
#include "mc-tooltip.h"

/* A long text, which the cell shortens, is whole in the cell's tooltip:
 * past 40 characters, or any text of a wrapped column (it may be cut at
 * three lines). Made when the pointer rests on the cell (mc-tooltip.c), not
 * at each bind. */
static GtkWidget *
new_label (gboolean wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  if (wrap)
    {
      /* Long procedure names wrap, but a row never grows past three lines
       * and the column never shrinks to a word a line: the list scrolls
       * sideways on a narrow screen instead. The whole text is the tooltip. */
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_width_chars (GTK_LABEL (label), 22);
    }
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = new_label (GPOINTER_TO_INT (user_data));

  mc_tooltip_own_text (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
setup_bound_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkExpression *text = g_object_get_data (G_OBJECT (factory), "text");
  GtkWidget *label = new_label (GPOINTER_TO_INT (user_data));

  gtk_expression_bind (gtk_expression_ref (text), label, "label", item);
  mc_tooltip_own_text (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
property_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gboolean wrap = GPOINTER_TO_INT (user_data);
  GtkExpression *text = g_object_get_data (G_OBJECT (factory), "expression");
  GtkWidget *label = new_label (wrap);

  gtk_expression_bind (gtk_expression_ref (text), label, "label", item);
  /* the whole text, however many lines are shown */
  if (wrap)
    mc_tooltip_own_text (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  McTextOf text_of = (McTextOf) g_object_get_data (G_OBJECT (factory), "text-of");
  gpointer object = gtk_list_item_get_item (item);
  g_autofree char *text = object ? text_of (object) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

void
mc_text_column_add (GtkColumnView *view, const char *title, McTextOf text_of, gboolean wrap, int width,
                    GCompareDataFunc compare, gpointer compare_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "text-of", text_of);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, wrap);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  if (compare != NULL)
    gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_custom_sorter_new (compare, compare_data, NULL)));
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

GtkColumnViewColumn *
mc_text_column_add_property (GtkColumnView *view, const char *title, GType item_type, const char *property,
                             gboolean wrap, int width, GtkSorter *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data_full (G_OBJECT (factory), "expression", mc_text_column_property (item_type, property),
                          (GDestroyNotify) gtk_expression_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (property_setup_cb), GINT_TO_POINTER (wrap));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, wrap);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  if (sorter != NULL)
    {
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;  /* owned by the view */
}

GtkSorter *
mc_text_column_sorter (GType item_type, const char *property)
{
  gpointer klass = g_type_class_ref (item_type);
  GParamSpec *spec = g_object_class_find_property (klass, property);
  gboolean text = spec != NULL && spec->value_type == G_TYPE_STRING;
  GtkExpression *value = gtk_property_expression_new (item_type, NULL, property);

  g_type_class_unref (klass);
  if (text)
    return GTK_SORTER (gtk_string_sorter_new (value));
  return GTK_SORTER (gtk_numeric_sorter_new (value));
}

GtkExpression *
mc_text_column_property (GType item_type, const char *property)
{
  return gtk_property_expression_new (item_type, gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                      property);
}

GtkExpression *
mc_text_column_closure (GType item_type, GType value_type, GCallback callback, const char *first_property, ...)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  va_list args;

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (params, mc_text_column_property (item_type, name));
  va_end (args);
  return gtk_cclosure_expression_new (value_type, NULL, params->len, (GtkExpression **) params->pdata, callback,
                                      NULL, NULL);
}

void
mc_text_column_add_bound (GtkColumnView *view, const char *title, GtkExpression *text, gboolean wrap, int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data_full (G_OBJECT (factory), "text", text, (GDestroyNotify) gtk_expression_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_bound_cb), GINT_TO_POINTER (wrap));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, wrap);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}
