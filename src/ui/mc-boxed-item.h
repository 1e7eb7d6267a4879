/* mc-boxed-item.h — a plain C record from core as an item of a GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MC_TYPE_BOXED_ITEM (mc_boxed_item_get_type ())
G_DECLARE_FINAL_TYPE (McBoxedItem, mc_boxed_item, MC, BOXED_ITEM, GObject)

/* Takes ownership of `data`, released with `free_func` with the item. */
McBoxedItem *mc_boxed_item_new (gpointer data, GDestroyNotify free_func);
gpointer     mc_boxed_item_get (McBoxedItem *self);

G_END_DECLS
