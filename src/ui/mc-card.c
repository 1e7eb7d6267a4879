/* mc-card.c — the framed, titled blocks of the figure pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tổng quan and Thống kê xếp hàng lay out their charts and tables in the
 * same cards, so that the two pages a leader reads side by side look alike.
 */
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
