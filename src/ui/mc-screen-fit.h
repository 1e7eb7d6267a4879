/* mc-screen-fit.h — every window opens within its screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Room left around a dialog for the desktop's panels and its own frame. */
#define MC_SCREEN_FIT_MARGIN 48

/* From now on, every GtkWindow realized in this process has its default
 * size brought within the monitor of its parent (or the first monitor). */
void     mc_screen_fit_install (void);
/* Brings `window`'s default size within max_width × max_height; TRUE
 * when it changed it. */
gboolean mc_screen_fit_window  (GtkWindow *window, int max_width, int max_height);
/* The room a window has on the monitor it opens on (a dialog's margin taken off). */
gboolean mc_screen_fit_room    (GtkWindow *window, int *width, int *height);

G_END_DECLS
