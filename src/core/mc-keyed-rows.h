/* mc-keyed-rows.h — the rows of a list model brought up to date in place, by row id, with exact items-changed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An item's identity (a row id): an item whose key is still there keeps its
 * object, updated in place, so a row bound to it follows. */
typedef gint64 (*McKeyedRowsKey) (gpointer item);
/* Copies `fresh` into `item` (same key), notifying what changed. */
typedef void (*McKeyedRowsUpdate) (gpointer item, gpointer fresh);

/* `rows` (GObject*, owned) are the items of `model`; `fresh` the same list
 * read again. Afterwards `rows` holds fresh's keys in fresh's order, and
 * "items-changed" was emitted on `model` for exactly what moved: rows gone
 * are one removal per run of neighbours, new ones one insertion per run,
 * one that moved a removal and an insertion of the same object. A row that
 * stays is the same object, given to `update` (only its changed properties
 * notify), so a view keeps its row, its selection and its scroll. Takes no
 * reference of `fresh`. */
void mc_keyed_rows_merge (GListModel *model, GPtrArray *rows, GPtrArray *fresh, McKeyedRowsKey key,
                          McKeyedRowsUpdate update);

/* One row read again, for a change that names its row: `fresh` (NULL: the
 * row is not, or no longer, in the list) goes where `order` sorts it among
 * the others, which are taken to be in that order. A row already there in
 * its place is updated (no items-changed); a new one is one insertion, one
 * gone one removal, one that moved a removal and an insertion of the same
 * object. Takes no reference of `fresh`. */
void mc_keyed_rows_put   (GListModel *model, GPtrArray *rows, gint64 k, gpointer fresh, GCompareFunc order,
                          McKeyedRowsKey key, McKeyedRowsUpdate update);

/* Position of the row with key `k`, or -1. */
int  mc_keyed_rows_find  (GPtrArray *rows, McKeyedRowsKey key, gint64 k);

G_END_DECLS
