/* gui-main.c — motcua-gui: the application window, the liveboard window, a
 * counter display or the ticket kiosk
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installed in libexecdir and started by `motcua` (main.c) with the
 * arguments it was given, when they ask for a window; the commands run in
 * `motcua` itself, which loads no GTK.
 */
#include "config.h"

#include "mc-application.h"
#include "mc-board-command.h"
#include "mc-board-window.h"
#include "mc-counter-display.h"
#include "mc-kiosk.h"
#include "mc-kiosk-window.h"
#include "mc-locale.h"

int
main (int argc, char *argv[])
{
  g_autoptr(McApplication) app = NULL;

  mc_locale_setup ();
  if (mc_board_window_wanted (argc, argv))
    return mc_board_window_main (argc, argv);
  if (mc_counter_display_wanted (argc, argv))
    return mc_counter_display_main (argc, argv);
  if (mc_kiosk_window_wanted (argc, argv, NULL))
    return mc_kiosk_window_main (argc, argv);
  app = mc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
