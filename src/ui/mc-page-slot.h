/* mc-page-slot.h — a page of the main window, built when first shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-pages.h"

G_BEGIN_DECLS

#define MC_TYPE_PAGE_SLOT (mc_page_slot_get_type ())
G_DECLARE_FINAL_TYPE (McPageSlot, mc_page_slot, MC, PAGE_SLOT, AdwBin)

/* The stack's child for the page `info` describes; its "n-waiting" and
 * "n-overdue" (guint) are the sidebar's badges: counted by `info->badges`
 * until the page is built, the page's own properties after. */
McPageSlot *mc_page_slot_new       (const McPageInfo *info, McApplication *app);
/* The page, built (widgets, models, queries) on the first call. */
GtkWidget  *mc_page_slot_get_page  (McPageSlot *self);
/* The page if it was built, else NULL: nothing is built. */
GtkWidget  *mc_page_slot_peek_page (McPageSlot *self);

G_END_DECLS
