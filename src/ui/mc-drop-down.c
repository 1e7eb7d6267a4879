/* mc-drop-down.c — drop-downs whose button shortens a long choice
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown is as wide as its longest item: "Trần Quang Huy — Trưởng
 * phòng Kinh tế, Hạ tầng và Đô thị" made Xử lý hồ sơ's filter bar 1.300 px
 * wide (issue 16 item 1). The button's label ellipsizes; the list (GTK 4.6's
 * list-factory) still shows the names whole.
 */
#include "config.h"

#include "mc-drop-down.h"
#include "mc-tooltip.h"

static char *
item_text (GtkDropDown *drop_down, gpointer item)
{
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    {
      text = g_value_dup_string (&value);
      g_value_unset (&value);
    }
  return text;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int max_chars = GPOINTER_TO_INT (data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (max_chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (max_chars, 8));
      /* The whole choice, when the pointer rests on it (mc-tooltip.c). */
      mc_tooltip_own_text (GTK_LABEL (label), 0);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, GtkDropDown *drop_down)
{
  g_autofree char *text = item_text (drop_down, gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

static GtkListItemFactory *
new_factory (GtkDropDown *drop_down, int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), drop_down, 0);
  return factory;
}

void
mc_drop_down_shorten (GtkDropDown *drop_down, int max_chars)
{
  g_autoptr(GtkListItemFactory) button = NULL;
  g_autoptr(GtkListItemFactory) list = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  button = new_factory (drop_down, max_chars);
  list = new_factory (drop_down, 0);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
}
