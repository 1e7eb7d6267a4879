/* mc-board-view.h — the liveboard widget: mc_board_draw at the frame clock's pace
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-board-source.h"

G_BEGIN_DECLS

#define MC_TYPE_BOARD_VIEW (mc_board_view_get_type ())
G_DECLARE_FINAL_TYPE (McBoardView, mc_board_view, MC, BOARD_VIEW, GtkWidget)

GtkWidget *mc_board_view_new              (McBoardSource *source);
/* Seconds each page stays at least (setting "liveboard-page-seconds"). */
void       mc_board_view_set_page_seconds (McBoardView *self, double seconds);

G_END_DECLS
