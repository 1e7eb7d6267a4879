/* mc-drop-down.h — drop-downs whose button shortens a long choice
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The button shows the chosen item in at most `max_chars` characters,
 * ending in "…" (its tooltip the whole), the list every item whole. The
 * items are GtkStringObjects, or read through the drop-down's expression. */
void mc_drop_down_shorten (GtkDropDown *drop_down, int max_chars);

G_END_DECLS
