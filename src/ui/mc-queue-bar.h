/* mc-queue-bar.h — the counter's queue bar on Tiếp nhận and Trả kết quả
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-queue.h"

G_BEGIN_DECLS

#define MC_TYPE_QUEUE_BAR (mc_queue_bar_get_type ())
G_DECLARE_FINAL_TYPE (McQueueBar, mc_queue_bar, MC, QUEUE_BAR, GtkBox)

/* The bar of this computer's counter (the "queue-counter" setting, 0: none,
 * and the bar hides itself). */
McQueueBar    *mc_queue_bar_new         (McApplication *app);
/* Puts a bar above the page's content (an AdwBin's child). */
McQueueBar    *mc_queue_bar_attach      (AdwBin *page, McApplication *app);
/* The ticket called or being served at the counter, or NULL. */
McQueueTicket *mc_queue_bar_get_current (McQueueBar *self);
int            mc_queue_bar_get_counter (McQueueBar *self);
/* What "Hôm nay của tôi" shows now, read again (as the popover does). */
char          *mc_queue_bar_dup_my_day  (McQueueBar *self);
/* Reads the counter's ticket and the waiting count again. */
void           mc_queue_bar_reload      (McQueueBar *self);

G_END_DECLS
