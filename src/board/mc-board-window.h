/* mc-board-window.h — the liveboard's full-screen window, and `motcua liveboard`
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-board-announcer.h"
#include "mc-board-source.h"

G_BEGIN_DECLS

#define MC_TYPE_BOARD_WINDOW (mc_board_window_get_type ())
G_DECLARE_FINAL_TYPE (McBoardWindow, mc_board_window, MC, BOARD_WINDOW, GtkWindow)

/* Undecorated, full screen on monitor `monitor` (0 = the first; past the
 * last: the last), without a cursor; Esc leaves full screen, F11 toggles it.
 * Page duration and monitor follow the settings when `settings` is given. */
GtkWidget *mc_board_window_new       (McBoardSource *source, GSettings *settings, int monitor);

/* The calls said aloud (mc-board-announcer.h): this PC's settings
 * (liveboard-speak, -volume, -quiet-period, -clips, -say-le, -say-bon)
 * unless the command line overrode them here: volume -1, quiet and clips
 * NULL keep the setting; `style` is added to the settings' reading style. */
void       mc_board_window_override_speech (McBoardWindow *self, gboolean mute, int volume, const char *quiet,
                                            const char *clips, McSpokenStyle style);
McBoardAnnouncer *mc_board_window_get_announcer (McBoardWindow *self);

/* `motcua [--db PATH] liveboard [--monitor N]` (see mc_board_window_wanted
 * in mc-board-command.h), run by the GUI helper motcua-gui. */
int        mc_board_window_main      (int argc, char **argv);

G_END_DECLS
