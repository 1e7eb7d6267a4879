/* mc-object-list.h — a GListModel of core's objects that follows McChanges with exact items-changed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-changes.h"
#include "mc-keyed-rows.h"

G_BEGIN_DECLS

#define MC_TYPE_OBJECT_LIST (mc_object_list_get_type ())
G_DECLARE_FINAL_TYPE (McObjectList, mc_object_list, MC, OBJECT_LIST, GObject)

/* The item's identity and its update (mc-keyed-rows.h). An update NULL:
 * every read-write property that differs is set (each notifies). */
typedef McKeyedRowsKey McObjectListKey;
typedef McKeyedRowsUpdate McObjectListUpdate;
/* The whole list as it is now, in its order: a new array of new references
 * (free func g_object_unref), or NULL with an error. `kind` is what changed
 * (MC_CHANGE_ALL for the first load and explicit reloads); a loader may use
 * the list's current items (an append-only trail loads only newer rows). */
typedef GPtrArray *(*McObjectListLoad) (McObjectList *list, McChangeKind kind, gpointer data, GError **error);

McObjectList *mc_object_list_new     (GType item_type, McObjectListKey key, McObjectListUpdate update,
                                      McObjectListLoad load, gpointer data, GDestroyNotify destroy);
/* Reloads when a change of a kind in `mask` is told (one reload per
 * emission); a failed reload keeps the items and warns. */
void          mc_object_list_follow  (McObjectList *self, McChanges *changes, guint mask);
/* Loads again now (MC_CHANGE_ALL); FALSE with the loader's error. */
gboolean      mc_object_list_reload  (McObjectList *self, GError **error);
/* Makes the list equal to `fresh` (same order), emitting items-changed for
 * exactly the rows removed, inserted or moved. Takes no reference of `fresh`. */
void          mc_object_list_sync    (McObjectList *self, GPtrArray *fresh);
gpointer      mc_object_list_peek    (McObjectList *self, guint position);  /* no reference; NULL past the end */
/* Position of the item with `key`, or -1. */
int           mc_object_list_find    (McObjectList *self, gint64 key);
/* How many times a reload was done (tests; a page's "still loading"). */
guint         mc_object_list_get_n_loads (McObjectList *self);

G_END_DECLS
