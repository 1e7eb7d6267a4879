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

G_END_DECLS
