/* mc-wrap-box.h — a row of buttons that wraps onto more lines when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MC_TYPE_WRAP_BOX (mc_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (McWrapBox, mc_wrap_box, MC, WRAP_BOX, GtkWidget)

GtkWidget *mc_wrap_box_new    (int spacing);
void       mc_wrap_box_append (McWrapBox *self, GtkWidget *child);
void       mc_wrap_box_remove_all (McWrapBox *self);

G_END_DECLS
