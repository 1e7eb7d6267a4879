/* mc-sidebar.h — the navigation sidebar: the pages of a GtkStack, with count badges
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MC_TYPE_SIDEBAR (mc_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (McSidebar, mc_sidebar, MC, SIDEBAR, AdwBin)

McSidebar *mc_sidebar_new       (GtkStack *stack);
GtkStack  *mc_sidebar_get_stack (McSidebar *self);
void       mc_sidebar_set_stack (McSidebar *self, GtkStack *stack);
/* Two badges after a page's title, bound to the page's own guint
 * properties "n-waiting" (a count) and "n-overdue" (an alert count in red)
 * when it has them; a zero hides its badge.
 * The texts the badges show ("" when hidden), for tests. */
void       mc_sidebar_get_badge_texts (McSidebar *self, const char *name, char **count, char **alert);

G_END_DECLS
