/* mc-text-column.h — a column of text in a GtkColumnView, from a function of the item
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns a newly allocated text for an item of the view's model. */
typedef char *(*McTextOf) (gpointer item);

/* wrap: long text wraps (and the column expands) instead of being ellipsized.
 * width > 0 fixes the width. compare, if not NULL, makes the column sortable. */
void mc_text_column_add (GtkColumnView *view, const char *title, McTextOf text_of, gboolean wrap, int width,
                         GCompareDataFunc compare, gpointer compare_data);

/* The same column bound to a property of the items (a string, or anything
 * that transforms to one): the label follows the property's notify, so a
 * row updates in place when its object changes. `sorter` (owned) makes the
 * column sortable, e.g. mc_text_column_sorter (type, property). */
GtkColumnViewColumn *mc_text_column_add_property (GtkColumnView *view, const char *title, GType item_type,
                                                  const char *property, gboolean wrap, int width, GtkSorter *sorter);
/* Sorts by the property: strings with the locale's collation, numbers by value. */
GtkSorter           *mc_text_column_sorter       (GType item_type, const char *property);

/* Bound cells: the cell follows its item's properties (GtkExpression), so a
 * changed item updates its row without the list being read again. */

/* `property` of the row's item (of `item_type`): the expression a bound
 * column starts from. */
GtkExpression *mc_text_column_property (GType item_type, const char *property);
/* `callback` (this: the GtkListItem, then the properties' values in order,
 * then NULL user data) over the row's item's properties named after
 * `value_type`, NULL-terminated; a string callback returns a newly
 * allocated string, as GtkBuilder closures do. */
GtkExpression *mc_text_column_closure  (GType item_type, GType value_type, GCallback callback,
                                        const char *first_property, ...) G_GNUC_NULL_TERMINATED;
/* A text column whose cell is bound to `text` (a string expression of the
 * row, from the two above; the column takes it). */
void           mc_text_column_add_bound (GtkColumnView *view, const char *title, GtkExpression *text, gboolean wrap,
                                         int width);

G_END_DECLS
