/* mc-page-changes.h — a page follows the database's changes instead of polling
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-db.h"

G_BEGIN_DECLS

typedef void (*McPageReload) (GtkWidget *page);

/* Calls `reload` (from an idle, once for a burst) when a change of one of
 * the kinds in `mask` is committed, here or by another process (MC_CHANGE_ALL
 * always counts). A page that is not shown reloads when it is shown again,
 * unless `even_hidden` (a page whose badge counts while hidden). */
void mc_page_follow_changes (GtkWidget *page, McDb *db, guint mask, gboolean even_hidden, McPageReload reload);

G_END_DECLS
