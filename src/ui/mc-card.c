/* mc-card.c — the framed, titled blocks of the figure pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tổng quan and Thống kê xếp hàng lay out their charts and tables in the
 * same cards, so that the two pages a leader reads side by side look alike.
 */
#include <adwaita.h>

#include "mc-card.h"

GtkWidget *
mc_card_section_new (const char *title, GtkWidget *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

GtkWidget *
mc_card_new (GtkWidget *child)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_frame_set_child (GTK_FRAME (frame), child);
  return frame;
}

GtkWidget *
mc_card_header_button_new (const char *label, const char *icon, const char *tooltip,
                           GCallback callback, gpointer data)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}
