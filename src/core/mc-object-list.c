/* mc-object-list.c — a GListModel of core's objects that follows McChanges with exact items-changed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog, the accounts and the audit trail were GListStores the pages
 * refilled in full (splice 0, all, all) after every change. Here a reload
 * is merged into what is shown by row id (mc-keyed-rows.c, which the
 * inboxes and the return desk use as well): only the rows that came, went
 * or moved are told with items-changed.
 */
#include "config.h"

#include "mc-keyed-rows.h"
#include "mc-object-list.h"

struct _McObjectList
{
  GObject             parent_instance;

  GType               item_type;
  GPtrArray          *items;
  McObjectListKey     key;
  McObjectListUpdate  update;
  McObjectListLoad    load;
  gpointer            data;
  GDestroyNotify      destroy;
  guint               mask;
  guint               n_loads;
};

static void mc_object_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (McObjectList, mc_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mc_object_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return MC_OBJECT_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return MC_OBJECT_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model, guint position)
{
  McObjectList *self = MC_OBJECT_LIST (model);

  return position < self->items->len ? g_object_ref (self->items->pdata[position]) : NULL;
}

static void
mc_object_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
mc_object_list_finalize (GObject *object)
{
  McObjectList *self = MC_OBJECT_LIST (object);

  g_ptr_array_unref (self->items);
  if (self->destroy != NULL)
    self->destroy (self->data);
  G_OBJECT_CLASS (mc_object_list_parent_class)->finalize (object);
}

static void
mc_object_list_class_init (McObjectListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_object_list_finalize;
}

static void
mc_object_list_init (McObjectList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Sets each read-write property of `item` that differs in `fresh`. */
static void
update_properties (gpointer item, gpointer fresh)
{
  guint n;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n);

  g_object_freeze_notify (item);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) old = G_VALUE_INIT;
      g_auto(GValue) new = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE || (specs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      g_value_init (&old, specs[i]->value_type);
      g_value_init (&new, specs[i]->value_type);
      g_object_get_property (item, specs[i]->name, &old);
      g_object_get_property (fresh, specs[i]->name, &new);
      if (g_param_values_cmp (specs[i], &old, &new) != 0)
        g_object_set_property (item, specs[i]->name, &new);
    }
  g_object_thaw_notify (item);
}

McObjectList *
mc_object_list_new (GType item_type, McObjectListKey key, McObjectListUpdate update, McObjectListLoad load,
                    gpointer data, GDestroyNotify destroy)
{
  McObjectList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (key != NULL && load != NULL, NULL);

  self = g_object_new (MC_TYPE_OBJECT_LIST, NULL);
  self->item_type = item_type;
  self->key = key;
  self->update = update ? update : update_properties;
  self->load = load;
  self->data = data;
  self->destroy = destroy;
  return self;
}

static gboolean
load (McObjectList *self, McChangeKind kind, GError **error)
{
  g_autoptr(GPtrArray) fresh = self->load (self, kind, self->data, error);

  if (fresh == NULL)
    return FALSE;
  self->n_loads++;
  mc_object_list_sync (self, fresh);
  return TRUE;
}

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, McObjectList *self)
{
  g_autoptr(GError) error = NULL;

  if (kind != MC_CHANGE_ALL && !(self->mask & MC_CHANGE_MASK (kind)))
    return;
  if (!load (self, kind, &error))
    g_warning ("%s", error->message);
}

void
mc_object_list_follow (McObjectList *self, McChanges *changes, guint mask)
{
  g_return_if_fail (MC_IS_OBJECT_LIST (self));
  g_return_if_fail (MC_IS_CHANGES (changes));

  self->mask = mask;
  g_signal_connect_object (changes, "changed", G_CALLBACK (changed_cb), self, 0);
}

gboolean
mc_object_list_reload (McObjectList *self, GError **error)
{
  g_return_val_if_fail (MC_IS_OBJECT_LIST (self), FALSE);

  return load (self, MC_CHANGE_ALL, error);
}

void
mc_object_list_sync (McObjectList *self, GPtrArray *fresh)
{
  g_return_if_fail (MC_IS_OBJECT_LIST (self));

  mc_keyed_rows_merge (G_LIST_MODEL (self), self->items, fresh, self->key, self->update);
}

gpointer
mc_object_list_peek (McObjectList *self, guint position)
{
  g_return_val_if_fail (MC_IS_OBJECT_LIST (self), NULL);

  return position < self->items->len ? self->items->pdata[position] : NULL;
}

int
mc_object_list_find (McObjectList *self, gint64 key)
{
  g_return_val_if_fail (MC_IS_OBJECT_LIST (self), -1);

  return mc_keyed_rows_find (self->items, self->key, key);
}

guint
mc_object_list_get_n_loads (McObjectList *self)
{
  g_return_val_if_fail (MC_IS_OBJECT_LIST (self), 0);

  return self->n_loads;
}
