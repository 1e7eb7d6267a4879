/* main.c — Motcua: i18n setup, then the command line or the application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "mc-cli.h"
#if MC_WITH_GUI
#include "mc-application.h"
#include "mc-board-window.h"
#endif

/* The centers work in Vietnamese: unless the user chose a language
 * explicitly (LANGUAGE), messages are Vietnamese whatever the system locale.
 * gettext ignores LANGUAGE under the C locale, so fall back to C.UTF-8. */
static void
setup_i18n (void)
{
  const char *locale = setlocale (LC_ALL, "");

  if (g_getenv ("LANGUAGE") == NULL)
    g_setenv ("LANGUAGE", "vi", TRUE);
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
      setlocale (LC_ALL, "C.UTF-8");
  /* Numbers in the files we write are never localized. */
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MOTCUA_LOCALEDIR") ? g_getenv ("MOTCUA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int argc, char *argv[])
{
  setup_i18n ();
#if MC_WITH_GUI
  if (mc_board_window_wanted (argc, argv))
    return mc_board_window_main (argc, argv);
#endif
  if (mc_cli_is_command (argc, argv) || !MC_WITH_GUI)
    return mc_cli_run (argc, argv);
#if MC_WITH_GUI
  {
    g_autoptr(McApplication) app = mc_application_new ();
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#endif
}
