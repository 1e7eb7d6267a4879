/* mc-card.h — the framed, titled blocks of the figure pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* CHILD in a frame styled as a view, 12 px inside. */
GtkWidget *mc_card_new         (GtkWidget *child);
/* TITLE (a wrapping title-4 heading) above CHILD. */
GtkWidget *mc_card_section_new (const char *title, GtkWidget *child);

/* A page header's button: an icon and a label with a mnemonic, TOOLTIP,
 * centred on the header's line; CALLBACK gets DATA when clicked. */
GtkWidget *mc_card_header_button_new (const char *label, const char *icon, const char *tooltip,
                                      GCallback callback, gpointer data);

G_END_DECLS
