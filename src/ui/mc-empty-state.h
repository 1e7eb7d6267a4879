/* mc-empty-state.h — what an empty list says instead of a bare header
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Puts `list` (a list's scrolled window, a child of a GtkBox) and an
 * AdwStatusPage into a GtkStack at the list's place; the status page is
 * shown while `model` has no items. `description` says what to do. The
 * status page is returned (the stack owns it) for a page that changes its
 * texts with its filters. */
AdwStatusPage *mc_empty_state_attach   (GtkWidget *list, GListModel *model, const char *icon_name,
                                        const char *title, const char *description);
/* The status page of a list made by mc_empty_state_attach, whether shown. */
gboolean       mc_empty_state_is_shown (AdwStatusPage *status);

G_END_DECLS
