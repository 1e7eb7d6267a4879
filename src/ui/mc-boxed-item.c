/* mc-boxed-item.c — a plain C record from core as an item of a GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core returns short lists as arrays of structs (McWorkItem, McApologyRecord);
 * a GtkColumnView needs GObjects. This wraps one record without copying it.
 */
#include "config.h"

#include "mc-boxed-item.h"

struct _McBoxedItem
{
  GObject         parent_instance;

  gpointer        data;
  GDestroyNotify  free_func;
};

G_DEFINE_FINAL_TYPE (McBoxedItem, mc_boxed_item, G_TYPE_OBJECT)

static void
mc_boxed_item_finalize (GObject *object)
{
  McBoxedItem *self = MC_BOXED_ITEM (object);

  if (self->free_func != NULL && self->data != NULL)
    self->free_func (self->data);
  G_OBJECT_CLASS (mc_boxed_item_parent_class)->finalize (object);
}

static void
mc_boxed_item_class_init (McBoxedItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_boxed_item_finalize;
}

static void
mc_boxed_item_init (McBoxedItem *self)
{
}

McBoxedItem *
mc_boxed_item_new (gpointer data, GDestroyNotify free_func)
{
  McBoxedItem *self = g_object_new (MC_TYPE_BOXED_ITEM, NULL);

  self->data = data;
  self->free_func = free_func;
  return self;
}

gpointer
mc_boxed_item_get (McBoxedItem *self)
{
  g_return_val_if_fail (MC_IS_BOXED_ITEM (self), NULL);

  return self->data;
}
